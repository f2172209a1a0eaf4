//! The filter bar's queries: text and facets as `WHERE` clauses, and the counts the bar
//! shows (the list's size and each facet value's rows), all counted in SQL over live
//! rows of live projects.

mod common;

use tidig::domain::{
    ActionFilter, ActionStatus, EntityKind, FacetId, LessonFilter, LessonInput, LessonKind,
    NeedFilter, NeedInput, Phase, Priority, ProjectFilter, ProjectInput, ProjectStatus,
    SuggestionFilter, SuggestionInput, SuggestionStatus, TextEnum,
};
use tidig::store::{FacetScope, Store};

use common::store::{action, memory_store, norr, vgr};

fn codes(store: &Store, filter: &ProjectFilter) -> Vec<String> {
    store
        .list_projects(filter)
        .unwrap()
        .into_iter()
        .map(|r| r.code)
        .collect()
}

/// (value, count) of a facet.
fn counts(store: &Store, scope: FacetScope, facet: FacetId) -> Vec<(String, i64)> {
    store
        .facet_counts(scope, facet)
        .unwrap()
        .into_iter()
        .map(|c| (c.value, c.count))
        .collect()
}

/// NORR-24 and VGR-7 (both active) and a paused prospect-phase project for Luleå.
fn portfolio() -> Store {
    let mut store = memory_store();
    norr(&mut store);
    vgr(&mut store);
    store
        .create_project(&ProjectInput {
            code: "LULE-25".into(),
            title: "Trygg hemtjänst".into(),
            buyer_name: "Luleå kommun".into(),
            phase: Phase::Initiation,
            status: ProjectStatus::Paused,
            ..Default::default()
        })
        .unwrap();
    store
}

#[test]
fn the_portfolio_filters_by_phase_buyer_status_and_folded_text() {
    let store = portfolio();
    let phase = ProjectFilter {
        phase: Some(Phase::EarlyDialogue),
        ..Default::default()
    };
    assert_eq!(codes(&store, &phase), ["NORR-24"]);
    let buyer = ProjectFilter {
        buyer: Some("Luleå kommun".into()),
        ..Default::default()
    };
    assert_eq!(codes(&store, &buyer), ["LULE-25"]);
    // Text matches the buyer's name, whatever the case of å.
    let text = ProjectFilter {
        text: "LULEÅ".into(),
        ..Default::default()
    };
    assert_eq!(codes(&store, &text), ["LULE-25"]);
    // Facets combine with AND.
    let none = ProjectFilter {
        status: Some(ProjectStatus::Active),
        buyer: Some("Luleå kommun".into()),
        ..Default::default()
    };
    assert!(codes(&store, &none).is_empty());
}

#[test]
fn portfolio_counts_leave_out_trashed_projects_and_empty_values() {
    let mut store = portfolio();
    assert_eq!(store.list_total(FacetScope::Portfolio).unwrap(), 3);
    assert_eq!(
        counts(&store, FacetScope::Portfolio, FacetId::Status),
        [("active".into(), 2), ("paused".into(), 1)]
    );
    // Phases in their own order, not the alphabet's.
    assert_eq!(
        counts(&store, FacetScope::Portfolio, FacetId::Phase),
        [
            ("initiation".into(), 1),
            ("needs_analysis".into(), 1),
            ("early_dialogue".into(), 1)
        ]
    );
    // Buyers by name, in Swedish order.
    let buyers = counts(&store, FacetScope::Portfolio, FacetId::Buyer);
    assert_eq!(
        buyers.iter().map(|b| b.0.as_str()).collect::<Vec<_>>(),
        [
            "Luleå kommun",
            "Region Norrbotten",
            "Västra Götalandsregionen"
        ]
    );
    let vgr = store
        .list_projects(&ProjectFilter::default())
        .unwrap()
        .into_iter()
        .find(|p| p.code == "VGR-7")
        .unwrap();
    store.trash(EntityKind::Project, vgr.id).unwrap();
    assert_eq!(store.list_total(FacetScope::Portfolio).unwrap(), 2);
    assert_eq!(
        counts(&store, FacetScope::Portfolio, FacetId::Status),
        [("active".into(), 1), ("paused".into(), 1)]
    );
    // A facet the list does not have counts nothing.
    assert!(counts(&store, FacetScope::Portfolio, FacetId::Owner).is_empty());
}

