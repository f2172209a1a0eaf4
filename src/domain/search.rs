//! Search across everything: what the user typed, as full-text queries, and the results
//! as the screens show them. The index itself is the store's (`store::search`).

use super::{Confidentiality, EntityKind, EntityRef};

/// The kinds in the order their groups are shown. A kind's position + 1 is its code in
/// the index (migration 0010: the document's rowid is the code shifted left 40 bits, or-ed
/// with the row's id), so this order and that file must agree.
pub const SEARCH_KINDS: [EntityKind; 16] = [
    EntityKind::Project,
    EntityKind::Meeting,
    EntityKind::AgendaItem,
    EntityKind::Note,
    EntityKind::Decision,
    EntityKind::ActionItem,
    EntityKind::Question,
    EntityKind::Need,
    EntityKind::Suggestion,
    EntityKind::Lesson,
    EntityKind::Milestone,
    EntityKind::Person,
    EntityKind::Organisation,
    // Migration 0013.
    EntityKind::Information,
    EntityKind::Interest,
    // Migration 0012.
    EntityKind::Round,
];

/// Bits of a document's rowid that hold the row's id.
pub const ID_BITS: u32 = 40;

/// The index code of `kind` (see `SEARCH_KINDS`).
pub fn kind_code(kind: EntityKind) -> i64 {
    SEARCH_KINDS
        .iter()
        .position(|k| *k == kind)
        .expect("every kind is searched") as i64
        + 1
}

/// The item a document's rowid names.
pub fn item_of_rowid(rowid: i64) -> Option<EntityRef> {
    let code = rowid >> ID_BITS;
    let kind = *SEARCH_KINDS.get(usize::try_from(code).ok()?.checked_sub(1)?)?;
    Some(EntityRef::new(kind, rowid & ((1 << ID_BITS) - 1)))
}

/// Marks around the matched words in a hit's text (the screen turns them into style).
/// Control characters never reach stored text (`domain::clean`), so they cannot clash.
pub const MATCH_START: char = '\u{1}';
pub const MATCH_END: char = '\u{2}';

/// What the user typed, as FTS5 queries: every word must match, as a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTerms {
    /// For the index with diacritics folded: every word ("lulea" finds "Luleå").
    pub folded: String,
    /// For the index of words as written: the words typed with a letter outside ASCII
    /// (å, ä, ö, é …), which then match only that spelling. `None` when there are none.
    pub exact: Option<String>,
    /// Every word is at most `INDEXED_PREFIX` letters long, so the index holds it as a
    /// prefix and a query need not expand it into the words it begins.
    pub all_indexed: bool,
    /// The words typed, lower-cased.
    pub words: Vec<String>,
}

/// The two search indexes: words with diacritics folded, and words as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchIndex {
    Folded,
    Exact,
}

/// The longest prefix the index keeps (migration 0010, `prefix = '1 2 3 4 5 6'`).
pub const INDEXED_PREFIX: usize = 6;

impl SearchTerms {
    /// `None` when nothing searchable was typed (only spaces or punctuation).
    ///
    /// Words are what the index's tokenizer sees as words (letters and digits); every
    /// other character separates them, so no FTS5 syntax ever reaches the query.
    pub fn parse(typed: &str) -> Option<SearchTerms> {
        let words: Vec<String> = typed
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if words.is_empty() {
            return None;
        }
        let phrase = |w: &String| format!("\"{w}\"*");
        let folded = words.iter().map(phrase).collect::<Vec<_>>().join(" ");
        let marked: Vec<String> = words.iter().filter(|w| !w.is_ascii()).map(phrase).collect();
        Some(SearchTerms {
            folded,
            exact: (!marked.is_empty()).then(|| marked.join(" ")),
            all_indexed: words.iter().all(|w| w.chars().count() <= INDEXED_PREFIX),
            words,
        })
    }

