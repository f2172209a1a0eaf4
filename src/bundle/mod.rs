//! The bundle: a versioned JSON picture of a whole store (or of one project), trash
//! included, that another store can import. It is a data-transfer format separate from
//! the rows: every row carries its UUID and timestamps, refers to other rows by UUID
//! (never by a store's integer id), and keeps enums, dates and times as their stored
//! text. Enum, date and time fields are plain strings here so that an import can report
//! every bad value with its path (see `validate`) instead of stopping at the first.
//!
//! Form drafts are per-machine scratch and are not in a bundle.
//! Plain data only: the store reads and writes bundles (`store::bundle`), operations
//! wrap them (`ops::bundle`).

mod parse;
mod schema;
pub mod validate;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::domain::{
    ActionStatus, AttendanceRole, Confidentiality, InfoChannel, InnovationLevel, InterestKind,
    LessonKind, MeetingFormat, MeetingStatus, MeetingType, MilestoneStatus, NeedStatus,
    NotesStatus, OrgKind, Phase, Priority, ProjectStatus, RoundKind, SuggestionStatus,
};

pub use parse::parse;
pub use schema::{Date, Timestamp, Uuid, json_schema};
pub use validate::{Issue, Known, KnownKeys, KnownRows, Problem, validate};

/// The `format` of every bundle.
pub const FORMAT: &str = "tidig-bundle";
/// The version of the format this tidig reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A bundle: a header, then one array per kind of row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "tidig bundle",
    description = "Everything in a tidig store, or one project."
)]
pub struct Bundle {
    /// Always "tidig-bundle".
    #[schemars(extend("const" = "tidig-bundle"))]
    pub format: String,
    /// The version of this format; this schema describes version 1.
    #[schemars(extend("const" = 1))]
    pub format_version: u32,
    /// The tidig version that wrote the bundle.
    pub app_version: String,
    /// When the bundle was written (UTC).
    pub exported_at: Timestamp,
    /// What the bundle holds: the whole store, or one project and what it refers to.
    pub scope: Scope,
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub projects: Vec<Project>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    #[serde(default)]
    pub agenda_items: Vec<AgendaItem>,
    #[serde(default)]
    pub attendance: Vec<Attendance>,
    #[serde(default)]
    pub needs: Vec<Need>,
    #[serde(default)]
    pub need_evidence: Vec<NeedEvidence>,
    #[serde(default)]
    pub need_status_changes: Vec<NeedStatusChange>,
    #[serde(default)]
    pub suggestions: Vec<Suggestion>,
    #[serde(default)]
    pub lessons: Vec<Lesson>,
    #[serde(default)]
    pub notes: Vec<Note>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(default)]
    pub action_items: Vec<ActionItem>,
    #[serde(default)]
    pub questions: Vec<Question>,
    #[serde(default)]
    pub notes_status_changes: Vec<NotesStatusChange>,
    #[serde(default)]
    pub exports: Vec<Export>,
    #[serde(default)]
    pub information_items: Vec<InformationItem>,
    #[serde(default)]
    pub interests: Vec<Interest>,
    #[serde(default)]
    pub meeting_registrations: Vec<MeetingRegistration>,
    #[serde(default)]
    pub dialogue_rounds: Vec<DialogueRound>,
    #[serde(default)]
    pub round_questions: Vec<RoundQuestion>,
    #[serde(default)]
    pub round_suppliers: Vec<RoundSupplier>,
    #[serde(default)]
    pub round_answers: Vec<RoundAnswer>,
}

impl Bundle {
    /// A bundle with a header and no rows.
    pub fn empty(scope: Scope, exported_at: Timestamp) -> Bundle {
        Bundle {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            app_version: env!("CARGO_PKG_VERSION").into(),
            exported_at,
            scope,
            organisations: Vec::new(),
            people: Vec::new(),
            projects: Vec::new(),
            milestones: Vec::new(),
            meetings: Vec::new(),
            agenda_items: Vec::new(),
            attendance: Vec::new(),
            needs: Vec::new(),
            need_evidence: Vec::new(),
            need_status_changes: Vec::new(),
            suggestions: Vec::new(),
            lessons: Vec::new(),
            notes: Vec::new(),
            decisions: Vec::new(),
            action_items: Vec::new(),
            questions: Vec::new(),
            notes_status_changes: Vec::new(),
            exports: Vec::new(),
            information_items: Vec::new(),
            interests: Vec::new(),
            meeting_registrations: Vec::new(),
            dialogue_rounds: Vec::new(),
            round_questions: Vec::new(),
            round_suppliers: Vec::new(),
            round_answers: Vec::new(),
        }
    }

