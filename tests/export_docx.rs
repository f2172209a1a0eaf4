//! Word files (.docx): every document opens with an independent reader (`zip` and
//! `roxmltree`, not docx-rs), has real headings, a table whose header row repeats, a
//! list, the running header and the "Sida X (Y)" footer fields; drafts say UTKAST;
//! the notes carry a Justeras block; a reference document's styles are used, and a
//! broken one is refused naming the file. The leak tests over the demo are in
//! `labels.rs`, `ops_export.rs`, `export_needs.rs` and `rounds_export.rs`, with the
//! other formats.

mod common;

use std::io::{Read, Write};

use common::docx::{dump, parts};
use common::store::memory_store;
use tidig::domain::{Audience, NotesStatus};
use tidig::export::{
    AgendaFormat, DialogueFormat, Lang, LessonsFormat, NeedsFormat, ReportFormat, SummaryFormat,
    TemplateSource,
};
use tidig::ops::ExportJob;
use tidig::ops::export::{self, DocxStyle, ExportOpError};
use tidig::store::Store;

fn demo_store() -> Store {
    let mut store = memory_store();
    tidig::ops::demo::load(&mut store, common::now().date_naive()).expect("demo loads");
    store
}

fn id(store: &Store, sql: &str) -> i64 {
    common::store::count(store, sql)
}

/// The supplier workshop of the demo: agenda, participants, notes, actions.
fn workshop(store: &Store) -> i64 {
    id(
        store,
        "SELECT id FROM meetings WHERE kind = 'supplier_workshop' AND deleted_at IS NULL
         ORDER BY id LIMIT 1",
    )
}

fn project(store: &Store) -> i64 {
    id(
        store,
        "SELECT project_id FROM meetings WHERE kind = 'supplier_workshop' ORDER BY id LIMIT 1",
    )
}

fn summary_job(meeting_id: i64, audience: Audience, lang: Lang) -> ExportJob {
    ExportJob::Summary {
        meeting_id,
        format: SummaryFormat::Docx,
        audience,
        lang,
    }
}

fn render(store: &Store, job: &ExportJob) -> Vec<u8> {
    export::render(store, job, &TemplateSource::BuiltIn)
        .unwrap_or_else(|e| panic!("{job:?}: {e}"))
        .contents
}

fn every_docx_job(store: &Store) -> Vec<ExportJob> {
    let meeting = workshop(store);
    vec![
        summary_job(meeting, Audience::Internal, Lang::Sv),
        summary_job(meeting, Audience::Shared, Lang::En),
        ExportJob::Agenda {
            meeting_id: meeting,
            format: AgendaFormat::Docx,
            lang: Lang::Sv,
        },
        ExportJob::Needs {
            project_id: project(store),
            format: NeedsFormat::Docx,
            audience: Audience::Internal,
            lang: Lang::Sv,
            separator: None,
        },
        ExportJob::Needs {
            project_id: project(store),
            format: NeedsFormat::Docx,
            audience: Audience::Shared,
            lang: Lang::En,
            separator: None,
        },
        ExportJob::Lessons {
            project_id: None,
            format: LessonsFormat::Docx,
            lang: Lang::Sv,
        },
        ExportJob::Report {
            project_id: project(store),
            format: ReportFormat::Docx,
            lang: Lang::Sv,
            thresholds: tidig::domain::Thresholds::default(),
        },
        ExportJob::Dialogue {
            project_id: project(store),
            round_id: None,
            format: DialogueFormat::Docx,
            audience: Audience::Shared,
            lang: Lang::Sv,
        },
    ]
}

