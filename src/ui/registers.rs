//! Improvement suggestions and lessons: a project's tabs and the lessons library.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Row};

use super::shown;
use super::{format, theme, widgets};
use crate::app::{App, LessonsView, SuggestionsView};
use crate::domain::{SuggestionStatus, TextEnum};
use crate::text;

pub fn suggestions(frame: &mut Frame, area: Rect, app: &App, view: &SuggestionsView) {
    let area = super::filter_bar::above(frame, area, app);
    let title = Line::from(vec![Span::styled(
        format!(
            " {} · {} ",
            text::TAB_SUGGESTIONS,
            super::filter_bar::count(view.items.len(), view.total)
        ),
        theme::title(),
    )]);
    let block = Block::default().borders(Borders::TOP).title(title);
    if view.items.is_empty() {
        return widgets::empty(
            frame,
            area,
            block,
            super::filter_bar::empty_message(text::SUGGESTIONS_EMPTY, view.total),
        );
    }
    let clock = app.clock();
    let rows = view.items.iter().map(|s| {
        let waiting = s
            .days_waiting(&clock)
            .map_or(String::new(), text::days_waiting);
        let status_style = match s.status {
            SuggestionStatus::Accepted | SuggestionStatus::Implemented => theme::ok(),
            SuggestionStatus::Rejected | SuggestionStatus::Withdrawn => theme::muted(),
            _ => theme::key(),
        };
        Row::new(vec![
            super::notes::short_label(s.confidentiality),
            Span::raw(shown(&s.title)),
            Span::styled(s.phase.label(), theme::muted()),
            Span::styled(s.status.label(), status_style),
            Span::styled(waiting, theme::key()),
            Span::styled(format::date(s.decision_date), theme::muted()),
        ])
    });
    widgets::table(
        frame,
        area,
        block,
        &[
            text::FIELD_LABEL,
            text::COL_TITLE,
            text::FIELD_PHASE_CONCERNED,
            text::COL_STATUS,
            text::COL_WAITING,
            text::COL_DECIDED,
        ],
        rows.collect(),
        &[
            Constraint::Length(11),
            Constraint::Fill(3),
            Constraint::Length(18),
            Constraint::Length(11),
            Constraint::Length(9),
            Constraint::Length(10),
        ],
        Some(view.cursor.selected),
    );
}

/// Lessons of a project (`with_project` false) or the library across projects.
pub fn lessons(frame: &mut Frame, area: Rect, app: &App, view: &LessonsView, with_project: bool) {
    let area = super::filter_bar::above(frame, area, app);
    let heading = if with_project {
        text::VIEW_LESSONS
    } else {
        text::TAB_LESSONS
    };
    let title = Line::from(vec![Span::styled(
        format!(
            " {heading} · {} ",
            super::filter_bar::count(view.items.len(), view.total)
        ),
        theme::title(),
    )]);
    let block = Block::default().borders(Borders::TOP).title(title);
    if view.items.is_empty() {
        return widgets::empty(
            frame,
            area,
            block,
            super::filter_bar::empty_message(text::LESSONS_EMPTY, view.total),
        );
    }
    let rows = view.items.iter().map(|l| {
        let mut cells = vec![
            Span::raw(shown(&l.title)),
            Span::styled(l.kind.label(), theme::accent()),
            Span::styled(l.phase.map_or(text::NOT_SET, |p| p.label()), theme::muted()),
        ];
        if with_project {
            cells.push(Span::raw(shown(
                l.project_code.as_deref().unwrap_or(text::GENERAL),
            )));
        }
        cells.push(Span::styled(
            if l.shareable {
                text::SHAREABLE_MARK
            } else {
                ""
            },
            theme::ok(),
        ));
        Row::new(cells)
    });
    let mut header = vec![text::COL_TITLE, text::COL_KIND, text::COL_PHASE];
    let mut widths = vec![
        Constraint::Fill(3),
        Constraint::Length(12),
        Constraint::Length(16),
    ];
    if with_project {
        header.push(text::COL_PROJECT);
        widths.push(Constraint::Length(8));
    }
    header.push(text::COL_SHARE);
    widths.push(Constraint::Length(5));
    widgets::table(
        frame,
        area,
        block,
        &header,
        rows.collect(),
        &widths,
        Some(view.cursor.selected),
    );
}

/// A project's decisions, newest first.
pub fn decisions(frame: &mut Frame, area: Rect, view: &crate::app::DecisionsView) {
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(" {} · {} ", text::TAB_DECISIONS, view.items.len()),
        theme::title(),
    ));
    if view.items.is_empty() {
        return widgets::empty(frame, area, block, text::DECISIONS_EMPTY);
    }
    let rows = view.items.iter().map(|d| {
        Row::new(vec![
            Span::styled(d.decided_on.to_string(), theme::muted()),
            super::notes::short_label(d.confidentiality),
            Span::raw(shown(&d.text)),
            Span::styled(shown(&d.rationale), theme::muted()),
            Span::raw(d.decided_by.clone()),
            Span::styled(
                shown(d.meeting_title.as_deref().unwrap_or_default()),
                theme::muted(),
            ),
        ])
    });
    widgets::table(
        frame,
        area,
        block,
        &[
            text::FIELD_DECIDED_ON,
            text::FIELD_LABEL,
            text::FIELD_DECISION,
            text::FIELD_RATIONALE,
            text::FIELD_DECIDED_BY,
            text::FIELD_MEETING,
        ],
        rows.collect(),
        &[
            Constraint::Length(10),
            Constraint::Length(11),
            Constraint::Fill(3),
            Constraint::Fill(2),
            Constraint::Fill(1),
            Constraint::Fill(2),
        ],
        Some(view.cursor.selected),
    );
}
