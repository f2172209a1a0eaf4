//! Store tests for what a meeting produces: notes (autosave, labels, agenda blocks,
//! ordering, large and wide text), decisions, action items (filters, ordering, done
//! dates, the actions screen's buckets, owners), open questions, the notes status with
//! its dates and the export log; their trash; and the demo portfolio's notes, decisions,
//! actions and questions. On in-memory and temporary-file stores with a fixed clock.

mod common;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use chrono_tz::Europe::Stockholm;
use tidig::domain::EntityKind;
use tidig::domain::*;
use tidig::ops::demo::{self, DemoSummary};
use tidig::store::{ActionFilter, Store, StoreError};

use common::store::{
    action, clock_at, count, db_path, file_store, meeting_input, memory_store, on_both_stores,
    project, temp_dir,
};
use common::{clock, date, utc};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// A project meeting held on 2026-11-26 from 9 to 11 UTC.
fn meeting(store: &mut Store, project_id: i64, title: &str) -> i64 {
    let input = MeetingInput {
        status: MeetingStatus::Held,
        ..meeting_input(title, utc(2026, 11, 26, 9, 0), utc(2026, 11, 26, 11, 0))
    };
    store.create_meeting(project_id, &input).unwrap()
}

/// A 15-minute agenda block; its id.
fn block(store: &mut Store, meeting_id: i64, title: &str) -> i64 {
    store
        .add_agenda_item(meeting_id, &common::store::block(title, 15))
        .unwrap()
}

/// A project with one meeting: (project, meeting).
fn setting(store: &mut Store) -> (i64, i64) {
    let p = project(store, "OVER-26");
    let m = meeting(store, p, "Projektmöte: nattillsyn");
    (p, m)
}

fn bodies(store: &Store, meeting_id: i64) -> Vec<String> {
    store
        .notes(meeting_id)
        .unwrap()
        .into_iter()
        .map(|n| n.body)
        .collect()
}

fn decision(text: &str, on: NaiveDate) -> DecisionInput {
    DecisionInput {
        text: text.into(),
        rationale: "Alla leverantörer ska få samma information.".into(),
        decided_by: "Styrgruppen".into(),
        decided_on: on,
    }
}

fn open_action(title: &str, due: Option<NaiveDate>) -> ActionInput {
    action(title, "Åsa Lindqvist", due, ActionStatus::Open)
}

fn action_titles(actions: &[ActionItem]) -> Vec<&str> {
    actions.iter().map(|a| a.title.as_str()).collect()
}

fn all_actions() -> ActionFilter {
    ActionFilter {
        include_closed: true,
        ..Default::default()
    }
}

fn export(format: &str, audience: Audience, at: &str) -> ExportRecord {
    ExportRecord {
        what: "summary".into(),
        format: format.into(),
        audience: audience.as_str().into(),
        language: "sv".into(),
        file: format!("/tmp/Mötesanteckningar.{format}"),
        exported_at: at.into(),
    }
}

// ---------------------------------------------------------------------------------------
// Notes
// ---------------------------------------------------------------------------------------

#[test]
fn notes_are_created_and_read_back_with_their_label_and_block() {
    on_both_stores(|store| {
        let (_, m) = setting(store);
        let b = block(store, m, "Läget sedan sist");
        let id = store
            .create_note(
                m,
                Some(b),
                "Jörgen öppnar mötet.",
                Confidentiality::Internal,
            )
            .unwrap();
        let n = store.note(id).unwrap();
        assert_eq!(n.id, id);
        assert_eq!(n.uuid.len(), 36);
        assert_eq!(n.meeting_id, m);
        assert_eq!(n.agenda_item_id, Some(b));
        assert_eq!(n.body, "Jörgen öppnar mötet.");
        assert_eq!(n.confidentiality, Confidentiality::Internal);
        assert_eq!(n.created_at, "2026-11-26T12:00:00Z");
        assert_eq!(n.updated_at, n.created_at);
        assert_eq!(store.notes(m).unwrap(), vec![n]);

        // An empty note is allowed (the editor creates one before anything is typed).
        let empty = store
            .create_note(m, None, "", Confidentiality::Shareable)
            .unwrap();
        assert_eq!(store.note(empty).unwrap().body, "");

        assert!(matches!(store.note(9999), Err(StoreError::NotFound)));
        assert!(
            store
                .create_note(9999, None, "Ingen sådan mötes", Confidentiality::Shareable)
                .is_err(),
            "a note needs a meeting"
        );
    });
}

#[test]
fn autosave_stores_changed_text_and_leaves_unchanged_text_alone() {
    on_both_stores(|store| {
        let (_, m) = setting(store);
        let id = store
            .create_note(m, None, "Första raden", Confidentiality::Shareable)
            .unwrap();

        // The same text again (a save on a pause with nothing typed) bumps nothing.
        store.set_clock(clock_at(26, 12, 5));
        store.update_note_body(id, "Första raden").unwrap();
        assert_eq!(store.note(id).unwrap().updated_at, "2026-11-26T12:00:00Z");

        store
            .update_note_body(id, "Första raden\nAndra raden")
            .unwrap();
        let n = store.note(id).unwrap();
        assert_eq!(n.body, "Första raden\nAndra raden");
        assert_eq!(n.updated_at, "2026-11-26T12:05:00Z");
        assert_eq!(n.created_at, "2026-11-26T12:00:00Z");

        store.set_clock(clock_at(26, 12, 10));
        store
            .update_note_body(id, "Första raden\nAndra raden")
            .unwrap();
        assert_eq!(store.note(id).unwrap().updated_at, "2026-11-26T12:05:00Z");

        // Emptying a note is a change like any other.
        store.update_note_body(id, "").unwrap();
        let n = store.note(id).unwrap();
        assert_eq!(
            (n.body.as_str(), n.updated_at.as_str()),
            ("", "2026-11-26T12:10:00Z")
        );

        assert!(matches!(
            store.update_note_body(9999, "x"),
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            store.update_note_body(9999, ""),
            Err(StoreError::NotFound)
        ));
    });
}

/// About 100 KB of pasted minutes: Swedish, emoji, wide characters, tabs and Windows
/// line ends, none of which may be altered.
fn big_paste() -> String {
    let line = "- Åsa: **förhandlat förfarande** – ÅÄÖ åäö é ü ß · 👩‍⚕️🇸🇪✅ · 漢字かな 한국어 · \t«citat» “så här” 'och' <b>&amp;</b>\r\n";
    let mut s = String::from("# Mötesanteckningar\n\n");
    while s.len() < 100 * 1024 {
        s.push_str(line);
    }
    s
}

