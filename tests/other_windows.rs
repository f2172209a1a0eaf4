//! Two windows on one store: what one writes, the other's screen shows within a second
//! (`app::other_windows`), without pulling a form or the note editor from under the
//! user.

mod common;

use std::time::{Duration, Instant};

use crossterm::event::KeyCode;
use tidig::app::App;
use tidig::app::other_windows::CHECK_EVERY;
use tidig::domain::PersonInput;

use common::screen::{ch, press};
use common::store::{db_path, file_store, temp_dir};

/// A store in a temporary folder, window B's connection to it, and window A's app
/// opened on it after `before` has run in B.
fn two_windows(
    before: impl FnOnce(&mut tidig::store::Store),
) -> (tempfile::TempDir, tidig::store::Store, App) {
    let dir = temp_dir();
    let path = db_path(&dir);
    let mut b = file_store(&path);
    before(&mut b);
    let app = App::new(file_store(&path));
    (dir, b, app)
}

fn add_person(store: &mut tidig::store::Store, name: &str) {
    let input = PersonInput::validate(name, "", "", "", "").unwrap();
    store.create_person(&input).unwrap();
}

#[test]
fn a_person_added_in_another_window_appears_in_the_directory() {
    let (_dir, mut b, mut app) = two_windows(|b| add_person(b, "Anna Berg"));
    ch(&mut app, '5');
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.directory.people.count, 1);

    add_person(&mut b, "Åke Ärlig");
    let start = Instant::now();
    app.tick_at(start);
    assert_eq!(
        app.directory.people.count, 2,
        "read again on the first tick"
    );
    let names: Vec<String> = (app.directory.people.rows.iter())
        .filter_map(|p| p.row.as_ref().map(|p| p.name.clone()))
        .collect();
    assert_eq!(names, ["Anna Berg", "Åke Ärlig"]);

    // Checked at most once a second.
    add_person(&mut b, "Örjan Öst");
    app.tick_at(start + CHECK_EVERY / 2);
    assert_eq!(app.directory.people.count, 2);
    app.tick_at(start + CHECK_EVERY);
    assert_eq!(app.directory.people.count, 3);
}

#[test]
fn an_open_form_is_left_alone_and_the_screen_catches_up_after() {
    let (_dir, mut b, mut app) = two_windows(|_| {});
    ch(&mut app, '5');
    press(&mut app, KeyCode::Tab);
    ch(&mut app, 'n');
    assert!(app.form.is_some());

    add_person(&mut b, "Åsa Öberg");
    let start = Instant::now() + Duration::from_secs(5);
    app.tick_at(start);
    assert!(app.form.is_some(), "the form stays open");
    assert_eq!(app.directory.people.count, 0);

    press(&mut app, KeyCode::Esc);
    app.tick_at(start + CHECK_EVERY);
    assert_eq!(app.directory.people.count, 1);
}

/// A row added above the cursor in another window does not move the cursor onto
/// another row: the next key acts on the row the user sees.
#[test]
fn the_cursor_stays_on_its_row_when_rows_come_above_it() {
    let (_dir, mut b, mut app) = two_windows(|b| {
        add_person(b, "Bo Berg");
        add_person(b, "Cia Carlsson");
    });
    ch(&mut app, '5');
    press(&mut app, KeyCode::Tab);
    ch(&mut app, 'j');
    assert_eq!(
        app.directory.selected_person().unwrap().name,
        "Cia Carlsson"
    );

    add_person(&mut b, "Adam Ahl");
    app.tick_at(Instant::now() + Duration::from_secs(5));
    assert_eq!(app.directory.people.count, 3);
    assert_eq!(
        app.directory.selected_person().unwrap().name,
        "Cia Carlsson"
    );
    assert_eq!(app.directory.person_cursor.selected, 2);
}

/// The screens that cannot keep the cursor on its row are read again when the user
/// comes back to them, as before: the trash is not read again under the user.
#[test]
fn other_screens_are_read_again_when_shown() {
    let (_dir, mut b, mut app) = two_windows(|b| add_person(b, "Åsa Öberg"));
    ch(&mut app, '6');
    assert_eq!(app.trash.count, 0);
    let person: i64 = (b.connection())
        .query_row("SELECT id FROM people", [], |r| r.get(0))
        .unwrap();
    b.trash(tidig::domain::EntityKind::Person, person).unwrap();
    app.tick_at(Instant::now() + Duration::from_secs(5));
    assert_eq!(app.trash.count, 0, "not read under the user");
    ch(&mut app, '1');
    ch(&mut app, '6');
    assert_eq!(app.trash.count, 1, "read when shown");
}
