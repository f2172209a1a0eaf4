//! A meeting's notes, outcomes and the note editor.

use super::widgets::TableRow;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::shown;
use super::{format, theme, widgets};
use crate::app::{App, MeetingState, NoteEditor, Outcome};
use crate::domain::{ActionBucket, Confidentiality, EntityKind, TextEnum};
use crate::text;

/// The label of a note, always visible, coloured by how far it may travel.
pub fn label(c: Confidentiality) -> Span<'static> {
    let style = match c {
        Confidentiality::Shareable => theme::ok(),
        Confidentiality::Internal => theme::key(),
        Confidentiality::SupplierConfidential => theme::error(),
        Confidentiality::Personal => theme::muted(),
    };
    Span::styled(format!("[{}]", c.label()), style)
}

/// The label in a register's narrow column (at most 10 wide), coloured as [`label`].
pub fn short_label(c: Confidentiality) -> Span<'static> {
    let style = label(c).style;
    Span::styled(format!("[{}]", text::confidentiality_short(c)), style)
}

pub fn notes_tab(frame: &mut Frame, area: Rect, state: &MeetingState) {
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(" {} · {} ", text::tab_notes(), state.notes.len()),
        theme::title(),
    ));
    let unreadable = &state.unreadable.notes;
    if state.notes.is_empty() && unreadable.is_empty() {
        return widgets::empty(frame, area, block, text::notes_empty());
    }
    let mut rows = Vec::new();
    let mut selected_row = 0;
    let mut current: Option<Option<i64>> = None;
    for (i, n) in state.notes.iter().enumerate() {
        if current != Some(n.agenda_item_id) {
            current = Some(n.agenda_item_id);
            let heading = state
                .block_title(n.agenda_item_id)
                .unwrap_or(text::whole_meeting())
                .to_string();
            // The block's title runs in the wide column, so it is not cut.
            rows.push(TableRow::new(vec![
                Span::styled("§", theme::muted()),
                Span::styled(heading, theme::title()),
            ]));
        }
        if i == state.cursor.selected {
            selected_row = rows.len();
        }
        let first = n.body.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let more = n.body.lines().filter(|l| !l.trim().is_empty()).count();
        let tail = if more > 1 {
            format!("  (+{} {})", more - 1, text::lines())
        } else {
            String::new()
        };
        rows.push(TableRow::new(vec![
            Line::from(label(n.confidentiality)),
            Line::from(vec![
                Span::raw(shown(first)),
                Span::styled(tail, theme::muted()),
            ]),
        ]));
    }
    // Notes that cannot be read follow the blocks (`app::unreadable`).
    if let Some(i) = state.cursor.selected.checked_sub(state.notes.len()) {
        selected_row = rows.len() + i;
    }
    rows.extend(widgets::unreadable_rows(unreadable, 1));
    widgets::table(
        frame,
        area,
        block,
        &[text::field_label(), text::col_note()],
        rows,
        &[Constraint::Length(23), Constraint::Fill(1)],
        Some(selected_row),
    );
}

/// The heading of an outcome of `kind` (a decision, an action or a question).
fn outcome_kind(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Decision => text::kind_decision(),
        EntityKind::ActionItem => text::kind_action(),
        _ => text::kind_question(),
    }
}

