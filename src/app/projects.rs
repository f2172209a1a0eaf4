//! The portfolio and a project: its tabs, phase, review and time plan.

use super::unreadable::{is_about_selected, unreadable_target};
use super::*;
use crate::domain::{EntityKind, EntityRef};

impl App {
    pub(super) fn update_portfolio(&mut self, action: Action) {
        // A row that cannot be read keeps its place in the order (`app::unreadable`).
        let p = &self.portfolio;
        if let Some(row) = p.window.get(p.cursor.selected)
            && row.row.is_none()
            && is_about_selected(action)
        {
            return self.update_unreadable_row(EntityKind::Project, row.id(), action);
        }
        let selected = self.portfolio.selected().map(|r| (r.id, r.code.clone()));
        match action {
            Action::Open => {
                if let Some((id, _)) = selected {
                    self.go_to(EntityRef::new(EntityKind::Project, id));
                }
            }
            Action::New => self.open_form(forms::project_form(None)),
            Action::Edit => {
                if let Some((id, _)) = selected
                    && let Some(p) = self.report(self.store.project(id))
                {
                    self.open_form(forms::project_form(Some(&p)));
                }
            }
            Action::Delete => match selected {
                Some((id, code)) => self.confirm(
                    text::confirm_trash(&code),
                    Pending::Trash(EntityKind::Project, id),
                ),
                None => self.info(text::msg_nothing_selected()),
            },
            Action::CycleSort => {
                self.portfolio.filter.sort = self.portfolio.filter.sort.next();
                self.resort_portfolio();
            }
            Action::ReverseSort => {
                self.portfolio.filter.descending = !self.portfolio.filter.descending;
                self.resort_portfolio();
            }
            Action::StartReview => self.start_review(),
            Action::LoadDemo => {
                let today = self.clock().today();
                let result = crate::ops::demo::load(&mut self.store, today);
                self.after_write(result, text::msg_demo_loaded());
            }
            _ => {}
        }
    }

