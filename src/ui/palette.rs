//! The command palette over the current screen: the typed line, then commands and items,
//! best first, each with its key or kind; a command that does not apply here is greyed,
//! with the reason.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{theme, widgets};
use crate::app::{PaletteEntry, PaletteState};
use crate::text;

/// Columns of the key (or kind) at the right of each entry.
const KEY_WIDTH: usize = 14;

pub fn draw(frame: &mut Frame, area: Rect, state: &PaletteState) {
    let rect = widgets::centered(area, 90, area.height.saturating_sub(4));
    let inner = widgets::dialog(frame, rect, text::palette_title());
    if inner.height < 2 || inner.width < 20 {
        return;
    }
    let width = inner.width as usize;
    let typed_at = Rect { height: 1, ..inner };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {} ", text::palette_prompt()), theme::key()),
            Span::raw(state.input.value().to_string()),
        ])),
        typed_at,
    );
    let x =
        typed_at.x + 3 + unicode_width::UnicodeWidthStr::width(state.input.before_cursor()) as u16;
    frame.set_cursor_position((x.min(typed_at.right().saturating_sub(1)), typed_at.y));

    let list = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    if state.entries.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                format!(" {}", text::palette_nothing()),
                theme::muted(),
            ))),
            list,
        );
        return;
    }
    let shown = widgets::page(
        state.entries.len(),
        state.cursor.selected,
        // `page` keeps two lines for a table's border and header; the list has neither.
        Rect {
            height: list.height + 2,
            ..list
        },
    );
    let lines: Vec<Line<'static>> = state.entries[shown.clone()]
        .iter()
        .enumerate()
        .map(|(i, e)| entry_line(e, shown.start + i == state.cursor.selected, width))
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// " ▶ name (matched letters bright)   detail        key".
fn entry_line(entry: &PaletteEntry, selected: bool, width: usize) -> Line<'static> {
    let base = match (&entry.disabled, selected) {
        (_, true) => theme::selected(),
        (Some(_), false) => theme::muted(),
        (None, false) => Style::new(),
    };
    let marker = if selected { " ▶ " } else { "   " };
    let key = format!("{:>KEY_WIDTH$} ", entry.key);
    let detail = entry.disabled.as_deref().unwrap_or(&entry.detail);
    let room = width.saturating_sub(3 + KEY_WIDTH + 2);
    let name_room = (room * 3 / 5).max(10);
    let mut spans = vec![Span::raw(marker)];
    let mut used = 0;
    for (i, c) in entry.name.chars().enumerate() {
        if used + 1 >= name_room {
            spans.push(Span::styled("…", base));
            used += 1;
            break;
        }
        let style = if entry.matched.contains(&(i as u32)) && entry.disabled.is_none() {
            base.patch(theme::key())
        } else {
            base
        };
        spans.push(Span::styled(c.to_string(), style));
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    let detail_room = room.saturating_sub(used + 2);
    let (detail, full) = widgets::cut_to_width(detail, detail_room);
    let detail = if full { detail } else { format!("{detail}…") };
    let detail_width = unicode_width::UnicodeWidthStr::width(detail.as_str());
    spans.push(Span::raw("  "));
    spans.push(Span::styled(detail, theme::muted()));
    let pad = room.saturating_sub(used + 2 + detail_width);
    spans.push(Span::raw(" ".repeat(pad)));
    let key_style = if entry.disabled.is_some() {
        theme::muted()
    } else {
        theme::key()
    };
    spans.push(Span::styled(key, key_style));
    Line::from(spans)
}
