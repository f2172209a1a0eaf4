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
    /// Dialogue rounds.
    pub rounds: usize,
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
            rounds: added(Section::DialogueRounds),
        }
    }
}

/// Loads the demo portfolio with its dates moved to `today` (times in the store's
/// zone); loading it again adds nothing.
pub fn load(store: &mut Store, today: NaiveDate) -> Result<DemoSummary> {
    let asset = demo::portfolio();
    let mut bundle = demo::shift(&asset.bundle, asset.anchor, &clock_on(store, today));
    store.atomically(|store| {
        reuse_organisations(store, &mut bundle)?;
        import(store, &bundle, &mut |_, _| {})
    })
}

/// Points the demo at the store's own organisation wherever the store has one of the
/// same name (case, diacritics and spacing aside) under another UUID: a user who made
/// "Lulea kommun" before loading the demo keeps one Luleå kommun, not two. (Should the
/// demo make two suppliers of one round the same organisation, the second's rows are
/// left out on import as facts the store has, see `import`.)
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
    let swap_required = |uuid: &mut crate::bundle::Uuid| {
        if let Some(existing) = same.get(uuid.as_str()) {
            *uuid = existing.as_str().into();
        }
    };
    for supplier in &mut bundle.round_suppliers {
        swap_required(&mut supplier.organisation);
    }
    for answer in &mut bundle.round_answers {
        swap_required(&mut answer.organisation);
    }
    Ok(())
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
/// another row — a participant a user removed from a demo meeting and added again, a
/// demo round's supplier or answer written by an older tidig (which added the rounds
/// after the bundle) — and then the demo's row is left out rather than the whole load
/// refused.
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
                let taken: Vec<(Section, usize)> = issues
                    .iter()
                    .filter_map(|i| {
                        let section = taken_section(&i.problem)?;
                        Some((section, row_index(&i.path, section)?))
                    })
                    .collect();
                if taken.is_empty() || taken.len() < issues.len() {
                    return Err(refusal(&issues));
                }
                let mut fewer = bundle.into_owned();
                leave_out(&mut fewer.attendance, Section::Attendance, &taken);
                leave_out(&mut fewer.round_suppliers, Section::RoundSuppliers, &taken);
                leave_out(&mut fewer.round_answers, Section::RoundAnswers, &taken);
                bundle = std::borrow::Cow::Owned(fewer);
            }
        }
    }
}

/// The section of a row whose fact the store holds as another row (or that hangs on
/// such a row: an answer from a supplier left out), which the demo can do without.
fn taken_section(problem: &Problem) -> Option<Section> {
    match problem {
        Problem::AttendanceTaken => Some(Section::Attendance),
        Problem::RoundSupplierTaken | Problem::SupplierNumberTaken => Some(Section::RoundSuppliers),
        Problem::AnswerTaken | Problem::NotInRound => Some(Section::RoundAnswers),
        _ => None,
    }
}

/// `rows` without the ones of `section` listed in `taken`.
fn leave_out<T>(rows: &mut Vec<T>, section: Section, taken: &[(Section, usize)]) {
    let mut i = 0;
    rows.retain(|_| {
        i += 1;
        !taken.contains(&(section, i - 1))
    });
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
