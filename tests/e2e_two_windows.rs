//! End-to-end: two windows on one store (issue 9, items 3 and 4). Two real `tidig`
//! processes run in pseudo-terminals on the same store file.
//!
//! - One meeting: A creates a note (an empty row); B opens the same meeting (its
//!   tidy-up of empty notes runs), then creates and writes a note in another meeting;
//!   A types and saves. A's text is in A's note, in A's meeting, with A's label; B's
//!   note holds B's text.
//! - One project: A and B open its edit form; A saves; B's save is refused and B is
//!   asked (reload, keep mine, see both); nothing is overwritten until B chooses
//!   "keep mine" after seeing both.

mod common;

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use common::pty::{CTRL_S, ENTER, Env, Session, TAB, TIMEOUT};
use common::store::{file_store, meeting_input, norr};
use common::utc;
use rusqlite::Connection;

const MEETING_A: &str = "Dialogmöte med leverantörer";
const MEETING_B: &str = "Referensgrupp hemtjänst";
const EDITOR_OPEN: &str = "[Internal]  The meeting as a whole";

/// Polls the store with a connection of our own until `check` holds.
fn wait_for_store<T: std::fmt::Debug>(
    db: &Path,
    what: &str,
    read: impl Fn(&Connection) -> T,
    check: impl Fn(&T) -> bool,
) -> T {
    let start = Instant::now();
    loop {
        let conn = Connection::open(db).unwrap();
        let value = read(&conn);
        if check(&value) {
            return value;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "waiting for {what}; the store has {value:?}"
        );
        thread::sleep(Duration::from_millis(100));
    }
}

/// (meeting title, body, label) of every note, oldest first.
fn notes(conn: &Connection) -> Vec<(String, String, String)> {
    let mut stmt = conn
        .prepare(
            "SELECT m.title, n.body, n.confidentiality FROM notes n
             JOIN meetings m ON m.id = n.meeting_id ORDER BY n.id",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn project_title(conn: &Connection) -> String {
    conn.query_row("SELECT title FROM projects", [], |r| r.get(0))
        .unwrap()
}

/// From the portfolio into the `nth` meeting of NORR-24 (0: the first listed).
fn open_meeting(s: &mut Session, nth: usize, title: &str) {
    s.wait_for("NORR-24");
    s.send(ENTER);
    s.wait_for("Overview");
    // A project opens on Attention; Overview is the next tab.
    s.send(TAB);
    s.send(TAB);
    s.wait_for(title);
    for _ in 0..nth {
        s.send(b"j");
    }
    thread::sleep(Duration::from_millis(150));
    s.send(ENTER);
    s.wait_for("Purpose");
}

/// On the meeting screen: the Notes tab, and a new note open in the editor.
fn new_note(s: &mut Session) {
    s.send(TAB);
    s.send(TAB);
    s.wait_for("No notes yet");
    s.send(b"n");
    s.wait_for(EDITOR_OPEN);
}

#[test]
fn a_note_stays_in_its_own_meeting_while_another_window_opens_it_and_writes_elsewhere() {
    let env = Env::new();
    {
        let mut store = file_store(&env.db());
        let project = norr(&mut store);
        for (title, day) in [(MEETING_A, 27), (MEETING_B, 28)] {
            store
                .create_meeting(
                    project,
                    &meeting_input(title, utc(2026, 11, day, 10, 0), utc(2026, 11, day, 11, 0)),
                )
                .unwrap();
        }
    }
    let db = env.db();

    // A creates a note: an empty row, nothing typed yet.
    let mut a = env.spawn();
    open_meeting(&mut a, 0, MEETING_A);
    new_note(&mut a);
    wait_for_store(&db, "A's empty note", notes, |n| n.len() == 1);

    // B opens the same meeting (its tidy-up of empty notes runs) …
    let mut b = env.spawn();
    open_meeting(&mut b, 0, MEETING_A);
    b.send_esc();
    b.wait_for(MEETING_B);
    // … then writes a note in another meeting.
    b.send(b"j");
    thread::sleep(Duration::from_millis(150));
    b.send(ENTER);
    b.wait_for("Purpose");
    b.wait_for(MEETING_B);
    new_note(&mut b);
    b.send("B:s anteckning".as_bytes());
    b.wait_for("B:s anteckning");
    b.send(CTRL_S);
    wait_for_store(&db, "B's note", notes, |n| {
        n.iter().any(|(_, body, _)| body == "B:s anteckning")
    });
    b.send_esc();

    // A types and saves.
    a.send("A:s anteckning".as_bytes());
    a.wait_for("A:s anteckning");
    a.send(CTRL_S);
    let stored = wait_for_store(&db, "A's note", notes, |n| {
        n.iter().any(|(_, body, _)| body == "A:s anteckning")
    });
    assert_eq!(
        stored,
        [
            (
                MEETING_A.to_string(),
                "A:s anteckning".to_string(),
                "internal".to_string()
            ),
            (
                MEETING_B.to_string(),
                "B:s anteckning".to_string(),
                "internal".to_string()
            ),
        ]
    );
    // Closing A's editor keeps it where it is.
    a.send_esc();
    thread::sleep(Duration::from_millis(300));
    let conn = Connection::open(&db).unwrap();
    assert_eq!(notes(&conn), stored);
}

#[test]
fn a_second_save_of_a_project_asks_instead_of_overwriting_the_first() {
    let env = Env::new();
    norr(&mut file_store(&env.db()));
    let db = env.db();
    let original = "Hemtjänst i Norrbotten";

    let mut a = env.spawn();
    let mut b = env.spawn();
    for s in [&mut a, &mut b] {
        s.wait_for("NORR-24");
        s.send(b"e");
        s.wait_for("Edit project");
    }

    // A saves a new title.
    a.send(TAB);
    a.send(" (A)".as_bytes());
    a.wait_for(&format!("{original} (A)"));
    a.send(CTRL_S);
    a.wait_for("Saved: NORR-24");
    wait_for_store(&db, "A's title", project_title, |t| t.ends_with("(A)"));

    // B saves another one: refused, and B is asked.
    b.send(TAB);
    b.send(" (B)".as_bytes());
    b.wait_for(&format!("{original} (B)"));
    b.send(CTRL_S);
    b.wait_for("Changed elsewhere");
    b.wait_for("reload");
    b.wait_for("keep mine");
    b.wait_for("see both");
    thread::sleep(Duration::from_millis(300));
    let conn = Connection::open(&db).unwrap();
    assert_eq!(project_title(&conn), format!("{original} (A)"));

    // See both: the title as B typed it and as stored.
    b.send(b"b");
    b.wait_for("Yours:");
    b.wait_for("Stored:");
    b.wait_for(&format!("{original} (B)"));
    b.wait_for(&format!("{original} (A)"));
    assert_eq!(project_title(&conn), format!("{original} (A)"));

    // Keep mine: B's title, now knowingly.
    b.send(b"k");
    b.wait_for("Saved: NORR-24");
    wait_for_store(&db, "B's title", project_title, |t| t.ends_with("(B)"));

    // A's form on a later edit shows B's title: nothing stale is kept.
    a.send(b"e");
    a.wait_for("Edit project");
    a.wait_for(&format!("{original} (B)"));
}
