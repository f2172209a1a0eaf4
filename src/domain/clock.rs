use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, Utc};

/// The source of "now" and of the user's local time. Injected so that snapshots, tests
/// and demo data are deterministic: a fixed clock also shows times in UTC, so that
/// output does not depend on the machine's time zone.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    System,
    Fixed(DateTime<Utc>),
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(t) => *t,
        }
    }

    /// A UTC instant as the user's wall-clock time.
    pub fn local(&self, t: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Clock::System => t.with_timezone(&Local).naive_local(),
            Clock::Fixed(_) => t.naive_utc(),
        }
    }

    /// Today's date where the user is.
    pub fn today(&self) -> NaiveDate {
        self.local(self.now()).date()
    }

    /// Timestamps are stored as UTC ISO 8601 text with second precision.
    pub fn timestamp(&self) -> String {
        self.now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
    }
}
