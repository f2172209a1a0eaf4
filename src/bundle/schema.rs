//! The text types of a bundle (UUIDs, dates, timestamps) and its JSON Schema.
//!
//! They hold the text as written, so that an import can report a bad value with its
//! path rather than fail to parse; `validate` checks the form.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use super::Bundle;

macro_rules! text_type {
    ($(#[$meta:meta])* $name:ident, $schema:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_string())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                $schema
            }
        }
    };
}

text_type!(
    /// A row's UUID, or a reference to another row: lower-case, hyphenated.
    Uuid,
    json_schema!({
        "description": "A UUID in lower case with hyphens; references name the row they point at by its UUID.",
        "type": "string",
        "format": "uuid",
        "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
    })
);

text_type!(
    /// An instant in UTC with second precision, as stored: `2026-12-03T08:30:00Z`.
    Timestamp,
    json_schema!({
        "description": "An instant in UTC with second precision (RFC 3339), e.g. 2026-12-03T08:30:00Z.",
        "type": "string",
        "format": "date-time",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
    })
);

text_type!(
    /// A calendar date: `2026-12-03`.
    Date,
    json_schema!({
        "description": "A calendar date (ISO 8601), e.g. 2026-12-03.",
        "type": "string",
        "format": "date",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    })
);

/// The JSON Schema of a bundle (the file `docs/bundle.schema.json`), ending with a
/// newline.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Bundle);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed schema is generated from these types, so it cannot drift:
    /// `UPDATE_SCHEMA=1 cargo test --lib bundle::schema` writes it anew.
    #[test]
    fn committed_schema_matches_the_types() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/bundle.schema.json");
        let generated = json_schema();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == generated,
            "docs/bundle.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test --lib bundle::schema`"
        );
    }

    #[test]
    fn schema_names_enum_values_and_formats() {
        let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
        let defs = &schema["$defs"];
        let phases = defs["Phase"]["enum"].as_array().unwrap();
        assert!(phases.iter().any(|p| p == "early_dialogue"));
        assert_eq!(defs["Uuid"]["format"], "uuid");
        assert_eq!(defs["Timestamp"]["format"], "date-time");
        assert_eq!(defs["Date"]["format"], "date");
        assert_eq!(schema["properties"]["format"]["const"], "tidig-bundle");
        assert_eq!(defs["Meeting"]["additionalProperties"], false);
    }
}
