//! Progress: mark dated baselines, compare now against one per requirement,
//! and chart readiness across baselines.

use crate::app::{AppState, route};
use crate::platform::browser;
use crate::widgets::ConfirmInline;
use crate::widgets::{CheckBox, ErrorLine, SelectField, TextField};
use crate::widgets::{action_column_heads, column_heads, scroll_table};
use clausebook_core::baseline::{BaselineId, Change, Direction, Point};
use clausebook_core::calendar::IsoDate;
use clausebook_core::limits::MAX_NAME_CHARS;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ProgressPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_workbook = Memo::new(move |_| state.workbook.with(Option::is_some));
    move || {
        if has_workbook.get() {
            view! { <Progress /> }.into_any()
        } else {
            view! {
                <h1>"Progress"</h1>
                <p>
                    "There is no workbook yet. " <A href=route("/")>"Create one on the Overview"</A>
                    " first."
                </p>
            }
            .into_any()
        }
    }
}

#[component]
fn Progress() -> impl IntoView {
    // The baseline chosen for comparison; the latest by default.
    let chosen = RwSignal::new(None::<BaselineId>);
    view! {
        <h1>"Progress"</h1>
        <p class="lead">
            "Mark a baseline at each milestone — a gap analysis, a stage 1 audit — to freeze where every requirement stood. Then compare today against any baseline and follow readiness over time."
        </p>
        <MarkBaseline chosen />
        <BaselineList chosen />
        <CompareWithBaseline chosen />
        <ReadinessChart />
    }
    .into_any()
}

#[component]
fn MarkBaseline(chosen: RwSignal<Option<BaselineId>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(String::new());
    let date = RwSignal::new(browser::today().to_string());
    let error = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        message.set(None);
        let on = match date.get_untracked().trim().parse::<IsoDate>() {
            Ok(d) => d,
            Err(e) => {
                error.set(Some(format!("Date: {e}")));
                return;
            }
        };
        let mut result = None;
        let framework = state.framework();
        state.edit(|w| {
            result = Some(w.mark_baseline(framework, &name.get_untracked(), on, browser::now()))
        });
        match result {
            Some(Ok(id)) => {
                error.set(None);
                message.set(Some(format!(
                    "Marked baseline “{}” ({on}).",
                    name.get_untracked().trim()
                )));
                name.set(String::new());
                chosen.set(Some(id));
            }
            Some(Err(e)) => error.set(Some(e.to_string())),
            None => {}
        }
    };
    view! {
        <section class="card" aria-labelledby="mark-title">
            <h2 id="mark-title">"Mark a baseline"</h2>
            <form class="inline-form" on:submit=submit novalidate>
                <TextField
                    id="baseline-name"
                    label="Name"
                    value=name.into()
                    on_input=UnsyncCallback::new(move |v| name.set(v))
                    max=MAX_NAME_CHARS
                    autocomplete=None
                    placeholder="e.g. Gap analysis, March"
                    described_by="baseline-error"
                />
                <div class="field">
                    <label for="baseline-date">"Date"</label>
                    <input
                        id="baseline-date"
                        type="date"
                        prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <button type="submit" class="primary">
                        "Mark baseline"
                    </button>
                </div>
            </form>
            <ErrorLine error=error id="baseline-error" />
            <p class="success" role="status">
                {move || message.get()}
            </p>
        </section>
    }
}

#[component]
fn BaselineList(chosen: RwSignal<Option<BaselineId>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let confirming = RwSignal::new(None::<BaselineId>);
    let baselines = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| {
                    let mut list: Vec<_> = w
                        .baselines
                        .iter()
                        .map(|b| (b.id, b.name.clone(), b.date, b.figures))
                        .collect();
                    list.sort_by_key(|b| b.2);
                    list
                })
                .unwrap_or_default()
        })
    });
    let delete = move |id: BaselineId| {
        state.edit(|w| w.delete_baseline(id, browser::now()));
        confirming.set(None);
        if chosen.get_untracked() == Some(id) {
            chosen.set(None);
        }
    };
    view! {
        <section class="card" aria-labelledby="baselines-title">
            <h2 id="baselines-title">"Baselines"</h2>
            {move || {
                if baselines.with(Vec::is_empty) {
                    return view! { <p>"No baselines yet. Mark one above."</p> }.into_any();
                }
                let rows = baselines
                    .get()
                    .into_iter()
                    .map(|(id, name, date, f)| {
                        let label = name.clone();
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td>{date.to_string()}</td>
                                <td>{format!("{} of {}", f.assessed, f.total)}</td>
                                <td>{format!("{}%", f.ready_percent)}</td>
                                <td>{format!("{}%", f.score)}</td>
                                <td>
                                    {move || {
                                        if confirming.get() == Some(id) {
                                            let question = format!("Delete “{label}”?");
                                            view! {
                                                <ConfirmInline
                                                    label=format!("Delete baseline {label}?")
                                                    yes="Yes, delete"
                                                    no="Keep"
                                                    on_yes=move || delete(id)
                                                    on_no=move || confirming.set(None)
                                                >
                                                    <span>{question}</span>
                                                </ConfirmInline>
                                            }
                                                .into_any()
                                        } else {
                                            view! {
                                                <button
                                                    type="button"
                                                    class="danger"
                                                    aria-label=format!("Delete baseline {label}")
                                                    on:click=move |_| confirming.set(Some(id))
                                                >
                                                    "Delete"
                                                </button>
                                            }
                                                .into_any()
                                        }
                                    }}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view();
                let heads = action_column_heads(&["Baseline", "Date", "Assessed", "Ready", "Score"]);
                scroll_table("baseline-table", heads, rows).into_any()
            }}
        </section>
    }
}

/// The arrow and word for a change; the word carries the meaning, the
/// colour only repeats it.
fn change_text(direction: Direction) -> &'static str {
    match direction {
        Direction::Improved => "↑ Improved",
        Direction::Worsened => "↓ Worsened",
        Direction::Unchanged => "Unchanged",
    }
}

