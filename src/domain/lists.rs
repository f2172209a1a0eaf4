//! What the list screens ask the store for, and what it answers besides rows: sorts,
//! filters, counts and the trash. Plain data: the screens show them (with the labels
//! here), the store turns them into SQL.

use super::{EntityKind, NeedStatus, Priority, ProjectStatus};
use crate::text;

/// Portfolio ordering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProjectSort {
    #[default]
    Code,
    Phase,
    Status,
    Updated,
    /// The next planned meeting, soonest first.
    NextMeeting,
    /// Overdue actions, most first.
    Overdue,
    /// Open needs, most first.
    OpenNeeds,
    /// The last review, longest ago (or never) first.
    Reviewed,
}

impl ProjectSort {
    pub const ALL: [ProjectSort; 8] = [
        Self::Code,
        Self::Phase,
        Self::Status,
        Self::Updated,
        Self::NextMeeting,
        Self::Overdue,
        Self::OpenNeeds,
        Self::Reviewed,
    ];

    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Code => text::col_code(),
            Self::Phase => text::col_phase(),
            Self::Status => text::col_status(),
            Self::Updated => text::col_updated(),
            Self::NextMeeting => text::col_next_meeting(),
            Self::Overdue => text::col_overdue(),
            Self::OpenNeeds => text::col_open_needs(),
            Self::Reviewed => text::col_reviewed(),
        }
    }
}

/// What the portfolio shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectFilter {
    /// Matches code, title, buyer, case number, subject and tags, ignoring case.
    pub text: String,
    pub status: Option<ProjectStatus>,
    pub sort: ProjectSort,
    pub descending: bool,
}

/// The needs screen's ordering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NeedSort {
    #[default]
    Code,
    Status,
    Priority,
    Category,
}

impl NeedSort {
    pub const ALL: [NeedSort; 4] = [Self::Code, Self::Status, Self::Priority, Self::Category];

    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Code => text::col_code(),
            Self::Status => text::col_status(),
            Self::Priority => text::col_priority(),
            Self::Category => text::col_category(),
        }
    }
}

/// What the needs screen shows of one project.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NeedFilter {
    pub status: Option<NeedStatus>,
    pub priority: Option<Priority>,
    pub category: Option<String>,
    /// Matches code, statement, category and owner, ignoring case.
    pub text: String,
    pub sort: NeedSort,
}

/// Counts per status and per priority for the summary bar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NeedCounts {
    pub by_status: Vec<(NeedStatus, i64)>,
    pub by_priority: Vec<(Option<Priority>, i64)>,
    pub total: i64,
}

/// Which actions the actions screen shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActionFilter {
    pub project_id: Option<i64>,
    pub meeting_id: Option<i64>,
    /// Exact owner (as typed on the actions).
    pub owner: Option<String>,
    /// Also done and cancelled ones.
    pub include_closed: bool,
}

/// One row of the trash: what it is, its name and when it was deleted.
#[derive(Debug, Clone, PartialEq)]
pub struct TrashItem {
    pub kind: EntityKind,
    pub id: i64,
    pub label: String,
    pub deleted_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_cycle_through_every_order_and_back() {
        let mut s = ProjectSort::default();
        for expected in [
            ProjectSort::Phase,
            ProjectSort::Status,
            ProjectSort::Updated,
            ProjectSort::NextMeeting,
            ProjectSort::Overdue,
            ProjectSort::OpenNeeds,
            ProjectSort::Reviewed,
        ] {
            s = s.next();
            assert_eq!(s, expected);
        }
        assert_eq!(s.next(), ProjectSort::Code);
        let mut n = NeedSort::default();
        for _ in NeedSort::ALL {
            n = n.next();
        }
        assert_eq!(n, NeedSort::Code);
        assert_eq!(NeedSort::Priority.label(), text::col_priority());
    }
}