    /// How many rows of each section the bundle holds.
    pub fn counts(&self) -> BTreeMap<Section, usize> {
        Section::ALL.iter().map(|&s| (s, self.len_of(s))).collect()
    }

    fn len_of(&self, section: Section) -> usize {
        match section {
            Section::Organisations => self.organisations.len(),
            Section::People => self.people.len(),
            Section::Projects => self.projects.len(),
            Section::Milestones => self.milestones.len(),
            Section::Meetings => self.meetings.len(),
            Section::AgendaItems => self.agenda_items.len(),
            Section::Attendance => self.attendance.len(),
            Section::Needs => self.needs.len(),
            Section::NeedEvidence => self.need_evidence.len(),
            Section::NeedStatusChanges => self.need_status_changes.len(),
            Section::Suggestions => self.suggestions.len(),
            Section::Lessons => self.lessons.len(),
            Section::Notes => self.notes.len(),
            Section::Decisions => self.decisions.len(),
            Section::ActionItems => self.action_items.len(),
            Section::Questions => self.questions.len(),
            Section::NotesStatusChanges => self.notes_status_changes.len(),
            Section::Exports => self.exports.len(),
            Section::InformationItems => self.information_items.len(),
            Section::Interests => self.interests.len(),
            Section::MeetingRegistrations => self.meeting_registrations.len(),
            Section::DialogueRounds => self.dialogue_rounds.len(),
            Section::RoundQuestions => self.round_questions.len(),
            Section::RoundSuppliers => self.round_suppliers.len(),
            Section::RoundAnswers => self.round_answers.len(),
        }
    }

    /// The bundle as pretty-printed JSON, ending with a newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a bundle serialises");
        text.push('\n');
        text
    }
}

/// What a bundle holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Everything in the store.
    All,
    /// One project (by code): its rows, and the rows they refer to.
    Project(String),
}

/// The bundle's arrays, in the order they are written and imported (a row only refers
/// to rows of earlier sections, except a need merged into another need).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Organisations,
    People,
    Projects,
    Milestones,
    Meetings,
    AgendaItems,
    Attendance,
    Needs,
    NeedEvidence,
    NeedStatusChanges,
    Suggestions,
    Lessons,
    Notes,
    Decisions,
    ActionItems,
    Questions,
    NotesStatusChanges,
    Exports,
    InformationItems,
    Interests,
    MeetingRegistrations,
    DialogueRounds,
    RoundQuestions,
    RoundSuppliers,
    RoundAnswers,
}

impl Section {
    pub const ALL: [Section; 25] = [
        Self::Organisations,
        Self::People,
        Self::Projects,
        Self::Milestones,
        Self::Meetings,
        Self::AgendaItems,
        Self::Attendance,
        Self::Needs,
        Self::NeedEvidence,
        Self::NeedStatusChanges,
        Self::Suggestions,
        Self::Lessons,
        Self::Notes,
        Self::Decisions,
        Self::ActionItems,
        Self::Questions,
        Self::NotesStatusChanges,
        Self::Exports,
        Self::InformationItems,
        Self::Interests,
        Self::MeetingRegistrations,
        Self::DialogueRounds,
        Self::RoundQuestions,
        Self::RoundSuppliers,
        Self::RoundAnswers,
    ];

