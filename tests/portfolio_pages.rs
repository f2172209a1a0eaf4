//! The portfolio over more projects than its window (`app::window`): j past the
//! window, PgDn, End and Home, a project far down selected by its place in SQL, review
//! mode over every active project, an unreadable row far down, a filter and a sort.

mod common;

use crossterm::event::KeyCode;
use tidig::app::{App, Screen, keymap::Context};
use tidig::domain::{EntityKind, ProjectFilter, ProjectInput, ProjectSort, ProjectStatus};
use tidig::store::Store;

use common::screen::{ch, press, render};
use common::store::memory_store;

const PROJECTS: usize = 250;

/// P000…P249, every other one active; the portfolio on them.
fn app() -> App {
    let mut store = memory_store();
    for i in 0..PROJECTS {
        store
            .create_project(&ProjectInput {
                code: format!("P{i:03}"),
                title: format!("Projekt {i}"),
                buyer_name: "Region Norrbotten".into(),
                status: if i % 2 == 0 {
                    ProjectStatus::Active
                } else {
                    ProjectStatus::Prospect
                },
                ..Default::default()
            })
            .unwrap();
    }
    App::new(store)
}

fn selected(app: &App) -> String {
    app.portfolio.selected().unwrap().code.clone()
}

#[test]
fn the_portfolio_loads_a_window_and_j_moves_past_it() {
    let mut app = app();
    assert_eq!(app.portfolio.len(), PROJECTS);
    assert!(
        app.portfolio.window.rows.len() < PROJECTS,
        "a window, not the table"
    );
    for _ in 0..130 {
        ch(&mut app, 'j');
    }
    assert_eq!(app.portfolio.cursor.selected, 130);
    assert_eq!(selected(&app), "P130");
    assert!(app.portfolio.window.offset > 0, "the window moved on");
    assert!(render(&app, 80, 24).contains("P130"));
    for _ in 0..130 {
        ch(&mut app, 'k');
    }
    assert_eq!(selected(&app), "P000");
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("P000") && screen.contains("· 250 ·"),
        "{screen}"
    );
}

#[test]
fn end_pgdn_and_home_reach_every_row() {
    let mut app = app();
    press(&mut app, KeyCode::End);
    assert_eq!(app.portfolio.cursor.selected, PROJECTS - 1);
    assert_eq!(selected(&app), "P249");
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("P249") && screen.contains("P240"),
        "{screen}"
    );
    // The dashboard's figures of the rows on screen are loaded.
    let id = app.portfolio.selected().unwrap().id;
    assert!(app.portfolio.figures.contains_key(&id));
    press(&mut app, KeyCode::Home);
    assert_eq!(selected(&app), "P000");
    let mut last = 0;
    for _ in 0..30 {
        press(&mut app, KeyCode::PageDown);
        let at = app.portfolio.cursor.selected;
        assert!(at >= last);
        assert_eq!(selected(&app), format!("P{at:03}"));
        last = at;
    }
    assert_eq!(last, PROJECTS - 1, "PgDn walks to the end");
}

#[test]
fn a_project_far_down_is_selected_by_its_place() {
    let mut app = app();
    let id = app.store.project_by_code("P201").unwrap().id;
    assert!(app.select_project(id));
    assert_eq!(app.portfolio.cursor.selected, 201);
    assert_eq!(selected(&app), "P201");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("P201"), "{screen}");
    // From there j and k move by one, over the window's edges too.
    for _ in 0..60 {
        ch(&mut app, 'k');
    }
    assert_eq!(selected(&app), "P141");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.project.as_ref().unwrap().project.code, "P141");
    // A project the filter hides is not selected.
    press(&mut app, KeyCode::Esc);
    app.portfolio.filter.status = Some(ProjectStatus::Active);
    ch(&mut app, 'S');
    ch(&mut app, 'S');
    let hidden = app.store.project_by_code("P201").unwrap().id;
    assert!(!app.select_project(hidden));
}

