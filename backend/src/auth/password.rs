//! Password hashing with argon2id.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// Hashes a password (argon2id, default parameters, random salt) into a PHC string.
pub fn hash(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| format!("password hashing failed: {e}"))
}

/// Checks a password against a stored PHC string. A malformed hash never verifies.
pub fn verify(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// How long a sign-in waits for its turn to check a password before it is told to come back.
const GATE_WAIT: std::time::Duration = std::time::Duration::from_secs(20);

/// Checks a password against `phc` (the dummy hash when `None`: an unknown user name costs the
/// same verification, so timing does not reveal which names exist) on a blocking thread, at most
/// as many at once as `gate` allows. Call it holding no database connection: Argon2 is slow on
/// purpose, and a flood of sign-ins must not keep the connections from every other request.
/// A sign-in that waits past [`GATE_WAIT`] for its turn answers 429 with a short `Retry-After`.
pub async fn verify_gated(
    gate: &std::sync::Arc<tokio::sync::Semaphore>,
    password: String,
    phc: Option<String>,
) -> Result<bool, crate::error::AppError> {
    let permit = tokio::time::timeout(GATE_WAIT, gate.clone().acquire_owned())
        .await
        .ok()
        .and_then(Result::ok)
        .ok_or(crate::error::AppError::RateLimited { retry_after: 5 })?;
    actix_web::web::block(move || {
        let ok = verify(&password, phc.as_deref().unwrap_or(dummy_hash()));
        drop(permit);
        ok
    })
    .await
    .map_err(crate::error::AppError::internal)
}

/// A real hash of a throw-away password, to verify against when the user does not exist, so that
/// the answer takes as long as for a real user and does not reveal which user names exist.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash("qldv-dummy-password").unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let h = hash("mật khẩu đủ dài").unwrap_or_default();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("mật khẩu đủ dài", &h));
        assert!(!verify("mat khau du dai", &h));
        assert!(!verify("anything", "not a hash"));
        assert!(!verify("anything", dummy_hash()));
    }
}
