//! A project's Information tab: the information log (what each supplier was given and
//! whether all have it) above the declared interests and prior involvement.

use super::widgets::TableRow;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};

use super::shown;
use super::{theme, widgets};
use crate::app::InformationView;
use crate::domain::TextEnum;
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, view: &InformationView) {
    // The interests take what they need (a few lines), the log the rest.
    let wanted = ((view.interests.len() + view.unreadable_interests.len()).max(1) + 3)
        .min(area.height as usize / 2) as u16;
    let [log_area, interests_area] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(wanted)]).areas(area);
    log(frame, log_area, view);
    interests(frame, interests_area, view);
}

fn log(frame: &mut Frame, area: Rect, view: &InformationView) {
    let only_some = view.items.iter().filter(|i| !i.everyone_has_it()).count();
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(
            " {} · {} ",
            text::information_log(),
            text::information_counts(view.items.len(), only_some)
        ),
        theme::title(),
    ));
    if view.log_len() == 0 {
        return widgets::empty(frame, area, block, text::information_empty());
    }
    let rows = view.items.iter().map(|item| {
        let names: Vec<&str> = item.recipients.iter().map(|r| r.name.as_str()).collect();
        let reach = match item.shared_on {
            Some(on) => Span::styled(
                text::info_shared_short(&on.to_string(), &item.shared_channel),
                theme::ok(),
            ),
            None => {
                let lacking: Vec<&str> = view
                    .suppliers
                    .iter()
                    .filter(|s| !item.recipients.iter().any(|r| r.id == s.id))
                    .map(|s| s.name.as_str())
                    .collect();
                Span::styled(text::info_lacking(&lacking.join(", ")), theme::error())
            }
        };
        let source = item
            .meeting_title
            .as_deref()
            .unwrap_or(item.origin.as_str());
        TableRow::new(vec![
            Span::styled(item.given_on.to_string(), theme::muted()),
            Span::raw(shown(&item.title)),
            Span::styled(
                if source.is_empty() {
                    item.channel.label().to_string()
                } else {
                    shown(source)
                },
                theme::muted(),
            ),
            Span::raw(shown(&names.join(", "))),
            reach,
        ])
    });
    // Entries that cannot be read follow the log's own (`app::unreadable`).
    let selected = (view.cursor.selected < view.log_len()).then_some(view.cursor.selected);
    let rows = rows.chain(widgets::unreadable_rows(&view.unreadable_items, 1));
    widgets::table(
        frame,
        area,
        block,
        &[
            text::field_given_on(),
            text::field_information(),
            text::field_channel(),
            text::field_given_to(),
            text::col_everyone(),
        ],
        rows.collect(),
        &[
            Constraint::Length(10),
            Constraint::Fill(4),
            Constraint::Fill(2),
            Constraint::Fill(3),
            Constraint::Fill(5),
        ],
        selected,
    );
}

fn interests(frame: &mut Frame, area: Rect, view: &InformationView) {
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(" {} · {} ", text::interests(), view.interests.len()),
        theme::title(),
    ));
    if view.interests.is_empty() && view.unreadable_interests.is_empty() {
        return widgets::empty(frame, area, block, text::interests_empty());
    }
    let rows = view.interests.iter().map(|i| {
        let measures = if i.measures.trim().is_empty() {
            Span::styled(text::no_measures(), theme::error())
        } else {
            Span::raw(shown(&i.measures))
        };
        TableRow::new(vec![
            Span::styled(
                i.declared_on.map(|d| d.to_string()).unwrap_or_default(),
                theme::muted(),
            ),
            Span::raw(shown(&i.who())),
            Span::styled(i.kind.label(), theme::muted()),
            Span::raw(shown(&i.description)),
            measures,
        ])
    });
    // Interests that cannot be read follow the others.
    let selected = view.cursor.selected.checked_sub(view.log_len());
    let rows = rows.chain(widgets::unreadable_rows(&view.unreadable_interests, 3));
    widgets::table(
        frame,
        area,
        block,
        &[
            text::field_declared_on(),
            text::col_who(),
            text::field_interest_kind(),
            text::field_description(),
            text::field_measures(),
        ],
        rows.collect(),
        &[
            Constraint::Length(10),
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Fill(3),
            Constraint::Fill(3),
        ],
        selected,
    );
}
