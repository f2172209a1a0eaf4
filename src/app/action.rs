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
    /// Clears the list's text and every facet.
    ClearFilters,
    /// The filter bar's menu of facets.
    FacetMenu,
    GoPortfolio,
    GoDirectory,
    GoTrash,
    /// A project's dialogue rounds and their matrix of answers.
    GoRounds,
    /// The round matrix: the next or previous page of questions.
    NextQuestions,
    PrevQuestions,
    /// The next or previous round of the project (the rounds screen).
    NextRound,
    PrevRound,
    /// The matrix's cell cursor one column left or right.
    CellLeft,
    CellRight,
    /// Add a question at the end of the round's set.
    NewQuestion,
    /// Add an organisation to the round as a supplier.
    AddSupplier,
    /// Take the supplier in the cursor's column out of the round.
    RemoveSupplier,
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
    /// The project's report (its attention view as a document), as HTML.
    ExportReport,
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
    /// The notes editor: the current line as information given (the information log).
    CaptureInformation,
    /// A declared interest or prior involvement in the project.
    NewInterest,
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
    /// The selected item in full, in a scrollable overlay.
    ViewFull,
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
                | CaptureInformation
                | AnswerRoundQuestion
                | AddRoundQuestions
                | RecordAnswer
                | NewQuestion
                | AddSupplier
                | RemoveSupplier
                | NewInterest
                | NotesStatusNext
                | NotesStatusBack
        )
    }

    /// Moves the cursor (and nothing else).
    pub fn is_movement(self) -> bool {
        use Action::*;
        matches!(
            self,
            Up | Down | Top | Bottom | PageUp | PageDown | CellLeft | CellRight
        )
    }

    /// What the action does, as help and the footer show it.
    pub fn describe(self) -> &'static str {
        crate::catalog::text(crate::catalog::interface_lang(), "action", self.into())
    }
}

#[cfg(test)]
mod tests {
    use super::Action;
    use crate::catalog::{self, Lang};
    use strum::IntoEnumIterator;

    #[test]
    fn every_action_is_described_in_both_catalogs() {
        for lang in [Lang::Sv, Lang::En] {
            let described = catalog::section(lang, "action");
            for action in Action::iter() {
                let name: &str = action.into();
                assert!(
                    described.contains_key(name),
                    "{lang:?} [action] lacks {name}"
                );
            }
        }
    }
}
