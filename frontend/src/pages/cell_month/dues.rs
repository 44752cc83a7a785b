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

/// One member's row: the server's line, whether they pay now, and the amount.
#[derive(Clone)]
struct Row {
    line: DuesSheetLine,
    pays: RwSignal<bool>,
    amount: RwSignal<String>,
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
        out.push(DuesPaymentLine {
            member_id: r.line.member_id,
            amount,
            months: 1,
            first_month: None,
            channel,
            receipt_no: None,
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
    let (pays, amount) = (r.pays, r.amount);
    let can_pay = payable(&line);
    let name = line.full_name.clone();
    let name2 = name.clone();
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
            <td data-label=move || lang.get().t(Text::Status)>{move || lang.get().term(m.state)}</td>
            <td class="num" data-label=cell(Yr::Arrears)>{format::dong(l, line.arrears_to_date)}</td>
            <td data-label=cell(Yr::Amount)>
                {can_pay.then(|| view! {
                    <input type="checkbox" bind:checked=pays
                        aria-label=move || format!("{}: {}", lang.get().yr(Yr::Paid), name)/>
                    <input type="text" inputmode="numeric" class="amount" bind:value=amount
                        aria-label=move || format!("{}: {}", lang.get().yr(Yr::Amount), name2)/>
                })}
                {move || refused().map(|m| view! { <div class="field-error" role="alert">{m}</div> })}
            </td>
        </tr>
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
    let save = write(move |body: &Result<(Month, RecordDuesSheet), ApiError>| {
        let body = body.clone();
        async move {
            let (m, body) = body?;
            let out = api::dues::record(org, m, &body).await?;
            changed.update(|n| *n += 1);
            Ok(out)
        }
    });
    let error = failure(save);
    let sheet = read(move || {
        save.version().track();
        let m = month.get();
        async move { api::dues::sheet(org, m).await }
    });
    let body = show(sheet, move |s: DuesSheet| {
        let l = lang.get_untracked();
        let list: Vec<Row> = s
            .lines
            .into_iter()
            .map(|line| {
                let before = line.month.paid + line.month.extra;
                let due = line.month.due;
                Row {
                    pays: RwSignal::new(before > 0),
                    amount: RwSignal::new(format::dong(l, if before > 0 { before } else { due })),
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
