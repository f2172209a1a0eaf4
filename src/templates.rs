//! Agenda templates: ready-made timed agendas that fill a meeting's agenda in one go.
//!
//! Five are built in (embedded from `assets/agendas/`, in Swedish): kickoff, needs
//! workshop, supplier information meeting, one-to-one supplier dialogue and lessons
//! learned. Users add their own as TOML files in `<config dir>/agendas/` (see
//! [`user_dir`]); a user file with the same file stem as a built-in (`kickoff.toml`)
//! replaces it. Any agenda can be saved as a template with [`save`].
//!
//! # Format
//!
//! ```toml
//! name = "Behovsworkshop"          # shown in the picker (required)
//! meeting_type = "needs_workshop"  # optional: a MeetingType value; the picker suggests it for that type
//! description = "…"                # optional, one line
//!
//! [[items]]                        # one per agenda block, in order (at least one)
//! title = "Välkommen och syfte"    # required
//! duration = "15m"                 # required: anything `parse_duration` accepts: 15m, 1h30, 1,5h, 1:30
//! method = "Presentation"          # optional
//! expected_outcome = "Alla vet varför vi är här"  # optional
//! owner = ""                       # optional
//! ```
//!
//! A bare number of minutes (`duration = 15`) is accepted too. Unknown keys are refused,
//! so that a misspelt key is reported rather than silently dropped.
//!
//! # Loading never fails
//!
//! [`load_all`] returns every template that could be read plus one-line warnings
//! (`file.toml: reason`) for the files that could not: bad TOML, an unknown
//! `meeting_type`, no items, an item with an empty title or an invalid duration. Such a
//! file is left out whole (a template with a block silently missing would give wrong
//! times), and a built-in it would have replaced stays. Files whose name starts with a
//! dot are ignored.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::domain::{AgendaItemInput, FieldError, MeetingType, TextEnum, swedish_cmp};

/// The built-in templates, in the order a project meets them.
const BUILT_IN: [(&str, &str); 5] = [
    ("kickoff", include_str!("../assets/agendas/kickoff.toml")),
    (
        "needs_workshop",
        include_str!("../assets/agendas/needs_workshop.toml"),
    ),
    (
        "supplier_information_meeting",
        include_str!("../assets/agendas/supplier_information_meeting.toml"),
    ),
    (
        "one_to_one_dialogue",
        include_str!("../assets/agendas/one_to_one_dialogue.toml"),
    ),
    (
        "lessons_learned",
        include_str!("../assets/agendas/lessons_learned.toml"),
    ),
];

/// User template files larger than this are not read.
const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The comment at the top of a saved template.
const SAVED_HEADER: &str = "\
# tidig agenda template, saved from an agenda. Edit it freely.
#
#   name = \"…\"               shown in the template picker (required)
#   meeting_type = \"…\"       optional: a meeting type such as needs_workshop; the
#                            picker suggests the template for meetings of that type
#   description = \"…\"        optional, one line
#
#   [[items]]                one block per agenda item, in order
#   title = \"…\"              required
#   duration = \"15m\"         required: 15m, 45 min, 1h30, 1,5h, 2h or 1:30
#   method = \"…\"             optional: how the block is run
#   expected_outcome = \"…\"   optional: what the block should produce
#   owner = \"…\"              optional: who leads the block

";

/// Where a template came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateSource {
    BuiltIn,
    User(PathBuf),
}

/// A named, timed agenda ready to be applied to a meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaTemplate {
    /// The file stem: `needs_workshop` for `needs_workshop.toml`.
    pub key: String,
    pub name: String,
    pub meeting_type: Option<MeetingType>,
    pub description: String,
    pub items: Vec<AgendaItemInput>,
    pub source: TemplateSource,
}

// Every field compares exactly (text, whole minutes, enums, paths), so equality is total;
// `AgendaItemInput` only lacks the `Eq` derive.
impl Eq for AgendaTemplate {}

impl AgendaTemplate {
    pub fn total_minutes(&self) -> u32 {
        total_minutes(self)
    }

