//! Party badges (rules 18–20): the eligibility engine.
//!
//! A milestone `m` is reached on the day party age (rule 5) becomes `m` years: the first admission
//! decision plus `m` years, moved later by the closed interruptions; an open interruption (an exit,
//! a transfer gap) freezes party age, so nothing is reached after it began. With a recorded serious
//! illness a milestone may be awarded up to 12 months early (up to 65 years) or 24 months early
//! (from 70). The deceased get a badge only posthumously, judged on their party age at death,
//! and up to 12 months early (a setting; HD 01-HD/TW §18.2). A re-admitted member on a new
//! probation gets none until recognised again. Members who were expelled, removed or resigned get
//! none. Occasions: see [`occasion`].
//!
//! Discipline (rule 20): a badge waits 6 / 9 / 12 months (settings of the regulation in force on
//! the occasion; under 29-QĐ/TW a reprimand did not block, a warning waited 6 months) from the
//! decision of a reprimand / warning / dismissal — the waiting times of the regulation, which
//! replace the general 12-month lapse of rule 11 for badges — and after the wait only once the
//! cell has recognised that the member remedied the fault (recorded). While a complaint or
//! re-offence is recorded the discipline stays in force and blocks the badge without end, and
//! while a discipline is under consideration the badge waits for the outcome.

use crate::messages::text;
use chrono::NaiveDate;
use qldv_api_types::badges::ProposalStatus;

use super::calendar::add_months;
use super::party_age::{self, PartyAgeFacts, Period};
use super::settings::RuleSettings;
use super::Violation;

mod block;
pub mod occasion;

use block::discipline_check;
pub use block::{blocked, BadgeDiscipline, Block};

/// Where the member stands, as far as badges are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Probationary or official (exempt and working-away members included).
    Active,
    /// Died on this date: posthumous awards only.
    Deceased(NaiveDate),
    /// Expelled, removed or resigned: no badge.
    Gone,
}

/// Everything eligibility depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadgeFacts {
    /// Party age facts (rule 5).
    pub age: PartyAgeFacts,
    /// Standing.
    pub standing: Standing,
    /// Start of the earliest recorded serious illness.
    pub serious_illness_since: Option<NaiveDate>,
    /// Discipline decisions.
    pub disciplines: Vec<BadgeDiscipline>,
    /// Periods while a discipline of the member was under consideration (an inspection or a
    /// proposal to discipline, from its opening to its settlement; rule 20).
    pub under_consideration: Vec<Period>,
    /// On a new probation after a re-admission: not eligible until recognised again (rule 19).
    pub on_probation: bool,
    /// Highest milestone already awarded (0 for none); a badge returned on an exit still counts,
    /// since each milestone comes once.
    pub held: u32,
}

/// An eligibility for one milestone on one occasion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Eligibility {
    /// The milestone (years).
    pub milestone: u32,
    /// Whole years of party age on the occasion (at death for the deceased).
    pub party_age_years: u32,
    /// Awarded before the milestone was reached: for a serious illness, or posthumously.
    pub early: bool,
    /// Awarded posthumously.
    pub posthumous: bool,
}

/// Why an award is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The milestone is held already (409).
    AlreadyHeld,
    /// A rule forbids it (422).
    Rule(Violation),
}

/// The start of an open interruption.
fn open_interruption(age: &PartyAgeFacts) -> Option<NaiveDate> {
    age.interruptions
        .iter()
        .filter(|p| p.to.is_none())
        .map(|p| p.from)
        .min()
}

/// The day milestone `m` is reached, ignoring an open interruption (rule 5: the interruptions
/// before that day, as dated periods).
pub fn reach_date(age: &PartyAgeFacts, m: u32) -> NaiveDate {
    party_age::reach_date(age, m.saturating_mul(12)).unwrap_or(NaiveDate::MAX)
}

/// Whether a caller whose scope root is of kind `scope_root_kind` (`None`: the whole tree) decides
/// badge awards: the provincial standing committee (or the level of the centre) does, whatever
/// the caller's role; a level below a province does not.
pub fn decides_awards(scope_root_kind: Option<&str>) -> bool {
    match scope_root_kind {
        None => true,
        Some(kind) => matches!(kind, "province" | "central"),
    }
}

