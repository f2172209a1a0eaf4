//! The whole of one item (`v`, or `Enter` where it opens nothing else): every field in
//! full in one scrollable overlay, for lists whose cells are cut with "…". Each list
//! gives the fields of its selected row as (label, value) pairs; one widget draws them.

use std::cell::Cell;

use super::{App, InformationRow, MeetingTab, Outcome, Overlay, ProjectTab, Screen};
use crate::domain::{
    ActionItem, AgendaItem, Attendance, Decision, EntityKind, Evidence, InformationItem, Interest,
    Lesson, Meeting, Milestone, Need, Note, Project, Question, Suggestion, TextEnum, TrashItem,
};
use crate::text;

/// A scroll position over text whose height only rendering knows. The app moves it;
/// rendering clamps what it shows to the text and keeps that limit here, so that a key
/// pressed past the end does not have to be undone by as many presses back.
#[derive(Debug, Clone, PartialEq)]
pub struct Scroll {
    offset: u16,
    /// The largest offset that still fills the view, as last drawn.
    limit: Cell<u16>,
}

impl Default for Scroll {
    fn default() -> Self {
        Scroll {
            offset: 0,
            // Until the first frame, any offset may be right.
            limit: Cell::new(u16::MAX),
        }
    }
}

impl Scroll {
    /// Moves by `delta` lines (a large delta goes to the top or the end).
    pub fn step(&mut self, delta: isize) {
        let max = self.limit.get() as isize;
        self.offset = (self.offset as isize + delta).clamp(0, max) as u16;
    }

    /// The first line to show of `total` lines in a view `visible` lines high; keeps
    /// the limit for the next key. Called while drawing.
    pub fn shown(&self, total: usize, visible: usize) -> u16 {
        let limit = total.saturating_sub(visible).min(usize::from(u16::MAX)) as u16;
        self.limit.set(limit);
        self.offset.min(limit)
    }

    pub fn offset(&self) -> u16 {
        self.offset
    }
}

/// Lines a page key scrolls in a text view (its height is a rendering matter).
pub const TEXT_PAGE: isize = 10;

/// One item in full: a title and every field, read-only.
#[derive(Debug, Clone, PartialEq)]
pub struct FullView {
    pub title: String,
    /// (label, value); a value keeps its line breaks.
    pub fields: Vec<(String, String)>,
    pub scroll: Scroll,
}

impl FullView {
    fn new(kind: EntityKind, fields: Vec<(&str, String)>) -> FullView {
        FullView {
            title: kind.label().to_string(),
            fields: fields
                .into_iter()
                .map(|(l, v)| (l.to_string(), v))
                .collect(),
            scroll: Scroll::default(),
        }
    }
}

fn or_not_set(s: &str) -> String {
    if s.trim().is_empty() {
        text::not_set().to_string()
    } else {
        s.to_string()
    }
}

fn opt(s: Option<&str>) -> String {
    or_not_set(s.unwrap_or_default())
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| text::not_set().to_string(), |d| d.to_string())
}

fn yes_no(b: bool) -> String {
    if b { text::yes() } else { text::no() }.to_string()
}

impl App {
    /// Opens the full view of the row under the cursor, if the screen has one.
    pub(super) fn view_full(&mut self) {
        match self.full_view_here() {
            Some(view) => self.overlay = Some(Overlay::FullView(view)),
            None => self.info(text::msg_nothing_selected()),
        }
    }

    pub(super) fn update_full_view(&mut self, action: super::Action) {
        use super::Action::*;
        let Some(Overlay::FullView(view)) = &mut self.overlay else {
            return;
        };
        match action {
            Up => view.scroll.step(-1),
            Down => view.scroll.step(1),
            PageUp => view.scroll.step(-TEXT_PAGE),
            PageDown => view.scroll.step(TEXT_PAGE),
            Top => view.scroll.step(isize::MIN / 2),
            Bottom => view.scroll.step(isize::MAX / 2),
            Back => self.overlay = None,
            _ => {}
        }
    }

