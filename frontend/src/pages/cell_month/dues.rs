//! The dues sheet of a month: each member's basis, due, state and arrears, the amount collected
//! prefilled with the due, "all paid", and one request for the whole sheet. Amounts are whole
//! đồng, typed with or without separators.

use leptos::prelude::*;
use leptos_router::hooks::query_signal;
use qldv_api_types::cell_year::{DuesMonthState, PaymentChannel};
use qldv_api_types::dues::{DuesPaymentLine, DuesSheet, DuesSheetLine, RecordDuesSheet};
use qldv_api_types::month::Month;
use qldv_api_types::{OrgId, Term};

use super::attendance::line_error;
use crate::api::{self, ApiError};
use crate::components::action::{failure, outcome, write};
use crate::components::date_input::DateInput;
use crate::components::form::{date, field_error, term, terms};
use crate::components::read::{read, show};
use crate::format;
use crate::i18n::{use_lang, yl, Text, Yr};

/// One member's row: the server's line, whether they pay now, the amount, and what a payment
/// may say besides (the months it covers, an earlier first month, the receipt's number).
#[derive(Clone)]
struct Row {
    line: DuesSheetLine,
    pays: RwSignal<bool>,
    amount: RwSignal<String>,
    more: PayMore<RwSignal<String>>,
}

/// What a payment line may carry besides its amount, as typed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PayMore<S> {
    /// Months covered (empty: one; more than one is a prepayment, which needs its arrangement).
    pub months: S,
    /// The first month paid, `yyyy-mm` (empty: the sheet's month; earlier: a late payment).
    pub first_month: S,
    /// The receipt or transaction number (empty: none).
    pub receipt_no: S,
}

impl PayMore<RwSignal<String>> {
    fn new() -> Self {
        Self {
            months: RwSignal::new(String::new()),
            first_month: RwSignal::new(String::new()),
            receipt_no: RwSignal::new(String::new()),
        }
    }

    fn typed(&self) -> PayMore<String> {
        PayMore {
            months: self.months.get_untracked(),
            first_month: self.first_month.get_untracked(),
            receipt_no: self.receipt_no.get_untracked(),
        }
    }
}

/// The months, first month and receipt of a line from what was typed; `Err` names the field
/// that is not readable (`months` 1–24, `first_month` a month).
pub fn pay_more(t: &PayMore<String>) -> Result<(u32, Option<Month>, Option<String>), &'static str> {
    let months = match t.months.trim() {
        "" => 1,
        m => m
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=24).contains(n))
            .ok_or("months")?,
    };
    let first = match t.first_month.trim() {
        "" => None,
        m => Some(m.parse::<Month>().map_err(|_| "first_month")?),
    };
    let receipt = Some(t.receipt_no.trim().to_string()).filter(|r| !r.is_empty());
    Ok((months, first, receipt))
}

/// Whether anything is to be collected for the line this month.
fn payable(l: &DuesSheetLine) -> bool {
    !matches!(
        l.month.state,
        DuesMonthState::NotDue | DuesMonthState::Exempt
    ) && l.month.due > 0
}

/// The payments to send: the rows ticked, with their amount; an error names the first amount
/// that is not a whole number of đồng (`payments[i]` of the rows ticked).
fn payments(rows: &[Row], channel: PaymentChannel) -> Result<Vec<DuesPaymentLine>, ApiError> {
    let mut out = Vec::new();
    for r in rows.iter().filter(|r| r.pays.get_untracked()) {
        let amount = format::parse_dong(&r.amount.get_untracked())
            .ok()
            .flatten()
            .filter(|n| *n > 0)
            .ok_or_else(|| ApiError::field_local("payments", Text::Required))?;
        let (months, first_month, receipt_no) = pay_more(&r.more.typed())
            .map_err(|_| ApiError::field_local("payments", Text::PaymentFields))?;
        out.push(DuesPaymentLine {
            member_id: r.line.member_id,
            amount,
            months,
            first_month,
            channel,
            receipt_no,
        });
    }
    Ok(out)
}

