//! Notes during and after a meeting: the Notes and Outcomes tabs, the note editor with
//! autosave and quick capture, the actions screen and a project's decisions.

use super::form::text_area;
use super::unreadable::{is_about_selected, unreadable_target};

use super::{Action, App, Cursor, Effect, MeetingTab, NoteEditor, Outcome, Pending, forms};
use crate::domain::{Confidentiality, NotesStatus, TextEnum};
use crate::domain::{EntityKind, EntityRef};
use crate::store::NoteSaved;
use crate::text;

/// Text for the note editor to open with instead of the stored body: from a draft file
/// or from `$EDITOR`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct GivenText {
    pub body: String,
    /// The note's version the text was typed over; `None` when not known (a draft file
    /// from before versions were kept).
    pub base: Option<i64>,
    /// The draft file that holds it, removed once it is saved.
    pub file: Option<std::path::PathBuf>,
}

fn next_label(c: Confidentiality) -> Confidentiality {
    let all = Confidentiality::ALL;
    all[(c.index() + 1) % all.len()]
}

impl App {
    /// `l` on an outcome: its next label, saved at once, as on notes.
    pub(super) fn cycle_label(&mut self, kind: EntityKind, id: i64, current: Confidentiality) {
        let to = next_label(current);
        let result = self.store.set_label(kind, id, to);
        self.after_write(result, format!("{}: {}", text::field_label(), to.label()));
    }

    /// `L` on a need's evidence: its next label.
    pub(super) fn cycle_evidence_label(&mut self, id: i64, current: Confidentiality) {
        let to = next_label(current);
        let result = self.store.set_evidence_label(id, to);
        self.after_write(result, format!("{}: {}", text::field_label(), to.label()));
    }

    // ----- the Notes tab ------------------------------------------------------------

    pub(super) fn update_meeting_notes(&mut self, action: Action) {
        let Some(state) = &self.meeting else { return };
        let meeting_id = state.meeting.id;
        let at = state.cursor.selected;
        if let Some(id) = unreadable_target(&state.notes, &state.unreadable.notes, at, action) {
            return self.update_unreadable_row(EntityKind::Note, id, action);
        }
        let note = state.notes.get(at).cloned();
        match action {
            Action::New => {
                // A new note goes with the selected one's agenda block.
                let block = note.as_ref().and_then(|n| n.agenda_item_id);
                let created =
                    self.store
                        .create_note(meeting_id, block, "", Confidentiality::Internal);
                if let Some(id) = self.report(created) {
                    if let Some(note) = self.report(self.store.note(id)) {
                        self.own_notes.push(note.uuid);
                    }
                    self.refresh();
                    self.open_editor(id);
                }
            }
            Action::Edit => {
                if let Some(n) = note {
                    self.open_editor(n.id);
                }
            }
            Action::CycleLabel => {
                if let Some(n) = note {
                    let to = next_label(n.confidentiality);
                    let result = self.store.set_note_confidentiality(n.id, to);
                    self.after_write(result, format!("{}: {}", text::field_label(), to.label()));
                }
            }
            Action::CycleBlock => {
                if let (Some(n), Some(state)) = (note, &self.meeting) {
                    // Meeting-wide → first block → … → last block → meeting-wide.
                    let ids: Vec<Option<i64>> = std::iter::once(None)
                        .chain(state.agenda.iter().map(|a| Some(a.id)))
                        .collect();
                    let at = ids.iter().position(|b| *b == n.agenda_item_id).unwrap_or(0);
                    let to = ids[(at + 1) % ids.len()];
                    let title = state
                        .block_title(to)
                        .unwrap_or(text::whole_meeting())
                        .to_string();
                    let result = self.store.move_note(n.id, to);
                    self.after_write(result, format!("{}: {title}", text::field_block()));
                    // The moved note stays selected in its new place.
                    if let Some(s) = &mut self.meeting
                        && let Some(i) = s.notes.iter().position(|x| x.id == n.id)
                    {
                        s.cursor.selected = i;
                    }
                }
            }
            Action::ExternalEditor => {
                if let Some(n) = note {
                    // The version the text was handed out at, checked when it comes back.
                    let version = self.store.version(EntityKind::Note, n.id);
                    if let Some(version) = self.report(version) {
                        self.effect = Some(Effect::EditExternally {
                            note_uuid: n.uuid,
                            version,
                            text: n.body,
                        });
                    }
                }
            }
            Action::Delete => match note {
                Some(n) => self.confirm(
                    text::confirm_trash(&text::note_label(&n.body)),
                    Pending::Trash(EntityKind::Note, n.id),
                ),
                None => self.info(text::msg_nothing_selected()),
            },
            _ => {}
        }
    }

