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
    let all = text::filter_all();
    let title = Line::from(vec![
        Span::styled(
            format!(" {} · {} ", text::tab_suggestions(), view.items.len()),
            theme::title(),
        ),
        Span::styled(
            format!(
                "· {} {} · {} {} ",
                text::col_status().to_lowercase(),
                view.status.map_or(all, |s| s.label()),
                text::col_phase().to_lowercase(),
                view.phase.map_or(all, |p| p.label()),
            ),
            theme::muted(),
        ),
    ]);
    let block = Block::default().borders(Borders::TOP).title(title);
    if view.items.is_empty() {
        return widgets::empty(frame, area, block, text::suggestions_empty());
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
            text::field_label(),
            text::col_title(),
            text::field_phase_concerned(),
            text::col_status(),
            text::col_waiting(),
            text::col_decided(),
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
pub fn lessons(frame: &mut Frame, area: Rect, view: &LessonsView, with_project: bool) {
    let all = text::filter_all();
    let heading = if with_project {
        text::view_lessons()
    } else {
        text::tab_lessons()
    };
    let title = Line::from(vec![
        Span::styled(
            format!(" {heading} · {} ", view.items.len()),
            theme::title(),
        ),
        Span::styled(
            format!(
                "· {} {} · {} {} ",
                text::col_phase().to_lowercase(),
                view.phase.map_or(all, |p| p.label()),
                text::col_kind().to_lowercase(),
                view.kind.map_or(all, |k| k.label()),
            ),
            theme::muted(),
        ),
    ]);
    let block = Block::default().borders(Borders::TOP).title(title);
    if view.items.is_empty() {
        return widgets::empty(frame, area, block, text::lessons_empty());
    }
    let rows = view.items.iter().map(|l| {
        let mut cells = vec![
            Span::raw(shown(&l.title)),
            Span::styled(l.kind.label(), theme::accent()),
            Span::styled(
                l.phase.map_or(text::not_set(), |p| p.label()),
                theme::muted(),
            ),
        ];
        if with_project {
            cells.push(Span::raw(shown(
                l.project_code.as_deref().unwrap_or(text::general()),
            )));
        }
        cells.push(Span::styled(
            if l.shareable {
                text::shareable_mark()
            } else {
                ""
            },
            theme::ok(),
        ));
        Row::new(cells)
    });
    let mut header = vec![text::col_title(), text::col_kind(), text::col_phase()];
    let mut widths = vec![
        Constraint::Fill(3),
        Constraint::Length(12),
        Constraint::Length(16),
    ];
    if with_project {
        header.push(text::col_project());
        widths.push(Constraint::Length(8));
    }
    header.push(text::col_share());
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
        format!(" {} · {} ", text::tab_decisions(), view.items.len()),
        theme::title(),
    ));
    if view.items.is_empty() {
        return widgets::empty(frame, area, block, text::decisions_empty());
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
            text::field_decided_on(),
            text::field_label(),
            text::field_decision(),
            text::field_rationale(),
            text::field_decided_by(),
            text::field_meeting(),
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
