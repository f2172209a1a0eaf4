//! Needs (behov), improvement suggestions (förbättringsförslag) and lessons learned.

use chrono::NaiveDate;
use serde::Serialize;

use super::enums::{Confidentiality, LessonKind, NeedStatus, Phase, Priority, SuggestionStatus};
use super::validation::{FieldError, FieldErrors, parse_iso_date};
use crate::text;

/// `B-007`: a need's code within its project.
pub fn need_code(number: i64) -> String {
    format!("B-{number:03}")
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Need {
    pub id: i64,
    pub uuid: String,
    pub project_id: i64,
    pub project_code: String,
    pub number: i64,
    pub code: String,
    pub statement: String,
    pub as_a: String,
    pub i_need: String,
    pub so_that: String,
    pub category: String,
    pub priority: Option<Priority>,
    pub status: NeedStatus,
    pub status_reason: String,
    pub merged_into: Option<i64>,
    pub owner: String,
    pub evidence_count: i64,
    /// Who may read it (the same four labels as notes).
    pub confidentiality: Confidentiality,
    pub created_at: String,
    pub updated_at: String,
}

impl NeedStatus {
    /// The main path a need takes, in order.
    pub const PATH: [NeedStatus; 5] = [
        NeedStatus::Identified,
        NeedStatus::Analysed,
        NeedStatus::Validated,
        NeedStatus::Prioritised,
        NeedStatus::Described,
    ];

    /// One step on along the path; rejected, deferred and merged needs do not move on.
    pub fn forward(self) -> Option<NeedStatus> {
        let i = Self::PATH.iter().position(|s| *s == self)?;
        Self::PATH.get(i + 1).copied()
    }

    /// One step back along the path; a rejected or deferred need is reopened as
    /// identified. A merged need stays merged.
    pub fn back(self) -> Option<NeedStatus> {
        match self {
            NeedStatus::Rejected | NeedStatus::Deferred => Some(NeedStatus::Identified),
            NeedStatus::Merged => None,
            s => {
                let i = Self::PATH.iter().position(|p| *p == s)?;
                i.checked_sub(1).map(|i| Self::PATH[i])
            }
        }
    }

    /// Rejecting and deferring need a reason.
    pub fn needs_reason(self) -> bool {
        matches!(self, NeedStatus::Rejected | NeedStatus::Deferred)
    }

    pub fn is_closed(self) -> bool {
        matches!(self, NeedStatus::Rejected | NeedStatus::Merged)
    }
}

/// A validated need ready to be stored.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NeedInput {
    pub statement: String,
    pub as_a: String,
    pub i_need: String,
    pub so_that: String,
    pub category: String,
    pub priority: Option<Priority>,
    pub owner: String,
}

impl NeedInput {
    /// A statement is required unless the structured form is filled in, in which case
    /// the statement is written from it: "As a … I need … so that …".
    pub fn validate(
        statement: &str,
        as_a: &str,
        i_need: &str,
        so_that: &str,
        category: &str,
        priority: Option<Priority>,
        owner: &str,
    ) -> Result<NeedInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let (as_a, i_need, so_that) = (as_a.trim(), i_need.trim(), so_that.trim());
        let structured = !(as_a.is_empty() && i_need.is_empty() && so_that.is_empty());
        let mut statement = statement.trim().to_string();
        if structured && i_need.is_empty() {
            errors.add("i_need", FieldError::Required);
        }
        if statement.is_empty() && structured && !i_need.is_empty() {
            statement = text::need_sentence(as_a, i_need, so_that);
        }
        if statement.is_empty() {
            errors.add("statement", FieldError::Required);
        }
        errors.into_result(NeedInput {
            statement,
            as_a: as_a.to_string(),
            i_need: i_need.to_string(),
            so_that: so_that.to_string(),
            category: category.trim().to_string(),
            priority,
            owner: owner.trim().to_string(),
        })
    }
}

/// The words of `SOLUTION_WORDS` found in `statement` (whole words, ignoring case):
/// a need names what must be achieved, not the product that would achieve it.
pub fn solution_words(statement: &str) -> Vec<&'static str> {
    let lower = statement.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut found = Vec::new();
    for (entry, parts) in word_list() {
        let hit = words.windows(parts.len()).any(|w| {
            // Earlier words of a phrase as written; the last one may be inflected or
            // the end of a compound ("molntjänsten", "it-systemet").
            let (last, rest) = parts.split_last().expect("entries have words");
            w[..rest.len()] == *rest && word_is(w[rest.len()], last)
        });
        if hit && !found.contains(entry) {
            found.push(*entry);
        }
    }
    found
}

/// Endings a Swedish noun takes (definite, plural, genitive): "kameran", "sensorn",
/// "appar", "systemets".
const INFLECTIONS: &[&str] = &[
    "", "n", "en", "et", "na", "a", "ar", "arna", "er", "erna", "or", "orna", "r", "s", "ns",
    "ens", "ets", "nas", "arnas", "ernas", "ornas",
];

