//! One row that a reader cannot parse never hides a list (issue 9, item 7): a meeting
//! whose stored date is unreadable (written here with raw SQL, as an old
//! version or another program could have) is set aside by the store with its id, left
//! out of CLI lists and calendar exports with one warning line on standard error, and
//! shown in the app's lists as an unreadable row that `d` moves to the trash.

mod common;

use chrono::Duration;
use crossterm::event::KeyCode;
use tidig::app::{App, Screen, keymap::Context};
use tidig::domain::{MeetingFormat, MeetingInput, MeetingStatus, MeetingType, NotesStatus};
use tidig::store::Store;

use common::screen::{ch, press, render, select_project};
use common::store::norr;
use common::{clock, utc};

fn meeting(title: &str, day: u32) -> MeetingInput {
    let start = utc(2026, 11, day, 9, 0);
    MeetingInput {
        kind: MeetingType::NeedsWorkshop,
        title: title.into(),
        purpose: String::new(),
        desired_outcome: String::new(),
        format: MeetingFormat::InPerson,
        location: String::new(),
        start,
        end: start + Duration::hours(1),
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::None,
    }
}

/// A project with two readable meetings (Friday and Saturday of the fixed week) and
/// two poisoned ones: a start in year 11609, and an end at 25:00 on Friday.
/// Returns (project id, [year id, status id]).
fn poison(store: &mut Store) -> (i64, [i64; 2]) {
    let p = norr(store);
    store
        .create_meeting(p, &meeting("Läsbart möte", 27))
        .unwrap();
    store
        .create_meeting(p, &meeting("Också läsbart", 28))
        .unwrap();
    let year = store.create_meeting(p, &meeting("År 11609", 27)).unwrap();
    let status = store.create_meeting(p, &meeting("Klockan 25", 27)).unwrap();
    let conn = store.connection();
    conn.execute(
        "UPDATE meetings SET start_at = '11609-01-01T09:00:00Z' WHERE id = ?1",
        [year],
    )
    .unwrap();
    conn.execute(
        "UPDATE meetings SET end_at = '2026-11-27T25:00:00Z' WHERE id = ?1",
        [status],
    )
    .unwrap();
    (p, [year, status])
}

#[test]
fn the_store_sets_unreadable_rows_aside_and_lists_the_rest() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (p, [year, status]) = poison(&mut store);

    let listed = store.project_meetings_listed(p).unwrap();
    let titles: Vec<&str> = listed.rows.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(titles, ["Läsbart möte", "Också läsbart"]);
    let mut bad: Vec<(&str, i64)> = listed.unreadable.iter().map(|r| (r.table, r.id)).collect();
    bad.sort();
    let mut want = [("meetings", year), ("meetings", status)];
    want.sort();
    assert_eq!(bad, want);
    let year_row = listed.unreadable.iter().find(|r| r.id == year).unwrap();
    assert!(year_row.detail.contains("11609"), "{year_row:?}");

    // The plain lists are the readable rows; nothing fails.
    assert_eq!(store.project_meetings(p).unwrap().len(), 2);
    assert_eq!(store.all_meetings(None).unwrap().len(), 2);
    assert_eq!(
        store.all_meetings_listed(Some(p)).unwrap().unreadable.len(),
        2
    );
    // In a range, only the rows whose stored text falls in it (the 25:00 one).
    let friday = store
        .meetings_between_listed(utc(2026, 11, 27, 0, 0), utc(2026, 11, 28, 0, 0))
        .unwrap();
    assert_eq!(friday.rows.len(), 1);
    assert_eq!(
        friday.unreadable.iter().map(|r| r.id).collect::<Vec<_>>(),
        [status]
    );

    // Once trashed, the row is out of every list.
    store
        .trash(tidig::domain::EntityKind::Meeting, status)
        .unwrap();
    let after = store.project_meetings_listed(p).unwrap();
    assert_eq!(
        after.unreadable.iter().map(|r| r.id).collect::<Vec<_>>(),
        [year]
    );
}

#[test]
fn cli_list_and_calendar_export_skip_the_row_with_a_warning() {
    let sandbox = common::cli::Sandbox::empty("UTC");
    let ids = {
        let mut store = Store::open(&sandbox.db(), clock()).unwrap();
        poison(&mut store).1
    };

    let out = sandbox
        .tidig()
        .args(["list", "meetings"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stdout.contains("Läsbart möte") && stdout.contains("Också läsbart"),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert_eq!(stderr.lines().count(), 2, "one warning per row: {stderr}");
    for id in ids {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("warning: meetings row ")
                    && l.contains(&format!("row {id} "))),
            "{stderr}"
        );
    }

    let (stderr, ics) = export_calendar(&sandbox);
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "{ics}");
    assert!(ics.contains("Läsbart möte"), "{ics}");
}

