//! A save that finds its row changed elsewhere (another window, a command) since it
//! was loaded. Nothing is overwritten silently: the user chooses to reload the stored
//! version, keep theirs (overwriting it), or see both side by side first. One
//! mechanism for every form that edits an existing row and for the note editor.

use super::{App, Form, FormKind, Overlay, forms};
use crate::app::Action;
use crate::domain::{EntityKind, TextEnum};
use crate::store::{NoteSaved, StoreError};
use crate::text;

/// What the conflicting save was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictSubject {
    /// The open form.
    Form,
    /// The open note editor (its autosave has stopped).
    Note,
}

/// One field that differs: its name, the user's text and the stored text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRow {
    pub label: String,
    pub mine: String,
    pub stored: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub subject: ConflictSubject,
    /// The fields whose text differs, for "see both".
    pub rows: Vec<ConflictRow>,
    /// Showing both versions (after `b`).
    pub both: bool,
    pub scroll: u16,
    /// The row was moved to the trash elsewhere: "keep mine" brings it back.
    pub trashed: bool,
}

impl App {
    /// The form `kind` as the store holds its row now, with the row's version; `None`
    /// for a form that does not edit an existing row, or whose row is gone.
    ///
    /// The version is read before the row: a change in between makes the version
    /// older than the values, which at worst asks once too often, never overwrites.
    pub(super) fn stored_form(&mut self, kind: FormKind) -> Result<Option<Form>, StoreError> {
        if let FormKind::RoundCell {
            question_id,
            organisation_id,
        } = kind
        {
            return self.stored_cell_form(question_id, organisation_id);
        }
        let Some((entity, id)) = kind.row() else {
            return Ok(None);
        };
        let version = match self.store.version(entity, id) {
            Err(StoreError::NotFound) => return Ok(None),
            other => other?,
        };
        let clock = self.clock();
        let store = &self.store;
        let mut form = match kind {
            FormKind::Project { .. } => forms::project_form(Some(&store.project(id)?)),
            FormKind::Organisation { .. } => {
                forms::organisation_form(Some(&store.organisation(id)?))
            }
            FormKind::Person { .. } => forms::person_form(Some(&store.person(id)?)),
            FormKind::Milestone { project_id, .. } => {
                forms::milestone_form(project_id, Some(&store.milestone(id)?))
            }
            FormKind::Meeting { project_id, .. } => {
                forms::meeting_form(project_id, Some(&store.meeting(id)?), &clock)
            }
            FormKind::AgendaItem { meeting_id, .. } => {
                let agenda = store.agenda(meeting_id)?;
                let Some(item) = agenda.iter().find(|i| i.id == id) else {
                    return Ok(None);
                };
                forms::agenda_item_form(meeting_id, Some(item))
            }
            FormKind::Need { project_id, .. } => {
                forms::need_form(project_id, Some(&store.need(id)?))
            }
            FormKind::Suggestion { project_id, .. } => {
                let s = store.suggestion(id)?;
                let phase = store.project(project_id)?.phase;
                let meetings = self.meeting_choices(project_id);
                forms::suggestion_form(project_id, Some(&s), phase, &meetings)
            }
            FormKind::Lesson { project_id, .. } => {
                let lesson = store.lesson(id)?;
                let projects = store
                    .list_projects(&Default::default())?
                    .into_iter()
                    .map(|p| (p.id, format!("{} {}", p.code, p.title)))
                    .collect::<Vec<_>>();
                forms::lesson_form(project_id, Some(&lesson), &projects)
            }
            FormKind::Decision {
                project_id,
                meeting_id,
                ..
            } => {
                let decisions = store.decisions(Some(project_id), None)?;
                let Some(d) = decisions.iter().find(|d| d.id == id) else {
                    return Ok(None);
                };
                forms::decision_form(project_id, meeting_id, Some(d), clock.today())
            }
            FormKind::Action {
                project_id,
                meeting_id,
                ..
            } => forms::action_form(project_id, meeting_id, Some(&store.action(id)?)),
            FormKind::Answer { .. } => forms::answer_form(&store.question(id)?),
            FormKind::Information { project_id, .. } => {
                let item = store.information_item(id)?;
                let meetings = self.meeting_choices(project_id);
                let defaults = forms::InformationDefaults {
                    meeting_id: None,
                    given_on: item.given_on,
                    title: "",
                    recipients: String::new(),
                };
                forms::information_form(project_id, Some(&item), &meetings, defaults)
            }
            FormKind::Interest { project_id, .. } => {
                forms::interest_form(project_id, Some(&self.store.interest(id)?))
            }
            FormKind::RoundQuestion { round_id, .. } => {
                forms::round_question_form(round_id, Some(&store.round_question(id)?))
            }
            FormKind::RoundSupplier { round_id } => {
                let round = store.round(round_id)?;
                let mut form = forms::round_supplier_form(round_id);
                form.basis = Some(format!("{} · {}", round.title, round.kind.label()));
                form.version = Some(version);
                return Ok(Some(form));
            }
            // Forms that add to their row: a fresh form, and the row in a line.
            FormKind::Participant { meeting_id } => {
                let m = store.meeting(meeting_id)?;
                let when = clock.local(m.start).format("%Y-%m-%d %H:%M");
                let mut form = forms::participant_form(meeting_id);
                form.basis = Some(format!("{} · {when} · {}", m.title, m.status.label()));
                form.version = Some(version);
                return Ok(Some(form));
            }
            FormKind::Evidence { need_id } | FormKind::NeedReason { need_id, .. } => {
                let need = store.need(need_id)?;
                let basis = format!("{} {} · {}", need.code, need.statement, need.status.label());
                let mut form = match kind {
                    FormKind::NeedReason { to, .. } => {
                        forms::need_reason_form(need_id, &need.code, to)
                    }
                    _ => {
                        let meetings = self.meeting_choices(need.project_id);
                        forms::evidence_form(need_id, &meetings)
                    }
                };
                form.basis = Some(basis);
                form.version = Some(version);
                return Ok(Some(form));
            }
            _ => return Ok(None),
        };
        form.version = Some(version);
        Ok(Some(form))
    }

