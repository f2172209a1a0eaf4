//! Saves that do not overwrite a change made elsewhere (two windows on one store).
//!
//! Every row a form or the note editor edits carries a `version` that a trigger moves
//! on with each change, whoever makes it (migration 0007). A form remembers the version
//! it loaded and saves through `save_if_unchanged`; the note editor addresses its note
//! by UUID and saves through `save_note_text`.

use rusqlite::{OptionalExtension, params};

use super::projects::enum_col;
use super::readable::read_optional;
use super::trash::table;
use super::{Result, Store, StoreError, found};
use crate::domain::{Confidentiality, EntityKind, Note, TextEnum};

/// How long an empty note is left alone: another window may have just created it and
/// not yet written its first keystroke.
const EMPTY_NOTE_GRACE: chrono::Duration = chrono::Duration::days(1);

/// The note an editor writes to: found by its UUID in its own meeting, never by a row
/// id alone. The block and label are what it is made again with if its row is gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteTarget {
    pub uuid: String,
    pub meeting_id: i64,
    pub agenda_item_id: Option<i64>,
    pub confidentiality: Confidentiality,
    /// The version the editor's text was based on.
    pub version: i64,
}

/// What became of an editor's save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteSaved {
    /// Written; the note is now at `version`.
    Saved { version: i64 },
    /// The note's row was gone (purged elsewhere): it was made again from the editor's
    /// text in its own meeting, with its label, as row `id`.
    Recreated { id: i64, version: i64 },
    /// The note changed elsewhere (text, label, block, or it was trashed) since the
    /// editor loaded it: nothing was written.
    Changed,
}

impl Store {
    /// A row's current version.
    pub fn version(&self, kind: EntityKind, id: i64) -> Result<i64> {
        found(self.conn.query_row(
            &format!("SELECT version FROM {} WHERE id = ?1", table(kind)),
            [id],
            |r| r.get(0),
        ))
    }

    /// Runs `save` (an update of row `id`) only if the row is still at version
    /// `expected`, all under the write lock so that no other writer comes in between
    /// (the same as `UPDATE … WHERE id = ? AND version = ?`, for saves of several
    /// statements). A row at another version is `StoreError::Changed` and nothing is
    /// written; an error from `save` rolls everything back. Returns what `save` gave
    /// and the row's new version.
    pub fn save_if_unchanged<T, E: From<StoreError>>(
        &mut self,
        kind: EntityKind,
        id: i64,
        expected: i64,
        save: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<(T, i64), E> {
        self.atomically_or(|s| {
            if s.version(kind, id)? != expected {
                return Err(StoreError::Changed.into());
            }
            let saved = save(s)?;
            Ok((saved, s.version(kind, id)?))
        })
    }

    /// `atomically` for work whose errors are the caller's own type: any error rolls
    /// everything back and comes back as it was.
    pub fn atomically_or<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut outcome = None;
        let written = self.atomically(|s| match work(s) {
            Ok(v) => {
                outcome = Some(Ok(v));
                Ok(())
            }
            Err(e) => {
                outcome = Some(Err(e));
                // Any error rolls back; the caller gets `work`'s own.
                Err(StoreError::NotFound)
            }
        });
        match (outcome, written) {
            (Some(Err(e)), _) => Err(e),
            (_, Err(e)) => Err(e.into()),
            (Some(Ok(v)), Ok(())) => Ok(v),
            (None, Ok(())) => unreachable!("committed work has an outcome"),
        }
    }

