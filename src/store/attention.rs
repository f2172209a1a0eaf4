//! What needs attention: a project's attention view, the portfolio's per-project
//! figures and the "today" strip. Everything is counted in SQL and each list is paged
//! with LIMIT, so no screen reads a whole table. The rules (which statuses count as
//! open, overdue, waiting) come from `domain::attention`.
//!
//! A stored value a reader cannot parse (a damaged date or status) never fails a view:
//! the line shows without it, and the item's own screen reports the row.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Row, params};

use super::{Result, Store};
use crate::domain::{
    Attention, AttentionLine, CHECKLIST_LEN, EntityKind, EntityRef, LineDetail, LineWhen,
    MeetingType, NotesStatus, ProjectFigures, Section, SectionKind, SuggestionStatus, TextEnum,
    action_open, awaits_buyer, checklist_open, codes_where, need_open,
};

/// Lines shown per section of the attention view; the section's title gives the total.
pub const ATTENTION_PAGE: usize = 5;

/// Meetings the "today" strip lists by name.
pub const TODAY_PAGE: usize = 6;

/// The checklist bits when every point is ticked.
fn checklist_full() -> u32 {
    (1u32 << CHECKLIST_LEN) - 1
}

/// SQL: the meeting `m` is supplier-facing, by its type or because a supplier attends
/// (the rule of `domain::is_supplier_facing`).
fn supplier_facing_sql() -> String {
    let kinds = codes_where(MeetingType::is_supplier_facing);
    format!(
        "(m.kind IN ({kinds}) OR EXISTS (
            SELECT 1 FROM attendance a JOIN people pe ON pe.id = a.person_id
            JOIN organisations o ON o.id = pe.organisation_id
            WHERE a.meeting_id = m.id AND pe.deleted_at IS NULL AND o.kind = 'supplier'))"
    )
}

fn day(text: Option<String>) -> LineWhen {
    text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok())
        .map_or(LineWhen::None, LineWhen::Day)
}

/// What each section lists: its rows as (id, title, when, detail) and the total before
/// the page is cut, in one query.
struct SectionQuery {
    kind: SectionKind,
    entity: EntityKind,
    sql: String,
}

impl Store {
    /// What needs attention in project `id`, as of the store's clock: the first
    /// `ATTENTION_PAGE` lines of each section, as the screen shows them.
    pub fn attention(&self, id: i64) -> Result<Attention> {
        self.attention_paged(id, Some(ATTENTION_PAGE))
    }

    /// What needs attention in project `id`, with up to `page` lines per section, or
    /// every line (`None`, for a document such as the project report).
    pub fn attention_paged(&self, id: i64, page: Option<usize>) -> Result<Attention> {
        // SQLite reads a negative LIMIT as none.
        let limit = page.map_or(-1, |p| p as i64);
        let today = self.clock.today().to_string();
        let now = self.now();
        let mut sections = Vec::new();
        for q in section_queries() {
            let mut stmt = self.conn.prepare_cached(&q.sql)?;
            let mut total = 0;
            let mut lines = Vec::new();
            let mut rows = stmt.query(params![id, today, now, limit])?;
            while let Some(r) = rows.next()? {
                total = r.get::<_, i64>(0)? as usize;
                lines.push(line(q.kind, q.entity, r, &today)?);
            }
            if total > 0 {
                sections.push(Section {
                    kind: q.kind,
                    lines,
                    total,
                });
            }
        }
        let overdue_actions = self.conn.query_row(
            &format!(
                "SELECT count(*) FROM action_items
                 WHERE project_id = ?1 AND deleted_at IS NULL AND status IN ({})
                   AND due_date < ?2",
                codes_where(action_open)
            ),
            params![id, today],
            |r| r.get::<_, i64>(0),
        )? as usize;
        let last_reviewed_at = self.conn.query_row(
            "SELECT last_reviewed_at FROM projects WHERE id = ?1",
            [id],
            |r| r.get(0),
        )?;
        Ok(Attention {
            sections,
            overdue_actions,
            needs: self.need_counts(id)?,
            last_reviewed_at,
        })
    }

