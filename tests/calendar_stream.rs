//! The whole calendar is written as its meetings are read (`ops::export`): its bytes are
//! those of the writer that gathered every meeting first, for the demo with meetings
//! and a project lately put in the trash (sent as cancelled), for all meetings and for
//! one project, in both languages, to memory, to a file and to standard output.

mod common;

use tidig::domain::{AgendaLine, EntityKind, MeetingStatus};
use tidig::export::{self, CalendarEntry, Lang, TemplateSource};
use tidig::ops::export::{Destination, ExportJob, TRASHED_STAY_CANCELLED_DAYS, render, run};
use tidig::store::Store;

use common::cli::Sandbox;
use common::store::{block, count, meeting_input, memory_store};

/// The calendar as it was written before streaming: every meeting gathered, the
/// trashed ones added as cancelled, in the order they were made, then rendered whole.
fn gathered(store: &Store, project_id: Option<i64>, lang: Lang) -> Vec<u8> {
    let clock = store.clock();
    let mut agendas = store.agendas(project_id).unwrap();
    let mut entries: Vec<CalendarEntry> = store
        .all_meetings(project_id)
        .unwrap()
        .into_iter()
        .map(|meeting| CalendarEntry {
            agenda: (agendas.remove(&meeting.id).unwrap_or_default().iter())
                .map(AgendaLine::from)
                .collect(),
            meeting,
        })
        .collect();
    let since = clock.now() - chrono::Duration::days(TRASHED_STAY_CANCELLED_DAYS);
    for mut meeting in store.recently_trashed_meetings(project_id, since).unwrap() {
        meeting.status = MeetingStatus::Cancelled;
        entries.push(CalendarEntry {
            meeting,
            agenda: Vec::new(),
        });
    }
    entries.sort_by_key(|a| a.meeting.id);
    export::calendar(&entries, clock.now(), &clock, lang).into_bytes()
}

fn demo_with_trash() -> Store {
    let mut store = memory_store();
    tidig::ops::demo::load(&mut store, common::today()).unwrap();
    // A meeting with an agenda, and a whole project (with its meetings), to the trash.
    let meeting = count(
        &store,
        "SELECT min(meeting_id) FROM agenda_items WHERE deleted_at IS NULL",
    );
    store.trash(EntityKind::Meeting, meeting).unwrap();
    let project = count(
        &store,
        "SELECT max(project_id) FROM meetings WHERE deleted_at IS NULL",
    );
    store.trash(EntityKind::Project, project).unwrap();
    // Long in the trash, between the others: neither it nor its agenda goes out.
    store
        .connection()
        .execute(
            "UPDATE meetings SET deleted_at = '2001-01-01T00:00:00Z' WHERE id =
               (SELECT max(meeting_id) FROM agenda_items WHERE meeting_id <
                 (SELECT max(meeting_id) FROM agenda_items))",
            [],
        )
        .unwrap();
    // Made last, it starts before every other meeting: the file keeps the order the
    // meetings were made in, not their start.
    let project = count(
        &store,
        "SELECT min(id) FROM projects WHERE deleted_at IS NULL",
    );
    let first = chrono::DateTime::parse_from_rfc3339(&first_start(&store))
        .unwrap()
        .with_timezone(&chrono::Utc)
        - chrono::Duration::days(1);
    let early = store
        .create_meeting(
            project,
            &meeting_input("Tidigast", first, first + chrono::Duration::hours(1)),
        )
        .unwrap();
    store
        .add_agenda_item(early, &block("Välkommen", 15))
        .unwrap();
    store
}

