//! Formatting for people: dates as dd/mm/yyyy (typed and shown the same way), labels of enum
//! values, shares that have nothing to be a share of.

use chrono::{Datelike, NaiveDate};
use qldv_api_types::members::MemberStatus;

use crate::i18n::Lang;

/// `2025-03-20` → `20/03/2025`.
pub fn date(d: NaiveDate) -> String {
    // Written out, not `d.format(…)`: chrono's strftime machinery costs the wasm ~10 KB.
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

/// An optional date, or an em dash.
pub fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(date).unwrap_or_else(|| "—".into())
}

/// An optional text, or an em dash.
pub fn opt(s: &Option<String>) -> String {
    s.as_deref()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or("—")
        .to_string()
}

/// The label and CSS class of a member status.
pub fn status(lang: Lang, s: MemberStatus) -> (&'static str, &'static str) {
    match s {
        MemberStatus::Probationary => (lang.term(s), "probationary"),
        MemberStatus::Official => (lang.term(s), "official"),
        MemberStatus::Exited => (lang.term(s), "exited"),
        MemberStatus::TransferredOut => (lang.term(s), "exited"),
        MemberStatus::Candidate => (lang.term(s), "candidate"),
    }
}

/// The share of members with a rating entered, or an em dash when there is nobody to rate
/// (an empty subtree is not "100 % rated").
pub fn coverage(s: &qldv_api_types::evaluations::EvaluationSummary) -> String {
    share(s.total, s.coverage)
}

/// The current year by the browser's clock.
pub fn this_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// Why a typed date was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Nothing typed.
    Empty,
    /// Not day, month and year (`dd/mm/yyyy`).
    Malformed,
    /// Day, month and year that name no day of the calendar (31/02, 29/02 of a common year).
    NoSuchDay,
    /// A year outside 1900–2100 (a typo such as 202 or 20245).
    YearOutOfRange,
}

/// Reads a date as a Vietnamese clerk types it: day first. Accepts `20/3/2025`, `20/03/2025`,
/// `20-03-2025`, `20.03.2025`, the eight digits `20032025`, and the ISO form `2025-03-20` (pasted
/// from another system). Refuses a day the calendar lacks (`31/02/2025`) and two-digit years.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(DateError::Empty);
    }
    let (d, m, y) = if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        (&t[0..2], &t[2..4], &t[4..8])
    } else {
        let parts: Vec<&str> = t.split(['/', '-', '.', ' ']).collect();
        match parts.as_slice() {
            // ISO: the year comes first and has four digits.
            [y, m, d] if y.len() == 4 && t.contains('-') => (*d, *m, *y),
            [d, m, y] => (*d, *m, *y),
            _ => return Err(DateError::Malformed),
        }
    };
    let digits = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (Some(day), Some(month), Some(year)) = (digits(d, 2), digits(m, 2), digits(y, 4)) else {
        return Err(DateError::Malformed);
    };
    if y.len() != 4 {
        return Err(DateError::YearOutOfRange);
    }
    if !(1900..=2100).contains(&year) {
        return Err(DateError::YearOutOfRange);
    }
    let year = i32::try_from(year).map_err(|_| DateError::YearOutOfRange)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::NoSuchDay)
}

