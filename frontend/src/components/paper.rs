//! The frame of an official paper printed on A4 the way party boards file them: the issuing
//! organisations on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" with the place and date on the right, the
//! title, the body, and the signature block.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::format;

/// The line of place and date, the place left to be written by hand:
/// `…………, ngày 06 tháng 12 năm 2026`.
pub fn place_and_date(d: NaiveDate) -> String {
    format!("…………, {}", format::long_date_vi(d))
}

/// The heading of a paper: `issuers` from the top organisation down to the one issuing it (the
/// last in bold), and today's date under the party's name.
pub fn paper_head(issuers: Vec<String>, today: NaiveDate) -> impl IntoView {
    let last = issuers.len().saturating_sub(1);
    view! {
        <header class="paper-head">
            <div class="issuer">
                {issuers.into_iter().enumerate().map(|(i, name)| {
                    let class = if i == last { "org" } else { "" };
                    view! { <div class=class>{name}</div> }
                }).collect_view()}
                <span class="star">"*"</span>
            </div>
            <div>
                <div class="party"><span>"ĐẢNG CỘNG SẢN VIỆT NAM"</span></div>
                <div class="place-date">{place_and_date(today)}</div>
            </div>
        </header>
    }
}

/// One signature of the block: the role (upper case), the hint under it, the space to sign, and
/// the name when known.
pub struct Signature {
    /// E.g. "T/M CHI ỦY" or "NGƯỜI LẬP BIỂU".
    pub role: String,
    /// E.g. "(Ký, ghi rõ họ tên)".
    pub hint: String,
    /// The signer's name, printed under the space.
    pub name: Option<String>,
}

/// The signature block: two signatures side by side (left, right).
pub fn signatures(left: Signature, right: Signature) -> impl IntoView {
    let one = |s: Signature| {
        view! {
            <div>
                <div class="role">{s.role}</div>
                <div class="hint">{s.hint}</div>
                <div class="sign-space"></div>
                <div>{s.name.unwrap_or_default()}</div>
            </div>
        }
    };
    view! { <div class="signatures">{one(left)}{one(right)}</div> }
}

/// Today by the browser's clock.
pub fn today() -> NaiveDate {
    format::today_iso().parse().unwrap_or_default()
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_line_leaves_the_place_to_write() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap_or_default();
        assert_eq!(place_and_date(d), "…………, ngày 05 tháng 03 năm 2026");
    }
}
