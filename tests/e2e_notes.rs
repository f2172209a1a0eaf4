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
//! The harness is a copy of the one in `tests/e2e_meetings.rs` (integration tests
//! cannot share code without a module both include), plus one thing a real terminal
//! does: it answers cursor-position queries (`ESC [6n`), which ratatui sends when the
//! TUI comes back from `$VISUAL`. An ignored test shows what happens when no answer
//! comes. The clock is fixed with `TIDIG_NOW` at Thursday 2026-11-26 12:00 UTC and the
//! zone pinned with `TZ=UTC`.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 36;
const COLS: u16 = 120;
/// Generous: the machine may be busy building other things.
const TIMEOUT: Duration = Duration::from_secs(15);
const NOW: &str = "2026-11-26T12:00:00Z";

const TAB: &[u8] = b"\t";
const ENTER: &[u8] = b"\r";
const ESC: &[u8] = b"\x1b";
const CTRL_C: &[u8] = b"\x03";
const CTRL_G: &[u8] = b"\x07";
const CTRL_S: &[u8] = b"\x13";

const MEETING: &str = "Dialogmöte med leverantörer";
/// What is typed in the editor, line by line.
const LINES: [&str; 3] = [
    "Första raden: åäö ÅÄÖ",
    "Leverantörerna önskar längre avtalstid – 3 år",
    "Sista raden: öppna gränssnitt",
];

/// "Where is the cursor?" (device status report), which crossterm asks and waits up
/// to two seconds for an answer to.
const DSR: &[u8] = b"\x1b[6n";

/// Which queries the emulated terminal answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Replies {
    /// Like a real terminal: cursor-position queries get an answer.
    CursorPosition,
    /// Like a terminal (or multiplexer, or slow link) whose answer never arrives.
    Nothing,
}

/// What the reader thread shares with the test.
struct Output {
    parser: Mutex<vt100::Parser>,
    raw: Mutex<Vec<u8>>,
    /// The PTY reached end of file: the child and every copy of the slave are gone.
    eof: AtomicBool,
}

/// Kills the child if the test fails (panics) before it exited on its own.
struct ChildGuard(Box<dyn Child + Send + Sync>);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// One run of the binary in a PTY.
struct Session {
    // Field order is drop order: the child is killed before the PTY is closed.
    child: ChildGuard,
    /// Shared with the reader thread, which answers the terminal queries.
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    out: Arc<Output>,
    _master: Box<dyn MasterPty + Send>,
}

/// A store and a config path in a fresh temporary directory.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }
    fn db(&self) -> PathBuf {
        self.dir.path().join("t.db")
    }
    fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    /// Starts `tidig --db <dir>/t.db` in a 120×36 PTY.
    fn spawn(&self) -> Session {
        // The editor must never be started by accident.
        self.spawn_with("false", Replies::CursorPosition)
    }

    /// The same, with `$VISUAL` and `$EDITOR` set to `editor`, in a terminal that
    /// answers cursor-position queries or not.
    fn spawn_with(&self, editor: &str, replies: Replies) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tidig"));
        cmd.arg("--db");
        cmd.arg(self.db());
        cmd.cwd(self.dir.path());
        cmd.env_remove("TIDIG_DB");
        cmd.env("TIDIG_CONFIG", self.config());
        cmd.env("TIDIG_NOW", NOW);
        // The binary shows local time: pin the zone so the times typed are UTC too.
        cmd.env("TZ", "UTC");
        cmd.env("TERM", "xterm-256color");
        cmd.env("VISUAL", editor);
        cmd.env("EDITOR", editor);
        let child = pty.slave.spawn_command(cmd).expect("spawn tidig");
        // Only the child may hold the slave, so that its exit ends the output (EOF).
        drop(pty.slave);

        let out = Arc::new(Output {
            parser: Mutex::new(vt100::Parser::new(
                ROWS.try_into().unwrap(),
                COLS.try_into().unwrap(),
                0,
            )),
            raw: Mutex::new(Vec::new()),
            eof: AtomicBool::new(false),
        });
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = Arc::new(Mutex::new(pty.master.take_writer().expect("pty writer")));
        let shared = Arc::clone(&out);
        let answer = Arc::clone(&writer);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let queries = {
                            let mut raw = shared.raw.lock().unwrap();
                            let from = raw.len().saturating_sub(DSR.len() - 1);
                            raw.extend_from_slice(&buf[..n]);
                            count(&raw[from..], DSR)
                        };
                        let mut parser = shared.parser.lock().unwrap();
                        parser.process(&buf[..n]);
                        if replies == Replies::CursorPosition {
                            // As a terminal does: "ESC [ row ; column R", 1-based.
                            let (row, col) = parser.screen().cursor_position();
                            let reply = format!("\x1b[{};{}R", row + 1, col + 1);
                            for _ in 0..queries {
                                let mut w = answer.lock().unwrap();
                                let _ = w.write_all(reply.as_bytes());
                                let _ = w.flush();
                            }
                        }
                    }
                }
            }
            shared.eof.store(true, Ordering::SeqCst);
        });
        Session {
            child: ChildGuard(child),
            writer,
            out,
            _master: pty.master,
        }
    }
}

