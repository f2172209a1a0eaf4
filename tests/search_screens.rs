//! Search across everything (`/`) and the command palette (`:`, `Ctrl-P`) as a user
//! drives them: typing, choosing, opening where the item lives; snapshots at 80×24 and
//! 120×40 on the demo portfolio with the fixed clock.

mod common;

use crossterm::event::KeyCode;
use tidig::app::{
    Action, App, MeetingTab, Overlay, PaletteState, PaletteTarget, Screen, SearchState,
    keymap::Context,
};
use tidig::domain::{Confidentiality, EntityKind};

use common::screen::{ch, ctrl, press, render, snap, type_str};
use common::store::{count, memory_store};

fn demo_app() -> App {
    let mut store = memory_store();
    tidig::ops::demo::load(&mut store, common::now().date_naive()).expect("demo loads");
    App::new(store)
}

fn search_state(app: &App) -> &SearchState {
    match &app.overlay {
        Some(Overlay::Search(s)) => s,
        other => panic!("no search open: {other:?}"),
    }
}

fn palette_state(app: &App) -> &PaletteState {
    match &app.overlay {
        Some(Overlay::Palette(p)) => p,
        other => panic!("no palette open: {other:?}"),
    }
}

/// A note with a word found nowhere else, in the demo's first meeting: (meeting, note).
fn unique_note(app: &mut App) -> (i64, i64) {
    let meeting = count(
        &app.store,
        "SELECT id FROM meetings WHERE deleted_at IS NULL ORDER BY start_at LIMIT 1",
    );
    let note = app
        .store
        .create_note(
            meeting,
            None,
            "Leverantören visade en kolibrinäbb som mätare",
            Confidentiality::SupplierConfidential,
        )
        .unwrap();
    (meeting, note)
}

#[test]
fn slash_searches_from_any_screen_and_enter_lands_on_the_note_in_its_meeting() {
    let mut app = demo_app();
    let (meeting, note) = unique_note(&mut app);
    // From the actions screen, not only the portfolio.
    ch(&mut app, '3');
    ch(&mut app, '/');
    assert_eq!(app.context(), Context::Search);
    type_str(&mut app, "kolibri");
    let s = search_state(&app);
    assert_eq!(s.results.total(), 1);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("kolibrinäbb"), "{screen}");
    assert!(
        screen.contains("[Supplier]"),
        "the note's label shows:\n{screen}"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, None);
    assert_eq!(app.screen(), Screen::Meeting { id: meeting });
    let m = app.meeting.as_ref().unwrap();
    assert_eq!(m.tab, MeetingTab::Notes);
    assert_eq!(m.notes[m.cursor.selected].id, note);
    // Esc goes back to where the search started.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Actions);
}

#[test]
fn search_results_snapshots() {
    let mut app = demo_app();
    ch(&mut app, '/');
    snap!(&app, "search_empty");
    type_str(&mut app, "lulea");
    let s = search_state(&app);
    assert!(s.results.groups.len() > 1, "{:?}", s.results);
    snap!(&app, "search_lulea");
    // Down moves through the hits; Tab shows one kind only.
    press(&mut app, KeyCode::Down);
    assert_eq!(search_state(&app).cursor.selected, 1);
    press(&mut app, KeyCode::Tab);
    let s = search_state(&app);
    assert_eq!(s.kind, Some(s.results.groups[0].kind));
    assert_eq!(s.results.groups.len(), 1);
    snap!(&app, "search_lulea_one_kind");
    type_str(&mut app, "zzz");
    snap!(&app, "search_nothing");
}

#[test]
fn tab_steps_through_the_kinds_and_back_to_all() {
    let mut app = demo_app();
    ch(&mut app, '/');
    type_str(&mut app, "lulea");
    let kinds = search_state(&app).kinds.clone();
    for kind in &kinds {
        press(&mut app, KeyCode::Tab);
        assert_eq!(search_state(&app).kind, Some(*kind));
    }
    press(&mut app, KeyCode::Tab);
    assert_eq!(search_state(&app).kind, None);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(search_state(&app).kind, kinds.last().copied());
    // Typing again searches every kind.
    ch(&mut app, ' ');
    assert_eq!(search_state(&app).kind, None);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    assert_eq!(app.screen(), Screen::Portfolio);
}

#[test]
fn search_never_shows_a_trashed_project() {
    let mut app = demo_app();
    let (_, _) = unique_note(&mut app);
    let project = count(
        &app.store,
        "SELECT project_id FROM meetings WHERE deleted_at IS NULL ORDER BY start_at LIMIT 1",
    );
    app.store.trash(EntityKind::Project, project).unwrap();
    ch(&mut app, '/');
    type_str(&mut app, "kolibri");
    assert!(search_state(&app).results.groups.is_empty());
    assert!(render(&app, 80, 24).contains(tidig::text::search_nothing()));
}

