//! The compilation of a project's dialogue (Sammanställning av dialogen) as a Word
//! file: from the context its Markdown and HTML templates get
//! (`dialogue::context_value`), so that the input is already fit for its audience and
//! the words and their order are the same. Each question's answers are a table
//! (supplier, answer) whose header row repeats on a new page, and the information
//! given is a table by date, so that the document can be edited and filtered in Word.

use super::{Document, Running, Span, list, running, s};
use crate::domain::Audience;
use crate::export::{DialogueInput, Lang};

/// The compilation for `audience` (the input holds only what it may read).
pub fn dialogue(input: &DialogueInput, audience: Audience, lang: Lang) -> Document {
    let c = crate::export::dialogue::context_value(input, audience, lang);
    let l = |k: &str| s(&c["l"], k);
    let mut doc = Document {
        lang: lang.as_str().into(),
        running: Running {
            organisation: s(&c, "buyer"),
            project_code: s(&c, "project_code"),
            case_number: s(&c, "case_number"),
            ..running(lang, None, &l("title"), &s(&c, "date"))
        },
        blocks: Vec::new(),
    };
    doc.heading(1, l("title"));
    doc.para(vec![Span::bold(format!(
        "{} · {}",
        s(&c, "project_code"),
        s(&c, "project_title")
    ))]);
    doc.facts(vec![
        (l("buyer"), s(&c, "buyer")),
        (l("case_number"), s(&c, "case_number")),
        (l("date"), s(&c, "date")),
        (l("version"), s(&c, "version")),
    ]);
    doc.text(l("lead"));

    let rounds = list(&c, "rounds");
    if rounds.is_empty() {
        doc.text(l("no_rounds"));
    }
    for r in rounds {
        doc.heading(2, s(r, "title"));
        doc.para(vec![Span::italic(format!(
            "{} · {}",
            s(r, "kind"),
            s(r, "suppliers")
        ))]);
        let purpose = s(r, "purpose");
        if !purpose.trim().is_empty() {
            doc.text(purpose);
        }
        for q in list(r, "questions") {
            doc.heading(
                3,
                format!("{} {}. {}", l("question"), s(q, "position"), s(q, "text")),
            );
            let answers: Vec<Vec<String>> = list(q, "answers")
                .iter()
                .map(|a| vec![s(a, "who"), s(a, "body")])
                .collect();
            if answers.is_empty() {
                doc.para(vec![Span::italic(l("no_answers"))]);
            } else {
                doc.table(vec![l("col_supplier"), l("col_answer")], answers);
            }
        }
    }

    doc.heading(2, l("information"));
    let information: Vec<Vec<String>> = list(&c, "information")
        .iter()
        .map(|i| vec![s(i, "date"), s(i, "text")])
        .collect();
    if information.is_empty() {
        doc.para(vec![Span::italic(l("no_information"))]);
    } else {
        doc.table(vec![l("date"), l("col_information")], information);
    }
    doc.small(format!(
        "{} · {} · {} · {}",
        l("title"),
        s(&c, "project_code"),
        s(&c, "date"),
        s(&c, "generator")
    ));
    doc
}
