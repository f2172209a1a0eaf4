//! Meetings at scale: a store of 20,000 meetings over about three years across 50
//! projects, measured from a key press to a finished frame on a 120×40 test terminal.
//!
//! Issue 3 asks that moving a week in the week view takes under 5 ms of update and
//! render with 20,000 meetings stored; that is `week/]+draw`. The agenda list's first
//! frame and one step down are measured too, and opening a project with 400 meetings
//! on its Meetings tab.
//!
//! As in `benches/portfolio.rs`, only the operation named is timed: resetting the state
//! between iterations (and drawing the state the operation starts from, so that the
//! terminal diff is realistic) happens outside the timed region, via `iter_custom`.
//!
//! Run with `cargo bench --bench meetings`.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use tidig::app::keymap::Context;
use tidig::app::{AgendaMode, App, Screen};
use tidig::domain::{
    Clock, MeetingFormat, MeetingInput, MeetingStatus, MeetingType, NotesStatus, Phase,
    ProjectInput, ProjectStatus, TextEnum,
};
use tidig::store::Store;

const PROJECTS: usize = 50;
const MEETINGS: usize = 20_000;
/// The meetings are spread evenly over these days, centred on "now".
const DAYS: u64 = 3 * 365;
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

fn clock() -> Clock {
    Clock::Fixed(now())
}

fn first_day() -> NaiveDate {
    now().date_naive() - Days::new(DAYS / 2)
}

const TITLES: [&str; 8] = [
    "Behovsworkshop med verksamheten",
    "Dialogmöte med leverantör",
    "Styrgruppsmöte",
    "Referensgruppsmöte",
    "Informationsmöte för leverantörer",
    "Projektmöte",
    "Intervju med användare",
    "Erfarenhetsåterföring",
];

/// Builds the store file: 50 projects and 20,000 meetings (about 18 a day, some of them
/// overlapping, a few cancelled or held), in one transaction.
fn seed(path: &Path) {
    let mut store = Store::open(path, clock()).expect("create store");
    store
        .atomically(|s| {
            let mut projects = Vec::with_capacity(PROJECTS);
            for i in 0..PROJECTS {
                projects.push(s.create_project(&ProjectInput {
                    code: format!("PRJ-{i:02}"),
                    title: format!("Upphandling nummer {i}"),
                    buyer_name: format!("Region {}", i % 7),
                    phase: Phase::EarlyDialogue,
                    status: ProjectStatus::Active,
                    ..Default::default()
                })?);
            }
            let first = first_day();
            for i in 0..MEETINGS {
                let day = first + Days::new((i as u64 * DAYS) / MEETINGS as u64);
                // 08:00–16:30 in half hours; 30 min to 3 h.
                let slot = (i * 7) % 18;
                let start = Utc.from_utc_datetime(
                    &day.and_hms_opt(8 + slot as u32 / 2, (slot as u32 % 2) * 30, 0)
                        .unwrap(),
                );
                let minutes = 30 * (1 + (i % 6) as i64);
                let kind = MeetingType::ALL[i % MeetingType::ALL.len()];
                let status = match i % 20 {
                    0 => MeetingStatus::Cancelled,
                    _ if start < now() => MeetingStatus::Held,
                    _ => MeetingStatus::Planned,
                };
                s.create_meeting(
                    projects[i % PROJECTS],
                    &MeetingInput {
                        kind,
                        title: format!("{} {}", TITLES[i % TITLES.len()], i / TITLES.len()),
                        purpose: "Förstå behoven och marknaden.".into(),
                        desired_outcome: String::new(),
                        format: MeetingFormat::ALL[i % MeetingFormat::ALL.len()],
                        location: "Stadshuset".into(),
                        start,
                        end: start + chrono::Duration::minutes(minutes),
                        status,
                        notes_status: NotesStatus::None,
                    },
                )?;
            }
            Ok(())
        })
        .expect("seed store");
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal")
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|f| tidig::ui::draw(f, app))
        .expect("draw to the test backend");
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE));
}

fn ch(app: &mut App, c: char) {
    key(app, KeyCode::Char(c));
}

/// Runs `iters` iterations of `reset` (untimed) then `op` (timed); returns the time
/// spent in `op`.
fn timed<S>(
    iters: u64,
    state: &mut S,
    mut reset: impl FnMut(&mut S),
    mut op: impl FnMut(&mut S),
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        reset(state);
        let start = Instant::now();
        op(state);
        total += start.elapsed();
    }
    total
}

/// Steps the week view back or forward to the week starting `monday`.
fn go_to_week(app: &mut App, monday: NaiveDate) {
    while let Some(from) = app.agenda.from
        && from != monday
    {
        ch(app, if from < monday { ']' } else { '[' });
    }
}

