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
            super::filter_bar::count(d.organisations.len(), d.org_total)
        ),
        format!(
            "{} ({})",
            text::tab_people(),
            super::filter_bar::count(d.people.len(), d.person_total)
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
            if d.organisations.is_empty() && d.unreadable_organisations.is_empty() {
                let message =
                    super::filter_bar::empty_message(text::directory_empty(), d.org_total);
                return widgets::empty(frame, list_area, block, message);
            }
            // Rows only for the page the cursor is on; organisations that cannot be
            // read follow (`app::unreadable`).
            let len = d.organisations.len() + d.unreadable_organisations.len();
            let shown_rows = widgets::page(len, d.org_cursor.selected, list_area);
            let selected = d.org_cursor.selected - shown_rows.start;
            let (readable, unreadable) = widgets::split_page(
                d.organisations.len(),
                &d.unreadable_organisations,
                shown_rows,
                0,
            );
            let rows = d.organisations[readable].iter().map(|o| {
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
                rows.chain(unreadable).collect(),
                &[Constraint::Fill(2), Constraint::Length(22)],
                Some(selected),
            );
        }
        DirectoryTab::People => {
            if d.people.is_empty() {
                let message =
                    super::filter_bar::empty_message(text::directory_empty(), d.person_total);
                return widgets::empty(frame, list_area, block, message);
            }
            // E-mail addresses and phone numbers are never cut (a cut address looks
            // like another, valid one); on narrow screens the title column goes first.
            let wide = list_area.width >= 110;
            let longest = |f: fn(&crate::domain::Person) -> usize, min: usize| {
                d.people.iter().map(f).max().unwrap_or(0).max(min) as u16
            };
            let email_w = longest(|p| p.email.chars().count(), text::col_email().len());
            let phone_w = longest(|p| p.phone.chars().count(), text::col_phone().len());
            let name_w = longest(|p| p.name.chars().count(), text::col_name().len());
            // Rows only for the page the cursor is on (the widths above are of all,
            // so that they do not change from page to page).
            let shown_rows = widgets::page(d.people.len(), d.person_cursor.selected, list_area);
            let selected = d.person_cursor.selected - shown_rows.start;
            let rows = d.people[shown_rows].iter().map(|p| {
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
