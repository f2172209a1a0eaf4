//! Text that is never cut without a way to read it: the full view of a row (`v`, or
//! `Enter` where it opens nothing else), the overview, meeting details and need screens
//! that scroll with a "↓ n more" marker, and the note editor that keeps its cursor line
//! in view across resizes.
//!
//! The fixture is built through the library API: NORR-24 with a goal of twelve
//! numbered paragraphs, a meeting with a long purpose and a long note, a decision with
//! a long rationale, and a need with a long evidence note. The clock is fixed at
//! Thursday 2026-11-26 12:00 UTC; screens are snapshotted at 80×24 and 120×40.

mod common;

use crossterm::event::KeyCode;
use ratatui::{Terminal, backend::TestBackend};
use tidig::{
    app::{App, MeetingTab, Overlay, ProjectTab, Screen, keymap::Context},
    catalog::{Lang, use_interface_lang_in_this_thread},
    domain::{
        Confidentiality, DecisionInput, MeetingFormat, MeetingInput, MeetingStatus, MeetingType,
        NeedInput, NotesStatus, Phase, ProjectInput, ProjectStatus,
    },
    store::Store,
};

use common::screen::{
    assert_footer_from_keymap, ch, meeting_tab, open_project, press, project_tab, render, snap,
};
use common::{clock, utc};

// ----- fixture ------------------------------------------------------------------------

