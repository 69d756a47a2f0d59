//! One clause or requirement: guidance, and for requirements the assessment form.

mod also_serves;
mod assessment;
mod capability;
mod documents;
mod evidence;
mod guidance;
mod guided_nav;
mod improvements;
mod portfolio_hints;
mod text;

use crate::app::AppState;
use crate::app::route;
use crate::widgets::Missing;
use also_serves::AlsoServes;
use assessment::AssessmentForm;
use clausebook_core::framework::{Framework, Node};
use documents::DocumentChecklist;
use evidence::EvidenceSection;
use guidance::Guidance;
use guided_nav::GuidedNav;
use improvements::RequirementImprovements;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use portfolio_hints::RequirementHints;
use text::RequirementText;

#[component]
pub fn RequirementPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || match framework.node_by_str(&id.get()) {
        Some(node) => view! { <RequirementView framework node /> }.into_any(),
        None => view! {
            <Missing
                title="No such clause"
                message=format!("{} has no clause “{}”.", framework.name, id.get())
                back_href="/clauses"
                back_text="See all clauses"
            />
        }
        .into_any(),
    }
}

#[component]
fn RequirementView(framework: &'static Framework, node: &'static Node) -> impl IntoView {
    let leaf = framework.is_leaf(&node.id);
    let mut trail: Vec<&Node> = framework.ancestors(&node.id).collect();
    trail.reverse();
    let children: Vec<&'static Node> = framework.children(&node.id).collect();
    view! {
        <nav class="breadcrumb" aria-label="Breadcrumb">
            <ol>
                <li>
                    <A href=route("/clauses")>"Clauses"</A>
                </li>
                {trail
                    .into_iter()
                    .map(|a| {
                        view! {
                            <li>
                                <A href=route(&format!("/clauses/{}", a.id))>{a.number.clone()}</A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
        <h1>
            <span class="num">{node.number.clone()}</span>
            " "
            {node.title.clone()}
        </h1>
        <p class="meta">
            <span class=format!("badge phase-{}", node.pdca.label().to_lowercase())>
                {format!("PDCA: {}", node.pdca.label())}
            </span>
            " "
            {node.pdca.meaning()}
        </p>
        <p class="hint pdca-note">{framework.pdca_convention.clone()}</p>
        {leaf.then(|| view! { <GuidedNav framework node /> })}
        {(!node.text.is_empty()).then(|| view! { <RequirementText framework node /> })}
        <div class="requirement-layout">
            <div class="requirement-work">
                {leaf.then(|| view! { <crate::pages::trainer::TrainerNote node /> })}
                {leaf.then(|| view! { <AssessmentForm framework node /> })}
                {leaf.then(|| view! { <EvidenceSection node /> })}
                {leaf.then(|| view! { <RequirementImprovements node /> })}
                <RequirementHints node />
                <AlsoServes framework node />
            </div>
            <Guidance framework node />
        </div>
        {(framework.documented_information_clause.as_ref() == Some(&node.id))
            .then(|| view! { <DocumentChecklist framework /> })}
        {(!children.is_empty())
            .then(|| {
                view! {
                    <section class="card" aria-labelledby="children-title">
                        <h2 id="children-title">"In this clause"</h2>
                        <ul class="child-list">
                            {children
                                .into_iter()
                                .map(|c| {
                                    view! {
                                        <li>
                                            <A href=route(&format!("/clauses/{}", c.id))>
                                                {format!("{} {}", c.number, c.title)}
                                            </A>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </section>
                }
            })}
    }
}
