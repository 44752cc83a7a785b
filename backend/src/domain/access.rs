//! Who is a national administrator, and who may grant which role.

use crate::messages::text;
use qldv_api_types::auth::Role;

use super::Violation;

/// Whether an account is a national administrator: an administrator attached to no organisation.
///
/// This is the one place the notion is decided. A national administrator sees the whole tree and
/// alone does national things (national accounts, root organisations, trusting other
/// installations' sync keys); an administrator attached to an organisation (a scoped
/// administrator) administers that subtree only, and the level rules of cards and badges bind it
/// as they bind an organizer of the same organisation.
pub fn is_national_admin(role: Role, organization_id: Option<qldv_api_types::OrgId>) -> bool {
    role == Role::Admin && organization_id.is_none()
}

/// Whether `actor` may leave an account it creates or edits with no organisation (a national
/// account): only a national administrator may, and only for an administrator (any other role
/// must belong to an organisation, which is checked apart).
pub fn may_grant_national(actor_is_national_admin: bool) -> Result<(), Violation> {
    if actor_is_national_admin {
        Ok(())
    } else {
        Err(Violation::new(
            "national_account_not_grantable",
            text!(
                "Chỉ quản trị viên cấp trung ương được tạo tài khoản không thuộc tổ chức nào",
                "Only a central administrator creates an account outside every organisation"
            ),
        ))
    }
}

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
            text!(
                "Không được cấp vai trò '{}'",
                "You may not grant the role '{}'",
                target.as_str()
            ),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_unattached_administrator_is_national() {
        assert!(is_national_admin(Role::Admin, None));
        assert!(!is_national_admin(
            Role::Admin,
            Some(qldv_api_types::OrgId(7))
        ));
        for r in [Role::Organizer, Role::Viewer, Role::Integration] {
            assert!(!is_national_admin(r, None));
            assert!(!is_national_admin(r, Some(qldv_api_types::OrgId(7))));
        }
    }

    #[test]
    fn only_a_national_administrator_grants_a_national_account() {
        assert!(may_grant_national(true).is_ok());
        assert_eq!(
            may_grant_national(false).map_err(|v| v.code),
            Err("national_account_not_grantable")
        );
    }

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
