//! What a sync package may write at the receiving installation: only inside the subtree its
//! key speaks for, only plausible versions, only rows that belong to the record they come with,
//! and only records that keep the membership invariant.

use crate::messages::{text, Text};
use chrono::NaiveDate;

use super::{tree, Violation};

/// The largest step a record's version may take in one package. A record is written a few times
/// between two packages (a correction, an event, a transfer); thousands of writes in between is
/// not a plausible history but a forged version: 9·10¹⁸ would make every later package look
/// older than the record, and the record's next local edit overflow.
pub const MAX_VERSION_STEP: i64 = 1_000;

fn outside(message: Text) -> Violation {
    Violation::new("sync_outside_subtree", message)
}

/// Whether a package's record may move from the version held here (`None`: not held) to
/// `incoming`: a version is at least 1 and at most [`MAX_VERSION_STEP`] past the one held.
/// (Older or equal versions are not refused here: they are reported as conflicts or unchanged.)
pub fn check_version(held: Option<i64>, incoming: i64) -> Result<(), Violation> {
    let ceiling = held.unwrap_or(0).saturating_add(MAX_VERSION_STEP);
    if incoming < 1 || incoming > ceiling {
        return Err(Violation::new(
            "sync_version_jump",
            text!(
"Phiên bản {incoming} trong gói không phải phiên bản kế tiếp của bản ghi (đang giữ {}): gói bị từ chối",
"Version {incoming} in the package does not follow the record's (holding {}): the package is refused",
                held.unwrap_or(0)
            ),
        ));
    }
    Ok(())
}

/// Whether the organisation a package names (`package_path`: its path here, `None` when it is
/// not here yet) lies in the subtree `bound` (the organisation the key speaks for: its id and,
/// once here, its path).
pub fn check_package_subtree(
    bound: (i64, Option<&str>),
    package_org: i64,
    package_path: Option<&str>,
) -> Result<(), Violation> {
    let inside = package_org == bound.0
        || matches!((bound.1, package_path), (Some(root), Some(p)) if tree::is_within(p, root));
    if inside {
        Ok(())
    } else {
        Err(outside(text!(
"Gói của tổ chức {package_org} nằm ngoài phạm vi mà khóa ký được tin cậy (tổ chức {})",
"The package of organisation {package_org} is outside the scope its signing key is trusted for (organisation {})",
            bound.0
        )))
    }
}

/// Whether a record may be written: where it is here now (`held`, if held) and where the package
/// puts it (`incoming`, recomputed here) both lie in the subtree at `root`. A record elsewhere is
/// never taken over, and a record is never moved out.
pub fn check_placement(
    root: &str,
    held: Option<&str>,
    incoming: &str,
    what: &Text,
) -> Result<(), Violation> {
    let (vi, en) = (&what.vi, &what.en);
    if held.is_some_and(|h| !tree::is_within(h, root)) {
        return Err(outside(text!(
            "{vi} đang ở ngoài phạm vi của khóa ký: gói không được sửa",
            "The {en} is outside the signing key's scope: the package may not change it"
        )));
    }
    if !tree::is_within(incoming, root) {
        return Err(outside(text!(
            "Gói đặt {vi} ra ngoài phạm vi của khóa ký",
            "The package puts the {en} outside the signing key's scope"
        )));
    }
    Ok(())
}

/// Whether a transfer may be written: held here and as the package has it, at least one of its
/// two sides (`from`, `to`: paths here) lies in the subtree at `root`.
pub fn check_transfer_sides(
    root: &str,
    held: Option<(&str, Option<&str>)>,
    incoming: (&str, Option<&str>),
) -> Result<(), Violation> {
    let touches = |(from, to): (&str, Option<&str>)| {
        tree::is_within(from, root) || to.is_some_and(|t| tree::is_within(t, root))
    };
    if held.is_some_and(|h| !touches(h)) || !touches(incoming) {
        return Err(outside(text!(
            "Giấy chuyển sinh hoạt không có bên nào trong phạm vi của khóa ký",
            "Neither side of the transfer is in the signing key's scope"
        )));
    }
    Ok(())
}

