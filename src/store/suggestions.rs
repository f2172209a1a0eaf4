//! Improvement suggestions to the buyer's process, and lessons learned.

use rusqlite::types::Value;
use rusqlite::{Row, params, params_from_iter};

use super::projects::enum_col;
use super::readable::{Listed, read_one, read_rows};
use super::where_set::WhereSet;
use super::{Result, Store, changed, new_uuid};
use crate::domain::{
    Lesson, LessonFilter, LessonInput, LessonKind, Phase, Suggestion, SuggestionFilter,
    SuggestionInput, SuggestionStatus, TextEnum,
};

const SUGGESTION_COLUMNS: &str = "s.id, s.uuid, s.project_id, p.code, s.meeting_id, m.title,
    s.phase, s.title, s.description, s.rationale, s.status, s.buyer_response, s.decision_date,
    s.created_at, s.updated_at, s.confidentiality";

fn suggestion_from_row(r: &Row<'_>) -> rusqlite::Result<Suggestion> {
    Ok(Suggestion {
        id: r.get(0)?,
        uuid: r.get(1)?,
        project_id: r.get(2)?,
        project_code: r.get(3)?,
        meeting_id: r.get(4)?,
        meeting_title: r.get(5)?,
        phase: enum_col(r, 6)?,
        title: r.get(7)?,
        description: r.get(8)?,
        rationale: r.get(9)?,
        status: enum_col(r, 10)?,
        buyer_response: r.get(11)?,
        decision_date: r.get(12)?,
        confidentiality: enum_col(r, 15)?,
        created_at: r.get(13)?,
        updated_at: r.get(14)?,
    })
}

pub(super) const LESSON_COLUMNS: &str =
    "l.id, l.uuid, l.project_id, p.code, l.phase, l.kind, l.title,
    l.context, l.what_happened, l.what_we_learned, l.recommendation, l.shareable,
    l.created_at, l.updated_at";

