//! Meeting notes ("Mötesanteckningar" / "Meeting notes") of one meeting, as Markdown,
//! one self-contained HTML page that prints from a browser, or plain text, in Swedish
//! or English, for one of two audiences (DESIGN §6).
//!
//! # Audience rules
//!
//! Notes and outcomes carry confidentiality labels, and the gathering step
//! (`ops::export::summary_input`) applies the one rule, `Audience::share`, before
//! anything reaches this renderer: [`SummaryInput`] holds only what the audience may
//! read, so neither this code nor a user's own template can show, or count, anything
//! else. The renderer only marks which of what it was given is internal.
//!
//! Supplier-facing meetings ([`is_supplier_facing`]) carry the fair-dialogue statement.
//!
//! # Templates
//!
//! `summary.md.j2`, `summary.html.j2` and `summary.txt.j2` are compiled in from
//! `assets/export/`. A file with the same name in the user's template folder
//! ([`super::user_templates_dir`]) replaces the built-in one; a user template that
//! cannot be read, parsed or rendered gives an error naming the file. The HTML template
//! is auto-escaped; note bodies are Markdown and go through the `markdown` filter (raw
//! HTML escaped, unsafe links dropped) in HTML, `md_note` (as written) in Markdown and
//! `plain` in text. The words of the document come from [`Labels`] (`l` in the
//! templates), in the export's language.

use crate::catalog;
use crate::domain::web_link;
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use minijinja::value::Serde;
use minijinja::{Environment, Value};
use serde::Serialize;

use super::{
    ExportError, GENERATOR, Lang, PageCtx, ProjectCtx, TemplateSource, day_label, environment,
    fair_dialogue, without_controls,
};
use crate::domain::when::format_duration;
use crate::domain::{
    ActionItem, ActionStatus, AgendaItem, Attendance, AttendanceRole, Audience, Clock, Decision,
    Meeting, MeetingStatus, Need, Note, NotesStatus, Project, Question, Suggestion, TextEnum,
    agenda_times, is_supplier_facing,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SummaryFormat {
    Markdown,
    Html,
    Text,
    /// A Word file, built by `export::docx` (not in [`Self::ALL`], the text formats).
    Docx,
}

impl SummaryFormat {
    pub const ALL: [SummaryFormat; 3] = [Self::Markdown, Self::Html, Self::Text];

    /// The usual file extension, also the format's name in the export log.
    pub fn extension(self) -> &'static str {
        match self {
            SummaryFormat::Markdown => "md",
            SummaryFormat::Html => "html",
            SummaryFormat::Text => "txt",
            SummaryFormat::Docx => "docx",
        }
    }

    /// The format a file name's extension asks for (`html`, `htm`, `md`, `txt` …).
    pub fn from_extension(ext: &str) -> Option<SummaryFormat> {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(SummaryFormat::Markdown),
            "html" | "htm" => Some(SummaryFormat::Html),
            "txt" | "text" => Some(SummaryFormat::Text),
            "docx" => Some(SummaryFormat::Docx),
            _ => None,
        }
    }

    /// The template's file name, built in or in the user's template folder.
    pub fn template(self) -> &'static str {
        match self {
            SummaryFormat::Markdown => MD_TEMPLATE,
            SummaryFormat::Html => HTML_TEMPLATE,
            SummaryFormat::Text => TXT_TEMPLATE,
            SummaryFormat::Docx => super::NOT_TEXT,
        }
    }
}

// The names end in .md/.html/.txt (+ .j2) so that minijinja's default auto-escaping
// applies: HTML escaping for the page, none for Markdown and text.
pub const MD_TEMPLATE: &str = "summary.md.j2";
pub const HTML_TEMPLATE: &str = "summary.html.j2";
pub const TXT_TEMPLATE: &str = "summary.txt.j2";