/// Whether `word` is `stem`, inflected, or a compound built on it: either joined with
/// a hyphen ("it-system", "gps-larm") or ending in it after a first part of at least
/// three letters ("mobilapp", "trygghetskameran"). "applåd" is not "app": what follows
/// a stem must be an ending, not another word.
fn word_is(word: &str, stem: &str) -> bool {
    let inflected = |w: &str| {
        w.strip_prefix(stem)
            .is_some_and(|ending| INFLECTIONS.contains(&ending))
    };
    if inflected(word) {
        return true;
    }
    if word.contains('-') && word.split('-').any(inflected) {
        return true;
    }
    // The last part of a closed compound; short stems ("ai") only as whole words.
    stem.chars().count() >= 3
        && word
            .char_indices()
            .skip(3)
            .any(|(i, _)| inflected(&word[i..]))
}

/// The word list, parsed once: each entry with its words split out.
fn word_list() -> &'static [(&'static str, Vec<&'static str>)] {
    static LIST: std::sync::OnceLock<Vec<(&'static str, Vec<&'static str>)>> =
        std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("../../assets/needs/solution_words.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|entry| (entry, entry.split_whitespace().collect()))
            .collect()
    })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub id: i64,
    pub need_id: i64,
    pub meeting_id: Option<i64>,
    pub meeting_title: Option<String>,
    pub meeting_date: Option<String>,
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    pub document: String,
    pub note: String,
    /// Who may read it (the same four labels as notes).
    pub confidentiality: Confidentiality,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusChange {
    pub from: Option<NeedStatus>,
    pub to: NeedStatus,
    pub reason: String,
    pub changed_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub id: i64,
    pub uuid: String,
    pub project_id: i64,
    pub project_code: String,
    pub meeting_id: Option<i64>,
    pub meeting_title: Option<String>,
    pub phase: Phase,
    pub title: String,
    pub description: String,
    pub rationale: String,
    pub status: SuggestionStatus,
    pub buyer_response: String,
    pub decision_date: Option<NaiveDate>,
    /// Who may read it (the same four labels as notes).
    pub confidentiality: Confidentiality,
    pub created_at: String,
    pub updated_at: String,
}

