//! The query plans of the lists a meeting's notes export reads that take filters
//! (decisions, actions, suggestions and needs), as the export runs them: for the
//! benches and the tests that keep each of them on an index (issue 15).

use super::needs::all_needs_sql;
use super::notes::{actions_sql, decisions_sql};
use super::suggestions::suggestions_sql;
use super::{Result, Store};
use crate::domain::{ActionFilter, SuggestionFilter};

impl Store {
    /// `(list, EXPLAIN QUERY PLAN lines)` for each filtered list of one meeting's
    /// notes export (`ops::export::summary_input`).
    pub fn summary_query_plans(
        &self,
        project_id: i64,
        meeting_id: i64,
    ) -> Result<Vec<(&'static str, Vec<String>)>> {
        let actions = ActionFilter {
            meeting_id: Some(meeting_id),
            include_closed: true,
            ..ActionFilter::default()
        };
        let statements = [
            ("decisions", decisions_sql(None, Some(meeting_id))),
            ("actions", actions_sql(&actions)),
            (
                "suggestions",
                suggestions_sql(Some(project_id), &SuggestionFilter::default()),
            ),
            ("needs", all_needs_sql(Some(project_id))),
        ];
        statements
            .into_iter()
            .map(|(name, (sql, values))| Ok((name, self.query_plan(&sql, &values)?)))
            .collect()
    }
}