/// The parent the organisation the key speaks for gets here: once held, the one it has here
/// (where the receiver hangs the sender's subtree is the receiver's tree: a province that is a
/// root on its own server sits under the Central Committee nationally, and a package can
/// neither carry the subtree elsewhere nor make it a root); before, the package's.
pub fn bound_parent(held_parent: Option<Option<i64>>, incoming_parent: Option<i64>) -> Option<i64> {
    held_parent.unwrap_or(incoming_parent)
}

/// Whether a row that comes with record `record` belongs to it: its owner column names the
/// record, and the row held here under the same key (if any) belongs to it too.
pub fn check_owner(
    record: i64,
    table: &str,
    owner: Option<i64>,
    held_owner: Option<i64>,
) -> Result<(), Violation> {
    if owner != Some(record) || held_owner.is_some_and(|h| h != record) {
        return Err(outside(text!(
            "Dòng {table} trong gói không thuộc bản ghi {record}",
            "A {table} row in the package is not of record {record}"
        )));
    }
    Ok(())
}

/// A period of a member in a cell, as a package carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// The cell.
    pub organization: i64,
    /// From.
    pub from: NaiveDate,
    /// Until (`None`: open).
    pub to: Option<NaiveDate>,
}

/// One cell per member: an active member (`cell`: the cell it belongs to) has exactly one open
/// period, in that cell; an inactive one (`None`) has none; every period ends after it starts.
pub fn check_periods(cell: Option<i64>, periods: &[Period]) -> Result<(), Violation> {
    if periods.iter().any(|p| p.to.is_some_and(|to| to < p.from)) {
        return Err(Violation::new(
            "date_order",
            text!(
                "Thời kỳ sinh hoạt kết thúc trước khi bắt đầu",
                "A membership period ends before it starts"
            ),
        ));
    }
    let open: Vec<i64> = periods
        .iter()
        .filter(|p| p.to.is_none())
        .map(|p| p.organization)
        .collect();
    let expected: Vec<i64> = cell.into_iter().collect();
    if open != expected {
        return Err(Violation::new(
            "membership_invariant",
            text!("Mỗi đảng viên đang sinh hoạt có đúng một thời kỳ sinh hoạt đang mở, ở chi bộ của mình", "Each active member has exactly one open membership period, in their own cell"),
        ));
    }
    Ok(())
}

