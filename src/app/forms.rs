//! The concrete forms: how each entity is laid out as fields, and how a filled-in
//! form is validated and saved.

use std::collections::BTreeMap;

use super::form::{Field, Form, FormKind};
use crate::domain::{
    ActionInput, ActionItem, ActionStatus, AgendaItem, AgendaItemInput, AttendanceRole, Audience,
    Clock, Confidentiality, Decision, DecisionInput, EntityKind, FieldError, FieldErrors,
    InnovationLevel, Lesson, LessonInput, LessonKind, Meeting, MeetingDraft, MeetingFormat,
    MeetingInput, MeetingStatus, MeetingType, Milestone, MilestoneInput, Need, NeedInput,
    NeedStatus, NotesStatus, OrgKind, Organisation, OrganisationInput, Person, PersonInput, Phase,
    Priority, Project, ProjectInput, ProjectStatus, Question, RoundInput, RoundKind, RoundQuestion,
    RoundSupplier, Suggestion, SuggestionInput, SuggestionStatus, TextEnum, project::ProjectDraft,
    solution_words,
};
use crate::store::{Store, StoreError};
use crate::text;

fn options<E: TextEnum>() -> Vec<(String, String)> {
    E::ALL
        .iter()
        .map(|v| (v.as_str().to_string(), v.label().to_string()))
        .collect()
}

fn optional_options<E: TextEnum>() -> Vec<(String, String)> {
    let mut o = vec![(String::new(), text::NOT_SET.to_string())];
    o.extend(options::<E>());
    o
}

/// Who may read an outcome; a new one is internal unless chosen otherwise (quick
/// capture chooses the label of the note it came from).
fn label_field(current: Option<Confidentiality>) -> Field {
    Field::choice(
        "label",
        text::FIELD_LABEL,
        options::<Confidentiality>(),
        current.unwrap_or(Confidentiality::Internal).as_str(),
    )
}

fn label_of(form: &Form) -> Confidentiality {
    Confidentiality::parse(&form.value("label")).unwrap_or(Confidentiality::Internal)
}