#[test]
fn swedish_emoji_wide_characters_and_a_100_kb_paste_round_trip() {
    let dir = temp_dir();
    let path = db_path(&dir);
    let small = "Närvarande: Åsa, Jörgen, Märta 😀👍🏽 – 全角テキスト ＡＢＣ\n\t– indragen rad\n";
    let paste = big_paste();
    assert!(paste.len() >= 100 * 1024);
    let (m, a, b) = {
        let mut store = file_store(&path);
        let (_, m) = setting(&mut store);
        let a = store
            .create_note(m, None, small, Confidentiality::Shareable)
            .unwrap();
        let b = store
            .create_note(m, None, "", Confidentiality::Personal)
            .unwrap();
        store.update_note_body(b, &paste).unwrap();
        assert_eq!(store.note(a).unwrap().body, small);
        assert_eq!(store.note(b).unwrap().body, paste);
        (m, a, b)
    };
    // Still there, byte for byte, after the process is gone.
    let store = file_store(&path);
    assert_eq!(store.note(a).unwrap().body, small);
    let n = store.note(b).unwrap();
    assert_eq!(n.body.len(), paste.len());
    assert_eq!(n.body, paste);
    assert_eq!(bodies(&store, m), vec![small.to_string(), paste]);
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn a_notes_label_changes_to_every_value_and_is_a_change() {
    on_both_stores(|store| {
        let (_, m) = setting(store);
        let id = store
            .create_note(m, None, "Pris per sensor", Confidentiality::Shareable)
            .unwrap();
        for (i, &c) in Confidentiality::ALL.iter().rev().enumerate() {
            store.set_clock(clock_at(26, 13, i as u32));
            store.set_note_confidentiality(id, c).unwrap();
            let n = store.note(id).unwrap();
            assert_eq!(n.confidentiality, c);
            assert_eq!(n.updated_at, format!("2026-11-26T13:{i:02}:00Z"));
            assert_eq!(n.body, "Pris per sensor");
        }
        assert_eq!(
            store.note(id).unwrap().confidentiality,
            Confidentiality::Shareable
        );
        assert!(matches!(
            store.set_note_confidentiality(9999, Confidentiality::Internal),
            Err(StoreError::NotFound)
        ));
        // The schema holds the same four values as the enum.
        assert!(
            store
                .connection()
                .execute(
                    "UPDATE notes SET confidentiality = 'secret' WHERE id = ?1",
                    [id]
                )
                .is_err()
        );
    });
}

#[test]
fn a_note_moves_between_agenda_blocks_and_back_to_the_whole_meeting() {
    on_both_stores(|store| {
        let (_, m) = setting(store);
        let first = block(store, m, "Inledning");
        let second = block(store, m, "Frågor om behovet");
        let id = store
            .create_note(m, None, "Synpunkt", Confidentiality::Shareable)
            .unwrap();

        store.set_clock(clock_at(26, 12, 30));
        store.move_note(id, Some(second)).unwrap();
        let n = store.note(id).unwrap();
        assert_eq!(n.agenda_item_id, Some(second));
        assert_eq!(n.updated_at, "2026-11-26T12:30:00Z");

        store.move_note(id, Some(first)).unwrap();
        assert_eq!(store.note(id).unwrap().agenda_item_id, Some(first));
        store.move_note(id, None).unwrap();
        assert_eq!(store.note(id).unwrap().agenda_item_id, None);

        assert!(matches!(
            store.move_note(9999, None),
            Err(StoreError::NotFound)
        ));
        assert!(store.move_note(id, Some(9999)).is_err(), "no such block");
        assert_eq!(store.note(id).unwrap().agenda_item_id, None);
    });
}

#[test]
fn notes_come_meeting_wide_first_then_by_agenda_position_each_oldest_first() {
    on_both_stores(|store| {
        let (p, m) = setting(store);
        let a = block(store, m, "A");
        let b = block(store, m, "B");
        let c = block(store, m, "C");
        let other = meeting(store, p, "Ett annat möte");

        let note = |store: &mut Store, minute: u32, block: Option<i64>, body: &str| {
            store.set_clock(clock_at(26, 10, minute));
            store
                .create_note(m, block, body, Confidentiality::Shareable)
                .unwrap()
        };
        note(store, 0, Some(c), "C1");
        note(store, 1, Some(b), "B1");
        note(store, 2, None, "M1");
        note(store, 3, Some(a), "A1");
        note(store, 4, None, "M2");
        // Same second as B1's neighbour below: ties go by id.
        note(store, 5, Some(b), "B2");
        note(store, 5, Some(b), "B3");
        store
            .create_note(other, None, "Annat möte", Confidentiality::Shareable)
            .unwrap();
        assert_eq!(bodies(store, m), ["M1", "M2", "A1", "B1", "B2", "B3", "C1"]);

        // The agenda order decides, not when the block was created.
        store.move_agenda_item(c, -1).unwrap();
        store.move_agenda_item(c, -1).unwrap();
        assert_eq!(bodies(store, m), ["M1", "M2", "C1", "A1", "B1", "B2", "B3"]);

        // A purged block's notes become notes on the whole meeting.
        store.trash(EntityKind::AgendaItem, a).unwrap();
        store.purge(EntityKind::AgendaItem, a).unwrap();
        assert_eq!(bodies(store, m), ["M1", "A1", "M2", "C1", "B1", "B2", "B3"]);
        assert_eq!(bodies(store, other), ["Annat möte"]);
    });
}

// ---------------------------------------------------------------------------------------
// Trash
// ---------------------------------------------------------------------------------------

/// Trashes, restores, trashes again and purges `id`, checking at each step whether
/// `visible` sees it and whether the trash lists it.
fn trash_cycle(store: &mut Store, kind: EntityKind, id: i64, visible: impl Fn(&Store) -> bool) {
    let in_trash = |store: &Store| {
        store
            .list_trash()
            .unwrap()
            .iter()
            .any(|t| t.kind == kind && t.id == id)
    };
    assert!(visible(store) && !in_trash(store));
    assert!(matches!(store.purge(kind, id), Err(StoreError::NotFound)));
    assert!(matches!(store.restore(kind, id), Err(StoreError::NotFound)));

    store.set_clock(clock_at(26, 14, 0));
    store.trash(kind, id).unwrap();
    assert!(!visible(store) && in_trash(store));
    assert!(matches!(store.trash(kind, id), Err(StoreError::NotFound)));
    let item = store
        .list_trash()
        .unwrap()
        .into_iter()
        .find(|t| t.kind == kind && t.id == id)
        .unwrap();
    assert_eq!(item.deleted_at, "2026-11-26T14:00:00Z");
    assert!(!item.label.is_empty());

    store.restore(kind, id).unwrap();
    assert!(visible(store) && !in_trash(store));

    store.trash(kind, id).unwrap();
    store.purge(kind, id).unwrap();
    assert!(!visible(store) && !in_trash(store));
    assert!(matches!(store.restore(kind, id), Err(StoreError::NotFound)));
    assert!(matches!(store.purge(kind, id), Err(StoreError::NotFound)));
}

#[test]
fn notes_go_to_the_trash_come_back_and_can_be_purged() {
    on_both_stores(|store| {
        let (_, m) = setting(store);
        let keep = store
            .create_note(m, None, "Ska finnas kvar", Confidentiality::Shareable)
            .unwrap();
        let id = store
            .create_note(
                m,
                None,
                "Leverantörens pris\nrad två",
                Confidentiality::SupplierConfidential,
            )
            .unwrap();
        trash_cycle(store, EntityKind::Note, id, |s| {
            s.notes(m).unwrap().iter().any(|n| n.id == id)
        });
        assert!(matches!(store.note(id), Err(StoreError::NotFound)));
        assert_eq!(bodies(store, m), ["Ska finnas kvar"]);
        assert_eq!(store.note(keep).unwrap().body, "Ska finnas kvar");
    });
}

#[test]
fn a_trashed_note_is_labelled_by_its_first_words_and_meeting() {
    let mut store = memory_store();
    let (_, m) = setting(&mut store);
    let id = store
        .create_note(m, None, "Rad ett\nrad två", Confidentiality::Internal)
        .unwrap();
    store.trash(EntityKind::Note, id).unwrap();
    let trash = store.list_trash().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].label, "Rad ett rad två (Projektmöte: nattillsyn)");
    assert_eq!(trash[0].kind.label(), EntityKind::Note.label());
}

