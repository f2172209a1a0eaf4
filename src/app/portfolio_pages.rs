//! The portfolio's window on its list (`app::window`): the count of matching projects
//! and at most `WINDOW` rows around the cursor, in the chosen order, so that the first
//! frame, a key or a sort costs the same at 1,000 projects as at ten.

use super::App;
use super::window::{Keyed, Source, Window};
use crate::domain::ProjectFilter;
use crate::store::{PagedProject, ProjectKey, ProjectPage, Result, Store};

impl Keyed for PagedProject {
    type Key = ProjectKey;
    fn key(&self) -> &ProjectKey {
        &self.key
    }
}

/// The projects the filter shows, in its order.
struct Projects<'a> {
    store: &'a Store,
    filter: &'a ProjectFilter,
}

impl Source<PagedProject> for Projects<'_> {
    fn count(&self) -> Result<usize> {
        self.store.count_projects(self.filter)
    }
    fn before(&self, key: &ProjectKey) -> Result<usize> {
        self.store.projects_before(self.filter, key)
    }
    fn page(&self, page: ProjectPage<'_>, limit: usize) -> Result<Vec<PagedProject>> {
        self.store.projects_page(self.filter, page, limit)
    }
}

impl App {
    fn portfolio_source(&self) -> Projects<'_> {
        Projects {
            store: &self.store,
            filter: &self.portfolio.filter,
        }
    }

    /// The count again and the window from where it was; then the rows at the cursor,
    /// the dashboard's figures and the today strip.
    pub(super) fn refresh_portfolio(&mut self) {
        let loaded = self.portfolio.window.reloaded(&self.portfolio_source());
        if let Some(window) = self.report(loaded) {
            self.portfolio.cursor.clamp(window.count);
            self.portfolio.window = window;
            self.load_portfolio_around_cursor();
        }
        self.portfolio.total = self.unfiltered_total(super::FilterList::Portfolio);
        self.portfolio.has_any =
            !self.portfolio.is_empty() || self.store.has_projects().unwrap_or(true);
        self.refresh_dashboard();
    }

    /// A new order: a key of the old one says nothing in it, so the window is read
    /// again from the top (the cursor keeps its row number, as it always has).
    pub(super) fn resort_portfolio(&mut self) {
        self.portfolio.window = Window::default();
        self.refresh_portfolio();
    }

    /// Reads the rows the cursor has moved onto (`Window::read_for`).
    pub(super) fn load_portfolio_around_cursor(&mut self) {
        let at = self.portfolio.cursor.selected;
        let read = self.portfolio.window.read_for(at, &self.portfolio_source());
        if let Some(step) = self.report(read).flatten() {
            let p = &mut self.portfolio;
            p.cursor.selected = p.window.apply(step, at);
        }
    }

    /// Puts the cursor on a project if the filter shows it: its place in the order is
    /// counted in SQL, and the window is read around it. False when it is not shown.
    pub fn select_project(&mut self, id: i64) -> bool {
        let source = self.portfolio_source();
        let loaded = self
            .store
            .project_key(&self.portfolio.filter, id)
            .and_then(|key| match key {
                Some(key) => self.portfolio.window.around(&key, &source),
                None => Ok(None),
            });
        match self.report(loaded).flatten() {
            Some((window, place)) => {
                self.portfolio.window = window;
                self.portfolio.cursor.selected = place;
                self.load_figures(true);
                true
            }
            None => false,
        }
    }
}
