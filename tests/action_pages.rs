//! Store tests for the actions screen's paging: pages in the screen's order walked
//! forwards and backwards cover every matching action once, counts match a full read,
//! the order is stable when many actions share a due date, and a row's place in the
//! order is its row number.

mod common;

use tidig::domain::*;
use tidig::store::{ActionFilter, ActionPage, PagedAction, Store};

use common::date;
use common::store::{action, memory_store, project};

/// 60 actions over two projects and three owners, most sharing one of four due dates
/// (ties decided by id), some undated, some done or cancelled, one in the trash and
/// three in a project in the trash.
fn fill(store: &mut Store) -> (i64, i64) {
    let a = project(store, "OVER-26");
    let b = project(store, "VGR-27");
    let gone = project(store, "GONE-1");
    let owners = ["Åsa", "Bo", "Cecilia"];
    for i in 0..60u32 {
        let due = match i % 5 {
            0 => None,
            k => Some(date(2026, 11, 20 + k)),
        };
        let status = match i % 7 {
            3 => ActionStatus::Done,
            5 => ActionStatus::Cancelled,
            6 => ActionStatus::InProgress,
            _ => ActionStatus::Open,
        };
        let p = if i % 3 == 0 { b } else { a };
        let input = action(&format!("Åtgärd {i}"), owners[i as usize % 3], due, status);
        store.create_action(p, None, &input).unwrap();
    }
    let trashed = store
        .create_action(
            a,
            None,
            &action("Borttagen", "Bo", None, ActionStatus::Open),
        )
        .unwrap();
    store.trash(EntityKind::ActionItem, trashed).unwrap();
    for _ in 0..3 {
        store
            .create_action(
                gone,
                None,
                &action("I borttaget projekt", "Bo", None, ActionStatus::Open),
            )
            .unwrap();
    }
    store.trash(EntityKind::Project, gone).unwrap();
    (a, b)
}

/// The screen's order as it was computed before paging: by bucket, due date, id.
fn reference(store: &Store, filter: &ActionFilter) -> Vec<i64> {
    let today = date(2026, 11, 23);
    let mut all = store.actions(filter).unwrap();
    all.sort_by_key(|a| (a.bucket(today), a.due_date, a.id));
    all.into_iter().map(|a| a.id).collect()
}

fn filters(a: i64, b: i64) -> Vec<ActionFilter> {
    let mut out = Vec::new();
    for include_closed in [false, true] {
        for project_id in [None, Some(a), Some(b)] {
            for owner in [None, Some("Bo".to_owned()), Some("Ingen".to_owned())] {
                out.push(ActionFilter {
                    project_id,
                    owner,
                    include_closed,
                    ..ActionFilter::default()
                });
            }
        }
    }
    out
}

fn walk_forwards(store: &Store, filter: &ActionFilter, step: usize) -> Vec<i64> {
    let mut out: Vec<PagedAction> = store.actions_page(filter, ActionPage::First, step).unwrap();
    while let Some(last) = out.last().map(|r| r.key.clone()) {
        let page = store
            .actions_page(filter, ActionPage::After(&last), step)
            .unwrap();
        assert!(page.len() <= step);
        if page.is_empty() {
            break;
        }
        out.extend(page);
    }
    out.iter().map(PagedAction::id).collect()
}

fn walk_backwards(store: &Store, filter: &ActionFilter, step: usize) -> Vec<i64> {
    let mut out: Vec<PagedAction> = store.actions_page(filter, ActionPage::Last, step).unwrap();
    while let Some(first) = out.first().map(|r| r.key.clone()) {
        let mut page = store
            .actions_page(filter, ActionPage::Before(&first), step)
            .unwrap();
        if page.is_empty() {
            break;
        }
        page.append(&mut out);
        out = page;
    }
    out.iter().map(PagedAction::id).collect()
}

#[test]
fn pages_walked_either_way_give_the_screens_order_with_ties_by_id() {
    let mut store = memory_store();
    let (a, b) = fill(&mut store);
    for filter in filters(a, b) {
        let expected = reference(&store, &filter);
        // A step that divides the list, one that does not, one row, and more than all.
        for step in [1, 4, 7, 100] {
            assert_eq!(
                walk_forwards(&store, &filter, step),
                expected,
                "{filter:?} {step}"
            );
            assert_eq!(
                walk_backwards(&store, &filter, step),
                expected,
                "{filter:?} {step}"
            );
        }
    }
}

