//! The meeting screen: details, timed agenda, participants and checklist.

use super::widgets::TableRow;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::shown;
use super::{format, theme, widgets};
use crate::app::{App, MeetingState, MeetingTab};
use crate::domain::when::format_duration;
use crate::domain::{
    MeetingEqualTreatment, NotesStatus, TextEnum, agenda_overrun, agenda_times, checklist_open,
};
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(state) = &app.meeting else { return };
    let m = &state.meeting;
    let [title_area, tabs_area, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {} ", shown(&m.project_code)), theme::current()),
            Span::styled(format!(" {}", shown(&m.title)), theme::title()),
            Span::styled(
                format!("  {} · {}", m.kind.label(), m.status.label()),
                theme::muted(),
            ),
        ])),
        title_area,
    );
    let selected = MeetingTab::ALL.iter().position(|t| *t == state.tab);
    let titles: Vec<&str> = MeetingTab::ALL.iter().map(|t| t.title()).collect();
    let when = format::meeting_when(app.clock(), m.start, m.end);
    widgets::tabs_with_note(
        frame,
        tabs_area,
        &titles,
        selected.unwrap_or(0),
        Line::from(Span::styled(format!("{when} "), theme::accent())),
    );
    match state.tab {
        MeetingTab::Details => details(frame, body, app, state),
        MeetingTab::Agenda => agenda(frame, body, app, state),
        MeetingTab::Notes => super::notes::notes_tab(frame, body, state),
        MeetingTab::Outcomes => super::notes::outcomes_tab(frame, body, app, state),
        MeetingTab::Participants => participants(frame, body, state),
        MeetingTab::Checklist => checklist(frame, body, state),
    }
}

/// "Agenda 1 h 45 min of 2 h", or the overrun in red.
fn agenda_summary(state: &MeetingState) -> Span<'static> {
    let total: u32 = state.agenda.iter().map(|i| i.minutes).sum();
    let length = format_duration(state.meeting.minutes().max(0) as u32);
    if state.agenda.is_empty() {
        return Span::styled(text::meeting_length(&length), theme::muted());
    }
    let over = agenda_overrun(&state.meeting, &state.agenda);
    if over > 0 {
        Span::styled(
            text::agenda_overrun(
                &format_duration(total),
                &length,
                &format_duration(over as u32),
            ),
            theme::error(),
        )
    } else {
        Span::styled(
            text::agenda_total(&format_duration(total), &length),
            theme::ok(),
        )
    }
}

/// "Draft (2026-11-26) · working 2026-11-24": the status and when each was reached.
fn notes_status_line(app: &App, state: &MeetingState) -> String {
    let current = state.meeting.notes_status;
    let mut line = current.label().to_string();
    for (status, at) in state.notes_status_dates.iter().rev() {
        let day = format::local_date(app.clock(), at);
        if *status == current {
            line.push_str(&format!(" ({day})"));
        } else {
            line.push_str(&format!(" · {} {day}", status.label().to_lowercase()));
        }
    }
    line
}

/// Who approved the notes and when, if they are approved or sent and a name was given.
fn approver(state: &MeetingState) -> Option<(String, String)> {
    if state.meeting.notes_status.index() < NotesStatus::Approved.index() {
        return None;
    }
    let approval = state.notes_approval.as_ref()?;
    Some((approval.by_name.clone()?, approval.at.clone()))
}

