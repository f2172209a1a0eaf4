//! Needs, improvement suggestions and lessons in the TUI: the project's Needs tab
//! (summary bar, table, filters by status, priority, category and text), the need
//! screen with evidence and history, the need form's solution-word warning, the reject
//! form, the merge picker, the Suggestions tab with its waiting days, the project's
//! Lessons tab and the lessons library with its filters.
//!
//! The fixture is built here through the library API (not the demo, which changes):
//! two projects; in NORR-24 nine needs, one in each status (a merged one among them,
//! whose evidence moved to the need it became part of) and one that names a solution;
//! improvement suggestions in every status made on earlier days; lessons general and
//! per project, shareable and not. The store's clock is set back while the history is
//! written, so that status changes and suggestions carry their own dates, and is fixed
//! at Thursday 2026-11-26 12:00 UTC (shown in UTC) when the app runs.
//!
//! The app is driven with key events exactly as a user types them; each screen is
//! snapshotted at 80×24 and 120×40.

mod common;

use chrono::{DateTime, NaiveDate, Utc};
use crossterm::event::KeyCode;
use tidig::{
    app::{App, Overlay, PickPurpose, ProjectTab, Screen, keymap::Context},
    domain::{
        Clock, FieldError, LessonInput, LessonKind, MeetingFormat, MeetingInput, MeetingStatus,
        MeetingType, NeedInput, NeedStatus, NotesStatus, PersonInput, Phase, Priority,
        ProjectInput, ProjectStatus, SuggestionInput, SuggestionStatus, TextEnum,
    },
    store::Store,
};

use common::clock;
use common::screen::{
    assert_footer_from_keymap, assert_help_from_keymap, ch, ctrl, line_with, open_project,
    pick_facet, press, project_tab, render, snap, type_str,
};
use common::store::vgr;

// ----- fixture ------------------------------------------------------------------------

fn utc(month: u32, day: u32, hour: u32) -> DateTime<Utc> {
    common::utc(2026, month, day, hour, 0)
}

const NORR: &str = "NORR-24";
const VGR: &str = "VGR-7";

const B001: &str = "Nattpersonalen behöver veta att brukaren sover tryggt utan att väcka hen";
const B003: &str = "Vi behöver en app som larmar när brukaren lämnar sängen";
const B004: &str = "Larm ska nå rätt person inom två minuter nattetid";
const B005: &str = "Kameror i varje sovrum";
const B006: &str = "Tillsynsrundan ska kunna planeras om under natten när något händer";
const B007: &str = "Anhöriga vill veta när tillsyn har gjorts";
const B008: &str = "Dokumentationen ska kunna göras en gång, på plats hos brukaren";
const B009: &str = "Brukaren ska kunna larma själv från sängen";
const REJECT_REASON: &str = "Integritetsintrånget står inte i proportion till nyttan";
const DEFER_REASON: &str = "Väntar på den nya bemanningsmodellen 2027";

fn need(statement: &str, category: &str, priority: Option<Priority>, owner: &str) -> NeedInput {
    NeedInput::validate(statement, "", "", "", category, priority, owner).unwrap()
}

fn meeting(kind: MeetingType, title: &str, start: DateTime<Utc>, minutes: i64) -> MeetingInput {
    MeetingInput {
        kind,
        title: title.to_string(),
        purpose: String::new(),
        desired_outcome: String::new(),
        format: MeetingFormat::InPerson,
        location: String::new(),
        start,
        end: start + chrono::Duration::minutes(minutes),
        status: MeetingStatus::Held,
        notes_status: NotesStatus::None,
    }
}

fn date(month: u32, day: u32) -> String {
    NaiveDate::from_ymd_opt(2026, month, day)
        .unwrap()
        .to_string()
}

#[allow(clippy::too_many_arguments)]
fn suggestion(
    phase: Phase,
    title: &str,
    status: SuggestionStatus,
    response: &str,
    decided: &str,
    meeting_id: Option<i64>,
) -> SuggestionInput {
    SuggestionInput::validate(meeting_id, phase, title, "", "", status, response, decided).unwrap()
}

fn lesson(
    project_id: Option<i64>,
    phase: Option<Phase>,
    kind: LessonKind,
    title: &str,
    shareable: bool,
) -> LessonInput {
    LessonInput::validate(LessonInput {
        project_id,
        phase,
        kind,
        title: title.to_string(),
        context: String::new(),
        what_happened: String::new(),
        what_we_learned: "Det vi lärde oss.".into(),
        recommendation: String::new(),
        shareable,
    })
    .unwrap()
}

/// The ids the tests need.
struct Ids {
    b001: i64,
    b002: i64,
    b003: i64,
    b004: i64,
    b007: i64,
    sara: i64,
}

