//! One member's rows: the record, its events and periods, a card, badges; ratings collected.

use chrono::{Datelike, Duration, NaiveDate};
use qldv_api_types::members::{Gender, MemberEventKind as Ev, PoliticalTheory};
use qldv_api_types::movements::MembershipEnd;
use qldv_api_types::vocabulary::Term;
use rand::rngs::StdRng;
use rand::Rng;
use serde_json::json;

use super::super::person::{self, History, Person};
use super::super::Rules;
use super::{Loader, Org, Unit};
use crate::db::DbConn;
use crate::domain::badge::{self, Standing};
use crate::domain::evaluation::{year_end, year_start};
use crate::domain::party_age::{self, PartyAgeFacts};
use crate::domain::vn_text;
use crate::error::AppResult;
use crate::models::member::ProfileChanges;
use crate::services::members::new_row;

impl Loader {
    /// `size` members in `cell`, rated within `unit`.
    #[allow(clippy::too_many_arguments)]
    pub fn members(
        &mut self,
        conn: &mut DbConn,
        rng: &mut StdRng,
        rules: &Rules,
        unit: &mut Unit,
        cell: &Org,
        (province, code): (&str, u16),
        size: u64,
    ) -> AppResult<()> {
        for _ in 0..size {
            let mut p = person::person(rng, &format!("tỉnh {province}"));
            let drawn = (0..20).find_map(|_| {
                person::history(rng, rules, self.today, self.previous_cell.is_some())
            });
            let Some((birth, h)) = drawn else { continue };
            p.birth = birth;
            self.member(conn, rng, rules, unit, cell, code, &p, &h)?;
        }
        self.previous_cell = Some(cell.id);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn member(
        &mut self,
        conn: &mut DbConn,
        rng: &mut StdRng,
        rules: &Rules,
        unit: &mut Unit,
        cell: &Org,
        code: u16,
        p: &Person,
        h: &History,
    ) -> AppResult<()> {
        let id = self.next(2);
        let reg = |d: NaiveDate| rules.at(d).regulation.clone();
        let marker = (u32::from(p.birth.year() >= 2000) * 2) + u32::from(p.gender == "female");
        let serial = self
            .serials
            .entry((code, marker, p.birth.year()))
            .or_default();
        *serial += 1;
        let national_id = person::national_id(code, p.gender, p.birth, *serial);
        let first_cell = match h.transferred_on {
            Some(_) => self.previous_cell.unwrap_or(cell.id),
            None => cell.id,
        };
        let decision_no = format!("{}-QĐ/ĐU", rng.gen_range(1..900));
        let d = &h.derived;
        let active = h.exit.is_none();
        // Events, as the API records them.
        let mut events: Vec<(Ev, NaiveDate, Option<String>, i64, serde_json::Value)> = vec![(
            Ev::Admitted,
            h.decision,
            Some(decision_no.clone()),
            first_cell,
            json!({"ceremony_on": h.ceremony, "first_admission_decision_on": h.decision, "data_entry": true}),
        )];
        if let Some(o) = h.official_on {
            let at = if h.transferred_on.is_some_and(|t| t <= o) {
                cell.id
            } else {
                first_cell
            };
            events.push((Ev::Recognized, o, None, at, json!({"data_entry": true})));
        }
        if let Some(t) = h.transferred_on {
            let moved = json!({"from_organization_id": first_cell, "to_organization_id": cell.id});
            events.push((Ev::TransferIssued, t, None, first_cell, moved.clone()));
            events.push((Ev::TransferReceived, t, None, cell.id, moved));
        }
        if let Some((on, reason)) = h.exit {
            events.push((
                Ev::Exited,
                on,
                Some(format!("{}-QĐ/ĐU", rng.gen_range(1..900))),
                cell.id,
                json!({"reason": reason}),
            ));
        }
        events.sort_by_key(|e| e.1);
        for (kind, on, no, org, details) in events {
            let eid = self.next(3);
            let decided = no.as_ref().map(|_| on);
            self.full |= self.events.push(&[
                eid.into(),
                id.into(),
                kind.as_str().into(),
                on.into(),
                no.into(),
                decided.into(),
                org.into(),
                reg(on).into(),
                details.to_string().into(),
                "qldv seed".into(),
                self.now.into(),
            ]);
            self.summary.events += 1;
        }
        // Membership periods.
        let exit_on = h.exit.map(|(on, _)| on);
        let exit_reason = h.exit.map(|(_, r)| r);
        if let Some(t) = h.transferred_on {
            let a = self.next(4);
            self.full |= self.periods.push(&[
                a.into(),
                id.into(),
                first_cell.into(),
                h.decision.into(),
                Some(t).into(),
                "admitted".into(),
                "transferred_out".into(),
            ]);
            let b = self.next(4);
            self.full |= self.periods.push(&[
                b.into(),
                id.into(),
                cell.id.into(),
                t.into(),
                exit_on.into(),
                "transferred_in".into(),
                exit_reason.into(),
            ]);
        } else {
            let a = self.next(4);
            self.full |= self.periods.push(&[
                a.into(),
                id.into(),
                cell.id.into(),
                h.decision.into(),
                exit_on.into(),
                "admitted".into(),
                exit_reason.into(),
            ]);
        }
        // Card, badges, ratings for active official members.
        let mut card = None;
        let mut held = 0u32;
        let age = PartyAgeFacts {
            first_decision: d.first_decision,
            recognised: d.ever_recognised,
            interruptions: d.interruptions.clone(),
        };
        if let Some(official) = h.official_on {
            if active {
                let issued = (official + Duration::days(rng.gen_range(30..150))).min(self.today);
                self.card_number += 1;
                let number = format!("{:08}", self.card_number);
                let cid = self.next(7);
                self.full |= self.cards.push(&[
                    cid.into(),
                    id.into(),
                    number.clone().into(),
                    qldv_api_types::cards::CardStatus::Active.as_str().into(),
                    issued.into(),
                    format!("{}-QĐ/TU", rng.gen_range(1..900)).into(),
                    reg(issued).into(),
                    1i64.into(),
                    self.now.into(),
                    self.now.into(),
                ]);
                self.summary.cards += 1;
                card = Some(number);
            }
            // The badges of the occasions while a member; returned on an exit other than
            // death (rule 12).
            let until = exit_on.unwrap_or(self.today);
            let returned_on = h.exit.filter(|(_, r)| *r != "deceased").map(|(on, _)| on);
            for m in rules.at(self.today).badge_milestones.clone() {
                let occasion = next_occasion(badge::reach_date(&age, m));
                if occasion >= until {
                    break;
                }
                let years = party_age::years(&age, occasion).unwrap_or(m);
                let bid = self.next(8);
                let status = if returned_on.is_some() {
                    qldv_api_types::badges::BadgeStatus::Returned
                } else {
                    qldv_api_types::badges::BadgeStatus::Awarded
                }
                .as_str();
                self.full |= self.badges.push(&[
                    bid.into(),
                    id.into(),
                    i64::from(m).into(),
                    occasion.into(),
                    format!("{}-QĐ/TU", rng.gen_range(1..900)).into(),
                    status.into(),
                    false.into(),
                    false.into(),
                    i64::from(years).into(),
                    reg(occasion).into(),
                    returned_on.into(),
                    self.now.into(),
                ]);
                self.summary.badges += 1;
                held = m;
            }
            for year in (self.today.year() - 3)..self.today.year() {
                if official < year_start(year) && exit_on.is_none_or(|e| e > year_end(year)) {
                    let level = match rng.gen_range(0..100) {
                        0..=11 => "excellent",
                        12..=79 => "good",
                        80..=96 => "complete",
                        _ => "not_complete",
                    };
                    unit.ratings.push((id, year, level));
                }
            }
        }
        let standing = match h.exit {
            None => Standing::Active,
            Some((on, "deceased")) => Standing::Deceased(on),
            Some(_) => Standing::Gone,
        };
        let next_badge = badge::next_due(&age, standing, held, rules.at(self.today));
        // The record, made as creation makes it and written through the model's column list.
        let unknown = crate::error::AppError::internal;
        let profile = ProfileChanges {
            full_name: Some(p.full_name.clone()),
            name_folded: Some(vn_text::fold(&p.full_name)),
            name_sort_key: Some(vn_text::sort_key(&p.full_name)),
            gender: Some(Gender::parse(p.gender).map_err(unknown)?),
            birth_date: Some(p.birth),
            hometown: Some(Some(p.hometown.clone())),
            ethnicity: Some(Some(p.ethnicity.into())),
            religion: Some(Some(p.religion.into())),
            national_id: Some(Some(national_id)),
            phone: Some(Some(p.phone.clone())),
            education_general: Some(Some(p.education.into())),
            political_theory: Some(Some(PoliticalTheory::parse(p.theory).map_err(unknown)?)),
            occupation: Some(Some(p.occupation.into())),
            admission_decision_no: Some(Some(decision_no)),
            ..ProfileChanges::default()
        };
        let mut row = new_row(
            qldv_api_types::MemberId(id),
            qldv_api_types::OrgId(cell.id),
            cell.path.clone(),
            profile,
            d,
            self.now,
        )?;
        row.card_number = card;
        row.exit_reason = exit_reason
            .map(MembershipEnd::parse)
            .transpose()
            .map_err(unknown)?;
        row.badge_milestone_held = i32::try_from(held).unwrap_or(i32::MAX);
        row.next_badge_on = next_badge;
        self.full |= self.members.push(&row.values());
        self.summary.members += 1;
        self.flush_if_full(conn)
    }
}

/// The first badge occasion (3 Feb, 19 May, 2 Sep, 7 Nov) on or after `date`.
fn next_occasion(date: NaiveDate) -> NaiveDate {
    let y = date.year();
    [(2, 3), (5, 19), (9, 2), (11, 7)]
        .iter()
        .filter_map(|(m, d)| NaiveDate::from_ymd_opt(y, *m, *d))
        .find(|o| *o >= date)
        .or_else(|| NaiveDate::from_ymd_opt(y + 1, 2, 3))
        .unwrap_or(NaiveDate::MAX)
}
