//! QLĐV web client: a Leptos client-side-rendered app for organisation boards and cell
//! secretaries. It talks only to the server's `/api/v1` with the DTOs of `qldv-api-types`.

mod api;
mod app;
mod components;
mod format;
mod i18n;
mod lazy;
mod pages;
mod panic;
mod session;
mod text;
mod urls;

fn main() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
}
