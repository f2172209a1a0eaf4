//! The real `tidig` binary run as a command. Every run gets its own store, config path
//! and home folder inside a temporary directory (a sandbox), a fixed clock and a fixed
//! zone, so the user's real files are never read or written and output is
//! deterministic.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

use super::{NOW, dir_entries};

/// A sandbox: a temporary folder holding the store, the config file and a fake home.
pub struct Sandbox {
    pub dir: TempDir,
    /// `TZ` for every run.
    tz: &'static str,
}

impl Sandbox {
    /// An empty sandbox whose runs have `TZ=tz`.
    pub fn empty(tz: &'static str) -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
            tz,
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn db(&self) -> PathBuf {
        self.path("t.db")
    }

    pub fn config(&self) -> PathBuf {
        self.path("config.toml")
    }

    /// `tidig` with the sandbox's environment but no store chosen.
    pub fn bare(&self) -> Command {
        let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("tidig");
        let home = self.path("home");
        // A Swedish user's locale, whatever the machine's: it chooses the exports'
        // language. The interface's messages in English, as the tests read them
        // (`env("TIDIG_LANG", "sv")` on a command tries the Swedish ones).
        cmd.env_remove("TIDIG_DB")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "sv_SE.UTF-8")
            .env("TIDIG_LANG", "en")
            .env("TIDIG_CONFIG", self.config())
            .env("TIDIG_NOW", NOW)
            .env("TZ", self.tz)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"));
        cmd
    }

    /// `tidig --db DB` in the sandbox.
    pub fn on(&self, db: &Path) -> Command {
        let mut cmd = self.bare();
        cmd.arg("--db").arg(db);
        cmd
    }

    /// `tidig --db <sandbox>/t.db`.
    pub fn tidig(&self) -> Command {
        self.on(&self.db())
    }

    /// Runs `tidig --db <sandbox>/t.db ARGS`, asserts success and returns stdout.
    pub fn run(&self, args: &[&str]) -> String {
        stdout_of(self.tidig().args(args))
    }

    /// Runs `tidig --db <sandbox>/t.db ARGS` and asserts a refusal (see
    /// [`fails_with_one_line`]); returns the line.
    pub fn refuses(&self, args: &[&str]) -> String {
        fails_with_one_line(self.tidig().args(args))
    }

    /// Runs an export with `-o <sandbox>/FILE`, checks that it prints the path, and
    /// returns the file.
    pub fn export_to(&self, args: &[&str], file: &str) -> Vec<u8> {
        let path = self.path(file);
        let mut all: Vec<&str> = args.to_vec();
        let p = path.to_str().unwrap();
        all.extend(["-o", p]);
        let out = self.run(&all);
        assert_eq!(out.trim_end(), p, "prints the written path");
        std::fs::read(&path).expect("the file is written")
    }

    /// The names in the sandbox folder, sorted.
    pub fn files(&self) -> Vec<String> {
        dir_entries(self.dir.path())
    }
}

/// Runs `cmd`, asserts success and returns stdout.
pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("stdout is UTF-8")
}

/// Asserts a refusal: non-zero exit, nothing on stdout, and exactly one line on stderr
/// starting with "tidig: ". Returns that line.
pub fn fails_with_one_line(cmd: &mut Command) -> String {
    let out = cmd.assert().failure().get_output().clone();
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    assert!(stderr.starts_with("tidig: "), "stderr: {stderr:?}");
    assert!(
        stderr.ends_with('\n') && stderr.matches('\n').count() == 1,
        "stderr is not exactly one line: {stderr:?}"
    );
    assert!(out.stdout.is_empty(), "stdout on failure: {:?}", out.stdout);
    stderr.trim_end().to_string()
}

/// `text` parsed as a JSON array.
pub fn json_array(text: &str) -> Vec<Value> {
    match serde_json::from_str(text).expect("JSON output") {
        Value::Array(items) => items,
        other => panic!("expected a JSON array, got {other}"),
    }
}
