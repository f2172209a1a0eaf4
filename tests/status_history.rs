//! Status changes never destroy history: the notes status stops at "sent" (a step back
//! asks first and keeps the dates), reinstating a cancelled meeting gives back the
//! status it had, cancelling a held meeting asks first, and the meeting's keys work on
//! every tab.

mod common;

use tidig::app::{App, MeetingTab, Overlay};
use tidig::domain::{EntityKind, EntityRef, MeetingStatus, NotesStatus};
use tidig::store::Store;

use common::screen::{ch, ctrl, meeting_tab, type_str};
use common::store::{meeting_input, memory_store, norr};
use common::utc;

fn app_on_meeting(status: MeetingStatus) -> (App, i64) {
    let mut store: Store = memory_store();
    let p = norr(&mut store);
    let mut input = meeting_input(
        "Behovsworkshop",
        utc(2026, 11, 20, 9, 0),
        utc(2026, 11, 20, 11, 0),
    );
    input.status = status;
    let id = store.create_meeting(p, &input).unwrap();
    let mut app = App::new(store);
    app.go_to(EntityRef::new(EntityKind::Meeting, id));
    assert!(app.meeting.is_some());
    (app, id)
}

fn status(app: &App, id: i64) -> MeetingStatus {
    app.store.meeting(id).unwrap().status
}

fn notes_status(app: &App, id: i64) -> NotesStatus {
    app.store.meeting(id).unwrap().notes_status
}

/// How many status changes are recorded for the meeting's notes.
fn changes(app: &App, id: i64) -> i64 {
    app.store
        .connection()
        .query_row(
            "SELECT count(*) FROM notes_status_changes WHERE meeting_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap()
}

fn confirm(app: &mut App) {
    assert!(
        matches!(app.overlay, Some(Overlay::Confirm { .. })),
        "expected a question, got {:?}",
        app.overlay
    );
    ch(app, 'y');
}

#[test]
fn notes_status_stops_at_sent_and_a_step_back_asks_and_keeps_the_dates() {
    let (mut app, id) = app_on_meeting(MeetingStatus::Held);
    for _ in 0..3 {
        ch(&mut app, 'w');
    }
    // Approving asks who approved the notes (see `notes_approver.rs`).
    assert_eq!(notes_status(&app, id), NotesStatus::Draft);
    type_str(&mut app, "Åsa Öberg");
    ctrl(&mut app, 's');
    assert_eq!(notes_status(&app, id), NotesStatus::Approved);
    ch(&mut app, 'w');
    assert_eq!(notes_status(&app, id), NotesStatus::Sent);
    let dates = app.store.notes_status_dates(id).unwrap();
    assert_eq!(changes(&app, id), 4);
    // `w` again: it stays sent, nothing restamped.
    ch(&mut app, 'w');
    assert_eq!(notes_status(&app, id), NotesStatus::Sent);
    assert!(app.status.as_ref().unwrap().text.contains("sent"));
    assert_eq!(app.store.notes_status_dates(id).unwrap(), dates);
    // `W` asks; "no" changes nothing.
    ch(&mut app, 'W');
    assert!(matches!(app.overlay, Some(Overlay::Confirm { .. })));
    ch(&mut app, 'n');
    assert_eq!(notes_status(&app, id), NotesStatus::Sent);
    // "yes" steps back one, and the dates (sent included) stay.
    ch(&mut app, 'W');
    confirm(&mut app);
    assert_eq!(notes_status(&app, id), NotesStatus::Approved);
    assert_eq!(app.store.notes_status_dates(id).unwrap(), dates);
    assert_eq!(changes(&app, id), 4, "a step back records no new date");
}

#[test]
fn reinstating_a_cancelled_meeting_gives_back_its_status_and_a_held_one_asks_first() {
    let (mut app, id) = app_on_meeting(MeetingStatus::Held);
    // Cancelling a held meeting asks; "no" keeps it held.
    ch(&mut app, 'c');
    assert!(matches!(app.overlay, Some(Overlay::Confirm { .. })));
    ch(&mut app, 'n');
    assert_eq!(status(&app, id), MeetingStatus::Held);
    ch(&mut app, 'c');
    confirm(&mut app);
    assert_eq!(status(&app, id), MeetingStatus::Cancelled);
    // `c` again reinstates it as held, not planned.
    ch(&mut app, 'c');
    assert!(app.overlay.is_none());
    assert_eq!(status(&app, id), MeetingStatus::Held);

    // A planned one is cancelled at once and comes back planned.
    let (mut app, id) = app_on_meeting(MeetingStatus::Planned);
    ch(&mut app, 'c');
    assert!(app.overlay.is_none());
    assert_eq!(status(&app, id), MeetingStatus::Cancelled);
    ch(&mut app, 'c');
    assert_eq!(status(&app, id), MeetingStatus::Planned);
}

#[test]
fn the_meeting_keys_work_on_every_tab() {
    for tab in MeetingTab::ALL {
        let (mut app, id) = app_on_meeting(MeetingStatus::Planned);
        meeting_tab(&mut app, tab);
        ch(&mut app, 'h');
        assert_eq!(status(&app, id), MeetingStatus::Held, "h on {tab:?}");
        ch(&mut app, 'w');
        assert_eq!(notes_status(&app, id), NotesStatus::Working, "w on {tab:?}");
        ch(&mut app, 'c');
        confirm(&mut app);
        assert_eq!(status(&app, id), MeetingStatus::Cancelled, "c on {tab:?}");
        ch(&mut app, 'c');
        assert_eq!(status(&app, id), MeetingStatus::Held, "c again on {tab:?}");
    }
}

#[test]
fn the_store_remembers_the_status_before_cancelling() {
    let mut store = memory_store();
    let p = norr(&mut store);
    let id = store
        .create_meeting(
            p,
            &meeting_input("M", utc(2026, 11, 20, 9, 0), utc(2026, 11, 20, 10, 0)),
        )
        .unwrap();
    store.set_meeting_status(id, MeetingStatus::Held).unwrap();
    store
        .set_meeting_status(id, MeetingStatus::Cancelled)
        .unwrap();
    // Cancelling twice does not forget it.
    store
        .set_meeting_status(id, MeetingStatus::Cancelled)
        .unwrap();
    assert_eq!(store.reinstate_meeting(id).unwrap(), MeetingStatus::Held);
    // Not cancelled: left as it is.
    assert_eq!(store.reinstate_meeting(id).unwrap(), MeetingStatus::Held);
}
