//! Meetings in the TUI: the project's Meetings tab, the meeting form, the meeting
//! screen (details, timed agenda, participants, checklist), the template picker, and
//! the agenda list and week view across projects.
//!
//! The fixture is built here through the library API (not the demo, which changes):
//! two projects, meetings this week and next, a cancelled and a past one, a pair that
//! overlaps across projects, an agenda longer than its meeting, and a supplier among
//! the participants. The clock is fixed at Thursday 2026-11-26 12:00 UTC, and
//! `Clock::Fixed` shows times in UTC, so every snapshot is deterministic.
//!
//! The app is driven with key events exactly as a user types them; each screen is
//! snapshotted at 80×24 and 120×40. Snapshots show characters only, so the selected
//! row of a table is recognisable by `▶ `; where a selection is shown by colour alone
//! (week view, checklist) the tests check the cell style instead.

mod common;

use chrono::{DateTime, Utc};
use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use tidig::{
    app::{AgendaMode, App, MeetingTab, Overlay, ProjectTab, Screen, StatusKind, keymap::Context},
    domain::{
        AgendaItemInput, AttendanceRole, MeetingFormat, MeetingInput, MeetingStatus, MeetingType,
        NotesStatus, OrgKind, OrganisationInput, PersonInput,
    },
    store::Store,
};

use common::clock;
use common::screen::{
    assert_footer_from_keymap, assert_help_from_keymap, buffer_text, ch, ctrl, fg_of, find_cells,
    is_highlighted, line_with, meeting_tab, press, render, select_project, snap, terminal,
    type_str,
};
use common::store::{norr, vgr};

// ----- fixture ------------------------------------------------------------------------

fn utc(month: u32, day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    common::utc(2026, month, day, hour, minute)
}

/// A meeting from (month, day, hour, minute) lasting `minutes`.
fn meeting(
    kind: MeetingType,
    title: &str,
    (month, day, hour, minute): (u32, u32, u32, u32),
    minutes: i64,
    status: MeetingStatus,
) -> MeetingInput {
    let start = utc(month, day, hour, minute);
    MeetingInput {
        kind,
        title: title.to_string(),
        purpose: String::new(),
        desired_outcome: String::new(),
        format: MeetingFormat::InPerson,
        location: String::new(),
        start,
        end: start + chrono::Duration::minutes(minutes),
        status,
        notes_status: NotesStatus::None,
    }
}

fn block(title: &str, minutes: u32, method: &str, owner: &str, outcome: &str) -> AgendaItemInput {
    AgendaItemInput {
        title: title.to_string(),
        minutes,
        method: method.to_string(),
        owner: owner.to_string(),
        expected_outcome: outcome.to_string(),
    }
}

fn person(name: &str, organisation: &str, title: &str) -> PersonInput {
    PersonInput {
        name: name.to_string(),
        organisation_name: organisation.to_string(),
        title: title.to_string(),
        email: String::new(),
        phone: String::new(),
    }
}

const DIALOGUE: &str = "Dialog med Omsorgsdata AB";
const INFO_CANCELLED: &str = "Informationsmöte för leverantörer";
const WORKSHOP: &str = "Behovsworkshop med hemtjänstpersonal";
const STEERING: &str = "Styrgruppsmöte";
const REFERENCE: &str = "Referensgruppsmöte";

/// The ids the tests need.
struct Ids {
    dialogue: i64,
    workshop: i64,
    steering: i64,
    reference: i64,
}

