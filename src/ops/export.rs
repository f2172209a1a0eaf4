//! Exports as one operation: gather from the store, render, write the file privately,
//! and log it on the meeting where the export is a meeting's document. The command line
//! and the screens both describe what they want as an [`ExportJob`].

use std::path::{Path, PathBuf};

use crate::bundle::Scope;
use crate::domain::{
    AgendaLine, Attendance, Audience, EntityKind, EntityRef, Evidence, ExportRecord, Meeting,
    MeetingStatus, MeetingType, NeedStatus, TextEnum, Thresholds, mentions_link, next_meeting,
    review_age, shared_may_name,
};
use crate::export::{
    self, AgendaFormat, CalendarEntry, CsvSeparator, DialogueAnswer, DialogueFormat, DialogueInput,
    DialogueQuestion, DialogueRound, ExportError, InformationGiven, Lang, LessonsFormat,
    NeedsFormat, NeedsInput, ReportFormat, ReportInput, SummaryFormat, SummaryInput,
    TemplateSource,
};
use crate::store::{ActionFilter, Store, StoreError};
use crate::text;

use super::shared_names::SharedNames;
use super::write::{WriteError, write_private};

/// How long a meeting moved to the trash is still exported, as cancelled, in calendars.
pub const TRASHED_STAY_CANCELLED_DAYS: i64 = 90;

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportJob {
    /// The calendar (.ics) of every live meeting, or of one project's.
    Calendar { project_id: Option<i64>, lang: Lang },
    /// One meeting as a calendar event (.ics).
    MeetingCalendar { meeting_id: i64, lang: Lang },
    /// A meeting's printable agenda.
    Agenda {
        meeting_id: i64,
        format: AgendaFormat,
        lang: Lang,
    },
    /// A project's needs description for an audience.
    Needs {
        project_id: i64,
        format: NeedsFormat,
        audience: Audience,
        lang: Lang,
        /// The CSV file's separator; `None` is what a spreadsheet in `lang` expects.
        separator: Option<CsvSeparator>,
    },
    /// A meeting's notes (Mötesanteckningar) for an audience, in a language.
    Summary {
        meeting_id: i64,
        format: SummaryFormat,
        audience: Audience,
        lang: Lang,
    },
    /// Learning examples: the shareable lessons of one project, or of all.
    Lessons {
        project_id: Option<i64>,
        format: LessonsFormat,
        lang: Lang,
    },
    /// Everything, or one project and what it refers to, as a versioned JSON bundle.
    Bundle { scope: Scope },
    /// A project's attention view as an internal report for the buyer's project lead.
    Report {
        project_id: i64,
        format: ReportFormat,
        lang: Lang,
        /// When a review counts as due (the config's `stale_after_days`).
        thresholds: Thresholds,
    },
    /// The compilation of a project's dialogue rounds (Sammanställning av dialogen),
    /// or of one round.
    Dialogue {
        project_id: i64,
        round_id: Option<i64>,
        format: DialogueFormat,
        audience: Audience,
        lang: Lang,
    },
}

/// Where the result goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Stdout,
    /// Exactly this file.
    File(PathBuf),
    /// This folder, under the export's own file name.
    Folder(PathBuf),
}

impl Destination {
    /// `-o FILE` as the command line gives it: none or `-` is standard output.
    pub fn from_output(output: Option<&Path>) -> Destination {
        match output {
            None => Destination::Stdout,
            Some(p) if p.as_os_str() == "-" => Destination::Stdout,
            Some(p) => Destination::File(p.to_path_buf()),
        }
    }
}

/// A rendered export, not yet written.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// The file's bytes: UTF-8 text, or a Word file's ZIP; empty for the whole
    /// calendar, which is streamed as it is read.
    pub contents: Vec<u8>,
    /// The file name it gets in a folder (`LULE-25-2026-12-03-behovsworkshop.ics`).
    pub file_name: String,
    /// The meeting to log the export on, and what to log (without the file).
    log: Option<(i64, ExportRecord)>,
}