    // ----- the editor ---------------------------------------------------------------

    pub(super) fn open_editor(&mut self, note_id: i64) {
        self.open_editor_with(note_id, None);
    }

    /// Opens the editor on a note, with `given` text instead of the stored body (else
    /// the text of the note's draft file, if it has one). Given text typed over another
    /// version of the note than the stored one (or over an unknown one) is never
    /// written over it: the editor opens in conflict and the user chooses, as when a
    /// save finds the note changed (see `conflicts`).
    pub(super) fn open_editor_with(&mut self, note_id: i64, given: Option<GivenText>) {
        self.save_open_work();
        // The version before the text: a change in between makes the first save ask,
        // rather than write over it.
        let Some(version) = self.report(self.store.version(EntityKind::Note, note_id)) else {
            return;
        };
        let Some(note) = self.report(self.store.note(note_id)) else {
            return;
        };
        // Text the store could not take earlier is given back, unsaved, and written by
        // the next autosave.
        let given = given.or_else(|| {
            self.dirs.drafts.note(&note.uuid).map(|kept| GivenText {
                body: kept.body,
                base: kept.version,
                file: Some(kept.path),
            })
        });
        let given = match given {
            // Already in the store (saved by a later run): nothing to give back.
            Some(g) if g.body == note.body => {
                if g.file.is_some() {
                    self.dirs.drafts.forget_note(&note.uuid);
                }
                None
            }
            other => other,
        };
        let text = given
            .as_ref()
            .map_or(note.body.as_str(), |g| g.body.as_str());
        let Some(state) = &self.meeting else { return };
        let project_id = state.meeting.project_id;
        let block = state.block_title(note.agenda_item_id).map(str::to_string);
        let mut area = text_area(text);
        area.set_max_histories(500);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        if let Some(s) = &mut self.meeting {
            s.tab = MeetingTab::Notes;
        }
        self.editor = Some(NoteEditor {
            note_id,
            uuid: note.uuid,
            meeting_id: note.meeting_id,
            project_id,
            confidentiality: note.confidentiality,
            block,
            saved: note.body,
            saved_at: None,
            // A file given back is removed once its text is saved.
            kept: given.as_ref().and_then(|g| g.file.clone()),
            save_failed: false,
            close_warned: false,
            agenda_item_id: note.agenda_item_id,
            version,
            conflict: false,
            round: self.round_prompt(note.meeting_id),
            area,
            fitted: None,
        });
        let Some(given) = given else { return };
        if given.base != Some(version) {
            // Typed over another version (or one not known): the user chooses. Until
            // then the editor, and so its draft file, keeps the version the text was
            // typed over (0 when not known: no row has it), so that a later start
            // still asks instead of writing it over the change.
            if let Some(editor) = &mut self.editor {
                editor.version = given.base.unwrap_or(0);
            }
            self.keep_note_in_file(&given.body);
            return self.note_conflict();
        }
        self.note_autosave.changed(std::time::Instant::now());
        if let Some(path) = &given.file {
            self.info(text::restored_from(path));
        }
    }