/// Two projects and their meetings, this week (Mon 23 – Sun 29 November 2026) and
/// next (Mon 30 November – Sun 6 December).
fn fixture() -> (App, Ids) {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let norr = norr(&mut store);
    let vgr = vgr(&mut store);

    use MeetingStatus::{Cancelled, Held, Planned};
    use MeetingType as T;
    // Past: last week, and earlier this week.
    let mut kickoff = meeting(T::Kickoff, "Uppstartsmöte", (11, 17, 9, 0), 90, Held);
    kickoff.notes_status = NotesStatus::Approved;
    store.create_meeting(norr, &kickoff).unwrap();
    store
        .create_meeting(
            norr,
            &meeting(
                T::ProjectMeeting,
                "Projektmöte vecka 48",
                (11, 23, 13, 0),
                60,
                Held,
            ),
        )
        .unwrap();
    // Today, already over.
    store
        .create_meeting(
            vgr,
            &meeting(
                T::Interview,
                "Intervju med biståndshandläggare",
                (11, 26, 8, 30),
                60,
                Held,
            ),
        )
        .unwrap();

    // Tomorrow: a one-to-one supplier dialogue, and a cancelled information meeting at
    // the same time (cancelled meetings overlap nothing).
    let mut dialogue = meeting(T::OneToOneDialogue, DIALOGUE, (11, 27, 10, 0), 60, Planned);
    dialogue.format = MeetingFormat::Digital;
    dialogue.location = "Teams".into();
    dialogue.purpose = "Höra hur Omsorgsdata AB ser på digital planering i hemtjänsten.".into();
    dialogue.desired_outcome = "Underlag till marknadsanalysen.".into();
    let dialogue = store.create_meeting(norr, &dialogue).unwrap();
    store
        .create_meeting(
            norr,
            &meeting(
                T::InformationMeeting,
                INFO_CANCELLED,
                (11, 27, 10, 30),
                90,
                Cancelled,
            ),
        )
        .unwrap();

    // Next week: a needs workshop with more agenda than meeting, and two meetings in
    // different projects that overlap by half an hour.
    let mut workshop = meeting(T::NeedsWorkshop, WORKSHOP, (12, 1, 9, 0), 120, Planned);
    workshop.location = "Stadshuset, sal 3".into();
    workshop.purpose = "Samla behov från dem som gör jobbet.".into();
    let workshop = store.create_meeting(norr, &workshop).unwrap();
    let steering = store
        .create_meeting(
            norr,
            &meeting(T::SteeringGroup, STEERING, (12, 2, 13, 0), 90, Planned),
        )
        .unwrap();
    let reference = store
        .create_meeting(
            vgr,
            &meeting(T::ReferenceGroup, REFERENCE, (12, 2, 14, 0), 60, Planned),
        )
        .unwrap();

    // Agendas: the dialogue fills its hour exactly; the workshop runs 35 min over.
    for b in [
        block(
            "Inledning och syfte",
            10,
            "Presentation",
            "Anna",
            "Alla vet ramarna",
        ),
        block("Leverantörens bild", 25, "Presentation", "Omsorgsdata", ""),
        block(
            "Frågor från beställaren",
            20,
            "Samtal",
            "Anna",
            "Svar på frågorna",
        ),
        block("Avslutning", 5, "", "Anna", ""),
    ] {
        store.add_agenda_item(dialogue, &b).unwrap();
    }
    for b in [
        block("Välkomna", 15, "Runda", "Sara", ""),
        block(
            "Nuläget i hemtjänsten",
            45,
            "Presentation",
            "Sara",
            "Gemensam bild",
        ),
        block("Behov i grupper", 60, "Grupparbete", "Alla", "Behovslista"),
        block("Paus", 15, "", "", ""),
        block(
            "Sammanfattning",
            20,
            "Helgrupp",
            "Anna",
            "Prioriterade behov",
        ),
    ] {
        store.add_agenda_item(workshop, &b).unwrap();
    }

    // Participants of the dialogue: two from the region, one from the supplier.
    store
        .create_organisation(&OrganisationInput {
            name: "Omsorgsdata AB".into(),
            kind: OrgKind::Supplier,
        })
        .unwrap();
    let anna = store
        .create_person(&person("Anna Berg", "Region Norrbotten", "Upphandlare"))
        .unwrap();
    let erik = store
        .create_person(&person("Erik Lind", "Omsorgsdata AB", "Säljchef"))
        .unwrap();
    let sara = store
        .create_person(&person(
            "Sara Nilsson",
            "Region Norrbotten",
            "Verksamhetsutvecklare",
        ))
        .unwrap();
    store
        .add_attendance(dialogue, anna, AttendanceRole::Facilitator)
        .unwrap();
    store
        .add_attendance(dialogue, erik, AttendanceRole::Participant)
        .unwrap();
    store
        .add_attendance(dialogue, sara, AttendanceRole::NoteTaker)
        .unwrap();

    // Two of the five equal-treatment points are done.
    store.toggle_checklist(dialogue, 0).unwrap();
    store.toggle_checklist(dialogue, 1).unwrap();

    let app = App::new(store);
    (
        app,
        Ids {
            dialogue,
            workshop,
            steering,
            reference,
        },
    )
}

// ----- moving about -------------------------------------------------------------------

/// Portfolio → the project with `code` → its Meetings tab.
fn open_meetings_tab(app: &mut App, code: &str) {
    select_project(app, code);
    press(app, KeyCode::Enter);
    // A project opened before comes back on the tab it was left on.
    if app.context() == Context::ProjectAttention {
        press(app, KeyCode::Tab);
    }
    if app.context() == Context::ProjectOverview {
        press(app, KeyCode::Tab);
    }
    assert_eq!(app.context(), Context::ProjectMeetings);
}

/// The title of the meeting selected on the project's Meetings tab.
fn selected_meeting(app: &App) -> Option<String> {
    let p = app.project.as_ref()?;
    p.meetings
        .meetings
        .get(p.meeting_cursor.selected)
        .map(|m| m.title.clone())
}

/// Moves the Meetings tab's cursor to `title` with j/k.
fn select_meeting(app: &mut App, title: &str) {
    press(app, KeyCode::Home);
    while selected_meeting(app).as_deref() != Some(title) {
        let before = app.project.as_ref().unwrap().meeting_cursor.selected;
        ch(app, 'j');
        let after = app.project.as_ref().unwrap().meeting_cursor.selected;
        assert_ne!(before, after, "{title} not on the Meetings tab");
    }
}

