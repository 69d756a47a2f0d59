//! Overview: the welcome for a first visit, then readiness at a glance.

use crate::app::{AppState, route};
use crate::platform::browser;
use crate::widgets::ErrorLine;
use crate::widgets::{
    Card, NewWorkbookForm, OpenWorkbookFile, OrganisationFields, bar, status_badge, to_page_top,
};
use crate::widgets::{column_heads, scroll_table};
use clausebook_core::assessment::Status;
use clausebook_core::overview::{ClauseRow, Line, Overview, PhaseRow, Radar};
use clausebook_core::workbook::Organisation;
use leptos::prelude::*;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Show memoises the condition, so typing in the workbook does not
    // rebuild the page.
    view! {
        <Show when=move || state.workbook.with(Option::is_some) fallback=Welcome>
            <Dashboard />
        </Show>
    }
    .into_any()
}

#[component]
fn Welcome() -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    view! {
        <section class="welcome" aria-labelledby="welcome-title">
            <h1 id="welcome-title">"Welcome to Clausebook"</h1>
            <p class="lead">
                "Walk ISO/IEC 20000-1:2018 or FitSM-1 clause by clause, record where you stand and what proves it, and keep your improvement log and service portfolio in one place. Everything stays in this browser: no account, no server."
            </p>
            <NewWorkbookForm
                class="card form"
                heading="Create your workbook"
                name_id="org-name"
                scope_id="org-scope"
                submit="Create workbook"
                error
                on_created=move |workbook| state.start_new(workbook)
                scope_hint=Some(
                    "One or two sentences: which services, for which customers, delivered from where. You can refine it later (clause 4.3).",
                )
            />
            <Card heading_id="explore-title" title="Or explore first">
                <p>
                    "Open the sample workbook of a fictional small IT provider, part-way through its preparation. It is a workbook of its own: delete it on the Workbooks page when you are done."
                </p>
                <button
                    type="button"
                    on:click=move |_| {
                        match state.load_sample() {
                            // The welcome is replaced by the sample's
                            // Overview: start at its top.
                            Ok(_) => to_page_top(),
                            Err(e) => error.set(Some(e)),
                        }
                    }
                >
                    "Explore the sample workbook"
                </button>
            </Card>
            <Card heading_id="open-file-title" title="Or open a workbook file">
                <p>
                    "A workbook saved to a file, from this browser or another, encrypted or not. It is checked and shown to you before it opens."
                </p>
                <OpenWorkbookFile button="Open a workbook file" input_label="Clausebook workbook file to open" />
            </Card>
        </section>
    }
}

#[component]
fn Dashboard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let today = browser::today();
    let overview = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| Overview::of(w, framework, today))
                .unwrap_or_default()
        })
    });
    view! {
        <OverviewView overview />
        <OrganisationForm />
    }
}

/// Readiness at a glance, drawn from an [`Overview`]. One memo per
/// section: an edit redraws only the sections it changes.
#[component]
fn OverviewView(#[prop(into)] overview: Signal<Overview>) -> impl IntoView {
    let name = Memo::new(move |_| overview.with(|o| o.organisation.clone()));
    let readiness = Memo::new(move |_| overview.with(|o| o.readiness.clone()));
    let next = Memo::new(move |_| overview.with(|o| o.next_unassessed.clone()));
    let gaps = Memo::new(move |_| overview.with(|o| (o.gaps.clone(), o.gaps_total)));
    let overdue = Memo::new(move |_| overview.with(|o| (o.overdue.clone(), o.overdue_total)));
    let phases = Memo::new(move |_| overview.with(|o| o.phases.clone()));
    let clauses = Memo::new(move |_| overview.with(|o| o.clauses.clone()));
    let radar = Memo::new(move |_| {
        overview.with(|o| (o.radar.clone(), o.capability_max, o.clauses.clone()))
    });
    view! {
        <div class="overview">
            // Takes focus from script when the workbook was just created or
            // opened (widgets::to_page_top).
            <h1 tabindex="-1">{move || name.get()}</h1>
            <Card heading_id="readiness-title" title="Readiness" class="readiness">
                {move || {
                    let r = readiness.get();
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
                                                <th scope="row">{status_badge(s)}</th>
                                                <td>{r.count(s)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                }}
                {move || {
                    next.get()
                        .map(|id| {
                            view! {
                                <p>
                                    <a href=route(&format!("/clauses/{id}"))>
                                        {format!("Continue the assessment at {id}")}
                                    </a>
                                </p>
                            }
                        })
                }}
            </Card>
            <Card heading_id="gaps-title" title="Top gaps" class="gaps">
                {move || {
                    let (gaps, total) = gaps.get();
                    if gaps.is_empty() {
                        return view! {
                            <p class="hint">
                                "No requirement is marked Not implemented or with a major nonconformity, no target date has passed, and no evidence is past its review."
                            </p>
                        }
                            .into_any();
                    }
                    let shown = gaps.len();
                    view! {
                        <ul class="gap-list">{gaps.into_iter().map(line).collect_view()}</ul>
                        {more(total, shown)}
                    }
                        .into_any()
                }}
            </Card>
            {move || {
                let (items, count) = overdue.get();
                (count > 0)
                    .then(|| {
                        let shown = items.len();
                        view! {
                            <Card heading_id="overdue-title" title="Overdue improvements" class="overdue-card">
                                <p>
                                    {if count == 1 {
                                        "1 item is past its target date and not closed.".to_owned()
                                    } else {
                                        format!(
                                            "{count} items are past their target date and not closed.",
                                        )
                                    }}
                                </p>
                                <ul>{items.into_iter().map(line).collect_view()}</ul>
                                {more(count, shown)}
                                <p>
                                    <a href=route("/improvements?overdue=1&view=table")>
                                        "See overdue items in the log"
                                    </a>
                                </p>
                            </Card>
                        }
                    })
            }}
            <Card heading_id="phases-title" title="By PDCA phase">
                <p class="hint pdca-note">{move || overview.with(|o| o.pdca_convention.clone())}</p>
                <div class="table-scroll">
                    <table class="by-phase">
                        <tbody>{move || phases.get().into_iter().map(phase_row).collect_view()}</tbody>
                    </table>
                </div>
            </Card>
            {move || {
                let (radar, max, rows) = radar.get();
                view! { <CapabilityRadar radar max rows /> }
            }}
            <Card heading_id="by-clause-title" title="Progress by clause">
                {scroll_table(
                    "by-clause",
                    column_heads(&["Clause", "PDCA", "Assessed", "Largely or fully"]),
                    move || clauses.get().into_iter().map(clause_row).collect_view(),
                )}
            </Card>
        </div>
    }
}

/// A phase's row: how much of it is assessed, and how much is ready.
fn phase_row(p: PhaseRow) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">
                <span class=format!("badge phase-{}", p.key)>{p.label}</span>
            </th>
            <td>{format!("{} of {} assessed", p.assessed, p.total)}</td>
            {ready_cell(p.ready_percent, " largely or fully")}
        </tr>
    }
}

