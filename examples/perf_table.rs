//! The performance table of the README (issue 15): every figure measured on the real
//! binary as a whole process, on the ordinary demo and on the large one
//! (`tidig demo --scale large`: 1,000 projects, 20,000 meetings, 100,000 notes, …).
//!
//! ```text
//! cargo build --release
//! cargo run --release --example perf_table [-- path/to/tidig]
//! ```
//!
//! Screens are timed in a pseudo-terminal read back through a terminal emulator, as the
//! PTY tests do (`tests/common/pty.rs`): from starting the process, or writing a key,
//! to the last byte of output before the screen has been quiet for `QUIET`. That quiet
//! wait is not counted. Exports are timed from starting the process to its exit. Each
//! figure is the median of several runs. Peak memory is the process's high-water mark
//! (`VmHWM` in `/proc`) after visiting every screen, so it is Linux only.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Output is settled when nothing more came for this long.
const QUIET: Duration = Duration::from_millis(60);
/// How many times a key or an export is timed.
const RUNS: usize = 15;
/// The top screens and their keys.
const SCREENS: [(&str, &str); 6] = [
    ("portfolio", "1"),
    ("agenda", "2"),
    ("actions screen", "3"),
    ("lessons library", "4"),
    ("directory", "5"),
    ("trash", "6"),
];