    fn full_view_here(&mut self) -> Option<FullView> {
        let clock = self.clock();
        match self.screen() {
            Screen::Portfolio => {
                let id = self.portfolio.selected()?.id;
                let project = self.report(self.store.project(id))?;
                Some(project_view(&project, clock))
            }
            Screen::Project { .. } => {
                let p = self.project.as_ref()?;
                match p.tab {
                    ProjectTab::Overview => Some(project_view(&p.project, clock)),
                    ProjectTab::Meetings => p
                        .meetings
                        .meetings
                        .get(p.meeting_cursor.selected)
                        .map(|m| meeting_view(m, clock)),
                    ProjectTab::Needs => p.needs.needs.get(p.needs.cursor.selected).map(need_view),
                    ProjectTab::Suggestions => p
                        .suggestions
                        .items
                        .get(p.suggestions.cursor.selected)
                        .map(suggestion_view),
                    ProjectTab::Decisions => p
                        .decisions
                        .items
                        .get(p.decisions.cursor.selected)
                        .map(decision_view),
                    ProjectTab::Information => match p.information.selected()? {
                        InformationRow::Entry(i) => {
                            p.information.items.get(i).map(information_view)
                        }
                        InformationRow::Interest(i) => {
                            p.information.interests.get(i).map(interest_view)
                        }
                        InformationRow::Unreadable(_) => None,
                    },
                    ProjectTab::Lessons => p
                        .lessons
                        .items
                        .get(p.lessons.cursor.selected)
                        .map(lesson_view),
                    ProjectTab::TimePlan => p.milestones.get(p.cursor.selected).map(milestone_view),
                    ProjectTab::Attention => None,
                }
            }
            Screen::Meeting { .. } => {
                let m = self.meeting.as_ref()?;
                let at = m.cursor.selected;
                match m.tab {
                    MeetingTab::Details => Some(meeting_view(&m.meeting, clock)),
                    MeetingTab::Agenda => m.agenda.get(at).map(agenda_item_view),
                    MeetingTab::Notes => m.notes.get(at).map(|n| {
                        let block = m
                            .block_title(n.agenda_item_id)
                            .unwrap_or(text::whole_meeting());
                        note_view(n, block, clock)
                    }),
                    MeetingTab::Outcomes => match *m.outcomes().get(at)? {
                        Outcome::Decision(id) => {
                            m.decisions.iter().find(|d| d.id == id).map(decision_view)
                        }
                        Outcome::Action(id) => {
                            m.actions.iter().find(|a| a.id == id).map(action_view)
                        }
                        Outcome::Question(id) => {
                            m.questions.iter().find(|q| q.id == id).map(question_view)
                        }
                        Outcome::Unreadable(_) => None,
                    },
                    MeetingTab::Participants => m.attendance.get(at).map(attendance_view),
                    MeetingTab::Checklist => None,
                }
            }
            Screen::Need { .. } => {
                let n = self.need.as_ref()?;
                n.evidence.get(n.cursor.selected).map(evidence_view)
            }
            Screen::Lessons => self.library.selected().map(lesson_view),
            Screen::Actions => self.actions.selected().map(action_view),
            Screen::Trash => self
                .trash
                .items
                .get(self.trash.cursor.selected)
                .map(|t| trash_view(t, clock)),
            Screen::Rounds { .. } => self.round_view(),
            // The agenda's and the directory's `v` keep their own meaning there, and
            // `Enter` opens the meeting or the organisation, whose screens show it all.
            Screen::Agenda
            | Screen::Directory
            | Screen::Organisation { .. }
            | Screen::ReviewSummary => None,
        }
    }

