/// Everything a key can ask for. The keymap turns key presses into these; `App::update`
/// carries them out.
/// Its name in the config file is the variant in snake case (`[keys.portfolio]
/// cycle_sort = ["s"]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    Back,
    Open,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    NextTab,
    PrevTab,
    New,
    Edit,
    Delete,
    ToggleDone,
    Filter,
    FilterKeep,
    FilterClear,
    CycleSort,
    ReverseSort,
    CycleStatusFilter,
    GoPortfolio,
    GoDirectory,
    GoTrash,
    /// A project's dialogue rounds and their matrix of answers.
    GoRounds,
    /// The round matrix: the next or previous page of questions.
    NextQuestions,
    PrevQuestions,
    /// The compilation of the selected round (shared or internal version).
    ExportDialogueShared,
    ExportDialogueInternal,
    Restore,
    Purge,
    PhaseNext,
    PhasePrev,
    MarkReviewed,
    /// Review mode: walk through the active projects.
    StartReview,
    ReviewNext,
    ReviewPrev,
    LoadDemo,
    GoAgenda,
    CancelMeeting,
    MarkHeld,
    MoveUp,
    MoveDown,
    ApplyTemplate,
    SaveTemplate,
    ExportCalendar,
    ExportAgenda,
    CycleRole,
    ToggleInvited,
    ToggleAttended,
    ToggleWeekView,
    PrevWeek,
    NextWeek,
    Today,
    GoLessons,
    StatusForward,
    StatusBack,
    Reject,
    Defer,
    Merge,
    AddEvidence,
    CyclePriorityFilter,
    CycleCategoryFilter,
    CyclePhaseFilter,
    CycleKindFilter,
    ExportLessons,
    GoActions,
    CycleLabel,
    /// The label of the selected piece of a need's evidence.
    CycleEvidenceLabel,
    CycleBlock,
    ExternalEditor,
    CloseEditor,
    SaveNote,
    CaptureDecision,
    CaptureAction,
    CaptureNeed,
    CaptureSuggestion,
    CaptureQuestion,
    /// The note editor in a round's meeting: the line becomes the supplier's answer to
    /// the current question; and the next question becomes current.
    AnswerRoundQuestion,
    /// A round meeting's agenda: a block with the round's questions.
    AddRoundQuestions,
    /// The rounds screen: record a supplier's answer in a form.
    RecordAnswer,
    NextRoundQuestion,
    NotesStatusNext,
    NotesStatusBack,
    ExportNotes,
    CycleOwnerFilter,
    CycleProjectFilter,
    ToggleClosed,
    GoToMeeting,
    Undo,
    Redo,
    /// Search across everything.
    Search,
    /// The command palette.
    Palette,
    /// Search results: only the next / previous kind (then all again).
    NextKind,
    PrevKind,
    // Forms
    FormNext,
    FormPrev,
    FormSave,
    FormCancel,
    // Confirmation dialogs
    ConfirmYes,
    ConfirmNo,
    // A row changed elsewhere
    ConflictReload,
    ConflictKeepMine,
    ConflictSeeBoth,
}

impl Action {
    /// Whether the action changes the store (or opens a form or editor whose purpose is
    /// to change it): refused up front when the store is read-only.
    pub fn writes(self) -> bool {
        use Action::*;
        matches!(
            self,
            New | Edit
                | Delete
                | ToggleDone
                | Restore
                | Purge
                | PhaseNext
                | PhasePrev
                | MarkReviewed
                | LoadDemo
                | CancelMeeting
                | MarkHeld
                | MoveUp
                | MoveDown
                | ApplyTemplate
                | CycleRole
                | ToggleInvited
                | ToggleAttended
                | StatusForward
                | StatusBack
                | Reject
                | Defer
                | Merge
                | AddEvidence
                | CycleLabel
                | CycleBlock
                | ExternalEditor
                | CaptureDecision
                | CaptureAction
                | CaptureNeed
                | CaptureSuggestion
                | CaptureQuestion
                | AnswerRoundQuestion
                | AddRoundQuestions
                | RecordAnswer
                | NotesStatusNext
                | NotesStatusBack
        )
    }

