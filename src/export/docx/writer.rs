//! The one place a [`Document`] becomes a .docx file, with `docx-rs` building the
//! WordprocessingML. What `docx-rs` does not offer is added to its output here:
//!
//! - a table's header row repeats on every page (`w:tblHeader`; docx-rs has no
//!   setting for it, so the header row is the only one marked `cantSplit` and the
//!   mark is completed after building);
//! - the ZIP is written here, with a fixed timestamp on every entry so that the same
//!   document gives the same bytes;
//! - a reference document's styles, fonts, theme and page margins replace the
//!   built-in ones (see [`Reference`]);
//! - a draft's header carries a diagonal watermark (see [`super::watermark`]).

use std::io::{Cursor, Write};

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, Footer, Header, IndentLevel, Level, LevelJc,
    LevelOverride, LevelText, NumPages, NumberFormat, Numbering, NumberingId, PageMargin, PageNum,
    Paragraph, Run, RunFonts, Start, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use super::model::{Block, Document, ListItem, ParaKind, Span};
use super::reference::Reference;
use crate::export::ExportError;

/// Paragraph style ids; headings use Word's built-in ids and names, so that Word in
/// any language shows them as its own (Rubrik 1, Heading 1) and builds a table of
/// contents from them.
pub const HEADING_STYLES: [(&str, &str); 3] = [
    ("Heading1", "heading 1"),
    ("Heading2", "heading 2"),
    ("Heading3", "heading 3"),
];
const QUOTE: &str = "Quote";
const SMALL: &str = "Small";
const LIST: &str = "ListParagraph";
const HEADER: &str = "Header";
const FOOTER: &str = "Footer";

/// Numbering definitions: bullets, and numbers (each numbered list restarts at 1).
/// Not 1: docx-rs always writes an abstract numbering 1 (decimal) and a numbering 1
/// of its own, and a reader takes the first of two with the same id, which made
/// bulleted lists come out numbered.
const BULLETS: usize = 2;
const NUMBERS: usize = 3;

/// A4 in twentieths of a point, 2.5 cm margins.
const A4: (u32, u32) = (11906, 16838);
const MARGIN: i32 = 1417;

/// The document as a .docx file, with `reference`'s styles if given.
pub fn write(doc: &Document, reference: Option<&Reference>) -> Result<Vec<u8>, ExportError> {
    let mut docx = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(708)
                .footer(708),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri"),
        )
        .default_size(22)
        .created_at(&format!("{}T00:00:00Z", doc.running.date))
        .updated_at(&format!("{}T00:00:00Z", doc.running.date));
    for style in styles() {
        docx = docx.add_style(style);
    }
    docx = docx
        .add_abstract_numbering(levels(BULLETS, false))
        .add_abstract_numbering(levels(NUMBERS, true))
        .add_numbering(Numbering::new(BULLETS, BULLETS));
    if let Some(margins) = reference.and_then(|r| r.margins) {
        docx = docx.page_margin(margins.page_margin());
        if let Some((w, h)) = margins.size {
            docx = docx.page_size(w, h);
        }
    }
    docx = docx
        .header(header(&doc.running))
        .footer(footer(&doc.running));

    // Numbered lists each get their own instance, restarting at 1.
    let mut next_num = NUMBERS + 1;
    for block in &doc.blocks {
        match block {
            Block::Heading(level, text) => {
                let (id, _) = HEADING_STYLES[usize::from(level.clamp(&1, &3) - 1)];
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .style(id)
                        .keep_next(true)
                        .add_run(text_run(text)),
                );
            }
            Block::Paragraph(kind, spans) => {
                let p = match kind {
                    ParaKind::Normal => Paragraph::new(),
                    ParaKind::Quote => Paragraph::new().style(QUOTE),
                    ParaKind::Small => Paragraph::new().style(SMALL),
                };
                docx = docx.add_paragraph(runs(p, spans));
            }
            Block::List { ordered, items } => {
                let num = if *ordered {
                    let id = next_num;
                    next_num += 1;
                    docx = docx.add_numbering(
                        Numbering::new(id, NUMBERS).add_override(LevelOverride::new(0).start(1)),
                    );
                    id
                } else {
                    BULLETS
                };
                for ListItem { level, spans } in items {
                    let p = Paragraph::new()
                        .style(LIST)
                        .numbering(NumberingId::new(num), IndentLevel::new((*level).min(8)));
                    docx = docx.add_paragraph(runs(p, spans));
                }
            }
            Block::Table { header, rows } => docx = docx.add_table(table(header, rows)),
            Block::Facts(pairs) => {
                for (label, value) in pairs {
                    docx = docx.add_paragraph(
                        Paragraph::new()
                            .add_run(text_run(&format!("{label}: ")).bold())
                            .add_run(text_run(value)),
                    );
                }
            }
            Block::Signature {
                heading,
                signed,
                lines,
            } => {
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .style(HEADING_STYLES[1].0)
                        .keep_next(true)
                        .add_run(text_run(heading)),
                );
                if !signed.is_empty() {
                    docx = docx.add_paragraph(
                        Paragraph::new()
                            .keep_next(!lines.is_empty())
                            .add_run(text_run(signed).bold()),
                    );
                }
                let last = lines.len().saturating_sub(1);
                for (i, label) in lines.iter().enumerate() {
                    docx = docx.add_paragraph(
                        Paragraph::new()
                            .keep_next(i < last)
                            .add_run(text_run(&format!("{label}: ")))
                            .add_run(text_run(&"_".repeat(40))),
                    );
                }
            }
        }
    }
    package(docx, reference, &doc.running.draft)
}

