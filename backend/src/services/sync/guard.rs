//! What a package may write here: each record placed by this installation's own tree (paths
//! and depths recomputed, never taken from the package), inside the subtree the sender's key
//! speaks for, with rows that belong to it, and keeping the membership invariant.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use qldv_api_types::changes::ChangeEntity;

use super::package::{Record, Row};
use super::parts;
use crate::db::schema::{members, organizations};
use crate::db::{rows, DbConn};
use crate::domain::admission::{check_dates, AdmissionDates};
use crate::domain::{sync as rule, tree, Violation};
use crate::error::{AppError, AppResult};

/// The subtree a package may write: the organisation its key speaks for, and that
/// organisation's path here (`None` until a package brings it).
#[derive(Debug, Clone)]
pub struct Bound {
    /// The organisation.
    pub id: i64,
    /// Its path here.
    pub path: Option<String>,
}

impl Bound {
    /// The key's organisation's path here; refused until a package brought it.
    pub(super) fn root(&self) -> AppResult<&str> {
        self.path
            .as_deref()
            .ok_or_else(|| AppError::from(crate::messages::sync::key_organization_absent(self.id)))
    }
}

/// An integer column of a row.
pub fn int(row: &Row, column: &str) -> Option<i64> {
    row.get(column).and_then(serde_json::Value::as_i64)
}

