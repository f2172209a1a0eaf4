//! Needs, improvement suggestions and lessons: the project's Needs, Suggestions and
//! Lessons tabs, the need screen and the lessons library.

use super::list_pages;
use super::unreadable::{is_about_selected, unreadable_target};
use super::{
    Action, App, Cursor, FilterList, NeedState, Overlay, Pending, Pick, PickPurpose, forms,
};
use crate::domain::{EntityKind, EntityRef};
use crate::domain::{LessonKind, NeedStatus, Phase, SuggestionStatus, TextEnum};
use crate::text;

/// The next value of an optional filter: none → first → … → last → none.
pub(super) fn cycle_filter<E: TextEnum>(current: Option<E>) -> Option<E> {
    cycle_in(E::ALL, current.as_ref())
}

/// The next value of a filter over a list of values in use: none → first → … → last →
/// none.
pub(super) fn cycle_in<T: Clone + PartialEq>(values: &[T], current: Option<&T>) -> Option<T> {
    match current.and_then(|c| values.iter().position(|v| v == c)) {
        None => values.first().cloned(),
        Some(i) => values.get(i + 1).cloned(),
    }
}

impl App {
    // ----- loading ------------------------------------------------------------------

    pub(super) fn refresh_needs(&mut self) {
        let total = self.unfiltered_total(FilterList::Needs);
        let Some(state) = &self.project else { return };
        let id = state.project.id;
        let filter = state.needs.filter.clone();
        let loaded = self.store.needs_listed(id, &filter).and_then(|needs| {
            Ok((
                needs,
                self.store.need_counts(id)?,
                self.store.need_categories(id)?,
            ))
        });
        if let Some((needs, counts, categories)) = self.report(loaded)
            && let Some(s) = &mut self.project
        {
            s.needs
                .cursor
                .clamp(needs.rows.len() + needs.unreadable.len());
            s.needs.unreadable = needs.unreadable_ids();
            s.needs.needs = needs.rows;
            s.needs.total = total;
            s.needs.counts = counts;
            s.needs.categories = categories;
        }
    }

    pub(super) fn refresh_suggestions_tab(&mut self) {
        let total = self.unfiltered_total(FilterList::Suggestions);
        let Some(state) = &self.project else { return };
        let loaded = self
            .store
            .suggestions_filtered_listed(Some(state.project.id), &state.suggestions.filter);
        if let Some(listed) = self.report(loaded)
            && let Some(s) = &mut self.project
        {
            s.suggestions.unreadable = listed.unreadable_ids();
            s.suggestions.items = listed.rows;
            let len = s.suggestions.len();
            s.suggestions.cursor.clamp(len);
            s.suggestions.total = total;
        }
    }

    pub(super) fn refresh_project_lessons(&mut self) {
        let total = self.unfiltered_total(FilterList::ProjectLessons);
        let Some(state) = &self.project else { return };
        let loaded = self.store.lessons_filtered_listed(
            Some(state.project.id),
            &state.lessons.filter,
            false,
        );
        if let Some(listed) = self.report(loaded)
            && let Some(s) = &mut self.project
        {
            s.lessons.unreadable = listed.unreadable_ids();
            s.lessons.items = listed.rows;
            let len = s.lessons.len();
            s.lessons.cursor.clamp(len);
            s.lessons.total = total;
        }
    }

    /// The library's count again and its window from where it was (`app::window`):
    /// only the rows around the cursor are read, however many lessons there are.
    pub(super) fn refresh_lessons_library(&mut self) {
        let total = self.unfiltered_total(FilterList::Library);
        let l = &mut self.library;
        let list = self.store.library_lessons(&l.filter);
        let loaded = list_pages::reload(&mut l.window, &mut l.cursor, &list);
        if self.report(loaded).is_some() {
            self.library.total = total;
        }
    }

    /// Reads the library's rows the cursor has moved onto.
    pub(super) fn load_library_around_cursor(&mut self) {
        let l = &mut self.library;
        let list = self.store.library_lessons(&l.filter);
        let loaded = list_pages::follow(&mut l.window, &mut l.cursor, &list);
        self.report(loaded);
    }