#[test]
fn review_mode_walks_more_projects_than_a_window() {
    let mut app = app();
    ch(&mut app, 'R');
    let walked = app.review.as_ref().unwrap().projects.len();
    assert_eq!(walked, PROJECTS / 2);
    assert!(walked > tidig::app::window::WINDOW);
    for i in 0..walked {
        let code = &app.project.as_ref().unwrap().project.code;
        assert_eq!(*code, format!("P{:03}", 2 * i));
        ch(&mut app, 'n');
    }
    assert_eq!(app.screen(), Screen::ReviewSummary);
    assert_eq!(app.review.as_ref().unwrap().summary.len(), walked);
}

#[test]
fn an_unreadable_project_far_down_keeps_its_place_and_d_trashes_it() {
    let mut store = memory_store();
    for i in 0..PROJECTS {
        common::store::project(&mut store, &format!("P{i:03}"));
    }
    let bad = store.project_by_code("P180").unwrap().id;
    common::store::poison(&store, "projects", bad, "status = 'dormant'");
    let mut app = App::new(store);
    press(&mut app, KeyCode::End);
    for _ in 0..69 {
        ch(&mut app, 'k');
    }
    assert_eq!(app.portfolio.cursor.selected, 180);
    assert!(app.portfolio.selected().is_none());
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains(&format!("unreadable row (id {bad})")),
        "{screen}"
    );
    ch(&mut app, 'd');
    assert_eq!(app.context(), Context::Confirm);
    ch(&mut app, 'y');
    assert!(app.store.is_trashed(EntityKind::Project, bad).unwrap());
    assert_eq!(app.portfolio.len(), PROJECTS - 1);
}

#[test]
fn a_filter_and_a_sort_page_the_way_they_list() {
    let mut app = app();
    ch(&mut app, 'f');
    for c in "p1".chars() {
        ch(&mut app, c);
    }
    press(&mut app, KeyCode::Enter);
    let expected = app.store.count_projects(&app.portfolio.filter).unwrap();
    assert_eq!(app.portfolio.len(), expected);
    assert_eq!(expected, 100, "P100…P199");
    press(&mut app, KeyCode::End);
    assert_eq!(selected(&app), "P199");
    // Descending by code: the last is first.
    let store: &Store = &app.store;
    let order = store
        .list_projects(&ProjectFilter {
            sort: ProjectSort::Code,
            descending: true,
            ..app.portfolio.filter.clone()
        })
        .unwrap();
    ch(&mut app, 'S');
    press(&mut app, KeyCode::Home);
    assert_eq!(selected(&app), order[0].code);
    press(&mut app, KeyCode::End);
    assert_eq!(selected(&app), order[99].code);
}

fn palette_names(app: &App) -> Vec<String> {
    match &app.overlay {
        Some(tidig::app::Overlay::Palette(p)) => p.entries.iter().map(|e| e.name.clone()).collect(),
        _ => panic!("the palette is not open"),
    }
}

#[test]
fn the_palette_reads_names_again_only_after_a_change_here_or_elsewhere() {
    let dir = common::store::temp_dir();
    let path = common::store::db_path(&dir);
    let mut other = common::store::file_store(&path);
    common::store::project(&mut other, "NORR-1");
    let mut app = App::new(common::store::file_store(&path));
    for round in 0..2 {
        ch(&mut app, ':');
        for c in "norr-".chars() {
            ch(&mut app, c);
        }
        let names = palette_names(&app);
        assert!(
            names.iter().any(|n| n.starts_with("NORR-1 ")),
            "{round}: {names:?}"
        );
        assert!(!names.iter().any(|n| n.starts_with("NORR-2 ")), "{names:?}");
        press(&mut app, KeyCode::Esc);
    }
    // Another window adds a project: the next palette lists it.
    common::store::project(&mut other, "NORR-2");
    ch(&mut app, ':');
    for c in "norr-2".chars() {
        ch(&mut app, c);
    }
    assert!(palette_names(&app).iter().any(|n| n.starts_with("NORR-2 ")));
    press(&mut app, KeyCode::Esc);
    // This window trashes it: gone from the next palette.
    let id = app.store.project_by_code("NORR-2").unwrap().id;
    app.store.trash(EntityKind::Project, id).unwrap();
    ch(&mut app, ':');
    for c in "norr-2".chars() {
        ch(&mut app, c);
    }
    assert!(!palette_names(&app).iter().any(|n| n.starts_with("NORR-2 ")));
}
