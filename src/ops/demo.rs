//! Loading a demo portfolio: the same for `tidig demo` and the welcome screen's `D`.
//!
//! Both demos are bundles imported insert-only: a row the store already has (matched by
//! UUID) is left as it is, so loading again adds nothing and never undoes a user's
//! edit of a demo row, even on a later day when the demo's shifted stamps look newer.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::bundle::{Bundle, ImportMode, ImportReport, Problem, Section};
use crate::demo::{self, Size};
use crate::domain::{EntityKind, FieldError};
use crate::store::{ImportError, Result, Store, StoreError};

/// What a load added (zero everywhere when the demo was already there).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DemoSummary {
    pub organisations: usize,
    pub people: usize,
    pub projects: usize,
    pub milestones: usize,
    pub meetings: usize,
    pub agenda_items: usize,
    pub participants: usize,
    pub needs: usize,
    pub suggestions: usize,
    pub lessons: usize,
    pub notes: usize,
    pub decisions: usize,
    pub actions: usize,
    pub questions: usize,
    /// Entries of the information log.
    pub information: usize,
    /// Declared interests and prior involvement.
    pub interests: usize,
}

impl DemoSummary {
    /// The rows an import inserted, section by section.
    pub fn from_report(report: &ImportReport) -> DemoSummary {
        let added = |s: Section| report.sections.get(&s).map_or(0, |c| c.inserted);
        DemoSummary {
            organisations: added(Section::Organisations),
            people: added(Section::People),
            projects: added(Section::Projects),
            milestones: added(Section::Milestones),
            meetings: added(Section::Meetings),
            agenda_items: added(Section::AgendaItems),
            participants: added(Section::Attendance),
            needs: added(Section::Needs),
            suggestions: added(Section::Suggestions),
            lessons: added(Section::Lessons),
            notes: added(Section::Notes),
            decisions: added(Section::Decisions),
            actions: added(Section::ActionItems),
            questions: added(Section::Questions),
            information: added(Section::InformationItems),
            interests: added(Section::Interests),
        }
    }
}

/// Loads the demo portfolio with its dates moved to `today` (times in the store's
/// zone); loading it again adds nothing.
pub fn load(store: &mut Store, today: NaiveDate) -> Result<DemoSummary> {
    let asset = demo::portfolio();
    let mut bundle = demo::shift(&asset.bundle, asset.anchor, &clock_on(store, today));
    let summary = store.atomically(|store| {
        reuse_organisations(store, &mut bundle)?;
        import(store, &bundle, &mut |_, _| {})
    })?;
    store.atomically(add_rounds)?;
    Ok(summary)
}

/// Points the demo at the store's own organisation wherever the store has one of the
/// same name (case, diacritics and spacing aside) under another UUID: a user who made
/// "Lulea kommun" before loading the demo keeps one Luleå kommun, not two.
fn reuse_organisations(store: &Store, bundle: &mut Bundle) -> Result<()> {
    let mut same = HashMap::new();
    for org in &bundle.organisations {
        if store
            .id_by_uuid(EntityKind::Organisation, org.uuid.as_str())?
            .is_some()
        {
            continue;
        }
        if let Some(existing) = store.organisations_named(&org.name, None)?.first() {
            same.insert(org.uuid.0.clone(), existing.uuid.clone());
        }
    }
    if same.is_empty() {
        return Ok(());
    }
    bundle
        .organisations
        .retain(|o| !same.contains_key(o.uuid.as_str()));
    let swap = |uuid: &mut Option<crate::bundle::Uuid>| {
        if let Some(u) = uuid
            && let Some(existing) = same.get(u.as_str())
        {
            *u = existing.as_str().into();
        }
    };
    for person in &mut bundle.people {
        swap(&mut person.organisation);
    }
    for project in &mut bundle.projects {
        swap(&mut project.buyer);
    }
    for item in &mut bundle.information_items {
        for org in &mut item.recipients {
            if let Some(existing) = same.get(org.as_str()) {
                *org = existing.as_str().into();
            }
        }
    }
    for interest in &mut bundle.interests {
        swap(&mut interest.organisation);
    }
    Ok(())
}

