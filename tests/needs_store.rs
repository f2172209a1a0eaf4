//! Store tests for the needs register (codes that are never reused, status history,
//! merging, evidence, filters, sorts and counts), improvement suggestions and lessons
//! learned, their trash, and the demo portfolio's needs, suggestions and lessons; on
//! in-memory and temporary-file stores with a fixed clock.

mod common;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Stockholm;
use tidig::domain::EntityKind;
use tidig::domain::*;
use tidig::ops::demo::{self, DemoSummary};
use tidig::store::{NeedFilter, NeedSort, Store, StoreError};

use common::store::{clock_at, count, meeting_input, memory_store, on_both_stores, project};
use common::{clock, date, utc};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn person(store: &mut Store, name: &str) -> i64 {
    let input = PersonInput::validate(name, "", "", "", "").unwrap();
    store.create_person(&input).unwrap()
}

/// A needs workshop held on 2026-11-20 from 9 to 11 UTC.
fn meeting(store: &mut Store, project_id: i64, title: &str) -> i64 {
    let input = MeetingInput {
        kind: MeetingType::NeedsWorkshop,
        status: MeetingStatus::Held,
        ..meeting_input(title, utc(2026, 11, 20, 9, 0), utc(2026, 11, 20, 11, 0))
    };
    store.create_meeting(project_id, &input).unwrap()
}

fn statement(text: &str) -> NeedInput {
    NeedInput::validate(text, "", "", "", "", None, "").unwrap()
}

fn full(text: &str, category: &str, priority: Option<Priority>, owner: &str) -> NeedInput {
    NeedInput::validate(text, "", "", "", category, priority, owner).unwrap()
}

fn add(store: &mut Store, project_id: i64, text: &str) -> i64 {
    store.create_need(project_id, &statement(text)).unwrap()
}

fn code(store: &Store, id: i64) -> String {
    store.need(id).unwrap().code
}

fn codes(needs: &[Need]) -> Vec<&str> {
    needs.iter().map(|n| n.code.as_str()).collect()
}

fn listed(store: &Store, project_id: i64, filter: &NeedFilter) -> Vec<String> {
    store
        .needs(project_id, filter)
        .unwrap()
        .into_iter()
        .map(|n| n.code)
        .collect()
}

fn text_filter(text: &str) -> NeedFilter {
    NeedFilter {
        text: text.into(),
        ..Default::default()
    }
}

fn purge(store: &mut Store, kind: EntityKind, id: i64) {
    store.trash(kind, id).unwrap();
    store.purge(kind, id).unwrap();
}

fn history(store: &Store, id: i64) -> Vec<(Option<NeedStatus>, NeedStatus, String, String)> {
    store
        .need_history(id)
        .unwrap()
        .into_iter()
        .map(|c| (c.from, c.to, c.reason, c.changed_at))
        .collect()
}

fn suggestion_input(title: &str, phase: Phase, status: SuggestionStatus) -> SuggestionInput {
    SuggestionInput::validate(None, phase, title, "", "", status, "", "").unwrap()
}

fn lesson_input(
    project_id: Option<i64>,
    phase: Option<Phase>,
    kind: LessonKind,
    title: &str,
    shareable: bool,
) -> LessonInput {
    LessonInput::validate(LessonInput {
        project_id,
        phase,
        kind,
        title: title.into(),
        context: String::new(),
        what_happened: String::new(),
        what_we_learned: "Något vi lärde oss.".into(),
        recommendation: String::new(),
        shareable,
    })
    .unwrap()
}

fn lesson_titles(lessons: &[Lesson]) -> Vec<&str> {
    lessons.iter().map(|l| l.title.as_str()).collect()
}

// ---------------------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------------------

#[test]
fn codes_are_allocated_per_project_from_b_001() {
    on_both_stores(|store| {
        let a = project(store, "NORR-24");
        let b = project(store, "SODER-25");
        let a1 = add(store, a, "Brukaren ska kunna sova ostörd.");
        let a2 = add(store, a, "Personalen ska slippa dubbeldokumentation.");
        let b1 = add(store, b, "Resorna ska bli fossilfria.");
        let a3 = add(store, a, "Anhöriga ska få besked efter larm.");
        let b2 = add(store, b, "Restiden får inte bli längre.");

        let a_needs = store.needs(a, &NeedFilter::default()).unwrap();
        assert_eq!(codes(&a_needs), ["B-001", "B-002", "B-003"]);
        assert_eq!(
            a_needs.iter().map(|n| n.id).collect::<Vec<_>>(),
            [a1, a2, a3]
        );
        assert!(a_needs.iter().all(|n| n.project_code == "NORR-24"));
        assert_eq!(a_needs[1].number, 2);
        let b_needs = store.needs(b, &NeedFilter::default()).unwrap();
        assert_eq!(codes(&b_needs), ["B-001", "B-002"]);
        assert_eq!(b_needs[0].id, b1);
        assert_eq!(b_needs[1].id, b2);
    });
}

#[test]
fn codes_are_never_reused_after_the_last_need_is_purged() {
    on_both_stores(|store| {
        let a = project(store, "NORR-24");
        let b = project(store, "SODER-25");
        let ids: Vec<i64> = (1..=3)
            .map(|i| add(store, a, &format!("Behov {i}")))
            .collect();
        let other = add(store, b, "Ett annat projekts behov");

        // The last need goes, for good: its code is not handed out again.
        purge(store, EntityKind::Need, ids[2]);
        let fourth = add(store, a, "Behov 4");
        assert_eq!(code(store, fourth), "B-004");

        // Trashing (without purging) keeps the number taken too.
        store.trash(EntityKind::Need, fourth).unwrap();
        let fifth = add(store, a, "Behov 5");
        assert_eq!(code(store, fifth), "B-005");

        // Nothing left at all: numbering still goes on.
        for id in [ids[0], ids[1], fifth] {
            purge(store, EntityKind::Need, id);
        }
        store.purge(EntityKind::Need, fourth).unwrap();
        assert!(store.needs(a, &NeedFilter::default()).unwrap().is_empty());
        assert_eq!(
            count(
                store,
                &format!("SELECT count(*) FROM needs WHERE project_id = {a}")
            ),
            0
        );
        let sixth = add(store, a, "Behov 6");
        assert_eq!(code(store, sixth), "B-006");

        // The other project's numbering is its own.
        assert_eq!(code(store, other), "B-001");
        let second = add(store, b, "Ett till");
        assert_eq!(code(store, second), "B-002");
    });
}

#[test]
fn two_creates_in_one_transaction_get_consecutive_numbers() {
    on_both_stores(|store| {
        let a = project(store, "NORR-24");
        add(store, a, "Först");
        let (x, y) = store
            .atomically(|s| {
                let x = s.create_need(a, &statement("Andra"))?;
                let y = s.create_need(a, &statement("Tredje"))?;
                Ok((x, y))
            })
            .unwrap();
        assert_eq!(code(store, x), "B-002");
        assert_eq!(code(store, y), "B-003");
    });
}

#[test]
fn a_need_needs_a_live_project() {
    let mut store = memory_store();
    assert!(matches!(
        store.create_need(99, &statement("Ingen plats")),
        Err(StoreError::NotFound)
    ));
    assert_eq!(count(&store, "SELECT count(*) FROM needs"), 0);
}

// ---------------------------------------------------------------------------------------
// Round trips and status
// ---------------------------------------------------------------------------------------

