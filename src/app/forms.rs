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
    Priority, Project, ProjectInput, ProjectStatus, Question, RoundAnswer, RoundInput, RoundKind,
    RoundQuestion, RoundSupplier, Suggestion, SuggestionInput, SuggestionStatus, TextEnum,
    project::ProjectDraft, solution_words,
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
    let mut o = vec![(String::new(), text::not_set().to_string())];
    o.extend(options::<E>());
    o
}

/// Who may read an outcome; a new one is internal unless chosen otherwise (quick
/// capture chooses the label of the note it came from).
fn label_field(current: Option<Confidentiality>) -> Field {
    Field::choice(
        "label",
        text::field_label(),
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
        Field::text("code", text::col_code(), &get(|p| p.code.clone()))
            .required()
            .uppercase()
            .hint(text::hint_code()),
        Field::text("title", text::col_title(), &get(|p| p.title.clone())).required(),
        Field::organisation(
            "buyer",
            text::col_buyer(),
            &get(|p| p.buyer_name.clone().unwrap_or_default()),
        ),
        Field::text(
            "case_number",
            text::field_case_number(),
            &get(|p| p.case_number.clone()),
        ),
        Field::text(
            "subject",
            text::field_subject(),
            &get(|p| p.subject.clone()),
        ),
        Field::multiline("goal", text::field_goal(), &get(|p| p.goal.clone())),
        Field::choice(
            "phase",
            text::col_phase(),
            options::<Phase>(),
            p.map_or(Phase::Initiation, |p| p.phase).as_str(),
        ),
        Field::choice(
            "status",
            text::col_status(),
            options::<ProjectStatus>(),
            p.map_or(ProjectStatus::Prospect, |p| p.status).as_str(),
        ),
        Field::choice(
            "innovation_level",
            text::field_innovation(),
            optional_options::<InnovationLevel>(),
            p.and_then(|p| p.innovation_level)
                .map_or("", |l| l.as_str()),
        ),
        Field::text(
            "planned_procedure",
            text::field_procedure(),
            &get(|p| p.planned_procedure.clone()),
        ),
        Field::text(
            "start_date",
            text::field_start(),
            &get(|p| date_text(p.start_date)),
        )
        .hint(text::hint_date()),
        Field::text(
            "end_date",
            text::field_end(),
            &get(|p| date_text(p.end_date)),
        )
        .hint(text::hint_date()),
        Field::text("tags", text::field_tags(), &get(|p| p.tags.join(", ")))
            .hint(text::hint_tags()),
    ];
    let title = if p.is_some() {
        text::form_edit_project()
    } else {
        text::form_new_project()
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
        Field::text("name", text::col_name(), org.map_or("", |o| &o.name)).required(),
        Field::choice(
            "kind",
            text::col_kind(),
            options::<OrgKind>(),
            org.map_or(OrgKind::ContractingAuthority, |o| o.kind)
                .as_str(),
        ),
    ];
    let title = if org.is_some() {
        text::form_edit_organisation()
    } else {
        text::form_new_organisation()
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
        Field::text("name", text::col_name(), p.map_or("", |p| &p.name)).required(),
        Field::organisation(
            "organisation",
            text::col_organisation(),
            p.and_then(|p| p.organisation_name.as_deref()).unwrap_or(""),
        ),
        Field::text("title", text::col_role(), p.map_or("", |p| &p.title)),
        Field::text("email", text::col_email(), p.map_or("", |p| &p.email)),
        Field::text("phone", text::col_phone(), p.map_or("", |p| &p.phone)),
    ];
    let title = if p.is_some() {
        text::form_edit_person()
    } else {
        text::form_new_person()
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
        Field::text("title", text::col_title(), m.map_or("", |m| &m.title)).required(),
        Field::text(
            "due_date",
            text::col_due(),
            &m.map(|m| date_text(m.due_date)).unwrap_or_default(),
        )
        .hint(text::hint_due()),
    ];
    let title = if m.is_some() {
        text::form_edit_milestone()
    } else {
        text::form_new_milestone()
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
            text::field_meeting_type(),
            options::<MeetingType>(),
            m.map_or(MeetingType::ProjectMeeting, |m| m.kind).as_str(),
        ),
        Field::text("title", text::col_title(), text_of(|m| &m.title)).required(),
        Field::text(
            "start",
            text::field_meeting_start(),
            &m.map(|m| start_text(clock, m)).unwrap_or_default(),
        )
        .required()
        .hint(text::hint_when()),
        Field::text(
            "end",
            text::field_meeting_end(),
            &m.map(|m| end_text(clock, m)).unwrap_or_default(),
        )
        .required()
        .hint(text::hint_end()),
        Field::choice(
            "format",
            text::field_format(),
            options::<MeetingFormat>(),
            m.map_or(MeetingFormat::InPerson, |m| m.format).as_str(),
        ),
        Field::text("location", text::field_location(), text_of(|m| &m.location)),
        Field::multiline("purpose", text::field_purpose(), text_of(|m| &m.purpose)),
        Field::multiline(
            "desired_outcome",
            text::field_desired_outcome(),
            text_of(|m| &m.desired_outcome),
        ),
        Field::choice(
            "status",
            text::col_status(),
            options::<MeetingStatus>(),
            m.map_or(MeetingStatus::Planned, |m| m.status).as_str(),
        ),
        Field::choice(
            "notes_status",
            text::field_notes_status(),
            options::<NotesStatus>(),
            m.map_or(NotesStatus::None, |m| m.notes_status).as_str(),
        ),
    ];
    let title = if m.is_some() {
        text::form_edit_meeting()
    } else {
        text::form_new_meeting()
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
        Field::text("title", text::col_title(), text_of(|i| &i.title)).required(),
        Field::text(
            "duration",
            text::field_duration(),
            &item
                .map(|i| format_duration_input(i.minutes))
                .unwrap_or_default(),
        )
        .required()
        .hint(text::hint_duration()),
        Field::text("method", text::field_method(), text_of(|i| &i.method)),
        Field::text("owner", text::field_owner(), text_of(|i| &i.owner)),
        Field::text(
            "expected_outcome",
            text::field_expected_outcome(),
            text_of(|i| &i.expected_outcome),
        ),
    ];
    let title = if item.is_some() {
        text::form_edit_agenda_item()
    } else {
        text::form_new_agenda_item()
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
        Field::person("person", text::field_person(), "").required(),
        Field::organisation("organisation", text::col_organisation(), "")
            .hint(text::hint_new_person_org()),
        Field::choice(
            "role",
            text::field_role(),
            options::<AttendanceRole>(),
            AttendanceRole::Participant.as_str(),
        ),
    ];
    Form::new(
        FormKind::Participant { meeting_id },
        text::form_add_participant(),
        fields,
    )
}

