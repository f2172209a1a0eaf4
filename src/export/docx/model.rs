//! A small document model (headings, paragraphs, lists, tables, key–value blocks and a
//! signature block) that every Word export is built as. Per-document functions turn a
//! gathered, already filtered input into it; [`super::writer`] alone turns it into a
//! .docx file, so a new document (a project report, a dialogue compilation) only has
//! to describe itself.

/// One run of text, bold and/or italic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }
    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            bold: true,
            ..Span::plain(text)
        }
    }
    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            italic: true,
            ..Span::plain(text)
        }
    }
}

/// How a paragraph stands out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaKind {
    Normal,
    /// A statement set off from the text (the fair-dialogue statement, a banner).
    Quote,
    /// Small print: the generator line at the end.
    Small,
}

/// One item of a list, at a nesting level (0 is the outermost).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem {
    pub level: usize,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading: level 1 or 2 (Word's "heading 1"/"heading 2"), 3 for a sub-heading.
    Heading(u8, String),
    Paragraph(ParaKind, Vec<Span>),
    /// A bulleted or numbered list.
    List {
        ordered: bool,
        items: Vec<ListItem>,
    },
    /// A table whose header row repeats on every page it runs over.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// Label–value lines ("Diarienummer: KS 2026/118"), in order.
    Facts(Vec<(String, String)>),
    /// A place to sign: a heading, what is already known ("Justerade av Åsa Öberg
    /// 2026-12-03", or empty), then one line per label (name, date, signature) to be
    /// filled in by hand.
    Signature {
        heading: String,
        signed: String,
        lines: Vec<String>,
    },
}

/// What every page's header and footer carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Running {
    /// The buyer organisation, or empty.
    pub organisation: String,
    /// The project code, or empty.
    pub project_code: String,
    /// The case number (diarienummer), or empty.
    pub case_number: String,
    /// The document's title ("Mötesanteckningar").
    pub title: String,
    /// The document's date, ISO.
    pub date: String,
    /// "UTKAST" on a draft, or empty: in the header, and as a watermark behind every
    /// page.
    pub draft: String,
    /// The words around the page number and the page count ("Sida ", " (", ")"),
    /// from the catalog's `page_counter`.
    pub page_words: (String, String, String),
}

/// A whole document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// `sv` or `en`, for the document's language settings.
    pub lang: String,
    pub running: Running,
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading(level, text.into()));
    }
    pub fn para(&mut self, spans: Vec<Span>) {
        self.blocks.push(Block::Paragraph(ParaKind::Normal, spans));
    }
    pub fn text(&mut self, text: impl Into<String>) {
        self.para(vec![Span::plain(text)]);
    }
    pub fn quote(&mut self, text: impl Into<String>) {
        self.blocks
            .push(Block::Paragraph(ParaKind::Quote, vec![Span::plain(text)]));
    }
    pub fn small(&mut self, text: impl Into<String>) {
        self.blocks
            .push(Block::Paragraph(ParaKind::Small, vec![Span::italic(text)]));
    }
    /// A bulleted list of one level.
    pub fn bullets(&mut self, items: impl IntoIterator<Item = Vec<Span>>) {
        self.list(false, items);
    }
    pub fn list(&mut self, ordered: bool, items: impl IntoIterator<Item = Vec<Span>>) {
        let items: Vec<ListItem> = items
            .into_iter()
            .map(|spans| ListItem { level: 0, spans })
            .collect();
        if !items.is_empty() {
            self.blocks.push(Block::List { ordered, items });
        }
    }
    pub fn table(&mut self, header: Vec<String>, rows: Vec<Vec<String>>) {
        self.blocks.push(Block::Table { header, rows });
    }
    /// Label–value lines; pairs with an empty value are left out.
    pub fn facts(&mut self, pairs: Vec<(String, String)>) {
        let pairs: Vec<_> = pairs
            .into_iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .collect();
        if !pairs.is_empty() {
            self.blocks.push(Block::Facts(pairs));
        }
    }
    /// A note body (Markdown) as paragraphs and lists ([`super::markdown::blocks`]).
    pub fn markdown(&mut self, src: &str) {
        self.blocks.extend(super::markdown::blocks(src));
    }
}
