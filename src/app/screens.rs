//! Per-screen state: what each screen shows, loaded by `App` when the screen opens
//! or its data changes, and never during rendering.

use crate::domain::{Milestone, Organisation, Person, Project, ProjectRow};
use crate::store::{ProjectFilter, TrashItem};

use super::text_input::TextInput;

/// Where the user is. The navigation stack holds these; Esc pops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Portfolio,
    Project { id: i64 },
    Directory,
    Trash,
}

/// A selection in a list, kept inside its bounds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
}

impl Cursor {
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }

    pub fn step(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        let max = len as isize - 1;
        self.selected = (self.selected as isize + delta).clamp(0, max) as usize;
    }
}

/// Rows a page jump moves; the list height is a rendering matter, so use a fixed step.
pub const PAGE: isize = 10;

#[derive(Debug, Default)]
pub struct PortfolioState {
    pub filter: ProjectFilter,
    pub rows: Vec<ProjectRow>,
    pub cursor: Cursor,
    /// False only when the store has no live project at all: show the welcome panel.
    pub has_any: bool,
    /// The text filter being typed (`/`), if open.
    pub filter_input: Option<TextInput>,
}

impl PortfolioState {
    pub fn selected(&self) -> Option<&ProjectRow> {
        self.rows.get(self.cursor.selected)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProjectTab {
    #[default]
    Overview,
    TimePlan,
}

impl ProjectTab {
    pub const ALL: [ProjectTab; 2] = [ProjectTab::Overview, ProjectTab::TimePlan];

    pub fn title(self) -> &'static str {
        match self {
            ProjectTab::Overview => crate::text::TAB_OVERVIEW,
            ProjectTab::TimePlan => crate::text::TAB_TIME_PLAN,
        }
    }
}

#[derive(Debug)]
pub struct ProjectState {
    pub project: Project,
    pub milestones: Vec<Milestone>,
    pub tab: ProjectTab,
    pub cursor: Cursor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DirectoryTab {
    #[default]
    Organisations,
    People,
}

#[derive(Debug, Default)]
pub struct DirectoryState {
    pub tab: DirectoryTab,
    pub organisations: Vec<Organisation>,
    pub people: Vec<Person>,
    pub org_cursor: Cursor,
    pub person_cursor: Cursor,
}

#[derive(Debug, Default)]
pub struct TrashState {
    pub items: Vec<TrashItem>,
    pub cursor: Cursor,
}
