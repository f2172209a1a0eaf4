//! The actions screen's window on its list: the count of matching actions and at most
//! `ACTIONS_WINDOW` rows around the cursor, read a page at a time in the screen's order
//! (the store's keyset paging), so that a visit or a key costs the same at any size.

use super::App;
use super::screens::{ACTIONS_STEP, ACTIONS_WINDOW};
use crate::store::{ActionPage, PagedAction};

impl App {
    /// The count again and the window from where it was (its first row's place in the
    /// order), or from the top when nothing was loaded; then the rows at the cursor.
    pub(super) fn reload_actions(&mut self) {
        let total = self.unfiltered_total(super::FilterList::Actions);
        let filter = self.actions.filter.clone();
        let first = self.actions.rows.first().map(|r| r.key.clone());
        let loaded = self.store.count_actions(&filter).and_then(|count| {
            let (offset, rows) = match &first {
                Some(key) => (
                    self.store.actions_before(&filter, key)?,
                    self.store
                        .actions_page(&filter, ActionPage::From(key), ACTIONS_WINDOW)?,
                ),
                None => (
                    0,
                    self.store
                        .actions_page(&filter, ActionPage::First, ACTIONS_WINDOW)?,
                ),
            };
            Ok((count, offset, rows))
        });
        if let Some((count, offset, rows)) = self.report(loaded) {
            let view = &mut self.actions;
            view.count = count;
            view.total = total;
            view.offset = offset;
            view.rows = rows;
            view.cursor.clamp(count);
            self.load_actions_around_cursor();
        }
    }

    /// Reads the rows the cursor has moved onto: the next or previous page next to the
    /// window when it stepped just past it, else the first or last page, else the page
    /// from the cursor's row (its place found by counting, which the index answers).
    pub(super) fn load_actions_around_cursor(&mut self) {
        let view = &self.actions;
        let at = view.cursor.selected;
        let (start, end) = (view.offset, view.offset + view.rows.len());
        if (start..end).contains(&at) || view.count == 0 {
            return;
        }
        let filter = view.filter.clone();
        let count = view.count;
        let first = view.rows.first().map(|r| r.key.clone());
        let last = view.rows.last().map(|r| r.key.clone());
        let loaded = if let Some(last) = last.filter(|_| at >= end && at < end + ACTIONS_STEP) {
            self.store
                .actions_page(&filter, ActionPage::After(&last), ACTIONS_STEP)
                .map(Step::Append)
        } else if let Some(first) = first.filter(|_| at < start && at + ACTIONS_STEP >= start) {
            self.store
                .actions_page(&filter, ActionPage::Before(&first), ACTIONS_STEP)
                .map(Step::Prepend)
        } else if at < ACTIONS_WINDOW {
            self.store
                .actions_page(&filter, ActionPage::First, ACTIONS_WINDOW)
                .map(|rows| Step::Replace(0, rows))
        } else {
            // Far from the window (End, PgDn held): the last page; the window keeps
            // the cursor's row at its end.
            self.store
                .actions_page(&filter, ActionPage::Last, ACTIONS_WINDOW)
                .map(|rows| Step::Replace(count.saturating_sub(rows.len()), rows))
        };
        let Some(step) = self.report(loaded) else {
            return;
        };
        let view = &mut self.actions;
        match step {
            Step::Append(rows) => {
                view.rows.extend(rows);
                let extra = view.rows.len().saturating_sub(ACTIONS_WINDOW);
                view.rows.drain(..extra);
                view.offset += extra;
            }
            Step::Prepend(mut rows) => {
                view.offset = view.offset.saturating_sub(rows.len());
                rows.append(&mut view.rows);
                rows.truncate(ACTIONS_WINDOW);
                view.rows = rows;
            }
            Step::Replace(offset, rows) => {
                view.offset = offset;
                view.rows = rows;
            }
        }
        // The list changed under the window (rows written elsewhere): stay on a row.
        let end = view.offset + view.rows.len();
        if view.cursor.selected >= end {
            view.cursor.selected = end.saturating_sub(1);
        } else if view.cursor.selected < view.offset {
            view.cursor.selected = view.offset;
        }
    }

    /// Puts the cursor on an action if the filter shows it: the window from that row.
    pub(super) fn select_action(&mut self, id: i64) -> bool {
        let filter = self.actions.filter.clone();
        let loaded = self.store.action_key(id).and_then(|key| {
            let Some(key) = key else { return Ok(None) };
            let rows = self
                .store
                .actions_page(&filter, ActionPage::From(&key), ACTIONS_WINDOW)?;
            if rows.first().map(PagedAction::id) != Some(id) {
                return Ok(None);
            }
            let offset = self.store.actions_before(&filter, &key)?;
            Ok(Some((offset, rows)))
        });
        match self.report(loaded).flatten() {
            Some((offset, rows)) => {
                let view = &mut self.actions;
                view.offset = offset;
                view.rows = rows;
                view.cursor.selected = offset;
                true
            }
            None => false,
        }
    }
}

enum Step {
    Append(Vec<PagedAction>),
    Prepend(Vec<PagedAction>),
    Replace(usize, Vec<PagedAction>),
}
