//! A list screen's window on a long list: the count of matching rows and at most
//! `WINDOW` rows around the cursor, read a page at a time in the list's order through
//! the store's keyset paging, so that a visit or a key costs the same at any size. The
//! actions screen and the portfolio use it; any list whose store reads `Page`s can.
//!
//! The cursor counts rows of the whole list; the window is rows `offset..offset + len`.

use crate::store::{Page, Result};

/// Rows read when the cursor steps just past the window.
pub const STEP: usize = 50;
/// Rows a window keeps: two steps, more than a terminal shows, so that the rows of the
/// page around the cursor are always there.
pub const WINDOW: usize = 2 * STEP;

/// A row of a paged list: its place in the order.
pub trait Keyed {
    type Key: Clone + PartialEq;
    fn key(&self) -> &Self::Key;
}

/// The store's reads of one list, with its filter.
pub trait Source<R: Keyed> {
    /// How many rows match.
    fn count(&self) -> Result<usize>;
    /// How many matching rows come before this one: its row number.
    fn before(&self, key: &R::Key) -> Result<usize>;
    /// At most `limit` rows starting or ending where `page` says, in order.
    fn page(&self, page: Page<'_, R::Key>, limit: usize) -> Result<Vec<R>>;
}

/// The loaded rows of a list: row `offset` of the whole list onwards.
#[derive(Debug, Clone)]
pub struct Window<R> {
    pub rows: Vec<R>,
    pub offset: usize,
    /// How many rows match (the cursor moves over all of them).
    pub count: usize,
}

impl<R> Default for Window<R> {
    fn default() -> Self {
        Window {
            rows: Vec::new(),
            offset: 0,
            count: 0,
        }
    }
}

/// Rows read for the cursor, to be put into the window (`Window::apply`).
pub enum Step<R> {
    Append(Vec<R>),
    Prepend(Vec<R>),
    Replace(usize, Vec<R>),
}

impl<R: Keyed> Window<R> {
    /// The row at place `at` of the whole list, if loaded.
    pub fn get(&self, at: usize) -> Option<&R> {
        self.rows.get(at.checked_sub(self.offset)?)
    }

    /// The places of the loaded rows.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.offset..self.offset + self.rows.len()
    }

    /// The count again and the window from where it was (its first row), or from the
    /// top when nothing was loaded.
    pub fn reloaded(&self, source: &impl Source<R>) -> Result<Window<R>> {
        let count = source.count()?;
        let (offset, rows) = match self.rows.first().map(Keyed::key) {
            Some(key) => (source.before(key)?, source.page(Page::From(key), WINDOW)?),
            None => (0, source.page(Page::First, WINDOW)?),
        };
        Ok(Window {
            rows,
            offset,
            count,
        })
    }

    /// What to read so that row `at` is loaded (`None` when it is): the next or
    /// previous step next to the window when the cursor stepped just past it, else the
    /// first or last rows.
    pub fn read_for(&self, at: usize, source: &impl Source<R>) -> Result<Option<Step<R>>> {
        let range = self.range();
        if range.contains(&at) || self.count == 0 {
            return Ok(None);
        }
        let first = self.rows.first().map(Keyed::key);
        let last = self.rows.last().map(Keyed::key);
        let step = if let Some(last) = last.filter(|_| at >= range.end && at < range.end + STEP) {
            Step::Append(source.page(Page::After(last), STEP)?)
        } else if let Some(first) = first.filter(|_| at < range.start && at + STEP >= range.start) {
            Step::Prepend(source.page(Page::Before(first), STEP)?)
        } else if at < WINDOW {
            Step::Replace(0, source.page(Page::First, WINDOW)?)
        } else {
            // Far from the window (End, PgDn held): the last rows; the window keeps the
            // last row at its end.
            let rows = source.page(Page::Last, WINDOW)?;
            Step::Replace(self.count.saturating_sub(rows.len()), rows)
        };
        Ok(Some(step))
    }

    /// Puts read rows into the window, keeping at most `WINDOW`; returns the cursor
    /// `at` moved onto a loaded row if the list changed under the window.
    pub fn apply(&mut self, step: Step<R>, at: usize) -> usize {
        match step {
            Step::Append(rows) => {
                self.rows.extend(rows);
                let extra = self.rows.len().saturating_sub(WINDOW);
                self.rows.drain(..extra);
                self.offset += extra;
            }
            Step::Prepend(mut rows) => {
                self.offset = self.offset.saturating_sub(rows.len());
                rows.append(&mut self.rows);
                rows.truncate(WINDOW);
                self.rows = rows;
            }
            Step::Replace(offset, rows) => {
                self.offset = offset;
                self.rows = rows;
            }
        }
        self.keep_on_row(at)
    }

    /// `at`, or the nearest loaded row when it is not loaded.
    pub fn keep_on_row(&self, at: usize) -> usize {
        let range = self.range();
        if at >= range.end {
            range.end.saturating_sub(1)
        } else {
            at.max(range.start)
        }
    }

    /// The window around the row at `key` (half a window before it, the rest from it)
    /// and that row's place, or `None` when the filter does not show it.
    pub fn around(
        &self,
        key: &R::Key,
        source: &impl Source<R>,
    ) -> Result<Option<(Window<R>, usize)>> {
        let from = source.page(Page::From(key), WINDOW - STEP)?;
        if from.first().map(Keyed::key) != Some(key) {
            return Ok(None);
        }
        let mut rows = source.page(Page::Before(key), STEP)?;
        let place = source.before(key)?;
        let offset = place.saturating_sub(rows.len());
        rows.extend(from);
        let count = source.count()?;
        Ok(Some((
            Window {
                rows,
                offset,
                count,
            },
            place,
        )))
    }
}
