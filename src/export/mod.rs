//! Pure renderers: iCalendar, printable agendas, the needs description (Markdown, HTML,
//! CSV), learning examples and meeting notes (Mötesanteckningar). They take domain
//! values and return text; they never read the database, touch the terminal or write
//! files (a user's own templates are read from the folder the caller names).

pub mod agenda;
pub mod dialogue;
pub mod docx;
pub mod ical;
pub mod lessons;
pub mod needs;
pub mod report;
pub mod summary;

use std::path::{Path, PathBuf};

use crate::catalog;
use std::sync::OnceLock;

use chrono::NaiveDate;
use minijinja::syntax::SyntaxConfig;
use minijinja::{Environment, UndefinedBehavior, Value};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

pub use agenda::{AgendaFormat, render as render_agenda};
pub use dialogue::{
    DialogueAnswer, DialogueFormat, DialogueInput, DialogueQuestion, DialogueRound,
    InformationGiven, Supplier, render as render_dialogue,
};
pub use ical::{CalendarEntry, CalendarWriter, calendar};
pub use lessons::{LessonsFormat, render as render_lessons};
pub use needs::{NeedsFormat, NeedsInput, render as render_needs};
pub use report::{ReportFormat, ReportInput, render as render_report};
pub use summary::{SummaryFormat, SummaryInput, render as render_summary};

/// The fair-dialogue statement carried by everything about a supplier-facing meeting
/// (DESIGN §6), in the export's language.
pub fn fair_dialogue(lang: Lang) -> &'static str {
    catalog::text(lang, "document", "fair_dialogue")
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A bug in an embedded template: the message names the template and the line.
    #[error("export template failed: {0}")]
    Template(String),
    /// A user's own template (from the config folder) could not be read, parsed or
    /// rendered. The message names the file.
    #[error("template {}: {message}", file.display())]
    UserTemplate { file: PathBuf, message: String },
    /// The reference document for Word files could not be used. The message names
    /// the file.
    #[error("reference document {}: {message}", file.display())]
    Reference { file: PathBuf, message: String },
    /// A Word file was asked of a text renderer: `export::docx` builds those.
    #[error("a Word file is not rendered from a text template")]
    NotText,
}

/// The template name of a format that has none (Word): never looked up, since the
/// text renderers refuse it first ([`ExportError::NotText`]).
pub(crate) const NOT_TEXT: &str = "(no text template)";

impl From<minijinja::Error> for ExportError {
    fn from(e: minijinja::Error) -> Self {
        // The plain Display is one line; the alternate one adds a multi-line source dump.
        ExportError::Template(e.to_string())
    }
}

/// A rendered document with no control character left but newline and tab: whatever a
/// stored row holds, an export printed to a terminal cannot carry an escape sequence
/// (colours, OSC 0 title or OSC 52 clipboard writes), and a CR cannot hide a line by
/// overwriting it. Input is cleaned already (`domain::clean`); this keeps older stores
/// and user templates safe. Documents whose format has CRLF line ends (CSV,
/// iCalendar) use [`without_controls_keep_crlf`].
pub(crate) fn without_controls(text: String) -> String {
    strip_controls(text, false)
}

/// As [`without_controls`], keeping the CR of each CRLF line end.
pub(crate) fn without_controls_keep_crlf(text: String) -> String {
    strip_controls(text, true)
}

fn strip_controls(text: String, keep_crlf: bool) -> String {
    let unwanted = |s: &str, i: usize, c: char| {
        c.is_control()
            && c != '\n'
            && c != '\t'
            && !(keep_crlf && c == '\r' && s[i + 1..].starts_with('\n'))
    };
    // A control character in UTF-8 starts with an ASCII control byte or with 0xC2 (C1
    // controls, U+0080–U+009F), bytes that never occur inside another character: text
    // without them (nearly all of it) goes through after one pass over its bytes.
    let bytes = text.as_bytes();
    let suspect = |(i, &b): (usize, &u8)| match b {
        b'\n' | b'\t' => false,
        b'\r' => !(keep_crlf && bytes.get(i + 1) == Some(&b'\n')),
        0..=0x1f | 0x7f => true,
        0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        _ => false,
    };
    if !bytes.iter().enumerate().any(suspect) {
        return text;
    }
    text.char_indices()
        .filter(|&(i, c)| !unwanted(&text, i, c))
        .map(|(_, c)| c)
        .collect()
}

/// The program and version, for the footer and `<meta name="generator">` of documents.
pub(crate) const GENERATOR: &str = concat!("tidig ", env!("CARGO_PKG_VERSION"));

// ---------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------

/// Where a user keeps templates that replace the built-in export templates:
/// `<config dir>/templates/`. A file there named like a built-in (`summary.html.j2`)
/// is used instead of it.
pub fn user_templates_dir(config_dir: &Path) -> PathBuf {
    config_dir.join("templates")
}

/// Where an export's templates come from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum TemplateSource {
    /// Only the templates compiled in from `assets/export/`.
    #[default]
    BuiltIn,
    /// A user folder (normally [`user_templates_dir`]) whose files replace the
    /// built-in templates of the same name; anything missing there is built in.
    Dir(PathBuf),
}

