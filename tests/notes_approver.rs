//! Who approved the meeting notes (justerare), issue 14 part 2: the app asks for the
//! name when the notes are approved (the `w` key, and the meeting's form), offering the
//! name given last; the store keeps it with the status change (migration 0015), a
//! bundle carries it, and the meeting's details show it. The exports are tested in
//! `export_summary.rs` (Markdown, HTML, text) and `export_docx.rs` (Word).

mod common;

use crossterm::event::KeyCode;
use rusqlite::Connection;
use tidig::app::{App, keymap::Context};
use tidig::bundle::{Problem, Scope};
use tidig::domain::{EntityKind, EntityRef, MeetingStatus, NotesApproval, NotesStatus};
use tidig::ops::bundle::{export_bundle, import_bundle};
use tidig::store::{ImportError, SCHEMA_VERSION, Store};

use common::screen::{ch, ctrl, press, render, type_str};
use common::store::{db_path, file_store, meeting_input, memory_store, norr, temp_dir, vgr};
use common::utc;

fn held_meeting(store: &mut Store, project: i64, title: &str, day: u32) -> i64 {
    let mut input = meeting_input(title, utc(2026, 11, day, 9, 0), utc(2026, 11, day, 11, 0));
    input.status = MeetingStatus::Held;
    store.create_meeting(project, &input).unwrap()
}

fn notes_status(store: &Store, id: i64) -> NotesStatus {
    store.meeting(id).unwrap().notes_status
}