    /// The portfolio's figures for the projects `ids` (the rows on screen), in one
    /// query: next planned meeting, overdue actions, open needs, last review.
    pub fn project_figures(&self, ids: &[i64]) -> Result<HashMap<i64, ProjectFigures>> {
        let today = self.clock.today().to_string();
        let now = self.now();
        let sql = format!(
            "SELECT p.id, {}, {}, {}, p.last_reviewed_at, {}
             FROM projects p WHERE p.id IN (SELECT value FROM json_each(?1))",
            figure_sql(Figure::NextMeeting, &today, &now),
            figure_sql(Figure::Overdue, &today, &now),
            figure_sql(Figure::OpenNeeds, &today, &now),
            figure_sql(Figure::Slipped, &today, &now),
        );
        let ids = serde_json::to_string(ids).expect("ids serialise");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([ids], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                ProjectFigures {
                    next_meeting: r.get(1)?,
                    overdue_actions: r.get::<_, i64>(2)? as usize,
                    open_needs: r.get::<_, i64>(3)? as usize,
                    last_reviewed_at: r.get(4)?,
                    slipped_milestones: r.get::<_, i64>(5)? as usize,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The portfolio's "today" strip: live projects' meetings between `from` and `to`
    /// (stored UTC, the local day), the first `TODAY_PAGE` of them, and what is overdue
    /// across all live projects.
    pub fn today_strip(&self, from: &str, to: &str) -> Result<TodayStrip> {
        let today = self.clock.today().to_string();
        let mut stmt = self.conn.prepare_cached(
            "SELECT count(*) OVER (), m.id, p.code, m.title, m.start_at
             FROM meetings m JOIN projects p ON p.id = m.project_id
             WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL AND m.status != 'cancelled'
               AND m.start_at >= ?1 AND m.start_at < ?2
             ORDER BY m.start_at, p.code LIMIT ?3",
        )?;
        let mut strip = TodayStrip::default();
        let mut rows = stmt.query(params![from, to, TODAY_PAGE as i64])?;
        while let Some(r) = rows.next()? {
            strip.meetings_total = r.get::<_, i64>(0)? as usize;
            strip.meetings.push(TodayMeeting {
                id: r.get(1)?,
                project_code: r.get(2)?,
                title: r.get(3)?,
                start_at: r.get(4)?,
            });
        }
        // Counted from the partial indexes alone (migration 0010): everything overdue,
        // less what belongs to projects in the trash (few, found from the projects).
        let open = codes_where(action_open);
        let (actions, milestones) = self.conn.query_row(
            &format!(
                "SELECT
                   (SELECT count(*) FROM action_items a INDEXED BY action_items_open_due
                    WHERE a.deleted_at IS NULL AND a.status IN ({open}) AND a.due_date < ?1)
                 - (SELECT count(*) FROM projects p
                    CROSS JOIN action_items a INDEXED BY action_items_open_project_due
                    WHERE a.project_id = p.id AND p.deleted_at IS NOT NULL
                      AND a.deleted_at IS NULL AND a.status IN ({open}) AND a.due_date < ?1),
                   (SELECT count(*) FROM milestones ms INDEXED BY milestones_planned_due
                    WHERE ms.deleted_at IS NULL AND ms.status = 'planned' AND ms.due_date < ?1)
                 - (SELECT count(*) FROM projects p CROSS JOIN milestones ms
                    WHERE ms.project_id = p.id AND p.deleted_at IS NOT NULL
                      AND ms.deleted_at IS NULL AND ms.status = 'planned' AND ms.due_date < ?1)"
            ),
            [&today],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
        )?;
        strip.overdue_actions = actions as usize;
        strip.slipped_milestones = milestones as usize;
        Ok(strip)
    }

    /// The ids and codes of the live active projects, in code order: review mode's walk.
    pub fn active_projects(&self) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, code FROM projects
             WHERE deleted_at IS NULL AND status = 'active' ORDER BY code",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Meetings of the day across projects, and what is overdue everywhere.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TodayStrip {
    pub meetings: Vec<TodayMeeting>,
    pub meetings_total: usize,
    pub overdue_actions: usize,
    pub slipped_milestones: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TodayMeeting {
    pub id: i64,
    pub project_code: String,
    pub title: String,
    pub start_at: String,
}

/// The per-project figures the portfolio shows and sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Figure {
    NextMeeting,
    Overdue,
    OpenNeeds,
    Slipped,
}

/// SQL for one figure of project `p`, with today's date and the current instant
/// written in (they come from the clock, never from the user). Each reads one partial
/// index of migration 0010 (named, so that the planner cannot pick a worse one: with
/// thousands of overdue actions, `action_items_due` made the portfolio 500 times
/// slower).
pub(super) fn figure_sql(figure: Figure, today: &str, now: &str) -> String {
    match figure {
        Figure::NextMeeting => format!(
            "(SELECT min(m.start_at) FROM meetings m INDEXED BY meetings_planned_project_start
              WHERE m.project_id = p.id AND m.deleted_at IS NULL AND m.status = 'planned'
                AND m.start_at >= '{now}')"
        ),
        Figure::Overdue => format!(
            "(SELECT count(*) FROM action_items a INDEXED BY action_items_open_project_due
              WHERE a.project_id = p.id AND a.deleted_at IS NULL AND a.status IN ({})
                AND a.due_date < '{today}')",
            codes_where(action_open)
        ),
        Figure::Slipped => format!(
            "(SELECT count(*) FROM milestones ms
              WHERE ms.project_id = p.id AND ms.deleted_at IS NULL AND ms.status = 'planned'
                AND ms.due_date < '{today}')"
        ),
        Figure::OpenNeeds => format!(
            "(SELECT count(*) FROM needs n INDEXED BY needs_open_project
              WHERE n.project_id = p.id AND n.deleted_at IS NULL AND n.status IN ({}))",
            codes_where(need_open)
        ),
    }
}

