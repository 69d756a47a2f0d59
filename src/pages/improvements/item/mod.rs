//! One item's page: its stage, the four stages' records, details, links,
//! follow-ups and history.

mod details;
mod follow_ups;
mod history;
mod links;
mod stage_panel;
mod stages;

use details::DetailsSection;
use follow_ups::FollowUps;
use history::History;
use links::LinksSection;
use stage_panel::StagePanel;
use stages::{ActSection, CheckSection, DoSection, PlanSection};

use crate::platform::browser;
use crate::widgets::{Absent, ItemHeading, item_page, stage_class};
use clausebook_core::improvement::{ImprovementId, ImprovementItem, Stage};
use leptos::prelude::*;

#[component]
pub fn ImprovementPage() -> impl IntoView {
    item_page(
        |w, id: ImprovementId| w.improvements.get(id),
        Absent {
            title: "No such improvement item",
            none_such: "The log has no item",
            back_href: "/improvements",
            back_text: "See the improvement log",
        },
        Some("Improvement item"),
        |id, item| view! { <ItemView id item /> }.into_any(),
    )
}

#[component]
fn ItemView(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let stage = Memo::new(move |_| item.with(|i| i.as_ref().map(|i| i.stage).unwrap_or_default()));
    let title = move || item.with(|i| i.as_ref().map(|i| i.title.clone()).unwrap_or_default());
    let today = browser::today();
    let overdue = move || item.with(|i| i.as_ref().is_some_and(|i| i.is_overdue(today)));
    view! {
        <ItemHeading
            list_href="/improvements"
            list_label="Improvements"
            id=id.to_string()
            title=Signal::derive(title)
        />
        <p class="meta">
            <span class=move || stage_class(stage.get())>{move || stage.get().label()}</span>
            {move || overdue().then(|| view! { " " <span class="badge overdue">"Overdue"</span> })}
        </p>
        <ol class="stage-track" aria-label="PDCA stages">
            {Stage::ALL
                .iter()
                .copied()
                .map(|s| {
                    view! {
                        <li
                            class:current=move || stage.get() == s
                            class:done=move || { stage.get() > s }
                            aria-current=move || (stage.get() == s).then_some("step")
                        >
                            {s.label()}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <div class="item-layout">
            <div class="item-main">
                <StagePanel id item />
                <PlanSection id item />
                <DoSection id item />
                <CheckSection id item />
                <ActSection id item />
            </div>
            <div class="item-side">
                <DetailsSection id item />
                <LinksSection id item />
                <FollowUps id item />
                <History item />
            </div>
        </div>
    }
    .into_any()
}

type ItemMemo = Memo<Option<ImprovementItem>>;
