//! What needs attention: the store's attention view, the portfolio's figures and the
//! today strip (counted in SQL, paged with LIMIT), and the screens built on them: a
//! project's attention tab, review mode and the portfolio as a dashboard.

mod common;

use crossterm::event::KeyCode;
use tidig::app::{App, ProjectTab, Screen, keymap::Context};
use tidig::domain::{
    ActionStatus, EntityKind, EntityRef, LineDetail, MeetingStatus, MeetingType, MilestoneInput,
    NotesStatus, Phase, ProjectSort, SectionKind, SuggestionInput, SuggestionStatus, Thresholds,
};
use tidig::store::{ATTENTION_PAGE, Store};

use common::screen::{
    assert_footer_from_keymap, assert_help_from_keymap, ch, open_project, press, render, snap,
};
use common::store::{action, meeting_input, memory_store, norr, vgr};
use common::{clock, date, utc};

fn demo_app() -> App {
    let clock = clock();
    let mut store = Store::open_in_memory(clock).unwrap();
    tidig::ops::demo::load(&mut store, clock.today()).unwrap();
    App::new(store)
}

fn milestone(store: &mut Store, project: i64, title: &str, day: u32) -> i64 {
    let input = MilestoneInput {
        title: title.into(),
        due_date: Some(date(2026, 11, day)),
    };
    store.create_milestone(project, &input).unwrap()
}

fn suggestion(store: &mut Store, project: i64, title: &str, status: SuggestionStatus) -> i64 {
    let input = SuggestionInput {
        meeting_id: None,
        phase: Phase::EarlyDialogue,
        title: title.into(),
        description: String::new(),
        rationale: String::new(),
        status,
        buyer_response: String::new(),
        decision_date: None,
    };
    store.create_suggestion(project, &input).unwrap()
}

/// A meeting of `kind` on 2026-11-`day` 09:00–10:00 UTC with the given statuses.
fn meeting(
    store: &mut Store,
    project: i64,
    title: &str,
    kind: MeetingType,
    day: u32,
    status: MeetingStatus,
    notes: NotesStatus,
) -> i64 {
    let mut input = meeting_input(title, utc(2026, 11, day, 9, 0), utc(2026, 11, day, 10, 0));
    input.kind = kind;
    input.status = status;
    input.notes_status = notes;
    store.create_meeting(project, &input).unwrap()
}

/// NORR-24 with one of everything that needs attention (the clock says 26 November
/// 12:00), and a few things that do not; VGR-7 beside it with nothing.
fn store_with_attention() -> (Store, i64) {
    let mut store = memory_store();
    let p = norr(&mut store);
    vgr(&mut store);
    milestone(&mut store, p, "Behovsanalys klar", 20);
    milestone(&mut store, p, "Due today: not slipped", 26);
    let done = milestone(&mut store, p, "Done long ago", 2);
    store.toggle_milestone_done(done).unwrap();
    meeting(
        &mut store,
        p,
        "Nästa workshop",
        MeetingType::NeedsWorkshop,
        30,
        MeetingStatus::Planned,
        NotesStatus::None,
    );
    meeting(
        &mut store,
        p,
        "Earlier today",
        MeetingType::ProjectMeeting,
        26,
        MeetingStatus::Planned,
        NotesStatus::None,
    );
    meeting(
        &mut store,
        p,
        "Held, nothing written",
        MeetingType::SteeringGroup,
        10,
        MeetingStatus::Held,
        NotesStatus::None,
    );
    meeting(
        &mut store,
        p,
        "Held, draft notes",
        MeetingType::ProjectMeeting,
        12,
        MeetingStatus::Held,
        NotesStatus::Draft,
    );
    meeting(
        &mut store,
        p,
        "Held and sent",
        MeetingType::ProjectMeeting,
        13,
        MeetingStatus::Held,
        NotesStatus::Sent,
    );
    meeting(
        &mut store,
        p,
        "Leverantörsträff",
        MeetingType::InformationMeeting,
        27,
        MeetingStatus::Planned,
        NotesStatus::None,
    );
    store
        .create_action(
            p,
            None,
            &action(
                "Late one",
                "Anna",
                Some(date(2026, 11, 20)),
                ActionStatus::Open,
            ),
        )
        .unwrap();
    store
        .create_action(
            p,
            None,
            &action(
                "Due today",
                "Bo",
                Some(date(2026, 11, 26)),
                ActionStatus::InProgress,
            ),
        )
        .unwrap();
    store
        .create_action(
            p,
            None,
            &action("Closed", "Bo", Some(date(2026, 11, 1)), ActionStatus::Done),
        )
        .unwrap();
    suggestion(&mut store, p, "Längre svarstid", SuggestionStatus::Proposed);
    suggestion(
        &mut store,
        p,
        "Already accepted",
        SuggestionStatus::Accepted,
    );
    (store, p)
}