#[test]
fn needs_count_per_status_priority_and_category_of_one_project() {
    let mut store = memory_store();
    let norr = norr(&mut store);
    let other = vgr(&mut store);
    for (statement, category, priority) in [
        ("Larm på natten", "Larm", Some(Priority::Must)),
        ("Larm i trapphuset", "Larm", Some(Priority::Should)),
        ("Journal i mobilen", "Dokumentation", None),
    ] {
        let input = NeedInput {
            statement: statement.into(),
            category: category.into(),
            priority,
            ..Default::default()
        };
        store.create_need(norr, &input).unwrap();
    }
    let elsewhere = NeedInput {
        statement: "Elsewhere".into(),
        category: "Larm".into(),
        ..Default::default()
    };
    store.create_need(other, &elsewhere).unwrap();

    let scope = FacetScope::Needs(norr);
    assert_eq!(store.list_total(scope).unwrap(), 3);
    assert_eq!(
        counts(&store, scope, FacetId::Category),
        [("Dokumentation".into(), 1), ("Larm".into(), 2)]
    );
    // No priority is not a value to pick.
    assert_eq!(
        counts(&store, scope, FacetId::Priority),
        [("must".into(), 1), ("should".into(), 1)]
    );
    let filter = NeedFilter {
        category: Some("Larm".into()),
        text: "TRAPP".into(),
        ..Default::default()
    };
    let needs = store.needs(norr, &filter).unwrap();
    assert_eq!(needs.len(), 1);
    assert_eq!(needs[0].statement, "Larm i trapphuset");
}

#[test]
fn actions_filter_by_text_over_title_owner_and_project() {
    let mut store = memory_store();
    let norr = norr(&mut store);
    let vgr = vgr(&mut store);
    store
        .create_action(
            norr,
            None,
            &action("Boka lokal", "Åsa", None, ActionStatus::Open),
        )
        .unwrap();
    store
        .create_action(
            vgr,
            None,
            &action("Skicka inbjudan", "Erik", None, ActionStatus::Open),
        )
        .unwrap();
    store
        .create_action(
            vgr,
            None,
            &action("Boka buss", "Åsa", None, ActionStatus::Done),
        )
        .unwrap();
    let titles = |filter: &ActionFilter| -> Vec<String> {
        store
            .actions(filter)
            .unwrap()
            .into_iter()
            .map(|a| a.title)
            .collect()
    };
    let by = |text: &str| ActionFilter {
        text: text.into(),
        ..Default::default()
    };
    assert_eq!(titles(&by("boka")), ["Boka lokal"], "done ones stay hidden");
    assert_eq!(titles(&by("åsa")), ["Boka lokal"]);
    assert_eq!(titles(&by("vgr")), ["Skicka inbjudan"]);
    let with_closed = ActionFilter {
        include_closed: true,
        ..by("ÅSA")
    };
    assert_eq!(titles(&with_closed).len(), 2);

    let open = FacetScope::Actions {
        include_closed: false,
    };
    assert_eq!(store.list_total(open).unwrap(), 2);
    let all = FacetScope::Actions {
        include_closed: true,
    };
    assert_eq!(store.list_total(all).unwrap(), 3);
    assert_eq!(
        counts(&store, all, FacetId::Owner),
        [("Erik".into(), 1), ("Åsa".into(), 2)]
    );
    // Projects by id, shown by code.
    let projects = store.facet_counts(all, FacetId::Project).unwrap();
    let named: Vec<(&str, &str, i64)> = projects
        .iter()
        .map(|c| (c.value.as_str(), c.name.as_str(), c.count))
        .collect();
    let (norr, vgr) = (norr.to_string(), vgr.to_string());
    assert_eq!(
        named,
        [(norr.as_str(), "NORR-24", 1), (vgr.as_str(), "VGR-7", 2)]
    );
}

