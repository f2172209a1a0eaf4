//! Equal treatment made visible: the information log (what each supplier was given, and
//! when and where it was made available to all), declared interests and prior
//! involvement, and the registration of a meeting's documentation in the case.

use chrono::NaiveDate;
use serde::Serialize;

use super::enums::{InfoChannel, InterestKind, TextEnum};
use super::validation::{FieldError, FieldErrors, parse_iso_date};

/// An organisation that received an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recipient {
    pub id: i64,
    pub name: String,
}

/// One entry of a project's information log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InformationItem {
    pub id: i64,
    pub uuid: String,
    pub project_id: i64,
    pub project_code: String,
    pub channel: InfoChannel,
    /// The meeting it was given in, if any.
    pub meeting_id: Option<i64>,
    pub meeting_title: Option<String>,
    /// Where it was given when not in a meeting (a mail thread, a phone call …).
    pub origin: String,
    pub given_on: NaiveDate,
    pub title: String,
    pub details: String,
    pub recipients: Vec<Recipient>,
    /// When it was made available to every supplier (published, sent to all).
    pub shared_on: Option<NaiveDate>,
    /// Where: the procurement page, a mail to all, the published compilation …
    pub shared_channel: String,
    pub created_at: String,
    pub updated_at: String,
}

impl InformationItem {
    /// Everyone has it once it was made available to all.
    pub fn everyone_has_it(&self) -> bool {
        self.shared_on.is_some()
    }
}

/// A validated log entry.
#[derive(Debug, Clone, PartialEq)]
pub struct InformationInput {
    pub channel: InfoChannel,
    pub meeting_id: Option<i64>,
    pub origin: String,
    pub given_on: NaiveDate,
    pub title: String,
    pub details: String,
    /// Organisation ids.
    pub recipients: Vec<i64>,
    pub shared_on: Option<NaiveDate>,
    pub shared_channel: String,
}

/// What a form gives for a log entry, as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InformationDraft {
    pub channel: String,
    pub meeting_id: Option<i64>,
    pub origin: String,
    pub given_on: String,
    pub title: String,
    pub details: String,
    pub recipients: Vec<i64>,
    pub shared_on: String,
    pub shared_channel: String,
}

impl InformationInput {
    pub fn validate(draft: &InformationDraft) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let channel = match InfoChannel::parse(draft.channel.trim()) {
            Some(c) => c,
            None => {
                errors.add("channel", FieldError::Required);
                InfoChannel::Other
            }
        };
        let title = draft.title.trim().to_string();
        if title.is_empty() {
            errors.add("title", FieldError::Required);
        }
        let given_on = if draft.given_on.trim().is_empty() {
            errors.add("given_on", FieldError::Required);
            None
        } else {
            parse_iso_date("given_on", &draft.given_on, &mut errors)
        };
        let shared_on = parse_iso_date("shared_on", &draft.shared_on, &mut errors);
        let shared_channel = draft.shared_channel.trim().to_string();
        if shared_on.is_some() && shared_channel.is_empty() {
            // Made available to all means saying where.
            errors.add("shared_channel", FieldError::Required);
        }
        if let (Some(given), Some(shared)) = (given_on, shared_on)
            && shared < given
        {
            errors.add("shared_on", FieldError::SharedBeforeGiven);
        }
        let mut recipients = draft.recipients.clone();
        recipients.sort_unstable();
        recipients.dedup();
        errors.into_result(InformationInput {
            channel,
            meeting_id: draft.meeting_id,
            origin: draft.origin.trim().to_string(),
            given_on: given_on.unwrap_or_default(),
            title,
            details: draft.details.trim().to_string(),
            recipients,
            shared_on,
            shared_channel,
        })
    }
}

/// A declared interest or prior involvement of a person or organisation in a project.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interest {
    pub id: i64,
    pub uuid: String,
    pub project_id: i64,
    pub project_code: String,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    pub kind: InterestKind,
    pub description: String,
    /// What was done about it: information shared with all, adequate time limits …
    pub measures: String,
    pub declared_on: Option<NaiveDate>,
    pub created_at: String,
    pub updated_at: String,
}