fn titles(store: &Store, project: i64, kind: SectionKind) -> Vec<String> {
    let a = store.attention(project).unwrap();
    a.sections
        .iter()
        .find(|s| s.kind == kind)
        .map(|s| s.lines.iter().map(|l| l.title.clone()).collect())
        .unwrap_or_default()
}

// ----- the store ----------------------------------------------------------------------

#[test]
fn attention_lists_what_the_rules_select() {
    let (store, p) = store_with_attention();
    assert_eq!(
        titles(&store, p, SectionKind::SlippedMilestones),
        ["Behovsanalys klar"]
    );
    // Soonest first; a meeting earlier today has started and is not "next".
    assert_eq!(
        titles(&store, p, SectionKind::NextMeetings),
        ["Leverantörsträff", "Nästa workshop"]
    );
    // Overdue first; done actions are not listed.
    assert_eq!(
        titles(&store, p, SectionKind::Actions),
        ["Late one", "Due today"]
    );
    assert_eq!(
        titles(&store, p, SectionKind::NotesMissing),
        ["Held, nothing written"]
    );
    assert_eq!(
        titles(&store, p, SectionKind::NotesUnsent),
        ["Held, draft notes"]
    );
    // A supplier-facing meeting with the checklist unticked.
    assert_eq!(
        titles(&store, p, SectionKind::OpenPoints),
        ["Leverantörsträff"]
    );
    assert_eq!(
        titles(&store, p, SectionKind::AwaitingBuyer),
        ["Längre svarstid"]
    );

    let a = store.attention(p).unwrap();
    assert_eq!(a.overdue_actions, 1);
    let actions = a
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Actions)
        .unwrap();
    assert_eq!(
        actions.lines[0].detail,
        LineDetail::Action {
            owner: "Anna".into(),
            overdue: true
        }
    );
    let points = a
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::OpenPoints)
        .unwrap();
    assert_eq!(
        points.lines[0].detail,
        LineDetail::OpenPoints(tidig::domain::CHECKLIST_LEN)
    );
    // Every line names the item it opens, in the order shown.
    assert_eq!(a.items().len(), 9);
    assert_eq!(a.items()[0].kind, EntityKind::Milestone);
    assert_eq!(a.last_reviewed_at, None);
}

#[test]
fn a_project_with_nothing_to_do_has_no_sections() {
    let (store, _) = store_with_attention();
    let vgr = store.project_by_code("VGR-7").unwrap().id;
    let a = store.attention(vgr).unwrap();
    assert!(a.sections.is_empty());
    assert_eq!(a.overdue_actions, 0);
    assert_eq!(a.needs.total, 0);
}

#[test]
fn sections_show_a_page_and_count_the_rest() {
    let mut store = memory_store();
    let p = norr(&mut store);
    for i in 0..12 {
        store
            .create_action(
                p,
                None,
                &action(
                    &format!("Action {i:02}"),
                    "",
                    Some(date(2026, 11, 1 + i)),
                    ActionStatus::Open,
                ),
            )
            .unwrap();
    }
    let a = store.attention(p).unwrap();
    let actions = &a.sections[0];
    assert_eq!(actions.kind, SectionKind::Actions);
    assert_eq!(actions.lines.len(), ATTENTION_PAGE);
    assert_eq!(actions.total, 12);
    assert_eq!(actions.lines[0].title, "Action 00");
    // Due up to the 25th are overdue on the 26th.
    assert_eq!(a.overdue_actions, 12);
    assert_eq!(a.total(SectionKind::Actions), 12);
}

