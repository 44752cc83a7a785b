//! `/members`: records, their history and the decisions on them.

use qldv_api_types::badges::Badge;
use qldv_api_types::cards::Card;
use qldv_api_types::evaluations::Evaluation;
use qldv_api_types::members::{
    CreateMember, Member, MemberEvent, MemberProfile, MemberStatus, Recognition,
};
use qldv_api_types::movements::{CreateDiscipline, Discipline, ExitRequest, ReadmissionRequest};
use qldv_api_types::{MemberId, OrgId, Page};

use super::client::{all, download, Call, Method};
use super::query::Query;
use super::ApiResult;

/// The filters of the member list (as the list's URL carries them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberFilter {
    /// The organisation whose subtree is listed (the whole scope when absent).
    pub organization_id: Option<OrgId>,
    /// Search text: a name with or without diacritics, a CCCD or a card number.
    pub q: String,
    /// One status only.
    pub status: Option<MemberStatus>,
}

impl MemberFilter {
    fn query(&self) -> Query {
        Query::new()
            .set("sort", "name")
            .opt("organization_id", self.organization_id)
            .text("q", &self.q)
            .opt("status", self.status)
    }
}

/// `GET /members`: one page of 50 in Vietnamese name order, from `cursor`.
pub async fn list(filter: &MemberFilter, cursor: Option<&str>) -> ApiResult<Page<Member>> {
    let q = filter.query().set("limit", 50).opt("cursor", cursor);
    Call::new(Method::Get, "/members", &q).fetch().await
}

/// `GET /members/export`: the filtered list as a CSV file, saved by the browser.
pub async fn export_csv(filter: &MemberFilter) -> ApiResult<()> {
    let call = Call::new(Method::Get, "/members/export", &filter.query());
    download(call, "danh-sach-dang-vien.csv").await
}

/// `POST /members`: an admission, or the data entry of an existing member.
pub async fn create(body: &CreateMember) -> ApiResult<Member> {
    Call::json(Method::Post, "/members", body)?.fetch().await
}

/// `GET /members/{id}`.
pub async fn get(id: MemberId) -> ApiResult<Member> {
    Call::get(&format!("/members/{id}")).fetch().await
}

/// `PATCH /members/{id}` with `If-Match: version`: a correction of the dossier.
pub async fn update(id: MemberId, changes: &MemberProfile, version: i64) -> ApiResult<Member> {
    Call::json(Method::Patch, &format!("/members/{id}"), changes)?
        .if_match(version)
        .fetch()
        .await
}

/// `GET /members/{id}/events`: the dated history, every page.
pub async fn events(id: MemberId) -> ApiResult<Vec<MemberEvent>> {
    all(&format!("/members/{id}/events"), &Query::new()).await
}

/// `GET /members/{id}/evaluations`.
pub async fn evaluations(id: MemberId) -> ApiResult<Vec<Evaluation>> {
    all(&format!("/members/{id}/evaluations"), &Query::new()).await
}

/// `GET /members/{id}/cards`.
pub async fn cards(id: MemberId) -> ApiResult<Vec<Card>> {
    all(&format!("/members/{id}/cards"), &Query::new()).await
}

/// `GET /members/{id}/badges`.
pub async fn badges(id: MemberId) -> ApiResult<Vec<Badge>> {
    all(&format!("/members/{id}/badges"), &Query::new()).await
}

/// `GET /members/{id}/disciplines`.
pub async fn disciplines(id: MemberId) -> ApiResult<Vec<Discipline>> {
    all(&format!("/members/{id}/disciplines"), &Query::new()).await
}

/// `POST /members/{id}/recognition`: recognised as an official member.
pub async fn recognize(id: MemberId, body: &Recognition) -> ApiResult<Member> {
    Call::json(Method::Post, &format!("/members/{id}/recognition"), body)?
        .fetch()
        .await
}

/// `POST /members/{id}/disciplines`.
pub async fn discipline(id: MemberId, body: &CreateDiscipline) -> ApiResult<Discipline> {
    Call::json(Method::Post, &format!("/members/{id}/disciplines"), body)?
        .fetch()
        .await
}

/// `POST /members/{id}/exit`.
pub async fn exit(id: MemberId, body: &ExitRequest) -> ApiResult<Member> {
    Call::json(Method::Post, &format!("/members/{id}/exit"), body)?
        .fetch()
        .await
}

/// `POST /members/{id}/readmission`.
pub async fn readmit(id: MemberId, body: &ReadmissionRequest) -> ApiResult<Member> {
    Call::json(Method::Post, &format!("/members/{id}/readmission"), body)?
        .fetch()
        .await
}

/// The first `pages` pages of the list (50 each), and whether more follow.
pub async fn first_pages(filter: &MemberFilter, pages: u32) -> ApiResult<(Vec<Member>, bool)> {
    let mut members = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..pages.max(1) {
        let page = list(filter, cursor.as_deref()).await?;
        members.extend(page.items);
        cursor = page.next_cursor;
        if cursor.is_none() {
            break;
        }
    }
    Ok((members, cursor.is_some()))
}
