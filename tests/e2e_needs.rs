//! End-to-end: adding a need with keys in the real `tidig` binary, in a
//! pseudo-terminal read back through a terminal emulator (vt100), moving its status on
//! and seeing the summary counts change.
//!
//! The harness is in `tests/common/pty.rs`. The clock is fixed with `TIDIG_NOW` at
//! Thursday 2026-11-26 12:00 UTC and the zone pinned with `TZ=UTC`; the store and the
//! config file live in a fresh temporary directory.

mod common;

use common::NOW;
use common::pty::{CTRL_S, Env, TAB, TIMEOUT, line_with, wait_until};

/// The summary bar's line of counts per status, if it is on screen.
fn status_counts(screen: &str) -> Option<&str> {
    screen
        .lines()
        .find(|l| l.trim_start().starts_with("Identified ") && l.contains(" · Analysed "))
}

const STATEMENT: &str = "Nattpersonalen behöver veta att brukaren sover tryggt";

#[test]
fn add_a_need_with_keys_and_move_its_status_on() {
    let env = Env::new();
    let mut s = env.spawn();
    s.wait_for("Welcome to tidig");

    // A project: n, code, Tab, title, Ctrl-S.
    s.create_project("NORR-24", "Trygg nattillsyn");

    // Open it: Attention → Overview → Meetings → Needs.
    s.send(b"\r");
    s.wait_for("Overview");
    // A project opens on Attention; Overview is the next tab.
    s.send(TAB);
    s.send(TAB);
    s.wait_for("No meetings yet");
    s.send(TAB);
    s.wait_for("No needs yet");
    wait_until(s.parser(), "an empty summary", TIMEOUT, |screen| {
        status_counts(screen).is_some_and(|l| l.contains("Identified 0"))
    });

    // A need: n, the statement, Ctrl-S.
    s.send(b"n");
    s.wait_for("New need");
    s.send(STATEMENT.as_bytes());
    s.wait_for(STATEMENT);
    s.send(CTRL_S);
    wait_until(s.parser(), "B-001 on the Needs tab", TIMEOUT, |screen| {
        !screen.contains("New need")
            && line_with(screen, "B-001")
                .is_some_and(|l| l.contains("Nattpersonalen behöver") && l.contains("Identified"))
    });
    wait_until(
        s.parser(),
        "Identified 1 in the summary",
        TIMEOUT,
        |screen| {
            status_counts(screen)
                .is_some_and(|l| l.contains("Identified 1") && l.contains("Analysed 0"))
        },
    );

    // `>`: on to analysed; the counts follow.
    s.send(b">");
    wait_until(s.parser(), "Analysed 1 in the summary", TIMEOUT, |screen| {
        status_counts(screen)
            .is_some_and(|l| l.contains("Identified 0") && l.contains("Analysed 1"))
    });
    s.wait_for("B-001: Analysed");
    let screen = s.screen();
    assert!(
        line_with(&screen, "B-001").is_some_and(|l| l.contains("Analysed")),
        "{screen}"
    );

    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_terminal_restored();

    // The store has it, with its history.
    let store =
        tidig::store::Store::open(&env.db(), tidig::domain::Clock::Fixed(chrono::Utc::now()))
            .expect("open the store after the run");
    let needs = store.all_needs(None).expect("list needs");
    assert_eq!(needs.len(), 1);
    let need = &needs[0];
    assert_eq!(need.code, "B-001");
    assert_eq!(need.statement, STATEMENT);
    assert_eq!(need.status, tidig::domain::NeedStatus::Analysed);
    let history = store.need_history(need.id).expect("history");
    let steps: Vec<_> = history.iter().map(|h| (h.from, h.to)).collect();
    use tidig::domain::NeedStatus::{Analysed, Identified};
    assert_eq!(steps, [(None, Identified), (Some(Identified), Analysed)]);
    assert!(
        history.iter().all(|h| h.changed_at == NOW),
        "stamped with TIDIG_NOW: {history:?}"
    );
}
