//! Store tests for issue 13's equal-treatment records: the information log, declared
//! interests and prior involvement, the registration of a meeting's documentation, and
//! the directory you can trust (names that match, merging, where an organisation is
//! used, its page).

mod common;

use tidig::domain::*;
use tidig::store::{Store, StoreError};

use common::store::{count, meeting_input, on_both_stores, project};
use common::{date, utc};

fn org(store: &mut Store, name: &str, kind: OrgKind) -> i64 {
    store
        .create_organisation(&OrganisationInput::validate(name, kind).unwrap())
        .unwrap()
}

fn person(store: &mut Store, name: &str, organisation: &str) -> i64 {
    let input = PersonInput::validate(name, organisation, "", "", "").unwrap();
    store.create_person(&input).unwrap()
}

fn meeting(store: &mut Store, project_id: i64, kind: MeetingType, title: &str) -> i64 {
    let input = MeetingInput {
        kind,
        status: MeetingStatus::Held,
        ..meeting_input(title, utc(2026, 11, 20, 9, 0), utc(2026, 11, 20, 11, 0))
    };
    store.create_meeting(project_id, &input).unwrap()
}

fn entry(title: &str, recipients: Vec<i64>, shared_on: &str) -> InformationInput {
    InformationInput::validate(&InformationDraft {
        channel: "mail".into(),
        given_on: "2026-11-10".into(),
        title: title.into(),
        recipients,
        shared_on: shared_on.into(),
        shared_channel: if shared_on.is_empty() {
            String::new()
        } else {
            "Upphandlingssidan".into()
        },
        ..InformationDraft::default()
    })
    .unwrap()
}

fn names(items: &[InformationItem]) -> Vec<&str> {
    items.iter().map(|i| i.title.as_str()).collect()
}

#[test]
fn the_log_keeps_recipients_and_knows_what_only_some_have() {
    on_both_stores(|store| {
        let p = project(store, "LOG-1");
        let a = org(store, "Norrsken Sensorteknik AB", OrgKind::Supplier);
        let b = org(store, "Vårdflöde Nordic AB", OrgKind::Supplier);
        let given = store
            .create_information(p, &entry("Volymer per år", vec![a], ""))
            .unwrap();
        store
            .create_information(p, &entry("Tidplan", vec![a, b], "2026-11-12"))
            .unwrap();

        let all = store.information_items(Some(p), false).unwrap();
        assert_eq!(names(&all), ["Tidplan", "Volymer per år"]);
        let some = store.information_items(Some(p), true).unwrap();
        assert_eq!(names(&some), ["Volymer per år"]);
        assert!(!some[0].everyone_has_it());
        assert_eq!(some[0].recipients.len(), 1);
        assert_eq!(some[0].recipients[0].name, "Norrsken Sensorteknik AB");

        // Published later: everyone has it, and the version moved on.
        let before = store.version(EntityKind::Information, given).unwrap();
        store
            .update_information(given, &entry("Volymer per år", vec![a, b], "2026-11-20"))
            .unwrap();
        assert!(store.version(EntityKind::Information, given).unwrap() > before);
        let item = store.information_item(given).unwrap();
        assert_eq!(item.shared_on, Some(date(2026, 11, 20)));
        assert_eq!(item.recipients.len(), 2);
        assert!(store.information_items(Some(p), true).unwrap().is_empty());

        // The trash hides an entry and brings it back.
        store.trash(EntityKind::Information, given).unwrap();
        assert_eq!(store.information_items(Some(p), false).unwrap().len(), 1);
        store.restore(EntityKind::Information, given).unwrap();
        assert_eq!(store.information_items(Some(p), false).unwrap().len(), 2);
    });
}

#[test]
fn a_bad_recipient_saves_nothing() {
    on_both_stores(|store| {
        let p = project(store, "LOG-2");
        let result = store.create_information(p, &entry("Volymer", vec![9999], ""));
        assert!(result.is_err());
        assert_eq!(count(store, "SELECT count(*) FROM information_items"), 0);
        assert_eq!(
            count(store, "SELECT count(*) FROM information_recipients"),
            0
        );
    });
}

