//! Per-screen state: what each screen shows, loaded by `App` when the screen opens
//! or its data changes, and never during rendering.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;

use crate::domain::{
    ActionFilter, ActionItem, AgendaFilter, AgendaItem, Attendance, Decision, Evidence,
    ExportRecord, Lesson, LessonFilter, Meeting, MeetingFilter, Milestone, Need, NeedCounts,
    NeedFilter, Note, NotesStatus, Organisation, OrganisationFilter, Person, PersonFilter, Project,
    ProjectFigures, ProjectFilter, ProjectRow, Question, StatusChange, Suggestion,
    SuggestionFilter, TrashFilter, TrashItem,
};

use super::text_input::TextInput;
use crate::domain::AgendaSlot;
use crate::domain::{Attention, EntityKind, EntityRef};
use crate::store::{
    PagedAction, PagedLesson, PagedOrganisation, PagedPerson, PagedProject, PeopleWidths,
    TodayStrip,
};

/// Where the user is. The navigation stack holds these; Esc pops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Portfolio,
    Project {
        id: i64,
    },
    Meeting {
        id: i64,
    },
    Need {
        id: i64,
    },
    /// The end of review mode: what was reviewed and what is still overdue.
    ReviewSummary,
    Agenda,
    Actions,
    Lessons,
    Directory,
    /// One organisation's page: its people, projects and every contact.
    Organisation {
        id: i64,
    },
    Trash,
    /// A project's dialogue rounds and the matrix of the selected one.
    Rounds {
        project_id: i64,
    },
}

/// An organisation's page, scrolled by `scroll` lines.
#[derive(Debug)]
pub struct OrgPageState {
    pub page: crate::domain::OrganisationPage,
    pub scroll: Cursor,
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
    /// The loaded window of the list (`app::window`): rows that cannot be read in their
    /// place (`app::unreadable`), so that they can be moved to the trash. The cursor
    /// counts rows of the whole list.
    pub window: super::window::Window<PagedProject>,
    pub cursor: Cursor,
    /// False only when the store has no live project at all: show the welcome panel.
    pub has_any: bool,
    /// The text filter being typed (`f`), if open.
    pub filter_input: Option<TextInput>,
    /// Live projects before the filter, while one is on (the title's "12 of 340").
    pub total: Option<usize>,
    /// The dashboard's figures for the rows around the cursor (`figures_rows`), keyed
    /// by project id: only what can be on screen is computed.
    pub figures: HashMap<i64, ProjectFigures>,
    pub figures_rows: std::ops::Range<usize>,
    /// Today's meetings and what is overdue, across projects.
    pub today: TodayStrip,
    /// Project rows the terminal shows (set by the terminal loop; `None` until then,
    /// taken as a 40-line terminal's).
    pub page_rows: Option<usize>,
}

impl PortfolioState {
    /// The project under the cursor, if loaded and readable.
    pub fn selected(&self) -> Option<&ProjectRow> {
        self.window.get(self.cursor.selected)?.row.as_ref()
    }

    /// The readable projects of the loaded window, in order.
    pub fn rows(&self) -> impl Iterator<Item = &ProjectRow> {
        self.window.rows.iter().filter_map(|r| r.row.as_ref())
    }

    /// Ids of the loaded rows that cannot be read.
    pub fn unreadable(&self) -> Vec<i64> {
        self.window
            .rows
            .iter()
            .filter(|r| r.row.is_none())
            .map(PagedProject::id)
            .collect()
    }

