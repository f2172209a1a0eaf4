//! Meetings: the project's Meetings tab, the meeting screen (details, agenda,
//! participants, checklist) and the agenda/week view across projects.

use std::collections::HashSet;

use chrono::Days;

use super::agenda_window::overlapping_slot_ids;
use super::screens::{MeetingRow, MeetingUnreadable, meeting_row_at};
use super::unreadable::{Removal, unreadable_target};
use super::{
    Action, AgendaMode, App, Cursor, MeetingList, MeetingState, MeetingTab, Overlay, Pending, Pick,
    PickPurpose, Screen, forms,
};
use crate::domain::{
    AttendanceRole, CHECKLIST_LEN, Meeting, MeetingStatus, TextEnum, is_supplier_facing, week_start,
};
use crate::domain::{EntityKind, EntityRef};
use crate::export::{AgendaFormat, TemplateSource};
use crate::ops::export::ExportOpError;
use crate::ops::{Destination, ExportJob};
use crate::text;

impl Action {
    /// Whether the action works on the selected meeting of a list (rather than on the
    /// list, like new or export).
    fn is_about_selected_meeting(self) -> bool {
        matches!(
            self,
            Action::Open | Action::Edit | Action::CancelMeeting | Action::Delete
        )
    }
}

fn cycle<T: Copy>(all: &[T], current: usize, forward: bool) -> T {
    let n = all.len();
    all[if forward {
        (current + 1) % n
    } else {
        (current + n - 1) % n
    }]
}

impl App {
    // ----- loading ------------------------------------------------------------------

    /// A project's meetings, upcoming first, with overlaps against every project.
    /// The project's meetings as `filter` narrows them (the list takes the filter on).
    pub(super) fn load_meeting_list(
        &mut self,
        project_id: i64,
        filter: crate::domain::MeetingFilter,
    ) -> Option<MeetingList> {
        let total = self.unfiltered_total(super::FilterList::Meetings);
        let listed = self.report(self.store.project_meetings_filtered(project_id, &filter))?;
        let all = listed.rows;
        let now = self.clock().now();
        let (mut upcoming, mut past): (Vec<Meeting>, Vec<Meeting>) =
            all.into_iter().partition(|m| m.end >= now);
        past.reverse();
        let overlapping = self.report(self.store.overlapping_meeting_ids(project_id, now))?;
        let count = upcoming.len();
        upcoming.extend(past);
        Some(MeetingList {
            meetings: upcoming,
            upcoming: count,
            overlapping,
            unreadable: listed.unreadable.iter().map(|r| r.id).collect(),
            filter,
            filter_input: None,
            total,
        })
    }

    pub(super) fn refresh_meeting(&mut self, id: i64) {
        // Opening a meeting (not returning to it from its own editor) tidies away empty
        // notes that a killed process may have left: this process's own, or ones
        // untouched for a day; never a new note another window is about to fill.
        let opening = self.meeting.as_ref().is_none_or(|s| s.meeting.id != id);
        if opening && self.editor.is_none() {
            let _ = self.store.purge_empty_notes(id, &self.own_notes);
        }
        let loaded = self.store.meeting(id).and_then(|meeting| {
            let project = self.store.project(meeting.project_id)?;
            let agenda = self.store.agenda(id)?;
            let attendance = self.store.attendance_listed(id)?;
            let overlaps = if meeting.status == MeetingStatus::Cancelled {
                Vec::new()
            } else {
                self.store
                    .overlapping_meetings(meeting.start, meeting.end, Some(id))?
            };
            Ok((meeting, project, agenda, attendance, overlaps))
        });
        let Some((meeting, project, agenda, attendance, overlaps)) = self.report(loaded) else {
            self.leave_screen();
            return;
        };
        let outcomes = self.store.notes_listed(id).and_then(|notes| {
            Ok((
                notes,
                self.store.decisions_listed(None, Some(id))?,
                self.store.actions_listed(&crate::domain::ActionFilter {
                    meeting_id: Some(id),
                    include_closed: true,
                    ..Default::default()
                })?,
                self.store.questions_listed(id)?,
                self.store.notes_status_dates(id)?,
                self.store.notes_approval(id)?,
                self.store.exports(id)?,
                self.store.meeting_equal_treatment(id)?,
            ))
        });
        let Some((
            notes,
            decisions,
            actions,
            questions,
            notes_status_dates,
            notes_approval,
            exports,
            equal_treatment,
        )) = self.report(outcomes)
        else {
            return;
        };
        let (tab, cursor, details_scroll) = match &self.meeting {
            Some(s) if s.meeting.id == id => (s.tab, s.cursor, s.details_scroll.clone()),
            _ => (MeetingTab::default(), Cursor::default(), Default::default()),
        };
        // Each tab lists the rows it cannot read after its own (`app::unreadable`).
        let unreadable = MeetingUnreadable {
            notes: notes.unreadable_ids(),
            outcomes: [
                (EntityKind::Decision, &decisions.unreadable),
                (EntityKind::ActionItem, &actions.unreadable),
                (EntityKind::Question, &questions.unreadable),
            ]
            .into_iter()
            .flat_map(|(kind, rows)| rows.iter().map(move |r| EntityRef::new(kind, r.id)))
            .collect(),
            participants: attendance.unreadable_ids(),
        };
        let attendance = attendance.rows;
        let supplier_facing = is_supplier_facing(&meeting, &attendance);
        let mut state = MeetingState {
            meeting,
            project,
            agenda,
            attendance,
            overlaps,
            supplier_facing,
            notes: notes.rows,
            decisions: decisions.rows,
            actions: actions.rows,
            questions: questions.rows,
            unreadable,
            notes_status_dates,
            notes_approval,
            exports,
            equal_treatment,
            tab,
            cursor,
            details_scroll,
        };
        let rows = state.rows();
        state.cursor.clamp(rows);
        self.meeting = Some(state);
    }

