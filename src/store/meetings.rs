//! Meetings with their agendas, participants and checklist.

use chrono::{DateTime, Utc};
use rusqlite::{Row, params};
use std::collections::HashMap;

use super::projects::enum_col;
use super::readable::{Listed, read_one, read_rows};
use super::{Result, Store, StoreError, changed, found, new_uuid};
use crate::domain::{
    AgendaFilter, AgendaItem, AgendaItemInput, Attendance, AttendanceRole, Meeting, MeetingFilter,
    MeetingInput, MeetingStatus, NotesStatus, OrgKind, TextEnum,
};

/// The stored form of an instant: UTC, second precision, so text order is time order.
pub(crate) fn utc_text(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub(super) fn utc_col(r: &Row<'_>, i: usize) -> rusqlite::Result<DateTime<Utc>> {
    let s: String = r.get(i)?;
    DateTime::parse_from_rfc3339(&s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            // The value goes into the message: a warning about the row can then show it.
            let detail = format!("{s:?}: {e}");
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, detail.into())
        })
}

pub(super) const MEETING_COLUMNS: &str =
    "m.id, m.uuid, m.project_id, p.code, m.kind, m.title, m.purpose,
    m.desired_outcome, m.format, m.location, m.start_at, m.end_at, m.status, m.notes_status,
    m.checklist, m.created_at, m.updated_at";

/// Meetings that are live and whose project is live too.
pub(super) const LIVE: &str = "m.deleted_at IS NULL AND p.deleted_at IS NULL";

pub(super) fn meeting_from_row(r: &Row<'_>) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: r.get(0)?,
        uuid: r.get(1)?,
        project_id: r.get(2)?,
        project_code: r.get(3)?,
        kind: enum_col(r, 4)?,
        title: r.get(5)?,
        purpose: r.get(6)?,
        desired_outcome: r.get(7)?,
        format: enum_col(r, 8)?,
        location: r.get(9)?,
        start: utc_col(r, 10)?,
        end: utc_col(r, 11)?,
        status: enum_col(r, 12)?,
        notes_status: enum_col(r, 13)?,
        checklist: r.get(14)?,
        created_at: r.get(15)?,
        updated_at: r.get(16)?,
    })
}

pub(super) const AGENDA_COLUMNS: &str =
    "id, uuid, meeting_id, position, title, minutes, method, owner, expected_outcome";

pub(super) fn agenda_from_row(r: &Row<'_>) -> rusqlite::Result<AgendaItem> {
    agenda_from_row_at(r, 0)
}

/// An agenda block whose `AGENDA_COLUMNS` start at column `at` of the row.
pub(super) fn agenda_from_row_at(r: &Row<'_>, at: usize) -> rusqlite::Result<AgendaItem> {
    Ok(AgendaItem {
        id: r.get(at)?,
        uuid: r.get(at + 1)?,
        meeting_id: r.get(at + 2)?,
        position: r.get(at + 3)?,
        title: r.get(at + 4)?,
        minutes: r.get(at + 5)?,
        method: r.get(at + 6)?,
        owner: r.get(at + 7)?,
        expected_outcome: r.get(at + 8)?,
    })
}

