//! `App::go_to` opens every kind of item in its context, selected; items in the trash
//! open the trash on them; filters that would hide an item are cleared.

mod common;

use common::store::{count, memory_store};
use tidig::app::{App, DirectoryTab, MeetingTab, Outcome, ProjectTab, Screen};
use tidig::domain::{EntityKind, EntityRef};

fn demo_app() -> App {
    let mut store = memory_store();
    tidig::ops::demo::load(&mut store, common::now().date_naive()).expect("demo loads");
    App::new(store)
}

/// The id of the first live row `sql` selects (ordered by id, descending, so that the
/// chosen row is rarely the first one listed and selection is really tested).
fn pick(app: &App, sql: &str) -> i64 {
    count(&app.store, sql)
}

fn go(app: &mut App, kind: EntityKind, id: i64) {
    app.go_to(EntityRef::new(kind, id));
}

#[test]
fn a_project_opens_its_screen_on_top_of_where_you_were() {
    let mut app = demo_app();
    let id = pick(
        &app,
        "SELECT max(id) FROM projects WHERE deleted_at IS NULL",
    );
    go(&mut app, EntityKind::Project, id);
    assert_eq!(app.nav, vec![Screen::Portfolio, Screen::Project { id }]);
    // Going there again does not stack a second copy.
    go(&mut app, EntityKind::Project, id);
    assert_eq!(app.nav.len(), 2);
}

