//! Command-line tests of `list needs`, `list suggestions`, `export needs` and
//! `export lessons` against a temporary store filled through the library. Every run
//! has its own config path, a fixed clock (`TIDIG_NOW`) and `TZ=UTC`.

mod common;

use chrono::{Duration, TimeZone, Utc};
use serde_json::Value;
use tidig::domain::*;
use tidig::store::Store;

use common::cli::{Sandbox, json_array};
use common::clock;

const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

fn need_input(statement: &str, category: &str, priority: Option<Priority>) -> NeedInput {
    NeedInput {
        statement: statement.into(),
        category: category.into(),
        priority,
        ..NeedInput::default()
    }
}

impl Sandbox {
    /// NORR-24 with five needs (one merged, one rejected, evidence from a meeting, a
    /// person and a document), two suggestions and three lessons (one not shareable);
    /// LULE-25 with one need, one suggestion and one lesson.
    fn new() -> Sandbox {
        Sandbox::new_in("UTC")
    }

    /// [`Sandbox::new`] whose runs have `TZ=tz`.
    fn new_in(tz: &'static str) -> Sandbox {
        let sandbox = Sandbox::empty(tz);
        let mut store = Store::open(&sandbox.db(), clock()).expect("store opens");
        let project = |code: &str, title: &str, buyer: &str| ProjectInput {
            code: code.into(),
            title: title.into(),
            buyer_name: buyer.into(),
            case_number: "KS 2024/0117".into(),
            status: ProjectStatus::Active,
            ..ProjectInput::default()
        };
        let norr = store
            .create_project(&project(
                "NORR-24",
                "Måltider i förskolan",
                "Norrköpings kommun",
            ))
            .unwrap();
        let lule = store
            .create_project(&project("LULE-25", "Snöröjning", "Luleå kommun"))
            .unwrap();

        let start = Utc.with_ymd_and_hms(2026, 11, 19, 9, 0, 0).unwrap();
        let workshop = store
            .create_meeting(
                norr,
                &MeetingInput {
                    kind: MeetingType::NeedsWorkshop,
                    title: "Behovsworkshop 1".into(),
                    purpose: String::new(),
                    desired_outcome: String::new(),
                    format: MeetingFormat::InPerson,
                    location: "Stadshuset".into(),
                    start,
                    end: start + Duration::minutes(120),
                    status: MeetingStatus::Held,
                    notes_status: NotesStatus::None,
                },
            )
            .unwrap();
        let asa = store
            .create_person(&PersonInput {
                name: "Åsa Öberg".into(),
                organisation_name: "Norrköpings kommun".into(),
                title: "Kostchef".into(),
                email: String::new(),
                phone: String::new(),
            })
            .unwrap();

        use Priority::*;
        let b1 = store
            .create_need(
                norr,
                &need_input(
                    "Barnen ska få varm mat, varje dag.",
                    "Kost och näring",
                    Some(Must),
                ),
            )
            .unwrap();
        let b2 = store
            .create_need(
                norr,
                &need_input("=HYPERLINK(\"http://x\")", "Ärenden", Some(Could)),
            )
            .unwrap();
        let b3 = store
            .create_need(
                norr,
                &need_input("Varm mat varje dag.", "Kost och näring", Some(Must)),
            )
            .unwrap();
        let b4 = store
            .create_need(
                norr,
                &need_input("Vi behöver en app.", "Planering", Some(Should)),
            )
            .unwrap();
        store
            .create_need(norr, &need_input("Menyn på webben.", "", None))
            .unwrap();
        store
            .create_need(
                lule,
                &need_input("Gångvägar före kl. 7.", "Drift", Some(Must)),
            )
            .unwrap();
        let e1 = store
            .add_evidence(b1, Some(workshop), None, "", "Alla grupper tog upp det.")
            .unwrap();
        let e2 = store
            .add_evidence(b1, None, Some(asa), "Enkät 2026.pdf", "")
            .unwrap();
        // B-001 and B-002 and two pieces of evidence may be shared; the rest is
        // internal, as new items are.
        for need in [b1, b2] {
            store
                .set_label(EntityKind::Need, need, Confidentiality::Shareable)
                .unwrap();
        }
        for e in [e1, e2] {
            store
                .set_evidence_label(e, Confidentiality::Shareable)
                .unwrap();
        }
        store
            .add_evidence(b3, None, Some(asa), "", "Samma sak som B-001.")
            .unwrap();
        store.set_need_status(b1, NeedStatus::Analysed, "").unwrap();
        store.merge_needs(b3, b1).unwrap();
        store
            .set_need_status(b4, NeedStatus::Rejected, "En lösning, inte ett behov.")
            .unwrap();

        let suggestion = |title: &str, status: SuggestionStatus| SuggestionInput {
            meeting_id: None,
            phase: Phase::EarlyDialogue,
            title: title.into(),
            description: "Beskrivning".into(),
            rationale: "Skäl".into(),
            status,
            buyer_response: String::new(),
            decision_date: None,
        };
        store
            .create_suggestion(
                norr,
                &suggestion("Färre skallkrav", SuggestionStatus::Proposed),
            )
            .unwrap();
        store
            .create_suggestion(
                norr,
                &SuggestionInput {
                    meeting_id: Some(workshop),
                    ..suggestion("Publicera frågor och svar", SuggestionStatus::Accepted)
                },
            )
            .unwrap();
        store
            .create_suggestion(
                lule,
                &suggestion("Dialog i tid", SuggestionStatus::Discussed),
            )
            .unwrap();

        let lesson = |project_id: Option<i64>, title: &str, shareable: bool| LessonInput {
            project_id,
            phase: Some(Phase::EarlyDialogue),
            kind: LessonKind::GoodExample,
            title: title.into(),
            context: "Sammanhang".into(),
            what_happened: "Det hände <saker>.".into(),
            what_we_learned: "Vi lärde oss.".into(),
            recommendation: "Gör så här.".into(),
            shareable,
        };
        for l in [
            lesson(Some(norr), "Frågor i förväg", true),
            lesson(Some(norr), "Intern budgetmiss", false),
            lesson(None, "Boka lokal tidigt", true),
            lesson(Some(lule), "Plogning och dialog", true),
        ] {
            store.create_lesson(&l).unwrap();
        }
        drop(store);
        sandbox
    }
}

