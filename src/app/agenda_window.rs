//! The agenda and week view's meetings: every meeting of the days shown light (its
//! place in time, for the cursor, the days' columns and overlaps), and whole rows only
//! for those around the cursor and, in the week view, at the top of each day. A busy
//! fortnight costs a screenful of rows, not thousands.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::screens::{AGENDA_DAY_HEAD, AGENDA_WINDOW};
use super::{AgendaMode, App};
use crate::domain::Clock;
use crate::store::AgendaSlot;

/// The ids of slots that share time with another one in `slots` (in start order).
pub fn overlapping_slot_ids(slots: &[AgendaSlot]) -> HashSet<i64> {
    let mut ids = HashSet::new();
    for (i, a) in slots.iter().enumerate() {
        for b in slots[i + 1..].iter().take_while(|b| b.start < a.end) {
            if a.overlaps(b) {
                ids.insert(a.id);
                ids.insert(b.id);
            }
        }
    }
    ids
}

/// The day a slot shows on: the day it starts, or `first` for one that started before.
pub fn slot_day(clock: &Clock, slot: &AgendaSlot, first: NaiveDate) -> NaiveDate {
    clock.local(slot.start).date().max(first)
}

impl App {
    /// Reads whole the rows the view shows that are not read yet: those around the
    /// cursor and, in the week view with `day_heads`, the first of each day.
    pub(super) fn load_agenda_rows(&mut self, day_heads: bool) {
        // A row deleted meanwhile or that cannot be read whole leaves the slots; the
        // places after it move, so the rows are then sought again (at most once a row).
        loop {
            let wanted = self.agenda_rows_wanted(day_heads);
            if wanted.is_empty() {
                return;
            }
            let view = &self.agenda;
            let ids: Vec<i64> = wanted.iter().map(|&at| view.slots[at].id).collect();
            let Some(listed) = self.report(self.store.meetings_by_ids(&ids)) else {
                return;
            };
            let mut read: HashMap<i64, _> = listed.rows.into_iter().map(|m| (m.id, m)).collect();
            let view = &mut self.agenda;
            let mut gone = Vec::new();
            for at in wanted {
                match read.remove(&view.slots[at].id) {
                    Some(meeting) => {
                        view.loaded.insert(at, meeting);
                    }
                    None => gone.push(view.slots[at].id),
                }
            }
            if gone.is_empty() {
                return;
            }
            let unreadable: HashSet<i64> = listed.unreadable.iter().map(|r| r.id).collect();
            view.slots.retain(|s| !gone.contains(&s.id));
            view.unreadable
                .extend(gone.iter().filter(|id| unreadable.contains(id)));
            view.loaded.clear();
            let len = view.len();
            view.cursor.clamp(len);
        }
    }

    /// Places in the slots to read: the window around the cursor, unless the rows next
    /// to the cursor are read already (a step of the cursor then reads nothing), and
    /// each day's first in the week view.
    fn agenda_rows_wanted(&self, day_heads: bool) -> Vec<usize> {
        let view = &self.agenda;
        let n = view.slots.len();
        if n == 0 {
            return Vec::new();
        }
        let at = view.cursor.selected.min(n - 1);
        let near = at.saturating_sub(AGENDA_WINDOW / 2)..(at + AGENDA_WINDOW / 2 + 1).min(n);
        let mut wanted: Vec<usize> = if near.clone().all(|i| view.loaded.contains_key(&i)) {
            Vec::new()
        } else {
            (at.saturating_sub(AGENDA_WINDOW)..(at + AGENDA_WINDOW + 1).min(n)).collect()
        };
        if day_heads
            && view.mode == AgendaMode::Week
            && let Some(first) = view.from
        {
            let clock = self.clock();
            let clock = &clock;
            let mut day = None;
            let mut on_day = 0;
            for (i, slot) in view.slots.iter().enumerate() {
                let d = slot_day(clock, slot, first);
                if day != Some(d) {
                    day = Some(d);
                    on_day = 0;
                }
                if on_day < AGENDA_DAY_HEAD {
                    wanted.push(i);
                }
                on_day += 1;
            }
        }
        wanted.sort_unstable();
        wanted.dedup();
        wanted.retain(|i| !view.loaded.contains_key(i));
        wanted
    }
}
