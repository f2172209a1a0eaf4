//! Dialogue rounds: the round, its ordered questions, the suppliers taking part, and
//! their answers (migration 0012). Lists are paged or bounded by the round: nothing
//! here reads a whole table.

use rusqlite::{OptionalExtension, Row, params};

use super::projects::enum_col;
use super::readable::{Listed, read_one, read_optional, read_rows};
use super::{Result, Store, StoreError, changed, found, new_uuid};
use crate::domain::{
    Confidentiality, FieldError, Matrix, Round, RoundAnswer, RoundInput, RoundQuestion,
    RoundSupplier, TextEnum,
};

/// The most rounds one listing returns.
pub const ROUNDS_PAGE: usize = 200;

/// The most questions a round may have (a question set, not a survey), which also
/// bounds every per-round read.
pub const MAX_ROUND_QUESTIONS: i64 = 100;

/// The most suppliers a round may have.
pub const MAX_ROUND_SUPPLIERS: i64 = 60;

const ROUND_COLUMNS: &str = "t.id, t.uuid, t.project_id, p.code, t.kind, t.title, t.purpose,
    t.created_at, t.updated_at";

fn round_from_row(r: &Row<'_>) -> rusqlite::Result<Round> {
    Ok(Round {
        id: r.get(0)?,
        uuid: r.get(1)?,
        project_id: r.get(2)?,
        project_code: r.get(3)?,
        kind: enum_col(r, 4)?,
        title: r.get(5)?,
        purpose: r.get(6)?,
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
    })
}

fn question_from_row(r: &Row<'_>) -> rusqlite::Result<RoundQuestion> {
    Ok(RoundQuestion {
        id: r.get(0)?,
        uuid: r.get(1)?,
        round_id: r.get(2)?,
        position: r.get(3)?,
        text: r.get(4)?,
    })
}

fn answer_from_row(r: &Row<'_>) -> rusqlite::Result<RoundAnswer> {
    Ok(RoundAnswer {
        id: r.get(0)?,
        uuid: r.get(1)?,
        question_id: r.get(2)?,
        organisation_id: r.get(3)?,
        meeting_id: r.get(4)?,
        body: r.get(5)?,
        confidentiality: enum_col(r, 6)?,
        updated_at: r.get(7)?,
    })
}

fn clean(s: &str) -> String {
    crate::domain::clean::clean_text(s).trim().to_string()
}

impl Store {
    /// The readable rows of `rounds_listed`; the others are noted (`take_set_aside`).
    pub fn rounds(&self, project_id: Option<i64>, offset: usize) -> Result<Vec<Round>> {
        let listed = self.rounds_listed(project_id, offset)?;
        Ok(self.readable(listed))
    }