#[test]
fn every_word_file_has_headings_a_repeating_table_header_a_list_and_page_fields() {
    let store = demo_store();
    for job in every_docx_job(&store) {
        let bytes = render(&store, &job);
        let parts = parts(&bytes);
        for part in [
            "[Content_Types].xml",
            "word/document.xml",
            "word/styles.xml",
            "word/numbering.xml",
            "word/header1.xml",
            "word/footer1.xml",
        ] {
            assert!(parts.contains_key(part), "{job:?} lacks {part}");
        }
        // Word's own heading styles, by id and by the name Word translates.
        let styles = roxmltree::Document::parse(&parts["word/styles.xml"]).unwrap();
        for (id, name) in [("Heading1", "heading 1"), ("Heading2", "heading 2")] {
            let style = styles
                .descendants()
                .find(|n| n.attribute((common::docx::W, "styleId")) == Some(id))
                .unwrap_or_else(|| panic!("{job:?}: no {id} style"));
            let named = style
                .children()
                .find(|n| n.has_tag_name((common::docx::W, "name")))
                .and_then(|n| n.attribute((common::docx::W, "val")));
            assert_eq!(named, Some(name));
        }
        let text = dump(&bytes);
        assert!(text.contains("\n[Heading1] "), "{job:?}:\n{text}");
        assert!(text.contains("\n[Heading2] "), "{job:?}:\n{text}");
        let is_lessons = matches!(job, ExportJob::Lessons { .. });
        if !is_lessons {
            assert!(text.contains("[table]\n| "), "{job:?}: no table");
            assert!(text.contains(" | (header)\n"), "{job:?}: no header row");
        }
        // The compilation has tables where the others have lists.
        if !is_lessons && !matches!(job, ExportJob::Dialogue { .. }) {
            assert!(text.contains("[ListParagraph] (num "), "{job:?}: no list");
        }
        assert!(
            text.contains("{PAGE}") && text.contains("{NUMPAGES}"),
            "{job:?}"
        );
        // The footer: the page and the page count, in the document's words.
        let footer = common::docx::dump_part(&parts["word/footer1.xml"]);
        assert!(
            footer == "[Footer] Sida {PAGE} ({NUMPAGES})"
                || footer == "[Footer] Page {PAGE} of {NUMPAGES}",
            "{footer}"
        );
    }
}

#[test]
fn the_header_names_the_buyer_the_project_the_case_number_the_title_and_the_date() {
    let store = demo_store();
    let meeting = workshop(&store);
    let m = store.meeting(meeting).unwrap();
    let p = store.project(m.project_id).unwrap();
    let header = common::docx::dump_part(
        &parts(&render(
            &store,
            &summary_job(meeting, Audience::Internal, Lang::Sv),
        ))["word/header1.xml"],
    );
    let buyer = p.buyer_name.clone().unwrap();
    assert!(
        header.contains(&format!("{buyer} · {} · {}", p.code, p.case_number)),
        "{header}"
    );
    // Dated by the meeting (in Stockholm time), as the printed page is.
    let day = m.start.date_naive().format("%Y-%m-%d").to_string();
    assert!(
        header.contains(&format!("Mötesanteckningar · {day}")),
        "{header}"
    );
}

#[test]
fn notes_before_approval_are_a_draft_and_approved_ones_say_when() {
    let mut store = demo_store();
    let meeting = workshop(&store);
    let header = |store: &Store| {
        let bytes = render(store, &summary_job(meeting, Audience::Shared, Lang::Sv));
        (
            common::docx::dump_part(&parts(&bytes)["word/header1.xml"]),
            dump(&bytes),
        )
    };
    for status in [NotesStatus::Working, NotesStatus::Draft] {
        store.set_notes_status(meeting, status).unwrap();
        let (h, text) = header(&store);
        assert!(h.contains("UTKAST"), "{status:?}: {h}");
        assert!(
            text.contains("[Quote] UTKAST – anteckningarna är inte godkända."),
            "{text}"
        );
    }
    store
        .set_notes_status(meeting, NotesStatus::Approved)
        .unwrap();
    let (h, text) = header(&store);
    assert!(!h.contains("UTKAST"), "{h}");
    assert!(text.contains("(godkändes 2026-11-26)"), "{text}");
    assert!(!text.contains("anteckningarna är inte godkända"), "{text}");
    // English words for the English version.
    store.set_notes_status(meeting, NotesStatus::Draft).unwrap();
    let bytes = render(&store, &summary_job(meeting, Audience::Shared, Lang::En));
    assert!(common::docx::dump_part(&parts(&bytes)["word/header1.xml"]).contains("DRAFT"));
}

