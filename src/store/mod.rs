//! The SQLite store: opening safely, pragmas, migrations, and one file per aggregate.

mod action_pages;
mod agenda_window;
mod attention;
mod backups;
mod bundle;
mod calendar;
mod directory;
mod directory_merge;
mod directory_pages;
mod drafts;
mod entity;
mod facets;
mod information;
mod keyset_list;
mod labels;
mod lesson_pages;
mod meetings;
mod migrate;
mod milestones;
mod names;
mod needs;
mod notes;
mod open;
mod paging;
mod project_pages;
mod projects;
mod readable;
mod retention;
mod rounds;
mod rounds_merge;
mod search;
mod suggestions;
mod summary_plans;
mod trash;
mod typed_columns;
mod versions;
mod where_set;

pub use trash::TRASH_PAGE;
pub use trash::table as entity_table;

use std::path::Path;

use rusqlite::Connection;

use crate::domain::{Clock, FieldError, StoreFault};

pub use action_pages::{ActionKey, ActionPage, PagedAction};
pub use attention::{ATTENTION_PAGE, TODAY_PAGE, TodayMeeting, TodayStrip};
pub use backups::{
    BackupReason, DEFAULT_KEEP, automatic_backups, backup_dir, inspect_backup, is_unopenable,
    replace_unopenable,
};
pub use bundle::ImportError;
pub use directory_merge::Merged;
pub use directory_pages::{PagedOrganisation, PagedPerson, PeopleWidths};
pub use drafts::Draft;
pub use entity::Location;
pub use facets::FacetScope;
pub use keyset_list::{KeysetList, Paged, RowKey};
pub use lesson_pages::PagedLesson;
pub use migrate::SCHEMA_VERSION;
pub use names::{ChangeStamp, NamedItem};
pub use paging::Page;
pub use project_pages::{PagedProject, ProjectKey, ProjectPage};
pub use readable::{Listed, UnreadableRow};
pub use retention::ExpiredNote;
pub use rounds::{MAX_ROUND_QUESTIONS, MAX_ROUND_SUPPLIERS, ROUNDS_PAGE};
pub use search::{COUNT_CAP, RANK_CAP};
pub use typed_columns::BadValue;
pub use versions::{NoteSaved, NoteTarget};
// The query types live in the domain (the screens show them); these names keep working
// for callers that reach them through the store.
pub use crate::domain::{
    ActionFilter, NeedCounts, NeedFilter, NeedSort, ProjectFilter, ProjectSort, TrashItem,
};

/// `PRAGMA application_id` of a tidig database ("tidg"), so that another program's
/// SQLite file is recognised and refused rather than migrated.
pub const APPLICATION_ID: i32 = 0x7469_6467;

/// What went wrong, classified: each kind says what happened and what to do, in the
/// catalog's words (`StoreFault::message`), once (no error here carries a source that
/// repeats its own message).
#[derive(Debug)]
pub enum StoreError {
    NotTidig(String),
    Corrupt {
        path: String,
        detail: String,
    },
    Newer {
        path: String,
        found: i64,
        supported: i64,
    },
    /// Locked by another program, read-only, disk full, an I/O error: not damage. `path`
    /// is the store's when known (when opening it).
    Unavailable {
        fault: StoreFault,
        path: Option<String>,
    },
    Io(std::io::Error),
    /// A database error that is none of the above (a CHECK the store did not word).
    Sqlite(rusqlite::Error),
    /// A rule only the store can check was broken (a code in use, a merge it refuses):
    /// the field and a code that `crate::text::field_error` words.
    Conflict(&'static str, FieldError),
    NotFound,
    /// The row is there but a stored value cannot be read (table, id, column): nothing
    /// was written; in its list, `d` moves it to the trash.
    Unreadable(UnreadableRow),
    /// The row changed elsewhere (another window, a command) since it was loaded:
    /// nothing was written.
    Changed,
}

impl std::error::Error for StoreError {}

impl StoreError {
    /// Names the store in a fault that did not know its path.
    fn at(self, label: &str) -> StoreError {
        match self {
            StoreError::Unavailable { fault, path: None } => StoreError::Unavailable {
                fault,
                path: Some(label.to_string()),
            },
            StoreError::Corrupt { path, detail } if path.is_empty() => StoreError::Corrupt {
                path: label.to_string(),
                detail,
            },
            StoreError::NotTidig(path) if path.is_empty() => {
                StoreError::NotTidig(label.to_string())
            }
            other => other,
        }
    }

