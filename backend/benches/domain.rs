//! In-process benchmarks of the work every request or import row repeats: folding and ordering
//! Vietnamese names, party age over interruptions, CCCD checks.
//!   cargo bench -p qldv --bench domain
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use qldv::domain::cccd::{self, Gender};
use qldv::domain::party_age::{self, PartyAgeFacts, Period};
use qldv::domain::vn_text;

const NAMES: [&str; 8] = [
    "Nguyễn Văn Hùng",
    "Trần Thị Ánh Tuyết",
    "Lê Đức Thắng",
    "Phạm Thị Hồng Nhung",
    "Hoàng Văn Đạt",
    "Đỗ Thị Lan",
    "Vũ Quang Huy",
    "Bùi Thị Thu Hương",
];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn names(c: &mut Criterion) {
    c.bench_function("fold 8 names", |b| {
        b.iter(|| {
            NAMES
                .iter()
                .map(|n| vn_text::fold(black_box(n)))
                .collect::<Vec<_>>()
        })
    });
    c.bench_function("sort key of 8 names", |b| {
        b.iter(|| {
            NAMES
                .iter()
                .map(|n| vn_text::sort_key(black_box(n)))
                .collect::<Vec<_>>()
        })
    });
    c.bench_function("query words", |b| {
        b.iter(|| vn_text::query_words(black_box("Nguyễn văn HÙNG")))
    });
}

fn party_age(c: &mut Criterion) {
    let facts = PartyAgeFacts {
        first_decision: date(1975, 3, 2),
        recognised: true,
        interruptions: vec![
            Period {
                from: date(1990, 1, 1),
                to: Some(date(1992, 6, 1)),
            },
            Period {
                from: date(1991, 5, 1),
                to: Some(date(1993, 1, 1)),
            },
            Period {
                from: date(2001, 1, 1),
                to: Some(date(2001, 2, 1)),
            },
        ],
    };
    c.bench_function("party age with 3 overlapping interruptions", |b| {
        b.iter(|| party_age::party_age(black_box(&facts), black_box(date(2026, 12, 1))))
    });
}

fn national_ids(c: &mut Criterion) {
    c.bench_function("CCCD check", |b| {
        b.iter(|| cccd::check(black_box("031085001234"), Gender::Male, date(1985, 4, 1)))
    });
}

criterion_group!(benches, names, party_age, national_ids);
criterion_main!(benches);
