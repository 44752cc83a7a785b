//! Pure rules of the domain: no I/O, unit- and property-tested.

pub mod access;
pub mod admission;
pub mod badge;
pub mod calendar;
pub mod candidate;
pub mod card;
pub mod case;
pub mod cccd;
pub mod cell_year;
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
pub mod sync_cell_year;
pub mod transfer;
pub mod tree;
pub mod vn_legacy;
pub mod vn_text;
pub mod vn_title;

/// A broken rule: a stable code and a message for a person (becomes a 422 problem).
///
/// The message is worded beside the rule, in both languages, as `text!(vi, en)` (the convention
/// of [`crate::messages`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Stable machine code, e.g. `probation_not_finished`.
    pub code: &'static str,
    /// What is wrong, in Vietnamese.
    pub message: String,
    /// What is wrong, in English.
    pub en: String,
}

/// The words of a [`Violation`]: both languages, or (only while a rule module is being moved to
/// the convention, see the allow-list of `messages::tests`) Vietnamese alone, then served to
/// English readers as is.
#[derive(Debug, Clone)]
pub enum Wording {
    /// Vietnamese and English.
    Both(crate::messages::Text),
    /// Vietnamese only.
    VietnameseOnly(String),
}

impl From<crate::messages::Text> for Wording {
    fn from(t: crate::messages::Text) -> Self {
        Self::Both(t)
    }
}

impl From<String> for Wording {
    fn from(vi: String) -> Self {
        Self::VietnameseOnly(vi)
    }
}

impl Violation {
    /// A new violation.
    pub fn new(code: &'static str, wording: impl Into<Wording>) -> Self {
        let (message, en) = match wording.into() {
            Wording::Both(t) => (t.vi, t.en),
            Wording::VietnameseOnly(vi) => (vi.clone(), vi),
        };
        Self { code, message, en }
    }

    /// The message in both languages.
    pub fn text(&self) -> crate::messages::Text {
        crate::messages::Text::new(self.message.clone(), self.en.clone())
    }
}

impl From<Violation> for crate::error::AppError {
    fn from(v: Violation) -> Self {
        crate::error::AppError::Rule(v.code, crate::messages::Text::new(v.message, v.en))
    }
}
