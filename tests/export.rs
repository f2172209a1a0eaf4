//! Export tests on hand-built meetings: the iCalendar file read back with an
//! independent parser (the `ical` crate) and checked line by line, and the printable
//! agenda in Markdown and HTML (snapshots, escaping, the fair-dialogue line, times
//! across daylight-saving changes in Stockholm).

mod common;

use std::io::BufReader;

use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use tidig::domain::*;
use tidig::export::{self, AgendaFormat, CalendarEntry, Lang};

/// The fair-dialogue statement as the English documents give it.
fn fair() -> &'static str {
    export::fair_dialogue(Lang::En)
}

use common::clock_in_stockholm as clock;
use common::export::project;

// ---------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------

fn stamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

/// A Stockholm wall-clock time as UTC.
fn local(s: &str) -> DateTime<Utc> {
    let t = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    clock().to_utc(t).unwrap()
}

fn meeting(id: i64, start: &str, minutes: i64, title: &str) -> Meeting {
    let start = local(start);
    Meeting {
        id,
        uuid: format!("00000000-0000-4000-8000-{id:012}"),
        project_id: 1,
        project_code: "NORR-24".into(),
        kind: MeetingType::NeedsWorkshop,
        title: title.into(),
        purpose: "Förstå vad förskolorna behöver av måltiderna.".into(),
        desired_outcome: "En prioriterad lista med behov, validerad av kökspersonalen.".into(),
        format: MeetingFormat::InPerson,
        location: "Stadshuset, sal Älvsjö".into(),
        start,
        end: start + Duration::minutes(minutes),
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::None,
        checklist: 0,
        created_at: "2026-11-01T08:00:00Z".into(),
        updated_at: "2026-11-02T09:30:00Z".into(),
    }
}

fn item(position: i64, title: &str, minutes: u32) -> AgendaItem {
    AgendaItem {
        id: position,
        uuid: format!("10000000-0000-4000-8000-{position:012}"),
        meeting_id: 1,
        position,
        title: title.into(),
        minutes,
        method: String::new(),
        owner: String::new(),
        expected_outcome: String::new(),
    }
}

fn workshop_agenda() -> Vec<AgendaItem> {
    let mut items = vec![
        item(1, "Välkommen och syfte", 15),
        item(2, "Behov i vardagen: gruppdiskussion", 45),
        item(3, "Fika", 15),
        item(4, "Prioritering av behoven", 30),
    ];
    items[0].method = "Plenum".into();
    items[0].owner = "Åsa Öberg".into();
    items[1].method = "Smågrupper, 4–5 personer".into();
    items[1].owner = "Facilitator".into();
    items[1].expected_outcome = "Behov formulerade som \"Som … behöver jag … så att …\"".into();
    items[3].method = "Prickröstning".into();
    items[3].owner = "Åsa Öberg".into();
    items[3].expected_outcome = "Topp fem behov".into();
    items
}

fn attendee(id: i64, name: &str, org: &str, supplier: bool, role: AttendanceRole) -> Attendance {
    Attendance {
        id,
        meeting_id: 1,
        person_id: id,
        person_name: name.into(),
        organisation_name: Some(org.into()),
        organisation_is_supplier: supplier,
        role,
        invited: true,
        attended: false,
    }
}

fn entry(meeting: Meeting, agenda: Vec<AgendaItem>) -> CalendarEntry {
    let agenda = agenda.iter().map(AgendaLine::from).collect();
    CalendarEntry { meeting, agenda }
}

/// Three meetings: planned (with a long Swedish agenda), held, and cancelled.
fn three_meetings() -> Vec<CalendarEntry> {
    let planned = meeting(1, "2026-12-03 09:30", 120, "Behovsworkshop 1");
    let mut held = meeting(
        2,
        "2026-11-19 13:00",
        60,
        "Projektmöte; uppföljning, steg 2",
    );
    held.status = MeetingStatus::Held;
    held.kind = MeetingType::ProjectMeeting;
    held.location = "https://meet.example.se/norr-24".into();
    let mut cancelled = meeting(
        3,
        "2026-12-10 10:00",
        90,
        "Informationsmöte för leverantörer",
    );
    cancelled.status = MeetingStatus::Cancelled;
    cancelled.kind = MeetingType::InformationMeeting;
    vec![
        entry(planned, workshop_agenda()),
        entry(held, vec![item(1, "Läget", 30), item(2, "Nästa steg", 30)]),
        entry(cancelled, vec![]),
    ]
}

