//! Command-line tests of `list meetings`, `export calendar` and `export agenda` against
//! a temporary store filled through the library. Every run has its own config path,
//! a fixed clock (`TIDIG_NOW`) and `TZ=Europe/Stockholm`.

mod common;

use std::io::BufReader;
use std::ops::Deref;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use tidig::domain::EntityKind;
use tidig::domain::*;
use tidig::store::Store;

use common::cli::{self, json_array};
use common::{clock_in_stockholm as clock, utc};

/// The sandbox with a store of two projects and three meetings, in Stockholm.
struct Sandbox {
    sandbox: cli::Sandbox,
    /// Meeting ids: workshop (NORR-24), steering group (NORR-24), cancelled supplier
    /// information meeting (LULE-25).
    ids: [i64; 3],
}

impl Deref for Sandbox {
    type Target = cli::Sandbox;

    fn deref(&self) -> &cli::Sandbox {
        &self.sandbox
    }
}

fn at(s: &str) -> DateTime<Utc> {
    clock()
        .to_utc(NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap())
        .unwrap()
}

fn meeting_input(kind: MeetingType, title: &str, start: &str, minutes: i64) -> MeetingInput {
    MeetingInput {
        kind,
        title: title.into(),
        purpose: "Förstå behoven, tillsammans.".into(),
        desired_outcome: "En lista; prioriterad".into(),
        format: MeetingFormat::InPerson,
        location: "Stadshuset, sal Älvsjö".into(),
        start: at(start),
        end: at(start) + Duration::minutes(minutes),
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::None,
    }
}

fn agenda_input(title: &str, minutes: u32) -> AgendaItemInput {
    AgendaItemInput {
        title: title.into(),
        minutes,
        method: "Plenum".into(),
        owner: "Åsa".into(),
        expected_outcome: String::new(),
    }
}

impl Sandbox {
    fn new() -> Sandbox {
        let sandbox = cli::Sandbox::empty("Europe/Stockholm");
        let mut store = Store::open(&sandbox.db(), clock()).expect("store opens");
        let project = |code: &str, title: &str, buyer: &str| ProjectInput {
            code: code.into(),
            title: title.into(),
            buyer_name: buyer.into(),
            status: ProjectStatus::Active,
            ..ProjectInput::default()
        };
        let norr = store
            .create_project(&project(
                "NORR-24",
                "Måltider i förskolan",
                "Norrköpings kommun",
            ))
            .unwrap();
        let lule = store
            .create_project(&project("LULE-25", "Snöröjning", "Luleå kommun"))
            .unwrap();
        let workshop = store
            .create_meeting(
                norr,
                &meeting_input(
                    MeetingType::NeedsWorkshop,
                    "Behovsworkshop 1",
                    "2026-12-03 09:30",
                    120,
                ),
            )
            .unwrap();
        for (title, minutes) in [("Välkommen", 15), ("Behov i vardagen", 45), ("Fika", 15)] {
            store
                .add_agenda_item(workshop, &agenda_input(title, minutes))
                .unwrap();
        }
        let steering = store
            .create_meeting(
                norr,
                &meeting_input(
                    MeetingType::SteeringGroup,
                    "Styrgrupp",
                    "2026-11-19 13:00",
                    60,
                ),
            )
            .unwrap();
        let info = store
            .create_meeting(
                lule,
                &meeting_input(
                    MeetingType::InformationMeeting,
                    "Informationsmöte för leverantörer",
                    "2026-12-10 10:00",
                    90,
                ),
            )
            .unwrap();
        store
            .set_meeting_status(info, MeetingStatus::Cancelled)
            .unwrap();
        drop(store);
        Sandbox {
            sandbox,
            ids: [workshop, steering, info],
        }
    }
}

fn parse_ics(text: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let cal = parser.next().expect("a calendar").expect("it parses");
    assert!(parser.next().is_none());
    cal
}

/// The events of a calendar by start, as a calendar program shows them (the file
/// holds them in the order the meetings were made).
fn events_by_start(
    cal: &ical::parser::ical::component::IcalCalendar,
) -> Vec<&ical::parser::ical::component::IcalEvent> {
    let mut events: Vec<_> = cal.events.iter().collect();
    events.sort_by_key(|e| prop(e, "DTSTART").to_string());
    events
}