#[test]
fn suggestions_and_lessons_filter_by_text_and_facets() {
    let mut store = memory_store();
    let norr = norr(&mut store);
    for (title, status) in [
        ("Bjud in nattpersonalen", SuggestionStatus::Proposed),
        ("Kortare dialogmöten", SuggestionStatus::Accepted),
    ] {
        let input = SuggestionInput {
            meeting_id: None,
            phase: Phase::EarlyDialogue,
            title: title.into(),
            description: String::new(),
            rationale: String::new(),
            status,
            buyer_response: String::new(),
            decision_date: None,
        };
        store.create_suggestion(norr, &input).unwrap();
    }
    let filter = SuggestionFilter {
        text: "NATT".into(),
        ..Default::default()
    };
    let found = store.suggestions_filtered(Some(norr), &filter).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].title, "Bjud in nattpersonalen");
    assert_eq!(
        counts(&store, FacetScope::Suggestions(norr), FacetId::Status),
        [("proposed".into(), 1), ("accepted".into(), 1)]
    );

    for (title, kind, project) in [
        (
            "Funktionskrav gav fler anbud",
            LessonKind::GoodExample,
            Some(norr),
        ),
        ("För kort anbudstid", LessonKind::Pitfall, None),
    ] {
        let input = LessonInput {
            project_id: project,
            phase: Some(Phase::Tendering),
            kind,
            title: title.into(),
            context: String::new(),
            what_happened: "Anbuden kom sent".into(),
            what_we_learned: String::new(),
            recommendation: String::new(),
            shareable: false,
        };
        store.create_lesson(&input).unwrap();
    }
    let filter = LessonFilter {
        text: "anbuden kom".into(),
        kind: Some(LessonKind::Pitfall),
        ..Default::default()
    };
    let found = store.lessons_filtered(None, &filter, false).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].title, "För kort anbudstid");
    assert_eq!(store.list_total(FacetScope::Lessons(None)).unwrap(), 2);
    assert_eq!(
        store.list_total(FacetScope::Lessons(Some(norr))).unwrap(),
        1
    );
    assert_eq!(
        counts(&store, FacetScope::Lessons(None), FacetId::Kind),
        [("good_example".into(), 1), ("pitfall".into(), 1)]
    );
}

#[test]
fn the_trash_filters_by_kind_and_name_and_counts_each_kind() {
    use tidig::domain::TrashFilter;
    let mut store = portfolio();
    let rows = store.list_projects(&ProjectFilter::default()).unwrap();
    let lule = rows.iter().find(|p| p.code == "LULE-25").unwrap().id;
    let norr = rows.iter().find(|p| p.code == "NORR-24").unwrap().id;
    let action_id = store
        .create_action(
            norr,
            None,
            &action("Boka lokal i Luleå", "Åsa", None, ActionStatus::Open),
        )
        .unwrap();
    store.trash(EntityKind::ActionItem, action_id).unwrap();
    store.trash(EntityKind::Project, lule).unwrap();

    assert_eq!(store.list_total(FacetScope::Trash).unwrap(), 2);
    assert_eq!(
        counts(&store, FacetScope::Trash, FacetId::ItemKind),
        [("project".into(), 1), ("action_item".into(), 1)]
    );
    let labels = |filter: &TrashFilter| -> Vec<String> {
        store
            .list_trash_filtered(filter)
            .unwrap()
            .into_iter()
            .map(|i| i.label)
            .collect()
    };
    let luleå = TrashFilter {
        text: "LULEÅ".into(),
        ..Default::default()
    };
    assert_eq!(
        labels(&luleå).len(),
        1,
        "the action's title; the project is LULE-25"
    );
    let projects = TrashFilter {
        kind: Some(EntityKind::Project),
        ..Default::default()
    };
    assert_eq!(labels(&projects), ["LULE-25 Trygg hemtjänst"]);
    let both = TrashFilter {
        kind: Some(EntityKind::Project),
        text: "boka".into(),
    };
    assert!(labels(&both).is_empty());
    assert_eq!(labels(&TrashFilter::default()).len(), 2);
}

