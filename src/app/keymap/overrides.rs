//! Key bindings from the config file: `[keys.<context>]` tables of
//! `action = ["key", …]`, each replacing the default keys of that action in that
//! context. Keys are written as help shows them (`q`, `Enter`, `Ctrl-P`, `Alt-d`, `F5`,
//! `Shift-Tab`, `PgDn`), so `tidig config default` prints every binding in a form this
//! reads back.

use crossterm::event::{KeyCode, KeyModifiers};
use strum::IntoEnumIterator;

use super::{Binding, Context, Key, Keymap};
use crate::app::action::Action;
use crate::config::KeyOverride;

/// Why the config's key bindings cannot be used, and on which line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyConfigError {
    pub line: usize,
    pub message: String,
}

impl Context {
    /// The name in the config file: `portfolio`, `meeting_notes` …
    pub fn name(self) -> &'static str {
        self.into()
    }

    fn named(name: &str) -> Option<Context> {
        Context::iter().find(|c| c.name() == name)
    }
}

impl Action {
    /// The name in the config file: `quit`, `cycle_sort` …
    pub fn name(self) -> &'static str {
        self.into()
    }

    fn named(name: &str) -> Option<Action> {
        Action::iter().find(|a| a.name() == name)
    }
}

impl Key {
    /// A key as [`Key::display`] writes it, in any letter case for names and
    /// modifiers: `q`, `G`, `Space`, `Enter`, `Ctrl-S`, `alt-d`, `F5`, `Shift-Tab`, `↑`
    /// (or `Up`).
    pub fn parse(text: &str) -> Option<Key> {
        let (modifiers, base) = split_modifier(text);
        let code = match base.to_ascii_lowercase().as_str() {
            _ if base.chars().count() == 1 => {
                let c = base.chars().next()?;
                match c {
                    '↑' => KeyCode::Up,
                    '↓' => KeyCode::Down,
                    '←' => KeyCode::Left,
                    '→' => KeyCode::Right,
                    // Ctrl chords are stored with the lower-case letter.
                    c if modifiers.contains(KeyModifiers::CONTROL) => {
                        KeyCode::Char(c.to_ascii_lowercase())
                    }
                    c => KeyCode::Char(c),
                }
            }
            "space" => KeyCode::Char(' '),
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "del" | "delete" => KeyCode::Delete,
            "backspace" => KeyCode::Backspace,
            f if f.starts_with('f') => {
                let n: u8 = f[1..].parse().ok()?;
                if !(1..=24).contains(&n) {
                    return None;
                }
                KeyCode::F(n)
            }
            _ => return None,
        };
        Some(Key { code, modifiers })
    }
}

/// `Ctrl-S` → (CONTROL, `S`); `Shift-Tab` is a key of its own, not a modifier.
fn split_modifier(text: &str) -> (KeyModifiers, &str) {
    let lower = text.to_ascii_lowercase();
    for (prefix, modifier) in [
        ("ctrl-", KeyModifiers::CONTROL),
        ("alt-", KeyModifiers::ALT),
    ] {
        if lower.starts_with(prefix) && text.len() > prefix.len() {
            return (modifier, &text[prefix.len()..]);
        }
    }
    (KeyModifiers::NONE, text)
}

