//! The portfolio as a dashboard: per-project figures for the rows that can be on
//! screen, and the "today" strip. Loaded with the portfolio, never while drawing.

use chrono::Days;

use super::*;

/// Project rows on a 120×40 terminal: the page when the terminal loop has not said.
const DEFAULT_PAGE_ROWS: usize = 33;

impl App {
    pub(super) fn refresh_dashboard(&mut self) {
        self.load_figures(true);
        let clock = self.clock();
        let today = clock.today();
        let start = |day: chrono::NaiveDate| {
            clock
                .to_utc(day.and_time(chrono::NaiveTime::MIN))
                .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
                .unwrap_or_else(|_| format!("{day}T00:00:00Z"))
        };
        let from = start(today);
        let to = start(today + Days::new(1));
        if let Some(strip) = self.report(self.store.today_strip(&from, &to)) {
            self.portfolio.today = strip;
        }
    }

    /// The terminal shows `rows` project rows: figures are loaded for that many.
    pub fn set_portfolio_rows(&mut self, rows: usize) {
        if self.portfolio.page_rows != Some(rows) {
            self.portfolio.page_rows = Some(rows);
            if self.screen() == Screen::Portfolio {
                self.load_figures(false);
            }
        }
    }

    /// Loads the figures of the rows near the cursor, unless they are loaded already
    /// (`force` after the rows changed).
    pub(super) fn load_figures(&mut self, force: bool) {
        let p = &self.portfolio;
        let at = p.cursor.selected;
        // Only loaded rows can be on screen (the window holds the cursor's page).
        let window = p.window.range();
        let within = |r: std::ops::Range<usize>| r.start.max(window.start)..r.end.min(window.end);
        // A page of the list holds the cursor's row and reaches at most a page from it;
        // one more page on each side is loaded so that moving rarely queries.
        let margin = p.page_rows.unwrap_or(DEFAULT_PAGE_ROWS).max(1);
        let needed = within(at.saturating_sub(margin)..at + margin);
        let loaded = &p.figures_rows;
        if !force && loaded.start <= needed.start && needed.end <= loaded.end {
            return;
        }
        let rows = within(at.saturating_sub(2 * margin)..at + 2 * margin);
        let ids: Vec<i64> = rows
            .clone()
            .filter_map(|i| p.window.get(i))
            .map(|r| r.id())
            .collect();
        if let Some(figures) = self.report(self.store.project_figures(&ids)) {
            self.portfolio.figures = figures;
            self.portfolio.figures_rows = rows;
        }
    }
}