    /// The array's name in the bundle, which is also the table's name in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Organisations => "organisations",
            Self::People => "people",
            Self::Projects => "projects",
            Self::Milestones => "milestones",
            Self::Meetings => "meetings",
            Self::AgendaItems => "agenda_items",
            Self::Attendance => "attendance",
            Self::Needs => "needs",
            Self::NeedEvidence => "need_evidence",
            Self::NeedStatusChanges => "need_status_changes",
            Self::Suggestions => "suggestions",
            Self::Lessons => "lessons",
            Self::Notes => "notes",
            Self::Decisions => "decisions",
            Self::ActionItems => "action_items",
            Self::Questions => "questions",
            Self::NotesStatusChanges => "notes_status_changes",
            Self::Exports => "exports",
            Self::InformationItems => "information_items",
            Self::Interests => "interests",
            Self::MeetingRegistrations => "meeting_registrations",
            Self::DialogueRounds => "dialogue_rounds",
            Self::RoundQuestions => "round_questions",
            Self::RoundSuppliers => "round_suppliers",
            Self::RoundAnswers => "round_answers",
        }
    }

    /// History rows have no `updated_at`: they are never changed, only added.
    pub fn is_history(self) -> bool {
        matches!(
            self,
            Self::NeedStatusChanges | Self::NotesStatusChanges | Self::Exports
        )
    }
}

/// What every kind of row offers the generic export and import: its section, its
/// identity and version, and where a bundle keeps rows of its kind.
pub trait BundleRow: Serialize + serde::de::DeserializeOwned {
    const SECTION: Section;
    fn uuid(&self) -> &str;
    /// `None` for history rows.
    fn updated_at(&self) -> Option<&str>;
    fn of(bundle: &Bundle) -> &[Self];
    fn of_mut(bundle: &mut Bundle) -> &mut Vec<Self>;
}

macro_rules! bundle_row {
    ($type:ident, $section:ident, $field:ident $(, $history:ident)?) => {
        impl BundleRow for $type {
            const SECTION: Section = Section::$section;
            fn uuid(&self) -> &str {
                &self.uuid.0
            }
            fn updated_at(&self) -> Option<&str> {
                bundle_row!(@updated self $($history)?)
            }
            fn of(bundle: &Bundle) -> &[Self] {
                &bundle.$field
            }
            fn of_mut(bundle: &mut Bundle) -> &mut Vec<Self> {
                &mut bundle.$field
            }
        }
    };
    (@updated $row:ident history) => {
        None
    };
    (@updated $row:ident) => {
        Some(&$row.updated_at.0)
    };
}

bundle_row!(Organisation, Organisations, organisations);
bundle_row!(Person, People, people);
bundle_row!(Project, Projects, projects);
bundle_row!(Milestone, Milestones, milestones);
bundle_row!(Meeting, Meetings, meetings);
bundle_row!(AgendaItem, AgendaItems, agenda_items);
bundle_row!(Attendance, Attendance, attendance);
bundle_row!(Need, Needs, needs);
bundle_row!(NeedEvidence, NeedEvidence, need_evidence);
bundle_row!(
    NeedStatusChange,
    NeedStatusChanges,
    need_status_changes,
    history
);
bundle_row!(Suggestion, Suggestions, suggestions);
bundle_row!(Lesson, Lessons, lessons);
bundle_row!(Note, Notes, notes);
bundle_row!(Decision, Decisions, decisions);
bundle_row!(ActionItem, ActionItems, action_items);
bundle_row!(Question, Questions, questions);
bundle_row!(
    NotesStatusChange,
    NotesStatusChanges,
    notes_status_changes,
    history
);
bundle_row!(Export, Exports, exports, history);
bundle_row!(InformationItem, InformationItems, information_items);
bundle_row!(Interest, Interests, interests);
bundle_row!(
    MeetingRegistration,
    MeetingRegistrations,
    meeting_registrations
);
bundle_row!(DialogueRound, DialogueRounds, dialogue_rounds);
bundle_row!(RoundQuestion, RoundQuestions, round_questions);
bundle_row!(RoundSupplier, RoundSuppliers, round_suppliers);
bundle_row!(RoundAnswer, RoundAnswers, round_answers);

