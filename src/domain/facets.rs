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

fn code<E: TextEnum>(v: Option<E>) -> Option<String> {
    v.map(|v| v.as_str().to_string())
}

fn parse<E: TextEnum>(v: Option<&str>) -> Option<E> {
    v.and_then(E::parse)
}

fn name(v: Option<&str>) -> Option<String> {
    v.map(str::to_string)
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

impl ListFilter for ProjectFilter {
    fn facets(&self) -> &'static [FacetId] {
        &[FacetId::Status, FacetId::Phase, FacetId::Buyer]
    }
    fn text(&self) -> &str {
        &self.text
    }
    fn set_text(&mut self, text: &str) {
        self.text = text.to_string();
    }
    fn facet(&self, id: FacetId) -> Option<String> {
        match id {
            FacetId::Status => code(self.status),
            FacetId::Phase => code(self.phase),
            FacetId::Buyer => self.buyer.clone(),
            _ => None,
        }
    }
    fn set_facet(&mut self, id: FacetId, value: Option<&str>) {
        match id {
            FacetId::Status => self.status = parse(value),
            FacetId::Phase => self.phase = parse(value),
            FacetId::Buyer => self.buyer = name(value),
            _ => {}
        }
    }
}

impl ListFilter for NeedFilter {
    fn facets(&self) -> &'static [FacetId] {
        &[FacetId::Status, FacetId::Priority, FacetId::Category]
    }
    fn text(&self) -> &str {
        &self.text
    }
    fn set_text(&mut self, text: &str) {
        self.text = text.to_string();
    }
    fn facet(&self, id: FacetId) -> Option<String> {
        match id {
            FacetId::Status => code(self.status),
            FacetId::Priority => code(self.priority),
            FacetId::Category => self.category.clone(),
            _ => None,
        }
    }
    fn set_facet(&mut self, id: FacetId, value: Option<&str>) {
        match id {
            FacetId::Status => self.status = parse(value),
            FacetId::Priority => self.priority = parse(value),
            FacetId::Category => self.category = name(value),
            _ => {}
        }
    }
}

impl ListFilter for ActionFilter {
    fn facets(&self) -> &'static [FacetId] {
        &[FacetId::Owner, FacetId::Project]
    }
    fn text(&self) -> &str {
        &self.text
    }
    fn set_text(&mut self, text: &str) {
        self.text = text.to_string();
    }
    fn facet(&self, id: FacetId) -> Option<String> {
        match id {
            FacetId::Owner => self.owner.clone(),
            FacetId::Project => self.project_id.map(|id| id.to_string()),
            _ => None,
        }
    }
    fn set_facet(&mut self, id: FacetId, value: Option<&str>) {
        match id {
            FacetId::Owner => self.owner = name(value),
            FacetId::Project => self.project_id = value.and_then(|v| v.parse().ok()),
            _ => {}
        }
    }
}

impl ListFilter for SuggestionFilter {
    fn facets(&self) -> &'static [FacetId] {
        &[FacetId::Status, FacetId::Phase]
    }
    fn text(&self) -> &str {
        &self.text
    }
    fn set_text(&mut self, text: &str) {
        self.text = text.to_string();
    }
    fn facet(&self, id: FacetId) -> Option<String> {
        match id {
            FacetId::Status => code(self.status),
            FacetId::Phase => code(self.phase),
            _ => None,
        }
    }
    fn set_facet(&mut self, id: FacetId, value: Option<&str>) {
        match id {
            FacetId::Status => self.status = parse(value),
            FacetId::Phase => self.phase = parse(value),
            _ => {}
        }
    }
}

impl ListFilter for LessonFilter {
    fn facets(&self) -> &'static [FacetId] {
        &[FacetId::Phase, FacetId::Kind]
    }
    fn text(&self) -> &str {
        &self.text
    }
    fn set_text(&mut self, text: &str) {
        self.text = text.to_string();
    }
    fn facet(&self, id: FacetId) -> Option<String> {
        match id {
            FacetId::Phase => code(self.phase),
            FacetId::Kind => code(self.kind),
            _ => None,
        }
    }
    fn set_facet(&mut self, id: FacetId, value: Option<&str>) {
        match id {
            FacetId::Phase => self.phase = parse(value),
            FacetId::Kind => self.kind = parse(value),
            _ => {}
        }
    }
}

