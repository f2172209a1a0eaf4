//! Dialogue rounds (dialogomgångar): the same questions put to every supplier taking
//! part, their answers, and the matrix of questions × suppliers that shows who was asked
//! what and who answered (equal treatment).

use super::enums::{Confidentiality, RoundKind};
use super::validation::{FieldError, FieldErrors};

/// A round in a project.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Round {
    pub id: i64,
    pub uuid: String,
    pub project_id: i64,
    pub project_code: String,
    pub kind: RoundKind,
    pub title: String,
    pub purpose: String,
    pub created_at: String,
    pub updated_at: String,
}

/// What a round form writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundInput {
    pub kind: RoundKind,
    pub title: String,
    pub purpose: String,
}

impl RoundInput {
    /// Trimmed and checked; a round needs a title.
    pub fn validated(mut self) -> Result<RoundInput, FieldErrors> {
        self.title = self.title.trim().to_string();
        self.purpose = self.purpose.trim().to_string();
        let mut errors = FieldErrors::default();
        if self.title.is_empty() {
            errors.add("title", FieldError::Required);
        }
        errors.into_result(self)
    }
}

/// One question of a round, in its place.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RoundQuestion {
    pub id: i64,
    pub uuid: String,
    pub round_id: i64,
    /// 1, 2, 3 … in the order the questions are put.
    pub position: i64,
    pub text: String,
}

/// A supplier (organisation) taking part in a round.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RoundSupplier {
    pub organisation_id: i64,
    pub name: String,
    /// The number it got when it joined: its letter in the shared compilation.
    pub seq: i64,
    /// Its one-to-one meeting in the round; `None` for a written answer.
    pub meeting_id: Option<i64>,
}

impl RoundSupplier {
    /// "A", "B" … "Z", "AA" …: the name the shared compilation gives it.
    pub fn letter(&self) -> String {
        supplier_letter(self.seq)
    }
}

/// A spreadsheet-style letter for a supplier's number: 1 → A, 26 → Z, 27 → AA.
pub fn supplier_letter(seq: i64) -> String {
    let mut n = seq.max(1);
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A question put to a supplier, and what it answered (empty: nothing yet).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RoundAnswer {
    pub id: i64,
    pub uuid: String,
    pub question_id: i64,
    pub organisation_id: i64,
    pub meeting_id: Option<i64>,
    pub body: String,
    pub confidentiality: Confidentiality,
    pub updated_at: String,
}

/// One cell of the matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// The question was never put to this supplier.
    NotAsked,
    /// Asked, but no answer recorded yet.
    Missing,
    Answered {
        body: String,
        confidentiality: Confidentiality,
    },
}

/// Questions × suppliers of one round (a page of its questions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    pub questions: Vec<RoundQuestion>,
    pub suppliers: Vec<RoundSupplier>,
    /// `cells[q][s]` for `questions[q]` and `suppliers[s]`.
    pub cells: Vec<Vec<Cell>>,
}

/// A supplier that was not asked a question that another supplier was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAsked {
    pub question_position: i64,
    pub supplier: String,
}

impl Matrix {
    /// Builds the cells from the answers (rows of questions put); any other pair is
    /// not asked.
    pub fn new(
        questions: Vec<RoundQuestion>,
        suppliers: Vec<RoundSupplier>,
        answers: &[RoundAnswer],
    ) -> Matrix {
        let cells = questions
            .iter()
            .map(|q| {
                suppliers
                    .iter()
                    .map(|s| {
                        match answers.iter().find(|a| {
                            a.question_id == q.id && a.organisation_id == s.organisation_id
                        }) {
                            None => Cell::NotAsked,
                            Some(a) if a.body.trim().is_empty() => Cell::Missing,
                            Some(a) => Cell::Answered {
                                body: a.body.clone(),
                                confidentiality: a.confidentiality,
                            },
                        }
                    })
                    .collect()
            })
            .collect();
        Matrix {
            questions,
            suppliers,
            cells,
        }
    }

    /// Equal treatment: each supplier left out of a question that at least one other
    /// supplier was asked, question by question.
    pub fn not_asked(&self) -> Vec<NotAsked> {
        let mut out = Vec::new();
        for (q, row) in self.questions.iter().zip(&self.cells) {
            if row.iter().all(|c| *c == Cell::NotAsked) {
                continue;
            }
            for (s, cell) in self.suppliers.iter().zip(row) {
                if *cell == Cell::NotAsked {
                    out.push(NotAsked {
                        question_position: q.position,
                        supplier: s.name.clone(),
                    });
                }
            }
        }
        out
    }

    /// Pairs asked but not answered.
    pub fn missing(&self) -> usize {
        self.cells
            .iter()
            .flatten()
            .filter(|c| **c == Cell::Missing)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(id: i64) -> RoundQuestion {
        RoundQuestion {
            id,
            uuid: format!("q{id}"),
            round_id: 1,
            position: id,
            text: format!("Question {id}"),
        }
    }

    fn s(id: i64, name: &str) -> RoundSupplier {
        RoundSupplier {
            organisation_id: id,
            name: name.into(),
            seq: id,
            meeting_id: None,
        }
    }

    fn a(q: i64, org: i64, body: &str) -> RoundAnswer {
        RoundAnswer {
            id: q * 10 + org,
            uuid: String::new(),
            question_id: q,
            organisation_id: org,
            meeting_id: None,
            body: body.into(),
            confidentiality: Confidentiality::Shareable,
            updated_at: String::new(),
        }
    }

    #[test]
    fn letters_run_like_spreadsheet_columns() {
        assert_eq!(supplier_letter(1), "A");
        assert_eq!(supplier_letter(3), "C");
        assert_eq!(supplier_letter(26), "Z");
        assert_eq!(supplier_letter(27), "AA");
        assert_eq!(supplier_letter(52), "AZ");
    }

    #[test]
    fn the_matrix_tells_not_asked_from_missing() {
        let m = Matrix::new(
            vec![q(1), q(2), q(3)],
            vec![s(1, "Alfa"), s(2, "Beta")],
            &[a(1, 1, "Yes"), a(1, 2, ""), a(2, 1, "No")],
        );
        assert_eq!(m.cells[0][1], Cell::Missing);
        assert_eq!(m.cells[1][1], Cell::NotAsked);
        assert_eq!(m.missing(), 1);
        // Question 3 was asked of nobody: no warning; question 2 of Alfa only.
        assert_eq!(
            m.not_asked(),
            [NotAsked {
                question_position: 2,
                supplier: "Beta".into()
            }]
        );
    }
}
