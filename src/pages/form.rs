//! The labelled form controls of these pages (text field, text area,
//! select, checkbox) and the error line under a form, each written once.

use leptos::prelude::*;

/// A one-line input under its label. The optional attributes are left out of
/// the markup when not given.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    /// What the field shows.
    #[prop(into)]
    value: Signal<String>,
    /// Receives the text on every keystroke.
    on_input: impl Fn(String) + 'static,
    /// The input's type: "text", or "search" for a filter.
    #[prop(default = "text")]
    kind: &'static str,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// Announced as required; the check itself is the model's.
    #[prop(optional)]
    required: bool,
    #[prop(optional)] placeholder: Option<&'static str>,
    #[prop(optional)] described_by: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type=kind
                autocomplete=autocomplete
                aria-required=required.then_some("true")
                maxlength=maxlength
                placeholder=placeholder
                aria-describedby=described_by
                prop:value=value
                on:input=move |ev| on_input(event_target_value(&ev))
            />
        </div>
    }
}

/// A multi-line text area under its label; the children (a hint) follow it.
#[component]
pub fn TextArea(
    id: &'static str,
    label: &'static str,
    /// What the area shows.
    #[prop(into)]
    value: Signal<String>,
    /// Receives the text on every keystroke.
    on_input: impl Fn(String) + 'static,
    rows: &'static str,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional)] described_by: Option<&'static str>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <textarea
                id=id
                rows=rows
                maxlength=maxlength
                aria-describedby=described_by
                prop:value=value
                on:input=move |ev| on_input(event_target_value(&ev))
            ></textarea>
            {children.map(|c| c())}
        </div>
    }
}

/// Why the last entry was refused, announced as soon as it appears; empty
/// (but present, so the announcement fires) while there is nothing to say.
#[component]
pub fn ErrorLine(
    error: RwSignal<Option<String>>,
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
