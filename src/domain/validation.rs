use chrono::NaiveDate;

/// Validation messages keyed by field name. Empty means valid.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<(&'static str, String)>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: impl Into<String>) {
        self.0.push((field, message.into()));
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|(k, m)| format!("{k}: {m}")).collect();
        f.write_str(&parts.join("; "))
    }
}

/// Parses an optional ISO date (`YYYY-MM-DD`); empty input is `None`.
pub fn parse_iso_date(
    field: &'static str,
    raw: &str,
    errors: &mut FieldErrors,
) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            errors.add(field, crate::text::ERR_DATE_FORMAT);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_parse_and_bad_ones_are_reported() {
        let mut e = FieldErrors::default();
        assert_eq!(
            parse_iso_date("start", "2026-03-29", &mut e),
            NaiveDate::from_ymd_opt(2026, 3, 29)
        );
        assert_eq!(parse_iso_date("start", "  ", &mut e), None);
        assert!(e.is_empty());
        assert_eq!(parse_iso_date("start", "29/3/2026", &mut e), None);
        assert_eq!(parse_iso_date("end", "2026-02-30", &mut e), None);
        assert!(e.get("start").is_some());
        assert!(e.get("end").is_some());
    }
}
