//! The browser's answer to "keep this site's data", in words: the Data and
//! Workbooks pages both show it, from the one signal in `AppState`.

use crate::app::AppState;
use leptos::prelude::*;

#[component]
pub fn PersistenceAnswer() -> impl IntoView {
    let state = expect_context::<AppState>();
    let deletes = state.retention.deletes_when_unvisited();
    let text = move || match state.persisted.get() {
        Some(true) if deletes => {
            "This browser has promised to keep Clausebook's data when space runs low. Its 7-day rule for sites not added to the Home Screen or Dock may still apply: save to a file regularly."
        }
        Some(true) => {
            "This browser has promised to keep Clausebook's data: it will not clear it when space runs low."
        }
        Some(false) if deletes => {
            "This browser may clear Clausebook's data when space runs low, and deletes it after 7 days without a visit: save to a file regularly."
        }
        Some(false) => {
            "This browser may clear Clausebook's data when space runs low: save to a file regularly."
        }
        None => "",
    };
    view! {
        <p class="persistence" data-testid="persistence">
            {text}
        </p>
    }
}
