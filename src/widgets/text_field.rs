//! The labelled text input or textarea that every form uses for free text.

use leptos::prelude::*;

use super::ErrorLine;

/// A field with a label and a text input (or, `multiline`, a textarea of
/// `rows` rows) that shows `value` and hands every keystroke to `on_input`.
/// A `hint` shows under the control, which it describes; an `error` shows
/// under it as an alert. `locked` makes it read-only, e.g. outside its stage.
/// The optional attributes are left out of the markup when not given.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: Signal<String>,
    on_input: UnsyncCallback<String>,
    /// The most characters the field takes (its `maxlength`).
    #[prop(optional, into)]
    max: Option<usize>,
    #[prop(optional)] multiline: bool,
    /// A textarea's height.
    #[prop(default = "3")]
    rows: &'static str,
    /// The input's type: "text", or "search" for a filter.
    #[prop(default = "text")]
    kind: &'static str,
    /// Marks the field as one the form cannot go without.
    #[prop(optional)]
    required: bool,
    /// What the browser may fill in (inputs only): "off" unless told, and
    /// `None` leaves the choice to the browser.
    #[prop(default = Some("off"), into)]
    autocomplete: Option<&'static str>,
    #[prop(optional)] placeholder: Option<&'static str>,
    /// Another element that describes the field, e.g. a form's error line.
    #[prop(optional)]
    described_by: Option<&'static str>,
    #[prop(optional_no_strip)] hint: Option<&'static str>,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional, into)] locked: Option<Signal<bool>>,
    /// For focusing the input (inputs only).
    #[prop(optional)]
    node_ref: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let described = hint
        .map(|_| hint_id.clone())
        .or(described_by.map(String::from));
    let readonly = move || locked.is_some_and(|l| l.get());
    let save = move |ev: leptos::ev::Event| on_input.run(event_target_value(&ev));
    // What both controls carry; only the tag and its own attributes differ.
    let common = view! {
        <{..}
            id=id
            maxlength=max
            aria-describedby=described
            readonly=readonly
            prop:value=value
            on:input=save
        />
    };
    let control = if multiline {
        view! { <textarea {..common} rows=rows></textarea> }.into_any()
    } else {
        view! {
            <input
                {..common}
                node_ref=node_ref
                type=kind
                autocomplete=autocomplete
                aria-required=required.then_some("true")
                placeholder=placeholder
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            {hint.map(|h| view! { <p id=hint_id class="hint">{h}</p> })}
            {error.map(|error| view! { <ErrorLine error /> })}
        </div>
    }
}
