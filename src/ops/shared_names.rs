//! Who a shared document must not name (issue 13, parts 3 and 6). A person's name is
//! replaced by a neutral word ("[namn]"), so that an otherwise shareable item can
//! still be shared (`domain::anonymise`); an item that names an organisation other
//! than the buyer is left out, since which supplier said or got what is its business.
//! The compilation of the dialogue first attributes a round's own suppliers as
//! "Leverantör A, B, …" (`SharedNames::with_suppliers`).

use crate::catalog::{self, Lang};
use crate::domain::anonymise::{NameReplacer, Placeholder};
use crate::store::{Store, StoreError};

/// First words of organisation names that say what kind of body it is, not which one.
const GENERIC_FIRST_WORDS: &[&str] = &[
    "region",
    "kommun",
    "stiftelsen",
    "föreningen",
    "förbundet",
    "svenska",
    "sveriges",
    "statens",
    "aktiebolaget",
    "bolaget",
    "institutet",
    "universitet",
    "högskolan",
    "länsstyrelsen",
    "landstinget",
    "nordic",
    "north",
    "scandinavian",
    "the",
    "city",
];

/// What a shared version must not carry, in one document's words.
#[derive(Debug, Clone)]
pub struct SharedNames {
    people: NameReplacer,
    /// Every organisation's name but the buyer's, and the first word it is known by,
    /// trimmed and lower-cased as `names_any` compares them.
    organisations: Vec<String>,
    /// A round's suppliers, each as its letter (the compilation).
    suppliers: Vec<NameReplacer>,
}

impl SharedNames {
    /// `people`'s names replaced by `lang`'s neutral word; `organisations` (the
    /// buyer's left out by the caller) keep an item out.
    pub fn new<S: AsRef<str>>(
        people: impl IntoIterator<Item = S>,
        organisations: impl IntoIterator<Item = S>,
        lang: Lang,
    ) -> SharedNames {
        let placeholder = Placeholder {
            name: catalog::text(lang, "document", "anonymous_name").to_string(),
            genitive: catalog::text(lang, "document", "anonymous_name_genitive").to_string(),
        };
        SharedNames {
            people: NameReplacer::new(people, placeholder),
            organisations: organisation_names(organisations),
            suppliers: Vec::new(),
        }
    }

    /// Every person in the directory, and every organisation but the buyer.
    pub fn of_store(
        store: &Store,
        buyer_id: Option<i64>,
        lang: Lang,
    ) -> Result<SharedNames, StoreError> {
        let people: Vec<String> = store.list_people()?.into_iter().map(|p| p.name).collect();
        let organisations: Vec<String> = store
            .list_organisations()?
            .into_iter()
            .filter(|o| Some(o.id) != buyer_id)
            .map(|o| o.name)
            .collect();
        Ok(SharedNames::new(people, organisations, lang))
    }

    /// These names with a round's suppliers — (name, letter) — named by their letter
    /// ("Leverantör A") rather than keeping the text out.
    pub fn with_suppliers(&self, suppliers: &[(String, String)], lang: Lang) -> SharedNames {
        let suppliers = suppliers
            .iter()
            .map(|(name, letter)| {
                let placeholder = Placeholder {
                    name: catalog::fill(lang, "dialogue", "supplier", &[("letter", letter)]),
                    genitive: catalog::fill(
                        lang,
                        "dialogue",
                        "supplier_genitive",
                        &[("letter", letter)],
                    ),
                };
                let mut names = vec![name.clone()];
                names.extend(known_by(name).map(str::to_string));
                NameReplacer::exact(names, placeholder)
            })
            .collect();
        SharedNames {
            suppliers,
            ..self.clone()
        }
    }

    /// `text` with people's names replaced, organisations' left as they are (a need's
    /// own words, shareable as written).
    pub fn anonymise_people(&self, text: &str) -> String {
        self.people.anonymise(text)
    }