impl Suggestion {
    /// Days an open suggestion has waited for the buyer since it was made, counted in
    /// the user's local dates.
    pub fn days_waiting(&self, clock: &super::Clock) -> Option<i64> {
        if !self.status.is_open() {
            return None;
        }
        let made = chrono::DateTime::parse_from_rfc3339(&self.created_at).ok()?;
        let made = clock.local(made.with_timezone(&chrono::Utc)).date();
        Some((clock.today() - made).num_days().max(0))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SuggestionInput {
    pub meeting_id: Option<i64>,
    pub phase: Phase,
    pub title: String,
    pub description: String,
    pub rationale: String,
    pub status: SuggestionStatus,
    pub buyer_response: String,
    pub decision_date: Option<NaiveDate>,
}

impl SuggestionInput {
    #[allow(clippy::too_many_arguments)]
    pub fn validate(
        meeting_id: Option<i64>,
        phase: Phase,
        title: &str,
        description: &str,
        rationale: &str,
        status: SuggestionStatus,
        buyer_response: &str,
        decision_date: &str,
    ) -> Result<SuggestionInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = title.trim().to_string();
        if title.is_empty() {
            errors.add("title", FieldError::Required);
        }
        let decision_date = parse_iso_date("decision_date", decision_date, &mut errors);
        errors.into_result(SuggestionInput {
            meeting_id,
            phase,
            title,
            description: description.trim_end().to_string(),
            rationale: rationale.trim_end().to_string(),
            status,
            buyer_response: buyer_response.trim_end().to_string(),
            decision_date,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lesson {
    pub id: i64,
    pub uuid: String,
    pub project_id: Option<i64>,
    pub project_code: Option<String>,
    pub phase: Option<Phase>,
    pub kind: LessonKind,
    pub title: String,
    pub context: String,
    pub what_happened: String,
    pub what_we_learned: String,
    pub recommendation: String,
    pub shareable: bool,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LessonInput {
    pub project_id: Option<i64>,
    pub phase: Option<Phase>,
    pub kind: LessonKind,
    pub title: String,
    pub context: String,
    pub what_happened: String,
    pub what_we_learned: String,
    pub recommendation: String,
    pub shareable: bool,
}

impl LessonInput {
    pub fn validate(mut input: LessonInput) -> Result<LessonInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        input.title = input.title.trim().to_string();
        if input.title.is_empty() {
            errors.add("title", FieldError::Required);
        }
        if input.what_we_learned.trim().is_empty() {
            errors.add("what_we_learned", FieldError::Required);
        }
        errors.into_result(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_padded() {
        assert_eq!(need_code(1), "B-001");
        assert_eq!(need_code(42), "B-042");
        assert_eq!(need_code(1234), "B-1234");
    }

    #[test]
    fn status_moves_along_the_path() {
        use NeedStatus::*;
        assert_eq!(Identified.forward(), Some(Analysed));
        assert_eq!(Prioritised.forward(), Some(Described));
        assert_eq!(Described.forward(), None);
        assert_eq!(Identified.back(), None);
        assert_eq!(Validated.back(), Some(Analysed));
        assert_eq!(Rejected.forward(), None);
        assert_eq!(Rejected.back(), Some(Identified));
        assert_eq!(Deferred.back(), Some(Identified));
        assert_eq!(Merged.back(), None);
        assert!(Rejected.needs_reason() && Deferred.needs_reason() && !Analysed.needs_reason());
    }

    #[test]
    fn structured_form_writes_the_statement() {
        let n = NeedInput::validate(
            "",
            "nattpersonal",
            "veta att brukaren sover tryggt",
            "jag inte behöver väcka någon",
            "Tillsyn",
            Some(Priority::Must),
            "",
        )
        .unwrap();
        assert_eq!(
            n.statement,
            "Som nattpersonal behöver jag veta att brukaren sover tryggt, för att jag inte behöver väcka någon."
        );
        let e = NeedInput::validate("", "nattpersonal", "", "", "", None, "").unwrap_err();
        assert!(e.get("i_need").is_some());
        assert!(NeedInput::validate(" ", "", "", "", "", None, "").is_err());
    }

    #[test]
    fn solution_words_are_found_as_whole_words_only() {
        assert_eq!(
            solution_words("Vi behöver en app och kameror i varje rum"),
            ["app", "kameror"]
        );
        assert_eq!(solution_words("We need a cloud service"), ["cloud service"]);
        // "applåd" contains "app" but is not the word.
        assert!(solution_words("Personalen ska få en applåd").is_empty());
        assert!(solution_words("Brukaren ska kunna sova ostörd hela natten").is_empty());
        assert_eq!(solution_words("Ett SYSTEM för schemaläggning"), ["system"]);
    }

    #[test]
    fn solution_words_are_found_inflected_and_in_compounds() {
        for (statement, word) in [
            ("Kameran ska sitta i taket", "kamera"),
            ("Sensorn larmar vid fall", "sensor"),
            ("Flera appar behövs", "app"),
            ("Ett nytt IT-system", "system"),
            ("En mobilapp för anhöriga", "app"),
            ("GPS-larm för den som går vilse", "gps"),
            ("Molntjänsten ska vara svensk", "molntjänst"),
            ("Trygghetskameran i hallen", "kamera"),
        ] {
            assert!(
                solution_words(statement).contains(&word),
                "{statement}: {:?}",
                solution_words(statement)
            );
        }
        // Words that only begin or end like a stem are not it.
        for statement in [
            "Personalen ska få en applåd",
            "Kapp och knapp",
            "Ett samtal om AIDS-vård",
        ] {
            assert!(
                solution_words(statement).is_empty(),
                "{statement}: {:?}",
                solution_words(statement)
            );
        }
    }

    #[test]
    fn open_suggestions_count_their_waiting_days() {
        let s = Suggestion {
            id: 1,
            uuid: String::new(),
            project_id: 1,
            project_code: "X".into(),
            meeting_id: None,
            meeting_title: None,
            phase: Phase::Requirements,
            title: "Färre ska-krav".into(),
            description: String::new(),
            rationale: String::new(),
            status: SuggestionStatus::Proposed,
            buyer_response: String::new(),
            decision_date: None,
            confidentiality: Confidentiality::Internal,
            created_at: "2026-11-01T10:00:00Z".into(),
            updated_at: String::new(),
        };
        use chrono::TimeZone;
        let clock = super::super::Clock::Fixed(
            chrono::Utc
                .with_ymd_and_hms(2026, 11, 26, 12, 0, 0)
                .unwrap(),
        );
        assert_eq!(s.days_waiting(&clock), Some(25));
        // Made late in the evening in Stockholm, which is already the next day there.
        let stockholm = super::super::Clock::FixedIn(
            chrono::Utc
                .with_ymd_and_hms(2026, 11, 26, 12, 0, 0)
                .unwrap(),
            chrono_tz::Europe::Stockholm,
        );
        let late = Suggestion {
            created_at: "2026-11-25T23:30:00Z".into(),
            ..s.clone()
        };
        assert_eq!(late.days_waiting(&stockholm), Some(0));
        let decided = Suggestion {
            status: SuggestionStatus::Accepted,
            ..s
        };
        assert_eq!(decided.days_waiting(&clock), None);
    }
}
