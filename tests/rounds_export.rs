//! The compilation of the dialogue (Sammanställning av dialogen), over the demo: for
//! every project × round (and all rounds) × language × format (Markdown, HTML and Word,
//! the Word file read back with zip and an XML parser), the shared version names no
//! supplier organisation and none of their staff, and carries no answer that is not
//! shareable; the internal version attributes answers by name.

mod common;

use tidig::domain::*;
use tidig::export::{DialogueFormat, Lang, TemplateSource};
use tidig::ops::demo;
use tidig::ops::export::{ExportJob, render};
use tidig::store::Store;

use common::store::memory_store;

fn demo_store() -> Store {
    let mut store = memory_store();
    let today = store.clock().today();
    demo::load(&mut store, today).unwrap();
    store
}

fn compile(
    store: &Store,
    project_id: i64,
    round_id: Option<i64>,
    audience: Audience,
    lang: Lang,
    format: DialogueFormat,
) -> String {
    let job = ExportJob::Dialogue {
        project_id,
        round_id,
        format,
        audience,
        lang,
    };
    // A Word file is read back with an independent reader (zip + roxmltree).
    common::docx::readable(
        &render(store, &job, &TemplateSource::BuiltIn)
            .unwrap()
            .contents,
    )
}

/// The text a document shows, with HTML's and Markdown's escapes undone.
fn unescaped(doc: &str) -> String {
    doc.replace("&amp;", "&")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace('\\', "")
}

/// The text a document shows, with HTML's escapes undone, lower-cased.
fn readable(doc: &str) -> String {
    doc.replace("&amp;", "&")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .to_lowercase()
}

#[test]
fn the_shared_compilation_names_no_supplier_and_keeps_only_shareable_answers() {
    let store = demo_store();
    let orgs = store.list_organisations().unwrap();
    let suppliers: Vec<&Organisation> = orgs
        .iter()
        .filter(|o| o.kind == OrgKind::Supplier)
        .collect();
    let supplier_ids: Vec<i64> = suppliers.iter().map(|o| o.id).collect();
    let staff: Vec<String> = store
        .list_people()
        .unwrap()
        .into_iter()
        .filter(|p| p.organisation_id.is_some_and(|o| supplier_ids.contains(&o)))
        .map(|p| p.name)
        .collect();
    assert!(suppliers.len() >= 4 && !staff.is_empty());
    let people: Vec<String> = store
        .list_people()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();

    let mut rounds_seen = 0;
    let mut documents = 0;
    for project in store.list_projects(&ProjectFilter::default()).unwrap() {
        let rounds = store.rounds(Some(project.id), 0).unwrap();
        rounds_seen += rounds.len();
        let mut choices: Vec<Option<i64>> = vec![None];
        choices.extend(rounds.iter().map(|r| Some(r.id)));
        // The answers that must not be in a shared version.
        let mut secret: Vec<String> = Vec::new();
        for r in &rounds {
            for a in store.round_answers(r.id).unwrap() {
                if a.confidentiality != Confidentiality::Shareable && !a.body.is_empty() {
                    secret.push(a.body.to_lowercase());
                }
            }
        }
        for round in choices {
            for lang in [Lang::Sv, Lang::En] {
                for format in [
                    DialogueFormat::Markdown,
                    DialogueFormat::Html,
                    DialogueFormat::Docx,
                ] {
                    let doc = compile(&store, project.id, round, Audience::Shared, lang, format);
                    let text = readable(&doc);
                    documents += 1;
                    for o in &suppliers {
                        assert!(
                            !text.contains(&o.name.to_lowercase()),
                            "{} names {} ({lang:?}, {format:?})",
                            project.code,
                            o.name
                        );
                    }
                    for name in &staff {
                        assert!(!text.contains(&name.to_lowercase()), "names {name}");
                    }
                    // Nor anyone's first name or surname alone, as a name is written.
                    let as_written = unescaped(&doc);
                    for part in people.iter().flat_map(|n| n.split_whitespace()) {
                        assert!(
                            !common::export::names_word(&as_written, part),
                            "names {part} ({lang:?}, {format:?})"
                        );
                    }
                    for body in &secret {
                        assert!(!text.contains(body), "carries {body:?}");
                    }
                }
            }
        }
    }
    assert!(rounds_seen >= 1 && documents >= 5 * 6);
}

