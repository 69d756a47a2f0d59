//! Progress: mark dated baselines, compare now against one per requirement,
//! and chart readiness across baselines.

mod baselines;
mod chart;
mod comparison;
mod figures;
mod mark;

pub use chart::chart_xy;

use baselines::BaselineList;
use chart::ReadinessChart;
use comparison::CompareWithBaseline;
use mark::MarkBaseline;

use crate::app::{AppState, route};
use crate::widgets::PageIntro;
use clausebook_core::baseline::BaselineId;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ProgressPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let fallback = || {
        view! {
            <h1>"Progress"</h1>
            <p>
                "There is no workbook yet. " <A href=route("/")>"Create one on the Overview"</A>
                " first."
            </p>
        }
    };
    view! {
        <Show when=move || state.workbook.with(Option::is_some) fallback>
            <Progress />
        </Show>
    }
    .into_any()
}

#[component]
fn Progress() -> impl IntoView {
    // The baseline chosen for comparison; the latest by default.
    let chosen = RwSignal::new(None::<BaselineId>);
    view! {
        <PageIntro title="Progress">
            "Mark a baseline at each milestone — a gap analysis, a stage 1 audit — to freeze where every requirement stood. Then compare today against any baseline and follow readiness over time."
        </PageIntro>
        <MarkBaseline chosen />
        <BaselineList chosen />
        <CompareWithBaseline chosen />
        <ReadinessChart />
    }
    .into_any()
}
