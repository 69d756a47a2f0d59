//! Clauses: the whole framework as a tree, with progress per clause, each
//! requirement's status, and filters that live in the URL.

use crate::app::AppState;
use crate::app::route;
use crate::widgets::TextField;
use crate::widgets::{EnumSelect, PageIntro, choices, use_replace_url};
use crate::widgets::{bar, status_badge};
use clausebook_core::assessment::{Readiness, Status};
use clausebook_core::framework::{Framework, Node, Phase};
use clausebook_core::walkthrough::ClauseFilter;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ClausesPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let leaves = framework.leaves().count();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| ClauseFilter::from_query(|k| q.get(k))));
    // Stored, so that `set_filter` is `Copy` and every control can hold it.
    let replace_url = StoredValue::new_local(use_replace_url());
    let set_filter = move |change: &dyn Fn(&mut ClauseFilter)| {
        let mut next = filter.get_untracked();
        change(&mut next);
        let query: Vec<String> = next
            .to_query()
            .into_iter()
            .map(|(k, v)| format!("{k}={}", js_sys::encode_uri_component(&v)))
            .collect();
        let url = if query.is_empty() {
            "/clauses".to_owned()
        } else {
            format!("/clauses?{}", query.join("&"))
        };
        replace_url.with_value(|replace_url| replace_url(&url));
    };
    // A filter select: the picked key, or none for "any", set on the filter.
    let pick = move |set: fn(&mut ClauseFilter, Option<&str>)| {
        UnsyncCallback::new(move |key: Option<&str>| set_filter(&|f| set(f, key)))
    };
    // Which leaves pass the filter; recomputed when the workbook or filter changes.
    let visible = Memo::new(move |_| {
        let f = filter.get();
        state.workbook.with(|w| {
            framework
                .leaves()
                .filter(|n| {
                    let record = w.as_ref().map(|w| w.assessment(&n.id)).unwrap_or_default();
                    f.matches(n, &record)
                })
                .map(|n| n.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let count = move || visible.with(Vec::len);

    view! {
        <PageIntro title="Clauses">
            {format!(
                "{} {}: clauses 4 to 10 and their {} assessable requirements. Open a requirement to read the guidance and record where you stand.",
                framework.name,
                framework.subtitle,
                leaves,
            )}
        </PageIntro>
        <form class="card filters" role="search" aria-label="Filter requirements" on:submit=|ev| ev.prevent_default()>
            <EnumSelect
                id="filter-status"
                label="Status"
                any="Any status"
                options=choices(&Status::ALL, Status::key, Status::label)
                current=Signal::derive(move || filter.with(|f| f.status.map(Status::key)))
                on_pick=pick(|f, key| f.status = key.and_then(Status::from_key))
            />
            <EnumSelect
                id="filter-phase"
                label="PDCA phase"
                any="Any phase"
                options=choices(&Phase::ALL, Phase::key, Phase::label)
                current=Signal::derive(move || filter.with(|f| f.phase.map(Phase::key)))
                on_pick=pick(|f, key| f.phase = key.and_then(Phase::from_key))
            />
            <TextField
                id="filter-owner"
                label="Owner"
                autocomplete=None
                value=Signal::derive(move || filter.with(|f| f.owner.clone()))
                on_input=UnsyncCallback::new(move |v: String| set_filter(&|f| f.owner = v.clone()))
            />
            <TextField
                id="filter-text"
                label="Search"
                kind="search"
                placeholder="Number, title or notes"
                autocomplete=None
                value=Signal::derive(move || filter.with(|f| f.text.clone()))
                on_input=UnsyncCallback::new(move |v: String| set_filter(&|f| f.text = v.clone()))
            />
        </form>
        <p class="result-count" role="status">
            {move || {
                if filter.with(ClauseFilter::is_empty) {
                    String::new()
                } else {
                    format!("{} of {} requirements match.", count(), leaves)
                }
            }}
        </p>
        <nav class="clause-tree" aria-label="Clauses">
            {move || {
                let shown = visible.get();
                let filtered = !filter.with(ClauseFilter::is_empty);
                tree(framework, framework.roots().collect(), &shown, filtered)
            }}
        </nav>
    }
    .into_any()
}

/// One level of the tree; recursion needs type erasure, hence `AnyView`.
/// When filtering, clauses with no matching requirement are left out.
fn tree(
    framework: &'static Framework,
    nodes: Vec<&'static Node>,
    shown: &[clausebook_core::framework::RequirementId],
    filtered: bool,
) -> AnyView {
    let keep = |node: &Node| {
        !filtered
            || framework
                .leaves_under(&node.id)
                .any(|leaf| shown.contains(&leaf.id))
    };
    view! {
        <ul>
            {nodes
                .into_iter()
                .filter(|n| keep(n))
                .map(|node| {
                    let children: Vec<&'static Node> = framework.children(&node.id).collect();
                    let leaf = children.is_empty();
                    view! {
                        <li class:leaf=leaf class:parent=!leaf>
                            <A href=route(&format!("/clauses/{}", node.id))>
                                <span class="num">{node.number.clone()}</span>
                                " "
                                <span class="title">{node.title.clone()}</span>
                            </A>
                            {if leaf {
                                view! { <StatusBadge node /> }.into_any()
                            } else {
                                view! { <ClauseProgress node /> }.into_any()
                            }}
                            {(!leaf).then(|| tree(framework, children, shown, filtered))}
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
    move || status.get().map(status_badge)
}

/// "3 of 4 assessed" and a bar, for a parent clause.
#[component]
fn ClauseProgress(node: &'static Node) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let figures = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| Readiness::of_clause(framework, &node.id, &w.assessments))
        })
    });
    move || {
        figures.get().map(|r| {
            let percent = (r.assessed() * 100).checked_div(r.total).unwrap_or(0);
            view! {
                <span class="progress">
                    {bar(percent as u32)}
                    {format!(" {} of {} assessed", r.assessed(), r.total)}
                </span>
            }
        })
    }
}
