//! Command-line tests of `export report` (issue 11 part 7) and of the shared print
//! styles of every HTML export (issue 14), against the demo portfolio or a store filled
//! through the library. Every run has its own config path, a fixed clock (`TIDIG_NOW`)
//! and `TZ=UTC`, under a Swedish locale.

mod common;

use chrono::NaiveDate;
use tidig::domain::*;
use tidig::store::{ATTENTION_PAGE, Store};

use common::cli::{Sandbox, json_array};
use common::clock;

/// The line in every HTML export that says the shared print styles are in.
const PRINT_CSS: &str = "/* Shared by every tidig document (print.css.j2). */";

fn demo() -> Sandbox {
    let s = Sandbox::empty("UTC");
    s.run(&["demo"]);
    s
}

#[test]
fn report_markdown_of_the_demo_project_snapshot() {
    let s = demo();
    let md = s.run(&["export", "report", "LULE-25"]);
    insta::assert_snapshot!("report_demo_lule_md_sv", md);
    let en = s.run(&["export", "report", "lule-25", "--lang", "en"]);
    insta::assert_snapshot!("report_demo_lule_md_en", en);
}

#[test]
fn report_says_at_the_top_that_it_is_internal_in_both_languages_and_formats() {
    let s = demo();
    let md = s.run(&["export", "report", "LULE-25", "--format", "md"]);
    assert!(md.starts_with("# Projektrapport – Trygg hemtjänst med digital tillsyn\n"));
    let top: String = md.lines().take(6).collect::<Vec<_>>().join("\n");
    assert!(
        top.contains("> **Internt arbetsmaterial för beställarens projektledning – ska inte lämnas till leverantörer."),
        "{top}"
    );
    let en = s.run(&["export", "report", "LULE-25", "--lang", "en"]);
    assert!(en.starts_with("# Project report – "));
    assert!(en.contains("> **Internal working document for the buyer's project lead – not to be passed to suppliers."));

    let html = s.run(&["export", "report", "LULE-25", "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
    let body = &html[html.find("<body>").unwrap()..];
    let banner = body
        .find("<p class=\"banner\">Internt arbetsmaterial")
        .unwrap();
    assert!(
        banner < body.find("<section>").unwrap(),
        "before every section"
    );
    let html_en = s.run(&[
        "export", "report", "LULE-25", "--format", "html", "--lang", "en",
    ]);
    assert!(html_en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html_en.contains("<p class=\"banner\">Internal working document"));
    assert!(html_en.contains("content: \"Page \" counter(page) \" of \" counter(pages)"));
    for text in [
        "Upcoming meetings",
        "Notes not yet sent",
        "Open equal-treatment points",
        "Improvement suggestions awaiting the buyer",
        "By priority (MoSCoW)",
        "class=\"bar\"",
    ] {
        assert!(html_en.contains(text), "{text}");
    }
    // No Swedish word of the report's own is left in the English version.
    for word in [
        "Projektrapport",
        "Läget i korthet",
        "Försenade",
        "Senaste genomgång",
    ] {
        assert!(!html_en.contains(word), "{word}");
        assert!(!en.contains(word), "{word}");
    }
}

#[test]
fn report_to_a_file_takes_its_format_from_the_extension() {
    let s = demo();
    let file = s.export_to(&["export", "report", "LULE-25"], "rapport.html");
    let html = String::from_utf8(file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains(PRINT_CSS));
    let file = s.export_to(&["export", "report", "LULE-25"], "rapport.md");
    assert!(
        String::from_utf8(file)
            .unwrap()
            .starts_with("# Projektrapport")
    );
    // A format the report does not have is refused, and nothing is written.
    let err = s.refuses(&[
        "export",
        "report",
        "LULE-25",
        "-o",
        s.path("r.csv").to_str().unwrap(),
    ]);
    assert!(err.contains("csv"), "{err}");
    assert!(!s.path("r.csv").exists());
}

#[test]
fn report_of_an_unknown_project_is_refused_in_one_line() {
    let s = demo();
    let err = s.refuses(&["export", "report", "NOPE-1"]);
    assert!(err.contains("NOPE-1"), "{err}");
    let path = s.path("x.html");
    let err = s.refuses(&["export", "report", "NOPE-1", "-o", path.to_str().unwrap()]);
    assert!(err.contains("NOPE-1"), "{err}");
    assert!(!path.exists());
    // A project in the trash is refused too.
    let mut store = Store::open(&s.db(), clock()).unwrap();
    let id = store.project_by_code("LULE-25").unwrap().id;
    store.trash(EntityKind::Project, id).unwrap();
    drop(store);
    s.refuses(&["export", "report", "LULE-25"]);
}

#[test]
fn report_lists_every_line_where_the_tab_shows_a_page() {
    let s = Sandbox::empty("UTC");
    let mut store = Store::open(&s.db(), clock()).unwrap();
    let project = store
        .create_project(&ProjectInput {
            code: "MANY-1".into(),
            title: "Många åtgärder".into(),
            status: ProjectStatus::Active,
            ..ProjectInput::default()
        })
        .unwrap();
    let n = ATTENTION_PAGE + 3;
    for i in 0..n {
        store
            .create_action(
                project,
                None,
                &ActionInput {
                    title: format!("Åtgärd nummer {i}"),
                    owner: "Processledaren".into(),
                    // Half of them overdue (the clock's today is 2026-11-26).
                    due_date: NaiveDate::from_ymd_opt(2026, 11, 20 + i as u32),
                    status: ActionStatus::Open,
                },
            )
            .unwrap();
    }
    // The screen's view is a page; the report's has them all.
    assert_eq!(
        store.attention(project).unwrap().sections[0].lines.len(),
        ATTENTION_PAGE
    );
    drop(store);
    let md = s.run(&["export", "report", "MANY-1"]);
    for i in 0..n {
        assert!(
            md.contains(&format!("| Åtgärd nummer {i} | Processledaren |")),
            "{i}\n{md}"
        );
    }
    // Overdue ones in their own table, with the days they are late.
    let overdue = &md
        [md.find("## Försenade åtgärder").unwrap()..md.find("## Övriga öppna åtgärder").unwrap()];
    assert!(
        overdue.contains("| Åtgärd nummer 0 | Processledaren | fre 2026-11-20 | 6 |"),
        "{overdue}"
    );
    assert_eq!(overdue.matches("| Åtgärd nummer").count(), 6);
    assert!(md.contains("- **Försenade åtgärder:** 6"), "{md}");
    assert!(md.contains("*Inga behov registrerade.*"), "{md}");
}

#[test]
fn every_html_export_carries_the_shared_print_styles() {
    let s = demo();
    let meetings = json_array(&s.run(&["list", "meetings", "--project", "LULE-25", "--json"]));
    let meeting = meetings[0]["id"].to_string();
    let exports: [&[&str]; 5] = [
        &["export", "summary", &meeting, "--format", "html"],
        &["export", "agenda", &meeting, "--format", "html"],
        &["export", "needs", "LULE-25", "--format", "html"],
        &["export", "lessons", "--format", "html"],
        &["export", "report", "LULE-25", "--format", "html"],
    ];
    for args in exports {
        for lang in ["sv", "en"] {
            let mut args = args.to_vec();
            args.extend(["--lang", lang]);
            let html = s.run(&args);
            let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
            assert_eq!(style.matches(PRINT_CSS).count(), 1, "{args:?}");
            for rule in [
                "@page {\n  size: A4;",
                "@top-left { content: ",
                "@top-center { content: ",
                "@top-right { content: ",
                "counter(page)",
                "counter(pages)",
                "thead { display: table-header-group; }",
                "td, th { overflow-wrap: normal; word-break: normal; hyphens: manual; }",
                "h1, h2, h3, h4 { break-after: avoid;",
                "a[href]::after { content: \" (\" attr(href) \")\";",
            ] {
                assert!(style.contains(rule), "{rule} in {args:?}");
            }
            // The print styles are the last word: no later rule undoes them.
            assert!(style.trim_end().ends_with('}'));
            let after = &style[style.find(PRINT_CSS).unwrap()..];
            assert!(!after.contains("overflow-wrap: anywhere;\n}"), "{args:?}");
        }
    }
    // The header names the buyer, the code and case number, the title and the date.
    let report = s.run(&["export", "report", "LULE-25", "--format", "html"]);
    assert!(report.contains("@top-left { content: \"Luleå kommun\""));
    assert!(report.contains("@top-center { content: \"LULE-25 · Dnr KS 2025/0412\""));
    assert!(report.contains("@top-right { content: \"Projektrapport · 2026-11-26\""));
    assert!(report.contains("content: \"Sida \" counter(page) \" (\" counter(pages) \")\""));
    // The report is no draft.
    assert!(!report.contains("UTKAST"));
}