// ----- the rows ------------------------------------------------------------------------
// Field names are the store's column names; a reference drops the `_id` (`project`,
// `meeting`) and holds the UUID of the row it points at.

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub uuid: Uuid,
    pub name: String,
    #[schemars(with = "OrgKind")]
    pub kind: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Set when the row is in the trash.
    pub deleted_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub uuid: Uuid,
    pub name: String,
    pub organisation: Option<Uuid>,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub uuid: Uuid,
    /// Unique in a store, also against projects in the trash.
    pub code: String,
    pub title: String,
    /// The contracting authority (an organisation).
    pub buyer: Option<Uuid>,
    #[serde(default)]
    pub case_number: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub goal: String,
    #[schemars(with = "Phase")]
    pub phase: String,
    #[schemars(with = "ProjectStatus")]
    pub status: String,
    #[schemars(with = "Option<InnovationLevel>")]
    pub innovation_level: Option<String>,
    #[serde(default)]
    pub planned_procedure: String,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub last_reviewed_at: Option<Timestamp>,
    /// The last need number handed out: need codes are never reused.
    #[serde(default)]
    #[schemars(range(min = 0))]
    pub last_need_number: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub uuid: Uuid,
    pub project: Uuid,
    pub title: String,
    pub due_date: Option<Date>,
    pub done_date: Option<Date>,
    #[schemars(with = "MilestoneStatus")]
    pub status: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub uuid: Uuid,
    pub project: Uuid,
    /// The meeting type.
    #[schemars(with = "MeetingType")]
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub desired_outcome: String,
    #[schemars(with = "MeetingFormat")]
    pub format: String,
    /// Place or link.
    #[serde(default)]
    pub location: String,
    pub start_at: Timestamp,
    /// After `start_at`.
    pub end_at: Timestamp,
    #[schemars(with = "MeetingStatus")]
    pub status: String,
    #[schemars(with = "NotesStatus")]
    pub notes_status: String,
    /// The ticked points of the equal-treatment checklist, one bit each.
    #[serde(default)]
    pub checklist: u32,
    /// A cancelled meeting's status before it was cancelled (planned or held), given
    /// back when it is reinstated.
    #[serde(default)]
    #[schemars(with = "Option<MeetingStatus>")]
    pub status_before_cancel: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub uuid: Uuid,
    pub meeting: Uuid,
    /// Order within the meeting; start times follow from it and are not stored.
    pub position: i64,
    pub title: String,
    #[schemars(range(min = 1))]
    pub minutes: i64,
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub expected_outcome: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

/// A person invited to (or attending) a meeting; one row per meeting and person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    pub uuid: Uuid,
    pub meeting: Uuid,
    pub person: Uuid,
    #[schemars(with = "AttendanceRole")]
    pub role: String,
    pub invited: bool,
    pub attended: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Need {
    pub uuid: Uuid,
    pub project: Uuid,
    /// The need's code is B- and this number; unique within its project.
    #[schemars(range(min = 1))]
    pub number: i64,
    pub statement: String,
    #[serde(default)]
    pub as_a: String,
    #[serde(default)]
    pub i_need: String,
    #[serde(default)]
    pub so_that: String,
    #[serde(default)]
    pub category: String,
    #[schemars(with = "Option<Priority>")]
    pub priority: Option<String>,
    #[schemars(with = "NeedStatus")]
    pub status: String,
    #[serde(default)]
    pub status_reason: String,
    /// The need this one was merged into.
    pub merged_into: Option<Uuid>,
    #[serde(default)]
    pub owner: String,
    /// Who may read it: the four labels of notes. Bundles written before outcomes had
    /// labels have no such field; their rows import as `internal`, which leaks nothing.
    #[serde(default = "internal_label")]
    #[schemars(with = "Confidentiality")]
    pub confidentiality: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

/// Where a need came from: a meeting, a person and/or a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NeedEvidence {
    pub uuid: Uuid,
    pub need: Uuid,
    pub meeting: Option<Uuid>,
    pub person: Option<Uuid>,
    #[serde(default)]
    pub document: String,
    #[serde(default)]
    pub note: String,
    /// Who may read it: the four labels of notes. Bundles written before outcomes had
    /// labels have no such field; their rows import as `internal`, which leaks nothing.
    #[serde(default = "internal_label")]
    #[schemars(with = "Confidentiality")]
    pub confidentiality: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// One step of a need's status history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NeedStatusChange {
    pub uuid: Uuid,
    pub need: Uuid,
    /// `null` for the first step.
    #[schemars(with = "Option<NeedStatus>")]
    pub from_status: Option<String>,
    #[schemars(with = "NeedStatus")]
    pub to_status: String,
    #[serde(default)]
    pub reason: String,
    pub changed_at: Timestamp,
}

