//! Every stored column whose text a reader parses (dates, instants, enums, JSON, UUIDs,
//! flags), with the parse it must pass. `tidig check` reads every row of them from this
//! one list, and a test fails when the schema gains a column that looks typed (by its
//! name or a CHECK constraint) and is neither here nor in `UNTYPED`.

use chrono::Datelike;
use rusqlite::Connection;

use crate::domain::TextEnum;
use crate::domain::when::{FIRST_YEAR, LAST_YEAR};

/// How a column's stored value is read.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Parse {
    /// `YYYY-MM-DD` in the years tidig takes.
    Day,
    /// An RFC 3339 instant (`2026-11-27T09:00:00Z`) in the years tidig takes.
    Instant,
    Uuid,
    /// One of a text enum's stored values.
    Enum(fn(&str) -> bool),
    /// JSON of the shape the reader expects.
    Json(fn(&str) -> bool),
    /// The integer 0 or 1.
    Flag,
}

fn is<E: TextEnum>(s: &str) -> bool {
    E::parse(s).is_some()
}

fn string_array(s: &str) -> bool {
    serde_json::from_str::<Vec<String>>(s).is_ok()
}

fn string_map(s: &str) -> bool {
    serde_json::from_str::<std::collections::BTreeMap<String, String>>(s).is_ok()
}

fn in_years(year: i32) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&year)
}

impl Parse {
    /// Whether a stored value (never SQL NULL: `NOT NULL` or the reader's "not set"
    /// covers that) of SQLite type `sql_type` is readable.
    pub(crate) fn accepts(self, sql_type: &str, value: &str) -> bool {
        if let Parse::Flag = self {
            return sql_type == "integer" && matches!(value, "0" | "1");
        }
        if sql_type != "text" {
            return false;
        }
        match self {
            Parse::Day => {
                value.len() == 10
                    && chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
                        .is_ok_and(|d| in_years(d.year()))
            }
            Parse::Instant => chrono::DateTime::parse_from_rfc3339(value)
                .is_ok_and(|t| value.as_bytes()[0].is_ascii_digit() && in_years(t.year())),
            Parse::Uuid => uuid::Uuid::parse_str(value).is_ok(),
            Parse::Enum(ok) | Parse::Json(ok) => ok(value),
            Parse::Flag => unreachable!("handled above"),
        }
    }
}

/// Columns every row table may keep, read the same way wherever they are.
const EVERYWHERE: [(&str, Parse); 4] = [
    ("uuid", Parse::Uuid),
    ("created_at", Parse::Instant),
    ("updated_at", Parse::Instant),
    ("deleted_at", Parse::Instant),
];

/// The other typed columns, table by table (the schema is in `migrations/*.sql`).
pub(crate) fn typed_columns() -> Vec<(&'static str, &'static str, Parse)> {
    use crate::domain::*;
    use Parse::{Day, Enum, Flag, Instant, Json};
    vec![
        ("projects", "phase", Enum(is::<Phase>)),
        ("projects", "status", Enum(is::<ProjectStatus>)),
        ("projects", "innovation_level", Enum(is::<InnovationLevel>)),
        ("projects", "start_date", Day),
        ("projects", "end_date", Day),
        ("projects", "tags", Json(string_array)),
        ("projects", "last_reviewed_at", Instant),
        ("organisations", "kind", Enum(is::<OrgKind>)),
        ("milestones", "status", Enum(is::<MilestoneStatus>)),
        ("milestones", "due_date", Day),
        ("milestones", "done_date", Day),
        ("meetings", "kind", Enum(is::<MeetingType>)),
        ("meetings", "format", Enum(is::<MeetingFormat>)),
        ("meetings", "status", Enum(is::<MeetingStatus>)),
        (
            "meetings",
            "status_before_cancel",
            Enum(is::<MeetingStatus>),
        ),
        ("meetings", "notes_status", Enum(is::<NotesStatus>)),
        ("meetings", "start_at", Instant),
        ("meetings", "end_at", Instant),
        ("meeting_registrations", "registered_on", Day),
        ("attendance", "role", Enum(is::<AttendanceRole>)),
        ("attendance", "invited", Flag),
        ("attendance", "attended", Flag),
        ("notes_status_changes", "status", Enum(is::<NotesStatus>)),
        ("notes_status_changes", "changed_at", Instant),
        ("needs", "priority", Enum(is::<Priority>)),
        ("needs", "status", Enum(is::<NeedStatus>)),
        ("needs", "confidentiality", Enum(is::<Confidentiality>)),
        ("need_status_changes", "from_status", Enum(is::<NeedStatus>)),
        ("need_status_changes", "to_status", Enum(is::<NeedStatus>)),
        ("need_status_changes", "changed_at", Instant),
        (
            "need_evidence",
            "confidentiality",
            Enum(is::<Confidentiality>),
        ),
        ("suggestions", "phase", Enum(is::<Phase>)),
        ("suggestions", "status", Enum(is::<SuggestionStatus>)),
        (
            "suggestions",
            "confidentiality",
            Enum(is::<Confidentiality>),
        ),
        ("suggestions", "decision_date", Day),
        ("lessons", "phase", Enum(is::<Phase>)),
        ("lessons", "kind", Enum(is::<LessonKind>)),
        ("lessons", "shareable", Flag),
        ("notes", "confidentiality", Enum(is::<Confidentiality>)),
        ("decisions", "confidentiality", Enum(is::<Confidentiality>)),
        ("decisions", "decided_on", Day),
        ("action_items", "status", Enum(is::<ActionStatus>)),
        (
            "action_items",
            "confidentiality",
            Enum(is::<Confidentiality>),
        ),
        ("action_items", "due_date", Day),
        ("action_items", "done_date", Day),
        ("questions", "confidentiality", Enum(is::<Confidentiality>)),
        ("exports", "exported_at", Instant),
        ("drafts", "payload", Json(string_map)),
        ("dialogue_rounds", "kind", Enum(is::<RoundKind>)),
        (
            "round_answers",
            "confidentiality",
            Enum(is::<Confidentiality>),
        ),
        ("information_items", "channel", Enum(is::<InfoChannel>)),
        ("information_items", "given_on", Day),
        ("information_items", "shared_on", Day),
        ("interests", "kind", Enum(is::<InterestKind>)),
        ("interests", "declared_on", Day),
    ]
}

