//! The project report (projektrapport): a project's attention view as a document for
//! the buyer's project lead, in Markdown or a self-contained HTML page that prints on
//! A4, in Swedish or English. It is internal: a line at the top says so.
//!
//! The gathering (`ops::export::report_input`) reads the same attention view the
//! project's first tab shows (`Store::attention_paged`, with no page limit) into a
//! [`ReportInput`]. [`document`] turns that into [`ReportDoc`]: plain worded data
//! (headings, table columns and cells, bars) that the templates print and that a Word
//! writer can lay out the same way. The words come from the catalog's `[report]`
//! section (`l` in the templates) and the enum labels.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use minijinja::Value;
use minijinja::value::Serde;
use serde::Serialize;

use super::{
    ExportError, GENERATOR, Lang, PageCtx, ProjectCtx, day_label, documents, without_controls,
};
use crate::catalog;
use crate::domain::{
    Attention, AttentionLine, Clock, LineDetail, LineWhen, NeedStatus, Phase, Priority, Project,
    ReviewAge, SectionKind, TextEnum,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Markdown,
    Html,
    /// A Word file, built by `export::docx` (not in [`Self::ALL`], the text formats).
    Docx,
}

impl ReportFormat {
    pub const ALL: [ReportFormat; 2] = [Self::Markdown, Self::Html];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Markdown => "md",
            ReportFormat::Html => "html",
            ReportFormat::Docx => "docx",
        }
    }
}

pub(crate) const MD_TEMPLATE: &str = "report.md.j2";
pub(crate) const HTML_TEMPLATE: &str = "report.html.j2";

/// Everything a project report is made from.
#[derive(Debug, Clone)]
pub struct ReportInput {
    pub project: Project,
    /// The project's attention view with every line of every section.
    pub attention: Attention,
    /// How long ago the project was reviewed, against the configured threshold.
    pub review: ReviewAge,
    /// The export date is its today; times are in its local time.
    pub clock: Clock,
}

/// Renders a project report in `lang`.
pub fn render(
    input: &ReportInput,
    format: ReportFormat,
    lang: Lang,
) -> Result<String, ExportError> {
    let doc = document(input, lang);
    let name = match format {
        ReportFormat::Markdown => MD_TEMPLATE,
        ReportFormat::Html => HTML_TEMPLATE,
        ReportFormat::Docx => return Err(ExportError::NotText),
    };
    let template = documents().get_template(name)?;
    Ok(without_controls(template.render(Value::from(Serde(&doc)))?))
}

fn word(lang: Lang, key: &str) -> &'static str {
    catalog::text(lang, "report", key)
}

/// A report in words: what every format prints, in the order it prints it.
#[derive(Debug, Clone, Serialize)]
pub struct ReportDoc<'a> {
    /// `sv` or `en`.
    pub lang: &'static str,
    /// The words of the document (the catalog's `[report]` section).
    pub l: &'static BTreeMap<&'static str, &'static str>,
    pub project: ProjectCtx<'a>,
    /// The project's status, in words.
    pub status: &'static str,
    /// The day of the export, "2026-12-04".
    pub date: String,
    /// The page's running header and footer in print.
    pub page: PageCtx,
    /// Every phase in order, the current one marked.
    pub track: Vec<TrackStep>,
    /// "Genomgånget för 3 dagar sedan."
    pub review: String,
    /// The review is older than the threshold allows, or never done.
    pub review_due: bool,
    pub overdue_actions: usize,
    pub slipped_milestones: usize,
    pub open_needs: usize,
    /// The attention view's sections, every one (an empty one says so).
    pub sections: Vec<SectionDoc>,
    pub needs_total: i64,
    pub needs_by_status: Vec<Bar>,
    pub needs_by_priority: Vec<Bar>,
    pub generator: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrackStep {
    pub name: &'static str,
    pub done: bool,
    pub current: bool,
}

/// One section of the report: a table, or the sentence that says it is empty.
#[derive(Debug, Clone, Serialize)]
pub struct SectionDoc {
    /// A stable name for styling (`slipped`, `next_meetings` …).
    pub key: &'static str,
    pub heading: &'static str,
    /// Said when there are no rows.
    pub empty: &'static str,
    /// Column keys (for column widths) and headings.
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub key: &'static str,
    pub heading: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub cells: Vec<String>,
    /// Late (an overdue action, a slipped milestone): shown as a warning.
    pub late: bool,
}

