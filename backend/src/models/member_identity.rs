//! Finding members by the numbers that identify a person: CCCD and personal-history number
//! (uniqueness checks, and the import's match with records already kept).

use diesel::prelude::*;

use crate::db::schema::members;
use crate::db::DbConn;
use crate::error::AppResult;
use crate::models::member::MemberRow;

/// A record holding an identifier: its CCCD, personal-history number and organisation path.
pub type Holder = (Option<String>, Option<String>, String);

impl MemberRow {
    /// Whether another member holds this CCCD.
    pub fn national_id_taken(
        conn: &mut DbConn,
        cccd: &str,
        except: Option<i64>,
    ) -> AppResult<bool> {
        let mut q = members::table
            .filter(members::national_id.eq(cccd))
            .into_boxed();
        if let Some(id) = except {
            q = q.filter(members::id.ne(id));
        }
        Ok(q.count().get_result::<i64>(conn)? > 0)
    }

    /// Whether another member holds this personal-history number.
    pub fn history_no_taken(conn: &mut DbConn, no: &str, except: Option<i64>) -> AppResult<bool> {
        let mut q = members::table
            .filter(members::personal_history_no.eq(no))
            .into_boxed();
        if let Some(id) = except {
            q = q.filter(members::id.ne(id));
        }
        Ok(q.count().get_result::<i64>(conn)? > 0)
    }

    /// The records holding any of these CCCDs or personal-history numbers: each one's CCCD,
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
                members::national_id,
                members::personal_history_no,
                members::org_path,
            ))
            .load(conn)?)
    }
}
