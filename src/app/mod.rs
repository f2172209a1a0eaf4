//! The model: application state, actions and `update`. No terminal IO here; the
//! binary feeds events in and draws what `ui` makes of the state.

mod action;
pub mod form;
pub mod forms;
pub mod keymap;
mod meetings;
mod needs;
mod notes;
pub mod screens;
pub mod text_input;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub use action::Action;
use form::{FieldKind, Form, FormKind, LookupSource};
use forms::SubmitError;
use keymap::{Context, Key, Keymap};
pub use screens::*;

use crate::domain::{Clock, MilestoneStatus, ProjectStatus, TextEnum};
use crate::store::{Store, StoreError, TrashKind};
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
    Trash(TrashKind, i64),
    Purge(TrashKind, i64),
    DiscardForm,
    /// Replace a meeting's agenda with a template's blocks.
    ApplyTemplate(i64, Box<AgendaTemplate>),
    /// Merge the first need into the second.
    MergeNeeds(i64, i64),
    /// Take a piece of evidence off its need (not kept in the trash).
    RemoveEvidence(i64),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help { context: Context, scroll: u16 },
    Confirm { message: String, pending: Pending },
    Pick(Pick),
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
    /// Merge need `from` into one of `targets` (id, code).
    MergeInto {
        from: i64,
        from_code: String,
        targets: Vec<(i64, String)>,
    },
}

/// Something only the terminal loop can do, asked for by `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Suspend the TUI, edit `text` in `$VISUAL`/`$EDITOR`, hand the result back with
    /// `App::external_edit_done`.
    EditExternally { note_id: i64, text: String },
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
}

impl Default for AppDirs {
    /// Exports go to the temporary folder and no user templates are read; the binary
    /// sets real folders (see `config`). Keeps tests away from the user's files.
    fn default() -> Self {
        AppDirs {
            exports: std::env::temp_dir().join("tidig-exports"),
            templates: None,
            export_templates: None,
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
                text: format!("{}: {e}", text::MSG_ERROR),
                kind: StatusKind::Error,
            });
            None
        }
    }
}

/// How long typing must pause before a form's draft is written to the store.
const DRAFT_DELAY: Duration = Duration::from_millis(800);

pub struct App {
    pub store: Store,
    pub keymap: Keymap,
    pub nav: Vec<Screen>,
    pub portfolio: PortfolioState,
    pub project: Option<ProjectState>,
    pub meeting: Option<MeetingState>,
    pub need: Option<NeedState>,
    pub agenda: AgendaViewState,
    pub library: LessonsView,
    pub actions: ActionsView,
    pub editor: Option<NoteEditor>,
    /// What the terminal loop must do next, if anything.
    pub effect: Option<Effect>,
    pub directory: DirectoryState,
    pub trash: TrashState,
    pub form: Option<Form>,
    pub overlay: Option<Overlay>,
    pub status: Option<StatusMessage>,
    pub should_quit: bool,
    pub dirs: AppDirs,
    /// When the open form last changed without its draft being saved.
    draft_pending_since: Option<Instant>,
    /// When the open note last changed without being saved.
    note_pending_since: Option<Instant>,
}

impl App {
    /// Like `new`, but a store that cannot be read (a damaged file that passed the
    /// header checks) is an error here, before the terminal is taken over.
    pub fn open(store: Store) -> Result<App, StoreError> {
        store.list_projects(&crate::store::ProjectFilter::default())?;
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
            library: LessonsView::default(),
            actions: ActionsView::default(),
            editor: None,
            effect: None,
            directory: DirectoryState::default(),
            trash: TrashState::default(),
            form: None,
            overlay: None,
            status: None,
            should_quit: false,
            dirs: AppDirs::default(),
            draft_pending_since: None,
            note_pending_since: None,
        };
        app.refresh();
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
            Screen::Project { .. } => match self.project.as_ref().map(|p| p.tab) {
                Some(ProjectTab::TimePlan) => Context::TimePlan,
                Some(ProjectTab::Meetings) => Context::ProjectMeetings,
                Some(ProjectTab::Needs) => Context::ProjectNeeds,
                Some(ProjectTab::Suggestions) => Context::ProjectSuggestions,
                Some(ProjectTab::Decisions) => Context::ProjectDecisions,
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
            Screen::Lessons => Context::LessonsLibrary,
            Screen::Actions => Context::Actions,
            Screen::Agenda => match self.agenda.mode {
                AgendaMode::List => Context::AgendaList,
                AgendaMode::Week => Context::AgendaWeek,
            },
            Screen::Directory => Context::Directory,
            Screen::Trash => Context::Trash,
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
        // Ctrl-C quits from anywhere; an open form is kept as a draft first.
        if ev.code == KeyCode::Char('c') && ev.modifiers.contains(KeyModifiers::CONTROL) {
            self.save_draft();
            self.save_note();
            self.should_quit = true;
            return;
        }
        // A message belongs to the key that caused it; the next key clears it.
        self.status = None;
        let key = Key::from_event(ev);
        let context = self.context();
        match self.keymap.lookup(context, key) {
            Some(action) => self.update(action),
            None if context == Context::Form => self.edit_form(ev),
            None if context == Context::FilterInput => self.edit_filter(ev),
            None if context == Context::NoteEditor => self.edit_note(ev),
            None => {}
        }
    }

