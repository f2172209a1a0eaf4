//! The lessons library and the directory a page at a time (issue 15): pages walked
//! forwards and backwards cover every matching row once, in the order the whole read
//! gives (phase, then title in Swedish order: å ä ö after z; ties by id); counts and a
//! row's place are right; a filter narrows the pages; a row trashed in another window
//! drops out of the next page; a row that cannot be read keeps its place. And on screen:
//! the cursor moves past the loaded window, `End` reaches the last row, and go-to puts
//! the cursor on a row far down.

mod common;

use crossterm::event::KeyCode;
use tidig::app::{App, DirectoryTab, Screen};
use tidig::domain::*;
use tidig::store::{KeysetList, Page, Paged, Store};

use common::screen::{buffer_text, ch, is_highlighted, press, terminal};
use common::store::{db_path, file_store, memory_store, temp_dir};

/// Titles with Swedish letters, a tie (two "Anbud") and mixed case.
const TITLES: [&str; 8] = [
    "Öppen dialog",
    "anbud",
    "Zon",
    "Ärende",
    "Anbud",
    "Ålder",
    "Anbud",
    "beslut",
];

/// 8 titles × 20: lessons without a phase, and of each phase in turn.
fn fill_lessons(store: &mut Store) -> Vec<i64> {
    (0..160usize)
        .map(|i| {
            let phase = (i % 5 != 0).then(|| Phase::ALL[i % Phase::ALL.len()]);
            store
                .create_lesson(&LessonInput {
                    project_id: None,
                    phase,
                    kind: if i % 2 == 0 {
                        LessonKind::Lesson
                    } else {
                        LessonKind::GoodExample
                    },
                    title: format!("{} {}", TITLES[i % TITLES.len()], i / 40),
                    context: if i % 3 == 0 {
                        "ramavtal".into()
                    } else {
                        String::new()
                    },
                    what_happened: String::new(),
                    what_we_learned: String::new(),
                    recommendation: String::new(),
                    shareable: false,
                })
                .unwrap()
        })
        .collect()
}

/// Every row of a list read a page of `size` at a time, forwards from the first.
fn forwards<T: Clone>(list: &KeysetList<'_, T>, size: usize) -> Vec<Paged<T>> {
    let mut all: Vec<Paged<T>> = list.page(Page::First, size).unwrap();
    loop {
        let last = all.last().unwrap().key.clone();
        let page = list.page(Page::After(&last), size).unwrap();
        if page.is_empty() {
            return all;
        }
        assert!(page.len() <= size);
        all.extend(page);
    }
}

/// Every row of a list read a page of `size` at a time, backwards from the last.
fn backwards<T: Clone>(list: &KeysetList<'_, T>, size: usize) -> Vec<Paged<T>> {
    let mut all: Vec<Paged<T>> = list.page(Page::Last, size).unwrap();
    loop {
        let first = all.first().unwrap().key.clone();
        let mut page = list.page(Page::Before(&first), size).unwrap();
        if page.is_empty() {
            return all;
        }
        page.extend(all);
        all = page;
    }
}

fn ids<T>(rows: &[Paged<T>]) -> Vec<i64> {
    rows.iter().map(Paged::id).collect()
}

/// Pages both ways give the order of the whole read; the count and every row's place
/// agree.
fn assert_pages_match<T: Clone>(list: &KeysetList<'_, T>, whole: &[i64]) {
    assert_eq!(list.count().unwrap(), whole.len());
    for size in [1, 7, 50] {
        assert_eq!(ids(&forwards(list, size)), whole, "forwards by {size}");
        assert_eq!(ids(&backwards(list, size)), whole, "backwards by {size}");
    }
    for (place, row) in forwards(list, 50).iter().enumerate() {
        assert_eq!(list.before(&row.key).unwrap(), place);
        let key = list.key(row.id()).unwrap().unwrap();
        assert_eq!(key, row.key, "the key by id is the key in the page");
        let from = list.page(Page::From(&key), 1).unwrap();
        assert_eq!(ids(&from), [row.id()]);
    }
}

