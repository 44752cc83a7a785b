//! The one way a lifecycle change of a member is written: touch → events → state → audit.
//!
//! [`MemberWrite::begin`] claims the member's next version (the `If-Match` check; 412 when
//! stale); [`MemberWrite::event`] appends the change's events; [`MemberWrite::refresh`]
//! recomputes the cached state from all the events; [`Refreshed::audit`] (or
//! [`Refreshed::audit_with`]) appends the audit entry with the record before and after. Each step
//! takes what the previous one returned, so the order cannot be got wrong and a step cannot be
//! skipped without saying so.

use crate::auth::Actor;
use crate::error::{AppError, AppResult};
use crate::models::member::MemberRow;
use crate::models::member_event::{self, NewEvent};
use crate::models::uow::Uow;

/// A member change begun: the version claimed, events to append.
#[must_use = "a member change ends with refresh, then audit"]
pub struct MemberWrite {
    before: MemberRow,
    touched: MemberRow,
}

impl MemberWrite {
    /// Touches `before` (as read in this unit of work): claims its next version when its stored
    /// version is `expected` (412 with the current one otherwise).
    pub fn begin(uow: &mut Uow<'_>, before: MemberRow, expected: i64) -> AppResult<Self> {
        let touched = MemberRow::touch(uow, before.id, expected)?;
        Ok(Self { before, touched })
    }

    /// The record as it was before the change.
    pub fn before(&self) -> &MemberRow {
        &self.before
    }

    /// The record just touched (its new version).
    pub fn touched(&self) -> &MemberRow {
        &self.touched
    }

    /// Appends an event of this member.
    pub fn event(&self, uow: &mut Uow<'_>, actor: &Actor, event: &NewEvent<'_>) -> AppResult<()> {
        if event.member_id != self.before.id {
            return Err(AppError::internal(format!(
                "an event of member {} written in a change of member {}",
                event.member_id, self.before.id
            )));
        }
        member_event::append(uow, actor, event)
    }

    /// Recomputes the member's cached state from all its events, after the last event.
    pub fn refresh(self, uow: &mut Uow<'_>) -> AppResult<Refreshed> {
        let after = MemberRow::refresh_state(uow, self.before.id)?;
        Ok(Refreshed {
            before: self.before,
            after,
        })
    }

    /// Refreshes the state, then audits the member's change as `action`: the whole sequence's
    /// end for a change with no consequence on other records. The record after.
    pub fn finish(
        self,
        uow: &mut Uow<'_>,
        actor: &Actor,
        action: qldv_api_types::audit::AuditAction,
    ) -> AppResult<MemberRow> {
        self.refresh(uow)?.audit(uow, actor, action)
    }
}

/// A member change whose state is recomputed: its audit entry is what remains.
#[must_use = "a member change ends with its audit entry"]
pub struct Refreshed {
    before: MemberRow,
    after: MemberRow,
}

impl Refreshed {
    /// The record after the change.
    pub fn after(&self) -> &MemberRow {
        &self.after
    }

    /// Reads the record again, after consequences of the change (a card collected, badges
    /// returned) that changed it.
    pub fn reload(self, uow: &mut Uow<'_>) -> AppResult<Self> {
        let after = MemberRow::find(uow, &crate::auth::Scope::system(), self.after.id)?;
        Ok(Self { after, ..self })
    }

    /// Audits the member's change as `action`, with the record before and after; the record after.
    pub fn audit(
        self,
        uow: &mut Uow<'_>,
        actor: &Actor,
        action: qldv_api_types::audit::AuditAction,
    ) -> AppResult<MemberRow> {
        super::audit(uow, actor, action, Some(&self.before), &self.after)?;
        Ok(self.after)
    }

    /// Audits the change through another record's entry (a transfer's): `audit` is given the
    /// member before and after, and what it returns is returned.
    pub fn audit_with<T>(
        self,
        uow: &mut Uow<'_>,
        audit: impl FnOnce(&mut Uow<'_>, &MemberRow, &MemberRow) -> AppResult<T>,
    ) -> AppResult<T> {
        audit(uow, &self.before, &self.after)
    }

    /// Ends a change audited by the entry of the operation that contains it (a restructure
    /// audits the organisation, whose members move with it): `by` names that entry's action.
    pub fn audited_by(self, _entry: qldv_api_types::audit::AuditAction) -> MemberRow {
        self.after
    }
}
