//! The labelled date input that checks what is typed before it is saved.

use clausebook_core::calendar::IsoDate;
use leptos::prelude::*;

/// A field with a label and a date input showing `value`. A valid date (or
/// none) goes to `on_change`; anything else sets `error`, which the field
/// shows under itself when `shows_error` (else its card shows it).
/// `locked` makes it read-only.
#[component]
pub fn DateField(
    id: &'static str,
    label: &'static str,
    value: Signal<Option<IsoDate>>,
    on_change: UnsyncCallback<Option<IsoDate>>,
    error: RwSignal<Option<String>>,
    #[prop(optional)] shows_error: bool,
    #[prop(optional, into)] locked: Option<Signal<bool>>,
) -> impl IntoView {
    let error_id = shows_error.then(|| format!("{id}-error"));
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="date"
                aria-describedby=error_id.clone()
                readonly=move || locked.is_some_and(|l| l.get())
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| match IsoDate::parse_optional(&event_target_value(&ev)) {
                    Ok(d) => {
                        error.set(None);
                        on_change.run(d);
                    }
                    Err(e) => error.set(Some(e.to_string())),
                }
            />
            {error_id
                .map(|error_id| {
                    view! {
                        <p id=error_id class="error" role="alert">
                            {move || error.get()}
                        </p>
                    }
                })}
        </div>
    }
}
