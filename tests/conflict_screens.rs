//! The app without a terminal, with a second store connection playing the other
//! window: a form or the note editor whose row changed elsewhere is never saved over
//! it silently; the user reloads, keeps theirs, or sees both first.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use crossterm::event::KeyCode;
use tidig::app::keymap::Context;
use tidig::app::{App, MeetingTab, Overlay, ProjectTab};
use tidig::domain::{Confidentiality, EntityKind, ProjectInput};
use tidig::draft_files::DraftFiles;
use tidig::store::Store;

use common::clock;
use common::screen::{
    assert_footer_from_keymap, ch, ctrl, meeting_tab, open_project, press, project_tab, render,
    type_str,
};
use common::store::workshop_with_note;

/// A file store with NORR-24, a meeting and a note; the app on it; the note's id.
fn app_in(dir: &Path) -> (App, i64) {
    let db = dir.join("t.db");
    let mut store = Store::open(&db, clock()).unwrap();
    let note = workshop_with_note(&mut store, "Start.");
    let mut app = App::new(store);
    app.dirs.drafts = DraftFiles::for_store(&db, None);
    (app, note)
}

/// The other window.
fn other(dir: &Path) -> Store {
    Store::open(&dir.join("t.db"), clock()).unwrap()
}

fn open_note(app: &mut App) {
    open_project(app, "NORR-24");
    project_tab(app, ProjectTab::Meetings);
    press(app, KeyCode::Home);
    press(app, KeyCode::Enter);
    meeting_tab(app, MeetingTab::Notes);
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Context::NoteEditor);
}

fn retitle(store: &mut Store, title: &str) {
    let p = store.list_projects(&Default::default()).unwrap()[0].clone();
    let input = ProjectInput {
        code: p.code.clone(),
        title: title.into(),
        buyer_name: "Region Norrbotten".into(),
        phase: p.phase,
        status: p.status,
        ..Default::default()
    };
    store.update_project(p.id, &input).unwrap();
}

fn stored_title(app: &App) -> String {
    app.store.list_projects(&Default::default()).unwrap()[0]
        .title
        .clone()
}

/// The edit form of NORR-24 from the portfolio, its title field focused and `typed`
/// added to it.
fn edit_title(app: &mut App, typed: &str) {
    ch(app, 'e');
    assert_eq!(app.context(), Context::Form);
    press(app, KeyCode::Tab);
    type_str(app, typed);
}

#[test]
fn a_note_changed_elsewhere_stops_autosave_and_keep_mine_writes_it_after_seeing_both() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, id) = app_in(dir.path());
    open_note(&mut app);
    other(dir.path())
        .update_note_body(id, "Start. Från fönster B.")
        .unwrap();
    type_str(&mut app, " Från fönster A.");
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::Conflict);
    assert_footer_from_keymap(&app, Context::Conflict);
    assert_eq!(app.store.note(id).unwrap().body, "Start. Från fönster B.");
    let kept = app.editor.as_ref().unwrap().kept.clone();
    assert!(
        kept.is_some_and(|p| p.exists()),
        "the text is in a draft file"
    );

    // Decided later: typing goes on, autosave writes nothing.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::NoteEditor);
    type_str(&mut app, " Mer.");
    app.tick_at(Instant::now() + Duration::from_secs(10));
    assert_eq!(app.store.note(id).unwrap().body, "Start. Från fönster B.");

    // Asked again; see both, then keep mine.
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::Conflict);
    ch(&mut app, 'b');
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Start. Från fönster A. Mer."), "{screen}");
    assert!(screen.contains("Start. Från fönster B."), "{screen}");
    ch(&mut app, 'k');
    assert_eq!(app.context(), Context::NoteEditor);
    assert_eq!(
        app.store.note(id).unwrap().body,
        "Start. Från fönster A. Mer."
    );
    // Autosave works again.
    type_str(&mut app, " Sist.");
    app.tick_at(Instant::now() + Duration::from_secs(10));
    assert_eq!(
        app.store.note(id).unwrap().body,
        "Start. Från fönster A. Mer. Sist."
    );
}

