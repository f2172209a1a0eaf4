//! Dialogue rounds in bundles (issue 13): the demo's round round-trips through export and
//! import, a re-import changes nothing, a one-project bundle carries its rounds, and
//! every problem of a round, its questions, suppliers and answers is refused with its
//! path, on the command line too.

mod common;

use std::collections::BTreeSet;

use tidig::bundle::{self, Bundle, Issue, Problem, Scope, Section, Uuid};
use tidig::ops::bundle::{export_bundle, import_bundle};
use tidig::store::{ImportError, Store};

use common::cli::Sandbox;
use common::store::{count, memory_store};
use common::today;

fn demo_store() -> Store {
    let mut store = memory_store();
    tidig::ops::demo::load(&mut store, today()).expect("demo loads");
    store
}

fn export_all(store: &Store) -> Bundle {
    export_bundle(store, &Scope::All).expect("export")
}

fn problems_of(store: &mut Store, bundle: &Bundle) -> Vec<Issue> {
    match import_bundle(store, bundle, false) {
        Err(ImportError::Invalid(issues)) => issues,
        other => panic!("expected problems, got {other:?}"),
    }
}

fn new_uuid(n: u32) -> Uuid {
    format!("0b0b0000-0000-4000-8000-{n:012x}").as_str().into()
}

fn round_counts(b: &Bundle) -> [usize; 4] {
    [
        Section::DialogueRounds,
        Section::RoundQuestions,
        Section::RoundSuppliers,
        Section::RoundAnswers,
    ]
    .map(|s| b.counts()[&s])
}

/// Export the demo, import into an empty store, export again: equal; and the rounds
/// read back as the matrix they were.
#[test]
fn the_demo_round_trips_through_an_empty_store() {
    let demo = demo_store();
    let first = export_all(&demo);
    assert_eq!(round_counts(&first), [1, 4, 4, 12]);
    let mut copy = memory_store();
    let report = import_bundle(&mut copy, &first, false).unwrap();
    assert_eq!(report.sections[&Section::RoundAnswers].inserted, 12);
    assert!(copy.check().unwrap().is_empty());
    let second = export_all(&copy);
    assert_eq!(first.to_json(), second.to_json());

    let round = copy.rounds(None, 0).unwrap()[0].clone();
    assert_eq!(round.project_code, "LULE-25");
    let before = demo.round_matrix(demo.rounds(None, 0).unwrap()[0].id, 0, 10);
    let after = copy.round_matrix(round.id, 0, 10).unwrap();
    let before = before.unwrap();
    assert_eq!(after.cells, before.cells);
    let letters: Vec<String> = after.suppliers.iter().map(|s| s.letter()).collect();
    assert_eq!(letters, ["A", "B", "C", "D"]);
    assert_eq!(after.missing(), 1);
    assert_eq!(after.not_asked().len(), 4);
}

#[test]
fn importing_the_rounds_again_changes_nothing() {
    let b = export_all(&demo_store());
    let mut store = memory_store();
    import_bundle(&mut store, &b, false).unwrap();
    let again = import_bundle(&mut store, &b, false).unwrap();
    for section in [
        Section::DialogueRounds,
        Section::RoundQuestions,
        Section::RoundSuppliers,
        Section::RoundAnswers,
    ] {
        let c = &again.sections[&section];
        assert_eq!((c.inserted, c.updated), (0, 0), "{}", section.as_str());
        assert!(c.unchanged > 0);
    }
}

