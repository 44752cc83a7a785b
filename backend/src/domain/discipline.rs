//! Discipline (rules 10, 11); re-admission (rule 13) is in [`super::readmission`].

use crate::messages::text;
use chrono::NaiveDate;

use super::calendar::add_months;
use super::settings::RuleSettings;
use super::Violation;

/// Forms of discipline (the vocabulary term).
pub use qldv_api_types::movements::DisciplineForm as Form;

/// Rule 10: which forms apply to a member.
pub fn check_form(form: Form, official: bool, holds_post: bool) -> Result<(), Violation> {
    match form {
        Form::Reprimand | Form::Warning => Ok(()),
        _ if !official => Err(Violation::new(
            "form_not_allowed",
            text!(
                "Đảng viên dự bị chỉ bị khiển trách hoặc cảnh cáo",
                "A probationary member is only reprimanded or warned"
            ),
        )),
        Form::Dismissal if !holds_post => Err(Violation::new(
            "form_not_allowed",
            text!(
                "Cách chức chỉ áp dụng với đảng viên đang giữ chức vụ",
                "Dismissal applies only to a member holding a post"
            ),
        )),
        Form::Dismissal | Form::Expulsion => Ok(()),
    }
}

/// Rule 11: the day a discipline other than expulsion lapses (12 months after announcement).
pub fn lapse_date(form: Form, announced_on: NaiveDate, s: &RuleSettings) -> Option<NaiveDate> {
    match form {
        Form::Expulsion => None,
        _ => Some(add_months(announced_on, s.discipline_lapse_months)),
    }
}

/// A discipline as the stored record caches it (its current schedule, rule 11).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Discipline {
    /// Form in force: the decision's, or the lighter one a complaint's ruling reduced it to.
    pub form: Form,
    /// Decided on.
    pub decided_on: NaiveDate,
    /// Announced on (the 12 months count from it, or from a complaint's ruling).
    pub announced_on: NaiveDate,
    /// Lapses on (none for expulsion, an annulled discipline, or while held).
    pub lapses_on: Option<NaiveDate>,
    /// A complaint awaiting its ruling, or a re-offence not yet decided: in force until then.
    pub held: bool,
    /// Annulled by a complaint's ruling announced on this date.
    pub annulled_on: Option<NaiveDate>,
}

impl Discipline {
    /// Whether the discipline is in force on `day` by its current schedule (rules 11, 20); for
    /// a past day judged only on what was recorded by then, see [`standing`].
    pub fn in_force(&self, day: NaiveDate) -> bool {
        day >= self.decided_on
            && self.annulled_on.is_none_or(|a| day < a)
            && (self.held || self.lapses_on.is_none_or(|l| day < l))
    }
}

/// The ruling on a complaint against a discipline (the vocabulary's term).
pub use qldv_api_types::cases::ComplaintRuling as Ruling;

/// A complaint's ruling, as rule 11 sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RulingFacts {
    /// Upheld, reduced or annulled.
    pub ruling: Ruling,
    /// With `Reduced`: the lighter form.
    pub reduced_to: Option<Form>,
    /// Announced to the member on.
    pub announced_on: NaiveDate,
}

/// A complaint against a discipline decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Complaint {
    /// Lodged (received) on.
    pub lodged_on: NaiveDate,
    /// The ruling, once recorded.
    pub ruling: Option<RulingFacts>,
}

/// Everything rule 11 needs about one discipline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisciplineFacts {
    /// The decision's form.
    pub form: Form,
    /// Decided on.
    pub decided_on: NaiveDate,
    /// Announced on (on or after `decided_on`).
    pub announced_on: NaiveDate,
    /// Complaints against it.
    pub complaints: Vec<Complaint>,
    /// A re-offence recorded on this date.
    pub reoffence_on: Option<NaiveDate>,
    /// The announcement of the discipline decided for that re-offence (the member's next
    /// discipline decided on or after it): the held discipline ends there.
    pub reoffence_decided_on: Option<NaiveDate>,
}

