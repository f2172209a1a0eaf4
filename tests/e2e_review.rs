//! End-to-end: review mode in the real binary, in a pseudo-terminal at 80×24, on the
//! demo portfolio, with `stale_after_days` set in the config file.

mod common;

use common::pty::{Env, Spawn, TIMEOUT, wait_until};

#[test]
fn review_mode_walks_stamps_and_sums_up() {
    let env = Env::with(Spawn {
        rows: 24,
        cols: 80,
        ..Spawn::default()
    });
    // The config's threshold is read (an unknown key would stop the start).
    std::fs::write(env.config(), "stale_after_days = 7\n").unwrap();
    let mut s = env.spawn();
    s.wait_for("Welcome to tidig");
    s.send(b"D");
    s.wait_for("LULE-25");
    // The dashboard: the today strip and the figures' columns.
    s.wait_for("Today");
    s.wait_for("Late");

    s.send(b"R");
    s.wait_for("Review 1/4");
    s.wait_for("LULE-25");
    s.wait_for("Never reviewed");
    s.send(b"n");
    s.wait_for("Review 2/4");
    s.wait_for("RVB-26");
    s.send(b"r");
    s.wait_for("Marked as reviewed today");
    s.wait_for("Reviewed today");
    // Past the last project: the closing summary.
    s.send(b"nnn");
    s.wait_for("Review summary");
    wait_until(s.parser(), "the summary's lists", TIMEOUT, |screen| {
        screen.contains("Reviewed today (1)")
            && screen.contains("Not marked as reviewed (3)")
            && screen.contains("Still overdue")
    });
    // Enter ends the review on the portfolio, where RVB-26 was reviewed 0 days ago.
    s.send(b"\r");
    wait_until(s.parser(), "the portfolio", TIMEOUT, |screen| {
        !screen.contains("Review summary")
            && common::pty::line_with(screen, "RVB-26")
                .is_some_and(|l| l.trim_end().ends_with("0d"))
    });
    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_terminal_restored();
}
