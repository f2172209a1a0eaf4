//! Search across everything with SQLite FTS5 (the index and its triggers: migration
//! 0011). The index holds only what may be shown, so a query never joins to keep
//! trashed text out; each keypress counts the hits per kind and reads the first page
//! of each kind, best first.

use rusqlite::{OptionalExtension, params};

use super::{Result, Store};
use crate::domain::search::{
    ID_BITS, MATCH_END, MATCH_START, SEARCH_KINDS, SearchGroup, SearchHit, SearchIndex,
    SearchResults, SearchTerms, item_of_rowid, kind_code,
};
use crate::domain::{Confidentiality, EntityKind, EntityRef, TextEnum};

/// Words of context around the matched words in a snippet.
const SNIPPET_WORDS: i64 = 12;

/// The number of hits from which a kind's hits are no longer ranked (see
/// `best_hits_of`): ranking finds the words again in every hit.
pub const RANK_CAP: usize = 200;

/// Every row the index should hold: 0011's view and those of later migrations.
const SOURCES: &str = "(SELECT * FROM search_source UNION ALL SELECT * FROM search_source_0013)";

/// Where counting the hits of a kind stops when the words typed are short (see
/// `count_hits_capped`); shown as "500+".
pub const COUNT_CAP: usize = 500;

/// One query per kind: where an item lives (project code, meeting …) and its label.
fn context_sql(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Project => {
            "SELECT coalesce(o.name, ''), NULL FROM projects t
             LEFT JOIN organisations o ON o.id = t.buyer_id WHERE t.id = ?1"
        }
        EntityKind::Meeting => {
            "SELECT p.code || ' · ' || substr(t.start_at, 1, 10), NULL
             FROM meetings t JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::AgendaItem => {
            "SELECT p.code || ' · ' || m.title, NULL FROM agenda_items t
             JOIN meetings m ON m.id = t.meeting_id JOIN projects p ON p.id = m.project_id
             WHERE t.id = ?1"
        }
        EntityKind::Note => {
            "SELECT p.code || ' · ' || m.title, t.confidentiality FROM notes t
             JOIN meetings m ON m.id = t.meeting_id JOIN projects p ON p.id = m.project_id
             WHERE t.id = ?1"
        }
        EntityKind::Question => {
            "SELECT p.code || ' · ' || m.title, t.confidentiality FROM questions t
             JOIN meetings m ON m.id = t.meeting_id JOIN projects p ON p.id = m.project_id
             WHERE t.id = ?1"
        }
        EntityKind::Decision => {
            "SELECT p.code, t.confidentiality FROM decisions t
             JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::ActionItem => {
            "SELECT p.code || CASE WHEN t.owner <> '' THEN ' · ' || t.owner ELSE '' END,
                    t.confidentiality
             FROM action_items t JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::Need => {
            "SELECT p.code, t.confidentiality FROM needs t
             JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::Suggestion => {
            "SELECT p.code, t.confidentiality FROM suggestions t
             JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::Lesson => {
            "SELECT coalesce(p.code, ''), NULL FROM lessons t
             LEFT JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::Milestone => {
            "SELECT p.code || coalesce(' · ' || t.due_date, ''), NULL FROM milestones t
             JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::Person => {
            "SELECT coalesce(o.name, ''), NULL FROM people t
             LEFT JOIN organisations o ON o.id = t.organisation_id WHERE t.id = ?1"
        }
        EntityKind::Organisation => "SELECT '', NULL FROM organisations t WHERE t.id = ?1",
        EntityKind::Information => {
            "SELECT p.code, NULL FROM information_items t
             JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::Interest => {
            "SELECT p.code, NULL FROM interests t
             JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        EntityKind::Round => {
            "SELECT p.code, NULL FROM dialogue_rounds t
             JOIN projects p ON p.id = t.project_id WHERE t.id = ?1"
        }
        // Found as its round (see `SEARCH_KINDS`); its context is the round's.
        EntityKind::RoundQuestion => {
            "SELECT p.code || ' · ' || r.title, NULL FROM round_questions t
             JOIN dialogue_rounds r ON r.id = t.round_id
             JOIN projects p ON p.id = r.project_id WHERE t.id = ?1"
        }
    }
}

/// The rowids of a kind's documents: `[first, last]`.
fn rowid_range(kind: EntityKind) -> (i64, i64) {
    let first = kind_code(kind) << ID_BITS;
    (first, first + (1 << ID_BITS) - 1)
}

impl Store {
    /// Everything that matches `typed`, grouped by kind: each kind's count (up to
    /// `COUNT_CAP`), and its `per_kind` best hits. Empty when nothing searchable was
    /// typed.
    pub fn search(&self, typed: &str, per_kind: usize) -> Result<SearchResults> {
        let Some(terms) = SearchTerms::parse(typed) else {
            return Ok(SearchResults::default());
        };
        self.search_kinds(&terms, &SEARCH_KINDS, per_kind)
    }

    /// `search` within some kinds only.
    pub fn search_kinds(
        &self,
        terms: &SearchTerms,
        kinds: &[EntityKind],
        per_kind: usize,
    ) -> Result<SearchResults> {
        let terms = &self.long_words_written_out(terms)?;
        let counts = if terms.all_indexed {
            self.count_hits_capped(terms)?
        } else {
            self.count_hits(terms)?
        };
        let mut groups = Vec::new();
        for kind in SEARCH_KINDS.into_iter().filter(|k| kinds.contains(k)) {
            let total = counts[kind_code(kind) as usize - 1];
            if total == 0 {
                continue;
            }
            let hits = self.best_hits_of(terms, kind, per_kind, total < RANK_CAP)?;
            groups.push(SearchGroup {
                kind,
                total,
                at_least: terms.all_indexed && total >= COUNT_CAP,
                hits,
            });
        }
        Ok(SearchResults { groups })
    }

    /// How many documents of each kind match (index: code − 1), in one query: a word
    /// typed as a prefix longer than the index keeps is expanded to the index's words
    /// once per query, which costs more than counting what it matched.
    fn count_hits(&self, terms: &SearchTerms) -> Result<[usize; SEARCH_KINDS.len()]> {
        let sql = format!(
            "SELECT rowid >> {ID_BITS}, count(*) FROM search
             WHERE search MATCH ?1 {} GROUP BY 1",
            exact_clause(terms, "?2")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = match &terms.exact {
            Some(exact) => stmt.query(params![terms.folded, exact])?,
            None => stmt.query(params![terms.folded])?,
        };
        let mut counts = [0; SEARCH_KINDS.len()];
        while let Some(row) = rows.next()? {
            let code: i64 = row.get(0)?;
            let n: i64 = row.get(1)?;
            if let Some(slot) = usize::try_from(code - 1)
                .ok()
                .and_then(|i| counts.get_mut(i))
            {
                *slot = n as usize;
            }
        }
        Ok(counts)
    }

    /// The same, kind by kind and no further than `COUNT_CAP`, when every word's prefix
    /// is in the index (nothing to expand): the first letters typed match most of the
    /// store, and counting all of it would cost more than the rest of the keypress.
    fn count_hits_capped(&self, terms: &SearchTerms) -> Result<[usize; SEARCH_KINDS.len()]> {
        let sql = format!(
            "SELECT count(*) FROM (
                 SELECT 1 FROM search WHERE search MATCH ?1 AND rowid BETWEEN ?2 AND ?3 {}
                 LIMIT {COUNT_CAP})",
            exact_clause_of_kind(terms, "?4")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut counts = [0; SEARCH_KINDS.len()];
        for (slot, kind) in counts.iter_mut().zip(SEARCH_KINDS) {
            let (first, last) = rowid_range(kind);
            let n: i64 = match &terms.exact {
                Some(exact) => {
                    stmt.query_row(params![terms.folded, first, last, exact], |r| r.get(0))?
                }
                None => stmt.query_row(params![terms.folded, first, last], |r| r.get(0))?,
            };
            *slot = n as usize;
        }
        Ok(counts)
    }

    /// The best `limit` hits of one kind, with title, snippet, context and label.
    pub fn best_hits(
        &self,
        terms: &SearchTerms,
        kind: EntityKind,
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        let terms = &self.long_words_written_out(terms)?;
        self.best_hits_of(terms, kind, limit, false)
    }

    /// `terms` with its long words written out as the index's words they begin
    /// (`SearchTerms::with_long_words_as`): "dialogmöte" at the large demo took 12 ms
    /// a keypress as a prefix, most of it FTS5 merging the same lists for each of the
    /// keypress's statements.
    fn long_words_written_out(&self, terms: &SearchTerms) -> Result<SearchTerms> {
        if terms.all_indexed {
            return Ok(terms.clone());
        }
        terms.with_long_words_as(|index, word| self.index_words_beginning(index, word))
    }

    /// The index's words that begin with `prefix` (as that index keeps words), or
    /// `None` when there are more than `MAX_WRITTEN_OUT`.
    fn index_words_beginning(
        &self,
        index: SearchIndex,
        prefix: &str,
    ) -> Result<Option<Vec<String>>> {
        let (vocabulary, table) = match index {
            SearchIndex::Folded => ("search_words", "search"),
            SearchIndex::Exact => ("search_exact_words", "search_exact"),
        };
        // fts5vocab reads the index's own list of words; a temporary table, so that
        // the store's schema (and other tools opening it) never see it.
        self.conn.execute_batch(&format!(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.{vocabulary}
                 USING fts5vocab(main, {table}, 'row')"
        ))?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT term FROM temp.{vocabulary} WHERE term >= ?1 AND term < ?2 LIMIT ?3"
        ))?;
        // Every word that begins with the prefix sorts below the prefix followed by
        // the last character there is.
        let below = format!("{prefix}{}", char::MAX);
        let words: Vec<String> = stmt
            .query_map(params![prefix, below, MAX_WRITTEN_OUT as i64 + 1], |r| {
                r.get(0)
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok((words.len() <= MAX_WRITTEN_OUT).then_some(words))
    }

    /// `ranked`: by relevance (bm25, a title weighing ten times the rest), for a kind
    /// with fewer than `RANK_CAP` hits. Ranking reads every hit, so a kind with more is
    /// read newest first instead, which FTS5 streams and stops after `limit`.
    fn best_hits_of(
        &self,
        terms: &SearchTerms,
        kind: EntityKind,
        limit: usize,
        ranked: bool,
    ) -> Result<Vec<SearchHit>> {
        let order = if ranked {
            "ORDER BY rank"
        } else {
            "ORDER BY rowid DESC"
        };
        let rows = self.hit_rows(terms, kind, limit, order)?;
        let mut hits = Vec::with_capacity(rows.len());
        for (rowid, title, snippet, body) in rows {
            let Some(item) = item_of_rowid(rowid) else {
                continue;
            };
            let (context, label) = self.hit_context(item)?;
            let body_matched = snippet.contains(MATCH_START);
            let (title, snippet) = if title.trim().is_empty() {
                // A note has no title: its matched words, or its first words, stand in.
                let first = if body_matched { snippet } else { body };
                (one_line(&first), String::new())
            } else if body_matched {
                (title, one_line(&snippet))
            } else {
                (title, String::new())
            };
            hits.push(SearchHit {
                item,
                title,
                snippet,
                context,
                label,
            });
        }
        Ok(hits)
    }

    /// (rowid, highlighted title, body snippet, body start) of a kind's hits in `order`.
    fn hit_rows(
        &self,
        terms: &SearchTerms,
        kind: EntityKind,
        limit: usize,
        order: &str,
    ) -> Result<Vec<(i64, String, String, String)>> {
        let (first, last) = rowid_range(kind);
        let sql = format!(
            "SELECT rowid,
                    highlight(search, 0, '{MATCH_START}', '{MATCH_END}'),
                    snippet(search, 1, '{MATCH_START}', '{MATCH_END}', '…', {SNIPPET_WORDS}),
                    substr(body, 1, 200)
             FROM search
             WHERE search MATCH ?1 AND rowid BETWEEN ?2 AND ?3 {}
             {order} LIMIT ?4",
            exact_clause_of_kind(terms, "?5")
        );
        let folded = &terms.folded;
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let map = |r: &rusqlite::Row<'_>| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?));
        let limit = limit as i64;
        let rows = match &terms.exact {
            Some(exact) => stmt
                .query_map(params![folded, first, last, limit, exact], map)?
                .collect::<rusqlite::Result<_>>()?,
            None => stmt
                .query_map(params![folded, first, last, limit], map)?
                .collect::<rusqlite::Result<_>>()?,
        };
        Ok(rows)
    }

    fn hit_context(&self, item: EntityRef) -> Result<(String, Option<Confidentiality>)> {
        let mut stmt = self.conn.prepare_cached(context_sql(item.kind))?;
        let row = stmt
            .query_row([item.id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
            })
            .optional()?;
        Ok(match row {
            Some((context, label)) => (context, label.as_deref().and_then(Confidentiality::parse)),
            None => (String::new(), None),
        })
    }

    /// Where the search index says something other than the rows it follows: documents
    /// missing, left over or out of date (`check` reports them).
    pub(super) fn search_index_problems(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT 'missing or out of date', rowid FROM (
                 SELECT (code << {ID_BITS}) | id AS rowid, title, body FROM {SOURCES}
                 EXCEPT SELECT rowid, title, body FROM search)
             UNION ALL
             SELECT 'left over', rowid FROM (
                 SELECT rowid, title, body FROM search
                 EXCEPT SELECT (code << {ID_BITS}) | id, title, body FROM {SOURCES})
             UNION ALL
             SELECT 'words as written missing', rowid FROM (
                 SELECT rowid FROM search EXCEPT SELECT rowid FROM search_exact)
             UNION ALL
             SELECT 'words as written left over', rowid FROM (
                 SELECT rowid FROM search_exact EXCEPT SELECT rowid FROM search)"
        ))?;
        let rows = stmt.query_map([], |r| {
            let what: String = r.get(0)?;
            let rowid: i64 = r.get(1)?;
            Ok(match item_of_rowid(rowid) {
                Some(item) => format!("search index: {item} {what}"),
                None => format!("search index: document {rowid} {what}"),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Merges the index's segments into one: done after a large import
    /// (`resume_search`), so that every later query reads one segment instead of many.
    pub fn optimize_search_index(&self) -> Result<()> {
        self.conn.execute_batch(
            "INSERT INTO search (search) VALUES ('optimize');
             INSERT INTO search_exact (search_exact) VALUES ('optimize');",
        )?;
        Ok(())
    }
}

/// A long word typed is written out as at most this many words of the index; one that
/// begins more is left a prefix for FTS5 to expand.
const MAX_WRITTEN_OUT: usize = 64;

/// Up to this many rows noted while indexing was paused are indexed one by one;
/// more are indexed in one pass over the source views.
const RESUME_ONE_BY_ONE: i64 = 200;

impl Store {
    /// Defers search indexing (the triggers only note which rows to index) until
    /// `resume_search`, inside the caller's transaction: for large imports.
    pub(super) fn pause_search(&self) -> Result<()> {
        self.conn
            .execute_batch("INSERT INTO search_paused VALUES (1)")?;
        Ok(())
    }

    /// Indexes every row noted while paused, from the same views the triggers read, and
    /// indexes row by row again. Many rows go in one statement per table, in rowid
    /// order, which FTS5 writes as few large segments; a few are done one by one, so a
    /// small import into a large store does not read every source table.
    pub(super) fn resume_search(&self) -> Result<()> {
        self.conn.execute_batch("DELETE FROM search_paused")?;
        let pending: i64 = self
            .conn
            .query_row("SELECT count(*) FROM search_pending", [], |r| r.get(0))?;
        if pending == 0 {
            return Ok(());
        }
        let rowid = format!("(code << {ID_BITS}) | id");
        if pending <= RESUME_ONE_BY_ONE {
            let mut rows = self.conn.prepare("SELECT code, id FROM search_pending")?;
            let rows: Vec<(i64, i64)> = rows
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for table in ["search", "search_exact"] {
                let mut delete = self
                    .conn
                    .prepare(&format!("DELETE FROM {table} WHERE rowid = ?1"))?;
                let mut insert = self.conn.prepare(&format!(
                    "INSERT INTO {table} (rowid, title, body)
                     SELECT {rowid}, title, body FROM {SOURCES} WHERE code = ?1 AND id = ?2"
                ))?;
                for (code, id) in &rows {
                    delete.execute([(code << ID_BITS) | id])?;
                    insert.execute([code, id])?;
                }
            }
        } else {
            for table in ["search", "search_exact"] {
                self.conn.execute_batch(&format!(
                    "DELETE FROM {table} WHERE rowid IN (SELECT {rowid} FROM search_pending);
                     INSERT INTO {table} (rowid, title, body)
                         SELECT {rowid}, title, body FROM {SOURCES}
                         WHERE (code, id) IN (SELECT code, id FROM search_pending)
                         ORDER BY 1;"
                ))?;
            }
            // A pass leaves the index in several segments (and the contentless table
            // with a tombstone per rowid it was asked to delete first), which every
            // later query walks side by side: "dialog" took 9.9 ms at the large demo
            // against 2.7 ms once merged. Merging costs about a second at that size.
            self.optimize_search_index()?;
        }
        self.conn.execute_batch("DELETE FROM search_pending")?;
        Ok(())
    }
}

/// The condition that the words typed with diacritics match as written, when there are
/// any (`param` holds that query).
fn exact_clause(terms: &SearchTerms, param: &str) -> String {
    exact_clause_within(terms, param, "")
}

/// `exact_clause` for the hits of one kind, whose rowids are between `?2` and `?3`:
/// the exact hits are listed for that kind only, not for the whole store.
fn exact_clause_of_kind(terms: &SearchTerms, param: &str) -> String {
    exact_clause_within(terms, param, "AND rowid BETWEEN ?2 AND ?3")
}

fn exact_clause_within(terms: &SearchTerms, param: &str, range: &str) -> String {
    if terms.exact.is_none() {
        return String::new();
    }
    // `+rowid`: a filter on the folded query's hits. As a constraint SQLite would look
    // each exact hit up in the folded index instead, expanding the typed prefix again
    // for every one of them.
    format!(
        "AND +rowid IN (SELECT rowid FROM search_exact WHERE search_exact MATCH {param} {range})"
    )
}

/// Line breaks in a snippet become spaces: a hit is one line on screen.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
