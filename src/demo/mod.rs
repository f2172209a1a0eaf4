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

/// The demo's information log and declared interests, which a bundle does not carry
/// (yet): rows of the portfolio are named by UUID, dates are of the anchor day's
/// calendar like the bundle's.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EqualTreatment {
    pub information: Vec<DemoInformation>,
    pub interests: Vec<DemoInterest>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoInformation {
    pub uuid: String,
    pub project: String,
    /// Given in this meeting: the entry's day is the meeting's (after the shift).
    pub meeting: Option<String>,
    pub channel: crate::domain::InfoChannel,
    pub origin: String,
    pub given_on: NaiveDate,
    pub title: String,
    pub details: String,
    /// Organisations, by UUID.
    pub recipients: Vec<String>,
    pub shared_on: Option<NaiveDate>,
    pub shared_channel: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoInterest {
    pub uuid: String,
    pub project: String,
    pub organisation: Option<String>,
    pub person: Option<String>,
    pub kind: crate::domain::InterestKind,
    pub description: String,
    pub measures: String,
    pub declared_on: Option<NaiveDate>,
}

/// The embedded demo's information log and interests.
pub fn equal_treatment() -> EqualTreatment {
    serde_json::from_str(include_str!("../../assets/demo/equal_treatment.json"))
        .expect("assets/demo/equal_treatment.json is a demo asset (a test checks it)")
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
    fn the_equal_treatment_asset_names_rows_of_the_portfolio() {
        let asset = portfolio();
        let b = &asset.bundle;
        let has = |uuids: Vec<&str>, uuid: &str| uuids.contains(&uuid);
        let projects: Vec<&str> = b.projects.iter().map(|p| p.uuid.as_str()).collect();
        let meetings: Vec<&str> = b.meetings.iter().map(|m| m.uuid.as_str()).collect();
        let orgs: Vec<&str> = b.organisations.iter().map(|o| o.uuid.as_str()).collect();
        let people: Vec<&str> = b.people.iter().map(|p| p.uuid.as_str()).collect();
        let extra = equal_treatment();
        for i in &extra.information {
            assert!(has(projects.clone(), &i.project), "{}", i.uuid);
            assert!(
                i.meeting.iter().all(|m| has(meetings.clone(), m)),
                "{}",
                i.uuid
            );
            assert!(
                i.recipients.iter().all(|o| has(orgs.clone(), o)),
                "{}",
                i.uuid
            );
        }
        for i in &extra.interests {
            assert!(has(projects.clone(), &i.project), "{}", i.uuid);
            assert!(i.organisation.iter().all(|o| has(orgs.clone(), o)));
            assert!(i.person.iter().all(|p| has(people.clone(), p)));
        }
        // Given to one and later published, and given to some only.
        assert!(
            extra
                .information
                .iter()
                .any(|i| i.recipients.len() == 1 && i.shared_on.is_some())
        );
        assert!(extra.information.iter().any(|i| i.shared_on.is_none()));
        assert!(
            extra
                .interests
                .iter()
                .any(|i| i.kind == crate::domain::InterestKind::PriorInvolvement)
        );
    }
}
