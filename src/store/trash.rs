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

    /// The whole trash as the filter bar narrows it (one kind, names containing the
    /// text), page by page. Screens read a page at a time (`trash_page`).
    pub fn list_trash_filtered(&self, filter: &TrashFilter) -> Result<Vec<TrashItem>> {
        let mut items: Vec<TrashItem> = Vec::new();
        loop {
            let page = self.trash_page(filter, items.last(), TRASH_PAGE)?;
            let done = page.len() < TRASH_PAGE;
            items.extend(page);
            if done {
                return Ok(items);
            }
        }
    }

    /// How many rows the filter leaves in the trash. Without a text, a count of each
    /// kind's partial index of trashed rows (migration 0016).
    pub fn count_trash(&self, filter: &TrashFilter) -> Result<usize> {
        let text = filter.text.trim().to_lowercase();
        let kinds = trash_kinds(filter);
        if kinds.is_empty() {
            return Ok(0);
        }
        let n: i64 = if text.is_empty() {
            let counts: Vec<String> = kinds
                .iter()
                .map(|k| {
                    format!(
                        "(SELECT count(*) FROM {} WHERE deleted_at IS NOT NULL)",
                        table(*k)
                    )
                })
                .collect();
            let sql = format!("SELECT 0 + {}", counts.join(" + "));
            self.conn
                .prepare_cached(&sql)?
                .query_row([], |r| r.get(0))?
        } else {
            let sql = format!("SELECT count(*) FROM ({})", trash_rows(&kinds, false));
            self.conn
                .prepare_cached(&sql)?
                .query_row([&text], |r| r.get(0))?
        };
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// At most `limit` rows of the trash as the filter narrows it, in its order
    /// (most recently deleted first, then newest row, then kind), from the one after
    /// `after` (or the first). Each kind is read through its partial index in that
    /// order and the kinds are merged, so a page costs the same however full the
    /// trash is.
    pub fn trash_page(
        &self,
        filter: &TrashFilter,
        after: Option<&TrashItem>,
        limit: usize,
    ) -> Result<Vec<TrashItem>> {
        let text = filter.text.trim().to_lowercase();
        let kinds = trash_kinds(filter);
        if kinds.is_empty() {
            return Ok(Vec::new());
        }
        let sql = trash_page_sql(&kinds, after.is_some());
        let (at, id, kind) = after.map_or((String::new(), 0, 0), |a| {
            (a.deleted_at.clone(), a.id, kind_ordinal(a.kind))
        });
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![text, at, id, kind, i64::try_from(limit).unwrap_or(i64::MAX)],
            |r| {
                let ordinal: i64 = r.get(0)?;
                Ok(TrashItem {
                    kind: EntityKind::ALL[usize::try_from(ordinal).unwrap_or(0)],
                    id: r.get(1)?,
                    label: r.get(2)?,
                    deleted_at: r.get(3)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Rows per page of the trash.
pub const TRASH_PAGE: usize = 200;

/// The kinds the filter leaves.
fn trash_kinds(filter: &TrashFilter) -> Vec<EntityKind> {
    EntityKind::ALL
        .into_iter()
        .filter(|k| filter.kind.is_none_or(|f| f == *k))
        .collect()
}

/// A kind's place in `EntityKind::ALL`: how a page's rows name their kind.
fn kind_ordinal(kind: EntityKind) -> i64 {
    EntityKind::ALL
        .iter()
        .position(|k| *k == kind)
        .map_or(0, |i| i as i64)
}

/// The trashed rows of `kinds` as one compound query (kind, id, label, deleted_at),
/// names containing text `?1`; with `after`, only those after the row at (`?2`
/// deleted at, `?3` id, `?4` kind) in the trash's order. Each kind is a named query
/// of its own (`k0`, `k1`, …) whose `WHERE` says `t.deleted_at IS NOT NULL`, so SQLite
/// reads its partial index; an `ORDER BY` on the compound itself (not on a query
/// around it) lets SQLite merge the kinds in order instead of sorting them all.
fn trash_rows(kinds: &[EntityKind], after: bool) -> String {
    let named: Vec<String> = kinds
        .iter()
        .map(|kind| {
            let ordinal = kind_ordinal(*kind);
            let after = if after {
                format!(
                    " AND t.deleted_at <= ?2 AND (t.deleted_at < ?2 OR t.id < ?3
                        OR (t.id = ?3 AND {ordinal} > ?4))"
                )
            } else {
                String::new()
            };
            format!(
                "k{ordinal}(id, label, deleted_at) AS ({} WHERE t.deleted_at IS NOT NULL{after})",
                label_sql(*kind)
            )
        })
        .collect();
    let arms: Vec<String> = kinds
        .iter()
        .map(|kind| {
            let ordinal = kind_ordinal(*kind);
            format!(
                "SELECT {ordinal} AS kind, id, label, deleted_at FROM k{ordinal}
                 WHERE ?1 = '' OR instr(fold(label), ?1) > 0"
            )
        })
        .collect();
    format!("WITH {} {}", named.join(", "), arms.join(" UNION ALL "))
}

/// A page of the trash: `trash_rows` in the trash's order, at most `?5` rows.
fn trash_page_sql(kinds: &[EntityKind], after: bool) -> String {
    format!(
        "{} ORDER BY deleted_at DESC, id DESC, kind LIMIT ?5",
        trash_rows(kinds, after)
    )
}

impl Store {
    /// How SQLite finds each kind's rows in the trash for a page after a row and for
    /// the count (`EXPLAIN QUERY PLAN`, one line a step), for the test that keeps them
    /// on the partial indexes.
    /// How SQLite reads a page of the whole trash after a row (`EXPLAIN QUERY PLAN`):
    /// the kinds merged in order, none sorted.
    pub fn trash_page_plan(&self) -> Result<Vec<String>> {
        self.query_plan(&trash_page_sql(&EntityKind::ALL, true), &plan_values())
    }

    /// As `trash_page_plan`, kind by kind, with the plan of each kind's count.
    pub fn trash_query_plans(&self) -> Result<Vec<(EntityKind, Vec<String>)>> {
        EntityKind::ALL
            .into_iter()
            .map(|kind| {
                let sql = trash_page_sql(&[kind], true);
                let mut plan = self.query_plan(&sql, &plan_values())?;
                plan.extend(self.query_plan(
                    &format!(
                        "SELECT count(*) FROM {} WHERE deleted_at IS NOT NULL",
                        table(kind)
                    ),
                    &[],
                )?);
                Ok((kind, plan))
            })
            .collect()
    }
}

/// Values for the page statement's parameters when only its plan is asked for: no
/// text, after a row, a page of 50.
fn plan_values() -> [rusqlite::types::Value; 5] {
    use rusqlite::types::Value;
    [
        Value::Text(String::new()),
        Value::Text("2026-12-01T00:00:00Z".into()),
        Value::Integer(100),
        Value::Integer(0),
        Value::Integer(50),
    ]
}
