//! The lessons library a page at a time (`keyset_list`): live lessons of live (or no)
//! projects matching the filter bar, by phase (lessons without one last), then title in
//! Swedish order, then id. The order has no index (titles sort `COLLATE sv`, which an
//! index must not use: other SQLite tools could not open the file), so SQLite keeps the
//! page's rows while it reads the matching lessons' keys, instead of the library
//! building every lesson and sorting them all.

use rusqlite::types::Value;

use super::Store;
use super::keyset_list::{KeysetList, ListSpec, Paged};
use super::paging::OrderColumn;
use super::projects::ordinal_case;
use super::suggestions::{LESSON_COLUMNS, lesson_from_row};
use crate::domain::{Lesson, LessonFilter, Phase, TextEnum};

/// One row of a library page: the lesson unless it cannot be read.
pub type PagedLesson = Paged<Lesson>;

const LIBRARY_WHERE: &str = "l.deleted_at IS NULL AND (p.id IS NULL OR p.deleted_at IS NULL)
   AND (?1 IS NULL OR l.phase = ?1)
   AND (?2 IS NULL OR l.kind = ?2)
   AND (?3 = '' OR instr(fold(l.title || ' ' || l.context || ' ' || l.what_happened
        || ' ' || l.what_we_learned || ' ' || l.recommendation), ?3) > 0)";

impl Store {
    /// The lessons library as the filter bar narrows it, to be read a page at a time.
    pub fn library_lessons(&self, filter: &LessonFilter) -> KeysetList<'_, Lesson> {
        let text = |s: Option<&str>| s.map_or(Value::Null, |s| Value::Text(s.to_owned()));
        KeysetList::new(
            self,
            ListSpec {
                table: "lessons",
                columns: LESSON_COLUMNS,
                width: 14,
                from: "lessons l LEFT JOIN projects p ON p.id = l.project_id",
                id: "l.id",
                filter: LIBRARY_WHERE.to_owned(),
                values: vec![
                    text(filter.phase.map(|p| p.as_str())),
                    text(filter.kind.map(|k| k.as_str())),
                    Value::Text(filter.text.trim().to_lowercase()),
                ],
                // A phase the CHECK does not know (an unreadable row) sorts first among
                // the phased ones.
                order: vec![
                    OrderColumn::asc("l.phase IS NULL"),
                    OrderColumn::asc(format!("ifnull({}, -1)", ordinal_case::<Phase>("l.phase"))),
                    OrderColumn::asc("l.title COLLATE sv"),
                ],
                read: lesson_from_row,
            },
        )
    }
}
