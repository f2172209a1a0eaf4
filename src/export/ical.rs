//! iCalendar (RFC 5545) export of meetings.
//!
//! Written by hand rather than with the `icalendar` crate (0.17.17), whose writer was
//! read for this and falls short in three ways that matter here: its line folding
//! emits a 76-octet continuation line whenever the rest of a line is exactly 75 octets
//! (`while bytes_remaining > LIMIT` does not count the leading space); its text
//! escaping passes a carriage return through raw, which breaks the line structure; and
//! it silently adds `DTSTAMP` from the system clock and a random `UID` when they are
//! missing, so the output is not a pure function of its input. Fixing that would mean
//! re-parsing its output, which is more code than the writer below.
//!
//! What calendar programs rely on: a `UID` stable per meeting, so that importing again
//! updates the event instead of adding a copy; a `SEQUENCE` that grows when the meeting
//! changes, so that the update is accepted; UTC times, so that no `VTIMEZONE` is needed.

use crate::domain::web_link;
use chrono::{DateTime, Utc};

use super::{Lang, fair_dialogue};
use crate::catalog;

use crate::domain::when::format_duration;
use crate::domain::{AgendaItem, Clock, Meeting, MeetingStatus, agenda_times};

/// One meeting and its agenda, in agenda order.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEntry {
    pub meeting: Meeting,
    pub agenda: Vec<AgendaItem>,
}

/// The product identifier: who wrote the file (RFC 5545 §3.7.3).
pub const PRODID: &str = concat!("-//tidig//tidig ", env!("CARGO_PKG_VERSION"), "//EN");

/// Content lines are at most this many octets, not counting the CRLF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// A calendar with one event per meeting, its words in `lang`. `stamp` is the export
/// time (`DTSTAMP`); `clock` gives the local times shown in the description, whose
/// zone the description names.
pub fn calendar(
    meetings: &[CalendarEntry],
    stamp: DateTime<Utc>,
    clock: &Clock,
    lang: Lang,
) -> String {
    let out = Vec::with_capacity(512 + meetings.len() * 1024);
    let mut w = CalendarWriter::begin(out, stamp, clock, lang).expect("writing to memory");
    for entry in meetings {
        w.event(entry).expect("writing to memory");
    }
    let out = w.finish().expect("writing to memory");
    String::from_utf8(out).expect("the writer writes UTF-8")
}

/// A calendar written as its events come: the header when begun, each event when
/// given, the end when finished, so that a calendar of every meeting is never held
/// in memory whole. The bytes are those of [`calendar`] for the same events.
pub struct CalendarWriter<'c, W: std::io::Write> {
    out: W,
    stamp: DateTime<Utc>,
    clock: &'c Clock,
    lang: Lang,
    /// One event's lines, reused.
    buf: String,
}

impl<'c, W: std::io::Write> CalendarWriter<'c, W> {
    /// Writes the calendar's header to `out`.
    pub fn begin(
        out: W,
        stamp: DateTime<Utc>,
        clock: &'c Clock,
        lang: Lang,
    ) -> std::io::Result<Self> {
        let mut w = CalendarWriter {
            out,
            stamp,
            clock,
            lang,
            buf: String::with_capacity(2048),
        };
        let mut lines = Writer { out: &mut w.buf };
        lines.raw("BEGIN", "VCALENDAR");
        lines.raw("VERSION", "2.0");
        lines.raw("PRODID", PRODID);
        lines.raw("CALSCALE", "GREGORIAN");
        lines.raw("METHOD", "PUBLISH");
        w.flush_buf()?;
        Ok(w)
    }

    /// Writes one meeting's event.
    pub fn event(&mut self, entry: &CalendarEntry) -> std::io::Result<()> {
        let mut lines = Writer { out: &mut self.buf };
        event(&mut lines, entry, self.stamp, self.clock, self.lang);
        self.flush_buf()
    }

    /// Writes the end of the calendar and gives the output back.
    pub fn finish(mut self) -> std::io::Result<W> {
        Writer { out: &mut self.buf }.raw("END", "VCALENDAR");
        self.flush_buf()?;
        self.out.flush()?;
        Ok(self.out)
    }