#[test]
fn need_round_trips_every_field() {
    on_both_stores(|store| {
        let p = project(store, "NORR-24");
        let input = NeedInput::validate(
            "",
            " nattpersonal ",
            "veta att brukaren sover tryggt",
            "jag inte behöver väcka någon",
            " Trygghet ",
            Some(Priority::Must),
            " Åsa Lindqvist ",
        )
        .unwrap();
        let id = store.create_need(p, &input).unwrap();
        let n = store.need(id).unwrap();
        assert_eq!(n.id, id);
        assert_eq!(n.uuid.len(), 36);
        assert_eq!(n.project_id, p);
        assert_eq!(n.project_code, "NORR-24");
        assert_eq!((n.number, n.code.as_str()), (1, "B-001"));
        assert_eq!(n.statement, input.statement);
        assert_eq!(n.as_a, "nattpersonal");
        assert_eq!(n.i_need, "veta att brukaren sover tryggt");
        assert_eq!(n.so_that, "jag inte behöver väcka någon");
        assert_eq!(n.category, "Trygghet");
        assert_eq!(n.priority, Some(Priority::Must));
        assert_eq!(n.status, NeedStatus::Identified);
        assert_eq!(n.status_reason, "");
        assert_eq!(n.merged_into, None);
        assert_eq!(n.owner, "Åsa Lindqvist");
        assert_eq!(n.evidence_count, 0);
        assert_eq!(n.created_at, "2026-11-26T12:00:00Z");
        assert_eq!(n.updated_at, "2026-11-26T12:00:00Z");

        store.set_clock(clock_at(27, 9, 0));
        let changed = full(
            "Brukaren ska kunna sova ostörd hela natten.",
            "Integritet",
            None,
            "",
        );
        store.update_need(id, &changed).unwrap();
        let u = store.need(id).unwrap();
        assert_eq!(u.uuid, n.uuid);
        assert_eq!(u.code, "B-001", "editing keeps the code");
        assert_eq!(u.statement, changed.statement);
        assert_eq!((u.as_a.as_str(), u.i_need.as_str()), ("", ""));
        assert_eq!(u.category, "Integritet");
        assert_eq!(u.priority, None);
        assert_eq!(u.owner, "");
        assert_eq!(u.created_at, "2026-11-26T12:00:00Z");
        assert_eq!(u.updated_at, "2026-11-27T09:00:00Z");

        assert!(matches!(store.need(id + 100), Err(StoreError::NotFound)));
        assert!(matches!(
            store.update_need(id + 100, &changed),
            Err(StoreError::NotFound)
        ));
    });
}

#[test]
fn status_moves_forward_and_back_with_a_history() {
    on_both_stores(|store| {
        let p = project(store, "NORR-24");
        let id = add(store, p, "Brukaren ska kunna sova ostörd.");
        let mut at = 9;
        // All the way along the path, one step at a time, an hour apart.
        while let Some(next) = store.need(id).unwrap().status.forward() {
            at += 1;
            store.set_clock(clock_at(27, at, 0));
            store.set_need_status(id, next, "").unwrap();
        }
        assert_eq!(store.need(id).unwrap().status, NeedStatus::Described);
        // And one back.
        store.set_clock(clock_at(28, 8, 0));
        let back = NeedStatus::Described.back().unwrap();
        store.set_need_status(id, back, "").unwrap();

        use NeedStatus::*;
        let h = history(store, id);
        let expected = [
            (None, Identified, "2026-11-26T12:00:00Z"),
            (Some(Identified), Analysed, "2026-11-27T10:00:00Z"),
            (Some(Analysed), Validated, "2026-11-27T11:00:00Z"),
            (Some(Validated), Prioritised, "2026-11-27T12:00:00Z"),
            (Some(Prioritised), Described, "2026-11-27T13:00:00Z"),
            (Some(Described), Prioritised, "2026-11-28T08:00:00Z"),
        ];
        assert_eq!(h.len(), expected.len(), "{h:?}");
        for (row, (from, to, when)) in h.iter().zip(expected) {
            assert_eq!((row.0, row.1, row.3.as_str()), (from, to, when));
            assert_eq!(row.2, "");
        }
        let n = store.need(id).unwrap();
        assert_eq!(n.status, Prioritised);
        assert_eq!(n.updated_at, "2026-11-28T08:00:00Z");

        // Setting the status it already has changes nothing, not even updated_at.
        store.set_clock(clock_at(29, 8, 0));
        store.set_need_status(id, Prioritised, "").unwrap();
        assert_eq!(store.need_history(id).unwrap().len(), expected.len());
        assert_eq!(store.need(id).unwrap().updated_at, "2026-11-28T08:00:00Z");

        assert!(matches!(
            store.set_need_status(id + 100, Analysed, ""),
            Err(StoreError::NotFound)
        ));
        assert!(store.need_history(id + 100).unwrap().is_empty());
    });
}

#[test]
fn rejecting_and_deferring_keep_their_reason() {
    on_both_stores(|store| {
        let p = project(store, "NORR-24");
        let rejected = add(store, p, "Larm även på promenad.");
        let deferred = add(store, p, "Koppling till verksamhetsstödet.");
        store.set_clock(clock_at(27, 9, 0));
        store
            .set_need_status(rejected, NeedStatus::Rejected, "  Utanför uppdraget.  ")
            .unwrap();
        store
            .set_need_status(deferred, NeedStatus::Deferred, "Tas upp 2027.")
            .unwrap();

        let r = store.need(rejected).unwrap();
        assert_eq!(r.status, NeedStatus::Rejected);
        assert_eq!(r.status_reason, "Utanför uppdraget.");
        let last = store.need_history(rejected).unwrap().pop().unwrap();
        assert_eq!(last.from, Some(NeedStatus::Identified));
        assert_eq!(last.to, NeedStatus::Rejected);
        assert_eq!(last.reason, "Utanför uppdraget.");
        assert_eq!(last.changed_at, "2026-11-27T09:00:00Z");
        let d = store.need(deferred).unwrap();
        assert_eq!(
            (d.status, d.status_reason.as_str()),
            (NeedStatus::Deferred, "Tas upp 2027.")
        );

        // Reopening (one step back) clears the reason from the need, not the history.
        let reopened = NeedStatus::Rejected.back().unwrap();
        store.set_need_status(rejected, reopened, "").unwrap();
        let r = store.need(rejected).unwrap();
        assert_eq!(
            (r.status, r.status_reason.as_str()),
            (NeedStatus::Identified, "")
        );
        let h = store.need_history(rejected).unwrap();
        assert_eq!(h.len(), 3);
        assert_eq!(h[1].reason, "Utanför uppdraget.");
    });
}

// ---------------------------------------------------------------------------------------
// Merging
// ---------------------------------------------------------------------------------------

