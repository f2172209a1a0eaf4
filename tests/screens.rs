//! Screen snapshots and user-visible behaviour of the TUI, driven through `App` with
//! key events exactly as a user types them, and drawn on ratatui's `TestBackend`.
//!
//! A fixed clock makes every timestamp (and so every snapshot) deterministic. Each
//! screen is snapshotted at 80×24 (the smallest common terminal) and 120×40.
//!
//! Snapshots show characters only, not colours, so the selected row is recognisable by
//! the table's `▶ ` highlight symbol.

mod common;

use crossterm::event::KeyCode;
use tidig::{
    app::{App, Overlay, Screen, keymap::Context},
    domain::ProjectStatus,
    store::Store,
};

use common::clock;
use common::screen::{
    ch, ctrl, help_rows, open_project, pick_facet, press, render, snap, type_str,
};

// ----- helpers ------------------------------------------------------------------------

fn empty_app() -> App {
    App::new(Store::open_in_memory(clock()).unwrap())
}

fn demo_app() -> App {
    let clock = clock();
    let mut store = Store::open_in_memory(clock).unwrap();
    tidig::ops::demo::load(&mut store, clock.today()).unwrap();
    App::new(store)
}

/// The code of the portfolio row the cursor is on.
fn selected_code(app: &App) -> String {
    app.portfolio.selected().map(|r| r.code.clone()).unwrap()
}

fn codes(app: &App) -> Vec<String> {
    app.portfolio.rows().map(|r| r.code.clone()).collect()
}

// ----- snapshots ----------------------------------------------------------------------

#[test]
fn portfolio_empty() {
    let app = empty_app();
    assert!(!app.portfolio.has_any);
    snap!(&app, "portfolio_empty");
}

#[test]
fn portfolio_populated() {
    let app = demo_app();
    assert_eq!(
        codes(&app),
        ["LULE-25", "MLM-SKOL", "RVB-26", "TRV-BRO", "UHEM-25"]
    );
    snap!(&app, "portfolio_populated");
}

#[test]
fn portfolio_filtered_by_text() {
    let mut app = demo_app();
    ch(&mut app, 'f');
    type_str(&mut app, "energi");
    assert_eq!(codes(&app), ["UHEM-25"]);
    // Still typing: the filter line is open.
    assert!(app.portfolio.filter_input.is_some());
    snap!(&app, "portfolio_filter_typing");
    // Enter keeps the filter and returns to the list.
    press(&mut app, KeyCode::Enter);
    assert!(app.portfolio.filter_input.is_none());
    assert_eq!(codes(&app), ["UHEM-25"]);
    snap!(&app, "portfolio_filtered_energi");
}

#[test]
fn portfolio_filter_without_match() {
    let mut app = demo_app();
    ch(&mut app, 'f');
    type_str(&mut app, "vård");
    press(&mut app, KeyCode::Enter);
    // "vård" only occurs in a milestone title, which the filter does not search.
    assert!(app.portfolio.rows().next().is_none());
    snap!(&app, "portfolio_filter_no_match");
}

#[test]
fn portfolio_filtered_by_status() {
    let mut app = demo_app();
    // The status is a facet, picked from the filter bar's menu.
    pick_facet(
        &mut app,
        "Status",
        tidig::domain::TextEnum::label(ProjectStatus::Active),
    );
    assert_eq!(app.portfolio.filter.status, Some(ProjectStatus::Active));
    assert_eq!(codes(&app), ["LULE-25", "RVB-26", "TRV-BRO", "UHEM-25"]);
    snap!(&app, "portfolio_status_active");
}

#[test]
fn project_form_with_errors() {
    let mut app = empty_app();
    ch(&mut app, 'n');
    assert!(app.form.is_some());
    snap!(&app, "project_form_new");
    // A code that starts with a digit, and no title.
    type_str(&mut app, "1ab");
    ctrl(&mut app, 's');
    let form = app.form.as_ref().expect("an invalid form stays open");
    assert_eq!(form.value("code"), "1AB", "codes are upper-cased as typed");
    assert!(form.errors.get("code").is_some());
    assert!(form.errors.get("title").is_some());
    assert_eq!(
        app.store.list_projects(&Default::default()).unwrap().len(),
        0
    );
    snap!(&app, "project_form_errors");
}

