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

/// The demo's round on screen.
fn demo_round() -> (App, i64) {
    let mut app = demo_app();
    let round = app.store.rounds(None, 0).unwrap()[0].id;
    app.go_to(EntityRef::new(EntityKind::Round, round));
    (app, round)
}

/// Issue 13: a cell cursor on the matrix (j/k, h/l and the arrows), with the focused
/// cell's whole answer, its supplier and its label under the matrix.
#[test]
fn the_cell_cursor_shows_the_focused_answer_in_full() {
    use crossterm::event::KeyCode;
    let (mut app, _) = demo_round();
    assert_eq!((app.rounds.row, app.rounds.col), (0, 0));
    ch(&mut app, 'j');
    ch(&mut app, 'l');
    common::screen::press(&mut app, KeyCode::Right);
    assert_eq!((app.rounds.row, app.rounds.col), (1, 2));
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains(" Question 2 · B Tryggnatt Teknik AB · Shareable "),
        "{screen}"
    );
    assert!(
        screen
            .contains("Larmen går över två operatörers nät. Vid avbrott ringer larmcentralen upp."),
        "{screen}"
    );
    // Only the focused cell is drawn reversed; its row is marked.
    let terminal = common::screen::terminal(&app, 120, 40);
    let buffer = terminal.backend().buffer();
    assert!(common::screen::is_highlighted(buffer, "Larmen går över"));
    assert!(!common::screen::is_highlighted(buffer, "Sensorerna larmar"));
    assert!(common::screen::line_with(&screen, "▶2").contains("Vad händer med larm"));
    snap!(&app, "rounds_matrix_cell");

    // A cell not asked and one asked but not answered say so.
    common::screen::press(&mut app, KeyCode::End);
    ch(&mut app, 'l');
    assert_eq!((app.rounds.row, app.rounds.col), (3, 3));
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Asked, no answer yet: e records it."),
        "{screen}"
    );
    for _ in 0..5 {
        ch(&mut app, 'l');
    }
    assert_eq!(app.rounds.col, 4, "the cursor stays in the matrix");
    assert!(render(&app, 80, 24).contains("Not put to this supplier"));
    for _ in 0..9 {
        common::screen::press(&mut app, KeyCode::Left);
        ch(&mut app, 'k');
    }
    assert_eq!((app.rounds.row, app.rounds.col), (0, 0));
    assert!(render(&app, 80, 24).contains(" Question 1 ─"));
}

/// The matrix's keys are in the footer and in help, from the keymap. (Help is not
/// compared whole: its 52 columns cut the export keys' longer descriptions, which
/// were there before the matrix had a cursor.)
#[test]
fn the_rounds_footer_and_help_come_from_the_keymap() {
    use crossterm::event::KeyCode;
    let (mut app, _) = demo_round();
    common::screen::assert_footer_from_keymap(&app, tidig::app::keymap::Context::Rounds);
    common::screen::press(&mut app, KeyCode::F(1));
    let screen = render(&app, 120, 50);
    for (keys, what) in [
        ("h / ←", "cell to the left"),
        ("l / →", "cell to the right"),
        ("e / Enter", "edit"),
        ("N", "add a question"),
        ("d", "delete"),
        ("s", "add a supplier"),
        ("D", "remove the supplier"),
        ("Tab", "next round"),
        ("Shift-Tab", "previous round"),
    ] {
        let line = format!("  {keys:<20}{what}");
        assert!(screen.contains(&line), "help lacks {line:?}:\n{screen}");
        assert!(
            app.keymap
                .help(tidig::app::keymap::Context::Rounds)
                .iter()
                .any(|(k, w)| k == keys && *w == what),
            "{keys} {what} is not the keymap's"
        );
    }
}