/// An environment with the shared syntax (blocks trimmed, trailing newline kept),
/// strict undefined values and the text filters:
///
/// - `md`, `md_line`, `md_cell`: user text escaped for Markdown (paragraphs, one line,
///   a table cell), so that it stays text;
/// - `md_note`: a Markdown note body as written, with an unclosed code fence closed so
///   that it cannot swallow the rest of the document;
/// - `markdown`: a Markdown note body as safe HTML ([`markdown_html`]);
/// - `plain`: a Markdown note body as plain text ([`markdown_plain`]);
/// - `rule(c)`: `c` repeated as wide as the text is on screen, to underline a heading
///   in plain text (`length` counts bytes, so `å` would count twice).
///
/// Templates whose names end in .html (+ .j2) are HTML-escaped automatically.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ProjectCtx<'a> {
    pub code: &'a str,
    pub title: &'a str,
    pub buyer: &'a str,
    pub case_number: &'a str,
    /// The phase as the document's language names it (empty where not shown).
    pub phase: &'a str,
}

impl<'a> ProjectCtx<'a> {
    /// The project as every export's header shows it.
    pub(crate) fn of(project: &'a crate::domain::Project, phase: &'a str) -> ProjectCtx<'a> {
        ProjectCtx {
            code: &project.code,
            title: project.title.trim(),
            buyer: project.buyer_name.as_deref().unwrap_or("").trim(),
            case_number: project.case_number.trim(),
            phase,
        }
    }
}

/// What a printed page carries in its margins (CSS `@page` margin boxes, in
/// `print.css.j2`): the buyer, the project's code and case number, the document's
/// title and date, "UTKAST" on a draft, and the page number.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PageCtx {
    /// Top left: the buyer organisation.
    pub top_left: String,
    /// Top middle: the project's code and case number ("NORR-24 · Dnr KS 2024/0117").
    pub top_center: String,
    /// Top right: the document's title and date, after "UTKAST" on a draft.
    pub top_right: String,
    /// "UTKAST" on a draft (also its watermark), else empty.
    pub draft: &'static str,
    /// "Sida {page} ({pages})": the page number's pattern in the document's language.
    pub counter: &'static str,
}

impl PageCtx {
    /// The margins of a page of `title`, dated `date`, about `project` (if any).
    pub fn new(
        lang: Lang,
        project: Option<&crate::domain::Project>,
        title: &str,
        date: &str,
        draft: bool,
    ) -> PageCtx {
        let word = |key| catalog::text(lang, "document", key);
        let (buyer, code) = match project {
            Some(p) => {
                let case = p.case_number.trim();
                let code = if case.is_empty() {
                    p.code.clone()
                } else {
                    format!("{} · {} {case}", p.code, word("case_number_short"))
                };
                (
                    p.buyer_name.as_deref().unwrap_or("").trim().to_string(),
                    code,
                )
            }
            None => (String::new(), String::new()),
        };
        let draft = if draft { word("draft") } else { "" };
        let mut right = format!("{} · {date}", title.trim());
        if !draft.is_empty() {
            right = format!("{draft} · {right}");
        }
        PageCtx {
            top_left: buyer,
            top_center: code,
            top_right: right,
            draft,
            counter: word("page_counter"),
        }
    }
}

