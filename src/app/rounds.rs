//! The dialogue rounds screen: a project's rounds, the matrix of the selected one
//! (questions × suppliers, a page of questions at a time) with its equal-treatment
//! warnings, and the compilation's export.

use super::screens::{FocusedCell, MATRIX_PAGE, RoundPrompt};
use super::unreadable::unreadable_target;
use super::{Action, App, FormKind, Pending, ProjectTab, Screen};
use crate::domain::{Audience, EntityKind, Matrix, TextEnum};
use crate::ops::ExportJob;
use crate::text;

impl App {
    /// Opens the rounds of the project on screen.
    pub(super) fn open_rounds(&mut self, project_id: i64) {
        self.show(Screen::Rounds { project_id });
    }

    pub(super) fn refresh_rounds(&mut self, project_id: i64) {
        if let Some(project) = self.report(self.store.project(project_id)) {
            self.rounds.project_code = project.code;
        }
        if let Some(listed) = self.report(self.store.rounds_listed(Some(project_id), 0)) {
            self.rounds.unreadable = listed.unreadable_ids();
            self.rounds.rounds = listed.rows;
        }
        if let Some(id) = self.rounds.select.take()
            && let Some(i) = self.rounds.rounds.iter().position(|r| r.id == id)
        {
            self.rounds.cursor.selected = i;
            (self.rounds.row, self.rounds.col) = (0, 0);
        }
        let len = self.rounds.len();
        self.rounds.cursor.clamp(len);
        self.refresh_round_matrix();
    }

    /// Loads the page of the selected round's questions that holds the cell cursor
    /// (kept inside the matrix), and the warnings over all of them.
    pub(super) fn refresh_round_matrix(&mut self) {
        let Some(round) = self.rounds.round().cloned() else {
            self.rounds.matrix = None;
            self.rounds.not_asked.clear();
            self.rounds.question_count = 0;
            return;
        };
        let count = self.report(self.store.round_question_count(round.id));
        let count = count.unwrap_or(0);
        self.rounds.question_count = count;
        self.rounds.row = self.rounds.row.min(count.max(1) as usize - 1);
        self.rounds.offset = self.rounds.row / MATRIX_PAGE * MATRIX_PAGE;
        let page = self.report(
            self.store
                .round_matrix(round.id, self.rounds.offset, MATRIX_PAGE),
        );
        // The warnings cover every question (at most MAX_ROUND_QUESTIONS), not the page.
        let all = self.report(self.store.round_matrix(round.id, 0, count as usize));
        self.rounds.not_asked = all.as_ref().map(Matrix::not_asked).unwrap_or_default();
        if let Some(m) = &page {
            self.rounds.col = self.rounds.col.min(m.suppliers.len());
        }
        self.rounds.matrix = page;
    }

    /// Moves the cell cursor `delta` questions (a page is loaded when it leaves one).
    pub(super) fn move_round_cell(&mut self, delta: isize) {
        let count = self.rounds.question_count.max(0) as isize;
        if count == 0 {
            return;
        }
        let row = (self.rounds.row as isize)
            .saturating_add(delta)
            .clamp(0, count - 1) as usize;
        let page_changes = row / MATRIX_PAGE * MATRIX_PAGE != self.rounds.offset;
        self.rounds.row = row;
        if page_changes {
            self.refresh_round_matrix();
        }
    }

    /// Selects the next or previous round, its first question.
    fn step_round(&mut self, delta: isize) {
        let before = self.rounds.cursor.selected;
        let len = self.rounds.len();
        self.rounds.cursor.step(delta, len);
        if self.rounds.cursor.selected != before {
            (self.rounds.row, self.rounds.col) = (0, 0);
            self.refresh_round_matrix();
        }
    }

    /// Puts the cell cursor on a question of the round on screen (by its id).
    pub(super) fn focus_round_question(&mut self, question_id: i64) {
        let Some(round_id) = self.rounds.round().map(|r| r.id) else {
            return;
        };
        let questions = self.report(self.store.round_questions(round_id));
        if let Some(i) = questions
            .unwrap_or_default()
            .iter()
            .position(|q| q.id == question_id)
        {
            (self.rounds.row, self.rounds.col) = (i, 0);
            self.refresh_round_matrix();
        }
    }