    /// The fault, when the store itself (not the data) is the problem.
    pub fn fault(&self) -> Option<StoreFault> {
        match self {
            StoreError::Unavailable { fault, .. } => Some(fault.clone()),
            StoreError::Corrupt { .. } => Some(StoreFault::Damaged),
            StoreError::NotTidig(_) => Some(StoreFault::NotTidig),
            StoreError::Newer {
                found, supported, ..
            } => Some(StoreFault::Newer {
                found: *found,
                supported: *supported,
            }),
            _ => None,
        }
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            StoreError::NotTidig(path) => StoreFault::NotTidig.message(Some(path), ""),
            StoreError::Corrupt { path, detail } => StoreFault::Damaged.message(Some(path), detail),
            StoreError::Newer {
                path,
                found,
                supported,
            } => StoreFault::Newer {
                found: *found,
                supported: *supported,
            }
            .message(Some(path), ""),
            StoreError::Unavailable { fault, path } => fault.message(path.as_deref(), ""),
            StoreError::Io(e) => e.to_string(),
            StoreError::Sqlite(e) => crate::domain::store_other_message(&sqlite_detail(e)),
            StoreError::Conflict(_, code) => code.to_string(),
            StoreError::NotFound => crate::domain::not_found_message(),
            StoreError::Unreadable(row) => {
                crate::domain::unreadable_message(row.table, row.id, &row.column)
            }
            StoreError::Changed => crate::domain::changed_message(),
        };
        f.write_str(&text)
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        use std::io::ErrorKind;
        let fault = match e.kind() {
            ErrorKind::ReadOnlyFilesystem => StoreFault::ReadOnly,
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => StoreFault::Full,
            _ => return StoreError::Io(e),
        };
        StoreError::Unavailable { fault, path: None }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match fault_of(&e) {
            Some(StoreFault::Damaged) => StoreError::Corrupt {
                path: String::new(),
                detail: sqlite_detail(&e),
            },
            Some(StoreFault::NotTidig) => StoreError::NotTidig(String::new()),
            Some(fault) => StoreError::Unavailable { fault, path: None },
            None => StoreError::Sqlite(e),
        }
    }
}

/// The kind of an SQLite error that is about the file rather than the data.
pub(crate) fn fault_of(e: &rusqlite::Error) -> Option<StoreFault> {
    use rusqlite::ErrorCode;
    Some(match e.sqlite_error_code()? {
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => StoreFault::Locked,
        ErrorCode::ReadOnly => StoreFault::ReadOnly,
        ErrorCode::DiskFull => StoreFault::Full,
        ErrorCode::SystemIoFailure
        | ErrorCode::CannotOpen
        | ErrorCode::FileLockingProtocolFailed => StoreFault::Io,
        ErrorCode::DatabaseCorrupt => StoreFault::Damaged,
        ErrorCode::NotADatabase => StoreFault::NotTidig,
        _ => return None,
    })
}