#[test]
fn merging_moves_the_evidence_and_marks_the_source_merged() {
    on_both_stores(|store| {
        let p = project(store, "NORR-24");
        let m = meeting(store, p, "Behovsworkshop 1");
        let asa = person(store, "Åsa Lindqvist");
        let into = add(
            store,
            p,
            "Nattpersonalen ska veta om brukaren behöver hjälp.",
        );
        let from = add(store, p, "Nattpersonalen vill slippa väcka brukarna.");
        let kept = store
            .add_evidence(into, None, None, "Enkät till nattpersonal", "")
            .unwrap();
        let e1 = store
            .add_evidence(from, Some(m), None, "", "Sades i workshoppen")
            .unwrap();
        let e2 = store.add_evidence(from, None, Some(asa), "", "").unwrap();

        store.set_clock(clock_at(27, 9, 0));
        store.merge_needs(from, into).unwrap();

        let target = store.need(into).unwrap();
        assert_eq!(target.evidence_count, 3);
        assert_eq!(target.status, NeedStatus::Identified);
        assert_eq!(target.updated_at, "2026-11-27T09:00:00Z");
        let ids: Vec<i64> = store
            .evidence(into)
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(ids, [kept, e1, e2], "evidence keeps its rows and order");
        assert!(store.evidence(from).unwrap().is_empty());

        let source = store.need(from).unwrap();
        assert_eq!(source.status, NeedStatus::Merged);
        assert_eq!(source.merged_into, Some(into));
        // Where it went is data (the id above); no sentence is stored.
        assert_eq!(source.status_reason, "");
        assert_eq!(source.evidence_count, 0);
        let last = store.need_history(from).unwrap().pop().unwrap();
        assert_eq!(
            (last.from, last.to),
            (Some(NeedStatus::Identified), NeedStatus::Merged)
        );
        assert_eq!(last.changed_at, "2026-11-27T09:00:00Z");
        assert_eq!(last.reason, "");

        // The merged need is still listed, with its status; it has no way forward or back.
        let all = store.needs(p, &NeedFilter::default()).unwrap();
        assert_eq!(codes(&all), ["B-001", "B-002"]);
        assert_eq!(all[1].status, NeedStatus::Merged);
        let merged = NeedFilter {
            status: Some(NeedStatus::Merged),
            ..Default::default()
        };
        assert_eq!(listed(store, p, &merged), ["B-002"]);
        assert_eq!(NeedStatus::Merged.forward(), None);
        assert_eq!(NeedStatus::Merged.back(), None);
    });
}

#[test]
fn a_need_cannot_be_merged_into_itself_or_across_projects() {
    on_both_stores(|store| {
        let a = project(store, "NORR-24");
        let b = project(store, "SODER-25");
        let x = add(store, a, "Ett behov");
        let y = add(store, b, "Ett annat projekts behov");
        store.add_evidence(x, None, None, "Enkät", "").unwrap();

        assert!(matches!(
            store.merge_needs(x, x),
            Err(StoreError::Conflict("need", _))
        ));
        assert!(matches!(
            store.merge_needs(x, y),
            Err(StoreError::Conflict("need", _))
        ));
        assert!(matches!(
            store.merge_needs(x, y + 100),
            Err(StoreError::NotFound)
        ));
        // Nothing changed.
        for id in [x, y] {
            let n = store.need(id).unwrap();
            assert_eq!(n.status, NeedStatus::Identified);
            assert_eq!(n.merged_into, None);
            assert_eq!(store.need_history(id).unwrap().len(), 1);
        }
        assert_eq!(store.need(x).unwrap().evidence_count, 1);
    });
}

// ---------------------------------------------------------------------------------------
// Filters, sorts, counts and categories
// ---------------------------------------------------------------------------------------

/// B-001 … B-006 of one project with statuses, priorities, categories and owners to
/// filter and sort on; B-007 is in the trash.
fn register(store: &mut Store) -> i64 {
    use NeedStatus::*;
    use Priority::*;
    let p = project(store, "NORR-24");
    let rows: [(&str, &str, Option<Priority>, &str, NeedStatus); 7] = [
        (
            "Nattpersonalen ska slippa ÖVERVAKNING som känns påträngande.",
            "Trygghet",
            Some(Should),
            "Jörgen Nilsson",
            Validated,
        ),
        (
            "Brukaren ska kunna sova ostörd.",
            "Arbetsmiljö",
            Some(Must),
            "Åsa Lindqvist",
            Identified,
        ),
        ("Larm ska fungera vid strömavbrott.", "", None, "", Analysed),
        (
            "Ingen bild får lämna hemmet.",
            "Integritet",
            Some(Must),
            "",
            Described,
        ),
        (
            "Anhöriga ska få besked.",
            "Åtgärder",
            Some(Wont),
            "",
            Rejected,
        ),
        (
            "Support dygnet runt.",
            "Drift och support",
            Some(Could),
            "Åsa Lindqvist",
            Identified,
        ),
        (
            "Det här behovet är i papperskorgen.",
            "Trygghet",
            Some(Must),
            "",
            Identified,
        ),
    ];
    for (statement, category, priority, owner, status) in rows {
        let id = store
            .create_need(p, &full(statement, category, priority, owner))
            .unwrap();
        let reason = if status.needs_reason() { "Nej." } else { "" };
        store.set_need_status(id, status, reason).unwrap();
    }
    let trashed = store.need_by_code(p, "B-007").unwrap().unwrap();
    store.trash(EntityKind::Need, trashed.id).unwrap();
    p
}

#[test]
fn needs_filter_by_status_priority_category_and_text() {
    on_both_stores(|store| {
        let p = register(store);
        let all = listed(store, p, &NeedFilter::default());
        assert_eq!(all, ["B-001", "B-002", "B-003", "B-004", "B-005", "B-006"]);

        let by = |status, priority, category: Option<&str>| NeedFilter {
            status,
            priority,
            category: category.map(str::to_string),
            ..Default::default()
        };
        assert_eq!(
            listed(store, p, &by(Some(NeedStatus::Identified), None, None)),
            ["B-002", "B-006"]
        );
        assert!(listed(store, p, &by(Some(NeedStatus::Merged), None, None)).is_empty());
        assert_eq!(
            listed(store, p, &by(None, Some(Priority::Must), None)),
            ["B-002", "B-004"]
        );
        assert_eq!(
            listed(store, p, &by(None, None, Some("Trygghet"))),
            ["B-001"]
        );
        assert_eq!(
            listed(
                store,
                p,
                &by(Some(NeedStatus::Identified), Some(Priority::Must), None)
            ),
            ["B-002"]
        );

        // Text matches statement, category, owner and code, ignoring case, å ä ö too.
        assert_eq!(listed(store, p, &text_filter("övervakning")), ["B-001"]);
        assert_eq!(listed(store, p, &text_filter("ÅSA")), ["B-002", "B-006"]);
        assert_eq!(listed(store, p, &text_filter("ÅTGÄRDER")), ["B-005"]);
        assert_eq!(listed(store, p, &text_filter("arbetsmiljö")), ["B-002"]);
        assert_eq!(listed(store, p, &text_filter("b-002")), ["B-002"]);
        assert_eq!(listed(store, p, &text_filter("  B-003 ")), ["B-003"]);
        assert!(listed(store, p, &text_filter("papperskorgen")).is_empty());
        assert!(listed(store, p, &text_filter("kamera")).is_empty());
        let combined = NeedFilter {
            priority: Some(Priority::Could),
            text: "åsa".into(),
            ..Default::default()
        };
        assert_eq!(listed(store, p, &combined), ["B-006"]);
    });
}

#[test]
fn needs_sort_by_code_status_priority_and_category() {
    on_both_stores(|store| {
        let p = register(store);
        let sorted = |sort| {
            listed(
                store,
                p,
                &NeedFilter {
                    sort,
                    ..Default::default()
                },
            )
        };
        assert_eq!(
            sorted(NeedSort::Code),
            ["B-001", "B-002", "B-003", "B-004", "B-005", "B-006"]
        );
        // Along the path, then rejected; ties by code.
        assert_eq!(
            sorted(NeedSort::Status),
            ["B-002", "B-006", "B-003", "B-001", "B-004", "B-005"]
        );
        // Must, should, could, won't, then no priority.
        assert_eq!(
            sorted(NeedSort::Priority),
            ["B-002", "B-004", "B-001", "B-006", "B-005", "B-003"]
        );
        // Swedish order (Å after the other letters), no category last.
        assert_eq!(
            sorted(NeedSort::Category),
            ["B-002", "B-006", "B-004", "B-001", "B-005", "B-003"]
        );

        let mut s = NeedSort::default();
        assert_eq!(s, NeedSort::Code);
        for _ in 0..NeedSort::ALL.len() {
            assert!(!s.label().is_empty());
            s = s.next();
        }
        assert_eq!(s, NeedSort::Code, "next cycles through every sort");
    });
}

