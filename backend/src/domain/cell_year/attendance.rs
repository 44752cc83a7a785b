//! Rule 35: who is expected at a meeting and what the attendance sheet may say; rule 36: the
//! unexcused absences that ground a name-removal proposal.
//!
//! A member exempt from party work and meetings on the meeting's date is not expected
//! ([`Attendance::Exempt`]); a member temporarily registered in another cell attends there, and
//! that counts ([`Attendance::Elsewhere`]). Both are derived, never entered. Everyone else gets
//! one entered value; an excused absence carries its reason.

use chrono::NaiveDate;
use qldv_api_types::cell_year::{AbsenceCount, Attendance};

use super::Month;

/// What the record says about a member on the meeting's date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OnDate {
    /// A member of the cell that day (admitted or arrived on or before, not gone).
    pub member: bool,
    /// Exempt from party work and meetings that day.
    pub exempt: bool,
    /// Temporarily registered in another cell that day.
    pub elsewhere: bool,
}

/// One line of the sheet as entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entered {
    /// The value entered (`None`: left blank).
    pub value: Option<Attendance>,
    /// A reason was written.
    pub has_reason: bool,
}

/// Why a line of the sheet is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRefusal {
    /// Not a member of the cell on the meeting's date.
    NotAMember,
    /// An expected member left blank.
    Missing,
    /// A derived value (exempt, elsewhere) was entered, or a value for a member who is not
    /// expected (the derived value is given).
    Derived(Attendance),
    /// An excused absence without its reason.
    ReasonRequired,
}

impl LineRefusal {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotAMember => "attendance_not_a_member",
            Self::Missing => "attendance_missing",
            Self::Derived(_) => "attendance_derived",
            Self::ReasonRequired => "attendance_reason_required",
        }
    }
}

/// The attendance of one member: derived for the exempt and those elsewhere, otherwise the
/// entered value, checked.
pub fn line(facts: OnDate, entered: Entered) -> Result<Attendance, LineRefusal> {
    if !facts.member {
        return Err(LineRefusal::NotAMember);
    }
    let derived = if facts.exempt {
        Some(Attendance::Exempt)
    } else if facts.elsewhere {
        Some(Attendance::Elsewhere)
    } else {
        None
    };
    match (derived, entered.value) {
        (Some(d), None) => Ok(d),
        (Some(d), Some(v)) if v == d => Ok(d),
        (Some(d), Some(_)) => Err(LineRefusal::Derived(d)),
        (None, None) => Err(LineRefusal::Missing),
        (None, Some(v)) if !v.expected() => Err(LineRefusal::Derived(v)),
        (None, Some(Attendance::Excused)) if !entered.has_reason => {
            Err(LineRefusal::ReasonRequired)
        }
        (None, Some(v)) => Ok(v),
    }
}

/// A whole sheet in one request: every line's attendance, or every refused line with its index
/// (all of them, so the secretary fixes the sheet at once).
pub fn sheet(lines: &[(OnDate, Entered)]) -> Result<Vec<Attendance>, Vec<(usize, LineRefusal)>> {
    let results: Vec<Result<Attendance, LineRefusal>> =
        lines.iter().map(|(f, e)| line(*f, *e)).collect();
    let refused: Vec<(usize, LineRefusal)> = results
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.err().map(|e| (i, e)))
        .collect();
    if refused.is_empty() {
        Ok(results.into_iter().flatten().collect())
    } else {
        Err(refused)
    }
}

/// Attendance over meetings: present against expected (exempt and elsewhere are neither).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rate {
    /// Expected: present, excused or absent.
    pub expected: u32,
    /// Present.
    pub present: u32,
    /// Absent with a reason.
    pub excused: u32,
    /// Absent without a reason.
    pub absent: u32,
}

/// Counts attendance values.
pub fn rate(values: impl IntoIterator<Item = Attendance>) -> Rate {
    let mut r = Rate::default();
    for v in values {
        match v {
            Attendance::Present => r.present += 1,
            Attendance::Excused => r.excused += 1,
            Attendance::Absent => r.absent += 1,
            Attendance::Exempt | Attendance::Elsewhere => continue,
        }
        r.expected += 1;
    }
    r
}

