use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = tidig::cli::Cli::parse();
    match tidig::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tidig: {e:#}");
            ExitCode::FAILURE
        }
    }
}
