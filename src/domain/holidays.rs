//! Swedish public holidays and the days a meeting can be held on, computed (Easter
//! included) rather than listed, so that they hold for any year.
//!
//! The days off are the public holidays of the Act on public holidays (1989:253) that
//! can fall on a weekday, and the eves that offices close on (midsommarafton, julafton,
//! nyårsafton). Sundays, Easter Sunday, Pentecost and Midsummer Day always fall on a
//! weekend; All Saints' Day (a Saturday) too.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian
/// algorithm, also known as Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a date")
}

/// Midsummer Eve: the Friday between 19 and 25 June.
pub fn midsummer_eve(year: i32) -> NaiveDate {
    let mut d = NaiveDate::from_ymd_opt(year, 6, 19).expect("19 June");
    while d.weekday() != Weekday::Fri {
        d = d + Days::new(1);
    }
    d
}

/// Whether `date` is a Swedish public holiday or an eve that offices close on:
/// nyårsdagen, trettondedag jul, långfredag, annandag påsk, 1 maj, Kristi
/// himmelsfärds dag, nationaldagen, midsommarafton, julafton, juldagen, annandag jul
/// and nyårsafton.
pub fn is_public_holiday(date: NaiveDate) -> bool {
    let fixed = matches!(
        (date.month(), date.day()),
        (1, 1) | (1, 6) | (5, 1) | (6, 6) | (12, 24) | (12, 25) | (12, 26) | (12, 31)
    );
    if fixed {
        return true;
    }
    let easter = easter_sunday(date.year());
    let from_easter = (date - easter).num_days();
    // Good Friday, Easter Monday, Ascension Day (the sixth Thursday after Easter).
    matches!(from_easter, -2 | 1 | 39) || date == midsummer_eve(date.year())
}

/// Whether no meeting is held on `date`: a Saturday, a Sunday or a public holiday.
pub fn is_day_off(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun) || is_public_holiday(date)
}

/// The nearest working day to `date` in one direction (`date` itself when it is one):
/// forward when `forward`, else backward.
pub fn working_day(date: NaiveDate, forward: bool) -> NaiveDate {
    let mut d = date;
    while is_day_off(d) {
        d = if forward {
            d + Days::new(1)
        } else {
            d - Days::new(1)
        };
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn easter_is_computed() {
        assert_eq!(easter_sunday(2024), date(2024, 3, 31));
        assert_eq!(easter_sunday(2025), date(2025, 4, 20));
        assert_eq!(easter_sunday(2026), date(2026, 4, 5));
        assert_eq!(easter_sunday(2027), date(2027, 3, 28));
        assert_eq!(easter_sunday(2038), date(2038, 4, 25));
    }

    #[test]
    fn the_holidays_of_2027() {
        let holidays: Vec<NaiveDate> = (0..365)
            .map(|n| date(2027, 1, 1) + Days::new(n))
            .filter(|&d| is_public_holiday(d))
            .collect();
        let expected = [
            date(2027, 1, 1),   // nyårsdagen
            date(2027, 1, 6),   // trettondedag jul
            date(2027, 3, 26),  // långfredagen
            date(2027, 3, 29),  // annandag påsk
            date(2027, 5, 1),   // första maj
            date(2027, 5, 6),   // Kristi himmelsfärds dag
            date(2027, 6, 6),   // nationaldagen
            date(2027, 6, 25),  // midsommarafton
            date(2027, 12, 24), // julafton
            date(2027, 12, 25), // juldagen
            date(2027, 12, 26), // annandag jul
            date(2027, 12, 31), // nyårsafton
        ];
        assert_eq!(holidays, expected);
        assert_eq!(midsummer_eve(2027), date(2027, 6, 25));
        assert_eq!(midsummer_eve(2026), date(2026, 6, 19));
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // Saturday 27 March 2027, in the Easter weekend: back past Good Friday to
        // Thursday; forward past Easter Monday to Tuesday.
        assert_eq!(working_day(date(2027, 3, 27), false), date(2027, 3, 25));
        assert_eq!(working_day(date(2027, 3, 27), true), date(2027, 3, 30));
        // Midsummer Eve 2027 is a Friday: forward to Monday.
        assert_eq!(working_day(date(2027, 6, 25), true), date(2027, 6, 28));
        // Christmas 2026: Thursday 24 to Sunday 27 are all off.
        assert_eq!(working_day(date(2026, 12, 24), true), date(2026, 12, 28));
        assert_eq!(working_day(date(2026, 12, 26), false), date(2026, 12, 23));
        // A working day stays.
        assert_eq!(working_day(date(2026, 11, 26), true), date(2026, 11, 26));
    }
}
