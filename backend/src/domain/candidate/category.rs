//! Rule 31: the categories the development report counts among a year's admissions, and
//! shares computed in integers.

use std::collections::BTreeSet;

use qldv_api_types::candidates::DevelopmentCategory as C;
use qldv_api_types::members::Gender;

/// What the categories of one admission are read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryFacts {
    /// Gender, as on the CCCD.
    pub gender: Gender,
    /// A Youth Union member when the cell resolved.
    pub youth_union_member: bool,
    /// The occupational categories entered with the record (see [`check_occupational`]).
    pub occupational: Vec<C>,
    /// A re-admission (rule 13).
    pub readmission: bool,
    /// A person who broke the population policy (Quy định 05-QĐi/TW 2018), admitted or
    /// re-admitted under its conditions.
    pub population_policy: bool,
}

/// Only the occupational categories are entered; the others are derived from the record.
/// Returns the first derived category entered, if any.
pub fn check_occupational(entered: &[C]) -> Result<(), C> {
    match entered.iter().find(|c| !C::OCCUPATIONAL.contains(c)) {
        Some(c) => Err(*c),
        None => Ok(()),
    }
}

/// The categories one admission counts in (possibly several, possibly none).
pub fn categories(f: &CategoryFacts) -> BTreeSet<C> {
    let mut out: BTreeSet<C> = f
        .occupational
        .iter()
        .copied()
        .filter(|c| C::OCCUPATIONAL.contains(c))
        .collect();
    if f.gender == Gender::Female {
        out.insert(C::Women);
    }
    if f.youth_union_member {
        out.insert(C::YouthUnion);
    }
    if f.readmission {
        out.insert(C::Readmitted);
    }
    if f.population_policy {
        out.insert(C::PopulationPolicy);
    }
    out
}

/// `part / whole` in hundredths of a percent, rounded half up ("63.04 %" is 6304); `None` when
/// `whole` is 0 (no target). Integer arithmetic: no float error at any size.
pub fn percent(part: u64, whole: u64) -> Option<u64> {
    if whole == 0 {
        return None;
    }
    let scaled = u128::from(part) * 10_000;
    let whole = u128::from(whole);
    u64::try_from((scaled * 2 + whole) / (whole * 2)).ok()
}
