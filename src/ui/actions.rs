//! Action items across all projects, grouped by when they are due.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Row};

use super::shown;
use super::{format, theme, widgets};
use crate::app::App;
use crate::domain::{ActionBucket, TextEnum};
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let view = &app.actions;
    let f = &view.filter;
    let project = f
        .project_id
        .and_then(|id| view.projects.iter().find(|(p, _)| *p == id))
        .map_or(text::FILTER_ALL, |(_, code)| code.as_str());
    let title = Line::from(vec![
        Span::styled(
            format!(" {} · {} ", text::VIEW_ACTIONS, view.total),
            theme::title(),
        ),
        Span::styled(
            format!(
                "· {} {} · {} {}{} ",
                text::FIELD_OWNER.to_lowercase(),
                f.owner.as_deref().unwrap_or(text::FILTER_ALL),
                text::COL_PROJECT.to_lowercase(),
                project,
                if f.include_closed {
                    text::WITH_DONE
                } else {
                    ""
                },
            ),
            theme::muted(),
        ),
    ]);
    let block = Block::default().borders(Borders::TOP).title(title);
    if view.actions.is_empty() {
        return widgets::empty(frame, area, block, text::ACTIONS_EMPTY);
    }
    let today = app.clock().today();
    let wide = area.width >= 110;
    let mut rows = Vec::new();
    let mut selected_row = 0;
    let mut bucket = None;
    for (i, a) in view.actions.iter().enumerate() {
        let b = a.bucket(today);
        if bucket != Some(b) {
            bucket = Some(b);
            let style = if b == ActionBucket::Overdue {
                theme::error()
            } else {
                theme::title()
            };
            rows.push(Row::new(vec![
                Span::raw(""),
                Span::styled(b.label(), style),
            ]));
        }
        if view.offset + i == view.cursor.selected {
            selected_row = rows.len();
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
        rows.push(Row::new(cells));
    }
    // Narrow screens keep the title readable: the meeting column goes first.
    let mut header = vec![
        text::FIELD_LABEL,
        text::COL_TITLE,
        text::FIELD_OWNER,
        text::COL_DUE,
        text::COL_PROJECT,
    ];
    let mut widths = vec![
        Constraint::Length(11),
        Constraint::Fill(3),
        Constraint::Fill(1),
        Constraint::Length(10),
        Constraint::Length(9),
    ];
    if wide {
        header.push(text::FIELD_MEETING);
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
