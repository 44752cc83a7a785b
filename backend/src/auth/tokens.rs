//! Random secrets and their stored hashes (refresh tokens and API tokens are stored hashed only).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Prefix that marks a long-lived API token (as opposed to a JWT) in the `Authorization` header.
pub const API_TOKEN_PREFIX: &str = "qldv_";

/// `n` random bytes, URL-safe base64.
pub fn random_secret(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// SHA-256 of a secret, hex: what the database stores. Secrets have 256 bits of entropy, so a fast
/// hash is enough (no dictionary to attack).
pub fn digest(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A new API token secret.
pub fn new_api_token() -> String {
    format!("{API_TOKEN_PREFIX}{}", random_secret(32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_unique_and_digests_stable() {
        let a = random_secret(32);
        assert_ne!(a, random_secret(32));
        assert_eq!(digest(&a), digest(&a));
        assert_eq!(digest(&a).len(), 64);
        assert!(new_api_token().starts_with(API_TOKEN_PREFIX));
    }
}
