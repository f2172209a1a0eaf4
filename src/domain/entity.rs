//! One way to name any item in the store: its kind and its row id. The trash, jumps
//! between screens (`App::go_to`), search results and the command palette all speak it.

/// The kinds of user-visible rows (the ones that go to the trash).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Project,
    Organisation,
    Person,
    Milestone,
    Meeting,
    AgendaItem,
    Need,
    Suggestion,
    Lesson,
    Note,
    Decision,
    ActionItem,
    Question,
    /// A dialogue round (dialogomgång).
    Round,
}

impl EntityKind {
    pub const ALL: [EntityKind; 14] = [
        Self::Project,
        Self::Organisation,
        Self::Person,
        Self::Milestone,
        Self::Meeting,
        Self::AgendaItem,
        Self::Need,
        Self::Suggestion,
        Self::Lesson,
        Self::Note,
        Self::Decision,
        Self::ActionItem,
        Self::Question,
        Self::Round,
    ];

    /// A stable machine name (bundles, logs, the command line).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Project => "project",
            Self::Organisation => "organisation",
            Self::Person => "person",
            Self::Milestone => "milestone",
            Self::Meeting => "meeting",
            Self::AgendaItem => "agenda_item",
            Self::Need => "need",
            Self::Suggestion => "suggestion",
            Self::Lesson => "lesson",
            Self::Note => "note",
            Self::Decision => "decision",
            Self::ActionItem => "action_item",
            Self::Question => "question",
            Self::Round => "round",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind's name in the interface's words.
    pub fn label(self) -> &'static str {
        use crate::text;
        match self {
            Self::Project => text::KIND_PROJECT,
            Self::Organisation => text::KIND_ORGANISATION,
            Self::Person => text::KIND_PERSON,
            Self::Milestone => text::KIND_MILESTONE,
            Self::Meeting => text::KIND_MEETING,
            Self::AgendaItem => text::KIND_AGENDA_ITEM,
            Self::Need => text::KIND_NEED,
            Self::Suggestion => text::KIND_SUGGESTION,
            Self::Lesson => text::KIND_LESSON,
            Self::Note => text::KIND_NOTE,
            Self::Decision => text::KIND_DECISION,
            Self::ActionItem => text::KIND_ACTION,
            Self::Question => text::KIND_QUESTION,
            Self::Round => text::KIND_ROUND,
        }
    }
}

/// "This note", "that need": an item anywhere in the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityRef {
    pub kind: EntityKind,
    pub id: i64,
}

impl EntityRef {
    pub fn new(kind: EntityKind, id: i64) -> EntityRef {
        EntityRef { kind, id }
    }
}

impl std::fmt::Display for EntityRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.kind.as_str(), self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_its_name() {
        for kind in EntityKind::ALL {
            assert_eq!(EntityKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(EntityKind::parse("nonsense"), None);
    }

    #[test]
    fn a_reference_shows_kind_and_id() {
        assert_eq!(EntityRef::new(EntityKind::Note, 7).to_string(), "note:7");
    }
}
