//! Why the store could not do what was asked, as a code: the store classifies SQLite's
//! and the system's errors, and `crate::text::store_fault` says what happened and what
//! to do. A lock, a read-only folder and a full disk are not damage, and must not read
//! like it (a user told "damaged" may restore a healthy store over newer work).

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreFault {
    /// Another program held the lock for longer than the busy timeout.
    Locked,
    /// The file, its folder or the medium cannot be written.
    ReadOnly,
    /// A read-only store written by an older tidig: it cannot be upgraded in place.
    ReadOnlyOld,
    /// The disk (or the user's quota) is full.
    Full,
    /// The operating system could not read or write the file.
    Io,
    /// SQLite found damage in the file.
    Damaged,
    /// Not a tidig database (another program's file, or not SQLite at all).
    NotTidig,
    /// Written by a newer tidig.
    Newer { found: i64, supported: i64 },
}

impl StoreFault {
    /// The message, from the catalog: `path` names the store when it is known, and
    /// `detail` is SQLite's own word when it adds something.
    pub fn message(&self, path: Option<&str>, detail: &str) -> String {
        crate::text::store_fault(self, path, detail)
    }
}

/// Any other database error, with SQLite's own words.
pub fn store_other_message(detail: &str) -> String {
    crate::text::store_other(detail)
}

/// A row changed elsewhere since it was loaded; nothing was written.
pub fn changed_message() -> String {
    crate::text::conflict_title().to_lowercase()
}

/// A row asked for by id is there, but a stored value (`column`) cannot be read.
pub fn unreadable_message(table: &str, id: i64, column: &str) -> String {
    crate::text::err_unreadable_row(table, id, column)
}

/// A row asked for by id is not there.
pub fn not_found_message() -> String {
    crate::text::msg_not_found().to_string()
}
