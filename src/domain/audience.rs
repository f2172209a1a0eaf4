//! Who may read what: the one rule that every export's gathering applies (DESIGN §6).
//!
//! Notes and every outcome (decisions, actions, questions with their answers, needs and
//! their evidence, improvement suggestions) carry one of the four confidentiality
//! labels, and [`Audience::may_read`] alone decides which reach which version:
//!
//! - `internal` (the buyer's team) reads shareable and internal items;
//! - `shared` (everyone who took part) reads only shareable items;
//! - supplier-confidential and personal items reach no export at all.
//!
//! The gathering step ([`Audience::share`]) keeps only what the audience may read, so
//! a renderer never sees, and never counts, what it must not show.

use super::enums::{Audience, Confidentiality};
use super::need::{Evidence, Need, Suggestion};
use super::notes::{ActionItem, Decision, Note, Question};

/// Something that carries a confidentiality label.
pub trait Labelled {
    fn confidentiality(&self) -> Confidentiality;
}

macro_rules! labelled {
    ($($t:ty),*) => {$(
        impl Labelled for $t {
            fn confidentiality(&self) -> Confidentiality {
                self.confidentiality
            }
        }
    )*};
}

labelled!(
    Note, Decision, ActionItem, Question, Need, Evidence, Suggestion
);

impl Audience {
    /// Whether items with this label may reach this audience.
    pub fn may_read(self, c: Confidentiality) -> bool {
        match c {
            Confidentiality::Shareable => true,
            Confidentiality::Internal => self == Audience::Internal,
            Confidentiality::SupplierConfidential | Confidentiality::Personal => false,
        }
    }

    /// The items this audience may read, in their order; the others are dropped.
    pub fn share<T: Labelled>(self, items: Vec<T>) -> Vec<T> {
        items
            .into_iter()
            .filter(|i| self.may_read(i.confidentiality()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::TextEnum;

    #[test]
    fn shared_reads_only_shareable_and_internal_reads_no_secrets() {
        use Confidentiality::*;
        let read = |a: Audience| {
            Confidentiality::ALL
                .iter()
                .copied()
                .filter(|c| a.may_read(*c))
                .collect::<Vec<_>>()
        };
        assert_eq!(read(Audience::Shared), [Shareable]);
        assert_eq!(read(Audience::Internal), [Shareable, Internal]);
    }
}
