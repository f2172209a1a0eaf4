use chrono::{DateTime, Local, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};

use super::FieldError;

/// The source of "now" and of the user's time zone. Injected so that snapshots, tests
/// and demo data are deterministic.
#[derive(Debug, Clone, Copy)]
pub enum Clock {
    /// The real time, shown in the system's zone (`TZ`).
    System,
    /// A fixed time, shown in UTC: output independent of the machine (snapshots).
    Fixed(DateTime<Utc>),
    /// A fixed time, shown in the system's zone (`TIDIG_NOW`).
    FixedLocal(DateTime<Utc>),
    /// A fixed time in a named zone (daylight-saving tests; `TIDIG_NOW` with a
    /// configured `time_zone`).
    FixedIn(DateTime<Utc>, chrono_tz::Tz),
    /// The real time, shown in a named zone (`time_zone` in the config file).
    SystemIn(chrono_tz::Tz),
}

/// The name of the zone `Local` uses: `TZ` when it names a zone, else the system's.
/// Read once: it does not change while tidig runs, and a calendar asks per event.
fn system_zone() -> Option<String> {
    static ZONE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    ZONE.get_or_init(|| {
        let from_env = std::env::var("TZ").ok().and_then(|tz| {
            let name = tz.trim_start_matches(':');
            name.parse::<chrono_tz::Tz>()
                .ok()
                .map(|z| z.name().to_string())
        });
        from_env.or_else(|| iana_time_zone::get_timezone().ok())
    })
    .clone()
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System | Clock::SystemIn(_) => Utc::now(),
            Clock::Fixed(t) | Clock::FixedLocal(t) | Clock::FixedIn(t, _) => *t,
        }
    }

    /// A UTC instant as the user's wall-clock time.
    pub fn local(&self, t: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Clock::System | Clock::FixedLocal(_) => t.with_timezone(&Local).naive_local(),
            Clock::Fixed(_) => t.naive_utc(),
            Clock::FixedIn(_, tz) | Clock::SystemIn(tz) => t.with_timezone(tz).naive_local(),
        }
    }

    /// A wall-clock time as a UTC instant. In the autumn hour that happens twice the
    /// first one is meant; a time skipped in spring does not exist and is refused.
    pub fn to_utc(&self, local: NaiveDateTime) -> Result<DateTime<Utc>, FieldError> {
        fn pick<Tz: TimeZone>(r: LocalResult<DateTime<Tz>>) -> Result<DateTime<Utc>, FieldError> {
            match r {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Ok(t.with_timezone(&Utc)),
                LocalResult::None => Err(FieldError::TimeSkipped),
            }
        }
        match self {
            Clock::System | Clock::FixedLocal(_) => pick(Local.from_local_datetime(&local)),
            Clock::Fixed(_) => Ok(Utc.from_utc_datetime(&local)),
            Clock::FixedIn(_, tz) | Clock::SystemIn(tz) => pick(tz.from_local_datetime(&local)),
        }
    }

    /// Today's date where the user is.
    pub fn today(&self) -> NaiveDate {
        self.local(self.now()).date()
    }

    /// The zone local times are shown in, by name where it has one
    /// (`Europe/Stockholm`), else as its offset at `at` (`UTC+01:00`): documents name
    /// it, as their readers may be elsewhere.
    pub fn zone_name(&self, at: DateTime<Utc>) -> String {
        match self {
            Clock::Fixed(_) => "UTC".to_string(),
            Clock::FixedIn(_, tz) | Clock::SystemIn(tz) => tz.name().to_string(),
            Clock::System | Clock::FixedLocal(_) => system_zone().unwrap_or_else(|| {
                let offset = Local.offset_from_utc_datetime(&at.naive_utc());
                format!("UTC{offset}")
            }),
        }
    }

    /// Timestamps are stored as UTC ISO 8601 text with second precision.
    pub fn timestamp(&self) -> String {
        self.now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
    }

    /// A stored timestamp as the user's `YYYY-MM-DD HH:MM`. Text that is not a
    /// timestamp is given back as it is rather than hidden.
    pub fn local_datetime(&self, stored: &str) -> String {
        self.local_format(stored, "%Y-%m-%d %H:%M")
    }

    /// A stored timestamp as the user's date, `YYYY-MM-DD`.
    pub fn local_date(&self, stored: &str) -> String {
        self.local_format(stored, "%Y-%m-%d")
    }

    fn local_format(&self, stored: &str, format: &str) -> String {
        match DateTime::parse_from_rfc3339(stored) {
            Ok(t) => self.local(t.with_timezone(&Utc)).format(format).to_string(),
            Err(_) => stored.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Stockholm;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn stockholm_winter_and_summer_offsets() {
        let c = Clock::FixedIn(Utc::now(), Stockholm);
        assert_eq!(
            c.to_utc(at("2026-01-15 09:00")).unwrap().to_rfc3339(),
            "2026-01-15T08:00:00+00:00"
        );
        assert_eq!(
            c.to_utc(at("2026-07-15 09:00")).unwrap().to_rfc3339(),
            "2026-07-15T07:00:00+00:00"
        );
    }

    #[test]
    fn the_spring_gap_is_refused_and_the_autumn_fold_takes_the_first_hour() {
        let c = Clock::FixedIn(Utc::now(), Stockholm);
        // Last Sunday of March 2026: 02:00 jumps to 03:00.
        assert!(c.to_utc(at("2026-03-29 02:30")).is_err());
        assert_eq!(
            c.to_utc(at("2026-03-29 03:00")).unwrap().to_rfc3339(),
            "2026-03-29T01:00:00+00:00"
        );
        // Last Sunday of October 2026: 02:30 happens twice; the first is in summer time.
        assert_eq!(
            c.to_utc(at("2026-10-25 02:30")).unwrap().to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );
        // Round trip through local time across the change.
        let t = c.to_utc(at("2026-10-25 09:00")).unwrap();
        assert_eq!(c.local(t), at("2026-10-25 09:00"));
    }

    #[test]
    fn stored_timestamps_are_shown_in_local_time() {
        let c = Clock::FixedIn(Utc::now(), Stockholm);
        assert_eq!(c.local_datetime("2026-07-15T07:05:00Z"), "2026-07-15 09:05");
        assert_eq!(c.local_date("2026-12-31T23:30:00Z"), "2027-01-01");
        assert_eq!(c.local_datetime("not a time"), "not a time");
    }
}