    /// A matrix cell's form as the store has the answer now, with the answer row's
    /// version; `None` when the question or the supplier is gone from the round.
    fn stored_cell_form(
        &mut self,
        question_id: i64,
        organisation_id: i64,
    ) -> Result<Option<Form>, StoreError> {
        let question = match self.store.round_question(question_id) {
            Err(StoreError::NotFound) => return Ok(None),
            other => other?,
        };
        let suppliers = self.store.round_suppliers(question.round_id)?;
        let Some(supplier) = suppliers
            .iter()
            .find(|s| s.organisation_id == organisation_id)
        else {
            return Ok(None);
        };
        let answer = self.store.answer(question_id, organisation_id)?;
        let mut form = forms::round_cell_form(&question, supplier, answer.as_ref());
        form.version = Some(self.store.answer_version(question_id, organisation_id)?);
        Ok(Some(form))
    }

    /// The open form's save found its row changed elsewhere: its draft is kept, and
    /// the user is asked what to do.
    pub(super) fn form_conflict(&mut self) {
        self.save_draft();
        let Some(form) = &self.form else { return };
        let stored = self.stored_form(form.kind);
        let stored = self.report(stored);
        let Some(form) = &self.form else { return };
        let rows = match stored {
            // What was added to it is new; the row itself is what changed.
            Some(Some(stored)) if form.kind.adds_to_row() => {
                let (mine, now) = (form.basis.clone(), stored.basis.clone());
                let label = match form.kind.row() {
                    Some((crate::domain::EntityKind::Meeting, _)) => text::kind_meeting(),
                    Some((crate::domain::EntityKind::Round, _)) => text::kind_round(),
                    _ => text::kind_need(),
                };
                (mine != now)
                    .then(|| ConflictRow {
                        label: label.to_string(),
                        mine: mine.unwrap_or_default(),
                        stored: now.unwrap_or_default(),
                    })
                    .into_iter()
                    .collect()
            }
            Some(Some(stored)) => form
                .fields
                .iter()
                .filter(|f| f.value() != stored.value(f.key))
                .map(|f| ConflictRow {
                    label: f.label.to_string(),
                    mine: f.value(),
                    stored: stored.value(f.key),
                })
                .collect(),
            _ => Vec::new(),
        };
        let trashed = self.form_row_trashed();
        self.open_conflict(ConflictSubject::Form, rows, trashed);
    }