fn date_text(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

pub fn project_form(project: Option<&Project>) -> Form {
    let p = project;
    let get = |f: fn(&Project) -> String| p.map(f).unwrap_or_default();
    let fields = vec![
        Field::text("code", text::COL_CODE, &get(|p| p.code.clone()))
            .required()
            .uppercase()
            .hint(text::HINT_CODE),
        Field::text("title", text::COL_TITLE, &get(|p| p.title.clone())).required(),
        Field::organisation(
            "buyer",
            text::COL_BUYER,
            &get(|p| p.buyer_name.clone().unwrap_or_default()),
        ),
        Field::text(
            "case_number",
            text::FIELD_CASE_NUMBER,
            &get(|p| p.case_number.clone()),
        ),
        Field::text("subject", text::FIELD_SUBJECT, &get(|p| p.subject.clone())),
        Field::multiline("goal", text::FIELD_GOAL, &get(|p| p.goal.clone())),
        Field::choice(
            "phase",
            text::COL_PHASE,
            options::<Phase>(),
            p.map_or(Phase::Initiation, |p| p.phase).as_str(),
        ),
        Field::choice(
            "status",
            text::COL_STATUS,
            options::<ProjectStatus>(),
            p.map_or(ProjectStatus::Prospect, |p| p.status).as_str(),
        ),
        Field::choice(
            "innovation_level",
            text::FIELD_INNOVATION,
            optional_options::<InnovationLevel>(),
            p.and_then(|p| p.innovation_level)
                .map_or("", |l| l.as_str()),
        ),
        Field::text(
            "planned_procedure",
            text::FIELD_PROCEDURE,
            &get(|p| p.planned_procedure.clone()),
        ),
        Field::text(
            "start_date",
            text::FIELD_START,
            &get(|p| date_text(p.start_date)),
        )
        .hint(text::HINT_DATE),
        Field::text("end_date", text::FIELD_END, &get(|p| date_text(p.end_date)))
            .hint(text::HINT_DATE),
        Field::text("tags", text::FIELD_TAGS, &get(|p| p.tags.join(", "))).hint(text::HINT_TAGS),
    ];
    let title = if p.is_some() {
        text::FORM_EDIT_PROJECT
    } else {
        text::FORM_NEW_PROJECT
    };
    Form::new(
        FormKind::Project {
            id: p.map(|p| p.id),
        },
        title,
        fields,
    )
}

pub fn organisation_form(org: Option<&Organisation>) -> Form {
    let fields = vec![
        Field::text("name", text::COL_NAME, org.map_or("", |o| &o.name)).required(),
        Field::choice(
            "kind",
            text::COL_KIND,
            options::<OrgKind>(),
            org.map_or(OrgKind::ContractingAuthority, |o| o.kind)
                .as_str(),
        ),
    ];
    let title = if org.is_some() {
        text::FORM_EDIT_ORGANISATION
    } else {
        text::FORM_NEW_ORGANISATION
    };
    Form::new(
        FormKind::Organisation {
            id: org.map(|o| o.id),
        },
        title,
        fields,
    )
}

pub fn person_form(person: Option<&Person>) -> Form {
    let p = person;
    let fields = vec![
        Field::text("name", text::COL_NAME, p.map_or("", |p| &p.name)).required(),
        Field::organisation(
            "organisation",
            text::COL_ORGANISATION,
            p.and_then(|p| p.organisation_name.as_deref()).unwrap_or(""),
        ),
        Field::text("title", text::COL_ROLE, p.map_or("", |p| &p.title)),
        Field::text("email", text::COL_EMAIL, p.map_or("", |p| &p.email)),
        Field::text("phone", text::COL_PHONE, p.map_or("", |p| &p.phone)),
    ];
    let title = if p.is_some() {
        text::FORM_EDIT_PERSON
    } else {
        text::FORM_NEW_PERSON
    };
    Form::new(
        FormKind::Person {
            id: p.map(|p| p.id),
        },
        title,
        fields,
    )
}

pub fn milestone_form(project_id: i64, m: Option<&Milestone>) -> Form {
    let fields = vec![
        Field::text("title", text::COL_TITLE, m.map_or("", |m| &m.title)).required(),
        Field::text(
            "due_date",
            text::COL_DUE,
            &m.map(|m| date_text(m.due_date)).unwrap_or_default(),
        )
        .hint(text::HINT_DUE),
    ];
    let title = if m.is_some() {
        text::FORM_EDIT_MILESTONE
    } else {
        text::FORM_NEW_MILESTONE
    };
    Form::new(
        FormKind::Milestone {
            project_id,
            id: m.map(|m| m.id),
        },
        title,
        fields,
    )
}

/// A meeting's start as the form shows it: local `YYYY-MM-DD HH:MM`.
fn start_text(clock: &Clock, m: &Meeting) -> String {
    clock.local(m.start).format("%Y-%m-%d %H:%M").to_string()
}

/// A meeting's end as the form shows it: `HH:MM` on the start day, else date and time.
fn end_text(clock: &Clock, m: &Meeting) -> String {
    let (start, end) = (clock.local(m.start), clock.local(m.end));
    if start.date() == end.date() {
        end.format("%H:%M").to_string()
    } else {
        end.format("%Y-%m-%d %H:%M").to_string()
    }
}

pub fn meeting_form(project_id: i64, m: Option<&Meeting>, clock: &Clock) -> Form {
    let text_of = |f: fn(&Meeting) -> &str| m.map_or("", f);
    let fields = vec![
        Field::choice(
            "kind",
            text::FIELD_MEETING_TYPE,
            options::<MeetingType>(),
            m.map_or(MeetingType::ProjectMeeting, |m| m.kind).as_str(),
        ),
        Field::text("title", text::COL_TITLE, text_of(|m| &m.title)).required(),
        Field::text(
            "start",
            text::FIELD_MEETING_START,
            &m.map(|m| start_text(clock, m)).unwrap_or_default(),
        )
        .required()
        .hint(text::HINT_WHEN),
        Field::text(
            "end",
            text::FIELD_MEETING_END,
            &m.map(|m| end_text(clock, m)).unwrap_or_default(),
        )
        .required()
        .hint(text::HINT_END),
        Field::choice(
            "format",
            text::FIELD_FORMAT,
            options::<MeetingFormat>(),
            m.map_or(MeetingFormat::InPerson, |m| m.format).as_str(),
        ),
        Field::text("location", text::FIELD_LOCATION, text_of(|m| &m.location)),
        Field::multiline("purpose", text::FIELD_PURPOSE, text_of(|m| &m.purpose)),
        Field::multiline(
            "desired_outcome",
            text::FIELD_DESIRED_OUTCOME,
            text_of(|m| &m.desired_outcome),
        ),
        Field::choice(
            "status",
            text::COL_STATUS,
            options::<MeetingStatus>(),
            m.map_or(MeetingStatus::Planned, |m| m.status).as_str(),
        ),
        Field::choice(
            "notes_status",
            text::FIELD_NOTES_STATUS,
            options::<NotesStatus>(),
            m.map_or(NotesStatus::None, |m| m.notes_status).as_str(),
        ),
    ];
    let title = if m.is_some() {
        text::FORM_EDIT_MEETING
    } else {
        text::FORM_NEW_MEETING
    };
    Form::new(
        FormKind::Meeting {
            project_id,
            id: m.map(|m| m.id),
        },
        title,
        fields,
    )
}

fn meeting_input(form: &Form, clock: &Clock) -> Result<MeetingInput, FieldErrors> {
    let v = form.values();
    let s = |k: &str| v.get(k).map(String::as_str).unwrap_or("");
    MeetingInput::validate(
        &MeetingDraft {
            kind: MeetingType::parse(s("kind")).unwrap_or(MeetingType::Other),
            title: s("title"),
            purpose: s("purpose"),
            desired_outcome: s("desired_outcome"),
            format: MeetingFormat::parse(s("format")).unwrap_or(MeetingFormat::InPerson),
            location: s("location"),
            start: s("start"),
            end: s("end"),
            status: MeetingStatus::parse(s("status")).unwrap_or(MeetingStatus::Planned),
            notes_status: NotesStatus::parse(s("notes_status")).unwrap_or(NotesStatus::None),
        },
        clock,
    )
}

pub fn agenda_item_form(meeting_id: i64, item: Option<&AgendaItem>) -> Form {
    let text_of = |f: fn(&AgendaItem) -> &str| item.map_or("", f);
    let fields = vec![
        Field::text("title", text::COL_TITLE, text_of(|i| &i.title)).required(),
        Field::text(
            "duration",
            text::FIELD_DURATION,
            &item
                .map(|i| format_duration_input(i.minutes))
                .unwrap_or_default(),
        )
        .required()
        .hint(text::HINT_DURATION),
        Field::text("method", text::FIELD_METHOD, text_of(|i| &i.method)),
        Field::text("owner", text::FIELD_OWNER, text_of(|i| &i.owner)),
        Field::text(
            "expected_outcome",
            text::FIELD_EXPECTED_OUTCOME,
            text_of(|i| &i.expected_outcome),
        ),
    ];
    let title = if item.is_some() {
        text::FORM_EDIT_AGENDA_ITEM
    } else {
        text::FORM_NEW_AGENDA_ITEM
    };
    Form::new(
        FormKind::AgendaItem {
            meeting_id,
            id: item.map(|i| i.id),
        },
        title,
        fields,
    )
}

/// Minutes as the duration field takes them back: `45m`, `1h30`, `2h`.
fn format_duration_input(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m:02}"),
    }
}

