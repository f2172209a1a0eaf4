//! The terminal loop: draw, wait for events, hand them to the app, carry out the effects
//! it asks for. The terminal is restored on quit, on error, on a stopping signal and
//! (through ratatui's panic hook) on panic; what is open is saved first.

use std::io::{Write, stdout};
use std::process::Command;
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use crossterm::{cursor, execute, terminal};
use ratatui::DefaultTerminal;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{App, Effect};
use crate::text;

/// How long to wait for input before letting the app do idle work (autosave). Also how
/// soon a stopping signal is acted on.
const TICK: Duration = Duration::from_millis(250);

/// Input already waiting is handled before the next frame is drawn, for at most this
/// long, so that a long unbracketed paste is not drawn once per character.
const DRAIN_FOR: Duration = Duration::from_millis(50);
/// How long to look for more waiting input (not zero: crossterm's poll(2) source does
/// not look at all when given no time).
const DRAIN_WAIT: Duration = Duration::from_millis(1);

/// The signals that stop the app: `kill`, the terminal window closed (HUP), Ctrl-C
/// from outside (INT, since raw mode turns the key into input), and QUIT.
const STOPPING: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// How the app ended when it did not end cleanly: the status to exit with and what to
/// tell the user (on standard error, which may be gone after a hang-up).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exit {
    pub code: u8,
    pub message: Option<String>,
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message.as_deref().unwrap_or_default())
    }
}

impl std::error::Error for Exit {}

/// Why the loop ended.
enum Ended {
    Quit,
    Signal(i32),
}

pub fn run(app: &mut App) -> anyhow::Result<()> {
    // Registered before the terminal is taken, so that no signal finds it half set up.
    let mut signals = Signals::new(STOPPING)?;
    let mut terminal = ratatui::try_init()?;
    let _ = execute!(stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, app, &mut signals);
    // Whatever ended the loop, the open note and form are written before anything else.
    app.save_open_work();
    restore(terminal);
    let signal = match &result {
        Ok(Ended::Signal(n)) => Some(*n),
        // A hang-up can make reading or drawing fail before its signal is seen.
        _ => signals.pending().next(),
    };
    let kept = app.unsaved_files();
    let message = (!kept.is_empty()).then(|| text::unsaved_on_exit(&kept));
    if let Some(n) = signal {
        let code = u8::try_from(128 + n).unwrap_or(u8::MAX);
        return Err(Exit { code, message }.into());
    }
    result?;
    match message {
        Some(message) => Err(Exit {
            code: 1,
            message: Some(message),
        }
        .into()),
        None => Ok(()),
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    signals: &mut Signals,
) -> anyhow::Result<Ended> {
    loop {
        if let Some(n) = signals.pending().next() {
            return Ok(Ended::Signal(n));
        }
        if app.should_quit {
            return Ok(Ended::Quit);
        }
        let size = terminal.size()?;
        prepare_frame(app, size);
        terminal.draw(|frame| crate::ui::draw(frame, app))?;
        if let Some(effect) = app.effect.take() {
            run_effect(terminal, app, effect)?;
            continue;
        }
        if event::poll(TICK)? {
            app.handle_event(&event::read()?);
            drain(app)?;
        }
        // Every turn, not only when idle: steady typing is saved too (see `autosave`).
        app.tick();
    }
}

/// What the app needs to know of the terminal's size before a frame: the portfolio
/// loads figures for the rows it can show, and the note editor keeps its cursor line in
/// view (with as much text around it as fits) across resizes.
pub fn prepare_frame(app: &mut App, size: ratatui::layout::Size) {
    app.set_portfolio_rows(crate::ui::portfolio_rows(app, size.height));
    let area = ratatui::layout::Rect::new(0, 0, size.width, size.height);
    if let Some(text) = crate::ui::editor_text_area(app, area) {
        app.fit_editor(text);
    }
}

/// Handles the input that is already waiting, so that the next frame shows all of it.
fn drain(app: &mut App) -> std::io::Result<()> {
    let start = Instant::now();
    while !app.should_quit
        && app.effect.is_none()
        && start.elapsed() < DRAIN_FOR
        && event::poll(DRAIN_WAIT)?
    {
        app.handle_event(&event::read()?);
    }
    Ok(())
}

/// Gives the terminal back: raw mode off, bracketed paste off, the alternate screen
/// left, the cursor shown. Each step is tried whatever the others did, and nothing
/// waits or panics when the terminal is gone (after a hang-up every write fails).
fn restore(mut terminal: DefaultTerminal) {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    if terminal.show_cursor().is_err() {
        // Dropping it would try again and report the failure with `eprintln!`, which
        // panics when standard error is the terminal that is gone.
        std::mem::forget(terminal);
    }
}

fn run_effect(terminal: &mut DefaultTerminal, app: &mut App, effect: Effect) -> anyhow::Result<()> {
    match effect {
        Effect::EditExternally {
            note_uuid,
            version,
            text,
        } => {
            // Hand the terminal to the editor, then take it back.
            let _ = execute!(stdout(), DisableBracketedPaste);
            ratatui::restore();
            let result = edit_externally(&text);
            // The text first: nothing that can go wrong with the terminal may lose it.
            app.external_edit_done(&note_uuid, version, result);
            *terminal = ratatui::try_init()?;
            let _ = execute!(stdout(), EnableBracketedPaste);
            // A terminal that does not answer a cursor query must not end the program.
            let _ = terminal.clear();
        }
    }
    Ok(())
}

/// Opens `text` in `$VISUAL` or `$EDITOR` (else `vi`) and returns what was saved.
/// The editor command may carry arguments (`code --wait`).
fn edit_externally(text: &str) -> std::io::Result<String> {
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| "vi".to_string());
    let mut parts = editor.split_whitespace();
    let program = parts.next().unwrap_or("vi");
    let mut file = tempfile::Builder::new()
        .prefix("tidig-note-")
        .suffix(".md")
        .tempfile()?;
    file.write_all(text.as_bytes())?;
    file.flush()?;
    let status = Command::new(program)
        .args(parts)
        .arg(file.path())
        .status()?;
    if !status.success() {
        return Err(std::io::Error::other(format!(
            "{program} exited with {status}"
        )));
    }
    std::fs::read_to_string(file.path())
}
