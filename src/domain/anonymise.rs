//! Anonymising named persons in shared versions (issue 13, part 6): a person's name in
//! a shareable text — the full name, the first name or the surname alone, with the
//! genitive -s ("Åsas", "Öbergs") — is replaced by a neutral word ("[namn]"), so that
//! the item can still be shared. Naming an organisation is another matter: which
//! supplier said what is the business of the organisation, and the gathering step
//! leaves such an item out (`ops::export`).
//!
//! Pure: names and text in, text out. The words come from the caller (the catalog of
//! the document's language).
//!
//! A first name or surname alone is taken for the person only when it is written with
//! a capital, as a name is: "per månad" and "bo kvar" are not Per or Bo. A name part
//! that is also a common Swedish or English word (`COMMON_WORD_NAMES`) must moreover
//! not open a sentence ("Per månad …" is not Per either); written in full, a name is
//! always recognised, whatever its case.

/// Name parts that are also ordinary words, lower-case: alone they count as a name
/// only capitalised inside a sentence. A short list, not a catalog: it guards against
/// blanking ordinary text, and what it misses is still caught when capitalised.
const COMMON_WORD_NAMES: &[&str] = &[
    "bo", "per", "dag", "maj", "sol", "sten", "björn", "ask", "tor", "vid", "vide", "rut", "ek",
    "berg", "lund", "holm", "strand", "lind", "björk", "falk", "ros", "hed", "sjö", "ström", "ny",
    "frid", "hall", "mark", "rose", "may", "will", "grace", "hope", "joy", "bill", "rich", "young",
    "long", "brown", "white", "green", "black", "hill",
];

/// The words a name is replaced by, in the document's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// "[namn]", "[name]".
    pub name: String,
    /// The genitive: "[namn]s", "[name]'s".
    pub genitive: String,
}

/// How a pattern may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A full name: any case.
    Full,
    /// A first name or surname alone: capitalised, and (`common`) not opening a
    /// sentence when it is also an ordinary word.
    Part { common: bool },
}

/// A name as lower-case words ("anna-karin öberg" → anna, karin, öberg).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pattern {
    words: Vec<String>,
    kind: Kind,
}

/// The names a shared text must not carry (people's, or one supplier's as its letter
/// in a round), ready to replace them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameReplacer {
    /// Longest first, so that "Åsa Öberg" is replaced whole rather than as "Åsa".
    patterns: Vec<Pattern>,
    placeholder: Placeholder,
}