    /// Puts the library's cursor on a lesson if the filter shows it; false if not.
    pub(super) fn select_library_lesson(&mut self, id: i64) -> bool {
        let l = &mut self.library;
        let list = self.store.library_lessons(&l.filter);
        let found = list_pages::select(&mut l.window, &mut l.cursor, &list, id);
        self.report(found).unwrap_or(false)
    }

    pub(super) fn refresh_need(&mut self, id: i64) {
        let loaded = self.store.need(id).and_then(|need| {
            let evidence = self.store.evidence(id)?;
            let history = self.store.need_history(id)?;
            let merged_from = self
                .store
                .all_needs(Some(need.project_id))?
                .into_iter()
                .filter(|n| n.merged_into == Some(id))
                .map(|n| n.code)
                .collect();
            // The target may be in the trash; it is still where the evidence went.
            let merged_into = match need.merged_into {
                Some(target) => Some(self.store.need(target)?.code),
                None => None,
            };
            Ok((need, evidence, history, (merged_from, merged_into)))
        });
        let Some((need, evidence, history, (merged_from, merged_into))) = self.report(loaded)
        else {
            return self.leave_screen();
        };
        let (mut cursor, scroll) = match &self.need {
            Some(s) if s.need.id == id => (s.cursor, s.scroll.clone()),
            _ => (Cursor::default(), Default::default()),
        };
        cursor.clamp(evidence.len());
        self.need = Some(NeedState {
            need,
            evidence,
            history,
            merged_from,
            merged_into,
            cursor,
            scroll,
        });
    }

    // ----- the Needs tab and the need screen ----------------------------------------

    pub(super) fn update_project_needs(&mut self, action: Action) {
        let Some(state) = &self.project else { return };
        let project_id = state.project.id;
        let view = &state.needs;
        if let Some(id) =
            unreadable_target(&view.needs, &view.unreadable, view.cursor.selected, action)
        {
            return self.update_unreadable_row(EntityKind::Need, id, action);
        }
        let selected = state.needs.needs.get(state.needs.cursor.selected).cloned();
        match action {
            Action::New => self.open_form(forms::need_form(project_id, None)),
            Action::Open => {
                if let Some(n) = selected {
                    self.go_to(EntityRef::new(EntityKind::Need, n.id));
                }
            }
            Action::CyclePriorityFilter | Action::CycleCategoryFilter | Action::CycleSort => {
                if let Some(s) = &mut self.project {
                    let f = &mut s.needs.filter;
                    match action {
                        Action::CyclePriorityFilter => f.priority = cycle_filter(f.priority),
                        Action::CycleSort => f.sort = f.sort.next(),
                        _ => f.category = cycle_in(&s.needs.categories, f.category.as_ref()),
                    }
                    s.needs.cursor = Cursor::default();
                }
                self.refresh_needs();
            }
            other => {
                if let Some(n) = selected {
                    self.need_action(other, n.id);
                } else if matches!(other, Action::Edit | Action::Delete) {
                    self.info(text::msg_nothing_selected());
                }
            }
        }
    }

    pub(super) fn update_need(&mut self, action: Action) {
        let Some(state) = &self.need else { return };
        let need_id = state.need.id;
        let evidence = state.evidence.get(state.cursor.selected).cloned();
        match action {
            Action::AddEvidence => {
                let project_id = state.need.project_id;
                let meetings = self.meeting_choices(project_id);
                self.open_form(forms::evidence_form(need_id, &meetings));
            }
            Action::Delete => match evidence {
                Some(e) => self.confirm(
                    text::confirm_remove_evidence().into(),
                    Pending::RemoveEvidence(e.id),
                ),
                None => self.info(text::msg_nothing_selected()),
            },
            Action::CycleEvidenceLabel => match evidence {
                Some(e) => self.cycle_evidence_label(e.id, e.confidentiality),
                None => self.info(text::msg_nothing_selected()),
            },
            other => self.need_action(other, need_id),
        }
    }

