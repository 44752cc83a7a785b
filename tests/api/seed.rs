//! `qldv seed`: a generated dataset the server reads like its own records.

use chrono::NaiveDate;
use diesel::prelude::*;
use qldv::db::schema::{badges, members};
use qldv::services::seed::{self, SeedOptions};
use qldv_tests::{member_json, TestApp};
use serde_json::{json, Value};

fn seeded(app: &TestApp, members: u64, seed: u64) {
    let mut conn = app.state.pool.get().unwrap();
    let opts = SeedOptions {
        members,
        seed,
        today: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    };
    let summary = seed::run(&mut conn, &opts, |_| {}).unwrap();
    assert_eq!(summary.members, members);
}

fn total(report: &Value, section: &str) -> i64 {
    let s = report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == section)
        .unwrap();
    let rows = s["rows"].as_array().unwrap();
    rows.last().unwrap()["values"][0].as_i64().unwrap()
}

#[actix_web::test]
async fn a_seeded_province_reads_like_records_entered_through_the_api() {
    let app = TestApp::builder().today("2026-11-30").build().await;
    seeded(&app, 1500, 7);
    app.assert_invariant();
    let admin = app.admin().await;

    let mut conn = app.state.pool.get().unwrap();
    let active: i64 = members::table
        .filter(members::status.eq_any(["official", "probationary"]))
        .count()
        .get_result(&mut conn)
        .unwrap();
    let returned: i64 = badges::table
        .filter(badges::status.eq("returned"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    drop(conn);
    assert!(active > 1400 && active < 1500, "a few exited: {active}");
    assert!(returned > 0, "badges returned on exits");

    // The reports count them; the movement identity holds.
    let composition = admin
        .get("/api/v1/reports/composition?organization_id=1&as_of=2026-11-30")
        .await;
    composition.assert_status(200);
    assert_eq!(total(&composition.json, "gender"), active);
    admin
        .get("/api/v1/reports/movement?organization_id=1&year=2025")
        .await
        .assert_status(200);

    // Names are searchable without diacritics; a record opens with its history.
    let found = admin.get("/api/v1/members?q=nguyen&limit=5").await;
    found.assert_status(200);
    let first = &found.json["items"][0];
    assert!(first["full_name"].as_str().unwrap().starts_with("Nguyễn"));
    let id = first["id"].as_i64().unwrap();
    let events = admin
        .get_all(&format!("/api/v1/members/{id}/events"), 50)
        .await;
    assert_eq!(events[0]["kind"], "admitted");

    // Past rounds are within the quota; badge eligibility runs over the seeded members.
    let ratings = admin
        .get("/api/v1/evaluations?organization_id=1&year=2025")
        .await;
    ratings.assert_status(200);
    assert_eq!(ratings.json["summary"]["quota_excess"], 0);
    let eligible = admin
        .get("/api/v1/badges/eligible?organization_id=1&occasion_on=2027-02-03")
        .await;
    eligible.assert_status(200);

    // New records after the seed get fresh ids (the identities moved past the seeded ones).
    let cell = admin.create_org("Chi bộ mới", "cell", Some(2)).await;
    assert!(cell > 2);
}

#[actix_web::test]
async fn the_same_seed_gives_the_same_dataset_and_a_filled_database_is_refused() {
    let a = TestApp::new().await;
    let b = TestApp::new().await;
    seeded(&a, 300, 42);
    seeded(&b, 300, 42);
    let page = "/api/v1/members?organization_id=1&limit=100";
    let facts = |v: Value| -> Vec<Value> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                serde_json::json!([
                    m["id"],
                    m["full_name"],
                    m["national_id"],
                    m["birth_date"],
                    m["admission_decision_on"],
                    m["status"],
                    m["card_number"],
                    m["organization_id"]
                ])
            })
            .collect()
    };
    let (ours, theirs) = (
        a.admin().await.get(page).await.json,
        b.admin().await.get(page).await.json,
    );
    assert_eq!(facts(ours.clone()).len(), 100);
    assert_eq!(facts(ours), facts(theirs));

    let mut conn = a.state.pool.get().unwrap();
    let again = seed::run(
        &mut conn,
        &SeedOptions {
            members: 10,
            seed: 1,
            today: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        },
        |_| {},
    );
    assert_eq!(again.unwrap_err().code(), "not_empty");
}

