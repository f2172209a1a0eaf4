//! Moving a demo bundle from the day it was written for (its anchor) to today.
//!
//! Every date and time moves by the same number of days, so that what was overdue,
//! due today or next week stays so. Times in a demo bundle are wall-clock times (written
//! with a `Z`, as if the zone were UTC); they become instants in the store's zone here,
//! so that a nine o'clock meeting is at nine wherever the store is. Then:
//!
//! - a meeting that lands on a day off (a weekend or a Swedish public holiday) moves
//!   to the nearest working day — a Saturday back to the Friday, a Sunday or a holiday
//!   forward — keeping its time of day and length, but never across now: a meeting
//!   that was over stays over, one still to come stays to come. What hangs on the
//!   meeting (its agenda, participants, notes, questions, notes history, exports and
//!   decisions) moves with it;
//! - no record is stamped later than now (a row created "today at noon" in the anchor's
//!   day is created "now" when the demo is loaded in the morning).
//!
//! Pure: a bundle and a clock in, a bundle out.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, Weekday};

use crate::bundle::{self, Bundle, Date, Timestamp};
use crate::domain::Clock;
use crate::domain::holidays::{is_day_off, working_day};

const STAMP: &str = "%Y-%m-%dT%H:%M:%SZ";
const DAY: &str = "%Y-%m-%d";

