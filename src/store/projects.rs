use rusqlite::{OptionalExtension, Row, params, params_from_iter};

use super::readable::{Listed, read_one, read_rows};
use super::{Result, Store, StoreError, changed, new_uuid};
use crate::domain::{FieldError, Project, ProjectFilter, ProjectInput, ProjectRow, TextEnum};

pub(super) fn ordinal_case<E: TextEnum>(column: &str) -> String {
    let arms: String = E::ALL
        .iter()
        .enumerate()
        .map(|(i, v)| format!(" WHEN '{}' THEN {i}", v.as_str()))
        .collect();
    format!("CASE {column}{arms} END")
}

const PROJECT_COLUMNS: &str = "p.id, p.uuid, p.code, p.title, p.buyer_id, o.name, p.case_number,
    p.subject, p.goal, p.phase, p.status, p.innovation_level, p.planned_procedure,
    p.start_date, p.end_date, p.tags, p.last_reviewed_at, p.created_at, p.updated_at";

fn project_from_row(r: &Row<'_>) -> rusqlite::Result<Project> {
    let tags: String = r.get(15)?;
    Ok(Project {
        id: r.get(0)?,
        uuid: r.get(1)?,
        code: r.get(2)?,
        title: r.get(3)?,
        buyer_id: r.get(4)?,
        buyer_name: r.get(5)?,
        case_number: r.get(6)?,
        subject: r.get(7)?,
        goal: r.get(8)?,
        phase: enum_col(r, 9)?,
        status: enum_col(r, 10)?,
        innovation_level: r
            .get::<_, Option<String>>(11)?
            .and_then(|s| TextEnum::parse(&s)),
        planned_procedure: r.get(12)?,
        start_date: r.get(13)?,
        end_date: r.get(14)?,
        tags: serde_json::from_str(&tags).unwrap_or_default(),
        last_reviewed_at: r.get(16)?,
        created_at: r.get(17)?,
        updated_at: r.get(18)?,
    })
}

/// Reads a text enum column; the CHECK constraints make an unknown value a corruption.
pub(super) fn enum_col<E: TextEnum>(r: &Row<'_>, i: usize) -> rusqlite::Result<E> {
    let s: String = r.get(i)?;
    E::parse(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("unknown value {s:?}").into(),
        )
    })
}

impl Store {
    /// The readable rows of `list_projects_listed`; the others are noted (`take_set_aside`).
    pub fn list_projects(&self, filter: &ProjectFilter) -> Result<Vec<ProjectRow>> {
        let listed = self.list_projects_listed(filter)?;
        Ok(self.readable(listed))
    }

