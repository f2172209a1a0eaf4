//! End-to-end: never lose a keystroke (issue 9). The real `tidig` binary runs in a
//! pseudo-terminal read back through a terminal emulator (vt100), on a store seeded
//! with one project and one meeting.
//!
//! - Steady typing (a key every 150 ms for 5 s) is saved while it goes on: SIGKILL
//!   right after the last key loses at most the last couple of seconds.
//! - TERM, HUP, INT and QUIT while a note is open: the note is saved, the terminal
//!   given back, and the exit status is 128 + the signal's number. TERM with a form
//!   open keeps the form as a draft.
//! - A save that fails (another connection holds the write lock longer than the busy
//!   timeout, shortened here with `TIDIG_BUSY_TIMEOUT_MS`): the text stays in the
//!   editor and in a private draft file, `Esc` does not close the editor, and once the
//!   lock is gone the retry stores it and removes the file. Quitting while it fails
//!   exits non-zero, says where the text is, and the next start puts it in the note.
//! - More than 1,024 bytes of unbracketed input are handled without waiting for a
//!   further key.

mod common;

use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use common::pty::{CTRL_C, CTRL_S, ENTER, Env, Session, Spawn, TAB, TIMEOUT, wait_until};
use common::store::{file_store, meeting_input, norr};
use common::utc;
use rusqlite::Connection;

const MEETING: &str = "Dialogmöte med leverantörer";
const EDITOR_OPEN: &str = "[Internal]  The meeting as a whole";

