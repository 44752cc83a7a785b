//! The movement identity as a property: over random sequences of admissions, transfers, exits and
//! restructures, every row of every movement report balances, consecutive periods join up, and
//! the end of a period equals the composition count on its last day.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use qldv_tests::{member_json, Client, TestApp};
use serde_json::{json, Value};

#[derive(Debug, Clone)]
enum Op {
    Admit { cell: usize },
    Transfer { member: usize, cell: usize },
    Exit { member: usize, reason: usize },
    MoveCommune { commune: usize, province: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..4usize).prop_map(|cell| Op::Admit { cell }),
        3 => (0..64usize, 0..4usize).prop_map(|(member, cell)| Op::Transfer { member, cell }),
        1 => (0..64usize, 0..3usize).prop_map(|(member, reason)| Op::Exit { member, reason }),
        1 => (0..2usize, 0..2usize).prop_map(|(commune, province)| Op::MoveCommune { commune, province }),
    ]
}

struct World {
    provinces: [i64; 2],
    communes: [i64; 2],
    cells: [i64; 4],
    members: Vec<i64>,
}

async fn world(admin: &Client) -> World {
    let p1 = admin.create_org("Tỉnh ủy Một", "province", None).await;
    let p2 = admin.create_org("Tỉnh ủy Hai", "province", None).await;
    let c1 = admin
        .create_org("Đảng ủy xã Một", "commune", Some(p1))
        .await;
    let c2 = admin
        .create_org("Đảng ủy xã Hai", "commune", Some(p1))
        .await;
    let mut cells = [0; 4];
    for (i, cell) in cells.iter_mut().enumerate() {
        let parent = if i < 2 { c1 } else { c2 };
        *cell = admin
            .create_org(&format!("Chi bộ {i}"), "cell", Some(parent))
            .await;
    }
    World {
        provinces: [p1, p2],
        communes: [c1, c2],
        cells,
        members: Vec::new(),
    }
}

/// Applies one operation on `day`; operations the rules refuse (a transfer to the same cell, an
/// exit of someone already out) are simply refused, as for a clerk.
async fn apply(admin: &Client, w: &mut World, op: &Op, day: NaiveDate, n: usize) {
    let on = day.to_string();
    match *op {
        Op::Admit { cell } => {
            let body = member_json(
                w.cells[cell],
                json!({"full_name": format!("Đảng Viên {n}"), "birth_date": "1990-05-10",
                       "national_id": format!("0310900{n:05}"),
                       "admission_decision_on": on, "ceremony_on": on}),
            );
            let res = admin.post("/api/v1/members", body).await;
            res.assert_status(201);
            w.members.push(res.id());
        }
        Op::Transfer { member, cell } => {
            let Some(&m) = w.members.get(member % w.members.len().max(1)) else {
                return;
            };
            let t = admin
                .post(
                    "/api/v1/transfers",
                    json!({"member_id": m, "to_organization_id": w.cells[cell], "kind": "official",
                           "issued_on": on, "reason": "Chuyển công tác"}),
                )
                .await;
            if t.status.is_success() {
                admin
                    .post(
                        &format!("/api/v1/transfers/{}/accept", t.id()),
                        json!({"received_on": (day + Duration::days(2)).to_string()}),
                    )
                    .await
                    .assert_status(200);
            }
        }
        Op::Exit { member, reason } => {
            let Some(&m) = w.members.get(member % w.members.len().max(1)) else {
                return;
            };
            let reason = ["deceased", "name_removed", "resigned"][reason];
            admin
                .post(
                    &format!("/api/v1/members/{m}/exit"),
                    json!({"reason": reason, "effective_on": on, "decision_no": "1-QĐ"}),
                )
                .await;
        }
        Op::MoveCommune { commune, province } => {
            admin
                .post(
                    &format!("/api/v1/organizations/{}/move", w.communes[commune]),
                    json!({"new_parent_id": w.provinces[province], "effective_on": on,
                           "decision_no": "2-QĐ/TW"}),
                )
                .await;
        }
    }
}

async fn movement(admin: &Client, org: i64, from: NaiveDate, to: NaiveDate) -> Value {
    let res = admin
        .get(&format!(
            "/api/v1/reports/movement?organization_id={org}&from={from}&to={to}"
        ))
        .await;
    res.assert_status(200);
    res.json
}

fn total(r: &Value, key: &str) -> i64 {
    let s = &r["sections"][0];
    let col = s["columns"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["key"] == key)
        .unwrap();
    s["rows"].as_array().unwrap().last().unwrap()["values"][col]
        .as_i64()
        .unwrap()
}

fn assert_every_row_balances(r: &Value) {
    let s = &r["sections"][0];
    let keys: Vec<&str> = s["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    for row in s["rows"].as_array().unwrap() {
        let v = row["values"].as_array().unwrap();
        let get = |k: &str| {
            v[keys.iter().position(|x| *x == k).unwrap()]
                .as_i64()
                .unwrap()
        };
        let arrivals =
            get("admitted") + get("transferred_in") + get("readmitted") + get("restructured_in");
        let departures = get("transferred_out")
            + get("deceased")
            + get("name_removed")
            + get("expelled")
            + get("resigned")
            + get("restructured_out");
        assert_eq!(
            get("start") + arrivals - departures,
            get("end"),
            "row {row}"
        );
    }
}

async fn check(ops: Vec<Op>, cuts: (usize, usize)) {
    let app = TestApp::builder().today("2026-11-23").build().await;
    let admin = app.admin().await;
    let mut w = world(&admin).await;
    let first = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    for (i, op) in ops.iter().enumerate() {
        let day = first + Duration::days(7 * i64::try_from(i).unwrap());
        apply(&admin, &mut w, op, day, i).await;
    }
    app.assert_invariant();
    // Three consecutive periods over the year, cut at random weeks.
    let a = first + Duration::days(7 * i64::try_from(cuts.0.min(cuts.1)).unwrap());
    let b = first + Duration::days(7 * i64::try_from(cuts.0.max(cuts.1)).unwrap() + 3);
    let year_start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let year_end = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let periods = [
        (year_start, a),
        (a + Duration::days(1), b),
        (b + Duration::days(1), year_end),
    ];
    let roots = w.provinces.iter().chain(w.communes.iter()).copied();
    for org in roots {
        let mut previous_end = 0;
        for (from, to) in periods {
            let r = movement(&admin, org, from, to).await;
            assert_every_row_balances(&r);
            assert_eq!(total(&r, "start"), previous_end, "org {org} {from}..{to}");
            previous_end = total(&r, "end");
            let comp = admin
                .get(&format!(
                    "/api/v1/reports/composition?organization_id={org}&as_of={to}"
                ))
                .await;
            let counted = comp.json["sections"][0]["rows"]
                .as_array()
                .unwrap()
                .last()
                .unwrap()["values"][0]
                .as_i64()
                .unwrap();
            assert_eq!(counted, previous_end, "org {org}: composition on {to}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, max_shrink_iters: 20, ..ProptestConfig::default() })]

    #[test]
    fn movement_balances_for_every_subtree_and_period(
        ops in prop::collection::vec(op(), 4..24),
        cuts in (0..24usize, 0..24usize),
    ) {
        actix_web::rt::System::new().block_on(check(ops, cuts));
    }
}
