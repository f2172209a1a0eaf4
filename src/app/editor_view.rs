//! The note editor's view across resizes. The text area scrolls only as far as keeps
//! its cursor in view, so after the terminal shrinks and grows again it would show the
//! cursor's line at the top and blank rows below it (only the last line, when the
//! cursor is at the end). Before a frame at a new size, its top is set again: the
//! cursor line in view, and as much text as fits around it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui_textarea::TextArea;

use super::{App, NoteEditor};

impl App {
    /// The note editor's text will be drawn in `area` (see `ui::editor_text_area`).
    pub fn fit_editor(&mut self, area: Rect) {
        if let Some(editor) = &mut self.editor {
            editor.fit(area.width, area.height);
        }
    }
}

impl NoteEditor {
    /// Sets the text area's top for a view `width` × `height`, once per size.
    pub fn fit(&mut self, width: u16, height: u16) {
        if width == 0 || height == 0 || self.fitted == Some((width, height)) {
            return;
        }
        self.fitted = Some((width, height));
        // Drawn once off screen at the new size: the text wraps at the new width, and
        // the text area knows the new height.
        let rect = Rect::new(0, 0, width, height);
        (&self.area).render(rect, &mut Buffer::empty(rect));
        let top = self.area.scroll_offset().0;
        let cursor = self.area.screen_cursor().row.min(usize::from(u16::MAX)) as u16;
        // No blank rows below the text while there is text above the top, and the
        // cursor's line always in view.
        let filled = screen_rows(&self.area).saturating_sub(height);
        let want = top.min(filled).max((cursor + 1).saturating_sub(height));
        if want != top {
            // The cursor is in view at `want`, so scrolling leaves it where it is.
            let delta = i32::from(want) - i32::from(top);
            self.area.scroll((
                delta.clamp(-i32::from(i16::MAX), i32::from(i16::MAX)) as i16,
                0,
            ));
        }
    }
}

/// How many rows the text takes as wrapped at the width last drawn. `screen_to_data`
/// takes a row past the last as the last, so the last row is the first one that maps
/// where the row after it does.
fn screen_rows(area: &TextArea<'_>) -> u16 {
    let last = |row: usize| area.screen_to_data(row, 0) == area.screen_to_data(row + 1, 0);
    let mut hi = 1usize;
    while !last(hi) && hi < usize::from(u16::MAX) {
        hi *= 2;
    }
    let mut lo = 0usize;
    while lo < hi {
        let mid = (lo + hi) / 2;
        if last(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    (lo + 1).min(usize::from(u16::MAX)) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_wrapped_rows() {
        let mut area = TextArea::new((0..25).map(|i| format!("line {i}")).collect());
        area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        let rect = Rect::new(0, 0, 20, 5);
        (&area).render(rect, &mut Buffer::empty(rect));
        assert_eq!(screen_rows(&area), 25);
        let one = TextArea::new(vec![String::new()]);
        (&one).render(rect, &mut Buffer::empty(rect));
        assert_eq!(screen_rows(&one), 1);
        // A line of 45 characters at width 20 takes three rows.
        let mut long = TextArea::new(vec!["a".repeat(45), "b".into()]);
        long.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        (&long).render(rect, &mut Buffer::empty(rect));
        assert_eq!(screen_rows(&long), 4);
    }
}
