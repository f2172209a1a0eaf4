use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row};

use super::{format, theme, widgets};
use crate::app::App;
use crate::domain::TextEnum;
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let p = &app.portfolio;
    if !p.has_any {
        return welcome(frame, area);
    }
    let filtering = p.filter_input.is_some() || !p.filter.text.is_empty();
    let [filter_area, list_area] =
        Layout::vertical([Constraint::Length(u16::from(filtering)), Constraint::Min(1)])
            .areas(area);

    if filtering {
        widgets::filter_line(frame, filter_area, p.filter_input.as_ref(), &p.filter.text);
    }

    let arrow = if p.filter.descending { "↓" } else { "↑" };
    let status = p
        .filter
        .status
        .map_or(text::PORTFOLIO_STATUS_ALL, |s| s.label());
    let title = Line::from(vec![
        Span::styled(format!(" {} ", text::VIEW_PORTFOLIO), theme::title()),
        Span::styled(
            format!(
                "· {} · {}: {} {arrow} · {status} ",
                p.rows.len(),
                text::PORTFOLIO_SORT,
                p.filter.sort.label().to_lowercase()
            ),
            theme::muted(),
        ),
    ]);
    let block = Block::default().borders(Borders::TOP).title(title);
    if p.rows.is_empty() {
        return widgets::empty(frame, list_area, block, text::PORTFOLIO_NO_MATCH);
    }
    let wide = area.width >= 100;
    let shown = widgets::page(p.rows.len(), p.cursor.selected, list_area);
    let selected = p.cursor.selected - shown.start;
    let rows = p.rows[shown].iter().map(|r| {
        let updated = if wide {
            format::local_datetime(app.clock(), &r.updated_at)
        } else {
            format::local_date(app.clock(), &r.updated_at)
        };
        Row::new(vec![
            Span::styled(super::shown(&r.code), theme::accent()),
            Span::raw(super::shown(&r.title)),
            Span::raw(super::shown(r.buyer_name.as_deref().unwrap_or_default())),
            Span::raw(r.phase.label()),
            Span::raw(r.status.label()),
            Span::styled(updated, theme::muted()),
        ])
    });
    let code_width = p
        .rows
        .iter()
        .map(|r| r.code.len())
        .max()
        .unwrap_or(4)
        .max(4) as u16;
    let widths = [
        Constraint::Length(code_width),
        Constraint::Fill(3),
        Constraint::Fill(2),
        Constraint::Length(18),
        Constraint::Length(9),
        Constraint::Length(if wide { 16 } else { 10 }),
    ];
    widgets::table(
        frame,
        list_area,
        block,
        &[
            text::COL_CODE,
            text::COL_TITLE,
            text::COL_BUYER,
            text::COL_PHASE,
            text::COL_STATUS,
            text::COL_UPDATED,
        ],
        rows.collect(),
        &widths,
        Some(selected),
    );
}

fn welcome(frame: &mut Frame, area: Rect) {
    let width = 74;
    let height = text::WELCOME_LINES.len() as u16 + 4;
    let rect = widgets::centered(area, width, height);
    let inner = widgets::dialog(frame, rect, text::WELCOME_TITLE);
    let lines: Vec<Line> = text::WELCOME_LINES.iter().map(|l| Line::from(*l)).collect();
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .block(
                ratatui::widgets::Block::default()
                    .padding(ratatui::widgets::Padding::horizontal(1)),
            ),
        inner,
    );
}
