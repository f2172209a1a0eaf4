//! A reference document (`reference.docx` in the config folder, or `--reference-doc`):
//! a Word file whose styles, fonts, theme and page margins the Word exports use, the
//! way pandoc's `--reference-doc` works. It is read and checked whole before anything
//! is built, so a broken one gives an error naming the file and nothing is written.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::export::ExportError;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Page size and margins from the reference's last section, in twentieths of a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Margins {
    pub top: i32,
    pub bottom: i32,
    pub left: i32,
    pub right: i32,
    pub header: i32,
    pub footer: i32,
    pub size: Option<(u32, u32)>,
}

impl Margins {
    pub(super) fn page_margin(self) -> docx_rs::PageMargin {
        docx_rs::PageMargin::new()
            .top(self.top)
            .bottom(self.bottom)
            .left(self.left)
            .right(self.right)
            .header(self.header)
            .footer(self.footer)
    }
}

/// What the Word exports take from a reference document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub file: PathBuf,
    /// `word/styles.xml`, checked to be well-formed WordprocessingML styles.
    pub styles: Vec<u8>,
    pub font_table: Option<Vec<u8>>,
    pub theme: Option<Vec<u8>>,
    pub margins: Option<Margins>,
}

impl Reference {
    /// Reads and checks `file`.
    pub fn load(file: &Path) -> Result<Reference, ExportError> {
        let bytes = std::fs::read(file).map_err(|e| error(file, format!("cannot be read: {e}")))?;
        Reference::from_bytes(file, &bytes)
    }

    pub fn from_bytes(file: &Path, bytes: &[u8]) -> Result<Reference, ExportError> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|e| error(file, format!("is not a Word file (.docx): {e}")))?;
        let mut part = |name: &str| -> Result<Option<Vec<u8>>, ExportError> {
            match archive.by_name(name) {
                Ok(mut entry) => {
                    let mut out = Vec::new();
                    entry
                        .read_to_end(&mut out)
                        .map_err(|e| error(file, format!("{name} cannot be read: {e}")))?;
                    Ok(Some(out))
                }
                Err(zip::result::ZipError::FileNotFound) => Ok(None),
                Err(e) => Err(error(file, format!("{name} cannot be read: {e}"))),
            }
        };
        let styles = part("word/styles.xml")?
            .ok_or_else(|| error(file, "has no styles (word/styles.xml)".into()))?;
        let font_table = part("word/fontTable.xml")?;
        let theme = part("word/theme/theme1.xml")?;
        let document = part("word/document.xml")?;

        let check = |name: &str, xml: &[u8]| -> Result<(), ExportError> {
            let text = std::str::from_utf8(xml)
                .map_err(|_| error(file, format!("{name} is not UTF-8 text")))?;
            roxmltree::Document::parse(text)
                .map(|_| ())
                .map_err(|e| error(file, format!("{name} is not well-formed XML: {e}")))
        };
        check("word/styles.xml", &styles)?;
        let text = std::str::from_utf8(&styles).unwrap_or_default();
        let root = roxmltree::Document::parse(text)
            .map_err(|e| error(file, format!("word/styles.xml: {e}")))?;
        if !root.root_element().has_tag_name((W, "styles")) {
            return Err(error(file, "word/styles.xml holds no Word styles".into()));
        }
        if let Some(fonts) = &font_table {
            check("word/fontTable.xml", fonts)?;
        }
        if let Some(theme) = &theme {
            check("word/theme/theme1.xml", theme)?;
        }
        let margins = match &document {
            Some(d) => {
                check("word/document.xml", d)?;
                margins(std::str::from_utf8(d).unwrap_or_default())
            }
            None => None,
        };
        Ok(Reference {
            file: file.to_path_buf(),
            styles,
            font_table,
            theme,
            margins,
        })
    }

    /// The reference's styles, with each of `ours` (the built-in styles.xml) that the
    /// reference lacks added, so that every paragraph keeps a defined style.
    pub fn merged_styles(&self, ours: &[u8]) -> Result<Vec<u8>, ExportError> {
        let theirs = std::str::from_utf8(&self.styles).unwrap_or_default();
        let doc = roxmltree::Document::parse(theirs)
            .map_err(|e| error(&self.file, format!("word/styles.xml: {e}")))?;
        // Styles can only be added where the main namespace has the usual prefix.
        if doc.root_element().lookup_prefix(W) != Some("w") {
            return Ok(self.styles.clone());
        }
        let style_id = |n: &roxmltree::Node| n.attribute((W, "styleId")).map(str::to_string);
        let have: std::collections::HashSet<String> = doc
            .root_element()
            .children()
            .filter(|n| n.has_tag_name((W, "style")))
            .filter_map(|n| style_id(&n))
            .collect();
        let ours = std::str::from_utf8(ours).unwrap_or_default();
        let Ok(our_doc) = roxmltree::Document::parse(ours) else {
            return Ok(self.styles.clone());
        };
        let missing: String = our_doc
            .root_element()
            .children()
            .filter(|n| n.has_tag_name((W, "style")))
            .filter(|n| style_id(n).is_some_and(|id| !have.contains(&id)))
            .map(|n| &ours[n.range()])
            .collect();
        let Some(end) = theirs.rfind("</w:styles>") else {
            return Ok(self.styles.clone());
        };
        Ok(format!("{}{missing}{}", &theirs[..end], &theirs[end..]).into_bytes())
    }
}

/// The page size and margins of the document's last section, when it gives all four
/// margins as plain numbers.
fn margins(document: &str) -> Option<Margins> {
    let doc = roxmltree::Document::parse(document).ok()?;
    let sect = doc.descendants().rfind(|n| n.has_tag_name((W, "sectPr")))?;
    let child = |name: &str| sect.children().find(|n| n.has_tag_name((W, name)));
    let mar = child("pgMar")?;
    let num = |n: &roxmltree::Node, a: &str| -> Option<i32> {
        n.attribute((W, a)).and_then(|v| v.parse().ok())
    };
    let size = child("pgSz").and_then(|s| {
        let (w, h) = (num(&s, "w")?, num(&s, "h")?);
        Some((u32::try_from(w).ok()?, u32::try_from(h).ok()?))
    });
    Some(Margins {
        top: num(&mar, "top")?,
        bottom: num(&mar, "bottom")?,
        left: num(&mar, "left")?,
        right: num(&mar, "right")?,
        header: num(&mar, "header").unwrap_or(708),
        footer: num(&mar, "footer").unwrap_or(708),
        size,
    })
}

fn error(file: &Path, message: String) -> ExportError {
    ExportError::Reference {
        file: file.to_path_buf(),
        message,
    }
}