pub fn template_form(meeting_id: i64, suggested_name: &str) -> Form {
    let fields = vec![Field::text("name", text::col_name(), suggested_name).required()];
    Form::new(
        FormKind::AgendaTemplate { meeting_id },
        text::form_save_template(),
        fields,
    )
}

pub fn need_form(project_id: i64, n: Option<&Need>) -> Form {
    let text_of = |f: fn(&Need) -> &str| n.map_or("", f);
    let fields = vec![
        Field::multiline(
            "statement",
            text::field_statement(),
            text_of(|n| &n.statement),
        )
        .hint(text::hint_statement()),
        Field::text("as_a", text::field_as_a(), text_of(|n| &n.as_a)),
        Field::text("i_need", text::field_i_need(), text_of(|n| &n.i_need)),
        Field::text("so_that", text::field_so_that(), text_of(|n| &n.so_that)),
        Field::text("category", text::col_category(), text_of(|n| &n.category)),
        Field::choice(
            "priority",
            text::col_priority(),
            optional_options::<Priority>(),
            n.and_then(|n| n.priority).map_or("", |p| p.as_str()),
        ),
        Field::text("owner", text::field_owner(), text_of(|n| &n.owner)),
        label_field(n.map(|n| n.confidentiality)),
    ];
    let title = if n.is_some() {
        text::form_edit_need()
    } else {
        text::form_new_need()
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
        text::form_reject_need()
    } else {
        text::form_defer_need()
    };
    Form::new(
        FormKind::NeedReason { need_id, to },
        format!("{title} {code}"),
        vec![Field::text("reason", text::field_reason(), "").required()],
    )
}

