//! End-to-end: the filter bar in the real binary, in a pseudo-terminal. Open the
//! portfolio, `f`, type text, pick a facet from the menu, see the list shrink, and `F`
//! clears it all.

mod common;

use common::pty::{ENTER, Env, TAB};
use common::store::{file_store, norr, vgr};
use tidig::domain::{Phase, ProjectInput, ProjectStatus};

#[test]
fn text_then_a_facet_shrink_the_portfolio_and_capital_f_clears_them() {
    let env = Env::new();
    {
        let mut store = file_store(&env.db());
        norr(&mut store);
        vgr(&mut store);
        store
            .create_project(&ProjectInput {
                code: "LULE-25".into(),
                title: "Trygg hemtjänst".into(),
                buyer_name: "Luleå kommun".into(),
                phase: Phase::Initiation,
                status: ProjectStatus::Paused,
                ..Default::default()
            })
            .unwrap();
    }
    let mut s = env.spawn();
    s.wait_for("LULE-25");
    s.wait_for("Portfolio · 3 ·");

    // Text: both regions match, the municipality does not.
    s.send(b"f");
    s.wait_for("Filter:");
    s.send(b"region");
    s.wait_for("Portfolio · 2 of 3");
    let screen = s.screen();
    assert!(!screen.contains("LULE-25"), "{screen}");
    assert!(
        screen.contains("NORR-24") && screen.contains("VGR-7"),
        "{screen}"
    );

    // Tab: the facet menu; the second facet is the phase; its values in phase order
    // (any, Initiation, Needs analysis, Early dialogue).
    s.send(TAB);
    s.wait_for("Filter by");
    s.send(b"j");
    s.send(ENTER);
    s.wait_for("Filter by Phase");
    s.send(b"jjj");
    s.send(ENTER);
    s.wait_for("Portfolio · 1 of 3");
    s.wait_for("Phase: Early dialogue");
    s.send(ENTER);
    s.wait_for("F clears");
    let screen = s.screen();
    assert!(
        screen.contains("Filter: \"region\" · Phase: Early dialogue"),
        "{screen}"
    );
    assert!(
        screen.contains("NORR-24") && !screen.contains("VGR-7"),
        "{screen}"
    );

    // F: every filter off, the line gone.
    s.send(b"F");
    s.wait_for("Portfolio · 3 ·");
    s.wait_for("VGR-7");
    let screen = s.screen();
    assert!(!screen.contains("Filter:"), "{screen}");
    assert!(screen.contains("LULE-25"), "{screen}");

    s.send(b"q");
    assert!(s.wait_exit().success());
}
