//! Random text with control characters, bidirectional marks and emoji, up to 1 MB:
//! what the store keeps is the cleaned text (unchanged by a second save), and the real
//! binary never prints a control character or an uncontained bidi override, whether
//! the store holds cleaned text or raw text from an older version.

mod common;

use common::cli::{Sandbox, stdout_of};
use proptest::prelude::*;
use tidig::domain::ProjectInput;
use tidig::domain::clean::clean_text;
use tidig::store::Store;

const MAX_BYTES: usize = 1 << 20;

fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        2 => prop::char::range('\u{0}', '\u{1f}'),
        2 => prop::char::range('\u{7f}', '\u{9f}'),
        2 => prop::sample::select(vec![
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}',
            '\u{2067}', '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
        ]),
        1 => prop::sample::select(vec!['🙂', '👍', 'å', 'ש', 'ع', ' ']),
        2 => prop::char::range('a', 'z'),
    ]
}

/// A short random piece, repeated so that some cases reach 1 MB.
fn hostile_text() -> impl Strategy<Value = String> {
    (prop::collection::vec(hostile_char(), 1..400), 1..3000usize).prop_map(|(piece, times)| {
        let piece: String = piece.into_iter().collect();
        let mut text = piece.repeat(times);
        let mut end = text.len().min(MAX_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text
    })
}

fn input_of(p: &tidig::domain::Project, title: &str) -> ProjectInput {
    ProjectInput {
        code: p.code.clone(),
        title: title.to_string(),
        buyer_name: p.buyer_name.clone().unwrap_or_default(),
        case_number: p.case_number.clone(),
        subject: p.subject.clone(),
        goal: p.goal.clone(),
        phase: p.phase,
        status: p.status,
        innovation_level: p.innovation_level,
        planned_procedure: p.planned_procedure.clone(),
        start_date: p.start_date,
        end_date: p.end_date,
        tags: p.tags.clone(),
    }
}

/// The terminal-facing checks: no C0 but newline and tab, no DEL or C1, and no
/// bidirectional control outside an isolate (FSI/LRI/RLI … PDI) when `isolates_allowed`,
/// none at all otherwise.
fn assert_terminal_safe(what: &str, out: &str, isolates_allowed: bool) {
    let mut open = 0usize;
    for c in out.chars() {
        assert!(
            !c.is_control() || c == '\n' || c == '\t',
            "{what}: control {c:?} reached stdout"
        );
        let bidi = tidig::domain::visible::bidi_name(c).is_some();
        if !isolates_allowed {
            assert!(!bidi, "{what}: bidi {c:?} reached stdout");
            continue;
        }
        match c {
            '\u{2066}'..='\u{2068}' => open += 1,
            '\u{2069}' => {
                assert!(open > 0, "{what}: PDI without its isolate");
                open -= 1;
            }
            c if bidi => assert!(open > 0, "{what}: bidi {c:?} outside an isolate"),
            _ => {}
        }
    }
    assert_eq!(open, 0, "{what}: an isolate left open");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn hostile_text_is_stored_clean_and_never_printed_raw(text in hostile_text()) {
        let sandbox = Sandbox::empty("UTC");
        sandbox.tidig().arg("demo").assert().success();
        let cleaned = clean_text(&text).into_owned();
        prop_assert!(!cleaned.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
        let (project, meeting) = {
            let conn = rusqlite::Connection::open(sandbox.db()).unwrap();
            let (id, meeting): (i64, i64) = conn
                .query_row("SELECT project_id, id FROM meetings ORDER BY id LIMIT 1", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .unwrap();
            drop(conn);
            let mut store = Store::open(&sandbox.db(), common::clock()).unwrap();
            let p = store.project(id).unwrap();
            // A title that trims to nothing is refused by the form; keep one character.
            let title = format!("T{cleaned}");
            store.update_project(id, &input_of(&p, &title)).unwrap();
            let stored = store.project(id).unwrap();
            prop_assert_eq!(&stored.title, &title);
            store.update_project(id, &input_of(&stored, &clean_text(&stored.title))).unwrap();
            prop_assert_eq!(&store.project(id).unwrap().title, &title);
            (id, meeting)
        };
        let check = |isolates: bool| {
            let list = stdout_of(sandbox.tidig().args(["list", "projects"]));
            assert_terminal_safe("list projects", &list, false);
            let txt = stdout_of(sandbox.tidig().args([
                "export", "summary", &meeting.to_string(), "--format", "txt",
            ]));
            assert_terminal_safe("export summary txt", &txt, isolates);
        };
        check(true);
        // Raw text, as an older version may have stored it.
        {
            let conn = rusqlite::Connection::open(sandbox.db()).unwrap();
            conn.execute("UPDATE projects SET title = ?2 WHERE id = ?1", rusqlite::params![project, format!("T{text}")]).unwrap();
            conn.execute("UPDATE meetings SET title = ?2 WHERE id = ?1", rusqlite::params![meeting, format!("M{text}")]).unwrap();
        }
        check(true);
    }
}