// ---------------------------------------------------------------------------------------
// list
// ---------------------------------------------------------------------------------------

#[test]
fn list_needs_json_has_ids_uuids_codes_statements_projects_and_status() {
    let s = Sandbox::new();
    let rows = json_array(&s.run(&["list", "needs", "--json"]));
    assert_eq!(rows.len(), 6, "every need, merged and rejected too");
    let codes: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["project_code"].as_str().unwrap(),
                r["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("LULE-25", "B-001"),
            ("NORR-24", "B-001"),
            ("NORR-24", "B-002"),
            ("NORR-24", "B-003"),
            ("NORR-24", "B-004"),
            ("NORR-24", "B-005"),
        ]
    );
    for r in &rows {
        assert!(r["id"].as_i64().unwrap() > 0);
        assert_eq!(r["uuid"].as_str().unwrap().len(), 36);
        assert!(r["statement"].is_string());
    }
    let b1 = &rows[1];
    assert_eq!(b1["statement"], "Barnen ska få varm mat, varje dag.");
    assert_eq!(b1["status"], "analysed");
    assert_eq!(b1["priority"], "must");
    assert_eq!(b1["category"], "Kost och näring");
    assert_eq!(
        b1["evidence_count"], 3,
        "the merged need's evidence moved over"
    );
    assert_eq!(rows[3]["status"], "merged");
    assert_eq!(rows[3]["merged_into"], b1["id"]);
    assert_eq!(rows[4]["status"], "rejected");
    assert_eq!(rows[4]["status_reason"], "En lösning, inte ett behov.");
    assert_eq!(rows[5]["priority"], Value::Null);

    let norr = json_array(&s.run(&["list", "needs", "--project", "norr-24", "--json"]));
    assert_eq!(norr.len(), 5);
    assert!(norr.iter().all(|r| r["project_code"] == "NORR-24"));
}

#[test]
fn list_needs_as_a_table() {
    let s = Sandbox::new();
    let out = s.run(&["list", "needs", "--project", "NORR-24"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0].starts_with("NORR-24      B-001  analysed    must"));
    assert!(lines[0].ends_with("Barnen ska få varm mat, varje dag."));
    assert!(lines[4].contains(" -      "), "no priority: {}", lines[4]);
}