fn agenda_item_input(form: &Form) -> Result<AgendaItemInput, FieldErrors> {
    let v = |k: &str| form.value(k);
    AgendaItemInput::validate(
        &v("title"),
        &v("duration"),
        &v("method"),
        &v("owner"),
        &v("expected_outcome"),
    )
}

pub fn participant_form(meeting_id: i64) -> Form {
    let fields = vec![
        Field::person("person", text::FIELD_PERSON, "").required(),
        Field::organisation("organisation", text::COL_ORGANISATION, "")
            .hint(text::HINT_NEW_PERSON_ORG),
        Field::choice(
            "role",
            text::FIELD_ROLE,
            options::<AttendanceRole>(),
            AttendanceRole::Participant.as_str(),
        ),
    ];
    Form::new(
        FormKind::Participant { meeting_id },
        text::FORM_ADD_PARTICIPANT,
        fields,
    )
}

pub fn template_form(meeting_id: i64, suggested_name: &str) -> Form {
    let fields = vec![Field::text("name", text::COL_NAME, suggested_name).required()];
    Form::new(
        FormKind::AgendaTemplate { meeting_id },
        text::FORM_SAVE_TEMPLATE,
        fields,
    )
}

pub fn need_form(project_id: i64, n: Option<&Need>) -> Form {
    let text_of = |f: fn(&Need) -> &str| n.map_or("", f);
    let fields = vec![
        Field::multiline(
            "statement",
            text::FIELD_STATEMENT,
            text_of(|n| &n.statement),
        )
        .hint(text::HINT_STATEMENT),
        Field::text("as_a", text::FIELD_AS_A, text_of(|n| &n.as_a)),
        Field::text("i_need", text::FIELD_I_NEED, text_of(|n| &n.i_need)),
        Field::text("so_that", text::FIELD_SO_THAT, text_of(|n| &n.so_that)),
        Field::text("category", text::COL_CATEGORY, text_of(|n| &n.category)),
        Field::choice(
            "priority",
            text::COL_PRIORITY,
            optional_options::<Priority>(),
            n.and_then(|n| n.priority).map_or("", |p| p.as_str()),
        ),
        Field::text("owner", text::FIELD_OWNER, text_of(|n| &n.owner)),
        label_field(n.map(|n| n.confidentiality)),
    ];
    let title = if n.is_some() {
        text::FORM_EDIT_NEED
    } else {
        text::FORM_NEW_NEED
    };
    Form::new(
        FormKind::Need {
            project_id,
            id: n.map(|n| n.id),
        },
        title,
        fields,
    )
}

fn need_input(form: &Form) -> Result<NeedInput, FieldErrors> {
    let v = |k: &str| form.value(k);
    // Changing the parts of a structured need rewrites its sentence, unless the
    // statement itself was edited too.
    let parts_changed = ["as_a", "i_need", "so_that"]
        .iter()
        .any(|k| form.changed(k));
    let statement = if parts_changed && !form.changed("statement") && !v("i_need").trim().is_empty()
    {
        String::new()
    } else {
        v("statement")
    };
    NeedInput::validate(
        &statement,
        &v("as_a"),
        &v("i_need"),
        &v("so_that"),
        &v("category"),
        Priority::parse(&v("priority")),
        &v("owner"),
    )
}

pub fn need_reason_form(need_id: i64, code: &str, to: NeedStatus) -> Form {
    let title = if to == NeedStatus::Rejected {
        text::FORM_REJECT_NEED
    } else {
        text::FORM_DEFER_NEED
    };
    Form::new(
        FormKind::NeedReason { need_id, to },
        format!("{title} {code}"),
        vec![Field::text("reason", text::FIELD_REASON, "").required()],
    )
}

/// `meetings` are the project's meetings to choose a source from: (id, label).
pub fn evidence_form(need_id: i64, meetings: &[(i64, String)]) -> Form {
    let fields = vec![
        Field::choice(
            "meeting",
            text::FIELD_MEETING,
            meeting_options(meetings),
            "",
        ),
        Field::person("person", text::FIELD_PERSON, ""),
        Field::text("document", text::FIELD_DOCUMENT, ""),
        Field::text("note", text::FIELD_NOTE, ""),
        label_field(None),
    ];
    Form::new(
        FormKind::Evidence { need_id },
        text::FORM_ADD_EVIDENCE,
        fields,
    )
}

fn meeting_options(meetings: &[(i64, String)]) -> Vec<(String, String)> {
    let mut o = vec![(String::new(), text::NOT_SET.to_string())];
    o.extend(
        meetings
            .iter()
            .map(|(id, label)| (id.to_string(), label.clone())),
    );
    o
}