    /// The selected round with its page of questions, each with every supplier's answer.
    fn round_view(&self) -> Option<FullView> {
        let s = &self.rounds;
        let round = s.rounds.get(s.cursor.selected)?;
        let mut fields = vec![
            (text::col_round(), round.title.clone()),
            (text::col_kind(), round.kind.label().to_string()),
            (text::field_purpose(), or_not_set(&round.purpose)),
        ];
        let mut view = FullView::new(EntityKind::Round, std::mem::take(&mut fields));
        if let Some(m) = &s.matrix {
            for (q, cells) in m.questions.iter().zip(&m.cells) {
                view.fields.push((
                    format!("{} {}", text::col_question(), q.position),
                    q.text.clone(),
                ));
                for (supplier, cell) in m.suppliers.iter().zip(cells) {
                    let answer = match cell {
                        crate::domain::Cell::NotAsked => text::cell_not_asked().to_string(),
                        crate::domain::Cell::Missing => text::cell_missing().to_string(),
                        crate::domain::Cell::Answered { body, .. } => or_not_set(body),
                    };
                    view.fields
                        .push((format!("  {} {}", supplier.letter(), supplier.name), answer));
                }
            }
        }
        Some(view)
    }
}

fn project_view(p: &Project, clock: crate::domain::Clock) -> FullView {
    FullView::new(
        EntityKind::Project,
        vec![
            (text::col_code(), p.code.clone()),
            (text::col_title(), p.title.clone()),
            (text::col_buyer(), opt(p.buyer_name.as_deref())),
            (text::field_case_number(), or_not_set(&p.case_number)),
            (text::field_subject(), or_not_set(&p.subject)),
            (text::col_phase(), p.phase.label().into()),
            (text::col_status(), p.status.label().into()),
            (
                text::field_innovation(),
                p.innovation_level
                    .map_or(text::not_set(), |l| l.label())
                    .into(),
            ),
            (text::field_procedure(), or_not_set(&p.planned_procedure)),
            (
                text::field_dates(),
                format!("{} – {}", date(p.start_date), date(p.end_date)),
            ),
            (text::field_tags(), or_not_set(&p.tags.join(", "))),
            (
                text::field_reviewed(),
                p.last_reviewed_at
                    .as_deref()
                    .map_or(text::not_set().into(), |t| clock.local_date(t)),
            ),
            (text::col_updated(), clock.local_datetime(&p.updated_at)),
            (text::field_goal(), or_not_set(&p.goal)),
        ],
    )
}

fn meeting_view(m: &Meeting, clock: crate::domain::Clock) -> FullView {
    let (start, end) = (clock.local(m.start), clock.local(m.end));
    let when = if start.date() == end.date() {
        format!("{}–{}", start.format("%Y-%m-%d %H:%M"), end.format("%H:%M"))
    } else {
        format!(
            "{} – {}",
            start.format("%Y-%m-%d %H:%M"),
            end.format("%Y-%m-%d %H:%M")
        )
    };
    FullView::new(
        EntityKind::Meeting,
        vec![
            (text::col_title(), m.title.clone()),
            (text::col_project(), m.project_code.clone()),
            (text::field_meeting_type(), m.kind.label().into()),
            (text::field_when(), when),
            (text::field_format(), m.format.label().into()),
            (text::field_location(), or_not_set(&m.location)),
            (text::col_status(), m.status.label().into()),
            (text::field_notes_status(), m.notes_status.label().into()),
            (text::field_purpose(), or_not_set(&m.purpose)),
            (
                text::field_desired_outcome(),
                or_not_set(&m.desired_outcome),
            ),
            (text::col_updated(), clock.local_datetime(&m.updated_at)),
        ],
    )
}

fn need_view(n: &Need) -> FullView {
    FullView::new(
        EntityKind::Need,
        vec![
            (text::col_code(), n.code.clone()),
            (text::field_statement(), or_not_set(&n.statement)),
            (text::field_as_a(), or_not_set(&n.as_a)),
            (text::field_i_need(), or_not_set(&n.i_need)),
            (text::field_so_that(), or_not_set(&n.so_that)),
            (text::col_category(), or_not_set(&n.category)),
            (
                text::col_priority(),
                n.priority.map_or(text::not_set(), |p| p.label()).into(),
            ),
            (text::col_status(), n.status.label().into()),
            (
                text::field_reason(),
                or_not_set(&text::need_reason(&n.status_reason, n.status, None)),
            ),
            (text::field_owner(), or_not_set(&n.owner)),
            (text::field_label(), n.confidentiality.label().into()),
            (text::field_evidence(), n.evidence_count.to_string()),
        ],
    )
}

