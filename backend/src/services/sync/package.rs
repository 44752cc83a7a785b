//! The sync package file: a JSON envelope holding the payload (itself JSON, kept as the exact
//! text that was signed), the sender's Ed25519 public key and the signature over that text.

use qldv_api_types::OrgId;
use std::collections::BTreeMap;
use std::sync::Arc;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use qldv_api_types::changes::ChangeEntity;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::error::{AppError, AppResult};

/// The format name and version written in every package: version 2 adds the cell's year
/// (`Payload::cell_year`).
pub const FORMAT: &str = "qldv-sync/2";

/// The formats this installation opens: its own and version 1, whose packages carry no cell's
/// year (applied as they are: nothing of the cell's year changes).
pub const FORMATS_READ: &[&str] = &["qldv-sync/1", FORMAT];

/// One table row (column → value), as the database's JSON functions give it.
pub type Row = Map<String, Value>;

/// The latest state of one changed record: its rows in every table of its aggregate.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    /// Kind of record.
    pub entity: ChangeEntity,
    /// Its id (the same in every installation: see `qldv sync init`).
    pub id: i64,
    /// Its version at export.
    pub version: i64,
    /// Rows by table, the record's own table first.
    pub rows: BTreeMap<String, Vec<Row>>,
}

/// What a package carries.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Payload {
    /// [`FORMAT`].
    pub format: String,
    /// The organisation whose subtree this is.
    pub organization_id: OrgId,
    /// The sender's feed cursor the package starts after.
    pub since: i64,
    /// The sender's feed cursor the package reaches.
    pub until: i64,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// Organisations the records refer to (ancestors of the subtree, the other side of a
    /// transfer): created when missing, never changed.
    pub context: Vec<Row>,
    /// The changed records, in the order they are applied.
    pub records: Vec<Record>,
    /// The sender's settings version (its own counter of changes to the regulations and their
    /// parameters); absent in packages of older senders.
    #[serde(default)]
    pub settings_version: Option<i64>,
    /// SHA-256 of the sender's regulation chains and parameters: equal to the receiver's when
    /// both judge by the same rules.
    #[serde(default)]
    pub settings_digest: Option<String>,
    /// The cell's year of the subtree (format 2); absent in packages of older senders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell_year: Option<super::cell_year::CellYear>,
}

/// The file (its shape is part of the API: `GET /sync/export`, `POST /sync/import`).
pub type Envelope = qldv_api_types::changes::SyncPackage;

/// This installation's signing key (never printed).
#[derive(Clone)]
pub struct SyncKey(Arc<SigningKey>);

impl std::fmt::Debug for SyncKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SyncKey({})", self.public_key())
    }
}

impl SyncKey {
    /// A key from its 32 secret bytes.
    pub fn from_bytes(bytes: &[u8; 32]) -> Self {
        Self(Arc::new(SigningKey::from_bytes(bytes)))
    }

    /// A new random key.
    pub fn generate() -> Self {
        Self(Arc::new(SigningKey::generate(&mut rand::rngs::OsRng)))
    }

    /// The 32 secret bytes (to store in the key file).
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The public key, base64.
    pub fn public_key(&self) -> String {
        STANDARD.encode(self.0.verifying_key().to_bytes())
    }

    /// Signs a payload into a package file.
    pub fn seal(&self, payload: &Payload) -> AppResult<Vec<u8>> {
        let text = serde_json::to_string(payload).map_err(|e| AppError::internal(e.to_string()))?;
        let signature = self.0.sign(text.as_bytes());
        let envelope = Envelope {
            format: FORMAT.into(),
            public_key: self.public_key(),
            signature: STANDARD.encode(signature.to_bytes()),
            payload: text,
        };
        serde_json::to_vec_pretty(&envelope).map_err(|e| AppError::internal(e.to_string()))
    }
}

/// An Ed25519 public key written in base64, if `text` is one.
pub fn public_key(text: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = STANDARD.decode(text.trim()).ok()?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// A package whose signature checked out: the sender's key, the digest and the payload.
#[derive(Debug)]
pub struct Opened {
    /// The sender's public key, base64.
    pub public_key: String,
    /// SHA-256 of the signed payload text, hex.
    pub digest: String,
    /// The content.
    pub payload: Payload,
}

/// Reads a package file and checks its signature against the key it names (whether that key is
/// trusted is the caller's question). Any change to the payload breaks the signature.
pub fn open(bytes: &[u8]) -> AppResult<Opened> {
    let envelope: Envelope =
        serde_json::from_slice(bytes).map_err(crate::messages::sync::unreadable)?;
    if !FORMATS_READ.contains(&envelope.format.as_str()) {
        return Err(crate::messages::sync::format_unknown(&envelope.format));
    }
    let key = public_key(&envelope.public_key).ok_or_else(crate::messages::sync::key_invalid)?;
    let signature: [u8; 64] = STANDARD
        .decode(&envelope.signature)
        .ok()
        .and_then(|s| s.try_into().ok())
        .ok_or_else(crate::messages::sync::signature_invalid)?;
    key.verify(
        envelope.payload.as_bytes(),
        &Signature::from_bytes(&signature),
    )
    .map_err(|_| crate::messages::sync::signature_mismatch())?;
    let payload: Payload = serde_json::from_str(&envelope.payload)
        .map_err(crate::messages::sync::content_unreadable)?;
    if payload.format != envelope.format {
        return Err(crate::messages::sync::content_format_unknown());
    }
    Ok(Opened {
        public_key: envelope.public_key,
        digest: hex::encode(Sha256::digest(envelope.payload.as_bytes())),
        payload,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failing step is the test failing
mod tests {
    use super::*;

    fn payload() -> Payload {
        Payload {
            format: FORMAT.into(),
            organization_id: OrgId(7),
            since: 0,
            until: 12,
            created_at: Utc::now(),
            context: vec![],
            records: vec![],
            settings_version: Some(3),
            settings_digest: Some("ab".repeat(32)),
            cell_year: None,
        }
    }

    #[test]
    fn a_sealed_package_opens_with_its_digest() {
        let key = SyncKey::generate();
        let bytes = key.seal(&payload()).unwrap();
        let opened = open(&bytes).unwrap();
        assert_eq!(opened.public_key, key.public_key());
        assert_eq!(opened.payload.until, 12);
        assert_eq!(opened.digest.len(), 64);
    }

    #[test]
    fn any_edit_of_the_payload_breaks_the_signature() {
        let key = SyncKey::generate();
        let bytes = key.seal(&payload()).unwrap();
        let mut envelope: Envelope = serde_json::from_slice(&bytes).unwrap();
        envelope.payload = envelope.payload.replace("\"until\":12", "\"until\":13");
        let tampered = serde_json::to_vec(&envelope).unwrap();
        let err = open(&tampered).unwrap_err();
        assert_eq!(err.code(), "sync_signature_invalid");
    }

    #[test]
    fn a_package_signed_by_another_key_than_it_names_is_refused() {
        let bytes = SyncKey::generate().seal(&payload()).unwrap();
        let mut envelope: Envelope = serde_json::from_slice(&bytes).unwrap();
        envelope.public_key = SyncKey::generate().public_key();
        let err = open(&serde_json::to_vec(&envelope).unwrap()).unwrap_err();
        assert_eq!(err.code(), "sync_signature_invalid");
    }
}
