//! Validation failures of request bodies (the `validator` crate) as field issues in both
//! languages.

use super::{AppError, FieldIssue};
use crate::messages::{text, Text};

impl From<validator::ValidationErrors> for AppError {
    fn from(errors: validator::ValidationErrors) -> Self {
        Self::Validation(field_errors(&errors, ""))
    }
}

/// Struct fields that are `#[serde(flatten)]`ed into their parent in requests.
const FLATTENED: [&str; 1] = ["profile"];

/// Flattens validator's nested errors into `field`, `code`, `message` triples.
fn field_errors(errors: &validator::ValidationErrors, prefix: &str) -> Vec<FieldIssue> {
    use validator::ValidationErrorsKind as K;
    let mut out = Vec::new();
    for (field, kind) in errors.errors() {
        // A flattened sub-structure (`#[serde(flatten)]`) has no name of its own on the wire.
        let name = if FLATTENED.contains(&field.as_ref()) {
            prefix.to_string()
        } else if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            K::Field(list) => out.extend(list.iter().map(|e| {
                let vi = e
                    .message
                    .as_ref()
                    .map(|m| m.to_string())
                    .unwrap_or_else(|| {
                        text!(
                            "Giá trị của {name} không hợp lệ",
                            "The value of {name} is not valid"
                        )
                        .vi
                    });
                FieldIssue::new(
                    name.clone(),
                    e.code.to_string(),
                    Text::new(vi, english(&name, e)),
                )
            })),
            K::Struct(inner) => out.extend(field_errors(inner, &name)),
            K::List(items) => {
                for (i, inner) in items {
                    out.extend(field_errors(inner, &format!("{name}[{i}]")));
                }
            }
        }
    }
    out.sort_by(|a, b| a.field.cmp(&b.field));
    out
}

/// The English message of a failed check: the request types word theirs in Vietnamese only
/// (they are shared with the web client), so English is said from the check and its bounds.
fn english(name: &str, e: &validator::ValidationError) -> String {
    let param = |k: &str| e.params.get(k).map(|v| v.to_string());
    match (e.code.as_ref(), param("min"), param("max")) {
        ("length", Some(min), Some(max)) if min == "1" => {
            format!("Enter {name} (at most {max} characters)")
        }
        ("length", Some(min), Some(max)) => format!("{name} is {min} to {max} characters long"),
        ("range", Some(min), Some(max)) => format!("{name} is from {min} to {max}"),
        ("email", ..) => "Not a valid email address".to_string(),
        _ => format!("The value of {name} is not valid"),
    }
}
