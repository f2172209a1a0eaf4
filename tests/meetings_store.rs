//! Store tests for meetings, their timed agendas, participants and the equal-treatment
//! checklist, on in-memory and temporary-file stores with a fixed clock; the meetings
//! migration; the demo portfolio's meetings; and wall-clock times across daylight saving.

mod common;

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::Europe::Stockholm;
use rusqlite::Connection;
use tidig::domain::EntityKind;
use tidig::domain::*;
use tidig::ops::demo::{self, DemoSummary};
use tidig::store::{APPLICATION_ID, SCHEMA_VERSION, Store, StoreError};

use common::store::{
    block, clock_at, count, db_path, file_store, meeting_input, memory_store, on_both_stores,
    project, temp_dir,
};
use common::{clock, date, utc};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn local(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

/// A planned project meeting on 2026-12-03 from `from` to `to` (UTC hours).
fn meeting_at(store: &mut Store, project_id: i64, title: &str, from: u32, to: u32) -> i64 {
    let input = meeting_input(title, utc(2026, 12, 3, from, 0), utc(2026, 12, 3, to, 0));
    store.create_meeting(project_id, &input).unwrap()
}

fn titles(meetings: &[Meeting]) -> Vec<&str> {
    meetings.iter().map(|m| m.title.as_str()).collect()
}

fn agenda_titles(store: &Store, meeting_id: i64) -> Vec<String> {
    store
        .agenda(meeting_id)
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect()
}

fn positions(store: &Store, meeting_id: i64) -> Vec<i64> {
    store
        .agenda(meeting_id)
        .unwrap()
        .into_iter()
        .map(|a| a.position)
        .collect()
}

/// A person at an organisation of `kind` (created first, so it gets that kind).
fn person(store: &mut Store, name: &str, organisation: &str, kind: OrgKind) -> i64 {
    let known = store.list_organisations().unwrap();
    if !known.iter().any(|o| o.name == organisation) {
        let input = OrganisationInput::validate(organisation, kind).unwrap();
        store.create_organisation(&input).unwrap();
    }
    let input = PersonInput::validate(name, organisation, "", "", "").unwrap();
    store.create_person(&input).unwrap()
}

fn hm(clock: &Clock, t: DateTime<Utc>) -> String {
    clock.local(t).format("%H:%M").to_string()
}

// ---------------------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------------------

fn full_meeting() -> MeetingInput {
    MeetingInput {
        kind: MeetingType::OneToOneDialogue,
        title: "Enskilt dialogmöte – Vårdflöde Nordic AB".into(),
        purpose: "Förstå leverantörens lösning för nattillsyn.\nSamma frågor till alla.".into(),
        desired_outcome: "Synpunkter på kraven; inga löften åt något håll.".into(),
        format: MeetingFormat::Hybrid,
        location: "Stadshuset, sal Norrsken, Luleå".into(),
        start: utc(2026, 12, 3, 8, 30),
        end: utc(2026, 12, 3, 9, 45),
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::None,
    }
}

#[test]
fn meeting_round_trips_every_field() {
    on_both_stores(|store| {
        let project_id = project(store, "NORR-24");
        let id = store.create_meeting(project_id, &full_meeting()).unwrap();

        let m = store.meeting(id).unwrap();
        assert_eq!(m.id, id);
        assert_eq!(m.uuid.len(), 36, "uuid {}", m.uuid);
        assert_eq!(m.project_id, project_id);
        assert_eq!(m.project_code, "NORR-24");
        assert_eq!(m.kind, MeetingType::OneToOneDialogue);
        assert_eq!(m.title, "Enskilt dialogmöte – Vårdflöde Nordic AB");
        assert_eq!(
            m.purpose,
            "Förstå leverantörens lösning för nattillsyn.\nSamma frågor till alla."
        );
        assert_eq!(
            m.desired_outcome,
            "Synpunkter på kraven; inga löften åt något håll."
        );
        assert_eq!(m.format, MeetingFormat::Hybrid);
        assert_eq!(m.location, "Stadshuset, sal Norrsken, Luleå");
        assert_eq!(m.start, utc(2026, 12, 3, 8, 30));
        assert_eq!(m.end, utc(2026, 12, 3, 9, 45));
        assert_eq!(m.minutes(), 75);
        assert_eq!(m.status, MeetingStatus::Planned);
        assert_eq!(m.notes_status, NotesStatus::None);
        assert_eq!(m.checklist, 0);
        assert_eq!(m.created_at, "2026-11-26T12:00:00Z");
        assert_eq!(m.updated_at, "2026-11-26T12:00:00Z");

        store.set_clock(clock_at(27, 9, 0));
        let changed = MeetingInput {
            kind: MeetingType::NeedsWorkshop,
            title: "Behovsworkshop 2: nattpersonalen i Gällivare".into(),
            purpose: "Höra nattpersonalens behov.".into(),
            desired_outcome: "Prioriterade behov, formulerade som ”som … behöver jag …”.".into(),
            format: MeetingFormat::Digital,
            location: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_åäö".into(),
            start: utc(2026, 12, 4, 12, 0),
            end: utc(2026, 12, 4, 15, 0),
            status: MeetingStatus::Held,
            notes_status: NotesStatus::Approved,
        };
        store.update_meeting(id, &changed).unwrap();
        let u = store.meeting(id).unwrap();
        assert_eq!(u.uuid, m.uuid, "the uuid is stable");
        assert_eq!(u.kind, changed.kind);
        assert_eq!(u.title, changed.title);
        assert_eq!(u.purpose, changed.purpose);
        assert_eq!(u.desired_outcome, changed.desired_outcome);
        assert_eq!(u.format, changed.format);
        assert_eq!(u.location, changed.location);
        assert_eq!(u.start, changed.start);
        assert_eq!(u.end, changed.end);
        assert_eq!(u.status, MeetingStatus::Held);
        assert_eq!(u.notes_status, NotesStatus::Approved);
        assert_eq!(u.created_at, "2026-11-26T12:00:00Z");
        assert_eq!(u.updated_at, "2026-11-27T09:00:00Z");

        assert!(matches!(store.meeting(id + 100), Err(StoreError::NotFound)));
        assert!(matches!(
            store.update_meeting(id + 100, &changed),
            Err(StoreError::NotFound)
        ));
    });
}

#[test]
fn meetings_survive_reopening_a_file_store() {
    let dir = temp_dir();
    let path = db_path(&dir);
    let (id, before) = {
        let mut store = file_store(&path);
        let p = project(&mut store, "NORR-24");
        let id = store.create_meeting(p, &full_meeting()).unwrap();
        store.add_agenda_item(id, &block("Inledning", 10)).unwrap();
        store.add_agenda_item(id, &block("Frågor", 50)).unwrap();
        (id, store.meeting(id).unwrap())
    };
    let store = file_store(&path);
    assert_eq!(store.meeting(id).unwrap(), before);
    assert_eq!(agenda_titles(&store, id), ["Inledning", "Frågor"]);
}

#[test]
fn project_meetings_are_ordered_by_start_and_belong_to_the_project() {
    let mut store = memory_store();
    let a = project(&mut store, "A-1");
    let b = project(&mut store, "B-1");
    meeting_at(&mut store, a, "Eftermiddag", 13, 14);
    meeting_at(&mut store, b, "Annat projekt", 10, 11);
    meeting_at(&mut store, a, "Morgon", 7, 8);
    let later = meeting_input("Nästa dag", utc(2026, 12, 4, 6, 0), utc(2026, 12, 4, 7, 0));
    store.create_meeting(a, &later).unwrap();
    let earlier = meeting_input(
        "Dagen före",
        utc(2026, 12, 2, 15, 0),
        utc(2026, 12, 2, 16, 0),
    );
    store.create_meeting(a, &earlier).unwrap();

    let listed = store.project_meetings(a).unwrap();
    assert_eq!(
        titles(&listed),
        ["Dagen före", "Morgon", "Eftermiddag", "Nästa dag"]
    );
    assert!(listed.iter().all(|m| m.project_code == "A-1"));
    assert_eq!(
        titles(&store.project_meetings(b).unwrap()),
        ["Annat projekt"]
    );
    assert_eq!(store.all_meetings(None).unwrap().len(), 5);
    assert_eq!(store.all_meetings(Some(b)).unwrap().len(), 1);
}

#[test]
fn meetings_between_returns_exactly_the_meetings_sharing_time_with_the_range() {
    on_both_stores(|store| {
        let p = project(store, "A-1");
        let q = project(store, "B-1");
        // The range is 10:00–12:00 on 2026-12-03.
        meeting_at(store, p, "Slutar när intervallet börjar", 8, 10);
        meeting_at(store, p, "Börjar före, slutar inuti", 9, 11);
        meeting_at(store, q, "Helt inuti", 10, 11);
        meeting_at(store, p, "Börjar inuti, slutar efter", 11, 13);
        meeting_at(store, q, "Omsluter intervallet", 9, 13);
        meeting_at(store, p, "Börjar när intervallet slutar", 12, 13);
        let long = meeting_input(
            "Tredagarskonferens",
            utc(2026, 12, 1, 8, 0),
            utc(2026, 12, 3, 10, 30),
        );
        store.create_meeting(q, &long).unwrap();
        let next_day = meeting_input(
            "Nästa dag",
            utc(2026, 12, 4, 10, 0),
            utc(2026, 12, 4, 11, 0),
        );
        store.create_meeting(p, &next_day).unwrap();
        let day_before = meeting_input(
            "Dagen före",
            utc(2026, 12, 2, 10, 0),
            utc(2026, 12, 2, 11, 0),
        );
        store.create_meeting(p, &day_before).unwrap();
        // Cancelled meetings are still in the calendar range (shown struck through).
        let cancelled = meeting_at(store, q, "Inställt", 10, 12);
        store
            .set_meeting_status(cancelled, MeetingStatus::Cancelled)
            .unwrap();

        let found = store
            .meetings_between(utc(2026, 12, 3, 10, 0), utc(2026, 12, 3, 12, 0))
            .unwrap();
        assert_eq!(
            titles(&found),
            [
                "Tredagarskonferens",
                "Börjar före, slutar inuti",
                "Omsluter intervallet",
                "Helt inuti",
                "Inställt",
                "Börjar inuti, slutar efter",
            ]
        );

        // A whole day, and an empty range in between meetings.
        let day = store
            .meetings_between(utc(2026, 12, 3, 0, 0), utc(2026, 12, 4, 0, 0))
            .unwrap();
        assert_eq!(day.len(), 8);
        assert!(
            store
                .meetings_between(utc(2026, 12, 3, 14, 0), utc(2026, 12, 3, 18, 0))
                .unwrap()
                .is_empty()
        );
    });
}

#[test]
fn overlapping_meetings_excludes_cancelled_ones_and_the_meeting_itself() {
    let mut store = memory_store();
    let p = project(&mut store, "A-1");
    let q = project(&mut store, "B-1");
    let me = meeting_at(&mut store, p, "Styrgrupp", 9, 11);
    let other = meeting_at(&mut store, q, "Dialogmöte", 10, 12);
    let cancelled = meeting_at(&mut store, q, "Inställt", 9, 10);
    store
        .set_meeting_status(cancelled, MeetingStatus::Cancelled)
        .unwrap();
    meeting_at(&mut store, p, "Direkt efter", 11, 12);
    meeting_at(&mut store, p, "Direkt före", 8, 9);

    let (start, end) = (utc(2026, 12, 3, 9, 0), utc(2026, 12, 3, 11, 0));
    let clashes = store.overlapping_meetings(start, end, Some(me)).unwrap();
    assert_eq!(titles(&clashes), ["Dialogmöte"]);
    assert_eq!(clashes[0].id, other);
    // A new meeting (no id yet) clashes with the saved one too.
    let clashes = store.overlapping_meetings(start, end, None).unwrap();
    assert_eq!(titles(&clashes), ["Styrgrupp", "Dialogmöte"]);
    // Meeting::overlaps agrees, and a meeting never overlaps itself.
    let m = store.meeting(me).unwrap();
    assert!(m.overlaps(&store.meeting(other).unwrap()));
    assert!(!m.overlaps(&m));
    assert!(!m.overlaps(&store.meeting(cancelled).unwrap()));
}

#[test]
fn set_meeting_status_changes_status_and_updated_at() {
    let mut store = memory_store();
    let p = project(&mut store, "A-1");
    let id = meeting_at(&mut store, p, "Behovsworkshop", 9, 12);
    store.set_clock(clock_at(28, 8, 0));
    store.set_meeting_status(id, MeetingStatus::Held).unwrap();
    let m = store.meeting(id).unwrap();
    assert_eq!(m.status, MeetingStatus::Held);
    assert_eq!(m.updated_at, "2026-11-28T08:00:00Z");
    store
        .set_meeting_status(id, MeetingStatus::Cancelled)
        .unwrap();
    assert_eq!(store.meeting(id).unwrap().status, MeetingStatus::Cancelled);
    assert!(matches!(
        store.set_meeting_status(id + 1, MeetingStatus::Held),
        Err(StoreError::NotFound)
    ));
}

#[test]
fn toggle_checklist_flips_one_bit_at_a_time() {
    on_both_stores(|store| {
        let p = project(store, "A-1");
        let id = meeting_at(store, p, "Informationsmöte", 9, 11);
        assert_eq!(store.toggle_checklist(id, 0).unwrap(), 0b00001);
        assert_eq!(store.toggle_checklist(id, 2).unwrap(), 0b00101);
        assert_eq!(store.toggle_checklist(id, 4).unwrap(), 0b10101);
        assert_eq!(store.toggle_checklist(id, 0).unwrap(), 0b10100);
        let m = store.meeting(id).unwrap();
        assert_eq!(m.checklist, 0b10100);
        assert_eq!(checklist_open(m.checklist), CHECKLIST_LEN - 2);
        for point in [2, 4] {
            store.toggle_checklist(id, point).unwrap();
        }
        assert_eq!(store.meeting(id).unwrap().checklist, 0);
        assert_eq!(checklist_open(0), CHECKLIST_LEN);
    });
}

// ---------------------------------------------------------------------------------------
// Agenda
// ---------------------------------------------------------------------------------------

#[test]
fn agenda_items_are_appended_in_order_and_round_trip() {
    on_both_stores(|store| {
        let p = project(store, "A-1");
        let id = meeting_at(store, p, "Behovsworkshop", 9, 12);
        let other = meeting_at(store, p, "Annat möte", 13, 14);
        let first = store
            .add_agenda_item(
                id,
                &AgendaItemInput {
                    title: "Välkommen och spelregler".into(),
                    minutes: 15,
                    method: "Presentation".into(),
                    owner: "Åsa Lindqvist".into(),
                    expected_outcome: "Alla känner till syftet".into(),
                },
            )
            .unwrap();
        store
            .add_agenda_item(id, &block("Behov i grupper", 60))
            .unwrap();
        store
            .add_agenda_item(other, &block("Eget möte", 30))
            .unwrap();
        store
            .add_agenda_item(id, &block("Prioritering", 30))
            .unwrap();

        let items = store.agenda(id).unwrap();
        assert_eq!(
            agenda_titles(store, id),
            [
                "Välkommen och spelregler",
                "Behov i grupper",
                "Prioritering"
            ]
        );
        assert_eq!(positions(store, id), [1, 2, 3]);
        assert_eq!(positions(store, other), [1]);
        let a = &items[0];
        assert_eq!(a.id, first);
        assert_eq!(a.uuid.len(), 36);
        assert_eq!(a.meeting_id, id);
        assert_eq!(a.minutes, 15);
        assert_eq!(a.method, "Presentation");
        assert_eq!(a.owner, "Åsa Lindqvist");
        assert_eq!(a.expected_outcome, "Alla känner till syftet");

        let changed = AgendaItemInput {
            title: "Välkommen, syfte och spelregler för dialogen".into(),
            minutes: 20,
            method: "Runda".into(),
            owner: "Jörgen Nilsson".into(),
            expected_outcome: "Alla vet att detta inte är en förhandling".into(),
        };
        store.update_agenda_item(first, &changed).unwrap();
        let a = &store.agenda(id).unwrap()[0];
        assert_eq!(a.position, 1, "editing keeps the place");
        assert_eq!(a.title, changed.title);
        assert_eq!(a.minutes, 20);
        assert_eq!(a.method, "Runda");
        assert_eq!(a.owner, "Jörgen Nilsson");
        assert_eq!(a.expected_outcome, changed.expected_outcome);
        assert!(matches!(
            store.update_agenda_item(first + 100, &changed),
            Err(StoreError::NotFound)
        ));
        // The schema refuses an empty block.
        assert!(
            store
                .add_agenda_item(id, &block("Noll minuter", 0))
                .is_err()
        );
    });
}

#[test]
fn move_agenda_item_up_and_down_but_not_beyond_the_ends() {
    let mut store = memory_store();
    let p = project(&mut store, "A-1");
    let id = meeting_at(&mut store, p, "Workshop", 9, 12);
    let a = store.add_agenda_item(id, &block("A", 10)).unwrap();
    let b = store.add_agenda_item(id, &block("B", 20)).unwrap();
    let c = store.add_agenda_item(id, &block("C", 30)).unwrap();

    assert!(store.move_agenda_item(c, -1).unwrap());
    assert_eq!(agenda_titles(&store, id), ["A", "C", "B"]);
    assert!(store.move_agenda_item(c, -1).unwrap());
    assert_eq!(agenda_titles(&store, id), ["C", "A", "B"]);
    assert!(!store.move_agenda_item(c, -1).unwrap(), "already first");
    assert_eq!(agenda_titles(&store, id), ["C", "A", "B"]);

    assert!(!store.move_agenda_item(b, 1).unwrap(), "already last");
    assert!(store.move_agenda_item(a, 1).unwrap());
    assert_eq!(agenda_titles(&store, id), ["C", "B", "A"]);
    assert!(!store.move_agenda_item(a, 1).unwrap());
    assert_eq!(positions(&store, id), [1, 2, 3]);

    // An unknown block or meeting is `NotFound`, not a silent no-op.
    assert!(matches!(
        store.move_agenda_item(c + 100, 1),
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.toggle_checklist(id + 100, 0),
        Err(StoreError::NotFound)
    ));
}

#[test]
fn agenda_positions_stay_dense_after_trashing_an_item_and_moving_others() {
    on_both_stores(|store| {
        let p = project(store, "A-1");
        let id = meeting_at(store, p, "Workshop", 9, 12);
        let ids: Vec<i64> = ["A", "B", "C", "D"]
            .iter()
            .map(|t| store.add_agenda_item(id, &block(t, 15)).unwrap())
            .collect();
        store.trash(EntityKind::AgendaItem, ids[1]).unwrap();
        assert_eq!(agenda_titles(store, id), ["A", "C", "D"]);

        // Moving past the gap takes one step, not two.
        assert!(store.move_agenda_item(ids[2], -1).unwrap());
        assert_eq!(agenda_titles(store, id), ["C", "A", "D"]);
        assert_eq!(positions(store, id), [1, 2, 3]);
        assert!(store.move_agenda_item(ids[3], -1).unwrap());
        assert_eq!(agenda_titles(store, id), ["C", "D", "A"]);
        assert_eq!(positions(store, id), [1, 2, 3]);

        // A new block goes to the end.
        store.add_agenda_item(id, &block("E", 15)).unwrap();
        assert_eq!(agenda_titles(store, id), ["C", "D", "A", "E"]);
    });
}

#[test]
fn agenda_times_follow_the_order_after_a_move() {
    let mut store = memory_store();
    let p = project(&mut store, "A-1");
    let id = meeting_at(&mut store, p, "Workshop", 9, 11);
    let a = store.add_agenda_item(id, &block("Inledning", 15)).unwrap();
    store
        .add_agenda_item(id, &block("Grupparbete", 45))
        .unwrap();
    store.add_agenda_item(id, &block("Summering", 10)).unwrap();
    let start = store.meeting(id).unwrap().start;

    let times = |store: &Store| -> Vec<String> {
        let items = store.agenda(id).unwrap();
        let minutes: Vec<u32> = items.iter().map(|i| i.minutes).collect();
        agenda_times(start, &minutes)
            .iter()
            .zip(&items)
            .map(|((s, e), i)| format!("{}-{} {}", s.format("%H:%M"), e.format("%H:%M"), i.title))
            .collect()
    };
    assert_eq!(
        times(&store),
        [
            "09:00-09:15 Inledning",
            "09:15-10:00 Grupparbete",
            "10:00-10:10 Summering"
        ]
    );
    store.move_agenda_item(a, 1).unwrap();
    assert_eq!(
        times(&store),
        [
            "09:00-09:45 Grupparbete",
            "09:45-10:00 Inledning",
            "10:00-10:10 Summering"
        ]
    );
    let m = store.meeting(id).unwrap();
    assert_eq!(agenda_overrun(&m, &store.agenda(id).unwrap()), -50);
}

// ---------------------------------------------------------------------------------------
// Participants
// ---------------------------------------------------------------------------------------

#[test]
fn attendance_add_change_role_set_and_remove() {
    on_both_stores(|store| {
        let p = project(store, "A-1");
        let id = meeting_at(store, p, "Behovsworkshop", 9, 12);
        let asa = person(
            store,
            "Åsa Lindqvist",
            "Luleå kommun",
            OrgKind::ContractingAuthority,
        );
        let birgitta = person(
            store,
            "Birgitta Holm",
            "PRO Luleå",
            OrgKind::UserOrganisation,
        );

        let a1 = store
            .add_attendance(id, asa, AttendanceRole::Participant)
            .unwrap();
        let b1 = store
            .add_attendance(id, birgitta, AttendanceRole::Observer)
            .unwrap();
        let list = store.attendance(id).unwrap();
        assert_eq!(list.len(), 2);
        let asa_row = list.iter().find(|a| a.person_id == asa).unwrap();
        assert_eq!(asa_row.id, a1);
        assert_eq!(asa_row.meeting_id, id);
        assert_eq!(asa_row.person_name, "Åsa Lindqvist");
        assert_eq!(asa_row.organisation_name.as_deref(), Some("Luleå kommun"));
        assert!(!asa_row.organisation_is_supplier);
        assert_eq!(asa_row.role, AttendanceRole::Participant);
        assert!(asa_row.invited, "added people are invited");
        assert!(!asa_row.attended);

        // Adding the same person again changes the role; no second row.
        let a2 = store
            .add_attendance(id, asa, AttendanceRole::Chair)
            .unwrap();
        assert_eq!(a2, a1);
        let list = store.attendance(id).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].person_id, asa, "the chair comes first");
        assert_eq!(list[0].role, AttendanceRole::Chair);

        store
            .set_attendance(b1, AttendanceRole::Presenter, true, true)
            .unwrap();
        let b = store
            .attendance(id)
            .unwrap()
            .into_iter()
            .find(|a| a.id == b1)
            .unwrap();
        assert_eq!(b.role, AttendanceRole::Presenter);
        assert!(b.invited && b.attended);
        store
            .set_attendance(b1, AttendanceRole::Observer, false, false)
            .unwrap();
        let b = store
            .attendance(id)
            .unwrap()
            .into_iter()
            .find(|a| a.id == b1)
            .unwrap();
        assert!(!b.invited && !b.attended);
        assert!(matches!(
            store.set_attendance(b1 + 100, AttendanceRole::Chair, true, true),
            Err(StoreError::NotFound)
        ));

        store.remove_attendance(a1).unwrap();
        let list = store.attendance(id).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].person_name, "Birgitta Holm");
        assert!(matches!(
            store.remove_attendance(a1),
            Err(StoreError::NotFound)
        ));
        // The person is still in the directory.
        assert_eq!(store.person(asa).unwrap().name, "Åsa Lindqvist");
    });
}