/// How SQLite runs the week's query: it should search the start-time index.
fn print_query_plan(store: &Store) {
    let mut stmt = store
        .connection()
        .prepare(
            "EXPLAIN QUERY PLAN SELECT m.id FROM meetings m JOIN projects p ON p.id = m.project_id
             WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL
               AND m.start_at >= ?1 AND m.start_at < ?3 AND m.end_at > ?2
             ORDER BY m.start_at, m.id",
        )
        .expect("explain");
    let plan: Vec<String> = stmt
        .query_map(
            [
                "2026-11-16T00:00:00Z",
                "2026-11-23T00:00:00Z",
                "2026-11-30T00:00:00Z",
            ],
            |r| r.get::<_, String>(3),
        )
        .expect("query plan")
        .map(|r| r.expect("plan row"))
        .collect();
    eprintln!("  week query plan: {}", plan.join(" / "));
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    let start = Instant::now();
    seed(&path);
    eprintln!(
        "  seeded {MEETINGS} meetings in {PROJECTS} projects in {:.1?}",
        start.elapsed()
    );
    // Held open throughout, so that closing connections never checkpoints the WAL
    // inside a timed region.
    let keeper = Store::open(&path, clock()).expect("open store");
    assert_eq!(keeper.all_meetings(None).unwrap().len(), MEETINGS);
    print_query_plan(&keeper);

    let mut group = c.benchmark_group("meetings_20000");
    let mut app = App::new(Store::open(&path, clock()).expect("open store"));
    let mut term = terminal();
    draw(&mut term, &app);

    // ----- agenda list ------------------------------------------------------------------
    // From the portfolio, `2` opens the list of the next 14 days: query and first frame.
    group.bench_function("agenda_list/2 (open)+draw", |b| {
        b.iter_custom(|iters| {
            timed(
                iters,
                &mut (&mut app, &mut term),
                |(app, term)| {
                    ch(app, '1');
                    draw(term, app);
                },
                |(app, term)| {
                    ch(app, '2');
                    draw(term, app);
                },
            )
        })
    });
    assert_eq!(app.screen(), Screen::Agenda);
    assert_eq!(app.agenda.mode, AgendaMode::List);
    eprintln!(
        "  agenda list: {} meetings in the next 14 days",
        app.agenda.meetings.len()
    );
    assert!(app.agenda.meetings.len() > 200);

    // One step down the list.
    group.bench_function("agenda_list/j+draw", |b| {
        b.iter_custom(|iters| {
            timed(
                iters,
                &mut (&mut app, &mut term),
                |(app, term)| {
                    ch(app, 'g');
                    draw(term, app);
                },
                |(app, term)| {
                    ch(app, 'j');
                    draw(term, app);
                },
            )
        })
    });
    assert_eq!(app.agenda.cursor.selected, 1);

    // ----- week view --------------------------------------------------------------------
    ch(&mut app, 'v');
    assert_eq!(app.context(), Context::AgendaWeek);
    draw(&mut term, &app);
    let monday = app.agenda.from.expect("a week is shown");
    eprintln!(
        "  week view: {} meetings in the week of {monday}",
        app.agenda.meetings.len()
    );

    // The requirement: `]` (next week) with update and render under 5 ms. Each
    // iteration starts from the same week, drawn, so every `]` queries and draws anew.
    group.bench_function("week/]+draw", |b| {
        b.iter_custom(|iters| {
            timed(
                iters,
                &mut (&mut app, &mut term),
                |(app, term)| {
                    go_to_week(app, monday);
                    draw(term, app);
                },
                |(app, term)| {
                    ch(app, ']');
                    draw(term, app);
                },
            )
        })
    });
    assert_eq!(app.agenda.from, Some(monday + Days::new(7)));

    // `[` back, for symmetry (an earlier week of held meetings).
    group.bench_function("week/[+draw", |b| {
        b.iter_custom(|iters| {
            timed(
                iters,
                &mut (&mut app, &mut term),
                |(app, term)| {
                    go_to_week(app, monday);
                    draw(term, app);
                },
                |(app, term)| {
                    ch(app, '[');
                    draw(term, app);
                },
            )
        })
    });
    assert_eq!(app.agenda.from, Some(monday - Days::new(7)));

    // ----- a project's Meetings tab -----------------------------------------------------
    // 400 meetings in the project; overlaps are checked against every project's
    // meetings in the upcoming range.
    ch(&mut app, '1');
    draw(&mut term, &app);
    group.bench_function("project/Enter on Meetings tab+draw (400 meetings)", |b| {
        b.iter_custom(|iters| {
            timed(
                iters,
                &mut (&mut app, &mut term),
                |(app, term)| {
                    if matches!(app.screen(), Screen::Project { .. }) {
                        key(app, KeyCode::Esc);
                    }
                    draw(term, app);
                },
                |(app, term)| {
                    key(app, KeyCode::Enter);
                    if app.context() == Context::ProjectOverview {
                        key(app, KeyCode::Tab);
                    }
                    draw(term, app);
                },
            )
        })
    });
    assert_eq!(app.context(), Context::ProjectMeetings);
    let list = &app.project.as_ref().expect("a project is open").meetings;
    eprintln!(
        "  project meetings: {} ({} upcoming, {} flagged as overlapping)",
        list.meetings.len(),
        list.upcoming,
        list.overlapping.len()
    );
    assert_eq!(list.meetings.len(), MEETINGS / PROJECTS);

    group.finish();
    black_box(keeper);
}

criterion_group! {
    name = meetings;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(meetings);