#[test]
fn prior_involvement_warns_when_the_organisation_meets_as_a_supplier() {
    on_both_stores(|store| {
        let p = project(store, "JAV-1");
        let rise = org(store, "RISE", OrgKind::Research);
        let expert = person(store, "Karin Berg", "RISE");
        let steering = meeting(store, p, MeetingType::SteeringGroup, "Styrgrupp");
        store
            .add_attendance(steering, expert, AttendanceRole::Presenter)
            .unwrap();
        // A declaration by the person names the person's organisation.
        let declared = store
            .create_interest(
                p,
                &InterestInput::validate(
                    None,
                    Some(expert),
                    InterestKind::PriorInvolvement,
                    "Presenterade marknadsanalysen för styrgruppen",
                    "",
                    "2026-11-01",
                )
                .unwrap(),
            )
            .unwrap();
        assert_eq!(
            store.interest(declared).unwrap().organisation_id,
            Some(rise)
        );
        // A steering group is not a supplier contact: no warning yet.
        assert!(
            store
                .prior_involvement_warnings(Some(p))
                .unwrap()
                .is_empty()
        );

        let one_to_one = meeting(store, p, MeetingType::OneToOneDialogue, "Dialog RISE");
        assert!(
            store
                .prior_involvement_of(one_to_one, rise)
                .unwrap()
                .is_some()
        );
        store
            .add_attendance(one_to_one, expert, AttendanceRole::Participant)
            .unwrap();
        let warnings = store.prior_involvement_warnings(Some(p)).unwrap();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].organisation_id, rise);
        assert_eq!(warnings[0].meeting_id, one_to_one);
        assert!(!warnings[0].measures_recorded);

        let mut input = InterestInput::validate(
            Some(rise),
            Some(expert),
            InterestKind::PriorInvolvement,
            "Presenterade marknadsanalysen för styrgruppen",
            "Analysen publicerad för alla; svarstid förlängd",
            "2026-11-01",
        )
        .unwrap();
        store.update_interest(declared, &input).unwrap();
        assert!(store.prior_involvement_warnings(Some(p)).unwrap()[0].measures_recorded);

        input.kind = InterestKind::DeclaredInterest;
        store.update_interest(declared, &input).unwrap();
        assert!(store.prior_involvement_warnings(None).unwrap().is_empty());
    });
}

#[test]
fn registration_is_kept_apart_from_the_notes_status() {
    on_both_stores(|store| {
        let p = project(store, "REG-1");
        let m = meeting(store, p, MeetingType::OneToOneDialogue, "Dialog");
        assert_eq!(store.registration(m).unwrap(), None);
        let reg = Registration {
            document_number: "KS 2026/118-4".into(),
            registered_on: date(2026, 11, 23),
        };
        store.set_registration(m, Some(&reg)).unwrap();
        assert_eq!(store.registration(m).unwrap(), Some(reg.clone()));
        // Recording it ticks the checklist's registration point, and only that one.
        assert_eq!(
            store.meeting(m).unwrap().checklist,
            1 << CHECKLIST_POINT_REGISTERED
        );
        let fixed = Registration {
            document_number: "KS 2026/118-5".into(),
            ..reg
        };
        store.set_registration(m, Some(&fixed)).unwrap();
        assert_eq!(store.registration(m).unwrap(), Some(fixed));
        assert_eq!(store.meeting(m).unwrap().notes_status, NotesStatus::None);
        store.set_registration(m, None).unwrap();
        assert_eq!(store.registration(m).unwrap(), None);
        assert!(matches!(
            store.set_registration(9999, None),
            Err(StoreError::NotFound)
        ));
    });
}

#[test]
fn names_match_without_case_or_diacritics() {
    on_both_stores(|store| {
        let lulea = org(store, "Luleå Kommun", OrgKind::ContractingAuthority);
        let found = store.organisations_named("lulea  kommun", None).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, lulea);
        assert!(
            store
                .organisations_named("Lulea kommun", Some(lulea))
                .unwrap()
                .is_empty()
        );
        // A project for "Lulea kommun" gets the existing buyer, not a second one.
        let input = ProjectInput::validate(&ProjectDraft {
            code: "LUL-1",
            title: "Trygghetslarm",
            buyer_name: "Lulea kommun",
            ..Default::default()
        })
        .unwrap();
        let p = store.create_project(&input).unwrap();
        assert_eq!(store.project(p).unwrap().buyer_id, Some(lulea));
        person(store, "Åsa Öberg", "");
        assert_eq!(store.people_named("asa oberg", None).unwrap().len(), 1);
    });
}

