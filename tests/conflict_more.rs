//! More ways text could be saved over a change made elsewhere, each of which must end
//! in the same choice as a live conflict (reload / keep mine / see both): a note's
//! draft file given back at start-up, `$EDITOR` run from the Notes tab, "keep mine" on
//! a row moved to the trash elsewhere, and the forms that add to a row (participants,
//! evidence, a need's reason).

mod common;

use std::path::Path;

use crossterm::event::KeyCode;
use tidig::app::forms;
use tidig::app::keymap::Context;
use tidig::app::{App, MeetingTab, Overlay, ProjectTab};
use tidig::domain::{EntityKind, MeetingStatus, NeedInput, NeedStatus, TextEnum};
use tidig::draft_files::DraftFiles;
use tidig::store::Store;

use common::clock;
use common::screen::{ch, ctrl, meeting_tab, open_project, press, project_tab, type_str};
use common::store::workshop_with_note;

/// A file store with NORR-24, a meeting and a note; the app on it; the note's id.
fn app_in(dir: &Path) -> (App, i64) {
    let db = dir.join("t.db");
    let mut store = Store::open(&db, clock()).unwrap();
    let note = workshop_with_note(&mut store, "Start.");
    let mut app = App::new(store);
    app.dirs.drafts = DraftFiles::for_store(&db, None);
    (app, note)
}

/// The other window.
fn other(dir: &Path) -> Store {
    Store::open(&dir.join("t.db"), clock()).unwrap()
}

/// A second start on the same store and draft folder.
fn restart(dir: &Path) -> App {
    let mut app = App::new(other(dir));
    app.dirs.drafts = DraftFiles::for_store(&dir.join("t.db"), None);
    app
}

fn body(app: &App, id: i64) -> String {
    app.store.note(id).unwrap().body
}

fn conflict(app: &App) -> &tidig::app::Conflict {
    match &app.overlay {
        Some(Overlay::Conflict(c)) => c,
        other => panic!("no conflict dialog: {other:?}"),
    }
}

fn need_in(store: &mut Store) -> i64 {
    let project = store.project_by_code("NORR-24").unwrap().id;
    let input = NeedInput {
        statement: "Larm som når rätt person".into(),
        ..Default::default()
    };
    store.create_need(project, &input).unwrap()
}

// ----- 1. draft files given back at start-up -------------------------------------------

#[test]
fn a_kept_note_whose_note_changed_since_opens_the_conflict_instead_of_writing() {
    let dir = tempfile::tempdir().unwrap();
    let (app, id) = app_in(dir.path());
    let uuid = app.store.note(id).unwrap().uuid;
    let version = app.store.version(EntityKind::Note, id).unwrap();
    // A save failed: the text was kept, typed over the note at `version`.
    app.dirs
        .drafts
        .keep_note(&uuid, version, "Start. Text från körningen som föll.")
        .unwrap();
    drop(app);
    // Meanwhile another window changes the note.
    other(dir.path())
        .update_note_body(id, "Start. Ändrat i fönster B.")
        .unwrap();

    let mut app = restart(dir.path());
    app.restore_draft_files();
    assert_eq!(
        body(&app, id),
        "Start. Ändrat i fönster B.",
        "not overwritten"
    );
    assert_eq!(app.context(), Context::Conflict);
    // Killed now, the next start must ask again: the file still names the old version.
    assert_eq!(app.dirs.drafts.note(&uuid).unwrap().version, Some(version));
    assert_eq!(
        app.editor.as_ref().unwrap().text(),
        "Start. Text från körningen som föll."
    );
    ch(&mut app, 'b');
    let rows = &conflict(&app).rows;
    assert_eq!(rows[0].mine, "Start. Text från körningen som föll.");
    assert_eq!(rows[0].stored, "Start. Ändrat i fönster B.");
    ch(&mut app, 'k');
    assert_eq!(body(&app, id), "Start. Text från körningen som föll.");
    assert!(
        app.dirs.drafts.found().is_empty(),
        "the file went with the save"
    );
}

