//! Any form: label, input, and under the field its error or hint.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{theme, widgets};
use crate::app::form::{Field, FieldKind, Form, LookupSource};
use crate::app::text_input::TextInput;
use crate::text;

const LABEL_WIDTH: u16 = 20;
const MULTILINE_HEIGHT: u16 = 4;

fn field_height(field: &Field, message: bool) -> u16 {
    let input = match field.kind {
        FieldKind::Multiline(_) => MULTILINE_HEIGHT,
        _ => 1,
    };
    input + u16::from(message)
}

/// The line under a field: its error, or for the focused field its hint.
fn message<'a>(form: &'a Form, index: usize) -> Option<Line<'a>> {
    let field = &form.fields[index];
    if let Some(err) = form.errors.get(field.key) {
        return Some(Line::from(Span::styled(
            format!("⚠ {}", text::field_error(err)),
            theme::error(),
        )));
    }
    if let Some(warning) = form.warnings.get(field.key) {
        return Some(Line::from(Span::styled(
            format!("⚠ {}", text::field_error(warning)),
            theme::key(),
        )));
    }
    if index != form.focus {
        return None;
    }
    if let Some(reading) = form.readings.get(field.key) {
        return Some(Line::from(Span::styled(
            format!("→ {reading}"),
            theme::ok(),
        )));
    }
    if let FieldKind::Lookup {
        source,
        input,
        suggestions,
        exists,
    } = &field.kind
    {
        if input.value().trim().is_empty() {
            return None;
        }
        let (existing, new) = match source {
            LookupSource::Organisation => (text::hint_org_existing(), text::hint_org_new()),
            LookupSource::Person => (text::hint_person_existing(), text::hint_person_new()),
        };
        if *exists && suggestions.len() <= 1 {
            return Some(Line::from(Span::styled(existing, theme::ok())));
        }
        let mut spans = Vec::new();
        if !exists {
            spans.push(Span::styled(new, theme::muted()));
        }
        if !suggestions.is_empty() {
            spans.push(Span::styled(
                format!(
                    "{}{} {}",
                    if *exists { "" } else { " · " },
                    text::hint_org_matches(),
                    suggestions.join(" · ")
                ),
                theme::muted(),
            ));
        }
        return Some(Line::from(spans));
    }
    field
        .hint
        .map(|h| Line::from(Span::styled(h, theme::muted())))
}

pub fn draw(frame: &mut Frame, body: Rect, form: &Form, clock: crate::domain::Clock) {
    let messages: Vec<Option<Line>> = (0..form.fields.len()).map(|i| message(form, i)).collect();
    let heights: Vec<u16> = form
        .fields
        .iter()
        .zip(&messages)
        .map(|(f, m)| field_height(f, m.is_some()))
        .collect();
    // The screen behind a form is hidden: half-covered rows only distract.
    frame.render_widget(ratatui::widgets::Clear, body);
    // As tall as the fields need (room for one message more), at most the whole body.
    let wanted = heights.iter().sum::<u16>() + 3;
    let width = body.width.min(100);
    let area = Rect {
        x: body.x + (body.width - width) / 2,
        width,
        height: wanted.min(body.height),
        ..body
    };
    let inner = widgets::dialog(frame, area, &form.title);
    let label_width = label_column(form, inner.width);
    if inner.height == 0 || inner.width <= label_width {
        return;
    }
    draw_draft_state(frame, area, form, clock);

    // Scroll so the focused field is in view.
    let mut first = 0;
    while heights[first..=form.focus].iter().sum::<u16>() > inner.height && first < form.focus {
        first += 1;
    }

    let mut y = inner.y;
    for i in first..form.fields.len() {
        let field = &form.fields[i];
        if y + heights[i] > inner.bottom() {
            break;
        }
        let focused = i == form.focus;
        let marker = if field.required { "*" } else { " " };
        let label_style = if focused {
            theme::title()
        } else {
            theme::label()
        };
        let label = Line::from(vec![
            Span::styled(if focused { "▶ " } else { "  " }, theme::accent()),
            Span::styled(format!("{}{marker}", field.label), label_style),
        ]);
        frame.render_widget(
            Paragraph::new(widgets::fit_line(label, usize::from(label_width - 1))),
            Rect::new(inner.x, y, label_width, 1),
        );
        let input_area = Rect::new(
            inner.x + label_width,
            y,
            inner.width - label_width,
            heights[i] - u16::from(messages[i].is_some()),
        );
        draw_input(frame, input_area, field, focused);
        if let Some(m) = &messages[i] {
            let msg_area = Rect::new(
                inner.x + label_width,
                input_area.bottom(),
                input_area.width,
                1,
            );
            frame.render_widget(Paragraph::new(m.clone()), msg_area);
        }
        y += heights[i];
    }
}

