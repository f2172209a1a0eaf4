//! Stores for the store tests: in memory and in a file in a fresh temporary folder,
//! both on the fixed clock, and a few rows most tests need.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tempfile::TempDir;
use tidig::domain::{
    ActionInput, ActionStatus, AgendaItemInput, Clock, MeetingFormat, MeetingInput, MeetingStatus,
    MeetingType, NotesStatus, Phase, ProjectDraft, ProjectInput, ProjectStatus,
};
use tidig::store::Store;

use super::{clock, utc};

/// The fixed clock moved to 2026-11-`day` at `hour`:`minute` UTC.
pub fn clock_at(day: u32, hour: u32, minute: u32) -> Clock {
    Clock::Fixed(utc(2026, 11, day, hour, minute))
}

pub fn memory_store() -> Store {
    Store::open_in_memory(clock()).expect("in-memory store opens")
}

pub fn temp_dir() -> TempDir {
    tempfile::tempdir().expect("temp dir")
}

pub fn db_path(dir: &TempDir) -> PathBuf {
    dir.path().join("t.db")
}

pub fn file_store(path: &Path) -> Store {
    Store::open(path, clock()).expect("file store opens")
}

/// Runs `test` on a fresh in-memory store and on a fresh file store, and checks that
/// the store is still sound afterwards.
pub fn on_both_stores(test: impl Fn(&mut Store)) {
    let mut store = memory_store();
    test(&mut store);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    let dir = temp_dir();
    let mut store = file_store(&db_path(&dir));
    test(&mut store);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

/// The single number `sql` selects.
pub fn count(store: &Store, sql: &str) -> i64 {
    store.connection().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// A project with `code` (and a fixed title and buyer); its id.
pub fn project(store: &mut Store, code: &str) -> i64 {
    let input = ProjectInput::validate(&ProjectDraft {
        code,
        title: "Trygg nattillsyn i Övertorneå",
        buyer_name: "Övertorneå kommun",
        ..Default::default()
    })
    .unwrap();
    store.create_project(&input).unwrap()
}

/// NORR-24, "Hemtjänst i Norrbotten" for Region Norrbotten, active, in early dialogue;
/// its id.
pub fn norr(store: &mut Store) -> i64 {
    store
        .create_project(&ProjectInput {
            code: "NORR-24".into(),
            title: "Hemtjänst i Norrbotten".into(),
            buyer_name: "Region Norrbotten".into(),
            phase: Phase::EarlyDialogue,
            status: ProjectStatus::Active,
            ..Default::default()
        })
        .unwrap()
}

/// VGR-7, "Digitala hjälpmedel i äldreomsorgen" for Västra Götalandsregionen, active,
/// in needs analysis; its id.
pub fn vgr(store: &mut Store) -> i64 {
    store
        .create_project(&ProjectInput {
            code: "VGR-7".into(),
            title: "Digitala hjälpmedel i äldreomsorgen".into(),
            buyer_name: "Västra Götalandsregionen".into(),
            phase: Phase::NeedsAnalysis,
            status: ProjectStatus::Active,
            ..Default::default()
        })
        .unwrap()
}

/// NORR-24 with one meeting ("Workshop", 27 November 09:00–11:00 UTC) holding one
/// internal note with `body`; the note's id.
pub fn workshop_with_note(store: &mut Store, body: &str) -> i64 {
    let project = norr(store);
    let meeting = store
        .create_meeting(
            project,
            &meeting_input(
                "Workshop",
                utc(2026, 11, 27, 9, 0),
                utc(2026, 11, 27, 11, 0),
            ),
        )
        .unwrap();
    store
        .create_note(
            meeting,
            None,
            body,
            tidig::domain::Confidentiality::Internal,
        )
        .unwrap()
}

/// A planned project meeting in person from `start` to `end`, with nothing else filled
/// in.
pub fn meeting_input(
    title: &str,
    start: chrono::DateTime<chrono::Utc>,
    end: chrono::DateTime<chrono::Utc>,
) -> MeetingInput {
    MeetingInput {
        kind: MeetingType::ProjectMeeting,
        title: title.into(),
        purpose: String::new(),
        desired_outcome: String::new(),
        format: MeetingFormat::InPerson,
        location: String::new(),
        start,
        end,
        status: MeetingStatus::Planned,
        notes_status: NotesStatus::None,
    }
}

pub fn action(
    title: &str,
    owner: &str,
    due: Option<NaiveDate>,
    status: ActionStatus,
) -> ActionInput {
    ActionInput {
        title: title.into(),
        owner: owner.into(),
        due_date: due,
        status,
    }
}

/// An agenda block of `minutes` with only a title.
pub fn block(title: &str, minutes: u32) -> AgendaItemInput {
    AgendaItemInput {
        title: title.into(),
        minutes,
        method: String::new(),
        owner: String::new(),
        expected_outcome: String::new(),
    }
}

/// Makes row `id` of `table` unreadable, as another program could: `set` (such as
/// `status = 'dormant'`) writes a value past the table's CHECK constraint.
pub fn poison(store: &Store, table: &str, id: i64, set: &str) {
    store
        .connection()
        .execute_batch(&format!(
            "PRAGMA ignore_check_constraints = ON;
             UPDATE {table} SET {set} WHERE id = {id};
             PRAGMA ignore_check_constraints = OFF;"
        ))
        .unwrap();
}