#[test]
fn list_suggestions_json_and_table() {
    let s = Sandbox::new();
    let rows = json_array(&s.run(&["list", "suggestions", "--json"]));
    assert_eq!(rows.len(), 3);
    for r in &rows {
        assert!(r["id"].as_i64().unwrap() > 0);
        assert_eq!(r["uuid"].as_str().unwrap().len(), 36);
        assert!(r["title"].is_string() && r["project_code"].is_string());
        assert!(r["status"].is_string() && r["phase"] == "early_dialogue");
    }
    let accepted = rows
        .iter()
        .find(|r| r["title"] == "Publicera frågor och svar")
        .expect("the accepted suggestion");
    assert_eq!(accepted["status"], "accepted");
    assert_eq!(accepted["meeting_title"], "Behovsworkshop 1");

    let norr = json_array(&s.run(&["list", "suggestions", "--project", "NORR-24", "--json"]));
    let titles: Vec<&str> = norr.iter().map(|r| r["title"].as_str().unwrap()).collect();
    // Open ones first.
    assert_eq!(titles, ["Färre skallkrav", "Publicera frågor och svar"]);

    let table = s.run(&["list", "suggestions", "--project", "LULE-25"]);
    assert_eq!(table.lines().count(), 1);
    assert!(table.contains("LULE-25      discussed   early_dialogue   Dialog i tid"));
}

#[test]
fn unknown_project_is_refused_in_one_line() {
    let s = Sandbox::new();
    for args in [
        &["list", "needs", "--project", "NOPE-1"][..],
        &["list", "suggestions", "--project", "NOPE-1", "--json"],
        &["export", "needs", "NOPE-1"],
        &["export", "needs", "NOPE-1", "--format", "csv"],
        &["export", "lessons", "--project", "NOPE-1"],
    ] {
        let err = s.refuses(args);
        assert!(err.contains("NOPE-1"), "{err}");
    }
    // Nothing was written for a refused export.
    let path = s.path("x.csv");
    s.refuses(&["export", "needs", "NOPE-1", "-o", path.to_str().unwrap()]);
    assert!(!path.exists());
}

// ---------------------------------------------------------------------------------------
// export needs
// ---------------------------------------------------------------------------------------

#[test]
fn export_needs_markdown_to_stdout_and_file() {
    let s = Sandbox::new();
    // Swedish under the sandbox's Swedish locale, for the buyer's team by default.
    let md = s.run(&["export", "needs", "norr-24"]);
    assert!(
        md.starts_with("# Behovsbeskrivning – Måltider i förskolan\n"),
        "{md}"
    );
    for text in [
        "> **Intern version för projektgruppen",
        "- **Diarienummer:** KS 2024/0117",
        "- **Datum:** 2026-11-26",
        "- **Version:** Intern version (projektgruppen)",
        "## Bakgrund, mål och omfattning",
        "inte ett bör-krav i upphandlingens mening",
        "Möte: Behovsworkshop 1 (2026-11-19)",
        "Person: Åsa Öberg · Dokument: Enkät 2026.pdf",
        // The merged need's evidence is with the need it was merged into.
        "Samma sak som B-001.",
        // The rejected need is a scope limit, with its reason.
        "## Avgränsningar",
        "- **B-004** Vi behöver en app. — *En lösning, inte ett behov.*",
        "Sammanslagna behov ingår i det behov de slogs ihop med: B-003 → B-001.",
    ] {
        assert!(md.contains(text), "{text}\n{md}");
    }
    assert!(!md.contains("\n**B-003**") && !md.contains("\n**B-004**"));

    let file = s.export_to(&["export", "needs", "NORR-24"], "behov.md");
    assert_eq!(String::from_utf8(file).unwrap(), md);
}

