//! Notes in the TUI: a meeting's Notes and Outcomes tabs, the note editor (labels,
//! blocks, autosave, undo/redo, Unicode and large pastes), quick capture of actions,
//! decisions and questions from the editor, the actions screen across projects, a
//! project's decisions and the meeting-notes export form.
//!
//! The fixture is built here through the library API (not the demo, which changes):
//! two projects; in NORR-24 a held supplier workshop on Tuesday 24 November with three
//! agenda blocks, notes with every label (meeting-wide and per block, one with wide
//! characters and emoji), decisions, actions due in every bucket (overdue, today, this
//! week, later, none, done) and open questions; in VGR-7 one overdue action of its own.
//! The clock is fixed at Thursday 2026-11-26 12:00 UTC and `Clock::Fixed` shows times
//! in UTC, so every snapshot is deterministic.
//!
//! The app is driven with key events as a user types them; screens are snapshotted at
//! 80×24 and 120×40. Behaviour is checked in the store, not only on screen.

mod common;

use std::time::Duration;

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode};
use tidig::{
    app::{App, Effect, MeetingTab, ProjectTab, Screen, StatusKind, keymap::Context},
    domain::{
        ActionStatus, AgendaItemInput, Confidentiality, DecisionInput, EntityKind, MeetingFormat,
        MeetingInput, MeetingStatus, MeetingType, NotesStatus,
    },
    store::{ActionFilter, Store},
};

use common::screen::{
    alt, assert_footer_from_keymap, assert_help_from_keymap, ch, ctrl, line_with, meeting_tab,
    press, project_tab, render, row_of, shift, snap, type_str,
};
use common::store::{action, norr, vgr};
use common::{clock, today, utc};

// ----- fixture ------------------------------------------------------------------------

fn day(month: u32, d: u32) -> NaiveDate {
    common::date(2026, month, d)
}

const WORKSHOP: &str = "Leverantörsworkshop om planering";
const BLOCK_INTRO: &str = "Inledning";
const BLOCK_SUPPLIERS: &str = "Leverantörernas bild";
const BLOCK_QUESTIONS: &str = "Frågor och svar";

const NOTE_WHOLE: &str = "Välkomna och presentationsrunda.\nSju leverantörer deltog.";
const NOTE_INTRO: &str = "Vi behöver förtydliga tidplanen internt innan nästa möte.";
const NOTE_SECRET: &str = "Omsorgsdata AB: 40 kr per brukare och månad.\nMobilapp planerad Q3.";
const NOTE_BULLETS: &str =
    "- Längre avtalstid önskas\n- Öppna gränssnitt är viktigt\n- Pilot i två kommuner föreslogs";
const NOTE_WIDE: &str = "Stöd för 漢字 och emoji 😀 i appen?";
const NOTE_PERSONAL: &str = "Påminn mig: ring Sara om semestern.";

const A_OVERDUE: &str = "Skicka minnesanteckningar";
const A_TODAY: &str = "Boka lokal för nästa workshop";
const A_WEEK: &str = "Sammanställa leverantörernas frågor";
const A_LATER: &str = "Uppdatera behovslistan";
const A_NONE: &str = "Kontakta IT om gränssnitt";
const A_DONE: &str = "Publicera frågor och svar";
const A_OTHER: &str = "Beställa marknadsanalys";

/// The ids the tests need.
struct Ids {
    norr: i64,
    vgr: i64,
    meeting: i64,
    blocks: [i64; 3],
    /// Note ids in the order of the constants: whole, intro, secret, bullets, wide,
    /// personal.
    notes: [i64; 6],
}

fn block(title: &str, minutes: u32) -> AgendaItemInput {
    AgendaItemInput {
        title: title.into(),
        minutes,
        method: String::new(),
        owner: "Anna".into(),
        expected_outcome: String::new(),
    }
}

fn fixture() -> (App, Ids) {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let ids = seed(&mut store);
    (App::new(store), ids)
}

/// The fixture in a store file, for tests that quit and start again.
fn fixture_in(path: &std::path::Path) -> (App, Ids) {
    let mut store = Store::open(path, clock()).unwrap();
    let ids = seed(&mut store);
    (App::new(store), ids)
}

