//! One clause or requirement: guidance, and for requirements the assessment form.

use super::AppState;
use super::improvements::RequirementImprovements;
use super::portfolio::RequirementHints;
use crate::assessment::{Assessment, Status};
use crate::browser;
use crate::calendar::IsoDate;
use crate::framework::{self, Framework, Node};
use crate::validation::{MAX_NOTES_CHARS, MAX_OWNER_CHARS};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

#[component]
pub fn RequirementPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || match framework.node_by_str(&id.get()) {
        Some(node) => view! { <RequirementView framework node /> }.into_any(),
        None => view! {
            <h1>"No such clause"</h1>
            <p>
                {format!("{} has no clause “{}”. ", framework.name, id.get())}
                <A href="/clauses">"See all clauses"</A>
                "."
            </p>
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
                    <A href="/clauses">"Clauses"</A>
                </li>
                {trail
                    .into_iter()
                    .map(|a| {
                        view! {
                            <li>
                                <A href=format!("/clauses/{}", a.id)>{a.number.clone()}</A>
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
        <div class="requirement-layout">
            <div class="requirement-work">
                {leaf.then(|| view! { <AssessmentForm framework node /> })}
                {leaf.then(|| view! { <RequirementImprovements node /> })}
                <RequirementHints node />
            </div>
            <Guidance framework node />
        </div>
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
                                            <A href=format!("/clauses/{}", c.id)>
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

#[component]
fn AssessmentForm(framework: &'static Framework, node: &'static Node) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = &node.id;
    let has_workbook = Memo::new(move |_| state.workbook.with(Option::is_some));
    let record = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().map(|w| w.assessment(id)).unwrap_or_default())
    });
    let edit = move |f: &dyn Fn(&mut Assessment)| {
        state.edit(|w| w.edit_assessment(id, browser::now(), f));
    };
    let date_error = RwSignal::new(None::<String>);
    let exclusions_note = (!framework.allows_exclusions).then(|| {
        view! {
            <p class="hint">
                "ISO/IEC 20000-1 allows no exclusions, so there is no “not applicable”. Limit what the system covers in the scope (4.3), and record work done by other parties under 8.2.3."
            </p>
        }
    });
    move || {
        if !has_workbook.get() {
            return view! {
                <section class="card form" aria-labelledby="assessment-title">
                    <h2 id="assessment-title">"Your assessment"</h2>
                    <p>
                        "To record a status, owner and notes, first "
                        <A href="/">"create a workbook on the Overview"</A> "."
                    </p>
                </section>
            }
            .into_any();
        }
        view! {
            <section class="card form" aria-labelledby="assessment-title">
                <h2 id="assessment-title">"Your assessment"</h2>
                <div class="field">
                    <label for="status">"Status"</label>
                    <select
                        id="status"
                        on:change=move |ev| {
                            if let Some(status) = Status::from_key(&event_target_value(&ev)) {
                                edit(&|a| a.status = status);
                            }
                        }
                    >
                        {Status::ALL
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <option
                                        value=s.key()
                                        prop:selected=move || record.with(|r| r.status == s)
                                    >
                                        {s.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                {exclusions_note.clone()}
                <div class="field">
                    <label for="owner">"Owner"</label>
                    <input
                        id="owner"
                        type="text"
                        maxlength=MAX_OWNER_CHARS
                        autocomplete="off"
                        prop:value=move || record.with(|r| r.owner.clone())
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            edit(&|a| a.owner = value.clone());
                        }
                    />
                </div>
                <div class="field">
                    <label for="target-date">"Target date"</label>
                    <input
                        id="target-date"
                        type="date"
                        aria-describedby="target-date-error"
                        prop:value=move || {
                            record.with(|r| r.target_date.map(|d| d.to_string()).unwrap_or_default())
                        }
                        on:change=move |ev| {
                            match IsoDate::parse_optional(&event_target_value(&ev)) {
                                Ok(date) => {
                                    date_error.set(None);
                                    edit(&|a| a.target_date = date);
                                }
                                Err(e) => date_error.set(Some(e.to_string())),
                            }
                        }
                    />
                    <p id="target-date-error" class="error" role="alert">
                        {move || date_error.get()}
                    </p>
                </div>
                <div class="field">
                    <label for="notes">"Notes"</label>
                    <textarea
                        id="notes"
                        rows="8"
                        maxlength=MAX_NOTES_CHARS
                        prop:value=move || record.with(|r| r.notes.clone())
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            edit(&|a| a.notes = value.clone());
                        }
                    ></textarea>
                </div>
            </section>
        }
        .into_any()
    }
}

/// The guidance parts, always in the same order.
#[component]
fn Guidance(framework: &'static Framework, node: &'static Node) -> impl IntoView {
    let g = &node.guidance;
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
                    <A href=format!("/clauses/{}", r.id)>{format!("{} {}", r.number, r.title)}</A>
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
            {empty.then(|| view! { <p>"Guidance for this clause is being written."</p> })}
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