#[test]
fn a_kept_note_without_a_version_counts_as_unknown_and_asks() {
    let dir = tempfile::tempdir().unwrap();
    let (app, id) = app_in(dir.path());
    let uuid = app.store.note(id).unwrap().uuid;
    drop(app);
    // A file from before versions were kept: the body alone.
    let folder = dir.path().join("t.db-drafts");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join(format!("note-{uuid}.md")), "Gammal fil.").unwrap();

    let mut app = restart(dir.path());
    app.restore_draft_files();
    assert_eq!(body(&app, id), "Start.");
    assert_eq!(app.context(), Context::Conflict);
    // Still unknown in the file (no row is at version 0), so a kill now asks again.
    let kept = app.dirs.drafts.note(&uuid).unwrap();
    assert_eq!((kept.body.as_str(), kept.version), ("Gammal fil.", Some(0)));
    drop(app);
    let mut app = restart(dir.path());
    app.restore_draft_files();
    assert_eq!(app.context(), Context::Conflict);
    assert_eq!(body(&app, id), "Start.");
    // Reload: the stored text wins, the kept one is dropped with its file.
    ch(&mut app, 'r');
    assert_eq!(app.editor.as_ref().unwrap().text(), "Start.");
    assert!(app.dirs.drafts.found().is_empty());
}

#[test]
fn a_kept_note_at_its_own_version_is_written_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let (app, id) = app_in(dir.path());
    let uuid = app.store.note(id).unwrap().uuid;
    let version = app.store.version(EntityKind::Note, id).unwrap();
    app.dirs
        .drafts
        .keep_note(&uuid, version, "Start. Sparas nu.")
        .unwrap();
    drop(app);
    let mut app = restart(dir.path());
    app.restore_draft_files();
    assert_eq!(body(&app, id), "Start. Sparas nu.");
    assert!(app.overlay.is_none());
    assert!(app.dirs.drafts.found().is_empty());
}

#[test]
fn a_note_opened_with_a_stale_kept_file_asks_too() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, id) = app_in(dir.path());
    let uuid = app.store.note(id).unwrap().uuid;
    let version = app.store.version(EntityKind::Note, id).unwrap();
    app.dirs
        .drafts
        .keep_note(&uuid, version, "Kvar i fil.")
        .unwrap();
    other(dir.path()).update_note_body(id, "Nyare.").unwrap();
    open_project(&mut app, "NORR-24");
    project_tab(&mut app, ProjectTab::Meetings);
    press(&mut app, KeyCode::Enter);
    meeting_tab(&mut app, MeetingTab::Notes);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Conflict);
    app.tick_at(std::time::Instant::now() + std::time::Duration::from_secs(10));
    assert_eq!(body(&app, id), "Nyare.", "autosave waits for the choice");
}

// ----- 2. $EDITOR from the Notes tab ---------------------------------------------------

#[test]
fn an_external_edit_of_a_note_changed_meanwhile_asks_instead_of_writing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, id) = app_in(dir.path());
    open_project(&mut app, "NORR-24");
    project_tab(&mut app, ProjectTab::Meetings);
    press(&mut app, KeyCode::Enter);
    meeting_tab(&mut app, MeetingTab::Notes);
    ch(&mut app, 'E');
    let Some(tidig::app::Effect::EditExternally { version, .. }) = app.effect.take() else {
        panic!("E asks for $EDITOR");
    };
    // While $EDITOR runs, another window saves the note.
    other(dir.path()).update_note_body(id, "Från B.").unwrap();
    let uuid = app.store.note(id).unwrap().uuid;
    app.external_edit_done(&uuid, version, Ok("Från $EDITOR.\n".into()));
    assert_eq!(body(&app, id), "Från B.");
    assert_eq!(app.context(), Context::Conflict);
    assert_eq!(app.dirs.drafts.note(&uuid).unwrap().version, Some(version));
    assert_eq!(app.editor.as_ref().unwrap().text(), "Från $EDITOR.");
    let kept = app.editor.as_ref().unwrap().kept.clone();
    assert!(kept.is_some_and(|p| p.exists()), "kept in a draft file");
    ch(&mut app, 'k');
    assert_eq!(body(&app, id), "Från $EDITOR.");
}

// ----- 3. keep mine on a row moved to the trash ----------------------------------------

