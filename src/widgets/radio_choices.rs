//! A group of radio buttons for one choice among a few.
//!
//! Like the select, it is not generic: options are `(input id, label)`
//! pairs and the choice is their position, which callers map back to their
//! own value.

use leptos::prelude::*;

/// A `<fieldset class="choices">` with `legend` and one radio per option,
/// all named `name`. `current` is the position of the chosen option, if any;
/// `on_pick` receives the position picked.
#[component]
pub fn RadioChoices(
    legend: &'static str,
    name: &'static str,
    options: Vec<(String, &'static str)>,
    current: Signal<Option<usize>>,
    on_pick: UnsyncCallback<usize>,
    #[prop(optional, into)] locked: Option<Signal<bool>>,
) -> impl IntoView {
    let disabled = move || locked.is_some_and(|l| l.get());
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(at, (input_id, label))| {
            view! {
                <div class="check">
                    <input
                        type="radio"
                        id=input_id.clone()
                        name=name
                        disabled=disabled
                        prop:checked=move || current.get() == Some(at)
                        on:change=move |_| on_pick.run(at)
                    />
                    <label for=input_id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            {radios}
        </fieldset>
    }
}
