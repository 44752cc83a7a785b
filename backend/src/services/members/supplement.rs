//! Annual supplements (phiếu bổ sung hồ sơ đảng viên).

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use qldv_api_types::members::SupplementRequest;
use qldv_api_types::MemberId;

use crate::auth::AuthUser;
use crate::db::schema::member_supplements as s;
use crate::error::AppResult;
use crate::models::member::MemberRow;
use crate::models::uow::Uow;

/// Records the supplement of `year` (replacing an earlier one for that year) and applies the
/// changes it reports.
pub fn file_supplement(
    conn: &mut Uow<'_>,
    caller: &AuthUser,
    id: MemberId,
    year: i32,
    expected: Option<i64>,
    body: &SupplementRequest,
    today: NaiveDate,
) -> AppResult<MemberRow> {
    let before = MemberRow::find_for_change(conn, &caller.scope, id)?;
    let version = crate::models::check_version(expected, before.version)?;
    if year < before.ceremony_on.year() || year > today.year() {
        return Err(crate::messages::records::supplement_year(
            before.ceremony_on.year(),
            today.year(),
        ));
    }
    if body.filed_on > today || body.filed_on.year() < year {
        return Err(crate::messages::records::supplement_filed_on());
    }
    let reported = body.changes.clone().unwrap_or_default();
    let changes = super::correct::checked_changes(conn, caller, &before, &reported, today)?;
    let after = super::correct::apply(
        conn,
        caller,
        &before,
        version,
        &changes,
        super::correct::Recorded {
            kind: qldv_api_types::members::MemberEventKind::SupplementFiled,
            occurred_on: body.filed_on,
            extra: Some(serde_json::json!({"year": year, "note": body.note})),
        },
    )?;
    diesel::delete(s::table.find((after.id, year))).execute(conn.conn())?;
    diesel::insert_into(s::table)
        .values((
            s::member_id.eq(after.id),
            s::year.eq(year),
            s::filed_on.eq(body.filed_on),
            s::note.eq(body.note.as_deref()),
            s::changes.eq(serde_json::to_string(&reported).ok()),
            s::entered_by.eq(Some(caller.id)),
            s::entered_at.eq(crate::models::now()),
        ))
        .execute(conn.conn())?;
    Ok(after)
}
