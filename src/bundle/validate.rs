//! Checks a parsed bundle against the rules of the store, before anything is written:
//! every problem is found and reported with its path (`meetings[3].start_at`), so that
//! one round of fixes is enough. Pure: the store is seen only through [`Known`].

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};

use super::{Bundle, Date, FORMAT, FORMAT_VERSION, Section, Timestamp, Uuid};
use crate::domain::{
    ActionStatus, AttendanceRole, Confidentiality, InfoChannel, InnovationLevel, InterestKind,
    LessonKind, MeetingFormat, MeetingStatus, MeetingType, MilestoneStatus, NeedStatus,
    NotesStatus, OrgKind, Phase, Priority, ProjectStatus, RoundKind, SuggestionStatus, TextEnum,
};

/// One problem and where it is. An empty path means the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub path: String,
    pub problem: Problem,
}

/// What is wrong; `crate::text::bundle_problem` says it in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not JSON: the parser stopped here.
    Malformed {
        line: usize,
        column: usize,
        detail: String,
    },
    /// JSON, but not shaped like a bundle: a missing field, a wrong type, an unknown field.
    Shape {
        line: usize,
        column: usize,
        detail: String,
    },
    /// `format` is not "tidig-bundle".
    NotABundle,
    /// A `format_version` this tidig does not know (the value found).
    UnknownFormatVersion(String),
    UnknownValue {
        value: String,
        allowed: Vec<&'static str>,
    },
    InvalidUuid(String),
    InvalidDate(String),
    InvalidTimestamp(String),
    /// The same UUID twice in one section; the path of the first.
    DuplicateUuid {
        first: String,
    },
    /// A reference to a row that is neither in the bundle nor in the store.
    Dangling {
        section: Section,
        uuid: String,
    },
    /// Required text that is empty.
    Blank,
    /// Not a project code (capitals, digits, single hyphens; at most 12 characters).
    InvalidCode,
    /// Another project in the store has this code.
    CodeTaken,
    /// Another project in the bundle has this code; the path of the first.
    DuplicateCode {
        first: String,
    },
    /// Another need of the project in the store has this number.
    NeedNumberTaken,
    DuplicateNeedNumber {
        first: String,
    },
    /// The store has this person at this meeting as another row.
    AttendanceTaken,
    DuplicateAttendance {
        first: String,
    },
    /// A meeting must end after it starts.
    EndNotAfterStart,
    /// A project's end date is before its start date.
    EndBeforeStart,
    /// Information made available to all before it was given.
    SharedBeforeGiven,
    /// A second registration of a meeting in the bundle; the path of the first.
    DuplicateRegistration {
        first: String,
    },
    /// The store has this meeting's registration as another row.
    RegistrationTaken,
    /// Must be 1 or more.
    NotPositive,
    /// Must be 0 or more.
    Negative,
    /// Evidence needs a meeting, a person or a document.
    NoEvidenceSource,
    /// The organisation takes part in the round already, in this row of the bundle.
    DuplicateRoundSupplier {
        first: String,
    },
    /// The store has this organisation in this round as another row.
    RoundSupplierTaken,
    /// Another supplier of the round has this number (its letter) in the bundle.
    DuplicateSupplierNumber {
        first: String,
    },
    /// Another supplier of the round in the store has this number.
    SupplierNumberTaken,
    /// The same question and organisation as this row of the bundle.
    DuplicateAnswer {
        first: String,
    },
    /// The store has this question × organisation as another row.
    AnswerTaken,
    /// An answer from an organisation that is not a supplier of the question's round.
    NotInRound,
}

/// What the target store already has, as far as validation needs to know.
pub trait Known {
    /// Whether the store has a row with this UUID in this section (trash included).
    fn has(&self, section: Section, uuid: &str) -> bool;
    /// The store's keys that must stay unique.
    fn keys(&self) -> &KnownKeys;
}

/// The store's keys that must stay unique, each mapped to the UUID of the row that has
/// it (trash included). One struct for validation and for the import that follows it.
#[derive(Debug, Clone, Default)]
pub struct KnownKeys {
    /// Project code → project UUID.
    pub project_codes: HashMap<String, String>,
    /// (project UUID, need number) → need UUID.
    pub need_numbers: HashMap<(String, i64), String>,
    /// (meeting UUID, person UUID) → attendance UUID.
    pub attendance: HashMap<(String, String), String>,
    /// Meeting UUID → the UUID of its registration in the case.
    pub registrations: HashMap<String, String>,
    /// (round UUID, organisation UUID) → round supplier UUID.
    pub round_suppliers: HashMap<(String, String), String>,
    /// (round UUID, number) → round supplier UUID.
    pub round_numbers: HashMap<(String, i64), String>,
    /// (question UUID, organisation UUID) → answer UUID.
    pub answers: HashMap<(String, String), String>,
    /// Question UUID → its round's UUID.
    pub question_rounds: HashMap<String, String>,
}

