//! A correction of the file's own facts (rule 30 with rules 1, 24–29 it names): the source,
//! the day of identification, union memberships, the age consent. The corrected file must
//! still accept every step recorded, in the order recorded, as [`check_step`] judged it.

use chrono::NaiveDate;

use super::{check_step, CandidateFile, StepRefusal};
use crate::domain::settings::RuleSettings;

/// Whether `file` (its facts corrected, its steps as recorded) still accepts each of its steps
/// in order; `settings` holds the settings in force on each step's date, in the same order.
/// The first step it would now refuse is the answer.
pub fn check_replay(
    file: &CandidateFile,
    today: NaiveDate,
    settings: &[RuleSettings],
) -> Result<(), StepRefusal> {
    let mut so_far = CandidateFile {
        steps: Vec::with_capacity(file.steps.len()),
        dropped: None,
        ..file.clone()
    };
    for (step, s) in file.steps.iter().zip(settings) {
        check_step(&so_far, step, today, s)?;
        so_far.steps.push(step.clone());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{d, empty_file, s, step, today};
    use super::super::{CandidateStepKind as K, StepFact};
    use super::*;

    fn file_with_youth_union_introduction() -> CandidateFile {
        let mut f = empty_file();
        f.youth_union_member = true;
        f.steps = vec![
            step(d(2024, 2, 1), StepFact::AwarenessCourse),
            step(d(2024, 3, 1), StepFact::Application),
            step(d(2024, 4, 1), StepFact::YouthUnionIntroduction),
        ];
        f
    }

    #[test]
    fn a_correction_that_keeps_every_step_valid_is_accepted() {
        let f = file_with_youth_union_introduction();
        let all = vec![s(); f.steps.len()];
        assert_eq!(check_replay(&f, today(), &all), Ok(()));
        // The certificate may predate the identification: moving the day to the application's.
        let mut later = f.clone();
        later.identified_on = d(2024, 3, 1);
        assert_eq!(check_replay(&later, today(), &all), Ok(()));
    }

    #[test]
    fn a_correction_that_would_refuse_a_recorded_step_is_refused() {
        let f = file_with_youth_union_introduction();
        let all = vec![s(); f.steps.len()];
        let mut not_member = f.clone();
        not_member.youth_union_member = false;
        assert_eq!(
            check_replay(&not_member, today(), &all),
            Err(StepRefusal::NotUnionMember(K::YouthUnionIntroduction))
        );
        let mut too_late = f;
        too_late.identified_on = d(2024, 3, 2);
        assert_eq!(
            check_replay(&too_late, today(), &all),
            Err(StepRefusal::BeforeIdentification)
        );
    }
}