fn fixture() -> (App, Ids) {
    let mut store = Store::open_in_memory(Clock::Fixed(utc(11, 10, 9))).unwrap();
    let norr = store
        .create_project(&ProjectInput {
            code: NORR.into(),
            title: "Trygg nattillsyn i hemtjänsten".into(),
            buyer_name: "Region Norrbotten".into(),
            phase: Phase::EarlyDialogue,
            status: ProjectStatus::Active,
            ..Default::default()
        })
        .unwrap();
    let vgr = vgr(&mut store);

    // Where the needs came from.
    let workshop = store
        .create_meeting(
            norr,
            &meeting(
                MeetingType::NeedsWorkshop,
                "Behovsworkshop med nattpersonal",
                utc(11, 12, 9),
                120,
            ),
        )
        .unwrap();
    let interview = store
        .create_meeting(
            norr,
            &meeting(
                MeetingType::Interview,
                "Intervju med anhöriga",
                utc(11, 13, 14),
                60,
            ),
        )
        .unwrap();
    let sara = store
        .create_person(
            &PersonInput::validate(
                "Sara Nilsson",
                "Region Norrbotten",
                "Verksamhetsutvecklare",
                "",
                "",
            )
            .unwrap(),
        )
        .unwrap();
    let erik = store
        .create_person(
            &PersonInput::validate("Erik Lind", "Anhörigföreningen", "", "", "").unwrap(),
        )
        .unwrap();

    // 10 November: the needs are written down.
    use Priority::{Could, Must, Should, Wont};
    let b001 = store
        .create_need(norr, &need(B001, "Tillsyn", Some(Must), "Sara Nilsson"))
        .unwrap();
    let b002 = store
        .create_need(
            norr,
            &NeedInput::validate(
                "",
                "anhörig",
                "få besked när något oväntat händer på natten",
                "jag kan sova lugnt",
                "Kommunikation",
                Some(Should),
                "",
            )
            .unwrap(),
        )
        .unwrap();
    let b003 = store
        .create_need(norr, &need(B003, "Larm", Some(Could), ""))
        .unwrap();
    let b004 = store
        .create_need(norr, &need(B004, "Larm", Some(Must), "Anna Berg"))
        .unwrap();
    let b005 = store
        .create_need(norr, &need(B005, "Integritet", None, ""))
        .unwrap();
    let b006 = store
        .create_need(norr, &need(B006, "Planering", Some(Wont), ""))
        .unwrap();
    let b007 = store
        .create_need(norr, &need(B007, "Kommunikation", Some(Should), ""))
        .unwrap();
    let b008 = store
        .create_need(norr, &need(B008, "Dokumentation", Some(Must), ""))
        .unwrap();
    store
        .create_need(norr, &need(B009, "Larm", Some(Must), ""))
        .unwrap();
    // Another project's needs, which NORR-24's screens must not count.
    store
        .create_need(
            vgr,
            &need(
                "Hjälpmedlen ska gå att använda med nedsatt syn",
                "Tillgänglighet",
                Some(Must),
                "",
            ),
        )
        .unwrap();
    store
        .create_need(
            vgr,
            &need("Larm ska nå anhöriga natt och dag", "Larm", None, ""),
        )
        .unwrap();

    // Evidence: the workshop and Sara for B-001, a document and Erik too.
    store
        .add_evidence(
            b001,
            Some(workshop),
            Some(sara),
            "",
            "Tre av fyra i nattpatrullen tog upp det",
        )
        .unwrap();
    store
        .add_evidence(b001, None, None, "Intervjuanteckningar nattpatrull.pdf", "")
        .unwrap();
    store
        .add_evidence(
            b001,
            None,
            Some(erik),
            "",
            "Anhöriga oroar sig för nattbesöken",
        )
        .unwrap();
    store
        .add_evidence(b002, Some(interview), None, "", "")
        .unwrap();
    store
        .add_evidence(b007, Some(interview), Some(erik), "", "Sades av flera")
        .unwrap();
    store
        .add_evidence(b004, Some(workshop), None, "", "")
        .unwrap();

    // The history: status changes on later days.
    store.set_clock(Clock::Fixed(utc(11, 17, 10)));
    for id in [b001, b002, b004, b008] {
        store.set_need_status(id, NeedStatus::Analysed, "").unwrap();
    }
    store.set_clock(Clock::Fixed(utc(11, 20, 15)));
    for id in [b001, b004, b008] {
        store
            .set_need_status(id, NeedStatus::Validated, "")
            .unwrap();
    }
    store
        .set_need_status(b005, NeedStatus::Rejected, REJECT_REASON)
        .unwrap();
    store.set_clock(Clock::Fixed(utc(11, 24, 11)));
    for id in [b004, b008] {
        store
            .set_need_status(id, NeedStatus::Prioritised, "")
            .unwrap();
    }
    store
        .set_need_status(b008, NeedStatus::Described, "")
        .unwrap();
    store
        .set_need_status(b006, NeedStatus::Deferred, DEFER_REASON)
        .unwrap();
    store.merge_needs(b007, b002).unwrap();

    // Suggestions, made on earlier days (the open ones have waited since).
    use SuggestionStatus as S;
    let made = [
        (
            utc(11, 2, 10),
            suggestion(
                Phase::EarlyDialogue,
                "Bjud in nattpersonalen till dialogmötena",
                S::Proposed,
                "",
                "",
                None,
            ),
        ),
        (
            utc(11, 16, 10),
            suggestion(
                Phase::Requirements,
                "Beskriv funktion i stället för teknik i kraven",
                S::Discussed,
                "",
                "",
                Some(workshop),
            ),
        ),
        (
            utc(10, 20, 10),
            suggestion(
                Phase::NeedsAnalysis,
                "Låt anhöriga granska behovsbeskrivningen",
                S::Accepted,
                "Ja, vi bjuder in anhörigföreningen",
                &date(11, 5),
                None,
            ),
        ),
        (
            utc(10, 25, 10),
            suggestion(
                Phase::Strategy,
                "Dela upp upphandlingen i larm och planering",
                S::Rejected,
                "En leverantör ska ha helhetsansvaret",
                &date(11, 12),
                None,
            ),
        ),
        (
            utc(9, 30, 10),
            suggestion(
                Phase::Initiation,
                "Referensgrupp med brukare från början",
                S::Implemented,
                "",
                &date(10, 1),
                None,
            ),
        ),
        (
            utc(11, 20, 10),
            suggestion(
                Phase::Tendering,
                "Förläng anbudstiden till 60 dagar",
                S::Withdrawn,
                "",
                "",
                None,
            ),
        ),
    ];
    for (when, input) in made {
        store.set_clock(Clock::Fixed(when));
        store.create_suggestion(norr, &input).unwrap();
    }
    store.set_clock(Clock::Fixed(utc(11, 3, 10)));
    store
        .create_suggestion(
            vgr,
            &suggestion(
                Phase::NeedsAnalysis,
                "Testa hjälpmedlen med brukarna",
                S::Proposed,
                "",
                "",
                None,
            ),
        )
        .unwrap();

    // Lessons: two general, three of NORR-24, one of VGR-7.
    use LessonKind::{GoodExample, Lesson, Pitfall};
    for input in [
        lesson(
            None,
            Some(Phase::EarlyDialogue),
            GoodExample,
            "Korta dialogmöten med en fråga i taget",
            true,
        ),
        lesson(
            None,
            None,
            Lesson,
            "Skriv ned behoven med brukarens egna ord",
            false,
        ),
        lesson(
            Some(norr),
            Some(Phase::NeedsAnalysis),
            Lesson,
            "Intervjua nattpersonalen på natten",
            true,
        ),
        lesson(
            Some(norr),
            Some(Phase::EarlyDialogue),
            Pitfall,
            "Leverantörerna fick olika information",
            false,
        ),
        lesson(
            Some(norr),
            Some(Phase::Requirements),
            GoodExample,
            "Funktionskrav gav fler anbud",
            true,
        ),
        lesson(
            Some(vgr),
            Some(Phase::Tendering),
            Pitfall,
            "För kort anbudstid",
            true,
        ),
    ] {
        store.create_lesson(&input).unwrap();
    }

    store.set_clock(clock());
    let app = App::new(store);
    (
        app,
        Ids {
            b001,
            b002,
            b003,
            b004,
            b007,
            sara,
        },
    )
}

