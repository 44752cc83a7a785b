//! The member form (phiếu đảng viên, mẫu 2-HSĐV of Hướng dẫn 09-HD/BTCTW) filled from the record,
//! to print on A4 (`/members/:id/print`): the organisations of the member's cell in the heading,
//! the personal-history number in 6 + 3 boxes and the card number in 8, a place for the 3×4
//! photo, the numbered items, and the signatures of the member and of the grassroots committee.

use leptos::prelude::*;
use leptos_router::components::A;
use qldv_api_types::members::Member;

use crate::api;
use crate::components::breadcrumbs::trail;
use crate::components::org_picker::scope_ready;
use crate::components::paper::{paper_head, print, signatures, today, Signature};
use crate::components::read::show;
use crate::format::{self, opt, opt_date};
use crate::i18n::{label, use_lang, Lang, Text, Ux};
use crate::pages::member::{member_id, member_resource};
use crate::urls;

/// The personal-history number in its printed boxes: six digits, then up to three letters (the
/// province's symbol); blank boxes for what is missing.
pub fn history_boxes(no: Option<&str>) -> ([String; 6], [String; 3]) {
    let no = no.unwrap_or("").trim();
    let digits: Vec<char> = no.chars().filter(char::is_ascii_digit).collect();
    let letters: Vec<char> = no.chars().filter(|c| c.is_alphabetic()).collect();
    let cell = |v: &[char], i: usize| v.get(i).map(char::to_string).unwrap_or_default();
    (
        std::array::from_fn(|i| cell(&digits, i)),
        std::array::from_fn(|i| cell(&letters, i)),
    )
}

/// The card number in its eight printed boxes.
pub fn card_boxes(no: Option<&str>) -> [String; 8] {
    let chars: Vec<char> = no.unwrap_or("").trim().chars().collect();
    std::array::from_fn(|i| chars.get(i).map(char::to_string).unwrap_or_default())
}

fn boxes<const N: usize>(cells: [String; N], gap: bool) -> impl IntoView {
    view! {
        <span class=if gap { "boxes gap" } else { "boxes" }>
            {cells.into_iter().map(|c| view! { <span>{c}</span> }).collect_view()}
        </span>
    }
}

fn item(label: &'static str, value: String) -> impl IntoView {
    view! { <li>{label}": " <strong>{value}</strong></li> }
}