    fn handle_paste(&mut self, text: &str) {
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

    /// The text filter being typed on the current screen (portfolio or needs), if any.
    fn filter_input(&self) -> Option<&text_input::TextInput> {
        match self.screen() {
            Screen::Portfolio => self.portfolio.filter_input.as_ref(),
            Screen::Project { .. } => self
                .project
                .as_ref()
                .filter(|p| p.tab == ProjectTab::Needs)
                .and_then(|p| p.needs.filter_input.as_ref()),
            _ => None,
        }
    }

    fn filter_input_mut(&mut self) -> Option<&mut text_input::TextInput> {
        match self.screen() {
            Screen::Portfolio => self.portfolio.filter_input.as_mut(),
            Screen::Project { .. } => self
                .project
                .as_mut()
                .filter(|p| p.tab == ProjectTab::Needs)
                .and_then(|p| p.needs.filter_input.as_mut()),
            _ => None,
        }
    }

    fn edit_filter(&mut self, ev: &KeyEvent) {
        if let Some(input) = self.filter_input_mut()
            && input.handle(ev)
        {
            self.apply_filter_text();
        }
    }

    fn update_filter(&mut self, action: Action) {
        match action {
            Action::FilterKeep => self.close_filter(false),
            Action::FilterClear => self.close_filter(true),
            Action::Up => self.move_cursor(-1),
            Action::Down => self.move_cursor(1),
            Action::Help => {
                self.overlay = Some(Overlay::Help {
                    context: Context::FilterInput,
                    scroll: 0,
                })
            }
            _ => {}
        }
    }

    /// Closes the filter line, keeping its text or clearing it.
    fn close_filter(&mut self, clear: bool) {
        if self.screen() == Screen::Portfolio {
            self.portfolio.filter_input = None;
            if clear {
                self.portfolio.filter.text.clear();
                self.refresh_portfolio();
            }
        } else if let Some(p) = &mut self.project {
            p.needs.filter_input = None;
            if clear {
                p.needs.filter.text.clear();
                self.refresh_needs();
            }
        }
    }

    /// Applies the typed filter text; each keypress re-queries what is shown.
    fn apply_filter_text(&mut self) {
        let typed = self.filter_input().map(|i| i.value().to_string());
        let Some(typed) = typed else { return };
        if self.screen() == Screen::Portfolio {
            self.portfolio.filter.text = typed;
            self.portfolio.cursor = Cursor::default();
            self.refresh_portfolio();
        } else if let Some(p) = &mut self.project {
            p.needs.filter.text = typed;
            p.needs.cursor = Cursor::default();
            self.refresh_needs();
        }
    }

    /// Called when no event arrived for a while: writes a pending form draft.
    pub fn tick(&mut self) {
        if self
            .draft_pending_since
            .is_some_and(|t| t.elapsed() >= DRAFT_DELAY)
        {
            self.save_draft();
        }
        if self
            .note_pending_since
            .is_some_and(|t| t.elapsed() >= DRAFT_DELAY)
        {
            self.save_note();
        }
    }

    // ----- update -------------------------------------------------------------------

    pub fn update(&mut self, action: Action) {
        match self.context() {
            Context::Confirm => return self.update_confirm(action),
            Context::Help => return self.update_help(action),
            Context::Form => return self.update_form(action),
            Context::FilterInput => return self.update_filter(action),
            Context::Pick => return self.update_pick(action),
            Context::NoteEditor => return self.update_editor(action),
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
            Action::GoPortfolio => self.go_top(Screen::Portfolio),
            Action::GoAgenda => self.go_top(Screen::Agenda),
            Action::GoLessons => self.go_top(Screen::Lessons),
            Action::GoActions => self.go_top(Screen::Actions),
            Action::GoDirectory => self.go_top(Screen::Directory),
            Action::GoTrash => self.go_top(Screen::Trash),
            Action::Up => self.move_cursor(-1),
            Action::Down => self.move_cursor(1),
            Action::PageUp => self.move_cursor(-PAGE),
            Action::PageDown => self.move_cursor(PAGE),
            Action::Top => self.move_cursor(isize::MIN / 2),
            Action::Bottom => self.move_cursor(isize::MAX / 2),
            other => match self.screen() {
                Screen::Portfolio => self.update_portfolio(other),
                Screen::Project { .. } => self.update_project(other),
                Screen::Meeting { .. } => self.update_meeting(other),
                Screen::Need { .. } => self.update_need(other),
                Screen::Agenda => self.update_agenda(other),
                Screen::Lessons => self.update_lessons(other, false),
                Screen::Actions => self.update_actions(other),
                Screen::Directory => self.update_directory(other),
                Screen::Trash => self.update_trash(other),
            },
        }
    }

    fn back(&mut self) {
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
            self.nav.pop();
            self.refresh();
        }
    }