#[test]
fn versions_attribute_answers_by_letter_or_by_name() {
    let store = demo_store();
    let project = store.project_by_code("LULE-25").unwrap();
    let round = &store.rounds(Some(project.id), 0).unwrap()[0];
    let shared = compile(
        &store,
        project.id,
        Some(round.id),
        Audience::Shared,
        Lang::Sv,
        DialogueFormat::Markdown,
    );
    assert!(shared.starts_with("# Sammanställning av dialogen\n"));
    assert!(shared.contains("- **Leverantör A:** Radarsensorer i taket"));
    assert!(shared.contains("- **Leverantör C:** Sängsensor"));
    // The internal answer of B (where its data are processed) is not in it; B's
    // shareable answer that names another supplier of the round names it by its letter.
    assert!(!shared.contains("Irland"));
    assert!(shared.contains(
        "- **Leverantör B:** Tre till fyra månader. Vi samarbetar gärna med Leverantör D om sensorerna."
    ));
    // The supplier-confidential answer reaches no version.
    let internal = compile(
        &store,
        project.id,
        Some(round.id),
        Audience::Internal,
        Lang::En,
        DialogueFormat::Html,
    );
    assert!(internal.contains("<h1>Summary of the dialogue</h1>"));
    assert!(internal.contains("Vårdflöde Nordic AB (A):"));
    assert!(internal.contains("Irland"));
    assert!(!internal.contains("Prisnivån"));
    assert!(!shared.contains("Prisnivån"));
}

#[test]
fn a_round_in_the_trash_is_not_exported() {
    let mut store = demo_store();
    let project = store.project_by_code("LULE-25").unwrap();
    let round = store.rounds(Some(project.id), 0).unwrap()[0].id;
    store.trash(EntityKind::Round, round).unwrap();
    let job = ExportJob::Dialogue {
        project_id: project.id,
        round_id: Some(round),
        format: DialogueFormat::Markdown,
        audience: Audience::Shared,
        lang: Lang::Sv,
    };
    assert!(render(&store, &job, &TemplateSource::BuiltIn).is_err());
    let all = compile(
        &store,
        project.id,
        None,
        Audience::Shared,
        Lang::Sv,
        DialogueFormat::Markdown,
    );
    assert!(all.contains("Inga dialogomgångar ännu."));
}

/// The information given to any supplier is in the compilation, so that every supplier
/// can read it; the shared version carries the titles only (the details say to whom and
/// how it was given) and never a supplier's name, not even in the genitive.
#[test]
fn the_compilation_carries_the_information_log() {
    let store = demo_store();
    let project = store.project_by_code("LULE-25").unwrap().id;
    let internal = compile(
        &store,
        project,
        None,
        Audience::Internal,
        Lang::Sv,
        DialogueFormat::Markdown,
    );
    let shared = compile(
        &store,
        project,
        None,
        Audience::Shared,
        Lang::Sv,
        DialogueFormat::Markdown,
    );
    for document in [&internal, &shared] {
        assert!(
            document.contains("Antal brukare med nattillsyn"),
            "{document}"
        );
        assert!(document.contains("Presentationen från leverantörsworkshopen"));
    }
    assert!(internal.contains("Svar på Vårdflödes fråga"), "{internal}");
    assert!(!shared.contains("Vårdflöde"), "{shared}");
}

