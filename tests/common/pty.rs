//! The real `tidig` binary in a pseudo-terminal, driven by key bytes and read back
//! through a terminal emulator (vt100), as a user would see it.
//!
//! The screen is read from the emulator, never from the raw output: ratatui only
//! writes the cells that changed, so the raw bytes rarely contain a whole line. Like a
//! real terminal, the emulator answers cursor-position queries (`ESC [6n`), which
//! ratatui sends when the TUI comes back from `$VISUAL`, unless told not to.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

use super::NOW;

/// Generous: the machine may be busy building other things.
pub const TIMEOUT: Duration = Duration::from_secs(15);

pub const TAB: &[u8] = b"\t";
pub const ENTER: &[u8] = b"\r";
pub const ESC: &[u8] = b"\x1b";
pub const CTRL_C: &[u8] = b"\x03";
pub const CTRL_G: &[u8] = b"\x07";
pub const CTRL_S: &[u8] = b"\x13";

/// "Where is the cursor?" (device status report), which crossterm asks and waits up
/// to two seconds for an answer to.
const DSR: &[u8] = b"\x1b[6n";

/// Which queries the emulated terminal answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replies {
    /// Like a real terminal: cursor-position queries get an answer.
    CursorPosition,
    /// Like a terminal (or multiplexer, or slow link) whose answer never arrives.
    Nothing,
}

/// How the binary is started.
#[derive(Debug, Clone)]
pub struct Spawn {
    pub rows: u16,
    pub cols: u16,
    /// `TZ`, if set: the binary shows local time, so pinning the zone makes the times
    /// typed UTC too.
    pub tz: Option<&'static str>,
    /// `$VISUAL` and `$EDITOR`, if set.
    pub editor: Option<String>,
    pub replies: Replies,
    /// More environment variables (name, value).
    pub env: Vec<(&'static str, String)>,
}

impl Default for Spawn {
    /// 120×36, `TZ=UTC`, the editor variables inherited, a terminal that answers.
    fn default() -> Spawn {
        Spawn {
            rows: 36,
            cols: 120,
            tz: Some("UTC"),
            editor: None,
            replies: Replies::CursorPosition,
            env: Vec::new(),
        }
    }
}

/// What the reader thread shares with the test.
pub struct Output {
    pub parser: Mutex<vt100::Parser>,
    pub raw: Mutex<Vec<u8>>,
    /// The PTY reached end of file: the child and every copy of the slave are gone.
    pub eof: AtomicBool,
}

/// Kills the child if the test fails (panics) before it exited on its own.
pub struct ChildGuard(pub Box<dyn Child + Send + Sync>);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// One run of the binary in a PTY.
pub struct Session {
    // Field order is drop order: the child is killed before the PTY is closed.
    pub child: ChildGuard,
    /// Shared with the reader thread, which answers the terminal queries.
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    pub out: Arc<Output>,
    _master: Box<dyn MasterPty + Send>,
}

/// A store and a config path in a fresh temporary directory, and how to start the
/// binary on them.
pub struct Env {
    pub dir: tempfile::TempDir,
    spawn: Spawn,
}

impl Env {
    /// Starts sessions as [`Spawn::default`] says.
    pub fn new() -> Env {
        Env::with(Spawn::default())
    }

    /// Starts sessions as `spawn` says.
    pub fn with(spawn: Spawn) -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
            spawn,
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("t.db")
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    /// Starts `tidig --db <dir>/t.db` in a PTY, as this environment says.
    pub fn spawn(&self) -> Session {
        self.spawn_with(&self.spawn)
    }