/// A store with NORR-24 and one meeting in it; sessions with `$VISUAL` set to
/// `false` and the extra variables given.
fn seeded_env(env_vars: Vec<(&'static str, String)>) -> Env {
    let env = Env::with(Spawn {
        editor: Some("false".into()),
        env: env_vars,
        ..Spawn::default()
    });
    let mut store = file_store(&env.db());
    let project = norr(&mut store);
    store
        .create_meeting(
            project,
            &meeting_input(MEETING, utc(2026, 11, 27, 10, 0), utc(2026, 11, 27, 11, 0)),
        )
        .unwrap();
    env
}

/// From the portfolio to a new note in the meeting, open in the editor.
fn open_new_note(s: &mut Session) {
    s.wait_for("NORR-24");
    s.send(ENTER);
    s.wait_for("Overview");
    // A project opens on Attention; Overview is the next tab.
    s.send(TAB);
    s.send(TAB);
    s.wait_for(MEETING);
    s.send(ENTER);
    s.wait_for("Purpose");
    s.send(TAB);
    s.send(TAB);
    s.wait_for("No notes yet");
    s.send(b"n");
    s.wait_for(EDITOR_OPEN);
}

/// The bodies of the meeting's notes, read with a connection of our own.
fn note_bodies(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn.prepare("SELECT body FROM notes ORDER BY id").unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn note_uuid(db: &Path) -> String {
    let conn = Connection::open(db).unwrap();
    conn.query_row("SELECT uuid FROM notes", [], |r| r.get(0))
        .unwrap()
}

fn drafts_dir(env: &Env) -> PathBuf {
    env.dir.path().join("t.db-drafts")
}

/// The text a note's draft file keeps (after the line naming its version).
fn kept_body(file: &Path) -> String {
    let contents = std::fs::read_to_string(file).unwrap();
    let (first, body) = contents.split_once('\n').unwrap();
    assert!(first.starts_with("<!-- tidig note version "), "{first}");
    body.to_string()
}

#[test]
fn steady_typing_is_saved_while_it_goes_on() {
    let env = seeded_env(Vec::new());
    let mut s = env.spawn();
    open_new_note(&mut s);

    // A key every 150 ms for 5 s: the typing never pauses long enough for a
    // pause-only autosave.
    let text: String = "abcdefghijklmnopqrstuvwxyzåäöABCDEFG".chars().collect();
    let started = Instant::now();
    for c in text.chars() {
        s.send(c.to_string().as_bytes());
        thread::sleep(Duration::from_millis(150));
    }
    let typed_for = started.elapsed();
    assert!(typed_for >= Duration::from_secs(5), "{typed_for:?}");
    // No pause, no goodbye: SIGKILL right after the last key.
    let status = s.kill_hard();
    assert!(!status.success());
    drop(s);

    let bodies = note_bodies(&env.db());
    assert_eq!(bodies.len(), 1, "{bodies:?}");
    let stored = &bodies[0];
    assert!(text.starts_with(stored.as_str()), "{stored:?}");
    // Saved at most ~2 s after the first unsaved key: at most the last ~3 s (20 keys)
    // are lost, even on a busy machine.
    let lost = text.chars().count() - stored.chars().count();
    assert!(lost <= 20, "{lost} keys lost; stored {stored:?}");
}

/// Types into a new note, sends `signal` at once (before any autosave), and checks
/// the exit status, the stored note and the terminal.
fn a_signal_saves_the_open_note(signal: &str, number: u32) {
    let env = seeded_env(Vec::new());
    let mut s = env.spawn();
    open_new_note(&mut s);
    let typed = format!("Sparas vid SIG{signal}: åäö");
    s.send(typed.as_bytes());
    s.wait_for(&typed);
    s.signal(signal);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + number, "SIG{signal}: {status:?}");
    s.assert_terminal_restored();
    drop(s);
    assert_eq!(note_bodies(&env.db()), vec![typed]);
}

#[test]
fn sigterm_saves_the_open_note() {
    a_signal_saves_the_open_note("TERM", 15);
}

#[test]
fn sighup_saves_the_open_note() {
    a_signal_saves_the_open_note("HUP", 1);
}

#[test]
fn sigint_saves_the_open_note() {
    a_signal_saves_the_open_note("INT", 2);
}

#[test]
fn sigquit_saves_the_open_note() {
    a_signal_saves_the_open_note("QUIT", 3);
}

#[test]
fn sigterm_keeps_an_open_form_as_a_draft() {
    let env = seeded_env(Vec::new());
    let mut s = env.spawn();
    s.wait_for("NORR-24");
    s.send(b"n");
    s.wait_for("New project");
    s.send(b"DRAFT-9");
    s.wait_for("DRAFT-9");
    s.signal("TERM");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 143, "{status:?}");
    s.assert_terminal_restored();
    drop(s);
    let conn = Connection::open(env.db()).unwrap();
    let payload: String = conn
        .query_row(
            "SELECT payload FROM drafts WHERE key = 'project:new'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(payload.contains("DRAFT-9"), "{payload}");
}

/// Another program's write lock on the store, held until dropped.
struct Lock(Connection);

impl Lock {
    fn take(db: &Path) -> Lock {
        let conn = Connection::open(db).unwrap();
        conn.execute_batch("BEGIN EXCLUSIVE").unwrap();
        Lock(conn)
    }

    fn release(self) {
        self.0.execute_batch("COMMIT").unwrap();
    }
}

/// The store's writes give up after 300 ms instead of 10 s, so a held lock shows
/// quickly.
fn short_busy_timeout() -> Vec<(&'static str, String)> {
    vec![("TIDIG_BUSY_TIMEOUT_MS", "300".into())]
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_failed_save_keeps_the_text_and_succeeds_once_the_lock_is_gone() {
    let env = seeded_env(short_busy_timeout());
    let mut s = env.spawn();
    open_new_note(&mut s);
    let file = drafts_dir(&env).join(format!("note-{}.md", note_uuid(&env.db())));

    let lock = Lock::take(&env.db());
    let typed = "Under låset: detta får inte försvinna";
    s.send(typed.as_bytes());
    s.wait_for("not saved, retrying");
    s.wait_for("Not saved");
    // The text is in a private draft file and still in the editor.
    assert_eq!(kept_body(&file), typed);
    #[cfg(unix)]
    {
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(&drafts_dir(&env)), 0o700);
    }
    assert!(s.screen().contains(typed));

    // Esc does not close an editor whose text is not saved: it says so.
    s.send_esc();
    s.wait_for("This note is not saved yet");
    assert!(s.screen().contains(EDITOR_OPEN), "{}", s.screen());
    assert_eq!(note_bodies(&env.db()), vec![String::new()]);

    // The lock goes; the next retry stores the text and removes the draft file.
    lock.release();
    s.wait_for("saved 12:00:00");
    assert_eq!(note_bodies(&env.db()), vec![typed.to_string()]);
    wait_until(s.parser(), "the draft file to go", TIMEOUT, |_| {
        !file.exists()
    });

    // Now Esc closes it as usual, and Ctrl-C quits with 0.
    s.send_esc();
    wait_until(s.parser(), "the editor to close", TIMEOUT, |screen| {
        !screen.contains(EDITOR_OPEN)
    });
    s.send(CTRL_C);
    assert!(s.wait_exit().success());
    s.assert_terminal_restored();
}

#[test]
fn a_lock_held_elsewhere_never_freezes_the_screen_and_the_text_is_saved_once_it_goes() {
    // The real busy timeout (10 s): only the retries' own short wait may be felt.
    let env = seeded_env(Vec::new());
    let mut s = env.spawn();
    open_new_note(&mut s);
    let file = drafts_dir(&env).join(format!("note-{}.md", note_uuid(&env.db())));

    let lock = Lock::take(&env.db());
    let started = Instant::now();
    s.send("Under låset".as_bytes());
    s.wait_for("not saved, retrying");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the first try gave up quickly: {:?}",
        started.elapsed()
    );
    // Keys keep working while the retries go on: each shows at once, well within the
    // busy timeout, however many retries fail in between.
    for word in ["ett", "två", "tre"] {
        thread::sleep(Duration::from_millis(1200));
        let sent = Instant::now();
        s.send(format!(" {word}").as_bytes());
        wait_until(s.parser(), "the word on screen", TIMEOUT, |screen| {
            screen.contains(&format!(" {word}"))
        });
        assert!(
            sent.elapsed() < Duration::from_secs(2),
            "{word} took {:?} to show",
            sent.elapsed()
        );
        assert!(s.screen().contains("not saved, retrying"), "{}", s.screen());
    }
    let typed = "Under låset ett två tre";
    assert_eq!(note_bodies(&env.db()), vec![String::new()]);
    wait_until(s.parser(), "the draft file to hold it all", TIMEOUT, |_| {
        file.exists() && kept_body(&file) == typed
    });

    // The lock goes; a retry stores the text and removes the draft file.
    lock.release();
    s.wait_for("saved 12:00:00");
    assert_eq!(note_bodies(&env.db()), vec![typed.to_string()]);
    wait_until(s.parser(), "the draft file to go", TIMEOUT, |_| {
        !file.exists()
    });
    s.send(CTRL_C);
    assert!(s.wait_exit().success());
}

