//! A directory you can trust (issue 13, part 7): names that match an existing one,
//! merging two organisations or people, where an organisation is used, and its page.
//!
//! Merging and the usage count find what references a row from the schema itself
//! (`pragma_foreign_key_list`), so a table added by a later migration is moved and
//! counted without a change here.

use rusqlite::{Connection, params};

use super::{Result, Store, StoreError, changed};
use crate::domain::{
    FieldError, OrgContact, OrgProject, Organisation, OrganisationPage, Person, Usage,
};

/// Every (table, column) whose foreign key points at `target`, in a stable order.
fn references(conn: &Connection, target: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND f.\"table\" = ?1 ORDER BY m.name, f.\"from\"",
    )?;
    let rows = stmt.query_map([target], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn has_column(conn: &Connection, table: &str, column: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT count(*) > 0 FROM pragma_table_info(?1) WHERE name = ?2",
        params![table, column],
        |r| r.get(0),
    )?)
}

/// Moves every reference to `from` in `target`'s referencing tables to `into`. A row
/// that would then repeat one that already names `into` (the same person twice at a
/// meeting, an organisation twice among an entry's recipients) is dropped: it says
/// nothing the other does not. Returns how many rows moved and how many were dropped.
fn move_references(
    conn: &Connection,
    target: &str,
    from: i64,
    into: i64,
    now: &str,
) -> Result<(usize, usize)> {
    let (mut moved, mut dropped) = (0, 0);
    for (table, column) in references(conn, target)? {
        let stamp = if has_column(conn, &table, "updated_at")? {
            ", updated_at = ?3"
        } else {
            ""
        };
        let sql = format!(
            "UPDATE OR IGNORE \"{table}\" SET \"{column}\" = ?2{stamp} WHERE \"{column}\" = ?1"
        );
        moved += if stamp.is_empty() {
            conn.execute(&sql, params![from, into])?
        } else {
            conn.execute(&sql, params![from, into, now])?
        };
        dropped += conn.execute(
            &format!("DELETE FROM \"{table}\" WHERE \"{column}\" = ?1"),
            [from],
        )?;
    }
    Ok((moved, dropped))
}

/// What a merge did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merged {
    /// Rows that now reference the kept one.
    pub moved: usize,
    /// Rows dropped because the kept one had them already.
    pub dropped: usize,
}

impl Store {
    /// Live organisations whose name matches `name` (case, diacritics and extra spaces
    /// ignored), except `except`: asked before creating or renaming one.
    pub fn organisations_named(
        &self,
        name: &str,
        except: Option<i64>,
    ) -> Result<Vec<Organisation>> {
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id FROM organisations WHERE deleted_at IS NULL
                   AND name_key(name) = ?1 AND id IS NOT ?2 ORDER BY id",
            )?;
            let rows =
                stmt.query_map(params![crate::domain::name_key(name), except], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        ids.into_iter().map(|id| self.organisation(id)).collect()
    }

    /// Live people whose name matches `name` (as for organisations), except `except`.
    pub fn people_named(&self, name: &str, except: Option<i64>) -> Result<Vec<Person>> {
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id FROM people WHERE deleted_at IS NULL
                   AND name_key(name) = ?1 AND id IS NOT ?2 ORDER BY id",
            )?;
            let rows =
                stmt.query_map(params![crate::domain::name_key(name), except], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        ids.into_iter().map(|id| self.person(id)).collect()
    }

    /// Merges organisation `from` into `into`: everything that references `from` moves
    /// to `into`, and `from` goes to the trash. All or nothing. Where both are suppliers
    /// of one dialogue round they become one supplier first (`rounds_merge`).
    pub fn merge_organisations(&mut self, from: i64, into: i64) -> Result<Merged> {
        let now = self.now();
        self.merge("organisations", from, into, |tx, from, into| {
            super::rounds_merge::join_round_suppliers(tx, from, into, &now).map(|_| ())
        })
    }

    /// Merges person `from` into `into`, like organisations; the kept person takes the
    /// title, e-mail, phone and organisation of the other where it has none.
    pub fn merge_people(&mut self, from: i64, into: i64) -> Result<Merged> {
        self.merge("people", from, into, |tx, from, into| {
            tx.execute(
                "UPDATE people SET
                    title = CASE WHEN title = '' THEN (SELECT title FROM people WHERE id = ?1)
                            ELSE title END,
                    email = CASE WHEN email = '' THEN (SELECT email FROM people WHERE id = ?1)
                            ELSE email END,
                    phone = CASE WHEN phone = '' THEN (SELECT phone FROM people WHERE id = ?1)
                            ELSE phone END,
                    organisation_id = coalesce(organisation_id,
                            (SELECT organisation_id FROM people WHERE id = ?1))
                 WHERE id = ?2",
                params![from, into],
            )?;
            Ok(())
        })
    }