/// SQLite's own words for an error, once: its message when it has one, else the
/// description of its code (rusqlite's `Display` plus its source would say both).
fn sqlite_detail(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        rusqlite::Error::SqliteFailure(code, None) => code.to_string(),
        other => other.to_string(),
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

pub struct Store {
    conn: Connection,
    clock: Clock,
    /// The file or its folder cannot be written: opened read-only (see `open`).
    read_only: bool,
    /// Rows that lists left out because they cannot be read (see `readable.rs`).
    set_aside: readable::SetAside,
}

impl Store {
    /// Opens (or creates) the store at `path`. Refuses, without writing a byte, a file
    /// that is not a tidig database, is damaged, or has a newer schema.
    pub fn open(path: &Path, clock: Clock) -> Result<Store> {
        Self::open_keeping(path, clock, DEFAULT_KEEP)
    }

    /// `open`, keeping `keep` automatic backups (0: none) when a migration takes one.
    pub fn open_keeping(path: &Path, clock: Clock, keep: usize) -> Result<Store> {
        let label = path.display().to_string();
        let opened = open::open_file(path).map_err(|e| e.at(&label))?;
        Self::init(
            opened.conn,
            clock,
            &label,
            opened.read_only,
            Some((path, keep)),
        )
        .map_err(|e| e.at(&label))
    }

    pub fn open_in_memory(clock: Clock) -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        Self::init(conn, clock, ":memory:", false, None)
    }

    /// `backups`: the store's path and how many automatic backups to keep, for the
    /// backup taken before a migration.
    fn init(
        conn: Connection,
        clock: Clock,
        label: &str,
        read_only: bool,
        backups: Option<(&Path, usize)>,
    ) -> Result<Store> {
        // First, so that even the checks below wait for another connection's lock.
        conn.busy_timeout(open::BUSY_TIMEOUT)?;
        open::register_functions(&conn)?;
        open::verify(&conn, label)?;
        open::apply_pragmas(&conn, read_only)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if read_only {
            if version < SCHEMA_VERSION {
                return Err(StoreError::Unavailable {
                    fault: StoreFault::ReadOnlyOld,
                    path: Some(label.to_string()),
                });
            }
        } else {
            if let Some((db, keep)) = backups
                && version > 0
                && version < SCHEMA_VERSION
            {
                backups::take(
                    &conn,
                    db,
                    clock,
                    BackupReason::BeforeMigration(version),
                    keep,
                )?;
            }
            migrate::migrate(&conn)?;
        }
        Ok(Store {
            conn,
            clock,
            read_only,
            set_aside: Default::default(),
        })
    }

    /// The store's file or folder cannot be written: it was opened read-only, and every
    /// write fails (the app refuses edits before they start).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Fails with the read-only fault when the store cannot be written: for a command
    /// that is about to write, so that it says so before doing anything.
    pub fn ensure_writable(&self) -> Result<()> {
        if self.read_only {
            Err(StoreError::Unavailable {
                fault: StoreFault::ReadOnly,
                path: self.conn.path().map(str::to_string),
            })
        } else {
            Ok(())
        }
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// How long a read or write waits for another connection's lock before it fails
    /// (default `open::BUSY_TIMEOUT`).
    pub fn set_busy_timeout(&self, wait: std::time::Duration) -> Result<()> {
        self.conn.busy_timeout(wait)?;
        Ok(())
    }

    /// How long a read or write waits for another connection's lock now.
    pub fn busy_timeout(&self) -> Result<std::time::Duration> {
        let ms: i64 = self
            .conn
            .query_row("PRAGMA busy_timeout", [], |r| r.get(0))?;
        Ok(std::time::Duration::from_millis(ms.max(0) as u64))
    }

    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    fn now(&self) -> String {
        self.clock.timestamp()
    }

    /// Calls `each` with every statement this connection finishes from now on: its SQL
    /// with the values bound, and how long it ran. `None` stops. The benches use it to
    /// print how SQLite runs what a key sets off (`EXPLAIN QUERY PLAN`).
    pub fn trace_statements(
        &mut self,
        each: Option<impl FnMut(String, std::time::Duration) + Send + 'static>,
    ) -> Result<()> {
        use rusqlite::trace::{TraceEvent, TraceEventCodes};
        let traced = each.map(|mut each| {
            move |event: TraceEvent<'_>| {
                if let TraceEvent::Profile(statement, took) = event {
                    let sql = statement
                        .expanded_sql()
                        .unwrap_or_else(|| statement.sql().into_owned());
                    each(sql, took);
                }
            }
        });
        self.conn
            .trace_v2(TraceEventCodes::SQLITE_TRACE_PROFILE, traced)?;
        Ok(())
    }

    /// Direct access for integrity checks, backup and tests.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Runs SQLite's integrity and foreign-key checks; returns the problems found. A
    /// table's broken CHECK constraint is left out when `bad_values` names the row and
    /// column itself (see `check_all`).
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let row = row?;
            if row != "ok" {
                problems.push(row);
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let fk = stmt.query_map([], |r| {
            Ok(format!(
                "foreign key: {} row {} references missing {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                r.get::<_, String>(2)?
            ))
        })?;
        for row in fk {
            problems.push(row?);
        }
        problems.extend(self.search_index_problems()?);
        Ok(problems)
    }

    /// Stored values in typed columns (dates, instants, enums, JSON, UUIDs, flags) of
    /// every table that their reader cannot parse, from the one list in
    /// `typed_columns.rs`. Data, not sentences: `text::check_bad_value` words them.
    pub fn bad_values(&self) -> Result<Vec<BadValue>> {
        Ok(typed_columns::bad_values(&self.conn)?)
    }

    /// Everything `tidig check` reports: SQLite's findings (without a table's broken
    /// CHECK constraint when a bad value already names its row) and the bad values.
    pub fn check_all(&self) -> Result<(Vec<String>, Vec<BadValue>)> {
        let bad = self.bad_values()?;
        let problems = self
            .check()?
            .into_iter()
            .filter(|p| {
                !(open::is_constraint_finding(p)
                    && bad.iter().any(|b| {
                        p.strip_prefix("CHECK constraint failed in ") == Some(b.table.as_str())
                    }))
            })
            .collect();
        Ok((problems, bad))
    }

    /// Writes a consistent copy of the store to `dest` with SQLite's online backup,
    /// readable only by the user. An existing file at `dest` is not overwritten.
    pub fn backup(&self, dest: &Path) -> Result<()> {
        backups::copy_to(&self.conn, dest)
    }
}

