//! The actions screen a page at a time: keyset paging in the order the screen shows
//! (open before closed, then by due date with undated open actions last, then id), and
//! the count of all matching actions, so that a visit costs the same at 40,000 actions
//! as at forty. The order is walked on `action_items_page` (migration 0014), whose
//! expressions are the ones written here.

use rusqlite::ToSql;
use rusqlite::types::Value;

use super::notes::{ACTION_COLUMNS, action_from_row};
use super::{Result, Store};
use crate::domain::{ActionFilter, ActionItem, TextEnum};

/// The sort key, as the index `action_items_page` has it: closed, undated and open, due
/// date, id.
const SORT_KEY: [&str; 4] = [
    "(a.status NOT IN ('open', 'in_progress'))",
    "(a.due_date IS NULL AND a.status IN ('open', 'in_progress'))",
    "coalesce(a.due_date, '')",
    "a.id",
];

/// Where a page starts or ends, relative to an action already shown.
#[derive(Debug, Clone, Copy)]
pub enum ActionPage<'a> {
    /// The first rows.
    First,
    /// The rows right after this one.
    After(&'a ActionItem),
    /// This row and the ones after it.
    From(&'a ActionItem),
    /// The rows right before this one.
    Before(&'a ActionItem),
    /// The last rows.
    Last,
}

/// An action's place in the order, as SQL values: (closed, undated, due, id).
fn key(a: &ActionItem) -> [Value; 4] {
    let closed = !a.is_open();
    [
        Value::Integer(i64::from(closed)),
        Value::Integer(i64::from(a.due_date.is_none() && !closed)),
        Value::Text(a.due_date.map(|d| d.to_string()).unwrap_or_default()),
        Value::Integer(a.id),
    ]
}

/// The filter's conditions, only those set, so that the planner may choose the project
/// or meeting index when one narrows the list down, and the values they bind.
fn conditions(filter: &ActionFilter) -> (String, Vec<Value>) {
    let mut sql = String::from("a.deleted_at IS NULL AND p.deleted_at IS NULL");
    let mut values = Vec::new();
    if let Some(id) = filter.project_id {
        values.push(Value::Integer(id));
        sql.push_str(&format!(" AND a.project_id = ?{}", values.len()));
    }
    if let Some(id) = filter.meeting_id {
        values.push(Value::Integer(id));
        sql.push_str(&format!(" AND a.meeting_id = ?{}", values.len()));
    }
    if let Some(owner) = &filter.owner {
        values.push(Value::Text(owner.clone()));
        sql.push_str(&format!(" AND a.owner = ?{}", values.len()));
    }
    if !filter.include_closed {
        // Not as the index's first expression (`= 0`): SQLite then sorts instead of
        // walking the index in order. Closed ones come last, so the walk stops early.
        sql.push_str(" AND a.status IN ('open', 'in_progress')");
    }
    (sql, values)
}

/// `(sort key) <op> (?n, …)` for the key bound after `values`.
fn key_condition(op: &str, row: &ActionItem, values: &mut Vec<Value>) -> String {
    let first = values.len() + 1;
    values.extend(key(row));
    format!(
        " AND ({}) {op} (?{first}, ?{}, ?{}, ?{})",
        SORT_KEY.join(", "),
        first + 1,
        first + 2,
        first + 3
    )
}

/// The statement of one page and the values it binds.
fn page_sql(filter: &ActionFilter, page: ActionPage<'_>, limit: usize) -> (String, Vec<Value>) {
    let (mut sql_where, mut values) = conditions(filter);
    let backwards = matches!(page, ActionPage::Before(_) | ActionPage::Last);
    match page {
        ActionPage::First | ActionPage::Last => {}
        ActionPage::After(row) => sql_where.push_str(&key_condition(">", row, &mut values)),
        ActionPage::From(row) => sql_where.push_str(&key_condition(">=", row, &mut values)),
        ActionPage::Before(row) => sql_where.push_str(&key_condition("<", row, &mut values)),
    }
    let order = SORT_KEY.join(if backwards { " DESC, " } else { ", " })
        + if backwards { " DESC" } else { "" };
    // Across projects the order's index is the way; one project's or meeting's actions
    // are few, and their own index finds them faster.
    let indexed = if filter.project_id.is_none() && filter.meeting_id.is_none() {
        "INDEXED BY action_items_page"
    } else {
        ""
    };
    values.push(Value::Integer(limit.try_into().unwrap_or(i64::MAX)));
    let sql = format!(
        "SELECT {ACTION_COLUMNS} FROM action_items a {indexed}
         JOIN projects p ON p.id = a.project_id
         LEFT JOIN meetings m ON m.id = a.meeting_id AND m.deleted_at IS NULL
         WHERE {sql_where}
         ORDER BY {order} LIMIT ?{}",
        values.len()
    );
    (sql, values)
}

fn bound(values: &[Value]) -> Vec<&dyn ToSql> {
    values.iter().map(|v| v as &dyn ToSql).collect()
}

impl Store {
    /// At most `limit` actions matching the filter, in the screen's order, starting or
    /// ending where `page` says.
    pub fn actions_page(
        &self,
        filter: &ActionFilter,
        page: ActionPage<'_>,
        limit: usize,
    ) -> Result<Vec<ActionItem>> {
        let (sql, values) = page_sql(filter, page, limit);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(bound(&values).as_slice(), action_from_row)?;
        let mut rows: Vec<ActionItem> = rows.collect::<rusqlite::Result<_>>()?;
        if matches!(page, ActionPage::Before(_) | ActionPage::Last) {
            rows.reverse();
        }
        Ok(rows)
    }

    /// The query plan of the page after a row (`EXPLAIN QUERY PLAN`, one line a step),
    /// for the benches and the tests that keep it on its index.
    pub fn actions_page_plan(&self, filter: &ActionFilter) -> Result<Vec<String>> {
        let row = ActionItem {
            id: 0,
            uuid: String::new(),
            project_id: 0,
            project_code: String::new(),
            meeting_id: None,
            meeting_title: None,
            title: String::new(),
            owner: String::new(),
            due_date: None,
            status: crate::domain::ActionStatus::Open,
            done_date: None,
            confidentiality: crate::domain::Confidentiality::ALL[0],
            created_at: String::new(),
            updated_at: String::new(),
        };
        let (sql, values) = page_sql(filter, ActionPage::After(&row), 50);
        self.query_plan(&sql, &values)
    }

    /// `EXPLAIN QUERY PLAN` of a statement, one line a step.
    pub(super) fn query_plan(&self, sql: &str, values: &[Value]) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let rows = stmt.query_map(bound(values).as_slice(), |r| r.get::<_, String>(3))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many actions match the filter.
    pub fn count_actions(&self, filter: &ActionFilter) -> Result<usize> {
        let (sql_where, values) = conditions(filter);
        self.count_where(&sql_where, &values)
    }

    /// How many matching actions come before this one in the screen's order: its row
    /// number, for going straight to it.
    pub fn actions_before(&self, filter: &ActionFilter, row: &ActionItem) -> Result<usize> {
        let (mut sql_where, mut values) = conditions(filter);
        sql_where.push_str(&key_condition("<", row, &mut values));
        self.count_where(&sql_where, &values)
    }

    fn count_where(&self, sql_where: &str, values: &[Value]) -> Result<usize> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT count(*) FROM action_items a JOIN projects p ON p.id = a.project_id
             WHERE {sql_where}"
        ))?;
        let n: i64 = stmt.query_row(bound(values).as_slice(), |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }
}
