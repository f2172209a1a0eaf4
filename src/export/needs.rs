//! The needs description (behovsbeskrivning) of one project: Markdown or a
//! self-contained HTML page for reading and printing, grouped by category and MoSCoW
//! priority with the evidence behind each need, and a CSV file of every need for
//! spreadsheets.
//!
//! Merged and rejected needs are left out of the documents (a note says how many and
//! why) but are rows of the CSV file, with their status and its reason.

use std::cmp::Ordering;
use std::collections::HashMap;

use minijinja::Value;
use minijinja::value::Serde;
use serde::Serialize;

use super::{CSV_BOM, ExportError, GENERATOR, ProjectCtx, csv_record, documents, without_controls};
use crate::domain::{Clock, Evidence, Need, NeedStatus, Priority, Project, TextEnum, swedish_cmp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeedsFormat {
    Markdown,
    Html,
    /// RFC 4180 with a UTF-8 byte order mark, guarded against formula injection.
    Csv,
}

impl NeedsFormat {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            NeedsFormat::Markdown => "md",
            NeedsFormat::Html => "html",
            NeedsFormat::Csv => "csv",
        }
    }
}

pub(crate) const MD_TEMPLATE: &str = "needs.md.j2";
pub(crate) const HTML_TEMPLATE: &str = "needs.html.j2";

/// The CSV file's header row, in column order.
pub const CSV_COLUMNS: [&str; 13] = [
    "code",
    "statement",
    "as_a",
    "i_need",
    "so_that",
    "category",
    "priority",
    "status",
    "status_reason",
    "owner",
    "evidence",
    "created",
    "updated",
];

/// Renders a project's needs. `evidence` maps a need's id to its evidence (a need
/// missing from the map has none).
pub fn render(
    format: NeedsFormat,
    _audience: crate::domain::Audience,
    _lang: super::Lang,
    project: &Project,
    needs: &[Need],
    evidence: &HashMap<i64, Vec<Evidence>>,
    clock: &Clock,
) -> Result<String, ExportError> {
    let template = match format {
        NeedsFormat::Csv => return Ok(super::without_controls_keep_crlf(csv(needs, evidence))),
        NeedsFormat::Markdown => MD_TEMPLATE,
        NeedsFormat::Html => HTML_TEMPLATE,
    };
    let ctx = context(project, needs, evidence, clock);
    let template = documents().get_template(template)?;
    Ok(without_controls(template.render(Value::from(Serde(&ctx)))?))
}

/// Whether a need belongs in the description: merged ones live on in the need they
/// were merged into, and rejected ones are not needs of the procurement.
fn described(need: &Need) -> bool {
    !matches!(need.status, NeedStatus::Merged | NeedStatus::Rejected)
}

// ---------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------

fn csv(needs: &[Need], evidence: &HashMap<i64, Vec<Evidence>>) -> String {
    let mut out = String::new();
    out.push(CSV_BOM);
    csv_record(&mut out, &CSV_COLUMNS);
    let mut sorted: Vec<&Need> = needs.iter().collect();
    sorted.sort_by_key(|n| (n.project_code.as_str(), n.number));
    for n in sorted {
        let evidence = evidence
            .get(&n.id)
            .map(|list| {
                list.iter()
                    .map(evidence_text)
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default();
        // A merge stores the need it went into, not a sentence: word it here.
        let target = n
            .merged_into
            .and_then(|id| needs.iter().find(|t| t.id == id))
            .map(|t| t.code.as_str());
        let reason = crate::text::need_reason(&n.status_reason, n.status, target);
        csv_record(
            &mut out,
            &[
                n.code.as_str(),
                n.statement.as_str(),
                n.as_a.as_str(),
                n.i_need.as_str(),
                n.so_that.as_str(),
                n.category.as_str(),
                n.priority.map(|p| p.as_str()).unwrap_or(""),
                n.status.as_str(),
                &reason,
                n.owner.as_str(),
                evidence.as_str(),
                n.created_at.as_str(),
                n.updated_at.as_str(),
            ],
        );
    }
    out
}

/// One piece of evidence on one line:
/// "Meeting: Behovsworkshop 1 (2026-11-19) · Person: Åsa Öberg · Document: Enkät.pdf — note".
fn evidence_text(e: &Evidence) -> String {
    let mut parts = Vec::new();
    if let Some(title) = &e.meeting_title {
        match &e.meeting_date {
            Some(date) => parts.push(format!("Meeting: {title} ({date})")),
            None => parts.push(format!("Meeting: {title}")),
        }
    }
    if let Some(name) = &e.person_name {
        parts.push(format!("Person: {name}"));
    }
    let document = e.document.trim();
    if !document.is_empty() {
        parts.push(format!("Document: {document}"));
    }
    let mut text = parts.join(" · ");
    let note = e.note.split_whitespace().collect::<Vec<_>>().join(" ");
    if !note.is_empty() {
        if !text.is_empty() {
            text.push_str(" — ");
        }
        text.push_str(&note);
    }
    text
}

// ---------------------------------------------------------------------------------------
// Markdown and HTML
// ---------------------------------------------------------------------------------------

/// The priority groups, in MoSCoW order with the unprioritised last.
const PRIORITIES: [Option<Priority>; 5] = [
    Some(Priority::Must),
    Some(Priority::Should),
    Some(Priority::Could),
    Some(Priority::Wont),
    None,
];

fn priority_rank(p: Option<Priority>) -> usize {
    PRIORITIES
        .iter()
        .position(|q| *q == p)
        .unwrap_or(PRIORITIES.len())
}

fn priority_key(p: Option<Priority>) -> &'static str {
    p.map(|p| p.as_str()).unwrap_or("none")
}

/// The heading of a priority group.
fn priority_heading(p: Option<Priority>) -> &'static str {
    match p {
        Some(Priority::Must) => "Must have",
        Some(Priority::Should) => "Should have",
        Some(Priority::Could) => "Could have",
        Some(Priority::Wont) => "Won't have this time",
        None => "Not yet prioritised",
    }
}