    /// Live rounds (of a live project), of one project or of all, newest first, at
    /// most `ROUNDS_PAGE` from `offset`.
    pub fn rounds_listed(&self, project_id: Option<i64>, offset: usize) -> Result<Listed<Round>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ROUND_COLUMNS} FROM dialogue_rounds t
             JOIN projects p ON p.id = t.project_id
             WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL
               AND (?1 IS NULL OR t.project_id = ?1)
             ORDER BY p.code, t.created_at DESC, t.id DESC
             LIMIT ?2 OFFSET ?3"
        ))?;
        let listed = read_rows(
            &mut stmt,
            params![project_id, ROUNDS_PAGE as i64, offset as i64],
            "dialogue_rounds",
            round_from_row,
        )?;
        Ok(listed)
    }

    /// A round by id, trashed or not.
    pub fn round(&self, id: i64) -> Result<Round> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ROUND_COLUMNS} FROM dialogue_rounds t
                 JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        ))?;
        read_one(&mut stmt, [id], "dialogue_rounds", round_from_row)
    }

    /// A round by its UUID (a link from elsewhere, e.g. the information log).
    pub fn round_by_uuid(&self, uuid: &str) -> Result<Option<Round>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ROUND_COLUMNS} FROM dialogue_rounds t
                     JOIN projects p ON p.id = t.project_id WHERE t.uuid = ?1"
        ))?;
        read_optional(&mut stmt, [uuid], "dialogue_rounds", round_from_row)
    }

    pub fn create_round(&mut self, project_id: i64, input: &RoundInput) -> Result<i64> {
        self.create_round_with_uuid(project_id, input, &new_uuid())
    }

    pub(crate) fn create_round_with_uuid(
        &mut self,
        project_id: i64,
        input: &RoundInput,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        self.conn.execute(
            "INSERT INTO dialogue_rounds (uuid, project_id, kind, title, purpose, created_at,
                updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![
                uuid,
                project_id,
                input.kind.as_str(),
                clean(&input.title),
                clean(&input.purpose),
                now
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn update_round(&mut self, id: i64, input: &RoundInput) -> Result<()> {
        let now = self.now();
        changed(self.conn.execute(
            "UPDATE dialogue_rounds SET kind = ?2, title = ?3, purpose = ?4, updated_at = ?5
             WHERE id = ?1",
            params![
                id,
                input.kind.as_str(),
                clean(&input.title),
                clean(&input.purpose),
                now
            ],
        )?)
    }

    /// A round's live questions in order.
    pub fn round_questions(&self, round_id: i64) -> Result<Vec<RoundQuestion>> {
        self.round_questions_page(round_id, 0, MAX_ROUND_QUESTIONS as usize)
    }

    /// `limit` of a round's live questions from the `offset`-th.
    pub fn round_questions_page(
        &self,
        round_id: i64,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<RoundQuestion>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, uuid, round_id, position, text FROM round_questions
             WHERE round_id = ?1 AND deleted_at IS NULL
             ORDER BY position, id LIMIT ?2 OFFSET ?3",
        )?;
        let listed = read_rows(
            &mut stmt,
            params![round_id, limit as i64, offset as i64],
            "round_questions",
            question_from_row,
        )?;
        let mut questions = self.readable(listed);
        // Positions as the reader counts them: 1, 2, 3 among the live ones.
        for (i, q) in questions.iter_mut().enumerate() {
            q.position = (offset + i + 1) as i64;
        }
        Ok(questions)
    }

    /// How many live questions a round has.
    pub fn round_question_count(&self, round_id: i64) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM round_questions WHERE round_id = ?1 AND deleted_at IS NULL",
            [round_id],
            |r| r.get(0),
        )?)
    }

    /// Adds a question at the end of the round's set.
    pub fn add_round_question(&mut self, round_id: i64, text: &str) -> Result<i64> {
        self.add_round_question_with_uuid(round_id, text, &new_uuid())
    }

    pub(crate) fn add_round_question_with_uuid(
        &mut self,
        round_id: i64,
        text: &str,
        uuid: &str,
    ) -> Result<i64> {
        let text = clean(text);
        if text.is_empty() {
            return Err(StoreError::Conflict("text", FieldError::Required));
        }
        let now = self.now();
        self.atomically(|s| {
            if s.round_question_count(round_id)? >= MAX_ROUND_QUESTIONS {
                return Err(StoreError::Conflict(
                    "text",
                    FieldError::TooMany {
                        max: MAX_ROUND_QUESTIONS,
                    },
                ));
            }
            s.conn.execute(
                "INSERT INTO round_questions (uuid, round_id, position, text, created_at,
                    updated_at)
                 VALUES (?1, ?2,
                    (SELECT coalesce(max(position), 0) + 1 FROM round_questions
                     WHERE round_id = ?2),
                    ?3, ?4, ?4)",
                params![uuid, round_id, text, now],
            )?;
            Ok(s.conn.last_insert_rowid())
        })
    }

    pub fn update_round_question(&mut self, id: i64, text: &str) -> Result<()> {
        let text = clean(text);
        if text.is_empty() {
            return Err(StoreError::Conflict("text", FieldError::Required));
        }
        let now = self.now();
        changed(self.conn.execute(
            "UPDATE round_questions SET text = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, text, now],
        )?)
    }

    /// A question by id, trashed or not; its position is its place among the round's
    /// live questions (a trashed one: after them).
    pub fn round_question(&self, id: i64) -> Result<RoundQuestion> {
        let mut q = found(self.conn.query_row(
            "SELECT id, uuid, round_id, position, text FROM round_questions WHERE id = ?1",
            [id],
            question_from_row,
        ))?;
        q.position = self.conn.query_row(
            "SELECT count(*) + 1 FROM round_questions
             WHERE round_id = ?1 AND deleted_at IS NULL AND (position, id) < (?2, ?3)",
            params![q.round_id, q.position, q.id],
            |r| r.get(0),
        )?;
        Ok(q)
    }

    /// Takes a question out of the set (its answers stay with it, for a restore).
    pub fn remove_round_question(&mut self, id: i64) -> Result<()> {
        let now = self.now();
        changed(self.conn.execute(
            "UPDATE round_questions SET deleted_at = ?2, updated_at = ?2
             WHERE id = ?1 AND deleted_at IS NULL",
            params![id, now],
        )?)
    }

    /// The suppliers of a round, by the order they joined.
    pub fn round_suppliers(&self, round_id: i64) -> Result<Vec<RoundSupplier>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.organisation_id, o.name, s.seq, s.meeting_id FROM round_suppliers s
             JOIN organisations o ON o.id = s.organisation_id
             WHERE s.round_id = ?1 ORDER BY s.seq LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![round_id, MAX_ROUND_SUPPLIERS], |r| {
            Ok(RoundSupplier {
                organisation_id: r.get(0)?,
                name: r.get(1)?,
                seq: r.get(2)?,
                meeting_id: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds an organisation to a round; it keeps the next number (its letter). Adding
    /// one that takes part already changes nothing. Returns its number.
    pub fn add_round_supplier(&mut self, round_id: i64, organisation_id: i64) -> Result<i64> {
        self.add_round_supplier_with_uuid(round_id, organisation_id, &new_uuid())
    }

    pub(crate) fn add_round_supplier_with_uuid(
        &mut self,
        round_id: i64,
        organisation_id: i64,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        self.atomically(|s| {
            let existing: Option<i64> = s
                .conn
                .query_row(
                    "SELECT seq FROM round_suppliers WHERE round_id = ?1 AND organisation_id = ?2",
                    params![round_id, organisation_id],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(seq) = existing {
                return Ok(seq);
            }
            let (count, next): (i64, i64) = s.conn.query_row(
                "SELECT count(*), coalesce(max(seq), 0) + 1 FROM round_suppliers
                 WHERE round_id = ?1",
                [round_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if count >= MAX_ROUND_SUPPLIERS {
                return Err(StoreError::Conflict(
                    "organisation",
                    FieldError::TooMany {
                        max: MAX_ROUND_SUPPLIERS,
                    },
                ));
            }
            s.conn.execute(
                "INSERT INTO round_suppliers (uuid, round_id, organisation_id, seq, created_at,
                    updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![uuid, round_id, organisation_id, next, now],
            )?;
            Ok(next)
        })
    }

    /// Takes a supplier out of a round with its answers; the others keep their letters.
    pub fn remove_round_supplier(&mut self, round_id: i64, organisation_id: i64) -> Result<()> {
        self.atomically(|s| {
            s.conn.execute(
                "DELETE FROM round_answers WHERE organisation_id = ?2
                 AND question_id IN (SELECT id FROM round_questions WHERE round_id = ?1)",
                params![round_id, organisation_id],
            )?;
            changed(s.conn.execute(
                "DELETE FROM round_suppliers WHERE round_id = ?1 AND organisation_id = ?2",
                params![round_id, organisation_id],
            )?)
        })
    }

    /// Records that `question_id` was put to the supplier (at `meeting_id`, if at a
    /// meeting), with no answer yet; a question already put is left as it is.
    pub fn mark_asked(
        &mut self,
        question_id: i64,
        organisation_id: i64,
        meeting_id: Option<i64>,
    ) -> Result<i64> {
        let now = self.now();
        self.atomically(|s| {
            s.conn.execute(
                "INSERT INTO round_answers (uuid, question_id, organisation_id, meeting_id,
                    created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                 ON CONFLICT (question_id, organisation_id) DO NOTHING",
                params![new_uuid(), question_id, organisation_id, meeting_id, now],
            )?;
            s.answer_id(question_id, organisation_id)
        })
    }

    fn answer_id(&self, question_id: i64, organisation_id: i64) -> Result<i64> {
        found(self.conn.query_row(
            "SELECT id FROM round_answers WHERE question_id = ?1 AND organisation_id = ?2",
            params![question_id, organisation_id],
            |r| r.get(0),
        ))
    }

    /// Writes the supplier's answer to a question (which is thereby asked), with its
    /// label. The supplier must take part in the question's round.
    pub fn record_answer(
        &mut self,
        question_id: i64,
        organisation_id: i64,
        meeting_id: Option<i64>,
        body: &str,
        confidentiality: Confidentiality,
    ) -> Result<i64> {
        self.record_answer_with_uuid(
            question_id,
            organisation_id,
            meeting_id,
            body,
            confidentiality,
            &new_uuid(),
        )
    }

    pub(crate) fn record_answer_with_uuid(
        &mut self,
        question_id: i64,
        organisation_id: i64,
        meeting_id: Option<i64>,
        body: &str,
        confidentiality: Confidentiality,
        uuid: &str,
    ) -> Result<i64> {
        let body = crate::domain::clean::clean_text(body).trim().to_string();
        let now = self.now();
        self.atomically(|s| {
            let takes_part: bool = s.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM round_questions q
                    JOIN round_suppliers rs ON rs.round_id = q.round_id
                    WHERE q.id = ?1 AND rs.organisation_id = ?2)",
                params![question_id, organisation_id],
                |r| r.get(0),
            )?;
            if !takes_part {
                return Err(StoreError::Conflict("organisation", FieldError::NotInRound));
            }
            if s.question_trashed(question_id)? {
                return Err(StoreError::Conflict(
                    "question",
                    FieldError::QuestionInTrash,
                ));
            }
            s.conn.execute(
                "INSERT INTO round_answers (uuid, question_id, organisation_id, meeting_id,
                    body, confidentiality, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)
                 ON CONFLICT (question_id, organisation_id) DO UPDATE SET
                    body = excluded.body, confidentiality = excluded.confidentiality,
                    meeting_id = coalesce(excluded.meeting_id, meeting_id),
                    updated_at = excluded.updated_at",
                params![
                    uuid,
                    question_id,
                    organisation_id,
                    meeting_id,
                    body,
                    confidentiality.as_str(),
                    now
                ],
            )?;
            s.answer_id(question_id, organisation_id)
        })
    }

    /// Adds a line to an answer (the notes editor's quick key files lines one by one).
    pub fn append_to_answer(
        &mut self,
        question_id: i64,
        organisation_id: i64,
        meeting_id: Option<i64>,
        line: &str,
        confidentiality: Confidentiality,
    ) -> Result<i64> {
        let line = clean(line);
        self.atomically(|s| {
            let before = s.answer(question_id, organisation_id)?;
            let body = match before {
                Some(a) if !a.body.is_empty() => format!("{}\n{line}", a.body),
                _ => line.clone(),
            };
            s.record_answer(
                question_id,
                organisation_id,
                meeting_id,
                &body,
                confidentiality,
            )
        })
    }

    /// The version of a question × supplier's answer row; 0 while the question was not
    /// put (there is no row). What an answer form loads and saves against.
    pub fn answer_version(&self, question_id: i64, organisation_id: i64) -> Result<i64> {
        Ok(self
            .conn
            .query_row(
                "SELECT version FROM round_answers WHERE question_id = ?1 AND organisation_id = ?2",
                params![question_id, organisation_id],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0))
    }

    /// Writes an answer (as `record_answer`) only if its row is still at version
    /// `expected` (0: still not put), all under the write lock; otherwise
    /// `StoreError::Changed` and nothing is written. Returns the answer's id.
    pub fn save_answer_if_unchanged(
        &mut self,
        question_id: i64,
        organisation_id: i64,
        expected: i64,
        body: &str,
        confidentiality: Confidentiality,
    ) -> Result<i64> {
        self.atomically(|s| {
            if s.answer_version(question_id, organisation_id)? != expected
                || s.question_trashed(question_id)?
            {
                return Err(StoreError::Changed);
            }
            s.record_answer(question_id, organisation_id, None, body, confidentiality)
        })
    }

    /// The round and the project of a question (in the trash or not).
    pub fn round_question_place(&self, question_id: i64) -> Result<(i64, i64)> {
        found(self.conn.query_row(
            "SELECT r.id, r.project_id FROM round_questions q
             JOIN dialogue_rounds r ON r.id = q.round_id WHERE q.id = ?1",
            [question_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        ))
    }

    /// Whether the question, its round or its project is in the trash (a question
    /// purged counts as in the trash: an answer to it has nowhere to go).
    pub fn question_trashed(&self, question_id: i64) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT q.deleted_at IS NOT NULL OR r.deleted_at IS NOT NULL
                        OR p.deleted_at IS NOT NULL
                 FROM round_questions q JOIN dialogue_rounds r ON r.id = q.round_id
                 JOIN projects p ON p.id = r.project_id WHERE q.id = ?1",
                [question_id],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(true))
    }

    /// How many of a round's questions (in the trash too) the supplier has answered:
    /// what removing it from the round would throw away.
    pub fn supplier_answer_count(&self, round_id: i64, organisation_id: i64) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM round_answers a JOIN round_questions q ON q.id = a.question_id
             WHERE q.round_id = ?1 AND a.organisation_id = ?2 AND trim(a.body) <> ''",
            params![round_id, organisation_id],
            |r| r.get(0),
        )?)
    }

    /// The answer row of a question × supplier, if the question was put.
    pub fn answer(&self, question_id: i64, organisation_id: i64) -> Result<Option<RoundAnswer>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, uuid, question_id, organisation_id, meeting_id, body,
                    confidentiality, updated_at
                 FROM round_answers WHERE question_id = ?1 AND organisation_id = ?2",
                params![question_id, organisation_id],
                answer_from_row,
            )
            .optional()?)
    }

    /// The answers to some of a round's questions from its current suppliers.
    fn answers_to(&self, question_ids: &[i64]) -> Result<Vec<RoundAnswer>> {
        let mut out = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.uuid, a.question_id, a.organisation_id, a.meeting_id, a.body,
                a.confidentiality, a.updated_at
             FROM round_answers a JOIN round_questions q ON q.id = a.question_id
             JOIN round_suppliers rs ON rs.round_id = q.round_id
                AND rs.organisation_id = a.organisation_id
             WHERE a.question_id = ?1 ORDER BY rs.seq",
        )?;
        for id in question_ids {
            let listed = read_rows(&mut stmt, [id], "round_answers", answer_from_row)?;
            out.extend(self.readable(listed));
        }
        Ok(out)
    }

    /// Every answer (asked pairs) of a round's live questions.
    pub fn round_answers(&self, round_id: i64) -> Result<Vec<RoundAnswer>> {
        let ids: Vec<i64> = self
            .round_questions(round_id)?
            .into_iter()
            .map(|q| q.id)
            .collect();
        self.answers_to(&ids)
    }

    /// The matrix of `limit` questions from the `offset`-th × all the round's suppliers.
    pub fn round_matrix(&self, round_id: i64, offset: usize, limit: usize) -> Result<Matrix> {
        let questions = self.round_questions_page(round_id, offset, limit)?;
        let ids: Vec<i64> = questions.iter().map(|q| q.id).collect();
        let answers = self.answers_to(&ids)?;
        Ok(Matrix::new(
            questions,
            self.round_suppliers(round_id)?,
            &answers,
        ))
    }

    /// Makes `meeting_id` the supplier's meeting in the round (`None`: a written
    /// answer, no meeting).
    pub fn set_round_meeting(
        &mut self,
        round_id: i64,
        organisation_id: i64,
        meeting_id: Option<i64>,
    ) -> Result<()> {
        let now = self.now();
        changed(self.conn.execute(
            "UPDATE round_suppliers SET meeting_id = ?3, updated_at = ?4
             WHERE round_id = ?1 AND organisation_id = ?2",
            params![round_id, organisation_id, meeting_id, now],
        )?)
    }

    /// Ties a meeting that belongs to no round to the newest live round of its project
    /// in which a supplier takes part whose staff is on the meeting's list (and that
    /// has no meeting in the round yet). Returns the round and supplier, if any.
    pub fn tie_meeting_to_round(&mut self, meeting_id: i64) -> Result<Option<(i64, i64)>> {
        if let Some(found) = self.meeting_round(meeting_id)? {
            return Ok(Some(found));
        }
        let candidate: Option<(i64, i64)> = self
            .conn
            .query_row(
                "SELECT rs.round_id, rs.organisation_id FROM round_suppliers rs
                 JOIN dialogue_rounds r ON r.id = rs.round_id AND r.deleted_at IS NULL
                 JOIN meetings m ON m.id = ?1 AND m.project_id = r.project_id
                 WHERE rs.meeting_id IS NULL AND EXISTS (
                     SELECT 1 FROM attendance a JOIN people p ON p.id = a.person_id
                     WHERE a.meeting_id = m.id AND p.organisation_id = rs.organisation_id)
                 ORDER BY r.created_at DESC, r.id DESC LIMIT 1",
                [meeting_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((round_id, organisation_id)) = candidate {
            self.set_round_meeting(round_id, organisation_id, Some(meeting_id))?;
        }
        Ok(candidate)
    }

    /// The live round and the supplier a meeting is held with, when it is one.
    pub fn meeting_round(&self, meeting_id: i64) -> Result<Option<(i64, i64)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT s.round_id, s.organisation_id FROM round_suppliers s
                 JOIN dialogue_rounds r ON r.id = s.round_id
                 WHERE s.meeting_id = ?1 AND r.deleted_at IS NULL
                 ORDER BY s.id LIMIT 1",
                [meeting_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// The live organisation with this name (ignoring case), or a new supplier.
    pub fn organisation_named_or_new_supplier(&mut self, name: &str) -> Result<i64> {
        let name = clean(name);
        let existing: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM organisations WHERE deleted_at IS NULL
                 AND lower(trim(name)) = lower(?1) ORDER BY id LIMIT 1",
                [&name],
                |r| r.get(0),
            )
            .optional()?;
        match existing {
            Some(id) => Ok(id),
            None => self.create_organisation(&crate::domain::OrganisationInput {
                name,
                kind: crate::domain::OrgKind::Supplier,
            }),
        }
    }
}