    pub(super) fn update_project(&mut self, action: Action) {
        let Some(state) = &self.project else { return };
        let project_id = state.project.id;
        let tab = state.tab;
        let at = state.cursor.selected;
        if tab == ProjectTab::TimePlan
            && let Some(id) =
                unreadable_target(&state.milestones, &state.unreadable_milestones, at, action)
        {
            return self.update_unreadable_row(EntityKind::Milestone, id, action);
        }
        let milestone = state.milestones.get(at).cloned();
        let phase = state.project.phase;
        match action {
            Action::GoRounds => {
                self.rounds_from_project();
            }
            Action::NextTab | Action::PrevTab => {
                let tabs = ProjectTab::ALL;
                let i = tabs.iter().position(|t| *t == tab).unwrap_or(0);
                let n = tabs.len();
                let next = if action == Action::NextTab {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                if let Some(p) = &mut self.project {
                    p.tab = tabs[next];
                }
                self.refresh_project_tab();
            }
            Action::PhaseNext | Action::PhasePrev => {
                let to = if action == Action::PhaseNext {
                    phase.next()
                } else {
                    phase.previous()
                };
                if let Some(to) = to {
                    let result = self.store.set_project_phase(project_id, to);
                    self.after_write(result, format!("{}: {}", text::msg_phase_set(), to.label()));
                }
            }
            Action::MarkReviewed => {
                let result = self.store.mark_project_reviewed(project_id);
                if self.after_write(result, text::msg_reviewed()) {
                    self.note_reviewed(project_id);
                }
            }
            other if tab == ProjectTab::Attention => self.update_attention(other),
            other if tab == ProjectTab::Meetings => self.update_project_meetings(other),
            other if tab == ProjectTab::Needs => self.update_project_needs(other),
            other if tab == ProjectTab::Suggestions => self.update_project_suggestions(other),
            other if tab == ProjectTab::Decisions => self.update_project_decisions(other),
            other if tab == ProjectTab::Information => self.update_project_information(other),
            other if tab == ProjectTab::Lessons => self.update_lessons(other, true),
            Action::Edit if tab == ProjectTab::Overview => {
                if let Some(p) = self.report(self.store.project(project_id)) {
                    self.open_form(forms::project_form(Some(&p)));
                }
            }
            Action::Delete if tab == ProjectTab::Overview => {
                let code = self.project.as_ref().map(|p| p.project.code.clone());
                self.confirm(
                    text::confirm_trash(&code.unwrap_or_default()),
                    Pending::Trash(EntityKind::Project, project_id),
                );
            }
            _ if tab == ProjectTab::Overview => {}
            Action::New => self.open_form(forms::milestone_form(project_id, None)),
            Action::Edit => {
                if let Some(m) = milestone {
                    self.open_form(forms::milestone_form(project_id, Some(&m)));
                }
            }
            Action::ToggleDone => {
                if let Some(m) = milestone {
                    let result = self.store.toggle_milestone_done(m.id);
                    let became = if m.status == MilestoneStatus::Done {
                        MilestoneStatus::Planned
                    } else {
                        MilestoneStatus::Done
                    };
                    self.after_write(result, format!("{}: {}", became.label(), m.title));
                }
            }
            Action::Delete => match milestone {
                Some(m) => self.confirm(
                    text::confirm_trash(&m.title),
                    Pending::Trash(EntityKind::Milestone, m.id),
                ),
                None => self.info(text::msg_nothing_selected()),
            },
            _ => {}
        }
    }

    /// Reloads the project and only the data of the tab on screen.
    pub(super) fn refresh_project(&mut self, id: i64) {
        let Some(project) = self.report(self.store.project(id)) else {
            self.project = None;
            return self.leave_screen();
        };
        match &mut self.project {
            Some(s) if s.project.id == id => s.project = project,
            _ => {
                self.project = Some(ProjectState {
                    project,
                    milestones: Vec::new(),
                    unreadable_milestones: Vec::new(),
                    meetings: MeetingList::default(),
                    needs: NeedsView::default(),
                    suggestions: SuggestionsView::default(),
                    decisions: DecisionsView::default(),
                    information: InformationView::default(),
                    lessons: LessonsView::default(),
                    attention: AttentionView::default(),
                    tab: ProjectTab::default(),
                    cursor: Cursor::default(),
                    meeting_cursor: Cursor::default(),
                    overview_scroll: Default::default(),
                })
            }
        }
        self.refresh_project_tab();
    }

    pub(super) fn refresh_project_tab(&mut self) {
        let Some(state) = &self.project else { return };
        let id = state.project.id;
        match state.tab {
            ProjectTab::Overview => {}
            ProjectTab::Attention => self.refresh_attention(),
            ProjectTab::Meetings => {
                let filter = state.meetings.filter.clone();
                if let Some(mut list) = self.load_meeting_list(id, filter)
                    && let Some(s) = &mut self.project
                {
                    s.meeting_cursor.clamp(list.len());
                    // The bar's open text stays open across a reload.
                    list.filter_input = s.meetings.filter_input.take();
                    s.meetings = list;
                }
            }
            ProjectTab::TimePlan => {
                if let Some(listed) = self.report(self.store.milestones_listed(id))
                    && let Some(s) = &mut self.project
                {
                    s.cursor.clamp(listed.rows.len() + listed.unreadable.len());
                    s.unreadable_milestones = listed.unreadable_ids();
                    s.milestones = listed.rows;
                }
            }
            ProjectTab::Needs => self.refresh_needs(),
            ProjectTab::Suggestions => self.refresh_suggestions_tab(),
            ProjectTab::Decisions => self.refresh_decisions_tab(),
            ProjectTab::Information => self.refresh_information_tab(),
            ProjectTab::Lessons => self.refresh_project_lessons(),
        }
    }
}