/// Portfolio → project → Meetings tab → Enter on `title`.
fn open_meeting(app: &mut App, code: &str, title: &str) {
    open_meetings_tab(app, code);
    select_meeting(app, title);
    press(app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::Meeting { .. }));
    assert_eq!(app.meeting.as_ref().unwrap().meeting.title, title);
    assert_eq!(app.context(), Context::MeetingDetails);
}

// ----- snapshots ----------------------------------------------------------------------

#[test]
fn project_meetings_tab() {
    let (mut app, _) = fixture();
    open_meetings_tab(&mut app, "NORR-24");
    let list = &app.project.as_ref().unwrap().meetings;
    let titles: Vec<&str> = list.meetings.iter().map(|m| m.title.as_str()).collect();
    // Upcoming soonest first, then past latest first.
    assert_eq!(
        titles,
        [
            DIALOGUE,
            INFO_CANCELLED,
            WORKSHOP,
            STEERING,
            "Projektmöte vecka 48",
            "Uppstartsmöte"
        ]
    );
    assert_eq!(list.upcoming, 4);

    let screen = render(&app, 120, 40);
    assert!(screen.contains("Upcoming (4)"), "{screen}");
    assert!(screen.contains("Past (2)"), "{screen}");
    // The first upcoming meeting is selected.
    assert!(line_with(&screen, DIALOGUE).contains('▶'), "{screen}");
    // The steering group overlaps the other project's reference group; the cancelled
    // information meeting overlaps nothing, and neither does tomorrow's dialogue.
    assert!(
        line_with(&screen, STEERING).contains("⚠ overlap"),
        "{screen}"
    );
    assert!(
        !line_with(&screen, INFO_CANCELLED).contains("⚠"),
        "{screen}"
    );
    assert!(!line_with(&screen, DIALOGUE).contains("⚠"), "{screen}");
    assert!(
        line_with(&screen, DIALOGUE).contains("9 open"),
        "9 checklist points open: {screen}"
    );
    assert!(line_with(&screen, INFO_CANCELLED).contains("Cancelled"));
    snap!(&app, "meetings_tab");
}

#[test]
fn meeting_form_with_a_validation_error() {
    let (mut app, _) = fixture();
    open_meetings_tab(&mut app, "NORR-24");
    ch(&mut app, 'n');
    assert_eq!(app.context(), Context::Form);
    let form = app.form.as_ref().unwrap();
    let keys: Vec<&str> = form.fields.iter().map(|f| f.key).collect();
    assert_eq!(&keys[..4], ["kind", "title", "start", "end"]);
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "Workshop med leverantörer");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "snart");
    ctrl(&mut app, 's');

    let form = app.form.as_ref().expect("an invalid form stays open");
    assert!(form.errors.get("start").is_some(), "{:?}", form.errors);
    assert_eq!(form.focused().key, "start", "focus goes to the first error");
    assert_eq!(
        app.status.as_ref().map(|s| &s.kind),
        Some(&StatusKind::Error)
    );
    // Nothing was saved.
    let norr = app.project.as_ref().unwrap().project.id;
    assert_eq!(app.store.project_meetings(norr).unwrap().len(), 6);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("snart"), "{screen}");
    assert!(screen.contains("⚠ not a date"), "{screen}");
    snap!(&app, "meeting_form_error");
}

#[test]
fn meeting_details_with_an_overlap() {
    let (mut app, _) = fixture();
    open_meeting(&mut app, "NORR-24", STEERING);
    let state = app.meeting.as_ref().unwrap();
    assert_eq!(state.overlaps.len(), 1);
    assert_eq!(state.overlaps[0].title, REFERENCE);
    let screen = render(&app, 120, 40);
    let overlap = line_with(&screen, "Overlaps");
    assert!(
        overlap.contains("14:00–15:00") && overlap.contains(REFERENCE) && overlap.contains("VGR-7"),
        "{screen}"
    );
    assert!(screen.contains("Wed 2026-12-02 13:00–14:30"), "{screen}");
    snap!(&app, "meeting_details_overlap");
}

#[test]
fn meeting_details_of_a_supplier_dialogue() {
    let (mut app, _) = fixture();
    open_meeting(&mut app, "NORR-24", DIALOGUE);
    let state = app.meeting.as_ref().unwrap();
    // The cancelled information meeting at the same time is no overlap.
    assert!(state.overlaps.is_empty());
    assert!(state.supplier_facing);
    let screen = render(&app, 120, 40);
    assert!(!screen.contains("Overlaps"), "{screen}");
    assert!(
        line_with(&screen, "Supplier-facing").contains("9 of 11 checklist points open"),
        "{screen}"
    );
    assert!(
        line_with(&screen, "Agenda            ").contains("1 h planned of 1 h"),
        "{screen}"
    );
    snap!(&app, "meeting_details_dialogue");
}

/// The start time shown for each block of the agenda, read from the screen.
fn block_times(screen: &str, titles: &[&str]) -> Vec<String> {
    titles
        .iter()
        .map(|t| {
            let line = line_with(screen, t);
            let at = line.find('–').expect("a time range");
            line[..at].trim_start_matches(['▶', ' ']).trim().to_string()
        })
        .collect()
}

