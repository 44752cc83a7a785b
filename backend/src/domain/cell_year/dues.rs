//! Rule 32: a member's monthly dues (01-QĐ/TW 2026, art. 3 and 5), in whole đồng.
//!
//! A member's **basis** is dated: a category and, for the categories that take one, the base
//! amount (the social-insurance salary, the benefit, the pension, the regional minimum wage, or
//! the fixed amount entered for members abroad and other cases). The basis in force on the
//! first day of a month decides that month: a member who retires on 15 June pays June on the
//! salary and July on the pension. Rates are dated settings ([`CellYearSettings`]). Reliefs
//! (exemptions and reductions) cover whole months.

use chrono::NaiveDate;
use qldv_api_types::cell_year::{DuesCategory, DuesRelief};

use super::{CellYearSettings, Dong, Month};

/// What a member's dues are computed from, from a date on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Basis {
    /// In force from this date (applies from the next month's first day when mid-month).
    pub from: NaiveDate,
    /// The category.
    pub category: DuesCategory,
    /// The base in đồng (ignored for students; the amount itself for abroad and other).
    pub base: Dong,
}

/// An exemption or reduction over whole months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relief {
    /// What it is.
    pub kind: DuesRelief,
    /// First month covered.
    pub from: Month,
    /// Last month covered (`None`: open-ended, only for party age and social pension).
    pub to: Option<Month>,
    /// Percent of the amount forgiven: 100 for an exemption; 30, 50 or 70 for a reduction.
    pub percent: u32,
}

/// Why a basis or a relief is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuesRefusal {
    /// A negative base.
    NegativeBase,
    /// A category computed from a base, given none (zero).
    BaseRequired(DuesCategory),
    /// A reduction other than 30, 50, 70 or 100 %, or an exemption under 100 %.
    ReliefPercent(u32),
    /// A hardship relief longer than the setting allows (12 months).
    ReliefTooLong {
        /// The most allowed.
        max_months: u32,
    },
    /// A hardship relief without its last month.
    ReliefOpenEnded,
    /// The last month precedes the first.
    ReliefBackwards,
}

impl DuesRefusal {
    /// The stable code (the future `ErrorCode`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::NegativeBase => "dues_base_negative",
            Self::BaseRequired(_) => "dues_base_required",
            Self::ReliefPercent(_) => "dues_relief_percent",
            Self::ReliefTooLong { .. } => "dues_relief_too_long",
            Self::ReliefOpenEnded => "dues_relief_open_ended",
            Self::ReliefBackwards => "dues_relief_backwards",
        }
    }

    /// The message, in Vietnamese and English.
    pub fn message(&self) -> crate::messages::Text {
        use crate::messages::text;
        use qldv_api_types::vocabulary::{English, Vietnamese};
        match self {
            Self::NegativeBase => text!(
                "Mức thu nhập làm căn cứ đóng đảng phí không được âm",
                "The income on which dues are based cannot be negative"
            ),
            Self::BaseRequired(c) => {
                let (vi, en) = (c.vi(), c.en());
                text!(
                    "Cần nhập mức làm căn cứ đóng đảng phí ({vi})",
                    "The base of the dues is required ({en})"
                )
            }
            Self::ReliefPercent(p) => text!(
                "Mức giảm {p}% không đúng quy định (miễn 100% hoặc giảm 30%, 50%, 70%)",
                "A relief of {p}% is not in the regulation (100% exemption, or 30%, 50% or 70% off)"
            ),
            Self::ReliefTooLong { max_months } => text!(
                "Mỗi lần xét miễn, giảm đảng phí tối đa {max_months} tháng",
                "Each exemption or reduction of dues lasts at most {max_months} months"
            ),
            Self::ReliefOpenEnded => text!(
                "Miễn, giảm do hoàn cảnh khó khăn phải có thời hạn",
                "An exemption or reduction for hardship must have an end"
            ),
            Self::ReliefBackwards => text!(
                "Tháng kết thúc trước tháng bắt đầu",
                "The last month is before the first"
            ),
        }
    }
}

/// Checks a basis before it is stored.
pub fn check_basis(b: &Basis) -> Result<(), DuesRefusal> {
    use DuesCategory as C;
    if b.base < 0 {
        return Err(DuesRefusal::NegativeBase);
    }
    let needs_base = !matches!(b.category, C::Student);
    if needs_base && b.base == 0 {
        return Err(DuesRefusal::BaseRequired(b.category));
    }
    Ok(())
}

