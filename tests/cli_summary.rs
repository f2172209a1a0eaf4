//! Command-line tests of `export summary` against a temporary store filled through the
//! library: every format and audience writes its file and is logged on the meeting,
//! unknown and trashed meetings are refused in one line, and a template in the config
//! folder's `templates/` is used. Every run has its own config path, a fixed clock
//! (`TIDIG_NOW`) and `TZ=UTC`.

mod common;

use std::ops::Deref;
use std::path::PathBuf;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use tidig::domain::EntityKind;
use tidig::domain::*;
use tidig::store::Store;

use common::cli;
use common::clock;

const EXPORTED_AT: &str = "2026-11-26T12:00:00Z";

/// The sandbox with a store holding LULE-25, its meetings and what they produced.
struct Sandbox {
    sandbox: cli::Sandbox,
    /// A supplier workshop with notes of every label, and everything else.
    workshop: i64,
    /// The project's next meeting.
    next: i64,
    /// A meeting in the trash.
    trashed: i64,
}

impl Deref for Sandbox {
    type Target = cli::Sandbox;

    fn deref(&self) -> &cli::Sandbox {
        &self.sandbox
    }
}

fn meeting_input(kind: MeetingType, title: &str, start: chrono::DateTime<Utc>) -> MeetingInput {
    MeetingInput {
        kind,
        title: title.into(),
        purpose: "Utforska hur nattillsyn kan ske utan att väcka brukaren.".into(),
        desired_outcome: "En bred bild av möjliga lösningar.".into(),
        format: MeetingFormat::InPerson,
        location: "Stadshuset".into(),
        start,
        end: start + Duration::minutes(120),
        status: MeetingStatus::Held,
        notes_status: NotesStatus::Draft,
    }
}

