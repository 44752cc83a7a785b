//! Sign-in.

use leptos::prelude::*;
use leptos::task::spawn_local;
use qldv_api_types::auth::{LoginRequest, Me, TokenPair};

use crate::api::{self, ApiError};
use crate::components::form::focus_first;
use crate::components::ErrorBox;
use crate::i18n::{use_lang, Text};
use crate::session;

/// The sign-in form.
#[component]
pub fn Login() -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let user = session::use_user();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    focus_first("username");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        pending.set(true);
        error.set(None);
        let body = LoginRequest {
            username: username.get_untracked().trim().to_string(),
            password: password.get_untracked(),
        };
        spawn_local(async move {
            let result = match api::send::<_, TokenPair>("POST", "/auth/login", &body).await {
                Ok(pair) => {
                    session::store(&pair);
                    api::get::<Me>("/auth/me").await
                }
                Err(e) => Err(e),
            };
            match result {
                Ok(me) => user.set(Some(me)),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    view! {
        <main class="login">
            <form class="card" on:submit=submit>
                <h1>{move || t(Text::AppName)}</h1>
                <label for="username">{move || t(Text::Username)}</label>
                <input id="username" name="username" autocomplete="username" required bind:value=username/>
                <Show when=move || error.with(|e| e.as_ref().and_then(|e| e.field("username")).is_some())>
                    <div class="field-error">{move || error.with(|e| e.as_ref().and_then(|e| e.field("username")))}</div>
                </Show>
                <label for="password">{move || t(Text::Password)}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required bind:value=password/>
                <Show when=move || error.with(|e| e.as_ref().and_then(|e| e.field("password")).is_some())>
                    <div class="field-error">{move || error.with(|e| e.as_ref().and_then(|e| e.field("password")))}</div>
                </Show>
                <p>
                    <button class="primary" type="submit" disabled=move || pending.get()>
                        {move || if pending.get() { t(Text::SigningIn) } else { t(Text::SignIn) }}
                    </button>
                </p>
                {move || error.get().map(|e| view! { <ErrorBox error=e/> })}
            </form>
        </main>
    }
}
