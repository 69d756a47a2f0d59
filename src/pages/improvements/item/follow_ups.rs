//! Which item this one follows up, and its own follow-ups.

use super::ItemMemo;
use crate::app::AppState;
use crate::app::route;
use crate::pages::improvements::item_href;
use crate::widgets::{Card, stage_badge};
use clausebook_core::improvement::ImprovementId;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub(super) fn FollowUps(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let of = Memo::new(move |_| item.with(|i| i.as_ref().and_then(|i| i.follow_up_of)));
    let follow_ups = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.improvements
                        .follow_ups(id)
                        .map(|i| (i.id, i.title.clone(), i.stage))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    move || {
        let of = of.get();
        let list = follow_ups.get();
        (of.is_some() || !list.is_empty()).then(|| {
            view! {
                <Card heading_id="follow-title" title="Follow-ups">
                    {of.map(|o| view! { <p>"Opened as a follow-up of " <A href=route(&item_href(o))>{o.to_string()}</A> "."</p> })}
                    {(!list.is_empty())
                        .then(|| {
                            view! {
                                <ul>
                                    {list
                                        .into_iter()
                                        .map(|(fid, title, stage)| {
                                            view! {
                                                <li>
                                                    <A href=route(&item_href(fid))>{format!("{fid} {title}")}</A>
                                                    " "
                                                    {stage_badge(stage)}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        })}
                </Card>
            }
        })
    }
}