impl KnownKeys {
    /// The UUID of the store's project with this code.
    pub fn project_with_code(&self, code: &str) -> Option<&str> {
        self.project_codes.get(code).map(String::as_str)
    }
    /// The UUID of the store's need with this number in the project with this UUID.
    pub fn need_with_number(&self, project: &str, number: i64) -> Option<&str> {
        self.need_numbers
            .get(&(project.to_string(), number))
            .map(String::as_str)
    }
    /// The UUID of the store's attendance row of this person at this meeting.
    pub fn attendance_of(&self, meeting: &str, person: &str) -> Option<&str> {
        self.attendance
            .get(&(meeting.to_string(), person.to_string()))
            .map(String::as_str)
    }
    /// The UUID of the store's registration of this meeting in the case.
    pub fn registration_of(&self, meeting: &str) -> Option<&str> {
        self.registrations.get(meeting).map(String::as_str)
    }
    /// The UUID of the store's row of this organisation in this round.
    pub fn round_supplier_of(&self, round: &str, organisation: &str) -> Option<&str> {
        self.round_suppliers
            .get(&(round.to_string(), organisation.to_string()))
            .map(String::as_str)
    }
    /// The UUID of the store's supplier of this round with this number.
    pub fn round_number_of(&self, round: &str, seq: i64) -> Option<&str> {
        self.round_numbers
            .get(&(round.to_string(), seq))
            .map(String::as_str)
    }
    /// The UUID of the store's answer row of this question and organisation.
    pub fn answer_of(&self, question: &str, organisation: &str) -> Option<&str> {
        self.answers
            .get(&(question.to_string(), organisation.to_string()))
            .map(String::as_str)
    }
    /// The UUID of the round of the store's question with this UUID.
    pub fn round_of_question(&self, question: &str) -> Option<&str> {
        self.question_rounds.get(question).map(String::as_str)
    }
}

/// A plain [`Known`]: what a store has, gathered in memory. `KnownRows::default()` is an
/// empty store.
#[derive(Debug, Clone, Default)]
pub struct KnownRows {
    pub uuids: HashMap<Section, HashSet<String>>,
    pub keys: KnownKeys,
}

impl Known for KnownRows {
    fn has(&self, section: Section, uuid: &str) -> bool {
        self.uuids.get(&section).is_some_and(|s| s.contains(uuid))
    }
    fn keys(&self) -> &KnownKeys {
        &self.keys
    }
}

/// Every problem of `bundle` for a store that has `known`; empty when it can be
/// imported.
pub fn validate(bundle: &Bundle, known: &impl Known) -> Vec<Issue> {
    let mut c = Checker::new(bundle, known);
    c.header(bundle);
    c.organisations(bundle);
    c.people(bundle);
    c.projects(bundle);
    c.milestones(bundle);
    c.meetings(bundle);
    c.agenda_items(bundle);
    c.attendance(bundle);
    c.needs(bundle);
    c.need_evidence(bundle);
    c.need_status_changes(bundle);
    c.suggestions(bundle);
    c.lessons(bundle);
    c.notes(bundle);
    c.decisions(bundle);
    c.action_items(bundle);
    c.questions(bundle);
    c.notes_status_changes(bundle);
    c.exports(bundle);
    c.information_items(bundle);
    c.interests(bundle);
    c.meeting_registrations(bundle);
    c.dialogue_rounds(bundle);
    c.round_questions(bundle);
    c.round_suppliers(bundle);
    c.round_answers(bundle);
    c.issues
}

/// Where a row is: its section and index. Paths are only formatted for problems.
#[derive(Clone, Copy)]
struct At(Section, usize);

impl At {
    fn path(self, field: &str) -> String {
        format!("{}[{}].{field}", self.0.as_str(), self.1)
    }
    fn row(self) -> String {
        format!("{}[{}]", self.0.as_str(), self.1)
    }
}

struct Checker<'a, K: Known> {
    known: &'a K,
    /// The bundle's own UUIDs per section, with the index of their first row.
    uuids: HashMap<Section, HashMap<&'a str, usize>>,
    issues: Vec<Issue>,
}