// ---------------------------------------------------------------------------------------
// Reading iCalendar back
// ---------------------------------------------------------------------------------------

fn parse(ics: &str) -> IcalCalendar {
    let mut parser = ical::IcalParser::new(BufReader::new(ics.as_bytes()));
    let cal = parser
        .next()
        .expect("one calendar")
        .expect("the calendar parses");
    assert!(parser.next().is_none(), "exactly one VCALENDAR");
    cal
}

/// The single value of `name` in a list of properties (fails if absent or repeated).
fn value<'a>(props: &'a [ical::property::Property], name: &str) -> &'a str {
    let found: Vec<_> = props.iter().filter(|p| p.name == name).collect();
    assert_eq!(found.len(), 1, "{name} appears {} times", found.len());
    found[0].value.as_deref().unwrap_or("")
}

fn prop<'a>(event: &'a IcalEvent, name: &str) -> &'a str {
    value(&event.properties, name)
}

/// Reverses RFC 5545 TEXT escaping.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(c @ ('\\' | ';' | ',')) => out.push(c),
                other => panic!("bad escape \\{other:?} in {s:?}"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed.
fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "").replace("\r\n\t", "")
}

/// The unfolded, still escaped value of the first `name` property in the raw text.
fn raw_value(ics: &str, name: &str) -> String {
    let unfolded = unfold(ics);
    let prefix = format!("{name}:");
    unfolded
        .split("\r\n")
        .find_map(|l| l.strip_prefix(prefix.as_str()))
        .unwrap_or_else(|| panic!("no {name}"))
        .to_string()
}

fn utc_text(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

// ---------------------------------------------------------------------------------------
// iCalendar
// ---------------------------------------------------------------------------------------

#[test]
fn every_event_has_every_required_property() {
    let entries = three_meetings();
    let ics = export::calendar(&entries, stamp(), &clock(), Lang::En);
    let cal = parse(&ics);

    assert_eq!(value(&cal.properties, "VERSION"), "2.0");
    assert!(value(&cal.properties, "PRODID").contains("tidig"));
    assert_eq!(value(&cal.properties, "CALSCALE"), "GREGORIAN");
    assert_eq!(value(&cal.properties, "METHOD"), "PUBLISH");
    assert_eq!(cal.events.len(), entries.len());

    for (event, e) in cal.events.iter().zip(&entries) {
        let m = &e.meeting;
        assert_eq!(prop(event, "UID"), format!("{}@tidig", m.uuid));
        assert_eq!(prop(event, "DTSTAMP"), "20261126T120000Z");
        assert_eq!(prop(event, "DTSTART"), utc_text(m.start));
        assert_eq!(prop(event, "DTEND"), utc_text(m.end));
        for name in ["DTSTAMP", "DTSTART", "DTEND", "LAST-MODIFIED"] {
            let v = prop(event, name);
            assert!(
                NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%SZ").is_ok(),
                "{name}:{v} is not a UTC date-time"
            );
        }
        let cancelled = if m.status == MeetingStatus::Cancelled {
            "CANCELLED: "
        } else {
            ""
        };
        assert_eq!(
            unescape(prop(event, "SUMMARY")),
            format!("{cancelled}NORR-24: {}", m.title)
        );
        assert_eq!(unescape(prop(event, "LOCATION")), m.location);
        let description = unescape(prop(event, "DESCRIPTION"));
        assert!(description.contains(m.kind.label()), "{description}");
        assert!(description.contains(&m.purpose), "{description}");
        assert!(description.contains(&m.desired_outcome), "{description}");
        let expected_status = match m.status {
            MeetingStatus::Cancelled => "CANCELLED",
            _ => "CONFIRMED",
        };
        assert_eq!(prop(event, "STATUS"), expected_status);
        assert!(prop(event, "SEQUENCE").parse::<u32>().is_ok());
        assert_eq!(prop(event, "LAST-MODIFIED"), "20261102T093000Z");
    }
    // The video link is also given as a URL; a place name is not.
    assert_eq!(
        prop(&cal.events[1], "URL"),
        "https://meet.example.se/norr-24"
    );
    assert!(cal.events[0].properties.iter().all(|p| p.name != "URL"));
}

#[test]
fn the_description_has_the_timed_agenda_in_local_time() {
    let ics = export::calendar(&three_meetings(), stamp(), &clock(), Lang::En);
    let cal = parse(&ics);
    let description = unescape(prop(&cal.events[0], "DESCRIPTION"));
    let expected = "Needs workshop · In person

Purpose: Förstå vad förskolorna behöver av måltiderna.

Desired outcome: En prioriterad lista med behov, validerad av kökspersonalen.

Agenda (times in Europe/Stockholm)
09:30–09:45 Välkommen och syfte (15 min)
09:45–10:30 Behov i vardagen: gruppdiskussion (45 min)
10:30–10:45 Fika (15 min)
10:45–11:15 Prioritering av behoven (30 min)
Total 1 h 45 min of 2 h";
    assert_eq!(description, expected);
}

#[test]
fn crlf_everywhere_and_no_line_longer_than_75_octets() {
    let mut entries = three_meetings();
    // Long lines of multi-byte characters, so folds land next to å, ä, ö and dashes.
    entries[0].meeting.purpose = "Åäö–".repeat(60);
    entries[0].meeting.title = format!("Behovsworkshop {}", "ä".repeat(80));
    let ics = export::calendar(&entries, stamp(), &clock(), Lang::En);

    assert!(ics.ends_with("\r\n"));
    let bytes = ics.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at byte {i}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at byte {i}");
        }
    }
    let lines: Vec<&str> = ics.trim_end_matches("\r\n").split("\r\n").collect();
    assert!(lines.len() > 40);
    let mut folded = 0;
    for line in &lines {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        if line.starts_with(' ') {
            folded += 1;
        }
    }
    assert!(folded > 5, "long values are folded");
    // Splitting the text on CRLF gave valid UTF-8 strings: no character was cut.
}