#[test]
fn keep_mine_on_a_project_trashed_elsewhere_brings_it_back_with_the_save() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_in(dir.path());
    ch(&mut app, 'e');
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, " (A)");
    let project = app.store.project_by_code("NORR-24").unwrap().id;
    other(dir.path())
        .trash(EntityKind::Project, project)
        .unwrap();
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::Conflict);
    assert!(conflict(&app).trashed);
    let screen = common::screen::render(&app, 80, 24);
    assert!(screen.contains("trash"), "{screen}");
    ch(&mut app, 'k');
    assert!(app.form.is_none());
    assert!(!app.store.is_trashed(EntityKind::Project, project).unwrap());
    let p = app.store.project(project).unwrap();
    assert_eq!(p.title, "Hemtjänst i Norrbotten (A)");
    let status = app.status.clone().unwrap().text;
    assert!(status.contains("brought back from the trash"), "{status}");
}

#[test]
fn reload_on_a_row_trashed_elsewhere_leaves_it_in_the_trash() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_in(dir.path());
    ch(&mut app, 'e');
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, " (A)");
    let project = app.store.project_by_code("NORR-24").unwrap().id;
    other(dir.path())
        .trash(EntityKind::Project, project)
        .unwrap();
    ctrl(&mut app, 's');
    ch(&mut app, 'r');
    assert!(app.form.is_none(), "nothing to edit outside the trash");
    assert!(app.store.is_trashed(EntityKind::Project, project).unwrap());
    assert_eq!(
        app.store.project(project).unwrap().title,
        "Hemtjänst i Norrbotten"
    );
}

#[test]
fn an_invalid_keep_mine_leaves_the_row_in_the_trash() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_in(dir.path());
    ch(&mut app, 'e');
    press(&mut app, KeyCode::Tab);
    // The title emptied: the save cannot pass.
    for _ in 0..40 {
        press(&mut app, KeyCode::Backspace);
    }
    let project = app.store.project_by_code("NORR-24").unwrap().id;
    other(dir.path())
        .trash(EntityKind::Project, project)
        .unwrap();
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::Conflict);
    ch(&mut app, 'k');
    assert_eq!(app.context(), Context::Form, "the title is still required");
    assert!(app.store.is_trashed(EntityKind::Project, project).unwrap());
}

// ----- 4. forms that add to a row ------------------------------------------------------

#[test]
fn a_participant_added_to_a_meeting_cancelled_elsewhere_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, note) = app_in(dir.path());
    let meeting = app.store.note(note).unwrap().meeting_id;
    app.open_form(forms::participant_form(meeting));
    type_str(&mut app, "Eva Lind");
    other(dir.path())
        .set_meeting_status(meeting, MeetingStatus::Cancelled)
        .unwrap();
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::Conflict);
    assert!(app.store.attendance(meeting).unwrap().is_empty());
    ch(&mut app, 'b');
    let row = &conflict(&app).rows[0];
    assert_eq!(row.label, tidig::text::kind_meeting());
    assert!(
        row.stored.contains(MeetingStatus::Cancelled.label()),
        "{row:?}"
    );
    assert!(
        !row.mine.contains(MeetingStatus::Cancelled.label()),
        "{row:?}"
    );
    ch(&mut app, 'k');
    assert!(app.form.is_none());
    assert_eq!(app.store.attendance(meeting).unwrap().len(), 1);
}

#[test]
fn a_need_rejected_over_a_status_change_elsewhere_asks_and_reload_starts_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_in(dir.path());
    let need = need_in(&mut app.store);
    app.open_form(forms::need_reason_form(need, "B-001", NeedStatus::Rejected));
    type_str(&mut app, "Utanför uppdraget");
    other(dir.path())
        .set_need_status(need, NeedStatus::Validated, "")
        .unwrap();
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::Conflict);
    assert_eq!(app.store.need(need).unwrap().status, NeedStatus::Validated);
    ch(&mut app, 'r');
    assert_eq!(app.context(), Context::Form);
    assert_eq!(app.form.as_ref().unwrap().value("reason"), "");
    type_str(&mut app, "Ändå utanför");
    ctrl(&mut app, 's');
    assert!(app.form.is_none());
    let stored = app.store.need(need).unwrap();
    assert_eq!(stored.status, NeedStatus::Rejected);
    assert_eq!(stored.status_reason, "Ändå utanför");
}

