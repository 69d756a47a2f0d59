//! The three parts of the portfolio as lanes.

use super::service_href;
use crate::app::AppState;
use crate::app::route;
use crate::widgets::lifecycle_badge;
use clausebook_core::portfolio::Part;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub(super) fn Lanes() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lanes = Part::ALL
        .into_iter()
        .map(|part| {
            let services = Memo::new(move |_| {
                state.workbook.with(|w| {
                    w.as_ref()
                        .map(|w| {
                            w.portfolio
                                .in_part(part)
                                .map(|s| (s.id, s.name.clone(), s.status))
                                .collect::<Vec<_>>()
                        })
                        .unwrap_or_default()
                })
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
                        let list = services.get();
                        if list.is_empty() {
                            view! { <p class="empty">"None yet."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="lane-list">
                                    {list
                                        .into_iter()
                                        .map(|(id, name, status)| {
                                            view! {
                                                <li>
                                                    <A href=route(&service_href(id))>{format!("{id} {name}")}</A>
                                                    " "
                                                    {lifecycle_badge(status)}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                    }}
                </section>
            }
        })
        .collect_view();
    view! { <div class="lanes">{lanes}</div> }
}
