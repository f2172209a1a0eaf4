//! Every user-facing string of the interface, looked up in the catalog of the
//! interface's language (`[ui]` in `assets/lang/sv.toml` and `en.toml`, keyed by the
//! name of the function here), so that the Swedish interface is a table, not a hunt
//! through the code. Enum labels and the words of exported documents are in the same
//! catalogs, in their own sections.

use std::borrow::Cow;

use crate::catalog::{self, Lang};
use crate::domain::{Confidentiality, FieldError, NeedStatus, StoreFault};

/// One function per word: `text::tab_meetings()` is `[ui] tab_meetings` in the
/// interface's language.
macro_rules! words {
    ($($name:ident),* $(,)?) => {
        $(pub fn $name() -> &'static str { ui(stringify!($name)) })*
    };
}

fn lang() -> Lang {
    catalog::interface_lang()
}

/// `[ui] key` in the interface's language.
fn ui(key: &str) -> &'static str {
    catalog::text(lang(), "ui", key)
}

/// `[ui] key` with each `{name}` filled in.
fn ui_fill(key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    catalog::fill(lang(), "ui", key, args)
}

/// `[ui] key_one` or `key_many`, by `n`, with `{n}` and the other values filled in.
fn ui_count(key: &str, n: usize, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let key = format!("{key}_{}", if n == 1 { "one" } else { "many" });
    let mut all: Vec<(&str, &dyn std::fmt::Display)> = vec![("n", &n)];
    all.extend_from_slice(args);
    ui_fill(&key, &all)
}

words!(form_title, app_name);

// Views and tabs
words!(
    view_portfolio,
    view_directory,
    view_trash,
    tab_overview,
    tab_time_plan,
    tab_meetings,
    tab_needs,
    tab_suggestions,
    tab_lessons,
    tab_notes,
    tab_outcomes,
    tab_decisions,
    view_actions,
    note_editor,
    view_lessons,
    tab_details,
    tab_agenda,
    tab_participants,
    tab_checklist,
    view_agenda,
    view_week,
    pick_title,
    tab_organisations,
    tab_people
);
words!(tab_information);
words!(view_organisation);
words!(gallra_ask);
words!(gallra_kept);
words!(org_page_none);
words!(org_page_projects);
words!(org_page_buyer);
words!(org_page_meetings);
words!(msg_nothing_to_merge_directory);
words!(view_rounds);
words!(form_new_round);
words!(msg_round_nothing_to_answer);
words!(form_round_answer);
words!(field_round_questions);
words!(field_round_suppliers);
words!(field_supplier);
words!(msg_not_a_round_meeting);
words!(msg_round_questions_added);
words!(round_question_prompt);
words!(round_question_keys);
words!(rounds_empty);
words!(round_no_questions);
words!(col_question);
words!(col_round);
words!(cell_not_asked);
words!(cell_missing);
words!(round_all_asked);
words!(form_new_round_question);
words!(form_add_round_supplier);
words!(msg_pick_a_supplier);
words!(msg_supplier_removed);
words!(round_cell_not_asked);
words!(round_cell_missing);

// Columns and field labels
words!(
    col_code,
    col_title,
    col_buyer,
    col_phase,
    col_status,
    col_updated,
    col_name,
    col_kind,
    col_organisation,
    col_role,
    col_email,
    col_phone,
    col_due,
    col_done,
    col_deleted,
    col_what
);

words!(
    field_case_number,
    field_subject,
    field_goal,
    field_innovation,
    field_procedure,
    field_start,
    field_end,
    field_dates,
    field_tags,
    field_reviewed,
    field_created,
    field_meeting_type,
    field_meeting_start,
    field_meeting_end,
    field_format,
    field_location,
    field_purpose,
    field_desired_outcome,
    field_notes_status,
    field_duration,
    field_method,
    field_owner,
    field_expected_outcome,
    field_person,
    field_role,
    field_when,
    field_decision,
    field_decided_by,
    field_decided_on,
    field_question,
    field_answer,
    field_audience,
    field_language,
    field_label,
    field_block,
    field_exports,
    plain_text,
    whole_meeting,
    hint_due,
    msg_note_saved,
    msg_editor_failed,
    msg_nothing_to_capture,
    msg_choose_project_first,
    msg_no_source_meeting,
    msg_gone,
    msg_item_in_trash,
    msg_parent_in_trash,
    field_statement,
    field_as_a,
    field_i_need,
    field_so_that,
    field_reason,
    field_meeting,
    field_document,
    field_note,
    field_phase_concerned,
    field_description,
    field_rationale,
    field_buyer_response,
    field_decision_date,
    field_source_meeting,
    field_context,
    field_what_happened,
    field_what_we_learned,
    field_recommendation,
    field_shareable,
    field_evidence,
    field_history,
    lesson_general,
    hint_statement
);

// Hints shown beside form fields
words!(
    hint_code,
    hint_date,
    hint_tags,
    hint_choice,
    hint_org_new,
    hint_org_matches,
    hint_org_existing,
    hint_person_new,
    hint_person_existing,
    hint_when,
    hint_end,
    hint_duration,
    hint_new_person_org,
    hint_multiline,
    not_set
);
words!(information_log);
words!(interests);
words!(interests_empty);
words!(no_measures);
words!(col_everyone);
words!(col_who);
words!(form_new_information);
words!(form_edit_information);
words!(form_new_interest);
words!(form_edit_interest);
words!(field_information);
words!(field_channel);
words!(field_given_in_meeting);
words!(field_origin);
words!(field_given_on);
words!(field_given_to);
words!(hint_organisations);
words!(field_shared_on);
words!(field_shared_channel);
words!(field_interest_kind);
words!(field_measures);
words!(field_declared_on);
words!(form_registration);
words!(field_document_number);
words!(field_registered);
words!(not_registered);
words!(field_registered_on);
// Who approved the notes (justerare), asked when they are approved.
words!(form_approve_notes);
words!(field_approved_by);
words!(hint_approved_by);

