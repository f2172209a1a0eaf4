//! Store tests on in-memory and temporary-file databases: opening safely, migrations,
//! refusals that leave the file untouched, and every aggregate's round trip.

mod common;

use std::path::Path;

use chrono::{NaiveDate, TimeZone};
use rusqlite::Connection;
use tidig::domain::EntityKind;
use tidig::domain::*;
use tidig::ops::demo::{self, DemoSummary};
use tidig::store::{APPLICATION_ID, ProjectFilter, ProjectSort, SCHEMA_VERSION, Store, StoreError};
use tidig::text;

#[cfg(unix)]
use common::mode;
use common::store::{clock_at, count, db_path, file_store, memory_store, temp_dir};
use common::{clock, date, today, wal_of};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// A closed tidig database at `path` with the demo portfolio in it (WAL checkpointed).
fn demo_file(path: &Path) {
    let mut store = file_store(path);
    demo::load(&mut store, today()).unwrap();
    store
        .connection()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    drop(store);
}

fn pragma_i64(store: &Store, name: &str) -> i64 {
    store
        .connection()
        .query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
        .unwrap()
}

fn pragma_text(store: &Store, name: &str) -> String {
    store
        .connection()
        .query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
        .unwrap()
}

/// Opens `path`, expects a refusal, and checks that not a byte of the file changed and
/// that no write-ahead log was left behind. Returns the error for further checks.
fn assert_refused_untouched(path: &Path) -> StoreError {
    let before = std::fs::read(path).unwrap();
    let err = match Store::open(path, clock()) {
        Ok(_) => panic!("{} should have been refused", path.display()),
        Err(e) => e,
    };
    let after = std::fs::read(path).unwrap();
    assert!(before == after, "{} was modified", path.display());
    assert!(
        !wal_of(path).exists(),
        "a write-ahead log was left beside {}",
        path.display()
    );
    let message = err.to_string();
    assert!(
        !message.is_empty() && !message.contains('\n'),
        "{message:?}"
    );
    err
}

fn draft<'a>(code: &'a str, title: &'a str) -> ProjectDraft<'a> {
    ProjectDraft {
        code,
        title,
        ..Default::default()
    }
}

fn input(code: &str, title: &str) -> ProjectInput {
    ProjectInput::validate(&draft(code, title)).unwrap()
}

fn full_input() -> ProjectInput {
    ProjectInput::validate(&ProjectDraft {
        code: "NORR-24",
        title: "Hemtjänst på distans i Övertorneå",
        buyer_name: "Luleå kommun",
        case_number: "KS 2026/0123",
        subject: "Välfärdsteknik för äldre",
        goal: "Fler ska kunna bo kvar hemma.\nNattillsyn som inte väcker.",
        phase: Phase::EarlyDialogue,
        status: ProjectStatus::Active,
        innovation_level: Some(InnovationLevel::RndServices),
        planned_procedure: "Förhandlat förfarande",
        start_date: "2026-01-15",
        end_date: "2027-06-30",
        tags: "välfärdsteknik, ÄLDREOMSORG, nattillsyn",
    })
    .unwrap()
}

fn codes(store: &Store, filter: &ProjectFilter) -> Vec<String> {
    store
        .list_projects(filter)
        .unwrap()
        .into_iter()
        .map(|r| r.code)
        .collect()
}

fn text_filter(text: &str) -> ProjectFilter {
    ProjectFilter {
        text: text.into(),
        ..Default::default()
    }
}

fn sorted(sort: ProjectSort, descending: bool) -> ProjectFilter {
    ProjectFilter {
        sort,
        descending,
        ..Default::default()
    }
}

fn org(name: &str, kind: OrgKind) -> OrganisationInput {
    OrganisationInput::validate(name, kind).unwrap()
}

fn person(name: &str, organisation: &str) -> PersonInput {
    PersonInput::validate(name, organisation, "Upphandlare", "a@b.se", "070-1").unwrap()
}

fn milestone(title: &str, due: Option<NaiveDate>) -> MilestoneInput {
    MilestoneInput {
        title: title.into(),
        due_date: due,
    }
}

// ---------------------------------------------------------------------------------------
// Opening and migrations
// ---------------------------------------------------------------------------------------

#[test]
fn in_memory_store_is_migrated_and_identified() {
    let store = memory_store();
    assert_eq!(pragma_i64(&store, "user_version"), SCHEMA_VERSION);
    assert_eq!(
        pragma_i64(&store, "application_id"),
        i64::from(APPLICATION_ID)
    );
    assert_eq!(pragma_i64(&store, "foreign_keys"), 1);
}

#[test]
fn new_file_store_is_migrated_with_durable_pragmas() {
    let dir = temp_dir();
    let path = db_path(&dir);
    let store = file_store(&path);
    assert!(path.exists());
    assert_eq!(pragma_i64(&store, "user_version"), SCHEMA_VERSION);
    assert_eq!(
        pragma_i64(&store, "application_id"),
        i64::from(APPLICATION_ID)
    );
    assert_eq!(pragma_i64(&store, "foreign_keys"), 1);
    assert_eq!(pragma_text(&store, "journal_mode"), "wal");
    assert_eq!(pragma_i64(&store, "synchronous"), 2, "synchronous = FULL");
}

#[test]
fn reopening_a_file_keeps_data_and_does_not_rerun_migrations() {
    let dir = temp_dir();
    let path = db_path(&dir);
    {
        let mut store = file_store(&path);
        store.create_project(&input("A-1", "Första")).unwrap();
    }
    let store = file_store(&path);
    assert_eq!(pragma_i64(&store, "user_version"), SCHEMA_VERSION);
    assert_eq!(
        pragma_i64(&store, "application_id"),
        i64::from(APPLICATION_ID)
    );
    // Re-running the first migration would have failed on CREATE TABLE or emptied it.
    assert_eq!(codes(&store, &ProjectFilter::default()), ["A-1"]);
    assert_eq!(pragma_i64(&store, "foreign_keys"), 1);
    assert_eq!(pragma_text(&store, "journal_mode"), "wal");
    assert_eq!(pragma_i64(&store, "synchronous"), 2);
}

#[test]
fn two_stores_can_be_open_on_the_same_file() {
    let dir = temp_dir();
    let path = db_path(&dir);
    let mut first = file_store(&path);
    let second = file_store(&path);
    first.create_project(&input("A-1", "Första")).unwrap();
    assert_eq!(codes(&second, &ProjectFilter::default()), ["A-1"]);
}

#[cfg(unix)]
#[test]
fn new_file_is_private_and_new_parent_folder_is_private() {
    let dir = temp_dir();
    let folder = dir.path().join("data").join("tidig");
    let path = folder.join("t.db");
    drop(file_store(&path));
    assert_eq!(mode(&path), 0o600, "store file mode");
    assert_eq!(mode(&folder), 0o700, "store folder mode");
}

