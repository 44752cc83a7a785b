//! Rule 20: what blocks a badge after a discipline, and the refusal it gives.

use crate::messages::text;
use chrono::NaiveDate;

use super::BadgeFacts;
use crate::domain::calendar::add_months;
use crate::domain::discipline::Form;
use crate::domain::party_age::Period;
use crate::domain::settings::RuleSettings;
use crate::domain::Violation;

/// A discipline as the badge rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadgeDiscipline {
    /// Form.
    pub form: Form,
    /// Decision date.
    pub decided_on: NaiveDate,
    /// A complaint or re-offence is recorded: in force without end.
    pub held: bool,
    /// The day the cell recognised that the member remedied the fault (rule 20).
    pub remedy_recognised_on: Option<NaiveDate>,
}

fn wait_months(form: Form, s: &RuleSettings) -> Option<u32> {
    match form {
        Form::Reprimand => Some(s.badge_wait_months_reprimand),
        Form::Warning => Some(s.badge_wait_months_warning),
        Form::Dismissal => Some(s.badge_wait_months_dismissal),
        Form::Expulsion => None,
    }
}

/// Why a badge is blocked on a day (rule 20).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// A discipline is under consideration: the badge waits for the outcome.
    UnderConsideration,
    /// In force without a known end: a complaint or re-offence recorded, or an expulsion.
    InForce,
    /// The waiting time after the decision runs until this day (the first free one).
    Waiting(NaiveDate),
    /// The waiting time is over, but the cell has not recognised the remedy.
    RemedyNotRecognised,
}

impl Block {
    /// Which of two blocks to report: one without an end wins over a waiting time, and of two
    /// waiting times the later.
    fn worse(self, other: Block) -> Block {
        match (self, other) {
            (Block::Waiting(a), Block::Waiting(b)) => Block::Waiting(a.max(b)),
            (Block::Waiting(_), b) => b,
            (a, _) => a,
        }
    }
}

/// Rule 20: what blocks a badge on `day`, if anything: a discipline under consideration, one
/// in force without end, one whose waiting time runs, or one whose remedy the cell has not
/// recognised by then. A waiting time of 0 months (a reprimand under 29-QĐ/TW) does not block.
pub fn blocked(
    disciplines: &[BadgeDiscipline],
    under_consideration: &[Period],
    day: NaiveDate,
    s: &RuleSettings,
) -> Option<Block> {
    let mut worst = under_consideration
        .iter()
        .any(|p| p.from <= day && p.to.is_none_or(|to| day < to))
        .then_some(Block::UnderConsideration);
    for d in disciplines.iter().filter(|d| d.decided_on <= day) {
        let block = match wait_months(d.form, s) {
            Some(0) => continue,
            None => Block::InForce,
            Some(_) if d.held => Block::InForce,
            Some(w) => {
                let end = add_months(d.decided_on, w);
                if day < end {
                    Block::Waiting(end)
                } else if d.remedy_recognised_on.is_none_or(|r| r > day) {
                    Block::RemedyNotRecognised
                } else {
                    continue;
                }
            }
        };
        worst = Some(worst.map_or(block, |w| w.worse(block)));
    }
    worst
}

pub(super) fn discipline_check(
    f: &BadgeFacts,
    occasion: NaiveDate,
    s: &RuleSettings,
) -> Result<(), Violation> {
    let day = super::judged_on(&f.age, occasion);
    match blocked(&f.disciplines, &f.under_consideration, day, s) {
        None => Ok(()),
        Some(Block::UnderConsideration) => Err(Violation::new(
            "discipline_under_consideration",
            text!("Đang xem xét kỷ luật: chưa xét tặng Huy hiệu cho đến khi có kết luận", "A discipline is under review: no badge until it is concluded"),
        )),
        Some(Block::InForce) => Err(Violation::new(
            "discipline_in_force",
            text!("Đang có quyết định kỷ luật còn hiệu lực (có khiếu nại hoặc tái phạm): chưa xét tặng Huy hiệu", "A discipline decision is still in force (complained against or re-offended): no badge"),
        )),
        Some(Block::Waiting(until)) => Err(Violation::new(
            "discipline_in_force",
            text!(
"Đang trong thời gian chờ sau kỷ luật: xét tặng Huy hiệu từ ngày {} nếu chi bộ công nhận đã sửa chữa khuyết điểm",
"Waiting after a discipline: a badge from {} if the cell recognises the shortcomings remedied",
                until.format("%d/%m/%Y")
            ),
        )),
        Some(Block::RemedyNotRecognised) => Err(Violation::new(
            "discipline_in_force",
            text!("Sau kỷ luật, chi bộ chưa công nhận đảng viên đã sửa chữa khuyết điểm: chưa xét tặng Huy hiệu", "After the discipline the cell has not recognised the shortcomings remedied: no badge"),
        )),
    }
}
