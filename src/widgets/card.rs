//! The card: a page's section, named for assistive technology by its own
//! heading.

use leptos::html;
use leptos::prelude::*;

/// A `<section class="card …">` labelled by its `<h2>`. `class` adds to
/// `card` (e.g. "form"); `heading_id` is the heading's id, which the section
/// points at.
#[component]
pub fn Card(
    heading_id: &'static str,
    title: &'static str,
    #[prop(optional)] class: &'static str,
    /// For moving focus to the heading when the card appears; the heading
    /// then takes `tabindex="-1"` so that it can hold focus.
    #[prop(optional)]
    heading_ref: Option<NodeRef<html::H2>>,
    children: Children,
) -> impl IntoView {
    let class = if class.is_empty() {
        "card".to_owned()
    } else {
        format!("card {class}")
    };
    let focusable = heading_ref.map(|_| "-1");
    view! {
        <section class=class aria-labelledby=heading_id>
            <h2 id=heading_id tabindex=focusable node_ref=heading_ref.unwrap_or_default()>
                {title}
            </h2>
            {children()}
        </section>
    }
}
