//! The filter bar's vocabulary: which facets a list offers, and one way to read and set
//! them on every list's filter. The store turns the filters into SQL; the screens show
//! them with the facets' labels.

use super::lists::{
    ActionFilter, AgendaFilter, LessonFilter, MeetingFilter, NeedFilter, ProjectFilter,
    SuggestionFilter, TrashFilter,
};
use super::lists::{OrganisationFilter, PersonFilter};
use super::{EntityKind, MeetingStatus, MeetingType, NotesStatus, OrgKind};
use super::{LessonKind, NeedStatus, Phase, Priority, ProjectStatus, SuggestionStatus, TextEnum};
use crate::text;

/// One dimension a list can be narrowed by, besides its free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FacetId {
    Status,
    Phase,
    Buyer,
    Priority,
    Category,
    Owner,
    Project,
    Kind,
    /// What a trashed row is (project, meeting, note …).
    ItemKind,
    MeetingType,
    /// Planned, held or cancelled.
    MeetingStatus,
    NotesStatus,
    OrgKind,
    /// A person's organisation, by id.
    Organisation,
}

impl FacetId {
    /// The facet's name in the filter line and the facet menu.
    pub fn label(self) -> &'static str {
        match self {
            Self::Status => text::col_status(),
            Self::Phase => text::col_phase(),
            Self::Buyer => text::col_buyer(),
            Self::Priority => text::col_priority(),
            Self::Category => text::col_category(),
            Self::Owner => text::col_owner(),
            Self::Project => text::col_project(),
            Self::Kind => text::col_kind(),
            Self::ItemKind => text::col_what(),
            Self::MeetingType => text::col_type(),
            Self::MeetingStatus => text::col_status(),
            Self::NotesStatus => text::col_notes_status(),
            Self::OrgKind => text::col_kind(),
            Self::Organisation => text::col_organisation(),
        }
    }
}

/// One value a facet can take on a list, with how many rows have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    /// What the filter stores: an enum's code, a name, or a project's id.
    pub value: String,
    /// What the menu shows when it is not an enum code (a project's code).
    pub name: String,
    pub count: i64,
}

/// A list's filter as the filter bar sees it: free text and a value per facet, as
/// text. Each list keeps its own typed filter (what its store query takes); this is the
/// one shape the bar, the facet menu and `F` work through.
pub trait ListFilter {
    /// The facets the list offers, in menu order.
    fn facets(&self) -> &'static [FacetId];
    fn text(&self) -> &str;
    fn set_text(&mut self, text: &str);
    /// The facet's value, as stored (`None`: not filtered by it).
    fn facet(&self, id: FacetId) -> Option<String>;
    /// Sets (or with `None` clears) a facet; a value the facet cannot take clears it.
    fn set_facet(&mut self, id: FacetId, value: Option<&str>);

    /// Whether anything narrows the list.
    fn is_active(&self) -> bool {
        !self.text().trim().is_empty() || self.facets().iter().any(|f| self.facet(*f).is_some())
    }

    /// Clears the text and every facet (`F`).
    fn clear(&mut self) {
        self.set_text("");
        for f in self.facets() {
            self.set_facet(*f, None);
        }
    }

    /// The facets that are set, in menu order, with their stored values.
    fn active_facets(&self) -> Vec<(FacetId, String)> {
        self.facets()
            .iter()
            .filter_map(|f| self.facet(*f).map(|v| (*f, v)))
            .collect()
    }
}

/// How a facet value is shown: an enum's label, or the value itself.
pub fn facet_value_label(id: FacetId, value: &str) -> String {
    fn label<E: TextEnum>(v: &str) -> Option<&'static str> {
        E::parse(v).map(|e| e.label())
    }
    let known = match id {
        FacetId::Phase => label::<Phase>(value),
        FacetId::Priority => label::<Priority>(value),
        // A status or kind code is only ever one list's; try each in turn.
        FacetId::Status => label::<ProjectStatus>(value)
            .or_else(|| label::<NeedStatus>(value))
            .or_else(|| label::<SuggestionStatus>(value)),
        FacetId::Kind => label::<LessonKind>(value),
        FacetId::ItemKind => EntityKind::parse(value).map(EntityKind::label),
        FacetId::MeetingType => label::<MeetingType>(value),
        FacetId::MeetingStatus => label::<MeetingStatus>(value),
        FacetId::NotesStatus => label::<NotesStatus>(value),
        FacetId::OrgKind => label::<OrgKind>(value),
        _ => None,
    };
    known.map_or_else(|| value.to_string(), str::to_string)
}

/// Where a value comes in the facet menu: an enum's values in their own order, then
/// names as they sort.
pub fn facet_rank(id: FacetId, value: &str) -> usize {
    fn index<E: TextEnum>(v: &str) -> Option<usize> {
        E::parse(v).map(|e| e.index())
    }
    let known = match id {
        FacetId::Phase => index::<Phase>(value),
        FacetId::Priority => index::<Priority>(value),
        FacetId::Status => index::<ProjectStatus>(value)
            .or_else(|| index::<NeedStatus>(value))
            .or_else(|| index::<SuggestionStatus>(value)),
        FacetId::Kind => index::<LessonKind>(value),
        FacetId::ItemKind => {
            EntityKind::parse(value).and_then(|k| EntityKind::ALL.iter().position(|x| *x == k))
        }
        FacetId::MeetingType => index::<MeetingType>(value),
        FacetId::MeetingStatus => index::<MeetingStatus>(value),
        FacetId::NotesStatus => index::<NotesStatus>(value),
        FacetId::OrgKind => index::<OrgKind>(value),
        _ => None,
    };
    known.unwrap_or(usize::MAX)
}