/// A draft carries a light, large, diagonal watermark behind every page, made as Word
/// makes its own (a WordArt shape in the header); approved and sent notes and the
/// other documents carry none.
#[test]
fn drafts_carry_a_diagonal_watermark_and_approved_notes_none() {
    let mut store = demo_store();
    let meeting = workshop(&store);
    let marks = |store: &Store, lang: Lang| {
        let bytes = render(store, &summary_job(meeting, Audience::Shared, lang));
        common::docx::watermarks(&parts(&bytes)["word/header1.xml"])
    };
    for status in [NotesStatus::None, NotesStatus::Working, NotesStatus::Draft] {
        store.set_notes_status(meeting, status).unwrap();
        for (lang, word) in [(Lang::Sv, "UTKAST"), (Lang::En, "DRAFT")] {
            let found = marks(&store, lang);
            assert_eq!(found.len(), 1, "{status:?} {lang:?}: {found:?}");
            let (text, style) = &found[0];
            assert_eq!(text, word);
            for part in [
                "position:absolute",
                "rotation:315",
                "mso-position-horizontal:center",
                "mso-position-vertical:center",
                "z-index:-",
            ] {
                assert!(style.contains(part), "{style}");
            }
        }
    }
    for status in [NotesStatus::Approved, NotesStatus::Sent] {
        store.set_notes_status(meeting, status).unwrap();
        assert!(marks(&store, Lang::Sv).is_empty(), "{status:?}");
    }
    store.set_notes_status(meeting, NotesStatus::Draft).unwrap();
    for job in every_docx_job(&store).iter().skip(2) {
        let header = &parts(&render(&store, job))["word/header1.xml"];
        assert!(common::docx::watermarks(header).is_empty(), "{job:?}");
    }
}

#[test]
fn the_notes_end_with_a_justeras_block_with_name_date_and_signature_lines() {
    let mut store = demo_store();
    store
        .set_notes_status(workshop(&store), NotesStatus::Draft)
        .unwrap();
    let text = dump(&render(
        &store,
        &summary_job(workshop(&store), Audience::Internal, Lang::Sv),
    ));
    let at = text
        .find("[Heading2] Justeras")
        .expect("a Justeras heading");
    let block: Vec<&str> = text[at..].lines().skip(1).take(3).collect();
    assert_eq!(block.len(), 3);
    for (line, label) in block.iter().zip(["Namn: ", "Datum: ", "Underskrift: "]) {
        assert!(line.starts_with(&format!("[-] {label}___")), "{line}");
    }
}

/// Approved and sent notes say who approved them and when in the Justeras block,
/// filled in, in both languages and both versions; only the signature is left to
/// write by hand.
#[test]
fn approved_notes_name_who_approved_them_in_the_justeras_block() {
    let mut store = demo_store();
    let meeting = workshop(&store);
    store
        .set_notes_status_by(meeting, NotesStatus::Approved, Some("  Åsa Öberg "))
        .unwrap();
    let day = store.clock().today().format("%Y-%m-%d").to_string();
    for status in [NotesStatus::Approved, NotesStatus::Sent] {
        if status == NotesStatus::Sent {
            store.set_notes_status(meeting, status).unwrap();
        }
        for audience in [Audience::Internal, Audience::Shared] {
            for (lang, heading, line, signature) in [
                (Lang::Sv, "Justeras", "Justerade av", "Underskrift"),
                (Lang::En, "Checked and approved", "Approved by", "Signature"),
            ] {
                let text = dump(&render(&store, &summary_job(meeting, audience, lang)));
                let at = text
                    .find(&format!("[Heading2] {heading}\n"))
                    .unwrap_or_else(|| panic!("{status:?} {lang:?}: no block\n{text}"));
                let block: Vec<&str> = text[at..].lines().skip(1).take(2).collect();
                let on = if lang == Lang::En { " on" } else { "" };
                assert_eq!(block[0], format!("[-] {line} Åsa Öberg{on} {day}"));
                assert!(block[1].starts_with(&format!("[-] {signature}: ___")));
            }
        }
    }
}

