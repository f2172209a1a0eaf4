//! Every user-facing string of the interface, in one place, so that the Swedish
//! interface is a translation of this file rather than a hunt through the code.
//! Enum labels and the words of exported documents are in the catalog
//! (`assets/lang/*.toml`, read by `crate::catalog`).

use std::borrow::Cow;

use crate::domain::{Confidentiality, FieldError, NeedStatus, StoreFault};

pub const APP_NAME: &str = "tidig";

// Views and tabs
pub const VIEW_PORTFOLIO: &str = "Portfolio";
pub const VIEW_DIRECTORY: &str = "Directory";
pub const VIEW_TRASH: &str = "Trash";
pub const VIEW_ROUNDS: &str = "Dialogue rounds";
pub const FORM_NEW_ROUND: &str = "New dialogue round";
pub const MSG_ROUND_NOTHING_TO_ANSWER: &str = "The round needs questions and suppliers first";
pub const FORM_ROUND_ANSWER: &str = "Record an answer (replaces the one recorded)";
pub const FIELD_ROUND_QUESTIONS: &str = "Questions (one per line)";
pub const FIELD_ROUND_SUPPLIERS: &str = "Suppliers (one per line)";
pub const FIELD_SUPPLIER: &str = "Supplier";
pub const MSG_NOT_A_ROUND_MEETING: &str =
    "This meeting belongs to no dialogue round, and no supplier of a round is on its list";
pub const MSG_ROUND_QUESTIONS_ADDED: &str = "The round's questions are on the agenda";
pub const ROUND_QUESTION_PROMPT: &str = "Question";
pub const ROUND_QUESTION_KEYS: &str = "Alt-r files the line as the answer · Alt-. next question";

/// "Filed as the answer to question 2"
pub fn msg_answer_filed(position: i64) -> String {
    format!("Filed as the answer to question {position}")
}
pub const ROUNDS_EMPTY: &str = "No dialogue rounds in this project yet: n starts one.";
pub const ROUND_NO_QUESTIONS: &str = "This round has no questions yet.";
pub const COL_QUESTION: &str = "Question";
pub const COL_ROUND: &str = "Round";
pub const CELL_NOT_ASKED: &str = "· not asked";
pub const CELL_MISSING: &str = "– missing";
pub const ROUND_ALL_ASKED: &str = "Every supplier was asked every question put.";

/// "⚠ Not put to Norrsken AB: question 1, 2, 3" (equal treatment: others were asked).
pub fn round_not_asked(supplier: &str, questions: &str) -> String {
    format!("⚠ Not put to {supplier}: question {questions} (the others were asked)")
}

/// "Questions 1–10 of 14 · 2 missing answers"
pub fn round_page(first: usize, last: usize, total: i64, missing: usize) -> String {
    format!("Questions {first}–{last} of {total} · {missing} missing answers")
}
pub const TAB_OVERVIEW: &str = "Overview";
pub const TAB_TIME_PLAN: &str = "Time plan";
pub const TAB_MEETINGS: &str = "Meetings";
pub const TAB_NEEDS: &str = "Needs";
pub const TAB_SUGGESTIONS: &str = "Suggestions";
pub const TAB_LESSONS: &str = "Lessons";
pub const TAB_NOTES: &str = "Notes";
pub const TAB_OUTCOMES: &str = "Outcomes";
pub const TAB_DECISIONS: &str = "Decisions";
pub const VIEW_ACTIONS: &str = "Actions";
pub const NOTE_EDITOR: &str = "Note editor";
pub const VIEW_LESSONS: &str = "Lessons library";
pub const TAB_DETAILS: &str = "Details";
pub const TAB_AGENDA: &str = "Agenda";
pub const TAB_PARTICIPANTS: &str = "Participants";
pub const TAB_CHECKLIST: &str = "Checklist";
pub const VIEW_AGENDA: &str = "Agenda";
pub const VIEW_WEEK: &str = "Week";
pub const PICK_TITLE: &str = "Choose";
pub const TAB_ORGANISATIONS: &str = "Organisations";
pub const TAB_PEOPLE: &str = "People";

// Columns and field labels
pub const COL_CODE: &str = "Code";
pub const COL_TITLE: &str = "Title";
pub const COL_BUYER: &str = "Buyer";
pub const COL_PHASE: &str = "Phase";
pub const COL_STATUS: &str = "Status";
pub const COL_UPDATED: &str = "Updated";
pub const COL_NAME: &str = "Name";
pub const COL_KIND: &str = "Kind";
pub const COL_ORGANISATION: &str = "Organisation";
pub const COL_ROLE: &str = "Title / role";
pub const COL_EMAIL: &str = "Email";
pub const COL_PHONE: &str = "Phone";
pub const COL_DUE: &str = "Due";
pub const COL_DONE: &str = "Done";
pub const COL_DELETED: &str = "Deleted";
pub const COL_WHAT: &str = "What";

pub const FIELD_CASE_NUMBER: &str = "Case number";
pub const FIELD_SUBJECT: &str = "Subject";
pub const FIELD_GOAL: &str = "Goal";
pub const FIELD_INNOVATION: &str = "Innovation level";
pub const FIELD_PROCEDURE: &str = "Planned procedure";
pub const FIELD_START: &str = "Start date";
pub const FIELD_END: &str = "End date";
pub const FIELD_DATES: &str = "Start – end";
pub const FIELD_TAGS: &str = "Tags";
pub const FIELD_REVIEWED: &str = "Last reviewed";
pub const FIELD_CREATED: &str = "Created";
pub const FIELD_MEETING_TYPE: &str = "Type";
pub const FIELD_MEETING_START: &str = "Start";
pub const FIELD_MEETING_END: &str = "End or length";
pub const FIELD_FORMAT: &str = "Format";
pub const FIELD_LOCATION: &str = "Place or link";
pub const FIELD_PURPOSE: &str = "Purpose";
pub const FIELD_DESIRED_OUTCOME: &str = "Desired outcome";
pub const FIELD_NOTES_STATUS: &str = "Notes";
pub const FIELD_DURATION: &str = "Duration";
pub const FIELD_METHOD: &str = "Method";
pub const FIELD_OWNER: &str = "Owner";
pub const FIELD_EXPECTED_OUTCOME: &str = "Expected outcome";
pub const FIELD_PERSON: &str = "Person";
pub const FIELD_ROLE: &str = "Role";
pub const FIELD_WHEN: &str = "When";
pub const FIELD_DECISION: &str = "Decision";
pub const FIELD_DECIDED_BY: &str = "Decided by";
pub const FIELD_DECIDED_ON: &str = "Decided on";
pub const FIELD_QUESTION: &str = "Question";
pub const FIELD_ANSWER: &str = "Answer";
pub const FIELD_AUDIENCE: &str = "Audience";
pub const FIELD_LANGUAGE: &str = "Language";
pub const FIELD_LABEL: &str = "Label";
pub const FIELD_BLOCK: &str = "Block";
pub const FIELD_EXPORTS: &str = "Exports";
pub const PLAIN_TEXT: &str = "Plain text";
pub const WHOLE_MEETING: &str = "The meeting as a whole";
pub const HINT_DUE: &str = "2026-12-03 · fre · nästa fredag · om 2 veckor · +7d";
pub const MSG_NOTE_SAVED: &str = "Note saved";
pub const MSG_EDITOR_FAILED: &str = "The external editor failed";
pub const MSG_NOTHING_TO_CAPTURE: &str =
    "The line is empty: put the cursor on a line or select text first";
