//! Improvements: the PDCA cycle, laid out over the framework's own clauses.
//! The improvement log itself (nonconformities, corrective actions) builds on this page.

use super::AppState;
use super::route;
use crate::framework::Phase;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ImprovementsPage() -> impl IntoView {
    let framework = expect_context::<AppState>().framework();
    let phases = Phase::ALL
        .into_iter()
        .map(|phase| {
            let clauses = framework
                .roots()
                .filter(|n| n.pdca == phase)
                .map(|n| {
                    view! {
                        <li>
                            <A href=route(&format!("/clauses/{}", n.id))>{format!("{} {}", n.number, n.title)}</A>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class=format!("pdca-step phase-{}", phase.label().to_lowercase())>
                    <h3>{phase.label()}</h3>
                    <p>{phase.meaning()}</p>
                    <ul>{clauses}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>"Improvements"</h1>
        <p class="lead">
            "Auditors look hardest at how you learn from what goes wrong. Every nonconformity, corrective action and improvement idea goes round the same Plan–Do–Check–Act cycle that structures the standard itself."
        </p>
        <section class="card" aria-labelledby="cycle-title">
            <h2 id="cycle-title">"The cycle in this standard"</h2>
            <ol class="pdca">{phases}</ol>
        </section>
        <section class="card" aria-labelledby="log-title">
            <h2 id="log-title">"Improvement log"</h2>
            <p>
                "The improvement register — items that move from Plan to Closed with their root cause, actions, measured result and history — is the next part of Clausebook to be built. Until then, record improvement work in the notes of "
                <A href=route("/clauses/10.1")>"10.1"</A>
                " and "
                <A href=route("/clauses/10.2")>"10.2"</A>
                "."
            </p>
        </section>
    }
    .into_any()
}

/// One improvement item: its PDCA stage, fields and history. SKELETON (issue #5).
#[component]
pub fn ImprovementPage() -> impl IntoView {
    view! { <h1>"Improvement item"</h1> }.into_any()
}

/// On a requirement page: its open improvement items and a "Raise improvement"
/// button. SKELETON (issue #5).
#[component]
pub fn RequirementImprovements(node: &'static crate::framework::Node) -> impl IntoView {
    let _ = node;
}

/// On the Overview: overdue improvement items. SKELETON (issue #5).
#[component]
pub fn OverdueImprovements() -> impl IntoView {}