/// `text` as a CSS string literal (`"…"`), safe inside a `<style>` element: quotes,
/// backslashes, `<`, `>`, `&`, control and bidirectional characters are CSS escapes, so
/// the text can neither end the string nor the element (HTML escaping does not apply
/// inside `<style>`).
pub(crate) fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        let escape = matches!(c, '"' | '\\' | '<' | '>' | '&' | '\'')
            || c.is_control()
            || crate::domain::visible::bidi_name(c).is_some();
        if escape {
            // A hex escape ends at the space after it.
            out.push_str(&format!("\\{:x} ", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

/// A page-number pattern ("Sida {page} ({pages})") as a CSS `content` value: strings
/// around `counter(page)` and `counter(pages)`.
pub(crate) fn css_counter(pattern: &str) -> String {
    let mut parts = Vec::new();
    let mut rest = pattern;
    while let Some(at) = rest.find('{') {
        let (before, after) = rest.split_at(at);
        let counter = if after.starts_with("{pages}") {
            Some(("counter(pages)", "{pages}".len()))
        } else if after.starts_with("{page}") {
            Some(("counter(page)", "{page}".len()))
        } else {
            None
        };
        match counter {
            Some((css, len)) => {
                if !before.is_empty() {
                    parts.push(css_string(before));
                }
                parts.push(css.to_string());
                rest = &after[len..];
            }
            None => {
                parts.push(css_string(&rest[..at + 1]));
                rest = &after[1..];
            }
        }
    }
    if !rest.is_empty() {
        parts.push(css_string(rest));
    }
    parts.join(" ")
}

/// The print styles every HTML export includes (`{% include "print.css.j2" %}` inside
/// its `<style>`): A4 pages with a running header and page numbers, a draft's
/// watermark, tables that repeat their header and never break a word, headings kept
/// with what follows, and links printed with their address.
pub const PRINT_CSS: (&str, &str) = (
    "print.css.j2",
    include_str!("../../assets/export/print.css.j2"),
);

pub(crate) fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Every value a template prints is a bidirectional isolate when it holds a bidi
    // control (`domain::visible::isolated`, the `<bdi>` of plain text, which works in
    // attributes and `<title>` too): an RLO in one field cannot reorder the rest of the
    // line in HTML, Markdown or text. Escaping is then done as usual.
    env.set_formatter(|out, state, value| {
        if !value.is_safe()
            && let Some(s) = value.as_str()
            && let std::borrow::Cow::Owned(isolated) = crate::domain::visible::isolated(s)
        {
            return minijinja::escape_formatter(out, state, &Value::from(isolated));
        }
        minijinja::escape_formatter(out, state, value)
    });
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .expect("default delimiters are valid"),
    );
    env.add_filter("md", |s: String| markdown_block(&s));
    env.add_filter("md_line", |s: String| markdown_line(&s));
    env.add_filter("md_cell", |s: String| markdown_cell(&s));
    env.add_filter("md_note", |s: String| markdown_note(&s));
    env.add_filter("markdown", |s: String| {
        Value::from_safe_string(markdown_html(&s))
    });
    env.add_filter("plain", |s: String| markdown_plain(&s));
    env.add_filter("rule", |s: String, c: String| {
        c.repeat(unicode_width::UnicodeWidthStr::width(s.as_str()))
    });
    env.add_filter("css_string", |s: String| {
        Value::from_safe_string(css_string(&s))
    });
    env.add_filter("css_counter", |s: String| {
        Value::from_safe_string(css_counter(&s))
    });
    // Every HTML template, a user's own too, includes the shared print styles.
    env.add_template(PRINT_CSS.0, PRINT_CSS.1)
        .expect("the print styles parse");
    env
}

/// The compiled-in document templates (needs description and learning examples).
///
/// The names end in .md/.html (+ .j2) so that minijinja's default auto-escaping
/// applies: HTML escaping for the HTML pages, none for Markdown, where user text goes
/// through the `md` filters instead.
pub(crate) fn documents() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = environment();
        let templates = [
            (
                needs::MD_TEMPLATE,
                include_str!("../../assets/export/needs.md.j2"),
            ),
            (
                needs::HTML_TEMPLATE,
                include_str!("../../assets/export/needs.html.j2"),
            ),
            (
                lessons::MD_TEMPLATE,
                include_str!("../../assets/export/lessons.md.j2"),
            ),
            (
                lessons::HTML_TEMPLATE,
                include_str!("../../assets/export/lessons.html.j2"),
            ),
            (
                report::MD_TEMPLATE,
                include_str!("../../assets/export/report.md.j2"),
            ),
            (
                report::HTML_TEMPLATE,
                include_str!("../../assets/export/report.html.j2"),
            ),
            (
                dialogue::MD_TEMPLATE,
                include_str!("../../assets/export/dialogue.md.j2"),
            ),
            (
                dialogue::HTML_TEMPLATE,
                include_str!("../../assets/export/dialogue.html.j2"),
            ),
        ];
        for (name, source) in templates {
            env.add_template(name, source)
                .unwrap_or_else(|e| panic!("the template {name} parses: {e}"));
        }
        env
    })
}

// ---------------------------------------------------------------------------------------
// Languages
// ---------------------------------------------------------------------------------------

pub use crate::catalog::Lang;

pub use crate::catalog::{weekday, weekday_long};

/// `tor 2026-12-03`: the weekday and the ISO date.
pub fn day_label(lang: Lang, day: NaiveDate) -> String {
    format!("{} {}", weekday(lang, day), day.format("%Y-%m-%d"))
}

// ---------------------------------------------------------------------------------------
// Markdown written by the user (note bodies)
// ---------------------------------------------------------------------------------------

/// What user Markdown may use: tables, strikethrough and task lists on top of
/// CommonMark. No footnotes, math or metadata blocks.
fn note_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// A link target that is safe to keep: `http`, `https` and `mailto` links, and targets
/// without a scheme. Browsers ignore tabs, line breaks and leading control characters
/// in a URL and read the scheme in any case, so `Java\tScript:` counts as
/// `javascript:` here too.
pub(crate) fn safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match cleaned.find(':') {
        None => true,
        Some(colon) => {
            // A colon after a path, query or fragment starts no scheme.
            if cleaned[..colon].contains(['/', '?', '#']) {
                return true;
            }
            matches!(&cleaned[..colon], "http" | "https" | "mailto")
        }
    }
}