/// What an export did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The file written, or `None` for standard output.
    pub path: Option<PathBuf>,
    /// The file's bytes: UTF-8 text, or a Word file's ZIP; empty for the whole
    /// calendar, which is streamed as it is read.
    pub contents: Vec<u8>,
}

impl Rendered {
    /// Whether the export is a binary file (Word), not text for a terminal.
    pub fn is_binary(&self) -> bool {
        self.file_name.ends_with(".docx")
    }
}

/// How Word files are styled: with the styles of a reference document (pandoc's
/// `--reference-doc`), or the built-in clean default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocxStyle {
    /// `reference.docx` in the config folder, or the file `--reference-doc` names.
    pub reference: Option<PathBuf>,
}

impl DocxStyle {
    /// The file name looked for in the config folder.
    pub const FILE: &'static str = "reference.docx";

    /// `reference.docx` next to the config file, if there is one.
    pub fn from_config_dir(config_dir: &Path) -> DocxStyle {
        let file = config_dir.join(Self::FILE);
        DocxStyle {
            reference: file.exists().then_some(file),
        }
    }

    fn load(&self) -> Result<Option<export::docx::Reference>, ExportError> {
        self.reference
            .as_deref()
            .map(export::docx::Reference::load)
            .transpose()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportOpError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Render(#[from] ExportError),
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("{}", text::err_write_stdout(.0))]
    Stdout(std::io::Error),
    /// The thing to export is in the trash (or belongs to something that is).
    #[error("{}", text::err_export_in_trash(.0.kind))]
    InTrash(EntityRef),
    #[error("{}", text::msg_no_shareable_lessons())]
    NothingShareable,
    /// A Word file asked for on standard output, which is a terminal.
    #[error("{}", text::err_binary_to_terminal())]
    BinaryToTerminal,
    /// The file was written, but the meeting's export log could not be updated.
    #[error("{}", text::err_export_not_logged(.0))]
    NotLogged(PathBuf, #[source] StoreError),
}

/// Gathers and renders `job`, Word files in the built-in style; nothing is written.
pub fn render(
    store: &Store,
    job: &ExportJob,
    templates: &TemplateSource,
) -> Result<Rendered, ExportOpError> {
    render_styled(store, job, templates, &DocxStyle::default())
}

/// Gathers and renders `job`, Word files in `style`; nothing is written.
pub fn render_styled(
    store: &Store,
    job: &ExportJob,
    templates: &TemplateSource,
    style: &DocxStyle,
) -> Result<Rendered, ExportOpError> {
    let clock = store.clock();
    let rendered = |contents: String, file_name: String| Rendered {
        contents: contents.into_bytes(),
        file_name,
        log: None,
    };
    let word =
        |doc: export::docx::Document, file_name: String| -> Result<Rendered, ExportOpError> {
            Ok(Rendered {
                contents: export::docx::write(&doc, style.load()?.as_ref())?,
                file_name,
                log: None,
            })
        };
    Ok(match *job {
        ExportJob::Calendar { project_id, lang } => {
            let name = calendar_name(store, project_id)?;
            let ics = stream_calendar(store, project_id, lang, Vec::new(), |e| {
                ExportOpError::Stdout(e)
            })?;
            Rendered {
                contents: ics,
                file_name: format!("{name}.ics"),
                log: None,
            }
        }
        ExportJob::MeetingCalendar { meeting_id, lang } => {
            let meeting = live_meeting(store, meeting_id)?;
            let name = file_name(&meeting, store);
            let agenda = store.agenda(meeting_id)?;
            let entry = CalendarEntry {
                agenda: agenda.iter().map(AgendaLine::from).collect(),
                meeting,
            };
            let ics = export::calendar(&[entry], clock.now(), &clock, lang);
            rendered(ics, format!("{name}.ics"))
        }
        ExportJob::Agenda {
            meeting_id,
            format,
            lang,
        } => {
            let meeting = live_meeting(store, meeting_id)?;
            let project = store.project(meeting.project_id)?;
            let agenda = store.agenda(meeting_id)?;
            let attendance = store.attendance(meeting_id)?;
            let name = format!(
                "{}-agenda.{}",
                file_name(&meeting, store),
                format.extension()
            );
            if format == AgendaFormat::Docx {
                let doc =
                    export::docx::agenda(lang, &project, &meeting, &agenda, &attendance, &clock);
                return word(doc, name);
            }
            let contents = export::render_agenda(
                format,
                lang,
                &project,
                &meeting,
                &agenda,
                &attendance,
                &clock,
            )?;
            rendered(contents, name)
        }
        ExportJob::Needs {
            project_id,
            format,
            audience,
            lang,
            separator,
        } => {
            let input = needs_input(
                store,
                live(store, EntityKind::Project, project_id)?,
                audience,
                lang,
            )?;
            let name = format!(
                "{}-{}.{}",
                input.project.code,
                text::file_needs(),
                format.extension()
            );
            if format == NeedsFormat::Docx {
                return word(export::docx::needs(&input, audience, lang), name);
            }
            let contents = export::render_needs(&input, format, audience, lang, separator)?;
            rendered(contents, name)
        }
        ExportJob::Summary {
            meeting_id,
            format,
            audience,
            lang,
        } => {
            let meeting = live_meeting(store, meeting_id)?;
            let name = format!(
                "{}-{}-{}.{}",
                file_name(&meeting, store),
                text::file_notes(),
                audience.as_str(),
                format.extension()
            );
            let input = summary_input(store, meeting, audience)?;
            let contents = if format == SummaryFormat::Docx {
                let doc = export::docx::summary(&input, audience, lang);
                export::docx::write(&doc, style.load()?.as_ref())?
            } else {
                export::render_summary(&input, format, audience, lang, templates)?.into_bytes()
            };
            let record = ExportRecord {
                what: "summary".into(),
                format: format.extension().into(),
                audience: audience.as_str().into(),
                language: lang.as_str().into(),
                file: String::new(),
                exported_at: clock.timestamp(),
            };
            Rendered {
                contents,
                file_name: name,
                log: Some((meeting_id, record)),
            }
        }
        ExportJob::Bundle { ref scope } => {
            let bundle = super::bundle::export_bundle(store, scope)?;
            let name = match scope {
                Scope::All => "tidig".to_string(),
                Scope::Project(code) => code.clone(),
            };
            rendered(bundle.to_json(), format!("{name}-{}.json", clock.today()))
        }
        ExportJob::Report {
            project_id,
            format,
            lang,
            thresholds,
        } => {
            let input = report_input(
                store,
                live(store, EntityKind::Project, project_id)?,
                thresholds,
            )?;
            let name = format!(
                "{}-{}-{}.{}",
                input.project.code,
                text::file_report(),
                clock.today(),
                format.extension()
            );
            if format == ReportFormat::Docx {
                return word(export::docx::report(&input, lang), name);
            }
            let contents = export::render_report(&input, format, lang)?;
            rendered(contents, name)
        }
        ExportJob::Dialogue {
            project_id,
            round_id,
            format,
            audience,
            lang,
        } => {
            let project_id = live(store, EntityKind::Project, project_id)?;
            if let Some(round_id) = round_id {
                live(store, EntityKind::Round, round_id)?;
                if store.round(round_id)?.project_id != project_id {
                    return Err(ExportOpError::Store(StoreError::NotFound));
                }
            }
            let input = dialogue_input(store, project_id, round_id, audience, lang)?;
            let name = format!(
                "{}-{}-{}.{}",
                input.project.code,
                text::file_dialogue(),
                audience.as_str(),
                format.extension()
            );
            if format == DialogueFormat::Docx {
                return word(export::docx::dialogue(&input, audience, lang), name);
            }
            let contents = export::render_dialogue(&input, format, audience, lang)?;
            rendered(contents, name)
        }
        ExportJob::Lessons {
            project_id,
            format,
            lang,
        } => {
            // All of them: the renderer keeps the shareable ones.
            let lessons = store.lessons(project_id, None, None, false)?;
            if !lessons.iter().any(|l| l.shareable) {
                return Err(ExportOpError::NothingShareable);
            }
            let name = format!(
                "{}-{}.{}",
                text::file_lessons(),
                clock.today(),
                format.extension()
            );
            if format == LessonsFormat::Docx {
                return word(export::docx::lessons(lang, &lessons, &clock), name);
            }
            let contents = export::render_lessons(format, lang, &lessons, &clock)?;
            rendered(contents, name)
        }
    })
}

/// Renders `job`, writes it to `to` and logs it on its meeting where it is a meeting's
/// document. `store_path` is never written over.
pub fn run(
    store: &mut Store,
    job: &ExportJob,
    templates: &TemplateSource,
    to: &Destination,
    store_path: Option<&Path>,
) -> Result<Exported, ExportOpError> {
    run_styled(store, job, templates, &DocxStyle::default(), to, store_path)
}

/// As [`run`], Word files in `style`. A Word file is not written to standard output
/// when that is a terminal ([`ExportOpError::BinaryToTerminal`]).
pub fn run_styled(
    store: &mut Store,
    job: &ExportJob,
    templates: &TemplateSource,
    style: &DocxStyle,
    to: &Destination,
    store_path: Option<&Path>,
) -> Result<Exported, ExportOpError> {
    if let ExportJob::Calendar { project_id, lang } = *job {
        return run_calendar(store, project_id, lang, to, store_path);
    }
    let rendered = render_styled(store, job, templates, style)?;
    let path = match to {
        Destination::Stdout => {
            use std::io::IsTerminal;
            if rendered.is_binary() && std::io::stdout().is_terminal() {
                return Err(ExportOpError::BinaryToTerminal);
            }
            write_stdout(&rendered.contents).map_err(ExportOpError::Stdout)?;
            None
        }
        Destination::File(path) => Some(path.clone()),
        Destination::Folder(dir) => {
            super::write::create_private_dir(dir).map_err(|e| WriteError::Io(dir.clone(), e))?;
            Some(dir.join(&rendered.file_name))
        }
    };
    if let Some(path) = &path {
        write_private(path, &rendered.contents, store_path)?;
    }
    if let Some((meeting_id, mut record)) = rendered.log {
        record.file = path
            .as_deref()
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()))
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "-".into());
        store
            .log_export(meeting_id, &record)
            .map_err(|e| ExportOpError::NotLogged(path.clone().unwrap_or_default(), e))?;
    }
    Ok(Exported {
        path,
        contents: rendered.contents,
    })
}