    /// The agenda list (today and the next days) or the week (Monday to Sunday).
    pub(super) fn refresh_agenda(&mut self) {
        let today = self.clock().today();
        let view = &mut self.agenda;
        let from = match (view.mode, view.from) {
            (_, Some(from)) => from,
            (AgendaMode::List, None) => today,
            (AgendaMode::Week, None) => week_start(today, self.week_first_day),
        };
        view.from = Some(from);
        let Some((start, end)) = self.agenda_range() else {
            return;
        };
        let total = self.unfiltered_total(super::FilterList::Agenda);
        let filter = self.agenda.filter.clone();
        let loaded = self
            .store
            .agenda_slots(start, end, Some(&filter))
            .and_then(|listed| {
                // Overlaps are with any meeting of those days, shown or filtered out.
                let overlapping = if total.is_some() {
                    let all = self.store.agenda_slots_readable(start, end)?;
                    let ids: HashSet<i64> = listed.rows.iter().map(|m| m.id).collect();
                    overlapping_slot_ids(&all)
                        .into_iter()
                        .filter(|id| ids.contains(id))
                        .collect()
                } else {
                    overlapping_slot_ids(&listed.rows)
                };
                Ok((listed, overlapping))
            });
        if let Some((listed, overlapping)) = self.report(loaded) {
            self.agenda.overlapping = overlapping;
            self.agenda.slots = listed.rows;
            self.agenda.loaded.clear();
            self.agenda.unreadable = listed.unreadable.iter().map(|r| r.id).collect();
            self.agenda.total = total;
        }
        let len = self.agenda.len();
        self.agenda.cursor.clamp(len);
        self.load_agenda_rows(true);
    }

    /// The instants the agenda's days span (from its first day's midnight on).
    pub(super) fn agenda_range(
        &self,
    ) -> Option<(chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>)> {
        let view = &self.agenda;
        let from = view.from?;
        let days = match view.mode {
            AgendaMode::List => super::AGENDA_DAYS,
            AgendaMode::Week => 7,
        };
        let clock = self.clock();
        let range = clock
            .to_utc(from.and_hms_opt(0, 0, 0).expect("midnight"))
            .and_then(|start| {
                let end_day = from + Days::new(days);
                Ok((
                    start,
                    clock.to_utc(end_day.and_hms_opt(0, 0, 0).expect("midnight"))?,
                ))
            });
        range.ok()
    }

    /// Leaves a screen whose subject disappeared (deleted elsewhere).
    pub(super) fn leave_screen(&mut self) {
        self.nav.pop();
        if self.nav.is_empty() {
            self.nav.push(Screen::Portfolio);
        }
        self.refresh();
    }

