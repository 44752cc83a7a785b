//! Yearly evaluation (rules 14–16): levels and score bands, who is not rated, the illness cap,
//! the per-grassroots quota of excellent ratings, and the round a grassroots organisation opens
//! and closes for a year.

use chrono::NaiveDate;

use super::calendar::add_months;
use super::settings::RuleSettings;
use super::Violation;

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
    /// Vietnamese name, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Self::Excellent => "hoàn thành xuất sắc nhiệm vụ",
            Self::Good => "hoàn thành tốt nhiệm vụ",
            Self::Complete => "hoàn thành nhiệm vụ",
            Self::NotComplete => "không hoàn thành nhiệm vụ",
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
    /// Days of illness inside the year.
    pub illness_days: i64,
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

/// Checks a rating against rules 14 and 15; returns the not-rated reason to store.
pub fn check_rating(
    rating: Rating,
    score: Option<u32>,
    f: &RatingFacts,
    s: &RuleSettings,
) -> Result<Option<NotRatedReason>, Violation> {
    if f.admitted_on > year_end(f.year) {
        return Err(Violation::new(
            "not_member_that_year",
            format!("Đảng viên được kết nạp sau năm {}", f.year),
        ));
    }
    let automatic = automatic_not_rated(f, s);
    match rating {
        Rating::NotRated(declared) => {
            if score.is_some() {
                return Err(Violation::new(
                    "score_not_allowed",
                    "Đảng viên không xếp loại thì không chấm điểm",
                ));
            }
            match (automatic, declared) {
                (Some(a), _) => Ok(Some(a)),
                (None, Some(NotRatedReason::Suspended)) => Ok(Some(NotRatedReason::Suspended)),
                (None, Some(NotRatedReason::RecentlyAdmitted)) => Err(Violation::new(
                    "not_rated_reason_invalid",
                    "Đảng viên đã được kết nạp đủ 6 tháng trước cuối năm: phải xếp loại",
                )),
                (None, Some(NotRatedReason::Exempt)) => Err(Violation::new(
                    "not_rated_reason_invalid",
                    "Đảng viên không được miễn công tác và sinh hoạt: phải xếp loại",
                )),
                (None, None) => Err(Violation::new(
                    "not_rated_reason_required",
                    "Chỉ không xếp loại đảng viên mới kết nạp dưới 6 tháng, được miễn sinh hoạt hoặc bị đình chỉ sinh hoạt; ghi rõ lý do",
                )),
            }
        }
        Rating::Rated(level) => {
            if let Some(reason) = automatic {
                let why = match reason {
                    NotRatedReason::RecentlyAdmitted => "kết nạp chưa đủ 6 tháng tính đến cuối năm",
                    NotRatedReason::Exempt => "được miễn công tác và sinh hoạt đảng",
                    NotRatedReason::Suspended => "bị đình chỉ sinh hoạt",
                };
                return Err(Violation::new(
                    "not_ratable",
                    format!("Đảng viên {why}: không xếp loại năm {}", f.year),
                ));
            }
            if let Some(score) = score {
                let Some(bands) = s.score_bands else {
                    return Err(Violation::new(
                        "score_not_used",
                        format!(
                            "Quy định {} không chấm điểm theo thang 100; bỏ trường score",
                            s.regulation
                        ),
                    ));
                };
                let expected = band(score, bands);
                if expected != level {
                    return Err(Violation::new(
                        "level_score_mismatch",
                        format!(
                            "{score} điểm tương ứng mức \"{}\", không phải \"{}\"",
                            expected.label(),
                            level.label()
                        ),
                    ));
                }
            }
            if level > Level::Complete && illness_capped(f, s) {
                return Err(Violation::new(
                    "illness_cap",
                    format!(
                        "Đảng viên nghỉ ốm từ {} tháng trở lên trong năm chỉ xếp loại tối đa \"hoàn thành nhiệm vụ\"",
                        s.illness_cap_months
                    ),
                ));
            }
            Ok(None)
        }
    }
}