/// Checks a relief before it is stored (01-QĐ/TW art. 5: 30/50/70 % or exempt; at most
/// `relief_max_months` at a time for hardship).
pub fn check_relief(r: &Relief, s: &CellYearSettings) -> Result<(), DuesRefusal> {
    use DuesRelief as R;
    let percent_ok = match r.kind {
        R::Reduction => matches!(r.percent, 30 | 50 | 70 | 100),
        _ => r.percent == 100,
    };
    if !percent_ok {
        return Err(DuesRefusal::ReliefPercent(r.percent));
    }
    if let Some(to) = r.to {
        if to < r.from {
            return Err(DuesRefusal::ReliefBackwards);
        }
    }
    if matches!(r.kind, R::Hardship | R::Reduction) {
        let to = r.to.ok_or(DuesRefusal::ReliefOpenEnded)?;
        let months = u32::try_from(r.from.through(to).count()).unwrap_or(u32::MAX);
        if months > s.relief_max_months {
            return Err(DuesRefusal::ReliefTooLong {
                max_months: s.relief_max_months,
            });
        }
    }
    Ok(())
}

/// `numerator / denominator` rounded half up to a multiple of `unit` (all non-negative).
pub fn round_half_up(numerator: i128, denominator: i128, unit: Dong) -> Dong {
    let unit = i128::from(unit.max(1));
    let den = denominator.max(1) * unit;
    let q = (numerator * 2 + den) / (den * 2);
    Dong::try_from(q * unit).unwrap_or(Dong::MAX)
}

/// The amount for one month of a basis, before reliefs, with the rates in force on `on` (the
/// month's first day).
pub fn amount(b: &Basis, s: &CellYearSettings, on: NaiveDate) -> Dong {
    use DuesCategory as C;
    let base = i128::from(b.base.max(0));
    let by_rate = |bp: i64| round_half_up(base * i128::from(bp), 10_000, s.rounding);
    match b.category {
        C::SocialInsuranceSalary => by_rate(s.salary_rate_bp.on(on)),
        C::SicknessMaternityBenefit => by_rate(s.benefit_rate_bp.on(on)),
        C::Pension => by_rate(s.pension_rate_bp.on(on)),
        C::NoInsuranceWorkingAge => by_rate(s.no_insurance_working_age_bp.on(on)),
        C::NoInsuranceRetirementAge => by_rate(s.no_insurance_retirement_age_bp.on(on)),
        C::Student => s.student_amount.on(on),
        C::Abroad | C::Other => b.base.max(0),
    }
}

/// The basis in force for `month`: the latest one dated on or before its first day.
pub fn basis_for(bases: &[Basis], month: Month) -> Option<&Basis> {
    let first = month.first_day();
    bases
        .iter()
        .filter(|b| b.from <= first)
        .max_by_key(|b| b.from)
}

/// The percent forgiven in `month` (the most favourable relief covering it; 0 if none).
pub fn relief_percent(reliefs: &[Relief], month: Month) -> u32 {
    reliefs
        .iter()
        .filter(|r| r.from <= month && r.to.is_none_or(|to| month <= to))
        .map(|r| r.percent.min(100))
        .max()
        .unwrap_or(0)
}

/// Rule 32: what is due for `month`: the basis in force on its first day at the rates of that
/// day, less any relief, in whole đồng (rounded half up to the setting's unit). Zero without a
/// basis.
pub fn due_for(bases: &[Basis], reliefs: &[Relief], s: &CellYearSettings, month: Month) -> Dong {
    let Some(b) = basis_for(bases, month) else {
        return 0;
    };
    let full = amount(b, s, month.first_day());
    match relief_percent(reliefs, month) {
        0 => full,
        p => round_half_up(i128::from(full) * i128::from(100 - p), 100, s.rounding),
    }
}

