//! End-to-end: adding a need with keys in the real `tidig` binary, in a
//! pseudo-terminal read back through a terminal emulator (vt100), moving its status on
//! and seeing the summary counts change.
//!
//! The harness is a copy of the one in `tests/e2e_meetings.rs` (integration tests
//! cannot share code without a module both include). The clock is fixed with
//! `TIDIG_NOW` at Thursday 2026-11-26 12:00 UTC and the zone pinned with `TZ=UTC`; the
//! store and the config file live in a fresh temporary directory.

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
const CTRL_S: &[u8] = b"\x13";

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

    /// Starts `tidig --db <dir>/t.db` in a 120×36 PTY.
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
        // The binary shows local time: pin the zone so the times typed are UTC too.
        cmd.env("TZ", "UTC");
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

/// The summary bar's line of counts per status, if it is on screen.
fn status_counts(screen: &str) -> Option<&str> {
    screen
        .lines()
        .find(|l| l.trim_start().starts_with("Identified ") && l.contains(" · Analysed "))
}

const STATEMENT: &str = "Nattpersonalen behöver veta att brukaren sover tryggt";

#[test]
fn add_a_need_with_keys_and_move_its_status_on() {
    let env = Env::new();
    let mut s = env.spawn();
    s.wait_for("Welcome to tidig");

    // A project: n, code, Tab, title, Ctrl-S.
    s.send(b"n");
    s.wait_for("New project");
    s.send(b"NORR-24");
    s.wait_for("NORR-24");
    s.send(TAB);
    s.send("Trygg nattillsyn".as_bytes());
    s.wait_for("Trygg nattillsyn");
    s.send(CTRL_S);
    s.wait_for("Saved: NORR-24");
    wait_until(s.parser(), "the form to close", TIMEOUT, |screen| {
        !screen.contains("New project")
            && line_with(screen, "NORR-24").is_some_and(|l| l.contains("Trygg nattillsyn"))
    });

    // Open it: Overview → Meetings → Needs.
    s.send(b"\r");
    s.wait_for("Overview");
    s.send(TAB);
    s.wait_for("No meetings yet");
    s.send(TAB);
    s.wait_for("No needs yet");
    wait_until(s.parser(), "an empty summary", TIMEOUT, |screen| {
        status_counts(screen).is_some_and(|l| l.contains("Identified 0"))
    });

    // A need: n, the statement, Ctrl-S.
    s.send(b"n");
    s.wait_for("New need");
    s.send(STATEMENT.as_bytes());
    s.wait_for(STATEMENT);
    s.send(CTRL_S);
    wait_until(s.parser(), "B-001 on the Needs tab", TIMEOUT, |screen| {
        !screen.contains("New need")
            && line_with(screen, "B-001")
                .is_some_and(|l| l.contains("Nattpersonalen behöver") && l.contains("Identified"))
    });
    wait_until(
        s.parser(),
        "Identified 1 in the summary",
        TIMEOUT,
        |screen| {
            status_counts(screen)
                .is_some_and(|l| l.contains("Identified 1") && l.contains("Analysed 0"))
        },
    );

    // `>`: on to analysed; the counts follow.
    s.send(b">");
    wait_until(s.parser(), "Analysed 1 in the summary", TIMEOUT, |screen| {
        status_counts(screen)
            .is_some_and(|l| l.contains("Identified 0") && l.contains("Analysed 1"))
    });
    s.wait_for("B-001: Analysed");
    let screen = s.screen();
    assert!(
        line_with(&screen, "B-001").is_some_and(|l| l.contains("Analysed")),
        "{screen}"
    );

    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_terminal_restored();

    // The store has it, with its history.
    let store =
        tidig::store::Store::open(&env.db(), tidig::domain::Clock::Fixed(chrono::Utc::now()))
            .expect("open the store after the run");
    let needs = store.all_needs(None).expect("list needs");
    assert_eq!(needs.len(), 1);
    let need = &needs[0];
    assert_eq!(need.code, "B-001");
    assert_eq!(need.statement, STATEMENT);
    assert_eq!(need.status, tidig::domain::NeedStatus::Analysed);
    let history = store.need_history(need.id).expect("history");
    let steps: Vec<_> = history.iter().map(|h| (h.from, h.to)).collect();
    use tidig::domain::NeedStatus::{Analysed, Identified};
    assert_eq!(steps, [(None, Identified), (Some(Identified), Analysed)]);
    assert!(
        history.iter().all(|h| h.changed_at == NOW),
        "stamped with TIDIG_NOW: {history:?}"
    );
}
