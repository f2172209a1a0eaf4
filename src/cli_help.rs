//! `--help` in the interface's language. clap takes the English texts from the doc
//! comments of `cli::Cli`; the Swedish ones come from `[cli]` in the catalog, keyed by
//! the subcommand's path (`export.summary`) and the argument's id
//! (`export.summary.format`), with `arg.<id>` for an argument that means the same
//! everywhere. clap's own error messages stay in English.

use clap::{Arg, ArgAction, Command, CommandFactory};

use crate::catalog::{self, Lang};
use crate::cli::Cli;

/// The command line, its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let cmd = Cli::command();
    match lang {
        Lang::En => cmd,
        Lang::Sv => translate(cmd, "", lang).disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(word(lang, "version")),
        ),
    }
}

/// The interface's language as far as it can be known before the command line is
/// parsed: `--lang` before the subcommand, `TIDIG_LANG`, the config's `language`,
/// the locale. `run` settles it again once everything is read.
pub fn language_before_parsing(args: &[String]) -> Lang {
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Lang::parse(value).unwrap_or(Lang::En);
        }
        match arg.as_str() {
            "--lang" => return rest.next().and_then(|v| Lang::parse(v)).unwrap_or(Lang::En),
            "--db" => {
                rest.next();
            }
            a if a.starts_with('-') => {}
            // The subcommand: its own `--lang` is a document's.
            _ => break,
        }
    }
    if let Some(lang) = std::env::var("TIDIG_LANG")
        .ok()
        .and_then(|v| Lang::parse(&v))
    {
        return lang;
    }
    let configured = crate::config::config_path()
        .ok()
        .and_then(|path| crate::config::Config::load(&path).ok())
        .and_then(|config| config.language);
    configured.unwrap_or_else(|| Lang::from_environment(|name| std::env::var(name).ok()))
}

fn word(lang: Lang, key: &str) -> &'static str {
    catalog::text(lang, "cli", key)
}

/// A subcommand's key in `[cli]`: `export.summary`; the top command's is empty.
fn path_of(cmd: &Command, parent: &str) -> String {
    if parent.is_empty() && cmd.get_name() == "tidig" {
        String::new()
    } else if parent.is_empty() {
        cmd.get_name().to_string()
    } else {
        format!("{parent}.{}", cmd.get_name())
    }
}

fn translate(mut cmd: Command, parent: &str, lang: Lang) -> Command {
    let words = catalog::section(lang, "cli");
    let path = path_of(&cmd, parent);
    let about_key = if path.is_empty() {
        "tidig"
    } else {
        path.as_str()
    };
    if let Some(about) = words.get(about_key) {
        cmd = cmd.about(*about).long_about(None);
    }
    cmd = cmd
        .help_template(word(lang, "template"))
        .subcommand_help_heading(word(lang, "heading_commands"))
        .next_help_heading(word(lang, "heading_options"))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(word(lang, "help")),
        );
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| id != "help")
        .collect();
    for id in ids {
        let key = if path.is_empty() {
            id.clone()
        } else {
            format!("{path}.{id}")
        };
        let help = words
            .get(key.as_str())
            .or_else(|| words.get(format!("arg.{id}").as_str()));
        if let Some(help) = help {
            let help: &'static str = help;
            cmd = cmd.mut_arg(id, |a| {
                let heading = if a.is_positional() {
                    "heading_arguments"
                } else {
                    "heading_options"
                };
                a.help(help)
                    .long_help(None)
                    .help_heading(word(lang, heading))
            });
        }
    }
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subcommands {
        cmd = cmd.mut_subcommand(name, |s| translate(s, &path, lang));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every subcommand and argument of the command line, as `[cli]` keys.
    fn keys(cmd: &Command, parent: &str, out: &mut Vec<(String, String)>) {
        let path = path_of(cmd, parent);
        out.push((
            if path.is_empty() {
                "tidig".into()
            } else {
                path.clone()
            },
            String::new(),
        ));
        for arg in cmd.get_arguments() {
            let id = arg.get_id().to_string();
            if id == "help" || id == "version" {
                continue;
            }
            let key = if path.is_empty() {
                id.clone()
            } else {
                format!("{path}.{id}")
            };
            out.push((key, format!("arg.{id}")));
        }
        for sub in cmd.get_subcommands() {
            keys(sub, &path, out);
        }
    }

    #[test]
    fn every_subcommand_and_argument_has_swedish_help() {
        let mut all = Vec::new();
        keys(&Cli::command(), "", &mut all);
        let words = catalog::section(Lang::Sv, "cli");
        let missing: Vec<&String> = all
            .iter()
            .filter(|(key, generic)| {
                !words.contains_key(key.as_str()) && !words.contains_key(generic.as_str())
            })
            .map(|(key, _)| key)
            .collect();
        assert!(missing.is_empty(), "[cli] in sv.toml lacks {missing:?}");
    }

    #[test]
    fn swedish_help_reads_swedish() {
        let mut cmd = command(Lang::Sv);
        let help = cmd.render_help().to_string();
        assert!(help.contains("Användning"), "{help}");
        assert!(help.contains("Kommandon"), "{help}");
        let export = cmd
            .find_subcommand_mut("export")
            .and_then(|c| c.find_subcommand_mut("summary"))
            .expect("export summary")
            .render_help()
            .to_string();
        assert!(export.contains("Mötesanteckningar"), "{export}");
        assert!(!export.contains("Output format"), "{export}");
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            language_before_parsing(&args(&["tidig", "--lang", "sv", "--help"])),
            Lang::Sv
        );
        assert_eq!(
            language_before_parsing(&args(&["tidig", "--db", "x.db", "--lang=en", "check"])),
            Lang::En
        );
    }
}