    pub(super) fn update_rounds(&mut self, action: Action) {
        let Screen::Rounds { project_id } = self.screen() else {
            return;
        };
        let view = &self.rounds;
        if let Some(id) =
            unreadable_target(&view.rounds, &view.unreadable, view.cursor.selected, action)
        {
            return self.update_unreadable_row(EntityKind::Round, id, action);
        }
        let selected = self.rounds.round().map(|r| r.id);
        match action {
            Action::New => self.open_form(super::forms::round_form(project_id)),
            Action::NextRound => self.step_round(1),
            Action::PrevRound => self.step_round(-1),
            Action::CellLeft => self.rounds.col = self.rounds.col.saturating_sub(1),
            Action::CellRight => {
                let suppliers = self.rounds.matrix.as_ref().map_or(0, |m| m.suppliers.len());
                self.rounds.col = (self.rounds.col + 1).min(suppliers);
            }
            Action::NewQuestion => match selected {
                Some(round_id) => self.open_form(super::forms::round_question_form(round_id, None)),
                None => self.info(text::msg_nothing_selected()),
            },
            Action::Edit => self.edit_round_cell(),
            Action::Delete => match self.rounds.focused() {
                Some(FocusedCell::Question(q) | FocusedCell::Answer(q, ..)) => {
                    let (message, id) = (text::confirm_trash(&q.text), q.id);
                    self.confirm(message, Pending::Trash(EntityKind::RoundQuestion, id));
                }
                None => self.info(text::msg_nothing_selected()),
            },
            Action::AddSupplier => match selected {
                Some(round_id) => self.open_form(super::forms::round_supplier_form(round_id)),
                None => self.info(text::msg_nothing_selected()),
            },
            Action::RemoveSupplier => self.remove_round_supplier(),
            Action::RecordAnswer => {
                let Some(round_id) = selected else { return };
                let questions = self.report(self.store.round_questions(round_id));
                let suppliers = self.report(self.store.round_suppliers(round_id));
                let (Some(questions), Some(suppliers)) = (questions, suppliers) else {
                    return;
                };
                if questions.is_empty() || suppliers.is_empty() {
                    return self.info(text::msg_round_nothing_to_answer());
                }
                let form = super::forms::round_answer_form(round_id, &questions, &suppliers);
                self.open_form(form);
            }
            Action::NextQuestions
                if ((self.rounds.offset + MATRIX_PAGE) as i64) < self.rounds.question_count =>
            {
                self.rounds.row = self.rounds.offset + MATRIX_PAGE;
                self.refresh_round_matrix();
            }
            Action::PrevQuestions if self.rounds.offset > 0 => {
                self.rounds.row = self.rounds.offset - MATRIX_PAGE;
                self.refresh_round_matrix();
            }
            Action::ExportDialogueShared | Action::ExportDialogueInternal => {
                let audience = if action == Action::ExportDialogueShared {
                    Audience::Shared
                } else {
                    Audience::Internal
                };
                if let Some(round_id) = selected {
                    self.open_form(super::forms::dialogue_export_form(
                        project_id,
                        round_id,
                        audience,
                        self.export_lang,
                    ));
                }
            }
            _ => {}
        }
    }

    /// `e` on the matrix: the question in its own column, else the supplier's answer
    /// in the cell (a question not yet put is put by saving it). Both forms open on the
    /// row as stored now, with its version.
    fn edit_round_cell(&mut self) {
        let form = match self.rounds.focused() {
            Some(FocusedCell::Question(q)) => {
                super::forms::round_question_form(q.round_id, Some(q))
            }
            Some(FocusedCell::Answer(q, s, _)) => {
                let kind = FormKind::RoundCell {
                    question_id: q.id,
                    organisation_id: s.organisation_id,
                };
                let stored = self.stored_form(kind);
                match self.report(stored) {
                    Some(Some(form)) => form,
                    Some(None) => return self.info(text::msg_gone()),
                    None => return,
                }
            }
            None => return self.info(text::msg_nothing_selected()),
        };
        self.open_form(form);
    }

    /// `D` on the matrix: takes the supplier in the cursor's column out of the round;
    /// one that has answered asks first (its answers go with it).
    fn remove_round_supplier(&mut self) {
        let (Some(round_id), Some(supplier)) = (
            self.rounds.round().map(|r| r.id),
            self.rounds.focused_supplier().cloned(),
        ) else {
            return self.info(text::msg_pick_a_supplier());
        };
        let answers = self
            .store
            .supplier_answer_count(round_id, supplier.organisation_id);
        let Some(answers) = self.report(answers) else {
            return;
        };
        let pending = Pending::RemoveRoundSupplier(round_id, supplier.organisation_id);
        if answers > 0 {
            let name = format!("{} {}", supplier.letter(), supplier.name);
            self.confirm(text::confirm_remove_supplier(&name, answers), pending);
        } else {
            self.run_pending_removal(round_id, supplier.organisation_id);
        }
    }

