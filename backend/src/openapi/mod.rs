//! The OpenAPI document: collected from the handlers by utoipa-actix-web, then completed with the
//! security scheme and the error responses every operation shares.

use utoipa::openapi::path::{Operation, ParameterBuilder, ParameterIn};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{ObjectBuilder, Required, Type};
use utoipa::openapi::{OpenApi as Doc, Ref, RefOr};
use utoipa::OpenApi;

use qldv_api_types::ErrorCode;

use crate::routes::problems::problem_response;

mod examples;

/// The document's fixed parts.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "QLĐV — Quản lý đảng viên",
        description = "Public API of the party-member records system for organisation boards and \
            other agencies' systems. Conventions: JSON with snake_case fields; dates YYYY-MM-DD; \
            errors as RFC 9457 problem+json with a stable `code`; lists paged with `limit` and \
            `cursor`; `ETag`/`If-Match` on mutable resources. Problems are worded in the \
            caller's language: Vietnamese by default, English when `Accept-Language` prefers \
            `en` (quality values honoured; any other language gets Vietnamese); the `code` is the \
            same in both and `Content-Language` says which was served.",
        version = "1.1.0",
        contact(name = "QLĐV maintainers"),
        license(name = "MIT", identifier = "MIT")
    ),
    servers(
        (url = "/", description = "The installation serving this document"),
        (url = "http://127.0.0.1:8080", description = "A local `qldv serve` on its default address")
    ),
    components(schemas(
        qldv_api_types::Problem,
        qldv_api_types::ErrorCode,
        qldv_api_types::FieldError,
        qldv_api_types::movements::TransferDirection,
        qldv_api_types::reports::ReportCode
    )),
    tags(
        (name = "auth", description = "Sign-in, tokens and the current user"),
        (name = "users", description = "User accounts and API tokens"),
        (name = "organizations", description = "The organisation tree"),
        (name = "members", description = "Member records: dossier, history, party age, recognition"),
        (name = "candidates", description = "Candidates for admission (quần chúng ưu tú): the file step by step to the ceremony"),
        (name = "meetings", description = "The cell's year: meetings with their whole attendance sheet, duties and their review"),
        (name = "dues", description = "Party dues (01-QĐ/TW 2026): bases, reliefs, arrangements, the cell's monthly sheet, a member's year"),
        (name = "liaisons", description = "The residence liaison of members working at agencies (213-QĐ/TW): introduction, the residence cell's view and yearly comment"),
        (name = "transfers", description = "Transfers between cells: issue, accept, reject, cancel"),
        (name = "evaluations", description = "Yearly ratings and the grassroots rounds with their quota"),
        (name = "cards", description = "Party cards: issue, reissue, revoke, members due a card"),
        (name = "badges", description = "Party badges: eligibility, proposals, approval, awards"),
        (name = "reports", description = "Statistical reports as JSON, CSV or XLSX; bulk imports of existing records"),
        (name = "audit", description = "The audit trail of every write"),
        (name = "calendar", description = "The working-day calendar: each year's holidays, compensatory days and make-up working days"),
        (name = "changes", description = "The change feed and the signed sync packages between installations"),
        (name = "regulations", description = "The chains of regulations the rules come from, and their dated, versioned settings"),
        (name = "health", description = "Liveness and readiness"),
    )
)]
pub struct ApiDoc;

/// Shared error responses: (status, component name, description, the codes they carry).
const ERRORS: &[(u16, &str, &str, &[ErrorCode])] = &[
    (
        400,
        "BadRequest",
        "Malformed request (unreadable JSON, query or cursor)",
        &[ErrorCode::MalformedRequest],
    ),
    (
        401,
        "Unauthenticated",
        "Missing, invalid or expired credentials",
        &[ErrorCode::NotAuthenticated, ErrorCode::InvalidToken],
    ),
    (
        403,
        "Forbidden",
        "The caller's role may not do this",
        &[ErrorCode::Forbidden],
    ),
    (
        404,
        "NotFound",
        "No such record, or a record outside the caller's organisation subtree",
        &[ErrorCode::NotFound],
    ),
    (
        409,
        "Conflict",
        "Conflicts with the current state of the record, or a request with the same Idempotency-Key is still being processed",
        &[ErrorCode::AlreadyExists, ErrorCode::ConcurrentUpdate, ErrorCode::IdempotencyInProgress],
    ),
    (
        412,
        "VersionMismatch",
        "The record changed since it was read: a stale If-Match, or a concurrent change to the same record; reload it and retry",
        &[ErrorCode::VersionMismatch],
    ),
    (
        413,
        "PayloadTooLarge",
        "The request body is larger than the endpoint accepts",
        &[ErrorCode::PayloadTooLarge],
    ),
    (
        422,
        "ValidationFailed",
        "Valid JSON that breaks a field format or a rule",
        &[ErrorCode::ValidationFailed, ErrorCode::IdempotencyKeyReused, ErrorCode::ReferenceInvalid],
    ),
    (
        500,
        "InternalError",
        "Unexpected failure; quote the request id",
        &[ErrorCode::InternalError],
    ),
    (
        503,
        "Unavailable",
        "The database is unreachable; retry later",
        &[ErrorCode::DatabaseUnavailable],
    ),
];

