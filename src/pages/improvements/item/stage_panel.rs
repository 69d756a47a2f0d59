//! The item's stage and the moves it allows.

use super::ItemMemo;
use crate::app::AppState;
use crate::pages::improvements::{item_href, try_move};
use crate::platform::browser;
use crate::widgets::Card;
use clausebook_core::improvement::{ImprovementId, Stage};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

/// The current stage, the moves it allows, and why a move was refused.
#[component]
pub(super) fn StagePanel(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = StoredValue::new_local(use_navigate());
    let stage = Memo::new(move |_| item.with(|i| i.as_ref().map(|i| i.stage).unwrap_or_default()));
    let ineffective =
        Memo::new(move |_| item.with(|i| i.as_ref().is_some_and(|i| i.check_ineffective())));
    let refusal = RwSignal::new(None::<String>);
    let announce = RwSignal::new(None::<String>);
    let status_ref = NodeRef::<leptos::html::P>::new();
    let go = move |to: Stage| match try_move(state, id, to) {
        Ok(()) => {
            refusal.set(None);
            announce.set(Some(format!("{id} moved to {to}.")));
            crate::widgets::focus_after_render(status_ref);
        }
        Err(e) => refusal.set(Some(e)),
    };
    let follow_up = move |_| {
        let mut result = Err(String::new());
        state.edit(|w| {
            let now = browser::now();
            result = w
                .edit_improvements(now.clone(), |log| {
                    log.open_follow_up(id, browser::today(), now)
                })
                .map_err(|e| e.to_string());
        });
        match result {
            Ok(new_id) => {
                refusal.set(None);
                navigate.with_value(|n| n(&item_href(new_id), NavigateOptions::default()));
            }
            Err(e) => refusal.set(Some(e)),
        }
    };
    view! {
        <Card heading_id="stage-title" title="Stage" class="stage-panel">
            <p class="stage-now" tabindex="-1" node_ref=status_ref>
                {move || format!("{id} is in {}. ", stage.get())}
                {move || stage.get().meaning()}
            </p>
            <p class="visually-hidden" role="status">
                {move || announce.get()}
            </p>
            <div class="actions">
                {move || {
                    let s = stage.get();
                    let next = s.next().map(|to| {
                        view! {
                            <button type="button" class="primary" on:click=move |_| go(to)>
                                {if to == Stage::Closed { "Close item".to_owned() } else { format!("Move to {to}") }}
                            </button>
                        }
                    });
                    let back = s.previous().map(|to| {
                        view! {
                            <button type="button" on:click=move |_| go(to)>
                                {if s == Stage::Closed { "Reopen in Act".to_owned() } else { format!("Back to {to}") }}
                            </button>
                        }
                    });
                    let check_moves = (s == Stage::Check).then(|| {
                        view! {
                            <button type="button" on:click=move |_| go(Stage::Plan)>
                                "Return to Plan for a new cycle"
                            </button>
                            {move || {
                                ineffective
                                    .get()
                                    .then(|| {
                                        view! {
                                            <button type="button" on:click=follow_up>
                                                "Open follow-up item"
                                            </button>
                                        }
                                    })
                            }}
                        }
                    });
                    view! { {next} {back} {check_moves} }
                }}
            </div>
            <p class="error refusal-message" role="alert">
                {move || refusal.get()}
            </p>
        </Card>
    }
}
