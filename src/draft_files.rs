//! Private files that keep typed text the store could not take (a lock held by another
//! program, a full disk, a read-only store) until it can. A failed save writes one; the
//! next start gives it back; a successful save removes it.
//!
//! One file per open text, named by what it belongs to: `note-<uuid>.md` holds a note's
//! body as typed (after a first line naming the version of the note it was typed over,
//! see `VERSION_LINE`), `form-<key>.json` a form's draft (its payload names the
//! version). Folders are 0700 and files 0600 whatever the umask; every file is written
//! whole or not at all (a temporary file in the same folder, then a rename).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Where the drafts go: the first folder that can be written, else the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftFiles {
    dirs: Vec<PathBuf>,
}

/// What a draft file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// The body of the note with this UUID, typed over the note at `version`
    /// (`None`: unknown, a file from before versions were kept).
    Note {
        uuid: String,
        body: String,
        version: Option<i64>,
    },
    /// The draft of the form with this draft key (see `FormKind::draft_key`).
    Form { key: String, payload: String },
}

/// A draft file found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    pub kept: Kept,
}

/// A kept note found on disk: where, its text, and the version it was typed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptNote {
    pub path: PathBuf,
    pub body: String,
    pub version: Option<i64>,
}

/// The first line of a note's draft file: the version of the note the text was typed
/// over, so that giving it back can tell whether the note changed since. An HTML
/// comment, so the file still reads as the Markdown it holds.
const VERSION_LINE: (&str, &str) = ("<!-- tidig note version ", " -->\n");

#[derive(Serialize, Deserialize)]
struct FormFile {
    key: String,
    payload: String,
}

impl DraftFiles {
    /// Drafts in the given folders, first choice first. No folders: drafts cannot be
    /// kept (headless tests).
    pub fn new(dirs: Vec<PathBuf>) -> DraftFiles {
        DraftFiles { dirs }
    }

    /// `<store>-drafts` beside the store file (like SQLite's own `-wal`), then
    /// `fallback` (the data folder) for a store whose folder cannot be written.
    pub fn for_store(store: &Path, fallback: Option<PathBuf>) -> DraftFiles {
        let mut name = store.file_name().unwrap_or_default().to_os_string();
        name.push("-drafts");
        let beside = store.with_file_name(name);
        DraftFiles::new(std::iter::once(beside).chain(fallback).collect())
    }

    /// Keeps a note's body, typed over the note at `version`; returns the file written.
    pub fn keep_note(&self, uuid: &str, version: i64, body: &str) -> io::Result<PathBuf> {
        let (open, close) = VERSION_LINE;
        self.write(&note_file(uuid), &format!("{open}{version}{close}{body}"))
    }

    /// Keeps a form's draft; returns the file written.
    pub fn keep_form(&self, key: &str, payload: &str) -> io::Result<PathBuf> {
        let json = serde_json::to_string(&FormFile {
            key: key.to_string(),
            payload: payload.to_string(),
        })
        .map_err(io::Error::other)?;
        self.write(&form_file(key), &json)
    }

    /// The kept text of a note, if a draft file has one.
    pub fn note(&self, uuid: &str) -> Option<KeptNote> {
        let name = note_file(uuid);
        self.dirs.iter().find_map(|dir| {
            let path = dir.join(&name);
            let (body, version) = read_note(&path)?;
            Some(KeptNote {
                path,
                body,
                version,
            })
        })
    }

    /// Removes a note's draft files: its text is in the store now.
    pub fn forget_note(&self, uuid: &str) {
        self.remove_everywhere(&note_file(uuid));
    }

    /// Removes a form's draft files.
    pub fn forget_form(&self, key: &str) {
        self.remove_everywhere(&form_file(key));
    }

    /// Every draft file in the folders, oldest folder choice first. Files that cannot
    /// be read or understood are left alone.
    pub fn found(&self) -> Vec<Found> {
        let mut out = Vec::new();
        for dir in &self.dirs {
            let Ok(entries) = fs::read_dir(dir) else {
                continue;
            };
            let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for path in paths {
                if let Some(kept) = read_kept(&path) {
                    out.push(Found { path, kept });
                }
            }
        }
        out
    }

    fn remove_everywhere(&self, name: &str) {
        for dir in &self.dirs {
            let _ = fs::remove_file(dir.join(name));
        }
    }

    /// Writes `name` in the first folder that takes it.
    fn write(&self, name: &str, contents: &str) -> io::Result<PathBuf> {
        let mut last = io::Error::other("no folder for drafts");
        for dir in &self.dirs {
            match write_private(dir, name, contents) {
                Ok(path) => {
                    // A stale copy in a later folder must not be given back instead.
                    for other in self.dirs.iter().filter(|d| *d != dir) {
                        let _ = fs::remove_file(other.join(name));
                    }
                    return Ok(path);
                }
                Err(e) => last = e,
            }
        }
        Err(last)
    }
}

fn note_file(uuid: &str) -> String {
    format!("note-{}.md", safe(uuid))
}

fn form_file(key: &str) -> String {
    format!("form-{}.json", safe(key))
}