// Form titles
words!(
    form_new_project,
    form_edit_project,
    form_new_organisation,
    form_edit_organisation,
    form_new_person,
    form_edit_person,
    form_new_meeting,
    form_edit_meeting,
    form_new_agenda_item,
    form_edit_agenda_item,
    form_add_participant,
    form_save_template,
    form_new_need,
    form_edit_need,
    form_reject_need,
    form_defer_need,
    form_add_evidence,
    form_new_suggestion,
    form_edit_suggestion,
    form_new_lesson,
    form_edit_lesson,
    form_capture_need,
    form_new_decision,
    form_edit_decision,
    form_new_action,
    form_edit_action,
    form_new_question,
    form_answer_question,
    form_export_notes,
    form_export_dialogue,
    form_new_milestone,
    form_edit_milestone
);

// The store's faults: what happened and what to do, said once.

/// A store fault in words. `path` names the store when known ("The store" otherwise);
/// `detail` is SQLite's or the system's own word, added only where it helps.
pub fn store_fault(fault: &StoreFault, path: Option<&str>, detail: &str) -> String {
    let named = path.filter(|p| !p.is_empty());
    let store = named.map_or_else(|| ui("store_default").to_string(), str::to_string);
    let detail = detail.trim();
    let with = |key: &str| ui_fill(key, &[("store", &store), ("detail", &detail)]);
    match fault {
        StoreFault::Locked => with("fault_locked"),
        StoreFault::ReadOnly => with("fault_read_only"),
        StoreFault::ReadOnlyOld => with("fault_read_only_old"),
        StoreFault::Full => ui_fill(
            "fault_full",
            &[("store", &named.unwrap_or(ui("store_default_inline")))],
        ),
        StoreFault::Io if detail.is_empty() => with("fault_io"),
        StoreFault::Io => with("fault_io_detail"),
        StoreFault::Damaged if detail.is_empty() => with("fault_damaged"),
        StoreFault::Damaged => with("fault_damaged_detail"),
        StoreFault::NotTidig => with("fault_not_tidig"),
        StoreFault::Newer { found, supported } => ui_fill(
            "fault_newer",
            &[
                ("store", &store),
                ("found", found),
                ("supported", supported),
            ],
        ),
    }
}

// The banner over every screen when the store cannot be written.
words!(banner_read_only);
// A key that would change a read-only store.
words!(msg_read_only_refused);

/// `tidig restore`: what was restored, and where the replaced store was kept.
pub fn msg_restored(file: &str, store: &str, kept: Option<&str>) -> String {
    match kept {
        Some(kept) => ui_fill(
            "msg_restored_kept",
            &[("file", &file), ("store", &store), ("kept", &kept)],
        ),
        None => ui_fill("msg_restored_into", &[("file", &file), ("store", &store)]),
    }
}

/// `tidig restore` given the store itself.
pub fn err_restore_same(file: &str) -> String {
    ui_fill("err_restore_same", &[("file", &file)])
}

/// The daily backup failed; the command itself goes on.
/// A row left out of a list or an export because it cannot be read.
pub fn warn_unreadable_row(table: &str, id: i64, detail: &str) -> String {
    ui_fill(
        "warn_unreadable_row",
        &[("table", &table), ("id", &id), ("detail", &detail)],
    )
}

/// How the app lists a row that cannot be read.
pub fn unreadable_row(id: i64) -> String {
    ui_fill("unreadable_row", &[("id", &id)])
}

/// What the trash confirmation calls a row that cannot be read.
pub fn unreadable_row_name(id: i64) -> String {
    ui_fill("unreadable_row_name", &[("id", &id)])
}

words!(msg_unreadable_row, msg_unreadable_participant);

/// Asks before a participant that cannot be read is taken off its meeting.
pub fn confirm_remove_participant(what: &str) -> String {
    ui_fill("confirm_remove_participant", &[("what", &what)])
}

/// A single row that cannot be read was asked for (opening it, a command naming it).
pub fn err_unreadable_row(table: &str, id: i64, column: &str) -> String {
    ui_fill(
        "err_unreadable_row",
        &[("table", &table), ("id", &id), ("column", &column)],
    )
}

/// The app's notice that a list left out rows it cannot read.
pub fn msg_rows_set_aside(n: usize) -> String {
    ui_count("msg_rows_set_aside", n, &[])
}

/// One `tidig check` line: a stored value its reader cannot parse.
pub fn check_bad_value(table: &str, id: i64, column: &str, value: &str) -> String {
    ui_fill(
        "check_bad_value",
        &[
            ("table", &table),
            ("id", &id),
            ("column", &column),
            ("value", &format!("{value:?}")),
        ],
    )
}

pub fn warn_daily_backup(detail: &str) -> String {
    ui_fill("warn_daily_backup", &[("detail", &detail)])
}

// A row asked for by id is not there (deleted elsewhere, or a wrong id).
words!(msg_not_found);

/// Any other database error (a broken rule the store did not word): SQLite's message.
pub fn store_other(detail: &str) -> String {
    ui_fill("store_other", &[("detail", &detail)])
}

// Validation

/// A validation or conflict code in words: the one place they are worded.
pub fn field_error(e: &FieldError) -> String {
    let key = match e {
        FieldError::Required => "err_required",
        FieldError::DateFormat => "err_date_format",
        FieldError::DateRange { first, last } => {
            return ui_fill("err_date_range", &[("first", first), ("last", last)]);
        }
        FieldError::EndBeforeStart => "err_end_before_start",
        FieldError::CodeFormat => "err_code_format",
        FieldError::CodeTooLong { max } => return ui_fill("err_code_too_long", &[("max", max)]),
        FieldError::CodeTaken => "err_code_taken",
        FieldError::CodeTakenInTrash => "err_code_taken_in_trash",
        FieldError::When => "err_when",
        FieldError::TimeSkipped => "err_time_skipped",
        FieldError::Time => "err_time",
        FieldError::Duration => "err_duration",
        FieldError::DurationRange => "err_duration_range",
        FieldError::End => "err_end",
        FieldError::EndNotAfterStart => "err_end_not_after_start",
        FieldError::Email => "err_email",
        FieldError::Phone => "err_phone",
        FieldError::Due => "err_due",
        FieldError::EvidenceSource => "err_evidence_source",
        FieldError::SolutionWords(words) => return solution_warning(words),
        FieldError::MergeOnly => "err_merge_only",
        FieldError::MergeClosed => "err_merge_closed",
        FieldError::MergeSelf => "err_merge_self",
        FieldError::MergeProjects => "err_merge_projects",
        FieldError::SharedBeforeGiven => "err_shared_before_given",
        FieldError::TooMany { max } => return ui_fill("err_too_many", &[("max", max)]),
        FieldError::NotInRound => "err_not_in_round",
        FieldError::InRoundAlready => "err_in_round_already",
        FieldError::QuestionInTrash => "err_question_in_trash",
    };
    ui(key).to_string()
}

