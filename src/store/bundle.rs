//! Bundles in and out of the store: every row of every table (trash included) for the
//! whole store or one project, and an import that matches rows by UUID in one
//! transaction.
//!
//! Each table is described once (`columns`): which columns map to which bundle fields,
//! and which hold a reference that the bundle writes as a UUID. Reading is one query per
//! table (references are joined in); writing uses cached statements and uuid → id maps
//! built once, so an import of hundreds of thousands of rows takes seconds.

use std::collections::{HashMap, HashSet};

use rusqlite::types::{Value as Sql, ValueRef};
use rusqlite::{Connection, params_from_iter};
use serde_json::{Map, Value as Json};

use super::{Result, Store, StoreError};
use crate::bundle::{
    self, Bundle, BundleRow, ImportMode, ImportReport, Issue, Known, KnownKeys, Scope, Section,
    Timestamp,
};

/// How one column of a table appears in a bundle.
#[derive(Debug, Clone, Copy)]
enum Col {
    /// The same name in both; text, integer or null.
    Plain(&'static str),
    /// 0 or 1 in the store, false or true in the bundle.
    Bool(&'static str),
    /// JSON text in the store, that JSON in the bundle (project tags).
    Json(&'static str),
    /// A row id in the store, that row's UUID in the bundle.
    Ref {
        column: &'static str,
        field: &'static str,
        to: Section,
    },
    /// Like `Plain`, but an update keeps the larger of the two values.
    Max(&'static str),
}

impl Col {
    fn column(self) -> &'static str {
        match self {
            Col::Plain(c) | Col::Bool(c) | Col::Json(c) | Col::Max(c) => c,
            Col::Ref { column, .. } => column,
        }
    }
    fn field(self) -> &'static str {
        match self {
            Col::Ref { field, .. } => field,
            other => other.column(),
        }
    }
}

/// A reference column (a macro rather than a function, so the tables stay constants).
macro_rules! r {
    ($column:literal, $field:literal, $to:expr) => {
        Col::Ref {
            column: $column,
            field: $field,
            to: $to,
        }
    };
}

use Col::{Bool, Json as JsonCol, Max, Plain as P};
use Section as S;

/// Every column of each table, in the bundle's field order.
fn columns(section: Section) -> &'static [Col] {
    match section {
        S::InformationItems => INFORMATION_COLUMNS,
        S::Interests => INTEREST_COLUMNS,
        S::MeetingRegistrations => REGISTRATION_COLUMNS,
        S::DialogueRounds | S::RoundQuestions | S::RoundSuppliers | S::RoundAnswers => {
            round_columns(section)
        }
        S::Organisations => &[
            P("uuid"),
            P("name"),
            P("kind"),
            P("created_at"),
            P("updated_at"),
            P("deleted_at"),
        ],
        S::People => &[
            P("uuid"),
            P("name"),
            r!("organisation_id", "organisation", S::Organisations),
            P("title"),
            P("email"),
            P("phone"),
            P("created_at"),
            P("updated_at"),
            P("deleted_at"),
        ],
        S::Projects => &[
            P("uuid"),
            P("code"),
            P("title"),
            r!("buyer_id", "buyer", S::Organisations),
            P("case_number"),
            P("subject"),
            P("goal"),
            P("phase"),
            P("status"),
            P("innovation_level"),
            P("planned_procedure"),
            P("start_date"),
            P("end_date"),
            JsonCol("tags"),
            P("last_reviewed_at"),
            Max("last_need_number"),
            P("created_at"),
            P("updated_at"),
            P("deleted_at"),
        ],
        S::Milestones => &[
            P("uuid"),
            r!("project_id", "project", S::Projects),
            P("title"),
            P("due_date"),
            P("done_date"),
            P("status"),
            P("created_at"),
            P("updated_at"),
            P("deleted_at"),
        ],
        S::Meetings => &[
            P("uuid"),
            r!("project_id", "project", S::Projects),
            P("kind"),
            P("title"),
            P("purpose"),
            P("desired_outcome"),
            P("format"),
            P("location"),
            P("start_at"),
            P("end_at"),
            P("status"),
            P("notes_status"),
            P("checklist"),
            P("status_before_cancel"),
            P("created_at"),
            P("updated_at"),
            P("deleted_at"),
        ],
        S::AgendaItems => &[
            P("uuid"),
            r!("meeting_id", "meeting", S::Meetings),
            P("position"),
            P("title"),
            P("minutes"),
            P("method"),
            P("owner"),
            P("expected_outcome"),
            P("created_at"),
            P("updated_at"),
            P("deleted_at"),
        ],
        S::Attendance => &[
            P("uuid"),
            r!("meeting_id", "meeting", S::Meetings),
            r!("person_id", "person", S::People),
            P("role"),
            Bool("invited"),
            Bool("attended"),
            P("created_at"),
            P("updated_at"),
        ],
        S::Needs => &[
            P("uuid"),
            r!("project_id", "project", S::Projects),
            P("number"),
            P("statement"),
            P("as_a"),
            P("i_need"),
            P("so_that"),
            P("category"),
            P("priority"),
            P("status"),
            P("status_reason"),
            r!("merged_into", "merged_into", S::Needs),
            P("owner"),
            P("confidentiality"),
            P("created_at"),
            P("updated_at"),
            P("deleted_at"),
        ],
        S::NeedEvidence => &[
            P("uuid"),
            r!("need_id", "need", S::Needs),
            r!("meeting_id", "meeting", S::Meetings),
            r!("person_id", "person", S::People),
            P("document"),
            P("note"),
            P("confidentiality"),
            P("created_at"),
            P("updated_at"),
        ],
        S::NeedStatusChanges => &[
            P("uuid"),
            r!("need_id", "need", S::Needs),
            P("from_status"),
            P("to_status"),
            P("reason"),
            P("changed_at"),
        ],
        S::Suggestions => &[
            P("uuid"),
            r!("project_id", "project", S::Projects),
            r!("meeting_id", "meeting", S::Meetings),
            P("phase"),
            P("title"),
            P("description"),
            P("rationale"),
            P("status"),
            P("buyer_response"),
            P("decision_date"),
            P("confidentiality"),
            P("created_at"),
            P("updated_at"),
            P("deleted_at"),
        ],
        S::Lessons => &[
            P("uuid"),
            r!("project_id", "project", S::Projects),
            P("phase"),
            P("kind"),
            P("title"),
            P("context"),
            P("what_happened"),
            P("what_we_learned"),
            P("recommendation"),
            Bool("shareable"),
            P("created_at"),
            P("updated_at"),
            P("deleted_at"),
        ],
        S::Notes => &[
            P("uuid"),
            r!("meeting_id", "meeting", S::Meetings),
            r!("agenda_item_id", "agenda_item", S::AgendaItems),
            P("body"),
            P("confidentiality"),
            P("created_at"),
            P("updated_at"),
            P("deleted_at"),
        ],
        S::Decisions => &[
            P("uuid"),
            r!("project_id", "project", S::Projects),
            r!("meeting_id", "meeting", S::Meetings),
            P("text"),
            P("rationale"),
            P("decided_by"),
            P("decided_on"),
            P("confidentiality"),
            P("created_at"),
            P("updated_at"),
            P("deleted_at"),
        ],
        S::ActionItems => &[
            P("uuid"),
            r!("project_id", "project", S::Projects),
            r!("meeting_id", "meeting", S::Meetings),
            P("title"),
            P("owner"),
            P("due_date"),
            P("status"),
            P("done_date"),
            P("confidentiality"),
            P("created_at"),
            P("updated_at"),
            P("deleted_at"),
        ],
        S::Questions => &[
            P("uuid"),
            r!("meeting_id", "meeting", S::Meetings),
            P("text"),
            P("answer"),
            P("confidentiality"),
            P("created_at"),
            P("updated_at"),
            P("deleted_at"),
        ],
        S::NotesStatusChanges => &[
            P("uuid"),
            r!("meeting_id", "meeting", S::Meetings),
            P("status"),
            P("changed_at"),
            P("by_name"),
        ],
        S::Exports => &[
            P("uuid"),
            r!("meeting_id", "meeting", S::Meetings),
            P("what"),
            P("format"),
            P("audience"),
            P("language"),
            P("file"),
            P("exported_at"),
        ],
    }
}

/// The information log's own columns; its recipients are a list in the bundle, kept
/// in `information_recipients` (see `recipients_out` and `recipients_in`).
const INFORMATION_COLUMNS: &[Col] = &[
    P("uuid"),
    r!("project_id", "project", S::Projects),
    P("channel"),
    r!("meeting_id", "meeting", S::Meetings),
    P("origin"),
    P("given_on"),
    P("title"),
    P("details"),
    P("shared_on"),
    P("shared_channel"),
    P("created_at"),
    P("updated_at"),
    P("deleted_at"),
];

const REGISTRATION_COLUMNS: &[Col] = &[
    P("uuid"),
    r!("meeting_id", "meeting", S::Meetings),
    P("document_number"),
    P("registered_on"),
    P("created_at"),
    P("updated_at"),
];

const INTEREST_COLUMNS: &[Col] = &[
    P("uuid"),
    r!("project_id", "project", S::Projects),
    r!("organisation_id", "organisation", S::Organisations),
    r!("person_id", "person", S::People),
    P("kind"),
    P("description"),
    P("measures"),
    P("declared_on"),
    P("created_at"),
    P("updated_at"),
    P("deleted_at"),
];

/// The columns of a dialogue round and of its questions, suppliers and answers.
fn round_columns(section: Section) -> &'static [Col] {
    match section {
        S::DialogueRounds => &[
            P("uuid"),
            r!("project_id", "project", S::Projects),
            P("kind"),
            P("title"),
            P("purpose"),
            P("created_at"),
            P("updated_at"),
            P("deleted_at"),
        ],
        S::RoundQuestions => &[
            P("uuid"),
            r!("round_id", "round", S::DialogueRounds),
            P("position"),
            P("text"),
            P("created_at"),
            P("updated_at"),
            P("deleted_at"),
        ],
        S::RoundSuppliers => &[
            P("uuid"),
            r!("round_id", "round", S::DialogueRounds),
            r!("organisation_id", "organisation", S::Organisations),
            P("seq"),
            r!("meeting_id", "meeting", S::Meetings),
            P("created_at"),
            P("updated_at"),
        ],
        _ => &[
            P("uuid"),
            r!("question_id", "question", S::RoundQuestions),
            r!("organisation_id", "organisation", S::Organisations),
            r!("meeting_id", "meeting", S::Meetings),
            P("body"),
            P("confidentiality"),
            P("created_at"),
            P("updated_at"),
        ],
    }
}

