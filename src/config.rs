//! Where things live: the config file, the default store, and overrides.
//! Precedence for the store: `--db`, then `TIDIG_DB`, then `db` in the config file,
//! then the platform data directory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use directories::ProjectDirs;
use serde::{Deserialize, Serialize};

use crate::catalog::Lang;

/// The config file, all keys optional.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Store file to open when neither `--db` nor `TIDIG_DB` is given.
    pub db: Option<PathBuf>,
    /// How many automatic backups (daily, before a migration, before a restore) to keep
    /// in `backups/` beside the store; 0 turns them off. Default 7.
    pub backups: Option<usize>,
    /// The interface's language: `sv` or `en`. `--lang` before a subcommand and
    /// `TIDIG_LANG` override it. Default: Swedish under a Swedish locale, else English.
    pub language: Option<Lang>,
    /// The language of exported documents when `--lang` (or the export dialog) does not
    /// choose: `sv` or `en`. Default: Swedish under a Swedish locale, else English.
    pub export_language: Option<Lang>,
    /// The colours: `dark` (default), `light` or `high-contrast`. `NO_COLOR` in the
    /// environment turns colour off whatever this says.
    pub theme: Option<ThemeSetting>,
    /// The time zone times are shown and typed in (`Europe/Stockholm`); default: the
    /// system's (`TZ`). Stored times are UTC either way.
    pub time_zone: Option<ZoneSetting>,
    /// Where exports made from the screens are written; default: `Documents/tidig`.
    pub export_folder: Option<PathBuf>,
    /// The audience an export is for when neither `--audience` nor the export dialog
    /// chooses: `internal` or `shared`. Default: internal on the command line; on
    /// screen, shared for supplier-facing meetings and internal otherwise.
    pub export_audience: Option<crate::domain::Audience>,
    /// The first day of the week in the week view: `monday` (default) or `sunday`.
    pub week_start: Option<WeekStartSetting>,
    /// Days after its last review that a project counts as due for review again (the
    /// attention tab and the portfolio mark it). Default 14.
    pub stale_after_days: Option<u32>,
    /// Key bindings that replace the defaults: `[keys.<context>]` tables of
    /// `action = ["key", …]`. Checked against the keymap at start-up
    /// (`app::Keymap::with_overrides`); [`Config::key_overrides`] gives them with lines.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub keys: BTreeMap<String, BTreeMap<toml::Spanned<String>, Vec<String>>>,
    /// The file's text, to turn the positions of key bindings into line numbers.
    #[serde(skip)]
    source: String,
}

/// One `action = ["key", …]` line of the config's `[keys.<context>]` tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    pub context: String,
    pub action: String,
    pub keys: Vec<String>,
    /// The line of the file it is on, for messages.
    pub line: usize,
}

/// A time zone by its IANA name; any other text is refused where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ZoneSetting(pub chrono_tz::Tz);

impl TryFrom<String> for ZoneSetting {
    type Error = String;
    fn try_from(name: String) -> Result<Self, String> {
        name.parse()
            .map(ZoneSetting)
            .map_err(|_| crate::text::err_unknown_zone(&name))
    }
}