/// `meetings` are the project's meetings to choose a source from: (id, label).
pub fn evidence_form(need_id: i64, meetings: &[(i64, String)]) -> Form {
    let fields = vec![
        Field::choice(
            "meeting",
            text::field_meeting(),
            meeting_options(meetings),
            "",
        ),
        Field::person("person", text::field_person(), ""),
        Field::text("document", text::field_document(), ""),
        Field::text("note", text::field_note(), ""),
        label_field(None),
    ];
    Form::new(
        FormKind::Evidence { need_id },
        text::form_add_evidence(),
        fields,
    )
}

fn meeting_options(meetings: &[(i64, String)]) -> Vec<(String, String)> {
    let mut o = vec![(String::new(), text::not_set().to_string())];
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
        Field::text("title", text::col_title(), text_of(|s| &s.title)).required(),
        Field::choice(
            "phase",
            text::field_phase_concerned(),
            options::<Phase>(),
            s.map_or(phase, |s| s.phase).as_str(),
        ),
        Field::multiline(
            "description",
            text::field_description(),
            text_of(|s| &s.description),
        ),
        Field::multiline(
            "rationale",
            text::field_rationale(),
            text_of(|s| &s.rationale),
        ),
        Field::choice(
            "status",
            text::col_status(),
            options::<SuggestionStatus>(),
            s.map_or(SuggestionStatus::Proposed, |s| s.status).as_str(),
        ),
        Field::multiline(
            "buyer_response",
            text::field_buyer_response(),
            text_of(|s| &s.buyer_response),
        ),
        Field::text(
            "decision_date",
            text::field_decision_date(),
            &s.map(|s| date_text(s.decision_date)).unwrap_or_default(),
        )
        .hint(text::hint_date()),
        Field::choice(
            "meeting",
            text::field_source_meeting(),
            meeting_options(meetings),
            &s.and_then(|s| s.meeting_id)
                .map(|id| id.to_string())
                .unwrap_or_default(),
        ),
        label_field(s.map(|s| s.confidentiality)),
    ];
    let title = if s.is_some() {
        text::form_edit_suggestion()
    } else {
        text::form_new_suggestion()
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
    let mut project_options = vec![(String::new(), text::lesson_general().to_string())];
    project_options.extend(
        projects
            .iter()
            .map(|(id, code)| (id.to_string(), code.clone())),
    );
    let project = l.map_or(project_id, |l| l.project_id);
    let fields = vec![
        Field::text("title", text::col_title(), text_of(|l| &l.title)).required(),
        Field::choice(
            "kind",
            text::col_kind(),
            options::<LessonKind>(),
            l.map_or(LessonKind::Lesson, |l| l.kind).as_str(),
        ),
        Field::choice(
            "phase",
            text::col_phase(),
            optional_options::<Phase>(),
            l.and_then(|l| l.phase).map_or("", |p| p.as_str()),
        ),
        Field::choice(
            "project",
            text::col_project(),
            project_options,
            &project.map(|id| id.to_string()).unwrap_or_default(),
        ),
        Field::multiline("context", text::field_context(), text_of(|l| &l.context)),
        Field::multiline(
            "what_happened",
            text::field_what_happened(),
            text_of(|l| &l.what_happened),
        ),
        Field::multiline(
            "what_we_learned",
            text::field_what_we_learned(),
            text_of(|l| &l.what_we_learned),
        )
        .required(),
        Field::multiline(
            "recommendation",
            text::field_recommendation(),
            text_of(|l| &l.recommendation),
        ),
        Field::choice(
            "shareable",
            text::field_shareable(),
            vec![
                ("no".to_string(), text::no().to_string()),
                ("yes".to_string(), text::yes().to_string()),
            ],
            if l.is_some_and(|l| l.shareable) {
                "yes"
            } else {
                "no"
            },
        ),
    ];
    let title = if l.is_some() {
        text::form_edit_lesson()
    } else {
        text::form_new_lesson()
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
    form.title = text::form_capture_need().to_string();
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
        Field::text("text", text::field_decision(), text_of(|d| &d.text)).required(),
        Field::text(
            "rationale",
            text::field_rationale(),
            text_of(|d| &d.rationale),
        ),
        Field::text(
            "decided_by",
            text::field_decided_by(),
            text_of(|d| &d.decided_by),
        ),
        Field::text(
            "decided_on",
            text::field_decided_on(),
            &d.map_or(today, |d| d.decided_on).to_string(),
        )
        .hint(text::hint_due()),
        label_field(d.map(|d| d.confidentiality)),
    ];
    let title = if d.is_some() {
        text::form_edit_decision()
    } else {
        text::form_new_decision()
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
        Field::text("title", text::col_title(), text_of(|a| &a.title)).required(),
        Field::text("owner", text::field_owner(), text_of(|a| &a.owner)),
        Field::text(
            "due_date",
            text::col_due(),
            &a.map(|a| date_text(a.due_date)).unwrap_or_default(),
        )
        .hint(text::hint_due()),
        Field::choice(
            "status",
            text::col_status(),
            options::<ActionStatus>(),
            a.map_or(ActionStatus::Open, |a| a.status).as_str(),
        ),
        label_field(a.map(|a| a.confidentiality)),
    ];
    let title = if a.is_some() {
        text::form_edit_action()
    } else {
        text::form_new_action()
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
        text::form_new_question(),
        vec![
            Field::text("text", text::field_question(), "").required(),
            label_field(None),
        ],
    )
}

