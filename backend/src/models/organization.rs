//! Organisations of the tree.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use qldv_api_types::organizations as dto;
use qldv_api_types::OrgId;

use crate::auth::Scope;
use crate::db::schema::{organization_kinds, organization_links, organizations};
use crate::db::DbConn;
use crate::domain::tree::{self, KindFacts};
use crate::error::{AppError, AppResult};

/// A stored organisation.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable, serde::Serialize)]
#[diesel(table_name = organizations)]
pub struct OrganizationRow {
    /// Id.
    pub id: OrgId,
    /// Parent (none for a root).
    pub parent_id: Option<OrgId>,
    /// Kind code.
    pub kind: String,
    /// Name.
    pub name: String,
    /// Code used by other systems.
    pub code: Option<String>,
    /// Materialised path.
    pub path: String,
    /// Depth (root 0).
    pub depth: i32,
    /// Established on.
    pub valid_from: Option<NaiveDate>,
    /// Closed on.
    pub valid_to: Option<NaiveDate>,
    /// Successor after a merge.
    pub successor_id: Option<OrgId>,
    /// Optimistic-concurrency version.
    pub version: i64,
    /// Created (UTC).
    pub created_at: NaiveDateTime,
    /// Changed (UTC).
    pub updated_at: NaiveDateTime,
}

/// A new organisation (its path is set once its id is known).
#[derive(Debug)]
pub struct NewOrganization<'a> {
    /// Parent row (already checked to be in the caller's scope), none for a root.
    pub parent: Option<&'a OrganizationRow>,
    /// Kind code.
    pub kind: &'a str,
    /// Name.
    pub name: &'a str,
    /// Code.
    pub code: Option<&'a str>,
    /// Established on.
    pub valid_from: Option<NaiveDate>,
}

/// Changes to an organisation.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = organizations)]
pub struct OrganizationChanges {
    /// New name.
    pub name: Option<String>,
    /// New code.
    pub code: Option<Option<String>>,
    /// New kind.
    pub kind: Option<String>,
}

/// A stored organisation kind.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = organization_kinds)]
pub struct KindRow {
    /// Code.
    pub code: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// Order from the top.
    pub sort_order: i32,
    /// Members registered directly in it.
    pub holds_members: bool,
}

impl KindRow {
    /// Every kind, top-down.
    pub fn all(conn: &mut DbConn) -> AppResult<Vec<Self>> {
        Ok(organization_kinds::table
            .order(organization_kinds::sort_order)
            .select(Self::as_select())
            .load(conn)?)
    }

    /// One kind, or a 422 naming the field.
    pub fn get(conn: &mut DbConn, code: &str) -> AppResult<Self> {
        organization_kinds::table
            .find(code)
            .select(Self::as_select())
            .first(conn)
            .optional()?
            .ok_or_else(|| crate::messages::organizations::unknown_kind(code))
    }

    /// The facts the tree rules need.
    pub fn facts(&self) -> KindFacts {
        KindFacts {
            code: self.code.clone(),
            sort_order: self.sort_order,
            holds_members: self.holds_members,
        }
    }

    /// The API view.
    pub fn to_dto(&self) -> dto::OrganizationKind {
        dto::OrganizationKind {
            code: self.code.clone(),
            name_vi: self.name_vi.clone(),
            name_en: self.name_en.clone(),
            sort_order: self.sort_order,
            holds_members: self.holds_members,
        }
    }
}

/// A boxed organisations query restricted to a scope.
type Boxed<'a> = organizations::BoxedQuery<'a, <DbConn as diesel::Connection>::Backend>;

fn scoped<'a>(scope: &Scope) -> Boxed<'a> {
    let q = organizations::table.into_boxed();
    match scope.path_range() {
        Some((lo, hi)) => q
            .filter(organizations::path.ge(lo))
            .filter(organizations::path.lt(hi)),
        None => q,
    }
}

impl OrganizationRow {
    /// One organisation inside the caller's scope, else 404.
    pub fn find(conn: &mut DbConn, scope: &Scope, id: OrgId) -> AppResult<Self> {
        scoped(scope)
            .filter(organizations::id.eq(id.0))
            .select(Self::as_select())
            .first(conn)
            .optional()?
            .ok_or(AppError::not_found(crate::messages::Thing::Organization))
    }

    /// Children of `parent` (or, with no parent, the caller's top organisations: the roots for a
    /// national caller, the scope root otherwise), ordered by name then id, after a cursor.
    pub fn children(
        conn: &mut DbConn,
        scope: &Scope,
        parent: Option<OrgId>,
        after: Option<(String, OrgId)>,
        limit: i64,
    ) -> AppResult<Vec<Self>> {
        let mut q = scoped(scope);
        q = match (parent, scope.root_id()) {
            (Some(p), _) => q.filter(organizations::parent_id.eq(p.0)),
            (None, None) => q.filter(organizations::parent_id.is_null()),
            (None, Some(root)) => q.filter(organizations::id.eq(root)),
        };
        if let Some((name, id)) = after {
            q = q.filter(
                organizations::name
                    .gt(name.clone())
                    .or(organizations::name.eq(name).and(organizations::id.gt(id))),
            );
        }
        Ok(
            q.order((organizations::name.asc(), organizations::id.asc()))
                .limit(limit)
                .select(Self::as_select())
                .load(conn)?,
        )
    }

    /// An organisation inside the scope by its code (used by other systems and import files).
    pub fn by_code(conn: &mut DbConn, scope: &Scope, code: &str) -> AppResult<Self> {
        scoped(scope)
            .filter(organizations::code.eq(code))
            .select(Self::as_select())
            .first(conn)
            .optional()?
            .ok_or(AppError::not_found(crate::messages::Thing::Organization))
    }