#[test]
fn library_pages_follow_the_library_order_with_swedish_titles_and_ties() {
    let mut store = memory_store();
    fill_lessons(&mut store);
    for filter in [
        LessonFilter::default(),
        LessonFilter {
            phase: Some(Phase::ALL[1]),
            ..Default::default()
        },
        LessonFilter {
            kind: Some(LessonKind::GoodExample),
            text: "RAMAVTAL".into(),
            ..Default::default()
        },
    ] {
        let whole: Vec<i64> = store
            .lessons_filtered(None, &filter, false)
            .unwrap()
            .iter()
            .map(|l| l.id)
            .collect();
        assert!(!whole.is_empty(), "{filter:?}");
        assert_pages_match(&store.library_lessons(&filter), &whole);
    }

    // Within each phase (and among the lessons without one, which come last): z, then
    // å ä ö; lower case among upper; equal titles by id.
    let list = store.library_lessons(&LessonFilter::default());
    let rows: Vec<Lesson> = forwards(&list, 50)
        .into_iter()
        .map(|r| r.row.unwrap())
        .collect();
    assert!(rows.last().unwrap().phase.is_none(), "no phase comes last");
    let phases: Vec<Option<Phase>> = std::iter::once(None)
        .chain(Phase::ALL.iter().copied().map(Some))
        .collect();
    let mut checked = 0;
    for phase in phases {
        let titles: Vec<&str> = rows
            .iter()
            .filter(|l| l.phase == phase)
            .map(|l| l.title.as_str())
            .collect();
        if titles.is_empty() {
            continue;
        }
        // The ones the phase has, in the order they must come.
        let places: Vec<usize> = ["beslut 0", "Zon 0", "Ålder 0", "Ärende 0", "Öppen dialog 0"]
            .iter()
            .filter_map(|t| titles.iter().position(|x| x == t))
            .collect();
        assert!(places.is_sorted(), "{titles:?}");
        checked += usize::from(places.len() >= 3);
    }
    assert!(checked > 0, "a phase with three of them");
    let mut ties = 0;
    for pair in rows.windows(2) {
        if pair[0].phase == pair[1].phase && pair[0].title == pair[1].title {
            assert!(pair[0].id < pair[1].id, "{}", pair[0].title);
            ties += 1;
        }
    }
    assert!(ties > 0, "two lessons with one title");
}

#[test]
fn directory_pages_follow_the_swedish_name_order_with_ties() {
    let mut store = memory_store();
    let org = store
        .create_organisation(&OrganisationInput {
            name: "Region Norr".into(),
            kind: OrgKind::ContractingAuthority,
        })
        .unwrap();
    for i in 0..120usize {
        let name = format!("{} {}", TITLES[i % TITLES.len()], i / 60);
        store
            .create_organisation(&OrganisationInput {
                name: name.clone(),
                kind: if i % 2 == 0 {
                    OrgKind::Supplier
                } else {
                    OrgKind::Other
                },
            })
            .unwrap();
        store
            .create_person(&PersonInput {
                name,
                organisation_name: if i % 3 == 0 {
                    "Region Norr".into()
                } else {
                    String::new()
                },
                title: String::new(),
                email: format!("p{i}@example.se"),
                phone: "0".repeat(i % 13),
            })
            .unwrap();
    }
    for filter in [
        OrganisationFilter::default(),
        OrganisationFilter {
            kind: Some(OrgKind::Supplier),
            text: "an".into(),
        },
    ] {
        let whole: Vec<i64> = store
            .list_organisations_filtered(&filter)
            .unwrap()
            .iter()
            .map(|o| o.id)
            .collect();
        assert_pages_match(&store.directory_organisations(&filter), &whole);
    }
    for filter in [
        PersonFilter::default(),
        PersonFilter {
            organisation_id: Some(org),
            ..Default::default()
        },
    ] {
        let whole: Vec<i64> = store
            .list_people_filtered(&filter)
            .unwrap()
            .iter()
            .map(|p| p.id)
            .collect();
        assert_pages_match(&store.directory_people(&filter), &whole);
        let people = store.list_people_filtered(&filter).unwrap();
        let widths = store.people_widths(&filter).unwrap();
        let widest = |f: fn(&Person) -> usize| people.iter().map(f).max().unwrap();
        assert_eq!(widths.name, widest(|p| p.name.chars().count()));
        assert_eq!(widths.email, widest(|p| p.email.chars().count()));
        assert_eq!(widths.phone, widest(|p| p.phone.chars().count()));
    }
    // Swedish order: "Zon" before "Ålder" before "Ärende" before "Öppen"; the three
    // "Anbud 0"/"anbud 0" (equal in Swedish order but for case) next to each other.
    let names: Vec<String> = forwards(&store.directory_people(&PersonFilter::default()), 10)
        .into_iter()
        .map(|p| p.row.unwrap().name)
        .collect();
    let at = |n: &str| names.iter().position(|x| x == n).unwrap();
    assert!(at("Zon 0") < at("Ålder 0") && at("Ålder 0") < at("Ärende 0"));
    assert!(at("Ärende 0") < at("Öppen dialog 0"));
    assert!(at("beslut 0") < at("Zon 0"));
    assert_eq!(
        store
            .people_widths(&PersonFilter {
                text: "ingen sådan".into(),
                ..Default::default()
            })
            .unwrap(),
        Default::default()
    );
}

