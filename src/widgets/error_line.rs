//! The line under a form that says why the last entry was refused.

use leptos::prelude::*;

/// Why the last entry was refused, announced as soon as it appears; empty
/// (but present, so the announcement fires) while there is nothing to say.
#[component]
pub fn ErrorLine(
    #[prop(into)] error: Signal<Option<String>>,
    /// For a field's `aria-describedby`.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    view! {
        <p class="error" id=id role="alert">
            {move || error.get()}
        </p>
    }
}
