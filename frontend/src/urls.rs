//! The client's own URLs: every place a clerk can bookmark, share, go back to and reload.
//!
//! | URL | Screen |
//! |-----|--------|
//! | `/?year=` | dashboard (the year of the ratings shown) |
//! | `/members?organization_id=&q=&status=&pages=` | member list: subtree, search text, status, pages loaded |
//! | `/members/new?organization_id=` | admission form |
//! | `/members/:id` | a member: dossier |
//! | `/members/:id/edit` | correcting the dossier |
//! | `/members/:id/events` `…/evaluations` `…/cards` `…/badges` `…/transfers` `…/disciplines` `…/actions` | a member's tabs |
//! | `/members/:id/year?year=` | a member's year: attendance, duties, dues |
//! | `/cells/month` | choosing the cell whose month to open |
//! | `/cells/:id/month?on=&month=` | the secretary's month: meeting date, dues month |
//! | `/cells/:id/liaisons?year=` | the residence cell's liaison members and comments |
//! | `/transfers` | pending transfers, incoming and outgoing |
//! | `/evaluations?organization_id=&year=` | an evaluation round |
//! | `/badges?organization_id=&occasion=` | badge eligibility and proposals |
//! | `/organizations` | the organisation tree |
//! | `/reports?code=&organization_id=&from=&to=&as_of=` | a report (shown once `code` is set) |
//! | `/candidates?organization_id=` | the pipeline: candidates by stage, what is due next |
//! | `/candidates/new?organization_id=` | identifying a candidate |
//! | `/candidates/:id` | a candidate's admission file |
//! | `/targets?organization_id=&year=` | the admission targets dashboard |
//! | `/imports` | imports (writers only) |
//! | `/users` | user accounts (writers only) |

use qldv_api_types::{MemberId, OrgId};

/// A tab of a member's page: its path segment (none for the dossier).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberTab {
    /// The dossier.
    Dossier,
    /// Correcting the dossier.
    Edit,
    /// The dated history.
    Events,
    /// Yearly ratings.
    Evaluations,
    /// Party cards.
    Cards,
    /// Party badges.
    Badges,
    /// Transfers.
    Transfers,
    /// Discipline.
    Disciplines,
    /// Lifecycle decisions.
    Actions,
    /// The year: attendance, duties, dues.
    Year,
}

impl MemberTab {
    /// The path segment under `/members/:id`.
    pub fn segment(self) -> &'static str {
        match self {
            Self::Dossier => "",
            Self::Edit => "edit",
            Self::Events => "events",
            Self::Evaluations => "evaluations",
            Self::Cards => "cards",
            Self::Badges => "badges",
            Self::Transfers => "transfers",
            Self::Disciplines => "disciplines",
            Self::Actions => "actions",
            Self::Year => "year",
        }
    }
}

/// `/members/:id` (the dossier).
pub fn member(id: MemberId) -> String {
    format!("/members/{id}")
}

/// `/members/:id/<tab>`.
pub fn member_tab(id: MemberId, tab: MemberTab) -> String {
    match tab.segment() {
        "" => member(id),
        s => format!("/members/{id}/{s}"),
    }
}

/// `/cells/:id/month`: the secretary's month of a cell.
pub fn cell_month(org: OrgId) -> String {
    format!("/cells/{org}/month")
}

/// The evaluation round of an organisation.
pub fn evaluations_in(org: OrgId) -> String {
    format!("/evaluations?organization_id={org}")
}

/// `/cells/:id/liaisons`: the members introduced to a residence cell.
pub fn cell_liaisons(org: OrgId) -> String {
    format!("/cells/{org}/liaisons")
}

/// `/members/:id/print`: the member form (2-HSĐV) on A4.
pub fn member_print(id: MemberId) -> String {
    format!("/members/{id}/print")
}

/// The member list of an organisation's subtree.
pub fn members_in(org: OrgId) -> String {
    format!("/members?organization_id={org}")
}

/// The admission form, in an organisation when one is chosen.
pub fn new_member(org: Option<OrgId>) -> String {
    match org {
        Some(o) => format!("/members/new?organization_id={o}"),
        None => "/members/new".to_string(),
    }
}

/// The pipeline of an organisation's subtree.
pub fn candidates_in(org: OrgId) -> String {
    format!("/candidates?organization_id={org}")
}

