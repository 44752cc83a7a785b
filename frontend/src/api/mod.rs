//! The typed API client: the server's DTOs in, problem+json turned into messages a person can act
//! on, with the field errors kept for the form that sent them.

use gloo_net::http::{Request, RequestBuilder};
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
    pub problem: Option<Problem>,
}

impl ApiError {
    fn network(e: impl std::fmt::Display) -> Self {
        Self {
            status: 0,
            problem: Some(Problem {
                problem_type: "urn:qldv:problem:network".into(),
                title: "Không kết nối được máy chủ".into(),
                status: 0,
                detail: format!("Kiểm tra kết nối mạng rồi thử lại ({e})"),
                code: "network".into(),
                request_id: None,
                errors: Vec::new(),
            }),
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

fn with_auth(req: RequestBuilder) -> RequestBuilder {
    match session::token() {
        Some(t) => req.header("Authorization", &format!("Bearer {t}")),
        None => req,
    }
}

async fn finish<T: DeserializeOwned>(
    res: Result<gloo_net::http::Response, gloo_net::Error>,
) -> Result<T, ApiError> {
    let res = res.map_err(ApiError::network)?;
    let status = res.status();
    if (200..300).contains(&status) {
        return res.json::<T>().await.map_err(ApiError::network);
    }
    if status == 401 {
        session::expire();
    }
    let problem = res.json::<Problem>().await.ok();
    Err(ApiError { status, problem })
}

/// `GET` a path under `/api/v1`.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let req = with_auth(Request::get(&format!("{BASE}{path}")));
    finish(req.send().await).await
}

/// Sends a JSON body with `method` to a path under `/api/v1`.
pub async fn send<B: Serialize, T: DeserializeOwned>(
    method: &str,
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    let url = format!("{BASE}{path}");
    let req = match method {
        "PUT" => Request::put(&url),
        "PATCH" => Request::patch(&url),
        _ => Request::post(&url),
    };
    let req = with_auth(req).json(body).map_err(ApiError::network)?;
    finish(req.send().await).await
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