/// Every page of every search, by whichever way the server chooses and by the leapfrog join over
/// the word index whatever the words' sizes, equals the page found by walking all members in
/// name order (the seeded names are frequent enough that each way is taken).
#[actix_web::test]
async fn name_search_finds_exactly_what_a_full_walk_finds() {
    use qldv::auth::Scope;
    use qldv::domain::vn_text;
    use qldv::models::member::MemberRow;
    use qldv::models::member_query::MemberFilter;
    let app = TestApp::builder().today("2026-11-30").build().await;
    seeded(&app, 8000, 3);
    let mut conn = app.state.pool.get().unwrap();
    let scope = Scope::system();
    for q in [
        "nguyen",
        "nguyen van",
        "van",
        "thi",
        "tran thi",
        "le van hung",
        "hung",
        "th",
        "ng",
        "nguyen thi h",
        "van nguyen",
        "pham thi hong nhung",
        "nguyen van hung",
        "tran thi lan",
        "le duc thang",
        "hoang van nam",
        "thi lan",
        "hung nguyen",
        "a",
        "zzz",
    ] {
        let filter = MemberFilter {
            name_words: vn_text::query_words(q),
            ..MemberFilter::default()
        };
        let (mut fast_after, mut walk_after, mut leap_after) = (None, None, None);
        for page in 0..3 {
            let fast = MemberRow::list(&mut conn, &scope, &filter, fast_after.clone(), 50).unwrap();
            let walk =
                MemberRow::list_by_walking(&mut conn, &scope, &filter, walk_after.clone(), 50)
                    .unwrap();
            let leap =
                MemberRow::list_by_leapfrog(&mut conn, &scope, &filter, leap_after.clone(), 50)
                    .unwrap();
            let ids = |rows: &[MemberRow]| rows.iter().map(|r| r.id).collect::<Vec<_>>();
            assert_eq!(ids(&fast), ids(&walk), "{q:?}, page {page}");
            assert_eq!(ids(&leap), ids(&walk), "{q:?}, page {page}, leapfrog");
            fast_after = fast.last().map(|r| (r.name_sort_key.clone(), r.id));
            walk_after = walk.last().map(|r| (r.name_sort_key.clone(), r.id));
            leap_after = leap.last().map(|r| (r.name_sort_key.clone(), r.id));
            if fast.len() < 50 {
                break;
            }
        }
    }
}

/// Today's composition, read from the records as they stand, is the composition the history
/// gives for today, for the province and for organisations of every level below it.
#[actix_web::test]
async fn todays_composition_from_the_records_equals_the_history() {
    use qldv::db::schema::organizations;
    use qldv::db::tally::TallyParams;
    use qldv::models::report;
    let app = TestApp::builder().today("2026-11-30").build().await;
    seeded(&app, 3000, 5);
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let mut conn = app.state.pool.get().unwrap();
    let mut roots: Vec<i64> = vec![1];
    for kind in [
        "commune",
        "upper_grassroots",
        "grassroots_committee",
        "grassroots_cell",
        "cell",
    ] {
        let ids: Vec<i64> = organizations::table
            .filter(organizations::kind.eq(kind))
            .order(organizations::id.asc())
            .select(organizations::id)
            .limit(3)
            .load(&mut conn)
            .unwrap();
        roots.extend(ids);
    }
    assert!(roots.len() > 10, "organisations of every level: {roots:?}");
    for root in roots {
        let p = TallyParams {
            root,
            from: today,
            to: today,
            year: 2026,
        };
        let mut now = report::composition(&mut conn, p, today).unwrap();
        let mut history = report::composition_from_history(&mut conn, p).unwrap();
        now.sort_by(|a, b| (&a.grp, &a.metric).cmp(&(&b.grp, &b.metric)));
        history.sort_by(|a, b| (&a.grp, &a.metric).cmp(&(&b.grp, &b.metric)));
        assert!(!now.is_empty());
        assert_eq!(now, history, "organisation {root}");
    }
}