impl Sandbox {
    fn new() -> Sandbox {
        let sandbox = cli::Sandbox::empty("UTC");
        let mut store = Store::open(&sandbox.db(), clock()).expect("store opens");
        let lule = store
            .create_project(&ProjectInput {
                code: "LULE-25".into(),
                title: "Trygg nattillsyn".into(),
                buyer_name: "Luleå kommun".into(),
                case_number: "KS 2025/0412".into(),
                phase: Phase::EarlyDialogue,
                status: ProjectStatus::Active,
                ..ProjectInput::default()
            })
            .unwrap();
        let start = Utc.with_ymd_and_hms(2026, 11, 18, 9, 0, 0).unwrap();
        let workshop = store
            .create_meeting(
                lule,
                &meeting_input(MeetingType::SupplierWorkshop, "Leverantörsworkshop", start),
            )
            .unwrap();
        let next = store
            .create_meeting(
                lule,
                &MeetingInput {
                    status: MeetingStatus::Planned,
                    ..meeting_input(
                        MeetingType::ProjectMeeting,
                        "Projektmöte: sammanställning",
                        start + Duration::days(7),
                    )
                },
            )
            .unwrap();
        let trashed = store
            .create_meeting(
                lule,
                &meeting_input(
                    MeetingType::ProjectMeeting,
                    "Struket möte",
                    start - Duration::days(7),
                ),
            )
            .unwrap();
        store.trash(EntityKind::Meeting, trashed).unwrap();

        let welcome = store
            .add_agenda_item(
                workshop,
                &AgendaItemInput {
                    title: "Välkommen".into(),
                    minutes: 15,
                    method: String::new(),
                    owner: "Åsa Lindqvist".into(),
                    expected_outcome: String::new(),
                },
            )
            .unwrap();
        let ideas = store
            .add_agenda_item(
                workshop,
                &AgendaItemInput {
                    title: "Lösningsidéer".into(),
                    minutes: 60,
                    method: "Grupper".into(),
                    owner: String::new(),
                    expected_outcome: String::new(),
                },
            )
            .unwrap();

        store
            .create_organisation(&OrganisationInput {
                name: "Norrsken Sensorteknik AB".into(),
                kind: OrgKind::Supplier,
            })
            .unwrap();
        let person = |store: &mut Store, name: &str, org: &str| {
            store
                .create_person(&PersonInput {
                    name: name.into(),
                    organisation_name: org.into(),
                    title: String::new(),
                    email: String::new(),
                    phone: String::new(),
                })
                .unwrap()
        };
        let asa = person(&mut store, "Åsa Lindqvist", "Luleå kommun");
        let maria = person(&mut store, "Maria Berg", "Luleå kommun");
        let per = person(&mut store, "Per-Olof Backman", "Norrsken Sensorteknik AB");
        for (who, role, attended) in [
            (asa, AttendanceRole::Chair, true),
            (maria, AttendanceRole::NoteTaker, true),
            (per, AttendanceRole::Participant, false),
        ] {
            let id = store.add_attendance(workshop, who, role).unwrap();
            store.set_attendance(id, role, true, attended).unwrap();
        }

        use Confidentiality::*;
        for (item, body, label) in [
            (None, "Alla kom, **bra stämning** (mrk-share-a).", Shareable),
            (None, "Budgeten är inte klar (mrk-internal-a).", Internal),
            (
                Some(welcome),
                "Spelreglerna lästes upp (mrk-share-b).",
                Shareable,
            ),
            (
                Some(ideas),
                "Norrskens pris per brukare (mrk-suppconf-a).",
                SupplierConfidential,
            ),
            (
                Some(ideas),
                "Vi lutar åt öppna gränssnitt (mrk-internal-b).",
                Internal,
            ),
            (
                Some(ideas),
                "Ring Per om lokalen (mrk-personal-a).",
                Personal,
            ),
        ] {
            store.create_note(workshop, item, body, label).unwrap();
        }
        let today = NaiveDate::from_ymd_opt(2026, 11, 18).unwrap();
        store
            .create_decision(
                lule,
                Some(workshop),
                &DecisionInput {
                    text: "En andra workshop hålls i januari".into(),
                    rationale: "Många ville fortsätta".into(),
                    decided_by: "Styrgruppen".into(),
                    decided_on: today,
                },
            )
            .unwrap();
        let done = store
            .create_action(
                lule,
                Some(workshop),
                &ActionInput {
                    title: "Boka lokal".into(),
                    owner: "Maria Berg".into(),
                    due_date: NaiveDate::from_ymd_opt(2026, 11, 20),
                    status: ActionStatus::Open,
                },
            )
            .unwrap();
        store.toggle_action_done(done).unwrap();
        store
            .create_action(
                lule,
                Some(workshop),
                &ActionInput {
                    title: "Skicka mötesanteckningarna".into(),
                    owner: "Åsa Lindqvist".into(),
                    due_date: NaiveDate::from_ymd_opt(2026, 11, 25),
                    status: ActionStatus::Open,
                },
            )
            .unwrap();
        // An action of another meeting stays out.
        store
            .create_action(
                lule,
                Some(next),
                &ActionInput {
                    title: "Annat mötes åtgärd".into(),
                    owner: String::new(),
                    due_date: None,
                    status: ActionStatus::Open,
                },
            )
            .unwrap();
        store
            .create_question(workshop, "Får leverantörer lämna anbud tillsammans?")
            .unwrap();

        let raised = store
            .create_need(
                lule,
                &NeedInput {
                    statement: "Veta om en brukare behöver hjälp utan att gå in.".into(),
                    priority: Some(Priority::Must),
                    ..NeedInput::default()
                },
            )
            .unwrap();
        store
            .add_evidence(raised, Some(workshop), None, "", "")
            .unwrap();
        let elsewhere = store
            .create_need(
                lule,
                &NeedInput {
                    statement: "Ett behov från en annan källa.".into(),
                    ..NeedInput::default()
                },
            )
            .unwrap();
        store
            .add_evidence(elsewhere, None, None, "Enkät.pdf", "")
            .unwrap();
        let suggestion = |meeting_id, title: &str| SuggestionInput {
            meeting_id,
            phase: Phase::EarlyDialogue,
            title: title.into(),
            description: String::new(),
            rationale: String::new(),
            status: SuggestionStatus::Proposed,
            buyer_response: String::new(),
            decision_date: None,
        };
        store
            .create_suggestion(
                lule,
                &suggestion(Some(workshop), "Publicera frågor och svar"),
            )
            .unwrap();
        store
            .create_suggestion(lule, &suggestion(None, "Förslag utan möte"))
            .unwrap();
        drop(store);
        Sandbox {
            sandbox,
            workshop,
            next,
            trashed,
        }
    }

    fn store(&self) -> Store {
        Store::open(&self.db(), clock()).expect("store opens")
    }

    /// `export summary ARGS` with `-o`, checks that the path is printed, and returns
    /// the file's text.
    fn export_to(&self, args: &[&str], file: &str) -> String {
        let mut all = vec!["export", "summary"];
        all.extend_from_slice(args);
        String::from_utf8(self.sandbox.export_to(&all, file)).expect("the file is UTF-8")
    }