    /// Names of organisations by id (report rows; ids come from a scoped query).
    pub fn names(
        conn: &mut DbConn,
        ids: &[i64],
    ) -> AppResult<std::collections::HashMap<i64, String>> {
        Ok(organizations::table
            .filter(organizations::id.eq_any(ids))
            .select((organizations::id, organizations::name))
            .load::<(i64, String)>(conn)?
            .into_iter()
            .collect())
    }

    /// The subtree of `root` (itself first) in depth-first path order, after a path cursor,
    /// optionally no deeper than `max_depth` levels below the root.
    pub fn subtree(
        conn: &mut DbConn,
        root: &Self,
        after_path: Option<String>,
        max_depth: Option<i32>,
        limit: i64,
    ) -> AppResult<Vec<Self>> {
        let (lo, hi) = tree::subtree_range(&root.path);
        let mut q = organizations::table
            .filter(organizations::path.ge(lo).and(organizations::path.lt(hi)))
            .into_boxed();
        if let Some(p) = after_path {
            q = q.filter(organizations::path.gt(p));
        }
        if let Some(d) = max_depth {
            q = q.filter(organizations::depth.le(root.depth.saturating_add(d)));
        }
        Ok(q.order(organizations::path.asc())
            .limit(limit)
            .select(Self::as_select())
            .load(conn)?)
    }

    /// Inserts an organisation and sets its path from its new id, in the caller's transaction.
    pub fn insert(conn: &mut DbConn, new: &NewOrganization<'_>) -> AppResult<Self> {
        let now = super::now();
        // A unique placeholder until the id is known.
        let placeholder = format!("/pending/{}/", uuid::Uuid::new_v4());
        let id: OrgId = diesel::insert_into(organizations::table)
            .values((
                organizations::parent_id.eq(new.parent.map(|p| p.id)),
                organizations::kind.eq(new.kind),
                organizations::name.eq(new.name),
                organizations::code.eq(new.code),
                organizations::path.eq(&placeholder),
                organizations::depth.eq(new.parent.map(|p| p.depth + 1).unwrap_or(0)),
                organizations::valid_from.eq(new.valid_from),
                organizations::created_at.eq(now),
                organizations::updated_at.eq(now),
            ))
            .returning(organizations::id)
            .get_result(conn)?;
        let path = match new.parent {
            Some(p) => tree::child_path(&p.path, id.0),
            None => tree::root_path(id.0),
        };
        diesel::insert_into(organization_links::table)
            .values((
                organization_links::organization_id.eq(id),
                organization_links::parent_id.eq(new.parent.map(|p| p.id)),
                organization_links::from_on.eq(new.valid_from),
            ))
            .execute(conn)?;
        Ok(diesel::update(organizations::table.find(id))
            .set(organizations::path.eq(path))
            .returning(organizations::all_columns)
            .get_result::<Self>(conn)?)
    }

    /// Applies changes when the stored version is `expected` (412 with the current one otherwise).
    pub fn update(
        conn: &mut DbConn,
        id: OrgId,
        expected: i64,
        changes: &OrganizationChanges,
    ) -> AppResult<Self> {
        let updated = diesel::update(
            organizations::table
                .filter(organizations::id.eq(id))
                .filter(organizations::version.eq(expected)),
        )
        .set((
            changes,
            organizations::version.eq(organizations::version + 1),
            organizations::updated_at.eq(super::now()),
        ))
        .returning(organizations::all_columns)
        .get_result::<Self>(conn)
        .optional()?;
        match updated {
            Some(o) => Ok(o),
            None => {
                let current = organizations::table
                    .find(id)
                    .select(organizations::version)
                    .first::<i64>(conn)?;
                Err(AppError::PreconditionFailed(current))
            }
        }
    }

    /// The grassroots organisation of the organisation at `path` (see
    /// [`tree::grassroots_of`]); 422 when the path has none.
    pub fn grassroots_of(conn: &mut DbConn, path: &str) -> AppResult<Self> {
        let ids = tree::ids(path);
        let mut chain: Vec<Self> = organizations::table
            .filter(organizations::id.eq_any(&ids))
            .select(Self::as_select())
            .load(conn)?;
        chain.sort_by_key(|o| o.depth);
        let kinds: Vec<(i64, &str)> = chain.iter().map(|o| (o.id.0, o.kind.as_str())).collect();
        let id = tree::grassroots_of(&kinds)
            .ok_or_else(crate::messages::organizations::no_grassroots)?;
        chain
            .into_iter()
            .find(|o| o.id.0 == id)
            .ok_or(AppError::not_found(crate::messages::Thing::Organization))
    }

    /// Whether the organisation has children.
    pub fn has_children(conn: &mut DbConn, id: OrgId) -> AppResult<bool> {
        Ok(diesel::select(diesel::dsl::exists(
            organizations::table.filter(organizations::parent_id.eq(id)),
        ))
        .get_result(conn)?)
    }

    /// The API view.
    pub fn to_dto(&self) -> dto::Organization {
        dto::Organization {
            id: self.id,
            parent_id: self.parent_id,
            kind: self.kind.clone(),
            name: self.name.clone(),
            code: self.code.clone(),
            path: self.path.clone(),
            depth: self.depth,
            valid_from: self.valid_from,
            valid_to: self.valid_to,
            successor_id: self.successor_id,
            version: self.version,
            updated_at: super::utc(self.updated_at),
        }
    }
}
