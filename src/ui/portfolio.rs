//! Portfolio: where the organisation's services live, from idea to retirement.

use super::route;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn PortfolioPage() -> impl IntoView {
    view! {
        <h1>"Portfolio"</h1>
        <p class="lead">
            "The service portfolio is the single list of every service you plan, run or have retired. Clause "
            <A href=route("/clauses/8.2")>"8.2"</A>
            " asks you to manage it; "
            <A href=route("/clauses/8.2.4")>"8.2.4"</A>
            " covers the catalogue your customers see."
        </p>
        <section class="card" aria-labelledby="parts-title">
            <h2 id="parts-title">"Its three parts"</h2>
            <dl class="facts">
                <dt>"Pipeline"</dt>
                <dd>"Services being proposed, approved, designed, built or moved into operation."</dd>
                <dt>"Catalogue"</dt>
                <dd>"Live services that customers can use today, described in their words."</dd>
                <dt>"Retired"</dt>
                <dd>"Services being wound down or no longer offered, kept for the record."</dd>
            </dl>
            <p>
                "The service register, with lifecycle moves, dependencies and a printable catalogue, is coming to this page. Until then, describe your services in the notes of 8.2.4."
            </p>
        </section>
    }
    .into_any()
}

/// One service: its fields, lifecycle moves and history. SKELETON (issue #6).
#[component]
pub fn ServicePage() -> impl IntoView {
    view! { <h1>"Service"</h1> }.into_any()
}

/// The printable service catalogue (live services only). SKELETON (issue #6).
#[component]
pub fn CataloguePage() -> impl IntoView {
    view! { <h1>"Service catalogue"</h1> }.into_any()
}

/// On requirement pages 8.2.4 and 8.3.3: completeness hints from the
/// portfolio. SKELETON (issue #6).
#[component]
pub fn RequirementHints(node: &'static crate::framework::Node) -> impl IntoView {
    let _ = node;
}