/// A note body (Markdown) as HTML that is safe to put in a page: raw HTML in the note
/// is shown as the text it is, links to anything but web and mail addresses
/// (`javascript:`, `data:` …) are dropped (their text stays), and images are reduced
/// to their description so that opening the file loads nothing. Every run of text
/// that holds a bidirectional control is an isolate of its own (see `isolate_run`), so
/// that an override (RLO) in a note cannot reorder the rest of its paragraph, its
/// list item or the page around it.
pub fn markdown_html(src: &str) -> String {
    // Whether each open link was dropped, innermost last.
    let mut links: Vec<bool> = Vec::new();
    let events = Parser::new_ext(src, note_options()).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::Link {
            link_type,
            ref dest_url,
            ..
        }) => {
            let keep = safe_url(dest_url);
            links.push(!keep);
            if keep && matches!(link_type, LinkType::Autolink | LinkType::Email) {
                // Its text is its address: marked, so that print does not repeat it.
                let mut tag = String::from("<a class=\"bare\" href=\"");
                if link_type == LinkType::Email && !dest_url.starts_with("mailto:") {
                    tag.push_str("mailto:");
                }
                pulldown_cmark_escape::escape_href(&mut tag, dest_url)
                    .expect("writing to a String cannot fail");
                tag.push_str("\">");
                return Some(Event::InlineHtml(tag.into()));
            }
            keep.then_some(event)
        }
        Event::End(TagEnd::Link) => (!links.pop().unwrap_or(false)).then_some(event),
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    });
    let events = events.map(|event| match event {
        Event::Text(t) => Event::Text(isolate_run(t)),
        Event::Code(t) => Event::Code(isolate_run(t)),
        other => other,
    });
    let mut out = String::with_capacity(src.len() * 3 / 2 + 16);
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