// Status line
words!(
    msg_fix_fields,
    msg_saved,
    msg_moved_to_trash,
    msg_item_restored,
    msg_purged,
    msg_draft_restored,
    msg_demo_loaded
);
// Beside the progress bar of `tidig demo --scale large`.
words!(
    demo_progress,
    msg_reviewed,
    msg_nothing_selected,
    msg_phase_set,
    msg_error,
    msg_removed,
    msg_exported,
    msg_agenda_empty,
    msg_template_applied,
    msg_template_saved,
    msg_no_template_dir,
    pick_template,
    confirm_replace_agenda,
    file_all_meetings
);

// Saving what is typed, and what happens when the store cannot take it
words!(not_saved_retrying, draft_kept_at, draft_not_kept);

/// A save failed; where the text is kept meanwhile.
pub fn not_saved(reason: &str, kept: Option<&std::path::Path>) -> String {
    match kept {
        Some(path) => ui_fill(
            "not_saved_kept",
            &[("reason", &reason), ("path", &path.display())],
        ),
        None => ui_fill("not_saved_nowhere", &[("reason", &reason)]),
    }
}

/// Back from `$EDITOR`, the note was gone (purged or trashed elsewhere): the text is
/// in a private draft file at `path`.
pub fn note_gone_kept(path: &std::path::Path) -> String {
    ui_fill("note_gone_kept", &[("path", &path.display())])
}

/// As `note_gone_kept`, but the draft file could not be written.
pub fn note_gone_nowhere(reason: &str) -> String {
    ui_fill("note_gone_nowhere", &[("reason", &reason)])
}

/// `Esc` on an editor whose text could not be saved.
pub fn close_unsaved(kept: Option<&std::path::Path>) -> String {
    match kept {
        Some(path) => ui_fill("close_unsaved_kept", &[("path", &path.display())]),
        None => ui("close_unsaved_nowhere").to_string(),
    }
}

/// The editor was closed with text the store could not take.
pub fn closed_unsaved(kept: Option<&std::path::Path>) -> String {
    let path = kept.map(|p| p.display().to_string()).unwrap_or_default();
    ui_fill("closed_unsaved", &[("path", &path)])
}

/// Unsaved text from an earlier run was given back into the editor.
pub fn restored_from(path: &std::path::Path) -> String {
    ui_fill("restored_from", &[("path", &path.display())])
}

/// On start: more than one kept note was changed elsewhere since its text was kept.
pub fn kept_notes_changed(n: usize) -> String {
    ui_fill("kept_notes_changed", &[("n", &n)])
}

/// On start: text kept in draft files went back into the store.
pub fn drafts_restored(notes: usize, forms: usize) -> String {
    let mut parts = Vec::new();
    if notes > 0 {
        parts.push(ui_count("drafts_notes", notes, &[]));
    }
    if forms > 0 {
        parts.push(ui_count("drafts_forms", forms, &[]));
    }
    ui_fill("drafts_restored", &[("parts", &parts.join(", "))])
}

/// On start: draft files that could not go back into the store.
pub fn drafts_left(folder: &std::path::Path) -> String {
    ui_fill("drafts_left", &[("folder", &folder.display())])
}

/// Quitting with text the store could not take (on standard error).
pub fn unsaved_on_exit(files: &[std::path::PathBuf]) -> String {
    let list: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    ui_fill("unsaved_on_exit", &[("files", &list.join(", "))])
}

// Confirmations
words!(confirm_title, confirm_purge, confirm_discard, confirm_keys);

pub fn confirm_trash(what: &str) -> String {
    ui_fill("confirm_trash", &[("what", &what)])
}

/// Short, most important first: the status line is one row.
pub fn overlap_warning(title: &str, code: &str, when: &str, count: usize) -> String {
    let more = if count > 1 {
        ui_fill("overlap_more", &[("n", &(count - 1))])
    } else {
        String::new()
    };
    ui_fill(
        "overlap_warning",
        &[
            ("code", &code),
            ("when", &when),
            ("more", &more),
            ("title", &title),
        ],
    )
}

pub fn weekday(d: chrono::Weekday) -> &'static str {
    catalog::weekday_name(lang(), d)
}

words!(
    week,
    upcoming,
    past,
    meetings_empty,
    agenda_empty,
    participants_empty,
    agenda_view_empty,
    flag_overlap,
    flag_suppliers,
    flag_checklist_open,
    col_when,
    col_time,
    col_type,
    col_block,
    col_length,
    col_invited,
    col_attended,
    col_project,
    field_length,
    field_supplier_facing,
    field_overlaps,
    field_agenda,
    yes,
    no,
    checklist_not_applicable,
    checklist_title
);
words!(col_owner);
words!(col_notes_status);

pub fn meeting_length(length: &str) -> String {
    ui_fill("meeting_length", &[("length", &length)])
}

pub fn agenda_total(total: &str, length: &str) -> String {
    ui_fill("agenda_total", &[("total", &total), ("length", &length)])
}

pub fn agenda_overrun(total: &str, length: &str, over: &str) -> String {
    ui_fill(
        "agenda_overrun",
        &[("total", &total), ("length", &length), ("over", &over)],
    )
}