pub const MSG_CHOOSE_PROJECT_FIRST: &str = "Choose a project with p first";
pub const MSG_NO_SOURCE_MEETING: &str = "This action was not made in a meeting";
pub const MSG_GONE: &str = "That item no longer exists (deleted elsewhere?)";
pub const MSG_ITEM_IN_TRASH: &str = "That item is in the trash: r restores it";
pub const MSG_PARENT_IN_TRASH: &str = "That item belongs to a meeting or project in the trash";
pub const FIELD_STATEMENT: &str = "Statement";
pub const FIELD_AS_A: &str = "As a …";
pub const FIELD_I_NEED: &str = "I need …";
pub const FIELD_SO_THAT: &str = "so that …";
pub const FIELD_REASON: &str = "Reason";
pub const FIELD_MEETING: &str = "Meeting";
pub const FIELD_DOCUMENT: &str = "Document";
pub const FIELD_NOTE: &str = "Note";
pub const FIELD_PHASE_CONCERNED: &str = "Phase concerned";
pub const FIELD_DESCRIPTION: &str = "Description";
pub const FIELD_RATIONALE: &str = "Rationale";
pub const FIELD_BUYER_RESPONSE: &str = "Buyer's response";
pub const FIELD_DECISION_DATE: &str = "Decision date";
pub const FIELD_SOURCE_MEETING: &str = "Source meeting";
pub const FIELD_CONTEXT: &str = "Context";
pub const FIELD_WHAT_HAPPENED: &str = "What happened";
pub const FIELD_WHAT_WE_LEARNED: &str = "What we learned";
pub const FIELD_RECOMMENDATION: &str = "Recommendation";
pub const FIELD_SHAREABLE: &str = "Shareable";
pub const FIELD_EVIDENCE: &str = "Evidence";
pub const FIELD_HISTORY: &str = "History";
pub const LESSON_GENERAL: &str = "General";
pub const HINT_STATEMENT: &str =
    "what users must be able to do or achieve, not the product; or fill in the three parts below";

// Hints shown beside form fields
pub const HINT_CODE: &str = "e.g. NORR-24: capitals, digits, hyphens";
pub const HINT_DATE: &str = "YYYY-MM-DD";
pub const HINT_TAGS: &str = "comma separated";
pub const HINT_CHOICE: &str = "←/→ to choose";
pub const HINT_ORG_NEW: &str = "new organisation, created on save";
pub const HINT_ORG_MATCHES: &str = "↑/↓ pick:";
pub const HINT_ORG_EXISTING: &str = "existing organisation";
pub const HINT_PERSON_NEW: &str = "new person, added to the directory on save";
pub const HINT_PERSON_EXISTING: &str = "in the directory";
pub const HINT_WHEN: &str =
    "2026-12-03 09:30 · fre 10:00 · nästa fredag 10:00 · imorgon 13:00 · +3d";
pub const HINT_END: &str = "11:30 · 90m · 1h30 · 1,5h";
pub const HINT_DURATION: &str = "15m · 1h · 1h30 · 1,5h";
pub const HINT_NEW_PERSON_ORG: &str = "only for a new person";
pub const HINT_MULTILINE: &str = "Enter = new line";
pub const NOT_SET: &str = "—";

// Form titles
pub const FORM_NEW_PROJECT: &str = "New project";
pub const FORM_EDIT_PROJECT: &str = "Edit project";
pub const FORM_NEW_ORGANISATION: &str = "New organisation";
pub const FORM_EDIT_ORGANISATION: &str = "Edit organisation";
pub const FORM_NEW_PERSON: &str = "New person";
pub const FORM_EDIT_PERSON: &str = "Edit person";
pub const FORM_NEW_MEETING: &str = "New meeting";
pub const FORM_EDIT_MEETING: &str = "Edit meeting";
pub const FORM_NEW_AGENDA_ITEM: &str = "New agenda block";
pub const FORM_EDIT_AGENDA_ITEM: &str = "Edit agenda block";
pub const FORM_ADD_PARTICIPANT: &str = "Add participant";
pub const FORM_SAVE_TEMPLATE: &str = "Save agenda as template";
pub const FORM_NEW_NEED: &str = "New need";
pub const FORM_EDIT_NEED: &str = "Edit need";
pub const FORM_REJECT_NEED: &str = "Reject need";
pub const FORM_DEFER_NEED: &str = "Defer need";
pub const FORM_ADD_EVIDENCE: &str = "Add evidence";
pub const FORM_NEW_SUGGESTION: &str = "New improvement suggestion";
pub const FORM_EDIT_SUGGESTION: &str = "Edit improvement suggestion";
pub const FORM_NEW_LESSON: &str = "New lesson";
pub const FORM_EDIT_LESSON: &str = "Edit lesson";
pub const FORM_CAPTURE_NEED: &str = "Need from the notes";
pub const FORM_NEW_DECISION: &str = "Decision";
pub const FORM_EDIT_DECISION: &str = "Edit decision";
pub const FORM_NEW_ACTION: &str = "Action item";
pub const FORM_EDIT_ACTION: &str = "Edit action item";
pub const FORM_NEW_QUESTION: &str = "Open question";
pub const FORM_ANSWER_QUESTION: &str = "Answer the question";
pub const FORM_EXPORT_NOTES: &str = "Export meeting notes";
pub const FORM_NEW_MILESTONE: &str = "New milestone";
pub const FORM_EDIT_MILESTONE: &str = "Edit milestone";

// The store's faults: what happened and what to do, said once.

