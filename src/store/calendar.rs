//! The meetings of a calendar export, one at a time in the order they were made, each
//! with its agenda: live meetings, and those put in the trash since a given time (which
//! the export sends as cancelled). One statement gives each meeting's rows (one per
//! agenda block) in order, so that 20,000 meetings are never held at once.
//!
//! Why the order they were made (rowid) and not their start: calendar programs sort
//! events themselves, and the file's order is read by none of them. Walking the
//! meetings by start jumps about the file, and each meeting's agenda with it: at 20,000
//! meetings that walk took 80 ms of SQLite's time against 28 ms in rowid order, where
//! meetings and their agenda blocks lie next to each other.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::meetings::{
    AGENDA_COLUMNS, LIVE, MEETING_COLUMNS, agenda_from_row_at, meeting_from_row, utc_text,
};
use super::readable::{UnreadableRow, read_row, read_row_at};
use super::{Store, StoreError};
use crate::domain::{AgendaItem, Meeting};

impl Store {
    /// Calls `each` with every meeting of the calendar (of one project, or all), in
    /// the order they were made (id): whether it is in the trash, the meeting, and its
    /// agenda in order (empty for one in the trash). A trashed meeting's last change
    /// is its trashing, also when it went with its project, so that calendar programs
    /// take the cancellation as newer. Live rows that cannot be read are set aside
    /// (`take_set_aside`), trashed ones left out: they have nothing to tell.
    pub fn each_calendar_meeting<E: From<StoreError>>(
        &self,
        project_id: Option<i64>,
        trashed_since: DateTime<Utc>,
        each: impl FnMut(bool, Meeting, Vec<AgendaItem>) -> Result<(), E>,
    ) -> Result<(), E> {
        // Mapped into memory, the file's pages are read without a copy through the
        // kernel each (50 ms less at 20,000 meetings). Only for this read, so that the
        // app's own footprint stays small.
        self.conn
            .pragma_update(None, "mmap_size", CALENDAR_MMAP_BYTES)
            .map_err(StoreError::from)?;
        let read = self.read_calendar(project_id, trashed_since, each);
        let unmapped = self.conn.pragma_update(None, "mmap_size", 0);
        read?;
        unmapped.map_err(StoreError::from)?;
        Ok(())
    }

    fn read_calendar<E: From<StoreError>>(
        &self,
        project_id: Option<i64>,
        trashed_since: DateTime<Utc>,
        mut each: impl FnMut(bool, Meeting, Vec<AgendaItem>) -> Result<(), E>,
    ) -> Result<(), E> {
        let columns = MEETING_COLUMNS.replace(
            "m.updated_at",
            &format!(
                "CASE WHEN {LIVE} THEN m.updated_at
                      ELSE max(m.updated_at, coalesce(m.deleted_at, p.deleted_at)) END"
            ),
        );
        let agenda_columns = AGENDA_COLUMNS
            .split(", ")
            .map(|c| format!("a.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        // One statement, one row per agenda block (or one for a meeting without any),
        // so that the meetings are walked once, in the order they lie in the file.
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {columns}, {LIVE}, {agenda_columns}
                 FROM meetings m JOIN projects p ON p.id = m.project_id
                 LEFT JOIN agenda_items a
                   ON a.meeting_id = m.id AND a.deleted_at IS NULL AND {LIVE}
                 WHERE ({LIVE} OR coalesce(m.deleted_at, p.deleted_at) >= ?2)
                   AND (?1 IS NULL OR m.project_id = ?1)
                 ORDER BY m.id, a.position, a.id"
            ))
            .map_err(StoreError::from)?;
        let live_column = MEETING_COLUMNS.split(',').count();
        let agenda_at = live_column + 1;
        let mut rows = stmt
            .query(params![project_id, utc_text(trashed_since)])
            .map_err(StoreError::from)?;
        let mut current: Option<Gathered> = None;
        let mut give = |gathered: Option<Gathered>| match gathered {
            Some((_, live, Ok(meeting), agenda)) => each(!live, meeting, agenda),
            Some((_, true, Err(bad), _)) => {
                self.set_aside(bad);
                Ok(())
            }
            _ => Ok(()),
        };
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            let id: i64 = row.get(0).map_err(StoreError::from)?;
            if current.as_ref().is_none_or(|(at, ..)| *at != id) {
                let live: bool = row.get(live_column).map_err(StoreError::from)?;
                let meeting = read_row(row, "meetings", meeting_from_row)?;
                give(current.replace((id, live, meeting, Vec::new())))?;
            }
            let block_id: Option<i64> = row.get(agenda_at).map_err(StoreError::from)?;
            if let (Some(_), Some((.., agenda))) = (block_id, current.as_mut()) {
                match read_row_at(row, "agenda_items", agenda_at, |r| {
                    agenda_from_row_at(r, agenda_at)
                })? {
                    Ok(block) => agenda.push(block),
                    Err(bad) => self.set_aside(bad),
                }
            }
        }
        give(current)
    }
}

/// The meeting being gathered: its id, whether it is live, and the meeting (or its
/// row, when it cannot be read) with the blocks read so far.
type Gathered = (i64, bool, Result<Meeting, UnreadableRow>, Vec<AgendaItem>);

/// How much of the store file the calendar's read maps into memory (SQLite's
/// `mmap_size`): all of a decade's store.
const CALENDAR_MMAP_BYTES: i64 = 1 << 30;
