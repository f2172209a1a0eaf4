//! The dialogue rounds screen: a project's rounds, the matrix of the selected one
//! (questions × suppliers, a page of questions at a time) with its equal-treatment
//! warnings, and the compilation's export.

use super::screens::MATRIX_PAGE;
use super::{Action, App, ProjectTab, Screen};
use crate::domain::{Audience, Matrix};
use crate::ops::ExportJob;

impl App {
    /// Opens the rounds of the project on screen.
    pub(super) fn open_rounds(&mut self, project_id: i64) {
        self.show(Screen::Rounds { project_id });
    }

    pub(super) fn refresh_rounds(&mut self, project_id: i64) {
        if let Some(project) = self.report(self.store.project(project_id)) {
            self.rounds.project_code = project.code;
        }
        if let Some(rounds) = self.report(self.store.rounds(Some(project_id), 0)) {
            self.rounds.rounds = rounds;
        }
        if let Some(id) = self.rounds.select.take()
            && let Some(i) = self.rounds.rounds.iter().position(|r| r.id == id)
        {
            self.rounds.cursor.selected = i;
            self.rounds.offset = 0;
        }
        let len = self.rounds.rounds.len();
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
        let selected = self
            .rounds
            .rounds
            .get(self.rounds.cursor.selected)
            .map(|r| r.id);
        match action {
            Action::NextQuestions => {
                if ((self.rounds.offset + MATRIX_PAGE) as i64) < self.rounds.question_count {
                    self.rounds.offset += MATRIX_PAGE;
                    self.refresh_round_matrix();
                }
            }
            Action::PrevQuestions => {
                if self.rounds.offset > 0 {
                    self.rounds.offset = self.rounds.offset.saturating_sub(MATRIX_PAGE);
                    self.refresh_round_matrix();
                }
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
}
