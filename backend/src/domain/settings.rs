//! Rule parameters as dated settings: every deadline, quota and milestone comes from the
//! regulation in force on the date being judged, and decisions record which one that was.

use super::calendar::WorkCalendar;
use super::cell_year::CellYearSettings;
use qldv_api_types::regulations::{QuotaBase, RegulationChain};
use qldv_api_types::Term;

/// The parameters of the rules, as in force on one date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSettings {
    /// The charter implementing regulation in force (e.g. `294-QĐ/TW`): the document of the
    /// charter chain. A decision of another chain records [`RuleSettings::document`] of its own.
    pub regulation: String,
    /// The document of each chain in force, in [`RegulationChain::ALL`] order.
    pub documents: Vec<(RegulationChain, String)>,
    /// Rule 1: minimum age at the admission decision, in whole months.
    pub min_admission_age_months: u32,
    /// Rule 1: from this age (years) a provincial standing committee's consent is required.
    pub consent_age_years: u32,
    /// Rule 2: working days between the admission decision and the ceremony.
    pub ceremony_deadline_working_days: u32,
    /// Rule 3: months of probation after the ceremony.
    pub probation_months: u32,
    /// Rule 3: working days after probation ends before a missing decision is overdue.
    pub recognition_overdue_working_days: u32,
    /// Rule 6: working days from the triggering event to filing an official transfer.
    pub transfer_filing_working_days: u32,
    /// Rule 6: working days from issue to reporting at the receiving cell.
    pub transfer_reporting_working_days: u32,
    /// Rule 8: shortest temporary transfer, months.
    pub temporary_min_months: u32,
    /// Rule 8: a work or residence temporary transfer lasts less than this, months.
    pub temporary_max_months: u32,
    /// Rule 8: a study temporary transfer lasts at most this, months.
    pub temporary_study_max_months: u32,
    /// Rule 8: away this long without an official transfer raises an alert, months.
    pub absence_alert_months: u32,
    /// Rule 11: a discipline other than expulsion lapses after this, months.
    pub discipline_lapse_months: u32,
    /// Rule 13: months after an exit before a re-admission.
    pub readmission_min_months: u32,
    /// Rule 13: months after a less-serious criminal record is cleared.
    pub readmission_min_months_after_record: u32,
    /// The working-day calendar (the holiday table; not a per-regulation setting: the same
    /// table whatever the regulation, attached when the settings are read).
    pub calendar: WorkCalendar,
    /// Rule 16: excellent ratings allowed per grassroots organisation, in percent of the base.
    pub excellent_quota_percent: u32,
    /// Rule 16: what the quota is a share of ("good" only, or "good or better").
    pub quota_base: QuotaBase,
    /// Rule 15: a member disciplined in the year who found and remedied the fault themselves
    /// escapes "not complete" (124-QĐ/TW and 366-QĐ/TW; not 132-QĐ/TW).
    pub discipline_self_remedy_exempts: bool,
    /// Data-entry timeliness: days after the event within which an admission, transfer, exit
    /// or death is entered on time.
    pub entry_deadline_days: u32,
    /// Rule 14: lowest scores of excellent, good and complete (the 2025 100-point score); `None`
    /// under regulations without a score.
    pub score_bands: Option<[u32; 3]>,
    /// Rule 15: admitted less than this many months before the year's end → not rated.
    pub recently_admitted_months: u32,
    /// Rule 15: ill this many months or more in the year → at most "complete".
    pub illness_cap_months: u32,
    /// Rule 17: digits of a party-card number.
    pub card_number_digits: u32,
    /// Rule 18: party-age milestones of the badge, ascending.
    pub badge_milestones: Vec<u32>,
    /// Rule 19: months early with a serious illness, for milestones up to 65.
    pub badge_early_months_until_65: u32,
    /// Rule 19: months early with a serious illness, for milestones from 70.
    pub badge_early_months_from_70: u32,
    /// Rule 19: months early a badge may be awarded posthumously (HD 01-HD/TW §18.2).
    pub badge_posthumous_early_months: u32,
    /// Rule 20: months after a reprimand before a badge (0: a reprimand does not block, as under
    /// 29-QĐ/TW).
    pub badge_wait_months_reprimand: u32,
    /// Rule 20: months after a warning before a badge.
    pub badge_wait_months_warning: u32,
    /// Rule 20: months after a dismissal before a badge.
    pub badge_wait_months_dismissal: u32,
    /// Rule 24: months the awareness course certificate is valid for the cell's resolution.
    pub certificate_valid_months: u32,
    /// Rule 25: months an introducer has worked, studied or lived with the candidate.
    pub introducer_together_months: u32,
    /// Rule 26: the youth age (Youth Union introduction required) ends after this many years.
    pub youth_age_max_years: u32,
    /// Rule 29: working days from the cell's resolution to the admission decision.
    pub decision_deadline_working_days: u32,
    /// Rule 29: the most the competent committee may extend that deadline, in working days.
    pub decision_extension_working_days: u32,
    /// Rules 32–39: the cell's year (`dues.*`, `meetings.*`,
    /// `evaluation.exceeded_duties_percent`).
    pub cell_year: CellYearSettings,
}

