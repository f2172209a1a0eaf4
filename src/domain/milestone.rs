use chrono::NaiveDate;
use serde::Serialize;

use super::enums::MilestoneStatus;
use super::validation::{FieldError, FieldErrors, parse_day_input};

/// An entry in a project's time plan (tids- och arbetsplan).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Milestone {
    pub id: i64,
    pub uuid: String,
    pub project_id: i64,
    pub title: String,
    pub due_date: Option<NaiveDate>,
    pub done_date: Option<NaiveDate>,
    pub status: MilestoneStatus,
    pub created_at: String,
    pub updated_at: String,
}

impl Milestone {
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status == MilestoneStatus::Planned && self.due_date.is_some_and(|d| d < today)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneInput {
    pub title: String,
    pub due_date: Option<NaiveDate>,
}

impl MilestoneInput {
    /// `due` as people type dates (`2027-02-01`, `nästa fredag`, `om 2 veckor`).
    pub fn validate(title: &str, due: &str, today: NaiveDate) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = title.trim().to_string();
        if title.is_empty() {
            errors.add("title", FieldError::Required);
        }
        let due_date = parse_day_input("due_date", due, today, &mut errors);
        errors.into_result(MilestoneInput { title, due_date })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overdue_only_when_planned_and_past_due() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let mut m = Milestone {
            id: 1,
            uuid: String::new(),
            project_id: 1,
            title: "Behovsanalys klar".into(),
            due_date: NaiveDate::from_ymd_opt(2026, 11, 25),
            done_date: None,
            status: MilestoneStatus::Planned,
            created_at: String::new(),
            updated_at: String::new(),
        };
        assert!(m.is_overdue(today));
        m.due_date = Some(today);
        assert!(!m.is_overdue(today));
        m.due_date = NaiveDate::from_ymd_opt(2026, 1, 1);
        m.status = MilestoneStatus::Done;
        assert!(!m.is_overdue(today));
    }

    #[test]
    fn milestone_validation() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        assert!(MilestoneInput::validate("Annonsering", "2027-02-01", today).is_ok());
        assert_eq!(
            MilestoneInput::validate("Annonsering", "nästa fredag", today)
                .unwrap()
                .due_date,
            NaiveDate::from_ymd_opt(2026, 12, 4)
        );
        let e = MilestoneInput::validate("", "1 feb", today).unwrap_err();
        assert!(e.get("title").is_some() && e.get("due_date").is_some());
    }
}
