//! The seeded cell's year (issue 23, `docs/cell-year.md` "Seeds"): for this year up to today,
//! every cell holds a regular meeting on the 5th of each month (one month in 40 skipped) and a
//! topical one on the 20th of each quarter's middle month (one quarter in 15 skipped). Its
//! members' attendance: 92 % present, 5 % excused, 3 % absent, at most two unexcused absences
//! a year except for about 1 member in 400, who reaches the third (rule 36's proposal); many
//! members have two, so a browser test can record the third. Exempt members are written
//! `exempt`, members registered elsewhere `elsewhere`. Each member gets 2–4 duties at the
//! year's first regular meeting, reviewed at November's (70 % done, 20 % exceeded, 10 % not
//! done). Drawn from the seed, cells and members in id order: reproducible.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use qldv_api_types::cell_year::{Attendance, DutyResult, MeetingKind};
use qldv_api_types::members::MemberStatus;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::db::bulk::{reserve_ids, Batch, Lit};
use crate::db::schema::{members, memberships};
use crate::db::DbConn;
use crate::error::AppResult;
use crate::models::member_query::covers;

/// What was written: meetings, attendance lines, duties.
pub type Written = (u64, u64, u64);

/// A member as the seeded year needs them.
struct Seat {
    id: i64,
    from: NaiveDate,
    exempt: (Option<NaiveDate>, Option<NaiveDate>),
    elsewhere: bool,
    /// About 1 in 400: misses meetings past the second (rule 36).
    drifting: bool,
}

const DUTIES: [&str; 6] = [
    "Phụ trách tổ dân cư",
    "Giúp đỡ quần chúng ưu tú",
    "Tuyên truyền nghị quyết",
    "Theo dõi thu đảng phí",
    "Phụ trách công tác đoàn thanh niên",
    "Vận động nhân dân tham gia xây dựng nông thôn mới",
];

/// The meetings of this year up to `today`: (date, kind), by date.
fn calendar(rng: &mut StdRng, today: NaiveDate) -> Vec<(NaiveDate, MeetingKind)> {
    let year = today.year();
    let mut out = Vec::new();
    for month in 1..=12 {
        let skip = rng.gen_ratio(1, 40);
        if let Some(d) = NaiveDate::from_ymd_opt(year, month, 5).filter(|d| *d < today) {
            if !skip {
                out.push((d, MeetingKind::Regular));
            }
        }
    }
    for quarter in 1..=4 {
        let skip = rng.gen_ratio(1, 15);
        if let Some(d) = NaiveDate::from_ymd_opt(year, quarter * 3 - 1, 20).filter(|d| *d < today) {
            if !skip {
                out.push((d, MeetingKind::Topical));
            }
        }
    }
    out.sort_unstable();
    out
}