fn seed(store: &mut Store) -> Ids {
    let norr = norr(store);
    let vgr = vgr(store);

    let start = utc(2026, 11, 24, 9, 0);
    let meeting = store
        .create_meeting(
            norr,
            &MeetingInput {
                kind: MeetingType::SupplierWorkshop,
                title: WORKSHOP.into(),
                purpose: "Höra hur leverantörerna ser på digital planering.".into(),
                desired_outcome: String::new(),
                format: MeetingFormat::InPerson,
                location: "Stadshuset, sal 3".into(),
                start,
                end: start + chrono::Duration::hours(2),
                status: MeetingStatus::Held,
                notes_status: NotesStatus::None,
            },
        )
        .unwrap();
    let blocks = [
        store
            .add_agenda_item(meeting, &block(BLOCK_INTRO, 15))
            .unwrap(),
        store
            .add_agenda_item(meeting, &block(BLOCK_SUPPLIERS, 60))
            .unwrap(),
        store
            .add_agenda_item(meeting, &block(BLOCK_QUESTIONS, 45))
            .unwrap(),
    ];

    use Confidentiality::*;
    let notes = [
        store
            .create_note(meeting, None, NOTE_WHOLE, Shareable)
            .unwrap(),
        store
            .create_note(meeting, Some(blocks[0]), NOTE_INTRO, Internal)
            .unwrap(),
        store
            .create_note(meeting, Some(blocks[1]), NOTE_SECRET, SupplierConfidential)
            .unwrap(),
        store
            .create_note(meeting, Some(blocks[1]), NOTE_BULLETS, Shareable)
            .unwrap(),
        store
            .create_note(meeting, Some(blocks[2]), NOTE_WIDE, Internal)
            .unwrap(),
        store
            .create_note(meeting, Some(blocks[2]), NOTE_PERSONAL, Personal)
            .unwrap(),
    ];

    store
        .create_decision(
            norr,
            Some(meeting),
            &DecisionInput {
                text: "Pilot i två kommuner".into(),
                rationale: "Stort intresse från leverantörerna".into(),
                decided_by: "Styrgruppen".into(),
                decided_on: day(11, 24),
            },
        )
        .unwrap();
    store
        .create_decision(
            norr,
            None,
            &DecisionInput {
                text: "Förlänga dialogfasen till januari".into(),
                rationale: "Fler leverantörer vill delta".into(),
                decided_by: "Projektledaren".into(),
                decided_on: day(11, 10),
            },
        )
        .unwrap();

    use ActionStatus::{Done, InProgress, Open};
    let m = Some(meeting);
    for a in [
        action(A_OVERDUE, "Anna", Some(day(11, 20)), Open),
        action(A_TODAY, "Erik", Some(today()), Open),
        action(A_WEEK, "Sara", Some(day(11, 28)), InProgress),
        action(A_LATER, "Anna", Some(day(12, 10)), Open),
        action(A_NONE, "Erik", None, Open),
        action(A_DONE, "Anna", Some(day(11, 23)), Done),
    ] {
        store.create_action(norr, m, &a).unwrap();
    }
    store
        .create_action(vgr, None, &action(A_OTHER, "Sara", Some(day(11, 25)), Open))
        .unwrap();

    store
        .create_question(meeting, "Hur hanteras licenser vid fler användare?")
        .unwrap();
    let answered = store
        .create_question(meeting, "Finns det krav på e-legitimation?")
        .unwrap();
    store.answer_question(answered, "Ja, BankID.").unwrap();

    Ids {
        norr,
        vgr,
        meeting,
        blocks,
        notes,
    }
}

// ----- moving about -------------------------------------------------------------------

/// Portfolio → the project with `code` (on the tab it was left on).
fn open_project(app: &mut App, code: &str) {
    ch(app, '1');
    common::screen::open_project(app, code);
}

/// Portfolio → NORR-24 → Meetings tab → Enter on the workshop → `tab`.
fn open_meeting_on(app: &mut App, tab: MeetingTab) {
    open_project(app, "NORR-24");
    project_tab(app, ProjectTab::Meetings);
    assert_eq!(app.context(), Context::ProjectMeetings);
    press(app, KeyCode::Home);
    press(app, KeyCode::Enter);
    let state = app.meeting.as_ref().expect("the meeting is open");
    assert_eq!(state.meeting.title, WORKSHOP);
    meeting_tab(app, tab);
}

/// The Notes tab's cursor onto the note with `id`.
fn select_note(app: &mut App, id: i64) {
    press(app, KeyCode::Home);
    loop {
        let state = app.meeting.as_ref().unwrap();
        if state.notes.get(state.cursor.selected).map(|n| n.id) == Some(id) {
            return;
        }
        let before = state.cursor.selected;
        ch(app, 'j');
        assert_ne!(
            before,
            app.meeting.as_ref().unwrap().cursor.selected,
            "note {id} not on the Notes tab"
        );
    }
}

/// Opens the editor on the note with `id` (Enter on the Notes tab).
fn edit_note(app: &mut App, id: i64) {
    select_note(app, id);
    press(app, KeyCode::Enter);
    let editor = app.editor.as_ref().expect("Enter opens the editor");
    assert_eq!(editor.note_id, id);
    assert_eq!(app.context(), Context::NoteEditor);
}

/// The editor's text (the text area, not the store).
fn editor_text(app: &App) -> String {
    app.editor.as_ref().expect("editor open").text()
}

/// The editor's cursor onto line `row` (0-based) with Up/Down.
fn editor_to_line(app: &mut App, row: usize) {
    for _ in 0..200 {
        let at = app.editor.as_ref().unwrap().area.cursor().0;
        match at.cmp(&row) {
            std::cmp::Ordering::Equal => return,
            std::cmp::Ordering::Less => press(app, KeyCode::Down),
            std::cmp::Ordering::Greater => press(app, KeyCode::Up),
        }
    }
    panic!("could not reach line {row}");
}

fn note_body(app: &App, id: i64) -> String {
    app.store.note(id).unwrap().body
}

/// The title of the actions screen's selected action.
fn selected_action(app: &App) -> Option<String> {
    app.actions.selected().map(|a| a.title.clone())
}

/// Moves the actions screen's cursor to `title`.
fn select_action(app: &mut App, title: &str) {
    press(app, KeyCode::Home);
    while selected_action(app).as_deref() != Some(title) {
        let before = app.actions.cursor.selected;
        ch(app, 'j');
        assert_ne!(before, app.actions.cursor.selected, "{title} not listed");
    }
}

fn action_titles(app: &App) -> Vec<&str> {
    app.actions.items().map(|a| a.title.as_str()).collect()
}

// ----- the Notes tab ------------------------------------------------------------------

