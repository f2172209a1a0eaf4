//! Reading a bundle from JSON text, with the line and column of anything that is not
//! JSON, and the path of anything not shaped like a bundle.

use serde::Deserialize;

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
    serde_path_to_error::deserialize::<_, Bundle>(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let mut issue = whole_file(&inner);
        if path != "." {
            issue.path = path;
        }
        vec![issue]
    })
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
    fn an_unknown_field_is_refused() {
        let text = r#"{"format": "tidig-bundle", "format_version": 1, "app_version": "0.1.0",
            "exported_at": "2026-11-26T12:00:00Z", "scope": "all", "colour": "red"}"#;
        let issues = parse(text).unwrap_err();
        assert!(
            matches!(&issues[0].problem, Problem::Shape { detail, .. } if detail.contains("colour"))
        );
    }
}
