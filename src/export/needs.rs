//! The needs description (behovsbeskrivning) of one project, in Swedish or English:
//! Markdown or a self-contained HTML page for reading and printing, grouped by category
//! and MoSCoW priority with the evidence behind each need, and a CSV file of every need
//! for spreadsheets.
//!
//! # Audience
//!
//! The gathering step (`ops::export::needs_input`) applies the audience rule before
//! anything reaches this renderer: [`NeedsInput`] holds only the needs and evidence the
//! version may carry. The internal version also holds the merged and rejected needs,
//! which the documents list as scope limits rather than describe; the shared one
//! (which often ends up in the procurement documents) holds neither, nor any name of a
//! person, a supplier's meeting or an owner. The renderer only says which version it is.
//!
//! # Words
//!
//! Every word comes from the catalog's `[needs]` section (`l` in the templates) and the
//! enum labels, in the export's language. The CSV file is written for a spreadsheet set
//! to that language ([`CsvSeparator::for_lang`]): labels, not codes, and local times.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use minijinja::Value;
use minijinja::value::Serde;
use serde::Serialize;

use super::{
    CSV_BOM, CsvSeparator, ExportError, GENERATOR, Lang, PageCtx, ProjectCtx, csv_record,
    documents, without_controls,
};
use crate::catalog;
use crate::domain::{
    Audience, Clock, Evidence, MeetingType, Need, NeedStatus, Priority, Project, TextEnum,
    swedish_cmp,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeedsFormat {
    Markdown,
    Html,
    /// RFC 4180 with a UTF-8 byte order mark, guarded against formula injection.
    Csv,
    /// A Word file, built by `export::docx`.
    Docx,
}

impl NeedsFormat {
    pub const ALL: [NeedsFormat; 3] = [Self::Markdown, Self::Html, Self::Csv];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            NeedsFormat::Markdown => "md",
            NeedsFormat::Html => "html",
            NeedsFormat::Csv => "csv",
            NeedsFormat::Docx => "docx",
        }
    }
}

pub(crate) const MD_TEMPLATE: &str = "needs.md.j2";
pub(crate) const HTML_TEMPLATE: &str = "needs.html.j2";

/// Everything a needs description is made from, for one audience: the caller gathers
/// it and leaves out what that audience may not read.
#[derive(Debug, Clone)]
pub struct NeedsInput {
    pub project: Project,
    /// The needs this version carries. Merged and rejected ones (internal version
    /// only) are not described but listed: rejected ones as scope limits.
    pub needs: Vec<Need>,
    /// The evidence this version shows, by need id (a need missing here has none).
    pub evidence: HashMap<i64, Vec<Evidence>>,
    /// The type of each meeting that evidence comes from: where the gathering left a
    /// meeting's title out, the meeting is named by its type.
    pub meeting_kinds: HashMap<i64, MeetingType>,
    /// The export date is its today; times in the CSV are in its local time.
    pub clock: Clock,
}

/// Renders a project's needs for `audience` in `lang`. `separator` is the CSV file's
/// (default: what a spreadsheet in `lang` expects); the documents ignore it.
pub fn render(
    input: &NeedsInput,
    format: NeedsFormat,
    audience: Audience,
    lang: Lang,
    separator: Option<CsvSeparator>,
) -> Result<String, ExportError> {
    let template = match format {
        NeedsFormat::Csv => {
            let separator = separator.unwrap_or(CsvSeparator::for_lang(lang));
            return Ok(super::without_controls_keep_crlf(csv(
                input, audience, lang, separator,
            )));
        }
        NeedsFormat::Markdown => MD_TEMPLATE,
        NeedsFormat::Html => HTML_TEMPLATE,
        NeedsFormat::Docx => return Err(ExportError::NotText),
    };
    let ctx = context(input, audience, lang);
    let template = documents().get_template(template)?;
    Ok(without_controls(template.render(Value::from(Serde(&ctx)))?))
}

/// Whether a need belongs in the description: merged ones live on in the need they
/// were merged into, and rejected ones are not needs of the procurement.
fn described(need: &Need) -> bool {
    !matches!(need.status, NeedStatus::Merged | NeedStatus::Rejected)
}

