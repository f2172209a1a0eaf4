//! A project's attention tab (phase track, review age, needs charts and what needs
//! doing) and review mode's closing summary.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Borders, Paragraph};

use super::{format, theme};
use crate::app::{App, ProjectState, ReviewState};
use crate::domain::{
    AttentionLine, LineDetail, LineWhen, NeedStatus, Phase, Priority, SectionKind, TextEnum,
    review_age,
};
use crate::text;

/// Width of the left column (track, review, charts).
const LEFT: u16 = 28;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, state: &ProjectState) {
    let [left, right] =
        Layout::horizontal([Constraint::Length(LEFT), Constraint::Min(20)]).areas(area);
    summary_column(frame, left, app, state);
    lines(frame, right, app, state);
}

fn summary_column(frame: &mut Frame, area: Rect, app: &App, state: &ProjectState) {
    let block = Block::default()
        .borders(Borders::TOP | Borders::RIGHT)
        .border_style(theme::muted())
        .title(Span::styled(
            format!(" {} ", text::phase_track()),
            theme::title(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let needs = &state.attention.data.needs;
    let statuses: Vec<(NeedStatus, u64)> = needs
        .by_status
        .iter()
        .filter(|(s, _)| *s != NeedStatus::Merged)
        .map(|(s, n)| (*s, *n as u64))
        .collect();
    let priorities: Vec<(Option<Priority>, u64)> = needs
        .by_priority
        .iter()
        .filter(|(p, n)| p.is_some() || *n > 0)
        .map(|(p, n)| (*p, *n as u64))
        .collect();
    let charts_height = if needs.total == 0 {
        2
    } else {
        statuses.len() as u16 + priorities.len() as u16 + 2
    };
    // The whole track when there is room for it and the charts, else one line.
    let full_track = inner.height >= Phase::ALL.len() as u16 + 2 + charts_height;
    let track_height = if full_track {
        Phase::ALL.len() as u16
    } else {
        2
    };
    let [track_area, review_area, charts_area] = Layout::vertical([
        Constraint::Length(track_height),
        Constraint::Length(2),
        Constraint::Min(0),
    ])
    .areas(inner);

    let current = state.project.phase;
    let track = if full_track {
        super::project::phase_track(current, track_area.width)
    } else {
        compact_track(current)
    };
    frame.render_widget(Paragraph::new(track), track_area);

    let clock = app.clock();
    let last = state
        .attention
        .data
        .last_reviewed_at
        .as_deref()
        .and_then(|t| chrono::NaiveDate::parse_from_str(&clock.local_date(t), "%Y-%m-%d").ok());
    let age = review_age(last, clock.today(), app.thresholds);
    let style = if age.is_stale() {
        theme::error()
    } else {
        theme::ok()
    };
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!(" {}", text::reviewed_ago(age)),
            style,
        )))
        .wrap(ratatui::widgets::Wrap { trim: false }),
        review_area,
    );

    if needs.total == 0 {
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                format!(" {}", text::attention_no_needs()),
                theme::muted(),
            ))),
            charts_area,
        );
        return;
    }
    let [status_title, status_area, priority_title, priority_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(statuses.len() as u16),
        Constraint::Length(1),
        Constraint::Length(priorities.len() as u16),
    ])
    .areas(charts_area);
    heading(frame, status_title, text::attention_needs_by_status());
    chart(
        frame,
        status_area,
        statuses.iter().map(|(s, n)| (s.label(), *n)).collect(),
    );
    heading(frame, priority_title, text::attention_needs_by_priority());
    chart(
        frame,
        priority_area,
        priorities
            .iter()
            .map(|(p, n)| (p.map_or(text::attention_priority_none(), |p| p.label()), *n))
            .collect(),
    );
}

fn heading(frame: &mut Frame, area: Rect, title: &str) {
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!(" {title}"),
            theme::label(),
        ))),
        area,
    );
}

/// Horizontal bars, one line each: label, bar, count.
fn chart(frame: &mut Frame, area: Rect, bars: Vec<(&'static str, u64)>) {
    let label_width = 11;
    let bars: Vec<Bar> = bars
        .into_iter()
        .map(|(label, n)| {
            let label: String = label.chars().take(label_width).collect();
            Bar::with_label(format!(" {label:<label_width$}"), n)
                .text_value(n.to_string())
                .style(theme::accent())
                .value_style(theme::title().reversed())
        })
        .collect();
    frame.render_widget(BarChart::horizontal(bars).bar_gap(0).bar_width(1), area);
}

/// The phase as one line and the twelve as dots: `▶ 4/12 Early dialogue`, `✓✓✓▶········`.
fn compact_track(current: Phase) -> Vec<Line<'static>> {
    let marks: Vec<Span> = Phase::ALL
        .iter()
        .map(|&phase| {
            if phase == current {
                Span::styled("▶", theme::current())
            } else if phase < current {
                Span::styled("✓", theme::ok())
            } else {
                Span::styled("·", theme::muted())
            }
        })
        .collect();
    vec![
        Line::from(Span::styled(
            format!(
                " {}/{} {}",
                current.index() + 1,
                Phase::ALL.len(),
                current.label()
            ),
            theme::accent(),
        )),
        Line::from([vec![Span::raw(" ")], marks].concat()),
    ]
}