/// A write transaction of one store method. The outermost takes the write lock up
/// front (`BEGIN IMMEDIATE`), so it waits on the busy timeout like any statement; a
/// deferred one that read first would fail at once with "database is locked" when
/// another connection wrote in between. Inside an open transaction (`atomically`) it
/// is a savepoint. Rolled back when dropped without `commit`.
pub(crate) enum WriteTx<'a> {
    Outermost(rusqlite::Transaction<'a>),
    Nested(rusqlite::Savepoint<'a>),
}

pub(crate) fn write_tx(conn: &mut Connection) -> rusqlite::Result<WriteTx<'_>> {
    if conn.is_autocommit() {
        conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map(WriteTx::Outermost)
    } else {
        conn.savepoint().map(WriteTx::Nested)
    }
}

impl WriteTx<'_> {
    pub(crate) fn commit(self) -> rusqlite::Result<()> {
        match self {
            WriteTx::Outermost(tx) => tx.commit(),
            WriteTx::Nested(sp) => sp.commit(),
        }
    }
}

impl std::ops::Deref for WriteTx<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        match self {
            WriteTx::Outermost(tx) => tx,
            WriteTx::Nested(sp) => sp,
        }
    }
}

/// An UPDATE or DELETE of one row by id: zero rows changed means there was no such row.
fn changed(n: usize) -> Result<()> {
    if n == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

/// Maps a "no row" error to `NotFound`.
fn found<T>(r: rusqlite::Result<T>) -> Result<T> {
    match r {
        Err(rusqlite::Error::QueryReturnedNoRows) => Err(StoreError::NotFound),
        other => Ok(other?),
    }
}

fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

impl Store {
    /// Runs `f` so that either all of its writes land or none do. Store methods use
    /// savepoints, so they nest inside.
    ///
    /// The outermost call takes the write lock up front (`BEGIN IMMEDIATE`), so that it
    /// waits on the busy timeout like any other statement: a deferred transaction that
    /// reads first and then writes would fail at once ("database is locked") when
    /// another connection wrote in between.
    pub fn atomically<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let outermost = self.conn.is_autocommit();
        let (begin, commit, rollback) = if outermost {
            ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK")
        } else {
            (
                "SAVEPOINT atomically",
                "RELEASE atomically",
                "ROLLBACK TO atomically; RELEASE atomically",
            )
        };
        self.conn.execute_batch(begin)?;
        match f(self) {
            Ok(v) => match self.conn.execute_batch(commit) {
                Ok(()) => Ok(v),
                Err(e) => {
                    let _ = self.conn.execute_batch(rollback);
                    Err(e.into())
                }
            },
            Err(e) => {
                let _ = self.conn.execute_batch(rollback);
                Err(e)
            }
        }
    }
}
