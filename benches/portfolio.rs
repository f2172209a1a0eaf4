//! How the app feels at scale: a store of 3,000 projects (one with 200 milestones),
//! measured from a key press to a finished frame on a 120×40 test terminal.
//!
//! Every benchmark times only the operation named; resetting the state between
//! iterations (and drawing the state the operation starts from, so that the terminal
//! diff is realistic) happens outside the timed region, via `iter_custom`.
//!
//! Run with `cargo bench --bench portfolio`.

mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::KeyCode;

use tidig::app::keymap::Context;
use tidig::app::{App, Screen};
use tidig::domain::{Clock, MilestoneInput, Phase, ProjectInput, ProjectStatus, TextEnum};

use common::{bench_key_draw, ch, clock, draw, now, open_app, open_store, press, terminal};

const PROJECTS: usize = 3_000;
const MILESTONES: usize = 200;
/// The project that carries the milestones.
const BIG_PROJECT: &str = "NORR-1500";

const REGIONS: [&str; 8] = [
    "NORR", "VGR", "SKANE", "STHLM", "UPPS", "JKPG", "OREB", "GBG",
];
const BUYERS: [&str; 24] = [
    "Region Norrbotten",
    "Region Västerbotten",
    "Västra Götalandsregionen",
    "Region Skåne",
    "Region Stockholm",
    "Region Uppsala",
    "Region Jönköpings län",
    "Region Örebro län",
    "Göteborgs Stad",
    "Malmö stad",
    "Luleå kommun",
    "Umeå kommun",
    "Uppsala kommun",
    "Linköpings kommun",
    "Örebro kommun",
    "Västerås stad",
    "Trafikverket",
    "Kammarkollegiet",
    "Skolverket",
    "Försäkringskassan",
    "Arbetsförmedlingen",
    "Sveriges Kommuner och Regioner",
    "Kiruna kommun",
    "Gällivare kommun",
];
const SUBJECTS: [&str; 10] = [
    "Hemtjänstplanering",
    "Digitala hjälpmedel i äldreomsorgen",
    "Fossilfria arbetsmaskiner",
    "Skolskjuts på landsbygden",
    "Vårdens journalsystem",
    "Energieffektiv gatubelysning",
    "Måltider i förskolan",
    "Snöröjning och halkbekämpning",
    "Tolktjänster",
    "Ambulansflyg i norr",
];

/// Builds the store file: 3,000 projects with varied phases, statuses, buyers and
/// update times, and 200 milestones on `BIG_PROJECT`.
fn seed(path: &Path) {
    common::seed(path, |s| {
        for i in 1..=PROJECTS {
            // Spread the update times over the last ~2 months.
            s.set_clock(Clock::Fixed(
                now() - chrono::Duration::minutes(i as i64 * 29),
            ));
            let region = REGIONS[i % REGIONS.len()];
            let code = if i == 1500 {
                BIG_PROJECT.to_string()
            } else {
                format!("{region}-{i}")
            };
            let subject = SUBJECTS[i % SUBJECTS.len()];
            let input = ProjectInput {
                code,
                title: format!("{subject} etapp {}", i % 7 + 1),
                buyer_name: BUYERS[(i * 7) % BUYERS.len()].to_string(),
                case_number: format!("DNR {}-{:04}", 2024 + i % 3, i),
                subject: subject.to_string(),
                goal: "Bättre tjänster för invånarna.\nLägre kostnader över tid.".into(),
                phase: Phase::ALL[i % Phase::ALL.len()],
                status: ProjectStatus::ALL[(i * 3) % ProjectStatus::ALL.len()],
                tags: vec!["innovation".into(), format!("tema-{}", i % 13)],
                ..Default::default()
            };
            s.create_project(&input)?;
        }
        s.set_clock(clock());
        let big = s.project_by_code(BIG_PROJECT)?.id;
        let start = now().date_naive() - chrono::Days::new(150);
        for m in 0..MILESTONES {
            let due = (m % 10 != 9).then(|| start + chrono::Days::new(m as u64 * 3));
            let id = s.create_milestone(
                big,
                &MilestoneInput {
                    title: format!("Delmoment {} – dialogmöte med leverantörer", m + 1),
                    due_date: due,
                },
            )?;
            if m % 3 == 0 && m < 100 {
                s.toggle_milestone_done(id)?;
            }
        }
        Ok(())
    });
}

