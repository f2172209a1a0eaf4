//! What every paged list of the store shares: where a page starts or ends relative to a
//! row already shown, and the keyset condition "after (or before) this row" in an order
//! of several columns, each ascending or descending.

/// Where a page starts or ends, relative to a row already shown (its key `K`: the
/// row's place in the list's order).
#[derive(Debug)]
pub enum Page<'a, K> {
    /// The first rows.
    First,
    /// The rows right after this one.
    After(&'a K),
    /// This row and the ones after it.
    From(&'a K),
    /// The rows right before this one.
    Before(&'a K),
    /// The last rows.
    Last,
}

// By hand: a derive would ask `K: Copy`, and a page only holds a reference to it.
impl<K> Clone for Page<'_, K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K> Copy for Page<'_, K> {}

impl<K> Page<'_, K> {
    /// Whether the page is read in the reverse order (and turned round after).
    pub fn backwards(&self) -> bool {
        matches!(self, Page::Before(_) | Page::Last)
    }
}

/// One column of an order: an SQL expression that is never NULL (a row-value or `>`
/// comparison with NULL is never true) and whether it sorts descending.
#[derive(Debug, Clone)]
pub(super) struct OrderColumn {
    pub sql: String,
    pub descending: bool,
}

impl OrderColumn {
    pub fn asc(sql: impl Into<String>) -> OrderColumn {
        OrderColumn {
            sql: sql.into(),
            descending: false,
        }
    }

    pub fn with(sql: impl Into<String>, descending: bool) -> OrderColumn {
        OrderColumn {
            sql: sql.into(),
            descending,
        }
    }
}

/// Where a row lies relative to a key's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    /// Strictly after it in the order.
    After,
    /// It, or after it.
    From,
    /// Strictly before it.
    Before,
}

/// `ORDER BY` of `columns`, or its reverse (to read a page backwards).
pub(super) fn order_sql(columns: &[OrderColumn], reverse: bool) -> String {
    columns
        .iter()
        .map(|c| {
            let desc = c.descending != reverse;
            format!("{} {}", c.sql, if desc { "DESC" } else { "ASC" })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The condition that a row lies on `side` of the row whose key values are bound at
/// `?first`, `?first+1`, …: spelled out column by column (`a > ?1 OR (a = ?1 AND b >
/// ?2)`), as the columns may sort in different directions, which a row-value comparison
/// cannot say. With one column it is a plain range, which an index on it seeks.
pub(super) fn keyset_sql(columns: &[OrderColumn], side: Side, first: usize) -> String {
    // An expression in brackets: `x IS NULL > ?1` would read `x IS (NULL > ?1)`.
    let operand = |c: &OrderColumn| {
        if c.sql.contains(' ') {
            format!("({})", c.sql)
        } else {
            c.sql.clone()
        }
    };
    let mut arms = Vec::new();
    for (i, column) in columns.iter().enumerate() {
        let mut terms: Vec<String> = columns[..i]
            .iter()
            .enumerate()
            .map(|(j, c)| format!("{} = ?{}", operand(c), first + j))
            .collect();
        let later = column.descending == (side == Side::Before);
        let last = i + 1 == columns.len();
        let op = match (later, last && side == Side::From) {
            (true, false) => ">",
            (true, true) => ">=",
            (false, false) => "<",
            (false, true) => "<=",
        };
        terms.push(format!("{} {op} ?{}", operand(column), first + i));
        arms.push(terms.join(" AND "));
    }
    format!("({})", arms.join(" OR "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_column_is_a_plain_range() {
        let cols = [OrderColumn::asc("p.code")];
        assert_eq!(keyset_sql(&cols, Side::After, 5), "(p.code > ?5)");
        assert_eq!(keyset_sql(&cols, Side::From, 5), "(p.code >= ?5)");
        assert_eq!(keyset_sql(&cols, Side::Before, 5), "(p.code < ?5)");
        let desc = [OrderColumn::with("p.code", true)];
        assert_eq!(keyset_sql(&desc, Side::After, 1), "(p.code < ?1)");
        assert_eq!(keyset_sql(&desc, Side::From, 1), "(p.code <= ?1)");
        assert_eq!(keyset_sql(&desc, Side::Before, 1), "(p.code > ?1)");
    }

    #[test]
    fn mixed_directions_are_spelled_out() {
        let cols = [OrderColumn::with("k", true), OrderColumn::asc("c")];
        assert_eq!(
            keyset_sql(&cols, Side::After, 1),
            "(k < ?1 OR k = ?1 AND c > ?2)"
        );
        assert_eq!(
            keyset_sql(&cols, Side::From, 1),
            "(k < ?1 OR k = ?1 AND c >= ?2)"
        );
        assert_eq!(
            keyset_sql(&cols, Side::Before, 1),
            "(k > ?1 OR k = ?1 AND c < ?2)"
        );
        assert_eq!(order_sql(&cols, false), "k DESC, c ASC");
        assert_eq!(order_sql(&cols, true), "k ASC, c DESC");
        let null = [OrderColumn::asc("x IS NULL")];
        assert_eq!(keyset_sql(&null, Side::After, 1), "((x IS NULL) > ?1)");
    }
}
