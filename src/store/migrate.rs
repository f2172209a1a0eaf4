//! Schema migrations: SQL files applied in order, tracked by `PRAGMA user_version`.
//! Written by hand (about twenty lines) rather than with `rusqlite_migration`, which
//! would pin rusqlite to an older release; the logic here is all that is needed.

use rusqlite::Connection;

use super::{APPLICATION_ID, Result};

/// Each entry is one migration; its position + 1 is the schema version it produces.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_foundation.sql"),
    include_str!("migrations/0002_meetings.sql"),
    include_str!("migrations/0003_agenda_changes_touch_meeting.sql"),
    include_str!("migrations/0004_needs_suggestions_lessons.sql"),
    include_str!("migrations/0005_notes_decisions_actions.sql"),
    include_str!("migrations/0009_meeting_status_before_cancel.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies every migration newer than the database, each in its own transaction
/// together with the version bump, so a failure leaves the previous version intact.
pub(super) fn migrate(conn: &Connection) -> Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let version = index as i64 + 1;
        conn.execute_batch(&format!(
            "BEGIN IMMEDIATE;
             {sql}
             PRAGMA application_id = {APPLICATION_ID};
             PRAGMA user_version = {version};
             COMMIT;"
        ))
        .inspect_err(|_| {
            let _ = conn.execute_batch("ROLLBACK");
        })?;
    }
    Ok(())
}
