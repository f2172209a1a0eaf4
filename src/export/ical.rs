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

use std::fmt::Write as _;

use crate::domain::web_link;
use chrono::{DateTime, Datelike, NaiveDateTime, Timelike, Utc};

use super::{Lang, fair_dialogue};
use crate::catalog;

use crate::domain::{AgendaLine, Clock, Meeting, MeetingStatus};

/// One meeting and its agenda, in agenda order.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEntry {
    pub meeting: Meeting,
    pub agenda: Vec<AgendaLine>,
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
    /// One event's lines, reused.
    buf: String,
    /// One content line before folding, and one description, reused: an event
    /// allocates nothing once these have grown.
    line: String,
    description: String,
    /// The catalog's words, looked up once rather than for each of 20,000 events.
    words: Words,
}

/// The words of a calendar in one language, and the agenda heading of the zone last
/// named (the same for every meeting but across a change of offset with no zone name).
struct Words {
    lang: Lang,
    cancelled_prefix: &'static str,
    purpose: &'static str,
    desired_outcome: &'static str,
    total: &'static str,
    fair_dialogue: &'static str,
    agenda_heading: Option<(String, String)>,
}

impl Words {
    fn new(lang: Lang) -> Words {
        let word = |key| catalog::text(lang, "calendar", key);
        Words {
            lang,
            cancelled_prefix: word("cancelled_prefix"),
            purpose: word("purpose"),
            desired_outcome: word("desired_outcome"),
            total: word("total"),
            fair_dialogue: fair_dialogue(lang),
            agenda_heading: None,
        }
    }

    /// "Agenda (times in {zone})" for this zone.
    fn agenda_heading(&mut self, zone: String) -> &str {
        if self.agenda_heading.as_ref().is_none_or(|(z, _)| *z != zone) {
            let heading = catalog::fill(self.lang, "calendar", "agenda", &[("zone", &zone)]);
            self.agenda_heading = Some((zone, heading));
        }
        self.agenda_heading.as_ref().map_or("", |(_, h)| h)
    }
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
            buf: String::with_capacity(2048),
            line: String::with_capacity(256),
            description: String::with_capacity(1024),
            words: Words::new(lang),
        };
        let mut lines = Writer {
            out: &mut w.buf,
            line: &mut w.line,
        };
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
        description(&mut self.description, entry, self.clock, &mut self.words);
        let mut lines = Writer {
            out: &mut self.buf,
            line: &mut self.line,
        };
        event(
            &mut lines,
            entry,
            &self.description,
            self.stamp,
            &self.words,
        );
        self.flush_buf()
    }

    /// Writes the end of the calendar and gives the output back.
    pub fn finish(mut self) -> std::io::Result<W> {
        Writer {
            out: &mut self.buf,
            line: &mut self.line,
        }
        .raw("END", "VCALENDAR");
        self.flush_buf()?;
        self.out.flush()?;
        Ok(self.out)
    }

    /// Writes the lines gathered. They hold no control character but their line
    /// ends: `Writer` drops every other one from the values it is given.
    fn flush_buf(&mut self) -> std::io::Result<()> {
        self.out.write_all(self.buf.as_bytes())?;
        self.buf.clear();
        Ok(())
    }
}