/// A store fault in words. `path` names the store when known ("The store" otherwise);
/// `detail` is SQLite's or the system's own word, added only where it helps.
pub fn store_fault(fault: &StoreFault, path: Option<&str>, detail: &str) -> String {
    let store = match path {
        Some(p) if !p.is_empty() => p.to_string(),
        _ => "The store".to_string(),
    };
    let detail = detail.trim();
    match fault {
        StoreFault::Locked => format!(
            "{store} is locked by another program (another tidig, a backup or a sync tool); \
             wait for it or close it, then try again"
        ),
        StoreFault::ReadOnly => format!(
            "{store} is read-only (the file, its folder or the disk cannot be written); \
             make it writable to change anything"
        ),
        StoreFault::ReadOnlyOld => format!(
            "{store} is read-only and was written by an older tidig; make it writable once \
             so that it can be upgraded"
        ),
        StoreFault::Full => format!(
            "The disk holding {} is full; free some space and try again (nothing was saved \
             half-way)",
            path.filter(|p| !p.is_empty()).unwrap_or("the store")
        ),
        StoreFault::Io if detail.is_empty() => format!(
            "{store} could not be read or written (an input/output error); check the disk \
             or its connection, then try again"
        ),
        StoreFault::Io => format!(
            "{store} could not be read or written ({detail}); check the disk or its \
             connection, then try again"
        ),
        StoreFault::Damaged if detail.is_empty() => format!(
            "{store} is damaged and cannot be opened; it was left untouched \
             (`tidig restore FILE` brings back a backup)"
        ),
        StoreFault::Damaged => format!(
            "{store} is damaged and cannot be opened ({detail}); it was left untouched \
             (`tidig restore FILE` brings back a backup)"
        ),
        StoreFault::NotTidig => format!("{store} is not a tidig database; refusing to open it"),
        StoreFault::Newer { found, supported } => format!(
            "{store} was written by a newer tidig (schema {found}, this version knows \
             {supported}); update tidig to open it"
        ),
    }
}

/// The banner over every screen when the store cannot be written.
pub const BANNER_READ_ONLY: &str = "READ-ONLY: this store's file or folder cannot be written. You can look and export; changes are refused.";
/// A key that would change a read-only store.
pub const MSG_READ_ONLY_REFUSED: &str = "The store is read-only: nothing can be changed (make its file and folder writable, then restart tidig)";

/// `tidig restore`: what was restored, and where the replaced store was kept.
pub fn msg_restored(file: &str, store: &str, kept: Option<&str>) -> String {
    match kept {
        Some(kept) => {
            format!("Restored {file} into {store}; the store it replaced is kept as {kept}")
        }
        None => format!("Restored {file} into {store}"),
    }
}

/// `tidig restore` given the store itself.
pub fn err_restore_same(file: &str) -> String {
    format!("{file} is the store itself; choose a backup (they are in backups/ beside the store)")
}

/// The daily backup failed; the command itself goes on.
/// A row left out of a list or an export because it cannot be read.
pub fn warn_unreadable_row(table: &str, id: i64, detail: &str) -> String {
    format!(
        "warning: {table} row {id} cannot be read and was left out ({detail}); \
         `tidig check` lists such rows, the app can move them to the trash"
    )
}

/// How the app lists a row that cannot be read.
pub fn unreadable_row(id: i64) -> String {
    format!("unreadable row (id {id}) — d deletes it")
}

/// What the trash confirmation calls a row that cannot be read.
pub fn unreadable_row_name(id: i64) -> String {
    format!("unreadable row (id {id})")
}

pub const MSG_UNREADABLE_ROW: &str = "This row cannot be read; d moves it to the trash";

pub fn warn_daily_backup(detail: &str) -> String {
    format!("warning: the daily backup was not made ({detail})")
}

/// A row asked for by id is not there (deleted elsewhere, or a wrong id).
pub const MSG_NOT_FOUND: &str = "not found";

/// Any other database error (a broken rule the store did not word): SQLite's message.
pub fn store_other(detail: &str) -> String {
    format!("database error: {detail}")
}

// Validation

/// A validation or conflict code in words: the one place they are worded.
pub fn field_error(e: &FieldError) -> String {
    let words = match e {
        FieldError::Required => "required",
        FieldError::DateFormat => "not a date: use YYYY-MM-DD",
        FieldError::DateRange { first, last } => {
            return format!("must be a date between the years {first} and {last}");
        }
        FieldError::EndBeforeStart => "must not be before the start date",
        FieldError::CodeFormat => "use A–Z, 0–9 and single hyphens; start with a letter",
        FieldError::CodeTooLong { max } => return format!("at most {max} characters"),
        FieldError::CodeTaken => "another project already has this code",
        FieldError::CodeTakenInTrash => "a project in the trash has this code; restore or purge it",
        FieldError::When => "not a date: try 2026-12-03 09:30, nästa fre 10:00 or +3d",
        FieldError::TimeSkipped => "that time does not exist: the clocks go forward then",
        FieldError::Time => "not a time: use HH:MM",
        FieldError::Duration => "not a duration: try 90m, 1h30 or 1,5h",
        FieldError::DurationRange => "must be between 1 minute and 24 hours",
        FieldError::End => "not an end: try 11:30, 90m, 1h30 or a date and time",
        FieldError::EndNotAfterStart => "must be after the start",
        FieldError::Email => "not an email address",
        FieldError::Phone => "digits, spaces, + - ( ) only",
        FieldError::Due => "not a date: try 2026-12-03, fre, nästa fredag or om 2 veckor",
        FieldError::EvidenceSource => "give a meeting, a person or a document",
        FieldError::SolutionWords(words) => return solution_warning(words),
        FieldError::MergeOnly => "a need becomes merged by merging it into another",
        FieldError::MergeClosed => {
            "merged needs cannot be merged again, and nothing can be merged into a merged or rejected need"
        }
        FieldError::MergeSelf => "a need cannot be merged into itself",
        FieldError::MergeProjects => "only needs of the same project can be merged",
        FieldError::TooMany { max } => return format!("at most {max} in one round"),
        FieldError::NotInRound => "this supplier does not take part in the round",
    };
    words.to_string()
}