    /// What can be done to a need from both the list and its own screen.
    fn need_action(&mut self, action: Action, need_id: i64) {
        let Some(need) = self.report(self.store.need(need_id)) else {
            return;
        };
        match action {
            Action::Edit => self.open_form(forms::need_form(need.project_id, Some(&need))),
            Action::CycleLabel => self.cycle_label(EntityKind::Need, need.id, need.confidentiality),
            Action::Delete => self.confirm(
                text::confirm_trash(&format!("{} {}", need.code, need.statement)),
                Pending::Trash(EntityKind::Need, need.id),
            ),
            Action::StatusForward | Action::StatusBack => {
                let to = if action == Action::StatusForward {
                    need.status.forward()
                } else {
                    need.status.back()
                };
                match to {
                    Some(to) => {
                        let result = self.store.set_need_status(need.id, to, "");
                        self.after_write(result, format!("{}: {}", need.code, to.label()));
                    }
                    None => self.info(text::need_cannot_move(&need.code, need.status.label())),
                }
            }
            Action::Reject | Action::Defer | Action::Merge if need.status == NeedStatus::Merged => {
                self.info(text::need_cannot_move(&need.code, need.status.label()))
            }
            Action::Reject | Action::Defer => {
                let to = if action == Action::Reject {
                    NeedStatus::Rejected
                } else {
                    NeedStatus::Deferred
                };
                self.open_form(forms::need_reason_form(need.id, &need.code, to));
            }
            Action::Merge => {
                // Only needs that can take a merge: not merged, not rejected.
                let others = self.store.all_needs(Some(need.project_id)).map(|all| {
                    all.into_iter()
                        .filter(|n| n.id != need.id && !n.status.is_closed())
                        .collect::<Vec<_>>()
                });
                let Some(others) = self.report(others) else {
                    return;
                };
                if others.is_empty() {
                    return self.info(text::msg_nothing_to_merge());
                }
                self.overlay = Some(Overlay::Pick(Pick {
                    title: text::pick_merge_target(&need.code),
                    options: others
                        .iter()
                        .map(|n| {
                            (
                                format!("{} {}", n.code, n.statement),
                                n.status.label().into(),
                            )
                        })
                        .collect(),
                    cursor: Cursor::default(),
                    purpose: PickPurpose::MergeInto {
                        from: need.id,
                        from_code: need.code.clone(),
                        targets: others.iter().map(|n| (n.id, n.code.clone())).collect(),
                    },
                }));
            }
            _ => {}
        }
    }

    /// A project's meetings as choices: (id, "2026-12-03 Behovsworkshop 2").
    pub(super) fn meeting_choices(&mut self, project_id: i64) -> Vec<(i64, String)> {
        let clock = self.clock();
        self.report(self.store.project_meetings(project_id))
            .unwrap_or_default()
            .into_iter()
            .rev()
            .map(|m| (m.id, format!("{} {}", clock.local(m.start).date(), m.title)))
            .collect()
    }

    // ----- suggestions --------------------------------------------------------------

