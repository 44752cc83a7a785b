//! `/cards`: party cards issued by the level above.

use qldv_api_types::cards::{Card, IssueCard, ReissueCard};
use qldv_api_types::CardId;

use super::client::{Call, Method};
use super::ApiResult;

/// `POST /cards`: a member's first card.
pub async fn issue(body: &IssueCard) -> ApiResult<Card> {
    Call::json(Method::Post, "/cards", body)?.fetch().await
}

/// `POST /cards/{id}/reissue`: a new card for a lost or damaged one.
pub async fn reissue(id: CardId, body: &ReissueCard) -> ApiResult<Card> {
    Call::json(Method::Post, &format!("/cards/{id}/reissue"), body)?
        .fetch()
        .await
}