// Status line
pub const MSG_FIX_FIELDS: &str = "Not saved: fix the marked fields";
pub const MSG_SAVED: &str = "Saved";
pub const MSG_MOVED_TO_TRASH: &str = "Moved to trash (6 to open the trash)";
pub const MSG_RESTORED: &str = "Restored";
pub const MSG_PURGED: &str = "Deleted for good";
pub const MSG_DRAFT_RESTORED: &str = "Restored your unsaved draft from";
pub const MSG_DEMO_LOADED: &str = "Demo portfolio loaded";
/// Beside the progress bar of `tidig demo --scale large`.
pub const DEMO_PROGRESS: &str = "Loading the large demo";
pub const MSG_REVIEWED: &str = "Marked as reviewed today";
pub const MSG_NOTHING_SELECTED: &str = "Nothing selected";
pub const MSG_PHASE_SET: &str = "Phase";
pub const MSG_ERROR: &str = "Error";
pub const MSG_REMOVED: &str = "Removed";
pub const MSG_EXPORTED: &str = "Written to";
pub const MSG_AGENDA_EMPTY: &str = "The agenda is empty: nothing to save";
pub const MSG_TEMPLATE_APPLIED: &str = "Agenda filled from template";
pub const MSG_TEMPLATE_SAVED: &str = "Template saved to";
pub const MSG_NO_TEMPLATE_DIR: &str = "No config folder to save templates in";
pub const PICK_TEMPLATE: &str = "Agenda templates";
pub const CONFIRM_REPLACE_AGENDA: &str = "Replace the current agenda? Its blocks go to the trash.";
pub const FILE_ALL_MEETINGS: &str = "tidig-meetings";

// Saving what is typed, and what happens when the store cannot take it
pub const NOT_SAVED: &str = "● not saved, retrying";
pub const DRAFT_KEPT_AT: &str = "draft kept";
pub const DRAFT_NOT_KEPT: &str = "● draft not stored, retrying";

/// A save failed; where the text is kept meanwhile.
pub fn not_saved(reason: &str, kept: Option<&std::path::Path>) -> String {
    match kept {
        Some(path) => format!(
            "Not saved ({reason}). Your text is kept in {} and saving is retried",
            path.display()
        ),
        None => format!(
            "Not saved ({reason}), and no copy could be written: keep this open, saving is retried"
        ),
    }
}

/// `Esc` on an editor whose text could not be saved.
pub fn close_unsaved(kept: Option<&std::path::Path>) -> String {
    match kept {
        Some(path) => format!(
            "This note is not saved yet (kept in {}). Esc again closes it anyway; Ctrl-S retries",
            path.display()
        ),
        None => {
            "This note is not saved and no copy could be written: it stays open. Ctrl-S retries"
                .to_string()
        }
    }
}

/// The editor was closed with text the store could not take.
pub fn closed_unsaved(kept: Option<&std::path::Path>) -> String {
    let path = kept.map(|p| p.display().to_string()).unwrap_or_default();
    format!("Closed unsaved: the text is kept in {path} and comes back when the note is opened")
}

/// Unsaved text from an earlier run was given back into the editor.
pub fn restored_from(path: &std::path::Path) -> String {
    format!("Unsaved text restored from {}", path.display())
}

/// On start: more than one kept note was changed elsewhere since its text was kept.
pub fn kept_notes_changed(n: usize) -> String {
    format!(
        "{n} kept notes were changed elsewhere since: this one asks now, the others when \
         their note is opened (r reload · k keep mine · b see both)"
    )
}

/// On start: text kept in draft files went back into the store.
pub fn drafts_restored(notes: usize, forms: usize) -> String {
    let mut parts = Vec::new();
    if notes > 0 {
        parts.push(format!(
            "{notes} note{} saved",
            if notes == 1 { "" } else { "s" }
        ));
    }
    if forms > 0 {
        parts.push(format!(
            "{forms} form draft{} kept (offered when the form is opened)",
            if forms == 1 { "" } else { "s" }
        ));
    }
    format!(
        "Unsaved text from the last session restored: {}",
        parts.join(", ")
    )
}

/// On start: draft files that could not go back into the store.
pub fn drafts_left(folder: &std::path::Path) -> String {
    format!(
        "Some unsaved text from the last session could not be restored; it is in {}",
        folder.display()
    )
}

/// Quitting with text the store could not take (on standard error).
pub fn unsaved_on_exit(files: &[std::path::PathBuf]) -> String {
    let list: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    format!(
        "text that could not be saved to the store is kept in {}; it is restored the next time tidig opens this store",
        list.join(", ")
    )
}

// Confirmations
pub const CONFIRM_TITLE: &str = "Confirm";
pub const CONFIRM_PURGE: &str = "Delete for good? This cannot be undone.";
pub const CONFIRM_DISCARD: &str = "Discard unsaved changes?";
pub const CONFIRM_KEYS: &str = "y yes · n no";

pub fn confirm_trash(what: &str) -> String {
    format!("Move “{what}” to the trash?")
}

/// Short, most important first: the status line is one row.
pub fn overlap_warning(title: &str, code: &str, when: &str, count: usize) -> String {
    let more = if count > 1 {
        format!(" (+{} more)", count - 1)
    } else {
        String::new()
    };
    format!("Saved · ⚠ overlaps {code} {when}{more}: {title}")
}

pub fn weekday(d: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match d {
        Mon => "Mon",
        Tue => "Tue",
        Wed => "Wed",
        Thu => "Thu",
        Fri => "Fri",
        Sat => "Sat",
        Sun => "Sun",
    }
}

pub const WEEK: &str = "week";
pub const UPCOMING: &str = "Upcoming";
pub const PAST: &str = "Past";
pub const MEETINGS_EMPTY: &str = "No meetings yet. Press n to plan one.";
pub const AGENDA_EMPTY: &str =
    "No agenda yet. Press n to add a block or t to start from a template.";
pub const PARTICIPANTS_EMPTY: &str = "No participants yet. Press n to add someone.";
pub const AGENDA_VIEW_EMPTY: &str = "No meetings in these days.";
pub const FLAG_OVERLAP: &str = "⚠ overlap";
pub const FLAG_SUPPLIERS: &str = "suppliers";
pub const FLAG_CHECKLIST_OPEN: &str = "open";
pub const COL_WHEN: &str = "When";
pub const COL_TIME: &str = "Time";
pub const COL_TYPE: &str = "Type";
pub const COL_BLOCK: &str = "Block";
pub const COL_LENGTH: &str = "Length";
pub const COL_INVITED: &str = "Invited";
pub const COL_ATTENDED: &str = "Attended";
pub const COL_PROJECT: &str = "Project";
pub const FIELD_LENGTH: &str = "Length";
pub const FIELD_SUPPLIER_FACING: &str = "Supplier-facing";
pub const FIELD_OVERLAPS: &str = "Overlaps";
pub const FIELD_AGENDA: &str = "Agenda";
pub const YES: &str = "yes";
pub const NO: &str = "no";
pub const CHECKLIST_NOT_APPLICABLE: &str = "Not supplier-facing: the checklist is for information meetings, supplier workshops, webinars and one-to-one dialogues, or any meeting a supplier attends. You can still tick it.";
pub const CHECKLIST_TITLE: &str = "Equal treatment";

