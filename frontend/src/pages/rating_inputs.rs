//! What the evaluation round shows beside each member's rating (issue 23, `docs/cell-year.md`):
//! the year's attendance at the cell's meetings (rule 35), the duty shares with the highest
//! level they allow (rule 38, offered, never imposed) and the residence cell's comment
//! (rule 39), all carried by the round's rows.

use leptos::prelude::*;
use qldv_api_types::cell_year::LiaisonCommentState;
use qldv_api_types::evaluations::{EvaluationLevel, EvaluationListItem};
use qldv_api_types::meetings::{AttendanceCounts, DutyShares};

use crate::i18n::{use_lang, yl, Lang, Yr};

/// The year's attendance: present of expected and the unexcused absences; a dash without lines.
pub fn attendance_text(l: Lang, c: Option<AttendanceCounts>) -> String {
    c.map_or_else(
        || "—".into(),
        |c| {
            format!(
                "{}: {}/{} · {}: {}",
                l.yr(Yr::PresentOfExpected),
                c.present,
                c.expected,
                l.yr(Yr::Unexcused),
                c.absent
            )
        },
    )
}

/// The duty shares done and exceeded and the highest level; a dash without duties.
pub fn duties_text(l: Lang, s: Option<DutyShares>, level: Option<EvaluationLevel>) -> String {
    let Some(s) = s else {
        return "—".into();
    };
    let pc = |p: Option<u32>| p.map_or_else(|| "—".into(), |p| format!("{p}%"));
    let mut out = format!(
        "{}: {} · {}: {}",
        l.yr(Yr::DoneShare),
        pc(s.done_percent),
        l.yr(Yr::ExceededShare),
        pc(s.exceeded_percent)
    );
    if let Some(level) = level {
        out.push_str(&format!(" · {}: {}", l.yr(Yr::HighestLevel), l.term(level)));
    }
    out
}

/// The residence comment: its text once written, else its state; a dash without a liaison.
pub fn comment_text(l: Lang, state: Option<LiaisonCommentState>, text: Option<&str>) -> String {
    match (state, text) {
        (_, Some(t)) if !t.trim().is_empty() => format!("“{}”", t.trim()),
        (Some(s), _) => l.term(s).to_string(),
        (None, _) => "—".into(),
    }
}

/// The inputs of one row, as a short list of three facts.
pub fn inputs(item: &EvaluationListItem) -> impl IntoView {
    let lang = use_lang();
    let att = item.attendance;
    let (shares, level) = (item.duty_shares, item.highest_level);
    let state = item.residence_comment_state;
    let text = item.residence_comment.clone();
    let missing = state == Some(LiaisonCommentState::Missing);
    let unexcused = att.is_some_and(|c| c.absent > 0);
    view! {
        <dl class="inputs">
            <dt>{yl(lang, Yr::Attendance)}</dt>
            <dd class:warn=unexcused>{move || attendance_text(lang.get(), att)}</dd>
            <dt>{yl(lang, Yr::Duties)}</dt>
            <dd>{move || duties_text(lang.get(), shares, level)}</dd>
            <dt>{yl(lang, Yr::ResidenceComment)}</dt>
            <dd class:warn=missing>{move || comment_text(lang.get(), state, text.as_deref())}</dd>
        </dl>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_attendance_reads_present_of_expected_and_the_unexcused() {
        let c = AttendanceCounts {
            expected: 11,
            present: 9,
            excused: 1,
            absent: 1,
            exempt: 1,
            elsewhere: 0,
        };
        assert_eq!(
            attendance_text(Lang::Vi, Some(c)),
            "Có mặt / phải dự: 9/11 · Vắng không lý do: 1"
        );
        assert_eq!(attendance_text(Lang::En, None), "—");
    }

    #[test]
    fn the_duties_read_their_shares_and_the_level_they_allow() {
        let s = DutyShares {
            reviewed: 4,
            done: 2,
            exceeded: 2,
            done_percent: Some(100),
            exceeded_percent: Some(50),
            ..DutyShares::default()
        };
        assert_eq!(
            duties_text(Lang::En, Some(s), Some(EvaluationLevel::Excellent)),
            "Share done: 100% · Share exceeded: 50% · Highest level the duties allow: Excellent"
                .replace("Excellent", Lang::En.term(EvaluationLevel::Excellent))
        );
        let none = DutyShares::default();
        assert_eq!(
            duties_text(Lang::En, Some(none), None),
            "Share done: — · Share exceeded: —"
        );
        assert_eq!(duties_text(Lang::Vi, None, None), "—");
    }

    #[test]
    fn the_comment_is_its_text_else_its_state() {
        assert_eq!(
            comment_text(
                Lang::Vi,
                Some(LiaisonCommentState::Written),
                Some(" Gương mẫu ")
            ),
            "“Gương mẫu”"
        );
        assert_eq!(
            comment_text(Lang::Vi, Some(LiaisonCommentState::Missing), None),
            "Chưa có nhận xét"
        );
        assert_eq!(comment_text(Lang::En, None, None), "—");
    }
}