/// Issue 13, part 6: in the shared compilation a person named in an answer becomes a
/// neutral word and the answer stays; a supplier of the round named in another's answer
/// is attributed by its letter; an answer naming any other organisation is left out.
#[test]
fn the_shared_compilation_replaces_people_and_names_suppliers_by_letter() {
    let mut store = demo_store();
    let project = store.project_by_code("LULE-25").unwrap().id;
    let round = store.rounds(Some(project), 0).unwrap()[0].id;
    let questions = store.round_questions(round).unwrap();
    let suppliers = store.round_suppliers(round).unwrap();
    let (a, c) = (suppliers[0].organisation_id, suppliers[2].organisation_id);
    store
        .record_answer(
            questions[0].id,
            c,
            None,
            "Åsa Lindqvist frågade; Åsas kollega och Sjöberg bekräftade. Vi arbetar med Tryggnatt.",
            Confidentiality::Shareable,
        )
        .unwrap();
    store
        .record_answer(
            questions[2].id,
            a,
            None,
            "Vi testar det med RISE Research Institutes of Sweden.",
            Confidentiality::Shareable,
        )
        .unwrap();
    let shared = |lang| {
        unescaped(&compile(
            &store,
            project,
            Some(round),
            Audience::Shared,
            lang,
            DialogueFormat::Markdown,
        ))
    };
    let sv = shared(Lang::Sv);
    assert!(
        sv.contains(
            "[namn] frågade; [namn]s kollega och [namn] bekräftade. Vi arbetar med Leverantör B."
        ),
        "{sv}"
    );
    assert!(
        !sv.contains("RISE") && !sv.contains("Vi testar det"),
        "{sv}"
    );
    // The demo's answer that names another supplier of the round keeps it as a letter.
    assert!(
        sv.contains("Vi samarbetar gärna med Leverantör D om sensorerna."),
        "{sv}"
    );
    let en = shared(Lang::En);
    assert!(
        en.contains("[name] frågade; [name]'s kollega och [name] bekräftade."),
        "{en}"
    );
    let internal = compile(
        &store,
        project,
        Some(round),
        Audience::Internal,
        Lang::Sv,
        DialogueFormat::Markdown,
    );
    assert!(internal.contains("Åsa Lindqvist frågade"), "{internal}");
    assert!(
        internal.contains("RISE Research Institutes of Sweden"),
        "{internal}"
    );
}

/// The Word version: real headings, one table per question (supplier, answer) whose
/// header row repeats, the information given as a table, the running header and the
/// "Sida X (Y)" footer; the shared version words suppliers by letter as the others do.
#[test]
fn the_word_compilation_has_headings_tables_and_page_fields() {
    let store = demo_store();
    let project = store.project_by_code("LULE-25").unwrap();
    let round = &store.rounds(Some(project.id), 0).unwrap()[0];
    let shared = compile(
        &store,
        project.id,
        None,
        Audience::Shared,
        Lang::Sv,
        DialogueFormat::Docx,
    );
    assert!(
        shared.contains("\n[Heading1] Sammanställning av dialogen\n"),
        "{shared}"
    );
    assert!(shared.contains(&format!("\n[Heading2] {}\n", round.title)));
    assert!(shared.contains("\n[Heading3] Fråga 1. "), "{shared}");
    assert!(shared.contains("[table]\n| Leverantör | Svar | (header)\n"));
    assert!(shared.contains("\n| Leverantör A | Radarsensorer i taket"));
    assert!(shared.contains(
        "[Heading2] Information som lämnats\n[table]\n| Datum | Information | (header)\n"
    ));
    assert!(shared.contains("Antal brukare med nattillsyn"));
    assert!(shared.contains("\n[-] Version: Extern version"), "{shared}");
    // The running header names the buyer, the project, the case number and the title;
    // the footer counts the pages.
    let buyer = project.buyer_name.clone().unwrap();
    assert!(shared.contains(&format!(
        "== word/header1.xml\n[Header] {buyer} · LULE-25 · {}\n[Header] Sammanställning av dialogen · ",
        project.case_number
    )), "{shared}");
    assert!(shared.contains("[Footer] Sida {PAGE} ({NUMPAGES})"));
    // The internal version names who answered, in English for the English version.
    let internal = compile(
        &store,
        project.id,
        Some(round.id),
        Audience::Internal,
        Lang::En,
        DialogueFormat::Docx,
    );
    assert!(
        internal.contains("| Supplier | Answer | (header)"),
        "{internal}"
    );
    assert!(
        internal.contains("\n| Vårdflöde Nordic AB (A) | "),
        "{internal}"
    );
    assert!(internal.contains("[Footer] Page {PAGE} of {NUMPAGES}"));
    assert!(!internal.contains("Prisnivån"));
}

#[test]
fn snapshot_of_the_shared_word_compilation() {
    let store = demo_store();
    let project = store.project_by_code("LULE-25").unwrap();
    let text = compile(
        &store,
        project.id,
        None,
        Audience::Shared,
        Lang::Sv,
        DialogueFormat::Docx,
    );
    insta::assert_snapshot!("docx_dialogue_shared_sv", text);
}
