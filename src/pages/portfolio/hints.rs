//! Live services with gaps in their entries, and what is missing.

use super::service_href;
use crate::app::route;
use crate::widgets::{Card, clause_pair, workbook_memo};
use clausebook_core::portfolio::{self};
use leptos::prelude::*;
use leptos_router::components::A;

/// Live services with gaps, listed with what is missing.
#[component]
pub(super) fn Hints() -> impl IntoView {
    let hints = workbook_memo(|w| w.portfolio.hints());
    move || {
        let hints = hints.get();
        (!hints.is_empty()).then(|| {
            view! {
                <Card heading_id="hints-title" title="Completeness" class="hints">
                    <p>
                        "Live services an auditor would ask about (clauses "
                        {clause_pair("8.2.4", "8.3.3")}
                        "):"
                    </p>
                    <HintList hints />
                </Card>
            }
        })
    }
}

#[component]
pub(crate) fn HintList(hints: Vec<portfolio::Hint>) -> impl IntoView {
    view! {
        <ul class="hint-list">
            {hints
                .into_iter()
                .map(|h| {
                    let gaps = h.gaps.iter().map(|g| g.label()).collect::<Vec<_>>().join(", ");
                    view! {
                        <li>
                            <A href=route(&service_href(h.id))>{format!("{} {}", h.id, h.name)}</A>
                            {format!(": {gaps}")}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
