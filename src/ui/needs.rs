//! A project's needs register: summary bar, filters and the table.

use super::widgets::TableRow;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{theme, widgets};
use crate::app::{App, ProjectState};
use crate::domain::{NeedStatus, TextEnum, solution_words};
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &ProjectState) {
    let view = &state.needs;
    let summary_lines = summary(state, area.width);
    let [summary_area, list_area] = Layout::vertical([
        Constraint::Length(summary_lines.len() as u16),
        Constraint::Min(1),
    ])
    .areas(area);

    frame.render_widget(Paragraph::new(summary_lines), summary_area);
    let list_area = super::filter_bar::above(frame, list_area, app);

    let f = &view.filter;
    let title = Line::from(vec![
        Span::styled(
            format!(
                " {} · {} ",
                text::tab_needs(),
                super::filter_bar::count(view.needs.len(), view.total)
            ),
            theme::title(),
        ),
        Span::styled(
            format!(
                "· {}: {} ",
                text::portfolio_sort(),
                f.sort.label().to_lowercase(),
            ),
            theme::muted(),
        ),
    ]);
    let block = Block::default().borders(Borders::TOP).title(title);
    if view.needs.is_empty() && view.unreadable.is_empty() {
        let message = if view.counts.total == 0 {
            text::needs_empty()
        } else {
            text::needs_no_match()
        };
        return widgets::empty(frame, list_area, block, message);
    }
    let len = view.needs.len() + view.unreadable.len();
    let shown = widgets::page(len, view.cursor.selected, list_area);
    let selected = view.cursor.selected - shown.start;
    // Rows that cannot be read follow the needs, named in the statement column.
    let (readable, unreadable) = widgets::split_page(view.needs.len(), &view.unreadable, shown, 2);
    let rows = view.needs[readable].iter().map(|n| {
        let closed = n.status.is_closed();
        let style = if closed { theme::muted() } else { Style::new() };
        let warn = if solution_words(&n.statement).is_empty() {
            Span::raw("")
        } else {
            Span::styled("⚠", theme::key())
        };
        TableRow::new(vec![
            Span::styled(super::shown(&n.code), theme::accent()),
            super::notes::short_label(n.confidentiality),
            Span::styled(super::shown(&n.statement), style),
            Span::styled(super::shown(&n.category), theme::muted()),
            Span::styled(n.priority.map_or(text::not_set(), |p| p.label()), style),
            Span::styled(n.status.label(), status_style(n.status)),
            Span::styled(
                if n.evidence_count > 0 {
                    format!("{}", n.evidence_count)
                } else {
                    String::new()
                },
                theme::muted(),
            ),
            warn,
        ])
    });
    widgets::table(
        frame,
        list_area,
        block,
        &[
            text::col_code(),
            text::field_label(),
            text::field_statement(),
            text::col_category(),
            text::col_priority(),
            text::col_status(),
            text::col_evidence_short(),
            "",
        ],
        rows.chain(unreadable).collect(),
        &[
            Constraint::Length(6),
            Constraint::Length(11),
            Constraint::Fill(4),
            Constraint::Fill(1),
            Constraint::Length(8),
            Constraint::Length(11),
            Constraint::Length(3),
            Constraint::Length(1),
        ],
        Some(selected),
    );
}

pub fn status_style(s: NeedStatus) -> Style {
    match s {
        NeedStatus::Described | NeedStatus::Prioritised => theme::ok(),
        NeedStatus::Rejected | NeedStatus::Merged => theme::muted(),
        NeedStatus::Deferred => theme::key(),
        _ => Style::new(),
    }
}

/// Counts per status, then per MoSCoW priority, wrapped to the width (one entry never
/// split over two lines).
fn summary(state: &ProjectState, width: u16) -> Vec<Line<'static>> {
    let counts = &state.needs.counts;
    let mut entries: Vec<Span<'static>> = Vec::new();
    // The main path always; the closing statuses only when some need has one.
    for (s, n) in counts
        .by_status
        .iter()
        .filter(|(s, n)| NeedStatus::PATH.contains(s) || *n > 0)
    {
        let style = if *n == 0 {
            theme::muted()
        } else {
            status_style(*s)
        };
        entries.push(Span::styled(format!("{} {n}", s.label()), style));
    }
    let mut lines = pack(entries, width);
    let priorities = counts
        .by_priority
        .iter()
        .map(|(p, n)| {
            let label = p.map_or(text::no_priority(), |p| p.label());
            let style = if *n == 0 {
                theme::muted()
            } else {
                theme::label()
            };
            Span::styled(format!("{label} {n}"), style)
        })
        .collect();
    lines.extend(pack(priorities, width));
    lines
}

/// Lays entries out as " a · b · c", starting a new line where the next would not fit.
fn pack(entries: Vec<Span<'static>>, width: u16) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut line: Vec<Span<'static>> = vec![Span::raw(" ")];
    let mut used = 1;
    for entry in entries {
        let w = entry.width();
        if used > 1 && used + 3 + w > width as usize {
            lines.push(Line::from(std::mem::replace(
                &mut line,
                vec![Span::raw(" ")],
            )));
            used = 1;
        }
        if used > 1 {
            line.push(Span::styled(" · ", theme::muted()));
            used += 3;
        }
        used += w;
        line.push(entry);
    }
    lines.push(Line::from(line));
    lines
}
