//! Stored control characters never reach the terminal raw through `tidig list`:
//! escape sequences, OSC title and clipboard writes are shown escaped, and
//! bidirectional overrides are named.

mod common;

use common::cli::{Sandbox, stdout_of};

const HOSTILE: &str =
    "Titel\u{1b}]0;pwned\u{7}\u{1b}]52;c;aGVq\u{7}\u{1b}[2J\u{9b}31m\u{202E}txt.exe\u{2066}🙂";

#[test]
fn list_shows_control_and_bidi_characters_escaped() {
    let sandbox = Sandbox::empty("UTC");
    sandbox.tidig().arg("demo").assert().success();
    {
        let conn = rusqlite::Connection::open(sandbox.db()).unwrap();
        conn.execute("UPDATE projects SET title = ?1", [HOSTILE])
            .unwrap();
        conn.execute("UPDATE meetings SET title = ?1", [HOSTILE])
            .unwrap();
        conn.execute("UPDATE needs SET statement = ?1", [HOSTILE])
            .unwrap();
        conn.execute("UPDATE suggestions SET title = ?1", [HOSTILE])
            .unwrap();
    }
    for what in ["projects", "meetings", "needs", "suggestions"] {
        let out = stdout_of(sandbox.tidig().args(["list", what]));
        for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202E}', '\u{2066}'] {
            assert!(!out.contains(bad), "{what}: {bad:?} reached the terminal");
        }
        assert!(out.contains("⟨RLO⟩txt.exe⟨LRI⟩🙂"), "{what}: {out}");
        assert!(out.contains("\\u{1b}]0;pwned\\u{7}"), "{what}: {out}");
        // JSON keeps the text exactly (escaped by serde).
        let json = stdout_of(sandbox.tidig().args(["list", what, "--json"]));
        assert!(!json.contains('\u{1b}'), "{what}");
    }
}