/// Columns that look typed by their name but are read as plain text, and why.
#[cfg(test)]
pub(crate) const UNTYPED: [(&str, &str, &str); 4] = [
    // The export log shows what was written as it was stored; nothing parses it.
    ("exports", "what", "log text"),
    ("exports", "format", "log text"),
    ("exports", "audience", "log text"),
    ("exports", "language", "log text"),
];

/// A stored value its reader cannot parse: data, worded by `text::check_bad_value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadValue {
    pub table: String,
    pub id: i64,
    pub column: String,
    pub value: String,
}

/// Ordinary tables (not SQLite's own, not full-text indexes and their shadow tables),
/// with their `CREATE` text.
pub(crate) fn schema_tables(conn: &Connection) -> rusqlite::Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_master t WHERE type = 'table'
           AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'
           AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type = 'table'
                 AND v.sql LIKE 'CREATE VIRTUAL%' AND t.name LIKE v.name || '\\_%' ESCAPE '\\')
         ORDER BY name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// The columns of `table`, in order.
pub(crate) fn table_columns(conn: &Connection, table: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    let rows = stmt.query_map([table], |r| r.get(0))?;
    rows.collect()
}

/// The parse of `table.column`, if it is a typed column.
pub(crate) fn parse_of(table: &str, column: &str) -> Option<Parse> {
    EVERYWHERE
        .iter()
        .find(|(c, _)| *c == column)
        .map(|(_, p)| *p)
        .or_else(|| {
            typed_columns()
                .into_iter()
                .find(|(t, c, _)| *t == table && *c == column)
                .map(|(_, _, p)| p)
        })
}

/// Every stored value in a typed column that its parse rejects, table by table, in
/// row order. Trashed rows too: they can be restored.
pub(crate) fn bad_values(conn: &Connection) -> rusqlite::Result<Vec<BadValue>> {
    let mut bad = Vec::new();
    for (table, _) in schema_tables(conn)? {
        for column in table_columns(conn, &table)? {
            let Some(parse) = parse_of(&table, &column) else {
                continue;
            };
            // `rowid`: the `id` of every table that has one (`drafts` is keyed by text).
            let mut stmt = conn.prepare(&format!(
                "SELECT rowid, typeof(\"{column}\"), CAST(\"{column}\" AS TEXT) FROM \"{table}\"
                 WHERE \"{column}\" IS NOT NULL ORDER BY rowid"
            ))?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let sql_type: String = r.get(1)?;
                let value: String = r.get::<_, Option<String>>(2)?.unwrap_or_default();
                if !parse.accepts(&sql_type, &value) {
                    bad.push(BadValue {
                        table: table.clone(),
                        id: r.get(0)?,
                        column: column.clone(),
                        value,
                    });
                }
            }
        }
    }
    Ok(bad)
}

