//! Overview: the welcome for a first visit, then readiness at a glance.

use crate::app::AppState;
use crate::app::base_path;
use crate::platform::browser;
use crate::widgets::FrameworkChoice;
use crate::widgets::dom;
use crate::widgets::markup::{self, Node, el};
use clausebook_core::assessment::Status;
use clausebook_core::limits::{MAX_NAME_CHARS, MAX_SCOPE_CHARS};
use clausebook_core::overview::{Line, Overview};
use clausebook_core::workbook::{Organisation, Workbook};
use leptos::prelude::*;

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
    let chosen = RwSignal::new(clausebook_core::framework::iso20000());
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

/// Readiness at a glance, drawn from an [`Overview`] through [`markup`]: the
/// start-up preview (`ui::boot`), which has nothing but the stored copy and
/// no reactive renderer yet, draws the very same nodes before the app loads.
/// An edit redraws only the sections it changes.
#[component]
pub fn OverviewView(#[prop(into)] overview: Signal<Overview>) -> impl IntoView {
    view! { <div class="overview" use:draw=overview></div> }
}

/// Draws the Overview into `el` now, and again on every change.
fn draw(el: web_sys::Element, overview: Signal<Overview>) {
    let all = |o: &Overview| {
        let mut nodes = above_fold(o, base_path());
        nodes.extend(below_fold(o, base_path()));
        nodes
    };
    // Now, not on the next tick as an effect would: the app replaces the
    // start-up preview as soon as it is mounted.
    let drawn = overview.with_untracked(all);
    dom::append(&el, &drawn);
    let drawn = std::cell::RefCell::new(drawn);
    Effect::new(move |_| {
        let next = overview.with(all);
        dom::update(&el, &drawn.borrow(), &next);
        *drawn.borrow_mut() = next;
    });
}

/// The Overview's first screenful: the organisation, readiness and gaps.
/// Links are under `base`, the path the app is served under.
pub fn above_fold(o: &Overview, base: &str) -> Vec<Node> {
    let r = &o.readiness;
    let status_rows = Status::ALL.into_iter().map(|s| {
        el("tr")
            .child(el("th").attr("scope", "row").child(badge(s)))
            .child(el("td").text(r.count(s).to_string()))
    });
    let readiness = el("section")
        .class("card readiness")
        .attr("aria-labelledby", "readiness-title")
        .child(el("h2").attr("id", "readiness-title").text("Readiness"))
        .child(
            el("div")
                .class("figures")
                .child(figure(
                    el("span")
                        .class("figure-value")
                        .attr("data-testid", "ready-percent")
                        .text(format!("{}%", r.ready_percent)),
                    format!(
                        "of {} requirements at Largely or Fully implemented",
                        r.total
                    ),
                ))
                .child(figure(
                    el("span")
                        .class("figure-value")
                        .text(format!("{}/100", r.score)),
                    "weighted score (Partially ⅓, Largely ⅔, Fully 1)".to_owned(),
                )),
        )
        .child(
            el("table")
                .class("status-counts")
                .child(el("caption").text("Requirements by status"))
                .child(el("tbody").children(status_rows)),
        )
        .child_opt(o.next_unassessed.as_ref().map(|id| {
            el("p").child(
                el("a")
                    .attr("href", format!("{base}/clauses/{id}"))
                    .text(format!("Continue the assessment at {id}")),
            )
        }));
    let gaps = el("section")
        .class("card gaps")
        .attr("aria-labelledby", "gaps-title")
        .child(el("h2").attr("id", "gaps-title").text("Top gaps"));
    let gaps = if o.gaps.is_empty() {
        gaps.child(el("p").class("hint").text(
            "No requirement is marked Not implemented or with a major nonconformity, no target date has passed, and no evidence is past its review.",
        ))
    } else {
        gaps.child(
            el("ul")
                .class("gap-list")
                .children(o.gaps.iter().map(|l| line(l, base))),
        )
        .child_opt(more(o.gaps_total, o.gaps.len()))
    };
    vec![
        el("h1").text(o.organisation.clone()).into(),
        readiness.into(),
        gaps.into(),
    ]
}