    // ----- the project's Meetings tab -----------------------------------------------

    pub(super) fn update_project_meetings(&mut self, action: Action) {
        let Some(state) = &self.project else { return };
        let project_id = state.project.id;
        let list = &state.meetings;
        let selected = match meeting_row_at(
            &list.meetings,
            &list.unreadable,
            state.meeting_cursor.selected,
        ) {
            Some(MeetingRow::Item(m)) => Some(m.clone()),
            Some(MeetingRow::Unreadable(id)) if action.is_about_selected_meeting() => {
                return self.update_unreadable_row(EntityKind::Meeting, id, action);
            }
            _ => None,
        };
        match action {
            Action::New => {
                let clock = self.clock();
                self.open_form(forms::meeting_form(project_id, None, &clock));
            }
            Action::Open => {
                if let Some(m) = selected {
                    self.go_to(EntityRef::new(EntityKind::Meeting, m.id));
                }
            }
            Action::Edit => {
                if let Some(m) = selected {
                    let clock = self.clock();
                    self.open_form(forms::meeting_form(project_id, Some(&m), &clock));
                }
            }
            Action::CancelMeeting => {
                if let Some(m) = selected {
                    self.toggle_cancelled(&m);
                }
            }
            Action::Delete => match selected {
                Some(m) => self.confirm(
                    text::confirm_trash(&m.title),
                    Pending::Trash(EntityKind::Meeting, m.id),
                ),
                None => self.info(text::msg_nothing_selected()),
            },
            Action::ExportCalendar => self.export(ExportJob::Calendar {
                lang: self.export_lang,
                project_id: Some(project_id),
            }),
            _ => {}
        }
    }

    /// Cancels a meeting, or reinstates a cancelled one with the status it had before.
    /// A held meeting is cancelled only after asking: it rewrites what happened.
    fn toggle_cancelled(&mut self, m: &Meeting) {
        match m.status {
            MeetingStatus::Cancelled => {
                let result = self.store.reinstate_meeting(m.id);
                if let Some(to) = self.report(result) {
                    self.info(format!("{}: {}", to.label(), m.title));
                    self.refresh();
                }
            }
            MeetingStatus::Held => self.confirm(
                text::confirm_cancel_held(&m.title),
                Pending::CancelHeldMeeting(m.id),
            ),
            MeetingStatus::Planned => {
                let result = self
                    .store
                    .set_meeting_status(m.id, MeetingStatus::Cancelled);
                self.after_write(
                    result,
                    format!("{}: {}", MeetingStatus::Cancelled.label(), m.title),
                );
            }
        }
    }

    // ----- the meeting screen -------------------------------------------------------

