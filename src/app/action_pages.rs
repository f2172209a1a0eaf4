//! The actions screen's window on its list: the count of matching actions and at most
//! `ACTIONS_WINDOW` rows around the cursor, read a page at a time in the screen's order
//! (the store's keyset paging), so that a visit or a key costs the same at any size.

use super::App;
use super::screens::{ACTIONS_STEP, ACTIONS_WINDOW};
use crate::domain::ActionItem;
use crate::store::ActionPage;

impl App {
    /// The count again and the window from where it was (its first row's place in the
    /// order), or from the top when nothing was loaded; then the rows at the cursor.
    pub(super) fn reload_actions(&mut self) {
        let filter = self.actions.filter.clone();
        let first = self.actions.actions.first().cloned();
        let loaded = self.store.count_actions(&filter).and_then(|total| {
            let (offset, rows) = match &first {
                Some(row) => (
                    self.store.actions_before(&filter, row)?,
                    self.store
                        .actions_page(&filter, ActionPage::From(row), ACTIONS_WINDOW)?,
                ),
                None => (
                    0,
                    self.store
                        .actions_page(&filter, ActionPage::First, ACTIONS_WINDOW)?,
                ),
            };
            Ok((total, offset, rows))
        });
        if let Some((total, offset, rows)) = self.report(loaded) {
            let view = &mut self.actions;
            view.total = total;
            view.offset = offset;
            view.actions = rows;
            view.cursor.clamp(total);
            self.load_actions_around_cursor();
        }
    }

    /// Reads the rows the cursor has moved onto: the next or previous page next to the
    /// window when it stepped just past it, else the first or last page.
    pub(super) fn load_actions_around_cursor(&mut self) {
        let view = &self.actions;
        let at = view.cursor.selected;
        let (start, end) = (view.offset, view.offset + view.actions.len());
        if (start..end).contains(&at) || view.total == 0 {
            return;
        }
        let filter = view.filter.clone();
        let total = view.total;
        let (first, last) = (view.actions.first(), view.actions.last());
        let loaded = if let Some(last) = last.filter(|_| at >= end && at < end + ACTIONS_STEP) {
            self.store
                .actions_page(&filter, ActionPage::After(last), ACTIONS_STEP)
                .map(Step::Append)
        } else if let Some(first) = first.filter(|_| at < start && at + ACTIONS_STEP >= start) {
            self.store
                .actions_page(&filter, ActionPage::Before(first), ACTIONS_STEP)
                .map(Step::Prepend)
        } else if at < total / 2 {
            self.store
                .actions_page(&filter, ActionPage::First, ACTIONS_WINDOW)
                .map(|rows| Step::Replace(0, rows))
        } else {
            self.store
                .actions_page(&filter, ActionPage::Last, ACTIONS_WINDOW)
                .map(|rows| Step::Replace(total.saturating_sub(rows.len()), rows))
        };
        let Some(step) = self.report(loaded) else {
            return;
        };
        let view = &mut self.actions;
        match step {
            Step::Append(rows) => {
                view.actions.extend(rows);
                let extra = view.actions.len().saturating_sub(ACTIONS_WINDOW);
                view.actions.drain(..extra);
                view.offset += extra;
            }
            Step::Prepend(mut rows) => {
                view.offset = view.offset.saturating_sub(rows.len());
                rows.append(&mut view.actions);
                rows.truncate(ACTIONS_WINDOW);
                view.actions = rows;
            }
            Step::Replace(offset, rows) => {
                view.offset = offset;
                view.actions = rows;
            }
        }
        // The list changed under the window (rows written elsewhere): stay on a row.
        let end = view.offset + view.actions.len();
        if view.cursor.selected >= end {
            view.cursor.selected = end.saturating_sub(1);
        } else if view.cursor.selected < view.offset {
            view.cursor.selected = view.offset;
        }
    }

    /// Puts the cursor on an action if the filter shows it: the window from that row.
    pub(super) fn select_action(&mut self, id: i64) -> bool {
        let filter = self.actions.filter.clone();
        let loaded = self.store.action(id).and_then(|row| {
            let rows = self
                .store
                .actions_page(&filter, ActionPage::From(&row), ACTIONS_WINDOW)?;
            if rows.first().map(|a| a.id) != Some(id) {
                return Ok(None);
            }
            let offset = self.store.actions_before(&filter, &row)?;
            Ok(Some((offset, rows)))
        });
        match self.report(loaded).flatten() {
            Some((offset, rows)) => {
                let view = &mut self.actions;
                view.offset = offset;
                view.actions = rows;
                view.cursor.selected = offset;
                true
            }
            None => false,
        }
    }
}

enum Step {
    Append(Vec<ActionItem>),
    Prepend(Vec<ActionItem>),
    Replace(usize, Vec<ActionItem>),
}
