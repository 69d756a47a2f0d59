//! The line that announces what an action did.

use leptos::prelude::*;

/// A `<p role="status">` showing `message` (nothing while there is none), so
/// screen readers hear each outcome politely. `class` styles it, e.g.
/// "success".
#[component]
pub fn StatusLine(
    #[prop(into)] message: Signal<Option<String>>,
    #[prop(optional)] class: Option<&'static str>,
) -> impl IntoView {
    view! {
        <p class=class role="status">
            {move || message.get()}
        </p>
    }
}