/// `bundle` written for `anchor`, moved to the clock's today and zone.
pub fn shift(bundle: &Bundle, anchor: NaiveDate, clock: &Clock) -> Bundle {
    let s = Shifter {
        days: (clock.today() - anchor).num_days(),
        clock,
        local_now: clock.local(clock.now()),
    };
    let mut b = bundle.clone();
    b.exported_at = s.stamp(&b.exported_at, 0);

    // Meetings first: how far each one moved off a day off.
    let extras = s.meeting_moves(&b.meetings);
    let mut moved: HashMap<String, i64> = HashMap::new();
    for (m, extra) in b.meetings.iter_mut().zip(extras) {
        if extra != 0 {
            moved.insert(m.uuid.0.clone(), extra);
        }
        m.start_at = s.event(&m.start_at, extra);
        m.end_at = s.event(&m.end_at, extra);
        s.record(
            &mut m.created_at,
            &mut m.updated_at,
            &mut m.deleted_at,
            extra,
        );
    }
    let extra_of = |meeting: &str| moved.get(meeting).copied().unwrap_or(0);

    for o in &mut b.organisations {
        s.record(&mut o.created_at, &mut o.updated_at, &mut o.deleted_at, 0);
    }
    for p in &mut b.people {
        s.record(&mut p.created_at, &mut p.updated_at, &mut p.deleted_at, 0);
    }
    for p in &mut b.projects {
        p.start_date = s.date_opt(&p.start_date, 0);
        p.end_date = s.date_opt(&p.end_date, 0);
        if let Some(t) = &p.last_reviewed_at {
            p.last_reviewed_at = Some(s.stamp(t, 0));
        }
        s.record(&mut p.created_at, &mut p.updated_at, &mut p.deleted_at, 0);
    }
    for m in &mut b.milestones {
        m.due_date = s.date_opt(&m.due_date, 0);
        m.done_date = s.date_opt(&m.done_date, 0);
        s.record(&mut m.created_at, &mut m.updated_at, &mut m.deleted_at, 0);
    }
    for a in &mut b.agenda_items {
        let extra = extra_of(&a.meeting.0);
        s.record(
            &mut a.created_at,
            &mut a.updated_at,
            &mut a.deleted_at,
            extra,
        );
    }
    for a in &mut b.attendance {
        let extra = extra_of(&a.meeting.0);
        s.record(&mut a.created_at, &mut a.updated_at, &mut None, extra);
    }
    for n in &mut b.needs {
        s.record(&mut n.created_at, &mut n.updated_at, &mut n.deleted_at, 0);
    }
    for e in &mut b.need_evidence {
        s.record(&mut e.created_at, &mut e.updated_at, &mut None, 0);
    }
    for c in &mut b.need_status_changes {
        c.changed_at = s.stamp(&c.changed_at, 0);
    }
    for x in &mut b.suggestions {
        x.decision_date = s.date_opt(&x.decision_date, 0);
        s.record(&mut x.created_at, &mut x.updated_at, &mut x.deleted_at, 0);
    }
    for l in &mut b.lessons {
        s.record(&mut l.created_at, &mut l.updated_at, &mut l.deleted_at, 0);
    }
    for n in &mut b.notes {
        let extra = extra_of(&n.meeting.0);
        s.record(
            &mut n.created_at,
            &mut n.updated_at,
            &mut n.deleted_at,
            extra,
        );
    }
    for d in &mut b.decisions {
        let extra = d.meeting.as_ref().map_or(0, |m| extra_of(&m.0));
        d.decided_on = s.date(&d.decided_on, extra);
        s.record(
            &mut d.created_at,
            &mut d.updated_at,
            &mut d.deleted_at,
            extra,
        );
    }
    for a in &mut b.action_items {
        a.due_date = s.date_opt(&a.due_date, 0);
        a.done_date = s.date_opt(&a.done_date, 0);
        s.record(&mut a.created_at, &mut a.updated_at, &mut a.deleted_at, 0);
    }
    for q in &mut b.questions {
        let extra = extra_of(&q.meeting.0);
        s.record(
            &mut q.created_at,
            &mut q.updated_at,
            &mut q.deleted_at,
            extra,
        );
    }
    for c in &mut b.notes_status_changes {
        c.changed_at = s.stamp(&c.changed_at, extra_of(&c.meeting.0));
    }
    for e in &mut b.exports {
        e.exported_at = s.stamp(&e.exported_at, extra_of(&e.meeting.0));
    }
    // Information given in a meeting moves with it; made available to all no earlier.
    for i in &mut b.information_items {
        let extra = i.meeting.as_ref().map_or(0, |m| extra_of(&m.0));
        i.given_on = s.date(&i.given_on, extra);
        i.shared_on = s
            .date_opt(&i.shared_on, 0)
            .map(|d| d.max(i.given_on.clone()));
        s.record(
            &mut i.created_at,
            &mut i.updated_at,
            &mut i.deleted_at,
            extra,
        );
    }
    for r in &mut b.meeting_registrations {
        let extra = extra_of(&r.meeting.0);
        r.registered_on = s.date(&r.registered_on, extra);
        r.created_at = s.stamp(&r.created_at, extra);
        r.updated_at = s.stamp(&r.updated_at, extra);
    }
    for i in &mut b.interests {
        i.declared_on = s.date_opt(&i.declared_on, 0);
        s.record(&mut i.created_at, &mut i.updated_at, &mut i.deleted_at, 0);
    }
    // Dialogue rounds; an answer given in a meeting moves with it.
    for r in &mut b.dialogue_rounds {
        s.record(&mut r.created_at, &mut r.updated_at, &mut r.deleted_at, 0);
    }
    for q in &mut b.round_questions {
        s.record(&mut q.created_at, &mut q.updated_at, &mut q.deleted_at, 0);
    }
    for r in &mut b.round_suppliers {
        s.record(&mut r.created_at, &mut r.updated_at, &mut None, 0);
    }
    for a in &mut b.round_answers {
        let extra = a.meeting.as_ref().map_or(0, |m| extra_of(&m.0));
        s.record(&mut a.created_at, &mut a.updated_at, &mut None, extra);
    }
    b
}

struct Shifter<'c> {
    /// Today − anchor.
    days: i64,
    clock: &'c Clock,
    /// Now as a wall-clock time where the store is.
    local_now: NaiveDateTime,
}

