//! Overview: the welcome for a first visit, then readiness at a glance.

use super::AppState;
use super::improvements::OverdueImprovements;
use crate::assessment::{Readiness, Status};
use crate::browser;
use crate::validation::{self, MAX_NAME_CHARS, MAX_SCOPE_CHARS};
use crate::workbook::{Organisation, Workbook};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A memo, so typing in the workbook does not rebuild the page.
    let has_workbook = Memo::new(move |_| state.workbook.with(Option::is_some));
    move || {
        if has_workbook.get() {
            view! { <Dashboard /> }.into_any()
        } else {
            view! { <Welcome /> }.into_any()
        }
    }
}

#[component]
fn Welcome() -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(String::new());
    let scope = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Workbook::create(
            &name.get_untracked(),
            &scope.get_untracked(),
            state.framework(),
            browser::now(),
        ) {
            Ok(workbook) => state.workbook.set(Some(workbook)),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <section class="welcome" aria-labelledby="welcome-title">
            <h1 id="welcome-title">"Welcome to Clausebook"</h1>
            <p class="lead">
                "Walk ISO/IEC 20000-1:2018 clause by clause, record where you stand and what proves it, and keep your improvement log and service portfolio in one place. Everything stays in this browser: no account, no server."
            </p>
            <form class="card form" on:submit=create novalidate>
                <h2>"Create your workbook"</h2>
                <div class="field">
                    <label for="org-name">"Organisation name"</label>
                    <input
                        id="org-name"
                        type="text"
                        autocomplete="organization"
                        aria-required="true"
                        maxlength=MAX_NAME_CHARS
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="org-scope">"Scope"</label>
                    <textarea
                        id="org-scope"
                        rows="3"
                        maxlength=MAX_SCOPE_CHARS
                        aria-describedby="org-scope-hint"
                        prop:value=move || scope.get()
                        on:input=move |ev| scope.set(event_target_value(&ev))
                    ></textarea>
                    <p id="org-scope-hint" class="hint">
                        "One or two sentences: which services, for which customers, delivered from where. You can refine it later (clause 4.3)."
                    </p>
                </div>
                <p class="error" role="alert">
                    {move || error.get()}
                </p>
                <button type="submit" class="primary">
                    "Create workbook"
                </button>
            </form>
        </section>
    }
}

