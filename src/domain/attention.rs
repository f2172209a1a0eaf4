//! What needs a facilitator's attention: the rules that say when a milestone has
//! slipped, an action is overdue, a meeting's notes are missing or unsent, a suggestion
//! waits for the buyer and a review is stale. The store counts with the same rules (it
//! takes its SQL lists from `codes_where`), so a screen and a count never disagree.

use chrono::NaiveDate;

use super::entity::EntityRef;
use super::enums::{
    ActionStatus, MeetingStatus, MeetingType, MilestoneStatus, NeedStatus, NotesStatus,
    SuggestionStatus, TextEnum,
};
use super::lists::NeedCounts;

/// Days after the last review that a project counts as stale, unless the config says.
pub const DEFAULT_STALE_AFTER_DAYS: u32 = 14;

/// The limits the attention rules use (config `stale_after_days`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    pub stale_after_days: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            stale_after_days: DEFAULT_STALE_AFTER_DAYS,
        }
    }
}

/// A milestone has slipped when it is still planned and its day has passed.
pub fn milestone_slipped(
    status: MilestoneStatus,
    due: Option<NaiveDate>,
    today: NaiveDate,
) -> bool {
    status == MilestoneStatus::Planned && due.is_some_and(|d| d < today)
}

/// Open and in-progress actions are the ones still to do.
pub fn action_open(status: ActionStatus) -> bool {
    matches!(status, ActionStatus::Open | ActionStatus::InProgress)
}

/// An action is overdue when it is still to do and its day has passed (due today is
/// not overdue yet).
pub fn action_overdue(status: ActionStatus, due: Option<NaiveDate>, today: NaiveDate) -> bool {
    action_open(status) && due.is_some_and(|d| d < today)
}

/// A suggestion waits for the buyer's answer until it is accepted, rejected,
/// implemented or withdrawn.
pub fn awaits_buyer(status: SuggestionStatus) -> bool {
    status.is_open()
}

/// A need is open while someone still has to work on it: not yet described, and not
/// rejected, deferred or merged.
pub fn need_open(status: NeedStatus) -> bool {
    matches!(
        status,
        NeedStatus::Identified
            | NeedStatus::Analysed
            | NeedStatus::Validated
            | NeedStatus::Prioritised
    )
}

/// What is missing from a held meeting's notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotesGap {
    /// Held, and nobody has started the notes.
    Missing,
    /// Notes begun (working, draft, approved) but not sent.
    Unsent,
}

/// The notes gap of a meeting, if any. Planned and cancelled meetings owe no notes.
pub fn notes_gap(status: MeetingStatus, notes: NotesStatus) -> Option<NotesGap> {
    match (status, notes) {
        (MeetingStatus::Held, NotesStatus::None) => Some(NotesGap::Missing),
        (MeetingStatus::Held, NotesStatus::Sent) => None,
        (MeetingStatus::Held, _) => Some(NotesGap::Unsent),
        _ => None,
    }
}

/// How long ago a project was reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewAge {
    Never,
    /// Reviewed this many days ago, within the threshold.
    Fresh(i64),
    /// Reviewed this many days ago, longer than the threshold allows.
    Stale(i64),
}

impl ReviewAge {
    pub fn is_stale(self) -> bool {
        !matches!(self, ReviewAge::Fresh(_))
    }

    /// Days since the review; `None` when never reviewed.
    pub fn days(self) -> Option<i64> {
        match self {
            ReviewAge::Never => None,
            ReviewAge::Fresh(d) | ReviewAge::Stale(d) => Some(d),
        }
    }
}

/// Days since `last` (the day of the review, local), against the threshold. A review
/// `stale_after_days` ago is still fresh; one day more is stale.
pub fn review_age(last: Option<NaiveDate>, today: NaiveDate, t: Thresholds) -> ReviewAge {
    match last {
        None => ReviewAge::Never,
        Some(day) => {
            let days = (today - day).num_days().max(0);
            if days > i64::from(t.stale_after_days) {
                ReviewAge::Stale(days)
            } else {
                ReviewAge::Fresh(days)
            }
        }
    }
}

/// The stored codes of the values a rule holds for, as an SQL list (`'open', 'x'`):
/// the store's queries count with the domain's rules rather than copies of them.
pub fn codes_where<E: TextEnum>(rule: impl Fn(E) -> bool) -> String {
    E::ALL
        .iter()
        .filter(|v| rule(**v))
        .map(|v| format!("'{}'", v.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The sections of a project's attention view, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    SlippedMilestones,
    NextMeetings,
    Actions,
    NotesMissing,
    NotesUnsent,
    OpenPoints,
    /// Information given to some suppliers and not (yet) made available to all.
    OnlySome,
    /// Meetings where an organisation that helped prepare the procurement takes part
    /// as a supplier.
    PriorInvolvement,
    AwaitingBuyer,
}

/// When a line's item happens or was due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineWhen {
    None,
    Day(NaiveDate),
    /// A stored UTC timestamp (a meeting's start).
    At(String),
}

/// What a line adds after its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineDetail {
    None,
    Meeting(MeetingType),
    /// An action's owner, and whether it is overdue.
    Action {
        owner: String,
        overdue: bool,
    },
    /// Equal-treatment points still open.
    OpenPoints(usize),
    Notes(NotesStatus),
    Suggestion(SuggestionStatus),
    /// The organisations an entry of the information log was given to.
    Recipients(String),
    /// The organisation that took part in preparing the procurement.
    Involved(String),
}

