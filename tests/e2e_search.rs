//! End-to-end: search across everything in the real binary, in a pseudo-terminal.
//!
//! - A word found in one note only: `/`, the word, `Enter` lands on that note, selected,
//!   on its meeting's Notes tab.
//! - Two windows on one store: a note typed and saved in one is found from the other.

mod common;

use std::thread;
use std::time::Duration;

use common::pty::{CTRL_S, ENTER, Env, Session, TAB, line_with};
use common::store::{file_store, meeting_input, norr};
use common::utc;
use tidig::domain::Confidentiality;

const FIRST: &str = "Dialogmöte med leverantörer";
const SECOND: &str = "Referensgrupp hemtjänst";

/// NORR-24 with two meetings; the second holds a note with `word` among others.
fn seed(env: &Env, word: &str) {
    let mut store = file_store(&env.db());
    let project = norr(&mut store);
    let mut meetings = Vec::new();
    for (title, day) in [(FIRST, 27), (SECOND, 28)] {
        meetings.push(
            store
                .create_meeting(
                    project,
                    &meeting_input(title, utc(2026, 11, day, 10, 0), utc(2026, 11, day, 11, 0)),
                )
                .unwrap(),
        );
    }
    for (meeting, body) in [
        (meetings[0], "Leverantörerna frågade om tidplanen"),
        (meetings[1], "Anhöriga vill ha larm på natten"),
        (meetings[1], &format!("Brukarna nämnde {word} som exempel")),
        (meetings[1], "Nästa möte i januari"),
    ] {
        store
            .create_note(meeting, None, body, Confidentiality::Internal)
            .unwrap();
    }
}

fn search(s: &mut Session, word: &str) {
    s.send(b"/");
    s.wait_for("Type to search");
    s.send(word.as_bytes());
    s.wait_for("1 found");
}

#[test]
fn a_word_in_one_note_is_found_and_enter_lands_on_it_in_its_meeting() {
    let env = Env::new();
    seed(&env, "kolibrinäbben");
    let mut s = env.spawn();
    s.wait_for("NORR-24");
    // Typed without the diacritic, as a prefix.
    search(&mut s, "kolibrinab");
    let screen = s.screen();
    assert!(screen.contains("kolibrinäbben"), "{screen}");
    assert!(screen.contains("[Internal]"), "the note's label:\n{screen}");
    assert!(screen.contains(SECOND), "the note's meeting:\n{screen}");
    s.send(ENTER);
    s.wait_for("Notes");
    // The breadcrumb names the meeting and its Notes tab; the note is selected.
    s.wait_for(&format!("{SECOND} › Notes"));
    let screen = s.screen();
    let selected = line_with(&screen, "kolibrinäbben").unwrap_or_else(|| panic!("{screen}"));
    assert!(selected.contains('▶'), "the note is selected:\n{screen}");
}

#[test]
fn a_note_saved_in_one_window_is_found_from_the_other() {
    let env = Env::new();
    seed(&env, "ordet");
    let mut a = env.spawn();
    let mut b = env.spawn();
    for s in [&mut a, &mut b] {
        s.wait_for("NORR-24");
    }
    // B searches first: nothing yet.
    b.send(b"/");
    b.wait_for("Type to search");
    b.send(b"pelargon");
    b.wait_for("Nothing found");

    // A writes a note in the first meeting and saves it.
    a.send(ENTER);
    a.wait_for("Overview");
    // The project opens on Attention: Overview, then Meetings.
    a.send(TAB);
    a.wait_for("Case number");
    a.send(TAB);
    a.wait_for(FIRST);
    thread::sleep(Duration::from_millis(150));
    a.send(ENTER);
    a.wait_for("Purpose");
    a.send(TAB);
    a.send(TAB);
    a.wait_for("Leverantörerna frågade");
    a.send(b"n");
    a.wait_for("[Internal]  The meeting as a whole");
    a.send("Pelargoner i fönstren".as_bytes());
    a.wait_for("Pelargoner i fönstren");
    a.send(CTRL_S);
    thread::sleep(Duration::from_millis(300));

    // B types on (a space, then takes it back): each keypress asks the store again.
    b.send(b" ");
    b.wait_for("1 found");
    let screen = b.screen();
    assert!(screen.contains("Pelargoner"), "{screen}");
    assert!(screen.contains(FIRST), "{screen}");
}
