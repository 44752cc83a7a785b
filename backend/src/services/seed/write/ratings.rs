//! A grassroots organisation's ratings, within the quota, and its closed rounds.

use super::super::Rules;
use super::{Loader, Unit};
use crate::db::DbConn;
use crate::domain::evaluation::{max_excellent, year_end};
use crate::error::AppResult;
use qldv_api_types::regulations::RegulationChain;

impl Loader {
    /// Writes a grassroots organisation's ratings, excellent kept within the quota of each
    /// year, and its closed rounds.
    pub fn close_unit(
        &mut self,
        conn: &mut DbConn,
        rules: &Rules,
        mut unit: Unit,
    ) -> AppResult<()> {
        let years: std::collections::BTreeSet<i32> = unit.ratings.iter().map(|r| r.1).collect();
        for year in years {
            let settings = rules.at(year_end(year));
            let count = |u: &Unit, level: &str| {
                i64::try_from(
                    u.ratings
                        .iter()
                        .filter(|r| r.1 == year && r.2 == level)
                        .count(),
                )
                .unwrap_or(0)
            };
            // Demote excellent ratings beyond the quota (each demotion also raises it).
            while count(&unit, "excellent")
                > max_excellent(count(&unit, "good"), settings.excellent_quota_percent)
            {
                if let Some(r) = unit
                    .ratings
                    .iter_mut()
                    .find(|r| r.1 == year && r.2 == "excellent")
                {
                    r.2 = "good";
                }
            }
            let levels = ["excellent", "good", "complete", "not_complete"];
            let counts: Vec<i64> = levels.iter().map(|l| count(&unit, l)).collect();
            let rid = self.next(6);
            self.full |= self.rounds.push(&[
                rid.into(),
                unit.org.into(),
                year.into(),
                "closed".into(),
                counts.iter().sum::<i64>().into(),
                counts[0].into(),
                counts[1].into(),
                counts[2].into(),
                counts[3].into(),
                0i64.into(),
                settings.document(RegulationChain::Evaluation).into(),
                self.now.into(),
                self.now.into(),
            ]);
        }
        for (member, year, level) in unit.ratings {
            let settings = rules.at(year_end(year));
            let score: Option<i64> = settings.score_bands.map(|[a, b, c]| {
                let (lo, hi) = match level {
                    "excellent" => (a, 100),
                    "good" => (b, a - 1),
                    "complete" => (c, b - 1),
                    _ => (c.saturating_sub(20), c - 1),
                };
                i64::from(lo + (u32::try_from(member).unwrap_or(0) % (hi - lo + 1)))
            });
            let id = self.next(5);
            self.full |= self.ratings.push(&[
                id.into(),
                member.into(),
                year.into(),
                unit.org.into(),
                level.into(),
                score.into(),
                settings.document(RegulationChain::Evaluation).into(),
                1i64.into(),
                self.now.into(),
                self.now.into(),
            ]);
            self.summary.evaluations += 1;
        }
        self.flush_if_full(conn)
    }
}
