//! Store tests for the portfolio's paging: pages in every sort, walked forwards and
//! backwards, cover every matching project once in the order the portfolio shows (worked
//! out here from the projects and their figures); counts match; a row's place is its
//! row number; a project trashed by another window drops out of the next page; the
//! page sorted by code seeks the code's index.

mod common;

use std::cmp::Ordering;

use tidig::domain::*;
use tidig::store::{Page, PagedProject, Store};

use common::date;
use common::store::{action, db_path, file_store, meeting_input, memory_store, temp_dir};

const REGIONS: [&str; 3] = ["NORR", "VGR", "SKANE"];

/// 90 projects: phases, statuses and buyers spread out, last changes on 28 days (ties
/// decided by code), some reviewed, some with overdue actions and planned meetings
/// (many ties), one in the trash.
fn fill(store: &mut Store) {
    for i in 0..90usize {
        let region = REGIONS[i % 3];
        store
            .create_project(&ProjectInput {
                code: format!("{region}-{i}"),
                title: format!("Projekt {i}"),
                buyer_name: format!("Region {region}"),
                phase: Phase::ALL[i % Phase::ALL.len()],
                status: ProjectStatus::ALL[i % ProjectStatus::ALL.len()],
                ..Default::default()
            })
            .unwrap();
    }
    let id = |store: &Store, i: usize| {
        store
            .project_by_code(&format!("{}-{i}", REGIONS[i % 3]))
            .unwrap()
            .id
    };
    for i in (0..90).step_by(4) {
        let p = id(store, i);
        for _ in 0..(i % 3) {
            let overdue = action("Sen", "Bo", Some(date(2026, 11, 2)), ActionStatus::Open);
            store.create_action(p, None, &overdue).unwrap();
        }
    }
    for i in (0..90).step_by(5) {
        let p = id(store, i);
        let day = 27 + (i as u32 % 3);
        let start = common::utc(2026, 11, day, 9, 0);
        let end = common::utc(2026, 11, day, 10, 0);
        store
            .create_meeting(p, &meeting_input("Möte", start, end))
            .unwrap();
    }
    for i in (0..90).step_by(7) {
        store.mark_project_reviewed(id(store, i)).unwrap();
    }
    store
        .connection()
        .execute_batch(
            "UPDATE projects SET updated_at = printf('2026-10-%02dT08:00:00Z', id * 7 % 28 + 1);",
        )
        .unwrap();
    let gone = id(store, 89);
    store.trash(EntityKind::Project, gone).unwrap();
}

/// The portfolio's order worked out from the projects and their figures.
fn reference(store: &Store, filter: &ProjectFilter) -> Vec<i64> {
    let by_code = ProjectFilter {
        sort: ProjectSort::Code,
        descending: false,
        ..filter.clone()
    };
    let mut rows = store.list_projects(&by_code).unwrap();
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let figures = store.project_figures(&ids).unwrap();
    let f = |r: &ProjectRow| figures[&r.id].clone();
    let pos = |all: &[&str], v: &str| all.iter().position(|x| *x == v).unwrap();
    let phases: Vec<&str> = Phase::ALL.iter().map(|p| p.as_str()).collect();
    let statuses: Vec<&str> = ProjectStatus::ALL.iter().map(|s| s.as_str()).collect();
    let dir = |o: Ordering, reverse: bool| {
        if filter.descending != reverse {
            o.reverse()
        } else {
            o
        }
    };
    rows.sort_by(|a, b| {
        let first = match filter.sort {
            ProjectSort::Code => dir(a.code.cmp(&b.code), false),
            ProjectSort::Phase => dir(
                pos(&phases, a.phase.as_str()).cmp(&pos(&phases, b.phase.as_str())),
                false,
            ),
            ProjectSort::Status => dir(
                pos(&statuses, a.status.as_str()).cmp(&pos(&statuses, b.status.as_str())),
                false,
            ),
            ProjectSort::Updated => dir(a.updated_at.cmp(&b.updated_at), false),
            ProjectSort::NextMeeting => {
                let (x, y) = (f(a).next_meeting, f(b).next_meeting);
                x.is_none().cmp(&y.is_none()).then(dir(x.cmp(&y), false))
            }
            ProjectSort::Overdue => dir(f(a).overdue_actions.cmp(&f(b).overdue_actions), true),
            ProjectSort::OpenNeeds => dir(f(a).open_needs.cmp(&f(b).open_needs), true),
            ProjectSort::Reviewed => dir(f(a).last_reviewed_at.cmp(&f(b).last_reviewed_at), false),
        };
        first.then(a.code.cmp(&b.code))
    });
    rows.into_iter().map(|r| r.id).collect()
}

fn filters() -> Vec<ProjectFilter> {
    let mut out = Vec::new();
    for sort in ProjectSort::ALL {
        for descending in [false, true] {
            for (text, status) in [
                ("", None),
                ("norr", None),
                ("", Some(ProjectStatus::Active)),
            ] {
                out.push(ProjectFilter {
                    text: text.into(),
                    status,
                    sort,
                    descending,
                    ..ProjectFilter::default()
                });
            }
        }
    }
    out
}

fn ids(page: &[PagedProject]) -> Vec<i64> {
    page.iter().map(PagedProject::id).collect()
}

