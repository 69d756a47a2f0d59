//! The guidance of a clause or requirement.

use crate::app::route;
use clausebook_core::framework::{self, Framework, Node};
use leptos::prelude::*;
use leptos_router::components::A;

/// The guidance parts, always in the same order.
#[component]
pub(super) fn Guidance(framework: &'static Framework, node: &'static Node) -> impl IntoView {
    let g = framework.guidance(&node.id);
    let fitsm = framework::fitsm();
    let list = |items: &'static [String]| {
        view! { <ul>{items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul> }
    };
    let section = |title: &'static str, body: AnyView| {
        view! {
            <section class="guidance-part">
                <h3>{title}</h3>
                {body}
            </section>
        }
    };
    let related = g
        .related
        .iter()
        .filter_map(|r| framework.node(r))
        .map(|r| {
            view! {
                <li>
                    <A href=route(&format!("/clauses/{}", r.id))>{format!("{} {}", r.number, r.title)}</A>
                </li>
            }
        })
        .collect_view();
    let documents = g
        .documents
        .iter()
        .filter_map(|d| framework.document(d))
        .map(|d| view! { <li>{d.title.clone()}</li> })
        .collect_view();
    let documents_heading = framework
        .documented_information_clause
        .as_ref()
        .and_then(|id| framework.node(id))
        .map(|n| format!("{} {}", n.number, n.title))
        .unwrap_or_default();
    let fitsm_items: Vec<_> = g.fitsm.iter().filter_map(|id| fitsm.item(id)).collect();
    let has_fitsm = !fitsm_items.is_empty();
    let fitsm_view = fitsm_items
        .into_iter()
        .map(|(group, item)| {
            view! {
                <li>
                    <strong>{item.id.clone()}</strong>
                    {format!(" ({group}): ")}
                    {item.text.clone()}
                </li>
            }
        })
        .collect_view();
    let empty = g.intro.is_empty() && g.plain.is_empty();
    view! {
        <section class="card guidance" aria-labelledby="guidance-title">
            <h2 id="guidance-title">"Guidance"</h2>
            {empty
                .then(|| {
                    if node.text.is_empty() {
                        view! { <p>"Guidance for this clause is being written."</p> }.into_any()
                    } else {
                        view! {
                            <p>
                                {format!(
                                    "Clausebook has no guidance of its own for this {} requirement yet: work from the requirement text above.",
                                    framework.name,
                                )}
                            </p>
                        }
                            .into_any()
                    }
                })}
            {(!g.intro.is_empty()).then(|| view! { <p>{g.intro.clone()}</p> })}
            {(!g.plain.is_empty())
                .then(|| section("In plain words", view! { <p>{g.plain.clone()}</p> }.into_any()))}
            {(!g.evidence.is_empty())
                .then(|| section("Evidence an auditor usually looks for", list(&g.evidence).into_any()))}
            {(!g.questions.is_empty())
                .then(|| section("Questions to ask yourself", list(&g.questions).into_any()))}
            {(!g.tip.is_empty())
                .then(|| section("Small-organisation tip", view! { <p>{g.tip.clone()}</p> }.into_any()))}
            {(!g.related.is_empty() || !g.documents.is_empty() || has_fitsm)
                .then(|| {
                    view! {
                        <section class="guidance-part">
                            <h3>"Related"</h3>
                            {(!g.related.is_empty())
                                .then(|| {
                                    view! {
                                        <h4>"Requirements"</h4>
                                        <ul>{related}</ul>
                                    }
                                })}
                            {(!g.documents.is_empty())
                                .then(|| {
                                    view! {
                                        <h4>{documents_heading.clone()}</h4>
                                        <ul>{documents}</ul>
                                    }
                                })}
                            {has_fitsm
                                .then(|| {
                                    view! {
                                        <h4>"FitSM-1 requirements"</h4>
                                        <ul class="fitsm">{fitsm_view}</ul>
                                        <p class="attribution">
                                            {fitsm.attribution.clone()}
                                        </p>
                                    }
                                })}
                        </section>
                    }
                })}
        </section>
    }
}
