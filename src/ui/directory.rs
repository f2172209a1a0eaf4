use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Row, Tabs};

use super::{theme, widgets};
use crate::app::{App, DirectoryTab};
use crate::domain::TextEnum;
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let d = &app.directory;
    let [tabs_area, list_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let titles = [
        format!("{} ({})", text::TAB_ORGANISATIONS, d.organisations.len()),
        format!("{} ({})", text::TAB_PEOPLE, d.people.len()),
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
            if d.organisations.is_empty() {
                return widgets::empty(frame, list_area, block, text::DIRECTORY_EMPTY);
            }
            let rows = d.organisations.iter().map(|o| {
                Row::new(vec![
                    Span::raw(o.name.clone()),
                    Span::styled(o.kind.label(), theme::muted()),
                ])
            });
            widgets::table(
                frame,
                list_area,
                block,
                &[text::COL_NAME, text::COL_KIND],
                rows.collect(),
                &[Constraint::Fill(2), Constraint::Length(22)],
                Some(d.org_cursor.selected),
            );
        }
        DirectoryTab::People => {
            if d.people.is_empty() {
                return widgets::empty(frame, list_area, block, text::DIRECTORY_EMPTY);
            }
            let rows = d.people.iter().map(|p| {
                Row::new(vec![
                    Span::raw(p.name.clone()),
                    Span::raw(p.organisation_name.clone().unwrap_or_default()),
                    Span::styled(p.title.clone(), theme::muted()),
                    Span::raw(p.email.clone()),
                    Span::raw(p.phone.clone()),
                ])
            });
            widgets::table(
                frame,
                list_area,
                block,
                &[
                    text::COL_NAME,
                    text::COL_ORGANISATION,
                    text::COL_ROLE,
                    text::COL_EMAIL,
                    text::COL_PHONE,
                ],
                rows.collect(),
                &[
                    Constraint::Fill(3),
                    Constraint::Fill(3),
                    Constraint::Fill(2),
                    Constraint::Fill(3),
                    Constraint::Length(13),
                ],
                Some(d.person_cursor.selected),
            );
        }
    }
}