#[test]
fn unfolding_gives_back_the_original_swedish_text() {
    let mut entries = three_meetings();
    let purpose = "Vi vill förstå hur måltiderna på förskolorna i Norrköping fungerar i \
                   vardagen: vad barnen äter, vad som slängs, hur kökspersonalen arbetar \
                   och vad föräldrarna önskar. Övergripande mål är att minska matsvinnet \
                   med en fjärdedel före år 2028 – utan att göra avkall på näringen.";
    entries[0].meeting.purpose = purpose.into();
    let ics = export::calendar(&entries, stamp(), &clock(), Lang::En);

    // By hand, following RFC 5545 §3.1 exactly.
    let description = unescape(&raw_value(&ics, "DESCRIPTION"));
    assert!(description.contains(purpose), "{description}");
    // And with the independent parser, which also trims line ends.
    let cal = parse(&ics);
    let parsed = unescape(prop(&cal.events[0], "DESCRIPTION"));
    assert_eq!(parsed, description);
}

#[test]
fn commas_semicolons_backslashes_and_newlines_are_escaped() {
    let mut entries = three_meetings();
    let m = &mut entries[0].meeting;
    m.title = r"Möte; del 1, C:\temp".into();
    m.location = "Rum 3, plan 2; ingång B".into();
    m.purpose = "Rad ett\nRad två\r\nRad tre".into();
    let ics = export::calendar(&entries, stamp(), &clock(), Lang::En);

    assert_eq!(
        raw_value(&ics, "SUMMARY"),
        r"NORR-24: Möte\; del 1\, C:\\temp"
    );
    assert_eq!(raw_value(&ics, "LOCATION"), r"Rum 3\, plan 2\; ingång B");
    let description = raw_value(&ics, "DESCRIPTION");
    assert!(
        description.contains(r"Purpose: Rad ett\nRad två\nRad tre\n"),
        "{description}"
    );
    // No unescaped separator is left in any TEXT value.
    for name in ["SUMMARY", "LOCATION", "DESCRIPTION"] {
        let raw = raw_value(&ics, name);
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => assert!(
                    matches!(chars.next(), Some('\\' | ';' | ',' | 'n')),
                    "{name}: {raw}"
                ),
                ';' | ',' | '\r' | '\n' => panic!("unescaped {c:?} in {name}: {raw}"),
                _ => {}
            }
        }
    }
    let cal = parse(&ics);
    assert_eq!(
        unescape(prop(&cal.events[0], "SUMMARY")),
        r"NORR-24: Möte; del 1, C:\temp"
    );
    assert_eq!(
        unescape(prop(&cal.events[0], "LOCATION")),
        "Rum 3, plan 2; ingång B"
    );
}

