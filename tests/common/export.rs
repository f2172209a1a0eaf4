//! Hand-built records for the export tests, which render them without a store.

use tidig::domain::{Phase, Project, ProjectStatus};

/// NORR-24, an active project in early dialogue, with id 1.
pub fn project() -> Project {
    Project {
        id: 1,
        uuid: "20000000-0000-4000-8000-000000000001".into(),
        code: "NORR-24".into(),
        title: "Måltider i förskolan".into(),
        buyer_id: Some(1),
        buyer_name: Some("Norrköpings kommun".into()),
        case_number: "KS 2024/0117".into(),
        subject: String::new(),
        goal: String::new(),
        phase: Phase::EarlyDialogue,
        status: ProjectStatus::Active,
        innovation_level: None,
        planned_procedure: String::new(),
        start_date: None,
        end_date: None,
        tags: vec![],
        last_reviewed_at: None,
        created_at: "2026-10-01T08:00:00Z".into(),
        updated_at: "2026-10-01T08:00:00Z".into(),
    }
}

/// Whether `text` has `word` (a name, as written: capitalised) as a word of its own,
/// or in the genitive (`word` + "s"): the check that a shared version names nobody.
pub fn names_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let mut after = text[at + word.len()..].chars();
        let starts = !before.is_some_and(char::is_alphanumeric);
        let ends = match after.next() {
            None => true,
            Some('s') => !after.next().is_some_and(char::is_alphanumeric),
            Some(c) => !c.is_alphanumeric(),
        };
        starts && ends
    })
}

/// Asserts that every item of each list given is shareable, naming the list that is not.
#[allow(unused_macros)]
macro_rules! assert_all_shareable {
    ($($list:expr),+ $(,)?) => {$(
        assert!(
            $list
                .iter()
                .all(|item| item.confidentiality == tidig::domain::Confidentiality::Shareable),
            "{} holds an item that is not shareable",
            stringify!($list)
        );
    )+};
}
#[allow(unused_imports)]
pub(crate) use assert_all_shareable;
