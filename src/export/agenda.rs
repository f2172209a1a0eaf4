//! The printable agenda of one meeting, as Markdown or as a self-contained HTML page.
//!
//! The templates live in `assets/export/` and are compiled in. The HTML template is
//! auto-escaped (everything the user typed is escaped); the Markdown template escapes
//! user text with the `md` and `md_cell` filters so that it cannot turn into markup,
//! raw HTML or a broken table.

use crate::domain::web_link;
use std::sync::OnceLock;

use chrono::{DateTime, Datelike, Utc};
use minijinja::value::Serde;
use minijinja::{Environment, Value};
use serde::Serialize;

use std::collections::BTreeMap;

use super::{
    ExportError, Lang, PageCtx, ProjectCtx, fair_dialogue, weekday_long, without_controls,
};
use crate::catalog;
use crate::domain::when::format_duration;
use crate::domain::{
    AgendaItem, Attendance, Clock, Meeting, MeetingStatus, Project, agenda_overrun, agenda_times,
    is_supplier_facing,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaFormat {
    Markdown,
    Html,
    /// A Word file, built by `export::docx`.
    Docx,
}

impl AgendaFormat {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            AgendaFormat::Markdown => "md",
            AgendaFormat::Html => "html",
            AgendaFormat::Docx => "docx",
        }
    }

    fn template(self) -> &'static str {
        match self {
            AgendaFormat::Markdown => MD_TEMPLATE,
            AgendaFormat::Html => HTML_TEMPLATE,
            AgendaFormat::Docx => super::NOT_TEXT,
        }
    }
}

// The names end in .md/.html (+ .j2) so that minijinja's default auto-escaping
// applies: HTML escaping for the HTML page, none for Markdown.
const MD_TEMPLATE: &str = "agenda.md.j2";
const HTML_TEMPLATE: &str = "agenda.html.j2";

fn environment() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        // The export module's environment: its syntax settings and escaping filters.
        let mut env = super::environment();
        env.add_template(
            MD_TEMPLATE,
            include_str!("../../assets/export/agenda.md.j2"),
        )
        .expect("the Markdown agenda template parses");
        env.add_template(
            HTML_TEMPLATE,
            include_str!("../../assets/export/agenda.html.j2"),
        )
        .expect("the HTML agenda template parses");
        env
    })
}

/// Renders one meeting's agenda in `lang`. Times are shown in the clock's local time.
pub fn render(
    format: AgendaFormat,
    lang: Lang,
    project: &Project,
    meeting: &Meeting,
    agenda: &[AgendaItem],
    attendance: &[Attendance],
    clock: &Clock,
) -> Result<String, ExportError> {
    if format == AgendaFormat::Docx {
        return Err(ExportError::NotText);
    }
    let ctx = context(lang, project, meeting, agenda, attendance, clock);
    let template = environment().get_template(format.template())?;
    Ok(without_controls(template.render(Value::from(Serde(&ctx)))?))
}

#[derive(Serialize)]
struct Context<'a> {
    /// `sv` or `en`.
    lang: &'static str,
    /// The words of the document (the catalog's `[agenda]` section).
    l: &'static BTreeMap<&'static str, &'static str>,
    project: ProjectCtx<'a>,
    meeting: MeetingCtx<'a>,
    participants: Vec<ParticipantCtx<'a>>,
    items: Vec<ItemCtx<'a>>,
    /// "1 h 45 min"
    total: String,
    /// "15 min to spare", "30 min over", or empty when the agenda fills the meeting.
    balance: String,
    over: bool,
    fair_dialogue: Option<&'static str>,
    /// The printed page's margins.
    page: PageCtx,
    generator: &'static str,
}

#[derive(Serialize)]
struct MeetingCtx<'a> {
    title: &'a str,
    kind: &'static str,
    format: &'static str,
    status: &'static str,
    cancelled: bool,
    /// "torsdag 2026-12-03"
    day: String,
    /// "09:30–11:30", or "09:30 – 2026-12-04 11:30" across midnight.
    time: String,
    /// ISO 8601 week number of the start day.
    week: u32,
    /// "2 h"
    length: String,
    location: &'a str,
    /// The location when it is a web address (a video meeting), for a link.
    link: Option<&'a str>,
    purpose: &'a str,
    desired_outcome: &'a str,
}

