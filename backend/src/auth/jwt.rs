//! Access tokens: JWT signed with HS256. The algorithm is pinned; expiry is always checked.

use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

/// Claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// User id.
    pub sub: String,
    /// Issued at (seconds since epoch).
    pub iat: i64,
    /// Expires at (seconds since epoch).
    pub exp: i64,
    /// Token kind: always `access`.
    pub typ: String,
    /// Issuer: always [`ISSUER`].
    pub iss: String,
    /// Audience: always [`AUDIENCE`].
    pub aud: String,
}

const ISSUER_TYP: &str = "access";
/// Who mints access tokens: this server.
pub const ISSUER: &str = "qldv";
/// What access tokens are for: this server's API (a token minted with the same key for any
/// other use, now or later, is refused).
pub const AUDIENCE: &str = "qldv-api";

/// Signing and verification keys.
#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    /// HMAC under the same secret, for digests the server keeps of requests.
    digest: hmac::Hmac<sha2::Sha256>,
    /// Lifetime of an access token, seconds.
    pub ttl_seconds: i64,
}

impl std::fmt::Debug for JwtKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JwtKeys")
            .field("ttl_seconds", &self.ttl_seconds)
            .finish_non_exhaustive()
    }
}

impl JwtKeys {
    /// Keys from a shared secret.
    pub fn new(secret: &[u8], ttl_seconds: i64) -> Self {
        use hmac::Mac;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            // HMAC takes a key of any length.
            digest: <hmac::Hmac<sha2::Sha256> as Mac>::new_from_slice(secret)
                .unwrap_or_else(|_| <hmac::Hmac<sha2::Sha256> as Mac>::new(&Default::default())),
            ttl_seconds,
        }
    }

    /// A keyed digest (hex) of `parts` under the server's secret, labelled with `purpose` so it
    /// never equals a token's signature: what the server keeps of a request body holding a
    /// password cannot be guessed offline from the database.
    pub fn digest(&self, purpose: &str, parts: &[&[u8]]) -> String {
        use hmac::Mac;
        let mut mac = self.digest.clone();
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        for p in parts {
            mac.update(&(p.len() as u64).to_be_bytes());
            mac.update(p);
        }
        hex::encode(mac.finalize().into_bytes())
    }

    /// Issues an access token for a user.
    pub fn issue(&self, user_id: qldv_api_types::UserId) -> Result<String, String> {
        let now = Utc::now().timestamp();
        let claims = Claims {
            sub: user_id.to_string(),
            iat: now,
            exp: now + self.ttl_seconds,
            typ: ISSUER_TYP.into(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| format!("cannot sign token: {e}"))
    }

    /// Verifies a token (signature with HS256 only, expiry with no leeway, this issuer and
    /// audience) and returns the user id.
    pub fn verify(&self, token: &str) -> Option<qldv_api_types::UserId> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        validation.validate_exp = true;
        validation.set_required_spec_claims(&["exp", "sub", "iat", "iss", "aud"]);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation).ok()?;
        if data.claims.typ != ISSUER_TYP {
            return None;
        }
        data.claims.sub.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use qldv_api_types::UserId;

    #[test]
    fn tokens_round_trip_and_expire() {
        let keys = JwtKeys::new(b"0123456789abcdef0123456789abcdef", 60);
        let t = keys.issue(UserId(42)).unwrap_or_default();
        assert_eq!(keys.verify(&t), Some(UserId(42)));
        let expired = JwtKeys::new(b"0123456789abcdef0123456789abcdef", -10);
        let t = expired.issue(UserId(42)).unwrap_or_default();
        assert_eq!(keys.verify(&t), None);
    }

    #[test]
    fn other_keys_and_algorithms_are_refused() {
        let keys = JwtKeys::new(b"0123456789abcdef0123456789abcdef", 60);
        let other = JwtKeys::new(b"ffffffffffffffffffffffffffffffff", 60);
        let t = other.issue(UserId(1)).unwrap_or_default();
        assert_eq!(keys.verify(&t), None);
        // alg=none with the same claims
        let none = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxIiwiaWF0IjoxLCJleHAiOjk5OTk5OTk5OTksInR5cCI6ImFjY2VzcyJ9.";
        assert_eq!(keys.verify(none), None);
        // The right key but another HMAC algorithm.
        let claims = Claims {
            sub: "1".into(),
            iat: 1,
            exp: 9_999_999_999,
            typ: ISSUER_TYP.into(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
        };
        let hs512 = jsonwebtoken::encode(
            &Header::new(Algorithm::HS512),
            &claims,
            &EncodingKey::from_secret(b"0123456789abcdef0123456789abcdef"),
        )
        .unwrap_or_default();
        assert!(!hs512.is_empty());
        assert_eq!(keys.verify(&hs512), None);
    }
}