    /// The same queries with each word longer than `INDEXED_PREFIX` written out as the
    /// index's words it begins, `("dialogmote" OR "dialogmoten")`, which `terms` looks
    /// up (given the index and the word as that index keeps it). FTS5 answers a long
    /// prefix by merging the lists of every word it begins before giving the first row,
    /// once per statement; the same words as an OR are read as they are needed. A word
    /// stays a prefix when `terms` gives `None` or nothing, or when how the index folds
    /// one of its letters is not known here (`index_folded`).
    pub fn with_long_words_as<E>(
        &self,
        mut terms: impl FnMut(SearchIndex, &str) -> Result<Option<Vec<String>>, E>,
    ) -> Result<SearchTerms, E> {
        let mut folded = Vec::new();
        let mut exact = Vec::new();
        for word in &self.words {
            folded.push(query_word(word, SearchIndex::Folded, &mut terms)?);
            if !word.is_ascii() {
                exact.push(query_word(word, SearchIndex::Exact, &mut terms)?);
            }
        }
        // FTS5 joins a group to the next word only with a spelled-out AND.
        Ok(SearchTerms {
            folded: folded.join(" AND "),
            exact: (!exact.is_empty()).then(|| exact.join(" AND ")),
            all_indexed: self.all_indexed,
            words: self.words.clone(),
        })
    }
}

/// One word of a query: a prefix, or the words it begins (see `with_long_words_as`).
fn query_word<E>(
    word: &str,
    index: SearchIndex,
    terms: &mut impl FnMut(SearchIndex, &str) -> Result<Option<Vec<String>>, E>,
) -> Result<String, E> {
    let quoted = |w: &str| format!("\"{}\"", w.replace('"', "\"\""));
    if word.chars().count() > INDEXED_PREFIX
        && let Some(folded) = index_folded(word)
    {
        let key = match index {
            SearchIndex::Folded => folded,
            SearchIndex::Exact => word.to_string(),
        };
        if let Some(found) = terms(index, &key)?
            && !found.is_empty()
        {
            let any: Vec<String> = found.iter().map(|t| quoted(t)).collect();
            return Ok(format!("({})", any.join(" OR ")));
        }
    }
    Ok(format!("{}*", quoted(word)))
}

/// A lower-case word as the folded index keeps it (SQLite's `unicode61` tokenizer with
/// `remove_diacritics 2`), when that is known for every letter: ASCII, and the Latin
/// letters with a diacritic that Swedish text meets. `None` for any other letter (ø,
/// æ, ß, Greek …), which is then left to FTS5 itself.
pub fn index_folded(word: &str) -> Option<String> {
    word.chars()
        .map(|c| match c {
            c if c.is_ascii() => Some(c),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => Some('a'),
            'ç' => Some('c'),
            'è' | 'é' | 'ê' | 'ë' => Some('e'),
            'ì' | 'í' | 'î' | 'ï' => Some('i'),
            'ñ' => Some('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => Some('o'),
            'ù' | 'ú' | 'û' | 'ü' => Some('u'),
            'ý' | 'ÿ' => Some('y'),
            _ => None,
        })
        .collect()
}

/// One item found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub item: EntityRef,
    /// The item's title (or a note's first words), matched words between `MATCH_START`
    /// and `MATCH_END`.
    pub title: String,
    /// Where the other matched words are, in context; empty when only the title matched.
    pub snippet: String,
    /// Where the item lives: its project's code, its meeting, its organisation …
    pub context: String,
    /// The item's confidentiality label, for the kinds that carry one.
    pub label: Option<Confidentiality>,
}

/// The hits of one kind: how many there are, and the best of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchGroup {
    pub kind: EntityKind,
    pub total: usize,
    /// `total` is where counting stopped: there are at least that many.
    pub at_least: bool,
    pub hits: Vec<SearchHit>,
}

/// Search results, grouped by kind in `SEARCH_KINDS` order; kinds without hits are left
/// out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResults {
    pub groups: Vec<SearchGroup>,
}

impl SearchResults {
    /// Every hit counted, shown or not.
    pub fn total(&self) -> usize {
        self.groups.iter().map(|g| g.total).sum()
    }

    /// Whether some kind has more hits than were counted.
    pub fn at_least(&self) -> bool {
        self.groups.iter().any(|g| g.at_least)
    }

    /// The hits shown, in order.
    pub fn hits(&self) -> impl Iterator<Item = &SearchHit> {
        self.groups.iter().flat_map(|g| g.hits.iter())
    }

    pub fn shown(&self) -> usize {
        self.groups.iter().map(|g| g.hits.len()).sum()
    }
}