pub fn answer_form(q: &Question) -> Form {
    Form::new(
        FormKind::Answer { question_id: q.id },
        text::form_answer_question(),
        vec![
            Field::text("question", text::field_question(), &q.text),
            Field::multiline("answer", text::field_answer(), &q.answer),
        ],
    )
}

/// A new dialogue round: its kind, title and purpose, its questions one per line and
/// the organisations taking part one per line (a name not in the directory is added as
/// a supplier).
pub fn round_form(project_id: i64) -> Form {
    Form::new(
        FormKind::Round { project_id },
        text::form_new_round(),
        vec![
            Field::text("title", text::col_title(), "").required(),
            Field::choice(
                "kind",
                text::col_kind(),
                options::<RoundKind>(),
                RoundKind::OneToOne.as_str(),
            ),
            Field::multiline("purpose", text::field_purpose(), ""),
            Field::multiline("questions", text::field_round_questions(), ""),
            Field::multiline("suppliers", text::field_round_suppliers(), ""),
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
        text::form_round_answer(),
        vec![
            Field::choice("question", text::field_question(), questions, ""),
            Field::choice("supplier", text::field_supplier(), suppliers, ""),
            Field::multiline("answer", text::field_answer(), "").required(),
            label_field(None),
        ],
    )
}

/// A question of a round: a new one goes at the end of the set.
pub fn round_question_form(round_id: i64, question: Option<&RoundQuestion>) -> Form {
    let title = match question {
        Some(q) => text::form_edit_round_question(q.position),
        None => text::form_new_round_question().to_string(),
    };
    Form::new(
        FormKind::RoundQuestion {
            round_id,
            id: question.map(|q| q.id),
        },
        title,
        vec![
            Field::text(
                "text",
                text::field_question(),
                question.map_or("", |q| &q.text),
            )
            .required(),
        ],
    )
}

/// An organisation joining a round as a supplier, by name: one the directory has (case
/// and diacritics aside), or a new supplier. It gets the round's next letter.
pub fn round_supplier_form(round_id: i64) -> Form {
    Form::new(
        FormKind::RoundSupplier { round_id },
        text::form_add_round_supplier(),
        vec![Field::organisation("organisation", text::field_supplier(), "").required()],
    )
}

/// One cell of the matrix: what the supplier answered to the question (empty: asked,
/// no answer yet), with its label.
pub fn round_cell_form(
    question: &RoundQuestion,
    supplier: &RoundSupplier,
    answer: Option<&RoundAnswer>,
) -> Form {
    Form::new(
        FormKind::RoundCell {
            question_id: question.id,
            organisation_id: supplier.organisation_id,
        },
        text::form_round_cell(
            question.position,
            &format!("{} {}", supplier.letter(), supplier.name),
        ),
        vec![
            Field::multiline(
                "answer",
                text::field_answer(),
                answer.map_or("", |a| &a.body),
            ),
            label_field(answer.map(|a| a.confidentiality)),
        ],
    )
}

/// Format, audience and language of a meeting-notes export.
pub fn notes_export_form(meeting_id: i64, audience: &str, lang: crate::catalog::Lang) -> Form {
    let formats = [
        ("html", "HTML"),
        ("md", "Markdown"),
        ("txt", text::plain_text()),
        ("docx", text::word_file()),
    ];
    Form::new(
        FormKind::NotesExport { meeting_id },
        text::form_export_notes(),
        export_fields(&formats, audience, lang),
    )
}

/// The choices before a round's dialogue compilation is written.
pub fn dialogue_export_form(
    project_id: i64,
    round_id: i64,
    audience: Audience,
    lang: crate::catalog::Lang,
) -> Form {
    let formats = [
        ("html", "HTML"),
        ("md", "Markdown"),
        ("docx", text::word_file()),
    ];
    Form::new(
        FormKind::DialogueExport {
            project_id,
            round_id,
        },
        text::form_export_dialogue(),
        export_fields(&formats, audience.as_str(), lang),
    )
}

/// An export's format (the first of `formats` chosen), audience and language.
fn export_fields(
    formats: &[(&str, &str)],
    audience: &str,
    lang: crate::catalog::Lang,
) -> Vec<Field> {
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(v, l)| (v.to_string(), l.to_string()))
            .collect()
    };
    vec![
        Field::choice("format", text::field_format(), pairs(formats), formats[0].0),
        Field::choice(
            "audience",
            text::field_audience(),
            options::<Audience>(),
            audience,
        ),
        Field::choice(
            "lang",
            text::field_language(),
            pairs(&[("sv", "Svenska"), ("en", "English")]),
            lang.as_str(),
        ),
    ]
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

