//! The actions screen a page at a time: keyset paging in the order the screen shows
//! (open before closed, then by due date with undated open actions last, then id), and
//! the count of all matching actions, so that a visit or a key costs the same at
//! 40,000 actions as at forty. The order is the generated columns of migration 0014,
//! and `action_items_page` indexes them: a page seeks to its first row.
//!
//! A row whose stored text cannot be read keeps its place in the order (its key is
//! computed by SQLite, not parsed) and comes back as an unreadable row.

use rusqlite::types::Value;
use rusqlite::{Row, params_from_iter};

use super::notes::{ACTION_COLUMNS, action_from_row};
use super::readable::read_row;
use super::{Result, Store};
use crate::domain::{ActionFilter, ActionItem};

/// The order's columns (migration 0014), after `ACTION_COLUMNS` in every page.
const SORT_KEY: &str = "a.page_closed, a.page_undated, a.page_due, a.id";
const KEY_AT: usize = 14;

/// An action's place in the screen's order, as SQLite computes it: closed, undated and
/// open, due date as stored, id.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionKey {
    closed: Value,
    undated: Value,
    due: Value,
    pub id: i64,
}

impl ActionKey {
    fn from_row(r: &Row<'_>, at: usize) -> rusqlite::Result<ActionKey> {
        Ok(ActionKey {
            closed: r.get(at)?,
            undated: r.get(at + 1)?,
            due: r.get(at + 2)?,
            id: r.get(at + 3)?,
        })
    }

    fn values(&self) -> [Value; 4] {
        [
            self.closed.clone(),
            self.undated.clone(),
            self.due.clone(),
            Value::Integer(self.id),
        ]
    }
}

/// One row of a page: its place in the order, and the action unless it cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct PagedAction {
    pub key: ActionKey,
    pub item: Option<ActionItem>,
}

impl PagedAction {
    pub fn id(&self) -> i64 {
        self.key.id
    }
}

/// Where a page of actions starts or ends, relative to a row already shown.
pub type ActionPage<'a> = super::paging::Page<'a, ActionKey>;

const LIVE_ACTION: &str = "a.deleted_at IS NULL";
const IN_LIVE_PROJECT: &str = " AND p.deleted_at IS NULL";

/// The filter's conditions, only those set (so that the planner may choose the project
/// or meeting index when one narrows the list down), and the values they bind.
fn conditions(filter: &ActionFilter) -> (String, Vec<Value>) {
    let mut sql = format!("{LIVE_ACTION}{IN_LIVE_PROJECT}");
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
        // The index's first column: open ones are one range of it.
        sql.push_str(" AND a.page_closed = 0");
    }
    let text = filter.text.trim().to_lowercase();
    if !text.is_empty() {
        values.push(Value::Text(text));
        sql.push_str(&format!(
            " AND instr(fold(a.title || ' ' || a.owner || ' ' || p.code || ' '
                || ifnull(m.title, '')), ?{}) > 0",
            values.len()
        ));
    }
    (sql, values)
}

/// `(sort key) <op> (?n, …)` for `key` bound after `values`.
fn key_condition(
    op: &str,
    key: &ActionKey,
    filter: &ActionFilter,
    values: &mut Vec<Value>,
) -> String {
    let first = values.len() + 1;
    // Open actions only: `page_closed = 0` is one value of the index's first column,
    // and the key's other columns are a range within it that SQLite seeks. Compared as
    // all four, the planner seeks only `page_closed = 0` and reads every open action
    // to test the rest (the count above the window took 2-3 ms at 40,000).
    if !filter.include_closed && key.closed == Value::Integer(0) {
        values.extend(key.values().into_iter().skip(1));
        return format!(
            " AND (a.page_undated, a.page_due, a.id) {op} (?{first}, ?{}, ?{})",
            first + 1,
            first + 2
        );
    }
    values.extend(key.values());
    format!(
        " AND ({SORT_KEY}) {op} (?{first}, ?{}, ?{}, ?{})",
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
        ActionPage::After(key) => sql_where.push_str(&key_condition(">", key, filter, &mut values)),
        ActionPage::From(key) => sql_where.push_str(&key_condition(">=", key, filter, &mut values)),
        ActionPage::Before(key) => {
            sql_where.push_str(&key_condition("<", key, filter, &mut values))
        }
    }
    let order = if backwards {
        "a.page_closed DESC, a.page_undated DESC, a.page_due DESC, a.id DESC"
    } else {
        SORT_KEY
    };
    // Across projects the order's index is the way; one project's or meeting's actions
    // are few, and their own index finds them faster.
    let indexed = if filter.project_id.is_none() && filter.meeting_id.is_none() {
        "INDEXED BY action_items_page"
    } else {
        ""
    };
    values.push(Value::Integer(limit.try_into().unwrap_or(i64::MAX)));
    let sql = format!(
        "SELECT {ACTION_COLUMNS}, {SORT_KEY} FROM action_items a {indexed}
         JOIN projects p ON p.id = a.project_id
         LEFT JOIN meetings m ON m.id = a.meeting_id AND m.deleted_at IS NULL
         WHERE {sql_where}
         ORDER BY {order} LIMIT ?{}",
        values.len()
    );
    (sql, values)
}

