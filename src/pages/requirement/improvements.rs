//! On a requirement page: its open improvement items and a button that
//! raises one linked to it.

use crate::app::AppState;
use crate::app::route;
use crate::pages::improvements::{item_href, raise};
use crate::widgets::ErrorLine;
use crate::widgets::focus_later;
use crate::widgets::stage_badge;
use clausebook_core::framework::Node;
use clausebook_core::improvement::NewItem;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// On a requirement page: its open improvement items and a "Raise improvement" button.
#[component]
pub fn RequirementImprovements(node: &'static Node) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = StoredValue::new_local(use_navigate());
    let rid = &node.id;
    let open = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref().map(|w| {
                w.improvements
                    .open_for_requirement(rid)
                    .map(|i| (i.id, i.title.clone(), i.stage))
                    .collect::<Vec<_>>()
            })
        })
    });
    let error = RwSignal::new(None::<String>);
    let raise_here = move |_| {
        let mut new = NewItem::titled(&format!("Improvement for {} {}", node.number, node.title));
        new.requirements = vec![node.id.clone()];
        match raise(state, new) {
            Ok(id) => {
                navigate.with_value(|n| n(&item_href(id), NavigateOptions::default()));
                // The title is a placeholder: put the keyboard where it is renamed.
                focus_later("#item-title".to_owned());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    move || {
        open.get().map(|items| {
            view! {
                <section class="card requirement-improvements" aria-labelledby="req-improvements-title">
                    <h2 id="req-improvements-title">"Improvement items"</h2>
                    {if items.is_empty() {
                        view! { <p>"No open improvement items are linked to this requirement."</p> }.into_any()
                    } else {
                        view! {
                            <ul>
                                {items
                                    .into_iter()
                                    .map(|(id, title, stage)| {
                                        view! {
                                            <li>
                                                <A href=route(&item_href(id))>{format!("{id} {title}")}</A>
                                                " "
                                                {stage_badge(stage)}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                    <button type="button" on:click=raise_here>
                        "Raise improvement"
                    </button>
                    <ErrorLine error=error />
                </section>
            }
        })
    }
}