#[test]
fn empty_existing_file_is_initialised_as_a_new_store() {
    let dir = temp_dir();
    let path = db_path(&dir);
    std::fs::write(&path, b"").unwrap();
    let mut store = file_store(&path);
    assert_eq!(pragma_i64(&store, "user_version"), SCHEMA_VERSION);
    assert_eq!(
        pragma_i64(&store, "application_id"),
        i64::from(APPLICATION_ID)
    );
    store.create_project(&input("A-1", "Första")).unwrap();
    assert!(store.has_projects().unwrap());
}

// ---------------------------------------------------------------------------------------
// Refusals: nothing that is not ours, damaged or newer is ever written to
// ---------------------------------------------------------------------------------------

#[test]
fn newer_schema_is_refused_and_left_untouched() {
    let dir = temp_dir();
    let path = db_path(&dir);
    drop(file_store(&path));
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
            .unwrap();
    }
    let err = assert_refused_untouched(&path);
    match err {
        StoreError::Newer {
            found, supported, ..
        } => {
            assert_eq!(found, SCHEMA_VERSION + 1);
            assert_eq!(supported, SCHEMA_VERSION);
        }
        other => panic!("expected Newer, got {other:?}"),
    }
}

#[test]
fn text_file_is_not_a_tidig_database_and_left_untouched() {
    let dir = temp_dir();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "hello").unwrap();
    let err = assert_refused_untouched(&path);
    assert!(matches!(err, StoreError::NotTidig(_)), "{err:?}");
}

#[test]
fn another_programs_sqlite_file_is_refused_and_left_untouched() {
    let dir = temp_dir();
    let path = dir.path().join("other.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA application_id = 0;
             CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT);
             INSERT INTO recipes (name) VALUES ('kanelbullar');",
        )
        .unwrap();
    }
    let err = assert_refused_untouched(&path);
    assert!(matches!(err, StoreError::NotTidig(_)), "{err:?}");
}

#[test]
fn truncated_sqlite_header_is_not_a_tidig_database() {
    let dir = temp_dir();
    let path = db_path(&dir);
    std::fs::write(&path, &b"SQLite format 3\0"[..10]).unwrap();
    let err = assert_refused_untouched(&path);
    assert!(matches!(err, StoreError::NotTidig(_)), "{err:?}");
}

#[test]
fn damaged_schema_page_is_refused_and_left_untouched() {
    let dir = temp_dir();
    let path = db_path(&dir);
    demo_file(&path);
    // Keep the 100-byte file header; wreck the rest of page 1 (the schema table).
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[100..1100].fill(0xAB);
    std::fs::write(&path, &bytes).unwrap();
    let err = assert_refused_untouched(&path);
    assert!(
        matches!(err, StoreError::Corrupt { .. } | StoreError::NotTidig(_)),
        "{err:?}"
    );
}

/// DESIGN §7: "a corrupt or newer database is never overwritten", and `Store::open`
/// promises to refuse a damaged file. Damage past page 1 is not noticed when opening:
/// `open::verify` only reads the header and `sqlite_schema`.
#[test]
fn damaged_data_pages_are_refused_and_left_untouched() {
    let dir = temp_dir();
    let path = db_path(&dir);
    demo_file(&path);
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 6096, "demo store has several pages");
    bytes[4096..6096].fill(0xAB);
    std::fs::write(&path, &bytes).unwrap();
    let err = assert_refused_untouched(&path);
    assert!(
        matches!(err, StoreError::Corrupt { .. } | StoreError::NotTidig(_)),
        "{err:?}"
    );
}

#[test]
fn damaged_data_pages_are_left_untouched_and_reported_by_check() {
    let dir = temp_dir();
    let path = db_path(&dir);
    demo_file(&path);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[4096..6096].fill(0xAB);
    std::fs::write(&path, &bytes).unwrap();
    // Whether or not opening notices the damage, reading must fail or check must report
    // it, and the file must come out byte for byte as it went in.
    match Store::open(&path, clock()) {
        Err(e) => assert!(!e.to_string().contains('\n'), "{e}"),
        Ok(store) => {
            let reported = match store.check() {
                Ok(problems) => !problems.is_empty(),
                Err(_) => true,
            };
            assert!(reported, "check() found nothing wrong with a damaged file");
            assert!(store.list_projects(&ProjectFilter::default()).is_err());
        }
    }
    assert!(
        std::fs::read(&path).unwrap() == bytes,
        "damaged file was modified"
    );
    assert!(!wal_of(&path).exists());
}

// ---------------------------------------------------------------------------------------
// Projects
// ---------------------------------------------------------------------------------------

#[test]
fn project_round_trips_every_field() {
    let mut store = memory_store();
    let input = full_input();
    let id = store.create_project(&input).unwrap();

    let p = store.project(id).unwrap();
    assert_eq!(p.id, id);
    assert_eq!(p.uuid.len(), 36, "uuid {}", p.uuid);
    assert_eq!(p.code, "NORR-24");
    assert_eq!(p.title, "Hemtjänst på distans i Övertorneå");
    assert!(p.buyer_id.is_some());
    assert_eq!(p.buyer_name.as_deref(), Some("Luleå kommun"));
    assert_eq!(p.case_number, "KS 2026/0123");
    assert_eq!(p.subject, "Välfärdsteknik för äldre");
    assert_eq!(
        p.goal,
        "Fler ska kunna bo kvar hemma.\nNattillsyn som inte väcker."
    );
    assert_eq!(p.phase, Phase::EarlyDialogue);
    assert_eq!(p.status, ProjectStatus::Active);
    assert_eq!(p.innovation_level, Some(InnovationLevel::RndServices));
    assert_eq!(p.planned_procedure, "Förhandlat förfarande");
    assert_eq!(p.start_date, Some(date(2026, 1, 15)));
    assert_eq!(p.end_date, Some(date(2027, 6, 30)));
    assert_eq!(p.tags, ["välfärdsteknik", "ÄLDREOMSORG", "nattillsyn"]);
    assert_eq!(p.last_reviewed_at, None);
    assert_eq!(p.created_at, "2026-11-26T12:00:00Z");
    assert_eq!(p.updated_at, "2026-11-26T12:00:00Z");

    assert_eq!(store.project_by_code("NORR-24").unwrap(), p);
    assert!(matches!(
        store.project_by_code("SÖDER-1"),
        Err(StoreError::NotFound)
    ));
    assert!(matches!(store.project(id + 100), Err(StoreError::NotFound)));
}

