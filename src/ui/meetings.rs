//! A project's Meetings tab: upcoming meetings, then past ones.

use super::widgets::TableRow;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};

use super::shown;
use super::{format, theme, widgets};
use crate::app::{App, ProjectState};
use crate::domain::{Meeting, MeetingStatus, TextEnum, checklist_open};
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &ProjectState) {
    let list = &state.meetings;
    let area = super::filter_bar::above(frame, area, app);
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(
            " {} · {} ",
            text::tab_meetings(),
            super::filter_bar::count(list.len(), list.total)
        ),
        theme::title(),
    ));
    if list.is_empty() {
        let message = super::filter_bar::empty_message(text::meetings_empty(), list.total);
        return widgets::empty(frame, area, block, message);
    }
    let clock = app.clock();
    let section = |label: &str, n: usize| {
        TableRow::new(vec![Span::styled(format!("{label} ({n})"), theme::title())])
    };
    // Below 100 columns the type gives its room to the title, which mostly names the
    // type anyway ("Enskilt dialogmöte – …").
    let wide = area.width >= 100;
    let mut rows = Vec::new();
    let mut selected_row = 0;
    for (i, m) in list.meetings.iter().enumerate() {
        if i == 0 && list.upcoming > 0 {
            rows.push(section(text::upcoming(), list.upcoming));
        }
        if i == list.upcoming {
            rows.push(section(text::past(), list.meetings.len() - list.upcoming));
        }
        if i == state.meeting_cursor.selected {
            selected_row = rows.len();
        }
        rows.push(meeting_row(
            m,
            list.overlapping.contains(&m.id),
            clock,
            wide,
        ));
    }
    for (i, id) in list.unreadable.iter().enumerate() {
        if list.meetings.len() + i == state.meeting_cursor.selected {
            selected_row = rows.len();
        }
        rows.push(unreadable_row(*id));
    }
    let mut header = vec![text::col_when(), text::col_time(), text::col_title()];
    let mut widths = vec![
        Constraint::Length(14),
        Constraint::Length(11),
        Constraint::Fill(3),
    ];
    if wide {
        header.push(text::col_type());
        widths.push(Constraint::Fill(2));
    }
    header.extend([text::col_status(), ""]);
    widths.extend([Constraint::Length(9), Constraint::Length(12)]);
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

fn meeting_row(
    m: &Meeting,
    overlapping: bool,
    clock: crate::domain::Clock,
    with_type: bool,
) -> TableRow<'static> {
    let cancelled = m.status == MeetingStatus::Cancelled;
    let style = if cancelled {
        theme::muted()
    } else {
        Style::new()
    };
    let date = clock.local(m.start).date();
    let mut cells = vec![
        Span::styled(format::day(date), style),
        Span::styled(format::time_range(clock, m.start, m.end), style),
        Span::styled(shown(&m.title), style),
    ];
    if with_type {
        cells.push(Span::styled(m.kind.label(), theme::muted()));
    }
    cells.extend([Span::styled(m.status.label(), style), flag(m, overlapping)]);
    TableRow::new(cells)
}

/// The most important thing to know about a meeting at a glance.
pub fn flag(m: &Meeting, overlapping: bool) -> Span<'static> {
    if m.status == MeetingStatus::Cancelled {
        return Span::styled(text::cancelled_mark(), theme::muted());
    }
    if overlapping && m.status != MeetingStatus::Cancelled {
        return Span::styled(text::flag_overlap(), theme::error());
    }
    let open = checklist_open(m.checklist);
    if m.kind.is_supplier_facing() && m.status == MeetingStatus::Planned && open > 0 {
        return Span::styled(
            format!("☐ {open} {}", text::flag_checklist_open()),
            theme::key(),
        );
    }
    if m.kind.is_supplier_facing() {
        return Span::styled(text::flag_suppliers(), theme::muted());
    }
    Span::raw("")
}

/// A row that cannot be read: said so in the title column, where the eye goes.
pub(super) fn unreadable_row(id: i64) -> TableRow<'static> {
    widgets::unreadable_row(id, 2)
}