#[test]
fn a_supplier_attending_makes_a_project_meeting_supplier_facing() {
    let mut store = memory_store();
    let p = project(&mut store, "A-1");
    let id = meeting_at(&mut store, p, "Projektmöte", 9, 10);
    let buyer = person(
        &mut store,
        "Åsa Lindqvist",
        "Luleå kommun",
        OrgKind::ContractingAuthority,
    );
    let supplier = person(
        &mut store,
        "Per-Olof Backman",
        "Norrsken Sensorteknik AB",
        OrgKind::Supplier,
    );
    store
        .add_attendance(id, buyer, AttendanceRole::Chair)
        .unwrap();
    let m = store.meeting(id).unwrap();
    assert_eq!(m.kind, MeetingType::ProjectMeeting);
    assert!(!is_supplier_facing(&m, &store.attendance(id).unwrap()));

    let row = store
        .add_attendance(id, supplier, AttendanceRole::Presenter)
        .unwrap();
    let list = store.attendance(id).unwrap();
    assert!(
        list.iter()
            .any(|a| a.person_id == supplier && a.organisation_is_supplier)
    );
    assert!(is_supplier_facing(&m, &list));

    store.remove_attendance(row).unwrap();
    assert!(!is_supplier_facing(&m, &store.attendance(id).unwrap()));
    // By type alone, without any attendee.
    let dialogue = MeetingInput {
        kind: MeetingType::OneToOneDialogue,
        ..meeting_input("Dialog", utc(2026, 12, 3, 13, 0), utc(2026, 12, 3, 14, 0))
    };
    let d = store.create_meeting(p, &dialogue).unwrap();
    assert!(is_supplier_facing(&store.meeting(d).unwrap(), &[]));
}