    pub fn is_built_in(&self) -> bool {
        self.source == TemplateSource::BuiltIn
    }
}

/// Why a template could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("a template needs a name")]
    EmptyName,
    #[error("the agenda has no items to save")]
    NoItems,
    #[error("item {index} “{title}”: {reason}")]
    InvalidItem {
        /// 1-based position in the agenda.
        index: usize,
        title: String,
        reason: String,
    },
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// The sum of the template's block durations, in minutes.
pub fn total_minutes(template: &AgendaTemplate) -> u32 {
    template.items.iter().map(|i| i.minutes).sum()
}

/// The built-in templates, parsed from the embedded files.
pub fn built_in() -> Vec<AgendaTemplate> {
    BUILT_IN
        .iter()
        .map(|(key, text)| {
            parse(key, text, TemplateSource::BuiltIn)
                .unwrap_or_else(|e| panic!("built-in agenda template {key}.toml: {e}"))
        })
        .collect()
}

/// The folder for the user's own templates: `agendas` inside the config directory.
pub fn user_dir(config_dir: &Path) -> PathBuf {
    config_dir.join("agendas")
}

/// [`user_dir`] next to the config file in effect (`TIDIG_CONFIG` or the platform
/// config directory), if there is one.
pub fn default_user_dir() -> Option<PathBuf> {
    let config = crate::config::config_path().ok()?;
    config.parent().map(user_dir)
}

/// The built-in templates, then the user's, plus one-line warnings for user files that
/// could not be read. A user template replaces the built-in with the same key in place;
/// the others follow, sorted by name. Never fails: a missing folder is no templates.
pub fn load_all(user_dir: Option<&Path>) -> (Vec<AgendaTemplate>, Vec<String>) {
    let mut templates = built_in();
    let mut warnings = Vec::new();
    let Some(dir) = user_dir else {
        return (templates, warnings);
    };
    let mut extra = Vec::new();
    for t in load_dir(dir, &mut warnings) {
        match templates
            .iter_mut()
            .find(|b| b.is_built_in() && b.key == t.key)
        {
            Some(slot) => *slot = t,
            None => extra.push(t),
        }
    }
    extra.sort_by(|a, b| swedish_cmp(&a.name, &b.name).then_with(|| a.key.cmp(&b.key)));
    templates.extend(extra);
    (templates, warnings)
}

/// The template to suggest for a meeting type: the user's own first (in list order),
/// else the built-in.
pub fn for_type(templates: &[AgendaTemplate], t: MeetingType) -> Option<&AgendaTemplate> {
    templates
        .iter()
        .filter(|tpl| tpl.meeting_type == Some(t))
        .min_by_key(|tpl| tpl.is_built_in())
}

/// Saves an agenda as a template in `user_dir` (created if missing) and returns the new
/// file. The file stem comes from the name (see [`file_stem`]); an existing file is
/// never replaced: `-2`, `-3`, … are added instead. Written to a temporary file first
/// and then moved into place, so a crash leaves either no file or a whole one.
pub fn save(
    user_dir: &Path,
    name: &str,
    meeting_type: Option<MeetingType>,
    items: &[AgendaItemInput],
) -> Result<PathBuf, TemplateError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(TemplateError::EmptyName);
    }
    if items.is_empty() {
        return Err(TemplateError::NoItems);
    }
    for (i, item) in items.iter().enumerate() {
        let reason = if item.title.trim().is_empty() {
            Some(format!("title: {}", FieldError::Required))
        } else if item.minutes == 0 || item.minutes > 24 * 60 {
            Some(format!("duration: {}", FieldError::DurationRange))
        } else {
            None
        };
        if let Some(reason) = reason {
            return Err(TemplateError::InvalidItem {
                index: i + 1,
                title: item.title.trim().to_string(),
                reason,
            });
        }
    }
    let text = to_toml(&name, meeting_type, "", items);
    let io_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TemplateError::Io { path, source }
    };
    crate::config::own_dir(user_dir).map_err(io_err(user_dir))?;
    let stem = file_stem(&name);
    let tmp = write_temp(user_dir, &stem, &text).map_err(io_err(user_dir))?;
    let result = persist_new(&tmp, user_dir, &stem);
    let _ = fs::remove_file(&tmp);
    let path = result.map_err(io_err(user_dir))?;
    sync_dir(user_dir);
    Ok(path)
}