#[test]
fn update_project_changes_fields_and_updated_at() {
    let mut store = memory_store();
    let id = store.create_project(&full_input()).unwrap();
    store.set_clock(clock_at(27, 9, 0));
    let changed = ProjectInput {
        code: "NORR-25".into(),
        title: "Trygg natt i Jokkmokk".into(),
        buyer_name: "Region Norrbotten".into(),
        phase: Phase::Strategy,
        status: ProjectStatus::Paused,
        innovation_level: None,
        start_date: None,
        end_date: None,
        tags: vec!["nattillsyn".into()],
        ..full_input()
    };
    store.update_project(id, &changed).unwrap();

    let p = store.project(id).unwrap();
    assert_eq!(p.code, "NORR-25");
    assert_eq!(p.title, "Trygg natt i Jokkmokk");
    assert_eq!(p.buyer_name.as_deref(), Some("Region Norrbotten"));
    assert_eq!(p.phase, Phase::Strategy);
    assert_eq!(p.status, ProjectStatus::Paused);
    assert_eq!(p.innovation_level, None);
    assert_eq!(p.start_date, None);
    assert_eq!(p.end_date, None);
    assert_eq!(p.tags, ["nattillsyn"]);
    assert_eq!(p.created_at, "2026-11-26T12:00:00Z");
    assert_eq!(p.updated_at, "2026-11-27T09:00:00Z");
    assert!(matches!(
        store.project_by_code("NORR-24"),
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.update_project(id + 100, &input("GONE-1", "Finns inte")),
        Err(StoreError::NotFound)
    ));
}

#[test]
fn buyer_is_created_once_and_reused_ignoring_case() {
    let mut store = memory_store();
    let first = store
        .create_project(&ProjectInput {
            buyer_name: "Luleå kommun".into(),
            ..input("A-1", "Första")
        })
        .unwrap();
    let second = store
        .create_project(&ProjectInput {
            buyer_name: "LULEÅ KOMMUN".into(),
            ..input("A-2", "Andra")
        })
        .unwrap();
    let third = store
        .create_project(&ProjectInput {
            buyer_name: "Umeå kommun".into(),
            ..input("A-3", "Tredje")
        })
        .unwrap();
    let none = store.create_project(&input("A-4", "Fjärde")).unwrap();

    let buyer = |id| store.project(id).unwrap().buyer_id;
    assert!(buyer(first).is_some());
    assert_eq!(buyer(first), buyer(second));
    assert_ne!(buyer(first), buyer(third));
    assert_eq!(buyer(none), None);
    assert_eq!(store.project(none).unwrap().buyer_name, None);
    assert_eq!(
        store.project(second).unwrap().buyer_name.as_deref(),
        Some("Luleå kommun"),
        "the existing organisation's spelling is kept"
    );

    let orgs = store.list_organisations().unwrap();
    let names: Vec<_> = orgs.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["Luleå kommun", "Umeå kommun"]);
    assert!(orgs.iter().all(|o| o.kind == OrgKind::ContractingAuthority));
}

#[test]
fn project_codes_are_unique_even_against_the_trash() {
    let mut store = memory_store();
    let first = store.create_project(&input("DUP-1", "Första")).unwrap();

    match store.create_project(&input("DUP-1", "Andra")) {
        Err(StoreError::Conflict("code", e)) => assert_eq!(e, FieldError::CodeTaken),
        other => panic!("expected a code conflict, got {other:?}"),
    }

    store.trash(EntityKind::Project, first).unwrap();
    match store.create_project(&input("DUP-1", "Andra")) {
        Err(StoreError::Conflict("code", e)) => assert_eq!(e, FieldError::CodeTakenInTrash),
        other => panic!("expected a code conflict with the trash, got {other:?}"),
    }
    // Each is worded on its own: the second says what to do about the trashed one.
    assert_ne!(
        text::field_error(&FieldError::CodeTaken),
        text::field_error(&FieldError::CodeTakenInTrash)
    );

    store.restore(EntityKind::Project, first).unwrap();
    store
        .update_project(first, &input("DUP-1", "Nytt namn, samma kod"))
        .unwrap();
    assert_eq!(store.project(first).unwrap().title, "Nytt namn, samma kod");

    let other = store.create_project(&input("DUP-2", "Andra")).unwrap();
    assert!(matches!(
        store.update_project(other, &input("DUP-1", "Andra")),
        Err(StoreError::Conflict("code", _))
    ));
    assert_eq!(store.project(other).unwrap().code, "DUP-2");
}

#[test]
fn a_failed_create_writes_nothing_not_even_the_buyer() {
    let mut store = memory_store();
    store.create_project(&input("DUP-1", "Första")).unwrap();
    let clash = ProjectInput {
        buyer_name: "Ny organisation AB".into(),
        ..input("DUP-1", "Andra")
    };
    assert!(store.create_project(&clash).is_err());
    assert!(store.list_organisations().unwrap().is_empty());
    assert_eq!(count(&store, "SELECT count(*) FROM projects"), 1);
}

/// Four projects with distinct buyers, phases, statuses, tags and update times.
fn portfolio() -> Store {
    let mut store = memory_store();
    let projects = [
        (
            "BETA-2",
            "Fossilfria transporter",
            "Region Västerbotten",
            Phase::Tendering,
            ProjectStatus::Paused,
            "klimat",
            27,
        ),
        (
            "ALFA-1",
            "Äldreomsorg med sensorer",
            "Luleå kommun",
            Phase::NeedsAnalysis,
            ProjectStatus::Active,
            "välfärdsteknik",
            29,
        ),
        (
            "DELTA-4",
            "Skolskjuts",
            "Malmö stad",
            Phase::Closed,
            ProjectStatus::Completed,
            "",
            26,
        ),
        (
            "GAMMA-3",
            "Broar",
            "Trafikverket",
            Phase::Initiation,
            ProjectStatus::Prospect,
            "Infrastruktur, ÅTGÄRD",
            28,
        ),
    ];
    for (code, title, buyer, phase, status, tags, day) in projects {
        store.set_clock(clock_at(day, 8, 0));
        let p = ProjectInput::validate(&ProjectDraft {
            code,
            title,
            buyer_name: buyer,
            phase,
            status,
            tags,
            ..Default::default()
        })
        .unwrap();
        store.create_project(&p).unwrap();
    }
    store.set_clock(clock());
    store
}

#[test]
fn list_projects_filters_by_text_ignoring_case_including_swedish_letters() {
    let store = portfolio();
    assert_eq!(
        codes(&store, &ProjectFilter::default()),
        ["ALFA-1", "BETA-2", "DELTA-4", "GAMMA-3"]
    );
    // Title, with å/Å and ä/Ä folded.
    assert_eq!(codes(&store, &text_filter("äldreOMSORG")), ["ALFA-1"]);
    assert_eq!(codes(&store, &text_filter("ÄLDRE")), ["ALFA-1"]);
    // Code.
    assert_eq!(codes(&store, &text_filter("beta")), ["BETA-2"]);
    // Buyer.
    assert_eq!(codes(&store, &text_filter("LULEÅ")), ["ALFA-1"]);
    assert_eq!(codes(&store, &text_filter("västerbotten")), ["BETA-2"]);
    // Tags.
    assert_eq!(codes(&store, &text_filter("VÄLFÄRDS")), ["ALFA-1"]);
    assert_eq!(codes(&store, &text_filter("åtgärd")), ["GAMMA-3"]);
    assert_eq!(codes(&store, &text_filter("  klimat  ")), ["BETA-2"]);
    // Matches in several projects, and none.
    assert_eq!(
        codes(&store, &text_filter("A-")),
        ["ALFA-1", "BETA-2", "DELTA-4", "GAMMA-3"]
    );
    assert!(codes(&store, &text_filter("Kiruna")).is_empty());
}