/// The calendar's file name: the project's code, or the words for all meetings.
fn calendar_name(store: &Store, project_id: Option<i64>) -> Result<String, ExportOpError> {
    Ok(match project_id {
        Some(id) => store.project(live(store, EntityKind::Project, id)?)?.code,
        None => text::file_all_meetings().to_string(),
    })
}

/// Writes the calendar of every live meeting (or one project's) into `out` as the
/// meetings are read, in the order they were made: 20,000 meetings are never held at
/// once (calendar programs sort the events by time themselves).
/// Meetings put in the trash lately go out as cancelled, so that calendars that
/// imported them take them off (a missing event is not removed). `io` says what a
/// write error is.
fn stream_calendar<W: std::io::Write>(
    store: &Store,
    project_id: Option<i64>,
    lang: Lang,
    out: W,
    io: impl Fn(std::io::Error) -> ExportOpError,
) -> Result<W, ExportOpError> {
    let clock = store.clock();
    let now = clock.now();
    let since = now - chrono::Duration::days(TRASHED_STAY_CANCELLED_DAYS);
    let mut calendar = export::CalendarWriter::begin(out, now, &clock, lang).map_err(&io)?;
    store.each_calendar_meeting(project_id, since, |trashed, mut meeting, agenda| {
        if trashed {
            meeting.status = MeetingStatus::Cancelled;
        }
        calendar
            .event(&CalendarEntry { meeting, agenda })
            .map_err(&io)
    })?;
    calendar.finish().map_err(io)
}

