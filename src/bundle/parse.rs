//! Reading a bundle from JSON text, with the line and column of anything that is not
//! JSON, and the path of anything not shaped like a bundle.

use std::borrow::Cow;

use serde::Deserialize;

use crate::domain::clean::clean_text;

use super::{Bundle, FORMAT, FORMAT_VERSION, Issue, Problem};

/// Just the header, read first: a bundle of another format or version may be shaped
/// differently, so that is what gets reported for it.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    format_version: Option<serde_json::Value>,
}

/// Parses a bundle. The rules of the store (enum values, dates, references, …) are
/// checked afterwards by [`super::validate`].
pub fn parse(text: &str) -> Result<Bundle, Vec<Issue>> {
    let header: Header = serde_json::from_str(text).map_err(|e| vec![whole_file(&e)])?;
    let mut issues = Vec::new();
    if header.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        issues.push(Issue {
            path: "format".into(),
            problem: Problem::NotABundle,
        });
    }
    match &header.format_version {
        Some(v) if v.as_u64() == Some(u64::from(FORMAT_VERSION)) => {}
        other => issues.push(Issue {
            path: "format_version".into(),
            problem: Problem::UnknownFormatVersion(
                other.as_ref().map(|v| v.to_string()).unwrap_or_default(),
            ),
        }),
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let bundle = serde_path_to_error::deserialize::<_, Bundle>(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let mut issue = whole_file(&inner);
        if path != "." {
            issue.path = path;
        }
        vec![issue]
    })?;
    cleaned(bundle).map_err(|e| vec![whole_file(&e)])
}

/// The bundle with every string cleaned as typed text is (`domain::clean`): control
/// characters other than newline and tab removed. Cleaned rather than refused: a
/// colleague's whole bundle should not fail over an invisible character that an older
/// version let in, and what is imported is then exactly what typing it would store.
/// Done on the parsed bundle, so that errors above keep their line and column, and on
/// all its strings at once, so that no field added later is missed.
fn cleaned(bundle: Bundle) -> Result<Bundle, serde_json::Error> {
    fn clean(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::String(s) => {
                if let Cow::Owned(c) = clean_text(s) {
                    *s = c;
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(clean),
            serde_json::Value::Object(map) => map.values_mut().for_each(clean),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(&bundle)?;
    clean(&mut value);
    serde_json::from_value(value)
}

/// A parser error as a problem of the whole file, with its line and column.
fn whole_file(e: &serde_json::Error) -> Issue {
    let (line, column) = (e.line(), e.column());
    // serde_json puts the position at the end of its message; it is shown separately.
    let message = e.to_string();
    let detail = message
        .strip_suffix(&format!(" at line {line} column {column}"))
        .unwrap_or(&message)
        .to_string();
    let problem = match e.classify() {
        serde_json::error::Category::Data => Problem::Shape {
            line,
            column,
            detail,
        },
        _ => Problem::Malformed {
            line,
            column,
            detail,
        },
    };
    Issue {
        path: String::new(),
        problem,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_json_names_line_and_column() {
        let issues = parse("{\n  \"format\": \"tidig-bundle\",\n  oops\n}").unwrap_err();
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].path, "");
        match &issues[0].problem {
            Problem::Malformed { line, column, .. } => assert_eq!((*line, *column), (3, 3)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn another_format_or_version_is_named() {
        let issues = parse(r#"{"format": "other", "format_version": 2}"#).unwrap_err();
        assert_eq!(
            issues,
            vec![
                Issue {
                    path: "format".into(),
                    problem: Problem::NotABundle
                },
                Issue {
                    path: "format_version".into(),
                    problem: Problem::UnknownFormatVersion("2".into())
                },
            ]
        );
    }

    #[test]
    fn a_wrong_shape_has_its_path() {
        let text = r#"{"format": "tidig-bundle", "format_version": 1, "app_version": "0.1.0",
            "exported_at": "2026-11-26T12:00:00Z", "scope": "all",
            "questions": [{"uuid": "7d1d0000-0000-4000-8000-000000000001",
              "meeting": "7d1d0000-0000-4000-8000-000000000002", "text": 5}]}"#;
        let issues = parse(text).unwrap_err();
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].path, "questions[0].text");
        assert!(matches!(issues[0].problem, Problem::Shape { line: 4, .. }));
    }

    #[test]
    fn control_characters_are_cleaned_from_every_string() {
        let text = r#"{"format": "tidig-bundle", "format_version": 1, "app_version": "0.1.0",
            "exported_at": "2026-11-26T12:00:00Z", "scope": "all",
            "questions": [{"uuid": "7d1d0000-0000-4000-8000-000000000001",
              "meeting": "7d1d0000-0000-4000-8000-000000000002",
              "text": "a\u001b]0;title\u0007b\r\nc\u009b\u202e",
              "created_at": "2026-11-26T12:00:00Z", "updated_at": "2026-11-26T12:00:00Z",
              "deleted_at": null}]}"#;
        let bundle = parse(text).unwrap();
        assert_eq!(bundle.questions[0].text, "a]0;titleb\nc\u{202e}");
    }

    #[test]
    fn an_unknown_field_is_refused() {
        let text = r#"{"format": "tidig-bundle", "format_version": 1, "app_version": "0.1.0",
            "exported_at": "2026-11-26T12:00:00Z", "scope": "all", "colour": "red"}"#;
        let issues = parse(text).unwrap_err();
        assert!(
            matches!(&issues[0].problem, Problem::Shape { detail, .. } if detail.contains("colour"))
        );
    }
}