#[test]
fn decisions_actions_and_questions_go_to_the_trash_come_back_and_can_be_purged() {
    on_both_stores(|store| {
        let (p, m) = setting(store);
        let d = store
            .create_decision(
                p,
                Some(m),
                &decision("Informationsmöte först", date(2026, 11, 26)),
            )
            .unwrap();
        trash_cycle(store, EntityKind::Decision, d, |s| {
            s.decisions(Some(p), None)
                .unwrap()
                .iter()
                .any(|x| x.id == d)
        });

        let a = store
            .create_action(p, Some(m), &open_action("Boka lokal", None))
            .unwrap();
        trash_cycle(store, EntityKind::ActionItem, a, |s| {
            s.actions(&all_actions()).unwrap().iter().any(|x| x.id == a)
        });

        let q = store
            .create_question(m, "Får man lämna gemensamt anbud?")
            .unwrap();
        trash_cycle(store, EntityKind::Question, q, |s| {
            s.questions(m).unwrap().iter().any(|x| x.id == q)
        });

        assert_eq!(count(store, "SELECT count(*) FROM decisions"), 0);
        assert_eq!(count(store, "SELECT count(*) FROM action_items"), 0);
        assert_eq!(count(store, "SELECT count(*) FROM questions"), 0);
    });
}

#[test]
fn purging_a_meeting_drops_its_notes_and_questions_but_keeps_decisions_and_actions() {
    on_both_stores(|store| {
        let (p, m) = setting(store);
        store
            .create_note(m, None, "Anteckning", Confidentiality::Shareable)
            .unwrap();
        store.create_question(m, "Öppen fråga?").unwrap();
        store.set_notes_status(m, NotesStatus::Draft).unwrap();
        store
            .log_export(m, &export("md", Audience::Internal, "2026-11-26T12:00:00Z"))
            .unwrap();
        let d = store
            .create_decision(p, Some(m), &decision("Beslut", date(2026, 11, 26)))
            .unwrap();
        let a = store
            .create_action(p, Some(m), &open_action("Åtgärd", None))
            .unwrap();

        store.trash(EntityKind::Meeting, m).unwrap();
        store.purge(EntityKind::Meeting, m).unwrap();

        assert_eq!(count(store, "SELECT count(*) FROM notes"), 0);
        assert_eq!(count(store, "SELECT count(*) FROM questions"), 0);
        assert_eq!(count(store, "SELECT count(*) FROM notes_status_changes"), 0);
        assert_eq!(count(store, "SELECT count(*) FROM exports"), 0);
        let kept = store.decisions(Some(p), None).unwrap();
        assert_eq!((kept[0].id, kept[0].meeting_id), (d, None));
        assert_eq!(kept[0].meeting_title, None);
        let kept = store.action(a).unwrap();
        assert_eq!((kept.meeting_id, kept.meeting_title), (None, None));
    });
}

// ---------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------

#[test]
fn decisions_by_project_and_by_meeting_newest_first() {
    on_both_stores(|store| {
        let p = project(store, "LULE-25");
        let q = project(store, "RVB-26");
        let m1 = meeting(store, p, "Styrgrupp");
        let m2 = meeting(store, p, "Projektmöte");
        let n = meeting(store, q, "Uppstartsmöte");

        let early = store
            .create_decision(p, Some(m1), &decision("Tidigt beslut", date(2026, 11, 2)))
            .unwrap();
        let late = store
            .create_decision(p, Some(m2), &decision("Sent beslut", date(2026, 11, 20)))
            .unwrap();
        // Same day as `late`, made afterwards: comes first.
        let same_day = store
            .create_decision(
                p,
                None,
                &decision("Samma dag, utan möte", date(2026, 11, 20)),
            )
            .unwrap();
        let other = store
            .create_decision(q, Some(n), &decision("Annat projekt", date(2026, 11, 25)))
            .unwrap();

        let ids = |v: Vec<Decision>| v.into_iter().map(|d| d.id).collect::<Vec<_>>();
        assert_eq!(
            ids(store.decisions(Some(p), None).unwrap()),
            [same_day, late, early]
        );
        assert_eq!(ids(store.decisions(Some(q), None).unwrap()), [other]);
        assert_eq!(ids(store.decisions(None, Some(m1)).unwrap()), [early]);
        assert_eq!(ids(store.decisions(Some(p), Some(m2)).unwrap()), [late]);
        assert_eq!(
            ids(store.decisions(Some(q), Some(m1)).unwrap()),
            Vec::<i64>::new()
        );
        assert_eq!(
            ids(store.decisions(None, None).unwrap()),
            [other, same_day, late, early]
        );

        let d = &store.decisions(None, Some(m2)).unwrap()[0];
        assert_eq!(d.project_id, p);
        assert_eq!(d.project_code, "LULE-25");
        assert_eq!(d.meeting_title.as_deref(), Some("Projektmöte"));
        assert_eq!(d.text, "Sent beslut");
        assert_eq!(d.rationale, "Alla leverantörer ska få samma information.");
        assert_eq!(d.decided_by, "Styrgruppen");
        assert_eq!(d.decided_on, date(2026, 11, 20));
        assert_eq!(d.created_at, "2026-11-26T12:00:00Z");
        let d = store.decisions(Some(p), None).unwrap();
        assert_eq!((d[0].meeting_id, d[0].meeting_title.clone()), (None, None));
    });
}