    /// Whether the open form's row was moved to the trash (elsewhere).
    fn form_row_trashed(&mut self) -> bool {
        // An answer's row is its question: an answer to a question in the trash is
        // asked about like an edit of a row in the trash.
        if let Some(FormKind::RoundCell { question_id, .. }) = self.form.as_ref().map(|f| f.kind) {
            let trashed = self.store.question_trashed(question_id);
            return self.report(trashed).unwrap_or(false);
        }
        let Some((entity, id)) = self.form.as_ref().and_then(|f| f.kind.row()) else {
            return false;
        };
        let trashed = self.store.is_trashed(entity, id);
        self.report(trashed).unwrap_or(false)
    }

    /// The note editor's save found its note changed elsewhere: autosave stops (the
    /// text stays in the editor and its draft file), and the user is asked.
    pub(super) fn note_conflict(&mut self) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        editor.conflict = true;
        let (uuid, mine) = (editor.uuid.clone(), editor.text());
        let stored = self.report(self.store.note_by_uuid(&uuid)).flatten();
        let stored = stored.map(|(n, _)| n.body).unwrap_or_default();
        let rows = vec![ConflictRow {
            label: text::kind_note().to_string(),
            mine,
            stored,
        }];
        let trashed = self
            .store
            .note_by_uuid(&uuid)
            .ok()
            .flatten()
            .is_some_and(|(n, _)| {
                self.store
                    .is_trashed(EntityKind::Note, n.id)
                    .unwrap_or(false)
            });
        self.open_conflict(ConflictSubject::Note, rows, trashed);
    }

    fn open_conflict(&mut self, subject: ConflictSubject, rows: Vec<ConflictRow>, trashed: bool) {
        self.overlay = Some(Overlay::Conflict(Conflict {
            subject,
            rows,
            both: false,
            scroll: 0,
            trashed,
        }));
        self.error(match (subject, trashed) {
            (_, true) => text::msg_trashed_elsewhere(),
            (ConflictSubject::Form, false) => text::msg_changed_elsewhere(),
            (ConflictSubject::Note, false) => text::msg_note_changed_elsewhere(),
        });
    }

    pub(super) fn update_conflict(&mut self, action: Action) {
        let Some(Overlay::Conflict(conflict)) = &mut self.overlay else {
            return;
        };
        let subject = conflict.subject;
        match action {
            Action::ConflictSeeBoth => conflict.both = true,
            Action::Up => conflict.scroll = conflict.scroll.saturating_sub(1),
            Action::Down => conflict.scroll = conflict.scroll.saturating_add(1),
            Action::ConflictReload => {
                self.overlay = None;
                match subject {
                    ConflictSubject::Form => self.reload_form(),
                    ConflictSubject::Note => self.reload_note(),
                }
            }
            Action::ConflictKeepMine => {
                self.overlay = None;
                match subject {
                    ConflictSubject::Form => self.keep_my_form(),
                    ConflictSubject::Note => self.keep_my_note(),
                }
            }
            Action::Back => {
                // Decided later: the form stays open unsaved, or the editor keeps its
                // text without writing it; the next save asks again.
                self.overlay = None;
                self.info(match subject {
                    ConflictSubject::Form => text::msg_conflict_later(),
                    ConflictSubject::Note => text::msg_note_conflict_later(),
                });
            }
            _ => {}
        }
    }

    /// "Reload": the form shows the stored row; what was typed is dropped. A row in
    /// the trash is not edited: the form closes and says where the row is.
    fn reload_form(&mut self) {
        let Some((kind, focus)) = self.form.as_ref().map(|f| (f.kind, f.focus)) else {
            return;
        };
        if self.form_row_trashed() {
            self.close_form(true);
            self.refresh();
            return self.info(text::msg_reloaded_in_trash());
        }
        let stored = self.stored_form(kind);
        match self.report(stored) {
            Some(Some(mut stored)) => {
                self.close_form(true);
                stored.set_focus(focus);
                self.form = Some(stored);
                self.info(text::msg_reloaded());
            }
            Some(None) => {
                self.close_form(true);
                self.info(text::msg_gone());
            }
            None => {}
        }
    }

    /// "Keep mine": the form saves over the stored row, now knowingly; a row moved to
    /// the trash elsewhere comes back out of it with the save (one transaction).
    fn keep_my_form(&mut self) {
        let Some(kind) = self.form.as_ref().map(|f| f.kind) else {
            return;
        };
        let version = match (kind, kind.row()) {
            (
                FormKind::RoundCell {
                    question_id,
                    organisation_id,
                },
                _,
            ) => self.store.answer_version(question_id, organisation_id),
            (_, Some((entity, id))) => self.store.version(entity, id),
            _ => return,
        };
        let trashed = self.form_row_trashed();
        if let Some(version) = self.report(version)
            && let Some(form) = &mut self.form
        {
            form.version = Some(version);
            self.save_form_bringing_back(trashed);
        }
    }

    /// "Reload": the editor takes the stored note (text, label, version); what was
    /// typed since is dropped.
    fn reload_note(&mut self) {
        let Some(uuid) = self.editor.as_ref().map(|e| e.uuid.clone()) else {
            return;
        };
        let stored = self.store.note_by_uuid(&uuid);
        let Some(stored) = self.report(stored) else {
            return;
        };
        let Some((note, version)) = stored else {
            // Gone altogether: keeping the text is the only way not to lose it.
            return self.keep_my_note();
        };
        if let Some(editor) = &mut self.editor {
            editor.area = super::form::text_area(&note.body);
            editor.area.set_max_histories(500);
            editor
                .area
                .move_cursor(ratatui_textarea::CursorMove::Bottom);
            editor.area.move_cursor(ratatui_textarea::CursorMove::End);
            editor.saved = note.body;
            editor.note_id = note.id;
            editor.version = version;
            editor.confidentiality = note.confidentiality;
            editor.conflict = false;
            editor.save_failed = false;
            if editor.kept.take().is_some() {
                self.dirs.drafts.forget_note(&uuid);
            }
        }
        self.note_autosave.done();
        self.info(text::msg_reloaded());
    }

    /// "Keep mine": the editor's text goes over the stored note (or makes it again).
    fn keep_my_note(&mut self) {
        let Some(editor) = &self.editor else { return };
        let target = editor.target();
        let body = editor.text();
        match self.store.overwrite_note_text(&target, &body) {
            Ok((id, version)) => {
                let saved_at = self.store.clock().timestamp();
                if let Some(editor) = &mut self.editor {
                    editor.note_id = id;
                    editor.version = version;
                    editor.saved = body;
                    editor.saved_at = Some(saved_at);
                    editor.conflict = false;
                    editor.save_failed = false;
                    if editor.kept.take().is_some() {
                        self.dirs.drafts.forget_note(&editor.uuid);
                    }
                }
                self.note_autosave.done();
                self.info(text::msg_note_saved());
            }
            Err(e) => {
                self.keep_note_in_file(&body);
                let kept = self.editor.as_ref().and_then(|e| e.kept.clone());
                self.error(text::not_saved(&e.to_string(), kept.as_deref()));
            }
        }
    }

    /// Writes the editor's note; what came of it (see `NoteSaved`).
    pub(super) fn write_note(&mut self, body: &str) -> Result<NoteSaved, StoreError> {
        let Some(editor) = &self.editor else {
            return Err(StoreError::NotFound);
        };
        let target = editor.target();
        self.store.save_note_text(&target, body)
    }

    /// The editor's note label, changed only if the note is still as loaded.
    pub(super) fn set_editor_label(&mut self, to: crate::domain::Confidentiality) -> bool {
        let Some(editor) = &self.editor else {
            return false;
        };
        let target = editor.target();
        match self.store.set_note_label_if_unchanged(&target, to) {
            Ok(version) => {
                if let Some(editor) = &mut self.editor {
                    editor.version = version;
                    editor.confidentiality = to;
                }
                true
            }
            Err(StoreError::Changed) => {
                self.note_conflict();
                false
            }
            Err(e) => {
                self.report::<()>(Err(e));
                false
            }
        }
    }
}