fn word(lang: Lang, key: &str) -> &'static str {
    catalog::text(lang, "needs", key)
}

/// Why a need has its status: a merge stores the need it went into, not a sentence,
/// and is worded here; a stored reason (a rejection, a deferral) is shown as it is.
fn reason(lang: Lang, n: &Need, needs: &[Need]) -> String {
    let target = n
        .merged_into
        .and_then(|id| needs.iter().find(|t| t.id == id))
        .map(|t| t.code.as_str());
    match target {
        Some(code) if n.status == NeedStatus::Merged && n.status_reason.trim().is_empty() => {
            catalog::fill(lang, "needs", "merged_into", &[("code", &code)])
        }
        _ => n.status_reason.clone(),
    }
}

/// "Som nattpersonal behöver jag …, för att …." as the form writes a statement in
/// `lang` (`text::need_sentence` writes the Swedish one when a need is saved).
fn sentence(lang: Lang, as_a: &str, i_need: &str, so_that: &str) -> String {
    let mut s = if as_a.is_empty() {
        catalog::fill(lang, "needs", "sentence_we", &[("i_need", &i_need)])
    } else {
        catalog::fill(
            lang,
            "needs",
            "sentence_role",
            &[("as_a", &as_a), ("i_need", &i_need)],
        )
    };
    if !so_that.is_empty() {
        s.push_str(&catalog::fill(
            lang,
            "needs",
            "sentence_so_that",
            &[("so_that", &so_that)],
        ));
    }
    s.push('.');
    s
}

// ---------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------

/// The CSV file's columns, as catalog keys, in order. The shared version has no owner
/// (a person) and no reason column (the buyer's own reasoning).
pub fn csv_columns(audience: Audience) -> Vec<&'static str> {
    const ALL: [&str; 14] = [
        "csv_code",
        "csv_statement",
        "csv_as_a",
        "csv_i_need",
        "csv_so_that",
        "csv_category",
        "csv_priority",
        "csv_status",
        "csv_reason",
        "csv_owner",
        "csv_evidence",
        "csv_evidence_count",
        "csv_created",
        "csv_updated",
    ];
    ALL.into_iter()
        .filter(|c| audience == Audience::Internal || !matches!(*c, "csv_reason" | "csv_owner"))
        .collect()
}

/// The CSV file's header row in `lang`.
pub fn csv_header(audience: Audience, lang: Lang) -> Vec<&'static str> {
    csv_columns(audience)
        .into_iter()
        .map(|key| word(lang, key))
        .collect()
}

fn csv(input: &NeedsInput, audience: Audience, lang: Lang, separator: CsvSeparator) -> String {
    let mut out = String::new();
    out.push(CSV_BOM);
    csv_record(&mut out, &csv_header(audience, lang), separator);
    let mut sorted: Vec<&Need> = input.needs.iter().collect();
    sorted.sort_by_key(|n| (n.project_code.as_str(), n.number));
    for n in sorted {
        let list = input.evidence.get(&n.id).map(Vec::as_slice).unwrap_or(&[]);
        let evidence = list
            .iter()
            .map(|e| evidence_text(lang, e, &input.meeting_kinds))
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        let row: Vec<String> = csv_columns(audience)
            .into_iter()
            .map(|column| match column {
                "csv_code" => n.code.clone(),
                "csv_statement" => n.statement.clone(),
                "csv_as_a" => n.as_a.clone(),
                "csv_i_need" => n.i_need.clone(),
                "csv_so_that" => n.so_that.clone(),
                "csv_category" => n.category.clone(),
                "csv_priority" => n
                    .priority
                    .map(|p| catalog::label(lang, p).to_string())
                    .unwrap_or_default(),
                "csv_status" => catalog::label(lang, n.status).to_string(),
                "csv_reason" => reason(lang, n, &input.needs),
                "csv_owner" => n.owner.clone(),
                "csv_evidence" => evidence.clone(),
                "csv_evidence_count" => list.len().to_string(),
                "csv_created" => input.clock.local_datetime(&n.created_at),
                "csv_updated" => input.clock.local_datetime(&n.updated_at),
                other => unreachable!("no CSV column {other}"),
            })
            .collect();
        csv_record(&mut out, &row, separator);
    }
    out
}

