//! Formatting for people: dates as dd/mm/yyyy, labels of enum values.

use chrono::NaiveDate;
use qldv_api_types::members::MemberStatus;

use crate::i18n::Lang;

/// `2025-03-20` → `20/03/2025`.
pub fn date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
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
    }
}

/// The share of members with a rating entered, or an em dash when there is nobody to rate
/// (an empty subtree is not "100 % rated").
pub fn coverage(s: &qldv_api_types::evaluations::EvaluationSummary) -> String {
    if s.total == 0 {
        "—".into()
    } else {
        format!("{:.1}%", s.coverage)
    }
}

/// The current year by the browser's clock.
pub fn this_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
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
}
