//! On start: text that an earlier run could not store (it is in draft files, see
//! `draft_files`) goes back where it belongs. A note's text is written into the note;
//! a form's draft goes to the store's drafts, offered when that form is opened again.

use super::App;
use crate::draft_files::Kept;
use crate::text;

impl App {
    /// Restores what the draft files hold and removes each file once its text is in
    /// the store. Files that cannot be restored (the store still refuses, the note is
    /// gone) stay where they are, and the status line says where.
    pub fn restore_draft_files(&mut self) {
        let (mut notes, mut forms, mut left) = (0, 0, None);
        for found in self.dirs.drafts.found() {
            let restored = match &found.kept {
                Kept::Note { uuid, body } => {
                    let id = self.store.id_by_uuid("notes", uuid).ok().flatten();
                    let stored = id.is_some_and(|id| {
                        self.store.note(id).is_ok_and(|n| n.body == *body)
                            || self.store.update_note_body(id, body).is_ok()
                    });
                    notes += usize::from(stored);
                    stored
                }
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
    }
}
