//! `App::go_to`: opens any item in its context. Every jump in the app goes through it
//! (Enter on a list row, "go to the meeting", the trash), and so will search results and
//! the command palette.

use super::{App, Cursor, DirectoryTab, MeetingTab, Outcome, ProjectTab, Screen};
use crate::domain::{EntityKind, EntityRef};
use crate::store::{Location, StoreError};
use crate::text;

impl App {
    /// Opens `item` where it lives, selected: a note on its meeting's Notes tab, a need
    /// on its own screen, an action on the actions screen, and so on. Opening pushes on
    /// the navigation stack (Esc comes back), unless that screen is already on top.
    pub fn go_to(&mut self, item: EntityRef) {
        let at = match self.store.locate(item) {
            Ok(at) => at,
            Err(StoreError::NotFound) => return self.info(text::msg_gone()),
            Err(e) => return self.report::<()>(Err(e)).unwrap_or(()),
        };
        if at.trashed {
            return self.go_to_trash(item);
        }
        if at.parent_trashed {
            return self.info(text::msg_parent_in_trash());
        }
        match item.kind {
            EntityKind::Project => self.show(Screen::Project { id: item.id }),
            EntityKind::Organisation | EntityKind::Person => self.go_to_directory(item),
            EntityKind::Round => self.go_to_round(item.id, at),
            EntityKind::RoundQuestion => self.go_to_round_question(item.id, at),
            EntityKind::Meeting => self.show(Screen::Meeting { id: item.id }),
            EntityKind::AgendaItem | EntityKind::Note | EntityKind::Question => {
                self.go_to_meeting_row(item, at)
            }
            EntityKind::Decision if at.meeting_id.is_some() => self.go_to_meeting_row(item, at),
            EntityKind::Need => self.show(Screen::Need { id: item.id }),
            EntityKind::ActionItem => self.go_to_action(item.id),
            EntityKind::Lesson if at.project_id.is_none() => self.go_to_library_lesson(item.id),
            EntityKind::Milestone
            | EntityKind::Suggestion
            | EntityKind::Lesson
            | EntityKind::Decision
            | EntityKind::Information
            | EntityKind::Interest => self.go_to_project_row(item, at),
        }
    }

    /// A round opens its project's rounds, selected.
    fn go_to_round(&mut self, round_id: i64, at: Location) {
        if let Some(project_id) = at.project_id {
            self.rounds.select = Some(round_id);
            self.show(Screen::Rounds { project_id });
        }
    }

    /// A round's question opens its round with the cell cursor on it.
    fn go_to_round_question(&mut self, question_id: i64, at: Location) {
        let Some(question) = self.report(self.store.round_question(question_id)) else {
            return;
        };
        self.go_to_round(question.round_id, at);
        if matches!(self.screen(), Screen::Rounds { .. }) {
            self.focus_round_question(question_id);
        }
    }

    /// Shows `screen`, pushing it unless it is already on top.
    pub(super) fn show(&mut self, screen: Screen) {
        if self.screen() == screen {
            self.refresh();
        } else {
            self.push(screen);
        }
    }

    fn go_to_trash(&mut self, item: EntityRef) {
        self.show(Screen::Trash);
        if let Some(i) = self
            .trash
            .items
            .iter()
            .position(|t| t.kind == item.kind && t.id == item.id)
        {
            self.trash.cursor.selected = i;
        }
        self.info(text::msg_item_in_trash());
    }

    fn go_to_directory(&mut self, item: EntityRef) {
        self.show(Screen::Directory);
        self.directory.tab = if item.kind == EntityKind::Person {
            DirectoryTab::People
        } else {
            DirectoryTab::Organisations
        };
        self.select_in_directory(item);
    }