#[test]
fn notes_tab_groups_notes_by_block_with_their_labels() {
    let (mut app, _) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    assert_eq!(app.context(), Context::MeetingNotes);
    snap!(&app, "notes_tab");

    let screen = render(&app, 120, 40);
    // Headings in agenda order, the meeting as a whole first.
    let headings = [
        "The meeting as a whole",
        BLOCK_INTRO,
        BLOCK_SUPPLIERS,
        BLOCK_QUESTIONS,
    ];
    let rows: Vec<usize> = headings.iter().map(|h| row_of(&screen, h)).collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "{rows:?}\n{screen}");
    // Every label is visible next to its note's first line.
    for (label, first_line) in [
        ("[Shareable]", "Välkomna och presentationsrunda."),
        ("[Internal]", "Vi behöver förtydliga tidplanen"),
        ("[Supplier confidential]", "Omsorgsdata AB: 40 kr"),
        ("[Shareable]", "- Längre avtalstid önskas"),
        ("[Internal]", "Stöd för 漢字 och emoji"),
        ("[Personal]", "Påminn mig"),
    ] {
        assert!(
            line_with(&screen, first_line).contains(label),
            "{label} by {first_line:?}:\n{screen}"
        );
    }
    // Multi-line notes say how much more there is.
    assert!(line_with(&screen, "- Längre avtalstid").contains("(+2 more)"));
}

#[test]
fn l_cycles_the_selected_notes_label_in_the_store() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    let id = ids.notes[0];
    select_note(&mut app, id);
    use Confidentiality::*;
    for expected in [Internal, SupplierConfidential, Personal, Shareable] {
        ch(&mut app, 'l');
        assert_eq!(app.store.note(id).unwrap().confidentiality, expected);
        // The list follows, and the same note stays selected.
        let state = app.meeting.as_ref().unwrap();
        assert_eq!(state.notes[state.cursor.selected].id, id);
        assert_eq!(state.notes[state.cursor.selected].confidentiality, expected);
    }
}

#[test]
fn b_moves_the_selected_note_to_the_next_agenda_block() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    let id = ids.notes[0];
    let block_of = |app: &App| app.store.note(id).unwrap().agenda_item_id;
    assert_eq!(block_of(&app), None);
    // The meeting as a whole → each block in agenda order → the meeting again.
    for expected in [
        Some(ids.blocks[0]),
        Some(ids.blocks[1]),
        Some(ids.blocks[2]),
        None,
    ] {
        select_note(&mut app, id);
        ch(&mut app, 'b');
        assert_eq!(block_of(&app), expected);
        assert_eq!(app.status.as_ref().unwrap().kind, StatusKind::Info);
    }
    let status = &app.status.as_ref().unwrap().text;
    assert!(status.contains("The meeting as a whole"), "{status}");
}

/// After `b` the moved note is listed under its new block, but the cursor keeps its
/// row number, so it may point at another note: pressing `b` again moves that one.
#[test]
fn b_keeps_the_moved_note_selected() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    // The last block's first note moves to the meeting as a whole, near the top.
    select_note(&mut app, ids.notes[4]);
    ch(&mut app, 'b');
    assert_eq!(app.store.note(ids.notes[4]).unwrap().agenda_item_id, None);
    let state = app.meeting.as_ref().unwrap();
    assert_eq!(state.notes[state.cursor.selected].id, ids.notes[4]);
}

// ----- the editor ---------------------------------------------------------------------

#[test]
fn editor_shows_the_notes_label_and_block() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    edit_note(&mut app, ids.notes[2]);
    assert_eq!(editor_text(&app), NOTE_SECRET);
    snap!(&app, "editor");

    for (w, h) in [(80, 24), (120, 40)] {
        let screen = render(&app, w, h);
        let head = line_with(&screen, "[Supplier confidential]");
        assert!(head.contains(BLOCK_SUPPLIERS), "{w}×{h}:\n{screen}");
        assert!(
            screen.contains("Mobilapp planerad Q3."),
            "{w}×{h}:\n{screen}"
        );
    }

    // Ctrl-L (or F9) changes the label from inside the editor, in the store at once.
    ctrl(&mut app, 'l');
    assert_eq!(
        app.store.note(ids.notes[2]).unwrap().confidentiality,
        Confidentiality::Personal
    );
    assert!(render(&app, 120, 40).contains("[Personal]  Leverantörernas bild"));
    press(&mut app, KeyCode::F(9));
    assert_eq!(
        app.store.note(ids.notes[2]).unwrap().confidentiality,
        Confidentiality::Shareable
    );
    // Typing letters that are keys elsewhere (l, b, q, 3) only types.
    press(&mut app, KeyCode::End);
    type_str(&mut app, " lbq3");
    assert!(editor_text(&app).ends_with("Q3. lbq3"));
    assert_eq!(app.context(), Context::NoteEditor);
    assert!(!app.should_quit);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("● unsaved"), "{screen}");
}

#[test]
fn editor_on_a_note_with_wide_characters() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    edit_note(&mut app, ids.notes[4]);
    snap!(&app, "editor_wide_characters");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("漢字"), "{screen}");
}

#[test]
fn typing_is_saved_after_a_pause_on_tick() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    let id = ids.notes[1];
    edit_note(&mut app, id);
    type_str(&mut app, " Anna tar det.");
    let expected = format!("{NOTE_INTRO} Anna tar det.");
    assert_eq!(editor_text(&app), expected);
    // A tick right away is within the pause: nothing is written yet.
    let now = std::time::Instant::now();
    app.tick_at(now);
    assert_eq!(note_body(&app, id), NOTE_INTRO);
    assert!(app.editor.as_ref().unwrap().is_dirty());

    app.tick_at(now + Duration::from_millis(900));
    assert_eq!(note_body(&app, id), expected);
    let editor = app.editor.as_ref().unwrap();
    assert!(!editor.is_dirty());
    assert!(editor.saved_at.is_some());
    let screen = render(&app, 120, 40);
    assert!(screen.contains("saved 12:00:00"), "{screen}");
    // Still in the editor: autosave does not close it.
    assert_eq!(app.context(), Context::NoteEditor);
}

