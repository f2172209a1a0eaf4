//! The needs register: needs with codes that are never reused, their evidence, status
//! history and merging.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params, params_from_iter};
use std::collections::HashMap;

use super::projects::enum_col;
use super::readable::{Listed, read_one, read_rows};
use super::where_set::WhereSet;
use super::{Result, Store, StoreError, changed, found, new_uuid};
use crate::domain::{
    Evidence, FieldError, Need, NeedCounts, NeedFilter, NeedInput, NeedSort, NeedStatus, Priority,
    StatusChange, TextEnum, need_code,
};

/// The needs screen's ORDER BY clause; status and priority in their domain order.
fn order_by(sort: NeedSort) -> String {
    let status = super::projects::ordinal_case::<NeedStatus>("n.status");
    let priority = format!(
        "ifnull({}, 9)",
        super::projects::ordinal_case::<Priority>("n.priority")
    );
    match sort {
        NeedSort::Code => "n.number".to_string(),
        NeedSort::Status => format!("{status}, n.number"),
        NeedSort::Priority => format!("{priority}, n.number"),
        NeedSort::Category => "n.category = '', n.category COLLATE sv, n.number".to_string(),
    }
}

const NEED_COLUMNS: &str = "n.id, n.uuid, n.project_id, p.code, n.number, n.statement, n.as_a,
    n.i_need, n.so_that, n.category, n.priority, n.status, n.status_reason, n.merged_into,
    n.owner, (SELECT count(*) FROM need_evidence e WHERE e.need_id = n.id), n.created_at,
    n.updated_at, n.confidentiality";

fn need_from_row(r: &Row<'_>) -> rusqlite::Result<Need> {
    let number: i64 = r.get(4)?;
    Ok(Need {
        id: r.get(0)?,
        uuid: r.get(1)?,
        project_id: r.get(2)?,
        project_code: r.get(3)?,
        number,
        code: need_code(number),
        statement: r.get(5)?,
        as_a: r.get(6)?,
        i_need: r.get(7)?,
        so_that: r.get(8)?,
        category: r.get(9)?,
        priority: r
            .get::<_, Option<String>>(10)?
            .and_then(|s| Priority::parse(&s)),
        status: enum_col(r, 11)?,
        status_reason: r.get(12)?,
        merged_into: r.get(13)?,
        owner: r.get(14)?,
        evidence_count: r.get(15)?,
        confidentiality: enum_col(r, 18)?,
        created_at: r.get(16)?,
        updated_at: r.get(17)?,
    })
}

impl Store {
    /// The readable rows of `needs_listed`; the others are noted (`take_set_aside`).
    pub fn needs(&self, project_id: i64, filter: &NeedFilter) -> Result<Vec<Need>> {
        let listed = self.needs_listed(project_id, filter)?;
        Ok(self.readable(listed))
    }