/// One run of a note's text (between two pieces of markup) as a bidirectional isolate
/// if it holds a bidi control: FSI … PDI, the plain-text `<bdi>`, with its own isolates
/// balanced (`domain::visible::isolated`). Markdown splits a paragraph into runs at
/// every emphasis, link or line, so an override ends at the end of the user's run.
fn isolate_run(t: pulldown_cmark::CowStr<'_>) -> pulldown_cmark::CowStr<'_> {
    if let std::borrow::Cow::Owned(isolated) = crate::domain::visible::isolated(&t) {
        return isolated.into();
    }
    t
}

/// A note body (Markdown) as plain text: paragraphs separated by a blank line, list
/// items with `- ` or their number, markup characters gone. Raw HTML is kept as the
/// text it is; a safe link's address follows its text in parentheses.
pub fn markdown_plain(src: &str) -> String {
    let mut w = PlainWriter::default();
    for event in Parser::new_ext(src, note_options()) {
        w.event(event);
    }
    w.finish()
}

#[derive(Default)]
struct PlainWriter {
    out: String,
    /// Open lists: the next number of an ordered one, `None` for bullets.
    lists: Vec<Option<u64>>,
    /// Just wrote a list marker: the item's first paragraph continues on its line.
    after_marker: bool,
    /// Open links: the address to add after the text, if any.
    links: Vec<Option<String>>,
    /// Where the current link's text starts in `out`.
    link_text_at: Vec<usize>,
    in_code_block: bool,
}

impl PlainWriter {
    fn indent(&self) -> String {
        "  ".repeat(self.lists.len())
    }

    /// Ends the line, if one is open.
    fn line_break(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    /// Starts a block: a blank line after the previous one, except as the first block
    /// of a list item or inside a list.
    fn block_start(&mut self) {
        if self.after_marker {
            self.after_marker = false;
            return;
        }
        self.line_break();
        if !self.out.is_empty() && !self.out.ends_with("\n\n") && self.lists.is_empty() {
            self.out.push('\n');
        }
        let indent = self.indent();
        self.out.push_str(&indent);
    }

    fn text(&mut self, t: &str) {
        self.after_marker = false;
        if self.in_code_block || t.contains('\n') {
            let indent = self.indent();
            let mut lines = t.split('\n').peekable();
            while let Some(line) = lines.next() {
                self.out.push_str(line);
                if lines.peek().is_some() {
                    self.out.push('\n');
                    self.out.push_str(&indent);
                }
            }
        } else {
            self.out.push_str(t);
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::HtmlBlock
                | Tag::Table(_) => self.block_start(),
                Tag::CodeBlock(_) => {
                    self.block_start();
                    self.in_code_block = true;
                }
                Tag::List(first) => {
                    if self.lists.is_empty() {
                        self.block_start();
                        // The first item writes its own marker on this line.
                        let indent_len = self.indent().len();
                        self.out.truncate(self.out.len() - indent_len);
                    }
                    self.after_marker = false;
                    self.lists.push(first);
                }
                Tag::Item => {
                    self.line_break();
                    let depth = self.lists.len().saturating_sub(1);
                    let marker = match self.lists.last_mut() {
                        Some(Some(n)) => {
                            let m = format!("{n}. ");
                            *n += 1;
                            m
                        }
                        _ => "- ".to_string(),
                    };
                    self.out.push_str(&"  ".repeat(depth));
                    self.out.push_str(&marker);
                    self.after_marker = true;
                }
                Tag::Link { dest_url, .. } => {
                    let url = safe_url(&dest_url).then(|| dest_url.to_string());
                    self.links.push(url);
                    self.link_text_at.push(self.out.len());
                }
                Tag::TableRow | Tag::TableHead => self.line_break(),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::CodeBlock => {
                    self.in_code_block = false;
                    while self.out.ends_with('\n') || self.out.ends_with(' ') {
                        self.out.pop();
                    }
                }
                TagEnd::List(_) => {
                    self.lists.pop();
                }
                TagEnd::Link => {
                    let at = self.link_text_at.pop().unwrap_or(self.out.len());
                    if let Some(Some(url)) = self.links.pop() {
                        let shown = self.out[at..].to_string();
                        let bare = url.strip_prefix("mailto:").unwrap_or(&url);
                        if shown != url && shown != bare {
                            self.out.push_str(&format!(" ({url})"));
                        }
                    }
                }
                TagEnd::TableCell => self.out.push_str(" | "),
                TagEnd::TableRow | TagEnd::TableHead => {
                    while self.out.ends_with(' ') || self.out.ends_with('|') {
                        self.out.pop();
                    }
                }
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => self.text(&t),
            Event::Html(t) | Event::InlineHtml(t) => self.text(t.trim_end_matches('\n')),
            Event::SoftBreak | Event::HardBreak => {
                self.out.push('\n');
                let indent = self.indent();
                self.out.push_str(&indent);
            }
            Event::Rule => {
                self.block_start();
                self.out.push_str("———");
            }
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.text(&t)
            }
        }
    }

    fn finish(self) -> String {
        self.out
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }
}

/// A note body for a Markdown document: as written, trimmed, with an unclosed code
/// fence closed so that the rest of the document does not become code, and made safe
/// and faithful for whatever renders the Markdown next (pandoc, a Git host, a mail
/// client): see [`markdown_defuse`].
pub(crate) fn markdown_note(src: &str) -> String {
    // Defusing can change how the rest parses (an HTML block swallows the lines after
    // it until a blank line; escaped, they become Markdown again), so repeat until
    // nothing changes. Each pass only adds escapes, so this ends quickly.
    let mut text = close_fences(src);
    for _ in 0..8 {
        let next = markdown_defuse(&text);
        if next == text {
            break;
        }
        text = next;
    }
    text
}

/// The note trimmed, with an unclosed code fence closed.
fn close_fences(src: &str) -> String {
    let body = src.trim_matches('\n').trim_end();
    let mut open: Option<(char, usize)> = None;
    for line in body.lines() {
        let t = line.trim_start();
        if line.len() - t.len() > 3 {
            continue;
        }
        let Some(c) = t.chars().next().filter(|c| matches!(c, '`' | '~')) else {
            continue;
        };
        let run = t.chars().take_while(|x| *x == c).count();
        if run < 3 {
            continue;
        }
        match open {
            None => open = Some((c, run)),
            Some((oc, orun)) if oc == c && run >= orun && t[run..].trim().is_empty() => open = None,
            Some(_) => {}
        }
    }
    match open {
        Some((c, run)) => format!("{body}\n{}", c.to_string().repeat(run)),
        None => body.to_string(),
    }
}

/// Markdown as the note's author saw it in the editor, and nothing more: a line break
/// stays a line break (a hard break, not a space), raw HTML shows as the text it is
/// (`<script>` is escaped, not run), links to anything but web and mail addresses
/// (`javascript:`) and images (which would load from the network) are kept as plain
/// text. Code blocks and code spans are left exactly as written.
fn markdown_defuse(src: &str) -> String {
    // Edits as (byte offset, text to insert); `src` itself is never cut.
    let mut inserts: Vec<(usize, &str)> = Vec::new();
    let mut escape_lt: Vec<std::ops::Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(src, note_options()).into_offset_iter() {
        match event {
            Event::SoftBreak => inserts.push((range.start, "\\")),
            Event::Html(_) | Event::InlineHtml(_) => escape_lt.push(range),
            Event::Start(Tag::Link { ref dest_url, .. }) if !safe_url(dest_url) => {
                inserts.push((range.start, "\\"));
            }
            Event::Start(Tag::Image { .. }) => {
                // `\![alt](src)` would still be a link; `\!\[alt](src)` is text.
                inserts.push((range.start, "\\"));
                inserts.push((range.start + 1, "\\"));
            }
            _ => {}
        }
    }
    for range in escape_lt {
        for (i, _) in src[range.clone()].match_indices('<') {
            inserts.push((range.start + i, "\\"));
        }
    }
    inserts.sort_by_key(|(at, _)| *at);
    inserts.dedup();
    let mut out = String::with_capacity(src.len() + inserts.len() * 2);
    let mut from = 0;
    for (at, text) in inserts {
        out.push_str(&src[from..at]);
        out.push_str(text);
        from = at;
    }
    out.push_str(&src[from..]);
    out
}

// ---------------------------------------------------------------------------------------
// Markdown escaping
// ---------------------------------------------------------------------------------------

/// User text as Markdown paragraphs that stay text: markup characters are
/// backslash-escaped, line breaks are kept as hard breaks and blank lines as paragraph
/// breaks, and a line that would start a heading, a quote, a rule or a code block is
/// defused. Lists typed with `-` or `1.` stay lists, which reads as intended.
pub(crate) fn markdown_block(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut pending_break = false;
    let mut blank_run = false;
    for line in s.trim().lines() {
        let line = line.trim_end();
        if line.is_empty() {
            pending_break = false;
            blank_run = true;
            continue;
        }
        if blank_run {
            out.push_str("\n\n");
        } else if pending_break {
            out.push_str("  \n");
        }
        blank_run = false;
        pending_break = true;
        // Indentation of four or more would make a code block; two keeps nested lists.
        let indent = line.len() - line.trim_start().len();
        let line = line.trim_start();
        out.push_str(&" ".repeat(indent.min(3)));
        escape_line_start(line, &mut out);
    }
    out
}

/// User text on one line (a heading, a list item): line breaks become spaces.
pub(crate) fn markdown_line(s: &str) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(joined.len() + 8);
    escape_line_start(&joined, &mut out);
    out
}

