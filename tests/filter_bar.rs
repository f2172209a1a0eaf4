//! The filter bar on every list (`f`): text and facets picked from a menu, the active
//! filters in one line above the list, "12 of 340" in its title, `F` clearing them all,
//! and the filter kept while moving into an item and back and across screens.

mod common;

use crossterm::event::KeyCode;
use tidig::{
    app::{App, Overlay, ProjectTab, Screen, keymap::Context},
    domain::{NeedStatus, ProjectStatus, TextEnum},
    store::Store,
};

use common::clock;
use common::screen::{
    ch, choose_in_pick, open_project, pick_facet, press, project_tab, render, snap, type_str,
};

fn demo_app() -> App {
    let clock = clock();
    let mut store = Store::open_in_memory(clock).unwrap();
    tidig::ops::demo::load(&mut store, clock.today()).unwrap();
    App::new(store)
}

fn codes(app: &App) -> Vec<String> {
    app.portfolio.rows().map(|r| r.code.clone()).collect()
}

fn pick_options(app: &App) -> Vec<(String, String)> {
    match &app.overlay {
        Some(Overlay::Pick(p)) => p.options.clone(),
        other => panic!("no pick list: {other:?}"),
    }
}

#[test]
fn text_and_a_facet_narrow_the_portfolio_and_capital_f_clears_both() {
    let mut app = demo_app();
    let all = codes(&app);
    assert!(all.len() > 1);

    ch(&mut app, 'f');
    type_str(&mut app, "u");
    let by_text = codes(&app);
    assert!(by_text.len() < all.len() || by_text == all);

    // Tab: the facets with what each is set to.
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.context(), Context::Pick);
    let facets = pick_options(&app);
    assert_eq!(
        facets,
        [
            ("Status".to_string(), "any".to_string()),
            ("Phase".to_string(), "any".to_string()),
            ("Buyer".to_string(), "any".to_string()),
        ]
    );
    snap!(&app, "facet_menu");
    choose_in_pick(&mut app, "Status");
    // The values with their counts over the whole portfolio, "any" first.
    let values = pick_options(&app);
    assert_eq!(values[0].0, "any");
    assert_eq!(values[0].1, all.len().to_string());
    let active = values
        .iter()
        .find(|(name, _)| name == ProjectStatus::Active.label())
        .expect("active projects in the demo");
    assert_eq!(active.1, "4");
    snap!(&app, "facet_values");
    choose_in_pick(&mut app, ProjectStatus::Active.label());
    assert_eq!(app.context(), Context::FilterInput, "back in the bar");
    press(&mut app, KeyCode::Enter);

    assert_eq!(app.portfolio.filter.status, Some(ProjectStatus::Active));
    assert_eq!(app.portfolio.filter.text, "u");
    let both = codes(&app);
    assert!(both.len() <= 4 && !both.is_empty(), "{both:?}");
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("Filter: \"u\" · Status: Active   F clears"),
        "{screen}"
    );
    let shown_of = format!("Portfolio · {} of {}", both.len(), all.len());
    assert!(screen.contains(&shown_of), "{screen}");
    snap!(&app, "portfolio_text_and_status");

    ch(&mut app, 'F');
    assert_eq!(codes(&app), all);
    assert_eq!(app.portfolio.filter.status, None);
    assert_eq!(app.portfolio.filter.text, "");
    let screen = render(&app, 120, 40);
    assert!(!screen.contains("Filter:"), "{screen}");
    assert!(
        screen.contains(&format!("Portfolio · {} ·", all.len())),
        "{screen}"
    );
}

#[test]
fn the_phase_and_buyer_facets_filter_the_portfolio() {
    let mut app = demo_app();
    let first = app.portfolio.rows().next().unwrap().clone();
    let buyer = first.buyer_name.clone().expect("demo projects have buyers");
    pick_facet(&mut app, "Buyer", &buyer);
    assert!(
        app.portfolio
            .rows()
            .all(|r| r.buyer_name.as_deref() == Some(buyer.as_str()))
    );
    assert!(codes(&app).contains(&first.code));
    pick_facet(&mut app, "Buyer", "any");
    pick_facet(&mut app, "Phase", first.phase.label());
    assert!(app.portfolio.rows().all(|r| r.phase == first.phase));
    assert!(codes(&app).contains(&first.code));
}