#[test]
fn project_form_over_a_populated_portfolio() {
    // The usual case: editing the selected project, with the list behind the dialog.
    let mut app = demo_app();
    ch(&mut app, 'j');
    ch(&mut app, 'e');
    let form = app.form.as_ref().expect("e opens the edit form");
    assert_eq!(form.value("code"), "MLM-SKOL");
    assert!(!form.is_dirty());
    snap!(&app, "project_form_edit");
}

#[test]
fn project_form_scrolls_to_focused_field() {
    let mut app = empty_app();
    ch(&mut app, 'n');
    // Shift-Tab from the first field wraps to the last one (tags).
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.form.as_ref().unwrap().focused().key, "tags");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("▶ Tags"), "{screen}");
    snap!(&app, "project_form_last_field");
}

#[test]
fn project_detail() {
    let mut app = demo_app();
    open_project(&mut app, "RVB-26");
    // A project opens on Attention; Overview is the next tab.
    assert_eq!(app.context(), Context::ProjectAttention);
    press(&mut app, KeyCode::Tab);
    snap!(&app, "project_overview");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.context(), Context::ProjectMeetings);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.context(), Context::ProjectNeeds);
    // The time plan is the last tab: Shift-Tab from Attention wraps to it.
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.context(), Context::TimePlan);
    snap!(&app, "project_time_plan");
}

#[test]
fn project_detail_long_texts() {
    // LULE-25 has the longest procedure and a two-line goal.
    let mut app = demo_app();
    open_project(&mut app, "LULE-25");
    press(&mut app, KeyCode::Tab);
    snap!(&app, "project_overview_long");
}

#[test]
fn help_overlay() {
    let mut app = demo_app();
    ch(&mut app, '?');
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
    snap!(&app, "help_portfolio");

    let mut app = demo_app();
    open_project(&mut app, "RVB-26");
    press(&mut app, KeyCode::Tab);
    ch(&mut app, '?');
    snap!(&app, "help_project");
}

#[test]
fn directory_tabs() {
    let mut app = demo_app();
    ch(&mut app, '5');
    assert_eq!(app.screen(), Screen::Directory);
    snap!(&app, "directory_organisations");
    press(&mut app, KeyCode::Tab);
    snap!(&app, "directory_people");
}

#[test]
fn delete_confirm_and_trash() {
    let mut app = demo_app();
    ch(&mut app, 'j'); // MLM-SKOL
    assert_eq!(selected_code(&app), "MLM-SKOL");
    ch(&mut app, 'd');
    assert!(matches!(app.overlay, Some(Overlay::Confirm { .. })));
    // Nothing happens before the answer.
    assert_eq!(app.portfolio.rows().count(), 5);
    snap!(&app, "confirm_delete_project");

    ch(&mut app, 'y');
    assert!(app.overlay.is_none());
    assert!(!codes(&app).contains(&"MLM-SKOL".to_string()));
    snap!(&app, "portfolio_after_delete");

    ch(&mut app, '6');
    assert_eq!(app.screen(), Screen::Trash);
    assert_eq!(app.trash.items.len(), 1);
    snap!(&app, "trash_one_project");
}

#[test]
fn trash_empty() {
    let mut app = empty_app();
    ch(&mut app, '6');
    snap!(&app, "trash_empty");
}

#[test]
fn discard_confirm_over_form() {
    let mut app = empty_app();
    ch(&mut app, 'n');
    type_str(&mut app, "NORR-24");
    press(&mut app, KeyCode::Esc);
    snap!(&app, "confirm_discard_form");
}

// ----- behaviour ----------------------------------------------------------------------

