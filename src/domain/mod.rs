//! Plain domain types, enums, validation and derived values. No IO.

pub mod clock;
mod collate;
mod enums;

mod directory;
mod milestone;
mod validation;
pub mod when;

pub use clock::Clock;
pub use collate::swedish_cmp;
pub use directory::{Organisation, OrganisationInput, Person, PersonInput};
pub use enums::{InnovationLevel, MilestoneStatus, OrgKind, Phase, ProjectStatus, TextEnum};
pub use milestone::{Milestone, MilestoneInput};
pub mod project;
pub use project::{Project, ProjectDraft, ProjectInput, ProjectRow, parse_tags, validate_code};
pub use validation::{FieldErrors, parse_iso_date};