/// `run` for the whole calendar: streamed to standard output or into the file.
fn run_calendar(
    store: &Store,
    project_id: Option<i64>,
    lang: Lang,
    to: &Destination,
    store_path: Option<&Path>,
) -> Result<Exported, ExportOpError> {
    let name = calendar_name(store, project_id)?;
    let path = match to {
        Destination::Stdout => {
            let out = std::io::BufWriter::with_capacity(64 * 1024, StdoutToEnd::default());
            stream_calendar(store, project_id, lang, out, ExportOpError::Stdout)?;
            return Ok(Exported {
                path: None,
                contents: Vec::new(),
            });
        }
        Destination::File(path) => path.clone(),
        Destination::Folder(dir) => {
            super::write::create_private_dir(dir).map_err(|e| WriteError::Io(dir.clone(), e))?;
            dir.join(format!("{name}.ics"))
        }
    };
    super::write::write_private_with(&path, store_path, |out| {
        stream_calendar(store, project_id, lang, out, |e| {
            WriteError::Io(path.clone(), e).into()
        })
        .map(|_| ())
    })?;
    Ok(Exported {
        path: Some(path),
        contents: Vec::new(),
    })
}

/// Standard output for a streamed export: a reader that stops early (`| head`) is
/// not an error, and what follows is dropped.
#[derive(Default)]
struct StdoutToEnd {
    closed: bool,
}