/// Which of a table's rows belong to one project (`?1` is the project's id); `None`
/// for the directory, whose rows come in only when referenced.
fn project_filter(section: Section) -> Option<&'static str> {
    const OF_MEETINGS: &str = "t.meeting_id IN (SELECT id FROM meetings WHERE project_id = ?1)";
    const OF_NEEDS: &str = "t.need_id IN (SELECT id FROM needs WHERE project_id = ?1)";
    const OF_ROUNDS: &str = "t.round_id IN (SELECT id FROM dialogue_rounds WHERE project_id = ?1)";
    match section {
        S::Organisations | S::People => None,
        S::Projects => Some("t.id = ?1"),
        S::Milestones
        | S::Meetings
        | S::Needs
        | S::Suggestions
        | S::Lessons
        | S::Decisions
        | S::ActionItems => Some("t.project_id = ?1"),
        S::AgendaItems | S::Attendance | S::Notes | S::Questions | S::NotesStatusChanges => {
            Some(OF_MEETINGS)
        }
        S::Exports | S::MeetingRegistrations => Some(OF_MEETINGS),
        S::InformationItems | S::Interests => Some("t.project_id = ?1"),
        S::NeedEvidence | S::NeedStatusChanges => Some(OF_NEEDS),
        S::DialogueRounds => Some("t.project_id = ?1"),
        S::RoundQuestions | S::RoundSuppliers => Some(OF_ROUNDS),
        S::RoundAnswers => Some(
            "t.question_id IN (SELECT q.id FROM round_questions q
             JOIN dialogue_rounds r ON r.id = q.round_id WHERE r.project_id = ?1)",
        ),
    }
}