fn details(frame: &mut Frame, area: Rect, app: &App, state: &MeetingState) {
    let m = &state.meeting;
    let clock = app.clock();
    let supplier = if state.supplier_facing {
        format!(
            "{} · {}",
            text::yes(),
            text::checklist_open(checklist_open(m.checklist))
        )
    } else {
        text::no().to_string()
    };
    let mut fields: Vec<(&str, String)> = vec![
        (text::field_meeting_type(), m.kind.label().into()),
        (
            text::field_when(),
            format::meeting_when(clock, m.start, m.end),
        ),
        (
            text::field_length(),
            format_duration(m.minutes().max(0) as u32),
        ),
        (text::field_format(), m.format.label().into()),
        (
            text::field_location(),
            format::or_not_set(&m.location).into(),
        ),
        (text::col_status(), m.status.label().into()),
        (text::field_notes_status(), notes_status_line(app, state)),
        (
            text::field_registered(),
            match &state.equal_treatment.registration {
                Some(r) => text::registered(&r.document_number, &r.registered_on.to_string()),
                None => text::not_registered().to_string(),
            },
        ),
        (text::field_supplier_facing(), supplier),
        (
            text::col_project(),
            format!("{} {}", state.project.code, state.project.title),
        ),
    ];
    // Approved (or sent) notes: who approved them, under their status.
    if let Some((name, at)) = approver(state) {
        let day = format::local_date(clock, &at);
        fields.insert(
            fields
                .iter()
                .position(|(label, _)| *label == text::field_notes_status())
                .map_or(fields.len(), |i| i + 1),
            (text::field_approved_by(), format!("{name} ({day})")),
        );
    }
    let block = Block::default().borders(Borders::TOP);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = widgets::labelled(&fields, inner.width);
    for other in &state.overlaps {
        lines.push(Line::from(vec![
            Span::styled(format!("{:<18}", text::field_overlaps()), theme::error()),
            Span::styled(
                format!(
                    "⚠ {} {} ({})",
                    format::time_range(clock, other.start, other.end),
                    shown(&other.title),
                    shown(&other.project_code)
                ),
                theme::error(),
            ),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{:<18}", text::field_agenda()), theme::label()),
        agenda_summary(state),
    ]));
    // Every export of the notes, newest first: what went to whom, and when.
    let exports: Vec<(&str, String)> = state
        .exports
        .iter()
        .take(5)
        .enumerate()
        .map(|(i, e)| {
            let label = if i == 0 { text::field_exports() } else { "" };
            // The folder is the same for all; the name says which file.
            let file = std::path::Path::new(&e.file)
                .file_name()
                .map_or(e.file.clone(), |n| n.to_string_lossy().into_owned());
            let line = format!(
                "{} · {} · {} {} · {file}",
                format::local_datetime(app.clock(), &e.exported_at),
                e.format,
                e.audience,
                e.language,
            );
            (label, line)
        })
        .collect();
    lines.extend(widgets::labelled(&exports, inner.width));
    for (label, body) in [
        (text::field_purpose(), &m.purpose),
        (text::field_desired_outcome(), &m.desired_outcome),
    ] {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(label, theme::label())));
        if body.is_empty() {
            lines.push(Line::from(Span::styled(text::not_set(), theme::muted())));
        }
        lines.extend(body.lines().map(|l| Line::from(shown(l))));
    }
    widgets::scrolled(
        frame,
        inner,
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        &state.details_scroll,
    );
}

fn agenda(frame: &mut Frame, area: Rect, app: &App, state: &MeetingState) {
    let block = Block::default()
        .borders(Borders::TOP)
        .title(Line::from(vec![
            Span::raw(" "),
            agenda_summary(state),
            Span::raw(" "),
        ]));
    if state.agenda.is_empty() {
        return widgets::empty(frame, area, block, text::agenda_empty());
    }
    let clock = app.clock();
    let times = agenda_times(state.meeting.start, state.agenda.iter().map(|i| &i.minutes));
    let end = state.meeting.end;
    let rows = state.agenda.iter().zip(times).map(|(item, (start, stop))| {
        // Blocks that run past the meeting's end are marked.
        let style = if stop > end {
            theme::error()
        } else {
            ratatui::style::Style::new()
        };
        TableRow::new(vec![
            Span::styled(format::time_range(clock, start, stop), style),
            Span::raw(shown(&item.title)),
            Span::styled(format_duration(item.minutes), theme::muted()),
            Span::raw(shown(&item.method)),
            Span::raw(shown(&item.owner)),
            Span::styled(shown(&item.expected_outcome), theme::muted()),
        ])
    });
    widgets::table(
        frame,
        area,
        block,
        &[
            text::col_time(),
            text::col_block(),
            text::col_length(),
            text::field_method(),
            text::field_owner(),
            text::field_expected_outcome(),
        ],
        rows.collect(),
        &[
            Constraint::Length(11),
            Constraint::Fill(4),
            Constraint::Length(10),
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Fill(3),
        ],
        Some(state.cursor.selected),
    );
}

