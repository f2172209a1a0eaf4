//! Rendering only: one file per screen plus shared pieces. Reads `App`, never the store.

mod actions;
mod agenda;
mod attention;
mod directory;
mod filter_bar;
mod form;
mod format;
mod full_view;
mod information;
mod meeting;
mod meetings;
mod need;
mod needs;
mod notes;
mod org_page;
mod overlays;
mod palette;
mod portfolio;
mod project;
mod registers;
mod rounds;
mod search;
pub mod theme;
mod trash;
mod widgets;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{AgendaMode, App, DirectoryTab, Overlay, Screen, StatusKind};
use crate::domain::visible::bidi_name;
use crate::text;

/// The header, read-only banner, screen body, status line and footer.
fn regions(app: &App, area: Rect) -> [Rect; 5] {
    let read_only = app.store.is_read_only();
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(read_only)),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// Where the note editor's text goes on a terminal of `area`, while it is open (the
/// terminal loop fits the editor's view to it before each frame).
pub fn editor_text_area(app: &App, area: Rect) -> Option<Rect> {
    let editor = app.editor.as_ref()?;
    Some(notes::editor_text(regions(app, area)[2], editor))
}

pub fn draw(frame: &mut Frame, app: &App) {
    let read_only = app.store.is_read_only();
    let [header, banner, body, status, footer] = regions(app, frame.area());

    draw_header(frame, header, app);
    if read_only {
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                format!(" {}", text::banner_read_only()),
                theme::error(),
            ))),
            banner,
        );
    }
    match app.screen() {
        Screen::Portfolio => portfolio::draw(frame, body, app),
        Screen::Project { .. } => project::draw(frame, body, app),
        Screen::Meeting { .. } => meeting::draw(frame, body, app),
        Screen::Need { .. } => need::draw(frame, body, app),
        Screen::ReviewSummary => {
            if let Some(review) = &app.review {
                attention::summary(frame, body, review)
            }
        }
        Screen::Lessons => registers::library(frame, body, app, &app.library),
        Screen::Actions => actions::draw(frame, body, app),
        Screen::Agenda => agenda::draw(frame, body, app),
        Screen::Directory => directory::draw(frame, body, app),
        Screen::Organisation { .. } => org_page::draw(frame, body, app),
        Screen::Trash => trash::draw(frame, body, app),
        Screen::Rounds { .. } => rounds::draw(frame, body, app),
    }
    if let Some(editor) = &app.editor {
        notes::editor(frame, body, app, editor);
    }
    if let Some(form) = &app.form {
        form::draw(frame, body, form, app.clock());
    }
    draw_status(frame, status, app);
    draw_footer(frame, footer, app);
    match &app.overlay {
        Some(Overlay::Help { context, scroll }) => {
            overlays::help(frame, frame.area(), app, *context, *scroll)
        }
        Some(Overlay::Confirm { message, .. }) => overlays::confirm(frame, frame.area(), message),
        Some(Overlay::Pick(pick)) => overlays::pick(frame, frame.area(), pick),
        Some(Overlay::Conflict(conflict)) => overlays::conflict(frame, frame.area(), app, conflict),
        Some(Overlay::Search(state)) => search::draw(frame, body, state),
        Some(Overlay::Palette(state)) => palette::draw(frame, body, state),
        Some(Overlay::FullView(view)) => full_view::draw(frame, body, view),
        None => {}
    }
    contain_bidi(frame.buffer_mut());
}

/// Stored text as the screen shows it: each bidirectional control (U+202A–U+202E,
/// U+2066–U+2069, the marks) named, `⟨RLO⟩`, so that it is seen for what it is instead
/// of reordering the line. Every screen passes stored text through this; text typed in
/// an editor or form field is left as typed (the cursor must match it), and
/// `contain_bidi` keeps any control that reaches a frame from the terminal.
pub(crate) fn shown(s: &str) -> String {
    crate::domain::visible::bidi_named(s).into_owned()
}

/// How many project rows the portfolio shows on a terminal `height` lines high (the
/// app loads the dashboard's figures for that many rows around the cursor).
pub fn portfolio_rows(app: &App, height: u16) -> usize {
    // Header, status line, footer, and the read-only banner if shown.
    let chrome = 3 + u16::from(app.store.is_read_only());
    portfolio::list_rows(app, height.saturating_sub(chrome))
}