/// A key or UUID as part of a file name: letters, digits, `-` and `_`; the rest `_`.
fn safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn read_kept(path: &Path) -> Option<Kept> {
    let name = path.file_name()?.to_str()?;
    if let Some(uuid) = name
        .strip_prefix("note-")
        .and_then(|n| n.strip_suffix(".md"))
    {
        let (body, version) = read_note(path)?;
        return Some(Kept::Note {
            uuid: uuid.to_string(),
            body,
            version,
        });
    }
    if name.starts_with("form-") && name.ends_with(".json") {
        let file: FormFile = serde_json::from_str(&fs::read_to_string(path).ok()?).ok()?;
        return Some(Kept::Form {
            key: file.key,
            payload: file.payload,
        });
    }
    None
}

/// A note's draft file: its text and the version it was typed over, if the file names
/// one (files written before versions were kept do not).
fn read_note(path: &Path) -> Option<(String, Option<i64>)> {
    let contents = fs::read_to_string(path).ok()?;
    let (open, close) = VERSION_LINE;
    let versioned = contents.strip_prefix(open).and_then(|rest| {
        let (number, body) = rest.split_once(close)?;
        Some((body.to_string(), Some(number.parse().ok()?)))
    });
    Some(versioned.unwrap_or((contents, None)))
}

fn write_private(dir: &Path, name: &str, contents: &str) -> io::Result<PathBuf> {
    create_private_dir(dir)?;
    // `tempfile` creates its file 0600 whatever the umask.
    let mut tmp = tempfile::Builder::new()
        .prefix(".draft-")
        .tempfile_in(dir)?;
    tmp.write_all(contents.as_bytes())?;
    tmp.as_file().sync_all()?;
    let path = dir.join(name);
    tmp.persist(&path).map_err(|e| e.error)?;
    Ok(path)
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    if !dir.is_dir() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
    }
    // Tightened every time: the umask may have widened it, or someone else did.
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_and_forms_round_trip_privately() {
        let tmp = tempfile::tempdir().unwrap();
        let files = DraftFiles::for_store(&tmp.path().join("t.db"), None);
        let note = files.keep_note("0b6c-uuid", 4, "åäö\nrad två").unwrap();
        assert_eq!(note, tmp.path().join("t.db-drafts/note-0b6c-uuid.md"));
        let form = files
            .keep_form("meeting:3:new", r#"{"title":"Möte"}"#)
            .unwrap();
        assert_eq!(form.file_name().unwrap(), "form-meeting_3_new.json");
        assert_eq!(
            files.note("0b6c-uuid"),
            Some(KeptNote {
                path: note.clone(),
                body: "åäö\nrad två".to_string(),
                version: Some(4)
            })
        );
        let found: Vec<Kept> = files.found().into_iter().map(|f| f.kept).collect();
        assert_eq!(
            found,
            vec![
                Kept::Form {
                    key: "meeting:3:new".into(),
                    payload: r#"{"title":"Möte"}"#.into()
                },
                Kept::Note {
                    uuid: "0b6c-uuid".into(),
                    body: "åäö\nrad två".into(),
                    version: Some(4)
                },
            ]
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&note), 0o600);
            assert_eq!(mode(&form), 0o600);
            assert_eq!(mode(note.parent().unwrap()), 0o700);
        }
        files.forget_note("0b6c-uuid");
        files.forget_form("meeting:3:new");
        assert!(files.found().is_empty());
        assert_eq!(files.note("0b6c-uuid"), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_that_cannot_be_written_falls_back_to_the_next() {
        let tmp = tempfile::tempdir().unwrap();
        // A file where the first folder should be: it cannot be created.
        let blocked = tmp.path().join("blocked");
        fs::write(&blocked, "").unwrap();
        let fallback = tmp.path().join("data/drafts");
        let files = DraftFiles::new(vec![blocked.join("sub"), fallback.clone()]);
        let path = files.keep_note("u1", 1, "text").unwrap();
        assert_eq!(path, fallback.join("note-u1.md"));
        assert_eq!(files.note("u1").map(|k| k.body).as_deref(), Some("text"));
    }

    #[test]
    fn no_folder_is_an_error_not_a_loss_in_silence() {
        assert!(DraftFiles::default().keep_note("u", 1, "x").is_err());
    }

    #[test]
    fn a_note_file_without_a_version_line_is_an_unknown_version() {
        let tmp = tempfile::tempdir().unwrap();
        let files = DraftFiles::new(vec![tmp.path().to_path_buf()]);
        // As written before versions were kept: the body alone.
        fs::write(tmp.path().join("note-old.md"), "<!-- mine -->\ntext").unwrap();
        let kept = files.note("old").unwrap();
        assert_eq!(
            (kept.body.as_str(), kept.version),
            ("<!-- mine -->\ntext", None)
        );
        // The file still reads as Markdown, the version line a comment at its top.
        let path = files.keep_note("new", 12, "# Rubrik").unwrap();
        assert_eq!(
            fs::read_to_string(path).unwrap(),
            "<!-- tidig note version 12 -->\n# Rubrik"
        );
    }
}