/// The composition counts kept for the top two levels follow every kind of change — a new
/// member, a corrected dossier, a transfer between communes, an exit, a cell moved to another
/// commune — and give the report the history gives, before and after the changes are folded.
#[actix_web::test]
async fn kept_composition_counts_follow_every_change() {
    use qldv::db::schema::{members, organizations};
    use qldv::db::tally::TallyParams;
    use qldv::models::{composition_rollup, report};
    let app = TestApp::builder().today("2026-11-30").build().await;
    seeded(&app, 3000, 9);
    let admin = app.admin().await;
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let mut conn = app.state.pool.get().unwrap();
    let tops: Vec<(i64, String)> = organizations::table
        .filter(organizations::depth.le(1))
        .order(organizations::id.asc())
        .select((organizations::id, organizations::path))
        .load(&mut conn)
        .unwrap();
    let (c1, c2) = (&tops[1], &tops[2]);
    let under = |conn: &mut qldv::db::DbConn, path: &str| -> (i64, i64) {
        let (lo, hi) = qldv::domain::tree::subtree_range(path);
        members::table
            .filter(members::org_path.ge(lo))
            .filter(members::org_path.lt(hi))
            .filter(members::status.eq("official"))
            .order(members::id.asc())
            .select((members::id, members::organization_id))
            .first(conn)
            .unwrap()
    };
    let (moved, cell1) = under(&mut conn, &c1.1);
    let (leaving, _) = under(&mut conn, &c2.1);
    let (_, cell2) = under(&mut conn, &c2.1);

    let new = admin
        .create_member(member_json(
            cell1,
            json!({"birth_date": "1996-11-30", "national_id": "031096009876"}),
        ))
        .await;
    admin
        .patch(
            &format!("/api/v1/members/{new}"),
            json!({"ethnicity": "Tày", "occupation": "Giáo viên"}),
            None,
        )
        .await
        .assert_status(200);
    let t = admin
        .post(
            "/api/v1/transfers",
            json!({"member_id": moved, "to_organization_id": cell2, "kind": "official",
                   "issued_on": "2026-11-02", "reason": "Chuyển công tác"}),
        )
        .await;
    t.assert_status(201);
    admin
        .post(
            &format!("/api/v1/transfers/{}/accept", t.id()),
            json!({"received_on": "2026-11-10"}),
        )
        .await
        .assert_status(200);
    admin
        .post(
            &format!("/api/v1/members/{leaving}/exit"),
            json!({"reason": "name_removed", "effective_on": "2026-11-20", "decision_no": "7-QĐ/ĐU"}),
        )
        .await
        .assert_status(200);
    let cell: i64 = organizations::table
        .filter(organizations::parent_id.eq(c1.0))
        .order(organizations::id.asc())
        .select(organizations::id)
        .first(&mut conn)
        .unwrap();
    admin
        .post(
            &format!("/api/v1/organizations/{cell}/move"),
            json!({"new_parent_id": c2.0, "effective_on": "2026-11-25", "decision_no": "9-QĐ/TU"}),
        )
        .await
        .assert_status(200);
    app.assert_invariant();

    for folded in [false, true] {
        if folded {
            assert!(composition_rollup::fold(&mut conn).unwrap() > 0);
        }
        for (root, _) in &tops {
            assert!(composition_rollup::counts_of(&mut conn, *root)
                .unwrap()
                .is_some());
            let p = TallyParams {
                root: *root,
                from: today,
                to: today,
                year: 2026,
            };
            let kept = report::composition(&mut conn, p, today).unwrap();
            let mut history = report::composition_from_history(&mut conn, p).unwrap();
            history.retain(|t| t.n != 0);
            history.sort_by(|a, b| (&a.grp, &a.metric).cmp(&(&b.grp, &b.metric)));
            assert_eq!(kept, history, "organisation {root}, folded: {folded}");
        }
    }
    // Many pending changes (every member of the province leaving and arriving again): reading
    // the report through the API folds them, and the answer stays the same.
    let province = &tops[0];
    let before = admin
        .get(&format!(
            "/api/v1/reports/composition?organization_id={}",
            province.0
        ))
        .await;
    before.assert_status(200);
    composition_rollup::shift(&mut conn, &province.1, -1).unwrap();
    composition_rollup::shift(&mut conn, &province.1, 1).unwrap();
    let pending = || {
        use qldv::db::schema::composition_deltas;
        let mut conn = app.state.pool.get().unwrap();
        composition_deltas::table
            .count()
            .get_result::<i64>(&mut conn)
            .unwrap()
    };
    assert!(pending() > 10_000);
    let after = admin
        .get(&format!(
            "/api/v1/reports/composition?organization_id={}",
            province.0
        ))
        .await;
    assert_eq!(after.json["sections"], before.json["sections"]);
    assert_eq!(pending(), 0);
    app.assert_invariant();
}