#[test]
fn a_facet_the_menu_shows_as_set_is_selected_when_reopened() {
    let mut app = demo_app();
    pick_facet(&mut app, "Status", ProjectStatus::Active.label());
    ch(&mut app, 'f');
    press(&mut app, KeyCode::Tab);
    let facets = pick_options(&app);
    assert_eq!(facets[0], ("Status".into(), "Active".into()));
    choose_in_pick(&mut app, "Status");
    let Some(Overlay::Pick(p)) = &app.overlay else {
        panic!()
    };
    assert_eq!(p.options[p.cursor.selected].0, "Active");
    // Esc leaves the menu without changing anything.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::FilterInput);
    assert_eq!(app.portfolio.filter.status, Some(ProjectStatus::Active));
}

#[test]
fn the_needs_filter_survives_opening_a_need_and_leaving_the_screen() {
    let mut app = demo_app();
    open_project(&mut app, "LULE-25");
    project_tab(&mut app, ProjectTab::Needs);
    let all = app.project.as_ref().unwrap().needs.needs.len();
    let status = app.project.as_ref().unwrap().needs.needs[0].status;
    pick_facet(&mut app, "Status", status.label());
    let shown = app.project.as_ref().unwrap().needs.needs.len();
    assert!(shown >= 1 && shown <= all);
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains(&format!("Status: {}", status.label())),
        "{screen}"
    );
    snap!(&app, "needs_by_status_facet");

    // Into the need and back: still filtered.
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::Need { .. }));
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.project.as_ref().unwrap().needs.filter.status,
        Some(status)
    );
    assert_eq!(app.project.as_ref().unwrap().needs.needs.len(), shown);

    // Away to the actions and back to the project: still filtered.
    ch(&mut app, '3');
    assert_eq!(app.screen(), Screen::Actions);
    ch(&mut app, '1');
    open_project(&mut app, "LULE-25");
    let p = app.project.as_ref().unwrap();
    assert_eq!(p.tab, ProjectTab::Needs);
    assert_eq!(p.needs.filter.status, Some(status));
    assert_eq!(p.needs.total, Some(all));
}

#[test]
fn the_portfolio_filter_is_kept_for_the_session_across_screens() {
    let mut app = demo_app();
    pick_facet(&mut app, "Status", ProjectStatus::Active.label());
    let filtered = codes(&app);
    ch(&mut app, '2');
    ch(&mut app, '1');
    assert_eq!(codes(&app), filtered);
    assert_eq!(app.portfolio.filter.status, Some(ProjectStatus::Active));
}

#[test]
fn the_needs_facet_values_count_the_whole_register() {
    let mut app = demo_app();
    open_project(&mut app, "LULE-25");
    project_tab(&mut app, ProjectTab::Needs);
    let needs = app.project.as_ref().unwrap().needs.needs.clone();
    ch(&mut app, 'f');
    press(&mut app, KeyCode::Tab);
    choose_in_pick(&mut app, "Status");
    let values = pick_options(&app);
    for status in NeedStatus::ALL {
        let n = needs.iter().filter(|x| x.status == *status).count();
        let listed = values.iter().find(|(name, _)| name == status.label());
        match listed {
            Some((_, count)) => assert_eq!(count, &n.to_string(), "{status:?}"),
            None => assert_eq!(n, 0, "{status:?} missing from {values:?}"),
        }
    }
}

#[test]
fn suggestions_and_lessons_filter_by_text() {
    let mut app = demo_app();
    open_project(&mut app, "LULE-25");
    project_tab(&mut app, ProjectTab::Suggestions);
    let items = app.project.as_ref().unwrap().suggestions.items.clone();
    assert!(!items.is_empty(), "the demo has suggestions");
    let word = items[0]
        .title
        .split_whitespace()
        .last()
        .unwrap()
        .to_lowercase();
    ch(&mut app, 'f');
    type_str(&mut app, &word);
    let view = &app.project.as_ref().unwrap().suggestions;
    assert!(view.items.iter().any(|s| s.id == items[0].id));
    assert!(view.items.len() <= items.len());
    press(&mut app, KeyCode::Enter);
    // A facet on top of the text: the first one's status.
    pick_facet(&mut app, "Status", items[0].status.label());
    let view = &app.project.as_ref().unwrap().suggestions;
    assert!(view.items.iter().all(|s| s.status == items[0].status));
    assert!(view.items.iter().any(|s| s.id == items[0].id));
    let screen = render(&app, 120, 40);
    let line = format!("Filter: \"{word}\" · Status: {}", items[0].status.label());
    assert!(screen.contains(&line), "{screen}");

    ch(&mut app, '4');
    let all = app.library.items().cloned().collect::<Vec<_>>();
    let phase = all
        .iter()
        .find_map(|l| l.phase)
        .expect("a lesson with a phase");
    pick_facet(&mut app, "Phase", phase.label());
    let expected = all.iter().filter(|l| l.phase == Some(phase)).count();
    assert_eq!(app.library.items().count(), expected);
    assert_eq!(app.library.total, Some(all.len()));
    ch(&mut app, 'F');
    assert_eq!(app.library.items().count(), all.len());
    assert_eq!(app.library.total, None);
}