#[test]
fn agenda_builder_overrun_and_moving_a_block() {
    let (mut app, ids) = fixture();
    open_meeting(&mut app, "NORR-24", WORKSHOP);
    meeting_tab(&mut app, MeetingTab::Agenda);
    assert_eq!(app.context(), Context::MeetingAgenda);
    let titles = [
        "Välkomna",
        "Nuläget i hemtjänsten",
        "Behov i grupper",
        "Paus",
        "Sammanfattning",
    ];
    let screen = render(&app, 120, 40);
    // 155 min of agenda in a two-hour meeting.
    assert!(
        screen.contains("⚠ 2 h 35 min planned: 35 min longer than the meeting (2 h)"),
        "{screen}"
    );
    assert_eq!(
        block_times(&screen, &titles),
        ["09:00", "09:15", "10:00", "11:00", "11:15"]
    );
    assert!(line_with(&screen, "Välkomna").contains('▶'));
    // The blocks past the meeting's end (11:00) are the last two, in red.
    let term = terminal(&app, 120, 40);
    let buffer = term.backend().buffer();
    assert_eq!(fg_of(buffer, "11:00–11:15"), Color::Red);
    assert_eq!(fg_of(buffer, "11:15–11:35"), Color::Red);
    assert_ne!(fg_of(buffer, "10:00–11:00"), Color::Red);
    snap!(&app, "agenda_builder_overrun");

    // J moves the selected block (Välkomna) one down; every time follows.
    ch(&mut app, 'J');
    let stored: Vec<String> = app
        .store
        .agenda(ids.workshop)
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect();
    assert_eq!(
        stored,
        [
            "Nuläget i hemtjänsten",
            "Välkomna",
            "Behov i grupper",
            "Paus",
            "Sammanfattning"
        ]
    );
    // The selection moved with the block.
    assert_eq!(app.meeting.as_ref().unwrap().cursor.selected, 1);
    let screen = render(&app, 120, 40);
    assert_eq!(
        block_times(&screen, &titles),
        ["09:45", "09:00", "10:00", "11:00", "11:15"],
        "{screen}"
    );
    assert!(line_with(&screen, "Välkomna").contains('▶'), "{screen}");
    // The total stays.
    assert!(
        screen.contains("⚠ 2 h 35 min planned: 35 min longer than the meeting (2 h)"),
        "{screen}"
    );
    snap!(&app, "agenda_builder_after_move");

    // K moves it back.
    ch(&mut app, 'K');
    let screen = render(&app, 120, 40);
    assert_eq!(
        block_times(&screen, &titles),
        ["09:00", "09:15", "10:00", "11:00", "11:15"]
    );
    assert_eq!(app.meeting.as_ref().unwrap().cursor.selected, 0);
    // K on the first block does nothing.
    ch(&mut app, 'K');
    assert_eq!(app.meeting.as_ref().unwrap().agenda[0].title, "Välkomna");
}

#[test]
fn participants_tab() {
    let (mut app, _) = fixture();
    open_meeting(&mut app, "NORR-24", DIALOGUE);
    meeting_tab(&mut app, MeetingTab::Participants);
    assert_eq!(app.context(), Context::MeetingParticipants);
    let state = app.meeting.as_ref().unwrap();
    let names: Vec<&str> = state
        .attendance
        .iter()
        .map(|a| a.person_name.as_str())
        .collect();
    // The facilitator first, then the others by name.
    assert_eq!(names, ["Anna Berg", "Erik Lind", "Sara Nilsson"]);
    assert!(state.attendance[1].organisation_is_supplier);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("3 invited · 0 attended"), "{screen}");
    assert!(line_with(&screen, "Erik Lind").contains("Omsorgsdata AB"));
    assert!(line_with(&screen, "Anna Berg").contains('▶'));
    snap!(&app, "participants");

    // a ticks attended for the selected person, in the store.
    ch(&mut app, 'j');
    ch(&mut app, 'a');
    let erik = &app.meeting.as_ref().unwrap().attendance[1];
    assert_eq!(erik.person_name, "Erik Lind");
    assert!(erik.attended);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("3 invited · 1 attended"), "{screen}");
}

#[test]
fn checklist_tab() {
    let (mut app, _) = fixture();
    open_meeting(&mut app, "NORR-24", DIALOGUE);
    meeting_tab(&mut app, MeetingTab::Checklist);
    assert_eq!(app.context(), Context::MeetingChecklist);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("9 of 11 checklist points open"), "{screen}");
    let ticked = screen.lines().filter(|l| l.contains("[x]")).count();
    let open = screen.lines().filter(|l| l.contains("[ ]")).count();
    assert_eq!((ticked, open), (2, 9), "{screen}");
    // The selection (first point) is shown by colour only.
    let term = terminal(&app, 120, 40);
    assert!(is_highlighted(term.backend().buffer(), " [x] "));
    snap!(&app, "checklist");
}