/// Rule 36: the day the `threshold`-th unexcused absence of `year` happened (counted by
/// meetings, or by months with at least one), or `None` below the threshold. `records` are a
/// member's meetings: date and attendance.
pub fn nth_unexcused(
    records: &[(NaiveDate, Attendance)],
    year: i32,
    count: AbsenceCount,
    threshold: u32,
) -> Option<NaiveDate> {
    let mut dates: Vec<NaiveDate> = records
        .iter()
        .filter(|(on, a)| *a == Attendance::Absent && chrono::Datelike::year(on) == year)
        .map(|(on, _)| *on)
        .collect();
    dates.sort_unstable();
    if count == AbsenceCount::Months {
        dates.dedup_by_key(|d| Month::of(*d));
    }
    let n = usize::try_from(threshold.max(1)).unwrap_or(usize::MAX);
    dates.get(n - 1).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Attendance::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }
    const MEMBER: OnDate = OnDate {
        member: true,
        exempt: false,
        elsewhere: false,
    };
    fn entered(value: Option<Attendance>, has_reason: bool) -> Entered {
        Entered { value, has_reason }
    }

    #[test]
    fn exempt_members_and_those_registered_elsewhere_are_not_expected() {
        let exempt = OnDate {
            exempt: true,
            ..MEMBER
        };
        let away = OnDate {
            elsewhere: true,
            ..MEMBER
        };
        assert_eq!(line(exempt, entered(None, false)), Ok(Exempt));
        assert_eq!(line(away, entered(None, false)), Ok(Elsewhere));
        assert_eq!(
            line(away, entered(Some(Absent), false)),
            Err(LineRefusal::Derived(Elsewhere))
        );
        assert_eq!(line(MEMBER, entered(Some(Present), false)), Ok(Present));
        assert_eq!(
            line(MEMBER, entered(Some(Exempt), false)),
            Err(LineRefusal::Derived(Exempt))
        );
        assert_eq!(
            line(MEMBER, entered(None, false)),
            Err(LineRefusal::Missing)
        );
        assert_eq!(
            line(MEMBER, entered(Some(Excused), false)),
            Err(LineRefusal::ReasonRequired)
        );
        assert_eq!(line(MEMBER, entered(Some(Excused), true)), Ok(Excused));
        assert_eq!(
            line(OnDate::default(), entered(Some(Present), false)),
            Err(LineRefusal::NotAMember)
        );
    }

    #[test]
    fn a_sheet_of_sixty_is_refused_with_every_bad_line_at_once() {
        let mut lines = vec![(MEMBER, entered(Some(Present), false)); 60];
        lines[7] = (MEMBER, entered(None, false));
        lines[42] = (MEMBER, entered(Some(Excused), false));
        let refused = sheet(&lines).err().unwrap_or_default();
        assert_eq!(
            refused,
            vec![(7, LineRefusal::Missing), (42, LineRefusal::ReasonRequired)]
        );
        lines[7].1.value = Some(Absent);
        lines[42].1.has_reason = true;
        let ok = sheet(&lines).unwrap_or_default();
        assert_eq!(
            rate(ok),
            Rate {
                expected: 60,
                present: 58,
                excused: 1,
                absent: 1
            }
        );
    }

    #[test]
    fn the_third_unexcused_absence_of_the_year() {
        let records = [
            (d(2025, 12, 5), Absent),
            (d(2026, 1, 5), Absent),
            (d(2026, 2, 5), Excused),
            (d(2026, 3, 5), Absent),
            (d(2026, 3, 25), Absent),
            (d(2026, 5, 5), Absent),
        ];
        let by = |count, threshold| nth_unexcused(&records, 2026, count, threshold);
        // Last year's absence does not count; the excused one neither.
        assert_eq!(by(AbsenceCount::Meetings, 3), Some(d(2026, 3, 25)));
        assert_eq!(by(AbsenceCount::Meetings, 5), None);
        // Counted by months, March counts once: the third month is May.
        assert_eq!(by(AbsenceCount::Months, 3), Some(d(2026, 5, 5)));
        assert_eq!(by(AbsenceCount::Months, 4), None);
        // Two unexcused absences are no ground.
        assert_eq!(
            nth_unexcused(&records[..4], 2026, AbsenceCount::Meetings, 3),
            None
        );
    }
}