/// The pipeline, of an organisation when one is chosen.
pub fn candidates_in_opt(org: Option<OrgId>) -> String {
    org.map_or_else(|| "/candidates".to_string(), candidates_in)
}

/// The form that identifies a candidate, in an organisation when one is chosen.
pub fn new_candidate(org: Option<OrgId>) -> String {
    match org {
        Some(o) => format!("/candidates/new?organization_id={o}"),
        None => "/candidates/new".to_string(),
    }
}

/// A candidate's admission file.
pub fn candidate(id: MemberId) -> String {
    format!("/candidates/{id}")
}

/// The targets dashboard, of an organisation when one is chosen.
pub fn targets(org: Option<OrgId>) -> String {
    match org {
        Some(o) => format!("/targets?organization_id={o}"),
        None => "/targets".to_string(),
    }
}

/// The targets dashboard of an organisation for a year.
pub fn targets_year(org: Option<OrgId>, year: i32) -> String {
    match org {
        Some(o) => format!("/targets?organization_id={o}&year={year}"),
        None => format!("/targets?year={year}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_tabs_are_nested_under_the_member() {
        let id = MemberId(12);
        assert_eq!(member_tab(id, MemberTab::Dossier), "/members/12");
        assert_eq!(member_tab(id, MemberTab::Events), "/members/12/events");
        assert_eq!(members_in(OrgId(3)), "/members?organization_id=3");
        assert_eq!(member_tab(id, MemberTab::Year), "/members/12/year");
        assert_eq!(cell_month(OrgId(3)), "/cells/3/month");
        assert_eq!(cell_liaisons(OrgId(3)), "/cells/3/liaisons");
        assert_eq!(new_member(None), "/members/new");
        assert_eq!(candidates_in(OrgId(3)), "/candidates?organization_id=3");
        assert_eq!(candidate(id), "/candidates/12");
        assert_eq!(
            targets_year(Some(OrgId(3)), 2026),
            "/targets?organization_id=3&year=2026"
        );
    }
}

/// A report's page, showing `req`.
pub fn report(req: &crate::api::reports::ReportRequest) -> String {
    format!("/reports{}", report_query(req))
}

fn report_query(req: &crate::api::reports::ReportRequest) -> crate::api::query::Query {
    use crate::api::query::Query;
    Query::new()
        .set("code", req.code)
        .opt("organization_id", req.organization_id)
        .opt("from", req.from)
        .opt("to", req.to)
        .opt("as_of", req.as_of)
}

/// A report's print page (A4, as the board files it), for `req`.
pub fn report_print(req: &crate::api::reports::ReportRequest) -> String {
    format!("/reports/{}/print{}", req.code.as_str(), req.query())
}

/// The report request a `/reports` URL's query carries (none until a report is chosen).
pub fn report_request(
    get: impl Fn(&str) -> Option<String>,
) -> Option<crate::api::reports::ReportRequest> {
    use qldv_api_types::Term;
    let date = |k: &str| get(k).and_then(|v| v.parse().ok());
    Some(crate::api::reports::ReportRequest {
        code: qldv_api_types::reports::ReportCode::parse(&get("code")?).ok()?,
        organization_id: get("organization_id").and_then(|v| v.parse().ok()),
        from: date("from"),
        to: date("to"),
        as_of: date("as_of"),
    })
}

#[cfg(test)]
mod report_tests {
    use super::*;
    use crate::api::reports::ReportRequest;
    use qldv_api_types::reports::ReportCode;

    #[test]
    fn a_report_url_reads_back_as_its_request() {
        let req = ReportRequest {
            code: ReportCode::Movement,
            organization_id: Some(OrgId(7)),
            from: "2026-01-01".parse().ok(),
            to: "2026-06-30".parse().ok(),
            as_of: None,
        };
        let url = report(&req);
        assert_eq!(
            url,
            "/reports?code=movement&organization_id=7&from=2026-01-01&to=2026-06-30"
        );
        let query: Vec<(String, String)> = url["/reports?".len()..]
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let get = |k: &str| query.iter().find(|(q, _)| q == k).map(|(_, v)| v.clone());
        assert_eq!(report_request(get), Some(req));
        assert_eq!(report_request(|_| None), None);
    }
}