/// An answer edited in the bundle later than in the store updates the store's; one
/// the store changed later is kept as a conflict.
#[test]
fn a_newer_answer_updates_and_an_older_one_is_a_conflict() {
    let mut store = demo_store();
    let mut b = export_all(&store);
    b.round_answers[0].body = "Ändrat i paketet".into();
    b.round_answers[0].updated_at = "2026-11-27T08:00:00Z".into();
    b.round_answers[1].body = "Äldre".into();
    b.round_answers[1].updated_at = "2026-11-01T08:00:00Z".into();
    let report = import_bundle(&mut store, &b, false).unwrap();
    let c = &report.sections[&Section::RoundAnswers];
    assert_eq!(c.updated, 1);
    assert_eq!(c.conflicts, vec![b.round_answers[1].uuid.0.clone()]);
    let after = export_all(&store);
    assert_eq!(after.round_answers[0].body, "Ändrat i paketet");
    assert_ne!(after.round_answers[1].body, "Äldre");
}

#[test]
fn every_round_problem_is_reported_with_its_path_and_nothing_changes() {
    let mut store = demo_store();
    let before = export_all(&store);
    let mut b = before.clone();

    // A round of a project that is nowhere, of an unknown kind.
    let mut round = b.dialogue_rounds[0].clone();
    round.uuid = new_uuid(1);
    round.project = new_uuid(2);
    round.kind = "survey".into();
    round.title = " ".into();
    b.dialogue_rounds.push(round);
    // A question of a missing round, at position 0.
    let mut question = b.round_questions[0].clone();
    question.uuid = new_uuid(3);
    question.round = new_uuid(4);
    question.position = 0;
    b.round_questions.push(question);
    // A supplier row for an organisation the store has in the round already, with the
    // number another supplier has, and a meeting that is nowhere.
    let mut supplier = b.round_suppliers[0].clone();
    supplier.uuid = new_uuid(5);
    supplier.meeting = Some(new_uuid(6));
    b.round_suppliers.push(supplier);
    // An answer the store has as another row, and one from an organisation that is not
    // in the round, with a bad label.
    let mut answer = b.round_answers[0].clone();
    answer.uuid = new_uuid(7);
    b.round_answers.push(answer);
    let mut stranger = b.round_answers[0].clone();
    stranger.uuid = new_uuid(8);
    stranger.question = b.round_questions[1].uuid.clone();
    stranger.organisation = b.projects[0].buyer.clone().unwrap();
    stranger.confidentiality = "secret".into();
    b.round_answers.push(stranger);
    // An organisation that does not exist.
    let mut orphan = b.round_answers[0].clone();
    orphan.uuid = new_uuid(9);
    orphan.organisation = new_uuid(10);
    b.round_answers.push(orphan);

    let (r, q, s, a) = (
        b.dialogue_rounds.len() - 1,
        b.round_questions.len() - 1,
        b.round_suppliers.len() - 1,
        b.round_answers.len() - 3,
    );
    let issues = problems_of(&mut store, &b);
    let found: BTreeSet<(String, String)> = issues
        .iter()
        .map(|i| (i.path.clone(), kind(&i.problem)))
        .collect();
    let expected: BTreeSet<(String, String)> = [
        (format!("dialogue_rounds[{r}].project"), "Dangling"),
        (format!("dialogue_rounds[{r}].kind"), "UnknownValue"),
        (format!("dialogue_rounds[{r}].title"), "Blank"),
        (format!("round_questions[{q}].round"), "Dangling"),
        (format!("round_questions[{q}].position"), "NotPositive"),
        (
            format!("round_suppliers[{s}].organisation"),
            "DuplicateRoundSupplier",
        ),
        (
            format!("round_suppliers[{s}].seq"),
            "DuplicateSupplierNumber",
        ),
        (format!("round_suppliers[{s}].meeting"), "Dangling"),
        (
            format!("round_answers[{a}].organisation"),
            "DuplicateAnswer",
        ),
        (
            format!("round_answers[{}].organisation", a + 1),
            "NotInRound",
        ),
        (
            format!("round_answers[{}].confidentiality", a + 1),
            "UnknownValue",
        ),
        (format!("round_answers[{}].organisation", a + 2), "Dangling"),
    ]
    .into_iter()
    .map(|(p, k)| (p, k.to_string()))
    .collect();
    assert_eq!(found, expected, "{issues:#?}");
    assert_eq!(
        issues.len(),
        expected.len(),
        "each problem once: {issues:#?}"
    );

    // A supplier and an answer the *store* has under other UUIDs (not in the bundle).
    let mut b = before.clone();
    b.round_suppliers[1].uuid = new_uuid(11);
    b.round_answers[2].uuid = new_uuid(12);
    let mut other = b.round_suppliers[2].clone();
    other.uuid = new_uuid(13);
    other.organisation = b.projects[0].buyer.clone().unwrap();
    other.seq = 1;
    b.round_suppliers.push(other);
    let issues = problems_of(&mut store, &b);
    let found: Vec<(String, Problem)> = issues.into_iter().map(|i| (i.path, i.problem)).collect();
    let last = b.round_suppliers.len() - 1;
    assert_eq!(
        found,
        vec![
            (
                "round_suppliers[1].organisation".to_string(),
                Problem::RoundSupplierTaken
            ),
            (
                "round_suppliers[1].seq".to_string(),
                Problem::SupplierNumberTaken
            ),
            (
                format!("round_suppliers[{last}].seq"),
                Problem::DuplicateSupplierNumber {
                    first: "round_suppliers[0]".into()
                }
            ),
            (
                "round_answers[2].organisation".to_string(),
                Problem::AnswerTaken
            ),
        ]
    );
    // Words for each, from the catalog.
    for (path, problem) in &found {
        let line = tidig::text::bundle_issue(&Issue {
            path: path.clone(),
            problem: problem.clone(),
        });
        assert!(line.starts_with(&format!("{path}: ")) && line.len() > path.len() + 10);
    }
    assert_eq!(export_all(&store).to_json().len(), before.to_json().len());
    assert_eq!(
        count(&store, "SELECT count(*) FROM round_suppliers"),
        before.round_suppliers.len() as i64
    );
}