#[test]
fn a_decision_is_validated_and_can_be_edited() {
    on_both_stores(|store| {
        let (p, m) = setting(store);
        let today = clock().today();
        let input = DecisionInput::validate(
            "  Funktionskrav i stället för kamera  ",
            " Stänger inte ute nya lösningar ",
            " Åsa Lindqvist ",
            "",
            today,
        )
        .unwrap();
        assert_eq!(input.text, "Funktionskrav i stället för kamera");
        assert_eq!(input.decided_by, "Åsa Lindqvist");
        assert_eq!(input.decided_on, today, "no date: decided today");
        let errors = DecisionInput::validate(" ", "", "", "2026-13-45", today).unwrap_err();
        assert!(errors.get("text").is_some() && errors.get("decided_on").is_some());

        let id = store.create_decision(p, Some(m), &input).unwrap();
        store.set_clock(clock_at(27, 9, 0));
        let edited = DecisionInput::validate(
            "Funktionskrav för tillsyn",
            "RFI-svaren",
            "Styrgruppen",
            "2026-11-25",
            today,
        )
        .unwrap();
        store.update_decision(id, &edited).unwrap();
        let d = &store.decisions(None, Some(m)).unwrap()[0];
        assert_eq!(d.text, "Funktionskrav för tillsyn");
        assert_eq!(d.rationale, "RFI-svaren");
        assert_eq!(d.decided_on, date(2026, 11, 25));
        assert_eq!(d.created_at, "2026-11-26T12:00:00Z");
        assert_eq!(d.updated_at, "2026-11-27T09:00:00Z");
        assert!(matches!(
            store.update_decision(9999, &edited),
            Err(StoreError::NotFound)
        ));
        // The schema refuses an empty decision even past validation.
        assert!(
            store
                .create_decision(p, None, &decision("   ", today))
                .is_err()
        );
    });
}

// ---------------------------------------------------------------------------------------
// Action items
// ---------------------------------------------------------------------------------------

#[test]
fn actions_filter_by_project_meeting_owner_and_closed() {
    on_both_stores(|store| {
        let p = project(store, "LULE-25");
        let q = project(store, "RVB-26");
        let m = meeting(store, p, "Projektmöte");
        let n = meeting(store, q, "Uppstartsmöte");
        let d = |day| Some(date(2026, 11, day));

        store
            .create_action(
                p,
                Some(m),
                &action("P1 Åsa", "Åsa Lindqvist", d(27), ActionStatus::Open),
            )
            .unwrap();
        store
            .create_action(
                p,
                None,
                &action(
                    "P2 Jörgen",
                    "Jörgen Nilsson",
                    d(28),
                    ActionStatus::InProgress,
                ),
            )
            .unwrap();
        store
            .create_action(
                p,
                Some(m),
                &action("P3 Åsa klar", "Åsa Lindqvist", d(20), ActionStatus::Done),
            )
            .unwrap();
        store
            .create_action(
                q,
                Some(n),
                &action("Q1 Märta", "Märta Öhman", d(30), ActionStatus::Open),
            )
            .unwrap();
        store
            .create_action(
                q,
                None,
                &action(
                    "Q2 Åsa struken",
                    "Åsa Lindqvist",
                    d(21),
                    ActionStatus::Cancelled,
                ),
            )
            .unwrap();

        let titles = |store: &Store, f: ActionFilter| {
            action_titles(&store.actions(&f).unwrap())
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            titles(store, ActionFilter::default()),
            ["P1 Åsa", "P2 Jörgen", "Q1 Märta"]
        );
        assert_eq!(
            titles(store, all_actions()),
            [
                "P3 Åsa klar",
                "Q2 Åsa struken",
                "P1 Åsa",
                "P2 Jörgen",
                "Q1 Märta"
            ]
        );
        let project_p = ActionFilter {
            project_id: Some(p),
            ..Default::default()
        };
        assert_eq!(titles(store, project_p.clone()), ["P1 Åsa", "P2 Jörgen"]);
        assert_eq!(
            titles(
                store,
                ActionFilter {
                    include_closed: true,
                    ..project_p
                }
            ),
            ["P3 Åsa klar", "P1 Åsa", "P2 Jörgen"]
        );
        assert_eq!(
            titles(
                store,
                ActionFilter {
                    meeting_id: Some(m),
                    include_closed: true,
                    ..Default::default()
                }
            ),
            ["P3 Åsa klar", "P1 Åsa"]
        );
        let asa = ActionFilter {
            owner: Some("Åsa Lindqvist".into()),
            ..Default::default()
        };
        assert_eq!(titles(store, asa.clone()), ["P1 Åsa"]);
        assert_eq!(
            titles(
                store,
                ActionFilter {
                    include_closed: true,
                    ..asa.clone()
                }
            ),
            ["P3 Åsa klar", "Q2 Åsa struken", "P1 Åsa"]
        );
        assert_eq!(
            titles(
                store,
                ActionFilter {
                    project_id: Some(q),
                    ..asa
                }
            ),
            Vec::<String>::new()
        );
        // The owner is matched exactly, not as a prefix.
        assert_eq!(
            titles(
                store,
                ActionFilter {
                    owner: Some("Åsa".into()),
                    include_closed: true,
                    ..Default::default()
                }
            ),
            Vec::<String>::new()
        );

        let a = &store
            .actions(&ActionFilter {
                meeting_id: Some(n),
                ..Default::default()
            })
            .unwrap()[0];
        assert_eq!(a.project_code, "RVB-26");
        assert_eq!(a.meeting_title.as_deref(), Some("Uppstartsmöte"));
        assert_eq!(a.owner, "Märta Öhman");
        assert_eq!(a.due_date, d(30));
        assert_eq!(a.created_at, "2026-11-26T12:00:00Z");
    });
}

#[test]
fn actions_come_by_due_date_with_undated_ones_last() {
    on_both_stores(|store| {
        let (p, _) = setting(store);
        let d = |m, day| Some(date(2026, m, day));
        for (title, due) in [
            ("utan datum 1", None),
            ("december", d(12, 1)),
            ("oktober", d(10, 30)),
            ("utan datum 2", None),
            ("november A", d(11, 26)),
            ("november B", d(11, 26)),
            ("nästa år", Some(date(2027, 1, 4))),
        ] {
            store
                .create_action(p, None, &open_action(title, due))
                .unwrap();
        }
        assert_eq!(
            action_titles(&store.actions(&ActionFilter::default()).unwrap()),
            [
                "oktober",
                "november A",
                "november B",
                "december",
                "nästa år",
                "utan datum 1",
                "utan datum 2"
            ]
        );
    });
}