/// Twelve numbered paragraphs, so that a test can tell which are on screen.
fn goal() -> String {
    (1..=12)
        .map(|i| {
            format!(
                "{i}. Nattillsynen ska ge brukaren trygghet utan att väcka hen, och \
                 personalen ska kunna se var de behövs mest under natten (mål {i})."
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const PURPOSE_END: &str = "och vi stämmer av tidplanen till sist.";
const DECISION: &str = "Pilotdriften startar i två kommuner under våren, med uppföljning varje månad av nattpersonalen och brukarna";
const RATIONALE_END: &str = "det minskar risken inför upphandlingen.";
const EVIDENCE_END: &str = "sa undersköterskan på nattpasset.";

/// The note the editor opens: forty numbered lines.
fn long_note() -> String {
    (1..=40)
        .map(|i| format!("rad {i:02}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn fixture() -> App {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let project = store
        .create_project(&ProjectInput {
            code: "NORR-24".into(),
            title: "Trygg nattillsyn i Norrbotten".into(),
            buyer_name: "Region Norrbotten".into(),
            goal: goal(),
            phase: Phase::EarlyDialogue,
            status: ProjectStatus::Active,
            ..Default::default()
        })
        .unwrap();
    let purpose = format!(
        "{}{PURPOSE_END}",
        "Vi går igenom vad leverantörerna har sagt om nattillsyn, vilka behov som är \
         validerade och vilka som återstår, hur piloten kan läggas upp i två kommuner, \
         vem som äger vilka frågor framåt, hur brukarnas anhöriga ska informeras, vilka \
         risker som finns med tekniken och hur personalen ska utbildas, vilka krav \
         på tillgänglighet som gäller, hur uppföljningen ska göras, vad som ska stå i \
         referensgruppens rapport, hur vi håller likabehandlingen i dialogen, "
            .repeat(3)
    );
    let meeting = store
        .create_meeting(
            project,
            &MeetingInput {
                kind: MeetingType::ProjectMeeting,
                title: "Projektmöte om piloten".into(),
                purpose,
                desired_outcome: "Ett beslut om pilotens upplägg.".into(),
                format: MeetingFormat::InPerson,
                location: "Luleå".into(),
                start: utc(2026, 11, 24, 9, 0),
                end: utc(2026, 11, 24, 11, 0),
                status: MeetingStatus::Held,
                notes_status: NotesStatus::Working,
            },
        )
        .unwrap();
    store
        .create_note(meeting, None, &long_note(), Confidentiality::Internal)
        .unwrap();
    store
        .create_decision(
            project,
            Some(meeting),
            &DecisionInput {
                text: DECISION.into(),
                rationale: format!(
                    "{}{RATIONALE_END}",
                    "Två kommuner med olika storlek ger en bild av både glesbygd och \
                     tätort, personalen har efterfrågat ett stegvis införande, och "
                        .repeat(8)
                ),
                decided_by: "Styrgruppen".into(),
                decided_on: common::date(2026, 11, 24),
            },
        )
        .unwrap();
    let need = store
        .create_need(
            project,
            &NeedInput::validate(
                "Nattpersonalen behöver veta att brukaren sover tryggt",
                "",
                "",
                "",
                "Trygghet",
                None,
                "Anna",
            )
            .unwrap(),
        )
        .unwrap();
    store
        .add_evidence(
            need,
            Some(meeting),
            None,
            "",
            &format!(
                "{}{EVIDENCE_END}",
                "Vi går in och tittar på varje brukare två gånger per natt och många vaknar \
                 av det, "
                    .repeat(3)
            ),
        )
        .unwrap();
    // A need whose "I need …" runs past its part of the need screen.
    store
        .create_need(
            project,
            &NeedInput::validate(
                "",
                "undersköterska på nattpasset",
                &format!(
                    "{}{NEED_END}",
                    "veta vilka brukare som sover och vilka som är vakna, utan att gå in i \
                     rummen, och kunna prioritera om rundan när något händer, "
                        .repeat(8)
                ),
                "brukarna får sova ostört",
                "Trygghet",
                None,
                "Anna",
            )
            .unwrap(),
        )
        .unwrap();
    App::new(store)
}

const NEED_END: &str = "även under helgerna.";

fn full_view(app: &App) -> &tidig::app::FullView {
    match &app.overlay {
        Some(Overlay::FullView(view)) => view,
        other => panic!("no full view open: {other:?}"),
    }
}

/// The project's decisions tab with the decision shown in full (`Enter`).
fn decision_in_full() -> App {
    let mut app = fixture();
    open_project(&mut app, "NORR-24");
    project_tab(&mut app, ProjectTab::Decisions);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::FullView);
    app
}

// ----- the full view ------------------------------------------------------------------

#[test]
fn enter_shows_a_decision_in_full_and_it_scrolls() {
    let mut app = decision_in_full();
    let view = full_view(&app);
    assert!(view.fields.iter().any(|(_, v)| v == DECISION));
    // At 80×24 the rationale runs past the dialog: a marker says how much is below.
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Pilotdriften startar"), "{screen}");
    assert!(screen.contains("↓ "), "{screen}");
    assert!(!screen.contains("upphandlingen."), "{screen}");
    // Words are never broken at the end of a line.
    for line in screen.lines() {
        assert!(
            !line.contains("stegvi│") && !line.contains("stegv "),
            "{line}"
        );
    }
    snap!(&app, "decision_in_full");
    // Keys scroll as far as the last frame had text: that frame is at 80×24 again.
    render(&app, 80, 24);

    // End shows the end of the text, and the marker what is above.
    press(&mut app, KeyCode::End);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("upphandlingen."), "{screen}");
    assert!(screen.contains("↑ "), "{screen}");
    // A key back up starts from what was shown, not from past the end.
    ch(&mut app, 'k');
    let screen = render(&app, 80, 24);
    assert!(screen.contains("↓ 1 more"), "{screen}");
    press(&mut app, KeyCode::Home);
    assert!(render(&app, 80, 24).contains("Pilotdriften startar"));

    // The keys are the keymap's; Esc closes, and nothing was changed.
    assert_footer_from_keymap(&app, Context::FullView);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    assert_eq!(app.context(), Context::ProjectDecisions);
    // `e` still edits.
    ch(&mut app, 'e');
    assert!(app.form.is_some());
}

#[test]
fn the_full_view_in_swedish() {
    use_interface_lang_in_this_thread(Lang::Sv);
    let app = decision_in_full();
    let screen = render(&app, 120, 40);
    for word in ["Beslut", "Motivering", "Beslutat av", "Styrgruppen"] {
        assert!(screen.contains(word), "no {word:?} on\n{screen}");
    }
    snap!(&app, "sv_decision_in_full");
}

#[test]
fn v_on_the_portfolio_shows_the_whole_goal() {
    let mut app = fixture();
    ch(&mut app, 'v');
    let view = full_view(&app);
    assert!(view.fields.iter().any(|(_, v)| *v == goal()));
    // Each paragraph of the goal keeps its own line; the last is reached by scrolling.
    assert!(!render(&app, 80, 24).contains("12. Nattillsynen"));
    press(&mut app, KeyCode::End);
    let screen = render(&app, 80, 24);
    assert!(
        screen.lines().any(|l| l.contains("│ 12. Nattillsynen")),
        "{screen}"
    );
    // `v` closes it again; Enter on the portfolio still opens the project.
    ch(&mut app, 'v');
    assert_eq!(app.overlay, None);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::Project { .. }));
}

#[test]
fn every_list_of_the_fixture_shows_its_row_in_full() {
    let mut app = fixture();
    open_project(&mut app, "NORR-24");
    for (tab, text) in [
        (ProjectTab::Overview, "Trygg nattillsyn i Norrbotten"),
        (ProjectTab::Meetings, PURPOSE_END),
        (ProjectTab::Needs, "Nattpersonalen behöver veta"),
        (ProjectTab::Decisions, RATIONALE_END),
    ] {
        project_tab(&mut app, tab);
        ch(&mut app, 'v');
        let view = full_view(&app);
        assert!(
            view.fields.iter().any(|(_, v)| v.contains(text)),
            "{tab:?}: {view:?}"
        );
        press(&mut app, KeyCode::Esc);
    }
    // A meeting's notes: `v` shows the note, Enter still opens the editor.
    project_tab(&mut app, ProjectTab::Meetings);
    press(&mut app, KeyCode::Enter);
    meeting_tab(&mut app, MeetingTab::Notes);
    ch(&mut app, 'v');
    assert!(
        full_view(&app)
            .fields
            .iter()
            .any(|(_, v)| *v == long_note())
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    assert!(app.editor.is_some());
}

#[test]
fn a_needs_evidence_note_is_read_in_full() {
    let mut app = fixture();
    open_project(&mut app, "NORR-24");
    project_tab(&mut app, ProjectTab::Needs);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::Need { .. }));
    // The table cuts the note with "…"; Enter on its row shows all of it.
    let screen = render(&app, 80, 24);
    assert!(!screen.contains("nattpasset."), "{screen}");
    press(&mut app, KeyCode::Enter);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("nattpasset."), "{screen}");
}

