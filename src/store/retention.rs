//! Gallring (issue 13, part 6): the facilitator's personal notes are kept only so long
//! after a project has closed. A project is closed when it is completed or cancelled,
//! or in its closed phase; it closed on its end date, else on its last change.

use rusqlite::params;
use serde::Serialize;

use super::{Result, Store};

/// A personal note due for purging.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpiredNote {
    pub id: i64,
    pub project_code: String,
    pub meeting_title: String,
    /// The day the project closed (`YYYY-MM-DD`).
    pub closed_on: String,
    pub created_at: String,
    /// The start of the note, on one line.
    pub excerpt: String,
}

/// The day a project closed, in SQL over the project `p`.
const CLOSED_ON: &str = "coalesce(p.end_date, substr(p.updated_at, 1, 10))";

impl Store {
    /// Personal notes (trashed or not) of projects that closed more than `months`
    /// months ago, oldest project first.
    pub fn expired_personal_notes(&self, months: u32) -> Result<Vec<ExpiredNote>> {
        let cutoff = self
            .clock
            .today()
            .checked_sub_months(chrono::Months::new(months))
            .unwrap_or_default()
            .to_string();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT n.id, p.code, m.title, {CLOSED_ON}, n.created_at,
                    substr(replace(replace(n.body, char(13), ' '), char(10), ' '), 1, 80)
             FROM notes n JOIN meetings m ON m.id = n.meeting_id
             JOIN projects p ON p.id = m.project_id
             WHERE n.confidentiality = 'personal'
               AND (p.status IN ('completed', 'cancelled') OR p.phase = 'closed')
               AND {CLOSED_ON} < ?1
             ORDER BY {CLOSED_ON}, p.code, m.start_at, n.id"
        ))?;
        let rows = stmt.query_map(params![cutoff], |r| {
            Ok(ExpiredNote {
                id: r.get(0)?,
                project_code: r.get(1)?,
                meeting_title: r.get(2)?,
                closed_on: r.get(3)?,
                created_at: r.get(4)?,
                excerpt: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes for good the personal notes `ids` that are still due (checked again
    /// under the write lock, so a note relabelled meanwhile is kept). All or nothing;
    /// returns how many went.
    pub fn purge_expired_personal_notes(&mut self, months: u32, ids: &[i64]) -> Result<usize> {
        self.atomically(|store| {
            let due: Vec<i64> = store
                .expired_personal_notes(months)?
                .into_iter()
                .map(|n| n.id)
                .filter(|id| ids.contains(id))
                .collect();
            let mut stmt = store
                .conn
                .prepare_cached("DELETE FROM notes WHERE id = ?1")?;
            for id in &due {
                stmt.execute([id])?;
            }
            Ok(due.len())
        })
    }
}