    pub(super) fn update_editor(&mut self, action: Action) {
        match action {
            Action::CloseEditor => self.close_editor(),
            Action::Undo | Action::Redo => {
                if let Some(editor) = &mut self.editor {
                    let changed = if action == Action::Undo {
                        editor.area.undo()
                    } else {
                        editor.area.redo()
                    };
                    if changed {
                        self.note_autosave.changed(std::time::Instant::now());
                    }
                }
            }
            Action::SaveNote => {
                // While the note is in conflict, Ctrl-S asks again rather than write.
                if self.editor.as_ref().is_some_and(|e| e.conflict) {
                    let body = self.editor.as_ref().map(|e| e.text()).unwrap_or_default();
                    self.keep_note_in_file(&body);
                    self.note_conflict();
                } else {
                    self.save_note();
                }
            }
            Action::CycleLabel => {
                // The text first, so the label's version check follows its own save.
                if !self.save_note() {
                    return;
                }
                let Some(editor) = &self.editor else {
                    return;
                };
                let to = next_label(editor.confidentiality);
                if self.set_editor_label(to) {
                    self.info(format!("{}: {}", text::field_label(), to.label()));
                }
            }
            Action::ExternalEditor => {
                self.save_note();
                if let Some(editor) = &self.editor {
                    self.effect = Some(Effect::EditExternally {
                        note_uuid: editor.uuid.clone(),
                        version: editor.version,
                        text: editor.text(),
                    });
                }
            }
            Action::CaptureDecision
            | Action::CaptureAction
            | Action::CaptureNeed
            | Action::CaptureSuggestion
            | Action::CaptureQuestion => self.capture(action),
            Action::CaptureInformation => self.capture_information(),
            Action::AnswerRoundQuestion => self.file_round_answer(),
            Action::NextRoundQuestion => self.next_round_question(),
            Action::Help => {
                self.overlay = Some(super::Overlay::Help {
                    context: super::Context::NoteEditor,
                    scroll: 0,
                })
            }
            _ => {}
        }
    }

    /// Typing goes to the text area; the note is saved after a pause (see `tick`).
    pub(super) fn edit_note(&mut self, ev: &crossterm::event::KeyEvent) {
        if let Some(editor) = &mut self.editor
            && !super::text_input::types_a_control(ev)
            && editor.area.input(*ev)
        {
            self.note_autosave.changed(std::time::Instant::now());
        }
    }

    pub(super) fn paste_into_editor(&mut self, text: &str) -> bool {
        let Some(editor) = &mut self.editor else {
            return false;
        };
        // Pasted line breaks arrive as \r in some terminals; `clean_text` makes them
        // \n and drops every other control character.
        editor
            .area
            .insert_str(crate::domain::clean::clean_text(text));
        self.note_autosave.changed(std::time::Instant::now());
        true
    }

    /// Writes the editor's text to the note if it changed, addressed by the note's
    /// UUID and checked against its version (see `Store::save_note_text`). When the
    /// store cannot take it, the text stays in the editor and goes to a private draft
    /// file, and the next tick tries again. When the note changed elsewhere, autosave
    /// stops and the user chooses (see `conflicts`). Returns whether the note is saved.
    /// While saves are failing it waits only briefly for a lock (see `tick_at`).
    pub(super) fn save_note(&mut self) -> bool {
        self.save_without_freezing(App::write_editor_text)
    }

    fn write_editor_text(&mut self) -> bool {
        let Some(editor) = &self.editor else {
            self.note_autosave.done();
            return true;
        };
        if !editor.is_dirty() {
            self.note_autosave.done();
            return true;
        }
        let body = editor.text();
        if editor.conflict {
            // Not into the store until the user chooses; kept in a draft file.
            self.keep_note_in_file(&body);
            self.note_autosave.done();
            return false;
        }
        match self.write_note(&body) {
            Ok(NoteSaved::Changed) => {
                self.keep_note_in_file(&body);
                self.note_autosave.done();
                self.note_conflict();
                false
            }
            Ok(saved) => {
                self.note_autosave.done();
                let saved_at = self.store.clock().timestamp();
                if let Some(editor) = &mut self.editor {
                    match saved {
                        NoteSaved::Saved { version } => editor.version = version,
                        NoteSaved::Recreated { id, version } => {
                            editor.note_id = id;
                            editor.version = version;
                        }
                        NoteSaved::Changed => {}
                    }
                    editor.saved = body;
                    editor.saved_at = Some(saved_at);
                    editor.close_warned = false;
                    editor.save_failed = false;
                    if editor.kept.take().is_some() {
                        self.dirs.drafts.forget_note(&editor.uuid);
                    }
                }
                if let NoteSaved::Recreated { .. } = saved {
                    self.info(text::msg_note_recreated());
                }
                true
            }
            Err(e) => {
                self.keep_note_in_file(&body);
                if let Some(editor) = &mut self.editor {
                    editor.save_failed = true;
                }
                let kept = self.editor.as_ref().and_then(|e| e.kept.clone());
                self.error(text::not_saved(&e.to_string(), kept.as_deref()));
                self.note_autosave.changed(std::time::Instant::now());
                false
            }
        }
    }