    fn exports(&self, meeting: i64) -> Vec<ExportRecord> {
        self.store().exports(meeting).unwrap()
    }
}

const INTERNAL: [&str; 2] = ["mrk-internal-a", "mrk-internal-b"];
const NEVER: [&str; 2] = ["mrk-suppconf-a", "mrk-personal-a"];
const SHARE: [&str; 2] = ["mrk-share-a", "mrk-share-b"];

#[test]
fn every_format_and_audience_writes_a_file_and_is_logged() {
    let s = Sandbox::new();
    let id = s.workshop.to_string();
    let mut expected = Vec::new();
    for format in ["md", "html", "txt"] {
        for audience in ["internal", "shared"] {
            let file = format!("anteckningar-{audience}.{format}");
            let text = s.export_to(&[&id, "--format", format, "--audience", audience], &file);
            assert!(text.contains("Mötesanteckningar"), "{file}");
            for marker in SHARE {
                assert!(text.contains(marker), "{marker} missing from {file}");
            }
            for marker in NEVER {
                assert!(!text.contains(marker), "{marker} leaked into {file}");
            }
            for marker in INTERNAL {
                assert_eq!(
                    text.contains(marker),
                    audience == "internal",
                    "{marker} in {file}"
                );
            }
            // A shared version never says how much it leaves out.
            if audience == "shared" {
                assert!(!text.contains("inte med i den här delade versionen"));
            }
            expected.push((format, audience, s.path(&file)));
        }
    }
    let log = s.exports(s.workshop);
    assert_eq!(log.len(), 6);
    // Newest first; all at the same fixed time, so by id.
    for (record, (format, audience, path)) in log.iter().rev().zip(&expected) {
        assert_eq!(record.what, "summary");
        assert_eq!(record.format, *format);
        assert_eq!(record.audience, *audience);
        assert_eq!(record.language, "sv");
        assert_eq!(PathBuf::from(&record.file), *path);
        assert_eq!(record.exported_at, EXPORTED_AT);
    }
    assert!(s.exports(s.next).is_empty());
}

#[test]
fn the_document_holds_what_the_meeting_produced() {
    let s = Sandbox::new();
    let md = s.run(&["export", "summary", &s.workshop.to_string()]);
    assert!(md.starts_with("# Mötesanteckningar – Leverantörsworkshop\n"));
    for text in [
        "- **Diarienummer:** KS 2025/0412",
        "- **Datum och tid:** ons 2026-11-18 09:00–11:00",
        "- **Antecknare:** Maria Berg",
        "> Likabehandling: upphandlingen har inte påbörjats",
        "### Närvarande\n\n- Åsa Lindqvist, Luleå kommun – mötesledare\n- Maria Berg, Luleå kommun – antecknare\n",
        "### Frånvarande\n\n- Per-Olof Backman, Norrsken Sensorteknik AB – deltagare\n",
        "| 09:00–09:15 | 1. Välkommen | Åsa Lindqvist | 15 min |",
        "| 09:15–10:15 | 2. Lösningsidéer |  | 1 h |",
        "### 1. Välkommen (09:00–09:15)\n\nSpelreglerna lästes upp (mrk-share-b).",
        "1. En andra workshop hålls i januari",
        "| Boka lokal | Maria Berg | 2026-11-20 | Klar 2026-11-26 |",
        "| Skicka mötesanteckningarna | Åsa Lindqvist | 2026-11-25 | Öppen |",
        "- **B-001** Veta om en brukare behöver hjälp utan att gå in. (måste, identifierat)",
        "- **Publicera frågor och svar** (föreslaget; gäller fas: tidig dialog)",
        "- Får leverantörer lämna anbud tillsammans?",
        "## Nästa möte\n\n**Projektmöte: sammanställning** (projektmöte), ons 2026-11-25 09:00–11:00, Stadshuset",
    ] {
        assert!(md.contains(text), "missing {text:?} in\n{md}");
    }
    for absent in [
        "Annat mötes åtgärd",
        "B-002",
        "Förslag utan möte",
        "Struket möte",
    ] {
        assert!(!md.contains(absent), "{absent}");
    }
    // Printed, not written: logged with "-" as the file.
    let log = s.exports(s.workshop);
    assert_eq!(log.len(), 1);
    assert_eq!(
        (
            log[0].format.as_str(),
            log[0].audience.as_str(),
            log[0].file.as_str()
        ),
        ("md", "internal", "-")
    );
}

