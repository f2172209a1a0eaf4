//! The Information tab (the information log and declared interests), quick capture of
//! information given from the notes editor, and the warning when an organisation that
//! helped prepare the procurement is added to a supplier meeting.

mod common;

use crossterm::event::KeyCode;
use tidig::app::keymap::Context;
use tidig::app::{App, MeetingTab, ProjectTab};
use tidig::domain::{EntityKind, EntityRef};
use tidig::store::Store;

use common::screen::{
    alt, assert_footer_from_keymap, assert_help_from_keymap, ch, ctrl, meeting_tab, open_project,
    press, project_tab, render, snap, type_str,
};
use common::{clock, today};

fn demo_app() -> App {
    let mut store = Store::open_in_memory(clock()).unwrap();
    tidig::ops::demo::load(&mut store, today()).unwrap();
    App::new(store)
}

fn meeting_titled(app: &App, start: &str) -> i64 {
    app.store
        .all_meetings(None)
        .unwrap()
        .into_iter()
        .find(|m| m.title.starts_with(start))
        .unwrap()
        .id
}

#[test]
fn the_information_tab_lists_the_log_and_the_interests() {
    let mut app = demo_app();
    open_project(&mut app, "LULE-25");
    project_tab(&mut app, ProjectTab::Information);
    assert_eq!(app.context(), Context::ProjectInformation);
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("Information given · 3 entries · 1 only some have"),
        "{screen}"
    );
    assert!(screen.contains("✗ lacking: Norrsken"), "{screen}");
    snap!(&app, "information_tab");
    assert_footer_from_keymap(&app, Context::ProjectInformation);
    assert_help_from_keymap(&mut app, Context::ProjectInformation);

    let mut app = demo_app();
    open_project(&mut app, "TRV-BRO");
    project_tab(&mut app, ProjectTab::Information);
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("Interests and prior involvement · 1"),
        "{screen}"
    );
    assert!(screen.contains("Anders Wikström (RIS…"), "{screen}");
}

#[test]
fn n_adds_an_entry_and_e_publishes_it_to_all() {
    let mut app = demo_app();
    open_project(&mut app, "MLM-SKOL");
    project_tab(&mut app, ProjectTab::Information);
    ch(&mut app, 'n');
    type_str(&mut app, "Antal elever med skolskjuts");
    // Title, how, meeting, where, given on, given to: the recipients.
    for _ in 0..5 {
        press(&mut app, KeyCode::Tab);
    }
    type_str(&mut app, "Norrsken Sensorteknik AB, Nytt Skjutsbolag AB");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "saved: {}", render(&app, 120, 40));
    let items = app.store.information_items(None, true).unwrap();
    let item = items
        .iter()
        .find(|i| i.title == "Antal elever med skolskjuts")
        .unwrap();
    assert_eq!(item.given_on, today());
    let names: Vec<&str> = item.recipients.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Norrsken Sensorteknik AB", "Nytt Skjutsbolag AB"]);
    // The unknown name became a supplier in the directory, the known one was reused.
    assert_eq!(
        app.store
            .organisations_named("norrsken sensorteknik ab", None)
            .unwrap()
            .len(),
        1
    );

    // Published later: e, then the two sharing fields.
    ch(&mut app, 'e');
    for _ in 0..7 {
        press(&mut app, KeyCode::Tab);
    }
    type_str(&mut app, "2026-11-27");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "Upphandlingssidan");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "saved: {}", render(&app, 120, 40));
    let item = app.store.information_item(item.id).unwrap();
    assert!(item.everyone_has_it());
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("✓ 2026-11-27 Upphandlingssidan"),
        "{screen}"
    );

    // i records an interest.
    ch(&mut app, 'i');
    type_str(&mut app, "Nytt Skjutsbolag AB");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "Tog fram underlaget till behovsanalysen");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "saved: {}", render(&app, 120, 40));
    let interests = app.store.interests(None).unwrap();
    assert!(
        interests
            .iter()
            .any(|i| i.organisation_name.as_deref() == Some("Nytt Skjutsbolag AB"))
    );
}

#[test]
fn alt_i_in_the_notes_editor_logs_the_line_as_given_to_the_meetings_suppliers() {
    let mut app = demo_app();
    let id = meeting_titled(&app, "Enskilt dialogmöte – Norrsken");
    app.go_to(EntityRef::new(EntityKind::Meeting, id));
    meeting_tab(&mut app, MeetingTab::Notes);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::NoteEditor);
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Enter);
    type_str(
        &mut app,
        "Vi berättade att larmavtalet löper ut i september 2027",
    );
    alt(&mut app, 'i');
    let form = app.form.as_ref().expect("the capture opens the form");
    assert_eq!(
        form.value("title"),
        "Vi berättade att larmavtalet löper ut i september 2027"
    );
    assert_eq!(form.value("recipients"), "Norrsken Sensorteknik AB");
    assert_eq!(form.value("meeting"), id.to_string());
    assert_eq!(form.value("channel"), "meeting");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "saved: {}", render(&app, 120, 40));
    let logged = app.store.meeting_information(id).unwrap();
    assert_eq!(logged.len(), 1);
    assert!(!logged[0].everyone_has_it());
}