pub fn meeting_length(length: &str) -> String {
    format!("Meeting length {length}")
}

pub fn agenda_total(total: &str, length: &str) -> String {
    format!("{total} planned of {length}")
}

pub fn agenda_overrun(total: &str, length: &str, over: &str) -> String {
    format!("⚠ {total} planned: {over} longer than the meeting ({length})")
}

pub fn checklist_open(open: usize) -> String {
    format!("{open} of 5 checklist points open")
}

pub fn participants_summary(invited: usize, attended: usize) -> String {
    format!("{invited} invited · {attended} attended")
}

pub fn week_title(week: u32, from: &str, to: &str) -> String {
    format!("Week {week} · {from} – {to}")
}

pub fn agenda_list_title(from: &str, to: &str) -> String {
    format!("{from} – {to}")
}

/// The structured need form as one sentence. This is content, not interface: it is
/// written in Swedish, the language of the buyers' documents.
pub fn need_sentence(as_a: &str, i_need: &str, so_that: &str) -> String {
    let mut s = String::new();
    if as_a.is_empty() {
        s.push_str(&format!("Vi behöver {i_need}"));
    } else {
        s.push_str(&format!("Som {as_a} behöver jag {i_need}"));
    }
    if !so_that.is_empty() {
        s.push_str(&format!(", för att {so_that}"));
    }
    s.push('.');
    s
}

pub fn merged_into(code: &str) -> String {
    format!("merged into {code}")
}

/// Why a need has its status, as shown. A merge stores no reason, only the need it went
/// into (`target`, its code), and is worded here; a reason that is stored (a rejection,
/// or a merge in an older store) is shown as it is.
pub fn need_reason<'a>(stored: &'a str, status: NeedStatus, target: Option<&str>) -> Cow<'a, str> {
    match target {
        Some(code) if stored.trim().is_empty() && status == NeedStatus::Merged => {
            Cow::Owned(merged_into(code))
        }
        _ => Cow::Borrowed(stored),
    }
}

pub const COL_PRIORITY: &str = "Priority";
pub const COL_CATEGORY: &str = "Category";

pub fn solution_warning(words: &[&str]) -> String {
    format!(
        "names a solution ({}): describe the need, not the product",
        words.join(", ")
    )
}

pub fn days_waiting(days: i64) -> String {
    format!("{days} d")
}

pub fn need_cannot_move(code: &str, status: &str) -> String {
    format!("{code} is {status}: it cannot move that way")
}

pub const FILTER_ALL: &str = "all";
pub const NO_PRIORITY: &str = "No priority";
pub const NEEDS_EMPTY: &str = "No needs yet. Press n to add the first one.";
pub const NEEDS_NO_MATCH: &str =
    "No need matches. Esc clears the text filter; f, p and c change the filters.";
pub const SUGGESTIONS_EMPTY: &str = "No improvement suggestions here. Press n to propose one.";
pub const LESSONS_EMPTY: &str = "No lessons here yet. Press n to write one down.";
pub const EVIDENCE_EMPTY: &str =
    "Where did this need come from? Press a to add a meeting, person or document.";
pub const COL_EVIDENCE_SHORT: &str = "Ev.";
pub const COL_WAITING: &str = "Waiting";
pub const COL_DECIDED: &str = "Decided";
pub const GENERAL: &str = "General";
pub const SHAREABLE_MARK: &str = "✓";
/// Short heading of the shareable column.
pub const COL_SHARE: &str = "Share";
pub const FIELD_MERGED_FROM: &str = "Merged from";
pub const FIELD_DETAILS: &str = "Details";
pub const MSG_MERGED: &str = "Needs merged";
pub const MSG_NOTHING_TO_MERGE: &str = "No other need to merge into";
pub const MSG_NO_SHAREABLE_LESSONS: &str = "No shareable lessons to export";
pub const FILE_LESSONS: &str = "tidig-lessons";
pub const FILE_NOTES: &str = "notes";
pub const FILE_NEEDS: &str = "needs";
pub const FILE_DIALOGUE: &str = "dialogue";

// ----- writing files and exports --------------------------------------------------

pub fn confirm_future_held(title: &str) -> String {
    format!("{title} has not started yet. Mark it as held anyway?")
}

pub fn confirm_export_open_points(open: usize) -> String {
    let points = if open == 1 { "point is" } else { "points are" };
    format!(
        "{open} equal-treatment {points} still open on the Checklist tab. Export the participants' version anyway?"
    )
}

pub fn warn_export_open_points(open: usize) -> String {
    let points = if open == 1 { "point is" } else { "points are" };
    format!("warning: {open} equal-treatment {points} still open on this meeting's checklist")
}

pub const ERR_SEPARATOR_NOT_CSV: &str =
    "--separator applies to CSV only: add --format csv or write to a .csv file";

pub fn err_unknown_extension(ext: &str, known: &[&str]) -> String {
    format!(
        "tidig cannot write .{ext} files; this export can be written as .{}",
        known.join(", .")
    )
}

pub fn err_write_over_store(path: &std::path::Path) -> String {
    format!(
        "refusing to overwrite the store {} with an export",
        path.display()
    )
}

pub fn err_write_not_regular(path: &std::path::Path) -> String {
    format!(
        "{} is not a regular file (a folder, link, device or pipe); choose a new file name",
        path.display()
    )
}

pub fn err_write_failed(path: &std::path::Path, e: &std::io::Error) -> String {
    format!("cannot write {}: {e}", path.display())
}

pub fn err_write_stdout(e: &std::io::Error) -> String {
    format!("cannot write to standard output: {e}")
}

pub fn err_export_in_trash(kind: crate::domain::EntityKind) -> String {
    format!(
        "this {} is in the trash (or belongs to something that is); restore it to export it",
        kind.label().to_lowercase()
    )
}

pub fn err_export_not_logged(path: &std::path::Path) -> String {
    format!(
        "{} was written but the export could not be logged on the meeting",
        path.display()
    )
}

pub fn confirm_merge(from: &str, into: &str) -> String {
    format!("Merge {from} into {into}? Its evidence moves over and {from} is marked merged.")
}

pub fn more_above(n: usize) -> String {
    format!("↑ {n} more")
}

pub fn more_below(n: usize) -> String {
    format!("↓ {n} more")
}

pub const CANCELLED_MARK: &str = "✕ cancelled";

pub fn action_bucket(b: crate::domain::ActionBucket) -> &'static str {
    use crate::domain::ActionBucket::*;
    match b {
        Overdue => "Overdue",
        Today => "Due today",
        ThisWeek => "This week",
        Later => "Later",
        NoDueDate => "No due date",
        Closed => "Done or cancelled",
    }
}

