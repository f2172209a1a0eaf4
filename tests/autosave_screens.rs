//! The app without a terminal: when typed text is written (a pause, or at most ~2 s
//! after the first unsaved key), what a failed save does (the text stays in the
//! editor and in a private draft file, `Esc` warns once, the retry succeeds once the
//! store can take it), and how the next start gives kept text back. Time is injected
//! with `App::tick_at`; nothing here sleeps.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use crossterm::event::KeyCode;
use rusqlite::Connection;
use tidig::app::keymap::Context;
use tidig::app::{MeetingTab, ProjectTab, autosave};
use tidig::domain::EntityKind;
use tidig::draft_files::DraftFiles;
use tidig::store::Store;

use common::clock;
use common::screen::{meeting_tab, open_project, press, project_tab, render, type_str};
use common::store::workshop_with_note;

const NOTE: &str = "Inledning.";

/// A file store with NORR-24, one meeting and one note; the app on it with draft
/// files beside the store; the note's id.
fn app_in(dir: &Path) -> (tidig::app::App, i64) {
    let db = dir.join("t.db");
    let mut store = Store::open(&db, clock()).unwrap();
    let note = workshop_with_note(&mut store, NOTE);
    // Writes give up quickly here, so that a held lock fails a save at once.
    store.set_busy_timeout(Duration::from_millis(20)).unwrap();
    let mut app = tidig::app::App::new(store);
    app.dirs.drafts = DraftFiles::for_store(&db, None);
    (app, note)
}

fn open_note(app: &mut tidig::app::App) {
    open_project(app, "NORR-24");
    project_tab(app, ProjectTab::Meetings);
    press(app, KeyCode::Home);
    press(app, KeyCode::Enter);
    meeting_tab(app, MeetingTab::Notes);
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Context::NoteEditor);
}

fn body(app: &tidig::app::App, id: i64) -> String {
    app.store.note(id).unwrap().body
}

/// Another program's write lock on the store.
fn lock(dir: &Path) -> Connection {
    let conn = Connection::open(dir.join("t.db")).unwrap();
    conn.execute_batch("BEGIN EXCLUSIVE").unwrap();
    conn
}

#[test]
fn steady_typing_is_written_within_the_maximum_wait() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, id) = app_in(dir.path());
    open_note(&mut app);
    let t0 = Instant::now();
    let mut now = t0;
    let mut saved_after = None;
    for (i, c) in " och mer text som aldrig pausar".chars().enumerate() {
        type_str(&mut app, &c.to_string());
        app.tick_at(now);
        if saved_after.is_none() && body(&app, id) != NOTE {
            saved_after = Some((now - t0, i));
        }
        now += Duration::from_millis(150);
    }
    let (after, keys) = saved_after.expect("saved while typing");
    assert!(
        after <= autosave::MAX_WAIT + Duration::from_millis(150),
        "{after:?}"
    );
    assert!(body(&app, id).len() > NOTE.len() + keys);
    assert_eq!(app.context(), Context::NoteEditor);
}

#[test]
fn a_screen_change_saves_the_open_form_draft_and_shows_when() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_in(dir.path());
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.context(), Context::Form);
    type_str(&mut app, "UTKAST-1");
    let t0 = Instant::now();
    app.tick_at(t0);
    assert!(app.store.draft("project:new").unwrap().is_none());
    app.tick_at(t0 + autosave::PAUSE);
    let draft = app.store.draft("project:new").unwrap().expect("kept");
    assert!(draft.payload.contains("UTKAST-1"));
    let screen = render(&app, 120, 40);
    assert!(screen.contains("draft kept 12:00:00"), "{screen}");
}

#[test]
fn a_failed_save_keeps_the_text_warns_on_esc_and_is_retried() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, id) = app_in(dir.path());
    open_note(&mut app);
    let uuid = app.store.note(id).unwrap().uuid;
    let file = dir.path().join(format!("t.db-drafts/note-{uuid}.md"));
    let held = lock(dir.path());

    type_str(&mut app, " Viktigt.");
    let typed = format!("{NOTE} Viktigt.");
    let t0 = Instant::now();
    app.tick_at(t0 + autosave::PAUSE);
    assert_eq!(body(&app, id), NOTE);
    let kept = app.dirs.drafts.note(&uuid).unwrap();
    assert_eq!(
        (kept.path.clone(), kept.body),
        (file.clone(), typed.clone())
    );
    assert_eq!(app.unsaved_files(), vec![file.clone()]);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("not saved, retrying"), "{screen}");

    // Esc says so and stays open.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::NoteEditor);
    let status = app.status.clone().unwrap().text;
    assert!(status.contains("not saved yet"), "{status}");

    // The lock goes; the next tick writes the text and removes the file.
    held.execute_batch("COMMIT").unwrap();
    app.tick_at(t0 + autosave::PAUSE + Duration::from_millis(250));
    assert_eq!(body(&app, id), typed);
    assert!(!file.exists());
    assert!(app.unsaved_files().is_empty());
    press(&mut app, KeyCode::Esc);
    assert_ne!(app.context(), Context::NoteEditor);
}

#[test]
fn a_second_esc_closes_and_the_note_gives_the_text_back_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, id) = app_in(dir.path());
    open_note(&mut app);
    let held = lock(dir.path());
    type_str(&mut app, " Sparas senare.");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::NoteEditor);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::MeetingNotes);
    let status = app.status.clone().unwrap().text;
    assert!(status.contains("t.db-drafts"), "{status}");
    held.execute_batch("COMMIT").unwrap();

    // Opened again: the kept text is back in the editor, unsaved, and the next
    // autosave writes it.
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.editor.as_ref().unwrap().text(),
        format!("{NOTE} Sparas senare.")
    );
    assert!(app.editor.as_ref().unwrap().is_dirty());
    app.tick_at(Instant::now() + autosave::MAX_WAIT);
    assert_eq!(body(&app, id), format!("{NOTE} Sparas senare."));
    assert!(app.dirs.drafts.found().is_empty());
}

#[test]
fn the_next_start_restores_kept_notes_and_form_drafts() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, id) = app_in(dir.path());
    let uuid = app.store.note(id).unwrap().uuid;
    let files = app.dirs.drafts.clone();
    let version = app.store.version(EntityKind::Note, id).unwrap();
    files.keep_note(&uuid, version, "Återställd text").unwrap();
    files
        .keep_form("project:new", r#"{"code":"ATER-1"}"#)
        .unwrap();
    app.restore_draft_files();
    assert_eq!(body(&app, id), "Återställd text");
    let draft = app.store.draft("project:new").unwrap().unwrap();
    assert_eq!(draft.payload, r#"{"code":"ATER-1"}"#);
    assert!(files.found().is_empty());
    let status = app.status.clone().unwrap().text;
    assert!(status.contains("1 note saved"), "{status}");
    assert!(status.contains("1 form draft kept"), "{status}");
}