impl RuleSettings {
    /// The values of the regulations since 2016 (the defaults when a key is not stored).
    pub fn defaults(regulation: &str) -> Self {
        Self {
            regulation: regulation.to_string(),
            documents: RegulationChain::ALL
                .iter()
                .map(|c| (*c, regulation.to_string()))
                .collect(),
            min_admission_age_months: 18 * 12,
            consent_age_years: 60,
            ceremony_deadline_working_days: 30,
            probation_months: 12,
            recognition_overdue_working_days: 30,
            transfer_filing_working_days: 60,
            transfer_reporting_working_days: 30,
            temporary_min_months: 3,
            temporary_max_months: 12,
            temporary_study_max_months: 24,
            absence_alert_months: 12,
            discipline_lapse_months: 12,
            readmission_min_months: 36,
            readmission_min_months_after_record: 60,
            calendar: WorkCalendar::default(),
            excellent_quota_percent: 20,
            quota_base: QuotaBase::Good,
            discipline_self_remedy_exempts: true,
            entry_deadline_days: 30,
            score_bands: None,
            recently_admitted_months: 6,
            illness_cap_months: 3,
            card_number_digits: 8,
            badge_milestones: vec![30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90],
            badge_early_months_until_65: 12,
            badge_early_months_from_70: 24,
            badge_posthumous_early_months: 12,
            badge_wait_months_reprimand: 6,
            badge_wait_months_warning: 9,
            badge_wait_months_dismissal: 12,
            certificate_valid_months: 60,
            introducer_together_months: 12,
            youth_age_max_years: 30,
            decision_deadline_working_days: 60,
            decision_extension_working_days: 30,
            cell_year: CellYearSettings::default(),
        }
    }

    /// The document of `chain` these values were read from: what a decision of that chain
    /// records as the regulation it was judged under.
    pub fn document(&self, chain: RegulationChain) -> &str {
        self.documents
            .iter()
            .find(|(c, _)| *c == chain)
            .map_or(self.regulation.as_str(), |(_, code)| code.as_str())
    }

    /// Applies one stored `key = value` (unknown keys and bad values are ignored, and reported).
    pub fn apply(&mut self, key: &str, value: &str) -> Result<(), String> {
        let number = || {
            value
                .trim()
                .parse::<u32>()
                .map_err(|_| format!("{key}: {value:?} is not a number"))
        };
        match key {
            "admission.min_age_months" => self.min_admission_age_months = number()?,
            "admission.consent_age_years" => self.consent_age_years = number()?,
            "admission.ceremony_deadline_working_days" => {
                self.ceremony_deadline_working_days = number()?
            }
            "probation.months" => self.probation_months = number()?,
            "probation.recognition_overdue_working_days" => {
                self.recognition_overdue_working_days = number()?
            }
            "transfer.filing_deadline_working_days" => {
                self.transfer_filing_working_days = number()?
            }
            "transfer.reporting_deadline_working_days" => {
                self.transfer_reporting_working_days = number()?
            }
            "transfer.temporary_min_months" => self.temporary_min_months = number()?,
            "transfer.temporary_max_months" => self.temporary_max_months = number()?,
            "transfer.temporary_study_max_months" => self.temporary_study_max_months = number()?,
            "absence.alert_months" => self.absence_alert_months = number()?,
            "discipline.lapse_months" => self.discipline_lapse_months = number()?,
            "readmission.min_months" => self.readmission_min_months = number()?,
            "readmission.min_months_after_criminal_record" => {
                self.readmission_min_months_after_record = number()?
            }
            "evaluation.excellent_quota_percent" => {
                let n = number()?;
                if n > 100 {
                    return Err(format!("{key}: {value:?} is over 100 percent"));
                }
                self.excellent_quota_percent = n
            }
            "evaluation.quota_base" => {
                self.quota_base = QuotaBase::parse(value.trim())
                    .map_err(|_| format!("{key}: {value:?} is not good or good_or_better"))?
            }
            "evaluation.discipline_self_remedy_exempts" => {
                self.discipline_self_remedy_exempts = match value.trim() {
                    "1" | "true" => true,
                    "0" | "false" => false,
                    _ => return Err(format!("{key}: {value:?} is not 0 or 1")),
                }
            }
            "records.entry_deadline_days" => self.entry_deadline_days = number()?,
            "evaluation.recently_admitted_months" => self.recently_admitted_months = number()?,
            "evaluation.illness_cap_months" => self.illness_cap_months = number()?,
            "evaluation.score_bands" => {
                let v = numbers(key, value)?;
                match v.as_slice() {
                    [a, b, c] if a > b && b > c => self.score_bands = Some([*a, *b, *c]),
                    _ => return Err(format!("{key}: {value:?} is not three descending scores")),
                }
            }
            "card.number_digits" => self.card_number_digits = number()?,
            "badge.milestones" => {
                let mut v = numbers(key, value)?;
                v.sort_unstable();
                v.dedup();
                self.badge_milestones = v;
            }
            "badge.early_months_until_65" => self.badge_early_months_until_65 = number()?,
            "badge.early_months_from_70" => self.badge_early_months_from_70 = number()?,
            "badge.posthumous_early_months" => self.badge_posthumous_early_months = number()?,
            "badge.wait_months_reprimand" => self.badge_wait_months_reprimand = number()?,
            "badge.wait_months_warning" => self.badge_wait_months_warning = number()?,
            "badge.wait_months_dismissal" => self.badge_wait_months_dismissal = number()?,
            "candidate.certificate_valid_months" => self.certificate_valid_months = number()?,
            "candidate.introducer_together_months" => self.introducer_together_months = number()?,
            "candidate.youth_age_max_years" => self.youth_age_max_years = number()?,
            "candidate.decision_deadline_working_days" => {
                self.decision_deadline_working_days = number()?
            }
            "candidate.decision_extension_working_days" => {
                self.decision_extension_working_days = number()?
            }
            other => {
                if !self.cell_year.apply(other, value)? {
                    return Err(format!("unknown setting {other}"));
                }
            }
        }
        Ok(())
    }
}

