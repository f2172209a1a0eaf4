use chrono::{DateTime, Local, NaiveDate, Utc};

/// The source of "now". Injected so that snapshots, tests and demo data are deterministic.
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

    /// Today's date where the user is.
    pub fn today(&self) -> NaiveDate {
        self.now().with_timezone(&Local).date_naive()
    }
}

/// Timestamps are stored as UTC ISO 8601 text with second precision.
pub fn timestamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl Clock {
    pub fn timestamp(&self) -> String {
        timestamp(self.now())
    }
}
