//! User accounts of the caller's scope: the list, a new account, deactivation.

use leptos::prelude::*;
use leptos::task::spawn_local;
use qldv_api_types::users::User;
use qldv_api_types::Page;

use crate::api::{self, ApiError};
use crate::components::form::{input, select, some};
use crate::components::{remote, ErrorBox};
use crate::i18n::{use_lang, Text};

/// The users page (administrators and organizers).
#[component]
pub fn UsersPage() -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let changed = RwSignal::new(0u32);
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let full_name = RwSignal::new(String::new());
    let org = RwSignal::new(String::new());
    let role = RwSignal::new("viewer".to_string());
    let error = RwSignal::new(None::<ApiError>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = serde_json::json!({
            "username": username.get_untracked().trim(),
            "password": password.get_untracked(),
            "role": role.get_untracked(),
            "organization_id": org.get_untracked().trim().parse::<i64>().ok(),
            "full_name": some(full_name),
        });
        error.set(None);
        spawn_local(async move {
            match api::send::<_, User>("POST", "/users", &body).await {
                Ok(_) => {
                    username.set(String::new());
                    password.set(String::new());
                    changed.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let set_active = move |id: i64, version: i64, active: bool| {
        spawn_local(async move {
            let body = serde_json::json!({ "active": active });
            match api::send_if_match::<_, User>("PATCH", &format!("/users/{id}"), &body, version)
                .await
            {
                Ok(_) => changed.update(|n| *n += 1),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let list = move || {
        changed.track();
        remote("/users?limit=500".to_string(), move |p: Page<User>| {
            view! {
                <table>
                    <thead><tr>
                        <th>{move || t(Text::Username)}</th>
                        <th>{move || t(Text::FullName)}</th>
                        <th>{move || t(Text::Role)}</th>
                        <th>{move || t(Text::OrganizationId)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>
                        {p.items.into_iter().map(|u| {
                            let role = serde_json::to_value(u.role).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
                            let (id, version, active) = (u.id.0, u.version, u.active);
                            view! {
                                <tr>
                                    <td>{u.username.clone()}</td>
                                    <td>{u.full_name.clone().unwrap_or_default()}</td>
                                    <td>{role}</td>
                                    <td>{u.organization_id.map(|o| o.to_string()).unwrap_or_else(|| "—".into())}</td>
                                    <td>
                                        <button type="button" on:click=move |_| set_active(id, version, !active)>
                                            {move || if active { t(Text::Deactivate) } else { t(Text::Activate) }}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }
        })
    };
    view! {
        <main>
            <h1>{move || t(Text::Users)}</h1>
            <form class="card inline-form no-print" on:submit=create aria-label=move || t(Text::NewUser)>
                {input("username", Text::Username, "text", username, error)}
                {input("password", Text::Password, "password", password, error)}
                {input("full_name", Text::FullName, "text", full_name, error)}
                {select("role", Text::Role, vec![("viewer", Text::RoleViewer), ("organizer", Text::RoleOrganizer),
                    ("integration", Text::RoleIntegration), ("admin", Text::RoleAdmin)], role, error)}
                {input("organization_id", Text::OrganizationId, "text", org, error)}
                <div><button class="primary" type="submit">{move || t(Text::NewUser)}</button></div>
            </form>
            {move || error.get().map(|e| view! { <ErrorBox error=e/> })}
            <section class="card">{list}</section>
        </main>
    }
}