#[test]
fn export_needs_lang_chooses_every_word_and_the_html_lang() {
    let s = Sandbox::new();
    let en = s.run(&["export", "needs", "NORR-24", "--lang", "en"]);
    assert!(
        en.starts_with("# Needs description – Måltider i förskolan\n"),
        "{en}"
    );
    assert!(en.contains("- **Case number:** KS 2024/0117"));
    assert!(en.contains("## Scope limits"));
    assert!(en.contains("Meeting: Behovsworkshop 1 (2026-11-19)"));
    assert!(!en.contains("Behovsbeskrivning") && !en.contains("Underlag"));
    let sv = s.run(&["export", "needs", "NORR-24", "--lang", "sv"]);
    assert_eq!(sv, s.run(&["export", "needs", "NORR-24"]));
    for (lang, words) in [("sv", "Behovsbeskrivning"), ("en", "Needs description")] {
        let html = String::from_utf8(s.export_to(
            &["export", "needs", "NORR-24", "--lang", lang],
            &format!("behov-{lang}.html"),
        ))
        .unwrap();
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{lang}");
        assert!(html.contains(words), "{lang}");
    }
}

#[test]
fn export_needs_shared_carries_only_shareable_needs_and_no_names() {
    let s = Sandbox::new();
    for lang in ["sv", "en"] {
        for format in ["md", "html", "csv"] {
            let args = [
                "export",
                "needs",
                "NORR-24",
                "--audience",
                "shared",
                "--lang",
                lang,
                "--format",
                format,
            ];
            let out = s.run(&args);
            // The shareable needs and the shareable evidence, without its person.
            assert!(
                out.contains("Barnen ska få varm mat, varje dag."),
                "{lang} {format}"
            );
            assert!(out.contains("Alla grupper tog upp det."), "{lang} {format}");
            assert!(out.contains("Enkät 2026.pdf"), "{lang} {format}");
            // Nothing internal, no person, no scope limits, nothing counted.
            for never in [
                "Åsa Öberg",
                "Samma sak som B-001.",
                "Menyn på webben.",
                "Vi behöver en app.",
                "En lösning, inte ett behov.",
                "B-003",
                "B-004",
                "B-005",
                "Behovsworkshop 1",
                "Avgränsningar",
                "Scope limits",
                "Intern version",
                "Internal version",
            ] {
                assert!(!out.contains(never), "{never} in {lang} {format}:\n{out}");
            }
        }
    }
    let md = s.run(&["export", "needs", "NORR-24", "--audience", "shared"]);
    assert!(md.contains("- **Version:** Extern version (kan ingå i upphandlingsdokumenten)"));
    assert!(md.contains("  - Möte: Behovsworkshop (2026-11-19) — *Alla grupper tog upp det.*"));
    // --audience internal is the default.
    assert_eq!(
        s.run(&["export", "needs", "NORR-24", "--audience", "internal"]),
        s.run(&["export", "needs", "NORR-24"])
    );
    let out = s
        .tidig()
        .args(["export", "needs", "NORR-24", "--audience", "everyone"])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("'everyone'") && err.contains("internal, shared"),
        "{err}"
    );
}

