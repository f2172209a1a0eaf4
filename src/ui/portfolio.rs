use super::widgets::TableRow;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{format, theme, widgets};
use crate::app::App;
use crate::domain::{ProjectFigures, TextEnum, review_age};
use crate::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let p = &app.portfolio;
    if !p.has_any {
        return welcome(frame, area);
    }
    let [today_area, list_area] =
        Layout::vertical([Constraint::Length(TODAY_LINES), Constraint::Min(1)]).areas(area);
    today_strip(frame, today_area, app);
    let list_area = super::filter_bar::above(frame, list_area, app);

    let arrow = if p.filter.descending { "↓" } else { "↑" };
    let title = Line::from(vec![
        Span::styled(format!(" {} ", text::view_portfolio()), theme::title()),
        Span::styled(
            format!(
                "· {} · {}: {} {arrow} ",
                super::filter_bar::count(p.len(), p.total),
                text::portfolio_sort(),
                p.filter.sort.label().to_lowercase()
            ),
            theme::muted(),
        ),
    ]);
    let block = Block::default().borders(Borders::TOP).title(title);
    if p.is_empty() {
        return widgets::empty(frame, list_area, block, text::portfolio_no_match());
    }
    // The buyer, phase and status need 120 columns beside a readable title.
    let wide = area.width >= 120;
    // The page of the whole list that holds the cursor, of which the window holds the
    // rows (`app::window`); a row that cannot be read keeps its place in the order.
    let page = widgets::page(p.len(), p.cursor.selected, list_area);
    let window = p.window.range();
    let shown = page.start.max(window.start)..page.end.min(window.end);
    let selected = p.cursor.selected.saturating_sub(shown.start);
    let rows = shown.clone().filter_map(|i| p.window.get(i)).map(|paged| {
        let Some(r) = &paged.row else {
            return widgets::unreadable_row(paged.id(), 1);
        };
        let figures = figure_cells(app, p.figures.get(&r.id), wide);
        let mut cells = vec![
            Span::styled(super::shown(&r.code), theme::accent()),
            Span::raw(super::shown(&r.title)),
        ];
        if wide {
            cells.push(Span::raw(super::shown(
                r.buyer_name.as_deref().unwrap_or_default(),
            )));
            cells.push(Span::raw(r.phase.label()));
            cells.push(Span::raw(r.status.label()));
        }
        cells.extend(figures);
        TableRow::new(cells)
    });
    let code_width = p.rows().map(|r| r.code.len()).max().unwrap_or(4).max(4) as u16;
    // Below 120 columns the code and title keep their room and the figures follow;
    // from 120 the buyer, phase and status come back.
    let (widths, header): (Vec<Constraint>, Vec<&str>) = if wide {
        (
            vec![
                Constraint::Length(code_width),
                Constraint::Fill(3),
                Constraint::Fill(1),
                Constraint::Length(16),
                Constraint::Length(9),
                Constraint::Length(16),
                Constraint::Length(4),
                Constraint::Length(5),
                Constraint::Length(4),
            ],
            vec![
                text::col_code(),
                text::col_title(),
                text::col_buyer(),
                text::col_phase(),
                text::col_status(),
                text::col_next_meeting(),
                text::col_overdue_short(),
                text::col_needs_short(),
                text::col_reviewed_short(),
            ],
        )
    } else {
        (
            vec![
                Constraint::Length(code_width),
                Constraint::Fill(1),
                Constraint::Length(11),
                Constraint::Length(4),
                Constraint::Length(5),
                Constraint::Length(4),
            ],
            vec![
                text::col_code(),
                text::col_title(),
                text::col_next_short(),
                text::col_overdue_short(),
                text::col_needs_short(),
                text::col_reviewed_short(),
            ],
        )
    };
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