/// Text for a table cell: escaped, on one line (line breaks become `<br>`).
pub(crate) fn markdown_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, line) in s.trim().lines().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        escape_inline(line.trim(), &mut out);
    }
    out
}

/// Escapes what makes a line into a block other than a paragraph or a list item:
/// `#` headings, `---`/`===` rules and heading underlines, `~~~` code fences. Quotes
/// (`>`), backtick fences and `*`/`_` rules are escaped everywhere anyway.
fn escape_line_start(line: &str, out: &mut String) {
    let rule =
        line.starts_with(['-', '=']) && line.chars().all(|c| matches!(c, '-' | '=' | ' ' | '\t'));
    if line.starts_with('#') || rule || line.starts_with("~~~") {
        out.push('\\');
    }
    escape_inline(line, out);
}

/// Backslash-escapes inline markup: emphasis, code, links, raw HTML, table pipes and
/// `&` when it would start a character reference such as `&amp;`.
fn escape_inline(line: &str, out: &mut String) {
    for (i, c) in line.char_indices() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' => true,
            '&' => starts_entity(&line[i + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

/// `amp;`, `#228;`, `#xE4;`: what follows an `&` in a character reference.
fn starts_entity(rest: &str) -> bool {
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    !name.is_empty() && rest[name.len()..].starts_with(';')
}

// ---------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------

/// Starts a CSV file: a UTF-8 byte order mark, so that spreadsheet programs read
/// å, ä and ö as UTF-8 rather than in the local 8-bit code page.
pub const CSV_BOM: char = '\u{feff}';

/// What separates the fields of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvSeparator {
    Comma,
    Semicolon,
    Tab,
}

impl CsvSeparator {
    pub fn as_char(self) -> char {
        match self {
            CsvSeparator::Comma => ',',
            CsvSeparator::Semicolon => ';',
            CsvSeparator::Tab => '\t',
        }
    }

    /// What a spreadsheet set to `lang` reads without asking: Swedish Excel and
    /// LibreOffice take `;`, since the comma is the decimal sign there; English `,`.
    pub fn for_lang(lang: Lang) -> CsvSeparator {
        match lang {
            Lang::Sv => CsvSeparator::Semicolon,
            Lang::En => CsvSeparator::Comma,
        }
    }
}

/// Appends one RFC 4180 record: fields separated by `separator`, quoted (with quotes
/// doubled) when they hold the separator, a quote, CR or LF, and the record ended by
/// CRLF. Every field is guarded against formula injection first (`csv_guard`).
pub(crate) fn csv_record<S: AsRef<str>>(out: &mut String, fields: &[S], separator: CsvSeparator) {
    let separator = separator.as_char();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(separator);
        }
        let field = csv_guard(field.as_ref());
        if field.contains([separator, '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

/// A cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-` or
/// `@`, or with a tab or CR that some programs skip before one) gets a leading `'`,
/// so it is shown as the text it is and never evaluated.
pub fn csv_guard(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_end_the_string_or_the_style_element() {
        assert_eq!(css_string("Luleå kommun"), "\"Luleå kommun\"");
        assert_eq!(
            css_string("a\"b\\c</style><x>&'"),
            r#""a\22 b\5c c\3c /style\3e \3c x\3e \26 \27 ""#
        );
        assert_eq!(css_string("rad\nny \u{202E}"), r#""rad\a ny \202e ""#);
    }

    #[test]
    fn page_counters_follow_the_pattern_of_each_language() {
        assert_eq!(
            css_counter("Sida {page} ({pages})"),
            r#""Sida " counter(page) " (" counter(pages) ")""#
        );
        assert_eq!(
            css_counter("Page {page} of {pages}"),
            r#""Page " counter(page) " of " counter(pages)"#
        );
        assert_eq!(
            css_counter("{page}/{pages}"),
            r#"counter(page) "/" counter(pages)"#
        );
        // A brace that is no placeholder is text.
        assert_eq!(css_counter("{x} {page}"), r#""{" "x} " counter(page)"#);
    }

    #[test]
    fn links_written_as_their_address_are_marked_bare() {
        assert_eq!(
            markdown_html("<https://a.se/x?a=1&b=2> och <ida@example.se>"),
            "<p><a class=\"bare\" href=\"https://a.se/x?a=1&amp;b=2\">https://a.se/x?a=1&amp;b=2</a> \
             och <a class=\"bare\" href=\"mailto:ida@example.se\">ida@example.se</a></p>\n"
        );
        // An unsafe autolink is still dropped to its text.
        assert!(!markdown_html("<javascript:alert(1)>").contains("href"));
    }

    #[test]
    fn documents_lose_control_characters_but_keep_line_ends() {
        assert_eq!(
            without_controls_keep_crlf("a\u{1b}]52;c;eA==\u{7}b\u{9b}\r\nc\td\re\n".into()),
            "a]52;c;eA==b\r\nc\tde\n"
        );
        assert_eq!(without_controls("Åsa 🙂\n".into()), "Åsa 🙂\n");
        // Documents with LF line ends keep no CR at all.
        assert_eq!(without_controls("a\r\nb\rc".into()), "a\nbc");
    }

    #[test]
    fn printed_values_with_bidi_controls_are_isolated_in_html_too() {
        let mut env = environment();
        env.add_template("t.html", "<title>{{ t }}</title><p>{{ t }}: {{ u }}</p>")
            .unwrap();
        let out = env
            .get_template("t.html")
            .unwrap()
            .render(minijinja::context! { t => "exe.\u{202E}txt", u => "<b>" })
            .unwrap();
        assert_eq!(
            out,
            "<title>\u{2068}exe.\u{202E}txt\u{2069}</title>\
             <p>\u{2068}exe.\u{202E}txt\u{2069}: &lt;b&gt;</p>"
        );
    }

    #[test]
    fn an_override_in_a_note_body_stays_inside_its_own_run_of_text() {
        let html = markdown_html(
            "Före \u{202E}baklänges *betonat* efter\n\n- punkt \u{202B}ett\n- två `\u{202E}kod`",
        );
        assert_eq!(
            html,
            "<p>\u{2068}Före \u{202E}baklänges \u{2069}<em>betonat</em> efter</p>\n\
             <ul>\n<li>\u{2068}punkt \u{202B}ett\u{2069}</li>\n\
             <li>två <code>\u{2068}\u{202E}kod\u{2069}</code></li>\n</ul>\n"
        );
        // Text without a bidi control is left as it is.
        assert_eq!(
            markdown_html("Vanlig *text*"),
            "<p>Vanlig <em>text</em></p>\n"
        );
        // Raw HTML shown as text is isolated too.
        let raw = markdown_html("ett <b>\u{202E}x</b>");
        assert!(raw.contains("\u{2068}\u{202E}x\u{2069}"), "{raw:?}");
    }

    #[test]
    fn markdown_blocks_keep_paragraphs_lines_and_lists() {
        assert_eq!(
            markdown_block("Första raden\nandra raden\n\n\nNytt stycke"),
            "Första raden  \nandra raden\n\nNytt stycke"
        );
        assert_eq!(
            markdown_block("Vi såg:\n- kön\n- *priset*"),
            "Vi såg:  \n- kön  \n- \\*priset\\*"
        );
        assert_eq!(markdown_block("# Rubrik\n---"), "\\# Rubrik  \n\\---");
        assert_eq!(markdown_block("Rubrik?\n="), "Rubrik?  \n\\=");
        assert_eq!(markdown_block("___\n```"), "\\_\\_\\_  \n\\`\\`\\`");
        assert_eq!(markdown_block("- x"), "- x");
        assert_eq!(markdown_block("        kod?"), "kod?");
        assert_eq!(markdown_block("a\n        b"), "a  \n   b");
        assert_eq!(markdown_block("<script>"), "\\<script\\>");
    }

    #[test]
    fn markdown_escapes_references_but_not_plain_ampersands() {
        assert_eq!(
            markdown_line("Forskning & utveckling"),
            "Forskning & utveckling"
        );
        assert_eq!(markdown_line("A&amp;B &#228;"), "A\\&amp;B \\&#228;");
        assert_eq!(markdown_line("rad 1\nrad 2"), "rad 1 rad 2");
        assert_eq!(markdown_cell("a | b\nc"), r"a \| b<br>c");
    }

    #[test]
    fn only_web_and_mail_links_are_safe() {
        for ok in [
            "https://example.se/a?b=c:d",
            "http://x",
            "mailto:a@b.se",
            "a@b.se",
            "sida.html",
            "#rubrik",
            "a/b:c",
        ] {
            assert!(safe_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:x",
            "\u{1}javascript:x",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:x",
            "file:///etc/passwd",
        ] {
            assert!(!safe_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn note_html_escapes_raw_html_and_drops_unsafe_links() {
        assert_eq!(
            markdown_html("**fet** <b>rå</b> [x](javascript:alert(1)) [ok](https://a.se)"),
            "<p><strong>fet</strong> &lt;b&gt;rå&lt;/b&gt; x <a href=\"https://a.se\">ok</a></p>\n"
        );
        let html = markdown_html(
            "<script>alert(1)</script>\n\n![bild](https://spår.se/p.png) <javascript:alert(2)>",
        );
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(html.contains("bild"), "{html}");
        // Reference links and entities in the target are checked after decoding.
        let html = markdown_html("[a][r] [b](&#106;avascript:x)\n\n[r]: javascript:alert(3)");
        assert!(!html.contains("href"), "{html}");
    }

    #[test]
    fn note_plain_text_keeps_structure_and_drops_markup() {
        assert_eq!(
            markdown_plain(
                "# Rubrik\n\nEtt *stycke* med `kod`\noch radbrytning.\n\n- ett\n- två\n  - tre\n\n1. a\n2. b"
            ),
            "Rubrik\n\nEtt stycke med kod\noch radbrytning.\n\n- ett\n- två\n  - tre\n\n1. a\n2. b"
        );
        assert_eq!(
            markdown_plain("Se [sidan](https://a.se) och <https://b.se>, inte [x](javascript:y)."),
            "Se sidan (https://a.se) och https://b.se, inte x."
        );
        assert_eq!(markdown_plain("rå <b>html</b>"), "rå <b>html</b>");
        assert_eq!(
            markdown_plain("- [x] klart\n- [ ] kvar"),
            "- [x] klart\n- [ ] kvar"
        );
        assert_eq!(
            markdown_plain("```\nkod\n  rad\n```\nefter"),
            "kod\n  rad\n\nefter"
        );
    }

    #[test]
    fn note_markdown_closes_an_unclosed_fence() {
        assert_eq!(
            markdown_note("text\n```rust\nkod"),
            "text\n```rust\nkod\n```"
        );
        assert_eq!(markdown_note("~~~~\nkod\n~~~"), "~~~~\nkod\n~~~\n~~~~");
        assert_eq!(markdown_note("```\nkod\n```\n"), "```\nkod\n```");
        assert_eq!(markdown_note("\n\n  indrag\n"), "  indrag");
    }

    #[test]
    fn note_markdown_keeps_line_breaks_and_defuses_html_links_and_images() {
        // Lines typed one under the other stay so (a hard break), also in lists.
        assert_eq!(markdown_note("rad 1\nrad 2"), "rad 1\\\nrad 2");
        assert_eq!(
            markdown_html(&markdown_note("rad 1\nrad 2")),
            "<p>rad 1<br />\nrad 2</p>\n"
        );
        // Raw HTML is text, inline or as a block.
        assert_eq!(markdown_note("a <b>fet</b>"), "a \\<b>fet\\</b>");
        assert_eq!(
            markdown_note("<script>alert(1)</script>"),
            "\\<script>alert(1)\\</script>"
        );
        // Unsafe links and autolinks are text; safe ones stay links.
        assert_eq!(
            markdown_note("[x](javascript:alert(1)) och <javascript:y>"),
            "\\[x](javascript:alert(1)) och \\<javascript:y>"
        );
        assert_eq!(
            markdown_note("[sidan](https://a.se)"),
            "[sidan](https://a.se)"
        );
        // An image would load from the network when opened: kept as text.
        assert_eq!(
            markdown_note("![spår](https://t.se/p.gif)"),
            "\\!\\[spår](https://t.se/p.gif)"
        );
        // Code is left exactly as written.
        assert_eq!(markdown_note("```\n<b>\nrad\n```"), "```\n<b>\nrad\n```");
        assert_eq!(markdown_note("`<b>`"), "`<b>`");
        // What any Markdown renderer makes of it has no tag, no unsafe link, no image.
        let plain_render = |md: &str| {
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, Parser::new_ext(md, note_options()));
            html
        };
        let html = plain_render(&markdown_note(
            "<img src=x onerror=alert(1)>\n[x](javascript:y)\n![a](https://t.se/p.gif)",
        ));
        assert!(
            !html.contains("<img") && !html.contains("href=\"javascript"),
            "{html}"
        );
    }

    #[test]
    fn weekdays_in_both_languages() {
        let thursday = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        assert_eq!(day_label(Lang::Sv, thursday), "tor 2026-11-26");
        assert_eq!(day_label(Lang::En, thursday), "Thu 2026-11-26");
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
    }

    #[test]
    fn csv_quotes_only_when_needed_and_guards_formulas() {
        let mut out = String::new();
        let fields = [
            "B-001",
            "a, b",
            "sa \"hej\"",
            "rad\nrad",
            "=1+1",
            "-2",
            "x;y",
            "1,5",
        ];
        csv_record(&mut out, &fields, CsvSeparator::Comma);
        assert_eq!(
            out,
            "B-001,\"a, b\",\"sa \"\"hej\"\"\",\"rad\nrad\",'=1+1,'-2,x;y,\"1,5\"\r\n"
        );
        // With `;` the semicolon is what needs quotes, and the comma does not.
        let mut out = String::new();
        csv_record(&mut out, &fields, CsvSeparator::Semicolon);
        assert_eq!(
            out,
            "B-001;a, b;\"sa \"\"hej\"\"\";\"rad\nrad\";'=1+1;'-2;\"x;y\";1,5\r\n"
        );
        let mut out = String::new();
        csv_record(&mut out, &["a b", "c\td"], CsvSeparator::Tab);
        assert_eq!(out, "a b\t\"c\td\"\r\n");
        assert_eq!(CsvSeparator::for_lang(Lang::Sv), CsvSeparator::Semicolon);
        assert_eq!(CsvSeparator::for_lang(Lang::En), CsvSeparator::Comma);
        assert_eq!(csv_guard("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_guard("\tx"), "'\tx");
        assert_eq!(csv_guard("Kök"), "Kök");
        assert_eq!(csv_guard(""), "");
    }
}
