//! Soft deletion: user-visible rows move to a trash that can be restored or purged.

use rusqlite::params;

use super::{Result, Store, StoreError, changed};
use crate::domain::{EntityKind, TrashFilter, TrashItem};

/// The table of each kind's rows.
pub fn table(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Project => "projects",
        EntityKind::Organisation => "organisations",
        EntityKind::Person => "people",
        EntityKind::Milestone => "milestones",
        EntityKind::Meeting => "meetings",
        EntityKind::AgendaItem => "agenda_items",
        EntityKind::Need => "needs",
        EntityKind::Suggestion => "suggestions",
        EntityKind::Lesson => "lessons",
        EntityKind::Note => "notes",
        EntityKind::Decision => "decisions",
        EntityKind::ActionItem => "action_items",
        EntityKind::Question => "questions",
        EntityKind::Information => "information_items",
        EntityKind::Interest => "interests",
        EntityKind::Round => "dialogue_rounds",
        EntityKind::RoundQuestion => "round_questions",
    }
}

/// How a trashed row is named in the list; the trashed table is always `t`.
fn label_sql(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Project => {
            "SELECT t.id, t.code || ' ' || t.title, t.deleted_at FROM projects t"
        }
        EntityKind::Organisation => "SELECT t.id, t.name, t.deleted_at FROM organisations t",
        EntityKind::Person => "SELECT t.id, t.name, t.deleted_at FROM people t",
        EntityKind::Milestone => {
            "SELECT t.id, t.title || ' (' || p.code || ')', t.deleted_at
             FROM milestones t JOIN projects p ON p.id = t.project_id"
        }
        EntityKind::Meeting => {
            "SELECT t.id, t.title || ' (' || p.code || ')', t.deleted_at
             FROM meetings t JOIN projects p ON p.id = t.project_id"
        }
        EntityKind::AgendaItem => {
            "SELECT t.id, t.title || ' (' || m.title || ')', t.deleted_at
             FROM agenda_items t JOIN meetings m ON m.id = t.meeting_id"
        }
        EntityKind::Need => {
            "SELECT t.id, p.code || ' ' || printf('B-%03d', t.number) || ' ' || t.statement,
                    t.deleted_at
             FROM needs t JOIN projects p ON p.id = t.project_id"
        }
        EntityKind::Suggestion => {
            "SELECT t.id, t.title || ' (' || p.code || ')', t.deleted_at
             FROM suggestions t JOIN projects p ON p.id = t.project_id"
        }
        EntityKind::Lesson => "SELECT t.id, t.title, t.deleted_at FROM lessons t",
        EntityKind::Note => {
            "SELECT t.id, substr(replace(t.body, char(10), ' '), 1, 60)
                    || ' (' || m.title || ')', t.deleted_at
             FROM notes t JOIN meetings m ON m.id = t.meeting_id"
        }
        EntityKind::Decision => {
            "SELECT t.id, t.text || ' (' || p.code || ')', t.deleted_at
             FROM decisions t JOIN projects p ON p.id = t.project_id"
        }
        EntityKind::ActionItem => {
            "SELECT t.id, t.title || ' (' || p.code || ')', t.deleted_at
             FROM action_items t JOIN projects p ON p.id = t.project_id"
        }
        EntityKind::Question => {
            "SELECT t.id, t.text || ' (' || m.title || ')', t.deleted_at
             FROM questions t JOIN meetings m ON m.id = t.meeting_id"
        }
        EntityKind::Information => {
            "SELECT t.id, t.title || ' (' || p.code || ')', t.deleted_at
             FROM information_items t JOIN projects p ON p.id = t.project_id"
        }
        EntityKind::Interest => {
            "SELECT t.id, substr(t.description, 1, 60) || ' (' || p.code || ')', t.deleted_at
             FROM interests t JOIN projects p ON p.id = t.project_id"
        }
        EntityKind::Round => {
            "SELECT t.id, t.title || ' (' || p.code || ')', t.deleted_at
             FROM dialogue_rounds t JOIN projects p ON p.id = t.project_id"
        }
        EntityKind::RoundQuestion => {
            "SELECT t.id, t.text || ' (' || r.title || ')', t.deleted_at
             FROM round_questions t JOIN dialogue_rounds r ON r.id = t.round_id"
        }
    }
}

