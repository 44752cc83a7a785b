//! Admission targets (issue 22): an organisation's target for a year beside its progress, live
//! from the year's admissions (counted as the Admissions report counts them), and its
//! children's targets summed.

use std::collections::HashMap;

use chrono::NaiveDate;
use qldv_api_types::audit::{AuditAction, AuditEntity};
use qldv_api_types::targets::{AdmissionTarget, ChildTarget, PutAdmissionTarget};
use qldv_api_types::OrgId;

use crate::auth::{AuthUser, Scope};
use crate::db::tally::TallyParams;
use crate::db::DbConn;
use crate::domain::development::{children_target, share};
use crate::error::AppResult;
use crate::models::admission_target::{TargetRow, TargetValues};
use crate::models::audit::{self, Subject};
use crate::models::organization::OrganizationRow;
use crate::models::uow::Uow;

/// Admitted and re-admitted in the year, per subordinate organisation of `root` (by id) and in
/// total (`total`): the `total` metric of the Admissions report.
fn admitted(conn: &mut DbConn, root: OrgId, year: i32) -> AppResult<HashMap<String, i64>> {
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return Err(crate::messages::targets::report_dates(
            crate::domain::development::DatesRefused::InvalidYear,
        ));
    };
    let p = TallyParams {
        root: root.0,
        from,
        to,
        year: i64::from(year),
    };
    let mut out = HashMap::new();
    for t in crate::models::report::admissions(conn, p)? {
        if t.metric.as_deref() == Some("total") {
            *out.entry(t.grp.unwrap_or_default()).or_insert(0) += t.n;
        }
    }
    Ok(out)
}

/// The target of `org` for `year` with its progress, and its version (`ETag`) when recorded.
pub fn view(
    conn: &mut DbConn,
    scope: &Scope,
    org: OrgId,
    year: i32,
) -> AppResult<(AdmissionTarget, Option<i64>)> {
    let root = OrganizationRow::find(conn, scope, org)?;
    let row = TargetRow::find(conn, scope, org, year)?;
    let counts = admitted(conn, org, year)?;
    let of = |id: OrgId| counts.get(&id.0.to_string()).copied().unwrap_or(0);
    let mut children: Vec<ChildTarget> = TargetRow::children(conn, scope, org, year)?
        .into_iter()
        .map(|c| {
            let admitted = of(c.id);
            ChildTarget {
                organization_id: c.id,
                organization_name: c.name,
                target: c.target,
                admitted,
                share: c.target.and_then(|t| share(admitted, i64::from(t))),
            }
        })
        .collect();
    children.sort_by_cached_key(|c| {
        (
            crate::domain::vn_title::title_key(&c.organization_name),
            c.organization_id,
        )
    });
    let total = counts.get("total").copied().unwrap_or(0);
    let entered_by = match &row {
        Some(r) => r.entered_by_name(conn)?,
        None => None,
    };
    let dto = AdmissionTarget {
        organization_id: root.id,
        organization_name: root.name,
        year,
        target: row.as_ref().map(|r| r.target),
        resolution_no: row.as_ref().map(|r| r.resolution_no.clone()),
        resolution_on: row.as_ref().map(|r| r.resolution_on),
        entered_by,
        entered_at: row.as_ref().map(|r| r.entered_at.and_utc()),
        admitted: total,
        share: row.as_ref().and_then(|r| share(total, i64::from(r.target))),
        children_target: children_target(children.iter().map(|c| c.target)),
        children_admitted: children.iter().map(|c| c.admitted).sum(),
        children,
    };
    Ok((dto, row.map(|r| r.version)))
}

/// Records the target of `org` for `year` from its congress resolution (the caller's board
/// covers `org`: it is in the caller's scope), audited with the row before and after; `expected`
/// is the `If-Match` version.
pub fn put(
    uow: &mut Uow<'_>,
    caller: &AuthUser,
    (org, year): (OrgId, i32),
    expected: Option<i64>,
    body: &PutAdmissionTarget,
    today: NaiveDate,
) -> AppResult<(AdmissionTarget, Option<i64>)> {
    let organization = OrganizationRow::find(uow, &caller.scope, org)?;
    if body.resolution_on > today {
        return Err(crate::messages::targets::resolution_in_future());
    }
    let values = TargetValues {
        target: body.target,
        resolution_no: body.resolution_no.trim(),
        resolution_on: body.resolution_on,
    };
    let (before, after) = TargetRow::put(uow, org, year, &values, Some(caller.id), expected)?;
    audit::record(
        uow,
        &caller.actor(),
        if before.is_some() {
            AuditAction::Update
        } else {
            AuditAction::Create
        },
        Subject {
            entity: AuditEntity::AdmissionTarget,
            id: after.id.0,
            scope_path: Some(&organization.path),
        },
        before.as_ref(),
        Some(&after),
    )?;
    view(uow, &caller.scope, org, year)
}