/// The built-in templates, as shipped (for `tidig` to show or copy as a starting point).
pub const BUILT_IN: [(&str, &str); 3] = [
    (
        MD_TEMPLATE,
        include_str!("../../assets/export/summary.md.j2"),
    ),
    (
        HTML_TEMPLATE,
        include_str!("../../assets/export/summary.html.j2"),
    ),
    (
        TXT_TEMPLATE,
        include_str!("../../assets/export/summary.txt.j2"),
    ),
];

fn built_in() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = environment();
        for (name, source) in BUILT_IN {
            env.add_template(name, source)
                .unwrap_or_else(|e| panic!("the template {name} parses: {e}"));
        }
        env
    })
}

/// Everything a meeting's notes are made from, for one audience: the caller gathers it
/// and leaves out what that audience may not read (`Audience::share`).
#[derive(Debug, Clone)]
pub struct SummaryInput {
    pub project: Project,
    pub meeting: Meeting,
    /// In agenda order.
    pub agenda: Vec<AgendaItem>,
    /// Everyone on the meeting's list; the note-taker is the one with the role
    /// [`AttendanceRole::NoteTaker`].
    pub attendance: Vec<Attendance>,
    /// The meeting's notes the audience may read (meeting-wide first, then per agenda
    /// block, as `Store::notes` gives them).
    pub notes: Vec<Note>,
    /// How many written notes are in no export at all (supplier-confidential or
    /// personal): said in the internal version only; 0 for a shared version.
    pub withheld_notes: usize,
    /// Decisions made at the meeting.
    pub decisions: Vec<Decision>,
    /// Action items from the meeting, done and cancelled ones too.
    pub actions: Vec<ActionItem>,
    /// Needs with evidence from this meeting.
    pub needs: Vec<Need>,
    /// Improvement suggestions made at this meeting.
    pub suggestions: Vec<Suggestion>,
    pub questions: Vec<Question>,
    /// The next meeting this audience may know of (gathered by the caller, who applies
    /// the audience rule, `domain::shared_may_name`); its place is already cleared of
    /// any link for the shared version.
    pub next_meeting: Option<Meeting>,
    /// When the notes were last approved (a stored UTC timestamp from the notes status
    /// history), if they are approved or sent and the history knows.
    pub approved_at: Option<String>,
    /// Who approved them (the justerare), as given with that approval, if a name was.
    pub approved_by: Option<String>,
    /// The meeting's documentation registered in the case (diarieförd), recorded
    /// apart from the notes status ("sent").
    pub registration: Option<crate::domain::Registration>,
    /// Times are shown in this clock's local time; the export date is its today.
    pub clock: Clock,
}

/// Renders a meeting's notes for `audience` in `lang`.
pub fn render(
    input: &SummaryInput,
    format: SummaryFormat,
    audience: Audience,
    lang: Lang,
    templates: &TemplateSource,
) -> Result<String, ExportError> {
    if format == SummaryFormat::Docx {
        return Err(ExportError::NotText);
    }
    let ctx = Value::from(Serde(context(input, audience, lang)));
    let name = format.template();
    if let TemplateSource::Dir(dir) = templates {
        let file = dir.join(name);
        match std::fs::read_to_string(&file) {
            Ok(source) => {
                let user = |e: minijinja::Error| ExportError::UserTemplate {
                    file: file.clone(),
                    message: e.to_string(),
                };
                let mut env = environment();
                env.add_template_owned(name, source).map_err(user)?;
                let template = env.get_template(name).map_err(user)?;
                return template.render(ctx).map(without_controls).map_err(user);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(ExportError::UserTemplate {
                    file,
                    message: format!("cannot be read: {e}"),
                });
            }
        }
    }
    Ok(without_controls(
        built_in().get_template(name)?.render(ctx)?,
    ))
}

// ---------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------

/// The words of the document in one language (`l` in the templates): the catalog's
/// `[summary]` section.
fn labels(lang: Lang) -> &'static BTreeMap<&'static str, &'static str> {
    catalog::section(lang, "summary")
}

