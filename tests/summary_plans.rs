//! Store test: every filtered list a meeting's notes export reads seeks by an index
//! rather than scanning its table (issue 15: `(?n IS NULL OR col = ?n)` made SQLite
//! scan every decision and action of every project for one meeting's notes).

mod common;

use common::store::{memory_store, project};

#[test]
fn the_summary_exports_lists_search_by_index_and_never_scan() {
    let mut store = memory_store();
    let p = project(&mut store, "OVER-26");
    // A plan is made without reading rows: the meeting need not exist.
    let meeting_id = 1;
    let plans = store.summary_query_plans(p, meeting_id).unwrap();
    let names: Vec<_> = plans.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, ["decisions", "actions", "suggestions", "needs"]);
    for (name, plan) in plans {
        let plan = plan.join("\n");
        // The list's own table (its alias is the first letter of its name) is sought.
        let alias = &name[..1];
        assert!(
            plan.contains(&format!("SEARCH {alias} USING INDEX")),
            "{name}: {plan}"
        );
        assert!(!plan.contains("SCAN "), "{name}: {plan}");
    }
}
