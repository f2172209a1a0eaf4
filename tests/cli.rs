//! Command-line tests against the real `tidig` binary. Every run gets its own store,
//! config path and home folder inside a temporary directory, and a fixed clock, so the
//! user's real files are never read or written and output is deterministic.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

use common::cli::{Sandbox, fails_with_one_line, json_array, stdout_of};
#[cfg(unix)]
use common::mode;
use common::wal_of;

const DEMO_CODES: [&str; 5] = ["LULE-25", "RVB-26", "TRV-BRO", "UHEM-25", "MLM-SKOL"];

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

impl Sandbox {
    /// An empty sandbox whose runs have `TZ=UTC`.
    fn new() -> Sandbox {
        Sandbox::empty("UTC")
    }

    /// Loads the demo portfolio into the sandbox's store.
    fn demo(&self) {
        self.tidig().arg("demo").assert().success();
    }

    fn project_codes(&self, db: &Path) -> Vec<String> {
        list_json(&mut self.on(db))
            .iter()
            .map(|p| p["code"].as_str().expect("code is a string").to_string())
            .collect()
    }
}

/// Runs `list projects --json` and parses the array.
fn list_json(cmd: &mut Command) -> Vec<Value> {
    json_array(&stdout_of(cmd.args(["list", "projects", "--json"])))
}

/// Every command that opens the store must refuse `bad` and leave it byte for byte.
fn assert_every_command_refuses(sandbox: &Sandbox, bad: &Path) {
    let before = std::fs::read(bad).unwrap();
    let backup = sandbox.path("should-not-exist.db");
    let commands: [&[&str]; 5] = [
        &["list", "projects"],
        &["list", "projects", "--json"],
        &["check"],
        &["demo"],
        &["backup", "-o", backup.to_str().unwrap()],
    ];
    for args in commands {
        let line = fails_with_one_line(sandbox.on(bad).args(args));
        assert!(
            std::fs::read(bad).unwrap() == before,
            "`tidig {}` modified {}",
            args.join(" "),
            bad.display()
        );
        assert!(
            !wal_of(bad).exists(),
            "`tidig {}` left a WAL",
            args.join(" ")
        );
        assert!(!line.is_empty());
    }
    assert!(
        !backup.exists(),
        "a backup was written from a refused store"
    );
}

// ---------------------------------------------------------------------------------------
// demo and list
// ---------------------------------------------------------------------------------------

#[test]
fn demo_loads_once_and_reports_counts() {
    let sandbox = Sandbox::new();
    let first = stdout_of(sandbox.tidig().arg("demo"));
    assert!(first.contains("added: projects 5"), "{first}");
    assert!(first.contains("organisations") && first.contains("milestones"));
    assert!(first.contains(sandbox.db().to_str().unwrap()), "{first}");

    let second = stdout_of(sandbox.tidig().arg("demo"));
    assert!(
        second.contains("added: projects 0, organisations 0, people 0, milestones 0"),
        "{second}"
    );
    assert_eq!(sandbox.project_codes(&sandbox.db()).len(), 5);
}

#[test]
fn tidig_db_environment_variable_selects_the_store() {
    let sandbox = Sandbox::new();
    let db = sandbox.path("from-env.db");
    sandbox
        .bare()
        .env("TIDIG_DB", &db)
        .arg("demo")
        .assert()
        .success()
        .stdout(predicate::str::contains("added: projects 5"));
    assert!(db.exists());
    assert!(!sandbox.db().exists());

    // The same store read through the variable and through --db.
    let via_env = list_json(sandbox.bare().env("TIDIG_DB", &db)).len();
    assert_eq!(via_env, 5);
    assert_eq!(sandbox.project_codes(&db).len(), 5);
}

#[test]
fn db_flag_wins_over_the_environment_and_the_config_file() {
    let sandbox = Sandbox::new();
    let from_config = sandbox.path("from-config.db");
    std::fs::write(
        sandbox.config(),
        format!("db = {:?}\n", from_config.to_str().unwrap()),
    )
    .unwrap();

    // Config file alone.
    sandbox.bare().arg("demo").assert().success();
    assert!(from_config.exists());

    // TIDIG_DB beats the config file; --db beats both.
    let from_env = sandbox.path("from-env.db");
    let out = stdout_of(
        sandbox
            .bare()
            .env("TIDIG_DB", &from_env)
            .args(["config", "path"]),
    );
    assert!(out.contains(from_env.to_str().unwrap()), "{out}");
    let flag = sandbox.path("flag.db");
    let out = stdout_of(
        sandbox
            .bare()
            .env("TIDIG_DB", &from_env)
            .arg("--db")
            .arg(&flag)
            .args(["config", "path"]),
    );
    assert!(out.contains(flag.to_str().unwrap()), "{out}");
    assert!(!out.contains(from_env.to_str().unwrap()), "{out}");
}