fn main() {
    let bin = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/release/tidig"));
    let bin = std::fs::canonicalize(&bin).unwrap_or_else(|_| {
        panic!(
            "{} not found: run `cargo build --release` first",
            bin.display()
        )
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let ordinary = dir.path().join("ordinary.db");
    let large = dir.path().join("large.db");
    let load_ordinary = timed_run(&bin, &ordinary, &["demo"]);
    let load_large = timed_run(&bin, &large, &["demo", "--scale", "large"]);
    eprintln!("stores built: {load_ordinary:.1?}, {load_large:.1?}");
    // Let the kernel write the new store out now rather than while timing.
    let _ = Command::new("sync").status();

    let o = measure(&bin, &ordinary, dir.path());
    let l = measure(&bin, &large, dir.path());

    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let mb = |kb: u64| format!("{:.1} MB", kb as f64 / 1024.0);
    let mut rows: Vec<(String, String, String, String)> = vec![
        (
            "load the demo (`tidig demo`)".into(),
            format!("{:.2} s", load_ordinary.as_secs_f64()),
            format!("{:.2} s", load_large.as_secs_f64()),
            "—".into(),
        ),
        (
            "first frame".into(),
            ms(o.first_frame),
            ms(l.first_frame),
            format!(
                "≤ 20 ms and ≤ 1.3× ordinary ({:.2}×)",
                l.first_frame.as_secs_f64() / o.first_frame.as_secs_f64()
            ),
        ),
        (
            "`j` in the portfolio, key to settled output".into(),
            ms(o.key_j),
            ms(l.key_j),
            "≤ 10 ms".into(),
        ),
        (
            "`j` on the actions screen".into(),
            ms(o.actions_j),
            ms(l.actions_j),
            "≤ 10 ms".into(),
        ),
        (
            "next week (`]`) in the week view".into(),
            ms(o.next_week),
            ms(l.next_week),
            "≤ 10 ms".into(),
        ),
    ];
    for (i, (screen, _)) in SCREENS.iter().enumerate() {
        rows.push((
            format!("switching to the {screen}, key to settled output"),
            ms(o.switch[i]),
            ms(l.switch[i]),
            "≤ 10 ms".into(),
        ));
    }
    rows.extend([
        (
            "opening an organisation's page (`v` in the directory)".into(),
            ms(o.organisation),
            ms(l.organisation),
            "≤ 10 ms".into(),
        ),
        (
            "first page of search (last key of \"dialog\")".into(),
            ms(o.search),
            ms(l.search),
            "≤ 20 ms".into(),
        ),
        (
            "first page of search for a long word (last key of \"dialogmöte\")".into(),
            ms(o.long_search),
            ms(l.long_search),
            "≤ 20 ms".into(),
        ),
        (
            "one meeting-notes export (html, whole process)".into(),
            ms(o.summary),
            ms(l.summary),
            "≤ 15 ms".into(),
        ),
        (
            "the whole calendar (whole process)".into(),
            ms(o.calendar),
            ms(l.calendar),
            "≤ 250 ms".into(),
        ),
        (
            "peak memory after every screen".into(),
            mb(o.peak_kb),
            mb(l.peak_kb),
            "≤ 30 MB".into(),
        ),
    ]);
    println!("| operation | ordinary demo | large demo | budget |");
    println!("|---|---:|---:|---|");
    for (op, a, b, budget) in rows {
        println!("| {op} | {a} | {b} | {budget} |");
    }
}

struct Figures {
    first_frame: Duration,
    key_j: Duration,
    /// Switching to each of `SCREENS`, in order.
    switch: Vec<Duration>,
    actions_j: Duration,
    organisation: Duration,
    next_week: Duration,
    search: Duration,
    long_search: Duration,
    summary: Duration,
    calendar: Duration,
    peak_kb: u64,
}

fn measure(bin: &Path, db: &Path, dir: &Path) -> Figures {
    let first_frame = median((0..RUNS.min(7)).map(|_| {
        let s = Session::spawn(bin, db);
        let t = s.settle();
        s.quit();
        t
    }));
    let s = Session::spawn(bin, db);
    s.settle();
    let key_j = median((0..RUNS).map(|_| s.key(b"j")));
    // Each screen from another: 2 from 1, 3 from 2, …, 1 from 6.
    let mut switches = vec![Vec::new(); SCREENS.len()];
    for _ in 0..5 {
        for (i, (_, key)) in SCREENS
            .iter()
            .enumerate()
            .cycle()
            .skip(1)
            .take(SCREENS.len())
        {
            switches[i].push(s.key(key.as_bytes()));
        }
    }
    let switch = switches
        .into_iter()
        .map(|times| median(times.into_iter()))
        .collect();
    s.key(b"3");
    let actions_j = median((0..RUNS).map(|_| s.key(b"j")));
    // The first organisation's page, from the directory, and back.
    s.key(b"5");
    let organisation = median((0..RUNS).map(|_| {
        let t = s.key(b"v");
        s.key(b"\x1b");
        t
    }));
    s.key(b"2");
    s.key(b"v");
    let next_week = median((0..RUNS).map(|_| s.key(b"]")));
    s.key(b"t");
    // The rest of the screens, for the peak memory: a meeting from the week view, and
    // every tab of the first project.
    s.key(b"\r");
    s.key(b"\t");
    s.key(b"1");
    s.key(b"\r");
    for _ in 0..10 {
        s.key(b"\t");
    }
    s.key(b"1");
    let search = median((0..5).map(|_| {
        s.key(b"/");
        for c in b"dialo" {
            s.key(&[*c]);
        }
        let t = s.key(b"g");
        s.key(b"\x1b");
        s.key(b"1");
        t
    }));
    // A long Swedish word: longer than the prefixes the index keeps, with an å ä ö.
    let long_search = median((0..5).map(|_| {
        s.key(b"/");
        for c in "dialogmöt".chars() {
            s.key(c.to_string().as_bytes());
        }
        let t = s.key(b"e");
        s.key(b"\x1b");
        s.key(b"1");
        t
    }));
    let peak_kb = s.peak_kb();
    s.quit();

    let meeting = busiest_meeting(db);
    let out = dir.join("out");
    let summary = median((0..RUNS).map(|_| {
        timed_run(
            bin,
            db,
            &[
                "export",
                "summary",
                &meeting,
                "--format",
                "html",
                "-o",
                out.with_extension("html").to_str().unwrap(),
            ],
        )
    }));
    let calendar = median((0..RUNS.min(7)).map(|_| {
        timed_run(
            bin,
            db,
            &[
                "export",
                "calendar",
                "-o",
                out.with_extension("ics").to_str().unwrap(),
            ],
        )
    }));
    Figures {
        first_frame,
        key_j,
        switch,
        actions_j,
        organisation,
        next_week,
        search,
        long_search,
        summary,
        calendar,
        peak_kb,
    }
}

/// The id of the live meeting with the most notes, as the benches pick it.
fn busiest_meeting(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).expect("open the store");
    conn.query_row(
        "SELECT m.id FROM meetings m WHERE m.deleted_at IS NULL
         ORDER BY (SELECT count(*) FROM notes n WHERE n.meeting_id = m.id) DESC LIMIT 1",
        [],
        |r| r.get::<_, i64>(0),
    )
    .expect("a meeting")
    .to_string()
}

fn command(bin: &Path, db: &Path) -> Command {
    let mut cmd = Command::new(bin);
    cmd.arg("--db").arg(db).env("TIDIG_LANG", "en");
    cmd
}

/// Runs `tidig --db DB ARGS` to its end: how long it took.
fn timed_run(bin: &Path, db: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    let out = command(bin, db).args(args).output().expect("run tidig");
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "tidig {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    took
}

fn median(times: impl Iterator<Item = Duration>) -> Duration {
    let mut all: Vec<Duration> = times.collect();
    all.sort();
    all[all.len() / 2]
}

/// The binary in a pseudo-terminal of 120×36, its output fed to an emulator.
struct Session {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Mutex<Box<dyn Write + Send>>,
    /// When output last arrived.
    last: Arc<Mutex<Instant>>,
    eof: Arc<AtomicBool>,
    started: Instant,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn spawn(bin: &Path, db: &Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 36,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(bin);
        cmd.arg("--db");
        cmd.arg(db);
        cmd.env("TIDIG_LANG", "en");
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("TIDIG_DB");
        let started = Instant::now();
        let child = pty.slave.spawn_command(cmd).expect("spawn tidig");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let last = Arc::new(Mutex::new(started));
        let eof = Arc::new(AtomicBool::new(false));
        let (seen, done) = (Arc::clone(&last), Arc::clone(&eof));
        thread::spawn(move || {
            let mut parser =
                vt100::Parser::new(36u16.try_into().unwrap(), 120u16.try_into().unwrap(), 0);
            let mut buf = [0u8; 65536];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        parser.process(&buf[..n]);
                        *seen.lock().unwrap() = Instant::now();
                    }
                }
            }
            done.store(true, Ordering::SeqCst);
        });
        Session {
            child,
            writer: Mutex::new(writer),
            last,
            eof,
            started,
            _master: pty.master,
        }
    }

    /// From the start to the last output before a quiet spell.
    fn settle(&self) -> Duration {
        self.settle_from(self.started)
    }

    fn settle_from(&self, from: Instant) -> Duration {
        // Wait for the first output after `from`, then for quiet.
        let deadline = from + Duration::from_secs(20);
        loop {
            thread::sleep(Duration::from_millis(2));
            let last = *self.last.lock().unwrap();
            if last > from && last.elapsed() >= QUIET {
                return last - from;
            }
            if Instant::now() > deadline || self.eof.load(Ordering::SeqCst) {
                return last.saturating_duration_since(from);
            }
        }
    }

    /// Writes `key` and waits for the screen to settle: key to last output.
    fn key(&self, key: &[u8]) -> Duration {
        let from = Instant::now();
        {
            let mut w = self.writer.lock().unwrap();
            w.write_all(key).expect("write a key");
            w.flush().expect("flush");
        }
        self.settle_from(from)
    }

    /// The process's peak resident memory, in KiB.
    fn peak_kb(&self) -> u64 {
        let pid = self.child.process_id().expect("a pid");
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }

    fn quit(mut self) {
        let _ = self.writer.lock().unwrap().write_all(b"q");
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(5));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
