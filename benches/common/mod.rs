//! Helpers shared by the benches: each bench file says `mod common;` and uses what it
//! needs.
//!
//! A store file in a temporary folder with the fixed clock, the app drawn on a 120×40
//! `TestBackend`, key presses, and the measurement itself: only the operation named is
//! timed; resetting the state between iterations (and drawing the state the operation
//! starts from, so that the terminal diff is realistic) happens outside the timed
//! region, via `iter_custom`.
//!
//! Every bench binary compiles this module on its own, and none uses all of it: unused
//! helpers are not warned about.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;

use tidig::app::App;
use tidig::domain::Clock;
use tidig::store::{self, Store};

pub const WIDTH: u16 = 120;
pub const HEIGHT: u16 = 40;

pub type Term = Terminal<TestBackend>;
pub type Group<'a> = BenchmarkGroup<'a, WallTime>;

/// The benches' "now": 2026-11-26 12:00 UTC.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

pub fn clock() -> Clock {
    Clock::Fixed(now())
}

/// Every group: 20 samples, 1 s of warm-up and 3 s of measurement.
pub fn config() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

// ----- the store ----------------------------------------------------------------------

/// A fresh temporary folder and the store file's path in it (not yet created).
pub fn temp_store_path() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    (dir, path)
}

/// Creates the store at `path` and fills it with `fill`, in one transaction.
pub fn seed<T>(path: &Path, fill: impl FnOnce(&mut Store) -> store::Result<T>) -> T {
    let mut store = Store::open(path, clock()).expect("create store");
    store.atomically(fill).expect("seed store")
}

/// Another connection to the store at `path`, with the fixed clock.
///
/// The benches hold one open throughout (the "keeper"), so that closing the other
/// connections never checkpoints the WAL inside a timed region.
pub fn open_store(path: &Path) -> Store {
    Store::open(path, clock()).expect("open store")
}

pub fn open_app(path: &Path) -> App {
    App::new(open_store(path))
}

/// Prints how SQLite runs `sql` (given without `EXPLAIN QUERY PLAN`) with `params`.
pub fn print_query_plan(store: &Store, label: &str, sql: &str, params: impl rusqlite::Params) {
    let mut stmt = store
        .connection()
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .expect("explain");
    let plan: Vec<String> = stmt
        .query_map(params, |r| r.get::<_, String>(3))
        .expect("query plan")
        .map(|r| r.expect("plan row"))
        .collect();
    eprintln!("  {label} query plan: {}", plan.join(" / "));
}

// ----- the terminal and keys ----------------------------------------------------------

pub fn terminal() -> Term {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal")
}

pub fn draw(terminal: &mut Term, app: &App) {
    terminal
        .draw(|f| tidig::ui::draw(f, app))
        .expect("draw to the test backend");
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn ch(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

pub fn ctrl(app: &mut App, c: char) {
    app.handle_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

// ----- measuring ----------------------------------------------------------------------

/// Runs `iters` iterations of `reset` (untimed) then `op` (timed); returns the time
/// spent in `op`.
pub fn timed<S>(
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

/// Benchmarks `op` alone, each iteration starting from the state `reset` makes
/// (untimed). Both are given the app and the terminal; neither draws unless it says so.
pub fn bench_step(
    group: &mut Group<'_>,
    name: impl Into<String>,
    (app, term): (&mut App, &mut Term),
    mut reset: impl FnMut(&mut App, &mut Term),
    mut op: impl FnMut(&mut App, &mut Term),
) {
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            timed(
                iters,
                &mut (&mut *app, &mut *term),
                |(app, term)| reset(app, term),
                |(app, term)| op(app, term),
            )
        })
    });
}

/// Benchmarks `op` and the frame after it, each iteration starting from the state
/// `reset` makes, drawn (untimed).
pub fn bench_key_draw(
    group: &mut Group<'_>,
    name: impl Into<String>,
    app_term: (&mut App, &mut Term),
    mut reset: impl FnMut(&mut App),
    mut op: impl FnMut(&mut App),
) {
    bench_step(
        group,
        name,
        app_term,
        |app, term| {
            reset(app);
            draw(term, app);
        },
        |app, term| {
            op(app);
            draw(term, app);
        },
    );
}

// ----- the large demo -----------------------------------------------------------------

/// Creates the store at `path` holding the large demo (`tidig demo --scale large`) of
/// `projects` projects around the benches' day: 20 meetings, 100 notes, 50 actions,
/// 30 needs and 20 suggestions per project.
pub fn seed_large_demo(path: &Path, projects: usize) -> tidig::ops::demo::DemoSummary {
    let mut store = Store::open(path, clock()).expect("create store");
    tidig::ops::demo::load_large(
        &mut store,
        now().date_naive(),
        tidig::demo::Size { projects },
        &mut |_, _| {},
    )
    .expect("the large demo loads")
}