/// A word of a text: its byte range, lower-case form, and whether it is capitalised.
struct Word {
    start: usize,
    end: usize,
    lower: String,
    capital: bool,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, c.is_alphanumeric()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = &text[s..i];
                out.push(Word {
                    start: s,
                    end: i,
                    lower: word.to_lowercase(),
                    capital: word.chars().next().is_some_and(char::is_uppercase),
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn lower_words(name: &str) -> Vec<String> {
    words(name).into_iter().map(|w| w.lower).collect()
}

impl NameReplacer {
    /// The names of `people` (as the directory holds them), replaced by `placeholder`.
    /// A name part shorter than two letters is no evidence and is not looked for.
    pub fn new<S: AsRef<str>>(
        people: impl IntoIterator<Item = S>,
        placeholder: Placeholder,
    ) -> NameReplacer {
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut add = |words: Vec<String>, kind: Kind| {
            let letters: usize = words.iter().map(|w| w.chars().count()).sum();
            if !words.is_empty()
                && letters >= 2
                && !patterns.iter().any(|p| p.words == words && p.kind == kind)
            {
                patterns.push(Pattern { words, kind });
            }
        };
        for name in people {
            let parts: Vec<&str> = name.as_ref().split_whitespace().collect();
            add(lower_words(name.as_ref()), Kind::Full);
            if parts.len() >= 2 {
                for part in [parts[0], parts[parts.len() - 1]] {
                    let words = lower_words(part);
                    let common = words.len() == 1 && COMMON_WORD_NAMES.contains(&words[0].as_str());
                    add(words, Kind::Part { common });
                }
            }
        }
        // Longest first; a full name before a part of the same length.
        patterns.sort_by_key(|p| {
            (
                std::cmp::Reverse(p.words.len()),
                !matches!(p.kind, Kind::Full),
            )
        });
        NameReplacer {
            patterns,
            placeholder,
        }
    }

    /// Names looked for whole only, in any case (an organisation's name and the first
    /// word it is known by), replaced by `placeholder`.
    pub fn exact<S: AsRef<str>>(
        names: impl IntoIterator<Item = S>,
        placeholder: Placeholder,
    ) -> NameReplacer {
        let mut patterns: Vec<Pattern> = names
            .into_iter()
            .map(|n| Pattern {
                words: lower_words(n.as_ref()),
                kind: Kind::Full,
            })
            .filter(|p| !p.words.is_empty())
            .collect();
        patterns.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        NameReplacer {
            patterns,
            placeholder,
        }
    }

    /// `text` with every person's name in it replaced by the placeholder (the
    /// genitive by the genitive). Text without a name comes back unchanged.
    pub fn anonymise(&self, text: &str) -> String {
        let words = words(text);
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        let mut i = 0;
        while i < words.len() {
            match self.match_at(text, &words, i) {
                Some((len, genitive)) => {
                    out.push_str(&text[copied..words[i].start]);
                    out.push_str(if genitive {
                        &self.placeholder.genitive
                    } else {
                        &self.placeholder.name
                    });
                    copied = words[i + len - 1].end;
                    i += len;
                }
                None => i += 1,
            }
        }
        out.push_str(&text[copied..]);
        out
    }

    /// Whether `text` names any of the people.
    pub fn named_in(&self, text: &str) -> bool {
        let words = words(text);
        (0..words.len()).any(|i| self.match_at(text, &words, i).is_some())
    }

    /// The first pattern that matches at word `i`: how many words it takes, and
    /// whether its last word is in the genitive.
    fn match_at(&self, text: &str, words: &[Word], i: usize) -> Option<(usize, bool)> {
        self.patterns.iter().find_map(|p| {
            let n = p.words.len();
            let found = words.get(i..i + n)?;
            let mut genitive = false;
            for (k, (w, want)) in found.iter().zip(&p.words).enumerate() {
                let last = k + 1 == n;
                if w.lower == *want {
                    continue;
                }
                // The genitive: one `s` after the last word ("Åsas", "Öbergs").
                if last && w.lower.strip_suffix('s') == Some(want.as_str()) {
                    genitive = true;
                    continue;
                }
                return None;
            }
            // The words of one name stand together: spaces or a hyphen between them.
            let together = found.windows(2).all(|pair| {
                let between = &text[pair[0].end..pair[1].start];
                between.chars().count() <= 3
                    && between.chars().all(|c| c == '-' || c.is_whitespace())
            });
            let allowed = match p.kind {
                Kind::Full => true,
                Kind::Part { common } => {
                    found[0].capital && !(common && opens_sentence(text, found[0].start))
                }
            };
            (together && allowed).then_some((n, genitive))
        })
    }
}

/// Whether the word at byte `at` opens a sentence: nothing but spaces before it, or a
/// full stop, question or exclamation mark, colon, a list's bullet or a line break.
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = &text[..at];
    if before.contains('\n')
        && before
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim().is_empty())
    {
        return true;
    }
    match before.trim_end_matches([' ', '\t']).chars().next_back() {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | ':' | '\n' | '-' | '*' | '•' | '–' | '"' | '(' | '»'
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sv() -> NameReplacer {
        NameReplacer::new(
            ["Åsa Öberg", "Per Nilsson", "Anna-Karin Lind", "Bo Ek"],
            Placeholder {
                name: "[namn]".into(),
                genitive: "[namn]s".into(),
            },
        )
    }

    #[test]
    fn full_names_first_names_and_surnames_are_replaced() {
        let n = sv();
        assert_eq!(n.anonymise("Åsa Öberg sa att"), "[namn] sa att");
        assert_eq!(
            n.anonymise("Åsa sa att det räcker."),
            "[namn] sa att det räcker."
        );
        assert_eq!(
            n.anonymise("Enligt Öberg räcker det."),
            "Enligt [namn] räcker det."
        );
        assert_eq!(n.anonymise("ÅSA ÖBERG och åsa öberg"), "[namn] och [namn]");
        assert_eq!(n.anonymise("Anna-Karin Lind ringde"), "[namn] ringde");
        assert_eq!(
            n.anonymise("Ring Anna-Karin i morgon"),
            "Ring [namn] i morgon"
        );
    }

    #[test]
    fn the_genitive_keeps_its_s() {
        let n = sv();
        assert_eq!(n.anonymise("Åsas förslag"), "[namn]s förslag");
        assert_eq!(n.anonymise("Åsa Öbergs förslag"), "[namn]s förslag");
        assert_eq!(n.anonymise("enligt Nilssons lista"), "enligt [namn]s lista");
        // A name inside a longer word is not the name.
        assert_eq!(n.anonymise("Nilssonska gården"), "Nilssonska gården");
    }

    #[test]
    fn a_name_part_that_is_an_ordinary_word_does_not_blank_ordinary_text() {
        let n = sv();
        // Not capitalised: a word, not a name.
        assert_eq!(n.anonymise("40 kr per månad"), "40 kr per månad");
        assert_eq!(n.anonymise("de bo kvar hemma"), "de bo kvar hemma");
        assert_eq!(
            n.anonymise("åsa och öberg i gemener"),
            "åsa och öberg i gemener"
        );
        // Opening a sentence, a common word is taken as the word.
        assert_eq!(
            n.anonymise("Per månad blir det 40 kr."),
            "Per månad blir det 40 kr."
        );
        assert_eq!(
            n.anonymise("Klart. Bo kvar hemma."),
            "Klart. Bo kvar hemma."
        );
        // Capitalised inside a sentence it is the name.
        assert_eq!(
            n.anonymise("Frågan gick till Per i går."),
            "Frågan gick till [namn] i går."
        );
        // A name that is no common word is a name at the start of a sentence too.
        assert_eq!(n.anonymise("Åsa ringer."), "[namn] ringer.");
        // In full, any common-word name is recognised.
        assert_eq!(n.anonymise("per nilsson och Bo Ek"), "[namn] och [namn]");
    }

    #[test]
    fn text_without_names_is_unchanged_and_named_in_tells() {
        let n = sv();
        let plain = "Sensorerna larmar via mobilnätet; reservbatteri räcker ett dygn.";
        assert_eq!(n.anonymise(plain), plain);
        assert!(!n.named_in(plain));
        assert!(n.named_in("Frågan från Åsa"));
        assert!(!n.named_in("Per månad"));
        // Punctuation and emoji around a name stay as they were.
        assert_eq!(n.anonymise("(Åsa!) 🚌 “Öberg”"), "([namn]!) 🚌 “[namn]”");
    }

    #[test]
    fn exact_names_are_replaced_in_any_case_longest_first() {
        let n = NameReplacer::exact(
            ["Vårdflöde Nordic AB", "Vårdflöde"],
            Placeholder {
                name: "Leverantör A".into(),
                genitive: "Leverantör A:s".into(),
            },
        );
        assert_eq!(
            n.anonymise("Vårdflöde Nordic AB och vårdflödes sensorer"),
            "Leverantör A och Leverantör A:s sensorer"
        );
        assert_eq!(n.anonymise("Vårdflödet"), "Vårdflödet");
    }

    #[test]
    fn a_one_word_name_is_looked_for_whole_only() {
        let n = NameReplacer::new(
            ["Madonna", "X"],
            Placeholder {
                name: "[name]".into(),
                genitive: "[name]'s".into(),
            },
        );
        assert_eq!(
            n.anonymise("madonna's idea and Madonnas"),
            "[name]'s idea and [name]'s"
        );
        assert_eq!(n.anonymise("X marks the spot"), "X marks the spot");
    }
}
