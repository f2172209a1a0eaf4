//! The portfolio a page at a time: the count of matching projects, a page of rows in
//! the chosen order before or after a row already shown (keyset paging), and a row's
//! place in that order, so that the portfolio never reads every project.
//!
//! Every sort pages by keyset (its key's columns, then the code). Sorting by code seeks
//! the code's unique index and by last change `projects_updated`; phase, status and the
//! last review are columns without an index of their own (SQLite sorts the filtered
//! projects), and the dashboard's figures (next meeting, overdue actions, open needs)
//! are computed for every matching project on each page, as LIMIT/OFFSET would have:
//! at 1,000 projects that is a few milliseconds, and only where the user sorts by them.
//!
//! A row whose stored text cannot be read keeps its place in the order (its key is
//! computed by SQLite, not parsed) and comes back without its project.

use rusqlite::types::Value;
use rusqlite::{Row, params_from_iter};

use super::paging::{OrderColumn, Page, Side, keyset_sql, order_sql};
use super::projects::{enum_col, ordinal_case};
use super::readable::read_row;
use super::{Result, Store};
use crate::domain::{ProjectFilter, ProjectRow, ProjectSort, ProjectStatus, TextEnum};

/// A project's place in the portfolio's order, as SQLite computes it: the sort's
/// values (never NULL), then the code.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectKey {
    values: Vec<Value>,
    pub id: i64,
}

/// One row of a page: its place in the order, and the project unless it cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct PagedProject {
    pub key: ProjectKey,
    pub row: Option<ProjectRow>,
}

impl PagedProject {
    pub fn id(&self) -> i64 {
        self.key.id
    }
}

/// Where a portfolio page starts or ends.
pub type ProjectPage<'a> = Page<'a, ProjectKey>;

/// The row's columns, then the key's from `KEY_AT`.
pub(super) const ROW_COLUMNS: &str =
    "p.id, p.uuid, p.code, p.title, o.name, p.phase, p.status, p.updated_at";
const KEY_AT: usize = 8;

/// The portfolio's filter: ?1 status, ?2 folded text, ?3 phase, ?4 buyer's name.
pub(super) const FILTER_WHERE: &str = "p.deleted_at IS NULL
   AND (?1 IS NULL OR p.status = ?1)
   AND (?3 IS NULL OR p.phase = ?3)
   AND (?4 IS NULL OR o.name = ?4)
   AND (?2 = '' OR instr(fold(p.code || ' ' || p.title || ' ' || ifnull(o.name, '')
        || ' ' || p.case_number || ' ' || p.subject || ' '
        || (SELECT ifnull(group_concat(value, ' '), '') FROM json_each(CASE WHEN json_valid(p.tags) THEN p.tags ELSE '[]' END))), ?2) > 0)";
const FILTER_VALUES: usize = 4;

pub(super) fn filter_values(filter: &ProjectFilter) -> Vec<Value> {
    let text = |s: Option<&str>| s.map_or(Value::Null, |s| Value::Text(s.to_owned()));
    vec![
        text(filter.status.map(|s| s.as_str())),
        Value::Text(filter.text.trim().to_lowercase()),
        text(filter.phase.map(|p| p.as_str())),
        text(filter.buyer.as_deref()),
    ]
}

/// The portfolio's order. Phase and status sort in their domain order, not
/// alphabetically. The dashboard's figures sort the way a review reads them: the
/// soonest meeting, the most overdue, the most open needs, the oldest review first
/// (`S` turns each round); a project without a next meeting comes last either way.
/// Only a figure being sorted by is computed. Ties go by code, which is unique, so that
/// every row has one place. Each column is kept from NULL (in the place NULL sorts), as
/// a keyset comparison with NULL is never true.
pub(super) fn order_columns(filter: &ProjectFilter, today: &str, now: &str) -> Vec<OrderColumn> {
    use super::attention::{Figure, figure_sql};
    let d = filter.descending;
    let code = OrderColumn::asc("p.code");
    let then_code = |first: Vec<OrderColumn>| first.into_iter().chain([code.clone()]).collect();
    match filter.sort {
        ProjectSort::Code => vec![OrderColumn::with("p.code", d)],
        // A value the CHECK does not know (an unreadable row) sorts first, as NULL did.
        ProjectSort::Phase => then_code(vec![OrderColumn::with(
            format!(
                "ifnull({}, -1)",
                ordinal_case::<crate::domain::Phase>("p.phase")
            ),
            d,
        )]),
        ProjectSort::Status => then_code(vec![OrderColumn::with(
            format!("ifnull({}, -1)", ordinal_case::<ProjectStatus>("p.status")),
            d,
        )]),
        ProjectSort::Updated => then_code(vec![OrderColumn::with("p.updated_at", d)]),
        ProjectSort::NextMeeting => {
            let next = figure_sql(Figure::NextMeeting, today, now);
            then_code(vec![
                OrderColumn::asc(format!("{next} IS NULL")),
                OrderColumn::with(format!("ifnull({next}, '')"), d),
            ])
        }
        ProjectSort::Overdue => then_code(vec![OrderColumn::with(
            figure_sql(Figure::Overdue, today, now),
            !d,
        )]),
        ProjectSort::OpenNeeds => then_code(vec![OrderColumn::with(
            figure_sql(Figure::OpenNeeds, today, now),
            !d,
        )]),
        // Never reviewed sorts first ('' before any time), as NULL did.
        ProjectSort::Reviewed => {
            then_code(vec![OrderColumn::with("ifnull(p.last_reviewed_at, '')", d)])
        }
    }
}