/// A row of the sheet (its cells labelled for the phone layout).
fn row_view(
    r: Row,
    index: Signal<Option<usize>>,
    error: Signal<Option<ApiError>>,
) -> impl IntoView {
    let lang = use_lang();
    let l = lang.get_untracked();
    let line = r.line;
    let m = line.month.clone();
    let basis = line
        .category
        .map_or_else(|| l.yr(Yr::NoBasis).to_string(), |c| l.term(c).to_string());
    let (pays, amount, more) = (r.pays, r.amount, r.more);
    let arrangement = line.arrangement;
    let can_pay = payable(&line);
    let name = line.full_name.clone();
    let name2 = name.clone();
    let name3 = name.clone();
    let refused = move || {
        index
            .get()
            .and_then(|i| error.get().and_then(|e| line_error(&e, "payments", i)))
    };
    let cell = move |y: Yr| move || lang.get().yr(y);
    view! {
        <tr class:derived=!can_pay class:refused=move || refused().is_some()>
            <th scope="row">{line.full_name}</th>
            <td data-label=cell(Yr::Basis)>{basis}</td>
            <td class="num" data-label=cell(Yr::Due)>{format::dong(l, m.due)}</td>
            <td data-label=move || lang.get().t(Text::Status)>
                {move || lang.get().term(m.state)}
                {arrangement.map(|a| view! { <div class="muted">{move || lang.get().term(a)}</div> })}
            </td>
            <td class="num" data-label=cell(Yr::Arrears)>{format::dong(l, line.arrears_to_date)}</td>
            <td data-label=cell(Yr::Amount)>
                {can_pay.then(|| view! {
                    <input type="checkbox" bind:checked=pays
                        aria-label=move || format!("{}: {}", lang.get().yr(Yr::Paid), name)/>
                    <input type="text" inputmode="numeric" class="amount" bind:value=amount
                        aria-label=move || format!("{}: {}", lang.get().yr(Yr::Amount), name2)/>
                    {more_view(more, name3, Signal::derive(move || refused().is_some()))}
                })}
                {move || refused().map(|m| view! { <div class="field-error" role="alert">{m}</div> })}
            </td>
        </tr>
    }
}

/// The fields of a payment besides its amount, folded (opened on a refusal or once filled).
fn more_view(
    more: PayMore<RwSignal<String>>,
    name: String,
    refused: Signal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let filled = move || {
        more.months.with(|v| !v.is_empty())
            || more.first_month.with(|v| !v.is_empty())
            || more.receipt_no.with(|v| !v.is_empty())
    };
    let label = move |y: Yr| {
        let name = name.clone();
        move || format!("{}: {}", lang.get().yr(y), name)
    };
    view! {
        <details class="pay-more" prop:open=move || refused.get() || filled()>
            <summary>{move || format!("{} · {} · {}", lang.get().yr(Yr::MonthsCovered), lang.get().yr(Yr::FirstMonth), lang.get().yr(Yr::ReceiptNo))}</summary>
            <label>{yl(lang, Yr::MonthsCovered)}
                <input type="number" min="1" max="24" inputmode="numeric" class="months" placeholder="1"
                    bind:value=more.months aria-label=label(Yr::MonthsCovered)/>
            </label>
            <label>{yl(lang, Yr::FirstMonth)}
                <input type="month" class="first-month" bind:value=more.first_month aria-label=label(Yr::FirstMonth)/>
            </label>
            <label>{yl(lang, Yr::ReceiptNo)}
                <input type="text" maxlength="100" class="receipt" bind:value=more.receipt_no aria-label=label(Yr::ReceiptNo)/>
            </label>
        </details>
    }
}

