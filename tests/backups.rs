//! Automatic backups (first start of each day, before a migration, before a restore),
//! rotated to the configured number, private; and `tidig restore FILE`.

mod common;

use std::path::{Path, PathBuf};

use common::cli::{Sandbox, fails_with_one_line, stdout_of};
#[cfg(unix)]
use common::mode;
use common::{clock, dir_entries, wal_of};
use tidig::store::Store;

fn backups(sandbox: &Sandbox) -> Vec<String> {
    let dir = sandbox.path("backups");
    if dir.exists() {
        dir_entries(&dir)
    } else {
        Vec::new()
    }
}

fn on_day(sandbox: &Sandbox, day: u32, args: &[&str]) -> String {
    stdout_of(
        sandbox
            .tidig()
            .env("TIDIG_NOW", format!("2026-11-{day:02}T12:00:00Z"))
            .args(args),
    )
}

fn title_of(db: &Path, code: &str) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT title FROM projects WHERE code = ?1", [code], |r| {
        r.get(0)
    })
    .unwrap()
}

fn retitle(db: &Path, code: &str, title: &str) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute(
        "UPDATE projects SET title = ?2 WHERE code = ?1",
        [code, title],
    )
    .unwrap();
}

#[test]
fn the_first_start_of_each_day_keeps_a_backup_and_old_ones_are_rotated() {
    let sandbox = Sandbox::empty("UTC");
    std::fs::write(sandbox.config(), "backups = 2\n").unwrap();
    on_day(&sandbox, 10, &["demo"]);
    assert!(
        backups(&sandbox).is_empty(),
        "a new store has nothing to keep"
    );
    // Reading is no start that changes anything.
    on_day(&sandbox, 10, &["list", "projects"]);
    assert!(backups(&sandbox).is_empty());
    on_day(&sandbox, 10, &["demo"]);
    on_day(&sandbox, 10, &["demo"]);
    assert_eq!(backups(&sandbox), ["tidig-20261110-120000-daily.db"]);
    #[cfg(unix)]
    {
        assert_eq!(mode(&sandbox.path("backups")), 0o700);
        assert_eq!(
            mode(&sandbox.path("backups/tidig-20261110-120000-daily.db")),
            0o600
        );
    }
    // The user's own backup is never rotated away.
    let own = on_day(&sandbox, 11, &["backup"]);
    assert!(own.trim().ends_with("tidig-20261111-120000.db"), "{own}");
    for day in 12..=14 {
        on_day(&sandbox, day, &["demo"]);
    }
    assert_eq!(
        backups(&sandbox),
        [
            "tidig-20261111-120000.db",
            "tidig-20261113-120000-daily.db",
            "tidig-20261114-120000-daily.db",
        ]
    );
    // A backup is a whole, readable store.
    let kept = sandbox.path("backups/tidig-20261114-120000-daily.db");
    assert!(tidig::store::inspect_backup(&kept).is_ok());
}

#[test]
fn no_automatic_backups_when_turned_off() {
    let sandbox = Sandbox::empty("UTC");
    std::fs::write(sandbox.config(), "backups = 0\n").unwrap();
    on_day(&sandbox, 10, &["demo"]);
    on_day(&sandbox, 11, &["demo"]);
    assert!(backups(&sandbox).is_empty());
}

/// A store at schema 4, as an older tidig left it.
fn old_store(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    for sql in [
        include_str!("../src/store/migrations/0001_foundation.sql"),
        include_str!("../src/store/migrations/0002_meetings.sql"),
        include_str!("../src/store/migrations/0003_agenda_changes_touch_meeting.sql"),
        include_str!("../src/store/migrations/0004_needs_suggestions_lessons.sql"),
    ] {
        conn.execute_batch(sql).unwrap();
    }
    conn.execute_batch(&format!(
        "PRAGMA application_id = {}; PRAGMA user_version = 4;",
        tidig::store::APPLICATION_ID
    ))
    .unwrap();
}

#[test]
fn a_migration_is_preceded_by_a_backup_of_the_old_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    old_store(&db);
    let store = Store::open(&db, clock()).unwrap();
    drop(store);
    let kept = dir_entries(&dir.path().join("backups"));
    assert_eq!(kept, ["tidig-20261126-120000-before-migration-v4.db"]);
    let conn = rusqlite::Connection::open(dir.path().join("backups").join(&kept[0])).unwrap();
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 4, "the backup is the store as it was before");
    // Up to date: no more backups.
    drop(Store::open(&db, clock()).unwrap());
    assert_eq!(dir_entries(&dir.path().join("backups")).len(), 1);
}