    fn merge(
        &mut self,
        table: &str,
        from: i64,
        into: i64,
        fill: impl FnOnce(&Connection, i64, i64) -> Result<()>,
    ) -> Result<Merged> {
        if from == into {
            return Err(StoreError::Conflict("merge", FieldError::MergeSelf));
        }
        let now = self.now();
        let tx = super::write_tx(&mut self.conn)?;
        for id in [from, into] {
            let live: Option<bool> = tx
                .query_row(
                    &format!("SELECT deleted_at IS NULL FROM {table} WHERE id = ?1"),
                    [id],
                    |r| r.get(0),
                )
                .ok();
            if live != Some(true) {
                return Err(StoreError::NotFound);
            }
        }
        fill(&tx, from, into)?;
        let (moved, dropped) = move_references(&tx, table, from, into, &now)?;
        changed(tx.execute(
            &format!("UPDATE {table} SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1"),
            params![from, now],
        )?)?;
        changed(tx.execute(
            &format!("UPDATE {table} SET updated_at = ?2 WHERE id = ?1"),
            params![into, now],
        )?)?;
        tx.commit()?;
        Ok(Merged { moved, dropped })
    }

    /// Where an organisation is used: each referencing table with the number of its
    /// live rows that name it (tables without a trash count every row).
    pub fn organisation_usage(&self, id: i64) -> Result<Vec<Usage>> {
        let mut usage = Vec::new();
        for (table, column) in references(&self.conn, "organisations")? {
            let live = if has_column(&self.conn, &table, "deleted_at")? {
                " AND deleted_at IS NULL"
            } else {
                ""
            };
            let rows: i64 = self.conn.query_row(
                &format!("SELECT count(*) FROM \"{table}\" WHERE \"{column}\" = ?1{live}"),
                [id],
                |r| r.get(0),
            )?;
            if rows > 0 {
                usage.push(Usage { table, rows });
            }
        }
        Ok(usage)
    }

    /// An organisation's page: its people, the projects it appears in, and every
    /// contact (meetings its people were invited to, information it was given,
    /// declared interests). The record of supplier contacts the documentation duty
    /// asks for.
    pub fn organisation_page(&self, id: i64) -> Result<OrganisationPage> {
        let organisation = self.organisation(id)?;
        let people = self.people_of_organisation(id)?;
        // Every way a project involves the organisation, each from its own index: as
        // buyer, through its people at the project's meetings, as a recipient of
        // information given, and through declared interests (its own or its people's).
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.code, p.title, p.buyer_id IS ?1 FROM projects p
             WHERE p.deleted_at IS NULL AND p.id IN (
                 SELECT b.id FROM projects b WHERE b.buyer_id = ?1
                 UNION SELECT m.project_id FROM people pe
                       JOIN attendance a ON a.person_id = pe.id
                       JOIN meetings m ON m.id = a.meeting_id
                       WHERE pe.organisation_id = ?1 AND m.deleted_at IS NULL
                 UNION SELECT i.project_id FROM information_recipients r
                       JOIN information_items i ON i.id = r.item_id
                       WHERE r.organisation_id = ?1 AND i.deleted_at IS NULL
                 UNION SELECT t.project_id FROM interests t
                       WHERE t.organisation_id = ?1 AND t.deleted_at IS NULL
                 UNION SELECT t.project_id FROM people pe
                       JOIN interests t ON t.person_id = pe.id
                       WHERE pe.organisation_id = ?1 AND +t.organisation_id IS NULL
                         AND t.deleted_at IS NULL)
             ORDER BY p.code",
        )?;
        let projects = stmt
            .query_map([id], |r| {
                Ok(OrgProject {
                    id: r.get(0)?,
                    code: r.get(1)?,
                    title: r.get(2)?,
                    buyer: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // From its people to the meetings they were asked to (attendance_person).
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, p.code, m.title, m.kind, m.start_at, m.status,
                    group_concat(pe.name, ', ')
             FROM people pe JOIN attendance a ON a.person_id = pe.id
             JOIN meetings m ON m.id = a.meeting_id
             JOIN projects p ON p.id = m.project_id
             WHERE pe.organisation_id = ?1 AND m.deleted_at IS NULL AND p.deleted_at IS NULL
             GROUP BY m.id ORDER BY m.start_at, m.id",
        )?;
        let meetings = stmt
            .query_map([id], |r| {
                Ok(OrgContact {
                    meeting_id: r.get(0)?,
                    project_code: r.get(1)?,
                    title: r.get(2)?,
                    kind: super::projects::enum_col(r, 3)?,
                    start_at: r.get(4)?,
                    status: super::projects::enum_col(r, 5)?,
                    people: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let information = self.information_items_of_organisation(id)?;
        let interests = self.interests_of_organisation(id)?;
        Ok(OrganisationPage {
            organisation,
            people,
            projects,
            meetings,
            information,
            interests,
        })
    }
}