#[test]
fn a_shared_summary_carries_no_internal_outcome() {
    let s = Sandbox::new();
    let id = s.workshop.to_string();
    // Outcomes are internal until marked otherwise; one action is made shareable.
    let mut store = s.store();
    let action: i64 = store
        .connection()
        .query_row(
            "SELECT id FROM action_items WHERE title = 'Skicka mötesanteckningarna'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    store
        .set_label(EntityKind::ActionItem, action, Confidentiality::Shareable)
        .unwrap();
    drop(store);
    let internal_outcomes = [
        "En andra workshop hålls i januari",
        "Boka lokal",
        "Får leverantörer lämna anbud tillsammans?",
        "B-001",
        "Publicera frågor och svar",
    ];
    let shared = s.run(&["export", "summary", &id, "--audience", "shared"]);
    assert!(shared.contains("Skicka mötesanteckningarna"), "{shared}");
    for text in internal_outcomes {
        assert!(!shared.contains(text), "{text} leaked into\n{shared}");
    }
    let internal = s.run(&["export", "summary", &id, "--audience", "internal"]);
    for text in internal_outcomes {
        assert!(internal.contains(text), "{text} missing from\n{internal}");
    }
}

#[test]
fn format_follows_the_file_extension_and_language_is_chosen() {
    let s = Sandbox::new();
    let id = s.workshop.to_string();
    let html = s.export_to(&[&id, "--lang", "en", "--audience", "shared"], "notes.html");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<p class=\"kicker\">Meeting notes</p>"));
    assert!(!html.contains("left out of this shared version"));
    let txt = s.export_to(&[&id], "anteckningar.TXT");
    assert!(txt.starts_with("Mötesanteckningar – Leverantörsworkshop\n====="));
    let md = s.export_to(&[&id], "anteckningar.md");
    assert!(md.starts_with("# Mötesanteckningar"));
    // A file name tidig cannot write is refused (not filled with Markdown), unlogged.
    let unknown = s.path("anteckningar.pdf");
    let err = s.refuses(&["export", "summary", &id, "-o", unknown.to_str().unwrap()]);
    assert!(err.contains("cannot write .pdf"), "{err}");
    assert!(!unknown.exists());
    let log = s.exports(s.workshop);
    let got: Vec<(&str, &str)> = log
        .iter()
        .rev()
        .map(|r| (r.format.as_str(), r.language.as_str()))
        .collect();
    assert_eq!(got, [("html", "en"), ("txt", "sv"), ("md", "sv")]);
}

#[test]
fn unknown_and_trashed_meetings_are_refused_in_one_line() {
    let s = Sandbox::new();
    let err = s.refuses(&["export", "summary", "999"]);
    assert!(err.contains("no meeting with id 999"), "{err}");
    let err = s.refuses(&["export", "summary", "möte"]);
    assert!(err.contains("not a meeting id"), "{err}");
    let path = s.path("x.md");
    let err = s.refuses(&[
        "export",
        "summary",
        &s.trashed.to_string(),
        "-o",
        path.to_str().unwrap(),
    ]);
    assert!(err.contains("trash"), "{err}");
    assert!(!path.exists());
    assert!(s.exports(s.trashed).is_empty());
}

#[test]
fn a_template_in_the_config_folder_is_used() {
    let s = Sandbox::new();
    let dir = s.path("templates");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("summary.md.j2"),
        "EGEN MALL: {{ meeting.title }} ({{ audience }}, {{ lang }})\n\
         {% for n in general_notes %}- {{ n.body }}\n{% endfor %}",
    )
    .unwrap();
    let id = s.workshop.to_string();
    let md = s.run(&["export", "summary", &id, "--audience", "shared"]);
    assert_eq!(
        md,
        "EGEN MALL: Leverantörsworkshop (shared, sv)\n- Alla kom, **bra stämning** (mrk-share-a).\n"
    );
    // The other formats are still built in.
    let html = s.run(&["export", "summary", &id, "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));

    // A broken one is refused in one line that names the file, and nothing is logged.
    std::fs::write(dir.join("summary.md.j2"), "{% for n in general_notes %}").unwrap();
    let before = s.exports(s.workshop).len();
    let out = s.path("broken.md");
    let err = s.refuses(&["export", "summary", &id, "-o", out.to_str().unwrap()]);
    assert!(
        err.contains(&dir.join("summary.md.j2").display().to_string()),
        "{err}"
    );
    assert!(!out.exists());
    assert_eq!(s.exports(s.workshop).len(), before);
}
