//! The windows (`app::window`) of the lists the store reads through `KeysetList`: the
//! lessons library and the directory's organisations and people. A screen keeps a
//! `Window` and a `Cursor` for each; these read into them.

use super::Cursor;
use super::window::{Keyed, Source, Window};
use crate::store::{KeysetList, Page, Paged, Result, RowKey};

impl<T> Keyed for Paged<T> {
    type Key = RowKey;
    fn key(&self) -> &RowKey {
        &self.key
    }
}

impl<T> Source<Paged<T>> for KeysetList<'_, T> {
    fn count(&self) -> Result<usize> {
        KeysetList::count(self)
    }
    fn before(&self, key: &RowKey) -> Result<usize> {
        KeysetList::before(self, key)
    }
    fn page(&self, page: Page<'_, RowKey>, limit: usize) -> Result<Vec<Paged<T>>> {
        KeysetList::page(self, page, limit)
    }
}

/// The count again and the window from where it was, then the rows at the cursor
/// (kept on the list).
pub(super) fn reload<T>(
    window: &mut Window<Paged<T>>,
    cursor: &mut Cursor,
    list: &KeysetList<'_, T>,
) -> Result<()> {
    let reloaded = window.reloaded(list)?;
    cursor.clamp(reloaded.count);
    *window = reloaded;
    follow(window, cursor, list)
}

/// Reads the rows the cursor has moved onto (`Window::read_for`).
pub(super) fn follow<T>(
    window: &mut Window<Paged<T>>,
    cursor: &mut Cursor,
    list: &KeysetList<'_, T>,
) -> Result<()> {
    let at = cursor.selected;
    if let Some(step) = window.read_for(at, list)? {
        cursor.selected = window.apply(step, at);
    }
    Ok(())
}

/// Puts the cursor on the row `id` if the list shows it, with the window around it
/// (its place counted in SQL); false when the list does not show it.
pub(super) fn select<T>(
    window: &mut Window<Paged<T>>,
    cursor: &mut Cursor,
    list: &KeysetList<'_, T>,
    id: i64,
) -> Result<bool> {
    let Some(key) = list.key(id)? else {
        return Ok(false);
    };
    Ok(match window.around(&key, list)? {
        Some((around, place)) => {
            *window = around;
            cursor.selected = place;
            true
        }
        None => false,
    })
}

/// The readable rows of a window, in order.
pub fn readable<T>(window: &Window<Paged<T>>) -> impl Iterator<Item = &T> {
    window.rows.iter().filter_map(|r| r.row.as_ref())
}

/// Ids of the loaded rows that cannot be read.
pub fn unreadable<T>(window: &Window<Paged<T>>) -> Vec<i64> {
    window
        .rows
        .iter()
        .filter(|r| r.row.is_none())
        .map(Paged::id)
        .collect()
}