/// A safe file stem for a template name: lower-case ASCII letters and digits, `å`/`ä`
/// → `a`, `ö` → `o`, spaces → `-`; `-` and `_` are kept and everything else is dropped.
/// Runs of `-` become one, and the stem is at most 64 characters. A name with nothing
/// left gives `mall`.
pub fn file_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars() {
        let c = match c {
            'å' | 'ä' | 'Å' | 'Ä' => 'a',
            'ö' | 'Ö' => 'o',
            c if c.is_ascii_alphanumeric() || c == '_' => c.to_ascii_lowercase(),
            c if c == '-' || c.is_whitespace() => '-',
            _ => continue,
        };
        if c == '-' && (stem.is_empty() || stem.ends_with('-')) {
            continue;
        }
        stem.push(c);
    }
    stem.truncate(64);
    while stem.ends_with('-') {
        stem.pop();
    }
    if stem.is_empty() {
        return "mall".into();
    }
    // Names Windows will not create a file for.
    let reserved = matches!(stem.as_str(), "con" | "prn" | "aux" | "nul")
        || ((stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if reserved {
        stem.push_str("-mall");
    }
    stem
}

/// Reads one template. `key` is its file stem; the error is a one-line reason.
pub fn parse(key: &str, text: &str, source: TemplateSource) -> Result<AgendaTemplate, String> {
    let raw: RawTemplate = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start].matches('\n').count() + 1)
            .unwrap_or(1);
        let message = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
        format!("line {line}: {message}")
    })?;
    let name = raw.name.as_deref().unwrap_or("").trim().to_string();
    if name.is_empty() {
        return Err(format!("name: {}", FieldError::Required));
    }
    let meeting_type = match raw.meeting_type.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(MeetingType::parse(s).ok_or_else(|| {
            let known: Vec<&str> = MeetingType::ALL.iter().map(|t| t.as_str()).collect();
            format!(
                "meeting_type: unknown “{s}”; use one of {}",
                known.join(", ")
            )
        })?),
    };
    if raw.items.is_empty() {
        return Err("no [[items]]: a template needs at least one agenda block".into());
    }
    let mut items = Vec::with_capacity(raw.items.len());
    let mut problems = Vec::new();
    for (i, item) in raw.items.iter().enumerate() {
        match item.validate() {
            Ok(item) => items.push(item),
            Err(reason) => {
                let title = item.title.trim();
                problems.push(if title.is_empty() {
                    format!("item {}: {reason}", i + 1)
                } else {
                    format!("item {} “{title}”: {reason}", i + 1)
                });
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems.join("; "));
    }
    Ok(AgendaTemplate {
        key: key.to_string(),
        name,
        meeting_type,
        description: raw.description.trim().to_string(),
        items,
        source,
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTemplate {
    name: Option<String>,
    meeting_type: Option<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    items: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    #[serde(default)]
    title: String,
    duration: Option<toml::Value>,
    #[serde(default)]
    method: String,
    #[serde(default)]
    expected_outcome: String,
    #[serde(default)]
    owner: String,
}

impl RawItem {
    fn validate(&self) -> Result<AgendaItemInput, String> {
        let duration = match &self.duration {
            None => String::new(),
            Some(toml::Value::String(s)) => s.clone(),
            Some(toml::Value::Integer(n)) => n.to_string(),
            Some(_) => return Err("duration: write it as text, e.g. \"45m\" or \"1h30\"".into()),
        };
        AgendaItemInput::validate(
            &self.title,
            &duration,
            &self.method,
            &self.owner,
            &self.expected_outcome,
        )
        .map_err(|e| e.to_string())
    }
}

fn load_dir(dir: &Path, warnings: &mut Vec<String>) -> Vec<AgendaTemplate> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            warnings.push(format!("{}: cannot read the folder: {e}", dir.display()));
            return Vec::new();
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let hidden = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            let toml = p
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("toml"));
            toml && !hidden && p.is_file()
        })
        .collect();
    paths.sort();
    let mut templates: Vec<AgendaTemplate> = Vec::new();
    for path in paths {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let key = path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = match read_small(&path) {
            Ok(text) => text,
            Err(reason) => {
                warnings.push(format!("{file}: {reason}"));
                continue;
            }
        };
        match parse(&key, &text, TemplateSource::User(path.clone())) {
            Ok(t) if templates.iter().any(|o| o.key == t.key) => {
                warnings.push(format!("{file}: ignored: another file has the same name"));
            }
            Ok(t) => templates.push(t),
            Err(reason) => warnings.push(format!("{file}: {reason}")),
        }
    }
    templates
}

