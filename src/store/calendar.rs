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
use rusqlite::{Rows, params};

use super::meetings::{LIVE, MEETING_COLUMNS, meeting_from_row, utc_text};
use super::readable::{UnreadableRow, read_row};
use super::{Store, StoreError};
use crate::domain::{AgendaLine, Meeting};

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
        each: impl FnMut(bool, Meeting, Vec<AgendaLine>) -> Result<(), E>,
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
        mut each: impl FnMut(bool, Meeting, Vec<AgendaLine>) -> Result<(), E>,
    ) -> Result<(), E> {
        let columns = MEETING_COLUMNS.replace(
            "m.updated_at",
            &format!(
                "CASE WHEN {LIVE} THEN m.updated_at
                      ELSE max(m.updated_at, coalesce(m.deleted_at, p.deleted_at)) END"
            ),
        );
        // Two walks side by side, both in meeting order: the meetings, and the agenda
        // blocks (only what an event tells of them). A join would copy each meeting's
        // columns once for every block it has.
        let mut meetings = self
            .conn
            .prepare_cached(&format!(
                "SELECT {columns}, {LIVE}
                 FROM meetings m JOIN projects p ON p.id = m.project_id
                 WHERE ({LIVE} OR coalesce(m.deleted_at, p.deleted_at) >= ?2)
                   AND (?1 IS NULL OR m.project_id = ?1)
                 ORDER BY m.id"
            ))
            .map_err(StoreError::from)?;
        // One project's blocks are sought meeting by meeting; everyone's are walked.
        let of_meetings = match project_id {
            Some(_) => "a.meeting_id IN (SELECT m.id FROM meetings m WHERE m.project_id = ?1)",
            None => "?1 IS NULL",
        };
        let mut blocks = self
            .conn
            .prepare_cached(&format!(
                "SELECT a.id, a.meeting_id, a.title, a.minutes FROM agenda_items a
                 WHERE a.deleted_at IS NULL AND {of_meetings}
                 ORDER BY a.meeting_id, a.position, a.id"
            ))
            .map_err(StoreError::from)?;
        let live_column = MEETING_COLUMNS.split(',').count();
        let mut rows = meetings
            .query(params![project_id, utc_text(trashed_since)])
            .map_err(StoreError::from)?;
        let mut blocks = Blocks::new(blocks.query([project_id]).map_err(StoreError::from)?);
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            let id: i64 = row.get(0).map_err(StoreError::from)?;
            let live: bool = row.get(live_column).map_err(StoreError::from)?;
            let meeting = read_row(row, "meetings", meeting_from_row)?;
            // A meeting in the trash goes out cancelled, without its agenda (whose
            // rows then have nothing to tell either).
            let agenda = blocks.of(id, |bad| {
                if live {
                    self.set_aside(bad);
                }
            })?;
            match meeting {
                Ok(meeting) => each(!live, meeting, if live { agenda } else { Vec::new() })?,
                Err(bad) if live => self.set_aside(bad),
                Err(_) => {}
            }
        }
        Ok(())
    }
}

/// An agenda block's meeting id, and the block unless its row cannot be read.
type BlockRow = (i64, Result<AgendaLine, UnreadableRow>);

/// The agenda blocks' walk, one meeting's blocks at a time, the meetings in id order
/// as the meetings' walk takes them. The first block of the next meeting is held
/// until that meeting comes.
struct Blocks<'s> {
    rows: Rows<'s>,
    next: Option<BlockRow>,
    done: bool,
}

impl<'s> Blocks<'s> {
    fn new(rows: Rows<'s>) -> Blocks<'s> {
        Blocks {
            rows,
            next: None,
            done: false,
        }
    }

    /// The readable blocks of meeting `id`, in order; blocks of meetings before it
    /// (not in the calendar) are passed over. Rows that cannot be read go to
    /// `unreadable`.
    fn of(
        &mut self,
        id: i64,
        mut unreadable: impl FnMut(UnreadableRow),
    ) -> Result<Vec<AgendaLine>, StoreError> {
        let mut agenda = Vec::new();
        loop {
            if self.next.is_none() && !self.done {
                self.next = self.read()?;
                self.done = self.next.is_none();
            }
            match self.next.take() {
                Some((meeting, block)) if meeting <= id => match block {
                    Ok(line) if meeting == id => agenda.push(line),
                    Err(bad) if meeting == id => unreadable(bad),
                    _ => {}
                },
                held => {
                    self.next = held;
                    return Ok(agenda);
                }
            }
        }
    }

    fn read(&mut self) -> Result<Option<BlockRow>, StoreError> {
        // A block whose meeting id is not a whole number belongs to no meeting: it is
        // passed over (text sorts after every meeting, but 2.5 between 2 and 3).
        let (row, meeting) = loop {
            let Some(row) = self.rows.next()? else {
                return Ok(None);
            };
            if let Ok(meeting) = row.get::<_, i64>(1) {
                break (row, meeting);
            }
        };
        let line = read_row(row, "agenda_items", |r| {
            Ok(AgendaLine {
                title: r.get(2)?,
                minutes: r.get(3)?,
            })
        })?;
        Ok(Some((meeting, line)))
    }
}

/// How much of the store file the calendar's read maps into memory (SQLite's
/// `mmap_size`): all of a decade's store.
const CALENDAR_MMAP_BYTES: i64 = 1 << 30;
