//! Colours and styles in one place, in four themes: dark (the default), light,
//! high-contrast, and no colour at all (`NO_COLOR`). The colour themes keep to the 16
//! basic colours, which every terminal maps to its own palette.
//!
//! Without colour the interface still reads: selection is reverse video, headings and
//! keys are bold, problems are bold and underlined, and every state the colours show
//! also has a word or a symbol (`⚠`, `[x]`, "Overdue", crossed-out cancelled meetings).

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Dark,
    Light,
    HighContrast,
    /// No colour sequences at all: `NO_COLOR` (<https://no-color.org>).
    NoColor,
}

impl Theme {
    pub const ALL: [Theme; 4] = [
        Theme::Dark,
        Theme::Light,
        Theme::HighContrast,
        Theme::NoColor,
    ];

    /// The theme to use: none at all when `NO_COLOR` is set to anything but the empty
    /// string, else the configured one.
    pub fn choose(configured: Theme, no_color: Option<&std::ffi::OsStr>) -> Theme {
        match no_color {
            Some(v) if !v.is_empty() => Theme::NoColor,
            _ => configured,
        }
    }

    fn palette(self) -> &'static Palette {
        match self {
            Theme::Dark => &DARK,
            Theme::Light => &LIGHT,
            Theme::HighContrast => &HIGH_CONTRAST,
            Theme::NoColor => &NO_COLOR,
        }
    }

    fn index(self) -> u8 {
        self as u8
    }

    fn from_index(i: u8) -> Theme {
        Theme::ALL.get(usize::from(i)).copied().unwrap_or_default()
    }
}

/// The theme the program starts with (set once, from the config and `NO_COLOR`).
static PROGRAM: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// The theme this thread draws with: the program's, unless a test chose another
    /// for its own thread (tests draw in parallel threads, each with its own theme).
    static THREAD: Cell<Option<Theme>> = const { Cell::new(None) };
}

/// Sets the theme for the whole program (at start-up).
pub fn set(theme: Theme) {
    PROGRAM.store(theme.index(), Ordering::Relaxed);
}

/// Sets the theme for this thread only (tests).
pub fn use_in_this_thread(theme: Theme) {
    THREAD.with(|t| t.set(Some(theme)));
}

pub fn active() -> Theme {
    THREAD
        .with(Cell::get)
        .unwrap_or_else(|| Theme::from_index(PROGRAM.load(Ordering::Relaxed)))
}

/// The styles of one theme.
struct Palette {
    accent: Style,
    title: Style,
    muted: Style,
    error: Style,
    ok: Style,
    selected: Style,
    header_row: Style,
    key: Style,
    label: Style,
    current: Style,
}

const BOLD: Modifier = Modifier::BOLD;
const REVERSED: Style = Style::new().add_modifier(Modifier::REVERSED);
const HEADER: Style = Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED));

const DARK: Palette = Palette {
    accent: Style::new().fg(Color::Cyan),
    title: Style::new().fg(Color::Cyan).add_modifier(BOLD),
    muted: Style::new().fg(Color::DarkGray),
    error: Style::new().fg(Color::Red),
    ok: Style::new().fg(Color::Green),
    selected: REVERSED,
    header_row: HEADER,
    key: Style::new().fg(Color::Yellow).add_modifier(BOLD),
    label: Style::new().fg(Color::Gray),
    current: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(BOLD),
};

/// For dark text on a light background: no yellow or cyan, which fade on white.
const LIGHT: Palette = Palette {
    accent: Style::new().fg(Color::Blue),
    title: Style::new().fg(Color::Blue).add_modifier(BOLD),
    muted: Style::new().fg(Color::DarkGray),
    error: Style::new().fg(Color::Red).add_modifier(BOLD),
    ok: Style::new().fg(Color::Green),
    selected: REVERSED,
    header_row: HEADER,
    key: Style::new().fg(Color::Magenta).add_modifier(BOLD),
    label: Style::new().fg(Color::Black),
    current: Style::new()
        .fg(Color::White)
        .bg(Color::Blue)
        .add_modifier(BOLD),
};

/// Bright colours only and no grey: for glare, projectors and weak eyes.
const HIGH_CONTRAST: Palette = Palette {
    accent: Style::new().fg(Color::LightCyan).add_modifier(BOLD),
    title: Style::new().fg(Color::White).add_modifier(BOLD),
    muted: Style::new().fg(Color::White),
    error: Style::new()
        .fg(Color::LightRed)
        .add_modifier(BOLD.union(Modifier::UNDERLINED)),
    ok: Style::new().fg(Color::LightGreen).add_modifier(BOLD),
    selected: REVERSED,
    header_row: HEADER,
    key: Style::new().fg(Color::LightYellow).add_modifier(BOLD),
    label: Style::new().fg(Color::White),
    current: Style::new()
        .fg(Color::Black)
        .bg(Color::LightYellow)
        .add_modifier(BOLD),
};

/// Attributes only; no foreground or background colour anywhere.
const NO_COLOR: Palette = Palette {
    accent: Style::new(),
    title: Style::new().add_modifier(BOLD),
    muted: Style::new(),
    error: Style::new().add_modifier(BOLD.union(Modifier::UNDERLINED)),
    ok: Style::new(),
    selected: REVERSED,
    header_row: HEADER,
    key: Style::new().add_modifier(BOLD),
    label: Style::new(),
    current: Style::new().add_modifier(BOLD.union(Modifier::REVERSED)),
};

fn palette() -> &'static Palette {
    active().palette()
}

pub fn accent() -> Style {
    palette().accent
}
pub fn title() -> Style {
    palette().title
}
pub fn muted() -> Style {
    palette().muted
}
pub fn error() -> Style {
    palette().error
}
pub fn ok() -> Style {
    palette().ok
}
pub fn selected() -> Style {
    palette().selected
}
pub fn header_row() -> Style {
    palette().header_row
}
pub fn key() -> Style {
    palette().key
}
pub fn label() -> Style {
    palette().label
}
pub fn current() -> Style {
    palette().current
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn no_color_wins_unless_empty() {
        assert_eq!(
            Theme::choose(Theme::Light, Some(OsStr::new("1"))),
            Theme::NoColor
        );
        assert_eq!(
            Theme::choose(Theme::Light, Some(OsStr::new(""))),
            Theme::Light
        );
        assert_eq!(Theme::choose(Theme::Dark, None), Theme::Dark);
    }

    #[test]
    fn the_no_color_theme_has_no_colour() {
        use_in_this_thread(Theme::NoColor);
        for style in [
            accent(),
            title(),
            muted(),
            error(),
            ok(),
            selected(),
            header_row(),
            key(),
            label(),
            current(),
        ] {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        // Still told apart: problems, keys and the current item are marked.
        assert!(error().add_modifier.contains(Modifier::UNDERLINED));
        assert!(current().add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn a_thread_keeps_its_own_theme() {
        use_in_this_thread(Theme::Light);
        assert_eq!(active(), Theme::Light);
        let other = std::thread::spawn(active).join().unwrap();
        assert_eq!(other, Theme::from_index(PROGRAM.load(Ordering::Relaxed)));
    }
}
