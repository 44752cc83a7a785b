//! A panic shows a message instead of a dead page: the hook writes the panic to the console (for
//! the administrators) and puts a notice with a reload button over the page (for the clerk).

use crate::i18n::{stored_lang, Text};

/// Installs the hook (once, before the app mounts).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("{info}");
        show_notice();
    }));
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