#[test]
fn esc_saves_and_closes_the_editor() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    let id = ids.notes[1];
    edit_note(&mut app, id);
    type_str(&mut app, "\nNy rad.");
    press(&mut app, KeyCode::Esc);
    assert!(app.editor.is_none());
    assert_eq!(app.context(), Context::MeetingNotes);
    assert_eq!(note_body(&app, id), format!("{NOTE_INTRO}\nNy rad."));
    // The Notes tab shows it at once.
    let state = app.meeting.as_ref().unwrap();
    let note = state.notes.iter().find(|n| n.id == id).unwrap();
    assert_eq!(note.body, format!("{NOTE_INTRO}\nNy rad."));
}

#[test]
fn ctrl_s_in_the_editor_saves_and_ctrl_c_saves_before_quitting() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    let id = ids.notes[1];
    edit_note(&mut app, id);
    type_str(&mut app, " Ett.");
    ctrl(&mut app, 's');
    assert_eq!(note_body(&app, id), format!("{NOTE_INTRO} Ett."));
    assert_eq!(app.context(), Context::NoteEditor);
    type_str(&mut app, " Två.");
    ctrl(&mut app, 'c');
    assert!(app.should_quit);
    assert_eq!(note_body(&app, id), format!("{NOTE_INTRO} Ett. Två."));
}

#[test]
fn a_new_note_goes_with_the_selected_block_and_an_empty_one_is_not_kept() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    let count = |app: &App| app.store.notes(ids.meeting).unwrap().len();
    assert_eq!(count(&app), 6);

    // n on a note of "Frågor och svar", then Esc without typing: nothing is kept, not
    // even in the trash.
    select_note(&mut app, ids.notes[4]);
    ch(&mut app, 'n');
    let new_id = app.editor.as_ref().expect("n opens the editor").note_id;
    assert_eq!(
        app.store.note(new_id).unwrap().agenda_item_id,
        Some(ids.blocks[2])
    );
    assert_eq!(
        app.editor.as_ref().unwrap().block.as_deref(),
        Some(BLOCK_QUESTIONS)
    );
    type_str(&mut app, "  \n ");
    press(&mut app, KeyCode::Esc);
    assert!(app.editor.is_none());
    assert_eq!(count(&app), 6);
    assert!(app.store.note(new_id).is_err(), "the empty note is gone");
    assert!(app.store.list_trash().unwrap().is_empty());

    // A note with text is kept, in the block and with the default label.
    ch(&mut app, 'n');
    let kept = app.editor.as_ref().unwrap().note_id;
    type_str(&mut app, "Ny anteckning");
    press(&mut app, KeyCode::Esc);
    assert_eq!(count(&app), 7);
    let note = app.store.note(kept).unwrap();
    assert_eq!(note.body, "Ny anteckning");
    assert_eq!(note.agenda_item_id, Some(ids.blocks[2]));
    assert_eq!(note.confidentiality, Confidentiality::Internal);
}

#[test]
fn swedish_letters_emoji_and_wide_characters_round_trip_exactly() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    ch(&mut app, 'n');
    let id = app.editor.as_ref().unwrap().note_id;
    assert_eq!(app.store.note(id).unwrap().meeting_id, ids.meeting);
    let text = "Åsa sa: ärendet är öppet – ÅÄÖ åäö\n😀👍🏽 emoji och 漢字かな 한국어\nSlut ✓";
    type_str(&mut app, text);
    assert_eq!(editor_text(&app), text);
    // Backspace removes whole characters, wide ones too.
    type_str(&mut app, "漢");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(editor_text(&app), text);
    // Drawing with wide characters at any width does not panic.
    for (w, h) in [(80, 24), (120, 40), (23, 12)] {
        render(&app, w, h);
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(note_body(&app, id), text);
}

#[test]
fn a_large_paste_round_trips_exactly() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    ch(&mut app, 'n');
    let id = app.editor.as_ref().unwrap().note_id;
    assert_eq!(app.store.note(id).unwrap().meeting_id, ids.meeting);
    // About 50 KB over many lines, with multi-byte and wide characters.
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 50_000 {
        text.push_str(&format!(
            "Rad {i}: leverantören åäö ÅÄÖ 漢字 😀 – ett långt stycke text som ska tillbaka.\n"
        ));
        i += 1;
    }
    text.push_str("Sista raden utan radbrytning");
    assert!(text.len() >= 50_000);
    app.handle_event(&Event::Paste(text.clone()));
    assert_eq!(editor_text(&app), text);
    // Windows-style line breaks arrive as \n.
    app.handle_event(&Event::Paste("\r\nCRLF\r\nslut".into()));
    let expected = format!("{text}\nCRLF\nslut");
    assert_eq!(editor_text(&app), expected);
    render(&app, 120, 40);
    press(&mut app, KeyCode::Esc);
    assert_eq!(note_body(&app, id), expected);
    assert_eq!(
        app.store.note(id).unwrap().body.len(),
        expected.len(),
        "byte for byte"
    );
}

