//! The demo portfolios, as data: the normal demo is a bundle file
//! (`assets/demo/portfolio.json`) written for one day, its anchor, and moved to today
//! when it is loaded (`shift`); the large demo is built in memory (`large`). Both are
//! imported like any bundle (`ops::demo`). `docs/demo.md` says how the asset is edited.
//!
//! Pure: no store, no IO beyond the embedded file.

pub mod large;
mod shift;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::bundle::Bundle;

pub use large::Size;
pub use shift::shift;

/// The demo file: a bundle and the day it was written for. Its times are wall-clock
/// times (written as UTC), placed in the store's zone when loaded.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Asset {
    /// The day the bundle's dates are relative to: loading on this day changes no
    /// date, loading a week later moves every date a week.
    pub anchor: NaiveDate,
    pub bundle: Bundle,
}

/// The embedded demo portfolio.
pub fn portfolio() -> Asset {
    serde_json::from_str(include_str!("../../assets/demo/portfolio.json"))
        .expect("assets/demo/portfolio.json is a demo asset (a test checks it)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::KnownRows;

    #[test]
    fn the_asset_is_a_valid_bundle_written_for_a_working_day() {
        let asset = portfolio();
        assert!(!crate::domain::holidays::is_day_off(asset.anchor));
        assert_eq!(
            crate::bundle::validate(&asset.bundle, &KnownRows::default()),
            vec![]
        );
        assert!(asset.bundle.meetings.len() >= 20);
    }

    #[test]
    fn the_asset_logs_information_given_and_a_prior_involvement() {
        let b = portfolio().bundle;
        // Given to one supplier and later published to all, and given to some only.
        assert!(
            b.information_items
                .iter()
                .any(|i| i.recipients.len() == 1 && i.shared_on.is_some())
        );
        assert!(b.information_items.iter().any(|i| i.shared_on.is_none()));
        assert!(b.interests.iter().any(|i| i.kind == "prior_involvement"));
    }

    /// Issue 13, part 9: a round of one-to-one dialogues with at least four questions
    /// put to at least three suppliers who answered.
    #[test]
    fn the_asset_holds_a_round_of_four_questions_answered_by_three_suppliers() {
        let b = portfolio().bundle;
        let round = &b.dialogue_rounds[0];
        assert_eq!(round.kind, "one_to_one");
        let questions = b
            .round_questions
            .iter()
            .filter(|q| q.round == round.uuid)
            .count();
        let answering: std::collections::HashSet<_> = b
            .round_answers
            .iter()
            .filter(|a| !a.body.is_empty())
            .map(|a| &a.organisation)
            .collect();
        assert!(questions >= 4 && answering.len() >= 3);
    }
}
