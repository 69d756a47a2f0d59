//! A group of radio buttons for one choice among a few.
//!
//! Like the select, it is not generic: options are `(input id, label)`
//! pairs and the choice is their position, which callers map back to their
//! own value.

use super::radio_group::{Radio, RadioGroup};
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
    let radios = options
        .into_iter()
        .map(|(id, label)| Radio {
            id,
            label: label.to_owned(),
            value: None,
            hint: None,
        })
        .collect();
    view! {
        <RadioGroup
            class="choices"
            item_class="check"
            legend
            name
            radios
            current
            on_pick
            nostrip:locked=locked
        />
    }
}