/// Every (table, column) that references `target`, from the schema.
fn referencing(store: &Store, target: &str) -> Vec<(String, String)> {
    let mut stmt = store
        .connection()
        .prepare(
            "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
             WHERE m.type = 'table' AND f.\"table\" = ?1 ORDER BY 1, 2",
        )
        .unwrap();
    stmt.query_map([target], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn rows_naming(store: &Store, table: &str, column: &str, id: i64) -> i64 {
    count(
        store,
        &format!("SELECT count(*) FROM \"{table}\" WHERE \"{column}\" = {id}"),
    )
}

#[test]
fn merging_organisations_moves_every_reference() {
    on_both_stores(|store| {
        let kept = org(store, "Luleå kommun", OrgKind::ContractingAuthority);
        let dup = org(store, "Lulea Kommun", OrgKind::ContractingAuthority);
        // The duplicate is used everywhere an organisation can be.
        let p = project(store, "MRG-1");
        store
            .connection()
            .execute("UPDATE projects SET buyer_id = ?1 WHERE id = ?2", [dup, p])
            .unwrap();
        let worker = person(store, "Nils Nilsson", "");
        store
            .connection()
            .execute(
                "UPDATE people SET organisation_id = ?1 WHERE id = ?2",
                [dup, worker],
            )
            .unwrap();
        // An entry given to both: the merged entry names the kept one once.
        store
            .create_information(p, &entry("Underlag", vec![kept, dup], ""))
            .unwrap();
        store
            .create_interest(
                p,
                &InterestInput::validate(
                    Some(dup),
                    None,
                    InterestKind::DeclaredInterest,
                    "Delägare i ett bolag som kan lämna anbud",
                    "",
                    "",
                )
                .unwrap(),
            )
            .unwrap();
        // A dialogue round with the duplicate as a supplier that has answered.
        let round = store
            .create_round(
                p,
                &tidig::domain::RoundInput {
                    kind: tidig::domain::RoundKind::Rfi,
                    title: "Skriftlig förfrågan".into(),
                    purpose: String::new(),
                },
            )
            .unwrap();
        let question = store.add_round_question(round, "Hur ofta?").unwrap();
        store.add_round_supplier(round, dup).unwrap();
        store
            .record_answer(
                question,
                dup,
                None,
                "Varje natt",
                tidig::domain::Confidentiality::Shareable,
            )
            .unwrap();
        let tables = referencing(store, "organisations");
        assert!(tables.len() >= 4, "{tables:?}");
        for (table, column) in &tables {
            assert!(
                rows_naming(store, table, column, dup) > 0,
                "the test has no row of {table}.{column} naming the duplicate: add one"
            );
        }

        let merged = store.merge_organisations(dup, kept).unwrap();
        assert_eq!(merged.dropped, 1, "the recipient named twice");
        for (table, column) in &tables {
            assert_eq!(
                rows_naming(store, table, column, dup),
                0,
                "{table}.{column}"
            );
        }
        assert_eq!(store.project(p).unwrap().buyer_id, Some(kept));
        assert_eq!(
            store.information_items(Some(p), false).unwrap()[0]
                .recipients
                .len(),
            1
        );
        assert!(store.is_trashed(EntityKind::Organisation, dup).unwrap());
        assert_eq!(
            store
                .organisations_named("Luleå kommun", None)
                .unwrap()
                .len(),
            1
        );

        assert!(matches!(
            store.merge_organisations(kept, kept),
            Err(StoreError::Conflict("merge", FieldError::MergeSelf))
        ));
        assert!(matches!(
            store.merge_organisations(dup, kept),
            Err(StoreError::NotFound)
        ));
    });
}

#[test]
fn merging_people_moves_every_reference_and_keeps_their_details() {
    on_both_stores(|store| {
        let kept = person(store, "Åsa Öberg", "Luleå kommun");
        let dup = store
            .create_person(
                &PersonInput::validate("Asa Oberg", "", "Upphandlare", "asa@lulea.se", "").unwrap(),
            )
            .unwrap();
        let p = project(store, "MRG-2");
        let both = meeting(store, p, MeetingType::ProjectMeeting, "Projektmöte");
        let only_dup = meeting(store, p, MeetingType::NeedsWorkshop, "Workshop");
        for m in [both, only_dup] {
            store
                .add_attendance(m, dup, AttendanceRole::Participant)
                .unwrap();
        }
        store
            .add_attendance(both, kept, AttendanceRole::Chair)
            .unwrap();
        let need = store
            .create_need(
                p,
                &NeedInput::validate("Larm ska nå rätt person", "", "", "", "", None, "").unwrap(),
            )
            .unwrap();
        store
            .add_evidence(need, None, Some(dup), "", "sa det i intervjun")
            .unwrap();
        store
            .create_interest(
                p,
                &InterestInput::validate(
                    None,
                    Some(dup),
                    InterestKind::DeclaredInterest,
                    "Make arbetar hos en leverantör",
                    "Deltar inte i utvärderingen",
                    "",
                )
                .unwrap(),
            )
            .unwrap();
        let tables = referencing(store, "people");
        for (table, column) in &tables {
            assert!(
                rows_naming(store, table, column, dup) > 0,
                "the test has no row of {table}.{column} naming the duplicate: add one"
            );
        }

        let merged = store.merge_people(dup, kept).unwrap();
        assert_eq!(merged.dropped, 1, "the meeting both attended");
        for (table, column) in &tables {
            assert_eq!(
                rows_naming(store, table, column, dup),
                0,
                "{table}.{column}"
            );
        }
        let person = store.person(kept).unwrap();
        assert_eq!(person.title, "Upphandlare");
        assert_eq!(person.email, "asa@lulea.se");
        assert_eq!(person.organisation_name.as_deref(), Some("Luleå kommun"));
        let roles: Vec<AttendanceRole> = store
            .attendance(both)
            .unwrap()
            .iter()
            .map(|a| a.role)
            .collect();
        assert_eq!(roles, [AttendanceRole::Chair]);
        assert_eq!(store.attendance(only_dup).unwrap()[0].person_id, kept);
    });
}

#[test]
fn an_organisation_says_where_it_is_used_and_lists_its_contacts() {
    on_both_stores(|store| {
        let p = project(store, "USE-1");
        let supplier = org(store, "Norrsken Sensorteknik AB", OrgKind::Supplier);
        assert!(store.organisation_usage(supplier).unwrap().is_empty());
        let seller = person(store, "Erik Ek", "Norrsken Sensorteknik AB");
        let m = meeting(store, p, MeetingType::OneToOneDialogue, "Dialog Norrsken");
        store
            .add_attendance(m, seller, AttendanceRole::Participant)
            .unwrap();
        store
            .create_information(p, &entry("Volymer", vec![supplier], ""))
            .unwrap();

        let usage = store.organisation_usage(supplier).unwrap();
        let tables: Vec<(&str, i64)> = usage.iter().map(|u| (u.table.as_str(), u.rows)).collect();
        assert_eq!(tables, [("information_recipients", 1), ("people", 1)]);

        let page = store.organisation_page(supplier).unwrap();
        assert_eq!(page.people.len(), 1);
        assert_eq!(page.projects.len(), 1);
        assert_eq!(page.projects[0].code, "USE-1");
        assert!(!page.projects[0].buyer);
        assert_eq!(page.meetings.len(), 1);
        assert_eq!(page.meetings[0].people, "Erik Ek");
        assert_eq!(page.information.len(), 1);
    });
}

#[test]
fn search_finds_entries_and_interests_and_hides_them_in_the_trash() {
    on_both_stores(|store| {
        let found = |store: &Store, typed: &str| -> Vec<EntityRef> {
            store
                .search(typed, 50)
                .unwrap()
                .hits()
                .map(|h| h.item)
                .collect()
        };
        let p = project(store, "SOK-1");
        let a = org(store, "Norrsken Sensorteknik AB", OrgKind::Supplier);
        let item = store
            .create_information(p, &entry("Töjningsgivare på bron", vec![a], ""))
            .unwrap();
        let interest = store
            .create_interest(
                p,
                &InterestInput::validate(
                    Some(a),
                    None,
                    InterestKind::PriorInvolvement,
                    "Skrev kravbilagan om fjärravläsning",
                    "",
                    "",
                )
                .unwrap(),
            )
            .unwrap();
        assert_eq!(
            found(store, "tojningsgiv"),
            [EntityRef::new(EntityKind::Information, item)]
        );
        assert_eq!(
            found(store, "fjärravläsning"),
            [EntityRef::new(EntityKind::Interest, interest)]
        );
        store.trash(EntityKind::Project, p).unwrap();
        assert!(found(store, "tojningsgiv").is_empty());
        store.restore(EntityKind::Project, p).unwrap();
        store.trash(EntityKind::Information, item).unwrap();
        assert!(found(store, "tojningsgiv").is_empty());
        assert_eq!(found(store, "fjärravläsning").len(), 1);
    });
}

#[test]
fn bundles_carry_the_log_with_its_recipients_and_the_interests() {
    use tidig::bundle::{ImportMode, Scope};
    // The demo's, through a whole-store bundle into an empty store.
    let mut from = Store::open_in_memory(common::clock()).unwrap();
    tidig::ops::demo::load(&mut from, common::today()).unwrap();
    let registered = from.all_meetings(None).unwrap()[0].id;
    let reg = Registration {
        document_number: "KS 2026/7-2".into(),
        registered_on: date(2026, 11, 25),
    };
    from.set_registration(registered, Some(&reg)).unwrap();
    let bundle = from.export_bundle(&Scope::All).unwrap();
    assert_eq!(
        bundle.meeting_registrations.len(),
        2,
        "the demo's and this one"
    );
    assert_eq!(bundle.information_items.len(), 4);
    assert_eq!(bundle.interests.len(), 1);
    let mut to = Store::open_in_memory(common::clock()).unwrap();
    to.import_bundle_with(&bundle, false, ImportMode::default(), &mut |_, _| {})
        .unwrap();
    let strip =
        |items: Vec<InformationItem>| -> Vec<(String, Vec<String>, Option<chrono::NaiveDate>)> {
            items
                .into_iter()
                .map(|i| {
                    (
                        i.uuid,
                        i.recipients.into_iter().map(|r| r.name).collect(),
                        i.shared_on,
                    )
                })
                .collect()
        };
    assert_eq!(
        strip(to.information_items(None, false).unwrap()),
        strip(from.information_items(None, false).unwrap())
    );
    let interests = |s: &Store| -> Vec<(String, String, Option<String>)> {
        s.interests(None)
            .unwrap()
            .into_iter()
            .map(|i| (i.uuid, i.description, i.organisation_name))
            .collect()
    };
    assert_eq!(interests(&to), interests(&from));
    assert_eq!(to.registration(registered).unwrap(), Some(reg.clone()));
    assert_eq!(to.check().unwrap(), Vec::<String>::new());

    // A store that registered the same meeting itself, as another row: refused.
    let mut own = Store::open_in_memory(common::clock()).unwrap();
    tidig::ops::demo::load(&mut own, common::today()).unwrap();
    own.set_registration(registered, Some(&reg)).unwrap();
    let err = own
        .import_bundle_with(&bundle, false, ImportMode::default(), &mut |_, _| {})
        .unwrap_err();
    assert!(format!("{err:?}").contains("RegistrationTaken"), "{err:?}");

    // A project's bundle brings the organisations its entries were given to.
    let mut store = Store::open_in_memory(common::clock()).unwrap();
    let p = project(&mut store, "BUN-1");
    let only_here = org(&mut store, "Ensam Leverantör AB", OrgKind::Supplier);
    store
        .create_information(p, &entry("Bara till en", vec![only_here], ""))
        .unwrap();
    let bundle = store
        .export_bundle(&Scope::Project("BUN-1".into()))
        .unwrap();
    assert!(
        bundle
            .organisations
            .iter()
            .any(|o| o.name == "Ensam Leverantör AB")
    );
    let mut other = Store::open_in_memory(common::clock()).unwrap();
    other
        .import_bundle_with(&bundle, false, ImportMode::default(), &mut |_, _| {})
        .unwrap();
    let items = other.information_items(None, false).unwrap();
    assert_eq!(items[0].recipients[0].name, "Ensam Leverantör AB");

    // A recipient that is nowhere is refused, with its path.
    let mut bad = bundle.clone();
    bad.information_items[0].recipients[0] = "7d1d0000-0000-4000-8000-0000000fffff".into();
    bad.organisations.clear();
    let mut empty = Store::open_in_memory(common::clock()).unwrap();
    let err = empty
        .import_bundle_with(&bad, false, ImportMode::default(), &mut |_, _| {})
        .unwrap_err();
    assert!(
        format!("{err:?}").contains("information_items[0].recipients[0]"),
        "{err:?}"
    );
}

/// An organisation's page gathers every way a project involves it — as buyer, through
/// its people at meetings, as a recipient, through its own declarations and its
/// people's that name no other organisation — and reads each from an index, never a
/// whole table (45 ms at the large demo before, 3 ms after).
#[test]
fn an_organisation_page_gathers_every_way_it_is_involved_from_indexes() {
    on_both_stores(|store| {
        let code = |store: &mut Store, c: &str| project(store, c);
        let (buyer, met, told, own, theirs, other, trashed) = (
            code(store, "A-BUY"),
            code(store, "B-MET"),
            code(store, "C-TOLD"),
            code(store, "D-OWN"),
            code(store, "E-THEIRS"),
            code(store, "F-OTHER"),
            code(store, "G-TRASH"),
        );
        let supplier = org(store, "Älvdal Analys AB", OrgKind::Supplier);
        let rival = org(store, "Östgöta Data AB", OrgKind::Supplier);
        let seller = person(store, "Åsa Öberg", "Älvdal Analys AB");
        let conn = store.connection();
        conn.execute(
            "UPDATE projects SET buyer_id = ?1 WHERE id = ?2",
            [supplier, buyer],
        )
        .unwrap();
        let m = meeting(store, met, MeetingType::OneToOneDialogue, "Dialog Älvdal");
        store
            .add_attendance(m, seller, AttendanceRole::Participant)
            .unwrap();
        let gone = meeting(store, trashed, MeetingType::OneToOneDialogue, "Inställd");
        store
            .add_attendance(gone, seller, AttendanceRole::Participant)
            .unwrap();
        store.trash(EntityKind::Meeting, gone).unwrap();
        store
            .create_information(told, &entry("Volymer", vec![supplier], ""))
            .unwrap();
        let declare = |organisation_id, person_id| InterestInput {
            organisation_id,
            person_id,
            kind: InterestKind::DeclaredInterest,
            description: "Tidigare uppdrag åt myndigheten".into(),
            measures: String::new(),
            declared_on: None,
        };
        store
            .create_interest(own, &declare(Some(supplier), None))
            .unwrap();
        store
            .create_interest(theirs, &declare(None, Some(seller)))
            .unwrap();
        // A person's declaration that names another organisation is that one's.
        store
            .create_interest(other, &declare(Some(rival), Some(seller)))
            .unwrap();

        let statements = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = statements.clone();
        store
            .trace_statements(Some(move |sql: String, _| seen.lock().unwrap().push(sql)))
            .unwrap();
        let page = store.organisation_page(supplier).unwrap();
        store
            .trace_statements(None::<fn(String, std::time::Duration)>)
            .unwrap();

        let codes: Vec<(&str, bool)> = (page.projects.iter())
            .map(|p| (p.code.as_str(), p.buyer))
            .collect();
        assert_eq!(
            codes,
            [
                ("A-BUY", true),
                ("B-MET", false),
                ("C-TOLD", false),
                ("D-OWN", false),
                ("E-THEIRS", false)
            ]
        );
        assert_eq!(page.people.len(), 1);
        let meetings: Vec<&str> = page.meetings.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(meetings, ["Dialog Älvdal"]);
        assert_eq!(names(&page.information), ["Volymer"]);
        let declared: Vec<&str> = (page.interests.iter())
            .map(|i| i.project_code.as_str())
            .collect();
        assert_eq!(declared, ["D-OWN", "E-THEIRS"]);

        let mut steps = Vec::new();
        for sql in statements.lock().unwrap().iter() {
            let plan = store.query_plan(sql, &[]).unwrap();
            // Every step seeks (SEARCH); none reads a table or index whole (SCAN).
            assert!(
                !plan.iter().any(|step| step.starts_with("SCAN ")),
                "{plan:?}\n{sql}"
            );
            steps.extend(plan);
        }
        // A person's declarations are found from the person, and their meetings too.
        for index in ["interests_person", "attendance_person"] {
            assert!(
                steps.iter().any(|s| s.contains(index)),
                "{index}: {steps:?}"
            );
        }
    });
}