#[test]
fn actions_filter_by_text_and_owner() {
    let mut app = demo_app();
    ch(&mut app, '3');
    let all = app.actions.items().cloned().collect::<Vec<_>>();
    assert!(all.len() > 1, "the demo has open actions");
    let owner = all
        .iter()
        .find(|a| !a.owner.is_empty())
        .unwrap()
        .owner
        .clone();
    pick_facet(&mut app, "Owner", &owner);
    assert!(app.actions.items().all(|a| a.owner == owner));
    assert_eq!(app.actions.total, Some(all.len()));
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains(&format!("Filter: Owner: {owner}")),
        "{screen}"
    );
    snap!(&app, "actions_by_owner");
    ch(&mut app, 'F');
    assert_eq!(app.actions.items().count(), all.len());

    let title = all[0].title.clone();
    ch(&mut app, 'f');
    type_str(&mut app, &title.to_uppercase());
    assert!(app.actions.items().any(|a| a.id == all[0].id));
    assert!(app.actions.items().all(|a| {
        a.title.to_lowercase().contains(&title.to_lowercase())
            || a.owner.to_lowercase().contains(&title.to_lowercase())
            || a.meeting_title
                .as_deref()
                .unwrap_or("")
                .to_lowercase()
                .contains(&title.to_lowercase())
            || a.project_code
                .to_lowercase()
                .contains(&title.to_lowercase())
    }));
}

#[test]
fn the_trash_filters_by_what_was_deleted() {
    let mut app = demo_app();
    // Put a project and one of its needs in the trash.
    open_project(&mut app, "LULE-25");
    project_tab(&mut app, ProjectTab::Needs);
    ch(&mut app, 'd');
    press(&mut app, KeyCode::Enter);
    ch(&mut app, '1');
    ch(&mut app, 'd');
    press(&mut app, KeyCode::Enter);
    ch(&mut app, '6');
    assert_eq!(app.screen(), Screen::Trash);
    let all = app.trash.items.len();
    assert!(all >= 2, "{:?}", app.trash.items);

    pick_facet(&mut app, "What", tidig::domain::EntityKind::Need.label());
    assert!(!app.trash.items.is_empty());
    assert!(
        app.trash
            .items
            .iter()
            .all(|i| i.kind == tidig::domain::EntityKind::Need)
    );
    assert_eq!(app.trash.total, Some(all));
    snap!(&app, "trash_by_kind");
    // Text on top that matches nothing: the list says the filter hides everything.
    ch(&mut app, 'f');
    type_str(&mut app, "zzzz");
    press(&mut app, KeyCode::Enter);
    assert!(app.trash.items.is_empty());
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Nothing here matches the filter"),
        "{screen}"
    );
    ch(&mut app, 'F');
    assert_eq!(app.trash.items.len(), all);
}

