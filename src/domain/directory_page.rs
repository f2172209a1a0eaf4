//! What the directory shows of one organisation, and where it is used.

use serde::Serialize;

use super::directory::{Organisation, Person};
use super::enums::{MeetingStatus, MeetingType};
use super::information::{InformationItem, Interest};

/// A project an organisation appears in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrgProject {
    pub id: i64,
    pub code: String,
    pub title: String,
    /// The organisation is the project's buyer.
    pub buyer: bool,
}

/// A meeting that people of the organisation were invited to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrgContact {
    pub meeting_id: i64,
    pub project_code: String,
    pub title: String,
    pub kind: MeetingType,
    pub start_at: String,
    pub status: MeetingStatus,
    /// Its people at the meeting, comma-separated.
    pub people: String,
}

/// An organisation's page: the record of every contact with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrganisationPage {
    pub organisation: Organisation,
    pub people: Vec<Person>,
    pub projects: Vec<OrgProject>,
    pub meetings: Vec<OrgContact>,
    pub information: Vec<InformationItem>,
    pub interests: Vec<Interest>,
}

impl OrganisationPage {
    /// How many lines the page has on screen (for scrolling): a heading and a blank
    /// line per section, plus its rows (at least one, "none").
    pub fn line_count(&self) -> usize {
        [
            self.people.len(),
            self.projects.len(),
            self.meetings.len(),
            self.information.len(),
            self.interests.len(),
        ]
        .iter()
        .map(|n| n.max(&1) + 2)
        .sum()
    }
}

/// Rows of one table that reference an organisation (the table's name is the code the
/// interface words).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Usage {
    pub table: String,
    pub rows: i64,
}
