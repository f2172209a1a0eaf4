//! End-to-end: scheduling a meeting with keys in the real `tidig` binary, in a
//! pseudo-terminal read back through a terminal emulator (vt100), and finding it in
//! the week view.
//!
//! The harness is in `tests/common/pty.rs`. The clock is fixed with `TIDIG_NOW` at
//! Thursday 2026-11-26 12:00 UTC and the zone pinned with `TZ=UTC`, so `fre 10:00` is
//! Friday 27 November, 10:00, on screen and in the store.

mod common;

use common::pty::{CTRL_S, Env, TAB, TIMEOUT, line_with, wait_until};

/// The text of the week view's column headed `day` (`Fri 27`), top to bottom: the
/// cells from the heading's column to the column's right border.
fn week_column(screen: &vt100::Screen, day: &str) -> Vec<String> {
    let rows: Vec<String> = screen.rows(0, screen.size().1.get()).collect();
    let (y, line) = rows
        .iter()
        .enumerate()
        .find(|(_, l)| l.contains(day))
        .unwrap_or_else(|| panic!("no {day:?} column:\n{}", screen.contents()));
    let chars: Vec<char> = line.chars().collect();
    let day_chars: Vec<char> = day.chars().collect();
    let x = (0..chars.len())
        .find(|&x| chars[x..].starts_with(&day_chars))
        .expect("the heading's column");
    let width = chars[x..]
        .iter()
        .position(|c| *c == '│')
        .unwrap_or(chars.len() - x);
    screen
        .rows(x as u16, width as u16)
        .skip(y)
        .map(|l| l.trim_end().to_string())
        .collect()
}

#[test]
fn schedule_a_meeting_with_keys_and_find_it_in_the_week_view() {
    let env = Env::new();
    let mut s = env.spawn();
    s.wait_for("Welcome to tidig");

    // A project: n, code, Tab, title, Ctrl-S.
    s.create_project("NORR-24", "Hemtjänst i Norrbotten");

    // Open it and go to its Meetings tab.
    s.send(b"\r");
    s.wait_for("Overview");
    // A project opens on Attention; Overview is the next tab.
    s.send(TAB);
    s.send(TAB);
    s.wait_for("No meetings yet");

    // A meeting: type, title, start, end (in the form's field order), Ctrl-S.
    s.send(b"n");
    s.wait_for("New meeting");
    // Typing a letter on the type field jumps to the next type starting with it.
    s.send(b"o");
    s.wait_for("One-to-one supplier dialogue");
    s.send(TAB);
    s.send("Dialog med Omsorgsdata AB".as_bytes());
    s.wait_for("Dialog med Omsorgsdata AB");
    s.send(TAB);
    s.send(b"fre 10:00");
    s.wait_for("fre 10:00");
    s.send(TAB);
    s.send(b"1h30");
    s.wait_for("1h30");
    s.send(CTRL_S);
    s.wait_for("Saved: Dialog med Omsorgsdata AB");
    wait_until(
        s.parser(),
        "the meeting on the Meetings tab",
        TIMEOUT,
        |screen| {
            !screen.contains("New meeting")
                && line_with(screen, "Dialog med Omsorgsdata AB")
                    .is_some_and(|l| l.contains("Fri 2026-11-27") && l.contains("10:00–11:30"))
        },
    );

    // The week view: 2 (agenda), v (week).
    s.send(b"2");
    s.wait_for("Fri 2026-11-27 week 48");
    s.send(b"v");
    s.wait_for("Week 48 · 2026-11-23 – 2026-11-29");
    // The whole card: ratatui draws only what changed, so wait for its last line too.
    wait_until(s.parser(), "the meeting in the week", TIMEOUT, |screen| {
        screen.contains("10:00–11:30") && screen.contains("Dialog med")
    });
    {
        let parser = s.parser().lock().unwrap();
        let screen = parser.screen();
        let friday = week_column(screen, "Fri 27").join("\n");
        assert!(
            friday.contains("10:00–11:30"),
            "Friday:\n{friday}\n\n{}",
            screen.contents()
        );
        assert!(friday.contains("NORR-24"), "Friday:\n{friday}");
        assert!(friday.contains("Dialog med"), "Friday:\n{friday}");
        // And on no other day.
        for day in ["Mon 23", "Tue 24", "Wed 25", "Thu 26", "Sat 28", "Sun 29"] {
            let column = week_column(screen, day).join("\n");
            assert!(!column.contains("10:00"), "{day}:\n{column}");
        }
    }

    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_terminal_restored();

    // The store has it in UTC.
    let store =
        tidig::store::Store::open(&env.db(), tidig::domain::Clock::Fixed(chrono::Utc::now()))
            .expect("open the store after the run");
    let meetings = store.all_meetings(None).expect("list meetings");
    assert_eq!(meetings.len(), 1);
    let m = &meetings[0];
    assert_eq!(m.title, "Dialog med Omsorgsdata AB");
    assert_eq!(m.kind, tidig::domain::MeetingType::OneToOneDialogue);
    assert_eq!(m.start.to_rfc3339(), "2026-11-27T10:00:00+00:00");
    assert_eq!(m.end.to_rfc3339(), "2026-11-27T11:30:00+00:00");
}
