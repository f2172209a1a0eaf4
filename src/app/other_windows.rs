//! Following other windows: when another window (or a command) has committed to the
//! store, the screen shown here is read again on the next tick, so that a list or a
//! page never goes on showing what is no longer there. Checked at most once a
//! `CHECK_EVERY` (one `PRAGMA data_version`, a few microseconds), and never while a
//! form, the note editor, a filter being typed or an overlay is open: what the user is
//! working in is not pulled from under them (their saves detect changes by version,
//! see `conflicts`); the screen catches up as soon as they close it.

use std::time::{Duration, Instant};

use super::App;

/// How often the store is asked whether another window has written.
pub const CHECK_EVERY: Duration = Duration::from_secs(1);

/// The store's `data_version` when this window last showed what was there, and when
/// that was checked.
#[derive(Debug, Default)]
pub(super) struct Followed {
    version: Option<i64>,
    checked: Option<Instant>,
}

impl App {
    /// Reads the screen again if another window has written since it was read.
    pub(super) fn follow_other_windows(&mut self, now: Instant) {
        let due = (self.followed.checked).is_none_or(|at| now.duration_since(at) >= CHECK_EVERY);
        if !due || self.busy_with_something() {
            return;
        }
        self.followed.checked = Some(now);
        let Ok(version) = self.store.data_version() else {
            return;
        };
        let seen = self.followed.version.replace(version);
        if seen.is_some_and(|seen| seen != version) {
            self.refresh();
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
}
