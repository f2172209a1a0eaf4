//! Helpers shared by the integration tests: each test file says `mod common;` and
//! uses what it needs.
//!
//! - [`pty`]: the real binary in a pseudo-terminal, read back through vt100.
//! - [`screen`]: `App` driven with key events and drawn on ratatui's `TestBackend`.
//! - [`store`]: memory and file stores with the fixed clock.
//! - [`cli`]: the real binary run as a command in a sandbox folder.
//! - [`export`]: hand-built records for the export tests.
//! - [`bundle`]: generated bundles of any size.
//!
//! Every test binary compiles this module on its own, and none uses all of it: unused
//! helpers are not warned about.
#![allow(dead_code)]

pub mod bundle;
pub mod cli;
pub mod docx;
pub mod export;
pub mod pty;
pub mod screen;
pub mod store;

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Stockholm;
use tidig::domain::Clock;

/// The fixed clock as the binary takes it (`TIDIG_NOW`): Thursday 26 November 2026,
/// noon UTC.
pub const NOW: &str = "2026-11-26T12:00:00Z";

/// Thursday 26 November 2026, noon UTC (the same instant as [`NOW`]).
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

/// Thursday 26 November 2026, noon UTC, shown in UTC.
pub fn clock() -> Clock {
    Clock::Fixed(now())
}

/// Thursday 26 November 2026, noon UTC, shown in Stockholm.
pub fn clock_in_stockholm() -> Clock {
    Clock::FixedIn(now(), Stockholm)
}

pub fn utc(y: i32, m: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, mi, 0).unwrap()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Thursday 26 November 2026, the fixed clock's day.
pub fn today() -> NaiveDate {
    date(2026, 11, 26)
}

/// The names in `dir`, sorted.
pub fn dir_entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The write-ahead log SQLite keeps beside the store at `path`.
pub fn wal_of(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push("-wal");
    PathBuf::from(s)
}

/// The permission bits of `path`.
#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}
