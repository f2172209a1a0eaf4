//! Lists read row by row: one row whose stored text a reader cannot parse (a date in
//! year 11609, an unknown status) is set aside with its id instead of failing the
//! whole list, so the user still sees the rest and can move that row to the trash.
//!
//! Every list of the store reads through `read_rows`. Lists that give their callers
//! only the readable rows (`Vec<T>`) note the rows they set aside on the store
//! (`Store::readable`), where the CLI takes them for its warnings and the app for a
//! status-line notice (`Store::take_set_aside`); lists that show such rows themselves
//! return `Listed<T>`. A single row that cannot be read is `StoreError::Unreadable`.

use std::cell::RefCell;

use rusqlite::{Row, Statement};

use super::{Result, Store, StoreError};

/// A row that is there but could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableRow {
    pub table: &'static str,
    pub id: i64,
    /// The column the reader could not parse (as the query names it), if known.
    pub column: String,
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

impl<T> Listed<T> {
    /// The ids of the rows that could not be read, for a screen's list.
    pub fn unreadable_ids(&self) -> Vec<i64> {
        self.unreadable.iter().map(|r| r.id).collect()
    }
}

/// Rows set aside by lists that returned only their readable rows, until taken.
#[derive(Debug, Default)]
pub(super) struct SetAside(RefCell<Vec<UnreadableRow>>);

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

/// The row `row` (whose id is column 0) of `table`, set aside for error `e`.
fn unreadable(
    table: &'static str,
    row: &Row<'_>,
    id_column: usize,
    e: &rusqlite::Error,
) -> rusqlite::Result<UnreadableRow> {
    let index = match e {
        rusqlite::Error::FromSqlConversionFailure(i, ..)
        | rusqlite::Error::InvalidColumnType(i, ..)
        | rusqlite::Error::IntegralValueOutOfRange(i, ..) => Some(*i),
        _ => None,
    };
    let column = index
        .and_then(|i| row.as_ref().column_name(i).ok())
        .unwrap_or_default()
        .to_string();
    Ok(UnreadableRow {
        table,
        id: row.get(id_column)?,
        column,
        detail: e.to_string(),
    })
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
        match read_row(row, table, &read)? {
            Ok(item) => listed.rows.push(item),
            Err(bad) => listed.unreadable.push(bad),
        }
    }
    Ok(listed)
}

/// One row of a list read with `read` (its id in column 0): the item, or the row set
/// aside when its stored text cannot be read; any other error fails.
pub(super) fn read_row<T>(
    row: &Row<'_>,
    table: &'static str,
    read: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<std::result::Result<T, UnreadableRow>> {
    read_row_at(row, table, 0, read)
}

/// As [`read_row`], for a row of `table` whose columns start at `id_column` of a
/// joined statement's row (`read` reads them there).
pub(super) fn read_row_at<T>(
    row: &Row<'_>,
    table: &'static str,
    id_column: usize,
    read: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<std::result::Result<T, UnreadableRow>> {
    match read(row) {
        Ok(item) => Ok(Ok(item)),
        Err(e) if is_unreadable_value(&e) => Ok(Err(unreadable(table, row, id_column, &e)?)),
        Err(e) => Err(e.into()),
    }
}

/// One row of `table` (id in column 0): `NotFound` when there is none,
/// `Unreadable` when its stored text cannot be read.
pub(super) fn read_one<T, P: rusqlite::Params>(
    stmt: &mut Statement<'_>,
    params: P,
    table: &'static str,
    read: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<T> {
    let mut listed = read_rows(stmt, params, table, read)?;
    match (listed.rows.pop(), listed.unreadable.pop()) {
        (Some(row), _) => Ok(row),
        (None, Some(bad)) => Err(StoreError::Unreadable(bad)),
        (None, None) => Err(StoreError::NotFound),
    }
}

/// `read_one`, with no row as `None`.
pub(super) fn read_optional<T, P: rusqlite::Params>(
    stmt: &mut Statement<'_>,
    params: P,
    table: &'static str,
    read: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Option<T>> {
    match read_one(stmt, params, table, read) {
        Err(StoreError::NotFound) => Ok(None),
        other => other.map(Some),
    }
}

impl Store {
    /// Notes one row that could not be read, for `take_set_aside`.
    pub(super) fn set_aside(&self, row: UnreadableRow) {
        self.set_aside.0.borrow_mut().push(row);
    }

    /// The readable rows of `listed`; the others are noted for `take_set_aside`.
    pub(super) fn readable<T>(&self, listed: Listed<T>) -> Vec<T> {
        if !listed.unreadable.is_empty() {
            self.set_aside.0.borrow_mut().extend(listed.unreadable);
        }
        listed.rows
    }

    /// The rows lists have set aside since the last call, each once, in the order met:
    /// for one warning per row (CLI) or a notice (app).
    pub fn take_set_aside(&self) -> Vec<UnreadableRow> {
        let mut taken: Vec<UnreadableRow> = Vec::new();
        for row in self.set_aside.0.take() {
            if !taken.iter().any(|t| t.table == row.table && t.id == row.id) {
                taken.push(row);
            }
        }
        taken
    }
}
