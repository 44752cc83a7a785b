//! The signed-in session: the access token in `localStorage`, the current user in a signal.

use std::cell::Cell;

use leptos::prelude::*;
use qldv_api_types::auth::{Me, TokenPair};

const TOKEN_KEY: &str = "qldv.access_token";
const REFRESH_KEY: &str = "qldv.refresh_token";

thread_local! {
    /// The app's user signal, reachable from API calls that finish after their component's owner.
    static USER: Cell<Option<RwSignal<Option<Me>>>> = const { Cell::new(None) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Creates the user signal of the app (once, at the root).
pub fn provide() -> RwSignal<Option<Me>> {
    let user = RwSignal::new(None);
    USER.with(|u| u.set(Some(user)));
    provide_context(user);
    user
}

/// The stored access token.
pub fn token() -> Option<String> {
    storage().and_then(|s| s.get_item(TOKEN_KEY).ok().flatten())
}

/// The stored refresh token.
pub fn refresh_token() -> Option<String> {
    storage().and_then(|s| s.get_item(REFRESH_KEY).ok().flatten())
}

/// Stores the tokens of a sign-in or a refresh.
pub fn store(pair: &TokenPair) {
    if let Some(s) = storage() {
        let _ = s.set_item(TOKEN_KEY, &pair.access_token);
        let _ = s.set_item(REFRESH_KEY, &pair.refresh_token);
    }
}

/// Forgets the token (sign-out, or the server said it is no longer valid): the app shows the
/// sign-in form again.
pub fn expire() {
    if let Some(s) = storage() {
        let _ = s.remove_item(TOKEN_KEY);
        let _ = s.remove_item(REFRESH_KEY);
    }
    // Only a change re-renders the app (a second `None` would reset the sign-in form's error).
    if let Some(user) = USER
        .with(Cell::get)
        .filter(|u| u.with_untracked(Option::is_some))
    {
        user.set(None);
    }
}

/// The signed-in user (`None` before sign-in).
pub fn use_user() -> RwSignal<Option<Me>> {
    use_context::<RwSignal<Option<Me>>>().unwrap_or_else(|| RwSignal::new(None))
}

/// Whether the role may write (admission, decisions, imports, user accounts): administrators and
/// organizers. Viewers and integrations only read.
pub fn writes(role: qldv_api_types::auth::Role) -> bool {
    use qldv_api_types::auth::Role;
    matches!(role, Role::Admin | Role::Organizer)
}

/// The root of the signed-in account's scope (none for a national account): the organisation a
/// page starts from when the URL names none.
pub fn own_org() -> Option<qldv_api_types::OrgId> {
    use_user().get_untracked().and_then(|u| u.organization_id)
}
