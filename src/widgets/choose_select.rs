//! A select among values that are data rather than an enum's variants
//! (requirements, services, owners), whose first option means none chosen.

use clausebook_core::framework::Framework;
use leptos::prelude::*;

/// One option: the value the select carries and the text it shows.
pub type TextChoice = (String, String);

/// The framework's requirements as options: the id, and number and title.
pub fn requirement_choices(framework: &Framework) -> Vec<TextChoice> {
    framework
        .leaves()
        .map(|n| (n.id.0.clone(), format!("{} {}", n.number, n.title)))
        .collect()
}

/// A `<select>` with the `prompt` first (an empty value, for nothing
/// chosen) and then `options`. It shows `current` and reports each pick's
/// value, empty for the prompt, to `on_pick`.
#[component]
pub fn ChooseSelect(
    id: &'static str,
    prompt: &'static str,
    #[prop(into)] options: Signal<Vec<TextChoice>>,
    #[prop(into)] current: Signal<String>,
    on_pick: impl Fn(String) + 'static,
) -> impl IntoView {
    // The options follow this one value rather than whatever it is read
    // from, so a change elsewhere revisits none of them.
    let current = Memo::new(move |_| current.get());
    view! {
        <select id=id on:change=move |ev| on_pick(event_target_value(&ev))>
            <option value="" prop:selected=move || current.with(String::is_empty)>
                {prompt}
            </option>
            {move || {
                options
                    .get()
                    .into_iter()
                    .map(|(value, text)| {
                        let selected = value.clone();
                        view! {
                            <option value=value prop:selected=move || current.with(|c| *c == selected)>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()
            }}
        </select>
    }
}

/// A [`ChooseSelect`] whose value a form keeps in `choice` until it acts
/// on it (links a requirement, adds a dependency).
pub fn choose_into(
    id: &'static str,
    prompt: &'static str,
    options: impl Into<Signal<Vec<TextChoice>>>,
    choice: RwSignal<String>,
) -> impl IntoView {
    let options = options.into();
    view! { <ChooseSelect id prompt options current=choice on_pick=move |v| choice.set(v) /> }
}