/// The variant's name: what a test compares.
fn kind(p: &Problem) -> String {
    format!("{p:?}")
        .split([' ', '(', '{'])
        .next()
        .unwrap()
        .to_string()
}

/// A bundle with a round of a project that is neither in it nor in the store is
/// refused on the command line with the row's path and the file's name.
#[test]
fn cli_refuses_a_round_of_a_missing_project_with_its_path() {
    let source = Sandbox::empty("UTC");
    source.run(&["demo"]);
    let text = source.run(&["export", "bundle", "--project", "LULE-25"]);
    let mut b = bundle::parse(&text).unwrap();
    b.projects.clear();
    b.meetings.clear();
    b.agenda_items.clear();
    b.attendance.clear();
    b.notes.clear();
    b.questions.clear();
    b.notes_status_changes.clear();
    b.exports.clear();
    b.meeting_registrations.clear();
    b.milestones.clear();
    b.needs.clear();
    b.need_evidence.clear();
    b.need_status_changes.clear();
    b.suggestions.clear();
    b.lessons.clear();
    b.decisions.clear();
    b.action_items.clear();
    b.information_items.clear();
    b.interests.clear();
    for s in &mut b.round_suppliers {
        s.meeting = None;
    }
    for a in &mut b.round_answers {
        a.meeting = None;
    }
    let target = Sandbox::empty("UTC");
    let path = target.path("rounds.json");
    std::fs::write(&path, b.to_json()).unwrap();
    let out = target
        .tidig()
        .args(["import", "bundle", path.to_str().unwrap()])
        .assert()
        .failure()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].starts_with("dialogue_rounds[0].project: ")
            && lines[0].contains(b.dialogue_rounds[0].project.as_str()),
        "{stderr}"
    );
    assert_eq!(
        lines[1],
        format!(
            "tidig: 1 problem in {}; nothing was imported",
            path.display()
        )
    );
    assert_eq!(
        target.run(&["list", "rounds", "--json"]).trim(),
        "[]",
        "nothing was imported"
    );
}
