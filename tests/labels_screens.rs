//! `l` changes the label of the selected outcome on every screen that lists outcomes,
//! as on the Notes tab, and quick capture gives an outcome the label of its note.

mod common;

use crossterm::event::KeyCode;
use tidig::app::{App, Outcome, ProjectTab, keymap::Context};
use tidig::domain::{Confidentiality, EntityKind, EntityRef, TextEnum};

use common::screen::{alt, ch, ctrl, press, project_tab, render};
use common::store::{count, memory_store};

fn demo_app() -> App {
    let mut store = memory_store();
    tidig::ops::demo::load(&mut store, common::now().date_naive()).expect("demo loads");
    App::new(store)
}

fn label_in_store(app: &App, table: &str, id: i64) -> String {
    app.store
        .connection()
        .query_row(
            &format!("SELECT confidentiality FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .unwrap()
}

/// Presses `l` round the four labels: internal → supplier confidential → personal →
/// shareable → internal, each saved at once, and shows a label on the screen.
fn cycles(app: &mut App, table: &str, id: i64, shown: &str) {
    // The demo has shareable rows too: start from internal.
    for _ in 0..4 {
        if label_in_store(app, table, id) == "internal" {
            break;
        }
        ch(app, 'l');
    }
    assert_eq!(label_in_store(app, table, id), "internal");
    for expected in ["supplier_confidential", "personal", "shareable", "internal"] {
        ch(app, 'l');
        assert_eq!(label_in_store(app, table, id), expected, "{table}");
    }
    ch(app, 'l');
    let screen = render(app, 120, 40);
    assert!(screen.contains(shown), "{shown} not on\n{screen}");
    // Round again to internal, where it started.
    for _ in 0..3 {
        ch(app, 'l');
    }
    assert_eq!(label_in_store(app, table, id), "internal");
}

#[test]
fn l_on_the_outcomes_tab() {
    let mut app = demo_app();
    let id = count(
        &app.store,
        "SELECT min(id) FROM decisions WHERE meeting_id IS NOT NULL AND confidentiality = 'internal'",
    );
    app.go_to(EntityRef::new(EntityKind::Decision, id));
    assert_eq!(app.context(), Context::MeetingOutcomes);
    let state = app.meeting.as_ref().unwrap();
    assert_eq!(
        state.outcomes()[state.cursor.selected],
        Outcome::Decision(id)
    );
    cycles(&mut app, "decisions", id, "[Supplier confidential]");
    // An action and a question on the same tab.
    let state = app.meeting.as_ref().unwrap();
    let rows = state.outcomes();
    let action = rows.iter().position(|o| matches!(o, Outcome::Action(_)));
    if let Some(at) = action {
        let Outcome::Action(a) = rows[at] else {
            unreachable!()
        };
        press(&mut app, KeyCode::Home);
        for _ in 0..at {
            ch(&mut app, 'j');
        }
        ch(&mut app, 'l');
        assert_eq!(
            label_in_store(&app, "action_items", a),
            "supplier_confidential"
        );
    }
}

#[test]
fn l_on_the_decisions_tab() {
    let mut app = demo_app();
    let id = count(
        &app.store,
        "SELECT min(id) FROM decisions WHERE confidentiality = 'internal'",
    );
    let project = count(
        &app.store,
        &format!("SELECT project_id FROM decisions WHERE id = {id}"),
    );
    app.go_to(EntityRef::new(EntityKind::Project, project));
    project_tab(&mut app, ProjectTab::Decisions);
    assert_eq!(app.context(), Context::ProjectDecisions);
    let view = &app.project.as_ref().unwrap().decisions;
    let selected = view.items[view.cursor.selected].id;
    cycles(&mut app, "decisions", selected, "[Supplier]");
}

#[test]
fn l_on_the_actions_screen() {
    let mut app = demo_app();
    ch(&mut app, '3');
    assert_eq!(app.context(), Context::Actions);
    press(&mut app, KeyCode::Home);
    let selected = app.actions.selected().unwrap().id;
    cycles(&mut app, "action_items", selected, "[Supplier]");
}

#[test]
fn l_on_the_needs_tab_and_the_need_screen() {
    let mut app = demo_app();
    let need = count(
        &app.store,
        "SELECT min(e.need_id) FROM need_evidence e JOIN needs n ON n.id = e.need_id
         WHERE n.confidentiality = 'internal' AND e.confidentiality = 'internal'",
    );
    let project = count(
        &app.store,
        &format!("SELECT project_id FROM needs WHERE id = {need}"),
    );
    app.go_to(EntityRef::new(EntityKind::Project, project));
    project_tab(&mut app, ProjectTab::Needs);
    assert_eq!(app.context(), Context::ProjectNeeds);
    let view = &app.project.as_ref().unwrap().needs;
    let selected = view.needs[view.cursor.selected].id;
    cycles(&mut app, "needs", selected, "[Supplier]");

    // On a need's own screen `l` is the need's label and `L` the selected evidence's.
    app.go_to(EntityRef::new(EntityKind::Need, need));
    assert_eq!(app.context(), Context::NeedDetail);
    cycles(&mut app, "needs", need, "Supplier confidential");
    let state = app.need.as_ref().unwrap();
    let evidence = state.evidence[state.cursor.selected].id;
    assert_eq!(label_in_store(&app, "need_evidence", evidence), "internal");
    ch(&mut app, 'L');
    assert_eq!(
        label_in_store(&app, "need_evidence", evidence),
        "supplier_confidential"
    );
    assert!(render(&app, 120, 40).contains("[Supplier]"));
}

#[test]
fn l_on_the_suggestions_tab() {
    let mut app = demo_app();
    let id = count(
        &app.store,
        "SELECT min(id) FROM suggestions WHERE confidentiality = 'internal'",
    );
    let project = count(
        &app.store,
        &format!("SELECT project_id FROM suggestions WHERE id = {id}"),
    );
    app.go_to(EntityRef::new(EntityKind::Project, project));
    project_tab(&mut app, ProjectTab::Suggestions);
    assert_eq!(app.context(), Context::ProjectSuggestions);
    let view = &app.project.as_ref().unwrap().suggestions;
    let selected = view.items[view.cursor.selected].id;
    cycles(&mut app, "suggestions", selected, "[Supplier]");
}

#[test]
fn captured_outcomes_take_the_label_of_their_note() {
    for label in [
        Confidentiality::Shareable,
        Confidentiality::SupplierConfidential,
    ] {
        let mut app = demo_app();
        let note = count(
            &app.store,
            "SELECT min(id) FROM notes WHERE deleted_at IS NULL
             AND trim(substr(body, 1, instr(body || char(10), char(10)) - 1)) != ''",
        );
        app.store.set_label(EntityKind::Note, note, label).unwrap();
        app.go_to(EntityRef::new(EntityKind::Note, note));
        assert_eq!(app.context(), Context::MeetingNotes);
        ch(&mut app, 'e');
        assert_eq!(app.context(), Context::NoteEditor);
        let before = count(&app.store, "SELECT count(*) FROM decisions");
        alt(&mut app, 'd');
        assert_eq!(app.context(), Context::Form);
        ctrl(&mut app, 's');
        assert_eq!(
            count(&app.store, "SELECT count(*) FROM decisions"),
            before + 1
        );
        let id = count(&app.store, "SELECT max(id) FROM decisions");
        assert_eq!(label_in_store(&app, "decisions", id), label.as_str());
    }
}

#[test]
fn a_decision_made_by_hand_is_internal_unless_another_label_is_chosen() {
    let mut app = demo_app();
    let project = count(
        &app.store,
        "SELECT min(id) FROM projects WHERE deleted_at IS NULL",
    );
    app.go_to(EntityRef::new(EntityKind::Project, project));
    project_tab(&mut app, ProjectTab::Decisions);
    ch(&mut app, 'n');
    assert_eq!(app.context(), Context::Form);
    common::screen::type_str(&mut app, "Ett beslut för hand");
    ctrl(&mut app, 's');
    let id = count(&app.store, "SELECT max(id) FROM decisions");
    assert_eq!(label_in_store(&app, "decisions", id), "internal");
}
