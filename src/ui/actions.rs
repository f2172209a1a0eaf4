//! Action items across all projects, grouped by when they are due.

use super::widgets::TableRow;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::shown;
use super::{format, theme, widgets};
use crate::app::App;
use crate::domain::{ActionBucket, TextEnum};
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let view = &app.actions;
    let f = &view.filter;
    let area = super::filter_bar::above(frame, area, app);
    let title = Line::from(vec![
        Span::styled(
            format!(
                " {} · {} ",
                text::view_actions(),
                super::filter_bar::count(view.window.count, view.total)
            ),
            theme::title(),
        ),
        Span::styled(
            if f.include_closed {
                format!("{} ", text::with_done().trim_start())
            } else {
                String::new()
            },
            theme::muted(),
        ),
    ]);
    let block = Block::default().borders(Borders::TOP).title(title);
    if view.is_empty() {
        return widgets::empty(
            frame,
            area,
            block,
            super::filter_bar::empty_message(text::actions_empty(), view.total),
        );
    }
    let today = app.clock().today();
    let wide = area.width >= 110;
    let mut rows = Vec::new();
    let mut selected_row = 0;
    let mut bucket = None;
    for (i, row) in view.window.rows.iter().enumerate() {
        if view.window.offset + i == view.cursor.selected {
            selected_row = rows.len();
        }
        // A row that cannot be read keeps its place in the order (`app::unreadable`).
        let Some(a) = &row.item else {
            rows.push(widgets::unreadable_row(row.id(), 1));
            continue;
        };
        let b = a.bucket(today);
        if bucket != Some(b) {
            bucket = Some(b);
            let style = if b == ActionBucket::Overdue {
                theme::error()
            } else {
                theme::title()
            };
            rows.push(TableRow::new(vec![
                Span::raw(""),
                Span::styled(b.label(), style),
            ]));
            if view.window.offset + i == view.cursor.selected {
                selected_row = rows.len();
            }
        }
        let mark = if a.is_open() { "[ ]" } else { "[x]" };
        let due_style = if b == ActionBucket::Overdue {
            theme::error()
        } else {
            Style::new()
        };
        let mut cells = vec![
            super::notes::short_label(a.confidentiality),
            Span::raw(format!("{mark} {}", shown(&a.title))),
            Span::raw(shown(&a.owner)),
            Span::styled(format::date(a.due_date), due_style),
            Span::styled(shown(&a.project_code), theme::accent()),
        ];
        if wide {
            cells.push(Span::styled(
                shown(a.meeting_title.as_deref().unwrap_or_default()),
                theme::muted(),
            ));
        }
        if f.include_closed {
            cells.push(Span::styled(
                if a.is_open() { "" } else { a.status.label() },
                theme::ok(),
            ));
        }
        rows.push(TableRow::new(cells));
    }
    // Narrow screens keep the title readable: the meeting column goes first.
    let mut header = vec![
        text::field_label(),
        text::col_title(),
        text::field_owner(),
        text::col_due(),
        text::col_project(),
    ];
    let mut widths = vec![
        Constraint::Length(11),
        Constraint::Fill(3),
        Constraint::Fill(1),
        Constraint::Length(10),
        Constraint::Length(9),
    ];
    if wide {
        header.push(text::field_meeting());
        widths.push(Constraint::Fill(2));
    }
    if f.include_closed {
        header.push("");
        widths.push(Constraint::Length(9));
    }
    widgets::table(
        frame,
        area,
        block,
        &header,
        rows,
        &widths,
        Some(selected_row),
    );
}