fn suggestion_view(s: &Suggestion) -> FullView {
    FullView::new(
        EntityKind::Suggestion,
        vec![
            (text::col_title(), s.title.clone()),
            (text::field_phase_concerned(), s.phase.label().into()),
            (text::col_status(), s.status.label().into()),
            (text::field_description(), or_not_set(&s.description)),
            (text::field_rationale(), or_not_set(&s.rationale)),
            (text::field_buyer_response(), or_not_set(&s.buyer_response)),
            (text::field_decision_date(), date(s.decision_date)),
            (
                text::field_source_meeting(),
                opt(s.meeting_title.as_deref()),
            ),
            (text::field_label(), s.confidentiality.label().into()),
        ],
    )
}

fn decision_view(d: &Decision) -> FullView {
    FullView::new(
        EntityKind::Decision,
        vec![
            (text::field_decision(), d.text.clone()),
            (text::field_rationale(), or_not_set(&d.rationale)),
            (text::field_decided_by(), or_not_set(&d.decided_by)),
            (text::field_decided_on(), d.decided_on.to_string()),
            (text::field_meeting(), opt(d.meeting_title.as_deref())),
            (text::field_label(), d.confidentiality.label().into()),
        ],
    )
}

fn action_view(a: &ActionItem) -> FullView {
    FullView::new(
        EntityKind::ActionItem,
        vec![
            (text::col_title(), a.title.clone()),
            (text::col_project(), a.project_code.clone()),
            (text::field_owner(), or_not_set(&a.owner)),
            (text::col_due(), date(a.due_date)),
            (text::col_status(), a.status.label().into()),
            (text::col_done(), date(a.done_date)),
            (text::field_meeting(), opt(a.meeting_title.as_deref())),
            (text::field_label(), a.confidentiality.label().into()),
        ],
    )
}

fn question_view(q: &Question) -> FullView {
    FullView::new(
        EntityKind::Question,
        vec![
            (text::field_question(), q.text.clone()),
            (text::field_answer(), or_not_set(&q.answer)),
            (text::field_label(), q.confidentiality.label().into()),
        ],
    )
}

fn information_view(i: &InformationItem) -> FullView {
    let recipients: Vec<&str> = i.recipients.iter().map(|r| r.name.as_str()).collect();
    FullView::new(
        EntityKind::Information,
        vec![
            (text::field_information(), i.title.clone()),
            (text::field_details(), or_not_set(&i.details)),
            (text::field_channel(), i.channel.label().into()),
            (
                text::field_given_in_meeting(),
                opt(i.meeting_title.as_deref()),
            ),
            (text::field_origin(), or_not_set(&i.origin)),
            (text::field_given_on(), i.given_on.to_string()),
            (text::field_given_to(), or_not_set(&recipients.join(", "))),
            (text::field_shared_on(), date(i.shared_on)),
            (text::field_shared_channel(), or_not_set(&i.shared_channel)),
        ],
    )
}

fn interest_view(i: &Interest) -> FullView {
    FullView::new(
        EntityKind::Interest,
        vec![
            (text::field_interest_kind(), i.kind.label().into()),
            (text::col_who(), or_not_set(&i.who())),
            (text::field_description(), or_not_set(&i.description)),
            (text::field_measures(), or_not_set(&i.measures)),
            (text::field_declared_on(), date(i.declared_on)),
        ],
    )
}

