//! tidig at the two scales of issue 15, with the same cases at each: the ordinary demo
//! (`tidig demo`) and the large one (`tidig demo --scale large`, built with the same
//! generator and import): the first frame, moving in every top screen and in a
//! project's needs, switching screens, the week view, opening a meeting, search and
//! palette keypresses, one meeting-notes export and the whole calendar. The other bench
//! files keep purpose-built stores for the shapes they check (500 notes in one meeting,
//! 30,000 needs, …).
//!
//! Before each case it prints what the key sets off in SQLite: every statement, how
//! long it ran and its `EXPLAIN QUERY PLAN`, so that a scan shows where it happens.
//!
//! `TIDIG_BENCH_PROJECTS` sets the large size (default 1,000 projects: 20,000 meetings,
//! 100,000 notes, 40,000 actions, 30,000 needs; about 20 s to build; 250 builds in 5 s).
//!
//! ```text
//! cargo bench --bench scale
//! cargo bench --bench scale -- large/      # one scale, or any case by name
//! ```

mod common;

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::KeyCode;

use common::{Group, Term, ch, draw, open_app, open_store, press, terminal};
use tidig::app::{AgendaMode, App, ProjectTab};
use tidig::domain::{Audience, TextEnum};
use tidig::export::{Lang, SummaryFormat, TemplateSource};
use tidig::ops::ExportJob;
use tidig::store::Store;

fn projects() -> usize {
    std::env::var("TIDIG_BENCH_PROJECTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000)
}

fn benches(c: &mut Criterion) {
    let (_ordinary_dir, ordinary) = common::temp_store_path();
    let built = Instant::now();
    let mut store = open_store(&ordinary);
    tidig::ops::demo::load(&mut store, common::now().date_naive()).expect("the demo loads");
    drop(store);
    eprintln!("ordinary demo built in {:.2?}", built.elapsed());

    let (_large_dir, large) = common::temp_store_path();
    let built = Instant::now();
    let added = common::seed_large_demo(&large, projects());
    eprintln!(
        "large demo: {} projects, {} meetings, {} notes, {} actions built in {:.2?}",
        added.projects,
        added.meetings,
        added.notes,
        added.actions,
        built.elapsed()
    );

    bench_scale(c, "ordinary", &ordinary);
    bench_scale(c, "large", &large);
}

fn bench_scale(c: &mut Criterion, scale: &str, path: &Path) {
    // Held open throughout, so that closing other connections never checkpoints the
    // WAL inside a timed region.
    let keeper = open_store(path);
    let mut group = c.benchmark_group(scale);

    group.bench_function("open store and draw first frame", |b| {
        b.iter(|| {
            let app = open_app(path);
            let mut term = terminal();
            draw(&mut term, &app);
            app
        })
    });

    let mut app = open_app(path);
    let mut term = terminal();
    let mut at = Bench {
        group: &mut group,
        keeper: &keeper,
        app: &mut app,
        term: &mut term,
    };

    let mut moved = 0;
    at.case(
        "portfolio j",
        move |app| top(app, '1', &mut moved),
        |app| ch(app, 'j'),
    );
    for (key, screen) in [
        ('2', "agenda"),
        ('3', "actions"),
        ('4', "lessons"),
        ('5', "directory"),
        ('6', "trash"),
    ] {
        at.case(
            &format!("switch to the {screen} screen ({key})"),
            |app| ch(app, '1'),
            |app| ch(app, key),
        );
        let mut moved = 0;
        at.case(
            &format!("{screen} j"),
            move |app| top(app, key, &mut moved),
            |app| ch(app, 'j'),
        );
    }
    at.case(
        "switch back to the portfolio (1)",
        |app| ch(app, '2'),
        |app| ch(app, '1'),
    );
    at.case("week view: next week (])", week_view, |app| ch(app, ']'));
    at.case("week view j", week_view, |app| ch(app, 'j'));
    at.case(
        "open a meeting from the agenda (Enter)",
        |app| {
            press(app, KeyCode::Esc);
            ch(app, '2');
        },
        |app| press(app, KeyCode::Enter),
    );
    at.case("needs tab j (first project)", needs_tab, |app| ch(app, 'j'));

    // Search (`/`) and the command palette (`:`): the keypress that completes each text,
    // the search or match it sets off, and the frame after it. The text before it is
    // typed untimed.
    for typed in [
        "d",
        "di",
        "dialo",
        "dialogmöte",
        "lulea",
        "luleå",
        "kommun b",
    ] {
        at.typing('/', "search keypress", typed);
    }
    for typed in ["n", "ne", "le25", "behov", "trash"] {
        at.typing(':', "palette keypress", typed);
    }
    drop(app);

    let meeting: i64 = keeper
        .connection()
        .query_row(
            "SELECT m.id FROM meetings m WHERE m.deleted_at IS NULL
             ORDER BY (SELECT count(*) FROM notes n WHERE n.meeting_id = m.id) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("a meeting");
    let summary = ExportJob::Summary {
        meeting_id: meeting,
        format: SummaryFormat::Html,
        audience: Audience::Shared,
        lang: Lang::Sv,
    };
    group.bench_function(
        format!("render one meeting's notes ({})", Audience::Shared.as_str()),
        |b| {
            b.iter(|| {
                tidig::ops::export::render(&keeper, &summary, &TemplateSource::BuiltIn)
                    .expect("renders")
            })
        },
    );
    group.sample_size(10);
    group.bench_function("render the whole calendar", |b| {
        b.iter(|| {
            tidig::ops::export::render(
                &keeper,
                &ExportJob::Calendar {
                    project_id: None,
                    lang: Lang::Sv,
                },
                &TemplateSource::BuiltIn,
            )
            .expect("renders")
        })
    });
    group.finish();
}

/// One scale's group, the store held open, and the app and terminal the key cases
/// share.
struct Bench<'g, 'c, 'a> {
    group: &'g mut Group<'c>,
    keeper: &'a Store,
    app: &'a mut App,
    term: &'a mut Term,
}

impl Bench<'_, '_, '_> {
    /// Prints what `op` sets off in SQLite, then benchmarks `op` and the frame after
    /// it, each iteration starting from the state `reset` makes, drawn (untimed).
    fn case(&mut self, name: &str, mut reset: impl FnMut(&mut App), op: impl FnMut(&mut App)) {
        let mut op = op;
        reset(self.app);
        print_statements(self.keeper, self.app, name, &mut op);
        common::bench_key_draw(
            self.group,
            name,
            (&mut *self.app, &mut *self.term),
            reset,
            op,
        );
    }

    /// The last keypress of `typed` (and the frame after it) in the overlay that
    /// `opener` opens from the portfolio.
    fn typing(&mut self, opener: char, what: &str, typed: &str) {
        let (before, last) = typed.split_at(typed.len() - typed.chars().last().unwrap().len_utf8());
        let last = last.chars().next().unwrap();
        let before = before.to_string();
        self.case(
            &format!("{what} \"{typed}\""),
            move |app| {
                press(app, KeyCode::Esc);
                ch(app, '1');
                ch(app, opener);
                for c in before.chars() {
                    ch(app, c);
                }
            },
            move |app| ch(app, last),
        );
    }
}