    /// Starts `tidig --db <dir>/t.db` in a PTY, as `spawn` says.
    pub fn spawn_with(&self, spawn: &Spawn) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: spawn.rows,
                cols: spawn.cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tidig"));
        cmd.arg("--db");
        cmd.arg(self.db());
        cmd.cwd(self.dir.path());
        cmd.env_remove("TIDIG_DB");
        // A Swedish user's locale, whatever the machine's (see `cli.rs`).
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env("LANG", "sv_SE.UTF-8");
        // The interface in English, as the tests read it (`TIDIG_LANG=sv` in a
        // spawn's env tries the Swedish one).
        cmd.env("TIDIG_LANG", "en");
        cmd.env("TIDIG_CONFIG", self.config());
        cmd.env("TIDIG_NOW", NOW);
        if let Some(tz) = spawn.tz {
            cmd.env("TZ", tz);
        }
        cmd.env("TERM", "xterm-256color");
        if let Some(editor) = &spawn.editor {
            cmd.env("VISUAL", editor);
            cmd.env("EDITOR", editor);
        }
        for (name, value) in &spawn.env {
            cmd.env(name, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn tidig");
        // Only the child may hold the slave, so that its exit ends the output (EOF).
        drop(pty.slave);

        let out = Arc::new(Output {
            parser: Mutex::new(vt100::Parser::new(
                spawn.rows.try_into().unwrap(),
                spawn.cols.try_into().unwrap(),
                0,
            )),
            raw: Mutex::new(Vec::new()),
            eof: AtomicBool::new(false),
        });
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = Arc::new(Mutex::new(pty.master.take_writer().expect("pty writer")));
        let shared = Arc::clone(&out);
        let answer = Arc::clone(&writer);
        let replies = spawn.replies;
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

pub fn screen(parser: &Mutex<vt100::Parser>) -> String {
    parser.lock().unwrap().screen().contents()
}

/// Polls the emulated screen until it contains `text`; panics with the screen if not.
pub fn wait_for(parser: &Mutex<vt100::Parser>, text: &str, timeout: Duration) {
    wait_until(parser, &format!("{text:?} on screen"), timeout, |s| {
        s.contains(text)
    });
}

/// Polls the emulated screen until `pred` holds; panics with the screen if not.
pub fn wait_until(
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
    pub fn parser(&self) -> &Mutex<vt100::Parser> {
        &self.out.parser
    }

    pub fn wait_for(&self, text: &str) {
        wait_for(self.parser(), text, TIMEOUT);
    }

    pub fn send(&mut self, bytes: &[u8]) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(bytes).expect("write to pty");
        writer.flush().expect("flush pty");
    }

    /// Esc alone, then a pause, so that the next key is not read as Alt-<key>.
    pub fn send_esc(&mut self) {
        self.send(ESC);
        thread::sleep(Duration::from_millis(100));
    }

    pub fn screen(&self) -> String {
        screen(self.parser())
    }

    /// From the portfolio: a new project with `code` and `title` (n, code, Tab, title,
    /// Ctrl-S), saved, the form closed and the project listed on one row.
    pub fn create_project(&mut self, code: &str, title: &str) {
        self.send(b"n");
        self.wait_for("New project");
        self.send(code.as_bytes());
        self.wait_for(code);
        self.send(TAB);
        self.send(title.as_bytes());
        self.wait_for(title);
        self.send(CTRL_S);
        self.wait_for(&format!("Saved: {code}"));
        wait_until(self.parser(), "the form to close", TIMEOUT, |screen| {
            !screen.contains("New project")
                && line_with(screen, code).is_some_and(|l| l.contains(title))
        });
    }

    /// Waits for the child to exit and for its last output to be read.
    pub fn wait_exit(&mut self) -> ExitStatus {
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

    /// Sends `signal` (a name `kill -s` knows: TERM, HUP, INT, QUIT) to the child.
    pub fn signal(&mut self, signal: &str) {
        let pid = self.child.0.process_id().expect("the child's pid");
        let sent = std::process::Command::new("kill")
            .args(["-s", signal, &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success(), "kill -s {signal} {pid}: {sent}");
    }

    /// SIGKILL: no handler, no cleanup, no last save. (`Child::kill` of portable-pty
    /// sends SIGHUP first, which a process may catch.)
    pub fn kill_hard(&mut self) -> ExitStatus {
        let pid = self.child.0.process_id().expect("the child's pid");
        let killed = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(killed.success(), "kill -KILL {pid}: {killed}");
        self.wait_exit()
    }

    /// After exit: the terminal was given back (alternate screen left, raw output
    /// ends with the sequence that leaves it, bracketed paste off, cursor shown).
    pub fn assert_terminal_restored(&self) {
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

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// How often `needle` occurs in `haystack`.
pub fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// The line of the screen that contains `text`, if any.
pub fn line_with<'a>(screen: &'a str, text: &str) -> Option<&'a str> {
    screen.lines().find(|l| l.contains(text))
}