#[test]
fn list_projects_json_is_an_array_with_ids_uuids_codes_and_titles() {
    let sandbox = Sandbox::new();
    sandbox.demo();
    let projects = list_json(&mut sandbox.tidig());
    assert_eq!(projects.len(), 5);
    for p in &projects {
        assert!(p["id"].is_i64(), "{p}");
        assert_eq!(p["uuid"].as_str().map(str::len), Some(36), "{p}");
        assert!(p["code"].is_string(), "{p}");
        assert!(!p["title"].as_str().unwrap_or_default().is_empty(), "{p}");
    }
    let codes = sandbox.project_codes(&sandbox.db());
    for code in DEMO_CODES {
        assert!(
            codes.iter().any(|c| c == code),
            "{code} missing from {codes:?}"
        );
    }
    let lule = projects.iter().find(|p| p["code"] == "LULE-25").unwrap();
    assert_eq!(lule["buyer_name"], "Luleå kommun");
}

#[test]
fn list_projects_json_on_an_empty_store_is_an_empty_array() {
    let sandbox = Sandbox::new();
    assert!(list_json(&mut sandbox.tidig()).is_empty());
}

#[test]
fn list_projects_prints_one_line_per_project() {
    let sandbox = Sandbox::new();
    sandbox.demo();
    let out = stdout_of(sandbox.tidig().args(["list", "projects"]));
    let lines: Vec<_> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    for code in DEMO_CODES {
        assert_eq!(
            lines.iter().filter(|l| l.starts_with(code)).count(),
            1,
            "{code} in {out}"
        );
    }
    let lule = lines.iter().find(|l| l.starts_with("LULE-25")).unwrap();
    assert!(
        lule.contains("Trygg hemtjänst med digital tillsyn"),
        "{lule}"
    );
    assert!(lule.contains("Luleå kommun"), "{lule}");
}

// ---------------------------------------------------------------------------------------
// backup and check
// ---------------------------------------------------------------------------------------

#[test]
fn backup_to_a_file_is_private_and_holds_the_same_projects() {
    let sandbox = Sandbox::new();
    sandbox.demo();
    let dest = sandbox.path("copy.db");
    let out = stdout_of(sandbox.tidig().arg("backup").arg("-o").arg(&dest));
    assert_eq!(out.trim_end(), dest.to_str().unwrap());
    assert!(dest.exists());
    #[cfg(unix)]
    assert_eq!(mode(&dest), 0o600);

    assert_eq!(
        sandbox.project_codes(&dest),
        sandbox.project_codes(&sandbox.db())
    );
    sandbox
        .on(&dest)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok"));
}

#[test]
fn backup_never_overwrites_an_existing_file() {
    let sandbox = Sandbox::new();
    sandbox.demo();
    let dest = sandbox.path("precious.db");
    std::fs::write(&dest, "mina anteckningar").unwrap();
    let line = fails_with_one_line(sandbox.tidig().arg("backup").arg("-o").arg(&dest));
    assert!(line.contains("precious.db"), "{line}");
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), "mina anteckningar");
}

#[test]
fn backup_without_output_goes_to_backups_beside_the_store() {
    let sandbox = Sandbox::new();
    sandbox.demo();
    let out = stdout_of(sandbox.tidig().arg("backup"));
    let written = PathBuf::from(out.trim_end());
    let backups = sandbox.path("backups");
    assert_eq!(written.parent(), Some(backups.as_path()), "{out}");
    assert_eq!(
        written.file_name().unwrap().to_str().unwrap(),
        "tidig-20261126-120000.db",
        "named after TIDIG_NOW"
    );
    assert!(written.exists());
    #[cfg(unix)]
    {
        assert_eq!(mode(&written), 0o600);
        assert_eq!(mode(&backups), 0o700);
    }
    assert_eq!(sandbox.project_codes(&written).len(), 5);

    // A second backup in the same second would overwrite the first; it is refused.
    let before = std::fs::read(&written).unwrap();
    fails_with_one_line(sandbox.tidig().arg("backup"));
    assert!(std::fs::read(&written).unwrap() == before);
}

#[test]
fn check_prints_ok_on_a_healthy_store() {
    let sandbox = Sandbox::new();
    sandbox.demo();
    sandbox
        .tidig()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok"));
}

#[test]
fn check_creates_and_accepts_a_new_empty_store() {
    let sandbox = Sandbox::new();
    let db = sandbox.path("new/folder/t.db");
    sandbox
        .on(&db)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("ok"));
    assert!(db.exists());
    #[cfg(unix)]
    {
        assert_eq!(mode(&db), 0o600);
        assert_eq!(mode(db.parent().unwrap()), 0o700);
    }
}

// ---------------------------------------------------------------------------------------
// Refusals: a file that is not ours, newer or damaged is never written to
// ---------------------------------------------------------------------------------------

#[test]
fn a_text_file_is_refused_and_left_untouched() {
    let sandbox = Sandbox::new();
    let bad = sandbox.path("notes.txt");
    std::fs::write(&bad, "hello\n").unwrap();
    assert_every_command_refuses(&sandbox, &bad);
    let line = fails_with_one_line(sandbox.on(&bad).arg("check"));
    assert!(line.contains("not a tidig database"), "{line}");
}

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    let sandbox = Sandbox::new();
    sandbox.demo();
    {
        let conn = rusqlite::Connection::open(sandbox.db()).unwrap();
        conn.execute_batch("PRAGMA user_version = 999").unwrap();
    }
    assert_every_command_refuses(&sandbox, &sandbox.db());
    let line = fails_with_one_line(sandbox.tidig().args(["list", "projects"]));
    assert!(line.contains("newer"), "{line}");
    assert!(line.contains("999"), "{line}");
}