// ----- moving about -------------------------------------------------------------------

/// Portfolio → NORR-24 → Attention → Overview → Meetings → Needs, with Tab.
fn open_needs_tab(app: &mut App) {
    open_project(app, NORR);
    assert_eq!(app.context(), Context::ProjectAttention);
    press(app, KeyCode::Tab);
    assert_eq!(app.context(), Context::ProjectOverview);
    press(app, KeyCode::Tab);
    assert_eq!(app.context(), Context::ProjectMeetings);
    press(app, KeyCode::Tab);
    assert_eq!(app.context(), Context::ProjectNeeds);
}

/// The codes on the Needs tab, in order.
fn listed_codes(app: &App) -> Vec<String> {
    let p = app.project.as_ref().unwrap();
    p.needs.needs.iter().map(|n| n.code.clone()).collect()
}

fn selected_code(app: &App) -> Option<String> {
    let v = &app.project.as_ref()?.needs;
    v.needs.get(v.cursor.selected).map(|n| n.code.clone())
}

/// Moves the Needs tab's cursor to `code` with j.
fn select_need(app: &mut App, code: &str) {
    press(app, KeyCode::Home);
    while selected_code(app).as_deref() != Some(code) {
        let before = app.project.as_ref().unwrap().needs.cursor.selected;
        ch(app, 'j');
        let after = app.project.as_ref().unwrap().needs.cursor.selected;
        assert_ne!(before, after, "{code} not on the Needs tab");
    }
}

/// The count the summary keeps for `status`.
fn count_of(app: &App, status: NeedStatus) -> i64 {
    let counts = &app.project.as_ref().unwrap().needs.counts;
    counts
        .by_status
        .iter()
        .find(|(s, _)| *s == status)
        .map_or(0, |(_, n)| *n)
}

// ----- drawing ------------------------------------------------------------------------

/// The summary bar's first line (counts per status), read from the screen.
fn status_summary(screen: &str) -> &str {
    line_with(screen, "Identified ")
}

// ----- the Needs tab ------------------------------------------------------------------

#[test]
fn needs_tab_summary_and_table() {
    let (mut app, _) = fixture();
    open_needs_tab(&mut app);
    assert_eq!(
        listed_codes(&app),
        [
            "B-001", "B-002", "B-003", "B-004", "B-005", "B-006", "B-007", "B-008", "B-009"
        ]
    );
    use NeedStatus::*;
    let counts = &app.project.as_ref().unwrap().needs.counts;
    assert_eq!(counts.total, 9, "VGR-7's needs are not counted");
    assert_eq!(
        counts.by_status,
        [
            (Identified, 2),
            (Analysed, 1),
            (Validated, 1),
            (Prioritised, 1),
            (Described, 1),
            (Rejected, 1),
            (Deferred, 1),
            (Merged, 1),
        ]
    );
    // MoSCoW without the merged need.
    assert_eq!(
        counts.by_priority,
        [
            (Some(Priority::Must), 4),
            (Some(Priority::Should), 1),
            (Some(Priority::Could), 1),
            (Some(Priority::Wont), 1),
            (None, 1),
        ]
    );

    let screen = render(&app, 120, 40);
    let summary = status_summary(&screen);
    for part in [
        "Identified 2",
        "Analysed 1",
        "Validated 1",
        "Prioritised 1",
        "Described 1",
        "Rejected 1",
        "Deferred 1",
        "Merged 1",
    ] {
        assert!(summary.contains(part), "{part:?} not in {summary:?}");
    }
    let moscow = line_with(&screen, "Must ");
    for part in ["Must 4", "Should 1", "Could 1", "Won't 1", "No priority 1"] {
        assert!(moscow.contains(part), "{part:?} not in {moscow:?}");
    }
    assert!(screen.contains("Needs · 9"), "{screen}");
    // The first need is selected; the one naming a solution is flagged.
    assert!(line_with(&screen, "B-001").contains('▶'), "{screen}");
    assert!(line_with(&screen, "B-003").contains('⚠'), "{screen}");
    assert!(!line_with(&screen, "B-004").contains('⚠'), "{screen}");
    // Evidence counts: B-001 has three; B-002 has its own and B-007's (merged).
    assert!(
        line_with(&screen, "B-001").trim_end().ends_with('3'),
        "{screen}"
    );
    assert!(
        line_with(&screen, "B-002").trim_end().ends_with('2'),
        "{screen}"
    );
    assert!(line_with(&screen, "B-007").contains("Merged"), "{screen}");
    snap!(&app, "needs_tab");
}