/// A run of text, its line breaks kept as breaks. Control characters are dropped:
/// XML 1.0 cannot carry them, and a stored row from an older version might hold one.
fn text_run(text: &str) -> Run {
    let mut run = Run::new();
    let clean: String = text
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| *c == '\n' || !c.is_control())
        .collect();
    for (i, line) in clean.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

fn runs(mut p: Paragraph, spans: &[Span]) -> Paragraph {
    for s in spans {
        let mut run = text_run(&s.text);
        if s.bold {
            run = run.bold();
        }
        if s.italic {
            run = run.italic();
        }
        p = p.add_run(run);
    }
    p
}

fn table(header: &[String], rows: &[Vec<String>]) -> Table {
    let cell = |text: &str, bold: bool| {
        let run = text_run(text);
        TableCell::new().add_paragraph(Paragraph::new().add_run(if bold {
            run.bold()
        } else {
            run
        }))
    };
    // `cantSplit` marks the header row; `package` adds `tblHeader` next to it.
    let mut all = vec![TableRow::new(header.iter().map(|h| cell(h, true)).collect()).cant_split()];
    all.extend(
        rows.iter()
            .map(|r| TableRow::new(r.iter().map(|c| cell(c, false)).collect())),
    );
    Table::new(all).width(5000, WidthType::Pct)
}

