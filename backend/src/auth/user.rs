//! The authenticated caller, as an extractor.

use std::future::Future;
use std::pin::Pin;

use actix_web::{http::header, web, FromRequest, HttpRequest};

use super::{tokens, Role, Scope};
use crate::error::AppError;
use crate::models::user::{Principal, UserRow};
use crate::state::AppState;
use crate::telemetry::current_request_id;

/// The signed-in caller: user, role and scope. Taking it as a handler argument makes the route
/// require authentication (401 otherwise).
#[derive(Debug, Clone)]
pub struct AuthUser {
    /// User id.
    pub id: qldv_api_types::UserId,
    /// User name.
    pub username: String,
    /// Role.
    pub role: Role,
    /// What the caller may see.
    pub scope: Scope,
    /// Id of the request, captured for audit entries written off the async task.
    pub request_id: Option<String>,
    /// Whether the caller used a long-lived API token rather than a sign-in.
    pub via_api_token: bool,
    /// Whether the caller is a national administrator (see [`AuthUser::is_national_admin`]).
    national_admin: bool,
}

/// Who made a change, for audit entries.
#[derive(Debug, Clone)]
pub struct Actor {
    /// User id (`None` for the system itself).
    pub user_id: Option<qldv_api_types::UserId>,
    /// User name (`system` for the server itself).
    pub username: String,
    /// The request that made the change.
    pub request_id: Option<String>,
}

impl Actor {
    /// The server itself (start-up, command line).
    pub fn system(what: &str) -> Self {
        Self {
            user_id: None,
            username: format!("system:{what}"),
            request_id: None,
        }
    }
}

impl AuthUser {
    /// The actor for audit entries.
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: Some(self.id),
            username: self.username.clone(),
            request_id: self.request_id.clone(),
        }
    }

    /// How much of a member's personal data the caller sees.
    pub fn privacy(&self) -> crate::domain::privacy::Privacy {
        crate::domain::privacy::Privacy::for_role(self.role)
    }

    /// 403 unless the caller may write records (admin, organizer).
    pub fn require_writer(&self) -> Result<(), AppError> {
        match self.role {
            Role::Admin | Role::Organizer => Ok(()),
            _ => Err(crate::messages::accounts::read_only_role()),
        }
    }

    /// 403 unless the caller may read the change feed: integration accounts and administrators.
    pub fn require_feed_reader(&self) -> Result<(), AppError> {
        match self.role {
            Role::Admin | Role::Integration => Ok(()),
            _ => Err(crate::messages::accounts::feed_readers_only()),
        }
    }

    /// Whether the caller is a national administrator, as decided by
    /// [`crate::domain::access::is_national_admin`] when the caller was authenticated. Its scope
    /// is then the whole tree; an administrator attached to an organisation is not one.
    pub fn is_national_admin(&self) -> bool {
        self.national_admin
    }

    /// 403 unless the caller is a national administrator: for national operations (national
    /// accounts, root organisations, sync trust), refused to a scoped administrator.
    pub fn require_national_admin(&self) -> Result<(), AppError> {
        if self.national_admin {
            Ok(())
        } else {
            Err(crate::messages::accounts::national_admins_only())
        }
    }

    /// 403 unless the caller is an administrator, national or scoped: what it does must still be
    /// bounded by its scope.
    pub fn require_admin(&self) -> Result<(), AppError> {
        match self.role {
            Role::Admin => Ok(()),
            _ => Err(crate::messages::accounts::admins_only()),
        }
    }

    /// The caller for a command run on the server's own machine as a named account (its role and
    /// scope apply, as if it had signed in).
    pub fn of_account(conn: &mut crate::db::DbConn, username: &str) -> Result<Self, AppError> {
        let user = UserRow::by_username(conn, username)?
            .ok_or_else(|| crate::messages::accounts::unknown_user(username))?;
        let principal = UserRow::principal(conn, user.id)?
            .ok_or_else(|| crate::messages::accounts::inactive_user(username))?;
        Ok(Self::from_principal(principal, None, false))
    }

    fn from_principal(p: Principal, request_id: Option<String>, via_api_token: bool) -> Self {
        let national_admin = crate::domain::access::is_national_admin(p.role, p.org_id);
        let scope = match (national_admin, p.org_id, p.org_path) {
            (true, _, _) => Scope::national(),
            (false, Some(id), Some(path)) => Scope::subtree(id, path),
            // A non-admin without an organisation sees nothing: an impossible subtree.
            _ => Scope::subtree(qldv_api_types::OrgId(-1), "/-/".into()),
        };
        Self {
            id: p.user.id,
            username: p.user.username,
            role: p.role,
            scope,
            request_id,
            via_api_token,
            national_admin,
        }
    }
}

fn bearer(req: &HttpRequest) -> Result<String, AppError> {
    let value = req
        .headers()
        .get(header::AUTHORIZATION)
        .ok_or_else(crate::messages::accounts::not_authenticated)?;
    let value = value.to_str().map_err(|_| bad_token())?;
    let (scheme, token) = value.split_once(' ').ok_or_else(bad_token)?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(bad_token());
    }
    Ok(token.trim().to_string())
}

fn bad_token() -> AppError {
    crate::messages::accounts::invalid_token()
}

impl FromRequest for AuthUser {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let token = bearer(req);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let request_id = current_request_id();
        Box::pin(async move {
            let token = token?;
            let state = state.ok_or_else(|| AppError::internal("application state missing"))?;
            if token.starts_with(tokens::API_TOKEN_PREFIX) {
                let digest = tokens::digest(&token);
                let principal =
                    crate::db::run(&state.pool, move |c| UserRow::by_api_token(c, &digest)).await?;
                let principal = principal.ok_or_else(bad_token)?;
                return Ok(Self::from_principal(principal, request_id, true));
            }
            let user_id = state.jwt.verify(&token).ok_or_else(bad_token)?;
            let principal = crate::db::run(&state.pool, move |c| UserRow::principal(c, user_id))
                .await?
                .ok_or_else(bad_token)?;
            Ok(Self::from_principal(principal, request_id, false))
        })
    }
}
