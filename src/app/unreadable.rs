//! Rows a list could not read (see `store::readable`), shown after the list's own rows
//! as "unreadable row (id N) — d deletes it": one mechanism for every list on screen
//! (the portfolio, a project's tabs, a meeting's tabs, the agenda, actions, lessons,
//! rounds, the directory's organisations). The cursor moves over the readable rows,
//! then these; on one of them `d` asks to remove it the way the list removes a readable
//! row (to the trash, or off the meeting for a participant) and every other key that
//! needs the row says why it cannot.
//!
//! A screen's glue is three lines: its view keeps the ids (`Listed::unreadable_ids`),
//! its update starts with `unreadable_target` and its drawing appends
//! `widgets::unreadable_rows` (or `widgets::split_page` when it pages). A list read a
//! window at a time (`app::window`: the portfolio, actions, the lessons library, the
//! directory) keeps such a row in its place in the order instead, as a row without
//! its item.

use super::{Action, App, Pending};
use crate::domain::EntityKind;
use crate::text;

/// What a cursor position in a list of `T` followed by unreadable rows points at.
#[derive(Debug, Clone, PartialEq)]
pub enum ListRow<'a, T> {
    Item(&'a T),
    /// The id of a row that cannot be read.
    Unreadable(i64),
}

/// The row at `at` of `rows` followed by `unreadable`.
pub fn row_at<'a, T>(rows: &'a [T], unreadable: &[i64], at: usize) -> Option<ListRow<'a, T>> {
    match rows.get(at) {
        Some(item) => Some(ListRow::Item(item)),
        None => unreadable
            .get(at - rows.len())
            .map(|id| ListRow::Unreadable(*id)),
    }
}

/// The unreadable row under the cursor, if the cursor is on one.
pub fn unreadable_at<T>(rows: &[T], unreadable: &[i64], at: usize) -> Option<i64> {
    match row_at(rows, unreadable, at) {
        Some(ListRow::Unreadable(id)) => Some(id),
        _ => None,
    }
}

/// Whether `action` is about the selected row (and so cannot act on one that cannot
/// be read), rather than about the list (new, filter, sort).
pub(super) fn is_about_selected(action: Action) -> bool {
    matches!(
        action,
        Action::Open
            | Action::Edit
            | Action::Delete
            | Action::ToggleDone
            | Action::CancelMeeting
            | Action::MarkHeld
            | Action::CycleLabel
            | Action::CycleBlock
            | Action::ExternalEditor
            | Action::MoveUp
            | Action::MoveDown
            | Action::CycleRole
            | Action::ToggleInvited
            | Action::ToggleAttended
            | Action::StatusForward
            | Action::StatusBack
            | Action::Reject
            | Action::Defer
            | Action::Merge
            | Action::AddEvidence
            | Action::GoToMeeting
            | Action::RecordAnswer
    )
}

/// The unreadable row `action` is pressed on, when the cursor `at` of `rows` followed
/// by `unreadable` is on one and the key is about the selected row: the one check every
/// list's update starts with, before it looks for its selected item.
pub fn unreadable_target<T>(
    rows: &[T],
    unreadable: &[i64],
    at: usize,
    action: Action,
) -> Option<i64> {
    unreadable_at(rows, unreadable, at).filter(|_| is_about_selected(action))
}

/// How a list removes one of its rows, readable or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Removal {
    /// To the trash, where it can be restored (every entity's list).
    Trash(EntityKind),
    /// A meeting's participant: taken off the meeting (attendance has no trash).
    Participant,
}

impl App {
    /// A key on an unreadable row of `kind`: `d` asks to move it to the trash; other
    /// keys about the row say why nothing happens.
    pub(super) fn update_unreadable_row(&mut self, kind: EntityKind, id: i64, action: Action) {
        self.update_unreadable(Removal::Trash(kind), id, action)
    }

    /// A key on an unreadable row that the list removes by `removal`: `d` asks, then
    /// removes it the way the list removes a readable row; other keys about the row say
    /// why nothing happens. Nothing is written without the confirmation (asked even
    /// where a readable row goes at once: the user cannot see what this one is).
    pub(super) fn update_unreadable(&mut self, removal: Removal, id: i64, action: Action) {
        let name = text::unreadable_row_name(id);
        match (action, removal) {
            (Action::Delete, Removal::Trash(kind)) => {
                self.confirm(text::confirm_trash(&name), Pending::Trash(kind, id))
            }
            (Action::Delete, Removal::Participant) => self.confirm(
                text::confirm_remove_participant(&name),
                Pending::RemoveParticipant(id),
            ),
            (_, Removal::Trash(_)) => self.info(text::msg_unreadable_row()),
            (_, Removal::Participant) => self.info(text::msg_unreadable_participant()),
        }
    }

    /// After a screen is loaded: rows its lists left out because they cannot be read
    /// (lists that do not show such rows themselves) are counted on the status line,
    /// unless something more pressing is already there.
    pub(super) fn say_set_aside(&mut self) {
        let aside = self.store.take_set_aside();
        if !aside.is_empty() && self.status.is_none() {
            self.info(text::msg_rows_set_aside(aside.len()));
        }
    }
}
