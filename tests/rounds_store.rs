//! Store tests for dialogue rounds (issue 13): rounds, their ordered questions, the
//! suppliers taking part with stable letters, answers with labels, the matrix with its
//! "not asked" warnings, trash and search — on in-memory and temporary-file stores.

mod common;

use tidig::domain::*;
use tidig::store::{MAX_ROUND_QUESTIONS, Store, StoreError};

use common::store::{count, on_both_stores, project};

fn supplier(store: &mut Store, name: &str) -> i64 {
    store
        .create_organisation(&OrganisationInput {
            name: name.into(),
            kind: OrgKind::Supplier,
        })
        .unwrap()
}

fn round(store: &mut Store, project_id: i64, title: &str) -> i64 {
    store
        .create_round(
            project_id,
            &RoundInput {
                kind: RoundKind::OneToOne,
                title: title.into(),
                purpose: "Hur ser marknaden ut?".into(),
            },
        )
        .unwrap()
}

#[test]
fn a_round_keeps_its_questions_in_order_and_its_suppliers_letters() {
    on_both_stores(|store| {
        let p = project(store, "RND-1");
        let r = round(store, p, "Enskilda dialoger");
        let q1 = store
            .add_round_question(r, "  Vilka lösningar finns?  ")
            .unwrap();
        let q2 = store.add_round_question(r, "Hur prissätts de?").unwrap();
        let q3 = store.add_round_question(r, "Vilka risker ser ni?").unwrap();
        let texts: Vec<String> = store
            .round_questions(r)
            .unwrap()
            .into_iter()
            .map(|q| format!("{} {}", q.position, q.text))
            .collect();
        assert_eq!(
            texts,
            [
                "1 Vilka lösningar finns?",
                "2 Hur prissätts de?",
                "3 Vilka risker ser ni?"
            ]
        );
        // A question taken out leaves the others numbered 1, 2.
        store.remove_round_question(q2).unwrap();
        let ids: Vec<(i64, i64)> = store
            .round_questions(r)
            .unwrap()
            .iter()
            .map(|q| (q.id, q.position))
            .collect();
        assert_eq!(ids, [(q1, 1), (q3, 2)]);

        let a = supplier(store, "Alfa AB");
        let b = supplier(store, "Beta AB");
        let c = supplier(store, "Gamma AB");
        assert_eq!(store.add_round_supplier(r, a).unwrap(), 1);
        assert_eq!(store.add_round_supplier(r, b).unwrap(), 2);
        assert_eq!(store.add_round_supplier(r, b).unwrap(), 2, "joining twice");
        assert_eq!(store.add_round_supplier(r, c).unwrap(), 3);
        store.remove_round_supplier(r, b).unwrap();
        let letters: Vec<String> = store
            .round_suppliers(r)
            .unwrap()
            .iter()
            .map(|s| format!("{} {}", s.letter(), s.name))
            .collect();
        assert_eq!(letters, ["A Alfa AB", "C Gamma AB"], "letters stay put");

        let listed = store.rounds(Some(p), 0).unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].project_code, "RND-1");
        assert_eq!(listed[0].kind, RoundKind::OneToOne);
        assert!(!listed[0].uuid.is_empty());
        assert_eq!(store.round_by_uuid(&listed[0].uuid).unwrap().unwrap().id, r);
    });
}

