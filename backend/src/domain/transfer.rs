//! Transfers (rules 6–9).

use chrono::NaiveDate;

use super::calendar::{add_months, add_working_days};
use super::settings::RuleSettings;
use super::Violation;

/// Why a temporary transfer is made (rule 8 sets its longest duration): the vocabulary's term.
pub use qldv_api_types::movements::TransferPurpose as Purpose;

/// Rule 6: an official transfer is filed within the deadline of its triggering event; later
/// needs a reason.
pub fn check_filing(
    event_on: NaiveDate,
    issued_on: NaiveDate,
    has_reason: bool,
    s: &RuleSettings,
) -> Result<(), Violation> {
    if issued_on < event_on {
        return Err(Violation::new(
            "date_order",
            "Ngày cấp giấy giới thiệu không thể trước sự kiện dẫn đến chuyển sinh hoạt",
        ));
    }
    let deadline = add_working_days(event_on, s.transfer_filing_working_days, &s.extra_holidays);
    if issued_on > deadline && !has_reason {
        return Err(Violation::new(
            "transfer_filed_late",
            format!(
                "Chuyển sinh hoạt chính thức phải làm trong {} ngày làm việc kể từ sự kiện (hạn {}); nhập lý do chậm",
                s.transfer_filing_working_days,
                deadline.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(())
}

/// Rule 6: the member reports to the receiving cell within the deadline of the paper's issue;
/// later needs a reason.
pub fn check_reporting(
    issued_on: NaiveDate,
    received_on: NaiveDate,
    has_reason: bool,
    s: &RuleSettings,
) -> Result<(), Violation> {
    if received_on < issued_on {
        return Err(Violation::new(
            "date_order",
            "Ngày tiếp nhận không thể trước ngày cấp giấy giới thiệu",
        ));
    }
    let deadline = reporting_deadline(issued_on, s);
    if received_on > deadline && !has_reason {
        return Err(Violation::new(
            "reported_late",
            format!(
                "Đảng viên phải báo cáo với chi bộ nơi đến trong {} ngày làm việc (hạn {}); nhập lý do chậm",
                s.transfer_reporting_working_days,
                deadline.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(())
}

/// Rule 6: the last day to report at the receiving cell.
pub fn reporting_deadline(issued_on: NaiveDate, s: &RuleSettings) -> NaiveDate {
    add_working_days(
        issued_on,
        s.transfer_reporting_working_days,
        &s.extra_holidays,
    )
}

/// Rule 8: a temporary transfer lasts from 3 months to less than 1 year (work, residence) or up
/// to 2 years (study).
pub fn check_temporary(
    purpose: Purpose,
    from: NaiveDate,
    until: NaiveDate,
    s: &RuleSettings,
) -> Result<(), Violation> {
    let shortest = add_months(from, s.temporary_min_months);
    if until < shortest {
        return Err(Violation::new(
            "temporary_too_short",
            format!(
                "Sinh hoạt tạm thời từ {} tháng trở lên; ngắn hơn thì không chuyển",
                s.temporary_min_months
            ),
        ));
    }
    let (limit, ok) = match purpose {
        Purpose::Study => {
            let l = add_months(from, s.temporary_study_max_months);
            (l, until <= l)
        }
        Purpose::Work | Purpose::Residence => {
            let l = add_months(from, s.temporary_max_months);
            (l, until < l)
        }
    };
    if !ok {
        return Err(Violation::new(
            "temporary_too_long",
            format!(
                "Thời hạn sinh hoạt tạm thời vượt mức cho phép (đến trước {}); dài hơn thì chuyển chính thức",
                limit.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn s() -> RuleSettings {
        RuleSettings::defaults("test")
    }

    #[test]
    fn filing_within_sixty_working_days() {
        // Event Monday 2025-03-03; the 60th working day after it is 2025-05-28
        // (30 Apr and 1 May are holidays).
        let e = d(2025, 3, 3);
        assert_eq!(add_working_days(e, 60, &[]), d(2025, 5, 28));
        assert!(check_filing(e, d(2025, 5, 27), false, &s()).is_ok());
        assert!(check_filing(e, d(2025, 5, 28), false, &s()).is_ok());
        assert_eq!(
            check_filing(e, d(2025, 5, 29), false, &s()).map_err(|v| v.code),
            Err("transfer_filed_late")
        );
        assert!(check_filing(e, d(2025, 5, 29), true, &s()).is_ok());
    }

    #[test]
    fn reporting_within_thirty_working_days() {
        let issued = d(2025, 3, 3);
        let deadline = reporting_deadline(issued, &s());
        assert_eq!(deadline, d(2025, 4, 14));
        assert!(check_reporting(issued, deadline, false, &s()).is_ok());
        assert!(check_reporting(issued, d(2025, 4, 15), false, &s()).is_err());
        assert!(check_reporting(issued, d(2025, 4, 15), true, &s()).is_ok());
        assert!(check_reporting(issued, d(2025, 3, 2), true, &s()).is_err());
    }

    #[test]
    fn temporary_durations() {
        let from = d(2025, 1, 10);
        let work = |until| check_temporary(Purpose::Work, from, until, &s()).map_err(|v| v.code);
        assert_eq!(work(d(2025, 4, 9)), Err("temporary_too_short"));
        assert_eq!(work(d(2025, 4, 10)), Ok(()));
        assert_eq!(work(d(2026, 1, 9)), Ok(()));
        assert_eq!(work(d(2026, 1, 10)), Err("temporary_too_long"));
        let study = |until| check_temporary(Purpose::Study, from, until, &s()).map_err(|v| v.code);
        assert_eq!(study(d(2027, 1, 10)), Ok(()));
        assert_eq!(study(d(2027, 1, 11)), Err("temporary_too_long"));
    }
}
