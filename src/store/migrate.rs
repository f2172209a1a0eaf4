//! Schema migrations: SQL files applied in order, tracked by `PRAGMA user_version`.
//! Written by hand (about twenty lines) rather than with `rusqlite_migration`, which
//! would pin rusqlite to an older release; the logic here is all that is needed.

use rusqlite::Connection;

use super::{APPLICATION_ID, Result, StoreError};

/// Each entry is one migration; its position + 1 is the schema version it produces.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_foundation.sql"),
    include_str!("migrations/0002_meetings.sql"),
    include_str!("migrations/0003_agenda_changes_touch_meeting.sql"),
    include_str!("migrations/0004_needs_suggestions_lessons.sql"),
    include_str!("migrations/0005_notes_decisions_actions.sql"),
    include_str!("migrations/0006_history_uuids.sql"),
    include_str!("migrations/0007_stable_ids_and_versions.sql"),
    include_str!("migrations/0008_outcome_labels.sql"),
    include_str!("migrations/0009_meeting_status_before_cancel.sql"),
    include_str!("migrations/0010_attention_indexes.sql"),
    include_str!("migrations/0011_search.sql"),
    include_str!("migrations/0012_dialogue_rounds.sql"),
    include_str!("migrations/0013_information_interests.sql"),
    include_str!("migrations/0014_paging_indexes.sql"),
    include_str!("migrations/0015_notes_approver.sql"),
    include_str!("migrations/0016_trash_indexes.sql"),
    include_str!("migrations/0017_agenda_index.sql"),
    include_str!("migrations/0018_attendance_person.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies every migration newer than the database, each in its own transaction
/// together with the version bump, so a failure leaves the previous version intact.
///
/// Foreign keys are off while migrations run, as SQLite prescribes for rebuilding a
/// table that others reference (`PRAGMA foreign_keys` cannot change inside a
/// transaction): dropping the old table must neither cascade nor fail. Before each
/// commit `PRAGMA foreign_key_check` must find nothing, so a migration can never leave
/// a dangling reference behind.
pub(super) fn migrate(conn: &Connection) -> Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current as usize >= MIGRATIONS.len() {
        return Ok(());
    }
    let enforced: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    conn.execute_batch("PRAGMA foreign_keys = OFF")?;
    let result = apply(conn, current);
    if enforced {
        conn.execute_batch("PRAGMA foreign_keys = ON")?;
    }
    result
}

fn apply(conn: &Connection, current: i64) -> Result<()> {
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let version = index as i64 + 1;
        conn.execute_batch("BEGIN IMMEDIATE")?;
        let step = conn
            .execute_batch(sql)
            .map_err(StoreError::from)
            .and_then(|()| foreign_keys_hold(conn))
            .and_then(|()| {
                Ok(conn.execute_batch(&format!(
                    "PRAGMA application_id = {APPLICATION_ID};
                     PRAGMA user_version = {version};
                     COMMIT;"
                ))?)
            });
        if let Err(e) = step {
            let _ = conn.execute_batch("ROLLBACK");
            return Err(e);
        }
    }
    Ok(())
}

/// Fails when any row references one that does not exist.
fn foreign_keys_hold(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let broken = stmt.query_map([], |r| r.get::<_, String>(0))?.next();
    match broken {
        None => Ok(()),
        Some(table) => Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
            Some(format!("a migration left a broken reference in {}", table?)),
        ))),
    }
}