    /// A note by UUID with its version, trashed or not.
    pub fn note_by_uuid(&self, uuid: &str) -> Result<Option<(Note, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, uuid, meeting_id, agenda_item_id, body, confidentiality,
                    created_at, updated_at, version FROM notes WHERE uuid = ?1",
        )?;
        read_optional(&mut stmt, [uuid], "notes", |r| {
            let note = Note {
                id: r.get(0)?,
                uuid: r.get(1)?,
                meeting_id: r.get(2)?,
                agenda_item_id: r.get(3)?,
                body: r.get(4)?,
                confidentiality: enum_col(r, 5)?,
                created_at: r.get(6)?,
                updated_at: r.get(7)?,
            };
            Ok((note, r.get(8)?))
        })
    }

    /// The editor's save: `UPDATE … WHERE uuid = ? AND meeting_id = ? AND version = ?`
    /// on a live note. A row that is gone is made again from `body` in the editor's own
    /// meeting with its label (and its block, if that block is still there); a row that
    /// changed elsewhere is left alone. It never writes into any other row.
    pub fn save_note_text(&mut self, target: &NoteTarget, body: &str) -> Result<NoteSaved> {
        let now = self.now();
        let tx = super::write_tx(&mut self.conn)?;
        let written = tx.execute(
            "UPDATE notes SET body = ?4, updated_at = ?5, version = version + 1
             WHERE uuid = ?1 AND meeting_id = ?2 AND version = ?3 AND deleted_at IS NULL",
            params![target.uuid, target.meeting_id, target.version, body, now],
        )?;
        let outcome = if written == 1 {
            NoteSaved::Saved {
                version: target.version + 1,
            }
        } else if exists(&tx, &target.uuid)? {
            NoteSaved::Changed
        } else {
            let id = insert_again(&tx, target, body, &now)?;
            NoteSaved::Recreated { id, version: 1 }
        };
        tx.commit()?;
        Ok(outcome)
    }

    /// "Keep mine": writes `body` over whatever the note holds now (taking it out of
    /// the trash if it was put there elsewhere), or makes it again if its row is gone.
    /// Returns the note's row id and new version.
    pub fn overwrite_note_text(&mut self, target: &NoteTarget, body: &str) -> Result<(i64, i64)> {
        let now = self.now();
        let tx = super::write_tx(&mut self.conn)?;
        let existing: Option<(i64, i64)> = tx
            .query_row(
                "UPDATE notes SET body = ?3, updated_at = ?4, deleted_at = NULL,
                    version = version + 1
                 WHERE uuid = ?1 AND meeting_id = ?2 RETURNING id, version",
                params![target.uuid, target.meeting_id, body, now],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let saved = match existing {
            Some(saved) => saved,
            // A UUID held by a row in another meeting makes the insert fail: the text
            // then stays in the editor and its draft file, never in that row.
            None => (insert_again(&tx, target, body, &now)?, 1),
        };
        tx.commit()?;
        Ok(saved)
    }

    /// Sets the label of the editor's note if it is still at `version`; returns the
    /// new version, or `StoreError::Changed`.
    pub fn set_note_label_if_unchanged(
        &mut self,
        target: &NoteTarget,
        to: Confidentiality,
    ) -> Result<i64> {
        let now = self.now();
        let written = self.conn.execute(
            "UPDATE notes SET confidentiality = ?4, updated_at = ?5, version = version + 1
             WHERE uuid = ?1 AND meeting_id = ?2 AND version = ?3 AND deleted_at IS NULL",
            params![
                target.uuid,
                target.meeting_id,
                target.version,
                to.as_str(),
                now
            ],
        )?;
        if written == 1 {
            Ok(target.version + 1)
        } else {
            Err(StoreError::Changed)
        }
    }

    /// Removes the note `uuid` if it holds no text: an editor closed on a new note
    /// without writing anything. Text typed into it elsewhere keeps it.
    pub fn delete_note_if_empty(&mut self, uuid: &str) -> Result<bool> {
        Ok(self.conn.execute(
            "DELETE FROM notes WHERE uuid = ?1 AND trim(body, ' ' || char(9, 10, 13)) = ''",
            [uuid],
        )? > 0)
    }

    /// Tidies away a meeting's empty notes that a stopped process left behind, but
    /// never one another window may be filling: only the notes in `own` (made by this
    /// process) and empty notes untouched for more than a day. Returns how many went.
    pub fn purge_empty_notes(&mut self, meeting_id: i64, own: &[String]) -> Result<usize> {
        let cutoff = (self.clock.now() - EMPTY_NOTE_GRACE)
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        let own = serde_json::to_string(own).expect("strings serialise");
        Ok(self.conn.execute(
            "DELETE FROM notes
             WHERE meeting_id = ?1 AND trim(body, ' ' || char(9, 10, 13)) = ''
               AND (updated_at < ?2 OR uuid IN (SELECT value FROM json_each(?3)))",
            params![meeting_id, cutoff, own],
        )?)
    }
}

fn exists(conn: &rusqlite::Connection, uuid: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM notes WHERE uuid = ?1)",
        [uuid],
        |r| r.get(0),
    )?)
}

/// Makes a note again under its own UUID, in its own meeting, with its label; its
/// block only if that block is still live in the same meeting.
fn insert_again(
    conn: &rusqlite::Connection,
    target: &NoteTarget,
    body: &str,
    now: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO notes (uuid, meeting_id, agenda_item_id, body, confidentiality,
            created_at, updated_at)
         VALUES (?1, ?2, (SELECT id FROM agenda_items
                          WHERE id = ?3 AND meeting_id = ?2 AND deleted_at IS NULL),
                 ?4, ?5, ?6, ?6)",
        params![
            target.uuid,
            target.meeting_id,
            target.agenda_item_id,
            body,
            target.confidentiality.as_str(),
            now
        ],
    )?;
    Ok(conn.last_insert_rowid())
}
