//! The change feed other agencies' systems poll, and the sync packages between installations.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

crate::vocabulary::vocabulary! {
    /// The kind of record a change is about. Values are listed in the order a receiver applies
    /// them (parents before what refers to them).
    pub enum ChangeEntity {
        /// A party organisation.
        Organization = "organization",
        /// A member record.
        Member = "member",
        /// A transfer of party activity.
        Transfer = "transfer",
        /// An annual rating.
        Evaluation = "evaluation",
        /// A party card.
        Card = "card",
        /// A badge proposal.
        BadgeProposal = "badge_proposal",
        /// An awarded badge.
        Badge = "badge",
        /// A candidate for admission and the admission file (issue 22): identity, file and
        /// steps; the same id as the member record it becomes at the ceremony.
        Candidate = "candidate",
        /// A cell's meeting with its whole attendance sheet (issue 23).
        Meeting = "meeting",
        /// A duty assigned to a member, with its review or closure.
        Duty = "duty",
        /// A residence liaison (213-QĐ/TW) as the working side reads it, with the residence
        /// cell's comments; never the residence side's view.
        Liaison = "liaison",
        /// A member's dated dues basis (its income base masked for readers who may not see it).
        DuesBasis = "dues_basis",
        /// A dues exemption or reduction.
        DuesRelief = "dues_relief",
        /// A dues deferral or prepayment arrangement.
        DuesArrangement = "dues_arrangement",
        /// A dues payment recorded on a cell's sheet (`void` when a corrected sheet replaced it).
        DuesPayment = "dues_payment",
    }
}

/// One committed change, as the feed returns it.
///
/// Its OpenAPI schema is written by hand (`change_schema` below): a `oneOf` keyed by `entity`
/// whose every variant types `resource` as that record's schema (`Member`, `Transfer`, …).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Change {
    /// The change's position in commit order; pass it as `after` to read what follows.
    pub cursor: String,
    /// The kind of record.
    pub entity: ChangeEntity,
    /// The record's id.
    pub id: i64,
    /// What was done: the action that changed the record (`update` for a plain edit).
    pub operation: crate::audit::AuditAction,
    /// The record's version after the change (its `ETag`).
    pub version: i64,
    /// When the change was made (UTC).
    pub at: DateTime<Utc>,
    /// The record after the change, exactly as the API's `GET` returned it then: the schema
    /// named by `entity` (see [`ChangeEntity::schema_name`]).
    pub resource: serde_json::Value,
}

impl ChangeEntity {
    /// The name of the OpenAPI schema of this kind of record (a `Change`'s `resource`).
    pub fn schema_name(self) -> &'static str {
        match self {
            Self::Organization => "Organization",
            Self::Member => "Member",
            Self::Transfer => "Transfer",
            Self::Evaluation => "Evaluation",
            Self::Card => "Card",
            Self::Badge => "Badge",
            Self::BadgeProposal => "BadgeProposal",
            Self::Candidate => "Candidate",
            Self::Meeting => "Meeting",
            Self::Duty => "Duty",
            Self::Liaison => "Liaison",
            Self::DuesBasis => "DuesBasis",
            Self::DuesRelief => "DuesReliefRecord",
            Self::DuesArrangement => "DuesArrangement",
            Self::DuesPayment => "DuesPayment",
        }
    }
}

#[cfg(feature = "openapi")]
mod change_schema {
    use std::borrow::Cow;

    use utoipa::openapi::schema::{
        AllOfBuilder, Discriminator, KnownFormat, ObjectBuilder, OneOfBuilder, Schema,
        SchemaFormat, Type,
    };
    use utoipa::openapi::{Ref, RefOr};
    use utoipa::{PartialSchema, ToSchema};

    use super::{Change, ChangeEntity};

    /// The component holding one entity's variant, e.g. `MemberChange`.
    fn variant_name(entity: ChangeEntity) -> String {
        format!("{}Change", entity.schema_name())
    }