/// An information log entry that everyone has: when and where it was made available.
pub fn info_everyone(shared_on: &str, channel: &str) -> String {
    ui_fill(
        "info_everyone",
        &[("shared_on", &shared_on), ("channel", &channel)],
    )
}

/// An information log entry that only some have.
pub fn info_only_some(recipients: &str) -> String {
    if recipients.is_empty() {
        ui("info_only_some").to_string()
    } else {
        ui_fill("info_only_some_named", &[("recipients", &recipients)])
    }
}

pub fn checklist_open(open: usize) -> String {
    ui_fill(
        "checklist_open",
        &[("open", &open), ("total", &crate::domain::CHECKLIST_LEN)],
    )
}

pub fn participants_summary(invited: usize, attended: usize) -> String {
    ui_fill(
        "participants_summary",
        &[("invited", &invited), ("attended", &attended)],
    )
}

pub fn week_title(week: u32, from: &str, to: &str) -> String {
    ui_fill(
        "week_title",
        &[("week", &week), ("from", &from), ("to", &to)],
    )
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
    ui_fill("merged_into", &[("code", &code)])
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

words!(col_priority, col_category);

pub fn solution_warning(words: &[&str]) -> String {
    ui_fill("solution_warning", &[("words", &words.join(", "))])
}

pub fn days_waiting(days: i64) -> String {
    ui_fill("days_waiting", &[("days", &days)])
}

pub fn need_cannot_move(code: &str, status: &str) -> String {
    ui_fill("need_cannot_move", &[("code", &code), ("status", &status)])
}

words!(
    no_priority,
    needs_empty,
    needs_no_match,
    suggestions_empty,
    lessons_empty,
    evidence_empty,
    col_evidence_short,
    col_waiting,
    col_decided,
    general,
    shareable_mark
);
// Short heading of the shareable column.
words!(
    col_share,
    field_merged_from,
    field_details,
    msg_merged,
    msg_nothing_to_merge,
    msg_no_shareable_lessons,
    file_lessons,
    file_notes,
    file_needs
);
words!(file_report);
words!(file_dialogue);

// ----- writing files and exports --------------------------------------------------

pub fn confirm_future_held(title: &str) -> String {
    ui_fill("confirm_future_held", &[("title", &title)])
}

pub fn confirm_export_open_points(open: usize) -> String {
    ui_count("confirm_export_open_points", open, &[])
}

pub fn warn_export_open_points(open: usize) -> String {
    ui_count("warn_export_open_points", open, &[])
}

words!(err_separator_not_csv, err_binary_to_terminal, word_file);

pub fn err_unknown_extension(ext: &str, known: &[&str]) -> String {
    ui_fill(
        "err_unknown_extension",
        &[("ext", &ext), ("known", &known.join(", ."))],
    )
}

pub fn err_write_over_store(path: &std::path::Path) -> String {
    ui_fill("err_write_over_store", &[("path", &path.display())])
}

pub fn err_write_not_regular(path: &std::path::Path) -> String {
    ui_fill("err_write_not_regular", &[("path", &path.display())])
}

pub fn err_write_failed(path: &std::path::Path, e: &std::io::Error) -> String {
    ui_fill(
        "err_write_failed",
        &[("path", &path.display()), ("error", e)],
    )
}

pub fn err_write_stdout(e: &std::io::Error) -> String {
    ui_fill("err_write_stdout", &[("error", e)])
}

pub fn err_export_in_trash(kind: crate::domain::EntityKind) -> String {
    ui_fill(
        "err_export_in_trash",
        &[("kind", &kind.label().to_lowercase())],
    )
}

pub fn err_export_not_logged(path: &std::path::Path) -> String {
    ui_fill("err_export_not_logged", &[("path", &path.display())])
}

pub fn confirm_merge(from: &str, into: &str) -> String {
    ui_fill("confirm_merge", &[("from", &from), ("into", &into)])
}

pub fn more_above(n: usize) -> String {
    ui_fill("more_above", &[("n", &number(n))])
}

pub fn more_below(n: usize) -> String {
    ui_fill("more_below", &[("n", &number(n))])
}

words!(full_view_title);

words!(cancelled_mark);

pub fn action_bucket(b: crate::domain::ActionBucket) -> &'static str {
    use crate::domain::ActionBucket::*;
    ui(match b {
        Overdue => "bucket_overdue",
        Today => "bucket_today",
        ThisWeek => "bucket_this_week",
        Later => "bucket_later",
        NoDueDate => "bucket_no_due_date",
        Closed => "bucket_closed",
    })
}

/// A note's first line, short, for confirmations and the trash.
pub fn note_label(body: &str) -> String {
    let first = body.lines().next().unwrap_or("").trim();
    let short: String = first.chars().take(40).collect();
    if short.is_empty() {
        ui("note_unnamed").to_string()
    } else {
        short
    }
}

pub fn outcome_counts(decisions: usize, actions: usize, questions: usize) -> String {
    ui_fill(
        "outcome_counts",
        &[
            ("decisions", &decisions),
            ("actions", &actions),
            ("questions", &questions),
        ],
    )
}

words!(
    notes_empty,
    outcomes_empty,
    actions_empty,
    decisions_empty,
    col_note,
    lines,
    unanswered,
    unsaved,
    saved_at,
    with_done
);

pub fn pick_merge_target(code: &str) -> String {
    ui_fill("pick_merge_target", &[("code", &code)])
}

/// Cancelling a meeting that was held rewrites what happened: asked first.
pub fn confirm_cancel_held(title: &str) -> String {
    ui_fill("confirm_cancel_held", &[("title", &title)])
}

/// A step back in the notes workflow: asked first; the dates stay in the history.
pub fn confirm_notes_status_back(from: &str, to: &str) -> String {
    ui_fill("confirm_notes_status_back", &[("from", &from), ("to", &to)])
}

words!(msg_notes_sent_stays, msg_notes_status_first);

