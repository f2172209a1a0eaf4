//! Unsaved form contents, kept so that quitting mid-edit loses nothing.

use rusqlite::{OptionalExtension, params};

use super::{Result, Store};

#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub payload: String,
    pub updated_at: String,
}

impl Store {
    pub fn save_draft(&mut self, key: &str, payload: &str) -> Result<()> {
        let now = self.now();
        self.conn.execute(
            "INSERT INTO drafts (key, payload, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(key) DO UPDATE SET payload = excluded.payload,
                updated_at = excluded.updated_at",
            params![key, payload, now],
        )?;
        Ok(())
    }

    pub fn draft(&self, key: &str) -> Result<Option<Draft>> {
        Ok(self
            .conn
            .query_row(
                "SELECT payload, updated_at FROM drafts WHERE key = ?1",
                [key],
                |r| {
                    Ok(Draft {
                        payload: r.get(0)?,
                        updated_at: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn discard_draft(&mut self, key: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM drafts WHERE key = ?1", [key])?;
        Ok(())
    }
}