/// A note's first line, short, for confirmations and the trash.
pub fn note_label(body: &str) -> String {
    let first = body.lines().next().unwrap_or("").trim();
    let short: String = first.chars().take(40).collect();
    if short.is_empty() {
        "note".to_string()
    } else {
        short
    }
}

pub fn outcome_counts(decisions: usize, actions: usize, questions: usize) -> String {
    format!("decisions {decisions} · actions {actions} · questions {questions}")
}

pub const NOTES_EMPTY: &str =
    "No notes yet. Press n to start writing; l changes a note's label, b its agenda block.";
pub const OUTCOMES_EMPTY: &str = "No decisions, actions or questions yet. In the note editor, Alt-d / Alt-a / Alt-q (or F2, F3, F6) turn the current line into one.";
pub const ACTIONS_EMPTY: &str = "No open actions. h also shows done ones.";
pub const DECISIONS_EMPTY: &str = "No decisions recorded for this project yet.";
pub const COL_NOTE: &str = "Note";
pub const LINES: &str = "more";
pub const UNANSWERED: &str = "unanswered";
pub const UNSAVED: &str = "● unsaved";
pub const SAVED_AT: &str = "saved";
pub const WITH_DONE: &str = " · with done";

pub fn pick_merge_target(code: &str) -> String {
    format!("Merge {code} into which need?")
}

/// Cancelling a meeting that was held rewrites what happened: asked first.
pub fn confirm_cancel_held(title: &str) -> String {
    format!("{title} was held. Cancel it anyway? (c again reinstates it as held)")
}

/// A step back in the notes workflow: asked first; the dates stay in the history.
pub fn confirm_notes_status_back(from: &str, to: &str) -> String {
    format!("Set the notes back from {from} to {to}? When they were {from} stays recorded.")
}

pub const MSG_NOTES_SENT_STAYS: &str =
    "The notes are sent: the status stays there (W steps back, after asking)";
pub const MSG_NOTES_STATUS_FIRST: &str = "The notes status is at its first step";

pub const CONFIRM_REMOVE_EVIDENCE: &str =
    "Take this evidence off the need? It is not kept in the trash.";

// Portfolio
pub const PORTFOLIO_SORT: &str = "sort";
pub const PORTFOLIO_STATUS_ALL: &str = "all statuses";
pub const PORTFOLIO_FILTER: &str = "filter";
pub const PORTFOLIO_NO_MATCH: &str =
    "No project matches. Esc clears the filter, F changes the status filter.";
pub const WELCOME_TITLE: &str = "Welcome to tidig";
pub const WELCOME_LINES: &[&str] = &[
    "Your workbench for early-dialogue procurement projects.",
    "",
    "There are no projects yet.",
    "",
    "  n     create your first project",
    "  D     load a demo portfolio to look around",
    "        (or run `tidig demo` from the shell)",
    "  ?     all keys",
    "",
    "Everything is kept in one local file; nothing leaves this computer.",
];

// Project detail
pub const PHASE_TRACK: &str = "Phases";
pub const TIME_PLAN_EMPTY: &str = "No milestones yet. Press n to add one.";
pub const OVERDUE: &str = "overdue";
pub const TRASH_EMPTY: &str = "The trash is empty.";
pub const DIRECTORY_EMPTY: &str = "Nothing here yet. Press n to add.";

// Search across everything and the command palette
pub const SEARCH_TITLE: &str = "Search";
pub const SEARCH_PROMPT: &str = "/";
pub const SEARCH_HINT: &str =
    "Type to search projects, meetings, agendas, notes, outcomes, needs, people …";
pub const SEARCH_NOTHING: &str = "Nothing found.";
pub const SEARCH_HITS: &str = "found";
pub const SEARCH_ALL_KINDS: &str = "all kinds";
/// After a group's hits when it has more: "12 more: Tab shows one kind".
pub const SEARCH_MORE: &str = "more · Tab shows this kind";
pub const PALETTE_TITLE: &str = "Commands";
pub const PALETTE_PROMPT: &str = ":";
pub const PALETTE_NOTHING: &str = "No command or item matches.";
/// Before the screens a command works on: "only on Notes, Agenda".
pub const PALETTE_ONLY_ON: &str = "only on";
pub const PALETTE_READ_ONLY: &str = "the store is read-only";

// Help
pub const HELP_TITLE: &str = "Keys";
pub const HELP_GLOBAL: &str = "Everywhere";
pub const HELP_CLOSE: &str = "Esc or ? closes";
pub const HELP_CLOSE_SCROLL: &str = "Esc or ? closes · j/k scroll for more";

// The equal-treatment checklist for supplier-facing meetings.
pub const CHECKLIST: [&str; 5] = [
    "Purpose of the meeting stated in the invitation",
    "Participants told the procurement has not started and this is not a negotiation",
    "The same information given to all suppliers",
    "The dialogue documented",
    "A summary will be published",
];

// Trash kinds
pub const KIND_PROJECT: &str = "Project";
pub const KIND_ORGANISATION: &str = "Organisation";
pub const KIND_PERSON: &str = "Person";
pub const KIND_MILESTONE: &str = "Milestone";
pub const KIND_MEETING: &str = "Meeting";
pub const KIND_AGENDA_ITEM: &str = "Agenda item";
pub const KIND_NEED: &str = "Need";
pub const KIND_SUGGESTION: &str = "Suggestion";
pub const KIND_LESSON: &str = "Lesson";
pub const KIND_NOTE: &str = "Note";
pub const KIND_DECISION: &str = "Decision";
pub const KIND_ACTION: &str = "Action";
pub const KIND_QUESTION: &str = "Question";
pub const KIND_ROUND: &str = "Dialogue round";

// Bundles (export and import)