fn benches(c: &mut Criterion) {
    let (_dir, path) = common::temp_store_path();
    seed(&path);
    // Held open throughout, so that closing the per-iteration connections never
    // checkpoints the WAL inside a timed region.
    let _keeper = open_store(&path);

    let mut group = c.benchmark_group("portfolio_3000");

    // ----- first frame ----------------------------------------------------------------
    // Startup as the binary does it: open the file (verify, pragmas, migrations), load
    // the portfolio, draw. The app is dropped outside the timed region.
    group.bench_function("first_frame/open_store+App::new+draw", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let app = open_app(&path);
                let mut term = terminal();
                draw(&mut term, &app);
                total += start.elapsed();
                black_box((app, term));
            }
            total
        })
    });
    group.bench_function("first_frame/App::new+draw", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let store = open_store(&path);
                let start = Instant::now();
                let app = App::new(store);
                let mut term = terminal();
                draw(&mut term, &app);
                total += start.elapsed();
                black_box((app, term));
            }
            total
        })
    });

    // ----- navigation -----------------------------------------------------------------
    let mut app = open_app(&path);
    assert_eq!(app.portfolio.len(), PROJECTS);
    let mut term = terminal();
    // The portfolio holds a window of rows: the cursor is put on a row by its project.
    let order = app
        .store
        .list_projects(&tidig::domain::ProjectFilter::default())
        .unwrap();
    for (name, row) in [("top", 0), ("middle", PROJECTS / 2)] {
        let id = order[row].id;
        bench_key_draw(
            &mut group,
            format!("navigate/j+draw ({name})"),
            (&mut app, &mut term),
            |app| assert!(app.select_project(id)),
            |app| ch(app, 'j'),
        );
        assert_eq!(app.portfolio.cursor.selected, row + 1);
    }

    // ----- filter ---------------------------------------------------------------------
    // `/` is open with `typed` in it; one more character re-queries the store.
    ch(&mut app, '/');
    for (name, typed, next) in [("first char", "", 'e'), ("narrowing", "norrbotte", 'n')] {
        for c in typed.chars() {
            ch(&mut app, c);
        }
        bench_key_draw(
            &mut group,
            format!("filter/type+draw ({name})"),
            (&mut app, &mut term),
            |app| {
                if app.portfolio.filter.text.chars().count() > typed.chars().count() {
                    press(app, KeyCode::Backspace);
                }
            },
            |app| ch(app, next),
        );
        let expected = format!("{typed}{next}");
        assert_eq!(app.portfolio.filter.text, expected);
        eprintln!(
            "  filter {expected:?} matches {} of {PROJECTS} projects",
            app.portfolio.len()
        );
        // Clear the filter for the next case.
        for _ in 0..expected.chars().count() {
            press(&mut app, KeyCode::Backspace);
        }
    }
    press(&mut app, KeyCode::Esc);
    assert!(app.portfolio.filter_input.is_none());
    assert_eq!(app.portfolio.len(), PROJECTS);

    // ----- open a project -------------------------------------------------------------
    let big = app.store.project_by_code(BIG_PROJECT).unwrap().id;
    assert!(app.select_project(big), "the big project is listed");
    bench_key_draw(
        &mut group,
        // The project opens on its overview; tabs load their own data when shown.
        "open_project/Enter+draw (overview)",
        (&mut app, &mut term),
        |app| {
            if matches!(app.screen(), Screen::Project { .. }) {
                press(app, KeyCode::Esc);
            }
        },
        |app| press(app, KeyCode::Enter),
    );
    assert!(matches!(app.screen(), Screen::Project { .. }));

    // The time plan is the last tab: Shift-Tab from the overview reaches it, Tab wraps
    // back to the overview.
    bench_key_draw(
        &mut group,
        "open_project/Shift-Tab to time plan+draw (200 milestones)",
        (&mut app, &mut term),
        |app| {
            if app.context() == Context::TimePlan {
                press(app, KeyCode::Tab);
            }
        },
        |app| press(app, KeyCode::BackTab),
    );
    assert_eq!(app.context(), Context::TimePlan);
    assert_eq!(
        app.project.as_ref().map(|p| p.milestones.len()),
        Some(MILESTONES)
    );

    group.finish();
    drop(app);
}

criterion_group! {
    name = portfolio;
    config = common::config();
    targets = benches
}
criterion_main!(portfolio);