/// One query per section. Parameters: ?1 project, ?2 today, ?3 now, ?4 page size.
/// Columns: total, id, title, when, then the section's detail columns.
fn section_queries() -> Vec<SectionQuery> {
    let open_actions = codes_where(action_open);
    let waiting = codes_where(awaits_buyer);
    let full = checklist_full();
    let facing = supplier_facing_sql();
    let meetings = |kind, filter: &str, order: &str| SectionQuery {
        kind,
        entity: EntityKind::Meeting,
        sql: format!(
            "SELECT count(*) OVER (), m.id, m.title, m.start_at, m.kind, m.notes_status,
                    m.checklist
             FROM meetings m
             WHERE m.project_id = ?1 AND m.deleted_at IS NULL AND {filter}
               AND ?2 IS NOT NULL AND ?3 IS NOT NULL
             ORDER BY {order} LIMIT ?4"
        ),
    };
    vec![
        SectionQuery {
            kind: SectionKind::SlippedMilestones,
            entity: EntityKind::Milestone,
            sql: "SELECT count(*) OVER (), id, title, due_date FROM milestones
                  WHERE project_id = ?1 AND deleted_at IS NULL AND status = 'planned'
                    AND due_date < ?2 AND ?3 IS NOT NULL
                  ORDER BY due_date, id LIMIT ?4"
                .into(),
        },
        meetings(
            SectionKind::NextMeetings,
            "m.status = 'planned' AND m.start_at >= ?3",
            "m.start_at, m.id",
        ),
        SectionQuery {
            kind: SectionKind::Actions,
            entity: EntityKind::ActionItem,
            // Overdue first (earliest due first), then those without a due date.
            sql: format!(
                "SELECT count(*) OVER (), id, title, due_date, owner FROM action_items
                 WHERE project_id = ?1 AND deleted_at IS NULL AND status IN ({open_actions})
                   AND ?2 IS NOT NULL AND ?3 IS NOT NULL
                 ORDER BY due_date IS NULL, due_date, id LIMIT ?4"
            ),
        },
        meetings(
            SectionKind::NotesMissing,
            "m.status = 'held' AND m.notes_status = 'none'",
            "m.start_at DESC, m.id",
        ),
        meetings(
            SectionKind::NotesUnsent,
            "m.status = 'held' AND m.notes_status IN ('working', 'draft', 'approved')",
            "m.start_at DESC, m.id",
        ),
        meetings(
            SectionKind::OpenPoints,
            &format!("m.status != 'cancelled' AND (m.checklist & {full}) != {full} AND {facing}"),
            "m.start_at, m.id",
        ),
        SectionQuery {
            kind: SectionKind::AwaitingBuyer,
            entity: EntityKind::Suggestion,
            sql: format!(
                "SELECT count(*) OVER (), id, title, NULL, status FROM suggestions
                 WHERE project_id = ?1 AND deleted_at IS NULL AND status IN ({waiting})
                   AND ?2 IS NOT NULL AND ?3 IS NOT NULL
                 ORDER BY created_at, id LIMIT ?4"
            ),
        },
    ]
}

fn line(kind: SectionKind, entity: EntityKind, r: &Row<'_>, today: &str) -> Result<AttentionLine> {
    let id: i64 = r.get(1)?;
    let title: String = r.get(2)?;
    let (when, detail) = match entity {
        EntityKind::Meeting => {
            let start: Option<String> = r.get(3)?;
            let meeting_kind = r
                .get::<_, String>(4)
                .ok()
                .and_then(|s| MeetingType::parse(&s));
            let notes = r
                .get::<_, String>(5)
                .ok()
                .and_then(|s| NotesStatus::parse(&s));
            let checklist: i64 = r.get(6)?;
            let detail = match kind {
                SectionKind::OpenPoints => LineDetail::OpenPoints(checklist_open(checklist as u32)),
                SectionKind::NotesUnsent => notes.map_or(LineDetail::None, LineDetail::Notes),
                _ => meeting_kind.map_or(LineDetail::None, LineDetail::Meeting),
            };
            (start.map_or(LineWhen::None, LineWhen::At), detail)
        }
        EntityKind::ActionItem => {
            let due: Option<String> = r.get(3)?;
            let overdue = due.as_deref().is_some_and(|d| d < today);
            let owner: String = r.get(4)?;
            (day(due), LineDetail::Action { owner, overdue })
        }
        EntityKind::Suggestion => {
            let status = r
                .get::<_, String>(4)
                .ok()
                .and_then(|s| SuggestionStatus::parse(&s));
            (
                LineWhen::None,
                status.map_or(LineDetail::None, LineDetail::Suggestion),
            )
        }
        _ => (day(r.get(3)?), LineDetail::None),
    };
    Ok(AttentionLine {
        item: EntityRef::new(entity, id),
        title,
        when,
        detail,
    })
}
