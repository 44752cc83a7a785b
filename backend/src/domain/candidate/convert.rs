//! Rule 30: when the ceremony is held, the candidate becomes a probationary member: the file's
//! dates become the admission facts that rules 1–3 take (`domain::admission`), checked by
//! those rules, not by copies of them.

use chrono::NaiveDate;
use qldv_api_types::candidates::CandidateStepKind as K;
use qldv_api_types::MemberId;

use super::{CandidateFile, Step, StepFact, StepRefusal};
use crate::domain::admission::{
    check_age, check_ceremony, check_dates, official_date, AdmissionDates,
};
use crate::domain::settings::RuleSettings;

/// The admission facts a held ceremony gives the new member record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// The dates as `domain::admission` takes them: the cell's resolution is the consideration
    /// date (rule 1), the decision and the day the cell received it (rule 2), the ceremony.
    pub dates: AdmissionDates,
    /// Rule 3: the day probation ends (ceremony + 12 months).
    pub official_due: NaiveDate,
    /// The introducers standing when the cell resolved (the member record lists them).
    pub introducers: Vec<MemberId>,
    /// Rule 2: the ceremony was late and an approval is recorded.
    pub ceremony_approved_late: bool,
}

/// Rules 1–3 on a file whose ceremony is recorded: the admission facts, or the first rule the
/// dates break (a file accepted step by step breaks none).
pub fn convert(
    file: &CandidateFile,
    today: NaiveDate,
    s: &RuleSettings,
) -> Result<Converted, StepRefusal> {
    let missing = |needs| StepRefusal::OutOfOrder { needs };
    let considered = file
        .date_of(K::CellResolution)
        .ok_or(missing(K::CellResolution))?;
    let Some(Step {
        on: decision,
        fact: StepFact::AdmissionDecision { received_on, .. },
    }) = file.last(K::AdmissionDecision)
    else {
        return Err(missing(K::AdmissionDecision));
    };
    let Some(Step {
        on: ceremony,
        fact: StepFact::Ceremony { approval },
    }) = file.last(K::Ceremony)
    else {
        return Err(missing(K::Ceremony));
    };
    let dates = AdmissionDates {
        birth: file.birth,
        youth_union: file.youth_union_joined_on,
        considered: Some(considered),
        decision: *decision,
        received: Some(received_on.unwrap_or(*decision)),
        ceremony: *ceremony,
        official: None,
    };
    if let Some(v) = check_dates(&dates, today).into_iter().next() {
        return Err(StepRefusal::Admission(v));
    }
    check_age(file.birth, considered, file.age_consent, s).map_err(StepRefusal::Admission)?;
    let received = received_on.unwrap_or(*decision);
    check_ceremony(received, *ceremony, *approval, s).map_err(StepRefusal::Admission)?;
    let introducers = file
        .introducers()
        .filter(|(_, i)| i.standing(considered).is_ok())
        .map(|(_, i)| i.member)
        .collect();
    Ok(Converted {
        dates,
        official_due: official_date(*ceremony, s),
        introducers,
        ceremony_approved_late: *approval,
    })
}