impl Keymap {
    /// The defaults with the config's bindings in place of the default keys of the
    /// same action and context. A context, action or key the keymap does not know, an
    /// action the context does not have, or two actions on one key in one context is
    /// an error naming the line.
    pub fn with_overrides(overrides: &[KeyOverride]) -> Result<Keymap, KeyConfigError> {
        let mut map = Keymap::defaults();
        // Which line set each (context, action), to name both sides of a conflict.
        let mut set_on: Vec<(Context, Action, usize)> = Vec::new();
        for o in overrides {
            let error = |message: String| KeyConfigError {
                line: o.line,
                message,
            };
            let context = Context::named(&o.context).ok_or_else(|| {
                error(crate::text::err_key_context(
                    &o.context,
                    &Context::iter().map(Context::name).collect::<Vec<_>>(),
                ))
            })?;
            let action = Action::named(&o.action)
                .filter(|a| {
                    map.bindings
                        .iter()
                        .any(|b| b.context == context && b.action == *a)
                })
                .ok_or_else(|| {
                    error(crate::text::err_key_action(
                        &o.context,
                        &o.action,
                        &map.actions_of(context),
                    ))
                })?;
            let keys = o
                .keys
                .iter()
                .map(|k| Key::parse(k).ok_or_else(|| error(crate::text::err_key_name(k))))
                .collect::<Result<Vec<_>, _>>()?;
            if keys.is_empty() {
                return Err(error(crate::text::err_key_none(&o.context, &o.action)));
            }
            let footer = map
                .bindings
                .iter()
                .any(|b| b.context == context && b.action == action && b.footer);
            let at = map
                .bindings
                .iter()
                .position(|b| b.context == context && b.action == action)
                .unwrap_or(map.bindings.len());
            map.bindings
                .retain(|b| !(b.context == context && b.action == action));
            for (i, key) in keys.into_iter().enumerate() {
                map.bindings.insert(
                    at + i,
                    Binding {
                        context,
                        key,
                        action,
                        footer: footer && i == 0,
                    },
                );
            }
            set_on.push((context, action, o.line));
        }
        map.check_conflicts(&set_on)?;
        Ok(map)
    }