fn lesson_view(l: &Lesson) -> FullView {
    FullView::new(
        EntityKind::Lesson,
        vec![
            (text::col_title(), l.title.clone()),
            (text::col_kind(), l.kind.label().into()),
            (text::col_project(), opt(l.project_code.as_deref())),
            (
                text::col_phase(),
                l.phase.map_or(text::not_set(), |p| p.label()).into(),
            ),
            (text::field_context(), or_not_set(&l.context)),
            (text::field_what_happened(), or_not_set(&l.what_happened)),
            (
                text::field_what_we_learned(),
                or_not_set(&l.what_we_learned),
            ),
            (text::field_recommendation(), or_not_set(&l.recommendation)),
            (text::field_shareable(), yes_no(l.shareable)),
        ],
    )
}

fn milestone_view(m: &Milestone) -> FullView {
    FullView::new(
        EntityKind::Milestone,
        vec![
            (text::col_title(), m.title.clone()),
            (text::col_due(), date(m.due_date)),
            (text::col_done(), date(m.done_date)),
            (text::col_status(), m.status.label().into()),
        ],
    )
}

fn agenda_item_view(a: &AgendaItem) -> FullView {
    FullView::new(
        EntityKind::AgendaItem,
        vec![
            (text::col_title(), a.title.clone()),
            (
                text::field_duration(),
                crate::domain::when::format_duration(a.minutes),
            ),
            (text::field_method(), or_not_set(&a.method)),
            (text::field_owner(), or_not_set(&a.owner)),
            (
                text::field_expected_outcome(),
                or_not_set(&a.expected_outcome),
            ),
        ],
    )
}

fn note_view(n: &Note, block: &str, clock: crate::domain::Clock) -> FullView {
    FullView::new(
        EntityKind::Note,
        vec![
            (text::field_block(), block.to_string()),
            (text::field_label(), n.confidentiality.label().into()),
            (text::col_updated(), clock.local_datetime(&n.updated_at)),
            (text::field_note(), or_not_set(&n.body)),
        ],
    )
}

fn attendance_view(a: &Attendance) -> FullView {
    FullView::new(
        EntityKind::Person,
        vec![
            (text::field_person(), a.person_name.clone()),
            (
                text::col_organisation(),
                opt(a.organisation_name.as_deref()),
            ),
            (text::field_role(), a.role.label().into()),
            (text::col_invited(), yes_no(a.invited)),
            (text::col_attended(), yes_no(a.attended)),
        ],
    )
}

fn evidence_view(e: &Evidence) -> FullView {
    let meeting = match (&e.meeting_date, &e.meeting_title) {
        (Some(d), Some(t)) => format!("{d} {t}"),
        (None, Some(t)) => t.clone(),
        _ => String::new(),
    };
    let mut view = FullView::new(
        EntityKind::Need,
        vec![
            (text::field_meeting(), or_not_set(&meeting)),
            (text::field_person(), opt(e.person_name.as_deref())),
            (text::field_document(), or_not_set(&e.document)),
            (text::field_note(), or_not_set(&e.note)),
            (text::field_label(), e.confidentiality.label().into()),
        ],
    );
    view.title = text::field_evidence().to_string();
    view
}

fn trash_view(t: &TrashItem, clock: crate::domain::Clock) -> FullView {
    FullView::new(
        t.kind,
        vec![
            (text::col_kind(), t.kind.label().into()),
            (text::col_title(), t.label.clone()),
            (text::col_deleted(), clock.local_datetime(&t.deleted_at)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scroll_stays_within_what_was_drawn() {
        let mut s = Scroll::default();
        // Before a frame, any offset may be right.
        s.step(5);
        assert_eq!(s.offset(), 5);
        // 30 lines in a view of 10: at most 20, and the view clamps what it shows.
        assert_eq!(s.shown(30, 10), 5);
        s.step(100);
        assert_eq!(s.offset(), 20);
        s.step(-1);
        assert_eq!(s.offset(), 19);
        // A taller view: what is shown is clamped, and the next key starts from there.
        assert_eq!(s.shown(30, 25), 5);
        s.step(1);
        assert_eq!(s.offset(), 5);
        s.step(isize::MIN / 2);
        assert_eq!(s.offset(), 0);
    }
}