#[test]
fn the_list_filter_is_on_f_and_capital_f_clears_it() {
    let mut app = demo_app();
    ch(&mut app, 'f');
    assert_eq!(app.context(), Context::FilterInput);
    type_str(&mut app, "lule");
    press(&mut app, KeyCode::Enter);
    let codes: Vec<&str> = app.portfolio.rows().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["LULE-25"]);
    assert_eq!(app.portfolio.filter.status, None);
    ch(&mut app, 'F');
    assert_eq!(app.portfolio.filter.text, "");
    assert!(app.portfolio.rows().count() > 1);
}

#[test]
fn palette_lists_every_command_with_its_key_and_greys_what_does_not_apply() {
    let mut app = demo_app();
    ch(&mut app, ':');
    assert_eq!(app.context(), Context::Palette);
    let p = palette_state(&app);
    let new = p
        .entries
        .iter()
        .find(|e| e.target == PaletteTarget::Action(Action::New))
        .unwrap();
    assert_eq!(new.key, "n");
    assert_eq!(new.disabled, None);
    let capture = p
        .entries
        .iter()
        .find(|e| e.target == PaletteTarget::Action(Action::CaptureDecision))
        .unwrap();
    assert_eq!(capture.key, "Alt-d");
    assert_eq!(capture.disabled.as_deref(), Some("only on Note editor"));
    // Those that apply come first.
    let first_disabled = p.entries.iter().position(|e| e.disabled.is_some()).unwrap();
    assert!(
        p.entries[first_disabled..]
            .iter()
            .all(|e| e.disabled.is_some())
    );
    snap!(&app, "palette_portfolio");

    // A greyed command says why and does nothing.
    type_str(&mut app, "line decision");
    let p = palette_state(&app);
    assert_eq!(
        p.selected().unwrap().target,
        PaletteTarget::Action(Action::CaptureDecision)
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Palette);
    assert_eq!(app.status.as_ref().unwrap().text, "only on Note editor");
}

#[test]
fn palette_runs_a_command_as_its_key_would() {
    let mut app = demo_app();
    ctrl(&mut app, 'p');
    type_str(&mut app, "trash");
    assert_eq!(
        palette_state(&app).selected().unwrap().target,
        PaletteTarget::Action(Action::GoTrash)
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, None);
    assert_eq!(app.screen(), Screen::Trash);
}

#[test]
fn palette_opens_projects_by_code_meetings_and_people() {
    let mut app = demo_app();
    let (code, project): (String, i64) = app
        .store
        .connection()
        .query_row(
            "SELECT code, id FROM projects WHERE deleted_at IS NULL ORDER BY code LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    // Fuzzy: the code without its hyphen.
    ch(&mut app, ':');
    type_str(&mut app, &code.replace('-', ""));
    snap!(&app, "palette_project_code");
    let p = palette_state(&app);
    assert_eq!(
        p.selected().unwrap().target,
        PaletteTarget::Item(tidig::domain::EntityRef::new(EntityKind::Project, project))
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Project { id: project });

    // A meeting, found by a word of its title.
    let (title, meeting): (String, i64) = app
        .store
        .connection()
        .query_row(
            "SELECT title, id FROM meetings WHERE deleted_at IS NULL
             AND title LIKE 'Behovsworkshop%' ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    ch(&mut app, ':');
    type_str(&mut app, &title);
    let p = palette_state(&app);
    let hit = p
        .entries
        .iter()
        .position(|e| {
            e.target
                == PaletteTarget::Item(tidig::domain::EntityRef::new(EntityKind::Meeting, meeting))
        })
        .expect("the meeting is listed");
    for _ in 0..hit {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Meeting { id: meeting });

    // A person: the directory on them.
    let (name, person): (String, i64) = app
        .store
        .connection()
        .query_row(
            "SELECT name, id FROM people WHERE deleted_at IS NULL ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    ch(&mut app, ':');
    type_str(&mut app, &name);
    assert_eq!(
        palette_state(&app).selected().unwrap().target,
        PaletteTarget::Item(tidig::domain::EntityRef::new(EntityKind::Person, person))
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Directory);
    press(&mut app, KeyCode::Esc);
}

#[test]
fn palette_on_a_read_only_store_greys_what_writes() {
    let app = demo_app();
    let dir = common::store::temp_dir();
    let path = common::store::db_path(&dir);
    app.store.backup(&path).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let store = tidig::store::Store::open(&path, common::clock()).unwrap();
    // A file without write permission is read-only, even to root.
    assert!(store.is_read_only());
    let mut app = App::new(store);
    ch(&mut app, ':');
    let p = palette_state(&app);
    let new = p
        .entries
        .iter()
        .find(|e| e.target == PaletteTarget::Action(Action::New))
        .unwrap();
    assert_eq!(
        new.disabled.as_deref(),
        Some(tidig::text::palette_read_only())
    );
}