/// What holds a discipline past its 12 months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hold {
    /// A complaint lodged on this date awaits its ruling.
    Complaint(NaiveDate),
    /// A re-offence recorded on this date awaits its own decision.
    Reoffence(NaiveDate),
}

/// Where a discipline stands on a day (rule 11).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Not decided yet.
    NotYet,
    /// In force with `form`; lapses on `until` (none: expulsion, or held).
    InForce {
        /// The form in force.
        form: Form,
        /// The lapse date as scheduled that day.
        until: Option<NaiveDate>,
        /// What holds it past its 12 months, if anything.
        held: Option<Hold>,
    },
    /// Lapsed on this date (12 months after the last announcement, or replaced by the decision
    /// on a re-offence).
    Lapsed(NaiveDate),
    /// Annulled by a complaint's ruling announced on this date.
    Annulled(NaiveDate),
}

impl Standing {
    /// Whether the discipline is in force.
    pub fn in_force(self) -> bool {
        matches!(self, Self::InForce { .. })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Lodged,
    Reoffence,
    Ruled(usize),
    ReoffenceDecided,
}

/// Rule 11: where the discipline `f` stands on `day`, judged only on what happened by then
/// (69-QĐ/TW art. 2): 12 months after the announcement of the decision, or of the ruling on a
/// complaint against it, it lapses by itself; a complaint holds it only until its ruling, which
/// upholds it (12 months from the ruling), reduces it (the lighter form, 12 months from the
/// ruling) or annuls it (it ends); a re-offence holds it until the decision on that re-offence
/// is announced, which replaces it. Nothing holds a discipline for ever but an unsettled
/// complaint or re-offence, and each of those ends with its own decision.
pub fn standing(f: &DisciplineFacts, day: NaiveDate, s: &RuleSettings) -> Standing {
    if day < f.decided_on {
        return Standing::NotYet;
    }
    let mut steps: Vec<(NaiveDate, Step)> = Vec::new();
    for (i, c) in f.complaints.iter().enumerate() {
        steps.push((c.lodged_on, Step::Lodged));
        if let Some(r) = c.ruling {
            steps.push((r.announced_on.max(c.lodged_on), Step::Ruled(i)));
        }
    }
    if let Some(r) = f.reoffence_on {
        steps.push((r, Step::Reoffence));
        if let Some(d) = f.reoffence_decided_on {
            steps.push((d.max(r), Step::ReoffenceDecided));
        }
    }
    steps.retain(|(on, _)| *on <= day);
    steps.sort();
    let mut form = f.form;
    let mut anchor = f.announced_on.max(f.decided_on);
    let mut pending: Vec<NaiveDate> = Vec::new();
    let mut reoffence: Option<NaiveDate> = None;
    for (on, step) in steps {
        if pending.is_empty() && reoffence.is_none() {
            if let Some(l) = lapse_date(form, anchor, s).filter(|l| *l <= on) {
                return Standing::Lapsed(l);
            }
        }
        match step {
            Step::Lodged => pending.push(on),
            Step::Reoffence => reoffence = Some(on),
            Step::Ruled(i) => {
                let lodged = f.complaints[i].lodged_on;
                if let Some(at) = pending.iter().position(|p| *p == lodged) {
                    pending.remove(at);
                }
                let Some(r) = f.complaints[i].ruling else {
                    continue;
                };
                match r.ruling {
                    Ruling::Annulled => return Standing::Annulled(on),
                    Ruling::Upheld => anchor = anchor.max(on),
                    Ruling::Reduced => {
                        form = r.reduced_to.unwrap_or(form);
                        anchor = anchor.max(on);
                    }
                }
            }
            Step::ReoffenceDecided => {
                reoffence = None;
                if pending.is_empty() && lapse_date(form, anchor, s).is_some_and(|l| l <= on) {
                    return Standing::Lapsed(on);
                }
            }
        }
    }
    let held = pending
        .first()
        .map(|p| Hold::Complaint(*p))
        .or(reoffence.map(Hold::Reoffence));
    let until = lapse_date(form, anchor, s);
    match (held, until) {
        (None, Some(l)) if l <= day => Standing::Lapsed(l),
        (None, _) => Standing::InForce {
            form,
            until,
            held: None,
        },
        (Some(h), _) => Standing::InForce {
            form,
            until: None,
            held: Some(h),
        },
    }
}

/// The schedule a stored discipline caches once everything recorded is known: the form in
/// force, the lapse date (none while held, for expulsion, or once annulled), the pending
/// complaint and the annulment.
pub fn schedule(f: &DisciplineFacts, s: &RuleSettings) -> Discipline {
    let mut out = Discipline {
        form: f.form,
        decided_on: f.decided_on,
        announced_on: f.announced_on,
        lapses_on: None,
        held: false,
        annulled_on: None,
    };
    match standing(f, NaiveDate::MAX, s) {
        Standing::NotYet => {}
        Standing::InForce { form, until, held } => {
            out.form = form;
            out.lapses_on = until;
            out.held = held.is_some();
        }
        Standing::Lapsed(on) => {
            out.lapses_on = Some(on);
            // The form a ruling left in force before it lapsed.
            if let Some(Standing::InForce { form, .. }) = on.pred_opt().map(|d| standing(f, d, s)) {
                out.form = form;
            }
        }
        Standing::Annulled(on) => out.annulled_on = Some(on),
    }
    out
}

/// Why a complaint's ruling cannot be recorded as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RulingRefusal {
    /// A complaint against a discipline needs its ruling (upheld, reduced, annulled).
    RulingRequired,
    /// Only a complaint against a discipline takes a ruling.
    RulingNotApplicable,
    /// A reduction names a form lighter than the one in force, allowed for the member.
    NotLighter,
    /// Announced before it was decided, or ruled before the complaint was lodged.
    DateOrder,
}

