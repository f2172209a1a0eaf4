//! How values are written on screen: local times, ISO dates, "not set".

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::Clock;
use crate::text;

/// A stored UTC timestamp shown as local `YYYY-MM-DD HH:MM` (the clock knows how, so
/// that the app can say it too without reaching into the interface).
pub fn local_datetime(clock: Clock, stored: &str) -> String {
    clock.local_datetime(stored)
}

/// When something was saved: the local time to the second (`10:42:13`) if it was
/// today, else the date and time.
pub fn saved_time(clock: Clock, stored: &str) -> String {
    match DateTime::parse_from_rfc3339(stored) {
        Ok(t) => {
            let local = clock.local(t.with_timezone(&Utc));
            if local.date() == clock.today() {
                local.format("%H:%M:%S").to_string()
            } else {
                local.format("%Y-%m-%d %H:%M").to_string()
            }
        }
        Err(_) => stored.to_string(),
    }
}

/// A stored UTC timestamp shown as the local date.
pub fn local_date(clock: Clock, stored: &str) -> String {
    clock.local_date(stored)
}

pub fn date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| text::not_set().to_string(), |d| d.to_string())
}

pub fn or_not_set(s: &str) -> &str {
    if s.trim().is_empty() {
        text::not_set()
    } else {
        s
    }
}

/// `Thu 2026-12-03`.
pub fn day(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{} {d}", text::weekday(d.weekday()))
}

/// `09:30–11:00`, or with the end date when the meeting runs past midnight.
pub fn time_range(clock: Clock, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let (s, e) = (clock.local(start), clock.local(end));
    if s.date() == e.date() {
        format!("{}–{}", s.format("%H:%M"), e.format("%H:%M"))
    } else {
        format!(
            "{}–{} {}",
            s.format("%H:%M"),
            e.format("%Y-%m-%d"),
            e.format("%H:%M")
        )
    }
}

/// `Thu 2026-12-03 09:30–11:00 · week 49`.
pub fn meeting_when(clock: Clock, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let date = clock.local(start).date();
    format!(
        "{} {} · {} {}",
        day(date),
        time_range(clock, start, end),
        text::week(),
        iso_week(date)
    )
}

pub fn iso_week(d: NaiveDate) -> u32 {
    use chrono::Datelike;
    d.iso_week().week()
}
