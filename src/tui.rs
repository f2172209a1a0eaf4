//! The terminal loop: draw, wait for an event, hand it to the app. The terminal is
//! restored on quit, on error and (through ratatui's panic hook) on panic.

use std::io::stdout;
use std::time::Duration;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::app::App;

/// How long to wait for input before letting the app do idle work (draft saving).
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
        if event::poll(TICK)? {
            app.handle_event(&event::read()?);
        } else {
            app.tick();
        }
    }
    Ok(())
}