words!(confirm_remove_evidence);

// Portfolio
words!(
    portfolio_sort,
    portfolio_filter,
    portfolio_no_match,
    welcome_title
);
/// The welcome screen's lines.
pub fn welcome_lines() -> Vec<&'static str> {
    ui("welcome").lines().collect()
}

// Project detail
words!(
    phase_track,
    time_plan_empty,
    overdue,
    trash_empty,
    directory_empty
);

// Search across everything and the command palette
words!(
    search_title,
    search_prompt,
    search_hint,
    search_nothing,
    search_hits,
    search_all_kinds
);
// After a group's hits when it has more: "12 more: Tab shows one kind".
words!(search_more, palette_title, palette_prompt, palette_nothing);
// Before the screens a command works on: "only on Notes, Agenda".
words!(palette_only_on, palette_read_only);

// Help
words!(help_title, help_global, help_close, help_close_scroll);

// The equal-treatment checklist for supplier-facing meetings.
pub fn checklist() -> [&'static str; crate::domain::CHECKLIST_LEN] {
    const KEYS: [&str; crate::domain::CHECKLIST_LEN] = [
        "checklist_1",
        "checklist_2",
        "checklist_3",
        "checklist_4",
        "checklist_5",
        "checklist_6",
        "checklist_7",
        "checklist_8",
        "checklist_9",
        "checklist_10",
        "checklist_11",
    ];
    KEYS.map(ui)
}

words!(checklist_no_information);
words!(checklist_no_involvement);
words!(checklist_not_registered);

/// An entry given in the meeting, and how far it reached.
pub fn checklist_information(title: &str, reach: &str) -> String {
    format!("{title} · {reach}")
}

/// A participant's organisation that took part in preparing the procurement.
pub fn checklist_involved(organisation: &str, measures: bool) -> String {
    let key = if measures {
        "checklist_involved_measures"
    } else {
        "checklist_involved_no_measures"
    };
    ui_fill(key, &[("organisation", &organisation)])
}

/// A meeting's registration in the case.
pub fn registered(number: &str, on: &str) -> String {
    ui_fill("registered", &[("number", &number), ("on", &on)])
}

// Trash kinds
words!(
    kind_project,
    kind_organisation,
    kind_person,
    kind_milestone,
    kind_meeting,
    kind_agenda_item,
    kind_need,
    kind_suggestion,
    kind_lesson,
    kind_note,
    kind_decision,
    kind_action,
    kind_question
);
words!(kind_information);
words!(kind_interest);
words!(kind_round);
words!(kind_round_question);

// Bundles (export and import)

