//! The main screens in Swedish, at 80×24 and 120×40: the same app, the interface's
//! language set for this thread only (`LANG=sv_SE.UTF-8`, `language = "sv"` or
//! `--lang sv` set it for the whole program).

mod common;

use crossterm::event::KeyCode;
use tidig::app::{App, MeetingTab, ProjectTab};
use tidig::catalog::{Lang, use_interface_lang_in_this_thread};
use tidig::store::Store;

use common::clock;
use common::screen::{ch, meeting_tab, open_project, press, project_tab, render, snap};

fn swedish(app: App) -> App {
    use_interface_lang_in_this_thread(Lang::Sv);
    app
}

fn demo_app() -> App {
    let clock = clock();
    let mut store = Store::open_in_memory(clock).unwrap();
    tidig::ops::demo::load(&mut store, clock.today()).unwrap();
    swedish(App::new(store))
}

/// No English word of the interface is left on a screen that has Swedish ones.
fn assert_swedish(screen: &str, words: &[&str]) {
    for word in words {
        assert!(screen.contains(word), "no {word:?} on\n{screen}");
    }
    for english in [
        "Portfolio",
        "Meetings",
        "Needs",
        "Overview",
        " quit",
        " help",
        "Attention",
    ] {
        assert!(
            !screen.contains(english),
            "English {english:?} left on\n{screen}"
        );
    }
}

#[test]
fn welcome_in_swedish() {
    let app = swedish(App::new(Store::open_in_memory(clock()).unwrap()));
    assert_swedish(
        &render(&app, 120, 40),
        &["Välkommen", "skapa ditt första projekt"],
    );
    snap!(&app, "sv_welcome");
}

#[test]
fn portfolio_in_swedish() {
    let app = demo_app();
    assert_swedish(&render(&app, 120, 40), &["Portfölj", "I dag"]);
    snap!(&app, "sv_portfolio");
}

#[test]
fn project_tabs_in_swedish() {
    let mut app = demo_app();
    open_project(&mut app, "LULE-25");
    snap!(&app, "sv_project_attention");
    project_tab(&mut app, ProjectTab::Meetings);
    assert_swedish(&render(&app, 120, 40), &["Möten", "Behov"]);
    snap!(&app, "sv_project_meetings");
    project_tab(&mut app, ProjectTab::Needs);
    snap!(&app, "sv_project_needs");
}

/// The overview's labels are the longest in Swedish: each has its room, and a phase
/// that does not fit its column ends in `…`.
#[test]
fn project_overview_in_swedish() {
    let mut app = demo_app();
    open_project(&mut app, "LULE-25");
    project_tab(&mut app, ProjectTab::Overview);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Upphandlingsföremål Välfärdsteknik"),
        "{screen}"
    );
    assert!(
        screen.contains("Planerat förfarande Förhandlat"),
        "{screen}"
    );
    assert!(screen.contains("Annonsering och anb…│"), "{screen}");
    snap!(&app, "sv_project_overview");
}

#[test]
fn meeting_notes_in_swedish() {
    let mut app = demo_app();
    open_project(&mut app, "LULE-25");
    project_tab(&mut app, ProjectTab::Meetings);
    press(&mut app, KeyCode::Enter);
    meeting_tab(&mut app, MeetingTab::Notes);
    assert_swedish(&render(&app, 120, 40), &["Anteckningar"]);
    snap!(&app, "sv_meeting_notes");
}

#[test]
fn help_and_a_form_in_swedish() {
    let mut app = demo_app();
    ch(&mut app, '?');
    let screen = render(&app, 120, 40);
    assert!(screen.contains("avsluta"), "{screen}");
    snap!(&app, "sv_help");
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'n');
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Nytt projekt"), "{screen}");
    snap!(&app, "sv_new_project");
}

#[test]
fn actions_and_week_in_swedish() {
    let mut app = demo_app();
    ch(&mut app, '3');
    snap!(&app, "sv_actions");
    ch(&mut app, '2');
    snap!(&app, "sv_agenda");
}