// ---------------------------------------------------------------------------------------
// Trash
// ---------------------------------------------------------------------------------------

#[test]
fn a_meeting_can_be_trashed_restored_and_purged_with_its_agenda_and_attendance() {
    on_both_stores(|store| {
        let p = project(store, "A-1");
        let id = meeting_at(store, p, "Behovsworkshop", 9, 12);
        let keep = meeting_at(store, p, "Finns kvar", 13, 14);
        store.add_agenda_item(id, &block("Inledning", 10)).unwrap();
        store
            .add_agenda_item(id, &block("Grupparbete", 60))
            .unwrap();
        store.add_agenda_item(keep, &block("Eget", 30)).unwrap();
        let asa = person(
            store,
            "Åsa Lindqvist",
            "Luleå kommun",
            OrgKind::ContractingAuthority,
        );
        store
            .add_attendance(id, asa, AttendanceRole::Chair)
            .unwrap();
        store
            .add_attendance(keep, asa, AttendanceRole::Chair)
            .unwrap();
        let day = (utc(2026, 12, 3, 0, 0), utc(2026, 12, 4, 0, 0));

        store.trash(EntityKind::Meeting, id).unwrap();
        assert_eq!(titles(&store.project_meetings(p).unwrap()), ["Finns kvar"]);
        assert_eq!(titles(&store.all_meetings(None).unwrap()), ["Finns kvar"]);
        assert_eq!(
            titles(&store.meetings_between(day.0, day.1).unwrap()),
            ["Finns kvar"]
        );
        assert!(
            store
                .overlapping_meetings(utc(2026, 12, 3, 9, 0), utc(2026, 12, 3, 12, 0), None)
                .unwrap()
                .is_empty()
        );
        let trash = store.list_trash().unwrap();
        assert!(
            trash.iter().any(|t| t.kind == EntityKind::Meeting
                && t.id == id
                && t.label.contains("Behovsworkshop")
                && t.label.contains("A-1")),
            "{trash:?}"
        );
        assert!(matches!(
            store.trash(EntityKind::Meeting, id),
            Err(StoreError::NotFound)
        ));

        store.restore(EntityKind::Meeting, id).unwrap();
        assert_eq!(store.project_meetings(p).unwrap().len(), 2);
        assert_eq!(agenda_titles(store, id), ["Inledning", "Grupparbete"]);
        assert_eq!(store.attendance(id).unwrap().len(), 1);
        assert!(matches!(
            store.restore(EntityKind::Meeting, id),
            Err(StoreError::NotFound)
        ));
        // Only trashed rows can be purged.
        assert!(matches!(
            store.purge(EntityKind::Meeting, id),
            Err(StoreError::NotFound)
        ));

        store.trash(EntityKind::Meeting, id).unwrap();
        store.purge(EntityKind::Meeting, id).unwrap();
        assert!(matches!(store.meeting(id), Err(StoreError::NotFound)));
        let of = |table: &str| {
            count(
                store,
                &format!("SELECT count(*) FROM {table} WHERE meeting_id = {id}"),
            )
        };
        assert_eq!(of("agenda_items"), 0);
        assert_eq!(of("attendance"), 0);
        assert_eq!(agenda_titles(store, keep), ["Eget"]);
        assert_eq!(store.attendance(keep).unwrap().len(), 1);
        assert!(store.list_trash().unwrap().is_empty());
        assert!(store.check().unwrap().is_empty());
    });
}