impl From<ZoneSetting> for String {
    fn from(z: ZoneSetting) -> String {
        z.0.name().to_string()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WeekStartSetting {
    Monday,
    Sunday,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeSetting {
    Dark,
    Light,
    HighContrast,
}

impl Config {
    /// The number of automatic backups to keep.
    pub fn backups_kept(&self) -> usize {
        self.backups.unwrap_or(crate::store::DEFAULT_KEEP)
    }

    /// The key bindings the file sets, in file order within each context.
    pub fn key_overrides(&self) -> Vec<KeyOverride> {
        let line_of = |at: usize| {
            self.source[..at.min(self.source.len())]
                .matches('\n')
                .count()
                + 1
        };
        let mut out: Vec<KeyOverride> = self
            .keys
            .iter()
            .flat_map(|(context, actions)| {
                actions.iter().map(move |(action, keys)| KeyOverride {
                    context: context.clone(),
                    action: action.get_ref().clone(),
                    keys: keys.clone(),
                    line: line_of(action.span().start),
                })
            })
            .collect();
        out.sort_by_key(|o| o.line);
        out
    }

    /// The attention rules' limits.
    pub fn thresholds(&self) -> crate::domain::Thresholds {
        crate::domain::Thresholds {
            stale_after_days: self
                .stale_after_days
                .unwrap_or(crate::domain::DEFAULT_STALE_AFTER_DAYS),
        }
    }

    /// The language of exports: the config's, else the locale's.
    pub fn export_lang(&self) -> Lang {
        self.export_language
            .unwrap_or_else(|| Lang::from_environment(|name| std::env::var(name).ok()))
    }
}

/// The documented default config, as `tidig config default` prints it.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.default.toml");

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("se", "tidig", "tidig")
}

/// The config file: `TIDIG_CONFIG` if set, else `config.toml` in the platform config dir.
pub fn config_path() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("TIDIG_CONFIG") {
        return Ok(PathBuf::from(p));
    }
    project_dirs()
        .map(|d| d.config_dir().join("config.toml"))
        .context(crate::text::err_no_home())
}

/// `tidig.db` in the platform data directory.
pub fn default_db_path() -> Result<PathBuf> {
    project_dirs()
        .map(|d| d.data_dir().join("tidig.db"))
        .context(crate::text::err_no_home())
}

impl Config {
    /// Reads the config file; a missing file is the default configuration.
    pub fn load(path: &Path) -> Result<Config> {
        match std::fs::read_to_string(path) {
            // toml's own message spans several lines with a snippet; keep it to one.
            Ok(text) => toml::from_str(&text)
                .map(|c: Config| Config {
                    source: text.clone(),
                    ..c
                })
                .map_err(|e| {
                    let line = e
                        .span()
                        .map(|s| text[..s.start].matches('\n').count() + 1)
                        .unwrap_or(1);
                    // The key on that line, so that a bad value is named too.
                    let key = text
                        .lines()
                        .nth(line - 1)
                        .and_then(|l| l.split_once('='))
                        .map(|(k, _)| k.trim())
                        .unwrap_or_default();
                    anyhow::anyhow!(crate::text::err_bad_config(
                        path,
                        line,
                        key,
                        e.message().trim()
                    ))
                }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(e).with_context(|| crate::text::err_cannot_read(path)),
        }
    }

    /// The store to open, given the `--db`/`TIDIG_DB` value if any.
    pub fn db_path(&self, cli: Option<&Path>) -> Result<PathBuf> {
        match (cli, &self.db) {
            (Some(p), _) => Ok(p.to_path_buf()),
            (None, Some(p)) => Ok(p.clone()),
            (None, None) => default_db_path(),
        }
    }
}

/// Where screen exports are written: `Documents/tidig` when there is a documents
/// folder, else `exports` in the data directory.
pub fn export_dir() -> Option<PathBuf> {
    directories::UserDirs::new()
        .and_then(|u| u.document_dir().map(|d| d.join("tidig")))
        .or_else(|| project_dirs().map(|d| d.data_dir().join("exports")))
}

/// Creates one of tidig's own folders (templates, backups), with any missing parents,
/// readable only by the user whatever the umask; an existing one is tightened to 0700,
/// since tidig made it. (A folder the user made, such as the one they chose for the
/// store, is never tightened.)
pub fn own_dir(dir: &Path) -> std::io::Result<()> {
    crate::ops::write::create_private_dir(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Writes `contents` to `path` whole or not at all (a private temporary file in the
/// same folder, then a rename), creating the folder privately. Returns the path written.
pub fn write_atomically(path: &Path, contents: &str) -> std::io::Result<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new("."));
    crate::ops::write::create_private_dir(dir)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let written = options
        .open(&tmp)
        .and_then(|mut f| std::io::Write::write_all(&mut f, contents.as_bytes()));
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_config_parses_and_cli_wins() {
        let c: Config = toml::from_str(DEFAULT_CONFIG).unwrap();
        assert_eq!(c, Config::default());
        let c = Config {
            db: Some("/a.db".into()),
            ..Config::default()
        };
        assert_eq!(
            c.db_path(Some(Path::new("/b.db"))).unwrap(),
            PathBuf::from("/b.db")
        );
        assert_eq!(c.db_path(None).unwrap(), PathBuf::from("/a.db"));
    }

    #[test]
    fn stale_after_days_has_a_default_and_can_be_set() {
        assert_eq!(Config::default().thresholds().stale_after_days, 14);
        let c: Config = toml::from_str("stale_after_days = 7").unwrap();
        assert_eq!(c.thresholds().stale_after_days, 7);
        // A negative or non-number value is refused, not read as the default.
        assert!(toml::from_str::<Config>("stale_after_days = -1").is_err());
        assert!(toml::from_str::<Config>("stale_after_days = \"two weeks\"").is_err());
    }

    #[test]
    fn unknown_keys_are_reported() {
        assert!(toml::from_str::<Config>("colour = \"blue\"").is_err());
    }
}