impl std::io::Write for StdoutToEnd {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match std::io::stdout().lock().write_all(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            other => other.map(|()| buf.len()),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        match std::io::stdout().lock().flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        }
    }
}

/// Writes to standard output. A reader that stops early (`| head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// `id` when the row is live and not inside something in the trash.
fn live(store: &Store, kind: EntityKind, id: i64) -> Result<i64, ExportOpError> {
    let item = EntityRef::new(kind, id);
    let at = store.locate(item)?;
    if at.trashed || at.parent_trashed {
        return Err(ExportOpError::InTrash(item));
    }
    Ok(id)
}

fn live_meeting(store: &Store, id: i64) -> Result<Meeting, ExportOpError> {
    Ok(store.meeting(live(store, EntityKind::Meeting, id)?)?)
}

/// Everything a project report is made from: the project and its attention view with
/// every line (the tab shows a page of each section; a document shows them all), and
/// how long ago it was reviewed under `thresholds`. The report is internal: it is
/// only ever for the buyer's team.
pub fn report_input(
    store: &Store,
    project_id: i64,
    thresholds: Thresholds,
) -> Result<ReportInput, StoreError> {
    let clock = store.clock();
    let project = store.project(project_id)?;
    let attention = store.attention_paged(project_id, None)?;
    let last_review = attention
        .last_reviewed_at
        .as_deref()
        .and_then(|t| chrono::NaiveDate::parse_from_str(&clock.local_date(t), "%Y-%m-%d").ok());
    Ok(ReportInput {
        review: review_age(last_review, clock.today(), thresholds),
        project,
        attention,
        clock,
    })
}