pub fn outcomes_tab(frame: &mut Frame, area: Rect, app: &App, state: &MeetingState) {
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(
            " {} · {} ",
            text::tab_outcomes(),
            text::outcome_counts(
                state.decisions.len(),
                state.actions.len(),
                state.questions.len()
            )
        ),
        theme::title(),
    ));
    let outcomes = state.outcomes();
    if outcomes.is_empty() {
        return widgets::empty(frame, area, block, text::outcomes_empty());
    }
    let today = app.clock().today();
    let mut rows = Vec::new();
    let mut selected_row = 0;
    let mut section = "";
    for (i, o) in outcomes.iter().enumerate() {
        let (heading, row) = match o {
            Outcome::Decision(id) => {
                let d = state.decisions.iter().find(|d| d.id == *id);
                let d = d.expect("listed decision");
                (
                    text::kind_decision(),
                    TableRow::new(vec![
                        label(d.confidentiality),
                        Span::raw(shown(&d.text)),
                        Span::styled(d.decided_by.clone(), theme::muted()),
                        Span::styled(d.decided_on.to_string(), theme::muted()),
                    ]),
                )
            }
            Outcome::Action(id) => {
                let a = state.actions.iter().find(|a| a.id == *id);
                let a = a.expect("listed action");
                let due_style = match a.bucket(today) {
                    ActionBucket::Overdue => theme::error(),
                    ActionBucket::Closed => theme::ok(),
                    _ => Style::new(),
                };
                let mark = if a.is_open() { "[ ] " } else { "[x] " };
                (
                    text::kind_action(),
                    TableRow::new(vec![
                        label(a.confidentiality),
                        Span::raw(format!("{mark}{}", shown(&a.title))),
                        Span::styled(shown(&a.owner), theme::muted()),
                        Span::styled(format::date(a.due_date), due_style),
                    ]),
                )
            }
            Outcome::Question(id) => {
                let q = state.questions.iter().find(|q| q.id == *id);
                let q = q.expect("listed question");
                let answered = if q.answer.is_empty() {
                    Span::styled(text::unanswered(), theme::key())
                } else {
                    Span::styled(shown(&q.answer), theme::muted())
                };
                (
                    text::kind_question(),
                    TableRow::new(vec![
                        label(q.confidentiality),
                        Span::raw(shown(&q.text)),
                        answered,
                        Span::raw(""),
                    ]),
                )
            }
            Outcome::Unreadable(r) => (outcome_kind(r.kind), widgets::unreadable_row(r.id, 1)),
        };
        if heading != section {
            section = heading;
            // The heading runs in the wide column, as on the Notes tab.
            rows.push(TableRow::new(vec![
                Span::raw(""),
                Span::styled(heading, theme::title()),
            ]));
        }
        if i == state.cursor.selected {
            selected_row = rows.len();
        }
        rows.push(row);
    }
    widgets::table(
        frame,
        area,
        block,
        &["", "", "", ""],
        rows,
        &[
            Constraint::Length(23),
            Constraint::Fill(3),
            Constraint::Fill(1),
            Constraint::Length(10),
        ],
        Some(selected_row),
    );
}

/// The editor over the meeting screen: label and block always in view.
/// The editor's heading, round prompt and framed text area in `body`.
fn editor_layout(body: Rect, editor: &NoteEditor) -> [Rect; 3] {
    let prompt_rows = u16::from(editor.round.is_some());
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(prompt_rows),
        Constraint::Min(1),
    ])
    .areas(body)
}

fn editor_frame() -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme::accent())
}

/// Where the editor's text is drawn in `body`.
pub(super) fn editor_text(body: Rect, editor: &NoteEditor) -> Rect {
    editor_frame().inner(editor_layout(body, editor)[2])
}

pub fn editor(frame: &mut Frame, body: Rect, app: &App, editor: &NoteEditor) {
    frame.render_widget(ratatui::widgets::Clear, body);
    let [head, prompt, area] = editor_layout(body, editor);
    if let Some(round) = &editor.round
        && let Some(q) = round.current()
    {
        // The round question being answered, so each line goes to the right one.
        widgets::line_with_note(
            frame,
            prompt,
            Line::from(vec![
                Span::styled(
                    format!(
                        " {} {}/{}: ",
                        text::round_question_prompt(),
                        q.position,
                        round.questions.len()
                    ),
                    theme::key(),
                ),
                Span::styled(shown(&q.text), theme::title()),
            ]),
            Line::from(Span::styled(
                format!("{} ", text::round_question_keys()),
                theme::muted(),
            )),
        );
    }
    let saved = if editor.conflict {
        Span::styled(text::note_conflict_status(), theme::error())
    } else if editor.is_dirty() && editor.save_failed {
        Span::styled(text::not_saved_retrying(), theme::error())
    } else if editor.is_dirty() {
        Span::styled(text::unsaved(), theme::key())
    } else {
        Span::styled(
            editor.saved_at.as_deref().map_or(String::new(), |t| {
                format!(
                    "{} {}",
                    text::saved_at(),
                    format::saved_time(app.clock(), t)
                )
            }),
            theme::muted(),
        )
    };
    widgets::line_with_note(
        frame,
        head,
        Line::from(vec![
            Span::raw(" "),
            label(editor.confidentiality),
            Span::styled(
                format!(
                    "  {}",
                    editor.block.as_deref().unwrap_or(text::whole_meeting())
                ),
                theme::title(),
            ),
        ]),
        Line::from(vec![saved, Span::raw(" ")]),
    );
    let frame_block = editor_frame();
    let text = frame_block.inner(area);
    frame.render_widget(frame_block, area);
    frame.render_widget(&editor.area, text);
}
