//! A store we cannot write (file 0400, folder 0500) opens read-only: it can be read,
//! edits are refused up front with a clear message, the app shows a banner, and no
//! `-wal`/`-shm` file is left beside it. (These tests run as root too: a file or folder
//! without write bits counts as read-only whoever runs tidig.)
#![cfg(unix)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crossterm::event::KeyCode;
use tidig::app::App;
use tidig::domain::StoreFault;
use tidig::store::Store;

use common::cli::{Sandbox, fails_with_one_line, stdout_of};
use common::screen::{ch, press, render};
use common::{clock, dir_entries};

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A sandbox with the demo portfolio in `store/t.db` (a folder of its own, so the
/// folder can be made read-only), closed cleanly.
fn demo_store() -> (Sandbox, std::path::PathBuf) {
    let sandbox = Sandbox::empty("UTC");
    let dir = sandbox.path("store");
    std::fs::create_dir(&dir).unwrap();
    let db = dir.join("t.db");
    sandbox.on(&db).arg("demo").assert().success();
    assert_eq!(dir_entries(&dir), ["t.db"]);
    (sandbox, db)
}

/// Runs `check` with the store made read-only by `lock`, then undoes it.
fn with_read_only(db: &Path, file_mode: u32, dir_mode: u32, check: impl FnOnce()) {
    let dir = db.parent().unwrap();
    chmod(db, file_mode);
    chmod(dir, dir_mode);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(check));
    chmod(dir, 0o700);
    chmod(db, 0o600);
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

fn store_checks(db: &Path) {
    let before = std::fs::read(db).unwrap();
    {
        let mut store = Store::open(db, clock()).unwrap();
        assert!(store.is_read_only());
        let projects = store.list_projects(&Default::default()).unwrap();
        assert!(!projects.is_empty());
        let err = store.ensure_writable().unwrap_err();
        assert_eq!(err.fault(), Some(StoreFault::ReadOnly));
        // A write that gets through anyway is refused by SQLite, and called read-only.
        let p = projects[0].id;
        let err = store.mark_project_reviewed(p).unwrap_err();
        assert_eq!(err.fault(), Some(StoreFault::ReadOnly), "{err}");
        assert!(err.to_string().contains("read-only"), "{err}");
    }
    assert_eq!(dir_entries(db.parent().unwrap()), ["t.db"], "stray files");
    assert_eq!(std::fs::read(db).unwrap(), before, "the file was changed");
}

#[test]
fn a_read_only_file_opens_read_only_and_leaves_no_files() {
    let (_sandbox, db) = demo_store();
    with_read_only(&db, 0o400, 0o700, || store_checks(&db));
    // And the next writable start works.
    let store = Store::open(&db, clock()).unwrap();
    assert!(!store.is_read_only());
}

#[test]
fn a_read_only_folder_opens_read_only_and_leaves_no_files() {
    let (_sandbox, db) = demo_store();
    with_read_only(&db, 0o600, 0o500, || store_checks(&db));
}

#[test]
fn cli_reads_a_read_only_store_and_writing_commands_say_so_in_one_line() {
    let (sandbox, db) = demo_store();
    with_read_only(&db, 0o400, 0o500, || {
        let out = stdout_of(sandbox.on(&db).args(["list", "projects"]));
        assert!(out.contains("LULE-25"), "{out}");
        stdout_of(sandbox.on(&db).args(["export", "calendar"]));
        let line = fails_with_one_line(sandbox.on(&db).arg("demo"));
        assert!(line.contains("is read-only"), "{line}");
        assert!(line.contains("make it writable"), "{line}");
        assert!(!line.contains("damaged"), "{line}");
        assert_eq!(dir_entries(db.parent().unwrap()), ["t.db"]);
    });
}

#[test]
fn an_empty_read_only_file_is_not_made_a_store() {
    let sandbox = Sandbox::empty("UTC");
    let db = sandbox.path("empty.db");
    std::fs::write(&db, b"").unwrap();
    chmod(&db, 0o400);
    let line = fails_with_one_line(sandbox.on(&db).args(["list", "projects"]));
    assert!(line.contains("read-only"), "{line}");
    assert_eq!(common::mode(&db), 0o400, "its permissions were changed");
}

#[test]
fn the_app_shows_a_banner_and_refuses_edits_up_front() {
    let (_sandbox, db) = demo_store();
    with_read_only(&db, 0o400, 0o700, || {
        let store = Store::open(&db, clock()).unwrap();
        let mut app = App::open(store).unwrap();
        let screen = render(&app, 120, 40);
        assert!(screen.contains("READ-ONLY"), "{screen}");
        ch(&mut app, 'n');
        assert!(app.form.is_none(), "a form opened on a read-only store");
        let status = app.status.as_ref().expect("a message").text.clone();
        assert!(status.contains("read-only"), "{status}");
        // Looking around still works.
        press(&mut app, KeyCode::Enter);
        assert!(matches!(app.screen(), tidig::app::Screen::Project { .. }));
        drop(app);
        assert_eq!(dir_entries(db.parent().unwrap()), ["t.db"]);
    });
}