fn read_small(path: &Path) -> Result<String, String> {
    let len = fs::metadata(path).map_err(|e| e.to_string())?.len();
    if len > MAX_FILE_BYTES {
        return Err(format!("too large ({len} bytes) for an agenda template"));
    }
    match fs::read_to_string(path) {
        Ok(text) => Ok(text),
        Err(e) if e.kind() == io::ErrorKind::InvalidData => Err("not UTF-8 text".into()),
        Err(e) => Err(format!("cannot read: {e}")),
    }
}

/// "45m", "2h", "1h30", "1h05": short, and read back by `parse_duration`.
fn duration_text(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m:02}"),
    }
}

fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn to_toml(
    name: &str,
    meeting_type: Option<MeetingType>,
    description: &str,
    items: &[AgendaItemInput],
) -> String {
    let mut s = String::from(SAVED_HEADER);
    s.push_str(&format!("name = {}\n", quote(name)));
    if let Some(t) = meeting_type {
        s.push_str(&format!("meeting_type = {}\n", quote(t.as_str())));
    }
    s.push_str(&format!("description = {}\n", quote(description)));
    for item in items {
        s.push_str("\n[[items]]\n");
        s.push_str(&format!("title = {}\n", quote(item.title.trim())));
        s.push_str(&format!(
            "duration = {}\n",
            quote(&duration_text(item.minutes))
        ));
        s.push_str(&format!("method = {}\n", quote(item.method.trim())));
        s.push_str(&format!(
            "expected_outcome = {}\n",
            quote(item.expected_outcome.trim())
        ));
        s.push_str(&format!("owner = {}\n", quote(item.owner.trim())));
    }
    s
}

/// Writes `text` to a new hidden temporary file in `dir`, flushed to disk.
fn write_temp(dir: &Path, stem: &str, text: &str) -> io::Result<PathBuf> {
    for n in 0u32.. {
        let tmp = dir.join(format!(".{stem}.{}.{n}.tmp", std::process::id()));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        // Private whatever the umask; the hard link keeps the mode.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = match options.open(&tmp) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 100 => continue,
            Err(e) => return Err(e),
        };
        let written = file
            .write_all(text.as_bytes())
            .and_then(|()| file.sync_all());
        if let Err(e) = written {
            drop(file);
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        return Ok(tmp);
    }
    unreachable!("the loop returns")
}

/// Moves the temporary file to `stem.toml`, `stem-2.toml`, … whichever is free first.
/// A hard link fails rather than replace an existing file; where links are not
/// supported, a rename to a name checked to be free is the fallback.
fn persist_new(tmp: &Path, dir: &Path, stem: &str) -> io::Result<PathBuf> {
    for n in 1..=1000u32 {
        let file = if n == 1 {
            format!("{stem}.toml")
        } else {
            format!("{stem}-{n}.toml")
        };
        let path = dir.join(file);
        match fs::hard_link(tmp, &path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(_) if path.symlink_metadata().is_ok() => continue,
            Err(_) => {
                fs::rename(tmp, &path)?;
                return Ok(path);
            }
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("too many templates named {stem}"),
    ))
}