impl ListFilter for MeetingFilter {
    fn facets(&self) -> &'static [FacetId] {
        &[
            FacetId::MeetingType,
            FacetId::MeetingStatus,
            FacetId::NotesStatus,
        ]
    }
    fn text(&self) -> &str {
        &self.text
    }
    fn set_text(&mut self, text: &str) {
        self.text = text.to_string();
    }
    fn facet(&self, id: FacetId) -> Option<String> {
        match id {
            FacetId::MeetingType => code(self.kind),
            FacetId::MeetingStatus => code(self.status),
            FacetId::NotesStatus => code(self.notes_status),
            _ => None,
        }
    }
    fn set_facet(&mut self, id: FacetId, value: Option<&str>) {
        match id {
            FacetId::MeetingType => self.kind = parse(value),
            FacetId::MeetingStatus => self.status = parse(value),
            FacetId::NotesStatus => self.notes_status = parse(value),
            _ => {}
        }
    }
}

impl ListFilter for AgendaFilter {
    fn facets(&self) -> &'static [FacetId] {
        &[
            FacetId::Project,
            FacetId::MeetingType,
            FacetId::MeetingStatus,
            FacetId::NotesStatus,
        ]
    }
    fn text(&self) -> &str {
        &self.text
    }
    fn set_text(&mut self, text: &str) {
        self.text = text.to_string();
    }
    fn facet(&self, id: FacetId) -> Option<String> {
        match id {
            FacetId::Project => self.project_id.map(|id| id.to_string()),
            FacetId::MeetingType => code(self.kind),
            FacetId::MeetingStatus => code(self.status),
            FacetId::NotesStatus => code(self.notes_status),
            _ => None,
        }
    }
    fn set_facet(&mut self, id: FacetId, value: Option<&str>) {
        match id {
            FacetId::Project => self.project_id = value.and_then(|v| v.parse().ok()),
            FacetId::MeetingType => self.kind = parse(value),
            FacetId::MeetingStatus => self.status = parse(value),
            FacetId::NotesStatus => self.notes_status = parse(value),
            _ => {}
        }
    }
}

impl ListFilter for OrganisationFilter {
    fn facets(&self) -> &'static [FacetId] {
        &[FacetId::OrgKind]
    }
    fn text(&self) -> &str {
        &self.text
    }
    fn set_text(&mut self, text: &str) {
        self.text = text.to_string();
    }
    fn facet(&self, id: FacetId) -> Option<String> {
        match id {
            FacetId::OrgKind => code(self.kind),
            _ => None,
        }
    }
    fn set_facet(&mut self, id: FacetId, value: Option<&str>) {
        if id == FacetId::OrgKind {
            self.kind = parse(value);
        }
    }
}

impl ListFilter for PersonFilter {
    fn facets(&self) -> &'static [FacetId] {
        &[FacetId::Organisation]
    }
    fn text(&self) -> &str {
        &self.text
    }
    fn set_text(&mut self, text: &str) {
        self.text = text.to_string();
    }
    fn facet(&self, id: FacetId) -> Option<String> {
        match id {
            FacetId::Organisation => self.organisation_id.map(|id| id.to_string()),
            _ => None,
        }
    }
    fn set_facet(&mut self, id: FacetId, value: Option<&str>) {
        if id == FacetId::Organisation {
            self.organisation_id = value.and_then(|v| v.parse().ok());
        }
    }
}

impl ListFilter for TrashFilter {
    fn facets(&self) -> &'static [FacetId] {
        &[FacetId::ItemKind]
    }
    fn text(&self) -> &str {
        &self.text
    }
    fn set_text(&mut self, text: &str) {
        self.text = text.to_string();
    }
    fn facet(&self, id: FacetId) -> Option<String> {
        match id {
            FacetId::ItemKind => self.kind.map(|k| k.as_str().to_string()),
            _ => None,
        }
    }
    fn set_facet(&mut self, id: FacetId, value: Option<&str>) {
        if id == FacetId::ItemKind {
            self.kind = value.and_then(EntityKind::parse);
        }
    }
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