#[test]
fn creating_a_project_with_keys_lists_and_selects_it() {
    let mut app = demo_app();
    ch(&mut app, 'n');
    type_str(&mut app, "norr-24");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "Snöröjning med eldrivna fordon");
    ctrl(&mut app, 's');

    assert!(app.form.is_none(), "a valid form closes on Ctrl-S");
    let row = app
        .portfolio
        .rows()
        .find(|r| r.code == "NORR-24")
        .expect("the new project is listed");
    assert_eq!(row.title, "Snöröjning med eldrivna fordon");
    assert_eq!(
        selected_code(&app),
        "NORR-24",
        "the new project is selected"
    );
    assert_eq!(app.portfolio.rows().count(), 6);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Saved: NORR-24"), "{screen}");
    assert!(screen.contains("▶ NORR-24"), "{screen}");
    // No draft is left behind by a successful save.
    assert!(app.store.draft("project:new").unwrap().is_none());
}

#[test]
fn first_project_replaces_the_welcome_panel() {
    let mut app = empty_app();
    ch(&mut app, 'n');
    type_str(&mut app, "NORR-24");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "Snöröjning");
    ctrl(&mut app, 's');
    assert!(app.portfolio.has_any);
    let screen = render(&app, 80, 24);
    assert!(!screen.contains("Welcome to tidig"), "{screen}");
    assert!(screen.contains("NORR-24"), "{screen}");
}

#[test]
fn errors_follow_the_typing_after_a_failed_save() {
    let mut app = empty_app();
    ch(&mut app, 'n');
    type_str(&mut app, "1AB");
    ctrl(&mut app, 's');
    // Focus went to the first field with an error: the code. Fix it.
    assert_eq!(app.form.as_ref().unwrap().focused().key, "code");
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    type_str(&mut app, "AB1");
    let form = app.form.as_ref().unwrap();
    assert!(
        form.errors.get("code").is_none(),
        "fixed field loses its error"
    );
    assert!(form.errors.get("title").is_some(), "other errors stay");
}

#[test]
fn duplicate_code_is_reported_next_to_the_field() {
    let mut app = demo_app();
    ch(&mut app, 'n');
    type_str(&mut app, "RVB-26");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "Dubblett");
    ctrl(&mut app, 's');
    let form = app.form.as_ref().expect("form stays open");
    assert!(form.errors.get("code").is_some());
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("another project already has this code"),
        "{screen}"
    );
    assert_eq!(app.portfolio.rows().count(), 5);
}

/// Checks that the open help overlay lists exactly the keymap's help rows for the
/// context it was opened in (plus the global keys, outside modal contexts), in order.
fn assert_help_lists_keymap(app: &App, context: Context) {
    assert_eq!(
        app.overlay,
        Some(Overlay::Help { context, scroll: 0 }),
        "help opened for the wrong context"
    );
    // Tall enough for one column, which `help_rows` reads.
    let screen = render(app, 120, 50);
    let mut sections = vec![context];
    if !context.is_modal() {
        sections.push(Context::Global);
    }
    let mut expected: Vec<(String, String)> = Vec::new();
    for ctx in sections {
        assert!(screen.contains(ctx.title()), "no {:?} heading", ctx.title());
        for (keys, what) in app.keymap.help(ctx) {
            expected.push((keys, what.to_string()));
        }
    }
    for (keys, what) in &expected {
        let line = format!("  {keys:<20}{what}");
        assert!(screen.contains(&line), "help lacks {line:?}:\n{screen}");
    }
    assert_eq!(help_rows(&screen), expected, "\n{screen}");
}

