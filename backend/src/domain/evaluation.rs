//! Yearly evaluation (rules 14–16): levels and score bands, who is not rated, the illness cap,
//! the per-grassroots quota of excellent ratings, and the round a grassroots organisation opens
//! and closes for a year.

use crate::messages::{text, Text};
use chrono::NaiveDate;

use super::calendar::add_months;
use super::settings::RuleSettings;
use super::Violation;
use qldv_api_types::regulations::QuotaBase;

pub use super::evaluation_round::{close_round, reopen_round, require_open, RoundRefusal};

/// A rating level (rule 14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Không hoàn thành nhiệm vụ.
    NotComplete,
    /// Hoàn thành nhiệm vụ.
    Complete,
    /// Hoàn thành tốt nhiệm vụ.
    Good,
    /// Hoàn thành xuất sắc nhiệm vụ.
    Excellent,
}

impl Level {
    /// Name in both languages, for messages.
    pub fn label(self) -> Text {
        match self {
            Self::Excellent => text!(
                "hoàn thành xuất sắc nhiệm vụ",
                "completed duties excellently"
            ),
            Self::Good => text!("hoàn thành tốt nhiệm vụ", "completed duties well"),
            Self::Complete => text!("hoàn thành nhiệm vụ", "completed duties"),
            Self::NotComplete => text!("không hoàn thành nhiệm vụ", "did not complete duties"),
        }
    }
}

/// Why a member is not rated in a year (rule 15): the vocabulary's term.
pub use qldv_api_types::evaluations::NotRatedReason;

/// The level a score falls in (rule 14, 2025 bands: ≥ 90, 70–< 90, 50–< 70, < 50).
pub fn band(score: u32, bands: [u32; 3]) -> Level {
    if score >= bands[0] {
        Level::Excellent
    } else if score >= bands[1] {
        Level::Good
    } else if score >= bands[2] {
        Level::Complete
    } else {
        Level::NotComplete
    }
}

/// What the rules need to know about a member for one year's rating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingFacts {
    /// The year.
    pub year: i32,
    /// The member's latest admission decision (a re-admission starts again).
    pub admitted_on: NaiveDate,
    /// Exempt from activities at the rating date.
    pub exempt: bool,
    /// Days of illness inside the year, outside any maternity leave (rule 15: a member on
    /// maternity leave is rated on the time worked, so the leave is not illness).
    pub illness_days: i64,
    /// A discipline decided during the year (rule 15).
    pub disciplined_in_year: bool,
}

/// What the cell records with a rating beyond its level (rules 14–15).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Grounds<'a> {
    /// Why the level is lower than the score's band (rule 14: allowed, with its reason).
    pub level_reason: Option<&'a str>,
    /// The member found and remedied the fault of this year's discipline themselves (rule 15).
    pub self_remedied: bool,
}

/// What is stored with a rating that passed the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    /// Why not rated, for a not-rated member.
    pub not_rated_reason: Option<NotRatedReason>,
    /// The reason of a level below the score's band (only then).
    pub level_reason: Option<String>,
    /// The recorded self-remedy (only for a member disciplined in the year).
    pub self_remedied: bool,
}

/// Last day of a year.
pub fn year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// First day of a year.
pub fn year_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// The reason the system itself knows for not rating the member, if any (rule 15).
pub fn automatic_not_rated(f: &RatingFacts, s: &RuleSettings) -> Option<NotRatedReason> {
    // Admitted less than N months before the year's end: the decision falls after end − N months.
    let end = year_end(f.year);
    let cutoff = end
        .checked_sub_months(chrono::Months::new(s.recently_admitted_months))
        .unwrap_or(NaiveDate::MIN);
    if f.admitted_on > cutoff {
        Some(NotRatedReason::RecentlyAdmitted)
    } else if f.exempt {
        Some(NotRatedReason::Exempt)
    } else {
        None
    }
}

/// Whether the illness inside the year reaches the cap (ill N months or more, rule 15).
pub fn illness_capped(f: &RatingFacts, s: &RuleSettings) -> bool {
    let start = year_start(f.year);
    let cap_days = (add_months(start, s.illness_cap_months) - start).num_days();
    s.illness_cap_months > 0 && f.illness_days >= cap_days
}

