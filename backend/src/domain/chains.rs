//! The regulation chains: which document of each chain is in force on a date, which chain a
//! setting belongs to, and the digest that tells two installations whether they judge by the
//! same rules.

use crate::messages::{text, Text};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};

pub use qldv_api_types::changes::SyncWarningCode;
pub use qldv_api_types::regulations::RegulationChain;

/// One document's place in a chain: in force in `chain` from `from`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The chain.
    pub chain: RegulationChain,
    /// The document's code.
    pub code: String,
    /// The day it came into force in that chain.
    pub from: NaiveDate,
}

/// The chain a setting key belongs to, by its prefix (`evaluation.`, `badge.`, `discipline.`,
/// `dues.`, `annulment.`); every other key (admission, probation, transfers, cards, records, the calendar) is
/// the charter regulation's.
pub fn chain_of_key(key: &str) -> RegulationChain {
    match key.split('.').next().unwrap_or_default() {
        "evaluation" => RegulationChain::Evaluation,
        "badge" => RegulationChain::Badge,
        "discipline" => RegulationChain::Discipline,
        "dues" => RegulationChain::Dues,
        "annulment" => RegulationChain::Annulment,
        _ => RegulationChain::Charter,
    }
}

/// The document of `chain` in force on `date`: the one of that chain with the latest date of
/// force not after `date`; before the chain's first document, the first one (a decision older
/// than every recorded document is judged by the oldest). `None` when the chain is empty.
pub fn in_force(links: &[Link], chain: RegulationChain, date: NaiveDate) -> Option<&str> {
    let of_chain = || links.iter().filter(move |l| l.chain == chain);
    of_chain()
        .filter(|l| l.from <= date)
        .max_by(|a, b| a.from.cmp(&b.from).then_with(|| a.code.cmp(&b.code)))
        .or_else(|| of_chain().min_by(|a, b| a.from.cmp(&b.from)))
        .map(|l| l.code.as_str())
}

/// The documents in force on `date`, one per chain (in [`RegulationChain::ALL`] order; an
/// empty chain falls back to the charter's document).
pub fn documents_on(links: &[Link], date: NaiveDate) -> Vec<(RegulationChain, String)> {
    use qldv_api_types::Term;
    let charter = in_force(links, RegulationChain::Charter, date).unwrap_or_default();
    RegulationChain::ALL
        .iter()
        .map(|c| (*c, in_force(links, *c, date).unwrap_or(charter).to_string()))
        .collect()
}

/// Whether a new document may enter `chain` from `from`: not before the chain's document now
/// in force began (a chain moves forward; a back-dated replacement would rewrite how decisions
/// already stored were judged), and not as a second document on the same day.
pub fn check_new_link(links: &[Link], chain: RegulationChain, from: NaiveDate) -> Result<(), Text> {
    match links
        .iter()
        .filter(|l| l.chain == chain)
        .map(|l| l.from)
        .max()
    {
        Some(last) if from <= last => Err(text!(
            "Văn bản mới phải có hiệu lực sau ngày {} (văn bản gần nhất của chuỗi)",
            "A new document comes into force after {} (the chain's latest)",
            last.format("%d/%m/%Y")
        )),
        _ => Ok(()),
    }
}

/// SHA-256 (hex) of the chains and the values stored for them: two installations with the same
/// digest judge every date by the same documents and parameters. Keys stored under a document of
/// another chain are not read, so they do not count.
pub fn digest(links: &[Link], settings: &[(String, String, String)]) -> String {
    use qldv_api_types::Term;
    let mut lines: Vec<String> = links
        .iter()
        .map(|l| format!("L\t{}\t{}\t{}", l.chain.code(), l.code, l.from))
        .collect();
    lines.extend(settings.iter().filter_map(|(code, key, value)| {
        let chain = chain_of_key(key);
        links
            .iter()
            .any(|l| l.chain == chain && &l.code == code)
            .then(|| format!("S\t{code}\t{key}\t{}", value.trim()))
    }));
    lines.sort_unstable();
    lines.dedup();
    let mut h = Sha256::new();
    for l in &lines {
        h.update(l.as_bytes());
        h.update(b"\n");
    }
    hex(&h.finalize())
}

