//! Sign-in.

use leptos::prelude::*;
use qldv_api_types::auth::LoginRequest;

use crate::api;
use crate::components::action::{failure, write};
use crate::components::form::{field_error, focus_first};
use crate::components::ErrorBox;
use crate::i18n::{label, use_lang, Text};
use crate::session;

/// The sign-in form.
#[component]
pub fn Login() -> impl IntoView {
    let lang = use_lang();
    let t = move |k| lang.get().t(k);
    let user = session::use_user();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    focus_first("username");
    let sign_in = write(move |body: &LoginRequest| {
        let body = body.clone();
        async move {
            let me = api::auth::sign_in(&body).await?;
            user.set(Some(me));
            Ok(())
        }
    });
    let error = failure(sign_in);
    let pending = sign_in.pending();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        sign_in.dispatch(LoginRequest {
            username: username.get_untracked().trim().to_string(),
            password: password.get_untracked(),
        });
    };
    view! {
        <main class="login">
            <form class="card" on:submit=submit>
                <h1>{label(lang, Text::AppName)}</h1>
                <label for="username">{label(lang, Text::Username)}</label>
                <input id="username" name="username" autocomplete="username" required bind:value=username/>
                {field_error(error, "username")}
                <label for="password">{label(lang, Text::Password)}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required bind:value=password/>
                {field_error(error, "password")}
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