    /// Rows the cursor moves over: every matching project, loaded or not.
    pub fn len(&self) -> usize {
        self.window.count
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProjectTab {
    /// What needs attention: the tab a project opens on.
    #[default]
    Attention,
    Overview,
    Meetings,
    Needs,
    Suggestions,
    Decisions,
    /// The information log and declared interests: equal treatment in the project.
    Information,
    Lessons,
    TimePlan,
}

impl ProjectTab {
    pub const ALL: [ProjectTab; 9] = [
        ProjectTab::Attention,
        ProjectTab::Overview,
        ProjectTab::Meetings,
        ProjectTab::Needs,
        ProjectTab::Suggestions,
        ProjectTab::Decisions,
        ProjectTab::Information,
        ProjectTab::Lessons,
        ProjectTab::TimePlan,
    ];

    pub fn title(self) -> &'static str {
        match self {
            ProjectTab::Attention => crate::text::tab_attention(),
            ProjectTab::Overview => crate::text::tab_overview(),
            ProjectTab::Meetings => crate::text::tab_meetings(),
            ProjectTab::Needs => crate::text::tab_needs(),
            ProjectTab::Suggestions => crate::text::tab_suggestions(),
            ProjectTab::Decisions => crate::text::tab_decisions(),
            ProjectTab::Information => crate::text::tab_information(),
            ProjectTab::Lessons => crate::text::tab_lessons(),
            ProjectTab::TimePlan => crate::text::tab_time_plan(),
        }
    }
}

#[derive(Debug)]
pub struct ProjectState {
    pub project: Project,
    pub milestones: Vec<Milestone>,
    /// Ids of milestones that cannot be read, listed after them (`app::unreadable`).
    pub unreadable_milestones: Vec<i64>,
    pub meetings: MeetingList,
    pub needs: NeedsView,
    pub suggestions: SuggestionsView,
    pub decisions: DecisionsView,
    pub information: InformationView,
    pub lessons: LessonsView,
    pub attention: AttentionView,
    pub tab: ProjectTab,
    /// Selection in the time plan.
    pub cursor: Cursor,
    pub meeting_cursor: Cursor,
    /// How far the overview is scrolled.
    pub overview_scroll: super::Scroll,
}

/// A project's attention tab.
#[derive(Debug, Default)]
pub struct AttentionView {
    pub data: Attention,
    pub cursor: Cursor,
}

impl AttentionView {
    /// The item of the line the cursor is on.
    pub fn selected(&self) -> Option<EntityRef> {
        self.data.items().get(self.cursor.selected).copied()
    }
}

/// Review mode: a walk through the active projects, one at a time.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ReviewState {
    /// (id, code) of the projects walked through, in order.
    pub projects: Vec<(i64, String)>,
    /// The project on screen (or last on screen, in the summary).
    pub at: usize,
    /// Ids of the projects stamped "reviewed today" during the walk.
    pub reviewed: Vec<i64>,
    /// The closing summary, once the walk has ended.
    pub summary: Vec<ReviewLine>,
}

impl ReviewState {
    pub fn current(&self) -> Option<i64> {
        self.projects.get(self.at).map(|p| p.0)
    }
}

/// One project in the review summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewLine {
    pub id: i64,
    pub code: String,
    pub reviewed: bool,
    pub overdue_actions: usize,
    pub slipped_milestones: usize,
}

/// A project's needs register as the Needs tab shows it.
#[derive(Debug, Default)]
pub struct NeedsView {
    pub filter: NeedFilter,
    pub needs: Vec<Need>,
    /// Ids of needs that cannot be read, listed after the needs (`app::unreadable`).
    pub unreadable: Vec<i64>,
    pub counts: NeedCounts,
    pub categories: Vec<String>,
    pub cursor: Cursor,
    /// The text filter being typed (`f`), if open.
    pub filter_input: Option<TextInput>,
    /// Needs before the filter, while one is on.
    pub total: Option<usize>,
}

#[derive(Debug, Default)]
pub struct SuggestionsView {
    pub filter: SuggestionFilter,
    pub items: Vec<Suggestion>,
    /// Ids of suggestions that cannot be read, listed after them (`app::unreadable`).
    pub unreadable: Vec<i64>,
    pub cursor: Cursor,
    /// The text filter being typed (`f`), if open.
    pub filter_input: Option<TextInput>,
    /// Suggestions before the filter, while one is on.
    pub total: Option<usize>,
}

