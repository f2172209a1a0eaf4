//! The life of a form: opening (with its draft), typing, validating, saving, closing.

use super::*;

impl App {
    /// Opens a form, bringing back an unsaved draft of the same form if there is one.
    pub fn open_form(&mut self, mut form: Form) {
        // A form over an existing row shows the row as stored now, with its version,
        // so that its save can tell a change made elsewhere (see `conflicts`).
        if form.kind.row().is_some() {
            let stored = self.stored_form(form.kind);
            match self.report(stored) {
                Some(Some(stored)) => form = stored,
                Some(None) => return self.info(text::msg_gone()),
                None => return,
            }
        }
        let key = form.kind.draft_key();
        if let Some(Some(draft)) = self.report(self.store.draft(&key))
            && form.restore_json(&draft.payload)
        {
            let when = self.clock().local_datetime(&draft.updated_at);
            self.info(format!("{} {when}", text::msg_draft_restored()));
        }
        form.warnings = forms::warnings(&form);
        self.form = Some(form);
        self.refresh_suggestions();
    }

    pub(super) fn update_form(&mut self, action: Action) {
        let Some(form) = &mut self.form else { return };
        match action {
            Action::FormNext => form.focus_next(),
            Action::FormPrev => form.focus_prev(),
            Action::FormSave => self.save_form(),
            Action::FormCancel => {
                if form.is_dirty() {
                    self.confirm(text::confirm_discard().into(), Pending::DiscardForm);
                } else {
                    self.close_form(true);
                }
            }
            Action::Help => {
                self.overlay = Some(Overlay::Help {
                    context: Context::Form,
                    scroll: 0,
                })
            }
            _ => {}
        }
        self.refresh_suggestions();
    }

    pub(super) fn edit_form(&mut self, ev: &KeyEvent) {
        // A dialog with one line to fill in is done with Enter, as people expect.
        if ev.code == crossterm::event::KeyCode::Enter
            && ev.modifiers.is_empty()
            && self.form.as_ref().is_some_and(|f| f.submits_on_enter())
        {
            self.save_form();
            return;
        }
        if let Some(form) = &mut self.form
            && form.handle_key(ev)
        {
            self.form_changed();
        }
        self.refresh_suggestions();
    }

    pub(super) fn form_changed(&mut self) {
        self.draft_autosave.changed(Instant::now());
        let clock = self.clock();
        if let Some(form) = &mut self.form {
            form.warnings = forms::warnings(form);
            form.readings = forms::readings(form, &clock);
            if form.attempted {
                form.errors = forms::validate(form, &clock);
            }
        }
    }

    /// Keeps the focused lookup field's suggestions in step with its text.
    pub(super) fn refresh_suggestions(&mut self) {
        let Some(form) = &self.form else { return };
        let FieldKind::Lookup { input, source, .. } = &form.focused().kind else {
            return;
        };
        let typed = input.value().trim().to_lowercase();
        let names: Vec<String> = match source {
            LookupSource::Organisation => self
                .store
                .suggest_organisations(&typed, 5)
                .map(|v| v.into_iter().map(|o| o.name).collect()),
            LookupSource::Person => self
                .store
                .suggest_people(&typed, 5)
                .map(|v| v.into_iter().map(|p| p.name).collect()),
        }
        .unwrap_or_default();
        let exists = names.iter().any(|n| n.to_lowercase() == typed);
        if let Some(form) = &mut self.form {
            let focus = form.focus;
            if let FieldKind::Lookup {
                suggestions,
                exists: e,
                ..
            } = &mut form.fields[focus].kind
            {
                *suggestions = names;
                *e = exists;
            }
        }
    }

    pub(super) fn save_form(&mut self) {
        self.save_form_bringing_back(false);
    }

    /// Saves the open form; `bring_back` also takes its row out of the trash in the
    /// same transaction ("keep mine" on a row trashed elsewhere).
    pub(super) fn save_form_bringing_back(&mut self, bring_back: bool) {
        if !bring_back && self.asks_about_duplicate() {
            return;
        }
        self.save_form_now(bring_back);
    }