fn header(r: &super::model::Running) -> Header {
    let join = |parts: &[&str]| {
        parts
            .iter()
            .filter(|p| !p.trim().is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let mut h = Header::new();
    let first = join(&[&r.organisation, &r.project_code, &r.case_number]);
    if !first.is_empty() {
        h = h.add_paragraph(Paragraph::new().style(HEADER).add_run(text_run(&first)));
    }
    let mut second = Paragraph::new()
        .style(HEADER)
        .add_run(text_run(&join(&[&r.title, &r.date])));
    if !r.draft.is_empty() {
        second = second
            .add_run(text_run(" · "))
            .add_run(text_run(&r.draft).bold().color("C00000"));
    }
    h.add_paragraph(second)
}

fn footer(r: &super::model::Running) -> Footer {
    let (before, between, after) = &r.page_words;
    Footer::new().add_paragraph(
        Paragraph::new()
            .style(FOOTER)
            .align(AlignmentType::Right)
            .add_run(text_run(before))
            .add_page_num(PageNum::new())
            .add_run(text_run(between))
            .add_num_pages(NumPages::new())
            .add_run(text_run(after)),
    )
}

fn styles() -> Vec<Style> {
    let heading = |(id, name): (&str, &str), size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .color("1F3864")
            .outline_lvl(level)
    };
    let mut heading1 = heading(HEADING_STYLES[0], 32, 0);
    heading1.paragraph_property = heading1.paragraph_property.keep_next(true);
    let mut heading2 = heading(HEADING_STYLES[1], 26, 1);
    heading2.paragraph_property = heading2.paragraph_property.keep_next(true);
    let mut heading3 = heading(HEADING_STYLES[2], 22, 2);
    heading3.paragraph_property = heading3.paragraph_property.keep_next(true);
    vec![
        Style::new("Normal", StyleType::Paragraph)
            .name("Normal")
            .q_format(true),
        heading1,
        heading2,
        heading3,
        Style::new(QUOTE, StyleType::Paragraph)
            .name("Quote")
            .based_on("Normal")
            .italic()
            .indent(Some(567), None, Some(567), None),
        Style::new(SMALL, StyleType::Paragraph)
            .name("Small")
            .based_on("Normal")
            .size(16)
            .color("595959"),
        Style::new(LIST, StyleType::Paragraph)
            .name("List Paragraph")
            .based_on("Normal"),
        Style::new(HEADER, StyleType::Paragraph)
            .name("header")
            .based_on("Normal")
            .size(18),
        Style::new(FOOTER, StyleType::Paragraph)
            .name("footer")
            .based_on("Normal")
            .size(18),
    ]
}

/// Nine levels of bullets or of numbers ("1.", "a.", "i." …), each indented more.
fn levels(id: usize, numbered: bool) -> AbstractNumbering {
    let mut a = AbstractNumbering::new(id);
    for level in 0..9 {
        let (format, text) = if numbered {
            let format = ["decimal", "lowerLetter", "lowerRoman"][level % 3];
            (format, format!("%{}.", level + 1))
        } else {
            ("bullet", ["•", "◦", "▪"][level % 3].to_string())
        };
        let indent = 720 * (level as i32 + 1);
        a = a.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(indent),
                Some(docx_rs::SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        );
    }
    a
}

/// Builds the parts and writes the ZIP, with the reference document's parts where
/// there is one, and `watermark` (when not empty) behind every page.
fn package(
    docx: Docx,
    reference: Option<&Reference>,
    watermark: &str,
) -> Result<Vec<u8>, ExportError> {
    let xml = docx.build();
    let document = String::from_utf8_lossy(&xml.document)
        .replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />");
    let mut content_types = String::from_utf8_lossy(&xml.content_type).into_owned();
    let mut document_rels = String::from_utf8_lossy(&xml.document_rels).into_owned();
    let mut styles = xml.styles.clone();
    let mut font_table = xml.font_table.clone();
    let mut theme = None;
    if let Some(r) = reference {
        styles = r.merged_styles(&xml.styles)?;
        if let Some(fonts) = &r.font_table {
            font_table = fonts.clone();
        }
        if let Some(t) = &r.theme {
            theme = Some(t.clone());
            content_types = insert_before(
                &content_types,
                "</Types>",
                "<Override PartName=\"/word/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\" />",
            );
            document_rels = insert_before(
                &document_rels,
                "</Relationships>",
                "<Relationship Id=\"rIdTidigTheme1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" Target=\"theme/theme1.xml\" />",
            );
        }
    }

    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), content_types.into_bytes()),
        ("_rels/.rels".into(), xml.rels),
        ("docProps/app.xml".into(), xml.doc_props.app),
        ("docProps/core.xml".into(), xml.doc_props.core),
        ("docProps/custom.xml".into(), xml.doc_props.custom),
        (
            "word/_rels/document.xml.rels".into(),
            document_rels.into_bytes(),
        ),
        ("word/document.xml".into(), document.into_bytes()),
        ("word/styles.xml".into(), styles),
        ("word/settings.xml".into(), xml.settings),
        ("word/fontTable.xml".into(), font_table),
        ("word/comments.xml".into(), xml.comments),
        ("word/numbering.xml".into(), xml.numberings),
        ("word/commentsExtended.xml".into(), xml.comments_extended),
        ("word/footnotes.xml".into(), xml.footnotes),
    ];
    // docx-rs makes relationship parts for three headers and footers whatever is used.
    let (headers, footers) = (xml.headers.len(), xml.footers.len());
    for (i, h) in xml.headers.into_iter().enumerate() {
        let h = if watermark.is_empty() {
            h
        } else {
            super::watermark::add(&String::from_utf8_lossy(&h), watermark).into_bytes()
        };
        parts.push((format!("word/header{}.xml", i + 1), h));
    }
    for (i, rels) in xml.header_rels.into_iter().take(headers).enumerate() {
        parts.push((format!("word/_rels/header{}.xml.rels", i + 1), rels));
    }
    for (i, f) in xml.footers.into_iter().enumerate() {
        parts.push((format!("word/footer{}.xml", i + 1), f));
    }
    for (i, rels) in xml.footer_rels.into_iter().take(footers).enumerate() {
        parts.push((format!("word/_rels/footer{}.xml.rels", i + 1), rels));
    }
    if let Some(theme) = theme {
        parts.push(("word/theme/theme1.xml".into(), theme));
    }
    zip(parts).map_err(|e| ExportError::Template(format!("the Word file could not be packed: {e}")))
}

fn insert_before(xml: &str, end: &str, what: &str) -> String {
    match xml.rfind(end) {
        Some(at) => format!("{}{what}{}", &xml[..at], &xml[at..]),
        None => xml.to_string(),
    }
}

/// The parts as a ZIP, deflated, every entry dated 1980-01-01 (ZIP's first day) so
/// that the bytes depend on the document only.
fn zip(parts: Vec<(String, Vec<u8>)>) -> zip::result::ZipResult<Vec<u8>> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, bytes) in parts {
        w.start_file(name, options)?;
        w.write_all(&bytes)?;
    }
    Ok(w.finish()?.into_inner())
}