    /// Keeps the editor's text in its private draft file (written only when the text
    /// changed since the last copy).
    pub(super) fn keep_note_in_file(&mut self, body: &str) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        let unchanged =
            |k: &crate::draft_files::KeptNote| k.body == body && k.version == Some(editor.version);
        let kept = match &editor.kept {
            Some(path)
                if self
                    .dirs
                    .drafts
                    .note(&editor.uuid)
                    .is_some_and(|k| unchanged(&k)) =>
            {
                Ok(path.clone())
            }
            _ => self
                .dirs
                .drafts
                .keep_note(&editor.uuid, editor.version, body),
        };
        editor.kept = kept.ok();
    }

    /// Leaves the editor, saving; an empty new note is not kept. If the text cannot be
    /// saved the editor stays open and says so; a second `Esc` closes it, the text
    /// kept in its draft file (given back when the note is opened or tidig starts).
    pub(super) fn close_editor(&mut self) {
        if !self.save_note()
            && let Some(editor) = &mut self.editor
        {
            let kept = editor.kept.clone();
            if !editor.close_warned {
                editor.close_warned = true;
                return self.error(text::close_unsaved(kept.as_deref()));
            }
            if kept.is_none() {
                // Nowhere to keep it: closing would lose it.
                return self.error(text::close_unsaved(None));
            }
            self.editor = None;
            self.note_autosave.done();
            self.error(text::closed_unsaved(kept.as_deref()));
            return self.refresh();
        }
        // By UUID, and only if the stored note is empty too: text typed into it
        // in another window keeps it.
        if let Some(editor) = self.editor.take()
            && editor.text().trim().is_empty()
        {
            let _ = self.store.delete_note_if_empty(&editor.uuid);
        }
        self.refresh();
    }

    /// Back from `$EDITOR`: the new text replaces the note's, if the note is still at
    /// `version` (the one the text was handed out at); otherwise the editor opens with
    /// the text and the user chooses, as for any conflict. A note purged or moved to
    /// the trash meanwhile (in another window) takes nothing: the text is kept in a
    /// private draft file and the status line says where.
    pub fn external_edit_done(
        &mut self,
        note_uuid: &str,
        version: i64,
        result: std::io::Result<String>,
    ) {
        let body = match result {
            Ok(body) => body.trim_end_matches('\n').to_string(),
            Err(e) => return self.error(format!("{}: {e}", text::msg_editor_failed())),
        };
        if let Some(editor) = &mut self.editor
            && editor.uuid == note_uuid
        {
            // Into the editor first, then saved like typing: a failure keeps it there
            // and in a draft file, a change made elsewhere asks.
            editor.area = text_area(&body);
            editor.area.set_max_histories(500);
            if self.save_note() {
                self.info(text::msg_note_saved());
            }
            return self.refresh();
        }
        let live = self
            .store
            .note_by_uuid(note_uuid)
            .and_then(|found| match found {
                Some((note, _)) if !self.store.is_trashed(EntityKind::Note, note.id)? => {
                    Ok(Some(note))
                }
                _ => Ok(None),
            });
        let note = match live {
            Ok(Some(note)) => note,
            Ok(None) => return self.keep_edited_text(note_uuid, version, &body),
            Err(e) => {
                let kept = self.dirs.drafts.keep_note(note_uuid, version, &body).ok();
                return self.error(text::not_saved(&e.to_string(), kept.as_deref()));
            }
        };
        let note_id = note.id;
        let target = crate::store::NoteTarget {
            uuid: note.uuid.clone(),
            meeting_id: note.meeting_id,
            agenda_item_id: note.agenda_item_id,
            confidentiality: note.confidentiality,
            version,
        };
        match self.store.save_note_text(&target, &body) {
            Ok(NoteSaved::Saved { .. }) => self.info(text::msg_note_saved()),
            Ok(NoteSaved::Recreated { .. }) => self.info(text::msg_note_recreated()),
            Ok(NoteSaved::Changed) => {
                self.refresh();
                let given = GivenText {
                    body,
                    base: Some(version),
                    file: None,
                };
                return self.open_editor_with(note_id, Some(given));
            }
            Err(e) => {
                // No editor to keep it in: a draft file, given back (with its version
                // checked) when the note is opened or tidig starts.
                let kept = self.dirs.drafts.keep_note(&note.uuid, version, &body).ok();
                self.error(text::not_saved(&e.to_string(), kept.as_deref()));
            }
        }
        self.refresh();
    }

    /// Text edited in `$EDITOR` for a note that is gone (purged or in the trash): kept in
    /// a private draft file, named on the status line. Given back, with its version
    /// checked, when the note is there again at the next start (`restore_draft_files`).
    fn keep_edited_text(&mut self, note_uuid: &str, version: i64, body: &str) {
        match self.dirs.drafts.keep_note(note_uuid, version, body) {
            Ok(path) => self.error(text::note_gone_kept(&path)),
            Err(e) => self.error(text::note_gone_nowhere(&e.to_string())),
        }
        self.refresh();
    }

    /// Turns the selection or the current line into a decision, action, need,
    /// suggestion or open question of this meeting, through a short form.
    fn capture(&mut self, action: Action) {
        self.save_note();
        let Some(editor) = &self.editor else { return };
        let captured = editor.capture_text();
        let label = editor.confidentiality;
        let (meeting_id, project_id) = (editor.meeting_id, editor.project_id);
        if captured.is_empty() {
            return self.info(text::msg_nothing_to_capture());
        }
        // A decision captured in a meeting was made on the meeting's day, not on the
        // day the notes are typed up.
        let clock = self.clock();
        let meeting_day = self
            .meeting
            .as_ref()
            .filter(|m| m.meeting.id == meeting_id)
            .map_or(clock.today(), |m| clock.local(m.meeting.start).date());
        let mut form = match action {
            Action::CaptureDecision => {
                forms::decision_form(project_id, Some(meeting_id), None, meeting_day)
            }
            Action::CaptureAction => forms::action_form(project_id, Some(meeting_id), None),
            Action::CaptureNeed => forms::need_form_from_meeting(project_id, meeting_id),
            Action::CaptureSuggestion => {
                let phase = self
                    .meeting
                    .as_ref()
                    .map_or(crate::domain::Phase::Initiation, |m| m.project.phase);
                let meetings = self.meeting_choices(project_id);
                let mut f = forms::suggestion_form(project_id, None, phase, &meetings);
                if let Some(field) = f.field_mut("meeting") {
                    field.set_value(&meeting_id.to_string());
                }
                f
            }
            _ => forms::question_form(meeting_id),
        };
        let first = form.fields[0].key;
        if let Some(field) = form.field_mut(first) {
            field.set_value(&captured);
        }
        // What is captured from a note may be read by whom the note may be read.
        if let Some(field) = form.field_mut("label") {
            field.set_value(label.as_str());
        }
        // A prefilled form is not "changed by the user": Esc closes it without asking.
        form.mark_clean();
        // The captured line wins over any old unsaved draft of the same kind of form.
        let key = form.kind.draft_key();
        let _ = self.store.discard_draft(&key);
        self.open_form(form);
    }

    /// The current line as information given in this meeting: a log entry whose
    /// recipients are the meeting's supplier participants, for the user to check.
    fn capture_information(&mut self) {
        self.save_note();
        let Some(editor) = &self.editor else { return };
        let captured = editor.capture_text();
        let (meeting_id, project_id) = (editor.meeting_id, editor.project_id);
        if captured.is_empty() {
            return self.info(text::msg_nothing_to_capture());
        }
        let _ = self.store.discard_draft(
            &crate::app::FormKind::Information {
                project_id,
                id: None,
            }
            .draft_key(),
        );
        self.new_information(project_id, Some(meeting_id), &captured);
        if let Some(form) = &mut self.form {
            form.mark_clean();
        }
    }

    // ----- the Outcomes tab ---------------------------------------------------------

    pub(super) fn update_meeting_outcomes(&mut self, action: Action) {
        let Some(state) = &self.meeting else { return };
        let Some(row) = state.outcomes().get(state.cursor.selected).copied() else {
            return;
        };
        if let Outcome::Unreadable(r) = row {
            if is_about_selected(action) {
                self.update_unreadable_row(r.kind, r.id, action);
            }
            return;
        }
        let today = self.clock().today();
        match (action, row) {
            (Action::ToggleDone, Outcome::Action(id)) => self.toggle_action(id),
            (Action::CycleLabel, row) => {
                let found = match row {
                    Outcome::Decision(id) => state
                        .decisions
                        .iter()
                        .find(|d| d.id == id)
                        .map(|d| (EntityKind::Decision, d.confidentiality)),
                    Outcome::Action(id) => state
                        .actions
                        .iter()
                        .find(|a| a.id == id)
                        .map(|a| (EntityKind::ActionItem, a.confidentiality)),
                    Outcome::Question(id) => state
                        .questions
                        .iter()
                        .find(|q| q.id == id)
                        .map(|q| (EntityKind::Question, q.confidentiality)),
                    Outcome::Unreadable(_) => None,
                };
                let id = row.entity().id;
                if let Some((kind, current)) = found {
                    self.cycle_label(kind, id, current);
                }
            }
            (Action::Edit, Outcome::Decision(id)) => {
                if let Some(d) = state.decisions.iter().find(|d| d.id == id).cloned() {
                    self.open_form(forms::decision_form(
                        d.project_id,
                        d.meeting_id,
                        Some(&d),
                        today,
                    ));
                }
            }
            (Action::Edit, Outcome::Action(id)) => {
                if let Some(a) = state.actions.iter().find(|a| a.id == id).cloned() {
                    self.open_form(forms::action_form(a.project_id, a.meeting_id, Some(&a)));
                }
            }
            (Action::Edit, Outcome::Question(id)) => {
                if let Some(q) = state.questions.iter().find(|q| q.id == id).cloned() {
                    self.open_form(forms::answer_form(&q));
                }
            }
            (Action::Delete, row) => {
                let (kind, id, label) = match row {
                    Outcome::Decision(id) => (EntityKind::Decision, id, text::kind_decision()),
                    Outcome::Action(id) => (EntityKind::ActionItem, id, text::kind_action()),
                    Outcome::Question(id) => (EntityKind::Question, id, text::kind_question()),
                    // Handled above, with the other keys on such a row.
                    Outcome::Unreadable(_) => return,
                };
                self.confirm(text::confirm_trash(label), Pending::Trash(kind, id));
            }
            _ => {}
        }
    }

    pub(super) fn toggle_action(&mut self, id: i64) {
        let result = self.store.toggle_action_done(id);
        if let Some(to) = self.report(result) {
            let title = self
                .report(self.store.action(id))
                .map(|a| a.title)
                .unwrap_or_default();
            self.info(format!("{}: {title}", to.label()));
            self.refresh();
        }
    }

    /// Notes status one step on: none → working → draft → approved → sent, where it
    /// stops (going back is `notes_status_back`, which asks).
    pub(super) fn notes_status_next(&mut self) {
        let Some(state) = &self.meeting else { return };
        let now = state.meeting.notes_status;
        let Some(&to) = NotesStatus::ALL.get(now.index() + 1) else {
            return self.info(text::msg_notes_sent_stays());
        };
        if to == NotesStatus::Approved {
            // Approved notes say who approved them: asked first, saved with the step.
            let id = state.meeting.id;
            return self.ask_approver(id);
        }
        let result = self.store.set_notes_status(state.meeting.id, to);
        self.after_write(
            result,
            format!("{}: {}", text::field_notes_status(), to.label()),
        );
    }

    /// Asks who approved the meeting's notes (the justerare), offering the name given
    /// last; saving moves the notes status to approved with the name.
    pub(super) fn ask_approver(&mut self, meeting_id: i64) {
        let last = self.store.last_approver_name(meeting_id);
        if let Some(last) = self.report(last) {
            self.open_form(forms::notes_approval_form(meeting_id, last.as_deref()));
        }
    }

    /// Notes status one step back, after asking; the dates each status was reached are
    /// kept (see `Store::step_notes_status_back`).
    pub(super) fn notes_status_back(&mut self) {
        let Some(state) = &self.meeting else { return };
        let now = state.meeting.notes_status;
        let Some(to) = now.index().checked_sub(1).map(|i| NotesStatus::ALL[i]) else {
            return self.info(text::msg_notes_status_first());
        };
        let id = state.meeting.id;
        self.confirm(
            text::confirm_notes_status_back(now.label(), to.label()),
            Pending::NotesStatusBack(id, to),
        );
    }

    /// Asks what to export: format, audience and language.
    pub(super) fn ask_notes_export(&mut self) {
        if let Some(state) = &self.meeting {
            let audience = match self.export_audience {
                Some(a) => a.as_str(),
                None if state.supplier_facing => "shared",
                None => "internal",
            };
            self.open_form(forms::notes_export_form(
                state.meeting.id,
                audience,
                self.export_lang,
            ));
        }
    }

    /// Writes the meeting notes to the export folder and logs the export.
    pub(super) fn export_notes(
        &mut self,
        meeting_id: i64,
        format: &str,
        audience: &str,
        lang: &str,
    ) {
        use crate::domain::Audience;
        use crate::export::{Lang, SummaryFormat};
        let audience = Audience::parse(audience).unwrap_or(Audience::Internal);
        let job = crate::ops::ExportJob::Summary {
            meeting_id,
            format: SummaryFormat::from_extension(format).unwrap_or(SummaryFormat::Html),
            audience,
            lang: Lang::parse(lang).unwrap_or_default(),
        };
        // The participant version of a supplier meeting with equal-treatment points
        // still open: a warning, not a block.
        let open_points = self
            .meeting
            .as_ref()
            .filter(|m| m.meeting.id == meeting_id && m.supplier_facing)
            .map_or(0, |m| crate::domain::checklist_open(m.meeting.checklist));
        if audience == Audience::Shared && open_points > 0 {
            return self.confirm(
                text::confirm_export_open_points(open_points),
                Pending::ExportNotes(job),
            );
        }
        self.export(job);
    }

    // ----- the actions screen -------------------------------------------------------

    /// Owners and projects for the filters are read when a filter key is pressed, not
    /// on every visit; the list itself is paged (`action_pages.rs`).
    pub(super) fn refresh_actions(&mut self) {
        self.reload_actions();
    }

    fn load_action_filter_choices(&mut self) {
        let loaded = self.store.action_owners().and_then(|owners| {
            let projects = self
                .store
                .list_projects(&Default::default())?
                .into_iter()
                .map(|p| (p.id, p.code))
                .collect();
            Ok((owners, projects))
        });
        if let Some((owners, projects)) = self.report(loaded) {
            self.actions.owners = owners;
            self.actions.projects = projects;
        }
    }

    pub(super) fn update_actions(&mut self, action: Action) {
        if let Some(row) = self.actions.selected_row()
            && row.item.is_none()
            && is_about_selected(action)
        {
            return self.update_unreadable_row(EntityKind::ActionItem, row.id(), action);
        }
        let selected = self.actions.selected().cloned();
        match action {
            Action::ToggleDone => {
                if let Some(a) = selected {
                    self.toggle_action(a.id);
                }
            }
            Action::Edit => {
                if let Some(a) = selected {
                    self.open_form(forms::action_form(a.project_id, a.meeting_id, Some(&a)));
                }
            }
            Action::New => match self.actions.filter.project_id {
                Some(project_id) => self.open_form(forms::action_form(project_id, None, None)),
                None => self.info(text::msg_choose_project_first()),
            },
            // A meeting in the trash has no title here: there is nowhere to go.
            Action::GoToMeeting => match selected
                .filter(|a| a.meeting_title.is_some())
                .and_then(|a| a.meeting_id)
            {
                Some(id) => self.go_to(EntityRef::new(EntityKind::Meeting, id)),
                None => self.info(text::msg_no_source_meeting()),
            },
            Action::Delete => {
                if let Some(a) = selected {
                    self.confirm(
                        text::confirm_trash(&a.title),
                        Pending::Trash(EntityKind::ActionItem, a.id),
                    );
                }
            }
            Action::CycleOwnerFilter => {
                self.load_action_filter_choices();
                let f = &mut self.actions.filter;
                f.owner = super::needs::cycle_in(&self.actions.owners, f.owner.as_ref());
                self.actions.cursor = Cursor::default();
                self.refresh_actions();
            }
            Action::CycleProjectFilter => {
                self.load_action_filter_choices();
                let ids: Vec<i64> = self.actions.projects.iter().map(|(id, _)| *id).collect();
                let f = &mut self.actions.filter;
                f.project_id = super::needs::cycle_in(&ids, f.project_id.as_ref());
                self.actions.cursor = Cursor::default();
                self.refresh_actions();
            }
            Action::ToggleClosed => {
                self.actions.filter.include_closed = !self.actions.filter.include_closed;
                self.refresh_actions();
            }
            Action::CycleLabel => {
                if let Some(a) = selected {
                    self.cycle_label(EntityKind::ActionItem, a.id, a.confidentiality);
                }
            }
            _ => {}
        }
    }

    // ----- a project's decisions ----------------------------------------------------

    pub(super) fn refresh_decisions_tab(&mut self) {
        let Some(state) = &self.project else { return };
        let loaded = self.store.decisions_listed(Some(state.project.id), None);
        if let Some(listed) = self.report(loaded)
            && let Some(s) = &mut self.project
        {
            s.decisions.unreadable = listed.unreadable_ids();
            s.decisions.items = listed.rows;
            let len = s.decisions.len();
            s.decisions.cursor.clamp(len);
        }
    }

    pub(super) fn update_project_decisions(&mut self, action: Action) {
        let Some(state) = &self.project else { return };
        let project_id = state.project.id;
        let view = &state.decisions;
        if let Some(id) =
            unreadable_target(&view.items, &view.unreadable, view.cursor.selected, action)
        {
            return self.update_unreadable_row(EntityKind::Decision, id, action);
        }
        let selected = view.items.get(view.cursor.selected).cloned();
        let today = self.clock().today();
        match action {
            Action::New => self.open_form(forms::decision_form(project_id, None, None, today)),
            Action::Edit => {
                if let Some(d) = selected {
                    self.open_form(forms::decision_form(
                        project_id,
                        d.meeting_id,
                        Some(&d),
                        today,
                    ));
                }
            }
            Action::Delete => {
                if let Some(d) = selected {
                    self.confirm(
                        text::confirm_trash(&d.text),
                        Pending::Trash(EntityKind::Decision, d.id),
                    );
                }
            }
            Action::CycleLabel => {
                if let Some(d) = selected {
                    self.cycle_label(EntityKind::Decision, d.id, d.confidentiality);
                }
            }
            _ => {}
        }
    }
}