impl Shifter<'_> {
    /// A wall-clock time moved by the shift and `extra` days, not yet converted.
    fn local(&self, t: &Timestamp, extra: i64) -> Option<NaiveDateTime> {
        let t = NaiveDateTime::parse_from_str(t.as_str(), STAMP).ok()?;
        Some(plus_days(t, self.days + extra))
    }

    /// The wall-clock time as an instant in the store's zone. A time skipped by the
    /// change to summer time is taken as UTC rather than failing the load.
    fn instant(&self, local: NaiveDateTime) -> Timestamp {
        let utc = self.clock.to_utc(local).unwrap_or_else(|_| local.and_utc());
        Timestamp(utc.format(STAMP).to_string())
    }

    /// When something happens (a meeting's start and end): may be in the future.
    fn event(&self, t: &Timestamp, extra: i64) -> Timestamp {
        match self.local(t, extra) {
            Some(local) => self.instant(local),
            None => t.clone(),
        }
    }

    /// When something was recorded: never later than now.
    fn stamp(&self, t: &Timestamp, extra: i64) -> Timestamp {
        match self.local(t, extra) {
            Some(local) => self.instant(local.min(self.local_now)),
            None => t.clone(),
        }
    }

    fn record(
        &self,
        created: &mut Timestamp,
        updated: &mut Timestamp,
        deleted: &mut Option<Timestamp>,
        extra: i64,
    ) {
        *created = self.stamp(created, extra);
        *updated = self.stamp(updated, extra);
        if let Some(d) = deleted.as_mut() {
            *d = self.stamp(d, extra);
        }
    }

    fn date(&self, d: &Date, extra: i64) -> Date {
        match NaiveDate::parse_from_str(d.as_str(), DAY) {
            Ok(day) => Date(
                plus_days_date(day, self.days + extra)
                    .format(DAY)
                    .to_string(),
            ),
            Err(_) => d.clone(),
        }
    }

    fn date_opt(&self, d: &Option<Date>, extra: i64) -> Option<Date> {
        d.as_ref().map(|d| self.date(d, extra))
    }

    /// How many days each meeting moves to stay off days off. A meeting on a day off
    /// goes to the nearest working day — a Saturday back first, a Sunday or a holiday
    /// forward first — that keeps it on the same side of now (over, or still to come)
    /// and, where it can, does not make it overlap a meeting it did not overlap before.
    fn meeting_moves(&self, meetings: &[bundle::Meeting]) -> Vec<i64> {
        let span =
            |m: &bundle::Meeting| Some((self.local(&m.start_at, 0)?, self.local(&m.end_at, 0)?));
        let spans: Vec<Option<(NaiveDateTime, NaiveDateTime)>> =
            meetings.iter().map(span).collect();
        let counts = |m: &bundle::Meeting| m.status != "cancelled" && m.deleted_at.is_none();
        let overlap = |a: (NaiveDateTime, NaiveDateTime), b: (NaiveDateTime, NaiveDateTime)| {
            a.0 < b.1 && b.0 < a.1
        };
        let mut extras = vec![0; meetings.len()];
        // Where each meeting ends up; movers are placed one by one.
        let mut placed: Vec<Option<(NaiveDateTime, NaiveDateTime)>> = spans
            .iter()
            .map(|sp| sp.filter(|(start, _)| !is_day_off(start.date())))
            .collect();
        for (i, m) in meetings.iter().enumerate() {
            let Some((start, end)) = spans[i] else {
                continue;
            };
            let day = start.date();
            if !is_day_off(day) {
                continue;
            }
            let was_over = start < self.local_now;
            let forward_first = day.weekday() != Weekday::Sat;
            let mut candidates = Vec::new();
            let (mut ahead, mut back) = (day, day);
            for _ in 0..5 {
                ahead = working_day(plus_days_date(ahead, 1), true);
                back = working_day(plus_days_date(back, -1), false);
                let (first, second) = if forward_first {
                    (ahead, back)
                } else {
                    (back, ahead)
                };
                candidates.extend([first, second]);
            }
            let at = |to: NaiveDate| {
                let d = (to - day).num_days();
                (d, (plus_days(start, d), plus_days(end, d)))
            };
            let keeps_side = |to: NaiveDate| (at(to).1.0 < self.local_now) == was_over;
            let free = |to: NaiveDate| {
                let here = at(to).1;
                meetings.iter().enumerate().all(|(j, other)| {
                    let (Some(there), Some(before)) = (placed[j], spans[j]) else {
                        return true;
                    };
                    j == i
                        || !counts(other)
                        || !counts(m)
                        || !overlap(here, there)
                        || overlap((start, end), before)
                })
            };
            let to = candidates
                .iter()
                .copied()
                .find(|&to| keeps_side(to) && free(to))
                .or_else(|| candidates.iter().copied().find(|&to| keeps_side(to)))
                .unwrap_or(candidates[0]);
            let (d, span) = at(to);
            extras[i] = d;
            placed[i] = Some(span);
        }
        extras
    }
}

