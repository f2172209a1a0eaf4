//! Uses tidig as a library: loads the demo portfolio into an in-memory store and
//! prints the projects grouped by phase, with their next open milestone.
//!
//! Run with `cargo run --example portfolio_by_phase`.

use tidig::domain::{Clock, MilestoneStatus, Phase, TextEnum};
use tidig::store::{ProjectFilter, ProjectSort, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let clock = Clock::System;
    let mut store = Store::open_in_memory(clock)?;
    tidig::ops::demo::load(&mut store, clock.today())?;

    let filter = ProjectFilter {
        sort: ProjectSort::Phase,
        ..Default::default()
    };
    let projects = store.list_projects(&filter)?;
    for phase in Phase::ALL {
        let in_phase: Vec<_> = projects.iter().filter(|p| p.phase == *phase).collect();
        if in_phase.is_empty() {
            continue;
        }
        println!("{}", phase.label());
        for p in in_phase {
            let next = store
                .milestones(p.id)?
                .into_iter()
                .find(|m| m.status == MilestoneStatus::Planned);
            let next = next.map_or("no open milestone".to_string(), |m| {
                format!(
                    "next: {} ({})",
                    m.title,
                    m.due_date.map_or("undated".into(), |d| d.to_string())
                )
            });
            println!("  {:<10} {:<40} {next}", p.code, p.title);
        }
    }
    Ok(())
}