    /// The fields every change has, whatever its record.
    fn common() -> RefOr<Schema> {
        ObjectBuilder::new()
            .description(Some("The fields of every change."))
            .property(
                "cursor",
                ObjectBuilder::new().schema_type(Type::String).description(Some(
                    "The change's position in commit order; pass it as `after` to read what follows.",
                )),
            )
            .required("cursor")
            .property(
                "id",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
                    .description(Some("The record's id.")),
            )
            .required("id")
            .property("operation", Ref::from_schema_name("AuditAction"))
            .required("operation")
            .property(
                "version",
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
                    .description(Some("The record's version after the change (its `ETag`).")),
            )
            .required("version")
            .property(
                "at",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
                    .description(Some("When the change was made (UTC).")),
            )
            .required("at")
            .into()
    }

    /// A change to one kind of record: the common fields, `entity` fixed, `resource` typed.
    fn variant(entity: ChangeEntity) -> RefOr<Schema> {
        AllOfBuilder::new()
            .item(Ref::from_schema_name("ChangeCommon"))
            .item(
                ObjectBuilder::new()
                    .property(
                        "entity",
                        ObjectBuilder::new()
                            .schema_type(Type::String)
                            .enum_values(Some([entity.as_str()]))
                            .description(Some("The kind of record.")),
                    )
                    .required("entity")
                    .property("resource", {
                        let mut resource = Ref::from_schema_name(entity.schema_name());
                        resource.description = format!(
                            "The {} after the change, exactly as the API's `GET` returned it then.",
                            entity.as_str().replace('_', " ")
                        );
                        resource
                    })
                    .required("resource"),
            )
            .description(Some(format!(
                "A change to a record of kind `{}`.",
                entity.as_str()
            )))
            .into()
    }

    impl PartialSchema for Change {
        fn schema() -> RefOr<Schema> {
            let mut one_of = OneOfBuilder::new()
                .description(Some(
                    "One committed change, as the feed returns it: `entity` says which record \
                     `resource` is.",
                ))
                .discriminator(Some(Discriminator::with_mapping(
                    "entity",
                    <ChangeEntity as crate::vocabulary::Term>::ALL
                        .iter()
                        .map(|&e| {
                            (
                                e.as_str(),
                                format!("#/components/schemas/{}", variant_name(e)),
                            )
                        }),
                )));
            for &entity in <ChangeEntity as crate::vocabulary::Term>::ALL {
                one_of = one_of.item(Ref::from_schema_name(variant_name(entity)));
            }
            one_of.into()
        }
    }

    impl ToSchema for Change {
        fn name() -> Cow<'static, str> {
            Cow::Borrowed("Change")
        }

        fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
            schemas.push(("ChangeCommon".into(), common()));
            for &entity in <ChangeEntity as crate::vocabulary::Term>::ALL {
                schemas.push((variant_name(entity), variant(entity)));
            }
            fn add<T: ToSchema>(schemas: &mut Vec<(String, RefOr<Schema>)>) {
                schemas.push((T::name().into_owned(), T::schema()));
                T::schemas(schemas);
            }
            add::<crate::audit::AuditAction>(schemas);
            add::<crate::organizations::Organization>(schemas);
            add::<crate::members::Member>(schemas);
            add::<crate::movements::Transfer>(schemas);
            add::<crate::evaluations::Evaluation>(schemas);
            add::<crate::cards::Card>(schemas);
            add::<crate::badges::Badge>(schemas);
            add::<crate::badges::BadgeProposal>(schemas);
            add::<crate::candidates::Candidate>(schemas);
            add::<crate::meetings::Meeting>(schemas);
            add::<crate::meetings::Duty>(schemas);
            add::<crate::liaisons::Liaison>(schemas);
            add::<crate::dues::DuesBasis>(schemas);
            add::<crate::dues::DuesReliefRecord>(schemas);
            add::<crate::dues::DuesArrangement>(schemas);
            add::<crate::dues::DuesPayment>(schemas);
        }
    }
}

/// One page of the change feed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePage {
    /// Changes after the requested cursor, oldest first.
    pub items: Vec<Change>,
    /// Where to continue: the cursor of the last item, or the requested one when there was
    /// nothing new. Never `null`: a consumer stores it and polls with it.
    pub next_cursor: String,
    /// Whether more changes are waiting right now (poll again at once rather than later).
    pub has_more: bool,
}

