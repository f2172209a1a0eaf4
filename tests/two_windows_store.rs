//! Two windows on one store (issue 9, items 3 and 4), at the store: ids never come
//! back, the editor's saves go by UUID to its own note, the tidy-up spares notes
//! another window may be filling, and a save over a row changed elsewhere is refused.

mod common;

use tidig::domain::{Confidentiality, EntityKind, ProjectDraft, ProjectInput};
use tidig::store::{NoteSaved, NoteTarget, Store, StoreError};

use common::store::{count, memory_store};

/// Every table whose rows a user (or a window, a draft, a command) can point at.
const REFERENCED: [&str; 15] = [
    "organisations",
    "people",
    "projects",
    "milestones",
    "meetings",
    "agenda_items",
    "attendance",
    "needs",
    "need_evidence",
    "suggestions",
    "lessons",
    "notes",
    "decisions",
    "action_items",
    "questions",
];

fn meeting(store: &mut Store, project: i64, title: &str) -> i64 {
    let start = common::utc(2026, 12, 3, 9, 0);
    store
        .create_meeting(
            project,
            &common::store::meeting_input(title, start, start + chrono::Duration::hours(1)),
        )
        .unwrap()
}

fn target(store: &Store, note_id: i64) -> NoteTarget {
    let note = store.note(note_id).unwrap();
    NoteTarget {
        uuid: note.uuid,
        meeting_id: note.meeting_id,
        agenda_item_id: note.agenda_item_id,
        confidentiality: note.confidentiality,
        version: store.version(EntityKind::Note, note_id).unwrap(),
    }
}

