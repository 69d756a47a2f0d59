//! References to clauses of the standard in running text.

use crate::app::route;
use leptos::prelude::*;
use leptos_router::components::A;

/// A clause's number as a link to its page.
pub fn clause_link(number: &'static str) -> impl IntoView {
    view! { <A href=route(&format!("/clauses/{number}"))>{number}</A> }
}

/// Two clauses in a sentence: "8.2.4 and 8.3.3", each a link.
pub fn clause_pair(first: &'static str, second: &'static str) -> impl IntoView {
    view! { {clause_link(first)} " and " {clause_link(second)} }
}
