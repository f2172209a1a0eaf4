//! Gallring: personal notes of projects closed longer ago than `retention_months` are
//! listed (`tidig gallra --dry-run`) and purged after confirmation; nothing else is.

mod common;

use tidig::domain::*;
use tidig::store::Store;

use common::cli::Sandbox;
use common::store::{meeting_input, memory_store};
use common::{clock, date, utc};

/// A project that ended on `end` with `status`, one meeting, and a personal and an
/// internal note; the personal note's id.
fn project_with_notes(
    store: &mut Store,
    code: &str,
    status: ProjectStatus,
    end: Option<chrono::NaiveDate>,
) -> i64 {
    let p = store
        .create_project(&ProjectInput {
            code: code.into(),
            title: "Skolskjuts".into(),
            status,
            end_date: end,
            ..Default::default()
        })
        .unwrap();
    let m = store
        .create_meeting(
            p,
            &meeting_input("Intervju", utc(2025, 3, 3, 9, 0), utc(2025, 3, 3, 10, 0)),
        )
        .unwrap();
    store
        .create_note(
            m,
            None,
            "Internt: sammanfattning",
            Confidentiality::Internal,
        )
        .unwrap();
    store
        .create_note(
            m,
            None,
            "Min egen notering om Kalle",
            Confidentiality::Personal,
        )
        .unwrap()
}

#[test]
fn only_personal_notes_of_projects_closed_long_enough_ago_are_due() {
    let mut store = memory_store();
    let old = project_with_notes(
        &mut store,
        "OLD-1",
        ProjectStatus::Completed,
        Some(date(2025, 6, 1)),
    );
    project_with_notes(
        &mut store,
        "NEW-1",
        ProjectStatus::Completed,
        Some(date(2026, 6, 1)),
    );
    project_with_notes(
        &mut store,
        "LIVE-1",
        ProjectStatus::Active,
        Some(date(2025, 6, 1)),
    );
    let due = store.expired_personal_notes(12).unwrap();
    assert_eq!(due.iter().map(|n| n.id).collect::<Vec<_>>(), [old]);
    assert_eq!(due[0].project_code, "OLD-1");
    assert_eq!(due[0].closed_on, "2025-06-01");
    assert!(store.expired_personal_notes(24).unwrap().is_empty());
    assert_eq!(store.expired_personal_notes(3).unwrap().len(), 2);

    // A note relabelled since it was listed is kept.
    store
        .set_label(EntityKind::Note, old, Confidentiality::Internal)
        .unwrap();
    assert_eq!(store.purge_expired_personal_notes(12, &[old]).unwrap(), 0);
    store
        .set_label(EntityKind::Note, old, Confidentiality::Personal)
        .unwrap();
    assert_eq!(store.purge_expired_personal_notes(12, &[old]).unwrap(), 1);
    assert!(store.note(old).is_err());
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn gallra_lists_with_dry_run_asks_and_purges() {
    let sandbox = Sandbox::empty("UTC");
    let note = {
        let mut store = Store::open(&sandbox.db(), clock()).unwrap();
        project_with_notes(
            &mut store,
            "OLD-1",
            ProjectStatus::Cancelled,
            Some(date(2025, 6, 1)),
        )
    };
    let listed = sandbox.run(&["gallra", "--dry-run"]);
    assert!(
        listed.contains("OLD-1") && listed.contains("Min egen notering"),
        "{listed}"
    );
    assert!(listed.contains("1 personal note of projects closed more than 12 months ago"));
    let still = |s: &Sandbox| Store::open(&s.db(), clock()).unwrap().note(note).is_ok();
    assert!(still(&sandbox));

    // Not confirmed: nothing goes.
    let out = sandbox
        .tidig()
        .arg("gallra")
        .write_stdin("n\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(out).unwrap().contains("Nothing deleted."));
    assert!(still(&sandbox));

    // A shorter retention in the config lists the same; confirmed, it goes.
    std::fs::write(sandbox.config(), "retention_months = 6\n").unwrap();
    let out = sandbox
        .tidig()
        .arg("gallra")
        .write_stdin("y\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("1 personal note deleted for good")
    );
    assert!(!still(&sandbox));
    let store = Store::open(&sandbox.db(), clock()).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}
