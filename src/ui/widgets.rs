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

/// One row of a [`table`]: its cells as lines, so that the table can cut each to its
/// column with a "…" (ratatui's own rows only clip).
pub struct TableRow<'a> {
    cells: Vec<Line<'a>>,
}

impl<'a> TableRow<'a> {
    pub fn new<T: Into<Line<'a>>>(cells: impl IntoIterator<Item = T>) -> Self {
        TableRow {
            cells: cells.into_iter().map(Into::into).collect(),
        }
    }
}

/// The highlight symbol in front of the selected row.
const SELECTED_MARK: &str = "▶ ";
const COLUMN_SPACING: u16 = 1;

/// A table with a header and the selected row highlighted and kept in view. A cell
/// wider than its column is cut with "…", so a cut never passes for the whole text.
pub fn table(
    frame: &mut Frame,
    area: Rect,
    block: Block<'_>,
    header: &[&str],
    rows: Vec<TableRow<'_>>,
    widths: &[Constraint],
    selected: Option<usize>,
) {
    let columns = column_widths(block.inner(area).width, widths, selected.is_some());
    let header = Row::new(fit_cells(
        header.iter().map(|h| Line::from(*h)).collect(),
        &columns,
    ))
    .style(theme::header_row());
    let rows: Vec<Row<'_>> = rows
        .into_iter()
        .map(|r| Row::new(fit_cells(r.cells, &columns)))
        .collect();
    let table = Table::new(rows, widths.to_vec())
        .header(header)
        .block(block)
        .column_spacing(COLUMN_SPACING)
        .row_highlight_style(theme::selected())
        .highlight_symbol(SELECTED_MARK);
    let mut state = TableState::default().with_selected(selected);
    frame.render_stateful_widget(table, area, &mut state);
}

/// Each cell cut to its column.
fn fit_cells<'a>(cells: Vec<Line<'a>>, columns: &[u16]) -> Vec<Cell<'a>> {
    cells
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let room = columns.get(i).copied().unwrap_or(u16::MAX) as usize;
            Cell::from(fit_line(line, room))
        })
        .collect()
}

/// The width of each column, as ratatui's table lays them out in `width` columns.
fn column_widths(width: u16, widths: &[Constraint], selection: bool) -> Vec<u16> {
    use ratatui::layout::{Flex, Layout};
    let mark = if selection {
        unicode_width::UnicodeWidthStr::width(SELECTED_MARK) as u16
    } else {
        0
    };
    let columns = Rect::new(0, 0, width.saturating_sub(mark), 1);
    Layout::horizontal(widths.to_vec())
        .flex(Flex::Start)
        .spacing(COLUMN_SPACING)
        .split(columns)
        .iter()
        .map(|c| c.width)
        .collect()
}

/// `line` cut to `room` columns with "…" (in the style of the text it ends) when it
/// does not fit.
pub fn fit_line(line: Line<'_>, room: usize) -> Line<'_> {
    if line.width() <= room {
        return line;
    }
    let Line {
        spans,
        style,
        alignment,
        ..
    } = line;
    let mut out = Vec::new();
    let mut left = room;
    for span in spans {
        let (cut, whole) = cut_to_width(&span.content, left);
        left = left.saturating_sub(unicode_width::UnicodeWidthStr::width(cut.as_str()));
        let span_style = span.style;
        out.push(Span::styled(cut, span_style));
        if !whole {
            if room > 0 {
                out.push(Span::styled("…", span_style));
            }
            break;
        }
    }
    let mut line = Line::from(out).style(style);
    line.alignment = alignment;
    line
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

/// The page of a windowed list (`app::window`) that holds the cursor `selected`, as
/// far as the window has its rows, and the cursor's line on it.
pub fn window_page<R: crate::app::window::Keyed>(
    window: &crate::app::window::Window<R>,
    selected: usize,
    area: Rect,
) -> (std::ops::Range<usize>, usize) {
    let page = page(window.count, selected, area);
    let loaded = window.range();
    let shown = page.start.max(loaded.start)..page.end.min(loaded.end);
    let line = selected.saturating_sub(shown.start);
    (shown, line)
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

/// `paragraph` in `area`, scrolled by `scroll` when it is longer than the area: the
/// last row then says how many lines are below ("↓ 4 more"), or above once the end is
/// reached, so that text is never cut without a sign of it.
pub fn scrolled(
    frame: &mut Frame,
    area: Rect,
    paragraph: Paragraph<'_>,
    scroll: &crate::app::Scroll,
) {
    let total = paragraph.line_count(area.width);
    let height = area.height as usize;
    if total <= height {
        scroll.shown(total, height);
        frame.render_widget(paragraph, area);
        return;
    }
    let visible = height.saturating_sub(1);
    let offset = scroll.shown(total, visible);
    let [text, marker] =
        ratatui::layout::Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    frame.render_widget(paragraph.scroll((offset, 0)), text);
    let below = total - visible - offset as usize;
    let note = if below > 0 {
        crate::text::more_below(below)
    } else {
        crate::text::more_above(offset as usize)
    };
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(note, theme::muted()))).right_aligned(),
        marker,
    );
}

pub const LABEL_WIDTH: usize = 18;

/// "Label             value" lines; a long value wraps under itself, not under the label.
pub fn labelled(fields: &[(&str, String)], width: u16) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    // As wide as the longest label and a space, at least `LABEL_WIDTH`, at most two fifths
    // of the width (a longer label ends in `…`).
    let longest = fields.iter().map(|(l, _)| l.width() + 1).max().unwrap_or(0);
    let label_width = longest.clamp(LABEL_WIDTH, LABEL_WIDTH.max(usize::from(width) * 2 / 5));
    let value_width = (width as usize).saturating_sub(label_width).max(10);
    let mut lines = Vec::new();
    for (label, value) in fields {
        // Values are stored text: bidi controls named (see `ui::shown`).
        for (i, part) in wrap(&shown(value), value_width).into_iter().enumerate() {
            let label = if i == 0 {
                ellipsize(label, label_width.saturating_sub(1))
            } else {
                String::new()
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{label:<label_width$}"), theme::label()),
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

/// A row of a list that cannot be read (`app::unreadable`): "unreadable row (id N) —
/// d deletes it" in the column at `title_column`, where the eye looks for the title.
pub fn unreadable_row(id: i64, title_column: usize) -> TableRow<'static> {
    let mut cells = vec![Span::raw(""); title_column];
    cells.push(Span::styled(
        crate::text::unreadable_row(id),
        super::theme::error(),
    ));
    TableRow::new(cells)
}

/// The unreadable rows `ids` of a list drawn whole, to append after its own rows:
/// the cursor position `readable + i` is `ids[i]`.
pub fn unreadable_rows(
    ids: &[i64],
    title_column: usize,
) -> impl Iterator<Item = TableRow<'static>> {
    ids.iter().map(move |id| unreadable_row(*id, title_column))
}

/// A page `shown` of a list of `len` readable rows followed by `unreadable` ones: the
/// readable rows on it (a range of them) and the unreadable rows on it, drawn with
/// `unreadable_row`.
pub fn split_page(
    len: usize,
    unreadable: &[i64],
    shown: std::ops::Range<usize>,
    title_column: usize,
) -> (std::ops::Range<usize>, Vec<TableRow<'static>>) {
    let after = shown
        .clone()
        .filter_map(|i| i.checked_sub(len))
        .filter_map(|i| unreadable.get(i))
        .map(|id| unreadable_row(*id, title_column))
        .collect();
    (shown.start.min(len)..shown.end.min(len), after)
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