#[test]
fn undo_and_redo_in_the_editor() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    let id = ids.notes[1];
    edit_note(&mut app, id);
    type_str(&mut app, " Ett");
    let typed = format!("{NOTE_INTRO} Ett");
    assert_eq!(editor_text(&app), typed);
    ctrl(&mut app, 'u');
    ctrl(&mut app, 'u');
    ctrl(&mut app, 'u');
    ctrl(&mut app, 'u');
    assert_eq!(editor_text(&app), NOTE_INTRO, "undone to the original");
    // Nothing further back than the text the editor opened with.
    ctrl(&mut app, 'u');
    assert_eq!(editor_text(&app), NOTE_INTRO);
    ctrl(&mut app, 'r');
    ctrl(&mut app, 'r');
    assert_eq!(editor_text(&app), format!("{NOTE_INTRO} E"));
    ctrl(&mut app, 'r');
    ctrl(&mut app, 'r');
    assert_eq!(editor_text(&app), typed);
    // An undo counts as an edit: it is saved like typing.
    ctrl(&mut app, 'u');
    press(&mut app, KeyCode::Esc);
    assert_eq!(note_body(&app, id), format!("{NOTE_INTRO} Et"));
}

#[test]
fn the_external_editor_gets_the_saved_text_and_its_result_is_saved() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    let id = ids.notes[1];
    let uuid = app.store.note(id).unwrap().uuid;

    // E on the Notes tab asks the terminal loop to run $EDITOR on the note.
    select_note(&mut app, id);
    ch(&mut app, 'E');
    let version = app.store.version(EntityKind::Note, id).unwrap();
    assert_eq!(
        app.effect.take(),
        Some(Effect::EditExternally {
            note_uuid: uuid.clone(),
            version,
            text: NOTE_INTRO.into()
        })
    );
    app.external_edit_done(&uuid, version, Ok("Från editorn: åäö 漢字\n\n".into()));
    assert_eq!(note_body(&app, id), "Från editorn: åäö 漢字");
    assert_eq!(app.status.as_ref().unwrap().text, "Note saved");

    // Ctrl-G in the editor saves what was typed first and hands over that text; the
    // result replaces the editor's text and is in the store.
    edit_note(&mut app, id);
    type_str(&mut app, " Mer.");
    ctrl(&mut app, 'g');
    assert_eq!(note_body(&app, id), "Från editorn: åäö 漢字 Mer.");
    let version = app.store.version(EntityKind::Note, id).unwrap();
    assert_eq!(
        app.effect.take(),
        Some(Effect::EditExternally {
            note_uuid: uuid.clone(),
            version,
            text: "Från editorn: åäö 漢字 Mer.".into()
        })
    );
    app.external_edit_done(&uuid, version, Ok("Rad ett\nRad två\n".into()));
    assert_eq!(note_body(&app, id), "Rad ett\nRad två");
    assert_eq!(editor_text(&app), "Rad ett\nRad två");
    assert!(!app.editor.as_ref().unwrap().is_dirty());
    assert_eq!(app.context(), Context::NoteEditor);

    // An editor that fails changes nothing and says so.
    let version = app.store.version(EntityKind::Note, id).unwrap();
    app.external_edit_done(
        &uuid,
        version,
        Err(std::io::Error::other("vi exited with 1")),
    );
    assert_eq!(note_body(&app, id), "Rad ett\nRad två");
    let status = app.status.as_ref().unwrap();
    assert_eq!(status.kind, StatusKind::Error);
    assert!(status.text.contains("vi exited with 1"), "{}", status.text);
}

// ----- quick capture ------------------------------------------------------------------

#[test]
fn alt_a_turns_the_current_line_into_an_action() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    edit_note(&mut app, ids.notes[3]);
    editor_to_line(&mut app, 1);
    alt(&mut app, 'a');
    assert_eq!(app.context(), Context::Form);
    let form = app.form.as_ref().expect("Alt-a opens the action form");
    // The bullet is dropped from the captured line.
    assert_eq!(form.value("title"), "Öppna gränssnitt är viktigt");
    snap!(&app, "capture_action_form");

    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "Erik");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "fre");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "{:?}", app.status);
    // Back in the editor, on the same note, with the text unchanged.
    assert_eq!(app.context(), Context::NoteEditor);
    assert_eq!(app.editor.as_ref().unwrap().note_id, ids.notes[3]);
    assert_eq!(editor_text(&app), NOTE_BULLETS);
    snap!(&app, "capture_action_saved");

    let actions = app
        .store
        .actions(&ActionFilter {
            meeting_id: Some(ids.meeting),
            include_closed: true,
            ..Default::default()
        })
        .unwrap();
    let a = actions
        .iter()
        .find(|a| a.title == "Öppna gränssnitt är viktigt")
        .expect("the action is stored");
    assert_eq!(a.owner, "Erik");
    assert_eq!(a.due_date, Some(day(11, 27)), "fre is Friday the 27th");
    assert_eq!(a.meeting_id, Some(ids.meeting));
    assert_eq!(a.project_id, ids.norr);
    assert_eq!(a.status, ActionStatus::Open);
    // And the Outcomes tab lists it after the editor closes.
    press(&mut app, KeyCode::Esc);
    let state = app.meeting.as_ref().unwrap();
    assert!(state.actions.iter().any(|x| x.id == a.id));
}

#[test]
fn alt_d_turns_the_current_line_into_a_decision() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    edit_note(&mut app, ids.notes[3]);
    editor_to_line(&mut app, 2);
    alt(&mut app, 'd');
    let form = app.form.as_ref().expect("Alt-d opens the decision form");
    assert_eq!(form.value("text"), "Pilot i två kommuner föreslogs");
    // Dated on the meeting's day (Tuesday the 24th), not on the day it is typed up.
    assert_eq!(form.value("decided_on"), "2026-11-24");
    snap!(&app, "capture_decision_form");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "Brett stöd i gruppen");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "Styrgruppen");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "{:?}", app.status);
    assert_eq!(app.context(), Context::NoteEditor);

    let decisions = app.store.decisions(None, Some(ids.meeting)).unwrap();
    let d = decisions
        .iter()
        .find(|d| d.text == "Pilot i två kommuner föreslogs")
        .expect("the decision is stored");
    assert_eq!(d.rationale, "Brett stöd i gruppen");
    assert_eq!(d.decided_by, "Styrgruppen");
    assert_eq!(d.decided_on, day(11, 24));
    assert_eq!(d.meeting_id, Some(ids.meeting));
    assert_eq!(d.project_id, ids.norr);
}