#[test]
fn the_meetings_tab_shows_the_row_and_d_trashes_it() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (p, [year, status]) = poison(&mut store);
    let mut app = App::new(store);
    select_project(&mut app, "NORR-24");
    press(&mut app, KeyCode::Enter);
    // The attention tab (first) reads past the unreadable rows without an error.
    assert_eq!(app.context(), Context::ProjectAttention);
    assert_eq!(app.status, None);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.context(), Context::ProjectMeetings);

    let screen = render(&app, 120, 40);
    assert!(screen.contains("Läsbart möte"), "{screen}");
    for id in [year, status] {
        assert!(
            screen.contains(&format!("unreadable row (id {id}) — d deletes it")),
            "{screen}"
        );
    }

    // Down past the two meetings to the first unreadable row; Enter says what it is.
    ch(&mut app, 'j');
    ch(&mut app, 'j');
    let first = app.project.as_ref().unwrap().meetings.unreadable[0];
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::Project { .. }));
    ch(&mut app, 'd');
    assert_eq!(app.context(), Context::Confirm);
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains(&format!("unreadable row (id {first})")),
        "{screen}"
    );
    ch(&mut app, 'y');

    let left = app.store.project_meetings_listed(p).unwrap();
    assert!(!left.unreadable.iter().any(|r| r.id == first));
    assert_eq!(left.unreadable.len(), 1);
    assert_eq!(app.project.as_ref().unwrap().meetings.unreadable.len(), 1);
    let screen = render(&app, 120, 40);
    assert!(
        !screen.contains(&format!("(id {first})")),
        "gone from the tab: {screen}"
    );
}

#[test]
fn the_agenda_view_shows_the_row_and_d_trashes_it() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let (p, [_, status]) = poison(&mut store);
    let mut app = App::new(store);
    ch(&mut app, '2');
    assert_eq!(app.context(), Context::AgendaList);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Läsbart möte"), "{screen}");
    assert!(
        screen.contains(&format!("unreadable row (id {status}) — d deletes it")),
        "{screen}"
    );
    assert_eq!(app.agenda.unreadable, [status]);

    // The week view lists it under the days.
    ch(&mut app, 'v');
    assert_eq!(app.context(), Context::AgendaWeek);
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains(&format!("unreadable row (id {status})")),
        "{screen}"
    );
    ch(&mut app, 'v');
    assert_eq!(app.context(), Context::AgendaList);

    ch(&mut app, 'j');
    ch(&mut app, 'j');
    ch(&mut app, 'd');
    assert_eq!(app.context(), Context::Confirm);
    ch(&mut app, 'y');
    assert!(app.agenda.unreadable.is_empty());
    let left = app.store.project_meetings_listed(p).unwrap();
    assert!(!left.unreadable.iter().any(|r| r.id == status));
}

/// An agenda block that cannot be read leaves its meeting's event in the calendar with
/// the other blocks, and one warning names the block's row.
#[test]
fn the_calendar_leaves_out_an_unreadable_agenda_block_with_a_warning() {
    let sandbox = common::cli::Sandbox::empty("UTC");
    let bad = {
        let mut store = Store::open(&sandbox.db(), clock()).unwrap();
        let note = common::store::workshop_with_note(&mut store, "Start.");
        let meeting = store.note(note).unwrap().meeting_id;
        store
            .add_agenda_item(meeting, &common::store::block("Inledning", 20))
            .unwrap();
        let bad = store
            .add_agenda_item(meeting, &common::store::block("Trasig punkt", 30))
            .unwrap();
        store
            .add_agenda_item(meeting, &common::store::block("Avslutning", 10))
            .unwrap();
        store
            .connection()
            .execute(
                "UPDATE agenda_items SET minutes = 'en halvtimme' WHERE id = ?1",
                [bad],
            )
            .unwrap();
        bad
    };
    let (stderr, ics) = export_calendar(&sandbox);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("agenda_items") && stderr.contains(&format!("row {bad} ")),
        "{stderr}"
    );
    let ics = ics.replace("\r\n ", "");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1, "{ics}");
    assert!(
        ics.contains("Inledning") && ics.contains("Avslutning"),
        "{ics}"
    );
    assert!(!ics.contains("Trasig punkt"), "{ics}");
}

/// `tidig export calendar` into a file, which succeeds: its warnings and the file.
fn export_calendar(sandbox: &common::cli::Sandbox) -> (String, String) {
    let path = sandbox.path("alla.ics");
    let out = sandbox
        .tidig()
        .args(["export", "calendar", "-o", path.to_str().unwrap()])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    (stderr, std::fs::read_to_string(&path).unwrap())
}