#[test]
fn no_referenced_table_reuses_the_id_of_a_deleted_row() {
    let mut store = memory_store();
    tidig::ops::demo::load(&mut store, common::now().date_naive()).unwrap();
    let conn = store.connection();
    for table in REFERENCED {
        let max: i64 = count(&store, &format!("SELECT max(id) FROM {table}"));
        assert!(max > 0, "the demo fills {table}");
        // The newest row goes (foreign keys off so nothing else does), and the same
        // row comes back without an id: SQLite would hand it the freed id again
        // unless the table keeps a high-water mark.
        // The stored columns: generated ones (action_items' paging order) are computed.
        let columns: Vec<String> = conn
            .prepare("SELECT name FROM pragma_table_info(?1)")
            .unwrap()
            .query_map([table], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let columns = columns.join(", ");
        conn.execute_batch(&format!(
            "PRAGMA foreign_keys = OFF;
             CREATE TEMP TABLE copy AS SELECT {columns} FROM {table} WHERE id = {max};
             DELETE FROM {table} WHERE id = {max};
             UPDATE copy SET id = NULL;
             INSERT INTO {table} ({columns}) SELECT * FROM copy;
             DROP TABLE copy;
             PRAGMA foreign_keys = ON;"
        ))
        .unwrap();
        let again: i64 = count(&store, &format!("SELECT max(id) FROM {table}"));
        assert!(again > max, "{table}: id {max} was given out again");
    }
}

#[test]
fn a_purged_project_or_note_never_gives_its_id_to_the_next_row() {
    let mut store = memory_store();
    let p = common::store::project(&mut store, "TOM-1");
    let m = meeting(&mut store, p, "Möte");
    let note = store
        .create_note(m, None, "", Confidentiality::Internal)
        .unwrap();
    let uuid = store.note(note).unwrap().uuid;
    assert_eq!(store.purge_empty_notes(m, &[uuid]).unwrap(), 1);
    let next = store
        .create_note(m, None, "ny", Confidentiality::Internal)
        .unwrap();
    assert!(next > note);

    let other = common::store::project(&mut store, "TOM-2");
    store.trash(EntityKind::Project, other).unwrap();
    store.purge(EntityKind::Project, other).unwrap();
    let third = common::store::project(&mut store, "TOM-3");
    assert!(third > other);
}

#[test]
fn a_store_from_before_the_migration_keeps_its_rows_ids_and_references() {
    let dir = common::store::temp_dir();
    let path = common::store::db_path(&dir);
    {
        // A store at schema 5, as the previous release left it, with rows that
        // reference each other.
        let conn = rusqlite::Connection::open(&path).unwrap();
        for sql in [
            include_str!("../src/store/migrations/0001_foundation.sql"),
            include_str!("../src/store/migrations/0002_meetings.sql"),
            include_str!("../src/store/migrations/0003_agenda_changes_touch_meeting.sql"),
            include_str!("../src/store/migrations/0004_needs_suggestions_lessons.sql"),
            include_str!("../src/store/migrations/0005_notes_decisions_actions.sql"),
        ] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(&format!(
            "PRAGMA application_id = {};
             PRAGMA user_version = 5;
             INSERT INTO projects (id, uuid, code, title, phase, status, created_at, updated_at)
               VALUES (7, 'p7', 'OLD-1', 'Gammalt', 'initiation', 'active', 'x', 'x');
             INSERT INTO meetings (id, uuid, project_id, kind, title, format, start_at, end_at,
                 status, notes_status, created_at, updated_at)
               VALUES (9, 'm9', 7, 'other', 'Möte', 'digital', '2026-01-01T09:00:00Z',
                 '2026-01-01T10:00:00Z', 'planned', 'none', 'x', 'x');
             INSERT INTO notes (id, uuid, meeting_id, body, confidentiality, created_at,
                 updated_at)
               VALUES (12, 'n12', 9, 'text', 'internal', 'x', 'x');",
            tidig::store::APPLICATION_ID
        ))
        .unwrap();
    }
    let mut store = Store::open(&path, common::clock()).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    assert_eq!(store.note(12).unwrap().meeting_id, 9);
    assert_eq!(store.meeting(9).unwrap().project_id, 7);
    assert_eq!(store.version(EntityKind::Note, 12).unwrap(), 1);
    // The agenda triggers came back with their table.
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'
               AND name IN ('agenda_insert_touches_meeting', 'agenda_update_touches_meeting')"
        ),
        2
    );
    // Foreign keys are enforced again after migrating.
    assert!(
        store
            .create_note(999, None, "x", Confidentiality::Internal)
            .is_err()
    );
    // The newest note goes; the next one gets a new id.
    store
        .connection()
        .execute("DELETE FROM notes WHERE id = 12", [])
        .unwrap();
    assert_eq!(
        store
            .create_note(9, None, "y", Confidentiality::Internal)
            .unwrap(),
        13
    );
}

#[test]
fn an_editor_save_goes_to_its_own_note_by_uuid_and_moves_its_version() {
    let mut store = memory_store();
    let p = common::store::project(&mut store, "TOM-1");
    let m = meeting(&mut store, p, "Möte");
    let id = store
        .create_note(m, None, "", Confidentiality::Internal)
        .unwrap();
    let mut t = target(&store, id);
    assert_eq!(t.version, 1);
    let saved = store.save_note_text(&t, "första").unwrap();
    assert_eq!(saved, NoteSaved::Saved { version: 2 });
    t.version = 2;
    assert_eq!(
        store.save_note_text(&t, "andra").unwrap(),
        NoteSaved::Saved { version: 3 }
    );
    assert_eq!(store.note(id).unwrap().body, "andra");
    assert_eq!(store.version(EntityKind::Note, id).unwrap(), 3);
}