#[test]
fn toggling_done_stamps_the_clocks_today_and_reopening_clears_it() {
    on_both_stores(|store| {
        let (p, m) = setting(store);
        let id = store
            .create_action(
                p,
                Some(m),
                &open_action("Skicka inbjudan", Some(date(2026, 11, 30))),
            )
            .unwrap();
        assert_eq!(store.action(id).unwrap().done_date, None);

        // 00:30 in Stockholm on the 27th is still the 26th in UTC: the user's day counts.
        store.set_clock(Clock::FixedIn(utc(2026, 11, 26, 23, 30), Stockholm));
        assert_eq!(store.toggle_action_done(id).unwrap(), ActionStatus::Done);
        let a = store.action(id).unwrap();
        assert_eq!(a.status, ActionStatus::Done);
        assert_eq!(a.done_date, Some(date(2026, 11, 27)));
        assert_eq!(a.updated_at, "2026-11-26T23:30:00Z");
        assert_eq!(a.title, "Skicka inbjudan");
        assert_eq!(a.due_date, Some(date(2026, 11, 30)));
        assert_eq!(a.meeting_id, Some(m));

        store.set_clock(clock_at(28, 9, 0));
        assert_eq!(store.toggle_action_done(id).unwrap(), ActionStatus::Open);
        let a = store.action(id).unwrap();
        assert_eq!((a.status, a.done_date), (ActionStatus::Open, None));

        // An action in progress is ticked done too, and ticking again reopens it.
        let busy = store
            .create_action(
                p,
                None,
                &action("Kostnadskalkyl", "", None, ActionStatus::InProgress),
            )
            .unwrap();
        assert_eq!(store.toggle_action_done(busy).unwrap(), ActionStatus::Done);
        assert_eq!(
            store.action(busy).unwrap().done_date,
            Some(date(2026, 11, 28))
        );
        assert!(matches!(
            store.toggle_action_done(9999),
            Err(StoreError::NotFound)
        ));
    });
}

#[test]
fn an_action_created_done_is_stamped_today_and_editing_keeps_the_done_date() {
    on_both_stores(|store| {
        let (p, _) = setting(store);
        let done = action("Boka lokal", "Märta Öhman", None, ActionStatus::Done);
        let id = store.create_action(p, None, &done).unwrap();
        assert_eq!(
            store.action(id).unwrap().done_date,
            Some(date(2026, 11, 26))
        );
        let open = store
            .create_action(p, None, &open_action("Ringa Anders", None))
            .unwrap();
        assert_eq!(store.action(open).unwrap().done_date, None);

        // Editing a done action (a typo in the title) days later keeps its date.
        store.set_clock(clock_at(30, 8, 0));
        let edited = action(
            "Boka lokal i Lycksele",
            "Märta Öhman",
            None,
            ActionStatus::Done,
        );
        store.update_action(id, &edited).unwrap();
        let a = store.action(id).unwrap();
        assert_eq!(a.title, "Boka lokal i Lycksele");
        assert_eq!(a.done_date, Some(date(2026, 11, 26)));
        assert_eq!(a.updated_at, "2026-11-30T08:00:00Z");

        // Leaving done clears the date; becoming done again stamps the new day.
        store
            .update_action(
                id,
                &action("Boka lokal i Lycksele", "", None, ActionStatus::Cancelled),
            )
            .unwrap();
        let a = store.action(id).unwrap();
        assert_eq!((a.status, a.done_date), (ActionStatus::Cancelled, None));
        store.update_action(id, &edited).unwrap();
        assert_eq!(
            store.action(id).unwrap().done_date,
            Some(date(2026, 11, 30))
        );

        assert!(matches!(
            store.update_action(9999, &edited),
            Err(StoreError::NotFound)
        ));
        assert!(
            store
                .create_action(p, None, &open_action("  ", None))
                .is_err(),
            "the schema refuses an untitled action"
        );
    });
}

/// One action per bucket as of Thursday 26 November 2026 (the week ends Sunday the 29th).
fn bucket_rows(store: &mut Store, p: i64) {
    let d = |day| Some(date(2026, 11, day));
    for (title, due, status) in [
        ("försenad", d(23), ActionStatus::Open),
        ("försenad, påbörjad", d(25), ActionStatus::InProgress),
        ("i dag", d(26), ActionStatus::Open),
        ("fredag", d(27), ActionStatus::Open),
        ("söndag", d(29), ActionStatus::InProgress),
        ("måndag", d(30), ActionStatus::Open),
        ("utan datum", None, ActionStatus::Open),
        ("klar", d(20), ActionStatus::Done),
        ("struken", d(24), ActionStatus::Cancelled),
    ] {
        store
            .create_action(p, None, &action(title, "", due, status))
            .unwrap();
    }
}

fn buckets(store: &Store, today: NaiveDate) -> Vec<(String, ActionBucket)> {
    store
        .actions(&all_actions())
        .unwrap()
        .into_iter()
        .map(|a| {
            let b = a.bucket(today);
            (a.title, b)
        })
        .collect()
}

#[test]
fn stored_actions_fall_into_the_actions_screens_buckets() {
    use ActionBucket::*;
    on_both_stores(|store| {
        let (p, _) = setting(store);
        bucket_rows(store, p);
        let today = store.clock().today();
        assert_eq!(today.weekday(), Weekday::Thu);
        let mut got = buckets(store, today);
        got.sort_by_key(|(t, b)| (*b, t.clone()));
        let want: Vec<(String, ActionBucket)> = [
            ("försenad", Overdue),
            ("försenad, påbörjad", Overdue),
            ("i dag", Today),
            ("fredag", ThisWeek),
            ("söndag", ThisWeek),
            ("måndag", Later),
            ("utan datum", NoDueDate),
            ("klar", Closed),
            ("struken", Closed),
        ]
        .into_iter()
        .map(|(t, b)| (t.to_string(), b))
        .collect();
        assert_eq!(got, want);

        // Weeks start on Monday: on Sunday the 29th, Monday the 30th is later ...
        let got = buckets(store, date(2026, 11, 29));
        let of = |t: &str| got.iter().find(|(x, _)| x == t).unwrap().1;
        assert_eq!((of("söndag"), of("måndag")), (Today, Later));
        assert_eq!(of("fredag"), Overdue);
        // ... and on Monday the 30th, the coming Sunday is this week.
        let monday = date(2026, 11, 30);
        let id = store
            .create_action(
                p,
                None,
                &open_action("nästa söndag", Some(date(2026, 12, 6))),
            )
            .unwrap();
        assert_eq!(store.action(id).unwrap().bucket(monday), ThisWeek);
        assert_eq!(store.action(id).unwrap().bucket(date(2026, 11, 29)), Later);
        // Ticking an overdue action done moves it to closed.
        let late = store
            .actions(&ActionFilter::default())
            .unwrap()
            .into_iter()
            .find(|a| a.title == "försenad")
            .unwrap();
        store.toggle_action_done(late.id).unwrap();
        assert_eq!(store.action(late.id).unwrap().bucket(today), Closed);
    });
}

