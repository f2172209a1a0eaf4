//! Where an item lives: what `App::go_to` needs to open it in its context.

use rusqlite::OptionalExtension;

use super::{Result, Store, StoreError};
use crate::domain::{EntityKind, EntityRef};

/// An item's surroundings: its project and meeting (when it has them) and whether it,
/// or something it belongs to, is in the trash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub project_id: Option<i64>,
    pub meeting_id: Option<i64>,
    /// The item itself is in the trash.
    pub trashed: bool,
    /// The item is live but its meeting or project is in the trash.
    pub parent_trashed: bool,
}

/// One query per kind: (project id, meeting id, own deleted_at, parents' deleted_at).
fn locate_sql(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Project => {
            "SELECT t.id, NULL, t.deleted_at, NULL FROM projects t WHERE t.id = ?1"
        }
        EntityKind::Organisation => {
            "SELECT NULL, NULL, t.deleted_at, NULL FROM organisations t WHERE t.id = ?1"
        }
        EntityKind::Person => "SELECT NULL, NULL, t.deleted_at, NULL FROM people t WHERE t.id = ?1",
        EntityKind::Milestone => {
            "SELECT p.id, NULL, t.deleted_at, p.deleted_at
             FROM milestones t JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::Meeting => {
            "SELECT p.id, t.id, t.deleted_at, p.deleted_at
             FROM meetings t JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::AgendaItem => {
            "SELECT p.id, m.id, t.deleted_at, coalesce(m.deleted_at, p.deleted_at)
             FROM agenda_items t JOIN meetings m ON m.id = t.meeting_id
             JOIN projects p ON p.id = m.project_id WHERE t.id = ?1"
        }
        EntityKind::Need => {
            "SELECT p.id, NULL, t.deleted_at, p.deleted_at
             FROM needs t JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::Suggestion => {
            "SELECT p.id, t.meeting_id, t.deleted_at, p.deleted_at
             FROM suggestions t JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::Lesson => {
            "SELECT p.id, NULL, t.deleted_at, p.deleted_at
             FROM lessons t LEFT JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::Note => {
            "SELECT p.id, m.id, t.deleted_at, coalesce(m.deleted_at, p.deleted_at)
             FROM notes t JOIN meetings m ON m.id = t.meeting_id
             JOIN projects p ON p.id = m.project_id WHERE t.id = ?1"
        }
        // A decision or action whose meeting is in the trash still lives in its project.
        EntityKind::Decision => {
            "SELECT p.id, CASE WHEN m.deleted_at IS NULL THEN m.id END, t.deleted_at,
                    p.deleted_at
             FROM decisions t JOIN projects p ON p.id = t.project_id
             LEFT JOIN meetings m ON m.id = t.meeting_id WHERE t.id = ?1"
        }
        EntityKind::ActionItem => {
            "SELECT p.id, CASE WHEN m.deleted_at IS NULL THEN m.id END, t.deleted_at,
                    p.deleted_at
             FROM action_items t JOIN projects p ON p.id = t.project_id
             LEFT JOIN meetings m ON m.id = t.meeting_id WHERE t.id = ?1"
        }
        EntityKind::Question => {
            "SELECT p.id, m.id, t.deleted_at, coalesce(m.deleted_at, p.deleted_at)
             FROM questions t JOIN meetings m ON m.id = t.meeting_id
             JOIN projects p ON p.id = m.project_id WHERE t.id = ?1"
        }
        // An entry given in a meeting that is now in the trash still lives in its project.
        EntityKind::Information => {
            "SELECT p.id, NULL, t.deleted_at, p.deleted_at
             FROM information_items t JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::Interest => {
            "SELECT p.id, NULL, t.deleted_at, p.deleted_at
             FROM interests t JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::Round => {
            "SELECT p.id, NULL, t.deleted_at, p.deleted_at
             FROM dialogue_rounds t JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::RoundQuestion => {
            "SELECT p.id, NULL, t.deleted_at, coalesce(r.deleted_at, p.deleted_at)
             FROM round_questions t JOIN dialogue_rounds r ON r.id = t.round_id
             JOIN projects p ON p.id = r.project_id WHERE t.id = ?1"
        }
    }
}

impl Store {
    /// Where `item` lives; `NotFound` when there is no such row.
    pub fn locate(&self, item: EntityRef) -> Result<Location> {
        let mut stmt = self.conn.prepare_cached(locate_sql(item.kind))?;
        stmt.query_row([item.id], |r| {
            Ok(Location {
                project_id: r.get(0)?,
                meeting_id: r.get(1)?,
                trashed: r.get::<_, Option<String>>(2)?.is_some(),
                parent_trashed: r.get::<_, Option<String>>(3)?.is_some(),
            })
        })
        .optional()?
        .ok_or(StoreError::NotFound)
    }
}