    /// A project's live needs matching the filter.
    pub fn needs_listed(&self, project_id: i64, filter: &NeedFilter) -> Result<Listed<Need>> {
        let sql = format!(
            "SELECT {NEED_COLUMNS} FROM needs n JOIN projects p ON p.id = n.project_id
             WHERE n.project_id = ?1 AND n.deleted_at IS NULL
               AND (?2 IS NULL OR n.status = ?2)
               AND (?3 IS NULL OR n.priority = ?3)
               AND (?4 IS NULL OR n.category = ?4)
               AND (?5 = '' OR instr(fold('b-' || printf('%03d', n.number) || ' ' || n.statement
                    || ' ' || n.category || ' ' || n.owner), ?5) > 0)
             ORDER BY {}",
            order_by(filter.sort)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let listed = read_rows(
            &mut stmt,
            params![
                project_id,
                filter.status.map(|s| s.as_str()),
                filter.priority.map(|p| p.as_str()),
                filter.category,
                filter.text.trim().to_lowercase()
            ],
            "needs",
            need_from_row,
        )?;
        Ok(listed)
    }

    /// All live needs of all projects, or of one (listing and export).
    pub fn all_needs(&self, project_id: Option<i64>) -> Result<Vec<Need>> {
        let (sql, values) = all_needs_sql(project_id);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let listed = read_rows(
            &mut stmt,
            params_from_iter(values.iter()),
            "needs",
            need_from_row,
        )?;
        Ok(self.readable(listed))
    }

    pub fn need(&self, id: i64) -> Result<Need> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {NEED_COLUMNS} FROM needs n JOIN projects p ON p.id = n.project_id
                 WHERE n.id = ?1"
        ))?;
        read_one(&mut stmt, [id], "needs", need_from_row)
    }

    /// A need that is not in the trash.
    fn live_need(&self, id: i64) -> Result<Need> {
        let need = self.need(id)?;
        let trashed: bool = self.conn.query_row(
            "SELECT deleted_at IS NOT NULL FROM needs WHERE id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if trashed {
            Err(StoreError::NotFound)
        } else {
            Ok(need)
        }
    }

    /// Counts per status and priority of a project's live needs.
    pub fn need_counts(&self, project_id: i64) -> Result<NeedCounts> {
        let mut counts = NeedCounts::default();
        let mut stmt = self.conn.prepare_cached(
            "SELECT status, count(*) FROM needs
             WHERE project_id = ?1 AND deleted_at IS NULL GROUP BY status",
        )?;
        let rows = stmt.query_map([project_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?;
        let mut by_status = std::collections::HashMap::new();
        for row in rows {
            let (s, n) = row?;
            if let Some(s) = NeedStatus::parse(&s) {
                by_status.insert(s, n);
                counts.total += n;
            }
        }
        counts.by_status = NeedStatus::ALL
            .iter()
            .map(|s| (*s, by_status.get(s).copied().unwrap_or(0)))
            .collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT priority, count(*) FROM needs
             WHERE project_id = ?1 AND deleted_at IS NULL AND status != 'merged'
             GROUP BY priority",
        )?;
        let rows = stmt.query_map([project_id], |r| {
            Ok((r.get::<_, Option<String>>(0)?, r.get::<_, i64>(1)?))
        })?;
        let mut by_priority = std::collections::HashMap::new();
        for row in rows {
            let (p, n) = row?;
            by_priority.insert(p.and_then(|p| Priority::parse(&p)), n);
        }
        counts.by_priority = Priority::ALL
            .iter()
            .map(|p| Some(*p))
            .chain([None])
            .map(|p| (p, by_priority.get(&p).copied().unwrap_or(0)))
            .collect();
        Ok(counts)
    }

    /// The categories in use in a project, for the category filter.
    pub fn need_categories(&self, project_id: i64) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT category FROM needs
             WHERE project_id = ?1 AND deleted_at IS NULL AND category != ''
             ORDER BY category COLLATE sv",
        )?;
        let rows = stmt.query_map([project_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a need with the project's next code. Codes are never handed out twice.
    pub fn create_need(&mut self, project_id: i64, input: &NeedInput) -> Result<i64> {
        self.create_need_with_uuid(project_id, input, &new_uuid())
    }

    pub(crate) fn create_need_with_uuid(
        &mut self,
        project_id: i64,
        input: &NeedInput,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        let tx = super::write_tx(&mut self.conn)?;
        let number: i64 = found(tx.query_row(
            "UPDATE projects SET last_need_number = last_need_number + 1 WHERE id = ?1
             RETURNING last_need_number",
            [project_id],
            |r| r.get(0),
        ))?;
        tx.execute(
            "INSERT INTO needs (uuid, project_id, number, statement, as_a, i_need, so_that,
                category, priority, status, owner, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'identified', ?10, ?11, ?11)",
            params![
                uuid,
                project_id,
                number,
                input.statement,
                input.as_a,
                input.i_need,
                input.so_that,
                input.category,
                input.priority.map(|p| p.as_str()),
                input.owner,
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO need_status_changes (uuid, need_id, from_status, to_status, changed_at)
             VALUES (?1, ?2, NULL, 'identified', ?3)",
            params![new_uuid(), id, now],
        )?;
        tx.commit()?;
        Ok(id)
    }

    pub fn update_need(&mut self, id: i64, input: &NeedInput) -> Result<()> {
        let now = self.now();
        let n = self.conn.execute(
            "UPDATE needs SET statement = ?2, as_a = ?3, i_need = ?4, so_that = ?5,
                category = ?6, priority = ?7, owner = ?8, updated_at = ?9
             WHERE id = ?1",
            params![
                id,
                input.statement,
                input.as_a,
                input.i_need,
                input.so_that,
                input.category,
                input.priority.map(|p| p.as_str()),
                input.owner,
                now
            ],
        )?;
        changed(n)
    }

    /// Sets a need's status and records the change (with the reason, for rejected and
    /// deferred needs) in its history.
    pub fn set_need_status(&mut self, id: i64, to: NeedStatus, reason: &str) -> Result<()> {
        // Merging goes through `merge_needs`, which keeps the link to the merged need.
        if to == NeedStatus::Merged {
            return Err(StoreError::Conflict("status", FieldError::MergeOnly));
        }
        if to.needs_reason() && reason.trim().is_empty() {
            return Err(StoreError::Conflict("reason", FieldError::Required));
        }
        self.record_need_status(id, to, reason)
    }

    fn record_need_status(&mut self, id: i64, to: NeedStatus, reason: &str) -> Result<()> {
        let now = self.now();
        let tx = super::write_tx(&mut self.conn)?;
        let from: String =
            found(tx.query_row("SELECT status FROM needs WHERE id = ?1", [id], |r| r.get(0)))?;
        if from == to.as_str() {
            return Ok(());
        }
        // A need leaving "merged" is no longer part of another one.
        tx.execute(
            "UPDATE needs SET merged_into = CASE WHEN ?2 = 'merged' THEN merged_into END
             WHERE id = ?1",
            params![id, to.as_str()],
        )?;
        tx.execute(
            "UPDATE needs SET status = ?2, status_reason = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, to.as_str(), reason.trim(), now],
        )?;
        tx.execute(
            "INSERT INTO need_status_changes
                (uuid, need_id, from_status, to_status, reason, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![new_uuid(), id, from, to.as_str(), reason.trim(), now],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn need_history(&self, id: i64) -> Result<Vec<StatusChange>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, from_status, to_status, reason, changed_at FROM need_status_changes
             WHERE need_id = ?1 ORDER BY changed_at, id",
        )?;
        let listed = read_rows(&mut stmt, [id], "need_status_changes", |r| {
            Ok(StatusChange {
                from: r
                    .get::<_, Option<String>>(1)?
                    .and_then(|s| NeedStatus::parse(&s)),
                to: enum_col(r, 2)?,
                reason: r.get(3)?,
                changed_at: r.get(4)?,
            })
        })?;
        Ok(self.readable(listed))
    }

    /// Merges `from` into `into`: the evidence moves over, and `from` is marked merged
    /// (kept, pointing at the need it became part of).
    pub fn merge_needs(&mut self, from: i64, into: i64) -> Result<()> {
        if from == into {
            return Err(StoreError::Conflict("need", FieldError::MergeSelf));
        }
        let (a, b) = (self.live_need(from)?, self.live_need(into)?);
        if a.status == NeedStatus::Merged || b.status.is_closed() {
            return Err(StoreError::Conflict("need", FieldError::MergeClosed));
        }
        if a.project_id != b.project_id {
            return Err(StoreError::Conflict("need", FieldError::MergeProjects));
        }
        let now = self.now();
        self.atomically(|store| {
            store.conn.execute(
                "UPDATE need_evidence SET need_id = ?2, updated_at = ?3 WHERE need_id = ?1",
                params![from, into, now],
            )?;
            store.conn.execute(
                "UPDATE needs SET merged_into = ?2 WHERE id = ?1",
                params![from, into],
            )?;
            // No reason is written: where it went is `merged_into`, which the screens
            // word when they show it. (Older stores hold "merged into B-001" here.)
            store.record_need_status(from, NeedStatus::Merged, "")?;
            store.conn.execute(
                "UPDATE needs SET updated_at = ?2 WHERE id = ?1",
                params![into, now],
            )?;
            Ok(())
        })
    }

    // ----- evidence -----------------------------------------------------------------

    pub fn evidence(&self, need_id: i64) -> Result<Vec<Evidence>> {
        self.query_evidence("e.need_id = ?1", need_id)
    }

    /// The evidence of every need of a project, by need id, in one query.
    pub fn project_evidence(&self, project_id: i64) -> Result<HashMap<i64, Vec<Evidence>>> {
        let mut by_need: HashMap<i64, Vec<Evidence>> = HashMap::new();
        let rows = self.query_evidence(
            "e.need_id IN (SELECT id FROM needs WHERE project_id = ?1)",
            project_id,
        )?;
        for e in rows {
            by_need.entry(e.need_id).or_default().push(e);
        }
        Ok(by_need)
    }

    fn query_evidence(&self, condition: &str, param: i64) -> Result<Vec<Evidence>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT e.id, e.need_id, e.meeting_id, m.title, m.start_at, e.person_id, pe.name,
                    e.document, e.note, e.confidentiality
             FROM need_evidence e
             LEFT JOIN meetings m ON m.id = e.meeting_id
             LEFT JOIN people pe ON pe.id = e.person_id
             WHERE {condition} ORDER BY e.need_id, e.id"
        ))?;
        let listed = read_rows(&mut stmt, [param], "need_evidence", |r| {
            Ok(Evidence {
                id: r.get(0)?,
                need_id: r.get(1)?,
                meeting_id: r.get(2)?,
                meeting_title: r.get(3)?,
                meeting_date: r.get::<_, Option<String>>(4)?,
                person_id: r.get(5)?,
                person_name: r.get(6)?,
                document: r.get(7)?,
                note: r.get(8)?,
                confidentiality: enum_col(r, 9)?,
            })
        })?;
        let mut evidence = self.readable(listed);
        // The meeting's day where the user is, not in UTC.
        for e in &mut evidence {
            e.meeting_date = e.meeting_date.as_deref().and_then(|s| {
                let t = chrono::DateTime::parse_from_rfc3339(s).ok()?;
                Some(
                    self.clock
                        .local(t.with_timezone(&chrono::Utc))
                        .date()
                        .to_string(),
                )
            });
        }
        Ok(evidence)
    }

    /// Links a need to where it came from: a meeting, a person and/or a document.
    pub fn add_evidence(
        &mut self,
        need_id: i64,
        meeting_id: Option<i64>,
        person_id: Option<i64>,
        document: &str,
        note: &str,
    ) -> Result<i64> {
        let now = self.now();
        let tx = super::write_tx(&mut self.conn)?;
        let touched = tx.execute(
            "UPDATE needs SET updated_at = ?2 WHERE id = ?1",
            params![need_id, now],
        )?;
        changed(touched)?;
        tx.execute(
            "INSERT INTO need_evidence (uuid, need_id, meeting_id, person_id, document, note,
                created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![
                new_uuid(),
                need_id,
                meeting_id,
                person_id,
                document.trim(),
                note.trim(),
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    pub fn remove_evidence(&mut self, id: i64) -> Result<()> {
        let now = self.now();
        self.conn.execute(
            "UPDATE needs SET updated_at = ?2
             WHERE id = (SELECT need_id FROM need_evidence WHERE id = ?1)",
            params![id, now],
        )?;
        let n = self
            .conn
            .execute("DELETE FROM need_evidence WHERE id = ?1", [id])?;
        changed(n)
    }

    /// The need with this code in a project (`B-007`, `b-7` and `7` all work).
    pub fn need_by_code(&self, project_id: i64, code: &str) -> Result<Option<Need>> {
        let digits = code
            .trim()
            .trim_start_matches(['B', 'b'])
            .trim_start_matches('-');
        let Ok(number) = digits.parse::<i64>() else {
            return Ok(None);
        };
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM needs WHERE project_id = ?1 AND number = ?2 AND deleted_at IS NULL",
                params![project_id, number],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| self.need(id)).transpose()
    }
}

/// The statement of `all_needs` (the project only when given, so that one project's
/// needs are sought by its index rather than found by walking every project).
pub(super) fn all_needs_sql(project_id: Option<i64>) -> (String, Vec<Value>) {
    let mut w = WhereSet::new("n.deleted_at IS NULL AND p.deleted_at IS NULL");
    w.equals("n.project_id", project_id);
    let sql = format!(
        "SELECT {NEED_COLUMNS} FROM needs n JOIN projects p ON p.id = n.project_id
         WHERE {}
         ORDER BY p.code, n.number",
        w.sql()
    );
    (sql, w.values().to_vec())
}