fn prop<'a>(event: &'a ical::parser::ical::component::IcalEvent, name: &str) -> &'a str {
    let values: Vec<&str> = event
        .properties
        .iter()
        .filter(|p| p.name == name)
        .map(|p| p.value.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(values.len(), 1, "{name}: {values:?}");
    values[0]
}

// ---------------------------------------------------------------------------------------
// list
// ---------------------------------------------------------------------------------------

#[test]
fn list_meetings_json_has_ids_uuids_project_type_utc_times_and_status() {
    let s = Sandbox::new();
    let rows = json_array(&s.run(&["list", "meetings", "--json"]));
    assert_eq!(rows.len(), 3);
    // Sorted by start.
    let titles: Vec<&str> = rows.iter().map(|r| r["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Styrgrupp",
            "Behovsworkshop 1",
            "Informationsmöte för leverantörer"
        ]
    );
    let workshop = &rows[1];
    assert_eq!(workshop["id"], s.ids[0]);
    assert_eq!(workshop["uuid"].as_str().unwrap().len(), 36);
    assert_eq!(workshop["project_code"], "NORR-24");
    assert_eq!(workshop["type"], "needs_workshop");
    assert_eq!(workshop["status"], "planned");
    // 09:30 in Stockholm in December is 08:30 UTC.
    assert_eq!(workshop["start"], "2026-12-03T08:30:00Z");
    assert_eq!(workshop["end"], "2026-12-03T10:30:00Z");
    for row in &rows {
        for key in ["start", "end"] {
            let t = row[key].as_str().unwrap();
            assert!(DateTime::parse_from_rfc3339(t).is_ok(), "{key}: {t}");
        }
    }
    assert_eq!(rows[2]["status"], "cancelled");
    assert_eq!(rows[2]["supplier_facing"], true);
}

#[test]
fn list_meetings_of_one_project_and_as_a_table_in_local_time() {
    let s = Sandbox::new();
    let rows = json_array(&s.run(&["list", "meetings", "--project", "LULE-25", "--json"]));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["project_code"], "LULE-25");
    // Codes are capitals; a lower-case code finds the project too.
    let rows = json_array(&s.run(&["list", "meetings", "--project", "norr-24", "--json"]));
    assert_eq!(rows.len(), 2);

    let table = s.run(&["list", "meetings"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 3, "{table}");
    assert!(lines[1].contains("2026-12-03 09:30–11:30"), "{table}");
    assert!(lines[1].contains("Behovsworkshop 1"), "{table}");
    assert!(
        lines[1].trim_start().starts_with(&s.ids[0].to_string()),
        "{table}"
    );
}

#[test]
fn list_projects_still_works() {
    let s = Sandbox::new();
    let rows = json_array(&s.run(&["list", "projects", "--json"]));
    assert_eq!(rows.len(), 2);
    let table = s.run(&["list", "projects"]);
    assert!(
        table.contains("NORR-24") && table.contains("LULE-25"),
        "{table}"
    );
    let rows = json_array(&s.run(&["list", "--json", "projects", "--project", "LULE-25"]));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["code"], "LULE-25");
}

#[test]
fn an_unknown_project_code_is_refused_in_one_line() {
    let s = Sandbox::new();
    for args in [
        &["list", "meetings", "--project", "NOPE-1"][..],
        &["list", "projects", "--project", "NOPE-1"][..],
        &["export", "calendar", "--project", "NOPE-1"][..],
    ] {
        let line = s.refuses(args);
        assert!(line.contains("NOPE-1"), "{line}");
    }
}

// ---------------------------------------------------------------------------------------
// export calendar
// ---------------------------------------------------------------------------------------

#[test]
fn export_calendar_to_stdout_has_every_meeting() {
    let s = Sandbox::new();
    let ics = s.run(&["export", "calendar"]);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    let cal = parse_ics(&ics);
    assert_eq!(cal.events.len(), 3);
    let events = events_by_start(&cal);
    let meetings = json_array(&s.run(&["list", "meetings", "--json"]));
    for (event, m) in events.iter().zip(&meetings) {
        assert_eq!(
            prop(event, "UID"),
            format!("{}@tidig", m["uuid"].as_str().unwrap())
        );
        let summary = prop(event, "SUMMARY");
        assert!(summary.contains(m["title"].as_str().unwrap()), "{summary}");
        assert_eq!(prop(event, "DTSTAMP"), "20261126T120000Z");
    }
    assert_eq!(prop(events[1], "DTSTART"), "20261203T083000Z");
    assert_eq!(prop(events[2], "STATUS"), "CANCELLED");
    // The agenda is in the description, in Stockholm time.
    let description = prop(events[1], "DESCRIPTION");
    assert!(
        description.contains("09:45–10:30 Behov i vardagen (45 min)"),
        "{description}"
    );
}