// ----- screens that scroll ------------------------------------------------------------

#[test]
fn a_needs_details_scroll_with_the_page_keys() {
    let mut app = fixture();
    open_project(&mut app, "NORR-24");
    project_tab(&mut app, ProjectTab::Needs);
    ch(&mut app, 'j');
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.need.as_ref().unwrap().need.code, "B-002");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("↓ "), "{screen}");
    assert!(!screen.contains("helgerna."), "{screen}");
    // The statement is written from the three parts, so the text is long: a page at
    // a time to its end.
    for _ in 0..4 {
        press(&mut app, KeyCode::PageDown);
        render(&app, 80, 24);
    }
    let screen = render(&app, 80, 24);
    assert!(screen.contains("helgerna."), "{screen}");
    assert!(screen.contains("↑ "), "{screen}");
    for _ in 0..4 {
        press(&mut app, KeyCode::PageUp);
    }
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Statement"), "{screen}");
}

#[test]
fn the_overview_scrolls_to_the_end_of_the_goal() {
    let mut app = fixture();
    open_project(&mut app, "NORR-24");
    project_tab(&mut app, ProjectTab::Overview);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("↓ "), "{screen}");
    assert!(!screen.contains("12. Nattillsynen"), "{screen}");
    for _ in 0..12 {
        ch(&mut app, 'j');
    }
    snap!(&app, "overview_scrolled");
    // Keys scroll as far as the last frame had text: that frame is at 80×24 again.
    let screen = render(&app, 80, 24);
    assert!(
        !screen.contains("Buyer"),
        "scrolled past the fields: {screen}"
    );
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("12. Nattillsynen"), "{screen}");
    assert!(screen.contains("↑ "), "{screen}");
    press(&mut app, KeyCode::Home);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Buyer"), "{screen}");
    // The phase keys still work there.
    assert_eq!(app.context(), Context::ProjectOverview);
}

#[test]
fn a_meetings_purpose_is_never_cut_without_a_way_to_read_it() {
    let mut app = fixture();
    open_project(&mut app, "NORR-24");
    project_tab(&mut app, ProjectTab::Meetings);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::MeetingDetails);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("↓ "), "{screen}");
    assert!(!screen.contains("tidplanen"), "{screen}");
    press(&mut app, KeyCode::End);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("tidplanen"), "{screen}");
    assert!(
        screen.contains("Ett beslut om pilotens upplägg."),
        "{screen}"
    );
}