#[test]
fn list_projects_filters_by_status_and_text_together() {
    let store = portfolio();
    let active = ProjectFilter {
        status: Some(ProjectStatus::Active),
        ..Default::default()
    };
    assert_eq!(codes(&store, &active), ["ALFA-1"]);
    let paused_lulea = ProjectFilter {
        status: Some(ProjectStatus::Paused),
        text: "luleå".into(),
        ..Default::default()
    };
    assert!(codes(&store, &paused_lulea).is_empty());
    let cancelled = ProjectFilter {
        status: Some(ProjectStatus::Cancelled),
        ..Default::default()
    };
    assert!(codes(&store, &cancelled).is_empty());
}

#[test]
fn list_projects_sorts_by_each_key_both_ways() {
    let store = portfolio();
    let all = ["ALFA-1", "BETA-2", "DELTA-4", "GAMMA-3"];
    assert_eq!(codes(&store, &sorted(ProjectSort::Code, false)), all);
    assert_eq!(
        codes(&store, &sorted(ProjectSort::Code, true)),
        ["GAMMA-3", "DELTA-4", "BETA-2", "ALFA-1"]
    );
    // Phase in process order, not alphabetical (closed would come first alphabetically).
    assert_eq!(
        codes(&store, &sorted(ProjectSort::Phase, false)),
        ["GAMMA-3", "ALFA-1", "BETA-2", "DELTA-4"]
    );
    assert_eq!(
        codes(&store, &sorted(ProjectSort::Phase, true)),
        ["DELTA-4", "BETA-2", "ALFA-1", "GAMMA-3"]
    );
    // Status in domain order: prospect, active, paused, completed.
    assert_eq!(
        codes(&store, &sorted(ProjectSort::Status, false)),
        ["GAMMA-3", "ALFA-1", "BETA-2", "DELTA-4"]
    );
    // Updated: created on the 27th, 29th, 26th and 28th respectively.
    assert_eq!(
        codes(&store, &sorted(ProjectSort::Updated, false)),
        ["DELTA-4", "BETA-2", "GAMMA-3", "ALFA-1"]
    );
    assert_eq!(
        codes(&store, &sorted(ProjectSort::Updated, true)),
        ["ALFA-1", "GAMMA-3", "BETA-2", "DELTA-4"]
    );
}

#[test]
fn list_projects_ties_are_broken_by_code() {
    let mut store = memory_store();
    for code in ["C-3", "A-1", "B-2"] {
        store.create_project(&input(code, "Samma")).unwrap();
    }
    assert_eq!(
        codes(&store, &sorted(ProjectSort::Updated, true)),
        ["A-1", "B-2", "C-3"]
    );
}

#[test]
fn trashed_projects_are_not_listed() {
    let mut store = portfolio();
    let beta = store.project_by_code("BETA-2").unwrap().id;
    store.trash(EntityKind::Project, beta).unwrap();
    assert_eq!(
        codes(&store, &ProjectFilter::default()),
        ["ALFA-1", "DELTA-4", "GAMMA-3"]
    );
    assert!(codes(&store, &text_filter("beta")).is_empty());
    assert!(matches!(
        store.project_by_code("BETA-2"),
        Err(StoreError::NotFound)
    ));
    store.restore(EntityKind::Project, beta).unwrap();
    assert_eq!(codes(&store, &text_filter("beta")), ["BETA-2"]);
}

#[test]
fn set_phase_and_mark_reviewed() {
    let mut store = memory_store();
    let id = store.create_project(&input("A-1", "Första")).unwrap();
    store.set_clock(clock_at(27, 10, 0));
    store.set_project_phase(id, Phase::MarketAnalysis).unwrap();
    store.mark_project_reviewed(id).unwrap();
    let p = store.project(id).unwrap();
    assert_eq!(p.phase, Phase::MarketAnalysis);
    assert_eq!(p.updated_at, "2026-11-27T10:00:00Z");
    assert_eq!(p.last_reviewed_at.as_deref(), Some("2026-11-27T10:00:00Z"));
    assert!(matches!(
        store.set_project_phase(id + 1, Phase::Closed),
        Err(StoreError::NotFound)
    ));
}

// ---------------------------------------------------------------------------------------
// Milestones
// ---------------------------------------------------------------------------------------

#[test]
fn milestones_are_ordered_by_due_date_with_undated_last() {
    let mut store = memory_store();
    let p = store.create_project(&input("A-1", "Första")).unwrap();
    let other = store.create_project(&input("B-1", "Andra")).unwrap();
    store
        .create_milestone(p, &milestone("Utan datum", None))
        .unwrap();
    store
        .create_milestone(p, &milestone("Annonsering", Some(date(2027, 3, 1))))
        .unwrap();
    store
        .create_milestone(p, &milestone("Behovsanalys klar", Some(date(2026, 12, 15))))
        .unwrap();
    store
        .create_milestone(other, &milestone("Annat projekt", Some(date(2026, 1, 1))))
        .unwrap();

    let titles: Vec<_> = store
        .milestones(p)
        .unwrap()
        .into_iter()
        .map(|m| m.title)
        .collect();
    assert_eq!(titles, ["Behovsanalys klar", "Annonsering", "Utan datum"]);
}

#[test]
fn milestone_round_trip_and_update() {
    let mut store = memory_store();
    let p = store.create_project(&input("A-1", "Första")).unwrap();
    let id = store
        .create_milestone(p, &milestone("Dialogmöte", Some(date(2026, 12, 1))))
        .unwrap();
    let m = store.milestone(id).unwrap();
    assert_eq!(m.project_id, p);
    assert_eq!(m.title, "Dialogmöte");
    assert_eq!(m.due_date, Some(date(2026, 12, 1)));
    assert_eq!(m.done_date, None);
    assert_eq!(m.status, MilestoneStatus::Planned);
    assert_eq!(m.created_at, "2026-11-26T12:00:00Z");

    store.set_clock(clock_at(28, 7, 0));
    store
        .update_milestone(id, &milestone("Dialogmöte två", None))
        .unwrap();
    let m = store.milestone(id).unwrap();
    assert_eq!(m.title, "Dialogmöte två");
    assert_eq!(m.due_date, None);
    assert_eq!(m.updated_at, "2026-11-28T07:00:00Z");
    assert!(matches!(
        store.update_milestone(id + 10, &milestone("x", None)),
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.milestone(id + 10),
        Err(StoreError::NotFound)
    ));
}

