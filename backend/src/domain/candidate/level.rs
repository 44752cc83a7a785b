//! Who records a step (rule 30's competence; 29-QĐ/TW §4.3.2, HD 01-HD/TW §3.6): the cell its
//! own steps, the grassroots committee its resolution, and the committee with the power to
//! admit — the standing committee of the committee directly above the grassroots organisation —
//! the extension, the decision and the refusal. A board records a step when its scope holds
//! that level's organisation; a cell secretary's does not hold the committees above the cell.

use super::{CandidateStepKind as K, StepRefusal};

/// The level whose board records a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepLevel {
    /// The cell (and any board above it).
    Cell,
    /// The grassroots committee (đảng ủy cơ sở) or a board above it.
    Grassroots,
    /// The committee with the power to admit (cấp ủy có thẩm quyền) or a board above it.
    Deciding,
}

/// The level that records `kind`.
pub fn level(kind: K) -> StepLevel {
    match kind {
        K::GrassrootsResolution => StepLevel::Grassroots,
        K::DecisionExtended | K::AdmissionDecision | K::AdmissionRefused => StepLevel::Deciding,
        K::HelpersAssigned
        | K::AwarenessCourse
        | K::Application
        | K::PersonalHistory
        | K::HistoryVerified
        | K::Introduction
        | K::YouthUnionIntroduction
        | K::TradeUnionIntroduction
        | K::CellResolution
        | K::Ceremony => StepLevel::Cell,
    }
}

/// The path of the committee with the power to admit for a grassroots organisation at
/// `grassroots` (paths like `/1/2/3/`): its parent's, or its own when it has none.
pub fn deciding_path(grassroots: &str) -> &str {
    let inner = grassroots.strip_suffix('/').unwrap_or(grassroots);
    match inner.rfind('/') {
        Some(i) if i > 0 => &grassroots[..=i],
        _ => grassroots,
    }
}

/// Whether a board may record `kind`: `holds` says whether its scope holds the organisation of
/// a level (the cell's is held already: the candidate is in scope).
pub fn check_level(kind: K, holds: impl Fn(StepLevel) -> bool) -> Result<(), StepRefusal> {
    let needed = level(kind);
    if needed == StepLevel::Cell || holds(needed) {
        Ok(())
    } else {
        Err(StepRefusal::NotCompetent(needed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deciding_committee_is_the_grassroots_organisations_parent() {
        assert_eq!(deciding_path("/1/2/"), "/1/");
        assert_eq!(deciding_path("/1/2/3/"), "/1/2/");
        assert_eq!(deciding_path("/1/"), "/1/", "a root decides itself");
    }

    #[test]
    fn a_cell_board_records_the_cells_steps_only() {
        let cell_only = |l: StepLevel| l == StepLevel::Cell;
        for k in [
            K::Application,
            K::CellResolution,
            K::Ceremony,
            K::Introduction,
        ] {
            assert_eq!(check_level(k, cell_only), Ok(()), "{k:?}");
        }
        assert_eq!(
            check_level(K::GrassrootsResolution, cell_only),
            Err(StepRefusal::NotCompetent(StepLevel::Grassroots))
        );
        for k in [
            K::DecisionExtended,
            K::AdmissionDecision,
            K::AdmissionRefused,
        ] {
            assert_eq!(
                check_level(k, cell_only),
                Err(StepRefusal::NotCompetent(StepLevel::Deciding)),
                "{k:?}"
            );
        }
        // The grassroots committee's board resolves but does not decide.
        let grassroots = |l: StepLevel| l != StepLevel::Deciding;
        assert_eq!(check_level(K::GrassrootsResolution, grassroots), Ok(()));
        assert!(check_level(K::AdmissionDecision, grassroots).is_err());
        assert_eq!(check_level(K::AdmissionDecision, |_| true), Ok(()));
    }
}
