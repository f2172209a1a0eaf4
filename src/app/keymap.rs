//! Default key bindings per context. Help and the footer are generated from this table,
//! so what they show is always what is in effect.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

mod overrides;
pub use overrides::KeyConfigError;

/// Where the user is, for key lookup. Its name in the config file is the variant in
/// snake case (`[keys.meeting_notes]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Context {
    /// Applies on every screen (not inside forms or dialogs).
    Global,
    /// The portfolio of an empty store.
    Welcome,
    Portfolio,
    ProjectOverview,
    ProjectMeetings,
    TimePlan,
    MeetingDetails,
    MeetingAgenda,
    MeetingParticipants,
    MeetingChecklist,
    AgendaList,
    AgendaWeek,
    ProjectNeeds,
    NeedDetail,
    ProjectSuggestions,
    ProjectLessons,
    LessonsLibrary,
    MeetingNotes,
    MeetingOutcomes,
    NoteEditor,
    Actions,
    ProjectDecisions,
    ProjectInformation,
    /// Choosing from a list (agenda templates).
    Pick,
    Directory,
    /// An organisation's page.
    OrganisationPage,
    Trash,
    /// A project's dialogue rounds and the matrix of the selected one.
    Rounds,
    Form,
    /// Typing the portfolio's text filter.
    FilterInput,
    /// Search across everything: typing and choosing a hit.
    Search,
    /// The command palette: typing and choosing a command or an item.
    Palette,
    Confirm,
    /// A save found the row changed elsewhere: reload, keep mine, or see both.
    Conflict,
    Help,
    /// A project's attention tab.
    ProjectAttention,
    /// Review mode, on the walk's project (its attention tab).
    Review,
    /// Review mode's closing summary.
    ReviewSummary,
}

impl Context {
    /// Contexts where letters are typed text, so global letter keys must not fire.
    pub fn is_modal(self) -> bool {
        matches!(
            self,
            Context::Form
                | Context::FilterInput
                | Context::Search
                | Context::Palette
                | Context::Confirm
                | Context::Conflict
                | Context::Help
                | Context::Pick
                | Context::NoteEditor
        )
    }

    /// Contexts whose actions the command palette offers: screens, and the note editor
    /// (its captures), not the inside of dialogs, forms and typed lines.
    pub fn runs_commands(self) -> bool {
        !self.is_modal() || self == Context::NoteEditor
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Global => crate::text::help_global(),
            Context::Welcome | Context::Portfolio => crate::text::view_portfolio(),
            Context::ProjectOverview => crate::text::tab_overview(),
            Context::TimePlan => crate::text::tab_time_plan(),
            Context::ProjectMeetings => crate::text::tab_meetings(),
            Context::MeetingDetails => crate::text::tab_details(),
            Context::MeetingAgenda => crate::text::tab_agenda(),
            Context::MeetingParticipants => crate::text::tab_participants(),
            Context::MeetingChecklist => crate::text::tab_checklist(),
            Context::AgendaList => crate::text::view_agenda(),
            Context::AgendaWeek => crate::text::view_week(),
            Context::ProjectNeeds => crate::text::tab_needs(),
            Context::NeedDetail => crate::text::kind_need(),
            Context::ProjectSuggestions => crate::text::tab_suggestions(),
            Context::ProjectLessons => crate::text::tab_lessons(),
            Context::LessonsLibrary => crate::text::view_lessons(),
            Context::MeetingNotes => crate::text::tab_notes(),
            Context::MeetingOutcomes => crate::text::tab_outcomes(),
            Context::NoteEditor => crate::text::note_editor(),
            Context::Actions => crate::text::view_actions(),
            Context::ProjectDecisions => crate::text::tab_decisions(),
            Context::ProjectInformation => crate::text::tab_information(),
            Context::Pick => crate::text::pick_title(),
            Context::Directory => crate::text::view_directory(),
            Context::OrganisationPage => crate::text::view_organisation(),
            Context::Trash => crate::text::view_trash(),
            Context::Rounds => crate::text::view_rounds(),
            Context::Form => crate::text::form_title(),
            Context::FilterInput => crate::text::portfolio_filter(),
            Context::Search => crate::text::search_title(),
            Context::Palette => crate::text::palette_title(),
            Context::Confirm => crate::text::confirm_title(),
            Context::Conflict => crate::text::conflict_title(),
            Context::Help => crate::text::help_title(),
            Context::ProjectAttention => crate::text::tab_attention(),
            Context::Review => crate::text::review_title(),
            Context::ReviewSummary => crate::text::review_summary(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }
    pub const fn alt(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::ALT,
        }
    }