#[component]
fn Dashboard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let readiness = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().map(|w| Readiness::of(framework, &w.assessments)))
    });
    let org_name = move || {
        state
            .workbook
            .with(|w| w.as_ref().map(|w| w.organisation.name.clone()))
    };
    let next_unassessed = Memo::new(move |_| {
        state.workbook.with(|w| {
            let w = w.as_ref()?;
            framework
                .leaves()
                .find(|n| !w.assessment(&n.id).status.is_assessed())
                .map(|n| n.id.0.clone())
        })
    });
    let clause_rows = framework
        .roots()
        .map(|root| {
            let id = &root.id;
            let figures = Memo::new(move |_| {
                state.workbook.with(|w| {
                    w.as_ref()
                        .map(|w| Readiness::of_clause(framework, id, &w.assessments))
                })
            });
            let assessed = move || figures.with(|f| f.as_ref().map(|f| f.assessed()).unwrap_or(0));
            let total = move || figures.with(|f| f.as_ref().map(|f| f.total).unwrap_or(0));
            let ready = move || figures.with(|f| f.as_ref().map(|f| f.ready_percent).unwrap_or(0));
            view! {
                <tr>
                    <th scope="row">
                        <A href=format!("/clauses/{}", root.id)>
                            {format!("{} {}", root.number, root.title)}
                        </A>
                    </th>
                    <td>{root.pdca.label()}</td>
                    <td>{move || format!("{} of {}", assessed(), total())}</td>
                    <td>
                        <span class="bar" aria-hidden="true">
                            <span class="bar-fill" style:width=move || format!("{}%", ready())></span>
                        </span>
                        {move || format!(" {}%", ready())}
                    </td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <h1>{org_name}</h1>
        <section class="card readiness" aria-labelledby="readiness-title">
            <h2 id="readiness-title">"Readiness"</h2>
            {move || {
                readiness
                    .get()
                    .map(|r| {
                        view! {
                            <div class="figures">
                                <p class="figure">
                                    <span class="figure-value" data-testid="ready-percent">
                                        {format!("{}%", r.ready_percent)}
                                    </span>
                                    <span class="figure-label">
                                        {format!(
                                            "of {} requirements at Largely or Fully implemented",
                                            r.total,
                                        )}
                                    </span>
                                </p>
                                <p class="figure">
                                    <span class="figure-value">{format!("{}/100", r.score)}</span>
                                    <span class="figure-label">
                                        "weighted score (Partially ⅓, Largely ⅔, Fully 1)"
                                    </span>
                                </p>
                            </div>
                            <table class="status-counts">
                                <caption>"Requirements by status"</caption>
                                <tbody>
                                    {Status::ALL
                                        .into_iter()
                                        .map(|s| {
                                            view! {
                                                <tr>
                                                    <th scope="row">
                                                        <span class=format!("badge status-{}", s.key())>
                                                            {s.label()}
                                                        </span>
                                                    </th>
                                                    <td>{r.count(s)}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                    })
            }}
            {move || {
                next_unassessed
                    .get()
                    .map(|id| {
                        view! {
                            <p>
                                <A href=format!("/clauses/{id}")>
                                    {format!("Continue the assessment at {id}")}
                                </A>
                            </p>
                        }
                    })
            }}
        </section>
        <OverdueImprovements />
        <section class="card" aria-labelledby="by-clause-title">
            <h2 id="by-clause-title">"Progress by clause"</h2>
            <div class="table-scroll">
                <table class="by-clause">
                    <thead>
                        <tr>
                            <th scope="col">"Clause"</th>
                            <th scope="col">"PDCA"</th>
                            <th scope="col">"Assessed"</th>
                            <th scope="col">"Largely or fully"</th>
                        </tr>
                    </thead>
                    <tbody>{clause_rows}</tbody>
                </table>
            </div>
        </section>
        <OrganisationForm />
    }
}

/// Name and scope, editable in place. An invalid value is shown, not saved.
#[component]
fn OrganisationForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = state
        .workbook
        .with_untracked(|w| w.as_ref().map(|w| w.organisation.clone()))
        .unwrap_or(Organisation {
            name: String::new(),
            scope: String::new(),
        });
    let name = RwSignal::new(current.name);
    let scope = RwSignal::new(current.scope);
    let error = RwSignal::new(None::<String>);
    let apply = move || {
        let organisation = Organisation {
            name: name.get_untracked().trim().to_owned(),
            scope: scope.get_untracked().trim().to_owned(),
        };
        match validation::check_organisation(&organisation) {
            Ok(()) => {
                error.set(None);
                state.edit(|w| {
                    w.organisation = organisation;
                    w.updated_at = browser::now();
                });
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <section class="card form" aria-labelledby="organisation-title">
            <h2 id="organisation-title">"Organisation"</h2>
            <div class="field">
                <label for="edit-org-name">"Organisation name"</label>
                <input
                    id="edit-org-name"
                    type="text"
                    autocomplete="organization"
                    aria-required="true"
                    maxlength=MAX_NAME_CHARS
                    prop:value=move || name.get()
                    on:input=move |ev| {
                        name.set(event_target_value(&ev));
                        apply();
                    }
                />
            </div>
            <div class="field">
                <label for="edit-org-scope">"Scope"</label>
                <textarea
                    id="edit-org-scope"
                    rows="3"
                    maxlength=MAX_SCOPE_CHARS
                    prop:value=move || scope.get()
                    on:input=move |ev| {
                        scope.set(event_target_value(&ev));
                        apply();
                    }
                ></textarea>
            </div>
            <p class="error" role="alert">
                {move || error.get()}
            </p>
        </section>
    }
}
