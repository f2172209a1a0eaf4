//! Long lists draw only the page the cursor is on (issue 15): the lessons library and
//! the directory's organisations and people hold thousands of rows at the large demo,
//! and building a table row for each of them on every frame cost more than the screen's
//! budget. These tests walk such lists past their first page at 80×24 and check that
//! the cursor's row is on screen and selected, the rows of other pages are not, and a
//! row that cannot be read keeps its place in the order.

mod common;

use crossterm::event::KeyCode;
use tidig::app::{App, DirectoryTab};
use tidig::domain::{LessonInput, LessonKind, OrgKind, OrganisationInput, PersonInput};
use tidig::store::Store;

use common::clock;
use common::screen::{buffer_text, ch, is_highlighted, press, terminal};

const ROWS: usize = 45;

fn drawn(app: &App) -> ratatui::buffer::Buffer {
    terminal(app, 80, 24).backend().buffer().clone()
}

/// The row named `name` is on screen and selected; `gone` is not on screen.
fn assert_on_selected(app: &App, name: &str, gone: &str) {
    let buffer = drawn(app);
    let screen = buffer_text(&buffer);
    assert!(is_highlighted(&buffer, name), "{name} selected:\n{screen}");
    assert!(
        !screen.contains(gone),
        "{gone} is on another page:\n{screen}"
    );
}

fn down(app: &mut App, times: usize) {
    for _ in 0..times {
        ch(app, 'j');
    }
}

#[test]
fn the_lessons_library_draws_the_page_of_the_cursor_with_the_unreadable_row_in_place() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let mut ids = Vec::new();
    for i in 0..ROWS {
        ids.push(
            store
                .create_lesson(&LessonInput {
                    project_id: None,
                    phase: None,
                    kind: LessonKind::Lesson,
                    title: format!("Lesson {i:02}"),
                    context: String::new(),
                    what_happened: String::new(),
                    what_we_learned: String::new(),
                    recommendation: String::new(),
                    shareable: false,
                })
                .unwrap(),
        );
    }
    let bad = ids[7];
    common::store::poison(&store, "lessons", bad, "kind = 'bogus'");
    let mut app = App::new(store);
    ch(&mut app, '4');
    assert_eq!(app.library.items().count(), ROWS - 1);
    assert_eq!(app.library.unreadable(), [bad]);
    assert_on_selected(&app, "Lesson 00", "Lesson 40");

    // The row that cannot be read keeps its place in the order.
    down(&mut app, 7);
    let unreadable = format!("unreadable row (id {bad})");
    assert_on_selected(&app, &unreadable, "Lesson 40");

    // Past the first page: the cursor's row, not the first ones.
    down(&mut app, 23);
    assert_eq!(app.library.cursor.selected, 30);
    assert_on_selected(&app, "Lesson 30", "Lesson 00");

    // The last row.
    press(&mut app, KeyCode::End);
    assert_eq!(app.library.cursor.selected, ROWS - 1);
    assert_on_selected(&app, "Lesson 44", "Lesson 00");

    // And back to the top.
    press(&mut app, KeyCode::Home);
    assert_on_selected(&app, "Lesson 00", "Lesson 44");
    assert!(buffer_text(&drawn(&app)).contains(&unreadable));
}

#[test]
fn the_directory_draws_the_page_of_the_cursor_on_both_tabs() {
    let mut store = Store::open_in_memory(clock()).unwrap();
    for i in 0..ROWS {
        store
            .create_organisation(&OrganisationInput {
                name: format!("Org {i:02}"),
                kind: OrgKind::Supplier,
            })
            .unwrap();
        store
            .create_person(&PersonInput {
                name: format!("Person {i:02}"),
                organisation_name: String::new(),
                title: String::new(),
                email: format!("p{i:02}@example.se"),
                phone: String::new(),
            })
            .unwrap();
    }
    let mut app = App::new(store);
    ch(&mut app, '5');
    assert_eq!(app.directory.tab, DirectoryTab::Organisations);
    assert_on_selected(&app, "Org 00", "Org 40");
    down(&mut app, 40);
    assert_on_selected(&app, "Org 40", "Org 00");
    press(&mut app, KeyCode::Home);
    assert_on_selected(&app, "Org 00", "Org 40");

    press(&mut app, KeyCode::Tab);
    assert_eq!(app.directory.tab, DirectoryTab::People);
    assert_on_selected(&app, "Person 00", "Person 44");
    press(&mut app, KeyCode::End);
    assert_on_selected(&app, "Person 44", "Person 00");
    // The e-mail column is as wide on every page (measured over all the people).
    assert!(buffer_text(&drawn(&app)).contains("p44@example.se"));
}