/// Months early a milestone may be awarded with a serious illness.
pub fn early_months(m: u32, s: &RuleSettings) -> u32 {
    if m >= 70 {
        s.badge_early_months_from_70
    } else {
        s.badge_early_months_until_65
    }
}

/// The longest early window of any milestone, posthumous awards included.
pub fn max_early_months(s: &RuleSettings) -> u32 {
    s.badge_early_months_until_65
        .max(s.badge_early_months_from_70)
        .max(s.badge_posthumous_early_months)
}

/// The date party age is judged on for an occasion: the occasion, or the start of an open
/// interruption (death included) when that came first.
fn judged_on(age: &PartyAgeFacts, occasion: NaiveDate) -> NaiveDate {
    match open_interruption(age) {
        Some(open) if open < occasion => open,
        _ => occasion,
    }
}

/// How milestone `m` can be awarded on `occasion`: `Some(false)` reached, `Some(true)` early for a
/// serious illness, `None` not yet.
fn reached(f: &BadgeFacts, m: u32, occasion: NaiveDate, s: &RuleSettings) -> Option<bool> {
    let judged = judged_on(&f.age, occasion);
    let reach = reach_date(&f.age, m);
    if reach <= judged {
        return Some(false);
    }
    let ill = f.serious_illness_since.is_some_and(|i| i <= judged);
    let ill_window = if ill { early_months(m, s) } else { 0 };
    let posthumous_window = match f.standing {
        Standing::Deceased(on) if on <= occasion => s.badge_posthumous_early_months,
        _ => 0,
    };
    let window = ill_window.max(posthumous_window);
    (window > 0 && reach <= add_months(judged, window)).then_some(true)
}

fn standing_check(f: &BadgeFacts) -> Result<bool, Violation> {
    if f.standing == Standing::Gone {
        return Err(Violation::new(
            "not_eligible",
            text!(
                "Đảng viên đã ra khỏi Đảng (khai trừ, xóa tên, xin ra): không xét tặng Huy hiệu",
                "The member has left the Party (expelled, removed or resigned): no badge"
            ),
        ));
    }
    if !f.age.recognised {
        return Err(Violation::new(
            "not_eligible",
            text!(
                "Chưa được công nhận đảng viên chính thức: chưa tính tuổi đảng",
                "Not recognised as official yet: no party age counts"
            ),
        ));
    }
    if f.on_probation {
        return Err(Violation::new(
            "not_eligible",
            text!("Đang trong thời gian dự bị sau khi kết nạp lại: chưa xét tặng Huy hiệu cho đến khi được công nhận đảng viên chính thức", "On probation after re-admission: no badge until recognised as official"),
        ));
    }
    Ok(matches!(f.standing, Standing::Deceased(_)))
}

/// Whole years of party age on `occasion` (frozen at an open interruption, death included).
pub fn years_on(f: &BadgeFacts, occasion: NaiveDate) -> u32 {
    party_age::years(&f.age, occasion).unwrap_or(0)
}

/// The highest milestone the member may be awarded on `occasion` (rules 18–20).
pub fn eligible(
    f: &BadgeFacts,
    occasion: NaiveDate,
    s: &RuleSettings,
) -> Result<Eligibility, Violation> {
    let posthumous = standing_check(f)?;
    let best = s
        .badge_milestones
        .iter()
        .rev()
        .filter(|m| **m > f.held)
        .find_map(|m| reached(f, *m, occasion, s).map(|early| (*m, early)));
    let Some((milestone, early)) = best else {
        let next = s.badge_milestones.iter().find(|m| **m > f.held);
        return Err(Violation::new(
            "not_eligible",
            match next {
                Some(m) => text!(
                    "Chưa đủ {m} năm tuổi đảng (đủ vào ngày {})",
                    "Not {m} years of party age yet (reached on {})",
                    reach_date(&f.age, *m).format("%d/%m/%Y")
                ),
                None => text!(
                    "Đã nhận Huy hiệu mốc cao nhất",
                    "The highest badge is held already"
                ),
            },
        ));
    };
    discipline_check(f, occasion, s)?;
    Ok(Eligibility {
        milestone,
        party_age_years: years_on(f, occasion),
        early,
        posthumous,
    })
}

