//! The agenda and week view over busy days: more meetings than are read whole at once
//! (`AGENDA_WINDOW` around the cursor, `AGENDA_DAY_HEAD` at the top of each day). The
//! cursor walks far into the list and into a full day, and the screen still shows the
//! right meetings around it, the selected one marked, with rows read as it goes.
//! Clock fixed at Thursday 2026-11-26 12:00 UTC, times shown in UTC.

mod common;

use ratatui::buffer::Buffer;
use tidig::app::{AGENDA_WINDOW, App, Screen};
use tidig::domain::{MeetingInput, MeetingStatus};
use tidig::store::Store;

use common::clock;
use common::screen::{buffer_text, ch, find_cells, is_highlighted, terminal};
use common::store::{meeting_input, norr};

fn at(day: u32, minutes: u32) -> chrono::DateTime<chrono::Utc> {
    let month = if day > 30 { 12 } else { 11 };
    let day = if day > 30 { day - 30 } else { day };
    common::utc(2026, month, day, 7, 0) + chrono::Duration::minutes(i64::from(minutes))
}

fn input(title: String, start: chrono::DateTime<chrono::Utc>, minutes: i64) -> MeetingInput {
    meeting_input(&title, start, start + chrono::Duration::minutes(minutes))
}

/// 300 meetings of 15 minutes from today on, 25 a day, 20 minutes apart; and on
/// Monday 30 November, 100 more of four minutes, five minutes apart.
fn busy_app() -> App {
    let mut store = Store::open_in_memory(clock()).unwrap();
    let p = norr(&mut store);
    for i in 0..300u32 {
        let start = at(26 + i / 25, 60 * 6 + 20 * (i % 25));
        store
            .create_meeting(p, &input(format!("Möte {i:03}"), start, 15))
            .unwrap();
    }
    for i in 0..100u32 {
        let mut m = input(format!("Måndag {i:03}"), at(30, 5 * i), 4);
        if i == 50 {
            m.status = MeetingStatus::Cancelled;
        }
        store.create_meeting(p, &m).unwrap();
    }
    App::new(store)
}

fn down_to(app: &mut App, target: usize) {
    while app.agenda.cursor.selected < target {
        let before = app.agenda.cursor.selected;
        ch(app, 'j');
        assert!(app.agenda.cursor.selected > before, "the cursor moves");
    }
}

fn row_of(screen: &str, text: &str) -> Option<usize> {
    screen.lines().position(|l| l.contains(text))
}

#[test]
fn the_list_walks_past_the_rows_read_at_first() {
    let mut app = busy_app();
    ch(&mut app, '2');
    assert_eq!(app.screen(), Screen::Agenda);
    let n = app.agenda.slots.len();
    assert!(n > 2 * AGENDA_WINDOW + 50, "{n} meetings in the fortnight");
    // Only the rows around the cursor are read whole.
    assert!(app.agenda.loaded.len() <= AGENDA_WINDOW + 1);
    for target in [
        0,
        AGENDA_WINDOW - 5,
        AGENDA_WINDOW + 40,
        2 * AGENDA_WINDOW + 30,
        n - 1,
    ] {
        down_to(&mut app, target);
        let selected = app
            .agenda
            .meeting(target)
            .expect("the selected row is read");
        let title = selected.title.clone();
        assert_eq!(app.agenda.slots[target].id, selected.id);
        for height in [24, 40] {
            let term = terminal(&app, 80, height);
            let screen = buffer_text(term.backend().buffer());
            let row = row_of(&screen, &title).unwrap_or_else(|| panic!("{title}:\n{screen}"));
            assert!(
                screen.lines().nth(row).unwrap().contains('▶'),
                "{title} is selected:\n{screen}"
            );
            // The meetings before it are listed above it, in order.
            if target > 2 {
                let before = &app.agenda.meeting(target - 2).unwrap().title;
                let above =
                    row_of(&screen, before).unwrap_or_else(|| panic!("{before}:\n{screen}"));
                assert!(above < row, "{screen}");
            }
        }
    }
}

/// The text of the week view's column for `day` ("Mon 30"), top to bottom.
fn week_column(buffer: &Buffer, day: &str) -> String {
    let (x, y) = find_cells(buffer, day)
        .unwrap_or_else(|| panic!("no column {day}:\n{}", buffer_text(buffer)));
    let mut right = x;
    while right < buffer.area.width && buffer[(right, y)].symbol() != "│" {
        right += 1;
    }
    (y..buffer.area.height - 2)
        .map(|row| {
            (x..right)
                .map(|col| buffer[(col, row)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_week_shows_the_top_of_every_day_and_walks_down_a_full_one() {
    let mut app = busy_app();
    ch(&mut app, '2');
    ch(&mut app, 'v');
    ch(&mut app, ']');
    assert_eq!(
        app.agenda.from,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30)
    );
    // Monday's 25 + 100, then 25 a day to Sunday 6 December (the 300 end on the 7th).
    assert_eq!(app.agenda.slots.len(), 125 + 6 * 25);
    let term = terminal(&app, 120, 40);
    let buffer = term.backend().buffer();
    let monday = week_column(buffer, "Mon 30");
    assert!(monday.contains("07:00–07:04"), "{monday}");
    assert!(monday.contains("↓ "), "{monday}");
    let friday = week_column(buffer, "Fri 04");
    assert!(friday.contains("13:00–13:15"), "the day's first: {friday}");
    assert!(is_highlighted(buffer, "07:00–07:04"));

    // Down Monday past the rows read at first: the column scrolls to the cursor.
    down_to(&mut app, 90);
    let title = app.agenda.meeting(90).unwrap().title.clone();
    let previous = app.agenda.meeting(89).unwrap().title.clone();
    let term = terminal(&app, 120, 40);
    let buffer = term.backend().buffer();
    let monday = week_column(buffer, "Mon 30");
    assert!(monday.contains("↑ "), "{monday}");
    assert!(monday.contains(&title), "{title}: {monday}");
    assert!(monday.contains(&previous), "{previous}: {monday}");
    let time = app
        .agenda
        .meeting(90)
        .unwrap()
        .start
        .format("%H:%M")
        .to_string();
    assert!(is_highlighted(buffer, &time), "{time} selected: {monday}");
    // Every other day still shows its first meetings.
    let friday = week_column(buffer, "Fri 04");
    assert!(friday.contains("13:00–13:15"), "{friday}");

    // On into Tuesday: Monday shows its top again.
    down_to(&mut app, 126);
    let term = terminal(&app, 120, 40);
    let buffer = term.backend().buffer();
    let monday = week_column(buffer, "Mon 30");
    assert!(monday.contains("07:00–07:04"), "{monday}");
    let tuesday = week_column(buffer, "Tue 01");
    assert!(tuesday.contains("13:20–13:35"), "{tuesday}");
    assert!(is_highlighted(buffer, "13:20–13:35"));
}
