//! A titled part of a report, named by its heading for assistive technology.

use leptos::prelude::*;

/// A report section of the given class: the heading (which may hold more than
/// text) under `id`, then the body.
pub(super) fn report_section(
    class: &'static str,
    id: String,
    heading: impl IntoView + 'static,
    body: impl IntoView + 'static,
) -> impl IntoView {
    let labelled_by = id.clone();
    view! {
        <section class=class aria-labelledby=labelled_by>
            <h2 id=id>{heading}</h2>
            {body}
        </section>
    }
}