pub fn suggestion_form(
    project_id: i64,
    s: Option<&Suggestion>,
    phase: Phase,
    meetings: &[(i64, String)],
) -> Form {
    let text_of = |f: fn(&Suggestion) -> &str| s.map_or("", f);
    let fields = vec![
        Field::text("title", text::COL_TITLE, text_of(|s| &s.title)).required(),
        Field::choice(
            "phase",
            text::FIELD_PHASE_CONCERNED,
            options::<Phase>(),
            s.map_or(phase, |s| s.phase).as_str(),
        ),
        Field::multiline(
            "description",
            text::FIELD_DESCRIPTION,
            text_of(|s| &s.description),
        ),
        Field::multiline(
            "rationale",
            text::FIELD_RATIONALE,
            text_of(|s| &s.rationale),
        ),
        Field::choice(
            "status",
            text::COL_STATUS,
            options::<SuggestionStatus>(),
            s.map_or(SuggestionStatus::Proposed, |s| s.status).as_str(),
        ),
        Field::multiline(
            "buyer_response",
            text::FIELD_BUYER_RESPONSE,
            text_of(|s| &s.buyer_response),
        ),
        Field::text(
            "decision_date",
            text::FIELD_DECISION_DATE,
            &s.map(|s| date_text(s.decision_date)).unwrap_or_default(),
        )
        .hint(text::HINT_DATE),
        Field::choice(
            "meeting",
            text::FIELD_SOURCE_MEETING,
            meeting_options(meetings),
            &s.and_then(|s| s.meeting_id)
                .map(|id| id.to_string())
                .unwrap_or_default(),
        ),
        label_field(s.map(|s| s.confidentiality)),
    ];
    let title = if s.is_some() {
        text::FORM_EDIT_SUGGESTION
    } else {
        text::FORM_NEW_SUGGESTION
    };
    Form::new(
        FormKind::Suggestion {
            project_id,
            id: s.map(|s| s.id),
        },
        title,
        fields,
    )
}

fn suggestion_input(form: &Form) -> Result<SuggestionInput, FieldErrors> {
    let v = |k: &str| form.value(k);
    SuggestionInput::validate(
        v("meeting").parse().ok(),
        Phase::parse(&v("phase")).unwrap_or_default(),
        &v("title"),
        &v("description"),
        &v("rationale"),
        SuggestionStatus::parse(&v("status")).unwrap_or(SuggestionStatus::Proposed),
        &v("buyer_response"),
        &v("decision_date"),
    )
}

/// `projects` are (id, code) to file a lesson under; a lesson may also be general.
pub fn lesson_form(
    project_id: Option<i64>,
    l: Option<&Lesson>,
    projects: &[(i64, String)],
) -> Form {
    let text_of = |f: fn(&Lesson) -> &str| l.map_or("", f);
    let mut project_options = vec![(String::new(), text::LESSON_GENERAL.to_string())];
    project_options.extend(
        projects
            .iter()
            .map(|(id, code)| (id.to_string(), code.clone())),
    );
    let project = l.map_or(project_id, |l| l.project_id);
    let fields = vec![
        Field::text("title", text::COL_TITLE, text_of(|l| &l.title)).required(),
        Field::choice(
            "kind",
            text::COL_KIND,
            options::<LessonKind>(),
            l.map_or(LessonKind::Lesson, |l| l.kind).as_str(),
        ),
        Field::choice(
            "phase",
            text::COL_PHASE,
            optional_options::<Phase>(),
            l.and_then(|l| l.phase).map_or("", |p| p.as_str()),
        ),
        Field::choice(
            "project",
            text::COL_PROJECT,
            project_options,
            &project.map(|id| id.to_string()).unwrap_or_default(),
        ),
        Field::multiline("context", text::FIELD_CONTEXT, text_of(|l| &l.context)),
        Field::multiline(
            "what_happened",
            text::FIELD_WHAT_HAPPENED,
            text_of(|l| &l.what_happened),
        ),
        Field::multiline(
            "what_we_learned",
            text::FIELD_WHAT_WE_LEARNED,
            text_of(|l| &l.what_we_learned),
        )
        .required(),
        Field::multiline(
            "recommendation",
            text::FIELD_RECOMMENDATION,
            text_of(|l| &l.recommendation),
        ),
        Field::choice(
            "shareable",
            text::FIELD_SHAREABLE,
            vec![
                ("no".to_string(), text::NO.to_string()),
                ("yes".to_string(), text::YES.to_string()),
            ],
            if l.is_some_and(|l| l.shareable) {
                "yes"
            } else {
                "no"
            },
        ),
    ];
    let title = if l.is_some() {
        text::FORM_EDIT_LESSON
    } else {
        text::FORM_NEW_LESSON
    };
    Form::new(
        FormKind::Lesson {
            project_id,
            id: l.map(|l| l.id),
        },
        title,
        fields,
    )
}

fn lesson_input(form: &Form) -> Result<LessonInput, FieldErrors> {
    let v = |k: &str| form.value(k);
    LessonInput::validate(LessonInput {
        project_id: v("project").parse().ok(),
        phase: Phase::parse(&v("phase")),
        kind: LessonKind::parse(&v("kind")).unwrap_or(LessonKind::Lesson),
        title: v("title"),
        context: v("context").trim_end().to_string(),
        what_happened: v("what_happened").trim_end().to_string(),
        what_we_learned: v("what_we_learned").trim_end().to_string(),
        recommendation: v("recommendation").trim_end().to_string(),
        shareable: v("shareable") == "yes",
    })
}

