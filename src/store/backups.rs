//! Automatic backups and restoring one. Backups live in `backups/` beside the store,
//! are private (0600) SQLite copies made with the online backup API (consistent even
//! while the app is open), and are named `tidig-YYYYMMDD-HHMMSS[-why].db` so that the
//! name sorts by time. Automatic ones (`-daily`, `-before-migration-vN`,
//! `-before-restore`) are rotated to the last N; the user's own (`tidig backup`) never.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::{Result, Store, StoreError, open};
use crate::domain::{Clock, StoreFault};

/// How many automatic backups are kept when the config file does not say.
pub const DEFAULT_KEEP: usize = 7;

/// Why an automatic backup was taken: the end of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupReason {
    /// The first start of a day.
    Daily,
    /// Before migrating from this schema version.
    BeforeMigration(i64),
    /// Before `tidig restore` replaced the store.
    BeforeRestore,
}

impl BackupReason {
    fn suffix(self) -> String {
        match self {
            BackupReason::Daily => "-daily".into(),
            BackupReason::BeforeMigration(v) => format!("-before-migration-v{v}"),
            BackupReason::BeforeRestore => "-before-restore".into(),
        }
    }
}

const AUTOMATIC: [&str; 3] = ["-daily.db", "-before-migration-v", "-before-restore.db"];

/// `backups/` beside the store at `db`.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// A new, unused backup file name in `dir` for `now` and `suffix`.
pub fn backup_file(dir: &Path, clock: Clock, suffix: &str) -> PathBuf {
    let stamp = clock.local(clock.now()).format("%Y%m%d-%H%M%S");
    let mut path = dir.join(format!("tidig-{stamp}{suffix}.db"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("tidig-{stamp}{suffix}-{n}.db"));
        n += 1;
    }
    path
}

fn is_automatic(name: &str) -> bool {
    name.starts_with("tidig-")
        && name.ends_with(".db")
        && AUTOMATIC.iter().any(|a| name.contains(a))
}

/// The automatic backups in `dir`, oldest first.
pub fn automatic_backups(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| is_automatic(&e.file_name().to_string_lossy()))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// Removes the oldest automatic backups beyond `keep`.
fn rotate(dir: &Path, keep: usize) -> Result<()> {
    let all = automatic_backups(dir);
    let excess = all.len().saturating_sub(keep);
    for old in &all[..excess] {
        fs::remove_file(old)?;
    }
    Ok(())
}

