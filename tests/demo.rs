//! The demo as data: the asset loads through the bundle import, gives the portfolio the
//! old hand-written demo gave, is idempotent also on a later day, and the large demo
//! imports the same way (on the command line without control characters when there is
//! no terminal).

mod common;

use chrono::{Days, TimeZone, Utc};
use tidig::bundle::Scope;
use tidig::domain::Clock;
use tidig::ops::demo::{self, DemoSummary};
use tidig::store::Store;

use common::cli::Sandbox;
use common::{clock, today};

/// What the hand-written demo (`src/demo.rs`, before the asset) added to an empty store.
const BEFORE: DemoSummary = DemoSummary {
    organisations: 12,
    people: 10,
    projects: 5,
    milestones: 15,
    meetings: 20,
    agenda_items: 95,
    participants: 40,
    needs: 33,
    suggestions: 14,
    lessons: 10,
    notes: 35,
    decisions: 8,
    actions: 20,
    questions: 3,
    information: 4,
    interests: 1,
    rounds: 1,
};

#[test]
fn the_demo_gives_the_portfolio_it_gave_before() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    assert_eq!(demo::load(&mut store, today()).unwrap(), BEFORE);
    // On its anchor day, in UTC, the store holds the asset exactly: every row, UUID,
    // date and stamp (only the export time differs).
    let asset = tidig::demo::portfolio();
    assert_eq!(asset.anchor, today());
    let mut exported = store.export_bundle(&Scope::All).unwrap();
    exported.exported_at = asset.bundle.exported_at.clone();
    assert!(exported == asset.bundle, "the store differs from the asset");
    assert!(store.check().unwrap().is_empty());
    // Every typed column of the demo is readable (`tidig check`'s own list).
    assert_eq!(store.bad_values().unwrap(), []);
}

#[test]
fn loading_again_adds_nothing_even_a_week_later_and_keeps_edits() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    demo::load(&mut store, today()).unwrap();
    assert_eq!(
        demo::load(&mut store, today()).unwrap(),
        DemoSummary::default()
    );

    // The user edits a demo note and renames a demo project's goal...
    let meeting = store.all_meetings(None).unwrap()[0].id;
    let note = store.notes(meeting).unwrap()[0].id;
    store.update_note_body(note, "Min egen anteckning").unwrap();
    let meetings_before = store.all_meetings(None).unwrap();

    // ...and a week later loads the demo again: the shifted rows look newer, but
    // nothing is added and nothing is overwritten.
    let later = Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0).unwrap();
    store.set_clock(Clock::Fixed(later));
    let again = demo::load(&mut store, today() + Days::new(7)).unwrap();
    assert_eq!(again, DemoSummary::default());
    let body = store
        .notes(meeting)
        .unwrap()
        .into_iter()
        .find(|n| n.id == note)
        .unwrap()
        .body;
    assert_eq!(body, "Min egen anteckning");
    let meetings_after = store.all_meetings(None).unwrap();
    assert_eq!(
        meetings_after.iter().map(|m| m.start).collect::<Vec<_>>(),
        meetings_before.iter().map(|m| m.start).collect::<Vec<_>>()
    );
    assert!(store.check().unwrap().is_empty());
    // Every typed column of the demo is readable (`tidig check`'s own list).
    assert_eq!(store.bad_values().unwrap(), []);
}

#[test]
fn a_removed_and_readded_participant_does_not_stop_a_reload() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    demo::load(&mut store, today()).unwrap();
    let meeting = store.all_meetings(None).unwrap()[0].id;
    // Purge one attendance row and add the same person again (a new row, a new UUID).
    let (attendance, person): (i64, i64) = store
        .connection()
        .query_row(
            "SELECT id, person_id FROM attendance WHERE meeting_id = ?1 LIMIT 1",
            [meeting],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    store
        .connection()
        .execute("DELETE FROM attendance WHERE id = ?1", [attendance])
        .unwrap();
    store
        .add_attendance(meeting, person, tidig::domain::AttendanceRole::Participant)
        .unwrap();
    assert_eq!(
        demo::load(&mut store, today()).unwrap(),
        DemoSummary::default()
    );
}

/// An older tidig wrote the demo round's suppliers and answers after the bundle, under
/// UUIDs of their own: loading the demo again (now with the round in the bundle) adds
/// nothing and refuses nothing.
#[test]
fn a_round_written_by_an_older_loader_does_not_stop_a_reload() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    demo::load(&mut store, today()).unwrap();
    for table in ["round_suppliers", "round_answers"] {
        store
            .connection()
            .execute(
                &format!(
                    "UPDATE {table} SET uuid = lower(hex(randomblob(4))) || '-0000-4000-8000-'
                     || lower(hex(randomblob(6)))"
                ),
                [],
            )
            .unwrap();
    }
    let before = store.export_bundle(&Scope::All).unwrap();
    assert_eq!(
        demo::load(&mut store, today()).unwrap(),
        DemoSummary::default()
    );
    let mut after = store.export_bundle(&Scope::All).unwrap();
    after.exported_at = before.exported_at.clone();
    assert!(after == before, "the reload changed the round");
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn a_small_large_demo_imports_checks_and_is_idempotent() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let size = tidig::demo::Size { projects: 8 };
    let mut calls = Vec::new();
    let added = demo::load_large(&mut store, today(), size, &mut |done, total| {
        calls.push((done, total))
    })
    .unwrap();
    assert_eq!(added.projects, 8);
    assert_eq!(added.meetings, 160);
    assert_eq!(added.notes, 800);
    assert_eq!(added.actions, 400);
    assert_eq!(added.needs, 240);
    assert_eq!(added.suggestions, 160);
    assert!(store.check().unwrap().is_empty());
    // Progress goes from nothing to everything.
    let (first, last) = (calls[0], *calls.last().unwrap());
    assert_eq!(first.0, 0);
    assert_eq!(last.0, last.1);
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0));
    let again = demo::load_large(&mut store, today(), size, &mut |_, _| {}).unwrap();
    assert_eq!(again, DemoSummary::default());
}

#[test]
fn demo_scale_large_prints_no_progress_bar_without_a_terminal() {
    let sandbox = Sandbox::empty("UTC");
    let out = sandbox
        .tidig()
        .args(["demo", "--scale", "large", "--projects", "4"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("added: projects 4"), "{stdout}");
    assert!(
        out.stderr.is_empty(),
        "stderr: {:?}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!stdout.contains('\u{1b}') && !stdout.contains('\r'));
    sandbox.run(&["check"]);
    // Loading the normal demo beside it works too.
    let normal = sandbox.run(&["demo", "--scale", "normal"]);
    assert!(normal.contains("added: projects 5"), "{normal}");
}