/// One problem of a bundle in words.
pub fn bundle_problem(problem: &crate::bundle::Problem) -> String {
    use crate::bundle::Problem as P;
    match problem {
        P::Malformed {
            line,
            column,
            detail,
        } => format!("not valid JSON at line {line}, column {column}: {detail}"),
        P::Shape {
            line,
            column,
            detail,
        } => format!("{detail} (line {line}, column {column})"),
        P::NotABundle => "not a tidig bundle (format must be \"tidig-bundle\")".into(),
        P::UnknownFormatVersion(found) => format!(
            "unknown format version {found}; this tidig reads version {}",
            crate::bundle::FORMAT_VERSION
        ),
        P::UnknownValue { value, allowed } => {
            format!(
                "unknown value {value:?}; expected one of {}",
                allowed.join(", ")
            )
        }
        P::InvalidUuid(v) => format!("{v:?} is not a UUID (lower case, with hyphens)"),
        P::InvalidDate(v) => format!("{v:?} is not a date: use YYYY-MM-DD"),
        P::InvalidTimestamp(v) => {
            format!("{v:?} is not a time in UTC: use YYYY-MM-DDTHH:MM:SSZ")
        }
        P::DuplicateUuid { first } => format!("the same UUID as {first}"),
        P::Dangling { section, uuid } => format!(
            "refers to {uuid}, which is in neither the bundle's {} nor the store",
            section.as_str()
        ),
        P::Blank => "must not be empty".into(),
        P::InvalidCode => {
            format!(
                "not a project code: {}; {}",
                field_error(&FieldError::CodeFormat),
                field_error(&FieldError::CodeTooLong {
                    max: crate::domain::project::CODE_MAX_LEN
                })
            )
        }
        P::CodeTaken => "another project in the store has this code".into(),
        P::DuplicateCode { first } => format!("the same code as {first}"),
        P::NeedNumberTaken => "another need of the project in the store has this number".into(),
        P::DuplicateNeedNumber { first } => format!("the same project and number as {first}"),
        P::AttendanceTaken => {
            "the store already has this person at this meeting, as another row".into()
        }
        P::DuplicateAttendance { first } => format!("the same meeting and person as {first}"),
        P::EndNotAfterStart => "must be after start_at".into(),
        P::EndBeforeStart => "must not be before start_date".into(),
        P::NotPositive => "must be 1 or more".into(),
        P::Negative => "must not be negative".into(),
        P::NoEvidenceSource => format!("evidence: {}", field_error(&FieldError::EvidenceSource)),
    }
}

/// One line of an import's problem list: `path: problem`.
pub fn bundle_issue(issue: &crate::bundle::Issue) -> String {
    let problem = bundle_problem(&issue.problem);
    if issue.path.is_empty() {
        problem
    } else {
        format!("{}: {problem}", issue.path)
    }
}

pub fn bundle_problems(count: usize, file: &str) -> String {
    let s = if count == 1 { "" } else { "s" };
    format!("{count} problem{s} in {file}; nothing was imported")
}

/// What an import did (or would do), one line per section that had rows, and the
/// conflicts by UUID.
pub fn import_report(report: &crate::bundle::ImportReport, file: &str) -> String {
    let total = report.total();
    let conflicts = total.conflicts.len();
    let mut out = if report.dry_run {
        format!(
            "Dry run, nothing changed. Importing {file} would insert {}, update {}, leave {} unchanged and keep {conflicts} newer in the store.\n",
            total.inserted, total.updated, total.unchanged
        )
    } else {
        format!(
            "Imported {file}: {} inserted, {} updated, {} unchanged, {conflicts} conflicts (the store's newer rows kept).\n",
            total.inserted, total.updated, total.unchanged
        )
    };
    out.push_str(&format!(
        "  {:<22}{:>10}{:>10}{:>10}{:>10}\n",
        "", "inserted", "updated", "unchanged", "conflicts"
    ));
    for (section, c) in &report.sections {
        if c.inserted + c.updated + c.unchanged + c.conflicts.len() == 0 {
            continue;
        }
        out.push_str(&format!(
            "  {:<22}{:>10}{:>10}{:>10}{:>10}\n",
            section.as_str(),
            c.inserted,
            c.updated,
            c.unchanged,
            c.conflicts.len()
        ));
    }
    if conflicts > 0 {
        out.push_str("Conflicts (the store's version is newer and was kept):\n");
        for (section, c) in &report.sections {
            for uuid in &c.conflicts {
                out.push_str(&format!("  {} {uuid}\n", section.as_str()));
            }
        }
    }
    out
}

/// A label in a narrow register column (at most eight letters).
pub fn confidentiality_short(c: Confidentiality) -> &'static str {
    match c {
        Confidentiality::Shareable => "Shareable",
        Confidentiality::Internal => "Internal",
        Confidentiality::SupplierConfidential => "Supplier",
        Confidentiality::Personal => "Personal",
    }
}

// ----- changes made elsewhere (two windows on one store) ---------------------------

pub const CONFLICT_TITLE: &str = "Changed elsewhere";
pub const CONFLICT_FORM: &str = "This item was changed elsewhere (another window or command) since you opened it. Nothing was overwritten.";
pub const CONFLICT_NOTE: &str = "This note was changed elsewhere since you opened it. Autosave has stopped; your text is safe in the editor.";
pub const CONFLICT_MINE: &str = "Yours";
pub const CONFLICT_STORED: &str = "Stored";
pub const CONFLICT_SAME: &str = "(no field differs: only the version moved on)";
pub const MSG_CHANGED_ELSEWHERE: &str =
    "Not saved: changed elsewhere since you opened it. r reload · k keep mine · b see both";
pub const MSG_NOTE_CHANGED_ELSEWHERE: &str =
    "Note changed elsewhere: autosave stopped. r reload · k keep mine · b see both";
pub const MSG_CONFLICT_LATER: &str = "Not saved: the form stays open; saving again asks again";
pub const MSG_NOTE_CONFLICT_LATER: &str =
    "Autosave stays stopped for this note (your text is kept in a draft file); Ctrl-S asks again";
/// The note editor's corner while its note is in conflict.
pub const NOTE_CONFLICT_STATUS: &str = "Changed elsewhere: autosave stopped (Ctrl-S to choose)";
pub const MSG_RELOADED: &str = "Reloaded the stored version";
pub const MSG_TRASHED_ELSEWHERE: &str = "Moved to the trash elsewhere: k keeps yours and brings it back · r leaves it in the trash · b see both";
pub const CONFLICT_TRASHED: &str = "It was moved to the trash elsewhere. Keep mine saves your version and brings it back out of the trash; reload leaves it there.";
pub const MSG_RELOADED_IN_TRASH: &str =
    "Left in the trash, as it was put there elsewhere (Trash restores it)";
pub const MSG_SAVED_OUT_OF_TRASH: &str = "Saved and brought back from the trash";
pub const MSG_NOTE_RECREATED: &str =
    "This note had been removed elsewhere: it was made again with your text, in this meeting";

// ----- key bindings in the config file --------------------------------------------

pub fn err_key_context(name: &str, known: &[&str]) -> String {
    format!(
        "[keys.{name}]: no such place for keys; the places are {}",
        known.join(", ")
    )
}

pub fn err_key_action(context: &str, action: &str, known: &[&str]) -> String {
    format!(
        "[keys.{context}] {action}: not an action there; its actions are {}",
        known.join(", ")
    )
}

