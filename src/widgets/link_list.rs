//! Lists of links to other items (services, requirements, improvement
//! items), written once so every such list reads the same.

use crate::app::route;
use leptos::prelude::*;
use leptos_router::components::A;

/// One entry: the link to the item at `href`, a space, then what follows it
/// (a badge, a button).
pub fn link_item(href: String, text: String, after: impl IntoView + 'static) -> impl IntoView {
    view! {
        <li>
            <A href=route(&href)>{text}</A>
            " "
            {after}
        </li>
    }
}

/// The entries as a list with `class`, or the sentence `none` when there
/// are none.
pub fn list_or_none<V: IntoView + 'static>(
    class: &'static str,
    none: &'static str,
    entries: Vec<V>,
) -> AnyView {
    if entries.is_empty() {
        view! { <p class="empty">{none}</p> }.into_any()
    } else {
        view! { <ul class=class>{entries.into_iter().collect_view()}</ul> }.into_any()
    }
}