/// Next meeting, overdue actions, open needs and days since review; "…" while a row's
/// figures are not loaded (never on screen: they are loaded around the cursor).
fn figure_cells(app: &App, f: Option<&ProjectFigures>, wide: bool) -> Vec<Span<'static>> {
    let Some(f) = f else {
        return vec![Span::styled("…", theme::muted()); 4];
    };
    let clock = app.clock();
    let next = f.next_meeting.as_deref().map_or_else(
        || Span::styled(text::not_set(), theme::muted()),
        |t| {
            let local = format::local_datetime(clock, t);
            // At 80 columns "11-30 09:00": the year is this one or the next.
            let shown = if wide {
                local
            } else {
                local.get(5..).unwrap_or(&local).to_string()
            };
            Span::raw(shown)
        },
    );
    let count = |n: usize, style: ratatui::style::Style| {
        if n == 0 {
            Span::styled("0", theme::muted())
        } else {
            Span::styled(n.to_string(), style)
        }
    };
    let last = f
        .last_reviewed_at
        .as_deref()
        .and_then(|t| chrono::NaiveDate::parse_from_str(&clock.local_date(t), "%Y-%m-%d").ok());
    let age = review_age(last, clock.today(), app.thresholds);
    let review_style = if age.is_stale() {
        theme::error()
    } else {
        theme::muted()
    };
    let review = Span::styled(
        age.days()
            .map_or_else(|| text::not_set().to_string(), |d| format!("{d}d")),
        review_style,
    );
    vec![
        next,
        count(f.overdue_actions, theme::error()),
        count(f.open_needs, ratatui::style::Style::new()),
        review,
    ]
}

/// Two lines above the list: today's meetings across projects, and what is overdue.
fn today_strip(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.portfolio.today;
    let clock = app.clock();
    let mut first = vec![Span::styled(
        format!(" {:<7}", text::today_title()),
        theme::title(),
    )];
    if t.meetings.is_empty() {
        first.push(Span::styled(text::today_no_meetings(), theme::muted()));
    }
    for (i, m) in t.meetings.iter().enumerate() {
        if i > 0 {
            first.push(Span::styled(" · ", theme::muted()));
        }
        let time = format::local_datetime(clock, &m.start_at);
        first.push(Span::styled(
            time.get(11..).unwrap_or(&time).to_string(),
            theme::muted(),
        ));
        first.push(Span::styled(
            format!(" {}", m.project_code),
            theme::accent(),
        ));
        first.push(Span::raw(format!(" {}", m.title)));
    }
    if t.meetings_total > t.meetings.len() {
        first.push(Span::styled(
            format!(
                " · {}",
                text::more_lines(t.meetings_total - t.meetings.len())
            ),
            theme::muted(),
        ));
    }
    let overdue = text::today_overdue(t.overdue_actions, t.slipped_milestones);
    let style = if t.overdue_actions + t.slipped_milestones > 0 {
        theme::error()
    } else {
        theme::ok()
    };
    let second = Line::from(vec![
        Span::raw(format!(" {:<7}", "")),
        Span::styled(overdue, style),
    ]);
    frame.render_widget(Paragraph::new(vec![Line::from(first), second]), area);
}

/// Rows of projects in a body `height` lines high: the layout of `draw`.
pub(super) fn list_rows(app: &App, height: u16) -> usize {
    // The today strip, the filter line, the list's title and its header row.
    let around = TODAY_LINES + super::filter_bar::height(app) + 2;
    height.saturating_sub(around).max(1) as usize
}

/// Lines of the "today" strip above the list.
const TODAY_LINES: u16 = 2;

fn welcome(frame: &mut Frame, area: Rect) {
    let width = 74;
    let welcome_lines = text::welcome_lines();
    let height = welcome_lines.len() as u16 + 4;
    let rect = widgets::centered(area, width, height);
    let inner = widgets::dialog(frame, rect, text::welcome_title());
    let lines: Vec<Line> = welcome_lines.into_iter().map(Line::from).collect();
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
