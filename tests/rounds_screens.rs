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

/// A project with a round of two questions put to one supplier, whose meeting in the
/// round is `meeting`; the app opens on that meeting.
fn round_meeting() -> (App, i64, i64, [i64; 2]) {
    use tidig::domain::{OrgKind, OrganisationInput, RoundInput, RoundKind};
    let mut store = Store::open_in_memory(clock()).unwrap();
    let p = common::store::project(&mut store, "RND-9");
    let r = store
        .create_round(
            p,
            &RoundInput {
                kind: RoundKind::OneToOne,
                title: "Dialogrunda".into(),
                purpose: String::new(),
            },
        )
        .unwrap();
    let q1 = store.add_round_question(r, "Vad kostar det?").unwrap();
    let q2 = store.add_round_question(r, "När kan ni leverera?").unwrap();
    let org = store
        .create_organisation(&OrganisationInput {
            name: "Alfa AB".into(),
            kind: OrgKind::Supplier,
        })
        .unwrap();
    store.add_round_supplier(r, org).unwrap();
    let input = common::store::meeting_input(
        "Dialog med Alfa",
        common::utc(2026, 12, 3, 9, 0),
        common::utc(2026, 12, 3, 10, 0),
    );
    let m = store.create_meeting(p, &input).unwrap();
    store.set_round_meeting(r, org, Some(m)).unwrap();
    let mut app = App::new(store);
    app.go_to(EntityRef::new(EntityKind::Meeting, m));
    (app, m, org, [q1, q2])
}

#[test]
fn the_note_editor_files_lines_as_answers_to_the_current_question() {
    use crossterm::event::KeyCode;
    use tidig::app::MeetingTab;
    let (mut app, _m, org, [q1, q2]) = round_meeting();
    common::screen::meeting_tab(&mut app, MeetingTab::Notes);
    ch(&mut app, 'n');
    assert!(app.editor.is_some());
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Question 1/2: Vad kostar det?"), "{screen}");

    common::screen::type_str(&mut app, "Runt 40 kr per brukare");
    common::screen::alt(&mut app, 'r');
    let answer = app.store.answer(q1, org).unwrap().unwrap();
    assert_eq!(answer.body, "Runt 40 kr per brukare");
    // The note's label goes with it (a new note is internal).
    assert_eq!(
        answer.confidentiality,
        tidig::domain::Confidentiality::Internal
    );

    common::screen::alt(&mut app, '.');
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Question 2/2: När kan ni leverera?"),
        "{screen}"
    );
    common::screen::press(&mut app, KeyCode::Enter);
    common::screen::type_str(&mut app, "Till hösten");
    common::screen::alt(&mut app, 'r');
    assert_eq!(
        app.store.answer(q2, org).unwrap().unwrap().body,
        "Till hösten"
    );
}

#[test]
fn one_key_puts_the_rounds_questions_on_the_agenda_and_asks_them() {
    use tidig::app::MeetingTab;
    let (mut app, m, org, [q1, q2]) = round_meeting();
    common::screen::meeting_tab(&mut app, MeetingTab::Agenda);
    ch(&mut app, 'Q');
    let agenda = app.store.agenda(m).unwrap();
    assert_eq!(agenda.len(), 1);
    assert_eq!(agenda[0].title, "Dialogrunda");
    assert_eq!(
        agenda[0].expected_outcome,
        "1. Vad kostar det?\n2. När kan ni leverera?"
    );
    assert_eq!(agenda[0].minutes, 10);
    // Asked, not answered.
    for q in [q1, q2] {
        assert_eq!(app.store.answer(q, org).unwrap().unwrap().body, "");
    }
}

#[test]
fn a_round_is_made_in_a_form_and_answers_are_recorded_in_another() {
    use common::screen::{ctrl, press, type_str};
    use crossterm::event::KeyCode;
    let mut app = demo_app();
    open_project(&mut app, "RVB-26");
    project_tab(&mut app, ProjectTab::Meetings);
    ch(&mut app, 'R');
    assert!(render(&app, 80, 24).contains("No dialogue rounds in this project yet"));
    ch(&mut app, 'n');
    type_str(&mut app, "Skriftlig förfrågan om elfordon");
    press(&mut app, KeyCode::Tab); // kind
    press(&mut app, KeyCode::Tab); // purpose
    press(&mut app, KeyCode::Tab); // questions
    type_str(&mut app, "Vilken räckvidd har fordonen?");
    press(&mut app, KeyCode::Enter);
    type_str(&mut app, "Hur laddas de i inlandet?");
    press(&mut app, KeyCode::Tab); // suppliers
    type_str(&mut app, "Vårdflöde Nordic AB");
    press(&mut app, KeyCode::Enter);
    type_str(&mut app, "Elbuss Norr AB");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "saved");
    let project = app.store.project_by_code("RVB-26").unwrap();
    let round = &app.store.rounds(Some(project.id), 0).unwrap()[0];
    assert_eq!(round.title, "Skriftlig förfrågan om elfordon");
    let questions = app.store.round_questions(round.id).unwrap();
    assert_eq!(questions.len(), 2);
    let suppliers = app.store.round_suppliers(round.id).unwrap();
    let names: Vec<&str> = suppliers.iter().map(|s| s.name.as_str()).collect();
    // An organisation in the directory is found; a new name becomes a supplier.
    assert_eq!(names, ["Vårdflöde Nordic AB", "Elbuss Norr AB"]);

    // The answer form: the first question and supplier are chosen.
    ch(&mut app, 'a');
    press(&mut app, KeyCode::Tab); // supplier
    press(&mut app, KeyCode::Tab); // answer
    type_str(&mut app, "Upp till 400 km");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "saved");
    let answer = app
        .store
        .answer(questions[0].id, suppliers[0].organisation_id)
        .unwrap()
        .unwrap();
    assert_eq!(answer.body, "Upp till 400 km");
    let m = app.rounds.matrix.as_ref().unwrap();
    assert_eq!(m.not_asked().len(), 1, "Elbuss was not asked question 1");
}

#[test]
fn the_matrix_pages_through_a_long_question_set() {
    let (mut app, _m, _org, [_, _]) = round_meeting();
    let round = app.store.rounds(None, 0).unwrap()[0].id;
    for i in 3..=12 {
        app.store
            .add_round_question(round, &format!("Fråga nummer {i}"))
            .unwrap();
    }
    app.go_to(EntityRef::new(EntityKind::Round, round));
    assert_eq!(app.rounds.matrix.as_ref().unwrap().questions.len(), 10);
    ch(&mut app, ']');
    let page = app.rounds.matrix.as_ref().unwrap();
    assert_eq!(page.questions.len(), 2);
    assert_eq!(page.questions[0].position, 11);
    assert!(render(&app, 80, 24).contains("Questions 11–12 of 12"));
    ch(&mut app, ']');
    assert_eq!(app.rounds.offset, 10, "no page after the last");
    ch(&mut app, '[');
    assert_eq!(app.rounds.matrix.as_ref().unwrap().questions[0].position, 1);
}
