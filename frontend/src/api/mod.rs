//! The typed API client: the server's DTOs in, problem+json turned into messages a person can act
//! on, with the field errors kept for the form that sent them.

use std::cell::RefCell;

use futures_util::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::Request;
use qldv_api_types::auth::{RefreshRequest, TokenPair};
use qldv_api_types::Problem;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::session;

/// Base path of the API (same origin as the client).
const BASE: &str = "/api/v1";

/// A failed call.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    /// HTTP status (0 when the server could not be reached).
    pub status: u16,
    /// The problem document, when the server sent one.
    pub problem: Option<Box<Problem>>,
}

impl ApiError {
    fn network(e: impl std::fmt::Display) -> Self {
        Self {
            status: 0,
            problem: Some(Box::new(Problem {
                problem_type: "urn:qldv:problem:network".into(),
                title: "Không kết nối được máy chủ".into(),
                status: 0,
                detail: format!("Kiểm tra kết nối mạng rồi thử lại ({e})"),
                code: qldv_api_types::ErrorCode::Unrecognised,
                request_id: None,
                errors: Vec::new(),
            })),
        }
    }

    /// A problem found in the browser before any request (a missing file, say).
    pub fn local(message: &str) -> Self {
        Self {
            status: 0,
            problem: Some(Box::new(Problem {
                problem_type: "urn:qldv:problem:local".into(),
                title: message.into(),
                status: 0,
                detail: String::new(),
                code: qldv_api_types::ErrorCode::Unrecognised,
                request_id: None,
                errors: Vec::new(),
            })),
        }
    }

    /// What to tell the person: the problem's detail (with its title), or the status.
    pub fn message(&self) -> String {
        match &self.problem {
            Some(p) if !p.detail.is_empty() => format!("{}: {}", p.title, p.detail),
            Some(p) => p.title.clone(),
            None => format!("Lỗi {}", self.status),
        }
    }

    /// The message for one field of the form, if the server named it.
    pub fn field(&self, name: &str) -> Option<String> {
        self.problem.as_ref().and_then(|p| {
            p.errors
                .iter()
                .find(|e| e.field == name)
                .map(|e| e.message.clone())
        })
    }
}

thread_local! {
    /// The refresh under way: concurrent calls that meet an expired token wait for the same one
    /// (two refreshes with one token would look like a stolen token and end the session).
    static REFRESH: RefCell<Option<Shared<LocalBoxFuture<'static, bool>>>> = const { RefCell::new(None) };
}

async fn refresh_once() -> bool {
    let Some(refresh_token) = session::refresh_token() else {
        return false;
    };
    let req =
        Request::post(&format!("{BASE}/auth/refresh")).json(&RefreshRequest { refresh_token });
    let Ok(req) = req else {
        return false;
    };
    match req.send().await {
        Ok(res) if res.ok() => match res.json::<TokenPair>().await {
            Ok(pair) => {
                session::store(&pair);
                true
            }
            Err(_) => false,
        },
        _ => false,
    }
}

/// Renews the access token with the refresh token (one refresh at a time).
async fn refresh() -> bool {
    let fut = REFRESH.with(|r| {
        r.borrow_mut()
            .get_or_insert_with(|| refresh_once().boxed_local().shared())
            .clone()
    });
    let ok = fut.await;
    REFRESH.with(|r| r.borrow_mut().take());
    ok
}

fn request(
    method: &str,
    path: &str,
    body: Option<&serde_json::Value>,
    if_match: Option<i64>,
) -> Result<Request, ApiError> {
    let url = format!("{BASE}{path}");
    let req = match method {
        "PUT" => Request::put(&url),
        "PATCH" => Request::patch(&url),
        "POST" => Request::post(&url),
        _ => Request::get(&url),
    };
    let req = match session::token() {
        Some(t) => req.header("Authorization", &format!("Bearer {t}")),
        None => req,
    };
    let req = match if_match {
        Some(v) => req.header("If-Match", &format!("\"{v}\"")),
        None => req,
    };
    match body {
        Some(b) => req.json(b).map_err(ApiError::network),
        None => req.build().map_err(ApiError::network),
    }
}

async fn call<T: DeserializeOwned>(
    method: &str,
    path: &str,
    body: Option<serde_json::Value>,
    if_match: Option<i64>,
) -> Result<T, ApiError> {
    let mut res = request(method, path, body.as_ref(), if_match)?
        .send()
        .await
        .map_err(ApiError::network)?;
    if res.status() == 401 && session::token().is_some() && refresh().await {
        res = request(method, path, body.as_ref(), if_match)?
            .send()
            .await
            .map_err(ApiError::network)?;
    }
    let status = res.status();
    if (200..300).contains(&status) {
        if status == 204 {
            return serde_json::from_str("null").map_err(ApiError::network);
        }
        return res.json::<T>().await.map_err(ApiError::network);
    }
    if status == 401 {
        session::expire();
    }
    let problem = res.json::<Problem>().await.ok().map(Box::new);
    Err(ApiError { status, problem })
}

/// `GET` a path under `/api/v1`.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    call("GET", path, None, None).await
}