/// The dues section of the month (`?month=` in the URL, this month by default).
#[component]
pub fn DuesSection(org: OrgId, changed: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let (month_param, set_month) = query_signal::<String>("month");
    let month = Memo::new(move |_| {
        month_param
            .get()
            .and_then(|m| m.parse::<Month>().ok())
            .unwrap_or_else(|| {
                let today = format::today_iso();
                Month::of(today.parse().unwrap_or_default())
            })
    });
    let paid_on = RwSignal::new(format::today_iso());
    let channel = RwSignal::new(PaymentChannel::Cash.code().to_string());
    // Sheets saved: the sheet is read again after a save only, never after a refusal, which
    // would redraw the rows and lose what the secretary typed (the refused line's fix included).
    let saved = RwSignal::new(0u32);
    let save = write(move |body: &Result<(Month, RecordDuesSheet), ApiError>| {
        let body = body.clone();
        async move {
            let (m, body) = body?;
            let out = api::dues::record(org, m, &body).await?;
            saved.update(|n| *n += 1);
            changed.update(|n| *n += 1);
            Ok(out)
        }
    });
    let error = failure(save);
    let sheet = read(move || {
        saved.track();
        let m = month.get();
        async move { api::dues::sheet(org, m).await }
    });
    let body = show(sheet, move |s: DuesSheet| {
        let l = lang.get_untracked();
        let list: Vec<Row> = s
            .lines
            .into_iter()
            .map(|line| {
                // The payment this sheet recorded comes back as it was sent, so saving again
                // keeps it; a month paid by another sheet's payment (a prepayment) is not
                // paid twice.
                let more = PayMore::new();
                let amount = match &line.payment {
                    Some(p) => {
                        if p.months > 1 {
                            more.months.set(p.months.to_string());
                        }
                        if let Some(first) = p.first_month.filter(|f| *f != s.month) {
                            more.first_month.set(first.iso());
                        }
                        more.receipt_no
                            .set(p.receipt_no.clone().unwrap_or_default());
                        p.amount
                    }
                    None => line.month.due,
                };
                Row {
                    pays: RwSignal::new(line.payment.is_some()),
                    amount: RwSignal::new(format::dong(l, amount)),
                    more,
                    line,
                }
            })
            .collect();
        // The rows live with this answer's view: nothing outside it keeps their signals.
        let rows = StoredValue::new(list.clone());
        // Line `i` of the request is the `i`-th row ticked.
        let items = list
            .into_iter()
            .enumerate()
            .map(|(k, r)| {
                let index = Signal::derive(move || {
                    rows.with_value(|all| {
                        all.get(k)
                            .filter(|r| r.pays.get())
                            .map(|_| all.iter().take(k).filter(|r| r.pays.get()).count())
                    })
                });
                row_view(r, index, error)
            })
            .collect_view();
        let t = s.totals;
        let all_paid = move |_| {
            let l = lang.get_untracked();
            rows.with_value(|all| {
                for r in all.iter().filter(|r| payable(&r.line)) {
                    r.pays.set(true);
                    if format::parse_dong(&r.amount.get_untracked())
                        .ok()
                        .flatten()
                        .is_none()
                    {
                        r.amount.set(format::dong(l, r.line.month.due));
                    }
                }
            });
        };
        let submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let build = || -> Result<(Month, RecordDuesSheet), ApiError> {
                let channel: PaymentChannel = term("channel", channel)?;
                Ok((
                    month.get_untracked(),
                    RecordDuesSheet {
                        paid_on: date("paid_on", paid_on)?,
                        payments: rows.with_value(|r| payments(r, channel))?,
                    },
                ))
            };
            save.dispatch(build());
        };
        view! {
            <form on:submit=submit>
            <div class="table-wrap" tabindex="0">
                <table class="sheet dues">
                    <thead><tr>
                        <th>{move || lang.get().t(Text::FullName)}</th>
                        <th>{yl(lang, Yr::Basis)}</th>
                        <th class="num">{yl(lang, Yr::Due)}</th>
                        <th>{move || lang.get().t(Text::Status)}</th>
                        <th class="num">{yl(lang, Yr::Arrears)}</th>
                        <th>{yl(lang, Yr::Amount)}</th>
                    </tr></thead>
                    <tbody>{items}</tbody>
                </table>
            </div>
            <p class="totals">
                <strong>{l.yr(Yr::Total)}": "</strong>
                {format!("{} {} · {} {} · {} {} · {} {}",
                    l.yr(Yr::Due), format::dong(l, t.due),
                    l.yr(Yr::Paid), format::dong(l, t.paid),
                    l.yr(Yr::Arrears), format::dong(l, t.arrears),
                    l.yr(Yr::Unpaid), t.unpaid_members)}
            </p>
            <div class="actions">
                <button type="button" on:click=all_paid>{yl(lang, Yr::AllPaid)}</button>
                <button class="primary" type="submit" disabled=move || save.pending().get()>{yl(lang, Yr::SaveDues)}</button>
            </div>
            </form>
        }
        .into_any()
    });
    let month_text = move || month.get().iso();
    view! {
        <section class="card" aria-labelledby="h-dues">
            <h2 id="h-dues">{yl(lang, Yr::DuesSheet)}" "{move || month.get().to_string()}</h2>
            <div class="inline-form">
                    <div>
                        <label for="d-month">{yl(lang, Yr::Month)}</label>
                        <input id="d-month" type="month" prop:value=month_text
                            on:change=move |ev| set_month.set(Some(event_target_value(&ev)).filter(|v| !v.is_empty()))/>
                    </div>
                    <div>
                        <label for="d-paid_on">{yl(lang, Yr::PaidOn)}</label>
                        <DateInput id="d-paid_on" name="paid_on" value=paid_on required=true/>
                        {field_error(error, "paid_on")}
                    </div>
                    {super::choose("d-channel", Yr::Channel, terms(PaymentChannel::ALL), channel)}
                </div>
            {body}
            {field_error(error, "payments")}
            {outcome(save)}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(months: &str, first: &str, receipt: &str) -> PayMore<String> {
        PayMore {
            months: months.into(),
            first_month: first.into(),
            receipt_no: receipt.into(),
        }
    }

    #[test]
    fn an_empty_line_pays_the_sheets_month_alone() {
        assert_eq!(pay_more(&typed("", "", "  ")), Ok((1, None, None)));
    }

    #[test]
    fn a_prepayment_a_late_payment_and_a_receipt_are_read() {
        let Ok((months, first, receipt)) = pay_more(&typed(" 6 ", "2026-03", " BL-0042 ")) else {
            unreachable!("a whole line is read")
        };
        assert_eq!(months, 6);
        assert_eq!(first.map(|m| m.iso()), Some("2026-03".to_string()));
        assert_eq!(receipt.as_deref(), Some("BL-0042"));
    }

    #[test]
    fn months_out_of_range_and_a_bad_month_name_their_field() {
        assert_eq!(pay_more(&typed("0", "", "")), Err("months"));
        assert_eq!(pay_more(&typed("25", "", "")), Err("months"));
        assert_eq!(pay_more(&typed("", "03/2026", "")), Err("first_month"));
    }
}
