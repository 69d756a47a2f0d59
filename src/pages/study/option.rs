//! One answer option: the whole row is the tap target.
//!
//! The label wraps the radio, so a tap anywhere on the row (text, padding
//! or the radio itself) chooses it; issue 21 found the old row, whose label
//! sat beside the radio, missed taps on a phone.

use leptos::prelude::*;

/// An answer row. `marked` styles a checked answer as right or wrong.
#[component]
pub(super) fn OptionRow(
    index: usize,
    text: String,
    name: &'static str,
    #[prop(into)] selected: Signal<Option<usize>>,
    #[prop(into)] disabled: Signal<bool>,
    /// `Some(true)` right, `Some(false)` wrongly chosen, `None` unmarked.
    #[prop(into)]
    marked: Signal<Option<bool>>,
    pick: impl Fn(usize) + 'static,
) -> impl IntoView {
    view! {
        <label
            class="study-option"
            class:study-right=move || marked.get() == Some(true)
            class:study-wrong=move || marked.get() == Some(false)
        >
            <input
                type="radio"
                id=format!("study-option-{index}")
                name=name
                disabled=move || disabled.get()
                prop:checked=move || selected.get() == Some(index)
                on:change=move |_| pick(index)
            />
            <span class="study-option-text">{text}</span>
        </label>
    }
}
