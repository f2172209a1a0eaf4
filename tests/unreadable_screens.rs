//! A list on screen with a row that cannot be read (issue 9): the portfolio shows
//! "unreadable row (id N) — d deletes it" after the projects, `d` moves it to the trash
//! after asking, other keys on it say why nothing happens, and opening such a row from
//! elsewhere gives a status-line message naming table, id and column, not an error
//! screen.

mod common;

use crossterm::event::KeyCode;
use tidig::app::{App, Screen, keymap::Context};
use tidig::domain::{EntityKind, EntityRef};
use tidig::store::Store;

use common::clock;
use common::screen::{ch, press, render};
use common::store::{norr, vgr};

/// NORR-24 and VGR-25, with VGR-25's status poisoned; returns VGR-25's id.
fn poisoned() -> (App, i64) {
    let mut store = Store::open_in_memory(clock()).unwrap();
    norr(&mut store);
    let bad = vgr(&mut store);
    common::store::poison(&store, "projects", bad, "status = 'dormant'");
    (App::new(store), bad)
}

#[test]
fn the_portfolio_shows_an_unreadable_project_and_d_trashes_it() {
    let (mut app, bad) = poisoned();
    assert_eq!(app.context(), Context::Portfolio);
    assert_eq!(app.portfolio.rows().count(), 1);
    assert_eq!(app.portfolio.unreadable(), [bad]);
    let screen = render(&app, 80, 24);
    insta::assert_snapshot!("portfolio_unreadable_row_80x24", screen);
    assert!(screen.contains("NORR-24"), "{screen}");
    assert!(
        screen.contains(&format!("unreadable row (id {bad}) — d deletes it")),
        "{screen}"
    );

    // Down to it: Enter and e say why nothing happens; nothing is written.
    ch(&mut app, 'j');
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Portfolio);
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "This row cannot be read; d moves it to the trash"
    );
    ch(&mut app, 'e');
    assert_eq!(app.context(), Context::Portfolio);

    ch(&mut app, 'd');
    assert_eq!(app.context(), Context::Confirm);
    assert!(render(&app, 80, 24).contains(&format!("unreadable row (id {bad})")));
    ch(&mut app, 'y');
    assert!(app.portfolio.unreadable().is_empty());
    assert!(app.store.is_trashed(EntityKind::Project, bad).unwrap());
    assert!(!render(&app, 80, 24).contains("unreadable row"));
}

#[test]
fn opening_an_unreadable_project_says_which_row_and_column() {
    let (mut app, bad) = poisoned();
    app.go_to(EntityRef::new(EntityKind::Project, bad));
    assert_eq!(app.screen(), Screen::Portfolio, "stays where it was");
    let status = app.status.as_ref().unwrap();
    assert!(
        status.text.contains(&format!(
            "projects row {bad} cannot be read (column status)"
        )) && status.text.contains("d in its list moves it to the trash"),
        "{}",
        status.text
    );
}

/// The global actions screen: an action whose due date cannot be read is listed as
/// unreadable in its place in the order and `d` moves it to the trash.
#[test]
fn the_actions_screen_shows_an_unreadable_action_and_d_trashes_it() {
    use tidig::domain::ActionStatus;
    let mut store = Store::open_in_memory(clock()).unwrap();
    let p = norr(&mut store);
    store
        .create_action(
            p,
            None,
            &common::store::action("Läsbar", "Anna", None, ActionStatus::Open),
        )
        .unwrap();
    let bad = store
        .create_action(
            p,
            None,
            &common::store::action("Trasig", "Anna", None, ActionStatus::Open),
        )
        .unwrap();
    store
        .connection()
        .execute(
            "UPDATE action_items SET due_date = 'snart' WHERE id = ?1",
            [bad],
        )
        .unwrap();
    let mut app = App::new(store);
    ch(&mut app, '3');
    assert_eq!(app.context(), Context::Actions);
    assert_eq!(app.actions.unreadable(), [bad]);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Läsbar"), "{screen}");
    // Cut with … at 80 columns, where the title column is narrow.
    assert!(
        screen.contains(&format!("unreadable row (id {bad}) — d delete")),
        "{screen}"
    );
    // The list is paged in the order SQLite computes, so the row keeps its place: its
    // due date sorts as stored text, after the dated actions and before the undated.
    assert_eq!(app.actions.selected_row().unwrap().id(), bad);
    ch(&mut app, ' ');
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "This row cannot be read; d moves it to the trash"
    );
    ch(&mut app, 'd');
    assert_eq!(app.context(), Context::Confirm);
    ch(&mut app, 'y');
    assert!(app.actions.unreadable().is_empty());
    assert!(app.store.is_trashed(EntityKind::ActionItem, bad).unwrap());
}

