//! The agenda and week view's meetings: every meeting of the days shown light (its
//! place in time, for the cursor, the days' columns and overlaps), and whole rows only
//! for those around the cursor and, in the week view, at the top of each day. A busy
//! fortnight costs a screenful of rows, not thousands.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::screens::{AGENDA_DAY_HEAD, AGENDA_WINDOW};
use super::{AgendaMode, App};
use crate::domain::AgendaSlot;
use crate::domain::{Clock, MeetingStatus};

/// The ids of slots that share time with another one in `slots`, in one pass over them
/// by start: a meeting shares time with an earlier one when the latest end so far is
/// after its start, and with a later one when the next start is before its end (a busy
/// fortnight has thousands of meetings that each overlap dozens).
pub fn overlapping_slot_ids(slots: &[AgendaSlot]) -> HashSet<i64> {
    let mut live: Vec<&AgendaSlot> = slots
        .iter()
        .filter(|s| s.status != MeetingStatus::Cancelled)
        .collect();
    live.sort_by_key(|s| (s.start, s.id));
    let mut ids = HashSet::new();
    let mut latest_end = None;
    for (i, a) in live.iter().enumerate() {
        let with_earlier = latest_end.is_some_and(|end| end > a.start);
        let with_later = live.get(i + 1).is_some_and(|b| b.start < a.end);
        if with_earlier || with_later {
            ids.insert(a.id);
        }
        latest_end = latest_end.max(Some(a.end));
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone, Utc};

    /// Every pair tried: what the one pass must agree with.
    fn pairwise(slots: &[AgendaSlot]) -> HashSet<i64> {
        let mut ids = HashSet::new();
        for a in slots {
            for b in slots {
                if a.overlaps(b) {
                    ids.insert(a.id);
                }
            }
        }
        ids
    }

    #[test]
    fn one_pass_finds_the_overlaps_every_pair_would() {
        let base = Utc.with_ymd_and_hms(2026, 12, 7, 8, 0, 0).unwrap();
        // A small generator (no randomness needed): starts in quarter hours, lengths of
        // 15 minutes to 8 hours, every seventh cancelled, ties in start included.
        for seed in 1..40u64 {
            let mut x = seed;
            let mut next = || {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                x >> 33
            };
            let mut slots: Vec<AgendaSlot> = (0..60)
                .map(|id| {
                    let start = base + Duration::minutes(15 * (next() % 200) as i64);
                    let status = if next() % 7 == 0 {
                        MeetingStatus::Cancelled
                    } else {
                        MeetingStatus::Planned
                    };
                    AgendaSlot {
                        id,
                        start,
                        end: start + Duration::minutes(15 * (1 + (next() % 32) as i64)),
                        status,
                    }
                })
                .collect();
            slots.sort_by_key(|s| (s.start, s.id));
            assert_eq!(
                overlapping_slot_ids(&slots),
                pairwise(&slots),
                "seed {seed}"
            );
        }
    }

    #[test]
    fn a_cancelled_meeting_overlaps_nothing_and_touching_ones_do_not_overlap() {
        let at = |h| Utc.with_ymd_and_hms(2026, 12, 7, h, 0, 0).unwrap();
        let slot = |id, from, to, status| AgendaSlot {
            id,
            start: at(from),
            end: at(to),
            status,
        };
        let slots = [
            slot(1, 8, 10, MeetingStatus::Planned),
            slot(2, 9, 11, MeetingStatus::Cancelled),
            slot(3, 10, 12, MeetingStatus::Held),
            slot(4, 11, 13, MeetingStatus::Planned),
        ];
        assert_eq!(overlapping_slot_ids(&slots), HashSet::from([3, 4]));
    }
}
