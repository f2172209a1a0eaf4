//! The large demo (`tidig demo --scale large`, built with the same generator and import)
//! as the benches' store: the first frame, moving in the portfolio, opening the actions
//! screen, one meeting-notes export and the whole calendar, at the scale a facilitator
//! reaches after years of work. The other bench files keep purpose-built stores for the
//! shapes they check (200 milestones in one project, 500 notes in one meeting, …).
//!
//! `TIDIG_BENCH_PROJECTS` sets the size (default 250 projects: 5,000 meetings, 25,000
//! notes, 12,500 actions, 7,500 needs; about 2 s to build); 1000 is the full large demo.

mod common;

use std::time::Instant;

use criterion::{criterion_group, criterion_main};
use crossterm::event::KeyCode;

use common::{bench_key_draw, ch, draw, open_app, open_store, press, terminal};
use tidig::domain::{Audience, TextEnum};
use tidig::export::{Lang, SummaryFormat, TemplateSource};
use tidig::ops::ExportJob;

fn projects() -> usize {
    std::env::var("TIDIG_BENCH_PROJECTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(250)
}

fn benches(c: &mut criterion::Criterion) {
    let (_dir, path) = common::temp_store_path();
    let built = Instant::now();
    let added = common::seed_large_demo(&path, projects());
    eprintln!(
        "large demo: {} projects, {} meetings, {} notes, {} actions built in {:.2?}",
        added.projects,
        added.meetings,
        added.notes,
        added.actions,
        built.elapsed()
    );
    // Held open throughout, so that closing other connections never checkpoints the
    // WAL inside a timed region.
    let keeper = open_store(&path);
    let mut group = c.benchmark_group("large");

    group.bench_function("open store and draw first frame", |b| {
        b.iter(|| {
            let app = open_app(&path);
            let mut term = terminal();
            draw(&mut term, &app);
            app
        })
    });

    let mut app = open_app(&path);
    let mut term = terminal();
    bench_key_draw(
        &mut group,
        "portfolio j",
        (&mut app, &mut term),
        |app| {
            if app.portfolio.cursor.selected > 100 {
                press(app, KeyCode::Home);
            }
        },
        |app| ch(app, 'j'),
    );
    bench_key_draw(
        &mut group,
        "open the actions screen",
        (&mut app, &mut term),
        |app| ch(app, '1'),
        |app| ch(app, '3'),
    );
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
        bench_typing(
            &mut group,
            (&mut app, &mut term),
            '/',
            "search keypress",
            typed,
        );
    }
    for typed in ["n", "ne", "le25", "behov", "trash"] {
        bench_typing(
            &mut group,
            (&mut app, &mut term),
            ':',
            "palette keypress",
            typed,
        );
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

/// Benchmarks the last keypress of `typed` (and the frame after it) in the overlay that
/// `opener` opens from the portfolio.
fn bench_typing(
    group: &mut common::Group<'_>,
    (app, term): (&mut tidig::app::App, &mut common::Term),
    opener: char,
    what: &str,
    typed: &str,
) {
    let (before, last) = typed.split_at(typed.len() - typed.chars().last().unwrap().len_utf8());
    let last = last.chars().next().unwrap();
    bench_key_draw(
        group,
        format!("{what} \"{typed}\""),
        (app, term),
        |app| {
            press(app, KeyCode::Esc);
            ch(app, '1');
            ch(app, opener);
            for c in before.chars() {
                ch(app, c);
            }
        },
        |app| ch(app, last),
    );
}

criterion_group! {
    name = large;
    config = common::config();
    targets = benches
}
criterion_main!(large);
