//! Meeting notes at scale: a stored meeting with 500 notes over eight agenda blocks,
//! 200 action items, 40 decisions and 20 open questions, measured from a key press to
//! a finished frame on a 120×40 test terminal.
//!
//! Issue 5 asks that opening a meeting with 500 notes and 200 actions takes under
//! 10 ms of update and render: that is `meeting/Enter (open)+draw` (landing on the
//! details tab, as a meeting first opens) and `meeting/Enter (open on Notes)+draw`
//! (coming back to a meeting last left on its Notes tab, so the 500 notes are drawn
//! too). Switching tabs (`Tab` to Notes and to Outcomes), opening a note in the editor,
//! typing one character in it, the actions screen across projects and the
//! whole-process summary export (`tidig export summary ID --format html`, the issue's
//! "under 20 ms as a whole process") are measured as well.
//!
//! As in `benches/meetings.rs`, only the operation named is timed: resetting the state
//! between iterations (and drawing the state the operation starts from, so that the
//! terminal diff is realistic) happens outside the timed region, via `iter_custom`.
//!
//! Run with `cargo bench --bench notes`. With `TIDIG_BENCH_STORE=/some/file.db` the
//! store is built there and kept (for timing the binary by hand); otherwise in a
//! temporary folder.

mod common;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::KeyCode;

use tidig::app::keymap::Context;
use tidig::app::{App, MeetingTab, ProjectTab, Screen};
use tidig::domain::{
    ActionInput, ActionStatus, AgendaItemInput, Confidentiality, DecisionInput, MeetingFormat,
    MeetingInput, MeetingStatus, MeetingType, NotesStatus, Phase, ProjectInput, ProjectStatus,
    TextEnum,
};

use common::{
    bench_key_draw, bench_step, ch, ctrl, draw, now, open_app, open_store, press, terminal,
};

const NOTES: usize = 500;
const ACTIONS: usize = 200;
const DECISIONS: usize = 40;
const QUESTIONS: usize = 20;
const BLOCKS: usize = 8;
/// Other meetings of the project, so that its Meetings tab is a real list.
const OTHER_MEETINGS: usize = 60;
const TITLE: &str = "Leverantörsdialog om digital planering";

fn today() -> NaiveDate {
    now().date_naive()
}

const OWNERS: [&str; 6] = ["Anna", "Erik", "Sara", "Åsa", "Örjan", ""];

