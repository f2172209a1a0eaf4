use rusqlite::{Row, params};

use super::projects::enum_col;
use super::readable::{Listed, read_one, read_rows};
use super::{Result, Store, changed, new_uuid};
use crate::domain::{Milestone, MilestoneInput, MilestoneStatus, TextEnum};

const COLUMNS: &str =
    "id, uuid, project_id, title, due_date, done_date, status, created_at, updated_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Milestone> {
    Ok(Milestone {
        id: r.get(0)?,
        uuid: r.get(1)?,
        project_id: r.get(2)?,
        title: r.get(3)?,
        due_date: r.get(4)?,
        done_date: r.get(5)?,
        status: enum_col(r, 6)?,
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
    })
}

impl Store {
    /// The readable rows of `milestones_listed`; the others are noted (`take_set_aside`).
    pub fn milestones(&self, project_id: i64) -> Result<Vec<Milestone>> {
        let listed = self.milestones_listed(project_id)?;
        Ok(self.readable(listed))
    }

    /// A project's time plan, by due date (undated last).
    pub fn milestones_listed(&self, project_id: i64) -> Result<Listed<Milestone>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM milestones
             WHERE project_id = ?1 AND deleted_at IS NULL
             ORDER BY due_date IS NULL, due_date, id"
        ))?;
        let listed = read_rows(&mut stmt, [project_id], "milestones", from_row)?;
        Ok(listed)
    }

    pub fn milestone(&self, id: i64) -> Result<Milestone> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM milestones WHERE id = ?1"))?;
        read_one(&mut stmt, [id], "milestones", from_row)
    }

    pub fn create_milestone(&mut self, project_id: i64, input: &MilestoneInput) -> Result<i64> {
        self.create_milestone_with_uuid(project_id, input, &new_uuid())
    }

    pub(crate) fn create_milestone_with_uuid(
        &mut self,
        project_id: i64,
        input: &MilestoneInput,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        self.conn.execute(
            "INSERT INTO milestones (uuid, project_id, title, due_date, status, created_at,
                updated_at)
             VALUES (?1, ?2, ?3, ?4, 'planned', ?5, ?5)",
            params![uuid, project_id, input.title, input.due_date, now],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn update_milestone(&mut self, id: i64, input: &MilestoneInput) -> Result<()> {
        let now = self.now();
        let n = self.conn.execute(
            "UPDATE milestones SET title = ?2, due_date = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, input.title, input.due_date, now],
        )?;
        changed(n)
    }

    /// Ticks a milestone done (stamping today) or back to planned; returns the new status.
    pub fn toggle_milestone_done(&mut self, id: i64) -> Result<MilestoneStatus> {
        let current = self.milestone(id)?;
        let (status, done) = match current.status {
            MilestoneStatus::Done => (MilestoneStatus::Planned, None),
            _ => (MilestoneStatus::Done, Some(self.clock.today())),
        };
        let now = self.now();
        self.conn.execute(
            "UPDATE milestones SET status = ?2, done_date = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, status.as_str(), done, now],
        )?;
        Ok(status)
    }
}