/// One piece of evidence on one line:
/// "Möte: Behovsworkshop 1 (2026-11-19) · Person: Åsa Öberg · Dokument: Enkät.pdf — note".
fn evidence_text(lang: Lang, e: &Evidence, kinds: &HashMap<i64, MeetingType>) -> String {
    let mut parts = Vec::new();
    if let Some(name) = meeting_name(lang, e, kinds) {
        let meeting = word(lang, "meeting");
        match &e.meeting_date {
            Some(date) => parts.push(format!("{meeting}: {name} ({date})")),
            None => parts.push(format!("{meeting}: {name}")),
        }
    }
    if let Some(name) = &e.person_name {
        parts.push(format!("{}: {name}", word(lang, "person")));
    }
    let document = e.document.trim();
    if !document.is_empty() {
        parts.push(format!("{}: {document}", word(lang, "document")));
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

/// The meeting evidence comes from: its title, or its type where the gathering left
/// the title out (titles of supplier meetings name the supplier).
fn meeting_name<'a>(
    lang: Lang,
    e: &'a Evidence,
    kinds: &HashMap<i64, MeetingType>,
) -> Option<&'a str> {
    match (&e.meeting_title, e.meeting_id) {
        (Some(title), _) => Some(title.as_str()),
        (None, Some(id)) => kinds.get(&id).map(|k| catalog::label(lang, *k)),
        (None, None) => None,
    }
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

#[derive(Serialize)]
struct Context<'a> {
    /// `sv` or `en`.
    lang: &'static str,
    /// The words of the document (the catalog's `[needs]` section).
    l: &'static BTreeMap<&'static str, &'static str>,
    /// The internal version says so at the top.
    internal: bool,
    internal_banner: &'static str,
    /// Which version this is, in words.
    version: &'static str,
    project: ProjectCtx<'a>,
    /// Subject, goal, procedure …: the ones the project has.
    background: Vec<Fact>,
    /// The project says nothing of its subject, goal or procedure yet.
    no_background: bool,
    /// MoSCoW "Bör" is a priority, not a bör-krav.
    moscow: &'static str,
    /// The day of the export, "2026-11-26".
    date: String,
    /// Needs in the description.
    total: usize,
    /// "8 behov"
    count: String,
    /// "2 måste, 1 bör, 1 utan prioritet": the counts that are not zero.
    by_priority: String,
    /// The priority column labels of the summary table.
    columns: Vec<&'static str>,
    summary: Vec<SummaryRow>,
    totals: Vec<usize>,
    categories: Vec<CategoryCtx<'a>>,
    /// Rejected needs with their reasons (internal version only).
    scope: Vec<ScopeCtx<'a>>,
    /// Which needs were merged into which, or empty.
    merged: String,
    /// The printed page's margins.
    page: PageCtx,
    generator: &'static str,
}

#[derive(Serialize)]
struct Fact {
    label: &'static str,
    text: String,
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
    /// "3 behov"
    count: String,
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
    status: &'static str,
    status_key: &'static str,
    status_reason: String,
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

#[derive(Serialize)]
struct ScopeCtx<'a> {
    code: &'a str,
    statement: &'a str,
    reason: &'a str,
}

/// What the templates see, as data, for documents built another way (the Word file).
pub(crate) fn context_value(
    input: &NeedsInput,
    audience: Audience,
    lang: Lang,
) -> serde_json::Value {
    serde_json::to_value(context(input, audience, lang)).expect("the context serialises")
}