fn participants(frame: &mut Frame, area: Rect, state: &MeetingState) {
    let invited = state.attendance.iter().filter(|a| a.invited).count();
    let attended = state.attendance.iter().filter(|a| a.attended).count();
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(" {} ", text::participants_summary(invited, attended)),
        theme::title(),
    ));
    let unreadable = &state.unreadable.participants;
    if state.attendance.is_empty() && unreadable.is_empty() {
        return widgets::empty(frame, area, block, text::participants_empty());
    }
    let tick = |b: bool| if b { "✓" } else { "·" };
    let rows = state.attendance.iter().map(|a| {
        let org_style = if a.organisation_is_supplier {
            theme::key()
        } else {
            theme::muted()
        };
        TableRow::new(vec![
            Span::raw(a.person_name.clone()),
            Span::styled(
                shown(a.organisation_name.as_deref().unwrap_or_default()),
                org_style,
            ),
            Span::raw(a.role.label()),
            Span::raw(tick(a.invited)),
            Span::raw(tick(a.attended)),
        ])
    });
    widgets::table(
        frame,
        area,
        block,
        &[
            text::col_name(),
            text::col_organisation(),
            text::field_role(),
            text::col_invited(),
            text::col_attended(),
        ],
        // Participants that cannot be read follow (`app::unreadable`).
        rows.chain(widgets::unreadable_rows(unreadable, 0))
            .collect(),
        &[
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Length(12),
            Constraint::Length(8),
            Constraint::Length(8),
        ],
        Some(state.cursor.selected),
    );
}

fn checklist(frame: &mut Frame, area: Rect, state: &MeetingState) {
    let ticked = state.meeting.checklist;
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(
            " {} · {} ",
            text::checklist_title(),
            text::checklist_open(checklist_open(ticked))
        ),
        theme::title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = Vec::new();
    if !state.supplier_facing {
        for part in widgets::wrap(text::checklist_not_applicable(), inner.width as usize) {
            lines.push(Line::from(Span::styled(part, theme::muted())));
        }
        lines.push(Line::from(""));
    }
    // Each point wraps under its own text, not under the box.
    let text_width = (inner.width as usize).saturating_sub(5).max(10);
    let mut selected_row = 0;
    for (i, point) in text::checklist().iter().enumerate() {
        if i == state.cursor.selected {
            selected_row = lines.len();
        }
        let done = ticked & (1 << i) != 0;
        let (mark, style) = if done {
            ("[x]", theme::ok())
        } else {
            ("[ ]", theme::key())
        };
        for (row, part) in widgets::wrap(point, text_width).into_iter().enumerate() {
            let lead = if row == 0 {
                Span::styled(format!(" {mark} "), style)
            } else {
                Span::raw("     ")
            };
            let line = Line::from(vec![lead, Span::raw(part)]);
            lines.push(if i == state.cursor.selected {
                line.style(theme::selected())
            } else {
                line
            });
        }
        for (fact, warn) in checklist_facts(i, &state.equal_treatment) {
            let style = if warn { theme::error() } else { theme::muted() };
            for part in widgets::wrap(&fact, text_width.saturating_sub(2).max(10)) {
                lines.push(Line::from(vec![
                    Span::raw("       "),
                    Span::styled(part, style),
                ]));
            }
        }
    }
    // Keep the selected point in view (the facts under the points can fill a screen).
    let scroll = (selected_row + 1).saturating_sub(inner.height as usize);
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), inner);
}

/// What the store knows about a checklist point, under it: the information given in
/// the meeting and how far it reached, prior involvement among the participants, the
/// registration in the case. Each with whether it needs attention.
fn checklist_facts(point: usize, facts: &MeetingEqualTreatment) -> Vec<(String, bool)> {
    match point {
        crate::domain::CHECKLIST_POINT_SHARED if facts.information.is_empty() => {
            vec![(text::checklist_no_information().to_string(), false)]
        }
        crate::domain::CHECKLIST_POINT_SHARED => facts
            .information
            .iter()
            .map(|item| {
                let names: Vec<&str> = item.recipients.iter().map(|r| r.name.as_str()).collect();
                let reach = match item.shared_on {
                    Some(on) => text::info_everyone(&on.to_string(), &item.shared_channel),
                    None => text::info_only_some(&names.join(", ")),
                };
                (
                    text::checklist_information(&item.title, &reach),
                    item.shared_on.is_none(),
                )
            })
            .collect(),
        crate::domain::CHECKLIST_POINT_INTERESTS if facts.involved.is_empty() => {
            vec![(text::checklist_no_involvement().to_string(), false)]
        }
        crate::domain::CHECKLIST_POINT_INTERESTS => facts
            .involved
            .iter()
            .map(|w| {
                (
                    text::checklist_involved(&w.organisation_name, w.measures_recorded),
                    !w.measures_recorded,
                )
            })
            .collect(),
        crate::domain::CHECKLIST_POINT_REGISTERED => match &facts.registration {
            Some(r) => vec![(
                text::registered(&r.document_number, &r.registered_on.to_string()),
                false,
            )],
            None => vec![(text::checklist_not_registered().to_string(), false)],
        },
        _ => Vec::new(),
    }
}