pub fn need_form_from_meeting(project_id: i64, meeting_id: i64) -> Form {
    let mut form = need_form(project_id, None);
    form.kind = FormKind::NeedFromMeeting {
        project_id,
        meeting_id,
    };
    form.title = text::FORM_CAPTURE_NEED.to_string();
    form
}

pub fn decision_form(
    project_id: i64,
    meeting_id: Option<i64>,
    d: Option<&Decision>,
    today: chrono::NaiveDate,
) -> Form {
    let text_of = |f: fn(&Decision) -> &str| d.map_or("", f);
    let fields = vec![
        Field::text("text", text::FIELD_DECISION, text_of(|d| &d.text)).required(),
        Field::text(
            "rationale",
            text::FIELD_RATIONALE,
            text_of(|d| &d.rationale),
        ),
        Field::text(
            "decided_by",
            text::FIELD_DECIDED_BY,
            text_of(|d| &d.decided_by),
        ),
        Field::text(
            "decided_on",
            text::FIELD_DECIDED_ON,
            &d.map_or(today, |d| d.decided_on).to_string(),
        )
        .hint(text::HINT_DUE),
        label_field(d.map(|d| d.confidentiality)),
    ];
    let title = if d.is_some() {
        text::FORM_EDIT_DECISION
    } else {
        text::FORM_NEW_DECISION
    };
    Form::new(
        FormKind::Decision {
            project_id,
            meeting_id,
            id: d.map(|d| d.id),
        },
        title,
        fields,
    )
}

pub fn action_form(project_id: i64, meeting_id: Option<i64>, a: Option<&ActionItem>) -> Form {
    let text_of = |f: fn(&ActionItem) -> &str| a.map_or("", f);
    let fields = vec![
        Field::text("title", text::COL_TITLE, text_of(|a| &a.title)).required(),
        Field::text("owner", text::FIELD_OWNER, text_of(|a| &a.owner)),
        Field::text(
            "due_date",
            text::COL_DUE,
            &a.map(|a| date_text(a.due_date)).unwrap_or_default(),
        )
        .hint(text::HINT_DUE),
        Field::choice(
            "status",
            text::COL_STATUS,
            options::<ActionStatus>(),
            a.map_or(ActionStatus::Open, |a| a.status).as_str(),
        ),
        label_field(a.map(|a| a.confidentiality)),
    ];
    let title = if a.is_some() {
        text::FORM_EDIT_ACTION
    } else {
        text::FORM_NEW_ACTION
    };
    Form::new(
        FormKind::Action {
            project_id,
            meeting_id,
            id: a.map(|a| a.id),
        },
        title,
        fields,
    )
}

pub fn question_form(meeting_id: i64) -> Form {
    Form::new(
        FormKind::Question { meeting_id },
        text::FORM_NEW_QUESTION,
        vec![
            Field::text("text", text::FIELD_QUESTION, "").required(),
            label_field(None),
        ],
    )
}

pub fn answer_form(q: &Question) -> Form {
    Form::new(
        FormKind::Answer { question_id: q.id },
        text::FORM_ANSWER_QUESTION,
        vec![
            Field::text("question", text::FIELD_QUESTION, &q.text),
            Field::multiline("answer", text::FIELD_ANSWER, &q.answer),
        ],
    )
}

/// A new dialogue round: its kind, title and purpose, its questions one per line and
/// the organisations taking part one per line (a name not in the directory is added as
/// a supplier).
pub fn round_form(project_id: i64) -> Form {
    Form::new(
        FormKind::Round { project_id },
        text::FORM_NEW_ROUND,
        vec![
            Field::text("title", text::COL_TITLE, "").required(),
            Field::choice(
                "kind",
                text::COL_KIND,
                options::<RoundKind>(),
                RoundKind::OneToOne.as_str(),
            ),
            Field::multiline("purpose", text::FIELD_PURPOSE, ""),
            Field::multiline("questions", text::FIELD_ROUND_QUESTIONS, ""),
            Field::multiline("suppliers", text::FIELD_ROUND_SUPPLIERS, ""),
        ],
    )
}

/// A supplier's answer to one of a round's questions (it replaces an answer recorded
/// before), with its label.
pub fn round_answer_form(
    round_id: i64,
    questions: &[RoundQuestion],
    suppliers: &[RoundSupplier],
) -> Form {
    let questions = questions
        .iter()
        .map(|q| (q.id.to_string(), format!("{}. {}", q.position, q.text)))
        .collect();
    let suppliers = suppliers
        .iter()
        .map(|s| {
            (
                s.organisation_id.to_string(),
                format!("{} {}", s.letter(), s.name),
            )
        })
        .collect();
    Form::new(
        FormKind::RoundAnswer { round_id },
        text::FORM_ROUND_ANSWER,
        vec![
            Field::choice("question", text::FIELD_QUESTION, questions, ""),
            Field::choice("supplier", text::FIELD_SUPPLIER, suppliers, ""),
            Field::multiline("answer", text::FIELD_ANSWER, "").required(),
            label_field(None),
        ],
    )
}

