//! Swedish alphabetical order: a–z, then å, ä, ö (with æ as ä, ø as ö, é as e and
//! ü as y), ignoring case. Used by the store's `sv` collation for names.

use std::cmp::Ordering;

fn sort_key(c: char) -> (u32, char) {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let base = match lower {
        'å' => 'z' as u32 + 1,
        'ä' | 'æ' => 'z' as u32 + 2,
        'ö' | 'ø' => 'z' as u32 + 3,
        'é' | 'è' | 'ê' | 'ë' => 'e' as u32,
        'ü' => 'y' as u32,
        'á' | 'à' | 'â' => 'a' as u32,
        other => other as u32,
    };
    (base, lower)
}

/// Compares in Swedish order; strings equal in that order fall back to plain order so
/// the result is total.
pub fn swedish_cmp(a: &str, b: &str) -> Ordering {
    let primary = a
        .chars()
        .map(|c| sort_key(c).0)
        .cmp(b.chars().map(|c| sort_key(c).0));
    primary.then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_letters_come_after_z_in_order() {
        let mut names = vec![
            "Örebro",
            "Ängelholm",
            "Åre",
            "Zinkgruvan",
            "anders",
            "Eslöv",
            "Ystad",
        ];
        names.sort_by(|a, b| swedish_cmp(a, b));
        assert_eq!(
            names,
            [
                "anders",
                "Eslöv",
                "Ystad",
                "Zinkgruvan",
                "Åre",
                "Ängelholm",
                "Örebro"
            ]
        );
    }

    #[test]
    fn case_is_ignored_first() {
        assert_eq!(swedish_cmp("luleå", "Luleå"), "luleå".cmp("Luleå"));
        assert_eq!(swedish_cmp("ab", "AC"), Ordering::Less);
        assert!(swedish_cmp("é", "e").is_ne());
    }
}
