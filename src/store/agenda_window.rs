//! The agenda and week view at any size: every meeting of the days shown is read light
//! (its place in time, its status, and the other columns a reader parses) from one
//! covering index (migration 0017), and whole rows only for the meetings on screen,
//! by id. A fortnight of a busy store holds thousands of meetings; the screen shows a
//! few dozen.

use chrono::{DateTime, Utc};
use rusqlite::params_from_iter;
use rusqlite::types::{Value, ValueRef};

use super::meetings::{MEETING_COLUMNS, meeting_from_row, utc_col, utc_text};
use super::projects::enum_col;
use super::readable::{Listed, read_rows};
use super::{Result, Store};
use crate::domain::{
    AgendaFilter, AgendaSlot, Meeting, MeetingFormat, MeetingType, NotesStatus, TextEnum,
};

/// Meetings of a live project (the few trashed projects are looked up once, not a
/// project per meeting).
const IN_LIVE_PROJECT: &str =
    "m.project_id NOT IN (SELECT id FROM projects WHERE deleted_at IS NOT NULL)";

/// The light read of the meetings that share time with `[?2, ?3)`, starting no earlier
/// than `?1` (a meeting is at most a week long for this purpose), with the filter's
/// conditions (only those set) after; and the values they bind.
fn slots_sql(
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    filter: Option<&AgendaFilter>,
) -> (String, Vec<Value>) {
    let earliest = from - chrono::Duration::days(7);
    let mut sql = format!(
        "SELECT m.id, m.start_at, m.end_at, m.status, m.kind, m.format, m.notes_status
         FROM meetings m
         WHERE m.deleted_at IS NULL AND {IN_LIVE_PROJECT}
           AND m.start_at >= ?1 AND m.start_at < ?3 AND m.end_at > ?2"
    );
    let mut values = vec![
        Value::Text(utc_text(earliest)),
        Value::Text(utc_text(from)),
        Value::Text(utc_text(to)),
    ];
    if let Some(filter) = filter {
        let mut add = |condition: &str, value: Value| {
            values.push(value);
            sql.push_str(&format!(" AND {condition}?{}", values.len()));
        };
        if let Some(id) = filter.project_id {
            add("m.project_id = ", Value::Integer(id));
        }
        if let Some(kind) = filter.kind {
            add("m.kind = ", Value::Text(kind.as_str().to_owned()));
        }
        if let Some(status) = filter.status {
            add("m.status = ", Value::Text(status.as_str().to_owned()));
        }
        if let Some(status) = filter.notes_status {
            add("m.notes_status = ", Value::Text(status.as_str().to_owned()));
        }
        let text = filter.text.trim().to_lowercase();
        if !text.is_empty() {
            values.push(Value::Text(text));
            sql.push_str(&format!(
                " AND instr(fold(m.title || ' ' || m.purpose || ' ' || m.location || ' '
                    || (SELECT code FROM projects WHERE id = m.project_id)), ?{}) > 0",
                values.len()
            ));
        }
    }
    sql.push_str(" ORDER BY m.start_at, m.id");
    (sql, values)
}

/// Whether column `i` holds a value of `E`, failing as `enum_col` does (without taking a
/// copy of the text: the agenda checks thousands).
fn check_enum<E: TextEnum>(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<()> {
    match r.get_ref(i)? {
        ValueRef::Text(t) if std::str::from_utf8(t).ok().and_then(E::parse).is_some() => Ok(()),
        ValueRef::Text(_) => enum_col::<E>(r, i).map(|_| ()),
        other => Err(rusqlite::Error::InvalidColumnType(
            i,
            r.as_ref().column_name(i)?.to_owned(),
            other.data_type(),
        )),
    }
}

fn slot_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AgendaSlot> {
    // The columns `meeting_from_row` parses, parsed the same way: a row that fails
    // here is the row that could not be shown.
    check_enum::<MeetingType>(r, 4)?;
    check_enum::<MeetingFormat>(r, 5)?;
    check_enum::<NotesStatus>(r, 6)?;
    Ok(AgendaSlot {
        id: r.get(0)?,
        start: utc_col(r, 1)?,
        end: utc_col(r, 2)?,
        status: enum_col(r, 3)?,
    })
}

impl Store {
    /// Every live meeting that shares time with `[from, to)`, by start, read light from
    /// the agenda's index; narrowed by `filter` when given. Rows that cannot be read
    /// come back apart, as in every list.
    pub fn agenda_slots(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        filter: Option<&AgendaFilter>,
    ) -> Result<Listed<AgendaSlot>> {
        let (sql, values) = slots_sql(from, to, filter);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        read_rows(
            &mut stmt,
            params_from_iter(values),
            "meetings",
            slot_from_row,
        )
    }

    /// `EXPLAIN QUERY PLAN` of `agenda_slots`, one line a step.
    pub fn agenda_slots_plan(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        filter: Option<&AgendaFilter>,
    ) -> Result<Vec<String>> {
        let (sql, values) = slots_sql(from, to, filter);
        self.query_plan(&sql, &values)
    }

    /// The meetings with these ids, whole, in no particular order; rows that cannot be
    /// read come back apart.
    pub fn meetings_by_ids(&self, ids: &[i64]) -> Result<Listed<Meeting>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MEETING_COLUMNS} FROM meetings m JOIN projects p ON p.id = m.project_id
             WHERE m.id IN (SELECT value FROM json_each(?1))"
        ))?;
        let ids = serde_json::to_string(ids).expect("ids as JSON");
        read_rows(&mut stmt, [ids], "meetings", meeting_from_row)
    }
}

impl Store {
    /// The readable rows of `agenda_slots` (unfiltered); the others are noted
    /// (`take_set_aside`).
    pub fn agenda_slots_readable(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<AgendaSlot>> {
        let listed = self.agenda_slots(from, to, None)?;
        Ok(self.readable(listed))
    }
}