#[test]
fn an_agenda_item_can_be_trashed_restored_and_purged() {
    let mut store = memory_store();
    let p = project(&mut store, "A-1");
    let id = meeting_at(&mut store, p, "Workshop", 9, 12);
    store.add_agenda_item(id, &block("A", 10)).unwrap();
    let b = store.add_agenda_item(id, &block("B", 20)).unwrap();
    store.add_agenda_item(id, &block("C", 30)).unwrap();

    store.trash(EntityKind::AgendaItem, b).unwrap();
    assert_eq!(agenda_titles(&store, id), ["A", "C"]);
    let trash = store.list_trash().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].kind, EntityKind::AgendaItem);
    assert_eq!(trash[0].label, "B (Workshop)");

    store.restore(EntityKind::AgendaItem, b).unwrap();
    assert_eq!(agenda_titles(&store, id), ["A", "B", "C"]);

    store.trash(EntityKind::AgendaItem, b).unwrap();
    store.purge(EntityKind::AgendaItem, b).unwrap();
    assert_eq!(agenda_titles(&store, id), ["A", "C"]);
    assert_eq!(
        count(
            &store,
            &format!("SELECT count(*) FROM agenda_items WHERE id = {b}")
        ),
        0
    );
    assert!(matches!(
        store.restore(EntityKind::AgendaItem, b),
        Err(StoreError::NotFound)
    ));
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn meetings_of_a_trashed_project_are_not_listed() {
    let mut store = memory_store();
    let gone = project(&mut store, "GONE-1");
    let kept = project(&mut store, "KEEP-1");
    meeting_at(&mut store, gone, "Försvinner", 9, 10);
    meeting_at(&mut store, kept, "Stannar", 9, 10);
    let day = (utc(2026, 12, 3, 0, 0), utc(2026, 12, 4, 0, 0));
    assert_eq!(store.all_meetings(None).unwrap().len(), 2);

    store.trash(EntityKind::Project, gone).unwrap();
    assert_eq!(titles(&store.all_meetings(None).unwrap()), ["Stannar"]);
    assert_eq!(
        titles(&store.meetings_between(day.0, day.1).unwrap()),
        ["Stannar"]
    );
    assert!(store.all_meetings(Some(gone)).unwrap().is_empty());
    assert!(store.project_meetings(gone).unwrap().is_empty());
    assert!(
        store
            .overlapping_meetings(day.0, day.1, None)
            .unwrap()
            .iter()
            .all(|m| m.project_code == "KEEP-1")
    );

    store.restore(EntityKind::Project, gone).unwrap();
    assert_eq!(store.all_meetings(None).unwrap().len(), 2);

    // Purging the project takes its meetings with it.
    store.trash(EntityKind::Project, gone).unwrap();
    store.purge(EntityKind::Project, gone).unwrap();
    assert_eq!(count(&store, "SELECT count(*) FROM meetings"), 1);
    assert!(store.check().unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------

const MEETING_TABLES: [&str; 3] = ["meetings", "agenda_items", "attendance"];

fn table_exists(conn: &Connection, name: &str) -> bool {
    conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
        [name],
        |r| r.get::<_, i64>(0),
    )
    .unwrap()
        == 1
}

#[test]
fn every_agenda_change_moves_the_meetings_updated_at() {
    on_both_stores(|store| {
        let p = project(store, "AGD-1");
        let m = meeting_at(store, p, "Behovsworkshop", 8, 10);
        let stamp = |store: &Store| store.meeting(m).unwrap().updated_at;
        let mut hour = 13;
        let mut step = |store: &mut Store| {
            store.set_clock(clock_at(26, hour, 0));
            hour += 1;
        };
        step(store);
        let a = store.add_agenda_item(m, &block("Välkommen", 15)).unwrap();
        assert_eq!(stamp(store), "2026-11-26T13:00:00Z", "add");
        step(store);
        let b = store.add_agenda_item(m, &block("Nuläge", 45)).unwrap();
        step(store);
        store
            .update_agenda_item(a, &block("Välkommen och syfte", 20))
            .unwrap();
        assert_eq!(stamp(store), "2026-11-26T15:00:00Z", "edit");
        step(store);
        store.move_agenda_item(b, -1).unwrap();
        assert_eq!(stamp(store), "2026-11-26T16:00:00Z", "move");
        step(store);
        store.trash(EntityKind::AgendaItem, a).unwrap();
        assert_eq!(stamp(store), "2026-11-26T17:00:00Z", "trash");
        step(store);
        store.restore(EntityKind::AgendaItem, a).unwrap();
        assert_eq!(stamp(store), "2026-11-26T18:00:00Z", "restore");
    });
}

#[test]
fn schema_has_the_meeting_tables() {
    const { assert!(SCHEMA_VERSION >= 3) };
    let store = memory_store();
    for table in MEETING_TABLES {
        assert!(table_exists(store.connection(), table), "{table} missing");
    }
    let indexed = count(
        &store,
        "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'meetings_start'",
    );
    assert_eq!(indexed, 1, "the week view reads by start time");
}

#[test]
fn a_version_one_database_is_migrated_and_keeps_its_projects() {
    let dir = temp_dir();
    let path = db_path(&dir);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&format!(
            "BEGIN;
             {}
             PRAGMA application_id = {APPLICATION_ID};
             PRAGMA user_version = 1;
             COMMIT;",
            include_str!("../src/store/migrations/0001_foundation.sql")
        ))
        .unwrap();
        conn.execute(
            "INSERT INTO projects (uuid, code, title, phase, status, created_at, updated_at)
             VALUES ('00000000-0000-4000-8000-000000000001', 'OLD-1', 'Från version 1',
                     'initiation', 'prospect', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            [],
        )
        .unwrap();
        for table in MEETING_TABLES {
            assert!(!table_exists(&conn, table));
        }
    }
    let mut store = file_store(&path);
    let version: i64 = store
        .connection()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    for table in MEETING_TABLES {
        assert!(table_exists(store.connection(), table), "{table} missing");
    }
    let old = store.project_by_code("OLD-1").unwrap();
    assert_eq!(old.title, "Från version 1");
    let id = meeting_at(&mut store, old.id, "Första mötet", 9, 10);
    assert_eq!(store.meeting(id).unwrap().project_code, "OLD-1");
    assert!(store.check().unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------
// Demo
// ---------------------------------------------------------------------------------------

fn overlapping_pairs(meetings: &[Meeting]) -> Vec<(&Meeting, &Meeting)> {
    let mut pairs = Vec::new();
    for (i, a) in meetings.iter().enumerate() {
        for b in &meetings[i + 1..] {
            if a.overlaps(b) {
                pairs.push((a, b));
            }
        }
    }
    pairs
}

#[test]
fn demo_meetings_load_once_and_a_second_load_adds_nothing() {
    let mut store = memory_store();
    let today = clock().today();
    let first = demo::load(&mut store, today).unwrap();
    assert!(first.meetings >= 12, "{first:?}");
    assert!(first.agenda_items > first.meetings * 3, "{first:?}");
    assert!(first.participants >= first.meetings, "{first:?}");
    assert_eq!(
        count(&store, "SELECT count(*) FROM meetings") as usize,
        first.meetings
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM agenda_items") as usize,
        first.agenda_items
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM attendance") as usize,
        first.participants
    );
    let checklists = count(&store, "SELECT sum(checklist) FROM meetings");

    let second = demo::load(&mut store, today).unwrap();
    assert_eq!(second, DemoSummary::default());
    assert_eq!(
        count(&store, "SELECT count(*) FROM meetings") as usize,
        first.meetings
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM agenda_items") as usize,
        first.agenda_items
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM attendance") as usize,
        first.participants
    );
    assert_eq!(
        count(&store, "SELECT sum(checklist) FROM meetings"),
        checklists,
        "ticks are not toggled back"
    );
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn demo_reloads_a_purged_meeting_without_touching_the_others() {
    let mut store = memory_store();
    let today = clock().today();
    demo::load(&mut store, today).unwrap();
    let all = store.all_meetings(None).unwrap();
    let victim = &all[0];
    let agenda = store.agenda(victim.id).unwrap().len();
    let people = store.attendance(victim.id).unwrap().len();
    store.trash(EntityKind::Meeting, victim.id).unwrap();
    store.purge(EntityKind::Meeting, victim.id).unwrap();

    let again = demo::load(&mut store, today).unwrap();
    assert_eq!(again.meetings, 1);
    assert_eq!(again.agenda_items, agenda);
    assert_eq!(again.participants, people);
    assert_eq!(store.all_meetings(None).unwrap().len(), all.len());
}

#[test]
fn demo_has_overlaps_supplier_facing_cancelled_and_varied_meetings() {
    let mut store = memory_store();
    let today = clock().today();
    demo::load(&mut store, today).unwrap();
    let meetings = store.all_meetings(None).unwrap();
    assert!(meetings.len() >= 12, "{}", meetings.len());

    let pairs = overlapping_pairs(&meetings);
    assert!(!pairs.is_empty(), "no overlap in the demo");
    assert!(
        pairs
            .iter()
            .any(|(a, b)| a.project_id != b.project_id
                && a.start.date_naive() == b.start.date_naive()),
        "the overlap is between two projects on one day"
    );

    let supplier_facing: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| is_supplier_facing(m, &store.attendance(m.id).unwrap()))
        .collect();
    assert!(supplier_facing.len() >= 3, "{}", supplier_facing.len());
    // At least one is supplier-facing only because a supplier attends.
    assert!(supplier_facing.iter().any(|m| !m.kind.is_supplier_facing()));
    // Some checklist points ticked, some open.
    assert!(supplier_facing.iter().any(|m| m.checklist != 0));
    assert!(
        supplier_facing
            .iter()
            .any(|m| checklist_open(m.checklist) > 0)
    );

    assert!(
        meetings
            .iter()
            .any(|m| m.status == MeetingStatus::Cancelled)
    );
    let now = store.clock().now();
    for m in &meetings {
        match m.status {
            MeetingStatus::Held => {
                assert!(m.end < now, "{} held in the future", m.title);
                assert_ne!(m.notes_status, NotesStatus::None, "{}", m.title);
                let list = store.attendance(m.id).unwrap();
                assert!(list.iter().any(|a| a.attended), "{}", m.title);
            }
            MeetingStatus::Planned => {
                assert!(
                    m.start.date_naive() >= today,
                    "{} planned in the past",
                    m.title
                );
                let list = store.attendance(m.id).unwrap();
                assert!(list.iter().all(|a| !a.attended), "{}", m.title);
            }
            MeetingStatus::Cancelled => {}
        }
        assert!(m.end > m.start);
    }
    assert!(meetings.iter().any(|m| m.status == MeetingStatus::Held));
    assert!(meetings.iter().any(|m| m.status == MeetingStatus::Planned));

    for kind in [
        MeetingType::Kickoff,
        MeetingType::ProjectMeeting,
        MeetingType::SteeringGroup,
        MeetingType::NeedsWorkshop,
        MeetingType::FocusGroup,
        MeetingType::Interview,
        MeetingType::InformationMeeting,
        MeetingType::SupplierWorkshop,
        MeetingType::Webinar,
        MeetingType::LessonsLearned,
    ] {
        assert!(meetings.iter().any(|m| m.kind == kind), "no {kind:?}");
    }
    let dialogues: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| m.kind == MeetingType::OneToOneDialogue)
        .collect();
    assert!(dialogues.len() >= 3);
    let mut counterparts: Vec<String> = dialogues
        .iter()
        .filter_map(|m| {
            store
                .attendance(m.id)
                .unwrap()
                .into_iter()
                .find(|a| {
                    a.organisation_name.as_deref() != Some("Luleå kommun")
                        && a.organisation_name.as_deref() != Some("Trafikverket")
                })
                .and_then(|a| a.organisation_name)
        })
        .collect();
    counterparts.sort();
    counterparts.dedup();
    assert!(counterparts.len() >= 3, "{counterparts:?}");
    assert!(counterparts.iter().any(|o| o == "Norrsken Sensorteknik AB"));
    assert!(counterparts.iter().any(|o| o == "Vårdflöde Nordic AB"));

    // Most meetings have a timed agenda of 3–7 blocks.
    let with_agenda = meetings
        .iter()
        .filter(|m| (3..=7).contains(&store.agenda(m.id).unwrap().len()))
        .count();
    assert!(with_agenda * 4 >= meetings.len() * 3, "{with_agenda}");
    // Every demo project with a live phase has meetings.
    for code in ["LULE-25", "RVB-26", "TRV-BRO", "UHEM-25", "MLM-SKOL"] {
        let p = store.project_by_code(code).unwrap();
        assert!(!store.project_meetings(p.id).unwrap().is_empty(), "{code}");
    }
}

/// Whatever day the demo is loaded, the current week and the next two are lively, on
/// weekdays only, and the one deliberate overlap stays the only one.
#[test]
fn demo_weeks_are_lively_whatever_the_day() {
    for offset in 0..7 {
        let today = date(2026, 11, 23) + Duration::days(offset);
        let mut store = Store::open_in_memory(Clock::FixedIn(
            today.and_hms_opt(11, 0, 0).unwrap().and_utc(),
            Stockholm,
        ))
        .unwrap();
        demo::load(&mut store, today).unwrap();
        let clock = store.clock();
        let meetings = store.all_meetings(None).unwrap();
        assert_eq!(overlapping_pairs(&meetings).len(), 1, "{today}");
        for m in &meetings {
            let day = clock.local(m.start).date();
            assert!(
                !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
                "{} on a {} ({today})",
                m.title,
                day.weekday()
            );
        }
        let monday = week_start(today, chrono::Weekday::Mon);
        for week in 0..3 {
            let from = monday + Duration::days(7 * week);
            let to = from + Duration::days(7);
            let range = (
                clock.to_utc(from.and_hms_opt(0, 0, 0).unwrap()).unwrap(),
                clock.to_utc(to.and_hms_opt(0, 0, 0).unwrap()).unwrap(),
            );
            let n = store.meetings_between(range.0, range.1).unwrap().len();
            assert!(n >= 3, "week {week} from {today} has {n} meetings");
        }
        let this_week = store
            .meetings_between(
                clock.to_utc(monday.and_hms_opt(0, 0, 0).unwrap()).unwrap(),
                clock
                    .to_utc((monday + Duration::days(7)).and_hms_opt(0, 0, 0).unwrap())
                    .unwrap(),
            )
            .unwrap();
        if today.weekday().num_days_from_monday() < 5 {
            assert!(this_week.len() >= 5, "{today}: {}", this_week.len());
        }
    }
}

#[test]
fn demo_times_are_local_wall_clock_times() {
    let today = date(2026, 6, 10);
    let mut store = Store::open_in_memory(Clock::FixedIn(
        Utc.with_ymd_and_hms(2026, 6, 10, 10, 0, 0).unwrap(),
        Stockholm,
    ))
    .unwrap();
    demo::load(&mut store, today).unwrap();
    let clock = store.clock();
    let meetings = store.all_meetings(None).unwrap();
    // Every demo meeting starts on a whole quarter between 08:00 and 16:00 local time.
    for m in &meetings {
        let t = clock.local(m.start);
        assert!(
            (8..=16).contains(&t.hour()) && t.minute().is_multiple_of(15),
            "{} at {t}",
            m.title
        );
    }
    // In summer Stockholm is UTC+2: 09:00 local is stored as 07:00 UTC.
    assert!(
        meetings
            .iter()
            .any(|m| hm(&clock, m.start) == "09:00"
                && m.start.format("%H:%M").to_string() == "07:00")
    );
}

// ---------------------------------------------------------------------------------------
// Daylight saving
// ---------------------------------------------------------------------------------------

#[test]
fn nine_oclock_stays_nine_oclock_across_the_autumn_change() {
    let clock = Clock::FixedIn(
        Utc.with_ymd_and_hms(2026, 10, 20, 10, 0, 0).unwrap(),
        Stockholm,
    );
    let mut store = Store::open_in_memory(clock).unwrap();
    let p = project(&mut store, "DST-1");
    let mut ids = Vec::new();
    // Saturday before and Monday after the last Sunday of October (2026-10-25).
    for day in ["2026-10-24", "2026-10-26"] {
        let start = clock.to_utc(local(&format!("{day} 09:00"))).unwrap();
        let end = clock.to_utc(local(&format!("{day} 10:30"))).unwrap();
        let input = meeting_input(&format!("Möte {day}"), start, end);
        ids.push(store.create_meeting(p, &input).unwrap());
    }
    let sat = store.meeting(ids[0]).unwrap();
    let mon = store.meeting(ids[1]).unwrap();
    assert_eq!(clock.local(sat.start), local("2026-10-24 09:00"));
    assert_eq!(clock.local(mon.start), local("2026-10-26 09:00"));
    assert_eq!(hm(&clock, sat.end), "10:30");
    assert_eq!(hm(&clock, mon.end), "10:30");
    // Summer time (UTC+2) before the change, winter time (UTC+1) after it.
    assert_eq!(sat.start, utc(2026, 10, 24, 7, 0));
    assert_eq!(mon.start, utc(2026, 10, 26, 8, 0));
    assert_eq!(sat.minutes(), 90);
    assert_eq!(mon.minutes(), 90);

    // The week view of the week with the change finds both by their local days.
    let week = (
        clock.to_utc(local("2026-10-19 00:00")).unwrap(),
        clock.to_utc(local("2026-10-26 00:00")).unwrap(),
    );
    assert_eq!(
        titles(&store.meetings_between(week.0, week.1).unwrap()),
        ["Möte 2026-10-24"]
    );
    let next = (week.1, clock.to_utc(local("2026-11-02 00:00")).unwrap());
    assert_eq!(
        titles(&store.meetings_between(next.0, next.1).unwrap()),
        ["Möte 2026-10-26"]
    );
}