#[test]
fn reloading_a_note_changed_elsewhere_takes_the_stored_text_and_label() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, id) = app_in(dir.path());
    open_note(&mut app);
    let mut b = other(dir.path());
    b.update_note_body(id, "B:s version").unwrap();
    b.set_note_confidentiality(id, Confidentiality::Shareable)
        .unwrap();
    type_str(&mut app, " A:s tillägg");
    app.tick_at(Instant::now() + Duration::from_secs(10));
    assert_eq!(
        app.context(),
        Context::Conflict,
        "autosave found the change"
    );
    ch(&mut app, 'r');
    let editor = app.editor.as_ref().unwrap();
    assert_eq!(editor.text(), "B:s version");
    assert_eq!(editor.confidentiality, Confidentiality::Shareable);
    assert!(editor.kept.is_none());
    type_str(&mut app, "!");
    ctrl(&mut app, 's');
    assert_eq!(app.store.note(id).unwrap().body, "B:s version!");
    assert_eq!(
        app.store.note(id).unwrap().confidentiality,
        Confidentiality::Shareable
    );
}

#[test]
fn the_editors_own_label_change_does_not_look_like_a_change_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, id) = app_in(dir.path());
    open_note(&mut app);
    type_str(&mut app, " Ett.");
    // Ctrl-L: the label, written with its own version check.
    ctrl(&mut app, 'l');
    type_str(&mut app, " Två.");
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::NoteEditor);
    let note = app.store.note(id).unwrap();
    assert_eq!(note.body, "Start. Ett. Två.");
    assert_ne!(note.confidentiality, Confidentiality::Internal);
}

#[test]
fn a_form_saved_over_a_change_elsewhere_asks_and_reload_shows_the_stored_row() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_in(dir.path());
    edit_title(&mut app, " (A)");
    retitle(&mut other(dir.path()), "Ändrat i fönster B");
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::Conflict);
    assert!(matches!(app.overlay, Some(Overlay::Conflict(_))));
    assert_eq!(stored_title(&app), "Ändrat i fönster B");

    // See both lists the title only (the field that differs).
    ch(&mut app, 'b');
    let Some(Overlay::Conflict(conflict)) = &app.overlay else {
        panic!("the conflict dialog stays");
    };
    let labels: Vec<&str> = conflict.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, [tidig::text::col_title()]);
    assert_eq!(conflict.rows[0].mine, "Hemtjänst i Norrbotten (A)");
    assert_eq!(conflict.rows[0].stored, "Ändrat i fönster B");

    ch(&mut app, 'r');
    assert_eq!(app.context(), Context::Form);
    assert_eq!(
        app.form.as_ref().unwrap().value("title"),
        "Ändrat i fönster B"
    );
    type_str(&mut app, "!");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "saved and closed");
    assert_eq!(stored_title(&app), "Ändrat i fönster B!");
}

#[test]
fn esc_on_the_question_leaves_the_form_open_and_the_next_save_asks_again() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_in(dir.path());
    edit_title(&mut app, " (A)");
    retitle(&mut other(dir.path()), "B");
    ctrl(&mut app, 's');
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::Form);
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::Conflict);
    ch(&mut app, 'k');
    assert!(app.form.is_none());
    assert_eq!(stored_title(&app), "Hemtjänst i Norrbotten (A)");
}

#[test]
fn a_form_opened_from_a_stale_list_shows_the_row_as_stored_now() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_in(dir.path());
    // The portfolio was loaded before the other window saved.
    retitle(&mut other(dir.path()), "Nyare titel");
    ch(&mut app, 'e');
    assert_eq!(app.form.as_ref().unwrap().value("title"), "Nyare titel");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, " igen");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "no conflict with what it showed");
    assert_eq!(stored_title(&app), "Nyare titel igen");
}

#[test]
fn a_draft_brought_back_later_still_finds_a_change_made_in_between() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_in(dir.path());
    edit_title(&mut app, " (A)");
    app.save_open_work();
    drop(app);
    // Meanwhile another window saves.
    retitle(&mut other(dir.path()), "B");
    let mut app = App::new(other(dir.path()));
    ch(&mut app, 'e');
    assert_eq!(
        app.form.as_ref().unwrap().value("title"),
        "Hemtjänst i Norrbotten (A)",
        "the draft is back"
    );
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::Conflict);
    assert_eq!(stored_title(&app), "B");
    let version = app.store.version(EntityKind::Project, 1).unwrap();
    assert!(version > 1);
}
