//! The short form at the top of the log that raises a new item.

use super::{item_href, raise};
use crate::app::AppState;
use crate::widgets::{TextField, choices, signal_select};
use clausebook_core::improvement::{Kind, NewItem};
use clausebook_core::limits::MAX_NAME_CHARS;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

/// The short form that raises a new item and opens it.
#[component]
pub(super) fn RaiseForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = StoredValue::new_local(use_navigate());
    let title = RwSignal::new(String::new());
    let kind = RwSignal::new(Kind::default());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut new = NewItem::titled(&title.get_untracked());
        new.kind = kind.get_untracked();
        match raise(state, new) {
            Ok(id) => {
                error.set(None);
                title.set(String::new());
                navigate.with_value(|n| n(&item_href(id), NavigateOptions::default()));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="card form raise" on:submit=submit novalidate aria-labelledby="raise-title">
            <h2 id="raise-title">"Raise an item"</h2>
            <div class="raise-fields">
                <TextField
                    id="raise-item-title"
                    label="Title"
                    max=MAX_NAME_CHARS
                    required=true
                    value=title.into()
                    on_input=UnsyncCallback::new(move |v| title.set(v))
                />
                {signal_select(
                    kind,
                    "raise-item-kind",
                    "Kind",
                    choices(Kind::ALL, Kind::key, Kind::label),
                    Kind::key,
                    Kind::from_key,
                )}
            </div>
            <p class="error" role="alert">
                {move || error.get()}
            </p>
            <button type="submit" class="primary">
                "Raise item"
            </button>
        </form>
    }
}