#[test]
fn quitting_while_saves_fail_exits_non_zero_and_the_next_start_restores_the_text() {
    let env = seeded_env(short_busy_timeout());
    let mut s = env.spawn();
    open_new_note(&mut s);
    let file = drafts_dir(&env).join(format!("note-{}.md", note_uuid(&env.db())));

    let lock = Lock::take(&env.db());
    let typed = "Skrivet medan lagret var låst";
    s.send(typed.as_bytes());
    s.wait_for("not saved, retrying");
    s.send(CTRL_C);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 1, "{status:?}");
    s.assert_terminal_restored();
    // The message on the shell's screen says where the text is.
    let file_name = file.file_name().unwrap().to_string_lossy().into_owned();
    wait_until(s.parser(), "the message after exit", TIMEOUT, |screen| {
        screen.contains("could not be saved") && screen.contains(&file_name)
    });
    drop(s);
    assert_eq!(kept_body(&file), typed);
    lock.release();
    assert_eq!(note_bodies(&env.db()), vec![String::new()]);

    // The next start writes it into the note and removes the file.
    let mut s = env.spawn();
    s.wait_for("Unsaved text from the last session restored: 1 note saved");
    assert_eq!(note_bodies(&env.db()), vec![typed.to_string()]);
    assert!(!file.exists());
    s.send(CTRL_C);
    assert!(s.wait_exit().success());
}

#[test]
fn more_than_a_kilobyte_of_unbracketed_input_is_read_whole() {
    let env = seeded_env(Vec::new());
    let mut s = env.spawn();
    open_new_note(&mut s);
    // 3,000 bytes at once, not marked as a paste: read as typed keys.
    let mut text = "ord ".repeat(747);
    text.push_str("SLUT");
    assert_eq!(text.len(), 2992);
    s.send(text.as_bytes());
    // No further key is sent: the whole input must be handled on its own.
    s.wait_for("ord SLUT");
    s.send(CTRL_S);
    s.wait_for("saved 12:00:00");
    assert_eq!(note_bodies(&env.db()), vec![text]);
    s.send(CTRL_C);
    assert!(s.wait_exit().success());
}