#[test]
fn a_damaged_store_fails_list_and_check_and_is_left_untouched() {
    let sandbox = Sandbox::new();
    sandbox.demo();
    let db = sandbox.db();
    let mut bytes = std::fs::read(&db).unwrap();
    assert!(bytes.len() > 6096);
    bytes[4096..6096].fill(0xAB);
    std::fs::write(&db, &bytes).unwrap();

    for args in [&["list", "projects"][..], &["check"][..]] {
        fails_with_one_line(sandbox.tidig().args(args));
        assert!(
            std::fs::read(&db).unwrap() == bytes,
            "`tidig {}` modified the damaged store",
            args.join(" ")
        );
        assert!(!wal_of(&db).exists());
    }
}

#[test]
fn a_store_with_a_damaged_schema_page_is_refused_by_every_command() {
    let sandbox = Sandbox::new();
    sandbox.demo();
    let db = sandbox.db();
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[100..1100].fill(0xAB);
    std::fs::write(&db, &bytes).unwrap();
    assert_every_command_refuses(&sandbox, &db);
}

/// DESIGN §7: "a corrupt or newer database is never overwritten". A store damaged past
/// page 1 is opened, and `tidig demo` then writes to it.
#[test]
fn a_store_with_damaged_data_pages_is_refused_by_every_command() {
    let sandbox = Sandbox::new();
    sandbox.demo();
    let db = sandbox.db();
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[4096..6096].fill(0xAB);
    std::fs::write(&db, &bytes).unwrap();
    assert_every_command_refuses(&sandbox, &db);
}

// ---------------------------------------------------------------------------------------
// config and environment
// ---------------------------------------------------------------------------------------

#[test]
fn config_path_prints_the_config_file_and_the_store() {
    let sandbox = Sandbox::new();
    let out = stdout_of(sandbox.tidig().args(["config", "path"]));
    let config_line = out.lines().find(|l| l.starts_with("config:")).unwrap();
    let store_line = out.lines().find(|l| l.starts_with("store:")).unwrap();
    assert!(
        config_line.ends_with(sandbox.config().to_str().unwrap()),
        "{out}"
    );
    assert!(
        store_line.ends_with(sandbox.db().to_str().unwrap()),
        "{out}"
    );
    assert!(
        !sandbox.db().exists(),
        "config path must not create the store"
    );
}

#[test]
fn config_default_mentions_the_db_key() {
    let sandbox = Sandbox::new();
    sandbox
        .tidig()
        .args(["config", "default"])
        .assert()
        .success()
        .stdout(predicate::str::contains("db"));
}

#[test]
fn config_default_output_is_a_valid_config_file() {
    let sandbox = Sandbox::new();
    let default = stdout_of(sandbox.tidig().args(["config", "default"]));
    std::fs::write(sandbox.config(), default).unwrap();
    sandbox.tidig().arg("check").assert().success();
}

#[test]
fn an_invalid_config_file_is_reported_clearly() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.config(), "nonsense = 1\n").unwrap();
    let out = sandbox
        .tidig()
        .args(["list", "projects"])
        .assert()
        .failure()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let first = stderr.lines().next().unwrap_or_default();
    assert!(first.starts_with("tidig:"), "{stderr}");
    assert!(
        first.contains(sandbox.config().to_str().unwrap()),
        "{stderr}"
    );
    assert!(first.contains("not a valid tidig config"), "{stderr}");
    assert!(stderr.contains("nonsense"), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(
        !sandbox.db().exists(),
        "nothing is opened with a bad config"
    );
}

/// DESIGN §5: non-zero exit "with a one-line reason on stderr". The toml error's
/// Display is a multi-line snippet with a caret, printed as is by `main`.
#[test]
fn an_invalid_config_file_gives_a_one_line_reason() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.config(), "nonsense = 1\n").unwrap();
    let line = fails_with_one_line(sandbox.tidig().args(["list", "projects"]));
    assert!(line.contains("nonsense"), "{line}");
}

#[test]
fn a_bad_tidig_now_is_refused() {
    let sandbox = Sandbox::new();
    let line = fails_with_one_line(
        sandbox
            .tidig()
            .env("TIDIG_NOW", "igår klockan tolv")
            .args(["list", "projects"]),
    );
    assert!(line.contains("TIDIG_NOW"), "{line}");
}

#[test]
fn tidig_now_with_an_offset_is_used_as_utc() {
    let sandbox = Sandbox::new();
    sandbox.demo();
    let out = stdout_of(
        sandbox
            .tidig()
            .env("TIDIG_NOW", "2026-11-26T13:00:00+01:00")
            .arg("backup"),
    );
    assert!(
        out.trim_end().ends_with("tidig-20261126-120000.db"),
        "{out}"
    );
}
