//! The demo's information log and prior involvement, a directory that keeps one
//! "Luleå kommun" however the demo is loaded, and `tidig list information`.

mod common;

use tidig::domain::{InterestKind, OrgKind, OrganisationInput};
use tidig::ops::demo;
use tidig::store::Store;

use common::cli::{Sandbox, json_array};
use common::{clock, today};

fn lulea_count(store: &Store) -> usize {
    store
        .organisations_named("Luleå kommun", None)
        .unwrap()
        .len()
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
    assert!(
        warnings[0]
            .meeting_title
            .starts_with("Enskilt dialogmöte – RISE")
    );
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
    assert_eq!(
        added.organisations, 11,
        "every demo organisation but Luleå kommun"
    );
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

    let lule = json_array(&sandbox.run(&["list", "information", "--project", "LULE-25", "--json"]));
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
    assert!(
        text.contains("only some have this: Vårdflöde Nordic AB"),
        "{text}"
    );
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
        screen.contains("Nuvarande avtal för trygghetslarm")
            && screen.contains("given to Vårdflöde Nordic AB"),
        "{screen}"
    );
    app.handle_key(&crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Esc,
    ));
    open_project(&mut app, "TRV-BRO");
    let screen = render(&app, 140, 70);
    assert!(
        screen.contains("Took part in preparing, now meets as a supplier (1)"),
        "{screen}"
    );
    assert!(
        screen.contains("(testbäddar för brosensorer) · RISE Research"),
        "{screen}"
    );
}

#[test]
fn a_registered_meetings_notes_say_diarieford_apart_from_sent() {
    let sandbox = Sandbox::empty("UTC");
    sandbox.run(&["demo"]);
    let meeting = {
        let mut store = Store::open(&sandbox.db(), clock()).unwrap();
        let m = store
            .all_meetings(None)
            .unwrap()
            .into_iter()
            .find(|m| m.title.starts_with("Enskilt dialogmöte – Vårdflöde"))
            .unwrap();
        store
            .set_registration(
                m.id,
                Some(&tidig::domain::Registration {
                    document_number: "KS 2026/118-4".into(),
                    registered_on: common::date(2026, 11, 25),
                }),
            )
            .unwrap();
        m.id
    };
    let id = meeting.to_string();
    for (lang, line) in [
        (
            "sv",
            "**Diarieförd:** 2026-11-25, handling nr KS 2026/118-4",
        ),
        (
            "en",
            "**Registered in the case:** 2026-11-25, document no. KS 2026/118-4",
        ),
    ] {
        let md = sandbox.run(&[
            "export", "summary", &id, "--format", "md", "--lang", lang, "-o", "-",
        ]);
        assert!(md.contains(line), "{md}");
        assert!(md.contains(if lang == "sv" {
            "Anteckningarnas status"
        } else {
            "Notes status"
        }));
    }
}

#[test]
fn the_checklist_shows_information_given_prior_involvement_and_registration() {
    use common::screen::{ch, open_project, press, render};
    use crossterm::event::KeyCode;
    use tidig::app::{MeetingTab, ProjectTab};

    let mut store = Store::open_in_memory(clock()).unwrap();
    demo::load(&mut store, today()).unwrap();
    let mut app = tidig::app::App::new(store);
    // The one-to-one with Vårdflöde: one entry published since, one only they have.
    open_project(&mut app, "LULE-25");
    while app.project.as_ref().unwrap().tab != ProjectTab::Meetings {
        press(&mut app, KeyCode::Tab);
    }
    let target = app
        .store
        .all_meetings(None)
        .unwrap()
        .into_iter()
        .find(|m| m.title.starts_with("Enskilt dialogmöte – Vårdflöde"))
        .unwrap();
    app.go_to(tidig::domain::EntityRef::new(
        tidig::domain::EntityKind::Meeting,
        target.id,
    ));
    while app.meeting.as_ref().unwrap().tab != MeetingTab::Checklist {
        press(&mut app, KeyCode::Tab);
    }
    let screen = render(&app, 160, 50);
    assert!(
        screen.contains("Antal brukare med nattillsyn")
            && screen.contains("everyone: 2026-11-25, Frågor och svar på upphandlingssidan"),
        "{screen}"
    );
    assert!(
        screen.contains("Nuvarande avtal för trygghetslarm löper ut 30 september 2027 · only some have this: Vårdflöde Nordic AB"),
        "{screen}"
    );

    // e records the registration in the case; the checklist and details show it.
    ch(&mut app, 'e');
    for c in "KS 2026/118-4".chars() {
        ch(&mut app, c);
    }
    app.handle_key(&crossterm::event::KeyEvent::new(
        KeyCode::Char('s'),
        crossterm::event::KeyModifiers::CONTROL,
    ));
    let reg = app.store.registration(target.id).unwrap().unwrap();
    assert_eq!(reg.document_number, "KS 2026/118-4");
    assert_eq!(reg.registered_on, today());
    let screen = render(&app, 160, 50);
    assert!(
        screen.contains("2026-11-26, document KS 2026/118-4"),
        "{screen}"
    );

    // RISE's one-to-one in TRV-BRO: prior involvement among the participants.
    let rise = app
        .store
        .all_meetings(None)
        .unwrap()
        .into_iter()
        .find(|m| m.title.starts_with("Enskilt dialogmöte – RISE"))
        .unwrap();
    app.go_to(tidig::domain::EntityRef::new(
        tidig::domain::EntityKind::Meeting,
        rise.id,
    ));
    while app.meeting.as_ref().unwrap().tab != MeetingTab::Checklist {
        press(&mut app, KeyCode::Tab);
    }
    let screen = render(&app, 160, 50);
    assert!(
        screen.contains(
            "RISE Research Institutes of Sweden took part in preparing (measures recorded)"
        ),
        "{screen}"
    );
}