#[test]
fn a_cancelled_meeting_is_cancelled_in_the_calendar() {
    let ics = export::calendar(&three_meetings(), stamp(), &clock(), Lang::En);
    let cal = parse(&ics);
    let statuses: Vec<&str> = cal.events.iter().map(|e| prop(e, "STATUS")).collect();
    assert_eq!(statuses, ["CONFIRMED", "CONFIRMED", "CANCELLED"]);
    assert_eq!(prop(&cal.events[2], "TRANSP"), "TRANSPARENT");
    assert_eq!(prop(&cal.events[0], "TRANSP"), "OPAQUE");
}

#[test]
fn exporting_again_keeps_the_uid_and_an_update_raises_the_sequence() {
    let before = three_meetings();
    let first = parse(&export::calendar(&before, stamp(), &clock(), Lang::En));

    let mut after = three_meetings();
    after[0].meeting.start += Duration::hours(1);
    after[0].meeting.end += Duration::hours(1);
    after[0].meeting.updated_at = "2026-11-27T10:00:00Z".into();
    let later = stamp() + Duration::days(1);
    let second = parse(&export::calendar(&after, later, &clock(), Lang::En));

    for (a, b) in first.events.iter().zip(&second.events) {
        assert_eq!(prop(a, "UID"), prop(b, "UID"));
    }
    let uids: Vec<&str> = first.events.iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(
        uids.len(),
        uids.iter().collect::<std::collections::HashSet<_>>().len()
    );
    let seq = |e: &IcalEvent| prop(e, "SEQUENCE").parse::<u32>().unwrap();
    assert!(seq(&second.events[0]) > seq(&first.events[0]));
    assert_eq!(seq(&second.events[1]), seq(&first.events[1]), "unchanged");
    assert_eq!(prop(&second.events[0], "DTSTAMP"), "20261127T120000Z");
    assert_eq!(prop(&second.events[0], "LAST-MODIFIED"), "20261127T100000Z");

    // A meeting never changed since it was created starts at sequence 0.
    let mut fresh = three_meetings();
    fresh[0].meeting.updated_at = fresh[0].meeting.created_at.clone();
    let cal = parse(&export::calendar(&fresh, stamp(), &clock(), Lang::En));
    assert_eq!(prop(&cal.events[0], "SEQUENCE"), "0");
}

#[test]
fn times_are_utc_and_local_times_follow_daylight_saving() {
    let day = |start: &str| entry(meeting(1, start, 60, "Möte"), vec![item(1, "Start", 15)]);
    let entries = vec![
        day("2026-10-24 09:00"), // summer time, UTC+2
        day("2026-10-25 09:00"), // winter time from 03:00 that night, UTC+1
        day("2026-03-28 09:00"), // winter time
        day("2026-03-29 09:00"), // summer time from 02:00 that night
    ];
    let cal = parse(&export::calendar(&entries, stamp(), &clock(), Lang::En));
    let starts: Vec<&str> = cal.events.iter().map(|e| prop(e, "DTSTART")).collect();
    assert_eq!(
        starts,
        [
            "20261024T070000Z",
            "20261025T080000Z",
            "20260328T080000Z",
            "20260329T070000Z"
        ]
    );
    for event in &cal.events {
        let description = unescape(prop(event, "DESCRIPTION"));
        assert!(
            description.contains("09:00–09:15 Start (15 min)"),
            "{description}"
        );
    }

    // A night session across the spring change: 30 real minutes from 01:30 end at 03:00.
    let night = entry(
        meeting(1, "2026-03-29 01:30", 60, "Nattövning"),
        vec![item(1, "Första passet", 30), item(2, "Andra passet", 30)],
    );
    let cal = parse(&export::calendar(&[night], stamp(), &clock(), Lang::En));
    assert_eq!(prop(&cal.events[0], "DTSTART"), "20260329T003000Z");
    assert_eq!(prop(&cal.events[0], "DTEND"), "20260329T013000Z");
    let description = unescape(prop(&cal.events[0], "DESCRIPTION"));
    assert!(description.contains("01:30–03:00 Första passet (30 min)"));
    assert!(description.contains("03:00–03:30 Andra passet (30 min)"));
}

#[test]
fn supplier_meetings_carry_the_fair_dialogue_line_in_the_calendar() {
    let cal = parse(&export::calendar(
        &three_meetings(),
        stamp(),
        &clock(),
        Lang::En,
    ));
    let description = |i: usize| unescape(prop(&cal.events[i], "DESCRIPTION"));
    assert!(description(2).contains(fair()));
    assert!(!description(0).contains(fair()));
}

