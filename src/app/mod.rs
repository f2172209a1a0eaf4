//! The model: application state, actions and `update`. No terminal IO here; the
//! binary feeds events in and draws what `ui` makes of the state.

mod action;
mod action_pages;
pub mod agenda_window;
mod attention;
pub mod autosave;
mod conflicts;
mod dashboard;
mod directory;
mod directory_trust;
mod editor_view;
mod filter;
pub mod window;
pub use filter::{FilterLine, FilterList};
pub mod form;
mod form_flow;
pub mod forms;
pub mod full_view;
mod go_to;
mod information;
mod kept_drafts;
pub mod keymap;
mod list_pages;
mod meetings;
mod needs;
mod notes;
pub mod other_windows;
pub mod palette;
mod portfolio_pages;
mod projects;
mod rounds;
pub mod screens;
pub mod search;
pub mod text_input;
pub mod unreadable;

use std::path::PathBuf;
use std::time::Instant;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub use action::Action;
pub use agenda_window::slot_day;
use autosave::Autosave;
pub use conflicts::{Conflict, ConflictRow, ConflictSubject};
use form::{FieldKind, Form, FormKind, LookupSource};
use forms::SubmitError;
pub use full_view::{FullView, Scroll};
use keymap::{Context, Key};
pub use keymap::{KeyConfigError, Keymap};
pub use palette::{PaletteEntry, PaletteState, PaletteTarget};
pub use screens::*;
pub use search::SearchState;

use crate::domain::EntityKind;
use crate::domain::{Clock, MilestoneStatus, TextEnum};
use crate::domain::{MeetingStatus, NotesStatus};
use crate::draft_files::DraftFiles;
use crate::store::{Store, StoreError};
use crate::templates::AgendaTemplate;
use crate::text;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusMessage {
    pub text: String,
    pub kind: StatusKind,
}

/// What a confirmation dialog will do on "yes".
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    Trash(EntityKind, i64),
    Purge(EntityKind, i64),
    DiscardForm,
    /// Replace a meeting's agenda with a template's blocks.
    ApplyTemplate(i64, Box<AgendaTemplate>),
    /// Merge the first need into the second.
    MergeNeeds(i64, i64),
    /// Take a piece of evidence off its need (not kept in the trash).
    RemoveEvidence(i64),
    /// Takes a participant (an attendance row) off its meeting.
    RemoveParticipant(i64),
    /// Cancel a meeting that was held.
    CancelHeldMeeting(i64),
    /// Step a meeting's notes status back (its dates are kept).
    NotesStatusBack(i64, NotesStatus),
    /// Mark as held a meeting that has not started yet.
    MarkFutureMeetingHeld(i64),
    /// Export the participant version of a meeting's notes with equal-treatment points
    /// still open.
    ExportNotes(crate::ops::ExportJob),
    /// Merge the first organisation or person into the second.
    MergeDirectory(EntityKind, i64, i64),
    /// Save the open form although its name matches an organisation or person that
    /// exists.
    SaveDuplicate,
    /// Take a supplier (organisation) that has answered out of a round (round id,
    /// organisation id); its answers go with it.
    RemoveRoundSupplier(i64, i64),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help {
        context: Context,
        scroll: u16,
    },
    Confirm {
        message: String,
        pending: Pending,
    },
    Pick(Pick),
    /// A save found its row changed elsewhere (see `conflicts`).
    Conflict(Conflict),
    /// Search across everything (`/`).
    Search(SearchState),
    /// The command palette (`:`).
    Palette(PaletteState),
    /// One item in full, read-only (`v`).
    FullView(FullView),
}

/// A list to choose one entry from.
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    pub title: String,
    /// (name, detail) per entry.
    pub options: Vec<(String, String)>,
    pub cursor: Cursor,
    pub purpose: PickPurpose,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PickPurpose {
    Template {
        meeting_id: i64,
        templates: Vec<AgendaTemplate>,
    },
    /// The filter bar's facets of a list: choosing one opens its values.
    Facet { list: FilterList },
    /// One facet's values (`None`: any) in the order of the options.
    FacetValue {
        list: FilterList,
        facet: crate::domain::FacetId,
        values: Vec<Option<String>>,
    },
    /// Merge need `from` into one of `targets` (id, code).
    MergeInto {
        from: i64,
        from_code: String,
        targets: Vec<(i64, String)>,
    },
    /// Merge organisation or person `from` into one of `targets` (id, name).
    MergeDirectory {
        kind: EntityKind,
        from: i64,
        from_name: String,
        targets: Vec<(i64, String)>,
    },
}

