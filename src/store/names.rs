//! The names of every live project and person, and nothing else, for the command
//! palette's fuzzy matching (which needs every candidate), and a stamp that changes
//! whenever the store does, so that the names are read again only then.

use super::readable::read_rows;
use super::{Result, Store};

/// A project or a person as the palette matches and shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedItem {
    pub id: i64,
    /// What is matched: a project's code and title, a person's name.
    pub name: String,
    /// Where it lives: a project's buyer, a person's organisation.
    pub detail: String,
}

/// What `Store::change_stamp` returns: equal stamps, no change in between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeStamp {
    /// SQLite's `data_version`: moves when another connection (window) commits.
    others: i64,
    /// Rows this connection has changed since it was opened.
    own: u64,
}

impl Store {
    /// Live projects by code: "code title", with the buyer's name.
    pub fn project_names(&self) -> Result<Vec<NamedItem>> {
        self.named(
            "SELECT p.id, p.code || ' ' || p.title, ifnull(o.name, '')
             FROM projects p LEFT JOIN organisations o ON o.id = p.buyer_id
             WHERE p.deleted_at IS NULL ORDER BY p.code",
            "projects",
        )
    }

    /// Live people by name, with their organisation's name.
    pub fn person_names(&self) -> Result<Vec<NamedItem>> {
        self.named(
            "SELECT p.id, p.name, ifnull(o.name, '')
             FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id
             WHERE p.deleted_at IS NULL ORDER BY p.name COLLATE sv",
            "people",
        )
    }

    fn named(&self, sql: &str, table: &'static str) -> Result<Vec<NamedItem>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let listed = read_rows(&mut stmt, [], table, |r| {
            Ok(NamedItem {
                id: r.get(0)?,
                name: r.get(1)?,
                detail: r.get(2)?,
            })
        })?;
        Ok(self.readable(listed))
    }

    /// A stamp of the store's contents: it differs after any write, in this window or
    /// another; reading it costs no table read.
    /// SQLite's `data_version`: it moves when another connection (window, command)
    /// commits, not when this one does.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    pub fn change_stamp(&self) -> Result<ChangeStamp> {
        Ok(ChangeStamp {
            others: self.data_version()?,
            own: self.conn.total_changes(),
        })
    }
}
