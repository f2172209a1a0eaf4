use std::io::Write;
use std::process::ExitCode;

use clap::FromArgMatches;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let lang = tidig::cli_help::language_before_parsing(&args);
    let matches = tidig::cli_help::command(lang).get_matches_from(&args);
    let cli = match tidig::cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
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
