//! Stored text on its way to a terminal: control characters (escape sequences, OSC
//! title and clipboard writes) are shown escaped rather than obeyed, and bidirectional
//! overrides and isolates are named (`⟨RLO⟩`) rather than allowed to reorder the line.

use std::borrow::Cow;

/// The visible name of a bidirectional control character, if `c` is one.
pub fn bidi_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{202A}' => "LRE",
        '\u{202B}' => "RLE",
        '\u{202C}' => "PDF",
        '\u{202D}' => "LRO",
        '\u{202E}' => "RLO",
        '\u{2066}' => "LRI",
        '\u{2067}' => "RLI",
        '\u{2068}' => "FSI",
        '\u{2069}' => "PDI",
        '\u{200E}' => "LRM",
        '\u{200F}' => "RLM",
        '\u{061C}' => "ALM",
        _ => return None,
    })
}

/// `s` made safe for one line of a terminal: every control character (newline and tab
/// too, since a table row is one line) becomes `\u{…}`, and every bidirectional control
/// its name in angle brackets. Text without them is returned as it is.
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() || bidi_name(c).is_some()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if let Some(name) = bidi_name(c) {
            out.push('⟨');
            out.push_str(name);
            out.push('⟩');
        } else if c.is_control() {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` with each bidirectional control named in angle brackets (`⟨RLO⟩`) and every
/// other character as it is (line breaks too): for the TUI, where text is laid out in
/// lines and cells by the screen itself. Text without one is returned as it is.
pub fn bidi_named(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| bidi_name(c).is_some()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match bidi_name(c) {
            Some(name) => {
                out.push('⟨');
                out.push_str(name);
                out.push('⟩');
            }
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `s` as a bidirectional isolate, for documents (the plain-text equivalent of HTML's
/// `<bdi>`): text holding a bidirectional control is wrapped in FSI … PDI, with its own
/// isolates balanced, so that an override (RLO) in one field cannot reorder the rest of
/// the line, while right-to-left text inside it still reads as written. Text without
/// any bidirectional control is returned as it is.
pub fn isolated(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| bidi_name(c).is_some()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    out.push('\u{2068}');
    let mut open = 0usize;
    for c in s.chars() {
        match c {
            '\u{2066}' | '\u{2067}' | '\u{2068}' => open += 1,
            // A PDI without its own opener would close ours: dropped.
            '\u{2069}' if open == 0 => continue,
            '\u{2069}' => open -= 1,
            _ => {}
        }
        out.push(c);
    }
    // One PDI for each isolate left open inside, then ours; a PDI also ends every
    // embedding and override opened within it.
    out.extend(std::iter::repeat_n('\u{2069}', open + 1));
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_are_isolated_and_balanced() {
        assert_eq!(isolated("plain עברית"), "plain עברית");
        assert_eq!(isolated("a\u{202E}b"), "\u{2068}a\u{202E}b\u{2069}");
        // A stray PDI cannot close the isolate early; an open LRI is closed.
        assert_eq!(
            isolated("\u{2069}x\u{2066}y"),
            "\u{2068}x\u{2066}y\u{2069}\u{2069}"
        );
    }

    #[test]
    fn controls_are_escaped_and_bidi_named() {
        assert_eq!(terminal_safe("Åsa 🙂"), "Åsa 🙂");
        assert_eq!(
            terminal_safe("a\u{1b}]0;pwned\u{7}b\u{202E}c"),
            "a\\u{1b}]0;pwned\\u{7}b⟨RLO⟩c"
        );
        assert_eq!(terminal_safe("\u{9b}31m"), "\\u{9b}31m");
    }
}