/// Which version this is: "Intern" / "Extern version" …
fn audience_label(lang: Lang, a: Audience) -> &'static str {
    match a {
        Audience::Internal => catalog::text(lang, "summary", "audience_internal"),
        Audience::Shared => catalog::text(lang, "summary", "audience_shared"),
    }
}

/// The internal version's line saying how many notes are in no export, or empty. A
/// shared version never says what it leaves out.
fn left_out_text(lang: Lang, audience: Audience, n: usize) -> String {
    match (n, audience) {
        (0, _) | (_, Audience::Shared) => String::new(),
        (1, Audience::Internal) => catalog::text(lang, "summary", "left_out_one").to_string(),
        (n, Audience::Internal) => catalog::fill(lang, "summary", "left_out_many", &[("n", &n)]),
    }
}

// ---------------------------------------------------------------------------------------
// Context
// ---------------------------------------------------------------------------------------

#[derive(Serialize)]
struct Context<'a> {
    /// `sv` or `en`.
    lang: &'static str,
    l: &'static BTreeMap<&'static str, &'static str>,
    /// `internal` or `shared`.
    audience: &'static str,
    audience_label: &'static str,
    internal: bool,
    project: ProjectCtx<'a>,
    meeting: MeetingCtx<'a>,
    /// The note-takers' names, joined with commas, or empty.
    note_taker: String,
    fair_dialogue: Option<&'static str>,
    /// Whether anyone is marked as having attended; until then everyone on the list
    /// is shown as invited rather than as absent.
    attendance_recorded: bool,
    present: Vec<PersonCtx<'a>>,
    absent: Vec<PersonCtx<'a>>,
    invited: Vec<PersonCtx<'a>>,
    agenda: Vec<BlockCtx<'a>>,
    /// Notes about the meeting as a whole (or about a block no longer on the agenda).
    general_notes: Vec<NoteCtx<'a>>,
    /// Notes in this version.
    notes_shown: usize,
    /// Notes this version leaves out, and the sentence that says so (empty if none).
    left_out: usize,
    left_out_text: String,
    decisions: Vec<DecisionCtx<'a>>,
    actions: Vec<ActionCtx<'a>>,
    needs: Vec<NeedCtx<'a>>,
    suggestions: Vec<SuggestionCtx<'a>>,
    questions: Vec<QuestionCtx<'a>>,
    next_meeting: Option<NextCtx<'a>>,
    /// The notes are not approved yet (working, draft or none): marked "UTKAST".
    draft: bool,
    /// The day the notes were approved, when known and they are approved or sent.
    approved_on: String,
    /// "Justerade av Åsa Öberg 2026-12-03": who approved approved or sent notes and
    /// when, for the Justeras block; empty when no name is known.
    approved_line: String,
    /// The printed page's margins.
    page: PageCtx,
    /// The day of the export, ISO.
    date: String,
    generator: &'static str,
}

#[derive(Serialize)]
struct MeetingCtx<'a> {
    title: &'a str,
    kind: &'static str,
    /// "tor 2026-12-03"
    day: String,
    /// "09:30–11:30", or "23:00 – 2026-12-04 01:00" across midnight.
    time: String,
    format: &'static str,
    location: &'a str,
    /// The location when it is a web address (a video meeting), for a link.
    link: Option<&'a str>,
    status: &'static str,
    notes_status: &'static str,
    /// "2026-11-23, nr KS 2026/118-4" once registered in the case.
    registered: Option<String>,
    cancelled: bool,
    purpose: &'a str,
    desired_outcome: &'a str,
}

#[derive(Serialize)]
struct PersonCtx<'a> {
    name: &'a str,
    organisation: &'a str,
    role: &'static str,
}