    /// Moves the cursor (and nothing else).
    pub fn is_movement(self) -> bool {
        use Action::*;
        matches!(self, Up | Down | Top | Bottom | PageUp | PageDown)
    }

    /// What the action does, as help and the footer show it.
    pub fn describe(self) -> &'static str {
        use Action::*;
        match self {
            Quit => "quit",
            Help => "help",
            Back => "back",
            Open => "open",
            Up => "up",
            Down => "down",
            Top => "first",
            Bottom => "last",
            PageUp => "page up",
            PageDown => "page down",
            NextTab => "next tab",
            PrevTab => "previous tab",
            New => "new",
            Edit => "edit",
            Delete => "delete",
            ToggleDone => "toggle done",
            Filter => "filter",
            FilterKeep => "keep filter",
            FilterClear => "clear filter",
            CycleSort => "sort by",
            ReverseSort => "reverse order",
            CycleStatusFilter => "status filter",
            GoPortfolio => "portfolio",
            GoDirectory => "directory",
            GoTrash => "trash",
            GoRounds => "dialogue rounds",
            NextQuestions => "next questions",
            PrevQuestions => "earlier questions",
            ExportDialogueShared => "export compilation, shared (.html)",
            ExportDialogueInternal => "export compilation, internal (.html)",
            Restore => "restore",
            Purge => "delete for good",
            PhaseNext => "next phase",
            PhasePrev => "previous phase",
            MarkReviewed => "mark reviewed",
            LoadDemo => "load demo",
            GoAgenda => "agenda & week",
            CancelMeeting => "cancel / reinstate",
            MarkHeld => "mark held",
            MoveUp => "move up",
            MoveDown => "move down",
            ApplyTemplate => "apply template",
            SaveTemplate => "save as template",
            ExportCalendar => "export calendar (.ics)",
            ExportAgenda => "print agenda (.html)",
            CycleRole => "change role",
            ToggleInvited => "invited",
            ToggleAttended => "attended",
            ToggleWeekView => "list / week",
            PrevWeek => "earlier",
            NextWeek => "later",
            Today => "today",
            GoLessons => "lessons library",
            StatusForward => "status on",
            StatusBack => "status back",
            Reject => "reject (with reason)",
            Defer => "defer (with reason)",
            Merge => "merge into…",
            AddEvidence => "add evidence",
            CyclePriorityFilter => "priority filter",
            CycleCategoryFilter => "category filter",
            CyclePhaseFilter => "phase filter",
            CycleKindFilter => "kind filter",
            ExportLessons => "export shareable (.html)",
            GoActions => "actions",
            CycleLabel => "change label",
            CycleEvidenceLabel => "evidence's label",
            CycleBlock => "move to next agenda block",
            ExternalEditor => "open in $EDITOR",
            CloseEditor => "close (saved)",
            SaveNote => "save now",
            CaptureDecision => "line → decision",
            CaptureAction => "line → action",
            CaptureNeed => "line → need",
            CaptureSuggestion => "line → suggestion",
            CaptureQuestion => "line → open question",
            AnswerRoundQuestion => "line → round answer",
            NextRoundQuestion => "next round question",
            AddRoundQuestions => "add the round's questions",
            RecordAnswer => "record an answer",
            NotesStatusNext => "notes status on",
            NotesStatusBack => "notes status back (asks)",
            ExportNotes => "export meeting notes",
            CycleOwnerFilter => "owner filter",
            CycleProjectFilter => "project filter",
            ToggleClosed => "show done",
            GoToMeeting => "go to meeting",
            Undo => "undo",
            Redo => "redo",
            Search => "search all",
            Palette => "command palette",
            NextKind => "one kind / all",
            PrevKind => "previous kind",
            FormNext => "next field",
            FormPrev => "previous field",
            FormSave => "save",
            FormCancel => "cancel",
            ConfirmYes => "yes",
            ConfirmNo => "no",
            ConflictReload => "reload (drop mine)",
            ConflictKeepMine => "keep mine (overwrite)",
            ConflictSeeBoth => "see both",
            StartReview => "review mode",
            ReviewNext => "next project",
            ReviewPrev => "previous project",
        }
    }
}
