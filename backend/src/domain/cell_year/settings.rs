//! The numbers of the cell's year as dated settings. `dues.*` keys belong to the dues chain
//! (342-QĐ/TW → 01-QĐ/TW), `meetings.*` to the charter chain and `evaluation.*` to the
//! evaluation chain (`domain::chains::chain_of_key`). A value may change within one document's
//! life: `30;2028-01-01=50` is 30 until 31 Dec 2027 and 50 from 1 Jan 2028 (01-QĐ/TW's
//! phased rates for members without social insurance).

use chrono::NaiveDate;
use qldv_api_types::cell_year::{AbsenceCount, DuesLevel};
use qldv_api_types::Term;

use super::Dong;

/// A number that steps to new values on given dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stepped {
    /// The value before the first step.
    pub first: i64,
    /// Later values with the date each takes effect, ascending.
    pub steps: Vec<(NaiveDate, i64)>,
}

impl Stepped {
    /// A value that never changes.
    pub fn fixed(v: i64) -> Self {
        Self {
            first: v,
            steps: Vec::new(),
        }
    }

    /// The value on `date`.
    pub fn on(&self, date: NaiveDate) -> i64 {
        self.steps
            .iter()
            .take_while(|(from, _)| *from <= date)
            .last()
            .map_or(self.first, |(_, v)| *v)
    }

    /// Parses `30` or `30;2028-01-01=50;…` (dates ascending, values not negative).
    pub fn parse(value: &str) -> Result<Self, String> {
        let mut parts = value.split(';').map(str::trim);
        let number = |s: &str| {
            s.parse::<i64>()
                .ok()
                .filter(|n| *n >= 0)
                .ok_or_else(|| format!("{s:?} is not a number"))
        };
        let first = number(parts.next().unwrap_or_default())?;
        let mut steps: Vec<(NaiveDate, i64)> = Vec::new();
        for part in parts.filter(|p| !p.is_empty()) {
            let (date, v) = part
                .split_once('=')
                .ok_or_else(|| format!("{part:?} is not date=value"))?;
            let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
                .map_err(|_| format!("{date:?} is not a date"))?;
            if steps.last().is_some_and(|(last, _)| *last >= date) {
                return Err(format!("{date} is not after the step before"));
            }
            steps.push((date, number(v.trim())?));
        }
        Ok(Self { first, steps })
    }
}

/// The settings of the cell's year in force for one document of each chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellYearSettings {
    /// Rule 32: basis points (1 % = 100) of the social-insurance salary.
    pub salary_rate_bp: Stepped,
    /// Rule 32: basis points of the sickness or maternity benefit.
    pub benefit_rate_bp: Stepped,
    /// Rule 32: basis points of the pension.
    pub pension_rate_bp: Stepped,
    /// Rule 32: the pupils' and students' fixed amount, đồng.
    pub student_amount: Stepped,
    /// Rule 32: basis points of the regional minimum wage, no social insurance, working age.
    pub no_insurance_working_age_bp: Stepped,
    /// Rule 32: basis points of the regional minimum wage, no social insurance, retirement age.
    pub no_insurance_retirement_age_bp: Stepped,
    /// Rule 32: amounts are rounded half up to a multiple of this many đồng (1: to the đồng).
    pub rounding: Dong,
    /// Rule 32: the longest exemption or reduction for hardship granted at once, months.
    pub relief_max_months: u32,
    /// Rule 32: party age (years) from which a member is exempt.
    pub exempt_party_age_years: u32,
    /// Rule 33: percent of what a cell collects kept by each level; `None` until a national
    /// administrator records the regulation's ratios (not found in the sources checked).
    pub split: Option<Vec<(DuesLevel, u32)>>,
    /// Rule 36: unexcused absences in a year that ground a name-removal proposal.
    pub absences_for_removal: u32,
    /// Rule 36: what an absence is counted by (meetings, or months as the charter text says).
    pub absence_count: AbsenceCount,
    /// Rule 37: months unpaid in a year that ground a name-removal proposal.
    pub unpaid_months_for_removal: u32,
    /// Rule 38: share (percent) of duties exceeded that the "excellent" level needs
    /// (366-QĐ/TW art. 11 §1: at least 30 %).
    pub exceeded_duties_percent: u32,
}

impl Default for CellYearSettings {
    /// 01-QĐ/TW (2026) and DOMAIN.md's numbers (sources in `docs/rules.md`, rules 32–39).
    fn default() -> Self {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MAX);
        Self {
            salary_rate_bp: Stepped::fixed(100),
            benefit_rate_bp: Stepped::fixed(100),
            pension_rate_bp: Stepped::fixed(50),
            student_amount: Stepped::fixed(5_000),
            no_insurance_working_age_bp: Stepped {
                first: 30,
                steps: vec![(date(2028, 1, 1), 50)],
            },
            no_insurance_retirement_age_bp: Stepped {
                first: 20,
                steps: vec![(date(2028, 1, 1), 30)],
            },
            rounding: 1,
            relief_max_months: 12,
            exempt_party_age_years: 50,
            split: None,
            absences_for_removal: 3,
            absence_count: AbsenceCount::Meetings,
            unpaid_months_for_removal: 3,
            exceeded_duties_percent: 30,
        }
    }
}

