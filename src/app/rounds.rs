//! The dialogue rounds screen: a project's rounds, the matrix of the selected one
//! (questions × suppliers, a page of questions at a time) with its equal-treatment
//! warnings, and the compilation's export.

use super::screens::{MATRIX_PAGE, RoundPrompt};
use super::unreadable::unreadable_target;
use super::{Action, App, Pending, ProjectTab, Screen};
use crate::domain::{Audience, EntityKind, Matrix};
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
            self.rounds.offset = 0;
        }
        let len = self.rounds.len();
        self.rounds.cursor.clamp(len);
        self.refresh_round_matrix();
    }

    /// Loads the selected round's page of questions, and the warnings over all of them.
    pub(super) fn refresh_round_matrix(&mut self) {
        let Some(round) = self.rounds.rounds.get(self.rounds.cursor.selected).cloned() else {
            self.rounds.matrix = None;
            self.rounds.not_asked.clear();
            self.rounds.question_count = 0;
            return;
        };
        let count = self.report(self.store.round_question_count(round.id));
        let count = count.unwrap_or(0);
        self.rounds.question_count = count;
        let last_page = (count.max(1) as usize - 1) / MATRIX_PAGE * MATRIX_PAGE;
        self.rounds.offset = self.rounds.offset.min(last_page);
        let page = self.report(
            self.store
                .round_matrix(round.id, self.rounds.offset, MATRIX_PAGE),
        );
        // The warnings cover every question (at most MAX_ROUND_QUESTIONS), not the page.
        let all = self.report(self.store.round_matrix(round.id, 0, count as usize));
        self.rounds.not_asked = all.as_ref().map(Matrix::not_asked).unwrap_or_default();
        self.rounds.matrix = page;
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
        let round = view.rounds.get(view.cursor.selected);
        let title = round.map(|r| r.title.clone());
        let selected = round.map(|r| r.id);
        match action {
            Action::New => self.open_form(super::forms::round_form(project_id)),
            // To the trash with its questions and answers, as every list's `d`.
            Action::Delete => match (selected, title) {
                (Some(id), Some(title)) => self.confirm(
                    text::confirm_trash(&title),
                    Pending::Trash(EntityKind::Round, id),
                ),
                _ => self.info(text::msg_nothing_selected()),
            },
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
                self.rounds.offset += MATRIX_PAGE;
                self.refresh_round_matrix();
            }
            Action::PrevQuestions if self.rounds.offset > 0 => {
                self.rounds.offset = self.rounds.offset.saturating_sub(MATRIX_PAGE);
                self.refresh_round_matrix();
            }
            Action::ExportDialogueShared | Action::ExportDialogueInternal => {
                let audience = if action == Action::ExportDialogueShared {
                    Audience::Shared
                } else {
                    Audience::Internal
                };
                if let Some(round_id) = selected {
                    self.export(ExportJob::Dialogue {
                        project_id,
                        round_id: Some(round_id),
                        format: crate::export::DialogueFormat::Html,
                        audience,
                        lang: self.export_lang,
                    });
                }
            }
            _ => {}
        }
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
}
