//! A lock, a read-only store, a full disk and damage are told apart, and each message
//! says what happened and what to do, once.

mod common;

use rusqlite::ffi;
use tidig::domain::StoreFault;
use tidig::store::StoreError;

use common::cli::{Sandbox, fails_with_one_line};

fn sqlite(code: i32, message: &str) -> StoreError {
    StoreError::from(rusqlite::Error::SqliteFailure(
        ffi::Error::new(code),
        Some(message.to_string()),
    ))
}

#[test]
fn sqlite_errors_are_classified() {
    let cases = [
        (ffi::SQLITE_BUSY, "database is locked", StoreFault::Locked),
        (
            ffi::SQLITE_LOCKED,
            "database table is locked",
            StoreFault::Locked,
        ),
        (
            ffi::SQLITE_READONLY,
            "attempt to write a readonly database",
            StoreFault::ReadOnly,
        ),
        (
            ffi::SQLITE_FULL,
            "database or disk is full",
            StoreFault::Full,
        ),
        (ffi::SQLITE_IOERR, "disk I/O error", StoreFault::Io),
        (
            ffi::SQLITE_CORRUPT,
            "database disk image is malformed",
            StoreFault::Damaged,
        ),
        (
            ffi::SQLITE_NOTADB,
            "file is not a database",
            StoreFault::NotTidig,
        ),
    ];
    for (code, message, fault) in cases {
        let e = sqlite(code, message);
        assert_eq!(e.fault(), Some(fault.clone()), "{message}");
        let text = e.to_string();
        // Only damage is called damage.
        assert_eq!(
            text.contains("damaged"),
            fault == StoreFault::Damaged,
            "{message}: {text}"
        );
        // Said once, also through anyhow's chain (no source repeats it).
        let chained = format!("{:#}", anyhow::Error::new(e));
        assert_eq!(chained, text, "{message}");
    }
    assert!(
        sqlite(ffi::SQLITE_BUSY, "database is locked")
            .to_string()
            .contains("locked by another program")
    );
    assert!(
        sqlite(ffi::SQLITE_FULL, "x")
            .to_string()
            .contains("free some space")
    );
    assert!(
        sqlite(ffi::SQLITE_READONLY, "x")
            .to_string()
            .contains("make it writable")
    );
}

#[test]
fn a_broken_rule_is_said_once() {
    let e = sqlite(ffi::SQLITE_CONSTRAINT, "CHECK constraint failed: x");
    assert_eq!(e.fault(), None);
    let chained = format!("{:#}", anyhow::Error::new(e));
    assert_eq!(
        chained.matches("CHECK constraint failed").count(),
        1,
        "{chained}"
    );
}

/// Another program holds the write lock: `tidig demo` says the store is locked (not
/// damaged), once, and names the store.
#[test]
fn a_held_lock_is_reported_as_a_lock() {
    let sandbox = Sandbox::empty("UTC");
    sandbox
        .tidig()
        .args(["list", "projects"])
        .assert()
        .success();
    let db = sandbox.db();
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let line = fails_with_one_line(
        sandbox
            .tidig()
            .env("TIDIG_BUSY_TIMEOUT_MS", "200")
            .arg("demo"),
    );
    assert!(line.contains("locked by another program"), "{line}");
    assert!(!line.contains("damaged"), "{line}");
    assert_eq!(line.matches("locked").count(), 1, "{line}");
    holder.execute_batch("ROLLBACK").unwrap();
}
