//! The dialogue rounds screen: reached from a project's Meetings tab (`R`) and from a
//! search hit on a round; the matrix of questions × suppliers with a missing answer and
//! the "not asked" warning, at 80×24 and 120×40.

mod common;

use tidig::app::{App, ProjectTab, Screen};
use tidig::domain::{EntityKind, EntityRef};
use tidig::store::Store;

use common::clock;
use common::screen::{ch, open_project, project_tab, render, snap};

fn demo_app() -> App {
    let clock = clock();
    let mut store = Store::open_in_memory(clock).unwrap();
    tidig::ops::demo::load(&mut store, clock.today()).unwrap();
    App::new(store)
}

#[test]
fn the_matrix_shows_answers_missing_answers_and_who_was_not_asked() {
    let mut app = demo_app();
    open_project(&mut app, "LULE-25");
    project_tab(&mut app, ProjectTab::Meetings);
    ch(&mut app, 'R');
    assert!(matches!(app.screen(), Screen::Rounds { .. }));
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("Enskilda dialogmöten om nattillsyn"),
        "{screen}"
    );
    assert!(screen.contains("– missing"), "{screen}");
    assert!(screen.contains("not asked"), "{screen}");
    assert!(
        screen.contains("⚠ Not put to Norrsken Sensorteknik AB: question 1, 2, 3, 4"),
        "{screen}"
    );
    snap!(&app, "rounds_matrix");
}

#[test]
fn a_round_opens_from_anywhere_on_its_project_rounds() {
    let mut app = demo_app();
    let round = app.store.rounds(None, 0).unwrap()[0].id;
    app.go_to(EntityRef::new(EntityKind::Round, round));
    assert!(matches!(app.screen(), Screen::Rounds { .. }));
    assert_eq!(app.rounds.rounds[app.rounds.cursor.selected].id, round);
    assert_eq!(app.rounds.not_asked.len(), 4);
    assert_eq!(app.rounds.matrix.as_ref().unwrap().missing(), 1);
}