/// Every section's rows as (index, uuid), for the first pass.
fn uuids_of(bundle: &Bundle) -> Vec<(Section, Vec<&Uuid>)> {
    fn ids<T>(rows: &[T], uuid: impl Fn(&T) -> &Uuid) -> Vec<&Uuid> {
        rows.iter().map(uuid).collect()
    }
    use Section as S;
    vec![
        (S::Organisations, ids(&bundle.organisations, |r| &r.uuid)),
        (S::People, ids(&bundle.people, |r| &r.uuid)),
        (S::Projects, ids(&bundle.projects, |r| &r.uuid)),
        (S::Milestones, ids(&bundle.milestones, |r| &r.uuid)),
        (S::Meetings, ids(&bundle.meetings, |r| &r.uuid)),
        (S::AgendaItems, ids(&bundle.agenda_items, |r| &r.uuid)),
        (S::Attendance, ids(&bundle.attendance, |r| &r.uuid)),
        (S::Needs, ids(&bundle.needs, |r| &r.uuid)),
        (S::NeedEvidence, ids(&bundle.need_evidence, |r| &r.uuid)),
        (
            S::NeedStatusChanges,
            ids(&bundle.need_status_changes, |r| &r.uuid),
        ),
        (S::Suggestions, ids(&bundle.suggestions, |r| &r.uuid)),
        (S::Lessons, ids(&bundle.lessons, |r| &r.uuid)),
        (S::Notes, ids(&bundle.notes, |r| &r.uuid)),
        (S::Decisions, ids(&bundle.decisions, |r| &r.uuid)),
        (S::ActionItems, ids(&bundle.action_items, |r| &r.uuid)),
        (S::Questions, ids(&bundle.questions, |r| &r.uuid)),
        (
            S::NotesStatusChanges,
            ids(&bundle.notes_status_changes, |r| &r.uuid),
        ),
        (S::Exports, ids(&bundle.exports, |r| &r.uuid)),
        (
            S::InformationItems,
            ids(&bundle.information_items, |r| &r.uuid),
        ),
        (S::Interests, ids(&bundle.interests, |r| &r.uuid)),
        (
            S::MeetingRegistrations,
            ids(&bundle.meeting_registrations, |r| &r.uuid),
        ),
        (S::DialogueRounds, ids(&bundle.dialogue_rounds, |r| &r.uuid)),
        (S::RoundQuestions, ids(&bundle.round_questions, |r| &r.uuid)),
        (S::RoundSuppliers, ids(&bundle.round_suppliers, |r| &r.uuid)),
        (S::RoundAnswers, ids(&bundle.round_answers, |r| &r.uuid)),
    ]
}

impl<'a, K: Known> Checker<'a, K> {
    /// Indexes the bundle's UUIDs, reporting malformed and duplicate ones.
    fn new(bundle: &'a Bundle, known: &'a K) -> Self {
        let mut checker = Checker {
            known,
            uuids: HashMap::new(),
            issues: Vec::new(),
        };
        for (section, uuids) in uuids_of(bundle) {
            let mut seen: HashMap<&'a str, usize> = HashMap::with_capacity(uuids.len());
            for (i, uuid) in uuids.into_iter().enumerate() {
                let at = At(section, i);
                if !is_uuid(uuid.as_str()) {
                    checker.problem(at.path("uuid"), Problem::InvalidUuid(uuid.0.clone()));
                } else if let Some(&first) = seen.get(uuid.as_str()) {
                    let first = At(section, first).row();
                    checker.problem(at.path("uuid"), Problem::DuplicateUuid { first });
                } else {
                    seen.insert(uuid.as_str(), i);
                }
            }
            checker.uuids.insert(section, seen);
        }
        checker
    }

    fn problem(&mut self, path: String, problem: Problem) {
        self.issues.push(Issue { path, problem });
    }

    // ----- field checks -------------------------------------------------------------

    /// A reference must name a row of `section` in the bundle or in the store.
    fn reference(&mut self, at: At, field: &str, section: Section, uuid: &Uuid) {
        if !is_uuid(uuid.as_str()) {
            self.problem(at.path(field), Problem::InvalidUuid(uuid.0.clone()));
        } else if !self.in_bundle(section, uuid.as_str()) && !self.known.has(section, uuid.as_str())
        {
            self.problem(
                at.path(field),
                Problem::Dangling {
                    section,
                    uuid: uuid.0.clone(),
                },
            );
        }
    }

    fn optional_reference(&mut self, at: At, field: &str, section: Section, uuid: Option<&Uuid>) {
        if let Some(uuid) = uuid {
            self.reference(at, field, section, uuid);
        }
    }

    fn in_bundle(&self, section: Section, uuid: &str) -> bool {
        self.uuids
            .get(&section)
            .is_some_and(|m| m.contains_key(uuid))
    }

    fn value<E: TextEnum>(&mut self, at: At, field: &str, value: &str) {
        if E::parse(value).is_none() {
            let allowed = E::ALL.iter().map(|v| v.as_str()).collect();
            self.problem(
                at.path(field),
                Problem::UnknownValue {
                    value: value.to_string(),
                    allowed,
                },
            );
        }
    }

    fn optional_value<E: TextEnum>(&mut self, at: At, field: &str, value: Option<&String>) {
        if let Some(v) = value {
            self.value::<E>(at, field, v);
        }
    }

    fn date(&mut self, at: At, field: &str, date: &Date) -> Option<NaiveDate> {
        let parsed = parse_date(date.as_str());
        if parsed.is_none() {
            self.problem(at.path(field), Problem::InvalidDate(date.0.clone()));
        }
        parsed
    }

    fn optional_date(&mut self, at: At, field: &str, date: Option<&Date>) -> Option<NaiveDate> {
        date.and_then(|d| self.date(at, field, d))
    }

