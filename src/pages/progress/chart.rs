//! Readiness over time: the chart across baselines and its table.

use super::figures::figure_cells;
use crate::app::AppState;
use crate::platform::browser;
use crate::widgets::{Card, column_heads, scroll_table};
use clausebook_core::baseline::Point;
use leptos::prelude::*;

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
pub(super) fn ReadinessChart() -> impl IntoView {
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
        <Card heading_id="chart-title" title="Readiness over time">
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
            {scroll_table(
                "series-table",
                view! {
                    <caption>"Readiness figures"</caption>
                    {column_heads(&["Point", "Date", "Assessed", "Ready", "Score"])}
                },
                move || {
                    points
                        .get()
                        .into_iter()
                        .map(|p| {
                            view! {
                                <tr>
                                    <th scope="row">{p.label}</th>
                                    {figure_cells(p.date, p.figures)}
                                </tr>
                            }
                        })
                        .collect_view()
                },
            )}
        </Card>
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