fn changes(store: &Store, id: i64) -> i64 {
    store
        .connection()
        .query_row(
            "SELECT count(*) FROM notes_status_changes WHERE meeting_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap()
}

// ----- the store --------------------------------------------------------------------

#[test]
fn the_approver_is_kept_with_the_approval_and_a_blank_name_is_none() {
    let mut store = memory_store();
    let p = norr(&mut store);
    let m = held_meeting(&mut store, p, "Behovsworkshop", 20);
    assert_eq!(store.notes_approval(m).unwrap(), None);
    store.set_notes_status(m, NotesStatus::Draft).unwrap();
    store
        .set_notes_status_by(m, NotesStatus::Approved, Some("  Åsa \n Öberg "))
        .unwrap();
    let approval = store.notes_approval(m).unwrap().unwrap();
    assert_eq!(approval.by_name.as_deref(), Some("Åsa Öberg"));
    assert_eq!(notes_status(&store, m), NotesStatus::Approved);
    // Sending keeps who approved them; a later approval without a name is the latest.
    store.set_notes_status(m, NotesStatus::Sent).unwrap();
    assert_eq!(
        store.notes_approval(m).unwrap().unwrap().by_name.as_deref(),
        Some("Åsa Öberg")
    );
    store
        .set_notes_status_by(m, NotesStatus::Approved, Some("  "))
        .unwrap();
    let latest = store.notes_approval(m).unwrap().unwrap();
    assert_eq!(latest.by_name, None, "a blank name is no name");
    // The column refuses a blank name written past the store.
    let blank = store.connection().execute(
        "UPDATE notes_status_changes SET by_name = '  ' WHERE meeting_id = ?1",
        [m],
    );
    assert!(blank.is_err());
}

#[test]
fn the_name_offered_is_the_last_given_in_the_project_then_anywhere() {
    let mut store = memory_store();
    let (norr, vgr) = (norr(&mut store), vgr(&mut store));
    let a = held_meeting(&mut store, norr, "A", 18);
    let b = held_meeting(&mut store, norr, "B", 19);
    let c = held_meeting(&mut store, vgr, "C", 20);
    assert_eq!(store.last_approver_name(a).unwrap(), None);
    store
        .set_notes_status_by(a, NotesStatus::Approved, Some("Åsa Öberg"))
        .unwrap();
    // Anywhere, when the project has none.
    assert_eq!(
        store.last_approver_name(c).unwrap().as_deref(),
        Some("Åsa Öberg")
    );
    store
        .set_notes_status_by(c, NotesStatus::Approved, Some("Per Persson"))
        .unwrap();
    // The project's own before a later one elsewhere.
    assert_eq!(
        store.last_approver_name(b).unwrap().as_deref(),
        Some("Åsa Öberg")
    );
    assert_eq!(
        store.last_approver_name(c).unwrap().as_deref(),
        Some("Per Persson")
    );
}

/// A store from before names were kept (schema 14, without 0015) is migrated: its
/// history stays, without names, and names can be given from then on.
#[test]
fn a_store_from_before_names_keeps_its_history_and_gets_the_column() {
    let dir = temp_dir();
    let path = db_path(&dir);
    let m = {
        let mut store = file_store(&path);
        let p = norr(&mut store);
        let m = held_meeting(&mut store, p, "Behovsworkshop", 20);
        store.set_notes_status(m, NotesStatus::Approved).unwrap();
        m
    };
    {
        let conn = Connection::open(&path).unwrap();
        // Schema 14: the version before 0015 (the later migrations run again too).
        conn.execute_batch(
            "ALTER TABLE notes_status_changes DROP COLUMN by_name;
             PRAGMA user_version = 14;",
        )
        .unwrap();
    }
    let mut store = file_store(&path);
    let version: i64 = store
        .connection()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let old = store.notes_approval(m).unwrap().unwrap();
    assert_eq!(old.by_name, None);
    assert_eq!(changes(&store, m), 1);
    store
        .set_notes_status_by(m, NotesStatus::Approved, Some("Åsa Öberg"))
        .unwrap();
    assert_eq!(
        store.notes_approval(m).unwrap().unwrap().by_name.as_deref(),
        Some("Åsa Öberg")
    );
}

#[test]
fn the_approver_travels_in_a_bundle_and_a_blank_one_is_refused() {
    let mut store = memory_store();
    let p = norr(&mut store);
    let named = held_meeting(&mut store, p, "Named", 19);
    let unnamed = held_meeting(&mut store, p, "Unnamed", 20);
    store
        .set_notes_status_by(named, NotesStatus::Approved, Some("Åsa Öberg"))
        .unwrap();
    store
        .set_notes_status(unnamed, NotesStatus::Approved)
        .unwrap();
    let bundle = export_bundle(&store, &Scope::All).unwrap();
    let json = serde_json::to_value(&bundle).unwrap();
    let rows = json["notes_status_changes"].as_array().unwrap();
    assert_eq!(
        rows.iter().filter(|r| r["by_name"] == "Åsa Öberg").count(),
        1
    );
    // No name, no field: a bundle without names reads as before.
    assert_eq!(
        rows.iter().filter(|r| r.get("by_name").is_some()).count(),
        1
    );

    let mut other = memory_store();
    import_bundle(&mut other, &bundle, false).unwrap();
    let approval = |s: &Store, title: &str| -> Option<NotesApproval> {
        let id: i64 = s
            .connection()
            .query_row("SELECT id FROM meetings WHERE title = ?1", [title], |r| {
                r.get(0)
            })
            .unwrap();
        s.notes_approval(id).unwrap()
    };
    assert_eq!(approval(&other, "Named"), approval(&store, "Named"));
    assert_eq!(approval(&other, "Unnamed").unwrap().by_name, None);

    let mut blank = bundle.clone();
    for r in &mut blank.notes_status_changes {
        if r.by_name.is_some() {
            r.by_name = Some("   ".into());
        }
    }
    let mut third = memory_store();
    match import_bundle(&mut third, &blank, false) {
        Err(ImportError::Invalid(issues)) => {
            assert!(
                issues.iter().any(|i| i.path.ends_with(".by_name")
                    && i.path.starts_with("notes_status_changes[")
                    && i.problem == Problem::Blank),
                "{issues:#?}"
            );
        }
        other => panic!("a blank name was not refused: {other:?}"),
    }
}

// ----- the app ----------------------------------------------------------------------

fn app_on(store: Store, meeting: i64) -> App {
    let mut app = App::new(store);
    app.go_to(EntityRef::new(EntityKind::Meeting, meeting));
    assert!(app.meeting.is_some());
    app
}

/// `w` on a draft does not approve it at once: a one-line dialog asks who approved
/// the notes. Esc leaves them a draft, an empty name is refused where it is typed, and
/// a name approves them with it; the details show it, and the next approval offers it.
#[test]
fn approving_the_notes_asks_who_approved_them() {
    let mut store = memory_store();
    let p = norr(&mut store);
    let first = held_meeting(&mut store, p, "Behovsworkshop", 19);
    let second = held_meeting(&mut store, p, "Referensgrupp", 20);
    for m in [first, second] {
        store.set_notes_status(m, NotesStatus::Draft).unwrap();
    }
    let mut app = app_on(store, first);
    let before = changes(&app.store, first);

    ch(&mut app, 'w');
    assert_eq!(app.context(), Context::Form);
    let form = app.form.as_ref().unwrap();
    assert_eq!(form.title, "Approve the notes");
    assert_eq!(form.value("name"), "", "no name given before");
    // Esc: nothing changes.
    press(&mut app, KeyCode::Esc);
    assert!(app.form.is_none());
    assert_eq!(notes_status(&app.store, first), NotesStatus::Draft);
    assert_eq!(changes(&app.store, first), before);

    // No name, no approval.
    ch(&mut app, 'w');
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Form);
    assert_eq!(notes_status(&app.store, first), NotesStatus::Draft);

    type_str(&mut app, "Åsa Öberg");
    press(&mut app, KeyCode::Enter);
    assert!(app.form.is_none());
    assert_eq!(notes_status(&app.store, first), NotesStatus::Approved);
    assert_eq!(changes(&app.store, first), before + 1);
    let approval = app.store.notes_approval(first).unwrap().unwrap();
    assert_eq!(approval.by_name.as_deref(), Some("Åsa Öberg"));
    let status = &app.status.as_ref().unwrap().text;
    assert!(
        status.contains("Approved") && status.contains("Åsa Öberg"),
        "{status}"
    );
    // The details say who approved them, and when.
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("Approved by") && screen.contains("Åsa Öberg (2026-11-26)"),
        "{screen}"
    );
    // Sending keeps it in the details; `w` on sent notes asks nothing.
    ch(&mut app, 'w');
    assert!(app.form.is_none());
    assert_eq!(notes_status(&app.store, first), NotesStatus::Sent);
    assert!(render(&app, 120, 40).contains("Åsa Öberg (2026-11-26)"));

    // The next meeting's approval offers the name given last.
    app.go_to(EntityRef::new(EntityKind::Meeting, second));
    ch(&mut app, 'w');
    assert_eq!(app.form.as_ref().unwrap().value("name"), "Åsa Öberg");
    ctrl(&mut app, 's');
    assert_eq!(notes_status(&app.store, second), NotesStatus::Approved);
    assert_eq!(
        app.store
            .notes_approval(second)
            .unwrap()
            .unwrap()
            .by_name
            .as_deref(),
        Some("Åsa Öberg")
    );
}