    fn go_top(&mut self, screen: Screen) {
        self.nav = vec![screen];
        self.refresh();
    }

    fn push(&mut self, screen: Screen) {
        self.nav.push(screen);
        self.refresh();
    }

    fn move_cursor(&mut self, delta: isize) {
        match self.screen() {
            Screen::Portfolio => {
                let len = self.portfolio.rows.len();
                self.portfolio.cursor.step(delta, len);
            }
            Screen::Project { .. } => {
                if let Some(p) = &mut self.project {
                    match p.tab {
                        ProjectTab::Meetings => {
                            let len = p.meetings.meetings.len();
                            p.meeting_cursor.step(delta, len);
                        }
                        ProjectTab::Needs => {
                            let len = p.needs.needs.len();
                            p.needs.cursor.step(delta, len);
                        }
                        ProjectTab::Suggestions => {
                            let len = p.suggestions.items.len();
                            p.suggestions.cursor.step(delta, len);
                        }
                        ProjectTab::Lessons => {
                            let len = p.lessons.items.len();
                            p.lessons.cursor.step(delta, len);
                        }
                        ProjectTab::Decisions => {
                            let len = p.decisions.items.len();
                            p.decisions.cursor.step(delta, len);
                        }
                        _ => {
                            let len = p.milestones.len();
                            p.cursor.step(delta, len);
                        }
                    }
                }
            }
            Screen::Meeting { .. } => {
                if let Some(m) = &mut self.meeting {
                    let len = m.rows();
                    m.cursor.step(delta, len);
                }
            }
            Screen::Agenda => {
                let len = self.agenda.meetings.len();
                self.agenda.cursor.step(delta, len);
            }
            Screen::Need { .. } => {
                if let Some(n) = &mut self.need {
                    let len = n.evidence.len();
                    n.cursor.step(delta, len);
                }
            }
            Screen::Lessons => {
                let len = self.library.items.len();
                self.library.cursor.step(delta, len);
            }
            Screen::Actions => {
                let len = self.actions.actions.len();
                self.actions.cursor.step(delta, len);
            }
            Screen::Directory => {
                let d = &mut self.directory;
                match d.tab {
                    DirectoryTab::Organisations => d.org_cursor.step(delta, d.organisations.len()),
                    DirectoryTab::People => d.person_cursor.step(delta, d.people.len()),
                }
            }
            Screen::Trash => {
                let len = self.trash.items.len();
                self.trash.cursor.step(delta, len);
            }
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
                    (TrashKind::Project, Screen::Project { .. })
                        | (TrashKind::Meeting, Screen::Meeting { .. })
                );
                if on_own_screen {
                    self.nav.pop();
                }
                let result = self.store.trash(kind, id);
                self.after_write(result, text::MSG_MOVED_TO_TRASH);
            }
            Pending::Purge(kind, id) => {
                let result = self.store.purge(kind, id);
                self.after_write(result, text::MSG_PURGED);
            }
            Pending::DiscardForm => self.close_form(true),
            Pending::ApplyTemplate(meeting_id, template) => {
                self.apply_template(meeting_id, &template)
            }
            Pending::RemoveEvidence(id) => {
                let result = self.store.remove_evidence(id);
                self.after_write(result, text::MSG_REMOVED);
            }
            Pending::MergeNeeds(from, into) => {
                let result = self.store.merge_needs(from, into);
                self.after_write(result, text::MSG_MERGED);
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

    // ----- portfolio ----------------------------------------------------------------

    fn update_portfolio(&mut self, action: Action) {
        let selected = self.portfolio.selected().map(|r| (r.id, r.code.clone()));
        match action {
            Action::Open => {
                if let Some((id, _)) = selected {
                    self.push(Screen::Project { id });
                }
            }
            Action::New => self.open_form(forms::project_form(None)),
            Action::Edit => {
                if let Some((id, _)) = selected
                    && let Some(p) = self.report(self.store.project(id))
                {
                    self.open_form(forms::project_form(Some(&p)));
                }
            }
            Action::Delete => match selected {
                Some((id, code)) => self.confirm(
                    text::confirm_trash(&code),
                    Pending::Trash(TrashKind::Project, id),
                ),
                None => self.info(text::MSG_NOTHING_SELECTED),
            },
            Action::Filter => {
                self.portfolio.filter_input =
                    Some(text_input::TextInput::new(&self.portfolio.filter.text));
            }
            Action::CycleSort => {
                self.portfolio.filter.sort = self.portfolio.filter.sort.next();
                self.refresh_portfolio();
            }
            Action::ReverseSort => {
                self.portfolio.filter.descending = !self.portfolio.filter.descending;
                self.refresh_portfolio();
            }
            Action::CycleStatusFilter => {
                let all = ProjectStatus::ALL;
                self.portfolio.filter.status = match self.portfolio.filter.status {
                    None => Some(all[0]),
                    Some(s) => all.get(s.index() + 1).copied(),
                };
                self.portfolio.cursor = Cursor::default();
                self.refresh_portfolio();
            }
            Action::LoadDemo => {
                let today = self.clock().today();
                let result = crate::demo::load(&mut self.store, today);
                self.after_write(result, text::MSG_DEMO_LOADED);
            }
            _ => {}
        }
    }

    // ----- project ------------------------------------------------------------------

    fn update_project(&mut self, action: Action) {
        let Some(state) = &self.project else { return };
        let project_id = state.project.id;
        let tab = state.tab;
        let milestone = state.milestones.get(state.cursor.selected).cloned();
        let phase = state.project.phase;
        match action {
            Action::NextTab | Action::PrevTab => {
                let tabs = ProjectTab::ALL;
                let i = tabs.iter().position(|t| *t == tab).unwrap_or(0);
                let n = tabs.len();
                let next = if action == Action::NextTab {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                if let Some(p) = &mut self.project {
                    p.tab = tabs[next];
                }
                self.refresh_project_tab();
            }
            Action::PhaseNext | Action::PhasePrev => {
                let to = if action == Action::PhaseNext {
                    phase.next()
                } else {
                    phase.previous()
                };
                if let Some(to) = to {
                    let result = self.store.set_project_phase(project_id, to);
                    self.after_write(result, format!("{}: {}", text::MSG_PHASE_SET, to.label()));
                }
            }
            Action::MarkReviewed => {
                let result = self.store.mark_project_reviewed(project_id);
                self.after_write(result, text::MSG_REVIEWED);
            }
            other if tab == ProjectTab::Meetings => self.update_project_meetings(other),
            other if tab == ProjectTab::Needs => self.update_project_needs(other),
            other if tab == ProjectTab::Suggestions => self.update_project_suggestions(other),
            other if tab == ProjectTab::Decisions => self.update_project_decisions(other),
            other if tab == ProjectTab::Lessons => self.update_lessons(other, true),
            Action::Edit if tab == ProjectTab::Overview => {
                if let Some(p) = self.report(self.store.project(project_id)) {
                    self.open_form(forms::project_form(Some(&p)));
                }
            }
            Action::Delete if tab == ProjectTab::Overview => {
                let code = self.project.as_ref().map(|p| p.project.code.clone());
                self.confirm(
                    text::confirm_trash(&code.unwrap_or_default()),
                    Pending::Trash(TrashKind::Project, project_id),
                );
            }
            _ if tab == ProjectTab::Overview => {}
            Action::New => self.open_form(forms::milestone_form(project_id, None)),
            Action::Edit => {
                if let Some(m) = milestone {
                    self.open_form(forms::milestone_form(project_id, Some(&m)));
                }
            }
            Action::ToggleDone => {
                if let Some(m) = milestone {
                    let result = self.store.toggle_milestone_done(m.id);
                    let became = if m.status == MilestoneStatus::Done {
                        MilestoneStatus::Planned
                    } else {
                        MilestoneStatus::Done
                    };
                    self.after_write(result, format!("{}: {}", became.label(), m.title));
                }
            }
            Action::Delete => match milestone {
                Some(m) => self.confirm(
                    text::confirm_trash(&m.title),
                    Pending::Trash(TrashKind::Milestone, m.id),
                ),
                None => self.info(text::MSG_NOTHING_SELECTED),
            },
            _ => {}
        }
    }

    // ----- directory ----------------------------------------------------------------

    fn update_directory(&mut self, action: Action) {
        let d = &self.directory;
        let org = d.organisations.get(d.org_cursor.selected).cloned();
        let person = d.people.get(d.person_cursor.selected).cloned();
        let tab = d.tab;
        match (action, tab) {
            (Action::NextTab | Action::PrevTab, _) => {
                self.directory.tab = match tab {
                    DirectoryTab::Organisations => DirectoryTab::People,
                    DirectoryTab::People => DirectoryTab::Organisations,
                };
            }
            (Action::New, DirectoryTab::Organisations) => {
                self.open_form(forms::organisation_form(None))
            }
            (Action::New, DirectoryTab::People) => self.open_form(forms::person_form(None)),
            (Action::Edit, DirectoryTab::Organisations) => {
                if let Some(o) = org {
                    self.open_form(forms::organisation_form(Some(&o)));
                }
            }
            (Action::Edit, DirectoryTab::People) => {
                if let Some(p) = person {
                    self.open_form(forms::person_form(Some(&p)));
                }
            }
            (Action::Delete, DirectoryTab::Organisations) => match org {
                Some(o) => self.confirm(
                    text::confirm_trash(&o.name),
                    Pending::Trash(TrashKind::Organisation, o.id),
                ),
                None => self.info(text::MSG_NOTHING_SELECTED),
            },
            (Action::Delete, DirectoryTab::People) => match person {
                Some(p) => self.confirm(
                    text::confirm_trash(&p.name),
                    Pending::Trash(TrashKind::Person, p.id),
                ),
                None => self.info(text::MSG_NOTHING_SELECTED),
            },
            _ => {}
        }
    }

    // ----- trash --------------------------------------------------------------------

    fn update_trash(&mut self, action: Action) {
        let Some(item) = self.trash.items.get(self.trash.cursor.selected).cloned() else {
            return;
        };
        match action {
            Action::Restore => {
                let result = self.store.restore(item.kind, item.id);
                self.after_write(result, format!("{}: {}", text::MSG_RESTORED, item.label));
            }
            Action::Purge => self.confirm(
                format!("{} {}", item.label, text::CONFIRM_PURGE),
                Pending::Purge(item.kind, item.id),
            ),
            _ => {}
        }
    }

    // ----- forms --------------------------------------------------------------------

    /// Opens a form, bringing back an unsaved draft of the same form if there is one.
    pub fn open_form(&mut self, mut form: Form) {
        let key = form.kind.draft_key();
        if let Some(Some(draft)) = self.report(self.store.draft(&key))
            && form.restore_json(&draft.payload)
        {
            let when = crate::ui::format::local_datetime(self.clock(), &draft.updated_at);
            self.info(format!("{} {when}", text::MSG_DRAFT_RESTORED));
        }
        form.warnings = forms::warnings(&form);
        self.form = Some(form);
        self.refresh_suggestions();
    }

    fn update_form(&mut self, action: Action) {
        let Some(form) = &mut self.form else { return };
        match action {
            Action::FormNext => form.focus_next(),
            Action::FormPrev => form.focus_prev(),
            Action::FormSave => self.save_form(),
            Action::FormCancel => {
                if form.is_dirty() {
                    self.confirm(text::CONFIRM_DISCARD.into(), Pending::DiscardForm);
                } else {
                    self.close_form(true);
                }
            }
            Action::Help => {
                self.overlay = Some(Overlay::Help {
                    context: Context::Form,
                    scroll: 0,
                })
            }
            _ => {}
        }
        self.refresh_suggestions();
    }

    fn edit_form(&mut self, ev: &KeyEvent) {
        if let Some(form) = &mut self.form
            && form.handle_key(ev)
        {
            self.form_changed();
        }
        self.refresh_suggestions();
    }

    fn form_changed(&mut self) {
        self.draft_pending_since = Some(Instant::now());
        let clock = self.clock();
        if let Some(form) = &mut self.form {
            form.warnings = forms::warnings(form);
            if form.attempted {
                form.errors = forms::validate(form, &clock);
            }
        }
    }

    /// Keeps the focused lookup field's suggestions in step with its text.
    fn refresh_suggestions(&mut self) {
        let Some(form) = &self.form else { return };
        let FieldKind::Lookup { input, source, .. } = &form.focused().kind else {
            return;
        };
        let typed = input.value().trim().to_lowercase();
        let names: Vec<String> = match source {
            LookupSource::Organisation => self
                .store
                .suggest_organisations(&typed, 5)
                .map(|v| v.into_iter().map(|o| o.name).collect()),
            LookupSource::Person => self
                .store
                .suggest_people(&typed, 5)
                .map(|v| v.into_iter().map(|p| p.name).collect()),
        }
        .unwrap_or_default();
        let exists = names.iter().any(|n| n.to_lowercase() == typed);
        if let Some(form) = &mut self.form {
            let focus = form.focus;
            if let FieldKind::Lookup {
                suggestions,
                exists: e,
                ..
            } = &mut form.fields[focus].kind
            {
                *suggestions = names;
                *e = exists;
            }
        }
    }

    fn save_form(&mut self) {
        let clock = self.clock();
        let Some(form) = &mut self.form else { return };
        form.attempted = true;
        if let FormKind::NotesExport { meeting_id } = form.kind {
            let choice = (
                form.value("format"),
                form.value("audience"),
                form.value("lang"),
            );
            self.close_form(true);
            self.export_notes(meeting_id, &choice.0, &choice.1, &choice.2);
            return;
        }
        if let FormKind::AgendaTemplate { .. } = form.kind {
            form.errors = forms::validate(form, &clock);
            let name = form.value("name");
            if form.errors.is_empty() && self.save_template(name.trim()) {
                self.close_form(true);
            }
            return;
        }
        match forms::submit(form, &mut self.store) {
            Ok(saved) => {
                // What the user calls the thing just saved.
                let mut label = [
                    "code",
                    "title",
                    "name",
                    "person",
                    "statement",
                    "text",
                    "reason",
                ]
                .iter()
                .map(|k| form.value(k))
                .find(|v| !v.trim().is_empty())
                .unwrap_or_default();
                // A need is known by its code, which the store has just given it.
                if let FormKind::Need { .. } | FormKind::NeedFromMeeting { .. } = saved.kind
                    && let Ok(need) = self.store.need(saved.id)
                {
                    label = format!("{} {}", need.code, need.statement);
                }
                self.close_form(true);
                self.info(format!("{}: {label}", text::MSG_SAVED));
                self.refresh();
                match saved.kind {
                    FormKind::Project { id: None } => self.select_project(saved.id),
                    FormKind::Meeting { .. } => self.warn_overlaps(saved.id),
                    _ => {}
                }
            }
            Err(SubmitError::Invalid(errors)) => {
                form.errors = errors;
                form.focus_first_error();
                self.error(text::MSG_FIX_FIELDS);
            }
            Err(SubmitError::Store(e)) => {
                self.report::<()>(Err(e));
            }
        }
    }

    /// After saving a meeting: says so when it shares time with another one.
    fn warn_overlaps(&mut self, meeting_id: i64) {
        let found = self.store.meeting(meeting_id).and_then(|m| {
            if m.status == crate::domain::MeetingStatus::Cancelled {
                return Ok(Vec::new());
            }
            self.store.overlapping_meetings(m.start, m.end, Some(m.id))
        });
        if let Some(others) = self.report(found)
            && let Some(first) = others.first()
        {
            let clock = self.clock();
            let when = format!(
                "{}–{}",
                clock.local(first.start).format("%H:%M"),
                clock.local(first.end).format("%H:%M")
            );
            self.error(text::overlap_warning(
                &first.title,
                &first.project_code,
                &when,
                others.len(),
            ));
        }
    }

    /// Closes the open form; `discard` also drops its stored draft.
    fn close_form(&mut self, discard: bool) {
        if let Some(form) = self.form.take()
            && discard
        {
            let key = form.kind.draft_key();
            report(&mut self.status, self.store.discard_draft(&key));
        }
        self.draft_pending_since = None;
    }

    /// Writes the open form's contents as a draft, if it has unsaved changes.
    fn save_draft(&mut self) {
        self.draft_pending_since = None;
        let Some(form) = &self.form else { return };
        if !form.is_dirty() {
            return;
        }
        let (key, json) = (form.kind.draft_key(), form.to_json());
        report(&mut self.status, self.store.save_draft(&key, &json));
    }

    fn select_project(&mut self, id: i64) {
        if let Some(i) = self.portfolio.rows.iter().position(|r| r.id == id) {
            self.portfolio.cursor.selected = i;
        }
    }

    // ----- loading ------------------------------------------------------------------

    /// Reloads what the current screen shows.
    pub fn refresh(&mut self) {
        match self.screen() {
            Screen::Portfolio => self.refresh_portfolio(),
            Screen::Project { id } => self.refresh_project(id),
            Screen::Meeting { id } => self.refresh_meeting(id),
            Screen::Need { id } => self.refresh_need(id),
            Screen::Agenda => self.refresh_agenda(),
            Screen::Lessons => self.refresh_lessons_library(),
            Screen::Actions => self.refresh_actions(),
            Screen::Directory => self.refresh_directory(),
            Screen::Trash => self.refresh_trash(),
        }
    }

    fn refresh_portfolio(&mut self) {
        if let Some(rows) = self.report(self.store.list_projects(&self.portfolio.filter)) {
            self.portfolio.rows = rows;
        }
        self.portfolio.has_any =
            !self.portfolio.rows.is_empty() || self.store.has_projects().unwrap_or(true);
        let len = self.portfolio.rows.len();
        self.portfolio.cursor.clamp(len);
    }

    /// Reloads the project and only the data of the tab on screen.
    fn refresh_project(&mut self, id: i64) {
        let Some(project) = self.report(self.store.project(id)) else {
            self.project = None;
            return self.leave_screen();
        };
        match &mut self.project {
            Some(s) if s.project.id == id => s.project = project,
            _ => {
                self.project = Some(ProjectState {
                    project,
                    milestones: Vec::new(),
                    meetings: MeetingList::default(),
                    needs: NeedsView::default(),
                    suggestions: SuggestionsView::default(),
                    decisions: DecisionsView::default(),
                    lessons: LessonsView::default(),
                    tab: ProjectTab::default(),
                    cursor: Cursor::default(),
                    meeting_cursor: Cursor::default(),
                })
            }
        }
        self.refresh_project_tab();
    }

    fn refresh_project_tab(&mut self) {
        let Some(state) = &self.project else { return };
        let id = state.project.id;
        match state.tab {
            ProjectTab::Overview => {}
            ProjectTab::Meetings => {
                if let Some(list) = self.load_meeting_list(id)
                    && let Some(s) = &mut self.project
                {
                    s.meeting_cursor.clamp(list.meetings.len());
                    s.meetings = list;
                }
            }
            ProjectTab::TimePlan => {
                if let Some(milestones) = self.report(self.store.milestones(id))
                    && let Some(s) = &mut self.project
                {
                    s.cursor.clamp(milestones.len());
                    s.milestones = milestones;
                }
            }
            ProjectTab::Needs => self.refresh_needs(),
            ProjectTab::Suggestions => self.refresh_suggestions_tab(),
            ProjectTab::Decisions => self.refresh_decisions_tab(),
            ProjectTab::Lessons => self.refresh_project_lessons(),
        }
    }

    fn refresh_directory(&mut self) {
        if let Some(orgs) = self.report(self.store.list_organisations()) {
            self.directory.organisations = orgs;
        }
        if let Some(people) = self.report(self.store.list_people()) {
            self.directory.people = people;
        }
        let d = &mut self.directory;
        d.org_cursor.clamp(d.organisations.len());
        d.person_cursor.clamp(d.people.len());
    }

    fn refresh_trash(&mut self) {
        if let Some(items) = self.report(self.store.list_trash()) {
            self.trash.items = items;
        }
        let len = self.trash.items.len();
        self.trash.cursor.clamp(len);
    }
}