#[test]
fn toggling_a_milestone_stamps_and_clears_the_done_date() {
    let mut store = memory_store();
    let p = store.create_project(&input("A-1", "Första")).unwrap();
    let id = store
        .create_milestone(p, &milestone("RFI publicerad", Some(date(2026, 11, 1))))
        .unwrap();

    assert_eq!(
        store.toggle_milestone_done(id).unwrap(),
        MilestoneStatus::Done
    );
    let m = store.milestone(id).unwrap();
    assert_eq!(m.status, MilestoneStatus::Done);
    assert_eq!(m.done_date, Some(today()));

    assert_eq!(
        store.toggle_milestone_done(id).unwrap(),
        MilestoneStatus::Planned
    );
    let m = store.milestone(id).unwrap();
    assert_eq!(m.status, MilestoneStatus::Planned);
    assert_eq!(m.done_date, None);

    assert!(matches!(
        store.toggle_milestone_done(id + 1),
        Err(StoreError::NotFound)
    ));
}

#[test]
fn a_milestone_needs_an_existing_project() {
    let mut store = memory_store();
    assert!(
        store
            .create_milestone(999, &milestone("Föräldralös", None))
            .is_err()
    );
}

// ---------------------------------------------------------------------------------------
// Organisations and people
// ---------------------------------------------------------------------------------------

#[test]
fn organisations_create_update_and_list_by_name() {
    let mut store = memory_store();
    let b = store
        .create_organisation(&org("Vårdflöde Nordic AB", OrgKind::Supplier))
        .unwrap();
    let a = store
        .create_organisation(&org("Åre kommun", OrgKind::ContractingAuthority))
        .unwrap();
    let c = store
        .create_organisation(&org("byggföretagen", OrgKind::IndustryAssociation))
        .unwrap();

    let o = store.organisation(b).unwrap();
    assert_eq!(o.name, "Vårdflöde Nordic AB");
    assert_eq!(o.kind, OrgKind::Supplier);
    assert_eq!(o.created_at, "2026-11-26T12:00:00Z");

    store.set_clock(clock_at(27, 12, 0));
    store
        .update_organisation(b, &org("Vårdflöde AB", OrgKind::Expert))
        .unwrap();
    let o = store.organisation(b).unwrap();
    assert_eq!(o.name, "Vårdflöde AB");
    assert_eq!(o.kind, OrgKind::Expert);
    assert_eq!(o.updated_at, "2026-11-27T12:00:00Z");
    assert_eq!(o.created_at, "2026-11-26T12:00:00Z");

    let ids: Vec<_> = store
        .list_organisations()
        .unwrap()
        .into_iter()
        .map(|o| o.id)
        .collect();
    // Case-insensitive by name: "byggföretagen" < "vårdflöde ab" < "åre kommun".
    assert_eq!(ids, [c, b, a]);

    assert!(matches!(
        store.update_organisation(999, &org("Finns inte", OrgKind::Other)),
        Err(StoreError::NotFound)
    ));
    assert!(matches!(store.organisation(999), Err(StoreError::NotFound)));
}

#[test]
fn suggest_organisations_matches_substrings_prefixes_first_with_a_limit() {
    let mut store = memory_store();
    for name in [
        "Region Västerbotten",
        "Luleå kommun",
        "Kommunförbundet Norrbotten",
        "Umeå kommun",
        "Trafikverket",
    ] {
        store
            .create_organisation(&org(name, OrgKind::ContractingAuthority))
            .unwrap();
    }
    let names = |text: &str, limit| -> Vec<String> {
        store
            .suggest_organisations(text, limit)
            .unwrap()
            .into_iter()
            .map(|o| o.name)
            .collect()
    };
    assert_eq!(
        names("KOMMUN", 10),
        ["Kommunförbundet Norrbotten", "Luleå kommun", "Umeå kommun"]
    );
    assert_eq!(
        names("kommun", 2),
        ["Kommunförbundet Norrbotten", "Luleå kommun"]
    );
    assert_eq!(names("LULEÅ", 10), ["Luleå kommun"]);
    assert_eq!(
        names("botten", 10),
        ["Kommunförbundet Norrbotten", "Region Västerbotten"]
    );
    assert!(names("   ", 10).is_empty());
    assert!(names("Kiruna", 10).is_empty());
}

#[test]
fn trashed_organisations_are_not_suggested_or_listed() {
    let mut store = memory_store();
    let id = store
        .create_organisation(&org("Luleå kommun", OrgKind::ContractingAuthority))
        .unwrap();
    store.trash(EntityKind::Organisation, id).unwrap();
    assert!(store.suggest_organisations("luleå", 5).unwrap().is_empty());
    assert!(store.list_organisations().unwrap().is_empty());
}

#[test]
fn people_create_update_and_list() {
    let mut store = memory_store();
    let lulea = store
        .create_organisation(&org("Luleå kommun", OrgKind::ContractingAuthority))
        .unwrap();
    let asa_id = store
        .create_person(
            &PersonInput::validate(
                "Åsa Öberg",
                "luleå KOMMUN",
                "Upphandlare",
                "asa.oberg@lulea.se",
                "+46 70-123 45 67",
            )
            .unwrap(),
        )
        .unwrap();
    let p = store.person(asa_id).unwrap();
    assert_eq!(p.name, "Åsa Öberg");
    assert_eq!(
        p.organisation_id,
        Some(lulea),
        "existing organisation reused"
    );
    assert_eq!(p.organisation_name.as_deref(), Some("Luleå kommun"));
    assert_eq!(p.title, "Upphandlare");
    assert_eq!(p.email, "asa.oberg@lulea.se");
    assert_eq!(p.phone, "+46 70-123 45 67");
    assert_eq!(p.created_at, "2026-11-26T12:00:00Z");

    let bo = store.create_person(&person("Bo Ek", "")).unwrap();
    assert_eq!(store.person(bo).unwrap().organisation_id, None);

    store.set_clock(clock_at(27, 12, 0));
    store
        .update_person(asa_id, &person("Åsa Lindqvist", ""))
        .unwrap();
    let p = store.person(asa_id).unwrap();
    assert_eq!(p.name, "Åsa Lindqvist");
    assert_eq!(p.organisation_id, None);
    assert_eq!(p.updated_at, "2026-11-27T12:00:00Z");

    let names: Vec<_> = store
        .list_people()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Bo Ek", "Åsa Lindqvist"]);

    assert!(matches!(
        store.update_person(999, &person("Ingen", "")),
        Err(StoreError::NotFound)
    ));
    assert!(matches!(store.person(999), Err(StoreError::NotFound)));
}