#[test]
fn template_picker() {
    let (mut app, _) = fixture();
    open_meeting(&mut app, "NORR-24", WORKSHOP);
    meeting_tab(&mut app, MeetingTab::Agenda);
    ch(&mut app, 't');
    let Some(Overlay::Pick(pick)) = &app.overlay else {
        panic!("t opens the template picker: {:?}", app.overlay);
    };
    assert_eq!(app.context(), Context::Pick);
    assert!(pick.options.len() >= 5, "{:?}", pick.options);
    // The template for needs workshops comes first for a needs workshop.
    let tidig::app::PickPurpose::Template { templates, .. } = &pick.purpose else {
        panic!("the picker offers templates");
    };
    assert_eq!(templates[0].meeting_type, Some(MeetingType::NeedsWorkshop));
    // The first entry is selected (shown by colour), just inside the dialog's border.
    let name = format!(" {} ", pick.options[0].0);
    let term = terminal(&app, 120, 40);
    let buffer = term.backend().buffer();
    let (x, y) = find_cells(buffer, &format!("│{name}")).expect("the first template");
    assert!(
        (1..=name.chars().count() as u16)
            .all(|i| buffer[(x + i, y)].modifier.contains(Modifier::REVERSED))
    );
    snap!(&app, "template_picker");

    // Esc closes the picker and leaves the agenda alone.
    press(&mut app, KeyCode::Esc);
    assert!(app.overlay.is_none());
    assert!(matches!(app.screen(), Screen::Meeting { .. }));
    assert_eq!(app.meeting.as_ref().unwrap().agenda.len(), 5);
}

#[test]
fn applying_a_template_to_an_empty_agenda_fills_it() {
    let (mut app, ids) = fixture();
    open_meeting(&mut app, "NORR-24", STEERING);
    meeting_tab(&mut app, MeetingTab::Agenda);
    assert!(app.meeting.as_ref().unwrap().agenda.is_empty());
    ch(&mut app, 't');
    let Some(Overlay::Pick(pick)) = &app.overlay else {
        panic!("no picker");
    };
    let tidig::app::PickPurpose::Template { templates, .. } = &pick.purpose else {
        panic!("the picker offers templates");
    };
    let first = templates[0].clone();
    press(&mut app, KeyCode::Enter);
    // An empty agenda is filled without asking.
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    let agenda = app.store.agenda(ids.steering).unwrap();
    assert_eq!(agenda.len(), first.items.len());
    let titles: Vec<&str> = agenda.iter().map(|i| i.title.as_str()).collect();
    let expected: Vec<&str> = first.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, expected);
    assert_eq!(
        app.meeting.as_ref().unwrap().agenda.len(),
        first.items.len()
    );
}

#[test]
fn agenda_list_across_projects() {
    let (mut app, ids) = fixture();
    ch(&mut app, '2');
    assert_eq!(app.screen(), Screen::Agenda);
    assert_eq!(app.context(), Context::AgendaList);
    let titles: Vec<&str> = app
        .agenda
        .loaded
        .values()
        .map(|m| m.title.as_str())
        .collect();
    // Today and the next 13 days, by start; Monday's meeting is before today.
    assert_eq!(
        titles,
        [
            "Intervju med biståndshandläggare",
            DIALOGUE,
            INFO_CANCELLED,
            WORKSHOP,
            STEERING,
            REFERENCE
        ]
    );
    assert!(app.agenda.overlapping.contains(&ids.steering));
    assert!(app.agenda.overlapping.contains(&ids.reference));
    assert!(!app.agenda.overlapping.contains(&ids.dialogue));
    let screen = render(&app, 120, 40);
    assert!(screen.contains("  Thu 2026-11-26 week 48"), "{screen}");
    assert!(screen.contains("  Tue 2026-12-01 week 49"), "{screen}");
    assert!(
        line_with(&screen, REFERENCE).contains("⚠ overlap"),
        "{screen}"
    );
    assert!(
        line_with(&screen, "Intervju").contains('▶'),
        "the first meeting is selected: {screen}"
    );
    snap!(&app, "agenda_list");

    // j selects the next meeting, Enter opens it.
    ch(&mut app, 'j');
    let screen = render(&app, 120, 40);
    assert!(line_with(&screen, DIALOGUE).contains('▶'), "{screen}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Meeting { id: ids.dialogue });
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Agenda);
}