    pub(super) fn update_project_suggestions(&mut self, action: Action) {
        let Some(state) = &self.project else { return };
        let project_id = state.project.id;
        let phase = state.project.phase;
        let view = &state.suggestions;
        if let Some(id) =
            unreadable_target(&view.items, &view.unreadable, view.cursor.selected, action)
        {
            return self.update_unreadable_row(EntityKind::Suggestion, id, action);
        }
        let selected = view.items.get(view.cursor.selected).cloned();
        match action {
            Action::New | Action::Edit | Action::Open => {
                let editing = if action == Action::New {
                    None
                } else {
                    match selected {
                        Some(s) => Some(s),
                        None => return,
                    }
                };
                let meetings = self.meeting_choices(project_id);
                self.open_form(forms::suggestion_form(
                    project_id,
                    editing.as_ref(),
                    phase,
                    &meetings,
                ));
            }
            Action::Delete => match selected {
                Some(s) => self.confirm(
                    text::confirm_trash(&s.title),
                    Pending::Trash(EntityKind::Suggestion, s.id),
                ),
                None => self.info(text::msg_nothing_selected()),
            },
            Action::StatusForward | Action::StatusBack => {
                if let Some(s) = selected {
                    let all = SuggestionStatus::ALL;
                    let i = s.status.index();
                    let to = if action == Action::StatusForward {
                        all.get(i + 1)
                    } else {
                        i.checked_sub(1).and_then(|i| all.get(i))
                    };
                    if let Some(&to) = to {
                        let result = self.store.set_suggestion_status(s.id, to);
                        self.after_write(result, format!("{}: {}", to.label(), s.title));
                    }
                }
            }
            Action::CyclePhaseFilter => {
                if let Some(s) = &mut self.project {
                    let v = &mut s.suggestions;
                    v.filter.phase = cycle_filter::<Phase>(v.filter.phase);
                    v.cursor = Cursor::default();
                }
                self.refresh_suggestions_tab();
            }
            Action::CycleLabel => {
                if let Some(s) = selected {
                    self.cycle_label(EntityKind::Suggestion, s.id, s.confidentiality);
                }
            }
            _ => {}
        }
    }

    // ----- lessons ------------------------------------------------------------------

    /// Lessons on the project's tab (`in_project`) or in the library.
    pub(super) fn update_lessons(&mut self, action: Action, in_project: bool) {
        let project_id = if in_project {
            self.project.as_ref().map(|p| p.project.id)
        } else {
            None
        };
        // The row under the cursor: a lesson, or the id of one that cannot be read.
        let (selected, unreadable) = match (in_project, &self.project) {
            (true, Some(p)) => {
                let view = &p.lessons;
                let at = view.cursor.selected;
                let bad = unreadable_target(&view.items, &view.unreadable, at, action);
                (view.items.get(at).cloned(), bad)
            }
            _ => match self.library.selected_row() {
                Some(row) => (
                    row.row.clone(),
                    (row.row.is_none() && is_about_selected(action)).then(|| row.id()),
                ),
                None => (None, None),
            },
        };
        if let Some(id) = unreadable {
            return self.update_unreadable_row(EntityKind::Lesson, id, action);
        }
        match action {
            Action::New | Action::Edit | Action::Open => {
                let editing = if action == Action::New {
                    None
                } else {
                    match selected {
                        Some(l) => Some(l),
                        None => return,
                    }
                };
                let projects = self
                    .report(self.store.list_projects(&Default::default()))
                    .unwrap_or_default()
                    .into_iter()
                    .map(|p| (p.id, format!("{} {}", p.code, p.title)))
                    .collect::<Vec<_>>();
                self.open_form(forms::lesson_form(project_id, editing.as_ref(), &projects));
            }
            Action::Delete => match selected {
                Some(l) => self.confirm(
                    text::confirm_trash(&l.title),
                    Pending::Trash(EntityKind::Lesson, l.id),
                ),
                None => self.info(text::msg_nothing_selected()),
            },
            Action::CyclePhaseFilter | Action::CycleKindFilter => {
                let (filter, cursor) = match (in_project, &mut self.project) {
                    (true, Some(p)) => (&mut p.lessons.filter, &mut p.lessons.cursor),
                    _ => (&mut self.library.filter, &mut self.library.cursor),
                };
                if action == Action::CyclePhaseFilter {
                    filter.phase = cycle_filter::<Phase>(filter.phase);
                } else {
                    filter.kind = cycle_filter::<LessonKind>(filter.kind);
                }
                *cursor = Cursor::default();
                if in_project {
                    self.refresh_project_lessons();
                } else {
                    // Another filter, another order of keys: read from the top.
                    self.library.window = Default::default();
                    self.refresh_lessons_library();
                }
            }
            Action::ExportLessons => self.export(crate::ops::ExportJob::Lessons {
                lang: self.export_lang,
                project_id,
                format: crate::export::LessonsFormat::Html,
            }),
            _ => {}
        }
    }
}
