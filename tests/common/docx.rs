//! An independent reader of Word files for the tests: the ZIP opened with `zip`, the
//! XML read with `roxmltree` (not with docx-rs, which writes them).

use std::collections::BTreeMap;
use std::io::Read;

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Every part of the package, by name, as text.
pub fn parts(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP file");
    let mut out = BTreeMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        if entry.is_dir() {
            continue;
        }
        let mut text = String::new();
        entry.read_to_string(&mut text).expect("UTF-8 XML");
        roxmltree::Document::parse(&text)
            .unwrap_or_else(|e| panic!("{} is not well-formed: {e}", entry.name()));
        out.insert(entry.name().to_string(), text);
    }
    out
}

/// One part's paragraphs, each as `[style] text` (`[-]` without a style); a table row
/// is one line `| a | b |`, marked `(header)` when it repeats on every page; a list
/// paragraph carries its numbering `(num N level L)`; fields show as `{PAGE}`.
pub fn dump_part(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let mut lines = Vec::new();
    let body = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "body")))
        .unwrap_or(doc.root_element());
    for node in body.children().filter(|n| n.is_element()) {
        if node.has_tag_name((W, "p")) {
            lines.push(paragraph(node));
        } else if node.has_tag_name((W, "tbl")) {
            lines.push("[table]".to_string());
            for row in node.children().filter(|n| n.has_tag_name((W, "tr"))) {
                let header = row.descendants().any(|n| n.has_tag_name((W, "tblHeader")));
                let cells: Vec<String> = row
                    .children()
                    .filter(|n| n.has_tag_name((W, "tc")))
                    .map(|c| text_of(c))
                    .collect();
                lines.push(format!(
                    "| {} |{}",
                    cells.join(" | "),
                    if header { " (header)" } else { "" }
                ));
            }
        }
    }
    lines.join("\n")
}

fn paragraph(p: roxmltree::Node) -> String {
    let style = p
        .descendants()
        .find(|n| n.has_tag_name((W, "pStyle")))
        .and_then(|n| n.attribute((W, "val")))
        .unwrap_or("-");
    let num = p
        .descendants()
        .find(|n| n.has_tag_name((W, "numPr")))
        .map(|n| {
            let val = |tag: &str| {
                n.children()
                    .find(|c| c.has_tag_name((W, tag)))
                    .and_then(|c| c.attribute((W, "val")))
                    .unwrap_or("?")
                    .to_string()
            };
            format!(" (num {} level {})", val("numId"), val("ilvl"))
        });
    format!("[{style}]{} {}", num.unwrap_or_default(), text_of(p))
}

/// The text of a node: runs' text, a break as a newline, a field as `{INSTR}` (its
/// cached result left out).
fn text_of(node: roxmltree::Node) -> String {
    let mut out = String::new();
    let mut in_result = false;
    for n in node.descendants() {
        if n.has_tag_name((W, "fldChar")) {
            match n.attribute((W, "fldCharType")) {
                Some("separate") => in_result = true,
                Some("end") => in_result = false,
                _ => {}
            }
        } else if n.has_tag_name((W, "instrText")) {
            out.push_str(&format!("{{{}}}", n.text().unwrap_or("").trim()));
        } else if n.has_tag_name((W, "t")) && !in_result {
            out.push_str(n.text().unwrap_or(""));
        } else if n.has_tag_name((W, "br")) {
            out.push('\n');
        } else if n.has_tag_name((W, "p")) && n != node && !out.is_empty() {
            out.push(' ');
        }
    }
    out
}

/// The whole document as the tests read it: the headers, the body and the footers.
pub fn dump(bytes: &[u8]) -> String {
    let parts = parts(bytes);
    let mut out = Vec::new();
    for (name, xml) in &parts {
        if name.starts_with("word/header") {
            out.push(format!("== {name}\n{}", dump_part(xml)));
        }
    }
    out.push(format!(
        "== word/document.xml\n{}",
        dump_part(&parts["word/document.xml"])
    ));
    for (name, xml) in &parts {
        if name.starts_with("word/footer") {
            out.push(format!("== {name}\n{}", dump_part(xml)));
        }
    }
    out.join("\n")
}

/// What a reader of the export sees: the text of a text file, or a Word file's text.
pub fn readable(bytes: &[u8]) -> String {
    if bytes.starts_with(b"PK") {
        dump(bytes)
    } else {
        String::from_utf8(bytes.to_vec()).expect("a text export is UTF-8")
    }
}

pub const VML: &str = "urn:schemas-microsoft-com:vml";

/// A part's watermarks, as Word makes them (a VML WordArt shape anchored in the
/// header): each one's text and its shape's style, e.g. `("UTKAST", "…rotation:315…")`.
pub fn watermarks(xml: &str) -> Vec<(String, String)> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((VML, "shape")))
        .filter(|n| {
            n.attribute("id")
                .is_some_and(|id| id.starts_with("PowerPlusWaterMarkObject"))
        })
        .filter_map(|shape| {
            let text = shape
                .children()
                .find(|c| c.has_tag_name((VML, "textpath")))?
                .attribute("string")?;
            Some((text.to_string(), shape.attribute("style")?.to_string()))
        })
        .collect()
}