/// An improvement suggestion (förbättringsförslag).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Suggestion {
    pub uuid: Uuid,
    pub project: Uuid,
    /// The meeting it came from.
    pub meeting: Option<Uuid>,
    /// The phase it concerns.
    #[schemars(with = "Phase")]
    pub phase: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub rationale: String,
    #[schemars(with = "SuggestionStatus")]
    pub status: String,
    #[serde(default)]
    pub buyer_response: String,
    pub decision_date: Option<Date>,
    /// Who may read it: the four labels of notes. Bundles written before outcomes had
    /// labels have no such field; their rows import as `internal`, which leaks nothing.
    #[serde(default = "internal_label")]
    #[schemars(with = "Confidentiality")]
    pub confidentiality: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

/// A lesson, good example or pitfall; with no project it is a general one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    pub uuid: Uuid,
    pub project: Option<Uuid>,
    #[schemars(with = "Option<Phase>")]
    pub phase: Option<String>,
    #[schemars(with = "LessonKind")]
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub context: String,
    #[serde(default)]
    pub what_happened: String,
    #[serde(default)]
    pub what_we_learned: String,
    #[serde(default)]
    pub recommendation: String,
    #[serde(default)]
    pub shareable: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

/// Meeting notes: on the meeting as a whole, or on one agenda block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub uuid: Uuid,
    pub meeting: Uuid,
    pub agenda_item: Option<Uuid>,
    /// Markdown.
    #[serde(default)]
    pub body: String,
    #[schemars(with = "Confidentiality")]
    pub confidentiality: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub uuid: Uuid,
    pub project: Uuid,
    pub meeting: Option<Uuid>,
    pub text: String,
    #[serde(default)]
    pub rationale: String,
    #[serde(default)]
    pub decided_by: String,
    pub decided_on: Date,
    /// Who may read it: the four labels of notes. Bundles written before outcomes had
    /// labels have no such field; their rows import as `internal`, which leaks nothing.
    #[serde(default = "internal_label")]
    #[schemars(with = "Confidentiality")]
    pub confidentiality: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub uuid: Uuid,
    pub project: Uuid,
    pub meeting: Option<Uuid>,
    pub title: String,
    #[serde(default)]
    pub owner: String,
    pub due_date: Option<Date>,
    #[schemars(with = "ActionStatus")]
    pub status: String,
    pub done_date: Option<Date>,
    /// Who may read it: the four labels of notes. Bundles written before outcomes had
    /// labels have no such field; their rows import as `internal`, which leaks nothing.
    #[serde(default = "internal_label")]
    #[schemars(with = "Confidentiality")]
    pub confidentiality: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

/// An open question raised in a meeting, with its answer once there is one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub uuid: Uuid,
    pub meeting: Uuid,
    pub text: String,
    #[serde(default)]
    pub answer: String,
    /// Who may read it: the four labels of notes. Bundles written before outcomes had
    /// labels have no such field; their rows import as `internal`, which leaks nothing.
    #[serde(default = "internal_label")]
    #[schemars(with = "Confidentiality")]
    pub confidentiality: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

/// When a meeting's notes reached a status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotesStatusChange {
    pub uuid: Uuid,
    pub meeting: Uuid,
    #[schemars(with = "NotesStatus")]
    pub status: String,
    pub changed_at: Timestamp,
    /// Who approved the notes (the justerare), as given when they were approved; left
    /// out where no name was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_name: Option<String>,
}

/// One export of a meeting's notes: what, in which format, for whom, to which file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Export {
    pub uuid: Uuid,
    pub meeting: Uuid,
    pub what: String,
    pub format: String,
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub file: String,
    pub exported_at: Timestamp,
}