impl Store {
    fn query_meetings(
        &self,
        condition: &str,
        params: impl rusqlite::Params,
    ) -> Result<Listed<Meeting>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MEETING_COLUMNS} FROM meetings m JOIN projects p ON p.id = m.project_id
             WHERE {LIVE} AND {condition} ORDER BY m.start_at, m.id"
        ))?;
        read_rows(&mut stmt, params, "meetings", meeting_from_row)
    }

    /// A project's readable meetings, by start (`project_meetings_listed` also names
    /// the rows that could not be read).
    pub fn project_meetings(&self, project_id: i64) -> Result<Vec<Meeting>> {
        let listed = self.project_meetings_listed(project_id)?;
        Ok(self.readable(listed))
    }

    /// A project's meetings, by start, and the ids of its rows that cannot be read.
    pub fn project_meetings_listed(&self, project_id: i64) -> Result<Listed<Meeting>> {
        self.query_meetings("m.project_id = ?1", [project_id])
    }

    /// A project's meetings as the filter bar narrows them (type, status, notes status,
    /// text in title, purpose and location), by start; unreadable rows as above.
    pub fn project_meetings_filtered(
        &self,
        project_id: i64,
        filter: &MeetingFilter,
    ) -> Result<Listed<Meeting>> {
        self.query_meetings(
            "m.project_id = ?1
             AND (?2 IS NULL OR m.kind = ?2)
             AND (?3 IS NULL OR m.status = ?3)
             AND (?4 IS NULL OR m.notes_status = ?4)
             AND (?5 = '' OR instr(fold(m.title || ' ' || m.purpose || ' ' || m.location), ?5) > 0)",
            params![
                project_id,
                filter.kind.map(|k| k.as_str()),
                filter.status.map(|s| s.as_str()),
                filter.notes_status.map(|s| s.as_str()),
                filter.text.trim().to_lowercase()
            ],
        )
    }

    /// Readable meetings (of all projects) that share any time with `[from, to)`.
    pub fn meetings_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<Meeting>> {
        let listed = self.meetings_between_listed(from, to)?;
        Ok(self.readable(listed))
    }

    /// Meetings (of all projects) that share any time with `[from, to)`, by start, and
    /// the rows in that range that cannot be read. Uses the start-time index: a meeting
    /// is at most a week long for this purpose.
    pub fn meetings_between_listed(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Listed<Meeting>> {
        let earliest = from - chrono::Duration::days(7);
        self.query_meetings(
            "m.start_at >= ?1 AND m.start_at < ?3 AND m.end_at > ?2",
            params![utc_text(earliest), utc_text(from), utc_text(to)],
        )
    }

    /// The agenda's meetings in `[from, to)` as the filter bar narrows them (project,
    /// type, status, notes status, text), by start; unreadable rows in the range too.
    pub fn meetings_between_filtered(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        filter: &AgendaFilter,
    ) -> Result<Listed<Meeting>> {
        let earliest = from - chrono::Duration::days(7);
        self.query_meetings(
            "m.start_at >= ?1 AND m.start_at < ?3 AND m.end_at > ?2
             AND (?4 IS NULL OR m.project_id = ?4)
             AND (?5 IS NULL OR m.kind = ?5)
             AND (?6 IS NULL OR m.status = ?6)
             AND (?7 IS NULL OR m.notes_status = ?7)
             AND (?8 = '' OR instr(fold(m.title || ' ' || m.purpose || ' ' || m.location
                  || ' ' || p.code), ?8) > 0)",
            params![
                utc_text(earliest),
                utc_text(from),
                utc_text(to),
                filter.project_id,
                filter.kind.map(|k| k.as_str()),
                filter.status.map(|s| s.as_str()),
                filter.notes_status.map(|s| s.as_str()),
                filter.text.trim().to_lowercase()
            ],
        )
    }

    /// Live, not cancelled meetings overlapping `[start, end)`, other than `except`.
    pub fn overlapping_meetings(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        except: Option<i64>,
    ) -> Result<Vec<Meeting>> {
        Ok(self
            .meetings_between(start, end)?
            .into_iter()
            .filter(|m| Some(m.id) != except && m.status != MeetingStatus::Cancelled)
            .collect())
    }

    /// Ids of a project's live, not cancelled meetings ending after `from` that share time
    /// with any other live, not cancelled meeting (of any project). One indexed query,
    /// so a project screen stays fast however many meetings the store holds.
    pub fn overlapping_meeting_ids(
        &self,
        project_id: i64,
        from: DateTime<Utc>,
    ) -> Result<std::collections::HashSet<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT a.id FROM meetings a
             JOIN meetings b ON b.id != a.id
                AND b.start_at < a.end_at AND b.end_at > a.start_at
                AND b.start_at >= strftime('%Y-%m-%dT%H:%M:%SZ', a.start_at, '-7 days')
             JOIN projects pb ON pb.id = b.project_id
             WHERE a.project_id = ?1 AND a.end_at >= ?2
               AND a.deleted_at IS NULL AND a.status != 'cancelled'
               AND b.deleted_at IS NULL AND b.status != 'cancelled'
               AND pb.deleted_at IS NULL",
        )?;
        let rows = stmt.query_map(params![project_id, utc_text(from)], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn meeting(&self, id: i64) -> Result<Meeting> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MEETING_COLUMNS} FROM meetings m JOIN projects p ON p.id = m.project_id
                 WHERE m.id = ?1"
        ))?;
        read_one(&mut stmt, [id], "meetings", meeting_from_row)
    }

    /// Meetings moved to the trash (themselves or with their project) since `since`, of
    /// one project or all, by start: a calendar that imported them must learn they are
    /// off, so they are exported as cancelled for a while instead of vanishing.
    pub fn recently_trashed_meetings(
        &self,
        project_id: Option<i64>,
        since: DateTime<Utc>,
    ) -> Result<Vec<Meeting>> {
        // Trashing is the meeting's last change, also when it went with its project, so
        // that calendar programs take the cancellation as newer (SEQUENCE grows).
        let columns = MEETING_COLUMNS.replace(
            "m.updated_at",
            "max(m.updated_at, coalesce(m.deleted_at, p.deleted_at))",
        );
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {columns} FROM meetings m JOIN projects p ON p.id = m.project_id
             WHERE NOT ({LIVE}) AND coalesce(m.deleted_at, p.deleted_at) >= ?2
               AND (?1 IS NULL OR m.project_id = ?1)
             ORDER BY m.start_at, m.id"
        ))?;
        // A trashed row that cannot be read has nothing to tell a calendar: left out.
        let listed = read_rows(
            &mut stmt,
            params![project_id, utc_text(since)],
            "meetings",
            meeting_from_row,
        )?;
        Ok(listed.rows)
    }

    /// All readable live meetings, optionally of one project.
    pub fn all_meetings(&self, project_id: Option<i64>) -> Result<Vec<Meeting>> {
        let listed = self.all_meetings_listed(project_id)?;
        Ok(self.readable(listed))
    }

    /// All live meetings, optionally of one project, and the rows that cannot be read.
    pub fn all_meetings_listed(&self, project_id: Option<i64>) -> Result<Listed<Meeting>> {
        self.query_meetings("(?1 IS NULL OR m.project_id = ?1)", [project_id])
    }

    pub fn create_meeting(&mut self, project_id: i64, input: &MeetingInput) -> Result<i64> {
        self.create_meeting_with_uuid(project_id, input, &new_uuid())
    }

    pub(crate) fn create_meeting_with_uuid(
        &mut self,
        project_id: i64,
        input: &MeetingInput,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        self.conn.execute(
            "INSERT INTO meetings (uuid, project_id, kind, title, purpose, desired_outcome, format,
                location, start_at, end_at, status, notes_status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
            params![
                uuid,
                project_id,
                input.kind.as_str(),
                input.title,
                input.purpose,
                input.desired_outcome,
                input.format.as_str(),
                input.location,
                utc_text(input.start),
                utc_text(input.end),
                input.status.as_str(),
                input.notes_status.as_str(),
                now,
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn update_meeting(&mut self, id: i64, input: &MeetingInput) -> Result<()> {
        let now = self.now();
        let n = self.conn.execute(
            "UPDATE meetings SET kind = ?2, title = ?3, purpose = ?4, desired_outcome = ?5,
                format = ?6, location = ?7, start_at = ?8, end_at = ?9, status = ?10,
                notes_status = ?11, updated_at = ?12
             WHERE id = ?1",
            params![
                id,
                input.kind.as_str(),
                input.title,
                input.purpose,
                input.desired_outcome,
                input.format.as_str(),
                input.location,
                utc_text(input.start),
                utc_text(input.end),
                input.status.as_str(),
                input.notes_status.as_str(),
                now,
            ],
        )?;
        changed(n)
    }

    /// Sets a meeting's status. Cancelling remembers the status it had (see
    /// `reinstate_meeting`); any other status forgets it.
    pub fn set_meeting_status(&mut self, id: i64, status: MeetingStatus) -> Result<()> {
        let now = self.now();
        let n = self.conn.execute(
            "UPDATE meetings SET
                status_before_cancel = CASE
                    WHEN ?2 <> 'cancelled' THEN NULL
                    WHEN status <> 'cancelled' THEN status
                    ELSE status_before_cancel END,
                status = ?2, updated_at = ?3
             WHERE id = ?1",
            params![id, status.as_str(), now],
        )?;
        changed(n)
    }

    /// Gives a cancelled meeting back the status it had before it was cancelled
    /// (planned when that is not known); returns it. A meeting that is not cancelled is
    /// left as it is.
    pub fn reinstate_meeting(&mut self, id: i64) -> Result<MeetingStatus> {
        let now = self.now();
        let status: String = found(self.conn.query_row(
            "UPDATE meetings SET
                status = CASE WHEN status = 'cancelled'
                    THEN coalesce(status_before_cancel, 'planned') ELSE status END,
                status_before_cancel = NULL,
                updated_at = ?2
             WHERE id = ?1
             RETURNING status",
            params![id, now],
            |r| r.get(0),
        ))?;
        MeetingStatus::parse(&status).ok_or(StoreError::NotFound)
    }

    /// Steps a meeting's notes status back to `to` without touching the dates each
    /// status was reached (the history of when the notes were approved and sent stays).
    pub fn step_notes_status_back(&mut self, meeting_id: i64, to: NotesStatus) -> Result<()> {
        let now = self.now();
        let n = self.conn.execute(
            "UPDATE meetings SET notes_status = ?2, updated_at = ?3 WHERE id = ?1",
            params![meeting_id, to.as_str(), now],
        )?;
        changed(n)
    }

    /// Ticks or unticks one point of the equal-treatment checklist.
    pub fn toggle_checklist(&mut self, id: i64, point: usize) -> Result<u32> {
        let now = self.now();
        let bits: u32 = found(self.conn.query_row(
            "UPDATE meetings SET checklist = (checklist | ?2) - (checklist & ?2), updated_at = ?3
             WHERE id = ?1
             RETURNING checklist",
            params![id, 1u32 << point, now],
            |r| r.get(0),
        ))?;
        Ok(bits)
    }

    // ----- agenda -------------------------------------------------------------------

    pub fn agenda(&self, meeting_id: i64) -> Result<Vec<AgendaItem>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {AGENDA_COLUMNS} FROM agenda_items
             WHERE meeting_id = ?1 AND deleted_at IS NULL ORDER BY position, id"
        ))?;
        let listed = read_rows(&mut stmt, [meeting_id], "agenda_items", agenda_from_row)?;
        Ok(self.readable(listed))
    }

    /// The agendas of all live meetings (of one project, or all), by meeting id, in one
    /// query: what a calendar of many meetings needs.
    pub fn agendas(&self, project_id: Option<i64>) -> Result<HashMap<i64, Vec<AgendaItem>>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {} FROM agenda_items a
             JOIN meetings m ON m.id = a.meeting_id JOIN projects p ON p.id = m.project_id
             WHERE a.deleted_at IS NULL AND {LIVE} AND (?1 IS NULL OR m.project_id = ?1)
             ORDER BY a.meeting_id, a.position, a.id",
            AGENDA_COLUMNS
                .split(", ")
                .map(|c| format!("a.{c}"))
                .collect::<Vec<_>>()
                .join(", ")
        ))?;
        let mut agendas: HashMap<i64, Vec<AgendaItem>> = HashMap::new();
        let listed = read_rows(&mut stmt, [project_id], "agenda_items", agenda_from_row)?;
        for item in self.readable(listed) {
            agendas.entry(item.meeting_id).or_default().push(item);
        }
        Ok(agendas)
    }

    /// Appends a block at the end of the agenda.
    pub fn add_agenda_item(&mut self, meeting_id: i64, input: &AgendaItemInput) -> Result<i64> {
        self.add_agenda_item_with_uuid(meeting_id, input, &new_uuid())
    }

    pub(crate) fn add_agenda_item_with_uuid(
        &mut self,
        meeting_id: i64,
        input: &AgendaItemInput,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        self.conn.execute(
            "INSERT INTO agenda_items (uuid, meeting_id, position, title, minutes, method, owner,
                expected_outcome, created_at, updated_at)
             VALUES (?1, ?2,
                (SELECT ifnull(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?2),
                ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                uuid,
                meeting_id,
                input.title,
                input.minutes,
                input.method,
                input.owner,
                input.expected_outcome,
                now
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn update_agenda_item(&mut self, id: i64, input: &AgendaItemInput) -> Result<()> {
        let now = self.now();
        let n = self.conn.execute(
            "UPDATE agenda_items SET title = ?2, minutes = ?3, method = ?4, owner = ?5,
                expected_outcome = ?6, updated_at = ?7 WHERE id = ?1",
            params![
                id,
                input.title,
                input.minutes,
                input.method,
                input.owner,
                input.expected_outcome,
                now
            ],
        )?;
        changed(n)
    }

    /// Moves a block one place up (`-1`) or down (`1`); returns whether it moved.
    pub fn move_agenda_item(&mut self, id: i64, direction: i32) -> Result<bool> {
        let now = self.now();
        let tx = super::write_tx(&mut self.conn)?;
        let meeting_id: i64 = found(tx.query_row(
            "SELECT meeting_id FROM agenda_items WHERE id = ?1",
            [id],
            |r| r.get(0),
        ))?;
        let mut ids: Vec<i64> = {
            let mut stmt = tx.prepare(
                "SELECT id FROM agenda_items WHERE meeting_id = ?1 AND deleted_at IS NULL
                 ORDER BY position, id",
            )?;
            stmt.query_map([meeting_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        let Some(i) = ids.iter().position(|x| *x == id) else {
            return Err(StoreError::NotFound);
        };
        let j = i as i64 + i64::from(direction);
        if j < 0 || j >= ids.len() as i64 {
            return Ok(false);
        }
        ids.swap(i, j as usize);
        // Renumber the whole agenda so positions stay dense.
        for (pos, item) in ids.iter().enumerate() {
            tx.execute(
                "UPDATE agenda_items SET position = ?2, updated_at = ?3 WHERE id = ?1",
                params![item, pos as i64 + 1, now],
            )?;
        }
        tx.commit()?;
        Ok(true)
    }

    // ----- participants -------------------------------------------------------------

    /// The readable rows of `attendance_listed`; the others are noted (`take_set_aside`).
    pub fn attendance(&self, meeting_id: i64) -> Result<Vec<Attendance>> {
        let listed = self.attendance_listed(meeting_id)?;
        Ok(self.readable(listed))
    }

    pub fn attendance_listed(&self, meeting_id: i64) -> Result<Listed<Attendance>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.meeting_id, a.person_id, pe.name, o.name, o.kind, a.role, a.invited,
                    a.attended
             FROM attendance a JOIN people pe ON pe.id = a.person_id
             LEFT JOIN organisations o ON o.id = pe.organisation_id
             WHERE a.meeting_id = ?1 AND pe.deleted_at IS NULL
             ORDER BY CASE a.role WHEN 'chair' THEN 0 WHEN 'facilitator' THEN 1 ELSE 2 END,
                      pe.name COLLATE sv",
        )?;
        let listed = read_rows(&mut stmt, [meeting_id], "attendance", |r| {
            let org_kind: Option<String> = r.get(5)?;
            Ok(Attendance {
                id: r.get(0)?,
                meeting_id: r.get(1)?,
                person_id: r.get(2)?,
                person_name: r.get(3)?,
                organisation_name: r.get(4)?,
                organisation_is_supplier: org_kind.as_deref() == Some(OrgKind::Supplier.as_str()),
                role: enum_col(r, 6)?,
                invited: r.get(7)?,
                attended: r.get(8)?,
            })
        })?;
        Ok(listed)
    }

    /// Adds a person to a meeting (or changes their role if already there).
    pub fn add_attendance(
        &mut self,
        meeting_id: i64,
        person_id: i64,
        role: AttendanceRole,
    ) -> Result<i64> {
        let now = self.now();
        let id = self.conn.query_row(
            "INSERT INTO attendance (uuid, meeting_id, person_id, role, invited, attended,
                created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, 1, 0, ?5, ?5)
             ON CONFLICT (meeting_id, person_id) DO UPDATE SET role = excluded.role,
                updated_at = excluded.updated_at
             RETURNING id",
            params![new_uuid(), meeting_id, person_id, role.as_str(), now],
            |r| r.get(0),
        )?;
        Ok(id)
    }

    pub fn set_attendance(
        &mut self,
        id: i64,
        role: AttendanceRole,
        invited: bool,
        attended: bool,
    ) -> Result<()> {
        let now = self.now();
        let n = self.conn.execute(
            "UPDATE attendance SET role = ?2, invited = ?3, attended = ?4, updated_at = ?5
             WHERE id = ?1",
            params![id, role.as_str(), invited, attended, now],
        )?;
        changed(n)
    }

    /// Takes a person off a meeting's list (a list entry, not a record worth a trash).
    pub fn remove_attendance(&mut self, id: i64) -> Result<()> {
        let n = self
            .conn
            .execute("DELETE FROM attendance WHERE id = ?1", [id])?;
        changed(n)
    }
}
