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
    /// An entry of a project's information log.
    Information,
    /// A declared interest or prior involvement.
    Interest,
    /// A dialogue round (dialogomgång).
    Round,
    /// A question of a dialogue round. Not searched on its own: its words are its
    /// round's search document (migration 0012).
    RoundQuestion,
}

impl EntityKind {
    pub const ALL: [EntityKind; 17] = [
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
        Self::Information,
        Self::Interest,
        Self::Round,
        Self::RoundQuestion,
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
            Self::Information => "information",
            Self::Interest => "interest",
            Self::Round => "round",
            Self::RoundQuestion => "round_question",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind's name in the interface's words.
    pub fn label(self) -> &'static str {
        use crate::text;
        match self {
            Self::Project => text::kind_project(),
            Self::Organisation => text::kind_organisation(),
            Self::Person => text::kind_person(),
            Self::Milestone => text::kind_milestone(),
            Self::Meeting => text::kind_meeting(),
            Self::AgendaItem => text::kind_agenda_item(),
            Self::Need => text::kind_need(),
            Self::Suggestion => text::kind_suggestion(),
            Self::Lesson => text::kind_lesson(),
            Self::Note => text::kind_note(),
            Self::Decision => text::kind_decision(),
            Self::ActionItem => text::kind_action(),
            Self::Question => text::kind_question(),
            Self::Information => text::kind_information(),
            Self::Interest => text::kind_interest(),
            Self::Round => text::kind_round(),
            Self::RoundQuestion => text::kind_round_question(),
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
