//! An organisation's page: its people, the projects it appears in, and every contact
//! (meetings its people were invited to, information it was given, declared interests):
//! the record of supplier contacts the documentation duty asks for.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::shown;
use super::{format, theme};
use crate::app::App;
use crate::domain::TextEnum;
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(state) = &app.org_page else { return };
    let page = &state.page;
    let org = &page.organisation;
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(" {} · {} ", shown(&org.name), org.kind.label()),
        theme::title(),
    ));
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut section = |title: &str, count: usize, rows: Vec<Line<'static>>| {
        lines.push(Line::from(Span::styled(
            format!("{title} ({count})"),
            theme::label(),
        )));
        if rows.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("  {}", text::org_page_none()),
                theme::muted(),
            )));
        }
        lines.extend(rows);
        lines.push(Line::default());
    };
    section(
        text::tab_people(),
        page.people.len(),
        page.people
            .iter()
            .map(|p| {
                let contact: Vec<&str> = [p.title.as_str(), p.email.as_str(), p.phone.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect();
                Line::from(vec![
                    Span::raw(format!("  {}", shown(&p.name))),
                    Span::styled(format!("  {}", shown(&contact.join(" · "))), theme::muted()),
                ])
            })
            .collect(),
    );
    section(
        text::org_page_projects(),
        page.projects.len(),
        page.projects
            .iter()
            .map(|p| {
                let role = if p.buyer { text::org_page_buyer() } else { "" };
                Line::from(vec![
                    Span::raw(format!("  {} {}", shown(&p.code), shown(&p.title))),
                    Span::styled(format!("  {role}"), theme::muted()),
                ])
            })
            .collect(),
    );
    let clock = app.clock();
    section(
        text::org_page_meetings(),
        page.meetings.len(),
        page.meetings
            .iter()
            .map(|m| {
                Line::from(vec![
                    Span::styled(
                        format!("  {}  ", format::local_datetime(clock, &m.start_at)),
                        theme::muted(),
                    ),
                    Span::raw(format!("{} {}", shown(&m.project_code), shown(&m.title))),
                    Span::styled(
                        format!(
                            " · {} · {} · {}",
                            m.kind.label(),
                            m.status.label(),
                            shown(&m.people)
                        ),
                        theme::muted(),
                    ),
                ])
            })
            .collect(),
    );
    section(
        text::information_log(),
        page.information.len(),
        page.information
            .iter()
            .map(|i| {
                let reach = match i.shared_on {
                    Some(on) => text::info_everyone(&on.to_string(), &i.shared_channel),
                    None => text::info_only_some(""),
                };
                Line::from(vec![
                    Span::styled(format!("  {}  ", i.given_on), theme::muted()),
                    Span::raw(format!("{} {}", shown(&i.project_code), shown(&i.title))),
                    Span::styled(format!(" · {}", shown(&reach)), theme::muted()),
                ])
            })
            .collect(),
    );
    section(
        text::interests(),
        page.interests.len(),
        page.interests
            .iter()
            .map(|i| {
                Line::from(vec![
                    Span::raw(format!("  {} {}", shown(&i.project_code), i.kind.label())),
                    Span::styled(format!(" · {}", shown(&i.description)), theme::muted()),
                ])
            })
            .collect(),
    );
    let scroll = state.scroll.selected as u16;
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}
