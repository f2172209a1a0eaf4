//! Pure renderers: iCalendar, printable agendas, the needs description (Markdown, HTML,
//! CSV) and learning examples. They take domain values and return text; they never
//! read the database, touch the terminal or write files.

pub mod agenda;
pub mod ical;
pub mod lessons;
pub mod needs;

use std::sync::OnceLock;

use minijinja::syntax::SyntaxConfig;
use minijinja::{Environment, UndefinedBehavior};

pub use agenda::{AgendaFormat, render as render_agenda};
pub use ical::{CalendarEntry, calendar};
pub use lessons::{LessonsFormat, render as render_lessons};
pub use needs::{NeedsFormat, render as render_needs};

/// The fair-dialogue statement carried by everything about a supplier-facing meeting
/// (DESIGN §6). English for now; it moves to the translated texts with the Swedish
/// interface.
pub const FAIR_DIALOGUE: &str = "Fair dialogue: the procurement has not started and this is \
not a negotiation. The same information is given to all suppliers, and a summary of the \
dialogue will be published.";

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A bug in an embedded template: the message names the template and the line.
    #[error("export template failed: {0}")]
    Template(String),
}

impl From<minijinja::Error> for ExportError {
    fn from(e: minijinja::Error) -> Self {
        // The plain Display is one line; the alternate one adds a multi-line source dump.
        ExportError::Template(e.to_string())
    }
}

/// The program and version, for the footer and `<meta name="generator">` of documents.
pub(crate) const GENERATOR: &str = concat!("tidig ", env!("CARGO_PKG_VERSION"));

// ---------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------

/// The compiled-in document templates (needs description and learning examples).
///
/// The names end in .md/.html (+ .j2) so that minijinja's default auto-escaping
/// applies: HTML escaping for the HTML pages, none for Markdown, where user text goes
/// through the `md` filters instead.
pub(crate) fn documents() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
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
        ];
        for (name, source) in templates {
            env.add_template(name, source)
                .unwrap_or_else(|e| panic!("the template {name} parses: {e}"));
        }
        env
    })
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

/// Appends one RFC 4180 record: fields separated by commas, quoted (with quotes
/// doubled) when they hold a comma, a quote, CR or LF, and the record ended by CRLF.
/// Every field is guarded against formula injection first (`csv_guard`).
pub(crate) fn csv_record<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let field = csv_guard(field.as_ref());
        if field.contains([',', '"', '\r', '\n']) {
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
    fn csv_quotes_only_when_needed_and_guards_formulas() {
        let mut out = String::new();
        csv_record(
            &mut out,
            &["B-001", "a, b", "sa \"hej\"", "rad\nrad", "=1+1", "-2"],
        );
        assert_eq!(
            out,
            "B-001,\"a, b\",\"sa \"\"hej\"\"\",\"rad\nrad\",'=1+1,'-2\r\n"
        );
        assert_eq!(csv_guard("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_guard("\tx"), "'\tx");
        assert_eq!(csv_guard("Kök"), "Kök");
        assert_eq!(csv_guard(""), "");
    }
}