/// The approver's name as one trimmed line; required.
fn approver(form: &Form) -> Result<String, FieldErrors> {
    let name = crate::domain::approver_name(&form.value("name"));
    let mut errors = FieldErrors::default();
    if name.is_none() {
        errors.add("name", FieldError::Required);
    }
    errors.into_result(name.unwrap_or_default())
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
        FormKind::Answer { .. }
        | FormKind::NotesExport { .. }
        | FormKind::DialogueExport { .. } => Ok(()),
        FormKind::Registration { .. } => registration_input(form).map(|_| ()),
        FormKind::NotesApproval { .. } => approver(form).map(|_| ()),
        FormKind::Information { .. } => information_input(form).map(|_| ()),
        FormKind::Interest { .. } => interest_input(form, Some(0), Some(0)).map(|_| ()),
        FormKind::Round { .. } => RoundInput {
            kind: RoundKind::OneToOne,
            title: form.value("title"),
            purpose: String::new(),
        }
        .validated()
        .map(|_| ()),
        FormKind::RoundAnswer { .. } => required(form, "answer").map(|_| ()),
        FormKind::RoundQuestion { .. } => required(form, "text").map(|_| ()),
        FormKind::RoundSupplier { .. } => required(form, "organisation").map(|_| ()),
        FormKind::RoundCell { .. } => Ok(()),
    };
    result.err().unwrap_or_default()
}

