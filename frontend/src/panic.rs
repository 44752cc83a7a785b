//! A panic shows a message instead of a dead page: a notice with a reload button over the page
//! (for the clerk); the browser's console has the error (for the administrators).
//!
//! The release build (scripts/build-web.sh) aborts at once on a panic (`-Cpanic=immediate-abort`:
//! no panic runtime, no message): the panic is a WebAssembly trap, which the browser reports as an
//! uncaught `WebAssembly.RuntimeError` — an `error` event, or an `unhandledrejection` when the trap
//! happened in a promise's callback. Both show the notice. Builds with the ordinary panic
//! strategy (tests, a plain `trunk serve`) run the panic hook first, which logs the message.

use js_sys::WebAssembly::RuntimeError;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, PromiseRejectionEvent};

use crate::i18n::{stored_lang, Text};

/// Installs the hook and the listeners (once, before the app mounts).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("{info}");
        show_notice();
    }));
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_error = Closure::<dyn Fn(ErrorEvent)>::new(|ev: ErrorEvent| crashed(&ev.error()));
    let on_rejection =
        Closure::<dyn Fn(PromiseRejectionEvent)>::new(|ev: PromiseRejectionEvent| {
            crashed(&ev.reason())
        });
    let _ = window.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback(
        "unhandledrejection",
        on_rejection.as_ref().unchecked_ref(),
    );
    // The listeners live as long as the page.
    on_error.forget();
    on_rejection.forget();
}

/// Shows the notice when `error` is a trap of the client's module (not another script's error).
fn crashed(error: &JsValue) {
    if error.is_instance_of::<RuntimeError>() {
        show_notice();
    }
}

fn show_notice() {
    let lang = stored_lang();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    if document.get_element_by_id("crashed").is_some() {
        return;
    }
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_id("crashed");
    let _ = notice.set_attribute("role", "alert");
    let _ = notice.set_attribute("class", "alert-box crashed");
    let text = document.create_element("p");
    let button = document.create_element("button");
    if let (Ok(text), Ok(button)) = (text, button) {
        text.set_text_content(Some(lang.t(Text::Crashed)));
        button.set_text_content(Some(lang.t(Text::Reload)));
        let _ = button.set_attribute("type", "button");
        let _ = button.set_attribute("onclick", "location.reload()");
        let _ = notice.append_child(&text);
        let _ = notice.append_child(&button);
    }
    let _ = body.prepend_with_node_1(&notice);
}
