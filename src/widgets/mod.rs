//! Small components and helpers that several pages share.

pub mod dom;
mod focus;
mod framework_choice;
pub mod markup;

use crate::app::route;
use leptos::prelude::*;
use leptos_router::components::A;

pub use focus::focus_later;
pub use framework_choice::{FrameworkAttribution, FrameworkChoice};

/// "25 Nov 2026, 14:05" in the user's time zone.
pub fn local_date_time(timestamp: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(timestamp));
    format!(
        "{} {} {}, {:02}:{:02}",
        date.get_date(),
        MONTHS.get(date.get_month() as usize).unwrap_or(&""),
        date.get_full_year(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// "14:05" in the user's time zone.
pub fn local_time(timestamp: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(timestamp));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// A requirement status as a coloured badge with its name.
pub fn status_badge(s: clausebook_core::assessment::Status) -> impl IntoView {
    view! { <span class=format!("badge status-{}", s.key())>{s.label()}</span> }
}

/// A share as a bar, hidden from assistive technology: the figure follows it in text.
pub fn bar(percent: u32) -> impl IntoView {
    view! {
        <span class="bar" aria-hidden="true">
            <span class="bar-fill" style:width=format!("{percent}%")></span>
        </span>
    }
}

/// A page for an address whose item does not exist: what was missing, and
/// a link back to the list it should have been in.
#[component]
pub fn Missing(
    title: &'static str,
    message: String,
    back_href: &'static str,
    back_text: &'static str,
) -> impl IntoView {
    view! {
        <h1>{title}</h1>
        <p>{message} " " <A href=route(back_href)>{back_text}</A> "."</p>
    }
}
