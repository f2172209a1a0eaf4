//! How values are written on screen: local times, ISO dates, "not set".

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::Clock;
use crate::text;

/// A stored UTC timestamp shown as local `YYYY-MM-DD HH:MM`.
pub fn local_datetime(clock: Clock, stored: &str) -> String {
    parse(stored).map_or_else(
        || stored.to_string(),
        |t| clock.local(t).format("%Y-%m-%d %H:%M").to_string(),
    )
}

/// A stored UTC timestamp shown as the local date.
pub fn local_date(clock: Clock, stored: &str) -> String {
    parse(stored).map_or_else(
        || stored.to_string(),
        |t| clock.local(t).format("%Y-%m-%d").to_string(),
    )
}

fn parse(stored: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(stored)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

pub fn date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| text::NOT_SET.to_string(), |d| d.to_string())
}

pub fn or_not_set(s: &str) -> &str {
    if s.trim().is_empty() {
        text::NOT_SET
    } else {
        s
    }
}