#[test]
fn a_note_opens_its_meeting_on_the_notes_tab_with_the_note_selected() {
    let mut app = demo_app();
    let (note, meeting): (i64, i64) = app
        .store
        .connection()
        .query_row(
            "SELECT n.id, n.meeting_id FROM notes n
             WHERE n.deleted_at IS NULL AND n.body <> ''
               AND (SELECT count(*) FROM notes o WHERE o.meeting_id = n.meeting_id
                    AND o.deleted_at IS NULL) > 1
             ORDER BY n.id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    go(&mut app, EntityKind::Note, note);
    assert_eq!(app.screen(), Screen::Meeting { id: meeting });
    let m = app.meeting.as_ref().unwrap();
    assert_eq!(m.tab, MeetingTab::Notes);
    assert_eq!(m.notes[m.cursor.selected].id, note);
}

#[test]
fn an_agenda_block_opens_the_agenda_tab_on_it() {
    let mut app = demo_app();
    let block = pick(
        &app,
        "SELECT max(id) FROM agenda_items WHERE deleted_at IS NULL AND position > 0",
    );
    go(&mut app, EntityKind::AgendaItem, block);
    let m = app.meeting.as_ref().unwrap();
    assert_eq!(m.tab, MeetingTab::Agenda);
    assert_eq!(m.agenda[m.cursor.selected].id, block);
}

#[test]
fn decisions_and_questions_of_a_meeting_open_its_outcomes_tab() {
    let mut app = demo_app();
    let question = pick(
        &app,
        "SELECT max(id) FROM questions WHERE deleted_at IS NULL",
    );
    go(&mut app, EntityKind::Question, question);
    let m = app.meeting.as_ref().unwrap();
    assert_eq!(m.tab, MeetingTab::Outcomes);
    assert_eq!(m.outcomes()[m.cursor.selected], Outcome::Question(question));

    let decision = pick(
        &app,
        "SELECT max(id) FROM decisions WHERE deleted_at IS NULL AND meeting_id IS NOT NULL",
    );
    go(&mut app, EntityKind::Decision, decision);
    let m = app.meeting.as_ref().unwrap();
    assert_eq!(m.outcomes()[m.cursor.selected], Outcome::Decision(decision));
}

#[test]
fn a_need_opens_its_need_screen() {
    let mut app = demo_app();
    let need = pick(&app, "SELECT max(id) FROM needs WHERE deleted_at IS NULL");
    go(&mut app, EntityKind::Need, need);
    assert_eq!(app.screen(), Screen::Need { id: need });
    assert_eq!(app.need.as_ref().unwrap().need.id, need);
}

#[test]
fn an_action_opens_the_actions_screen_on_it_even_when_done() {
    let mut app = demo_app();
    let done = pick(
        &app,
        "SELECT max(id) FROM action_items WHERE deleted_at IS NULL AND status = 'done'",
    );
    go(&mut app, EntityKind::ActionItem, done);
    assert_eq!(app.screen(), Screen::Actions);
    let v = &app.actions;
    assert!(v.filter.include_closed, "done actions are shown to find it");
    assert_eq!(v.selected().unwrap().id, done);
}

#[test]
fn milestones_suggestions_lessons_and_project_decisions_open_their_project_tab() {
    let mut app = demo_app();
    let cases = [
        (EntityKind::Milestone, "milestones", ProjectTab::TimePlan),
        (
            EntityKind::Suggestion,
            "suggestions",
            ProjectTab::Suggestions,
        ),
        (EntityKind::Lesson, "lessons", ProjectTab::Lessons),
    ];
    for (kind, table, tab) in cases {
        let id = pick(
            &app,
            &format!(
                "SELECT max(id) FROM {table} WHERE deleted_at IS NULL AND project_id IS NOT NULL"
            ),
        );
        go(&mut app, kind, id);
        let p = app.project.as_ref().unwrap();
        assert_eq!(p.tab, tab, "{kind:?}");
        let selected = match kind {
            EntityKind::Milestone => p.milestones[p.cursor.selected].id,
            EntityKind::Suggestion => p.suggestions.items[p.suggestions.cursor.selected].id,
            _ => p.lessons.items[p.lessons.cursor.selected].id,
        };
        assert_eq!(selected, id, "{kind:?}");
    }
}

#[test]
fn a_filter_that_hides_a_suggestion_is_cleared() {
    let mut app = demo_app();
    let (id, project, status): (i64, i64, String) = app
        .store
        .connection()
        .query_row(
            "SELECT id, project_id, status FROM suggestions WHERE deleted_at IS NULL
             ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    go(&mut app, EntityKind::Project, project);
    // A status filter that excludes the suggestion.
    let other = if status == "rejected" {
        tidig::domain::SuggestionStatus::Accepted
    } else {
        tidig::domain::SuggestionStatus::Rejected
    };
    app.project.as_mut().unwrap().suggestions.filter.status = Some(other);
    go(&mut app, EntityKind::Suggestion, id);
    let p = app.project.as_ref().unwrap();
    assert_eq!(p.suggestions.filter.status, None);
    assert_eq!(p.suggestions.items[p.suggestions.cursor.selected].id, id);
}

#[test]
fn people_and_organisations_open_the_directory_on_them() {
    let mut app = demo_app();
    let person = pick(&app, "SELECT max(id) FROM people WHERE deleted_at IS NULL");
    go(&mut app, EntityKind::Person, person);
    assert_eq!(app.screen(), Screen::Directory);
    let d = &app.directory;
    assert_eq!(d.tab, DirectoryTab::People);
    assert_eq!(d.selected_person().unwrap().id, person);

    let org = pick(
        &app,
        "SELECT min(id) + 1 FROM organisations WHERE deleted_at IS NULL",
    );
    go(&mut app, EntityKind::Organisation, org);
    let d = &app.directory;
    assert_eq!(d.tab, DirectoryTab::Organisations);
    assert_eq!(d.selected_organisation().unwrap().id, org);
}

#[test]
fn an_item_in_the_trash_opens_the_trash_on_it() {
    let mut app = demo_app();
    let need = pick(&app, "SELECT max(id) FROM needs WHERE deleted_at IS NULL");
    app.store.trash(EntityKind::Need, need).unwrap();
    go(&mut app, EntityKind::Need, need);
    assert_eq!(app.screen(), Screen::Trash);
    let t = &app.trash;
    let item = &t.items[t.cursor.selected];
    assert_eq!((item.kind, item.id), (EntityKind::Need, need));
    assert!(app.status.is_some(), "the status line says why");
}

#[test]
fn an_item_whose_meeting_is_in_the_trash_or_gone_says_so_and_stays() {
    let mut app = demo_app();
    let (note, meeting): (i64, i64) = app
        .store
        .connection()
        .query_row(
            "SELECT id, meeting_id FROM notes WHERE deleted_at IS NULL LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    app.store.trash(EntityKind::Meeting, meeting).unwrap();
    go(&mut app, EntityKind::Note, note);
    assert_eq!(app.nav, vec![Screen::Portfolio]);
    assert!(app.status.is_some());

    app.status = None;
    go(&mut app, EntityKind::Note, 9_999_999);
    assert_eq!(app.nav, vec![Screen::Portfolio]);
    assert!(app.status.is_some());
}

#[test]
fn every_kind_can_be_gone_to_from_the_demo() {
    let mut app = demo_app();
    for kind in EntityKind::ALL {
        let table = tidig::store::entity_table(kind);
        let id = pick(
            &app,
            &format!("SELECT min(id) FROM {table} WHERE deleted_at IS NULL"),
        );
        app.status = None;
        go(&mut app, kind, id);
        assert!(app.nav.len() > 1 || kind == EntityKind::Project, "{kind:?}");
        assert!(app.status.is_none(), "{kind:?}: {:?}", app.status);
        app.update(tidig::app::Action::GoPortfolio);
    }
}
