//! The layers hold: each part of `src/` imports only what its layer may (see
//! `docs/architecture.md`). The check reads the sources as text: every `crate::…` path
//! (also inside `use crate::{…}` groups) and every path that starts with a crate such
//! as `rusqlite::`. Comments are skipped, so a doc comment may name anything.

use std::fs;
use std::path::{Path, PathBuf};

/// What a layer must not import.
struct Rule {
    layer: &'static str,
    /// Modules of this crate (`crate::<name>`).
    modules: &'static [&'static str],
    /// Other crates.
    crates: &'static [&'static str],
    why: &'static str,
}

const TERMINAL: &[&str] = &["ratatui", "ratatui_textarea", "crossterm"];

const RULES: &[Rule] = &[
    Rule {
        layer: "domain",
        modules: &[
            "store",
            "app",
            "ui",
            "tui",
            "cli",
            "export",
            "ops",
            "gather",
            "demo",
            "config",
            "templates",
        ],
        crates: &["rusqlite", "ratatui", "ratatui_textarea", "crossterm"],
        why: "the domain is plain types and rules: no IO, no layer above it",
    },
    Rule {
        layer: "export",
        modules: &["store", "app", "ui", "tui", "cli", "ops", "gather", "demo"],
        crates: &["rusqlite", "ratatui", "ratatui_textarea", "crossterm"],
        why: "exporters are pure renderers of what they are given",
    },
    Rule {
        layer: "store",
        modules: &[
            "text", "app", "ui", "tui", "cli", "export", "ops", "gather", "demo",
        ],
        crates: TERMINAL,
        why: "the store keeps data and returns codes; words come from text.rs at the edge",
    },
    Rule {
        layer: "text.rs",
        modules: &[
            "store", "app", "ui", "tui", "cli", "export", "ops", "gather",
        ],
        crates: &["rusqlite", "ratatui", "ratatui_textarea", "crossterm"],
        why: "the catalog words the domain's labels and codes, and nothing more",
    },
    Rule {
        layer: "catalog.rs",
        modules: &[
            "store", "app", "ui", "tui", "cli", "export", "ops", "gather", "text", "demo",
        ],
        crates: &["rusqlite", "ratatui", "ratatui_textarea", "crossterm"],
        why: "the language tables are looked up by everyone and look up nothing",
    },
    Rule {
        layer: "app",
        modules: &["ui", "tui", "cli"],
        crates: &[],
        why: "the app is state and update; rendering and the terminal sit above it",
    },
    Rule {
        layer: "ui",
        modules: &["store", "tui", "cli", "ops", "gather", "demo"],
        crates: &["rusqlite"],
        why: "rendering draws the app's state and never queries or writes",
    },
];

#[test]
fn every_layer_imports_only_what_it_may() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut broken = Vec::new();
    for rule in RULES {
        let files = rust_files(&root.join(rule.layer));
        assert!(
            !files.is_empty(),
            "no sources under src/{}: is the layer gone or renamed?",
            rule.layer
        );
        for file in files {
            let source = fs::read_to_string(&file).unwrap();
            for (line, dep) in dependencies(&source) {
                let forbidden = match &dep {
                    Dep::Module(m) => rule.modules.contains(&m.as_str()),
                    Dep::Crate(c) => rule.crates.contains(&c.as_str()),
                };
                if forbidden {
                    let shown = file.strip_prefix(root.parent().unwrap()).unwrap();
                    broken.push(format!(
                        "{}:{line} uses {dep}: {}",
                        shown.display(),
                        rule.why
                    ));
                }
            }
        }
    }
    assert!(broken.is_empty(), "layers broken:\n{}", broken.join("\n"));
}

#[test]
fn the_scanner_finds_paths_groups_and_crates() {
    let source = "
        use crate::domain::Need; // crate::ui in a comment is fine
        /// So is `crate::store` in a doc comment.
        use crate::{
            text,
            ui::{theme, format},
        };
        fn f() { crate::store::Store::open(); ratatui::style::Style::new(); }
        use rusqlite::Connection;
        use ratatui_textarea::TextArea;
        let s = super::ratatui::x;
    ";
    let found: Vec<(usize, String)> = dependencies(source)
        .into_iter()
        .map(|(line, d)| (line, d.to_string()))
        .collect();
    let expected = [
        (2, "crate::domain"),
        (4, "crate::text"),
        (4, "crate::ui"),
        (8, "crate::store"),
        (8, "ratatui"),
        (9, "rusqlite"),
        (10, "ratatui_textarea"),
    ];
    let expected: Vec<(usize, String)> =
        expected.iter().map(|(l, d)| (*l, d.to_string())).collect();
    assert_eq!(found, expected);
}

#[derive(Debug, PartialEq)]
enum Dep {
    Module(String),
    Crate(String),
}

impl std::fmt::Display for Dep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Dep::Module(m) => write!(f, "crate::{m}"),
            Dep::Crate(c) => f.write_str(c),
        }
    }
}

/// The crates a path may start with that the rules care about.
const WATCHED_CRATES: &[&str] = &["rusqlite", "ratatui", "ratatui_textarea", "crossterm"];

/// Every module of this crate and every watched crate the source names, with the line
/// (1-based) it is named on. A `use crate::{…}` group counts from its opening line.
fn dependencies(source: &str) -> Vec<(usize, Dep)> {
    let tokens = tokens(source);
    let mut deps = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let (line, tok) = (tokens[i].0, tokens[i].1.as_str());
        let path_root = i == 0 || tokens[i - 1].1 != "::";
        let followed_by_path = tokens.get(i + 1).is_some_and(|t| t.1 == "::");
        if tok == "crate" && followed_by_path {
            match tokens.get(i + 2).map(|t| t.1.as_str()) {
                Some("{") => deps.extend(group_roots(&tokens[i + 3..]).map(|m| (line, m))),
                Some(name) if is_ident(name) => deps.push((line, Dep::Module(name.to_string()))),
                _ => {}
            }
        } else if path_root && followed_by_path && WATCHED_CRATES.contains(&tok) {
            deps.push((line, Dep::Crate(tok.to_string())));
        }
        i += 1;
    }
    deps
}

/// The first name of each path in a `{…}` group, starting just after its `{`.
fn group_roots(tokens: &[(usize, String)]) -> impl Iterator<Item = Dep> + '_ {
    let mut depth = 1;
    let mut expect_root = true;
    let mut roots = Vec::new();
    for (_, tok) in tokens {
        match tok.as_str() {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            "," if depth == 1 => expect_root = true,
            name if depth == 1 && expect_root && is_ident(name) => {
                if name != "self" {
                    roots.push(Dep::Module(name.to_string()));
                }
                expect_root = false;
            }
            _ => {}
        }
    }
    roots.into_iter()
}

fn is_ident(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
}

/// Identifiers, `::` and single punctuation, each with its line; comments dropped.
fn tokens(source: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let chars: Vec<char> = code.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii_alphabetic() || c == '_' {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                out.push((n + 1, chars[start..i].iter().collect()));
                continue;
            }
            if c == ':' && chars.get(i + 1) == Some(&':') {
                out.push((n + 1, "::".to_string()));
                i += 2;
                continue;
            }
            if !c.is_whitespace() {
                out.push((n + 1, c.to_string()));
            }
            i += 1;
        }
    }
    out
}

/// The `.rs` files of a layer: a folder (searched through) or one file.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    if dir.is_file() {
        return vec![dir.to_path_buf()];
    }
    let mut files = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return files;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}
