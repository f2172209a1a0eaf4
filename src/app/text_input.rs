//! A single-line text input: a string and a cursor counted in characters.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::domain::clean::clean_text;

/// Whether a key would type a control character (an escape, a C1 code): such keys are
/// ignored by every text input, as pasted ones are removed (see `domain::clean`).
pub fn types_a_control(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char(c) if c.is_control())
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextInput {
    value: String,
    cursor: usize,
}

impl TextInput {
    pub fn new(value: &str) -> TextInput {
        TextInput {
            value: value.to_string(),
            cursor: value.chars().count(),
        }
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn set(&mut self, value: &str) {
        *self = TextInput::new(value);
    }

    /// Characters before the cursor, for placing the terminal cursor.
    pub fn before_cursor(&self) -> &str {
        &self.value[..self.byte_at(self.cursor)]
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.value
            .char_indices()
            .nth(char_index)
            .map_or(self.value.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.value.chars().count()
    }

    /// Applies an editing key; returns whether the value changed.
    pub fn handle(&mut self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('u') if ctrl => {
                let changed = !self.value.is_empty();
                self.set("");
                changed
            }
            KeyCode::Char('a') if ctrl => {
                self.cursor = 0;
                false
            }
            KeyCode::Char('e') if ctrl => {
                self.cursor = self.len();
                false
            }
            KeyCode::Char(c) if !ctrl && !c.is_control() => {
                let at = self.byte_at(self.cursor);
                self.value.insert(at, c);
                self.cursor += 1;
                true
            }
            KeyCode::Backspace if self.cursor > 0 => {
                let at = self.byte_at(self.cursor - 1);
                self.value.remove(at);
                self.cursor -= 1;
                true
            }
            KeyCode::Delete if self.cursor < self.len() => {
                let at = self.byte_at(self.cursor);
                self.value.remove(at);
                true
            }
            KeyCode::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            KeyCode::Right => {
                self.cursor = (self.cursor + 1).min(self.len());
                false
            }
            KeyCode::Home => {
                self.cursor = 0;
                false
            }
            KeyCode::End => {
                self.cursor = self.len();
                false
            }
            _ => false,
        }
    }

    /// Inserts pasted text, cleaned of control characters and with line breaks
    /// flattened to spaces.
    pub fn paste(&mut self, text: &str) {
        for c in clean_text(text).chars() {
            let c = if c == '\n' { ' ' } else { c };
            let at = self.byte_at(self.cursor);
            self.value.insert(at, c);
            self.cursor += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn edits_multibyte_text_by_character() {
        let mut t = TextInput::new("Lulea");
        t.handle(&key(KeyCode::Backspace));
        t.handle(&key(KeyCode::Char('å')));
        assert_eq!(t.value(), "Luleå");
        t.handle(&key(KeyCode::Home));
        t.handle(&key(KeyCode::Delete));
        t.handle(&key(KeyCode::Char('Ö')));
        assert_eq!(t.value(), "Öuleå");
        assert_eq!(t.before_cursor(), "Ö");
        t.handle(&key(KeyCode::End));
        t.handle(&key(KeyCode::Char('👍')));
        assert_eq!(t.value(), "Öuleå👍");
    }

    #[test]
    fn paste_flattens_newlines() {
        let mut t = TextInput::new("");
        t.paste("a\nb");
        assert_eq!(t.value(), "a b");
    }

    #[test]
    fn control_characters_never_get_in() {
        let mut t = TextInput::new("");
        t.paste("a\u{1b}]52;c;cHduZWQ=\u{7}b\r\nc\u{9b}d");
        assert_eq!(t.value(), "a]52;c;cHduZWQ=b cd");
        assert!(!t.handle(&key(KeyCode::Char('\u{1b}'))));
        assert!(!t.handle(&key(KeyCode::Char('\u{85}'))));
        assert_eq!(t.value(), "a]52;c;cHduZWQ=b cd");
        assert!(types_a_control(&key(KeyCode::Char('\u{0}'))));
        assert!(!types_a_control(&key(KeyCode::Char('å'))));
    }
}
