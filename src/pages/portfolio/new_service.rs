//! The form that proposes a new service.

use super::decision::DecisionFields;
use super::{apply, service_href};
use crate::app::AppState;
use crate::platform::browser;
use crate::widgets::{TextField, choices, signal_select};
use clausebook_core::limits::MAX_NAME_CHARS;
use clausebook_core::portfolio::{Decision, ServiceKind};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

#[component]
pub(super) fn NewServiceForm(creating: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(ServiceKind::CustomerFacing);
    let who = RwSignal::new(String::new());
    let why = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let name_input = NodeRef::<leptos::html::Input>::new();
    // Keyboard users land in the form they just opened.
    Effect::new(move |_| {
        if let Some(input) = name_input.get() {
            let _ = input.focus();
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let decision = Decision {
            who: who.get_untracked(),
            why: why.get_untracked(),
            on: browser::today(),
        };
        let created = apply(state, |p| {
            p.propose(
                &name.get_untracked(),
                kind.get_untracked(),
                decision,
                browser::now(),
            )
        });
        match created {
            Ok(id) => {
                creating.set(false);
                navigate(&service_href(id), NavigateOptions::default());
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <form class="card form" on:submit=submit novalidate aria-labelledby="new-service-title">
            <h2 id="new-service-title">"New service"</h2>
            <p class="hint">"A new service starts in the pipeline as Proposed."</p>
            <TextField
                id="new-service-name"
                label="Service name"
                max=MAX_NAME_CHARS
                required=true
                node_ref=name_input
                value=name.into()
                on_input=UnsyncCallback::new(move |v| name.set(v))
            />
            {signal_select(
                kind,
                "new-service-kind",
                "Type",
                choices(&ServiceKind::ALL, ServiceKind::key, ServiceKind::label),
                ServiceKind::key,
                ServiceKind::from_key,
            )}
            <DecisionFields
                who
                who_id="new-service-who"
                who_label="Proposed by"
                why
                why_id="new-service-why"
                why_label="Reason for proposing it"
            />
            <p class="error" role="alert">
                {move || error.get()}
            </p>
            <div class="actions">
                <button type="submit" class="primary">
                    "Create service"
                </button>
                <button type="button" on:click=move |_| creating.set(false)>
                    "Cancel"
                </button>
            </div>
        </form>
    }
}