/// The top screen under `key`, its cursor back at the top after every 50 moves (so
/// that `j` has somewhere to go at the large scale). `moved` counts them.
fn top(app: &mut App, key: char, moved: &mut usize) {
    press(app, KeyCode::Esc);
    ch(app, key);
    if *moved >= 50 {
        press(app, KeyCode::Home);
        *moved = 0;
    }
    *moved += 1;
}

/// The agenda in its week view, on the benches' week.
fn week_view(app: &mut App) {
    press(app, KeyCode::Esc);
    ch(app, '2');
    if app.agenda.mode != AgendaMode::Week {
        ch(app, 'v');
    }
    ch(app, 't');
}

/// The first project's Needs tab, its cursor at the top.
fn needs_tab(app: &mut App) {
    press(app, KeyCode::Esc);
    ch(app, '1');
    press(app, KeyCode::Home);
    press(app, KeyCode::Enter);
    while app
        .project
        .as_ref()
        .is_some_and(|p| p.tab != ProjectTab::Needs)
    {
        press(app, KeyCode::Tab);
    }
    press(app, KeyCode::Home);
}

/// Prints how long `op` took once, the statements it ran (those FTS5 runs on its own
/// tables inside a search are counted, not listed), and the slowest few with how SQLite
/// runs them. SQLite's own per-statement times are whole milliseconds.
fn print_statements(keeper: &Store, app: &mut App, name: &str, op: &mut impl FnMut(&mut App)) {
    let seen: Arc<Mutex<Vec<(String, Duration)>>> = Arc::default();
    let record = Arc::clone(&seen);
    app.store
        .trace_statements(Some(move |sql, took| {
            record.lock().unwrap().push((sql, took));
        }))
        .expect("trace");
    let start = Instant::now();
    op(app);
    let wall = start.elapsed();
    app.store
        .trace_statements(None::<fn(String, Duration)>)
        .expect("stop tracing");
    let seen = std::mem::take(&mut *seen.lock().unwrap());
    let (internal, mut own): (Vec<_>, Vec<_>) = seen
        .into_iter()
        .partition(|(sql, _)| sql.contains("'main'.'search_"));
    own.sort_by_key(|(_, took)| std::cmp::Reverse(*took));
    eprintln!(
        "{name}: {wall:.2?} once; {} statements ({} inside FTS5)",
        own.len(),
        internal.len()
    );
    for (sql, took) in own.iter().take(4) {
        let plan = keeper.query_plan(sql, &[]).unwrap_or_default();
        let sql: String = sql.split_whitespace().collect::<Vec<_>>().join(" ");
        let short: String = sql.chars().take(100).collect();
        eprintln!("  {:>3} ms  {short}", took.as_millis());
        if !plan.is_empty() {
            eprintln!("          plan: {}", plan.join(" / "));
        }
    }
}

criterion_group! {
    name = scale;
    config = common::config();
    targets = benches
}
criterion_main!(scale);