#[test]
fn an_empty_calendar_is_still_a_calendar() {
    let ics = export::calendar(&[], stamp(), &clock(), Lang::En);
    let cal = parse(&ics);
    assert!(cal.events.is_empty());
    assert_eq!(value(&cal.properties, "VERSION"), "2.0");
}

// ---------------------------------------------------------------------------------------
// Printable agenda
// ---------------------------------------------------------------------------------------

fn people() -> Vec<Attendance> {
    vec![
        attendee(
            1,
            "Åsa Öberg",
            "Norrköpings kommun",
            false,
            AttendanceRole::Chair,
        ),
        attendee(
            2,
            "Lena Ek",
            "Tidig dialog AB",
            false,
            AttendanceRole::Facilitator,
        ),
        attendee(
            3,
            "Per Ström",
            "Förskoleförvaltningen",
            false,
            AttendanceRole::Participant,
        ),
    ]
}

fn render(format: AgendaFormat, m: &Meeting, agenda: &[AgendaItem], att: &[Attendance]) -> String {
    if format == AgendaFormat::Docx {
        let doc = export::docx::agenda(Lang::En, &project(), m, agenda, att, &clock());
        return common::docx::dump(&export::docx::write(&doc, None).expect("the Word file"));
    }
    export::render_agenda(format, Lang::En, &project(), m, agenda, att, &clock()).expect("renders")
}

#[test]
fn markdown_agenda_snapshot() {
    let m = meeting(1, "2026-12-03 09:30", 120, "Behovsworkshop 1");
    let md = render(AgendaFormat::Markdown, &m, &workshop_agenda(), &people());
    insta::assert_snapshot!("agenda_markdown", md);
}

#[test]
fn html_agenda_snapshot() {
    let mut m = meeting(1, "2026-12-03 09:30", 120, "Behovsworkshop 1");
    m.kind = MeetingType::SupplierWorkshop;
    let html = render(AgendaFormat::Html, &m, &workshop_agenda(), &people());
    // The version in the generator line changes with every release.
    let html = html.replace(env!("CARGO_PKG_VERSION"), "[version]");
    insta::assert_snapshot!("agenda_html", html);
}

#[test]
fn the_agenda_shows_date_week_times_and_the_total() {
    let m = meeting(1, "2026-12-03 09:30", 120, "Behovsworkshop 1");
    for format in [
        AgendaFormat::Markdown,
        AgendaFormat::Html,
        AgendaFormat::Docx,
    ] {
        let out = render(format, &m, &workshop_agenda(), &people());
        assert!(
            out.contains("Thursday 2026-12-03, 09:30–11:30 (2 h)"),
            "{out}"
        );
        assert!(out.contains("week 49"), "{out}");
        for time in ["09:30–09:45", "09:45–10:30", "10:30–10:45", "10:45–11:15"] {
            assert!(out.contains(time), "{time} in {out}");
        }
        let total = match format {
            AgendaFormat::Markdown => "**Total:** 1 h 45 min of 2 h",
            AgendaFormat::Html => "<td class=\"len total\">1 h 45 min</td>",
            AgendaFormat::Docx => "[-] Total: 1 h 45 min of 2 h — 15 min to spare",
        };
        assert!(out.contains(total), "{out}");
        assert!(out.contains("15 min to spare"), "{out}");
        assert!(out.contains("Åsa Öberg"));
        // HTML escaping also writes `/` as `&#x2f;`.
        assert!(out.contains("KS 2024/0117") || out.contains("KS 2024&#x2f;0117"));
    }
}

#[test]
fn an_overrun_is_shown_as_over() {
    let m = meeting(1, "2026-12-03 09:30", 60, "Kort möte");
    for format in [
        AgendaFormat::Markdown,
        AgendaFormat::Html,
        AgendaFormat::Docx,
    ] {
        let out = render(format, &m, &workshop_agenda(), &[]);
        assert!(out.contains("45 min over"), "{out}");
    }
}