    pub(super) fn update_meeting(&mut self, action: Action) {
        let Some(state) = &self.meeting else { return };
        let meeting = state.meeting.clone();
        let tab = state.tab;
        let at = state.cursor.selected;
        let item = state.agenda.get(at).cloned();
        let person = state.attendance.get(at).cloned();
        // A participant that cannot be read (`c` and `h` stay the meeting's keys).
        if tab == MeetingTab::Participants
            && !matches!(action, Action::CancelMeeting | Action::MarkHeld)
            && let Some(id) = unreadable_target(
                &state.attendance,
                &state.unreadable.participants,
                at,
                action,
            )
        {
            return self.update_unreadable(Removal::Participant, id, action);
        }
        match (action, tab) {
            (Action::NextTab | Action::PrevTab, _) => {
                let i = MeetingTab::ALL.iter().position(|t| *t == tab).unwrap_or(0);
                let next = cycle(&MeetingTab::ALL, i, action == Action::NextTab);
                if let Some(s) = &mut self.meeting {
                    s.tab = next;
                    s.cursor = Cursor::default();
                }
            }
            (Action::ExportCalendar, _) => self.export(ExportJob::MeetingCalendar {
                lang: self.export_lang,
                meeting_id: meeting.id,
            }),
            (Action::ExportNotes, _) => self.ask_notes_export(),
            (Action::AddRoundQuestions, MeetingTab::Agenda) => self.add_round_questions(meeting.id),
            (Action::NotesStatusNext, _) => self.notes_status_next(),
            (Action::NotesStatusBack, _) => self.notes_status_back(),
            (Action::CancelMeeting, _) => self.toggle_cancelled(&meeting),
            // A meeting that has not started cannot have been held: ask (not refuse: a
            // start time can be wrong).
            (Action::MarkHeld, _) if meeting.start > self.clock().now() => self.confirm(
                text::confirm_future_held(&meeting.title),
                Pending::MarkFutureMeetingHeld(meeting.id),
            ),
            (Action::MarkHeld, _) => self.mark_held(meeting.id),
            (other, MeetingTab::Notes) => self.update_meeting_notes(other),
            (other, MeetingTab::Outcomes) => self.update_meeting_outcomes(other),
            (Action::ExportAgenda, _) => self.export(ExportJob::Agenda {
                lang: self.export_lang,
                meeting_id: meeting.id,
                format: AgendaFormat::Html,
            }),
            (Action::Edit, MeetingTab::Details) => {
                let clock = self.clock();
                self.open_form(forms::meeting_form(
                    meeting.project_id,
                    Some(&meeting),
                    &clock,
                ));
            }
            (Action::Delete, MeetingTab::Details) => self.confirm(
                text::confirm_trash(&meeting.title),
                Pending::Trash(EntityKind::Meeting, meeting.id),
            ),
            // Agenda
            (Action::New, MeetingTab::Agenda) => {
                self.open_form(forms::agenda_item_form(meeting.id, None))
            }
            (Action::Edit, MeetingTab::Agenda) => {
                if let Some(item) = item {
                    self.open_form(forms::agenda_item_form(meeting.id, Some(&item)));
                }
            }
            (Action::MoveUp | Action::MoveDown, MeetingTab::Agenda) => {
                if let Some(item) = item {
                    let direction = if action == Action::MoveUp { -1 } else { 1 };
                    let moved = self.store.move_agenda_item(item.id, direction);
                    if let Some(true) = self.report(moved) {
                        if let Some(s) = &mut self.meeting {
                            let len = s.agenda.len();
                            s.cursor.step(direction as isize, len);
                        }
                        self.refresh();
                    }
                }
            }
            (Action::Delete, MeetingTab::Agenda) => match item {
                Some(item) => self.confirm(
                    text::confirm_trash(&item.title),
                    Pending::Trash(EntityKind::AgendaItem, item.id),
                ),
                None => self.info(text::msg_nothing_selected()),
            },
            (Action::ApplyTemplate, MeetingTab::Agenda) => self.pick_template(&meeting),
            (Action::SaveTemplate, MeetingTab::Agenda) => {
                if state_has_agenda(self) {
                    self.open_form(forms::template_form(meeting.id, &meeting.title));
                } else {
                    self.info(text::msg_agenda_empty());
                }
            }
            // Participants
            (Action::New, MeetingTab::Participants) => {
                self.open_form(forms::participant_form(meeting.id))
            }
            (
                Action::CycleRole | Action::ToggleInvited | Action::ToggleAttended,
                MeetingTab::Participants,
            ) => {
                if let Some(p) = person {
                    let (mut role, mut invited, mut attended) = (p.role, p.invited, p.attended);
                    match action {
                        Action::CycleRole => role = cycle(AttendanceRole::ALL, role.index(), true),
                        Action::ToggleInvited => invited = !invited,
                        _ => attended = !attended,
                    }
                    let result = self.store.set_attendance(p.id, role, invited, attended);
                    if self.report(result).is_some() {
                        self.refresh();
                    }
                }
            }
            (Action::Delete, MeetingTab::Participants) => {
                if let Some(p) = person {
                    let result = self.store.remove_attendance(p.id);
                    self.after_write(
                        result,
                        format!("{}: {}", text::msg_removed(), p.person_name),
                    );
                }
            }
            // Checklist
            (Action::Edit, MeetingTab::Checklist) => {
                let current = self
                    .meeting
                    .as_ref()
                    .and_then(|s| s.equal_treatment.registration.clone());
                let today = self.store.clock().today();
                self.open_form(forms::registration_form(
                    meeting.id,
                    current.as_ref(),
                    today,
                ));
            }
            (Action::ToggleDone, MeetingTab::Checklist) if at < CHECKLIST_LEN => {
                let result = self.store.toggle_checklist(meeting.id, at);
                if self.report(result).is_some() {
                    self.refresh();
                }
            }
            _ => {}
        }
    }

