//! The concrete forms: how each entity is laid out as fields, and how a filled-in
//! form is validated and saved.

use super::form::{Field, Form, FormKind};
use crate::domain::{
    FieldErrors, InnovationLevel, Milestone, MilestoneInput, OrgKind, Organisation,
    OrganisationInput, Person, PersonInput, Phase, Project, ProjectInput, ProjectStatus, TextEnum,
    project::ProjectDraft,
};
use crate::store::{Store, StoreError};
use crate::text;

fn options<E: TextEnum>() -> Vec<(&'static str, &'static str)> {
    E::ALL.iter().map(|v| (v.as_str(), v.label())).collect()
}

fn optional_options<E: TextEnum>() -> Vec<(&'static str, &'static str)> {
    let mut o = vec![("", text::NOT_SET)];
    o.extend(options::<E>());
    o
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
        .hint(text::HINT_DATE),
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
pub fn validate(form: &Form) -> FieldErrors {
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
            MilestoneInput::validate(&v("title"), &v("due_date")).map(|_| ())
        }
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
pub fn submit(form: &Form, store: &mut Store) -> Result<Saved, SubmitError> {
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
            let input = MilestoneInput::validate(&v("title"), &v("due_date"))?;
            match id {
                Some(id) => store.update_milestone(id, &input).map(|_| id),
                None => store.create_milestone(project_id, &input),
            }
        }
    };
    match id {
        Ok(id) => Ok(Saved {
            kind: form.kind,
            id,
        }),
        Err(StoreError::Conflict(field, message)) => {
            let mut errors = FieldErrors::default();
            errors.add(field, message);
            Err(SubmitError::Invalid(errors))
        }
        Err(e) => Err(SubmitError::Store(e)),
    }
}

#[derive(Debug)]
pub enum SubmitError {
    Invalid(FieldErrors),
    Store(StoreError),
}

impl From<FieldErrors> for SubmitError {
    fn from(e: FieldErrors) -> Self {
        SubmitError::Invalid(e)
    }
}
