//! The list of marked baselines, each with its figures and a delete.

use super::figures::figure_cells;
use crate::app::AppState;
use crate::platform::browser;
use crate::widgets::ConfirmInline;
use crate::widgets::{Card, action_column_heads, scroll_table};
use clausebook_core::baseline::BaselineId;
use leptos::prelude::*;

#[component]
pub(super) fn BaselineList(chosen: RwSignal<Option<BaselineId>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let confirming = RwSignal::new(None::<BaselineId>);
    let baselines = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| {
                    let mut list: Vec<_> = w
                        .baselines
                        .iter()
                        .map(|b| (b.id, b.name.clone(), b.date, b.figures))
                        .collect();
                    list.sort_by_key(|b| b.2);
                    list
                })
                .unwrap_or_default()
        })
    });
    let delete = move |id: BaselineId| {
        state.edit(|w| w.delete_baseline(id, browser::now()));
        confirming.set(None);
        if chosen.get_untracked() == Some(id) {
            chosen.set(None);
        }
    };
    view! {
        <Card heading_id="baselines-title" title="Baselines">
            {move || {
                if baselines.with(Vec::is_empty) {
                    return view! { <p>"No baselines yet. Mark one above."</p> }.into_any();
                }
                let rows = baselines
                    .get()
                    .into_iter()
                    .map(|(id, name, date, f)| {
                        let label = name.clone();
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                {figure_cells(date, f)}
                                <td>
                                    {move || {
                                        if confirming.get() == Some(id) {
                                            let question = format!("Delete “{label}”?");
                                            view! {
                                                <ConfirmInline
                                                    label=format!("Delete baseline {label}?")
                                                    yes="Yes, delete"
                                                    no="Keep"
                                                    on_yes=move || delete(id)
                                                    on_no=move || confirming.set(None)
                                                >
                                                    <span>{question}</span>
                                                </ConfirmInline>
                                            }
                                                .into_any()
                                        } else {
                                            view! {
                                                <button
                                                    type="button"
                                                    class="danger"
                                                    aria-label=format!("Delete baseline {label}")
                                                    on:click=move |_| confirming.set(Some(id))
                                                >
                                                    "Delete"
                                                </button>
                                            }
                                                .into_any()
                                        }
                                    }}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view();
                let heads = action_column_heads(&["Baseline", "Date", "Assessed", "Ready", "Score"]);
                scroll_table("baseline-table", heads, rows).into_any()
            }}
        </Card>
    }
}