/// Folding while other transactions append changes and reports read: every read sees the
/// counts of the records (the changes of one transaction are folded together or not at all,
/// and a read never counts a change twice or misses one), and nothing is left over.
#[actix_web::test]
async fn folds_racing_writers_and_readers_never_miscount() {
    use qldv::db::schema::organizations;
    use qldv::models::composition_rollup as rollup;
    let app = TestApp::builder().today("2026-11-30").build().await;
    seeded(&app, 1500, 3);
    let pool = app.state.pool.clone();
    let (root, path): (i64, String) = {
        let mut conn = pool.get().unwrap();
        organizations::table
            .filter(organizations::depth.eq(0))
            .select((organizations::id, organizations::path))
            .first(&mut conn)
            .unwrap()
    };
    let sorted = |mut c: rollup::Counts| {
        c.retain(|r| r.2 != 0);
        let mut m = std::collections::BTreeMap::new();
        for (d, v, n) in c {
            *m.entry((d, v)).or_insert(0) += n;
        }
        m.retain(|_, n| *n != 0);
        m
    };
    let truth = sorted(
        rollup::counts_of(&mut pool.get().unwrap(), root)
            .unwrap()
            .unwrap(),
    );
    let mut threads = Vec::new();
    for t in 0..4 {
        let pool = pool.clone();
        let path = path.clone();
        let truth = truth.clone();
        threads.push(std::thread::spawn(move || {
            let mut conn = pool.get().unwrap();
            // Writers append 6,000 changes per transaction; the folder and the reader loop
            // meanwhile, so that folds commit between a reader's two reads.
            let rounds = if t < 2 { 8 } else { 60 };
            for _ in 0..rounds {
                match t {
                    // Every member of the province leaving and arriving again, in one
                    // transaction: the records are unchanged.
                    0 | 1 => qldv::db::write_transaction(&mut conn, |c| {
                        rollup::shift(c, &path, -1)?;
                        rollup::shift(c, &path, 1)
                    })
                    .unwrap(),
                    2 => {
                        rollup::fold(&mut conn).unwrap();
                    }
                    _ => {
                        let now = sorted(rollup::counts_of(&mut conn, root).unwrap().unwrap());
                        assert_eq!(now, truth);
                    }
                }
            }
        }));
    }
    for t in threads {
        t.join().unwrap();
    }
    let mut conn = pool.get().unwrap();
    rollup::fold(&mut conn).unwrap();
    assert_eq!(
        sorted(rollup::counts_of(&mut conn, root).unwrap().unwrap()),
        truth
    );
    app.assert_invariant();
}

