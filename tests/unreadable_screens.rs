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
    store
        .connection()
        .execute_batch(&format!(
            "PRAGMA ignore_check_constraints = ON;
             UPDATE projects SET status = 'dormant' WHERE id = {bad};"
        ))
        .unwrap();
    (App::new(store), bad)
}

#[test]
fn the_portfolio_shows_an_unreadable_project_and_d_trashes_it() {
    let (mut app, bad) = poisoned();
    assert_eq!(app.context(), Context::Portfolio);
    assert_eq!(app.portfolio.rows.len(), 1);
    assert_eq!(app.portfolio.unreadable, [bad]);
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
    assert!(app.portfolio.unreadable.is_empty());
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
    store
        .connection()
        .execute_batch(&format!(
            "PRAGMA ignore_check_constraints = ON;
             UPDATE needs SET status = 'oklar' WHERE id = {bad};"
        ))
        .unwrap();
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
