//! Dialogs drawn over a screen: help and confirmation.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Wrap};

use super::shown;
use super::{theme, widgets};
use crate::app::App;
use crate::app::keymap::Context;
use crate::text;

/// Width of the keys column in help.
const KEYS_WIDTH: usize = 20;

/// A context's keys under its title; `compact` sizes the keys column to its longest
/// entry (for the narrow second column) instead of the usual width.
fn section(app: &App, ctx: Context, compact: bool) -> Vec<Line<'static>> {
    let rows = app.keymap.help(ctx);
    let width = if compact {
        rows.iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0)
            + 2
    } else {
        KEYS_WIDTH
    };
    let mut lines = vec![Line::from(Span::styled(ctx.title(), theme::title()))];
    for (keys, what) in rows {
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys:<width$}"), theme::key()),
            Span::raw(what),
        ]));
    }
    lines
}

/// Lists the keys of `context` (and the global ones), straight from the keymap. When
/// one column does not fit the terminal, the global keys go in a second column.
pub fn help(frame: &mut Frame, area: Rect, app: &App, context: Context, scroll: u16) {
    let own = section(app, context, false);
    let global_rows = if context.is_modal() {
        0
    } else {
        app.keymap.help(Context::Global).len() + 1
    };
    let one_column = own.len() + global_rows + 3;
    let two_columns = global_rows > 0 && one_column + 2 > area.height as usize;
    let global = if global_rows == 0 {
        Vec::new()
    } else {
        section(app, Context::Global, two_columns)
    };

    let (width, rows) = if two_columns {
        (100, own.len().max(global.len()) + 2)
    } else {
        (52, one_column)
    };
    // When even that does not fit, say that the list scrolls.
    let closing = if rows + 2 > area.height as usize {
        text::help_close_scroll()
    } else {
        text::help_close()
    };
    let footer = Line::from(Span::styled(closing, theme::muted()));
    let rect = widgets::centered(area, width, rows as u16 + 2);
    let inner = widgets::dialog(frame, rect, text::help_title());
    let padded = Block::default().padding(Padding::horizontal(1));
    if two_columns {
        let [body, foot] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        // The screen's own keys have the longer descriptions.
        let [left, right] =
            Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(body);
        frame.render_widget(
            Paragraph::new(own)
                .block(padded.clone())
                .scroll((scroll, 0)),
            left,
        );
        frame.render_widget(
            Paragraph::new(global)
                .block(padded.clone())
                .scroll((scroll, 0)),
            right,
        );
        frame.render_widget(Paragraph::new(footer).block(padded), foot);
    } else {
        let mut lines = own;
        if !global.is_empty() {
            lines.push(Line::from(""));
            lines.extend(global);
        }
        lines.push(Line::from(""));
        lines.push(footer);
        frame.render_widget(
            Paragraph::new(lines).block(padded).scroll((scroll, 0)),
            inner,
        );
    }
}

pub fn confirm(frame: &mut Frame, area: Rect, message: &str) {
    let rect = widgets::centered(area, 56, 6);
    let inner = widgets::dialog(frame, rect, text::confirm_title());
    let lines = vec![
        Line::from(shown(message)),
        Line::from(""),
        Line::from(Span::styled(text::confirm_keys(), theme::key())),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::default().padding(Padding::horizontal(1))),
        inner,
    );
}

/// A list to choose from, with a detail line per entry.
pub fn pick(frame: &mut Frame, area: Rect, pick: &crate::app::Pick) {
    let height = (pick.options.len() as u16 * 2 + 3).min(area.height);
    let rect = widgets::centered(area, 76, height);
    let inner = widgets::dialog(frame, rect, &pick.title);
    let mut lines = Vec::new();
    for (i, (name, detail)) in pick.options.iter().enumerate() {
        let style = if i == pick.cursor.selected {
            theme::selected()
        } else {
            theme::title()
        };
        lines.push(Line::from(Span::styled(
            format!(" {} ", shown(name)),
            style,
        )));
        lines.push(Line::from(Span::styled(
            format!("   {}", shown(detail)),
            theme::muted(),
        )));
    }
    // Keep the chosen entry in view.
    let visible = inner.height.saturating_sub(1) as usize;
    let scroll = (pick.cursor.selected * 2 + 2).saturating_sub(visible) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

/// A save found its row changed elsewhere: what happened, the choices (from the
/// keymap), and after `b` each differing field as yours and as stored.
pub fn conflict(frame: &mut Frame, area: Rect, app: &App, conflict: &crate::app::Conflict) {
    use crate::app::ConflictSubject;
    let message = match conflict.subject {
        ConflictSubject::Form => text::conflict_form(),
        ConflictSubject::Note => text::conflict_note(),
    };
    let keys = app
        .keymap
        .help(Context::Conflict)
        .into_iter()
        .map(|(k, what)| format!("{k} {what}"))
        .collect::<Vec<_>>()
        .join(" · ");
    let mut lines = vec![Line::from(message.to_string()), Line::from("")];
    if conflict.trashed {
        lines.push(Line::from(Span::styled(
            text::conflict_trashed(),
            theme::error(),
        )));
        lines.push(Line::from(""));
    }
    if conflict.both {
        if conflict.rows.is_empty() {
            lines.push(Line::from(Span::styled(
                text::conflict_same(),
                theme::muted(),
            )));
        }
        for row in &conflict.rows {
            lines.push(Line::from(Span::styled(shown(&row.label), theme::title())));
            for (who, value) in [
                (text::conflict_mine(), &row.mine),
                (text::conflict_stored(), &row.stored),
            ] {
                lines.push(Line::from(Span::styled(format!("  {who}:"), theme::key())));
                lines.extend(
                    value
                        .lines()
                        .map(|l| Line::from(format!("    {}", shown(l)))),
                );
            }
            lines.push(Line::from(""));
        }
    }
    lines.push(Line::from(Span::styled(keys, theme::key())));
    let height = if conflict.both {
        area.height.saturating_sub(2)
    } else if conflict.trashed {
        12
    } else {
        8
    };
    let width = if conflict.both { 90 } else { 64 };
    let rect = widgets::centered(area, width, height);
    let inner = widgets::dialog(frame, rect, text::conflict_title());
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((conflict.scroll, 0))
            .block(Block::default().padding(Padding::horizontal(1))),
        inner,
    );
}