/// Something only the terminal loop can do, asked for by `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Suspend the TUI, edit `text` in `$VISUAL`/`$EDITOR`, hand the result back with
    /// `App::external_edit_done` with `version`, the note's version `text` was taken at.
    /// The note is named by its UUID: another window may purge it (and its row id is
    /// then no one's) while the editor is open.
    EditExternally {
        note_uuid: String,
        version: i64,
        text: String,
    },
}

/// Folders the app writes to outside the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppDirs {
    /// Where screen exports (.ics, agendas) are written.
    pub exports: PathBuf,
    /// The user's agenda templates, if there is a config folder.
    pub templates: Option<PathBuf>,
    /// The user's export templates (overriding the built-in ones), if any.
    pub export_templates: Option<PathBuf>,
    /// Where text the store could not take is kept (see `draft_files`).
    pub drafts: DraftFiles,
    /// How Word exports are styled (a reference document in the config folder).
    pub docx_style: crate::ops::export::DocxStyle,
}

impl Default for AppDirs {
    /// Exports go to the temporary folder and no user templates are read; the binary
    /// sets real folders (see `config`). Keeps tests away from the user's files.
    fn default() -> Self {
        AppDirs {
            exports: std::env::temp_dir().join("tidig-exports"),
            templates: None,
            export_templates: None,
            drafts: DraftFiles::default(),
            docx_style: crate::ops::export::DocxStyle::default(),
        }
    }
}

/// Turns a store error into a status-line message. A free function so that callers can
/// borrow the store and the status line at the same time.
fn report<T>(status: &mut Option<StatusMessage>, result: Result<T, StoreError>) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(e) => {
            *status = Some(StatusMessage {
                text: format!("{}: {e}", text::msg_error()),
                kind: StatusKind::Error,
            });
            None
        }
    }
}

pub struct App {
    pub store: Store,
    pub keymap: Keymap,
    pub nav: Vec<Screen>,
    pub portfolio: PortfolioState,
    pub project: Option<ProjectState>,
    pub meeting: Option<MeetingState>,
    pub need: Option<NeedState>,
    pub agenda: AgendaViewState,
    /// Names of facet values that are ids (a project's code for its id), learnt as the
    /// facet menu lists them, for the filter line.
    pub(crate) facet_names: std::collections::HashMap<(crate::domain::FacetId, String), String>,
    pub library: LibraryView,
    pub actions: ActionsView,
    pub editor: Option<NoteEditor>,
    /// What the terminal loop must do next, if anything.
    pub effect: Option<Effect>,
    pub directory: DirectoryState,
    /// The organisation page on screen.
    pub org_page: Option<OrgPageState>,
    pub trash: TrashState,
    pub rounds: RoundsState,
    /// Review mode's walk, while it lasts.
    pub review: Option<ReviewState>,
    /// The attention rules' limits (config `stale_after_days`).
    pub thresholds: crate::domain::Thresholds,
    pub form: Option<Form>,
    pub overlay: Option<Overlay>,
    pub status: Option<StatusMessage>,
    pub should_quit: bool,
    pub dirs: AppDirs,
    /// The language exports are written in unless the user picks another (config
    /// `export_language`, else the locale).
    pub export_lang: crate::catalog::Lang,
    /// The audience of exports when set in the config (`export_audience`); otherwise
    /// the notes dialog proposes shared for supplier-facing meetings.
    pub export_audience: Option<crate::domain::Audience>,
    /// The week view's first day (`week_start` in the config; Monday by default).
    pub week_first_day: chrono::Weekday,
    /// The open form's changes not yet kept as a draft.
    draft_autosave: Autosave,
    /// The open note's changes not yet written.
    note_autosave: Autosave,
    /// The draft file holding the open form, when the store could not take its draft.
    form_kept: Option<PathBuf>,
    /// What this window last saw of other windows' writes (`other_windows`).
    followed: other_windows::Followed,
    /// UUIDs of the notes this process created: the only empty notes its tidy-up may
    /// remove before they are a day old (another window may be filling the others).
    own_notes: Vec<String>,
    /// The command palette's fuzzy matcher, kept for its buffers.
    fuzzy: palette::Fuzzy,
}