/// A rating as requested: a level (or not rated with a reason) and an optional score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    /// Rated at a level.
    Rated(Level),
    /// Not rated, for a reason.
    NotRated(Option<NotRatedReason>),
}

/// Checks a rating against rules 14 and 15; returns what to store with it.
///
/// Rule 14: the score's band is necessary, not sufficient — a level above the band is refused,
/// one below it is allowed with its reason. Rule 15: a member disciplined during the year is
/// "not complete", unless they found and remedied the fault themselves (recorded) where the
/// regulation in force allows that exception.
pub fn check_rating(
    rating: Rating,
    score: Option<u32>,
    grounds: Grounds<'_>,
    f: &RatingFacts,
    s: &RuleSettings,
) -> Result<Judged, Violation> {
    let reason = check_level(rating, score, grounds, f, s)?;
    let level_reason = match (rating, score, s.score_bands) {
        (Rating::Rated(level), Some(score), Some(bands)) if band(score, bands) > level => grounds
            .level_reason
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_string),
        _ => None,
    };
    Ok(Judged {
        not_rated_reason: reason,
        level_reason,
        self_remedied: grounds.self_remedied
            && f.disciplined_in_year
            && matches!(rating, Rating::Rated(_)),
    })
}

fn check_level(
    rating: Rating,
    score: Option<u32>,
    grounds: Grounds<'_>,
    f: &RatingFacts,
    s: &RuleSettings,
) -> Result<Option<NotRatedReason>, Violation> {
    if f.admitted_on > year_end(f.year) {
        return Err(Violation::new(
            "not_member_that_year",
            text!(
                "Đảng viên được kết nạp sau năm {}",
                "The member was admitted after {}",
                f.year
            ),
        ));
    }
    let automatic = automatic_not_rated(f, s);
    match rating {
        Rating::NotRated(declared) => {
            if score.is_some() {
                return Err(Violation::new(
                    "score_not_allowed",
                    text!(
                        "Đảng viên không xếp loại thì không chấm điểm",
                        "A member not rated is not scored"
                    ),
                ));
            }
            match (automatic, declared) {
                (Some(a), _) => Ok(Some(a)),
                (None, Some(NotRatedReason::Suspended)) => Ok(Some(NotRatedReason::Suspended)),
                (None, Some(NotRatedReason::RecentlyAdmitted)) => Err(Violation::new(
                    "not_rated_reason_invalid",
                    text!("Đảng viên đã được kết nạp đủ 6 tháng trước cuối năm: phải xếp loại", "The member was admitted 6 months or more before the year's end: rate them"),
                )),
                (None, Some(NotRatedReason::Exempt)) => Err(Violation::new(
                    "not_rated_reason_invalid",
                    text!("Đảng viên không được miễn công tác và sinh hoạt: phải xếp loại", "The member is not exempt from work and meetings: rate them"),
                )),
                (None, None) => Err(Violation::new(
                    "not_rated_reason_required",
                    text!("Chỉ không xếp loại đảng viên mới kết nạp dưới 6 tháng, được miễn sinh hoạt hoặc bị đình chỉ sinh hoạt; ghi rõ lý do", "Only members admitted under 6 months ago, exempt or suspended go unrated; give the reason"),
                )),
            }
        }
        Rating::Rated(level) => {
            if let Some(reason) = automatic {
                let year = f.year;
                let why = match reason {
                    NotRatedReason::RecentlyAdmitted => text!(
                        "Đảng viên kết nạp chưa đủ 6 tháng tính đến cuối năm: không xếp loại năm {year}",
                        "The member was admitted under 6 months before the year's end: not rated for {year}"
                    ),
                    NotRatedReason::Exempt => text!(
                        "Đảng viên được miễn công tác và sinh hoạt đảng: không xếp loại năm {year}",
                        "The member is exempt from party work and meetings: not rated for {year}"
                    ),
                    NotRatedReason::Suspended => text!(
                        "Đảng viên bị đình chỉ sinh hoạt: không xếp loại năm {year}",
                        "The member is suspended: not rated for {year}"
                    ),
                };
                return Err(Violation::new("not_ratable", why));
            }
            if let Some(score) = score {
                let Some(bands) = s.score_bands else {
                    return Err(Violation::new(
                        "score_not_used",
                        text!(
                            "Quy định {} không chấm điểm theo thang 100; bỏ trường score",
                            "Regulation {} does not score out of 100; leave out score",
                            s.regulation
                        ),
                    ));
                };
                let expected = band(score, bands);
                if level > expected {
                    return Err(Violation::new(
                        "level_score_mismatch",
                        Text::new(
                            format!(
                                "{score} điểm chỉ đạt mức \"{}\": không xếp mức cao hơn \"{}\"",
                                expected.label().vi,
                                level.label().vi
                            ),
                            format!(
                                "{score} points reach only \"{}\": not the higher \"{}\"",
                                expected.label().en,
                                level.label().en
                            ),
                        ),
                    ));
                }
                let reasoned = grounds.level_reason.is_some_and(|r| !r.trim().is_empty());
                if level < expected && !reasoned {
                    return Err(Violation::new(
                        "level_reason_required",
                        Text::new(
                            format!(
                                "{score} điểm thuộc khung \"{}\": xếp mức thấp hơn \"{}\" phải ghi rõ lý do (chưa đủ điều kiện của mức)",
                                expected.label().vi,
                                level.label().vi
                            ),
                            format!(
                                "{score} points fall in \"{}\": rating lower, \"{}\", needs the reason (a condition of the level not met)",
                                expected.label().en,
                                level.label().en
                            ),
                        ),
                    ));
                }
            }
            if f.disciplined_in_year
                && level > Level::NotComplete
                && !(grounds.self_remedied && s.discipline_self_remedy_exempts)
            {
                let year = f.year;
                let message = if s.discipline_self_remedy_exempts {
                    text!(
                        "Đảng viên bị kỷ luật trong năm {year} xếp loại \"không hoàn thành nhiệm vụ\", trừ khi tự phát hiện và khắc phục xong hậu quả (ghi nhận self_remedied)",
                        "A member disciplined in {year} is rated \"did not complete duties\", unless they found and repaired the harm themselves (record self_remedied)"
                    )
                } else {
                    text!(
                        "Đảng viên bị kỷ luật trong năm {year} xếp loại \"không hoàn thành nhiệm vụ\"",
                        "A member disciplined in {year} is rated \"did not complete duties\""
                    )
                };
                return Err(Violation::new("disciplined_in_year", message));
            }
            if level > Level::Complete && illness_capped(f, s) {
                return Err(Violation::new(
                    "illness_cap",
                    text!(
"Đảng viên nghỉ ốm từ {} tháng trở lên trong năm chỉ xếp loại tối đa \"hoàn thành nhiệm vụ\"",
"A member ill for {} months or more in the year is rated \"completed duties\" at best",
                        s.illness_cap_months
                    ),
                ));
            }
            Ok(None)
        }
    }
}