#[test]
fn a_projects_meetings_filter_by_type_status_and_text_in_sql() {
    use common::store::meeting_input;
    use common::utc;
    use tidig::domain::{MeetingFilter, MeetingStatus, MeetingType};
    let mut store = memory_store();
    let norr = norr(&mut store);
    let other = vgr(&mut store);
    let mut workshop = meeting_input(
        "Behovsworkshop",
        utc(2026, 11, 20, 9, 0),
        utc(2026, 11, 20, 11, 0),
    );
    workshop.kind = MeetingType::NeedsWorkshop;
    workshop.location = "Luleå stadshus".into();
    let workshop = store.create_meeting(norr, &workshop).unwrap();
    store
        .create_meeting(
            norr,
            &meeting_input(
                "Projektmöte",
                utc(2026, 11, 27, 9, 0),
                utc(2026, 11, 27, 10, 0),
            ),
        )
        .unwrap();
    store
        .create_meeting(
            other,
            &meeting_input("Annat", utc(2026, 11, 27, 9, 0), utc(2026, 11, 27, 10, 0)),
        )
        .unwrap();
    store
        .set_meeting_status(workshop, MeetingStatus::Held)
        .unwrap();

    let titles = |filter: &MeetingFilter| -> Vec<String> {
        store
            .project_meetings_filtered(norr, filter)
            .unwrap()
            .rows
            .into_iter()
            .map(|m| m.title)
            .collect()
    };
    assert_eq!(titles(&MeetingFilter::default()).len(), 2);
    let held = MeetingFilter {
        status: Some(MeetingStatus::Held),
        ..Default::default()
    };
    assert_eq!(titles(&held), ["Behovsworkshop"]);
    let by_place = MeetingFilter {
        text: "STADSHUS".into(),
        ..Default::default()
    };
    assert_eq!(titles(&by_place), ["Behovsworkshop"]);
    let none = MeetingFilter {
        kind: Some(MeetingType::NeedsWorkshop),
        status: Some(MeetingStatus::Planned),
        ..Default::default()
    };
    assert!(titles(&none).is_empty());

    let scope = FacetScope::Meetings(norr);
    assert_eq!(store.list_total(scope).unwrap(), 2);
    assert_eq!(
        counts(&store, scope, FacetId::MeetingType),
        [("project_meeting".into(), 1), ("needs_workshop".into(), 1)]
    );
    assert_eq!(
        counts(&store, scope, FacetId::MeetingStatus),
        [("planned".into(), 1), ("held".into(), 1)]
    );
}

#[test]
fn the_directory_filters_in_sql_and_counts_per_kind_and_organisation() {
    use tidig::domain::{OrgKind, OrganisationFilter, PersonFilter};
    let store = portfolio();
    let orgs = store
        .list_organisations_filtered(&OrganisationFilter::default())
        .unwrap();
    assert_eq!(orgs.len(), 3, "the three buyers");
    let by_text = OrganisationFilter {
        text: "LULEÅ".into(),
        ..Default::default()
    };
    let found = store.list_organisations_filtered(&by_text).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].name, "Luleå kommun");
    let kind = orgs[0].kind;
    let of_kind = OrganisationFilter {
        kind: Some(kind),
        ..Default::default()
    };
    let n = orgs.iter().filter(|o| o.kind == kind).count();
    assert_eq!(
        store.list_organisations_filtered(&of_kind).unwrap().len(),
        n
    );
    assert_eq!(store.list_total(FacetScope::Organisations).unwrap(), 3);
    let kinds = counts(&store, FacetScope::Organisations, FacetId::OrgKind);
    assert_eq!(kinds.iter().map(|k| k.1).sum::<i64>(), 3);
    assert!(
        kinds
            .iter()
            .all(|k| OrgKind::ALL.iter().any(|x| x.as_str() == k.0))
    );
    // Nobody yet.
    assert!(
        store
            .list_people_filtered(&PersonFilter::default())
            .unwrap()
            .is_empty()
    );
    assert!(counts(&store, FacetScope::People, FacetId::Organisation).is_empty());
}
