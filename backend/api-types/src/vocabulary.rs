//! The vocabulary: every closed set of terms the API speaks (statuses, kinds, reasons…) is one
//! Rust enum, declared once with [`vocabulary!`], and everything else is derived from it:
//!
//! - the wire and stored code of each value (`snake_case`, the same in JSON and in the database);
//! - parsing that *refuses* an unknown code ([`Term::parse`], [`UnknownTerm`]): a stored value
//!   the code does not know is an error, never a default;
//! - with the `db` feature, diesel `ToSql`/`FromSql` as `Text` on every engine;
//! - with the `openapi` feature, an OpenAPI `enum` whose every value is described, with its
//!   Vietnamese and English labels (`x-enum-descriptions` carries the same per value);
//! - the labels, written in one place per language ([`crate::labels`]) by an exhaustive match,
//!   so a value without a label does not compile. Server exports and the web client share them.

use std::fmt;

/// A language labels are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Tiếng Việt (the default: the users' language).
    #[default]
    Vi,
    /// English (for integrators and foreign readers).
    En,
}

impl Lang {
    /// Every language, Vietnamese first.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The language an `Accept-Language`-style tag names (`vi`, `en`, `en-GB`…), if any.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A value's label in Vietnamese (implemented in [`crate::labels::vi`] by an exhaustive match).
pub trait Vietnamese {
    /// The Vietnamese term.
    fn vi(self) -> &'static str;
}

/// A value's label in English (implemented in [`crate::labels::en`] by an exhaustive match).
pub trait English {
    /// The English term.
    fn en(self) -> &'static str;
}

/// One closed set of terms: implemented by [`vocabulary!`] for every concept.
pub trait Term: Copy + Eq + fmt::Debug + Vietnamese + English + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The concept's name, as in the OpenAPI document (e.g. `TransferStatus`).
    const CONCEPT: &'static str;

    /// The wire and stored code of the value.
    fn code(self) -> &'static str;

    /// What the value means (its documentation comment).
    fn meaning(self) -> &'static str;

    /// The value whose code is `code`, or an error naming the concept: never a default.
    fn parse(code: &str) -> Result<Self, UnknownTerm> {
        Self::ALL
            .iter()
            .copied()
            .find(|t| t.code() == code)
            .ok_or_else(|| UnknownTerm {
                concept: Self::CONCEPT,
                code: code.to_string(),
            })
    }

    /// The label in `lang`.
    fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi(),
            Lang::En => self.en(),
        }
    }
}

/// A code that names no value of a concept (from a request, a stored row or a package).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTerm {
    /// The concept, e.g. `TransferStatus`.
    pub concept: &'static str,
    /// The code that was given.
    pub code: String,
}

impl fmt::Display for UnknownTerm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} value {:?}", self.concept, self.code)
    }
}

impl std::error::Error for UnknownTerm {}

/// The OpenAPI schema of a concept: a string `enum` of its codes, each described (code, labels
/// and meaning) in the description and in `x-enum-descriptions`.
#[cfg(feature = "openapi")]
pub fn schema<T: Term>(doc: &str) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::extensions::ExtensionsBuilder;
    use utoipa::openapi::schema::{ObjectBuilder, Type};

    let describe = |t: T| {
        format!(
            "{} ({}): {}",
            t.vi(),
            t.en(),
            t.meaning().split_whitespace().collect::<Vec<_>>().join(" ")
        )
    };
    let mut description = doc
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string();
    description.push_str("\n\n");
    for t in T::ALL {
        description.push_str(&format!("- `{}`: {}\n", t.code(), describe(*t)));
    }
    let per_value: Vec<String> = T::ALL.iter().map(|t| describe(*t)).collect();
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(T::ALL.iter().map(|t| t.code())))
        .description(Some(description.trim_end().to_string()))
        .extensions(Some(
            ExtensionsBuilder::new()
                .add("x-enum-descriptions", serde_json::json!(per_value))
                .build(),
        ))
        .into()
}