#[test]
fn needs_tab_filtered_by_status_priority_and_category() {
    let (mut app, _) = fixture();
    open_needs_tab(&mut app);

    // The status facet from the filter bar's menu: Identified.
    pick_facet(&mut app, "Status", NeedStatus::Identified.label());
    let filter = &app.project.as_ref().unwrap().needs.filter;
    assert_eq!(filter.status, Some(NeedStatus::Identified));
    assert_eq!(listed_codes(&app), ["B-003", "B-009"]);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Status: Identified"), "{screen}");
    assert!(screen.contains("Needs · 2 of 9"), "{screen}");
    // The summary still counts the whole register.
    assert!(status_summary(&screen).contains("Analysed 1"), "{screen}");
    snap!(&app, "needs_by_status");
    // F clears it.
    ch(&mut app, 'F');
    assert_eq!(app.project.as_ref().unwrap().needs.filter.status, None);
    assert_eq!(listed_codes(&app).len(), 9);

    // p: the first priority, Must.
    ch(&mut app, 'p');
    assert_eq!(
        app.project.as_ref().unwrap().needs.filter.priority,
        Some(Priority::Must)
    );
    assert_eq!(listed_codes(&app), ["B-001", "B-004", "B-008", "B-009"]);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Priority: Must"), "{screen}");
    snap!(&app, "needs_by_priority");
    for _ in 0..Priority::ALL.len() {
        ch(&mut app, 'p');
    }
    assert_eq!(app.project.as_ref().unwrap().needs.filter.priority, None);

    // c: categories in use, in Swedish order; the third is Kommunikation.
    assert_eq!(
        app.project.as_ref().unwrap().needs.categories,
        [
            "Dokumentation",
            "Integritet",
            "Kommunikation",
            "Larm",
            "Planering",
            "Tillsyn"
        ]
    );
    for _ in 0..4 {
        ch(&mut app, 'c');
    }
    assert_eq!(
        app.project
            .as_ref()
            .unwrap()
            .needs
            .filter
            .category
            .as_deref(),
        Some("Larm")
    );
    assert_eq!(listed_codes(&app), ["B-003", "B-004", "B-009"]);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Category: Larm"), "{screen}");
    snap!(&app, "needs_by_category");
    // Past the last category the filter is off again.
    for _ in 0..3 {
        ch(&mut app, 'c');
    }
    assert_eq!(app.project.as_ref().unwrap().needs.filter.category, None);
    assert_eq!(listed_codes(&app).len(), 9);
}

#[test]
fn needs_text_filter_narrows_while_typing_and_esc_clears_it() {
    let (mut app, _) = fixture();
    open_needs_tab(&mut app);
    ch(&mut app, 'f');
    assert_eq!(app.context(), Context::FilterInput);

    // Each keypress narrows: "n" is in most needs, "natt" in four.
    let mut seen = Vec::new();
    for c in "natt".chars() {
        ch(&mut app, c);
        seen.push(listed_codes(&app).len());
    }
    assert!(
        seen.windows(2).all(|w| w[1] <= w[0]),
        "typing never widens: {seen:?}"
    );
    assert_eq!(listed_codes(&app), ["B-001", "B-002", "B-004", "B-006"]);
    let screen = render(&app, 120, 40);
    assert!(line_with(&screen, " filter ").contains("natt"), "{screen}");
    assert!(screen.contains("Needs · 4"), "{screen}");
    // q is typed text here, not quit.
    ch(&mut app, 'q');
    assert!(!app.should_quit);
    assert!(listed_codes(&app).is_empty());
    let screen = render(&app, 120, 40);
    assert!(screen.contains("No need matches"), "{screen}");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(listed_codes(&app).len(), 4);
    snap!(&app, "needs_by_text");

    // Esc clears the filter and closes the line.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::ProjectNeeds);
    assert_eq!(app.project.as_ref().unwrap().needs.filter.text, "");
    assert_eq!(listed_codes(&app).len(), 9);
    let screen = render(&app, 120, 40);
    assert!(
        !screen.lines().any(|l| l.starts_with(" filter ")),
        "{screen}"
    );

    // Enter keeps it; then Esc on the tab clears it before leaving the project.
    ch(&mut app, 'f');
    type_str(&mut app, "LARM");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::ProjectNeeds);
    assert_eq!(listed_codes(&app), ["B-003", "B-004", "B-009"]);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::ProjectNeeds);
    assert_eq!(listed_codes(&app).len(), 9);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Portfolio);
}

#[test]
fn needs_text_filter_ignores_case_of_swedish_letters_and_matches_codes() {
    let (mut app, _) = fixture();
    open_needs_tab(&mut app);
    ch(&mut app, 'f');
    type_str(&mut app, "SÄNGEN");
    assert_eq!(listed_codes(&app), ["B-003", "B-009"]);
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'f');
    type_str(&mut app, "b-00");
    assert_eq!(listed_codes(&app).len(), 9);
    type_str(&mut app, "4");
    assert_eq!(listed_codes(&app), ["B-004"]);
    // Categories and owners are searched too.
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'f');
    type_str(&mut app, "anna berg");
    assert_eq!(listed_codes(&app), ["B-004"]);
}

#[test]
fn status_keys_move_the_need_and_the_counts() {
    let (mut app, ids) = fixture();
    open_needs_tab(&mut app);
    select_need(&mut app, "B-003");
    assert_eq!(count_of(&app, NeedStatus::Identified), 2);
    assert_eq!(count_of(&app, NeedStatus::Analysed), 1);

    ch(&mut app, '>');
    assert_eq!(
        app.store.need(ids.b003).unwrap().status,
        NeedStatus::Analysed
    );
    assert_eq!(count_of(&app, NeedStatus::Identified), 1);
    assert_eq!(count_of(&app, NeedStatus::Analysed), 2);
    let screen = render(&app, 120, 40);
    let summary = status_summary(&screen);
    assert!(summary.contains("Identified 1"), "{summary}");
    assert!(summary.contains("Analysed 2"), "{summary}");
    assert!(line_with(&screen, "B-003").contains("Analysed"), "{screen}");
    assert!(screen.contains("B-003: Analysed"), "status line: {screen}");
    // The selection stays on the need that moved.
    assert_eq!(selected_code(&app).as_deref(), Some("B-003"));

    ch(&mut app, '>');
    assert_eq!(count_of(&app, NeedStatus::Validated), 2);
    ch(&mut app, '<');
    ch(&mut app, '<');
    assert_eq!(
        app.store.need(ids.b003).unwrap().status,
        NeedStatus::Identified
    );
    assert_eq!(count_of(&app, NeedStatus::Identified), 2);
    assert_eq!(count_of(&app, NeedStatus::Analysed), 1);
    // Identified is the start: `<` says so and changes nothing.
    ch(&mut app, '<');
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("B-003 is Identified: it cannot move that way"),
        "{screen}"
    );
    // Every move is in the history: created, two on, two back.
    let history = app.store.need_history(ids.b003).unwrap();
    let moves: Vec<_> = history.iter().map(|h| (h.from, h.to)).collect();
    use NeedStatus::*;
    assert_eq!(
        moves,
        [
            (None, Identified),
            (Some(Identified), Analysed),
            (Some(Analysed), Validated),
            (Some(Validated), Analysed),
            (Some(Analysed), Identified),
        ]
    );

    // A deferred need goes back to identified with `<`, and not on with `>`.
    select_need(&mut app, "B-006");
    ch(&mut app, '>');
    assert_eq!(count_of(&app, Deferred), 1);
    ch(&mut app, '<');
    assert_eq!(count_of(&app, Deferred), 0);
    assert_eq!(count_of(&app, Identified), 3);
}