impl SuggestionsView {
    /// Rows the cursor moves over: the suggestions, then the unreadable rows.
    pub fn len(&self) -> usize {
        self.items.len() + self.unreadable.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Lessons: a project's, or the whole library's.
#[derive(Debug, Default)]
pub struct LessonsView {
    pub filter: LessonFilter,
    pub items: Vec<Lesson>,
    /// Ids of lessons that cannot be read, listed after them (`app::unreadable`).
    pub unreadable: Vec<i64>,
    pub cursor: Cursor,
    /// The text filter being typed (`f`), if open.
    pub filter_input: Option<TextInput>,
    /// Lessons before the filter, while one is on.
    pub total: Option<usize>,
}

impl LessonsView {
    /// Rows the cursor moves over: the lessons, then the unreadable rows.
    pub fn len(&self) -> usize {
        self.items.len() + self.unreadable.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The lessons library: a window on every live lesson the filter shows
/// (`app::window`), rows that cannot be read in their place (`app::unreadable`).
#[derive(Debug, Default)]
pub struct LibraryView {
    pub filter: LessonFilter,
    /// The loaded rows; the cursor counts rows of the whole list.
    pub window: super::window::Window<PagedLesson>,
    pub cursor: Cursor,
    /// The text filter being typed (`f`), if open.
    pub filter_input: Option<TextInput>,
    /// Lessons before the filter, while one is on.
    pub total: Option<usize>,
}

impl LibraryView {
    /// Rows the cursor moves over: every matching lesson, loaded or not.
    pub fn len(&self) -> usize {
        self.window.count
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The row under the cursor, if loaded.
    pub fn selected_row(&self) -> Option<&PagedLesson> {
        self.window.get(self.cursor.selected)
    }

    /// The lesson under the cursor, if loaded and readable.
    pub fn selected(&self) -> Option<&Lesson> {
        self.selected_row()?.row.as_ref()
    }

    /// The readable lessons of the loaded window, in order.
    pub fn items(&self) -> impl Iterator<Item = &Lesson> {
        super::list_pages::readable(&self.window)
    }

    /// Ids of the loaded rows that cannot be read.
    pub fn unreadable(&self) -> Vec<i64> {
        super::list_pages::unreadable(&self.window)
    }
}

/// One need with where it came from and how its status moved.
#[derive(Debug)]
pub struct NeedState {
    pub need: Need,
    pub evidence: Vec<Evidence>,
    pub history: Vec<StatusChange>,
    /// Needs of the same project merged into this one (codes).
    pub merged_from: Vec<String>,
    /// The code of the need this one was merged into.
    pub merged_into: Option<String>,
    pub cursor: Cursor,
    /// How far the need's details are scrolled (`PgDn`; `j`/`k` choose evidence).
    pub scroll: super::Scroll,
}

/// A project's meetings: upcoming ones first (soonest first), then past ones (latest
/// first), with the ids of those that overlap another meeting.
#[derive(Debug, Default)]
pub struct MeetingList {
    pub meetings: Vec<Meeting>,
    pub upcoming: usize,
    pub overlapping: HashSet<i64>,
    /// Ids of rows that cannot be read, listed after the meetings (cursor positions
    /// `meetings.len()..`) so that they can be moved to the trash.
    pub unreadable: Vec<i64>,
    pub filter: MeetingFilter,
    /// The text filter being typed (`f`), if open.
    pub filter_input: Option<TextInput>,
    /// Meetings before the filter, while one is on.
    pub total: Option<usize>,
}

impl MeetingList {
    /// Rows the cursor moves over: the meetings, then the unreadable rows.
    pub fn len(&self) -> usize {
        self.meetings.len() + self.unreadable.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What a cursor position in a list of meetings points at.
pub type MeetingRow<'a> = super::unreadable::ListRow<'a, Meeting>;

/// The row at `at` of `meetings` followed by `unreadable`.
pub fn meeting_row_at<'a>(
    meetings: &'a [Meeting],
    unreadable: &[i64],
    at: usize,
) -> Option<MeetingRow<'a>> {
    super::unreadable::row_at(meetings, unreadable, at)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MeetingTab {
    #[default]
    Details,
    Agenda,
    Notes,
    Outcomes,
    Participants,
    Checklist,
}

impl MeetingTab {
    pub const ALL: [MeetingTab; 6] = [
        MeetingTab::Details,
        MeetingTab::Agenda,
        MeetingTab::Notes,
        MeetingTab::Outcomes,
        MeetingTab::Participants,
        MeetingTab::Checklist,
    ];

    pub fn title(self) -> &'static str {
        match self {
            MeetingTab::Details => crate::text::tab_details(),
            MeetingTab::Agenda => crate::text::tab_agenda(),
            MeetingTab::Notes => crate::text::tab_notes(),
            MeetingTab::Outcomes => crate::text::tab_outcomes(),
            MeetingTab::Participants => crate::text::tab_participants(),
            MeetingTab::Checklist => crate::text::tab_checklist(),
        }
    }
}

#[derive(Debug)]
pub struct MeetingState {
    pub meeting: Meeting,
    pub project: Project,
    pub agenda: Vec<AgendaItem>,
    pub attendance: Vec<Attendance>,
    /// Other meetings sharing time with this one.
    pub overlaps: Vec<Meeting>,
    pub supplier_facing: bool,
    pub notes: Vec<Note>,
    pub decisions: Vec<Decision>,
    pub actions: Vec<ActionItem>,
    pub questions: Vec<Question>,
    /// Rows of the Notes, Outcomes and Participants tabs that cannot be read, listed
    /// after each tab's own rows (`app::unreadable`).
    pub unreadable: MeetingUnreadable,
    /// When each notes status was reached.
    pub notes_status_dates: Vec<(NotesStatus, String)>,
    /// When the notes were last approved, and by whom if a name was given.
    pub notes_approval: Option<crate::domain::NotesApproval>,
    pub exports: Vec<ExportRecord>,
    /// The information log, prior involvement and registration, for the checklist.
    pub equal_treatment: crate::domain::MeetingEqualTreatment,
    pub tab: MeetingTab,
    pub cursor: Cursor,
    /// How far the Details tab is scrolled.
    pub details_scroll: super::Scroll,
}

/// Ids of a meeting's rows that cannot be read, tab by tab.
#[derive(Debug, Default)]
pub struct MeetingUnreadable {
    pub notes: Vec<i64>,
    /// Decisions, actions and questions, in that order.
    pub outcomes: Vec<EntityRef>,
    pub participants: Vec<i64>,
}

impl MeetingState {
    /// The Outcomes tab's rows: decisions, then actions, then open questions, then
    /// those that cannot be read.
    pub fn outcomes(&self) -> Vec<Outcome> {
        let decisions = self.decisions.iter().map(|d| Outcome::Decision(d.id));
        let actions = self.actions.iter().map(|a| Outcome::Action(a.id));
        let questions = self.questions.iter().map(|q| Outcome::Question(q.id));
        let unreadable = self
            .unreadable
            .outcomes
            .iter()
            .map(|r| Outcome::Unreadable(*r));
        decisions
            .chain(actions)
            .chain(questions)
            .chain(unreadable)
            .collect()
    }

    /// How many rows the current tab's list has.
    pub fn rows(&self) -> usize {
        match self.tab {
            MeetingTab::Details => 0,
            MeetingTab::Agenda => self.agenda.len(),
            MeetingTab::Notes => self.notes.len() + self.unreadable.notes.len(),
            MeetingTab::Outcomes => self.outcomes().len(),
            MeetingTab::Participants => self.attendance.len() + self.unreadable.participants.len(),
            MeetingTab::Checklist => crate::domain::CHECKLIST_LEN,
        }
    }

    /// The agenda block a note belongs to, by its id.
    pub fn block_title(&self, agenda_item_id: Option<i64>) -> Option<&str> {
        let id = agenda_item_id?;
        self.agenda
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.title.as_str())
    }
}

/// One row of a meeting's Outcomes tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Decision(i64),
    Action(i64),
    Question(i64),
    /// A decision, action or question that cannot be read.
    Unreadable(EntityRef),
}

impl Outcome {
    /// The decision, action or question the row is.
    pub fn entity(self) -> EntityRef {
        match self {
            Outcome::Decision(id) => EntityRef::new(EntityKind::Decision, id),
            Outcome::Action(id) => EntityRef::new(EntityKind::ActionItem, id),
            Outcome::Question(id) => EntityRef::new(EntityKind::Question, id),
            Outcome::Unreadable(r) => r,
        }
    }
}

/// A note open in the editor. The text area is the editor's own state; the note in the
/// store is kept in step by autosave.
pub struct NoteEditor {
    pub note_id: i64,
    /// The note's UUID: names its draft file.
    pub uuid: String,
    pub meeting_id: i64,
    pub project_id: i64,
    pub confidentiality: crate::domain::Confidentiality,
    pub block: Option<String>,
    pub area: ratatui_textarea::TextArea<'static>,
    /// The text as last written to the store.
    pub saved: String,
    pub saved_at: Option<String>,
    /// The draft file holding the text, while the store cannot take it.
    pub kept: Option<std::path::PathBuf>,
    /// The last save failed (the text is in `kept`); the next tick retries.
    pub save_failed: bool,
    /// `Esc` was pressed once with text that could not be saved; the next one closes.
    pub close_warned: bool,
    /// The note's block as loaded (it is made again there if its row is gone).
    pub agenda_item_id: Option<i64>,
    /// The note's version as last loaded or written: a save checks it.
    pub version: i64,
    /// The note changed elsewhere: autosave has stopped until the user chooses
    /// reload or keep mine (see `conflicts`).
    pub conflict: bool,
    /// The meeting is a supplier's meeting in a dialogue round: its questions, one of
    /// them current, to file lines of the notes as that supplier's answers.
    pub round: Option<RoundPrompt>,
    /// The size the text area's view was last set for (see `editor_view`).
    pub fitted: Option<(u16, u16)>,
}

/// The round questions the note editor walks through in a supplier's meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundPrompt {
    pub round_id: i64,
    pub organisation_id: i64,
    pub questions: Vec<crate::domain::RoundQuestion>,
    /// Index into `questions` of the one being answered.
    pub current: usize,
}

impl RoundPrompt {
    pub fn current(&self) -> Option<&crate::domain::RoundQuestion> {
        self.questions.get(self.current)
    }
}

impl NoteEditor {
    /// Where a save goes: the note's UUID in its own meeting, at the loaded version.
    pub fn target(&self) -> crate::store::NoteTarget {
        crate::store::NoteTarget {
            uuid: self.uuid.clone(),
            meeting_id: self.meeting_id,
            agenda_item_id: self.agenda_item_id,
            confidentiality: self.confidentiality,
            version: self.version,
        }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_dirty(&self) -> bool {
        self.text() != self.saved
    }

    /// The selected text, or else the line the cursor is on: what quick capture takes.
    pub fn capture_text(&self) -> String {
        let lines = self.area.lines();
        if let Some(((r1, c1), (r2, c2))) = self.area.selection_range() {
            let mut out = String::new();
            for (row, line) in lines.iter().enumerate().take(r2 + 1).skip(r1) {
                let chars: Vec<char> = line.chars().collect();
                let from = if row == r1 { c1.min(chars.len()) } else { 0 };
                let to = if row == r2 {
                    c2.min(chars.len())
                } else {
                    chars.len()
                };
                if !out.is_empty() {
                    out.push(' ');
                }
                out.extend(&chars[from..to.max(from)]);
            }
            return out.trim().to_string();
        }
        let row = self.area.cursor().0;
        lines
            .get(row)
            .map(|l| {
                l.trim()
                    .trim_start_matches(['-', '*', '•'])
                    .trim()
                    .to_string()
            })
            .unwrap_or_default()
    }
}

impl std::fmt::Debug for NoteEditor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NoteEditor")
            .field("note_id", &self.note_id)
            .field("confidentiality", &self.confidentiality)
            .finish_non_exhaustive()
    }
}

/// The actions screen across all projects.
#[derive(Debug, Default)]
pub struct ActionsView {
    pub filter: ActionFilter,
    /// The loaded window of the list (`app::window`), rows that cannot be read in their
    /// place (`app::unreadable`). The cursor counts rows of the whole list.
    pub window: super::window::Window<PagedAction>,
    pub owners: Vec<String>,
    /// Projects that have actions, for the project filter: (id, code).
    pub projects: Vec<(i64, String)>,
    pub cursor: Cursor,
    /// The text filter being typed (`f`), if open.
    pub filter_input: Option<TextInput>,
    /// Actions before the filter, while one is on.
    pub total: Option<usize>,
}

impl ActionsView {
    /// Rows the cursor moves over: every matching action, loaded or not.
    pub fn len(&self) -> usize {
        self.window.count
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A project's information log and declared interests, one list: the entries, then the
/// interests.
#[derive(Debug, Default)]
pub struct InformationView {
    pub items: Vec<crate::domain::InformationItem>,
    pub interests: Vec<crate::domain::Interest>,
    /// Ids of entries that cannot be read, listed after the entries
    /// (`app::unreadable`).
    pub unreadable_items: Vec<i64>,
    /// Ids of interests that cannot be read, listed after the interests.
    pub unreadable_interests: Vec<i64>,
    /// The project's suppliers (in its meetings), to say who lacks an entry.
    pub suppliers: Vec<crate::domain::Recipient>,
    pub cursor: Cursor,
}

/// A row of the information tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InformationRow {
    Entry(usize),
    Interest(usize),
    /// An entry or interest that cannot be read.
    Unreadable(EntityRef),
}

impl InformationView {
    /// Rows the cursor moves over: the entries (then those that cannot be read), the
    /// interests (then those that cannot be read).
    pub fn len(&self) -> usize {
        self.log_len() + self.interests.len() + self.unreadable_interests.len()
    }

