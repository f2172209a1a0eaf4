//! The trash screen finds each kind's trashed rows through its partial index on
//! `deleted_at` (migration 0016), never by reading the whole table: at the large demo
//! that was 46 ms a visit, most of it reading 100,000 notes.

mod common;

use tidig::store::entity_table;

#[test]
fn every_kind_in_the_trash_is_found_through_its_partial_index() {
    common::store::on_both_stores(|store| {
        for (kind, plan) in store.trash_query_plans().unwrap() {
            let table = entity_table(kind);
            let index = format!("{table}_trashed");
            assert!(
                plan.iter().any(|step| step.contains(&index)),
                "{kind:?}: {plan:?}"
            );
            assert!(
                !plan.iter().any(|step| step == "SCAN t"),
                "{kind:?} reads its table: {plan:?}"
            );
        }
    });
}

/// A page of the whole trash merges the kinds in order: nothing is sorted, so a page
/// reads only its own rows' labels.
#[test]
fn a_page_of_the_trash_merges_the_kinds_without_sorting() {
    let store = common::store::memory_store();
    let plan = store.trash_page_plan().unwrap();
    assert!(plan.iter().any(|s| s.starts_with("MERGE")), "{plan:?}");
    assert!(!plan.iter().any(|s| s.contains("TEMP B-TREE")), "{plan:?}");
}

/// The index changes nothing in what the trash shows: every kind trashed and restored
/// is listed, then gone.
#[test]
fn the_trash_lists_what_was_trashed_and_not_what_came_back() {
    common::store::on_both_stores(|store| {
        let note = common::store::workshop_with_note(store, "Att slänga.");
        let project = store.project_by_code("NORR-24").unwrap().id;
        store.trash(tidig::domain::EntityKind::Note, note).unwrap();
        let listed = store.list_trash().unwrap();
        assert_eq!(listed.len(), 1, "{listed:?}");
        assert!(listed[0].label.starts_with("Att slänga."), "{listed:?}");
        store
            .restore(tidig::domain::EntityKind::Note, note)
            .unwrap();
        store
            .trash(tidig::domain::EntityKind::Project, project)
            .unwrap();
        let listed = store.list_trash().unwrap();
        assert_eq!(listed.len(), 1, "{listed:?}");
        assert_eq!(listed[0].kind, tidig::domain::EntityKind::Project);
    });
}

/// More rows than a page, of two kinds, many trashed in the same second: pages read
/// one after another hold every row once, in the trash's order, and the count agrees;
/// on the screen `End` reaches the last row and `j` past a page reads the next.
#[test]
fn pages_of_a_full_trash_hold_every_row_once_in_order() {
    use tidig::domain::{Confidentiality, EntityKind, TrashFilter};
    use tidig::store::TRASH_PAGE;
    let mut store = common::store::memory_store();
    let note = common::store::workshop_with_note(&mut store, "Första.");
    let meeting = store.note(note).unwrap().meeting_id;
    let mut ids = vec![note];
    for i in 0..2 * TRASH_PAGE + 30 {
        ids.push(
            store
                .create_note(
                    meeting,
                    None,
                    &format!("Anteckning {i}"),
                    Confidentiality::Internal,
                )
                .unwrap(),
        );
    }
    for (i, id) in ids.iter().enumerate() {
        if i % 2 == 0 {
            store.trash(EntityKind::Note, *id).unwrap();
        }
    }
    let project = store.project_by_code("NORR-24").unwrap().id;
    store.trash(EntityKind::Meeting, meeting).unwrap();
    store.trash(EntityKind::Project, project).unwrap();
    let filter = TrashFilter::default();
    let count = store.count_trash(&filter).unwrap();
    assert_eq!(count, ids.len().div_ceil(2) + 2);
    let mut paged = Vec::new();
    loop {
        let page = store.trash_page(&filter, paged.last(), 37).unwrap();
        if page.is_empty() {
            break;
        }
        paged.extend(page);
    }
    assert_eq!(paged.len(), count);
    let keys: Vec<_> = paged.iter().map(|i| (i.kind, i.id)).collect();
    let mut unique = keys.clone();
    unique.sort_by_key(|(k, id)| (format!("{k:?}"), *id));
    unique.dedup();
    assert_eq!(unique.len(), count, "no row twice");
    assert!(
        paged.windows(2).all(|w| w[0].deleted_at >= w[1].deleted_at),
        "newest first"
    );
    assert_eq!(store.list_trash().unwrap(), paged);
    // Filtered by kind and by text.
    let notes = TrashFilter {
        kind: Some(EntityKind::Note),
        text: String::new(),
    };
    assert_eq!(store.count_trash(&notes).unwrap(), count - 2);
    let text = TrashFilter {
        kind: None,
        text: "anteckning 1".into(),
    };
    let found = store.list_trash_filtered(&text).unwrap();
    assert_eq!(store.count_trash(&text).unwrap(), found.len());
    assert!(
        found
            .iter()
            .all(|i| i.label.to_lowercase().contains("anteckning 1"))
    );

    let mut app = tidig::app::App::new(store);
    common::screen::ch(&mut app, '6');
    assert_eq!(app.trash.count, count);
    assert!(app.trash.items.len() < count, "one page read on a visit");
    common::screen::press(&mut app, crossterm::event::KeyCode::End);
    assert_eq!(app.trash.cursor.selected, count - 1);
    assert_eq!(app.trash.items.len(), count);
    assert_eq!(app.trash.items, paged);
}