#[test]
fn action_owners_are_distinct_sorted_the_swedish_way_and_live() {
    on_both_stores(|store| {
        let (p, _) = setting(store);
        let mut ids = Vec::new();
        for owner in [
            "Östen Berg",
            "Åsa Lindqvist",
            "Anna Ek",
            "Ärla Sund",
            "Zorro Zetterlund",
            "",
            "Åsa Lindqvist",
            "Bo Ek",
        ] {
            let input = action("Något att göra", owner, None, ActionStatus::Open);
            ids.push(store.create_action(p, None, &input).unwrap());
        }
        // A done action's owner still counts (the filter can show closed ones).
        store
            .create_action(
                p,
                None,
                &action("Klar", "Cecilia Ahl", None, ActionStatus::Done),
            )
            .unwrap();
        assert_eq!(
            store.action_owners().unwrap(),
            [
                "Anna Ek",
                "Bo Ek",
                "Cecilia Ahl",
                "Zorro Zetterlund",
                "Åsa Lindqvist",
                "Ärla Sund",
                "Östen Berg"
            ]
        );
        // The owner of a trashed action only is no longer offered.
        store.trash(EntityKind::ActionItem, ids[7]).unwrap();
        assert!(
            !store
                .action_owners()
                .unwrap()
                .contains(&"Bo Ek".to_string())
        );
    });
}