#[test]
fn export_needs_csv_has_bom_crlf_and_every_need() {
    let s = Sandbox::new();
    let bytes = s.export_to(&["export", "needs", "NORR-24"], "behov.csv");
    assert!(bytes.starts_with(BOM), "the CSV starts with the UTF-8 BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.ends_with("\r\n"));
    assert_eq!(
        text.replace("\r\n", "").matches('\n').count(),
        0,
        "no bare LF: {text:?}"
    );
    // Swedish: semicolons, Swedish headers and labels.
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 6, "header and five needs");
    assert_eq!(
        lines[0],
        "Kod;Behov;Som;Behöver;För att;Kategori;Prioritet;Status;Skäl;Ansvarig;Underlag;\
         Antal underlag;Skapad;Ändrad"
    );
    assert!(lines[1].starts_with(
        "B-001;Barnen ska få varm mat, varje dag.;;;;Kost och näring;Måste;Analyserat;"
    ));
    assert!(lines[2].starts_with("B-002;\"'=HYPERLINK(\"\"http://x\"\")\";;;;Ärenden;Kan;"));
    assert!(lines[3].starts_with("B-003;Varm mat varje dag.;"));
    assert!(lines[3].contains(";Sammanslaget;ingår i B-001;"));
    // A comma needs no quotes when the separator is a semicolon.
    assert!(lines[4].contains(";Avvisat;En lösning, inte ett behov.;"));
    assert!(
        lines[1].ends_with(";3;2026-11-26 12:00;2026-11-26 12:00"),
        "{}",
        lines[1]
    );

    // --format wins over the extension, and standard output gets the same bytes.
    let stdout = s
        .tidig()
        .args(["export", "needs", "NORR-24", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(stdout.starts_with(BOM));
    assert_eq!(&stdout[3..], text.as_bytes());

    // English: commas and English words.
    let en = s.run(&[
        "export", "needs", "NORR-24", "--format", "csv", "--lang", "en",
    ]);
    let en: Vec<&str> = en.split_terminator("\r\n").collect();
    assert!(en[0].starts_with("\u{feff}Code,Need,As a,I need,So that,Category,Priority,Status"));
    assert!(en[4].contains(",Rejected,\"En lösning, inte ett behov.\","));
}

#[test]
fn export_needs_csv_times_are_local() {
    let s = Sandbox::new_in("Europe/Stockholm");
    let csv = s.run(&["export", "needs", "NORR-24", "--format", "csv"]);
    let b1 = csv.split_terminator("\r\n").nth(1).unwrap();
    // Stored at 12:00 UTC: 13:00 in Stockholm in November.
    assert!(b1.ends_with(";2026-11-26 13:00;2026-11-26 13:00"), "{b1}");
}

#[test]
fn export_needs_separator_overrides_the_language() {
    let s = Sandbox::new();
    let header = |args: &[&str]| -> String {
        let out = s.run(args);
        out.trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    let base = ["export", "needs", "NORR-24", "--format", "csv"];
    let with = |extra: &[&'static str]| -> Vec<&str> {
        let mut all = base.to_vec();
        all.extend_from_slice(extra);
        all
    };
    assert!(header(&with(&["--separator", ","])).starts_with("Kod,Behov,Som,Behöver,För att,"));
    assert!(header(&with(&["--separator", "comma"])).starts_with("Kod,Behov,"));
    assert!(header(&with(&["--lang", "en", "--separator", ";"])).starts_with("Code;Need;As a;"));
    assert!(header(&with(&["--separator", "tab"])).starts_with("Kod\tBehov\tSom\tBehöver\t"));
    // Written to a .csv file as well.
    let file = s.export_to(
        &["export", "needs", "NORR-24", "--separator", "tab"],
        "behov.csv",
    );
    assert!(String::from_utf8(file).unwrap().contains("Kod\tBehov"));
    // Only CSV has a separator; an unknown one is refused.
    let err = s.refuses(&["export", "needs", "NORR-24", "--separator", "tab"]);
    assert!(err.contains("--separator") && err.contains("CSV"), "{err}");
    let out = s
        .tidig()
        .args(with(&["--separator", "|"]))
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("'|'") && err.contains("tab"), "{err}");
}

// ---------------------------------------------------------------------------------------
// export lessons
// ---------------------------------------------------------------------------------------

#[test]
fn export_lessons_only_the_shareable_ones() {
    let s = Sandbox::new();
    let all = s.run(&["export", "lessons"]);
    // Swedish under the sandbox's Swedish locale; nothing says what was left out.
    assert!(all.starts_with("# Lärande exempel\n"), "{all}");
    assert!(
        all.contains("**I detta dokument:** 3 lärande exempel\n"),
        "{all}"
    );
    let en = s.run(&["export", "lessons", "--lang", "en"]);
    assert!(en.starts_with("# Learning examples\n"), "{en}");
    assert!(en.contains("3 learning examples\n"), "{en}");
    assert!(all.contains("Boka lokal tidigt") && all.contains("Plogning och dialog"));
    assert!(!all.contains("Intern budgetmiss"));
    assert!(all.contains(r"Det hände \<saker\>."));

    let norr = s.run(&["export", "lessons", "--project", "NORR-24"]);
    assert!(norr.contains("1 lärande exempel\n"), "{norr}");
    assert!(norr.contains("Frågor i förväg"));
    assert!(!norr.contains("Plogning") && !norr.contains("Boka lokal"));

    let html = String::from_utf8(s.export_to(&["export", "lessons"], "exempel.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Det hände &lt;saker&gt;."));
    assert!(!html.contains("Intern budgetmiss"));
}