#[test]
fn a_lesson_trashed_in_another_window_drops_out_of_the_next_page() {
    let dir = temp_dir();
    let path = db_path(&dir);
    let mut other = file_store(&path);
    let lessons = fill_lessons(&mut other);
    let store = file_store(&path);
    let list = store.library_lessons(&LessonFilter::default());
    let page = list.page(Page::First, 10).unwrap();
    let last = page.last().unwrap().clone();
    let next = list.page(Page::After(&last.key), 20).unwrap();
    // The other window trashes the next page's first row and the row the page ends on.
    other.trash(EntityKind::Lesson, next[0].id()).unwrap();
    other.trash(EntityKind::Lesson, last.id()).unwrap();
    let after = list.page(Page::After(&last.key), 10).unwrap();
    assert_eq!(ids(&after), ids(&next[1..11]));
    assert_eq!(list.count().unwrap(), lessons.len() - 2);
    // Its key still says where it was: the rows before it are counted.
    assert_eq!(list.before(&last.key).unwrap(), 9);
}

#[test]
fn an_unreadable_lesson_or_organisation_keeps_its_place_in_the_pages() {
    let mut store = memory_store();
    let lessons = fill_lessons(&mut store);
    let orgs: Vec<i64> = ["Bro", "Å", "Arkiv", "Ö"]
        .iter()
        .map(|name| {
            store
                .create_organisation(&OrganisationInput {
                    name: (*name).into(),
                    kind: OrgKind::Supplier,
                })
                .unwrap()
        })
        .collect();
    let list = store.library_lessons(&LessonFilter::default());
    let before = ids(&forwards(&list, 50));
    let bad = lessons[33];
    common::store::poison(&store, "lessons", bad, "kind = 'myt'");
    common::store::poison(&store, "organisations", orgs[0], "kind = 'okänd'");
    let list = store.library_lessons(&LessonFilter::default());
    let rows = forwards(&list, 7);
    assert_eq!(ids(&rows), before, "the same places");
    let place = before.iter().position(|&id| id == bad).unwrap();
    assert!(rows[place].row.is_none());
    assert_eq!(rows.iter().filter(|r| r.row.is_none()).count(), 1);
    assert_eq!(list.count().unwrap(), before.len());
    assert_eq!(
        list.before(&list.key(bad).unwrap().unwrap()).unwrap(),
        place
    );

    let orgs_list = store.directory_organisations(&OrganisationFilter::default());
    let rows = orgs_list.page(Page::First, 10).unwrap();
    let names: Vec<Option<String>> = rows
        .iter()
        .map(|r| r.row.as_ref().map(|o| o.name.clone()))
        .collect();
    assert_eq!(
        names,
        [
            Some("Arkiv".to_string()),
            None,
            Some("Å".into()),
            Some("Ö".into())
        ]
    );
    assert_eq!(rows[1].id(), orgs[0]);
}

#[test]
fn a_page_sorts_the_ids_then_reads_only_its_rows() {
    let store = memory_store();
    let plan = store
        .library_lessons(&LessonFilter::default())
        .page_plan()
        .unwrap()
        .join("\n");
    // One pass over the lessons for the page's ids (no index on the Swedish order, by
    // design), then only the page's rows read whole, by id.
    let lines: Vec<&str> = plan.lines().collect();
    assert_eq!(
        lines.iter().filter(|l| **l == "SCAN l").count(),
        1,
        "{plan}"
    );
    assert!(lines.contains(&"SCAN paged"), "{plan}");
    assert!(
        lines.contains(&"SEARCH l USING INTEGER PRIMARY KEY (rowid=?)"),
        "{plan}"
    );
}

// ----- on screen ------------------------------------------------------------------

fn drawn(app: &App) -> ratatui::buffer::Buffer {
    terminal(app, 80, 24).backend().buffer().clone()
}

