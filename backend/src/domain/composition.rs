//! The composition report's categories (gender, age band, ethnicity, …, standing) and the counts
//! kept ahead of time for it: what one member contributes, and how stored counts become the
//! report's categories on a given day. Pure, so the per-member path, the stored counts and the
//! SQL the history is counted with are held to the same answers by tests.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

/// The attributes counted by value, in the order of [`Facts::values`] (each a report dimension
/// of the same name).
pub const VALUE_DIMS: [&str; 9] = [
    "gender",
    "ethnicity",
    "religion",
    "education_general",
    "professional_qualification",
    "academic_degree",
    "academic_title",
    "political_theory",
    "occupation",
];

/// The stored dimension of birth dates (by day; the report's day turns them into age bands).
pub const BIRTH: &str = "birth_date";
/// The stored dimension of dates of recognition as official (by day; empty when none).
pub const OFFICIAL: &str = "official_on";

/// Age bands: the highest age of each band, and its key; older is [`OLDEST_BAND`].
pub const AGE_BANDS: [(i32, &str); 5] = [
    (30, "to_30"),
    (40, "31_40"),
    (50, "41_50"),
    (60, "51_60"),
    (70, "61_70"),
];
/// The band of everyone older than the last of [`AGE_BANDS`].
pub const OLDEST_BAND: &str = "over_70";

/// What one active member contributes to the composition counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// The values of [`VALUE_DIMS`], trimmed, `None` when blank.
    pub values: [Option<String>; 9],
    /// Date of birth.
    pub birth_date: NaiveDate,
    /// Date of recognition as an official member, if any.
    pub official_on: Option<NaiveDate>,
}

impl Facts {
    /// The facts of a record (values as stored; blanks and surrounding spaces do not count).
    pub fn new(
        values: [Option<&str>; 9],
        birth_date: NaiveDate,
        official_on: Option<NaiveDate>,
    ) -> Self {
        Self {
            values: values.map(|v| {
                v.map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_string)
            }),
            birth_date,
            official_on,
        }
    }

    /// The stored `(dimension, value)` keys this member is counted under: one per value
    /// dimension (`""` for none), its birth date and its date of recognition (`""` for none).
    pub fn keys(&self) -> impl Iterator<Item = (&'static str, String)> + '_ {
        VALUE_DIMS
            .iter()
            .zip(&self.values)
            .map(|(d, v)| (*d, v.clone().unwrap_or_default()))
            .chain([
                (BIRTH, iso(self.birth_date)),
                (OFFICIAL, self.official_on.map(iso).unwrap_or_default()),
            ])
    }
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Age in whole years on `day` (a birthday counts from the day itself; 29 February's from
/// 1 March in other years).
pub fn age_on(birth: NaiveDate, day: NaiveDate) -> i32 {
    day.year() - birth.year() - i32::from((day.month(), day.day()) < (birth.month(), birth.day()))
}

/// The age band of an age.
pub fn age_band(age: i32) -> &'static str {
    AGE_BANDS
        .iter()
        .find(|(top, _)| age <= *top)
        .map_or(OLDEST_BAND, |(_, key)| key)
}

/// `official` when recognised by `day`, else `probationary`.
pub fn standing(official_on: Option<NaiveDate>, day: NaiveDate) -> &'static str {
    if official_on.is_some_and(|o| o <= day) {
        "official"
    } else {
        "probationary"
    }
}

