//! End-to-end: the real `tidig` binary in a pseudo-terminal, driven by key bytes and
//! read back through a terminal emulator (vt100), as a user would see it.
//!
//! The screen is read from the emulator, never from the raw output: ratatui only
//! writes the cells that changed, so the raw bytes rarely contain a whole line.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;
/// Generous: the machine may be busy building other things.
const TIMEOUT: Duration = Duration::from_secs(15);
const NOW: &str = "2026-11-26T12:00:00Z";

const ESC: &[u8] = b"\x1b";
const TAB: &[u8] = b"\t";
const CTRL_S: &[u8] = b"\x13";
const CTRL_C: &[u8] = b"\x03";

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
    writer: Box<dyn Write + Send>,
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

    /// Starts `tidig --db <dir>/t.db` in a 100×30 PTY.
    fn spawn(&self) -> Session {
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
        cmd.env("TERM", "xterm-256color");
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
        let shared = Arc::clone(&out);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        shared.raw.lock().unwrap().extend_from_slice(&buf[..n]);
                        shared.parser.lock().unwrap().process(&buf[..n]);
                    }
                }
            }
            shared.eof.store(true, Ordering::SeqCst);
        });
        let writer = pty.master.take_writer().expect("pty writer");
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

/// Polls the emulated screen until it contains `text`; panics with the screen if not.
fn wait_for(parser: &Mutex<vt100::Parser>, text: &str, timeout: Duration) {
    wait_until(parser, &format!("{text:?} on screen"), timeout, |s| {
        s.contains(text)
    });
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

fn send(writer: &mut (impl Write + ?Sized), bytes: &[u8]) {
    writer.write_all(bytes).expect("write to pty");
    writer.flush().expect("flush pty");
}

impl Session {
    fn parser(&self) -> &Mutex<vt100::Parser> {
        &self.out.parser
    }

    fn wait_for(&self, text: &str) {
        wait_for(self.parser(), text, TIMEOUT);
    }

    fn send(&mut self, bytes: &[u8]) {
        send(&mut self.writer, bytes);
    }

    /// Esc alone, then a pause, so that the next key is not read as Alt-<key>.
    fn send_esc(&mut self) {
        self.send(ESC);
        thread::sleep(Duration::from_millis(100));
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
        assert!(
            !self.parser().lock().unwrap().screen().alternate_screen(),
            "the emulated terminal is still on the alternate screen"
        );
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

#[test]
fn create_a_project_quit_and_find_it_again() {
    let env = Env::new();
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
    s.send(b"/");
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
    let env = Env::new();

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

fn dir_entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_file_that_is_not_a_tidig_store_is_refused_and_left_alone() {
    let env = Env::new();

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
