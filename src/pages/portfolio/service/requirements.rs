//! The requirements the service gives evidence for.

use super::ServiceMemo;
use crate::app::AppState;
use crate::app::route;
use crate::pages::portfolio::apply;
use crate::widgets::Card;
use clausebook_core::framework::RequirementId;
use clausebook_core::portfolio::ServiceId;
use leptos::prelude::*;
use leptos_router::components::A;

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
                let items = linked.get();
                if items.is_empty() {
                    view! { <p class="empty">"None linked."</p> }.into_any()
                } else {
                    view! {
                        <ul class="link-list">
                            {items
                                .into_iter()
                                .map(|r| {
                                    let title = framework
                                        .node(&r)
                                        .map(|n| format!("{} {}", n.number, n.title))
                                        .unwrap_or_else(|| r.0.clone());
                                    let href = route(&format!("/clauses/{r}"));
                                    let label = format!("Unlink {title}");
                                    view! {
                                        <li>
                                            <A href=href>{title}</A>
                                            " "
                                            <button
                                                type="button"
                                                class="link-button"
                                                aria-label=label
                                                on:click=move |_| {
                                                    let _ = apply(state, |p| p.unlink_requirement(id, &r));
                                                }
                                            >
                                                "Unlink"
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
            <div class="field">
                <label for="requirement-choice">"Link a requirement"</label>
                <select
                    id="requirement-choice"
                    on:change=move |ev| choice.set(event_target_value(&ev))
                >
                    <option value="" prop:selected=move || choice.with(String::is_empty)>
                        "Choose a requirement"
                    </option>
                    {framework
                        .leaves()
                        .map(|n| {
                            let value = n.id.0.clone();
                            let selected = value.clone();
                            view! {
                                <option
                                    value=value
                                    prop:selected=move || choice.with(|c| *c == selected)
                                >
                                    {format!("{} {}", n.number, n.title)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
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
