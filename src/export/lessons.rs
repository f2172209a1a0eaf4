//! Lessons and good examples as "learning examples" (lärande exempel) to pass on:
//! Markdown or a self-contained HTML page. Only lessons marked shareable are included;
//! the document says how many others were left out.

use minijinja::Value;
use minijinja::value::Serde;
use serde::Serialize;

use super::{ExportError, GENERATOR, documents, without_controls};
use crate::domain::{Clock, Lesson, TextEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonsFormat {
    Markdown,
    Html,
}

impl LessonsFormat {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            LessonsFormat::Markdown => "md",
            LessonsFormat::Html => "html",
        }
    }

    fn template(self) -> &'static str {
        match self {
            LessonsFormat::Markdown => MD_TEMPLATE,
            LessonsFormat::Html => HTML_TEMPLATE,
        }
    }
}

pub(crate) const MD_TEMPLATE: &str = "lessons.md.j2";
pub(crate) const HTML_TEMPLATE: &str = "lessons.html.j2";

/// Renders the shareable ones of `lessons`, in the order given.
pub fn render(
    format: LessonsFormat,
    lessons: &[Lesson],
    clock: &Clock,
) -> Result<String, ExportError> {
    let ctx = context(lessons, clock);
    let template = documents().get_template(format.template())?;
    Ok(without_controls(template.render(Value::from(Serde(&ctx)))?))
}

#[derive(Serialize)]
struct Context<'a> {
    /// The day of the export, "2026-11-26".
    date: String,
    /// "3 learning examples"
    count: String,
    /// "2 lessons not marked shareable are left out.", or empty.
    left_out: String,
    lessons: Vec<LessonCtx<'a>>,
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

fn context<'a>(lessons: &'a [Lesson], clock: &Clock) -> Context<'a> {
    let shared: Vec<&Lesson> = lessons.iter().filter(|l| l.shareable).collect();
    let left_out = lessons.len() - shared.len();
    Context {
        date: clock.today().format("%Y-%m-%d").to_string(),
        count: match shared.len() {
            1 => "1 learning example".to_string(),
            n => format!("{n} learning examples"),
        },
        left_out: match left_out {
            0 => String::new(),
            1 => "1 lesson not marked shareable is left out.".to_string(),
            n => format!("{n} lessons not marked shareable are left out."),
        },
        lessons: shared.into_iter().map(lesson_ctx).collect(),
        generator: GENERATOR,
    }
}

fn lesson_ctx(l: &Lesson) -> LessonCtx<'_> {
    let sections = [
        ("Context", "context", &l.context),
        ("What happened", "happened", &l.what_happened),
        ("What we learned", "learned", &l.what_we_learned),
        ("Recommendation", "recommendation", &l.recommendation),
    ]
    .into_iter()
    .map(|(heading, key, text)| SectionCtx {
        heading,
        key,
        text: text.trim(),
    })
    .filter(|s| !s.text.is_empty())
    .collect();
    LessonCtx {
        title: l.title.trim(),
        kind: l.kind.label(),
        kind_key: l.kind.as_str(),
        phase: l.phase.map(|p| p.label()),
        project_code: l.project_code.as_deref(),
        sections,
    }
}
