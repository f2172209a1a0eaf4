//! The dialogue rounds screen: the project's rounds on top, the selected round's matrix
//! of questions × suppliers below (answers, missing answers, questions not asked) with
//! a cell cursor, the focused cell in full under it, and a warning line for each
//! supplier left out of a question the others were asked.

use super::widgets::TableRow;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::shown;
use super::{theme, widgets};
use crate::app::{App, FocusedCell};
use crate::domain::{Cell, NotAsked, TextEnum};
use crate::text;

/// Rows the list of rounds takes at most (the matrix gets the rest).
const LIST_ROWS: u16 = 5;
/// Warning lines shown at most (the rest are summed up on the last).
const WARNING_ROWS: usize = 3;
/// Lines of the focused cell shown at most under the matrix.
const CELL_ROWS: usize = 4;
/// In front of the cursor's question number.
const ROW_MARK: &str = "▶";

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let s = &app.rounds;
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(
            " {} · {} · {} ",
            text::view_rounds(),
            shown(&s.project_code),
            s.rounds.len()
        ),
        theme::title(),
    ));
    if s.is_empty() {
        return widgets::empty(frame, area, block, text::rounds_empty());
    }
    let warnings = warning_lines(&s.not_asked);
    let list_height = (s.len() as u16 + 2).min(LIST_ROWS + 2);
    let (cell_title, cell_lines) = focused_cell(app, area.width);
    let [list, matrix, cell, notes] = Layout::vertical([
        Constraint::Length(list_height),
        Constraint::Fill(1),
        Constraint::Length(cell_lines.len() as u16 + 1),
        Constraint::Length(wrapped_height(&warnings, area.width) + 1),
    ])
    .areas(area);

    let rows = s.rounds.iter().map(|r| {
        TableRow::new(vec![
            Span::raw(shown(&r.title)),
            Span::styled(r.kind.label(), theme::muted()),
        ])
    });
    widgets::table(
        frame,
        list,
        block,
        &[text::col_round(), text::col_kind()],
        // Rounds that cannot be read follow (`app::unreadable`).
        rows.chain(widgets::unreadable_rows(&s.unreadable, 0))
            .collect(),
        &[Constraint::Fill(1), Constraint::Length(30)],
        Some(s.cursor.selected),
    );

    if let Some(m) = &s.matrix {
        let title = match m.questions.first().zip(m.questions.last()) {
            Some((first, last)) => text::round_page(
                first.position as usize,
                last.position as usize,
                s.question_count,
                m.missing(),
            ),
            None => text::round_no_questions().to_string(),
        };
        let block = Block::default()
            .borders(Borders::TOP)
            .title(Span::styled(format!(" {title} "), theme::title()));
        let mut header: Vec<String> = vec!["#".into(), text::col_question().into()];
        let cursor_row = s.row.checked_sub(s.offset);
        header.extend(
            m.suppliers
                .iter()
                .map(|s| format!("{} {}", s.letter(), shown(&s.name))),
        );
        let header_refs: Vec<&str> = header.iter().map(String::as_str).collect();
        let rows = m
            .questions
            .iter()
            .zip(&m.cells)
            .enumerate()
            .map(|(i, (q, cells))| {
                let here = cursor_row == Some(i);
                // The focused cell is shown reversed, its row marked in the number column.
                let focus = |col: usize, span: Span<'static>| {
                    if here && s.col == col {
                        span.patch_style(theme::selected())
                    } else {
                        span
                    }
                };
                let number = if here {
                    Span::styled(format!("{ROW_MARK}{}", q.position), theme::accent())
                } else {
                    Span::styled(q.position.to_string(), theme::muted())
                };
                let mut row = vec![number, focus(0, Span::raw(shown(&q.text)))];
                row.extend(cells.iter().enumerate().map(|(c, cell)| {
                    let span = match cell {
                        Cell::NotAsked => Span::styled(text::cell_not_asked(), theme::error()),
                        Cell::Missing => Span::styled(text::cell_missing(), theme::muted()),
                        Cell::Answered { body, .. } => Span::raw(first_line(body)),
                    };
                    focus(c + 1, span)
                }));
                TableRow::new(row)
            });
        let mut widths = vec![Constraint::Length(4), Constraint::Fill(2)];
        widths.extend(m.suppliers.iter().map(|_| Constraint::Fill(1)));
        widgets::table(
            frame,
            matrix,
            block,
            &header_refs,
            rows.collect(),
            &widths,
            None,
        );
    }

    frame.render_widget(
        Paragraph::new(cell_lines).block(
            Block::default()
                .borders(Borders::TOP)
                .title(Span::styled(format!(" {cell_title} "), theme::title())),
        ),
        cell,
    );

    let lines: Vec<Line> = if warnings.is_empty() {
        vec![Line::from(Span::styled(
            text::round_all_asked(),
            theme::muted(),
        ))]
    } else {
        warnings
            .into_iter()
            .map(|w| Line::from(Span::styled(w, theme::error())))
            .collect()
    };
    frame.render_widget(
        Paragraph::new(lines)
            .block(Block::default().borders(Borders::TOP))
            .wrap(Wrap { trim: true }),
        notes,
    );
}