#[test]
fn a_save_whose_note_is_gone_makes_it_again_in_its_own_meeting_never_in_another_row() {
    let mut store = memory_store();
    let p = common::store::project(&mut store, "TOM-1");
    let a_meeting = meeting(&mut store, p, "A:s möte");
    let b_meeting = meeting(&mut store, p, "B:s möte");
    // Window A creates a note and remembers it.
    let a_note = store
        .create_note(a_meeting, None, "", Confidentiality::Personal)
        .unwrap();
    let a = target(&store, a_note);
    // Window B's tidy-up (of an old store) removed it; B makes a note elsewhere.
    store
        .connection()
        .execute("DELETE FROM notes WHERE id = ?1", [a_note])
        .unwrap();
    let b_note = store
        .create_note(b_meeting, None, "", Confidentiality::Shareable)
        .unwrap();
    assert_ne!(b_note, a_note, "the id is not handed out again");
    // A's autosave: its text goes into a note of its own meeting with its label.
    let saved = store.save_note_text(&a, "A:s hemliga text").unwrap();
    let NoteSaved::Recreated { id, version } = saved else {
        panic!("made again, got {saved:?}");
    };
    assert_eq!(version, 1);
    let again = store.note(id).unwrap();
    assert_eq!(
        (
            again.uuid.as_str(),
            again.meeting_id,
            again.confidentiality,
            again.body.as_str()
        ),
        (
            a.uuid.as_str(),
            a_meeting,
            Confidentiality::Personal,
            "A:s hemliga text"
        )
    );
    assert_eq!(
        store.note(b_note).unwrap().body,
        "",
        "B's note is untouched"
    );
    assert_eq!(store.notes(b_meeting).unwrap().len(), 1);
}

#[test]
fn a_note_changed_elsewhere_is_not_written_over_until_the_user_keeps_theirs() {
    let mut store = memory_store();
    let p = common::store::project(&mut store, "TOM-1");
    let m = meeting(&mut store, p, "Möte");
    let id = store
        .create_note(m, None, "start", Confidentiality::Internal)
        .unwrap();
    let a = target(&store, id);
    // Another window changes the text (any writer moves the version).
    store.update_note_body(id, "från fönster B").unwrap();
    assert_eq!(
        store.save_note_text(&a, "från fönster A").unwrap(),
        NoteSaved::Changed
    );
    assert_eq!(store.note(id).unwrap().body, "från fönster B");
    // A label change elsewhere counts too.
    assert!(matches!(
        store.set_note_label_if_unchanged(&a, Confidentiality::Shareable),
        Err(StoreError::Changed)
    ));
    // Trashed elsewhere: changed, and "keep mine" brings it back with A's text.
    store.trash(EntityKind::Note, id).unwrap();
    assert_eq!(
        store.save_note_text(&a, "från fönster A").unwrap(),
        NoteSaved::Changed
    );
    let (same_id, version) = store.overwrite_note_text(&a, "från fönster A").unwrap();
    assert_eq!(same_id, id);
    assert_eq!(version, store.version(EntityKind::Note, id).unwrap());
    assert_eq!(store.notes(m).unwrap()[0].body, "från fönster A");
}

#[test]
fn the_tidy_up_spares_empty_notes_another_window_may_be_filling() {
    let mut store = memory_store();
    let p = common::store::project(&mut store, "TOM-1");
    let m = meeting(&mut store, p, "Möte");
    let theirs = store
        .create_note(m, None, "", Confidentiality::Internal)
        .unwrap();
    let mine = store
        .create_note(m, None, " ", Confidentiality::Internal)
        .unwrap();
    let mine_uuid = store.note(mine).unwrap().uuid;
    // Only this process's own empty note goes; the other window's new one stays.
    assert_eq!(store.purge_empty_notes(m, &[mine_uuid]).unwrap(), 1);
    assert!(store.note(theirs).is_ok());
    assert!(store.note(mine).is_err());
    // Still there just under a day later …
    let created = common::now();
    store.set_clock(tidig::domain::Clock::Fixed(
        created + chrono::Duration::hours(23),
    ));
    assert_eq!(store.purge_empty_notes(m, &[]).unwrap(), 0);
    // … and tidied away once untouched for more than a day.
    store.set_clock(tidig::domain::Clock::Fixed(
        created + chrono::Duration::hours(25),
    ));
    assert_eq!(store.purge_empty_notes(m, &[]).unwrap(), 1);
    assert!(store.note(theirs).is_err());
}