#[derive(Serialize)]
struct ParticipantCtx<'a> {
    name: &'a str,
    organisation: &'a str,
    role: &'static str,
}

#[derive(Serialize)]
struct ItemCtx<'a> {
    start: String,
    end: String,
    title: &'a str,
    duration: String,
    method: &'a str,
    owner: &'a str,
    expected_outcome: &'a str,
}

/// What the templates see, as data, for documents built another way (the Word file).
pub(crate) fn context_value(
    lang: Lang,
    project: &Project,
    meeting: &Meeting,
    agenda: &[AgendaItem],
    attendance: &[Attendance],
    clock: &Clock,
) -> serde_json::Value {
    serde_json::to_value(context(lang, project, meeting, agenda, attendance, clock))
        .expect("the context serialises")
}

fn context<'a>(
    lang: Lang,
    project: &'a Project,
    meeting: &'a Meeting,
    agenda: &'a [AgendaItem],
    attendance: &'a [Attendance],
    clock: &Clock,
) -> Context<'a> {
    let hm = |t: DateTime<Utc>| clock.local(t).format("%H:%M").to_string();
    let start = clock.local(meeting.start);
    let end = clock.local(meeting.end);
    let time = if start.date() == end.date() {
        format!("{}–{}", hm(meeting.start), hm(meeting.end))
    } else {
        format!("{} – {}", hm(meeting.start), end.format("%Y-%m-%d %H:%M"))
    };
    let times = agenda_times(meeting.start, agenda.iter().map(|i| &i.minutes));
    let items = agenda
        .iter()
        .zip(times)
        .map(|(item, (s, e))| ItemCtx {
            start: hm(s),
            end: hm(e),
            title: &item.title,
            duration: format_duration(item.minutes),
            method: &item.method,
            owner: &item.owner,
            expected_outcome: &item.expected_outcome,
        })
        .collect();
    let overrun = agenda_overrun(meeting, agenda);
    let minutes = |m: i64| format_duration(u32::try_from(m.unsigned_abs()).unwrap_or(u32::MAX));
    let balance = match overrun {
        0 => String::new(),
        o if o > 0 => catalog::fill(lang, "agenda", "over", &[("length", &minutes(o))]),
        o => catalog::fill(lang, "agenda", "to_spare", &[("length", &minutes(o))]),
    };
    let total: i64 = agenda.iter().map(|i| i64::from(i.minutes)).sum();
    Context {
        lang: lang.as_str(),
        l: catalog::section(lang, "agenda"),
        project: ProjectCtx::of(project, ""),
        meeting: MeetingCtx {
            title: &meeting.title,
            kind: catalog::label(lang, meeting.kind),
            format: catalog::label(lang, meeting.format),
            status: catalog::label(lang, meeting.status),
            cancelled: meeting.status == MeetingStatus::Cancelled,
            day: format!(
                "{} {}",
                weekday_long(lang, start.date()),
                start.format("%Y-%m-%d")
            ),
            time,
            week: start.iso_week().week(),
            length: minutes(meeting.minutes()),
            location: meeting.location.trim(),
            link: web_link(&meeting.location),
            purpose: meeting.purpose.trim(),
            desired_outcome: meeting.desired_outcome.trim(),
        },
        participants: attendance
            .iter()
            .map(|a| ParticipantCtx {
                name: &a.person_name,
                organisation: a.organisation_name.as_deref().unwrap_or(""),
                role: catalog::label(lang, a.role),
            })
            .collect(),
        items,
        total: minutes(total),
        balance,
        over: overrun > 0,
        fair_dialogue: is_supplier_facing(meeting, attendance).then(|| fair_dialogue(lang)),
        page: PageCtx::new(
            lang,
            Some(project),
            catalog::text(lang, "agenda", "title"),
            &start.date().to_string(),
            false,
        ),
        generator: concat!("tidig ", env!("CARGO_PKG_VERSION")),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn markdown_escapes_markup_and_keeps_lines() {
        // The shared escaping of the export module serves the agenda too.
        assert_eq!(
            super::super::markdown_block("<b>*hej*</b>"),
            r"\<b\>\*hej\*\</b\>"
        );
        assert_eq!(
            super::super::markdown_block("rad 1\nrad 2"),
            "rad 1  \nrad 2"
        );
        assert_eq!(super::super::markdown_cell("a | b\nc"), r"a \| b<br>c");
    }
}