fn screen(parser: &Mutex<vt100::Parser>) -> String {
    parser.lock().unwrap().screen().contents()
}

/// Polls the emulated screen until `pred` holds; panics with the screen if not.
fn wait_until(
    parser: &Mutex<vt100::Parser>,
    what: &str,
    timeout: Duration,
    pred: impl Fn(&str) -> bool,
) {
    let start = Instant::now();
    loop {
        let contents = screen(parser);
        if pred(&contents) {
            return;
        }
        if start.elapsed() > timeout {
            panic!("timed out after {timeout:?} waiting for {what}; the screen:\n{contents}");
        }
        thread::sleep(Duration::from_millis(20));
    }
}

impl Session {
    fn parser(&self) -> &Mutex<vt100::Parser> {
        &self.out.parser
    }

    fn wait_for(&self, text: &str) {
        wait_until(
            self.parser(),
            &format!("{text:?} on screen"),
            TIMEOUT,
            |s| s.contains(text),
        );
    }

    fn send(&mut self, bytes: &[u8]) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(bytes).expect("write to pty");
        writer.flush().expect("flush pty");
    }

    fn screen(&self) -> String {
        screen(self.parser())
    }

    /// Waits for the child to exit and for its last output to be read.
    fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.0.try_wait().expect("try_wait") {
                break status;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "tidig did not exit within {TIMEOUT:?}; the screen:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(20));
        };
        let start = Instant::now();
        while !self.out.eof.load(Ordering::SeqCst) {
            if start.elapsed() > TIMEOUT {
                panic!("the PTY output did not end after tidig exited");
            }
            thread::sleep(Duration::from_millis(20));
        }
        status
    }

    /// SIGKILL: no handler, no cleanup, no last save. (`Child::kill` of portable-pty
    /// sends SIGHUP first, which a process may catch.)
    fn kill_hard(&mut self) -> ExitStatus {
        let pid = self.child.0.process_id().expect("the child's pid");
        let killed = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(killed.success(), "kill -KILL {pid}: {killed}");
        self.wait_exit()
    }

    /// After exit: the terminal was given back (alternate screen left, raw output
    /// ends with the sequence that leaves it).
    fn assert_terminal_restored(&self) {
        let raw = self.out.raw.lock().unwrap();
        let entered = find(&raw, b"\x1b[?1049h").expect("tidig entered the alternate screen");
        let left = rfind(&raw, b"\x1b[?1049l").unwrap_or_else(|| {
            panic!(
                "tidig never left the alternate screen; output tail: {:?}",
                String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..])
            )
        });
        assert!(left > entered, "left the alternate screen before entering");
        // Bracketed paste was switched off again, after it was switched on.
        let paste_on = rfind(&raw, b"\x1b[?2004h").expect("bracketed paste enabled");
        let paste_off = rfind(&raw, b"\x1b[?2004l").expect("bracketed paste disabled");
        assert!(paste_off > paste_on, "bracketed paste left on");
        let parser = self.parser().lock().unwrap();
        let screen = parser.screen();
        assert!(
            !screen.alternate_screen(),
            "the emulated terminal is still on the alternate screen"
        );
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The line of the screen that contains `text`, if any.
fn line_with<'a>(screen: &'a str, text: &str) -> Option<&'a str> {
    screen.lines().find(|l| l.contains(text))
}

/// From the welcome screen of an empty store: a project, a meeting on Friday 10:00,
/// the meeting opened on its Notes tab, and a new note open in the editor.
fn new_note_in_a_new_meeting(s: &mut Session) {
    s.wait_for("Welcome to tidig");

    // A project: n, code, Tab, title, Ctrl-S.
    s.send(b"n");
    s.wait_for("New project");
    s.send(b"NORR-24");
    s.wait_for("NORR-24");
    s.send(TAB);
    s.send("Hemtjänst i Norrbotten".as_bytes());
    s.wait_for("Hemtjänst i Norrbotten");
    s.send(CTRL_S);
    s.wait_for("Saved: NORR-24");
    wait_until(s.parser(), "the form to close", TIMEOUT, |screen| {
        !screen.contains("New project")
            && line_with(screen, "NORR-24").is_some_and(|l| l.contains("Hemtjänst"))
    });

    // Its Meetings tab.
    s.send(ENTER);
    s.wait_for("Overview");
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
    let env = Env::new();
    let mut s = env.spawn();
    new_note_in_a_new_meeting(&mut s);

    s.send(&typed_text());
    s.wait_for(LINES[2]);
    let typed = Instant::now();
    // Pause past the autosave delay; the editor says when the note was saved.
    s.wait_for("saved 2026-11-26 12:00");
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
    let env = Env::new();
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
    let env = Env::new();
    let mut s = env.spawn_with(&appending_editor(&env), Replies::CursorPosition);
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
    let env = Env::new();
    let mut s = env.spawn_with(&appending_editor(&env), Replies::Nothing);
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

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}
