//! The meetings of a calendar export, one at a time in start order, each with its
//! agenda: live meetings, and those put in the trash since a given time (which the
//! export sends as cancelled). Two statements are read side by side, the meetings and
//! the agenda blocks in the same order, so that 20,000 meetings are never held at once.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::meetings::{
    AGENDA_COLUMNS, LIVE, MEETING_COLUMNS, agenda_from_row, meeting_from_row, utc_text,
};
use super::readable::{UnreadableRow, read_row};
use super::{Store, StoreError};
use crate::domain::{AgendaItem, Meeting};

impl Store {
    /// Calls `each` with every meeting of the calendar (of one project, or all), in
    /// order of start then id: whether it is in the trash, the meeting, and its
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
        // The meetings are read in start order, which jumps about the file: mapped
        // into memory, its pages are read without a copy through the kernel each
        // (a third of the export's time at 20,000 meetings). Only for this read, so
        // that the app's own footprint stays small.
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
        let mut meetings = self
            .conn
            .prepare_cached(&format!(
                "SELECT {columns}, {LIVE} FROM meetings m JOIN projects p ON p.id = m.project_id
                 WHERE ({LIVE} OR coalesce(m.deleted_at, p.deleted_at) >= ?2)
                   AND (?1 IS NULL OR m.project_id = ?1)
                 ORDER BY m.start_at, m.id"
            ))
            .map_err(StoreError::from)?;
        let agenda_columns = AGENDA_COLUMNS
            .split(", ")
            .map(|c| format!("a.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut blocks = self
            .conn
            .prepare_cached(&format!(
                "SELECT {agenda_columns}, a.meeting_id FROM meetings m
                 JOIN projects p ON p.id = m.project_id
                 JOIN agenda_items a ON a.meeting_id = m.id
                 WHERE a.deleted_at IS NULL AND {LIVE} AND (?1 IS NULL OR m.project_id = ?1)
                 ORDER BY m.start_at, m.id, a.position, a.id"
            ))
            .map_err(StoreError::from)?;
        let live_column = MEETING_COLUMNS.split(',').count();
        let agenda_meeting_column = AGENDA_COLUMNS.split(',').count();
        let mut rows = meetings
            .query(params![project_id, utc_text(trashed_since)])
            .map_err(StoreError::from)?;
        let mut agenda_rows = blocks.query([project_id]).map_err(StoreError::from)?;
        // The next block not yet given out: its meeting and the block (or None when
        // it cannot be read).
        let mut next_block = read_block(agenda_rows.next(), agenda_meeting_column)?;
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            let live: bool = row.get(live_column).map_err(StoreError::from)?;
            let id: i64 = row.get(0).map_err(StoreError::from)?;
            let mut agenda = Vec::new();
            if live {
                while let Some((meeting_id, block)) = next_block.take() {
                    if meeting_id != id {
                        next_block = Some((meeting_id, block));
                        break;
                    }
                    match block {
                        Ok(block) => agenda.push(block),
                        Err(bad) => self.set_aside(bad),
                    }
                    next_block = read_block(agenda_rows.next(), agenda_meeting_column)?;
                }
            }
            match read_row(row, "meetings", meeting_from_row)? {
                Ok(meeting) => each(!live, meeting, agenda)?,
                Err(bad) if live => self.set_aside(bad),
                Err(_) => {}
            }
        }
        Ok(())
    }
}

/// How much of the store file the calendar's read maps into memory (SQLite's
/// `mmap_size`): all of a decade's store.
const CALENDAR_MMAP_BYTES: i64 = 1 << 30;

/// A block of the agenda statement: its meeting, and the block or, when it cannot be
/// read, the row to set aside.
type Block = Option<(i64, Result<AgendaItem, UnreadableRow>)>;

fn read_block(
    row: rusqlite::Result<Option<&rusqlite::Row<'_>>>,
    meeting_column: usize,
) -> Result<Block, StoreError> {
    let Some(row) = row? else { return Ok(None) };
    let meeting_id: i64 = row.get(meeting_column)?;
    let block = read_row(row, "agenda_items", agenda_from_row)?;
    Ok(Some((meeting_id, block)))
}
