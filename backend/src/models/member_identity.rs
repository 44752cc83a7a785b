//! Finding members by the numbers that identify a person: CCCD and personal-history number
//! (uniqueness checks, and the import's match with records already kept).

use diesel::prelude::*;
use qldv_api_types::MemberId;

use crate::db::schema::members;
use crate::db::DbConn;
use crate::error::AppResult;
use crate::models::member::MemberRow;

/// A record holding an identifier: its id, CCCD, personal-history number and organisation path.
pub type Holder = (MemberId, Option<String>, Option<String>, String);

/// Where a record is and nothing else of it: its id and organisation path.
const PLACE: (members::id, members::org_path) = (members::id, members::org_path);

impl MemberRow {
    /// The member (other than `except`) holding this CCCD: its id and organisation path.
    pub fn national_id_holder(
        conn: &mut DbConn,
        cccd: &str,
        except: Option<MemberId>,
    ) -> AppResult<Option<(MemberId, String)>> {
        let mut q = members::table
            .filter(members::national_id.eq(cccd))
            .select(PLACE)
            .into_boxed();
        if let Some(id) = except {
            q = q.filter(members::id.ne(id));
        }
        Ok(q.first(conn).optional()?)
    }

    /// Whether another record of the same person (sharing the CCCD or the legacy CMND of
    /// `member`) has already been re-admitted (rule 13: re-admission once per person, checked
    /// across records).
    pub fn readmitted_elsewhere(
        conn: &mut DbConn,
        member: MemberId,
        national_id: Option<&str>,
        legacy_id_no: Option<&str>,
    ) -> AppResult<bool> {
        use crate::db::schema::member_events;
        use qldv_api_types::members::MemberEventKind;
        let mut same_person: Vec<MemberId> = Vec::new();
        if let Some(n) = national_id {
            same_person.extend(
                members::table
                    .filter(members::national_id.eq(n))
                    .filter(members::id.ne(member))
                    .select(members::id)
                    .load::<MemberId>(conn)?,
            );
        }
        if let Some(n) = legacy_id_no {
            same_person.extend(
                members::table
                    .filter(members::legacy_id_no.eq(n))
                    .filter(members::id.ne(member))
                    .select(members::id)
                    .load::<MemberId>(conn)?,
            );
        }
        if same_person.is_empty() {
            return Ok(false);
        }
        let readmitted: i64 = member_events::table
            .filter(member_events::member_id.eq_any(same_person))
            .filter(member_events::kind.eq(MemberEventKind::Readmitted))
            .count()
            .get_result(conn)?;
        Ok(readmitted > 0)
    }

    /// The member (other than `except`) holding this personal-history number: its id and
    /// organisation path.
    pub fn history_no_holder(
        conn: &mut DbConn,
        no: &str,
        except: Option<MemberId>,
    ) -> AppResult<Option<(MemberId, String)>> {
        let mut q = members::table
            .filter(members::personal_history_no.eq(no))
            .select(PLACE)
            .into_boxed();
        if let Some(id) = except {
            q = q.filter(members::id.ne(id));
        }
        Ok(q.first(conn).optional()?)
    }

    /// The records holding any of these CCCDs or personal-history numbers: each one's id, CCCD,
    /// history number and organisation path (one query, for a set of imported rows).
    pub fn holding(
        conn: &mut DbConn,
        cccds: &[&str],
        history_nos: &[&str],
    ) -> AppResult<Vec<Holder>> {
        if cccds.is_empty() && history_nos.is_empty() {
            return Ok(Vec::new());
        }
        Ok(members::table
            .filter(
                members::national_id
                    .eq_any(cccds)
                    .or(members::personal_history_no.eq_any(history_nos)),
            )
            .select((
                members::id,
                members::national_id,
                members::personal_history_no,
                members::org_path,
            ))
            .load(conn)?)
    }

    /// The organisation paths of these members (those that exist), 500 ids a query.
    pub fn paths_of(
        conn: &mut DbConn,
        ids: &[i64],
    ) -> AppResult<std::collections::BTreeMap<i64, String>> {
        let mut out = std::collections::BTreeMap::new();
        for chunk in ids.chunks(500) {
            out.extend(
                members::table
                    .filter(members::id.eq_any(chunk))
                    .select(PLACE)
                    .load::<(i64, String)>(conn)?,
            );
        }
        Ok(out)
    }
}
