//! Dates, times and durations as people type them, in Swedish or English:
//! `2026-12-03 09:30`, `09:30`, `imorgon 13:00`, `fre 10:00`, `nästa fredag`,
//! `next fri`, `om 2 veckor`, `in 3 days`, `+3d`, and `90m`, `1h30`, `1,5h`.
//! Everything here is local wall-clock time; `Clock` turns it into UTC.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::FieldError;

/// The time a day-only expression (`fre`, `+3d`, `2026-12-03`) starts at.
pub const DEFAULT_START: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => unreachable!(),
};

/// The years a typed date may fall in: wide enough for any real meeting or deadline,
/// narrow enough that every reader, export and calendar program can show it.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

/// `d` if its year is in `FIRST_YEAR..=LAST_YEAR`, else `FieldError::DateRange`.
pub fn check_year(d: NaiveDate) -> Result<NaiveDate, FieldError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&d.year()) {
        Ok(d)
    } else {
        Err(FieldError::DateRange {
            first: FIRST_YEAR,
            last: LAST_YEAR,
        })
    }
}

/// Parses a local date and time relative to `today`.
pub fn parse_datetime(input: &str, today: NaiveDate) -> Result<NaiveDateTime, FieldError> {
    let input = input.trim().to_lowercase();
    if input.is_empty() {
        return Err(FieldError::Required);
    }
    let words: Vec<&str> = input.split_whitespace().collect();
    // "i morgon" is two words in careful Swedish.
    let (day_words, time_word) = match words.as_slice() {
        [w] if parse_time(w).is_some() => (&[][..], Some(*w)),
        [rest @ .., last] if parse_time(last).is_some() => (rest, Some(*last)),
        all => (all, None),
    };
    let day = if day_words.is_empty() {
        today
    } else {
        parse_day(&day_words.join(" "), today).ok_or(FieldError::When)?
    };
    let day = check_year(day)?;
    let time = match time_word {
        Some(w) => parse_time(w).ok_or(FieldError::Time)?,
        None => DEFAULT_START,
    };
    Ok(day.and_time(time))
}

/// `09:30`, `9:30`, `09.30`, `0930` is not accepted (too easy to mistype).
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let (h, m) = s.split_once([':', '.'])?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// Parses a local date relative to `today`, in the grammar of [`parse_datetime`]
/// without the time: `2026-12-03`, `fre`, `nästa fredag`, `om 2 veckor`, `+7d`.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    let input = input.trim().to_lowercase();
    if input.is_empty() {
        return Err(FieldError::Required);
    }
    let words = input.split_whitespace().collect::<Vec<_>>().join(" ");
    check_year(parse_day(&words, today).ok_or(FieldError::When)?)
}

