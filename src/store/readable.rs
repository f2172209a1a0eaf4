//! Lists read row by row: one row whose stored text a reader cannot parse (a date in
//! year 11609, an unknown status) is set aside with its id instead of failing the
//! whole list, so the user still sees the rest and can move that row to the trash.

use rusqlite::{Row, Statement};

use super::Result;

/// A row that is there but could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableRow {
    pub table: &'static str,
    pub id: i64,
    /// What the reader said (which column, which value), for warnings and `tidig check`.
    pub detail: String,
}

/// The rows of a list that could be read, in order, and those that could not.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed<T> {
    pub rows: Vec<T>,
    pub unreadable: Vec<UnreadableRow>,
}

impl<T> Default for Listed<T> {
    fn default() -> Self {
        Listed {
            rows: Vec::new(),
            unreadable: Vec::new(),
        }
    }
}

/// Whether `e` says a stored value does not fit its type (the row is bad), as opposed
/// to the database failing (locked, damaged, disk): only the first is set aside.
fn is_unreadable_value(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..)
    )
}

/// Runs `stmt` and reads each row with `read`; the row id must be column 0. Rows that
/// `read` cannot convert go to `unreadable`; any other error fails the list.
pub(super) fn read_rows<T, P: rusqlite::Params>(
    stmt: &mut Statement<'_>,
    params: P,
    table: &'static str,
    read: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Listed<T>> {
    let mut listed = Listed::default();
    let mut rows = stmt.query(params)?;
    while let Some(row) = rows.next()? {
        match read(row) {
            Ok(item) => listed.rows.push(item),
            Err(e) if is_unreadable_value(&e) => listed.unreadable.push(UnreadableRow {
                table,
                id: row.get(0)?,
                detail: e.to_string(),
            }),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(listed)
}
