//! The text filter typed above a list (the portfolio and the needs tab).

use super::*;

impl App {
    /// The text filter being typed on the current screen (portfolio or needs), if any.
    pub(super) fn filter_input(&self) -> Option<&text_input::TextInput> {
        match self.screen() {
            Screen::Portfolio => self.portfolio.filter_input.as_ref(),
            Screen::Project { .. } => self
                .project
                .as_ref()
                .filter(|p| p.tab == ProjectTab::Needs)
                .and_then(|p| p.needs.filter_input.as_ref()),
            _ => None,
        }
    }

    pub(super) fn filter_input_mut(&mut self) -> Option<&mut text_input::TextInput> {
        match self.screen() {
            Screen::Portfolio => self.portfolio.filter_input.as_mut(),
            Screen::Project { .. } => self
                .project
                .as_mut()
                .filter(|p| p.tab == ProjectTab::Needs)
                .and_then(|p| p.needs.filter_input.as_mut()),
            _ => None,
        }
    }

    pub(super) fn edit_filter(&mut self, ev: &KeyEvent) {
        if let Some(input) = self.filter_input_mut()
            && input.handle(ev)
        {
            self.apply_filter_text();
        }
    }

    pub(super) fn update_filter(&mut self, action: Action) {
        match action {
            Action::FilterKeep => self.close_filter(false),
            Action::FilterClear => self.close_filter(true),
            Action::Up => self.move_cursor(-1),
            Action::Down => self.move_cursor(1),
            Action::Help => {
                self.overlay = Some(Overlay::Help {
                    context: Context::FilterInput,
                    scroll: 0,
                })
            }
            _ => {}
        }
    }

    /// Closes the filter line, keeping its text or clearing it.
    pub(super) fn close_filter(&mut self, clear: bool) {
        if self.screen() == Screen::Portfolio {
            self.portfolio.filter_input = None;
            if clear {
                self.portfolio.filter.text.clear();
                self.refresh_portfolio();
            }
        } else if let Some(p) = &mut self.project {
            p.needs.filter_input = None;
            if clear {
                p.needs.filter.text.clear();
                self.refresh_needs();
            }
        }
    }

    /// Applies the typed filter text; each keypress re-queries what is shown.
    pub(super) fn apply_filter_text(&mut self) {
        let typed = self.filter_input().map(|i| i.value().to_string());
        let Some(typed) = typed else { return };
        if self.screen() == Screen::Portfolio {
            self.portfolio.filter.text = typed;
            self.portfolio.cursor = Cursor::default();
            self.refresh_portfolio();
        } else if let Some(p) = &mut self.project {
            p.needs.filter.text = typed;
            p.needs.cursor = Cursor::default();
            self.refresh_needs();
        }
    }
}