/// Whether a column looks like it holds a parsed type: by its name, or because a CHECK
/// in its table's `CREATE` text constrains it to a list (`col IN (…)`) or a pattern
/// (`col GLOB …`).
#[cfg(test)]
pub(crate) fn looks_typed(column: &str, create_sql: &str) -> bool {
    const NAMES: [&str; 13] = [
        "uuid",
        "kind",
        "status",
        "label",
        "phase",
        "priority",
        "role",
        "format",
        "channel",
        "confidentiality",
        "audience",
        "language",
        "tags",
    ];
    let by_name = NAMES.contains(&column)
        || ["_at", "_on", "_status", "_label", "_level", "_kind"]
            .iter()
            .any(|end| column.ends_with(end))
        || column.contains("date")
        || column.contains("json")
        || column == "payload";
    by_name || constrained(column, create_sql)
}

#[cfg(test)]
/// Whether `sql` has `column IN (` or `column GLOB` with `column` as a whole word.
fn constrained(column: &str, sql: &str) -> bool {
    let sql = sql.to_lowercase();
    let column = column.to_lowercase();
    sql.match_indices(&column).any(|(at, _)| {
        let before = sql[..at].chars().next_back();
        let word_start = !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '"');
        let after = sql[at + column.len()..].trim_start();
        word_start
            && (after.starts_with("in (") || after.starts_with("in(") || after.starts_with("glob"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> super::super::Store {
        super::super::Store::open_in_memory(crate::domain::Clock::Fixed(
            chrono::DateTime::parse_from_rfc3339("2026-11-27T12:00:00Z")
                .unwrap()
                .to_utc(),
        ))
        .unwrap()
    }

    /// The test the list exists for: a new typed column must be added to it (or to
    /// `UNTYPED`, with a reason), or `tidig check` would never look at it.
    #[test]
    fn every_column_that_looks_typed_is_in_the_list() {
        let store = store();
        let conn = store.connection();
        let mut missing = Vec::new();
        for (table, sql) in schema_tables(conn).unwrap() {
            for column in table_columns(conn, &table).unwrap() {
                let listed = parse_of(&table, &column).is_some()
                    || UNTYPED.iter().any(|(t, c, _)| *t == table && *c == column);
                if looks_typed(&column, &sql) && !listed {
                    missing.push(format!("{table}.{column}"));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "typed columns missing from store/typed_columns.rs: {missing:?}"
        );
    }

    /// Every listed column exists: a renamed or dropped column is taken off the list.
    #[test]
    fn every_listed_column_exists() {
        let store = store();
        let conn = store.connection();
        let tables = schema_tables(conn).unwrap();
        let has = |t: &str, c: &str| {
            tables.iter().any(|(name, _)| name == t)
                && table_columns(conn, t).unwrap().iter().any(|x| x == c)
        };
        for (t, c, _) in typed_columns() {
            assert!(has(t, c), "{t}.{c} is listed but not in the schema");
        }
        for (t, c, _) in UNTYPED {
            assert!(has(t, c), "{t}.{c} is listed but not in the schema");
        }
        // Every table in the schema is a real one the test looks at.
        assert!(tables.iter().any(|(t, _)| t == "information_items"));
        assert!(!tables.iter().any(|(t, _)| t.starts_with("search")));
    }

    #[test]
    fn the_detector_sees_names_and_checks() {
        let sql =
            "CREATE TABLE t (a TEXT CHECK (a IN ('x')), b TEXT, cb TEXT CHECK (cb GLOB '[0-9]'),
                   mode TEXT CHECK (length(mode) > 0), xb TEXT)";
        assert!(looks_typed("a", sql));
        assert!(looks_typed("cb", sql));
        assert!(!looks_typed("b", sql), "cb's check is not b's");
        assert!(!looks_typed("mode", sql));
        assert!(looks_typed("due_date", ""));
        assert!(looks_typed("given_on", ""));
        assert!(looks_typed("notes_status", ""));
        assert!(!looks_typed("status_reason", ""));
    }

    #[test]
    fn the_parses_accept_what_tidig_writes_and_nothing_else() {
        use crate::domain::{MeetingStatus, TextEnum};
        assert!(Parse::Day.accepts("text", "2026-11-27"));
        assert!(!Parse::Day.accepts("text", "11609-01-01"));
        assert!(!Parse::Day.accepts("text", "2026-02-30"));
        assert!(!Parse::Day.accepts("integer", "20261127"));
        assert!(Parse::Instant.accepts("text", "2026-11-27T09:00:00Z"));
        assert!(!Parse::Instant.accepts("text", "2026-11-27T25:00:00Z"));
        assert!(!Parse::Instant.accepts("text", "+11609-01-01T09:00:00Z"));
        assert!(Parse::Flag.accepts("integer", "1"));
        assert!(!Parse::Flag.accepts("integer", "2"));
        let status = Parse::Enum(is::<MeetingStatus>);
        assert!(status.accepts("text", MeetingStatus::Held.as_str()));
        assert!(!status.accepts("text", "postponed"));
        assert!(Parse::Json(string_array).accepts("text", r#"["a","b"]"#));
        assert!(!Parse::Json(string_array).accepts("text", "a, b"));
    }
}
