use chrono::NaiveDate;

/// What is wrong with a value, as a code: the domain and the store say *what*, and
/// `crate::text::field_error` says it in words. Numbers a message needs travel as
/// fields, so no sentence is built outside the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    Required,
    /// Not an ISO date (`YYYY-MM-DD`).
    DateFormat,
    /// A date outside the years tidig takes (`when::FIRST_YEAR`..=`when::LAST_YEAR`):
    /// `+500000v` is a typo, and a year no reader can show would poison every list.
    DateRange {
        first: i32,
        last: i32,
    },
    EndBeforeStart,
    /// A project code with characters or hyphens it may not have.
    CodeFormat,
    CodeTooLong {
        max: usize,
    },
    /// Another live project has this code.
    CodeTaken,
    /// A project in the trash has this code.
    CodeTakenInTrash,
    /// Not a date and time as people type them (`fre 10:00`, `+3d`).
    When,
    /// A wall-clock time that a daylight-saving change skips.
    TimeSkipped,
    Time,
    Duration,
    /// A duration outside 1 minute to 24 hours.
    DurationRange,
    /// Not an end: a time, a length or a date and time.
    End,
    EndNotAfterStart,
    Email,
    Phone,
    /// Not a due date (`2026-12-03`, `fre`, `+7d`).
    Due,
    /// Evidence without a meeting, a person or a document.
    EvidenceSource,
    /// Advice, not an error: the text names a solution (these words).
    SolutionWords(Vec<&'static str>),
    /// A need's status becomes merged only by merging it into another.
    MergeOnly,
    /// Merged needs are not merged again, and nothing merges into a closed need.
    MergeClosed,
    MergeSelf,
    MergeProjects,
    /// Made available to all before it was given to anyone.
    SharedBeforeGiven,
    /// A round takes at most this many questions or suppliers.
    TooMany {
        max: i64,
    },
    /// The supplier does not take part in the question's round.
    NotInRound,
    /// The organisation takes part in the round already.
    InRoundAlready,
    /// The question (or its round) was moved to the trash meanwhile.
    QuestionInTrash,
}

/// The words, from the catalog.
impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::text::field_error(self))
    }
}

/// Validation problems keyed by field name. Empty means valid.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<(&'static str, FieldError)>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, error: FieldError) {
        self.0.push((field, error));
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn get(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, e)| e)
    }
    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|(k, m)| format!("{k}: {m}")).collect();
        f.write_str(&parts.join("; "))
    }
}

/// Parses an optional date as people type it (`2026-12-03`, `fre`, `nästa fredag`,
/// `om 2 veckor`, `+7d`: see `when::parse_date`); empty input is `None`.
pub fn parse_day_input(
    field: &'static str,
    raw: &str,
    today: NaiveDate,
    errors: &mut FieldErrors,
) -> Option<NaiveDate> {
    if raw.trim().is_empty() {
        return None;
    }
    match super::when::parse_date(raw, today) {
        Ok(d) => Some(d),
        Err(e @ FieldError::DateRange { .. }) => {
            errors.add(field, e);
            None
        }
        Err(_) => {
            errors.add(field, FieldError::Due);
            None
        }
    }
}

/// Parses an optional ISO date (`YYYY-MM-DD`); empty input is `None`.
pub fn parse_iso_date(
    field: &'static str,
    raw: &str,
    errors: &mut FieldErrors,
) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(d) => match super::when::check_year(d) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.add(field, e);
                None
            }
        },
        Err(_) => {
            errors.add(field, FieldError::DateFormat);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_parse_and_bad_ones_are_reported() {
        let mut e = FieldErrors::default();
        assert_eq!(
            parse_iso_date("start", "2026-03-29", &mut e),
            NaiveDate::from_ymd_opt(2026, 3, 29)
        );
        assert_eq!(parse_iso_date("start", "  ", &mut e), None);
        assert!(e.is_empty());
        assert_eq!(parse_iso_date("start", "29/3/2026", &mut e), None);
        assert_eq!(parse_iso_date("end", "2026-02-30", &mut e), None);
        assert_eq!(e.get("start"), Some(&FieldError::DateFormat));
        assert_eq!(e.get("end"), Some(&FieldError::DateFormat));
    }

    #[test]
    fn codes_are_worded_by_the_catalog() {
        assert_eq!(FieldError::Required.to_string(), "required");
        assert_eq!(
            FieldError::CodeTooLong { max: 12 }.to_string(),
            "at most 12 characters"
        );
        assert_eq!(
            FieldError::SolutionWords(vec!["app", "system"]).to_string(),
            "names a solution (app, system): describe the need, not the product"
        );
        let mut e = FieldErrors::default();
        e.add("title", FieldError::Required);
        e.add("due_date", FieldError::DateFormat);
        assert_eq!(
            e.to_string(),
            "title: required; due_date: not a date: use YYYY-MM-DD"
        );
    }
}
