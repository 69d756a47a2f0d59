//! The requirements the service gives evidence for.

use super::ServiceMemo;
use crate::app::AppState;
use crate::pages::portfolio::apply;
use crate::widgets::{Card, choose_into, link_item, list_or_none, requirement_choices};
use clausebook_core::framework::RequirementId;
use clausebook_core::portfolio::ServiceId;
use leptos::prelude::*;

#[component]
pub(super) fn RequirementsCard(id: ServiceId, service: ServiceMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let choice = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let linked = Memo::new(move |_| {
        service
            .with(|s| s.as_ref().map(|s| s.requirements.clone()))
            .unwrap_or_default()
    });
    let link = move |_| {
        error.set(None);
        let chosen = choice.get_untracked();
        if chosen.is_empty() {
            error.set(Some("Choose a requirement first.".into()));
            return;
        }
        let requirement = RequirementId(chosen);
        match apply(state, |p| p.link_requirement(id, &requirement, framework)) {
            Ok(()) => choice.set(String::new()),
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <Card heading_id="requirements-title" title="Requirements" class="form">
            <p class="hint">"Requirements this service gives evidence for."</p>
            {move || {
                let entries = linked
                    .get()
                    .into_iter()
                    .map(|r| {
                        let title = framework
                            .node(&r)
                            .map(|n| format!("{} {}", n.number, n.title))
                            .unwrap_or_else(|| r.0.clone());
                        let href = format!("/clauses/{r}");
                        let unlink = view! {
                            <button
                                type="button"
                                class="link-button"
                                aria-label=format!("Unlink {title}")
                                on:click=move |_| {
                                    let _ = apply(state, |p| p.unlink_requirement(id, &r));
                                }
                            >
                                "Unlink"
                            </button>
                        };
                        link_item(href, title, unlink)
                    })
                    .collect();
                list_or_none("link-list", "None linked.", entries)
            }}
            <div class="field">
                <label for="requirement-choice">"Link a requirement"</label>
                {choose_into("requirement-choice", "Choose a requirement", requirement_choices(framework), choice)}
            </div>
            <button type="button" on:click=link>
                "Link requirement"
            </button>
            <p class="error" role="alert">
                {move || error.get()}
            </p>
        </Card>
    }
}