/// The last step of every frame: bidirectional controls (an RLO in a stored title)
/// never reach the terminal, whichever widget drew them. They have no width, so ratatui
/// keeps them with the character before; they are taken out of that cell, and the cell
/// is shown reversed so that their presence stays visible (`tidig list` names them, see
/// `domain::visible`). Other control characters are already dropped by ratatui.
fn contain_bidi(buffer: &mut ratatui::buffer::Buffer) {
    for cell in &mut buffer.content {
        let symbol = cell.symbol();
        if symbol.chars().any(|c| bidi_name(c).is_some()) {
            let kept: String = symbol.chars().filter(|&c| bidi_name(c).is_none()).collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
            cell.modifier.insert(ratatui::style::Modifier::REVERSED);
        }
    }
}

/// "Portfolio › NORR-24 › Time plan", from the navigation stack.
pub fn breadcrumb(app: &App) -> Vec<String> {
    let mut parts = Vec::new();
    for screen in &app.nav {
        match screen {
            Screen::Portfolio => parts.push(text::view_portfolio().to_string()),
            Screen::Project { .. } => {
                if let Some(p) = &app.project {
                    if let Some(r) = &app.review
                        && r.current() == Some(p.project.id)
                    {
                        parts.push(text::review_position(r.at + 1, r.projects.len()));
                    }
                    parts.push(shown(&p.project.code));
                    parts.push(p.tab.title().to_string());
                }
            }
            Screen::Meeting { .. } => {
                if let Some(m) = &app.meeting {
                    parts.push(shown(&m.meeting.title));
                    parts.push(m.tab.title().to_string());
                }
            }
            Screen::Need { .. } => {
                if let Some(n) = &app.need {
                    parts.push(shown(&n.need.code));
                }
            }
            Screen::ReviewSummary => parts.push(text::review_summary().to_string()),
            Screen::Lessons => parts.push(text::view_lessons().to_string()),
            Screen::Actions => parts.push(text::view_actions().to_string()),
            Screen::Agenda => parts.push(
                match app.agenda.mode {
                    AgendaMode::List => text::view_agenda(),
                    AgendaMode::Week => text::view_week(),
                }
                .to_string(),
            ),
            Screen::Directory => {
                parts.push(text::view_directory().to_string());
                parts.push(
                    match app.directory.tab {
                        DirectoryTab::Organisations => text::tab_organisations(),
                        DirectoryTab::People => text::tab_people(),
                    }
                    .to_string(),
                );
            }
            Screen::Trash => parts.push(text::view_trash().to_string()),
            Screen::Organisation { .. } => {
                if let Some(p) = &app.org_page {
                    parts.push(shown(&p.page.organisation.name));
                }
            }
            Screen::Rounds { .. } => parts.push(text::view_rounds().to_string()),
        }
    }
    if let Some(form) = &app.form {
        parts.push(shown(&form.title));
    }
    parts
}

