//! What a page shows when what it is for is not there: no such item, or no
//! workbook yet.

use crate::app::route;
use leptos::prelude::*;
use leptos_router::components::A;

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

/// The line for a page that needs a workbook when there is none yet.
#[component]
pub fn NoWorkbook() -> impl IntoView {
    view! {
        <p>"There is no workbook yet. " <A href=route("/")>"Create one on the Overview"</A> "."</p>
    }
}

/// The line that sends a user without a workbook to create one before they
/// can `purpose` (e.g. "record services").
#[component]
pub fn CreateWorkbookFirst(purpose: &'static str) -> impl IntoView {
    view! {
        <p>
            {format!("To {purpose}, first ")}
            <A href=route("/")>"create a workbook on the Overview"</A>
            "."
        </p>
    }
}