    /// `text` as a shared version may carry it: a round's suppliers by their letter,
    /// people's names replaced; `None` when it names another organisation.
    pub fn share(&self, text: &str) -> Option<String> {
        let mut text = text.to_string();
        for supplier in &self.suppliers {
            text = supplier.anonymise(&text);
        }
        (!names_any(&text, &self.organisations)).then(|| self.people.anonymise(&text))
    }
}

/// The first word an organisation is often named by alone ("Vårdflödes svar" for
/// Vårdflöde Nordic AB), unless it is a word any name may start with.
fn known_by(name: &str) -> Option<&str> {
    name.split_whitespace().next().filter(|first| {
        first.chars().count() >= 4 && !GENERIC_FIRST_WORDS.contains(&first.to_lowercase().as_str())
    })
}

/// Organisation names as `names_any` compares them: each name and the first word it is
/// known by, trimmed and lower-cased; too short a name is no evidence.
fn organisation_names<S: AsRef<str>>(organisations: impl IntoIterator<Item = S>) -> Vec<String> {
    let mut names = Vec::new();
    for name in organisations {
        let name = name.as_ref();
        names.extend(known_by(name).map(str::to_string));
        names.push(name.to_string());
    }
    names
        .iter()
        .map(|n| n.trim().to_lowercase())
        .filter(|n| n.chars().count() >= 3)
        .collect()
}

/// Whether `text` names any of `names` (trimmed, lower-case) as a word, ignoring case
/// ("Norrsken", "Norrskens"; not "Norrsken" inside "Norrskensgatan" — one letter `s`
/// after a name, the genitive, still counts).
fn names_any(text: &str, names: &[String]) -> bool {
    let text = text.to_lowercase();
    names.iter().any(|name| {
        text.match_indices(name.as_str()).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let mut after = text[at + name.len()..].chars();
            let word_start = !before.is_some_and(char::is_alphanumeric);
            let word_end = match after.next() {
                None => true,
                Some('s') => !after.next().is_some_and(char::is_alphanumeric),
                Some(c) => !c.is_alphanumeric(),
            };
            word_start && word_end
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> SharedNames {
        SharedNames::new(
            ["Åsa Öberg", "Per Nilsson"],
            [
                "Vårdflöde Nordic AB",
                "Region Norrbotten",
                "Norrsken Sensorteknik AB",
            ],
            Lang::Sv,
        )
    }

    #[test]
    fn an_organisation_named_by_its_first_word_is_named() {
        let n = names();
        assert_eq!(n.share("Svar på Vårdflödes fråga"), None);
        assert_eq!(n.share("vårdflöde nordic ab svarade"), None);
        // A generic first word alone names nobody.
        assert!(n.share("Regionen och kommunen").is_some());
        assert!(n.share("Region och kommun samverkar").is_some());
    }

    #[test]
    fn a_person_is_replaced_and_the_item_kept() {
        let n = names();
        assert_eq!(
            n.share("Åsa sa att 40 kr per månad räcker.").as_deref(),
            Some("[namn] sa att 40 kr per månad räcker.")
        );
        assert_eq!(
            n.share("Enligt Öbergs lista").as_deref(),
            Some("Enligt [namn]s lista")
        );
        let en = SharedNames::new(["Åsa Öberg"], Vec::<&str>::new(), Lang::En);
        assert_eq!(en.share("Öberg's list").as_deref(), Some("[name]'s list"));
        assert_eq!(en.share("Åsas list").as_deref(), Some("[name]'s list"));
        // A person and an organisation: still left out.
        assert_eq!(n.share("Åsa på Norrsken Sensorteknik AB"), None);
    }

    #[test]
    fn a_rounds_suppliers_are_named_by_their_letter() {
        let n = names().with_suppliers(&[("Vårdflöde Nordic AB".into(), "A".into())], Lang::Sv);
        assert_eq!(
            n.share("Vårdflödes sensorer, enligt Åsa").as_deref(),
            Some("Leverantör A:s sensorer, enligt [namn]")
        );
        // Another organisation than the round's suppliers keeps the text out.
        assert_eq!(n.share("Vi samarbetar med Norrsken Sensorteknik AB"), None);
    }
}
