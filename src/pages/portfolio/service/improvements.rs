//! Improvement items linked to the service.

use crate::app::AppState;
use crate::app::route;
use crate::widgets::Card;
use clausebook_core::portfolio::ServiceId;
use leptos::prelude::*;
use leptos_router::components::A;

/// Improvement items that concern this service. The link lives on the item
/// (one place, never stored twice); this list is derived from it.
#[component]
pub(super) fn ImprovementsCard(id: ServiceId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let items = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.improvements
                        .items
                        .iter()
                        .filter(|i| i.services.contains(&id))
                        .map(|i| (i.id, i.title.clone(), i.stage.label()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <Card heading_id="service-improvements-title" title="Improvement items">
            {move || {
                let items = items.get();
                if items.is_empty() {
                    view! {
                        <p class="empty">
                            "None yet. Link a service from an improvement item's page."
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <ul class="link-list">
                            {items
                                .into_iter()
                                .map(|(iid, title, stage)| {
                                    view! {
                                        <li>
                                            <A href=route(&crate::pages::improvements::item_href(iid))>
                                                {format!("{iid} {title}")}
                                            </A>
                                            {format!(" · {stage}")}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </Card>
    }
}