/// A project's Needs tab: a need whose status cannot be read is listed as unreadable
/// after the others and `d` moves it to the trash.
#[test]
fn the_needs_tab_shows_an_unreadable_need_and_d_trashes_it() {
    use tidig::app::ProjectTab;
    use tidig::domain::NeedInput;
    let mut store = Store::open_in_memory(clock()).unwrap();
    let p = norr(&mut store);
    let need = |statement: &str| NeedInput {
        statement: statement.into(),
        as_a: String::new(),
        i_need: String::new(),
        so_that: String::new(),
        category: String::new(),
        priority: None,
        owner: String::new(),
    };
    store.create_need(p, &need("Läsbart behov")).unwrap();
    let bad = store.create_need(p, &need("Trasigt behov")).unwrap();
    common::store::poison(&store, "needs", bad, "status = 'oklar'");
    let mut app = App::new(store);
    common::screen::open_project(&mut app, "NORR-24");
    common::screen::project_tab(&mut app, ProjectTab::Needs);
    assert_eq!(app.project.as_ref().unwrap().needs.unreadable, [bad]);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Läsbart behov"), "{screen}");
    assert!(
        screen.contains(&format!("unreadable row (id {bad}) — d deletes it")),
        "{screen}"
    );
    ch(&mut app, 'j');
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::Project { .. }), "not opened");
    ch(&mut app, 'd');
    assert_eq!(app.context(), Context::Confirm);
    ch(&mut app, 'y');
    assert!(app.project.as_ref().unwrap().needs.unreadable.is_empty());
    assert!(app.store.is_trashed(EntityKind::Need, bad).unwrap());
}

// ----- every other list, one table ----------------------------------------------------

/// One list on screen with a row poisoned by raw SQL.
struct Case {
    list: &'static str,
    table: &'static str,
    /// The row to poison: the first of the demo's rows that the list shows.
    pick: &'static str,
    /// What makes it unreadable (a value its reader cannot parse).
    poison: &'static str,
    /// Goes to the screen that lists the row `bad`.
    open: fn(&mut App, bad: i64),
    /// The ids the screen lists as unreadable.
    shown: fn(&App) -> Vec<i64>,
    /// How `d` removes it: to the trash as this kind, or (`None`) off its meeting.
    kind: Option<EntityKind>,
    /// A key the list has for its selected row, other than `d`.
    other: char,
    /// The id of the row under the cursor, for a list where the unreadable row keeps
    /// its place in the order (the others list it last).
    selected: Option<fn(&App) -> Option<i64>>,
}

fn meeting_of(app: &App, table: &str, bad: i64) -> i64 {
    app.store
        .connection()
        .query_row(
            &format!("SELECT meeting_id FROM {table} WHERE id = ?1"),
            [bad],
            |r| r.get(0),
        )
        .unwrap()
}

fn open_meeting_tab(app: &mut App, table: &str, bad: i64, tab: tidig::app::MeetingTab) {
    let meeting = meeting_of(app, table, bad);
    app.go_to(EntityRef::new(EntityKind::Meeting, meeting));
    common::screen::meeting_tab(app, tab);
}

fn open_project_tab(app: &mut App, table: &str, bad: i64, tab: tidig::app::ProjectTab) {
    let project: i64 = app
        .store
        .connection()
        .query_row(
            &format!("SELECT project_id FROM {table} WHERE id = ?1"),
            [bad],
            |r| r.get(0),
        )
        .unwrap();
    app.go_to(EntityRef::new(EntityKind::Project, project));
    common::screen::project_tab(app, tab);
}

fn project_state(app: &App) -> &tidig::app::ProjectState {
    app.project.as_ref().unwrap()
}

fn meeting_state(app: &App) -> &tidig::app::MeetingState {
    app.meeting.as_ref().unwrap()
}