/// Makes the new directory entry durable; best effort.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::when::parse_duration;

    #[test]
    fn every_built_in_parses_with_at_least_three_items() {
        let all = built_in();
        assert_eq!(all.len(), BUILT_IN.len());
        for t in &all {
            assert!(t.items.len() >= 3, "{} has {} items", t.key, t.items.len());
            assert!(t.meeting_type.is_some(), "{} has no meeting type", t.key);
            assert!(!t.description.is_empty(), "{} has no description", t.key);
            assert!(t.items.iter().all(|i| !i.title.is_empty() && i.minutes > 0));
        }
        let mut keys: Vec<&str> = all.iter().map(|t| t.key.as_str()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), all.len());
    }

    #[test]
    fn built_ins_cover_the_core_meeting_types() {
        let all = built_in();
        for t in [
            MeetingType::Kickoff,
            MeetingType::NeedsWorkshop,
            MeetingType::InformationMeeting,
            MeetingType::OneToOneDialogue,
            MeetingType::LessonsLearned,
        ] {
            assert!(for_type(&all, t).is_some(), "{t:?}");
        }
        assert!(for_type(&all, MeetingType::Webinar).is_none());
    }

    #[test]
    fn written_durations_read_back() {
        for m in 1..=24 * 60 {
            assert_eq!(parse_duration(&duration_text(m)), Ok(m), "{m}");
        }
        assert_eq!(duration_text(90), "1h30");
        assert_eq!(duration_text(45), "45m");
        assert_eq!(duration_text(120), "2h");
    }

    #[test]
    fn awkward_text_survives_the_writer() {
        let item = AgendaItemInput {
            title: "Citat \"så här\" och 'så här'".into(),
            minutes: 65,
            method: "Rad ett\nrad två \\ snedstreck\t# inte en kommentar".into(),
            owner: "Åsa Öberg".into(),
            expected_outcome: "\"\"\" tre citattecken '''".into(),
        };
        let text = to_toml(
            "Mall = \"x\"",
            Some(MeetingType::Other),
            "",
            std::slice::from_ref(&item),
        );
        let t = parse("x", &text, TemplateSource::BuiltIn).unwrap();
        assert_eq!(t.name, "Mall = \"x\"");
        assert_eq!(t.items, vec![item]);
    }

    #[test]
    fn reasons_name_the_item_and_field() {
        let text = "name = \"X\"\n[[items]]\ntitle = \"A\"\nduration = \"snart\"\n\
                    [[items]]\ntitle = \" \"\nduration = \"10m\"\n";
        let e = parse("x", text, TemplateSource::BuiltIn).unwrap_err();
        assert!(e.contains("item 1 “A”: duration"), "{e}");
        assert!(e.contains("item 2: title: required"), "{e}");
        let e = parse(
            "x",
            "name = \"X\"\nmeeting_type = \"fika\"\n[[items]]\ntitle = \"A\"\nduration = \"5m\"\n",
            TemplateSource::BuiltIn,
        )
        .unwrap_err();
        assert!(e.starts_with("meeting_type: unknown “fika”"), "{e}");
        let e = parse(
            "x",
            "name = \"X\"\n[[items]]\ntitle = \"A\"\nduraton = \"5m\"\n",
            TemplateSource::BuiltIn,
        )
        .unwrap_err();
        assert!(e.starts_with("line 4:") && !e.contains('\n'), "{e}");
        let t = parse(
            "x",
            "name = \"X\"\n[[items]]\ntitle = \"A\"\nduration = 25\n",
            TemplateSource::BuiltIn,
        )
        .unwrap();
        assert_eq!(t.items[0].minutes, 25);
    }

    #[test]
    fn a_users_template_is_suggested_before_the_built_in() {
        let mut all = built_in();
        let mut own = all[0].clone();
        own.key = "var_uppstart".into();
        own.source = TemplateSource::User("/x/var_uppstart.toml".into());
        all.push(own);
        assert_eq!(
            for_type(&all, MeetingType::Kickoff).unwrap().key,
            "var_uppstart"
        );
    }
}