/// The ISO form the API takes (`2025-03-20`).
pub fn iso(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// An ISO date (the API's and the forms' values) as shown to people; other text unchanged.
pub fn iso_to_display(value: &str) -> String {
    match value.parse::<NaiveDate>() {
        Ok(d) => date(d),
        Err(_) => value.to_string(),
    }
}

/// The date line of an official paper: `ngày 06 tháng 12 năm 2026`.
pub fn long_date_vi(d: NaiveDate) -> String {
    format!(
        "ngày {:02} tháng {:02} năm {}",
        d.day(),
        d.month(),
        d.year()
    )
}

/// A share in percent with one decimal, or an em dash when there is nothing to share (a subtree
/// with no member to rate is not "100 % rated").
pub fn share(count_base: i64, percent: f64) -> String {
    if count_base <= 0 || !percent.is_finite() {
        "—".into()
    } else {
        format!("{}%", fixed(percent, 1))
    }
}

/// `x` with `places` decimals (rounded half away from zero), without the float formatting
/// machinery (`{:.1}` costs the wasm ~10 KB).
pub fn fixed(x: f64, places: u32) -> String {
    let scale = 10i64.pow(places);
    let n = (x * scale as f64).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let n = n.unsigned_abs();
    let scale = scale.unsigned_abs();
    if places == 0 {
        return format!("{sign}{n}");
    }
    format!(
        "{sign}{}.{:0width$}",
        n / scale,
        n % scale,
        width = places as usize
    )
}

/// An amount of đồng, from an integer, with thousands separators: `85.000 đ` (Vietnamese) or
/// `85,000 đ` (English). Never through a float.
pub fn dong(lang: Lang, n: i64) -> String {
    let mut out = grouped(lang, n);
    out.push_str(" đ");
    out
}

/// A whole number with thousands separators: `12.750.000` (Vietnamese) or `12,750,000`
/// (English); a report's figures, counts and amounts alike.
pub fn grouped(lang: Lang, n: i64) -> String {
    let sep = if lang == Lang::En { ',' } else { '.' };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + 8);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// An amount of đồng as typed: digits with or without separators (`85.000`, `85,000`,
/// `85 000 đ`). `Ok(None)` when blank; `Err` when it is not a whole number of đồng.
pub fn parse_dong(text: &str) -> Result<Option<i64>, ()> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}' | 'đ' | 'Đ'))
        .collect();
    if digits.is_empty() {
        return Ok(None);
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(());
    }
    digits.parse().map(Some).map_err(|_| ())
}

