//! One need: its statement, where it came from and how its status moved.

use super::widgets::TableRow;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::shown;
use super::{format, theme, widgets};
use crate::app::App;
use crate::domain::{TextEnum, solution_words};
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(state) = &app.need else { return };
    let n = &state.need;
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {} ", shown(&n.project_code)), theme::current()),
            Span::styled(format!(" {} ", shown(&n.code)), theme::title()),
            Span::styled(n.status.label(), super::needs::status_style(n.status)),
        ])),
        head,
    );
    let [details_area, evidence_area, history_area] = Layout::vertical([
        Constraint::Min(8),
        Constraint::Length((state.evidence.len() as u16 + 3).clamp(4, 10)),
        // The heading line, its top border and one line per change.
        Constraint::Length((state.history.len() as u16 + 2).clamp(3, 9)),
    ])
    .areas(body);

    // The statement first; the short facts on one line so everything fits at 80×24.
    let mut facts = format!(
        "{} · {} {} · {} {} · {} {}",
        n.confidentiality.label(),
        text::col_priority().to_lowercase(),
        n.priority.map_or(text::not_set(), |p| p.label()),
        text::col_category().to_lowercase(),
        format::or_not_set(&n.category),
        text::field_owner().to_lowercase(),
        format::or_not_set(&n.owner)
    );
    let target = state.merged_into.as_deref();
    let reason = text::need_reason(&n.status_reason, n.status, target);
    if !reason.is_empty() {
        facts.push_str(&format!(" · {}: {reason}", text::field_reason()));
    }
    let mut fields: Vec<(&str, String)> = vec![
        (text::field_statement(), n.statement.clone()),
        (text::field_details(), facts),
    ];
    if !n.i_need.is_empty() {
        fields.push((text::field_as_a(), format::or_not_set(&n.as_a).into()));
        fields.push((text::field_i_need(), n.i_need.clone()));
        fields.push((text::field_so_that(), format::or_not_set(&n.so_that).into()));
    }
    if !state.merged_from.is_empty() {
        fields.push((text::field_merged_from(), state.merged_from.join(", ")));
    }
    let block = Block::default().borders(Borders::TOP);
    let inner = block.inner(details_area);
    frame.render_widget(block, details_area);
    let mut lines = widgets::labelled(&fields, inner.width);
    let words = solution_words(&n.statement);
    if !words.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("⚠ {}", text::solution_warning(&words)),
            theme::key(),
        )));
    }
    widgets::scrolled(
        frame,
        inner,
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        &state.scroll,
    );

    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(" {} · {} ", text::field_evidence(), state.evidence.len()),
        theme::title(),
    ));
    if state.evidence.is_empty() {
        widgets::empty(frame, evidence_area, block, text::evidence_empty());
    } else {
        let rows = state.evidence.iter().map(|e| {
            let meeting = match (&e.meeting_date, &e.meeting_title) {
                (Some(d), Some(t)) => format!("{d} {t}"),
                (None, Some(t)) => t.clone(),
                _ => String::new(),
            };
            TableRow::new(vec![
                super::notes::short_label(e.confidentiality),
                Span::raw(shown(&meeting)),
                Span::raw(shown(e.person_name.as_deref().unwrap_or_default())),
                Span::raw(shown(&e.document)),
                Span::styled(shown(&e.note), theme::muted()),
            ])
        });
        widgets::table(
            frame,
            evidence_area,
            block,
            &[
                text::field_label(),
                text::field_meeting(),
                text::field_person(),
                text::field_document(),
                text::field_note(),
            ],
            rows.collect(),
            &[
                Constraint::Length(11),
                Constraint::Fill(3),
                Constraint::Fill(2),
                Constraint::Fill(2),
                Constraint::Fill(2),
            ],
            Some(state.cursor.selected),
        );
    }

    let mut history = vec![Line::from(Span::styled(
        text::field_history(),
        theme::title(),
    ))];
    // Newest first, so a short screen shows the latest steps.
    for change in state.history.iter().rev() {
        let from = change
            .from
            .map_or(String::new(), |f| format!("{} → ", f.label()));
        let reason = text::need_reason(&change.reason, change.to, target);
        let reason = if reason.is_empty() {
            String::new()
        } else {
            format!(" ({reason})")
        };
        history.push(Line::from(vec![
            Span::styled(
                format!(
                    " {}  ",
                    format::local_datetime(app.clock(), &change.changed_at)
                ),
                theme::muted(),
            ),
            Span::raw(shown(&format!("{from}{}{reason}", change.to.label()))),
        ]));
    }
    frame.render_widget(
        Paragraph::new(history).block(Block::default().borders(Borders::TOP)),
        history_area,
    );
}
