use rusqlite::{OptionalExtension, Row, params};

use super::projects::enum_col;
use super::readable::{Listed, read_one, read_optional, read_rows};
use super::{Result, Store, changed, new_uuid};
use crate::domain::{
    OrgKind, Organisation, OrganisationFilter, OrganisationInput, Person, PersonFilter,
    PersonInput, TextEnum,
};

pub(super) const ORG_COLUMNS: &str = "id, uuid, name, kind, created_at, updated_at";

pub(super) fn org_from_row(r: &Row<'_>) -> rusqlite::Result<Organisation> {
    Ok(Organisation {
        id: r.get(0)?,
        uuid: r.get(1)?,
        name: r.get(2)?,
        kind: enum_col(r, 3)?,
        created_at: r.get(4)?,
        updated_at: r.get(5)?,
    })
}

pub(super) const PERSON_COLUMNS: &str = "p.id, p.uuid, p.name, p.organisation_id, o.name, p.title,
    p.email, p.phone, p.created_at, p.updated_at";

pub(super) fn person_from_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        uuid: r.get(1)?,
        name: r.get(2)?,
        organisation_id: r.get(3)?,
        organisation_name: r.get(4)?,
        title: r.get(5)?,
        email: r.get(6)?,
        phone: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

/// Finds a live organisation by name (ignoring case, diacritics and extra spaces) or creates one; empty name is none.
/// New organisations made this way are contracting authorities unless told otherwise.
pub(super) fn resolve_organisation(
    tx: &rusqlite::Connection,
    name: &str,
    now: &str,
) -> Result<Option<i64>> {
    resolve_organisation_of_kind(tx, name, OrgKind::ContractingAuthority, now)
}

pub(super) fn resolve_organisation_of_kind(
    tx: &rusqlite::Connection,
    name: &str,
    kind: OrgKind,
    now: &str,
) -> Result<Option<i64>> {
    let name = name.trim();
    if name.is_empty() {
        return Ok(None);
    }
    let existing: Option<i64> = tx
        .query_row(
            "SELECT id FROM organisations WHERE deleted_at IS NULL AND name_key(name) = ?1
             ORDER BY id LIMIT 1",
            [crate::domain::name_key(name)],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
        return Ok(Some(id));
    }
    tx.execute(
        "INSERT INTO organisations (uuid, name, kind, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)",
        params![new_uuid(), name, kind.as_str(), now],
    )?;
    Ok(Some(tx.last_insert_rowid()))
}