// ----- the note editor across resizes -------------------------------------------------

/// Fits the app to the terminal's size and draws it, as the terminal loop does.
fn draw(terminal: &mut Terminal<TestBackend>, app: &mut App) -> String {
    let size = terminal.size().unwrap();
    tidig::tui::prepare_frame(app, size);
    terminal.draw(|f| tidig::ui::draw(f, app)).unwrap();
    common::screen::buffer_text(terminal.backend().buffer())
}

fn resize(terminal: &mut Terminal<TestBackend>, w: u16, h: u16) {
    terminal.backend_mut().resize(w, h);
    terminal
        .resize(ratatui::layout::Rect::new(0, 0, w, h))
        .unwrap();
}

#[test]
fn the_editor_keeps_its_cursor_line_in_view_across_resizes() {
    let mut app = fixture();
    open_project(&mut app, "NORR-24");
    project_tab(&mut app, ProjectTab::Meetings);
    press(&mut app, KeyCode::Enter);
    meeting_tab(&mut app, MeetingTab::Notes);
    press(&mut app, KeyCode::Enter);
    assert!(app.editor.is_some());
    // The cursor is at the end of the last line.
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let screen = draw(&mut terminal, &mut app);
    // 24 rows less the header, status, footer, the editor's heading and its frame: 18.
    assert!(
        screen.contains("rad 23") && screen.contains("rad 40"),
        "{screen}"
    );

    // Shrunk to four rows of text and back: the whole view is text again, ending with
    // the cursor's line, not the last line alone on top of blank rows.
    resize(&mut terminal, 80, 10);
    let small = draw(&mut terminal, &mut app);
    assert!(
        small.contains("rad 37") && small.contains("rad 40"),
        "{small}"
    );
    resize(&mut terminal, 80, 24);
    let screen = draw(&mut terminal, &mut app);
    assert!(
        screen.contains("rad 23") && screen.contains("rad 40"),
        "{screen}"
    );
    assert_eq!(app.editor.as_ref().unwrap().area.cursor().0, 39);

    // The cursor on line 5, a terminal of one text row, then a tall one: line 5 is in
    // view and the text fills the view around it.
    for _ in 0..35 {
        press(&mut app, KeyCode::Up);
    }
    draw(&mut terminal, &mut app);
    resize(&mut terminal, 80, 7);
    let tiny = draw(&mut terminal, &mut app);
    assert!(tiny.contains("rad 05"), "{tiny}");
    resize(&mut terminal, 80, 40);
    let tall = draw(&mut terminal, &mut app);
    assert!(tall.contains("rad 05"), "{tall}");
    assert!(
        tall.contains("rad 38"),
        "no blank rows below the text: {tall}"
    );
    // Typing goes where the cursor was.
    ch(&mut app, 'x');
    assert_eq!(app.editor.as_ref().unwrap().area.lines()[4], "rad 05x");
}

// ----- in the binary ------------------------------------------------------------------

#[test]
fn v_opens_the_full_view_in_the_binary_and_it_scrolls() {
    use common::pty::{Env, Spawn, TIMEOUT, wait_until};
    // A short terminal, so that a demo project's fields do not fit.
    let env = Env::with(Spawn {
        rows: 16,
        cols: 80,
        ..Spawn::default()
    });
    let mut s = env.spawn();
    s.wait_for("Welcome to tidig");
    s.send(b"D");
    s.wait_for("LULE-25");
    s.send(b"v");
    wait_until(s.parser(), "the project in full", TIMEOUT, |screen| {
        screen.contains("│ Code") && screen.contains("Case number") && screen.contains("↓ ")
    });
    s.send(b"jjj");
    wait_until(
        s.parser(),
        "the first fields scrolled away",
        TIMEOUT,
        |screen| !screen.contains("│ Code") && screen.contains("Case number"),
    );
    s.send(b"G");
    wait_until(s.parser(), "the goal at the end", TIMEOUT, |screen| {
        screen.contains("│ Goal") && screen.contains("↑ ")
    });
    s.send_esc();
    wait_until(s.parser(), "the portfolio again", TIMEOUT, |screen| {
        !screen.contains("Case number") && screen.contains("LULE-25")
    });
    s.send(b"q");
    assert!(s.wait_exit().success());
}