#[test]
fn actions_of_trashed_projects_are_hidden_until_restored() {
    on_both_stores(|store| {
        let p = project(store, "LULE-25");
        let q = project(store, "RVB-26");
        let a = store
            .create_action(p, None, &open_action("Synlig", None))
            .unwrap();
        let b = store
            .create_action(q, None, &open_action("Dold", None))
            .unwrap();
        store.trash(EntityKind::Project, q).unwrap();

        let ids = |store: &Store, f: &ActionFilter| {
            store
                .actions(f)
                .unwrap()
                .into_iter()
                .map(|x| x.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(store, &all_actions()), [a]);
        assert_eq!(ids(store, &ActionFilter::default()), [a]);
        let only_q = ActionFilter {
            project_id: Some(q),
            include_closed: true,
            ..Default::default()
        };
        assert_eq!(ids(store, &only_q), Vec::<i64>::new());
        // The action itself is not trashed: it is found by id and comes back.
        assert_eq!(store.action(b).unwrap().title, "Dold");
        store.restore(EntityKind::Project, q).unwrap();
        assert_eq!(ids(store, &all_actions()), [a, b]);
    });
}

// ---------------------------------------------------------------------------------------
// Open questions
// ---------------------------------------------------------------------------------------

#[test]
fn questions_are_asked_answered_and_kept_in_the_order_asked() {
    on_both_stores(|store| {
        let (p, m) = setting(store);
        let other = meeting(store, p, "Annat möte");
        store.set_clock(clock_at(26, 10, 0));
        let first = store
            .create_question(m, "  Får leverantörer lämna gemensamt anbud?  ")
            .unwrap();
        store.set_clock(clock_at(26, 10, 5));
        let second = store
            .create_question(m, "Behövs en konsekvensbedömning?")
            .unwrap();
        store.create_question(other, "Annat möte?").unwrap();

        let qs = store.questions(m).unwrap();
        assert_eq!(qs.iter().map(|q| q.id).collect::<Vec<_>>(), [first, second]);
        assert_eq!(qs[0].text, "Får leverantörer lämna gemensamt anbud?");
        assert_eq!(qs[0].answer, "");
        assert_eq!(qs[0].meeting_id, m);
        assert_eq!(qs[0].uuid.len(), 36);
        assert_eq!(qs[0].created_at, "2026-11-26T10:00:00Z");

        store.set_clock(clock_at(27, 11, 0));
        store
            .answer_question(first, "  Ja, det beskrivs i förfrågningsunderlaget.  ")
            .unwrap();
        let qs = store.questions(m).unwrap();
        assert_eq!(qs[0].answer, "Ja, det beskrivs i förfrågningsunderlaget.");
        assert_eq!(qs[0].updated_at, "2026-11-27T11:00:00Z");
        assert_eq!(qs[0].created_at, "2026-11-26T10:00:00Z");
        assert_eq!(qs[1].answer, "");
        // An answer can be taken back.
        store.answer_question(first, "").unwrap();
        assert_eq!(store.questions(m).unwrap()[0].answer, "");

        assert!(matches!(
            store.answer_question(9999, "Nej"),
            Err(StoreError::NotFound)
        ));
        assert!(
            store.create_question(m, "   ").is_err(),
            "an empty question"
        );
        assert_eq!(store.questions(m).unwrap().len(), 2);
    });
}

// ---------------------------------------------------------------------------------------
// Notes status and the export log
// ---------------------------------------------------------------------------------------

#[test]
fn notes_status_is_set_with_dates_returned_in_workflow_order() {
    on_both_stores(|store| {
        let (_, m) = setting(store);
        assert_eq!(store.notes_status_dates(m).unwrap(), Vec::new());

        // Reached out of order (approved, then sent back to draft, then again): each
        // status keeps the last time it was reached and they come in workflow order.
        let steps = [
            (NotesStatus::Working, 26, 9),
            (NotesStatus::Draft, 26, 15),
            (NotesStatus::Approved, 27, 10),
            (NotesStatus::Draft, 27, 14),
            (NotesStatus::Approved, 28, 9),
            (NotesStatus::Sent, 28, 10),
        ];
        for (status, day, hour) in steps {
            store.set_clock(clock_at(day, hour, 0));
            store.set_notes_status(m, status).unwrap();
            assert_eq!(store.meeting(m).unwrap().notes_status, status);
        }
        assert_eq!(
            store.notes_status_dates(m).unwrap(),
            vec![
                (NotesStatus::Working, "2026-11-26T09:00:00Z".to_string()),
                (NotesStatus::Draft, "2026-11-27T14:00:00Z".to_string()),
                (NotesStatus::Approved, "2026-11-28T09:00:00Z".to_string()),
                (NotesStatus::Sent, "2026-11-28T10:00:00Z".to_string()),
            ]
        );
        assert_eq!(store.meeting(m).unwrap().updated_at, "2026-11-28T10:00:00Z");

        // Another meeting's history is its own; an unknown meeting records nothing.
        let p2 = project(store, "RVB-26");
        let other = meeting(store, p2, "Annat möte");
        assert_eq!(store.notes_status_dates(other).unwrap(), Vec::new());
        let before = count(store, "SELECT count(*) FROM notes_status_changes");
        assert!(matches!(
            store.set_notes_status(9999, NotesStatus::Sent),
            Err(StoreError::NotFound)
        ));
        assert_eq!(
            count(store, "SELECT count(*) FROM notes_status_changes"),
            before
        );
    });
}

#[test]
fn exports_are_logged_and_listed_newest_first() {
    on_both_stores(|store| {
        let (p, m) = setting(store);
        let other = meeting(store, p, "Annat möte");
        assert_eq!(store.exports(m).unwrap(), Vec::new());
        let first = export("md", Audience::Internal, "2026-11-26T09:00:00Z");
        let second = export("html", Audience::Shared, "2026-11-27T10:00:00Z");
        let third = export("txt", Audience::Shared, "2026-11-27T10:00:00Z");
        store.log_export(m, &first).unwrap();
        store.log_export(m, &second).unwrap();
        // Same second: the later one is listed first.
        store.log_export(m, &third).unwrap();
        store
            .log_export(
                other,
                &export("md", Audience::Shared, "2026-11-28T08:00:00Z"),
            )
            .unwrap();
        assert_eq!(store.exports(m).unwrap(), vec![third, second, first]);
        assert_eq!(store.exports(other).unwrap().len(), 1);
        assert!(
            store
                .log_export(
                    9999,
                    &export("md", Audience::Shared, "2026-11-28T08:00:00Z")
                )
                .is_err(),
            "an export belongs to a meeting"
        );
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

#[test]
fn demo_notes_decisions_actions_and_questions_load_once() {
    let mut store = memory_store();
    let today = clock().today();
    let first = demo::load(&mut store, today).unwrap();
    assert!(first.notes >= 20, "{first:?}");
    assert!(first.decisions >= 5, "{first:?}");
    assert!(first.actions >= 15, "{first:?}");
    assert!(first.questions >= 2, "{first:?}");
    for (table, n) in [
        ("notes", first.notes),
        ("decisions", first.decisions),
        ("action_items", first.actions),
        ("questions", first.questions),
    ] {
        assert_eq!(
            count(&store, &format!("SELECT count(*) FROM {table}")) as usize,
            n,
            "{table}"
        );
    }
    let histories = count(&store, "SELECT count(*) FROM notes_status_changes");
    let exports = count(&store, "SELECT count(*) FROM exports");
    assert!(histories > 0 && exports > 0);
    assert!(store.check().unwrap().is_empty());

    let second = demo::load(&mut store, today).unwrap();
    assert_eq!(second, DemoSummary::default());
    assert_eq!(
        count(&store, "SELECT count(*) FROM notes") as usize,
        first.notes
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM action_items") as usize,
        first.actions
    );
    assert_eq!(
        count(&store, "SELECT count(*) FROM notes_status_changes"),
        histories
    );
    assert_eq!(count(&store, "SELECT count(*) FROM exports"), exports);
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn demo_has_notes_with_every_label_per_block_and_in_markdown() {
    let store = demo_store();
    let meetings = store.all_meetings(None).unwrap();
    let mut notes = Vec::new();
    for m in &meetings {
        for n in store.notes(m.id).unwrap() {
            notes.push((m.clone(), n));
        }
    }
    for c in Confidentiality::ALL {
        assert!(
            notes.iter().any(|(_, n)| n.confidentiality == *c),
            "no demo note is {c:?}"
        );
    }
    // Supplier-confidential notes come only from meetings with suppliers.
    for (m, n) in &notes {
        if n.confidentiality == Confidentiality::SupplierConfidential {
            assert!(
                is_supplier_facing(m, &store.attendance(m.id).unwrap()),
                "{}",
                m.title
            );
        }
    }
    // Some on the meeting as a whole, some on agenda blocks of their own meeting.
    assert!(notes.iter().any(|(_, n)| n.agenda_item_id.is_none()));
    let on_blocks: Vec<_> = notes
        .iter()
        .filter_map(|(m, n)| n.agenda_item_id.map(|b| (m.id, b)))
        .collect();
    assert!(on_blocks.len() >= 10, "{}", on_blocks.len());
    for (m, b) in on_blocks {
        assert!(store.agenda(m).unwrap().iter().any(|a| a.id == b));
    }
    // Markdown: lists and bold.
    assert!(notes.iter().any(|(_, n)| n.body.contains("\n- ")));
    assert!(notes.iter().any(|(_, n)| n.body.contains("\n1. ")));
    assert!(notes.iter().any(|(_, n)| n.body.contains("**")));
    assert!(notes.iter().all(|(_, n)| !n.body.trim().is_empty()));
    assert!(notes.iter().any(|(_, n)| n.body.contains('ö')));

    // Every held meeting has notes; a planned one has a working draft.
    for m in &meetings {
        if m.status == MeetingStatus::Held {
            assert!(!store.notes(m.id).unwrap().is_empty(), "{}", m.title);
            assert_ne!(m.notes_status, NotesStatus::None, "{}", m.title);
        }
    }
    assert!(meetings.iter().any(|m| m.status == MeetingStatus::Planned
        && m.notes_status == NotesStatus::Working
        && !store.notes(m.id).unwrap().is_empty()));
    // Nothing is written in the future.
    let now = clock().timestamp();
    assert!(notes.iter().all(|(_, n)| n.created_at <= now));
}

#[test]
fn demo_has_actions_in_every_bucket_decisions_and_questions() {
    use ActionBucket::*;
    let store = demo_store();
    let today = clock().today();
    let actions = store.actions(&all_actions()).unwrap();
    for b in ActionBucket::ALL {
        assert!(
            actions.iter().any(|a| a.bucket(today) == b),
            "no demo action is {b:?}"
        );
    }
    let done: Vec<&ActionItem> = actions
        .iter()
        .filter(|a| a.status == ActionStatus::Done)
        .collect();
    assert!(done.len() >= 2);
    for a in &done {
        let on = a.done_date.expect("a done action has a done date");
        assert!(on <= today, "{}", a.title);
        assert!(a.created_at.as_str() <= a.updated_at.as_str());
    }
    assert!(
        actions
            .iter()
            .filter(|a| a.bucket(today) == Overdue)
            .count()
            >= 2
    );
    assert!(
        actions
            .iter()
            .filter(|a| a.status != ActionStatus::Done)
            .all(|a| a.done_date.is_none())
    );
    // Across projects, from meetings and outside them, with several owners.
    let projects: std::collections::BTreeSet<&str> =
        actions.iter().map(|a| a.project_code.as_str()).collect();
    assert!(projects.len() >= 4, "{projects:?}");
    assert!(actions.iter().any(|a| a.meeting_id.is_some()));
    assert!(actions.iter().any(|a| a.meeting_id.is_none()));
    assert!(store.action_owners().unwrap().len() >= 4);

    // Decisions on several meetings of several projects, dated in the past.
    let decisions = store.decisions(None, None).unwrap();
    let meetings: std::collections::BTreeSet<i64> =
        decisions.iter().filter_map(|d| d.meeting_id).collect();
    assert!(meetings.len() >= 3, "{meetings:?}");
    assert!(
        decisions
            .iter()
            .all(|d| d.decided_on <= today && !d.rationale.is_empty() && !d.decided_by.is_empty())
    );

    // Open questions, one of them answered.
    let questions: Vec<Question> = store
        .all_meetings(None)
        .unwrap()
        .iter()
        .flat_map(|m| store.questions(m.id).unwrap())
        .collect();
    assert!(questions.len() >= 2);
    assert!(questions.iter().any(|q| !q.answer.is_empty()));
    assert!(questions.iter().any(|q| q.answer.is_empty()));
}

#[test]
fn demo_notes_status_histories_and_exports_are_dated_in_order() {
    let store = demo_store();
    let now = clock().timestamp();
    let mut sent = 0;
    for m in store.all_meetings(None).unwrap() {
        let dates = store.notes_status_dates(m.id).unwrap();
        if m.status == MeetingStatus::Held {
            assert!(!dates.is_empty(), "{}", m.title);
        }
        if let Some((last, _)) = dates.last() {
            assert_eq!(*last, m.notes_status, "{}", m.title);
        }
        assert!(
            dates.windows(2).all(|w| w[0].1 < w[1].1),
            "{}: {dates:?}",
            m.title
        );
        assert!(dates.iter().all(|(_, t)| *t <= now));
        if m.notes_status == NotesStatus::Sent {
            sent += 1;
            assert_eq!(dates.len(), 4, "{}", m.title);
            let exports = store.exports(m.id).unwrap();
            assert!(!exports.is_empty(), "{}", m.title);
            assert!(exports.iter().any(|e| e.audience == "shared"));
            assert!(exports.iter().all(|e| e.exported_at <= now));
        }
    }
    assert!(sent >= 1);
}

#[test]
fn demo_actions_cover_the_week_whatever_the_day() {
    use ActionBucket::*;
    for offset in 0..7 {
        let today = date(2026, 11, 23) + Duration::days(offset);
        let mut store = Store::open_in_memory(Clock::FixedIn(
            today.and_hms_opt(7, 0, 0).unwrap().and_utc(),
            Stockholm,
        ))
        .unwrap();
        demo::load(&mut store, today).unwrap();
        let actions = store.actions(&all_actions()).unwrap();
        let has = |b| actions.iter().any(|a| a.bucket(today) == b);
        for b in [Overdue, Today, Later, NoDueDate, Closed] {
            assert!(has(b), "{today}: no {b:?}");
        }
        // On a Sunday nothing of the week is left after today.
        assert_eq!(has(ThisWeek), today.weekday() != Weekday::Sun, "{today}");
        let now = store.clock().timestamp();
        for a in &actions {
            assert!(
                a.created_at <= now && a.updated_at <= now,
                "{today}: {}",
                a.title
            );
            if let Some(done) = a.done_date {
                assert!(done <= today, "{today}: {}", a.title);
            }
        }
        assert!(store.check().unwrap().is_empty());
    }
}

#[test]
fn demo_reloads_a_purged_note_and_leaves_the_users_notes_status_alone() {
    let mut store = demo_store();
    let today = clock().today();
    let meetings = store.all_meetings(None).unwrap();
    let held = meetings
        .iter()
        .find(|m| m.notes_status == NotesStatus::Draft)
        .unwrap();
    let victim = store.notes(held.id).unwrap()[0].clone();
    store.trash(EntityKind::Note, victim.id).unwrap();
    store.purge(EntityKind::Note, victim.id).unwrap();
    store
        .set_notes_status(held.id, NotesStatus::Approved)
        .unwrap();
    let history = store.notes_status_dates(held.id).unwrap();

    let again = demo::load(&mut store, today).unwrap();
    assert_eq!(
        again,
        DemoSummary {
            notes: 1,
            ..DemoSummary::default()
        }
    );
    let back = store
        .notes(held.id)
        .unwrap()
        .into_iter()
        .find(|n| n.uuid == victim.uuid)
        .unwrap();
    assert_eq!(back.body, victim.body);
    assert_eq!(back.created_at, victim.created_at);
    assert_eq!(
        store.meeting(held.id).unwrap().notes_status,
        NotesStatus::Approved
    );
    assert_eq!(store.notes_status_dates(held.id).unwrap(), history);
}

#[test]
fn empty_notes_can_be_purged_and_written_ones_stay() {
    let mut store = common::store::memory_store();
    let p = common::store::project(&mut store, "TOM-1");
    let start = common::utc(2026, 12, 3, 9, 0);
    let m = store
        .create_meeting(
            p,
            &common::store::meeting_input("Möte", start, start + chrono::Duration::hours(1)),
        )
        .unwrap();
    let a = store
        .create_note(m, None, "", tidig::domain::Confidentiality::Internal)
        .unwrap();
    let b = store
        .create_note(m, None, "  \n ", tidig::domain::Confidentiality::Internal)
        .unwrap();
    // This process's own empty notes (see tests/two_windows_store.rs for the others).
    let own = [store.note(a).unwrap().uuid, store.note(b).unwrap().uuid];
    let kept = store
        .create_note(
            m,
            None,
            "Åtgärd: boka lokal",
            tidig::domain::Confidentiality::Shareable,
        )
        .unwrap();
    assert_eq!(store.purge_empty_notes(m, &own).unwrap(), 2);
    let ids: Vec<i64> = store.notes(m).unwrap().iter().map(|n| n.id).collect();
    assert_eq!(ids, [kept]);
}

/// What `$EDITOR`'s return relies on (issue 9): a note is found by its UUID while it
/// lives, is seen as trashed once trashed, and is not found at all once purged, even
/// after a new note is written (row ids are never handed out again).
#[test]
fn a_note_by_uuid_after_trash_and_purge() {
    let mut store = memory_store();
    let id = common::store::workshop_with_note(&mut store, "Text.");
    let note = store.note(id).unwrap();
    let (found, version) = store.note_by_uuid(&note.uuid).unwrap().unwrap();
    assert_eq!((found.id, version), (id, 1));
    store.trash(EntityKind::Note, id).unwrap();
    assert!(store.is_trashed(EntityKind::Note, id).unwrap());
    assert!(store.note_by_uuid(&note.uuid).unwrap().is_some());
    store.purge(EntityKind::Note, id).unwrap();
    assert!(store.note_by_uuid(&note.uuid).unwrap().is_none());
    let fresh = store
        .create_note(note.meeting_id, None, "Ny.", Confidentiality::Internal)
        .unwrap();
    assert!(fresh > id);
    assert!(store.note_by_uuid(&note.uuid).unwrap().is_none());
}