/// Today by the browser's clock, as `YYYY-MM-DD` (the default of date inputs).
pub fn today_iso() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_day_month_year() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 20).unwrap_or_default();
        assert_eq!(date(d), "20/03/2025");
        assert_eq!(opt_date(None), "—");
        assert_eq!(opt(&Some("  ".into())), "—");
        assert_eq!(opt(&Some("Hà Nội".into())), "Hà Nội");
    }

    #[test]
    fn an_empty_subtree_has_no_coverage() {
        use qldv_api_types::evaluations::EvaluationSummary;
        let empty = EvaluationSummary {
            coverage: 100.0,
            ..Default::default()
        };
        assert_eq!(coverage(&empty), "—");
        let rated = EvaluationSummary {
            total: 4,
            coverage: 75.0,
            ..Default::default()
        };
        assert_eq!(coverage(&rated), "75.0%");
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn typed_dates_are_read_day_first_in_every_usual_shape() {
        for typed in [
            "1/2/2024",
            "01/02/2024",
            "01022024",
            "1-2-2024",
            "01.02.2024",
            " 01/02/2024 ",
            "2024-02-01",
        ] {
            assert_eq!(parse_date(typed), Ok(ymd(2024, 2, 1)), "{typed}");
        }
        assert_eq!(parse_date("29/02/2024"), Ok(ymd(2024, 2, 29)));
    }

    #[test]
    fn days_the_calendar_lacks_are_refused() {
        assert_eq!(parse_date("31/02/2024"), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("29/02/2025"), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("31/04/2025"), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("00/01/2025"), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("12/13/2025"), Err(DateError::NoSuchDay));
    }

    #[test]
    fn what_is_not_a_date_says_why() {
        assert_eq!(parse_date(""), Err(DateError::Empty));
        assert_eq!(parse_date("   "), Err(DateError::Empty));
        assert_eq!(parse_date("hôm nay"), Err(DateError::Malformed));
        assert_eq!(parse_date("1/2"), Err(DateError::Malformed));
        assert_eq!(parse_date("1/2/3/4"), Err(DateError::Malformed));
        assert_eq!(parse_date("123/2/2024"), Err(DateError::Malformed));
        assert_eq!(parse_date("0102202"), Err(DateError::Malformed));
        assert_eq!(parse_date("1/2/24"), Err(DateError::YearOutOfRange));
        assert_eq!(parse_date("1/2/1899"), Err(DateError::YearOutOfRange));
        assert_eq!(parse_date("1/2/2101"), Err(DateError::YearOutOfRange));
    }

    #[test]
    fn a_date_shown_reads_back_as_itself() {
        for d in [
            ymd(1900, 1, 1),
            ymd(2024, 2, 29),
            ymd(2025, 12, 31),
            ymd(2100, 6, 5),
        ] {
            assert_eq!(parse_date(&date(d)), Ok(d));
            assert_eq!(parse_date(&iso(d)), Ok(d));
            assert_eq!(iso_to_display(&iso(d)), date(d));
        }
        assert_eq!(iso_to_display("20/03/2025"), "20/03/2025");
        assert_eq!(iso_to_display(""), "");
    }

    #[test]
    fn a_reports_figures_are_grouped_by_thousands() {
        assert_eq!(grouped(Lang::Vi, 12_750_000), "12.750.000");
        assert_eq!(grouped(Lang::En, 12_750_000), "12,750,000");
        assert_eq!(grouped(Lang::Vi, 40), "40");
        assert_eq!(grouped(Lang::Vi, -1_000), "-1.000");
    }

    #[test]
    fn dong_are_written_with_thousands_separators_and_read_back() {
        assert_eq!(dong(Lang::Vi, 85_000), "85.000 đ");
        assert_eq!(dong(Lang::En, 1_234_567), "1,234,567 đ");
        assert_eq!(dong(Lang::Vi, 0), "0 đ");
        assert_eq!(dong(Lang::Vi, 999), "999 đ");
        assert_eq!(dong(Lang::Vi, -5_000), "-5.000 đ");
        assert_eq!(
            dong(Lang::Vi, i64::MIN).len(),
            "-9.223.372.036.854.775.808 đ".len()
        );
        for typed in ["85000", "85.000", "85,000", " 85 000 đ "] {
            assert_eq!(parse_dong(typed), Ok(Some(85_000)), "{typed}");
        }
        assert_eq!(parse_dong("  "), Ok(None));
        assert_eq!(parse_dong("85,5k"), Err(()));
        assert_eq!(parse_dong("-5000"), Err(()));
        for n in [0, 7, 1_000, 85_000, 12_345_678] {
            assert_eq!(parse_dong(&dong(Lang::Vi, n)), Ok(Some(n)));
            assert_eq!(parse_dong(&dong(Lang::En, n)), Ok(Some(n)));
        }
    }

    #[test]
    fn official_papers_spell_the_date_out() {
        assert_eq!(long_date_vi(ymd(2026, 12, 6)), "ngày 06 tháng 12 năm 2026");
    }

    #[test]
    fn a_share_of_nothing_is_a_dash() {
        assert_eq!(share(0, 100.0), "—");
        assert_eq!(share(0, 0.0), "—");
        assert_eq!(share(4, 75.0), "75.0%");
        assert_eq!(share(3, f64::NAN), "—");
        assert_eq!(share(3, 100.0 / 3.0), "33.3%");
    }

    #[test]
    fn decimals_are_rounded_as_written() {
        assert_eq!(fixed(33.333, 1), "33.3");
        assert_eq!(fixed(66.666, 2), "66.67");
        assert_eq!(fixed(0.04, 1), "0.0");
        assert_eq!(fixed(0.05, 1), "0.1");
        assert_eq!(fixed(100.0, 2), "100.00");
        assert_eq!(fixed(-2.25, 1), "-2.3");
        assert_eq!(fixed(7.0, 0), "7");
        for tenths in 0..=1000 {
            let x = f64::from(tenths) / 10.0;
            assert_eq!(fixed(x, 1), format!("{x:.1}"));
        }
    }
}