impl App {
    /// Like `new`, but a store that cannot be read (a damaged file that passed the
    /// header checks) is an error here, before the terminal is taken over. One query
    /// that reads the schema and the projects is enough to tell, not the whole list
    /// (the portfolio reads what it shows right after; stores up to
    /// `QUICK_CHECK_MAX_PAGES` have had every page checked already).
    pub fn open(store: Store) -> Result<App, StoreError> {
        // One row is enough to know the projects table can be read; `new` reads the
        // portfolio's first window.
        store.projects_page(
            &crate::domain::ProjectFilter::default(),
            crate::store::Page::First,
            1,
        )?;
        Ok(App::new(store))
    }

    /// Opens on the portfolio, reading only what it shows.
    pub fn new(store: Store) -> App {
        let mut app = App {
            store,
            keymap: Keymap::defaults(),
            nav: vec![Screen::Portfolio],
            portfolio: PortfolioState::default(),
            project: None,
            meeting: None,
            need: None,
            agenda: AgendaViewState::default(),
            facet_names: Default::default(),
            library: LibraryView::default(),
            actions: ActionsView::default(),
            editor: None,
            effect: None,
            directory: DirectoryState::default(),
            org_page: None,
            trash: TrashState::default(),
            rounds: RoundsState::default(),
            review: None,
            thresholds: crate::domain::Thresholds::default(),
            form: None,
            overlay: None,
            status: None,
            should_quit: false,
            dirs: AppDirs::default(),
            export_lang: crate::catalog::Lang::Sv,
            export_audience: None,
            week_first_day: chrono::Weekday::Mon,
            draft_autosave: Autosave::default(),
            note_autosave: Autosave::default(),
            form_kept: None,
            followed: other_windows::Followed::default(),
            own_notes: Vec::new(),
            fuzzy: palette::Fuzzy::default(),
        };
        app.refresh();
        app.saw_the_store();
        app
    }

    pub fn clock(&self) -> Clock {
        self.store.clock()
    }

    pub fn screen(&self) -> Screen {
        *self.nav.last().expect("navigation is never empty")
    }

