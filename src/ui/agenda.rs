//! Meetings across all projects: the next days as a list, or one week side by side.

use super::widgets::TableRow;
use chrono::{Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::shown;
use super::{format, meetings::flag, theme, widgets};
use crate::app::{AGENDA_DAYS, AGENDA_WINDOW, AgendaMode, App, slot_day};
use crate::domain::AgendaSlot;
use crate::domain::{Meeting, MeetingStatus, TextEnum};
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let view = &app.agenda;
    let Some(from) = view.from else { return };
    let area = super::filter_bar::above(frame, area, app);
    match view.mode {
        AgendaMode::List => list(frame, area, app, from),
        AgendaMode::Week => week(frame, area, app, from),
    }
}

/// "· 3 of 12 " after the title while a filter narrows the days' meetings.
fn filtered_count(app: &App) -> String {
    let view = &app.agenda;
    match view.total {
        Some(_) => format!(
            "· {} ",
            super::filter_bar::count(view.slots.len(), view.total)
        ),
        None => String::new(),
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
            " {} · {} {}",
            text::view_agenda(),
            text::agenda_list_title(&format::day(from), &format::day(to)),
            filtered_count(app)
        ),
        theme::title(),
    ));
    if view.is_empty() {
        let message = super::filter_bar::empty_message(text::agenda_view_empty(), view.total);
        return widgets::empty(frame, area, block, message);
    }
    let clock = app.clock();
    let today = clock.today();
    let mut rows = Vec::new();
    let mut selected_row = 0;
    let mut current_day = None;
    // The rows read around the cursor: more than a screenful either side, so the table
    // scrolls as it would over all of them.
    let n = view.slots.len();
    let at = view.cursor.selected.min(n.saturating_sub(1));
    let window = at.saturating_sub(AGENDA_WINDOW)..(at + AGENDA_WINDOW + 1).min(n);
    for (i, m) in window.filter_map(|i| Some((i, view.meeting(i)?))) {
        let day = day_of(app, m).max(from);
        if current_day != Some(day) {
            current_day = Some(day);
            let style = if day == today {
                theme::current()
            } else {
                theme::title()
            };
            rows.push(TableRow::new(vec![
                Span::styled(format::day(day), style),
                Span::styled(
                    format!("{} {}", text::week(), format::iso_week(day)),
                    theme::muted(),
                ),
            ]));
        }
        if i == view.cursor.selected {
            selected_row = rows.len();
        }
        let style = if m.status == MeetingStatus::Cancelled {
            theme::muted()
        } else {
            Style::new()
        };
        rows.push(TableRow::new(vec![
            Span::styled(
                format!("  {}", format::time_range(clock, m.start, m.end)),
                style,
            ),
            Span::styled(shown(&m.project_code), theme::accent()),
            Span::styled(shown(&m.title), style),
            Span::styled(m.kind.label(), theme::muted()),
            flag(m, view.overlapping.contains(&m.id)),
        ]));
    }
    let unreadable = if (at + AGENDA_WINDOW + 1) >= n {
        view.unreadable.as_slice()
    } else {
        &[]
    };
    for (i, id) in unreadable.iter().enumerate() {
        if n + i == view.cursor.selected {
            selected_row = rows.len();
        }
        rows.push(TableRow::new(vec![
            Span::raw(""),
            Span::raw(""),
            Span::styled(text::unreadable_row(*id), theme::error()),
        ]));
    }
    widgets::table(
        frame,
        area,
        block,
        &[
            text::col_time(),
            text::col_project(),
            text::col_title(),
            text::col_type(),
            "",
        ],
        rows,
        &[
            Constraint::Length(14),
            Constraint::Length(9),
            Constraint::Fill(3),
            Constraint::Fill(2),
            Constraint::Length(12),
        ],
        Some(selected_row),
    );
}

/// One meeting in a day column: time, project, title (wrapped, at most three lines).
/// Cancelled meetings are struck and say so; overlaps are red with ⚠ — never colour
/// alone.
fn meeting_block(
    m: &Meeting,
    overlap: bool,
    selected: bool,
    width: usize,
    title_lines: usize,
    app: &App,
) -> Vec<Line<'static>> {
    let clock = app.clock();
    let cancelled = m.status == MeetingStatus::Cancelled;
    let overlap = overlap && !cancelled;
    let colour = |normal: Style| {
        let s = if cancelled {
            theme::muted().add_modifier(ratatui::style::Modifier::CROSSED_OUT)
        } else if overlap {
            theme::error()
        } else {
            normal
        };
        if selected {
            s.patch(theme::selected())
        } else {
            s
        }
    };
    let mark = if overlap {
        " ⚠"
    } else if cancelled {
        " ✕"
    } else {
        ""
    };
    // A narrow column shows the start only, so the mark always fits.
    let time = if width >= 13 {
        format::time_range(clock, m.start, m.end)
    } else {
        clock.local(m.start).format("%H:%M").to_string()
    };
    let mut lines = vec![
        Line::from(Span::styled(format!("{time}{mark}"), colour(theme::key()))),
        Line::from(Span::styled(
            shown(&m.project_code),
            colour(theme::accent()),
        )),
    ];
    for part in widgets::wrap_words(&shown(&m.title), width.max(4), title_lines) {
        lines.push(Line::from(Span::styled(part, colour(Style::new()))));
    }
    lines.push(Line::from(""));
    lines
}