    /// Takes a supplier out of a round (its answers too) and says so.
    pub(super) fn run_pending_removal(&mut self, round_id: i64, organisation_id: i64) {
        let result = self.store.remove_round_supplier(round_id, organisation_id);
        self.after_write(result, text::msg_supplier_removed());
    }

    /// The project's Meetings tab offers its rounds (`R`).
    pub(super) fn rounds_from_project(&mut self) -> bool {
        match &self.project {
            Some(p) if p.tab == ProjectTab::Meetings => {
                let id = p.project.id;
                self.open_rounds(id);
                true
            }
            _ => false,
        }
    }

    /// The round questions for a note editor on `meeting_id`, when that meeting is a
    /// supplier's meeting in a live round with questions.
    pub(super) fn round_prompt(&mut self, meeting_id: i64) -> Option<RoundPrompt> {
        let (round_id, organisation_id) = self.report(self.store.meeting_round(meeting_id))??;
        let questions = self.report(self.store.round_questions(round_id))?;
        // Start at the first question this supplier has no answer to yet.
        let current = questions
            .iter()
            .position(|q| {
                self.store
                    .answer(q.id, organisation_id)
                    .ok()
                    .flatten()
                    .is_none_or(|a| a.body.trim().is_empty())
            })
            .unwrap_or(0);
        (!questions.is_empty()).then_some(RoundPrompt {
            round_id,
            organisation_id,
            questions,
            current,
        })
    }

    /// Files the editor's line as the supplier's answer to the current question (added
    /// to what it answered before), with the note's label.
    pub(super) fn file_round_answer(&mut self) {
        self.save_note();
        let Some(editor) = &self.editor else { return };
        let Some(prompt) = &editor.round else {
            return self.info(text::msg_not_a_round_meeting());
        };
        let Some(question) = prompt.current().cloned() else {
            return;
        };
        let line = editor.capture_text();
        if line.is_empty() {
            return self.info(text::msg_nothing_to_capture());
        }
        let result = self.store.append_to_answer(
            question.id,
            prompt.organisation_id,
            Some(editor.meeting_id),
            &line,
            editor.confidentiality,
        );
        if self.report(result).is_some() {
            self.info(text::msg_answer_filed(question.position));
        }
    }

    /// Makes the next question current (after the last, the first again).
    pub(super) fn next_round_question(&mut self) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        let Some(prompt) = &mut editor.round else {
            return self.info(text::msg_not_a_round_meeting());
        };
        prompt.current = (prompt.current + 1) % prompt.questions.len().max(1);
    }

    /// Adds a block with the round's questions to the agenda of a supplier's meeting in
    /// the round, and records them as put to that supplier (for the equal-treatment
    /// warning), all at once. A meeting not yet in a round joins the project's round of
    /// a supplier on its list (`Store::tie_meeting_to_round`).
    pub(super) fn add_round_questions(&mut self, meeting_id: i64) {
        // A meeting with a supplier of a round on its list becomes that supplier's
        // meeting in the round, in the same transaction as the block.
        let result = self.store.atomically(|s| {
            let Some((round_id, organisation_id)) = s.tie_meeting_to_round(meeting_id)? else {
                return Ok(false);
            };
            let round = s.round(round_id)?;
            let questions = s.round_questions(round_id)?;
            let outcome = questions
                .iter()
                .map(|q| format!("{}. {}", q.position, q.text))
                .collect::<Vec<_>>()
                .join("\n");
            let minutes = (5 * questions.len() as u32).clamp(5, 120);
            s.add_agenda_item(
                meeting_id,
                &crate::domain::AgendaItemInput {
                    title: round.title,
                    minutes,
                    method: String::new(),
                    owner: String::new(),
                    expected_outcome: outcome,
                },
            )?;
            for q in &questions {
                s.mark_asked(q.id, organisation_id, Some(meeting_id))?;
            }
            Ok(true)
        });
        match result {
            Ok(false) => self.info(text::msg_not_a_round_meeting()),
            other => {
                self.after_write(other, text::msg_round_questions_added());
            }
        }
    }

    /// Writes a round's dialogue compilation as chosen in its export form.
    pub(super) fn export_dialogue(
        &mut self,
        project_id: i64,
        round_id: i64,
        format: &str,
        audience: &str,
        lang: &str,
    ) {
        use crate::export::{DialogueFormat, Lang};
        self.export(ExportJob::Dialogue {
            project_id,
            round_id: Some(round_id),
            format: DialogueFormat::from_extension(format).unwrap_or(DialogueFormat::Html),
            audience: Audience::parse(audience).unwrap_or(Audience::Internal),
            lang: Lang::parse(lang).unwrap_or_default(),
        });
    }
}
