//! Search across everything (issue 11, part 4): the FTS5 index follows every change,
//! trash, restore, purge and import; it never shows trashed text; diacritics fold, and
//! words typed with them narrow; prefixes match; titles rank first.

mod common;

use common::store::{block, count, meeting_input, memory_store, norr, on_both_stores, vgr};
use common::{today, utc};
use tidig::bundle::{Scope, Timestamp};
use tidig::domain::search::SearchResults;
use tidig::domain::{
    Confidentiality, DecisionInput, EntityKind, EntityRef, LessonInput, LessonKind, MilestoneInput,
    NeedInput, OrgKind, OrganisationInput, PersonInput, Phase, SuggestionInput, SuggestionStatus,
};
use tidig::store::Store;

/// The items found for `typed`, in order.
fn found(store: &Store, typed: &str) -> Vec<EntityRef> {
    store
        .search(typed, 50)
        .unwrap()
        .hits()
        .map(|h| h.item)
        .collect()
}

fn kinds(results: &SearchResults) -> Vec<(EntityKind, usize)> {
    results.groups.iter().map(|g| (g.kind, g.total)).collect()
}

/// The index holds exactly what the rows say, no more (`check` compares them).
fn in_step(store: &Store) {
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

fn note_ref(id: i64) -> EntityRef {
    EntityRef::new(EntityKind::Note, id)
}

/// NORR-24 with a meeting and a note of `body`: (project, meeting, note).
fn meeting_with_note(store: &mut Store, title: &str, body: &str) -> (i64, i64, i64) {
    let project = norr(store);
    let meeting = store
        .create_meeting(
            project,
            &meeting_input(title, utc(2026, 11, 27, 9, 0), utc(2026, 11, 27, 11, 0)),
        )
        .unwrap();
    let note = store
        .create_note(meeting, None, body, Confidentiality::Internal)
        .unwrap();
    (project, meeting, note)
}

#[test]
fn a_new_store_has_an_empty_index_and_every_kind_is_found() {
    on_both_stores(|store| {
        in_step(store);
        let (project, meeting, note) =
            meeting_with_note(store, "Kvällsworkshop", "Snöröjning kvällstid");
        let block = store
            .add_agenda_item(meeting, &block("Kvällsrunda genomgång", 30))
            .unwrap();
        let decision = store
            .create_decision(
                project,
                Some(meeting),
                &DecisionInput {
                    text: "Kvällsturer prövas".into(),
                    rationale: String::new(),
                    decided_by: String::new(),
                    decided_on: today(),
                },
            )
            .unwrap();
        let action = store
            .create_action(
                project,
                Some(meeting),
                &common::store::action(
                    "Kvällsschema skickas",
                    "Anna",
                    None,
                    tidig::domain::ActionStatus::Open,
                ),
            )
            .unwrap();
        let question = store
            .create_question(meeting, "Kvällstrafik på helger?")
            .unwrap();
        let need = store
            .create_need(
                project,
                &NeedInput {
                    statement: "Kvällsresor för äldre".into(),
                    ..Default::default()
                },
            )
            .unwrap();
        let suggestion = store
            .create_suggestion(
                project,
                &SuggestionInput {
                    meeting_id: None,
                    phase: Phase::EarlyDialogue,
                    title: "Kvällsmöte med leverantörer".into(),
                    description: String::new(),
                    rationale: String::new(),
                    status: SuggestionStatus::Proposed,
                    buyer_response: String::new(),
                    decision_date: None,
                },
            )
            .unwrap();
        let lesson = store
            .create_lesson(&LessonInput {
                project_id: Some(project),
                phase: None,
                kind: LessonKind::Lesson,
                title: "Kvällstider lockar fler".into(),
                context: String::new(),
                what_happened: String::new(),
                what_we_learned: String::new(),
                recommendation: String::new(),
                shareable: false,
            })
            .unwrap();
        let milestone = store
            .create_milestone(
                project,
                &MilestoneInput {
                    title: "Kvällsdialog klar".into(),
                    due_date: None,
                },
            )
            .unwrap();
        let person = store
            .create_person(&PersonInput {
                name: "Kvällsson Berit".into(),
                organisation_name: "Kvällsbolaget AB".into(),
                title: String::new(),
                email: String::new(),
                phone: String::new(),
            })
            .unwrap();
        let organisation = count(
            store,
            "SELECT id FROM organisations WHERE name = 'Kvällsbolaget AB'",
        );
        in_step(store);

        let results = store.search("kväll", 10).unwrap();
        let order: Vec<EntityKind> = results.groups.iter().map(|g| g.kind).collect();
        // Groups in the fixed order, one hit each.
        assert_eq!(
            order,
            [
                EntityKind::Meeting,
                EntityKind::AgendaItem,
                EntityKind::Note,
                EntityKind::Decision,
                EntityKind::ActionItem,
                EntityKind::Question,
                EntityKind::Need,
                EntityKind::Suggestion,
                EntityKind::Lesson,
                EntityKind::Milestone,
                EntityKind::Person,
                EntityKind::Organisation,
            ]
        );
        let ids: Vec<i64> = results.hits().map(|h| h.item.id).collect();
        assert_eq!(
            ids,
            [
                meeting,
                block,
                note,
                decision,
                action,
                question,
                need,
                suggestion,
                lesson,
                milestone,
                person,
                organisation
            ]
        );
        assert_eq!(
            found(store, "NORR-24"),
            [EntityRef::new(EntityKind::Project, project)]
        );
    });
}

#[test]
fn edits_are_found_at_once_and_old_words_are_gone() {
    on_both_stores(|store| {
        let (_, meeting, note) = meeting_with_note(store, "Workshop", "Första utkastet");
        assert_eq!(found(store, "utkast"), [note_ref(note)]);
        store.update_note_body(note, "Andra versionen").unwrap();
        assert!(found(store, "utkast").is_empty());
        assert_eq!(found(store, "versionen"), [note_ref(note)]);
        let question = store.create_question(meeting, "Vem äger frågan?").unwrap();
        store.answer_question(question, "Upphandlaren").unwrap();
        assert_eq!(
            found(store, "upphandlaren"),
            [EntityRef::new(EntityKind::Question, question)]
        );
        in_step(store);
    });
}

#[test]
fn trashed_items_and_everything_in_a_trashed_project_or_meeting_are_hidden() {
    on_both_stores(|store| {
        let (project, meeting, note) =
            meeting_with_note(store, "Workshop", "Hemligt ordval zebrafink");
        let decision = store
            .create_decision(
                project,
                Some(meeting),
                &DecisionInput {
                    text: "Zebrafinkar beslutas".into(),
                    rationale: String::new(),
                    decided_by: String::new(),
                    decided_on: today(),
                },
            )
            .unwrap();
        let everything = found(store, "zebrafink");
        assert_eq!(everything.len(), 2);

        // The note itself.
        store.trash(EntityKind::Note, note).unwrap();
        assert_eq!(
            found(store, "zebrafink"),
            [EntityRef::new(EntityKind::Decision, decision)]
        );
        store.restore(EntityKind::Note, note).unwrap();
        assert_eq!(found(store, "zebrafink").len(), 2);
        in_step(store);

        // Its meeting: the note goes, the decision stays in its project.
        store.trash(EntityKind::Meeting, meeting).unwrap();
        assert_eq!(
            found(store, "zebrafink"),
            [EntityRef::new(EntityKind::Decision, decision)]
        );
        assert!(found(store, "workshop").is_empty());
        in_step(store);
        store.restore(EntityKind::Meeting, meeting).unwrap();
        assert_eq!(found(store, "zebrafink").len(), 2);

        // The project: nothing of it is found, not even its code.
        store.trash(EntityKind::Project, project).unwrap();
        assert!(found(store, "zebrafink").is_empty());
        assert!(found(store, "NORR-24").is_empty());
        assert_eq!(store.search("zebrafink", 10).unwrap().total(), 0);
        in_step(store);
        store.restore(EntityKind::Project, project).unwrap();
        assert_eq!(found(store, "zebrafink").len(), 2);
        in_step(store);

        // Purged for good: gone from the index too.
        store.trash(EntityKind::Project, project).unwrap();
        store.purge(EntityKind::Project, project).unwrap();
        assert!(found(store, "zebrafink").is_empty());
        assert_eq!(count(store, "SELECT count(*) FROM search"), 1); // the buyer
        in_step(store);
    });
}

#[test]
fn a_general_lesson_of_a_purged_project_stays_findable() {
    let mut store = memory_store();
    let project = norr(&mut store);
    let lesson = store
        .create_lesson(&LessonInput {
            project_id: Some(project),
            phase: None,
            kind: LessonKind::GoodExample,
            title: "Tidig dialog sparar tid".into(),
            context: String::new(),
            what_happened: String::new(),
            what_we_learned: String::new(),
            recommendation: String::new(),
            shareable: true,
        })
        .unwrap();
    store.trash(EntityKind::Project, project).unwrap();
    assert!(found(&store, "sparar").is_empty());
    store.purge(EntityKind::Project, project).unwrap();
    assert_eq!(
        found(&store, "sparar"),
        [EntityRef::new(EntityKind::Lesson, lesson)]
    );
    in_step(&store);
}

#[test]
fn without_diacritics_finds_them_and_with_them_narrows() {
    let mut store = memory_store();
    let (_, meeting, lulea) = meeting_with_note(&mut store, "Workshop", "Möte i Luleå hamn");
    let lulea_plain = store
        .create_note(
            meeting,
            None,
            "Lulea som stavat utan ring",
            Confidentiality::Shareable,
        )
        .unwrap();
    // "lulea" finds both spellings.
    let mut both = found(&store, "lulea");
    both.sort();
    assert_eq!(both, [note_ref(lulea), note_ref(lulea_plain)]);
    // Typing å narrows to the words written with it, also as a prefix.
    assert_eq!(found(&store, "luleå"), [note_ref(lulea)]);
    assert_eq!(found(&store, "LULEÅ"), [note_ref(lulea)]);
    assert_eq!(found(&store, "luleå ham"), [note_ref(lulea)]);
    assert_eq!(found(&store, "möt"), [note_ref(lulea)]);
    assert_eq!(found(&store, "mot"), [note_ref(lulea)]);
    assert_eq!(store.search("luleå", 10).unwrap().total(), 1);
}

#[test]
fn prefixes_match_and_every_word_must() {
    let mut store = memory_store();
    let (_, _, note) = meeting_with_note(
        &mut store,
        "Workshop",
        "Första dialogmötet med leverantörer",
    );
    assert_eq!(found(&store, "dialo"), [note_ref(note)]);
    assert_eq!(found(&store, "dialogmöte"), [note_ref(note)]);
    assert_eq!(found(&store, "dialo lev"), [note_ref(note)]);
    assert!(found(&store, "dialo kommun").is_empty());
    // FTS5 syntax typed by the user is plain text.
    assert_eq!(found(&store, "dialo* AND"), Vec::<EntityRef>::new());
    assert_eq!(found(&store, "\"dialo"), [note_ref(note)]);
    assert!(store.search("  ", 10).unwrap().groups.is_empty());
    assert!(store.search("*(", 10).unwrap().groups.is_empty());
}

#[test]
fn titles_rank_above_text_and_counts_cover_more_than_the_page() {
    let mut store = memory_store();
    let project = norr(&mut store);
    let mut ids = Vec::new();
    for i in 0..12 {
        let id = store
            .create_need(
                project,
                &NeedInput {
                    statement: format!("Behov nummer {i}"),
                    so_that: "Snöskottning fungerar".into(),
                    ..Default::default()
                },
            )
            .unwrap();
        ids.push(id);
    }
    let titled = store
        .create_need(
            project,
            &NeedInput {
                statement: "Snöskottning vid entréer".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let results = store.search("snöskott", 5).unwrap();
    assert_eq!(kinds(&results), [(EntityKind::Need, 13)]);
    assert_eq!(results.shown(), 5);
    assert_eq!(results.groups[0].hits[0].item.id, titled);
    // The title is highlighted; the text's match is in the snippet.
    let hit = &results.groups[0].hits[0];
    assert!(
        hit.title.contains("\u{1}Snöskottning\u{2}"),
        "{:?}",
        hit.title
    );
    let other = &results.groups[0].hits[1];
    assert!(
        other.snippet.contains("\u{1}Snöskottning\u{2}"),
        "{:?}",
        other.snippet
    );
    assert_eq!(other.context, "NORR-24");
    assert_eq!(other.label, Some(Confidentiality::Internal));
}

#[test]
fn hits_carry_their_label_and_place() {
    let mut store = memory_store();
    let (_, meeting, note) =
        meeting_with_note(&mut store, "Dialogmöte 3", "Leverantören nämnde prisnivå");
    store
        .set_note_confidentiality(note, Confidentiality::SupplierConfidential)
        .unwrap();
    let results = store.search("prisnivå", 10).unwrap();
    let hit = results.hits().next().unwrap();
    assert_eq!(hit.item, note_ref(note));
    assert_eq!(hit.label, Some(Confidentiality::SupplierConfidential));
    assert_eq!(hit.context, "NORR-24 · Dialogmöte 3");
    // A note has no title: its matched words stand in.
    assert!(hit.title.contains("\u{1}prisnivå\u{2}"), "{:?}", hit.title);
    let _ = meeting;
}

#[test]
fn renaming_people_organisations_and_projects_moves_their_words() {
    let mut store = memory_store();
    let org = store
        .create_organisation(&OrganisationInput {
            name: "Gammalbolaget".into(),
            kind: OrgKind::Supplier,
        })
        .unwrap();
    store
        .update_organisation(
            org,
            &OrganisationInput {
                name: "Nybolaget".into(),
                kind: OrgKind::Supplier,
            },
        )
        .unwrap();
    assert!(found(&store, "gammal").is_empty());
    assert_eq!(
        found(&store, "nybol"),
        [EntityRef::new(EntityKind::Organisation, org)]
    );
    let vgr = vgr(&mut store);
    assert_eq!(
        found(&store, "äldreomsorg"),
        [EntityRef::new(EntityKind::Project, vgr)]
    );
    // A project is found by its buyer's name, also after the buyer is renamed.
    let buyer = count(&store, "SELECT buyer_id FROM projects WHERE code = 'VGR-7'");
    assert!(found(&store, "götalandsreg").contains(&EntityRef::new(EntityKind::Project, vgr)));
    store
        .update_organisation(
            buyer,
            &OrganisationInput {
                name: "Region Västkust".into(),
                kind: OrgKind::ContractingAuthority,
            },
        )
        .unwrap();
    assert!(found(&store, "götalandsreg").is_empty());
    assert_eq!(
        found(&store, "västkust"),
        [
            EntityRef::new(EntityKind::Project, vgr),
            EntityRef::new(EntityKind::Organisation, buyer)
        ]
    );
    store.trash(EntityKind::Organisation, org).unwrap();
    assert!(found(&store, "nybol").is_empty());
    in_step(&store);
}

#[test]
fn imports_and_the_demo_keep_the_index_in_step() {
    let mut store = memory_store();
    tidig::ops::demo::load(&mut store, today()).unwrap();
    in_step(&store);
    assert!(store.search("lulea", 10).unwrap().total() > 0);

    // A bundle from this store, changed and brought into a fresh one.
    let mut bundle = store.export_bundle(&Scope::All).unwrap();
    let mut other = memory_store();
    other.import_bundle(&bundle, false).unwrap();
    in_step(&other);
    assert_eq!(
        other.search("lulea", 10).unwrap().total(),
        store.search("lulea", 10).unwrap().total()
    );

    // A newer version of a note replaces its words; a note moved to the trash by the
    // bundle disappears.
    let note = &mut bundle.notes[0];
    note.body = "Importerad kolibri".into();
    note.updated_at = Timestamp("2030-01-01T00:00:00Z".into());
    let uuid = bundle.notes[1].uuid.clone();
    bundle.notes[1].deleted_at = Some(Timestamp("2030-01-01T00:00:00Z".into()));
    bundle.notes[1].updated_at = Timestamp("2030-01-01T00:00:00Z".into());
    other.import_bundle(&bundle, false).unwrap();
    assert_eq!(found(&other, "kolibri").len(), 1);
    in_step(&other);
    let trashed: i64 = other
        .connection()
        .query_row(
            "SELECT id FROM notes WHERE uuid = ?1",
            [uuid.0.clone()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        count(
            &other,
            &format!("SELECT count(*) FROM search WHERE rowid = (4 << 40) | {trashed}")
        ),
        0
    );
    // A dry run changes nothing.
    bundle.notes[0].body = "Torrsim".into();
    bundle.notes[0].updated_at = Timestamp("2031-01-01T00:00:00Z".into());
    other.import_bundle(&bundle, true).unwrap();
    assert!(found(&other, "torrsim").is_empty());
    in_step(&other);
}

#[test]
fn a_large_import_indexes_at_its_end_and_leaves_the_triggers_live() {
    let mut store = memory_store();
    // A small write buffer and no merging as it writes, so that the demo's one pass
    // leaves many segments, as a large import does.
    for table in ["search", "search_exact"] {
        store
            .connection()
            .execute_batch(&format!(
                "INSERT INTO {table} ({table}, rank) VALUES ('hashsize', 4096);
                 INSERT INTO {table} ({table}, rank) VALUES ('automerge', 0);"
            ))
            .unwrap();
    }
    tidig::ops::demo::load(&mut store, today()).unwrap();
    in_step(&store);
    // More rows than are indexed one by one: the one pass over the views did it.
    assert!(count(&store, "SELECT count(*) FROM search") > 200);
    assert_eq!(count(&store, "SELECT count(*) FROM search_pending"), 0);
    assert_eq!(count(&store, "SELECT count(*) FROM search_paused"), 0);
    // Merged into one segment each, so that queries walk one list per word.
    for idx in ["search_idx", "search_exact_idx"] {
        let sql = format!("SELECT count(DISTINCT segid) FROM {idx}");
        assert_eq!(count(&store, &sql), 1, "{idx}");
    }
    // Edits after the import are indexed at once, as before.
    let (_, _, note) = meeting_with_note(&mut store, "Efteråt", "Anteckning om kolibri");
    assert_eq!(found(&store, "kolibri"), [note_ref(note)]);
    in_step(&store);
}

/// A failed import leaves indexing as it was: the pause is rolled back with the rows.
#[test]
fn a_failed_import_does_not_leave_indexing_paused() {
    let mut source = memory_store();
    meeting_with_note(&mut source, "Workshop", "Anteckning om sparvhök");
    let bundle = source.export_bundle(&Scope::All).unwrap();
    let mut store = memory_store();
    // The import fails half-way, after the pause and the projects and meetings.
    store
        .connection()
        .execute_batch(
            "CREATE TEMP TRIGGER notes_fail BEFORE INSERT ON notes
             BEGIN SELECT RAISE(ABORT, 'the disk is full'); END;",
        )
        .unwrap();
    assert!(store.import_bundle(&bundle, false).is_err());
    store
        .connection()
        .execute_batch("DROP TRIGGER temp.notes_fail")
        .unwrap();
    assert!(found(&store, "sparvhök").is_empty());
    assert_eq!(count(&store, "SELECT count(*) FROM search_paused"), 0);
    let (_, _, note) = meeting_with_note(&mut store, "Sedan", "Anteckning om kolibri");
    assert_eq!(found(&store, "kolibri"), [note_ref(note)]);
    in_step(&store);
}

#[test]
fn an_older_store_gets_its_index_built_by_the_migration() {
    let dir = common::store::temp_dir();
    let path = common::store::db_path(&dir);
    {
        let mut store = common::store::file_store(&path);
        meeting_with_note(&mut store, "Workshop", "Befintlig anteckning om fjällbjörk");
        // As a store of version 10 was: no index, no triggers feeding it.
        let conn = store.connection();
        let triggers: Vec<String> = conn
            .prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%search%'",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(triggers.len() > 30);
        for name in triggers {
            conn.execute_batch(&format!("DROP TRIGGER IF EXISTS {name}"))
                .unwrap();
        }
        // Nor the dialogue rounds of version 12, nor what version 14 added.
        conn.execute_batch(
            "DROP TABLE search; DROP TABLE search_exact; DROP VIEW search_refresh;
             DROP VIEW search_source;
             DROP VIEW search_refresh_0013; DROP VIEW search_source_0013;
             DROP TABLE information_recipients; DROP TABLE information_items;
             DROP TABLE interests; DROP TABLE meeting_registrations;
             DROP TABLE round_answers; DROP TABLE round_suppliers;
             DROP TABLE round_questions; DROP TABLE dialogue_rounds;
             ALTER TABLE notes_status_changes DROP COLUMN by_name;
             DROP TABLE search_paused; DROP TABLE search_pending;
             DROP INDEX action_items_page; ALTER TABLE action_items DROP COLUMN page_due;
             ALTER TABLE action_items DROP COLUMN page_undated;
             ALTER TABLE action_items DROP COLUMN page_closed;
             PRAGMA user_version = 10;",
        )
        .unwrap();
    }
    let store = common::store::file_store(&path);
    assert_eq!(found(&store, "fjällbj").len(), 1);
    assert_eq!(found(&store, "NORR-24").len(), 1);
    in_step(&store);
}

#[test]
fn a_kind_with_more_hits_than_are_ranked_is_counted_whole_and_shown_newest_first() {
    let mut store = memory_store();
    let (_, meeting, _) = meeting_with_note(&mut store, "Workshop", "Första");
    let many = tidig::store::COUNT_CAP + 5;
    let mut last = 0;
    store
        .atomically(|s| {
            for i in 0..many {
                last = s.create_note(
                    meeting,
                    None,
                    &format!("Trafiksäkerhet punkt {i}"),
                    Confidentiality::Internal,
                )?;
            }
            Ok(())
        })
        .unwrap();
    let results = store.search("trafiks", 3).unwrap();
    assert_eq!(kinds(&results), [(EntityKind::Note, many)]);
    assert!(!results.at_least());
    let ids: Vec<i64> = results.hits().map(|h| h.item.id).collect();
    assert_eq!(ids, [last, last - 1, last - 2]);
    // Words short enough for the index's prefixes are counted up to a cap ("500+").
    let results = store.search("trafik", 3).unwrap();
    assert_eq!(
        kinds(&results),
        [(EntityKind::Note, tidig::store::COUNT_CAP)]
    );
    assert!(results.at_least());
    let ids: Vec<i64> = results.hits().map(|h| h.item.id).collect();
    assert_eq!(ids, [last, last - 1, last - 2]);
    in_step(&store);
}

/// A long word is looked up as the index's words it begins, not as a prefix FTS5
/// expands for every statement: it finds what the prefix found, no more and no less,
/// with and without å ä ö, alone and beside other words.
#[test]
fn long_words_find_what_their_prefix_finds() {
    let mut store = memory_store();
    tidig::ops::demo::load(&mut store, today()).unwrap();
    let (_, _, note) = meeting_with_note(
        &mut store,
        "Dialogmötet i Luleå",
        "Dialogmöten med leverantörerna om upphandlingsdokumenten",
    );
    // What the prefix query itself matches, kind by kind (index: kind code − 1).
    let matched = |typed: &str| -> std::collections::BTreeSet<i64> {
        let terms = tidig::domain::search::SearchTerms::parse(typed).unwrap();
        let exact = match &terms.exact {
            Some(e) => format!(
                "AND rowid IN (SELECT rowid FROM search_exact WHERE search_exact MATCH '{}')",
                e.replace('\'', "''")
            ),
            None => String::new(),
        };
        let sql = format!(
            "SELECT rowid FROM search WHERE search MATCH '{}' {exact}",
            terms.folded.replace('\'', "''")
        );
        let conn = store.connection();
        let mut stmt = conn.prepare(&sql).unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    for typed in [
        "dialogmöte",
        "Dialogmote",
        "dialogmöten leverant",
        "upphandlingsdok",
        "behovsworkshop 1",
        "luleå dialogmötet",
        "leverantörerna",
    ] {
        let expected = matched(typed);
        let results = store.search(typed, 50).unwrap();
        let total: usize = results.groups.iter().map(|g| g.total).sum();
        assert_eq!(total, expected.len(), "{typed}");
        for hit in results.hits() {
            let rowid = (tidig::domain::search::kind_code(hit.item.kind)
                << tidig::domain::search::ID_BITS)
                | hit.item.id;
            assert!(expected.contains(&rowid), "{typed}: {:?}", hit.item);
        }
        assert!(!expected.is_empty(), "{typed}");
    }
    assert!(found(&store, "dialogmöten leverant").contains(&note_ref(note)));
}