/// Everything a meeting's notes are made from: its project, agenda, participants, and
/// of its notes, decisions, actions (done ones too), questions, the needs with evidence
/// from the meeting and the suggestions made at it only those `audience` may read
/// (`Audience::share`, the one place the label rule is applied); and the next meeting
/// that `audience` may know of.
pub fn summary_input(
    store: &Store,
    meeting: Meeting,
    audience: Audience,
) -> Result<SummaryInput, StoreError> {
    let project = store.project(meeting.project_id)?;
    let id = meeting.id;
    let evidence = store.project_evidence(project.id)?;
    // A need is in a version when the audience may read both the need and the evidence
    // that ties it to this meeting (which may say who raised it).
    let from_this_meeting = |need_id: i64| {
        evidence.get(&need_id).is_some_and(|e| {
            e.iter()
                .any(|e| e.meeting_id == Some(id) && audience.may_read(e.confidentiality))
        })
    };
    let needs = store
        .all_needs(Some(project.id))?
        .into_iter()
        .filter(|n| from_this_meeting(n.id))
        .collect();
    let suggestions = store
        .suggestions(Some(project.id), None, None)?
        .into_iter()
        .filter(|s| s.meeting_id == Some(id))
        .collect();
    let attendance = store.attendance(id)?;
    let next_meeting = next_meeting_for(store, &meeting, &attendance, audience)?;
    let approval = store.notes_approval(id)?;
    let everything = SummaryInput {
        agenda: store.agenda(id)?,
        attendance,
        notes: store.notes(id)?,
        withheld_notes: 0,
        decisions: store.decisions(None, Some(id))?,
        actions: store.actions(&ActionFilter {
            meeting_id: Some(id),
            include_closed: true,
            ..ActionFilter::default()
        })?,
        questions: store.questions(id)?,
        needs,
        suggestions,
        next_meeting,
        approved_at: approval.as_ref().map(|a| a.at.clone()),
        approved_by: approval.and_then(|a| a.by_name),
        registration: store.registration(id)?,
        clock: store.clock(),
        project,
        meeting,
    };
    Ok(for_audience(everything, audience))
}

/// What of a meeting's notes and outcomes `audience` may read (`Audience::share`), the
/// rest dropped before any renderer sees it. Only the buyer's team is told how many
/// notes are in no export; a shared version never counts what it leaves out.
pub fn for_audience(input: SummaryInput, audience: Audience) -> SummaryInput {
    let withheld_notes = match audience {
        Audience::Internal => input
            .notes
            .iter()
            .filter(|n| !n.body.trim().is_empty() && !audience.may_read(n.confidentiality))
            .count(),
        Audience::Shared => 0,
    };
    SummaryInput {
        notes: audience.share(input.notes),
        withheld_notes,
        decisions: audience.share(input.decisions),
        actions: audience.share(input.actions),
        questions: audience.share(input.questions),
        needs: audience.share(input.needs),
        suggestions: audience.share(input.suggestions),
        ..input
    }
}

/// Everything a project's needs description is made from, for `audience`: its needs
/// and their evidence, with the audience rule applied ([`needs_for_audience`]).
pub fn needs_input(
    store: &Store,
    project_id: i64,
    audience: Audience,
    lang: Lang,
) -> Result<NeedsInput, StoreError> {
    let project = store.project(project_id)?;
    let meeting_kinds = store
        .project_meetings(project_id)?
        .into_iter()
        .map(|m| (m.id, m.kind))
        .collect();
    // Names the shared version must not carry: every person's, and every
    // organisation's but the buyer's (whom the document names anyway). The internal
    // version checks no names, so the directory is only read for the shared one.
    let names = match audience {
        Audience::Shared => SharedNames::of_store(store, project.buyer_id, lang)?,
        Audience::Internal => SharedNames::new(Vec::<String>::new(), Vec::new(), lang),
    };
    let everything = NeedsInput {
        needs: store.all_needs(Some(project_id))?,
        evidence: store.project_evidence(project_id)?,
        meeting_kinds,
        clock: store.clock(),
        project,
    };
    Ok(needs_for_audience(everything, audience, &names))
}