#[test]
fn f6_turns_the_current_line_into_an_open_question() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    edit_note(&mut app, ids.notes[4]);
    press(&mut app, KeyCode::F(6));
    let form = app.form.as_ref().expect("F6 opens the question form");
    assert_eq!(form.value("text"), NOTE_WIDE);
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "{:?}", app.status);
    assert_eq!(app.context(), Context::NoteEditor);
    let questions = app.store.questions(ids.meeting).unwrap();
    assert_eq!(questions.len(), 3);
    let q = questions.last().unwrap();
    assert_eq!(q.text, NOTE_WIDE);
    assert_eq!(q.meeting_id, ids.meeting);
    assert_eq!(q.answer, "");
}

#[test]
fn quick_capture_takes_the_selection_when_there_is_one() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    edit_note(&mut app, ids.notes[0]);
    // "Sju leverantörer deltog." — select "Sju leverantörer" with Shift-→.
    editor_to_line(&mut app, 1);
    press(&mut app, KeyCode::Home);
    for _ in 0.."Sju leverantörer".chars().count() {
        shift(&mut app, KeyCode::Right);
    }
    press(&mut app, KeyCode::F(3));
    let form = app.form.as_ref().expect("F3 opens the action form");
    assert_eq!(form.value("title"), "Sju leverantörer");
    // A prefilled form closes with Esc without asking, and nothing is stored.
    press(&mut app, KeyCode::Esc);
    assert!(app.form.is_none() && app.overlay.is_none());
    assert_eq!(app.context(), Context::NoteEditor);
    assert_eq!(
        app.store
            .actions(&ActionFilter {
                meeting_id: Some(ids.meeting),
                include_closed: true,
                ..Default::default()
            })
            .unwrap()
            .len(),
        6
    );
}

/// A quick-capture form is opened with `open_form`, which brings back a stored draft
/// of the same kind of form (`action:<project>:new`, shared by every meeting of the
/// project and by `n` on the actions screen). A draft left by quitting with Ctrl-C
/// while a capture form was open then replaces the line just captured: Alt-a on
/// "Pilot i två kommuner föreslogs" opens a form titled "Längre avtalstid önskas".
#[test]
fn quick_capture_takes_the_line_even_when_an_old_draft_exists() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let (mut app, ids) = fixture_in(&path);
    open_meeting_on(&mut app, MeetingTab::Notes);
    edit_note(&mut app, ids.notes[3]);
    editor_to_line(&mut app, 0);
    alt(&mut app, 'a');
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "Erik");
    // Quit with the capture form open: it is kept as a draft.
    ctrl(&mut app, 'c');
    assert!(app.should_quit);
    drop(app);

    let mut app = App::new(Store::open(&path, clock()).unwrap());
    open_meeting_on(&mut app, MeetingTab::Notes);
    edit_note(&mut app, ids.notes[3]);
    editor_to_line(&mut app, 2);
    alt(&mut app, 'a');
    let form = app.form.as_ref().expect("Alt-a opens the action form");
    assert_eq!(form.value("title"), "Pilot i två kommuner föreslogs");
}

#[test]
fn quick_capture_on_an_empty_line_says_so() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    edit_note(&mut app, ids.notes[1]);
    press(&mut app, KeyCode::Enter);
    alt(&mut app, 'a');
    assert!(app.form.is_none());
    assert_eq!(app.context(), Context::NoteEditor);
    let status = app.status.as_ref().expect("a message");
    assert_eq!(status.kind, StatusKind::Info);
}

// ----- the Outcomes tab ---------------------------------------------------------------

