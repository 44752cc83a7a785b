//! Who may grant which role.

use qldv_api_types::auth::Role;

use super::Violation;

/// Rank of a role for delegation: a user may hand out roles of its own rank or lower.
fn rank(role: Role) -> u8 {
    match role {
        Role::Admin => 3,
        Role::Organizer => 2,
        Role::Viewer | Role::Integration => 1,
    }
}

/// Whether `actor` may create or edit an account with role `target` (scope is checked apart).
pub fn may_grant(actor: Role, target: Role) -> Result<(), Violation> {
    let allowed = match actor {
        Role::Admin => true,
        Role::Organizer => rank(target) <= rank(Role::Organizer),
        Role::Viewer | Role::Integration => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(Violation::new(
            "role_not_grantable",
            format!("Không được cấp vai trò '{}'", target.as_str()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organizers_grant_up_to_their_own_role() {
        assert!(may_grant(Role::Admin, Role::Admin).is_ok());
        assert!(may_grant(Role::Organizer, Role::Organizer).is_ok());
        assert!(may_grant(Role::Organizer, Role::Viewer).is_ok());
        assert!(may_grant(Role::Organizer, Role::Integration).is_ok());
        assert!(may_grant(Role::Organizer, Role::Admin).is_err());
        assert!(may_grant(Role::Viewer, Role::Viewer).is_err());
        assert!(may_grant(Role::Integration, Role::Viewer).is_err());
    }
}