/// The registration form: the document number in the case and the day (today unless
/// changed).
pub fn registration_form(
    meeting_id: i64,
    current: Option<&crate::domain::Registration>,
    today: chrono::NaiveDate,
) -> Form {
    let fields = vec![
        Field::text(
            "document_number",
            text::field_document_number(),
            current.map_or("", |r| &r.document_number),
        )
        .required(),
        Field::text(
            "registered_on",
            text::field_registered_on(),
            &current.map_or(today, |r| r.registered_on).to_string(),
        )
        .hint(text::hint_date()),
    ];
    Form::new(
        FormKind::Registration { meeting_id },
        text::form_registration(),
        fields,
    )
}

/// Who approved the notes (the justerare): one line, offered with the name given last
/// (see `Store::last_approver_name`).
pub fn notes_approval_form(meeting_id: i64, last_name: Option<&str>) -> Form {
    Form::new(
        FormKind::NotesApproval { meeting_id },
        text::form_approve_notes(),
        vec![
            Field::text("name", text::field_approved_by(), last_name.unwrap_or(""))
                .required()
                .hint(text::hint_approved_by()),
        ],
    )
}

fn registration_input(form: &Form) -> Result<crate::domain::Registration, FieldErrors> {
    let mut errors = FieldErrors::default();
    let number = form.value("document_number").trim().to_string();
    if number.is_empty() {
        errors.add("document_number", FieldError::Required);
    }
    let day = form.value("registered_on");
    let on = if day.trim().is_empty() {
        errors.add("registered_on", FieldError::Required);
        None
    } else {
        crate::domain::parse_iso_date("registered_on", &day, &mut errors)
    };
    errors.into_result(crate::domain::Registration {
        document_number: number,
        registered_on: on.unwrap_or_default(),
    })
}

/// The information log entry form. A new entry given in a meeting starts with the
/// meeting, its day and its suppliers (`recipients`, comma-separated names).
pub struct InformationDefaults<'a> {
    pub meeting_id: Option<i64>,
    pub given_on: chrono::NaiveDate,
    pub title: &'a str,
    pub recipients: String,
}

pub fn information_form(
    project_id: i64,
    item: Option<&crate::domain::InformationItem>,
    meetings: &[(i64, String)],
    defaults: InformationDefaults<'_>,
) -> Form {
    use crate::domain::InfoChannel;
    let recipients = match item {
        Some(i) => i
            .recipients
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        None => defaults.recipients,
    };
    let meeting = item.map_or(defaults.meeting_id, |i| i.meeting_id);
    let channel = item.map_or(
        if defaults.meeting_id.is_some() {
            InfoChannel::Meeting
        } else {
            InfoChannel::Mail
        },
        |i| i.channel,
    );
    let fields = vec![
        Field::text(
            "title",
            text::field_information(),
            item.map_or(defaults.title, |i| &i.title),
        )
        .required(),
        Field::choice(
            "channel",
            text::field_channel(),
            options::<InfoChannel>(),
            channel.as_str(),
        ),
        Field::choice(
            "meeting",
            text::field_given_in_meeting(),
            meeting_options(meetings),
            &meeting.map(|id| id.to_string()).unwrap_or_default(),
        ),
        Field::text(
            "origin",
            text::field_origin(),
            item.map_or("", |i| &i.origin),
        ),
        Field::text(
            "given_on",
            text::field_given_on(),
            &item.map_or(defaults.given_on, |i| i.given_on).to_string(),
        )
        .required()
        .hint(text::hint_date()),
        Field::text("recipients", text::field_given_to(), &recipients)
            .hint(text::hint_organisations()),
        Field::multiline(
            "details",
            text::field_details(),
            item.map_or("", |i| &i.details),
        ),
        Field::text(
            "shared_on",
            text::field_shared_on(),
            &item.map(|i| date_text(i.shared_on)).unwrap_or_default(),
        )
        .hint(text::hint_date()),
        Field::text(
            "shared_channel",
            text::field_shared_channel(),
            item.map_or("", |i| &i.shared_channel),
        ),
    ];
    let title = if item.is_some() {
        text::form_edit_information()
    } else {
        text::form_new_information()
    };
    Form::new(
        FormKind::Information {
            project_id,
            id: item.map(|i| i.id),
        },
        title,
        fields,
    )
}