    /// Rows of the log: the entries, then those that cannot be read.
    pub fn log_len(&self) -> usize {
        self.items.len() + self.unreadable_items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The row the cursor is on.
    pub fn selected(&self) -> Option<InformationRow> {
        let at = self.cursor.selected;
        let (entries, log) = (self.items.len(), self.log_len());
        let interests = log + self.interests.len();
        let unreadable = |kind, ids: &[i64], i: usize| {
            ids.get(i)
                .map(|id| InformationRow::Unreadable(EntityRef::new(kind, *id)))
        };
        if at < entries {
            Some(InformationRow::Entry(at))
        } else if at < log {
            unreadable(
                EntityKind::Information,
                &self.unreadable_items,
                at - entries,
            )
        } else if at < interests {
            Some(InformationRow::Interest(at - log))
        } else {
            unreadable(
                EntityKind::Interest,
                &self.unreadable_interests,
                at - interests,
            )
        }
    }
}

/// Rows the actions screen keeps loaded (`app::window`).
pub const ACTIONS_STEP: usize = super::window::STEP;
pub const ACTIONS_WINDOW: usize = super::window::WINDOW;

impl ActionsView {
    /// The row under the cursor, if loaded.
    pub fn selected_row(&self) -> Option<&PagedAction> {
        self.window.get(self.cursor.selected)
    }