/// Whether a sync package judged by the sender's settings (`sender`: version and digest, when
/// the package carries them) agrees with this installation's digest: `None` when it does, else
/// what to warn of. Versions are each installation's own counters; only digests compare.
pub fn compare_settings(sender: Option<(i64, &str)>, here: &str) -> Option<SyncWarningCode> {
    match sender {
        None => Some(SyncWarningCode::SettingsUnknown),
        Some((_, digest)) if digest == here => None,
        Some(_) => Some(SyncWarningCode::SettingsDiffer),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use RegulationChain::{Badge, Charter, Discipline, Dues, Evaluation};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn link(chain: RegulationChain, code: &str, from: NaiveDate) -> Link {
        Link {
            chain,
            code: code.into(),
            from,
        }
    }

    /// The chains as DOMAIN.md lists them.
    fn seeded() -> Vec<Link> {
        vec![
            link(Charter, "29-QĐ/TW", d(2016, 7, 25)),
            link(Charter, "24-QĐ/TW", d(2021, 7, 30)),
            link(Charter, "232-QĐ/TW", d(2025, 1, 20)),
            link(Charter, "294-QĐ/TW", d(2025, 7, 1)),
            link(Badge, "29-QĐ/TW", d(2016, 7, 25)),
            link(Badge, "24-QĐ/TW", d(2021, 7, 30)),
            link(Badge, "232-QĐ/TW", d(2025, 1, 20)),
            link(Badge, "294-QĐ/TW", d(2025, 7, 1)),
            link(Evaluation, "132-QĐ/TW", d(2018, 3, 8)),
            link(Evaluation, "124-QĐ/TW", d(2023, 10, 4)),
            link(Evaluation, "366-QĐ/TW", d(2025, 8, 30)),
            link(Discipline, "69-QĐ/TW", d(2022, 7, 6)),
            link(Dues, "342-QĐ/TW", d(2010, 12, 28)),
            link(Dues, "01-QĐ/TW", d(2026, 2, 3)),
        ]
    }

    #[test]
    fn each_chain_moves_on_its_own_dates() {
        let l = seeded();
        // 294-QĐ/TW was signed on 26 May 2025 but is in force from 1 July 2025.
        assert_eq!(in_force(&l, Charter, d(2025, 6, 30)), Some("232-QĐ/TW"));
        assert_eq!(in_force(&l, Charter, d(2025, 7, 1)), Some("294-QĐ/TW"));
        assert_eq!(in_force(&l, Charter, d(2025, 1, 19)), Some("24-QĐ/TW"));
        // The evaluation of 2025 (judged at the year's end) is 366-QĐ/TW's, of 2024 124-QĐ/TW's.
        assert_eq!(in_force(&l, Evaluation, d(2025, 12, 31)), Some("366-QĐ/TW"));
        assert_eq!(in_force(&l, Evaluation, d(2024, 12, 31)), Some("124-QĐ/TW"));
        assert_eq!(in_force(&l, Evaluation, d(2023, 10, 3)), Some("132-QĐ/TW"));
        // Never a charter document for an evaluation, nor the other way round.
        assert_eq!(in_force(&l, Discipline, d(2025, 12, 31)), Some("69-QĐ/TW"));
        assert_eq!(in_force(&l, Dues, d(2026, 2, 2)), Some("342-QĐ/TW"));
        assert_eq!(in_force(&l, Dues, d(2026, 2, 3)), Some("01-QĐ/TW"));
    }

    #[test]
    fn before_a_chains_first_document_its_first_one_judges() {
        let l = seeded();
        assert_eq!(in_force(&l, Evaluation, d(2010, 1, 1)), Some("132-QĐ/TW"));
        assert_eq!(in_force(&l, Discipline, d(2000, 1, 1)), Some("69-QĐ/TW"));
        assert_eq!(in_force(&[], Charter, d(2000, 1, 1)), None);
        let docs = documents_on(&l[..4], d(2024, 1, 1));
        // Chains without a document fall back to the charter's.
        assert!(docs.iter().all(|(_, code)| code == "24-QĐ/TW"));
    }

    #[test]
    fn keys_belong_to_one_chain() {
        assert_eq!(chain_of_key("evaluation.quota_base"), Evaluation);
        assert_eq!(chain_of_key("badge.milestones"), Badge);
        assert_eq!(chain_of_key("discipline.lapse_months"), Discipline);
        assert_eq!(chain_of_key("dues.retiree_percent"), Dues);
        assert_eq!(chain_of_key("admission.min_age_months"), Charter);
        assert_eq!(chain_of_key("records.entry_deadline_days"), Charter);
    }

    #[test]
    fn a_chain_only_moves_forward() {
        let l = seeded();
        assert!(check_new_link(&l, Dues, d(2026, 2, 3)).is_err());
        assert!(check_new_link(&l, Dues, d(2026, 2, 4)).is_ok());
        assert!(check_new_link(&l, Evaluation, d(2020, 1, 1)).is_err());
        assert!(check_new_link(&[], Evaluation, d(2020, 1, 1)).is_ok());
    }

    #[test]
    fn the_digest_changes_with_a_value_of_the_chain_only() {
        let l = seeded();
        let s = |v: &str| {
            vec![(
                "366-QĐ/TW".to_string(),
                "evaluation.excellent_quota_percent".to_string(),
                v.to_string(),
            )]
        };
        assert_eq!(digest(&l, &s("20")), digest(&l, &s(" 20 ")));
        assert_ne!(digest(&l, &s("20")), digest(&l, &s("25")));
        // A key stored under a document of another chain is never read: it does not count.
        let stray = vec![(
            "294-QĐ/TW".to_string(),
            "evaluation.excellent_quota_percent".to_string(),
            "99".to_string(),
        )];
        assert_eq!(digest(&l, &stray), digest(&l, &[]));
        assert_ne!(digest(&l, &[]), digest(&l[..3], &[]));
        assert_eq!(digest(&l, &[]).len(), 64);
    }

    #[test]
    fn a_package_judged_by_other_settings_is_said_so() {
        assert_eq!(compare_settings(Some((7, "abc")), "abc"), None);
        // The same digest under another counter is the same rules.
        assert_eq!(compare_settings(Some((1, "abc")), "abc"), None);
        assert_eq!(
            compare_settings(Some((7, "abc")), "abd"),
            Some(SyncWarningCode::SettingsDiffer)
        );
        assert_eq!(
            compare_settings(None, "abc"),
            Some(SyncWarningCode::SettingsUnknown)
        );
    }

    fn chain_strategy() -> impl Strategy<Value = RegulationChain> {
        prop_oneof![
            Just(Charter),
            Just(Badge),
            Just(Evaluation),
            Just(Discipline),
            Just(Dues)
        ]
    }

    proptest! {
        /// The document in force on a date never depends on documents that came into force
        /// after it (once the chain has one in force by then), and it is one of the chain's.
        #[test]
        fn later_documents_never_change_the_past(
            days in proptest::collection::vec((chain_strategy(), 0i64..20_000), 1..12),
            on in 0i64..20_000, later in 1i64..5_000, chain in chain_strategy())
        {
            let base = d(1990, 1, 1);
            let links: Vec<Link> = days.iter().enumerate().map(|(i, (c, n))| Link {
                chain: *c, code: format!("doc{i}"), from: base + chrono::Days::new(*n as u64),
            }).collect();
            let date = base + chrono::Days::new(on as u64);
            let before = in_force(&links, chain, date).map(str::to_string);
            if let Some(code) = &before {
                prop_assert!(links.iter().any(|l| &l.code == code && l.chain == chain));
            } else {
                prop_assert!(links.iter().all(|l| l.chain != chain));
            }
            let started = links.iter().any(|l| l.chain == chain && l.from <= date);
            let mut more = links.clone();
            more.push(Link { chain, code: "new".into(), from: date + chrono::Days::new(later as u64) });
            if started {
                prop_assert_eq!(in_force(&more, chain, date).map(str::to_string), before);
            }
        }
    }
}