#[test]
fn reject_with_a_reason() {
    let (mut app, ids) = fixture();
    open_needs_tab(&mut app);
    select_need(&mut app, "B-003");
    ch(&mut app, 'x');
    assert_eq!(app.context(), Context::Form);
    assert_eq!(app.form.as_ref().unwrap().title, "Reject need B-003");
    snap!(&app, "reject_form");

    // No reason, no rejection.
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::Form);
    assert_eq!(
        app.store.need(ids.b003).unwrap().status,
        NeedStatus::Identified
    );

    type_str(&mut app, "Beskriver en lösning, inte ett behov");
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::ProjectNeeds);
    let need = app.store.need(ids.b003).unwrap();
    assert_eq!(need.status, NeedStatus::Rejected);
    assert_eq!(need.status_reason, "Beskriver en lösning, inte ett behov");
    let history = app.store.need_history(ids.b003).unwrap();
    assert_eq!(history.len(), 2);
    let last = history.last().unwrap();
    assert_eq!(last.from, Some(NeedStatus::Identified));
    assert_eq!(last.to, NeedStatus::Rejected);
    assert_eq!(last.reason, "Beskriver en lösning, inte ett behov");
    assert_eq!(last.changed_at, "2026-11-26T12:00:00Z");
    assert_eq!(count_of(&app, NeedStatus::Rejected), 2);
    assert_eq!(count_of(&app, NeedStatus::Identified), 1);

    // Defer takes a reason too (z).
    select_need(&mut app, "B-009");
    ch(&mut app, 'z');
    assert_eq!(app.form.as_ref().unwrap().title, "Defer need B-009");
    type_str(&mut app, "Nästa etapp");
    ctrl(&mut app, 's');
    assert_eq!(count_of(&app, NeedStatus::Deferred), 2);
    assert_eq!(count_of(&app, NeedStatus::Identified), 0);
}

#[test]
fn codes_count_on_after_the_last_need_is_trashed() {
    let (mut app, _) = fixture();
    open_needs_tab(&mut app);
    select_need(&mut app, "B-009");
    ch(&mut app, 'd');
    assert_eq!(app.context(), Context::Confirm);
    ch(&mut app, 'y');
    assert_eq!(listed_codes(&app).last().map(String::as_str), Some("B-008"));
    assert_eq!(app.project.as_ref().unwrap().needs.counts.total, 8);

    // A new need with keys: n, statement, Ctrl-S. It gets B-010, not B-009 again.
    ch(&mut app, 'n');
    assert_eq!(app.form.as_ref().unwrap().title, "New need");
    type_str(&mut app, "Brukaren ska själv kunna be om tillsyn");
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::ProjectNeeds);
    assert_eq!(listed_codes(&app).last().map(String::as_str), Some("B-010"));
    let screen = render(&app, 120, 40);
    assert!(
        line_with(&screen, "B-010").contains("Identified"),
        "{screen}"
    );

    // Trashing that one too: the next is B-011.
    select_need(&mut app, "B-010");
    ch(&mut app, 'd');
    ch(&mut app, 'y');
    ch(&mut app, 'n');
    type_str(&mut app, "Ett behov till");
    ctrl(&mut app, 's');
    assert_eq!(listed_codes(&app).last().map(String::as_str), Some("B-011"));
    // The other project's codes are its own.
    let vgr = app
        .store
        .list_projects(&Default::default())
        .unwrap()
        .into_iter()
        .find(|p| p.code == VGR)
        .unwrap()
        .id;
    let codes: Vec<String> = app
        .store
        .all_needs(Some(vgr))
        .unwrap()
        .into_iter()
        .map(|n| n.code)
        .collect();
    assert_eq!(codes, ["B-001", "B-002"]);
}

#[test]
fn need_form_warns_about_a_solution_while_typing() {
    let (mut app, _) = fixture();
    open_needs_tab(&mut app);
    ch(&mut app, 'n');
    assert_eq!(app.context(), Context::Form);
    type_str(&mut app, "Vi behöver en ap");
    // "ap" is no word of the list: no warning yet.
    assert!(
        app.form
            .as_ref()
            .unwrap()
            .warnings
            .get("statement")
            .is_none()
    );
    ch(&mut app, 'p');
    let warning = app.form.as_ref().unwrap().warnings.get("statement");
    assert_eq!(warning, Some(&FieldError::SolutionWords(vec!["app"])));
    type_str(&mut app, " för tillsyn");
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("⚠ names a solution (app)"),
        "the warning under the field:\n{screen}"
    );
    snap!(&app, "need_form_solution_warning");

    // A warning, not a block: it saves.
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::ProjectNeeds);
    assert_eq!(listed_codes(&app).last().map(String::as_str), Some("B-010"));
    let screen = render(&app, 120, 40);
    assert!(line_with(&screen, "B-010").contains('⚠'), "{screen}");
}

// ----- the need screen ----------------------------------------------------------------