#[test]
fn agenda_times_across_the_autumn_change_are_local() {
    // Sunday 25 October 2026: clocks go back at 03:00; the meeting is in winter time.
    let m = meeting(1, "2026-10-25 09:00", 60, "Söndagsmöte");
    assert_eq!(
        m.start,
        Utc.with_ymd_and_hms(2026, 10, 25, 8, 0, 0).unwrap()
    );
    let out = render(AgendaFormat::Markdown, &m, &[item(1, "Start", 20)], &[]);
    assert!(
        out.contains("Sunday 2026-10-25, 09:00–10:00 (1 h) · week 43"),
        "{out}"
    );
    assert!(out.contains("| 09:00–09:20 | Start |"), "{out}");
}

#[test]
fn supplier_facing_agendas_carry_the_fair_dialogue_line() {
    let internal = meeting(1, "2026-12-03 09:30", 120, "Projektmöte");
    let mut by_type = internal.clone();
    by_type.kind = MeetingType::OneToOneDialogue;
    let with_supplier = {
        let mut p = people();
        p.push(attendee(
            9,
            "Kim Lund",
            "Matleverantören AB",
            true,
            AttendanceRole::Participant,
        ));
        p
    };
    for format in [AgendaFormat::Markdown, AgendaFormat::Html] {
        assert!(!render(format, &internal, &[], &people()).contains(fair()));
        assert!(render(format, &by_type, &[], &people()).contains(fair()));
        assert!(render(format, &internal, &[], &with_supplier).contains(fair()));
    }
}