/// One problem of a bundle in words.
pub fn bundle_problem(problem: &crate::bundle::Problem) -> String {
    use crate::bundle::Problem as P;
    let value = |key: &str, v: &dyn std::fmt::Display| ui_fill(key, &[("value", v)]);
    match problem {
        P::Malformed {
            line,
            column,
            detail,
        } => ui_fill(
            "bundle_malformed",
            &[("line", line), ("column", column), ("detail", detail)],
        ),
        P::Shape {
            line,
            column,
            detail,
        } => ui_fill(
            "bundle_shape",
            &[("line", line), ("column", column), ("detail", detail)],
        ),
        P::NotABundle => ui("bundle_not_a_bundle").into(),
        P::UnknownFormatVersion(found) => ui_fill(
            "bundle_unknown_version",
            &[("found", found), ("known", &crate::bundle::FORMAT_VERSION)],
        ),
        P::UnknownValue { value, allowed } => ui_fill(
            "bundle_unknown_value",
            &[
                ("value", &format!("{value:?}")),
                ("allowed", &allowed.join(", ")),
            ],
        ),
        P::InvalidUuid(v) => value("bundle_invalid_uuid", &format!("{v:?}")),
        P::InvalidDate(v) => value("bundle_invalid_date", &format!("{v:?}")),
        P::InvalidTimestamp(v) => value("bundle_invalid_timestamp", &format!("{v:?}")),
        P::DuplicateUuid { first } => value("bundle_duplicate_uuid", first),
        P::Dangling { section, uuid } => ui_fill(
            "bundle_dangling",
            &[("uuid", uuid), ("section", &section.as_str())],
        ),
        P::Blank => ui("bundle_blank").into(),
        P::InvalidCode => ui_fill(
            "bundle_invalid_code",
            &[
                ("format", &field_error(&FieldError::CodeFormat)),
                (
                    "length",
                    &field_error(&FieldError::CodeTooLong {
                        max: crate::domain::project::CODE_MAX_LEN,
                    }),
                ),
            ],
        ),
        P::CodeTaken => ui("bundle_code_taken").into(),
        P::DuplicateCode { first } => value("bundle_duplicate_code", first),
        P::NeedNumberTaken => ui("bundle_need_number_taken").into(),
        P::DuplicateNeedNumber { first } => value("bundle_duplicate_need_number", first),
        P::AttendanceTaken => ui("bundle_attendance_taken").into(),
        P::DuplicateAttendance { first } => value("bundle_duplicate_attendance", first),
        P::EndNotAfterStart => ui("bundle_end_not_after_start").into(),
        P::EndBeforeStart => ui("bundle_end_before_start").into(),
        P::SharedBeforeGiven => ui("bundle_shared_before_given").into(),
        P::DuplicateRegistration { first } => value("bundle_duplicate_registration", first),
        P::RegistrationTaken => ui("bundle_registration_taken").into(),
        P::NotPositive => ui("bundle_not_positive").into(),
        P::Negative => ui("bundle_negative").into(),
        P::NoEvidenceSource => value(
            "bundle_no_evidence_source",
            &field_error(&FieldError::EvidenceSource),
        ),
        P::DuplicateRoundSupplier { first } => value("bundle_duplicate_round_supplier", first),
        P::RoundSupplierTaken => ui("bundle_round_supplier_taken").into(),
        P::DuplicateSupplierNumber { first } => value("bundle_duplicate_supplier_number", first),
        P::SupplierNumberTaken => ui("bundle_supplier_number_taken").into(),
        P::DuplicateAnswer { first } => value("bundle_duplicate_answer", first),
        P::AnswerTaken => ui("bundle_answer_taken").into(),
        P::NotInRound => ui("bundle_not_in_round").into(),
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
    ui_count("bundle_problems", count, &[("file", &file)])
}

/// What an import did (or would do), one line per section that had rows, and the
/// conflicts by UUID.
pub fn import_report(report: &crate::bundle::ImportReport, file: &str) -> String {
    let total = report.total();
    let conflicts = total.conflicts.len();
    let counts: [(&str, &dyn std::fmt::Display); 5] = [
        ("file", &file),
        ("inserted", &total.inserted),
        ("updated", &total.updated),
        ("unchanged", &total.unchanged),
        ("conflicts", &conflicts),
    ];
    let key = if report.dry_run {
        "import_dry_run"
    } else {
        "import_done"
    };
    let mut out = ui_fill(key, &counts);
    out.push('\n');
    out.push_str(&format!(
        "  {:<22}{:>10}{:>10}{:>10}{:>10}\n",
        "",
        ui("import_col_inserted"),
        ui("import_col_updated"),
        ui("import_col_unchanged"),
        ui("import_col_conflicts")
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
        out.push_str(ui("import_conflicts_heading"));
        out.push('\n');
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
    ui(match c {
        Confidentiality::Shareable => "conf_short_shareable",
        Confidentiality::Internal => "conf_short_internal",
        Confidentiality::SupplierConfidential => "conf_short_supplier",
        Confidentiality::Personal => "conf_short_personal",
    })
}

// ----- changes made elsewhere (two windows on one store) ---------------------------

words!(
    conflict_title,
    conflict_form,
    conflict_note,
    conflict_mine,
    conflict_stored,
    conflict_same,
    msg_changed_elsewhere,
    msg_note_changed_elsewhere,
    msg_conflict_later,
    msg_note_conflict_later
);
// The note editor's corner while its note is in conflict.
words!(
    note_conflict_status,
    msg_reloaded,
    msg_trashed_elsewhere,
    conflict_trashed,
    msg_reloaded_in_trash,
    msg_saved_out_of_trash,
    msg_note_recreated
);

// ----- key bindings in the config file --------------------------------------------

pub fn err_key_context(name: &str, known: &[&str]) -> String {
    ui_fill(
        "err_key_context",
        &[("name", &name), ("known", &known.join(", "))],
    )
}

pub fn err_key_action(context: &str, action: &str, known: &[&str]) -> String {
    ui_fill(
        "err_key_action",
        &[
            ("context", &context),
            ("action", &action),
            ("known", &known.join(", ")),
        ],
    )
}

pub fn err_key_name(key: &str) -> String {
    ui_fill("err_key_name", &[("key", &key)])
}

pub fn err_key_none(context: &str, action: &str) -> String {
    ui_fill(
        "err_key_none",
        &[("context", &context), ("action", &action)],
    )
}

pub fn err_key_conflict(context: &str, key: &str, first: &str, second: &str) -> String {
    ui_fill(
        "err_key_conflict",
        &[
            ("context", &context),
            ("key", &key),
            ("first", &first),
            ("second", &second),
        ],
    )
}

// Printed by `tidig config default` before every key binding.
words!(config_keys_header);

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
    ui_fill("err_unknown_zone", &[("name", &name)])
}

// ----- attention, review mode and the dashboard ----------------------------------------

words!(
    tab_attention,
    col_next_meeting,
    col_overdue,
    col_open_needs,
    col_reviewed
);
// Narrow column headings of the dashboard at 80 columns.
words!(
    col_next_short,
    col_overdue_short,
    col_needs_short,
    col_reviewed_short,
    attention_nothing,
    attention_needs_by_status,
    attention_needs_by_priority,
    attention_no_needs,
    attention_priority_none,
    attention_never_reviewed,
    today_title,
    today_no_meetings,
    review_title,
    review_summary,
    review_reviewed,
    review_skipped,
    review_still_overdue,
    review_nothing_overdue,
    msg_no_active_projects,
    msg_review_done
);

/// The heading of an attention section with its total.
pub fn attention_section(kind: crate::domain::SectionKind, total: usize) -> String {
    use crate::domain::SectionKind::*;
    let key = match kind {
        SlippedMilestones => "section_slipped_milestones",
        NextMeetings => "section_next_meetings",
        Actions => "section_actions",
        NotesMissing => "section_notes_missing",
        NotesUnsent => "section_notes_unsent",
        OpenPoints => "section_open_points",
        OnlySome => "section_only_some",
        PriorInvolvement => "section_prior_involvement",
        AwaitingBuyer => "section_awaiting_buyer",
    };
    format!("{} ({total})", ui(key))
}

/// Who has an entry of the information log that not everyone has.
pub fn given_to(recipients: &str) -> String {
    if recipients.is_empty() {
        ui("given_to_nobody").to_string()
    } else {
        ui_fill("given_to", &[("recipients", &recipients)])
    }
}

/// "2 overdue" beside the open actions' heading.
pub fn overdue_count(n: usize) -> String {
    format!("{n} {}", overdue())
}

/// "+3 more" under a section that shows only its first lines.
pub fn more_lines(n: usize) -> String {
    ui_fill("more_lines", &[("n", &number(n))])
}

/// "3 open points".
pub fn open_points(n: usize) -> String {
    ui_count("open_points", n, &[])
}

/// How long ago the last review was: "Reviewed 3 days ago", stale ones said so.
pub fn reviewed_ago(age: crate::domain::ReviewAge) -> String {
    use crate::domain::ReviewAge::*;
    match age {
        Never => attention_never_reviewed().to_string(),
        Fresh(0) => ui("reviewed_today").to_string(),
        Fresh(1) => ui("reviewed_yesterday").to_string(),
        Fresh(d) => ui_fill("reviewed_days_ago", &[("days", &d)]),
        Stale(d) => ui_fill("review_due_days_ago", &[("days", &d)]),
    }
}

/// The portfolio's "today" strip, overdue part: "overdue: 5 actions · 2 milestones".
pub fn today_overdue(actions: usize, milestones: usize) -> String {
    if actions == 0 && milestones == 0 {
        return ui("nothing_overdue").to_string();
    }
    let mut parts = Vec::new();
    if actions > 0 {
        parts.push(ui_count("count_actions", actions, &[]));
    }
    if milestones > 0 {
        parts.push(ui_count("count_milestones", milestones, &[]));
    }
    ui_fill("today_overdue", &[("parts", &parts.join(" · "))])
}

/// Review mode's place in the walk: "Review 2/5".
pub fn review_position(at: usize, of: usize) -> String {
    format!("{} {at}/{of}", review_title())
}

/// A project's overdue count in the review summary.
pub fn review_overdue(actions: usize, milestones: usize) -> String {
    let mut parts = Vec::new();
    if actions > 0 {
        parts.push(ui_count("overdue_actions", actions, &[]));
    }
    if milestones > 0 {
        parts.push(ui_count("slipped_milestones", milestones, &[]));
    }
    parts.join(" · ")
}

// ----- the command line ----------------------------------------------------------

pub fn err_no_home() -> &'static str {
    ui("err_no_home")
}

pub fn err_needs_terminal() -> &'static str {
    ui("err_needs_terminal")
}

