//! A note body (Markdown, as the user wrote it) as document blocks: paragraphs with
//! bold and italic runs, nested bulleted and numbered lists, and headings as
//! sub-headings. Raw HTML stays the text it is; a safe link keeps its text with the
//! address after it, an unsafe one keeps only its text (as in the HTML export).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::model::{Block, ListItem, ParaKind, Span};

pub fn blocks(src: &str) -> Vec<Block> {
    let mut w = Writer::default();
    for event in Parser::new_ext(src, super::super::note_options()) {
        w.event(event);
    }
    w.flush_para();
    w.flush_list();
    w.out
}

#[derive(Default)]
struct Writer {
    out: Vec<Block>,
    /// The paragraph (or list item, or heading) being written.
    spans: Vec<Span>,
    bold: usize,
    italic: usize,
    /// Open lists: whether each is ordered.
    lists: Vec<bool>,
    /// Items of the outermost open list, and whether it is ordered.
    items: Vec<ListItem>,
    ordered: bool,
    /// Open links: the address to add after the text, if safe and not the text.
    links: Vec<Option<String>>,
    heading: bool,
}

impl Writer {
    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.spans.push(Span {
            text: text.to_string(),
            bold: self.bold > 0,
            italic: self.italic > 0,
        });
    }

    /// Ends the current paragraph: into the open list item, or as a block.
    fn flush_para(&mut self) {
        let spans = std::mem::take(&mut self.spans);
        if spans.iter().all(|s| s.text.trim().is_empty()) {
            return;
        }
        if self.heading {
            let text: String = spans.iter().map(|s| s.text.as_str()).collect();
            self.out.push(Block::Heading(3, text));
        } else if self.lists.is_empty() {
            self.out.push(Block::Paragraph(ParaKind::Normal, spans));
        } else {
            self.items.push(ListItem {
                level: self.lists.len() - 1,
                spans,
            });
        }
    }

    fn flush_list(&mut self) {
        if !self.items.is_empty() {
            self.out.push(Block::List {
                ordered: self.ordered,
                items: std::mem::take(&mut self.items),
            });
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => self.flush_para(),
            Event::Start(Tag::Heading { .. }) => {
                self.flush_para();
                self.heading = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                self.flush_para();
                self.heading = false;
            }
            Event::Start(Tag::List(first)) => {
                self.flush_para();
                if self.lists.is_empty() {
                    self.flush_list();
                    self.ordered = first.is_some();
                }
                self.lists.push(first.is_some());
            }
            Event::End(TagEnd::List(_)) => {
                self.flush_para();
                self.lists.pop();
                if self.lists.is_empty() {
                    self.flush_list();
                }
            }
            Event::Start(Tag::Item) | Event::End(TagEnd::Item) => self.flush_para(),
            Event::Start(Tag::Strong) => self.bold += 1,
            Event::End(TagEnd::Strong) => self.bold = self.bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => self.italic += 1,
            Event::End(TagEnd::Emphasis) => self.italic = self.italic.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let url = dest_url.to_string();
                self.links.push(super::super::safe_url(&url).then_some(url));
            }
            Event::End(TagEnd::Link) => {
                if let Some(Some(url)) = self.links.pop() {
                    let shown: String = self.spans.iter().map(|s| s.text.as_str()).collect();
                    if !shown.ends_with(url.as_str()) {
                        self.push_text(&format!(" ({url})"));
                    }
                }
            }
            Event::Start(Tag::CodeBlock(_)) | Event::End(TagEnd::CodeBlock) => self.flush_para(),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                // A code block's lines stay lines.
                let mut lines = t.split('\n').peekable();
                while let Some(line) = lines.next() {
                    self.push_text(line);
                    if lines.peek().is_some_and(|rest| !rest.is_empty()) {
                        self.flush_para();
                    }
                }
            }
            Event::SoftBreak => self.push_text(" "),
            Event::HardBreak => self.flush_para(),
            Event::TaskListMarker(done) => self.push_text(if done { "[x] " } else { "[ ] " }),
            Event::Rule => self.flush_para(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(_, s) => s.iter().map(|s| s.text.as_str()).collect(),
                Block::Heading(n, t) => format!("h{n} {t}"),
                Block::List { ordered, items } => items
                    .iter()
                    .map(|i| {
                        let t: String = i.spans.iter().map(|s| s.text.as_str()).collect();
                        format!(
                            "{}{}{t}",
                            "  ".repeat(i.level),
                            if *ordered { "1. " } else { "- " }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("|"),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn paragraphs_lists_headings_and_links() {
        let b = blocks(
            "# Rubrik\n\nEtt **fett** ord\noch mer.\n\n- ett\n- två\n  - tre\n\n1. a\n2. b\n\n\
             Se [sidan](https://a.se), [x](javascript:y) och <b>rå</b>.",
        );
        assert_eq!(
            texts(&b),
            [
                "h3 Rubrik",
                "Ett fett ord och mer.",
                "- ett|- två|  - tre",
                "1. a|1. b",
                "Se sidan (https://a.se), x och <b>rå</b>.",
            ]
        );
        let Block::Paragraph(_, spans) = &b[1] else {
            panic!()
        };
        assert!(spans[1].bold && spans[1].text == "fett");
    }
}
