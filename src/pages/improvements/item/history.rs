//! The item's stage moves, newest first.

use super::ItemMemo;
use crate::widgets::{Card, local_date_time};
use leptos::prelude::*;

#[component]
pub(super) fn History(item: ItemMemo) -> impl IntoView {
    let entries = Memo::new(move |_| {
        item.with(|i| i.as_ref().map(|i| i.history.clone()).unwrap_or_default())
    });
    view! {
        <Card heading_id="history-title" title="History" class="history">
            <ol class="history-list">
                {move || {
                    entries
                        .get()
                        .into_iter()
                        .rev()
                        .map(|h| {
                            let what = match h.from {
                                None => format!("Raised in {}", h.to),
                                Some(from) => format!("{from} → {}", h.to),
                            };
                            view! {
                                <li>
                                    <time datetime=h.at.to_string()>{local_date_time(h.at.as_str())}</time>
                                    " "
                                    <strong>{what}</strong>
                                    {(!h.note.is_empty() && h.from.is_some()).then(|| view! { <span class="history-note">{h.note.clone()}</span> })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </Card>
    }
}
