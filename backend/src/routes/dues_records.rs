//! One dues record by id (issue 23): `GET /dues-bases/{id}`, `/dues-reliefs/{id}`,
//! `/dues-arrangements/{id}`, `/dues-payments/{id}`, each inside the caller's scope (a basis,
//! relief or arrangement through its member, a payment through the cell that collected it).
//! What the change feed publishes of each is this body.

use actix_web::{get, web};
use qldv_api_types::dues::{DuesArrangement, DuesBasis, DuesPayment, DuesReliefRecord};
use qldv_api_types::{DuesArrangementId, DuesBasisId, DuesPaymentId, DuesReliefId};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::routes::problems;
use crate::services::dues::records;
use crate::state::AppState;

/// Registers the handlers.
pub fn configure(cfg: &mut ServiceConfig<'_>) {
    cfg.service(get_dues_basis)
        .service(get_dues_relief)
        .service(get_dues_arrangement)
        .service(get_dues_payment);
}

/// A member's dated dues basis; the income base is absent for viewers and integrations.
#[utoipa::path(
    tag = "dues",
    params(("id" = DuesBasisId, Path, description = "Basis id")),
    responses(
        (status = 200, description = "The basis", body = DuesBasis),
        problems::NotFound,
    ),
)]
#[get("/dues-bases/{id}")]
pub async fn get_dues_basis(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<DuesBasisId>,
) -> Result<web::Json<DuesBasis>, AppError> {
    let id = id.into_inner();
    let dto = crate::db::run(&state.pool, move |c| {
        records::basis(c, (&user.scope, user.privacy()), id)
    })
    .await?;
    Ok(web::Json(dto))
}

/// A member's dues exemption or reduction.
#[utoipa::path(
    tag = "dues",
    params(("id" = DuesReliefId, Path, description = "Relief id")),
    responses(
        (status = 200, description = "The relief", body = DuesReliefRecord),
        problems::NotFound,
    ),
)]
#[get("/dues-reliefs/{id}")]
pub async fn get_dues_relief(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<DuesReliefId>,
) -> Result<web::Json<DuesReliefRecord>, AppError> {
    let id = id.into_inner();
    let dto = crate::db::run(&state.pool, move |c| records::relief(c, &user.scope, id)).await?;
    Ok(web::Json(dto))
}

/// A member's dues deferral or prepayment arrangement.
#[utoipa::path(
    tag = "dues",
    params(("id" = DuesArrangementId, Path, description = "Arrangement id")),
    responses(
        (status = 200, description = "The arrangement", body = DuesArrangement),
        problems::NotFound,
    ),
)]
#[get("/dues-arrangements/{id}")]
pub async fn get_dues_arrangement(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<DuesArrangementId>,
) -> Result<web::Json<DuesArrangement>, AppError> {
    let id = id.into_inner();
    let dto = crate::db::run(&state.pool, move |c| {
        records::arrangement(c, &user.scope, id)
    })
    .await?;
    Ok(web::Json(dto))
}

/// A dues payment recorded on a cell's sheet (a corrected sheet replaces its payments: the
/// replaced ones answer 404, the feed's last change of them is `void`).
#[utoipa::path(
    tag = "dues",
    params(("id" = DuesPaymentId, Path, description = "Payment id")),
    responses(
        (status = 200, description = "The payment", body = DuesPayment),
        problems::NotFound,
    ),
)]
#[get("/dues-payments/{id}")]
pub async fn get_dues_payment(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<DuesPaymentId>,
) -> Result<web::Json<DuesPayment>, AppError> {
    let id = id.into_inner();
    let dto = crate::db::run(&state.pool, move |c| records::payment(c, &user.scope, id)).await?;
    Ok(web::Json(dto))
}