fn event(
    w: &mut Writer<'_>,
    entry: &CalendarEntry,
    description: &str,
    stamp: DateTime<Utc>,
    words: &Words,
) {
    let m = &entry.meeting;
    let lang = words.lang;
    let cancelled = m.status == MeetingStatus::Cancelled;
    w.raw("BEGIN", "VEVENT");
    w.line("UID").push_str(&m.uuid);
    w.line.push_str("@tidig");
    w.fold();
    w.utc("DTSTAMP", stamp);
    w.utc("DTSTART", m.start);
    w.utc("DTEND", m.end);
    // Some calendars (calcurse) ignore STATUS: the title itself says it is off.
    let prefix = if cancelled {
        words.cancelled_prefix
    } else {
        ""
    };
    let line = w.line("SUMMARY");
    escape_text_into(line, prefix);
    escape_text_into(line, &m.project_code);
    line.push_str(": ");
    escape_text_into(line, &m.title);
    w.fold();
    if !m.location.trim().is_empty() {
        w.text("LOCATION", m.location.trim());
        if let Some(url) = web_link(&m.location) {
            w.raw("URL", url);
        }
    }
    w.text("DESCRIPTION", description);
    w.raw("STATUS", if cancelled { "CANCELLED" } else { "CONFIRMED" });
    // A cancelled meeting no longer makes anyone busy.
    w.raw("TRANSP", if cancelled { "TRANSPARENT" } else { "OPAQUE" });
    let (created, modified) = (parse_stamp(&m.created_at), parse_stamp(&m.updated_at));
    push_number(w.line("SEQUENCE"), sequence_between(created, modified));
    w.fold();
    if let Some(created) = created {
        w.utc("CREATED", created);
    }
    if let Some(modified) = modified {
        w.utc("LAST-MODIFIED", modified);
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
    sequence_between(parse_stamp(&m.created_at), parse_stamp(&m.updated_at))
}

fn sequence_between(created: Option<DateTime<Utc>>, updated: Option<DateTime<Utc>>) -> u32 {
    match (created, updated) {
        (Some(c), Some(u)) => u32::try_from((u - c).num_seconds()).unwrap_or(0),
        _ => 0,
    }
}

fn parse_stamp(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Appends `t` as a UTC DATE-TIME, `YYYYMMDDTHHMMSSZ` (written out by hand: chrono's
/// `format` parses its pattern on every call, and a calendar has 100,000 of them).
fn push_utc(out: &mut String, t: DateTime<Utc>) {
    match u32::try_from(t.year()) {
        Ok(year @ 0..=9999) => {
            push_two(out, year / 100);
            push_two(out, year % 100);
        }
        _ => {
            let _ = write!(out, "{:04}", t.year());
        }
    }
    push_two(out, t.month());
    push_two(out, t.day());
    out.push('T');
    push_two(out, t.hour());
    push_two(out, t.minute());
    push_two(out, t.second());
    out.push('Z');
}

/// Appends `n` (below 100) as two digits, `{:02}` without the formatting machinery.
fn push_two(out: &mut String, n: u32) {
    out.push(char::from(b'0' + (n / 10 % 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Appends `n` in decimal, `{}` without the formatting machinery.
fn push_number(out: &mut String, n: u32) {
    if n >= 10 {
        push_number(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// Appends `HH:MM`.
fn push_clock(out: &mut String, t: NaiveDateTime) {
    push_two(out, t.hour());
    out.push(':');
    push_two(out, t.minute());
}

/// Appends `format_duration(minutes)`: "45 min", "2 h", "1 h 30 min".
fn push_duration(out: &mut String, minutes: u32) {
    let (h, m) = (minutes / 60, minutes % 60);
    if h > 0 {
        push_number(out, h);
        out.push_str(" h");
    }
    if m > 0 || h == 0 {
        if h > 0 {
            out.push(' ');
        }
        push_number(out, m);
        out.push_str(" min");
    }
}

/// Type and format, purpose, desired outcome, then the timed agenda in local time,
/// with the zone named (the reader's calendar may be in another one); into `d`.
fn description(d: &mut String, entry: &CalendarEntry, clock: &Clock, words: &mut Words) {
    let m = &entry.meeting;
    let lang = words.lang;
    d.clear();
    d.push_str(catalog::label(lang, m.kind));
    d.push_str(" · ");
    d.push_str(catalog::label(lang, m.format));
    if m.status == MeetingStatus::Cancelled {
        d.push_str(" · ");
        d.push_str(&catalog::label(lang, m.status).to_uppercase());
    }
    d.push('\n');
    for (word, text) in [
        (words.purpose, &m.purpose),
        (words.desired_outcome, &m.desired_outcome),
    ] {
        if !text.trim().is_empty() {
            d.push('\n');
            d.push_str(word);
            d.push_str(": ");
            d.push_str(text.trim());
            d.push('\n');
        }
    }
    if !entry.agenda.is_empty() {
        d.push('\n');
        d.push_str(words.agenda_heading(clock.zone_name(m.start)));
        d.push('\n');
        // Each block ends where the next begins: every boundary is made local once.
        let mut start = clock.local(m.start);
        let mut at = m.start;
        let mut total = 0;
        for item in &entry.agenda {
            at += chrono::Duration::minutes(i64::from(item.minutes));
            let end = clock.local(at);
            push_clock(d, start);
            d.push('–');
            push_clock(d, end);
            d.push(' ');
            d.push_str(&item.title);
            d.push_str(" (");
            push_duration(d, item.minutes);
            d.push_str(")\n");
            total += item.minutes;
            start = end;
        }
        let length = u32::try_from(m.minutes()).unwrap_or(0);
        fill_durations(d, words.total, total, length);
        d.push('\n');
    }
    if m.kind.is_supplier_facing() {
        d.push('\n');
        d.push_str(words.fair_dialogue);
        d.push('\n');
    }
    d.truncate(d.trim_end().len());
}

/// Appends the `total` template ("Total {total} of {length}") with both durations.
fn fill_durations(d: &mut String, template: &str, total: u32, length: u32) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        d.push_str(&rest[..open]);
        rest = &rest[open..];
        if let Some(after) = rest.strip_prefix("{total}") {
            push_duration(d, total);
            rest = after;
        } else if let Some(after) = rest.strip_prefix("{length}") {
            push_duration(d, length);
            rest = after;
        } else {
            d.push('{');
            rest = &rest[1..];
        }
    }
    d.push_str(rest);
}

/// Writes content lines: CRLF-terminated and folded. Each line is put together in
/// `line` (reused), then folded into `out`.
struct Writer<'a> {
    out: &'a mut String,
    line: &'a mut String,
}

impl Writer<'_> {
    /// Starts the line of property `name`: the name and the colon, for the value to be
    /// appended before `fold`.
    fn line(&mut self, name: &str) -> &mut String {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        self.line
    }

    /// Ends the line started with `line`.
    fn fold(&mut self) {
        fold_into(self.out, self.line);
    }

    /// A property whose value is written as given (dates, numbers, fixed words, URIs),
    /// but for control characters, which no value may hold.
    fn raw(&mut self, name: &str, value: &str) {
        let line = self.line(name);
        if value.bytes().any(may_be_control) {
            line.extend(value.chars().filter(|c| !c.is_control()));
        } else {
            line.push_str(value);
        }
        self.fold();
    }

    /// A TEXT property: escaped (RFC 5545 §3.3.11).
    fn text(&mut self, name: &str, value: &str) {
        escape_text_into(self.line(name), value);
        self.fold();
    }

    /// A DATE-TIME property in UTC.
    fn utc(&mut self, name: &str, t: DateTime<Utc>) {
        push_utc(self.line(name), t);
        self.fold();
    }
}

/// Escapes a TEXT value: backslash, semicolon, comma and newlines. A CR or CRLF is a
/// newline too; other control characters (which RFC 5545 does not allow in TEXT) are
/// dropped, except the tab.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    escape_text_into(&mut out, value);
    out
}

/// Whether a byte of UTF-8 text may start a control character: an ASCII control, or
/// the first byte of a C1 control (U+0080–U+009F are 0xC2 0x80–0x9F; 0xC2 never occurs
/// inside another character).
fn may_be_control(b: u8) -> bool {
    matches!(b, 0..=0x1f | 0x7f | 0xc2)
}

/// Whether a byte of UTF-8 text may need escaping or dropping in a TEXT value: one of
/// the escaped characters, or the start of a control character.
fn may_escape(b: u8) -> bool {
    matches!(b, b'\\' | b';' | b',') || may_be_control(b)
}

/// [`escape_text`] appended to `out`: runs of plain text are copied whole.
fn escape_text_into(out: &mut String, value: &str) {
    let mut rest = value;
    while let Some(at) = rest.bytes().position(may_escape) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let c = rest.chars().next().expect("a character at a char boundary");
        rest = &rest[c.len_utf8()..];
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if let Some(after) = rest.strip_prefix('\n') {
                    rest = after;
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push_str(rest);
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

    /// The hand-written number formatting writes what `format!` would.
    #[test]
    fn numbers_written_by_hand_match_the_formatted_ones() {
        use crate::domain::when::format_duration;
        for minutes in [0, 1, 9, 10, 45, 59, 60, 61, 90, 120, 125, 600, 1439, 6000] {
            let mut out = String::new();
            push_duration(&mut out, minutes);
            assert_eq!(out, format_duration(minutes), "{minutes}");
        }
        for n in [0, 7, 10, 99, 100, 65535, u32::MAX] {
            let mut out = String::new();
            push_number(&mut out, n);
            assert_eq!(out, n.to_string());
        }
        for (y, mo, d, h, mi, s) in [
            (2026, 12, 4, 9, 5, 7),
            (1999, 1, 31, 23, 59, 59),
            (2000, 2, 29, 0, 0, 0),
            (987, 6, 1, 12, 30, 0),
        ] {
            use chrono::TimeZone;
            let t = Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap();
            let mut out = String::new();
            push_utc(&mut out, t);
            assert_eq!(out, t.format("%Y%m%dT%H%M%SZ").to_string());
        }
    }

    /// The agenda's total line fills the catalog's template as `catalog::fill` does.
    #[test]
    fn the_total_line_is_the_catalog_s_template_filled() {
        use crate::domain::when::format_duration;
        for lang in Lang::ALL {
            let template = catalog::text(lang, "calendar", "total");
            for (total, length) in [(90, 120), (0, 45), (61, 60)] {
                let mut out = String::new();
                fill_durations(&mut out, template, total, length);
                let (t, l) = (format_duration(total), format_duration(length));
                let args: [(&str, &dyn std::fmt::Display); 2] = [("total", &t), ("length", &l)];
                assert_eq!(out, catalog::fill(lang, "calendar", "total", &args));
            }
        }
        let mut out = String::new();
        fill_durations(&mut out, "{x} {total}{", 5, 6);
        assert_eq!(out, "{x} 5 min{");
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

    /// The escaping that copies runs whole gives what escaping character by character
    /// gives, on every kind of character it has to look at twice.
    #[test]
    fn escaping_by_runs_matches_escaping_by_characters() {
        fn by_characters(value: &str) -> String {
            let mut out = String::new();
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
        for value in [
            "",
            "Åsa, Örjan; Ärla\\ö",
            "\r\n\r\r\n\n\t",
            "esc\u{1b}[31m röd\u{7}",
            "C1 \u{85}\u{9b}\u{9f} och \u{a0}\u{c2}\u{c4}Ä",
            "slut\r",
            "ÅÄÖåäö€😀,",
        ] {
            assert_eq!(escape_text(value), by_characters(value), "{value:?}");
        }
    }

    /// No control character reaches the file but the line ends, whatever a meeting's
    /// title or purpose holds (a location with one is never written as a raw URL:
    /// `web_link` refuses it).
    #[test]
    fn an_event_carries_no_control_character_but_its_line_ends() {
        let clock = Clock::Fixed(
            DateTime::parse_from_rfc3339("2026-12-01T10:00:00Z")
                .unwrap()
                .with_timezone(&Utc),
        );
        let start = clock.now();
        let meeting = Meeting {
            id: 1,
            uuid: "7d1d0000-0000-4000-8000-000000000001".into(),
            project_id: 1,
            project_code: "NORR-24".into(),
            kind: crate::domain::MeetingType::OneToOneDialogue,
            title: "Möte\u{1b}[2J\u{9b}".into(),
            purpose: "Syfte\r\nrad två\u{0}".into(),
            desired_outcome: String::new(),
            format: crate::domain::MeetingFormat::Hybrid,
            location: "https://möte.example/rum".into(),
            start,
            end: start + chrono::Duration::hours(1),
            status: MeetingStatus::Planned,
            notes_status: crate::domain::NotesStatus::Draft,
            checklist: 0,
            created_at: "2026-11-01T08:00:00Z".into(),
            updated_at: "2026-11-02T08:00:00Z".into(),
        };
        let text = calendar(
            &[CalendarEntry {
                meeting,
                agenda: vec![],
            }],
            start,
            &clock,
            Lang::Sv,
        );
        let without_line_ends = text.replace("\r\n", "");
        assert!(!without_line_ends.chars().any(char::is_control), "{text:?}");
        assert!(text.contains("URL:https://möte.example/rum"), "{text}");
    }
}
