//! Colours and styles in one place. Kept to the 16 basic colours so the app reads well
//! on light and dark terminals alike.

use ratatui::style::{Color, Modifier, Style};

pub fn accent() -> Style {
    Style::new().fg(Color::Cyan)
}
pub fn title() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}
pub fn muted() -> Style {
    Style::new().fg(Color::DarkGray)
}
pub fn error() -> Style {
    Style::new().fg(Color::Red)
}
pub fn ok() -> Style {
    Style::new().fg(Color::Green)
}
pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}
pub fn header_row() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}
pub fn key() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}
pub fn label() -> Style {
    Style::new().fg(Color::Gray)
}
pub fn current() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}