impl CellYearSettings {
    /// Applies one stored `key = value`; `Ok(false)` when the key is not one of these.
    pub fn apply(&mut self, key: &str, value: &str) -> Result<bool, String> {
        let v = value.trim();
        let stepped = || Stepped::parse(v).map_err(|e| format!("{key}: {e}"));
        let number = || {
            v.parse::<u32>()
                .map_err(|_| format!("{key}: {value:?} is not a number"))
        };
        match key {
            "dues.salary_rate_bp" => self.salary_rate_bp = stepped()?,
            "dues.benefit_rate_bp" => self.benefit_rate_bp = stepped()?,
            "dues.pension_rate_bp" => self.pension_rate_bp = stepped()?,
            "dues.student_amount" => self.student_amount = stepped()?,
            "dues.no_insurance_working_age_bp" => self.no_insurance_working_age_bp = stepped()?,
            "dues.no_insurance_retirement_age_bp" => {
                self.no_insurance_retirement_age_bp = stepped()?
            }
            "dues.rounding" => {
                let n = number()?;
                if n == 0 {
                    return Err(format!("{key}: rounding must be at least 1 dong"));
                }
                self.rounding = Dong::from(n)
            }
            "dues.relief_max_months" => self.relief_max_months = number()?,
            "dues.exempt_party_age_years" => self.exempt_party_age_years = number()?,
            "dues.split" => self.split = Some(parse_split(v).map_err(|e| format!("{key}: {e}"))?),
            "dues.unpaid_months_for_removal" => self.unpaid_months_for_removal = number()?,
            "meetings.absences_for_removal" => self.absences_for_removal = number()?,
            "meetings.absence_count" => {
                self.absence_count = AbsenceCount::parse(v)
                    .map_err(|_| format!("{key}: {value:?} is not meetings or months"))?
            }
            "evaluation.exceeded_duties_percent" => {
                let n = number()?;
                if n > 100 {
                    return Err(format!("{key}: {value:?} is over 100 percent"));
                }
                self.exceeded_duties_percent = n
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// `cell=…,grassroots=…,above_grassroots=…`: each level once, percents adding up to 100.
fn parse_split(value: &str) -> Result<Vec<(DuesLevel, u32)>, String> {
    let mut out: Vec<(DuesLevel, u32)> = Vec::new();
    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (level, pct) = part
            .split_once('=')
            .ok_or_else(|| format!("{part:?} is not level=percent"))?;
        let level = DuesLevel::parse(level.trim()).map_err(|e| e.to_string())?;
        let pct = pct
            .trim()
            .parse::<u32>()
            .map_err(|_| format!("{pct:?} is not a number"))?;
        if out.iter().any(|(l, _)| *l == level) {
            return Err(format!("{level} given twice"));
        }
        out.push((level, pct));
    }
    if out.iter().map(|(_, p)| p).sum::<u32>() != 100 {
        return Err("the shares do not add up to 100".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn stepped_values_change_on_their_dates() {
        let s = CellYearSettings::default();
        assert_eq!(s.no_insurance_working_age_bp.on(d(2027, 12, 31)), 30);
        assert_eq!(s.no_insurance_working_age_bp.on(d(2028, 1, 1)), 50);
        assert_eq!(s.no_insurance_retirement_age_bp.on(d(2028, 1, 1)), 30);
        let p = Stepped::parse("10;2027-01-01=20;2029-01-01=5");
        assert_eq!(
            p.as_ref().map(|p| (
                p.on(d(2026, 6, 1)),
                p.on(d(2028, 6, 1)),
                p.on(d(2030, 1, 1))
            )),
            Ok((10, 20, 5))
        );
        assert!(Stepped::parse("10;2029-01-01=20;2027-01-01=5").is_err());
        assert!(Stepped::parse("-1").is_err());
        assert!(Stepped::parse("10;2027-13-01=5").is_err());
    }

    #[test]
    fn the_cell_year_reads_its_settings() {
        let mut s = CellYearSettings::default();
        assert_eq!(s.apply("dues.rounding", "1000"), Ok(true));
        assert_eq!(s.rounding, 1000);
        assert!(s.apply("dues.rounding", "0").is_err());
        assert_eq!(s.apply("meetings.absence_count", "months"), Ok(true));
        assert_eq!(s.absence_count, AbsenceCount::Months);
        assert!(s.apply("meetings.absence_count", "weeks").is_err());
        assert_eq!(s.split, None);
        assert_eq!(
            s.apply("dues.split", "cell=30, grassroots=30, above_grassroots=40"),
            Ok(true)
        );
        assert_eq!(
            s.split,
            Some(vec![
                (DuesLevel::Cell, 30),
                (DuesLevel::Grassroots, 30),
                (DuesLevel::AboveGrassroots, 40)
            ])
        );
        assert!(s.apply("dues.split", "cell=50,grassroots=40").is_err());
        assert!(s.apply("dues.split", "cell=50,cell=50").is_err());
        assert!(s
            .apply("evaluation.exceeded_duties_percent", "101")
            .is_err());
        assert_eq!(s.apply("badge.milestones", "30"), Ok(false));
    }
}