/// A clause's row, linking to the clause.
fn clause_row(c: ClauseRow) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">
                <a href=route(&c.path)>{c.title}</a>
            </th>
            <td>{c.pdca}</td>
            <td>{format!("{} of {}", c.assessed, c.total)}</td>
            {ready_cell(c.ready_percent, "")}
        </tr>
    }
}

/// How much is ready: the bar, then the figure it draws.
fn ready_cell(percent: u32, after: &'static str) -> impl IntoView {
    view! {
        <td>
            {bar(percent)}
            {format!(" {percent}%{after}")}
        </td>
    }
}

/// A list entry: the link, then what follows it.
fn line(line: Line) -> impl IntoView {
    view! {
        <li>
            <a href=route(&line.path)>{line.link}</a>
            {line.detail}
        </li>
    }
}

/// "and N more", when a list shows `shown` of `total`.
fn more(total: usize, shown: usize) -> Option<impl IntoView> {
    let more = total.saturating_sub(shown);
    (more > 0).then(|| view! { <p class="hint">{format!("and {more} more")}</p> })
}

/// Capability current vs target per clause, as an SVG radar with a table beside it.
#[component]
fn CapabilityRadar(radar: Radar, max: u8, rows: Vec<ClauseRow>) -> impl IntoView {
    let (first, last) = (radar.first, radar.last);
    view! {
        <Card heading_id="radar-title" title="Capability by clause">
            <div class="radar-layout">
                <svg
                    class="radar"
                    viewBox="0 0 300 300"
                    role="img"
                    aria-labelledby="radar-svg-title radar-svg-desc"
                >
                    <title id="radar-svg-title">
                        "Capability radar: current and target per clause"
                    </title>
                    <desc id="radar-svg-desc">
                        {format!(
                            "One axis per clause {first} to {last}, from level 0 at the centre to level {max} at the edge. The solid shape is the average current capability of each clause's rated requirements, the dashed outline the average target. The table beside it gives the same figures.",
                        )}
                    </desc>
                    {radar
                        .rings
                        .into_iter()
                        .map(|ring| view! { <polygon class="radar-ring" points=ring></polygon> })
                        .collect_view()}
                    <polygon class="radar-target" points=radar.target></polygon>
                    <polygon class="radar-current" points=radar.current></polygon>
                    {radar
                        .labels
                        .into_iter()
                        .map(|l| {
                            view! {
                                <text
                                    class="radar-label"
                                    x=l.x
                                    y=l.y
                                    text-anchor="middle"
                                    dominant-baseline="middle"
                                >
                                    {l.text}
                                </text>
                            }
                        })
                        .collect_view()}
                </svg>
                <table class="radar-table">
                    <caption>{format!("Average capability level (0–{max})")}</caption>
                    {column_heads(&["Clause", "Current", "Target"])}
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|c| {
                                view! {
                                    <tr>
                                        <th scope="row">{c.title}</th>
                                        <td>{c.current}</td>
                                        <td>{c.target}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="legend">
                <span class="swatch swatch-current" aria-hidden="true"></span>
                " Current "
                <span class="swatch swatch-target" aria-hidden="true"></span>
                " Target"
            </p>
        </Card>
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
    let apply = move || match Organisation::new(&name.get_untracked(), &scope.get_untracked()) {
        Ok(organisation) => {
            error.set(None);
            state.edit(|w| w.set_organisation(organisation, browser::now()));
        }
        Err(e) => error.set(Some(e.to_string())),
    };
    view! {
        <Card heading_id="organisation-title" title="Organisation" class="form">
            <OrganisationFields
                name
                scope
                name_id="edit-org-name"
                scope_id="edit-org-scope"
                on_edit=Callback::new(move |()| apply())
            />
            <ErrorLine error=error />
        </Card>
    }
}