/// The most excellent ratings allowed for a base of `base` members (rule 16):
/// ⌊base × percent / 100⌋.
pub fn max_excellent(base: i64, percent: u32) -> i64 {
    base.max(0) * i64::from(percent) / 100
}

/// Rule 16: the count the quota is a share of — the members rated good, or good or better
/// (boards read the text both ways; the regulation in force says which, as a setting).
pub fn quota_base(excellent: i64, good: i64, base: QuotaBase) -> i64 {
    match base {
        QuotaBase::Good => good,
        QuotaBase::GoodOrBetter => good + excellent,
    }
}

/// Rule 16: excellent ≤ percent % of the base inside one grassroots organisation.
pub fn check_quota(
    excellent: i64,
    good: i64,
    percent: u32,
    base: QuotaBase,
) -> Result<(), Violation> {
    let n = quota_base(excellent, good, base);
    if excellent * 100 <= n * i64::from(percent) {
        return Ok(());
    }
    let of = match base {
        QuotaBase::Good => text!("hoàn thành tốt", "rated good"),
        QuotaBase::GoodOrBetter => text!("hoàn thành tốt trở lên", "rated good or better"),
    };
    let (of_vi, of_en) = (of.vi, of.en);
    let max = max_excellent(n, percent);
    Err(Violation::new(
        "quota_exceeded",
        text!(
            "{excellent} đảng viên hoàn thành xuất sắc vượt tỷ lệ {percent}% của {n} đảng viên {of_vi} (tối đa {max})",
            "{excellent} members rated excellent exceed {percent}% of the {n} members {of_en} (at most {max})"
        ),
    ))
}