pub fn err_cannot_read(path: &std::path::Path) -> String {
    ui_fill("err_cannot_read", &[("path", &path.display())])
}

pub fn err_backup_failed(path: &std::path::Path) -> String {
    ui_fill("err_backup_failed", &[("path", &path.display())])
}

pub fn err_backup_exists(path: &std::path::Path) -> String {
    ui_fill("err_backup_exists", &[("path", &path.display())])
}

pub fn err_cannot_check(path: &std::path::Path) -> String {
    ui_fill("err_cannot_check", &[("path", &path.display())])
}

/// `tidig check` found nothing wrong.
pub fn check_ok(path: &std::path::Path) -> String {
    ui_fill("check_ok", &[("path", &path.display())])
}

pub fn check_problems(n: usize, path: &std::path::Path) -> String {
    ui_count("check_problems", n, &[("path", &path.display())])
}

/// `tidig config path`.
pub fn config_paths(config: &std::path::Path, store: &std::path::Path) -> String {
    ui_fill(
        "config_paths",
        &[("config", &config.display()), ("store", &store.display())],
    )
}

/// A config file that cannot be used: which file, which line (and key), what is wrong.
pub fn err_bad_config(path: &std::path::Path, line: usize, key: &str, detail: &str) -> String {
    let key = if key.is_empty() {
        String::new()
    } else {
        format!(", {key}")
    };
    ui_fill(
        "err_bad_config",
        &[
            ("path", &path.display()),
            ("line", &line),
            ("key", &key),
            ("detail", &detail),
        ],
    )
}

pub fn err_no_project(code: &str) -> String {
    ui_fill("err_no_project", &[("code", &code)])
}

pub fn err_not_meeting_id(id: &str) -> String {
    ui_fill("err_not_meeting_id", &[("id", &format!("{id:?}"))])
}

pub fn err_no_meeting(id: i64) -> String {
    ui_fill("err_no_meeting", &[("id", &id)])
}

pub fn err_meeting_in_trash(id: i64) -> String {
    ui_fill("err_meeting_in_trash", &[("id", &id)])
}

pub fn err_nothing_imported(file: &str) -> String {
    ui_fill("err_nothing_imported", &[("file", &file)])
}

pub fn err_demo_does_not_fit(first: &str) -> String {
    ui_fill("err_demo_does_not_fit", &[("first", &first)])
}

/// What `tidig demo` added: the store, then each kind's count by its `{name}`.
pub fn demo_added(store: &std::path::Path, counts: &[(&str, usize)]) -> String {
    let mut args: Vec<(&str, &dyn std::fmt::Display)> = vec![];
    let store = store.display();
    args.push(("store", &store));
    args.extend(
        counts
            .iter()
            .map(|(k, n)| (*k, n as &dyn std::fmt::Display)),
    );
    ui_fill("demo_added", &args)
}