fn parse_day(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    if let Some(day) = next_week_day(s, today).or_else(|| in_some_time(s, today)) {
        return Some(day);
    }
    match s {
        "idag" | "i dag" | "today" => return Some(today),
        "imorgon" | "i morgon" | "tomorrow" => return today.checked_add_days(Days::new(1)),
        "igår" | "i går" | "yesterday" => return today.checked_sub_days(Days::new(1)),
        _ => {}
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Some(rest) = s.strip_prefix('+') {
        let (n, unit) = rest.split_at(rest.find(|c: char| !c.is_ascii_digit())?);
        let n: u64 = n.parse().ok()?;
        let days = match unit {
            "d" | "dag" | "dagar" | "day" | "days" => n,
            "v" | "w" | "vecka" | "veckor" | "week" | "weeks" => n * 7,
            _ => return None,
        };
        return today.checked_add_days(Days::new(days));
    }
    let weekday = weekday(s)?;
    // The first such day from today on.
    let ahead = (7 + weekday.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
    today.checked_add_days(Days::new(u64::from(ahead)))
}

/// `nästa fredag`, `next fri`: that day in the week after this one (weeks start on
/// Monday); `nästa vecka`, `next week`: its Monday.
fn next_week_day(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    let rest = s
        .strip_prefix("nästa ")
        .or_else(|| s.strip_prefix("next "))?;
    let monday = today.checked_add_days(Days::new(
        7 - u64::from(today.weekday().num_days_from_monday()),
    ))?;
    let day = match rest {
        "vecka" | "week" => Weekday::Mon,
        other => weekday(other)?,
    };
    monday.checked_add_days(Days::new(u64::from(day.num_days_from_monday())))
}

/// `om 2 veckor`, `om en vecka`, `om 3 dagar`, `in 2 weeks`, `in a day`.
fn in_some_time(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    let rest = s.strip_prefix("om ").or_else(|| s.strip_prefix("in "))?;
    let (n, unit) = rest.split_once(' ')?;
    let n: u64 = match n {
        "en" | "ett" | "a" | "an" | "one" => 1,
        n => n.parse().ok()?,
    };
    let days = match unit {
        "dag" | "dagar" | "day" | "days" => n,
        "vecka" | "veckor" | "week" | "weeks" => n.checked_mul(7)?,
        _ => return None,
    };
    today.checked_add_days(Days::new(days))
}

fn weekday(s: &str) -> Option<Weekday> {
    use Weekday::*;
    let day = match s {
        "mån" | "måndag" | "mon" | "monday" => Mon,
        "tis" | "tisdag" | "tue" | "tues" | "tuesday" => Tue,
        "ons" | "onsdag" | "wed" | "wednesday" => Wed,
        "tor" | "tors" | "torsdag" | "thu" | "thur" | "thurs" | "thursday" => Thu,
        "fre" | "fredag" | "fri" | "friday" => Fri,
        "lör" | "lördag" | "sat" | "saturday" => Sat,
        "sön" | "söndag" | "sun" | "sunday" => Sun,
        _ => return None,
    };
    Some(day)
}

/// A duration in minutes: `90m`, `90 min`, `90`, `1h30`, `1h 30m`, `1,5h`, `1.5 h`,
/// `2h`, `1:30`. Must be more than zero and at most a day.
pub fn parse_duration(input: &str) -> Result<u32, FieldError> {
    let s: String = input
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    let minutes = duration_minutes(&s).ok_or(FieldError::Duration)?;
    if minutes == 0 || minutes > 24 * 60 {
        return Err(FieldError::DurationRange);
    }
    Ok(minutes)
}

const HOUR_UNITS: &[&str] = &["h", "t", "tim", "timme", "timmar", "hour", "hours"];
const MINUTE_UNITS: &[&str] = &["", "m", "min", "minuter", "minutes"];

/// Splits "1,5h30m" into ("1,5", "h30m"): a leading number, then the rest.
fn leading_number(s: &str) -> (&str, &str) {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(s.len());
    s.split_at(end)
}

fn duration_minutes(s: &str) -> Option<u32> {
    if let Some((h, m)) = s.split_once(':') {
        let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
        return (m < 60).then_some(h * 60 + m);
    }
    let (first, rest) = leading_number(s);
    let unit_end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let (unit, rest) = rest.split_at(unit_end);
    if MINUTE_UNITS.contains(&unit) && rest.is_empty() {
        return first.parse().ok();
    }
    if !HOUR_UNITS.contains(&unit) {
        return None;
    }
    let hours: f64 = first.replace(',', ".").parse().ok()?;
    let (second, unit) = leading_number(rest);
    let minutes: u32 = match second {
        "" if unit.is_empty() => 0,
        "" => return None,
        m if MINUTE_UNITS.contains(&unit) && hours.fract() == 0.0 => m.parse().ok()?,
        _ => return None,
    };
    Some((hours * 60.0).round() as u32 + minutes)
}

/// "1 h 30 min", "45 min", "2 h" — how durations are shown.
pub fn format_duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn dt(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
        d(y, m, day).and_hms_opt(h, min, 0).unwrap()
    }
    // Thursday 26 November 2026.
    const TODAY: (i32, u32, u32) = (2026, 11, 26);
    fn today() -> NaiveDate {
        d(TODAY.0, TODAY.1, TODAY.2)
    }

    #[test]
    fn absolute_and_time_only() {
        assert_eq!(
            parse_datetime("2026-12-03 09:30", today()),
            Ok(dt(2026, 12, 3, 9, 30))
        );
        assert_eq!(
            parse_datetime("09:30", today()),
            Ok(dt(2026, 11, 26, 9, 30))
        );
        assert_eq!(parse_datetime("9.05", today()), Ok(dt(2026, 11, 26, 9, 5)));
        assert_eq!(
            parse_datetime("2026-12-03", today()),
            Ok(dt(2026, 12, 3, 9, 0))
        );
    }

    #[test]
    fn relative_days_in_swedish_and_english() {
        assert_eq!(
            parse_datetime("tomorrow 13:00", today()),
            Ok(dt(2026, 11, 27, 13, 0))
        );
        assert_eq!(
            parse_datetime("imorgon 13:00", today()),
            Ok(dt(2026, 11, 27, 13, 0))
        );
        assert_eq!(
            parse_datetime("I morgon 13:00", today()),
            Ok(dt(2026, 11, 27, 13, 0))
        );
        assert_eq!(
            parse_datetime("idag 16:15", today()),
            Ok(dt(2026, 11, 26, 16, 15))
        );
        assert_eq!(parse_datetime("+3d", today()), Ok(dt(2026, 11, 29, 9, 0)));
        assert_eq!(
            parse_datetime("+3d 14:00", today()),
            Ok(dt(2026, 11, 29, 14, 0))
        );
        assert_eq!(parse_datetime("+2v", today()), Ok(dt(2026, 12, 10, 9, 0)));
    }

    #[test]
    fn weekday_names_mean_the_next_such_day() {
        // Today is a Thursday.
        assert_eq!(
            parse_datetime("fre 10:00", today()),
            Ok(dt(2026, 11, 27, 10, 0))
        );
        assert_eq!(
            parse_datetime("fri 10:00", today()),
            Ok(dt(2026, 11, 27, 10, 0))
        );
        assert_eq!(
            parse_datetime("Måndag 08:30", today()),
            Ok(dt(2026, 11, 30, 8, 30))
        );
        assert_eq!(
            parse_datetime("tor 10:00", today()),
            Ok(dt(2026, 11, 26, 10, 0))
        );
        assert_eq!(
            parse_datetime("ons 10:00", today()),
            Ok(dt(2026, 12, 2, 10, 0))
        );
        assert_eq!(parse_datetime("sön", today()), Ok(dt(2026, 11, 29, 9, 0)));
    }

    #[test]
    fn next_weekdays_and_spans_of_time() {
        // Today is Thursday 26 November; next week starts on Monday 30 November.
        assert_eq!(
            parse_datetime("nästa fredag 10:00", today()),
            Ok(dt(2026, 12, 4, 10, 0))
        );
        assert_eq!(
            parse_datetime("next fri", today()),
            Ok(dt(2026, 12, 4, 9, 0))
        );
        assert_eq!(
            parse_datetime("Nästa  måndag", today()),
            Ok(dt(2026, 11, 30, 9, 0))
        );
        assert_eq!(
            parse_datetime("nästa tor", today()),
            Ok(dt(2026, 12, 3, 9, 0))
        );
        assert_eq!(
            parse_datetime("next week", today()),
            Ok(dt(2026, 11, 30, 9, 0))
        );
        assert_eq!(
            parse_datetime("om 2 veckor 13:15", today()),
            Ok(dt(2026, 12, 10, 13, 15))
        );
        assert_eq!(
            parse_datetime("om en vecka", today()),
            Ok(dt(2026, 12, 3, 9, 0))
        );
        assert_eq!(
            parse_datetime("in 3 days", today()),
            Ok(dt(2026, 11, 29, 9, 0))
        );
        assert_eq!(
            parse_datetime("in a week", today()),
            Ok(dt(2026, 12, 3, 9, 0))
        );
        for bad in [
            "nästa",
            "next year",
            "om två veckor",
            "in 3 months",
            "om 99999999999999999999 dagar",
        ] {
            assert!(parse_datetime(bad, today()).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn dates_alone_take_the_same_words() {
        assert_eq!(parse_date("nästa fredag", today()), Ok(d(2026, 12, 4)));
        assert_eq!(parse_date("2027-02-01", today()), Ok(d(2027, 2, 1)));
        assert_eq!(parse_date("+7d", today()), Ok(d(2026, 12, 3)));
        assert_eq!(parse_date("", today()), Err(FieldError::Required));
        assert_eq!(parse_date("fre 10:00", today()), Err(FieldError::When));
        assert!(parse_date("+500000v", today()).is_err());
    }

    #[test]
    fn nonsense_is_refused_with_a_message() {
        for bad in [
            "",
            "snart",
            "25:00",
            "fre 10",
            "2026-02-30 10:00",
            "+3x",
            "10:5",
        ] {
            assert!(parse_datetime(bad, today()).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn durations() {
        let ok = [
            ("90m", 90),
            ("90 min", 90),
            ("90", 90),
            ("1h30", 90),
            ("1h 30m", 90),
            ("1 h 30 min", 90),
            ("1,5h", 90),
            ("1.5 h", 90),
            ("2h", 120),
            ("1:30", 90),
            ("2 tim", 120),
            ("45 minuter", 45),
        ];
        for (input, minutes) in ok {
            assert_eq!(parse_duration(input), Ok(minutes), "{input:?}");
        }
        for bad in ["", "0", "abc", "1,5h30", "25h", "-5m", "h"] {
            assert!(parse_duration(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn formats_durations() {
        assert_eq!(format_duration(45), "45 min");
        assert_eq!(format_duration(120), "2 h");
        assert_eq!(format_duration(95), "1 h 35 min");
    }
}
