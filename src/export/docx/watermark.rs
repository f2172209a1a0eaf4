//! A draft's watermark: a large, light, diagonal word ("UTKAST") behind the text of
//! every page, made the way Word makes its own (Design › Watermark): a VML WordArt
//! shape, absolutely positioned in the middle of the page, anchored in the header so
//! that every page carries it. Word, LibreOffice and pandoc know it as a watermark
//! (the shape's id starts `PowerPlusWaterMarkObject`).
//!
//! docx-rs writes no VML (its `Shape` is read-only), so the shape is added to the
//! header part it built: one run put first in the header's first paragraph. The
//! position is found by parsing the part (`roxmltree`), not by searching its text.

/// `header_xml` (a `w:hdr` part) with a watermark of `text`; the part as it was if it
/// is not a header. The part must declare the `v`, `o` and `w10` namespaces, as every
/// part docx-rs writes does.
pub fn add(header_xml: &str, text: &str) -> String {
    let Ok(doc) = roxmltree::Document::parse(header_xml) else {
        return header_xml.to_string();
    };
    let root = doc.root_element();
    if !root.has_tag_name((W, "hdr")) {
        return header_xml.to_string();
    }
    let run = run(text);
    let first_paragraph = root.children().find(|n| n.has_tag_name((W, "p")));
    let (at, insert) = match first_paragraph {
        // After the paragraph's properties, which must come first.
        Some(p) => match p.first_element_child() {
            Some(c) if c.has_tag_name((W, "pPr")) => (c.range().end, run),
            Some(c) => (c.range().start, run),
            None => return with_paragraph(header_xml, root, &run),
        },
        None => return with_paragraph(header_xml, root, &run),
    };
    format!("{}{insert}{}", &header_xml[..at], &header_xml[at..])
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A header without a paragraph to hold the run (or with an empty one): the run in a
/// paragraph of its own, last in the header.
fn with_paragraph(xml: &str, root: roxmltree::Node, run: &str) -> String {
    let paragraph = format!("<w:p>{run}</w:p>");
    let end = root.range().end;
    let element = &xml[root.range()];
    if let Some(open) = element.strip_suffix("/>") {
        // `<w:hdr … />`: opened and closed around the paragraph.
        format!(
            "{}{}>{paragraph}</w:hdr>{}",
            &xml[..root.range().start],
            open.trim_end(),
            &xml[end..]
        )
    } else {
        let close = xml[..end].rfind("</").unwrap_or(end);
        format!("{}{paragraph}{}", &xml[..close], &xml[close..])
    }
}

/// The run holding the shape: Word's WordArt shape type 136 ("plain text"), the text
/// fitted to a shape as wide as the text column of A4, turned 45° up to the right,
/// light grey at half opacity, behind the text.
fn run(text: &str) -> String {
    let text = escape(text);
    format!(
        concat!(
            r##"<w:r><w:rPr><w:noProof /></w:rPr><w:pict>"##,
            r##"<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">"##,
            r##"<v:formulas><v:f eqn="sum #0 0 10800" /><v:f eqn="prod #0 2 1" /><v:f eqn="sum 21600 0 @1" /><v:f eqn="sum 0 0 @2" /><v:f eqn="sum 21600 0 @3" /><v:f eqn="if @0 @3 0" /><v:f eqn="if @0 21600 @1" /><v:f eqn="if @0 0 @2" /><v:f eqn="if @0 @4 21600" /><v:f eqn="mid @5 @6" /><v:f eqn="mid @8 @5" /><v:f eqn="mid @7 @8" /><v:f eqn="mid @6 @7" /><v:f eqn="sum @6 0 @5" /></v:formulas>"##,
            r##"<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0" />"##,
            r##"<v:textpath on="t" fitshape="t" />"##,
            r##"<v:handles><v:h position="#0,bottomRight" xrange="6629,14971" /></v:handles>"##,
            r##"<o:lock v:ext="edit" text="t" shapetype="t" />"##,
            r##"</v:shapetype>"##,
            r##"<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" "##,
            r##"style="position:absolute;margin-left:0;margin-top:0;width:450pt;height:112.5pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" "##,
            r##"o:allowincell="f" fillcolor="#d9d9d9" stroked="f">"##,
            r##"<v:fill opacity=".5" />"##,
            r##"<v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt" string="{text}" />"##,
            r##"<w10:wrap anchorx="margin" anchory="margin" />"##,
            r##"</v:shape></w:pict></w:r>"##,
        ),
        text = text
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word""#;

    /// The watermark's text and the paragraph (by position) that holds it.
    fn found(xml: &str) -> Vec<(usize, String)> {
        let doc = roxmltree::Document::parse(xml).expect("well-formed");
        let paragraphs: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name((W, "p")))
            .collect();
        doc.descendants()
            .filter(|n| n.has_tag_name(("urn:schemas-microsoft-com:vml", "textpath")))
            .filter_map(|n| {
                let string = n.attribute("string")?.to_string();
                let p = n
                    .ancestors()
                    .find(|a| a.has_tag_name((W, "p")))
                    .and_then(|p| paragraphs.iter().position(|q| *q == p))?;
                Some((p, string))
            })
            .collect()
    }

    #[test]
    fn the_shape_goes_first_in_the_first_paragraph_after_its_properties() {
        let xml = format!(
            r#"<?xml version="1.0"?><w:hdr {NS}><w:p><w:pPr><w:pStyle w:val="Header" /></w:pPr><w:r><w:t>LULE-25</w:t></w:r></w:p><w:p><w:r><w:t>b</w:t></w:r></w:p></w:hdr>"#
        );
        let out = add(&xml, "UTKAST");
        assert_eq!(found(&out), vec![(0, "UTKAST".to_string())]);
        // The paragraph's style stays first, its text stays.
        assert!(
            out.contains(r#"<w:pPr><w:pStyle w:val="Header" /></w:pPr><w:r><w:rPr><w:noProof />"#)
        );
        assert!(out.contains("<w:t>LULE-25</w:t>"));
        assert!(out.contains("rotation:315"));
        assert!(out.contains(r#"id="PowerPlusWaterMarkObject1""#));
    }

    #[test]
    fn a_paragraph_without_properties_gets_it_first() {
        let xml = format!(r#"<w:hdr {NS}><w:p><w:r><w:t>a</w:t></w:r></w:p></w:hdr>"#);
        let out = add(&xml, "DRAFT");
        assert_eq!(found(&out), vec![(0, "DRAFT".to_string())]);
        assert!(out.find("<w:pict>").unwrap() < out.find("<w:t>a</w:t>").unwrap());
    }

    #[test]
    fn an_empty_header_gets_a_paragraph_of_its_own() {
        for xml in [
            format!(r#"<w:hdr {NS} />"#),
            format!(r#"<w:hdr {NS}></w:hdr>"#),
            format!(r#"<w:hdr {NS}><w:p /></w:hdr>"#),
        ] {
            let out = add(&xml, "UTKAST");
            assert_eq!(found(&out).len(), 1, "{out}");
        }
    }

    #[test]
    fn the_text_is_escaped_and_other_parts_are_left_alone() {
        let xml = format!(r#"<w:hdr {NS}><w:p /></w:hdr>"#);
        assert_eq!(found(&add(&xml, r#"A&B "<x>""#))[0].1, r#"A&B "<x>""#);
        let footer = format!(r#"<w:ftr {NS}><w:p /></w:ftr>"#);
        assert_eq!(add(&footer, "UTKAST"), footer);
        assert_eq!(add("not xml", "UTKAST"), "not xml");
    }
}
