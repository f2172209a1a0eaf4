//! Merging two organisations that are both suppliers in one dialogue round (issue 13,
//! part 3). A round has one row per supplier and one answer per question and supplier
//! (migration 0012's UNIQUE keys), so before the merge moves the references these are
//! made one: the supplier keeps the earlier letter (the one the shared compilation has
//! used longest), and an answer given by both keeps both texts, in letter order, under
//! the stricter of the two labels (nothing becomes readable that was not).

use rusqlite::{Connection, OptionalExtension, params};

use super::Result;
use crate::domain::{Confidentiality, TextEnum};

/// One supplier row of a round.
struct Seat {
    id: i64,
    seq: i64,
    meeting_id: Option<i64>,
}

/// An answer row: its id, text, label and meeting.
type Answer = (i64, String, String, Option<i64>);

/// Makes `from`'s and `into`'s rows one in every round where both are suppliers, and
/// on `into`: afterwards `from` is in no such round, so moving the rest of its
/// references cannot meet a UNIQUE key. Returns how many rounds were joined.
pub(super) fn join_round_suppliers(
    conn: &Connection,
    from: i64,
    into: i64,
    now: &str,
) -> Result<usize> {
    let rounds: Vec<i64> = conn
        .prepare(
            "SELECT a.round_id FROM round_suppliers a JOIN round_suppliers b
             ON b.round_id = a.round_id AND b.organisation_id = ?2
             WHERE a.organisation_id = ?1 ORDER BY a.round_id",
        )?
        .query_map(params![from, into], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for &round in &rounds {
        let (f, i) = (seat(conn, round, from)?, seat(conn, round, into)?);
        // The earlier letter's text comes first.
        let (first, second) = if f.seq < i.seq {
            (from, into)
        } else {
            (into, from)
        };
        join_answers(conn, round, first, second, into, now)?;
        // The kept row is the earlier letter's, now naming `into`.
        let (kept, gone) = if f.seq < i.seq { (&f, &i) } else { (&i, &f) };
        conn.execute("DELETE FROM round_suppliers WHERE id = ?1", [gone.id])?;
        conn.execute(
            "UPDATE round_suppliers SET organisation_id = ?2, meeting_id = ?3, updated_at = ?4
             WHERE id = ?1",
            params![kept.id, into, kept.meeting_id.or(gone.meeting_id), now],
        )?;
    }
    Ok(rounds.len())
}

fn seat(conn: &Connection, round: i64, organisation: i64) -> Result<Seat> {
    Ok(conn.query_row(
        "SELECT id, seq, meeting_id FROM round_suppliers
         WHERE round_id = ?1 AND organisation_id = ?2",
        params![round, organisation],
        |r| {
            Ok(Seat {
                id: r.get(0)?,
                seq: r.get(1)?,
                meeting_id: r.get(2)?,
            })
        },
    )?)
}

/// Every question of the round (trashed ones too, so a restore finds its answers) that
/// both answered keeps one row, on `into`, with both texts; a question only `from`
/// answered moves to `into` with the rest of the merge.
fn join_answers(
    conn: &Connection,
    round: i64,
    first: i64,
    second: i64,
    into: i64,
    now: &str,
) -> Result<()> {
    let questions: Vec<i64> = conn
        .prepare("SELECT id FROM round_questions WHERE round_id = ?1 ORDER BY id")?
        .query_map([round], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for q in questions {
        let (Some(a), Some(b)) = (answer(conn, q, first)?, answer(conn, q, second)?) else {
            continue;
        };
        let body = [a.1.trim(), b.1.trim()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        let label = stricter(&a.2, &b.2);
        let (kept, gone) = if first == into { (&a, &b) } else { (&b, &a) };
        conn.execute("DELETE FROM round_answers WHERE id = ?1", [gone.0])?;
        conn.execute(
            "UPDATE round_answers SET body = ?2, confidentiality = ?3, meeting_id = ?4,
                updated_at = ?5 WHERE id = ?1",
            params![kept.0, body, label, kept.3.or(gone.3), now],
        )?;
    }
    Ok(())
}

fn answer(conn: &Connection, question: i64, organisation: i64) -> Result<Option<Answer>> {
    Ok(conn
        .query_row(
            "SELECT id, body, confidentiality, meeting_id FROM round_answers
             WHERE question_id = ?1 AND organisation_id = ?2",
            params![question, organisation],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?)
}

/// The label that lets fewer read: shareable < internal < supplier_confidential <
/// personal (the order of `Confidentiality::ALL`).
fn stricter(a: &str, b: &str) -> &'static str {
    let rank =
        |s: &str| Confidentiality::parse(s).map_or(Confidentiality::ALL.len(), |c| c.index());
    let top = rank(a).max(rank(b)).min(Confidentiality::ALL.len() - 1);
    Confidentiality::ALL[top].as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stricter_label_wins() {
        assert_eq!(stricter("shareable", "internal"), "internal");
        assert_eq!(
            stricter("supplier_confidential", "shareable"),
            "supplier_confidential"
        );
        assert_eq!(stricter("personal", "internal"), "personal");
        assert_eq!(stricter("shareable", "shareable"), "shareable");
        // An unknown label (which the schema's CHECK forbids) is read as the strictest.
        assert_eq!(stricter("shareable", "?"), "personal");
    }
}
