//! The four confidentiality labels on every outcome: the column and its migration, the
//! bundle field, and the one audience rule that keeps every shared version free of
//! anything not labelled shareable.

mod common;

use common::store::{count, db_path, file_store, memory_store, temp_dir};
use rusqlite::Connection;
use tidig::domain::{
    Audience, Confidentiality, EntityKind, TextEnum, mentions_link, shared_may_name,
};
use tidig::export::{Lang, NeedsFormat, SummaryFormat, TemplateSource};
use tidig::ops::ExportJob;
use tidig::ops::export;
use tidig::store::{APPLICATION_ID, SCHEMA_VERSION, Store};

/// The tables that carry a label besides notes.
const OUTCOME_TABLES: [&str; 6] = [
    "decisions",
    "action_items",
    "questions",
    "suggestions",
    "needs",
    "need_evidence",
];

fn demo_store() -> Store {
    let mut store = memory_store();
    tidig::ops::demo::load(&mut store, common::now().date_naive()).expect("demo loads");
    store
}

fn labels_of(store: &Store, table: &str) -> Vec<String> {
    let mut stmt = store
        .connection()
        .prepare(&format!(
            "SELECT DISTINCT confidentiality FROM {table} ORDER BY 1"
        ))
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn new_outcomes_are_internal_and_each_kind_can_be_relabelled() {
    let store = demo_store();
    for table in OUTCOME_TABLES {
        assert!(
            count(&store, &format!("SELECT count(*) FROM {table}")) > 0,
            "{table}"
        );
        // The demo shows shareable and internal outcomes side by side.
        assert_eq!(
            labels_of(&store, table),
            ["internal", "shareable"],
            "{table}"
        );
    }
    let mut store = store;
    let kinds = [
        (EntityKind::Decision, "decisions"),
        (EntityKind::ActionItem, "action_items"),
        (EntityKind::Question, "questions"),
        (EntityKind::Suggestion, "suggestions"),
        (EntityKind::Need, "needs"),
    ];
    for (kind, table) in kinds {
        let id = count(&store, &format!("SELECT min(id) FROM {table}"));
        for c in Confidentiality::ALL {
            store.set_label(kind, id, *c).unwrap();
            let got: String = store
                .connection()
                .query_row(
                    &format!("SELECT confidentiality FROM {table} WHERE id = ?1"),
                    [id],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(got, c.as_str(), "{table}");
        }
        assert!(
            store
                .set_label(kind, 999_999, Confidentiality::Shareable)
                .is_err()
        );
    }
    let e = count(&store, "SELECT min(id) FROM need_evidence");
    store
        .set_evidence_label(e, Confidentiality::SupplierConfidential)
        .unwrap();
    let need = count(
        &store,
        &format!("SELECT need_id FROM need_evidence WHERE id = {e}"),
    );
    let read = store.evidence(need).unwrap();
    let got = read.iter().find(|x| x.id == e).unwrap();
    assert_eq!(got.confidentiality, Confidentiality::SupplierConfidential);
    // Kinds without a label are refused rather than written somewhere else.
    assert!(
        store
            .set_label(EntityKind::Meeting, 1, Confidentiality::Shareable)
            .is_err()
    );
    // The store reads the label back on every outcome type.
    let d = count(&store, "SELECT min(id) FROM decisions");
    store
        .set_label(EntityKind::Decision, d, Confidentiality::Shareable)
        .unwrap();
    let decisions = store.decisions(None, None).unwrap();
    assert_eq!(
        decisions
            .iter()
            .find(|x| x.id == d)
            .unwrap()
            .confidentiality,
        Confidentiality::Shareable
    );
}

#[test]
fn the_label_column_refuses_unknown_values() {
    let store = demo_store();
    for table in OUTCOME_TABLES {
        let err = store
            .connection()
            .execute(
                &format!("UPDATE {table} SET confidentiality = 'secret'"),
                [],
            )
            .unwrap_err();
        assert!(err.to_string().contains("CHECK"), "{table}: {err}");
    }
}

#[test]
fn outcomes_written_before_labels_become_internal() {
    let dir = temp_dir();
    let path = db_path(&dir);
    {
        let conn = Connection::open(&path).unwrap();
        let migrations = [
            include_str!("../src/store/migrations/0001_foundation.sql"),
            include_str!("../src/store/migrations/0002_meetings.sql"),
            include_str!("../src/store/migrations/0003_agenda_changes_touch_meeting.sql"),
            include_str!("../src/store/migrations/0004_needs_suggestions_lessons.sql"),
            include_str!("../src/store/migrations/0005_notes_decisions_actions.sql"),
            include_str!("../src/store/migrations/0006_history_uuids.sql"),
        ];
        conn.execute_batch(&format!(
            "BEGIN; {} PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {};
             COMMIT;",
            migrations.join("\n"),
            migrations.len()
        ))
        .unwrap();
        conn.execute_batch(
            "INSERT INTO projects (uuid, code, title, phase, status, created_at, updated_at)
             VALUES ('00000000-0000-4000-8000-000000000001', 'OLD-1', 'Före etiketter',
                     'initiation', 'prospect', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
             INSERT INTO decisions (uuid, project_id, text, decided_on, created_at, updated_at)
             VALUES ('00000000-0000-4000-8000-000000000002', 1, 'Ett gammalt beslut',
                     '2026-01-02', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');
             INSERT INTO action_items (uuid, project_id, title, status, created_at, updated_at)
             VALUES ('00000000-0000-4000-8000-000000000003', 1, 'En gammal åtgärd', 'open',
                     '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');",
        )
        .unwrap();
    }
    let store = file_store(&path);
    let version: i64 = store
        .connection()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let decisions = store.decisions(None, None).unwrap();
    assert_eq!(decisions.len(), 1);
    assert_eq!(decisions[0].confidentiality, Confidentiality::Internal);
    assert_eq!(labels_of(&store, "action_items"), ["internal"]);
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn bundles_carry_labels_and_older_bundles_import_as_internal() {
    let mut store = demo_store();
    let d = count(&store, "SELECT min(id) FROM decisions");
    store
        .set_label(EntityKind::Decision, d, Confidentiality::Shareable)
        .unwrap();
    let bundle = store
        .export_bundle(&tidig::bundle::Scope::All)
        .expect("exports");
    let json = serde_json::to_value(&bundle).unwrap();
    assert!(
        json["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["confidentiality"] == "shareable")
    );

    // The same bundle into an empty store keeps the labels.
    let mut copy = memory_store();
    let parsed: tidig::bundle::Bundle = serde_json::from_value(json.clone()).unwrap();
    copy.import_bundle(&parsed, false).expect("imports");
    assert_eq!(labels_of(&copy, "decisions"), ["internal", "shareable"]);

    // A bundle written before outcomes had labels: no such field anywhere.
    let mut old = json;
    for section in OUTCOME_TABLES {
        for row in old[section].as_array_mut().unwrap() {
            row.as_object_mut().unwrap().remove("confidentiality");
        }
    }
    let parsed: tidig::bundle::Bundle = serde_json::from_value(old).unwrap();
    let mut fresh = memory_store();
    fresh.import_bundle(&parsed, false).expect("imports");
    for table in OUTCOME_TABLES {
        assert_eq!(labels_of(&fresh, table), ["internal"], "{table}");
    }
}

/// Every meeting of the demo, every format and language: once half of each kind of
/// outcome is shareable and every row that is not carries a marker, no shared version
/// carries a marker, nor the title or link of a meeting its readers may not know of.
#[test]
fn shared_versions_of_every_demo_meeting_carry_only_shareable_items() {
    let store = demo_store();
    let conn = store.connection();
    // Every other row of each kind (and of notes) shareable, the rest as they were
    // (internal), a few of them supplier-confidential or personal.
    for table in OUTCOME_TABLES.iter().chain(&["notes"]) {
        conn.execute_batch(&format!(
            "UPDATE {table} SET confidentiality = CASE id % 4
                 WHEN 0 THEN 'shareable' WHEN 2 THEN 'shareable'
                 WHEN 1 THEN 'internal' ELSE 'supplier_confidential' END;
             UPDATE {table} SET confidentiality = 'personal' WHERE id % 7 = 3;"
        ))
        .unwrap();
    }
    // The marker goes into every text a summary may show of a row that is not shareable.
    let texts: [(&str, &[&str]); 7] = [
        ("decisions", &["text", "rationale"]),
        ("action_items", &["title"]),
        ("questions", &["text", "answer"]),
        ("suggestions", &["title", "description", "buyer_response"]),
        ("needs", &["statement"]),
        ("need_evidence", &["note"]),
        ("notes", &["body"]),
    ];
    for (table, columns) in texts {
        for column in columns {
            conn.execute(
                &format!(
                    "UPDATE {table} SET {column} = {column} || ' qq-{table}-' || id || '-qq'
                     WHERE confidentiality != 'shareable'"
                ),
                [],
            )
            .unwrap();
        }
    }
    // Each meeting's title carries its own marker, to find it anywhere else.
    conn.execute(
        "UPDATE meetings SET title = title || ' mm-' || id || '-mm'",
        [],
    )
    .unwrap();
    let meetings = store.all_meetings(None).unwrap();
    let (mut shareable_seen, mut exports, mut internal_with_markers) = (0, 0, 0);
    for this in &meetings {
        let readers = store.attendance(this.id).unwrap();
        let input = export::summary_input(&store, this.clone(), Audience::Shared).expect("gathers");
        // The gathering holds only what the audience may read.
        common::export::assert_all_shareable!(
            input.notes,
            input.decisions,
            input.actions,
            input.questions,
            input.needs,
            input.suggestions
        );
        assert_eq!(input.withheld_notes, 0);
        shareable_seen += input.decisions.len() + input.actions.len() + input.questions.len();
        for format in SummaryFormat::ALL.into_iter().chain([SummaryFormat::Docx]) {
            for lang in [Lang::Sv, Lang::En] {
                let job = ExportJob::Summary {
                    meeting_id: this.id,
                    format,
                    audience: Audience::Shared,
                    lang,
                };
                let out = common::docx::readable(
                    &export::render(&store, &job, &TemplateSource::BuiltIn)
                        .unwrap()
                        .contents,
                );
                exports += 1;
                assert!(
                    !out.contains("qq-"),
                    "{} ({format:?}, {lang:?}) carries a non-shareable item: {}",
                    this.title,
                    &out[out.find("qq-").unwrap()..]
                        [..40.min(out.len() - out.find("qq-").unwrap())]
                );
                for other in meetings.iter().filter(|m| m.id != this.id) {
                    let list = store.attendance(other.id).unwrap();
                    if shared_may_name(&readers, other, &list) {
                        continue;
                    }
                    assert!(
                        !out.contains(&format!("mm-{}-mm", other.id)),
                        "{}'s shared notes name the private {}",
                        this.title,
                        other.title
                    );
                    if mentions_link(&other.location) && other.location != this.location {
                        assert!(
                            !out.contains(other.location.trim()),
                            "{}'s shared notes carry {}'s link",
                            this.title,
                            other.title
                        );
                    }
                }
                // Never a count of what was left out.
                assert!(!out.contains("left out of this shared version"));
                assert!(!out.contains("inte med i den här delade versionen"));
            }
        }
        // The internal version does carry internal items: the markers are real.
        let job = ExportJob::Summary {
            meeting_id: this.id,
            format: SummaryFormat::Markdown,
            audience: Audience::Internal,
            lang: Lang::Sv,
        };
        let internal = common::docx::readable(
            &export::render(&store, &job, &TemplateSource::BuiltIn)
                .unwrap()
                .contents,
        );
        if internal.contains("qq-") {
            internal_with_markers += 1;
        }
    }
    assert!(exports > 0);
    assert!(
        shareable_seen > 0,
        "some shareable outcomes do reach shared versions"
    );
    assert!(
        internal_with_markers > 0,
        "internal versions carry internal items"
    );
}

/// Every project of the demo, every format and language: once the needs and their
/// evidence are labelled half shareable and every row that is not carries a marker, no
/// shared needs description carries a marker, a person's name, a supplier's name, a
/// meeting's title or a one-to-one's evidence, and none counts what it left out.
#[test]
fn shared_needs_descriptions_of_every_demo_project_carry_only_shareable_items() {
    let store = demo_store();
    let conn = store.connection();
    for table in ["needs", "need_evidence"] {
        conn.execute_batch(&format!(
            "UPDATE {table} SET confidentiality = CASE id % 4
                 WHEN 0 THEN 'shareable' WHEN 2 THEN 'shareable'
                 WHEN 1 THEN 'internal' ELSE 'supplier_confidential' END;
             UPDATE {table} SET confidentiality = 'personal' WHERE id % 7 = 3;"
        ))
        .unwrap();
    }
    conn.execute_batch(
        "UPDATE needs SET statement = statement || ' qq-need-' || id || '-qq',
                          owner = owner || ' qq-owner-' || id || '-qq'
             WHERE confidentiality != 'shareable';
         UPDATE need_evidence SET note = note || ' qq-evidence-' || id || '-qq'
             WHERE confidentiality != 'shareable';
         UPDATE need_evidence SET document = document || ' qq-document-' || id || '-qq'
             WHERE confidentiality != 'shareable' AND document != '';
         UPDATE need_evidence SET note = note || ' qq-one-to-one-' || id || '-qq'
             WHERE meeting_id IN (SELECT id FROM meetings WHERE kind = 'one_to_one_dialogue');
         UPDATE meetings SET title = title || ' mm-' || id || '-mm';",
    )
    .unwrap();
    // Shareable evidence that names someone — in full, by first name, by surname in
    // the genitive: the shared version carries it with the names replaced.
    conn.execute_batch(
        "UPDATE need_evidence
             SET note = note || ' (sa Jörgen Nilsson till Åsa, enligt Holms lista) named-' || id
             WHERE confidentiality = 'shareable' AND id % 3 = 0;",
    )
    .unwrap();
    let people: Vec<String> = store
        .list_people()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    let suppliers: Vec<String> = store
        .list_organisations()
        .unwrap()
        .into_iter()
        .filter(|o| o.kind == tidig::domain::OrgKind::Supplier)
        .map(|o| o.name)
        .collect();
    assert!(!people.is_empty() && !suppliers.is_empty());
    let projects = store
        .list_projects(&tidig::domain::ProjectFilter::default())
        .unwrap();
    let (mut exports, mut shared_evidence, mut internal_with_markers) = (0, 0, 0);
    let mut anonymised = 0;
    for project in &projects {
        let input = export::needs_input(&store, project.id, Audience::Shared, Lang::Sv).unwrap();
        common::export::assert_all_shareable!(input.needs);
        shared_evidence += input.evidence.values().map(Vec::len).sum::<usize>();
        for format in NeedsFormat::ALL.into_iter().chain([NeedsFormat::Docx]) {
            for lang in Lang::ALL {
                let job = ExportJob::Needs {
                    project_id: project.id,
                    format,
                    audience: Audience::Shared,
                    lang,
                    separator: None,
                };
                let out = common::docx::readable(
                    &export::render(&store, &job, &TemplateSource::BuiltIn)
                        .unwrap()
                        .contents,
                );
                exports += 1;
                for marker in ["qq-", "mm-"] {
                    if let Some(at) = out.find(marker) {
                        panic!(
                            "{} ({format:?}, {lang:?}) carries {}",
                            project.code,
                            &out[at..(at + 30).min(out.len())]
                        );
                    }
                }
                for name in people.iter().chain(&suppliers) {
                    assert!(
                        !out.contains(name.as_str()),
                        "{} ({format:?}, {lang:?}) names {name}",
                        project.code
                    );
                }
                // Nor a person's first name or surname alone.
                for part in people.iter().flat_map(|n| n.split_whitespace()) {
                    assert!(
                        !common::export::names_word(&out, part),
                        "{} ({format:?}, {lang:?}) names {part}",
                        project.code
                    );
                }
                if out.contains("named-") {
                    anonymised += 1;
                    let placeholder = if lang == Lang::Sv { "[namn]" } else { "[name]" };
                    // Markdown escapes the brackets.
                    assert!(out.replace('\\', "").contains(placeholder), "{out}");
                }
                assert!(!out.contains("left out") && !out.contains("Avgränsningar"));
            }
        }
        let job = ExportJob::Needs {
            project_id: project.id,
            format: NeedsFormat::Markdown,
            audience: Audience::Internal,
            lang: Lang::Sv,
            separator: None,
        };
        let internal = common::docx::readable(
            &export::render(&store, &job, &TemplateSource::BuiltIn)
                .unwrap()
                .contents,
        );
        if internal.contains("qq-") {
            internal_with_markers += 1;
        }
    }
    assert_eq!(exports, projects.len() * 8);
    assert!(
        anonymised > 0,
        "evidence naming a person is shared, anonymised"
    );
    assert!(
        shared_evidence > 0,
        "some evidence does reach shared versions"
    );
    assert!(
        internal_with_markers > 0,
        "internal versions carry internal items"
    );
}