/// What of a project's needs and evidence `audience` may read, the rest dropped before
/// any renderer sees it. Both versions carry only what `Audience::share` lets through.
/// The shared version (it often ends up in the procurement documents) also leaves out:
///
/// - merged and rejected needs (the internal version lists them as scope limits);
/// - who owns a need, and the reason for its status (the buyer's own reasoning);
/// - who raised a piece of evidence, and the titles of meetings (a meeting is named by
///   its type, since a supplier meeting's title names the supplier);
/// - evidence from one-to-one dialogues (what one supplier said, and when), or from a
///   meeting whose type is not known;
/// - evidence whose text names an organisation in `names`, and evidence with nothing
///   left to say;
///
/// and it names no person: their names in needs and evidence become a neutral word
/// ("[namn]", see `SharedNames`). Nothing counts what was left out.
pub fn needs_for_audience(
    input: NeedsInput,
    audience: Audience,
    names: &SharedNames,
) -> NeedsInput {
    let needs = audience.share(input.needs);
    let mut evidence: std::collections::HashMap<i64, Vec<Evidence>> = input
        .evidence
        .into_iter()
        .filter(|(need, _)| needs.iter().any(|n| n.id == *need))
        .map(|(need, list)| (need, audience.share(list)))
        .collect();
    if audience == Audience::Internal {
        evidence.retain(|_, list| !list.is_empty());
        return NeedsInput {
            needs,
            evidence,
            ..input
        };
    }
    let needs: Vec<_> = needs
        .into_iter()
        .filter(|n| !matches!(n.status, NeedStatus::Merged | NeedStatus::Rejected))
        .map(|mut n| {
            n.owner.clear();
            n.status_reason.clear();
            n.merged_into = None;
            // A need is the buyer's own words: a person named in them is replaced,
            // an organisation's name stays (it was shareable as written).
            for text in [&mut n.statement, &mut n.as_a, &mut n.i_need, &mut n.so_that] {
                *text = names.anonymise_people(text);
            }
            n
        })
        .collect();
    let kinds = &input.meeting_kinds;
    let evidence = evidence
        .into_iter()
        .filter(|(need, _)| needs.iter().any(|n| n.id == *need))
        .map(|(need, list)| {
            let list: Vec<Evidence> = list
                .into_iter()
                // From a meeting we may name: a meeting whose type is unknown here (in
                // the trash, unreadable) might have been a one-to-one.
                .filter(|e| match e.meeting_id {
                    None => true,
                    Some(m) => kinds
                        .get(&m)
                        .is_some_and(|k| *k != MeetingType::OneToOneDialogue),
                })
                // Naming an organisation keeps it out; a person's name is replaced.
                .filter_map(|mut e| {
                    e.note = names.share(&e.note)?;
                    e.document = names.share(&e.document)?;
                    e.person_id = None;
                    e.person_name = None;
                    e.meeting_title = None;
                    Some(e)
                })
                .filter(|e| {
                    e.meeting_id.is_some()
                        || !e.document.trim().is_empty()
                        || !e.note.trim().is_empty()
                })
                .collect();
            (need, list)
        })
        .filter(|(_, list)| !list.is_empty())
        .collect();
    NeedsInput {
        needs,
        evidence,
        ..input
    }
}

