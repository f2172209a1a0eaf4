//! End-to-end: nothing typed in the note editor is lost. The real `tidig` binary runs
//! in a pseudo-terminal read back through a terminal emulator (vt100).
//!
//! - The autosave test of issue 5: type a note, pause past the autosave delay (0.8 s;
//!   the app ticks every 250 ms), SIGKILL the process, start it again on the same
//!   store, and the text is there — in the store and on the meeting's Notes tab.
//! - Ctrl-C while typing, before the autosave delay: tidig exits 0, the text is saved
//!   and the terminal is given back.
//! - Ctrl-G hands the note to `$VISUAL` (here a script that appends a line): the TUI
//!   steps aside and comes back, and the edited text is in the editor and the store.
//!
//! The harness is in `tests/common/pty.rs`; like a real terminal, it answers
//! cursor-position queries (`ESC [6n`), which ratatui sends when the TUI comes back
//! from `$VISUAL`. One test shows what happens when no answer comes. The clock is
//! fixed with `TIDIG_NOW` at Thursday 2026-11-26 12:00 UTC and the zone pinned with
//! `TZ=UTC`.

mod common;

use std::thread;
use std::time::{Duration, Instant};

use common::pty::{
    CTRL_C, CTRL_G, CTRL_S, ENTER, ESC, Env, Replies, Session, Spawn, TAB, TIMEOUT, count,
    line_with, wait_until,
};

const MEETING: &str = "Dialogmöte med leverantörer";
/// What is typed in the editor, line by line.
const LINES: [&str; 3] = [
    "Första raden: åäö ÅÄÖ",
    "Leverantörerna önskar längre avtalstid – 3 år",
    "Sista raden: öppna gränssnitt",
];

/// A fresh store; the editor must never be started by accident.
fn new_env() -> Env {
    Env::with(Spawn {
        editor: Some("false".into()),
        ..Spawn::default()
    })
}

/// A session with `$VISUAL` and `$EDITOR` set to `editor`, in a terminal that answers
/// cursor-position queries or not.
fn spawn_editing(env: &Env, editor: &str, replies: Replies) -> Session {
    env.spawn_with(&Spawn {
        editor: Some(editor.into()),
        replies,
        ..Spawn::default()
    })
}

/// From the welcome screen of an empty store: a project, a meeting on Friday 10:00,
/// the meeting opened on its Notes tab, and a new note open in the editor.
fn new_note_in_a_new_meeting(s: &mut Session) {
    s.wait_for("Welcome to tidig");

    // A project: n, code, Tab, title, Ctrl-S.
    s.create_project("NORR-24", "Hemtjänst i Norrbotten");

    // Its Meetings tab.
    s.send(ENTER);
    s.wait_for("Overview");
    // A project opens on Attention; Overview is the next tab.
    s.send(TAB);
    s.send(TAB);
    s.wait_for("No meetings yet");

    // A meeting: Tab past the type to the title, then start and end, Ctrl-S.
    s.send(b"n");
    s.wait_for("New meeting");
    s.send(TAB);
    s.send(MEETING.as_bytes());
    s.wait_for(MEETING);
    s.send(TAB);
    s.send(b"fre 10:00");
    s.wait_for("fre 10:00");
    s.send(TAB);
    s.send(b"1h");
    s.send(CTRL_S);
    s.wait_for(&format!("Saved: {MEETING}"));
    wait_until(
        s.parser(),
        "the meeting on the Meetings tab",
        TIMEOUT,
        |screen| {
            !screen.contains("New meeting")
                && line_with(screen, MEETING).is_some_and(|l| l.contains("10:00–11:00"))
        },
    );

    // Enter the meeting, Tab to Notes, n for a new note.
    s.send(ENTER);
    s.wait_for("Purpose");
    s.send(TAB);
    s.send(TAB);
    s.wait_for("No notes yet");
    s.send(b"n");
    s.wait_for("[Internal]  The meeting as a whole");
}

/// The lines typed into the editor, Enter between them, as a terminal sends them.
fn typed_text() -> Vec<u8> {
    LINES.join("\r").into_bytes()
}

/// The body the store should hold.
fn expected_body() -> String {
    LINES.join("\n")
}

/// The meeting's notes in the store at `db`.
fn stored_notes(db: &std::path::Path) -> Vec<tidig::domain::Note> {
    let store = tidig::store::Store::open(db, tidig::domain::Clock::Fixed(chrono::Utc::now()))
        .expect("open the store after the run");
    let meetings = store.all_meetings(None).expect("list meetings");
    assert_eq!(meetings.len(), 1);
    assert_eq!(meetings[0].title, MEETING);
    store.notes(meetings[0].id).expect("the meeting's notes")
}