#[test]
fn pages_walked_forwards_and_backwards_are_the_portfolio_in_every_sort() {
    let mut store = memory_store();
    fill(&mut store);
    for filter in filters() {
        let expected = reference(&store, &filter);
        assert!(!expected.is_empty(), "{filter:?}");
        assert_eq!(store.count_projects(&filter).unwrap(), expected.len());

        let mut forwards = ids(&store.projects_page(&filter, Page::First, 7).unwrap());
        let mut last = store.projects_page(&filter, Page::First, 7).unwrap();
        while let Some(key) = last.last().map(|r| r.key.clone()) {
            last = store.projects_page(&filter, Page::After(&key), 7).unwrap();
            forwards.extend(ids(&last));
            assert!(
                forwards.len() <= expected.len(),
                "forwards, {filter:?}: {forwards:?}"
            );
        }
        assert_eq!(forwards, expected, "forwards, {filter:?}");

        let mut page = store.projects_page(&filter, Page::Last, 7).unwrap();
        let mut backwards = ids(&page);
        while let Some(key) = page.first().map(|r| r.key.clone()) {
            page = store.projects_page(&filter, Page::Before(&key), 7).unwrap();
            let mut before = ids(&page);
            before.append(&mut backwards);
            backwards = before;
            assert!(backwards.len() <= expected.len(), "backwards, {filter:?}");
        }
        assert_eq!(backwards, expected, "backwards, {filter:?}");

        // Every row's place is its row number, and a page from it starts on it.
        for (place, id) in expected.iter().enumerate().step_by(17) {
            let key = store.project_key(&filter, *id).unwrap().unwrap();
            assert_eq!(store.projects_before(&filter, &key).unwrap(), place);
            let from = store.projects_page(&filter, Page::From(&key), 3).unwrap();
            assert_eq!(ids(&from), expected[place..(place + 3).min(expected.len())]);
        }
    }
}

#[test]
fn the_first_and_last_pages_are_the_ends_of_the_list() {
    let mut store = memory_store();
    fill(&mut store);
    let filter = ProjectFilter::default();
    let expected = reference(&store, &filter);
    assert_eq!(expected.len(), 89, "the trashed project is not listed");
    let first = store.projects_page(&filter, Page::First, 100).unwrap();
    assert_eq!(
        ids(&first),
        expected,
        "a page larger than the list is all of it"
    );
    let last = store.projects_page(&filter, Page::Last, 5).unwrap();
    assert_eq!(ids(&last), expected[84..]);
    let key = last.last().unwrap().key.clone();
    assert!(
        store
            .projects_page(&filter, Page::After(&key), 5)
            .unwrap()
            .is_empty()
    );
    let key = first[0].key.clone();
    assert!(
        store
            .projects_page(&filter, Page::Before(&key), 5)
            .unwrap()
            .is_empty()
    );
    assert_eq!(store.projects_before(&filter, &key).unwrap(), 0);
    // A filter that matches nothing: no rows, no count.
    let none = ProjectFilter {
        text: "ingenting".into(),
        ..ProjectFilter::default()
    };
    assert_eq!(store.count_projects(&none).unwrap(), 0);
    assert!(
        store
            .projects_page(&none, Page::First, 5)
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .projects_page(&none, Page::Last, 5)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_project_trashed_in_another_window_drops_out_of_the_next_page() {
    let dir = temp_dir();
    let path = db_path(&dir);
    let mut other = file_store(&path);
    fill(&mut other);
    let store = file_store(&path);
    for sort in [ProjectSort::Code, ProjectSort::Overdue] {
        let filter = ProjectFilter {
            sort,
            ..ProjectFilter::default()
        };
        let before = reference(&store, &filter);
        let page = store.projects_page(&filter, Page::First, 10).unwrap();
        assert_eq!(ids(&page), before[..10]);
        // The other window trashes the next page's first project and the last shown.
        other.trash(EntityKind::Project, before[10]).unwrap();
        other.trash(EntityKind::Project, before[9]).unwrap();
        let key = page.last().unwrap().key.clone();
        let next = store.projects_page(&filter, Page::After(&key), 10).unwrap();
        assert_eq!(ids(&next), before[11..21], "{sort:?}");
        assert_eq!(store.count_projects(&filter).unwrap(), before.len() - 2);
        assert_eq!(store.projects_before(&filter, &key).unwrap(), 9);
        let back = store.projects_page(&filter, Page::Before(&key), 3).unwrap();
        assert_eq!(ids(&back), before[6..9]);
    }
}

#[test]
fn an_unreadable_project_keeps_its_place_without_a_row() {
    let mut store = memory_store();
    fill(&mut store);
    let filter = ProjectFilter::default();
    let expected = reference(&store, &filter);
    let bad = expected[40];
    common::store::poison(&store, "projects", bad, "status = 'dormant'");
    let page = store.projects_page(&filter, Page::First, 100).unwrap();
    assert_eq!(ids(&page), expected);
    assert!(page[40].row.is_none());
    assert!(
        page.iter()
            .enumerate()
            .all(|(i, r)| (i == 40) == r.row.is_none())
    );
    // Sorted by status, the unknown status sorts first (as it did unsorted).
    let by_status = ProjectFilter {
        sort: ProjectSort::Status,
        ..ProjectFilter::default()
    };
    let page = store.projects_page(&by_status, Page::First, 1).unwrap();
    assert_eq!(page[0].id(), bad);
    assert_eq!(store.count_projects(&filter).unwrap(), expected.len());
}

#[test]
fn the_page_sorted_by_code_seeks_the_codes_index() {
    let mut store = memory_store();
    fill(&mut store);
    for descending in [false, true] {
        let filter = ProjectFilter {
            descending,
            ..ProjectFilter::default()
        };
        let plan = store.projects_page_plan(&filter).unwrap().join("\n");
        assert!(
            plan.contains("USING INDEX sqlite_autoindex_projects"),
            "{plan}"
        );
        assert!(plan.contains("code"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }
    // By last change: its index gives the order; ties are sorted by code.
    let filter = ProjectFilter {
        sort: ProjectSort::Updated,
        ..ProjectFilter::default()
    };
    let plan = store.projects_page_plan(&filter).unwrap().join("\n");
    assert!(plan.contains("projects_updated"), "{plan}");
}