#[derive(Serialize)]
struct BlockCtx<'a> {
    number: usize,
    start: String,
    end: String,
    title: &'a str,
    duration: String,
    method: &'a str,
    owner: &'a str,
    expected_outcome: &'a str,
    notes: Vec<NoteCtx<'a>>,
}

#[derive(Serialize)]
struct NoteCtx<'a> {
    /// Markdown as written; templates pass it through `markdown`, `md_note` or `plain`.
    body: &'a str,
    /// An internal note (only in the internal version), marked as such.
    internal: bool,
}

#[derive(Serialize)]
struct DecisionCtx<'a> {
    text: &'a str,
    rationale: &'a str,
    decided_by: &'a str,
    decided_on: String,
}

#[derive(Serialize)]
struct ActionCtx<'a> {
    title: &'a str,
    owner: &'a str,
    due: String,
    status: &'static str,
    /// `open`, `in_progress`, `done` or `cancelled`, for styling.
    status_key: &'static str,
    /// "Klar 2026-11-20": the status, with the day it was done.
    status_text: String,
}

#[derive(Serialize)]
struct NeedCtx<'a> {
    code: &'a str,
    statement: &'a str,
    priority: &'static str,
    status: &'static str,
}

#[derive(Serialize)]
struct SuggestionCtx<'a> {
    title: &'a str,
    description: &'a str,
    phase: &'static str,
    status: &'static str,
    buyer_response: &'a str,
}

#[derive(Serialize)]
struct QuestionCtx<'a> {
    text: &'a str,
    answer: &'a str,
}

#[derive(Serialize)]
struct NextCtx<'a> {
    title: &'a str,
    kind: &'static str,
    day: String,
    time: String,
    location: &'a str,
    link: Option<&'a str>,
}

/// "09:30–11:30" on one day, "23:00 – 2026-12-04 01:00" across midnight.
fn time_span(clock: &Clock, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let (s, e) = (clock.local(start), clock.local(end));
    if s.date() == e.date() {
        format!("{}–{}", s.format("%H:%M"), e.format("%H:%M"))
    } else {
        format!("{} – {}", s.format("%H:%M"), e.format("%Y-%m-%d %H:%M"))
    }
}

/// What the templates see, as data, for documents built another way (the Word file):
/// the same words, the same filtered input, the same order.
pub(crate) fn context_value(
    input: &SummaryInput,
    audience: Audience,
    lang: Lang,
) -> serde_json::Value {
    serde_json::to_value(context(input, audience, lang)).expect("the context serialises")
}

