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

fn api_not_found() -> HttpResponse {
    actix_web::ResponseError::error_response(&AppError::not_found("đường dẫn API"))
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
                                return Ok(ServiceResponse::new(req, api_not_found()));
                            }
                            let file = actix_files::NamedFile::open_async(index).await?;
                            let res = file.into_response(&req);
                            Ok(ServiceResponse::new(req, res))
                        }
                    })),
            );
        }
        None => {
            cfg.default_service(web::to(|req: actix_web::HttpRequest| async move {
                if req.path().starts_with("/api/") {
                    api_not_found()
                } else {
                    HttpResponse::Ok()
                        .content_type("text/html; charset=utf-8")
                        .body(PLACEHOLDER)
                }
            }));
        }
    }
}