pub fn err_key_name(key: &str) -> String {
    format!(
        "\"{key}\" is not a key tidig knows (write keys as help shows them: q, Enter, Ctrl-P, Alt-d, F5, Shift-Tab, PgDn)"
    )
}

pub fn err_key_none(context: &str, action: &str) -> String {
    format!("[keys.{context}] {action}: give at least one key")
}

pub fn err_key_conflict(context: &str, key: &str, first: &str, second: &str) -> String {
    format!("[keys.{context}]: {key} is bound to both {first} and {second}")
}

/// Printed by `tidig config default` before every key binding.
pub const CONFIG_KEYS_HEADER: &str = "
# Key bindings, per place: `action = [\"key\", …]`. A line replaces that action's
# default keys there; help and the footer show the keys in effect. Keys are written
# as help shows them: q, G, Enter, Esc, Tab, Shift-Tab, Space, ↑ (or Up), PgDn, Home,
# F5, Ctrl-P, Alt-d. Two actions on one key in one place stop start-up with the line.
# Delete the lines you do not change, so later versions' defaults reach you.
";

/// A date as the user reads it back while typing: "Friday 11 Dec 2026 10:00" or, in
/// Swedish, "fredag 11 dec 2026 10:00".
pub fn date_reading(day: chrono::NaiveDate, time: Option<chrono::NaiveTime>) -> String {
    use chrono::Datelike;
    let lang = crate::catalog::interface_lang();
    let weekday = crate::catalog::weekday_long(lang, day);
    let month = crate::catalog::month_short(lang, day);
    let mut out = format!("{weekday} {} {month} {}", day.day(), day.year());
    if let Some(t) = time {
        out.push_str(&t.format(" %H:%M").to_string());
    }
    out
}

pub fn err_unknown_zone(name: &str) -> String {
    format!("\"{name}\" is not a time zone; use a name such as \"Europe/Stockholm\" or \"UTC\"")
}

// ----- attention, review mode and the dashboard ----------------------------------------

pub const TAB_ATTENTION: &str = "Attention";
pub const COL_NEXT_MEETING: &str = "Next meeting";
pub const COL_OVERDUE: &str = "Overdue";
pub const COL_OPEN_NEEDS: &str = "Open needs";
pub const COL_REVIEWED: &str = "Reviewed";
/// Narrow column headings of the dashboard at 80 columns.
pub const COL_NEXT_SHORT: &str = "Next";
pub const COL_OVERDUE_SHORT: &str = "Late";
pub const COL_NEEDS_SHORT: &str = "Needs";
pub const COL_REVIEWED_SHORT: &str = "Rev.";
pub const ATTENTION_NOTHING: &str = "Nothing needs attention here.";
pub const ATTENTION_NEEDS_BY_STATUS: &str = "Needs by status";
pub const ATTENTION_NEEDS_BY_PRIORITY: &str = "Needs by MoSCoW";
pub const ATTENTION_NO_NEEDS: &str = "No needs yet";
pub const ATTENTION_PRIORITY_NONE: &str = "Not set";
pub const ATTENTION_NEVER_REVIEWED: &str = "Never reviewed";
pub const TODAY_TITLE: &str = "Today";
pub const TODAY_NO_MEETINGS: &str = "no meetings";
pub const REVIEW_TITLE: &str = "Review";
pub const REVIEW_SUMMARY: &str = "Review summary";
pub const REVIEW_REVIEWED: &str = "Reviewed today";
pub const REVIEW_SKIPPED: &str = "Not marked as reviewed";
pub const REVIEW_STILL_OVERDUE: &str = "Still overdue";
pub const REVIEW_NOTHING_OVERDUE: &str = "Nothing overdue in the projects walked through.";
pub const MSG_NO_ACTIVE_PROJECTS: &str = "No active projects to review";
pub const MSG_REVIEW_DONE: &str = "Review finished";

/// The heading of an attention section with its total.
pub fn attention_section(kind: crate::domain::SectionKind, total: usize) -> String {
    use crate::domain::SectionKind::*;
    let name = match kind {
        SlippedMilestones => "Slipped milestones",
        NextMeetings => "Next meetings",
        Actions => "Open actions",
        NotesMissing => "Held, no notes",
        NotesUnsent => "Notes not sent",
        OpenPoints => "Open equal-treatment points",
        AwaitingBuyer => "Awaiting the buyer's answer",
    };
    format!("{name} ({total})")
}

/// "2 overdue" beside the open actions' heading.
pub fn overdue_count(n: usize) -> String {
    format!("{n} {OVERDUE}")
}

/// "+3 more" under a section that shows only its first lines.
pub fn more_lines(n: usize) -> String {
    format!("+{n} more")
}

/// "3 open points".
pub fn open_points(n: usize) -> String {
    if n == 1 {
        "1 open point".to_string()
    } else {
        format!("{n} open points")
    }
}

/// How long ago the last review was: "Reviewed 3 days ago", stale ones said so.
pub fn reviewed_ago(age: crate::domain::ReviewAge) -> String {
    use crate::domain::ReviewAge::*;
    match age {
        Never => ATTENTION_NEVER_REVIEWED.to_string(),
        Fresh(0) => "Reviewed today".to_string(),
        Fresh(1) => "Reviewed yesterday".to_string(),
        Fresh(d) => format!("Reviewed {d} days ago"),
        Stale(d) => format!("Due: reviewed {d} days ago"),
    }
}

/// The portfolio's "today" strip, overdue part: "overdue: 5 actions · 2 milestones".
pub fn today_overdue(actions: usize, milestones: usize) -> String {
    if actions == 0 && milestones == 0 {
        return "nothing overdue".to_string();
    }
    let mut parts = Vec::new();
    if actions > 0 {
        let a = if actions == 1 { "action" } else { "actions" };
        parts.push(format!("{actions} {a}"));
    }
    if milestones > 0 {
        let m = if milestones == 1 {
            "milestone"
        } else {
            "milestones"
        };
        parts.push(format!("{milestones} {m}"));
    }
    format!("overdue: {}", parts.join(" · "))
}

/// Review mode's place in the walk: "Review 2/5".
pub fn review_position(at: usize, of: usize) -> String {
    format!("{REVIEW_TITLE} {at}/{of}")
}

/// A project's overdue count in the review summary.
pub fn review_overdue(actions: usize, milestones: usize) -> String {
    let mut parts = Vec::new();
    if actions > 0 {
        let a = if actions == 1 { "action" } else { "actions" };
        parts.push(format!("{actions} overdue {a}"));
    }
    if milestones > 0 {
        let m = if milestones == 1 {
            "milestone"
        } else {
            "milestones"
        };
        parts.push(format!("{milestones} slipped {m}"));
    }
    parts.join(" · ")
}
