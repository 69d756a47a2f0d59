//! Improvement items linked to the service.

use crate::app::route;
use crate::widgets::{Card, list_or_none, workbook_memo};
use clausebook_core::portfolio::ServiceId;
use leptos::prelude::*;
use leptos_router::components::A;

/// Improvement items that concern this service. The link lives on the item
/// (one place, never stored twice); this list is derived from it.
#[component]
pub(super) fn ImprovementsCard(id: ServiceId) -> impl IntoView {
    let items = workbook_memo(move |w| {
        w.improvements
            .items
            .iter()
            .filter(|i| i.services.contains(&id))
            .map(|i| (i.id, i.title.clone(), i.stage.label()))
            .collect::<Vec<_>>()
    });
    view! {
        <Card heading_id="service-improvements-title" title="Improvement items">
            {move || {
                let entries = items
                    .get()
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
                    .collect();
                list_or_none(
                    "link-list",
                    "None yet. Link a service from an improvement item's page.",
                    entries,
                )
            }}
        </Card>
    }
}