/// One line of the attention view; `Enter` opens `item`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttentionLine {
    pub item: EntityRef,
    pub title: String,
    pub when: LineWhen,
    pub detail: LineDetail,
}

/// A section: its first lines (a page) and how many there are in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub kind: SectionKind,
    pub lines: Vec<AttentionLine>,
    pub total: usize,
}

/// What needs attention in one project.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Attention {
    /// The non-empty sections, in `SectionKind` order.
    pub sections: Vec<Section>,
    pub overdue_actions: usize,
    pub needs: NeedCounts,
    /// The last review's stored UTC timestamp.
    pub last_reviewed_at: Option<String>,
}

impl Attention {
    /// The items the lines open, in the order they are shown (the cursor's rows).
    pub fn items(&self) -> Vec<EntityRef> {
        self.sections
            .iter()
            .flat_map(|s| s.lines.iter().map(|l| l.item))
            .collect()
    }

    pub fn total(&self, kind: SectionKind) -> usize {
        self.sections
            .iter()
            .find(|s| s.kind == kind)
            .map_or(0, |s| s.total)
    }
}

/// The figures the portfolio shows per project.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProjectFigures {
    /// The next planned meeting's start (stored UTC).
    pub next_meeting: Option<String>,
    pub overdue_actions: usize,
    pub slipped_milestones: usize,
    pub open_needs: usize,
    /// The last review's stored UTC timestamp.
    pub last_reviewed_at: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    #[test]
    fn a_milestone_slips_the_day_after_it_was_due() {
        let today = d(26);
        assert!(!milestone_slipped(
            MilestoneStatus::Planned,
            Some(d(26)),
            today
        ));
        assert!(milestone_slipped(
            MilestoneStatus::Planned,
            Some(d(25)),
            today
        ));
        assert!(!milestone_slipped(MilestoneStatus::Done, Some(d(1)), today));
        assert!(!milestone_slipped(
            MilestoneStatus::Cancelled,
            Some(d(1)),
            today
        ));
        assert!(!milestone_slipped(MilestoneStatus::Planned, None, today));
    }

    #[test]
    fn only_open_actions_past_their_day_are_overdue() {
        let today = d(26);
        assert!(action_overdue(ActionStatus::Open, Some(d(25)), today));
        assert!(action_overdue(ActionStatus::InProgress, Some(d(1)), today));
        assert!(!action_overdue(ActionStatus::Open, Some(d(26)), today));
        assert!(!action_overdue(ActionStatus::Open, None, today));
        assert!(!action_overdue(ActionStatus::Done, Some(d(1)), today));
        assert!(!action_overdue(ActionStatus::Cancelled, Some(d(1)), today));
    }

    #[test]
    fn held_meetings_owe_notes_until_they_are_sent() {
        use MeetingStatus::*;
        assert_eq!(notes_gap(Held, NotesStatus::None), Some(NotesGap::Missing));
        for begun in [
            NotesStatus::Working,
            NotesStatus::Draft,
            NotesStatus::Approved,
        ] {
            assert_eq!(notes_gap(Held, begun), Some(NotesGap::Unsent));
        }
        assert_eq!(notes_gap(Held, NotesStatus::Sent), None);
        assert_eq!(notes_gap(Planned, NotesStatus::None), None);
        assert_eq!(notes_gap(Cancelled, NotesStatus::Draft), None);
    }

    #[test]
    fn suggestions_wait_until_the_buyer_answers() {
        let waiting: Vec<_> = SuggestionStatus::ALL
            .iter()
            .filter(|s| awaits_buyer(**s))
            .collect();
        assert_eq!(
            waiting,
            [&SuggestionStatus::Proposed, &SuggestionStatus::Discussed]
        );
    }

    #[test]
    fn open_needs_are_those_still_being_worked_on() {
        assert!(need_open(NeedStatus::Identified));
        assert!(need_open(NeedStatus::Prioritised));
        for done in [
            NeedStatus::Described,
            NeedStatus::Rejected,
            NeedStatus::Deferred,
            NeedStatus::Merged,
        ] {
            assert!(!need_open(done), "{done:?}");
        }
    }

    #[test]
    fn a_review_goes_stale_after_the_threshold() {
        let t = Thresholds {
            stale_after_days: 14,
        };
        let today = d(26);
        assert_eq!(review_age(None, today, t), ReviewAge::Never);
        assert!(review_age(None, today, t).is_stale());
        assert_eq!(review_age(Some(d(26)), today, t), ReviewAge::Fresh(0));
        assert_eq!(review_age(Some(d(12)), today, t), ReviewAge::Fresh(14));
        assert_eq!(review_age(Some(d(11)), today, t), ReviewAge::Stale(15));
        assert_eq!(review_age(Some(d(11)), today, t).days(), Some(15));
        // A review stamped "in the future" (another machine's clock) counts as today.
        assert_eq!(review_age(Some(d(28)), today, t), ReviewAge::Fresh(0));
        let strict = Thresholds {
            stale_after_days: 0,
        };
        assert!(review_age(Some(d(25)), today, strict).is_stale());
        assert_eq!(Thresholds::default().stale_after_days, 14);
    }

    #[test]
    fn sql_lists_follow_the_rules() {
        assert_eq!(codes_where(action_open), "'open', 'in_progress'");
        assert_eq!(codes_where(awaits_buyer), "'proposed', 'discussed'");
        assert_eq!(
            codes_where(need_open),
            "'identified', 'analysed', 'validated', 'prioritised'"
        );
    }
}