#[test]
fn need_counts_per_status_and_priority() {
    on_both_stores(|store| {
        let p = register(store);
        let other = project(store, "SODER-25");
        add(store, other, "Räknas inte här");
        // A merge: B-006 (could) into B-002; a merged need has no priority to count.
        let b2 = store.need_by_code(p, "B-002").unwrap().unwrap().id;
        let b6 = store.need_by_code(p, "B-006").unwrap().unwrap().id;
        store.merge_needs(b6, b2).unwrap();

        let counts = store.need_counts(p).unwrap();
        use NeedStatus::*;
        assert_eq!(
            counts.by_status,
            [
                (Identified, 1),
                (Analysed, 1),
                (Validated, 1),
                (Prioritised, 0),
                (Described, 1),
                (Rejected, 1),
                (Deferred, 0),
                (Merged, 1),
            ]
        );
        assert_eq!(counts.total, 6, "the trashed need is not counted");
        use Priority::*;
        assert_eq!(
            counts.by_priority,
            [
                (Some(Must), 2),
                (Some(Should), 1),
                (Some(Could), 0),
                (Some(Wont), 1),
                (None, 1),
            ]
        );

        let empty = project(store, "TOM-1");
        let none = store.need_counts(empty).unwrap();
        assert_eq!(none.total, 0);
        assert_eq!(none.by_status.len(), NeedStatus::ALL.len());
        assert!(none.by_status.iter().all(|(_, n)| *n == 0));
        assert_eq!(none.by_priority.len(), Priority::ALL.len() + 1);
    });
}

#[test]
fn need_categories_are_distinct_in_swedish_order() {
    on_both_stores(|store| {
        let p = register(store);
        store
            .create_need(p, &full("Ännu ett", "Trygghet", None, ""))
            .unwrap();
        assert_eq!(
            store.need_categories(p).unwrap(),
            [
                "Arbetsmiljö",
                "Drift och support",
                "Integritet",
                "Trygghet",
                "Åtgärder"
            ]
        );
        let other = project(store, "SODER-25");
        assert!(store.need_categories(other).unwrap().is_empty());
    });
}

#[test]
fn need_by_code_accepts_the_usual_spellings() {
    on_both_stores(|store| {
        let p = project(store, "NORR-24");
        let ids: Vec<i64> = (1..=7)
            .map(|i| add(store, p, &format!("Behov {i}")))
            .collect();
        for spelling in ["B-007", "b-7", "7", " B-007 ", "b-007", "B7"] {
            let found = store.need_by_code(p, spelling).unwrap();
            assert_eq!(found.map(|n| n.id), Some(ids[6]), "{spelling}");
        }
        for missing in ["B-008", "0", "", "x", "B-", "sju"] {
            assert!(
                store.need_by_code(p, missing).unwrap().is_none(),
                "{missing}"
            );
        }
        let other = project(store, "SODER-25");
        assert!(store.need_by_code(other, "B-001").unwrap().is_none());
        store.trash(EntityKind::Need, ids[6]).unwrap();
        assert!(store.need_by_code(p, "B-007").unwrap().is_none());
    });
}

// ---------------------------------------------------------------------------------------
// Evidence
// ---------------------------------------------------------------------------------------

#[test]
fn evidence_links_meetings_people_and_documents() {
    on_both_stores(|store| {
        let p = project(store, "NORR-24");
        let m = meeting(store, p, "Behovsworkshop: nattpersonalen");
        let birgitta = person(store, "Birgitta Holm");
        let id = add(store, p, "Brukaren ska kunna sova ostörd.");

        store.set_clock(clock_at(27, 9, 0));
        let e1 = store
            .add_evidence(id, Some(m), Some(birgitta), "", " Sades i workshoppen ")
            .unwrap();
        let e2 = store
            .add_evidence(id, None, None, " Enkät till nattpersonal, okt 2026 ", "")
            .unwrap();
        let n = store.need(id).unwrap();
        assert_eq!(n.evidence_count, 2);
        assert_eq!(n.updated_at, "2026-11-27T09:00:00Z");

        let ev = store.evidence(id).unwrap();
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[0].id, e1);
        assert_eq!(ev[0].need_id, id);
        assert_eq!(ev[0].meeting_id, Some(m));
        assert_eq!(
            ev[0].meeting_title.as_deref(),
            Some("Behovsworkshop: nattpersonalen")
        );
        assert_eq!(ev[0].meeting_date.as_deref(), Some("2026-11-20"));
        assert_eq!(ev[0].person_id, Some(birgitta));
        assert_eq!(ev[0].person_name.as_deref(), Some("Birgitta Holm"));
        assert_eq!(ev[0].document, "");
        assert_eq!(ev[0].note, "Sades i workshoppen");
        assert_eq!(ev[1].id, e2);
        assert_eq!(
            (ev[1].meeting_id, ev[1].person_id),
            (None, None),
            "a document alone is enough"
        );
        assert_eq!(ev[1].document, "Enkät till nattpersonal, okt 2026");

        store.remove_evidence(e1).unwrap();
        assert_eq!(
            store
                .evidence(id)
                .unwrap()
                .iter()
                .map(|e| e.id)
                .collect::<Vec<_>>(),
            [e2]
        );
        assert_eq!(store.need(id).unwrap().evidence_count, 1);
        assert!(matches!(
            store.remove_evidence(e1),
            Err(StoreError::NotFound)
        ));
    });
}

#[test]
fn evidence_must_point_somewhere() {
    on_both_stores(|store| {
        let p = project(store, "NORR-24");
        let id = add(store, p, "Brukaren ska kunna sova ostörd.");
        // A note alone, or a blank document, is no evidence: the CHECK refuses it.
        assert!(matches!(
            store.add_evidence(id, None, None, "   ", "Bara en anteckning"),
            Err(StoreError::Sqlite(_))
        ));
        assert!(matches!(
            store.add_evidence(id, None, None, "", ""),
            Err(StoreError::Sqlite(_))
        ));
        let raw = store.connection().execute(
            "INSERT INTO need_evidence (uuid, need_id, document, created_at, updated_at)
             VALUES ('x', ?1, ' ', '2026-11-26T12:00:00Z', '2026-11-26T12:00:00Z')",
            [id],
        );
        assert!(raw.is_err(), "the schema itself refuses an empty row");
        assert_eq!(count(store, "SELECT count(*) FROM need_evidence"), 0);
        assert_eq!(store.need(id).unwrap().evidence_count, 0);
    });
}

// ---------------------------------------------------------------------------------------
// Trash
// ---------------------------------------------------------------------------------------

