use serde::Serialize;

use super::enums::OrgKind;
use super::validation::{FieldError, FieldErrors};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organisation {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub kind: OrgKind,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrganisationInput {
    pub name: String,
    pub kind: OrgKind,
}

impl OrganisationInput {
    pub fn validate(name: &str, kind: OrgKind) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = name.trim().to_string();
        if name.is_empty() {
            errors.add("name", FieldError::Required);
        }
        errors.into_result(OrganisationInput { name, kind })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub title: String,
    pub email: String,
    pub phone: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A validated person. The organisation is given by name, like a project's buyer.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonInput {
    pub name: String,
    pub organisation_name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
}

impl PersonInput {
    pub fn validate(
        name: &str,
        organisation_name: &str,
        title: &str,
        email: &str,
        phone: &str,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = name.trim().to_string();
        if name.is_empty() {
            errors.add("name", FieldError::Required);
        }
        let email = email.trim().to_string();
        if !email.is_empty() && !looks_like_email(&email) {
            errors.add("email", FieldError::Email);
        }
        let phone = phone.trim().to_string();
        if !phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c))
        {
            errors.add("phone", FieldError::Phone);
        }
        errors.into_result(PersonInput {
            name,
            organisation_name: organisation_name.trim().to_string(),
            title: title.trim().to_string(),
            email,
            phone,
        })
    }
}

/// Deliberately loose: one `@` with text on both sides and a dot in the domain.
fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_validation() {
        assert!(
            PersonInput::validate(
                "Åsa Öberg",
                "Luleå kommun",
                "",
                "asa.oberg@lulea.se",
                "+46 70-123 45 67"
            )
            .is_ok()
        );
        let e = PersonInput::validate(" ", "", "", "asa@", "ring mig").unwrap_err();
        assert!(e.get("name").is_some());
        assert!(e.get("email").is_some());
        assert!(e.get("phone").is_some());
    }

    #[test]
    fn organisation_name_required() {
        assert!(OrganisationInput::validate("", OrgKind::Other).is_err());
        assert_eq!(
            OrganisationInput::validate(" Region Västerbotten ", OrgKind::ContractingAuthority)
                .unwrap()
                .name,
            "Region Västerbotten"
        );
    }
}
