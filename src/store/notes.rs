//! Meeting notes, decisions, action items, open questions, notes status and exports.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Row, params, params_from_iter};

use super::projects::enum_col;
use super::readable::{Listed, read_one, read_rows};
use super::where_set::WhereSet;
use super::{Result, Store, changed, new_uuid};
use crate::domain::{
    ActionFilter, ActionInput, ActionItem, ActionStatus, Confidentiality, Decision, DecisionInput,
    ExportRecord, Note, NotesApproval, NotesStatus, Question, TextEnum,
};

const NOTE_COLUMNS: &str = "id, uuid, meeting_id, agenda_item_id, body, confidentiality,
    created_at, updated_at";

fn note_from_row(r: &Row<'_>) -> rusqlite::Result<Note> {
    Ok(Note {
        id: r.get(0)?,
        uuid: r.get(1)?,
        meeting_id: r.get(2)?,
        agenda_item_id: r.get(3)?,
        body: r.get(4)?,
        confidentiality: enum_col(r, 5)?,
        created_at: r.get(6)?,
        updated_at: r.get(7)?,
    })
}

const DECISION_COLUMNS: &str = "d.id, d.uuid, d.project_id, p.code, d.meeting_id, m.title,
    d.text, d.rationale, d.decided_by, d.decided_on, d.created_at, d.updated_at,
    d.confidentiality";