/// Each numbering id is defined once, so that a reader finds the one meant: a
/// bulleted list is bulleted (a numbering 1 of docx-rs's own once shadowed ours and
/// turned bullets into numbers), a numbered one numbered.
#[test]
fn lists_are_bulleted_or_numbered_as_meant() {
    let store = demo_store();
    for job in every_docx_job(&store) {
        let parts = parts(&render(&store, &job));
        let numbering = roxmltree::Document::parse(&parts["word/numbering.xml"]).unwrap();
        let w = |n: roxmltree::Node, attr: &str| {
            n.attribute((common::docx::W, attr)).map(str::to_string)
        };
        let ids = |tag: &str, attr: &str| -> Vec<String> {
            numbering
                .descendants()
                .filter(|n| n.has_tag_name((common::docx::W, tag)))
                .filter_map(|n| w(n, attr))
                .collect()
        };
        for (tag, attr) in [("abstractNum", "abstractNumId"), ("num", "numId")] {
            let all = ids(tag, attr);
            let unique: std::collections::BTreeSet<_> = all.iter().collect();
            assert_eq!(all.len(), unique.len(), "{job:?}: {tag} ids {all:?}");
        }
    }
    // The needs raised in the notes are bullets; the decisions are numbered.
    let bytes = render(
        &store,
        &summary_job(workshop(&store), Audience::Internal, Lang::Sv),
    );
    let parts = parts(&bytes);
    let numbering = roxmltree::Document::parse(&parts["word/numbering.xml"]).unwrap();
    let format_of = |num_id: &str| -> String {
        let w = common::docx::W;
        let num = numbering
            .descendants()
            .find(|n| n.has_tag_name((w, "num")) && n.attribute((w, "numId")) == Some(num_id))
            .unwrap();
        let abstract_id = num
            .children()
            .find(|n| n.has_tag_name((w, "abstractNumId")))
            .and_then(|n| n.attribute((w, "val")))
            .unwrap();
        let abs = numbering
            .descendants()
            .find(|n| {
                n.has_tag_name((w, "abstractNum"))
                    && n.attribute((w, "abstractNumId")) == Some(abstract_id)
            })
            .unwrap();
        abs.descendants()
            .find(|n| n.has_tag_name((w, "numFmt")))
            .and_then(|n| n.attribute((w, "val")))
            .unwrap()
            .to_string()
    };
    let text = dump(&bytes);
    let num_of = |starts: &str| -> String {
        let line = text
            .lines()
            .find(|l| l.starts_with("[ListParagraph] (num ") && l.contains(starts))
            .unwrap_or_else(|| panic!("no list item with {starts:?}\n{text}"));
        line["[ListParagraph] (num ".len()..]
            .split(' ')
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(format_of(&num_of(" B-0")), "bullet");
    let decision = store.decisions(None, Some(workshop(&store))).unwrap()[0]
        .text
        .clone();
    assert_eq!(format_of(&num_of(&decision)), "decimal");
}

/// The Word files open in LibreOffice, when it is installed (the test says so and
/// passes when it is not): the draft notes with their watermark, and the dialogue
/// compilation, convert to PDF; read back as an OpenDocument, the draft's header still
/// holds the watermark's shape and text.
#[test]
fn word_files_open_in_libreoffice_when_it_is_installed() {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        eprintln!("skipped: LibreOffice (soffice) is not installed");
        return;
    };
    let mut store = demo_store();
    let meeting = workshop(&store);
    store.set_notes_status(meeting, NotesStatus::Draft).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.docx");
    let dialogue = dir.path().join("dialogue.docx");
    std::fs::write(
        &notes,
        render(&store, &summary_job(meeting, Audience::Shared, Lang::Sv)),
    )
    .unwrap();
    std::fs::write(
        &dialogue,
        render(&store, every_docx_job(&store).last().unwrap()),
    )
    .unwrap();
    let convert = |to: &str| {
        let out = std::process::Command::new(soffice)
            .arg("--headless")
            // Its own profile, so that a running LibreOffice is neither used nor hurt.
            .arg(format!(
                "-env:UserInstallation=file://{}",
                dir.path().join("profile").display()
            ))
            .args(["--convert-to", to, "--outdir"])
            .arg(dir.path().join("out"))
            .arg(&notes)
            .arg(&dialogue)
            .env("HOME", dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    convert("pdf");
    for name in ["notes.pdf", "dialogue.pdf"] {
        let pdf = std::fs::read(dir.path().join("out").join(name))
            .unwrap_or_else(|e| panic!("LibreOffice made no {name}: {e}"));
        assert!(pdf.starts_with(b"%PDF") && pdf.len() > 10_000, "{name}");
    }
    convert("fodt");
    let fodt = std::fs::read_to_string(dir.path().join("out").join("notes.fodt")).unwrap();
    let doc = roxmltree::Document::parse(&fodt).unwrap();
    const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    let header = doc
        .descendants()
        .find(|n| n.has_tag_name((STYLE, "header")))
        .expect("a page header");
    let shape_text: String = header
        .descendants()
        .filter(|n| {
            n.tag_name().namespace() == Some("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0")
        })
        .flat_map(|n| n.descendants())
        .filter_map(|n| n.text())
        .collect();
    assert!(
        shape_text.contains("UTKAST"),
        "no watermark shape in the header: {shape_text:?}"
    );
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let store = demo_store();
    for job in every_docx_job(&store) {
        assert_eq!(render(&store, &job), render(&store, &job), "{job:?}");
    }
    // No entry carries the time it was written.
    let bytes = render(&store, &every_docx_job(&store)[0]);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    for i in 0..archive.len() {
        let entry = archive.by_index(i).unwrap();
        let t = entry.last_modified().unwrap();
        assert_eq!(
            (t.year(), t.month(), t.day()),
            (1980, 1, 1),
            "{}",
            entry.name()
        );
    }
}

#[test]
fn snapshot_of_the_shared_notes_of_the_supplier_workshop() {
    let store = demo_store();
    let text = dump(&render(
        &store,
        &summary_job(workshop(&store), Audience::Shared, Lang::Sv),
    ));
    insta::assert_snapshot!("docx_summary_shared_sv", text);
}

#[test]
fn snapshot_of_the_agenda_in_english() {
    let store = demo_store();
    let text = dump(&render(
        &store,
        &ExportJob::Agenda {
            meeting_id: workshop(&store),
            format: AgendaFormat::Docx,
            lang: Lang::En,
        },
    ));
    insta::assert_snapshot!("docx_agenda_en", text);
}

#[test]
fn note_markdown_becomes_paragraphs_and_lists_and_control_characters_are_dropped() {
    let mut store = demo_store();
    let meeting = workshop(&store);
    store
        .connection()
        .execute(
            "UPDATE notes SET body = ?2, confidentiality = 'shareable'
             WHERE id = (SELECT min(id) FROM notes WHERE meeting_id = ?1)",
            rusqlite::params![
                meeting,
                "Vi såg **två** saker:\n\n1. kön\n2. priset\n\nrad\u{1b}]52;c;eA==\u{7} slut"
            ],
        )
        .unwrap();
    let _ = &mut store;
    let bytes = render(&store, &summary_job(meeting, Audience::Shared, Lang::Sv));
    let text = dump(&bytes);
    assert!(text.contains("[-] Vi såg två saker:"), "{text}");
    assert!(
        text.contains("[ListParagraph] (num ") && text.contains(" level 0) kön"),
        "{text}"
    );
    assert!(text.contains("rad]52;c;eA== slut"), "{text}");
}

// ---------------------------------------------------------------------------------------
// Reference document
// ---------------------------------------------------------------------------------------

const REFERENCE_STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:rFonts w:ascii="Garamond"/><w:sz w:val="40"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="AgencyBody"><w:name w:val="Agency body"/></w:style></w:styles>"#;
const REFERENCE_THEME: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Agency"><a:themeElements/></a:theme>"#;
const REFERENCE_DOCUMENT: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2000" w:right="1100" w:bottom="1800" w:left="1300" w:header="600" w:footer="500" w:gutter="0"/></w:sectPr></w:body></w:document>"#;

fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in files {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn a_reference_document_gives_its_styles_theme_and_margins() {
    let store = demo_store();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(DocxStyle::FILE);
    std::fs::write(
        &file,
        zip_of(&[
            ("word/styles.xml", REFERENCE_STYLES),
            ("word/theme/theme1.xml", REFERENCE_THEME),
            ("word/document.xml", REFERENCE_DOCUMENT),
        ]),
    )
    .unwrap();
    let style = DocxStyle::from_config_dir(dir.path());
    assert_eq!(style.reference.as_deref(), Some(file.as_path()));
    let job = summary_job(workshop(&store), Audience::Internal, Lang::Sv);
    let bytes = export::render_styled(&store, &job, &TemplateSource::BuiltIn, &style)
        .unwrap()
        .contents;
    let parts = parts(&bytes);
    let styles = &parts["word/styles.xml"];
    // The reference's own styles win; ours fill in what it lacks.
    assert!(styles.contains("Garamond") && styles.contains("AgencyBody"));
    assert_eq!(styles.matches("w:styleId=\"Heading1\"").count(), 1);
    assert!(styles.contains("w:styleId=\"Heading2\"") && styles.contains("w:styleId=\"Quote\""));
    assert_eq!(parts["word/theme/theme1.xml"], REFERENCE_THEME);
    assert!(parts["word/_rels/document.xml.rels"].contains("Target=\"theme/theme1.xml\""));
    assert!(parts["[Content_Types].xml"].contains("/word/theme/theme1.xml"));
    let document = &parts["word/document.xml"];
    assert!(
        document.contains("w:top=\"2000\"") && document.contains("w:left=\"1300\""),
        "the reference's margins"
    );
    // Without one: the built-in styles.
    assert_eq!(
        DocxStyle::from_config_dir(&dir.path().join("none")).reference,
        None
    );
    let plain = common::docx::parts(&render(&store, &job));
    assert!(!plain["word/styles.xml"].contains("Garamond"));
    assert!(!plain.contains_key("word/theme/theme1.xml"));
}

#[test]
fn a_broken_reference_document_is_refused_naming_the_file_and_nothing_is_written() {
    let mut store = demo_store();
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, Vec<u8>, &str); 3] = [
        ("not-a-zip.docx", b"hello".to_vec(), "is not a Word file"),
        (
            "no-styles.docx",
            zip_of(&[("word/document.xml", REFERENCE_DOCUMENT)]),
            "has no styles",
        ),
        (
            "bad-xml.docx",
            zip_of(&[("word/styles.xml", "<w:styles><unclosed>")]),
            "not well-formed",
        ),
    ];
    let job = summary_job(workshop(&store), Audience::Internal, Lang::Sv);
    for (name, bytes, why) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let style = DocxStyle {
            reference: Some(file.clone()),
        };
        let out = dir.path().join("out.docx");
        let err = export::run_styled(
            &mut store,
            &job,
            &TemplateSource::BuiltIn,
            &style,
            &export::Destination::File(out.clone()),
            None,
        )
        .expect_err(name);
        assert!(matches!(err, ExportOpError::Render(_)), "{err:?}");
        let message = err.to_string();
        assert!(message.contains(name) && message.contains(why), "{message}");
        assert!(!out.exists(), "{name}: nothing written");
    }
    // A missing file named on the command line is an error too.
    let style = DocxStyle {
        reference: Some(dir.path().join("missing.docx")),
    };
    let err = export::render_styled(&store, &job, &TemplateSource::BuiltIn, &style).unwrap_err();
    assert!(err.to_string().contains("missing.docx"), "{err}");
    // Text formats never read it.
    let md = ExportJob::Summary {
        meeting_id: workshop(&store),
        format: SummaryFormat::Markdown,
        audience: Audience::Internal,
        lang: Lang::Sv,
    };
    assert!(export::render_styled(&store, &md, &TemplateSource::BuiltIn, &style).is_ok());
}