    fn timestamp(&mut self, at: At, field: &str, t: &Timestamp) -> Option<NaiveDateTime> {
        let parsed = parse_timestamp(t.as_str());
        if parsed.is_none() {
            self.problem(at.path(field), Problem::InvalidTimestamp(t.0.clone()));
        }
        parsed
    }

    fn optional_timestamp(&mut self, at: At, field: &str, t: Option<&Timestamp>) {
        if let Some(t) = t {
            self.timestamp(at, field, t);
        }
    }

    /// `created_at`, `updated_at` and (for rows that go to the trash) `deleted_at`.
    fn stamps(&mut self, at: At, created: &Timestamp, updated: &Timestamp) {
        self.timestamp(at, "created_at", created);
        self.timestamp(at, "updated_at", updated);
    }

    fn trashable(
        &mut self,
        at: At,
        created: &Timestamp,
        updated: &Timestamp,
        deleted: Option<&Timestamp>,
    ) {
        self.stamps(at, created, updated);
        self.optional_timestamp(at, "deleted_at", deleted);
    }

    /// Text the store requires: not empty and not only spaces (the schema's CHECK).
    fn required(&mut self, at: At, field: &str, text: &str) {
        if text.trim_matches(' ').is_empty() {
            self.problem(at.path(field), Problem::Blank);
        }
    }

    // ----- sections -----------------------------------------------------------------

    fn header(&mut self, b: &Bundle) {
        if b.format != FORMAT {
            self.problem("format".into(), Problem::NotABundle);
        }
        if b.format_version != FORMAT_VERSION {
            self.problem(
                "format_version".into(),
                Problem::UnknownFormatVersion(b.format_version.to_string()),
            );
        }
        if parse_timestamp(b.exported_at.as_str()).is_none() {
            self.problem(
                "exported_at".into(),
                Problem::InvalidTimestamp(b.exported_at.0.clone()),
            );
        }
    }

