//! The published compilation of a project's dialogue (Sammanställning av dialogen):
//! each round's questions with the answers grouped under them, and the information the
//! buyer gave, as Markdown or a self-contained HTML page, in Swedish or English.
//!
//! Pure: the gathering (`ops::export::dialogue_input`) has already applied the audience
//! rule. In the shared version it names no supplier: each answer comes with a letter
//! (`Supplier::Letter`), which this renderer words as "Leverantör A".

use std::collections::BTreeMap;

use minijinja::Value;
use minijinja::value::Serde;
use serde::Serialize;

use super::{ExportError, GENERATOR, Lang, documents, without_controls};
use crate::catalog;
use crate::domain::{Audience, Clock, Project, RoundKind, TextEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogueFormat {
    Markdown,
    Html,
    /// A Word file, built by `export::docx` from [`context_value`].
    Docx,
}

impl DialogueFormat {
    /// The format written to a file with this extension.
    pub fn from_extension(ext: &str) -> Option<DialogueFormat> {
        [
            DialogueFormat::Markdown,
            DialogueFormat::Html,
            DialogueFormat::Docx,
        ]
        .into_iter()
        .find(|f| f.extension() == ext)
    }

    pub fn extension(self) -> &'static str {
        match self {
            DialogueFormat::Markdown => "md",
            DialogueFormat::Html => "html",
            DialogueFormat::Docx => "docx",
        }
    }

    fn template(self) -> Option<&'static str> {
        match self {
            DialogueFormat::Markdown => Some(MD_TEMPLATE),
            DialogueFormat::Html => Some(HTML_TEMPLATE),
            DialogueFormat::Docx => None,
        }
    }
}

pub(crate) const MD_TEMPLATE: &str = "dialogue.md.j2";
pub(crate) const HTML_TEMPLATE: &str = "dialogue.html.j2";

/// Who gave an answer, as the version may say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Supplier {
    /// The shared version: the supplier's letter in its round ("A").
    Letter(String),
    /// The internal version: the organisation's name and its letter.
    Named { name: String, letter: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogueAnswer {
    pub supplier: Supplier,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogueQuestion {
    /// 1, 2, 3 … as put in the round.
    pub position: i64,
    pub text: String,
    pub answers: Vec<DialogueAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogueRound {
    pub kind: RoundKind,
    /// Empty when it may not be shown: the round is then named by its kind.
    pub title: String,
    pub purpose: String,
    /// How many suppliers take part.
    pub suppliers: usize,
    pub questions: Vec<DialogueQuestion>,
}

/// A piece of information the buyer gave during the dialogue (from the information
/// log, issue 13 part 2), with the day it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InformationGiven {
    pub date: String,
    pub text: String,
}

/// Everything the compilation is made from, already fit for its audience.
#[derive(Debug, Clone)]
pub struct DialogueInput {
    pub project: Project,
    pub rounds: Vec<DialogueRound>,
    pub information: Vec<InformationGiven>,
    pub clock: Clock,
}

/// Renders the compilation in `lang`.
pub fn render(
    input: &DialogueInput,
    format: DialogueFormat,
    audience: Audience,
    lang: Lang,
) -> Result<String, ExportError> {
    let name = format.template().ok_or(ExportError::NotText)?;
    let ctx = context(input, audience, lang);
    let template = documents().get_template(name)?;
    Ok(without_controls(template.render(Value::from(Serde(&ctx)))?))
}

/// The context the templates get, as JSON: what the Word version is built from, so
/// that every format shows the same words in the same order.
pub(crate) fn context_value(
    input: &DialogueInput,
    audience: Audience,
    lang: Lang,
) -> serde_json::Value {
    serde_json::to_value(context(input, audience, lang)).expect("the context serialises")
}

#[derive(Serialize)]
struct Context<'a> {
    lang: &'static str,
    l: &'static BTreeMap<&'static str, &'static str>,
    date: String,
    project_code: &'a str,
    project_title: &'a str,
    buyer: Option<&'a str>,
    case_number: &'a str,
    version: &'static str,
    /// `internal` or `shared`, for styling.
    audience: &'static str,
    rounds: Vec<RoundCtx<'a>>,
    information: Vec<InfoCtx<'a>>,
    generator: &'static str,
}

#[derive(Serialize)]
struct RoundCtx<'a> {
    title: &'a str,
    kind: &'static str,
    purpose: &'a str,
    suppliers: String,
    questions: Vec<QuestionCtx<'a>>,
}

#[derive(Serialize)]
struct QuestionCtx<'a> {
    position: i64,
    text: &'a str,
    answers: Vec<AnswerCtx<'a>>,
}

#[derive(Serialize)]
struct AnswerCtx<'a> {
    who: String,
    body: &'a str,
}

#[derive(Serialize)]
struct InfoCtx<'a> {
    date: &'a str,
    text: &'a str,
}

fn context(input: &DialogueInput, audience: Audience, lang: Lang) -> Context<'_> {
    let words = |key: &str| catalog::text(lang, "dialogue", key);
    let who = |s: &Supplier| match s {
        Supplier::Letter(letter) => {
            catalog::fill(lang, "dialogue", "supplier", &[("letter", letter)])
        }
        Supplier::Named { name, letter } => format!("{name} ({letter})"),
    };
    Context {
        lang: lang.as_str(),
        l: catalog::section(lang, "dialogue"),
        date: input.clock.today().format("%Y-%m-%d").to_string(),
        project_code: &input.project.code,
        project_title: &input.project.title,
        buyer: input.project.buyer_name.as_deref(),
        case_number: &input.project.case_number,
        version: match audience {
            Audience::Internal => words("version_internal"),
            Audience::Shared => words("version_shared"),
        },
        audience: audience.as_str(),
        rounds: input
            .rounds
            .iter()
            .map(|r| RoundCtx {
                title: if r.title.is_empty() {
                    catalog::label(lang, r.kind)
                } else {
                    &r.title
                },
                kind: catalog::label(lang, r.kind),
                purpose: &r.purpose,
                suppliers: match r.suppliers {
                    1 => words("suppliers_one").to_string(),
                    n => catalog::fill(lang, "dialogue", "suppliers_many", &[("n", &n)]),
                },
                questions: r
                    .questions
                    .iter()
                    .map(|q| QuestionCtx {
                        position: q.position,
                        text: &q.text,
                        answers: q
                            .answers
                            .iter()
                            .map(|a| AnswerCtx {
                                who: who(&a.supplier),
                                body: &a.body,
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        information: input
            .information
            .iter()
            .map(|i| InfoCtx {
                date: &i.date,
                text: &i.text,
            })
            .collect(),
        generator: GENERATOR,
    }
}
