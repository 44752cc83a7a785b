//! Response hardening: security headers on every response, a Content-Security-Policy per kind of
//! page, `Strict-Transport-Security` behind TLS (`QLDV_HSTS`), and CORS only for the origins the deployment names (`QLDV_CORS_ORIGINS`).

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{web, HttpResponse};
use base64::Engine as _;
use sha2::{Digest, Sha256};

/// What the security middleware needs to know about this deployment.
#[derive(Debug, Clone, Default)]
pub struct SecurityPolicy {
    /// The web client's policy (its inline loader scripts allowed by hash).
    spa_csp: String,
    /// Origins allowed to call the API from a browser (exact `scheme://host[:port]`).
    cors_origins: Vec<String>,
    /// Whether to send `Strict-Transport-Security` (the deployment is reached only by HTTPS).
    hsts: bool,
}

/// Policy of API responses: they are data, never a document to render.
const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
/// Policy of the vendored API documentation (Swagger UI styles its elements inline).
const DOCS_CSP: &str =
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
     script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
     frame-ancestors 'none'; form-action 'self'";
/// `Strict-Transport-Security` behind a TLS proxy: one year, this host only (a proxy that serves
/// every subdomain by HTTPS may add `includeSubDomains` itself).
pub const HSTS: &str = "max-age=31536000";
/// Methods a cross-origin caller may use.
const CORS_METHODS: &str = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
/// Request headers a cross-origin caller may send.
const CORS_HEADERS: &str =
    "Authorization, Content-Type, If-Match, Idempotency-Key, Accept-Language";
/// Response headers a cross-origin caller may read.
const CORS_EXPOSE: &str = "ETag, Location, Content-Disposition, X-Request-Id";

impl SecurityPolicy {
    /// The policy for a client whose `index.html` is `index_html` (`None`: no client is built).
    pub fn new(index_html: Option<&str>, cors_origins: Vec<String>) -> Self {
        let hashes = index_html.map(inline_script_hashes).unwrap_or_default();
        Self {
            spa_csp: spa_csp(&hashes),
            cors_origins,
            hsts: false,
        }
    }

    /// Sends `Strict-Transport-Security` on every response when `on` (`QLDV_HSTS`).
    pub fn with_hsts(mut self, on: bool) -> Self {
        self.hsts = on;
        self
    }

    fn allows_origin(&self, origin: &str) -> bool {
        self.cors_origins.iter().any(|o| o == origin)
    }

    fn csp_for(&self, path: &str) -> &str {
        if path.starts_with("/api/docs") {
            DOCS_CSP
        } else if path.starts_with("/api/") || path.starts_with("/healthz") || path == "/readyz" {
            API_CSP
        } else {
            &self.spa_csp
        }
    }
}

/// The web client's policy: scripts from this origin, the WebAssembly module, and the loader
/// scripts whose hashes are given; styles only from files; calls only to this origin.
pub fn spa_csp(script_hashes: &[String]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for h in script_hashes {
        script_src.push_str(&format!(" '{h}'"));
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; img-src 'self' data: blob:; \
         connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// `sha256-…` sources of every inline `<script>` of a page (the loader trunk writes into
/// `index.html`), so the policy allows exactly those and no injected script.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body_and_rest = &after[tag_end + 1..];
        let Some(close) = body_and_rest.find("</script>") else {
            break;
        };
        if !tag.contains("src=") {
            let digest = Sha256::digest(&body_and_rest.as_bytes()[..close]);
            let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("sha256-{b64}"));
        }
        rest = &body_and_rest[close + "</script>".len()..];
    }
    hashes
}

fn set_if_absent(headers: &mut actix_web::http::header::HeaderMap, name: HeaderName, value: &str) {
    if !headers.contains_key(&name) {
        if let Ok(v) = HeaderValue::from_str(value) {
            headers.insert(name, v);
        }
    }
}

fn cors_headers(headers: &mut actix_web::http::header::HeaderMap, origin: &str) {
    set_if_absent(headers, header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    set_if_absent(headers, header::ACCESS_CONTROL_EXPOSE_HEADERS, CORS_EXPOSE);
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
}

/// The middleware: answers CORS preflights of allowed origins, refuses others, and adds the
/// security headers to every response (errors included).
pub async fn headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    // A shared reference (the policy is built once, at start-up).
    let policy = req
        .app_data::<web::Data<SecurityPolicy>>()
        .cloned()
        .unwrap_or_else(|| web::Data::new(SecurityPolicy::default()));
    let origin = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let allowed = origin.as_deref().filter(|o| policy.allows_origin(o));
    let preflight = req.method() == Method::OPTIONS
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let path = req.path().to_string();
    let mut res = if preflight {
        let response = match allowed {
            Some(o) => HttpResponse::NoContent()
                .insert_header((header::ACCESS_CONTROL_ALLOW_METHODS, CORS_METHODS))
                .insert_header((header::ACCESS_CONTROL_ALLOW_HEADERS, CORS_HEADERS))
                .insert_header((header::ACCESS_CONTROL_MAX_AGE, "600"))
                .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, o.to_string()))
                .finish(),
            None => actix_web::ResponseError::error_response(
                &crate::messages::requests::origin_refused(),
            ),
        };
        req.into_response(response).map_into_right_body()
    } else {
        next.call(req).await?.map_into_left_body()
    };
    let headers = res.headers_mut();
    if let Some(o) = allowed {
        cors_headers(headers, o);
    }
    let csp = policy.csp_for(&path);
    set_if_absent(headers, header::CONTENT_SECURITY_POLICY, csp);
    set_if_absent(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set_if_absent(headers, header::X_FRAME_OPTIONS, "DENY");
    set_if_absent(headers, header::REFERRER_POLICY, "no-referrer");
    set_if_absent(
        headers,
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set_if_absent(
        headers,
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=()",
    );
    if policy.hsts {
        set_if_absent(headers, header::STRICT_TRANSPORT_SECURITY, HSTS);
    }
    if path.starts_with("/api/") && !path.starts_with("/api/docs") {
        set_if_absent(headers, header::CACHE_CONTROL, "no-store");
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_only_inline_scripts() {
        let html = r#"<script type="module">import x from '/a.js';</script>
            <script src="/b.js"></script><script>alert(1)</script>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 2);
        let expected = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(b"import x from '/a.js';"));
        assert_eq!(hashes[0], format!("sha256-{expected}"));
    }

    #[test]
    fn the_client_policy_names_its_hashes_and_allows_no_inline_style() {
        let csp = spa_csp(&["sha256-abc".into()]);
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc';"));
        assert!(csp.contains("style-src 'self';"));
        assert!(!csp.contains("unsafe-inline"));
    }

    #[test]
    fn the_policy_depends_on_the_path() {
        let p = SecurityPolicy::new(None, vec![]);
        assert_eq!(p.csp_for("/api/v1/members"), API_CSP);
        assert_eq!(p.csp_for("/api/docs/"), DOCS_CSP);
        assert!(p.csp_for("/members/1").contains("wasm-unsafe-eval"));
    }
}
