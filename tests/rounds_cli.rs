//! `tidig list rounds` and `tidig export dialogue` against the real binary.

mod common;

use common::cli::{Sandbox, json_array};

fn demo() -> Sandbox {
    let sandbox = Sandbox::empty("UTC");
    sandbox.tidig().arg("demo").assert().success();
    sandbox
}

#[test]
fn list_rounds_json_gives_each_round_with_its_questions_and_suppliers() {
    let sandbox = demo();
    let rounds = json_array(&sandbox.run(&["list", "rounds", "--json"]));
    assert_eq!(rounds.len(), 1);
    let r = &rounds[0];
    assert_eq!(r["project_code"], "LULE-25");
    assert_eq!(r["kind"], "one_to_one");
    let questions = r["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 4);
    assert_eq!(
        questions[0]["text"],
        "Hur kan tillsyn på natten ske utan att brukaren väcks?"
    );
    let suppliers: Vec<&str> = r["suppliers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        suppliers,
        [
            "Vårdflöde Nordic AB",
            "Tryggnatt Teknik AB",
            "Omsorgsdata Sverige AB",
            "Norrsken Sensorteknik AB"
        ]
    );
    assert_eq!(r["suppliers"][0]["letter"], "A");
    // Another project has none; the table lists the round on one line.
    let other = json_array(&sandbox.run(&["list", "rounds", "--project", "RVB-26", "--json"]));
    assert!(other.is_empty());
    let table = sandbox.run(&["list", "rounds"]);
    assert_eq!(table.lines().count(), 1);
    assert!(table.contains("Enskilda dialogmöten om nattillsyn"));
}

#[test]
fn export_dialogue_writes_the_compilation_for_its_audience() {
    let sandbox = demo();
    let id = json_array(&sandbox.run(&["list", "rounds", "--json"]))[0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let shared = sandbox.run(&[
        "export",
        "dialogue",
        "LULE-25",
        "--round",
        &id,
        "--audience",
        "shared",
        "--lang",
        "sv",
    ]);
    assert!(shared.starts_with("# Sammanställning av dialogen"));
    assert!(shared.contains("Leverantör A"));
    assert!(!shared.contains("Vårdflöde"));
    let html = sandbox.export_to(
        &[
            "export",
            "dialogue",
            "LULE-25",
            "--audience",
            "internal",
            "--lang",
            "en",
        ],
        "dialogue.html",
    );
    let html = String::from_utf8(html).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Summary of the dialogue"));
    assert!(html.contains("Vårdflöde Nordic AB (A)"));
}

#[test]
fn export_dialogue_refuses_a_round_it_cannot_find() {
    let sandbox = demo();
    let line = sandbox.refuses(&["export", "dialogue", "LULE-25", "--round", "x"]);
    assert!(line.contains("not a round id"), "{line}");
    let line = sandbox.refuses(&["export", "dialogue", "LULE-25", "--round", "999"]);
    assert!(line.contains("no round with id 999"), "{line}");
    let line = sandbox.refuses(&["export", "dialogue", "RVB-26", "--round", "1"]);
    assert!(line.contains("another project"), "{line}");
}