fn draw_header(frame: &mut Frame, area: Rect, app: &App) {
    let views = [
        ("1", text::view_portfolio(), Screen::Portfolio),
        ("2", text::view_agenda(), Screen::Agenda),
        ("3", text::view_actions(), Screen::Actions),
        ("4", text::tab_lessons(), Screen::Lessons),
        ("5", text::view_directory(), Screen::Directory),
        ("6", text::view_trash(), Screen::Trash),
    ];
    let mut right = Vec::new();
    for (key, name, screen) in views {
        let active = app.nav.first() == Some(&screen);
        right.push(Span::styled(key, theme::key()));
        let style = if active {
            theme::title()
        } else {
            theme::muted()
        };
        right.push(Span::styled(format!(" {name}  "), style));
    }
    let views = Line::from(right).right_aligned();

    // The end of the breadcrumb (where you are) matters most: when it does not fit, the
    // top-level views go first, then the leading crumbs give way to "…".
    let app_name = format!(" {} ", text::app_name());
    let mut crumbs = breadcrumb(app);
    let width_of = |crumbs: &[String], cut: bool| -> usize {
        let joined: usize = crumbs.iter().map(|c| c.chars().count() + 3).sum();
        app_name.chars().count() + 1 + joined + if cut { 4 } else { 0 }
    };
    let show_views = width_of(&crumbs, false) + views.width() <= area.width as usize;
    let mut cut = false;
    while crumbs.len() > 1 && width_of(&crumbs, cut) > area.width as usize {
        crumbs.remove(0);
        cut = true;
    }
    let mut spans = vec![Span::styled(app_name, theme::current()), Span::raw(" ")];
    if cut {
        spans.push(Span::styled("… › ", theme::muted()));
    }
    for (i, c) in crumbs.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" › ", theme::muted()));
        }
        let style = if i + 1 == crumbs.len() {
            theme::title()
        } else {
            theme::label()
        };
        spans.push(Span::styled(c.clone(), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if show_views {
        frame.render_widget(Paragraph::new(views), area);
    }
}

fn draw_status(frame: &mut Frame, area: Rect, app: &App) {
    if let Some(msg) = &app.status {
        let style = match msg.kind {
            StatusKind::Info => theme::ok(),
            StatusKind::Error => theme::error(),
        };
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                format!(" {}", shown(&msg.text)),
                style,
            ))),
            area,
        );
    }
}

/// The screen's own keys on the left; help and quit always visible on the right.
fn draw_footer(frame: &mut Frame, area: Rect, app: &App) {
    let context = app.context();
    let hint = |key: String, what: &'static str| {
        vec![
            Span::styled(key, theme::key()),
            Span::raw(format!(" {what}")),
        ]
    };
    let separator = || Span::styled(" · ", theme::muted());
    let mut pairs = app.keymap.footer(context);
    let global = pairs.split_off(app.keymap.footer_own_len(context).min(pairs.len()));

    let mut right = Vec::new();
    for (i, (key, what)) in global.into_iter().enumerate() {
        if i > 0 {
            right.push(separator());
        }
        right.extend(hint(key, what));
    }
    let right = Line::from(right);
    let right_width = right.width() as u16 + 1;
    let [left_area, right_area] = Layout::horizontal([
        Constraint::Min(0),
        Constraint::Length(right_width.min(area.width)),
    ])
    .areas(area);

    // Whole hints only: a key without its description helps nobody. A cut list ends "…".
    let room = left_area.width as usize;
    let mut left = vec![Span::raw(" ")];
    let mut width = 1;
    let count = pairs.len();
    for (i, (key, what)) in pairs.into_iter().enumerate() {
        let mut spans = if i > 0 { vec![separator()] } else { Vec::new() };
        spans.extend(hint(key, what));
        let w: usize = spans.iter().map(Span::width).sum();
        // Room for " …" after a hint that is not the last; the last keeps a column
        // free, so that it never runs into the keys on the right.
        let reserve = if i + 1 < count { 2 } else { 1 };
        if width + w + reserve > room {
            left.push(Span::styled(" …", theme::muted()));
            break;
        }
        width += w;
        left.extend(spans);
    }
    frame.render_widget(Paragraph::new(Line::from(left)), left_area);
    frame.render_widget(Paragraph::new(right.right_aligned()), right_area);
}

#[cfg(test)]
mod bidi_tests {
    use ratatui::buffer::Buffer;
    use ratatui::style::Modifier;
    use ratatui::widgets::Widget;

    use super::*;

    #[test]
    fn bidi_controls_leave_the_frame_and_mark_their_cell() {
        let area = Rect::new(0, 0, 8, 1);
        let mut buffer = Buffer::empty(area);
        // A span keeps zero-width characters with the cell before (a paragraph drops
        // them); either way none may reach the terminal.
        Span::raw("ab\u{202E}cd\u{2066}").render(area, &mut buffer);
        contain_bidi(&mut buffer);
        let symbols: String = buffer.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(symbols, "abcd    ");
        let reversed: Vec<bool> = buffer
            .content
            .iter()
            .map(|c| c.modifier.contains(Modifier::REVERSED))
            .collect();
        // The controls travel with the character before them: "b" and "d".
        assert_eq!(
            reversed,
            [false, true, false, true, false, false, false, false]
        );
    }
}