#[test]
fn trashed_items_need_no_attention() {
    let (mut store, p) = store_with_attention();
    let late = store.attention(p).unwrap().items()[0];
    store.trash(EntityKind::Milestone, late.id).unwrap();
    assert!(titles(&store, p, SectionKind::SlippedMilestones).is_empty());
}

#[test]
fn figures_and_the_today_strip_count_in_sql() {
    let (mut store, p) = store_with_attention();
    let figures = store.project_figures(&[p]).unwrap();
    let f = &figures[&p];
    assert_eq!(f.next_meeting.as_deref(), Some("2026-11-27T09:00:00Z"));
    assert_eq!(f.overdue_actions, 1);
    assert_eq!(f.slipped_milestones, 1);
    assert_eq!(f.open_needs, 0);
    assert_eq!(f.last_reviewed_at, None);
    // Only the projects asked for.
    assert_eq!(figures.len(), 1);

    let strip = store
        .today_strip("2026-11-26T00:00:00Z", "2026-11-27T00:00:00Z")
        .unwrap();
    assert_eq!(strip.meetings_total, 1);
    assert_eq!(strip.meetings[0].title, "Earlier today");
    assert_eq!(strip.meetings[0].project_code, "NORR-24");
    assert_eq!(strip.overdue_actions, 1);
    assert_eq!(strip.slipped_milestones, 1);
    // What belongs to a project in the trash is not overdue any more.
    store.trash(tidig::domain::EntityKind::Project, p).unwrap();
    let strip = store
        .today_strip("2026-11-26T00:00:00Z", "2026-11-27T00:00:00Z")
        .unwrap();
    assert_eq!((strip.overdue_actions, strip.slipped_milestones), (0, 0));
    assert_eq!(strip.meetings_total, 0);
    store
        .restore(tidig::domain::EntityKind::Project, p)
        .unwrap();

    store.mark_project_reviewed(p).unwrap();
    let f = &store.project_figures(&[p]).unwrap()[&p];
    assert_eq!(f.last_reviewed_at.as_deref(), Some("2026-11-26T12:00:00Z"));
}

#[test]
fn the_portfolio_sorts_by_each_figure() {
    let (store, _) = store_with_attention();
    let codes = |sort: ProjectSort, descending: bool| -> Vec<String> {
        let filter = tidig::domain::ProjectFilter {
            sort,
            descending,
            ..Default::default()
        };
        store
            .list_projects(&filter)
            .unwrap()
            .into_iter()
            .map(|r| r.code)
            .collect()
    };
    // The most overdue first; `S` turns it round.
    assert_eq!(codes(ProjectSort::Overdue, false), ["NORR-24", "VGR-7"]);
    assert_eq!(codes(ProjectSort::Overdue, true), ["VGR-7", "NORR-24"]);
    // A project without a next meeting comes last either way.
    assert_eq!(codes(ProjectSort::NextMeeting, false), ["NORR-24", "VGR-7"]);
    assert_eq!(codes(ProjectSort::NextMeeting, true), ["NORR-24", "VGR-7"]);
    // Never reviewed sorts first: longest ago.
    assert_eq!(codes(ProjectSort::Reviewed, false).len(), 2);
    assert_eq!(codes(ProjectSort::OpenNeeds, false), ["NORR-24", "VGR-7"]);
}

// ----- the attention tab --------------------------------------------------------------