/// The entry as typed, with its recipients as names (resolved when saved).
fn information_input(
    form: &Form,
) -> Result<(crate::domain::InformationInput, Vec<String>), FieldErrors> {
    let v = |k: &str| form.value(k);
    let draft = crate::domain::InformationDraft {
        channel: v("channel"),
        meeting_id: v("meeting").parse().ok(),
        origin: v("origin"),
        given_on: v("given_on"),
        title: v("title"),
        details: v("details"),
        recipients: Vec::new(),
        shared_on: v("shared_on"),
        shared_channel: v("shared_channel"),
    };
    let input = crate::domain::InformationInput::validate(&draft)?;
    let names = v("recipients")
        .split([',', ';', '\n'])
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    Ok((input, names))
}

pub fn interest_form(project_id: i64, interest: Option<&crate::domain::Interest>) -> Form {
    use crate::domain::InterestKind;
    let fields = vec![
        Field::text(
            "organisation",
            text::col_organisation(),
            interest
                .and_then(|i| i.organisation_name.as_deref())
                .unwrap_or(""),
        ),
        Field::text(
            "person",
            text::field_person(),
            interest
                .and_then(|i| i.person_name.as_deref())
                .unwrap_or(""),
        ),
        Field::choice(
            "kind",
            text::field_interest_kind(),
            options::<InterestKind>(),
            interest
                .map_or(InterestKind::PriorInvolvement, |i| i.kind)
                .as_str(),
        ),
        Field::multiline(
            "description",
            text::field_description(),
            interest.map_or("", |i| &i.description),
        )
        .required(),
        Field::multiline(
            "measures",
            text::field_measures(),
            interest.map_or("", |i| &i.measures),
        ),
        Field::text(
            "declared_on",
            text::field_declared_on(),
            &interest
                .map(|i| date_text(i.declared_on))
                .unwrap_or_default(),
        )
        .hint(text::hint_date()),
    ];
    let title = if interest.is_some() {
        text::form_edit_interest()
    } else {
        text::form_new_interest()
    };
    Form::new(
        FormKind::Interest {
            project_id,
            id: interest.map(|i| i.id),
        },
        title,
        fields,
    )
}