#[test]
fn need_screen_with_evidence_and_history() {
    let (mut app, ids) = fixture();
    open_needs_tab(&mut app);
    select_need(&mut app, "B-002");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Need { id: ids.b002 });
    assert_eq!(app.context(), Context::NeedDetail);
    let state = app.need.as_ref().unwrap();
    assert_eq!(state.merged_from, ["B-007"]);
    let merged = app.store.need(ids.b007).unwrap();
    assert_eq!(merged.merged_into, Some(ids.b002));
    assert_eq!(merged.evidence_count, 0, "its evidence moved to B-002");
    assert_eq!(state.evidence.len(), 2, "its own and B-007's");
    assert_eq!(state.history.len(), 2);

    let screen = render(&app, 120, 40);
    assert!(screen.contains("NORR-24 › Needs › B-002"), "{screen}");
    assert!(
        screen.contains("Som anhörig behöver jag få besked när något oväntat händer på natten"),
        "{screen}"
    );
    assert!(
        line_with(&screen, "Merged from").contains("B-007"),
        "{screen}"
    );
    assert!(
        line_with(&screen, "Intervju med anhöriga").contains("2026-11-13"),
        "{screen}"
    );
    assert!(
        line_with(&screen, "Sades av flera").contains("Erik Lind"),
        "{screen}"
    );
    assert!(
        line_with(&screen, "2026-11-17 10:00").contains("Identified → Analysed"),
        "{screen}"
    );
    snap!(&app, "need_screen");

    // `>` moves it on from its own screen and adds to the history shown.
    ch(&mut app, '>');
    let state = app.need.as_ref().unwrap();
    assert_eq!(state.need.status, NeedStatus::Validated);
    assert_eq!(state.history.len(), 3);
    let screen = render(&app, 120, 40);
    assert!(
        line_with(&screen, "2026-11-26 12:00").contains("Analysed → Validated"),
        "{screen}"
    );
    // Back on the tab, the counts follow.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.context(), Context::ProjectNeeds);
    assert_eq!(count_of(&app, NeedStatus::Validated), 2);
}

#[test]
fn need_screen_of_a_rejected_need_shows_the_reason() {
    let (mut app, _) = fixture();
    open_needs_tab(&mut app);
    select_need(&mut app, "B-005");
    press(&mut app, KeyCode::Enter);
    let screen = render(&app, 120, 40);
    assert!(
        line_with(&screen, "Reason").contains(&REJECT_REASON[..30]),
        "{screen}"
    );
    assert!(
        line_with(&screen, "Identified → Rejected").contains(REJECT_REASON),
        "{screen}"
    );
    // "Kameror" names a solution.
    assert!(screen.contains("⚠ names a solution (kameror)"), "{screen}");
    snap!(&app, "need_screen_rejected");
}

#[test]
fn evidence_is_added_from_the_need_screen() {
    let (mut app, _) = fixture();
    open_needs_tab(&mut app);
    select_need(&mut app, "B-009");
    press(&mut app, KeyCode::Enter);
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("Where did this need come from?"),
        "{screen}"
    );
    ch(&mut app, 'a');
    assert_eq!(app.form.as_ref().unwrap().title, "Add evidence");
    // Meeting (a choice), person, document, note: only the document here.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "Avvikelserapport 2025");
    ctrl(&mut app, 's');
    assert_eq!(app.context(), Context::NeedDetail);
    let state = app.need.as_ref().unwrap();
    assert_eq!(state.evidence.len(), 1);
    assert_eq!(state.evidence[0].document, "Avvikelserapport 2025");
}

// ----- merging ------------------------------------------------------------------------

#[test]
fn merge_picker_and_merging_moves_the_evidence() {
    let (mut app, ids) = fixture();
    open_needs_tab(&mut app);
    select_need(&mut app, "B-001");
    ch(&mut app, 'm');
    assert_eq!(app.context(), Context::Pick);
    let Some(Overlay::Pick(pick)) = &app.overlay else {
        panic!("no picker")
    };
    let PickPurpose::MergeInto {
        from, ref targets, ..
    } = pick.purpose
    else {
        panic!("not a merge picker")
    };
    assert_eq!(from, ids.b001);
    let target_codes: Vec<&str> = targets.iter().map(|(_, c)| c.as_str()).collect();
    // Every other need of the project that can take a merge (not merged or rejected).
    assert!(!target_codes.contains(&"B-001"));
    assert!(!target_codes.contains(&"B-007"));
    assert!(target_codes.contains(&"B-004"));
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Merge B-001 into which need?"), "{screen}");
    snap!(&app, "merge_picker");

    // Choose B-004 (j until it is selected), Enter, confirm.
    let at = target_codes.iter().position(|c| *c == "B-004").unwrap();
    for _ in 0..at {
        ch(&mut app, 'j');
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.context(), Context::Confirm);
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("B-001") && screen.contains("B-004"),
        "{screen}"
    );
    ch(&mut app, 'y');
    assert_eq!(app.context(), Context::ProjectNeeds);

    let from = app.store.need(ids.b001).unwrap();
    assert_eq!(from.status, NeedStatus::Merged);
    assert_eq!(from.merged_into, Some(ids.b004));
    assert_eq!(from.evidence_count, 0);
    let into = app.store.evidence(ids.b004).unwrap();
    assert_eq!(into.len(), 4, "B-004's own and B-001's three");
    assert!(
        into.iter()
            .any(|e| e.document == "Intervjuanteckningar nattpatrull.pdf")
    );
    assert!(into.iter().any(|e| e.person_id == Some(ids.sara)));
    assert_eq!(count_of(&app, NeedStatus::Merged), 2);
    assert_eq!(count_of(&app, NeedStatus::Validated), 0);
    let history = app.store.need_history(ids.b001).unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.to, NeedStatus::Merged);
    // The store keeps where it went as data, not as a sentence.
    assert_eq!(last.reason, "", "{last:?}");
    let screen = render(&app, 120, 40);
    assert!(line_with(&screen, "B-001").contains("Merged"), "{screen}");
    assert!(
        line_with(&screen, "B-004").trim_end().ends_with('4'),
        "{screen}"
    );
    // B-004's screen names where the evidence came from.
    select_need(&mut app, "B-004");
    press(&mut app, KeyCode::Enter);
    let state = app.need.as_ref().unwrap();
    assert_eq!(state.merged_from, ["B-001"]);
    assert_eq!(state.evidence.len(), 4);

    // B-001's screen says where it went, worded from the link: as its reason and in
    // its history.
    press(&mut app, KeyCode::Esc);
    select_need(&mut app, "B-001");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.need.as_ref().unwrap().merged_into.as_deref(),
        Some("B-004")
    );
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Reason: merged into B-004"), "{screen}");
    assert!(screen.contains("Merged (merged into B-004)"), "{screen}");

    // A store from before kept the words in the rows: they are shown as they are.
    app.store
        .connection()
        .execute_batch(&format!(
            "UPDATE needs SET status_reason = 'merged into B-004' WHERE id = {b001};
             UPDATE need_status_changes SET reason = 'merged into B-004'
             WHERE need_id = {b001} AND to_status = 'merged';",
            b001 = ids.b001
        ))
        .unwrap();
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    let screen = render(&app, 120, 40);
    assert_eq!(screen.matches("merged into B-004").count(), 2, "{screen}");
    assert!(screen.contains("Reason: merged into B-004"), "{screen}");
}