#[test]
fn typed_notes_survive_a_killed_process() {
    let env = new_env();
    let mut s = env.spawn();
    new_note_in_a_new_meeting(&mut s);

    s.send(&typed_text());
    s.wait_for(LINES[2]);
    let typed = Instant::now();
    // Pause past the autosave delay; the editor says when the note was saved.
    s.wait_for("saved 12:00:00");
    let left = Duration::from_millis(1500).saturating_sub(typed.elapsed());
    thread::sleep(left);
    let screen = s.screen();
    for line in LINES {
        assert!(
            screen.contains(line),
            "{line:?} not in the editor:\n{screen}"
        );
    }
    assert!(!screen.contains("● unsaved"), "{screen}");

    // No goodbye: SIGKILL, so nothing is saved on the way out.
    let status = s.kill_hard();
    assert!(!status.success(), "killed: {status:?}");
    drop(s);

    // The store has the text as typed.
    let notes = stored_notes(&env.db());
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].body, expected_body());
    assert_eq!(notes[0].agenda_item_id, None);

    // Start again on the same store: the meeting's Notes tab lists the note and the
    // editor brings every line back.
    let mut s = env.spawn();
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
    s.wait_for(LINES[0]);
    let screen = s.screen();
    let row = line_with(&screen, LINES[0]).expect("the note on the Notes tab");
    assert!(row.contains("[Internal]"), "{screen}");
    assert!(row.contains("(+2 more)"), "{screen}");
    s.send(ENTER);
    s.wait_for("[Internal]  The meeting as a whole");
    for line in LINES {
        s.wait_for(line);
    }
    s.send(ESC);
    s.wait_for("Notes · 1");
    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_terminal_restored();

    // Opening and closing the editor changed nothing.
    let notes = stored_notes(&env.db());
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].body, expected_body());
}

#[test]
fn ctrl_c_while_typing_saves_the_note_and_restores_the_terminal() {
    let env = new_env();
    let mut s = env.spawn();
    new_note_in_a_new_meeting(&mut s);

    // The text and Ctrl-C in one write: the app reads them as one burst of keys, with
    // no pause between, so no autosave tick can run before the Ctrl-C.
    let mut keys = typed_text();
    keys.extend_from_slice(CTRL_C);
    s.send(&keys);
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_terminal_restored();

    let notes = stored_notes(&env.db());
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].body, expected_body());
}

/// Writes an "editor" script that appends a line to the file it is given, as a user
/// would, and returns its path.
#[cfg(unix)]
fn appending_editor(env: &Env) -> String {
    use std::os::unix::fs::PermissionsExt;
    let script = env.dir.path().join("editor.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '\\n{ADDED}' >> \"$1\"\n"),
    )
    .expect("write the editor script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
        .expect("make the script executable");
    script.to_str().expect("a UTF-8 path").to_string()
}

/// The line the editor script adds.
const ADDED: &str = "Tillagt i editorn: åäö";

#[cfg(unix)]
#[test]
fn ctrl_g_edits_the_note_in_visual_and_saves_the_result() {
    let env = new_env();
    let mut s = spawn_editing(&env, &appending_editor(&env), Replies::CursorPosition);
    new_note_in_a_new_meeting(&mut s);
    s.send(LINES[0].as_bytes());
    s.wait_for(LINES[0]);
    let entered_before = count(&s.out.raw.lock().unwrap(), b"\x1b[?1049h");

    s.send(CTRL_G);
    s.wait_for(ADDED);
    s.wait_for("Note saved");
    // The TUI left the alternate screen for the editor and came back to it.
    {
        let raw = s.out.raw.lock().unwrap();
        assert!(count(&raw, b"\x1b[?1049l") >= 1, "never stepped aside");
        assert!(
            count(&raw, b"\x1b[?1049h") > entered_before,
            "did not take the screen back"
        );
    }
    let screen = s.screen();
    assert!(screen.contains(LINES[0]), "{screen}");
    assert!(
        screen.contains("[Internal]  The meeting as a whole"),
        "{screen}"
    );

    s.send(ESC);
    s.wait_for("Notes · 1");
    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_terminal_restored();

    let notes = stored_notes(&env.db());
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].body, format!("{}\n{ADDED}", LINES[0]));
}

/// Back from `$VISUAL`, `tui::run_effect` re-initialises the terminal and calls
/// `terminal.clear()`, which in ratatui-core 0.1 asks the terminal where the cursor is
/// and waits two seconds for the answer. When no answer comes (a terminal or
/// multiplexer that does not reply, a slow link), `clear()?` fails, tidig exits with
/// "The cursor position could not be read within a normal duration" and the edited
/// text is lost: `external_edit_done` is only called after `clear()`.
#[cfg(unix)]
#[test]
fn text_edited_in_visual_is_kept_when_the_terminal_does_not_answer() {
    let env = new_env();
    let mut s = spawn_editing(&env, &appending_editor(&env), Replies::Nothing);
    new_note_in_a_new_meeting(&mut s);
    s.send(LINES[0].as_bytes());
    s.wait_for(LINES[0]);
    s.send(CTRL_G);
    let start = Instant::now();
    while !s.screen().contains(ADDED) && start.elapsed() < TIMEOUT {
        if let Ok(Some(status)) = s.child.0.try_wait() {
            let notes = stored_notes(&env.db());
            panic!(
                "tidig exited ({status:?}) after the editor; the note is {:?}; the screen:\n{}",
                notes[0].body,
                s.screen()
            );
        }
        thread::sleep(Duration::from_millis(50));
    }
    let notes = stored_notes(&env.db());
    assert_eq!(notes[0].body, format!("{}\n{ADDED}", LINES[0]));
}
