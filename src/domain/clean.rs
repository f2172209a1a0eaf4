//! Text on its way in (typed, pasted, imported): line breaks become `\n`, tabs stay, and
//! every other control character (C0, DEL, C1) is dropped, so that no escape sequence
//! is ever stored. Bidirectional marks are kept — they belong to right-to-left text —
//! and are made visible on the way out instead (see `visible`).

use std::borrow::Cow;

/// `s` as it may be stored: `\r\n` and a lone `\r` become `\n`; `\n` and `\t` stay;
/// any other control character is removed. Cleaning clean text changes nothing.
pub fn clean_text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                // A Windows line break is one break, not two.
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_c1_are_dropped_line_breaks_kept() {
        assert_eq!(clean_text("Åsa 🙂\tok\n"), "Åsa 🙂\tok\n");
        assert!(matches!(clean_text("plain"), Cow::Borrowed(_)));
        assert_eq!(clean_text("a\u{1b}]0;pwned\u{7}b"), "a]0;pwnedb");
        assert_eq!(clean_text("\u{9b}31mred\u{7f}"), "31mred");
        assert_eq!(clean_text("one\r\ntwo\rthree"), "one\ntwo\nthree");
        assert_eq!(clean_text("\u{202E}kept"), "\u{202E}kept");
    }

    #[test]
    fn cleaning_is_idempotent() {
        let once = clean_text("x\r\r\n\u{0}\u{85}y").into_owned();
        assert_eq!(once, "x\n\ny");
        assert_eq!(clean_text(&once), once);
    }
}
