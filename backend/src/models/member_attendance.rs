//! One member's attendance lines of a period, at the meetings of whichever cell held them
//! (`GET /members/{id}/attendance`): read inside the caller's scope through the member.

use chrono::NaiveDate;
use diesel::prelude::*;
use qldv_api_types::cell_year::{Attendance, MeetingKind};
use qldv_api_types::{MeetingId, MemberId, OrgId};

use crate::auth::Scope;
use crate::db::schema::{meeting_attendance, meetings, members, organizations};
use crate::db::DbConn;
use crate::error::AppResult;

/// A member's line of one meeting, with the meeting and the cell that held it.
#[derive(Debug, Clone, Queryable)]
pub struct MemberLineRow {
    /// The meeting.
    pub meeting_id: MeetingId,
    /// The cell that held it.
    pub organization_id: OrgId,
    /// That cell's name.
    pub organization_name: String,
    /// Regular or topical.
    pub kind: MeetingKind,
    /// Held on.
    pub held_on: NaiveDate,
    /// The member's value.
    pub value: Attendance,
    /// The reason of an excused absence.
    pub reason: Option<String>,
}

/// The lines of `member` at the meetings held between two days, newest first; nothing for a
/// member whose current organisation lies outside `scope`.
pub fn of_member(
    conn: &mut DbConn,
    scope: &Scope,
    member: MemberId,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<MemberLineRow>> {
    let mut q = meeting_attendance::table
        .inner_join(meetings::table)
        .inner_join(members::table)
        .inner_join(organizations::table.on(organizations::id.eq(meetings::organization_id)))
        .filter(meeting_attendance::member_id.eq(member))
        .filter(meetings::held_on.ge(from))
        .filter(meetings::held_on.le(to))
        .into_boxed();
    if let Some((lo, hi)) = scope.path_range() {
        q = q
            .filter(members::org_path.ge(lo))
            .filter(members::org_path.lt(hi));
    }
    Ok(q.order((meetings::held_on.desc(), meetings::id.desc()))
        .select((
            meetings::id,
            meetings::organization_id,
            organizations::name,
            meetings::kind,
            meetings::held_on,
            meeting_attendance::value,
            meeting_attendance::reason,
        ))
        .load(conn)?)
}