/// Whether a transfer is in the scope of the subtree at `root` now: both sides see it up to the
/// move (`moved`: an official transfer received), only the receiving side after.
pub fn transfer_in_scope(root: &str, from: &str, to: Option<&str>, moved: bool) -> bool {
    to.is_some_and(|t| tree::is_within(t, root)) || (!moved && tree::is_within(from, root))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failing step is the test failing
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn versions_move_at_most_a_plausible_step() {
        assert!(check_version(Some(1), 2).is_ok());
        assert!(check_version(Some(1), 40).is_ok());
        assert!(check_version(None, 7).is_ok());
        assert!(
            check_version(Some(3), 3).is_ok(),
            "equal: reported, not refused"
        );
        let err = check_version(Some(1), 9_000_000_000_000_000_000).unwrap_err();
        assert_eq!(err.code, "sync_version_jump");
        assert!(check_version(None, 9_000_000_000_000_000_000).is_err());
        assert!(check_version(Some(i64::MAX - 1), i64::MAX).is_ok());
        assert!(check_version(Some(1), 0).is_err());
        assert!(check_version(None, -5).is_err());
    }

    #[test]
    fn a_package_must_name_the_bound_organisation_or_one_below_it() {
        assert!(check_package_subtree((5, None), 5, None).is_ok());
        assert!(check_package_subtree((5, Some("/1/5/")), 9, Some("/1/5/9/")).is_ok());
        assert!(check_package_subtree((5, Some("/1/5/")), 6, Some("/1/6/")).is_err());
        assert!(check_package_subtree((5, Some("/1/5/")), 1, Some("/1/")).is_err());
        assert!(check_package_subtree((5, None), 9, None).is_err());
        // `/1/5/` must not take in `/1/50/`.
        assert!(check_package_subtree((5, Some("/1/5/")), 50, Some("/1/50/")).is_err());
    }

    #[test]
    fn records_stay_inside_the_subtree_and_are_never_taken_over() {
        let root = "/1/5/";
        let x = text!("x", "y");
        assert!(check_placement(root, None, "/1/5/9/", &x).is_ok());
        assert!(check_placement(root, Some("/1/5/9/"), "/1/5/10/", &x).is_ok());
        assert!(check_placement(root, Some("/1/6/7/"), "/1/5/9/", &x).is_err());
        assert!(check_placement(root, Some("/1/5/9/"), "/1/6/7/", &x).is_err());
        assert!(check_placement(root, None, "/", &x).is_err());
        assert!(check_placement(root, None, "/9/", &x).is_err());
    }

    #[test]
    fn a_transfer_needs_one_side_inside() {
        let root = "/1/5/";
        assert!(check_transfer_sides(root, None, ("/1/5/9/", Some("/1/6/7/"))).is_ok());
        assert!(check_transfer_sides(root, None, ("/1/6/7/", Some("/1/5/9/"))).is_ok());
        assert!(check_transfer_sides(root, None, ("/1/6/7/", None)).is_err());
        assert!(
            check_transfer_sides(root, Some(("/1/6/7/", Some("/1/8/"))), ("/1/5/9/", None))
                .is_err()
        );
    }

    #[test]
    fn a_transfer_is_seen_by_both_sides_until_the_move_then_by_the_receiver() {
        let (from, to) = ("/1/5/9/", Some("/1/6/7/"));
        assert!(transfer_in_scope("/1/5/", from, to, false));
        assert!(transfer_in_scope("/1/6/", from, to, false));
        assert!(!transfer_in_scope("/1/5/", from, to, true));
        assert!(transfer_in_scope("/1/6/", from, to, true));
        assert!(transfer_in_scope("/1/", from, to, true));
        assert!(!transfer_in_scope("/1/8/", from, to, false));
        assert!(
            transfer_in_scope("/1/5/", from, None, false),
            "out of the system: kept"
        );
    }

    #[test]
    fn the_bound_organisation_keeps_its_parent_here() {
        assert_eq!(bound_parent(None, Some(3)), Some(3), "not held yet");
        assert_eq!(bound_parent(Some(Some(1)), Some(1)), Some(1));
        assert_eq!(bound_parent(Some(Some(1)), None), Some(1));
        assert_eq!(bound_parent(Some(Some(1)), Some(2)), Some(1));
        assert_eq!(bound_parent(Some(None), Some(2)), None);
    }

    #[test]
    fn rows_belong_to_their_record() {
        assert!(check_owner(7, "memberships", Some(7), None).is_ok());
        assert!(check_owner(7, "memberships", Some(7), Some(7)).is_ok());
        assert!(check_owner(7, "memberships", Some(8), None).is_err());
        assert!(check_owner(7, "memberships", None, None).is_err());
        assert!(check_owner(7, "memberships", Some(7), Some(8)).is_err());
    }

    #[test]
    fn one_open_period_in_the_members_cell() {
        let p = |org, from: &str, to: Option<&str>| Period {
            organization: org,
            from: d(from),
            to: to.map(d),
        };
        let history = [
            p(3, "2010-01-01", Some("2015-01-01")),
            p(4, "2015-01-01", None),
        ];
        assert!(check_periods(Some(4), &history).is_ok());
        assert!(check_periods(Some(3), &history).is_err());
        assert!(check_periods(None, &history).is_err());
        assert!(check_periods(None, &history[..1]).is_ok());
        assert!(check_periods(
            Some(4),
            &[p(4, "2015-01-01", None), p(5, "2016-01-01", None)]
        )
        .is_err());
        let err = check_periods(None, &[p(4, "2015-01-01", Some("2014-01-01"))]).unwrap_err();
        assert_eq!(err.code, "date_order");
    }
}