#[test]
fn evidence_for_a_need_trashed_elsewhere_asks_and_keep_mine_brings_the_need_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_in(dir.path());
    let need = need_in(&mut app.store);
    app.open_form(forms::evidence_form(need, &[]));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "Rapport 2025");
    other(dir.path()).trash(EntityKind::Need, need).unwrap();
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::Conflict);
    assert!(conflict(&app).trashed);
    assert!(app.store.evidence(need).unwrap().is_empty());
    ch(&mut app, 'k');
    assert!(app.form.is_none());
    assert!(!app.store.is_trashed(EntityKind::Need, need).unwrap());
    assert_eq!(app.store.evidence(need).unwrap().len(), 1);
}

#[test]
fn forms_that_add_to_a_row_save_without_asking_when_nothing_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, note) = app_in(dir.path());
    let meeting = app.store.note(note).unwrap().meeting_id;
    app.open_form(forms::participant_form(meeting));
    type_str(&mut app, "Eva Lind");
    ctrl(&mut app, 's');
    assert!(app.form.is_none());
    // A second one right after: the first did not move the meeting's version on.
    app.open_form(forms::participant_form(meeting));
    type_str(&mut app, "Per Ek");
    ctrl(&mut app, 's');
    assert!(app.form.is_none());
    assert_eq!(app.store.attendance(meeting).unwrap().len(), 2);
}

/// `$EDITOR` open on a note (from the Notes list) while another window purges it: the
/// note is addressed by UUID, so the text never lands in another row; it is kept in a
/// private draft file, the status line says where, and the next start leaves it there
/// (saying so) rather than losing it.
#[test]
fn an_external_edit_of_a_note_purged_meanwhile_is_kept_in_a_draft_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, id) = app_in(dir.path());
    open_project(&mut app, "NORR-24");
    project_tab(&mut app, ProjectTab::Meetings);
    press(&mut app, KeyCode::Enter);
    meeting_tab(&mut app, MeetingTab::Notes);
    ch(&mut app, 'E');
    let Some(tidig::app::Effect::EditExternally {
        note_uuid, version, ..
    }) = app.effect.take()
    else {
        panic!("E asks for $EDITOR");
    };
    assert_eq!(note_uuid, app.store.note(id).unwrap().uuid);
    // While $EDITOR runs, another window purges the note and writes a new one.
    let (meeting, fresh) = {
        let mut b = other(dir.path());
        b.trash(EntityKind::Note, id).unwrap();
        b.purge(EntityKind::Note, id).unwrap();
        let meeting = app.meeting.as_ref().unwrap().meeting.id;
        let fresh = b
            .create_note(
                meeting,
                None,
                "B:s nya.",
                tidig::domain::Confidentiality::Internal,
            )
            .unwrap();
        (meeting, fresh)
    };
    assert_ne!(fresh, id, "row ids are never handed out again");
    app.external_edit_done(&note_uuid, version, Ok("Från $EDITOR.\n".into()));

    let kept = app
        .dirs
        .drafts
        .note(&note_uuid)
        .expect("kept in a draft file");
    assert_eq!(kept.body, "Från $EDITOR.");
    assert_eq!(kept.version, Some(version));
    let status = app.status.as_ref().unwrap();
    assert!(
        status.text.contains(&kept.path.display().to_string())
            && status.text.contains("deleted or moved to the trash"),
        "{}",
        status.text
    );
    // Nothing else took the text.
    assert_eq!(body(&app, fresh), "B:s nya.");
    assert!(
        app.store
            .notes(meeting)
            .unwrap()
            .iter()
            .all(|n| n.body != "Från $EDITOR.")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&kept.path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "private");
    }

    // A new start cannot give it back (the note is gone): the file stays and is named.
    let mut again = restart(dir.path());
    again.restore_draft_files();
    assert!(again.dirs.drafts.note(&note_uuid).is_some());
    assert!(
        again
            .status
            .as_ref()
            .unwrap()
            .text
            .contains("could not be restored"),
        "{:?}",
        again.status
    );
}

