//! One generated member: identity, dossier and history, decided from the random stream and the
//! rules in force, with the state derived exactly as the server derives it from events.

use chrono::{Datelike, Duration, NaiveDate};
use rand::Rng;

use super::names::{self, pick};
use super::Rules;
use crate::domain::calendar::add_months;
use crate::domain::lifecycle::{self, Derived, Fact};

/// How a member's time in the party went.
#[derive(Debug, Clone)]
pub struct History {
    /// Admission decision.
    pub decision: NaiveDate,
    /// Ceremony.
    pub ceremony: NaiveDate,
    /// Official date, once probation ended.
    pub official_on: Option<NaiveDate>,
    /// A transfer in from another cell on this date.
    pub transferred_on: Option<NaiveDate>,
    /// Exit date and reason.
    pub exit: Option<(NaiveDate, &'static str)>,
    /// The state the events give.
    pub derived: Derived,
}

/// A generated person.
#[derive(Debug, Clone)]
pub struct Person {
    /// Full name.
    pub full_name: String,
    /// `male` or `female`.
    pub gender: &'static str,
    /// Birth date.
    pub birth: NaiveDate,
    /// Ethnic group.
    pub ethnicity: &'static str,
    /// Religion.
    pub religion: &'static str,
    /// Occupation.
    pub occupation: &'static str,
    /// General education.
    pub education: &'static str,
    /// Political theory (API value).
    pub theory: &'static str,
    /// Home village.
    pub hometown: String,
    /// Mobile number.
    pub phone: String,
}

/// A name, gender and the rest of the dossier.
pub fn person<R: Rng>(rng: &mut R, province: &str) -> Person {
    let male = rng.gen_bool(0.64);
    let family = pick(rng, names::FAMILY);
    let (middle, given) = if male {
        (pick(rng, names::MIDDLE_MALE), pick(rng, names::GIVEN_MALE))
    } else {
        (
            pick(rng, names::MIDDLE_FEMALE),
            pick(rng, names::GIVEN_FEMALE),
        )
    };
    let place = |rng: &mut R| names::PLACES[rng.gen_range(0..names::PLACES.len())];
    Person {
        full_name: format!("{family} {middle} {given}"),
        gender: if male { "male" } else { "female" },
        birth: NaiveDate::MIN,
        ethnicity: pick(rng, names::ETHNICITY),
        religion: pick(rng, names::RELIGION),
        occupation: pick(rng, names::OCCUPATION),
        education: pick(rng, names::EDUCATION),
        theory: pick(rng, names::THEORY),
        hometown: format!("Xã {} {}, {province}", place(rng), place(rng)),
        phone: format!("09{:08}", rng.gen_range(0..100_000_000u32)),
    }
}

/// Admission, probation, and for some a transfer or an exit; `None` when the dates would not
/// fit before `today` (the caller draws again).
pub fn history<R: Rng>(
    rng: &mut R,
    rules: &Rules,
    today: NaiveDate,
    can_transfer: bool,
) -> Option<(NaiveDate, History)> {
    // More members were admitted recently; some have sixty years of party age.
    let years_ago: f64 = 60.0 * rng.gen::<f64>().powf(1.4);
    let days_ago = (years_ago * 365.25) as i64 + 40;
    let decision = today - Duration::days(days_ago);
    let ceremony = decision + Duration::days(rng.gen_range(5..25));
    if ceremony >= today {
        return None;
    }
    // Admitted at 18 to about 45, in whole years plus some days.
    let age_years = 18 + (27.0 * rng.gen::<f64>().powf(2.0)) as i32;
    let birth = decision
        .with_year(decision.year() - age_years)?
        .checked_sub_signed(Duration::days(rng.gen_range(1..360)))?;
    let official = add_months(ceremony, rules.at(ceremony).probation_months);
    let official_on = (official <= today).then_some(official);
    let mut facts = vec![Fact::Admitted {
        decision,
        ceremony,
        first_decision: decision,
    }];
    if let Some(o) = official_on {
        facts.push(Fact::Recognized(o));
    }
    let span = (today - ceremony).num_days();
    let transferred_on = (can_transfer && span > 400 && rng.gen_bool(0.08))
        .then(|| ceremony + Duration::days(rng.gen_range(200..span - 100)));
    if let Some(t) = transferred_on {
        facts.push(Fact::TransferLeft(t));
        facts.push(Fact::TransferArrived(t));
    }
    let exit = (official_on.is_some() && span > 1200 && rng.gen_bool(0.02)).then(|| {
        let after = transferred_on.unwrap_or(ceremony);
        let on = after + Duration::days(rng.gen_range(400..(today - after).num_days().max(401)));
        let old = (on - birth).num_days() > 60 * 365;
        let reason = match rng.gen_range(0..100) {
            0..=49 if old => "deceased",
            0..=39 => "name_removed",
            40..=74 => "resigned",
            _ => "expelled",
        };
        (on.min(today - Duration::days(1)), reason)
    });
    if let Some((on, _)) = exit {
        facts.push(Fact::Exited(on));
    }
    let derived = lifecycle::derive(&facts)?;
    Some((
        birth,
        History {
            decision,
            ceremony,
            official_on,
            transferred_on,
            exit,
            derived,
        },
    ))
}

/// A CCCD agreeing with the gender and birth year (rule 21): province code, century and gender
/// digit, two digits of the year, a serial.
pub fn national_id(province_code: u16, gender: &str, birth: NaiveDate, serial: u32) -> String {
    let century = if birth.year() >= 2000 { 2 } else { 0 };
    let marker = century + u32::from(gender == "female");
    format!(
        "{province_code:03}{marker}{:02}{:06}",
        birth.year() % 100,
        serial % 1_000_000
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cccd::{self, Gender};

    #[test]
    fn generated_cccds_agree_with_gender_and_birth_year() {
        let cases = [
            ("male", "1980-04-12"),
            ("female", "1985-09-01"),
            ("male", "2003-01-30"),
            ("female", "2004-12-31"),
        ];
        for (i, (gender, born)) in cases.into_iter().enumerate() {
            let birth: NaiveDate = born.parse().unwrap_or_default();
            let id = national_id(31, gender, birth, u32::try_from(i).unwrap_or(0));
            let g = if gender == "male" {
                Gender::Male
            } else {
                Gender::Female
            };
            assert!(cccd::check(&id, g, birth).is_ok(), "{id}");
        }
    }
}