fn date(row: &Row, column: &str) -> Option<NaiveDate> {
    let text = row.get(column)?.as_str()?;
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

/// An organisation's parent and path here.
pub fn org_place(conn: &mut DbConn, id: i64) -> AppResult<Option<(Option<i64>, String)>> {
    Ok(organizations::table
        .find(id)
        .select((organizations::parent_id, organizations::path))
        .first(conn)
        .optional()?)
}

fn org_path(conn: &mut DbConn, id: i64) -> AppResult<String> {
    org_place(conn, id)?
        .map(|(_, p)| p)
        .ok_or_else(|| crate::messages::sync::organization_unknown(id).into())
}

fn member_path(conn: &mut DbConn, id: i64) -> AppResult<Option<(i64, String)>> {
    Ok(members::table
        .find(id)
        .select((members::organization_id, members::org_path))
        .first(conn)
        .optional()?)
}

/// The path an organisation gets here under `parent` (a root without one).
pub fn path_under(conn: &mut DbConn, id: i64, parent: Option<i64>) -> AppResult<String> {
    Ok(match parent {
        None => tree::root_path(id),
        Some(p) => tree::child_path(&org_path(conn, p)?, id),
    })
}

/// Sets an organisation row's path and depth to `path`.
pub fn place_org_row(row: &mut Row, path: &str) {
    row.insert("path".into(), path.into());
    row.insert("depth".into(), tree::depth(path).into());
}

/// A record ready to write: its rows with paths recomputed here, where it sits here (for the
/// audit trail), and where it sat before when an organisation moves.
pub struct Placed {
    /// Rows by table.
    pub rows: BTreeMap<String, Vec<Row>>,
    /// The organisation path it belongs to here.
    pub path: String,
    /// An organisation held here under another path: its subtree moves with it.
    pub moved_from: Option<String>,
}

/// Checks that the record and every row it carries may be written (422 for the whole package
/// otherwise: a record outside the key's subtree, a row of another record) and recomputes its
/// paths. `held` is the record's own row here, if any.
pub fn place(
    conn: &mut DbConn,
    bound: &Bound,
    record: &Record,
    held: Option<&Row>,
) -> AppResult<Placed> {
    let mut rows = record.rows.clone();
    check_rows_belong(conn, record, &rows)?;
    let own = parts::parts(record.entity)[0].table;
    let Some(row) = rows.get_mut(own).and_then(|r| r.first_mut()) else {
        return Err(crate::messages::sync::record_without_row(record.id));
    };
    let mut moved_from = None;
    let path = match record.entity {
        ChangeEntity::Organization => {
            let held_place = org_place(conn, record.id)?;
            let mut parent = int(row, "parent_id");
            if record.id == bound.id {
                parent = rule::bound_parent(held_place.as_ref().map(|(p, _)| *p), parent);
                row.insert("parent_id".into(), parent.into());
            }
            let path = path_under(conn, record.id, parent)?;
            if record.id != bound.id {
                rule::check_placement(
                    bound.root()?,
                    held_place.as_ref().map(|(_, p)| p.as_str()),
                    &path,
                    &crate::messages::sync::organization(record.id),
                )?;
            }
            if let Some((_, old)) = held_place.filter(|(_, old)| *old != path) {
                moved_from = Some(old);
            }
            place_org_row(row, &path);
            path
        }
        ChangeEntity::Member => {
            let org = int(row, "organization_id").unwrap_or_default();
            let path = org_path(conn, org)?;
            let here = member_path(conn, record.id)?;
            rule::check_placement(
                bound.root()?,
                here.as_ref().map(|(_, p)| p.as_str()),
                &path,
                &crate::messages::sync::member(record.id),
            )?;
            row.insert("org_path".into(), path.clone().into());
            path
        }
        ChangeEntity::Candidate => {
            // Placed by the identity it carries, as a member is.
            let Some(m) = rows.get_mut("members").and_then(|r| r.first_mut()) else {
                return Err(crate::messages::sync::record_without_row(record.id));
            };
            let org = int(m, "organization_id").unwrap_or_default();
            let path = org_path(conn, org)?;
            let here = member_path(conn, record.id)?;
            rule::check_placement(
                bound.root()?,
                here.as_ref().map(|(_, p)| p.as_str()),
                &path,
                &crate::messages::sync::member(record.id),
            )?;
            m.insert("org_path".into(), path.clone().into());
            path
        }
        ChangeEntity::Transfer => {
            let from = org_path(conn, int(row, "from_org_id").unwrap_or_default())?;
            let to = match int(row, "to_org_id") {
                Some(id) => Some(org_path(conn, id)?),
                None => None,
            };
            let held_sides = held.map(|h| {
                (
                    h.get("from_path")
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_string(),
                    h.get("to_path")
                        .and_then(|v| v.as_str())
                        .map(str::to_string),
                )
            });
            rule::check_transfer_sides(
                bound.root()?,
                held_sides.as_ref().map(|(f, t)| (f.as_str(), t.as_deref())),
                (&from, to.as_deref()),
            )?;
            // The member it moves sits at one of its two ends.
            if let Some((at, _)) = member_path(conn, int(row, "member_id").unwrap_or_default())? {
                let ends = [int(row, "from_org_id"), int(row, "to_org_id")];
                if !ends.contains(&Some(at)) {
                    return Err(crate::messages::sync::transfer_elsewhere().into());
                }
            }
            row.insert("from_path".into(), from.clone().into());
            row.insert("to_path".into(), to.into());
            from
        }
        // Not carried by packages (`parts::carried`): never placed.
        ChangeEntity::Meeting
        | ChangeEntity::Duty
        | ChangeEntity::Liaison
        | ChangeEntity::DuesBasis
        | ChangeEntity::DuesRelief
        | ChangeEntity::DuesArrangement
        | ChangeEntity::DuesPayment => {
            return Err(crate::messages::sync::record_without_row(record.id));
        }
        ChangeEntity::Evaluation
        | ChangeEntity::Card
        | ChangeEntity::Badge
        | ChangeEntity::BadgeProposal => {
            let of = |conn: &mut DbConn, id: Option<i64>| -> AppResult<Option<String>> {
                Ok(match id {
                    Some(id) => member_path(conn, id)?.map(|(_, p)| p),
                    None => None,
                })
            };
            let path = of(conn, int(row, "member_id"))?.ok_or_else(|| {
                AppError::from(crate::messages::sync::member_absent(
                    record.entity.as_str(),
                    record.id,
                ))
            })?;
            let before = of(conn, held.and_then(|h| int(h, "member_id")))?;
            rule::check_placement(
                bound.root()?,
                before.as_deref(),
                &path,
                &crate::messages::sync::record(record.entity.as_str(), record.id),
            )?;
            path
        }
    };
    Ok(Placed {
        rows,
        path,
        moved_from,
    })
}

/// A candidate record writes the identity only while it is a candidate's and newer than the
/// one held here (itself a candidate's): after the ceremony the member record carries it, and
/// its rules (dates, one cell) are the member record's to check.
pub fn keep_candidate_identity(conn: &mut DbConn, placed: &mut Placed) -> AppResult<()> {
    use qldv_api_types::members::MemberStatus;
    let Some(rows) = placed.rows.get_mut("members") else {
        return Ok(());
    };
    let Some(m) = rows.first() else {
        return Ok(());
    };
    let incoming = int(m, "version").unwrap_or(0);
    let candidate =
        m.get("status").and_then(|s| s.as_str()) == Some(MemberStatus::Candidate.as_str());
    let held: Option<(MemberStatus, i64)> = members::table
        .find(int(m, "id").unwrap_or_default())
        .select((members::status, members::version))
        .first(conn)
        .optional()?;
    let write = candidate
        && held.is_none_or(|(status, version)| {
            status == MemberStatus::Candidate && version < incoming
        });
    if !write {
        rows.clear();
    }
    Ok(())
}

/// Every row a record carries belongs to it: one own row (the record itself), rows of the other
/// tables naming it, and none held here under another record.
fn check_rows_belong(
    conn: &mut DbConn,
    record: &Record,
    rows: &BTreeMap<String, Vec<Row>>,
) -> AppResult<()> {
    for (n, part) in parts::parts(record.entity).iter().enumerate() {
        let carried = rows.get(part.table).map(Vec::as_slice).unwrap_or_default();
        if n == 0 && carried.len() > 1 {
            return Err(crate::messages::sync::rows_repeated(record.id, part.table).into());
        }
        let ids: Vec<i64> = if part.key == ["id"] {
            carried.iter().filter_map(|r| int(r, "id")).collect()
        } else {
            vec![]
        };
        let held: BTreeMap<i64, Option<i64>> = if ids.is_empty() {
            BTreeMap::new()
        } else {
            rows::select_in(conn, part.table, "id", &ids)?
                .into_iter()
                .filter_map(|v| match v {
                    serde_json::Value::Object(m) => Some((int(&m, "id")?, int(&m, part.by))),
                    _ => None,
                })
                .collect()
        };
        for row in carried {
            let held_owner = int(row, "id").and_then(|id| held.get(&id).copied().flatten());
            rule::check_owner(record.id, part.table, int(row, part.by), held_owner)?;
        }
    }
    Ok(())
}

/// The domain's invariants on a placed record (a broken one is reported, not written): a
/// member's dates in order, and one cell for an active member.
pub fn invariants(record: &Record, placed: &Placed) -> Result<(), Violation> {
    if record.entity != ChangeEntity::Member {
        return Ok(());
    }
    let malformed = crate::messages::sync::dates_unreadable;
    let Some(m) = placed.rows.get("members").and_then(|r| r.first()) else {
        return Err(malformed());
    };
    let dates = AdmissionDates {
        birth: date(m, "birth_date").ok_or_else(malformed)?,
        youth_union: date(m, "youth_union_joined_on"),
        // Kept in the admission event's details, not on the record.
        considered: None,
        decision: date(m, "admission_decision_on").ok_or_else(malformed)?,
        received: None,
        ceremony: date(m, "ceremony_on").ok_or_else(malformed)?,
        official: date(m, "official_on"),
    };
    if let Some(broken) = check_dates(&dates, crate::models::today())
        .into_iter()
        .next()
    {
        return Err(broken.violation);
    }
    let active = matches!(
        m.get("status").and_then(|s| s.as_str()),
        Some("probationary" | "official")
    );
    let periods = placed
        .rows
        .get("memberships")
        .into_iter()
        .flatten()
        .map(|p| {
            Some(rule::Period {
                organization: int(p, "organization_id")?,
                from: date(p, "from_on")?,
                to: match p.get("to_on") {
                    None | Some(serde_json::Value::Null) => None,
                    Some(_) => Some(date(p, "to_on")?),
                },
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(malformed)?;
    rule::check_periods(
        active.then(|| int(m, "organization_id")).flatten(),
        &periods,
    )
}