#[test]
fn a_projects_meetings_filter_by_type_status_and_notes_status() {
    let mut app = demo_app();
    open_project(&mut app, "LULE-25");
    project_tab(&mut app, ProjectTab::Meetings);
    let all = app.project.as_ref().unwrap().meetings.meetings.clone();
    assert!(all.len() > 1, "the demo has meetings");
    let first = all[0].clone();

    ch(&mut app, 'f');
    press(&mut app, KeyCode::Tab);
    assert_eq!(
        pick_options(&app)
            .into_iter()
            .map(|(name, _)| name)
            .collect::<Vec<_>>(),
        ["Type", "Status", "Notes"]
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);

    pick_facet(&mut app, "Type", first.kind.label());
    let list = &app.project.as_ref().unwrap().meetings;
    assert!(list.meetings.iter().all(|m| m.kind == first.kind));
    assert!(list.meetings.iter().any(|m| m.id == first.id));
    assert_eq!(list.total, Some(all.len()));
    pick_facet(&mut app, "Status", first.status.label());
    pick_facet(&mut app, "Notes", first.notes_status.label());
    let list = &app.project.as_ref().unwrap().meetings;
    assert!(list.meetings.iter().any(|m| m.id == first.id));
    assert!(list.meetings.iter().all(|m| m.kind == first.kind
        && m.status == first.status
        && m.notes_status == first.notes_status));
    let screen = render(&app, 120, 40);
    let line = format!(
        "Filter: Type: {} · Status: {} · Notes: {}",
        first.kind.label(),
        first.status.label(),
        first.notes_status.label()
    );
    assert!(screen.contains(&line), "{screen}");
    snap!(&app, "meetings_by_type_status_notes");

    // Into the meeting and back: still filtered.
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::Meeting { .. }));
    press(&mut app, KeyCode::Esc);
    let list = &app.project.as_ref().unwrap().meetings;
    assert_eq!(list.filter.kind, Some(first.kind));
    assert_eq!(list.total, Some(all.len()));

    // Text on top; F clears all of it.
    ch(&mut app, 'f');
    type_str(&mut app, "zzzz");
    assert!(app.project.as_ref().unwrap().meetings.meetings.is_empty());
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'F');
    let list = &app.project.as_ref().unwrap().meetings;
    assert_eq!(list.meetings.len(), all.len());
    assert_eq!(list.total, None);
}

#[test]
fn the_agenda_filters_its_days_by_project_and_type() {
    let mut app = demo_app();
    ch(&mut app, '2');
    assert_eq!(app.screen(), Screen::Agenda);
    let all: Vec<_> = app.agenda.loaded.values().cloned().collect();
    assert!(all.len() > 1, "the demo has meetings in the next days");
    let first = all[0].clone();

    pick_facet(&mut app, "Project", &first.project_code);
    assert!(
        app.agenda
            .loaded
            .values()
            .all(|m| m.project_id == first.project_id)
    );
    assert_eq!(app.agenda.total, Some(all.len()));
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains(&format!("Filter: Project: {}", first.project_code)),
        "the project by its code:\n{screen}"
    );
    let count = format!("· {} of {}", app.agenda.slots.len(), all.len());
    assert!(screen.contains(&count), "{screen}");
    snap!(&app, "agenda_by_project");

    pick_facet(&mut app, "Type", first.kind.label());
    assert!(app.agenda.loaded.values().any(|m| m.id == first.id));
    assert!(app.agenda.loaded.values().all(|m| m.kind == first.kind));
    // The week view keeps the filter.
    ch(&mut app, 'v');
    assert!(app.agenda.loaded.values().all(|m| m.kind == first.kind));
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Filter: Project:"), "{screen}");
    ch(&mut app, 'F');
    assert_eq!(app.agenda.filter, Default::default());
    assert_eq!(app.agenda.total, None);
}

#[test]
fn the_directory_filters_organisations_by_kind_and_people_by_organisation() {
    use tidig::app::DirectoryTab;
    let mut app = demo_app();
    ch(&mut app, '5');
    assert_eq!(app.screen(), Screen::Directory);
    let orgs = app
        .directory
        .organisation_rows()
        .cloned()
        .collect::<Vec<_>>();
    let kind = orgs[0].kind;
    pick_facet(&mut app, "Kind", kind.label());
    assert!(app.directory.organisation_rows().all(|o| o.kind == kind));
    assert_eq!(app.directory.org_total, Some(orgs.len()));

    // The people tab has its own filter; the organisations' stays.
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.directory.tab, DirectoryTab::People);
    let people = app.directory.person_rows().cloned().collect::<Vec<_>>();
    let person = people
        .iter()
        .find(|p| p.organisation_name.is_some())
        .expect("someone with an organisation")
        .clone();
    let org = person.organisation_name.clone().unwrap();
    pick_facet(&mut app, "Organisation", &org);
    assert!(
        app.directory
            .person_rows()
            .all(|p| p.organisation_id == person.organisation_id)
    );
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains(&format!("Filter: Organisation: {org}")),
        "{screen}"
    );
    snap!(&app, "people_by_organisation");
    assert_eq!(app.directory.org_filter.kind, Some(kind));

    ch(&mut app, 'F');
    assert_eq!(app.directory.people.count, people.len());
    assert_eq!(
        app.directory.org_filter.kind,
        Some(kind),
        "F clears this tab's"
    );
}