/// Writes the year; what was written.
pub fn seed(conn: &mut DbConn, seed: u64, today: NaiveDate) -> AppResult<Written> {
    let mut rng = StdRng::seed_from_u64(seed ^ 0x6d65_6574_696e_6773);
    let rows: Vec<SeatRow> = members::table
        .inner_join(memberships::table.on(memberships::member_id.eq(members::id)))
        .filter(memberships::to_on.is_null())
        .filter(members::status.eq_any(MemberStatus::ACTIVE))
        .order((members::organization_id.asc(), members::id.asc()))
        .select((
            members::id,
            members::organization_id,
            memberships::from_on,
            members::exempt_from,
            members::exempt_to,
            members::temporary_org_id,
        ))
        .load(conn)?;
    let mut cells: Vec<(i64, Vec<Seat>)> = Vec::new();
    for (id, org, from, exempt_from, exempt_to, temporary) in rows {
        let seat = Seat {
            id,
            from,
            exempt: (exempt_from, exempt_to),
            elsewhere: temporary.is_some(),
            drifting: rng.gen_ratio(1, 400),
        };
        match cells.last_mut() {
            Some((c, seats)) if *c == org => seats.push(seat),
            _ => cells.push((org, vec![seat])),
        }
    }
    let plans: Vec<Vec<(NaiveDate, MeetingKind)>> =
        cells.iter().map(|_| calendar(&mut rng, today)).collect();
    let total: usize = plans.iter().map(Vec::len).sum();
    let ids = reserve_ids(conn, "meetings", total)?;
    let mut regulation: HashMap<NaiveDate, String> = HashMap::new();
    for (d, _) in plans.iter().flatten() {
        if !regulation.contains_key(d) {
            let code = crate::models::setting::at(conn, *d)?.regulation;
            regulation.insert(*d, code);
        }
    }
    let now = crate::models::now();
    let mut meetings = Batch::new(
        conn,
        "meetings",
        &[
            "id",
            "organization_id",
            "kind",
            "held_on",
            "agenda",
            "regulation",
            "entered_at",
        ],
    );
    let mut lines = Batch::new(
        conn,
        "meeting_attendance",
        &["meeting_id", "member_id", "value", "reason"],
    );
    let mut duties = Batch::new(
        conn,
        "duties",
        &[
            "member_id",
            "organization_id",
            "description",
            "assigned_on",
            "assigned_meeting_id",
            "reviewed_on",
            "review_meeting_id",
            "result",
            "entered_at",
        ],
    );
    let mut next = ids.into_iter();
    let (mut written_lines, mut written_duties) = (0u64, 0u64);
    let mut written_meetings = 0u64;
    for ((cell, seats), plan) in cells.iter().zip(&plans) {
        let mut absences: HashMap<i64, u32> = HashMap::new();
        let mut held: Vec<(i64, NaiveDate, MeetingKind)> = Vec::new();
        for (on, kind) in plan {
            let Some(id) = next.next() else { break };
            held.push((id, *on, *kind));
            written_meetings += 1;
            let agenda = match kind {
                MeetingKind::Regular => {
                    format!("Sinh hoạt thường kỳ tháng {}/{}", on.month(), on.year())
                }
                MeetingKind::Topical => format!(
                    "Sinh hoạt chuyên đề quý {}/{}",
                    on.month().div_ceil(3),
                    on.year()
                ),
            };
            let code = regulation.get(on).cloned().unwrap_or_default();
            if meetings.push(&[
                Lit::from(id),
                Lit::from(*cell),
                Lit::from(*kind),
                Lit::from(*on),
                Lit::from(agenda),
                Lit::from(code),
                Lit::from(now),
            ]) {
                meetings.flush(conn)?;
            }
            for s in seats.iter().filter(|s| s.from <= *on) {
                let value = if covers(s.exempt.0, s.exempt.1, *on) {
                    Attendance::Exempt
                } else if s.elsewhere {
                    Attendance::Elsewhere
                } else {
                    let r: u32 = rng.gen_range(0..100);
                    let missed = absences.entry(s.id).or_insert(0);
                    if (r >= 97 && *missed < 2) || (s.drifting && r >= 50) {
                        *missed += 1;
                        Attendance::Absent
                    } else if r >= 92 {
                        Attendance::Excused
                    } else {
                        Attendance::Present
                    }
                };
                let reason = (value == Attendance::Excused).then(|| {
                    if rng.gen_bool(0.5) {
                        "Ốm"
                    } else {
                        "Đi công tác"
                    }
                });
                if lines.push(&[
                    Lit::from(id),
                    Lit::from(s.id),
                    Lit::from(value),
                    Lit::from(reason),
                ]) {
                    // Parents first: the meetings the lines refer to.
                    meetings.flush(conn)?;
                    lines.flush(conn)?;
                }
                written_lines += 1;
            }
        }
        // Duties: assigned at the first regular meeting, reviewed at November's.
        let first = held.iter().find(|h| h.2 == MeetingKind::Regular);
        let review = held
            .iter()
            .find(|h| h.2 == MeetingKind::Regular && h.1.month() == 11);
        let Some(&(assigned_at, assigned_on, _)) = first else {
            continue;
        };
        for s in seats.iter().filter(|s| s.from <= assigned_on) {
            for _ in 0..rng.gen_range(2..=4) {
                let what = DUTIES[rng.gen_range(0..DUTIES.len())];
                let result = review.map(|_| match rng.gen_range(0..10) {
                    0..=6 => DutyResult::Done,
                    7 | 8 => DutyResult::Exceeded,
                    _ => DutyResult::NotDone,
                });
                if duties.push(&[
                    Lit::from(s.id),
                    Lit::from(*cell),
                    Lit::from(what),
                    Lit::from(assigned_on),
                    Lit::from(assigned_at),
                    Lit::from(review.map(|r| r.1)),
                    Lit::from(review.map(|r| r.0)),
                    Lit::from(result),
                    Lit::from(now),
                ]) {
                    meetings.flush(conn)?;
                    duties.flush(conn)?;
                }
                written_duties += 1;
            }
        }
    }
    // Parents first: the meetings, then the lines and duties that refer to them.
    meetings.flush(conn)?;
    lines.flush(conn)?;
    duties.flush(conn)?;
    Ok((written_meetings, written_lines, written_duties))
}

type SeatRow = (
    i64,
    i64,
    NaiveDate,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<i64>,
);