    /// Ctrl with a key that is not a character (`Ctrl-→`).
    pub const fn ctrl_key(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::CONTROL,
        }
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// Normalises a terminal key event: Shift is implied by an upper-case letter or
    /// a symbol, and BackTab arrives with or without Shift depending on the terminal.
    pub fn from_event(ev: &KeyEvent) -> Key {
        let mut modifiers = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        if matches!(ev.code, KeyCode::Char(_) | KeyCode::BackTab) {
            return Key {
                code: ev.code,
                modifiers,
            };
        }
        modifiers |= ev.modifiers & KeyModifiers::SHIFT;
        Key {
            code: ev.code,
            modifiers,
        }
    }

    /// How the key is written in help and the footer.
    pub fn display(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Delete => "Del".into(),
            KeyCode::Backspace => "Backspace".into(),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else if self.modifiers.contains(KeyModifiers::ALT) {
            format!("Alt-{base}")
        } else {
            base
        }
    }
}

/// An action as the command palette lists it (see `Keymap::commands`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub action: Action,
    /// The key that runs it where it applies (else its first key anywhere).
    pub key: String,
    /// Whether it applies in the context the palette was opened from.
    pub applies: bool,
    /// Whether that is by a key of that context itself (not an everywhere key).
    pub local: bool,
    /// Where it has a key.
    pub contexts: Vec<Context>,
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub key: Key,
    pub action: Action,
    /// Shown in the footer (the first key of an action only).
    pub footer: bool,
}

#[derive(Debug)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::defaults()
    }
}