fn plus_days(t: NaiveDateTime, days: i64) -> NaiveDateTime {
    t.date()
        .checked_add_signed(chrono::Duration::days(days))
        .map_or(t, |d| d.and_time(t.time()))
}

fn plus_days_date(d: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        d.checked_add_days(Days::new(days as u64)).unwrap_or(d)
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
            .unwrap_or(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{Scope, Uuid};
    use chrono::{TimeZone, Utc};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn ts(s: &str) -> Timestamp {
        Timestamp(s.into())
    }

    /// A bundle with one meeting (with one note written at its planning) at `start`–`end` and a project whose
    /// review and start date are given.
    fn one_meeting(start: &str, end: &str) -> Bundle {
        let mut b = Bundle::empty(Scope::All, ts("2026-11-26T12:00:00Z"));
        let project = Uuid("00000000-0000-4000-8000-000000000001".into());
        let meeting = Uuid("00000000-0000-4000-8000-000000000002".into());
        b.projects.push(bundle::Project {
            uuid: project.clone(),
            code: "P-1".into(),
            title: "P".into(),
            buyer: None,
            case_number: String::new(),
            subject: String::new(),
            goal: String::new(),
            phase: "initiation".into(),
            status: "active".into(),
            innovation_level: None,
            planned_procedure: String::new(),
            start_date: Some(Date("2026-11-02".into())),
            end_date: None,
            tags: vec![],
            last_reviewed_at: Some(ts("2026-11-20T08:15:00Z")),
            last_need_number: 0,
            created_at: ts("2026-10-01T09:00:00Z"),
            updated_at: ts("2026-11-26T12:00:00Z"),
            deleted_at: None,
        });
        b.meetings.push(bundle::Meeting {
            status_before_cancel: None,
            uuid: meeting.clone(),
            project,
            kind: "project_meeting".into(),
            title: "M".into(),
            purpose: String::new(),
            desired_outcome: String::new(),
            format: "digital".into(),
            location: String::new(),
            start_at: ts(start),
            end_at: ts(end),
            status: "planned".into(),
            notes_status: "none".into(),
            checklist: 0,
            created_at: ts("2026-11-02T10:00:00Z"),
            updated_at: ts("2026-11-02T10:00:00Z"),
            deleted_at: None,
        });
        b.notes.push(bundle::Note {
            uuid: Uuid("00000000-0000-4000-8000-000000000003".into()),
            meeting,
            agenda_item: None,
            body: "x".into(),
            confidentiality: "internal".into(),
            created_at: ts("2026-11-02T10:00:00Z"),
            updated_at: ts("2026-11-02T10:00:00Z"),
            deleted_at: None,
        });
        b
    }

    fn at(y: i32, m: u32, d: u32, h: u32) -> Clock {
        Clock::Fixed(Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap())
    }

    const ANCHOR: (i32, u32, u32) = (2026, 11, 26); // a Thursday

    fn anchor() -> NaiveDate {
        date(ANCHOR.0, ANCHOR.1, ANCHOR.2)
    }

    #[test]
    fn on_the_anchor_day_nothing_changes() {
        let b = one_meeting("2026-12-01T09:00:00Z", "2026-12-01T10:30:00Z");
        assert_eq!(shift(&b, anchor(), &at(2026, 11, 26, 12)), b);
    }

    #[test]
    fn dates_and_timestamps_move_by_the_same_days() {
        let b = one_meeting("2026-12-01T09:00:00Z", "2026-12-01T10:30:00Z");
        // Monday 7 December 2026: eleven days later. Tuesday 1 Dec becomes Saturday
        // 12 Dec, a day off in the future: back to Friday 11 Dec.
        let s = shift(&b, anchor(), &at(2026, 12, 7, 12));
        let p = &s.projects[0];
        assert_eq!(p.start_date, Some(Date("2026-11-13".into())));
        assert_eq!(p.last_reviewed_at, Some(ts("2026-12-01T08:15:00Z")));
        assert_eq!(p.created_at, ts("2026-10-12T09:00:00Z"));
        // Stamped "now" at the anchor: still now.
        assert_eq!(p.updated_at, ts("2026-12-07T12:00:00Z"));
        let m = &s.meetings[0];
        assert_eq!(m.start_at, ts("2026-12-11T09:00:00Z"));
        assert_eq!(m.end_at, ts("2026-12-11T10:30:00Z"));
        // The note follows the meeting (a day back).
        assert_eq!(s.notes[0].created_at, ts("2026-11-12T10:00:00Z"));
    }

    #[test]
    fn weekend_meetings_move_to_friday_or_monday() {
        // Wednesday 25 Nov → Saturday 28 Nov (shift +3): back to Friday 27.
        let b = one_meeting("2026-11-25T13:00:00Z", "2026-11-25T14:30:00Z");
        let s = shift(&b, anchor(), &at(2026, 11, 29, 8));
        assert_eq!(s.meetings[0].start_at, ts("2026-11-27T13:00:00Z"));
        assert_eq!(s.meetings[0].end_at, ts("2026-11-27T14:30:00Z"));
        // Monday 30 Nov → Sunday 29 Nov (shift −1) still to come: forward to Monday.
        let b = one_meeting("2026-11-30T10:00:00Z", "2026-11-30T11:30:00Z");
        let s = shift(&b, anchor(), &at(2026, 11, 25, 8));
        assert_eq!(s.meetings[0].start_at, ts("2026-11-30T10:00:00Z"));
        // The note hangs on the meeting and moves with it (a day forward).
        assert_eq!(s.notes[0].created_at, ts("2026-11-02T10:00:00Z"));
    }

    #[test]
    fn a_move_never_crosses_now() {
        // A meeting this morning on a Sunday is over: it moves back to Friday, not to
        // tomorrow.
        let b = one_meeting("2026-11-26T09:00:00Z", "2026-11-26T10:00:00Z");
        let s = shift(&b, anchor(), &at(2026, 11, 29, 12));
        assert_eq!(s.meetings[0].start_at, ts("2026-11-27T09:00:00Z"));
        // This afternoon on a Saturday is still to come: Friday is past, so Monday.
        let b = one_meeting("2026-11-26T14:00:00Z", "2026-11-26T15:00:00Z");
        let s = shift(&b, anchor(), &at(2026, 11, 28, 12));
        assert_eq!(s.meetings[0].start_at, ts("2026-11-30T14:00:00Z"));
    }

    #[test]
    fn holidays_are_avoided() {
        // Loaded so that a meeting lands on Good Friday 2027 (26 March): forward past
        // Easter to Tuesday 30 March. Anchor Thu 26 Nov 2026 → today Thu 25 Mar 2027.
        let b = one_meeting("2026-11-27T09:00:00Z", "2026-11-27T10:00:00Z");
        let s = shift(&b, anchor(), &at(2027, 3, 25, 12));
        assert_eq!(s.meetings[0].start_at, ts("2027-03-30T09:00:00Z"));
        // Midsummer Eve 2027 (Friday 25 June): forward to Monday 28 June.
        let b = one_meeting("2026-11-27T09:00:00Z", "2026-11-27T10:00:00Z");
        let s = shift(&b, anchor(), &at(2027, 6, 24, 12));
        assert_eq!(s.meetings[0].start_at, ts("2027-06-28T09:00:00Z"));
    }

    #[test]
    fn wall_clock_times_keep_their_hour_in_the_store_zone() {
        use chrono_tz::Europe::Stockholm;
        let b = one_meeting("2026-12-01T09:00:00Z", "2026-12-01T10:30:00Z");
        let now = Utc.with_ymd_and_hms(2026, 11, 26, 11, 0, 0).unwrap();
        let s = shift(&b, anchor(), &Clock::FixedIn(now, Stockholm));
        // 09:00 in Stockholm in winter is 08:00 UTC.
        assert_eq!(s.meetings[0].start_at, ts("2026-12-01T08:00:00Z"));
        // Stamped at noon, loaded at 12:00 Stockholm time: 11:00 UTC.
        assert_eq!(s.projects[0].updated_at, ts("2026-11-26T11:00:00Z"));
    }
}
