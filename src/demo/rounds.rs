//! The demo's dialogue rounds, as data: rounds are not in bundles yet, so the demo
//! loader (`ops::demo`) writes them after the bundle, by UUID, once.
//!
//! LULE-25 has one round of one-to-one dialogues: four questions put to three
//! suppliers who answered (one at its meeting, two in writing — one of those has not
//! answered the last question yet), and a fourth supplier whose meeting is still to
//! come, so the matrix warns that it has not been asked what the others were.

use crate::domain::{Confidentiality, RoundKind};

/// A supplier of the demo round: an organisation of the demo bundle.
pub struct DemoSupplier {
    pub organisation_uuid: &'static str,
    /// Its one-to-one meeting in the demo bundle, if any.
    pub meeting_uuid: Option<&'static str>,
    /// Per question: `None` not asked; `Some(("", _))` asked, not answered.
    pub answers: [Option<(&'static str, Confidentiality)>; 4],
}

pub struct DemoRound {
    pub uuid: &'static str,
    pub project_code: &'static str,
    pub kind: RoundKind,
    pub title: &'static str,
    pub purpose: &'static str,
    pub questions: [(&'static str, &'static str); 4],
    pub suppliers: Vec<DemoSupplier>,
}

use Confidentiality::{Internal, Shareable, SupplierConfidential};

/// The demo's rounds.
pub fn rounds() -> Vec<DemoRound> {
    vec![DemoRound {
        uuid: "7d1d0000-0000-4000-8000-000000000515",
        project_code: "LULE-25",
        kind: RoundKind::OneToOne,
        title: "Enskilda dialogmöten om nattillsyn",
        purpose: "Samma frågor till varje leverantör, så att svaren kan jämföras och alla får samma information.",
        questions: [
            (
                "7d1d0000-0000-4000-8000-000000000516",
                "Hur kan tillsyn på natten ske utan att brukaren väcks?",
            ),
            (
                "7d1d0000-0000-4000-8000-000000000517",
                "Vad händer med larm och tillsyn vid ett driftavbrott?",
            ),
            (
                "7d1d0000-0000-4000-8000-000000000518",
                "Var behandlas personuppgifterna, och av vem?",
            ),
            (
                "7d1d0000-0000-4000-8000-000000000519",
                "Hur lång tid behöver en pilot i tre hemtjänstområden?",
            ),
        ],
        suppliers: vec![
            DemoSupplier {
                organisation_uuid: "7d1d0000-0000-4000-8000-000000000007",
                meeting_uuid: Some("7d1d0000-0000-4000-8000-000000000196"),
                answers: [
                    Some((
                        "Radarsensorer i taket känner av andning och rörelse utan kamera och utan ljud.",
                        Shareable,
                    )),
                    Some((
                        "Sensorerna larmar lokalt via mobilnätet när bredbandet ligger nere; reservbatteri räcker ett dygn.",
                        Shareable,
                    )),
                    Some((
                        "Inom EU, i egen drift. Underbiträden redovisas i avtalet.",
                        Shareable,
                    )),
                    Some((
                        "Sex månader, varav en för installation. Prisnivån för piloten lämnades muntligt.",
                        SupplierConfidential,
                    )),
                ],
            },
            DemoSupplier {
                organisation_uuid: "7d1d0000-0000-4000-8000-00000000051a",
                meeting_uuid: None,
                answers: [
                    Some((
                        "Värmekamera med låg upplösning som bara visar en siluett; ingen bild sparas.",
                        Shareable,
                    )),
                    Some((
                        "Larmen går över två operatörers nät. Vid avbrott ringer larmcentralen upp.",
                        Shareable,
                    )),
                    Some((
                        "Hos en molnleverantör i Irland; vi utreder drift i Sverige.",
                        Internal,
                    )),
                    Some((
                        "Tre till fyra månader. Vi samarbetar gärna med Norrsken Sensorteknik AB om sensorerna.",
                        Shareable,
                    )),
                ],
            },
            DemoSupplier {
                organisation_uuid: "7d1d0000-0000-4000-8000-00000000051b",
                meeting_uuid: None,
                answers: [
                    Some((
                        "Sängsensor under madrassen som mäter puls och rörelse.",
                        Shareable,
                    )),
                    Some((
                        "Sensorn sparar händelser i upp till 72 timmar och skickar dem när nätet är tillbaka.",
                        Shareable,
                    )),
                    Some((
                        "I Sverige, i kommunens egen molntjänst om den finns.",
                        Shareable,
                    )),
                    Some(("", Shareable)),
                ],
            },
            DemoSupplier {
                organisation_uuid: "7d1d0000-0000-4000-8000-000000000006",
                meeting_uuid: Some("7d1d0000-0000-4000-8000-000000000199"),
                answers: [None, None, None, None],
            },
        ],
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_round_puts_four_questions_to_at_least_three_suppliers_who_answer() {
        for round in rounds() {
            let answering = round
                .suppliers
                .iter()
                .filter(|s| s.answers.iter().flatten().any(|(body, _)| !body.is_empty()))
                .count();
            assert!(round.questions.len() >= 4 && answering >= 3);
        }
    }
}