#[test]
fn export_calendar_to_a_file_of_one_project() {
    let s = Sandbox::new();
    let out = s.path("norr.ics");
    let printed = s.run(&[
        "export",
        "calendar",
        "--project",
        "NORR-24",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(printed.trim(), out.display().to_string());
    let text = std::fs::read_to_string(&out).unwrap();
    let cal = parse_ics(&text);
    let summaries: Vec<&str> = (events_by_start(&cal).into_iter())
        .map(|e| prop(e, "SUMMARY"))
        .collect();
    assert_eq!(
        summaries,
        ["NORR-24: Styrgrupp", "NORR-24: Behovsworkshop 1"]
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 75 && !line.contains('\n'), "{line:?}");
    }
    // No temporary file is left beside it.
    assert_eq!(
        s.files()
            .iter()
            .filter(|f| f.contains("tidig-export"))
            .count(),
        0
    );
}

#[test]
fn exporting_again_replaces_the_file_with_the_same_uids() {
    let s = Sandbox::new();
    let out = s.path("all.ics");
    let path = out.to_str().unwrap();
    s.run(&["export", "calendar", "-o", path]);
    let first = parse_ics(&std::fs::read_to_string(&out).unwrap());
    {
        let later = Clock::Fixed(utc(2026, 11, 27, 9, 0));
        let mut store = Store::open(&s.db(), later).unwrap();
        let mut input = meeting_input(
            MeetingType::NeedsWorkshop,
            "Behovsworkshop 1 (flyttad)",
            "2026-12-04 09:30",
            120,
        );
        input.location = "Rådhuset".into();
        store.update_meeting(s.ids[0], &input).unwrap();
    }
    s.run(&["export", "calendar", "-o", path]);
    let second = parse_ics(&std::fs::read_to_string(&out).unwrap());
    let uid = |c: &ical::parser::ical::component::IcalCalendar, title: &str| {
        let e = c
            .events
            .iter()
            .find(|e| prop(e, "SUMMARY").contains(title))
            .unwrap();
        (
            prop(e, "UID").to_string(),
            prop(e, "SEQUENCE").parse::<u32>().unwrap(),
        )
    };
    let (uid1, seq1) = uid(&first, "Behovsworkshop 1");
    let (uid2, seq2) = uid(&second, "flyttad");
    assert_eq!(uid1, uid2);
    assert!(seq2 > seq1, "{seq1} → {seq2}");
}

// ---------------------------------------------------------------------------------------
// export agenda
// ---------------------------------------------------------------------------------------

#[test]
fn export_agenda_as_markdown_and_html() {
    let s = Sandbox::new();
    let id = s.ids[0].to_string();
    let md = s.run(&["export", "agenda", &id]);
    assert!(md.starts_with("# Behovsworkshop 1\n"), "{md}");
    // In Swedish: the sandbox has a Swedish locale.
    assert!(md.contains("torsdag 2026-12-03, 09:30–11:30"), "{md}");
    assert!(
        md.contains("| 09:45–10:30 | Behov i vardagen | 45 min |"),
        "{md}"
    );
    assert!(md.contains("Totalt:** 1 h 15 min av 2 h"), "{md}");
    let en = s.run(&["export", "agenda", &id, "--lang", "en"]);
    assert!(en.contains("Thursday 2026-12-03, 09:30–11:30"), "{en}");
    assert!(en.contains("Total:** 1 h 15 min of 2 h"), "{en}");

    let html = s.run(&["export", "agenda", &id, "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("Behov i vardagen"));

    // The format follows the file's extension unless given.
    let out = s.path("agenda.html");
    s.run(&["export", "agenda", &id, "-o", out.to_str().unwrap()]);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let out = s.path("agenda.md");
    s.run(&[
        "export",
        "agenda",
        &id,
        "--format",
        "md",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("# Behovsworkshop 1")
    );

    // A supplier meeting carries the fair-dialogue line.
    let md = s.run(&["export", "agenda", &s.ids[2].to_string()]);
    assert!(
        md.contains(tidig::export::fair_dialogue(tidig::export::Lang::Sv)),
        "{md}"
    );
    assert!(md.contains("**INSTÄLLT**"), "{md}");
}

#[test]
fn unknown_or_trashed_meetings_are_refused_in_one_line() {
    let s = Sandbox::new();
    let line = s.refuses(&["export", "agenda", "999"]);
    assert!(line.contains("no meeting with id 999"), "{line}");
    let line = s.refuses(&["export", "agenda", "abc"]);
    assert!(line.contains("not a meeting id"), "{line}");
    {
        let mut store = Store::open(&s.db(), clock()).unwrap();
        store.trash(EntityKind::Meeting, s.ids[1]).unwrap();
    }
    let line = s.refuses(&["export", "agenda", &s.ids[1].to_string()]);
    assert!(line.contains("trash"), "{line}");
    // A trashed meeting is not listed; the calendar still carries it, cancelled, so
    // that calendars which imported it take it off.
    assert_eq!(json_array(&s.run(&["list", "meetings", "--json"])).len(), 2);
    let ics = s.run(&["export", "calendar"]);
    assert_eq!(parse_ics(&ics).events.len(), 3);
    // (the sandbox has one cancelled meeting already)
    assert_eq!(ics.matches("STATUS:CANCELLED").count(), 2, "{ics}");
}

#[test]
fn a_failed_export_leaves_the_output_file_as_it_was() {
    let s = Sandbox::new();
    let out = s.path("agenda.md");
    std::fs::write(&out, "old contents\n").unwrap();
    let before = s.files();
    s.refuses(&["export", "agenda", "999", "-o", out.to_str().unwrap()]);
    s.refuses(&[
        "export",
        "calendar",
        "--project",
        "NOPE",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old contents\n");
    assert_eq!(s.files(), before, "no stray files");

    // A folder that does not exist: one line, nothing written.
    let missing = s.path("no/such/dir/cal.ics");
    let line = s.refuses(&["export", "calendar", "-o", missing.to_str().unwrap()]);
    assert!(line.contains("cannot write"), "{line}");
    assert_eq!(s.files(), before);

    // The store itself is never overwritten by an export: a .db is no export format,
    // a link to it is refused as the store, and a second name for it (a hard link) is
    // replaced by a new file, never written into.
    let db_before = std::fs::read(s.db()).unwrap();
    let line = s.refuses(&["export", "calendar", "-o", s.db().to_str().unwrap()]);
    assert!(line.contains("cannot write .db"), "{line}");
    let symlink = s.path("store.ics");
    std::os::unix::fs::symlink(s.db(), &symlink).unwrap();
    let line = s.refuses(&["export", "calendar", "-o", symlink.to_str().unwrap()]);
    assert!(line.contains("refusing"), "{line}");
    std::fs::remove_file(&symlink).unwrap();
    let second_name = s.path("store2.ics");
    std::fs::hard_link(s.db(), &second_name).unwrap();
    s.run(&["export", "calendar", "-o", second_name.to_str().unwrap()]);
    std::fs::remove_file(&second_name).unwrap();
    assert_eq!(std::fs::read(s.db()).unwrap(), db_before);
}

#[cfg(unix)]
#[test]
fn a_replaced_file_keeps_its_permissions_and_a_new_one_is_private() {
    use common::mode;
    use std::os::unix::fs::PermissionsExt;
    let s = Sandbox::new();
    let new = s.path("new.ics");
    s.run(&["export", "calendar", "-o", new.to_str().unwrap()]);
    assert_eq!(mode(&new), 0o600);
    let shared = s.path("shared.ics");
    std::fs::write(&shared, "x").unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o644)).unwrap();
    s.run(&["export", "calendar", "-o", shared.to_str().unwrap()]);
    assert_eq!(mode(&shared), 0o644);
    assert!(
        std::fs::read_to_string(&shared)
            .unwrap()
            .starts_with("BEGIN:VCALENDAR")
    );
}