impl Keymap {
    /// The defaults of DESIGN.md §4.
    pub fn defaults() -> Keymap {
        use Action::*;
        use Context::*;
        use KeyCode as K;
        let mut b = Vec::new();
        let mut bind = |context, keys: &[Key], action, footer| {
            for (i, key) in keys.iter().enumerate() {
                b.push(Binding {
                    context,
                    key: *key,
                    action,
                    footer: footer && i == 0,
                });
            }
        };
        let moves = [
            (&[Key::ch('k'), Key::plain(K::Up)][..], Up),
            (&[Key::ch('j'), Key::plain(K::Down)][..], Down),
            (&[Key::ch('g'), Key::plain(K::Home)][..], Top),
            (&[Key::ch('G'), Key::plain(K::End)][..], Bottom),
            (&[Key::plain(K::PageUp)][..], PageUp),
            (&[Key::plain(K::PageDown)][..], PageDown),
        ];

        bind(Global, &[Key::ch('q')], Quit, true);
        bind(
            Global,
            &[Key::ch('?'), Key::plain(K::F(1))],
            Action::Help,
            true,
        );
        bind(Global, &[Key::plain(K::Esc)], Back, false);
        bind(Global, &[Key::ch('1')], GoPortfolio, false);
        bind(Global, &[Key::ch('2')], GoAgenda, false);
        bind(Global, &[Key::ch('3')], GoActions, false);
        bind(Global, &[Key::ch('4')], GoLessons, false);
        bind(Global, &[Key::ch('5')], GoDirectory, false);
        bind(Global, &[Key::ch('6')], GoTrash, false);
        bind(
            Global,
            &[Key::ch('/'), Key::ctrl('f')],
            Action::Search,
            false,
        );
        bind(
            Global,
            &[Key::ch(':'), Key::ctrl('p')],
            Action::Palette,
            false,
        );

        for ctx in [
            Portfolio,
            TimePlan,
            Directory,
            OrganisationPage,
            Trash,
            Rounds,
            ProjectMeetings,
            MeetingAgenda,
            MeetingParticipants,
            MeetingChecklist,
            AgendaList,
            AgendaWeek,
            Pick,
            ProjectNeeds,
            NeedDetail,
            ProjectSuggestions,
            ProjectLessons,
            LessonsLibrary,
            MeetingNotes,
            MeetingOutcomes,
            Actions,
            ProjectDecisions,
            ProjectInformation,
            ProjectAttention,
            Review,
        ] {
            for (keys, action) in moves {
                bind(ctx, keys, action, false);
            }
        }

        bind(Welcome, &[Key::ch('n')], New, true);
        bind(Welcome, &[Key::ch('D')], LoadDemo, true);

        bind(Portfolio, &[Key::plain(K::Enter)], Open, true);
        bind(Portfolio, &[Key::ch('n')], New, true);
        bind(Portfolio, &[Key::ch('e')], Edit, true);
        bind(Portfolio, &[Key::ch('d')], Delete, true);
        // `/` searches everything; the list's own filter bar is `f`, and `F` clears it.
        bind(Portfolio, &[Key::ch('f')], Filter, true);
        bind(Portfolio, &[Key::ch('s')], CycleSort, true);
        bind(Portfolio, &[Key::ch('S')], ReverseSort, false);
        bind(Portfolio, &[Key::ch('F')], ClearFilters, true);
        bind(Portfolio, &[Key::ch('D')], LoadDemo, false);
        bind(Portfolio, &[Key::ch('R')], StartReview, true);

        // A project's attention tab, and the same tab in review mode with the walk's keys.
        for ctx in [Review, ProjectAttention] {
            bind(ctx, &[Key::plain(K::Enter)], Open, true);
            if ctx == Review {
                bind(ctx, &[Key::ch('n'), Key::ch(']')], ReviewNext, true);
                bind(ctx, &[Key::ch('p'), Key::ch('[')], ReviewPrev, true);
                bind(ctx, &[Key::plain(K::Esc)], Back, true);
            }
            bind(ctx, &[Key::ch('r')], MarkReviewed, true);
            bind(ctx, &[Key::ch('x')], ExportReport, false);
            bind(ctx, &[Key::plain(K::Tab)], NextTab, true);
            bind(ctx, &[Key::plain(K::BackTab)], PrevTab, false);
            bind(
                ctx,
                &[Key::ch('>'), Key::ctrl_key(K::Right)],
                PhaseNext,
                false,
            );
            bind(
                ctx,
                &[Key::ch('<'), Key::ctrl_key(K::Left)],
                PhasePrev,
                false,
            );
        }
        bind(ReviewSummary, &[Key::plain(K::Enter)], GoPortfolio, true);
        bind(
            ReviewSummary,
            &[Key::ch('p'), Key::ch('[')],
            ReviewPrev,
            true,
        );

        for ctx in [ProjectOverview, ProjectMeetings, TimePlan] {
            bind(ctx, &[Key::plain(K::Tab)], NextTab, true);
            bind(ctx, &[Key::plain(K::BackTab)], PrevTab, false);
            // `<` and `>` need Shift or AltGr on Nordic keyboards: Ctrl-arrows too.
            let (next, prev) = (Key::ctrl_key(K::Right), Key::ctrl_key(K::Left));
            bind(
                ctx,
                &[Key::ch('>'), next],
                PhaseNext,
                ctx == ProjectOverview,
            );
            bind(
                ctx,
                &[Key::ch('<'), prev],
                PhasePrev,
                ctx == ProjectOverview,
            );
            bind(ctx, &[Key::ch('r')], MarkReviewed, false);
        }
        bind(ProjectOverview, &[Key::ch('e')], Edit, true);
        bind(ProjectOverview, &[Key::ch('d')], Delete, false);

        bind(ProjectMeetings, &[Key::plain(K::Enter)], Open, true);
        bind(ProjectMeetings, &[Key::ch('R')], GoRounds, false);
        bind(Rounds, &[Key::ch('n')], New, true);
        bind(Rounds, &[Key::ch('a')], RecordAnswer, true);
        bind(Rounds, &[Key::ch('d')], Delete, false);
        bind(Rounds, &[Key::ch(']'), Key::ch('J')], NextQuestions, false);
        bind(Rounds, &[Key::ch('['), Key::ch('K')], PrevQuestions, false);
        bind(Rounds, &[Key::ch('x')], ExportDialogueShared, true);
        bind(Rounds, &[Key::ch('X')], ExportDialogueInternal, false);
        bind(ProjectMeetings, &[Key::ch('n')], New, true);
        bind(ProjectMeetings, &[Key::ch('e')], Edit, true);
        bind(ProjectMeetings, &[Key::ch('c')], CancelMeeting, false);
        bind(ProjectMeetings, &[Key::ch('x')], ExportCalendar, true);
        bind(ProjectMeetings, &[Key::ch('d')], Delete, false);
        bind(ProjectMeetings, &[Key::ch('f')], Filter, false);
        bind(ProjectMeetings, &[Key::ch('F')], ClearFilters, false);

        let meeting_tabs = [
            MeetingDetails,
            MeetingAgenda,
            MeetingNotes,
            MeetingOutcomes,
            MeetingParticipants,
            MeetingChecklist,
        ];
        for ctx in meeting_tabs {
            bind(ctx, &[Key::plain(K::Tab)], NextTab, true);
            bind(ctx, &[Key::plain(K::BackTab)], PrevTab, false);
            bind(ctx, &[Key::ch('x')], ExportNotes, ctx == MeetingDetails);
            bind(ctx, &[Key::ch('C')], ExportCalendar, false);
            bind(ctx, &[Key::ch('p')], ExportAgenda, false);
            bind(ctx, &[Key::ch('w')], NotesStatusNext, false);
            bind(ctx, &[Key::ch('W')], NotesStatusBack, false);
            // The meeting's own keys work on every tab (Details binds them below, in
            // its footer's order).
            if ctx != MeetingDetails {
                bind(ctx, &[Key::ch('c')], CancelMeeting, false);
                bind(ctx, &[Key::ch('h')], MarkHeld, false);
            }
        }
        bind(MeetingNotes, &[Key::ch('n')], New, true);
        bind(
            MeetingNotes,
            &[Key::ch('e'), Key::plain(K::Enter)],
            Edit,
            true,
        );
        bind(MeetingNotes, &[Key::ch('l')], CycleLabel, true);
        bind(MeetingNotes, &[Key::ch('b')], CycleBlock, true);
        bind(MeetingNotes, &[Key::ch('E')], ExternalEditor, false);
        bind(MeetingNotes, &[Key::ch('d')], Delete, false);

        bind(
            MeetingOutcomes,
            &[Key::ch('e'), Key::plain(K::Enter)],
            Edit,
            true,
        );
        bind(MeetingOutcomes, &[Key::ch(' ')], ToggleDone, true);
        bind(MeetingOutcomes, &[Key::ch('l')], CycleLabel, true);
        bind(MeetingOutcomes, &[Key::ch('d')], Delete, true);

        bind(NoteEditor, &[Key::plain(K::Esc)], CloseEditor, true);
        bind(NoteEditor, &[Key::ctrl('s')], SaveNote, false);
        // Ctrl-Z and Ctrl-Y as everywhere else; the editor's own Ctrl-U and Ctrl-R too.
        bind(NoteEditor, &[Key::ctrl('z'), Key::ctrl('u')], Undo, false);
        bind(NoteEditor, &[Key::ctrl('y'), Key::ctrl('r')], Redo, false);
        bind(
            NoteEditor,
            &[Key::ctrl('l'), Key::plain(K::F(9))],
            CycleLabel,
            true,
        );
        bind(
            NoteEditor,
            &[Key::alt('d'), Key::plain(K::F(2))],
            CaptureDecision,
            true,
        );
        bind(
            NoteEditor,
            &[Key::alt('a'), Key::plain(K::F(3))],
            CaptureAction,
            true,
        );
        bind(
            NoteEditor,
            &[Key::alt('n'), Key::plain(K::F(4))],
            CaptureNeed,
            true,
        );
        bind(
            NoteEditor,
            &[Key::alt('s'), Key::plain(K::F(5))],
            CaptureSuggestion,
            false,
        );
        bind(
            NoteEditor,
            &[Key::alt('q'), Key::plain(K::F(6))],
            CaptureQuestion,
            false,
        );
        // The line as information given to the meeting's suppliers (the information log).
        bind(
            NoteEditor,
            &[Key::alt('i'), Key::plain(K::F(7))],
            CaptureInformation,
            false,
        );
        bind(
            NoteEditor,
            &[Key::alt('r'), Key::plain(K::F(11))],
            AnswerRoundQuestion,
            false,
        );
        bind(
            NoteEditor,
            &[Key::alt('.'), Key::plain(K::F(10))],
            NextRoundQuestion,
            false,
        );
        bind(
            NoteEditor,
            &[Key::ctrl('g'), Key::plain(K::F(8))],
            ExternalEditor,
            false,
        );
        bind(NoteEditor, &[Key::plain(K::F(1))], Action::Help, false);

        bind(Actions, &[Key::ch(' ')], ToggleDone, true);
        bind(Actions, &[Key::ch('e')], Edit, true);
        bind(Actions, &[Key::plain(K::Enter)], GoToMeeting, true);
        bind(Actions, &[Key::ch('n')], New, false);
        bind(Actions, &[Key::ch('f')], Filter, true);
        bind(Actions, &[Key::ch('F')], ClearFilters, true);
        bind(Actions, &[Key::ch('o')], CycleOwnerFilter, false);
        bind(Actions, &[Key::ch('p')], CycleProjectFilter, false);
        bind(Actions, &[Key::ch('h')], ToggleClosed, false);
        bind(Actions, &[Key::ch('l')], CycleLabel, false);
        bind(Actions, &[Key::ch('d')], Delete, false);

        bind(ProjectDecisions, &[Key::plain(K::Tab)], NextTab, true);
        bind(ProjectDecisions, &[Key::plain(K::BackTab)], PrevTab, false);
        bind(ProjectDecisions, &[Key::ch('n')], New, true);
        bind(
            ProjectDecisions,
            &[Key::ch('e'), Key::plain(K::Enter)],
            Edit,
            true,
        );
        bind(ProjectDecisions, &[Key::ch('l')], CycleLabel, true);
        bind(ProjectDecisions, &[Key::ch('d')], Delete, false);

        bind(ProjectInformation, &[Key::plain(K::Tab)], NextTab, true);
        bind(
            ProjectInformation,
            &[Key::plain(K::BackTab)],
            PrevTab,
            false,
        );
        bind(ProjectInformation, &[Key::ch('n')], New, true);
        bind(ProjectInformation, &[Key::ch('i')], NewInterest, true);
        bind(
            ProjectInformation,
            &[Key::ch('e'), Key::plain(K::Enter)],
            Edit,
            true,
        );
        bind(ProjectInformation, &[Key::ch('d')], Delete, false);

        bind(MeetingDetails, &[Key::ch('e')], Edit, true);
        bind(MeetingDetails, &[Key::ch('c')], CancelMeeting, true);
        bind(MeetingDetails, &[Key::ch('h')], MarkHeld, false);
        bind(MeetingDetails, &[Key::ch('d')], Delete, false);

        bind(MeetingAgenda, &[Key::ch('n')], New, true);
        bind(
            MeetingAgenda,
            &[Key::ch('e'), Key::plain(K::Enter)],
            Edit,
            true,
        );
        bind(MeetingAgenda, &[Key::ch('J')], MoveDown, true);
        bind(MeetingAgenda, &[Key::ch('K')], MoveUp, true);
        bind(MeetingAgenda, &[Key::ch('t')], ApplyTemplate, true);
        bind(MeetingAgenda, &[Key::ch('Q')], AddRoundQuestions, false);
        bind(MeetingAgenda, &[Key::ch('T')], SaveTemplate, false);
        bind(MeetingAgenda, &[Key::ch('d')], Delete, true);

        bind(MeetingParticipants, &[Key::ch('n')], New, true);
        bind(MeetingParticipants, &[Key::ch('r')], CycleRole, true);
        bind(MeetingParticipants, &[Key::ch('i')], ToggleInvited, true);
        bind(MeetingParticipants, &[Key::ch('a')], ToggleAttended, true);
        bind(MeetingParticipants, &[Key::ch('d')], Delete, true);

        bind(
            MeetingChecklist,
            &[Key::ch(' '), Key::plain(K::Enter)],
            ToggleDone,
            true,
        );
        // The registration in the case (document number), on the checklist's last point.
        bind(MeetingChecklist, &[Key::ch('e')], Edit, false);

        for ctx in [AgendaList, AgendaWeek] {
            bind(ctx, &[Key::plain(K::Enter)], Open, true);
            bind(ctx, &[Key::ch('v')], ToggleWeekView, true);
            bind(ctx, &[Key::ch('['), Key::plain(K::Left)], PrevWeek, true);
            bind(ctx, &[Key::ch(']'), Key::plain(K::Right)], NextWeek, true);
            bind(ctx, &[Key::ch('t')], Today, true);
            bind(ctx, &[Key::ch('x')], ExportCalendar, true);
            bind(ctx, &[Key::ch('d')], Delete, false);
            bind(ctx, &[Key::ch('f')], Filter, false);
            bind(ctx, &[Key::ch('F')], ClearFilters, false);
        }

        bind(Pick, &[Key::plain(K::Enter)], Open, true);
        bind(Pick, &[Key::plain(K::Esc)], Back, true);
        bind(
            Pick,
            &[Key::plain(K::F(1)), Key::ch('?')],
            Action::Help,
            false,
        );

        for ctx in [ProjectNeeds, ProjectSuggestions, ProjectLessons] {
            // The footer has little room on these tabs; Tab is in help and on the tab row.
            bind(ctx, &[Key::plain(K::Tab)], NextTab, ctx != ProjectNeeds);
            bind(ctx, &[Key::plain(K::BackTab)], PrevTab, false);
        }
        bind(ProjectNeeds, &[Key::plain(K::Enter)], Open, true);
        bind(ProjectNeeds, &[Key::ch('n')], New, true);
        bind(ProjectNeeds, &[Key::ch('e')], Edit, false);
        bind(
            ProjectNeeds,
            &[Key::ch('>'), Key::ctrl_key(K::Right)],
            StatusForward,
            true,
        );
        bind(
            ProjectNeeds,
            &[Key::ch('<'), Key::ctrl_key(K::Left)],
            StatusBack,
            false,
        );
        bind(ProjectNeeds, &[Key::ch('x')], Reject, false);
        bind(ProjectNeeds, &[Key::ch('z')], Defer, false);
        bind(ProjectNeeds, &[Key::ch('m')], Merge, false);
        bind(ProjectNeeds, &[Key::ch('f')], Filter, true);
        bind(ProjectNeeds, &[Key::ch('F')], ClearFilters, true);
        bind(ProjectNeeds, &[Key::ch('p')], CyclePriorityFilter, false);
        bind(ProjectNeeds, &[Key::ch('c')], CycleCategoryFilter, false);
        bind(ProjectNeeds, &[Key::ch('s')], CycleSort, false);
        bind(ProjectNeeds, &[Key::ch('l')], CycleLabel, false);
        bind(ProjectNeeds, &[Key::ch('d')], Delete, false);

        bind(NeedDetail, &[Key::ch('e')], Edit, true);
        bind(
            NeedDetail,
            &[Key::ch('>'), Key::ctrl_key(K::Right)],
            StatusForward,
            true,
        );
        bind(
            NeedDetail,
            &[Key::ch('<'), Key::ctrl_key(K::Left)],
            StatusBack,
            true,
        );
        bind(NeedDetail, &[Key::ch('x')], Reject, true);
        bind(NeedDetail, &[Key::ch('z')], Defer, true);
        bind(NeedDetail, &[Key::ch('m')], Merge, false);
        bind(NeedDetail, &[Key::ch('a')], AddEvidence, true);
        bind(NeedDetail, &[Key::ch('l')], CycleLabel, false);
        bind(NeedDetail, &[Key::ch('L')], CycleEvidenceLabel, false);
        bind(NeedDetail, &[Key::ch('d')], Delete, false);

        bind(ProjectSuggestions, &[Key::ch('n')], New, true);
        bind(
            ProjectSuggestions,
            &[Key::ch('e'), Key::plain(K::Enter)],
            Edit,
            true,
        );
        bind(
            ProjectSuggestions,
            &[Key::ch('>'), Key::ctrl_key(K::Right)],
            StatusForward,
            true,
        );
        bind(
            ProjectSuggestions,
            &[Key::ch('<'), Key::ctrl_key(K::Left)],
            StatusBack,
            false,
        );
        bind(ProjectSuggestions, &[Key::ch('f')], Filter, true);
        bind(ProjectSuggestions, &[Key::ch('F')], ClearFilters, true);
        bind(ProjectSuggestions, &[Key::ch('p')], CyclePhaseFilter, false);
        bind(ProjectSuggestions, &[Key::ch('l')], CycleLabel, false);
        bind(ProjectSuggestions, &[Key::ch('d')], Delete, false);

        for ctx in [ProjectLessons, LessonsLibrary] {
            bind(ctx, &[Key::ch('n')], New, true);
            bind(ctx, &[Key::ch('e'), Key::plain(K::Enter)], Edit, true);
            bind(ctx, &[Key::ch('f')], Filter, true);
            bind(ctx, &[Key::ch('F')], ClearFilters, true);
            bind(ctx, &[Key::ch('p')], CyclePhaseFilter, false);
            bind(ctx, &[Key::ch('t')], CycleKindFilter, false);
            bind(ctx, &[Key::ch('x')], ExportLessons, true);
            bind(ctx, &[Key::ch('d')], Delete, false);
        }

        bind(TimePlan, &[Key::ch('n')], New, true);
        bind(TimePlan, &[Key::ch('e'), Key::plain(K::Enter)], Edit, true);
        bind(TimePlan, &[Key::ch(' ')], ToggleDone, true);
        bind(TimePlan, &[Key::ch('d')], Delete, true);

        bind(Directory, &[Key::plain(K::Tab)], NextTab, true);
        bind(Directory, &[Key::plain(K::BackTab)], PrevTab, false);
        bind(Directory, &[Key::ch('n')], New, true);
        bind(Directory, &[Key::ch('e'), Key::plain(K::Enter)], Edit, true);
        bind(Directory, &[Key::ch('d')], Delete, true);
        bind(Directory, &[Key::ch('v')], Open, true);
        bind(Directory, &[Key::ch('m')], Merge, false);
        bind(Directory, &[Key::ch('f')], Filter, true);
        bind(Directory, &[Key::ch('F')], ClearFilters, true);

        bind(Trash, &[Key::ch('r'), Key::plain(K::Enter)], Restore, true);
        bind(Trash, &[Key::ch('X'), Key::plain(K::Delete)], Purge, true);
        bind(Trash, &[Key::ch('f')], Filter, true);
        bind(Trash, &[Key::ch('F')], ClearFilters, true);

        bind(Form, &[Key::plain(K::Tab)], FormNext, true);
        bind(Form, &[Key::plain(K::BackTab)], FormPrev, true);
        bind(Form, &[Key::ctrl('s')], FormSave, true);
        bind(Form, &[Key::plain(K::Esc)], FormCancel, true);
        bind(Form, &[Key::plain(K::F(1))], Action::Help, false);

        bind(FilterInput, &[Key::plain(K::Enter)], FilterKeep, true);
        bind(FilterInput, &[Key::plain(K::Esc)], FilterClear, true);
        bind(FilterInput, &[Key::plain(K::Tab)], FacetMenu, true);
        bind(FilterInput, &[Key::plain(K::Up)], Up, true);
        bind(FilterInput, &[Key::plain(K::Down)], Down, true);
        bind(FilterInput, &[Key::plain(K::F(1))], Action::Help, false);

        bind(Context::Search, &[Key::plain(K::Enter)], Open, true);
        bind(Context::Search, &[Key::plain(K::Tab)], NextKind, true);
        bind(Context::Search, &[Key::plain(K::BackTab)], PrevKind, false);
        bind(Context::Search, &[Key::plain(K::Esc)], Back, true);
        for (keys, action) in [
            (&[Key::plain(K::Up)][..], Up),
            (&[Key::plain(K::Down)][..], Down),
            (&[Key::plain(K::PageUp)][..], PageUp),
            (&[Key::plain(K::PageDown)][..], PageDown),
        ] {
            bind(Context::Search, keys, action, false);
            bind(Context::Palette, keys, action, false);
        }
        bind(Context::Palette, &[Key::plain(K::Enter)], Open, true);
        bind(Context::Palette, &[Key::plain(K::Esc)], Back, true);

        bind(
            Confirm,
            &[Key::ch('y'), Key::plain(K::Enter)],
            ConfirmYes,
            true,
        );
        bind(
            Confirm,
            &[Key::ch('n'), Key::plain(K::Esc)],
            ConfirmNo,
            true,
        );

        bind(Conflict, &[Key::ch('r')], ConflictReload, true);
        bind(Conflict, &[Key::ch('k')], ConflictKeepMine, true);
        bind(Conflict, &[Key::ch('b')], ConflictSeeBoth, true);
        bind(Conflict, &[Key::plain(K::Esc)], Back, true);
        bind(Conflict, &[Key::plain(K::Up)], Up, false);
        bind(Conflict, &[Key::plain(K::Down)], Down, false);

        bind(
            Context::Help,
            &[
                Key::plain(K::Esc),
                Key::ch('?'),
                Key::ch('q'),
                Key::plain(K::F(1)),
            ],
            Back,
            true,
        );
        bind(
            Context::Help,
            &[Key::ch('j'), Key::plain(K::Down)],
            Down,
            false,
        );
        bind(Context::Help, &[Key::ch('k'), Key::plain(K::Up)], Up, false);

        Keymap { bindings: b }
    }