/// The filled form.
fn member_form(lang: Lang, m: Member, chain: Vec<String>) -> impl IntoView {
    let p = m.profile;
    let name = p.full_name.clone().unwrap_or_default();
    let gender = p.gender.map(|g| lang.term(g)).unwrap_or("—");
    let (digits, letters) = history_boxes(p.personal_history_no.as_deref());
    let theory = p.political_theory.map(|t| lang.term(t)).unwrap_or("—");
    let admission = format!(
        "{}{}",
        format::date(m.admission_decision_on),
        p.admission_decision_no
            .as_deref()
            .map(|n| format!(" (quyết định số {n})"))
            .unwrap_or_default()
    );
    let ceremony = format!(
        "{}{}",
        format::date(m.ceremony_on),
        p.ceremony_place
            .as_deref()
            .map(|n| format!(", tại {n}"))
            .unwrap_or_default()
    );
    let position = [p.job_title.clone(), p.workplace.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <article class="paper member-form" data-testid="member-form">
            {paper_head(chain, today())}
            <div class="ids">
                <div>
                    <p>"Số lý lịch đảng viên: " {boxes(digits, false)} {boxes(letters, true)}</p>
                    <p>"Số thẻ đảng viên: " {boxes(card_boxes(m.card_number.as_deref()), false)}</p>
                </div>
                <div class="photo">"Ảnh 3×4"</div>
            </div>
            <h1 class="paper-title">"Phiếu đảng viên"</h1>
            <p class="paper-sub">"Mẫu 2-HSĐV"</p>
            <ol class="items">
                <li>"Họ và tên đang dùng: " <strong>{name.to_uppercase()}</strong> " — " {gender}</li>
                {item("Họ và tên khai sinh", opt(&p.birth_name.clone().or(p.full_name.clone())))}
                {item("Bí danh", opt(&p.other_names))}
                {item("Sinh ngày", opt_date(p.birth_date))}
                {item("Nơi sinh", opt(&p.birth_place))}
                {item("Quê quán", opt(&p.hometown))}
                {item("Nơi thường trú", opt(&p.permanent_address))}
                {item("Nơi ở hiện nay", opt(&p.current_address))}
                <li>"Dân tộc: " <strong>{opt(&p.ethnicity)}</strong> "; Tôn giáo: " <strong>{opt(&p.religion)}</strong></li>
                {item("Số căn cước công dân", opt(&p.national_id))}
                {item("Nghề nghiệp hiện nay", opt(&p.occupation))}
                <li>"Trình độ: giáo dục phổ thông " <strong>{opt(&p.education_general)}</strong>
                    "; chuyên môn, nghiệp vụ " <strong>{opt(&p.professional_qualification)}</strong>
                    "; học hàm, học vị " <strong>{opt(&[p.academic_title.clone(), p.academic_degree.clone()].into_iter().flatten().reduce(|a, b| format!("{a}, {b}")))}</strong>
                    "; lý luận chính trị " <strong>{theory}</strong>
                    "; quản lý nhà nước " <strong>{opt(&p.state_management)}</strong>
                    "; ngoại ngữ " <strong>{opt(&p.foreign_languages)}</strong>
                    "; tin học " <strong>{opt(&p.it_level)}</strong>
                </li>
                {item("Chức vụ, nơi làm việc", if position.is_empty() { "—".into() } else { position })}
                {item("Ngày vào Đoàn TNCS Hồ Chí Minh", opt_date(p.youth_union_joined_on))}
                {item("Ngày vào Đảng", admission)}
                {item("Ngày và nơi kết nạp", ceremony)}
                {item("Người giới thiệu", opt(&p.introducers))}
                {item("Ngày chính thức", opt_date(m.official_on))}
            </ol>
            {signatures(
                Signature { role: "T/M cấp ủy cơ sở".into(), hint: "(Ký tên, đóng dấu)".into(), name: None },
                Signature { role: "Người khai".into(), hint: "(Ký, ghi rõ họ tên)".into(), name: Some(name) },
            )}
        </article>
    }
}

/// The print page of a member's form.
#[component]
pub fn MemberPrintPage() -> impl IntoView {
    let lang = use_lang();
    let id = member_id();
    let record = member_resource(api::members::get);
    view! {
        <main class="print-page">
            <div class="print-bar no-print">
                <button class="primary" type="button" on:click=move |_| print()>{label(lang, Text::Print)}</button>
                <A href=move || id.get().map(urls::member).unwrap_or_default()>{label(lang, Text::Back)}</A>
                <span class="muted">{move || lang.get().ux(Ux::PrintMemberForm)}</span>
            </div>
            {show(record, move |m: Member| {
                let org = m.organization_id.0;
                move || scope_ready().map(|o| {
                    let chain = trail(org, &o).into_iter().map(|(_, n)| n).collect();
                    member_form(lang.get_untracked(), m.clone(), chain)
                })
            })}
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_history_number_fills_six_digit_and_three_letter_boxes() {
        let (d, l) = history_boxes(Some("123456HP"));
        assert_eq!(d.concat(), "123456");
        assert_eq!(l, ["H".to_string(), "P".to_string(), String::new()]);
        let (d, l) = history_boxes(None);
        assert!(d.iter().chain(l.iter()).all(String::is_empty));
    }

    #[test]
    fn the_card_number_fills_eight_boxes() {
        assert_eq!(card_boxes(Some("01234567")).concat(), "01234567");
        assert_eq!(card_boxes(Some("123"))[3], "");
    }
}