fn add_errors(op: &mut Operation, secured: bool, has_input: bool) {
    let has_body = op.request_body.is_some();
    let if_match = op
        .parameters
        .as_ref()
        .is_some_and(|ps| ps.iter().any(|p| p.name == "If-Match"));
    let idempotent = op
        .parameters
        .as_ref()
        .is_some_and(|ps| ps.iter().any(|p| p.name == "Idempotency-Key"));
    for (status, name, ..) in ERRORS {
        let wanted = match *status {
            401 | 403 => secured,
            400 | 422 => has_input,
            404 => has_input && secured,
            413 => has_body,
            409 => has_body || idempotent,
            // Only where it can happen: an operation that honours `If-Match`. (A 429 is declared
            // by the operations that throttle, with `Retry-After`.)
            412 => if_match,
            _ => true,
        };
        if wanted && !op.responses.responses.contains_key(&status.to_string()) {
            op.responses.responses.insert(
                status.to_string(),
                RefOr::Ref(Ref::from_response_name(*name)),
            );
        }
    }
}

/// The schemas of versioned resources: the server sends their `ETag` whenever it answers
/// with one of them (reads and writes alike).
const VERSIONED: [&str; 5] = ["Member", "Organization", "Card", "User", "Evaluation"];

/// Declares `ETag` on the 200/201 responses whose body is one versioned resource.
fn add_etag(op: &mut Operation) {
    for status in ["200", "201"] {
        let Some(RefOr::T(response)) = op.responses.responses.get_mut(status) else {
            continue;
        };
        let versioned = response.content.get("application/json").is_some_and(|c| {
            matches!(&c.schema, Some(RefOr::Ref(r))
                if VERSIONED.iter().any(|n| r.ref_location == format!("#/components/schemas/{n}")))
        });
        if versioned && !response.headers.contains_key("ETag") {
            response.headers.insert(
                "ETag".to_string(),
                utoipa::openapi::header::HeaderBuilder::new()
                    .schema(ObjectBuilder::new().schema_type(Type::String))
                    .description(Some(
                        "The version of the record, for `If-Match` on the next write",
                    ))
                    .build(),
            );
        }
    }
}

/// Declares `Location` on every 201 and 202: the server sends the URL of what it created (see
/// `routes::common::located`).
fn add_location(op: &mut Operation) {
    for status in ["201", "202"] {
        let Some(RefOr::T(response)) = op.responses.responses.get_mut(status) else {
            continue;
        };
        response
            .headers
            .entry("Location".to_string())
            .or_insert_with(|| {
                utoipa::openapi::header::HeaderBuilder::new()
                .schema(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .format(Some(utoipa::openapi::schema::SchemaFormat::Custom(
                            "uri-reference".to_string(),
                        ))),
                )
                .description(Some(
                    "The URL of the created record (an absolute path, e.g. `/api/v1/members/7`); \
                     for a record without a URL of its own, of the list that holds it",
                ))
                .build()
            });
    }
}

/// Documents the `Accept-Language` header: the language problems are worded in.
fn add_accept_language(op: &mut Operation) {
    let param = ParameterBuilder::new()
        .name("Accept-Language")
        .parameter_in(ParameterIn::Header)
        .required(Required::False)
        .description(Some(
            "The language of problem documents (`title`, `detail`, field messages): a range \
             `en…` of the highest quality gives English; anything else, or no header, Vietnamese. \
             The response says which in `Content-Language`.",
        ))
        .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
        .example(Some(serde_json::json!("en-US,en;q=0.9")))
        .build();
    op.parameters.get_or_insert_with(Vec::new).push(param);
}

/// Documents the `Idempotency-Key` header on a creating `POST`.
fn add_idempotency_key(op: &mut Operation) {
    if op
        .parameters
        .as_ref()
        .is_some_and(|ps| ps.iter().any(|p| p.name == "Idempotency-Key"))
    {
        return;
    }
    let param = ParameterBuilder::new()
        .name("Idempotency-Key")
        .parameter_in(ParameterIn::Header)
        .required(Required::False)
        .description(Some(
            "Any unique string (e.g. a UUID). Retrying with the same key and body returns the \
             first response (header `Idempotent-Replayed: true`) instead of creating twice; the \
             same key with another body is refused with 422 `idempotency_key_reused`. An answer \
             that shows a secret once (a new API token) is never kept: a retry gets 409 \
             `idempotency_secret_not_replayed`.",
        ))
        .schema(Some(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .max_length(Some(255)),
        ))
        .build();
    op.parameters.get_or_insert_with(Vec::new).push(param);
}

