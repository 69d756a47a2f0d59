//! The card: a page's section, named for assistive technology by its own
//! heading.

use leptos::prelude::*;

/// A `<section class="card …">` labelled by its `<h2>`. `class` adds to
/// `card` (e.g. "form"); `heading_id` is the heading's id, which the section
/// points at.
#[component]
pub fn Card(
    heading_id: &'static str,
    title: &'static str,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let class = if class.is_empty() {
        "card".to_owned()
    } else {
        format!("card {class}")
    };
    view! {
        <section class=class aria-labelledby=heading_id>
            <h2 id=heading_id>{title}</h2>
            {children()}
        </section>
    }
}
