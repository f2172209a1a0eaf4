//! The actions screen's window on its list (`app::window`): the count of matching
//! actions and at most `WINDOW` rows around the cursor.

use super::App;
use super::window::{Keyed, Source};
use crate::domain::ActionFilter;
use crate::store::{ActionKey, ActionPage, PagedAction, Result, Store};

impl Keyed for PagedAction {
    type Key = ActionKey;
    fn key(&self) -> &ActionKey {
        &self.key
    }
}

/// The actions the filter shows.
struct Actions<'a> {
    store: &'a Store,
    filter: &'a ActionFilter,
}

impl Source<PagedAction> for Actions<'_> {
    fn count(&self) -> Result<usize> {
        self.store.count_actions(self.filter)
    }
    fn before(&self, key: &ActionKey) -> Result<usize> {
        self.store.actions_before(self.filter, key)
    }
    fn page(&self, page: ActionPage<'_>, limit: usize) -> Result<Vec<PagedAction>> {
        self.store.actions_page(self.filter, page, limit)
    }
}

impl App {
    fn actions_source(&self) -> Actions<'_> {
        Actions {
            store: &self.store,
            filter: &self.actions.filter,
        }
    }

    /// The count again and the window from where it was; then the rows at the cursor.
    pub(super) fn reload_actions(&mut self) {
        let total = self.unfiltered_total(super::FilterList::Actions);
        let loaded = self.actions.window.reloaded(&self.actions_source());
        if let Some(window) = self.report(loaded) {
            let view = &mut self.actions;
            view.total = total;
            view.cursor.clamp(window.count);
            view.window = window;
            self.load_actions_around_cursor();
        }
    }

    /// Reads the rows the cursor has moved onto (`Window::read_for`).
    pub(super) fn load_actions_around_cursor(&mut self) {
        let at = self.actions.cursor.selected;
        let read = self.actions.window.read_for(at, &self.actions_source());
        if let Some(step) = self.report(read).flatten() {
            let view = &mut self.actions;
            view.cursor.selected = view.window.apply(step, at);
        }
    }

    /// Puts the cursor on an action if the filter shows it: the window around that row.
    pub(super) fn select_action(&mut self, id: i64) -> bool {
        let source = self.actions_source();
        let loaded = self.store.action_key(id).and_then(|key| match key {
            Some(key) => self.actions.window.around(&key, &source),
            None => Ok(None),
        });
        match self.report(loaded).flatten() {
            Some((window, place)) => {
                let view = &mut self.actions;
                view.window = window;
                view.cursor.selected = place;
                true
            }
            None => false,
        }
    }
}