/// An entry of a project's information log: what was given to which suppliers, and
/// when and where it was made available to all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InformationItem {
    pub uuid: Uuid,
    pub project: Uuid,
    #[schemars(with = "InfoChannel")]
    pub channel: String,
    /// The meeting it was given in.
    pub meeting: Option<Uuid>,
    /// Where it was given when not in a meeting.
    #[serde(default)]
    pub origin: String,
    pub given_on: Date,
    pub title: String,
    #[serde(default)]
    pub details: String,
    /// The organisations it was given to.
    #[serde(default)]
    pub recipients: Vec<Uuid>,
    /// When it was made available to every supplier; none while only some have it.
    pub shared_on: Option<Date>,
    /// Where it was made available to all (required with `shared_on`).
    #[serde(default)]
    pub shared_channel: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

/// A declared interest or prior involvement in preparing a project, of an
/// organisation, a person, or both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interest {
    pub uuid: Uuid,
    pub project: Uuid,
    pub organisation: Option<Uuid>,
    pub person: Option<Uuid>,
    #[schemars(with = "InterestKind")]
    pub kind: String,
    pub description: String,
    /// What was done about it: information shared with all, adequate time limits …
    #[serde(default)]
    pub measures: String,
    pub declared_on: Option<Date>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

/// A meeting's documentation registered in the case (diarieförd); one per meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingRegistration {
    pub uuid: Uuid,
    pub meeting: Uuid,
    pub document_number: String,
    pub registered_on: Date,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A dialogue round (dialogomgång) of a project: the same questions put to every
/// supplier taking part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DialogueRound {
    pub uuid: Uuid,
    pub project: Uuid,
    /// One-to-one dialogues, a request for information, an external review or a
    /// supplier workshop.
    #[schemars(with = "RoundKind")]
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub purpose: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

/// One question of a round's set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundQuestion {
    pub uuid: Uuid,
    pub round: Uuid,
    /// Order within the round (the questions are numbered 1, 2, 3 … among the live
    /// ones, in this order).
    #[schemars(range(min = 1))]
    pub position: i64,
    pub text: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

/// An organisation taking part in a round as a supplier; one per round and
/// organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundSupplier {
    pub uuid: Uuid,
    pub round: Uuid,
    pub organisation: Uuid,
    /// The number it got when it joined, unique in its round: its letter in the shared
    /// compilation (1 is "Leverantör A").
    #[schemars(range(min = 1))]
    pub seq: i64,
    /// Its one-to-one meeting in the round; none for a written answer.
    pub meeting: Option<Uuid>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// A question put to a supplier of its round, and what it answered (empty: nothing
/// yet); one per question and organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundAnswer {
    pub uuid: Uuid,
    pub question: Uuid,
    /// A supplier of the question's round.
    pub organisation: Uuid,
    /// The meeting it was given in.
    pub meeting: Option<Uuid>,
    #[serde(default)]
    pub body: String,
    /// Who may read it: the four labels of notes.
    #[serde(default = "internal_label")]
    #[schemars(with = "Confidentiality")]
    pub confidentiality: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// The label of outcomes in bundles written before they had one.
fn internal_label() -> String {
    "internal".into()
}

/// What an import does with a row the store already has (matched by UUID).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ImportMode {
    /// Update it when the bundle's `updated_at` is newer; keep it as a conflict when
    /// the store's is.
    #[default]
    Merge,
    /// Leave it alone: only rows new to the store are written (the demo, whose
    /// shifted stamps may look newer than a user's edits of its rows).
    InsertOnly,
}

/// What an import did (or, in a dry run, would do) with each section's rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub dry_run: bool,
    pub sections: BTreeMap<Section, SectionCounts>,
}

impl ImportReport {
    pub fn total(&self) -> SectionCounts {
        let mut total = SectionCounts::default();
        for c in self.sections.values() {
            total.inserted += c.inserted;
            total.updated += c.updated;
            total.unchanged += c.unchanged;
            total.conflicts.extend(c.conflicts.iter().cloned());
        }
        total
    }
}

/// Rows new to the store were inserted; rows it had were updated when the bundle's
/// `updated_at` was newer, left alone when equal (history rows it had: always), and
/// kept as a conflict when the store's was newer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionCounts {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// The UUIDs of the rows the store kept because its version is newer.
    pub conflicts: Vec<String>,
}