impl Store {
    /// Moves a live row to the trash; a row already there is `NotFound`.
    pub fn trash(&mut self, kind: EntityKind, id: i64) -> Result<()> {
        let now = self.now();
        self.set_deleted(kind, id, Some(now))
    }

    /// Whether row `id` is in the trash (`NotFound` if there is no such row).
    pub fn is_trashed(&self, kind: EntityKind, id: i64) -> Result<bool> {
        super::found(self.conn.query_row(
            &format!(
                "SELECT deleted_at IS NOT NULL FROM {} WHERE id = ?1",
                table(kind)
            ),
            [id],
            |r| r.get(0),
        ))
    }

    /// Brings a trashed row back; a live row is `NotFound`.
    pub fn restore(&mut self, kind: EntityKind, id: i64) -> Result<()> {
        self.set_deleted(kind, id, None)
    }

    fn set_deleted(&mut self, kind: EntityKind, id: i64, at: Option<String>) -> Result<()> {
        let currently = if at.is_some() {
            "IS NULL"
        } else {
            "IS NOT NULL"
        };
        // Trashing and restoring are changes too (exports and sync rely on updated_at).
        let now = self.now();
        let n = self.conn.execute(
            &format!(
                "UPDATE {} SET deleted_at = ?2, updated_at = ?3
                 WHERE id = ?1 AND deleted_at {currently}",
                table(kind)
            ),
            params![id, at, now],
        )?;
        changed(n)
    }

    /// Deletes a trashed row for good. Rows that are not in the trash are left alone.
    pub fn purge(&mut self, kind: EntityKind, id: i64) -> Result<()> {
        let tx = super::write_tx(&mut self.conn)?;
        // Evidence that only pointed at this meeting or person would be left pointing at
        // nothing; it goes with it (evidence with another source keeps that source).
        let only_source = match kind {
            EntityKind::Meeting => Some("meeting_id = ?1 AND person_id IS NULL"),
            EntityKind::Person => Some("person_id = ?1 AND meeting_id IS NULL"),
            _ => None,
        };
        let in_trash: bool = tx.query_row(
            &format!(
                "SELECT EXISTS (SELECT 1 FROM {} WHERE id = ?1 AND deleted_at IS NOT NULL)",
                table(kind)
            ),
            [id],
            |r| r.get(0),
        )?;
        if !in_trash {
            return Err(StoreError::NotFound);
        }
        if let Some(condition) = only_source {
            tx.execute(
                &format!("DELETE FROM need_evidence WHERE {condition} AND trim(document) = ''"),
                [id],
            )?;
        }
        tx.execute(&format!("DELETE FROM {} WHERE id = ?1", table(kind)), [id])?;
        tx.commit()?;
        Ok(())
    }

    /// Everything in the trash, most recently deleted first.
    pub fn list_trash(&self) -> Result<Vec<TrashItem>> {
        self.list_trash_filtered(&TrashFilter::default())
    }

    /// The trash as the filter bar narrows it: one kind, and names containing the text.
    pub fn list_trash_filtered(&self, filter: &TrashFilter) -> Result<Vec<TrashItem>> {
        let mut items = Vec::new();
        let text = filter.text.trim().to_lowercase();
        for kind in EntityKind::ALL {
            if filter.kind.is_some_and(|k| k != kind) {
                continue;
            }
            let sql = format!(
                "WITH x(id, label, deleted_at) AS ({} WHERE t.deleted_at IS NOT NULL)
                 SELECT id, label, deleted_at FROM x
                 WHERE ?1 = '' OR instr(fold(label), ?1) > 0",
                label_sql(kind)
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([&text], |r| {
                Ok(TrashItem {
                    kind,
                    id: r.get(0)?,
                    label: r.get(1)?,
                    deleted_at: r.get(2)?,
                })
            })?;
            for row in rows {
                items.push(row?);
            }
        }
        items.sort_by(|a, b| b.deleted_at.cmp(&a.deleted_at).then(a.label.cmp(&b.label)));
        Ok(items)
    }
}
