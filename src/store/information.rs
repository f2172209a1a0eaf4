//! The information log, declared interests and prior involvement, and the registration
//! of a meeting's documentation (migration 0013).

use rusqlite::{OptionalExtension, Row, params};

use super::projects::enum_col;
use super::readable::{Listed, read_one, read_rows};
use super::{Result, Store, changed, found, new_uuid};
use crate::domain::{
    InformationInput, InformationItem, Interest, InterestInput, MeetingEqualTreatment,
    PriorInvolvementWarning, Recipient, Registration, TextEnum,
};

const ITEM_COLUMNS: &str = "i.id, i.uuid, i.project_id, p.code, i.channel, i.meeting_id,
    m.title, i.origin, i.given_on, i.title, i.details, i.shared_on, i.shared_channel,
    i.created_at, i.updated_at";

const ITEM_FROM: &str = "information_items i JOIN projects p ON p.id = i.project_id
    LEFT JOIN meetings m ON m.id = i.meeting_id AND m.deleted_at IS NULL";

fn item_from_row(r: &Row<'_>) -> rusqlite::Result<InformationItem> {
    Ok(InformationItem {
        id: r.get(0)?,
        uuid: r.get(1)?,
        project_id: r.get(2)?,
        project_code: r.get(3)?,
        channel: enum_col(r, 4)?,
        meeting_id: r.get(5)?,
        meeting_title: r.get(6)?,
        origin: r.get(7)?,
        given_on: r.get(8)?,
        title: r.get(9)?,
        details: r.get(10)?,
        recipients: Vec::new(),
        shared_on: r.get(11)?,
        shared_channel: r.get(12)?,
        created_at: r.get(13)?,
        updated_at: r.get(14)?,
    })
}

const INTEREST_COLUMNS: &str = "t.id, t.uuid, t.project_id, p.code, t.organisation_id,
    coalesce(o.name, po.name), t.person_id, pe.name, t.kind, t.description, t.measures,
    t.declared_on, t.created_at, t.updated_at, coalesce(t.organisation_id, pe.organisation_id)";

// A person's interest names the person's organisation too.
const INTEREST_FROM: &str = "interests t JOIN projects p ON p.id = t.project_id
    LEFT JOIN organisations o ON o.id = t.organisation_id
    LEFT JOIN people pe ON pe.id = t.person_id
    LEFT JOIN organisations po ON po.id = pe.organisation_id";

