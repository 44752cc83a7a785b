//! User accounts of the caller's scope (`/users`, writers only): the list, a new account,
//! deactivation.

use leptos::prelude::*;
use qldv_api_types::auth::Role;
use qldv_api_types::users::{CreateUser, UpdateUser, User};
use qldv_api_types::{OrgId, Term, UserId};

use crate::api::{self, ApiError, ApiResult};
use crate::components::action::{failure, problem, write};
use crate::components::form::{input, select, some, term, terms};
use crate::components::org_picker::org_name;
use crate::components::read::{read, show};
use crate::i18n::{label, use_lang, Text};

/// A change to the accounts.
#[derive(Clone)]
enum Change {
    Create(CreateUser),
    SetActive(UserId, i64, bool),
}

/// The users page.
#[component]
pub fn UsersPage() -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let full_name = RwSignal::new(String::new());
    let org = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Viewer.code().to_string());
    let change = write(move |c: &Result<Change, ApiError>| {
        let c = c.clone();
        async move {
            let out = match c? {
                Change::Create(body) => {
                    let u = api::users::create(&body).await?;
                    username.set(String::new());
                    password.set(String::new());
                    u
                }
                Change::SetActive(id, version, active) => {
                    let body = UpdateUser {
                        active: Some(active),
                        ..Default::default()
                    };
                    api::users::update(id, &body, version).await?
                }
            };
            ApiResult::Ok(out)
        }
    });
    let error = failure(change);
    let build = move || -> Result<Change, ApiError> {
        Ok(Change::Create(CreateUser {
            username: username.get_untracked().trim().to_string(),
            password: password.get_untracked(),
            role: term("role", role)?,
            organization_id: match some(org) {
                Some(o) => Some(
                    o.parse::<OrgId>()
                        .map_err(|_| ApiError::field_local("organization_id", Text::Required))?,
                ),
                None => None,
            },
            full_name: some(full_name),
        }))
    };
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        change.dispatch(build());
    };
    let version = change.version();
    let users = read(move || {
        version.track();
        api::users::list()
    });
    let list = show(users, move |users: Vec<User>| {
        view! {
            <div class="table-wrap" tabindex="0">
                <table>
                    <thead><tr>
                        <th>{label(lang, Text::Username)}</th>
                        <th>{label(lang, Text::FullName)}</th>
                        <th>{label(lang, Text::Role)}</th>
                        <th>{label(lang, Text::Organizations)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>
                        {users.into_iter().map(|u| {
                            let (id, version, active, role) = (u.id, u.version, u.active, u.role);
                            view! {
                                <tr>
                                    <td>{u.username.clone()}</td>
                                    <td>{u.full_name.clone().unwrap_or_default()}</td>
                                    <td>{move || lang.get().term(role)}</td>
                                    <td>{u.organization_id.map(org_name).unwrap_or_else(|| "—".into())}</td>
                                    <td>
                                        <button type="button" on:click=move |_| { change.dispatch(Ok(Change::SetActive(id, version, !active))); }>
                                            {move || if active { t(Text::Deactivate) } else { t(Text::Activate) }}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    });
    view! {
        <main>
            <h1>{label(lang, Text::Users)}</h1>
            <form class="card inline-form no-print" on:submit=create aria-label=label(lang, Text::NewUser)>
                {input("username", Text::Username, "text", username, error)}
                {input("password", Text::Password, "password", password, error)}
                {input("full_name", Text::FullName, "text", full_name, error)}
                {select("role", Text::Role, terms(&[Role::Viewer, Role::Organizer, Role::Integration, Role::Admin]), role, error)}
                {input("organization_id", Text::OrganizationId, "text", org, error)}
                <div><button class="primary" type="submit" disabled=move || change.pending().get()>{label(lang, Text::NewUser)}</button></div>
            </form>
            {problem(change)}
            <section class="card">{list}</section>
        </main>
    }
}
