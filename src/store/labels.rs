//! The confidentiality label of notes and outcomes: who may read them.
//!
//! New outcomes are created `internal` (the column's default, which leaks nothing); a
//! form or quick capture that chose another label sets it in the same transaction as
//! the create (`Store::atomically`).

use rusqlite::params;

use super::{Result, Store, StoreError, changed};
use crate::domain::{Confidentiality, EntityKind, TextEnum};

/// The table of each kind that carries a label; `None` for kinds that have none.
fn labelled_table(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Decision => Some("decisions"),
        EntityKind::ActionItem => Some("action_items"),
        EntityKind::Question => Some("questions"),
        EntityKind::Suggestion => Some("suggestions"),
        EntityKind::Need => Some("needs"),
        EntityKind::Note => Some("notes"),
        _ => None,
    }
}

impl Store {
    /// Relabels a note or an outcome.
    pub fn set_label(&mut self, kind: EntityKind, id: i64, c: Confidentiality) -> Result<()> {
        if kind == EntityKind::Note {
            return self.set_note_confidentiality(id, c);
        }
        let table = labelled_table(kind).ok_or(StoreError::NotFound)?;
        let now = self.now();
        changed(self.conn.execute(
            &format!("UPDATE {table} SET confidentiality = ?2, updated_at = ?3 WHERE id = ?1"),
            params![id, c.as_str(), now],
        )?)
    }

    /// Relabels one piece of a need's evidence (which may name people or suppliers).
    pub fn set_evidence_label(&mut self, id: i64, c: Confidentiality) -> Result<()> {
        let now = self.now();
        changed(self.conn.execute(
            "UPDATE need_evidence SET confidentiality = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, c.as_str(), now],
        )?)
    }
}