#[test]
fn needs_suggestions_and_lessons_go_to_the_trash_and_back() {
    on_both_stores(|store| {
        let p = project(store, "NORR-24");
        let need = add(store, p, "Brukaren ska kunna sova ostörd.");
        store.add_evidence(need, None, None, "Enkät", "").unwrap();
        store
            .set_need_status(need, NeedStatus::Analysed, "")
            .unwrap();
        let suggestion = store
            .create_suggestion(
                p,
                &suggestion_input(
                    "Färre skallkrav",
                    Phase::Requirements,
                    SuggestionStatus::Proposed,
                ),
            )
            .unwrap();
        let lesson = store
            .create_lesson(&lesson_input(
                Some(p),
                Some(Phase::EarlyDialogue),
                LessonKind::GoodExample,
                "Samma frågor till alla",
                true,
            ))
            .unwrap();

        store.set_clock(clock_at(27, 9, 0));
        store.trash(EntityKind::Need, need).unwrap();
        store.trash(EntityKind::Suggestion, suggestion).unwrap();
        store.trash(EntityKind::Lesson, lesson).unwrap();
        assert!(store.needs(p, &NeedFilter::default()).unwrap().is_empty());
        assert!(store.all_needs(None).unwrap().is_empty());
        assert!(store.suggestions(None, None, None).unwrap().is_empty());
        assert!(store.lessons(None, None, None, false).unwrap().is_empty());
        assert_eq!(store.need_counts(p).unwrap().total, 0);

        let trash = store.list_trash().unwrap();
        let label = |kind| {
            trash
                .iter()
                .find(|t| t.kind == kind)
                .map(|t| t.label.clone())
                .unwrap()
        };
        assert_eq!(
            label(EntityKind::Need),
            "NORR-24 B-001 Brukaren ska kunna sova ostörd."
        );
        assert_eq!(label(EntityKind::Suggestion), "Färre skallkrav (NORR-24)");
        assert_eq!(label(EntityKind::Lesson), "Samma frågor till alla");
        assert!(trash.iter().all(|t| t.deleted_at == "2026-11-27T09:00:00Z"));

        // Twice in the trash is not a thing; nor is restoring a live row.
        assert!(matches!(
            store.trash(EntityKind::Need, need),
            Err(StoreError::NotFound)
        ));
        store.restore(EntityKind::Need, need).unwrap();
        store.restore(EntityKind::Suggestion, suggestion).unwrap();
        store.restore(EntityKind::Lesson, lesson).unwrap();
        assert!(matches!(
            store.restore(EntityKind::Lesson, lesson),
            Err(StoreError::NotFound)
        ));
        let back = store.need(need).unwrap();
        assert_eq!(
            (back.code.as_str(), back.status, back.evidence_count),
            ("B-001", NeedStatus::Analysed, 1)
        );
        assert_eq!(store.need_history(need).unwrap().len(), 2);
        assert_eq!(store.suggestions(Some(p), None, None).unwrap().len(), 1);
        assert_eq!(store.lessons(None, None, None, false).unwrap().len(), 1);

        // Live rows cannot be purged; trashed ones go for good, with what hangs on them.
        for kind in [EntityKind::Need, EntityKind::Suggestion, EntityKind::Lesson] {
            let id = match kind {
                EntityKind::Need => need,
                EntityKind::Suggestion => suggestion,
                _ => lesson,
            };
            assert!(matches!(store.purge(kind, id), Err(StoreError::NotFound)));
            purge(store, kind, id);
        }
        assert!(matches!(store.need(need), Err(StoreError::NotFound)));
        assert!(matches!(
            store.suggestion(suggestion),
            Err(StoreError::NotFound)
        ));
        assert!(matches!(store.lesson(lesson), Err(StoreError::NotFound)));
        assert_eq!(count(store, "SELECT count(*) FROM need_evidence"), 0);
        assert_eq!(count(store, "SELECT count(*) FROM need_status_changes"), 0);
        assert!(store.list_trash().unwrap().is_empty());
    });
}

#[test]
fn purging_a_merge_target_leaves_the_merged_need_sound() {
    on_both_stores(|store| {
        let p = project(store, "NORR-24");
        let into = add(store, p, "Målet");
        let from = add(store, p, "Dubbletten");
        store.merge_needs(from, into).unwrap();
        purge(store, EntityKind::Need, into);
        let n = store.need(from).unwrap();
        assert_eq!(n.status, NeedStatus::Merged);
        assert_eq!(n.merged_into, None);
    });
}

// ---------------------------------------------------------------------------------------
// Suggestions
// ---------------------------------------------------------------------------------------

#[test]
fn suggestion_round_trips_every_field() {
    on_both_stores(|store| {
        let p = project(store, "NORR-24");
        let m = meeting(store, p, "Projektmöte");
        let input = SuggestionInput::validate(
            Some(m),
            Phase::EarlyDialogue,
            "  Publicera en sammanfattning av varje dialogmöte ",
            "Frågor och svar läggs ut.\n",
            "Likabehandling.",
            SuggestionStatus::Accepted,
            "Införs direkt.",
            "2026-11-20",
        )
        .unwrap();
        let id = store.create_suggestion(p, &input).unwrap();
        let s = store.suggestion(id).unwrap();
        assert_eq!(s.id, id);
        assert_eq!(s.uuid.len(), 36);
        assert_eq!((s.project_id, s.project_code.as_str()), (p, "NORR-24"));
        assert_eq!(s.meeting_id, Some(m));
        assert_eq!(s.meeting_title.as_deref(), Some("Projektmöte"));
        assert_eq!(s.phase, Phase::EarlyDialogue);
        assert_eq!(s.title, "Publicera en sammanfattning av varje dialogmöte");
        assert_eq!(s.description, "Frågor och svar läggs ut.");
        assert_eq!(s.rationale, "Likabehandling.");
        assert_eq!(s.status, SuggestionStatus::Accepted);
        assert_eq!(s.buyer_response, "Införs direkt.");
        assert_eq!(s.decision_date, Some(date(2026, 11, 20)));
        assert_eq!(s.created_at, "2026-11-26T12:00:00Z");

        store.set_clock(clock_at(27, 9, 0));
        let changed = SuggestionInput {
            meeting_id: None,
            status: SuggestionStatus::Implemented,
            ..input.clone()
        };
        store.update_suggestion(id, &changed).unwrap();
        let u = store.suggestion(id).unwrap();
        assert_eq!((u.meeting_id, u.meeting_title), (None, None));
        assert_eq!(u.status, SuggestionStatus::Implemented);
        assert_eq!(u.updated_at, "2026-11-27T09:00:00Z");
        assert!(matches!(
            store.update_suggestion(id + 100, &changed),
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            store.suggestion(id + 100),
            Err(StoreError::NotFound)
        ));
    });
}

#[test]
fn suggestions_filter_and_put_the_longest_waiting_first() {
    on_both_stores(|store| {
        use SuggestionStatus::*;
        let a = project(store, "NORR-24");
        let b = project(store, "SODER-25");
        let make = |store: &mut Store, p, day, title: &str, phase, status| {
            store.set_clock(clock_at(day, 10, 0));
            store
                .create_suggestion(p, &suggestion_input(title, phase, status))
                .unwrap()
        };
        make(store, a, 20, "Beslutat tidigt", Phase::Strategy, Accepted);
        make(store, a, 22, "Nytt förslag", Phase::Requirements, Proposed);
        make(
            store,
            b,
            10,
            "Äldst och öppen",
            Phase::Requirements,
            Discussed,
        );
        make(store, a, 5, "Återtaget", Phase::Tendering, Withdrawn);
        make(store, a, 21, "Diskuterat", Phase::Strategy, Discussed);
        store.set_clock(clock());

        let titles =
            |list: Vec<Suggestion>| -> Vec<String> { list.into_iter().map(|s| s.title).collect() };
        // Open ones first, oldest first; then the decided ones, oldest first.
        assert_eq!(
            titles(store.suggestions(None, None, None).unwrap()),
            [
                "Äldst och öppen",
                "Diskuterat",
                "Nytt förslag",
                "Återtaget",
                "Beslutat tidigt"
            ]
        );
        assert_eq!(
            titles(store.suggestions(Some(a), None, None).unwrap()),
            ["Diskuterat", "Nytt förslag", "Återtaget", "Beslutat tidigt"]
        );
        assert_eq!(
            titles(store.suggestions(None, Some(Discussed), None).unwrap()),
            ["Äldst och öppen", "Diskuterat"]
        );
        assert_eq!(
            titles(
                store
                    .suggestions(None, None, Some(Phase::Requirements))
                    .unwrap()
            ),
            ["Äldst och öppen", "Nytt förslag"]
        );
        assert_eq!(
            titles(
                store
                    .suggestions(Some(a), Some(Discussed), Some(Phase::Strategy))
                    .unwrap()
            ),
            ["Diskuterat"]
        );
        assert!(
            store
                .suggestions(Some(b), Some(Rejected), None)
                .unwrap()
                .is_empty()
        );

        // A trashed project's suggestions are hidden.
        store.trash(EntityKind::Project, b).unwrap();
        assert_eq!(store.suggestions(None, None, None).unwrap().len(), 4);
    });
}

