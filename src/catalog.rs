//! The catalog: every word tidig writes, one table per language (`assets/lang/sv.toml`,
//! `assets/lang/en.toml`), shared by the documents it exports and the interface.
//!
//! A table is TOML: sections (`[summary]`, `[meeting_type]` …) of `key = "text"`.
//! Texts may hold `{name}` placeholders, filled by [`fill`]. The labels of the
//! domain's enums are in a section named after the enum (`[meeting_type]`), keyed by
//! the stored code (`workshop`), so a label is found from the value alone
//! ([`label`]). Both tables have the same keys: a test fails when one is missing.
//!
//! The tables are compiled in and read once. A key missing at run time (which the
//! tests rule out) shows as the key itself rather than stopping an export.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use crate::domain::TextEnum;

/// A language tidig writes: of the interface, or of one export (a summary for
/// suppliers may be wanted in English while the app speaks Swedish). The config file
/// names it `sv` or `en`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// `sv` or `en`: the HTML `lang` attribute, the export log's value, `--lang`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        Self::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// The language a locale name asks for: Swedish for `sv`, `sv_SE.UTF-8`,
    /// `sv-FI` …, English for anything else (`C`, `POSIX`, `en_GB`, `de_DE`).
    pub fn from_locale(locale: &str) -> Lang {
        let lang = locale.split(['_', '-', '.', '@']).next().unwrap_or("");
        if lang.eq_ignore_ascii_case("sv") {
            Lang::Sv
        } else {
            Lang::En
        }
    }

    /// The language of the user's locale: the first of `LC_ALL`, `LC_MESSAGES` and
    /// `LANG` that is set and not empty decides, as POSIX has it.
    pub fn from_environment(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty())
            .map_or(Lang::En, |value| Lang::from_locale(&value))
    }

    fn source(self) -> &'static str {
        match self {
            Lang::Sv => include_str!("../assets/lang/sv.toml"),
            Lang::En => include_str!("../assets/lang/en.toml"),
        }
    }
}

/// Section name → key → text, as read from one language's table.
pub type Table = HashMap<&'static str, BTreeMap<&'static str, &'static str>>;

/// One language's table, read on first use. The texts live as long as the program,
/// so lookups hand out `&'static str` without copying.
pub fn table(lang: Lang) -> &'static Table {
    static SV: OnceLock<Table> = OnceLock::new();
    static EN: OnceLock<Table> = OnceLock::new();
    let cell = match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    };
    cell.get_or_init(|| {
        parse(lang.source())
            .unwrap_or_else(|e| panic!("the built-in {} catalog parses: {e}", lang.as_str()))
    })
}

/// A catalog's text as a [`Table`]. Strings are leaked once per language.
pub fn parse(source: &str) -> Result<Table, String> {
    let root: toml::Table = source.parse().map_err(|e: toml::de::Error| e.to_string())?;
    let leak = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
    let mut out = Table::new();
    for (section, value) in root {
        let toml::Value::Table(entries) = value else {
            return Err(format!("`{section}` is not a section"));
        };
        let mut map = BTreeMap::new();
        for (key, text) in entries {
            let toml::Value::String(text) = text else {
                return Err(format!("`{section}.{key}` is not a string"));
            };
            map.insert(leak(&key), leak(&text));
        }
        out.insert(leak(&section), map);
    }
    Ok(out)
}

/// All the texts of one section (the words of one document, for its templates).
pub fn section(lang: Lang, name: &str) -> &'static BTreeMap<&'static str, &'static str> {
    static EMPTY: BTreeMap<&'static str, &'static str> = BTreeMap::new();
    table(lang).get(name).unwrap_or(&EMPTY)
}

/// The text of `section.key` in `lang`: `text(Lang::Sv, "summary", "title")`.
pub fn text(lang: Lang, section: &str, key: &str) -> &'static str {
    match table(lang).get(section).and_then(|s| s.get(key)) {
        Some(text) => text,
        None => missing(section, key),
    }
}

/// A missing key shows as itself; the tests make sure none is.
#[cold]
fn missing(section: &str, key: &str) -> &'static str {
    debug_assert!(false, "no catalog entry {section}.{key}");
    Box::leak(format!("{section}.{key}").into_boxed_str())
}

/// The text of `section.key` with each `{name}` replaced by its value.
pub fn fill(
    lang: Lang,
    section: &str,
    key: &str,
    args: &[(&str, &dyn std::fmt::Display)],
) -> String {
    let mut out = text(lang, section, key).to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// The label of an enum value in `lang`, from the section named after the enum.
pub fn label<E: TextEnum>(lang: Lang, value: E) -> &'static str {
    text(lang, E::SECTION, value.as_str())
}

/// The short weekday name: `tor` (sv) or `Thu` (en).
pub fn weekday(lang: Lang, day: chrono::NaiveDate) -> &'static str {
    weekday_name(lang, chrono::Datelike::weekday(&day))
}