#[test]
fn html_escapes_everything_the_user_typed() {
    let hostile = r#"<script>alert(1)</script> "citat" & 'apostrof'"#;
    let mut m = meeting(1, "2026-12-03 09:30", 120, hostile);
    m.purpose = hostile.into();
    m.desired_outcome = hostile.into();
    m.location = hostile.into();
    let mut p = project();
    p.title = hostile.into();
    p.buyer_name = Some(hostile.into());
    p.case_number = hostile.into();
    let mut agenda = workshop_agenda();
    agenda[0].title = hostile.into();
    agenda[0].method = hostile.into();
    agenda[0].owner = hostile.into();
    agenda[0].expected_outcome = hostile.into();
    let att = vec![attendee(1, hostile, hostile, false, AttendanceRole::Chair)];

    let html = export::render_agenda(
        AgendaFormat::Html,
        Lang::En,
        &p,
        &m,
        &agenda,
        &att,
        &clock(),
    )
    .unwrap();
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains(r#""citat""#), "{html}");
    assert!(!html.contains("'apostrof'"), "{html}");
    assert!(!html.contains(" & "), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;"), "{html}");
    assert!(html.contains("&amp;"));
    assert!(html.contains("&quot;citat&quot;") || html.contains("&#34;citat&#34;"));
    // Every field was rendered (escaped) rather than dropped.
    assert!(html.matches("&lt;script&gt;").count() >= 13, "{html}");

    // A link is made only of a plain web address.
    let mut m = meeting(1, "2026-12-03 09:30", 120, "Möte");
    m.location = "javascript:alert(1)".into();
    let html = render(AgendaFormat::Html, &m, &[], &[]);
    assert!(!html.contains("href=\"javascript"), "{html}");
    m.location = "https://meet.example.se/abc?x=1&y=2".into();
    let html = render(AgendaFormat::Html, &m, &[], &[]);
    assert!(html.contains("<a class=\"bare\" href=\"https:"), "{html}");
    assert!(html.contains("x=1&amp;y=2"), "{html}");
}

#[test]
fn html_is_one_self_contained_page_with_print_styles() {
    let m = meeting(1, "2026-12-03 09:30", 120, "Behovsworkshop 1");
    let html = render(AgendaFormat::Html, &m, &workshop_agenda(), &people());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("@media print"));
    assert!(html.contains("@page {\n  size: A4;"));
    for external in ["<link", "<script", "src=", "@import", "url("] {
        assert!(!html.contains(external), "{external} in the page");
    }
}

#[test]
fn markdown_keeps_user_text_as_text() {
    let mut m = meeting(1, "2026-12-03 09:30", 120, "Möte <b>*viktigt*</b>");
    m.purpose = "Rad ett\nRad två".into();
    let mut agenda = workshop_agenda();
    agenda[0].title = "Val | omröstning".into();
    agenda[0].expected_outcome = "Ett beslut\noch en plan".into();
    let md = render(AgendaFormat::Markdown, &m, &agenda, &[]);
    assert!(md.contains(r"# Möte \<b\>\*viktigt\*\</b\>"), "{md}");
    assert!(md.contains("Rad ett  \nRad två"), "{md}");
    // Every table row still has six cells.
    for row in md
        .lines()
        .filter(|l| l.starts_with("| 0") || l.starts_with("| 1"))
    {
        let cells = row.replace(r"\|", "").matches('|').count();
        assert_eq!(cells, 7, "{row}");
    }
    assert!(md.contains(r"Val \| omröstning"));
    assert!(md.contains("Ett beslut<br>och en plan"));
}

#[test]
fn a_cancelled_meeting_says_so_on_the_agenda() {
    let mut m = meeting(1, "2026-12-03 09:30", 120, "Behovsworkshop 1");
    m.status = MeetingStatus::Cancelled;
    assert!(render(AgendaFormat::Markdown, &m, &[], &[]).contains("> **CANCELLED**"));
    assert!(render(AgendaFormat::Html, &m, &[], &[]).contains("<p class=\"banner\">Cancelled</p>"));
}

// ---------------------------------------------------------------------------------------
// In Swedish
// ---------------------------------------------------------------------------------------

fn render_sv(format: AgendaFormat, m: &Meeting) -> String {
    export::render_agenda(
        format,
        Lang::Sv,
        &project(),
        m,
        &workshop_agenda(),
        &people(),
        &clock(),
    )
    .expect("renders")
    .replace(env!("CARGO_PKG_VERSION"), "[version]")
}

#[test]
fn swedish_agenda_snapshots() {
    let mut m = meeting(1, "2026-12-03 09:30", 120, "Behovsworkshop 1");
    m.kind = MeetingType::SupplierWorkshop;
    insta::assert_snapshot!("agenda_markdown_sv", render_sv(AgendaFormat::Markdown, &m));
    insta::assert_snapshot!("agenda_html_sv", render_sv(AgendaFormat::Html, &m));
}

#[test]
fn a_swedish_agenda_has_no_english_label() {
    let mut m = meeting(1, "2026-12-03 09:30", 120, "Behovsworkshop 1");
    m.status = MeetingStatus::Cancelled;
    let md = render_sv(AgendaFormat::Markdown, &m);
    for english in [
        "When",
        "Where",
        "Format:",
        "Type",
        "Purpose",
        "Agenda",
        "Total:",
        " of ",
        "week",
        "Thursday",
        "CANCELLED",
        "Case number",
        "Owner",
        "Length",
    ] {
        assert!(!md.contains(english), "{english:?} in\n{md}");
    }
    assert!(md.contains("**Tid:** torsdag 2026-12-03, 09:30–11:30 (2 h) · vecka 49"));
    assert!(md.contains("> **INSTÄLLT**"));
    let html = render_sv(AgendaFormat::Html, &m);
    assert!(html.contains("<html lang=\"sv\">"));
    assert!(html.contains("<dt>Mötestyp</dt>"));
}

#[test]
fn a_swedish_calendar_says_instaellt_and_names_the_zone() {
    let ics = export::calendar(&three_meetings(), stamp(), &clock(), Lang::Sv);
    let cal = parse(&ics);
    assert_eq!(
        unescape(prop(&cal.events[2], "SUMMARY")),
        "INSTÄLLT: NORR-24: Informationsmöte för leverantörer"
    );
    assert_eq!(
        unescape(prop(&cal.events[0], "SUMMARY")),
        "NORR-24: Behovsworkshop 1"
    );
    assert_eq!(
        prop(&cal.events[2], "CATEGORIES"),
        "Informationsmöte för leverantörer"
    );
    let description = unescape(prop(&cal.events[0], "DESCRIPTION"));
    assert!(
        description.starts_with("Behovsworkshop · På plats\n"),
        "{description}"
    );
    assert!(
        description.contains("\nDagordning (tider i Europe/Stockholm)\n"),
        "{description}"
    );
    assert!(
        description.contains("\nTotalt 1 h 45 min av 2 h"),
        "{description}"
    );
    let cancelled = unescape(prop(&cal.events[2], "DESCRIPTION"));
    assert!(cancelled.contains(" · INSTÄLLT"), "{cancelled}");
    assert!(
        cancelled.contains(export::fair_dialogue(Lang::Sv)),
        "{cancelled}"
    );
    // In English the prefix is CANCELLED.
    let en = parse(&export::calendar(
        &three_meetings(),
        stamp(),
        &clock(),
        Lang::En,
    ));
    assert!(unescape(prop(&en.events[2], "SUMMARY")).starts_with("CANCELLED: NORR-24: "));
}
