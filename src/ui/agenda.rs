//! Meetings across all projects: the next days as a list, or one week side by side.

use chrono::{Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row};

use super::{format, meetings::flag, theme, widgets};
use crate::app::{AGENDA_DAYS, AgendaMode, App};
use crate::domain::{Meeting, MeetingStatus, TextEnum};
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let view = &app.agenda;
    let Some(from) = view.from else { return };
    match view.mode {
        AgendaMode::List => list(frame, area, app, from),
        AgendaMode::Week => week(frame, area, app, from),
    }
}

fn day_of(app: &App, m: &Meeting) -> NaiveDate {
    app.clock().local(m.start).date()
}

fn list(frame: &mut Frame, area: Rect, app: &App, from: NaiveDate) {
    let view = &app.agenda;
    let to = from + Days::new(AGENDA_DAYS - 1);
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(
            " {} · {} ",
            text::VIEW_AGENDA,
            text::agenda_list_title(&format::day(from), &format::day(to))
        ),
        theme::title(),
    ));
    if view.meetings.is_empty() {
        return widgets::empty(frame, area, block, text::AGENDA_VIEW_EMPTY);
    }
    let clock = app.clock();
    let today = clock.today();
    let mut rows = Vec::new();
    let mut selected_row = 0;
    let mut current_day = None;
    for (i, m) in view.meetings.iter().enumerate() {
        let day = day_of(app, m).max(from);
        if current_day != Some(day) {
            current_day = Some(day);
            let style = if day == today {
                theme::current()
            } else {
                theme::title()
            };
            rows.push(Row::new(vec![Span::styled(
                format!(
                    "{} · {} {}",
                    format::day(day),
                    text::WEEK,
                    format::iso_week(day)
                ),
                style,
            )]));
        }
        if i == view.cursor.selected {
            selected_row = rows.len();
        }
        let style = if m.status == MeetingStatus::Cancelled {
            theme::muted()
        } else {
            Style::new()
        };
        rows.push(Row::new(vec![
            Span::styled(
                format!("  {}", format::time_range(clock, m.start, m.end)),
                style,
            ),
            Span::styled(m.project_code.clone(), theme::accent()),
            Span::styled(m.title.clone(), style),
            Span::styled(m.kind.label(), theme::muted()),
            flag(m, view.overlapping.contains(&m.id)),
        ]));
    }
    widgets::table(
        frame,
        area,
        block,
        &[
            text::COL_TIME,
            text::COL_PROJECT,
            text::COL_TITLE,
            text::COL_TYPE,
            "",
        ],
        rows,
        &[
            Constraint::Length(24),
            Constraint::Length(9),
            Constraint::Fill(3),
            Constraint::Fill(2),
            Constraint::Length(12),
        ],
        Some(selected_row),
    );
}

fn week(frame: &mut Frame, area: Rect, app: &App, monday: NaiveDate) {
    let view = &app.agenda;
    let clock = app.clock();
    let today = clock.today();
    let sunday = monday + Days::new(6);
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(
            " {} ",
            text::week_title(
                format::iso_week(monday),
                &monday.to_string(),
                &sunday.to_string()
            )
        ),
        theme::title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let columns = Layout::horizontal([Constraint::Fill(1); 7]).split(inner);
    for (offset, column) in columns.iter().enumerate() {
        let day = monday + Days::new(offset as u64);
        let head_style = if day == today {
            theme::current()
        } else {
            theme::title()
        };
        let mut lines = vec![Line::from(Span::styled(
            format!(
                "{} {}",
                text::weekday(chrono::Datelike::weekday(&day)),
                day.format("%d")
            ),
            head_style,
        ))];
        for (i, m) in view.meetings.iter().enumerate() {
            // A meeting that started before Monday shows on Monday.
            if day_of(app, m).max(monday) != day {
                continue;
            }
            let selected = i == view.cursor.selected;
            let overlap = view.overlapping.contains(&m.id);
            let base = if m.status == MeetingStatus::Cancelled {
                theme::muted()
            } else if overlap {
                theme::error()
            } else {
                Style::new()
            };
            let style = if selected {
                base.patch(theme::selected())
            } else {
                base
            };
            let mark = if overlap && m.status != MeetingStatus::Cancelled {
                " ⚠"
            } else {
                ""
            };
            lines.push(Line::from(Span::styled(
                format!("{}{mark}", format::time_range(clock, m.start, m.end)),
                style.patch(theme::key()),
            )));
            lines.push(Line::from(Span::styled(
                m.project_code.clone(),
                style.patch(theme::accent()),
            )));
            // Titles wrap within the day's column, at most three lines.
            let width = column.width.saturating_sub(1) as usize;
            for part in widgets::wrap(&m.title, width.max(4)).into_iter().take(3) {
                lines.push(Line::from(Span::styled(part, style)));
            }
            lines.push(Line::from(""));
        }
        let border = if offset < 6 {
            Borders::RIGHT
        } else {
            Borders::NONE
        };
        frame.render_widget(
            Paragraph::new(lines).block(
                Block::default()
                    .borders(border)
                    .border_style(theme::muted()),
            ),
            *column,
        );
    }
    if view.meetings.is_empty() {
        let msg = Rect {
            y: inner.y + inner.height / 2,
            height: 1,
            ..inner
        };
        frame.render_widget(
            Paragraph::new(Span::styled(text::AGENDA_VIEW_EMPTY, theme::muted())).centered(),
            msg,
        );
    }
}
