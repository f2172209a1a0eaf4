//! The information log as a listing: each entry with whether everyone has it and, when
//! not, which of the project's suppliers do not (`tidig list information`).

use std::collections::HashMap;

use serde::Serialize;

use crate::domain::{InformationItem, Recipient, TextEnum};
use crate::store::{Result, Store};

/// One entry in `list information --json`: dates as `YYYY-MM-DD`, enums as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InformationRow {
    pub id: i64,
    pub uuid: String,
    pub project_code: String,
    pub title: String,
    pub details: String,
    pub channel: &'static str,
    pub given_on: String,
    pub meeting_id: Option<i64>,
    pub meeting_title: Option<String>,
    pub origin: String,
    /// The organisations it was given to.
    pub recipients: Vec<String>,
    /// Made available to every supplier (published or sent to all).
    pub everyone: bool,
    pub shared_on: Option<String>,
    pub shared_channel: String,
    /// The project's suppliers (those in its meetings) that were not given it; empty
    /// once everyone has it.
    pub missing: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// The suppliers of `suppliers` that lack `item`: none once it was made available to all.
pub fn lacking(item: &InformationItem, suppliers: &[Recipient]) -> Vec<Recipient> {
    if item.everyone_has_it() {
        return Vec::new();
    }
    suppliers
        .iter()
        .filter(|s| !item.recipients.iter().any(|r| r.id == s.id))
        .cloned()
        .collect()
}

/// The log of one project or all, as rows.
pub fn rows(store: &Store, project_id: Option<i64>) -> Result<Vec<InformationRow>> {
    let items = store.information_items(project_id, false)?;
    let mut suppliers: HashMap<i64, Vec<Recipient>> = HashMap::new();
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let known = match suppliers.entry(item.project_id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(store.project_supplier_organisations(item.project_id)?)
            }
        };
        let missing = lacking(&item, known);
        out.push(InformationRow {
            id: item.id,
            everyone: item.everyone_has_it(),
            uuid: item.uuid,
            project_code: item.project_code,
            title: item.title,
            details: item.details,
            channel: item.channel.as_str(),
            given_on: item.given_on.to_string(),
            meeting_id: item.meeting_id,
            meeting_title: item.meeting_title,
            origin: item.origin,
            recipients: item.recipients.into_iter().map(|r| r.name).collect(),
            shared_on: item.shared_on.map(|d| d.to_string()),
            shared_channel: item.shared_channel,
            missing: missing.into_iter().map(|r| r.name).collect(),
            created_at: item.created_at,
            updated_at: item.updated_at,
        });
    }
    Ok(out)
}
