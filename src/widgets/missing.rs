//! What a page shows when what it is for is not there: no such item, or no
//! workbook yet.

use super::Card;
use crate::app::{AppState, route};
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

/// `children` while a workbook is open; else a card that says to create one
/// first so as to `purpose`. The card has a heading when given its id and
/// title.
#[component]
pub fn NeedsWorkbook(
    purpose: &'static str,
    #[prop(optional)] heading_id: Option<&'static str>,
    #[prop(optional)] title: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let fallback = move || match heading_id {
        Some(heading_id) => view! {
            <Card heading_id title>
                <CreateWorkbookFirst purpose />
            </Card>
        }
        .into_any(),
        None => view! {
            <section class="card">
                <CreateWorkbookFirst purpose />
            </section>
        }
        .into_any(),
    };
    view! {
        <Show when=move || state.workbook.with(Option::is_some) fallback>
            {children()}
        </Show>
    }
}
