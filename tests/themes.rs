//! Themes and language in the real binary: `NO_COLOR` draws without a single colour (selection still
//! shows, by reverse video), the configured theme changes the colours, and the locale
//! chooses the interface's language.

mod common;

use common::pty::{Env, Session, Spawn};

fn env_with(vars: Vec<(&'static str, String)>) -> Env {
    let env = Env::with(Spawn {
        env: vars,
        ..Spawn::default()
    });
    assert_cmd::cargo::cargo_bin_cmd!("tidig")
        .arg("--db")
        .arg(env.db())
        .env("TIDIG_CONFIG", env.config())
        .env("TIDIG_NOW", common::NOW)
        .arg("demo")
        .assert()
        .success();
    env
}

/// Every SGR parameter list in the raw output that sets a colour (foreground,
/// background or underline; resets to the default colour do not count).
fn colour_sequences(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let mut found = Vec::new();
    for part in text.split("\x1b[").skip(1) {
        let Some(end) = part.find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':')) else {
            continue;
        };
        if !part[end..].starts_with('m') {
            continue;
        }
        let params = &part[..end];
        let sets_colour = params.split([';', ':']).any(|p| {
            matches!(
                p.parse::<u16>(),
                Ok(30..=38 | 40..=48 | 58 | 90..=97 | 100..=107)
            )
        });
        if sets_colour {
            found.push(params.to_string());
        }
    }
    found
}

fn portfolio(s: &Session) {
    s.wait_for("LULE-25");
}

#[test]
fn no_color_draws_no_colour_and_still_shows_the_selection() {
    let env = env_with(vec![("NO_COLOR", "1".into())]);
    let mut s = env.spawn();
    portfolio(&s);
    // Move about so that more is drawn: the selection, a project, back.
    s.send(b"j");
    s.send(b"\r");
    s.wait_for("Overview");
    s.send_esc();
    portfolio(&s);
    {
        let parser = s.parser().lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let (rows, cols) = (rows.get(), cols.get());
        let mut reversed = 0;
        for row in 0..rows {
            for col in 0..cols {
                let cell = screen.cell(row, col).unwrap();
                assert_eq!(cell.fgcolor(), vt100::Color::Default, "({row},{col})");
                assert_eq!(cell.bgcolor(), vt100::Color::Default, "({row},{col})");
                reversed += usize::from(cell.inverse());
            }
        }
        assert!(reversed > 10, "the selected row is shown in reverse video");
    }
    let raw = s.out.raw.lock().unwrap().clone();
    assert_eq!(colour_sequences(&raw), Vec::<String>::new());
    s.send(b"q");
    assert!(s.wait_exit().success());
}

#[test]
fn without_no_color_there_is_colour_and_the_light_theme_changes_it() {
    let dark = env_with(vec![]);
    let s = dark.spawn();
    portfolio(&s);
    let raw = s.out.raw.lock().unwrap().clone();
    assert!(
        !colour_sequences(&raw).is_empty(),
        "the dark theme has colour"
    );
    drop(s);

    // An empty NO_COLOR counts as unset; the config's light theme applies.
    let light = env_with(vec![("NO_COLOR", String::new())]);
    std::fs::write(light.config(), "theme = \"light\"\n").unwrap();
    let s = light.spawn();
    portfolio(&s);
    let parser = s.parser().lock().unwrap();
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    let colours: Vec<vt100::Color> = (0..rows.get())
        .flat_map(|r| (0..cols.get()).map(move |c| (r, c)))
        .map(|(r, c)| screen.cell(r, c).unwrap().fgcolor())
        .collect();
    // Light uses blue for titles, never the dark theme's cyan (6) or yellow (3).
    assert!(colours.contains(&vt100::Color::Idx(4)), "{colours:?}");
    assert!(!colours.contains(&vt100::Color::Idx(6)), "{colours:?}");
    assert!(!colours.contains(&vt100::Color::Idx(3)), "{colours:?}");
}

#[test]
fn an_unknown_theme_stops_start_up_with_the_file_and_line() {
    let env = env_with(vec![]);
    std::fs::write(env.config(), "# mine\ntheme = \"pink\"\n").unwrap();
    let out = assert_cmd::cargo::cargo_bin_cmd!("tidig")
        .arg("--db")
        .arg(env.db())
        .env("TIDIG_CONFIG", env.config())
        .arg("check")
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        err.contains("config.toml") && err.contains("line 2"),
        "{err}"
    );
}

/// The real binary under a Swedish locale (no `TIDIG_LANG`): the screens are Swedish.
#[test]
fn a_swedish_locale_draws_the_swedish_interface() {
    let env = env_with(vec![("TIDIG_LANG", "sv".into())]);
    let mut s = env.spawn();
    portfolio(&s);
    s.wait_for("Portfölj");
    s.wait_for("q avsluta");
    s.send(b"?");
    s.wait_for("Tangenter");
    let screen = s.screen();
    assert!(screen.contains("avsluta"), "{screen}");
    assert!(!screen.contains(" quit"), "{screen}");
}