/// Lines of a meeting's block with one title line, the fewest it takes.
const UNREAD_BLOCK_LINES: usize = 4;

/// The block of a meeting whose row is not read: one of many in a full day, out of
/// view (the rows at the top of each day and around the cursor are read).
fn unread_block() -> Vec<Line<'static>> {
    vec![Line::from(""); UNREAD_BLOCK_LINES]
}

/// The blocks that fit in `height` lines, scrolled so the selected one shows, with
/// "↑ n more" / "↓ n more" where some are out of view.
fn visible_blocks(blocks: Vec<(bool, Vec<Line<'static>>)>, height: usize) -> Vec<Line<'static>> {
    let total: usize = blocks.iter().map(|(_, b)| b.len()).sum();
    if total <= height {
        return blocks.into_iter().flat_map(|(_, b)| b).collect();
    }
    let room = height.saturating_sub(2);
    let selected = blocks.iter().position(|(s, _)| *s).unwrap_or(0);
    // Start at the selected block's earliest start that still shows it whole.
    let mut first = selected;
    let mut used = blocks[selected].1.len();
    while first > 0 && used + blocks[first - 1].1.len() <= room {
        first -= 1;
        used += blocks[first].1.len();
    }
    let mut lines = Vec::new();
    if first > 0 {
        lines.push(Line::from(Span::styled(
            text::more_above(first),
            theme::muted(),
        )));
    }
    let mut shown = 0;
    for (_, block) in blocks.iter().skip(first) {
        if lines.len() + block.len() > room + usize::from(first > 0) {
            break;
        }
        lines.extend(block.iter().cloned());
        shown += 1;
    }
    let below = blocks.len() - first - shown;
    if below > 0 {
        lines.push(Line::from(Span::styled(
            text::more_below(below),
            theme::muted(),
        )));
    }
    lines
}

fn week(frame: &mut Frame, area: Rect, app: &App, first: NaiveDate) {
    let view = &app.agenda;
    let clock = app.clock();
    let today = clock.today();
    let last = first + Days::new(6);
    // The ISO week of its middle: right for weeks that start on Sunday too.
    let number = format::iso_week(first + Days::new(3));
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(
            " {} {}",
            text::week_title(number, &first.to_string(), &last.to_string()),
            filtered_count(app)
        ),
        theme::title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // Rows that cannot be read have no day: one line each under the week.
    let [inner, unreadable] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(view.unreadable.len().min(3) as u16),
    ])
    .areas(inner);
    let lines: Vec<Line> = view
        .unreadable
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let style = if view.slots.len() + i == view.cursor.selected {
                theme::selected()
            } else {
                theme::error()
            };
            Line::from(Span::styled(text::unreadable_row(*id), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), unreadable);
    let columns = Layout::horizontal([Constraint::Fill(1); 7]).split(inner);
    let days: Vec<NaiveDate> = view
        .slots
        .iter()
        .map(|slot| slot_day(&clock, slot, first))
        .collect();
    for (offset, column) in columns.iter().enumerate() {
        let day = first + Days::new(offset as u64);
        let head_style = if day == today {
            theme::current()
        } else {
            theme::title()
        };
        let head = Line::from(Span::styled(
            format!(
                "{} {}",
                text::weekday(chrono::Datelike::weekday(&day)),
                day.format("%d")
            ),
            head_style,
        ));
        let width = column.width.saturating_sub(1) as usize;
        // Each meeting is a block of lines; the selected block is kept in view. Titles
        // get all the lines the day has room for, and fewer (cut with …) when it is full.
        let height = column.height.saturating_sub(1) as usize;
        // A meeting that started before the week shows on its first day.
        let on_day: Vec<(usize, &AgendaSlot)> = view
            .slots
            .iter()
            .enumerate()
            .filter(|&(i, _)| days[i] == day)
            .collect();
        let day_blocks = |title_lines: usize| -> Vec<(bool, Vec<Line>)> {
            on_day
                .iter()
                .map(|&(i, slot)| {
                    let selected = i == view.cursor.selected;
                    let overlap = view.overlapping.contains(&slot.id);
                    let block = match view.meeting(i) {
                        Some(m) => meeting_block(m, overlap, selected, width, title_lines, app),
                        None => unread_block(),
                    };
                    (selected, block)
                })
                .collect()
        };
        let fits =
            |b: &[(bool, Vec<Line>)]| b.iter().map(|(_, l)| l.len()).sum::<usize>() <= height;
        // A block takes at least four lines: a day with more than a column's worth
        // gets one title line each at once (as trying more would end there too).
        let mut blocks = if on_day.len() * UNREAD_BLOCK_LINES > height {
            day_blocks(1)
        } else {
            day_blocks(usize::MAX)
        };
        for lines in [3, 2, 1] {
            if fits(&blocks) {
                break;
            }
            blocks = day_blocks(lines);
        }
        let mut lines = vec![head];
        lines.extend(visible_blocks(blocks, height));
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
    if view.slots.is_empty() {
        let msg = Rect {
            y: inner.y + inner.height / 2,
            height: 1,
            ..inner
        };
        frame.render_widget(
            Paragraph::new(Span::styled(text::agenda_view_empty(), theme::muted())).centered(),
            msg,
        );
    }
}
