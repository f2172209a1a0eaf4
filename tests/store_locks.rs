//! Writes wait for another connection's lock like reads do: a transaction takes the
//! write lock up front (`BEGIN IMMEDIATE`), so a write that reads first does not fail
//! with "database is locked" when another connection wrote in the meantime.

mod common;

use std::thread;
use std::time::Duration;

use rusqlite::Connection;
use tidig::domain::{ProjectInput, ProjectStatus};

use common::store::{db_path, file_store, temp_dir};

#[test]
fn a_transaction_waits_for_a_writer_that_commits_meanwhile() {
    let dir = temp_dir();
    let path = db_path(&dir);
    let mut store = file_store(&path);

    // Another program writes and holds its lock for a moment.
    let other = Connection::open(&path).unwrap();
    other
        .execute_batch(
            "BEGIN EXCLUSIVE;
             INSERT INTO drafts (key, payload, updated_at) VALUES ('x', '{}', '2026-11-26T12:00:00Z');",
        )
        .unwrap();
    let releaser = thread::spawn(move || {
        thread::sleep(Duration::from_millis(300));
        other.execute_batch("COMMIT").unwrap();
    });

    // Creating a project reads (its buyer) and then writes, in one transaction.
    let created = store.create_project(&ProjectInput {
        code: "LÅS-1".into(),
        title: "Väntar på låset".into(),
        buyer_name: "Luleå kommun".into(),
        status: ProjectStatus::Active,
        ..Default::default()
    });
    releaser.join().unwrap();
    let id = created.expect("the write waited for the lock instead of failing");
    assert_eq!(store.project(id).unwrap().code, "LÅS-1");
    assert!(store.draft("x").unwrap().is_some());
}

#[test]
fn nested_transactions_still_roll_back_as_one() {
    let dir = temp_dir();
    let mut store = file_store(&db_path(&dir));
    let result: Result<(), tidig::store::StoreError> = store.atomically(|s| {
        s.save_draft("outer", "{}")?;
        s.atomically(|s| s.save_draft("inner", "{}"))?;
        Err(tidig::store::StoreError::NotFound)
    });
    assert!(result.is_err());
    assert!(store.draft("outer").unwrap().is_none());
    assert!(store.draft("inner").unwrap().is_none());
    // And the connection is usable again, outside any transaction.
    store.save_draft("after", "{}").unwrap();
    assert!(store.connection().is_autocommit());
}
