//! The config file as a user meets it: a remapped key in the real binary, the printed
//! default read back, and mistakes that stop start-up with the file and line.

mod common;

use common::cli::Sandbox;
use common::pty::{Env, Spawn};

const CTRL_Q: &[u8] = b"\x11";

#[test]
fn a_remapped_key_replaces_the_default_and_the_footer_shows_it() {
    let env = Env::with(Spawn::default());
    std::fs::write(
        env.config(),
        "[keys.global]\nquit = [\"Ctrl-Q\"]\n\n[keys.welcome]\nnew = [\"a\"]\n",
    )
    .unwrap();
    let mut s = env.spawn();
    s.wait_for("Welcome to tidig");
    common::pty::wait_until(
        s.parser(),
        "the footer's new keys",
        common::pty::TIMEOUT,
        |screen| screen.contains("Ctrl-Q") && screen.contains("a new"),
    );
    // q no longer quits, n no longer starts a project; a does.
    s.send(b"q");
    s.send(b"n");
    s.send(b"a");
    s.wait_for("New project");
    s.send_esc();
    common::pty::wait_until(
        s.parser(),
        "the form closed",
        common::pty::TIMEOUT,
        |screen| !screen.contains("New project"),
    );
    s.send(CTRL_Q);
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_terminal_restored();
}

#[test]
fn the_printed_default_config_is_complete_and_reads_back() {
    let s = Sandbox::empty("UTC");
    let printed = common::cli::stdout_of(s.bare().args(["config", "default"]));
    for setting in ["db", "backups", "export_language", "theme"] {
        assert!(printed.contains(&format!("# {setting} = ")), "{setting}");
    }
    assert!(printed.contains("[keys.global]\nquit "), "{printed}");
    assert!(printed.contains("[keys.note_editor]"), "{printed}");
    std::fs::write(s.config(), &printed).unwrap();
    s.tidig().arg("check").assert().success();
}

#[test]
fn mistakes_stop_start_up_with_the_file_line_and_key() {
    let s = Sandbox::empty("UTC");
    for (config, line, words) in [
        ("# mine\ncolour = \"red\"\n", 2, &["colour"][..]),
        (
            "theme = \"light\"\nbackups = \"many\"\n",
            2,
            &["backups"][..],
        ),
        (
            "[keys.portfolio]\nopen = [\"Hyper-o\"]\n",
            2,
            &["Hyper-o"][..],
        ),
        (
            "\n[keys.portfolio]\nopen = [\"n\"]\n",
            3,
            &["open", "new"][..],
        ),
        ("[keys.nowhere]\nquit = [\"q\"]\n", 2, &["nowhere"][..]),
    ] {
        std::fs::write(s.config(), config).unwrap();
        let out = s
            .tidig()
            .arg("check")
            .assert()
            .failure()
            .get_output()
            .clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("config.toml"), "{err}");
        assert!(err.contains(&format!("line {line}")), "{config}: {err}");
        for w in words {
            assert!(err.contains(w), "{config}: {err}");
        }
        // The default can still be printed, to mend the file with.
        let default = common::cli::stdout_of(s.tidig().args(["config", "default"]));
        assert!(default.contains("[keys.global]"));
    }
}

#[test]
fn settings_change_what_the_commands_do() {
    let s = Sandbox::empty("Europe/Stockholm");
    s.tidig().arg("demo").assert().success();
    // The demo's steering group meets 10:00–11:30 in Stockholm on 24 November.
    let id = "2";
    let md = s.run(&["export", "agenda", id]);
    assert!(md.contains("10:00–11:30"), "{md}");
    // The zone: the same agenda in New York time.
    std::fs::write(s.config(), "time_zone = \"America/New_York\"\n").unwrap();
    let md = s.run(&["export", "agenda", id]);
    assert!(md.contains("04:00–05:30"), "{md}");
    // The default audience: shared unless the command line says otherwise.
    std::fs::write(s.config(), "export_audience = \"shared\"\n").unwrap();
    let shared = s.run(&["export", "summary", id]);
    assert!(shared.contains("Extern version"), "{shared}");
    let internal = s.run(&["export", "summary", id, "--audience", "internal"]);
    assert!(!internal.contains("Extern version"), "{internal}");
    // The export language from the config wins over the locale.
    std::fs::write(s.config(), "export_language = \"en\"\n").unwrap();
    let en = s.run(&["export", "agenda", id]);
    assert!(en.contains("**When:**"), "{en}");
    // A zone that does not exist is named, with its line.
    std::fs::write(s.config(), "\ntime_zone = \"Europe/Lund\"\n").unwrap();
    let out = s
        .tidig()
        .arg("check")
        .assert()
        .failure()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("line 2") && err.contains("Europe/Lund"),
        "{err}"
    );
}