/// The text of the week view's column for `day` ("Fri 27"), top to bottom.
fn week_column(buffer: &Buffer, day: &str) -> Vec<String> {
    let (x, y) = find_cells(buffer, day)
        .unwrap_or_else(|| panic!("no column {day}:\n{}", buffer_text(buffer)));
    let area = buffer.area;
    // The column runs to its right border (│) or the edge.
    let mut right = x;
    while right < area.width && buffer[(right, y)].symbol() != "│" {
        right += 1;
    }
    (y..area.height - 2)
        .map(|row| {
            (x..right)
                .map(|col| buffer[(col, row)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect()
}

#[test]
fn week_view_this_week_and_next() {
    let (mut app, ids) = fixture();
    ch(&mut app, '2');
    ch(&mut app, 'v');
    assert_eq!(app.context(), Context::AgendaWeek);
    assert_eq!(app.agenda.mode, AgendaMode::Week);
    assert_eq!(
        app.agenda.from,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
    );
    let term = terminal(&app, 120, 40);
    let buffer = term.backend().buffer();
    let screen = buffer_text(buffer);
    assert!(
        screen.contains("Week 48 · 2026-11-23 – 2026-11-29"),
        "{screen}"
    );
    // Monday's past meeting, today's interview, and tomorrow's two.
    let monday = week_column(buffer, "Mon 23").join("\n");
    assert!(monday.contains("13:00–14:00"), "{monday}");
    let friday = week_column(buffer, "Fri 27").join("\n");
    assert!(friday.contains("10:00–11:00"), "{friday}");
    assert!(friday.contains("10:30–12:00"), "{friday}");
    assert!(
        !friday.contains('⚠'),
        "a cancelled meeting overlaps nothing: {friday}"
    );
    // The first meeting of the week is selected (shown by colour).
    assert_eq!(app.agenda.loaded[&0].title, "Projektmöte vecka 48");
    assert!(is_highlighted(buffer, "13:00–14:00"));
    // The cancelled meeting's title is muted.
    assert_eq!(fg_of(buffer, "Informationsmöte"), Color::DarkGray);
    snap!(&app, "week_this");

    ch(&mut app, ']');
    assert_eq!(
        app.agenda.from,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30)
    );
    let titles: Vec<&str> = app
        .agenda
        .loaded
        .values()
        .map(|m| m.title.as_str())
        .collect();
    assert_eq!(titles, [WORKSHOP, STEERING, REFERENCE]);
    let term = terminal(&app, 120, 40);
    let buffer = term.backend().buffer();
    let screen = buffer_text(buffer);
    assert!(
        screen.contains("Week 49 · 2026-11-30 – 2026-12-06"),
        "{screen}"
    );
    let wednesday = week_column(buffer, "Wed 02").join("\n");
    assert!(wednesday.contains("13:00–14:30 ⚠"), "{wednesday}");
    assert!(wednesday.contains("14:00–15:00 ⚠"), "{wednesday}");
    assert!(wednesday.contains("VGR-7"), "{wednesday}");
    let tuesday = week_column(buffer, "Tue 01").join("\n");
    assert!(tuesday.contains("09:00–11:00"), "{tuesday}");
    assert!(is_highlighted(buffer, "09:00–11:00"));
    // Overlapping meetings are red and marked ⚠; at 80 columns the column shows the
    // start time only, so the mark still fits.
    assert_eq!(fg_of(buffer, "Styrgruppsmöte"), Color::Red);
    let narrow = terminal(&app, 80, 24);
    assert!(buffer_text(narrow.backend().buffer()).contains("13:00 ⚠"));
    assert_eq!(fg_of(narrow.backend().buffer(), "Styrgrupp"), Color::Red);
    snap!(&app, "week_next");

    // [ goes back, t jumps to today's week from anywhere.
    ch(&mut app, ']');
    ch(&mut app, ']');
    ch(&mut app, 't');
    assert_eq!(
        app.agenda.from,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
    );
    ch(&mut app, ']');
    ch(&mut app, '[');
    assert_eq!(
        app.agenda.from,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
    );
    assert!(!app.agenda.overlapping.contains(&ids.dialogue));
}

// ----- behaviour ----------------------------------------------------------------------

#[test]
fn scheduling_with_typed_dates_stores_utc_and_warns_about_the_overlap() {
    let (mut app, ids) = fixture();
    open_meetings_tab(&mut app, "NORR-24");
    ch(&mut app, 'n');
    // Type: One-to-one supplier dialogue (o jumps to it).
    ch(&mut app, 'o');
    assert_eq!(
        app.form.as_ref().unwrap().value("kind"),
        "one_to_one_dialogue"
    );
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "Uppföljande dialog");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "fre 10:00");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "90m");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "saved: {:?}", app.status);

    let norr = app.project.as_ref().unwrap().project.id;
    let saved = app
        .store
        .project_meetings(norr)
        .unwrap()
        .into_iter()
        .find(|m| m.title == "Uppföljande dialog")
        .expect("the meeting was stored");
    // Thursday 26 November: "fre" is tomorrow. Fixed clocks show UTC, so no offset.
    assert_eq!(saved.start, utc(11, 27, 10, 0));
    assert_eq!(saved.end, utc(11, 27, 11, 30));
    assert_eq!(saved.kind, MeetingType::OneToOneDialogue);

    // It shares 10:00–11:00 with the dialogue; the cancelled meeting does not count.
    let status = app.status.clone().expect("a message after saving");
    assert_eq!(status.kind, StatusKind::Error);
    assert_eq!(
        status.text,
        format!("Saved · ⚠ overlaps NORR-24 10:00–11:00: {DIALOGUE}")
    );
    let screen = render(&app, 120, 40);
    assert!(screen.contains("⚠ overlaps NORR-24"), "{screen}");

    // Both are flagged on the Meetings tab.
    let list = &app.project.as_ref().unwrap().meetings;
    assert!(list.overlapping.contains(&saved.id));
    assert!(list.overlapping.contains(&ids.dialogue));
    assert!(line_with(&screen, "Uppföljande dialog").contains("⚠ overlap"));
    assert!(line_with(&screen, DIALOGUE).contains("⚠ overlap"));

    // c cancels the new meeting: no overlap any more, anywhere.
    select_meeting(&mut app, "Uppföljande dialog");
    ch(&mut app, 'c');
    assert_eq!(
        app.store.meeting(saved.id).unwrap().status,
        MeetingStatus::Cancelled
    );
    let list = &app.project.as_ref().unwrap().meetings;
    assert!(!list.overlapping.contains(&ids.dialogue), "{list:?}");
    let screen = render(&app, 120, 40);
    assert!(
        !line_with(&screen, "Uppföljande dialog").contains('⚠'),
        "{screen}"
    );
    assert!(!line_with(&screen, DIALOGUE).contains('⚠'), "{screen}");
    assert!(line_with(&screen, "Uppföljande dialog").contains("Cancelled"));
    ch(&mut app, '2');
    assert!(app.agenda.loaded.values().any(|m| m.id == saved.id));
    assert!(!app.agenda.overlapping.contains(&ids.dialogue));
    assert!(!app.agenda.overlapping.contains(&saved.id));

    // And c again reinstates it: the overlap is back.
    ch(&mut app, '1');
    open_meetings_tab(&mut app, "NORR-24");
    select_meeting(&mut app, "Uppföljande dialog");
    ch(&mut app, 'c');
    let list = &app.project.as_ref().unwrap().meetings;
    assert!(list.overlapping.contains(&saved.id));
}