    /// The action for `key` in `context`; non-modal contexts fall back to global keys.
    pub fn lookup(&self, context: Context, key: Key) -> Option<Action> {
        let find = |ctx: Context| {
            self.bindings
                .iter()
                .find(|b| b.context == ctx && b.key == key)
                .map(|b| b.action)
        };
        find(context).or_else(|| {
            if context.is_modal() {
                None
            } else {
                find(Context::Global)
            }
        })
    }

    /// Help rows for a context: each action once, with all its keys.
    pub fn help(&self, context: Context) -> Vec<(String, &'static str)> {
        let mut rows: Vec<(Action, Vec<String>)> = Vec::new();
        for b in self.bindings.iter().filter(|b| b.context == context) {
            match rows.iter_mut().find(|(a, _)| *a == b.action) {
                Some((_, keys)) => keys.push(b.key.display()),
                None => rows.push((b.action, vec![b.key.display()])),
            }
        }
        rows.into_iter()
            .map(|(a, keys)| (keys.join(" / "), a.describe()))
            .collect()
    }

    /// Every action a user can run by name (the command palette), each once: those that
    /// apply in `context` first, with the key that runs them there, then the others with
    /// the contexts they apply in. Moving the cursor and the mechanics of dialogs and
    /// forms are left out: they mean nothing away from their key.
    pub fn commands(&self, context: Context) -> Vec<Command> {
        let here = |ctx: Context| ctx == context || (ctx == Context::Global && !context.is_modal());
        let mut commands: Vec<Command> = Vec::new();
        for b in &self.bindings {
            if !b.context.runs_commands() || b.action.is_movement() {
                continue;
            }
            match commands.iter_mut().find(|c| c.action == b.action) {
                Some(c) => {
                    if here(b.context) && !c.applies {
                        c.applies = true;
                        c.local = b.context == context;
                        c.key = b.key.display();
                    }
                    if !c.contexts.contains(&b.context) {
                        c.contexts.push(b.context);
                    }
                }
                None => commands.push(Command {
                    action: b.action,
                    key: b.key.display(),
                    applies: here(b.context),
                    local: b.context == context,
                    contexts: vec![b.context],
                }),
            }
        }
        // Stable: the keymap's order within each half.
        commands.sort_by_key(|c| !c.applies);
        commands
    }