/// The short name of a weekday: `tor` (sv) or `Thu` (en).
pub fn weekday_name(lang: Lang, day: chrono::Weekday) -> &'static str {
    const KEYS: [&str; 7] = [
        "weekday_1",
        "weekday_2",
        "weekday_3",
        "weekday_4",
        "weekday_5",
        "weekday_6",
        "weekday_7",
    ];
    text(lang, "document", KEYS[day.num_days_from_monday() as usize])
}

/// The weekday in full: `torsdag` (sv) or `Thursday` (en).
pub fn weekday_long(lang: Lang, day: chrono::NaiveDate) -> &'static str {
    const KEYS: [&str; 7] = [
        "weekday_long_1",
        "weekday_long_2",
        "weekday_long_3",
        "weekday_long_4",
        "weekday_long_5",
        "weekday_long_6",
        "weekday_long_7",
    ];
    text(lang, "document", KEYS[weekday_index(day)])
}

/// The month's short name: `dec` (sv) or `Dec` (en).
pub fn month_short(lang: Lang, day: chrono::NaiveDate) -> &'static str {
    const KEYS: [&str; 12] = [
        "month_1", "month_2", "month_3", "month_4", "month_5", "month_6", "month_7", "month_8",
        "month_9", "month_10", "month_11", "month_12",
    ];
    text(
        lang,
        "document",
        KEYS[chrono::Datelike::month0(&day) as usize],
    )
}

fn weekday_index(day: chrono::NaiveDate) -> usize {
    chrono::Datelike::weekday(&day).num_days_from_monday() as usize
}

/// The interface's language, set once at start-up (config, `--lang`, locale).
static INTERFACE: AtomicU8 = AtomicU8::new(1);

thread_local! {
    /// A language for one thread only: tests draw screens in both languages at once.
    static THREAD_INTERFACE: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

pub fn interface_lang() -> Lang {
    if let Some(lang) = THREAD_INTERFACE.with(std::cell::Cell::get) {
        return lang;
    }
    match INTERFACE.load(Ordering::Relaxed) {
        0 => Lang::Sv,
        _ => Lang::En,
    }
}

pub fn set_interface_lang(lang: Lang) {
    INTERFACE.store(
        match lang {
            Lang::Sv => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// Sets the interface language for this thread only (tests).
pub fn use_interface_lang_in_this_thread(lang: Lang) {
    THREAD_INTERFACE.with(|c| c.set(Some(lang)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(lang: Lang) -> BTreeSet<String> {
        // `[cli]` is Swedish only: the English help is clap's, from the doc comments.
        table(lang)
            .iter()
            .filter(|(s, _)| **s != "cli")
            .flat_map(|(s, m)| m.keys().map(move |k| format!("{s}.{k}")))
            .collect()
    }

    #[test]
    fn every_key_is_in_both_languages() {
        let (sv, en) = (keys(Lang::Sv), keys(Lang::En));
        let only_sv: Vec<_> = sv.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&sv).collect();
        assert!(
            only_sv.is_empty() && only_en.is_empty(),
            "only in sv.toml: {only_sv:?}\nonly in en.toml: {only_en:?}"
        );
    }

    #[test]
    fn placeholders_match_between_languages() {
        let names = |t: &str| -> BTreeSet<String> {
            t.split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(n, _)| n.to_string()))
                .collect()
        };
        for (section, entries) in table(Lang::En) {
            for (key, en) in entries {
                let sv = text(Lang::Sv, section, key);
                assert_eq!(names(en), names(sv), "{section}.{key}");
            }
        }
    }

    #[test]
    fn every_enum_value_has_a_label_in_both_languages() {
        use crate::domain::TextEnum;
        fn check<E: TextEnum>() {
            for lang in Lang::ALL {
                for v in E::ALL {
                    assert!(
                        section(lang, E::SECTION).contains_key(v.as_str()),
                        "{}: no {}.{}",
                        lang.as_str(),
                        E::SECTION,
                        v.as_str()
                    );
                }
            }
        }
        crate::domain::for_each_text_enum!(check);
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill(Lang::Sv, "summary", "left_out_many", &[("n", &3)]),
            "3 anteckningar gäller leverantörens affärsuppgifter eller är personliga och \
             är inte med i någon export."
        );
    }

    #[test]
    fn the_locale_chooses_the_language() {
        assert_eq!(Lang::from_locale("sv_SE.UTF-8"), Lang::Sv);
        assert_eq!(Lang::from_locale("sv"), Lang::Sv);
        assert_eq!(Lang::from_locale("sv-FI"), Lang::Sv);
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_environment(env(&[("LANG", "sv_SE.UTF-8")])),
            Lang::Sv
        );
        // LC_ALL wins over LANG; an empty value counts as unset.
        assert_eq!(
            Lang::from_environment(env(&[("LC_ALL", "C"), ("LANG", "sv_SE.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_environment(env(&[("LC_ALL", ""), ("LC_MESSAGES", "sv_SE")])),
            Lang::Sv
        );
        assert_eq!(Lang::from_environment(env(&[])), Lang::En);
    }
}