#[test]
fn help_lists_exactly_the_keymap_of_the_context() {
    let mut app = demo_app();
    ch(&mut app, '?');
    assert_help_lists_keymap(&app, Context::Portfolio);
    ch(&mut app, '?');
    assert!(app.overlay.is_none(), "? closes help again");

    open_project(&mut app, "RVB-26");
    press(&mut app, KeyCode::Tab);
    ch(&mut app, '?');
    assert_help_lists_keymap(&app, Context::ProjectOverview);
    press(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
    assert!(
        matches!(app.screen(), Screen::Project { .. }),
        "Esc closed only help"
    );

    press(&mut app, KeyCode::Tab);
    ch(&mut app, '?');
    assert_help_lists_keymap(&app, Context::ProjectMeetings);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Tab);
    ch(&mut app, '?');
    assert_help_lists_keymap(&app, Context::ProjectNeeds);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Tab);
    ch(&mut app, '?');
    assert_help_lists_keymap(&app, Context::ProjectSuggestions);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Tab);
    ch(&mut app, '?');
    assert_help_lists_keymap(&app, Context::ProjectDecisions);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Tab);
    ch(&mut app, '?');
    assert_help_lists_keymap(&app, Context::ProjectInformation);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Tab);
    ch(&mut app, '?');
    assert_help_lists_keymap(&app, Context::ProjectLessons);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Tab);
    ch(&mut app, '?');
    assert_help_lists_keymap(&app, Context::TimePlan);
    ch(&mut app, 'q');
    assert!(!app.should_quit, "q in help closes help, it does not quit");
    assert!(app.overlay.is_none());

    ch(&mut app, '5');
    press(&mut app, KeyCode::F(1));
    assert_help_lists_keymap(&app, Context::Directory);
    press(&mut app, KeyCode::Esc);

    ch(&mut app, '6');
    ch(&mut app, '?');
    assert_help_lists_keymap(&app, Context::Trash);
    press(&mut app, KeyCode::Esc);

    // In a form F1 opens help (? is text there), listing only the form's keys.
    ch(&mut app, '1');
    ch(&mut app, 'n');
    ch(&mut app, '?');
    assert!(app.overlay.is_none());
    press(&mut app, KeyCode::F(1));
    assert_help_lists_keymap(&app, Context::Form);
}

#[test]
fn help_on_the_welcome_screen_lists_its_keys() {
    let mut app = empty_app();
    let context = app.context();
    ch(&mut app, '?');
    assert_help_lists_keymap(&app, context);
    let new = app.keymap.help(context);
    assert!(new.iter().any(|(k, w)| k == "n" && *w == "new"), "{new:?}");
}

#[test]
fn footer_shows_the_keys_in_effect() {
    let mut app = demo_app();
    let last_line = |app: &App| render(app, 120, 40).lines().last().unwrap().to_string();
    for (keys, what) in app.keymap.footer(Context::Portfolio) {
        assert!(last_line(&app).contains(&format!("{keys} {what}")));
    }
    ch(&mut app, 'n');
    let footer = last_line(&app);
    for (keys, what) in app.keymap.footer(Context::Form) {
        assert!(footer.contains(&format!("{keys} {what}")), "{footer}");
    }
    assert!(!footer.contains("quit"), "q types text in a form: {footer}");
}

#[test]
fn esc_on_a_dirty_form_asks_before_discarding() {
    let mut app = empty_app();
    ch(&mut app, 'n');
    type_str(&mut app, "NORR-24");
    press(&mut app, KeyCode::Esc);
    assert!(app.form.is_some(), "the form is still open");
    match &app.overlay {
        Some(Overlay::Confirm { message, .. }) => {
            assert_eq!(message, "Discard unsaved changes?")
        }
        other => panic!("expected a confirmation, got {other:?}"),
    }
    // "n" keeps the typed text.
    ch(&mut app, 'n');
    assert!(app.overlay.is_none());
    assert_eq!(app.form.as_ref().unwrap().value("code"), "NORR-24");
    // Esc then "y" discards it.
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'y');
    assert!(app.form.is_none());
    assert!(app.store.draft("project:new").unwrap().is_none());
    ch(&mut app, 'n');
    assert_eq!(app.form.as_ref().unwrap().value("code"), "");
}

#[test]
fn esc_on_a_clean_form_closes_it() {
    let mut app = empty_app();
    ch(&mut app, 'n');
    press(&mut app, KeyCode::Esc);
    assert!(app.form.is_none());
    assert!(app.overlay.is_none());
}

#[test]
fn letters_in_a_form_are_text_not_commands() {
    let mut app = demo_app();
    ch(&mut app, 'n');
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "q?56dnjk");
    assert!(!app.should_quit);
    assert!(app.overlay.is_none());
    assert_eq!(app.screen(), Screen::Portfolio);
    assert_eq!(app.form.as_ref().unwrap().value("title"), "q?56dnjk");
}

