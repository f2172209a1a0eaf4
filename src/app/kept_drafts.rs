//! On start: text that an earlier run could not store (it is in draft files, see
//! `draft_files`) goes back where it belongs. A note's text is written into the note
//! if the note is still at the version the text was typed over; a note changed since
//! (or a file that does not say) opens in the editor with the conflict choice, never
//! written over. A form's draft goes to the store's drafts, offered when that form is
//! opened again (it names its row's version, so its save is checked like any other).

use super::{App, Screen};
use crate::draft_files::Kept;
use crate::store::{NoteSaved, NoteTarget};
use crate::text;

/// What became of one kept note.
enum Given {
    /// In the store now.
    Saved,
    /// The note changed since the text was typed: the user must choose.
    Changed { note_id: i64, meeting_id: i64 },
    /// Not now (the store refuses, the note is gone): the file stays.
    Left,
}

impl App {
    /// Restores what the draft files hold and removes each file once its text is in
    /// the store. Files that cannot be restored (the store still refuses, the note is
    /// gone) stay where they are, and the status line says where. The first note
    /// changed since its text was kept opens in the editor with the conflict choice;
    /// any others wait in their files until their note is opened.
    pub fn restore_draft_files(&mut self) {
        let (mut notes, mut forms, mut left) = (0, 0, None);
        let mut changed = Vec::new();
        for found in self.dirs.drafts.found() {
            let restored = match &found.kept {
                Kept::Note {
                    uuid,
                    body,
                    version,
                } => match self.give_back_note(uuid, body, *version) {
                    Given::Saved => {
                        notes += 1;
                        true
                    }
                    Given::Changed {
                        note_id,
                        meeting_id,
                    } => {
                        changed.push((note_id, meeting_id));
                        continue;
                    }
                    Given::Left => false,
                },
                Kept::Form { key, payload } => {
                    let stored = self.store.save_draft(key, payload).is_ok();
                    forms += usize::from(stored);
                    stored
                }
            };
            if restored {
                let _ = std::fs::remove_file(&found.path);
            } else {
                left = found.path.parent().map(std::path::Path::to_path_buf);
            }
        }
        if let Some(folder) = left {
            self.error(text::drafts_left(&folder));
        } else if notes + forms > 0 {
            self.info(text::drafts_restored(notes, forms));
        }
        if let Some(&(note_id, meeting_id)) = changed.first() {
            self.show(Screen::Meeting { id: meeting_id });
            // Opens with the kept text, finds the version moved on, and asks.
            self.open_editor(note_id);
            if changed.len() > 1 {
                self.error(text::kept_notes_changed(changed.len()));
            }
        }
    }

    /// Writes a kept note's text if its note is still at `version` and live.
    fn give_back_note(&mut self, uuid: &str, body: &str, version: Option<i64>) -> Given {
        let Ok(Some((note, current))) = self.store.note_by_uuid(uuid) else {
            return Given::Left;
        };
        if note.body == body {
            return Given::Saved;
        }
        let changed = Given::Changed {
            note_id: note.id,
            meeting_id: note.meeting_id,
        };
        if version != Some(current) {
            return changed;
        }
        let target = NoteTarget {
            uuid: note.uuid,
            meeting_id: note.meeting_id,
            agenda_item_id: note.agenda_item_id,
            confidentiality: note.confidentiality,
            version: current,
        };
        match self.store.save_note_text(&target, body) {
            Ok(NoteSaved::Saved { .. } | NoteSaved::Recreated { .. }) => Given::Saved,
            // Trashed elsewhere: "keep mine" brings it back, if the user wants it.
            Ok(NoteSaved::Changed) => changed,
            Err(_) => Given::Left,
        }
    }
}