    /// The action under the cursor, if loaded and readable.
    pub fn selected(&self) -> Option<&ActionItem> {
        self.selected_row()?.item.as_ref()
    }

    /// The readable actions of the loaded window, in order.
    pub fn items(&self) -> impl Iterator<Item = &ActionItem> {
        self.window.rows.iter().filter_map(|r| r.item.as_ref())
    }

    /// Ids of the loaded rows that cannot be read.
    pub fn unreadable(&self) -> Vec<i64> {
        self.window
            .rows
            .iter()
            .filter(|r| r.item.is_none())
            .map(PagedAction::id)
            .collect()
    }
}

/// A project's decisions.
#[derive(Debug, Default)]
pub struct DecisionsView {
    pub items: Vec<Decision>,
    /// Ids of decisions that cannot be read, listed after them (`app::unreadable`).
    pub unreadable: Vec<i64>,
    pub cursor: Cursor,
}

impl DecisionsView {
    /// Rows the cursor moves over: the decisions, then the unreadable rows.
    pub fn len(&self) -> usize {
        self.items.len() + self.unreadable.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AgendaMode {
    /// The next days as a list grouped by day.
    #[default]
    List,
    /// One week, Monday first, days side by side.
    Week,
}

/// Days the agenda list shows.
pub const AGENDA_DAYS: u64 = 14;

/// Meetings read whole on either side of the agenda's cursor: more than a screenful,
/// so that the list scrolls as it would over every meeting of the days.
pub const AGENDA_WINDOW: usize = 60;
/// Meetings read whole from the start of each day of the week view: more than a day's
/// column shows (a meeting takes at least four lines).
pub const AGENDA_DAY_HEAD: usize = 25;

#[derive(Debug, Default)]
pub struct AgendaViewState {
    pub mode: AgendaMode,
    /// First day shown: today in the list, a Monday in the week view.
    pub from: Option<NaiveDate>,
    /// Every meeting of the days shown (as the filter narrows them), in order, light.
    pub slots: Vec<AgendaSlot>,
    /// The whole rows of the slots on screen or near it, by their place in `slots`.
    pub loaded: BTreeMap<usize, Meeting>,
    pub overlapping: HashSet<i64>,
    /// Ids of rows in the range that cannot be read, listed after the meetings.
    pub unreadable: Vec<i64>,
    pub cursor: Cursor,
    pub filter: AgendaFilter,
    /// The text filter being typed (`f`), if open.
    pub filter_input: Option<TextInput>,
    /// Meetings in the days shown before the filter, while one is on.
    pub total: Option<usize>,
}

impl AgendaViewState {
    /// Rows the cursor moves over: the meetings, then the unreadable rows.
    pub fn len(&self) -> usize {
        self.slots.len() + self.unreadable.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The meeting at `at` in the days' order, if its row has been read.
    pub fn meeting(&self, at: usize) -> Option<&Meeting> {
        self.loaded.get(&at)
    }
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
    /// The loaded windows of the two lists (`app::window`); the cursors count rows of
    /// the whole lists. Organisations that cannot be read keep their place
    /// (`app::unreadable`); people store no value a reader parses.
    pub organisations: super::window::Window<PagedOrganisation>,
    pub people: super::window::Window<PagedPerson>,
    /// The widest name, e-mail and phone of all the people the filter shows.
    pub people_widths: PeopleWidths,
    pub org_cursor: Cursor,
    pub person_cursor: Cursor,
    pub org_filter: OrganisationFilter,
    pub person_filter: PersonFilter,
    /// The text filter being typed (`f`) on the tab on screen, if open.
    pub org_filter_input: Option<TextInput>,
    pub person_filter_input: Option<TextInput>,
    /// Organisations and people before the filter, while one is on.
    pub org_total: Option<usize>,
    pub person_total: Option<usize>,
}

impl DirectoryState {
    /// The organisation row under the cursor, if loaded.
    pub fn selected_organisation_row(&self) -> Option<&PagedOrganisation> {
        self.organisations.get(self.org_cursor.selected)
    }

    /// The organisation under the cursor, if loaded and readable.
    pub fn selected_organisation(&self) -> Option<&Organisation> {
        self.selected_organisation_row()?.row.as_ref()
    }

    /// The person under the cursor, if loaded.
    pub fn selected_person(&self) -> Option<&Person> {
        self.people.get(self.person_cursor.selected)?.row.as_ref()
    }

    /// The readable organisations of the loaded window, in order.
    pub fn organisation_rows(&self) -> impl Iterator<Item = &Organisation> {
        super::list_pages::readable(&self.organisations)
    }

    /// The readable people of the loaded window, in order.
    pub fn person_rows(&self) -> impl Iterator<Item = &Person> {
        super::list_pages::readable(&self.people)
    }

    /// Ids of the loaded organisation rows that cannot be read.
    pub fn unreadable_organisations(&self) -> Vec<i64> {
        super::list_pages::unreadable(&self.organisations)
    }
}

/// A project's dialogue rounds: the list, and the matrix of the selected round a page
/// of questions at a time.
#[derive(Debug, Default)]
pub struct RoundsState {
    pub project_code: String,
    pub rounds: Vec<crate::domain::Round>,
    /// Ids of rounds that cannot be read, listed after them (`app::unreadable`).
    pub unreadable: Vec<i64>,
    pub cursor: Cursor,
    /// The selected round's matrix (a page of its questions).
    pub matrix: Option<crate::domain::Matrix>,
    /// The first question on the page (0-based) and how many questions there are.
    pub offset: usize,
    pub question_count: i64,
    /// The cell cursor: the question (0-based among all the round's, so on the page
    /// `row - offset`) and the column (0 the question itself, then the suppliers in
    /// letter order).
    pub row: usize,
    pub col: usize,
    /// Equal treatment, over all the round's questions, not just the page.
    pub not_asked: Vec<crate::domain::NotAsked>,
    /// The round to select when the screen opens (from `go_to`).
    pub select: Option<i64>,
}

impl RoundsState {
    /// Rows the cursor moves over: the rounds, then the unreadable rows.
    pub fn len(&self) -> usize {
        self.rounds.len() + self.unreadable.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Questions the matrix shows at a time.
pub const MATRIX_PAGE: usize = 10;

/// What the matrix's cell cursor is on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FocusedCell<'a> {
    /// The question's own column.
    Question(&'a crate::domain::RoundQuestion),
    /// A supplier's cell of the question.
    Answer(
        &'a crate::domain::RoundQuestion,
        &'a crate::domain::RoundSupplier,
        &'a crate::domain::Cell,
    ),
}

impl RoundsState {
    /// The selected round.
    pub fn round(&self) -> Option<&crate::domain::Round> {
        self.rounds.get(self.cursor.selected)
    }

    /// The cell under the cursor, if the round has questions.
    pub fn focused(&self) -> Option<FocusedCell<'_>> {
        let m = self.matrix.as_ref()?;
        let i = self.row.checked_sub(self.offset)?;
        let question = m.questions.get(i)?;
        match self.col.checked_sub(1) {
            None => Some(FocusedCell::Question(question)),
            Some(s) => Some(FocusedCell::Answer(
                question,
                m.suppliers.get(s)?,
                m.cells.get(i)?.get(s)?,
            )),
        }
    }

    /// The supplier whose column the cursor is in.
    pub fn focused_supplier(&self) -> Option<&crate::domain::RoundSupplier> {
        self.matrix
            .as_ref()?
            .suppliers
            .get(self.col.checked_sub(1)?)
    }
}

#[derive(Debug, Default)]
pub struct TrashState {
    pub filter: TrashFilter,
    /// The rows read so far, from the top: pages are read as the cursor nears the end.
    pub items: Vec<TrashItem>,
    /// How many rows the filter leaves in the trash (counted in SQL).
    pub count: usize,
    pub cursor: Cursor,
    /// The text filter being typed (`f`), if open.
    pub filter_input: Option<TextInput>,
    /// Rows in the trash before the filter, while one is on.
    pub total: Option<usize>,
}
