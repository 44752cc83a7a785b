//! QLĐV web client (placeholder until the web-client issue): mounts the application shell.

use leptos::prelude::*;

/// The application shell.
#[component]
fn App() -> impl IntoView {
    view! {
        <main>
            <h1>"QLĐV — Quản lý đảng viên"</h1>
            <p>"Giao diện web đang được xây dựng. API: " <a href="/api/docs/">"/api/docs/"</a></p>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