/// The short column label of a priority.
fn priority_label(p: Option<Priority>) -> &'static str {
    p.map(|p| p.label()).unwrap_or("No priority")
}

const UNCATEGORISED: &str = "Uncategorised";

#[derive(Serialize)]
struct Context<'a> {
    project: ProjectCtx<'a>,
    /// The day of the export, "2026-11-26".
    date: String,
    /// Needs in the description.
    total: usize,
    /// "2 must, 1 should, 1 without priority": the counts that are not zero.
    by_priority: String,
    /// The priority column labels of the summary table.
    columns: Vec<&'static str>,
    summary: Vec<SummaryRow>,
    totals: Vec<usize>,
    /// Why some needs are not in the description, or empty.
    left_out: String,
    categories: Vec<CategoryCtx<'a>>,
    generator: &'static str,
}

#[derive(Serialize)]
struct SummaryRow {
    category: String,
    uncategorised: bool,
    /// One count per priority group, in `PRIORITIES` order.
    counts: Vec<usize>,
    total: usize,
}

#[derive(Serialize)]
struct CategoryCtx<'a> {
    name: &'a str,
    uncategorised: bool,
    /// An HTML id for the section.
    anchor: String,
    count: usize,
    groups: Vec<GroupCtx<'a>>,
}

#[derive(Serialize)]
struct GroupCtx<'a> {
    heading: &'static str,
    /// `must`, `should`, `could`, `wont` or `none`, for styling.
    key: &'static str,
    needs: Vec<NeedCtx<'a>>,
}

#[derive(Serialize)]
struct NeedCtx<'a> {
    code: &'a str,
    statement: &'a str,
    /// The "As a … I need … so that …" form, when it says more than the statement.
    structured: bool,
    as_a: &'a str,
    i_need: &'a str,
    so_that: &'a str,
    priority: &'static str,
    status: &'static str,
    status_key: &'static str,
    status_reason: &'a str,
    owner: &'a str,
    evidence: Vec<EvidenceCtx<'a>>,
}

#[derive(Serialize)]
struct EvidenceCtx<'a> {
    meeting: Option<&'a str>,
    meeting_date: Option<&'a str>,
    person: Option<&'a str>,
    document: &'a str,
    note: &'a str,
}

fn context<'a>(
    project: &'a Project,
    needs: &'a [Need],
    evidence: &'a HashMap<i64, Vec<Evidence>>,
    clock: &Clock,
) -> Context<'a> {
    let shown: Vec<&Need> = needs.iter().filter(|n| described(n)).collect();

    // Categories in Swedish order, the uncategorised last.
    let mut names: Vec<&str> = shown.iter().map(|n| n.category.trim()).collect();
    names.sort_by(|a, b| category_order(a, b));
    names.dedup();

    let mut categories = Vec::new();
    let mut summary = Vec::new();
    let mut totals = vec![0; PRIORITIES.len()];
    for (i, name) in names.into_iter().enumerate() {
        let mut members: Vec<&Need> = shown
            .iter()
            .copied()
            .filter(|n| n.category.trim() == name)
            .collect();
        members.sort_by_key(|n| (priority_rank(n.priority), n.number));
        let mut counts = vec![0; PRIORITIES.len()];
        let mut groups = Vec::new();
        for (rank, priority) in PRIORITIES.iter().enumerate() {
            let group: Vec<NeedCtx<'a>> = members
                .iter()
                .filter(|n| n.priority == *priority)
                .map(|n| need_ctx(n, evidence))
                .collect();
            counts[rank] = group.len();
            totals[rank] += group.len();
            if !group.is_empty() {
                groups.push(GroupCtx {
                    heading: priority_heading(*priority),
                    key: priority_key(*priority),
                    needs: group,
                });
            }
        }
        let uncategorised = name.is_empty();
        let label = if uncategorised { UNCATEGORISED } else { name };
        summary.push(SummaryRow {
            category: label.to_string(),
            uncategorised,
            counts,
            total: members.len(),
        });
        categories.push(CategoryCtx {
            name: label,
            uncategorised,
            anchor: format!("c{}", i + 1),
            count: members.len(),
            groups,
        });
    }

    let by_priority = PRIORITIES
        .iter()
        .zip(&totals)
        .filter(|(_, n)| **n > 0)
        .map(|(p, n)| match p {
            Some(p) => format!("{n} {}", p.label().to_lowercase()),
            None => format!("{n} without priority"),
        })
        .collect::<Vec<_>>()
        .join(", ");

    let merged = needs
        .iter()
        .filter(|n| n.status == NeedStatus::Merged)
        .count();
    let rejected = needs
        .iter()
        .filter(|n| n.status == NeedStatus::Rejected)
        .count();

    Context {
        project: ProjectCtx::of(project, ""),
        date: clock.today().format("%Y-%m-%d").to_string(),
        total: shown.len(),
        by_priority,
        columns: PRIORITIES.iter().map(|p| priority_label(*p)).collect(),
        summary,
        totals,
        left_out: left_out_note(merged, rejected),
        categories,
        generator: GENERATOR,
    }
}