/// The declaration as typed; `organisation` and `person` are what the names resolve to
/// (`Some(0)` stands for "named" while typing, before anything is resolved).
fn interest_input(
    form: &Form,
    organisation: Option<i64>,
    person: Option<i64>,
) -> Result<crate::domain::InterestInput, FieldErrors> {
    let v = |k: &str| form.value(k);
    let named = |k: &str, id: Option<i64>| if v(k).trim().is_empty() { None } else { id };
    crate::domain::InterestInput::validate(
        named("organisation", organisation),
        named("person", person),
        crate::domain::InterestKind::parse(&v("kind"))
            .unwrap_or(crate::domain::InterestKind::PriorInvolvement),
        &v("description"),
        &v("measures"),
        &v("declared_on"),
    )
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
    if let FormKind::RoundCell { question_id, .. } = form.kind {
        return answer_bringing_back(form, question_id, store);
    }
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

/// "Keep mine" on an answer whose question (or its round, or its project) went to the
/// trash elsewhere: what is in the trash comes back and the answer is written, in one
/// transaction, or neither happens.
fn answer_bringing_back(
    form: &Form,
    question_id: i64,
    store: &mut Store,
) -> Result<Saved, SubmitError> {
    store.atomically_or(|s| {
        let (round_id, project_id) = s.round_question_place(question_id)?;
        for (kind, id) in [
            (EntityKind::Project, project_id),
            (EntityKind::Round, round_id),
            (EntityKind::RoundQuestion, question_id),
        ] {
            if s.is_trashed(kind, id)? {
                s.restore(kind, id)?;
            }
        }
        write(form, s)
    })
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
        FormKind::NotesExport { .. } | FormKind::DialogueExport { .. } => {
            unreachable!("exports are files, written by the app, not the store")
        }
        FormKind::Information { project_id, id } => {
            let (mut input, names) = information_input(form)?;
            store.atomically(|store| {
                input.recipients = store.resolve_organisations(&names, OrgKind::Supplier)?;
                match id {
                    Some(id) => store.update_information(id, &input).map(|_| id),
                    None => store.create_information(project_id, &input),
                }
            })
        }
        FormKind::Interest { project_id, id } => {
            interest_input(form, Some(0), Some(0))?;
            let (org_name, person_name) = (v("organisation"), v("person"));
            store.atomically(|store| {
                let person = match person_name.trim() {
                    "" => None,
                    name => Some(match store.person_by_name(name)? {
                        Some(p) => p.id,
                        None => {
                            let input = PersonInput::validate(name, &org_name, "", "", "")
                                .map_err(person_conflict)?;
                            store.create_person(&input)?
                        }
                    }),
                };
                let organisation = store
                    .resolve_organisations(std::slice::from_ref(&org_name), OrgKind::Other)?
                    .first()
                    .copied();
                // Names typed resolve to rows, so only what the live check saw can fail.
                let input = interest_input(form, organisation, person)
                    .map_err(|e| StoreError::Conflict(e.0[0].0, e.0[0].1.clone()))?;
                match id {
                    Some(id) => store.update_interest(id, &input).map(|_| id),
                    None => store.create_interest(project_id, &input),
                }
            })
        }
        FormKind::NotesApproval { meeting_id } => {
            let name = approver(form)?;
            store
                .set_notes_status_by(meeting_id, NotesStatus::Approved, Some(&name))
                .map(|_| meeting_id)
        }
        FormKind::Registration { meeting_id } => {
            let registration = registration_input(form)?;
            store
                .set_registration(meeting_id, Some(&registration))
                .map(|_| meeting_id)
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
        FormKind::RoundQuestion { round_id, id } => {
            let text = required(form, "text")?;
            match id {
                Some(id) => store.update_round_question(id, &text).map(|_| id),
                None => store.add_round_question(round_id, &text),
            }
        }
        FormKind::RoundSupplier { round_id } => {
            let name = required(form, "organisation")?;
            store.atomically(|store| {
                let org = match store.organisations_named(&name, None)?.first() {
                    Some(o) => o.id,
                    None => store.organisation_named_or_new_supplier(&name)?,
                };
                if store
                    .round_suppliers(round_id)?
                    .iter()
                    .any(|s| s.organisation_id == org)
                {
                    return Err(StoreError::Conflict(
                        "organisation",
                        FieldError::InRoundAlready,
                    ));
                }
                store.add_round_supplier(round_id, org).map(|_| org)
            })
        }
        FormKind::RoundCell {
            question_id,
            organisation_id,
        } => store.save_answer_if_unchanged(
            question_id,
            organisation_id,
            form.version.unwrap_or(0),
            &form.value("answer"),
            label_of(form),
        ),
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