/// Creates `backups/` (tidig's own folder: 0700, tightened if it exists).
fn own_dir(dir: &Path) -> Result<()> {
    fs::DirBuilder::new().recursive(true).create(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Copies the database of `conn` to a new private file at `dest` (SQLite's online
/// backup: consistent, the write-ahead log included) in rollback-journal mode, so that
/// it is one file. Nothing is left on failure.
pub(super) fn copy_to(conn: &Connection, dest: &Path) -> Result<()> {
    open::create_private_file(dest)?;
    let result = Connection::open(dest).and_then(|mut target| {
        rusqlite::backup::Backup::new(conn, &mut target)?.run_to_completion(
            256,
            std::time::Duration::ZERO,
            None,
        )?;
        // One self-contained file: no write-ahead log appears beside a backup that is
        // opened to look at it.
        target.execute_batch("PRAGMA journal_mode = DELETE")
    });
    if let Err(e) = result {
        let _ = fs::remove_file(dest);
        return Err(e.into());
    }
    Ok(())
}

/// Takes an automatic backup of `conn` (the store at `db`) and rotates to `keep`.
/// `keep == 0` turns automatic backups off.
pub(super) fn take(
    conn: &Connection,
    db: &Path,
    clock: Clock,
    reason: BackupReason,
    keep: usize,
) -> Result<Option<PathBuf>> {
    if keep == 0 {
        return Ok(None);
    }
    let dir = backup_dir(db);
    own_dir(&dir)?;
    let dest = backup_file(&dir, clock, &reason.suffix());
    copy_to(conn, &dest)?;
    rotate(&dir, keep)?;
    Ok(Some(dest))
}

impl Store {
    /// On the first start of a day (no backup of any kind from today in `backups/`),
    /// takes an automatic backup; returns it. Nothing for a read-only or empty store.
    pub fn daily_backup(&self, db: &Path, keep: usize) -> Result<Option<PathBuf>> {
        if self.is_read_only() || keep == 0 {
            return Ok(None);
        }
        let today = format!("tidig-{}-", self.clock.today().format("%Y%m%d"));
        let dir = backup_dir(db);
        let taken_today = fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .any(|e| e.file_name().to_string_lossy().starts_with(&today))
            })
            .unwrap_or(false);
        if taken_today {
            return Ok(None);
        }
        take(&self.conn, db, self.clock, BackupReason::Daily, keep)
    }

    /// Replaces everything in the store with the backup at `from`, in one step through
    /// SQLite (its locks and write-ahead log), after checking `from` and keeping the
    /// current store as an automatic backup. An older backup is then migrated. Returns
    /// the backup of what was replaced.
    pub fn restore_from(&mut self, db: &Path, from: &Path, keep: usize) -> Result<PathBuf> {
        self.ensure_writable()?;
        let source = inspect_backup(from)?;
        let kept = take(
            &self.conn,
            db,
            self.clock,
            BackupReason::BeforeRestore,
            keep.max(1),
        )?
        .expect("keep is at least 1");
        {
            let backup = rusqlite::backup::Backup::new(&source, &mut self.conn)?;
            // All pages in one step: the store changes at once or not at all.
            backup.step(-1)?;
        }
        super::migrate::migrate(&self.conn)?;
        Ok(kept)
    }
}

/// Opens `path` read-only (creating nothing beside it) and checks that it is a whole
/// tidig store this version can read: ours, not newer, not empty, not damaged (the
/// quick check reads every page, whatever the size).
pub fn inspect_backup(path: &Path) -> Result<Connection> {
    let label = path.display().to_string();
    let conn = open::open_for_inspection(path)?;
    open::verify(&conn, &label)?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    if tables == 0 {
        return Err(StoreError::NotTidig(label));
    }
    let first: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
    if first != "ok" {
        return Err(StoreError::Corrupt {
            path: label,
            detail: first,
        });
    }
    Ok(conn)
}

/// Puts `from` in place of a store that cannot be opened (damaged): the old file and
/// its `-wal`/`-shm` are moved into `backups/` as they are, and a private copy of
/// `from`, written beside the store and synced, is renamed over it. Returns where the
/// old file went.
pub fn replace_unopenable(db: &Path, from: &Path, clock: Clock) -> Result<Option<PathBuf>> {
    drop(inspect_backup(from)?);
    let dir = backup_dir(db);
    own_dir(&dir)?;
    let folder = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = folder.join(format!(".tidig-restore-{}.tmp", std::process::id()));
    let _ = fs::remove_file(&tmp);
    open::create_private_file(&tmp)?;
    let copied = fs::copy(from, &tmp).and_then(|_| fs::File::open(&tmp)?.sync_all());
    if let Err(e) = copied {
        let _ = fs::remove_file(&tmp);
        return Err(e.into());
    }
    let kept = if db.exists() {
        let dest = backup_file(&dir, clock, &BackupReason::BeforeRestore.suffix());
        fs::rename(db, &dest)?;
        for suffix in ["-wal", "-shm"] {
            let side = open::sidecar(db, suffix);
            if side.exists() {
                fs::rename(&side, open::sidecar(&dest, suffix))?;
            }
        }
        Some(dest)
    } else {
        None
    };
    fs::rename(&tmp, db)?;
    if let Ok(d) = fs::File::open(folder) {
        let _ = d.sync_all();
    }
    Ok(kept)
}

/// Whether an error opening the store means it cannot be read at all (so a restore
/// replaces the file rather than copying into it).
pub fn is_unopenable(e: &StoreError) -> bool {
    e.fault() == Some(StoreFault::Damaged)
}