#[test]
fn ctrl_c_keeps_a_draft_that_the_form_restores() {
    let mut app = empty_app();
    ch(&mut app, 'n');
    type_str(&mut app, "NORR-24");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "Snöröjning");
    ctrl(&mut app, 'c');
    assert!(app.should_quit);
    let draft = app.store.draft("project:new").unwrap();
    assert!(draft.is_some(), "Ctrl-C left no draft");

    // Start again on the same store, as after a restart.
    let mut app = App::new(app.store);
    assert!(app.form.is_none());
    ch(&mut app, 'n');
    let form = app.form.as_ref().unwrap();
    assert_eq!(form.value("code"), "NORR-24");
    assert_eq!(form.value("title"), "Snöröjning");
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Restored your unsaved draft from 2026-11-26 12:00"),
        "{screen}"
    );
    assert!(screen.contains("NORR-24") && screen.contains("Snöröjning"));
    snap!(&app, "project_form_draft_restored");
}

#[test]
fn ctrl_c_with_a_clean_form_leaves_no_draft() {
    let mut app = empty_app();
    ch(&mut app, 'n');
    ctrl(&mut app, 'c');
    assert!(app.should_quit);
    assert!(app.store.draft("project:new").unwrap().is_none());
}

#[test]
fn filter_ignores_case_of_swedish_letters() {
    let mut app = demo_app();
    ch(&mut app, 'f');
    type_str(&mut app, "VÄLFÄRDSTEKNIK");
    assert_eq!(codes(&app), ["LULE-25"]);
    // Esc while typing clears the filter.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.portfolio.rows().count(), 5);
    assert!(app.portfolio.filter.text.is_empty());
}

#[test]
fn esc_clears_a_kept_filter_before_anything_else() {
    let mut app = demo_app();
    ch(&mut app, 'f');
    type_str(&mut app, "energi");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.portfolio.rows().count(), 1);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.portfolio.rows().count(), 5);
    let screen = render(&app, 80, 24);
    assert!(!screen.contains("filter energi"), "{screen}");
}

#[test]
fn trash_restore_brings_the_project_back() {
    let mut app = demo_app();
    ch(&mut app, 'd');
    ch(&mut app, 'y');
    assert_eq!(app.portfolio.rows().count(), 4);
    ch(&mut app, '6');
    ch(&mut app, 'r');
    assert!(app.trash.items.is_empty());
    ch(&mut app, '1');
    assert_eq!(app.portfolio.rows().count(), 5);
    assert!(codes(&app).contains(&"LULE-25".to_string()));
}

#[test]
fn confirm_no_keeps_the_project() {
    let mut app = demo_app();
    ch(&mut app, 'd');
    ch(&mut app, 'n');
    assert!(app.overlay.is_none());
    assert!(
        app.form.is_none(),
        "n answered the dialog, it did not open a form"
    );
    assert_eq!(app.portfolio.rows().count(), 5);
}

#[test]
fn every_screen_draws_at_tiny_sizes_without_panicking() {
    let mut app = demo_app();
    let sizes = [(1, 1), (10, 3), (20, 5), (40, 10), (60, 15)];
    let steps: &[fn(&mut App)] = &[
        |_| {},
        |a| ch(a, '?'),
        |a| ch(a, '?'),
        |a| press(a, KeyCode::Enter),
        |a| press(a, KeyCode::Tab),
        |a| ch(a, 'n'),
        |a| press(a, KeyCode::Esc),
        |a| ch(a, '5'),
        |a| press(a, KeyCode::Tab),
        |a| ch(a, '6'),
        |a| ch(a, '1'),
        |a| ch(a, 'd'),
    ];
    for step in steps {
        step(&mut app);
        for (w, h) in sizes {
            render(&app, w, h);
        }
    }
    let mut app = empty_app();
    for (w, h) in sizes {
        render(&app, w, h);
    }
    ch(&mut app, 'n');
    for (w, h) in sizes {
        render(&app, w, h);
    }
}