/// Issue 22: the seeder grows 0–6 candidates per cell across the stages, each file accepted
/// step by step by the rules, and none of them is counted as a member.
#[actix_web::test]
async fn a_seeded_province_has_candidates_at_every_early_stage() {
    let app = TestApp::builder().today("2026-11-30").build().await;
    seeded(&app, 1500, 7);
    app.assert_invariant();
    let mut conn = app.state.pool.get().unwrap();
    let candidates: i64 = members::table
        .filter(members::status.eq("candidate"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert!(candidates > 10, "{candidates}");
    let root: String = qldv::db::schema::organizations::table
        .filter(qldv::db::schema::organizations::parent_id.is_null())
        .select(qldv::db::schema::organizations::path)
        .first(&mut conn)
        .unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let stages = qldv::models::candidate::by_stage(&mut conn, &root, today).unwrap();
    assert_eq!(stages.values().sum::<i64>(), candidates);
    let reached = stages.values().filter(|n| **n > 0).count();
    assert!(reached >= 5, "{stages:?}");
    // The seeded files read through the API like any other.
    let admin = app.admin().await;
    let id: i64 = members::table
        .filter(members::status.eq("candidate"))
        .select(members::id)
        .first(&mut conn)
        .unwrap();
    admin
        .get(&format!("/api/v1/candidates/{id}"))
        .await
        .assert_status(200);
}

/// Issue 23, rule 39: the seeder introduces about 15 % of the members of agency cells to a
/// village cell, 80 % of the regular liaisons with last year's comment, the same for the same
/// seed; the residence cell reads them through its liaison view.
#[actix_web::test]
async fn a_seeded_country_has_residence_liaisons_reproducibly() {
    use qldv::db::schema::{liaison_comments, organizations, residence_liaisons};
    type Row = (i64, i64, String, NaiveDate);
    let load = |app: &TestApp| -> (Vec<Row>, Vec<(i64, i32)>) {
        let mut conn = app.state.pool.get().unwrap();
        let liaisons: Vec<Row> = residence_liaisons::table
            .order(residence_liaisons::member_id)
            .select((
                residence_liaisons::member_id,
                residence_liaisons::residence_org_id,
                residence_liaisons::mode,
                residence_liaisons::introduced_on,
            ))
            .load(&mut conn)
            .unwrap();
        let comments: Vec<(i64, i32)> = liaison_comments::table
            .inner_join(
                residence_liaisons::table
                    .on(residence_liaisons::id.eq(liaison_comments::liaison_id)),
            )
            .order(residence_liaisons::member_id)
            .select((residence_liaisons::member_id, liaison_comments::year))
            .load(&mut conn)
            .unwrap();
        (liaisons, comments)
    };
    let app = TestApp::builder().today("2026-11-30").build().await;
    seeded(&app, 6000, 11);
    app.assert_invariant();
    let (liaisons, comments) = load(&app);
    let mut conn = app.state.pool.get().unwrap();
    // Agency cells: the cells of enterprises' committees and the schools' grassroots cells.
    let agency: i64 = members::table
        .inner_join(organizations::table.on(organizations::id.eq(members::organization_id)))
        .filter(
            organizations::kind
                .eq("grassroots_cell")
                .or(organizations::name.like("Chi bộ phòng %")),
        )
        .filter(members::status.eq_any(["official", "probationary"]))
        .count()
        .get_result(&mut conn)
        .unwrap();
    let n = i64::try_from(liaisons.len()).unwrap();
    assert!(agency > 100, "{agency} members of agency cells");
    assert!(
        (n * 100 - agency * 15).abs() <= agency * 4,
        "{n} liaisons for {agency} members of agency cells"
    );
    let regular = liaisons.iter().filter(|l| l.2 == "regular").count();
    assert!(regular * 10 >= liaisons.len() * 8, "{regular} regular");
    assert!(comments.iter().all(|c| c.1 == 2025));
    let share = comments.len() * 100 / regular;
    assert!((70..=90).contains(&share), "{share} % commented");
    // Every residence is a village cell; they read their liaison members.
    let residence = liaisons[0].1;
    let kind: String = organizations::table
        .find(residence)
        .select(organizations::kind)
        .first(&mut conn)
        .unwrap();
    assert_eq!(kind, "cell");
    let view = app
        .admin()
        .await
        .get(&format!(
            "/api/v1/organizations/{residence}/liaison-members"
        ))
        .await;
    view.assert_status(200);
    assert!(!view.json["items"].as_array().unwrap().is_empty());

    // The same seed grows the same liaisons and comments.
    let again = TestApp::builder().today("2026-11-30").build().await;
    seeded(&again, 6000, 11);
    assert_eq!(load(&again), (liaisons, comments));
}

/// Issue 23: the seeded year of meetings and duties (reproducible), with members at two
/// unexcused absences so that recording the third shows the name-removal proposal.
#[actix_web::test]
async fn a_seeded_cell_has_its_year_of_meetings_and_members_one_absence_from_a_proposal() {
    use qldv::db::schema::{meeting_attendance, meetings};
    let app = TestApp::builder().today("2026-11-30").build().await;
    seeded(&app, 1500, 7);
    let mut conn = app.state.pool.get().unwrap();
    let held: i64 = meetings::table.count().get_result(&mut conn).unwrap();
    // Absences of this year per member (the seeded year is 2026).
    let absent: Vec<(i64, i64)> = meeting_attendance::table
        .filter(meeting_attendance::value.eq("absent"))
        .group_by(meeting_attendance::member_id)
        .select((meeting_attendance::member_id, diesel::dsl::count_star()))
        .load(&mut conn)
        .unwrap();
    let two: Vec<i64> = absent.iter().filter(|a| a.1 == 2).map(|a| a.0).collect();
    let cell: i64 = members::table
        .find(two[0])
        .select(members::organization_id)
        .first(&mut conn)
        .unwrap();
    drop(conn);
    assert!(held > 100, "{held} meetings");
    assert!(two.len() > 10, "{} members at two absences", two.len());

    let admin = app.admin().await;
    let year = admin
        .get(&format!("/api/v1/organizations/{cell}/meetings?year=2026"))
        .await;
    year.assert_status(200);
    assert!(year.json["meetings"].as_array().unwrap().len() >= 10);
    let proposed = |alerts: &[Value], id: i64| {
        alerts
            .iter()
            .any(|a| a["kind"] == "name_removal_proposed" && a["member_id"] == id)
    };
    let before = admin
        .get_all(&format!("/api/v1/alerts?organization_id={cell}"), 100)
        .await;
    assert!(!proposed(&before, two[0]));
    // The third unexcused absence, recorded through the API: the proposal appears.
    let sheet = admin
        .get(&format!(
            "/api/v1/organizations/{cell}/attendance-sheet?on=2026-11-25"
        ))
        .await;
    let lines: Vec<Value> = sheet.json["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["derived"].is_null())
        .map(|m| {
            let value = if m["member_id"] == two[0] {
                "absent"
            } else {
                "present"
            };
            json!({"member_id": m["member_id"], "value": value})
        })
        .collect();
    admin
        .post(
            &format!("/api/v1/organizations/{cell}/meetings"),
            json!({"kind": "topical", "held_on": "2026-11-25", "agenda": "Chuyên đề",
                   "attendance": lines}),
        )
        .await
        .assert_status(201);
    let after = admin
        .get_all(&format!("/api/v1/alerts?organization_id={cell}"), 100)
        .await;
    assert!(proposed(&after, two[0]));

    // Reproducible: the same seed gives the same year.
    let other = TestApp::builder().today("2026-11-30").build().await;
    seeded(&other, 1500, 7);
    let mut conn = other.state.pool.get().unwrap();
    let again: i64 = meetings::table.count().get_result(&mut conn).unwrap();
    assert_eq!(again, held);
}

/// Issue 23: the seeded year of dues. On every seeded cell and month, `dues_cell_months` is the
/// sum of its members' `dues_months`; every row balances; some members left months unpaid; the
/// year's dues report of the province balances; the same seed gives the same year.
#[actix_web::test]
async fn the_seeded_dues_sum_into_the_cell_months_and_balance() {
    use qldv::db::schema::{dues_cell_months, dues_months};
    use std::collections::BTreeMap;
    let app = TestApp::builder().today("2026-11-30").build().await;
    seeded(&app, 1500, 11);
    let mut conn = app.state.pool.get().unwrap();
    /// Cell, month, due, paid, deferred, arrears, extra, state.
    type MemberMonth = (i64, i32, i64, i64, i64, i64, i64, String);
    /// Cell, month, members, due, paid, deferred, arrears, extra.
    type CellMonth = (i64, i32, i32, i64, i64, i64, i64, i64);
    let rows: Vec<MemberMonth> = dues_months::table
        .select((
            dues_months::organization_id,
            dues_months::month,
            dues_months::due,
            dues_months::paid,
            dues_months::deferred,
            dues_months::arrears,
            dues_months::extra,
            dues_months::state,
        ))
        .load(&mut conn)
        .unwrap();
    assert!(rows.len() > 1500 * 10, "{} member-months", rows.len());
    let mut sums: BTreeMap<(i64, i32), [i64; 6]> = BTreeMap::new();
    for (org, month, due, paid, deferred, arrears, extra, state) in &rows {
        assert_eq!(*due, paid + deferred + arrears);
        let s = sums.entry((*org, *month)).or_default();
        s[0] += i64::from(state != "not_due");
        s[1] += due;
        s[2] += paid;
        s[3] += deferred;
        s[4] += arrears;
        s[5] += extra;
    }
    let cells: Vec<CellMonth> = dues_cell_months::table
        .select((
            dues_cell_months::organization_id,
            dues_cell_months::month,
            dues_cell_months::members,
            dues_cell_months::due,
            dues_cell_months::paid,
            dues_cell_months::deferred,
            dues_cell_months::arrears,
            dues_cell_months::extra,
        ))
        .load(&mut conn)
        .unwrap();
    assert_eq!(cells.len(), sums.len());
    for (org, month, members, due, paid, deferred, arrears, extra) in cells {
        assert_eq!(
            sums.get(&(org, month)),
            Some(&[i64::from(members), due, paid, deferred, arrears, extra]),
            "cell {org}, month {month}"
        );
    }
    // The report's kept subtree sums are those of the seeded cell-months.
    let problems = qldv::models::dues::subtree::verify(&mut conn).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let unpaid = rows.iter().filter(|r| r.7 == "unpaid").count();
    let deferred = rows.iter().filter(|r| r.7 == "deferred").count();
    assert!(
        unpaid > 0 && deferred > 0,
        "{unpaid} unpaid, {deferred} deferred"
    );
    drop(conn);
    let admin = app.admin().await;
    let province: i64 = {
        let mut conn = app.state.pool.get().unwrap();
        qldv::db::schema::organizations::table
            .filter(qldv::db::schema::organizations::parent_id.is_null())
            .select(qldv::db::schema::organizations::id)
            .first(&mut conn)
            .unwrap()
    };
    let report = admin
        .get(&format!(
            "/api/v1/reports/dues?organization_id={province}&year=2026"
        ))
        .await;
    report.assert_status(200);
    let due: i64 = rows.iter().map(|r| r.2).sum();
    assert!(due > 0);
    assert_eq!(
        total(&report.json, "by_organization"),
        rows.iter().filter(|r| r.7 != "not_due").count() as i64
    );
}