    /// The key context in effect, for lookup, help and the footer.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Confirm { .. }) => return Context::Confirm,
            Some(Overlay::Help { .. }) => return Context::Help,
            Some(Overlay::Pick(_)) => return Context::Pick,
            Some(Overlay::Conflict(_)) => return Context::Conflict,
            Some(Overlay::Search(_)) => return Context::Search,
            Some(Overlay::Palette(_)) => return Context::Palette,
            Some(Overlay::FullView(_)) => return Context::FullView,
            None => {}
        }
        if self.form.is_some() {
            return Context::Form;
        }
        if self.editor.is_some() {
            return Context::NoteEditor;
        }
        if self.filter_input().is_some() {
            return Context::FilterInput;
        }
        self.screen_context()
    }

    fn screen_context(&self) -> Context {
        match self.screen() {
            Screen::Portfolio if !self.portfolio.has_any => Context::Welcome,
            Screen::Portfolio => Context::Portfolio,
            Screen::Project { id } => match self.project.as_ref().map(|p| p.tab) {
                Some(ProjectTab::Attention) if self.reviewing(id) => Context::Review,
                Some(ProjectTab::Attention) => Context::ProjectAttention,
                Some(ProjectTab::TimePlan) => Context::TimePlan,
                Some(ProjectTab::Meetings) => Context::ProjectMeetings,
                Some(ProjectTab::Needs) => Context::ProjectNeeds,
                Some(ProjectTab::Suggestions) => Context::ProjectSuggestions,
                Some(ProjectTab::Decisions) => Context::ProjectDecisions,
                Some(ProjectTab::Information) => Context::ProjectInformation,
                Some(ProjectTab::Lessons) => Context::ProjectLessons,
                _ => Context::ProjectOverview,
            },
            Screen::Meeting { .. } => match self.meeting.as_ref().map(|m| m.tab) {
                Some(MeetingTab::Agenda) => Context::MeetingAgenda,
                Some(MeetingTab::Notes) => Context::MeetingNotes,
                Some(MeetingTab::Outcomes) => Context::MeetingOutcomes,
                Some(MeetingTab::Participants) => Context::MeetingParticipants,
                Some(MeetingTab::Checklist) => Context::MeetingChecklist,
                _ => Context::MeetingDetails,
            },
            Screen::Need { .. } => Context::NeedDetail,
            Screen::ReviewSummary => Context::ReviewSummary,
            Screen::Lessons => Context::LessonsLibrary,
            Screen::Actions => Context::Actions,
            Screen::Agenda => match self.agenda.mode {
                AgendaMode::List => Context::AgendaList,
                AgendaMode::Week => Context::AgendaWeek,
            },
            Screen::Directory => Context::Directory,
            Screen::Organisation { .. } => Context::OrganisationPage,
            Screen::Trash => Context::Trash,
            Screen::Rounds { .. } => Context::Rounds,
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(StatusMessage {
            text: text.into(),
            kind: StatusKind::Info,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(StatusMessage {
            text: text.into(),
            kind: StatusKind::Error,
        });
    }

    /// Turns a store error into a status-line message instead of a crash.
    fn report<T>(&mut self, result: Result<T, StoreError>) -> Option<T> {
        report(&mut self.status, result)
    }

    /// After a write: on success show `message` and reload the screen; on failure
    /// show the error. Returns whether it succeeded.
    fn after_write<T>(
        &mut self,
        result: Result<T, StoreError>,
        message: impl Into<String>,
    ) -> bool {
        let ok = report(&mut self.status, result).is_some();
        if ok {
            self.info(message);
            self.refresh();
        }
        ok
    }

    // ----- events -------------------------------------------------------------------

    pub fn handle_event(&mut self, event: &Event) {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.handle_key(key),
            Event::Paste(text) => self.handle_paste(text),
            _ => {}
        }
    }

    pub fn handle_key(&mut self, ev: &KeyEvent) {
        // Ctrl-C quits from anywhere; an open form is kept as a draft first (and what
        // the store cannot take, in a draft file: see `tui::run`).
        if ev.code == KeyCode::Char('c') && ev.modifiers.contains(KeyModifiers::CONTROL) {
            self.save_open_work();
            self.should_quit = true;
            return;
        }
        // A message belongs to the key that caused it; the next key clears it.
        self.status = None;
        let key = Key::from_event(ev);
        let context = self.context();
        match self.keymap.lookup(context, key) {
            // A read-only store: say so before a form opens or anything is tried.
            Some(action) if action.writes() && self.store.is_read_only() => {
                self.error(text::msg_read_only_refused())
            }
            Some(action) => self.update(action),
            None if context == Context::Form => self.edit_form(ev),
            None if context == Context::FilterInput => self.edit_filter(ev),
            None if context == Context::NoteEditor => self.edit_note(ev),
            None if context == Context::Search => self.edit_search(ev),
            None if context == Context::Palette => self.edit_palette(ev),
            None => {}
        }
    }

    fn handle_paste(&mut self, text: &str) {
        match self.context() {
            Context::Search => return self.paste_into_search(text),
            Context::Palette => return self.paste_into_palette(text),
            _ => {}
        }
        if let Some(input) = self.filter_input_mut() {
            input.paste(text);
            self.apply_filter_text();
        } else if let Some(form) = &mut self.form
            && form.paste(text)
        {
            self.form_changed();
        } else {
            self.paste_into_editor(text);
        }
    }

    /// Called on every turn of the terminal loop: writes the open note and form draft
    /// when they are due (see `autosave`), and retries a save that failed.
    pub fn tick(&mut self) {
        self.tick_at(Instant::now());
    }

    /// `tick` at a given instant (tests inject it). Saves made here wait only briefly
    /// for another program's lock (see `autosave::BACKGROUND_WAIT`), so a lock held
    /// elsewhere never freezes the screen: a save that cannot get it is retried a
    /// pause later.
    pub fn tick_at(&mut self, now: Instant) {
        self.follow_other_windows(now);
        let draft = self.draft_autosave.is_due(now);
        let note = self.note_autosave.is_due(now);
        if !(draft || note) {
            return;
        }
        self.waiting_briefly(|app| {
            if draft {
                app.save_draft();
            }
            if note {
                app.save_note();
            }
        });
    }

    /// Runs `f` with the store waiting at most `autosave::BACKGROUND_WAIT` for a lock
    /// (or less, if it is set shorter), then as before.
    fn waiting_briefly<T>(&mut self, f: impl FnOnce(&mut App) -> T) -> T {
        let before = self.store.busy_timeout().ok();
        let brief = before.map_or(autosave::BACKGROUND_WAIT, |b| {
            b.min(autosave::BACKGROUND_WAIT)
        });
        let _ = self.store.set_busy_timeout(brief);
        let out = f(self);
        if let Some(before) = before {
            let _ = self.store.set_busy_timeout(before);
        }
        out
    }

    /// Whether saves of the open text are failing (a lock held elsewhere, a full disk):
    /// every save then waits only briefly, also on `Esc`, screen changes and quitting,
    /// so that none of them freezes the screen for the whole busy timeout.
    fn saves_failing(&self) -> bool {
        self.editor.as_ref().is_some_and(|e| e.save_failed)
            || self.form.as_ref().is_some_and(|f| f.draft_failed)
    }

    /// `save` itself, or (while saves are failing) waiting only briefly for a lock.
    fn save_without_freezing(&mut self, save: impl FnOnce(&mut App) -> bool) -> bool {
        if self.saves_failing() {
            self.waiting_briefly(save)
        } else {
            save(self)
        }
    }

    /// Writes whatever is open and unsaved now: on quitting, on a signal, on every
    /// screen change. What the store cannot take goes to a draft file.
    pub fn save_open_work(&mut self) {
        self.save_draft();
        self.save_note();
    }

    /// The draft files holding text that is open and not in the store (after
    /// `save_open_work`, what quitting now would leave only in those files).
    pub fn unsaved_files(&self) -> Vec<PathBuf> {
        let note = self
            .editor
            .as_ref()
            .filter(|e| e.is_dirty())
            .and_then(|e| e.kept.clone());
        let form = self
            .form
            .as_ref()
            .filter(|f| f.is_dirty())
            .and(self.form_kept.clone());
        note.into_iter().chain(form).collect()
    }

    // ----- update -------------------------------------------------------------------

    pub fn update(&mut self, action: Action) {
        match self.context() {
            Context::Confirm => return self.update_confirm(action),
            Context::Conflict => return self.update_conflict(action),
            Context::Help => return self.update_help(action),
            Context::Form => return self.update_form(action),
            Context::FilterInput => return self.update_filter(action),
            Context::Pick => return self.update_pick(action),
            Context::NoteEditor => return self.update_editor(action),
            Context::Search => return self.update_search(action),
            Context::Palette => return self.update_palette(action),
            Context::FullView => return self.update_full_view(action),
            _ => {}
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::Help => {
                self.overlay = Some(Overlay::Help {
                    context: self.screen_context(),
                    scroll: 0,
                })
            }
            Action::Back => self.back(),
            Action::Search => self.open_search(),
            Action::Palette => self.open_palette(),
            Action::ViewFull => self.view_full(),
            Action::GoPortfolio => self.go_top(Screen::Portfolio),
            Action::GoAgenda => self.go_top(Screen::Agenda),
            Action::GoLessons => self.go_top(Screen::Lessons),
            Action::GoActions => self.go_top(Screen::Actions),
            Action::GoDirectory => self.go_top(Screen::Directory),
            Action::GoTrash => self.go_top(Screen::Trash),
            Action::Filter | Action::ClearFilters if self.filter_list().is_some() => {
                let list = self.filter_list().expect("checked above");
                self.update_list_filter(list, action);
            }
            Action::Up => self.move_cursor(-1),
            Action::Down => self.move_cursor(1),
            // A need's page keys scroll its details; `j`/`k` choose the evidence.
            Action::PageUp | Action::PageDown if self.need_on_screen() => {
                if let Some(n) = &mut self.need {
                    let page = full_view::TEXT_PAGE;
                    n.scroll.step(if action == Action::PageUp {
                        -page
                    } else {
                        page
                    });
                }
            }
            Action::PageUp => self.move_cursor(-PAGE),
            Action::PageDown => self.move_cursor(PAGE),
            Action::Top => self.move_cursor(isize::MIN / 2),
            Action::Bottom => self.move_cursor(isize::MAX / 2),
            other => match self.screen() {
                Screen::Portfolio => self.update_portfolio(other),
                Screen::Project { .. } => self.update_project(other),
                Screen::Meeting { .. } => self.update_meeting(other),
                Screen::Need { .. } => self.update_need(other),
                Screen::ReviewSummary => self.update_review_summary(other),
                Screen::Agenda => self.update_agenda(other),
                Screen::Lessons => self.update_lessons(other, false),
                Screen::Actions => self.update_actions(other),
                Screen::Directory => self.update_directory(other),
                Screen::Organisation { .. } => {}
                Screen::Trash => self.update_trash(other),
                Screen::Rounds { .. } => self.update_rounds(other),
            },
        }
    }

    fn need_on_screen(&self) -> bool {
        matches!(self.screen(), Screen::Need { .. })
    }

    fn back(&mut self) {
        // Esc in review mode ends the walk on its summary.
        if self.context() == Context::Review {
            return self.finish_review();
        }
        if self.screen() == Screen::Portfolio && !self.portfolio.filter.text.is_empty() {
            self.portfolio.filter.text.clear();
            self.refresh_portfolio();
            return;
        }
        // Esc first clears a kept needs filter, then leaves.
        if let Some(p) = &mut self.project
            && self.nav.last() == Some(&Screen::Project { id: p.project.id })
            && p.tab == ProjectTab::Needs
            && !p.needs.filter.text.is_empty()
        {
            p.needs.filter.text.clear();
            self.refresh_needs();
            return;
        }
        if self.nav.len() > 1 {
            self.save_open_work();
            self.nav.pop();
            if self.nav.len() == 1 {
                // Back at the top: a review walk (or its summary) is over.
                self.review = None;
            }
            self.refresh();
        }
    }

    fn go_top(&mut self, screen: Screen) {
        self.save_open_work();
        self.review = None;
        self.nav = vec![screen];
        self.refresh();
    }

    fn push(&mut self, screen: Screen) {
        self.save_open_work();
        self.nav.push(screen);
        self.refresh();
    }

    fn move_cursor(&mut self, delta: isize) {
        match self.screen() {
            Screen::Portfolio => {
                let len = self.portfolio.len();
                self.portfolio.cursor.step(delta, len);
                self.load_portfolio_around_cursor();
                self.load_figures(false);
            }
            Screen::Project { .. } => {
                if let Some(p) = &mut self.project {
                    match p.tab {
                        ProjectTab::Attention => {
                            let len = p.attention.data.items().len();
                            p.attention.cursor.step(delta, len);
                        }
                        ProjectTab::Meetings => {
                            let len = p.meetings.len();
                            p.meeting_cursor.step(delta, len);
                        }
                        ProjectTab::Needs => {
                            let len = p.needs.needs.len() + p.needs.unreadable.len();
                            p.needs.cursor.step(delta, len);
                        }
                        ProjectTab::Suggestions => {
                            let len = p.suggestions.len();
                            p.suggestions.cursor.step(delta, len);
                        }
                        ProjectTab::Lessons => {
                            let len = p.lessons.len();
                            p.lessons.cursor.step(delta, len);
                        }
                        ProjectTab::Decisions => {
                            let len = p.decisions.len();
                            p.decisions.cursor.step(delta, len);
                        }
                        ProjectTab::Information => {
                            let len = p.information.len();
                            p.information.cursor.step(delta, len);
                        }
                        ProjectTab::Overview => p.overview_scroll.step(delta),
                        ProjectTab::TimePlan => {
                            let len = p.milestones.len() + p.unreadable_milestones.len();
                            p.cursor.step(delta, len);
                        }
                    }
                }
            }
            Screen::Meeting { .. } => {
                if let Some(m) = &mut self.meeting {
                    if m.tab == MeetingTab::Details {
                        m.details_scroll.step(delta);
                    } else {
                        let len = m.rows();
                        m.cursor.step(delta, len);
                    }
                }
            }
            Screen::Agenda => {
                let len = self.agenda.len();
                self.agenda.cursor.step(delta, len);
                self.load_agenda_rows(false);
            }
            Screen::ReviewSummary => {}
            Screen::Need { .. } => {
                if let Some(n) = &mut self.need {
                    let len = n.evidence.len();
                    n.cursor.step(delta, len);
                }
            }
            Screen::Lessons => {
                let len = self.library.len();
                self.library.cursor.step(delta, len);
                self.load_library_around_cursor();
            }
            Screen::Actions => {
                let len = self.actions.len();
                self.actions.cursor.step(delta, len);
                self.load_actions_around_cursor();
            }
            Screen::Directory => {
                let d = &mut self.directory;
                match d.tab {
                    DirectoryTab::Organisations => d.org_cursor.step(delta, d.organisations.count),
                    DirectoryTab::People => d.person_cursor.step(delta, d.people.count),
                }
                self.load_directory_around_cursor();
            }
            Screen::Trash => {
                let len = self.trash.count;
                self.trash.cursor.step(delta, len);
                self.load_trash_to_cursor();
            }
            Screen::Organisation { .. } => {
                if let Some(p) = &mut self.org_page {
                    let len = p.page.line_count();
                    p.scroll.step(delta, len);
                }
            }
            Screen::Rounds { .. } => self.move_round_cell(delta),
        }
    }

    fn confirm(&mut self, message: String, pending: Pending) {
        self.overlay = Some(Overlay::Confirm { message, pending });
    }

    fn update_confirm(&mut self, action: Action) {
        let Some(Overlay::Confirm { pending, .. }) = self.overlay.take() else {
            return;
        };
        if action != Action::ConfirmYes {
            return;
        }
        match pending {
            Pending::Trash(kind, id) => {
                // A trashed project's or meeting's own screen can no longer be shown.
                let on_own_screen = matches!(
                    (kind, self.screen()),
                    (EntityKind::Project, Screen::Project { .. })
                        | (EntityKind::Meeting, Screen::Meeting { .. })
                );
                if on_own_screen {
                    self.nav.pop();
                }
                let result = self.store.trash(kind, id);
                self.after_write(result, text::msg_moved_to_trash());
            }
            Pending::Purge(kind, id) => {
                let result = self.store.purge(kind, id);
                self.after_write(result, text::msg_purged());
            }
            Pending::DiscardForm => self.close_form(true),
            Pending::RemoveRoundSupplier(round_id, organisation_id) => {
                self.run_pending_removal(round_id, organisation_id)
            }
            Pending::ApplyTemplate(meeting_id, template) => {
                self.apply_template(meeting_id, &template)
            }
            Pending::RemoveEvidence(id) => {
                let result = self.store.remove_evidence(id);
                self.after_write(result, text::msg_removed());
            }
            Pending::RemoveParticipant(id) => {
                let result = self.store.remove_attendance(id);
                self.after_write(result, text::msg_removed());
            }
            Pending::MergeNeeds(from, into) => {
                let result = self.store.merge_needs(from, into);
                self.after_write(result, text::msg_merged());
            }
            Pending::CancelHeldMeeting(id) => {
                let result = self.store.set_meeting_status(id, MeetingStatus::Cancelled);
                self.after_write(result, MeetingStatus::Cancelled.label());
            }
            Pending::MarkFutureMeetingHeld(id) => self.mark_held(id),
            Pending::ExportNotes(job) => self.export(job),
            Pending::MergeDirectory(kind, from, into) => self.merge_directory(kind, from, into),
            Pending::SaveDuplicate => self.save_form_now(false),
            Pending::NotesStatusBack(id, to) => {
                let result = self.store.step_notes_status_back(id, to);
                self.after_write(
                    result,
                    format!("{}: {}", text::field_notes_status(), to.label()),
                );
            }
        }
    }

    fn update_help(&mut self, action: Action) {
        if let Some(Overlay::Help { scroll, context }) = &mut self.overlay {
            // Never scroll past the last line of the help.
            let lines = self.keymap.help(*context).len() + self.keymap.help(Context::Global).len();
            match action {
                Action::Down => *scroll = (*scroll + 1).min(lines as u16),
                Action::Up => *scroll = scroll.saturating_sub(1),
                _ => self.overlay = None,
            }
        }
    }

    // ----- loading ------------------------------------------------------------------
    // Each screen's update and loading live beside it: projects.rs, meetings.rs,
    // needs.rs, notes.rs, directory.rs; forms in form_flow.rs, the filter in filter.rs.

    /// Reloads what the current screen shows.
    pub fn refresh(&mut self) {
        match self.screen() {
            Screen::Portfolio => self.refresh_portfolio(),
            Screen::Project { id } => self.refresh_project(id),
            Screen::Meeting { id } => self.refresh_meeting(id),
            Screen::Need { id } => self.refresh_need(id),
            Screen::ReviewSummary => {}
            Screen::Agenda => self.refresh_agenda(),
            Screen::Lessons => self.refresh_lessons_library(),
            Screen::Actions => self.refresh_actions(),
            Screen::Directory => self.refresh_directory(),
            Screen::Organisation { id } => self.refresh_org_page(id),
            Screen::Trash => self.refresh_trash(),
            Screen::Rounds { project_id } => self.refresh_rounds(project_id),
        }
        self.say_set_aside();
    }
}