/// Writes the demo's dialogue rounds (`demo::rounds`) that the store does not have yet,
/// matched by UUID; a round whose project or meetings a user removed is left out.
/// Returns how many rounds were added.
pub fn add_rounds(store: &mut Store) -> Result<usize> {
    use crate::domain::RoundInput;
    let mut added = 0;
    for round in demo::rounds::rounds() {
        if store.round_by_uuid(round.uuid)?.is_some() {
            continue;
        }
        let project = match store.project_by_code(round.project_code) {
            Ok(p) => p,
            Err(StoreError::NotFound) => continue,
            Err(e) => return Err(e),
        };
        let id = store.create_round_with_uuid(
            project.id,
            &RoundInput {
                kind: round.kind,
                title: round.title.into(),
                purpose: round.purpose.into(),
            },
            round.uuid,
        )?;
        let mut questions = Vec::new();
        for (uuid, text) in round.questions {
            questions.push(store.add_round_question_with_uuid(id, text, uuid)?);
        }
        for supplier in &round.suppliers {
            let Some(org) = store.live_id_by_uuid("organisations", supplier.organisation_uuid)?
            else {
                continue;
            };
            store.add_round_supplier(id, org)?;
            let meeting = match supplier.meeting_uuid {
                Some(uuid) => store.live_id_by_uuid("meetings", uuid)?,
                None => None,
            };
            store.set_round_meeting(id, org, meeting)?;
            for (question, answer) in questions.iter().zip(&supplier.answers) {
                if let Some((body, label)) = answer {
                    if body.is_empty() {
                        store.mark_asked(*question, org, meeting)?;
                    } else {
                        store.record_answer(*question, org, meeting, body, *label)?;
                    }
                }
            }
        }
        added += 1;
    }
    Ok(added)
}

/// Loads the large demo of `size` around `today`; `progress` is told how many of the
/// bundle's rows are in so far and how many there are.
pub fn load_large(
    store: &mut Store,
    today: NaiveDate,
    size: Size,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<DemoSummary> {
    let built = demo::large::generate(size, today);
    let bundle = demo::shift(&built, today, &clock_on(store, today));
    let total: u64 = bundle.counts().values().map(|&n| n as u64).sum();
    progress(0, total);
    let mut done = 0;
    import(store, &bundle, &mut |_, rows| {
        done += rows as u64;
        progress(done, total);
    })
}

/// The store's clock, on `today` if the caller asks for another day than the clock's.
fn clock_on(store: &Store, today: NaiveDate) -> crate::domain::Clock {
    use crate::domain::Clock;
    let clock = store.clock();
    if clock.today() == today {
        return clock;
    }
    let local = today.and_time(clock.local(clock.now()).time());
    let now = clock.to_utc(local).unwrap_or_else(|_| local.and_utc());
    match clock {
        Clock::System | Clock::FixedLocal(_) => Clock::FixedLocal(now),
        Clock::Fixed(_) => Clock::Fixed(now),
        Clock::FixedIn(_, tz) | Clock::SystemIn(tz) => Clock::FixedIn(now, tz),
    }
}

/// Imports insert-only. The store may already hold one of the demo's facts under
/// another row — a participant a user removed from a demo meeting and added again —
/// and then the demo's row is left out rather than the whole load refused.
fn import(
    store: &mut Store,
    bundle: &Bundle,
    progress: &mut dyn FnMut(Section, usize),
) -> Result<DemoSummary> {
    let mut bundle = std::borrow::Cow::Borrowed(bundle);
    loop {
        match store.import_bundle_with(&bundle, false, ImportMode::InsertOnly, progress) {
            Ok(report) => return Ok(DemoSummary::from_report(&report)),
            Err(ImportError::Store(e)) => return Err(e),
            Err(ImportError::Invalid(issues)) => {
                let taken: Vec<usize> = issues
                    .iter()
                    .filter(|i| i.problem == Problem::AttendanceTaken)
                    .filter_map(|i| row_index(&i.path, Section::Attendance))
                    .collect();
                if taken.is_empty() || taken.len() < issues.len() {
                    return Err(refusal(&issues));
                }
                let mut fewer = bundle.into_owned();
                let mut i = 0;
                fewer.attendance.retain(|_| {
                    i += 1;
                    !taken.contains(&(i - 1))
                });
                bundle = std::borrow::Cow::Owned(fewer);
            }
        }
    }
}

/// The row number in a path such as `attendance[12].person`.
fn row_index(path: &str, section: Section) -> Option<usize> {
    let rest = path.strip_prefix(section.as_str())?.strip_prefix('[')?;
    rest[..rest.find(']')?].parse().ok()
}

/// Why the demo cannot go into this store: a project code of the demo is taken by a
/// project of the user (the one case a store can run into), or another problem.
fn refusal(issues: &[crate::bundle::Issue]) -> StoreError {
    if issues.iter().any(|i| i.problem == Problem::CodeTaken) {
        return StoreError::Conflict("code", FieldError::CodeTaken);
    }
    let first = issues.first().map(|i| i.path.as_str()).unwrap_or_default();
    StoreError::Io(std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        crate::text::err_demo_does_not_fit(first),
    ))
}