    /// An agenda block, note, question, or a decision made in a meeting: the meeting,
    /// on the tab that lists it.
    fn go_to_meeting_row(&mut self, item: EntityRef, at: Location) {
        let Some(meeting_id) = at.meeting_id else {
            return;
        };
        let tab = match item.kind {
            EntityKind::AgendaItem => MeetingTab::Agenda,
            EntityKind::Note => MeetingTab::Notes,
            _ => MeetingTab::Outcomes,
        };
        self.show(Screen::Meeting { id: meeting_id });
        let Some(s) = &mut self.meeting else { return };
        s.tab = tab;
        s.cursor = Cursor::default();
        let ids: Vec<i64> = match item.kind {
            EntityKind::AgendaItem => s.agenda.iter().map(|a| a.id).collect(),
            EntityKind::Note => s.notes.iter().map(|n| n.id).collect(),
            _ => {
                let wanted = match item.kind {
                    EntityKind::Decision => Outcome::Decision(item.id),
                    _ => Outcome::Question(item.id),
                };
                let rows = s.outcomes();
                if let Some(i) = rows.iter().position(|o| *o == wanted) {
                    s.cursor.selected = i;
                }
                return;
            }
        };
        select(&mut s.cursor, ids.into_iter(), item.id);
    }

    /// A milestone, suggestion, lesson, decision, information entry or interest of a project: the project, on the tab
    /// that lists it, with the tab's filters cleared if they would hide it.
    fn go_to_project_row(&mut self, item: EntityRef, at: Location) {
        let Some(project_id) = at.project_id else {
            return;
        };
        let tab = match item.kind {
            EntityKind::Milestone => ProjectTab::TimePlan,
            EntityKind::Suggestion => ProjectTab::Suggestions,
            EntityKind::Lesson => ProjectTab::Lessons,
            EntityKind::Information | EntityKind::Interest => ProjectTab::Information,
            _ => ProjectTab::Decisions,
        };
        self.show(Screen::Project { id: project_id });
        let Some(p) = &mut self.project else { return };
        p.tab = tab;
        self.refresh_project_tab();
        if !self.select_in_project_tab(item) {
            // Hidden by a filter: show everything, then select it.
            if let Some(p) = &mut self.project {
                p.suggestions.filter = Default::default();
                p.lessons.filter = Default::default();
            }
            self.refresh_project_tab();
            self.select_in_project_tab(item);
        }
    }

    /// Selects `item` on the project's current tab; false when it is not listed there.
    fn select_in_project_tab(&mut self, item: EntityRef) -> bool {
        let Some(p) = &mut self.project else {
            return false;
        };
        match item.kind {
            EntityKind::Milestone => {
                select(&mut p.cursor, p.milestones.iter().map(|m| m.id), item.id)
            }
            EntityKind::Suggestion => select(
                &mut p.suggestions.cursor,
                p.suggestions.items.iter().map(|s| s.id),
                item.id,
            ),
            EntityKind::Lesson => select(
                &mut p.lessons.cursor,
                p.lessons.items.iter().map(|l| l.id),
                item.id,
            ),
            // One list: the entries, then the interests.
            EntityKind::Information => select(
                &mut p.information.cursor,
                p.information.items.iter().map(|i| i.id),
                item.id,
            ),
            EntityKind::Interest => {
                let before = p.information.items.len();
                let at = p.information.interests.iter().position(|i| i.id == item.id);
                if let Some(at) = at {
                    p.information.cursor.selected = before + at;
                }
                at.is_some()
            }
            _ => select(
                &mut p.decisions.cursor,
                p.decisions.items.iter().map(|d| d.id),
                item.id,
            ),
        }
    }

    /// A lesson without a project: the lessons library, filters cleared if they hide it.
    fn go_to_library_lesson(&mut self, id: i64) {
        self.show(Screen::Lessons);
        if !self.select_library_lesson(id) {
            self.library.filter = Default::default();
            self.refresh();
            self.select_library_lesson(id);
        }
    }

    /// An action: the actions screen on it, with filters that would hide it cleared.
    fn go_to_action(&mut self, id: i64) {
        self.show(Screen::Actions);
        if !self.select_action(id) {
            let f = &mut self.actions.filter;
            f.owner = None;
            f.project_id = None;
            f.text.clear();
            f.include_closed = true;
            self.refresh();
            self.select_action(id);
        }
    }
}

/// Points `cursor` at the row with `id`; false when no row has it.
fn select(cursor: &mut Cursor, ids: impl Iterator<Item = i64>, id: i64) -> bool {
    match ids.into_iter().position(|x| x == id) {
        Some(i) => {
            cursor.selected = i;
            true
        }
        None => false,
    }
}
