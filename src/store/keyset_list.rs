//! A list of the store read a page at a time (`paging`): its filter, its order and the
//! row it reads, and the four reads a window on it needs (`app::window`): the count,
//! a page before or after a row, a row's place, and the key of a row by its id. The
//! lessons library and the directory's two tabs are such lists
//! (`lesson_pages`, `directory_pages`).
//!
//! The key of a row is computed by SQLite from the order's expressions (never parsed),
//! so that a row whose stored text cannot be read keeps its place in the order and
//! comes back without its row. An order of names sorts `COLLATE sv`, and its keyset
//! comparison says `COLLATE sv` too, so that "after this row" is the order's "after".

use rusqlite::types::Value;
use rusqlite::{Row, params_from_iter};

use super::paging::{OrderColumn, Page, Side, keyset_sql, order_sql};
use super::readable::read_row;
use super::{Result, Store};

/// A row's place in a list's order, as SQLite computes it: the order's values, the
/// last of which is the row's id (so that every row has one place).
#[derive(Debug, Clone, PartialEq)]
pub struct RowKey {
    values: Vec<Value>,
    pub id: i64,
}

/// One row of a page: its place in the order, and the row unless it cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Paged<T> {
    pub key: RowKey,
    pub row: Option<T>,
}

impl<T> Paged<T> {
    pub fn id(&self) -> i64 {
        self.key.id
    }
}

/// What a list is: where its rows come from, which rows it shows, in what order, and
/// how one row is read.
pub(super) struct ListSpec<T> {
    /// The table the rows are of (named when a row cannot be read).
    pub table: &'static str,
    /// The row's columns, its id first; the key's columns follow them.
    pub columns: &'static str,
    pub width: usize,
    /// `FROM` of the list: the table and its joins.
    pub from: &'static str,
    /// The row's id column (`l.id`), the order's last column.
    pub id: &'static str,
    /// The filter (`WHERE`) with its values bound at `?1`, `?2`, ….
    pub filter: String,
    pub values: Vec<Value>,
    /// The order before the id, each column never NULL.
    pub order: Vec<OrderColumn>,
    pub read: fn(&Row<'_>) -> rusqlite::Result<T>,
}

/// A list of the store with its filter: the reads of a window on it.
pub struct KeysetList<'a, T> {
    store: &'a Store,
    spec: ListSpec<T>,
}

impl<T> ListSpec<T> {
    fn order(&self) -> Vec<OrderColumn> {
        let mut order = self.order.clone();
        order.push(OrderColumn::asc(self.id));
        order
    }

    fn key_select(&self) -> String {
        self.order()
            .iter()
            .map(|c| c.sql.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The filter and "on `side` of `key`", and the values they bind.
    fn filter_from(&self, side: Option<(Side, &RowKey)>) -> (String, Vec<Value>) {
        let mut sql = format!("({})", self.filter);
        let mut values = self.values.clone();
        if let Some((side, key)) = side {
            sql.push_str(" AND ");
            sql.push_str(&keyset_sql(&self.order(), side, values.len() + 1));
            values.extend(key.values.iter().cloned());
        }
        (sql, values)
    }

    /// The statement of one page and the values it binds.
    fn page_sql(&self, page: Page<'_, RowKey>, limit: usize) -> (String, Vec<Value>) {
        let side = match page {
            Page::First | Page::Last => None,
            Page::After(key) => Some((Side::After, key)),
            Page::From(key) => Some((Side::From, key)),
            Page::Before(key) => Some((Side::Before, key)),
        };
        let (sql_where, mut values) = self.filter_from(side);
        values.push(Value::Integer(limit.try_into().unwrap_or(i64::MAX)));
        // The page's ids first, sorting only the key of each matching row, then the
        // page's rows by id (CROSS JOIN: the ids drive the join). Sorting whole rows
        // would copy every matching row's texts into the sorter to keep `limit` of
        // them.
        let order = order_sql(&self.order(), page.backwards());
        let sql = format!(
            "SELECT {columns}, {keys}
             FROM (SELECT {id} AS paged_id FROM {from} WHERE {sql_where}
                   ORDER BY {order} LIMIT ?{limit}) AS paged
             CROSS JOIN {from}
             WHERE {id} = paged.paged_id
             ORDER BY {order}",
            columns = self.columns,
            keys = self.key_select(),
            id = self.id,
            from = self.from,
            limit = values.len()
        );
        (sql, values)
    }
}

fn key_from(r: &Row<'_>, at: usize, columns: usize) -> rusqlite::Result<RowKey> {
    let values = (at..at + columns)
        .map(|i| r.get::<_, Value>(i))
        .collect::<rusqlite::Result<_>>()?;
    Ok(RowKey {
        values,
        id: r.get(at + columns - 1)?,
    })
}

impl<'a, T> KeysetList<'a, T> {
    pub(super) fn new(store: &'a Store, spec: ListSpec<T>) -> Self {
        KeysetList { store, spec }
    }

    /// How many rows match.
    pub fn count(&self) -> Result<usize> {
        self.count_where(None)
    }

    /// How many matching rows come before this one in the order: its row number.
    pub fn before(&self, key: &RowKey) -> Result<usize> {
        self.count_where(Some((Side::Before, key)))
    }

    fn count_where(&self, side: Option<(Side, &RowKey)>) -> Result<usize> {
        let (sql_where, values) = self.spec.filter_from(side);
        let mut stmt = self.store.conn.prepare_cached(&format!(
            "SELECT count(*) FROM {} WHERE {sql_where}",
            self.spec.from
        ))?;
        let n: i64 = stmt.query_row(params_from_iter(values.iter()), |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// At most `limit` matching rows in order, starting or ending where `page` says.
    /// Rows that cannot be read come back without their row.
    pub fn page(&self, page: Page<'_, RowKey>, limit: usize) -> Result<Vec<Paged<T>>> {
        let (sql, values) = self.spec.page_sql(page, limit);
        let key_columns = self.spec.order.len() + 1;
        let mut stmt = self.store.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(values.iter()))?;
        let mut paged = Vec::new();
        while let Some(r) = rows.next()? {
            let key = key_from(r, self.spec.width, key_columns)?;
            let row = read_row(r, self.spec.table, self.spec.read)?.ok();
            paged.push(Paged { key, row });
        }
        if page.backwards() {
            paged.reverse();
        }
        Ok(paged)
    }

    /// Where a row (matching or not, readable or not) sits in the order, if it exists.
    pub fn key(&self, id: i64) -> Result<Option<RowKey>> {
        let mut stmt = self.store.conn.prepare_cached(&format!(
            "SELECT {} FROM {} WHERE {} = ?1",
            self.spec.key_select(),
            self.spec.from,
            self.spec.id
        ))?;
        let mut rows = stmt.query([id])?;
        Ok(match rows.next()? {
            Some(r) => Some(key_from(r, 0, self.spec.order.len() + 1)?),
            None => None,
        })
    }

    /// The query plan of the page after a row (`EXPLAIN QUERY PLAN`, one line a step),
    /// for the tests that look at what a page reads.
    pub fn page_plan(&self) -> Result<Vec<String>> {
        let key = RowKey {
            values: vec![Value::Text(String::new()); self.spec.order.len() + 1],
            id: 0,
        };
        let (sql, values) = self.spec.page_sql(Page::After(&key), 100);
        self.store.query_plan(&sql, &values)
    }
}