#[test]
fn deciding_a_suggestion_stamps_the_decision_date_once() {
    on_both_stores(|store| {
        use SuggestionStatus::*;
        let p = project(store, "NORR-24");
        let new = |store: &mut Store, title: &str| {
            store
                .create_suggestion(p, &suggestion_input(title, Phase::Strategy, Proposed))
                .unwrap()
        };
        let accepted = new(store, "Godtas");
        let rejected = new(store, "Avslås");
        let implemented = new(store, "Genomförs");
        let dated = store
            .create_suggestion(
                p,
                &SuggestionInput::validate(
                    None,
                    Phase::Strategy,
                    "Redan daterat",
                    "",
                    "",
                    Discussed,
                    "",
                    "2026-11-02",
                )
                .unwrap(),
            )
            .unwrap();

        store.set_clock(clock_at(27, 9, 0));
        store.set_suggestion_status(accepted, Discussed).unwrap();
        assert_eq!(store.suggestion(accepted).unwrap().decision_date, None);
        store.set_suggestion_status(accepted, Accepted).unwrap();
        store.set_suggestion_status(rejected, Rejected).unwrap();
        store
            .set_suggestion_status(implemented, Implemented)
            .unwrap();
        store.set_suggestion_status(dated, Accepted).unwrap();

        let s = store.suggestion(accepted).unwrap();
        assert_eq!(s.status, Accepted);
        assert_eq!(s.decision_date, Some(date(2026, 11, 27)));
        assert_eq!(s.updated_at, "2026-11-27T09:00:00Z");
        assert_eq!(
            store.suggestion(rejected).unwrap().decision_date,
            Some(date(2026, 11, 27))
        );
        assert_eq!(
            store.suggestion(implemented).unwrap().decision_date,
            None,
            "only accepting or rejecting is a decision"
        );
        assert_eq!(
            store.suggestion(dated).unwrap().decision_date,
            Some(date(2026, 11, 2)),
            "a decision date already set is kept"
        );

        // Deciding again later keeps the first date.
        store.set_clock(clock_at(29, 9, 0));
        store.set_suggestion_status(accepted, Rejected).unwrap();
        assert_eq!(
            store.suggestion(accepted).unwrap().decision_date,
            Some(date(2026, 11, 27))
        );
        assert!(matches!(
            store.set_suggestion_status(accepted + 100, Accepted),
            Err(StoreError::NotFound)
        ));
    });
}

#[test]
fn open_suggestions_count_the_days_they_have_waited() {
    let mut store = memory_store();
    let p = project(&mut store, "NORR-24");
    store.set_clock(Clock::Fixed(utc(2026, 11, 1, 10, 0)));
    let open = store
        .create_suggestion(
            p,
            &suggestion_input("Väntar", Phase::Requirements, SuggestionStatus::Proposed),
        )
        .unwrap();
    let discussed = store
        .create_suggestion(
            p,
            &suggestion_input(
                "Diskuteras",
                Phase::Requirements,
                SuggestionStatus::Proposed,
            ),
        )
        .unwrap();
    store.set_clock(clock());
    store
        .set_suggestion_status(discussed, SuggestionStatus::Discussed)
        .unwrap();
    let today = clock();
    let s = store.suggestion(open).unwrap();
    assert_eq!(s.days_waiting(&today), Some(25));
    assert_eq!(
        store.suggestion(discussed).unwrap().days_waiting(&today),
        Some(25),
        "discussing it does not restart the wait"
    );
    let before = Clock::Fixed(Utc.with_ymd_and_hms(2026, 10, 30, 12, 0, 0).unwrap());
    assert_eq!(s.days_waiting(&before), Some(0), "never negative");
    store
        .set_suggestion_status(open, SuggestionStatus::Accepted)
        .unwrap();
    assert_eq!(store.suggestion(open).unwrap().days_waiting(&today), None);
    store
        .set_suggestion_status(discussed, SuggestionStatus::Withdrawn)
        .unwrap();
    assert_eq!(
        store.suggestion(discussed).unwrap().days_waiting(&today),
        None
    );
}

// ---------------------------------------------------------------------------------------
// Lessons
// ---------------------------------------------------------------------------------------

#[test]
fn lesson_round_trips_every_field() {
    on_both_stores(|store| {
        let p = project(store, "NORR-24");
        let input = LessonInput {
            project_id: Some(p),
            phase: Some(Phase::NeedsAnalysis),
            kind: LessonKind::Pitfall,
            title: "Lösningsord i behoven".into(),
            context: "Behovsanalys.".into(),
            what_happened: "Behoven namngav produkter.".into(),
            what_we_learned: "Det styr mot produkten.".into(),
            recommendation: "Skriv vad som ska uppnås.".into(),
            shareable: true,
        };
        let id = store.create_lesson(&input).unwrap();
        let l = store.lesson(id).unwrap();
        assert_eq!(l.uuid.len(), 36);
        assert_eq!(l.project_id, Some(p));
        assert_eq!(l.project_code.as_deref(), Some("NORR-24"));
        assert_eq!(l.phase, Some(Phase::NeedsAnalysis));
        assert_eq!(l.kind, LessonKind::Pitfall);
        assert_eq!(l.title, input.title);
        assert_eq!(l.context, input.context);
        assert_eq!(l.what_happened, input.what_happened);
        assert_eq!(l.what_we_learned, input.what_we_learned);
        assert_eq!(l.recommendation, input.recommendation);
        assert!(l.shareable);
        assert_eq!(l.created_at, "2026-11-26T12:00:00Z");

        store.set_clock(clock_at(27, 9, 0));
        let general = LessonInput {
            project_id: None,
            phase: None,
            shareable: false,
            ..input.clone()
        };
        store.update_lesson(id, &general).unwrap();
        let u = store.lesson(id).unwrap();
        assert_eq!((u.project_id, u.project_code), (None, None));
        assert_eq!(u.phase, None);
        assert!(!u.shareable);
        assert_eq!(u.updated_at, "2026-11-27T09:00:00Z");
        assert!(matches!(
            store.update_lesson(id + 100, &general),
            Err(StoreError::NotFound)
        ));
    });
}