// ----- suggestions and lessons --------------------------------------------------------

#[test]
fn suggestions_tab_shows_how_long_open_ones_have_waited() {
    let (mut app, _) = fixture();
    open_needs_tab(&mut app);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.context(), Context::ProjectSuggestions);
    let items = &app.project.as_ref().unwrap().suggestions.items;
    let titles: Vec<&str> = items.iter().map(|s| s.title.as_str()).collect();
    // Open first, oldest first; then the decided ones, oldest first. Only NORR-24's.
    assert_eq!(
        titles,
        [
            "Bjud in nattpersonalen till dialogmötena",
            "Beskriv funktion i stället för teknik i kraven",
            "Referensgrupp med brukare från början",
            "Låt anhöriga granska behovsbeskrivningen",
            "Dela upp upphandlingen i larm och planering",
            "Förläng anbudstiden till 60 dagar",
        ]
    );
    let screen = render(&app, 120, 40);
    assert!(
        line_with(&screen, "Bjud in nattpersonalen").contains("24 d"),
        "{screen}"
    );
    assert!(
        line_with(&screen, "Beskriv funktion").contains("10 d"),
        "{screen}"
    );
    // Decided ones do not wait; they show when they were decided.
    let accepted = line_with(&screen, "Låt anhöriga granska");
    assert!(!accepted.contains(" d "), "{accepted}");
    assert!(accepted.contains("2026-11-05"), "{accepted}");
    snap!(&app, "suggestions_tab");

    // The status facet from the filter bar's menu: Proposed.
    pick_facet(&mut app, "Status", SuggestionStatus::Proposed.label());
    let view = &app.project.as_ref().unwrap().suggestions;
    assert_eq!(view.filter.status, Some(SuggestionStatus::Proposed));
    assert_eq!(view.items.len(), 1);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Status: Proposed"), "{screen}");
    assert!(screen.contains("Suggestions · 1 of 6"), "{screen}");
    snap!(&app, "suggestions_by_status");
    // p: the phase filter on top of it (Initiation): nothing proposed there.
    ch(&mut app, 'p');
    let view = &app.project.as_ref().unwrap().suggestions;
    assert_eq!(view.filter.phase, Some(Phase::Initiation));
    assert!(view.items.is_empty());

    // `>` moves an open suggestion on: Discussed → Accepted gets today's date.
    ch(&mut app, 'F');
    assert_eq!(
        app.project.as_ref().unwrap().suggestions.filter,
        Default::default()
    );
    pick_facet(&mut app, "Status", SuggestionStatus::Discussed.label());
    let view = &app.project.as_ref().unwrap().suggestions;
    assert_eq!(view.filter.status, Some(SuggestionStatus::Discussed));
    ch(&mut app, '>');
    let s = app
        .store
        .suggestions(None, Some(SuggestionStatus::Accepted), None)
        .unwrap();
    let moved = s
        .iter()
        .find(|s| s.title.starts_with("Beskriv funktion"))
        .expect("accepted now");
    assert_eq!(
        moved.decision_date,
        Some(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
    );
}

#[test]
fn project_lessons_tab() {
    let (mut app, _) = fixture();
    open_project(&mut app, NORR);
    project_tab(&mut app, ProjectTab::Lessons);
    assert_eq!(app.context(), Context::ProjectLessons);
    let items = &app.project.as_ref().unwrap().lessons.items;
    let titles: Vec<&str> = items.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(titles.len(), 3, "only NORR-24's: {titles:?}");
    let screen = render(&app, 120, 40);
    assert!(
        line_with(&screen, "Funktionskrav gav fler anbud").contains('✓'),
        "{screen}"
    );
    assert!(
        !line_with(&screen, "Leverantörerna fick olika").contains('✓'),
        "{screen}"
    );
    snap!(&app, "project_lessons");
}