/// The report's categories on `day` from stored counts (`(dimension, value) → members`):
/// `(dimension, category) → members` with `None` for a blank value, the age bands under `age`,
/// standing under `standing`, and `total`/`total`. Categories counting nobody are left out, as
/// a `GROUP BY` leaves them out. Unknown dimensions and unreadable dates are ignored.
pub fn categories<'a>(
    counts: impl IntoIterator<Item = (&'a str, &'a str, i64)>,
    day: NaiveDate,
) -> BTreeMap<(String, Option<String>), i64> {
    let mut out: BTreeMap<(String, Option<String>), i64> = BTreeMap::new();
    for (dim, val, n) in counts {
        let (key, category) = match dim {
            BIRTH => {
                let Ok(birth) = NaiveDate::parse_from_str(val, "%Y-%m-%d") else {
                    continue;
                };
                *out.entry(("total".into(), Some("total".into())))
                    .or_default() += n;
                ("age", Some(age_band(age_on(birth, day))))
            }
            OFFICIAL => {
                let official = NaiveDate::parse_from_str(val, "%Y-%m-%d").ok();
                ("standing", Some(standing(official, day)))
            }
            d => match VALUE_DIMS.iter().find(|k| **k == d) {
                Some(k) => (*k, None),
                None => continue,
            },
        };
        let category = category
            .map(str::to_string)
            .or_else(|| Some(val.to_string()).filter(|v| !v.is_empty()));
        *out.entry((key.to_string(), category)).or_default() += n;
    }
    out.retain(|_, n| *n != 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn age_counts_whole_years_from_the_birthday() {
        assert_eq!(age_on(d(1990, 5, 17), d(2020, 5, 16)), 29);
        assert_eq!(age_on(d(1990, 5, 17), d(2020, 5, 17)), 30);
        assert_eq!(age_on(d(2000, 2, 29), d(2027, 2, 28)), 26);
        assert_eq!(age_on(d(2000, 2, 29), d(2027, 3, 1)), 27);
        assert_eq!(age_on(d(2000, 2, 29), d(2028, 2, 29)), 28);
    }

    #[test]
    fn bands_are_closed_at_their_top() {
        assert_eq!(age_band(18), "to_30");
        assert_eq!(age_band(30), "to_30");
        assert_eq!(age_band(31), "31_40");
        assert_eq!(age_band(70), "61_70");
        assert_eq!(age_band(71), "over_70");
    }

    #[test]
    fn blanks_count_as_none_and_values_are_trimmed() {
        let f = Facts::new(
            [
                Some("male"),
                Some(" Kinh "),
                Some("  "),
                None,
                None,
                None,
                None,
                None,
                None,
            ],
            d(1980, 1, 2),
            None,
        );
        let keys: Vec<_> = f.keys().collect();
        assert_eq!(keys[1], ("ethnicity", "Kinh".to_string()));
        assert_eq!(keys[2], ("religion", String::new()));
        assert_eq!(keys[9], (BIRTH, "1980-01-02".to_string()));
        assert_eq!(keys[10], (OFFICIAL, String::new()));
        let c = categories(keys.iter().map(|(k, v)| (*k, v.as_str(), 1)), d(2026, 1, 1));
        assert_eq!(c[&("religion".into(), None)], 1);
        assert_eq!(c[&("age".into(), Some("41_50".into()))], 1);
        assert_eq!(c[&("standing".into(), Some("probationary".into()))], 1);
        assert_eq!(c[&("total".into(), Some("total".into()))], 1);
    }

    fn facts() -> impl Strategy<Value = Facts> {
        let value = proptest::option::of(prop_oneof![Just(""), Just("a"), Just(" a"), Just("b")]);
        (
            proptest::array::uniform9(value),
            0i64..30_000,
            proptest::option::of(0i64..30_000),
        )
            .prop_map(|(values, b, o)| {
                let base = d(1940, 1, 1);
                Facts::new(
                    values,
                    base + chrono::Duration::days(b),
                    o.map(|o| base + chrono::Duration::days(o)),
                )
            })
    }

    proptest! {
        /// Counting the stored keys of many members, with some changes undone (a -1 and a +1
        /// of the same facts), gives each member's own categories summed: what the report
        /// computes member by member.
        #[test]
        fn stored_counts_give_each_members_categories(
            members in proptest::collection::vec(facts(), 0..40),
            undone in proptest::collection::vec(facts(), 0..10),
            day in 0i64..40_000,
        ) {
            let day = d(1940, 1, 1) + chrono::Duration::days(day);
            let mut stored: BTreeMap<(&str, String), i64> = BTreeMap::new();
            for f in &members {
                for k in f.keys() { *stored.entry(k).or_default() += 1; }
            }
            for f in &undone {
                for k in f.keys() { *stored.entry(k.clone()).or_default() += 1; }
                for k in f.keys() { *stored.entry(k).or_default() -= 1; }
            }
            let got = categories(stored.iter().map(|((k, v), n)| (*k, v.as_str(), *n)), day);
            let mut want: BTreeMap<(String, Option<String>), i64> = BTreeMap::new();
            for f in &members {
                for (k, v) in VALUE_DIMS.iter().zip(&f.values) {
                    *want.entry(((*k).to_string(), v.clone())).or_default() += 1;
                }
                let age = age_band(age_on(f.birth_date, day)).to_string();
                *want.entry(("age".into(), Some(age))).or_default() += 1;
                let st = standing(f.official_on, day).to_string();
                *want.entry(("standing".into(), Some(st))).or_default() += 1;
                *want.entry(("total".into(), Some("total".into()))).or_default() += 1;
            }
            prop_assert_eq!(got, want);
        }
    }
}