/// Which rows of a table to read.
enum Filter<'a> {
    All,
    Project(i64),
    /// The rows with these UUIDs.
    Uuids(&'a [String]),
}

type Row = Map<String, Json>;

/// Reads rows of one table as bundle fields, references joined in as UUIDs.
fn read_rows(conn: &Connection, section: Section, filter: &Filter<'_>) -> Result<Vec<Row>> {
    let cols = columns(section);
    let mut select = Vec::with_capacity(cols.len());
    let mut joins = String::new();
    for (i, col) in cols.iter().enumerate() {
        match *col {
            Col::Ref { column, to, .. } => {
                select.push(format!("j{i}.uuid"));
                joins.push_str(&format!(
                    " LEFT JOIN {} j{i} ON j{i}.id = t.{column}",
                    to.as_str()
                ));
            }
            other => select.push(format!("t.{}", other.column())),
        }
    }
    let (condition, param): (&str, Sql) = match filter {
        Filter::All => ("1", Sql::Null),
        Filter::Project(id) => match project_filter(section) {
            Some(condition) => (condition, Sql::Integer(*id)),
            None => return Ok(Vec::new()),
        },
        Filter::Uuids(uuids) => (
            "t.uuid IN (SELECT value FROM json_each(?1))",
            Sql::Text(serde_json::to_string(uuids).expect("uuids serialise")),
        ),
    };
    // `?1 IS ?1` keeps the one parameter in use when the condition has none.
    let sql = format!(
        "SELECT {} FROM {} t{joins} WHERE ({condition}) AND ?1 IS ?1 ORDER BY t.id",
        select.join(", "),
        section.as_str()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([param])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut map = Map::with_capacity(cols.len());
        for (i, col) in cols.iter().enumerate() {
            map.insert(col.field().to_string(), json_of(*col, row.get_ref(i)?, i)?);
        }
        out.push(map);
    }
    Ok(out)
}

fn json_of(col: Col, value: ValueRef<'_>, i: usize) -> Result<Json> {
    let bad = |what: &str| {
        StoreError::Sqlite(rusqlite::Error::FromSqlConversionFailure(
            i,
            value.data_type(),
            format!("{} holds {what}", col.column()).into(),
        ))
    };
    Ok(match (col, value) {
        (_, ValueRef::Null) => Json::Null,
        (Col::Bool(_), ValueRef::Integer(n)) => Json::Bool(n != 0),
        (Col::Json(_), ValueRef::Text(t)) => {
            serde_json::from_slice(t).map_err(|_| bad("text that is not JSON"))?
        }
        (_, ValueRef::Integer(n)) => Json::from(n),
        (_, ValueRef::Real(x)) => Json::from(x),
        (_, ValueRef::Text(t)) => Json::String(
            std::str::from_utf8(t)
                .map_err(|_| bad("text that is not UTF-8"))?
                .to_string(),
        ),
        (_, ValueRef::Blob(_)) => return Err(bad("a blob")),
    })
}

/// The section's rows as the bundle's typed rows.
fn into_rows<T: BundleRow>(bundle: &mut Bundle, rows: Vec<Row>) -> Result<()> {
    let out = T::of_mut(bundle);
    out.reserve(rows.len());
    for row in rows {
        let row = serde_json::from_value(Json::Object(row)).map_err(|e| {
            StoreError::Sqlite(rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                format!("{}: {e}", T::SECTION.as_str()).into(),
            ))
        })?;
        out.push(row);
    }
    Ok(())
}

