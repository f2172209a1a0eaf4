//! Store tests for the agenda and week view's light read: the days' meetings come from
//! the covering index of migration 0017 (no table row, no sort), list what the whole
//! read lists in the same order, narrowed by the filter as before, set aside the rows
//! that cannot be read, and the rows on screen are then read whole by id.

mod common;

use tidig::domain::*;
use tidig::store::Store;

use common::store::{meeting_input, memory_store, project};
use common::utc;

/// 120 meetings over two projects in the fortnight from 2026-12-01, many at the same
/// start (ties decided by id), some cancelled or of another type, one trashed and two
/// in a trashed project.
fn fill(store: &mut Store) -> (i64, i64) {
    let a = project(store, "OVER-26");
    let b = project(store, "VGR-27");
    let gone = project(store, "GONE-1");
    for i in 0..120u32 {
        let start = utc(2026, 12, 1 + i % 14, 8 + i % 5, 0);
        let mut input = meeting_input(
            &format!("Möte {i}"),
            start,
            start + chrono::Duration::minutes(30 + 15 * i64::from(i % 4)),
        );
        if i % 9 == 0 {
            input.status = MeetingStatus::Cancelled;
        }
        if i % 4 == 0 {
            input.kind = MeetingType::Interview;
        }
        store
            .create_meeting(if i % 3 == 0 { b } else { a }, &input)
            .unwrap();
    }
    let trashed = store
        .create_meeting(
            a,
            &meeting_input("Borttaget", utc(2026, 12, 2, 9, 0), utc(2026, 12, 2, 10, 0)),
        )
        .unwrap();
    store.trash(EntityKind::Meeting, trashed).unwrap();
    for _ in 0..2 {
        store
            .create_meeting(
                gone,
                &meeting_input(
                    "I borttaget",
                    utc(2026, 12, 2, 9, 0),
                    utc(2026, 12, 2, 10, 0),
                ),
            )
            .unwrap();
    }
    store.trash(EntityKind::Project, gone).unwrap();
    (a, b)
}

fn range() -> (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) {
    (utc(2026, 12, 3, 0, 0), utc(2026, 12, 10, 0, 0))
}

#[test]
fn the_light_read_uses_the_covering_index_in_the_order_shown() {
    let mut store = memory_store();
    fill(&mut store);
    let (from, to) = range();
    let plan = store.agenda_slots_plan(from, to, None).unwrap().join("\n");
    assert!(
        plan.contains("SEARCH m USING COVERING INDEX meetings_agenda"),
        "{plan}"
    );
    assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    assert!(!plan.contains("SCAN m"), "{plan}");
    // A project is not looked up per meeting: the trashed ones once.
    assert!(
        !plan.contains("SEARCH p USING INTEGER PRIMARY KEY"),
        "{plan}"
    );
}

#[test]
fn the_light_read_lists_what_the_whole_read_lists() {
    let mut store = memory_store();
    let (a, _) = fill(&mut store);
    for (from, to) in [
        range(),
        (utc(2026, 12, 1, 0, 0), utc(2026, 12, 15, 0, 0)),
        (utc(2026, 12, 5, 8, 30), utc(2026, 12, 5, 9, 0)),
        (utc(2027, 1, 1, 0, 0), utc(2027, 1, 8, 0, 0)),
    ] {
        let filters = [
            AgendaFilter::default(),
            AgendaFilter {
                project_id: Some(a),
                ..Default::default()
            },
            AgendaFilter {
                kind: Some(MeetingType::Interview),
                status: Some(MeetingStatus::Planned),
                ..Default::default()
            },
            AgendaFilter {
                text: "VGR".into(),
                ..Default::default()
            },
            AgendaFilter {
                text: "möte 1".into(),
                notes_status: Some(NotesStatus::None),
                ..Default::default()
            },
        ];
        for filter in filters {
            let whole = store.meetings_between_filtered(from, to, &filter).unwrap();
            let light = store.agenda_slots(from, to, Some(&filter)).unwrap();
            let ids = |v: &[i64]| v.to_vec();
            assert_eq!(
                ids(&light.rows.iter().map(|s| s.id).collect::<Vec<_>>()),
                ids(&whole.rows.iter().map(|m| m.id).collect::<Vec<_>>()),
                "{filter:?}"
            );
            for (slot, m) in light.rows.iter().zip(&whole.rows) {
                assert_eq!(
                    (slot.start, slot.end, slot.status),
                    (m.start, m.end, m.status)
                );
            }
        }
        let all = store.agenda_slots(from, to, None).unwrap();
        let whole = store.meetings_between_listed(from, to).unwrap();
        assert_eq!(
            all.rows.iter().map(|s| s.id).collect::<Vec<_>>(),
            whole.rows.iter().map(|m| m.id).collect::<Vec<_>>()
        );
    }
}

#[test]
fn rows_that_cannot_be_read_are_set_aside_and_the_rest_read_whole_by_id() {
    let mut store = memory_store();
    fill(&mut store);
    let (from, to) = range();
    let before = store.agenda_slots(from, to, None).unwrap().rows;
    let (bad_end, bad_kind) = (before[3].id, before[7].id);
    // An end no reader parses, and a type this version does not know (written past
    // the CHECK constraint, as a newer version's value would be).
    store
        .connection()
        .execute(
            "UPDATE meetings SET end_at = '2026-12-04T25:00:00Z' WHERE id = ?1",
            [bad_end],
        )
        .unwrap();
    common::store::poison(&store, "meetings", bad_kind, "kind = 'hackathon'");
    let listed = store.agenda_slots(from, to, None).unwrap();
    let mut unreadable: Vec<i64> = listed.unreadable.iter().map(|r| r.id).collect();
    unreadable.sort_unstable();
    let mut expected = vec![bad_end, bad_kind];
    expected.sort_unstable();
    assert_eq!(unreadable, expected);
    assert_eq!(listed.rows.len(), before.len() - 2);
    // The same rows the whole read sets aside.
    let whole = store.meetings_between_listed(from, to).unwrap();
    let mut whole_bad: Vec<i64> = whole.unreadable.iter().map(|r| r.id).collect();
    whole_bad.sort_unstable();
    assert_eq!(whole_bad, unreadable);

    let ids: Vec<i64> = listed.rows.iter().take(10).map(|s| s.id).collect();
    let read = store.meetings_by_ids(&ids).unwrap();
    let mut got: Vec<i64> = read.rows.iter().map(|m| m.id).collect();
    got.sort_unstable();
    let mut want = ids.clone();
    want.sort_unstable();
    assert_eq!(got, want);
    assert_eq!(
        store.meetings_by_ids(&[bad_kind]).unwrap().unreadable[0].id,
        bad_kind
    );
    assert!(store.meetings_by_ids(&[]).unwrap().rows.is_empty());
}