fn context<'a>(input: &'a SummaryInput, audience: Audience, lang: Lang) -> Context<'a> {
    let clock = &input.clock;
    let meeting = &input.meeting;
    let hm = |t: DateTime<Utc>| clock.local(t).format("%H:%M").to_string();

    // The notes are already only those the audience may read; notes with nothing
    // written are not shown.
    let readable: Vec<&Note> = input
        .notes
        .iter()
        .filter(|n| !n.body.trim().is_empty())
        .collect();
    let left_out = match audience {
        Audience::Internal => input.withheld_notes,
        Audience::Shared => 0,
    };
    let note_ctx = |n: &&'a Note| NoteCtx {
        body: n.body.trim_matches('\n').trim_end(),
        internal: n.confidentiality != crate::domain::Confidentiality::Shareable,
    };

    let on_agenda: HashSet<i64> = input.agenda.iter().map(|i| i.id).collect();
    let times = agenda_times(meeting.start, input.agenda.iter().map(|i| &i.minutes));
    let agenda = input
        .agenda
        .iter()
        .zip(times)
        .enumerate()
        .map(|(i, (item, (s, e)))| BlockCtx {
            number: i + 1,
            start: hm(s),
            end: hm(e),
            title: item.title.trim(),
            duration: format_duration(item.minutes),
            method: item.method.trim(),
            owner: item.owner.trim(),
            expected_outcome: item.expected_outcome.trim(),
            notes: readable
                .iter()
                .filter(|n| n.agenda_item_id == Some(item.id))
                .map(note_ctx)
                .collect(),
        })
        .collect();
    let general_notes = readable
        .iter()
        .filter(|n| n.agenda_item_id.is_none_or(|id| !on_agenda.contains(&id)))
        .map(note_ctx)
        .collect();

    let person = |a: &'a Attendance| PersonCtx {
        name: a.person_name.trim(),
        organisation: a.organisation_name.as_deref().unwrap_or("").trim(),
        role: catalog::label(lang, a.role),
    };
    let attendance_recorded = input.attendance.iter().any(|a| a.attended);
    let (present, absent, invited) = if attendance_recorded {
        (
            input
                .attendance
                .iter()
                .filter(|a| a.attended)
                .map(person)
                .collect(),
            // Invited but not there. Someone on the list who was neither invited nor
            // attended is in neither list.
            input
                .attendance
                .iter()
                .filter(|a| a.invited && !a.attended)
                .map(person)
                .collect(),
            Vec::new(),
        )
    } else {
        (
            Vec::new(),
            Vec::new(),
            input.attendance.iter().map(person).collect(),
        )
    };
    let note_taker = input
        .attendance
        .iter()
        .filter(|a| a.role == AttendanceRole::NoteTaker)
        .map(|a| a.person_name.trim())
        .collect::<Vec<_>>()
        .join(", ");

    // Decisions, actions, needs, suggestions and questions are, like the notes, only
    // those the audience may read (the gathering applied the label rule).
    let mut decisions: Vec<&Decision> = input.decisions.iter().collect();
    decisions.sort_by_key(|d| (d.decided_on, d.id));
    let decisions = decisions
        .into_iter()
        .map(|d| DecisionCtx {
            text: d.text.trim(),
            rationale: d.rationale.trim(),
            decided_by: d.decided_by.trim(),
            decided_on: d.decided_on.format("%Y-%m-%d").to_string(),
        })
        .collect();
    let actions = input
        .actions
        .iter()
        .map(|a| {
            let status = catalog::label(lang, a.status);
            ActionCtx {
                title: a.title.trim(),
                owner: a.owner.trim(),
                due: a
                    .due_date
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                status,
                status_key: a.status.as_str(),
                status_text: match (a.status, a.done_date) {
                    (ActionStatus::Done, Some(d)) => format!("{status} {}", d.format("%Y-%m-%d")),
                    _ => status.to_string(),
                },
            }
        })
        .collect();
    let needs = input
        .needs
        .iter()
        .map(|n| NeedCtx {
            code: &n.code,
            statement: n.statement.trim(),
            priority: n.priority.map(|p| catalog::label(lang, p)).unwrap_or(""),
            status: catalog::label(lang, n.status),
        })
        .collect();
    let suggestions = input
        .suggestions
        .iter()
        .map(|s| SuggestionCtx {
            title: s.title.trim(),
            description: s.description.trim(),
            phase: catalog::label(lang, s.phase),
            status: catalog::label(lang, s.status),
            buyer_response: s.buyer_response.trim(),
        })
        .collect();
    let questions = input
        .questions
        .iter()
        .map(|q| QuestionCtx {
            text: q.text.trim(),
            answer: q.answer.trim(),
        })
        .collect();
    let next_meeting = input.next_meeting.as_ref().map(|m| NextCtx {
        title: m.title.trim(),
        kind: catalog::label(lang, m.kind),
        day: day_label(lang, clock.local(m.start).date()),
        time: time_span(clock, m.start, m.end),
        location: m.location.trim(),
        link: web_link(&m.location),
    });

    let project = &input.project;
    Context {
        lang: lang.as_str(),
        l: labels(lang),
        audience: audience.as_str(),
        audience_label: audience_label(lang, audience),
        internal: audience == Audience::Internal,
        project: ProjectCtx::of(project, catalog::label(lang, project.phase)),
        meeting: MeetingCtx {
            title: meeting.title.trim(),
            kind: catalog::label(lang, meeting.kind),
            day: day_label(lang, clock.local(meeting.start).date()),
            time: time_span(clock, meeting.start, meeting.end),
            format: catalog::label(lang, meeting.format),
            location: meeting.location.trim(),
            link: web_link(&meeting.location),
            status: catalog::label(lang, meeting.status),
            notes_status: catalog::label(lang, meeting.notes_status),
            registered: input.registration.as_ref().map(|r| {
                format!(
                    "{}, {} {}",
                    r.registered_on,
                    labels(lang)["registered_number"],
                    r.document_number.trim()
                )
            }),
            cancelled: meeting.status == MeetingStatus::Cancelled,
            purpose: meeting.purpose.trim(),
            desired_outcome: meeting.desired_outcome.trim(),
        },
        note_taker,
        fair_dialogue: is_supplier_facing(meeting, &input.attendance).then(|| fair_dialogue(lang)),
        attendance_recorded,
        present,
        absent,
        invited,
        agenda,
        general_notes,
        notes_shown: readable.len(),
        left_out,
        left_out_text: left_out_text(lang, audience, left_out),
        decisions,
        actions,
        needs,
        suggestions,
        questions,
        next_meeting,
        draft: is_draft(meeting.notes_status),
        approved_on: approved_on(input),
        approved_line: match (approved_on(input), &input.approved_by) {
            (on, Some(name)) if !on.is_empty() => catalog::fill(
                lang,
                "summary",
                "approved_by",
                &[("name", name), ("date", &on)],
            ),
            _ => String::new(),
        },
        page: PageCtx::new(
            lang,
            Some(project),
            catalog::text(lang, "summary", "title"),
            &clock.local(meeting.start).date().to_string(),
            is_draft(meeting.notes_status),
        ),
        date: clock.today().format("%Y-%m-%d").to_string(),
        generator: GENERATOR,
    }
}