fn context<'a>(input: &'a NeedsInput, audience: Audience, lang: Lang) -> Context<'a> {
    let shown: Vec<&Need> = input.needs.iter().filter(|n| described(n)).collect();

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
                .map(|n| need_ctx(lang, n, input))
                .collect();
            counts[rank] = group.len();
            totals[rank] += group.len();
            if !group.is_empty() {
                groups.push(GroupCtx {
                    heading: match priority {
                        Some(p) => catalog::label(lang, *p),
                        None => word(lang, "not_prioritised"),
                    },
                    key: priority_key(*priority),
                    needs: group,
                });
            }
        }
        let uncategorised = name.is_empty();
        let label = if uncategorised {
            word(lang, "uncategorised")
        } else {
            name
        };
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
            count: count(lang, members.len()),
            groups,
        });
    }

    let by_priority = PRIORITIES
        .iter()
        .zip(&totals)
        .filter(|(_, n)| **n > 0)
        .map(|(p, n)| match p {
            Some(p) => format!("{n} {}", catalog::label(lang, *p).to_lowercase()),
            None => format!("{n} {}", word(lang, "without_priority")),
        })
        .collect::<Vec<_>>()
        .join(", ");

    let mut rejected: Vec<&Need> = input
        .needs
        .iter()
        .filter(|n| n.status == NeedStatus::Rejected)
        .collect();
    rejected.sort_by_key(|n| n.number);
    let scope = rejected
        .into_iter()
        .map(|n| ScopeCtx {
            code: &n.code,
            statement: n.statement.trim(),
            reason: n.status_reason.trim(),
        })
        .collect();

    let mut merged: Vec<&Need> = input
        .needs
        .iter()
        .filter(|n| n.status == NeedStatus::Merged)
        .collect();
    merged.sort_by_key(|n| n.number);
    let merged = merged
        .into_iter()
        .filter_map(|n| {
            let target = input.needs.iter().find(|t| Some(t.id) == n.merged_into)?;
            Some(format!("{} → {}", n.code, target.code))
        })
        .collect::<Vec<_>>();
    let merged = if merged.is_empty() {
        String::new()
    } else {
        catalog::fill(lang, "needs", "merged", &[("list", &merged.join(", "))])
    };

    let internal = audience == Audience::Internal;
    Context {
        lang: lang.as_str(),
        l: catalog::section(lang, "needs"),
        internal,
        // The same words as on the internal meeting notes.
        internal_banner: catalog::text(lang, "summary", "internal_banner"),
        version: word(
            lang,
            if internal {
                "version_internal"
            } else {
                "version_shared"
            },
        ),
        project: ProjectCtx::of(&input.project, catalog::label(lang, input.project.phase)),
        background: background(lang, &input.project),
        no_background: [
            &input.project.subject,
            &input.project.goal,
            &input.project.planned_procedure,
        ]
        .iter()
        .all(|t| t.trim().is_empty())
            && input.project.innovation_level.is_none(),
        moscow: word(lang, "moscow"),
        date: input.clock.today().format("%Y-%m-%d").to_string(),
        total: shown.len(),
        count: count(lang, shown.len()),
        by_priority,
        columns: PRIORITIES
            .iter()
            .map(|p| match p {
                Some(p) => catalog::label(lang, *p),
                None => word(lang, "no_priority"),
            })
            .collect(),
        summary,
        totals,
        categories,
        scope,
        merged,
        page: PageCtx::new(
            lang,
            Some(&input.project),
            word(lang, "title"),
            &input.clock.today().format("%Y-%m-%d").to_string(),
            false,
        ),
        generator: GENERATOR,
    }
}

/// "1 behov", "3 needs".
fn count(lang: Lang, n: usize) -> String {
    match n {
        1 => word(lang, "count_one").to_string(),
        n => catalog::fill(lang, "needs", "count_many", &[("n", &n)]),
    }
}

/// What the project says about itself: the background, goal and scope of the needs.
fn background(lang: Lang, p: &Project) -> Vec<Fact> {
    let period = match (p.start_date, p.end_date) {
        (None, None) => String::new(),
        (start, end) => format!(
            "{} – {}",
            start.map(|d| d.to_string()).unwrap_or_default(),
            end.map(|d| d.to_string()).unwrap_or_default()
        )
        .trim()
        .to_string(),
    };
    [
        ("subject", p.subject.trim().to_string()),
        ("goal", p.goal.trim().to_string()),
        ("procedure", p.planned_procedure.trim().to_string()),
        (
            "innovation_level",
            p.innovation_level
                .map(|i| catalog::label(lang, i).to_string())
                .unwrap_or_default(),
        ),
        ("phase", catalog::label(lang, p.phase).to_string()),
        ("period", period),
    ]
    .into_iter()
    .filter(|(_, text)| !text.is_empty())
    .map(|(key, text)| Fact {
        label: word(lang, key),
        text,
    })
    .collect()
}

