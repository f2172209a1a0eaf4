//! A project's attention tab, and review mode: a walk through the active projects,
//! each on its attention tab, ending on a summary of what was reviewed and what is
//! still overdue.

use super::*;

impl App {
    /// Whether review mode is walking and project `id` is the one it is on.
    pub(super) fn reviewing(&self, id: i64) -> bool {
        self.review.as_ref().and_then(|r| r.current()) == Some(id)
    }

    pub(super) fn refresh_attention(&mut self) {
        let Some(p) = &self.project else { return };
        let id = p.project.id;
        if let Some(data) = self.report(self.store.attention(id))
            && let Some(p) = &mut self.project
        {
            p.attention.cursor.clamp(data.items().len());
            p.attention.data = data;
        }
    }

    /// The attention tab's own keys: `Enter` opens the line's item where it lives.
    pub(super) fn update_attention(&mut self, action: Action) {
        let selected = self.project.as_ref().and_then(|p| p.attention.selected());
        match action {
            Action::Open => match selected {
                Some(item) => self.go_to(item),
                None => self.info(text::msg_nothing_selected()),
            },
            Action::ReviewNext => self.review_step(1),
            Action::ReviewPrev => self.review_step(-1),
            Action::ExportReport => {
                if let Some(p) = &self.project {
                    self.export(crate::ops::ExportJob::Report {
                        project_id: p.project.id,
                        format: crate::export::ReportFormat::Html,
                        lang: self.export_lang,
                        thresholds: self.thresholds,
                    });
                }
            }
            _ => {}
        }
    }

    /// `R` on the portfolio: the first active project, on its attention tab.
    pub(super) fn start_review(&mut self) {
        let Some(projects) = self.report(self.store.active_projects()) else {
            return;
        };
        if projects.is_empty() {
            return self.info(text::msg_no_active_projects());
        }
        self.save_open_work();
        self.review = Some(ReviewState {
            projects,
            ..ReviewState::default()
        });
        self.show_review_project();
    }

    /// Shows the review's current project on its attention tab, in place of whatever
    /// review screen is on top (so that Esc never walks back through the projects).
    fn show_review_project(&mut self) {
        let Some(id) = self.review.as_ref().and_then(|r| r.current()) else {
            return;
        };
        self.save_open_work();
        self.nav.truncate(1);
        self.nav.push(Screen::Project { id });
        if let Some(p) = &mut self.project {
            p.tab = ProjectTab::Attention;
            p.attention.cursor = Cursor::default();
        }
        self.refresh();
        if let Some(p) = &mut self.project {
            // A project opened earlier keeps its state; the review starts on attention.
            p.tab = ProjectTab::Attention;
        }
        self.refresh_project_tab();
    }

    /// `n`/`]` and `p`/`[`: the next or previous project; past the last one, the summary.
    pub(super) fn review_step(&mut self, delta: isize) {
        let Some(review) = &mut self.review else {
            return;
        };
        let last = review.projects.len() as isize - 1;
        let to = review.at as isize + delta;
        if to > last {
            return self.finish_review();
        }
        review.at = to.clamp(0, last) as usize;
        self.show_review_project();
    }

    /// Stamped "reviewed today": remembered for the summary when it is the review's
    /// project.
    pub(super) fn note_reviewed(&mut self, id: i64) {
        if let Some(r) = &mut self.review
            && !r.reviewed.contains(&id)
        {
            r.reviewed.push(id);
        }
    }

    /// Ends the walk on its summary: every project walked through, whether it was
    /// stamped, and what is still overdue in it.
    pub(super) fn finish_review(&mut self) {
        let Some(ids) = self
            .review
            .as_ref()
            .map(|r| r.projects.iter().map(|p| p.0).collect::<Vec<_>>())
        else {
            return;
        };
        let Some(figures) = self.report(self.store.project_figures(&ids)) else {
            return;
        };
        let Some(review) = &self.review else { return };
        let summary = review
            .projects
            .iter()
            .map(|(id, code)| {
                let f = figures.get(id).cloned().unwrap_or_default();
                ReviewLine {
                    id: *id,
                    code: code.clone(),
                    reviewed: review.reviewed.contains(id),
                    overdue_actions: f.overdue_actions,
                    slipped_milestones: f.slipped_milestones,
                }
            })
            .collect();
        if let Some(r) = &mut self.review {
            r.summary = summary;
        }
        self.save_open_work();
        self.nav.truncate(1);
        self.nav.push(Screen::ReviewSummary);
        self.info(text::msg_review_done());
    }

    pub(super) fn update_review_summary(&mut self, action: Action) {
        match action {
            Action::ReviewPrev => {
                if let Some(r) = &mut self.review {
                    r.summary.clear();
                }
                self.show_review_project();
            }
            Action::Open => self.go_top(Screen::Portfolio),
            _ => {}
        }
    }
}
