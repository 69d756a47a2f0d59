//! The chart of recent scores.

use clausebook_core::study::exam::PASS_PERCENT;
use clausebook_core::study::{Mode, RunRecord};
use leptos::prelude::*;

/// Bars of the recent scores. The table next to it carries the same figures
/// for screen readers, so the drawing itself is decorative.
#[component]
pub(super) fn Chart(recent: Memo<Vec<(usize, RunRecord)>>) -> impl IntoView {
    const W: f64 = 400.0;
    const H: f64 = 120.0;
    const TOP: f64 = 8.0;
    const LEFT: f64 = 34.0;
    view! {
        <figure class="study-chart">
            <svg
                viewBox=format!("0 0 {W} {}", H + 16.0)
                role="img"
                aria-label="Chart of the scores in the table below"
                focusable="false"
            >
                {[0.0, 50.0, 100.0]
                    .into_iter()
                    .map(|pct| {
                        let y = TOP + (H - TOP) * (1.0 - pct / 100.0);
                        view! {
                            <line class="study-grid" x1=LEFT x2=W y1=y y2=y />
                            <text class="study-axis" x=LEFT - 4.0 y=y + 4.0 text-anchor="end">
                                {format!("{pct}%")}
                            </text>
                        }
                    })
                    .collect_view()}
                {
                    // The exam's pass line, so the trend reads against it.
                    let y = TOP + (H - TOP) * (1.0 - f64::from(PASS_PERCENT) / 100.0);
                    view! {
                        <line class="study-pass" x1=LEFT x2=W y1=y y2=y />
                        <text class="study-axis" x=W y=y - 3.0 text-anchor="end">
                            {format!("pass {PASS_PERCENT}%")}
                        </text>
                    }
                }
                {move || {
                    let runs = recent.get();
                    let n = runs.len().max(1) as f64;
                    let slot = (W - LEFT) / n.max(10.0);
                    runs.into_iter()
                        .enumerate()
                        .map(|(i, (number, r))| {
                            let pct = f64::from(r.score.percent());
                            let h = (H - TOP) * pct / 100.0;
                            let x = LEFT + slot * i as f64 + slot * 0.15;
                            view! {
                                <rect
                                    class=match r.mode {
                                        Mode::Timed => "study-bar study-bar-timed",
                                        Mode::Exam => "study-bar study-bar-exam",
                                        Mode::Quiz => "study-bar",
                                    }
                                    x=x
                                    y=H - h
                                    width=slot * 0.7
                                    height=h.max(1.0)
                                />
                                <text class="study-axis" x=x + slot * 0.35 y=H + 13.0 text-anchor="middle">
                                    {number.to_string()}
                                </text>
                            }
                        })
                        .collect_view()
                }}
            </svg>
            <figcaption class="hint">
                "Score of each run in percent, numbered as in the table, against the mock exam's pass line: blue bars are quizzes, green bars timed practice, dark bars mock exams."
            </figcaption>
        </figure>
    }
}