/// The sections, their lines (the cursor's rows) and "+n more" where a section has
/// more than its page.
fn lines(frame: &mut Frame, area: Rect, app: &App, state: &ProjectState) {
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(" {} ", text::tab_attention()),
        theme::title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let data = &state.attention.data;
    if data.sections.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                format!(" {}", text::attention_nothing()),
                theme::ok(),
            ))),
            inner,
        );
        return;
    }
    let clock = app.clock();
    let selected = state.attention.cursor.selected;
    let mut out: Vec<Line> = Vec::new();
    let mut selected_row = 0;
    let mut index = 0;
    for section in &data.sections {
        if !out.is_empty() {
            out.push(Line::default());
        }
        let mut heading = vec![Span::styled(
            format!(" {}", text::attention_section(section.kind, section.total)),
            theme::label(),
        )];
        if section.kind == SectionKind::Actions && data.overdue_actions > 0 {
            heading.push(Span::styled(
                format!(" · {}", text::overdue_count(data.overdue_actions)),
                theme::error(),
            ));
        }
        out.push(Line::from(heading));
        for l in &section.lines {
            let is_selected = index == selected;
            if is_selected {
                selected_row = out.len();
            }
            out.push(line(l, clock, is_selected, inner.width));
            index += 1;
        }
        if section.total > section.lines.len() {
            out.push(Line::from(Span::styled(
                format!(
                    "   {}",
                    text::more_lines(section.total - section.lines.len())
                ),
                theme::muted(),
            )));
        }
    }
    // Keep the selected line in view.
    let height = inner.height as usize;
    let scroll = (selected_row + 1).saturating_sub(height);
    frame.render_widget(Paragraph::new(out).scroll((scroll as u16, 0)), inner);
}

fn line(
    l: &AttentionLine,
    clock: crate::domain::Clock,
    selected: bool,
    width: u16,
) -> Line<'static> {
    let base = if selected {
        theme::selected()
    } else {
        Style::new()
    };
    let (when, late) = match &l.when {
        LineWhen::None => (String::new(), false),
        LineWhen::Day(d) => (d.to_string(), false),
        LineWhen::At(t) => (format::local_datetime(clock, t), false),
    };
    let (detail, late) = match &l.detail {
        LineDetail::None => (String::new(), late),
        LineDetail::Meeting(kind) => (kind.label().to_string(), late),
        LineDetail::Action { owner, overdue } => (owner.clone(), *overdue),
        LineDetail::OpenPoints(n) => (text::open_points(*n), late),
        LineDetail::Notes(s) => (s.label().to_string(), late),
        LineDetail::Suggestion(s) => (s.label().to_string(), late),
        LineDetail::Recipients(names) => (text::given_to(names), late),
        LineDetail::Involved(org) => (org.clone(), true),
    };
    let slipped = matches!(l.item.kind, crate::domain::EntityKind::Milestone);
    let when_style = if late || slipped {
        theme::error()
    } else {
        theme::muted()
    };
    let mut spans = vec![Span::styled(if selected { " ▶ " } else { "   " }, base)];
    if !when.is_empty() {
        spans.push(Span::styled(format!("{when}  "), when_style.patch(base)));
    }
    spans.push(Span::styled(l.title.clone(), base));
    if !detail.is_empty() {
        spans.push(Span::styled(
            format!(" · {detail}"),
            theme::muted().patch(base),
        ));
    }
    let mut line = Line::from(spans);
    // A long title gives way at the right edge rather than wrapping into the next line.
    if line.width() > width as usize {
        line = truncate(line, width as usize);
    }
    line
}

fn truncate(line: Line<'static>, width: usize) -> Line<'static> {
    let mut out = Vec::new();
    let mut used = 0;
    for span in line.spans {
        let w = span.width();
        if used + w < width {
            used += w;
            out.push(span);
        } else {
            let room = width.saturating_sub(used + 1);
            let cut: String = span.content.chars().take(room).collect();
            out.push(Span::styled(format!("{cut}…"), span.style));
            break;
        }
    }
    Line::from(out)
}

/// Review mode's closing summary: every project walked through, stamped or not, and
/// what is still overdue.
pub fn summary(frame: &mut Frame, area: Rect, review: &ReviewState) {
    let block = Block::default().borders(Borders::TOP).title(Span::styled(
        format!(" {} ", text::review_summary()),
        theme::title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (done, skipped): (Vec<_>, Vec<_>) = review.summary.iter().partition(|l| l.reviewed);
    let codes = |lines: &[&crate::app::ReviewLine]| -> String {
        if lines.is_empty() {
            text::not_set().to_string()
        } else {
            lines
                .iter()
                .map(|l| l.code.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let mut out = vec![
        Line::from(Span::styled(
            format!(" {} ({})", text::review_reviewed(), done.len()),
            theme::label(),
        )),
        Line::from(Span::styled(format!("   {}", codes(&done)), theme::ok())),
        Line::default(),
        Line::from(Span::styled(
            format!(" {} ({})", text::review_skipped(), skipped.len()),
            theme::label(),
        )),
        Line::from(format!("   {}", codes(&skipped))),
        Line::default(),
    ];
    let overdue: Vec<_> = review
        .summary
        .iter()
        .filter(|l| l.overdue_actions + l.slipped_milestones > 0)
        .collect();
    out.push(Line::from(Span::styled(
        format!(" {} ({})", text::review_still_overdue(), overdue.len()),
        theme::label(),
    )));
    if overdue.is_empty() {
        out.push(Line::from(Span::styled(
            format!("   {}", text::review_nothing_overdue()),
            theme::ok(),
        )));
    }
    for l in overdue {
        out.push(Line::from(vec![
            Span::styled(format!("   {:<12} ", l.code), theme::accent()),
            Span::styled(
                text::review_overdue(l.overdue_actions, l.slipped_milestones),
                theme::error(),
            ),
        ]));
    }
    frame.render_widget(
        Paragraph::new(out).wrap(ratatui::widgets::Wrap { trim: false }),
        inner,
    );
}