/// `text` split into (matched, part) pieces at the marks, marks removed.
pub fn split_marked(text: &str) -> Vec<(bool, &str)> {
    let mut parts = Vec::new();
    let mut matched = false;
    for (i, piece) in text.split([MATCH_START, MATCH_END]).enumerate() {
        if i > 0 {
            // Each mark toggles; FTS5 never nests them.
            matched = !matched;
        }
        if !piece.is_empty() {
            parts.push((matched, piece));
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_prefix_phrases_and_syntax_is_dropped() {
        let t = SearchTerms::parse("  Dialo* OR \"NEAR(x\" B-001 ").unwrap();
        assert_eq!(
            t.folded,
            "\"dialo\"* \"or\"* \"near\"* \"x\"* \"b\"* \"001\"*"
        );
        assert_eq!(t.exact, None);
        assert!(t.all_indexed);
        assert!(!SearchTerms::parse("dialogm").unwrap().all_indexed);
        assert_eq!(SearchTerms::parse(" -*() "), None);
    }

    #[test]
    fn long_words_are_written_out_as_the_words_they_begin() {
        let t = SearchTerms::parse("Dialogmöte om krav øresund").unwrap();
        let mut asked = Vec::new();
        let written = t
            .with_long_words_as(|index, word| {
                asked.push((index, word.to_string()));
                Ok::<_, ()>(match word {
                    "dialogmote" => Some(vec!["dialogmote".into(), "dialogmoten".into()]),
                    "dialogmöte" => Some(vec!["dialogmöte".into()]),
                    _ => None,
                })
            })
            .unwrap();
        assert_eq!(
            written.folded,
            "(\"dialogmote\" OR \"dialogmoten\") AND \"om\"* AND \"krav\"* AND \"øresund\"*"
        );
        assert_eq!(
            written.exact.as_deref(),
            Some("(\"dialogmöte\") AND \"øresund\"*")
        );
        // Short words are prefixes the index keeps; ø is not folded here, so the word
        // is left to FTS5 and never looked up.
        assert_eq!(
            asked,
            [
                (SearchIndex::Folded, "dialogmote".to_string()),
                (SearchIndex::Exact, "dialogmöte".to_string())
            ]
        );
        // Nothing found, or too many: the prefix as typed.
        let unchanged = t.with_long_words_as(|_, _| Ok::<_, ()>(None)).unwrap();
        assert_eq!(unchanged.folded, t.folded.replace("* ", "* AND "));
        assert_eq!(unchanged.exact, t.exact.map(|e| e.replace("* ", "* AND ")));
        assert_eq!(index_folded("Åäöéü"), None);
        assert_eq!(index_folded("åäöéü-1").as_deref(), Some("aaoeu-1"));
    }

    #[test]
    fn words_with_diacritics_also_go_to_the_exact_index() {
        let t = SearchTerms::parse("Luleå kommun").unwrap();
        assert_eq!(t.folded, "\"luleå\"* \"kommun\"*");
        assert_eq!(t.exact.as_deref(), Some("\"luleå\"*"));
    }

    #[test]
    fn rowids_name_kind_and_id() {
        for kind in SEARCH_KINDS {
            let rowid = (kind_code(kind) << ID_BITS) | 12345;
            assert_eq!(item_of_rowid(rowid), Some(EntityRef::new(kind, 12345)));
        }
        assert_eq!(item_of_rowid(7), None);
        assert_eq!(item_of_rowid(99 << ID_BITS), None);
        // Every kind that can be trashed is searched, a round's question as its round.
        let searched: Vec<EntityKind> = EntityKind::ALL
            .into_iter()
            .filter(|k| *k != EntityKind::RoundQuestion)
            .collect();
        assert_eq!(SEARCH_KINDS.len(), searched.len());
        assert!(searched.iter().all(|k| SEARCH_KINDS.contains(k)));
    }

    #[test]
    fn marks_split_text_into_matched_and_plain_parts() {
        let text = "a \u{1}Luleå\u{2} b \u{1}x\u{2}";
        assert_eq!(
            split_marked(text),
            vec![(false, "a "), (true, "Luleå"), (false, " b "), (true, "x")]
        );
    }
}