/// Checks an award of `milestone` on `occasion`: held → [`Refusal::AlreadyHeld`]; below one held,
/// not a milestone, not reached, or blocked → a rule violation.
pub fn check_award(
    f: &BadgeFacts,
    held: &[u32],
    milestone: u32,
    occasion: NaiveDate,
    s: &RuleSettings,
) -> Result<Eligibility, Refusal> {
    if held.contains(&milestone) {
        return Err(Refusal::AlreadyHeld);
    }
    if !s.badge_milestones.contains(&milestone) {
        return Err(Refusal::Rule(Violation::new(
            "not_a_milestone",
            text!(
                "{milestone} năm không phải là mốc Huy hiệu Đảng ({})",
                "{milestone} years is not a party-badge milestone ({})",
                s.badge_milestones
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )));
    }
    if milestone < f.held {
        return Err(Refusal::Rule(Violation::new(
            "below_held",
            text!(
                "Đã nhận Huy hiệu {} năm: không tặng mốc thấp hơn",
                "The {}-year badge is held: no lower milestone is awarded",
                f.held
            ),
        )));
    }
    let posthumous = standing_check(f).map_err(Refusal::Rule)?;
    let Some(early) = reached(f, milestone, occasion, s) else {
        return Err(Refusal::Rule(Violation::new(
            "not_eligible",
            text!(
                "Chưa đủ {milestone} năm tuổi đảng vào dịp trao (đủ vào ngày {})",
                "Not {milestone} years of party age on the occasion (reached on {})",
                reach_date(&f.age, milestone).format("%d/%m/%Y")
            ),
        )));
    };
    discipline_check(f, occasion, s).map_err(Refusal::Rule)?;
    Ok(Eligibility {
        milestone,
        party_age_years: years_on(f, occasion),
        early,
        posthumous,
    })
}

/// The day the next milestone above `held` is reached, when a badge can still come (cached on the
/// member row so that the eligibility list is an indexed range query: a member is a candidate
/// for an occasion when this day is no later than the occasion plus the longest early window).
pub fn next_due(
    age: &PartyAgeFacts,
    standing: Standing,
    held: u32,
    s: &RuleSettings,
) -> Option<NaiveDate> {
    if standing == Standing::Gone || !age.recognised {
        return None;
    }
    let m = *s.badge_milestones.iter().find(|m| **m > held)?;
    let reach = reach_date(age, m);
    match open_interruption(age) {
        Some(open) if reach > add_months(open, max_early_months(s)) => None,
        _ => Some(reach),
    }
}

/// The next milestone above the one held and the day it is reached (ignoring an open
/// interruption), for telling a member when a badge may come.
pub fn next_milestone(f: &BadgeFacts, s: &RuleSettings) -> Option<(u32, NaiveDate)> {
    let m = *s.badge_milestones.iter().find(|m| **m > f.held)?;
    Some((m, reach_date(&f.age, m)))
}

/// What the provincial level decides about a proposal from a cell or grassroots level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProposalDecision {
    /// The badge is awarded under a decision.
    Approve,
    /// The proposal is turned down.
    Reject,
}

/// A proposal decided already (409): each is approved or rejected once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlreadyDecided;

/// The state a proposal moves to: only a proposal still waiting is decided.
pub fn decide_proposal(
    current: ProposalStatus,
    decision: ProposalDecision,
) -> Result<ProposalStatus, AlreadyDecided> {
    if current != ProposalStatus::Proposed {
        return Err(AlreadyDecided);
    }
    Ok(match decision {
        ProposalDecision::Approve => ProposalStatus::Approved,
        ProposalDecision::Reject => ProposalStatus::Rejected,
    })
}

#[cfg(test)]
mod tests;