    fn organisations(&mut self, b: &Bundle) {
        for (i, r) in b.organisations.iter().enumerate() {
            let at = At(Section::Organisations, i);
            self.required(at, "name", &r.name);
            self.value::<OrgKind>(at, "kind", &r.kind);
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    fn people(&mut self, b: &Bundle) {
        for (i, r) in b.people.iter().enumerate() {
            let at = At(Section::People, i);
            self.required(at, "name", &r.name);
            self.optional_reference(
                at,
                "organisation",
                Section::Organisations,
                r.organisation.as_ref(),
            );
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    fn projects(&mut self, b: &Bundle) {
        let mut codes: HashMap<&str, usize> = HashMap::new();
        for (i, r) in b.projects.iter().enumerate() {
            let at = At(Section::Projects, i);
            if crate::domain::validate_code(&r.code).is_err() {
                self.problem(at.path("code"), Problem::InvalidCode);
            } else if let Some(&first) = codes.get(r.code.as_str()) {
                let first = At(Section::Projects, first).row();
                self.problem(at.path("code"), Problem::DuplicateCode { first });
            } else {
                codes.insert(&r.code, i);
                if self
                    .known
                    .keys()
                    .project_with_code(&r.code)
                    .is_some_and(|owner| owner != r.uuid.as_str())
                {
                    self.problem(at.path("code"), Problem::CodeTaken);
                }
            }
            self.required(at, "title", &r.title);
            self.optional_reference(at, "buyer", Section::Organisations, r.buyer.as_ref());
            self.value::<Phase>(at, "phase", &r.phase);
            self.value::<ProjectStatus>(at, "status", &r.status);
            self.optional_value::<InnovationLevel>(
                at,
                "innovation_level",
                r.innovation_level.as_ref(),
            );
            let start = self.optional_date(at, "start_date", r.start_date.as_ref());
            let end = self.optional_date(at, "end_date", r.end_date.as_ref());
            if let (Some(start), Some(end)) = (start, end)
                && end < start
            {
                self.problem(at.path("end_date"), Problem::EndBeforeStart);
            }
            self.optional_timestamp(at, "last_reviewed_at", r.last_reviewed_at.as_ref());
            if r.last_need_number < 0 {
                self.problem(at.path("last_need_number"), Problem::Negative);
            }
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    fn milestones(&mut self, b: &Bundle) {
        for (i, r) in b.milestones.iter().enumerate() {
            let at = At(Section::Milestones, i);
            self.reference(at, "project", Section::Projects, &r.project);
            self.required(at, "title", &r.title);
            self.optional_date(at, "due_date", r.due_date.as_ref());
            self.optional_date(at, "done_date", r.done_date.as_ref());
            self.value::<MilestoneStatus>(at, "status", &r.status);
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    fn meetings(&mut self, b: &Bundle) {
        for (i, r) in b.meetings.iter().enumerate() {
            let at = At(Section::Meetings, i);
            self.reference(at, "project", Section::Projects, &r.project);
            self.value::<MeetingType>(at, "kind", &r.kind);
            self.required(at, "title", &r.title);
            self.value::<MeetingFormat>(at, "format", &r.format);
            let start = self.timestamp(at, "start_at", &r.start_at);
            let end = self.timestamp(at, "end_at", &r.end_at);
            if let (Some(start), Some(end)) = (start, end)
                && end <= start
            {
                self.problem(at.path("end_at"), Problem::EndNotAfterStart);
            }
            self.value::<MeetingStatus>(at, "status", &r.status);
            self.value::<NotesStatus>(at, "notes_status", &r.notes_status);
            // Only what a meeting can be reinstated to: planned or held.
            if let Some(before) = &r.status_before_cancel
                && !matches!(before.as_str(), "planned" | "held")
            {
                self.problem(
                    at.path("status_before_cancel"),
                    Problem::UnknownValue {
                        value: before.clone(),
                        allowed: vec!["planned", "held"],
                    },
                );
            }
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    fn agenda_items(&mut self, b: &Bundle) {
        for (i, r) in b.agenda_items.iter().enumerate() {
            let at = At(Section::AgendaItems, i);
            self.reference(at, "meeting", Section::Meetings, &r.meeting);
            self.required(at, "title", &r.title);
            if r.minutes < 1 {
                self.problem(at.path("minutes"), Problem::NotPositive);
            }
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    fn attendance(&mut self, b: &Bundle) {
        let mut pairs: HashMap<(&str, &str), usize> = HashMap::new();
        for (i, r) in b.attendance.iter().enumerate() {
            let at = At(Section::Attendance, i);
            self.reference(at, "meeting", Section::Meetings, &r.meeting);
            self.reference(at, "person", Section::People, &r.person);
            let pair = (r.meeting.as_str(), r.person.as_str());
            if let Some(&first) = pairs.get(&pair) {
                let first = At(Section::Attendance, first).row();
                self.problem(at.path("person"), Problem::DuplicateAttendance { first });
            } else {
                pairs.insert(pair, i);
                if self
                    .known
                    .keys()
                    .attendance_of(pair.0, pair.1)
                    .is_some_and(|owner| owner != r.uuid.as_str())
                {
                    self.problem(at.path("person"), Problem::AttendanceTaken);
                }
            }
            self.value::<AttendanceRole>(at, "role", &r.role);
            self.stamps(at, &r.created_at, &r.updated_at);
        }
    }

    fn needs(&mut self, b: &Bundle) {
        let mut numbers: HashMap<(&str, i64), usize> = HashMap::new();
        for (i, r) in b.needs.iter().enumerate() {
            let at = At(Section::Needs, i);
            self.value::<Confidentiality>(at, "confidentiality", &r.confidentiality);
            self.reference(at, "project", Section::Projects, &r.project);
            if r.number < 1 {
                self.problem(at.path("number"), Problem::NotPositive);
            } else if let Some(&first) = numbers.get(&(r.project.as_str(), r.number)) {
                let first = At(Section::Needs, first).row();
                self.problem(at.path("number"), Problem::DuplicateNeedNumber { first });
            } else {
                numbers.insert((r.project.as_str(), r.number), i);
                if self
                    .known
                    .keys()
                    .need_with_number(r.project.as_str(), r.number)
                    .is_some_and(|owner| owner != r.uuid.as_str())
                {
                    self.problem(at.path("number"), Problem::NeedNumberTaken);
                }
            }
            self.required(at, "statement", &r.statement);
            self.optional_value::<Priority>(at, "priority", r.priority.as_ref());
            self.value::<NeedStatus>(at, "status", &r.status);
            self.optional_reference(at, "merged_into", Section::Needs, r.merged_into.as_ref());
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    fn need_evidence(&mut self, b: &Bundle) {
        for (i, r) in b.need_evidence.iter().enumerate() {
            let at = At(Section::NeedEvidence, i);
            self.value::<Confidentiality>(at, "confidentiality", &r.confidentiality);
            self.reference(at, "need", Section::Needs, &r.need);
            self.optional_reference(at, "meeting", Section::Meetings, r.meeting.as_ref());
            self.optional_reference(at, "person", Section::People, r.person.as_ref());
            if r.meeting.is_none() && r.person.is_none() && r.document.trim_matches(' ').is_empty()
            {
                self.problem(at.row(), Problem::NoEvidenceSource);
            }
            self.stamps(at, &r.created_at, &r.updated_at);
        }
    }

    fn need_status_changes(&mut self, b: &Bundle) {
        for (i, r) in b.need_status_changes.iter().enumerate() {
            let at = At(Section::NeedStatusChanges, i);
            self.reference(at, "need", Section::Needs, &r.need);
            self.optional_value::<NeedStatus>(at, "from_status", r.from_status.as_ref());
            self.value::<NeedStatus>(at, "to_status", &r.to_status);
            self.timestamp(at, "changed_at", &r.changed_at);
        }
    }

    fn suggestions(&mut self, b: &Bundle) {
        for (i, r) in b.suggestions.iter().enumerate() {
            let at = At(Section::Suggestions, i);
            self.value::<Confidentiality>(at, "confidentiality", &r.confidentiality);
            self.reference(at, "project", Section::Projects, &r.project);
            self.optional_reference(at, "meeting", Section::Meetings, r.meeting.as_ref());
            self.value::<Phase>(at, "phase", &r.phase);
            self.required(at, "title", &r.title);
            self.value::<SuggestionStatus>(at, "status", &r.status);
            self.optional_date(at, "decision_date", r.decision_date.as_ref());
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    fn lessons(&mut self, b: &Bundle) {
        for (i, r) in b.lessons.iter().enumerate() {
            let at = At(Section::Lessons, i);
            self.optional_reference(at, "project", Section::Projects, r.project.as_ref());
            self.optional_value::<Phase>(at, "phase", r.phase.as_ref());
            self.value::<LessonKind>(at, "kind", &r.kind);
            self.required(at, "title", &r.title);
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    fn notes(&mut self, b: &Bundle) {
        for (i, r) in b.notes.iter().enumerate() {
            let at = At(Section::Notes, i);
            self.reference(at, "meeting", Section::Meetings, &r.meeting);
            self.optional_reference(
                at,
                "agenda_item",
                Section::AgendaItems,
                r.agenda_item.as_ref(),
            );
            self.value::<Confidentiality>(at, "confidentiality", &r.confidentiality);
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    fn decisions(&mut self, b: &Bundle) {
        for (i, r) in b.decisions.iter().enumerate() {
            let at = At(Section::Decisions, i);
            self.value::<Confidentiality>(at, "confidentiality", &r.confidentiality);
            self.reference(at, "project", Section::Projects, &r.project);
            self.optional_reference(at, "meeting", Section::Meetings, r.meeting.as_ref());
            self.required(at, "text", &r.text);
            self.date(at, "decided_on", &r.decided_on);
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    fn action_items(&mut self, b: &Bundle) {
        for (i, r) in b.action_items.iter().enumerate() {
            let at = At(Section::ActionItems, i);
            self.value::<Confidentiality>(at, "confidentiality", &r.confidentiality);
            self.reference(at, "project", Section::Projects, &r.project);
            self.optional_reference(at, "meeting", Section::Meetings, r.meeting.as_ref());
            self.required(at, "title", &r.title);
            self.optional_date(at, "due_date", r.due_date.as_ref());
            self.value::<ActionStatus>(at, "status", &r.status);
            self.optional_date(at, "done_date", r.done_date.as_ref());
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    fn questions(&mut self, b: &Bundle) {
        for (i, r) in b.questions.iter().enumerate() {
            let at = At(Section::Questions, i);
            self.value::<Confidentiality>(at, "confidentiality", &r.confidentiality);
            self.reference(at, "meeting", Section::Meetings, &r.meeting);
            self.required(at, "text", &r.text);
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    fn notes_status_changes(&mut self, b: &Bundle) {
        for (i, r) in b.notes_status_changes.iter().enumerate() {
            let at = At(Section::NotesStatusChanges, i);
            self.reference(at, "meeting", Section::Meetings, &r.meeting);
            self.value::<NotesStatus>(at, "status", &r.status);
            self.timestamp(at, "changed_at", &r.changed_at);
            if let Some(name) = &r.by_name {
                self.required(at, "by_name", name);
            }
        }
    }

    fn information_items(&mut self, b: &Bundle) {
        for (i, r) in b.information_items.iter().enumerate() {
            let at = At(Section::InformationItems, i);
            self.reference(at, "project", Section::Projects, &r.project);
            self.value::<InfoChannel>(at, "channel", &r.channel);
            self.optional_reference(at, "meeting", Section::Meetings, r.meeting.as_ref());
            let given = self.date(at, "given_on", &r.given_on);
            self.required(at, "title", &r.title);
            for (n, org) in r.recipients.iter().enumerate() {
                let field = format!("recipients[{n}]");
                self.reference(at, &field, Section::Organisations, org);
            }
            let shared = self.optional_date(at, "shared_on", r.shared_on.as_ref());
            if shared.is_some() {
                self.required(at, "shared_channel", &r.shared_channel);
            }
            if let (Some(given), Some(shared)) = (given, shared)
                && shared < given
            {
                self.problem(at.path("shared_on"), Problem::SharedBeforeGiven);
            }
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    fn interests(&mut self, b: &Bundle) {
        for (i, r) in b.interests.iter().enumerate() {
            let at = At(Section::Interests, i);
            self.reference(at, "project", Section::Projects, &r.project);
            let org = r.organisation.as_ref();
            self.optional_reference(at, "organisation", Section::Organisations, org);
            self.optional_reference(at, "person", Section::People, r.person.as_ref());
            if r.organisation.is_none() && r.person.is_none() {
                self.problem(at.path("organisation"), Problem::Blank);
            }
            self.value::<InterestKind>(at, "kind", &r.kind);
            self.required(at, "description", &r.description);
            self.optional_date(at, "declared_on", r.declared_on.as_ref());
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    fn meeting_registrations(&mut self, b: &Bundle) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, r) in b.meeting_registrations.iter().enumerate() {
            let at = At(Section::MeetingRegistrations, i);
            self.reference(at, "meeting", Section::Meetings, &r.meeting);
            // One per meeting, in the bundle and against the store.
            if let Some(&j) = first.get(r.meeting.as_str()) {
                let first = At(Section::MeetingRegistrations, j).row();
                self.problem(at.path("meeting"), Problem::DuplicateRegistration { first });
            } else {
                first.insert(r.meeting.as_str(), i);
            }
            if self
                .known
                .keys()
                .registration_of(r.meeting.as_str())
                .is_some_and(|owner| owner != r.uuid.as_str())
            {
                self.problem(at.path("meeting"), Problem::RegistrationTaken);
            }
            self.required(at, "document_number", &r.document_number);
            self.date(at, "registered_on", &r.registered_on);
            self.stamps(at, &r.created_at, &r.updated_at);
        }
    }

    fn dialogue_rounds(&mut self, b: &Bundle) {
        for (i, r) in b.dialogue_rounds.iter().enumerate() {
            let at = At(Section::DialogueRounds, i);
            self.reference(at, "project", Section::Projects, &r.project);
            self.value::<RoundKind>(at, "kind", &r.kind);
            self.required(at, "title", &r.title);
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    fn round_questions(&mut self, b: &Bundle) {
        for (i, r) in b.round_questions.iter().enumerate() {
            let at = At(Section::RoundQuestions, i);
            self.reference(at, "round", Section::DialogueRounds, &r.round);
            if r.position < 1 {
                self.problem(at.path("position"), Problem::NotPositive);
            }
            self.required(at, "text", &r.text);
            self.trashable(at, &r.created_at, &r.updated_at, r.deleted_at.as_ref());
        }
    }

    /// One row per round and organisation, and one number (letter) per round, in the
    /// bundle and against the store.
    fn round_suppliers(&mut self, b: &Bundle) {
        let mut pairs: HashMap<(&str, &str), usize> = HashMap::new();
        let mut numbers: HashMap<(&str, i64), usize> = HashMap::new();
        for (i, r) in b.round_suppliers.iter().enumerate() {
            let at = At(Section::RoundSuppliers, i);
            self.reference(at, "round", Section::DialogueRounds, &r.round);
            self.reference(at, "organisation", Section::Organisations, &r.organisation);
            self.optional_reference(at, "meeting", Section::Meetings, r.meeting.as_ref());
            let (round, org, uuid) = (r.round.as_str(), r.organisation.as_str(), r.uuid.as_str());
            if let Some(&first) = pairs.get(&(round, org)) {
                let first = At(Section::RoundSuppliers, first).row();
                self.problem(
                    at.path("organisation"),
                    Problem::DuplicateRoundSupplier { first },
                );
            } else {
                pairs.insert((round, org), i);
                if self
                    .known
                    .keys()
                    .round_supplier_of(round, org)
                    .is_some_and(|owner| owner != uuid)
                {
                    self.problem(at.path("organisation"), Problem::RoundSupplierTaken);
                }
            }
            if r.seq < 1 {
                self.problem(at.path("seq"), Problem::NotPositive);
            } else if let Some(&first) = numbers.get(&(round, r.seq)) {
                let first = At(Section::RoundSuppliers, first).row();
                self.problem(at.path("seq"), Problem::DuplicateSupplierNumber { first });
            } else {
                numbers.insert((round, r.seq), i);
                if self
                    .known
                    .keys()
                    .round_number_of(round, r.seq)
                    .is_some_and(|owner| owner != uuid)
                {
                    self.problem(at.path("seq"), Problem::SupplierNumberTaken);
                }
            }
            self.stamps(at, &r.created_at, &r.updated_at);
        }
    }

    /// One row per question and organisation, from a supplier of the question's round
    /// (in the bundle or in the store).
    fn round_answers(&mut self, b: &Bundle) {
        let round_of: HashMap<&str, &str> = b
            .round_questions
            .iter()
            .map(|q| (q.uuid.as_str(), q.round.as_str()))
            .collect();
        let suppliers: HashSet<(&str, &str)> = b
            .round_suppliers
            .iter()
            .map(|s| (s.round.as_str(), s.organisation.as_str()))
            .collect();
        let mut pairs: HashMap<(&str, &str), usize> = HashMap::new();
        for (i, r) in b.round_answers.iter().enumerate() {
            let at = At(Section::RoundAnswers, i);
            self.reference(at, "question", Section::RoundQuestions, &r.question);
            self.reference(at, "organisation", Section::Organisations, &r.organisation);
            self.optional_reference(at, "meeting", Section::Meetings, r.meeting.as_ref());
            self.value::<Confidentiality>(at, "confidentiality", &r.confidentiality);
            let (question, org) = (r.question.as_str(), r.organisation.as_str());
            if let Some(&first) = pairs.get(&(question, org)) {
                let first = At(Section::RoundAnswers, first).row();
                self.problem(at.path("organisation"), Problem::DuplicateAnswer { first });
            } else {
                pairs.insert((question, org), i);
                if self
                    .known
                    .keys()
                    .answer_of(question, org)
                    .is_some_and(|owner| owner != r.uuid.as_str())
                {
                    self.problem(at.path("organisation"), Problem::AnswerTaken);
                }
            }
            let round = round_of
                .get(question)
                .copied()
                .or_else(|| self.known.keys().round_of_question(question));
            // An organisation that is nowhere is reported as that, once.
            let org_exists = self.in_bundle(Section::Organisations, org)
                || self.known.has(Section::Organisations, org);
            if let Some(round) = round
                && org_exists
                && !suppliers.contains(&(round, org))
                && self.known.keys().round_supplier_of(round, org).is_none()
            {
                self.problem(at.path("organisation"), Problem::NotInRound);
            }
            self.stamps(at, &r.created_at, &r.updated_at);
        }
    }

    fn exports(&mut self, b: &Bundle) {
        for (i, r) in b.exports.iter().enumerate() {
            let at = At(Section::Exports, i);
            self.reference(at, "meeting", Section::Meetings, &r.meeting);
            self.timestamp(at, "exported_at", &r.exported_at);
        }
    }
}

/// A UUID as the store writes them: hyphenated, lower case.
fn is_uuid(s: &str) -> bool {
    s.len() == 36 && !s.bytes().any(|b| b.is_ascii_uppercase()) && uuid::Uuid::try_parse(s).is_ok()
}

/// `YYYY-MM-DD`, a real date.
fn parse_date(s: &str) -> Option<NaiveDate> {
    if s.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// `YYYY-MM-DDTHH:MM:SSZ`, a real instant: the one form the store writes, so that text
/// order stays time order.
fn parse_timestamp(s: &str) -> Option<NaiveDateTime> {
    if s.len() != 20 || !s.ends_with('Z') {
        return None;
    }
    NaiveDateTime::parse_from_str(&s[..19], "%Y-%m-%dT%H:%M:%S").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_must_be_utc_seconds() {
        assert!(parse_timestamp("2026-12-03T08:30:00Z").is_some());
        for bad in [
            "2026-12-03T08:30:00+01:00",
            "2026-12-03 08:30:00Z",
            "2026-12-03T08:30:00.5Z",
            "2026-02-30T08:30:00Z",
            "2026-12-03T24:30:00Z",
            "",
        ] {
            assert!(parse_timestamp(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn dates_must_be_iso_and_real() {
        assert!(parse_date("2026-12-03").is_some());
        for bad in [
            "2026-2-3",
            "2026-02-30",
            "03/12/2026",
            "2026-12-03T00:00:00Z",
        ] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
    }

    fn bundle_with_a_milestone(project: &str) -> Bundle {
        let mut b = Bundle::empty(super::super::Scope::All, "2026-11-26T12:00:00Z".into());
        b.milestones.push(super::super::Milestone {
            uuid: "7d1d0000-0000-4000-8000-000000000001".into(),
            project: project.into(),
            title: "Beslut om upphandlingsstrategi".into(),
            due_date: Some("2026-12-24".into()),
            done_date: None,
            status: "planned".into(),
            created_at: "2026-11-26T12:00:00Z".into(),
            updated_at: "2026-11-26T12:00:00Z".into(),
            deleted_at: None,
        });
        b
    }

    #[test]
    fn a_reference_may_point_into_the_store() {
        let project = "7d1d0000-0000-4000-8000-000000000002";
        let b = bundle_with_a_milestone(project);
        let empty = KnownRows::default();
        assert_eq!(
            validate(&b, &empty),
            vec![Issue {
                path: "milestones[0].project".into(),
                problem: Problem::Dangling {
                    section: Section::Projects,
                    uuid: project.into()
                }
            }]
        );
        let mut known = KnownRows::default();
        known
            .uuids
            .entry(Section::Projects)
            .or_default()
            .insert(project.into());
        assert_eq!(validate(&b, &known), vec![]);
    }

    #[test]
    fn uuids_must_be_lower_case_and_hyphenated() {
        assert!(is_uuid("7d1d0000-0000-4000-8000-000000000001"));
        assert!(!is_uuid("7D1D0000-0000-4000-8000-000000000001"));
        assert!(!is_uuid("7d1d000000004000800000000000000a"));
        assert!(!is_uuid("{7d1d0000-0000-4000-8000-000000000001}"));
        assert!(!is_uuid("not-a-uuid"));
    }
}
