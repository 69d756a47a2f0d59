//! A fieldset of radio buttons, the markup behind every one-of-a-few choice
//! (the framework of a new workbook, a stage's decision).

use leptos::prelude::*;

/// One radio of a [`RadioGroup`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Radio {
    /// The input's id, which its label points at.
    pub id: String,
    pub label: String,
    /// The input's `value`, when the choice has a name of its own.
    pub value: Option<String>,
    /// A line under the label that describes the input (id `{id}-hint`).
    pub hint: Option<String>,
}

/// A `<fieldset class=class>` with `legend` and one `<div class=item_class>`
/// a radio, all named `name`. `current` is the position of the chosen radio,
/// if any; `on_pick` receives the position picked. `locked` disables them.
/// Each hint is a `<p>` of class `hint_class`.
#[component]
pub fn RadioGroup(
    class: &'static str,
    item_class: &'static str,
    legend: &'static str,
    name: &'static str,
    radios: Vec<Radio>,
    #[prop(into)] current: Signal<Option<usize>>,
    on_pick: UnsyncCallback<usize>,
    #[prop(optional, into)] locked: Option<Signal<bool>>,
    #[prop(default = "hint")] hint_class: &'static str,
) -> impl IntoView {
    let disabled = move || locked.is_some_and(|l| l.get());
    let radios = radios
        .into_iter()
        .enumerate()
        .map(|(at, radio)| {
            let hint_id = radio.hint.as_ref().map(|_| format!("{}-hint", radio.id));
            view! {
                <div class=item_class>
                    <input
                        type="radio"
                        id=radio.id.clone()
                        name=name
                        value=radio.value
                        aria-describedby=hint_id.clone()
                        disabled=disabled
                        prop:checked=move || current.get() == Some(at)
                        on:change=move |_| on_pick.run(at)
                    />
                    <label for=radio.id>{radio.label}</label>
                    {radio.hint.map(|hint| view! { <p id=hint_id class=hint_class>{hint}</p> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class=class>
            <legend>{legend}</legend>
            {radios}
        </fieldset>
    }
}