#[test]
fn lessons_library_filtered_by_phase_and_kind() {
    let (mut app, _) = fixture();
    ch(&mut app, '4');
    assert_eq!(app.screen(), Screen::Lessons);
    assert_eq!(app.context(), Context::LessonsLibrary);
    assert_eq!(app.library.items().count(), 6);
    let screen = render(&app, 120, 40);
    assert!(
        line_with(&screen, "Skriv ned behoven").contains("General"),
        "{screen}"
    );
    assert!(
        line_with(&screen, "För kort anbudstid").contains(VGR),
        "{screen}"
    );
    snap!(&app, "library");

    // The phase facet from the filter bar's menu.
    pick_facet(&mut app, "Phase", Phase::EarlyDialogue.label());
    assert_eq!(app.library.filter.phase, Some(Phase::EarlyDialogue));
    let titles: Vec<&str> = app.library.items().map(|l| l.title.as_str()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles.contains(&"Korta dialogmöten med en fråga i taget"));
    assert!(titles.contains(&"Leverantörerna fick olika information"));
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Phase: Early dialogue"), "{screen}");
    snap!(&app, "library_by_phase");

    // The kind on top: Lesson → nothing of Early dialogue; clear the phase.
    pick_facet(&mut app, "Kind", LessonKind::Lesson.label());
    assert_eq!(app.library.filter.kind, Some(LessonKind::Lesson));
    assert!(app.library.is_empty());
    pick_facet(&mut app, "Phase", "any");
    assert_eq!(app.library.filter.phase, None);
    // Good examples, across projects and general.
    pick_facet(&mut app, "Kind", LessonKind::GoodExample.label());
    assert_eq!(app.library.filter.kind, Some(LessonKind::GoodExample));
    let titles: Vec<&str> = app.library.items().map(|l| l.title.as_str()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    let screen = render(&app, 120, 40);
    assert!(screen.contains("Kind: Good example"), "{screen}");
    snap!(&app, "library_by_kind");
}

// ----- help ---------------------------------------------------------------------------

#[test]
fn help_lists_exactly_the_keymap_for_needs_and_the_need_screen() {
    let (mut app, _) = fixture();
    open_needs_tab(&mut app);
    assert_help_from_keymap(&mut app, Context::ProjectNeeds);
    assert_footer_from_keymap(&app, Context::ProjectNeeds);
    select_need(&mut app, "B-001");
    press(&mut app, KeyCode::Enter);
    assert_help_from_keymap(&mut app, Context::NeedDetail);
    assert_footer_from_keymap(&app, Context::NeedDetail);
    // The help of the filter line is its own.
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'f');
    assert_help_from_keymap(&mut app, Context::FilterInput);
}

#[test]
fn other_needs_contexts_have_footers_from_the_keymap() {
    let (mut app, _) = fixture();
    open_needs_tab(&mut app);
    press(&mut app, KeyCode::Tab);
    assert_footer_from_keymap(&app, Context::ProjectSuggestions);
    assert_help_from_keymap(&mut app, Context::ProjectSuggestions);
    project_tab(&mut app, ProjectTab::Lessons);
    assert_footer_from_keymap(&app, Context::ProjectLessons);
    assert_help_from_keymap(&mut app, Context::ProjectLessons);
    ch(&mut app, '4');
    assert_footer_from_keymap(&app, Context::LessonsLibrary);
    assert_help_from_keymap(&mut app, Context::LessonsLibrary);
}

#[test]
fn needs_screens_draw_at_tiny_sizes_without_panicking() {
    let (mut app, _) = fixture();
    let sizes = [(1, 1), (10, 3), (20, 5), (40, 10), (60, 15)];
    open_needs_tab(&mut app);
    let steps: &[fn(&mut App)] = &[
        |_| {},
        |a| ch(a, 'f'),
        |a| type_str(a, "natt"),
        |a| press(a, KeyCode::Enter),
        |a| press(a, KeyCode::Enter),
        |a| press(a, KeyCode::Esc),
        |a| ch(a, 'm'),
        |a| press(a, KeyCode::Esc),
        |a| ch(a, 'n'),
        |a| type_str(a, "en app"),
        |a| press(a, KeyCode::Esc),
        |a| ch(a, 'y'),
        |a| press(a, KeyCode::Tab),
        |a| press(a, KeyCode::Tab),
        |a| press(a, KeyCode::Tab),
        |a| ch(a, '4'),
    ];
    for step in steps {
        step(&mut app);
        for (w, h) in sizes {
            render(&app, w, h);
        }
    }
}

// ----- known problems in src/ (reported, not fixed here) --------------------------------
// Each test below states what a user should see; it fails today, so it is ignored with
// the reason. Run them with `cargo test --test needs_screens -- --ignored`.

#[test]
fn need_screen_shows_the_whole_history() {
    let (mut app, _) = fixture();
    open_needs_tab(&mut app);
    select_need(&mut app, "B-002");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.need.as_ref().unwrap().history.len(), 2);
    // Plenty of room at 120×40, yet only the newest of the two steps is drawn.
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains(" 2026-11-10 09:00  Identified"),
        "the creation step is missing:\n{screen}"
    );
}

#[test]
fn merge_picker_offers_only_needs_that_can_take_a_merge() {
    let (mut app, _) = fixture();
    open_needs_tab(&mut app);
    select_need(&mut app, "B-001");
    ch(&mut app, 'm');
    let Some(Overlay::Pick(pick)) = &app.overlay else {
        panic!("no picker")
    };
    let PickPurpose::MergeInto { ref targets, .. } = pick.purpose else {
        panic!("not a merge picker")
    };
    let codes: Vec<&str> = targets.iter().map(|(_, c)| c.as_str()).collect();
    // B-005 is rejected: choosing it ends in "nothing can be merged into a merged or
    // rejected need".
    assert!(!codes.contains(&"B-005"), "{codes:?}");
}

#[test]
fn saving_a_need_names_it_in_the_status_line() {
    let (mut app, _) = fixture();
    open_needs_tab(&mut app);
    ch(&mut app, 'n');
    type_str(&mut app, "Brukaren ska själv kunna be om tillsyn");
    ctrl(&mut app, 's');
    let status = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("B-010"), "{status:?}");
}

#[test]
fn editing_a_structured_need_rewrites_its_statement() {
    let (mut app, ids) = fixture();
    open_needs_tab(&mut app);
    select_need(&mut app, "B-002");
    ch(&mut app, 'e');
    // Statement → As a … → I need …: replace it.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.form.as_ref().unwrap().focused().key, "i_need");
    for _ in 0..80 {
        press(&mut app, KeyCode::Backspace);
    }
    type_str(&mut app, "veta att min närstående mår bra");
    ctrl(&mut app, 's');
    let need = app.store.need(ids.b002).unwrap();
    assert_eq!(need.i_need, "veta att min närstående mår bra");
    assert!(
        need.statement.contains("veta att min närstående mår bra"),
        "the statement still says {:?}",
        need.statement
    );
}
