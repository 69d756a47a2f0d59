//! Who decided and why: what every recorded portfolio decision asks for,
//! proposing a service as much as moving it along its lifecycle.

use crate::widgets::TextField;
use clausebook_core::limits::{MAX_NOTES_CHARS, MAX_SHORT_CHARS};
use leptos::prelude::*;

/// The "who" and "why" inputs of a [`clausebook_core::portfolio::Decision`],
/// each with its own id and label; `why_hint` describes the reason field.
#[component]
pub(super) fn DecisionFields(
    who: RwSignal<String>,
    who_id: &'static str,
    who_label: &'static str,
    why: RwSignal<String>,
    why_id: &'static str,
    why_label: &'static str,
    #[prop(optional_no_strip)] why_hint: Option<&'static str>,
) -> impl IntoView {
    view! {
        <TextField
            id=who_id
            label=who_label
            max=MAX_SHORT_CHARS
            autocomplete="name"
            value=who.into()
            on_input=UnsyncCallback::new(move |v| who.set(v))
        />
        <TextField
            id=why_id
            label=why_label
            max=MAX_NOTES_CHARS
            hint=why_hint
            value=why.into()
            on_input=UnsyncCallback::new(move |v| why.set(v))
        />
    }
}