/// A filter field a facet sets: its stored value as text, and back. A value the field
/// cannot take reads as `None`, which clears the facet.
trait FacetField: Sized {
    fn show(&self) -> Option<String>;
    fn read(value: Option<&str>) -> Self;
}

impl<E: TextEnum> FacetField for Option<E> {
    fn show(&self) -> Option<String> {
        self.map(|v| v.as_str().to_string())
    }
    fn read(value: Option<&str>) -> Self {
        value.and_then(E::parse)
    }
}

impl FacetField for Option<EntityKind> {
    fn show(&self) -> Option<String> {
        self.map(|k| k.as_str().to_string())
    }
    fn read(value: Option<&str>) -> Self {
        value.and_then(EntityKind::parse)
    }
}

/// A name (buyer, owner, category), as typed.
impl FacetField for Option<String> {
    fn show(&self) -> Option<String> {
        self.clone()
    }
    fn read(value: Option<&str>) -> Self {
        value.map(str::to_string)
    }
}

/// A row id (project, organisation).
impl FacetField for Option<i64> {
    fn show(&self) -> Option<String> {
        self.map(|id| id.to_string())
    }
    fn read(value: Option<&str>) -> Self {
        value.and_then(|v| v.parse().ok())
    }
}

/// A list's filter through the bar: its facets in menu order, each with the field it
/// sets, and the free text in `text`.
macro_rules! list_filter {
    ($($filter:ty { $($facet:ident => $field:ident),+ $(,)? })+) => {$(
        impl ListFilter for $filter {
            fn facets(&self) -> &'static [FacetId] {
                &[$(FacetId::$facet),+]
            }
            fn text(&self) -> &str {
                &self.text
            }
            fn set_text(&mut self, text: &str) {
                self.text = text.to_string();
            }
            fn facet(&self, id: FacetId) -> Option<String> {
                match id {
                    $(FacetId::$facet => self.$field.show(),)+
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }
            fn set_facet(&mut self, id: FacetId, value: Option<&str>) {
                match id {
                    $(FacetId::$facet => self.$field = FacetField::read(value),)+
                    #[allow(unreachable_patterns)]
                    _ => {}
                }
            }
        }
    )+};
}

list_filter! {
    ProjectFilter { Status => status, Phase => phase, Buyer => buyer }
    NeedFilter { Status => status, Priority => priority, Category => category }
    ActionFilter { Owner => owner, Project => project_id }
    SuggestionFilter { Status => status, Phase => phase }
    LessonFilter { Phase => phase, Kind => kind }
    MeetingFilter { MeetingType => kind, MeetingStatus => status, NotesStatus => notes_status }
    AgendaFilter {
        Project => project_id,
        MeetingType => kind,
        MeetingStatus => status,
        NotesStatus => notes_status,
    }
    OrganisationFilter { OrgKind => kind }
    PersonFilter { Organisation => organisation_id }
    TrashFilter { ItemKind => kind }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facets_set_read_and_clear_through_the_shared_shape() {
        let mut f = ProjectFilter::default();
        assert!(!f.is_active());
        f.set_facet(FacetId::Phase, Some("early_dialogue"));
        f.set_facet(FacetId::Buyer, Some("Luleå kommun"));
        assert_eq!(f.phase, Some(Phase::EarlyDialogue));
        assert!(f.is_active());
        assert_eq!(
            f.active_facets(),
            vec![
                (FacetId::Phase, "early_dialogue".to_string()),
                (FacetId::Buyer, "Luleå kommun".to_string())
            ]
        );
        f.set_text("lule");
        f.clear();
        assert_eq!(f, ProjectFilter::default());
    }

    #[test]
    fn a_value_the_facet_cannot_take_clears_it() {
        let mut f = NeedFilter::default();
        f.set_facet(FacetId::Status, Some("validated"));
        assert_eq!(f.status, Some(NeedStatus::Validated));
        f.set_facet(FacetId::Status, Some("no-such-status"));
        assert_eq!(f.status, None);
        let mut a = ActionFilter::default();
        a.set_facet(FacetId::Project, Some("12"));
        assert_eq!(a.project_id, Some(12));
        assert_eq!(a.facet(FacetId::Project).as_deref(), Some("12"));
        a.set_facet(FacetId::Project, Some("x"));
        assert_eq!(a.project_id, None);
    }

    #[test]
    fn a_facet_outside_the_list_is_ignored() {
        let mut f = LessonFilter::default();
        f.set_facet(FacetId::Owner, Some("Anna"));
        assert!(!f.is_active());
        assert_eq!(f.facet(FacetId::Owner), None);
    }

    #[test]
    fn whitespace_alone_does_not_filter() {
        let mut f = SuggestionFilter::default();
        f.set_text("  ");
        assert!(!f.is_active());
    }

    #[test]
    fn values_show_with_their_labels() {
        assert_eq!(
            facet_value_label(FacetId::Phase, "early_dialogue"),
            Phase::EarlyDialogue.label()
        );
        assert_eq!(facet_value_label(FacetId::Owner, "Anna"), "Anna");
        // A lesson as a trashed row is not the lesson kind "Lesson".
        assert_eq!(
            facet_value_label(FacetId::ItemKind, "action_item"),
            EntityKind::ActionItem.label()
        );
        assert!(facet_rank(FacetId::ItemKind, "project") < facet_rank(FacetId::ItemKind, "note"));
        assert_eq!(facet_rank(FacetId::Owner, "Anna"), usize::MAX);
    }
}
