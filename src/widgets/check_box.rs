//! A labelled checkbox bound to a flag.

use leptos::prelude::*;

/// A checkbox with its label after it, bound to a flag.
#[component]
pub fn CheckBox(id: &'static str, label: &'static str, checked: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="check">
            <input
                id=id
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |ev| checked.set(event_target_checked(&ev))
            />
            <label for=id>{label}</label>
        </div>
    }
}