/// The labels' column: `LABEL_WIDTH`, wider when a label needs it (up to a third of
/// the dialog, so the input keeps most of the room); a label still too long ends in `…`.
fn label_column(form: &Form, inner_width: u16) -> u16 {
    // The focus marker before a label, the required mark and one space after it.
    let needed = form
        .fields
        .iter()
        .map(|f| Line::from(f.label).width() + 4)
        .max()
        .unwrap_or(0);
    let needed = u16::try_from(needed).unwrap_or(u16::MAX);
    needed.clamp(LABEL_WIDTH, LABEL_WIDTH.max(inner_width / 3))
}

/// On the dialog's bottom border: when the draft was last kept, or that it could not be.
fn draw_draft_state(frame: &mut Frame, area: Rect, form: &Form, clock: crate::domain::Clock) {
    let span = if form.draft_failed && form.is_dirty() {
        Span::styled(text::draft_not_kept(), theme::error())
    } else if let Some(at) = &form.draft_saved_at {
        Span::styled(
            format!(
                "{} {}",
                text::draft_kept_at(),
                crate::ui::format::saved_time(clock, at)
            ),
            theme::muted(),
        )
    } else {
        return;
    };
    if area.width < 4 || area.height < 2 {
        return;
    }
    let line = Rect::new(area.x + 2, area.bottom() - 1, area.width - 4, 1);
    frame.render_widget(
        Paragraph::new(Line::from(vec![Span::raw(" "), span, Span::raw(" ")]))
            .alignment(ratatui::layout::Alignment::Right),
        line,
    );
}

fn draw_input(frame: &mut Frame, area: Rect, field: &Field, focused: bool) {
    match &field.kind {
        FieldKind::Text(input) | FieldKind::Lookup { input, .. } => {
            single_line(frame, area, input, focused)
        }
        FieldKind::Multiline(textarea) => {
            let block = Block::default()
                .borders(Borders::LEFT)
                .border_style(theme::muted());
            let text = block.inner(area);
            frame.render_widget(block, area);
            frame.render_widget(&**textarea, text);
        }
        FieldKind::Choice { options, selected } => {
            let style = if focused {
                theme::accent()
            } else {
                theme::label()
            };
            let line = Line::from(vec![
                Span::styled("◀ ", theme::muted()),
                Span::styled(options[*selected].1.clone(), style),
                Span::styled(" ▶", theme::muted()),
            ]);
            frame.render_widget(Paragraph::new(line), area);
        }
    }
}

/// One line of text, scrolled so the cursor stays visible.
fn single_line(frame: &mut Frame, area: Rect, input: &TextInput, focused: bool) {
    let width = area.width.saturating_sub(1) as usize;
    let before = input.before_cursor();
    let mut skip = 0;
    let mut shown_before = before;
    while shown_before.width() > width {
        let c = shown_before.chars().next().map_or(1, char::len_utf8);
        skip += c;
        shown_before = &before[skip..];
    }
    let visible = &input.value()[skip..];
    frame.render_widget(Paragraph::new(visible.to_string()), area);
    if focused {
        frame.set_cursor_position((area.x + shown_before.width() as u16, area.y));
    }
}