/// A comma-separated list of numbers.
fn numbers(key: &str, value: &str) -> Result<Vec<u32>, String> {
    value
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.trim()
                .parse::<u32>()
                .map_err(|_| format!("{key}: {s:?} is not a number"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quota_base_and_the_self_remedy_exception_are_settings() {
        let mut s = RuleSettings::defaults("366-QĐ/TW");
        assert_eq!(s.quota_base, QuotaBase::Good);
        assert!(s.apply("evaluation.quota_base", "good_or_better").is_ok());
        assert_eq!(s.quota_base, QuotaBase::GoodOrBetter);
        assert!(s.apply("evaluation.quota_base", "excellent").is_err());
        assert!(s
            .apply("evaluation.excellent_quota_percent", "101")
            .is_err());
        assert!(s
            .apply("evaluation.discipline_self_remedy_exempts", "0")
            .is_ok());
        assert!(!s.discipline_self_remedy_exempts);
        assert!(s
            .apply("evaluation.discipline_self_remedy_exempts", "maybe")
            .is_err());
        assert!(s.apply("records.entry_deadline_days", "45").is_ok());
        assert_eq!(s.entry_deadline_days, 45);
    }

    #[test]
    fn the_candidate_rules_read_their_settings() {
        let mut s = RuleSettings::defaults("294-QĐ/TW");
        assert_eq!(
            (
                s.certificate_valid_months,
                s.introducer_together_months,
                s.youth_age_max_years,
                s.decision_deadline_working_days,
                s.decision_extension_working_days
            ),
            (60, 12, 30, 60, 30)
        );
        assert!(s.apply("candidate.certificate_valid_months", "36").is_ok());
        assert!(s
            .apply("candidate.decision_extension_working_days", "0")
            .is_ok());
        assert_eq!(
            (
                s.certificate_valid_months,
                s.decision_extension_working_days
            ),
            (36, 0)
        );
        assert!(s.apply("candidate.youth_age_max_years", "thirty").is_err());
    }

    #[test]
    fn the_cell_year_settings_are_rule_settings() {
        let mut s = RuleSettings::defaults("294-QĐ/TW");
        assert!(s.apply("dues.rounding", "1000").is_ok());
        assert_eq!(s.cell_year.rounding, 1000);
        assert!(s.apply("meetings.absences_for_removal", "4").is_ok());
        assert_eq!(s.cell_year.absences_for_removal, 4);
        assert!(s.apply("dues.split", "cell=60").is_err());
        assert!(s.apply("dues.unknown", "1").is_err());
    }

    #[test]
    fn each_chain_records_its_own_document() {
        let mut s = RuleSettings::defaults("294-QĐ/TW");
        s.documents = vec![
            (RegulationChain::Charter, "294-QĐ/TW".into()),
            (RegulationChain::Evaluation, "366-QĐ/TW".into()),
        ];
        assert_eq!(s.document(RegulationChain::Evaluation), "366-QĐ/TW");
        assert_eq!(s.document(RegulationChain::Charter), "294-QĐ/TW");
        // A chain without a document of its own is judged by the charter regulation.
        assert_eq!(s.document(RegulationChain::Dues), "294-QĐ/TW");
    }
}
