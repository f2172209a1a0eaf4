//! Opening a database file safely: private permissions for new files, and a
//! read-only look at an existing file before anything is written to it.

use std::fs;
use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags, functions::FunctionFlags};

use super::{APPLICATION_ID, Result, StoreError, migrate::SCHEMA_VERSION};
use crate::domain::StoreFault;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// An opened store file, and whether it can be written.
pub(super) struct Opened {
    pub conn: Connection,
    pub read_only: bool,
}

/// Opens the store, creating a private file when there is none. A store whose file or
/// folder cannot be written (permissions, read-only media) opens read-only, without a
/// byte written beside it: SQLite's WAL mode otherwise creates `-wal` and `-shm` files
/// even to read, and leaves them behind. See `open_read_only`.
pub(super) fn open_file(path: &Path) -> Result<Opened> {
    let label = path.display().to_string();
    let exists = path.exists();
    if exists {
        let read_only = !writable(path);
        check_header(path, &label, read_only)?;
        if read_only {
            let conn = open_read_only(path).map_err(|e| corrupt(&label, e))?;
            return Ok(Opened {
                conn,
                read_only: true,
            });
        }
    } else {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir)?;
        }
        create_private_file(path)?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| corrupt(&label, e))?;
    Ok(Opened {
        conn,
        read_only: false,
    })
}

/// SQLite's documentation (wal.html, "Read-Only Databases"): a WAL database on
/// read-only media or without write permission opens only if its `-shm` and `-wal`
/// files exist or can be created, or if it is opened `immutable`. So: when a WAL
/// with content is there (changes not yet copied into the file), read through it with
/// `mode=ro` (the files exist; nothing new is created); otherwise open `immutable=1`,
/// which reads the file alone and creates nothing. `immutable` assumes no one else
/// changes the file meanwhile, which holds for a file nobody may write.
fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    let wal_has_content = fs::metadata(sidecar(path, "-wal"))
        .map(|m| m.len() > 0)
        .unwrap_or(false);
    let query = if wal_has_content {
        "mode=ro"
    } else {
        "mode=ro&immutable=1"
    };
    let uri = format!("file:{}?{query}", uri_path(path));
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(uri, flags)
}

/// Opens a file that is not the store (a backup to restore) read-only, creating nothing
/// beside it, after the header check.
pub(super) fn open_for_inspection(path: &Path) -> Result<Connection> {
    let label = path.display().to_string();
    if !path.is_file() {
        return Err(StoreError::Io(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("{label}: no such file"),
        )));
    }
    check_header(path, &label, true).map_err(|e| match e {
        StoreError::Unavailable { .. } => StoreError::NotTidig(label.clone()),
        other => other,
    })?;
    let conn = open_read_only(path).map_err(|e| corrupt(&label, e))?;
    register_functions(&conn)?;
    Ok(conn)
}

