//! Soft deletion: user-visible rows move to a trash that can be restored or purged.

use rusqlite::params;

use super::{Result, Store, StoreError};
use crate::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrashKind {
    Project,
    Organisation,
    Person,
    Milestone,
    Meeting,
    AgendaItem,
}

impl TrashKind {
    pub const ALL: [TrashKind; 6] = [
        Self::Project,
        Self::Organisation,
        Self::Person,
        Self::Milestone,
        Self::Meeting,
        Self::AgendaItem,
    ];

    fn table(self) -> &'static str {
        match self {
            Self::Project => "projects",
            Self::Organisation => "organisations",
            Self::Person => "people",
            Self::Milestone => "milestones",
            Self::Meeting => "meetings",
            Self::AgendaItem => "agenda_items",
        }
    }

    /// How a trashed row is named in the list.
    fn label_sql(self) -> &'static str {
        match self {
            Self::Project => "SELECT id, code || ' ' || title, deleted_at FROM projects",
            Self::Organisation => "SELECT id, name, deleted_at FROM organisations",
            Self::Person => "SELECT id, name, deleted_at FROM people",
            Self::Milestone => {
                "SELECT m.id, m.title || ' (' || p.code || ')', m.deleted_at
                 FROM milestones m JOIN projects p ON p.id = m.project_id"
            }
            Self::Meeting => {
                "SELECT m.id, m.title || ' (' || p.code || ')', m.deleted_at
                 FROM meetings m JOIN projects p ON p.id = m.project_id"
            }
            Self::AgendaItem => {
                "SELECT m.id, m.title || ' (' || mt.title || ')', m.deleted_at
                 FROM agenda_items m JOIN meetings mt ON mt.id = m.meeting_id"
            }
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Project => text::KIND_PROJECT,
            Self::Organisation => text::KIND_ORGANISATION,
            Self::Person => text::KIND_PERSON,
            Self::Milestone => text::KIND_MILESTONE,
            Self::Meeting => text::KIND_MEETING,
            Self::AgendaItem => text::KIND_AGENDA_ITEM,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrashItem {
    pub kind: TrashKind,
    pub id: i64,
    pub label: String,
    pub deleted_at: String,
}

impl Store {
    pub fn trash(&mut self, kind: TrashKind, id: i64) -> Result<()> {
        let now = self.now();
        self.set_deleted(kind, id, Some(now))
    }

    pub fn restore(&mut self, kind: TrashKind, id: i64) -> Result<()> {
        self.set_deleted(kind, id, None)
    }

    fn set_deleted(&mut self, kind: TrashKind, id: i64, at: Option<String>) -> Result<()> {
        let n = self.conn.execute(
            &format!("UPDATE {} SET deleted_at = ?2 WHERE id = ?1", kind.table()),
            params![id, at],
        )?;
        if n == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// Deletes a trashed row for good. Rows that are not in the trash are left alone.
    pub fn purge(&mut self, kind: TrashKind, id: i64) -> Result<()> {
        let n = self.conn.execute(
            &format!(
                "DELETE FROM {} WHERE id = ?1 AND deleted_at IS NOT NULL",
                kind.table()
            ),
            [id],
        )?;
        if n == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// Everything in the trash, most recently deleted first.
    pub fn list_trash(&self) -> Result<Vec<TrashItem>> {
        let mut items = Vec::new();
        for kind in TrashKind::ALL {
            let alias = if kind == TrashKind::Milestone {
                "m."
            } else {
                ""
            };
            let sql = format!("{} WHERE {alias}deleted_at IS NOT NULL", kind.label_sql());
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([], |r| {
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