#[test]
fn a_project_opens_on_attention_and_enter_opens_the_line() {
    let (store, _) = store_with_attention();
    let mut app = App::new(store);
    open_project(&mut app, "NORR-24");
    let p = app.project.as_ref().unwrap();
    assert_eq!(p.tab, ProjectTab::Attention);
    assert_eq!(app.context(), Context::ProjectAttention);
    snap!(&app, "attention_tab");
    // The first line is the slipped milestone: Enter shows it in the time plan.
    press(&mut app, KeyCode::Enter);
    let p = app.project.as_ref().unwrap();
    assert_eq!(p.tab, ProjectTab::TimePlan);
    assert_eq!(p.milestones[p.cursor.selected].title, "Behovsanalys klar");
    // Back on attention, down to the first next meeting: Enter opens the meeting.
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.project.as_ref().unwrap().tab, ProjectTab::Attention);
    ch(&mut app, 'j');
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::Meeting { .. }));
    assert_eq!(
        app.meeting.as_ref().unwrap().meeting.title,
        "Leverantörsträff"
    );
    // Esc comes back to the attention tab, the cursor where it was.
    press(&mut app, KeyCode::Esc);
    let p = app.project.as_ref().unwrap();
    assert_eq!(
        (p.tab, p.attention.cursor.selected),
        (ProjectTab::Attention, 1)
    );
    assert_eq!(
        p.attention.selected(),
        Some(EntityRef::new(
            EntityKind::Meeting,
            app.store.attention(p.project.id).unwrap().items()[1].id
        ))
    );
}

#[test]
fn attention_keys_come_from_the_keymap() {
    let mut app = demo_app();
    open_project(&mut app, "LULE-25");
    assert_footer_from_keymap(&app, Context::ProjectAttention);
    assert_help_from_keymap(&mut app, Context::ProjectAttention);
}

#[test]
fn the_demo_projects_attention_tab() {
    let mut app = demo_app();
    open_project(&mut app, "RVB-26");
    snap!(&app, "attention_demo");
}

#[test]
fn a_review_older_than_the_threshold_is_due() {
    let (store, p) = store_with_attention();
    store
        .connection()
        .execute(
            "UPDATE projects SET last_reviewed_at = '2026-11-16T08:00:00Z' WHERE id = ?1",
            [p],
        )
        .unwrap();
    let mut app = App::new(store);
    open_project(&mut app, "NORR-24");
    assert!(render(&app, 120, 40).contains("Reviewed 10 days ago"));
    assert!(!render(&app, 120, 40).contains("Due:"));
    app.thresholds = Thresholds {
        stale_after_days: 7,
    };
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Due: reviewed 10 days ago"), "{screen}");
}

// ----- review mode --------------------------------------------------------------------

#[test]
fn review_mode_walks_the_active_projects_and_sums_up() {
    let mut app = demo_app();
    ch(&mut app, 'R');
    let review = app.review.clone().unwrap();
    let codes: Vec<&str> = review.projects.iter().map(|p| p.1.as_str()).collect();
    assert_eq!(codes, ["LULE-25", "RVB-26", "TRV-BRO", "UHEM-25"]);
    assert_eq!(app.context(), Context::Review);
    assert_eq!(app.project.as_ref().unwrap().project.code, "LULE-25");
    assert_footer_from_keymap(&app, Context::Review);
    assert_help_from_keymap(&mut app, Context::Review);
    ch(&mut app, 'n');
    assert_eq!(app.project.as_ref().unwrap().project.code, "RVB-26");
    ch(&mut app, 'r');
    assert!(
        app.store
            .project_by_code("RVB-26")
            .unwrap()
            .last_reviewed_at
            .is_some()
    );
    snap!(&app, "review_project");
    // `]` and `[` walk too; every project opens on its attention tab.
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.project.as_ref().unwrap().tab, ProjectTab::Overview);
    press(&mut app, KeyCode::BackTab);
    ch(&mut app, ']');
    assert_eq!(app.project.as_ref().unwrap().project.code, "TRV-BRO");
    ch(&mut app, '[');
    ch(&mut app, ']');
    ch(&mut app, ']');
    assert_eq!(app.project.as_ref().unwrap().project.code, "UHEM-25");
    assert_eq!(app.project.as_ref().unwrap().tab, ProjectTab::Attention);
    // Esc never walks back through the projects: one step up is the portfolio.
    assert_eq!(app.nav.len(), 2);
    ch(&mut app, 'n');
    assert_eq!(app.screen(), Screen::ReviewSummary);
    assert_eq!(app.context(), Context::ReviewSummary);
    let summary = &app.review.as_ref().unwrap().summary;
    let reviewed: Vec<&str> = summary
        .iter()
        .filter(|l| l.reviewed)
        .map(|l| l.code.as_str())
        .collect();
    assert_eq!(reviewed, ["RVB-26"]);
    assert!(summary.iter().any(|l| l.overdue_actions > 0));
    snap!(&app, "review_summary");
    // `p` goes back to the last project; Enter on the summary ends the review.
    ch(&mut app, 'p');
    assert_eq!(app.project.as_ref().unwrap().project.code, "UHEM-25");
    ch(&mut app, 'n');
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Portfolio);
    assert!(app.review.is_none());
    // Opened from the portfolio, a project is no longer in review: `n` is not "next".
    open_project(&mut app, "LULE-25");
    assert_eq!(app.context(), Context::ProjectAttention);
}