/// Format, audience and language of a meeting-notes export.
pub fn notes_export_form(meeting_id: i64, audience: &str, lang: crate::catalog::Lang) -> Form {
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(v, l)| (v.to_string(), l.to_string()))
            .collect()
    };
    let fields = vec![
        Field::choice(
            "format",
            text::FIELD_FORMAT,
            pairs(&[
                ("html", "HTML"),
                ("md", "Markdown"),
                ("txt", text::PLAIN_TEXT),
            ]),
            "html",
        ),
        Field::choice(
            "audience",
            text::FIELD_AUDIENCE,
            options::<Audience>(),
            audience,
        ),
        Field::choice(
            "lang",
            text::FIELD_LANGUAGE,
            pairs(&[("sv", "Svenska"), ("en", "English")]),
            lang.as_str(),
        ),
    ];
    Form::new(
        FormKind::NotesExport { meeting_id },
        text::FORM_EXPORT_NOTES,
        fields,
    )
}

/// How the date fields' text is read, for the line under the field.
pub fn readings(form: &Form, clock: &Clock) -> BTreeMap<&'static str, String> {
    let today = clock.today();
    let mut out = BTreeMap::new();
    let (key, with_time) = match form.kind {
        FormKind::Meeting { .. } => ("start", true),
        FormKind::Action { .. } | FormKind::Milestone { .. } => ("due_date", false),
        FormKind::Decision { .. } => ("decided_on", false),
        _ => return out,
    };
    let value = form.value(key);
    if value.trim().is_empty() {
        return out;
    }
    let reading = if with_time {
        crate::domain::when::parse_datetime(&value, today)
            .ok()
            .map(|t| text::date_reading(t.date(), Some(t.time())))
    } else {
        crate::domain::when::parse_date(&value, today)
            .ok()
            .map(|d| text::date_reading(d, None))
    };
    if let Some(reading) = reading {
        out.insert(key, reading);
    }
    out
}

/// Advice shown beside fields without blocking the save.
pub fn warnings(form: &Form) -> FieldErrors {
    let mut w = FieldErrors::default();
    if let FormKind::Need { .. } | FormKind::NeedFromMeeting { .. } = form.kind {
        for key in ["statement", "i_need"] {
            let found = solution_words(&form.value(key));
            if !found.is_empty() {
                w.add(key, FieldError::SolutionWords(found));
            }
        }
    }
    w
}

fn decision_input(form: &Form, today: chrono::NaiveDate) -> Result<DecisionInput, FieldErrors> {
    let v = |k: &str| form.value(k);
    DecisionInput::validate(
        &v("text"),
        &v("rationale"),
        &v("decided_by"),
        &v("decided_on"),
        today,
    )
}

fn action_input(form: &Form, today: chrono::NaiveDate) -> Result<ActionInput, FieldErrors> {
    let v = |k: &str| form.value(k);
    ActionInput::validate(
        &v("title"),
        &v("owner"),
        &v("due_date"),
        ActionStatus::parse(&v("status")).unwrap_or(ActionStatus::Open),
        today,
    )
}

/// Evidence needs at least one source: a meeting, a person or a document.
fn evidence_source(form: &Form) -> Result<(Option<i64>, Option<String>, String), FieldErrors> {
    let meeting = form.value("meeting").parse().ok();
    let person = Some(form.value("person").trim().to_string()).filter(|p| !p.is_empty());
    let document = form.value("document").trim().to_string();
    let mut errors = FieldErrors::default();
    if meeting.is_none() && person.is_none() && document.is_empty() {
        errors.add("document", FieldError::EvidenceSource);
    }
    errors.into_result((meeting, person, document))
}

fn required(form: &Form, key: &'static str) -> Result<String, FieldErrors> {
    let value = form.value(key).trim().to_string();
    let mut errors = FieldErrors::default();
    if value.is_empty() {
        errors.add(key, FieldError::Required);
    }
    errors.into_result(value)
}

fn project_input(form: &Form) -> Result<ProjectInput, FieldErrors> {
    let v = form.values();
    let s = |k: &str| v.get(k).map(String::as_str).unwrap_or("");
    ProjectInput::validate(&ProjectDraft {
        code: s("code"),
        title: s("title"),
        buyer_name: s("buyer"),
        case_number: s("case_number"),
        subject: s("subject"),
        goal: s("goal"),
        phase: Phase::parse(s("phase")).unwrap_or_default(),
        status: ProjectStatus::parse(s("status")).unwrap_or_default(),
        innovation_level: InnovationLevel::parse(s("innovation_level")),
        planned_procedure: s("planned_procedure"),
        start_date: s("start_date"),
        end_date: s("end_date"),
        tags: s("tags"),
    })
}

/// Domain validation only (no store), for live messages while typing.
pub fn validate(form: &Form, clock: &Clock) -> FieldErrors {
    let v = |k: &str| form.value(k);
    let result = match form.kind {
        FormKind::Project { .. } => project_input(form).map(|_| ()),
        FormKind::Organisation { .. } => {
            OrganisationInput::validate(&v("name"), OrgKind::Other).map(|_| ())
        }
        FormKind::Person { .. } => PersonInput::validate(
            &v("name"),
            &v("organisation"),
            &v("title"),
            &v("email"),
            &v("phone"),
        )
        .map(|_| ()),
        FormKind::Milestone { .. } => {
            MilestoneInput::validate(&v("title"), &v("due_date"), clock.today()).map(|_| ())
        }
        FormKind::Meeting { .. } => meeting_input(form, clock).map(|_| ()),
        FormKind::AgendaItem { .. } => agenda_item_input(form).map(|_| ()),
        FormKind::Participant { .. } => required(form, "person").map(|_| ()),
        FormKind::AgendaTemplate { .. } => required(form, "name").map(|_| ()),
        FormKind::Need { .. } => need_input(form).map(|_| ()),
        FormKind::NeedReason { .. } => required(form, "reason").map(|_| ()),
        FormKind::Evidence { .. } => evidence_source(form).map(|_| ()),
        FormKind::Suggestion { .. } => suggestion_input(form).map(|_| ()),
        FormKind::Lesson { .. } => lesson_input(form).map(|_| ()),
        FormKind::NeedFromMeeting { .. } => need_input(form).map(|_| ()),
        FormKind::Decision { .. } => decision_input(form, clock.today()).map(|_| ()),
        FormKind::Action { .. } => action_input(form, clock.today()).map(|_| ()),
        FormKind::Question { .. } => required(form, "text").map(|_| ()),
        FormKind::Answer { .. } | FormKind::NotesExport { .. } => Ok(()),
        FormKind::Round { .. } => RoundInput {
            kind: RoundKind::OneToOne,
            title: form.value("title"),
            purpose: String::new(),
        }
        .validated()
        .map(|_| ()),
        FormKind::RoundAnswer { .. } => required(form, "answer").map(|_| ()),
    };
    result.err().unwrap_or_default()
}