#[test]
fn cancelling_from_the_meeting_screen_clears_the_overlap_line() {
    let (mut app, ids) = fixture();
    open_meeting(&mut app, "NORR-24", STEERING);
    assert_eq!(app.meeting.as_ref().unwrap().overlaps.len(), 1);
    ch(&mut app, 'c');
    let state = app.meeting.as_ref().unwrap();
    assert_eq!(state.meeting.status, MeetingStatus::Cancelled);
    assert!(state.overlaps.is_empty());
    let screen = render(&app, 120, 40);
    assert!(!screen.contains("Overlaps"), "{screen}");
    // The week view no longer flags the other project's meeting.
    ch(&mut app, '2');
    ch(&mut app, 'v');
    ch(&mut app, ']');
    assert!(!app.agenda.overlapping.contains(&ids.reference));
    let screen = render(&app, 120, 40);
    assert!(!screen.contains('⚠'), "{screen}");
}

#[test]
fn editing_a_meeting_into_an_overlap_warns() {
    let (mut app, ids) = fixture();
    open_meeting(&mut app, "NORR-24", WORKSHOP);
    ch(&mut app, 'e');
    let form = app.form.as_ref().expect("e edits the meeting");
    assert_eq!(form.value("start"), "2026-12-01 09:00");
    assert_eq!(form.value("end"), "11:00");
    // Move it to Wednesday afternoon, on top of both of Wednesday's meetings.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.form.as_ref().unwrap().focused().key, "start");
    ctrl(&mut app, 'u');
    type_str(&mut app, "ons 13:30");
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    type_str(&mut app, "2h");
    ctrl(&mut app, 's');
    assert!(app.form.is_none(), "{:?}", app.status);
    let m = app.store.meeting(ids.workshop).unwrap();
    assert_eq!((m.start, m.end), (utc(12, 2, 13, 30), utc(12, 2, 15, 30)));
    // The first overlap is named, the second counted.
    let status = app.status.clone().unwrap();
    assert_eq!(
        status.text,
        format!("Saved · ⚠ overlaps NORR-24 13:00–14:30 (+1 more): {STEERING}")
    );
    // The details show both, and the agenda's times follow the new start.
    let state = app.meeting.as_ref().unwrap();
    assert_eq!(state.overlaps.len(), 2);
    let screen = render(&app, 120, 40);
    let lines = screen.lines().filter(|l| l.contains("Overlaps")).count();
    assert_eq!(lines, 2, "{screen}");
    meeting_tab(&mut app, MeetingTab::Agenda);
    let screen = render(&app, 120, 40);
    assert!(
        line_with(&screen, "Välkomna").contains("13:30–13:45"),
        "{screen}"
    );
}