/// Issue 13: questions are added (`N`), edited (`e` in the question's column) and
/// deleted (`d`, to the trash) on the matrix; an edit made elsewhere meanwhile is not
/// saved over.
#[test]
fn questions_are_added_edited_and_deleted_on_the_matrix() {
    use common::screen::{ctrl, type_str};
    use tidig::app::Overlay;
    let (mut app, round) = demo_round();
    ch(&mut app, 'N');
    assert!(render(&app, 80, 24).contains("Add a question to the round"));
    type_str(&mut app, "Vilken utbildning behöver personalen?");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "saved");
    let questions = app.store.round_questions(round).unwrap();
    assert_eq!(questions.len(), 5);
    let added = questions[4].clone();
    assert_eq!(added.text, "Vilken utbildning behöver personalen?");
    // The cursor is on the new question, which nobody has been asked yet.
    assert_eq!((app.rounds.row, app.rounds.col), (4, 0));
    let screen = render(&app, 80, 24);
    assert!(
        common::screen::line_with(&screen, "▶5").contains("Vilken utbildning"),
        "{screen}"
    );

    // Edit it.
    ch(&mut app, 'e');
    assert_eq!(app.form.as_ref().unwrap().value("text"), added.text);
    type_str(&mut app, " Och hur länge?");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "saved");
    assert_eq!(
        app.store.round_question(added.id).unwrap().text,
        "Vilken utbildning behöver personalen? Och hur länge?"
    );

    // Another window changes it while the form is open: the save asks instead.
    ch(&mut app, 'e');
    type_str(&mut app, "!");
    app.store
        .update_round_question(added.id, "Ändrat i ett annat fönster")
        .unwrap();
    ctrl(&mut app, 's');
    assert!(matches!(app.overlay, Some(Overlay::Conflict(_))));
    assert_eq!(
        app.store.round_question(added.id).unwrap().text,
        "Ändrat i ett annat fönster"
    );
    ch(&mut app, 'r'); // reload: the form shows what is stored
    assert_eq!(
        app.form.as_ref().unwrap().value("text"),
        "Ändrat i ett annat fönster"
    );
    common::screen::press(&mut app, crossterm::event::KeyCode::Esc);
    assert!(app.form.is_none());

    // Delete it: asked first, then in the trash, from where it comes back.
    ch(&mut app, 'd');
    assert!(matches!(app.overlay, Some(Overlay::Confirm { .. })));
    ch(&mut app, 'y');
    assert_eq!(app.store.round_questions(round).unwrap().len(), 4);
    assert_eq!(app.rounds.question_count, 4);
    assert_eq!(app.rounds.row, 3, "the cursor stays in the matrix");
    let trash = app.store.list_trash().unwrap();
    let item = trash
        .iter()
        .find(|t| t.kind == EntityKind::RoundQuestion)
        .expect("in the trash");
    assert_eq!(
        item.label,
        "Ändrat i ett annat fönster (Enskilda dialogmöten om nattillsyn)"
    );
    app.store
        .restore(EntityKind::RoundQuestion, added.id)
        .unwrap();
    app.go_to(EntityRef::new(EntityKind::RoundQuestion, added.id));
    assert_eq!((app.rounds.row, app.rounds.col), (4, 0));
}

/// Issue 13: an answer is recorded or changed in its cell (`e` on a supplier's column),
/// with its label; a change made elsewhere meanwhile is asked about, and "keep mine"
/// then saves over it knowingly.
#[test]
fn an_answer_is_edited_in_its_cell_and_a_change_elsewhere_is_asked_about() {
    use common::screen::{ctrl, type_str};
    use tidig::app::Overlay;
    use tidig::domain::Confidentiality;
    let (mut app, round) = demo_round();
    let questions = app.store.round_questions(round).unwrap();
    let suppliers = app.store.round_suppliers(round).unwrap();
    let (alfa, norrsken) = (suppliers[0].organisation_id, suppliers[3].organisation_id);
    assert_eq!(app.rounds.not_asked.len(), 4);

    // Norrsken (D) was not asked question 1: recording its answer puts it.
    for _ in 0..4 {
        ch(&mut app, 'l');
    }
    ch(&mut app, 'e');
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Answer to question 1 from D Norrsken Sensorteknik AB"),
        "{screen}"
    );
    type_str(&mut app, "Radar och sängsensor i kombination.");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "saved");
    let answer = app
        .store
        .answer(questions[0].id, norrsken)
        .unwrap()
        .unwrap();
    assert_eq!(answer.body, "Radar och sängsensor i kombination.");
    assert_eq!(answer.confidentiality, Confidentiality::Internal);
    assert_eq!(app.rounds.not_asked.len(), 3, "question 1 was put to all");

    // Vårdflöde's (A) answer: changed elsewhere while the form is open.
    for _ in 0..3 {
        ch(&mut app, 'h');
    }
    ch(&mut app, 'e');
    type_str(&mut app, " Tillägg.");
    app.store
        .record_answer(
            questions[0].id,
            alfa,
            None,
            "Ändrat i fönster B",
            Confidentiality::Shareable,
        )
        .unwrap();
    ctrl(&mut app, 's');
    assert!(matches!(app.overlay, Some(Overlay::Conflict(_))));
    assert_eq!(
        app.store
            .answer(questions[0].id, alfa)
            .unwrap()
            .unwrap()
            .body,
        "Ändrat i fönster B"
    );
    ch(&mut app, 'k'); // keep mine
    assert!(app.form.is_none(), "saved over it, knowingly");
    assert_eq!(
        app.store
            .answer(questions[0].id, alfa)
            .unwrap()
            .unwrap()
            .body,
        "Radarsensorer i taket känner av andning och rörelse utan kamera och utan ljud. \
         Tillägg."
    );
}