    /// How many of `footer(context)`'s hints belong to the context itself (the rest
    /// are global).
    pub fn footer_own_len(&self, context: Context) -> usize {
        self.bindings
            .iter()
            .filter(|b| b.context == context && b.footer)
            .count()
    }

    /// Footer hints: the context's main keys, then the global ones if they apply.
    pub fn footer(&self, context: Context) -> Vec<(String, &'static str)> {
        let mut contexts = vec![context];
        if !context.is_modal() {
            contexts.push(Context::Global);
        }
        contexts
            .iter()
            .flat_map(|ctx| {
                self.bindings
                    .iter()
                    .filter(move |b| b.context == *ctx && b.footer)
            })
            .map(|b| (b.key.display(), b.action.describe()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_keys_win_and_global_keys_fall_through() {
        let km = Keymap::defaults();
        assert_eq!(
            km.lookup(Context::Portfolio, Key::ch('n')),
            Some(Action::New)
        );
        assert_eq!(
            km.lookup(Context::Portfolio, Key::ch('q')),
            Some(Action::Quit)
        );
        assert_eq!(
            km.lookup(Context::Trash, Key::plain(KeyCode::Enter)),
            Some(Action::Restore)
        );
        // Inside a form, letters are text, never commands.
        assert_eq!(km.lookup(Context::Form, Key::ch('q')), None);
        assert_eq!(
            km.lookup(Context::Form, Key::ctrl('s')),
            Some(Action::FormSave)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let km = Keymap::defaults();
        for (i, a) in km.bindings.iter().enumerate() {
            for b in &km.bindings[i + 1..] {
                assert!(
                    !(a.context == b.context && a.key == b.key),
                    "{:?} bound twice in {:?}",
                    a.key,
                    a.context
                );
            }
        }
    }

    #[test]
    fn help_groups_keys_per_action() {
        let km = Keymap::defaults();
        let help = km.help(Context::Portfolio);
        assert!(help.contains(&("j / ↓".to_string(), "down")));
        assert!(help.contains(&("f".to_string(), "filter")));
        let global = km.help(Context::Global);
        assert!(global.contains(&("/ / Ctrl-F".to_string(), "search all")));
        assert!(global.contains(&(": / Ctrl-P".to_string(), "command palette")));
    }

    #[test]
    fn shifted_letters_and_backtab_normalise() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&ev), Key::ch('G'));
        let ev = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(&ev), Key::plain(KeyCode::BackTab));
    }
}
