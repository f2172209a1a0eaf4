//! How the app feels at scale: a store of 3,000 projects (one with 200 milestones),
//! measured from a key press to a finished frame on a 120×40 test terminal.
//!
//! Every benchmark times only the operation named; resetting the state between
//! iterations (and drawing the state the operation starts from, so that the terminal
//! diff is realistic) happens outside the timed region, via `iter_custom`.
//!
//! Run with `cargo bench --bench portfolio`.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use tidig::app::{App, Screen};
use tidig::domain::{Clock, MilestoneInput, Phase, ProjectInput, ProjectStatus, TextEnum};
use tidig::store::Store;

const PROJECTS: usize = 3_000;
const MILESTONES: usize = 200;
/// The project that carries the milestones.
const BIG_PROJECT: &str = "NORR-1500";
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

fn clock() -> Clock {
    Clock::Fixed(now())
}

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
    let mut store = Store::open(path, clock()).expect("create store");
    store
        .atomically(|s| {
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

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
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

fn open_app(path: &Path) -> App {
    App::new(Store::open(path, clock()).expect("open store"))
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    seed(&path);
    // Held open throughout, so that closing the per-iteration connections never
    // checkpoints the WAL inside a timed region.
    let _keeper = Store::open(&path, clock()).expect("open store");

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
                let store = Store::open(&path, clock()).expect("open store");
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
    assert_eq!(app.portfolio.rows.len(), PROJECTS);
    let mut term = terminal();
    for (name, row) in [("top", 0), ("middle", PROJECTS / 2)] {
        group.bench_function(format!("navigate/j+draw ({name})"), |b| {
            b.iter_custom(|iters| {
                timed(
                    iters,
                    &mut (&mut app, &mut term),
                    |(app, term)| {
                        app.portfolio.cursor.selected = row;
                        draw(term, app);
                    },
                    |(app, term)| {
                        app.handle_key(&key(KeyCode::Char('j')));
                        draw(term, app);
                    },
                )
            })
        });
        assert_eq!(app.portfolio.cursor.selected, row + 1);
    }

    // ----- filter ---------------------------------------------------------------------
    // `/` is open with `typed` in it; one more character re-queries the store.
    app.handle_key(&key(KeyCode::Char('/')));
    for (name, typed, next) in [("first char", "", 'e'), ("narrowing", "norrbotte", 'n')] {
        for c in typed.chars() {
            app.handle_key(&key(KeyCode::Char(c)));
        }
        group.bench_function(format!("filter/type+draw ({name})"), |b| {
            b.iter_custom(|iters| {
                timed(
                    iters,
                    &mut (&mut app, &mut term),
                    |(app, term)| {
                        if app.portfolio.filter.text.chars().count() > typed.chars().count() {
                            app.handle_key(&key(KeyCode::Backspace));
                        }
                        draw(term, app);
                    },
                    |(app, term)| {
                        app.handle_key(&key(KeyCode::Char(next)));
                        draw(term, app);
                    },
                )
            })
        });
        let expected = format!("{typed}{next}");
        assert_eq!(app.portfolio.filter.text, expected);
        eprintln!(
            "  filter {expected:?} matches {} of {PROJECTS} projects",
            app.portfolio.rows.len()
        );
        // Clear the filter for the next case.
        for _ in 0..expected.chars().count() {
            app.handle_key(&key(KeyCode::Backspace));
        }
    }
    app.handle_key(&key(KeyCode::Esc));
    assert!(app.portfolio.filter_input.is_none());
    assert_eq!(app.portfolio.rows.len(), PROJECTS);

    // ----- open a project -------------------------------------------------------------
    let big_row = app
        .portfolio
        .rows
        .iter()
        .position(|r| r.code == BIG_PROJECT)
        .expect("the big project is listed");
    app.portfolio.cursor.selected = big_row;
    group.bench_function("open_project/Enter+draw (200 milestones)", |b| {
        b.iter_custom(|iters| {
            timed(
                iters,
                &mut (&mut app, &mut term),
                |(app, term)| {
                    if matches!(app.screen(), Screen::Project { .. }) {
                        app.handle_key(&key(KeyCode::Esc));
                    }
                    draw(term, app);
                },
                |(app, term)| {
                    app.handle_key(&key(KeyCode::Enter));
                    draw(term, app);
                },
            )
        })
    });
    assert!(matches!(app.screen(), Screen::Project { .. }));
    assert_eq!(
        app.project.as_ref().map(|p| p.milestones.len()),
        Some(MILESTONES)
    );

    group.bench_function("open_project/Tab to time plan+draw (200 milestones)", |b| {
        b.iter_custom(|iters| {
            timed(
                iters,
                &mut (&mut app, &mut term),
                |(app, term)| {
                    if app.context() == tidig::app::keymap::Context::TimePlan {
                        app.handle_key(&key(KeyCode::BackTab));
                    }
                    draw(term, app);
                },
                |(app, term)| {
                    app.handle_key(&key(KeyCode::Tab));
                    draw(term, app);
                },
            )
        })
    });
    assert_eq!(app.context(), tidig::app::keymap::Context::TimePlan);

    group.finish();
    drop(app);
}

criterion_group! {
    name = portfolio;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(portfolio);