#[test]
fn answers_are_recorded_labelled_and_appended_and_the_matrix_warns() {
    on_both_stores(|store| {
        let p = project(store, "RND-2");
        let r = round(store, p, "RFI");
        let q1 = store.add_round_question(r, "Fråga ett").unwrap();
        let q2 = store.add_round_question(r, "Fråga två").unwrap();
        let a = supplier(store, "Alfa AB");
        let b = supplier(store, "Beta AB");
        store.add_round_supplier(r, a).unwrap();
        store.add_round_supplier(r, b).unwrap();

        store
            .record_answer(q1, a, None, "Ja, det går.", Confidentiality::Shareable)
            .unwrap();
        store.mark_asked(q1, b, None).unwrap();
        store
            .append_to_answer(q2, a, None, "Första raden", Confidentiality::Internal)
            .unwrap();
        store
            .append_to_answer(q2, a, None, "Andra raden", Confidentiality::Internal)
            .unwrap();
        let answer = store.answer(q2, a).unwrap().unwrap();
        assert_eq!(answer.body, "Första raden\nAndra raden");
        assert_eq!(answer.confidentiality, Confidentiality::Internal);
        // Marking an answered question asked again keeps the answer.
        store.mark_asked(q1, a, None).unwrap();
        assert_eq!(store.answer(q1, a).unwrap().unwrap().body, "Ja, det går.");

        let m = store.round_matrix(r, 0, 10).unwrap();
        assert_eq!(m.cells[0][1], Cell::Missing);
        assert_eq!(m.cells[1][1], Cell::NotAsked);
        assert_eq!(m.missing(), 1);
        assert_eq!(
            m.not_asked(),
            [NotAsked {
                question_position: 2,
                supplier: "Beta AB".into()
            }]
        );
        // A page of the matrix: the second question only.
        let page = store.round_matrix(r, 1, 1).unwrap();
        assert_eq!(page.questions.len(), 1);
        assert_eq!(page.questions[0].position, 2);

        // An organisation outside the round cannot answer.
        let outsider = supplier(store, "Delta AB");
        assert!(matches!(
            store.record_answer(q1, outsider, None, "x", Confidentiality::Shareable),
            Err(StoreError::Conflict(_, FieldError::NotInRound))
        ));
        assert_eq!(
            count(store, "SELECT count(*) FROM round_answers"),
            3,
            "nothing half-saved"
        );
    });
}

#[test]
fn bad_input_is_refused_and_the_question_set_has_a_limit() {
    on_both_stores(|store| {
        let p = project(store, "RND-3");
        let r = round(store, p, "Granskning");
        assert!(matches!(
            store.add_round_question(r, "   "),
            Err(StoreError::Conflict("text", FieldError::Required))
        ));
        for i in 0..MAX_ROUND_QUESTIONS {
            store.add_round_question(r, &format!("Fråga {i}")).unwrap();
        }
        assert!(matches!(
            store.add_round_question(r, "En till"),
            Err(StoreError::Conflict("text", FieldError::TooMany { .. }))
        ));
        assert!(
            RoundInput {
                kind: RoundKind::Rfi,
                title: "  ".into(),
                purpose: String::new()
            }
            .validated()
            .is_err()
        );
    });
}

#[test]
fn rounds_go_to_the_trash_and_are_searched_with_their_questions() {
    on_both_stores(|store| {
        let p = project(store, "RND-4");
        let r = round(store, p, "Marknadsdialog");
        store
            .add_round_question(r, "Hur hanterar ni dataportabilitet?")
            .unwrap();
        let hits = store.search("dataportabilitet", 5).unwrap();
        let found: Vec<EntityRef> = hits
            .groups
            .iter()
            .flat_map(|g| g.hits.iter().map(|h| h.item))
            .collect();
        assert!(
            found.contains(&EntityRef::new(EntityKind::Round, r)),
            "{found:?}"
        );

        store.trash(EntityKind::Round, r).unwrap();
        assert!(store.rounds(Some(p), 0).unwrap().is_empty());
        assert!(
            store
                .list_trash()
                .unwrap()
                .iter()
                .any(|t| t.kind == EntityKind::Round && t.label == "Marknadsdialog (RND-4)")
        );
        let hits = store.search("dataportabilitet", 5).unwrap();
        assert!(hits.groups.iter().all(|g| g.hits.is_empty()));

        store.restore(EntityKind::Round, r).unwrap();
        assert_eq!(store.rounds(Some(p), 0).unwrap().len(), 1);
        // A project in the trash hides its rounds.
        store.trash(EntityKind::Project, p).unwrap();
        assert!(store.rounds(None, 0).unwrap().is_empty());
        store.restore(EntityKind::Project, p).unwrap();
        store.trash(EntityKind::Round, r).unwrap();
        store.purge(EntityKind::Round, r).unwrap();
        assert_eq!(count(store, "SELECT count(*) FROM round_questions"), 0);
    });
}