/// The rest of the Overview: overdue items, phases, capability and clauses.
pub fn below_fold(o: &Overview, base: &str) -> Vec<Node> {
    let mut nodes = Vec::new();
    let count = o.overdue_total;
    if count > 0 {
        let summary = if count == 1 {
            "1 item is past its target date and not closed.".to_owned()
        } else {
            format!("{count} items are past their target date and not closed.")
        };
        nodes.push(
            el("section")
                .class("card overdue-card")
                .attr("aria-labelledby", "overdue-title")
                .child(
                    el("h2")
                        .attr("id", "overdue-title")
                        .text("Overdue improvements"),
                )
                .child(el("p").text(summary))
                .child(el("ul").children(o.overdue.iter().map(|l| line(l, base))))
                .child_opt(more(count, o.overdue.len()))
                .child(
                    el("p").child(
                        el("a")
                            .attr("href", format!("{base}/improvements?overdue=1&view=table"))
                            .text("See overdue items in the log"),
                    ),
                )
                .into(),
        );
    }
    let phase_rows = o.phases.iter().map(|p| {
        el("tr")
            .child(
                el("th").attr("scope", "row").child(
                    el("span")
                        .class(format!("badge phase-{}", p.key))
                        .text(p.label.clone()),
                ),
            )
            .child(el("td").text(format!("{} of {} assessed", p.assessed, p.total)))
            .child(
                el("td")
                    .child(bar(p.ready_percent))
                    .text(format!(" {}% largely or fully", p.ready_percent)),
            )
    });
    nodes.push(
        el("section")
            .class("card")
            .attr("aria-labelledby", "phases-title")
            .child(el("h2").attr("id", "phases-title").text("By PDCA phase"))
            .child(
                el("div").class("table-scroll").child(
                    el("table")
                        .class("by-phase")
                        .child(el("tbody").children(phase_rows)),
                ),
            )
            .into(),
    );
    nodes.push(capability_radar(o).into());
    let clause_rows = o.clauses.iter().map(|c| {
        el("tr")
            .child(
                el("th").attr("scope", "row").child(
                    el("a")
                        .attr("href", format!("{base}{}", c.path))
                        .text(c.title.clone()),
                ),
            )
            .child(el("td").text(c.pdca.clone()))
            .child(el("td").text(format!("{} of {}", c.assessed, c.total)))
            .child(
                el("td")
                    .child(bar(c.ready_percent))
                    .text(format!(" {}%", c.ready_percent)),
            )
    });
    let head = ["Clause", "PDCA", "Assessed", "Largely or fully"]
        .map(|h| el("th").attr("scope", "col").text(h));
    nodes.push(
        el("section")
            .class("card")
            .attr("aria-labelledby", "by-clause-title")
            .child(
                el("h2")
                    .attr("id", "by-clause-title")
                    .text("Progress by clause"),
            )
            .child(
                el("div").class("table-scroll").child(
                    el("table")
                        .class("by-clause")
                        .child(el("thead").child(el("tr").children(head)))
                        .child(el("tbody").children(clause_rows)),
                ),
            )
            .into(),
    );
    nodes
}

/// A headline figure and what it counts.
fn figure(value: markup::Element, label: String) -> markup::Element {
    el("p")
        .class("figure")
        .child(value)
        .child(el("span").class("figure-label").text(label))
}

/// A list entry: the link, then what follows it.
fn line(line: &Line, base: &str) -> markup::Element {
    el("li")
        .child(
            el("a")
                .attr("href", format!("{base}{}", line.path))
                .text(line.link.clone()),
        )
        .text(line.detail.clone())
}

/// "and N more", when a list shows `shown` of `total`.
fn more(total: usize, shown: usize) -> Option<markup::Element> {
    let more = total.saturating_sub(shown);
    (more > 0).then(|| el("p").class("hint").text(format!("and {more} more")))
}

/// A status as a badge, as `ui::status_badge` draws it.
fn badge(s: Status) -> markup::Element {
    el("span")
        .class(format!("badge status-{}", s.key()))
        .text(s.label())
}

/// A share as a bar, as `ui::bar` draws it: hidden from assistive
/// technology, since the figure follows it in text.
fn bar(percent: u32) -> markup::Element {
    el("span").class("bar").attr("aria-hidden", "true").child(
        el("span")
            .class("bar-fill")
            .style("width", format!("{percent}%")),
    )
}

/// Capability current vs target per clause, as an SVG radar with a table beside it.
fn capability_radar(o: &Overview) -> markup::Element {
    let (radar, max) = (&o.radar, o.capability_max);
    let svg = el("svg")
        .class("radar")
        .attr("viewBox", "0 0 300 300")
        .attr("role", "img")
        .attr("aria-labelledby", "radar-svg-title radar-svg-desc")
        .child(
            el("title")
                .attr("id", "radar-svg-title")
                .text("Capability radar: current and target per clause"),
        )
        .child(el("desc").attr("id", "radar-svg-desc").text(format!(
            "One axis per clause {} to {}, from level 0 at the centre to level {max} at the edge. The solid shape is the average current capability of each clause's rated requirements, the dashed outline the average target. The table beside it gives the same figures.",
            radar.first, radar.last
        )))
        .children(
            radar
                .rings
                .iter()
                .map(|ring| el("polygon").class("radar-ring").attr("points", ring.clone())),
        )
        .child(
            el("polygon")
                .class("radar-target")
                .attr("points", radar.target.clone()),
        )
        .child(
            el("polygon")
                .class("radar-current")
                .attr("points", radar.current.clone()),
        )
        .children(radar.labels.iter().map(|l| {
            el("text")
                .class("radar-label")
                .attr("x", l.x.to_string())
                .attr("y", l.y.to_string())
                .attr("text-anchor", "middle")
                .attr("dominant-baseline", "middle")
                .text(l.text.clone())
        }));
    let rows = o.clauses.iter().map(|c| {
        el("tr")
            .child(el("th").attr("scope", "row").text(c.title.clone()))
            .child(el("td").text(c.current.clone()))
            .child(el("td").text(c.target.clone()))
    });
    let head = ["Clause", "Current", "Target"].map(|h| el("th").attr("scope", "col").text(h));
    el("section")
        .class("card")
        .attr("aria-labelledby", "radar-title")
        .child(
            el("h2")
                .attr("id", "radar-title")
                .text("Capability by clause"),
        )
        .child(
            el("div").class("radar-layout").child(svg).child(
                el("table")
                    .class("radar-table")
                    .child(el("caption").text(format!("Average capability level (0–{max})")))
                    .child(el("thead").child(el("tr").children(head)))
                    .child(el("tbody").children(rows)),
            ),
        )
        .child(
            el("p")
                .class("legend")
                .child(
                    el("span")
                        .class("swatch swatch-current")
                        .attr("aria-hidden", "true"),
                )
                .text(" Current ")
                .child(
                    el("span")
                        .class("swatch swatch-target")
                        .attr("aria-hidden", "true"),
                )
                .text(" Target"),
        )
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