/// Every table's rows as text, but for row `id` of `table`: what `d` must leave alone.
fn fingerprint(store: &Store, table: &str, id: i64) -> Vec<String> {
    let conn = store.connection();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master t WHERE type = 'table'
               AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'
               AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type = 'table'
                     AND v.sql LIKE 'CREATE VIRTUAL%' AND t.name LIKE v.name || '\\_%' ESCAPE '\\')
             ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {t}")).unwrap();
        let columns = stmt.column_count();
        let id_column = stmt.column_names().position(|c| c == "id");
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let own_id = id_column.map(|i| row.get::<_, i64>(i).unwrap());
            if t == table && own_id == Some(id) {
                continue;
            }
            let values: Vec<String> = (0..columns)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            out.push(format!("{t}: {}", values.join(", ")));
        }
    }
    out
}

fn cases() -> Vec<Case> {
    use tidig::app::{MeetingTab, ProjectTab};
    vec![
        Case {
            list: "a meeting's Notes tab",
            table: "notes",
            pick: "SELECT min(id) FROM notes WHERE deleted_at IS NULL",
            poison: "confidentiality = 'hemlig'",
            open: |app, bad| open_meeting_tab(app, "notes", bad, MeetingTab::Notes),
            shown: |app| meeting_state(app).unreadable.notes.clone(),
            kind: Some(EntityKind::Note),
            other: 'e',
            selected: None,
        },
        Case {
            list: "a meeting's Outcomes tab (a decision)",
            table: "decisions",
            pick: "SELECT min(id) FROM decisions WHERE deleted_at IS NULL
                     AND meeting_id IS NOT NULL",
            poison: "decided_on = 'igår'",
            open: |app, bad| open_meeting_tab(app, "decisions", bad, MeetingTab::Outcomes),
            shown: |app| outcome_ids(app, EntityKind::Decision),
            kind: Some(EntityKind::Decision),
            other: 'e',
            selected: None,
        },
        Case {
            list: "a meeting's Outcomes tab (an action)",
            table: "action_items",
            pick: "SELECT min(id) FROM action_items WHERE deleted_at IS NULL
                     AND meeting_id IS NOT NULL",
            poison: "status = 'kanske'",
            open: |app, bad| open_meeting_tab(app, "action_items", bad, MeetingTab::Outcomes),
            shown: |app| outcome_ids(app, EntityKind::ActionItem),
            kind: Some(EntityKind::ActionItem),
            other: 'e',
            selected: None,
        },
        Case {
            list: "a meeting's Outcomes tab (a question)",
            table: "questions",
            pick: "SELECT min(id) FROM questions WHERE deleted_at IS NULL",
            poison: "confidentiality = 'hemlig'",
            open: |app, bad| open_meeting_tab(app, "questions", bad, MeetingTab::Outcomes),
            shown: |app| outcome_ids(app, EntityKind::Question),
            kind: Some(EntityKind::Question),
            other: 'e',
            selected: None,
        },
        Case {
            list: "a meeting's Participants tab",
            table: "attendance",
            pick: "SELECT min(a.id) FROM attendance a JOIN people p ON p.id = a.person_id
                     WHERE p.deleted_at IS NULL",
            poison: "role = 'kung'",
            open: |app, bad| open_meeting_tab(app, "attendance", bad, MeetingTab::Participants),
            shown: |app| meeting_state(app).unreadable.participants.clone(),
            kind: None,
            other: 'r',
            selected: None,
        },
        Case {
            list: "a project's Time plan tab",
            table: "milestones",
            pick: "SELECT min(id) FROM milestones WHERE deleted_at IS NULL",
            poison: "status = 'kanske'",
            open: |app, bad| open_project_tab(app, "milestones", bad, ProjectTab::TimePlan),
            shown: |app| project_state(app).unreadable_milestones.clone(),
            kind: Some(EntityKind::Milestone),
            other: 'e',
            selected: None,
        },
        Case {
            list: "a project's Decisions tab",
            table: "decisions",
            pick: "SELECT min(id) FROM decisions WHERE deleted_at IS NULL",
            poison: "decided_on = 'igår'",
            open: |app, bad| open_project_tab(app, "decisions", bad, ProjectTab::Decisions),
            shown: |app| project_state(app).decisions.unreadable.clone(),
            kind: Some(EntityKind::Decision),
            other: 'e',
            selected: None,
        },
        Case {
            list: "a project's Suggestions tab",
            table: "suggestions",
            pick: "SELECT min(id) FROM suggestions WHERE deleted_at IS NULL",
            poison: "status = 'kanske'",
            open: |app, bad| open_project_tab(app, "suggestions", bad, ProjectTab::Suggestions),
            shown: |app| project_state(app).suggestions.unreadable.clone(),
            kind: Some(EntityKind::Suggestion),
            other: 'e',
            selected: None,
        },
        Case {
            list: "a project's Lessons tab",
            table: "lessons",
            pick: "SELECT min(id) FROM lessons WHERE deleted_at IS NULL
                     AND project_id IS NOT NULL",
            poison: "kind = 'myt'",
            open: |app, bad| open_project_tab(app, "lessons", bad, ProjectTab::Lessons),
            shown: |app| project_state(app).lessons.unreadable.clone(),
            kind: Some(EntityKind::Lesson),
            other: 'e',
            selected: None,
        },
        Case {
            list: "the lessons library",
            table: "lessons",
            pick: "SELECT min(id) FROM lessons WHERE deleted_at IS NULL",
            poison: "kind = 'myt'",
            open: |app, _| ch(app, '4'),
            shown: |app| app.library.unreadable(),
            kind: Some(EntityKind::Lesson),
            other: 'e',
            selected: Some(|app| app.library.selected_row().map(|r| r.id())),
        },
        Case {
            list: "a project's information log",
            table: "information_items",
            pick: "SELECT min(id) FROM information_items WHERE deleted_at IS NULL",
            poison: "channel = 'röksignal'",
            open: |app, bad| {
                open_project_tab(app, "information_items", bad, ProjectTab::Information)
            },
            shown: |app| project_state(app).information.unreadable_items.clone(),
            kind: Some(EntityKind::Information),
            other: 'e',
            selected: None,
        },
        Case {
            list: "a project's declared interests",
            table: "interests",
            pick: "SELECT min(id) FROM interests WHERE deleted_at IS NULL",
            poison: "kind = 'hemlig'",
            open: |app, bad| open_project_tab(app, "interests", bad, ProjectTab::Information),
            shown: |app| project_state(app).information.unreadable_interests.clone(),
            kind: Some(EntityKind::Interest),
            other: 'e',
            selected: None,
        },
        Case {
            list: "a project's dialogue rounds",
            table: "dialogue_rounds",
            pick: "SELECT min(id) FROM dialogue_rounds WHERE deleted_at IS NULL",
            poison: "kind = 'okänd'",
            open: |app, bad| {
                open_project_tab(app, "dialogue_rounds", bad, ProjectTab::Meetings);
                ch(app, 'R');
            },
            shown: |app| app.rounds.unreadable.clone(),
            kind: Some(EntityKind::Round),
            other: 'a',
            selected: None,
        },
        Case {
            list: "the directory's organisations",
            table: "organisations",
            pick: "SELECT min(id) FROM organisations WHERE deleted_at IS NULL",
            poison: "kind = 'okänd'",
            open: |app, _| ch(app, '5'),
            shown: |app| app.directory.unreadable_organisations(),
            kind: Some(EntityKind::Organisation),
            other: 'e',
            selected: Some(|app| app.directory.selected_organisation_row().map(|r| r.id())),
        },
    ]
}