#[test]
fn lessons_filter_by_phase_kind_and_shareable_across_projects() {
    on_both_stores(|store| {
        use LessonKind::{GoodExample, Pitfall};
        let a = project(store, "NORR-24");
        let b = project(store, "SODER-25");
        let rows = [
            (
                None,
                Some(Phase::EarlyDialogue),
                GoodExample,
                "Allmänt gott exempel",
                true,
            ),
            (
                Some(a),
                Some(Phase::NeedsAnalysis),
                LessonKind::Lesson,
                "Behovsägaren med",
                false,
            ),
            (
                Some(b),
                Some(Phase::EarlyDialogue),
                Pitfall,
                "För lång RFI",
                true,
            ),
            (
                Some(a),
                Some(Phase::Initiation),
                LessonKind::Lesson,
                "Förankra tidigt",
                true,
            ),
            (
                Some(b),
                Some(Phase::EarlyDialogue),
                GoodExample,
                "Brukarna först",
                false,
            ),
        ];
        for (project_id, phase, kind, title, shareable) in rows {
            store
                .create_lesson(&lesson_input(project_id, phase, kind, title, shareable))
                .unwrap();
        }

        let all = store.lessons(None, None, None, false).unwrap();
        // In phase order, then by title (Swedish order).
        assert_eq!(
            lesson_titles(&all),
            [
                "Förankra tidigt",
                "Behovsägaren med",
                "Allmänt gott exempel",
                "Brukarna först",
                "För lång RFI"
            ]
        );
        let general = all.iter().find(|l| l.project_id.is_none()).unwrap();
        assert_eq!(general.project_code, None);

        let early = store
            .lessons(None, Some(Phase::EarlyDialogue), None, false)
            .unwrap();
        assert_eq!(
            lesson_titles(&early),
            ["Allmänt gott exempel", "Brukarna först", "För lång RFI"]
        );
        let good = store.lessons(None, None, Some(GoodExample), false).unwrap();
        assert_eq!(
            lesson_titles(&good),
            ["Allmänt gott exempel", "Brukarna först"]
        );
        let shareable = store.lessons(None, None, None, true).unwrap();
        assert_eq!(
            lesson_titles(&shareable),
            ["Förankra tidigt", "Allmänt gott exempel", "För lång RFI"]
        );
        let of_a = store.lessons(Some(a), None, None, false).unwrap();
        assert_eq!(
            lesson_titles(&of_a),
            ["Förankra tidigt", "Behovsägaren med"]
        );
        assert_eq!(
            lesson_titles(
                &store
                    .lessons(None, Some(Phase::EarlyDialogue), Some(Pitfall), true)
                    .unwrap()
            ),
            ["För lång RFI"]
        );

        // A trashed project's lessons are hidden; general lessons stay.
        store.trash(EntityKind::Project, b).unwrap();
        let left = store.lessons(None, None, None, false).unwrap();
        assert_eq!(
            lesson_titles(&left),
            [
                "Förankra tidigt",
                "Behovsägaren med",
                "Allmänt gott exempel"
            ]
        );
        store.restore(EntityKind::Project, b).unwrap();
        assert_eq!(store.lessons(None, None, None, false).unwrap().len(), 5);
    });
}

// ---------------------------------------------------------------------------------------
// Demo
// ---------------------------------------------------------------------------------------

fn demo_store() -> Store {
    let mut store = memory_store();
    demo::load(&mut store, clock().today()).unwrap();
    store
}

fn table_counts(store: &Store) -> [i64; 6] {
    [
        "needs",
        "need_evidence",
        "need_status_changes",
        "suggestions",
        "lessons",
        "meetings",
    ]
    .map(|t| count(store, &format!("SELECT count(*) FROM {t}")))
}

#[test]
fn demo_needs_suggestions_and_lessons_load_once() {
    let mut store = memory_store();
    let today = clock().today();
    let first = demo::load(&mut store, today).unwrap();
    assert!(first.needs >= 25, "{first:?}");
    assert!(first.suggestions >= 10, "{first:?}");
    assert!(first.lessons >= 8, "{first:?}");
    assert_eq!(
        count(&store, "SELECT count(*) FROM needs") as usize,
        first.needs
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM suggestions") as usize,
        first.suggestions
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM lessons") as usize,
        first.lessons
    );
    let before = table_counts(&store);

    let second = demo::load(&mut store, today).unwrap();
    assert_eq!(second, DemoSummary::default());
    assert_eq!(table_counts(&store), before);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    // The load stopped the clock to date its rows, and put it back.
    assert_eq!(store.clock().now(), utc(2026, 11, 26, 12, 0));
}

#[test]
fn demo_has_needs_in_every_status_priority_and_form() {
    let store = demo_store();
    let needs = store.all_needs(None).unwrap();
    for status in NeedStatus::ALL {
        assert!(
            needs.iter().any(|n| n.status == *status),
            "no demo need is {status:?}"
        );
    }
    for priority in Priority::ALL.iter().map(|p| Some(*p)).chain([None]) {
        assert!(
            needs.iter().any(|n| n.priority == priority),
            "no demo need has priority {priority:?}"
        );
    }
    let categories: Vec<&str> = needs.iter().map(|n| n.category.as_str()).collect();
    for c in ["Trygghet", "Integritet", "Arbetsmiljö", "Drift och support"] {
        assert!(categories.contains(&c), "{c}");
    }
    assert!(needs.iter().filter(|n| !n.owner.is_empty()).count() >= 10);
    let projects: std::collections::BTreeSet<&str> =
        needs.iter().map(|n| n.project_code.as_str()).collect();
    assert!(projects.len() >= 4, "{projects:?}");

    // The structured ones are written out in Swedish, with their parts kept.
    let structured: Vec<&Need> = needs.iter().filter(|n| !n.i_need.is_empty()).collect();
    assert!(structured.len() >= 5, "{}", structured.len());
    for n in &structured {
        assert!(!n.as_a.is_empty() && !n.so_that.is_empty(), "{}", n.code);
        assert_eq!(
            n.statement,
            format!(
                "Som {} behöver jag {}, för att {}.",
                n.as_a, n.i_need, n.so_that
            )
        );
    }
    assert!(
        needs
            .iter()
            .all(|n| !n.statement.contains("I need") && !n.statement.contains("As a ")),
        "no English connective words in the demo"
    );

    // Exactly the two deliberate solution statements get the warning.
    let warned: Vec<(&str, &str)> = needs
        .iter()
        .filter(|n| !solution_words(&n.statement).is_empty())
        .map(|n| (n.project_code.as_str(), n.code.as_str()))
        .collect();
    assert_eq!(warned, [("LULE-25", "B-009"), ("TRV-BRO", "B-003")]);

    // Rejected and deferred needs say why; the merged one points at a live need of its
    // project that holds the evidence.
    for n in &needs {
        if n.status.needs_reason() {
            assert!(!n.status_reason.is_empty(), "{} has no reason", n.code);
        }
    }
    let merged: Vec<&Need> = needs
        .iter()
        .filter(|n| n.status == NeedStatus::Merged)
        .collect();
    assert_eq!(merged.len(), 1);
    let target = store.need(merged[0].merged_into.unwrap()).unwrap();
    assert_eq!(target.project_id, merged[0].project_id);
    assert_eq!(
        (target.project_code.as_str(), target.code.as_str()),
        ("LULE-25", "B-001")
    );
    assert_eq!(merged[0].evidence_count, 0);
    assert!(target.evidence_count >= 4, "{}", target.evidence_count);
}

#[test]
fn demo_needs_have_evidence_from_demo_meetings_people_and_documents() {
    let store = demo_store();
    let needs = store.all_needs(None).unwrap();
    let mut meetings = 0;
    let mut documents = Vec::new();
    for n in &needs {
        let evidence = store.evidence(n.id).unwrap();
        assert_eq!(evidence.len() as i64, n.evidence_count);
        if n.status != NeedStatus::Merged {
            assert!(
                !evidence.is_empty(),
                "{} {} has no evidence",
                n.project_code,
                n.code
            );
        }
        for e in evidence {
            if let Some(m) = e.meeting_id {
                meetings += 1;
                let meeting = store.meeting(m).unwrap();
                assert_eq!(meeting.project_id, n.project_id, "{}", meeting.title);
                assert_eq!(meeting.status, MeetingStatus::Held, "{}", meeting.title);
            }
            documents.push(e.document);
        }
    }
    assert!(meetings >= 10, "{meetings} evidence rows name a meeting");
    for doc in [
        "RFI-svar från sex leverantörer",
        "Enkät till nattpersonal, okt 2026",
    ] {
        assert!(documents.iter().any(|d| d == doc), "{doc}");
    }
    assert!(
        count(
            &store,
            "SELECT count(*) FROM need_evidence WHERE person_id IS NOT NULL"
        ) >= 10
    );
    // A purged meeting or person must never leave an empty evidence row behind, so
    // every demo row naming a meeting also names a person or a document.
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM need_evidence
             WHERE meeting_id IS NOT NULL AND person_id IS NULL AND trim(document) = ''"
        ),
        0
    );
}