fn decision_from_row(r: &Row<'_>) -> rusqlite::Result<Decision> {
    Ok(Decision {
        id: r.get(0)?,
        uuid: r.get(1)?,
        project_id: r.get(2)?,
        project_code: r.get(3)?,
        meeting_id: r.get(4)?,
        meeting_title: r.get(5)?,
        text: r.get(6)?,
        rationale: r.get(7)?,
        decided_by: r.get(8)?,
        decided_on: r.get(9)?,
        confidentiality: enum_col(r, 12)?,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

pub(super) const ACTION_COLUMNS: &str = "a.id, a.uuid, a.project_id, p.code, a.meeting_id, m.title,
    a.title, a.owner, a.due_date, a.status, a.done_date, a.created_at, a.updated_at,
    a.confidentiality";

pub(super) fn action_from_row(r: &Row<'_>) -> rusqlite::Result<ActionItem> {
    Ok(ActionItem {
        id: r.get(0)?,
        uuid: r.get(1)?,
        project_id: r.get(2)?,
        project_code: r.get(3)?,
        meeting_id: r.get(4)?,
        meeting_title: r.get(5)?,
        title: r.get(6)?,
        owner: r.get(7)?,
        due_date: r.get(8)?,
        status: enum_col(r, 9)?,
        done_date: r.get(10)?,
        confidentiality: enum_col(r, 13)?,
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
    })
}

impl Store {
    // ----- notes --------------------------------------------------------------------

    /// The readable rows of `notes_listed`; the others are noted (`take_set_aside`).
    pub fn notes(&self, meeting_id: i64) -> Result<Vec<Note>> {
        let listed = self.notes_listed(meeting_id)?;
        Ok(self.readable(listed))
    }

    /// A meeting's live notes: meeting-wide first, then per agenda block in agenda
    /// order, each group oldest first.
    pub fn notes_listed(&self, meeting_id: i64) -> Result<Listed<Note>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {NOTE_COLUMNS} FROM notes n
             WHERE n.meeting_id = ?1 AND n.deleted_at IS NULL
             ORDER BY (SELECT position FROM agenda_items a
                       WHERE a.id = n.agenda_item_id AND a.deleted_at IS NULL)
                 NULLS FIRST, n.created_at, n.id"
        ))?;
        let listed = read_rows(&mut stmt, [meeting_id], "notes", note_from_row)?;
        Ok(listed)
    }

    pub fn note(&self, id: i64) -> Result<Note> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {NOTE_COLUMNS} FROM notes WHERE id = ?1"))?;
        read_one(&mut stmt, [id], "notes", note_from_row)
    }

    pub fn create_note(
        &mut self,
        meeting_id: i64,
        agenda_item_id: Option<i64>,
        body: &str,
        confidentiality: Confidentiality,
    ) -> Result<i64> {
        self.create_note_with_uuid(
            meeting_id,
            agenda_item_id,
            body,
            confidentiality,
            &new_uuid(),
        )
    }

    pub(crate) fn create_note_with_uuid(
        &mut self,
        meeting_id: i64,
        agenda_item_id: Option<i64>,
        body: &str,
        confidentiality: Confidentiality,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        self.conn.execute(
            "INSERT INTO notes (uuid, meeting_id, agenda_item_id, body, confidentiality,
                created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![
                uuid,
                meeting_id,
                agenda_item_id,
                body,
                confidentiality.as_str(),
                now
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Saves a note's text; called as the user types (autosave), so it is one cheap
    /// statement.
    pub fn update_note_body(&mut self, id: i64, body: &str) -> Result<()> {
        let now = self.now();
        changed(self.conn.execute(
            "UPDATE notes SET body = ?2, updated_at = ?3 WHERE id = ?1 AND body != ?2",
            params![id, body, now],
        )?)
        .or_else(|e| match self.note(id) {
            Ok(_) => Ok(()), // unchanged text
            Err(_) => Err(e),
        })
    }

    /// Moves a note to another agenda block (`None`: the meeting as a whole).
    pub fn move_note(&mut self, id: i64, agenda_item_id: Option<i64>) -> Result<()> {
        let now = self.now();
        changed(self.conn.execute(
            "UPDATE notes SET agenda_item_id = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, agenda_item_id, now],
        )?)
    }

    pub fn set_note_confidentiality(&mut self, id: i64, c: Confidentiality) -> Result<()> {
        let now = self.now();
        changed(self.conn.execute(
            "UPDATE notes SET confidentiality = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, c.as_str(), now],
        )?)
    }

    // ----- decisions ----------------------------------------------------------------

    /// The readable rows of `decisions_listed`; the others are noted (`take_set_aside`).
    pub fn decisions(
        &self,
        project_id: Option<i64>,
        meeting_id: Option<i64>,
    ) -> Result<Vec<Decision>> {
        let listed = self.decisions_listed(project_id, meeting_id)?;
        Ok(self.readable(listed))
    }

    /// Decisions of a project (newest first), or of one meeting.
    pub fn decisions_listed(
        &self,
        project_id: Option<i64>,
        meeting_id: Option<i64>,
    ) -> Result<Listed<Decision>> {
        let (sql, values) = decisions_sql(project_id, meeting_id);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let listed = read_rows(
            &mut stmt,
            params_from_iter(values.iter()),
            "decisions",
            decision_from_row,
        )?;
        Ok(listed)
    }

    pub fn create_decision(
        &mut self,
        project_id: i64,
        meeting_id: Option<i64>,
        input: &DecisionInput,
    ) -> Result<i64> {
        self.create_decision_with_uuid(project_id, meeting_id, input, &new_uuid())
    }

    pub(crate) fn create_decision_with_uuid(
        &mut self,
        project_id: i64,
        meeting_id: Option<i64>,
        input: &DecisionInput,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        self.conn.execute(
            "INSERT INTO decisions (uuid, project_id, meeting_id, text, rationale, decided_by,
                decided_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                uuid,
                project_id,
                meeting_id,
                input.text,
                input.rationale,
                input.decided_by,
                input.decided_on,
                now
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn update_decision(&mut self, id: i64, input: &DecisionInput) -> Result<()> {
        let now = self.now();
        changed(self.conn.execute(
            "UPDATE decisions SET text = ?2, rationale = ?3, decided_by = ?4, decided_on = ?5,
                updated_at = ?6 WHERE id = ?1",
            params![
                id,
                input.text,
                input.rationale,
                input.decided_by,
                input.decided_on,
                now
            ],
        )?)
    }

    // ----- action items -------------------------------------------------------------

    /// The readable rows of `actions_listed`; the others are noted (`take_set_aside`).
    pub fn actions(&self, filter: &ActionFilter) -> Result<Vec<ActionItem>> {
        let listed = self.actions_listed(filter)?;
        Ok(self.readable(listed))
    }

    /// Actions of live projects matching the filter, by due date (undated last).
    pub fn actions_listed(&self, filter: &ActionFilter) -> Result<Listed<ActionItem>> {
        let (sql, values) = actions_sql(filter);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let listed = read_rows(
            &mut stmt,
            params_from_iter(values.iter()),
            "action_items",
            action_from_row,
        )?;
        Ok(listed)
    }

    /// The owners named on live actions, for the owner filter.
    pub fn action_owners(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT a.owner FROM action_items a JOIN projects p ON p.id = a.project_id
             WHERE a.deleted_at IS NULL AND p.deleted_at IS NULL AND a.owner != ''
             ORDER BY a.owner COLLATE sv",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn action(&self, id: i64) -> Result<ActionItem> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ACTION_COLUMNS} FROM action_items a
                 JOIN projects p ON p.id = a.project_id
                 LEFT JOIN meetings m ON m.id = a.meeting_id WHERE a.id = ?1"
        ))?;
        read_one(&mut stmt, [id], "action_items", action_from_row)
    }

    pub fn create_action(
        &mut self,
        project_id: i64,
        meeting_id: Option<i64>,
        input: &ActionInput,
    ) -> Result<i64> {
        self.create_action_with_uuid(project_id, meeting_id, input, &new_uuid())
    }

    pub(crate) fn create_action_with_uuid(
        &mut self,
        project_id: i64,
        meeting_id: Option<i64>,
        input: &ActionInput,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        let done: Option<NaiveDate> =
            (input.status == ActionStatus::Done).then(|| self.clock.today());
        self.conn.execute(
            "INSERT INTO action_items (uuid, project_id, meeting_id, title, owner, due_date,
                status, done_date, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            params![
                uuid,
                project_id,
                meeting_id,
                input.title,
                input.owner,
                input.due_date,
                input.status.as_str(),
                done,
                now
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Edits an action; becoming done stamps today, leaving done clears the date.
    pub fn update_action(&mut self, id: i64, input: &ActionInput) -> Result<()> {
        let now = self.now();
        let today = self.clock.today();
        changed(self.conn.execute(
            "UPDATE action_items SET title = ?2, owner = ?3, due_date = ?4, status = ?5,
                done_date = CASE WHEN ?5 = 'done' THEN ifnull(done_date, ?6) ELSE NULL END,
                updated_at = ?7
             WHERE id = ?1",
            params![
                id,
                input.title,
                input.owner,
                input.due_date,
                input.status.as_str(),
                today,
                now
            ],
        )?)
    }

    /// Ticks an action done (stamping today) or reopens it; returns the new status.
    pub fn toggle_action_done(&mut self, id: i64) -> Result<ActionStatus> {
        let current = self.action(id)?;
        let to = if current.status == ActionStatus::Done {
            ActionStatus::Open
        } else {
            ActionStatus::Done
        };
        let input = ActionInput {
            title: current.title,
            owner: current.owner,
            due_date: current.due_date,
            status: to,
        };
        self.update_action(id, &input)?;
        Ok(to)
    }

    // ----- open questions -----------------------------------------------------------

    /// The readable rows of `questions_listed`; the others are noted (`take_set_aside`).
    pub fn questions(&self, meeting_id: i64) -> Result<Vec<Question>> {
        let listed = self.questions_listed(meeting_id)?;
        Ok(self.readable(listed))
    }

    /// A meeting's open questions, oldest first.
    pub fn questions_listed(&self, meeting_id: i64) -> Result<Listed<Question>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, uuid, meeting_id, text, answer, created_at, updated_at, confidentiality
             FROM questions
             WHERE meeting_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
        )?;
        let listed = read_rows(&mut stmt, [meeting_id], "questions", |r| {
            Ok(Question {
                id: r.get(0)?,
                uuid: r.get(1)?,
                meeting_id: r.get(2)?,
                text: r.get(3)?,
                answer: r.get(4)?,
                confidentiality: enum_col(r, 7)?,
                created_at: r.get(5)?,
                updated_at: r.get(6)?,
            })
        })?;
        Ok(listed)
    }

    pub fn create_question(&mut self, meeting_id: i64, text: &str) -> Result<i64> {
        self.create_question_with_uuid(meeting_id, text, &new_uuid())
    }

    pub(crate) fn create_question_with_uuid(
        &mut self,
        meeting_id: i64,
        text: &str,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        self.conn.execute(
            "INSERT INTO questions (uuid, meeting_id, text, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![uuid, meeting_id, text.trim(), now],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn question(&self, id: i64) -> Result<Question> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, uuid, meeting_id, text, answer, created_at, updated_at, confidentiality
             FROM questions WHERE id = ?1",
        )?;
        read_one(&mut stmt, [id], "questions", |r| {
            Ok(Question {
                id: r.get(0)?,
                uuid: r.get(1)?,
                meeting_id: r.get(2)?,
                text: r.get(3)?,
                answer: r.get(4)?,
                confidentiality: enum_col(r, 7)?,
                created_at: r.get(5)?,
                updated_at: r.get(6)?,
            })
        })
    }

    pub fn answer_question(&mut self, id: i64, answer: &str) -> Result<()> {
        let now = self.now();
        changed(self.conn.execute(
            "UPDATE questions SET answer = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, answer.trim(), now],
        )?)
    }

    // ----- notes status and the export log ------------------------------------------

    /// Sets a meeting's notes status and records when.
    pub fn set_notes_status(&mut self, meeting_id: i64, status: NotesStatus) -> Result<()> {
        self.set_notes_status_by(meeting_id, status, None)
    }

    /// Sets a meeting's notes status and records when, and who approved the notes
    /// (the justerare) when `by_name` is given: kept with the change, in one
    /// transaction. A blank name counts as none.
    pub fn set_notes_status_by(
        &mut self,
        meeting_id: i64,
        status: NotesStatus,
        by_name: Option<&str>,
    ) -> Result<()> {
        let now = self.now();
        let by_name = by_name.and_then(crate::domain::approver_name);
        let tx = super::write_tx(&mut self.conn)?;
        changed(tx.execute(
            "UPDATE meetings SET notes_status = ?2, updated_at = ?3 WHERE id = ?1",
            params![meeting_id, status.as_str(), now],
        )?)?;
        tx.execute(
            "INSERT INTO notes_status_changes (uuid, meeting_id, status, changed_at, by_name)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![new_uuid(), meeting_id, status.as_str(), now, by_name],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// When the meeting's notes were last approved, and by whom if a name was given;
    /// `None` if they never were.
    pub fn notes_approval(&self, meeting_id: i64) -> Result<Option<NotesApproval>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT by_name, changed_at FROM notes_status_changes
             WHERE meeting_id = ?1 AND status = 'approved'
             ORDER BY changed_at DESC, id DESC LIMIT 1",
        )?;
        let mut rows = stmt.query_map([meeting_id], |r| {
            Ok(NotesApproval {
                by_name: r.get(0)?,
                at: r.get(1)?,
            })
        })?;
        Ok(rows.next().transpose()?)
    }

    /// The name last given as the notes' approver: in the meeting's project if one was
    /// given there, else anywhere; what the approve dialog offers first.
    pub fn last_approver_name(&self, meeting_id: i64) -> Result<Option<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.by_name FROM notes_status_changes c
             JOIN meetings m ON m.id = c.meeting_id
             WHERE c.by_name IS NOT NULL
             ORDER BY m.project_id = (SELECT project_id FROM meetings WHERE id = ?1) DESC,
                      c.changed_at DESC, c.id DESC
             LIMIT 1",
        )?;
        let mut rows = stmt.query_map([meeting_id], |r| r.get::<_, String>(0))?;
        Ok(rows.next().transpose()?)
    }

    /// When each notes status was last reached, in workflow order.
    pub fn notes_status_dates(&self, meeting_id: i64) -> Result<Vec<(NotesStatus, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT status, max(changed_at) FROM notes_status_changes
             WHERE meeting_id = ?1 GROUP BY status",
        )?;
        // A status no reader knows is left out here; `tidig check` names its row.
        let rows = stmt.query_map([meeting_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut dates = Vec::new();
        for row in rows {
            let (status, at) = row?;
            if let Some(status) = NotesStatus::parse(&status) {
                dates.push((status, at));
            }
        }
        dates.sort_by_key(|(s, _)| s.index());
        Ok(dates)
    }

    pub fn log_export(&mut self, meeting_id: i64, record: &ExportRecord) -> Result<()> {
        self.conn.execute(
            "INSERT INTO exports
                (uuid, meeting_id, what, format, audience, language, file, exported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                new_uuid(),
                meeting_id,
                record.what,
                record.format,
                record.audience,
                record.language,
                record.file,
                record.exported_at
            ],
        )?;
        Ok(())
    }

    /// A meeting's exports, newest first.
    pub fn exports(&self, meeting_id: i64) -> Result<Vec<ExportRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT what, format, audience, language, file, exported_at FROM exports
             WHERE meeting_id = ?1 ORDER BY exported_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([meeting_id], |r| {
            Ok(ExportRecord {
                what: r.get(0)?,
                format: r.get(1)?,
                audience: r.get(2)?,
                language: r.get(3)?,
                file: r.get(4)?,
                exported_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The statement of `decisions_listed` (only the filters set, so that it seeks by the
/// project's or the meeting's index) and the values it binds.
pub(super) fn decisions_sql(
    project_id: Option<i64>,
    meeting_id: Option<i64>,
) -> (String, Vec<Value>) {
    let mut w = WhereSet::new("d.deleted_at IS NULL AND p.deleted_at IS NULL");
    w.equals("d.project_id", project_id);
    w.equals("d.meeting_id", meeting_id);
    let sql = format!(
        "SELECT {DECISION_COLUMNS} FROM decisions d
         JOIN projects p ON p.id = d.project_id
         LEFT JOIN meetings m ON m.id = d.meeting_id AND m.deleted_at IS NULL
         WHERE {}
         ORDER BY d.decided_on DESC, d.id DESC",
        w.sql()
    );
    (sql, w.values().to_vec())
}

/// The statement of `actions_listed` (only the filters set, as above) and its values.
pub(super) fn actions_sql(filter: &ActionFilter) -> (String, Vec<Value>) {
    let mut w = WhereSet::new("a.deleted_at IS NULL AND p.deleted_at IS NULL");
    w.equals("a.project_id", filter.project_id);
    w.equals("a.meeting_id", filter.meeting_id);
    w.equals("a.owner", filter.owner.clone());
    if !filter.include_closed {
        w.holds("a.status IN ('open', 'in_progress')");
    }
    w.contains(
        "a.title || ' ' || a.owner || ' ' || p.code || ' ' || ifnull(m.title, '')",
        &filter.text,
    );
    let sql = format!(
        "SELECT {ACTION_COLUMNS} FROM action_items a
         JOIN projects p ON p.id = a.project_id
         LEFT JOIN meetings m ON m.id = a.meeting_id AND m.deleted_at IS NULL
         WHERE {}
         ORDER BY a.due_date IS NULL, a.due_date, a.id",
        w.sql()
    );
    (sql, w.values().to_vec())
}
