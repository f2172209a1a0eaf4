//! Dialogs drawn over a screen: help and confirmation.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{theme, widgets};
use crate::app::App;
use crate::app::keymap::Context;
use crate::text;

/// Lists the keys of `context` (and the global ones), straight from the keymap.
pub fn help(frame: &mut Frame, area: Rect, app: &App, context: Context, scroll: u16) {
    let mut sections = vec![context];
    if !context.is_modal() {
        sections.push(Context::Global);
    }
    let mut lines = Vec::new();
    for ctx in sections {
        if !lines.is_empty() {
            lines.push(Line::from(""));
        }
        lines.push(Line::from(Span::styled(ctx.title(), theme::title())));
        for (keys, what) in app.keymap.help(ctx) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<22}"), theme::key()),
                Span::raw(what),
            ]));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(text::HELP_CLOSE, theme::muted())));
    let height = lines.len() as u16 + 2;
    let rect = widgets::centered(area, 56, height);
    let inner = widgets::dialog(frame, rect, text::HELP_TITLE);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

pub fn confirm(frame: &mut Frame, area: Rect, message: &str) {
    let rect = widgets::centered(area, 50, 5);
    let inner = widgets::dialog(frame, rect, text::CONFIRM_TITLE);
    let lines = vec![
        Line::from(message.to_string()),
        Line::from(Span::styled(text::CONFIRM_KEYS, theme::key())),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}