/// 260 lessons "Lärdom 000" … "Lärdom 259", no phase: more than two windows.
fn library_app() -> (App, Vec<i64>) {
    let mut store = memory_store();
    let ids = (0..260)
        .map(|i| {
            store
                .create_lesson(&LessonInput {
                    project_id: None,
                    phase: None,
                    kind: LessonKind::Lesson,
                    title: format!("Lärdom {i:03}"),
                    context: String::new(),
                    what_happened: String::new(),
                    what_we_learned: String::new(),
                    recommendation: String::new(),
                    shareable: false,
                })
                .unwrap()
        })
        .collect();
    let mut app = App::new(store);
    ch(&mut app, '4');
    (app, ids)
}

fn assert_selected(app: &App, title: &str) {
    let buffer = drawn(app);
    assert!(
        is_highlighted(&buffer, title),
        "{title} selected:\n{}",
        buffer_text(&buffer)
    );
    assert_eq!(app.library.selected().unwrap().title, title);
}

#[test]
fn the_library_moves_past_its_window_and_to_the_end() {
    let (mut app, _) = library_app();
    assert_eq!(app.library.len(), 260);
    assert!(
        app.library.window.rows.len() <= 100,
        "a window, not the table"
    );
    assert!(buffer_text(&drawn(&app)).contains("Lessons library · 260"));
    for _ in 0..130 {
        ch(&mut app, 'j');
    }
    assert_selected(&app, "Lärdom 130");
    assert!(app.library.window.rows.len() <= 100);
    press(&mut app, KeyCode::End);
    assert_selected(&app, "Lärdom 259");
    assert_eq!(
        app.library.window.offset + app.library.window.rows.len(),
        260
    );
    ch(&mut app, 'k');
    assert_selected(&app, "Lärdom 258");
    press(&mut app, KeyCode::Home);
    assert_selected(&app, "Lärdom 000");
    // A write reloads the window where it was: `d` on row 0 then `y`.
    ch(&mut app, 'd');
    ch(&mut app, 'y');
    assert_eq!(app.library.len(), 259);
    assert_selected(&app, "Lärdom 001");
}

#[test]
fn go_to_a_lesson_far_down_the_library_clears_a_filter_that_hides_it() {
    let (mut app, ids) = library_app();
    // A filter that hides it: the kind.
    app.library.filter.kind = Some(LessonKind::GoodExample);
    app.go_to(EntityRef::new(EntityKind::Lesson, ids[217]));
    assert_eq!(app.screen(), Screen::Lessons);
    assert_eq!(app.library.filter, LessonFilter::default());
    assert_eq!(app.library.cursor.selected, 217);
    assert_selected(&app, "Lärdom 217");
    ch(&mut app, 'j');
    assert_selected(&app, "Lärdom 218");
    // Enter opens the lesson under the cursor.
    press(&mut app, KeyCode::Enter);
    assert!(buffer_text(&drawn(&app)).contains("Lärdom 218"));
}

#[test]
fn the_directory_pages_people_and_goes_to_one_far_down() {
    let mut store = memory_store();
    let mut ids = Vec::new();
    for i in 0..230 {
        ids.push(
            store
                .create_person(&PersonInput {
                    name: format!("Person {i:03}"),
                    organisation_name: String::new(),
                    title: String::new(),
                    email: format!("person{i:03}@example.se"),
                    phone: if i == 5 {
                        "+46 70 123 45 67".into()
                    } else {
                        String::new()
                    },
                })
                .unwrap(),
        );
    }
    let mut app = App::new(store);
    app.go_to(EntityRef::new(EntityKind::Person, ids[190]));
    assert_eq!(app.screen(), Screen::Directory);
    assert_eq!(app.directory.tab, DirectoryTab::People);
    assert_eq!(app.directory.person_cursor.selected, 190);
    assert!(app.directory.people.rows.len() <= 100);
    let screen = buffer_text(&drawn(&app));
    assert!(is_highlighted(&drawn(&app), "Person 190"), "{screen}");
    assert!(screen.contains("People (230)"), "{screen}");
    // The phone column is as wide as the widest phone, on a page without it.
    assert_eq!(app.directory.people_widths.phone, "+46 70 123 45 67".len());
    press(&mut app, KeyCode::End);
    assert!(is_highlighted(&drawn(&app), "Person 229"));
    press(&mut app, KeyCode::Home);
    assert!(is_highlighted(&drawn(&app), "Person 000"));
    // Enter on a person without an organisation opens nothing; the row is there.
    assert_eq!(app.directory.selected_person().unwrap().id, ids[0]);
}
