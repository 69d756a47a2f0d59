//! A labelled text field bound to a string signal: the label, the control and
//! what is typed kept in step, written once for every form of these pages.

use leptos::prelude::*;

/// A one-line text input under its label. The optional attributes are left
/// out of the markup when not given.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    /// What the field shows, and receives on every keystroke.
    value: RwSignal<String>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// Announced as required; the check itself is the model's.
    #[prop(optional)]
    required: bool,
    #[prop(optional)] placeholder: Option<&'static str>,
    #[prop(optional)] described_by: Option<&'static str>,
    /// Runs after each keystroke is stored, e.g. to save at once.
    #[prop(optional)]
    on_input: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="text"
                autocomplete=autocomplete
                aria-required=required.then_some("true")
                maxlength=maxlength
                placeholder=placeholder
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=store(value, on_input)
            />
        </div>
    }
}

/// A multi-line text area under its label; the children (a hint) follow it.
#[component]
pub fn TextArea(
    id: &'static str,
    label: &'static str,
    /// What the area shows, and receives on every keystroke.
    value: RwSignal<String>,
    rows: &'static str,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional)] described_by: Option<&'static str>,
    /// Runs after each keystroke is stored, e.g. to save at once.
    #[prop(optional)]
    on_input: Option<Callback<()>>,
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
                prop:value=move || value.get()
                on:input=store(value, on_input)
            ></textarea>
            {children.map(|c| c())}
        </div>
    }
}

/// What a keystroke does: the text into the signal, then the caller's step.
fn store(
    value: RwSignal<String>,
    then: Option<Callback<()>>,
) -> impl Fn(leptos::ev::Event) + 'static {
    move |ev| {
        value.set(event_target_value(&ev));
        if let Some(then) = then {
            then.run(());
        }
    }
}