/// The statement counting the actions that meet `sql_where` (from `conditions`).
fn count_sql(filter: &ActionFilter, sql_where: &str) -> String {
    if filter.text.trim().is_empty() {
        // Without the text filter no condition reads the project or the meeting, so
        // the live actions are counted on the index alone, less those of projects in
        // the trash (few, found by the project index). Joining every action to its
        // project to check it is live cost a lookup per row: 15-20 ms at 40,000.
        // (CROSS JOIN keeps the trashed projects first, so that their actions are
        // sought by project rather than every action checked.)
        let own = sql_where.replacen(IN_LIVE_PROJECT, "", 1);
        format!(
            "SELECT (SELECT count(*) FROM action_items a WHERE {own})
                  - (SELECT count(*) FROM projects p CROSS JOIN action_items a
                     ON a.project_id = p.id WHERE p.deleted_at IS NOT NULL AND {own})"
        )
    } else {
        // The text filter reads the project's code and the meeting's title.
        format!(
            "SELECT count(*) FROM action_items a JOIN projects p ON p.id = a.project_id
             LEFT JOIN meetings m ON m.id = a.meeting_id AND m.deleted_at IS NULL
             WHERE {sql_where}"
        )
    }
}

impl Store {
    /// At most `limit` actions matching the filter, in the screen's order, starting or
    /// ending where `page` says. Rows that cannot be read come back without an item.
    pub fn actions_page(
        &self,
        filter: &ActionFilter,
        page: ActionPage<'_>,
        limit: usize,
    ) -> Result<Vec<PagedAction>> {
        let (sql, values) = page_sql(filter, page, limit);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(values.iter()))?;
        let mut page_rows = Vec::new();
        while let Some(row) = rows.next()? {
            let key = ActionKey::from_row(row, KEY_AT)?;
            let item = read_row(row, "action_items", action_from_row)?.ok();
            page_rows.push(PagedAction { key, item });
        }
        if matches!(page, ActionPage::Before(_) | ActionPage::Last) {
            page_rows.reverse();
        }
        Ok(page_rows)
    }

    /// Where an action (live or not, readable or not) sits in the order, if it exists.
    pub fn action_key(&self, id: i64) -> Result<Option<ActionKey>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SORT_KEY} FROM action_items a WHERE a.id = ?1"
        ))?;
        let mut rows = stmt.query([id])?;
        Ok(match rows.next()? {
            Some(row) => Some(ActionKey::from_row(row, 0)?),
            None => None,
        })
    }

    /// The query plan of the page after a row (`EXPLAIN QUERY PLAN`, one line a step),
    /// for the benches and the tests that keep it on its index.
    pub fn actions_page_plan(&self, filter: &ActionFilter) -> Result<Vec<String>> {
        let key = ActionKey {
            closed: Value::Integer(0),
            undated: Value::Integer(0),
            due: Value::Text(String::new()),
            id: 0,
        };
        let (sql, values) = page_sql(filter, ActionPage::After(&key), 50);
        self.query_plan(&sql, &values)
    }

    /// `EXPLAIN QUERY PLAN` of a statement, one line a step.
    pub fn query_plan(&self, sql: &str, values: &[Value]) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let rows = stmt.query_map(params_from_iter(values.iter()), |r| r.get::<_, String>(3))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The query plan of `count_actions`, one line a step, for the tests that keep it
    /// on the indexes.
    pub fn count_actions_plan(&self, filter: &ActionFilter) -> Result<Vec<String>> {
        let (sql_where, values) = conditions(filter);
        self.query_plan(&count_sql(filter, &sql_where), &values)
    }

    /// How many actions match the filter.
    pub fn count_actions(&self, filter: &ActionFilter) -> Result<usize> {
        let (sql_where, values) = conditions(filter);
        self.count_actions_where(filter, &sql_where, &values)
    }

    /// How many matching actions come before this row in the screen's order: its row
    /// number, for going straight to it.
    pub fn actions_before(&self, filter: &ActionFilter, key: &ActionKey) -> Result<usize> {
        let (mut sql_where, mut values) = conditions(filter);
        sql_where.push_str(&key_condition("<", key, filter, &mut values));
        self.count_actions_where(filter, &sql_where, &values)
    }

    fn count_actions_where(
        &self,
        filter: &ActionFilter,
        sql_where: &str,
        values: &[Value],
    ) -> Result<usize> {
        let sql = count_sql(filter, sql_where);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let n: i64 = stmt.query_row(params_from_iter(values.iter()), |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }
}
