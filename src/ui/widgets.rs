//! Small shared pieces: centred rectangles, tables with a selection, dialogs.

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

/// A message in a list area that has nothing to show.
pub fn empty(frame: &mut Frame, area: Rect, block: Block<'_>, message: &str) {
    let p = Paragraph::new(Line::from(Span::styled(message, theme::muted())))
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
        .title(Span::styled(format!(" {title} "), theme::title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}