fn demo_with_backup() -> (Sandbox, PathBuf) {
    let sandbox = Sandbox::empty("UTC");
    sandbox.tidig().arg("demo").assert().success();
    let backup = sandbox.path("saved.db");
    stdout_of(
        sandbox
            .tidig()
            .args(["backup", "-o", backup.to_str().unwrap()]),
    );
    (sandbox, backup)
}

#[test]
fn restore_brings_back_a_backup_and_keeps_the_replaced_store() {
    let (sandbox, backup) = demo_with_backup();
    let db = sandbox.db();
    let original = title_of(&db, "LULE-25");
    retitle(&db, "LULE-25", "Changed after the backup");
    // A reader holds the store open meanwhile (as the app would); WAL stays consistent.
    let reader = rusqlite::Connection::open(&db).unwrap();
    let out = stdout_of(sandbox.tidig().args(["restore", backup.to_str().unwrap()]));
    assert!(out.starts_with("Restored "), "{out}");
    let count: i64 = reader
        .query_row("SELECT count(*) FROM projects", [], |r| r.get(0))
        .unwrap();
    assert!(count > 0);
    drop(reader);
    assert_eq!(title_of(&db, "LULE-25"), original);
    let kept: Vec<String> = backups(&sandbox)
        .into_iter()
        .filter(|n| n.contains("-before-restore"))
        .collect();
    assert_eq!(kept.len(), 1, "{:?}", backups(&sandbox));
    let kept = sandbox.path("backups").join(&kept[0]);
    assert_eq!(title_of(&kept, "LULE-25"), "Changed after the backup");
    #[cfg(unix)]
    assert_eq!(mode(&kept), 0o600);
    assert!(out.contains(kept.to_str().unwrap()), "{out}");
    // Still in WAL mode, and whole.
    let mode_now: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode_now, "wal");
    assert_eq!(
        stdout_of(sandbox.tidig().arg("check")).trim(),
        format!("ok: {}", db.display())
    );
}

#[test]
fn restore_refuses_what_is_not_a_whole_tidig_store_and_touches_nothing() {
    let (sandbox, backup) = demo_with_backup();
    let db = sandbox.db();
    let before = std::fs::read(&db).unwrap();
    let text = sandbox.path("notes.txt");
    std::fs::write(&text, "hello\n").unwrap();
    let newer = sandbox.path("newer.db");
    std::fs::copy(&backup, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 999")
        .unwrap();
    let damaged = sandbox.path("damaged.db");
    let mut bytes = std::fs::read(&backup).unwrap();
    bytes[4096..6096].fill(0xAB);
    std::fs::write(&damaged, &bytes).unwrap();
    let other = sandbox.path("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE x (y)")
        .unwrap();
    let missing = sandbox.path("missing.db");
    for (file, says) in [
        (&text, "not a tidig database"),
        (&other, "not a tidig database"),
        (&newer, "newer"),
        (&damaged, "damaged"),
        (&missing, "no such file"),
        (&db, "the store itself"),
    ] {
        let line = fails_with_one_line(sandbox.tidig().args(["restore", file.to_str().unwrap()]));
        assert!(line.contains(says), "{}: {line}", file.display());
        assert_eq!(std::fs::read(&db).unwrap(), before, "{}", file.display());
    }
    assert!(
        backups(&sandbox)
            .iter()
            .all(|n| !n.contains("before-restore")),
        "{:?}",
        backups(&sandbox)
    );
}

#[test]
fn restore_replaces_a_damaged_store_and_keeps_it_aside() {
    let (sandbox, backup) = demo_with_backup();
    let db = sandbox.db();
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[100..1100].fill(0xAB);
    std::fs::write(&db, &bytes).unwrap();
    fails_with_one_line(sandbox.tidig().args(["list", "projects"]));
    stdout_of(sandbox.tidig().args(["restore", backup.to_str().unwrap()]));
    assert!(!wal_of(&db).exists() || std::fs::metadata(wal_of(&db)).unwrap().len() == 0);
    let out = stdout_of(sandbox.tidig().args(["list", "projects"]));
    assert!(out.contains("LULE-25"), "{out}");
    let kept: Vec<String> = backups(&sandbox)
        .into_iter()
        .filter(|n| n.contains("-before-restore"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        std::fs::read(sandbox.path("backups").join(&kept[0])).unwrap(),
        bytes
    );
    #[cfg(unix)]
    assert_eq!(mode(&db), 0o600);
}