    // ----- templates ----------------------------------------------------------------

    fn pick_template(&mut self, meeting: &Meeting) {
        let (templates, warnings) = crate::templates::load_all(self.dirs.templates.as_deref());
        if let Some(w) = warnings.first() {
            self.error(w.clone());
        }
        // The template made for this kind of meeting comes first.
        let mut ordered: Vec<_> = templates.into_iter().collect();
        ordered.sort_by_key(|t| t.meeting_type != Some(meeting.kind));
        let options = ordered
            .iter()
            .map(|t| {
                (
                    t.name.clone(),
                    format!(
                        "{} · {}",
                        crate::domain::when::format_duration(crate::templates::total_minutes(t)),
                        t.description
                    ),
                )
            })
            .collect();
        self.overlay = Some(Overlay::Pick(Pick {
            title: text::pick_template().to_string(),
            options,
            cursor: Cursor::default(),
            purpose: PickPurpose::Template {
                meeting_id: meeting.id,
                templates: ordered,
            },
        }));
    }

    pub(super) fn update_pick(&mut self, action: Action) {
        let Some(Overlay::Pick(pick)) = &mut self.overlay else {
            return;
        };
        let len = pick.options.len();
        match action {
            Action::Up => pick.cursor.step(-1, len),
            Action::Down => pick.cursor.step(1, len),
            Action::PageUp => pick.cursor.step(-super::PAGE, len),
            Action::PageDown => pick.cursor.step(super::PAGE, len),
            Action::Top => pick.cursor.step(isize::MIN / 2, len),
            Action::Bottom => pick.cursor.step(isize::MAX / 2, len),
            Action::Back => self.overlay = None,
            Action::Open => {
                let Some(Overlay::Pick(pick)) = self.overlay.take() else {
                    return;
                };
                let chosen = pick.cursor.selected;
                match pick.purpose {
                    purpose @ (PickPurpose::Facet { .. } | PickPurpose::FacetValue { .. }) => {
                        self.picked_facet(purpose, chosen)
                    }
                    PickPurpose::MergeInto {
                        from,
                        from_code,
                        targets,
                    } => {
                        if let Some((into, into_code)) = targets.into_iter().nth(chosen) {
                            self.confirm(
                                text::confirm_merge(&from_code, &into_code),
                                Pending::MergeNeeds(from, into),
                            );
                        }
                    }
                    PickPurpose::MergeDirectory {
                        kind,
                        from,
                        from_name,
                        targets,
                    } => {
                        if let Some((into, into_name)) = targets.into_iter().nth(chosen) {
                            self.confirm(
                                text::confirm_merge_directory(&from_name, &into_name),
                                Pending::MergeDirectory(kind, from, into),
                            );
                        }
                    }
                    PickPurpose::Template {
                        meeting_id,
                        templates,
                    } => {
                        if let Some(t) = templates.into_iter().nth(chosen) {
                            let has_agenda = state_has_agenda(self);
                            if has_agenda {
                                self.confirm(
                                    text::confirm_replace_agenda().into(),
                                    Pending::ApplyTemplate(meeting_id, Box::new(t)),
                                );
                            } else {
                                self.apply_template(meeting_id, &t);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Fills the agenda from a template; an existing agenda goes to the trash first.
    pub(super) fn apply_template(&mut self, meeting_id: i64, t: &crate::templates::AgendaTemplate) {
        let existing: Vec<i64> = self
            .meeting
            .as_ref()
            .map(|s| s.agenda.iter().map(|i| i.id).collect())
            .unwrap_or_default();
        let result = self.store.atomically(|store| {
            for id in &existing {
                store.trash(EntityKind::AgendaItem, *id)?;
            }
            for item in &t.items {
                store.add_agenda_item(meeting_id, item)?;
            }
            Ok(())
        });
        self.after_write(
            result,
            format!("{}: {}", text::msg_template_applied(), t.name),
        );
    }

    pub(super) fn save_template(&mut self, name: &str) -> bool {
        let Some(dir) = self.dirs.templates.clone() else {
            self.error(text::msg_no_template_dir());
            return false;
        };
        let Some(state) = &self.meeting else {
            return false;
        };
        let items: Vec<crate::domain::AgendaItemInput> = state
            .agenda
            .iter()
            .map(|i| crate::domain::AgendaItemInput {
                title: i.title.clone(),
                minutes: i.minutes,
                method: i.method.clone(),
                owner: i.owner.clone(),
                expected_outcome: i.expected_outcome.clone(),
            })
            .collect();
        let kind = state.meeting.kind;
        match crate::templates::save(&dir, name, Some(kind), &items) {
            Ok(path) => {
                self.info(format!("{} {}", text::msg_template_saved(), path.display()));
                true
            }
            Err(e) => {
                self.error(format!("{}: {e}", text::msg_error()));
                false
            }
        }
    }

    // ----- agenda and week ----------------------------------------------------------

    pub(super) fn update_agenda(&mut self, action: Action) {
        let today = self.clock().today();
        let view = &mut self.agenda;
        let from = view.from.unwrap_or(today);
        let at = view.cursor.selected;
        let selected = match view.slots.get(at) {
            Some(_) => view.meeting(at).map(MeetingRow::Item),
            None => view
                .unreadable
                .get(at - view.slots.len())
                .map(|id| MeetingRow::Unreadable(*id)),
        };
        match action {
            Action::Open => {
                match selected {
                    Some(MeetingRow::Item(m)) => {
                        let id = m.id;
                        self.go_to(EntityRef::new(EntityKind::Meeting, id));
                    }
                    Some(MeetingRow::Unreadable(_)) => self.info(text::msg_unreadable_row()),
                    None => {}
                }
                return;
            }
            Action::Delete => {
                let ask = match selected {
                    Some(MeetingRow::Item(m)) => Some((m.title.clone(), m.id)),
                    Some(MeetingRow::Unreadable(id)) => Some((text::unreadable_row_name(id), id)),
                    None => None,
                };
                match ask {
                    Some((what, id)) => self.confirm(
                        text::confirm_trash(&what),
                        Pending::Trash(EntityKind::Meeting, id),
                    ),
                    None => self.info(text::msg_nothing_selected()),
                }
                return;
            }
            Action::ToggleWeekView => {
                view.mode = match view.mode {
                    AgendaMode::List => AgendaMode::Week,
                    AgendaMode::Week => AgendaMode::List,
                };
                view.from = Some(match view.mode {
                    AgendaMode::Week => week_start(from, self.week_first_day),
                    AgendaMode::List => today.max(from),
                });
            }
            Action::PrevWeek => view.from = Some(from - Days::new(7)),
            Action::NextWeek => view.from = Some(from + Days::new(7)),
            Action::Today => view.from = None,
            Action::ExportCalendar => {
                return self.export(ExportJob::Calendar {
                    project_id: None,
                    lang: self.export_lang,
                });
            }
            _ => return,
        }
        self.agenda.cursor = Cursor::default();
        self.refresh_agenda();
    }

    pub(super) fn mark_held(&mut self, meeting_id: i64) {
        let title = self.meeting.as_ref().map(|m| m.meeting.title.clone());
        let result = self
            .store
            .set_meeting_status(meeting_id, MeetingStatus::Held);
        self.after_write(
            result,
            format!(
                "{}: {}",
                MeetingStatus::Held.label(),
                title.unwrap_or_default()
            ),
        );
    }

    // ----- exports ------------------------------------------------------------------

    /// Runs an export into the export folder (whole or not at all, private) and says
    /// where it went; a meeting's document is logged on the meeting.
    pub(super) fn export(&mut self, job: ExportJob) {
        let templates = self
            .dirs
            .export_templates
            .clone()
            .map_or(TemplateSource::BuiltIn, TemplateSource::Dir);
        let to = Destination::Folder(self.dirs.exports.clone());
        let style = self.dirs.docx_style.clone();
        match crate::ops::export::run_styled(&mut self.store, &job, &templates, &style, &to, None) {
            Ok(done) => {
                let path = done.path.unwrap_or_default();
                self.info(format!("{} {}", text::msg_exported(), path.display()));
                self.refresh();
            }
            Err(ExportOpError::NothingShareable) => self.info(text::msg_no_shareable_lessons()),
            Err(e) => self.error(format!("{}: {e}", text::msg_error())),
        }
    }
}

fn state_has_agenda(app: &App) -> bool {
    app.meeting.as_ref().is_some_and(|s| !s.agenda.is_empty())
}