#[test]
fn esc_ends_a_review_on_its_summary() {
    let mut app = demo_app();
    ch(&mut app, 'R');
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::ReviewSummary);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Portfolio);
    assert!(app.review.is_none());
}

#[test]
fn review_mode_without_active_projects_says_so() {
    let mut store = memory_store();
    common::store::project(&mut store, "PROS-1");
    let mut app = App::new(store);
    ch(&mut app, 'R');
    assert_eq!(app.screen(), Screen::Portfolio);
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "No active projects to review"
    );
}

// ----- the dashboard ------------------------------------------------------------------

#[test]
fn the_portfolio_is_a_dashboard() {
    let mut app = demo_app();
    snap!(&app, "dashboard");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Today"), "{screen}");
    // Sorting by overdue actions puts the most overdue first.
    while app.portfolio.filter.sort != ProjectSort::Overdue {
        ch(&mut app, 's');
    }
    let first = app.portfolio.rows().next().unwrap().id;
    let most = app.portfolio.figures[&first].overdue_actions;
    assert!(
        app.portfolio
            .figures
            .values()
            .all(|f| f.overdue_actions <= most)
    );
    assert!(most > 0);
    snap!(&app, "dashboard_by_overdue");
}

#[test]
fn figures_are_loaded_around_the_cursor_only() {
    let mut store = memory_store();
    for i in 0..400 {
        common::store::project(&mut store, &format!("P{i:03}"));
    }
    let mut app = App::new(store);
    let loaded = app.portfolio.figures.len();
    assert!(loaded < 400, "{loaded} figures loaded at the top");
    assert!(
        app.portfolio
            .figures
            .contains_key(&app.portfolio.rows().next().unwrap().id)
    );
    press(&mut app, KeyCode::End);
    assert_eq!(app.portfolio.cursor.selected, 399);
    let last = app.portfolio.selected().unwrap().id;
    assert!(app.portfolio.figures.contains_key(&last));
}

#[test]
fn x_on_the_attention_tab_writes_the_project_report() {
    let mut app = demo_app();
    let exports = tempfile::tempdir().unwrap();
    app.dirs.exports = exports.path().to_path_buf();
    open_project(&mut app, "LULE-25");
    assert_eq!(app.context(), Context::ProjectAttention);
    ch(&mut app, 'x');
    let status = app.status.clone().expect("a message");
    assert_eq!(status.kind, tidig::app::StatusKind::Info, "{}", status.text);
    let files: Vec<_> = std::fs::read_dir(exports.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(files, ["LULE-25-report-2026-11-26.html"]);
    let html = std::fs::read_to_string(exports.path().join(&files[0])).unwrap();
    assert!(html.contains("<html lang=\"sv\">"));
    assert!(html.contains("<p class=\"banner\">Internt arbetsmaterial"));
    assert!(
        status.text.contains("LULE-25-report-2026-11-26.html"),
        "{}",
        status.text
    );
}