fn fill(bundle: &mut Bundle, section: Section, rows: Vec<Row>) -> Result<()> {
    use crate::bundle as b;
    match section {
        S::Organisations => into_rows::<b::Organisation>(bundle, rows),
        S::People => into_rows::<b::Person>(bundle, rows),
        S::Projects => into_rows::<b::Project>(bundle, rows),
        S::Milestones => into_rows::<b::Milestone>(bundle, rows),
        S::Meetings => into_rows::<b::Meeting>(bundle, rows),
        S::AgendaItems => into_rows::<b::AgendaItem>(bundle, rows),
        S::Attendance => into_rows::<b::Attendance>(bundle, rows),
        S::Needs => into_rows::<b::Need>(bundle, rows),
        S::NeedEvidence => into_rows::<b::NeedEvidence>(bundle, rows),
        S::NeedStatusChanges => into_rows::<b::NeedStatusChange>(bundle, rows),
        S::Suggestions => into_rows::<b::Suggestion>(bundle, rows),
        S::Lessons => into_rows::<b::Lesson>(bundle, rows),
        S::Notes => into_rows::<b::Note>(bundle, rows),
        S::Decisions => into_rows::<b::Decision>(bundle, rows),
        S::ActionItems => into_rows::<b::ActionItem>(bundle, rows),
        S::Questions => into_rows::<b::Question>(bundle, rows),
        S::NotesStatusChanges => into_rows::<b::NotesStatusChange>(bundle, rows),
        S::Exports => into_rows::<b::Export>(bundle, rows),
        S::InformationItems => into_rows::<b::InformationItem>(bundle, rows),
        S::Interests => into_rows::<b::Interest>(bundle, rows),
        S::MeetingRegistrations => into_rows::<b::MeetingRegistration>(bundle, rows),
        S::DialogueRounds => into_rows::<b::DialogueRound>(bundle, rows),
        S::RoundQuestions => into_rows::<b::RoundQuestion>(bundle, rows),
        S::RoundSuppliers => into_rows::<b::RoundSupplier>(bundle, rows),
        S::RoundAnswers => into_rows::<b::RoundAnswer>(bundle, rows),
    }
}

/// Sets each information log row's `recipients`: the UUIDs of the organisations it was
/// given to, in name order.
fn recipients_out(conn: &Connection, rows: &mut [Row]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT i.uuid, o.uuid FROM information_recipients r
         JOIN information_items i ON i.id = r.item_id
         JOIN organisations o ON o.id = r.organisation_id
         ORDER BY o.name COLLATE sv, o.id",
    )?;
    let mut of: HashMap<String, Vec<Json>> = HashMap::new();
    let mut pairs = stmt.query([])?;
    while let Some(r) = pairs.next()? {
        of.entry(r.get(0)?)
            .or_default()
            .push(Json::String(r.get(1)?));
    }
    for row in rows {
        let list = row["uuid"]
            .as_str()
            .and_then(|u| of.remove(u))
            .unwrap_or_default();
        row.insert("recipients".into(), Json::Array(list));
    }
    Ok(())
}

/// Adds to `rows` every row that a row in it refers to and that it lacks (a project's
/// buyer, the people who attended, their organisations, …), until nothing is missing.
fn add_referenced(conn: &Connection, rows: &mut HashMap<Section, Vec<Row>>) -> Result<()> {
    loop {
        let have: HashMap<Section, HashSet<&str>> = rows
            .iter()
            .map(|(s, rs)| (*s, rs.iter().filter_map(|r| r["uuid"].as_str()).collect()))
            .collect();
        let mut missing: HashMap<Section, HashSet<String>> = HashMap::new();
        // An entry's recipients are organisations too.
        for row in rows.get(&S::InformationItems).into_iter().flatten() {
            for uuid in row["recipients"].as_array().into_iter().flatten() {
                if let Some(uuid) = uuid.as_str()
                    && !have[&S::Organisations].contains(uuid)
                {
                    missing
                        .entry(S::Organisations)
                        .or_default()
                        .insert(uuid.to_string());
                }
            }
        }
        for (section, list) in rows.iter() {
            for col in columns(*section) {
                let Col::Ref { field, to, .. } = *col else {
                    continue;
                };
                for row in list {
                    if let Some(Json::String(uuid)) = row.get(field)
                        && !have[&to].contains(uuid.as_str())
                    {
                        missing.entry(to).or_default().insert(uuid.clone());
                    }
                }
            }
        }
        if missing.is_empty() {
            return Ok(());
        }
        for (section, uuids) in missing {
            let uuids: Vec<String> = uuids.into_iter().collect();
            let found = read_rows(conn, section, &Filter::Uuids(&uuids))?;
            rows.entry(section).or_default().extend(found);
        }
    }
}

// ----- import ---------------------------------------------------------------------------

/// What the store has, read once at the start of an import: every row's id and
/// `updated_at` by UUID, and the keys that must stay unique.
struct Index {
    rows: HashMap<Section, HashMap<String, (i64, Option<String>)>>,
    keys: KnownKeys,
}