/// Swedish order, ignoring case, with the empty category (uncategorised) last.
fn category_order(a: &str, b: &str) -> Ordering {
    a.is_empty()
        .cmp(&b.is_empty())
        .then_with(|| swedish_cmp(a, b))
}

fn need_ctx<'a>(lang: Lang, n: &'a Need, input: &'a NeedsInput) -> NeedCtx<'a> {
    let (as_a, i_need, so_that) = (n.as_a.trim(), n.i_need.trim(), n.so_that.trim());
    // A statement written from the structured form (in either language) says the same
    // thing again.
    let structured = !i_need.is_empty()
        && !Lang::ALL
            .iter()
            .any(|l| n.statement.trim() == sentence(*l, as_a, i_need, so_that));
    NeedCtx {
        code: &n.code,
        statement: n.statement.trim(),
        structured,
        as_a,
        i_need,
        so_that,
        status: catalog::label(lang, n.status),
        status_key: n.status.as_str(),
        status_reason: reason(lang, n, &input.needs).trim().to_string(),
        owner: n.owner.trim(),
        evidence: input
            .evidence
            .get(&n.id)
            .map(|list| {
                list.iter()
                    .map(|e| EvidenceCtx {
                        meeting: meeting_name(lang, e, &input.meeting_kinds),
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
    fn the_swedish_sentence_is_the_one_the_form_writes() {
        for (as_a, i_need, so_that) in [
            (
                "nattpersonal",
                "veta att brukaren sover",
                "jag inte väcker någon",
            ),
            ("", "färre larm", ""),
            ("", "färre larm", "natten blir lugn"),
        ] {
            assert_eq!(
                sentence(Lang::Sv, as_a, i_need, so_that),
                crate::text::need_sentence(as_a, i_need, so_that)
            );
        }
        assert_eq!(
            sentence(Lang::En, "a carer", "quiet nights", "people sleep"),
            "As a carer, I need quiet nights, so that people sleep."
        );
    }

    #[test]
    fn evidence_reads_as_one_line_in_either_language() {
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
        let kinds = HashMap::from([(1, MeetingType::NeedsWorkshop)]);
        assert_eq!(
            evidence_text(Lang::Sv, &e, &kinds),
            "Möte: Behovsworkshop 1 (2026-11-19) · Person: Åsa Öberg · Dokument: Enkät.pdf — sa det två gånger"
        );
        assert_eq!(
            evidence_text(Lang::En, &e, &kinds),
            "Meeting: Behovsworkshop 1 (2026-11-19) · Person: Åsa Öberg · Document: Enkät.pdf — sa det två gånger"
        );
        // Without its title (the shared version), a meeting is named by its type.
        let untitled = Evidence {
            meeting_title: None,
            person_id: None,
            person_name: None,
            ..e.clone()
        };
        assert_eq!(
            evidence_text(Lang::Sv, &untitled, &kinds),
            "Möte: Behovsworkshop (2026-11-19) · Dokument: Enkät.pdf — sa det två gånger"
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
        assert_eq!(
            evidence_text(Lang::Sv, &note_only, &kinds),
            "sa det två gånger"
        );
    }

    #[test]
    fn the_shared_csv_has_no_owner_or_reason_column() {
        assert_eq!(csv_columns(Audience::Internal).len(), 14);
        let shared = csv_header(Audience::Shared, Lang::Sv);
        assert!(!shared.contains(&"Ansvarig") && !shared.contains(&"Skäl"));
        assert_eq!(shared[0], "Kod");
        assert_eq!(csv_header(Audience::Shared, Lang::En)[0], "Code");
    }
}