/// Swedish order, ignoring case, with the empty category (uncategorised) last.
fn category_order(a: &str, b: &str) -> Ordering {
    a.is_empty()
        .cmp(&b.is_empty())
        .then_with(|| swedish_cmp(a, b))
}

fn need_ctx<'a>(n: &'a Need, evidence: &'a HashMap<i64, Vec<Evidence>>) -> NeedCtx<'a> {
    let (as_a, i_need, so_that) = (n.as_a.trim(), n.i_need.trim(), n.so_that.trim());
    // A statement written from the structured form says the same thing again.
    let structured = !i_need.is_empty()
        && n.statement.trim() != crate::text::need_sentence(as_a, i_need, so_that);
    NeedCtx {
        code: &n.code,
        statement: n.statement.trim(),
        structured,
        as_a,
        i_need,
        so_that,
        priority: priority_label(n.priority),
        status: n.status.label(),
        status_key: n.status.as_str(),
        status_reason: n.status_reason.trim(),
        owner: n.owner.trim(),
        evidence: evidence
            .get(&n.id)
            .map(|list| {
                list.iter()
                    .map(|e| EvidenceCtx {
                        meeting: e.meeting_title.as_deref(),
                        meeting_date: e.meeting_date.as_deref(),
                        person: e.person_name.as_deref(),
                        document: e.document.trim(),
                        note: e.note.trim(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// "3 needs are left out: 2 were merged into other needs and 1 was rejected. …"
fn left_out_note(merged: usize, rejected: usize) -> String {
    let total = merged + rejected;
    if total == 0 {
        return String::new();
    }
    let mut why = Vec::new();
    match merged {
        0 => {}
        1 => why.push("1 was merged into another need (which carries its evidence)".to_string()),
        n => why.push(format!(
            "{n} were merged into other needs (which carry their evidence)"
        )),
    }
    match rejected {
        0 => {}
        1 => why.push("1 was rejected".to_string()),
        n => why.push(format!("{n} were rejected")),
    }
    let (subject, verb) = if total == 1 {
        ("need", "is")
    } else {
        ("needs", "are")
    };
    format!(
        "{total} {subject} {verb} left out: {}. The CSV export lists every need with its status.",
        why.join(" and ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uncategorised_comes_last_and_categories_in_swedish_order() {
        let mut names = vec!["", "Översikt", "Åtkomst", "Ärenden", "Zon", "arbete"];
        names.sort_by(|a, b| category_order(a, b));
        assert_eq!(
            names,
            ["arbete", "Zon", "Åtkomst", "Ärenden", "Översikt", ""]
        );
    }

    #[test]
    fn the_note_says_how_many_and_why() {
        assert_eq!(left_out_note(0, 0), "");
        assert!(left_out_note(1, 0).starts_with("1 need is left out: 1 was merged"));
        assert!(left_out_note(2, 1).starts_with(
            "3 needs are left out: 2 were merged into other needs (which carry their \
                 evidence) and 1 was rejected."
        ));
    }

    #[test]
    fn evidence_reads_as_one_line() {
        let e = Evidence {
            id: 1,
            need_id: 1,
            meeting_id: Some(1),
            meeting_title: Some("Behovsworkshop 1".into()),
            meeting_date: Some("2026-11-19".into()),
            person_id: Some(2),
            person_name: Some("Åsa Öberg".into()),
            document: "Enkät.pdf".into(),
            note: "sa det\ntvå gånger".into(),
            confidentiality: crate::domain::Confidentiality::Shareable,
        };
        assert_eq!(
            evidence_text(&e),
            "Meeting: Behovsworkshop 1 (2026-11-19) · Person: Åsa Öberg · Document: Enkät.pdf — sa det två gånger"
        );
        let note_only = Evidence {
            meeting_id: None,
            meeting_title: None,
            meeting_date: None,
            person_id: None,
            person_name: None,
            document: String::new(),
            ..e
        };
        assert_eq!(evidence_text(&note_only), "sa det två gånger");
    }
}
