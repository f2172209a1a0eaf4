use super::widgets::TableRow;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Tabs};

use super::shown;
use super::{theme, widgets};
use crate::app::{App, DirectoryTab};
use crate::domain::TextEnum;
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let d = &app.directory;
    let [tabs_area, list_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let list_area = super::filter_bar::above(frame, list_area, app);
    let titles = [
        format!(
            "{} ({})",
            text::tab_organisations(),
            super::filter_bar::count(d.organisations.count, d.org_total)
        ),
        format!(
            "{} ({})",
            text::tab_people(),
            super::filter_bar::count(d.people.count, d.person_total)
        ),
    ];
    let selected = match d.tab {
        DirectoryTab::Organisations => 0,
        DirectoryTab::People => 1,
    };
    frame.render_widget(
        Tabs::new(titles.map(Line::from))
            .select(selected)
            .highlight_style(theme::current()),
        tabs_area,
    );
    let block = Block::default().borders(Borders::TOP);
    match d.tab {
        DirectoryTab::Organisations => {
            if d.organisations.count == 0 {
                let message =
                    super::filter_bar::empty_message(text::directory_empty(), d.org_total);
                return widgets::empty(frame, list_area, block, message);
            }
            // Rows only for the page the cursor is on, of which the window holds the
            // rows (`app::window`); an organisation that cannot be read keeps its place
            // (`app::unreadable`).
            let (shown_rows, selected) =
                widgets::window_page(&d.organisations, d.org_cursor.selected, list_area);
            let rows = shown_rows
                .filter_map(|i| d.organisations.get(i))
                .map(|paged| {
                    let Some(o) = &paged.row else {
                        return widgets::unreadable_row(paged.id(), 0);
                    };
                    TableRow::new(vec![
                        Span::raw(shown(&o.name)),
                        Span::styled(o.kind.label(), theme::muted()),
                    ])
                });
            widgets::table(
                frame,
                list_area,
                block,
                &[text::col_name(), text::col_kind()],
                rows.collect(),
                &[Constraint::Fill(2), Constraint::Length(22)],
                Some(selected),
            );
        }
        DirectoryTab::People => {
            if d.people.count == 0 {
                let message =
                    super::filter_bar::empty_message(text::directory_empty(), d.person_total);
                return widgets::empty(frame, list_area, block, message);
            }
            // E-mail addresses and phone numbers are never cut (a cut address looks
            // like another, valid one); on narrow screens the title column goes first.
            // The widths are of all the people the filter shows (counted in SQL), so
            // that they do not change from page to page.
            let wide = list_area.width >= 110;
            let w = d.people_widths;
            let width = |n: usize, min: &str| n.max(min.len()) as u16;
            let email_w = width(w.email, text::col_email());
            let phone_w = width(w.phone, text::col_phone());
            let name_w = width(w.name, text::col_name());
            let (shown_rows, selected) =
                widgets::window_page(&d.people, d.person_cursor.selected, list_area);
            let rows = shown_rows.filter_map(|i| d.people.get(i)).map(|paged| {
                let Some(p) = &paged.row else {
                    return widgets::unreadable_row(paged.id(), 0);
                };
                let mut cells = vec![
                    Span::raw(shown(&p.name)),
                    Span::raw(shown(p.organisation_name.as_deref().unwrap_or_default())),
                ];
                if wide {
                    cells.push(Span::styled(shown(&p.title), theme::muted()));
                }
                cells.push(Span::raw(shown(&p.email)));
                cells.push(Span::raw(shown(&p.phone)));
                TableRow::new(cells)
            });
            let mut header = vec![text::col_name(), text::col_organisation()];
            let mut widths = vec![Constraint::Length(name_w), Constraint::Fill(2)];
            if wide {
                header.push(text::col_role());
                widths.push(Constraint::Fill(1));
            }
            header.extend([text::col_email(), text::col_phone()]);
            widths.extend([Constraint::Length(email_w), Constraint::Length(phone_w)]);
            widgets::table(
                frame,
                list_area,
                block,
                &header,
                rows.collect(),
                &widths,
                Some(selected),
            );
        }
    }
}