/// What a successful save produced, so the app can select it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    pub kind: FormKind,
    pub id: i64,
}

/// Validates and saves. Field problems (including uniqueness found by the store) come
/// back as `FieldErrors`; anything else as a store error. Nothing is written unless
/// the whole form is valid.
///
/// A form that edits an existing row saves only if the row is still as it was when
/// the form loaded it (its version); otherwise the error is `StoreError::Changed`
/// and nothing is written, never a silent overwrite.
pub fn submit(form: &Form, store: &mut Store) -> Result<Saved, SubmitError> {
    match (form.kind.row(), form.version) {
        (Some((kind, id)), Some(expected)) => store
            .save_if_unchanged(kind, id, expected, |s| write(form, s))
            .map(|(saved, _)| saved),
        _ => write(form, store),
    }
}

/// `submit` for "keep mine" on a row moved to the trash elsewhere: the row comes back
/// out of the trash and takes the form's values in one transaction, or neither happens
/// (an invalid field leaves it in the trash).
pub fn submit_bringing_back(form: &Form, store: &mut Store) -> Result<Saved, SubmitError> {
    let (Some((kind, id)), Some(expected)) = (form.kind.row(), form.version) else {
        return submit(form, store);
    };
    store
        .save_if_unchanged(kind, id, expected, |s| {
            s.restore(kind, id)?;
            write(form, s)
        })
        .map(|(saved, _)| saved)
}

