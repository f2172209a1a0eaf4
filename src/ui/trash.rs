use super::widgets::TableRow;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};

use super::shown;
use super::{format, theme, widgets};
use crate::app::App;
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.trash;
    let area = super::filter_bar::above(frame, area, app);
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(
            " {} · {} ",
            text::view_trash(),
            super::filter_bar::count(t.count, t.total)
        ),
        theme::title(),
    ));
    if t.items.is_empty() {
        return widgets::empty(
            frame,
            area,
            block,
            super::filter_bar::empty_message(text::trash_empty(), t.total),
        );
    }
    let rows = t.items.iter().map(|i| {
        TableRow::new(vec![
            Span::styled(i.kind.label(), theme::muted()),
            Span::raw(shown(&i.label)),
            Span::styled(
                format::local_datetime(app.clock(), &i.deleted_at),
                theme::muted(),
            ),
        ])
    });
    widgets::table(
        frame,
        area,
        block,
        &[text::col_what(), text::col_name(), text::col_deleted()],
        rows.collect(),
        &[
            Constraint::Length(13),
            Constraint::Fill(1),
            Constraint::Length(16),
        ],
        Some(t.cursor.selected),
    );
}