/// Issue 13: suppliers are added (`s`, by name) and removed (`D`); one that has
/// answered is removed only after asking, and the others keep their letters.
#[test]
fn suppliers_are_added_and_one_that_answered_is_removed_only_after_asking() {
    use common::screen::{ctrl, press, type_str};
    use crossterm::event::KeyCode;
    use tidig::app::Overlay;
    let (mut app, round) = demo_round();
    ch(&mut app, 's');
    type_str(&mut app, "Elbuss Norr AB");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "saved");
    let letters = |app: &App| -> Vec<String> {
        app.store
            .round_suppliers(round)
            .unwrap()
            .iter()
            .map(|s| format!("{} {}", s.letter(), s.name))
            .collect()
    };
    assert_eq!(letters(&app).last().unwrap(), "E Elbuss Norr AB");
    assert!(render(&app, 120, 40).contains("E Elbuss Norr"));

    // One that takes part already is refused on the field.
    ch(&mut app, 's');
    type_str(&mut app, "elbuss norr ab");
    ctrl(&mut app, 's');
    let form = app.form.as_ref().expect("still open");
    assert_eq!(
        form.errors.get("organisation").map(ToString::to_string),
        Some("takes part in the round already".into())
    );
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'y');
    assert!(app.form.is_none());

    // D in the question's column names no supplier.
    ch(&mut app, 'D');
    assert!(app.overlay.is_none());
    // Elbuss has not answered: it goes at once.
    for _ in 0..5 {
        ch(&mut app, 'l');
    }
    ch(&mut app, 'D');
    assert!(app.overlay.is_none());
    assert_eq!(letters(&app).len(), 4);

    // Vårdflöde (A) has answered: asked first; "no" keeps it.
    for _ in 0..5 {
        ch(&mut app, 'h');
    }
    ch(&mut app, 'l');
    ch(&mut app, 'D');
    let Some(Overlay::Confirm { message, .. }) = &app.overlay else {
        panic!("asks first")
    };
    assert!(message.contains("A Vårdflöde Nordic AB") && message.contains("4 answers"));
    ch(&mut app, 'n');
    assert_eq!(letters(&app).len(), 4);
    ch(&mut app, 'D');
    ch(&mut app, 'y');
    assert_eq!(
        letters(&app),
        [
            "B Tryggnatt Teknik AB",
            "C Omsorgsdata Sverige AB",
            "D Norrsken Sensorteknik AB"
        ]
    );
}

/// `x` on the rounds screen asks for the format (HTML, Markdown or Word), audience and
/// language, as the notes export does, and writes the compilation in the one chosen:
/// here the shared version as a Word file, which names no supplier.
#[test]
fn x_exports_the_compilation_in_the_chosen_format() {
    use crossterm::event::KeyCode;
    let mut app = demo_app();
    let exports = tempfile::tempdir().unwrap();
    app.dirs.exports = exports.path().to_path_buf();
    open_project(&mut app, "LULE-25");
    project_tab(&mut app, ProjectTab::Meetings);
    ch(&mut app, 'R');
    ch(&mut app, 'x');
    let form = app.form.as_ref().expect("x opens the export form");
    assert_eq!(
        (form.value("format"), form.value("audience")),
        ("html".to_string(), "shared".to_string())
    );
    common::screen::press(&mut app, KeyCode::Right);
    common::screen::press(&mut app, KeyCode::Right);
    assert_eq!(app.form.as_ref().unwrap().value("format"), "docx");
    snap!(&app, "rounds_export_form");
    common::screen::ctrl(&mut app, 's');
    assert!(app.form.is_none());
    let files: Vec<_> = std::fs::read_dir(exports.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0].extension().and_then(|e| e.to_str()), Some("docx"));
    let text = common::docx::readable(&std::fs::read(&files[0]).unwrap());
    assert!(text.contains("Leverantör A"), "{text}");
    for supplier in app.store.list_organisations().unwrap() {
        if supplier.kind == tidig::domain::OrgKind::Supplier {
            assert!(!text.contains(&supplier.name), "{} named", supplier.name);
        }
    }
}