fn interest_from_row(r: &Row<'_>) -> rusqlite::Result<Interest> {
    Ok(Interest {
        id: r.get(0)?,
        uuid: r.get(1)?,
        project_id: r.get(2)?,
        project_code: r.get(3)?,
        organisation_id: r.get::<_, Option<i64>>(4)?.or(r.get(14)?),
        organisation_name: r.get(5)?,
        person_id: r.get(6)?,
        person_name: r.get(7)?,
        kind: enum_col(r, 8)?,
        description: r.get(9)?,
        measures: r.get(10)?,
        declared_on: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

impl Store {
    /// The row of `kind` with this UUID, trashed or not.
    pub fn id_by_uuid(&self, kind: crate::domain::EntityKind, uuid: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT id FROM {} WHERE uuid = ?1",
                    super::trash::table(kind)
                ),
                [uuid],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The organisations named, each found by its folded name or created as `kind`;
    /// empty names are skipped and each organisation comes once. All or nothing.
    pub fn resolve_organisations(
        &mut self,
        names: &[String],
        kind: crate::domain::OrgKind,
    ) -> Result<Vec<i64>> {
        let now = self.now();
        let tx = super::write_tx(&mut self.conn)?;
        let mut ids = Vec::new();
        for name in names {
            if let Some(id) = super::directory::resolve_organisation_of_kind(&tx, name, kind, &now)?
                && !ids.contains(&id)
            {
                ids.push(id);
            }
        }
        tx.commit()?;
        Ok(ids)
    }

    // ----- the information log -------------------------------------------------------

    /// The readable rows of `information_items_listed`; the others are noted
    /// (`take_set_aside`).
    pub fn information_items(
        &self,
        project_id: Option<i64>,
        only_some: bool,
    ) -> Result<Vec<InformationItem>> {
        let listed = self.information_items_listed(project_id, only_some)?;
        Ok(self.readable(listed))
    }

    /// Live entries of live projects, of one project or all, newest given first; with
    /// `only_some`, just those not yet made available to everyone.
    pub fn information_items_listed(
        &self,
        project_id: Option<i64>,
        only_some: bool,
    ) -> Result<Listed<InformationItem>> {
        self.log_entries(
            "(?1 IS NULL OR i.project_id = ?1) AND (NOT ?2 OR i.shared_on IS NULL)",
            params![project_id, only_some],
        )
    }

    /// The live entries of live projects given to one organisation, in the log's
    /// order.
    pub fn information_items_of_organisation(
        &self,
        organisation_id: i64,
    ) -> Result<Vec<InformationItem>> {
        let listed = self.log_entries(
            "i.id IN (SELECT r.item_id FROM information_recipients r
                      WHERE r.organisation_id = ?1)",
            [organisation_id],
        )?;
        Ok(self.readable(listed))
    }

    /// Live entries of live projects that meet `condition`, in the log's order (by
    /// project, newest given first), each with its recipients.
    fn log_entries(
        &self,
        condition: &str,
        values: impl rusqlite::Params,
    ) -> Result<Listed<InformationItem>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM {ITEM_FROM}
             WHERE i.deleted_at IS NULL AND p.deleted_at IS NULL AND {condition}
             ORDER BY p.code, i.given_on DESC, i.id DESC"
        ))?;
        let mut listed = read_rows(&mut stmt, values, "information_items", item_from_row)?;
        for item in &mut listed.rows {
            item.recipients = self.recipients(item.id)?;
        }
        Ok(listed)
    }

    /// One entry, trashed or not.
    pub fn information_item(&self, id: i64) -> Result<InformationItem> {
        let mut item = {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT {ITEM_COLUMNS} FROM {ITEM_FROM} WHERE i.id = ?1"
            ))?;
            read_one(&mut stmt, [id], "information_items", item_from_row)
        }?;
        item.recipients = self.recipients(id)?;
        Ok(item)
    }

    fn recipients(&self, item_id: i64) -> Result<Vec<Recipient>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.id, o.name FROM information_recipients r
             JOIN organisations o ON o.id = r.organisation_id
             WHERE r.item_id = ?1 ORDER BY o.name COLLATE sv",
        )?;
        let rows = stmt.query_map([item_id], |r| {
            Ok(Recipient {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn create_information(&mut self, project_id: i64, input: &InformationInput) -> Result<i64> {
        self.create_information_with_uuid(project_id, input, &new_uuid())
    }

    /// Creates an entry with its recipients, all or nothing.
    pub(crate) fn create_information_with_uuid(
        &mut self,
        project_id: i64,
        input: &InformationInput,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        let tx = super::write_tx(&mut self.conn)?;
        tx.execute(
            "INSERT INTO information_items (uuid, project_id, channel, meeting_id, origin,
                given_on, title, details, shared_on, shared_channel, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            params![
                uuid,
                project_id,
                input.channel.as_str(),
                input.meeting_id,
                input.origin,
                input.given_on,
                input.title,
                input.details,
                input.shared_on,
                input.shared_channel,
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        set_recipients(&tx, id, &input.recipients)?;
        tx.commit()?;
        Ok(id)
    }

    /// Replaces an entry's fields and recipients, all or nothing.
    pub fn update_information(&mut self, id: i64, input: &InformationInput) -> Result<()> {
        let now = self.now();
        let tx = super::write_tx(&mut self.conn)?;
        changed(tx.execute(
            "UPDATE information_items SET channel = ?2, meeting_id = ?3, origin = ?4,
                given_on = ?5, title = ?6, details = ?7, shared_on = ?8, shared_channel = ?9,
                updated_at = ?10
             WHERE id = ?1",
            params![
                id,
                input.channel.as_str(),
                input.meeting_id,
                input.origin,
                input.given_on,
                input.title,
                input.details,
                input.shared_on,
                input.shared_channel,
                now
            ],
        )?)?;
        set_recipients(&tx, id, &input.recipients)?;
        tx.commit()?;
        Ok(())
    }

    /// The organisations of the suppliers' people invited to `meeting_id`: who an entry
    /// given in that meeting went to, unless told otherwise.
    pub fn meeting_supplier_organisations(&self, meeting_id: i64) -> Result<Vec<Recipient>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT o.id, o.name FROM attendance a
             JOIN people pe ON pe.id = a.person_id AND pe.deleted_at IS NULL
             JOIN organisations o ON o.id = pe.organisation_id AND o.deleted_at IS NULL
             WHERE a.meeting_id = ?1 AND o.kind = 'supplier'
             ORDER BY o.name COLLATE sv",
        )?;
        organisations_of(&mut stmt, meeting_id)
    }

    /// The supplier organisations that take part in a project's live meetings: "all
    /// suppliers" as far as the store knows.
    pub fn project_supplier_organisations(&self, project_id: i64) -> Result<Vec<Recipient>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT o.id, o.name FROM meetings m
             JOIN attendance a ON a.meeting_id = m.id
             JOIN people pe ON pe.id = a.person_id AND pe.deleted_at IS NULL
             JOIN organisations o ON o.id = pe.organisation_id AND o.deleted_at IS NULL
             WHERE m.project_id = ?1 AND m.deleted_at IS NULL AND o.kind = 'supplier'
             ORDER BY o.name COLLATE sv",
        )?;
        organisations_of(&mut stmt, project_id)
    }

    /// Entries given in one meeting (the equal-treatment checklist shows them).
    pub fn meeting_information(&self, meeting_id: i64) -> Result<Vec<InformationItem>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} FROM {ITEM_FROM}
             WHERE i.deleted_at IS NULL AND i.meeting_id = ?1
             ORDER BY i.given_on, i.id"
        ))?;
        let listed = read_rows(&mut stmt, [meeting_id], "information_items", item_from_row)?;
        let mut items = self.readable(listed);
        for item in &mut items {
            item.recipients = self.recipients(item.id)?;
        }
        Ok(items)
    }

    // ----- interests and prior involvement --------------------------------------------

    /// The readable rows of `interests_listed`; the others are noted (`take_set_aside`).
    pub fn interests(&self, project_id: Option<i64>) -> Result<Vec<Interest>> {
        let listed = self.interests_listed(project_id)?;
        Ok(self.readable(listed))
    }

    /// A project's live declarations, by kind and who declared.
    pub fn interests_listed(&self, project_id: Option<i64>) -> Result<Listed<Interest>> {
        self.declarations("(?1 IS NULL OR t.project_id = ?1)", project_id)
    }

    /// The live declarations in live projects that name one organisation: its own,
    /// and its people's that name no other.
    pub fn interests_of_organisation(&self, organisation_id: i64) -> Result<Vec<Interest>> {
        let listed = self.declarations(
            "t.id IN (SELECT i.id FROM interests i WHERE i.organisation_id = ?1
                      UNION SELECT i.id FROM people ip
                            JOIN interests i ON i.person_id = ip.id
                            WHERE ip.organisation_id = ?1 AND +i.organisation_id IS NULL)",
            Some(organisation_id),
        )?;
        Ok(self.readable(listed))
    }

    /// Live declarations in live projects that meet `condition` (binding `?1`), by
    /// project, kind and who declared.
    fn declarations(&self, condition: &str, value: Option<i64>) -> Result<Listed<Interest>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {INTEREST_COLUMNS} FROM {INTEREST_FROM}
             WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL AND {condition}
             ORDER BY p.code, t.kind, coalesce(o.name, po.name, pe.name) COLLATE sv, t.id"
        ))?;
        read_rows(&mut stmt, [value], "interests", interest_from_row)
    }

    pub fn interest(&self, id: i64) -> Result<Interest> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {INTEREST_COLUMNS} FROM {INTEREST_FROM} WHERE t.id = ?1"
        ))?;
        read_one(&mut stmt, [id], "interests", interest_from_row)
    }

    pub fn create_interest(&mut self, project_id: i64, input: &InterestInput) -> Result<i64> {
        self.create_interest_with_uuid(project_id, input, &new_uuid())
    }

    pub(crate) fn create_interest_with_uuid(
        &mut self,
        project_id: i64,
        input: &InterestInput,
        uuid: &str,
    ) -> Result<i64> {
        let now = self.now();
        self.conn.execute(
            "INSERT INTO interests (uuid, project_id, organisation_id, person_id, kind,
                description, measures, declared_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            params![
                uuid,
                project_id,
                input.organisation_id,
                input.person_id,
                input.kind.as_str(),
                input.description,
                input.measures,
                input.declared_on,
                now
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn update_interest(&mut self, id: i64, input: &InterestInput) -> Result<()> {
        let now = self.now();
        changed(self.conn.execute(
            "UPDATE interests SET organisation_id = ?2, person_id = ?3, kind = ?4,
                description = ?5, measures = ?6, declared_on = ?7, updated_at = ?8
             WHERE id = ?1",
            params![
                id,
                input.organisation_id,
                input.person_id,
                input.kind.as_str(),
                input.description,
                input.measures,
                input.declared_on,
                now
            ],
        )?)
    }

    /// Organisations that helped prepare a project (a prior involvement, declared by the
    /// organisation or one of its people) and later take part as a supplier in one of
    /// its live supplier-facing meetings (`project_id` `None`: every live project).
    pub fn prior_involvement_warnings(
        &self,
        project_id: Option<i64>,
    ) -> Result<Vec<PriorInvolvementWarning>> {
        let facing = crate::domain::codes_where(crate::domain::MeetingType::is_supplier_facing);
        let mut stmt = self.conn.prepare_cached(&format!(
            "WITH involved AS (
                 SELECT t.project_id, coalesce(t.organisation_id, pe.organisation_id) AS org,
                        max(length(trim(t.measures)) > 0) AS measured
                 FROM interests t JOIN projects p ON p.id = t.project_id
                 LEFT JOIN people pe ON pe.id = t.person_id
                 WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL
                   AND t.kind = 'prior_involvement'
                   AND (?1 IS NULL OR t.project_id = ?1)
                 GROUP BY 1, 2
             )
             SELECT DISTINCT o.id, o.name, m.id, m.title, v.measured
             FROM involved v
             JOIN organisations o ON o.id = v.org
             JOIN meetings m ON m.project_id = v.project_id AND m.deleted_at IS NULL
                  AND m.status != 'cancelled'
             JOIN attendance a ON a.meeting_id = m.id
             JOIN people pe ON pe.id = a.person_id AND pe.organisation_id = o.id
             WHERE (m.kind IN ({facing}) OR o.kind = 'supplier')
             ORDER BY m.start_at, o.name COLLATE sv"
        ))?;
        let rows = stmt.query_map([project_id], |r| {
            Ok(PriorInvolvementWarning {
                organisation_id: r.get(0)?,
                organisation_name: r.get(1)?,
                meeting_id: r.get(2)?,
                meeting_title: r.get(3)?,
                measures_recorded: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The warning for adding `organisation_id` to `meeting_id`, if the organisation
    /// took part in preparing the meeting's project and the meeting is supplier-facing.
    pub fn prior_involvement_of(
        &self,
        meeting_id: i64,
        organisation_id: i64,
    ) -> Result<Option<Interest>> {
        let facing = crate::domain::codes_where(crate::domain::MeetingType::is_supplier_facing);
        let id: Option<i64> = self
            .conn
            .query_row(
                &format!(
                    "SELECT t.id FROM meetings m
                     JOIN interests t ON t.project_id = m.project_id
                     LEFT JOIN people pe ON pe.id = t.person_id
                     JOIN organisations o ON o.id = ?2
                     WHERE m.id = ?1 AND t.deleted_at IS NULL
                       AND t.kind = 'prior_involvement'
                       AND coalesce(t.organisation_id, pe.organisation_id) = ?2
                       AND (m.kind IN ({facing}) OR o.kind = 'supplier')
                     ORDER BY t.id LIMIT 1"
                ),
                params![meeting_id, organisation_id],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| self.interest(id)).transpose()
    }

    /// What the meeting's checklist shows beside its points.
    pub fn meeting_equal_treatment(&self, meeting_id: i64) -> Result<MeetingEqualTreatment> {
        let project_id: i64 = found(self.conn.query_row(
            "SELECT project_id FROM meetings WHERE id = ?1",
            [meeting_id],
            |r| r.get(0),
        ))?;
        Ok(MeetingEqualTreatment {
            information: self.meeting_information(meeting_id)?,
            involved: self
                .prior_involvement_warnings(Some(project_id))?
                .into_iter()
                .filter(|w| w.meeting_id == meeting_id)
                .collect(),
            registration: self.registration(meeting_id)?,
        })
    }

    // ----- registration in the case -------------------------------------------------

    pub fn registration(&self, meeting_id: i64) -> Result<Option<Registration>> {
        Ok(self
            .conn
            .query_row(
                "SELECT document_number, registered_on FROM meeting_registrations
                 WHERE meeting_id = ?1",
                [meeting_id],
                |r| {
                    Ok(Registration {
                        document_number: r.get(0)?,
                        registered_on: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    /// Records (or corrects) that a meeting's documentation was registered in the case,
    /// and ticks that point of its checklist; `None` removes the record (the point is
    /// left as it is). Either way the meeting's stamp moves on.
    pub fn set_registration(
        &mut self,
        meeting_id: i64,
        registration: Option<&Registration>,
    ) -> Result<()> {
        let now = self.now();
        let tx = super::write_tx(&mut self.conn)?;
        let tick = if registration.is_some() {
            1i64 << crate::domain::CHECKLIST_POINT_REGISTERED
        } else {
            0
        };
        changed(tx.execute(
            "UPDATE meetings SET updated_at = ?2, checklist = checklist | ?3 WHERE id = ?1",
            params![meeting_id, now, tick],
        )?)?;
        match registration {
            Some(reg) => {
                tx.execute(
                    "INSERT INTO meeting_registrations
                        (uuid, meeting_id, document_number, registered_on, created_at,
                         updated_at)
                     VALUES (?5, ?1, ?2, ?3, ?4, ?4)
                     ON CONFLICT (meeting_id) DO UPDATE SET
                        document_number = excluded.document_number,
                        registered_on = excluded.registered_on,
                        updated_at = excluded.updated_at",
                    params![
                        meeting_id,
                        reg.document_number.trim(),
                        reg.registered_on,
                        now,
                        new_uuid()
                    ],
                )?;
            }
            None => {
                tx.execute(
                    "DELETE FROM meeting_registrations WHERE meeting_id = ?1",
                    [meeting_id],
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

/// Replaces an entry's recipients.
fn set_recipients(tx: &rusqlite::Connection, item_id: i64, organisations: &[i64]) -> Result<()> {
    tx.execute(
        "DELETE FROM information_recipients WHERE item_id = ?1",
        [item_id],
    )?;
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO information_recipients (item_id, organisation_id)
         VALUES (?1, ?2)",
    )?;
    for org in organisations {
        insert.execute(params![item_id, org])?;
    }
    Ok(())
}

/// The organisations (id, name) a statement of one parameter lists.
fn organisations_of(stmt: &mut rusqlite::Statement<'_>, id: i64) -> Result<Vec<Recipient>> {
    let rows = stmt.query_map([id], |r| {
        Ok(Recipient {
            id: r.get(0)?,
            name: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