#[test]
fn an_empty_note_is_deleted_on_close_only_if_nobody_wrote_into_it() {
    let mut store = memory_store();
    let p = common::store::project(&mut store, "TOM-1");
    let m = meeting(&mut store, p, "Möte");
    let id = store
        .create_note(m, None, "", Confidentiality::Internal)
        .unwrap();
    let uuid = store.note(id).unwrap().uuid;
    store.update_note_body(id, "skrivet i fönster B").unwrap();
    assert!(!store.delete_note_if_empty(&uuid).unwrap());
    store.update_note_body(id, "").unwrap();
    assert!(store.delete_note_if_empty(&uuid).unwrap());
}

fn project_input(title: &str) -> ProjectInput {
    ProjectInput::validate(&ProjectDraft {
        code: "TOM-1",
        title,
        buyer_name: "Övertorneå kommun",
        ..Default::default()
    })
    .unwrap()
}

#[test]
fn a_save_over_a_row_changed_elsewhere_is_refused_and_writes_nothing() {
    let mut store = memory_store();
    let p = common::store::project(&mut store, "TOM-1");
    let loaded = store.version(EntityKind::Project, p).unwrap();
    // Another window saves first (an ordinary update moves the version).
    store
        .update_project(p, &project_input("Ändrat i fönster A"))
        .unwrap();
    assert_eq!(store.version(EntityKind::Project, p).unwrap(), loaded + 1);
    let refused = store.save_if_unchanged(EntityKind::Project, p, loaded, |s| {
        s.update_project(p, &project_input("Ändrat i fönster B"))
    });
    assert!(matches!(refused, Err(StoreError::Changed)));
    assert_eq!(store.project(p).unwrap().title, "Ändrat i fönster A");
    // At the current version the save goes through and gives the new version.
    let current = store.version(EntityKind::Project, p).unwrap();
    let ((), next) = store
        .save_if_unchanged(EntityKind::Project, p, current, |s| {
            s.update_project(p, &project_input("Ändrat i fönster B"))
        })
        .unwrap();
    assert_eq!(next, current + 1);
    assert_eq!(store.project(p).unwrap().title, "Ändrat i fönster B");
    // A failing save rolls back and gives its own error.
    let failed: Result<((), i64), StoreError> =
        store.save_if_unchanged(EntityKind::Project, p, next, |s| {
            s.update_project(p, &project_input("halvvägs"))?;
            Err(StoreError::NotFound)
        });
    assert!(matches!(failed, Err(StoreError::NotFound)));
    assert_eq!(store.project(p).unwrap().title, "Ändrat i fönster B");
    assert_eq!(store.version(EntityKind::Project, p).unwrap(), next);
}

#[test]
fn every_edited_kind_has_a_version_that_any_update_moves() {
    let mut store = memory_store();
    tidig::ops::demo::load(&mut store, common::now().date_naive()).unwrap();
    for kind in EntityKind::ALL {
        let table = tidig::store::entity_table(kind);
        let id = count(&store, &format!("SELECT min(id) FROM {table}"));
        let before = store.version(kind, id).unwrap();
        store
            .connection()
            .execute(
                &format!("UPDATE {table} SET uuid = uuid WHERE id = ?1"),
                [id],
            )
            .unwrap();
        assert_eq!(store.version(kind, id).unwrap(), before + 1, "{table}");
    }
}

#[test]
fn an_agenda_change_does_not_make_an_open_meeting_form_stale() {
    let mut store = memory_store();
    let p = common::store::project(&mut store, "TOM-1");
    let m = meeting(&mut store, p, "Möte");
    let before = store.version(EntityKind::Meeting, m).unwrap();
    store.set_clock(tidig::domain::Clock::Fixed(
        common::now() + chrono::Duration::hours(1),
    ));
    store
        .add_agenda_item(m, &common::store::block("Inledning", 10))
        .unwrap();
    assert_eq!(store.version(EntityKind::Meeting, m).unwrap(), before);
    // The meeting's own fields do move it.
    store
        .set_meeting_status(m, tidig::domain::MeetingStatus::Held)
        .unwrap();
    assert_eq!(store.version(EntityKind::Meeting, m).unwrap(), before + 1);
}
