//! Overview: the welcome for a first visit, then readiness at a glance.

use super::improvements::OverdueImprovements;
use super::route;
use super::{AppState, FrameworkChoice};
use crate::assessment::{Readiness, Status, clause_capability};
use crate::browser;
use crate::framework::Phase;
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
    let chosen = RwSignal::new(crate::framework::iso20000());
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Workbook::create(
            &name.get_untracked(),
            &scope.get_untracked(),
            chosen.get_untracked(),
            browser::now(),
        ) {
            Ok(workbook) => state.start_new(workbook),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <section class="welcome" aria-labelledby="welcome-title">
            <h1 id="welcome-title">"Welcome to Clausebook"</h1>
            <p class="lead">
                "Walk ISO/IEC 20000-1:2018 or FitSM-1 clause by clause, record where you stand and what proves it, and keep your improvement log and service portfolio in one place. Everything stays in this browser: no account, no server."
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
                <FrameworkChoice selected=chosen />
                <p class="error" role="alert">
                    {move || error.get()}
                </p>
                <button type="submit" class="primary">
                    "Create workbook"
                </button>
            </form>
            <section class="card" aria-labelledby="explore-title">
                <h2 id="explore-title">"Or explore first"</h2>
                <p>
                    "Open the sample workbook of a fictional small IT provider, part-way through its preparation. It is a workbook of its own: delete it on the Workbooks page when you are done."
                </p>
                <button
                    type="button"
                    on:click=move |_| {
                        if let Err(e) = state.load_sample() {
                            error.set(Some(e));
                        }
                    }
                >
                    "Explore the sample workbook"
                </button>
            </section>
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
                        <A href=route(&format!("/clauses/{}", root.id))>
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
                                <A href=route(&format!("/clauses/{id}"))>
                                    {format!("Continue the assessment at {id}")}
                                </A>
                            </p>
                        }
                    })
            }}
        </section>
        <TopGaps />
        <OverdueImprovements />
        <PhaseBars />
        <CapabilityRadar />
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

