//! The top of a page: its one `<h1>` and the lead paragraph that says what
//! the page is for.

use leptos::prelude::*;

/// `<h1>{title}</h1>` and, from the children, `<p class="lead">`. The
/// heading takes focus from script (`tabindex="-1"`), for
/// [`super::to_page_top`].
#[component]
pub fn PageIntro(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <h1 tabindex="-1">{title}</h1>
        <p class="lead">{children()}</p>
    }
}