/// `path` for a `file:` URI: `%`, `?` and `#` (and anything not printable ASCII) are
/// percent-encoded, so that no file name is read as URI syntax.
fn uri_path(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::new();
    for &b in absolute.as_os_str().as_encoded_bytes() {
        match b {
            b'%' | b'?' | b'#' => out.push_str(&format!("%{b:02X}")),
            0x21..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `path` with `suffix` appended (`tidig.db-wal`).
pub(super) fn sidecar(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    s.into()
}

/// Whether tidig may write the store: the file and its folder (where SQLite keeps the
/// write-ahead log) are writable. A file or folder without any write permission bit
/// counts as read-only even for a user the system would let write (root): the owner
/// made it read-only on purpose.
fn writable(path: &Path) -> bool {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    may_write(path) && may_write(dir)
}

#[cfg(unix)]
fn may_write(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = fs::metadata(path) else {
        return false;
    };
    if meta.permissions().mode() & 0o222 == 0 {
        return false;
    }
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c_path` is a valid NUL-terminated string that outlives the call.
    unsafe { libc::access(c_path.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn may_write(path: &Path) -> bool {
    fs::metadata(path)
        .map(|m| !m.permissions().readonly())
        .unwrap_or(false)
}

/// A non-empty file must start with SQLite's magic string, or it is not ours.
fn check_header(path: &Path, label: &str, read_only: bool) -> Result<()> {
    let mut header = [0u8; 16];
    let mut file = fs::File::open(path)?;
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..])? {
            0 => break,
            n => read += n,
        }
    }
    if read == 0 && read_only {
        // A new store is created in it, which a read-only file cannot hold.
        return Err(StoreError::Unavailable {
            fault: StoreFault::ReadOnly,
            path: Some(label.to_string()),
        });
    }
    if read == 0 {
        // An empty file is a new database; make it private like one we create.
        set_private(path)?;
        return Ok(());
    }
    if read < header.len() || &header != SQLITE_MAGIC {
        return Err(StoreError::NotTidig(label.to_string()));
    }
    Ok(())
}

/// Reads (never writes) the identity of an opened database and refuses what isn't ours.
pub(super) fn verify(conn: &Connection, label: &str) -> Result<()> {
    let read = |sql: &str| -> Result<i64> {
        conn.query_row(sql, [], |r| r.get(0))
            .map_err(|e| corrupt(label, e))
    };
    let app_id = read("PRAGMA application_id")?;
    let version = read("PRAGMA user_version")?;
    let tables = read("SELECT count(*) FROM sqlite_schema")?;
    let is_new = app_id == 0 && version == 0 && tables == 0;
    if !is_new && app_id != i64::from(APPLICATION_ID) {
        return Err(StoreError::NotTidig(label.to_string()));
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::Newer {
            path: label.to_string(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    // Damage anywhere is found before anything is written; the check reads every page,
    // so it runs only while that stays quick (see QUICK_CHECK_MAX_PAGES).
    let pages = read("PRAGMA page_count")?;
    if !is_new && pages <= QUICK_CHECK_MAX_PAGES {
        quick_check(conn, label)?;
    }
    Ok(())
}

/// Stores up to this many pages (32 MiB at SQLite's 4 KiB pages, years of a facilitator's
/// work) are fully checked when opened: about 35 ms at the limit on this class of
/// machine. Larger ones open without it, so start-up stays bounded; `tidig check` runs
/// the full integrity check at any size, and SQLite still refuses to read a damaged page.
const QUICK_CHECK_MAX_PAGES: i64 = 8192;

/// SQLite's quick check reads every page once (without the slower index cross-checks),
/// so damage anywhere is found before anything is written. It is linear in the file
/// size; see the README for its cost. A row that breaks a CHECK or NOT NULL constraint
/// (written by another program, or past the constraint) is not damage: the store opens,
/// its lists set that row aside, and `tidig check` names it.
fn quick_check(conn: &Connection, label: &str) -> Result<()> {
    let mut stmt = conn
        .prepare(&format!("PRAGMA quick_check({QUICK_CHECK_FINDINGS})"))
        .map_err(|e| corrupt(label, e))?;
    let findings = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(|e| corrupt(label, e))?;
    match findings
        .iter()
        .find(|f| *f != "ok" && !is_constraint_finding(f))
    {
        None => Ok(()),
        Some(first) => Err(StoreError::Corrupt {
            path: label.to_string(),
            detail: first.lines().next().unwrap_or_default().to_string(),
        }),
    }
}

/// How many findings the quick check at opening reads before it stops: enough to see
/// past rows that merely break a constraint to real damage behind them.
const QUICK_CHECK_FINDINGS: u32 = 100;

/// Whether an integrity-check finding is a row breaking a constraint (data a reader
/// sets aside), not a damaged page or index.
pub(super) fn is_constraint_finding(finding: &str) -> bool {
    finding.starts_with("CHECK constraint failed in ") || finding.starts_with("NULL value in ")
}

/// WAL with `synchronous = FULL`: every commit is fsynced to the write-ahead log before
/// it returns, so a killed process or a power cut loses no committed change (NORMAL
/// would be safe against a crash but could lose the last commits on power loss).
/// WAL also lets `tidig backup` and `tidig check` run while the app is open.
///
/// Every statement, read or write, waits up to `BUSY_TIMEOUT` for another connection's
/// lock (writes that start a transaction take the lock up front: see
/// `Store::atomically`).
pub(super) fn apply_pragmas(conn: &Connection, read_only: bool) -> Result<()> {
    if read_only {
        // The journal mode is written into the file; a read-only store keeps its own.
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        return Ok(());
    }
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;",
    )?;
    Ok(())
}

/// Generous: a CLI command (an import, a backup) holds the write lock for moments, and
/// waiting for it is always better than a "database is locked" message. Only a lock
/// held far longer (another program) makes a save fail; typed text then goes to a
/// draft file (see `draft_files`).
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// `COLLATE sv` sorts names in Swedish order (å ä ö after z).
/// `fold(text)`: Unicode lower-case for case-insensitive matching of å, ä, ö
/// (SQLite's own `lower` and `LIKE` only fold ASCII).
/// `name_key(text)`: see `domain::name_key`.
pub(super) fn register_functions(conn: &Connection) -> Result<()> {
    conn.create_scalar_function(
        "fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let s: Option<String> = ctx.get(0)?;
            Ok(s.map(|s| s.to_lowercase()))
        },
    )?;
    // `name_key(text)`: how the directory compares names (case, diacritics and extra
    // spaces ignored: "Lulea kommun" = "Luleå Kommun").
    conn.create_scalar_function(
        "name_key",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let s: Option<String> = ctx.get(0)?;
            Ok(s.map(|s| crate::domain::name_key(&s)))
        },
    )?;
    conn.create_collation("sv", crate::domain::swedish_cmp)?;
    Ok(())
}

/// An error while opening and checking: damage is named as damage, and a lock, a
/// read-only file or a full disk as what they are, with the store's path.
fn corrupt(label: &str, e: rusqlite::Error) -> StoreError {
    match super::fault_of(&e) {
        Some(StoreFault::NotTidig) => StoreError::NotTidig(label.to_string()),
        Some(StoreFault::Damaged) | None => StoreError::Corrupt {
            path: label.to_string(),
            detail: super::sqlite_detail(&e),
        },
        Some(fault) => StoreError::Unavailable {
            fault,
            path: Some(label.to_string()),
        },
    }
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    if dir.exists() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    // `recursive` applies the mode to every new level except through the umask; set it
    // explicitly on the store's own folder.
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    Ok(())
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir)?;
    Ok(())
}

#[cfg(unix)]
fn set_private(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o600))?;
    Ok(())
}

#[cfg(not(unix))]
fn set_private(_path: &Path) -> Result<()> {
    Ok(())
}

/// Creates `path` readable and writable only by the user; fails if it exists.
pub(super) fn create_private_file(path: &Path) -> Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?;
    Ok(())
}
