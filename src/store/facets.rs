//! The filter bar's counts: how many rows a list has in all, and how many have each
//! value of a facet. Counted in SQL over the list's own scope, never by loading rows.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::{Result, Store};
use crate::domain::{EntityKind, FacetCount, FacetId, facet_rank};

/// A list, with what always bounds it (its project, whether closed actions show).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacetScope {
    Portfolio,
    Needs(i64),
    Actions {
        include_closed: bool,
    },
    Suggestions(i64),
    /// A project's lessons, or (`None`) the whole library.
    Lessons(Option<i64>),
    Trash,
    /// A project's meetings.
    Meetings(i64),
    /// The agenda's meetings between two instants (as `meetings_between` takes them).
    Agenda {
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
    Organisations,
    People,
}

impl FacetScope {
    /// `FROM … WHERE …` of the list's live rows, with `?1` (and on) the scope's values.
    fn rows(self) -> (Cow<'static, str>, Vec<Value>) {
        let (rows, value) = match self {
            Self::Portfolio => (
                "FROM projects p LEFT JOIN organisations o ON o.id = p.buyer_id
                 WHERE p.deleted_at IS NULL AND ?1 IS NULL",
                Value::Null,
            ),
            Self::Needs(id) => (
                "FROM needs n WHERE n.project_id = ?1 AND n.deleted_at IS NULL",
                Value::Integer(id),
            ),
            Self::Actions { include_closed } => (
                "FROM action_items a JOIN projects p ON p.id = a.project_id
                 WHERE a.deleted_at IS NULL AND p.deleted_at IS NULL
                   AND (?1 OR a.status IN ('open', 'in_progress'))",
                Value::Integer(i64::from(include_closed)),
            ),
            Self::Suggestions(id) => (
                "FROM suggestions s JOIN projects p ON p.id = s.project_id
                 WHERE s.deleted_at IS NULL AND p.deleted_at IS NULL AND s.project_id = ?1",
                Value::Integer(id),
            ),
            Self::Lessons(id) => (
                "FROM lessons l LEFT JOIN projects p ON p.id = l.project_id
                 WHERE l.deleted_at IS NULL AND (p.id IS NULL OR p.deleted_at IS NULL)
                   AND (?1 IS NULL OR l.project_id = ?1)",
                id.map_or(Value::Null, Value::Integer),
            ),
            Self::Trash => return (Cow::Owned(trash_rows()), vec![Value::Null]),
            Self::Agenda { from, to } => {
                let earliest = from - chrono::Duration::days(7);
                return (
                    Cow::Borrowed(
                        "FROM meetings m JOIN projects p ON p.id = m.project_id
                         WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL
                           AND m.start_at >= ?1 AND m.start_at < ?3 AND m.end_at > ?2",
                    ),
                    [earliest, from, to]
                        .iter()
                        .map(|t| Value::Text(super::meetings::utc_text(*t)))
                        .collect(),
                );
            }
            Self::Organisations => (
                "FROM organisations o WHERE o.deleted_at IS NULL AND ?1 IS NULL",
                Value::Null,
            ),
            Self::People => (
                "FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id
                 WHERE p.deleted_at IS NULL AND ?1 IS NULL",
                Value::Null,
            ),
            Self::Meetings(id) => (
                "FROM meetings m JOIN projects p ON p.id = m.project_id
                 WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL AND m.project_id = ?1",
                Value::Integer(id),
            ),
        };
        (Cow::Borrowed(rows), vec![value])
    }

    /// The (value, name) columns of a facet on this list; `None` if it has no such facet.
    fn facet(self, facet: FacetId) -> Option<(&'static str, &'static str)> {
        use FacetId as F;
        Some(match (self, facet) {
            (Self::Portfolio, F::Status) => ("p.status", "p.status"),
            (Self::Portfolio, F::Phase) => ("p.phase", "p.phase"),
            (Self::Portfolio, F::Buyer) => ("o.name", "o.name"),
            (Self::Needs(_), F::Status) => ("n.status", "n.status"),
            (Self::Needs(_), F::Priority) => ("n.priority", "n.priority"),
            (Self::Needs(_), F::Category) => ("n.category", "n.category"),
            (Self::Actions { .. }, F::Owner) => ("a.owner", "a.owner"),
            (Self::Actions { .. }, F::Project) => ("CAST(p.id AS TEXT)", "p.code"),
            (Self::Suggestions(_), F::Status) => ("s.status", "s.status"),
            (Self::Suggestions(_), F::Phase) => ("s.phase", "s.phase"),
            (Self::Lessons(_), F::Phase) => ("l.phase", "l.phase"),
            (Self::Lessons(_), F::Kind) => ("l.kind", "l.kind"),
            (Self::Trash, F::ItemKind) => ("t.kind", "t.kind"),
            (Self::Meetings(_), F::MeetingType) => ("m.kind", "m.kind"),
            (Self::Meetings(_), F::MeetingStatus) => ("m.status", "m.status"),
            (Self::Meetings(_), F::NotesStatus) => ("m.notes_status", "m.notes_status"),
            (Self::Organisations, F::OrgKind) => ("o.kind", "o.kind"),
            (Self::People, F::Organisation) => ("CAST(o.id AS TEXT)", "o.name"),
            (Self::Agenda { .. }, F::Project) => ("CAST(p.id AS TEXT)", "p.code"),
            (Self::Agenda { .. }, F::MeetingType) => ("m.kind", "m.kind"),
            (Self::Agenda { .. }, F::MeetingStatus) => ("m.status", "m.status"),
            (Self::Agenda { .. }, F::NotesStatus) => ("m.notes_status", "m.notes_status"),
            _ => return None,
        })
    }
}

/// Every trashed row as `t.kind`, over all the tables the trash lists.
fn trash_rows() -> String {
    let parts: Vec<String> = EntityKind::ALL
        .iter()
        .map(|k| {
            format!(
                "SELECT '{}' AS kind FROM {} WHERE deleted_at IS NOT NULL",
                k.as_str(),
                super::trash::table(*k)
            )
        })
        .collect();
    format!("FROM ({}) t WHERE ?1 IS NULL", parts.join(" UNION ALL "))
}

impl Store {
    /// How many live rows the list has before any filter bar filter.
    pub fn list_total(&self, scope: FacetScope) -> Result<usize> {
        let (rows, value) = scope.rows();
        let n: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) {rows}"))?
            .query_row(params_from_iter(value), |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// The values a facet takes on the list with their row counts (over the whole
    /// list, so that a count does not change as other facets are picked): an enum's
    /// values in its order, names in Swedish order. Empty and missing values are left out.
    pub fn facet_counts(&self, scope: FacetScope, facet: FacetId) -> Result<Vec<FacetCount>> {
        let Some((value_col, name_col)) = scope.facet(facet) else {
            return Ok(Vec::new());
        };
        let (rows, value) = scope.rows();
        let sql = format!(
            "SELECT {value_col}, min({name_col}), count(*) {rows}
               AND ifnull({value_col}, '') != ''
             GROUP BY {value_col} ORDER BY min({name_col}) COLLATE sv"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(value), |r| {
            Ok(FacetCount {
                value: r.get(0)?,
                name: r.get(1)?,
                count: r.get(2)?,
            })
        })?;
        let mut counts = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        // Stable: names keep their Swedish order, enum values take their own.
        counts.sort_by_key(|c| facet_rank(facet, &c.value));
        Ok(counts)
    }
}
