use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = tidig::cli::Cli::parse();
    match tidig::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The app stopped by a signal or with text the store could not take: its own
        // status, and a message only if there is something to say. Standard error may
        // be a terminal that is gone (hang-up), so a failed write is not a panic.
        Err(e) if e.downcast_ref::<tidig::tui::Exit>().is_some() => {
            let exit = e.downcast_ref::<tidig::tui::Exit>().expect("checked");
            if let Some(message) = &exit.message {
                let _ = writeln!(std::io::stderr(), "tidig: {message}");
            }
            ExitCode::from(exit.code)
        }
        Err(e) => {
            eprintln!("tidig: {e:#}");
            ExitCode::FAILURE
        }
    }
}