#[test]
fn a_meeting_belongs_to_a_round_and_a_supplier() {
    on_both_stores(|store| {
        let p = project(store, "RND-5");
        let r = round(store, p, "Enskilda");
        let a = supplier(store, "Alfa AB");
        store.add_round_supplier(r, a).unwrap();
        let input = common::store::meeting_input(
            "Dialog med Alfa",
            common::utc(2026, 12, 3, 9, 0),
            common::utc(2026, 12, 3, 10, 0),
        );
        let m = store.create_meeting(p, &input).unwrap();
        assert_eq!(store.meeting_round(m).unwrap(), None);
        store.set_round_meeting(r, a, Some(m)).unwrap();
        assert_eq!(store.meeting_round(m).unwrap(), Some((r, a)));
        store.trash(EntityKind::Round, r).unwrap();
        assert_eq!(store.meeting_round(m).unwrap(), None);
    });
}

#[test]
fn a_meeting_with_a_round_suppliers_staff_on_its_list_joins_that_round() {
    on_both_stores(|store| {
        let p = project(store, "RND-6");
        let r = round(store, p, "Enskilda");
        let a = supplier(store, "Alfa AB");
        store.add_round_supplier(r, a).unwrap();
        let person = store
            .create_person(&PersonInput {
                name: "Anna Alfa".into(),
                organisation_name: "Alfa AB".into(),
                title: String::new(),
                email: String::new(),
                phone: String::new(),
            })
            .unwrap();
        let input = common::store::meeting_input(
            "Dialog",
            common::utc(2026, 12, 3, 9, 0),
            common::utc(2026, 12, 3, 10, 0),
        );
        let m = store.create_meeting(p, &input).unwrap();
        let other = store.create_meeting(p, &input).unwrap();
        // Nobody of a round's supplier on the list: no round.
        assert_eq!(store.tie_meeting_to_round(other).unwrap(), None);
        store
            .add_attendance(m, person, AttendanceRole::Participant)
            .unwrap();
        assert_eq!(store.tie_meeting_to_round(m).unwrap(), Some((r, a)));
        assert_eq!(store.meeting_round(m).unwrap(), Some((r, a)));
        assert_eq!(store.round_suppliers(r).unwrap()[0].meeting_id, Some(m));
    });
}

