//! What happens in a meeting: notes with a confidentiality label, decisions, action
//! items and open questions.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::enums::{ActionStatus, Confidentiality};
use super::validation::{FieldError, FieldErrors, parse_day_input, parse_iso_date};
use crate::text;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    pub id: i64,
    pub uuid: String,
    pub meeting_id: i64,
    pub agenda_item_id: Option<i64>,
    pub body: String,
    pub confidentiality: Confidentiality,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    pub id: i64,
    pub uuid: String,
    pub project_id: i64,
    pub project_code: String,
    pub meeting_id: Option<i64>,
    pub meeting_title: Option<String>,
    pub text: String,
    pub rationale: String,
    pub decided_by: String,
    pub decided_on: NaiveDate,
    /// Who may read it (the same four labels as notes).
    pub confidentiality: Confidentiality,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DecisionInput {
    pub text: String,
    pub rationale: String,
    pub decided_by: String,
    pub decided_on: NaiveDate,
}

impl DecisionInput {
    pub fn validate(
        text_: &str,
        rationale: &str,
        decided_by: &str,
        decided_on: &str,
        today: NaiveDate,
    ) -> Result<DecisionInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let t = text_.trim().to_string();
        if t.is_empty() {
            errors.add("text", FieldError::Required);
        }
        let decided_on =
            parse_day_input("decided_on", decided_on, today, &mut errors).unwrap_or(today);
        errors.into_result(DecisionInput {
            text: t,
            rationale: rationale.trim().to_string(),
            decided_by: decided_by.trim().to_string(),
            decided_on,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionItem {
    pub id: i64,
    pub uuid: String,
    pub project_id: i64,
    pub project_code: String,
    pub meeting_id: Option<i64>,
    pub meeting_title: Option<String>,
    pub title: String,
    pub owner: String,
    pub due_date: Option<NaiveDate>,
    pub status: ActionStatus,
    pub done_date: Option<NaiveDate>,
    /// Who may read it (the same four labels as notes).
    pub confidentiality: Confidentiality,
    pub created_at: String,
    pub updated_at: String,
}

impl ActionItem {
    pub fn is_open(&self) -> bool {
        matches!(self.status, ActionStatus::Open | ActionStatus::InProgress)
    }

    /// Where the action belongs on the actions screen today.
    pub fn bucket(&self, today: NaiveDate) -> ActionBucket {
        if !self.is_open() {
            return ActionBucket::Closed;
        }
        let Some(due) = self.due_date else {
            return ActionBucket::NoDueDate;
        };
        // Weeks run Monday to Sunday.
        let sunday = today + Days::new(u64::from(6 - today.weekday().num_days_from_monday()));
        if due < today {
            ActionBucket::Overdue
        } else if due == today {
            ActionBucket::Today
        } else if due <= sunday {
            ActionBucket::ThisWeek
        } else {
            ActionBucket::Later
        }
    }
}

/// The actions screen's groups, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActionBucket {
    Overdue,
    Today,
    ThisWeek,
    Later,
    NoDueDate,
    Closed,
}

impl ActionBucket {
    pub const ALL: [ActionBucket; 6] = [
        Self::Overdue,
        Self::Today,
        Self::ThisWeek,
        Self::Later,
        Self::NoDueDate,
        Self::Closed,
    ];

    pub fn label(self) -> &'static str {
        text::action_bucket(self)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActionInput {
    pub title: String,
    pub owner: String,
    pub due_date: Option<NaiveDate>,
    pub status: ActionStatus,
}

impl ActionInput {
    pub fn validate(
        title: &str,
        owner: &str,
        due: &str,
        status: ActionStatus,
        today: NaiveDate,
    ) -> Result<ActionInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = title.trim().to_string();
        if title.is_empty() {
            errors.add("title", FieldError::Required);
        }
        // A due date may be typed like a meeting date: `fre`, `+7d`, `2026-12-03`.
        let due = due.trim();
        let due_date = if due.is_empty() {
            None
        } else {
            match super::when::parse_datetime(due, today) {
                Ok(d) => Some(d.date()),
                Err(e @ FieldError::DateRange { .. }) => {
                    errors.add("due_date", e);
                    None
                }
                Err(_) => {
                    errors.add("due_date", FieldError::Due);
                    None
                }
            }
        };
        errors.into_result(ActionInput {
            title,
            owner: owner.trim().to_string(),
            due_date,
            status,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    pub id: i64,
    pub uuid: String,
    pub meeting_id: i64,
    pub text: String,
    pub answer: String,
    /// Who may read it (the same four labels as notes).
    pub confidentiality: Confidentiality,
    pub created_at: String,
    pub updated_at: String,
}

/// One line of a meeting's export log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportRecord {
    pub what: String,
    pub format: String,
    pub audience: String,
    pub language: String,
    pub file: String,
    pub exported_at: String,
}

/// When a meeting's notes were last approved, and by whom (the justerare), if a name
/// was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotesApproval {
    /// The name as given, trimmed; `None` for an approval recorded without one.
    pub by_name: Option<String>,
    /// When (UTC, ISO 8601).
    pub at: String,
}

/// A justerare's name as typed: one line, inner runs of white space made one space;
/// `None` when nothing is left.
pub fn approver_name(raw: &str) -> Option<String> {
    let name = raw
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!name.is_empty()).then_some(name)
}

/// Validates a date typed in ISO form, for forms that take only dates.
pub fn optional_date(field: &'static str, raw: &str) -> Result<Option<NaiveDate>, FieldErrors> {
    let mut errors = FieldErrors::default();
    let d = parse_iso_date(field, raw, &mut errors);
    errors.into_result(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(due: Option<NaiveDate>, status: ActionStatus) -> ActionItem {
        ActionItem {
            id: 1,
            uuid: String::new(),
            project_id: 1,
            project_code: "X".into(),
            meeting_id: None,
            meeting_title: None,
            title: "Skicka minnesanteckningar".into(),
            owner: "Åsa".into(),
            due_date: due,
            status,
            done_date: None,
            confidentiality: Confidentiality::Internal,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    #[test]
    fn an_approver_name_is_one_trimmed_line_or_nothing() {
        assert_eq!(
            approver_name("  Åsa \t Öberg\n").as_deref(),
            Some("Åsa Öberg")
        );
        assert_eq!(approver_name(" \n\u{7} "), None);
    }

    #[test]
    fn actions_fall_into_buckets_by_due_date() {
        // Thursday 26 November 2026; the week ends Sunday the 29th.
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day);
        use ActionBucket::*;
        assert_eq!(action(d(25), ActionStatus::Open).bucket(today), Overdue);
        assert_eq!(action(d(26), ActionStatus::InProgress).bucket(today), Today);
        assert_eq!(action(d(29), ActionStatus::Open).bucket(today), ThisWeek);
        assert_eq!(action(d(30), ActionStatus::Open).bucket(today), Later);
        assert_eq!(action(None, ActionStatus::Open).bucket(today), NoDueDate);
        assert_eq!(action(d(20), ActionStatus::Done).bucket(today), Closed);
    }

    #[test]
    fn due_dates_can_be_typed_loosely() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let a = ActionInput::validate("Boka lokal", "", "fre", ActionStatus::Open, today).unwrap();
        assert_eq!(a.due_date, NaiveDate::from_ymd_opt(2026, 11, 27));
        let a = ActionInput::validate("Boka lokal", "", "+7d", ActionStatus::Open, today).unwrap();
        assert_eq!(a.due_date, NaiveDate::from_ymd_opt(2026, 12, 3));
        let e = ActionInput::validate(" ", "", "snart", ActionStatus::Open, today).unwrap_err();
        assert!(e.get("title").is_some() && e.get("due_date").is_some());
    }
}
