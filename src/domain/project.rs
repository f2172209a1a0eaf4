use chrono::NaiveDate;
use serde::Serialize;

use super::enums::{InnovationLevel, Phase, ProjectStatus};
use super::validation::{FieldError, FieldErrors, parse_iso_date};

/// A procurement project as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Project {
    pub id: i64,
    pub uuid: String,
    pub code: String,
    pub title: String,
    pub buyer_id: Option<i64>,
    pub buyer_name: Option<String>,
    pub case_number: String,
    pub subject: String,
    pub goal: String,
    pub phase: Phase,
    pub status: ProjectStatus,
    pub innovation_level: Option<InnovationLevel>,
    pub planned_procedure: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub tags: Vec<String>,
    pub last_reviewed_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// One line of the portfolio: only what the list shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectRow {
    pub id: i64,
    pub uuid: String,
    pub code: String,
    pub title: String,
    pub buyer_name: Option<String>,
    pub phase: Phase,
    pub status: ProjectStatus,
    pub updated_at: String,
}

/// A validated project ready to be written. The buyer is given by name: the store
/// links an existing organisation with that name or creates one in the same transaction.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProjectInput {
    pub code: String,
    pub title: String,
    pub buyer_name: String,
    pub case_number: String,
    pub subject: String,
    pub goal: String,
    pub phase: Phase,
    pub status: ProjectStatus,
    pub innovation_level: Option<InnovationLevel>,
    pub planned_procedure: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub tags: Vec<String>,
}

// The enums are macro-generated, so `#[default]` cannot be placed on a variant.
#[allow(clippy::derivable_impls)]
impl Default for Phase {
    fn default() -> Self {
        Phase::Initiation
    }
}

#[allow(clippy::derivable_impls)]
impl Default for ProjectStatus {
    fn default() -> Self {
        ProjectStatus::Prospect
    }
}

pub const CODE_MAX_LEN: usize = 12;

/// A project code is short, upper-case ASCII letters and digits, optionally
/// separated by single hyphens: `NORR-24`, `VGR1`. It is used in file names and
/// on the command line, so no spaces and no other characters.
pub fn validate_code(code: &str) -> Result<(), FieldError> {
    if code.is_empty() {
        return Err(FieldError::Required);
    }
    if code.chars().count() > CODE_MAX_LEN {
        return Err(FieldError::CodeTooLong { max: CODE_MAX_LEN });
    }
    let valid_chars = code
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
    let well_formed = !code.starts_with('-') && !code.ends_with('-') && !code.contains("--");
    if !valid_chars || !well_formed || !code.starts_with(|c: char| c.is_ascii_uppercase()) {
        return Err(FieldError::CodeFormat);
    }
    Ok(())
}

/// Splits "a, b ,, c" into ["a", "b", "c"], dropping duplicates.
pub fn parse_tags(raw: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in raw.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            tags.push(tag.to_string());
        }
    }
    tags
}

/// The raw text of a project form, before validation.
#[derive(Debug, Clone, Default)]
pub struct ProjectDraft<'a> {
    pub code: &'a str,
    pub title: &'a str,
    pub buyer_name: &'a str,
    pub case_number: &'a str,
    pub subject: &'a str,
    pub goal: &'a str,
    pub phase: Phase,
    pub status: ProjectStatus,
    pub innovation_level: Option<InnovationLevel>,
    pub planned_procedure: &'a str,
    pub start_date: &'a str,
    pub end_date: &'a str,
    pub tags: &'a str,
}

impl ProjectInput {
    /// Validates a draft. Code uniqueness needs the store and is checked there.
    pub fn validate(d: &ProjectDraft<'_>) -> Result<ProjectInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let code = d.code.trim().to_string();
        if let Err(m) = validate_code(&code) {
            errors.add("code", m);
        }
        let title = d.title.trim().to_string();
        if title.is_empty() {
            errors.add("title", FieldError::Required);
        }
        let start_date = parse_iso_date("start_date", d.start_date, &mut errors);
        let end_date = parse_iso_date("end_date", d.end_date, &mut errors);
        if let (Some(s), Some(e)) = (start_date, end_date)
            && e < s
        {
            errors.add("end_date", FieldError::EndBeforeStart);
        }
        errors.into_result(ProjectInput {
            code,
            title,
            buyer_name: d.buyer_name.trim().to_string(),
            case_number: d.case_number.trim().to_string(),
            subject: d.subject.trim().to_string(),
            goal: d.goal.trim_end().to_string(),
            phase: d.phase,
            status: d.status,
            innovation_level: d.innovation_level,
            planned_procedure: d.planned_procedure.trim().to_string(),
            start_date,
            end_date,
            tags: parse_tags(d.tags),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft<'a>() -> ProjectDraft<'a> {
        ProjectDraft {
            code: "NORR-24",
            title: "Hemtjänstplanering",
            ..Default::default()
        }
    }

    #[test]
    fn codes() {
        for ok in ["NORR-24", "VGR1", "A", "TRV-2026-01"] {
            assert_eq!(validate_code(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "norr-24",
            "-A",
            "A-",
            "A--B",
            "1ABC",
            "ÅRE-1",
            "A B",
            "ABCDEFGHIJKLM",
        ] {
            assert!(validate_code(bad).is_err(), "{bad}");
        }
        // Each problem has its own code, so the form says what to fix.
        assert_eq!(validate_code(""), Err(FieldError::Required));
        assert_eq!(
            validate_code("ABCDEFGHIJKLM"),
            Err(FieldError::CodeTooLong { max: CODE_MAX_LEN })
        );
        assert_eq!(validate_code("A--B"), Err(FieldError::CodeFormat));
    }

    #[test]
    fn a_minimal_draft_is_valid() {
        let p = ProjectInput::validate(&draft()).unwrap();
        assert_eq!(p.code, "NORR-24");
        assert_eq!(p.phase, Phase::Initiation);
        assert_eq!(p.status, ProjectStatus::Prospect);
    }

    #[test]
    fn title_is_required_and_end_not_before_start() {
        let d = ProjectDraft {
            title: "  ",
            start_date: "2026-05-01",
            end_date: "2026-04-30",
            ..draft()
        };
        let e = ProjectInput::validate(&d).unwrap_err();
        assert_eq!(e.get("title"), Some(&FieldError::Required));
        assert_eq!(e.get("end_date"), Some(&FieldError::EndBeforeStart));
        let same_day = ProjectDraft {
            start_date: "2026-05-01",
            end_date: "2026-05-01",
            ..draft()
        };
        assert!(ProjectInput::validate(&same_day).is_ok());
    }

    #[test]
    fn tags_are_trimmed_and_deduplicated() {
        assert_eq!(
            parse_tags(" vård, AI ,,vård, äldreomsorg"),
            ["vård", "AI", "äldreomsorg"]
        );
        assert!(parse_tags("").is_empty());
    }
}
