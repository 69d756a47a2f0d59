//! The labelled text input or textarea that every form uses for free text.

use leptos::prelude::*;

/// A field with a label and a text input (or, `multiline`, a three-row
/// textarea) that shows `value` and hands every keystroke to `on_input`.
/// A `hint` shows under the control, which it describes; an `error` shows
/// under it as an alert. `locked` makes it read-only, e.g. outside its stage.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    max: usize,
    value: Signal<String>,
    on_input: UnsyncCallback<String>,
    #[prop(optional)] multiline: bool,
    /// Marks the field as one the form cannot go without.
    #[prop(optional)]
    required: bool,
    /// What the browser may fill in; inputs only, "off" unless told.
    #[prop(default = "off")]
    autocomplete: &'static str,
    #[prop(optional_no_strip)] hint: Option<&'static str>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional, into)] locked: Option<Signal<bool>>,
    /// For focusing the input (inputs only).
    #[prop(optional)]
    node_ref: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described = hint.map(|_| hint_id.clone());
    let readonly = move || locked.is_some_and(|l| l.get());
    let save = move |ev: leptos::ev::Event| on_input.run(event_target_value(&ev));
    let control = if multiline {
        view! {
            <textarea
                id=id
                rows="3"
                maxlength=max
                aria-describedby=described
                readonly=readonly
                prop:value=value
                on:input=save
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id
                node_ref=node_ref
                type="text"
                autocomplete=autocomplete
                aria-required=required.then_some("true")
                maxlength=max
                aria-describedby=described
                readonly=readonly
                prop:value=value
                on:input=save
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            {hint.map(|h| view! { <p id=hint_id class="hint">{h}</p> })}
            {error.map(|e| view! { <p class="error" role="alert">{move || e.get()}</p> })}
        </div>
    }
}
