//! Enums stored as text. Each has a stable `as_str` (the database and export value)
//! and a human label that lives in `crate::text`.

/// Common behaviour of the text-stored enums.
pub trait TextEnum: Sized + Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    /// The catalog section of the labels (`assets/lang/*.toml`), keyed by `as_str`.
    const SECTION: &'static str;
    fn as_str(self) -> &'static str;
    /// The label in the interface's language (`catalog::label` gives any language).
    fn label(self) -> &'static str {
        crate::catalog::label(crate::catalog::interface_lang(), self)
    }

    fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == s)
    }

    /// Position in `ALL`, used for ordering and cycling.
    fn index(self) -> usize {
        Self::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    /// SQL `CHECK (col IN (...))` list, so the schema and the enum cannot drift.
    fn sql_list() -> String {
        Self::ALL
            .iter()
            .map(|v| format!("'{}'", v.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? } section $section:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl TextEnum for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            const SECTION: &'static str = $section;
            fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

/// Calls `$check::<E>()` for every text enum, for tests that must cover them all.
#[cfg(test)]
macro_rules! for_each_text_enum {
    ($check:ident) => {{
        use $crate::domain::*;
        $check::<Phase>();
        $check::<ProjectStatus>();
        $check::<InnovationLevel>();
        $check::<OrgKind>();
        $check::<MilestoneStatus>();
        $check::<MeetingType>();
        $check::<MeetingFormat>();
        $check::<MeetingStatus>();
        $check::<NotesStatus>();
        $check::<AttendanceRole>();
        $check::<Priority>();
        $check::<NeedStatus>();
        $check::<SuggestionStatus>();
        $check::<LessonKind>();
        $check::<Confidentiality>();
        $check::<ActionStatus>();
        $check::<Audience>();
        $check::<InfoChannel>();
        $check::<InterestKind>();
        $check::<RoundKind>();
    }};
}
#[cfg(test)]
pub(crate) use for_each_text_enum;

text_enum!(
    /// The phases of a procurement project, in order.
    Phase {
        Initiation => "initiation",
        NeedsAnalysis => "needs_analysis",
        MarketAnalysis => "market_analysis",
        EarlyDialogue => "early_dialogue",
        RiskAnalysis => "risk_analysis",
        Strategy => "strategy",
        Requirements => "requirements",
        Tendering => "tendering",
        EvaluationAward => "evaluation_award",
        Contract => "contract",
        FollowUp => "follow_up",
        Closed => "closed",
    } section "phase"
);

impl Phase {
    pub fn next(self) -> Option<Phase> {
        Self::ALL.get(self.index() + 1).copied()
    }
    pub fn previous(self) -> Option<Phase> {
        self.index().checked_sub(1).map(|i| Self::ALL[i])
    }
}

text_enum!(
    ProjectStatus {
        Prospect => "prospect",
        Active => "active",
        Paused => "paused",
        Completed => "completed",
        Cancelled => "cancelled",
    } section "project_status"
);

text_enum!(
    InnovationLevel {
        DevelopmentPromoting => "development_promoting",
        NewSolutions => "new_solutions",
        RndServices => "rnd_services",
    } section "innovation_level"
);

text_enum!(
    OrgKind {
        ContractingAuthority => "contracting_authority",
        Supplier => "supplier",
        IndustryAssociation => "industry_association",
        Research => "research",
        UserOrganisation => "user_organisation",
        Expert => "expert",
        Other => "other",
    } section "org_kind"
);

text_enum!(
    MilestoneStatus {
        Planned => "planned",
        Done => "done",
        Cancelled => "cancelled",
    } section "milestone_status"
);

text_enum!(
    MeetingType {
        Kickoff => "kickoff",
        ProjectMeeting => "project_meeting",
        SteeringGroup => "steering_group",
        ReferenceGroup => "reference_group",
        NeedsWorkshop => "needs_workshop",
        FocusGroup => "focus_group",
        Interview => "interview",
        InformationMeeting => "information_meeting",
        SupplierWorkshop => "supplier_workshop",
        Webinar => "webinar",
        OneToOneDialogue => "one_to_one_dialogue",
        LessonsLearned => "lessons_learned",
        Other => "other",
    } section "meeting_type"
);

impl MeetingType {
    /// Meetings of these types are held with suppliers, so equal treatment applies.
    pub fn is_supplier_facing(self) -> bool {
        matches!(
            self,
            Self::InformationMeeting
                | Self::SupplierWorkshop
                | Self::Webinar
                | Self::OneToOneDialogue
        )
    }
}

text_enum!(
    MeetingFormat {
        InPerson => "in_person",
        Digital => "digital",
        Hybrid => "hybrid",
    } section "meeting_format"
);

text_enum!(
    MeetingStatus {
        Planned => "planned",
        Held => "held",
        Cancelled => "cancelled",
    } section "meeting_status"
);

text_enum!(
    NotesStatus {
        None => "none",
        Working => "working",
        Draft => "draft",
        Approved => "approved",
        Sent => "sent",
    } section "notes_status"
);

text_enum!(
    AttendanceRole {
        Chair => "chair",
        Facilitator => "facilitator",
        NoteTaker => "note_taker",
        Participant => "participant",
        Presenter => "presenter",
        Observer => "observer",
    } section "attendance_role"
);

text_enum!(
    /// MoSCoW priority of a need.
    Priority {
        Must => "must",
        Should => "should",
        Could => "could",
        Wont => "wont",
    } section "priority"
);

text_enum!(
    NeedStatus {
        Identified => "identified",
        Analysed => "analysed",
        Validated => "validated",
        Prioritised => "prioritised",
        Described => "described",
        Rejected => "rejected",
        Deferred => "deferred",
        Merged => "merged",
    } section "need_status"
);

text_enum!(
    SuggestionStatus {
        Proposed => "proposed",
        Discussed => "discussed",
        Accepted => "accepted",
        Rejected => "rejected",
        Implemented => "implemented",
        Withdrawn => "withdrawn",
    } section "suggestion_status"
);

impl SuggestionStatus {
    /// Still waiting for the buyer's decision.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Proposed | Self::Discussed)
    }
}

text_enum!(
    LessonKind {
        Lesson => "lesson",
        GoodExample => "good_example",
        Pitfall => "pitfall",
    } section "lesson_kind"
);

text_enum!(
    /// Who may read a note. Supplier-confidential and personal notes are in no export.
    Confidentiality {
        Shareable => "shareable",
        Internal => "internal",
        SupplierConfidential => "supplier_confidential",
        Personal => "personal",
    } section "confidentiality"
);

text_enum!(
    ActionStatus {
        Open => "open",
        InProgress => "in_progress",
        Done => "done",
        Cancelled => "cancelled",
    } section "action_status"
);

text_enum!(
    /// Who a meeting-notes export is for.
    Audience {
        Internal => "internal",
        Shared => "shared",
    } section "audience"
);

text_enum!(
    /// How a piece of information reached a supplier.
    InfoChannel {
        Meeting => "meeting",
        Mail => "mail",
        Answer => "answer",
        Document => "document",
        Other => "other",
    } section "info_channel"
);

text_enum!(
    /// What a person or organisation declared about a project.
    InterestKind {
        DeclaredInterest => "declared_interest",
        PriorInvolvement => "prior_involvement",
    } section "interest_kind"
);

text_enum!(
    /// The kind of a dialogue round.
    RoundKind {
        OneToOne => "one_to_one",
        Rfi => "rfi",
        ExternalReview => "external_review",
        SupplierWorkshop => "supplier_workshop",
    } section "round_kind"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_are_twelve_and_ordered() {
        assert_eq!(Phase::ALL.len(), 12);
        assert_eq!(Phase::Initiation.previous(), None);
        assert_eq!(Phase::Initiation.next(), Some(Phase::NeedsAnalysis));
        assert_eq!(Phase::Closed.next(), None);
        assert!(Phase::EarlyDialogue < Phase::Tendering);
    }

    #[test]
    fn parse_round_trips_every_value() {
        for p in Phase::ALL {
            assert_eq!(Phase::parse(p.as_str()), Some(*p));
        }
        for k in OrgKind::ALL {
            assert_eq!(OrgKind::parse(k.as_str()), Some(*k));
        }
        assert_eq!(ProjectStatus::parse("nonsense"), None);
    }

    #[test]
    fn audiences_read_only_what_they_may() {
        use Confidentiality::*;
        assert!(Audience::Internal.may_read(Shareable) && Audience::Internal.may_read(Internal));
        assert!(Audience::Shared.may_read(Shareable) && !Audience::Shared.may_read(Internal));
        for a in Audience::ALL {
            assert!(!a.may_read(SupplierConfidential) && !a.may_read(Personal));
        }
    }

    #[test]
    fn serde_names_are_the_stored_text() {
        // Bundles describe enum fields with these types' JSON Schema, which follows serde.
        fn check<E: TextEnum + serde::Serialize>() {
            for v in E::ALL {
                assert_eq!(serde_json::to_value(v).unwrap(), v.as_str());
            }
        }
        for_each_text_enum!(check);
    }

    #[test]
    fn sql_list_quotes_values() {
        assert_eq!(
            MilestoneStatus::sql_list(),
            "'planned', 'done', 'cancelled'"
        );
    }
}
