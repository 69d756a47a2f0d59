//! Clauses: the whole framework as a tree, with each requirement's status.

use super::AppState;
use crate::framework::{Framework, Node};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ClausesPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let leaves = framework.leaves().count();
    view! {
        <h1>"Clauses"</h1>
        <p class="lead">
            {format!(
                "{} {}: clauses 4 to 10 and their {} assessable requirements. Open a requirement to read the guidance and record where you stand.",
                framework.name,
                framework.subtitle,
                leaves,
            )}
        </p>
        <nav class="clause-tree" aria-label="Clauses">
            {tree(framework, framework.roots().collect())}
        </nav>
    }
    .into_any()
}

/// One level of the tree; recursion needs type erasure, hence `AnyView`.
fn tree(framework: &'static Framework, nodes: Vec<&'static Node>) -> AnyView {
    view! {
        <ul>
            {nodes
                .into_iter()
                .map(|node| {
                    let children: Vec<&'static Node> = framework.children(&node.id).collect();
                    let leaf = children.is_empty();
                    view! {
                        <li class:leaf=leaf class:parent=!leaf>
                            <A href=format!("/clauses/{}", node.id)>
                                <span class="num">{node.number.clone()}</span>
                                " "
                                <span class="title">{node.title.clone()}</span>
                            </A>
                            {leaf.then(|| view! { <StatusBadge node /> })}
                            {(!leaf).then(|| tree(framework, children))}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn StatusBadge(node: &'static Node) -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().map(|w| w.assessment(&node.id).status))
    });
    move || {
        status.get().map(|s| {
            view! { <span class=format!("badge status-{}", s.key())>{s.label()}</span> }
        })
    }
}