#[test]
fn space_on_the_checklist_ticks_the_point_in_the_store() {
    let (mut app, ids) = fixture();
    open_meeting(&mut app, "NORR-24", DIALOGUE);
    meeting_tab(&mut app, MeetingTab::Checklist);
    assert_eq!(app.store.meeting(ids.dialogue).unwrap().checklist, 0b011);
    ch(&mut app, 'j');
    ch(&mut app, 'j');
    ch(&mut app, ' ');
    assert_eq!(app.store.meeting(ids.dialogue).unwrap().checklist, 0b111);
    let screen = render(&app, 120, 40);
    assert!(screen.contains("8 of 11 checklist points open"), "{screen}");
    // The cursor stays on the ticked point; Enter unticks it again.
    assert_eq!(app.meeting.as_ref().unwrap().cursor.selected, 2);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.store.meeting(ids.dialogue).unwrap().checklist, 0b011);
    // The open points show on the meeting's details and in the Meetings tab.
    ch(&mut app, ' ');
    press(&mut app, KeyCode::Esc);
    let screen = render(&app, 120, 40);
    assert!(line_with(&screen, DIALOGUE).contains("8 open"), "{screen}");
}

#[test]
fn footer_and_help_of_every_meeting_context_come_from_the_keymap() {
    let (mut app, _) = fixture();
    open_meetings_tab(&mut app, "NORR-24");
    assert_eq!(app.project.as_ref().unwrap().tab, ProjectTab::Meetings);
    assert_footer_from_keymap(&app, Context::ProjectMeetings);
    assert_help_from_keymap(&mut app, Context::ProjectMeetings);

    select_meeting(&mut app, DIALOGUE);
    press(&mut app, KeyCode::Enter);
    for (tab, context) in [
        (MeetingTab::Details, Context::MeetingDetails),
        (MeetingTab::Agenda, Context::MeetingAgenda),
        (MeetingTab::Participants, Context::MeetingParticipants),
        (MeetingTab::Checklist, Context::MeetingChecklist),
    ] {
        meeting_tab(&mut app, tab);
        assert_footer_from_keymap(&app, context);
        assert_help_from_keymap(&mut app, context);
    }

    meeting_tab(&mut app, MeetingTab::Agenda);
    ch(&mut app, 't');
    assert_footer_from_keymap(&app, Context::Pick);
    press(&mut app, KeyCode::Esc);

    ch(&mut app, '2');
    assert_footer_from_keymap(&app, Context::AgendaList);
    assert_help_from_keymap(&mut app, Context::AgendaList);
    ch(&mut app, 'v');
    assert_footer_from_keymap(&app, Context::AgendaWeek);
    assert_help_from_keymap(&mut app, Context::AgendaWeek);

    // The meeting form's footer too.
    ch(&mut app, '1');
    open_meetings_tab(&mut app, "NORR-24");
    ch(&mut app, 'n');
    assert_footer_from_keymap(&app, Context::Form);
}

#[test]
fn meeting_screens_draw_at_tiny_sizes_without_panicking() {
    let (mut app, _) = fixture();
    let sizes = [(1, 1), (10, 3), (20, 5), (40, 10), (60, 15)];
    open_meeting(&mut app, "NORR-24", WORKSHOP);
    let steps: &[fn(&mut App)] = &[
        |_| {},
        |a| press(a, KeyCode::Tab),
        |a| ch(a, 't'),
        |a| press(a, KeyCode::Esc),
        |a| press(a, KeyCode::Tab),
        |a| press(a, KeyCode::Tab),
        |a| ch(a, '2'),
        |a| ch(a, 'v'),
        |a| ch(a, ']'),
    ];
    for step in steps {
        step(&mut app);
        for (w, h) in sizes {
            render(&app, w, h);
        }
    }
}

#[test]
fn the_form_shows_how_a_typed_date_was_read_as_you_type() {
    let (mut app, _) = fixture();
    open_meetings_tab(&mut app, "NORR-24");
    ch(&mut app, 'n');
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "Uppföljande dialog");
    press(&mut app, KeyCode::Tab);
    type_str(&mut app, "nästa fredag 10:00");
    // The fixture's today is Thursday 26 November 2026.
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = render(&app, w, h);
        assert!(
            screen.contains("→ Friday 4 Dec 2026 10:00"),
            "{w}×{h}:\n{screen}"
        );
    }
    // Half typed, nothing is read; the hint stays.
    type_str(&mut app, "x");
    let screen = render(&app, 120, 40);
    assert!(!screen.contains("→ Friday"), "{screen}");
}

#[test]
fn a_week_can_start_on_sunday() {
    let (mut app, _) = fixture();
    app.week_first_day = chrono::Weekday::Sun;
    ch(&mut app, '2');
    ch(&mut app, 'v');
    assert_eq!(
        app.agenda.from,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
    );
    let term = terminal(&app, 120, 40);
    let buffer = term.backend().buffer();
    let screen = buffer_text(buffer);
    // Still ISO week 48: the week of its Monday.
    assert!(
        screen.contains("Week 48 · 2026-11-22 – 2026-11-28"),
        "{screen}"
    );
    let monday = week_column(buffer, "Mon 23").join("\n");
    assert!(monday.contains("13:00–14:00"), "{monday}");
    assert!(!week_column(buffer, "Sun 22").is_empty());
}