/// A note body of one to eight lines, with Swedish letters, now and then a wide
/// character or an emoji.
fn note_body(i: usize) -> String {
    let lines = 1 + i % 8;
    (0..lines)
        .map(|l| match (i + l) % 5 {
            0 => format!(
                "- Leverantör {i} tog upp punkt {l}: längre avtalstid och öppna gränssnitt."
            ),
            1 => format!("Behov {l}: personalen vill se hela dagens planering i mobilen ({i})."),
            2 => format!("Fråga från {i}: hur hanteras 漢字 och emoji 😀 i meddelanden?"),
            3 => format!(
                "Beslut att återkomma om prissättningen senast vecka {}.",
                48 + l
            ),
            _ => format!("Övrigt {i}.{l}: åäö ÅÄÖ – {}", "text ".repeat(l + 3)),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Builds the store file: two projects; in the first, the big meeting (with its
/// agenda, notes, actions, decisions and questions) among 60 others. Returns the big
/// meeting's id.
fn seed(path: &Path) -> i64 {
    common::seed(path, |s| {
        let norr = s.create_project(&ProjectInput {
            code: "NORR-24".into(),
            title: "Hemtjänst i Norrbotten".into(),
            buyer_name: "Region Norrbotten".into(),
            phase: Phase::EarlyDialogue,
            status: ProjectStatus::Active,
            ..Default::default()
        })?;
        let vgr = s.create_project(&ProjectInput {
            code: "VGR-7".into(),
            title: "Digitala hjälpmedel i äldreomsorgen".into(),
            buyer_name: "Västra Götalandsregionen".into(),
            phase: Phase::NeedsAnalysis,
            status: ProjectStatus::Active,
            ..Default::default()
        })?;
        let meeting_input = |title: String, start: DateTime<Utc>, status| MeetingInput {
            kind: MeetingType::SupplierWorkshop,
            title,
            purpose: "Höra hur leverantörerna ser på digital planering.".into(),
            desired_outcome: "Underlag till marknadsanalysen.".into(),
            format: MeetingFormat::Hybrid,
            location: "Stadshuset, sal 3".into(),
            start,
            end: start + chrono::Duration::hours(3),
            status,
            notes_status: NotesStatus::Working,
        };
        for i in 0..OTHER_MEETINGS {
            let start = now() - chrono::Duration::days(120) + chrono::Duration::days(4 * i as i64);
            let status = if start < now() {
                MeetingStatus::Held
            } else {
                MeetingStatus::Planned
            };
            s.create_meeting(
                norr,
                &meeting_input(format!("Projektmöte {i}"), start, status),
            )?;
        }
        let start = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        let meeting = s.create_meeting(
            norr,
            &meeting_input(TITLE.into(), start, MeetingStatus::Held),
        )?;
        let mut blocks = Vec::new();
        for b in 0..BLOCKS {
            blocks.push(s.add_agenda_item(
                meeting,
                &AgendaItemInput {
                    title: format!("Block {b}: leverantörernas bild"),
                    minutes: 20,
                    method: "Samtal".into(),
                    owner: "Anna".into(),
                    expected_outcome: String::new(),
                },
            )?);
        }
        for i in 0..NOTES {
            // A fifth of the notes are about the meeting as a whole.
            let block = (i % 5 != 0).then(|| blocks[i % BLOCKS]);
            let label = Confidentiality::ALL[i % Confidentiality::ALL.len()];
            s.create_note(meeting, block, &note_body(i), label)?;
        }
        for i in 0..ACTIONS {
            // Due from three weeks ago to five weeks ahead; some undated, some done.
            let due = (i % 9 != 0).then(|| today() - Days::new(21) + Days::new((i % 56) as u64));
            let status = match i % 10 {
                0 => ActionStatus::Done,
                1 => ActionStatus::InProgress,
                2 if i % 20 == 2 => ActionStatus::Cancelled,
                _ => ActionStatus::Open,
            };
            s.create_action(
                norr,
                Some(meeting),
                &ActionInput {
                    title: format!("Åtgärd {i}: återkoppla till leverantörerna om punkt {i}"),
                    owner: OWNERS[i % OWNERS.len()].into(),
                    due_date: due,
                    status,
                },
            )?;
        }
        // A few elsewhere, so that the actions screen spans projects.
        for i in 0..20 {
            s.create_action(
                vgr,
                None,
                &ActionInput {
                    title: format!("Beställa underlag {i}"),
                    owner: OWNERS[i % OWNERS.len()].into(),
                    due_date: Some(today() + Days::new(i as u64)),
                    status: ActionStatus::Open,
                },
            )?;
        }
        for i in 0..DECISIONS {
            s.create_decision(
                norr,
                Some(meeting),
                &DecisionInput {
                    text: format!("Beslut {i}: gå vidare med pilot i kommun {i}"),
                    rationale: "Stort intresse från leverantörerna".into(),
                    decided_by: "Styrgruppen".into(),
                    decided_on: today() - Days::new(2),
                },
            )?;
        }
        for i in 0..QUESTIONS {
            let q = s.create_question(meeting, &format!("Fråga {i}: hur hanteras licenser?"))?;
            if i % 2 == 0 {
                s.answer_question(q, "Per användare och år.")?;
            }
        }
        Ok(meeting)
    })
}

/// Sets the meeting screen's tab directly (the state is public), for resets.
fn set_tab(app: &mut App, tab: MeetingTab) {
    let state = app.meeting.as_mut().expect("a meeting is loaded");
    state.tab = tab;
    state.cursor = Default::default();
}

/// Back from the meeting screen to the project's Meetings tab, with the big meeting
/// selected and (when it opens again) the given tab remembered.
fn back_to_meetings_tab(app: &mut App, tab: MeetingTab) {
    if app.editor.is_some() {
        press(app, KeyCode::Esc);
    }
    if matches!(app.screen(), Screen::Meeting { .. }) {
        set_tab(app, tab);
        press(app, KeyCode::Esc);
    }
    assert_eq!(app.context(), Context::ProjectMeetings);
}

/// The binary the bench was built with (the bench profile: optimised).
fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_tidig"))
}

fn export_summary(db: &Path, config: &Path, meeting: i64, out: &Path) {
    let status = Command::new(binary())
        .arg("--db")
        .arg(db)
        .args([
            "export",
            "summary",
            &meeting.to_string(),
            "--format",
            "html",
        ])
        .arg("-o")
        .arg(out)
        .env_remove("TIDIG_DB")
        .env("TIDIG_CONFIG", config)
        .env("TIDIG_NOW", "2026-11-26T12:00:00Z")
        .env("TZ", "UTC")
        // It names the file it wrote on standard output.
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run tidig export summary");
    assert!(status.success(), "tidig export summary: {status}");
}

fn benches(c: &mut Criterion) {
    let (dir, temp_path) = common::temp_store_path();
    let path = std::env::var_os("TIDIG_BENCH_STORE")
        .map(PathBuf::from)
        .unwrap_or(temp_path);
    if path.exists() {
        std::fs::remove_file(&path).expect("remove the old bench store");
    }
    let start = Instant::now();
    let meeting_id = seed(&path);
    eprintln!(
        "  seeded meeting {meeting_id} with {NOTES} notes, {ACTIONS} actions, {DECISIONS} decisions \
         and {QUESTIONS} questions in {:.1?} ({})",
        start.elapsed(),
        path.display()
    );
    // Held open throughout, so that closing connections never checkpoints the WAL
    // inside a timed region.
    let keeper = open_store(&path);
    assert_eq!(keeper.notes(meeting_id).unwrap().len(), NOTES);

    let mut group = c.benchmark_group("notes_500");
    let mut app = open_app(&path);
    let mut term = terminal();

    // Portfolio → NORR-24 → Meetings tab → the big meeting selected.
    while app.portfolio.selected().map(|r| r.code.as_str()) != Some("NORR-24") {
        ch(&mut app, 'j');
    }
    press(&mut app, KeyCode::Enter);
    while app.project.as_ref().unwrap().tab != ProjectTab::Meetings {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Home);
    while app
        .project
        .as_ref()
        .and_then(|p| p.meetings.meetings.get(p.meeting_cursor.selected))
        .map(|m| m.id)
        != Some(meeting_id)
    {
        let before = app.project.as_ref().unwrap().meeting_cursor.selected;
        ch(&mut app, 'j');
        assert_ne!(
            before,
            app.project.as_ref().unwrap().meeting_cursor.selected
        );
    }
    draw(&mut term, &app);

    // ----- opening the meeting --------------------------------------------------------
    // The requirement: Enter on the meeting, every note, action, decision and
    // question loaded, and the first frame drawn.
    bench_key_draw(
        &mut group,
        "meeting/Enter (open)+draw",
        (&mut app, &mut term),
        |app| back_to_meetings_tab(app, MeetingTab::Details),
        |app| press(app, KeyCode::Enter),
    );
    assert_eq!(app.screen(), Screen::Meeting { id: meeting_id });
    let state = app.meeting.as_ref().unwrap();
    assert_eq!(state.tab, MeetingTab::Details);
    assert_eq!(state.notes.len(), NOTES);
    assert_eq!(state.actions.len(), ACTIONS);
    assert_eq!(state.decisions.len(), DECISIONS);

    // The same, coming back to a meeting left on its Notes tab: 500 notes drawn too.
    bench_key_draw(
        &mut group,
        "meeting/Enter (open on Notes)+draw",
        (&mut app, &mut term),
        |app| back_to_meetings_tab(app, MeetingTab::Notes),
        |app| press(app, KeyCode::Enter),
    );
    assert_eq!(app.context(), Context::MeetingNotes);

    // ----- tabs -----------------------------------------------------------------------
    bench_key_draw(
        &mut group,
        "meeting/Tab to Notes+draw",
        (&mut app, &mut term),
        |app| set_tab(app, MeetingTab::Agenda),
        |app| press(app, KeyCode::Tab),
    );
    assert_eq!(app.context(), Context::MeetingNotes);

    bench_key_draw(
        &mut group,
        "meeting/Tab to Outcomes+draw",
        (&mut app, &mut term),
        |app| set_tab(app, MeetingTab::Notes),
        |app| press(app, KeyCode::Tab),
    );
    assert_eq!(app.context(), Context::MeetingOutcomes);

    // One step down the Notes tab, near the end of the list.
    set_tab(&mut app, MeetingTab::Notes);
    press(&mut app, KeyCode::End);
    draw(&mut term, &app);
    bench_key_draw(
        &mut group,
        "notes/k (up, at the end)+draw",
        (&mut app, &mut term),
        |app| press(app, KeyCode::End),
        |app| ch(app, 'k'),
    );
    assert_eq!(app.meeting.as_ref().unwrap().cursor.selected, NOTES - 2);

    // ----- the editor -----------------------------------------------------------------
    // Enter on the longest kind of note (eight lines).
    press(&mut app, KeyCode::Home);
    for _ in 0..7 {
        ch(&mut app, 'j');
    }
    draw(&mut term, &app);
    bench_key_draw(
        &mut group,
        "editor/Enter (open a note)+draw",
        (&mut app, &mut term),
        |app| {
            if app.editor.is_some() {
                // Nothing typed: closing writes nothing.
                press(app, KeyCode::Esc);
            }
        },
        |app| press(app, KeyCode::Enter),
    );
    assert_eq!(app.context(), Context::NoteEditor);

    // One character typed (and its undo, untimed, so the note stays the same size).
    bench_key_draw(
        &mut group,
        "editor/type a char+draw",
        (&mut app, &mut term),
        |app| {
            if app.editor.as_ref().unwrap().is_dirty() {
                ctrl(app, 'u');
            }
        },
        |app| ch(app, 'ö'),
    );
    // The autosave write itself: one UPDATE of the note. The resets alternate typing
    // a character and deleting it, so the note never grows.
    bench_step(
        &mut group,
        "editor/autosave (Ctrl-S)",
        (&mut app, &mut term),
        |app, _| {
            if app.editor.as_ref().unwrap().text().ends_with('x') {
                press(app, KeyCode::Backspace);
            } else {
                ch(app, 'x');
            }
            assert!(app.editor.as_ref().unwrap().is_dirty());
        },
        |app, _| ctrl(app, 's'),
    );
    assert!(!app.editor.as_ref().unwrap().is_dirty());
    press(&mut app, KeyCode::Esc);

    // ----- the actions screen ---------------------------------------------------------
    bench_key_draw(
        &mut group,
        "actions/3 (open)+draw",
        (&mut app, &mut term),
        |app| ch(app, '1'),
        |app| ch(app, '3'),
    );
    assert_eq!(app.screen(), Screen::Actions);
    eprintln!(
        "  actions screen: {} open actions",
        app.actions.items().count()
    );

    // ----- the summary export, as a whole process -------------------------------------
    let config = dir.path().join("config.toml");
    let out = dir.path().join("summary.html");
    export_summary(&path, &config, meeting_id, &out);
    eprintln!(
        "  summary export: {} bytes of HTML",
        std::fs::metadata(&out).expect("the export").len()
    );
    // About 10 ms a run: 20 samples need more than the group's 3 s.
    group.measurement_time(Duration::from_secs(6));
    group.bench_function("export summary --format html (whole process)", |b| {
        b.iter(|| export_summary(&path, &config, meeting_id, &out))
    });

    group.finish();
    black_box(keeper);
}

criterion_group! {
    name = notes;
    config = common::config();
    targets = benches
}
criterion_main!(notes);