impl Index {
    fn load(conn: &Connection) -> Result<Index> {
        let mut rows = HashMap::new();
        for section in Section::ALL {
            let updated = if section.is_history() {
                "NULL"
            } else {
                "updated_at"
            };
            let mut stmt = conn.prepare(&format!(
                "SELECT uuid, id, {updated} FROM {}",
                section.as_str()
            ))?;
            let map = stmt
                .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
                .collect::<rusqlite::Result<HashMap<String, (i64, Option<String>)>>>()?;
            rows.insert(section, map);
        }
        let project_codes = conn
            .prepare("SELECT code, uuid FROM projects")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let need_numbers = conn
            .prepare("SELECT p.uuid, n.number, n.uuid FROM needs n JOIN projects p ON p.id = n.project_id")?
            .query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let attendance = conn
            .prepare(
                "SELECT m.uuid, pe.uuid, a.uuid FROM attendance a
                 JOIN meetings m ON m.id = a.meeting_id JOIN people pe ON pe.id = a.person_id",
            )?
            .query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let registrations = conn
            .prepare(
                "SELECT m.uuid, r.uuid FROM meeting_registrations r
                 JOIN meetings m ON m.id = r.meeting_id",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut round_suppliers = HashMap::new();
        let mut round_numbers = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT r.uuid, o.uuid, s.seq, s.uuid FROM round_suppliers s
             JOIN dialogue_rounds r ON r.id = s.round_id
             JOIN organisations o ON o.id = s.organisation_id",
        )?;
        let mut found = stmt.query([])?;
        while let Some(row) = found.next()? {
            let (round, org, seq, uuid): (String, String, i64, String) =
                (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
            round_numbers.insert((round.clone(), seq), uuid.clone());
            round_suppliers.insert((round, org), uuid);
        }
        let answers = conn
            .prepare(
                "SELECT q.uuid, o.uuid, a.uuid FROM round_answers a
                 JOIN round_questions q ON q.id = a.question_id
                 JOIN organisations o ON o.id = a.organisation_id",
            )?
            .query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let question_rounds = conn
            .prepare(
                "SELECT q.uuid, r.uuid FROM round_questions q
                 JOIN dialogue_rounds r ON r.id = q.round_id",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Index {
            rows,
            keys: KnownKeys {
                project_codes,
                need_numbers,
                attendance,
                registrations,
                round_suppliers,
                round_numbers,
                answers,
                question_rounds,
            },
        })
    }

    fn id(&self, section: Section, uuid: &str) -> Option<i64> {
        self.rows
            .get(&section)
            .and_then(|m| m.get(uuid))
            .map(|(id, _)| *id)
    }
}

impl Known for Index {
    fn has(&self, section: Section, uuid: &str) -> bool {
        self.rows
            .get(&section)
            .is_some_and(|m| m.contains_key(uuid))
    }
    fn keys(&self) -> &KnownKeys {
        &self.keys
    }
}

/// What an import did with a row.
enum Outcome {
    Inserted(i64),
    Updated(i64),
    Unchanged(i64),
    Conflict(i64),
}

struct Importer<'c, 'p> {
    conn: &'c Connection,
    index: Index,
    write: bool,
    mode: ImportMode,
    /// Told each section and how many rows it had, once the section is done.
    progress: &'p mut dyn FnMut(Section, usize),
}

impl Importer<'_, '_> {
    /// The recipients of each information log entry the import wrote (inserted or
    /// updated): the bundle's list replaces the store's.
    fn recipients_in(&mut self, bundle: &Bundle, outcomes: &[Outcome]) -> Result<()> {
        if !self.write {
            return Ok(());
        }
        for (outcome, row) in outcomes.iter().zip(&bundle.information_items) {
            let (Outcome::Inserted(id) | Outcome::Updated(id)) = outcome else {
                continue;
            };
            self.conn
                .prepare_cached("DELETE FROM information_recipients WHERE item_id = ?1")?
                .execute([id])?;
            for org in &row.recipients {
                let org_id = self.index.id(S::Organisations, org.as_str());
                self.conn
                    .prepare_cached(
                        "INSERT OR IGNORE INTO information_recipients (item_id, organisation_id)
                         VALUES (?1, ?2)",
                    )?
                    .execute(rusqlite::params![id, org_id])?;
            }
        }
        Ok(())
    }

