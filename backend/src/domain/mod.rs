//! Pure rules of the domain: no I/O, unit- and property-tested.

pub mod access;
pub mod admission;
pub mod badge;
pub mod calendar;
pub mod candidate;
pub mod card;
pub mod case;
pub mod cccd;
pub mod chains;
pub mod client_address;
pub mod composition;
pub mod development;
pub mod discipline;
pub mod disclosure;
pub mod entry;
pub mod evaluation;
pub mod evaluation_round;
pub mod holidays;
pub mod lifecycle;
pub mod lunar;
pub mod name_removal;
pub mod party_age;
pub mod privacy;
pub mod readmission;
pub mod report;
pub mod settings;
pub mod sign_in;
pub mod sync;
pub mod transfer;
pub mod tree;
pub mod vn_legacy;
pub mod vn_text;

/// A broken rule: a stable code and a message for a person (becomes a 422 problem).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Stable machine code, e.g. `probation_not_finished`.
    pub code: &'static str,
    /// What is wrong, in Vietnamese.
    pub message: String,
}

impl Violation {
    /// A new violation.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl From<Violation> for crate::error::AppError {
    fn from(v: Violation) -> Self {
        crate::error::AppError::Rule(v.code, v.message)
    }
}
