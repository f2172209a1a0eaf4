//! End-to-end: the real `tidig` binary in a pseudo-terminal, driven by key bytes and
//! read back through a terminal emulator (vt100), as a user would see it.
//!
//! The screen is read from the emulator, never from the raw output: ratatui only
//! writes the cells that changed, so the raw bytes rarely contain a whole line. The
//! harness is in `tests/common/pty.rs`; here the terminal is 100×30 and `TZ` is left
//! as it is.

mod common;

use std::path::Path;
use std::process::Command;

use common::pty::{CTRL_C, CTRL_S, Env, Spawn, TAB, TIMEOUT, line_with, wait_until};
use common::{NOW, dir_entries};

/// A fresh store in a 100×30 terminal.
fn env() -> Env {
    Env::with(Spawn {
        rows: 30,
        cols: 100,
        tz: None,
        ..Spawn::default()
    })
}

#[test]
fn create_a_project_quit_and_find_it_again() {
    let env = env();
    let title = "Hemtjänst i Norrbotten";

    let mut s = env.spawn();
    s.wait_for("Welcome to tidig");
    s.send(b"n");
    s.wait_for("New project");
    // Typed lower-case on purpose: the code field upper-cases as you type.
    s.send(b"norr-24");
    s.wait_for("NORR-24");
    s.send(TAB);
    s.send(title.as_bytes());
    s.wait_for(title);
    s.send(CTRL_S);
    s.wait_for("Saved: NORR-24");
    // The form is closed and the portfolio lists the project on one row.
    wait_until(s.parser(), "the project's row", TIMEOUT, |screen| {
        !screen.contains("New project")
            && line_with(screen, "NORR-24").is_some_and(|l| l.contains(title))
    });
    assert!(!s.screen().contains("Welcome to tidig"));
    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_terminal_restored();
    drop(s);

    // A second start on the same store shows the project straight away.
    let mut s = env.spawn();
    wait_until(s.parser(), "the saved project", TIMEOUT, |screen| {
        line_with(screen, "NORR-24").is_some_and(|l| l.contains(title))
    });
    assert!(!s.screen().contains("Welcome to tidig"));
    // Filtering folds å/ä/ö: upper-case "HEMTJÄNST" finds "Hemtjänst".
    s.send(b"f");
    s.send("HEMTJÄNST".as_bytes());
    s.wait_for("HEMTJÄNST");
    wait_until(s.parser(), "the filtered row", TIMEOUT, |screen| {
        line_with(screen, "NORR-24").is_some_and(|l| l.contains(title))
    });
    // Esc closes the filter and clears it.
    s.send_esc();
    wait_until(s.parser(), "the filter to close", TIMEOUT, |screen| {
        !screen.contains("HEMTJÄNST")
    });
    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_terminal_restored();
}

#[test]
fn ctrl_c_in_a_half_filled_form_keeps_a_draft() {
    let env = env();

    let mut s = env.spawn();
    s.wait_for("Welcome to tidig");
    s.send(b"n");
    s.wait_for("New project");
    s.send(b"DRAFT-7");
    s.wait_for("DRAFT-7");
    s.send(TAB);
    s.send("Halvfärdig upphandling".as_bytes());
    s.wait_for("Halvfärdig upphandling");
    s.send(CTRL_C);
    let status = s.wait_exit();
    assert!(status.success(), "Ctrl-C should quit cleanly: {status:?}");
    s.assert_terminal_restored();
    drop(s);

    // Nothing was saved as a project, but `n` brings the typed text back.
    let mut s = env.spawn();
    s.wait_for("Welcome to tidig");
    s.send(b"n");
    s.wait_for("New project");
    s.wait_for("Restored your unsaved draft");
    s.wait_for("DRAFT-7");
    s.wait_for("Halvfärdig upphandling");
    // Quitting again from the restored form also exits cleanly.
    s.send(CTRL_C);
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_terminal_restored();
}

/// Runs `tidig --db <path>` (no PTY) and returns (success, stderr).
fn run_on(env: &Env, db: &Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tidig"))
        .arg("--db")
        .arg(db)
        .current_dir(env.dir.path())
        .env_remove("TIDIG_DB")
        .env("TIDIG_CONFIG", env.config())
        .env("TIDIG_NOW", NOW)
        .env("TERM", "xterm-256color")
        .output()
        .expect("run tidig");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The file is refused with a one-line `tidig:` message and left exactly as it was,
/// with no journal or WAL files created beside it.
fn assert_refused_untouched(env: &Env, db: &Path, expect_in_message: &str) {
    let before = std::fs::read(db).unwrap();
    let entries_before = dir_entries(env.dir.path());
    let (ok, stdout, stderr) = run_on(env, db);
    assert!(!ok, "tidig accepted {}; stderr: {stderr}", db.display());
    let stderr = stderr.trim_end();
    assert_eq!(
        stderr.lines().count(),
        1,
        "expected a one-line message, got:\n{stderr}"
    );
    assert!(stderr.starts_with("tidig: "), "message: {stderr}");
    assert!(
        stderr.contains(expect_in_message),
        "message {stderr:?} lacks {expect_in_message:?}"
    );
    assert!(
        !stdout.contains("\x1b[?1049h"),
        "the terminal UI started anyway"
    );
    assert_eq!(std::fs::read(db).unwrap(), before, "the file was modified");
    assert_eq!(
        dir_entries(env.dir.path()),
        entries_before,
        "files were created beside the store"
    );
}

#[test]
fn a_file_that_is_not_a_tidig_store_is_refused_and_left_alone() {
    let env = env();

    // Plain text.
    let db = env.db();
    std::fs::write(&db, "not a database").unwrap();
    assert_refused_untouched(&env, &db, "is not a tidig database");

    // Another program's SQLite database.
    let other = env.dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch(
            "PRAGMA application_id = 42;
             CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
             INSERT INTO notes (body) VALUES ('hej');",
        )
        .unwrap();
    }
    assert_refused_untouched(&env, &other, "is not a tidig database");

    // SQLite's header followed by garbage: damaged.
    let damaged = env.dir.path().join("damaged.db");
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend((0..8192u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    std::fs::write(&damaged, &bytes).unwrap();
    assert_refused_untouched(&env, &damaged, "damaged.db");
}