impl Store {
    pub fn list_organisations(&self) -> Result<Vec<Organisation>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ORG_COLUMNS} FROM organisations WHERE deleted_at IS NULL
             ORDER BY name COLLATE sv"
        ))?;
        let listed = read_rows(&mut stmt, [], "organisations", org_from_row)?;
        Ok(self.readable(listed))
    }

    /// Live organisations whose name contains `text` (ignoring case), best matches first.
    pub fn suggest_organisations(&self, text: &str, limit: usize) -> Result<Vec<Organisation>> {
        let needle = text.trim().to_lowercase();
        if needle.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ORG_COLUMNS} FROM organisations
             WHERE deleted_at IS NULL AND instr(fold(name), ?1) > 0
             ORDER BY instr(fold(name), ?1) != 1, name COLLATE sv LIMIT ?2"
        ))?;
        let listed = read_rows(
            &mut stmt,
            params![needle, limit as i64],
            "organisations",
            org_from_row,
        )?;
        Ok(self.readable(listed))
    }

    pub fn organisation(&self, id: i64) -> Result<Organisation> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ORG_COLUMNS} FROM organisations WHERE id = ?1"
        ))?;
        read_one(&mut stmt, [id], "organisations", org_from_row)
    }

    pub fn create_organisation(&mut self, input: &OrganisationInput) -> Result<i64> {
        self.create_organisation_with_uuid(input, &new_uuid())
    }

    pub(crate) fn create_organisation_with_uuid(
        &mut self,
        input: &OrganisationInput,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        self.conn.execute(
            "INSERT INTO organisations (uuid, name, kind, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![uuid, input.name, input.kind.as_str(), now],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn update_organisation(&mut self, id: i64, input: &OrganisationInput) -> Result<()> {
        let now = self.now();
        let n = self.conn.execute(
            "UPDATE organisations SET name = ?2, kind = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, input.name, input.kind.as_str(), now],
        )?;
        changed(n)
    }

    pub fn list_people(&self) -> Result<Vec<Person>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM people p
             LEFT JOIN organisations o ON o.id = p.organisation_id
             WHERE p.deleted_at IS NULL ORDER BY p.name COLLATE sv"
        ))?;
        let listed = read_rows(&mut stmt, [], "people", person_from_row)?;
        Ok(self.readable(listed))
    }

    /// The live people of one organisation, by name.
    pub fn people_of_organisation(&self, organisation_id: i64) -> Result<Vec<Person>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM people p
             LEFT JOIN organisations o ON o.id = p.organisation_id
             WHERE p.deleted_at IS NULL AND p.organisation_id = ?1
             ORDER BY p.name COLLATE sv"
        ))?;
        let listed = read_rows(&mut stmt, [organisation_id], "people", person_from_row)?;
        Ok(self.readable(listed))
    }

    /// Live people whose name contains `text` (ignoring case), best matches first.
    pub fn suggest_people(&self, text: &str, limit: usize) -> Result<Vec<Person>> {
        let needle = text.trim().to_lowercase();
        if needle.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM people p
             LEFT JOIN organisations o ON o.id = p.organisation_id
             WHERE p.deleted_at IS NULL AND instr(fold(p.name), ?1) > 0
             ORDER BY instr(fold(p.name), ?1) != 1, p.name COLLATE sv LIMIT ?2"
        ))?;
        let listed = read_rows(
            &mut stmt,
            params![needle, limit as i64],
            "people",
            person_from_row,
        )?;
        Ok(self.readable(listed))
    }

    /// The live person with this name (ignoring case, diacritics and extra spaces), if any.
    pub fn person_by_name(&self, name: &str) -> Result<Option<Person>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM people p
                     LEFT JOIN organisations o ON o.id = p.organisation_id
                     WHERE p.deleted_at IS NULL AND name_key(p.name) = ?1 ORDER BY p.id LIMIT 1"
        ))?;
        read_optional(
            &mut stmt,
            [crate::domain::name_key(name)],
            "people",
            person_from_row,
        )
    }

    pub fn person(&self, id: i64) -> Result<Person> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM people p
                 LEFT JOIN organisations o ON o.id = p.organisation_id WHERE p.id = ?1"
        ))?;
        read_one(&mut stmt, [id], "people", person_from_row)
    }

    /// Creates a person; an organisation named but not yet known is created too.
    pub fn create_person(&mut self, input: &PersonInput) -> Result<i64> {
        self.create_person_with_uuid(input, &new_uuid())
    }

    pub(crate) fn create_person_with_uuid(
        &mut self,
        input: &PersonInput,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        let tx = super::write_tx(&mut self.conn)?;
        let org =
            resolve_organisation_of_kind(&tx, &input.organisation_name, OrgKind::Other, &now)?;
        tx.execute(
            "INSERT INTO people (uuid, name, organisation_id, title, email, phone,
                created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![
                uuid,
                input.name,
                org,
                input.title,
                input.email,
                input.phone,
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    pub fn update_person(&mut self, id: i64, input: &PersonInput) -> Result<()> {
        let now = self.now();
        let tx = super::write_tx(&mut self.conn)?;
        let org =
            resolve_organisation_of_kind(&tx, &input.organisation_name, OrgKind::Other, &now)?;
        let n = tx.execute(
            "UPDATE people SET name = ?2, organisation_id = ?3, title = ?4, email = ?5,
                phone = ?6, updated_at = ?7 WHERE id = ?1",
            params![
                id,
                input.name,
                org,
                input.title,
                input.email,
                input.phone,
                now
            ],
        )?;
        changed(n)?;
        tx.commit()?;
        Ok(())
    }
}

/// The directory as the filter bar narrows it.
impl Store {
    /// The readable rows of `list_organisations_filtered_listed`; the others are noted (`take_set_aside`).
    pub fn list_organisations_filtered(
        &self,
        filter: &OrganisationFilter,
    ) -> Result<Vec<Organisation>> {
        let listed = self.list_organisations_filtered_listed(filter)?;
        Ok(self.readable(listed))
    }

    /// Live organisations of one kind (if given) whose name contains the text.
    pub fn list_organisations_filtered_listed(
        &self,
        filter: &OrganisationFilter,
    ) -> Result<Listed<Organisation>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ORG_COLUMNS} FROM organisations WHERE deleted_at IS NULL
               AND (?1 IS NULL OR kind = ?1)
               AND (?2 = '' OR instr(fold(name), ?2) > 0)
             ORDER BY name COLLATE sv"
        ))?;
        let listed = read_rows(
            &mut stmt,
            params![
                filter.kind.map(|k| k.as_str()),
                filter.text.trim().to_lowercase()
            ],
            "organisations",
            org_from_row,
        )?;
        Ok(listed)
    }

    /// Live people of one organisation (if given) whose name, title, e-mail or
    /// organisation contains the text.
    pub fn list_people_filtered(&self, filter: &PersonFilter) -> Result<Vec<Person>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM people p
             LEFT JOIN organisations o ON o.id = p.organisation_id
             WHERE p.deleted_at IS NULL
               AND (?1 IS NULL OR p.organisation_id = ?1)
               AND (?2 = '' OR instr(fold(p.name || ' ' || p.title || ' ' || p.email || ' '
                    || ifnull(o.name, '')), ?2) > 0)
             ORDER BY p.name COLLATE sv"
        ))?;
        let listed = read_rows(
            &mut stmt,
            params![filter.organisation_id, filter.text.trim().to_lowercase()],
            "people",
            person_from_row,
        )?;
        Ok(self.readable(listed))
    }
}