/// The same with the note moved to the trash (not purged): the trashed note is not
/// written behind the user's back; the text is kept in a draft file.
#[test]
fn an_external_edit_of_a_note_trashed_meanwhile_is_kept_in_a_draft_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, id) = app_in(dir.path());
    open_project(&mut app, "NORR-24");
    project_tab(&mut app, ProjectTab::Meetings);
    press(&mut app, KeyCode::Enter);
    meeting_tab(&mut app, MeetingTab::Notes);
    ch(&mut app, 'E');
    let Some(tidig::app::Effect::EditExternally {
        note_uuid, version, ..
    }) = app.effect.take()
    else {
        panic!("E asks for $EDITOR");
    };
    other(dir.path()).trash(EntityKind::Note, id).unwrap();
    app.external_edit_done(&note_uuid, version, Ok("Från $EDITOR.\n".into()));
    assert_eq!(body(&app, id), "Start.", "the trashed note is untouched");
    let kept = app
        .dirs
        .drafts
        .note(&note_uuid)
        .expect("kept in a draft file");
    assert_eq!(kept.body, "Från $EDITOR.");
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains(&kept.path.display().to_string())
    );
}

/// A round of NORR-24 with one question and one supplier: (question, supplier).
fn round_cell_in(
    store: &mut Store,
) -> (tidig::domain::RoundQuestion, tidig::domain::RoundSupplier) {
    use tidig::domain::{OrgKind, OrganisationInput, RoundInput, RoundKind};
    let project = store.project_by_code("NORR-24").unwrap().id;
    let round = store
        .create_round(
            project,
            &RoundInput {
                kind: RoundKind::OneToOne,
                title: "Enskilda dialoger".into(),
                purpose: String::new(),
            },
        )
        .unwrap();
    store
        .add_round_question(round, "Hur prissätts tjänsten?")
        .unwrap();
    let org = store
        .create_organisation(&OrganisationInput {
            name: "Omsorgsdata AB".into(),
            kind: OrgKind::Supplier,
        })
        .unwrap();
    store.add_round_supplier(round, org).unwrap();
    (
        store.round_questions(round).unwrap().remove(0),
        store.round_suppliers(round).unwrap().remove(0),
    )
}

/// An answer typed while another window puts its question in the trash is not written
/// to the trashed question: the user is asked, and "keep mine" brings the question
/// back with the answer, in one go.
#[test]
fn an_answer_to_a_question_trashed_elsewhere_asks_and_keep_mine_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_in(dir.path());
    let (question, supplier) = round_cell_in(&mut app.store);
    app.open_form(forms::round_cell_form(&question, &supplier, None));
    type_str(&mut app, "Per brukare och månad.");
    other(dir.path())
        .trash(EntityKind::RoundQuestion, question.id)
        .unwrap();
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::Conflict);
    assert!(conflict(&app).trashed);
    let answer = |app: &App| {
        app.store
            .answer(question.id, supplier.organisation_id)
            .unwrap()
    };
    assert!(
        answer(&app).is_none(),
        "nothing written to a trashed question"
    );
    ch(&mut app, 'k');
    assert!(app.form.is_none());
    assert!(
        !app.store
            .is_trashed(EntityKind::RoundQuestion, question.id)
            .unwrap()
    );
    assert_eq!(answer(&app).unwrap().body, "Per brukare och månad.");
}

/// The store never files an answer under a question in the trash, whichever way it
/// comes (the answer form, a line from the notes editor).
#[test]
fn the_store_refuses_answers_to_a_question_in_the_trash() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _) = app_in(dir.path());
    let (question, supplier) = round_cell_in(&mut app.store);
    let store = &mut app.store;
    store.trash(EntityKind::Round, question.round_id).unwrap();
    let label = tidig::domain::Confidentiality::Internal;
    for result in [
        store.record_answer(question.id, supplier.organisation_id, None, "Svar", label),
        store.append_to_answer(question.id, supplier.organisation_id, None, "Rad", label),
    ] {
        assert!(
            matches!(
                result,
                Err(tidig::store::StoreError::Conflict(
                    "question",
                    tidig::domain::FieldError::QuestionInTrash
                ))
            ),
            "{result:?}"
        );
    }
    assert!(
        store
            .answer(question.id, supplier.organisation_id)
            .unwrap()
            .is_none()
    );
}