#[test]
fn adding_someone_whose_organisation_helped_prepare_warns() {
    let mut app = demo_app();
    // The information meeting of TRV-BRO: RISE presented the market scan earlier.
    let id = meeting_titled(&app, "Informationsmöte för leverantörer");
    app.go_to(EntityRef::new(EntityKind::Meeting, id));
    meeting_tab(&mut app, MeetingTab::Participants);
    ch(&mut app, 'n');
    type_str(&mut app, "Anders Wikström");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "saved: {}", render(&app, 120, 40));
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("RISE Research Institutes of Sweden took part in preparing"),
        "{screen}"
    );
}

#[test]
fn a_search_hit_opens_the_entry_on_the_info_tab() {
    let mut app = demo_app();
    let item = app
        .store
        .information_items(None, true)
        .unwrap()
        .into_iter()
        .find(|i| i.project_code == "LULE-25")
        .unwrap();
    let interest = app.store.interests(None).unwrap().remove(0);
    app.go_to(EntityRef::new(EntityKind::Information, item.id));
    let p = app.project.as_ref().unwrap();
    assert_eq!(p.tab, ProjectTab::Information);
    assert_eq!(
        p.information.selected(),
        Some(tidig::app::InformationRow::Entry(
            p.information
                .items
                .iter()
                .position(|i| i.id == item.id)
                .unwrap()
        ))
    );
    app.go_to(EntityRef::new(EntityKind::Interest, interest.id));
    let p = app.project.as_ref().unwrap();
    assert_eq!(p.project.code, "TRV-BRO");
    assert_eq!(
        p.information.selected(),
        Some(tidig::app::InformationRow::Interest(0))
    );
}

/// The Directory, organisations tab, with the cursor on `name`.
fn directory_at(app: &mut App, name: &str) {
    ch(app, '5');
    press(app, KeyCode::Home);
    while app
        .directory
        .selected_organisation()
        .map(|o| o.name.as_str())
        != Some(name)
    {
        let before = app.directory.org_cursor.selected;
        ch(app, 'j');
        assert_ne!(
            before, app.directory.org_cursor.selected,
            "{name} not listed"
        );
    }
}

#[test]
fn an_organisations_page_lists_its_people_projects_and_contacts() {
    let mut app = demo_app();
    directory_at(&mut app, "Vårdflöde Nordic AB");
    ch(&mut app, 'v');
    assert_eq!(app.context(), Context::OrganisationPage);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Sofia Grönlund"), "{screen}");
    assert!(
        screen.contains("LULE-25 Trygg hemtjänst med digital tillsyn"),
        "{screen}"
    );
    assert!(
        screen.contains("Enskilt dialogmöte – Vårdflöde Nordic AB"),
        "{screen}"
    );
    assert!(screen.contains("Information given (3)"), "{screen}");
    snap!(&app, "organisation_page");
    assert_footer_from_keymap(&app, Context::OrganisationPage);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Directory);
    // A person's v opens their organisation's page.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Home);
    while app.directory.selected_person().unwrap().name != "Sofia Grönlund" {
        ch(&mut app, 'j');
    }
    ch(&mut app, 'v');
    assert_eq!(
        app.org_page.as_ref().unwrap().page.organisation.name,
        "Vårdflöde Nordic AB"
    );
}

#[test]
fn a_name_that_exists_is_asked_about_and_two_can_be_merged() {
    let mut app = demo_app();
    ch(&mut app, '5');
    ch(&mut app, 'n');
    type_str(&mut app, "lulea KOMMUN");
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::Confirm);
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("\"Luleå kommun\" is already in the directory"),
        "{screen}"
    );
    // No: the form stays open, nothing saved.
    ch(&mut app, 'n');
    assert!(app.form.is_some());
    assert_eq!(
        app.store
            .organisations_named("Luleå kommun", None)
            .unwrap()
            .len(),
        1
    );
    // Yes: saved as a second one...
    ctrl(&mut app, 's');
    ch(&mut app, 'y');
    assert!(app.form.is_none());
    assert_eq!(
        app.store
            .organisations_named("Luleå kommun", None)
            .unwrap()
            .len(),
        2
    );

    // ...which m merges into the first (offered first, as it has the same name).
    directory_at(&mut app, "lulea KOMMUN");
    ch(&mut app, 'm');
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Merge lulea KOMMUN into"), "{screen}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Confirm);
    ch(&mut app, 'y');
    let named = app.store.organisations_named("Luleå kommun", None).unwrap();
    assert_eq!(named.len(), 1);
    assert_eq!(named[0].name, "Luleå kommun");
}

#[test]
fn deleting_an_organisation_in_use_says_where() {
    let mut app = demo_app();
    directory_at(&mut app, "Norrsken Sensorteknik AB");
    ch(&mut app, 'd');
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("Norrsken Sensorteknik AB is used by 2 information")
            && screen.contains("entry(ies) given, 1 person(s)")
            && screen.contains("1 dialogue round(s)"),
        "{screen}"
    );
    ch(&mut app, 'n');
    assert!(
        !app.store
            .is_trashed(
                EntityKind::Organisation,
                app.directory.selected_organisation().unwrap().id
            )
            .unwrap()
    );
}