/// Declares a concept: the enum, its codes and its derived behaviour (see the module docs).
///
/// ```ignore
/// vocabulary! {
///     /// Kind of transfer.
///     pub enum TransferKind {
///         /// Chuyển sinh hoạt chính thức.
///         Official = "official",
///         /// Chuyển sinh hoạt tạm thời.
///         Temporary = "temporary",
///     }
/// }
/// ```
/// Labels are then required in [`crate::labels::vi`] and [`crate::labels::en`].
macro_rules! vocabulary {
    (
        $(#[doc = $edoc:literal])*
        pub enum $name:ident {
            $(
                $(#[doc = $doc:literal])*
                $variant:ident = $code:literal
            ),+ $(,)?
        }
    ) => {
        $(#[doc = $edoc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        #[cfg_attr(feature = "db", derive(diesel::AsExpression, diesel::FromSqlRow))]
        #[cfg_attr(feature = "db", diesel(sql_type = diesel::sql_types::Text))]
        pub enum $name {
            $(
                $(#[doc = $doc])*
                #[serde(rename = $code)]
                $variant,
            )+
        }

        impl $crate::vocabulary::Term for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            const CONCEPT: &'static str = stringify!($name);

            fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)+
                }
            }

            fn meaning(self) -> &'static str {
                match self {
                    $(Self::$variant => concat!($($doc, "\n",)* ""),)+
                }
            }
        }

        impl $name {
            /// The wire and stored code (see [`crate::vocabulary::Term::code`]).
            pub fn as_str(self) -> &'static str {
                $crate::vocabulary::Term::code(self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::vocabulary::Term::code(*self))
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::vocabulary::UnknownTerm;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <Self as $crate::vocabulary::Term>::parse(s)
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                $crate::vocabulary::schema::<Self>(concat!($($edoc, "\n",)* ""))
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $name {}

        #[cfg(feature = "db")]
        impl<DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, DB>>::to_sql(
                    $crate::vocabulary::Term::code(*self),
                    out,
                )
            }
        }

        #[cfg(feature = "db")]
        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                let code =
                    <String as diesel::deserialize::FromSql<diesel::sql_types::Text, DB>>::from_sql(
                        bytes,
                    )?;
                Ok(<Self as $crate::vocabulary::Term>::parse(&code)?)
            }
        }
    };
}

pub(crate) use vocabulary;

/// Writes the labels of one language: `labels!(Vietnamese, vi; Concept { Variant => "…", … } …)`
/// becomes one exhaustive `match` per concept, so a value without a label fails to compile.
macro_rules! labels {
    ($trait:ident, $method:ident; $($concept:ty { $($variant:ident => $label:literal),+ $(,)? })+) => {
        $(
            impl $crate::vocabulary::$trait for $concept {
                fn $method(self) -> &'static str {
                    match self {
                        $(Self::$variant => $label,)+
                    }
                }
            }
        )+
    };
}

pub(crate) use labels;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::movements::TransferKind;

    #[test]
    fn codes_round_trip_and_unknown_codes_are_refused() {
        for t in TransferKind::ALL {
            assert_eq!(TransferKind::parse(t.code()), Ok(*t));
            assert_eq!(
                serde_json::to_value(t).ok(),
                Some(serde_json::json!(t.code()))
            );
        }
        let err = TransferKind::parse("sideways").err();
        assert_eq!(
            err.map(|e| e.to_string()),
            Some("unknown TransferKind value \"sideways\"".to_string())
        );
        assert!(serde_json::from_str::<TransferKind>("\"sideways\"").is_err());
    }

    #[test]
    fn every_value_has_a_label_in_every_language() {
        for lang in Lang::ALL {
            for t in TransferKind::ALL {
                assert!(!t.label(lang).is_empty());
            }
        }
        assert_eq!(TransferKind::Official.label(Lang::Vi), "Chính thức");
    }

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("vi"), Some(Lang::Vi));
        assert_eq!(Lang::from_tag("fr"), None);
    }
}
