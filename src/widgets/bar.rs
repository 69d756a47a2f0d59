//! A share drawn as a bar.

use leptos::prelude::*;

/// A share as a bar, hidden from assistive technology: the figure follows it in text.
pub fn bar(percent: u32) -> impl IntoView {
    view! {
        <span class="bar" aria-hidden="true">
            <span class="bar-fill" style:width=format!("{percent}%")></span>
        </span>
    }
}
