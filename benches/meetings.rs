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

mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use chrono::{Days, NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::KeyCode;

use tidig::app::keymap::Context;
use tidig::app::{AgendaMode, App, Screen};
use tidig::domain::{
    MeetingFormat, MeetingInput, MeetingStatus, MeetingType, NotesStatus, Phase, ProjectInput,
    ProjectStatus, TextEnum,
};

use common::{bench_key_draw, ch, draw, now, open_app, open_store, press, terminal};

const PROJECTS: usize = 50;
const MEETINGS: usize = 20_000;
/// The meetings are spread evenly over these days, centred on "now".
const DAYS: u64 = 3 * 365;

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
    common::seed(path, |s| {
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
    });
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
fn print_query_plan(store: &tidig::store::Store) {
    common::print_query_plan(
        store,
        "week",
        "SELECT m.id FROM meetings m JOIN projects p ON p.id = m.project_id
             WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL
               AND m.start_at >= ?1 AND m.start_at < ?3 AND m.end_at > ?2
             ORDER BY m.start_at, m.id",
        [
            "2026-11-16T00:00:00Z",
            "2026-11-23T00:00:00Z",
            "2026-11-30T00:00:00Z",
        ],
    );
}

fn benches(c: &mut Criterion) {
    let (_dir, path) = common::temp_store_path();
    let start = Instant::now();
    seed(&path);
    eprintln!(
        "  seeded {MEETINGS} meetings in {PROJECTS} projects in {:.1?}",
        start.elapsed()
    );
    // Held open throughout, so that closing connections never checkpoints the WAL
    // inside a timed region.
    let keeper = open_store(&path);
    assert_eq!(keeper.all_meetings(None).unwrap().len(), MEETINGS);
    print_query_plan(&keeper);

    let mut group = c.benchmark_group("meetings_20000");
    let mut app = open_app(&path);
    let mut term = terminal();
    draw(&mut term, &app);

    // ----- agenda list ------------------------------------------------------------------
    // From the portfolio, `2` opens the list of the next 14 days: query and first frame.
    bench_key_draw(
        &mut group,
        "agenda_list/2 (open)+draw",
        (&mut app, &mut term),
        |app| ch(app, '1'),
        |app| ch(app, '2'),
    );
    assert_eq!(app.screen(), Screen::Agenda);
    assert_eq!(app.agenda.mode, AgendaMode::List);
    eprintln!(
        "  agenda list: {} meetings in the next 14 days",
        app.agenda.slots.len()
    );
    assert!(app.agenda.slots.len() > 200);

    // One step down the list.
    bench_key_draw(
        &mut group,
        "agenda_list/j+draw",
        (&mut app, &mut term),
        |app| ch(app, 'g'),
        |app| ch(app, 'j'),
    );
    assert_eq!(app.agenda.cursor.selected, 1);

    // ----- week view --------------------------------------------------------------------
    ch(&mut app, 'v');
    assert_eq!(app.context(), Context::AgendaWeek);
    draw(&mut term, &app);
    let monday = app.agenda.from.expect("a week is shown");
    eprintln!(
        "  week view: {} meetings in the week of {monday}",
        app.agenda.slots.len()
    );

    // The requirement: `]` (next week) with update and render under 5 ms. Each
    // iteration starts from the same week, drawn, so every `]` queries and draws anew.
    bench_key_draw(
        &mut group,
        "week/]+draw",
        (&mut app, &mut term),
        |app| go_to_week(app, monday),
        |app| ch(app, ']'),
    );
    assert_eq!(app.agenda.from, Some(monday + Days::new(7)));

    // `[` back, for symmetry (an earlier week of held meetings).
    bench_key_draw(
        &mut group,
        "week/[+draw",
        (&mut app, &mut term),
        |app| go_to_week(app, monday),
        |app| ch(app, '['),
    );
    assert_eq!(app.agenda.from, Some(monday - Days::new(7)));

    // ----- a project's Meetings tab -----------------------------------------------------
    // 400 meetings in the project; overlaps are checked against every project's
    // meetings in the upcoming range.
    ch(&mut app, '1');
    draw(&mut term, &app);
    bench_key_draw(
        &mut group,
        "project/Enter on Meetings tab+draw (400 meetings)",
        (&mut app, &mut term),
        |app| {
            if matches!(app.screen(), Screen::Project { .. }) {
                press(app, KeyCode::Esc);
            }
        },
        |app| {
            press(app, KeyCode::Enter);
            if app.context() == Context::ProjectOverview {
                press(app, KeyCode::Tab);
            }
        },
    );
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
    config = common::config();
    targets = benches
}
criterion_main!(meetings);