/// Issue 13, part 3: merging two organisations that are both suppliers in one round
/// keeps one supplier row (the earlier letter), moves the other's answers onto it
/// where it had none, and joins both texts (under the stricter label) where both
/// answered; a round only one of them is in just moves.
#[test]
fn merging_two_suppliers_of_one_round_makes_them_one_supplier() {
    use Confidentiality::{Internal, Shareable, SupplierConfidential};
    on_both_stores(|store| {
        let p = project(store, "RND-9");
        let r = round(store, p, "Enskilda dialoger");
        let other = round(store, p, "Skriftlig RFI");
        let (q1, q2, q3, q4) = (
            store.add_round_question(r, "Fråga ett").unwrap(),
            store.add_round_question(r, "Fråga två").unwrap(),
            store.add_round_question(r, "Fråga tre").unwrap(),
            store.add_round_question(r, "Fråga fyra").unwrap(),
        );
        let first = supplier(store, "Alfa AB");
        let keep = supplier(store, "Beta Nordic AB");
        let dupe = supplier(store, "Beta Nordic");
        // Letters: A Alfa, B Beta Nordic (the duplicate, joined first), C Beta Nordic AB.
        store.add_round_supplier(r, first).unwrap();
        store.add_round_supplier(r, dupe).unwrap();
        store.add_round_supplier(r, keep).unwrap();
        store
            .record_answer(q1, dupe, None, "Radar i taket.", Shareable)
            .unwrap();
        store
            .record_answer(q1, keep, None, "Och en sängsensor.", Internal)
            .unwrap();
        store
            .record_answer(q2, dupe, None, "Två nät.", Shareable)
            .unwrap();
        store
            .record_answer(q3, keep, None, "I Sverige.", Shareable)
            .unwrap();
        store.mark_asked(q4, dupe, None).unwrap();
        store
            .record_answer(q4, keep, None, "Sex månader.", SupplierConfidential)
            .unwrap();
        store
            .record_answer(q1, first, None, "Kamera.", Shareable)
            .unwrap();
        // In the other round only the duplicate takes part.
        let oq = store.add_round_question(other, "Pris?").unwrap();
        store.add_round_supplier(other, dupe).unwrap();
        store
            .record_answer(oq, dupe, None, "Per brukare.", Internal)
            .unwrap();

        store.merge_organisations(dupe, keep).unwrap();

        let suppliers = store.round_suppliers(r).unwrap();
        let letters: Vec<(String, i64)> = suppliers
            .iter()
            .map(|s| (s.letter(), s.organisation_id))
            .collect();
        assert_eq!(letters, [("A".to_string(), first), ("B".to_string(), keep)]);
        let answer = |store: &Store, q| store.answer(q, keep).unwrap().unwrap();
        // Both answered: both texts, the earlier letter's first, the stricter label.
        let a1 = answer(store, q1);
        assert_eq!(a1.body, "Radar i taket.\nOch en sängsensor.");
        assert_eq!(a1.confidentiality, Internal);
        // Only the duplicate answered: moved.
        assert_eq!(answer(store, q2).body, "Två nät.");
        // Only the kept one answered: as it was.
        assert_eq!(answer(store, q3).body, "I Sverige.");
        // Asked of one, answered by the other: the answer, under its label.
        let a4 = answer(store, q4);
        assert_eq!(
            (a4.body.as_str(), a4.confidentiality),
            ("Sex månader.", SupplierConfidential)
        );
        assert_eq!(store.answer(q1, first).unwrap().unwrap().body, "Kamera.");
        // Nothing is left on the duplicate, and the other round just moved.
        assert_eq!(
            count(
                store,
                &format!("SELECT count(*) FROM round_answers WHERE organisation_id = {dupe}")
            ),
            0
        );
        let others = store.round_suppliers(other).unwrap();
        assert_eq!(
            (others[0].organisation_id, others[0].letter()),
            (keep, "A".into())
        );
        assert_eq!(
            store.answer(oq, keep).unwrap().unwrap().body,
            "Per brukare."
        );
        // The matrix reads as one supplier.
        let m = store.round_matrix(r, 0, 10).unwrap();
        assert_eq!(m.suppliers.len(), 2);
        assert_eq!(m.missing(), 0);
    });
}

/// The earlier letter is kept whichever of the two is kept in the directory.
#[test]
fn merging_keeps_the_earlier_letter_when_the_kept_organisation_joined_later() {
    on_both_stores(|store| {
        let p = project(store, "RND-10");
        let r = round(store, p, "Enskilda dialoger");
        let q = store.add_round_question(r, "Fråga").unwrap();
        let a = supplier(store, "Alfa AB");
        let b = supplier(store, "Alfa");
        store.add_round_supplier(r, a).unwrap();
        store.add_round_supplier(r, b).unwrap();
        store
            .record_answer(q, b, None, "Svar", Confidentiality::Shareable)
            .unwrap();
        // Keep b (letter B) and merge a (letter A) into it: b takes letter A.
        store.merge_organisations(a, b).unwrap();
        let s = store.round_suppliers(r).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!((s[0].organisation_id, s[0].letter()), (b, "A".into()));
        assert_eq!(store.answer(q, b).unwrap().unwrap().body, "Svar");
    });
}
