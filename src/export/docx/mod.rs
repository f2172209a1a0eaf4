//! Word files (.docx) of the meeting notes, the agenda, the needs description and
//! the learning examples.
//!
//! Each document is built from the very context its Markdown and HTML templates get
//! (`context_value` in each renderer): the same gathered input, already filtered for
//! its audience by `ops::export`, the same words, the same order. This module only
//! arranges that context as a [`Document`] ([`model`]); [`writer`] makes the file.
//! Other documents plug in the same way: build a [`Document`], call [`write`].

mod dialogue;
pub mod markdown;
pub mod model;
pub mod reference;
mod watermark;
pub mod writer;

use serde_json::Value;

use super::{ExportError, Lang, NeedsInput, ReportInput, SummaryInput};
use crate::catalog;
use crate::domain::{AgendaItem, Attendance, Audience, Clock, Lesson, Meeting, Project};

pub use dialogue::dialogue;
pub use model::{Block, Document, ListItem, ParaKind, Running, Span};
pub use reference::Reference;

/// The document as a .docx file, with `reference`'s styles if given.
pub fn write(doc: &Document, reference: Option<&Reference>) -> Result<Vec<u8>, ExportError> {
    writer::write(doc, reference)
}

/// A string field of the context (`"meeting.title"`), or empty.
fn s(v: &Value, path: &str) -> String {
    let mut at = v;
    for key in path.split('.') {
        at = &at[key];
    }
    match at {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v[key].as_array().map(Vec::as_slice).unwrap_or(&[])
}

/// The document's running header and footer words.
fn running(lang: Lang, project: Option<&Value>, title: &str, date: &str) -> Running {
    // "Sida {page} ({pages})": the words around the two fields.
    let counter = catalog::text(lang, "document", "page_counter");
    let (before, rest) = counter.split_once("{page}").unwrap_or((counter, ""));
    let (between, after) = rest.split_once("{pages}").unwrap_or((rest, ""));
    Running {
        organisation: project.map(|p| s(p, "buyer")).unwrap_or_default(),
        project_code: project.map(|p| s(p, "code")).unwrap_or_default(),
        case_number: project.map(|p| s(p, "case_number")).unwrap_or_default(),
        title: title.to_string(),
        date: date.to_string(),
        draft: String::new(),
        page_words: (before.into(), between.into(), after.into()),
    }
}

fn dash(text: String) -> String {
    if text.trim().is_empty() {
        "–".into()
    } else {
        text
    }
}

// ---------------------------------------------------------------------------------------
// Meeting notes
// ---------------------------------------------------------------------------------------

/// A meeting's notes for `audience` (the input holds only what it may read).
pub fn summary(input: &SummaryInput, audience: Audience, lang: Lang) -> Document {
    let c = super::summary::context_value(input, audience, lang);
    let l = |k: &str| s(&c["l"], k);
    let mut doc = Document {
        lang: lang.as_str().into(),
        // Dated by the meeting, as the printed page's header is.
        running: running(
            lang,
            Some(&c["project"]),
            &l("title"),
            &input
                .clock
                .local(input.meeting.start)
                .date()
                .format("%Y-%m-%d")
                .to_string(),
        ),
        blocks: Vec::new(),
    };
    // Notes not yet approved are a draft; approved ones say when, if the store knows.
    let approved = c["draft"] != Value::Bool(true);
    if !approved {
        doc.running.draft = catalog::text(lang, "document", "draft").into();
    }
    doc.heading(1, format!("{} – {}", l("title"), s(&c, "meeting.title")));
    doc.para(vec![
        Span::bold(s(&c, "project.code")),
        Span::plain(
            [s(&c, "project.title"), s(&c, "project.buyer")]
                .into_iter()
                .filter(|t| !t.is_empty())
                .map(|t| format!(" · {t}"))
                .collect::<String>(),
        ),
    ]);
    if !approved {
        doc.quote(l("draft_banner"));
    }
    if c["internal"] == Value::Bool(true) {
        doc.quote(l("internal_banner"));
    }
    if c["meeting"]["cancelled"] == Value::Bool(true) {
        doc.quote(l("cancelled_banner"));
    }
    let place = match s(&c, "meeting.link") {
        link if !link.is_empty() => link,
        _ => dash(s(&c, "meeting.location")),
    };
    let mut notes_status = s(&c, "meeting.notes_status");
    let day = s(&c, "approved_on");
    if !day.is_empty() {
        notes_status = format!("{notes_status} ({} {day})", l("approved").to_lowercase());
    }
    doc.facts(vec![
        (l("case_number"), s(&c, "project.case_number")),
        (l("meeting_type"), s(&c, "meeting.kind")),
        (
            l("date_time"),
            format!("{} {}", s(&c, "meeting.day"), s(&c, "meeting.time")),
        ),
        (l("place"), place),
        (l("format"), s(&c, "meeting.format")),
        (l("phase"), s(&c, "project.phase")),
        (l("meeting_status"), s(&c, "meeting.status")),
        (l("notes_status"), notes_status),
        (l("note_taker"), s(&c, "note_taker")),
        (l("version"), s(&c, "audience_label")),
    ]);
    if let Some(fair) = c["fair_dialogue"].as_str() {
        doc.quote(fair);
    }
    let (purpose, outcome) = (s(&c, "meeting.purpose"), s(&c, "meeting.desired_outcome"));
    if !purpose.is_empty() || !outcome.is_empty() {
        doc.heading(2, l("purpose_heading"));
        doc.facts(vec![
            (l("purpose"), purpose),
            (l("desired_outcome"), outcome),
        ]);
    }

    doc.heading(2, l("participants"));
    let people = |doc: &mut Document, heading: String, key: &str| {
        let rows: Vec<Vec<String>> = list(&c, key)
            .iter()
            .map(|p| vec![s(p, "name"), s(p, "organisation"), s(p, "role")])
            .collect();
        if !rows.is_empty() {
            doc.heading(3, heading);
            doc.table(vec![l("name"), l("organisation"), l("role")], rows);
        }
    };
    if c["attendance_recorded"] == Value::Bool(true) {
        people(&mut doc, l("present"), "present");
        people(&mut doc, l("absent"), "absent");
    } else if !list(&c, "invited").is_empty() {
        people(&mut doc, l("invited"), "invited");
    } else {
        doc.text(l("no_participants"));
    }

    doc.heading(2, l("agenda"));
    let agenda = list(&c, "agenda");
    if agenda.is_empty() {
        doc.text(l("no_agenda"));
    } else {
        let rows = agenda
            .iter()
            .map(|b| {
                vec![
                    format!("{}–{}", s(b, "start"), s(b, "end")),
                    format!("{}. {}", s(b, "number"), s(b, "title")),
                    dash(s(b, "owner")),
                    s(b, "duration"),
                ]
            })
            .collect();
        doc.table(vec![l("time"), l("item"), l("owner"), l("duration")], rows);
    }

    doc.heading(2, l("notes"));
    let notes = |doc: &mut Document, list: &[Value]| {
        for n in list {
            if n["internal"] == Value::Bool(true) {
                doc.para(vec![Span::italic(format!("{}:", l("internal_note")))]);
            }
            doc.markdown(&s(n, "body"));
        }
    };
    let left_out = s(&c, "left_out_text");
    if !left_out.is_empty() {
        doc.para(vec![Span::italic(left_out)]);
    }
    let general = list(&c, "general_notes");
    if !general.is_empty() {
        doc.heading(3, l("general_notes"));
        notes(&mut doc, general);
    }
    for b in agenda {
        doc.heading(
            3,
            format!(
                "{}. {} ({}–{})",
                s(b, "number"),
                s(b, "title"),
                s(b, "start"),
                s(b, "end")
            ),
        );
        match list(b, "notes") {
            [] => doc.text(l("no_notes")),
            these => notes(&mut doc, these),
        }
    }
    if agenda.is_empty() && general.is_empty() {
        doc.text(l("no_notes"));
    }

    doc.heading(2, l("decisions"));
    let decisions = list(&c, "decisions");
    if decisions.is_empty() {
        doc.text(l("no_decisions"));
    }
    doc.blocks.extend((!decisions.is_empty()).then(|| {
        Block::List {
            ordered: true,
            items: decisions
                .iter()
                .flat_map(|d| {
                    let mut items = vec![ListItem {
                        level: 0,
                        spans: vec![Span::plain(s(d, "text"))],
                    }];
                    if !s(d, "rationale").is_empty() {
                        items.push(ListItem {
                            level: 1,
                            spans: vec![Span::plain(format!(
                                "{}: {}",
                                l("rationale"),
                                s(d, "rationale")
                            ))],
                        });
                    }
                    let by = s(d, "decided_by");
                    items.push(ListItem {
                        level: 1,
                        spans: vec![Span::plain(if by.is_empty() {
                            s(d, "decided_on")
                        } else {
                            format!("{}: {by}, {}", l("decided_by"), s(d, "decided_on"))
                        })],
                    });
                    items
                })
                .collect(),
        }
    }));

    doc.heading(2, l("actions"));
    let actions = list(&c, "actions");
    if actions.is_empty() {
        doc.text(l("no_actions"));
    } else {
        let rows = actions
            .iter()
            .map(|a| {
                vec![
                    s(a, "title"),
                    dash(s(a, "owner")),
                    dash(s(a, "due")),
                    s(a, "status_text"),
                ]
            })
            .collect();
        doc.table(vec![l("action"), l("owner"), l("due"), l("status")], rows);
    }
    let needs = list(&c, "needs");
    if !needs.is_empty() {
        doc.heading(2, l("needs"));
        doc.bullets(needs.iter().map(|n| {
            let what = [s(n, "priority"), s(n, "status")]
                .into_iter()
                .filter(|t| !t.is_empty())
                .map(|t| t.to_lowercase())
                .collect::<Vec<_>>()
                .join(", ");
            vec![
                Span::bold(s(n, "code")),
                Span::plain(format!(" {} ({what})", s(n, "statement"))),
            ]
        }));
    }
    let suggestions = list(&c, "suggestions");
    if !suggestions.is_empty() {
        doc.heading(2, l("suggestions"));
        for sg in suggestions {
            doc.para(vec![
                Span::bold(s(sg, "title")),
                Span::plain(format!(
                    " ({}; {}: {})",
                    s(sg, "status").to_lowercase(),
                    l("phase_concerned").to_lowercase(),
                    s(sg, "phase").to_lowercase()
                )),
            ]);
            if !s(sg, "description").is_empty() {
                doc.text(s(sg, "description"));
            }
            if !s(sg, "buyer_response").is_empty() {
                doc.facts(vec![(l("buyer_response"), s(sg, "buyer_response"))]);
            }
        }
    }
    let questions = list(&c, "questions");
    if !questions.is_empty() {
        doc.heading(2, l("questions"));
        doc.blocks.push(Block::List {
            ordered: false,
            items: questions
                .iter()
                .flat_map(|q| {
                    let mut items = vec![ListItem {
                        level: 0,
                        spans: vec![Span::plain(s(q, "text"))],
                    }];
                    if !s(q, "answer").is_empty() {
                        items.push(ListItem {
                            level: 1,
                            spans: vec![Span::plain(format!(
                                "{}: {}",
                                l("answer"),
                                s(q, "answer")
                            ))],
                        });
                    }
                    items
                })
                .collect(),
        });
    }
    if let Some(next) = c["next_meeting"].as_object().map(|_| &c["next_meeting"]) {
        doc.heading(2, l("next_meeting"));
        let place = match s(next, "link") {
            link if !link.is_empty() => format!(", {link}"),
            _ if !s(next, "location").is_empty() => format!(", {}", s(next, "location")),
            _ => String::new(),
        };
        doc.para(vec![
            Span::bold(s(next, "title")),
            Span::plain(format!(
                " ({}), {} {}{place}",
                s(next, "kind").to_lowercase(),
                s(next, "day"),
                s(next, "time")
            )),
        ]);
    }
    // Approved notes say who approved them and when; the name and the date are then
    // no longer to be filled in by hand.
    let signed = s(&c, "approved_line");
    doc.blocks.push(Block::Signature {
        heading: l("sign_heading"),
        lines: if signed.is_empty() {
            vec![l("sign_name"), l("sign_date"), l("signature")]
        } else {
            vec![l("signature")]
        },
        signed,
    });
    doc.small(format!(
        "{} · {} · {} {} · {}",
        s(&c, "project.code"),
        l("title").to_lowercase(),
        l("generated").to_lowercase(),
        s(&c, "date"),
        s(&c, "generator")
    ));
    doc
}

// ---------------------------------------------------------------------------------------
// Agenda
// ---------------------------------------------------------------------------------------

/// A meeting's printable agenda.
pub fn agenda(
    lang: Lang,
    project: &Project,
    meeting: &Meeting,
    items: &[AgendaItem],
    attendance: &[Attendance],
    clock: &Clock,
) -> Document {
    let c = super::agenda::context_value(lang, project, meeting, items, attendance, clock);
    let l = |k: &str| s(&c["l"], k);
    let date = clock
        .local(meeting.start)
        .date()
        .format("%Y-%m-%d")
        .to_string();
    let mut doc = Document {
        lang: lang.as_str().into(),
        running: running(lang, Some(&c["project"]), &l("title"), &date),
        blocks: Vec::new(),
    };
    doc.heading(1, s(&c, "meeting.title"));
    if c["meeting"]["cancelled"] == Value::Bool(true) {
        doc.quote(s(&c, "meeting.status").to_uppercase());
    }
    doc.para(vec![
        Span::bold(s(&c, "project.code")),
        Span::plain(
            [s(&c, "project.title"), s(&c, "project.buyer")]
                .into_iter()
                .filter(|t| !t.is_empty())
                .map(|t| format!(" · {t}"))
                .collect::<String>(),
        ),
    ]);
    let place = match s(&c, "meeting.link") {
        link if !link.is_empty() => link,
        _ => s(&c, "meeting.location"),
    };
    doc.facts(vec![
        (
            l("when"),
            format!(
                "{}, {} ({}) · {} {}",
                s(&c, "meeting.day"),
                s(&c, "meeting.time"),
                s(&c, "meeting.length"),
                l("week"),
                s(&c, "meeting.week")
            ),
        ),
        (l("where"), place),
        (l("format"), s(&c, "meeting.format")),
        (l("type"), s(&c, "meeting.kind")),
        (l("case_number"), s(&c, "project.case_number")),
    ]);
    for key in ["purpose", "desired_outcome"] {
        let text = s(&c["meeting"], key);
        if !text.is_empty() {
            doc.heading(2, l(key));
            doc.text(text);
        }
    }
    let participants = list(&c, "participants");
    if !participants.is_empty() {
        doc.heading(2, l("participants"));
        doc.bullets(participants.iter().map(|p| {
            let org = s(p, "organisation");
            let org = if org.is_empty() {
                org
            } else {
                format!(", {org}")
            };
            vec![Span::plain(format!(
                "{}{org} — {}",
                s(p, "name"),
                s(p, "role").to_lowercase()
            ))]
        }));
    }
    doc.heading(2, l("agenda"));
    let rows: Vec<Vec<String>> = list(&c, "items")
        .iter()
        .map(|i| {
            vec![
                format!("{}–{}", s(i, "start"), s(i, "end")),
                s(i, "title"),
                s(i, "duration"),
                s(i, "method"),
                s(i, "owner"),
                s(i, "expected_outcome"),
            ]
        })
        .collect();
    if rows.is_empty() {
        doc.text(l("no_items"));
    } else {
        doc.table(
            [
                "time",
                "block",
                "length",
                "method",
                "owner",
                "expected_outcome",
            ]
            .map(l)
            .to_vec(),
            rows,
        );
        let balance = s(&c, "balance");
        doc.para(vec![
            Span::bold(format!("{}: ", l("total"))),
            Span::plain(format!(
                "{} {} {}",
                s(&c, "total"),
                l("of"),
                s(&c, "meeting.length")
            )),
            Span {
                text: if balance.is_empty() {
                    balance
                } else {
                    format!(" — {balance}")
                },
                bold: c["over"] == Value::Bool(true),
                italic: false,
            },
        ]);
    }
    if let Some(fair) = c["fair_dialogue"].as_str() {
        doc.quote(fair);
    }
    doc
}

// ---------------------------------------------------------------------------------------
// Needs description
// ---------------------------------------------------------------------------------------

/// A project's needs description for `audience` (the input holds only what it may
/// read).
pub fn needs(input: &NeedsInput, audience: Audience, lang: Lang) -> Document {
    let c = super::needs::context_value(input, audience, lang);
    let l = |k: &str| s(&c["l"], k);
    let mut doc = Document {
        lang: lang.as_str().into(),
        running: running(lang, Some(&c["project"]), &l("title"), &s(&c, "date")),
        blocks: Vec::new(),
    };
    doc.heading(1, format!("{} – {}", l("title"), s(&c, "project.title")));
    doc.para(vec![
        Span::bold(s(&c, "project.code")),
        Span::plain(
            [s(&c, "project.title"), s(&c, "project.buyer")]
                .into_iter()
                .filter(|t| !t.is_empty())
                .map(|t| format!(" · {t}"))
                .collect::<String>(),
        ),
    ]);
    if c["internal"] == Value::Bool(true) {
        doc.quote(s(&c, "internal_banner"));
    }
    let by_priority = s(&c, "by_priority");
    doc.facts(vec![
        (l("case_number"), s(&c, "project.case_number")),
        (l("date"), s(&c, "date")),
        (
            l("count"),
            if by_priority.is_empty() {
                s(&c, "count")
            } else {
                format!("{} ({by_priority})", s(&c, "count"))
            },
        ),
        (l("version"), s(&c, "version")),
    ]);
    doc.heading(2, l("background"));
    if c["no_background"] == Value::Bool(true) {
        doc.text(l("no_background"));
    }
    doc.facts(
        list(&c, "background")
            .iter()
            .map(|f| (s(f, "label"), s(f, "text")))
            .collect(),
    );
    doc.quote(s(&c, "moscow"));
    let categories = list(&c, "categories");
    if categories.is_empty() {
        doc.text(l("none"));
    } else {
        doc.heading(2, l("summary"));
        let columns: Vec<String> = list(&c, "columns")
            .iter()
            .map(|v| v.as_str().unwrap_or("").to_string())
            .collect();
        let count = |v: &Value| match v.as_u64() {
            Some(0) | None => "–".to_string(),
            Some(n) => n.to_string(),
        };
        let mut header = vec![l("category")];
        header.extend(columns);
        header.push(l("total"));
        let mut rows: Vec<Vec<String>> = list(&c, "summary")
            .iter()
            .map(|r| {
                let mut row = vec![s(r, "category")];
                row.extend(list(r, "counts").iter().map(count));
                row.push(s(r, "total"));
                row
            })
            .collect();
        let mut totals = vec![l("total")];
        totals.extend(list(&c, "totals").iter().map(count));
        totals.push(s(&c, "total"));
        rows.push(totals);
        doc.table(header, rows);
        for category in categories {
            doc.heading(2, s(category, "name"));
            for group in list(category, "groups") {
                doc.heading(3, s(group, "heading"));
                for need in list(group, "needs") {
                    doc.para(vec![
                        Span::bold(s(need, "code")),
                        Span::plain(format!(" {}", s(need, "statement"))),
                    ]);
                    let mut items: Vec<ListItem> = Vec::new();
                    let mut item = |level: usize, label: String, text: String| {
                        items.push(ListItem {
                            level,
                            spans: vec![Span::bold(format!("{label}: ")), Span::plain(text)],
                        })
                    };
                    if need["structured"] == Value::Bool(true) {
                        for key in ["as_a", "i_need", "so_that"] {
                            if !s(need, key).is_empty() {
                                item(0, l(key), s(need, key));
                            }
                        }
                    }
                    let reason = s(need, "status_reason");
                    item(
                        0,
                        l("status"),
                        if reason.is_empty() {
                            s(need, "status")
                        } else {
                            format!("{} — {reason}", s(need, "status"))
                        },
                    );
                    if !s(need, "owner").is_empty() {
                        item(0, l("owner"), s(need, "owner"));
                    }
                    let evidence = list(need, "evidence");
                    if !evidence.is_empty() {
                        items.push(ListItem {
                            level: 0,
                            spans: vec![Span::bold(format!("{}:", l("evidence")))],
                        });
                        for e in evidence {
                            items.push(ListItem {
                                level: 1,
                                spans: evidence_spans(e, &l),
                            });
                        }
                    }
                    doc.blocks.push(Block::List {
                        ordered: false,
                        items,
                    });
                }
            }
        }
    }
    let scope = list(&c, "scope");
    if !scope.is_empty() {
        doc.heading(2, l("scope"));
        doc.text(l("scope_lead"));
        doc.bullets(scope.iter().map(|n| {
            let reason = match s(n, "reason") {
                r if r.is_empty() => l("no_reason"),
                r => r,
            };
            vec![
                Span::bold(s(n, "code")),
                Span::plain(format!(" {} — ", s(n, "statement"))),
                Span::italic(reason),
            ]
        }));
    }
    let merged = s(&c, "merged");
    if !merged.is_empty() {
        doc.text(merged);
    }
    doc.small(format!(
        "{} · {} · {} · {} · {}",
        s(&c, "project.code"),
        l("footer"),
        s(&c, "version"),
        s(&c, "date"),
        s(&c, "generator")
    ));
    doc
}

/// One piece of evidence on one line, as the Markdown version writes it.
fn evidence_spans(e: &Value, l: &dyn Fn(&str) -> String) -> Vec<Span> {
    let mut parts: Vec<String> = Vec::new();
    let meeting = s(e, "meeting");
    if !meeting.is_empty() {
        let date = s(e, "meeting_date");
        parts.push(if date.is_empty() {
            format!("{}: {meeting}", l("meeting"))
        } else {
            format!("{}: {meeting} ({date})", l("meeting"))
        });
    }
    if !s(e, "person").is_empty() {
        parts.push(format!("{}: {}", l("person"), s(e, "person")));
    }
    if !s(e, "document").is_empty() {
        parts.push(format!("{}: {}", l("document"), s(e, "document")));
    }
    let mut spans = vec![Span::plain(parts.join(" · "))];
    let note = s(e, "note");
    if !note.is_empty() {
        if !parts.is_empty() {
            spans.push(Span::plain(" — "));
        }
        spans.push(Span::italic(note));
    }
    spans
}

// ---------------------------------------------------------------------------------------
// Learning examples
// ---------------------------------------------------------------------------------------

/// The shareable ones of `lessons` as learning examples.
pub fn lessons(lang: Lang, lessons: &[Lesson], clock: &Clock) -> Document {
    let c = super::lessons::context_value(lang, lessons, clock);
    let l = |k: &str| s(&c["l"], k);
    let mut doc = Document {
        lang: lang.as_str().into(),
        running: running(lang, None, &l("title"), &s(&c, "date")),
        blocks: Vec::new(),
    };
    doc.heading(1, l("title"));
    doc.text(l("lead"));
    doc.facts(vec![
        (l("date"), s(&c, "date")),
        (l("in_this_document"), s(&c, "count")),
    ]);
    let all = list(&c, "lessons");
    if all.is_empty() {
        doc.text(l("none"));
    }
    for (i, lesson) in all.iter().enumerate() {
        doc.heading(2, format!("{}. {}", i + 1, s(lesson, "title")));
        let mut line = vec![Span::bold(s(lesson, "kind"))];
        for key in ["phase", "project_code"] {
            if !s(lesson, key).is_empty() {
                line.push(Span::plain(format!(" · {}", s(lesson, key))));
            }
        }
        doc.para(line);
        for section in list(lesson, "sections") {
            doc.heading(3, s(section, "heading"));
            doc.text(s(section, "text"));
        }
    }
    doc.small(format!(
        "{} · {} · {}",
        l("title"),
        s(&c, "date"),
        s(&c, "generator")
    ));
    doc
}

// ---------------------------------------------------------------------------------------
// Project report
// ---------------------------------------------------------------------------------------

/// A project's report for its buyer's project lead (internal), from the same words and
/// figures as the Markdown and HTML versions (`report::document`).
pub fn report(input: &ReportInput, lang: Lang) -> Document {
    let r = super::report::document(input, lang);
    let l = |k: &str| r.l.get(k).copied().unwrap_or_default().to_string();
    let mut doc = Document {
        lang: lang.as_str().into(),
        running: Running {
            organisation: r.project.buyer.to_string(),
            project_code: r.project.code.to_string(),
            case_number: r.project.case_number.to_string(),
            ..running(lang, None, &l("title"), &r.date)
        },
        blocks: Vec::new(),
    };
    doc.heading(1, format!("{} – {}", l("title"), r.project.title));
    doc.quote(l("internal_line"));
    doc.facts(vec![
        (l("buyer"), r.project.buyer.to_string()),
        (l("case_number"), r.project.case_number.to_string()),
        (l("phase"), r.project.phase.to_string()),
        (l("status"), r.status.to_string()),
        (l("date"), r.date.clone()),
    ]);
    doc.heading(2, l("overview"));
    let review = if r.review_due {
        format!("{} {}", r.review, l("review_due"))
    } else {
        r.review.clone()
    };
    doc.facts(vec![
        (l("review"), review),
        (l("overdue_actions_count"), r.overdue_actions.to_string()),
        (l("slipped_count"), r.slipped_milestones.to_string()),
        (l("open_needs"), r.open_needs.to_string()),
    ]);
    doc.heading(2, l("phase_track"));
    doc.list(
        true,
        r.track.iter().map(|step| {
            if step.current {
                vec![
                    Span::bold(step.name),
                    Span::plain(format!(" ← {}", l("current_phase"))),
                ]
            } else if step.done {
                vec![Span::plain(format!("{} ✓", step.name))]
            } else {
                vec![Span::plain(step.name)]
            }
        }),
    );
    for section in &r.sections {
        doc.heading(2, section.heading);
        if section.rows.is_empty() {
            doc.para(vec![Span::italic(section.empty)]);
        } else {
            doc.table(
                section
                    .columns
                    .iter()
                    .map(|c| c.heading.to_string())
                    .collect(),
                section.rows.iter().map(|row| row.cells.clone()).collect(),
            );
        }
    }
    doc.heading(2, l("needs"));
    if r.needs_total == 0 {
        doc.para(vec![Span::italic(l("no_needs"))]);
    } else {
        for (heading, column, bars) in [
            (l("by_status"), l("col_need_status"), &r.needs_by_status),
            (l("by_priority"), l("col_priority"), &r.needs_by_priority),
        ] {
            doc.heading(3, heading);
            let mut rows: Vec<Vec<String>> = bars
                .iter()
                .map(|b| vec![b.label.to_string(), b.count.to_string()])
                .collect();
            rows.push(vec![l("total"), r.needs_total.to_string()]);
            doc.table(vec![column, l("col_count")], rows);
        }
    }
    doc.small(format!(
        "{} · {} · {} · {}",
        r.project.code,
        l("title"),
        r.date,
        r.generator
    ));
    doc
}