fn first_start(store: &Store) -> String {
    store
        .connection()
        .query_row("SELECT min(start_at) FROM meetings", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn the_streamed_calendar_is_the_gathered_one_byte_for_byte() {
    let store = demo_with_trash();
    let cancelled = String::from_utf8(gathered(&store, None, Lang::Sv))
        .unwrap()
        .matches("STATUS:CANCELLED")
        .count();
    assert!(cancelled >= 2, "trashed meetings go out cancelled");
    let all = String::from_utf8(gathered(&store, None, Lang::Sv)).unwrap();
    let last_event = all.rsplit("BEGIN:VEVENT").next().unwrap();
    assert!(last_event.contains(": Tidigast\r\n"), "{last_event}");
    let project = count(
        &store,
        "SELECT min(project_id) FROM meetings WHERE deleted_at IS NULL",
    );
    for project_id in [None, Some(project)] {
        for lang in [Lang::Sv, Lang::En] {
            let job = ExportJob::Calendar { project_id, lang };
            let expected = gathered(&store, project_id, lang);
            assert!(expected.len() > 1000);
            let rendered = render(&store, &job, &TemplateSource::BuiltIn).unwrap();
            assert_eq!(rendered.contents, expected, "{project_id:?} {lang:?}");
        }
    }
}

#[test]
fn the_streamed_file_holds_the_same_bytes_and_is_private() {
    let mut store = demo_with_trash();
    let dir = common::store::temp_dir();
    let file = dir.path().join("all.ics");
    let job = ExportJob::Calendar {
        project_id: None,
        lang: Lang::Sv,
    };
    let done = run(
        &mut store,
        &job,
        &TemplateSource::BuiltIn,
        &Destination::File(file.clone()),
        None,
    )
    .unwrap();
    assert_eq!(done.path.as_deref(), Some(file.as_path()));
    assert_eq!(
        std::fs::read(&file).unwrap(),
        gathered(&store, None, Lang::Sv)
    );
    assert_eq!(common::mode(&file) & 0o777, 0o600);
    // Into the export folder, under the calendar's name.
    let folder = dir.path().join("exports");
    let done = run(
        &mut store,
        &job,
        &TemplateSource::BuiltIn,
        &Destination::Folder(folder.clone()),
        None,
    )
    .unwrap();
    let path = done.path.unwrap();
    assert_eq!(path.parent(), Some(folder.as_path()));
    assert!(path.to_string_lossy().ends_with(".ics"));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        gathered(&store, None, Lang::Sv)
    );
}

/// The command line streams to standard output what it writes to a file (the export
/// time, DTSTAMP, aside).
#[test]
fn standard_output_gets_the_file_s_bytes() {
    let sandbox = Sandbox::empty("Europe/Stockholm");
    sandbox.run(&["demo"]);
    let without_stamp = |ics: &str| -> String {
        ics.split("\r\n")
            .filter(|l| !l.starts_with("DTSTAMP:"))
            .collect::<Vec<_>>()
            .join("\r\n")
    };
    let file = sandbox.export_to(&["export", "calendar"], "all.ics");
    let out = sandbox.run(&["export", "calendar", "-o", "-"]);
    assert!(out.matches("BEGIN:VEVENT").count() >= 20, "{out}");
    assert!(out.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(
        without_stamp(&out),
        without_stamp(&String::from_utf8(file).unwrap())
    );
}

/// An agenda block whose meeting id is not a whole number (written by another tool
/// with foreign keys off) belongs to no meeting: every meeting keeps its agenda.
#[test]
fn a_block_of_no_meeting_leaves_every_agenda_in_place() {
    let store = demo_with_trash();
    let job = ExportJob::Calendar {
        project_id: None,
        lang: Lang::En,
    };
    let before = render(&store, &job, &TemplateSource::BuiltIn)
        .unwrap()
        .contents;
    let first = count(
        &store,
        "SELECT min(meeting_id) FROM agenda_items WHERE deleted_at IS NULL",
    );
    store
        .connection()
        .execute_batch(&format!(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO agenda_items (uuid, meeting_id, position, title, minutes,
                 created_at, updated_at)
             VALUES ('00000000-0000-4000-8000-00000000abcd', {first}.5, 1, 'Herrelös', 5,
                 '2026-11-01T08:00:00Z', '2026-11-01T08:00:00Z');
             PRAGMA foreign_keys = ON;"
        ))
        .unwrap();
    let after = render(&store, &job, &TemplateSource::BuiltIn)
        .unwrap()
        .contents;
    let agendas = |ics: &[u8]| {
        String::from_utf8_lossy(ics)
            .matches("Agenda (times in")
            .count()
    };
    assert!(agendas(&before) > 2);
    assert_eq!(agendas(&after), agendas(&before));
    assert!(!String::from_utf8_lossy(&after).contains("Herrelös"));
}
