//! The seeded residence liaisons (issue 23, rule 39): 15 % of the active members of agency cells
//! (the cells of a grassroots committee of enterprises, and the grassroots cells of schools)
//! are introduced to a village cell where they live (nine in ten in their own province, the
//! others in another one); one in ten is on request. 80 % of the regular ones have last year's
//! comment. Drawn from the seed in id order, so the result is reproducible.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use diesel::prelude::*;
use qldv_api_types::cell_year::LiaisonMode;
use qldv_api_types::members::MemberStatus;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::db::bulk::{reserve_ids, Batch, Lit};
use crate::db::schema::{members, organizations};
use crate::db::DbConn;
use crate::error::AppResult;

/// The comments the seeded residence cells write.
const COMMENTS: [&str; 4] = [
    "Gương mẫu chấp hành chủ trương của Đảng, pháp luật của Nhà nước và quy định nơi cư trú.",
    "Tham gia đầy đủ sinh hoạt khu dân cư, giữ mối liên hệ tốt với chi ủy và nhân dân.",
    "Gia đình văn hóa; tích cực đóng góp các phong trào ở địa phương.",
    "Thực hiện tốt nghĩa vụ công dân; có lúc chưa tham gia đầy đủ các buổi họp tổ dân phố.",
];

/// The province of an organisation: the first organisation of its path below the central one.
fn province_of(path: &str, central: Option<i64>) -> i64 {
    let ids = crate::domain::tree::ids(path);
    let skip = usize::from(ids.first().copied() == central && ids.len() > 1);
    ids.get(skip).copied().unwrap_or(0)
}

/// Writes the liaisons and comments; how many liaisons.
pub fn seed(conn: &mut DbConn, seed: u64, today: NaiveDate) -> AppResult<u64> {
    let mut orgs: Vec<(i64, Option<i64>, String, String)> = organizations::table
        .select((
            organizations::id,
            organizations::parent_id,
            organizations::kind,
            organizations::path,
        ))
        .load(conn)?;
    orgs.sort_unstable();
    let kind: HashMap<i64, &str> = orgs.iter().map(|o| (o.0, o.2.as_str())).collect();
    let central = orgs.iter().find(|o| o.2 == "central").map(|o| o.0);
    let parent_kind = |o: &(i64, Option<i64>, String, String)| {
        o.1.and_then(|p| kind.get(&p).copied()).unwrap_or("")
    };
    let agency: Vec<i64> = orgs
        .iter()
        .filter(|o| {
            o.2 == "grassroots_cell" || (o.2 == "cell" && parent_kind(o) == "grassroots_committee")
        })
        .map(|o| o.0)
        .collect();
    // Village cells, all and by province (both in id order).
    let villages: Vec<i64> = orgs
        .iter()
        .filter(|o| o.2 == "cell" && parent_kind(o) == "commune")
        .map(|o| o.0)
        .collect();
    if villages.is_empty() || agency.is_empty() {
        return Ok(0);
    }
    let mut local: HashMap<i64, Vec<i64>> = HashMap::new();
    for o in orgs.iter().filter(|o| villages.binary_search(&o.0).is_ok()) {
        local
            .entry(province_of(&o.3, central))
            .or_default()
            .push(o.0);
    }
    let province: HashMap<i64, i64> = orgs
        .iter()
        .map(|o| (o.0, province_of(&o.3, central)))
        .collect();
    let mut workers: Vec<(i64, i64)> = members::table
        .filter(members::organization_id.eq_any(&agency))
        .filter(members::status.eq_any(MemberStatus::ACTIVE))
        .select((members::id, members::organization_id))
        .load(conn)?;
    workers.sort_unstable();

    let mut rng = StdRng::seed_from_u64(seed ^ 0x6c69_6169_736f_6e73);
    let year = today.year();
    let first = NaiveDate::from_ymd_opt(year - 5, 1, 1).unwrap_or(today);
    let span = (NaiveDate::from_ymd_opt(year - 1, 6, 30).unwrap_or(today) - first).num_days();
    let chosen: Vec<(i64, i64)> = workers.into_iter().filter(|_| rng.gen_bool(0.15)).collect();
    let ids = reserve_ids(conn, "residence_liaisons", chosen.len())?;
    let now = crate::models::now();
    let mut liaisons = Batch::new(
        conn,
        "residence_liaisons",
        &[
            "id",
            "member_id",
            "residence_org_id",
            "mode",
            "introduced_on",
            "introduction_no",
            "entered_at",
        ],
    );
    let mut comments = Vec::new();
    for ((member, cell), id) in chosen.iter().zip(&ids) {
        let home = province.get(cell).and_then(|p| local.get(p));
        let pool = match home {
            Some(l) if !rng.gen_bool(0.1) => l,
            _ => &villages,
        };
        let residence = pool.get(rng.gen_range(0..pool.len())).copied().unwrap_or(0);
        let mode = if rng.gen_bool(0.1) {
            LiaisonMode::OnRequest
        } else {
            LiaisonMode::Regular
        };
        let on = first + Duration::days(rng.gen_range(0..=span.max(0)));
        let full = liaisons.push(&[
            Lit::from(*id),
            Lit::from(*member),
            Lit::from(residence),
            Lit::from(mode.as_str()),
            Lit::from(on),
            Lit::from(format!("{}-GGT/CB", rng.gen_range(1..200))),
            Lit::from(now),
        ]);
        if full {
            liaisons.flush(conn)?;
        }
        if mode == LiaisonMode::Regular && rng.gen_bool(0.8) {
            comments.push((*id, COMMENTS[rng.gen_range(0..COMMENTS.len())]));
        }
    }
    liaisons.flush(conn)?;
    let written = NaiveDate::from_ymd_opt(year - 1, 11, 20)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap_or(now);
    let mut batch = Batch::new(
        conn,
        "liaison_comments",
        &["liaison_id", "year", "text", "written_at"],
    );
    for (id, text) in comments {
        let full = batch.push(&[
            Lit::from(id),
            Lit::from(year - 1),
            Lit::from(text),
            Lit::from(written),
        ]);
        if full {
            batch.flush(conn)?;
        }
    }
    batch.flush(conn)?;
    Ok(u64::try_from(ids.len()).unwrap_or(0))
}
