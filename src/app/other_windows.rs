//! Following other windows: when another window (or a command) has committed to the
//! store, the list shown here is read again on the next tick, so that it never goes on
//! showing what is no longer there. Checked at most once a `CHECK_EVERY` (one `PRAGMA
//! data_version`, a few microseconds).
//!
//! Only where the cursor can stay on its row: the portfolio, the actions screen, the
//! lessons library, the directory and an organisation's page. A write elsewhere may
//! add or remove rows above the cursor; the row it was on is selected again by id
//! (its place counted in SQL), so that the next key acts on the row the user sees, not
//! on whichever row took its number. Other screens are read again when the user comes
//! back to them, as before. Never while a form, the note editor, a filter being typed
//! or an overlay is open: what the user is working in is not pulled from under them
//! (their saves detect changes by version, see `conflicts`); the screen catches up as
//! soon as they close it.

use std::time::{Duration, Instant};

use super::{App, DirectoryTab, Screen};
use crate::domain::{EntityKind, EntityRef};

/// How often the store is asked whether another window has written.
pub const CHECK_EVERY: Duration = Duration::from_secs(1);

/// The store's `data_version` when this window last showed what was there, and when
/// that was checked.
#[derive(Debug, Default)]
pub(super) struct Followed {
    version: Option<i64>,
    checked: Option<Instant>,
}

/// The row under the cursor of a screen that follows other windows.
enum Selected {
    Project(i64),
    Action(i64),
    Lesson(i64),
    Directory(EntityRef),
    /// A screen that follows, with nothing (readable) selected.
    Nothing,
}

impl App {
    /// Reads the screen again if another window has written since it was read.
    pub(super) fn follow_other_windows(&mut self, now: Instant) {
        let due = (self.followed.checked).is_none_or(|at| now.duration_since(at) >= CHECK_EVERY);
        if !due || self.busy_with_something() {
            return;
        }
        let Some(selected) = self.selected_to_follow() else {
            return;
        };
        self.followed.checked = Some(now);
        let Ok(version) = self.store.data_version() else {
            return;
        };
        let seen = self.followed.version.replace(version);
        if seen.is_some_and(|seen| seen != version) {
            self.refresh();
            self.select_again(selected);
        }
    }

    /// Notes the store as this window has just read it.
    pub(super) fn saw_the_store(&mut self) {
        self.followed.version = self.store.data_version().ok();
    }

    /// A form, the note editor, a filter being typed or an overlay is open.
    fn busy_with_something(&self) -> bool {
        self.overlay.is_some()
            || self.form.is_some()
            || self.editor.is_some()
            || self.filter_input().is_some()
    }

    /// The row under the cursor, on a screen that follows other windows; `None` on
    /// the others.
    fn selected_to_follow(&self) -> Option<Selected> {
        let id = |id: Option<i64>, selected: fn(i64) -> Selected| {
            Some(id.map_or(Selected::Nothing, selected))
        };
        match self.screen() {
            Screen::Portfolio => id(self.portfolio.selected().map(|p| p.id), Selected::Project),
            Screen::Actions => id(self.actions.selected().map(|a| a.id), Selected::Action),
            Screen::Lessons => id(self.library.selected().map(|l| l.id), Selected::Lesson),
            Screen::Directory => {
                let d = &self.directory;
                let item = match d.tab {
                    DirectoryTab::Organisations => (d.selected_organisation())
                        .map(|o| EntityRef::new(EntityKind::Organisation, o.id)),
                    DirectoryTab::People => {
                        (d.selected_person()).map(|p| EntityRef::new(EntityKind::Person, p.id))
                    }
                };
                Some(item.map_or(Selected::Nothing, Selected::Directory))
            }
            Screen::Organisation { .. } => Some(Selected::Nothing),
            _ => None,
        }
    }

    /// Puts the cursor back on the row it was on, where the list still shows it (else
    /// it keeps its row number, as after any reading again).
    fn select_again(&mut self, selected: Selected) {
        match selected {
            Selected::Project(id) => {
                self.select_project(id);
            }
            Selected::Action(id) => {
                self.select_action(id);
            }
            Selected::Lesson(id) => {
                self.select_library_lesson(id);
            }
            Selected::Directory(item) => {
                self.select_in_directory(item);
            }
            Selected::Nothing => {}
        }
    }
}