#[test]
fn outcomes_tab_lists_decisions_actions_and_questions() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Outcomes);
    assert_eq!(app.context(), Context::MeetingOutcomes);
    snap!(&app, "outcomes_tab");
    let screen = render(&app, 120, 40);
    let rows: Vec<usize> = ["Decision", "Pilot i två kommuner", "Action", A_OVERDUE]
        .iter()
        .map(|t| row_of(&screen, t))
        .collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "{rows:?}\n{screen}");
    assert!(line_with(&screen, A_DONE).contains("[x]"));
    assert!(line_with(&screen, A_OVERDUE).contains("[ ]"));
    // The project-level decision is not this meeting's.
    assert!(!screen.contains("Förlänga dialogfasen"));

    // Space on an action ticks it done with today's date.
    let state = app.meeting.as_ref().unwrap();
    let overdue_row = state
        .outcomes()
        .iter()
        .position(|o| {
            matches!(o, tidig::app::Outcome::Action(id)
                if state.actions.iter().any(|a| a.id == *id && a.title == A_OVERDUE))
        })
        .unwrap();
    press(&mut app, KeyCode::Home);
    for _ in 0..overdue_row {
        ch(&mut app, 'j');
    }
    ch(&mut app, ' ');
    let a = app
        .store
        .actions(&ActionFilter {
            meeting_id: Some(ids.meeting),
            include_closed: true,
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .find(|a| a.title == A_OVERDUE)
        .unwrap();
    assert_eq!(a.status, ActionStatus::Done);
    assert_eq!(a.done_date, Some(today()));
}

// ----- the actions screen -------------------------------------------------------------

#[test]
fn actions_screen_groups_by_due_date_and_filters() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    ch(&mut app, '3');
    assert_eq!(app.screen(), Screen::Actions);
    assert_eq!(app.context(), Context::Actions);
    snap!(&app, "actions_screen");

    // Open actions of every project, overdue first, done ones hidden.
    assert_eq!(
        action_titles(&app),
        [A_OVERDUE, A_OTHER, A_TODAY, A_WEEK, A_LATER, A_NONE]
    );
    let screen = render(&app, 120, 40);
    let order: Vec<usize> = [
        "Overdue",
        A_OVERDUE,
        A_OTHER,
        "Due today",
        A_TODAY,
        "This week",
        A_WEEK,
        "Later",
        A_LATER,
        "No due date",
        A_NONE,
    ]
    .iter()
    .map(|t| row_of(&screen, t))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}\n{screen}");
    assert!(!screen.contains(A_DONE));
    assert!(line_with(&screen, A_OTHER).contains("VGR-7"));

    // o: owners in order (Anna, Erik, Sara), then all again.
    ch(&mut app, 'o');
    assert_eq!(app.actions.filter.owner.as_deref(), Some("Anna"));
    assert_eq!(action_titles(&app), [A_OVERDUE, A_LATER]);
    snap!(&app, "actions_owner_filter");
    ch(&mut app, 'o');
    assert_eq!(action_titles(&app), [A_TODAY, A_NONE]);
    ch(&mut app, 'o');
    assert_eq!(action_titles(&app), [A_OTHER, A_WEEK]);
    ch(&mut app, 'o');
    assert_eq!(app.actions.filter.owner, None);
    assert_eq!(action_titles(&app).len(), 6);

    // p: one project at a time, then all again.
    let mut seen = Vec::new();
    for _ in 0..app.actions.projects.len() {
        ch(&mut app, 'p');
        let project = app.actions.filter.project_id.expect("a project");
        seen.push(project);
        assert!(app.actions.items().all(|a| a.project_id == project));
        if project == ids.vgr {
            assert_eq!(action_titles(&app), [A_OTHER]);
            snap!(&app, "actions_project_filter");
        } else {
            assert_eq!(action_titles(&app).len(), 5);
        }
    }
    assert!(seen.contains(&ids.norr) && seen.contains(&ids.vgr));
    ch(&mut app, 'p');
    assert_eq!(app.actions.filter.project_id, None);
    assert_eq!(action_titles(&app).len(), 6);
}

#[test]
fn space_toggles_done_and_h_shows_the_done_ones() {
    let (mut app, _) = fixture();
    ch(&mut app, '3');
    select_action(&mut app, A_TODAY);
    ch(&mut app, ' ');
    let done = |app: &App, title: &str| {
        app.store
            .actions(&ActionFilter {
                include_closed: true,
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .find(|a| a.title == title)
            .unwrap()
    };
    let a = done(&app, A_TODAY);
    assert_eq!(a.status, ActionStatus::Done);
    assert_eq!(a.done_date, Some(today()), "stamped with the clock's date");
    assert!(!action_titles(&app).contains(&A_TODAY), "done ones hide");
    assert!(app.status.as_ref().unwrap().text.contains(A_TODAY));

    // h: the done ones too, last, under their own heading.
    ch(&mut app, 'h');
    assert!(app.actions.filter.include_closed);
    let titles = action_titles(&app);
    assert_eq!(titles.len(), 7);
    assert_eq!(&titles[5..], [A_DONE, A_TODAY]);
    snap!(&app, "actions_with_done");
    let screen = render(&app, 120, 40);
    assert!(row_of(&screen, "Done or cancelled") < row_of(&screen, A_DONE));
    assert!(line_with(&screen, A_TODAY).contains("[x]"));

    // Space again reopens it and clears the date.
    select_action(&mut app, A_TODAY);
    ch(&mut app, ' ');
    let a = done(&app, A_TODAY);
    assert_eq!(a.status, ActionStatus::Open);
    assert_eq!(a.done_date, None);
    ch(&mut app, 'h');
    assert_eq!(action_titles(&app).len(), 6);
}

#[test]
fn enter_on_an_action_jumps_to_its_meeting() {
    let (mut app, ids) = fixture();
    ch(&mut app, '3');
    select_action(&mut app, A_WEEK);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Meeting { id: ids.meeting });
    assert_eq!(app.meeting.as_ref().unwrap().meeting.title, WORKSHOP);
    let screen = render(&app, 120, 40);
    assert!(screen.contains(WORKSHOP), "{screen}");
    // Esc goes back to the actions screen.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Actions);

    // An action not made in a meeting says so and stays.
    select_action(&mut app, A_OTHER);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Actions);
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "This action was not made in a meeting"
    );

    // e edits the selected action.
    select_action(&mut app, A_LATER);
    ch(&mut app, 'e');
    let form = app.form.as_ref().expect("e opens the action form");
    assert_eq!(form.value("title"), A_LATER);
    assert_eq!(form.value("due_date"), "2026-12-10");
}

// ----- a project's decisions ----------------------------------------------------------

#[test]
fn project_decisions_tab() {
    let (mut app, _) = fixture();
    open_project(&mut app, "NORR-24");
    project_tab(&mut app, ProjectTab::Decisions);
    assert_eq!(app.context(), Context::ProjectDecisions);
    snap!(&app, "project_decisions");
    let screen = render(&app, 120, 40);
    // Newest first; with the meeting it was made in, if any.
    assert!(row_of(&screen, "Pilot i två kommuner") < row_of(&screen, "Förlänga dialogfasen"));
    assert!(line_with(&screen, "Pilot i två kommuner").contains("2026-11-24"));
    assert!(line_with(&screen, "Pilot i två kommuner").contains("Leverantörsworkshop"));
}

