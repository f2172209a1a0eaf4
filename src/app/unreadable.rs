//! Rows a list could not read (see `store::readable`), shown after the list's own rows
//! as "unreadable row (id N) — d deletes it": one mechanism for every list that shows
//! them (a project's meetings, the agenda, the portfolio, needs, notes, actions). The
//! cursor moves over the readable rows, then these; on one of them `d` asks to move it
//! to the trash and every other key that needs the row says why it cannot.

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
        Action::Open | Action::Edit | Action::Delete | Action::ToggleDone | Action::CancelMeeting
    )
}

impl App {
    /// A key on an unreadable row of `kind`: `d` asks to move it to the trash (every
    /// kind with an unreadable row has one); other keys about the row say why nothing
    /// happens. Nothing is written without the confirmation.
    pub(super) fn update_unreadable_row(&mut self, kind: EntityKind, id: i64, action: Action) {
        match action {
            Action::Delete => self.confirm(
                text::confirm_trash(&text::unreadable_row_name(id)),
                Pending::Trash(kind, id),
            ),
            _ => self.info(text::msg_unreadable_row()),
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
