//! The interface's language on the command line: the locale chooses it, the config's
//! `language` overrides the locale, `--lang` before the subcommand (or `TIDIG_LANG`)
//! overrides both. Documents keep their own `--lang`.

mod common;

use common::cli::{Sandbox, fails_with_one_line, stdout_of};

/// The sandbox's command with the interface's language left to the locale and config.
fn undecided(sandbox: &Sandbox) -> assert_cmd::Command {
    let mut cmd = sandbox.tidig();
    cmd.env_remove("TIDIG_LANG");
    cmd
}

#[test]
fn a_swedish_locale_gives_swedish_messages() {
    let sandbox = Sandbox::empty("Europe/Stockholm");
    let line = fails_with_one_line(undecided(&sandbox).args(["export", "needs", "NOPE-1"]));
    assert_eq!(
        line,
        "tidig: inget projekt med koden NOPE-1; `tidig list projects` visar dem"
    );
}

#[test]
fn lang_before_the_subcommand_overrides_the_locale() {
    let sandbox = Sandbox::empty("Europe/Stockholm");
    let line = fails_with_one_line(
        undecided(&sandbox).args(["--lang", "en", "export", "needs", "NOPE-1"]),
    );
    assert_eq!(
        line,
        "tidig: no project with code NOPE-1; `tidig list projects` shows them"
    );
}

#[test]
fn the_configs_language_overrides_the_locale() {
    let sandbox = Sandbox::empty("Europe/Stockholm");
    std::fs::write(sandbox.config(), "language = \"en\"\n").unwrap();
    let line = fails_with_one_line(undecided(&sandbox).args(["export", "needs", "NOPE-1"]));
    assert!(line.starts_with("tidig: no project with code"), "{line}");
    // An English locale and a Swedish config: Swedish.
    std::fs::write(sandbox.config(), "language = \"sv\"\n").unwrap();
    let mut cmd = undecided(&sandbox);
    cmd.env("LANG", "en_GB.UTF-8");
    let line = fails_with_one_line(cmd.args(["export", "needs", "NOPE-1"]));
    assert!(line.starts_with("tidig: inget projekt med koden"), "{line}");
}

#[test]
fn a_bad_language_in_the_config_names_file_line_and_key() {
    let sandbox = Sandbox::empty("Europe/Stockholm");
    std::fs::write(sandbox.config(), "theme = \"dark\"\nlanguage = \"de\"\n").unwrap();
    let line = fails_with_one_line(sandbox.tidig().args(["check"]));
    assert!(line.contains("config.toml"), "{line}");
    assert!(line.contains("(line 2, language)"), "{line}");
}

#[test]
fn help_is_swedish_under_a_swedish_locale() {
    let sandbox = Sandbox::empty("Europe/Stockholm");
    let help = stdout_of(undecided(&sandbox).args(["export", "summary", "--help"]));
    assert!(help.contains("Användning: tidig export summary"), "{help}");
    assert!(help.contains("Ett mötes Mötesanteckningar"), "{help}");
    let english = stdout_of(sandbox.tidig().args(["export", "summary", "--help"]));
    assert!(english.contains("Usage: tidig export summary"), "{english}");
}

#[test]
fn document_language_stays_its_own() {
    let sandbox = Sandbox::empty("Europe/Stockholm");
    stdout_of(sandbox.tidig().arg("demo"));
    // The interface in English, the document in Swedish (the locale's).
    let calendar = stdout_of(undecided(&sandbox).args([
        "--lang",
        "en",
        "export",
        "calendar",
        "--project",
        "LULE-25",
    ]));
    assert!(calendar.contains("Dagordning"), "{calendar}");
}
