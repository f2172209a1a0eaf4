//! Small shared pieces: centred rectangles, tables with a selection, dialogs.

use super::shown;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, TableState, Wrap};

use super::theme;

/// A rectangle of at most `width` × `height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A table with a header and the selected row highlighted and kept in view.
pub fn table(
    frame: &mut Frame,
    area: Rect,
    block: Block<'_>,
    header: &[&str],
    rows: Vec<Row<'_>>,
    widths: &[Constraint],
    selected: Option<usize>,
) {
    let header = Row::new(header.iter().map(|h| Cell::from(*h))).style(theme::header_row());
    let table = Table::new(rows, widths.to_vec())
        .header(header)
        .block(block)
        .column_spacing(1)
        .row_highlight_style(theme::selected())
        .highlight_symbol("▶ ");
    let mut state = TableState::default().with_selected(selected);
    frame.render_stateful_widget(table, area, &mut state);
}

/// The page of a long list that a table in `area` shows, the one holding `selected`.
/// Screens over long lists build rows only for this page, so a frame costs the same
/// whether the list holds thirty rows or thousands.
pub fn page(len: usize, selected: usize, area: Rect) -> std::ops::Range<usize> {
    // One line for the block's title or border, one for the header row.
    let height = (area.height.saturating_sub(2) as usize).max(1);
    if len <= height {
        return 0..len;
    }
    let start = (selected / height) * height;
    start..(start + height).min(len)
}

/// A message in a list area that has nothing to show.
pub fn empty(frame: &mut Frame, area: Rect, block: Block<'_>, message: &str) {
    let p = Paragraph::new(Line::from(Span::styled(
        format!(" {message}"),
        theme::muted(),
    )))
    .block(block)
    .wrap(Wrap { trim: true });
    frame.render_widget(p, area);
}

/// A bordered box over everything else.
pub fn dialog(frame: &mut Frame, area: Rect, title: &str) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::accent())
        .title(Span::styled(format!(" {} ", shown(title)), theme::title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// A row of tabs with a note right-aligned in the space the tabs leave, if any.
pub fn tabs_with_note(
    frame: &mut Frame,
    area: Rect,
    titles: &[&str],
    selected: usize,
    note: Line<'_>,
) {
    use ratatui::widgets::Tabs;
    // Tabs draws " title " per tab with "│" between them.
    let mut used: usize =
        titles.iter().map(|t| t.chars().count() + 2).sum::<usize>() + titles.len();
    let mut tabs = Tabs::new(titles.iter().map(|t| Line::from(*t)))
        .select(Some(selected))
        .highlight_style(theme::current());
    // Too many tabs for the width: drop the padding rather than the last tabs.
    if used > area.width as usize {
        tabs = tabs.padding("", "");
        used -= 2 * titles.len();
    }
    frame.render_widget(tabs, area);
    let free = (area.width as usize).saturating_sub(used + 1);
    if note.width() < free {
        frame.render_widget(Paragraph::new(note.right_aligned()), area);
    }
}

/// A line with a note right-aligned after it when both fit; the line wins otherwise.
pub fn line_with_note(frame: &mut Frame, area: Rect, line: Line<'_>, note: Line<'_>) {
    let free = (area.width as usize).saturating_sub(line.width() + 2);
    frame.render_widget(Paragraph::new(line), area);
    if note.width() <= free {
        frame.render_widget(Paragraph::new(note.right_aligned()), area);
    }
}

/// The " filter typed-text" line above a list; with the cursor while it is being typed.
pub fn filter_line(
    frame: &mut Frame,
    area: Rect,
    input: Option<&crate::app::text_input::TextInput>,
    kept: &str,
) {
    let typed = input.map_or(kept, |i| i.value());
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                format!(" {} ", crate::text::portfolio_filter()),
                theme::key(),
            ),
            Span::raw(typed.to_string()),
        ])),
        area,
    );
    if let Some(input) = input {
        let x = area.x
            + crate::text::portfolio_filter().chars().count() as u16
            + 2
            + unicode_width::UnicodeWidthStr::width(input.before_cursor()) as u16;
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
    }
}

pub const LABEL_WIDTH: usize = 18;

/// "Label             value" lines; a long value wraps under itself, not under the label.
pub fn labelled(fields: &[(&str, String)], width: u16) -> Vec<Line<'static>> {
    let value_width = (width as usize).saturating_sub(LABEL_WIDTH).max(10);
    let mut lines = Vec::new();
    for (label, value) in fields {
        // Values are stored text: bidi controls named (see `ui::shown`).
        for (i, part) in wrap(&shown(value), value_width).into_iter().enumerate() {
            let label = if i == 0 {
                label.to_string()
            } else {
                String::new()
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{label:<LABEL_WIDTH$}"), theme::label()),
                Span::raw(part),
            ]));
        }
    }
    lines
}

/// Word-wraps `text` to at most `max_lines` lines of `width` columns, breaking only
/// between words: a word longer than a line, and the last line when text is left
/// over, end in `…` so that a cut always shows.
pub fn wrap_words(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(2);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut cut = false;
    for word in text.split_whitespace() {
        let needed = if line.is_empty() {
            word.width()
        } else {
            line.width() + 1 + word.width()
        };
        if needed > width && !line.is_empty() {
            if lines.len() + 1 == max_lines {
                cut = true;
                break;
            }
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        if word.width() > width {
            line.push_str(&ellipsize(word, width));
        } else {
            line.push_str(word);
        }
    }
    if cut {
        line = ellipsize(&format!("{line}…"), width);
        if !line.ends_with('…') {
            line.push('…');
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut to `width` columns with `…` as its last column when it does not fit.
pub fn ellipsize(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Word-wraps `text` to `width` columns; a word longer than a line is split.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = if line.is_empty() {
            word.width()
        } else {
            line.width() + 1 + word.width()
        };
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.width() > width {
            let split = line
                .char_indices()
                .scan(0, |w, (i, c)| {
                    *w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                    Some((i, *w))
                })
                .find(|(_, w)| *w > width)
                .map_or(line.len(), |(i, _)| i);
            let rest = line.split_off(split);
            lines.push(std::mem::replace(&mut line, rest));
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The start of `text` that fits in `room` columns, and whether that is all of it; when
/// it is not, one column is left for the "…" the caller adds.
pub fn cut_to_width(text: &str, room: usize) -> (String, bool) {
    use unicode_width::UnicodeWidthChar;
    if unicode_width::UnicodeWidthStr::width(text) <= room {
        return (text.to_string(), true);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > room {
            break;
        }
        used += w;
        out.push(c);
    }
    (out, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_words_and_splits_long_ones() {
        assert_eq!(
            wrap("Förhandlat förfarande med annonsering", 12),
            ["Förhandlat", "förfarande", "med", "annonsering"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), [""]);
    }

    #[test]
    fn words_are_never_broken_and_every_cut_shows() {
        assert_eq!(
            wrap_words("Behovsworkshop med kökspersonalen", 10, 9),
            ["Behovswor…", "med", "köksperso…"]
        );
        assert_eq!(
            wrap_words("Behovsworkshop med kökspersonalen", 20, 1),
            ["Behovsworkshop med…"]
        );
        assert_eq!(wrap_words("Kort titel", 20, 3), ["Kort titel"]);
        assert_eq!(wrap_words("", 5, 3), [""]);
        assert_eq!(ellipsize("Luleå kommun", 6), "Luleå…");
        assert_eq!(ellipsize("LULE-25", 7), "LULE-25");
    }
}