#[test]
fn counts_match_a_full_read_and_a_rows_place_is_its_row_number() {
    let mut store = memory_store();
    let (a, b) = fill(&mut store);
    let mut non_empty = 0;
    for filter in filters(a, b) {
        let expected = reference(&store, &filter);
        assert_eq!(
            store.count_actions(&filter).unwrap(),
            expected.len(),
            "{filter:?}"
        );
        for (i, id) in expected.iter().enumerate() {
            let key = store.action_key(*id).unwrap().unwrap();
            assert_eq!(store.actions_before(&filter, &key).unwrap(), i);
            let from = store
                .actions_page(&filter, ActionPage::From(&key), 3)
                .unwrap();
            let ids: Vec<i64> = from.iter().map(PagedAction::id).collect();
            assert_eq!(ids, expected[i..(i + 3).min(expected.len())]);
        }
        non_empty += usize::from(!expected.is_empty());
    }
    // The filters did not all come out empty (the test checked something).
    assert!(non_empty >= 10, "{non_empty}");
}

#[test]
fn page_boundaries_give_full_pages_then_the_rest_then_nothing() {
    let mut store = memory_store();
    fill(&mut store);
    let filter = ActionFilter::default();
    let total = store.count_actions(&filter).unwrap();
    assert_eq!(
        total,
        store.actions(&filter).unwrap().len(),
        "the open actions of live projects"
    );
    let whole = store
        .actions_page(&filter, ActionPage::First, total)
        .unwrap();
    assert_eq!(whole.len(), total);
    let last = whole.last().unwrap();
    assert!(
        store
            .actions_page(&filter, ActionPage::After(&last.key), 10)
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .actions_page(&filter, ActionPage::Before(&whole[0].key), 10)
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .actions_page(&filter, ActionPage::First, 0)
            .unwrap()
            .is_empty()
    );
    // A page that ends one short of the end leaves exactly one row.
    let most = store
        .actions_page(&filter, ActionPage::First, total - 1)
        .unwrap();
    let rest = store
        .actions_page(&filter, ActionPage::After(&most.last().unwrap().key), 10)
        .unwrap();
    assert_eq!(
        rest.iter().map(PagedAction::id).collect::<Vec<_>>(),
        vec![last.id()]
    );
}

#[test]
fn the_page_query_walks_the_paging_index_without_sorting() {
    let mut store = memory_store();
    fill(&mut store);
    let plan = store
        .actions_page_plan(&ActionFilter::default())
        .unwrap()
        .join("\n");
    assert!(plan.contains("action_items_page"), "{plan}");
    // It seeks to the page (a SEARCH on the key, not only on `page_closed`), rather
    // than walking every open action from the start.
    assert!(
        plan.contains("SEARCH a USING INDEX action_items_page (page_closed=? AND (page_undated"),
        "{plan}"
    );
    assert!(!plan.contains("TEMP B-TREE"), "{plan}");
}

#[test]
fn the_count_reads_the_paging_index_and_looks_up_only_trashed_projects() {
    let mut store = memory_store();
    fill(&mut store);
    let plan = store
        .count_actions_plan(&ActionFilter::default())
        .unwrap()
        .join("\n");
    // The live open actions are counted on the order's index, with no project looked
    // up per action; only the actions of trashed projects are sought, by project.
    assert!(
        plan.contains("SEARCH a USING INDEX action_items_page")
            || plan.contains("SEARCH a USING COVERING INDEX action_items_page"),
        "{plan}"
    );
    assert!(!plan.contains("SCAN a"), "{plan}");
    assert!(
        plan.contains("SEARCH a USING INDEX action_items_project (project_id=?)"),
        "{plan}"
    );
    assert!(
        !plan.contains("SEARCH p USING INTEGER PRIMARY KEY"),
        "{plan}"
    );
}

#[test]
fn the_text_filter_pages_and_counts_like_a_full_read() {
    let mut store = memory_store();
    let (a, b) = fill(&mut store);
    for text in ["åtgärd 1", "BO", "over-26", "nothing like it"] {
        for mut filter in filters(a, b) {
            filter.text = text.to_owned();
            let expected = reference(&store, &filter);
            assert_eq!(store.count_actions(&filter).unwrap(), expected.len());
            assert_eq!(walk_forwards(&store, &filter, 4), expected, "{filter:?}");
        }
    }
}

#[test]
fn a_row_that_cannot_be_read_keeps_its_place_and_the_walk_goes_on() {
    let mut store = memory_store();
    fill(&mut store);
    let filter = ActionFilter::default();
    let expected = reference(&store, &filter);
    let bad = expected[5];
    store
        .connection()
        .execute(
            "UPDATE action_items SET done_date = 'snart' WHERE id = ?1",
            [bad],
        )
        .unwrap();
    let rows = store
        .actions_page(&filter, ActionPage::First, expected.len())
        .unwrap();
    let ids: Vec<i64> = rows.iter().map(PagedAction::id).collect();
    assert_eq!(ids, expected, "the same order, the bad row in its place");
    assert!(rows[5].item.is_none());
    assert!(
        rows.iter()
            .enumerate()
            .all(|(i, r)| i == 5 || r.item.is_some())
    );
    assert_eq!(walk_forwards(&store, &filter, 2), expected);
    assert_eq!(walk_backwards(&store, &filter, 3), expected);
}
