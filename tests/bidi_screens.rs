//! Bidirectional controls in stored text (an RLO in a project title, an LRI in a
//! meeting title or a note) are shown on screen as what they are, `⟨RLO⟩`, never
//! obeyed: they would reorder the line around them.

mod common;

use crossterm::event::KeyCode;
use tidig::app::{App, MeetingTab, ProjectTab};
use tidig::domain::{Confidentiality, Phase, ProjectInput, ProjectStatus};

use common::screen::{meeting_tab, open_project, press, project_tab, render, snap};
use common::store::{meeting_input, memory_store};
use common::utc;

const TITLE: &str = "Fakturor \u{202E}exe.fdp\u{202C} i Norrbotten";
const MEETING: &str = "Dialog \u{2067}med leverantörer\u{2069}";
const NOTE: &str = "Anteckning \u{202D}LRO här";

fn app() -> App {
    let mut store = memory_store();
    let project = store
        .create_project(&ProjectInput {
            code: "NORR-24".into(),
            title: TITLE.into(),
            buyer_name: "Region \u{202B}Norrbotten".into(),
            phase: Phase::EarlyDialogue,
            status: ProjectStatus::Active,
            ..Default::default()
        })
        .unwrap();
    let meeting = store
        .create_meeting(
            project,
            &meeting_input(MEETING, utc(2026, 11, 27, 9, 0), utc(2026, 11, 27, 11, 0)),
        )
        .unwrap();
    store
        .create_note(meeting, None, NOTE, Confidentiality::Internal)
        .unwrap();
    App::new(store)
}

fn assert_named_never_raw(screen: &str, names: &[&str]) {
    // A name may end a cell that is cut ("Region ⟨RLE…"): its start is always there.
    for name in names {
        assert!(screen.contains(&format!("⟨{name}")), "{name} in\n{screen}");
    }
    assert!(
        !screen
            .chars()
            .any(|c| tidig::domain::visible::bidi_name(c).is_some()),
        "a raw bidi control on screen:\n{screen}"
    );
}

#[test]
fn bidi_controls_in_stored_text_are_named_on_every_screen() {
    let mut app = app();
    assert_named_never_raw(&render(&app, 120, 40), &["RLO", "PDF", "RLE"]);
    snap!(&app, "bidi_portfolio");

    open_project(&mut app, "NORR-24");
    assert_named_never_raw(&render(&app, 120, 40), &["RLO", "RLE"]);
    project_tab(&mut app, ProjectTab::Meetings);
    assert_named_never_raw(&render(&app, 120, 40), &["RLI", "PDI"]);
    press(&mut app, KeyCode::Enter);
    // The breadcrumb and the meeting's header.
    assert_named_never_raw(&render(&app, 80, 24), &["RLI", "PDI"]);
    meeting_tab(&mut app, MeetingTab::Notes);
    assert_named_never_raw(&render(&app, 120, 40), &["LRO"]);
    snap!(&app, "bidi_meeting_notes");
}