/// Approving the notes in the meeting's form asks the same question once it is saved.
#[test]
fn the_meeting_form_that_approves_the_notes_asks_too() {
    let mut store = memory_store();
    let p = norr(&mut store);
    let m = held_meeting(&mut store, p, "Behovsworkshop", 20);
    store.set_notes_status(m, NotesStatus::Draft).unwrap();
    let mut app = app_on(store, m);
    ch(&mut app, 'e');
    assert_eq!(app.context(), Context::Form);
    app.form
        .as_mut()
        .unwrap()
        .field_mut("notes_status")
        .unwrap()
        .set_value("approved");
    ctrl(&mut app, 's');
    assert_eq!(notes_status(&app.store, m), NotesStatus::Approved);
    let form = app.form.as_ref().expect("the approve dialog");
    assert_eq!(form.title, "Approve the notes");
    type_str(&mut app, "Per Persson");
    press(&mut app, KeyCode::Enter);
    assert!(app.form.is_none());
    assert_eq!(
        app.store
            .notes_approval(m)
            .unwrap()
            .unwrap()
            .by_name
            .as_deref(),
        Some("Per Persson")
    );
    // Saving the form again without moving the status asks nothing.
    ch(&mut app, 'e');
    ctrl(&mut app, 's');
    assert!(app.form.is_none());
}

#[test]
fn snapshot_of_the_approve_dialog() {
    let mut store = memory_store();
    let p = norr(&mut store);
    let m = held_meeting(&mut store, p, "Behovsworkshop", 20);
    let other = held_meeting(&mut store, p, "Referensgrupp", 19);
    store
        .set_notes_status_by(other, NotesStatus::Approved, Some("Åsa Öberg"))
        .unwrap();
    store.set_notes_status(m, NotesStatus::Draft).unwrap();
    let mut app = app_on(store, m);
    ch(&mut app, 'w');
    insta::assert_snapshot!("approve_dialog_80x24", render(&app, 80, 24));
}