// ---------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------

#[test]
fn the_command_line_writes_word_files_that_open() {
    let sandbox = common::cli::Sandbox::empty("Europe/Stockholm");
    sandbox.run(&["demo"]);
    let meeting = sandbox
        .run(&["list", "meetings", "--json"])
        .pipe(|t| common::cli::json_array(&t))[0]["id"]
        .to_string();
    // By extension, and with --format.
    for (args, file) in [
        (vec!["export", "summary", meeting.as_str()], "notes.docx"),
        (
            vec!["export", "agenda", meeting.as_str(), "--format", "docx"],
            "agenda.bin",
        ),
        (
            vec!["export", "needs", "LULE-25", "--audience", "shared"],
            "needs.docx",
        ),
        (vec!["export", "lessons"], "lessons.docx"),
        (vec!["export", "report", "LULE-25"], "report.docx"),
        (
            vec!["export", "dialogue", "LULE-25", "--audience", "shared"],
            "dialogue.docx",
        ),
        (
            vec!["export", "dialogue", "LULE-25", "--format", "docx"],
            "dialogue.bin",
        ),
    ] {
        let bytes = sandbox.export_to(&args, file);
        let text = dump(&bytes);
        assert!(text.contains("[Heading1] "), "{args:?}:\n{text}");
    }
    // Piped standard output takes the Word file as it is.
    let out = sandbox
        .tidig()
        .args(["export", "summary", &meeting, "--format", "docx"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(dump(&out).contains("[Heading1] Mötesanteckningar"));
    // A broken --reference-doc: one line naming the file.
    std::fs::write(sandbox.path("bad.docx"), b"nope").unwrap();
    let bad = sandbox.path("bad.docx");
    let line = sandbox.refuses(&[
        "export",
        "summary",
        &meeting,
        "--reference-doc",
        bad.to_str().unwrap(),
        "-o",
        sandbox.path("x.docx").to_str().unwrap(),
    ]);
    assert!(line.contains("bad.docx"), "{line}");
    assert!(!sandbox.path("x.docx").exists());
    // A reference.docx beside the config file is used without asking.
    std::fs::write(
        sandbox.path("reference.docx"),
        zip_of(&[("word/styles.xml", REFERENCE_STYLES)]),
    )
    .unwrap();
    let styled = sandbox.export_to(&["export", "summary", &meeting], "styled.docx");
    assert!(parts(&styled)["word/styles.xml"].contains("Garamond"));
}

#[test]
fn a_word_file_is_not_written_to_a_terminal() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let sandbox = common::cli::Sandbox::empty("UTC");
    sandbox.run(&["demo"]);
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tidig"));
    cmd.args(["--db", sandbox.db().to_str().unwrap()]);
    cmd.args(["export", "summary", "1", "--format", "docx"]);
    cmd.env("TIDIG_CONFIG", sandbox.config());
    cmd.env("TIDIG_NOW", common::NOW);
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let status = child.wait().unwrap();
    drop(pty.master);
    let mut out = Vec::new();
    let _ = reader.read_to_end(&mut out);
    let out = String::from_utf8_lossy(&out);
    assert!(!status.success());
    assert!(
        out.contains("a Word file is binary") || out.contains("en Word-fil är binär"),
        "{out}"
    );
    assert!(!out.contains("PK"), "no ZIP bytes on the terminal: {out}");
}

trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
        f(self)
    }
}
impl<T> Pipe for T {}
