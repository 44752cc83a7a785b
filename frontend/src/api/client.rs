//! The HTTP core of the typed client: one way to send a request, refresh an expired token once
//! and retry, and turn the answer into a DTO or an [`ApiError`]. The resource modules call it;
//! pages never do.

use std::cell::RefCell;

use futures_util::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::{Request, RequestBuilder, Response};
use qldv_api_types::auth::{RefreshRequest, TokenPair};
use qldv_api_types::{Page, Problem};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::query::Query;
use super::ApiError;
use crate::session;

/// Base path of the API (same origin as the client).
const BASE: &str = "/api/v1";

/// The paths that need no session: signing in, refreshing, signing out.
const AUTH: &str = "/api/v1/auth/";

/// The methods the API uses (a closed set: nothing silently becomes a `GET`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Read.
    Get,
    /// Create or act.
    Post,
    /// Replace (a year's rating).
    Put,
    /// Change some fields.
    Patch,
}

/// What a request carries.
#[derive(Clone)]
enum Body {
    None,
    Json(String),
    Form(web_sys::FormData),
}

/// One request to the API, built once and sent again after a token refresh.
#[derive(Clone)]
pub struct Call {
    method: Method,
    url: String,
    body: Body,
    if_match: Option<i64>,
}

impl Call {
    /// A request without a body to `path` (under `/api/v1`) with `query`.
    pub fn new(method: Method, path: &str, query: &Query) -> Self {
        Self {
            method,
            url: format!("{BASE}{path}{query}"),
            body: Body::None,
            if_match: None,
        }
    }

    /// A `GET` of `path`.
    pub fn get(path: &str) -> Self {
        Self::new(Method::Get, path, &Query::new())
    }

    /// A request with a JSON body.
    pub fn json<B: Serialize>(method: Method, path: &str, body: &B) -> Result<Self, ApiError> {
        let json = serde_json::to_string(body).map_err(ApiError::network)?;
        Ok(Self {
            body: Body::Json(json),
            ..Self::new(method, path, &Query::new())
        })
    }

    /// A multipart upload (a file and its fields).
    pub fn form(path: &str, form: web_sys::FormData) -> Self {
        Self {
            body: Body::Form(form),
            ..Self::new(Method::Post, path, &Query::new())
        }
    }

    /// Only when the record is still at `version` (`If-Match`; 412 otherwise).
    pub fn if_match(mut self, version: i64) -> Self {
        self.if_match = Some(version);
        self
    }

    fn build(&self) -> Result<Request, ApiError> {
        let req: RequestBuilder = match self.method {
            Method::Get => Request::get(&self.url),
            Method::Post => Request::post(&self.url),
            Method::Put => Request::put(&self.url),
            Method::Patch => Request::patch(&self.url),
        };
        // The server answers problems and alerts in the language the user reads the client in.
        let req = req.header("Accept-Language", crate::i18n::stored_lang().tag());
        let req = match session::token() {
            Some(t) => req.header("Authorization", &format!("Bearer {t}")),
            None => req,
        };
        let req = match self.if_match {
            Some(v) => req.header("If-Match", &format!("\"{v}\"")),
            None => req,
        };
        match &self.body {
            Body::None => req.build(),
            Body::Json(json) => req
                .header("Content-Type", "application/json")
                .body(json.clone()),
            Body::Form(form) => req.body(form.clone()),
        }
        .map_err(ApiError::network)
    }

    /// Sends the request; an expired access token is refreshed once and the request sent again.
    /// A 401 that survives the refresh ends the session.
    async fn send(&self) -> Result<Response, ApiError> {
        // Signed out (or signing out): a read that a page still on screen starts as the session
        // ends would only be refused; it is not sent.
        if session::token().is_none() && !self.url.starts_with(AUTH) {
            return Err(ApiError::Server {
                status: 401,
                problem: None,
            });
        }
        let mut res = self.build()?.send().await.map_err(ApiError::network)?;
        if res.status() == 401 && session::token().is_some() && refresh().await {
            res = self.build()?.send().await.map_err(ApiError::network)?;
        }
        if res.ok() {
            return Ok(res);
        }
        let status = res.status();
        if status == 401 {
            session::expire();
        }
        let problem = res.json::<Problem>().await.ok().map(Box::new);
        Err(ApiError::Server { status, problem })
    }

    /// Sends the request and reads the answer as `T` (`()` for `204 No Content`).
    pub async fn fetch<T: DeserializeOwned>(&self) -> Result<T, ApiError> {
        let text = self.text().await?;
        serde_json::from_str(&text).map_err(ApiError::network)
    }

    /// Sends the request and reads the answer's text (`null` for `204 No Content`). Boxed and
    /// not generic: the one copy of the request's state machine in the wasm, whatever the type
    /// read (only the parsing in [`Call::fetch`] is per type).
    fn text(&self) -> LocalBoxFuture<'_, Result<String, ApiError>> {
        async move {
            let res = self.send().await?;
            if res.status() == 204 {
                return Ok("null".to_string());
            }
            res.text().await.map_err(ApiError::network)
        }
        .boxed_local()
    }

    /// Sends the request and returns the body's bytes with their content type (a download).
    pub async fn bytes(&self) -> Result<(Vec<u8>, String), ApiError> {
        let res = self.send().await?;
        let kind = res.headers().get("content-type").unwrap_or_default();
        let bytes = res.binary().await.map_err(ApiError::network)?;
        Ok((bytes, kind))
    }
}

/// Every item of a paged list (`{items, next_cursor}`) at `path` with `query`, page after page
/// (500 items a page).
pub async fn all<T: DeserializeOwned>(path: &str, query: &Query) -> Result<Vec<T>, ApiError> {
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let q = query
            .clone()
            .set("limit", 500)
            .opt("cursor", cursor.as_ref());
        let page: Page<T> = Call::new(Method::Get, path, &q).fetch().await?;
        items.extend(page.items);
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => return Ok(items),
        }
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
    let Ok(req) =
        Request::post(&format!("{BASE}/auth/refresh")).json(&RefreshRequest { refresh_token })
    else {
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

/// Saves `bytes` as a file named `filename` (the browser's download).
pub fn save(bytes: &[u8], kind: &str, filename: &str) -> Result<(), ApiError> {
    save_js(bytes, kind, filename).map_err(|_| ApiError::local(crate::i18n::Text::CannotSaveFile))
}

fn save_js(bytes: &[u8], kind: &str, filename: &str) -> Result<(), wasm_bindgen::JsValue> {
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

/// Downloads what `call` answers and saves it as `filename` (the bearer token rides along, so
/// no plain link can do it).
pub async fn download(call: Call, filename: &str) -> Result<(), ApiError> {
    let (bytes, kind) = call.bytes().await?;
    save(&bytes, &kind, filename)
}