    /// The portfolio: live projects matching the filter, in the chosen order (the
    /// order of `projects_page`), all of them: for the command line and exports, not
    /// for the screen, which reads a page at a time.
    pub fn list_projects_listed(&self, filter: &ProjectFilter) -> Result<Listed<ProjectRow>> {
        use super::project_pages::{FILTER_WHERE, FROM, ROW_COLUMNS, filter_values};
        use super::project_pages::{order_columns, row_from};
        let order = order_columns(filter, &self.clock.today().to_string(), &self.now());
        let sql = format!(
            "SELECT {ROW_COLUMNS} FROM {FROM} WHERE {FILTER_WHERE} ORDER BY {}",
            super::paging::order_sql(&order, false)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        read_rows(
            &mut stmt,
            params_from_iter(filter_values(filter)),
            "projects",
            row_from,
        )
    }

    /// Whether any live project exists; cheap, for the welcome panel.
    pub fn has_projects(&self) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM projects WHERE deleted_at IS NULL)",
            [],
            |r| r.get(0),
        )?)
    }

    pub fn project(&self, id: i64) -> Result<Project> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PROJECT_COLUMNS} FROM projects p
                 LEFT JOIN organisations o ON o.id = p.buyer_id WHERE p.id = ?1"
        ))?;
        read_one(&mut stmt, [id], "projects", project_from_row)
    }

    pub fn project_by_code(&self, code: &str) -> Result<Project> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PROJECT_COLUMNS} FROM projects p
                 LEFT JOIN organisations o ON o.id = p.buyer_id
                 WHERE p.code = ?1 AND p.deleted_at IS NULL"
        ))?;
        read_one(&mut stmt, [code], "projects", project_from_row)
    }

    /// Creates a project (and its buyer organisation, if new) in one transaction.
    pub fn create_project(&mut self, input: &ProjectInput) -> Result<i64> {
        self.create_project_with_uuid(input, &new_uuid())
    }

    pub(crate) fn create_project_with_uuid(
        &mut self,
        input: &ProjectInput,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        let tx = super::write_tx(&mut self.conn)?;
        ensure_code_free(&tx, &input.code, None)?;
        let buyer_id = super::directory::resolve_organisation(&tx, &input.buyer_name, &now)?;
        tx.execute(
            "INSERT INTO projects (uuid, code, title, buyer_id, case_number, subject, goal,
                phase, status, innovation_level, planned_procedure, start_date, end_date, tags,
                created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
            params![
                uuid,
                input.code,
                input.title,
                buyer_id,
                input.case_number,
                input.subject,
                input.goal,
                input.phase.as_str(),
                input.status.as_str(),
                input.innovation_level.map(|l| l.as_str()),
                input.planned_procedure,
                input.start_date,
                input.end_date,
                serde_json::to_string(&input.tags).expect("tags serialise"),
                now,
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    pub fn update_project(&mut self, id: i64, input: &ProjectInput) -> Result<()> {
        let now = self.now();
        let tx = super::write_tx(&mut self.conn)?;
        ensure_code_free(&tx, &input.code, Some(id))?;
        let buyer_id = super::directory::resolve_organisation(&tx, &input.buyer_name, &now)?;
        let n = tx.execute(
            "UPDATE projects SET code = ?2, title = ?3, buyer_id = ?4, case_number = ?5,
                subject = ?6, goal = ?7, phase = ?8, status = ?9, innovation_level = ?10,
                planned_procedure = ?11, start_date = ?12, end_date = ?13, tags = ?14,
                updated_at = ?15
             WHERE id = ?1",
            params![
                id,
                input.code,
                input.title,
                buyer_id,
                input.case_number,
                input.subject,
                input.goal,
                input.phase.as_str(),
                input.status.as_str(),
                input.innovation_level.map(|l| l.as_str()),
                input.planned_procedure,
                input.start_date,
                input.end_date,
                serde_json::to_string(&input.tags).expect("tags serialise"),
                now,
            ],
        )?;
        changed(n)?;
        tx.commit()?;
        Ok(())
    }

    /// Moves a project one phase on (or back) and returns the new phase.
    pub fn set_project_phase(&mut self, id: i64, phase: crate::domain::Phase) -> Result<()> {
        let now = self.now();
        let n = self.conn.execute(
            "UPDATE projects SET phase = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, phase.as_str(), now],
        )?;
        changed(n)
    }

    /// Stamps the project as reviewed now (the weekly review).
    pub fn mark_project_reviewed(&mut self, id: i64) -> Result<()> {
        let now = self.now();
        self.conn.execute(
            "UPDATE projects SET last_reviewed_at = ?2 WHERE id = ?1",
            params![id, now],
        )?;
        Ok(())
    }
}

/// Codes are unique across live and trashed projects, so a restore never collides.
fn ensure_code_free(tx: &rusqlite::Connection, code: &str, except: Option<i64>) -> Result<()> {
    let holder: Option<(i64, Option<String>)> = tx
        .query_row(
            "SELECT id, deleted_at FROM projects WHERE code = ?1",
            [code],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match holder {
        Some((id, _)) if Some(id) == except => Ok(()),
        Some((_, None)) => Err(StoreError::Conflict("code", FieldError::CodeTaken)),
        Some((_, Some(_))) => Err(StoreError::Conflict("code", FieldError::CodeTakenInTrash)),
        None => Ok(()),
    }
}