/// Every item of a paged list under `/api/v1` (`{items, next_cursor}`), following
/// `next_cursor` page by page (500 items a page).
pub async fn get_all<T: DeserializeOwned>(path: &str) -> Result<Vec<T>, ApiError> {
    let join = if path.contains('?') { '&' } else { '?' };
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let page_path = match &cursor {
            Some(c) => format!("{path}{join}limit=500&cursor={c}"),
            None => format!("{path}{join}limit=500"),
        };
        let page: qldv_api_types::Page<T> = get(&page_path).await?;
        items.extend(page.items);
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => return Ok(items),
        }
    }
}

/// Sends a JSON body with `method` to a path under `/api/v1`.
pub async fn send<B: Serialize, T: DeserializeOwned>(
    method: &str,
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    let body = serde_json::to_value(body).map_err(ApiError::network)?;
    call(method, path, Some(body), None).await
}

/// Like [`send`], only when the record is still at `version` (`If-Match`; 412 otherwise).
pub async fn send_if_match<B: Serialize, T: DeserializeOwned>(
    method: &str,
    path: &str,
    body: &B,
    version: i64,
) -> Result<T, ApiError> {
    let body = serde_json::to_value(body).map_err(ApiError::network)?;
    call(method, path, Some(body), Some(version)).await
}

/// Uploads a multipart form (a file and its fields) to a path under `/api/v1`.
pub async fn upload<T: DeserializeOwned>(
    path: &str,
    form: &web_sys::FormData,
) -> Result<T, ApiError> {
    let build = || {
        let req = Request::post(&format!("{BASE}{path}"));
        let req = match session::token() {
            Some(t) => req.header("Authorization", &format!("Bearer {t}")),
            None => req,
        };
        req.body(form.clone()).map_err(ApiError::network)
    };
    let mut res = build()?.send().await.map_err(ApiError::network)?;
    if res.status() == 401 && session::token().is_some() && refresh().await {
        res = build()?.send().await.map_err(ApiError::network)?;
    }
    let status = res.status();
    if (200..300).contains(&status) {
        return res.json::<T>().await.map_err(ApiError::network);
    }
    let problem = res.json::<Problem>().await.ok().map(Box::new);
    Err(ApiError { status, problem })
}

/// Downloads a file the API produces (the bearer token rides along, so no plain link can do it):
/// fetched, then saved by the browser under `filename`.
pub async fn download(path: &str, filename: &str) -> Result<(), ApiError> {
    let mut res = request("GET", path, None, None)?
        .send()
        .await
        .map_err(ApiError::network)?;
    if res.status() == 401 && session::token().is_some() && refresh().await {
        res = request("GET", path, None, None)?
            .send()
            .await
            .map_err(ApiError::network)?;
    }
    if !res.ok() {
        let status = res.status();
        let problem = res.json::<Problem>().await.ok().map(Box::new);
        return Err(ApiError { status, problem });
    }
    let kind = res.headers().get("content-type").unwrap_or_default();
    let bytes = res.binary().await.map_err(ApiError::network)?;
    save(&bytes, &kind, filename).map_err(|_| ApiError::network("không lưu được tệp"))
}

fn save(bytes: &[u8], kind: &str, filename: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| wasm_bindgen::JsValue::from_str("no document"))?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Signs out: the session is forgotten here at once (a page closed or reloaded a moment later
/// stays signed out), then the server revokes the refresh token's whole sign-in.
pub async fn sign_out() {
    let refresh_token = session::refresh_token();
    session::expire();
    if let Some(refresh_token) = refresh_token {
        let _ = send::<_, Option<serde_json::Value>>(
            "POST",
            "/auth/logout",
            &RefreshRequest { refresh_token },
        )
        .await;
    }
}

/// Percent-encodes a query value.
pub fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use qldv_api_types::FieldError;

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(enc("nguyen van an"), "nguyen%20van%20an");
        assert_eq!(enc("Đ"), "%C4%90");
        assert_eq!(enc("a&b=c"), "a%26b%3Dc");
    }

    #[test]
    fn problems_become_messages_and_field_errors() {
        let e = ApiError {
            status: 422,
            problem: Some(Box::new(Problem {
                problem_type: "urn:qldv:problem:validation_failed".into(),
                title: "Dữ liệu không hợp lệ".into(),
                status: 422,
                detail: "1 trường không hợp lệ".into(),
                code: qldv_api_types::ErrorCode::ValidationFailed,
                request_id: None,
                errors: vec![FieldError {
                    field: "national_id".into(),
                    code: "cccd_gender".into(),
                    message: "Chữ số thứ 4 của CCCD không khớp với giới tính".into(),
                }],
            })),
        };
        assert_eq!(e.message(), "Dữ liệu không hợp lệ: 1 trường không hợp lệ");
        assert_eq!(
            e.field("national_id").as_deref(),
            Some("Chữ số thứ 4 của CCCD không khớp với giới tính")
        );
        assert_eq!(e.field("full_name"), None);
        let bare = ApiError {
            status: 502,
            problem: None,
        };
        assert_eq!(bare.message(), "Lỗi 502");
    }
}