#[component]
fn CompareWithBaseline(chosen: RwSignal<Option<BaselineId>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let only_changes = RwSignal::new(true);
    let options = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.baselines
                        .iter()
                        .map(|b| (b.id, format!("{} ({})", b.name, b.date)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // The chosen baseline, or the most recently marked one.
    let current = Memo::new(move |_| {
        let list = options.get();
        chosen
            .get()
            .filter(|id| list.iter().any(|(b, _)| b == id))
            .or_else(|| list.last().map(|(id, _)| *id))
    });
    let changes = Memo::new(move |_| {
        let id = current.get()?;
        state.workbook.with(|w| {
            let w = w.as_ref()?;
            Some(w.compare(framework, w.baseline(id)?))
        })
    });
    let row = move |c: Change| {
        let node = framework.node(&c.requirement);
        let title = node
            .map(|n| format!("{} {}", n.number, n.title))
            .unwrap_or_else(|| c.requirement.0.clone());
        let href = route(&format!("/clauses/{}", c.requirement));
        let capability = |s: clausebook_core::baseline::Snapshot| {
            s.capability
                .map(|l| format!(" · capability {}", l.number()))
                .unwrap_or_default()
        };
        view! {
            <tr class=format!("change-{}", c.direction.key())>
                <th scope="row">
                    <A href=href>{title}</A>
                </th>
                <td>
                    <span class=format!(
                        "badge status-{}",
                        c.then.status.key(),
                    )>{c.then.status.label()}</span>
                    {capability(c.then)}
                </td>
                <td>
                    <span class=format!(
                        "badge status-{}",
                        c.now.status.key(),
                    )>{c.now.status.label()}</span>
                    {capability(c.now)}
                </td>
                <td class="change">{change_text(c.direction)}</td>
            </tr>
        }
    };
    view! {
        <section class="card" aria-labelledby="compare-baseline-title">
            <h2 id="compare-baseline-title">"Now compared with a baseline"</h2>
            {move || {
                if options.with(Vec::is_empty) {
                    return view! { <p>"Mark a baseline to compare against it."</p> }.into_any();
                }
                let summary = changes
                    .with(|c| {
                        c.as_ref()
                            .map(|c| {
                                let n = |d| c.iter().filter(|x| x.direction == d).count();
                                format!(
                                    "{} improved, {} worsened, {} unchanged.",
                                    n(Direction::Improved),
                                    n(Direction::Worsened),
                                    n(Direction::Unchanged),
                                )
                            })
                    });
                let choices = options
                    .get()
                    .into_iter()
                    .map(|(id, label)| {
                        view! {
                            <option
                                value=id.0.to_string()
                                prop:selected=move || current.get() == Some(id)
                            >
                                {label}
                            </option>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="inline-form">
                        <SelectField
                            id="compare-baseline"
                            label="Compare now with"
                            on_change=move |v: String| chosen.set(v.parse().ok().map(BaselineId))
                        >
                            {choices}
                        </SelectField>
                        <CheckBox id="only-changes" label="Only requirements that changed" checked=only_changes />
                    </div>
                    <p role="status" data-testid="change-summary">
                        {summary}
                    </p>
                    <div class="table-scroll">
                        <table class="change-table">
                            <caption class="visually-hidden">
                                "Each requirement at the baseline and now"
                            </caption>
                            {column_heads(&["Requirement", "At the baseline", "Now", "Change"])}
                            <tbody>
                                {move || {
                                    changes
                                        .get()
                                        .unwrap_or_default()
                                        .into_iter()
                                        .filter(|c| {
                                            !only_changes.get() || c.direction != Direction::Unchanged
                                        })
                                        .map(row)
                                        .collect_view()
                                }}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
        </section>
    }
}

/// Chart geometry: a 600 × 240 view box with room for axis labels.
const W: f32 = 600.0;
const H: f32 = 240.0;
const LEFT: f32 = 72.0;
const RIGHT: f32 = 64.0;
const TOP: f32 = 16.0;
const BOTTOM: f32 = 40.0;

/// Where point `i` of `n` with value `v` (0–100) sits in the chart.
pub fn chart_xy(i: usize, n: usize, v: u32) -> (f32, f32) {
    let width = W - LEFT - RIGHT;
    let x = if n <= 1 {
        LEFT + width / 2.0
    } else {
        LEFT + width * i as f32 / (n - 1) as f32
    };
    let y = TOP + (H - TOP - BOTTOM) * (1.0 - v.min(100) as f32 / 100.0);
    (x, y)
}

fn polyline(points: &[Point], value: impl Fn(&Point) -> u32) -> String {
    points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (x, y) = chart_xy(i, points.len(), value(p));
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
fn ReadinessChart() -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let today = browser::today();
    let points = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| w.readiness_series(framework, today))
                .unwrap_or_default()
        })
    });
    let grid = [0u32, 25, 50, 75, 100]
        .into_iter()
        .map(|v| {
            let (_, y) = chart_xy(0, 2, v);
            view! {
                <line class="chart-grid" x1=LEFT x2=W - RIGHT y1=y y2=y></line>
                <text class="chart-axis" x=LEFT - 6.0 y=y text-anchor="end" dominant-baseline="middle">
                    {format!("{v}%")}
                </text>
            }
        })
        .collect_view();
    let markers = move || {
        let pts = points.get();
        let n = pts.len();
        pts.iter()
            .enumerate()
            .map(|(i, p)| {
                let (x, y_ready) = chart_xy(i, n, p.figures.ready_percent);
                let (_, y_score) = chart_xy(i, n, p.figures.score);
                let label: String = if p.label.chars().count() > 16 {
                    p.label.chars().take(15).collect::<String>() + "…"
                } else {
                    p.label.clone()
                };
                view! {
                    <circle class="chart-ready" cx=x cy=y_ready r="4"></circle>
                    <rect class="chart-score" x=x - 3.5 y=y_score - 3.5 width="7" height="7"></rect>
                    <text class="chart-axis" x=x y=H - BOTTOM + 16.0 text-anchor="middle">
                        {label}
                    </text>
                    <text class="chart-axis" x=x y=H - BOTTOM + 30.0 text-anchor="middle">
                        {p.date.to_string()}
                    </text>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="chart-title">
            <h2 id="chart-title">"Readiness over time"</h2>
            <svg
                class="readiness-chart"
                viewBox=format!("0 0 {W} {H}")
                role="img"
                aria-labelledby="chart-svg-title chart-svg-desc"
            >
                <title id="chart-svg-title">"Readiness at each baseline and now"</title>
                <desc id="chart-svg-desc">
                    "Two lines over the baselines in date order, ending with now: the solid line with round markers is the share of requirements largely or fully implemented, the dashed line with square markers the weighted score. The table below gives the same figures."
                </desc>
                {grid}
                <polyline
                    class="chart-ready"
                    points=move || polyline(&points.get(), |p| p.figures.ready_percent)
                ></polyline>
                <polyline
                    class="chart-score"
                    points=move || polyline(&points.get(), |p| p.figures.score)
                ></polyline>
                {markers}
            </svg>
            <p class="legend">
                <span class="swatch swatch-ready" aria-hidden="true"></span>
                " Ready (largely or fully implemented) "
                <span class="swatch swatch-score" aria-hidden="true"></span>
                " Weighted score"
            </p>
            <div class="table-scroll">
                <table class="series-table">
                    <caption>"Readiness figures"</caption>
                    {column_heads(&["Point", "Date", "Assessed", "Ready", "Score"])}
                    <tbody>
                        {move || {
                            points
                                .get()
                                .into_iter()
                                .map(|p| {
                                    view! {
                                        <tr>
                                            <th scope="row">{p.label}</th>
                                            <td>{p.date.to_string()}</td>
                                            <td>
                                                {format!("{} of {}", p.figures.assessed, p.figures.total)}
                                            </td>
                                            <td>{format!("{}%", p.figures.ready_percent)}</td>
                                            <td>{format!("{}%", p.figures.score)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::chart_xy;

    #[test]
    fn chart_points_spread_across_and_scale_up() {
        assert_eq!(chart_xy(0, 3, 100), (72.0, 16.0), "top left is 100%");
        assert_eq!(chart_xy(2, 3, 0), (536.0, 200.0), "bottom right is 0%");
        assert_eq!(chart_xy(0, 1, 50).0, 304.0, "a single point is centred");
        assert_eq!(chart_xy(0, 2, 400).1, 16.0, "clamped at 100%");
    }
}
