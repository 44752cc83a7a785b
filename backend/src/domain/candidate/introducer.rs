//! Rule 25: who may introduce a candidate. An official member who has worked, studied or lived
//! with the candidate for at least 12 months in the same unit under the grassroots
//! organisation (Điều lệ art. 4 §2; 24-QĐ/TW §3.2.1). When an introducer moves away, is
//! disciplined or otherwise cannot go on, the cell assigns another official member, who need not
//! have the 12 months (24-QĐ/TW §3.2.2).

use chrono::NaiveDate;
use qldv_api_types::MemberId;

use crate::domain::calendar::full_months;
use crate::domain::discipline::Discipline;
use crate::domain::settings::RuleSettings;

/// An introducer, with the facts the caller gathers about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Introducer {
    /// The member who introduces.
    pub member: MemberId,
    /// Recognised official on (`None`: probationary, so not yet allowed to introduce).
    pub official_on: Option<NaiveDate>,
    /// Has worked, studied or lived with the candidate in the same unit since.
    pub together_since: NaiveDate,
    /// Left the grassroots organisation (transfer, exit) on, if so.
    pub left_on: Option<NaiveDate>,
    /// The member's disciplines (rule 11 schedules them).
    pub disciplines: Vec<Discipline>,
    /// Assigned by the cell in place of an introducer who can no longer go on (24-QĐ/TW
    /// §3.2.2): the 12 months together are not required.
    pub replacing: bool,
}

/// Why a member cannot introduce the candidate (on a given date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntroducerRefusal {
    /// Not an official member on that date.
    NotOfficial,
    /// Fewer months together than required.
    TooShortTogether {
        /// Whole months together on that date.
        months: u32,
        /// Months required (a setting, 12).
        needed: u32,
    },
    /// Left the grassroots organisation on this date.
    Left {
        /// The date.
        on: NaiveDate,
    },
    /// A discipline is in force on that date.
    Disciplined,
    /// Marked as a replacement, but no introducer recorded before has left or been
    /// disciplined.
    NothingToReplace,
}

impl Introducer {
    /// Whether the member can still stand as introducer on `on`: official, not left, no
    /// discipline in force. The months together are checked once, on the introduction's date
    /// ([`Introducer::check_introduction`]).
    pub fn standing(&self, on: NaiveDate) -> Result<(), IntroducerRefusal> {
        if let Some(left) = self.left_on.filter(|l| *l <= on) {
            return Err(IntroducerRefusal::Left { on: left });
        }
        if self.official_on.is_none_or(|o| o > on) {
            return Err(IntroducerRefusal::NotOfficial);
        }
        if self.disciplines.iter().any(|d| d.in_force(on)) {
            return Err(IntroducerRefusal::Disciplined);
        }
        Ok(())
    }

    /// Rule 25 on the introduction's date: standing, and at least the required months together
    /// unless replacing an introducer who cannot go on.
    pub fn check_introduction(
        &self,
        on: NaiveDate,
        s: &RuleSettings,
    ) -> Result<(), IntroducerRefusal> {
        self.standing(on)?;
        if self.replacing {
            return Ok(());
        }
        let months = full_months(self.together_since, on);
        if months < s.introducer_together_months {
            return Err(IntroducerRefusal::TooShortTogether {
                months,
                needed: s.introducer_together_months,
            });
        }
        Ok(())
    }
}
