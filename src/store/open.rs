//! Opening a database file safely: private permissions for new files, and a
//! read-only look at an existing file before anything is written to it.

use std::fs;
use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags, functions::FunctionFlags};

use super::{APPLICATION_ID, Result, StoreError, migrate::SCHEMA_VERSION};
use crate::domain::StoreFault;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

pub(super) fn open_file(path: &Path) -> Result<Connection> {
    let label = path.display().to_string();
    let exists = path.exists();
    if exists {
        check_header(path, &label)?;
    } else {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir)?;
        }
        create_private_file(path)?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(path, flags).map_err(|e| corrupt(&label, e))
}

/// A non-empty file must start with SQLite's magic string, or it is not ours.
fn check_header(path: &Path, label: &str) -> Result<()> {
    let mut header = [0u8; 16];
    let mut file = fs::File::open(path)?;
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..])? {
            0 => break,
            n => read += n,
        }
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
/// size; see the README for its cost.
fn quick_check(conn: &Connection, label: &str) -> Result<()> {
    let first: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| corrupt(label, e))?;
    if first == "ok" {
        Ok(())
    } else {
        Err(StoreError::Corrupt {
            path: label.to_string(),
            detail: first.lines().next().unwrap_or_default().to_string(),
        })
    }
}

/// WAL with `synchronous = FULL`: every commit is fsynced to the write-ahead log before
/// it returns, so a killed process or a power cut loses no committed change (NORMAL
/// would be safe against a crash but could lose the last commits on power loss).
/// WAL also lets `tidig backup` and `tidig check` run while the app is open.
///
/// Every statement, read or write, waits up to `BUSY_TIMEOUT` for another connection's
/// lock (writes that start a transaction take the lock up front: see
/// `Store::atomically`).
pub(super) fn apply_pragmas(conn: &Connection) -> Result<()> {
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