/// Requirements that need attention first, each linking to its page.
#[component]
fn TopGaps() -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let today = browser::today();
    let gaps = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| w.gaps(framework, today))
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card gaps" aria-labelledby="gaps-title">
            <h2 id="gaps-title">"Top gaps"</h2>
            {move || {
                let gaps = gaps.get();
                if gaps.is_empty() {
                    return view! {
                        <p class="hint">"No requirement is marked Not implemented or with a major nonconformity, no target date has passed, and no evidence is past its review."</p>
                    }
                        .into_any();
                }
                let more = gaps.len().saturating_sub(12);
                view! {
                    <ul class="gap-list">
                        {gaps
                            .into_iter()
                            .take(12)
                            .map(|g| {
                                let title = framework
                                    .node(&g.requirement)
                                    .map(|n| format!("{} {}", n.number, n.title))
                                    .unwrap_or_default();
                                view! {
                                    <li>
                                        <A href=route(&format!("/clauses/{}", g.requirement))>{title}</A>
                                        {format!(" — {}", g.reason.describe())}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    {(more > 0).then(|| view! { <p class="hint">{format!("and {more} more")}</p> })}
                }
                    .into_any()
            }}
        </section>
    }
}

/// Readiness per PDCA phase, as bars with their numbers in text.
#[component]
fn PhaseBars() -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let rows = Phase::ALL
        .into_iter()
        .map(|phase| {
            let r = Memo::new(move |_| {
                state.workbook.with(|w| {
                    w.as_ref()
                        .map(|w| Readiness::of_phase(framework, phase, &w.assessments))
                })
            });
            let ready = move || r.with(|r| r.as_ref().map(|r| r.ready_percent).unwrap_or(0));
            let assessed = move || {
                r.with(|r| r.as_ref().map(|r| format!("{} of {} assessed", r.assessed(), r.total)))
            };
            view! {
                <tr>
                    <th scope="row">
                        <span class=format!("badge phase-{}", phase.key())>{phase.label()}</span>
                    </th>
                    <td>{assessed}</td>
                    <td>
                        <span class="bar" aria-hidden="true">
                            <span class="bar-fill" style:width=move || format!("{}%", ready())></span>
                        </span>
                        {move || format!(" {}% largely or fully", ready())}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="phases-title">
            <h2 id="phases-title">"By PDCA phase"</h2>
            <div class="table-scroll">
                <table class="by-phase">
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// Points of a radar polygon: one axis per value, 0..=max mapped to 0..=radius.
pub fn radar_points(values: &[f32], max: f32, radius: f32, centre: f32) -> String {
    let n = values.len().max(1) as f32;
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let angle = std::f32::consts::TAU * i as f32 / n - std::f32::consts::FRAC_PI_2;
            let r = radius * (v.clamp(0.0, max) / max);
            format!(
                "{:.1},{:.1}",
                centre + r * angle.cos(),
                centre + r * angle.sin()
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Capability current vs target per clause, as an SVG radar with a table beside it.
#[component]
fn CapabilityRadar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let roots: Vec<&'static crate::framework::Node> = framework.roots().collect();
    let axes = roots.clone();
    // The radar's edge is the top of the framework's own scale (5 for
    // ISO/IEC 33020, 4 for FitSM).
    let max = framework.capability_scale.max();
    let top = f32::from(max);
    let first = roots.first().map(|n| n.number.clone()).unwrap_or_default();
    let last = roots.last().map(|n| n.number.clone()).unwrap_or_default();
    let figures = Memo::new(move |_| {
        state.workbook.with(|w| {
            let Some(w) = w.as_ref() else {
                return Vec::new();
            };
            axes.iter()
                .map(|n| clause_capability(framework, &n.id, &w.assessments))
                .collect::<Vec<_>>()
        })
    });
    const C: f32 = 150.0;
    const R: f32 = 105.0;
    let rings = (1..=max)
        .map(|level| {
            let ring = radar_points(&vec![f32::from(level); roots.len()], top, R, C);
            view! { <polygon class="radar-ring" points=ring></polygon> }
        })
        .collect_view();
    let labels = roots
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let mut v = vec![0.0; roots.len()];
            v[i] = top;
            let p = radar_points(&v, top, R + 22.0, C);
            let (x, y) = p
                .split(' ')
                .nth(i)
                .and_then(|xy| xy.split_once(','))
                .map(|(x, y)| (x.to_owned(), y.to_owned()))
                .unwrap_or_default();
            view! {
                <text class="radar-label" x=x y=y text-anchor="middle" dominant-baseline="middle">
                    {n.number.clone()}
                </text>
            }
        })
        .collect_view();
    let series = move |target: bool| {
        figures.with(|f| {
            let values: Vec<f32> = f
                .iter()
                .map(|(c, t)| {
                    if target {
                        t.unwrap_or(0.0)
                    } else {
                        c.unwrap_or(0.0)
                    }
                })
                .collect();
            radar_points(&values, top, R, C)
        })
    };
    let fmt = |v: Option<f32>| {
        v.map(|v| format!("{v:.1}"))
            .unwrap_or_else(|| "not rated".into())
    };
    let table_rows = move || {
        figures.with(|f| {
            roots
                .iter()
                .zip(f.iter())
                .map(|(n, (c, t))| {
                    view! {
                        <tr>
                            <th scope="row">{format!("{} {}", n.number, n.title)}</th>
                            <td>{fmt(*c)}</td>
                            <td>{fmt(*t)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card" aria-labelledby="radar-title">
            <h2 id="radar-title">"Capability by clause"</h2>
            <div class="radar-layout">
                <svg
                    class="radar"
                    viewBox="0 0 300 300"
                    role="img"
                    aria-labelledby="radar-svg-title radar-svg-desc"
                >
                    <title id="radar-svg-title">"Capability radar: current and target per clause"</title>
                    <desc id="radar-svg-desc">
                        {format!("One axis per clause {first} to {last}, from level 0 at the centre to level {max} at the edge. The solid shape is the average current capability of each clause's rated requirements, the dashed outline the average target. The table beside it gives the same figures.")}
                    </desc>
                    {rings}
                    <polygon class="radar-target" points=move || series(true)></polygon>
                    <polygon class="radar-current" points=move || series(false)></polygon>
                    {labels}
                </svg>
                <table class="radar-table">
                    <caption>{format!("Average capability level (0–{max})")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Clause"</th>
                            <th scope="col">"Current"</th>
                            <th scope="col">"Target"</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
            <p class="legend">
                <span class="swatch swatch-current" aria-hidden="true"></span>
                " Current "
                <span class="swatch swatch-target" aria-hidden="true"></span>
                " Target"
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::radar_points;

    #[test]
    fn radar_axes_start_at_the_top_and_scale_to_the_radius() {
        let p = radar_points(&[5.0, 0.0, 2.5, 0.0], 5.0, 100.0, 150.0);
        let points: Vec<&str> = p.split(' ').collect();
        assert_eq!(points[0], "150.0,50.0", "first axis points straight up");
        assert_eq!(points[1], "150.0,150.0", "zero is the centre");
        assert_eq!(points[2], "150.0,200.0", "half way down the third axis");
        assert_eq!(
            radar_points(&[9.0], 5.0, 100.0, 150.0),
            "150.0,50.0",
            "clamped"
        );
    }
}