fn write(form: &Form, store: &mut Store) -> Result<Saved, SubmitError> {
    let v = |k: &str| form.value(k);
    let id = match form.kind {
        FormKind::Project { id } => {
            let input = project_input(form)?;
            match id {
                Some(id) => store.update_project(id, &input).map(|_| id),
                None => store.create_project(&input),
            }
        }
        FormKind::Organisation { id } => {
            let kind = OrgKind::parse(&v("kind")).unwrap_or(OrgKind::Other);
            let input = OrganisationInput::validate(&v("name"), kind)?;
            match id {
                Some(id) => store.update_organisation(id, &input).map(|_| id),
                None => store.create_organisation(&input),
            }
        }
        FormKind::Person { id } => {
            let input = PersonInput::validate(
                &v("name"),
                &v("organisation"),
                &v("title"),
                &v("email"),
                &v("phone"),
            )?;
            match id {
                Some(id) => store.update_person(id, &input).map(|_| id),
                None => store.create_person(&input),
            }
        }
        FormKind::Milestone { project_id, id } => {
            let input =
                MilestoneInput::validate(&v("title"), &v("due_date"), store.clock().today())?;
            match id {
                Some(id) => store.update_milestone(id, &input).map(|_| id),
                None => store.create_milestone(project_id, &input),
            }
        }
        FormKind::Meeting { project_id, id } => {
            let input = meeting_input(form, &store.clock())?;
            match id {
                Some(id) => store.update_meeting(id, &input).map(|_| id),
                None => store.create_meeting(project_id, &input),
            }
        }
        FormKind::AgendaItem { meeting_id, id } => {
            let input = agenda_item_input(form)?;
            match id {
                Some(id) => store.update_agenda_item(id, &input).map(|_| id),
                None => store.add_agenda_item(meeting_id, &input),
            }
        }
        FormKind::Participant { meeting_id } => {
            let name = required(form, "person")?;
            let role = AttendanceRole::parse(&v("role")).unwrap_or(AttendanceRole::Participant);
            store.atomically(|store| {
                let person_id = match store.person_by_name(&name)? {
                    Some(p) => p.id,
                    None => {
                        let input = PersonInput::validate(&name, &v("organisation"), "", "", "")
                            .map_err(person_conflict)?;
                        store.create_person(&input)?
                    }
                };
                store.add_attendance(meeting_id, person_id, role)
            })
        }
        FormKind::AgendaTemplate { .. } => {
            unreachable!("templates are files, saved by the app, not the store")
        }
        FormKind::Need { project_id, id } => {
            let input = need_input(form)?;
            let label = label_of(form);
            store.atomically(|store| {
                let id = match id {
                    Some(id) => store.update_need(id, &input).map(|_| id)?,
                    None => store.create_need(project_id, &input)?,
                };
                store.set_label(EntityKind::Need, id, label)?;
                Ok(id)
            })
        }
        FormKind::NeedReason { need_id, to } => {
            let reason = required(form, "reason")?;
            store.set_need_status(need_id, to, &reason).map(|_| need_id)
        }
        FormKind::Evidence { need_id } => {
            let (meeting, person, document) = evidence_source(form)?;
            store.atomically(|store| {
                let person_id = match person {
                    None => None,
                    Some(name) => Some(match store.person_by_name(&name)? {
                        Some(p) => p.id,
                        None => {
                            let input = PersonInput::validate(&name, "", "", "", "")
                                .map_err(person_conflict)?;
                            store.create_person(&input)?
                        }
                    }),
                };
                let id = store.add_evidence(need_id, meeting, person_id, &document, &v("note"))?;
                store.set_evidence_label(id, label_of(form))?;
                Ok(id)
            })
        }
        FormKind::Suggestion { project_id, id } => {
            let input = suggestion_input(form)?;
            let label = label_of(form);
            store.atomically(|store| {
                let id = match id {
                    Some(id) => store.update_suggestion(id, &input).map(|_| id)?,
                    None => store.create_suggestion(project_id, &input)?,
                };
                store.set_label(EntityKind::Suggestion, id, label)?;
                Ok(id)
            })
        }
        FormKind::Lesson { id, .. } => {
            let input = lesson_input(form)?;
            match id {
                Some(id) => store.update_lesson(id, &input).map(|_| id),
                None => store.create_lesson(&input),
            }
        }
        FormKind::NeedFromMeeting {
            project_id,
            meeting_id,
        } => {
            let input = need_input(form)?;
            // The need and the evidence that ties it to the meeting take one label.
            let label = label_of(form);
            store.atomically(|store| {
                let id = store.create_need(project_id, &input)?;
                let evidence = store.add_evidence(id, Some(meeting_id), None, "", "")?;
                store.set_label(EntityKind::Need, id, label)?;
                store.set_evidence_label(evidence, label)?;
                Ok(id)
            })
        }
        FormKind::Decision {
            project_id,
            meeting_id,
            id,
        } => {
            let input = decision_input(form, store.clock().today())?;
            let label = label_of(form);
            store.atomically(|store| {
                let id = match id {
                    Some(id) => store.update_decision(id, &input).map(|_| id)?,
                    None => store.create_decision(project_id, meeting_id, &input)?,
                };
                store.set_label(EntityKind::Decision, id, label)?;
                Ok(id)
            })
        }
        FormKind::Action {
            project_id,
            meeting_id,
            id,
        } => {
            let input = action_input(form, store.clock().today())?;
            let label = label_of(form);
            store.atomically(|store| {
                let id = match id {
                    Some(id) => store.update_action(id, &input).map(|_| id)?,
                    None => store.create_action(project_id, meeting_id, &input)?,
                };
                store.set_label(EntityKind::ActionItem, id, label)?;
                Ok(id)
            })
        }
        FormKind::Question { meeting_id } => {
            let text_ = required(form, "text")?;
            let label = label_of(form);
            store.atomically(|store| {
                let id = store.create_question(meeting_id, &text_)?;
                store.set_label(EntityKind::Question, id, label)?;
                Ok(id)
            })
        }
        FormKind::Answer { question_id } => store
            .answer_question(question_id, &v("answer"))
            .map(|_| question_id),
        FormKind::NotesExport { .. } => {
            unreachable!("exports are files, written by the app, not the store")
        }
        FormKind::Round { project_id } => {
            let input = RoundInput {
                kind: RoundKind::parse(&v("kind")).unwrap_or(RoundKind::OneToOne),
                title: v("title"),
                purpose: v("purpose"),
            }
            .validated()?;
            let questions = v("questions");
            let suppliers = v("suppliers");
            store.atomically(|store| {
                let id = store.create_round(project_id, &input)?;
                for q in questions.lines().map(str::trim).filter(|q| !q.is_empty()) {
                    store.add_round_question(id, q)?;
                }
                for name in suppliers.lines().map(str::trim).filter(|n| !n.is_empty()) {
                    let org = store.organisation_named_or_new_supplier(name)?;
                    store.add_round_supplier(id, org)?;
                }
                Ok(id)
            })
        }
        FormKind::RoundAnswer { .. } => {
            let answer = required(form, "answer")?;
            let (Ok(question), Ok(org)) = (v("question").parse(), v("supplier").parse()) else {
                let mut errors = FieldErrors::default();
                errors.add("question", FieldError::Required);
                return Err(errors.into());
            };
            store.record_answer(question, org, None, &answer, label_of(form))
        }
    };
    match id {
        Ok(id) => Ok(Saved {
            kind: form.kind,
            id,
        }),
        Err(e) => Err(e.into()),
    }
}

/// A person added on the fly while saving something else. Its one rule, a name, was
/// checked with the form, so any problem left is reported on the person field.
fn person_conflict(errors: FieldErrors) -> StoreError {
    let code = errors
        .0
        .into_iter()
        .next()
        .map_or(FieldError::Required, |(_, e)| e);
    StoreError::Conflict("person", code)
}

#[derive(Debug)]
pub enum SubmitError {
    Invalid(FieldErrors),
    Store(StoreError),
}

impl From<StoreError> for SubmitError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict(field, message) => {
                let mut errors = FieldErrors::default();
                errors.add(field, message);
                SubmitError::Invalid(errors)
            }
            e => SubmitError::Store(e),
        }
    }
}

impl From<FieldErrors> for SubmitError {
    fn from(e: FieldErrors) -> Self {
        SubmitError::Invalid(e)
    }
}