#[test]
fn a_person_with_a_new_organisation_name_creates_it() {
    let mut store = memory_store();
    let id = store
        .create_person(&person("Sofia Grönlund", "Norrsken Sensorteknik AB"))
        .unwrap();
    let p = store.person(id).unwrap();
    let org_id = p.organisation_id.expect("organisation created");
    let o = store.organisation(org_id).unwrap();
    assert_eq!(o.name, "Norrsken Sensorteknik AB");
    assert_eq!(o.kind, OrgKind::Other);
    assert_eq!(store.list_organisations().unwrap().len(), 1);

    // A second person at the same organisation, spelt differently, reuses it.
    let id2 = store
        .create_person(&person("Per-Olof Backman", "NORRSKEN SENSORTEKNIK AB"))
        .unwrap();
    assert_eq!(store.person(id2).unwrap().organisation_id, Some(org_id));
    assert_eq!(store.list_organisations().unwrap().len(), 1);
}

// ---------------------------------------------------------------------------------------
// Trash
// ---------------------------------------------------------------------------------------

/// One row of each kind: (project, organisation, person, milestone).
type Ids = [i64; 17];

fn one_of_each(store: &mut Store) -> Ids {
    let project = store
        .create_project(&ProjectInput {
            buyer_name: "Malmö stad".into(),
            ..input("MLM-1", "Skolskjuts")
        })
        .unwrap();
    let organisation_id = store.project(project).unwrap().buyer_id.unwrap();
    let person_id = store
        .create_person(&person("Leila Haddad", "Malmö stad"))
        .unwrap();
    let milestone_id = store
        .create_milestone(project, &milestone("Första möte", Some(date(2026, 12, 10))))
        .unwrap();
    let start = chrono::Utc.with_ymd_and_hms(2026, 12, 3, 8, 0, 0).unwrap();
    let meeting_id = store
        .create_meeting(
            project,
            &tidig::domain::MeetingInput {
                kind: tidig::domain::MeetingType::ProjectMeeting,
                title: "Dialogmöte".into(),
                purpose: String::new(),
                desired_outcome: String::new(),
                format: tidig::domain::MeetingFormat::Digital,
                location: String::new(),
                start,
                end: start + chrono::Duration::hours(1),
                status: tidig::domain::MeetingStatus::Planned,
                notes_status: tidig::domain::NotesStatus::None,
            },
        )
        .unwrap();
    let agenda_item_id = store
        .add_agenda_item(
            meeting_id,
            &tidig::domain::AgendaItemInput {
                title: "Inledning".into(),
                minutes: 10,
                method: String::new(),
                owner: String::new(),
                expected_outcome: String::new(),
            },
        )
        .unwrap();
    let need_id = store
        .create_need(
            project,
            &NeedInput {
                statement: "Skolskjutsen ska vara förutsägbar".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let suggestion_id = store
        .create_suggestion(
            project,
            &SuggestionInput::validate(
                None,
                Phase::Requirements,
                "Färre skallkrav",
                "",
                "",
                SuggestionStatus::Proposed,
                "",
                "",
            )
            .unwrap(),
        )
        .unwrap();
    let lesson_id = store
        .create_lesson(&LessonInput {
            project_id: Some(project),
            phase: Some(Phase::EarlyDialogue),
            kind: LessonKind::GoodExample,
            title: "Samma frågor till alla".into(),
            context: String::new(),
            what_happened: String::new(),
            what_we_learned: "Det gör svaren jämförbara".into(),
            recommendation: String::new(),
            shareable: true,
        })
        .unwrap();
    let note_id = store
        .create_note(
            meeting_id,
            None,
            "Alla var överens",
            Confidentiality::Internal,
        )
        .unwrap();
    let decision_id = store
        .create_decision(
            project,
            Some(meeting_id),
            &DecisionInput::validate("Vi kör dialog", "", "", "", date(2026, 11, 26)).unwrap(),
        )
        .unwrap();
    let action_id = store
        .create_action(
            project,
            Some(meeting_id),
            &ActionInput::validate(
                "Boka lokal",
                "Leila",
                "",
                ActionStatus::Open,
                date(2026, 11, 26),
            )
            .unwrap(),
        )
        .unwrap();
    let question_id = store
        .create_question(meeting_id, "Vem äger datat?")
        .unwrap();
    let information_id = store
        .create_information(
            project,
            &tidig::domain::InformationInput::validate(&tidig::domain::InformationDraft {
                channel: "mail".into(),
                given_on: "2026-11-26".into(),
                title: "Antal elever".into(),
                recipients: vec![organisation_id],
                ..Default::default()
            })
            .unwrap(),
        )
        .unwrap();
    let interest_id = store
        .create_interest(
            project,
            &tidig::domain::InterestInput::validate(
                Some(organisation_id),
                None,
                tidig::domain::InterestKind::DeclaredInterest,
                "Äger ett skjutsbolag",
                "",
                "",
            )
            .unwrap(),
        )
        .unwrap();
    let round_id = store
        .create_round(
            project,
            &tidig::domain::RoundInput {
                kind: tidig::domain::RoundKind::Rfi,
                title: "Skriftlig förfrågan".into(),
                purpose: String::new(),
            },
        )
        .unwrap();
    let round_question_id = store
        .add_round_question(round_id, "Vilka fordon finns?")
        .unwrap();
    [
        project,
        organisation_id,
        person_id,
        milestone_id,
        meeting_id,
        agenda_item_id,
        need_id,
        suggestion_id,
        lesson_id,
        note_id,
        decision_id,
        action_id,
        question_id,
        information_id,
        interest_id,
        round_id,
        round_question_id,
    ]
}

fn id_of(kind: EntityKind, ids: Ids) -> i64 {
    let position = EntityKind::ALL.iter().position(|k| *k == kind).unwrap();
    ids[position]
}

#[test]
fn trash_lists_every_kind_with_labels_and_restore_brings_it_back() {
    let mut store = memory_store();
    let ids = one_of_each(&mut store);
    for (hour, kind) in EntityKind::ALL.into_iter().enumerate() {
        store.set_clock(clock_at(27, hour as u32, 0));
        store.trash(kind, id_of(kind, ids)).unwrap();
    }

    let trash = store.list_trash().unwrap();
    let listed: Vec<_> = trash
        .iter()
        .map(|t| (t.kind, t.id, t.label.as_str(), t.deleted_at.as_str()))
        .collect();
    // Most recently deleted first.
    assert_eq!(
        listed,
        [
            (
                EntityKind::RoundQuestion,
                ids[16],
                "Vilka fordon finns? (Skriftlig förfrågan)",
                "2026-11-27T16:00:00Z"
            ),
            (
                EntityKind::Round,
                ids[15],
                "Skriftlig förfrågan (MLM-1)",
                "2026-11-27T15:00:00Z"
            ),
            (
                EntityKind::Interest,
                ids[14],
                "Äger ett skjutsbolag (MLM-1)",
                "2026-11-27T14:00:00Z"
            ),
            (
                EntityKind::Information,
                ids[13],
                "Antal elever (MLM-1)",
                "2026-11-27T13:00:00Z"
            ),
            (
                EntityKind::Question,
                ids[12],
                "Vem äger datat? (Dialogmöte)",
                "2026-11-27T12:00:00Z"
            ),
            (
                EntityKind::ActionItem,
                ids[11],
                "Boka lokal (MLM-1)",
                "2026-11-27T11:00:00Z"
            ),
            (
                EntityKind::Decision,
                ids[10],
                "Vi kör dialog (MLM-1)",
                "2026-11-27T10:00:00Z"
            ),
            (
                EntityKind::Note,
                ids[9],
                "Alla var överens (Dialogmöte)",
                "2026-11-27T09:00:00Z"
            ),
            (
                EntityKind::Lesson,
                ids[8],
                "Samma frågor till alla",
                "2026-11-27T08:00:00Z"
            ),
            (
                EntityKind::Suggestion,
                ids[7],
                "Färre skallkrav (MLM-1)",
                "2026-11-27T07:00:00Z"
            ),
            (
                EntityKind::Need,
                ids[6],
                "MLM-1 B-001 Skolskjutsen ska vara förutsägbar",
                "2026-11-27T06:00:00Z"
            ),
            (
                EntityKind::AgendaItem,
                ids[5],
                "Inledning (Dialogmöte)",
                "2026-11-27T05:00:00Z"
            ),
            (
                EntityKind::Meeting,
                ids[4],
                "Dialogmöte (MLM-1)",
                "2026-11-27T04:00:00Z"
            ),
            (
                EntityKind::Milestone,
                ids[3],
                "Första möte (MLM-1)",
                "2026-11-27T03:00:00Z"
            ),
            (
                EntityKind::Person,
                ids[2],
                "Leila Haddad",
                "2026-11-27T02:00:00Z"
            ),
            (
                EntityKind::Organisation,
                ids[1],
                "Malmö stad",
                "2026-11-27T01:00:00Z"
            ),
            (
                EntityKind::Project,
                ids[0],
                "MLM-1 Skolskjuts",
                "2026-11-27T00:00:00Z"
            ),
        ]
    );
    assert!(store.list_people().unwrap().is_empty());
    assert!(store.list_organisations().unwrap().is_empty());
    assert!(store.milestones(ids[0]).unwrap().is_empty());
    assert!(!store.has_projects().unwrap());

    for kind in EntityKind::ALL {
        store.restore(kind, id_of(kind, ids)).unwrap();
    }
    assert!(store.list_trash().unwrap().is_empty());
    assert_eq!(store.list_people().unwrap().len(), 1);
    assert_eq!(store.list_organisations().unwrap().len(), 1);
    assert_eq!(store.milestones(ids[0]).unwrap().len(), 1);
    assert!(store.has_projects().unwrap());
}

#[test]
fn purge_deletes_trashed_rows_of_every_kind() {
    for kind in EntityKind::ALL {
        let mut store = memory_store();
        let ids = one_of_each(&mut store);
        let id = id_of(kind, ids);
        store.trash(kind, id).unwrap();
        store.purge(kind, id).unwrap();
        assert!(store.list_trash().unwrap().is_empty(), "{kind:?}");
        assert!(
            matches!(store.restore(kind, id), Err(StoreError::NotFound)),
            "{kind:?} purged row can still be restored"
        );
        assert!(
            matches!(store.purge(kind, id), Err(StoreError::NotFound)),
            "{kind:?} purged twice"
        );
        assert!(store.check().unwrap().is_empty(), "{kind:?}");
    }
}

#[test]
fn purge_refuses_rows_that_are_not_in_the_trash() {
    let mut store = memory_store();
    let ids = one_of_each(&mut store);
    for kind in EntityKind::ALL {
        assert!(
            matches!(
                store.purge(kind, id_of(kind, ids)),
                Err(StoreError::NotFound)
            ),
            "{kind:?}"
        );
        assert!(
            matches!(store.trash(kind, 9999), Err(StoreError::NotFound)),
            "{kind:?}"
        );
    }
    assert!(store.has_projects().unwrap());
    assert_eq!(store.list_people().unwrap().len(), 1);
    assert_eq!(store.milestones(ids[0]).unwrap().len(), 1);
}

#[test]
fn purging_a_project_removes_its_milestones() {
    let mut store = memory_store();
    let [project, _, _, milestone_id, ..] = one_of_each(&mut store);
    store.trash(EntityKind::Project, project).unwrap();
    store.purge(EntityKind::Project, project).unwrap();
    assert!(matches!(store.project(project), Err(StoreError::NotFound)));
    assert!(matches!(
        store.milestone(milestone_id),
        Err(StoreError::NotFound)
    ));
    assert_eq!(count(&store, "SELECT count(*) FROM milestones"), 0);
    // The code is free again.
    store.create_project(&input("MLM-1", "Ny")).unwrap();
}

#[test]
fn purging_a_buyer_leaves_its_projects_and_people_without_one() {
    let mut store = memory_store();
    let [project, organisation, person_id, ..] = one_of_each(&mut store);
    store.trash(EntityKind::Organisation, organisation).unwrap();
    store.purge(EntityKind::Organisation, organisation).unwrap();
    let p = store.project(project).unwrap();
    assert_eq!(p.buyer_id, None);
    assert_eq!(p.buyer_name, None);
    assert_eq!(store.person(person_id).unwrap().organisation_id, None);
    assert!(store.check().unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------
// Drafts and transactions
// ---------------------------------------------------------------------------------------

#[test]
fn drafts_round_trip_overwrite_and_discard() {
    let mut store = memory_store();
    assert_eq!(store.draft("project:new").unwrap(), None);

    store
        .save_draft("project:new", r#"{"title":"Hemtjänst"}"#)
        .unwrap();
    let d = store.draft("project:new").unwrap().unwrap();
    assert_eq!(d.payload, r#"{"title":"Hemtjänst"}"#);
    assert_eq!(d.updated_at, "2026-11-26T12:00:00Z");

    store.set_clock(clock_at(27, 12, 0));
    store
        .save_draft("project:new", r#"{"title":"Hemtjänst på natten"}"#)
        .unwrap();
    store.save_draft("person:3", "{}").unwrap();
    let d = store.draft("project:new").unwrap().unwrap();
    assert_eq!(d.payload, r#"{"title":"Hemtjänst på natten"}"#);
    assert_eq!(d.updated_at, "2026-11-27T12:00:00Z");
    assert_eq!(count(&store, "SELECT count(*) FROM drafts"), 2);

    store.discard_draft("project:new").unwrap();
    assert_eq!(store.draft("project:new").unwrap(), None);
    assert!(store.draft("person:3").unwrap().is_some());
    // Discarding what isn't there is fine.
    store.discard_draft("project:new").unwrap();
}

#[test]
fn drafts_survive_reopening_a_file_store() {
    let dir = temp_dir();
    let path = db_path(&dir);
    file_store(&path).save_draft("k", "åäö").unwrap();
    assert_eq!(
        file_store(&path).draft("k").unwrap().unwrap().payload,
        "åäö"
    );
}

#[test]
fn atomically_rolls_back_every_write_when_the_closure_fails() {
    let mut store = memory_store();
    store
        .create_project(&input("KEEP-1", "Finns kvar"))
        .unwrap();
    let result: Result<(), StoreError> = store.atomically(|s| {
        s.create_project(&ProjectInput {
            buyer_name: "Ny köpare AB".into(),
            ..input("GONE-1", "Försvinner")
        })?;
        s.create_organisation(&org("Försvinner också", OrgKind::Other))?;
        s.save_draft("k", "v")?;
        let keep = s.project_by_code("KEEP-1")?.id;
        s.update_project(keep, &input("KEEP-1", "Ändrad titel"))?;
        Err(StoreError::NotFound)
    });
    assert!(matches!(result, Err(StoreError::NotFound)));

    assert_eq!(codes(&store, &ProjectFilter::default()), ["KEEP-1"]);
    assert_eq!(store.project_by_code("KEEP-1").unwrap().title, "Finns kvar");
    assert!(store.list_organisations().unwrap().is_empty());
    assert_eq!(store.draft("k").unwrap(), None);

    // The store is usable afterwards, and a successful closure commits.
    let id = store
        .atomically(|s| s.create_project(&input("NEW-1", "Ny")))
        .unwrap();
    assert_eq!(store.project(id).unwrap().code, "NEW-1");
}

#[test]
fn atomically_rolls_back_when_a_store_call_inside_fails() {
    let dir = temp_dir();
    let path = db_path(&dir);
    {
        let mut store = file_store(&path);
        let result = store.atomically(|s| {
            s.create_project(&input("A-1", "Första"))?;
            s.create_project(&input("A-1", "Krock"))
        });
        assert!(matches!(result, Err(StoreError::Conflict("code", _))));
    }
    // Nothing reached the file either.
    assert!(!file_store(&path).has_projects().unwrap());
}

// ---------------------------------------------------------------------------------------
// Demo, backup and check
// ---------------------------------------------------------------------------------------

#[test]
fn demo_loads_once_and_a_second_load_adds_nothing() {
    let mut store = memory_store();
    let first = demo::load(&mut store, today()).unwrap();
    assert!(first.projects >= 4, "{first:?}");
    assert!(first.organisations > 0 && first.people > 0 && first.milestones > 0);

    let listed = codes(&store, &ProjectFilter::default());
    assert_eq!(listed.len(), first.projects);
    for code in ["LULE-25", "RVB-26", "TRV-BRO", "UHEM-25", "MLM-SKOL"] {
        assert!(listed.iter().any(|c| c == code), "{code} missing");
    }
    let orgs = store.list_organisations().unwrap().len();
    let people = store.list_people().unwrap().len();
    assert_eq!(orgs, first.organisations);
    assert_eq!(people, first.people);

    let second = demo::load(&mut store, today()).unwrap();
    assert_eq!(second, DemoSummary::default());
    assert_eq!(codes(&store, &ProjectFilter::default()), listed);
    assert_eq!(store.list_organisations().unwrap().len(), orgs);
    assert_eq!(store.list_people().unwrap().len(), people);

    assert!(store.check().unwrap().is_empty());
}

#[test]
fn demo_dates_are_relative_to_today() {
    let mut store = memory_store();
    demo::load(&mut store, today()).unwrap();
    let lule = store.project_by_code("LULE-25").unwrap();
    assert_eq!(lule.buyer_name.as_deref(), Some("Luleå kommun"));
    assert_eq!(lule.start_date, Some(today() - chrono::Days::new(120)));
    let done: Vec<_> = store
        .milestones(lule.id)
        .unwrap()
        .into_iter()
        .filter(|m| m.status == MilestoneStatus::Done)
        .collect();
    assert!(!done.is_empty());
    assert!(done.iter().all(|m| m.done_date.unwrap() < today()));
}

#[test]
fn demo_load_is_all_or_nothing() {
    let mut store = memory_store();
    // A user project holding a demo code makes the demo's project insert fail.
    store.create_project(&input("RVB-26", "Min egen")).unwrap();
    assert!(demo::load(&mut store, today()).is_err());
    assert_eq!(codes(&store, &ProjectFilter::default()), ["RVB-26"]);
    assert!(store.list_organisations().unwrap().is_empty());
    assert!(store.list_people().unwrap().is_empty());
}

#[test]
fn backup_is_private_and_opens_with_the_same_projects() {
    let dir = temp_dir();
    let path = db_path(&dir);
    let mut store = file_store(&path);
    demo::load(&mut store, today()).unwrap();
    let dest = dir.path().join("backup.db");
    store.backup(&dest).unwrap();
    // The backup is taken while the store is still open and in use.
    store.create_project(&input("AFTER-1", "Efter")).unwrap();

    #[cfg(unix)]
    assert_eq!(mode(&dest), 0o600);
    let copy = file_store(&dest);
    let original: Vec<_> = codes(&store, &ProjectFilter::default())
        .into_iter()
        .filter(|c| c != "AFTER-1")
        .collect();
    assert_eq!(codes(&copy, &ProjectFilter::default()), original);
    assert_eq!(pragma_i64(&copy, "user_version"), SCHEMA_VERSION);
    assert!(copy.check().unwrap().is_empty());
}

#[test]
fn backup_of_an_in_memory_store_works() {
    let dir = temp_dir();
    let mut store = memory_store();
    demo::load(&mut store, today()).unwrap();
    let dest = dir.path().join("mem-backup.db");
    store.backup(&dest).unwrap();
    assert_eq!(
        codes(&file_store(&dest), &ProjectFilter::default()),
        codes(&store, &ProjectFilter::default())
    );
}

#[test]
fn backup_never_overwrites_an_existing_file() {
    let dir = temp_dir();
    let store = file_store(&db_path(&dir));
    let dest = dir.path().join("precious.txt");
    std::fs::write(&dest, "do not touch").unwrap();
    assert!(store.backup(&dest).is_err());
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), "do not touch");
}

#[test]
fn check_finds_nothing_wrong_with_a_healthy_store() {
    assert!(memory_store().check().unwrap().is_empty());
    let dir = temp_dir();
    let path = db_path(&dir);
    demo_file(&path);
    assert!(file_store(&path).check().unwrap().is_empty());
}

#[test]
fn check_reports_a_broken_foreign_key() {
    let mut store = memory_store();
    let p = store.create_project(&input("A-1", "Första")).unwrap();
    store
        .connection()
        .execute_batch(&format!(
            "PRAGMA foreign_keys = OFF;
             UPDATE projects SET buyer_id = 4242 WHERE id = {p};
             PRAGMA foreign_keys = ON;"
        ))
        .unwrap();
    let problems = store.check().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("projects"), "{problems:?}");
}
