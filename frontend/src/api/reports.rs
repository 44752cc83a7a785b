//! `/reports`: the statistical reports, on screen or as files.

use chrono::NaiveDate;
use qldv_api_types::reports::{Report, ReportCode};
use qldv_api_types::OrgId;

use super::client::{download, Call, Method};
use super::query::Query;
use super::ApiResult;

/// A report request: which report, for which organisation, over which dates.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRequest {
    /// Which report.
    pub code: ReportCode,
    /// The organisation whose subtree is counted (the account's when absent).
    pub organization_id: Option<OrgId>,
    /// First day of a period report.
    pub from: Option<NaiveDate>,
    /// Last day of a period report.
    pub to: Option<NaiveDate>,
    /// The date of a point-in-time report.
    pub as_of: Option<NaiveDate>,
}

impl ReportRequest {
    /// The query string: a period report sends its period, a dated one its date.
    pub fn query(&self) -> Query {
        let q = Query::new().opt("organization_id", self.organization_id);
        if self.code.is_period() {
            q.opt("from", self.from).opt("to", self.to)
        } else {
            q.opt("as_of", self.as_of)
        }
    }

    fn path(&self) -> String {
        format!("/reports/{}", self.code.as_str())
    }
}

/// `GET /reports/{code}`: the report as data.
pub async fn get(req: &ReportRequest) -> ApiResult<Report> {
    Call::new(Method::Get, &req.path(), &req.query())
        .fetch()
        .await
}

/// `GET /reports/{code}?format=`: the report as a file (`csv` or `xlsx`), saved by the browser.
pub async fn download_as(req: &ReportRequest, ext: &'static str) -> ApiResult<()> {
    let call = Call::new(Method::Get, &req.path(), &req.query().set("format", ext));
    download(call, &format!("bao-cao-{}.{ext}", req.code.as_str())).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<NaiveDate> {
        s.parse().ok()
    }

    #[test]
    fn a_period_report_sends_the_period_and_a_dated_one_its_date() {
        let mut req = ReportRequest {
            code: ReportCode::Movement,
            organization_id: Some(OrgId(7)),
            from: day("2026-01-01"),
            to: day("2026-06-30"),
            as_of: day("2026-11-23"),
        };
        assert_eq!(
            req.query().to_string(),
            "?organization_id=7&from=2026-01-01&to=2026-06-30"
        );
        req.code = ReportCode::Composition;
        req.organization_id = None;
        assert_eq!(req.query().to_string(), "?as_of=2026-11-23");
    }
}
