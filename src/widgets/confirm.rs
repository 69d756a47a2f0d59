//! The inline question asked before a deletion: one shape on every page, so
//! the buttons read and behave the same wherever something can be removed.

use leptos::prelude::*;

/// The question (the children), a danger button that goes ahead and a plain
/// one that keeps things as they are, grouped under one accessible name.
#[component]
pub fn ConfirmInline(
    /// The group's accessible name, e.g. "Confirm deletion".
    #[prop(into)]
    label: String,
    /// The button that goes ahead, e.g. "Yes, delete".
    #[prop(into)]
    yes: String,
    /// The button that keeps things, e.g. "Keep it".
    no: &'static str,
    on_yes: impl Fn() + 'static,
    on_no: impl Fn() + 'static,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="confirm-inline" role="group" aria-label=label>
            {children()}
            <button type="button" class="danger" on:click=move |_| on_yes()>
                {yes}
            </button>
            <button type="button" on:click=move |_| on_no()>
                {no}
            </button>
        </div>
    }
}
