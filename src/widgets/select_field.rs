//! A labelled drop-down.

use leptos::prelude::*;

/// A drop-down under its label; the children are its options, each of which
/// says whether it is the one selected.
#[component]
pub fn SelectField(
    id: &'static str,
    label: &'static str,
    /// Receives the chosen option's value.
    on_change: impl Fn(String) + 'static,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| on_change(event_target_value(&ev))>
                {children()}
            </select>
        </div>
    }
}