    /// The names of the actions a context has, in keymap order.
    fn actions_of(&self, context: Context) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = Vec::new();
        for b in self.bindings.iter().filter(|b| b.context == context) {
            if !names.contains(&b.action.name()) {
                names.push(b.action.name());
            }
        }
        names
    }

    fn check_conflicts(&self, set_on: &[(Context, Action, usize)]) -> Result<(), KeyConfigError> {
        for (i, a) in self.bindings.iter().enumerate() {
            if let Some(b) = self.bindings[i + 1..]
                .iter()
                .find(|b| b.context == a.context && b.key == a.key && b.action != a.action)
            {
                let line = set_on
                    .iter()
                    .filter(|(c, act, _)| *c == a.context && (*act == a.action || *act == b.action))
                    .map(|(_, _, line)| *line)
                    .max()
                    .unwrap_or(1);
                return Err(KeyConfigError {
                    line,
                    message: crate::text::err_key_conflict(
                        a.context.name(),
                        &a.key.display(),
                        a.action.name(),
                        b.action.name(),
                    ),
                });
            }
        }
        Ok(())
    }

    /// Every binding as config text: a `[keys.<context>]` table per context with
    /// `action = ["key", …]` lines, which [`Keymap::with_overrides`] reads back.
    pub fn config_text(&self) -> String {
        let mut out = String::new();
        for context in Context::iter() {
            let mut actions: Vec<(Action, Vec<String>)> = Vec::new();
            for b in self.bindings.iter().filter(|b| b.context == context) {
                match actions.iter_mut().find(|(a, _)| *a == b.action) {
                    Some((_, keys)) => keys.push(b.key.display()),
                    None => actions.push((b.action, vec![b.key.display()])),
                }
            }
            if actions.is_empty() {
                continue;
            }
            out.push_str(&format!("\n[keys.{}]\n", context.name()));
            let width = actions
                .iter()
                .map(|(a, _)| a.name().len())
                .max()
                .unwrap_or(0);
            for (action, keys) in actions {
                let keys: Vec<String> = keys.iter().map(|k| toml_string(k)).collect();
                out.push_str(&format!(
                    "{:<width$} = [{}]\n",
                    action.name(),
                    keys.join(", ")
                ));
            }
        }
        out
    }
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(context: &str, action: &str, keys: &[&str], line: usize) -> KeyOverride {
        KeyOverride {
            context: context.into(),
            action: action.into(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
            line,
        }
    }

    #[test]
    fn every_default_key_reads_back_as_itself() {
        for b in &Keymap::defaults().bindings {
            assert_eq!(
                Key::parse(&b.key.display()),
                Some(b.key),
                "{}",
                b.key.display()
            );
        }
        assert_eq!(Key::parse("ctrl-p"), Some(Key::ctrl('p')));
        assert_eq!(Key::parse("Up"), Some(Key::plain(KeyCode::Up)));
        assert_eq!(Key::parse("F25"), None);
        assert_eq!(Key::parse("Hyper-x"), None);
        assert_eq!(Key::parse(""), None);
    }

    #[test]
    fn a_binding_replaces_the_default_keys_of_its_action() {
        let map = Keymap::with_overrides(&[set("global", "quit", &["Ctrl-Q", "F10"], 3)]).unwrap();
        assert_eq!(map.lookup(Context::Portfolio, Key::ch('q')), None);
        assert_eq!(
            map.lookup(Context::Portfolio, Key::ctrl('q')),
            Some(Action::Quit)
        );
        assert_eq!(
            map.lookup(Context::Portfolio, Key::plain(KeyCode::F(10))),
            Some(Action::Quit)
        );
        // Help and the footer show the keys in effect.
        assert!(
            map.help(Context::Global)
                .contains(&("Ctrl-Q / F10".to_string(), "quit"))
        );
        assert!(
            map.footer(Context::Portfolio)
                .iter()
                .any(|(k, a)| k == "Ctrl-Q" && *a == "quit")
        );
    }

    #[test]
    fn unknown_names_and_conflicts_name_the_line() {
        let err = Keymap::with_overrides(&[set("portfolo", "open", &["o"], 4)]).unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.message.contains("portfolo"), "{}", err.message);
        let err =
            Keymap::with_overrides(&[set("portfolio", "capture_need", &["o"], 5)]).unwrap_err();
        assert_eq!(err.line, 5);
        assert!(err.message.contains("capture_need"), "{}", err.message);
        let err = Keymap::with_overrides(&[set("portfolio", "open", &["Hyper-o"], 6)]).unwrap_err();
        assert!(err.message.contains("Hyper-o"), "{}", err.message);
        let err = Keymap::with_overrides(&[set("portfolio", "open", &[], 7)]).unwrap_err();
        assert_eq!(err.line, 7);
        // `n` is already "new" in the portfolio.
        let err = Keymap::with_overrides(&[set("portfolio", "open", &["n"], 8)]).unwrap_err();
        assert_eq!(err.line, 8);
        assert!(
            err.message.contains("open") && err.message.contains("new"),
            "{}",
            err.message
        );
        // Swapping two keys is fine when both lines are given.
        Keymap::with_overrides(&[
            set("portfolio", "open", &["n"], 8),
            set("portfolio", "new", &["Enter"], 9),
        ])
        .unwrap();
    }

    #[test]
    fn the_printed_defaults_read_back_as_the_defaults() {
        let text = Keymap::defaults().config_text();
        let config: crate::config::Config = toml::from_str(&text).unwrap();
        let map = Keymap::with_overrides(&config.key_overrides()).unwrap();
        let pairs = |m: &Keymap| {
            m.bindings
                .iter()
                .map(|b| (b.context, b.key, b.action))
                .collect::<Vec<_>>()
        };
        assert_eq!(pairs(&map), pairs(&Keymap::defaults()));
        assert!(text.contains("[keys.global]\nquit "), "{text}");
    }

    #[test]
    fn every_awkward_symbol_has_a_plain_alternative() {
        // Nordic keyboards reach these with AltGr or Shift combinations.
        let awkward = ['?', '/', '[', ']', ':', '<', '>'];
        let map = Keymap::defaults();
        for b in &map.bindings {
            let KeyCode::Char(c) = b.key.code else {
                continue;
            };
            if !awkward.contains(&c) || b.key.modifiers != KeyModifiers::NONE {
                continue;
            }
            let alternative = map.bindings.iter().any(|o| {
                o.context == b.context
                    && o.action == b.action
                    && match o.key.code {
                        // A letter or digit, or any symbol with Ctrl.
                        KeyCode::Char(c) => {
                            c.is_alphanumeric() || o.key.modifiers.contains(KeyModifiers::CONTROL)
                        }
                        // F-keys, arrows, PgUp …
                        _ => true,
                    }
            });
            assert!(
                alternative,
                "{} in {} ({}) has no alternative without a symbol",
                c,
                b.context.name(),
                b.action.name()
            );
        }
    }
}