/// The focused cell in full, as a heading ("Question 2 · B Tryggnatt AB · Shareable")
/// and its text wrapped to `width` (at most `CELL_ROWS` lines, the last cut with "…").
fn focused_cell(app: &App, width: u16) -> (String, Vec<Line<'static>>) {
    let room = usize::from(width.max(1));
    // Each line of the text wrapped; more than fits ends in "…".
    let wrapped = |body: &str| -> Vec<Line<'static>> {
        let mut out: Vec<String> = Vec::new();
        for paragraph in body.lines().filter(|l| !l.trim().is_empty()) {
            out.extend(widgets::wrap_words(&shown(paragraph), room, CELL_ROWS + 1));
        }
        if out.len() > CELL_ROWS {
            out.truncate(CELL_ROWS);
            let last = out.pop().unwrap_or_default();
            out.push(widgets::ellipsize(&format!("{last} …"), room));
        }
        out.into_iter().map(Line::from).collect()
    };
    let muted = |s: &str| vec![Line::from(Span::styled(s.to_string(), theme::muted()))];
    match app.rounds.focused() {
        None => (String::new(), Vec::new()),
        Some(FocusedCell::Question(q)) => (text::round_cell_heading(q.position), wrapped(&q.text)),
        Some(FocusedCell::Answer(q, supplier, cell)) => {
            let who = format!("{} {}", supplier.letter(), shown(&supplier.name));
            let mut title = format!("{} · {who}", text::round_cell_heading(q.position));
            let lines = match cell {
                Cell::NotAsked => muted(text::round_cell_not_asked()),
                Cell::Missing => muted(text::round_cell_missing()),
                Cell::Answered {
                    body,
                    confidentiality,
                } => {
                    title = format!("{title} · {}", confidentiality.label());
                    wrapped(body)
                }
            };
            (title, lines)
        }
    }
}

/// One line per supplier left out of questions the others were asked.
fn warning_lines(not_asked: &[NotAsked]) -> Vec<String> {
    let mut by_supplier: Vec<(String, Vec<String>)> = Vec::new();
    for n in not_asked {
        match by_supplier.iter_mut().find(|(s, _)| *s == n.supplier) {
            Some((_, qs)) => qs.push(n.question_position.to_string()),
            None => by_supplier.push((n.supplier.clone(), vec![n.question_position.to_string()])),
        }
    }
    let mut lines: Vec<String> = by_supplier
        .iter()
        .map(|(s, qs)| text::round_not_asked(&shown(s), &qs.join(", ")))
        .collect();
    if lines.len() > WARNING_ROWS {
        let more = lines.len() - (WARNING_ROWS - 1);
        lines.truncate(WARNING_ROWS - 1);
        lines.push(format!("⚠ +{more}"));
    }
    lines
}

/// Rows the warnings take when wrapped at `width` (at least one, for the all-clear).
fn wrapped_height(lines: &[String], width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let rows: usize = lines
        .iter()
        .map(|l| {
            unicode_width::UnicodeWidthStr::width(l.as_str())
                .div_ceil(width)
                .max(1)
        })
        .sum();
    rows.max(1) as u16
}

/// An answer's first line, for a cell.
fn first_line(body: &str) -> String {
    shown(body.lines().next().unwrap_or_default())
}