/// One bar of a needs chart: a label, a count and its share of the largest bar.
#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    pub label: &'static str,
    pub count: i64,
    /// 0–100, relative to the largest count, for the HTML bars.
    pub percent: i64,
}

/// The report's words and figures for `lang`.
pub fn document(input: &ReportInput, lang: Lang) -> ReportDoc<'_> {
    let clock = &input.clock;
    let today = clock.today();
    let project = &input.project;
    let title = word(lang, "title");
    let date = today.to_string();
    let att = &input.attention;

    let current = project.phase.index();
    let track = Phase::ALL
        .iter()
        .map(|p| TrackStep {
            name: catalog::label(lang, *p),
            done: p.index() < current,
            current: *p == project.phase,
        })
        .collect();

    let review = match input.review {
        ReviewAge::Never => word(lang, "reviewed_never").to_string(),
        ReviewAge::Fresh(0) | ReviewAge::Stale(0) => word(lang, "reviewed_today").to_string(),
        ReviewAge::Fresh(1) | ReviewAge::Stale(1) => word(lang, "reviewed_one").to_string(),
        ReviewAge::Fresh(n) | ReviewAge::Stale(n) => {
            catalog::fill(lang, "report", "reviewed_days", &[("n", &n)])
        }
    };

    let lines = |kind: SectionKind| -> Vec<&AttentionLine> {
        att.sections
            .iter()
            .filter(|s| s.kind == kind)
            .flat_map(|s| s.lines.iter())
            .collect()
    };
    let when = |l: &AttentionLine| match &l.when {
        LineWhen::None => String::new(),
        LineWhen::Day(d) => day_label(lang, *d),
        LineWhen::At(stored) => local_time(lang, clock, stored),
    };
    let days_late = |l: &AttentionLine| match l.when {
        LineWhen::Day(d) if d < today => (today - d).num_days().to_string(),
        _ => String::new(),
    };
    let meeting_kind = |l: &AttentionLine| match l.detail {
        LineDetail::Meeting(k) => catalog::label(lang, k).to_string(),
        _ => String::new(),
    };
    let column = |key: &'static str| Column {
        key,
        heading: word(lang, &format!("col_{key}")),
    };
    let section = |key: &'static str, columns: &[&'static str], rows: Vec<Row>| SectionDoc {
        key,
        heading: word(lang, key),
        empty: word(lang, &format!("no_{key}")),
        columns: columns.iter().map(|c| column(c)).collect(),
        rows,
    };
    let row = |cells: Vec<String>, late: bool| Row { cells, late };
    let title_of = |l: &AttentionLine| l.title.trim().to_string();

    let actions = lines(SectionKind::Actions);
    let action_row = |l: &&AttentionLine| {
        let (owner, overdue) = match &l.detail {
            LineDetail::Action { owner, overdue } => (owner.trim().to_string(), *overdue),
            _ => (String::new(), false),
        };
        row(vec![title_of(l), owner, when(l), days_late(l)], overdue)
    };
    let is_overdue =
        |l: &&&AttentionLine| matches!(l.detail, LineDetail::Action { overdue: true, .. });
    let sections = vec![
        section(
            "slipped",
            &["milestone", "due", "days_late"],
            lines(SectionKind::SlippedMilestones)
                .into_iter()
                .map(|l| row(vec![title_of(l), when(l), days_late(l)], true))
                .collect(),
        ),
        section(
            "next_meetings",
            &["when", "meeting", "meeting_type"],
            lines(SectionKind::NextMeetings)
                .into_iter()
                .map(|l| row(vec![when(l), title_of(l), meeting_kind(l)], false))
                .collect(),
        ),
        section(
            "actions_overdue",
            &["action", "owner", "due", "days_late"],
            actions.iter().filter(is_overdue).map(action_row).collect(),
        ),
        section(
            "actions_open",
            &["action", "owner", "due"],
            actions
                .iter()
                .filter(|l| !is_overdue(l))
                .map(|l| {
                    let mut r = action_row(l);
                    r.cells.pop();
                    r
                })
                .collect(),
        ),
        section(
            "notes_missing",
            &["when", "meeting", "meeting_type"],
            lines(SectionKind::NotesMissing)
                .into_iter()
                .map(|l| row(vec![when(l), title_of(l), meeting_kind(l)], false))
                .collect(),
        ),
        section(
            "notes_unsent",
            &["when", "meeting", "notes_status"],
            lines(SectionKind::NotesUnsent)
                .into_iter()
                .map(|l| {
                    let status = match l.detail {
                        LineDetail::Notes(s) => catalog::label(lang, s).to_string(),
                        _ => String::new(),
                    };
                    row(vec![when(l), title_of(l), status], false)
                })
                .collect(),
        ),
        section(
            "open_points",
            &["when", "meeting", "points"],
            lines(SectionKind::OpenPoints)
                .into_iter()
                .map(|l| {
                    let open = match l.detail {
                        LineDetail::OpenPoints(n) => n.to_string(),
                        _ => String::new(),
                    };
                    row(vec![when(l), title_of(l), open], false)
                })
                .collect(),
        ),
        section(
            "awaiting",
            &["suggestion", "suggestion_status"],
            lines(SectionKind::AwaitingBuyer)
                .into_iter()
                .map(|l| {
                    let status = match l.detail {
                        LineDetail::Suggestion(s) => catalog::label(lang, s).to_string(),
                        _ => String::new(),
                    };
                    row(vec![title_of(l), status], false)
                })
                .collect(),
        ),
    ];

    let needs = &att.needs;
    // Merged needs live on in the need they went into: not counted twice.
    let by_status: Vec<(&'static str, i64)> = needs
        .by_status
        .iter()
        .filter(|(s, _)| *s != NeedStatus::Merged)
        .map(|(s, n)| (catalog::label(lang, *s), *n))
        .collect();
    let by_priority: Vec<(&'static str, i64)> = needs
        .by_priority
        .iter()
        .filter(|(p, n)| p.is_some() || *n > 0)
        .map(|(p, n)| (priority_label(lang, *p), *n))
        .collect();

    ReportDoc {
        lang: lang.as_str(),
        l: catalog::section(lang, "report"),
        project: ProjectCtx::of(project, catalog::label(lang, project.phase)),
        status: catalog::label(lang, project.status),
        page: PageCtx::new(lang, Some(project), title, &date, false),
        date,
        track,
        review,
        review_due: input.review.is_stale(),
        overdue_actions: att.overdue_actions,
        slipped_milestones: att.total(SectionKind::SlippedMilestones),
        open_needs: needs
            .by_status
            .iter()
            .filter(|(s, _)| crate::domain::need_open(*s))
            .map(|(_, n)| *n as usize)
            .sum(),
        sections,
        // Merged needs are not counted twice (see `by_status`).
        needs_total: needs
            .by_status
            .iter()
            .filter(|(s, _)| *s != NeedStatus::Merged)
            .map(|(_, n)| n)
            .sum(),
        needs_by_status: bars(by_status),
        needs_by_priority: bars(by_priority),
        generator: GENERATOR,
    }
}

fn priority_label(lang: Lang, p: Option<Priority>) -> &'static str {
    match p {
        Some(p) => catalog::label(lang, p),
        None => word(lang, "priority_none"),
    }
}

fn bars(counts: Vec<(&'static str, i64)>) -> Vec<Bar> {
    let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    counts
        .into_iter()
        .map(|(label, count)| Bar {
            label,
            count,
            percent: count * 100 / max,
        })
        .collect()
}

/// A stored UTC timestamp as "tor 2026-12-03 09:30" in the clock's zone; text that is
/// not a timestamp is shown as it is.
fn local_time(lang: Lang, clock: &Clock, stored: &str) -> String {
    match DateTime::parse_from_rfc3339(stored) {
        Ok(t) => {
            let local = clock.local(t.with_timezone(&Utc));
            format!(
                "{} {}",
                day_label(lang, local.date()),
                local.format("%H:%M")
            )
        }
        Err(_) => stored.to_string(),
    }
}