    /// Writes the lines gathered, without control characters other than line ends
    /// (every chunk ends with CRLF, so none is split).
    fn flush_buf(&mut self) -> std::io::Result<()> {
        let chunk = super::without_controls_keep_crlf(std::mem::take(&mut self.buf));
        self.out.write_all(chunk.as_bytes())?;
        self.buf = chunk;
        self.buf.clear();
        Ok(())
    }
}

fn event(
    w: &mut Writer<'_>,
    entry: &CalendarEntry,
    stamp: DateTime<Utc>,
    clock: &Clock,
    lang: Lang,
) {
    let m = &entry.meeting;
    let cancelled = m.status == MeetingStatus::Cancelled;
    w.raw("BEGIN", "VEVENT");
    w.raw("UID", &uid(m));
    w.raw("DTSTAMP", &utc(stamp));
    w.raw("DTSTART", &utc(m.start));
    w.raw("DTEND", &utc(m.end));
    // Some calendars (calcurse) ignore STATUS: the title itself says it is off.
    let prefix = if cancelled {
        catalog::text(lang, "calendar", "cancelled_prefix")
    } else {
        ""
    };
    w.text(
        "SUMMARY",
        &format!("{prefix}{}: {}", m.project_code, m.title),
    );
    if !m.location.trim().is_empty() {
        w.text("LOCATION", m.location.trim());
        if let Some(url) = web_link(&m.location) {
            w.raw("URL", url);
        }
    }
    w.text("DESCRIPTION", &description(entry, clock, lang));
    w.raw("STATUS", if cancelled { "CANCELLED" } else { "CONFIRMED" });
    // A cancelled meeting no longer makes anyone busy.
    w.raw("TRANSP", if cancelled { "TRANSPARENT" } else { "OPAQUE" });
    w.raw("SEQUENCE", &sequence(m).to_string());
    if let Some(created) = parse_stamp(&m.created_at) {
        w.raw("CREATED", &utc(created));
    }
    if let Some(modified) = parse_stamp(&m.updated_at) {
        w.raw("LAST-MODIFIED", &utc(modified));
    }
    w.text("CATEGORIES", catalog::label(lang, m.kind));
    w.raw("END", "VEVENT");
}

/// `{uuid}@tidig`: the same meeting gets the same UID in every export.
pub fn uid(m: &Meeting) -> String {
    format!("{}@tidig", m.uuid)
}

/// Seconds from the meeting's creation to its last change: 0 for a new meeting and
/// larger after every change, which is what calendar programs compare. Counting from
/// the creation (not 1970) keeps it inside RFC 5545's 32-bit INTEGER for 68 years.
pub fn sequence(m: &Meeting) -> u32 {
    match (parse_stamp(&m.created_at), parse_stamp(&m.updated_at)) {
        (Some(c), Some(u)) => u32::try_from((u - c).num_seconds()).unwrap_or(0),
        _ => 0,
    }
}

fn parse_stamp(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Type and format, purpose, desired outcome, then the timed agenda in local time,
/// with the zone named (the reader's calendar may be in another one).
fn description(entry: &CalendarEntry, clock: &Clock, lang: Lang) -> String {
    let m = &entry.meeting;
    let word = |key| catalog::text(lang, "calendar", key);
    let mut d = format!(
        "{} · {}",
        catalog::label(lang, m.kind),
        catalog::label(lang, m.format)
    );
    if m.status == MeetingStatus::Cancelled {
        d.push_str(" · ");
        d.push_str(&catalog::label(lang, m.status).to_uppercase());
    }
    d.push('\n');
    if !m.purpose.trim().is_empty() {
        d.push_str(&format!("\n{}: {}\n", word("purpose"), m.purpose.trim()));
    }
    if !m.desired_outcome.trim().is_empty() {
        d.push_str(&format!(
            "\n{}: {}\n",
            word("desired_outcome"),
            m.desired_outcome.trim()
        ));
    }
    if !entry.agenda.is_empty() {
        let zone = clock.zone_name(m.start);
        d.push('\n');
        d.push_str(&catalog::fill(
            lang,
            "calendar",
            "agenda",
            &[("zone", &zone)],
        ));
        d.push('\n');
        let times = agenda_times(m.start, entry.agenda.iter().map(|i| &i.minutes));
        for (item, (start, end)) in entry.agenda.iter().zip(times) {
            d.push_str(&format!(
                "{}–{} {} ({})\n",
                clock.local(start).format("%H:%M"),
                clock.local(end).format("%H:%M"),
                item.title,
                format_duration(item.minutes)
            ));
        }
        let total: u32 = entry.agenda.iter().map(|i| i.minutes).sum();
        let length = format_duration(u32::try_from(m.minutes()).unwrap_or(0));
        let total = format_duration(total);
        let args: [(&str, &dyn std::fmt::Display); 2] = [("total", &total), ("length", &length)];
        d.push_str(&catalog::fill(lang, "calendar", "total", &args));
        d.push('\n');
    }
    if m.kind.is_supplier_facing() {
        d.push('\n');
        d.push_str(fair_dialogue(lang));
        d.push('\n');
    }
    d.trim_end().to_string()
}

/// Writes content lines: CRLF-terminated and folded.
struct Writer<'a> {
    out: &'a mut String,
}

