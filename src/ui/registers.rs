//! Improvement suggestions and lessons: a project's tabs and the lessons library.

use super::widgets::TableRow;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::shown;
use super::{format, theme, widgets};
use crate::app::{App, LessonsView, LibraryView, SuggestionsView};
use crate::domain::{Lesson, SuggestionStatus, TextEnum};
use crate::text;

pub fn suggestions(frame: &mut Frame, area: Rect, app: &App, view: &SuggestionsView) {
    let area = super::filter_bar::above(frame, area, app);
    let title = Line::from(vec![Span::styled(
        format!(
            " {} · {} ",
            text::tab_suggestions(),
            super::filter_bar::count(view.items.len(), view.total)
        ),
        theme::title(),
    )]);
    let block = Block::default().borders(Borders::TOP).title(title);
    if view.is_empty() {
        return widgets::empty(
            frame,
            area,
            block,
            super::filter_bar::empty_message(text::suggestions_empty(), view.total),
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
        TableRow::new(vec![
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
        // Rows that cannot be read follow (`app::unreadable`).
        rows.chain(widgets::unreadable_rows(&view.unreadable, 1))
            .collect(),
        &[
            Constraint::Length(11),
            Constraint::Fill(3),
            // The title has the room first: below 100 columns the phase shares it.
            if area.width >= 100 {
                Constraint::Length(18)
            } else {
                Constraint::Fill(2)
            },
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
    let list = LessonList {
        count: view.items.len(),
        len: view.len(),
        total: view.total,
        with_project,
    };
    let Some(block) = list.block(frame, area) else {
        return;
    };
    // Rows only for the page the cursor is on.
    let shown_rows = widgets::page(view.len(), view.cursor.selected, area);
    let selected = view.cursor.selected - shown_rows.start;
    // Lessons that cannot be read follow (`app::unreadable`).
    let (readable, unreadable) =
        widgets::split_page(view.items.len(), &view.unreadable, shown_rows, 0);
    let rows = view.items[readable]
        .iter()
        .map(|l| lesson_row(l, with_project));
    list.table(
        frame,
        area,
        block,
        rows.chain(unreadable).collect(),
        selected,
    );
}

/// The lessons library: the page of its window (`app::window`) the cursor is on; a
/// lesson that cannot be read keeps its place in the order (`app::unreadable`).
pub fn library(frame: &mut Frame, area: Rect, app: &App, view: &LibraryView) {
    let area = super::filter_bar::above(frame, area, app);
    let list = LessonList {
        count: view.len(),
        len: view.len(),
        total: view.total,
        with_project: true,
    };
    let Some(block) = list.block(frame, area) else {
        return;
    };
    let (shown_rows, selected) = widgets::window_page(&view.window, view.cursor.selected, area);
    let rows = shown_rows
        .filter_map(|i| view.window.get(i))
        .map(|paged| match &paged.row {
            Some(l) => lesson_row(l, true),
            None => widgets::unreadable_row(paged.id(), 0),
        });
    list.table(frame, area, block, rows.collect(), selected);
}

/// What a list of lessons shows around its rows.
struct LessonList {
    /// Matching lessons to count in the title, rows to move over, lessons unfiltered.
    count: usize,
    len: usize,
    total: Option<usize>,
    with_project: bool,
}

impl LessonList {
    /// The titled block, or `None` when the empty message was drawn instead.
    fn block(&self, frame: &mut Frame, area: Rect) -> Option<Block<'static>> {
        let heading = if self.with_project {
            text::view_lessons()
        } else {
            text::tab_lessons()
        };
        let title = Line::from(vec![Span::styled(
            format!(
                " {heading} · {} ",
                super::filter_bar::count(self.count, self.total)
            ),
            theme::title(),
        )]);
        let block = Block::default().borders(Borders::TOP).title(title);
        if self.len == 0 {
            widgets::empty(
                frame,
                area,
                block,
                super::filter_bar::empty_message(text::lessons_empty(), self.total),
            );
            return None;
        }
        Some(block)
    }

    fn table(
        &self,
        frame: &mut Frame,
        area: Rect,
        block: Block<'_>,
        rows: Vec<TableRow<'_>>,
        selected: usize,
    ) {
        let mut header = vec![text::col_title(), text::col_kind(), text::col_phase()];
        let mut widths = vec![
            Constraint::Fill(3),
            Constraint::Length(12),
            Constraint::Length(16),
        ];
        if self.with_project {
            header.push(text::col_project());
            widths.push(Constraint::Length(8));
        }
        header.push(text::col_share());
        widths.push(Constraint::Length(5));
        widgets::table(frame, area, block, &header, rows, &widths, Some(selected));
    }
}

fn lesson_row(l: &Lesson, with_project: bool) -> TableRow<'_> {
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
    TableRow::new(cells)
}

/// A project's decisions, newest first.
pub fn decisions(frame: &mut Frame, area: Rect, view: &crate::app::DecisionsView) {
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(" {} · {} ", text::tab_decisions(), view.items.len()),
        theme::title(),
    ));
    if view.is_empty() {
        return widgets::empty(frame, area, block, text::decisions_empty());
    }
    // Below 100 columns the rationale and who decided give their room to the decision
    // (`v` shows the whole row).
    let wide = area.width >= 100;
    let rows = view.items.iter().map(|d| {
        let mut cells = vec![
            Span::styled(d.decided_on.to_string(), theme::muted()),
            super::notes::short_label(d.confidentiality),
            Span::raw(shown(&d.text)),
        ];
        if wide {
            cells.extend([
                Span::styled(shown(&d.rationale), theme::muted()),
                Span::raw(d.decided_by.clone()),
            ]);
        }
        cells.push(Span::styled(
            shown(d.meeting_title.as_deref().unwrap_or_default()),
            theme::muted(),
        ));
        TableRow::new(cells)
    });
    let mut header = vec![
        text::field_decided_on(),
        text::field_label(),
        text::field_decision(),
    ];
    let mut widths = vec![
        Constraint::Length(10),
        Constraint::Length(11),
        Constraint::Fill(3),
    ];
    if wide {
        header.extend([text::field_rationale(), text::field_decided_by()]);
        widths.extend([Constraint::Fill(2), Constraint::Fill(1)]);
    }
    header.push(text::field_meeting());
    widths.push(Constraint::Fill(2));
    widgets::table(
        frame,
        area,
        block,
        &header,
        rows.chain(widgets::unreadable_rows(&view.unreadable, 2))
            .collect(),
        &widths,
        Some(view.cursor.selected),
    );
}