fn outcome_ids(app: &App, kind: EntityKind) -> Vec<i64> {
    let outcomes = &meeting_state(app).unreadable.outcomes;
    outcomes
        .iter()
        .filter(|r| r.kind == kind)
        .map(|r| r.id)
        .collect()
}

/// The demo portfolio, with the row `case` picks poisoned; the app and the row's id.
fn demo_with_poisoned(case: &Case) -> (App, i64) {
    let mut store = Store::open_in_memory(clock()).unwrap();
    tidig::ops::demo::load(&mut store, common::today()).unwrap();
    let bad: i64 = store
        .connection()
        .query_row(case.pick, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{}: no row to poison: {e}", case.list));
    store
        .connection()
        .execute_batch(&format!(
            "PRAGMA ignore_check_constraints = ON;
             UPDATE {} SET {} WHERE id = {bad};
             PRAGMA ignore_check_constraints = OFF;",
            case.table, case.poison
        ))
        .unwrap();
    (App::new(store), bad)
}

#[test]
fn every_list_shows_its_unreadable_row_and_d_removes_only_it() {
    for case in cases() {
        let (mut app, bad) = demo_with_poisoned(&case);
        (case.open)(&mut app, bad);
        let list = case.list;
        assert_eq!((case.shown)(&app), [bad], "{list}");
        // Shown as a row, so not counted on the status line as left out.
        if let Some(status) = &app.status {
            assert!(!status.text.contains("left out"), "{list}: {}", status.text);
        }
        let screen = render(&app, 120, 40);
        assert!(
            screen.contains(&format!("unreadable row (id {bad})")),
            "{list}:\n{screen}"
        );
        let context = app.context();

        // The last row is the unreadable one (or, where it keeps its place, the one
        // the cursor steps onto): Enter and other keys about the row do nothing but say
        // why.
        match case.selected {
            None => press(&mut app, KeyCode::End),
            Some(selected) => {
                press(&mut app, KeyCode::Home);
                for _ in 0..1_000 {
                    if selected(&app) == Some(bad) {
                        break;
                    }
                    ch(&mut app, 'j');
                }
                assert_eq!(selected(&app), Some(bad), "{list}: the row is listed");
            }
        }
        press(&mut app, KeyCode::Enter);
        ch(&mut app, case.other);
        assert_eq!(app.context(), context, "{list}: nothing opened");
        let said = &app
            .status
            .as_ref()
            .unwrap_or_else(|| panic!("{list}: no word"))
            .text;
        assert!(
            said.starts_with("This row cannot be read; d "),
            "{list}: {said}"
        );

        let before = fingerprint(&app.store, case.table, bad);
        ch(&mut app, 'd');
        assert_eq!(app.context(), Context::Confirm, "{list}");
        assert!(
            render(&app, 120, 40).contains(&format!("unreadable row (id {bad})")),
            "{list}: the confirmation names the row"
        );
        ch(&mut app, 'y');
        assert!((case.shown)(&app).is_empty(), "{list}: still listed");
        assert!(
            !render(&app, 120, 40).contains("unreadable row"),
            "{list}: still drawn"
        );
        match case.kind {
            Some(kind) => assert!(app.store.is_trashed(kind, bad).unwrap(), "{list}"),
            None => assert_eq!(
                common::store::count(
                    &app.store,
                    &format!("SELECT count(*) FROM {} WHERE id = {bad}", case.table)
                ),
                0,
                "{list}: removed"
            ),
        }
        assert_eq!(
            fingerprint(&app.store, case.table, bad),
            before,
            "{list}: nothing else changed"
        );
    }
}

/// A meeting's Notes tab at 80×24 with a note that cannot be read after the others.
#[test]
fn the_notes_tab_shows_an_unreadable_note() {
    use tidig::app::MeetingTab;
    let mut store = Store::open_in_memory(clock()).unwrap();
    let readable = common::store::workshop_with_note(&mut store, "Behoven är tydliga");
    let meeting = store.note(readable).unwrap().meeting_id;
    let bad = store
        .create_note(
            meeting,
            None,
            "Trasig anteckning",
            tidig::domain::Confidentiality::Internal,
        )
        .unwrap();
    common::store::poison(&store, "notes", bad, "confidentiality = 'hemlig'");
    let mut app = App::new(store);
    app.go_to(EntityRef::new(EntityKind::Meeting, meeting));
    common::screen::meeting_tab(&mut app, MeetingTab::Notes);
    assert_eq!(app.meeting.as_ref().unwrap().unreadable.notes, [bad]);
    let screen = render(&app, 80, 24);
    insta::assert_snapshot!("notes_tab_unreadable_note_80x24", screen);
    assert!(screen.contains("Behoven är tydliga"), "{screen}");
    assert!(
        screen.contains(&format!("unreadable row (id {bad}) — d deletes it")),
        "{screen}"
    );
}

/// The trash needs no unreadable rows of its own: it reads a row's name and when it was
/// trashed, never the values a reader parses, so an unreadable row moved there is listed
/// by its name and purged like any other.
#[test]
fn an_unreadable_row_in_the_trash_is_listed_and_purged() {
    let (mut app, bad) = poisoned();
    ch(&mut app, 'j');
    ch(&mut app, 'd');
    ch(&mut app, 'y');
    assert!(app.store.is_trashed(EntityKind::Project, bad).unwrap());
    ch(&mut app, '6');
    assert_eq!(app.context(), Context::Trash);
    assert_eq!(app.trash.items.len(), 1);
    assert_eq!(app.trash.items[0].id, bad);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("VGR-7"), "{screen}");
    ch(&mut app, 'X');
    assert_eq!(app.context(), Context::Confirm);
    ch(&mut app, 'y');
    assert!(app.trash.items.is_empty());
    assert_eq!(
        common::store::count(
            &app.store,
            &format!("SELECT count(*) FROM projects WHERE id = {bad}")
        ),
        0,
        "purged"
    );
    // The readable project is untouched.
    ch(&mut app, '1');
    assert_eq!(app.portfolio.rows().count(), 1);
}