    /// Saves the open form, with no question about names that exist.
    pub(super) fn save_form_now(&mut self, bring_back: bool) {
        let clock = self.clock();
        let Some(form) = &mut self.form else { return };
        form.attempted = true;
        if let FormKind::NotesExport { meeting_id } = form.kind {
            let choice = (
                form.value("format"),
                form.value("audience"),
                form.value("lang"),
            );
            self.close_form(true);
            self.export_notes(meeting_id, &choice.0, &choice.1, &choice.2);
            return;
        }
        if let FormKind::DialogueExport {
            project_id,
            round_id,
        } = form.kind
        {
            let choice = (
                form.value("format"),
                form.value("audience"),
                form.value("lang"),
            );
            self.close_form(true);
            self.export_dialogue(project_id, round_id, &choice.0, &choice.1, &choice.2);
            return;
        }
        if let FormKind::AgendaTemplate { .. } = form.kind {
            form.errors = forms::validate(form, &clock);
            let name = form.value("name");
            if form.errors.is_empty() && self.save_template(name.trim()) {
                self.close_form(true);
            }
            return;
        }
        // A meeting's form that approves its notes asks who approved them once saved.
        let approves = match form.kind {
            FormKind::Meeting { id: Some(id), .. } => {
                form.value("notes_status") == NotesStatus::Approved.as_str()
                    && self
                        .store
                        .meeting(id)
                        .is_ok_and(|m| m.notes_status.index() < NotesStatus::Approved.index())
            }
            _ => false,
        };
        let submitted = if bring_back {
            forms::submit_bringing_back(form, &mut self.store)
        } else {
            forms::submit(form, &mut self.store)
        };
        match submitted {
            Ok(saved) => {
                // What the user calls the thing just saved.
                let mut label = [
                    "code",
                    "title",
                    "name",
                    "person",
                    "statement",
                    "text",
                    "reason",
                ]
                .iter()
                .map(|k| form.value(k))
                .find(|v| !v.trim().is_empty())
                .unwrap_or_default();
                // A need is known by its code, which the store has just given it.
                if let FormKind::Need { .. } | FormKind::NeedFromMeeting { .. } = saved.kind
                    && let Ok(need) = self.store.need(saved.id)
                {
                    label = format!("{} {}", need.code, need.statement);
                }
                self.close_form(true);
                let saved_msg = if bring_back {
                    text::msg_saved_out_of_trash()
                } else {
                    text::msg_saved()
                };
                self.info(format!("{saved_msg}: {label}"));
                self.refresh();
                match saved.kind {
                    FormKind::Project { id: None } => {
                        self.select_project(saved.id);
                    }
                    FormKind::Meeting { .. } => {
                        self.warn_overlaps(saved.id);
                        if approves {
                            self.ask_approver(saved.id);
                        }
                    }
                    FormKind::NotesApproval { .. } => self.info(format!(
                        "{}: {} · {label}",
                        text::field_notes_status(),
                        NotesStatus::Approved.label()
                    )),
                    FormKind::Participant { meeting_id } => {
                        self.warn_prior_involvement(meeting_id, saved.id)
                    }
                    FormKind::RoundQuestion { id: None, .. } => self.focus_round_question(saved.id),
                    _ => {}
                }
            }
            Err(SubmitError::Invalid(errors)) => {
                form.errors = errors;
                form.focus_first_error();
                self.error(text::msg_fix_fields());
            }
            Err(SubmitError::Store(StoreError::Changed)) => self.form_conflict(),
            Err(SubmitError::Store(e)) => {
                // The form stays open; its draft is kept, in a file if need be.
                self.save_draft();
                self.report::<()>(Err(e));
            }
        }
    }

    /// After saving a meeting: says so when it shares time with another one.
    pub(super) fn warn_overlaps(&mut self, meeting_id: i64) {
        let found = self.store.meeting(meeting_id).and_then(|m| {
            if m.status == crate::domain::MeetingStatus::Cancelled {
                return Ok(Vec::new());
            }
            self.store.overlapping_meetings(m.start, m.end, Some(m.id))
        });
        if let Some(others) = self.report(found)
            && let Some(first) = others.first()
        {
            let clock = self.clock();
            let when = format!(
                "{}–{}",
                clock.local(first.start).format("%H:%M"),
                clock.local(first.end).format("%H:%M")
            );
            self.error(text::overlap_warning(
                &first.title,
                &first.project_code,
                &when,
                others.len(),
            ));
        }
    }

    /// Closes the open form; `discard` also drops its stored draft (and draft file).
    pub(super) fn close_form(&mut self, discard: bool) {
        if let Some(form) = self.form.take()
            && discard
        {
            let key = form.kind.draft_key();
            report(&mut self.status, self.store.discard_draft(&key));
            self.dirs.drafts.forget_form(&key);
        }
        self.draft_autosave.done();
        self.form_kept = None;
    }

    /// Writes the open form's contents as a draft, if it has unsaved changes. When the
    /// store cannot take it, the draft goes to a private file and is tried again on the
    /// next tick. While that goes on it waits only briefly for a lock (see `tick_at`).
    pub(super) fn save_draft(&mut self) {
        self.save_without_freezing(|app| {
            app.write_draft();
            true
        });
    }

    fn write_draft(&mut self) {
        let Some(form) = &self.form else {
            self.draft_autosave.done();
            return;
        };
        if !form.is_dirty() {
            self.draft_autosave.done();
            return;
        }
        let (key, json) = (form.kind.draft_key(), form.to_json());
        match self.store.save_draft(&key, &json) {
            Ok(()) => {
                self.draft_autosave.done();
                let now = self.clock().timestamp();
                if let Some(form) = &mut self.form {
                    form.draft_saved_at = Some(now);
                    form.draft_failed = false;
                }
                if self.form_kept.take().is_some() {
                    self.dirs.drafts.forget_form(&key);
                }
            }
            Err(e) => {
                let kept = self.dirs.drafts.keep_form(&key, &json);
                if let Some(form) = &mut self.form {
                    form.draft_failed = true;
                }
                self.form_kept = kept.as_ref().ok().cloned();
                self.error(text::not_saved(&e.to_string(), kept.as_deref().ok()));
                // Still pending: the next tick tries the store again.
                self.draft_autosave.changed(Instant::now());
            }
        }
    }
}
