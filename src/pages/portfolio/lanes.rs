//! The three parts of the portfolio as lanes.

use super::service_href;
use crate::widgets::{lifecycle_badge, link_item, list_or_none, workbook_memo};
use clausebook_core::portfolio::Part;
use leptos::prelude::*;

#[component]
pub(super) fn Lanes() -> impl IntoView {
    let lanes = Part::ALL
        .into_iter()
        .map(|part| {
            let services = workbook_memo(move |w| {
                w.portfolio
                    .in_part(part)
                    .map(|s| (s.id, s.name.clone(), s.status))
                    .collect::<Vec<_>>()
            });
            let title_id = format!("lane-{}", part.key());
            let labelled_by = title_id.clone();
            view! {
                <section class=format!("lane lane-{}", part.key()) aria-labelledby=labelled_by>
                    <h2 id=title_id>
                        {part.label()}
                        " "
                        <span class="lane-count">{move || services.with(Vec::len)}</span>
                        <span class="visually-hidden">
                            {move || {
                                if services.with(Vec::len) == 1 { " service" } else { " services" }
                            }}
                        </span>
                    </h2>
                    <p class="hint">{part.meaning()}</p>
                    {move || {
                        let entries = services
                            .get()
                            .into_iter()
                            .map(|(id, name, status)| {
                                link_item(service_href(id), format!("{id} {name}"), lifecycle_badge(status))
                            })
                            .collect();
                        list_or_none("lane-list", "None yet.", entries)
                    }}
                </section>
            }
        })
        .collect_view();
    view! {
        <p class="hint">{Part::SOURCE}</p>
        <div class="lanes">{lanes}</div>
    }
}
