//! One item in full over the screen (`v`): every field, long values wrapped at word
//! boundaries under their label, scrolled with the usual keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

use super::shown;
use super::theme;
use super::widgets::{self, LABEL_WIDTH};
use crate::app::FullView;

pub fn draw(frame: &mut Frame, area: Rect, view: &FullView) {
    let rect = widgets::centered(area, area.width.saturating_sub(2).min(100), area.height);
    let inner = widgets::dialog(frame, rect, &view.title);
    let padded = Block::default().padding(Padding::horizontal(1));
    let text = padded.inner(inner);
    let lines = field_lines(view, text.width as usize);
    widgets::scrolled(frame, text, Paragraph::new(lines), &view.scroll);
}

/// A short one-line value beside its label; anything longer below it, wrapped to the
/// width, each of its lines kept, with a blank line after.
fn field_lines(view: &FullView, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (label, value) in &view.fields {
        let value = shown(value);
        let beside = width.saturating_sub(LABEL_WIDTH);
        let one_line = !value.contains('\n')
            && unicode_width::UnicodeWidthStr::width(value.as_str()) <= beside
            && unicode_width::UnicodeWidthStr::width(label.as_str()) < LABEL_WIDTH;
        if one_line {
            lines.push(Line::from(vec![
                Span::styled(format!("{label:<LABEL_WIDTH$}"), theme::label()),
                Span::raw(value),
            ]));
            continue;
        }
        lines.push(Line::from(Span::styled(label.clone(), theme::label())));
        for paragraph in value.lines() {
            lines.extend(
                widgets::wrap(paragraph, width.max(1))
                    .into_iter()
                    .map(Line::from),
            );
        }
        lines.push(Line::default());
    }
    // No blank line after the last field.
    if lines.last().is_some_and(|l| l.width() == 0) {
        lines.pop();
    }
    lines
}