/// The first month a member is exempt by party age: the month after the one in which
/// `exempt_party_age_years` of party age are reached (`reached_on`, from rule 5).
pub fn party_age_exemption(reached_on: NaiveDate) -> Relief {
    Relief {
        kind: DuesRelief::PartyAgeFifty,
        from: Month::of(reached_on).next(),
        to: None,
        percent: 100,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DuesCategory as C;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }
    fn m(y: i32, mo: u32) -> Month {
        Month::new(y, mo).unwrap_or(Month { year: y, month: 1 })
    }
    fn basis(from: NaiveDate, category: DuesCategory, base: Dong) -> Basis {
        Basis {
            from,
            category,
            base,
        }
    }

    #[test]
    fn the_2026_rates_in_whole_dong() {
        let s = CellYearSettings::default();
        let on = d(2026, 3, 1);
        let a = |c, base| amount(&basis(on, c, base), &s, on);
        assert_eq!(a(C::SocialInsuranceSalary, 12_345_678), 123_457);
        assert_eq!(a(C::SicknessMaternityBenefit, 9_000_050), 90_001);
        assert_eq!(a(C::Pension, 7_654_321), 38_272);
        assert_eq!(a(C::Student, 0), 5_000);
        // Regional minimum wage, zone I (4,960,000 đ): 0.3 % until 2027, 0.5 % from 2028.
        assert_eq!(a(C::NoInsuranceWorkingAge, 4_960_000), 14_880);
        assert_eq!(
            amount(
                &basis(on, C::NoInsuranceWorkingAge, 4_960_000),
                &s,
                d(2028, 1, 1)
            ),
            24_800
        );
        assert_eq!(a(C::NoInsuranceRetirementAge, 4_960_000), 9_920);
        assert_eq!(a(C::Abroad, 250_000), 250_000);
        // Half a đồng rounds up; under half rounds down.
        assert_eq!(a(C::Pension, 1_100), 6);
        assert_eq!(a(C::Pension, 1_099), 5);
    }

    #[test]
    fn rounding_is_a_setting() {
        let mut s = CellYearSettings::default();
        assert_eq!(s.apply("dues.rounding", "1000"), Ok(true));
        let on = d(2026, 3, 1);
        assert_eq!(
            amount(&basis(on, C::SocialInsuranceSalary, 12_345_678), &s, on),
            123_000
        );
        assert_eq!(
            amount(&basis(on, C::SocialInsuranceSalary, 12_550_000), &s, on),
            126_000
        );
    }

    #[test]
    fn a_member_who_retires_mid_year_pays_on_the_pension_from_the_next_month() {
        let s = CellYearSettings::default();
        let bases = [
            basis(d(2020, 1, 1), C::SocialInsuranceSalary, 12_000_000),
            basis(d(2026, 6, 15), C::Pension, 8_000_000),
        ];
        let year: Vec<Dong> = Month::of_year(2026)
            .map(|mo| due_for(&bases, &[], &s, mo))
            .collect();
        assert_eq!(&year[..6], &[120_000; 6]);
        assert_eq!(&year[6..], &[40_000; 6]);
        assert_eq!(year.iter().sum::<Dong>(), 960_000);
        // Retiring on the 1st takes effect that very month.
        let bases = [
            basis(d(2020, 1, 1), C::SocialInsuranceSalary, 12_000_000),
            basis(d(2026, 7, 1), C::Pension, 8_000_000),
        ];
        assert_eq!(due_for(&bases, &[], &s, m(2026, 7)), 40_000);
        // No basis yet: nothing due.
        assert_eq!(due_for(&bases, &[], &s, m(2019, 12)), 0);
    }

    #[test]
    fn reliefs_exempt_or_reduce_whole_months() {
        let s = CellYearSettings::default();
        let bases = [basis(d(2020, 1, 1), C::Pension, 7_000_000)];
        let reduce = Relief {
            kind: DuesRelief::Reduction,
            from: m(2026, 3),
            to: Some(m(2026, 5)),
            percent: 70,
        };
        assert_eq!(check_relief(&reduce, &s), Ok(()));
        assert_eq!(due_for(&bases, &[reduce], &s, m(2026, 2)), 35_000);
        assert_eq!(due_for(&bases, &[reduce], &s, m(2026, 3)), 10_500);
        assert_eq!(due_for(&bases, &[reduce], &s, m(2026, 6)), 35_000);
        let fifty = party_age_exemption(d(2026, 8, 19));
        assert_eq!(fifty.from, m(2026, 9));
        assert_eq!(check_relief(&fifty, &s), Ok(()));
        assert_eq!(due_for(&bases, &[reduce, fifty], &s, m(2026, 8)), 35_000);
        assert_eq!(due_for(&bases, &[reduce, fifty], &s, m(2030, 1)), 0);
    }

    #[test]
    fn refused_bases_and_reliefs() {
        let s = CellYearSettings::default();
        let on = d(2026, 3, 1);
        assert_eq!(
            check_basis(&basis(on, C::Pension, -1)),
            Err(DuesRefusal::NegativeBase)
        );
        assert_eq!(
            check_basis(&basis(on, C::SocialInsuranceSalary, 0)),
            Err(DuesRefusal::BaseRequired(C::SocialInsuranceSalary))
        );
        assert_eq!(check_basis(&basis(on, C::Student, 0)), Ok(()));
        let r = |kind, from, to, percent| Relief {
            kind,
            from,
            to,
            percent,
        };
        let refusal = |x: Relief| check_relief(&x, &s).err().map(|e| e.code());
        assert_eq!(
            refusal(r(DuesRelief::Reduction, m(2026, 1), Some(m(2026, 2)), 40)),
            Some("dues_relief_percent")
        );
        assert_eq!(
            refusal(r(DuesRelief::PartyAgeFifty, m(2026, 1), None, 50)),
            Some("dues_relief_percent")
        );
        // Twelve months at once is allowed, thirteen are not.
        assert_eq!(
            refusal(r(DuesRelief::Hardship, m(2026, 1), Some(m(2026, 12)), 100)),
            None
        );
        assert_eq!(
            refusal(r(DuesRelief::Hardship, m(2026, 1), Some(m(2027, 1)), 100)),
            Some("dues_relief_too_long")
        );
        assert_eq!(
            refusal(r(DuesRelief::Reduction, m(2026, 1), None, 30)),
            Some("dues_relief_open_ended")
        );
        assert_eq!(
            refusal(r(DuesRelief::Reduction, m(2026, 5), Some(m(2026, 1)), 30)),
            Some("dues_relief_backwards")
        );
        assert!(DuesRefusal::ReliefTooLong { max_months: 12 }
            .message()
            .vi
            .contains("12 tháng"));
    }
}
