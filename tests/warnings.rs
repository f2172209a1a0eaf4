//! Warnings, not blocks: marking a meeting held before it has started, and exporting the
//! participants' version of a supplier meeting's notes with equal-treatment points open.

mod common;

use common::cli::Sandbox;
use common::screen::ch;
use common::store::{count, memory_store};
use tidig::app::App;
use tidig::app::keymap::Context;
use tidig::domain::{EntityKind, EntityRef, MeetingStatus};

fn demo_app() -> App {
    let mut store = memory_store();
    tidig::ops::demo::load(&mut store, common::now().date_naive()).expect("demo loads");
    App::new(store)
}

#[test]
fn marking_a_future_meeting_held_asks_first_and_a_past_one_does_not() {
    let mut app = demo_app();
    let future = count(
        &app.store,
        &format!(
            "SELECT min(id) FROM meetings WHERE deleted_at IS NULL AND status = 'planned'
             AND start_at > '{}'",
            common::NOW
        ),
    );
    app.go_to(EntityRef::new(EntityKind::Meeting, future));
    ch(&mut app, 'h');
    assert_eq!(app.context(), Context::Confirm);
    assert_eq!(
        app.store.meeting(future).unwrap().status,
        MeetingStatus::Planned,
        "nothing changes before the answer"
    );
    ch(&mut app, 'n');
    assert_eq!(
        app.store.meeting(future).unwrap().status,
        MeetingStatus::Planned
    );
    ch(&mut app, 'h');
    ch(&mut app, 'y');
    assert_eq!(
        app.store.meeting(future).unwrap().status,
        MeetingStatus::Held
    );

    let past = count(
        &app.store,
        &format!(
            "SELECT min(id) FROM meetings WHERE deleted_at IS NULL AND status = 'planned'
             AND end_at < '{}'",
            common::NOW
        ),
    );
    if past > 0 {
        app.go_to(EntityRef::new(EntityKind::Meeting, past));
        ch(&mut app, 'h');
        assert_ne!(app.context(), Context::Confirm);
        assert_eq!(app.store.meeting(past).unwrap().status, MeetingStatus::Held);
    }
}

#[test]
fn the_command_line_warns_on_a_shared_export_with_open_points_and_still_writes_it() {
    let s = Sandbox::empty("Europe/Stockholm");
    s.run(&["demo"]);
    let store = tidig::store::Store::open(&s.db(), common::clock()).unwrap();
    let meeting = count(
        &store,
        "SELECT min(id) FROM meetings WHERE deleted_at IS NULL
         AND kind IN ('supplier_workshop', 'one_to_one_dialogue', 'information_meeting')",
    );
    // No point ticked.
    store
        .connection()
        .execute("UPDATE meetings SET checklist = 0 WHERE id = ?1", [meeting])
        .unwrap();
    drop(store);
    let out = s
        .tidig()
        .args([
            "export",
            "summary",
            &meeting.to_string(),
            "--audience",
            "shared",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("equal-treatment"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Mötesanteckningar"));
    // The internal version says nothing.
    let out = s
        .tidig()
        .args([
            "export",
            "summary",
            &meeting.to_string(),
            "--audience",
            "internal",
        ])
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
