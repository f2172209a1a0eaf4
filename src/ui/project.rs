use super::widgets::TableRow;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::shown;
use super::{format, theme, widgets};
use crate::app::{App, ProjectState, ProjectTab};
use crate::domain::{MilestoneStatus, Phase, TextEnum};
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(state) = &app.project else { return };
    let p = &state.project;
    let [title_area, tabs_area, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);

    let title = Line::from(vec![
        Span::styled(format!(" {} ", shown(&p.code)), theme::current()),
        Span::styled(format!(" {}", shown(&p.title)), theme::title()),
        Span::styled(
            format!(
                "  {}",
                shown(p.buyer_name.as_deref().unwrap_or(text::not_set()))
            ),
            theme::muted(),
        ),
    ]);
    let where_now = Line::from(vec![
        Span::styled(p.phase.label(), theme::accent()),
        Span::styled(format!(" · {} ", p.status.label()), theme::muted()),
    ]);
    widgets::line_with_note(frame, title_area, title, where_now);
    let selected = ProjectTab::ALL.iter().position(|t| *t == state.tab);
    let titles: Vec<&str> = ProjectTab::ALL.iter().map(|t| t.title()).collect();
    // In review mode the tab row says where the walk is.
    let note = match &app.review {
        Some(r) if r.current() == Some(p.id) => Line::from(Span::styled(
            format!("{} ", text::review_position(r.at + 1, r.projects.len())),
            theme::accent(),
        )),
        _ => Line::default(),
    };
    widgets::tabs_with_note(frame, tabs_area, &titles, selected.unwrap_or(0), note);

    match state.tab {
        ProjectTab::Attention => super::attention::draw(frame, body, app, state),
        ProjectTab::Overview => overview(frame, body, app, state),
        ProjectTab::Meetings => super::meetings::draw(frame, body, app, state),
        ProjectTab::Needs => super::needs::draw(frame, body, app, state),
        ProjectTab::Suggestions => {
            super::registers::suggestions(frame, body, app, &state.suggestions)
        }
        ProjectTab::Lessons => super::registers::lessons(frame, body, app, &state.lessons, false),
        ProjectTab::Decisions => super::registers::decisions(frame, body, &state.decisions),
        ProjectTab::Information => super::information::draw(frame, body, &state.information),
        ProjectTab::TimePlan => time_plan(frame, body, app, state),
    }
}

fn overview(frame: &mut Frame, area: Rect, app: &App, state: &ProjectState) {
    let p = &state.project;
    let [track_area, fields_area] =
        Layout::horizontal([Constraint::Length(27), Constraint::Min(20)]).areas(area);

    frame.render_widget(
        Paragraph::new(phase_track(p.phase, track_area.width.saturating_sub(1))).block(
            Block::default()
                .borders(Borders::TOP | Borders::RIGHT)
                .border_style(theme::muted())
                .title(Span::styled(
                    format!(" {} ", text::phase_track()),
                    theme::title(),
                )),
        ),
        track_area,
    );

    let fields: Vec<(&str, String)> = vec![
        (
            text::col_buyer(),
            p.buyer_name.clone().unwrap_or(text::not_set().into()),
        ),
        (
            text::field_case_number(),
            format::or_not_set(&p.case_number).into(),
        ),
        (text::field_subject(), format::or_not_set(&p.subject).into()),
        (text::col_phase(), p.phase.label().into()),
        (text::col_status(), p.status.label().into()),
        (
            text::field_innovation(),
            p.innovation_level
                .map_or(text::not_set(), |l| l.label())
                .into(),
        ),
        (
            text::field_procedure(),
            format::or_not_set(&p.planned_procedure).into(),
        ),
        (
            text::field_dates(),
            format!(
                "{} – {}",
                format::date(p.start_date),
                format::date(p.end_date)
            ),
        ),
        (
            text::field_tags(),
            if p.tags.is_empty() {
                text::not_set().into()
            } else {
                p.tags.join(", ")
            },
        ),
        (
            text::field_reviewed(),
            p.last_reviewed_at
                .as_deref()
                .map_or(text::not_set().into(), |t| {
                    format::local_date(app.clock(), t)
                }),
        ),
        (
            text::col_updated(),
            format::local_datetime(app.clock(), &p.updated_at),
        ),
    ];
    let block = Block::default().borders(Borders::TOP).title(" ");
    let inner = block.inner(fields_area);
    frame.render_widget(block, fields_area);
    let mut lines = widgets::labelled(&fields, inner.width);
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(text::field_goal(), theme::label())));
    if p.goal.is_empty() {
        lines.push(Line::from(Span::styled(text::not_set(), theme::muted())));
    }
    lines.extend(p.goal.lines().map(|l| Line::from(shown(l))));
    widgets::scrolled(
        frame,
        inner,
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        &state.overview_scroll,
    );
}

/// The twelve phases, done ones ticked and the current one highlighted, each line cut
/// with `…` to `width`.
pub(super) fn phase_track(current: Phase, width: u16) -> Vec<Line<'static>> {
    Phase::ALL
        .iter()
        .map(|&phase| {
            let (mark, style) = if phase == current {
                ("▶", theme::current())
            } else if phase < current {
                ("✓", theme::ok())
            } else {
                ("·", theme::muted())
            };
            widgets::fit_line(
                Line::from(vec![
                    Span::styled(format!(" {mark} "), style),
                    Span::styled(format!("{:>2} {}", phase.index() + 1, phase.label()), style),
                ]),
                usize::from(width),
            )
        })
        .collect()
}

fn time_plan(frame: &mut Frame, area: Rect, app: &App, state: &ProjectState) {
    let done = state
        .milestones
        .iter()
        .filter(|m| m.status == MilestoneStatus::Done)
        .count();
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(
            " {} · {done}/{} ",
            text::tab_time_plan(),
            state.milestones.len()
        ),
        theme::title(),
    ));
    if state.milestones.is_empty() && state.unreadable_milestones.is_empty() {
        return widgets::empty(frame, area, block, text::time_plan_empty());
    }
    let today = app.clock().today();
    let rows = state.milestones.iter().map(|m| {
        let (mark, style) = match m.status {
            MilestoneStatus::Done => ("[x]", theme::ok()),
            MilestoneStatus::Cancelled => ("[-]", theme::muted()),
            MilestoneStatus::Planned => ("[ ]", ratatui::style::Style::new()),
        };
        let note = if m.is_overdue(today) {
            Span::styled(text::overdue(), theme::error())
        } else {
            Span::raw("")
        };
        TableRow::new(vec![
            Span::styled(mark, style),
            Span::raw(shown(&m.title)),
            Span::raw(format::date(m.due_date)),
            Span::styled(format::date(m.done_date), theme::muted()),
            note,
        ])
    });
    widgets::table(
        frame,
        area,
        block,
        &["", text::col_title(), text::col_due(), text::col_done(), ""],
        // Milestones that cannot be read follow (`app::unreadable`).
        rows.chain(widgets::unreadable_rows(&state.unreadable_milestones, 1))
            .collect(),
        &[
            Constraint::Length(3),
            Constraint::Fill(1),
            Constraint::Length(10),
            Constraint::Length(10),
            Constraint::Length(8),
        ],
        Some(state.cursor.selected),
    );
}
