//! The terminal loop: draw, wait for an event, hand it to the app, carry out the effects
//! it asks for. The terminal is restored on quit, on error and (through ratatui's panic
//! hook) on panic.

use std::io::{Write, stdout};
use std::process::Command;
use std::time::Duration;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::app::{App, Effect};

/// How long to wait for input before letting the app do idle work (autosave).
const TICK: Duration = Duration::from_millis(250);

pub fn run(app: &mut App) -> anyhow::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let _ = execute!(stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, app);
    let _ = execute!(stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
    while !app.should_quit {
        terminal.draw(|frame| crate::ui::draw(frame, app))?;
        if let Some(effect) = app.effect.take() {
            run_effect(terminal, app, effect)?;
            continue;
        }
        if event::poll(TICK)? {
            app.handle_event(&event::read()?);
        } else {
            app.tick();
        }
    }
    Ok(())
}

fn run_effect(terminal: &mut DefaultTerminal, app: &mut App, effect: Effect) -> anyhow::Result<()> {
    match effect {
        Effect::EditExternally { note_id, text } => {
            // Hand the terminal to the editor, then take it back.
            let _ = execute!(stdout(), DisableBracketedPaste);
            ratatui::restore();
            let result = edit_externally(&text);
            // The text first: nothing that can go wrong with the terminal may lose it.
            app.external_edit_done(note_id, result);
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