impl Interest {
    /// Who declared it: the person (of the organisation) or the organisation.
    pub fn who(&self) -> String {
        match (&self.person_name, &self.organisation_name) {
            (Some(p), Some(o)) => format!("{p} ({o})"),
            (Some(p), None) => p.clone(),
            (None, Some(o)) => o.clone(),
            (None, None) => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct InterestInput {
    pub organisation_id: Option<i64>,
    pub person_id: Option<i64>,
    pub kind: InterestKind,
    pub description: String,
    pub measures: String,
    pub declared_on: Option<NaiveDate>,
}

impl InterestInput {
    pub fn validate(
        organisation_id: Option<i64>,
        person_id: Option<i64>,
        kind: InterestKind,
        description: &str,
        measures: &str,
        declared_on: &str,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        if organisation_id.is_none() && person_id.is_none() {
            errors.add("organisation", FieldError::Required);
        }
        let description = description.trim().to_string();
        if description.is_empty() {
            errors.add("description", FieldError::Required);
        }
        let declared_on = parse_iso_date("declared_on", declared_on, &mut errors);
        errors.into_result(InterestInput {
            organisation_id,
            person_id,
            kind,
            description,
            measures: measures.trim().to_string(),
            declared_on,
        })
    }
}

/// A meeting's documentation registered in the case (diarieförd).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Registration {
    pub document_number: String,
    pub registered_on: NaiveDate,
}

/// An organisation that helped prepare the procurement and later meets the buyer as a
/// supplier in one of the project's meetings (Art. 41 of directive 2014/24/EU).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PriorInvolvementWarning {
    pub organisation_id: i64,
    pub organisation_name: String,
    pub meeting_id: i64,
    pub meeting_title: String,
    /// Whether measures are recorded for the involvement.
    pub measures_recorded: bool,
}

/// The checklist points (their positions in `CHECKLIST`) that the store knows about:
/// information given here shared with all, conflicts of interest checked, and the
/// documentation registered in the case (which recording a registration ticks).
pub const CHECKLIST_POINT_SHARED: usize = 7;
pub const CHECKLIST_POINT_INTERESTS: usize = 9;
pub const CHECKLIST_POINT_REGISTERED: usize = 10;

/// What a meeting's equal-treatment checklist shows beside its points.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeetingEqualTreatment {
    /// Entries of the information log given in the meeting.
    pub information: Vec<InformationItem>,
    /// Participants' organisations that took part in preparing the procurement.
    pub involved: Vec<PriorInvolvementWarning>,
    pub registration: Option<Registration>,
}

/// A name as the directory compares names: lower case, diacritics removed, runs of
/// white space as one space ("Lulea  kommun" = "Luleå Kommun").
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            out.push(base_letter(c));
        }
    }
    out
}

/// The letter without its diacritic, for the Latin letters names use (Swedish, the
/// Nordic and the common Western European ones).
fn base_letter(c: char) -> char {
    match c {
        'å' | 'ä' | 'á' | 'à' | 'â' | 'ã' | 'ā' => 'a',
        'ö' | 'ø' | 'ó' | 'ò' | 'ô' | 'õ' => 'o',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        'æ' => 'a',
        'š' => 's',
        'ž' => 'z',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> InformationDraft {
        InformationDraft {
            channel: "meeting".into(),
            given_on: "2026-11-02".into(),
            title: "Expected volumes".into(),
            recipients: vec![3, 1, 3],
            ..InformationDraft::default()
        }
    }

    #[test]
    fn an_entry_needs_a_title_and_a_day_and_sharing_needs_a_place() {
        let ok = InformationInput::validate(&draft()).unwrap();
        assert_eq!(ok.recipients, vec![1, 3]);
        assert_eq!(ok.shared_on, None);

        let mut bad = draft();
        bad.title = "  ".into();
        bad.given_on = String::new();
        bad.shared_on = "2026-11-01".into();
        let errors = InformationInput::validate(&bad).unwrap_err();
        assert_eq!(errors.get("title"), Some(&FieldError::Required));
        assert_eq!(errors.get("given_on"), Some(&FieldError::Required));
        assert_eq!(errors.get("shared_channel"), Some(&FieldError::Required));

        let mut early = draft();
        early.shared_on = "2026-11-01".into();
        early.shared_channel = "Upphandlingssidan".into();
        let errors = InformationInput::validate(&early).unwrap_err();
        assert_eq!(
            errors.get("shared_on"),
            Some(&FieldError::SharedBeforeGiven)
        );
    }

    #[test]
    fn names_compare_without_case_diacritics_or_extra_spaces() {
        assert_eq!(name_key("Luleå  Kommun"), name_key("Lulea kommun"));
        assert_eq!(name_key(" Malmö stad "), "malmo stad");
        assert_ne!(
            name_key("Luleå kommun"),
            name_key("Luleå tekniska universitet")
        );
    }

    #[test]
    fn an_interest_names_someone() {
        let e = InterestInput::validate(None, None, InterestKind::PriorInvolvement, "", "", "")
            .unwrap_err();
        assert_eq!(e.get("organisation"), Some(&FieldError::Required));
        assert_eq!(e.get("description"), Some(&FieldError::Required));
    }
}