#[test]
fn demo_need_histories_are_dated_in_the_past_and_in_order() {
    // Whatever the weekday, and whichever kind of clock.
    for offset in 0..7 {
        let today = date(2026, 11, 23) + Duration::days(offset);
        let now = today.and_hms_opt(11, 0, 0).unwrap().and_utc();
        for clock in [Clock::Fixed(now), Clock::FixedIn(now, Stockholm)] {
            let mut store = Store::open_in_memory(clock).unwrap();
            demo::load(&mut store, today).unwrap();
            let stamp = clock.timestamp();
            for n in store.all_needs(None).unwrap() {
                let h = store.need_history(n.id).unwrap();
                let label = format!("{} {} ({today})", n.project_code, n.code);
                assert_eq!(h[0].from, None, "{label}");
                assert_eq!(h[0].to, NeedStatus::Identified, "{label}");
                assert_eq!(h[0].changed_at, n.created_at, "{label}");
                for pair in h.windows(2) {
                    assert_eq!(pair[1].from, Some(pair[0].to), "{label}: {h:?}");
                    assert!(pair[0].changed_at < pair[1].changed_at, "{label}: {h:?}");
                }
                let last = h.last().unwrap();
                assert_eq!(last.to, n.status, "{label}");
                assert!(
                    last.changed_at < stamp,
                    "{label}: {} ≥ {stamp}",
                    last.changed_at
                );
                if n.status.needs_reason() {
                    assert_eq!(last.reason, n.status_reason, "{label}");
                }
            }
            for s in store.suggestions(None, None, None).unwrap() {
                assert!(s.created_at < stamp, "{}", s.title);
                if let Some(d) = s.decision_date {
                    assert!(d < today && d >= date_of(&s.created_at), "{}", s.title);
                }
            }
            for l in store.lessons(None, None, None, false).unwrap() {
                assert!(l.created_at < stamp, "{}", l.title);
            }
            assert_eq!(store.clock().now(), now, "the clock is put back");
        }
    }
}

fn date_of(timestamp: &str) -> NaiveDate {
    NaiveDate::parse_from_str(&timestamp[..10], "%Y-%m-%d").unwrap()
}

#[test]
fn demo_has_suggestions_in_every_status_and_lessons_of_every_kind() {
    let store = demo_store();
    let suggestions = store.suggestions(None, None, None).unwrap();
    for status in SuggestionStatus::ALL {
        assert!(
            suggestions.iter().any(|s| s.status == *status),
            "no demo suggestion is {status:?}"
        );
    }
    let phases: std::collections::BTreeSet<Phase> = suggestions.iter().map(|s| s.phase).collect();
    assert!(phases.len() >= 4, "{phases:?}");
    assert!(
        suggestions
            .iter()
            .filter(|s| s.meeting_id.is_some())
            .count()
            >= 3
    );
    for s in &suggestions {
        if matches!(
            s.status,
            SuggestionStatus::Accepted | SuggestionStatus::Rejected | SuggestionStatus::Implemented
        ) {
            assert!(
                s.decision_date.is_some(),
                "{} has no decision date",
                s.title
            );
            assert!(!s.buyer_response.is_empty(), "{} has no response", s.title);
        }
        assert_eq!(s.days_waiting(&store.clock()).is_some(), s.status.is_open());
    }
    let waited: Vec<i64> = suggestions
        .iter()
        .filter_map(|s| s.days_waiting(&store.clock()))
        .collect();
    assert!(waited.iter().any(|d| *d >= 30), "{waited:?}");
    assert!(waited.iter().any(|d| *d < 14), "{waited:?}");
    // Open first, the longest waiting on top.
    assert!(waited.windows(2).all(|w| w[0] >= w[1]), "{waited:?}");

    let lessons = store.lessons(None, None, None, false).unwrap();
    for kind in LessonKind::ALL {
        assert!(lessons.iter().any(|l| l.kind == *kind), "{kind:?}");
    }
    assert!(lessons.iter().filter(|l| l.project_id.is_none()).count() >= 2);
    assert!(lessons.iter().filter(|l| l.project_id.is_some()).count() >= 4);
    assert!(lessons.iter().any(|l| l.shareable) && lessons.iter().any(|l| !l.shareable));
    let phases: std::collections::BTreeSet<Phase> =
        lessons.iter().filter_map(|l| l.phase).collect();
    assert!(phases.len() >= 4, "{phases:?}");
    for l in &lessons {
        assert!(
            !l.context.is_empty()
                && !l.what_happened.is_empty()
                && !l.what_we_learned.is_empty()
                && !l.recommendation.is_empty(),
            "{}",
            l.title
        );
    }
    assert!(!store.lessons(None, None, None, true).unwrap().is_empty());
}

#[test]
fn demo_reloads_a_purged_need_under_a_new_code() {
    let mut store = demo_store();
    let today = clock().today();
    let lule = store.project_by_code("LULE-25").unwrap();
    let victim = store.need_by_code(lule.id, "B-005").unwrap().unwrap();
    let evidence = victim.evidence_count;
    let highest = store
        .needs(lule.id, &NeedFilter::default())
        .unwrap()
        .last()
        .unwrap()
        .number;
    purge(&mut store, EntityKind::Need, victim.id);

    let again = demo::load(&mut store, today).unwrap();
    assert_eq!(
        again,
        DemoSummary {
            needs: 1,
            ..Default::default()
        }
    );
    let back = store
        .needs(lule.id, &text_filter(&victim.statement))
        .unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].number, highest + 1, "the old code is not reused");
    assert_eq!(back[0].evidence_count, evidence);
    assert_eq!(back[0].status, victim.status);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn demo_meetings_can_all_be_purged_without_breaking_evidence() {
    let mut store = demo_store();
    for m in store.all_meetings(None).unwrap() {
        purge(&mut store, EntityKind::Meeting, m.id);
    }
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM need_evidence WHERE meeting_id IS NOT NULL"
        ),
        0
    );
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM suggestions WHERE meeting_id IS NOT NULL"
        ),
        0
    );
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn demo_loads_into_a_store_whose_clock_is_local() {
    // The CLI's clock: fixed by TIDIG_NOW, shown in the system's zone.
    let now = utc(2026, 11, 26, 12, 0);
    let mut store = Store::open_in_memory(Clock::FixedLocal(now)).unwrap();
    let added = demo::load(&mut store, now.date_naive()).unwrap();
    assert!(added.needs >= 25);
    assert!(matches!(store.clock(), Clock::FixedLocal(t) if t == now));
    for n in store.all_needs(None).unwrap() {
        assert!(
            n.created_at.as_str() < "2026-11-26T12:00:00Z",
            "{}",
            n.created_at
        );
    }
}

// ---------------------------------------------------------------------------------------
// Purging what evidence points at
// ---------------------------------------------------------------------------------------

/// Evidence whose only source is the purged meeting goes with it; the purge succeeds.
#[test]
fn purging_the_only_evidence_meeting_succeeds() {
    let mut store = memory_store();
    let p = project(&mut store, "NORR-24");
    let m = meeting(&mut store, p, "Behovsworkshop");
    let need = add(&mut store, p, "Brukaren ska kunna sova ostörd.");
    store.add_evidence(need, Some(m), None, "", "").unwrap();
    store.trash(EntityKind::Meeting, m).unwrap();
    store.purge(EntityKind::Meeting, m).unwrap();
    assert!(store.check().unwrap().is_empty());
}
