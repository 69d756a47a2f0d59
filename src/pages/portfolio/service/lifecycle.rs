//! The service's status and the moves it allows, each recorded with who
//! decided, why and when.

use super::ServiceMemo;
use crate::app::AppState;
use crate::pages::portfolio::apply;
use crate::pages::portfolio::decision::DecisionFields;
use crate::platform::browser;
use clausebook_core::calendar::IsoDate;
use clausebook_core::portfolio::{Decision, Lifecycle, ServiceId};
use leptos::prelude::*;

#[component]
pub(super) fn LifecycleCard(id: ServiceId, service: ServiceMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let who = RwSignal::new(
        service.with_untracked(|s| s.as_ref().map(|s| s.owner.clone()).unwrap_or_default()),
    );
    let why = RwSignal::new(String::new());
    let on = RwSignal::new(browser::today().to_string());
    let error = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    let status = Memo::new(move |_| service.with(|s| s.as_ref().map(|s| s.status)));
    let heading = NodeRef::<leptos::html::H2>::new();
    let move_to = move |to: Lifecycle| {
        message.set(None);
        let date = match IsoDate::parse_optional(&on.get_untracked()) {
            Ok(d) => d.unwrap_or_else(browser::today),
            Err(e) => {
                error.set(Some(e.to_string()));
                return;
            }
        };
        let decision = Decision {
            who: who.get_untracked(),
            why: why.get_untracked(),
            on: date,
        };
        match apply(state, |p| p.move_service(id, to, decision, browser::now())) {
            Ok(()) => {
                error.set(None);
                why.set(String::new());
                message.set(Some(format!("Moved to {to}; recorded in the history.")));
                // The buttons change with the status, so keyboard users would
                // lose their place: bring them back to the top of the card.
                crate::widgets::focus_after_render(heading);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="card form" aria-labelledby="lifecycle-title">
            <h2 id="lifecycle-title" tabindex="-1" node_ref=heading>
                "Lifecycle"
            </h2>
            <p>
                "Status: "
                <strong data-testid="service-status">
                    {move || status.get().map(|s| s.label()).unwrap_or_default()}
                </strong>
            </p>
            {move || {
                let next = status.get().map(Lifecycle::next).unwrap_or_default();
                if next.is_empty() {
                    view! {
                        <p class="hint">
                            "This status is final: the service stays in the record, and no further moves are possible."
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <DecisionFields
                            who
                            who_id="move-who"
                            who_label="Decided by"
                            why
                            why_id="move-why"
                            why_label="Reason"
                            why_hint=Some(
                                "Kept in the history with the date and who decided, e.g. a change record or board decision.",
                            )
                        />
                        <div class="field">
                            <label for="move-on">"Takes effect on"</label>
                            <input
                                id="move-on"
                                type="date"
                                prop:value=move || on.get()
                                on:input=move |ev| on.set(event_target_value(&ev))
                            />
                        </div>
                        <div class="actions" role="group" aria-label="Lifecycle moves">
                            {next
                                .iter()
                                .map(|&to| {
                                    let class = if to == Lifecycle::Cancelled || to.is_retirement() {
                                        "danger"
                                    } else {
                                        ""
                                    };
                                    view! {
                                        <button type="button" class=class on:click=move |_| move_to(to)>
                                            {format!("Move to {}", to.label())}
                                        </button>
                                    }
                                })
                                .collect_view()}
                        </div>
                    }
                        .into_any()
                }
            }}
            <p class="error" role="alert" data-testid="move-error">
                {move || error.get()}
            </p>
            <p class="success" role="status">
                {move || message.get()}
            </p>
        </section>
    }
}
