//! Lessons and good examples as "learning examples" (lärande exempel) to pass on:
//! Markdown or a self-contained HTML page, in Swedish or English. Only lessons marked
//! shareable are included, and, as in every shared document, nothing says how many
//! others there are.

use minijinja::Value;
use minijinja::value::Serde;
use serde::Serialize;

use std::collections::BTreeMap;

use super::{ExportError, GENERATOR, Lang, PageCtx, documents, without_controls};
use crate::catalog;
use crate::domain::{Clock, Lesson, TextEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonsFormat {
    Markdown,
    Html,
    /// A Word file, built by `export::docx`.
    Docx,
}

impl LessonsFormat {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            LessonsFormat::Markdown => "md",
            LessonsFormat::Html => "html",
            LessonsFormat::Docx => "docx",
        }
    }

    fn template(self) -> &'static str {
        match self {
            LessonsFormat::Markdown => MD_TEMPLATE,
            LessonsFormat::Html => HTML_TEMPLATE,
            LessonsFormat::Docx => super::NOT_TEXT,
        }
    }
}

pub(crate) const MD_TEMPLATE: &str = "lessons.md.j2";
pub(crate) const HTML_TEMPLATE: &str = "lessons.html.j2";

/// Renders the shareable ones of `lessons`, in the order given, in `lang`.
pub fn render(
    format: LessonsFormat,
    lang: Lang,
    lessons: &[Lesson],
    clock: &Clock,
) -> Result<String, ExportError> {
    if format == LessonsFormat::Docx {
        return Err(ExportError::NotText);
    }
    let ctx = context(lang, lessons, clock);
    let template = documents().get_template(format.template())?;
    Ok(without_controls(template.render(Value::from(Serde(&ctx)))?))
}

#[derive(Serialize)]
struct Context<'a> {
    /// `sv` or `en`.
    lang: &'static str,
    /// The words of the document (the catalog's `[lessons]` section).
    l: &'static BTreeMap<&'static str, &'static str>,
    /// The day of the export, "2026-11-26".
    date: String,
    /// "3 lärande exempel"
    count: String,
    lessons: Vec<LessonCtx<'a>>,
    /// The printed page's margins.
    page: PageCtx,
    generator: &'static str,
}

#[derive(Serialize)]
struct LessonCtx<'a> {
    title: &'a str,
    kind: &'static str,
    /// `lesson`, `good_example` or `pitfall`, for styling.
    kind_key: &'static str,
    phase: Option<&'static str>,
    project_code: Option<&'a str>,
    sections: Vec<SectionCtx<'a>>,
}

#[derive(Serialize)]
struct SectionCtx<'a> {
    heading: &'static str,
    /// For styling: `context`, `happened`, `learned` or `recommendation`.
    key: &'static str,
    text: &'a str,
}

/// What the templates see, as data, for documents built another way (the Word file).
pub(crate) fn context_value(lang: Lang, lessons: &[Lesson], clock: &Clock) -> serde_json::Value {
    serde_json::to_value(context(lang, lessons, clock)).expect("the context serialises")
}

fn context<'a>(lang: Lang, lessons: &'a [Lesson], clock: &Clock) -> Context<'a> {
    let shared: Vec<&Lesson> = lessons.iter().filter(|l| l.shareable).collect();
    Context {
        lang: lang.as_str(),
        l: catalog::section(lang, "lessons"),
        date: clock.today().format("%Y-%m-%d").to_string(),
        count: match shared.len() {
            1 => catalog::text(lang, "lessons", "count_one").to_string(),
            n => catalog::fill(lang, "lessons", "count_many", &[("n", &n)]),
        },
        lessons: shared.into_iter().map(|l| lesson_ctx(lang, l)).collect(),
        page: PageCtx::new(
            lang,
            None,
            catalog::text(lang, "lessons", "title"),
            &clock.today().format("%Y-%m-%d").to_string(),
            false,
        ),
        generator: GENERATOR,
    }
}

fn lesson_ctx(lang: Lang, l: &Lesson) -> LessonCtx<'_> {
    let sections = [
        ("context", &l.context),
        ("happened", &l.what_happened),
        ("learned", &l.what_we_learned),
        ("recommendation", &l.recommendation),
    ]
    .into_iter()
    .map(|(key, text)| SectionCtx {
        heading: catalog::text(lang, "lessons", key),
        key,
        text: text.trim(),
    })
    .filter(|s| !s.text.is_empty())
    .collect();
    LessonCtx {
        title: l.title.trim(),
        kind: catalog::label(lang, l.kind),
        kind_key: l.kind.as_str(),
        phase: l.phase.map(|p| catalog::label(lang, p)),
        project_code: l.project_code.as_deref(),
        sections,
    }
}