impl Writer<'_> {
    /// A property whose value is written as given (dates, numbers, fixed words, URIs).
    fn raw(&mut self, name: &str, value: &str) {
        fold_into(self.out, &format!("{name}:{value}"));
    }

    /// A TEXT property: escaped (RFC 5545 §3.3.11).
    fn text(&mut self, name: &str, value: &str) {
        fold_into(self.out, &format!("{name}:{}", escape_text(value)));
    }
}

/// Escapes a TEXT value: backslash, semicolon, comma and newlines. A CR or CRLF is a
/// newline too; other control characters (which RFC 5545 does not allow in TEXT) are
/// dropped, except the tab.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded into lines of at most 75 octets, each ending in CRLF; a
/// continuation line starts with one space (RFC 5545 §3.1). Folds never split a UTF-8
/// character, and where possible fall between two non-blank characters, so that
/// readers that trim lines (several do) lose no space.
fn fold_into(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = MAX_LINE_OCTETS;
    while rest.len() > limit {
        let cut = fold_point(rest, limit);
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space counts towards the continuation line's 75 octets.
        limit = MAX_LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// The byte offset to fold `s` at: the last character boundary at most `limit`,
/// preferring one with no blank on either side within the last 16 octets.
fn fold_point(s: &str, limit: usize) -> usize {
    let mut hard = limit;
    while !s.is_char_boundary(hard) {
        hard -= 1;
    }
    let blank = |c: Option<char>| c.is_none_or(char::is_whitespace);
    (hard.saturating_sub(16).max(1)..=hard)
        .rev()
        .filter(|&i| s.is_char_boundary(i))
        .find(|&i| !blank(s[..i].chars().next_back()) && !blank(s[i..].chars().next()))
        .unwrap_or(hard)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> String {
        let mut out = String::new();
        fold_into(&mut out, line);
        out
    }

    #[test]
    fn no_line_exceeds_75_octets_at_any_length() {
        for n in 1..400 {
            for fill in ["A", "å", "–", "a b", "😀"] {
                let line: String = fill.repeat(n);
                let out = folded(&line);
                assert!(out.ends_with("\r\n"));
                for l in out.split("\r\n") {
                    assert!(l.len() <= 75, "{n} × {fill:?}: {} octets", l.len());
                }
                assert_eq!(out.trim_end_matches("\r\n").replace("\r\n ", ""), line);
            }
        }
    }

    #[test]
    fn folds_avoid_blanks_at_the_edges() {
        let line = format!("DESCRIPTION:{}", "ord ".repeat(40));
        for l in folded(&line).trim_end().split("\r\n").skip(1) {
            assert!(!l[1..].starts_with(' '), "{l:?}");
        }
        for l in folded(&line).trim_end().split("\r\n") {
            assert!(!l.ends_with(' '), "{l:?}");
        }
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(
            escape_text("rad 1\r\nrad 2\rrad 3"),
            "rad 1\\nrad 2\\nrad 3"
        );
        assert_eq!(escape_text("bell\u{7}"), "bell");
        assert_eq!(escape_text("Mötesrum: Ån"), "Mötesrum: Ån");
    }
}
