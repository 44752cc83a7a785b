//! Bulk-import jobs.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use qldv_api_types::reports::{ImportError, ImportJob, ImportKind, ImportStatus};
use qldv_api_types::{ImportId, OrgId, UserId};

use crate::auth::Scope;
use crate::db::schema::{imports, organizations};
use crate::db::DbConn;
use crate::error::{AppError, AppResult};

/// An import job row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = imports)]
pub struct ImportRow {
    /// Id.
    pub id: ImportId,
    /// Target organisation.
    pub organization_id: OrgId,
    /// File name.
    pub file_name: String,
    /// SHA-256 of the file.
    pub file_sha256: String,
    /// What the file brings in.
    pub kind: ImportKind,
    /// Running, succeeded, failed or interrupted.
    pub status: ImportStatus,
    /// Data rows.
    pub total_rows: i64,
    /// Rows validated.
    pub processed_rows: i64,
    /// Members created.
    pub created_count: i64,
    /// Rows already present.
    pub unchanged_count: i64,
    /// Rows with problems.
    pub error_count: i64,
    /// The error report, JSON.
    pub errors: Option<String>,
    /// A message for the whole file.
    pub message: Option<String>,
    /// Who started it.
    pub created_by: Option<UserId>,
    /// Their user name.
    pub created_by_name: String,
    /// Started (UTC).
    pub created_at: NaiveDateTime,
    /// Ended (UTC).
    pub finished_at: Option<NaiveDateTime>,
}

/// How a job ended.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Rows validated.
    pub processed: i64,
    /// Members created.
    pub created: i64,
    /// Rows already present.
    pub unchanged: i64,
    /// Every problem found.
    pub errors: Vec<ImportError>,
    /// A message for the whole file.
    pub message: Option<String>,
}

impl ImportRow {
    /// Records a started job of `kind` (committed on its own, so that it can be polled).
    #[allow(clippy::too_many_arguments)]
    pub fn start(
        conn: &mut DbConn,
        kind: ImportKind,
        organization_id: OrgId,
        file_name: &str,
        sha256: &str,
        total_rows: i64,
        user_id: Option<UserId>,
        username: &str,
    ) -> AppResult<Self> {
        let id: ImportId = diesel::insert_into(imports::table)
            .values((
                imports::organization_id.eq(organization_id),
                imports::kind.eq(kind),
                imports::file_name.eq(file_name),
                imports::file_sha256.eq(sha256),
                imports::status.eq(ImportStatus::Running),
                imports::total_rows.eq(total_rows),
                imports::created_by.eq(user_id),
                imports::created_by_name.eq(username),
                imports::created_at.eq(super::now()),
            ))
            .returning(imports::id)
            .get_result(conn)?;
        Ok(imports::table
            .find(id)
            .select(Self::as_select())
            .first(conn)?)
    }

    /// Records how a job ended.
    pub fn finish(
        conn: &mut DbConn,
        id: ImportId,
        status: ImportStatus,
        o: &Outcome,
    ) -> AppResult<()> {
        let errors = serde_json::to_string(&o.errors).map_err(AppError::internal)?;
        diesel::update(imports::table.find(id))
            .set((
                imports::status.eq(status),
                imports::processed_rows.eq(o.processed),
                imports::created_count.eq(o.created),
                imports::unchanged_count.eq(o.unchanged),
                imports::error_count.eq(i64::try_from(o.errors.len()).unwrap_or(i64::MAX)),
                imports::errors.eq(Some(errors)),
                imports::message.eq(o.message.clone()),
                imports::finished_at.eq(Some(super::now())),
            ))
            .execute(conn)?;
        Ok(())
    }

    /// A job still `running` whose own connection failed is recorded as failed with `message`
    /// (a job that already ended keeps its outcome).
    pub fn fail_if_running(conn: &mut DbConn, id: ImportId, message: &str) -> AppResult<()> {
        diesel::update(
            imports::table
                .find(id)
                .filter(imports::status.eq(ImportStatus::Running)),
        )
        .set((
            imports::status.eq(ImportStatus::Failed),
            imports::message.eq(Some(message)),
            imports::finished_at.eq(Some(super::now())),
        ))
        .execute(conn)?;
        Ok(())
    }

    /// Jobs left `running` by a stopped process: nothing of theirs was committed (each runs in
    /// one transaction), so they are marked interrupted. Returns how many.
    pub fn mark_interrupted(conn: &mut DbConn) -> AppResult<usize> {
        Ok(
            diesel::update(imports::table.filter(imports::status.eq(ImportStatus::Running)))
                .set((
                    imports::status.eq(ImportStatus::Interrupted),
                    imports::message.eq(Some(crate::messages::imports::interrupted().vi)),
                    imports::finished_at.eq(Some(super::now())),
                ))
                .execute(conn)?,
        )
    }

    /// A job whose organisation lies inside the scope, else 404.
    pub fn find(conn: &mut DbConn, scope: &Scope, id: ImportId) -> AppResult<Self> {
        let mut q = imports::table
            .inner_join(organizations::table)
            .filter(imports::id.eq(id))
            .into_boxed();
        if let Some((lo, hi)) = scope.path_range() {
            q = q
                .filter(organizations::path.ge(lo))
                .filter(organizations::path.lt(hi));
        }
        q.select(Self::as_select())
            .first(conn)
            .optional()?
            .ok_or(AppError::not_found(crate::messages::Thing::Import))
    }

    /// The newest jobs inside the scope, before a cursor (an id).
    pub fn recent(
        conn: &mut DbConn,
        scope: &Scope,
        before: Option<i64>,
        limit: i64,
    ) -> AppResult<Vec<Self>> {
        let mut q = imports::table.inner_join(organizations::table).into_boxed();
        if let Some((lo, hi)) = scope.path_range() {
            q = q
                .filter(organizations::path.ge(lo))
                .filter(organizations::path.lt(hi));
        }
        if let Some(b) = before {
            q = q.filter(imports::id.lt(b));
        }
        Ok(q.order(imports::id.desc())
            .limit(limit)
            .select(Self::as_select())
            .load(conn)?)
    }

    /// The API view; `progress` overrides the stored count while the job runs.
    pub fn to_dto(&self, progress: Option<i64>) -> ImportJob {
        ImportJob {
            id: self.id,
            organization_id: self.organization_id,
            file_name: self.file_name.clone(),
            file_sha256: self.file_sha256.clone(),
            kind: self.kind,
            status: self.status,
            total_rows: self.total_rows,
            processed_rows: progress.unwrap_or(self.processed_rows),
            created: self.created_count,
            unchanged: self.unchanged_count,
            error_count: self.error_count,
            errors: self
                .errors
                .as_deref()
                .and_then(|e| serde_json::from_str(e).ok())
                .unwrap_or_default(),
            message: self.message.clone(),
            created_by: self.created_by_name.clone(),
            created_at: super::utc(self.created_at),
            finished_at: self.finished_at.map(super::utc),
        }
    }
}
