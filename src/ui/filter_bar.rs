//! The filter bar: one line above a list with its text and facets in effect
//! (`Filter: "lule" · Phase: Early dialogue · Status: Active   F clears`), the text
//! editable while `f` is open. The same widget on every list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{shown, theme};
use crate::app::{App, FilterLine};
use crate::text;

/// Lines the bar takes above the list on screen: one while a filter is on or typed.
pub fn height(app: &App) -> u16 {
    u16::from(app.filter_line().is_some())
}

/// Splits `area` into the bar's line (when shown, drawn here) and the list below it.
pub fn above(frame: &mut Frame, area: Rect, app: &App) -> Rect {
    let [bar, list] =
        Layout::vertical([Constraint::Length(height(app)), Constraint::Min(1)]).areas(area);
    if let Some(line) = app.filter_line() {
        draw(frame, bar, &line, app.filter_input_value());
    }
    list
}

/// What an empty list says: its own words, or that the filter hides everything.
pub fn empty_message(own: &'static str, total: Option<usize>) -> &'static str {
    if total.is_some() {
        text::filter_no_match()
    } else {
        own
    }
}

/// The list title's count: "340", or "12 of 340" while a filter narrows it; digits
/// grouped as the language groups them ("1 960" in Swedish) either way.
pub fn count(shown: usize, total: Option<usize>) -> String {
    match total {
        Some(total) => text::shown_of(shown, total),
        None => text::number(shown),
    }
}

/// The bar's line; `typing` is the text being typed (with the part before the cursor)
/// when the bar is open.
pub fn draw(frame: &mut Frame, area: Rect, line: &FilterLine, typing: Option<(&str, &str)>) {
    let label = format!(" {}: ", text::filter_bar_label());
    let text = typing.map_or(line.text.as_str(), |(value, _)| value);
    let mut spans = vec![Span::styled(label.clone(), theme::key())];
    let quoted = typing.is_some() || !text.is_empty();
    if quoted {
        // Typed text is shown as typed, so that the cursor matches it.
        let text = if typing.is_some() {
            text.to_string()
        } else {
            shown(text)
        };
        spans.push(Span::raw(format!("\"{text}\"")));
    }
    for (i, (facet, value)) in line.facets.iter().enumerate() {
        if quoted || i > 0 {
            spans.push(Span::styled(" · ", theme::muted()));
        }
        spans.push(Span::styled(format!("{facet}: "), theme::label()));
        spans.push(Span::styled(shown(value), theme::accent()));
    }
    let hint = if typing.is_some() {
        text::filter_bar_hint()
    } else {
        text::filter_bar_clears()
    };
    spans.push(Span::styled(format!("   {hint}"), theme::muted()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if let Some((_, before_cursor)) = typing {
        // After the label and the opening quote.
        let x = area.x + (label.width() + 1 + before_cursor.width()) as u16;
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A long list's count is grouped the same with or without a filter.
    #[test]
    fn counts_group_their_digits_filtered_or_not() {
        let grouped = text::number(1960);
        assert_ne!(grouped, "1960");
        assert_eq!(count(1960, None), grouped);
        assert!(count(5, Some(1960)).ends_with(&grouped));
    }
}