/// The most excellent ratings allowed for `good` good ones (rule 16): ⌊good × percent / 100⌋.
pub fn max_excellent(good: i64, percent: u32) -> i64 {
    good.max(0) * i64::from(percent) / 100
}

/// Rule 16: excellent ≤ percent % of good inside one grassroots organisation.
pub fn check_quota(excellent: i64, good: i64, percent: u32) -> Result<(), Violation> {
    if excellent * 100 <= good * i64::from(percent) {
        return Ok(());
    }
    Err(Violation::new(
        "quota_exceeded",
        format!(
            "{excellent} đảng viên hoàn thành xuất sắc vượt tỷ lệ {percent}% của {good} đảng viên hoàn thành tốt (tối đa {})",
            max_excellent(good, percent)
        ),
    ))
}

/// Share rated, in percent with two decimals (100 when nobody is to be rated).
pub fn coverage(rated: i64, total: i64) -> f64 {
    if total <= 0 {
        return 100.0;
    }
    ((rated as f64) * 10_000.0 / (total as f64)).round() / 100.0
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

    fn facts(admitted_on: NaiveDate) -> RatingFacts {
        RatingFacts {
            year: 2025,
            admitted_on,
            exempt: false,
            illness_days: 0,
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
    fn a_level_must_match_its_score() {
        let f = facts(d(2020, 1, 1));
        let s = s2025();
        assert!(check_rating(Rating::Rated(Level::Good), Some(75), &f, &s).is_ok());
        let e = check_rating(Rating::Rated(Level::Excellent), Some(89), &f, &s);
        assert_eq!(e.map_err(|v| v.code), Err("level_score_mismatch"));
        assert!(check_rating(Rating::Rated(Level::Excellent), None, &f, &s).is_ok());
    }

    #[test]
    fn no_score_before_2025() {
        let s = RuleSettings::defaults("24-QĐ/TW");
        let e = check_rating(
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
        let e = check_rating(Rating::Rated(Level::Good), None, &facts(d(2025, 7, 1)), &s);
        assert_eq!(e.map_err(|v| v.code), Err("not_ratable"));
        assert_eq!(
            check_rating(Rating::NotRated(None), None, &facts(d(2025, 7, 1)), &s),
            Ok(Some(NotRatedReason::RecentlyAdmitted))
        );
    }

    #[test]
    fn not_rated_needs_a_true_reason() {
        let s = s2025();
        let f = facts(d(2020, 1, 1));
        let e = check_rating(Rating::NotRated(None), None, &f, &s);
        assert_eq!(e.map_err(|v| v.code), Err("not_rated_reason_required"));
        let e = check_rating(Rating::NotRated(Some(NotRatedReason::Exempt)), None, &f, &s);
        assert_eq!(e.map_err(|v| v.code), Err("not_rated_reason_invalid"));
        assert_eq!(
            check_rating(
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
            check_rating(Rating::NotRated(None), None, &exempt, &s),
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
        let e = check_rating(Rating::Rated(Level::Good), None, &ill, &s);
        assert_eq!(e.map_err(|v| v.code), Err("illness_cap"));
        assert!(check_rating(Rating::Rated(Level::Complete), None, &ill, &s).is_ok());
        let less = RatingFacts {
            illness_days: 89,
            ..ill
        };
        assert!(check_rating(Rating::Rated(Level::Excellent), None, &less, &s).is_ok());
    }

    #[test]
    fn quota_boundary_exactly_twenty_percent_passes() {
        assert!(check_quota(2, 10, 20).is_ok());
        assert_eq!(
            check_quota(3, 10, 20).map_err(|v| v.code),
            Err("quota_exceeded")
        );
        assert!(check_quota(0, 0, 20).is_ok());
        assert!(check_quota(1, 0, 20).is_err());
        assert_eq!(max_excellent(14, 20), 2);
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
            prop_assert_eq!(check_quota(excellent, good, pct).is_ok(), excellent <= max_excellent(good, pct));
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
