//! Every list reads row by row (issue 9): for each family of rows, one row poisoned by
//! raw SQL (a value its reader cannot parse, written past the CHECK constraints as
//! another program could) is set aside with its table and id, the rest of the list is
//! still there, and `tidig check` names the value. Opening the row alone says which
//! row and column cannot be read instead of failing with a database error.

mod common;

use tidig::domain::{
    ActionFilter, LessonFilter, NeedFilter, OrganisationFilter, ProjectFilter, SuggestionFilter,
};
use tidig::ops::demo;
use tidig::store::{Store, StoreError};

use common::{clock, today};

/// One family: its table, the column poisoned and the value, and the list (of the
/// poisoned row's context) as the number of readable rows it gives.
struct Family {
    table: &'static str,
    column: &'static str,
    value: &'static str,
    list: fn(&Store, i64) -> usize,
}

fn project_of(store: &Store, table: &str, id: i64) -> i64 {
    store
        .connection()
        .query_row(
            &format!("SELECT project_id FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .unwrap()
}

fn meeting_of(store: &Store, table: &str, id: i64) -> i64 {
    store
        .connection()
        .query_row(
            &format!("SELECT meeting_id FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .unwrap()
}

const FAMILIES: &[Family] = &[
    Family {
        table: "projects",
        column: "phase",
        value: "someday",
        list: |s, _| s.list_projects(&ProjectFilter::default()).unwrap().len(),
    },
    Family {
        table: "milestones",
        column: "due_date",
        value: "2026-13-45",
        list: |s, id| s.milestones(project_of(s, "milestones", id)).unwrap().len(),
    },
    Family {
        table: "agenda_items",
        column: "minutes",
        value: "long",
        list: |s, id| s.agenda(meeting_of(s, "agenda_items", id)).unwrap().len(),
    },
    Family {
        table: "attendance",
        column: "role",
        value: "boss",
        list: |s, id| s.attendance(meeting_of(s, "attendance", id)).unwrap().len(),
    },
    Family {
        table: "notes",
        column: "confidentiality",
        value: "secret",
        list: |s, id| s.notes(meeting_of(s, "notes", id)).unwrap().len(),
    },
    Family {
        table: "decisions",
        column: "decided_on",
        value: "yesterday",
        list: |s, id| {
            s.decisions(Some(project_of(s, "decisions", id)), None)
                .unwrap()
                .len()
        },
    },
    Family {
        table: "action_items",
        column: "status",
        value: "someday",
        list: |s, _| {
            let all = ActionFilter {
                include_closed: true,
                ..ActionFilter::default()
            };
            s.actions(&all).unwrap().len()
        },
    },
    Family {
        table: "needs",
        column: "status",
        value: "unclear",
        list: |s, id| {
            s.needs(project_of(s, "needs", id), &NeedFilter::default())
                .unwrap()
                .len()
        },
    },
    Family {
        table: "need_evidence",
        column: "confidentiality",
        value: "secret",
        list: |s, id| {
            let need: i64 = s
                .connection()
                .query_row(
                    "SELECT need_id FROM need_evidence WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .unwrap();
            s.evidence(need).unwrap().len()
        },
    },
    Family {
        table: "suggestions",
        column: "status",
        value: "maybe",
        list: |s, _| {
            s.suggestions_filtered(None, &SuggestionFilter::default())
                .unwrap()
                .len()
        },
    },
    Family {
        table: "lessons",
        column: "kind",
        value: "story",
        list: |s, _| {
            s.lessons_filtered(None, &LessonFilter::default(), false)
                .unwrap()
                .len()
        },
    },
    Family {
        table: "questions",
        column: "confidentiality",
        value: "secret",
        list: |s, id| s.questions(meeting_of(s, "questions", id)).unwrap().len(),
    },
    Family {
        table: "organisations",
        column: "kind",
        value: "vendor",
        list: |s, _| {
            s.list_organisations_filtered(&OrganisationFilter::default())
                .unwrap()
                .len()
        },
    },
    Family {
        table: "information_items",
        column: "channel",
        value: "pigeon",
        list: |s, _| s.information_items(None, false).unwrap().len(),
    },
    Family {
        table: "interests",
        column: "kind",
        value: "hunch",
        list: |s, _| s.interests(None).unwrap().len(),
    },
];

fn demo_store() -> Store {
    let mut store = Store::open_in_memory(clock()).unwrap();
    demo::load(&mut store, today()).unwrap();
    store
}

#[test]
fn one_poisoned_row_of_each_family_is_set_aside_and_the_rest_listed() {
    for family in FAMILIES {
        let store = demo_store();
        let conn = store.connection();
        let id: i64 = conn
            .query_row(
                &format!(
                    "SELECT min(id) FROM {} WHERE {}",
                    family.table,
                    if family.table == "attendance" || family.table == "need_evidence" {
                        "1"
                    } else {
                        "deleted_at IS NULL"
                    }
                ),
                [],
                |r| r.get(0),
            )
            .unwrap_or_else(|e| panic!("{}: {e}", family.table));
        let before = (family.list)(&store, id);
        assert_eq!(store.take_set_aside(), [], "{}", family.table);

        conn.execute_batch("PRAGMA ignore_check_constraints = ON")
            .unwrap();
        conn.execute(
            &format!(
                "UPDATE {} SET {} = ?2 WHERE id = ?1",
                family.table, family.column
            ),
            rusqlite::params![id, family.value],
        )
        .unwrap();

        let after = (family.list)(&store, id);
        assert_eq!(
            after,
            before - 1,
            "{}: the other rows are listed",
            family.table
        );
        let aside = store.take_set_aside();
        assert_eq!(
            aside.iter().map(|r| (r.table, r.id)).collect::<Vec<_>>(),
            [(family.table, id)],
            "{}",
            family.table
        );
        assert_eq!(aside[0].column, family.column, "{}", family.table);
        // Taken once: the next list notes it again, not twice.
        assert_eq!(store.take_set_aside(), []);

        // `tidig check` names the value (the agenda's minutes are an integer column
        // whose CHECK SQLite's own check reports).
        if family.column != "minutes" {
            let bad = store.bad_values().unwrap();
            assert!(
                bad.iter().any(|b| b.table == family.table
                    && b.id == id
                    && b.column == family.column
                    && b.value == family.value),
                "{}: {bad:?}",
                family.table
            );
        }
    }
}

#[test]
fn opening_an_unreadable_row_names_it_and_writes_nothing() {
    let store = demo_store();
    let conn = store.connection();
    conn.execute_batch("PRAGMA ignore_check_constraints = ON")
        .unwrap();
    let (project, need, note, meeting): (i64, i64, i64, i64) = conn
        .query_row(
            "SELECT (SELECT min(id) FROM projects), (SELECT min(id) FROM needs),
                    (SELECT min(id) FROM notes), (SELECT min(id) FROM meetings)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    conn.execute_batch(&format!(
        "UPDATE projects SET status = 'dormant' WHERE id = {project};
         UPDATE needs SET status = 'urgent' WHERE id = {need};
         UPDATE notes SET confidentiality = 'secret' WHERE id = {note};
         UPDATE meetings SET start_at = 'next week' WHERE id = {meeting};"
    ))
    .unwrap();
    let changes = conn.total_changes();

    let cases: [(&str, i64, &str, StoreError); 4] = [
        (
            "projects",
            project,
            "status",
            store.project(project).unwrap_err(),
        ),
        ("needs", need, "status", store.need(need).unwrap_err()),
        (
            "notes",
            note,
            "confidentiality",
            store.note(note).unwrap_err(),
        ),
        (
            "meetings",
            meeting,
            "start_at",
            store.meeting(meeting).unwrap_err(),
        ),
    ];
    for (table, id, column, e) in cases {
        match &e {
            StoreError::Unreadable(row) => {
                assert_eq!(
                    (row.table, row.id, row.column.as_str()),
                    (table, id, column)
                );
            }
            other => panic!("{table}: {other:?}"),
        }
        let message = e.to_string();
        assert!(
            message.contains(&format!(
                "{table} row {id} cannot be read (column {column})"
            )) && message.contains("moves it to the trash"),
            "{message}"
        );
    }
    assert_eq!(
        store.connection().total_changes(),
        changes,
        "nothing written"
    );
}

/// The CLI's lists and exports skip a row that cannot be read with one warning on
/// standard error naming table and id, and still succeed.
#[test]
fn cli_lists_and_exports_skip_unreadable_rows_with_one_warning_each() {
    let sandbox = common::cli::Sandbox::empty("UTC");
    sandbox.tidig().arg("demo").assert().success();
    let (project, code, need, suggestion) = {
        let conn = rusqlite::Connection::open(sandbox.db()).unwrap();
        let project: i64 = conn
            .query_row("SELECT max(id) FROM projects", [], |r| r.get(0))
            .unwrap();
        let (code, first): (String, i64) = conn
            .query_row(
                "SELECT code, id FROM projects WHERE id = (SELECT min(id) FROM projects)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        let need: i64 = conn
            .query_row(
                "SELECT min(id) FROM needs WHERE project_id = ?1 AND deleted_at IS NULL",
                [first],
                |r| r.get(0),
            )
            .unwrap();
        let suggestion: i64 = conn
            .query_row(
                "SELECT min(id) FROM suggestions WHERE deleted_at IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        conn.execute_batch(&format!(
            "PRAGMA ignore_check_constraints = ON;
             UPDATE projects SET status = 'dormant' WHERE id = {project};
             UPDATE needs SET status = 'unclear' WHERE id = {need};
             UPDATE suggestions SET phase = 'later' WHERE id = {suggestion};"
        ))
        .unwrap();
        (project, code, need, suggestion)
    };
    let warned = |args: &[&str], table: &str, id: i64| {
        let out = sandbox
            .tidig()
            .args(args)
            .assert()
            .success()
            .get_output()
            .clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(
            stderr.lines().collect::<Vec<_>>().len(),
            1,
            "{args:?}: one warning: {stderr}"
        );
        assert!(
            stderr.starts_with(&format!("warning: {table} row {id} cannot be read")),
            "{args:?}: {stderr}"
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let listed = warned(&["list", "projects"], "projects", project);
    assert_eq!(listed.lines().count(), 4, "the other projects: {listed}");
    warned(&["list", "needs", "--project", &code], "needs", need);
    warned(&["list", "suggestions"], "suggestions", suggestion);
    let file = sandbox.path("behov.md");
    warned(
        &["export", "needs", &code, "-o", file.to_str().unwrap()],
        "needs",
        need,
    );
    assert!(std::fs::read_to_string(&file).unwrap().contains("B-00"));
}
