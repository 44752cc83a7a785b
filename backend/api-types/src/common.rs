//! Shapes shared by every resource: errors and pages.

use serde::{Deserialize, Serialize};

/// An RFC 9457 problem document (`application/problem+json`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "type": "urn:qldv:problem:validation_failed",
    "title": "Dữ liệu không hợp lệ",
    "status": 422,
    "detail": "1 trường không hợp lệ",
    "code": "validation_failed",
    "request_id": "7b1f0c9e-2d44-4d1a-9a53-6f0f3c1e9b11",
    "errors": [{"field": "name", "code": "length", "message": "Tên không được để trống"}]
})))]
pub struct Problem {
    /// A URI naming the problem type: `urn:qldv:problem:<code>`.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// Short summary of the problem type, in Vietnamese.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong in this occurrence, in words a person can act on.
    pub detail: String,
    /// Stable machine-readable code from the catalogue (e.g. `validation_failed`, `not_found`,
    /// `quota_exceeded`).
    pub code: crate::ErrorCode,
    /// The request id, also in the `X-Request-Id` header and the server logs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// Field errors, for validation problems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// One invalid field of a request.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field, as named in the request body (`snake_case`; nested with dots).
    pub field: String,
    /// Stable machine code of the failed check (e.g. `required`, `length`, `format`).
    pub code: String,
    /// Message for a person.
    pub message: String,
}

/// One page of a list, with the cursor of the next page.
///
/// Its OpenAPI schema (`Page_<Item>`) is written by hand below: utoipa's derive copies a generic
/// argument's schema inline, so typed clients would get a `PageMemberItemsItem` instead of a
/// `Member`; here the items are a `$ref` to the item's own schema.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

#[cfg(feature = "openapi")]
mod page_schema {
    use std::borrow::Cow;

    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, Type};
    use utoipa::openapi::{Ref, RefOr};
    use utoipa::ToSchema;

    use super::Page;

    /// The schema of a page of `item`s: `items` refers to the item's schema; `next_cursor` is
    /// required and may be `null`.
    fn page_of(item: &str) -> RefOr<Schema> {
        ObjectBuilder::new()
            .description(Some(
                "One page of a list, with the cursor of the next page.",
            ))
            .property(
                "items",
                ArrayBuilder::new()
                    .items(Ref::from_schema_name(item))
                    .description(Some("The items of this page.")),
            )
            .required("items")
            .property(
                "next_cursor",
                ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::SchemaType::from_iter([
                        Type::String,
                        Type::Null,
                    ]))
                    .description(Some(
                        "Pass as `cursor` to get the next page; `null` on the last page.",
                    )),
            )
            .required("next_cursor")
            .into()
    }

    impl<T: ToSchema> utoipa::__dev::ComposeSchema for Page<T> {
        fn compose(_generics: Vec<RefOr<Schema>>) -> RefOr<Schema> {
            page_of(&T::name())
        }
    }

    impl<T: ToSchema> ToSchema for Page<T> {
        fn name() -> Cow<'static, str> {
            Cow::Borrowed("Page")
        }

        fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
            schemas.push((T::name().into_owned(), T::schema()));
            T::schemas(schemas);
        }
    }
}
