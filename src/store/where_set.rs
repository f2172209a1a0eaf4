//! A WHERE clause made of only the filters that are set. `(?1 IS NULL OR col = ?1)`
//! reads well but SQLite plans it once for every value, null included, so it scans the
//! whole table; leaving an unset filter out lets the planner seek by the index of the
//! one that is set (issue 15). Each combination of filters is its own cached statement.

use rusqlite::types::Value;

/// Conditions joined by `AND`, and the values they bind (`?1`, `?2`, … in order).
pub(super) struct WhereSet {
    sql: String,
    values: Vec<Value>,
}

impl WhereSet {
    /// Starts from the conditions that always hold (they bind nothing).
    pub(super) fn new(always: &str) -> WhereSet {
        WhereSet {
            sql: always.to_string(),
            values: Vec::new(),
        }
    }

    /// `column = value` when there is a value.
    pub(super) fn equals(&mut self, column: &str, value: Option<impl Into<Value>>) {
        if let Some(value) = value {
            let n = self.bind(value.into());
            self.sql.push_str(&format!(" AND {column} = ?{n}"));
        }
    }

    /// A condition binding nothing.
    pub(super) fn holds(&mut self, condition: &str) {
        self.sql.push_str(" AND ");
        self.sql.push_str(condition);
    }

    /// `instr(fold(haystack), ?n) > 0` when the (folded, trimmed) text is not empty.
    pub(super) fn contains(&mut self, haystack: &str, text: &str) {
        let text = text.trim().to_lowercase();
        if !text.is_empty() {
            let n = self.bind(Value::Text(text));
            self.sql
                .push_str(&format!(" AND instr(fold({haystack}), ?{n}) > 0"));
        }
    }

    fn bind(&mut self, value: Value) -> usize {
        self.values.push(value);
        self.values.len()
    }

    pub(super) fn sql(&self) -> &str {
        &self.sql
    }

    pub(super) fn values(&self) -> &[Value] {
        &self.values
    }
}
