//! The directory's two tabs a page at a time (`keyset_list`): live organisations and
//! live people matching the filter bar, by name in Swedish order, then id. Names sort
//! `COLLATE sv`, which an index must not use (other SQLite tools could not open the
//! file), so SQLite keeps the page's rows while it reads the matching names, instead of
//! the directory building every person and sorting them all.

use rusqlite::types::Value;

use super::directory::{ORG_COLUMNS, PERSON_COLUMNS, org_from_row, person_from_row};
use super::keyset_list::{KeysetList, ListSpec, Paged};
use super::paging::OrderColumn;
use super::{Result, Store};
use crate::domain::{Organisation, OrganisationFilter, Person, PersonFilter, TextEnum};

/// One row of a page of organisations: the organisation unless it cannot be read.
pub type PagedOrganisation = Paged<Organisation>;
/// One row of a page of people.
pub type PagedPerson = Paged<Person>;

const ORG_WHERE: &str = "deleted_at IS NULL
   AND (?1 IS NULL OR kind = ?1)
   AND (?2 = '' OR instr(fold(name), ?2) > 0)";

const PEOPLE_FROM: &str = "people p LEFT JOIN organisations o ON o.id = p.organisation_id";
const PEOPLE_WHERE: &str = "p.deleted_at IS NULL
   AND (?1 IS NULL OR p.organisation_id = ?1)
   AND (?2 = '' OR instr(fold(p.name || ' ' || p.title || ' ' || p.email || ' '
        || ifnull(o.name, '')), ?2) > 0)";

/// The widest name, e-mail address and phone number of the people a filter shows, in
/// characters: the directory's columns fit them on every page alike.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PeopleWidths {
    pub name: usize,
    pub email: usize,
    pub phone: usize,
}

fn people_values(filter: &PersonFilter) -> Vec<Value> {
    vec![
        filter.organisation_id.map_or(Value::Null, Value::Integer),
        Value::Text(filter.text.trim().to_lowercase()),
    ]
}

impl Store {
    /// The directory's organisations as the filter bar narrows them.
    pub fn directory_organisations(
        &self,
        filter: &OrganisationFilter,
    ) -> KeysetList<'_, Organisation> {
        KeysetList::new(
            self,
            ListSpec {
                table: "organisations",
                columns: ORG_COLUMNS,
                width: 6,
                from: "organisations",
                id: "id",
                filter: ORG_WHERE.to_owned(),
                values: vec![
                    filter
                        .kind
                        .map_or(Value::Null, |k| Value::Text(k.as_str().to_owned())),
                    Value::Text(filter.text.trim().to_lowercase()),
                ],
                order: vec![OrderColumn::asc("name COLLATE sv")],
                read: org_from_row,
            },
        )
    }

    /// The directory's people as the filter bar narrows them.
    pub fn directory_people(&self, filter: &PersonFilter) -> KeysetList<'_, Person> {
        KeysetList::new(
            self,
            ListSpec {
                table: "people",
                columns: PERSON_COLUMNS,
                width: 10,
                from: PEOPLE_FROM,
                id: "p.id",
                filter: PEOPLE_WHERE.to_owned(),
                values: people_values(filter),
                order: vec![OrderColumn::asc("p.name COLLATE sv")],
                read: person_from_row,
            },
        )
    }

    /// The widest name, e-mail and phone among the people the filter shows.
    pub fn people_widths(&self, filter: &PersonFilter) -> Result<PeopleWidths> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT ifnull(max(length(p.name)), 0), ifnull(max(length(p.email)), 0),
                    ifnull(max(length(p.phone)), 0)
             FROM {PEOPLE_FROM} WHERE {PEOPLE_WHERE}"
        ))?;
        let values = people_values(filter);
        let width = |n: i64| usize::try_from(n).unwrap_or(0);
        Ok(
            stmt.query_row(rusqlite::params_from_iter(values.iter()), |r| {
                Ok(PeopleWidths {
                    name: width(r.get(0)?),
                    email: width(r.get(1)?),
                    phone: width(r.get(2)?),
                })
            })?,
        )
    }
}