    /// Imports one section's rows; returns what happened to each, in order.
    fn section<T: BundleRow>(&mut self, bundle: &Bundle) -> Result<Vec<Outcome>> {
        let section = T::SECTION;
        let cols = columns(section);
        let names: Vec<&str> = cols.iter().map(|c| c.column()).collect();
        let insert_sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            section.as_str(),
            names.join(", "),
            (1..=cols.len())
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let assignments: Vec<String> = cols
            .iter()
            .enumerate()
            .map(|(i, c)| match c {
                Col::Max(name) => format!("{name} = max({name}, ?{})", i + 1),
                other => format!("{} = ?{}", other.column(), i + 1),
            })
            .collect();
        let update_sql = format!(
            "UPDATE {} SET {} WHERE id = ?{}",
            section.as_str(),
            assignments.join(", "),
            cols.len() + 1
        );
        // References to a row of the same section that comes later (a need merged into
        // a newer need) are set once the whole section is in.
        let mut deferred: Vec<(i64, &'static str, String)> = Vec::new();
        let mut outcomes = Vec::with_capacity(T::of(bundle).len());
        for row in T::of(bundle) {
            let stored = self.index.rows[&section].get(row.uuid()).cloned();
            let outcome = match stored {
                None => {
                    let mut id = 0;
                    if self.write {
                        let (values, later) = self.values(section, row);
                        self.conn
                            .prepare_cached(&insert_sql)?
                            .execute(params_from_iter(values))?;
                        id = self.conn.last_insert_rowid();
                        deferred.extend(later.into_iter().map(|(c, u)| (id, c, u)));
                        let updated = row.updated_at().map(str::to_string);
                        self.index
                            .rows
                            .get_mut(&section)
                            .expect("every section is indexed")
                            .insert(row.uuid().to_string(), (id, updated));
                    }
                    Outcome::Inserted(id)
                }
                Some((id, _)) if self.mode == ImportMode::InsertOnly => Outcome::Unchanged(id),
                Some((id, stored)) => match (row.updated_at(), stored.as_deref()) {
                    (Some(new), Some(old)) if new > old => {
                        if self.write {
                            let (mut values, later) = self.values(section, row);
                            values.push(Sql::Integer(id));
                            self.conn
                                .prepare_cached(&update_sql)?
                                .execute(params_from_iter(values))?;
                            deferred.extend(later.into_iter().map(|(c, u)| (id, c, u)));
                        }
                        Outcome::Updated(id)
                    }
                    (Some(new), Some(old)) if new < old => Outcome::Conflict(id),
                    _ => Outcome::Unchanged(id),
                },
            };
            outcomes.push(outcome);
        }
        for (id, column, uuid) in deferred {
            let target = self.index.id(section, &uuid);
            self.conn
                .prepare_cached(&format!(
                    "UPDATE {} SET {column} = ?2 WHERE id = ?1",
                    section.as_str()
                ))?
                .execute(rusqlite::params![id, target])?;
        }
        Ok(outcomes)
    }

    /// A row's column values, and the same-section references left for later.
    fn values<T: BundleRow>(
        &self,
        section: Section,
        row: &T,
    ) -> (Vec<Sql>, Vec<(&'static str, String)>) {
        let fields = match serde_json::to_value(row).expect("a row serialises") {
            Json::Object(map) => map,
            _ => unreachable!("rows are objects"),
        };
        let cols = columns(section);
        let mut values = Vec::with_capacity(cols.len() + 1);
        let mut later = Vec::new();
        for col in cols {
            values.push(self.sql_of(*col, section, &fields, &mut later));
        }
        (values, later)
    }

    /// A bundle field as the value of its column.
    fn sql_of(
        &self,
        col: Col,
        section: Section,
        fields: &Row,
        later: &mut Vec<(&'static str, String)>,
    ) -> Sql {
        let value = fields.get(col.field()).unwrap_or(&Json::Null);
        match (col, value) {
            (_, Json::Null) => Sql::Null,
            (Col::Ref { column, to, .. }, Json::String(uuid)) => match self.index.id(to, uuid) {
                Some(id) => Sql::Integer(id),
                None if to == section => {
                    later.push((column, uuid.clone()));
                    Sql::Null
                }
                // Validation found every reference in the bundle or the store.
                None => unreachable!("dangling reference {uuid} passed validation"),
            },
            (Col::Json(_), v) => Sql::Text(v.to_string()),
            (_, Json::Bool(b)) => Sql::Integer(i64::from(*b)),
            (_, Json::Number(n)) => match n.as_i64() {
                Some(i) => Sql::Integer(i),
                None => Sql::Real(n.as_f64().unwrap_or_default()),
            },
            (_, Json::String(s)) => Sql::Text(s.clone()),
            (_, other) => Sql::Text(other.to_string()),
        }
    }

    fn import<T: BundleRow>(
        &mut self,
        bundle: &Bundle,
        report: &mut ImportReport,
    ) -> Result<Vec<Outcome>> {
        let outcomes = self.section::<T>(bundle)?;
        (self.progress)(T::SECTION, outcomes.len());
        let counts = report.sections.entry(T::SECTION).or_default();
        for (outcome, row) in outcomes.iter().zip(T::of(bundle)) {
            match outcome {
                Outcome::Inserted(_) => counts.inserted += 1,
                Outcome::Updated(_) => counts.updated += 1,
                Outcome::Unchanged(_) => counts.unchanged += 1,
                Outcome::Conflict(_) => counts.conflicts.push(row.uuid().to_string()),
            }
        }
        Ok(outcomes)
    }

    fn all(&mut self, bundle: &Bundle) -> Result<ImportReport> {
        use crate::bundle as b;
        let mut report = ImportReport {
            dry_run: !self.write,
            ..ImportReport::default()
        };
        self.import::<b::Organisation>(bundle, &mut report)?;
        self.import::<b::Person>(bundle, &mut report)?;
        let projects = self.import::<b::Project>(bundle, &mut report)?;
        self.keep_need_numbers(bundle, &projects)?;
        self.import::<b::Milestone>(bundle, &mut report)?;
        let meetings = self.import::<b::Meeting>(bundle, &mut report)?;
        self.import::<b::AgendaItem>(bundle, &mut report)?;
        self.restore_meeting_stamps(bundle, &meetings)?;
        self.import::<b::Attendance>(bundle, &mut report)?;
        match self.renumber_new_needs(bundle, &projects)? {
            Some(renumbered) => self.import::<b::Need>(&renumbered, &mut report)?,
            None => self.import::<b::Need>(bundle, &mut report)?,
        };
        self.import::<b::NeedEvidence>(bundle, &mut report)?;
        self.import::<b::NeedStatusChange>(bundle, &mut report)?;
        self.import::<b::Suggestion>(bundle, &mut report)?;
        self.import::<b::Lesson>(bundle, &mut report)?;
        self.import::<b::Note>(bundle, &mut report)?;
        self.import::<b::Decision>(bundle, &mut report)?;
        self.import::<b::ActionItem>(bundle, &mut report)?;
        self.import::<b::Question>(bundle, &mut report)?;
        self.import::<b::NotesStatusChange>(bundle, &mut report)?;
        self.import::<b::Export>(bundle, &mut report)?;
        let items = self.import::<b::InformationItem>(bundle, &mut report)?;
        self.recipients_in(bundle, &items)?;
        self.import::<b::Interest>(bundle, &mut report)?;
        self.import::<b::MeetingRegistration>(bundle, &mut report)?;
        self.import::<b::DialogueRound>(bundle, &mut report)?;
        self.import::<b::RoundQuestion>(bundle, &mut report)?;
        self.import::<b::RoundSupplier>(bundle, &mut report)?;
        self.import::<b::RoundAnswer>(bundle, &mut report)?;
        if self.write {
            // A need number is never handed out twice, whatever the bundle said.
            self.conn.execute(
                "UPDATE projects SET last_need_number = x.top
                 FROM (SELECT project_id, max(number) AS top FROM needs GROUP BY project_id) x
                 WHERE x.project_id = projects.id AND projects.last_need_number < x.top",
                [],
            )?;
        }
        Ok(report)
    }

    /// Insert-only: a need new to a project the store already had is numbered like a
    /// need created there, after the project's last number, so that a code is never
    /// handed out twice (a purged demo need loaded again gets a new code). `None` when
    /// no need is renumbered.
    fn renumber_new_needs(&self, bundle: &Bundle, projects: &[Outcome]) -> Result<Option<Bundle>> {
        if self.mode != ImportMode::InsertOnly || !self.write {
            return Ok(None);
        }
        let mut last: HashMap<&str, i64> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT last_need_number FROM projects WHERE id = ?1")?;
        for (outcome, project) in projects.iter().zip(&bundle.projects) {
            if let Outcome::Unchanged(id) = outcome {
                last.insert(project.uuid.as_str(), stmt.query_row([id], |r| r.get(0))?);
            }
        }
        let known = &self.index.rows[&Section::Needs];
        let renumber = |n: &bundle::Need| {
            !known.contains_key(n.uuid.as_str()) && last.contains_key(n.project.as_str())
        };
        let new: Vec<usize> = (0..bundle.needs.len())
            .filter(|&i| renumber(&bundle.needs[i]))
            .collect();
        if new.is_empty() {
            return Ok(None);
        }
        let mut last: HashMap<String, i64> =
            last.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        let mut copy = bundle.clone();
        for i in new {
            let need = &mut copy.needs[i];
            let next = last.get_mut(need.project.as_str()).expect("a kept project");
            *next += 1;
            need.number = *next;
        }
        Ok(Some(copy))
    }

    /// A project the store kept (unchanged or newer) still takes the bundle's last need
    /// number when that is higher: the larger of the two is handed out next.
    fn keep_need_numbers(&self, bundle: &Bundle, outcomes: &[Outcome]) -> Result<()> {
        if !self.write || self.mode == ImportMode::InsertOnly {
            return Ok(());
        }
        let mut stmt = self.conn.prepare_cached(
            "UPDATE projects SET last_need_number = ?2
             WHERE id = ?1 AND last_need_number < ?2",
        )?;
        for (outcome, project) in outcomes.iter().zip(&bundle.projects) {
            if let Outcome::Unchanged(id) | Outcome::Conflict(id) = outcome {
                stmt.execute(rusqlite::params![id, project.last_need_number])?;
            }
        }
        Ok(())
    }

    /// Writing agenda items moves their meeting's `updated_at` (a trigger); a meeting
    /// this import wrote keeps the bundle's.
    fn restore_meeting_stamps(&self, bundle: &Bundle, outcomes: &[Outcome]) -> Result<()> {
        if !self.write {
            return Ok(());
        }
        let mut stmt = self.conn.prepare_cached(
            "UPDATE meetings SET updated_at = ?2 WHERE id = ?1 AND updated_at <> ?2",
        )?;
        for (outcome, meeting) in outcomes.iter().zip(&bundle.meetings) {
            if let Outcome::Inserted(id) | Outcome::Updated(id) = outcome {
                stmt.execute(rusqlite::params![id, meeting.updated_at.as_str()])?;
            }
        }
        Ok(())
    }
}

/// Why an import wrote nothing: the bundle has problems, or the store failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the bundle has {} problem(s)", .0.len())]
    Invalid(Vec<Issue>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> Self {
        ImportError::Store(e.into())
    }
}

impl Store {
    /// Every row of the store, or of one project (by code, trash included) and the rows
    /// it refers to; trash included. Read in one transaction, so it is consistent.
    pub fn export_bundle(&self, scope: &Scope) -> Result<Bundle> {
        self.conn.execute_batch("SAVEPOINT bundle_export")?;
        let result = self.read_bundle(scope);
        self.conn.execute_batch("RELEASE bundle_export")?;
        result
    }

    fn read_bundle(&self, scope: &Scope) -> Result<Bundle> {
        let filter = match scope {
            Scope::All => Filter::All,
            Scope::Project(code) => {
                let id = super::found(self.conn.query_row(
                    "SELECT id FROM projects WHERE code = ?1",
                    [code],
                    |r| r.get(0),
                ))?;
                Filter::Project(id)
            }
        };
        let mut rows: HashMap<Section, Vec<Row>> = HashMap::new();
        for section in Section::ALL {
            rows.insert(section, read_rows(&self.conn, section, &filter)?);
        }
        if let Some(items) = rows.get_mut(&S::InformationItems) {
            recipients_out(&self.conn, items)?;
        }
        if matches!(filter, Filter::Project(_)) {
            add_referenced(&self.conn, &mut rows)?;
        }
        let mut bundle = Bundle::empty(scope.clone(), Timestamp(self.now()));
        for section in Section::ALL {
            fill(
                &mut bundle,
                section,
                rows.remove(&section).unwrap_or_default(),
            )?;
        }
        Ok(bundle)
    }

    /// Imports a bundle all or nothing: it is validated against the store first (every
    /// problem is returned and nothing is written), then written in one transaction.
    /// Rows are matched by UUID: updated when the bundle's `updated_at` is newer, left
    /// alone when equal, kept and reported as conflicts when older; new rows are
    /// inserted. A dry run does all of that but writes nothing.
    pub fn import_bundle(
        &mut self,
        bundle: &Bundle,
        dry_run: bool,
    ) -> std::result::Result<ImportReport, ImportError> {
        self.import_bundle_with(bundle, dry_run, ImportMode::Merge, &mut |_, _| {})
    }

    /// [`Store::import_bundle`] with a choice of what happens to rows the store has
    /// (`mode`), telling `progress` each section and its number of rows once written.
    pub fn import_bundle_with(
        &mut self,
        bundle: &Bundle,
        dry_run: bool,
        mode: ImportMode,
        progress: &mut dyn FnMut(Section, usize),
    ) -> std::result::Result<ImportReport, ImportError> {
        // An immediate transaction takes the write lock before the store is read, so
        // what was validated is what gets written to. A dry run only reads.
        let nested = !self.conn.is_autocommit();
        let (begin, commit, rollback) = match (nested, dry_run) {
            (true, _) => (
                "SAVEPOINT bundle_import",
                "RELEASE bundle_import",
                "ROLLBACK TO bundle_import; RELEASE bundle_import",
            ),
            (false, false) => ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK"),
            (false, true) => ("BEGIN", "ROLLBACK", "ROLLBACK"),
        };
        self.conn.execute_batch(begin)?;
        let result = self.import_in_transaction(bundle, dry_run, mode, progress);
        let finish = if result.is_ok() && !dry_run {
            commit
        } else {
            rollback
        };
        if let Err(e) = self.conn.execute_batch(finish) {
            // A commit that failed (a full disk) leaves the transaction open: undo it.
            let _ = self.conn.execute_batch(rollback);
            return Err(e.into());
        }
        result
    }

    fn import_in_transaction(
        &self,
        bundle: &Bundle,
        dry_run: bool,
        mode: ImportMode,
        progress: &mut dyn FnMut(Section, usize),
    ) -> std::result::Result<ImportReport, ImportError> {
        let index = Index::load(&self.conn)?;
        let issues = bundle::validate(bundle, &index);
        if !issues.is_empty() {
            return Err(ImportError::Invalid(issues));
        }
        let mut importer = Importer {
            conn: &self.conn,
            index,
            write: !dry_run,
            mode,
            progress,
        };
        // A large import changes the same index pages again and again; a page cache of
        // up to 64 MiB keeps them in memory instead of spilling them to the log each
        // time (a fifth faster at the large demo's size).
        let cache: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn.execute_batch("PRAGMA cache_size = -65536")?;
        // Search indexing waits for the end of the import (`Store::resume_search`);
        // a failed import rolls the pause back with everything else.
        if !dry_run {
            self.pause_search()?;
        }
        let report = importer.all(bundle).and_then(|report| {
            if !dry_run {
                self.resume_search()?;
            }
            Ok(report)
        });
        self.conn
            .execute_batch(&format!("PRAGMA cache_size = {cache}"))?;
        Ok(report?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every column of every table is in the bundle, and nothing else is: a column added
    /// by a migration must be added to `columns` (and to the bundle types) too. The row
    /// id and the edit counter `version` (which tells one window that another changed a
    /// row) belong to one store and are not carried.
    #[test]
    fn columns_cover_every_table_column() {
        let store = Store::open_in_memory(crate::domain::Clock::System).unwrap();
        for section in Section::ALL {
            let mut stmt = store
                .conn
                .prepare(&format!("PRAGMA table_info({})", section.as_str()))
                .unwrap();
            let mut in_table: Vec<String> = stmt
                .query_map([], |r| r.get::<_, String>(1))
                .unwrap()
                .map(|r| r.unwrap())
                .filter(|c| c != "id" && c != "version")
                .collect();
            let mut described: Vec<String> = columns(section)
                .iter()
                .map(|c| c.column().to_string())
                .collect();
            in_table.sort();
            described.sort();
            assert_eq!(in_table, described, "{}", section.as_str());
        }
    }

    /// The bundle's fields of each section are exactly its columns' fields (and an
    /// information entry's recipients).
    #[test]
    fn columns_match_the_bundle_fields() {
        let schema: Json = serde_json::from_str(&bundle::json_schema()).unwrap();
        for section in Section::ALL {
            let items = &schema["properties"][section.as_str()]["items"]["$ref"];
            let name = items.as_str().unwrap().trim_start_matches("#/$defs/");
            let fields: Vec<&str> = schema["$defs"][name]["properties"]
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            let mut described: Vec<&str> = columns(section).iter().map(|c| c.field()).collect();
            // Kept in a table of their own (`recipients_out`, `recipients_in`).
            if section == Section::InformationItems {
                described.push("recipients");
            }
            let mut a = fields.clone();
            let mut b = described.clone();
            a.sort();
            b.sort();
            assert_eq!(a, b, "{}", section.as_str());
        }
    }
}
