//! The portfolio as a dashboard: per-project figures for the rows that can be on
//! screen, and the "today" strip. Loaded with the portfolio, never while drawing.

use chrono::Days;

use super::*;

/// Rows around the cursor whose figures are loaded: more than any terminal shows
/// above or below the selected row.
const FIGURES_MARGIN: usize = 80;

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

    /// Loads the figures of the rows near the cursor, unless they are loaded already
    /// (`force` after the rows changed).
    pub(super) fn load_figures(&mut self, force: bool) {
        let p = &self.portfolio;
        let len = p.rows.len();
        let at = p.cursor.selected;
        let needed = at.saturating_sub(FIGURES_MARGIN)..(at + FIGURES_MARGIN).min(len);
        let loaded = &p.figures_rows;
        if !force && loaded.start <= needed.start && needed.end <= loaded.end {
            return;
        }
        let rows = at.saturating_sub(2 * FIGURES_MARGIN)..(at + 2 * FIGURES_MARGIN).min(len);
        let ids: Vec<i64> = p.rows[rows.clone()].iter().map(|r| r.id).collect();
        if let Some(figures) = self.report(self.store.project_figures(&ids)) {
            self.portfolio.figures = figures;
            self.portfolio.figures_rows = rows;
        }
    }
}
