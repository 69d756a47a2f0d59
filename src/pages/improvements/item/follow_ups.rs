//! Which item this one follows up, and its own follow-ups.

use super::ItemMemo;
use crate::app::route;
use crate::pages::improvements::item_href;
use crate::widgets::{Card, link_item, stage_badge, workbook_memo};
use clausebook_core::improvement::ImprovementId;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub(super) fn FollowUps(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let of = Memo::new(move |_| item.with(|i| i.as_ref().and_then(|i| i.follow_up_of)));
    let follow_ups = workbook_memo(move |w| {
        w.improvements
            .follow_ups(id)
            .map(|i| (i.id, i.title.clone(), i.stage))
            .collect::<Vec<_>>()
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
                                            link_item(item_href(fid), format!("{fid} {title}"), stage_badge(stage))
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