pub(super) fn lesson_from_row(r: &Row<'_>) -> rusqlite::Result<Lesson> {
    Ok(Lesson {
        id: r.get(0)?,
        uuid: r.get(1)?,
        project_id: r.get(2)?,
        project_code: r.get(3)?,
        phase: r
            .get::<_, Option<String>>(4)?
            .and_then(|s| Phase::parse(&s)),
        kind: enum_col(r, 5)?,
        title: r.get(6)?,
        context: r.get(7)?,
        what_happened: r.get(8)?,
        what_we_learned: r.get(9)?,
        recommendation: r.get(10)?,
        shareable: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

impl Store {
    /// Live suggestions, of one project or all, optionally of one status and phase;
    /// open ones first, oldest first (the ones waiting longest on top).
    pub fn suggestions(
        &self,
        project_id: Option<i64>,
        status: Option<SuggestionStatus>,
        phase: Option<Phase>,
    ) -> Result<Vec<Suggestion>> {
        let filter = SuggestionFilter {
            status,
            phase,
            ..Default::default()
        };
        self.suggestions_filtered(project_id, &filter)
    }

    /// The readable rows of `suggestions_filtered_listed`; the others are noted (`take_set_aside`).
    pub fn suggestions_filtered(
        &self,
        project_id: Option<i64>,
        filter: &SuggestionFilter,
    ) -> Result<Vec<Suggestion>> {
        let listed = self.suggestions_filtered_listed(project_id, filter)?;
        Ok(self.readable(listed))
    }

    /// Live suggestions matching the filter bar's text and facets, in list order.
    pub fn suggestions_filtered_listed(
        &self,
        project_id: Option<i64>,
        filter: &SuggestionFilter,
    ) -> Result<Listed<Suggestion>> {
        let (sql, values) = suggestions_sql(project_id, filter);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let listed = read_rows(
            &mut stmt,
            params_from_iter(values.iter()),
            "suggestions",
            suggestion_from_row,
        )?;
        Ok(listed)
    }

    pub fn suggestion(&self, id: i64) -> Result<Suggestion> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUGGESTION_COLUMNS} FROM suggestions s
                 JOIN projects p ON p.id = s.project_id
                 LEFT JOIN meetings m ON m.id = s.meeting_id WHERE s.id = ?1"
        ))?;
        read_one(&mut stmt, [id], "suggestions", suggestion_from_row)
    }

    pub fn create_suggestion(&mut self, project_id: i64, input: &SuggestionInput) -> Result<i64> {
        self.create_suggestion_with_uuid(project_id, input, &new_uuid())
    }

    pub(crate) fn create_suggestion_with_uuid(
        &mut self,
        project_id: i64,
        input: &SuggestionInput,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        self.conn.execute(
            "INSERT INTO suggestions (uuid, project_id, meeting_id, phase, title, description,
                rationale, status, buyer_response, decision_date, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            params![
                uuid,
                project_id,
                input.meeting_id,
                input.phase.as_str(),
                input.title,
                input.description,
                input.rationale,
                input.status.as_str(),
                input.buyer_response,
                input.decision_date,
                now
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn update_suggestion(&mut self, id: i64, input: &SuggestionInput) -> Result<()> {
        let now = self.now();
        let n = self.conn.execute(
            "UPDATE suggestions SET meeting_id = ?2, phase = ?3, title = ?4, description = ?5,
                rationale = ?6, status = ?7, buyer_response = ?8, decision_date = ?9,
                updated_at = ?10
             WHERE id = ?1",
            params![
                id,
                input.meeting_id,
                input.phase.as_str(),
                input.title,
                input.description,
                input.rationale,
                input.status.as_str(),
                input.buyer_response,
                input.decision_date,
                now
            ],
        )?;
        changed(n)
    }

    /// Sets a suggestion's status; a decided one (accepted or rejected) gets today as
    /// its decision date unless it has one.
    pub fn set_suggestion_status(&mut self, id: i64, status: SuggestionStatus) -> Result<()> {
        let now = self.now();
        let decided = matches!(
            status,
            SuggestionStatus::Accepted | SuggestionStatus::Rejected
        );
        let today = self.clock.today();
        let n = self.conn.execute(
            "UPDATE suggestions SET status = ?2, updated_at = ?3,
                decision_date = CASE WHEN ?4 THEN ifnull(decision_date, ?5) ELSE decision_date END
             WHERE id = ?1",
            params![id, status.as_str(), now, decided, today],
        )?;
        changed(n)
    }

    // ----- lessons ------------------------------------------------------------------

    /// The lessons library: live lessons of live (or no) projects, by phase and kind.
    pub fn lessons(
        &self,
        project_id: Option<i64>,
        phase: Option<Phase>,
        kind: Option<LessonKind>,
        shareable_only: bool,
    ) -> Result<Vec<Lesson>> {
        let filter = LessonFilter {
            phase,
            kind,
            ..Default::default()
        };
        self.lessons_filtered(project_id, &filter, shareable_only)
    }

    /// The readable rows of `lessons_filtered_listed`; the others are noted (`take_set_aside`).
    pub fn lessons_filtered(
        &self,
        project_id: Option<i64>,
        filter: &LessonFilter,
        shareable_only: bool,
    ) -> Result<Vec<Lesson>> {
        let listed = self.lessons_filtered_listed(project_id, filter, shareable_only)?;
        Ok(self.readable(listed))
    }

    /// Live lessons matching the filter bar's text and facets, in library order.
    pub fn lessons_filtered_listed(
        &self,
        project_id: Option<i64>,
        filter: &LessonFilter,
        shareable_only: bool,
    ) -> Result<Listed<Lesson>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {LESSON_COLUMNS} FROM lessons l LEFT JOIN projects p ON p.id = l.project_id
             WHERE l.deleted_at IS NULL AND (p.id IS NULL OR p.deleted_at IS NULL)
               AND (?1 IS NULL OR l.project_id = ?1)
               AND (?2 IS NULL OR l.phase = ?2)
               AND (?3 IS NULL OR l.kind = ?3)
               AND (NOT ?4 OR l.shareable)
               AND (?5 = '' OR instr(fold(l.title || ' ' || l.context || ' ' || l.what_happened
                    || ' ' || l.what_we_learned || ' ' || l.recommendation), ?5) > 0)
             ORDER BY l.phase IS NULL, {}, l.title COLLATE sv",
            super::projects::ordinal_case::<Phase>("ifnull(l.phase, '')")
        ))?;
        let listed = read_rows(
            &mut stmt,
            params![
                project_id,
                filter.phase.map(|p| p.as_str()),
                filter.kind.map(|k| k.as_str()),
                shareable_only,
                filter.text.trim().to_lowercase()
            ],
            "lessons",
            lesson_from_row,
        )?;
        Ok(listed)
    }

    pub fn lesson(&self, id: i64) -> Result<Lesson> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {LESSON_COLUMNS} FROM lessons l LEFT JOIN projects p ON p.id = l.project_id
                 WHERE l.id = ?1"
        ))?;
        read_one(&mut stmt, [id], "lessons", lesson_from_row)
    }

    pub fn create_lesson(&mut self, input: &LessonInput) -> Result<i64> {
        self.create_lesson_with_uuid(input, &new_uuid())
    }

    pub(crate) fn create_lesson_with_uuid(
        &mut self,
        input: &LessonInput,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        self.conn.execute(
            "INSERT INTO lessons (uuid, project_id, phase, kind, title, context, what_happened,
                what_we_learned, recommendation, shareable, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            params![
                uuid,
                input.project_id,
                input.phase.map(|p| p.as_str()),
                input.kind.as_str(),
                input.title,
                input.context,
                input.what_happened,
                input.what_we_learned,
                input.recommendation,
                input.shareable,
                now
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn update_lesson(&mut self, id: i64, input: &LessonInput) -> Result<()> {
        let now = self.now();
        let n = self.conn.execute(
            "UPDATE lessons SET project_id = ?2, phase = ?3, kind = ?4, title = ?5, context = ?6,
                what_happened = ?7, what_we_learned = ?8, recommendation = ?9, shareable = ?10,
                updated_at = ?11
             WHERE id = ?1",
            params![
                id,
                input.project_id,
                input.phase.map(|p| p.as_str()),
                input.kind.as_str(),
                input.title,
                input.context,
                input.what_happened,
                input.what_we_learned,
                input.recommendation,
                input.shareable,
                now
            ],
        )?;
        changed(n)
    }
}

/// The statement of `suggestions_filtered_listed` (only the filters set, so that one
/// project's suggestions are sought by its index, not scanned for) and its values.
pub(super) fn suggestions_sql(
    project_id: Option<i64>,
    filter: &SuggestionFilter,
) -> (String, Vec<Value>) {
    let mut w = WhereSet::new("s.deleted_at IS NULL AND p.deleted_at IS NULL");
    w.equals("s.project_id", project_id);
    w.equals("s.status", filter.status.map(|s| s.as_str().to_string()));
    w.equals("s.phase", filter.phase.map(|p| p.as_str().to_string()));
    w.contains(
        "s.title || ' ' || s.description || ' ' || s.buyer_response",
        &filter.text,
    );
    let sql = format!(
        "SELECT {SUGGESTION_COLUMNS} FROM suggestions s
         JOIN projects p ON p.id = s.project_id
         LEFT JOIN meetings m ON m.id = s.meeting_id
         WHERE {}
         ORDER BY s.status NOT IN ('proposed', 'discussed'), s.created_at, s.id",
        w.sql()
    );
    (sql, w.values().to_vec())
}