/// A signed sync package: what `GET /sync/export` answers and `POST /sync/import` reads, as is.
/// The payload is JSON kept as the exact text that was signed (its records, the subtree, the
/// sender's feed cursors); any change to it breaks the signature.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "format": "qldv-sync/2",
    "public_key": "F7W4knxWYh/k6rz8l9GMCwHf59NyCDDOYxdKCAyyu+0=",
    "signature": "SAiflmd8RIpqmbm2CmglTWuZ8QDIwL5Fno84P1lkG2nHypR4Ki/o53cznwqit4mmNIAR7QGIdQBoUcJH2NIsAw==",
    "payload": "{\"format\":\"qldv-sync/2\",\"organization_id\":1,\"since\":0,\"until\":42,\"created_at\":\"2026-12-06T14:23:34Z\",\"context\":[],\"records\":[]}"
})))]
pub struct SyncPackage {
    /// The format and its version: `qldv-sync/2` (the cell's year in the payload); packages of
    /// `qldv-sync/1` are still read.
    #[cfg_attr(feature = "openapi", schema(example = "qldv-sync/2"))]
    pub format: String,
    /// The sender's Ed25519 public key (base64, 32 bytes).
    pub public_key: String,
    /// Ed25519 signature of `payload`'s bytes (base64).
    pub signature: String,
    /// The payload's JSON text, exactly as signed.
    pub payload: String,
}

/// A record of a sync package the receiving installation did not apply.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncConflict {
    /// The kind of record.
    pub entity: ChangeEntity,
    /// The record's id.
    pub id: i64,
    /// The version the package carries.
    pub package_version: i64,
    /// The version held here, if any.
    pub local_version: Option<i64>,
    /// Why: `newer_local_version`, `diverged` (same version, different edit) or the error code
    /// of the write that failed (e.g. `already_exists` for a CCCD recorded here on someone else).
    pub code: String,
    /// Explanation for the clerk.
    pub message: String,
}

/// What applying a sync package did.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncReport {
    /// SHA-256 of the signed content: the package's identity.
    pub digest: String,
    /// The sending installation's public key (base64).
    pub sender_key: String,
    /// The organisation whose subtree the package carries.
    pub organization_id: i64,
    /// The sender's feed cursor the package starts after.
    pub since: String,
    /// The sender's feed cursor the package reaches (the next package's `since`).
    pub until: String,
    /// Records written.
    pub applied: u64,
    /// Records already as the package has them.
    pub unchanged: u64,
    /// Records not applied, with the reason.
    pub conflicts: Vec<SyncConflict>,
    /// `true` when this package had been applied before: nothing was changed now.
    pub already_applied: bool,
    /// The settings version of the sending installation (its regulations and their
    /// parameters), when the package carries it.
    #[serde(default)]
    pub sender_settings_version: Option<i64>,
    /// What the receiver should know though nothing was refused: the package was judged by
    /// other rules than this installation's (`settings_differ`), or does not say which
    /// (`settings_unknown`).
    #[serde(default)]
    pub warnings: Vec<SyncWarning>,
}

crate::vocabulary::vocabulary! {
    /// Why a sync import warns.
    pub enum SyncWarningCode {
        /// The sender judged by other regulations or parameters than the receiver's.
        SettingsDiffer = "settings_differ",
        /// The package does not say which settings the sender judged by (an older sender).
        SettingsUnknown = "settings_unknown",
    }
}

/// A warning of a sync import.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncWarning {
    /// What it is about.
    pub code: SyncWarningCode,
    /// Explanation for the clerk.
    pub message: String,
}

/// An installation whose packages are accepted.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrustedKey {
    /// Its Ed25519 public key (base64, 32 bytes).
    pub public_key: String,
    /// Who it is, e.g. `Đảng ủy xã Tân Lạc`.
    pub name: String,
    /// The organisation whose subtree its packages may write here (required to trust a key;
    /// `null` for a key trusted before keys were bound: refused until trusted again).
    #[serde(default)]
    pub organization_id: Option<i64>,
}

/// This installation's identity for sync packages.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SyncIdentity {
    /// The Ed25519 public key its packages are signed with (base64); the receiving
    /// installation must trust it.
    pub public_key: String,
}