/// Everything a compilation of the dialogue is made from, for `audience`: the live
/// rounds of the project (or just `round_id`), their questions and the answers the
/// audience may read (`Audience::share`).
///
/// The shared version names no supplier and none of their staff: an answer is
/// attributed by its supplier's letter in the round, and so is a round's supplier
/// named in its questions, answers, title or purpose ("Leverantör A:s sensorer"); a
/// person's name becomes a neutral word ("[namn]"); a text that names another
/// organisation than the buyer is left out — a title by the round's kind instead (the
/// rules of `SharedNames`). Nothing counts what was left out.
pub fn dialogue_input(
    store: &Store,
    project_id: i64,
    round_id: Option<i64>,
    audience: Audience,
    lang: Lang,
) -> Result<DialogueInput, StoreError> {
    let project = store.project(project_id)?;
    let rounds = match round_id {
        Some(id) => vec![store.round(id)?],
        None => {
            let mut all = Vec::new();
            loop {
                let page = store.rounds(Some(project_id), all.len())?;
                let full = page.len() == crate::store::ROUNDS_PAGE;
                all.extend(page);
                if !full {
                    break;
                }
            }
            // Oldest first: the order the dialogue took.
            all.reverse();
            all
        }
    };
    let names = match audience {
        Audience::Shared => SharedNames::of_store(store, project.buyer_id, lang)?,
        Audience::Internal => SharedNames::new(Vec::<String>::new(), Vec::new(), lang),
    };
    // What the audience may read of a text: all of it (internal), or as `share` has it.
    let shared = |names: &SharedNames, text: &str| -> Option<String> {
        match audience {
            Audience::Internal => Some(text.to_string()),
            Audience::Shared => names.share(text),
        }
    };
    let mut out = Vec::new();
    for round in rounds {
        let suppliers = store.round_suppliers(round.id)?;
        let answers = store.round_answers(round.id)?;
        let letters: Vec<(String, String)> = suppliers
            .iter()
            .map(|s| (s.name.clone(), s.letter()))
            .collect();
        let names = names.with_suppliers(&letters, lang);
        let mut questions = Vec::new();
        for q in store.round_questions(round.id)? {
            let Some(text) = shared(&names, &q.text) else {
                continue;
            };
            let answers = suppliers
                .iter()
                .filter_map(|s| {
                    let a = answers.iter().find(|a| {
                        a.question_id == q.id && a.organisation_id == s.organisation_id
                    })?;
                    let readable =
                        audience.may_read(a.confidentiality) && !a.body.trim().is_empty();
                    let body = shared(&names, a.body.trim()).filter(|_| readable)?;
                    Some(DialogueAnswer {
                        supplier: match audience {
                            Audience::Shared => export::Supplier::Letter(s.letter()),
                            Audience::Internal => export::Supplier::Named {
                                name: s.name.clone(),
                                letter: s.letter(),
                            },
                        },
                        body,
                    })
                })
                .collect();
            questions.push(DialogueQuestion {
                position: q.position,
                text,
                answers,
            });
        }
        // Empty: the renderer names the round by its kind.
        let title = shared(&names, &round.title).unwrap_or_default();
        let purpose = shared(&names, &round.purpose).unwrap_or_default();
        out.push(DialogueRound {
            kind: round.kind,
            title,
            purpose,
            suppliers: suppliers.len(),
            questions,
        });
    }
    // Everything given to any supplier (the information log), so that every supplier
    // can read it. The shared version carries only the titles (the details say how and
    // to whom it was given: "Svar på Vårdflödes fråga") and leaves out a title that
    // names a supplier or a person, as it does answers.
    let information = store
        .information_items(Some(project.id), false)?
        .into_iter()
        .filter_map(|item| {
            let text = if audience == Audience::Shared || item.details.trim().is_empty() {
                item.title
            } else {
                format!("{} – {}", item.title, item.details)
            };
            Some(InformationGiven {
                date: item.given_on.to_string(),
                text: shared(&names, &text)?,
            })
        })
        .collect();
    Ok(DialogueInput {
        information,
        clock: store.clock(),
        rounds: out,
        project,
    })
}

/// The project's next meeting after `this` for the internal version; for the shared
/// version the next one its readers may know of (`domain::shared_may_name`), with its
/// place left out when it carries a link (a meeting link is only for the invited).
fn next_meeting_for(
    store: &Store,
    this: &Meeting,
    readers: &[Attendance],
    audience: Audience,
) -> Result<Option<Meeting>, StoreError> {
    let mut later = store.project_meetings(this.project_id)?;
    if audience == Audience::Internal {
        return Ok(next_meeting(&later, this));
    }
    while let Some(candidate) = next_meeting(&later, this) {
        if shared_may_name(readers, &candidate, &store.attendance(candidate.id)?) {
            let mut named = candidate;
            if mentions_link(&named.location) {
                named.location.clear();
            }
            return Ok(Some(named));
        }
        later.retain(|m| m.id != candidate.id);
    }
    Ok(None)
}

/// `LULE-25-2026-12-03-behovsworkshop-2`: safe in every file system.
pub fn file_name(m: &Meeting, store: &Store) -> String {
    let date = store.clock().local(m.start).date();
    let slug: String = m
        .title
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("{}-{date}-{slug}", m.project_code)
}
