//! Serves the web client at `/`: static files, with deep links falling back to `index.html`.
//! Unknown `/api/` paths answer a 404 problem instead.

use std::path::PathBuf;

use actix_web::dev::{fn_service, ServiceRequest, ServiceResponse};
use actix_web::{web, HttpResponse};

use crate::error::AppError;

const PLACEHOLDER: &str = r#"<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>QLĐV</title></head>
<body><h1>QLĐV — Quản lý đảng viên</h1>
<p>Máy chủ đang chạy. Giao diện web chưa được dựng (frontend/dist). Tài liệu API: <a href="/api/docs/">/api/docs/</a>.</p>
</body></html>"#;

/// The API's paths (OpenAPI templates, split in segments) and their methods, so that a known
/// path called with another method answers 405 with `Allow`, not 404.
#[derive(Debug, Clone, Default)]
pub struct ApiRoutes(Vec<(Vec<String>, Vec<String>)>);

impl ApiRoutes {
    /// The routes of an OpenAPI document.
    pub fn from_doc(doc: &utoipa::openapi::OpenApi) -> Self {
        let json = serde_json::to_value(doc).unwrap_or_default();
        let mut routes = Vec::new();
        if let Some(paths) = json["paths"].as_object() {
            for (path, item) in paths {
                let methods = item
                    .as_object()
                    .map(|ops| ops.keys().map(|m| m.to_uppercase()).collect())
                    .unwrap_or_default();
                routes.push((segments(path), methods));
            }
        }
        // A literal path (`/members/export`) wins over a template (`/members/{id}`).
        routes.sort_by_key(|(t, _)| t.iter().filter(|s| s.starts_with('{')).count());
        Self(routes)
    }

    /// The methods of the path `path` matches, if any.
    pub fn allowed(&self, path: &str) -> Option<String> {
        let parts = segments(path);
        self.0
            .iter()
            .find(|(template, _)| {
                template.len() == parts.len()
                    && template
                        .iter()
                        .zip(&parts)
                        .all(|(t, p)| t == p || (t.starts_with('{') && !p.is_empty()))
            })
            .map(|(_, methods)| methods.join(", "))
    }
}

fn segments(path: &str) -> Vec<String> {
    path.trim_end_matches('/')
        .split('/')
        .map(str::to_string)
        .collect()
}

/// 405 for a known API path with another method, else 404.
fn api_not_found(req: &actix_web::HttpRequest) -> HttpResponse {
    let known = req
        .app_data::<web::Data<ApiRoutes>>()
        .and_then(|r| r.allowed(req.path()));
    let err = match known {
        Some(allow) => AppError::MethodNotAllowed(allow),
        None => AppError::not_found(crate::messages::Thing::ApiPath),
    };
    actix_web::ResponseError::error_response(&err)
}

/// Registers the client (or a placeholder page when it is not built).
pub fn configure(cfg: &mut web::ServiceConfig, static_dir: Option<PathBuf>) {
    let dir = static_dir.filter(|d| d.join("index.html").is_file());
    match dir {
        Some(dir) => {
            let index = dir.join("index.html");
            cfg.service(
                actix_files::Files::new("/", dir)
                    .index_file("index.html")
                    .default_handler(fn_service(move |req: ServiceRequest| {
                        let index = index.clone();
                        async move {
                            let (req, _) = req.into_parts();
                            if req.path().starts_with("/api/") {
                                let res = api_not_found(&req);
                                return Ok(ServiceResponse::new(req, res));
                            }
                            let file = actix_files::NamedFile::open_async(index).await?;
                            let res = file.into_response(&req);
                            Ok(ServiceResponse::new(req, res))
                        }
                    })),
            );
            // API paths the `/api/v1` scope does not route end here, not in the file service.
            cfg.default_service(web::to(|req: actix_web::HttpRequest| async move {
                api_not_found(&req)
            }));
        }
        None => {
            cfg.default_service(web::to(|req: actix_web::HttpRequest| async move {
                if req.path().starts_with("/api/") || req.method() != actix_web::http::Method::GET {
                    api_not_found(&req)
                } else {
                    HttpResponse::Ok()
                        .content_type("text/html; charset=utf-8")
                        .body(PLACEHOLDER)
                }
            }));
        }
    }
}
