//! Search across everything, over the current screen: the typed line, then the hits
//! grouped by kind with their count, each with its place, its label and a snippet in
//! which the matched words stand out.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{notes, theme, widgets};
use crate::app::SearchState;
use crate::domain::search::{SearchHit, split_marked};
use crate::text;

/// Columns of the "  ▶ " before each hit.
const MARKER_WIDTH: usize = 4;

pub fn draw(frame: &mut Frame, area: Rect, state: &SearchState) {
    let rect = widgets::centered(area, 120, area.height.saturating_sub(2));
    let inner = widgets::dialog(frame, rect, text::search_title());
    if inner.height < 2 || inner.width < 10 {
        return;
    }
    let width = inner.width as usize;
    let typed_at = Rect { height: 1, ..inner };
    let kind = state
        .kind
        .map_or(text::search_all_kinds(), |k| k.label())
        .to_string();
    let summary = if state.input.value().trim().is_empty() {
        String::new()
    } else {
        format!(
            "{} {} · {kind} ",
            text::number(state.results.total()),
            text::search_hits()
        )
    };
    widgets::line_with_note(
        frame,
        typed_at,
        Line::from(vec![
            Span::styled(format!(" {} ", text::search_prompt()), theme::key()),
            Span::raw(state.input.value().to_string()),
        ]),
        Line::from(Span::styled(summary, theme::muted())),
    );
    let x =
        typed_at.x + 3 + unicode_width::UnicodeWidthStr::width(state.input.before_cursor()) as u16;
    frame.set_cursor_position((x.min(typed_at.right().saturating_sub(1)), typed_at.y));

    let list = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    if state.input.value().trim().is_empty() || state.results.groups.is_empty() {
        let message = if state.input.value().trim().is_empty() {
            text::search_hint()
        } else {
            text::search_nothing()
        };
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                format!(" {message}"),
                theme::muted(),
            ))),
            list,
        );
        return;
    }

    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut selected_line = 0;
    let mut index = 0;
    for group in &state.results.groups {
        lines.push(Line::from(vec![
            Span::styled(format!(" {}", group.kind.label()), theme::title()),
            Span::styled(
                format!(" · {}{}", group.total, plus(group.at_least)),
                theme::muted(),
            ),
        ]));
        for hit in &group.hits {
            let selected = index == state.cursor.selected;
            if selected {
                selected_line = lines.len();
            }
            lines.push(hit_line(hit, selected, width));
            if !hit.context.is_empty() || !hit.snippet.is_empty() {
                lines.push(place_line(hit, width));
            }
            index += 1;
        }
        let more = group.total.saturating_sub(group.hits.len());
        if more > 0 && state.kind.is_none() {
            lines.push(Line::from(Span::styled(
                format!(
                    "    … {more}{} {}",
                    plus(group.at_least),
                    text::search_more()
                ),
                theme::muted(),
            )));
        }
    }
    // Keep the selected hit (and its snippet) in view.
    let height = list.height as usize;
    let scroll = (selected_line + 2).saturating_sub(height);
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), list);
}

/// "  ▶ title … [label]": the title cut to leave room for the item's label.
fn hit_line(hit: &SearchHit, selected: bool, width: usize) -> Line<'static> {
    let label = hit.label.map(notes::short_label);
    let label_width = label.as_ref().map_or(0, Span::width);
    let marker = if selected { "  ▶ " } else { "    " };
    let room = width.saturating_sub(MARKER_WIDTH + label_width + 2).max(10);
    let base = if selected {
        theme::selected()
    } else {
        Style::new()
    };
    let mut spans = vec![Span::raw(marker)];
    spans.extend(marked_spans(&hit.title, base, room));
    if let Some(label) = label {
        let used: usize = spans.iter().map(Span::width).sum();
        spans.push(Span::raw(
            " ".repeat(width.saturating_sub(used + label_width + 1)),
        ));
        spans.push(label);
    }
    Line::from(spans)
}

/// "      NORR-24 · Workshop · …the matched words in their context…".
fn place_line(hit: &SearchHit, width: usize) -> Line<'static> {
    let indent = " ".repeat(MARKER_WIDTH + 2);
    let mut spans = vec![Span::raw(indent)];
    let mut room = width.saturating_sub(MARKER_WIDTH + 3);
    if !hit.context.is_empty() {
        let (cut, full) = widgets::cut_to_width(&hit.context, room);
        room = room.saturating_sub(unicode_width::UnicodeWidthStr::width(cut.as_str()));
        spans.push(Span::styled(cut, theme::label()));
        if !full {
            spans.push(Span::styled("…", theme::label()));
            return Line::from(spans);
        }
        if !hit.snippet.is_empty() {
            spans.push(Span::styled(" · ", theme::muted()));
            room = room.saturating_sub(3);
        }
    }
    spans.extend(marked_spans(&hit.snippet, theme::muted(), room));
    Line::from(spans)
}

/// `text`'s pieces, the matched ones highlighted, cut to `room` columns with "…".
pub fn marked_spans(text: &str, base: Style, room: usize) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut left = room;
    for (matched, piece) in split_marked(text) {
        let style = if matched {
            base.patch(theme::key())
        } else {
            base
        };
        let (cut, full) = widgets::cut_to_width(piece, left);
        left -= unicode_width::UnicodeWidthStr::width(cut.as_str());
        spans.push(Span::styled(cut, style));
        if !full {
            spans.push(Span::styled("…", base));
            break;
        }
    }
    spans
}

/// "+" after a count that stopped: "500+".
fn plus(at_least: bool) -> &'static str {
    if at_least { "+" } else { "" }
}
