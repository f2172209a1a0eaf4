//! The demo's information log and prior involvement, a directory that keeps one
//! "Luleå kommun" however the demo is loaded, and `tidig list information`.

mod common;

use tidig::domain::{InterestKind, OrgKind, OrganisationInput};
use tidig::ops::demo;
use tidig::store::Store;

use common::cli::{Sandbox, json_array};
use common::{clock, today};

fn lulea_count(store: &Store) -> usize {
    store.organisations_named("Luleå kommun", None).unwrap().len()
}

#[test]
fn the_demo_logs_information_and_a_prior_involvement() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let added = demo::load(&mut store, today()).unwrap();
    assert_eq!((added.information, added.interests), (4, 1));
    let log = store.information_items(None, false).unwrap();
    // Given to one supplier and later published to all, and one only some have.
    assert!(
        log.iter()
            .any(|i| i.recipients.len() == 1 && i.everyone_has_it())
    );
    let only_some = store.information_items(None, true).unwrap();
    assert!(!only_some.is_empty());
    // An entry given in a meeting carries the meeting's day.
    let in_meeting = log.iter().find(|i| i.meeting_id.is_some()).unwrap();
    let meeting = store.meeting(in_meeting.meeting_id.unwrap()).unwrap();
    assert_eq!(in_meeting.given_on, meeting.start.date_naive());

    // The institute that presented the market scan, and later gets a one-to-one.
    let interests = store.interests(None).unwrap();
    assert_eq!(interests.len(), 1);
    assert_eq!(interests[0].kind, InterestKind::PriorInvolvement);
    let warnings = store.prior_involvement_warnings(None).unwrap();
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        warnings[0].organisation_name,
        "RISE Research Institutes of Sweden"
    );
    assert!(warnings[0].meeting_title.starts_with("Enskilt dialogmöte – RISE"));
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn loading_twice_adds_no_second_entry_and_no_second_lulea() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    demo::load(&mut store, today()).unwrap();
    let again = demo::load(&mut store, today()).unwrap();
    assert_eq!((again.information, again.interests), (0, 0));
    assert_eq!(again.organisations, 0);
    assert_eq!(lulea_count(&store), 1);
    assert_eq!(store.information_items(None, false).unwrap().len(), 4);
}

#[test]
fn the_demo_uses_the_stores_own_lulea_kommun() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let mine = store
        .create_organisation(
            &OrganisationInput::validate("Lulea Kommun", OrgKind::ContractingAuthority).unwrap(),
        )
        .unwrap();
    let added = demo::load(&mut store, today()).unwrap();
    assert_eq!(added.organisations, 9, "every demo organisation but Luleå kommun");
    let named = store.organisations_named("Luleå kommun", None).unwrap();
    assert_eq!(named.len(), 1);
    assert_eq!(named[0].id, mine);
    // The demo's project and people for Luleå name the user's organisation.
    let lule = store
        .list_projects(&Default::default())
        .unwrap()
        .into_iter()
        .find(|p| p.code == "LULE-25")
        .unwrap();
    assert_eq!(store.project(lule.id).unwrap().buyer_id, Some(mine));
    let page = store.organisation_page(mine).unwrap();
    assert_eq!(page.people.len(), 2);
    assert!(page.projects.iter().any(|p| p.code == "LULE-25" && p.buyer));

    // Loading again still finds it.
    demo::load(&mut store, today()).unwrap();
    assert_eq!(lulea_count(&store), 1);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn list_information_says_whether_everyone_has_each_entry() {
    let sandbox = Sandbox::empty("UTC");
    sandbox.run(&["demo"]);
    let all = json_array(&sandbox.run(&["list", "information", "--json"]));
    assert_eq!(all.len(), 4);
    for entry in &all {
        assert!(entry["id"].is_i64());
        assert!(entry["uuid"].is_string());
        assert!(entry["title"].is_string());
        assert!(entry["recipients"].is_array());
        let everyone = entry["everyone"].as_bool().expect("everyone is a boolean");
        assert_eq!(everyone, entry["shared_on"].is_string());
        if everyone {
            assert!(entry["missing"].as_array().unwrap().is_empty());
        }
    }

    let lule = json_array(&sandbox.run(&[
        "list",
        "information",
        "--project",
        "LULE-25",
        "--json",
    ]));
    assert_eq!(lule.len(), 3);
    assert!(lule.iter().all(|e| e["project_code"] == "LULE-25"));
    let only_some: Vec<_> = lule.iter().filter(|e| e["everyone"] == false).collect();
    assert_eq!(only_some.len(), 1);
    assert_eq!(only_some[0]["recipients"][0], "Vårdflöde Nordic AB");
    // The suppliers of the project's meetings that were not given it.
    let missing: Vec<&str> = only_some[0]["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert_eq!(missing, ["Norrsken Sensorteknik AB"]);

    let text = sandbox.run(&["list", "information", "--project", "LULE-25"]);
    assert_eq!(text.lines().count(), 3);
    assert!(text.contains("only some have this: Vårdflöde Nordic AB"), "{text}");
}

#[test]
fn attention_shows_what_only_some_have_and_prior_involvement() {
    use common::screen::{open_project, render};
    use tidig::domain::SectionKind;

    let mut store = Store::open_in_memory(clock()).unwrap();
    demo::load(&mut store, today()).unwrap();
    let code_of = |store: &Store, code: &str| {
        store
            .list_projects(&Default::default())
            .unwrap()
            .into_iter()
            .find(|p| p.code == code)
            .unwrap()
            .id
    };
    let lule = code_of(&store, "LULE-25");
    let attention = store.attention(lule).unwrap();
    assert_eq!(attention.total(SectionKind::OnlySome), 1);
    assert_eq!(attention.total(SectionKind::PriorInvolvement), 0);
    let trv = code_of(&store, "TRV-BRO");
    let attention = store.attention(trv).unwrap();
    assert_eq!(attention.total(SectionKind::OnlySome), 1);
    assert_eq!(attention.total(SectionKind::PriorInvolvement), 1);

    let mut app = tidig::app::App::new(store);
    open_project(&mut app, "LULE-25");
    let screen = render(&app, 140, 70);
    assert!(screen.contains("Only some have this (1)"), "{screen}");
    assert!(
        screen.contains("Nuvarande avtal för trygghetslarm") && screen.contains("given to Vårdflöde Nordic AB"),
        "{screen}"
    );
    app.handle_key(&crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Esc));
    open_project(&mut app, "TRV-BRO");
    let screen = render(&app, 140, 70);
    assert!(
        screen.contains("Took part in preparing, now meets as a supplier (1)"),
        "{screen}"
    );
    assert!(screen.contains("(testbäddar för brosensorer) · RISE Research"), "{screen}");
}
