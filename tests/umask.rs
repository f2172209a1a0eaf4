//! Every file and folder tidig creates is 0600/0700 whatever the umask. This binary
//! holds one test, because it sets the process's umask to 000 (the widest), which would
//! race with other tests in the same process; the CLI runs set it for the child with
//! `sh -c 'umask 000; exec …'`.
#![cfg(unix)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::cli::Sandbox;
use common::mode;
use common::store::block;

fn set_mode(path: &Path, m: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(m)).unwrap();
}

/// `tidig ARGS` under `umask 000`, in the sandbox's environment.
fn tidig_under_umask_000(sandbox: &Sandbox, db: &Path, args: &[&str]) -> String {
    let bin = assert_cmd::cargo::cargo_bin!("tidig");
    let cmd = sandbox.on(db);
    // Same environment, but run through a shell that widens the umask first.
    let mut line = format!(
        "umask 000; exec '{}' --db '{}'",
        bin.display(),
        db.display()
    );
    for a in args {
        line.push_str(&format!(" '{a}'"));
    }
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(line)
        .envs(cmd.get_envs().filter_map(|(k, v)| v.map(|v| (k, v))))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn files_and_folders_are_private_under_umask_000() {
    let sandbox = Sandbox::empty("UTC");

    // The store, its new folder and the backups folder, from the command line.
    let db = sandbox.path("new/folder/t.db");
    tidig_under_umask_000(&sandbox, &db, &["demo"]);
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(&sandbox.path("new/folder")), 0o700);
    assert_eq!(mode(&sandbox.path("new")), 0o700);
    let backup = tidig_under_umask_000(&sandbox, &db, &["backup"]);
    let backup = Path::new(backup.trim());
    assert_eq!(mode(backup), 0o600);
    assert_eq!(mode(backup.parent().unwrap()), 0o700);
    // An export to a file.
    let ics = sandbox.path("new/cal.ics");
    tidig_under_umask_000(
        &sandbox,
        &db,
        &["export", "calendar", "-o", ics.to_str().unwrap()],
    );
    assert_eq!(mode(&ics), 0o600);

    // A folder the user made is never tightened.
    let users = sandbox.path("users-folder");
    std::fs::create_dir(&users).unwrap();
    set_mode(&users, 0o755);
    tidig_under_umask_000(&sandbox, &users.join("t.db"), &["demo"]);
    assert_eq!(mode(&users), 0o755);
    assert_eq!(mode(&users.join("t.db")), 0o600);

    // In this process: agenda templates and their folders, tidig's own folders (an
    // existing one is tightened) and the config helper's files.
    // SAFETY: umask only sets the process's file-creation mask; this binary's only test.
    let old = unsafe { libc::umask(0) };
    let config_dir = sandbox.path("config/tidig");
    let templates = tidig::templates::user_dir(&config_dir);
    let saved =
        tidig::templates::save(&templates, "Workshop", None, &[block("Intro", 10)]).unwrap();
    assert_eq!(mode(&saved), 0o600);
    assert_eq!(mode(&templates), 0o700);
    assert_eq!(mode(&config_dir), 0o700);

    let own = sandbox.path("own");
    std::fs::create_dir(&own).unwrap();
    set_mode(&own, 0o777);
    tidig::config::own_dir(&own).unwrap();
    assert_eq!(mode(&own), 0o700);

    let written = tidig::config::write_atomically(&sandbox.path("cfg/a.toml"), "x = 1").unwrap();
    assert_eq!(mode(&written), 0o600);
    assert_eq!(mode(&sandbox.path("cfg")), 0o700);
    unsafe { libc::umask(old) };
}
