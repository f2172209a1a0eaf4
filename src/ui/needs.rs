//! A project's needs register: summary bar, filters and the table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row};

use super::{theme, widgets};
use crate::app::ProjectState;
use crate::domain::{NeedStatus, TextEnum, solution_words};
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, state: &ProjectState) {
    let view = &state.needs;
    let filtering = view.filter_input.is_some() || !view.filter.text.is_empty();
    let [summary_area, filter_area, list_area] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(u16::from(filtering)),
        Constraint::Min(1),
    ])
    .areas(area);

    summary(frame, summary_area, state);
    if filtering {
        let typed = view
            .filter_input
            .as_ref()
            .map_or(view.filter.text.as_str(), |i| i.value());
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(format!(" {} ", text::PORTFOLIO_FILTER), theme::key()),
                Span::raw(typed.to_string()),
            ])),
            filter_area,
        );
        if let Some(input) = &view.filter_input {
            let x = filter_area.x
                + text::PORTFOLIO_FILTER.chars().count() as u16
                + 2
                + unicode_width::UnicodeWidthStr::width(input.before_cursor()) as u16;
            frame
                .set_cursor_position((x.min(filter_area.right().saturating_sub(1)), filter_area.y));
        }
    }

    let f = &view.filter;
    let all = text::FILTER_ALL;
    let title = Line::from(vec![
        Span::styled(
            format!(" {} · {} ", text::TAB_NEEDS, view.needs.len()),
            theme::title(),
        ),
        Span::styled(
            format!(
                "· {} {} · {} {} · {} {} · {}: {} ",
                text::COL_STATUS.to_lowercase(),
                f.status.map_or(all, |s| s.label()),
                text::COL_PRIORITY.to_lowercase(),
                f.priority.map_or(all, |p| p.label()),
                text::COL_CATEGORY.to_lowercase(),
                f.category.as_deref().unwrap_or(all),
                text::PORTFOLIO_SORT,
                f.sort.label().to_lowercase(),
            ),
            theme::muted(),
        ),
    ]);
    let block = Block::default().borders(Borders::TOP).title(title);
    if view.needs.is_empty() {
        let message = if view.counts.total == 0 {
            text::NEEDS_EMPTY
        } else {
            text::NEEDS_NO_MATCH
        };
        return widgets::empty(frame, list_area, block, message);
    }
    let rows = view.needs.iter().map(|n| {
        let closed = n.status.is_closed();
        let style = if closed { theme::muted() } else { Style::new() };
        let warn = if solution_words(&n.statement).is_empty() {
            Span::raw("")
        } else {
            Span::styled("⚠", theme::key())
        };
        Row::new(vec![
            Span::styled(n.code.clone(), theme::accent()),
            Span::styled(n.statement.clone(), style),
            Span::styled(n.category.clone(), theme::muted()),
            Span::styled(n.priority.map_or(text::NOT_SET, |p| p.label()), style),
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
            text::COL_CODE,
            text::FIELD_STATEMENT,
            text::COL_CATEGORY,
            text::COL_PRIORITY,
            text::COL_STATUS,
            text::COL_EVIDENCE_SHORT,
            "",
        ],
        rows.collect(),
        &[
            Constraint::Length(6),
            Constraint::Fill(4),
            Constraint::Fill(1),
            Constraint::Length(8),
            Constraint::Length(11),
            Constraint::Length(3),
            Constraint::Length(1),
        ],
        Some(view.cursor.selected),
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

/// Two lines: counts per status, and per MoSCoW priority.
fn summary(frame: &mut Frame, area: Rect, state: &ProjectState) {
    let counts = &state.needs.counts;
    let mut status = vec![Span::raw(" ")];
    // The main path always; the closing statuses only when some need has one.
    let shown = counts
        .by_status
        .iter()
        .filter(|(s, n)| NeedStatus::PATH.contains(s) || *n > 0);
    for (i, (s, n)) in shown.enumerate() {
        if i > 0 {
            status.push(Span::styled(" · ", theme::muted()));
        }
        let style = if *n == 0 {
            theme::muted()
        } else {
            status_style(*s)
        };
        status.push(Span::styled(format!("{} {n}", s.label()), style));
    }
    let mut priority = vec![Span::raw(" ")];
    for (i, (p, n)) in counts.by_priority.iter().enumerate() {
        if i > 0 {
            priority.push(Span::styled(" · ", theme::muted()));
        }
        let label = p.map_or(text::NO_PRIORITY, |p| p.label());
        let style = if *n == 0 {
            theme::muted()
        } else {
            theme::label()
        };
        priority.push(Span::styled(format!("{label} {n}"), style));
    }
    frame.render_widget(
        Paragraph::new(vec![Line::from(status), Line::from(priority)]),
        area,
    );
}