/// Completes a collected document: bearer scheme, shared problem responses on every operation.
pub fn finish(mut doc: Doc) -> Doc {
    let components = doc.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        "bearer",
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .bearer_format("JWT or API token")
                .description(Some(
                    "An access token from POST /api/v1/auth/login, or an integration API token",
                ))
                .build(),
        ),
    );
    for (status, name, description, codes) in ERRORS {
        components.responses.insert(
            (*name).to_string(),
            RefOr::T(problem_response(*status, description, codes)),
        );
    }
    for (path, item) in doc.paths.paths.iter_mut() {
        if path.starts_with("/api/v1/") && !path.starts_with("/api/v1/auth/") {
            if let Some(op) = item.post.as_mut() {
                add_idempotency_key(op);
            }
        }
        let localised = path.starts_with("/api/v1/");
        let ops = [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ];
        // Every `/api/v1` operation needs a token but signing in, refreshing and signing out.
        let public = !path.starts_with("/api/v1/")
            || [
                "/api/v1/auth/login",
                "/api/v1/auth/refresh",
                "/api/v1/auth/logout",
            ]
            .contains(&path.as_str());
        for op in ops.into_iter().flatten() {
            if !public && op.security.is_none() {
                op.security = Some(vec![SecurityRequirement::new(
                    "bearer",
                    Vec::<String>::new(),
                )]);
            }
            let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
            let has_input =
                op.request_body.is_some() || op.parameters.as_ref().is_some_and(|p| !p.is_empty());
            add_errors(op, secured, has_input);
            if localised {
                add_accept_language(op);
            }
            add_etag(op);
            add_location(op);
            // Anonymous operations say so (`security: []`) rather than leave it unstated.
            op.security.get_or_insert_with(Vec::new);
        }
    }
    require_flattened(&mut doc);
    binary_spreadsheets(&mut doc);
    drop_unused_responses(&mut doc);
    with_examples(doc)
}

/// Removes the shared responses no operation refers to (a 412 declared by each operation that
/// takes `If-Match` leaves the shared one unused), so the document carries no dead component.
fn drop_unused_responses(doc: &mut Doc) {
    let Ok(text) = serde_json::to_string(&doc.paths) else {
        return;
    };
    if let Some(components) = doc.components.as_mut() {
        components
            .responses
            .retain(|name, _| text.contains(&format!("\"#/components/responses/{name}\"")));
    }
}

/// Gives every object schema that has no example of its own one made from its fields' examples
/// (and, where a field has none, from its enum, format or name), so that every request body and
/// response shows a whole example in the docs UI and in generated clients' documentation.
fn with_examples(mut doc: Doc) -> Doc {
    use utoipa::openapi::schema::Schema;
    let Ok(value) = serde_json::to_value(&doc) else {
        return doc;
    };
    let Some(schemas) = value["components"]["schemas"].as_object() else {
        return doc;
    };
    let Some(components) = doc.components.as_mut() else {
        return doc;
    };
    for (name, schema) in components.schemas.iter_mut() {
        let RefOr::T(schema) = schema else { continue };
        let examples = match schema {
            Schema::Object(o) if !o.properties.is_empty() => &mut o.examples,
            Schema::AllOf(a) => &mut a.examples,
            Schema::OneOf(o) => &mut o.examples,
            _ => continue,
        };
        #[allow(deprecated)]
        let has_own =
            !examples.is_empty() || value["components"]["schemas"][name]["example"].is_object();
        if has_own {
            continue;
        }
        let example = examples::of(&value["components"]["schemas"][name], schemas, name, 0);
        if !example.is_null() {
            examples.push(example);
        }
    }
    doc
}

/// The XLSX media type.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Declares every XLSX body as bytes (`format: binary`, with its `contentMediaType`), so that
/// generated clients hand it over as bytes rather than decode it as text.
fn binary_spreadsheets(doc: &mut Doc) {
    use utoipa::openapi::schema::{KnownFormat, SchemaFormat};
    for item in doc.paths.paths.values_mut() {
        let ops = [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ];
        for op in ops.into_iter().flatten() {
            for response in op.responses.responses.values_mut() {
                let RefOr::T(response) = response else {
                    continue;
                };
                if let Some(content) = response.content.get_mut(XLSX) {
                    content.schema = Some(
                        ObjectBuilder::new()
                            .schema_type(Type::String)
                            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
                            .content_media_type(XLSX)
                            .into(),
                    );
                }
            }
        }
    }
}

/// Fields a request needs that its schema cannot mark required by itself: they come from a
/// flattened struct shared with an update, where they are optional. (schema, fields)
const REQUIRED_FLATTENED: &[(&str, &[&str])] =
    &[("CreateMember", &["full_name", "gender", "birth_date"])];

/// Adds the [`REQUIRED_FLATTENED`] fields to their schemas' `allOf` as one more `required` part.
fn require_flattened(doc: &mut Doc) {
    use utoipa::openapi::schema::Schema;
    let Some(components) = doc.components.as_mut() else {
        return;
    };
    for (name, fields) in REQUIRED_FLATTENED {
        if let Some(RefOr::T(Schema::AllOf(all))) = components.schemas.get_mut(*name) {
            let mut part = ObjectBuilder::new();
            for field in *fields {
                part = part.required(*field);
            }
            all.items.push(part.into());
        }
    }
}
