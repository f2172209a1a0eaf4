//! Command-line definitions and the subcommand handlers.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};

use crate::app::App;
use crate::config::{self, Config};
use serde::Serialize;

use crate::bundle::Scope;
use crate::domain::{
    Audience, Clock, EntityKind, EntityRef, Meeting, Need, Project, Suggestion, TextEnum,
};
use crate::export::{
    self, AgendaFormat, CsvSeparator, DialogueFormat, Lang, LessonsFormat, NeedsFormat,
    ReportFormat, SummaryFormat, TemplateSource,
};
use crate::ops::{self, Destination, ExportJob};
use crate::store::{ImportError, ProjectFilter, Store, StoreError};

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

    /// The interface's language: sv or en (default: `language` in the config, else
    /// Swedish under a Swedish locale and English otherwise). Documents have their own
    /// `--lang`.
    #[arg(long = "lang", env = "TIDIG_LANG", value_enum, value_name = "LANG")]
    pub interface_lang: Option<LangArg>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// How large a demo to load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DemoScale {
    Normal,
    Large,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load a realistic demo portfolio (loading it again adds nothing).
    Demo {
        /// `normal`: a handful of projects to look around; `large`: 1,000 projects,
        /// 20,000 meetings and 100,000 notes, to feel how tidig copes.
        #[arg(long, value_enum, default_value_t = DemoScale::Normal)]
        scale: DemoScale,
        /// The number of projects of the large demo (for tests).
        #[arg(long, hide = true, value_name = "N")]
        projects: Option<usize>,
    },
    /// List what is stored.
    List {
        what: ListWhat,
        /// Only this project (by code).
        #[arg(long, value_name = "CODE")]
        project: Option<String>,
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Write a calendar file, a printable document or a spreadsheet file.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
        /// Word files take their styles, fonts, theme and page margins from this .docx
        /// (default: `reference.docx` beside the config file, if there is one).
        #[arg(long, global = true, value_name = "FILE")]
        reference_doc: Option<PathBuf>,
    },
    /// Bring rows into the store.
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Write a consistent copy of the store, readable only by you.
    Backup {
        /// Where to write it (default: backups/ beside the store).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Replace the store with a backup: the file is checked first (a tidig store, not
    /// damaged, not newer) and the current store is kept in backups/ before it is
    /// replaced.
    Restore {
        /// The backup to restore (e.g. backups/tidig-20261126-120000-daily.db).
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Check the store's integrity and foreign keys.
    Check,
    /// Gallring: purge your personal notes of projects that closed more than
    /// `retention_months` (config) ago. Lists them and asks first.
    Gallra {
        /// Only list what would be purged.
        #[arg(long)]
        dry_run: bool,
        /// Purge without asking (for scripts).
        #[arg(long)]
        yes: bool,
    },
    /// Show configuration.
    Config {
        #[command(subcommand)]
        what: ConfigWhat,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListWhat {
    Projects,
    Meetings,
    Needs,
    Suggestions,
    /// The information log: what each supplier was given, and whether everyone has it.
    Information,
    /// Dialogue rounds with their questions and suppliers.
    Rounds,
}

#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// Meetings as an iCalendar file (.ics): importing it again updates the events.
    Calendar {
        /// Only this project's meetings (by code).
        #[arg(long, value_name = "CODE")]
        project: Option<String>,
        /// The document's language (default: `export_language` in the config, else
        /// Swedish under a Swedish locale and English otherwise).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// One meeting's printable agenda (Markdown, HTML that prints to one page, or a
    /// Word file).
    Agenda {
        /// The meeting's id, as `tidig list meetings` shows it.
        #[arg(value_name = "MEETING_ID")]
        meeting: String,
        /// Output format (default: from the -o file's extension, else md).
        #[arg(long, value_enum)]
        format: Option<AgendaFormatArg>,
        /// The document's language (default: `export_language` in the config, else
        /// Swedish under a Swedish locale and English otherwise).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// A project's needs description: by category and priority with the evidence
    /// (Markdown, printable HTML or a Word file), or every need as a spreadsheet (CSV).
    Needs {
        /// The project's code, as `tidig list projects` shows it.
        #[arg(value_name = "CODE")]
        project: String,
        /// Output format (default: from the -o file's extension, else md).
        #[arg(long, value_enum)]
        format: Option<NeedsFormatArg>,
        /// Who it is for: internal (the buyer's team) or shared (may go into the
        /// procurement documents: shareable needs and evidence only, no names of
        /// people or suppliers). Default: `export_audience` in the config, else
        /// internal.
        #[arg(long, value_enum)]
        audience: Option<AudienceArg>,
        /// The document's language (default: `export_language` in the config, else
        /// Swedish under a Swedish locale and English otherwise).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// The CSV file's field separator (default: `;` for Swedish, as Swedish Excel
        /// expects, `,` for English).
        #[arg(long, value_enum, value_name = "SEP")]
        separator: Option<SeparatorArg>,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// One meeting's notes (Mötesanteckningar): Markdown, printable HTML, plain text
    /// or a Word file (marked UTKAST until approved), for the buyer's team or for everyone who took part. Each export is logged
    /// on the meeting.
    Summary {
        /// The meeting's id, as `tidig list meetings` shows it.
        #[arg(value_name = "MEETING_ID")]
        meeting: String,
        /// Output format (default: from the -o file's extension, else md).
        #[arg(long, value_enum)]
        format: Option<SummaryFormatArg>,
        /// Who it is for: internal (shareable and internal notes) or shared (shareable
        /// notes only). Supplier-confidential and personal notes are never exported.
        /// Default: `export_audience` in the config, else internal.
        #[arg(long, value_enum)]
        audience: Option<AudienceArg>,
        /// The document's language (default: `export_language` in the config, else
        /// Swedish under a Swedish locale and English otherwise).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Everything in the store (or one project and what it refers to), trash
    /// included, as versioned JSON that `tidig import bundle` reads.
    Bundle {
        /// Only this project (by code), with the organisations and people it refers to.
        #[arg(long, value_name = "CODE")]
        project: Option<String>,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// A project's attention view as a report for the buyer's project lead (internal;
    /// Markdown, printable HTML or a Word file): phases, slipped milestones, next meetings, overdue and open actions, notes
    /// missing or unsent, open equal-treatment points, suggestions awaiting the buyer,
    /// needs by status and priority, and the last review.
    Report {
        /// The project's code, as `tidig list projects` shows it.
        #[arg(value_name = "CODE")]
        project: String,
        /// Output format (default: from the -o file's extension, else md).
        #[arg(long, value_enum)]
        format: Option<ReportFormatArg>,
        /// The document's language (default: `export_language` in the config, else
        /// Swedish under a Swedish locale and English otherwise).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The compilation of a project's dialogue rounds (Sammanställning av dialogen):
    /// the questions and the answers grouped under each. The shared version names no
    /// supplier ("Leverantör A, B, …") and carries only shareable answers.
    Dialogue {
        /// The project's code, as `tidig list projects` shows it.
        #[arg(value_name = "CODE")]
        project: String,
        /// Only this round (its id, as `tidig list rounds` shows it).
        #[arg(long, value_name = "ID")]
        round: Option<String>,
        /// Output format (default: from the -o file's extension, else md).
        #[arg(long, value_enum)]
        format: Option<DialogueFormatArg>,
        /// Who it is for: internal (the buyer's team: shareable and internal answers,
        /// with the suppliers' names) or shared (may be published: shareable answers,
        /// suppliers by letter, no names of suppliers or people). Default:
        /// `export_audience` in the config, else internal.
        #[arg(long, value_enum)]
        audience: Option<AudienceArg>,
        /// The document's language (default: `export_language` in the config, else
        /// Swedish under a Swedish locale and English otherwise).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Shareable lessons and good examples as learning examples to pass on (Markdown,
    /// HTML or a Word file).
    Lessons {
        /// Only this project's lessons (by code); without it, all lessons.
        #[arg(long, value_name = "CODE")]
        project: Option<String>,
        /// Output format (default: from the -o file's extension, else md).
        #[arg(long, value_enum)]
        format: Option<AgendaFormatArg>,
        /// The document's language (default: `export_language` in the config, else
        /// Swedish under a Swedish locale and English otherwise).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportWhat {
    /// A bundle written by `tidig export bundle`, all or nothing: every problem is
    /// listed and nothing changes, or every row is matched by UUID and written in one
    /// transaction (a row the store has in a newer version is kept and reported).
    Bundle {
        /// The bundle file (`-` reads standard input).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Check the bundle and say what would change, without changing anything.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgendaFormatArg {
    Md,
    Html,
    Docx,
}

impl From<AgendaFormatArg> for AgendaFormat {
    fn from(f: AgendaFormatArg) -> Self {
        match f {
            AgendaFormatArg::Md => AgendaFormat::Markdown,
            AgendaFormatArg::Html => AgendaFormat::Html,
            AgendaFormatArg::Docx => AgendaFormat::Docx,
        }
    }
}

/// The dialogue compilation's formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DialogueFormatArg {
    Md,
    Html,
    Docx,
}

impl From<DialogueFormatArg> for DialogueFormat {
    fn from(f: DialogueFormatArg) -> Self {
        match f {
            DialogueFormatArg::Md => DialogueFormat::Markdown,
            DialogueFormatArg::Html => DialogueFormat::Html,
            DialogueFormatArg::Docx => DialogueFormat::Docx,
        }
    }
}

impl From<AgendaFormatArg> for LessonsFormat {
    fn from(f: AgendaFormatArg) -> Self {
        match f {
            AgendaFormatArg::Md => LessonsFormat::Markdown,
            AgendaFormatArg::Html => LessonsFormat::Html,
            AgendaFormatArg::Docx => LessonsFormat::Docx,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormatArg {
    Md,
    Html,
    Docx,
}

impl From<ReportFormatArg> for ReportFormat {
    fn from(f: ReportFormatArg) -> Self {
        match f {
            ReportFormatArg::Md => ReportFormat::Markdown,
            ReportFormatArg::Html => ReportFormat::Html,
            ReportFormatArg::Docx => ReportFormat::Docx,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NeedsFormatArg {
    Md,
    Html,
    Csv,
    Docx,
}

impl From<NeedsFormatArg> for NeedsFormat {
    fn from(f: NeedsFormatArg) -> Self {
        match f {
            NeedsFormatArg::Md => NeedsFormat::Markdown,
            NeedsFormatArg::Html => NeedsFormat::Html,
            NeedsFormatArg::Csv => NeedsFormat::Csv,
            NeedsFormatArg::Docx => NeedsFormat::Docx,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormatArg {
    Md,
    Html,
    Txt,
    Docx,
}

impl From<SummaryFormatArg> for SummaryFormat {
    fn from(f: SummaryFormatArg) -> Self {
        match f {
            SummaryFormatArg::Md => SummaryFormat::Markdown,
            SummaryFormatArg::Html => SummaryFormat::Html,
            SummaryFormatArg::Txt => SummaryFormat::Text,
            SummaryFormatArg::Docx => SummaryFormat::Docx,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeparatorArg {
    #[value(name = ",", alias = "comma")]
    Comma,
    #[value(name = ";", alias = "semicolon")]
    Semicolon,
    #[value(name = "tab")]
    Tab,
}

impl From<SeparatorArg> for CsvSeparator {
    fn from(s: SeparatorArg) -> Self {
        match s {
            SeparatorArg::Comma => CsvSeparator::Comma,
            SeparatorArg::Semicolon => CsvSeparator::Semicolon,
            SeparatorArg::Tab => CsvSeparator::Tab,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AudienceArg {
    /// The buyer's team: shareable and internal notes.
    Internal,
    /// Everyone who took part: shareable notes only.
    Shared,
}

impl From<AudienceArg> for Audience {
    fn from(a: AudienceArg) -> Self {
        match a {
            AudienceArg::Internal => Audience::Internal,
            AudienceArg::Shared => Audience::Shared,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Svenska
    Sv,
    /// English
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Sv => Lang::Sv,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum ConfigWhat {
    /// Print where the config file and the store are.
    Path,
    /// Print a default config file.
    Default,
}

/// The configured theme (dark unless the config says otherwise).
fn theme_of(config: &Config) -> crate::ui::theme::Theme {
    use crate::config::ThemeSetting;
    use crate::ui::theme::Theme;
    match config.theme {
        None | Some(ThemeSetting::Dark) => Theme::Dark,
        Some(ThemeSetting::Light) => Theme::Light,
        Some(ThemeSetting::HighContrast) => Theme::HighContrast,
    }
}

/// Loads the large demo with a progress bar on standard error when that is a terminal,
/// and nothing there otherwise (a log or a pipe gets no control characters).
fn load_large_demo(
    store: &mut Store,
    today: chrono::NaiveDate,
    size: crate::demo::Size,
) -> Result<ops::demo::DemoSummary> {
    use std::io::IsTerminal;
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{msg} [{bar:40}] {human_pos}/{human_len} ({elapsed})",
            )
            .expect("a valid progress template")
            .progress_chars("=> "),
        );
        bar.set_message(crate::text::demo_progress());
        Some(bar)
    } else {
        None
    };
    let result = ops::demo::load_large(store, today, size, &mut |done, total| {
        if let Some(bar) = &bar {
            bar.set_length(total);
            bar.set_position(done);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(result?)
}

/// The clock: the system's, unless `TIDIG_NOW` fixes it (for demos and tests).
/// The clock: real time, or `TIDIG_NOW`; in the configured zone, else the system's.
pub fn clock_from_env(zone: Option<chrono_tz::Tz>) -> Result<Clock> {
    match (std::env::var("TIDIG_NOW"), zone) {
        (Ok(s), zone) => {
            let t = DateTime::parse_from_rfc3339(&s)
                .with_context(|| format!("TIDIG_NOW={s} is not an RFC 3339 time"))?
                .with_timezone(&Utc);
            Ok(zone.map_or(Clock::FixedLocal(t), |z| Clock::FixedIn(t, z)))
        }
        (Err(_), Some(zone)) => Ok(Clock::SystemIn(zone)),
        (Err(_), None) => Ok(Clock::System),
    }
}

pub fn run(cli: Cli) -> Result<()> {
    // The default config is printed whatever the user's file says: it is how a broken
    // file gets mended.
    if let Some(Command::Config {
        what: ConfigWhat::Default,
    }) = &cli.command
    {
        print_default_config();
        return Ok(());
    }
    // The locale's language first, so that a broken config file is reported in it.
    let chosen = cli.interface_lang.map(Lang::from);
    crate::catalog::set_interface_lang(
        chosen.unwrap_or_else(|| Lang::from_environment(|name| std::env::var(name).ok())),
    );
    let config_path = config::config_path()?;
    let config = Config::load(&config_path)?;
    if let (None, Some(lang)) = (chosen, config.language) {
        crate::catalog::set_interface_lang(lang);
    }
    // Key bindings are checked on every start, so a mistake shows at once.
    let keymap = crate::app::Keymap::with_overrides(&config.key_overrides()).map_err(|e| {
        anyhow::anyhow!(crate::text::err_bad_config(
            &config_path,
            e.line,
            "",
            &e.message
        ))
    })?;
    let db = config.db_path(cli.db.as_deref())?;
    let clock = clock_from_env(config.time_zone.map(|z| z.0))?;
    let keep = config.backups_kept();
    let open = || {
        let store = Store::open_keeping(&db, clock, keep)?;
        // A test hook, like TIDIG_NOW: how long a write waits for another's lock.
        if let Some(ms) = std::env::var("TIDIG_BUSY_TIMEOUT_MS")
            .ok()
            .and_then(|v| v.parse().ok())
        {
            store.set_busy_timeout(std::time::Duration::from_millis(ms))?;
        }
        anyhow::Ok(store)
    };

    match cli.command {
        None => {
            use std::io::IsTerminal;
            let needs_terminal = || {
                if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
                    Ok(())
                } else {
                    Err(anyhow::anyhow!(crate::text::err_needs_terminal()))
                }
            };
            // An existing store is checked first (its problems matter more); a new one
            // is only created when there is a terminal to use it in.
            let existed = db.exists();
            let store = if existed {
                let store = open()?;
                needs_terminal()?;
                store
            } else {
                needs_terminal()?;
                open()?
            };
            if existed {
                daily_backup(&store, &db, keep);
            }
            let mut app = App::open(store)?;
            let data_drafts = config::default_db_path()
                .ok()
                .and_then(|p| p.parent().map(|d| d.join("drafts")));
            app.dirs = crate::app::AppDirs {
                exports: config::export_dir().unwrap_or_else(|| std::env::temp_dir().join("tidig")),
                templates: config_path.parent().map(crate::templates::user_dir),
                export_templates: config_path.parent().map(export::user_templates_dir),
                drafts: crate::draft_files::DraftFiles::for_store(&db, data_drafts),
                docx_style: config_path
                    .parent()
                    .map(ops::export::DocxStyle::from_config_dir)
                    .unwrap_or_default(),
            };
            app.export_lang = config.export_lang();
            app.export_audience = config.export_audience;
            app.week_first_day = match config.week_start {
                Some(crate::config::WeekStartSetting::Sunday) => chrono::Weekday::Sun,
                _ => chrono::Weekday::Mon,
            };
            if let Some(folder) = &config.export_folder {
                app.dirs.exports = folder.clone();
            }
            app.keymap = keymap;
            crate::ui::theme::set(crate::ui::theme::Theme::choose(
                theme_of(&config),
                std::env::var_os("NO_COLOR").as_deref(),
            ));
            app.thresholds = config.thresholds();
            app.restore_draft_files();
            crate::tui::run(&mut app)
        }
        Some(Command::Demo { scale, projects }) => {
            let existed = db.exists();
            let mut store = open()?;
            store.ensure_writable()?;
            if existed {
                daily_backup(&store, &db, keep);
            }
            let added = match scale {
                DemoScale::Normal => ops::demo::load(&mut store, clock.today())?,
                DemoScale::Large => {
                    let size = projects.map_or(crate::demo::Size::LARGE, |projects| {
                        crate::demo::Size { projects }
                    });
                    load_large_demo(&mut store, clock.today(), size)?
                }
            };
            println!(
                "{}",
                crate::text::demo_added(
                    &db,
                    &[
                        ("projects", added.projects),
                        ("organisations", added.organisations),
                        ("people", added.people),
                        ("milestones", added.milestones),
                        ("meetings", added.meetings),
                        ("agenda_items", added.agenda_items),
                        ("participants", added.participants),
                        ("needs", added.needs),
                        ("suggestions", added.suggestions),
                        ("lessons", added.lessons),
                        ("notes", added.notes),
                        ("decisions", added.decisions),
                        ("actions", added.actions),
                        ("questions", added.questions),
                        ("rounds", added.rounds),
                    ]
                )
            );
            Ok(())
        }
        Some(Command::List {
            what,
            project,
            json,
        }) => {
            let store = open()?;
            let project = project.map(|c| find_project(&store, &c)).transpose()?;
            let text = list(&store, what, project.as_ref(), json)
                .with_context(|| crate::text::err_cannot_read(&db))?;
            // Rows the lists left out because they cannot be read: one warning each.
            warn_unreadable(&store.take_set_aside());
            write_stdout(&text)
        }
        Some(Command::Export {
            what,
            reference_doc,
        }) => {
            // A user's own export templates: `templates/` beside the config file.
            let templates = match config_path.parent() {
                Some(dir) => TemplateSource::Dir(export::user_templates_dir(dir)),
                None => TemplateSource::BuiltIn,
            };
            let defaults = ExportDefaults {
                lang: config.export_lang(),
                audience: config.export_audience.unwrap_or(Audience::Internal),
                thresholds: config.thresholds(),
            };
            let style = match reference_doc {
                Some(file) => ops::export::DocxStyle {
                    reference: Some(file),
                },
                None => config_path
                    .parent()
                    .map(ops::export::DocxStyle::from_config_dir)
                    .unwrap_or_default(),
            };
            let mut store = open()?;
            let done = export(&mut store, &db, &templates, &style, defaults, what);
            // Rows the export left out because they cannot be read: one warning each.
            warn_unreadable(&store.take_set_aside());
            done
        }
        Some(Command::Import {
            what: ImportWhat::Bundle { file, dry_run },
        }) => import_bundle(&mut open()?, &file, dry_run),
        Some(Command::Backup { output }) => {
            let store = open()?;
            let dest = match output {
                Some(p) => p,
                None => default_backup_path(&db, clock)?,
            };
            if dest.exists() {
                bail!("{}", crate::text::err_backup_exists(&dest));
            }
            store
                .backup(&dest)
                .with_context(|| crate::text::err_backup_failed(&dest))?;
            println!("{}", dest.display());
            Ok(())
        }
        Some(Command::Restore { file }) => restore(&db, &file, clock, keep),
        Some(Command::Check) => {
            let store = open()?;
            let (mut problems, bad) = store
                .check_all()
                .with_context(|| crate::text::err_cannot_check(&db))?;
            // Stored text goes to the terminal: control characters made visible.
            problems.extend(
                bad.iter().map(|b| {
                    crate::text::check_bad_value(&b.table, b.id, &b.column, &safe(&b.value))
                }),
            );
            if problems.is_empty() {
                println!("{}", crate::text::check_ok(&db));
                Ok(())
            } else {
                for p in &problems {
                    println!("{p}");
                }
                bail!("{}", crate::text::check_problems(problems.len(), &db))
            }
        }
        Some(Command::Gallra { dry_run, yes }) => {
            gallra(&mut open()?, config.retention_months(), dry_run, yes)
        }
        Some(Command::Config { what }) => {
            match what {
                ConfigWhat::Path => {
                    println!("{}", crate::text::config_paths(&config_path, &db));
                }
                ConfigWhat::Default => print_default_config(),
            }
            Ok(())
        }
    }
}

/// `tidig gallra`: lists the personal notes past retention; unless `dry_run`, asks
/// (or takes `yes`) and purges them, all or nothing.
fn gallra(store: &mut Store, months: u32, dry_run: bool, yes: bool) -> Result<()> {
    let due = store.expired_personal_notes(months)?;
    let mut out = std::io::stdout().lock();
    for n in &due {
        writeln!(
            out,
            "{:>6}  {:<12} {}  {}  {}",
            n.id,
            safe(&n.project_code),
            n.closed_on,
            one_line(&n.meeting_title, 40),
            one_line(&n.excerpt, 60)
        )?;
    }
    writeln!(out, "{}", crate::text::gallra_found(due.len(), months))?;
    if dry_run || due.is_empty() {
        return Ok(());
    }
    if !yes {
        write!(out, "{}", crate::text::gallra_ask())?;
        out.flush()?;
        let mut answer = String::new();
        std::io::stdin().read_line(&mut answer)?;
        let answer = answer.trim().to_lowercase();
        if !matches!(answer.as_str(), "y" | "yes" | "j" | "ja") {
            writeln!(out, "{}", crate::text::gallra_kept())?;
            return Ok(());
        }
    }
    let ids: Vec<i64> = due.iter().map(|n| n.id).collect();
    let purged = store.purge_expired_personal_notes(months, &ids)?;
    writeln!(out, "{}", crate::text::gallra_purged(purged))?;
    Ok(())
}

/// Every setting, commented, and every key binding: `tidig config default`.
fn print_default_config() {
    print!(
        "{}{}{}",
        config::DEFAULT_CONFIG,
        crate::text::config_keys_header(),
        crate::app::Keymap::defaults().config_text()
    );
}

/// The first start of a day that may change the store (the app, `demo`) keeps a copy
/// first. A failure is a warning: the work goes on.
fn daily_backup(store: &Store, db: &Path, keep: usize) {
    if let Err(e) = store.daily_backup(db, keep) {
        let _ = writeln!(
            std::io::stderr(),
            "tidig: {}",
            crate::text::warn_daily_backup(&e.to_string())
        );
    }
}

fn default_backup_path(db: &Path, clock: Clock) -> Result<PathBuf> {
    let dir = crate::store::backup_dir(db);
    config::own_dir(&dir)?;
    let stamp = clock.now().format("%Y%m%d-%H%M%S");
    Ok(dir.join(format!("tidig-{stamp}.db")))
}

/// `tidig restore FILE`: checks FILE before touching anything, keeps the current
/// store as a backup, then replaces it (through SQLite when the store opens; by moving
/// the damaged file aside when it does not).
fn restore(db: &Path, file: &Path, clock: Clock, keep: usize) -> Result<()> {
    let same = match (std::fs::canonicalize(db), std::fs::canonicalize(file)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        bail!(
            "{}",
            crate::text::err_restore_same(&file.display().to_string())
        );
    }
    drop(crate::store::inspect_backup(file)?);
    let kept = match Store::open_keeping(db, clock, keep) {
        Ok(mut store) => Some(store.restore_from(db, file, keep)?),
        Err(e) if crate::store::is_unopenable(&e) => {
            let kept = crate::store::replace_unopenable(db, file, clock)?;
            // Upgrades an older backup now, so that the next start finds it ready.
            drop(Store::open_keeping(db, clock, keep)?);
            kept
        }
        Err(e) => return Err(e.into()),
    };
    let kept = kept.map(|p| p.display().to_string());
    println!(
        "{}",
        crate::text::msg_restored(
            &file.display().to_string(),
            &db.display().to_string(),
            kept.as_deref()
        )
    );
    Ok(())
}

/// The listing as text, ready for standard output.
fn list(store: &Store, what: ListWhat, project: Option<&Project>, json: bool) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    match what {
        ListWhat::Projects => {
            let mut rows = store.list_projects(&ProjectFilter::default())?;
            if let Some(p) = project {
                rows.retain(|r| r.id == p.id);
            }
            if json {
                serde_json::to_writer_pretty(&mut out, &rows)?;
                writeln!(out)?;
            } else {
                for r in rows {
                    writeln!(
                        out,
                        "{:<12} {:<16} {:<10} {}  ({})",
                        safe(&r.code),
                        r.phase.as_str(),
                        r.status.as_str(),
                        safe(&r.title),
                        safe(&r.buyer_name.unwrap_or_default())
                    )?;
                }
            }
        }
        ListWhat::Meetings => {
            let listed = store.all_meetings_listed(project.map(|p| p.id))?;
            warn_unreadable(&listed.unreadable);
            let meetings = listed.rows;
            if json {
                let rows: Vec<MeetingRow<'_>> = meetings.iter().map(MeetingRow::from).collect();
                serde_json::to_writer_pretty(&mut out, &rows)?;
                writeln!(out)?;
            } else {
                let clock = store.clock();
                for m in &meetings {
                    writeln!(
                        out,
                        "{:>5}  {}  {:<12} {:<20} {:<9}  {}",
                        m.id,
                        local_span(&clock, m.start, m.end),
                        safe(&m.project_code),
                        m.kind.as_str(),
                        m.status.as_str(),
                        safe(&m.title)
                    )?;
                }
            }
        }
        ListWhat::Needs => {
            let needs = store.all_needs(project.map(|p| p.id))?;
            if json {
                let rows: Vec<NeedRow<'_>> = needs.iter().map(NeedRow::from).collect();
                serde_json::to_writer_pretty(&mut out, &rows)?;
                writeln!(out)?;
            } else {
                for n in &needs {
                    writeln!(
                        out,
                        "{:<12} {:<6} {:<11} {:<6} {:<20} {}",
                        safe(&n.project_code),
                        safe(&n.code),
                        n.status.as_str(),
                        n.priority.map(|p| p.as_str()).unwrap_or("-"),
                        one_line(&n.category, 20),
                        one_line(&n.statement, 200)
                    )?;
                }
            }
        }
        ListWhat::Suggestions => {
            let suggestions = store.suggestions(project.map(|p| p.id), None, None)?;
            if json {
                let rows: Vec<SuggestionRow<'_>> =
                    suggestions.iter().map(SuggestionRow::from).collect();
                serde_json::to_writer_pretty(&mut out, &rows)?;
                writeln!(out)?;
            } else {
                for s in &suggestions {
                    writeln!(
                        out,
                        "{:>5}  {:<12} {:<11} {:<16} {}",
                        s.id,
                        safe(&s.project_code),
                        s.status.as_str(),
                        s.phase.as_str(),
                        one_line(&s.title, 200)
                    )?;
                }
            }
        }
        ListWhat::Rounds => {
            let rounds = all_rounds(store, project.map(|p| p.id))?;
            let mut rows = Vec::with_capacity(rounds.len());
            for r in &rounds {
                rows.push(RoundRow {
                    id: r.id,
                    uuid: &r.uuid,
                    project_code: &r.project_code,
                    kind: r.kind.as_str(),
                    title: &r.title,
                    purpose: &r.purpose,
                    questions: store
                        .round_questions(r.id)?
                        .into_iter()
                        .map(|q| RoundQuestionRow {
                            position: q.position,
                            text: q.text,
                        })
                        .collect(),
                    suppliers: store
                        .round_suppliers(r.id)?
                        .into_iter()
                        .map(|s| RoundSupplierRow {
                            letter: s.letter(),
                            name: s.name,
                            meeting_id: s.meeting_id,
                        })
                        .collect(),
                    created_at: &r.created_at,
                    updated_at: &r.updated_at,
                });
            }
            if json {
                serde_json::to_writer_pretty(&mut out, &rows)?;
                writeln!(out)?;
            } else {
                for r in &rows {
                    writeln!(
                        out,
                        "{:>5}  {:<12} {:<17} {:>2} q {:>2} s  {}",
                        r.id,
                        safe(r.project_code),
                        r.kind,
                        r.questions.len(),
                        r.suppliers.len(),
                        one_line(r.title, 200)
                    )?;
                }
            }
        }
        ListWhat::Information => {
            let rows = ops::information::rows(store, project.map(|p| p.id))?;
            if json {
                serde_json::to_writer_pretty(&mut out, &rows)?;
                writeln!(out)?;
            } else {
                for r in &rows {
                    let reach = if r.everyone {
                        crate::text::info_everyone(
                            r.shared_on.as_deref().unwrap_or_default(),
                            &r.shared_channel,
                        )
                    } else {
                        crate::text::info_only_some(&r.recipients.join(", "))
                    };
                    writeln!(
                        out,
                        "{:>5}  {:<12} {}  {:<60}  {}",
                        r.id,
                        safe(&r.project_code),
                        r.given_on,
                        one_line(&r.title, 60),
                        one_line(&reach, 200)
                    )?;
                }
            }
        }
    }
    Ok(out)
}

/// Every live round (of one project), page by page.
fn all_rounds(store: &Store, project_id: Option<i64>) -> Result<Vec<crate::domain::Round>> {
    let mut all = Vec::new();
    loop {
        let page = store.rounds(project_id, all.len())?;
        let full = page.len() == crate::store::ROUNDS_PAGE;
        all.extend(page);
        if !full {
            return Ok(all);
        }
    }
}

/// One round in `list rounds --json`: its questions in order and its suppliers by the
/// order they joined (with the letter the shared compilation gives them).
#[derive(Debug, Serialize)]
struct RoundRow<'a> {
    id: i64,
    uuid: &'a str,
    project_code: &'a str,
    kind: &'static str,
    title: &'a str,
    purpose: &'a str,
    questions: Vec<RoundQuestionRow>,
    suppliers: Vec<RoundSupplierRow>,
    created_at: &'a str,
    updated_at: &'a str,
}

#[derive(Debug, Serialize)]
struct RoundQuestionRow {
    position: i64,
    text: String,
}

#[derive(Debug, Serialize)]
struct RoundSupplierRow {
    letter: String,
    name: String,
    meeting_id: Option<i64>,
}

/// Stored text for a table row: control characters escaped and bidirectional controls
/// named, so that nothing stored reaches the terminal raw (see `domain::visible`).
fn safe(s: &str) -> String {
    crate::domain::visible::terminal_safe(s).into_owned()
}

/// Text for one line of a listing: whitespace runs (line breaks too) become one space,
/// control characters are escaped, and it is cut at `max` characters with an ellipsis.
fn one_line(s: &str, max: usize) -> String {
    let flat = safe(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// One need in `list needs --json`: enums as stored.
#[derive(Debug, Serialize)]
struct NeedRow<'a> {
    id: i64,
    uuid: &'a str,
    project_code: &'a str,
    code: &'a str,
    statement: &'a str,
    as_a: &'a str,
    i_need: &'a str,
    so_that: &'a str,
    category: &'a str,
    priority: Option<&'static str>,
    status: &'static str,
    status_reason: &'a str,
    /// The id of the need it was merged into.
    merged_into: Option<i64>,
    owner: &'a str,
    evidence_count: i64,
    created_at: &'a str,
    updated_at: &'a str,
}

impl<'a> From<&'a Need> for NeedRow<'a> {
    fn from(n: &'a Need) -> Self {
        NeedRow {
            id: n.id,
            uuid: &n.uuid,
            project_code: &n.project_code,
            code: &n.code,
            statement: &n.statement,
            as_a: &n.as_a,
            i_need: &n.i_need,
            so_that: &n.so_that,
            category: &n.category,
            priority: n.priority.map(|p| p.as_str()),
            status: n.status.as_str(),
            status_reason: &n.status_reason,
            merged_into: n.merged_into,
            owner: &n.owner,
            evidence_count: n.evidence_count,
            created_at: &n.created_at,
            updated_at: &n.updated_at,
        }
    }
}

/// One improvement suggestion in `list suggestions --json`: enums as stored, the
/// decision date as `YYYY-MM-DD`.
#[derive(Debug, Serialize)]
struct SuggestionRow<'a> {
    id: i64,
    uuid: &'a str,
    project_code: &'a str,
    title: &'a str,
    phase: &'static str,
    status: &'static str,
    description: &'a str,
    rationale: &'a str,
    buyer_response: &'a str,
    decision_date: Option<String>,
    meeting_id: Option<i64>,
    meeting_title: Option<&'a str>,
    created_at: &'a str,
    updated_at: &'a str,
}

impl<'a> From<&'a Suggestion> for SuggestionRow<'a> {
    fn from(s: &'a Suggestion) -> Self {
        SuggestionRow {
            id: s.id,
            uuid: &s.uuid,
            project_code: &s.project_code,
            title: &s.title,
            phase: s.phase.as_str(),
            status: s.status.as_str(),
            description: &s.description,
            rationale: &s.rationale,
            buyer_response: &s.buyer_response,
            decision_date: s.decision_date.map(|d| d.format("%Y-%m-%d").to_string()),
            meeting_id: s.meeting_id,
            meeting_title: s.meeting_title.as_deref(),
            created_at: &s.created_at,
            updated_at: &s.updated_at,
        }
    }
}

/// One meeting in `list meetings --json`: times in UTC (RFC 3339), enums as stored.
#[derive(Debug, Serialize)]
struct MeetingRow<'a> {
    id: i64,
    uuid: &'a str,
    project_code: &'a str,
    title: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    format: &'static str,
    location: &'a str,
    start: String,
    end: String,
    status: &'static str,
    notes_status: &'static str,
    supplier_facing: bool,
}

impl<'a> From<&'a Meeting> for MeetingRow<'a> {
    fn from(m: &'a Meeting) -> Self {
        let rfc3339 = |t: DateTime<Utc>| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        MeetingRow {
            id: m.id,
            uuid: &m.uuid,
            project_code: &m.project_code,
            title: &m.title,
            kind: m.kind.as_str(),
            format: m.format.as_str(),
            location: &m.location,
            start: rfc3339(m.start),
            end: rfc3339(m.end),
            status: m.status.as_str(),
            notes_status: m.notes_status.as_str(),
            supplier_facing: m.kind.is_supplier_facing(),
        }
    }
}

/// "2026-12-03 09:30–11:30" in local time (the end gets its date if it is another day).
fn local_span(clock: &Clock, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let (s, e) = (clock.local(start), clock.local(end));
    if s.date() == e.date() {
        format!("{}–{}", s.format("%Y-%m-%d %H:%M"), e.format("%H:%M"))
    } else {
        format!(
            "{}–{}",
            s.format("%Y-%m-%d %H:%M"),
            e.format("%Y-%m-%d %H:%M")
        )
    }
}

/// A live project by its code (codes are capitals, so `norr-24` finds `NORR-24`).
fn find_project(store: &Store, code: &str) -> Result<Project> {
    let code = code.trim().to_uppercase();
    match store.project_by_code(&code) {
        Err(StoreError::NotFound) => {
            bail!("{}", crate::text::err_no_project(&code))
        }
        other => Ok(other?),
    }
}

/// A live meeting by the id the user typed; one in the trash is refused.
/// A live round of the project, by the id `tidig list rounds` shows.
fn find_round(store: &Store, id: &str, project_id: i64) -> Result<i64> {
    let Ok(id) = id.trim().parse::<i64>() else {
        bail!("{id:?} is not a round id; `tidig list rounds` shows them");
    };
    match store.locate(EntityRef::new(EntityKind::Round, id)) {
        Err(StoreError::NotFound) => {
            bail!("no round with id {id}; `tidig list rounds` shows them")
        }
        Ok(at) if at.trashed || at.parent_trashed => {
            bail!("round {id} is in the trash; restore it to export it")
        }
        Ok(at) if at.project_id != Some(project_id) => {
            bail!("round {id} belongs to another project; `tidig list rounds` shows them")
        }
        other => other?,
    };
    Ok(id)
}

fn find_meeting(store: &Store, id: &str) -> Result<i64> {
    let Ok(id) = id.trim().parse::<i64>() else {
        bail!("{}", crate::text::err_not_meeting_id(id));
    };
    match store.locate(EntityRef::new(EntityKind::Meeting, id)) {
        Err(StoreError::NotFound) => {
            bail!("{}", crate::text::err_no_meeting(id))
        }
        Ok(at) if at.trashed || at.parent_trashed => {
            bail!("{}", crate::text::err_meeting_in_trash(id))
        }
        other => other?,
    };
    Ok(id)
}

/// A line on standard error before the participants' version of a supplier meeting's
/// notes is written while equal-treatment points are open: a warning, not a refusal.
fn warn_open_points(store: &Store, meeting_id: i64, audience: Audience) -> Result<()> {
    if audience != Audience::Shared {
        return Ok(());
    }
    let meeting = store.meeting(meeting_id)?;
    let attendance = store.attendance(meeting_id)?;
    let open = crate::domain::checklist_open(meeting.checklist);
    if crate::domain::is_supplier_facing(&meeting, &attendance) && open > 0 {
        eprintln!("{}", crate::text::warn_export_open_points(open));
    }
    Ok(())
}

/// Turns `tidig export …` into an export operation and runs it.
/// One line on standard error per row left out of a list because it cannot be read.
fn warn_unreadable(rows: &[crate::store::UnreadableRow]) {
    for row in rows {
        eprintln!(
            "{}",
            crate::text::warn_unreadable_row(row.table, row.id, &safe(&row.detail))
        );
    }
}

/// What an export is when its command line does not say: from the config file.
struct ExportDefaults {
    lang: Lang,
    audience: Audience,
    /// When a project's review is due, for the project report.
    thresholds: crate::domain::Thresholds,
}

fn export(
    store: &mut Store,
    db: &Path,
    templates: &TemplateSource,
    style: &ops::export::DocxStyle,
    defaults: ExportDefaults,
    what: ExportWhat,
) -> Result<()> {
    let default_lang = defaults.lang;
    let (job, output) = match what {
        ExportWhat::Calendar {
            project,
            lang,
            output,
        } => {
            let project_id = project.map(|c| find_project(store, &c)).transpose()?;
            only_extensions(output.as_deref(), &[("ics", ())], ())?;
            (
                ExportJob::Calendar {
                    project_id: project_id.map(|p| p.id),
                    lang: lang.map_or(default_lang, Lang::from),
                },
                output,
            )
        }
        ExportWhat::Agenda {
            meeting,
            format,
            lang,
            output,
        } => {
            let meeting_id = find_meeting(store, &meeting)?;
            let format = format_for(output.as_deref(), format.map(AgendaFormat::from))?;
            let lang = lang.map_or(default_lang, Lang::from);
            (
                ExportJob::Agenda {
                    meeting_id,
                    format,
                    lang,
                },
                output,
            )
        }
        ExportWhat::Needs {
            project,
            format,
            audience,
            lang,
            separator,
            output,
        } => {
            let project = find_project(store, &project)?;
            let format = format_for(output.as_deref(), format.map(NeedsFormat::from))?;
            if separator.is_some() && format != NeedsFormat::Csv {
                bail!("{}", crate::text::err_separator_not_csv());
            }
            (
                ExportJob::Needs {
                    project_id: project.id,
                    format,
                    audience: audience.map_or(defaults.audience, Audience::from),
                    lang: lang.map_or(default_lang, Lang::from),
                    separator: separator.map(CsvSeparator::from),
                },
                output,
            )
        }
        ExportWhat::Summary {
            meeting,
            format,
            audience,
            lang,
            output,
        } => {
            let meeting_id = find_meeting(store, &meeting)?;
            let format = format_for(output.as_deref(), format.map(SummaryFormat::from))?;
            let audience = audience.map_or(defaults.audience, Audience::from);
            warn_open_points(store, meeting_id, audience)?;
            let job = ExportJob::Summary {
                meeting_id,
                format,
                audience,
                lang: lang.map_or(default_lang, Lang::from),
            };
            (job, output)
        }
        ExportWhat::Bundle { project, output } => {
            let scope = match project {
                None => Scope::All,
                Some(code) => Scope::Project(find_project(store, &code)?.code),
            };
            only_extensions(output.as_deref(), &[("json", ())], ())?;
            (ExportJob::Bundle { scope }, output)
        }
        ExportWhat::Dialogue {
            project,
            round,
            format,
            audience,
            lang,
            output,
        } => {
            let project = find_project(store, &project)?;
            let round_id = round
                .map(|r| find_round(store, &r, project.id))
                .transpose()?;
            let format = format_for(output.as_deref(), format.map(DialogueFormat::from))?;
            let job = ExportJob::Dialogue {
                project_id: project.id,
                round_id,
                format,
                audience: audience.map_or(defaults.audience, Audience::from),
                lang: lang.map_or(default_lang, Lang::from),
            };
            (job, output)
        }
        ExportWhat::Report {
            project,
            format,
            lang,
            output,
        } => {
            let project = find_project(store, &project)?;
            let format = format_for(output.as_deref(), format.map(ReportFormat::from))?;
            let job = ExportJob::Report {
                project_id: project.id,
                format,
                lang: lang.map_or(default_lang, Lang::from),
                thresholds: defaults.thresholds,
            };
            (job, output)
        }
        ExportWhat::Lessons {
            project,
            format,
            lang,
            output,
        } => {
            let project = project.map(|c| find_project(store, &c)).transpose()?;
            let format = format_for(output.as_deref(), format.map(LessonsFormat::from))?;
            let job = ExportJob::Lessons {
                project_id: project.map(|p| p.id),
                format,
                lang: lang.map_or(default_lang, Lang::from),
            };
            (job, output)
        }
    };
    let to = Destination::from_output(output.as_deref());
    let done = ops::export::run_styled(store, &job, templates, style, &to, Some(db))?;
    if let Some(path) = done.path {
        println!("{}", path.display());
    }
    Ok(())
}

/// `tidig import bundle`: the problems one per line on standard error and a refusal,
/// or what was imported.
fn import_bundle(store: &mut Store, file: &Path, dry_run: bool) -> Result<()> {
    let name = file.display().to_string();
    let refuse = |issues: &[crate::bundle::Issue]| {
        for issue in issues {
            eprintln!("{}", crate::text::bundle_issue(issue));
        }
        anyhow::anyhow!(crate::text::bundle_problems(issues.len(), &name))
    };
    let bundle = match ops::bundle::read_bundle(file) {
        Ok(bundle) => bundle,
        Err(ops::bundle::ReadError::Invalid(issues)) => return Err(refuse(&issues)),
        Err(ops::bundle::ReadError::Io(e)) => {
            return Err(
                anyhow::Error::from(e).context(crate::text::err_cannot_read(Path::new(&name)))
            );
        }
    };
    match ops::bundle::import_bundle(store, &bundle, dry_run) {
        Ok(report) => write_stdout(crate::text::import_report(&report, &name).as_bytes()),
        Err(ImportError::Invalid(issues)) => Err(refuse(&issues)),
        Err(ImportError::Store(e)) => {
            Err(anyhow::Error::from(e).context(crate::text::err_nothing_imported(&name)))
        }
    }
}

/// The format to write: `--format` if given (the user's file name is then theirs to
/// choose), else the one the -o file's extension names, else `default`. An -o file
/// whose extension is none of `known` (a `.pdf`, an `.odt`) and no `--format` is
/// refused, naming the formats that can be written, rather than filled with Markdown.
/// A document's formats: the file-name extensions each is known by, and the one used
/// when neither `--format` nor `-o`'s extension says.
trait FileFormat: Copy + 'static {
    const BY_EXTENSION: &'static [(&'static str, Self)];
    const DEFAULT: Self;
}

macro_rules! file_formats {
    ($($format:ident, default $default:ident: $($ext:literal => $variant:ident),+;)+) => {$(
        impl FileFormat for $format {
            const BY_EXTENSION: &'static [(&'static str, Self)] =
                &[$(($ext, $format::$variant)),+];
            const DEFAULT: Self = $format::$default;
        }
    )+};
}

file_formats! {
    AgendaFormat, default Markdown:
        "md" => Markdown, "html" => Html, "htm" => Html, "docx" => Docx;
    NeedsFormat, default Markdown:
        "md" => Markdown, "html" => Html, "htm" => Html, "csv" => Csv, "docx" => Docx;
    SummaryFormat, default Markdown:
        "md" => Markdown, "markdown" => Markdown, "html" => Html, "htm" => Html,
        "txt" => Text, "text" => Text, "docx" => Docx;
    DialogueFormat, default Markdown:
        "md" => Markdown, "html" => Html, "htm" => Html, "docx" => Docx;
    ReportFormat, default Markdown:
        "md" => Markdown, "html" => Html, "htm" => Html, "docx" => Docx;
    LessonsFormat, default Markdown:
        "md" => Markdown, "html" => Html, "htm" => Html, "docx" => Docx;
}

/// The format chosen with `--format`, else the one `-o`'s extension names, else the
/// default.
fn format_for<F: FileFormat>(output: Option<&Path>, chosen: Option<F>) -> Result<F> {
    if let Some(format) = chosen {
        return Ok(format);
    }
    only_extensions(output, F::BY_EXTENSION, F::DEFAULT)
}

/// What `-o`'s extension names among `known` (`default` without one); another
/// extension is refused with the ones known.
fn only_extensions<F: Copy>(output: Option<&Path>, known: &[(&str, F)], default: F) -> Result<F> {
    let ext = output
        .filter(|p| p.as_os_str() != "-")
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_lowercase());
    match ext {
        None => Ok(default),
        Some(ext) => match known.iter().find(|(k, _)| *k == ext) {
            Some((_, f)) => Ok(*f),
            None => {
                let names: Vec<&str> = known.iter().map(|(k, _)| *k).collect();
                bail!("{}", crate::text::err_unknown_extension(&ext, &names))
            }
        },
    }
}

/// Writes to standard output. A reader that stops early (`| head`) is not an error.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    Ok(ops::export::write_stdout(bytes)?)
}
