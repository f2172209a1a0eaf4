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

/// At most this wide, so that lines stay easy to read on a wide terminal.
const MAX_WIDTH: u16 = 100;

pub fn draw(frame: &mut Frame, area: Rect, view: &FullView) {
    let width = area.width.min(MAX_WIDTH);
    // The borders and a column of padding on each side.
    let lines = field_lines(view, width.saturating_sub(4) as usize);
    let height = (lines.len() as u16).saturating_add(2).min(area.height);
    let rect = widgets::centered(area, width, height);
    let inner = widgets::dialog(frame, rect, &view.title);
    let text = Block::default()
        .padding(Padding::horizontal(1))
        .inner(inner);
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