/// A count as the interface's language writes it: `12 345` in Swedish (a no-break
/// space between groups of three), `12,345` in English.
pub fn number(n: usize) -> String {
    let digits = n.to_string();
    let separator = ui("digit_group_separator");
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

// The filter bar (`f`) and its facet menu
words!(
    filter_bar_label,
    filter_bar_clears,
    filter_bar_hint,
    facet_any,
    facet_menu,
    filters_cleared,
    filter_no_match
);

/// A list's title count while filtered: "12 of 340".
pub fn shown_of(shown: usize, total: usize) -> String {
    ui_fill(
        "shown_of",
        &[("shown", &number(shown)), ("total", &number(total))],
    )
}

/// The value menu's title: "Filter by Phase".
pub fn facet_menu_title(facet: &str) -> String {
    ui_fill("facet_menu_title", &[("facet", &facet)])
}

// ----- the information log, interests, the directory you can trust, gallring -------

words!(information_empty);

pub fn gallra_found(n: usize, months: u32) -> String {
    ui_count("gallra_found", n, &[("months", &months)])
}

pub fn gallra_purged(n: usize) -> String {
    ui_count("gallra_purged", n, &[])
}

/// Asked before saving a name the directory has.
pub fn confirm_duplicate(existing: &str) -> String {
    ui_fill("confirm_duplicate", &[("existing", &existing)])
}

pub fn pick_merge_directory(name: &str) -> String {
    ui_fill("pick_merge_directory", &[("name", &name)])
}

pub fn confirm_merge_directory(from: &str, into: &str) -> String {
    ui_fill(
        "confirm_merge_directory",
        &[("from", &from), ("into", &into)],
    )
}

pub fn msg_merged_directory(moved: usize) -> String {
    ui_fill("msg_merged_directory", &[("moved", &moved)])
}

/// Where an organisation is used, per referencing table.
pub fn usage_of(table: &str, rows: i64) -> String {
    let key = match table {
        "projects" => "usage_projects",
        "people" => "usage_people",
        "information_recipients" => "usage_information",
        "interests" => "usage_interests",
        "round_suppliers" => "usage_round_suppliers",
        "round_answers" => "usage_round_answers",
        other => return format!("{rows} {other}"),
    };
    ui_fill(key, &[("n", &rows)])
}

pub fn confirm_trash_used(name: &str, used: &str) -> String {
    ui_fill("confirm_trash_used", &[("name", &name), ("used", &used)])
}

/// Said when someone whose organisation helped prepare the procurement is added to a
/// supplier meeting.
pub fn warn_prior_involvement(organisation: &str, measures: bool) -> String {
    let key = if measures {
        "warn_prior_involvement_measures"
    } else {
        "warn_prior_involvement_no_measures"
    };
    ui_fill(key, &[("organisation", &organisation)])
}

/// "4 entries · 1 only some have".
pub fn information_counts(entries: usize, only_some: usize) -> String {
    let counted = ui_count("information_entries", entries, &[]);
    if only_some == 0 {
        counted
    } else {
        ui_fill(
            "information_counts",
            &[("entries", &counted), ("only_some", &only_some)],
        )
    }
}

/// An entry not everyone has, with the project's suppliers that lack it.
pub fn info_lacking(lacking: &str) -> String {
    if lacking.is_empty() {
        ui("info_not_shared").to_string()
    } else {
        ui_fill("info_lacking", &[("lacking", &lacking)])
    }
}

/// An entry everyone has, in a table cell.
pub fn info_shared_short(shared_on: &str, channel: &str) -> String {
    ui_fill(
        "info_shared_short",
        &[("shared_on", &shared_on), ("channel", &channel)],
    )
}

// ----- dialogue rounds ----------------------------------------------------------------

/// "Filed as the answer to question 2"
pub fn msg_answer_filed(position: i64) -> String {
    ui_fill("msg_answer_filed", &[("position", &position)])
}

/// "⚠ Not put to Norrsken AB: question 1, 2, 3" (equal treatment: others were asked).
pub fn round_not_asked(supplier: &str, questions: &str) -> String {
    ui_fill(
        "round_not_asked",
        &[("supplier", &supplier), ("questions", &questions)],
    )
}

/// "Edit question 2"
pub fn form_edit_round_question(position: i64) -> String {
    ui_fill("form_edit_round_question", &[("n", &position)])
}

/// "Answer to question 2 from B Tryggnatt Teknik AB"
pub fn form_round_cell(position: i64, supplier: &str) -> String {
    ui_fill(
        "form_round_cell",
        &[("n", &position), ("supplier", &supplier)],
    )
}

/// "Question 2": the heading of the matrix's focused cell.
pub fn round_cell_heading(position: i64) -> String {
    ui_fill("round_cell_heading", &[("n", &position)])
}

/// "Remove B Tryggnatt Teknik AB from the round? Its 3 answers go with it."
pub fn confirm_remove_supplier(supplier: &str, answers: i64) -> String {
    ui_count(
        "confirm_remove_supplier",
        answers as usize,
        &[("supplier", &supplier)],
    )
}

/// "Questions 1–10 of 14 · 2 missing answers"
pub fn round_page(first: usize, last: usize, total: i64, missing: usize) -> String {
    ui_fill(
        "round_page",
        &[
            ("first", &first),
            ("last", &last),
            ("total", &total),
            ("missing", &missing),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `[ui]` keys this file asks for: every `words!` name, and the keys of `ui`,
    /// `ui_fill` and `ui_count` calls.
    fn keys_used() -> Vec<String> {
        let source = include_str!("text.rs");
        let source = &source[..source.find("#[cfg(test)]").expect("tests at the end")];
        let mut keys = Vec::new();
        for block in source.split("words!(").skip(1) {
            let names = &block[..block.find(')').expect("words! closes")];
            keys.extend(names.split(',').map(|n| n.trim().to_string()));
        }
        for (call, suffixes) in [
            ("ui(\"", &[""][..]),
            ("ui_fill(\"", &[""][..]),
            ("ui_count(\"", &["_one", "_many"][..]),
        ] {
            for rest in source.split(call).skip(1) {
                let key = &rest[..rest.find('"').expect("key closes")];
                keys.extend(suffixes.iter().map(|s| format!("{key}{s}")));
            }
        }
        keys.retain(|k| !k.is_empty() && !k.contains(['{', '$']));
        keys
    }

    #[test]
    fn every_word_is_in_both_catalogs() {
        let keys = keys_used();
        assert!(keys.len() > 400, "found only {} keys", keys.len());
        for lang in [Lang::Sv, Lang::En] {
            let ui = catalog::section(lang, "ui");
            let missing: Vec<&String> = keys
                .iter()
                .filter(|k| !ui.contains_key(k.as_str()))
                .collect();
            assert!(missing.is_empty(), "{lang:?} [ui] lacks {missing:?}");
        }
    }

    #[test]
    fn words_follow_the_interface_language() {
        catalog::use_interface_lang_in_this_thread(Lang::Sv);
        assert_eq!(tab_meetings(), "Möten");
        assert_eq!(open_points(2), "2 öppna punkter");
        catalog::use_interface_lang_in_this_thread(Lang::En);
        assert_eq!(tab_meetings(), "Meetings");
        assert_eq!(open_points(1), "1 open point");
    }

    #[test]
    fn numbers_are_grouped_as_the_language_writes_them() {
        catalog::use_interface_lang_in_this_thread(Lang::Sv);
        assert_eq!(number(1_234_567), "1\u{a0}234\u{a0}567");
        assert_eq!(number(999), "999");
        catalog::use_interface_lang_in_this_thread(Lang::En);
        assert_eq!(number(100_000), "100,000");
        assert_eq!(number(0), "0");
    }
}