pub(super) const FROM: &str = "projects p LEFT JOIN organisations o ON o.id = p.buyer_id";

pub(super) fn row_from(r: &Row<'_>) -> rusqlite::Result<ProjectRow> {
    Ok(ProjectRow {
        id: r.get(0)?,
        uuid: r.get(1)?,
        code: r.get(2)?,
        title: r.get(3)?,
        buyer_name: r.get(4)?,
        phase: enum_col(r, 5)?,
        status: enum_col(r, 6)?,
        updated_at: r.get(7)?,
    })
}

fn key_from(r: &Row<'_>, at: usize, columns: usize) -> rusqlite::Result<ProjectKey> {
    let values = (at..at + columns)
        .map(|i| r.get::<_, Value>(i))
        .collect::<rusqlite::Result<_>>()?;
    Ok(ProjectKey {
        values,
        id: r.get(0)?,
    })
}

fn key_select(columns: &[OrderColumn]) -> String {
    columns
        .iter()
        .map(|c| c.sql.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    fn project_order(&self, filter: &ProjectFilter) -> Vec<OrderColumn> {
        order_columns(filter, &self.clock.today().to_string(), &self.now())
    }

    /// The statement of one page and the values it binds.
    fn projects_page_sql(
        &self,
        filter: &ProjectFilter,
        page: ProjectPage<'_>,
        limit: usize,
    ) -> (String, Vec<Value>) {
        let columns = self.project_order(filter);
        let mut values = filter_values(filter);
        let mut sql_where = FILTER_WHERE.to_owned();
        let side = match page {
            Page::First | Page::Last => None,
            Page::After(key) => Some((Side::After, key)),
            Page::From(key) => Some((Side::From, key)),
            Page::Before(key) => Some((Side::Before, key)),
        };
        if let Some((side, key)) = side {
            sql_where.push_str(" AND ");
            sql_where.push_str(&keyset_sql(&columns, side, values.len() + 1));
            values.extend(key.values.iter().cloned());
        }
        values.push(Value::Integer(limit.try_into().unwrap_or(i64::MAX)));
        let sql = format!(
            "SELECT {ROW_COLUMNS}, {} FROM {FROM} WHERE {sql_where} ORDER BY {} LIMIT ?{}",
            key_select(&columns),
            order_sql(&columns, page.backwards()),
            values.len()
        );
        (sql, values)
    }

    /// At most `limit` projects matching the filter, in the portfolio's order, starting
    /// or ending where `page` says. Rows that cannot be read come back without a row.
    pub fn projects_page(
        &self,
        filter: &ProjectFilter,
        page: ProjectPage<'_>,
        limit: usize,
    ) -> Result<Vec<PagedProject>> {
        let (sql, values) = self.projects_page_sql(filter, page, limit);
        let key_columns = self.project_order(filter).len();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(values.iter()))?;
        let mut page_rows = Vec::new();
        while let Some(r) = rows.next()? {
            let key = key_from(r, KEY_AT, key_columns)?;
            let row = read_row(r, "projects", row_from)?.ok();
            page_rows.push(PagedProject { key, row });
        }
        if page.backwards() {
            page_rows.reverse();
        }
        Ok(page_rows)
    }

    /// How many projects match the filter.
    pub fn count_projects(&self, filter: &ProjectFilter) -> Result<usize> {
        self.count_projects_where(FILTER_WHERE, &filter_values(filter))
    }

    /// How many matching projects come before this row in the portfolio's order: its
    /// row number, for going straight to it.
    pub fn projects_before(&self, filter: &ProjectFilter, key: &ProjectKey) -> Result<usize> {
        let columns = self.project_order(filter);
        let mut values = filter_values(filter);
        let sql_where = format!(
            "{FILTER_WHERE} AND {}",
            keyset_sql(&columns, Side::Before, FILTER_VALUES + 1)
        );
        values.extend(key.values.iter().cloned());
        self.count_projects_where(&sql_where, &values)
    }

    fn count_projects_where(&self, sql_where: &str, values: &[Value]) -> Result<usize> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM {FROM} WHERE {sql_where}"))?;
        let n: i64 = stmt.query_row(params_from_iter(values.iter()), |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Where a project (live or not, readable or not) sits in the order the filter
    /// sorts by, if it exists.
    pub fn project_key(&self, filter: &ProjectFilter, id: i64) -> Result<Option<ProjectKey>> {
        let columns = self.project_order(filter);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT p.id, {} FROM projects p WHERE p.id = ?1",
            key_select(&columns)
        ))?;
        let mut rows = stmt.query([id])?;
        Ok(match rows.next()? {
            Some(r) => Some(key_from(r, 1, columns.len())?),
            None => None,
        })
    }

    /// The query plan of the page after a row (`EXPLAIN QUERY PLAN`, one line a step),
    /// for the benches and the tests that keep it on its index.
    pub fn projects_page_plan(&self, filter: &ProjectFilter) -> Result<Vec<String>> {
        let key = ProjectKey {
            values: vec![Value::Text(String::new()); self.project_order(filter).len()],
            id: 0,
        };
        let (sql, values) = self.projects_page_sql(filter, Page::After(&key), 100);
        self.query_plan(&sql, &values)
    }
}
