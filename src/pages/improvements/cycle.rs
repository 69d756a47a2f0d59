//! The PDCA explainer under the log.

use crate::app::AppState;
use crate::app::route;
use crate::widgets::Card;
use clausebook_core::framework::Phase;
use leptos::prelude::*;
use leptos_router::components::A;

/// The PDCA explainer: which clauses of the standard sit in which phase.
#[component]
pub(super) fn CycleExplainer() -> impl IntoView {
    let framework = expect_context::<AppState>().framework();
    let phases = Phase::ALL
        .into_iter()
        .map(|phase| {
            let clauses = framework
                .roots()
                .filter(|n| n.pdca == phase)
                .map(|n| {
                    view! {
                        <li>
                            <A href=route(&format!("/clauses/{}", n.id))>{format!("{} {}", n.number, n.title)}</A>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class=format!("pdca-step phase-{}", phase.label().to_lowercase())>
                    <h3>{phase.label()}</h3>
                    <p>{phase.meaning()}</p>
                    <ul>{clauses}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <Card heading_id="cycle-title" title="The cycle in this standard">
            <p class="hint pdca-note">{framework.pdca_note.clone()}</p>
            <ol class="pdca">{phases}</ol>
        </Card>
    }
}