fn weight(f: Form) -> u8 {
    match f {
        Form::Reprimand => 1,
        Form::Warning => 2,
        Form::Dismissal => 3,
        Form::Expulsion => 4,
    }
}

/// Rule 11: whether a complaint's ruling is coherent: a ruling exactly when the complaint is
/// against a discipline; a reduction to a lighter form than the one in force; the ruling on or
/// after the complaint, and announced on or after it was decided.
pub fn check_ruling(
    against: Option<Form>,
    ruling: Option<Ruling>,
    reduced_to: Option<Form>,
    lodged_on: NaiveDate,
    settled_on: NaiveDate,
    announced_on: NaiveDate,
) -> Result<(), RulingRefusal> {
    if settled_on < lodged_on || announced_on < settled_on {
        return Err(RulingRefusal::DateOrder);
    }
    match (against, ruling) {
        (Some(_), None) => Err(RulingRefusal::RulingRequired),
        (None, Some(_)) => Err(RulingRefusal::RulingNotApplicable),
        (None, None) => Ok(()),
        (Some(current), Some(Ruling::Reduced)) => match reduced_to {
            Some(to) if weight(to) < weight(current) => Ok(()),
            _ => Err(RulingRefusal::NotLighter),
        },
        (Some(_), Some(Ruling::Upheld | Ruling::Annulled)) if reduced_to.is_some() => {
            Err(RulingRefusal::NotLighter)
        }
        (Some(_), Some(_)) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_by_status_and_post() {
        assert!(check_form(Form::Warning, false, false).is_ok());
        assert!(check_form(Form::Dismissal, false, true).is_err());
        assert!(check_form(Form::Expulsion, false, false).is_err());
        assert!(check_form(Form::Dismissal, true, false).is_err());
        assert!(check_form(Form::Dismissal, true, true).is_ok());
        assert!(check_form(Form::Expulsion, true, false).is_ok());
    }
}

#[cfg(test)]
#[path = "discipline_lapse_tests.rs"]
mod lapse_tests;