// ----- the notes export ---------------------------------------------------------------

#[test]
fn x_on_the_meeting_details_exports_the_notes_and_logs_it() {
    let (mut app, ids) = fixture();
    let exports = tempfile::tempdir().unwrap();
    app.dirs.exports = exports.path().to_path_buf();
    open_meeting_on(&mut app, MeetingTab::Details);
    assert_eq!(app.context(), Context::MeetingDetails);
    ch(&mut app, 'x');
    let form = app.form.as_ref().expect("x opens the export form");
    assert_eq!(form.value("format"), "html");
    // A supplier workshop: the shared audience is proposed.
    assert_eq!(form.value("audience"), "shared");
    assert_eq!(form.value("lang"), "sv");
    snap!(&app, "notes_export_form");

    ctrl(&mut app, 's');
    assert!(app.form.is_none());
    // The workshop's equal-treatment points are still open: a warning to confirm (not
    // a block); nothing is written before the answer.
    assert_eq!(app.context(), Context::Confirm);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("equal-treatment"), "{screen}");
    assert_eq!(std::fs::read_dir(exports.path()).unwrap().count(), 0);
    ch(&mut app, 'y');
    let status = app.status.clone().expect("a message");
    assert_eq!(status.kind, StatusKind::Info, "{}", status.text);

    let files: Vec<_> = std::fs::read_dir(exports.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let file = &files[0];
    assert_eq!(file.extension().and_then(|e| e.to_str()), Some("html"));
    let html = std::fs::read_to_string(file).unwrap();
    assert!(html.contains("Mötesanteckningar"));
    // Shared: shareable notes only.
    assert!(html.contains("Välkomna och presentationsrunda."));
    assert!(!html.contains("40 kr per brukare"));
    assert!(!html.contains("förtydliga tidplanen"));
    assert!(!html.contains("ring Sara"));

    let log = app.store.exports(ids.meeting).unwrap();
    assert_eq!(log.len(), 1);
    let e = &log[0];
    assert_eq!(
        (e.what.as_str(), e.format.as_str(), e.audience.as_str()),
        ("summary", "html", "shared")
    );
    assert_eq!(e.language, "sv");
    assert_eq!(std::path::Path::new(&e.file), file.as_path());
    assert_eq!(e.exported_at, "2026-11-26T12:00:00Z");
    assert!(status.text.contains(&e.file), "{}", status.text);

    // The meeting shows it.
    let screen = render(&app, 120, 40);
    let name = file.file_name().unwrap().to_string_lossy().to_string();
    assert!(
        line_with(&screen, "Exports").contains("html · shared sv"),
        "{screen}"
    );
    // The file name may wrap onto the next line at 120 columns.
    assert!(screen.contains(&name), "{screen}");
    // The message names the temporary folder: leave it out of the snapshot.
    app.status = None;
    snap!(&app, "meeting_details_after_export");
}

// ----- footer and help ----------------------------------------------------------------

#[test]
fn footer_and_help_of_the_note_editor_come_from_the_keymap() {
    let (mut app, ids) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    edit_note(&mut app, ids.notes[1]);
    assert_footer_from_keymap(&app, Context::NoteEditor);
    // Exactly the editor's own keys: Esc, Ctrl-L/F9, Alt-d/a/n, … and no global ones.
    let footer = render(&app, 120, 40).lines().last().unwrap().to_string();
    assert!(!footer.contains("q quit"), "{footer}");
    assert_help_from_keymap(&mut app, Context::NoteEditor);
    press(&mut app, KeyCode::F(1));
    snap!(&app, "editor_help");
    press(&mut app, KeyCode::Esc);
    // The editor is still open, with its text.
    assert_eq!(editor_text(&app), NOTE_INTRO);
}

#[test]
fn footer_and_help_of_the_other_notes_contexts_come_from_the_keymap() {
    let (mut app, _) = fixture();
    open_meeting_on(&mut app, MeetingTab::Notes);
    assert_footer_from_keymap(&app, Context::MeetingNotes);
    assert_help_from_keymap(&mut app, Context::MeetingNotes);
    meeting_tab(&mut app, MeetingTab::Outcomes);
    assert_footer_from_keymap(&app, Context::MeetingOutcomes);
    assert_help_from_keymap(&mut app, Context::MeetingOutcomes);
    ch(&mut app, '3');
    assert_footer_from_keymap(&app, Context::Actions);
    assert_help_from_keymap(&mut app, Context::Actions);
    open_project(&mut app, "NORR-24");
    project_tab(&mut app, ProjectTab::Decisions);
    assert_footer_from_keymap(&app, Context::ProjectDecisions);
    assert_help_from_keymap(&mut app, Context::ProjectDecisions);
}

#[test]
fn notes_screens_draw_at_tiny_sizes_without_panicking() {
    let (mut app, _) = fixture();
    let sizes = [(1, 1), (10, 3), (20, 5), (40, 10), (60, 15)];
    open_meeting_on(&mut app, MeetingTab::Notes);
    let steps: &[fn(&mut App)] = &[
        |_| {},
        |a| press(a, KeyCode::End),
        |a| press(a, KeyCode::Enter),
        |a| type_str(a, "漢字😀 åäö"),
        |a| alt(a, 'a'),
        |a| press(a, KeyCode::Esc),
        |a| press(a, KeyCode::Esc),
        |a| press(a, KeyCode::Tab),
        |a| ch(a, '3'),
        |a| ch(a, 'h'),
    ];
    for step in steps {
        step(&mut app);
        for (w, h) in sizes {
            render(&app, w, h);
        }
    }
}