/// The day approved or sent notes were approved, if the history knows; else empty.
fn approved_on(input: &SummaryInput) -> String {
    match (input.meeting.notes_status, &input.approved_at) {
        (NotesStatus::Approved | NotesStatus::Sent, Some(at)) => input.clock.local_date(at),
        _ => String::new(),
    }
}

/// Notes are a draft until they are approved: they carry "UTKAST" until then.
pub fn is_draft(status: NotesStatus) -> bool {
    status.index() < NotesStatus::Approved.index()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_table_says_meeting_notes_not_minnesanteckningar() {
        assert_eq!(labels(Lang::Sv)["title"], "Mötesanteckningar");
        assert_eq!(labels(Lang::En)["title"], "Meeting notes");
        for (_, source) in BUILT_IN {
            assert!(!source.to_lowercase().contains("minnesanteckning"));
        }
    }

    #[test]
    fn formats_come_from_extensions() {
        assert_eq!(
            SummaryFormat::from_extension("HTM"),
            Some(SummaryFormat::Html)
        );
        assert_eq!(
            SummaryFormat::from_extension("txt"),
            Some(SummaryFormat::Text)
        );
        assert_eq!(
            SummaryFormat::from_extension("md"),
            Some(SummaryFormat::Markdown)
        );
        assert_eq!(SummaryFormat::from_extension("pdf"), None);
    }

    #[test]
    fn only_the_internal_version_counts_what_is_left_out() {
        assert_eq!(left_out_text(Lang::Sv, Audience::Internal, 0), "");
        assert_eq!(left_out_text(Lang::Sv, Audience::Shared, 3), "");
        assert_eq!(left_out_text(Lang::En, Audience::Shared, 1), "");
        assert_eq!(
            left_out_text(Lang::En, Audience::Internal, 1),
            "1 note is supplier-confidential or personal and is in no export."
        );
    }
}
