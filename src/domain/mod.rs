//! Plain domain types, enums, validation and derived values. No IO.

pub mod anonymise;
mod attention;
mod audience;
pub mod clean;
pub mod clock;
mod collate;
mod enums;
#[cfg(test)]
pub(crate) use enums::for_each_text_enum;

mod directory;
mod directory_page;
mod entity;
mod facets;
mod fault;
pub mod holidays;
mod information;
mod lists;
mod meeting;
mod milestone;
mod need;
mod notes;
mod round;
pub mod search;
mod validation;
pub mod visible;
pub mod when;

pub use attention::{
    Attention, AttentionLine, DEFAULT_STALE_AFTER_DAYS, LineDetail, LineWhen, NotesGap,
    ProjectFigures, ReviewAge, Section, SectionKind, Thresholds, action_open, action_overdue,
    awaits_buyer, codes_where, milestone_slipped, need_open, notes_gap, review_age,
};
pub use audience::Labelled;
pub use clock::Clock;
pub use collate::swedish_cmp;
pub use directory::{Organisation, OrganisationInput, Person, PersonInput};
pub use directory_page::{OrgContact, OrgProject, OrganisationPage, Usage};
pub use entity::{EntityKind, EntityRef};
pub use enums::{
    ActionStatus, AttendanceRole, Audience, Confidentiality, InfoChannel, InnovationLevel,
    InterestKind, LessonKind, MeetingFormat, MeetingStatus, MeetingType, MilestoneStatus,
    NeedStatus, NotesStatus, OrgKind, Phase, Priority, ProjectStatus, RoundKind, SuggestionStatus,
    TextEnum,
};
pub use facets::{FacetCount, FacetId, ListFilter, facet_rank, facet_value_label};
pub use fault::{
    StoreFault, changed_message, not_found_message, store_other_message, unreadable_message,
};
pub use information::{
    CHECKLIST_POINT_INTERESTS, CHECKLIST_POINT_REGISTERED, CHECKLIST_POINT_SHARED,
    InformationDraft, InformationInput, InformationItem, Interest, InterestInput,
    MeetingEqualTreatment, PriorInvolvementWarning, Recipient, Registration, name_key,
};
pub use lists::{
    ActionFilter, AgendaFilter, LessonFilter, MeetingFilter, NeedCounts, NeedFilter, NeedSort,
    OrganisationFilter, PersonFilter, ProjectFilter, ProjectSort, SuggestionFilter, TrashFilter,
    TrashItem,
};
pub use meeting::{
    AgendaItem, AgendaItemInput, AgendaLine, AgendaSlot, Attendance, CHECKLIST_LEN, End, Meeting,
    MeetingDraft, MeetingInput, agenda_overrun, agenda_times, checklist_open, is_supplier_facing,
    mentions_link, next_meeting, parse_end, shared_may_name, web_link, week_start,
};
pub use milestone::{Milestone, MilestoneInput};
pub use need::{
    Evidence, Lesson, LessonInput, Need, NeedInput, StatusChange, Suggestion, SuggestionInput,
    need_code, solution_words,
};
pub use notes::{
    ActionBucket, ActionInput, ActionItem, Decision, DecisionInput, ExportRecord, Note,
    NotesApproval, Question, approver_name, optional_date,
};
pub mod project;
pub use project::{Project, ProjectDraft, ProjectInput, ProjectRow, parse_tags, validate_code};
pub use round::{
    Cell, Matrix, NotAsked, Round, RoundAnswer, RoundInput, RoundQuestion, RoundSupplier,
    supplier_letter,
};
pub use validation::{FieldError, FieldErrors, parse_iso_date};
