//! Command-line definitions and the subcommand handlers.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};

use crate::app::App;
use crate::config::{self, Config};
use crate::domain::{Clock, TextEnum};
use crate::store::{ProjectFilter, Store};

#[derive(Debug, Parser)]
#[command(
    name = "tidig",
    version,
    about = "Workbench for early-dialogue procurement projects"
)]
pub struct Cli {
    /// The store file (default: tidig.db in the platform data directory).
    #[arg(long, global = true, env = "TIDIG_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load a realistic demo portfolio (loading it again adds nothing).
    Demo,
    /// List what is stored.
    List {
        what: ListWhat,
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Write a consistent copy of the store, readable only by you.
    Backup {
        /// Where to write it (default: backups/ beside the store).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Check the store's integrity and foreign keys.
    Check,
    /// Show configuration.
    Config {
        #[command(subcommand)]
        what: ConfigWhat,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListWhat {
    Projects,
}

#[derive(Debug, Subcommand)]
pub enum ConfigWhat {
    /// Print where the config file and the store are.
    Path,
    /// Print a default config file.
    Default,
}

/// The clock: the system's, unless `TIDIG_NOW` fixes it (for demos and tests).
pub fn clock_from_env() -> Result<Clock> {
    match std::env::var("TIDIG_NOW") {
        Ok(s) => {
            let t = DateTime::parse_from_rfc3339(&s)
                .with_context(|| format!("TIDIG_NOW={s} is not an RFC 3339 time"))?;
            Ok(Clock::FixedLocal(t.with_timezone(&Utc)))
        }
        Err(_) => Ok(Clock::System),
    }
}

pub fn run(cli: Cli) -> Result<()> {
    let config_path = config::config_path()?;
    let config = Config::load(&config_path)?;
    let db = config.db_path(cli.db.as_deref())?;
    let clock = clock_from_env()?;
    let open = || Store::open(&db, clock).map_err(anyhow::Error::from);

    match cli.command {
        None => {
            use std::io::IsTerminal;
            let needs_terminal = || {
                if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
                    Ok(())
                } else {
                    Err(anyhow::anyhow!(
                        "the app needs a terminal; use a subcommand (see --help) for scripts"
                    ))
                }
            };
            // An existing store is checked first (its problems matter more); a new one
            // is only created when there is a terminal to use it in.
            let store = if db.exists() {
                let store = open()?;
                needs_terminal()?;
                store
            } else {
                needs_terminal()?;
                open()?
            };
            let mut app = App::open(store)?;
            crate::tui::run(&mut app)
        }
        Some(Command::Demo) => {
            let mut store = open()?;
            let added = crate::demo::load(&mut store, clock.today())?;
            println!(
                "Demo portfolio in {}: added {} projects, {} organisations, {} people, {} milestones",
                db.display(),
                added.projects,
                added.organisations,
                added.people,
                added.milestones
            );
            Ok(())
        }
        Some(Command::List { what, json }) => {
            list(&open()?, what, json).with_context(|| format!("cannot read {}", db.display()))
        }
        Some(Command::Backup { output }) => {
            let store = open()?;
            let dest = match output {
                Some(p) => p,
                None => default_backup_path(&db, clock)?,
            };
            if dest.exists() {
                bail!(
                    "{} already exists; choose another file with -o",
                    dest.display()
                );
            }
            store
                .backup(&dest)
                .with_context(|| format!("backup to {} failed", dest.display()))?;
            println!("{}", dest.display());
            Ok(())
        }
        Some(Command::Check) => {
            let store = open()?;
            let problems = store
                .check()
                .with_context(|| format!("cannot check {}", db.display()))?;
            if problems.is_empty() {
                println!("ok: {}", db.display());
                Ok(())
            } else {
                for p in &problems {
                    println!("{p}");
                }
                bail!("{} problem(s) found in {}", problems.len(), db.display())
            }
        }
        Some(Command::Config { what }) => {
            match what {
                ConfigWhat::Path => {
                    println!("config: {}", config_path.display());
                    println!("store:  {}", db.display());
                }
                ConfigWhat::Default => print!("{}", config::DEFAULT_CONFIG),
            }
            Ok(())
        }
    }
}

fn default_backup_path(db: &Path, clock: Clock) -> Result<PathBuf> {
    let dir = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups");
    std::fs::create_dir_all(&dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))?;
    }
    let stamp = clock.now().format("%Y%m%d-%H%M%S");
    Ok(dir.join(format!("tidig-{stamp}.db")))
}

fn list(store: &Store, what: ListWhat, json: bool) -> Result<()> {
    match what {
        ListWhat::Projects => {
            let rows = store.list_projects(&ProjectFilter::default())?;
            let mut out = std::io::stdout().lock();
            if json {
                serde_json::to_writer_pretty(&mut out, &rows)?;
                writeln!(out)?;
            } else {
                for r in rows {
                    writeln!(
                        out,
                        "{:<12} {:<16} {:<10} {}  ({})",
                        r.code,
                        r.phase.as_str(),
                        r.status.as_str(),
                        r.title,
                        r.buyer_name.unwrap_or_default()
                    )?;
                }
            }
            Ok(())
        }
    }
}