/// Rule 16: share rated, in percent with two decimals — members rated at a level over the
/// members due to be rated (those not rated under rule 15 are neither); 100 when nobody is due.
pub fn coverage(rated: i64, due: i64) -> f64 {
    if due <= 0 {
        return 100.0;
    }
    ((rated as f64) * 10_000.0 / (due as f64)).round() / 100.0
}

/// Rule 15: a maternity leave recorded with a rating lies inside the year, in order.
pub fn check_maternity(year: i32, from: NaiveDate, to: NaiveDate) -> Result<(), Violation> {
    if from > to || from > year_end(year) || to < year_start(year) {
        return Err(Violation::new(
            "maternity_outside_year",
            text!(
"Thời gian nghỉ thai sản phải nằm trong năm {year} và ngày bắt đầu trước ngày kết thúc",
"The maternity leave lies in {year} and starts before it ends"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn s2025() -> RuleSettings {
        let mut s = RuleSettings::defaults("294-QĐ/TW");
        s.score_bands = Some([90, 70, 50]);
        s
    }

    /// A rating with no recorded grounds; `check_rating` keeps only the not-rated reason.
    fn rate(
        r: Rating,
        score: Option<u32>,
        f: &RatingFacts,
        s: &RuleSettings,
    ) -> Result<Option<NotRatedReason>, Violation> {
        check_rating(r, score, Grounds::default(), f, s).map(|j| j.not_rated_reason)
    }

    fn facts(admitted_on: NaiveDate) -> RatingFacts {
        RatingFacts {
            year: 2025,
            admitted_on,
            exempt: false,
            illness_days: 0,
            disciplined_in_year: false,
        }
    }

    #[test]
    fn score_bands_of_2025() {
        let b = [90, 70, 50];
        assert_eq!(band(100, b), Level::Excellent);
        assert_eq!(band(90, b), Level::Excellent);
        assert_eq!(band(89, b), Level::Good);
        assert_eq!(band(70, b), Level::Good);
        assert_eq!(band(69, b), Level::Complete);
        assert_eq!(band(50, b), Level::Complete);
        assert_eq!(band(49, b), Level::NotComplete);
        assert_eq!(band(0, b), Level::NotComplete);
    }

    #[test]
    fn a_level_above_its_score_band_is_refused() {
        let f = facts(d(2020, 1, 1));
        let s = s2025();
        assert!(rate(Rating::Rated(Level::Good), Some(75), &f, &s).is_ok());
        let e = rate(Rating::Rated(Level::Excellent), Some(89), &f, &s);
        assert_eq!(e.map_err(|v| v.code), Err("level_score_mismatch"));
        assert!(rate(Rating::Rated(Level::Excellent), None, &f, &s).is_ok());
    }

    #[test]
    fn a_level_below_its_score_band_needs_its_reason_and_keeps_it() {
        let f = facts(d(2020, 1, 1));
        let s = s2025();
        // 92 points is the excellent band; "good" needs a reason (366-QĐ/TW art. 11 conditions).
        let e = rate(Rating::Rated(Level::Good), Some(92), &f, &s);
        assert_eq!(e.map_err(|v| v.code), Err("level_reason_required"));
        let blank = Grounds {
            level_reason: Some("  "),
            ..Grounds::default()
        };
        let e = check_rating(Rating::Rated(Level::Good), Some(92), blank, &f, &s);
        assert_eq!(e.map_err(|v| v.code), Err("level_reason_required"));
        let why = Grounds {
            level_reason: Some("Chưa đạt 30% nhiệm vụ vượt mức"),
            ..Grounds::default()
        };
        let j = check_rating(Rating::Rated(Level::Good), Some(92), why, &f, &s);
        assert_eq!(
            j.map(|j| j.level_reason),
            Ok(Some("Chưa đạt 30% nhiệm vụ vượt mức".to_string()))
        );
        // Inside its band the level needs no reason, and none is stored.
        let j = check_rating(Rating::Rated(Level::Excellent), Some(92), why, &f, &s);
        assert_eq!(j.map(|j| j.level_reason), Ok(None));
    }

    #[test]
    fn disciplined_during_the_year_is_not_complete_unless_self_remedied() {
        let s = s2025();
        let f = RatingFacts {
            disciplined_in_year: true,
            ..facts(d(2020, 1, 1))
        };
        let e = rate(Rating::Rated(Level::Complete), None, &f, &s);
        assert_eq!(e.map_err(|v| v.code), Err("disciplined_in_year"));
        assert!(rate(Rating::Rated(Level::NotComplete), None, &f, &s).is_ok());
        let remedied = Grounds {
            self_remedied: true,
            ..Grounds::default()
        };
        let j = check_rating(Rating::Rated(Level::Good), None, remedied, &f, &s);
        assert_eq!(j.map(|j| j.self_remedied), Ok(true));
        // 132-QĐ/TW knew no such exception.
        let mut s2018 = RuleSettings::defaults("132-QĐ/TW");
        s2018.discipline_self_remedy_exempts = false;
        let e = check_rating(Rating::Rated(Level::Good), None, remedied, &f, &s2018);
        assert_eq!(e.map_err(|v| v.code), Err("disciplined_in_year"));
        // Not disciplined: a self-remedy recorded by mistake is not stored.
        let j = check_rating(
            Rating::Rated(Level::Good),
            None,
            remedied,
            &facts(d(2020, 1, 1)),
            &s,
        );
        assert_eq!(j.map(|j| j.self_remedied), Ok(false));
    }

    #[test]
    fn a_maternity_leave_lies_inside_the_year() {
        assert!(check_maternity(2025, d(2025, 2, 1), d(2025, 7, 31)).is_ok());
        assert!(check_maternity(2025, d(2024, 11, 1), d(2025, 3, 31)).is_ok());
        assert!(check_maternity(2025, d(2026, 1, 1), d(2026, 3, 31)).is_err());
        assert!(check_maternity(2025, d(2025, 7, 31), d(2025, 2, 1)).is_err());
    }

    #[test]
    fn no_score_before_2025() {
        let s = RuleSettings::defaults("24-QĐ/TW");
        let e = rate(
            Rating::Rated(Level::Good),
            Some(75),
            &facts(d(2020, 1, 1)),
            &s,
        );
        assert_eq!(e.map_err(|v| v.code), Err("score_not_used"));
    }

    #[test]
    fn admitted_less_than_six_months_before_year_end_is_not_rated() {
        let s = s2025();
        // 30 June is exactly six months before 31 December: rated.
        assert_eq!(automatic_not_rated(&facts(d(2025, 6, 30)), &s), None);
        assert_eq!(
            automatic_not_rated(&facts(d(2025, 7, 1)), &s),
            Some(NotRatedReason::RecentlyAdmitted)
        );
        let e = rate(Rating::Rated(Level::Good), None, &facts(d(2025, 7, 1)), &s);
        assert_eq!(e.map_err(|v| v.code), Err("not_ratable"));
        assert_eq!(
            rate(Rating::NotRated(None), None, &facts(d(2025, 7, 1)), &s),
            Ok(Some(NotRatedReason::RecentlyAdmitted))
        );
    }

    #[test]
    fn not_rated_needs_a_true_reason() {
        let s = s2025();
        let f = facts(d(2020, 1, 1));
        let e = rate(Rating::NotRated(None), None, &f, &s);
        assert_eq!(e.map_err(|v| v.code), Err("not_rated_reason_required"));
        let e = rate(Rating::NotRated(Some(NotRatedReason::Exempt)), None, &f, &s);
        assert_eq!(e.map_err(|v| v.code), Err("not_rated_reason_invalid"));
        assert_eq!(
            rate(
                Rating::NotRated(Some(NotRatedReason::Suspended)),
                None,
                &f,
                &s
            ),
            Ok(Some(NotRatedReason::Suspended))
        );
        let exempt = RatingFacts {
            exempt: true,
            ..f.clone()
        };
        assert_eq!(
            rate(Rating::NotRated(None), None, &exempt, &s),
            Ok(Some(NotRatedReason::Exempt))
        );
    }

    #[test]
    fn three_months_ill_caps_at_complete() {
        let s = s2025();
        // Jan + Feb + Mar 2025 = 90 days.
        let ill = RatingFacts {
            illness_days: 90,
            ..facts(d(2020, 1, 1))
        };
        let e = rate(Rating::Rated(Level::Good), None, &ill, &s);
        assert_eq!(e.map_err(|v| v.code), Err("illness_cap"));
        assert!(rate(Rating::Rated(Level::Complete), None, &ill, &s).is_ok());
        let less = RatingFacts {
            illness_days: 89,
            ..ill
        };
        assert!(rate(Rating::Rated(Level::Excellent), None, &less, &s).is_ok());
    }

    #[test]
    fn quota_boundary_exactly_twenty_percent_passes() {
        let good = QuotaBase::Good;
        assert!(check_quota(2, 10, 20, good).is_ok());
        assert_eq!(
            check_quota(3, 10, 20, good).map_err(|v| v.code),
            Err("quota_exceeded")
        );
        assert!(check_quota(0, 0, 20, good).is_ok());
        assert!(check_quota(1, 0, 20, good).is_err());
        assert_eq!(max_excellent(14, 20), 2);
    }

    #[test]
    fn the_quota_base_decides_what_twenty_percent_is_of() {
        // 3 excellent, 12 good: 3 > 20 % of 12 (2), but 3 ≤ 20 % of 15.
        assert!(check_quota(3, 12, 20, QuotaBase::Good).is_err());
        assert!(check_quota(3, 12, 20, QuotaBase::GoodOrBetter).is_ok());
        assert_eq!(quota_base(3, 12, QuotaBase::GoodOrBetter), 15);
    }

    #[test]
    fn coverage_in_percent() {
        assert_eq!(coverage(49, 50), 98.0);
        assert_eq!(coverage(1, 3), 33.33);
        assert_eq!(coverage(0, 0), 100.0);
    }

    proptest! {
        #[test]
        fn quota_agrees_with_max_excellent(good in 0i64..10_000, excellent in 0i64..10_000, pct in 0u32..100) {
            prop_assert_eq!(check_quota(excellent, good, pct, QuotaBase::Good).is_ok(), excellent <= max_excellent(good, pct));
            let base = quota_base(excellent, good, QuotaBase::GoodOrBetter);
            prop_assert_eq!(check_quota(excellent, good, pct, QuotaBase::GoodOrBetter).is_ok(), excellent <= max_excellent(base, pct));
            // "Good or better" never allows fewer excellent ratings than "good" alone.
            if check_quota(excellent, good, pct, QuotaBase::Good).is_ok() {
                prop_assert!(check_quota(excellent, good, pct, QuotaBase::GoodOrBetter).is_ok());
            }
        }

        /// A level never passes above its score's band, and below it passes exactly with a reason.
        #[test]
        fn levels_against_bands(score in 0u32..=100, lvl in 0usize..4, reasoned: bool) {
            let levels = [Level::NotComplete, Level::Complete, Level::Good, Level::Excellent];
            let level = levels[lvl];
            let s = s2025();
            let grounds = Grounds { level_reason: reasoned.then_some("lý do"), ..Grounds::default() };
            let got = check_rating(Rating::Rated(level), Some(score), grounds, &facts(d(2020, 1, 1)), &s);
            let expected = band(score, [90, 70, 50]);
            prop_assert_eq!(got.is_ok(), level == expected || (level < expected && reasoned));
        }

        #[test]
        fn bands_are_monotone(a in 0u32..=100, b in 0u32..=100) {
            let bands = [90, 70, 50];
            if a <= b {
                prop_assert!(band(a, bands) <= band(b, bands));
            }
        }
    }
}
