//! The services this one depends on, and those that depend on it.

use super::ServiceMemo;
use crate::app::AppState;
use crate::pages::portfolio::{apply, service_href};
use crate::widgets::{Card, TextChoice, choose_into, lifecycle_badge, link_item, list_or_none};
use clausebook_core::portfolio::{Lifecycle, Service, ServiceId};
use leptos::prelude::*;

#[component]
pub(super) fn DependenciesCard(id: ServiceId, service: ServiceMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    let choice = RwSignal::new(String::new());
    let links = Memo::new(move |_| {
        state.workbook.with(|w| {
            let Some(w) = w.as_ref() else {
                return (Vec::new(), Vec::new(), Vec::new());
            };
            let p = &w.portfolio;
            let label = |s: &Service| (s.id, s.title(), s.status);
            let depends: Vec<_> = service
                .with(|s| s.as_ref().map(|s| s.depends_on.clone()))
                .unwrap_or_default()
                .into_iter()
                .filter_map(|d| p.get(d).map(label))
                .collect();
            let used_by: Vec<_> = p.dependants(id).map(label).collect();
            let candidates: Vec<_> = p
                .services
                .iter()
                .filter(|s| s.id != id && !s.status.is_ended())
                .filter(|s| !depends.iter().any(|(d, _, _)| *d == s.id))
                .map(label)
                .collect();
            (depends, used_by, candidates)
        })
    });
    let add = move |_| {
        error.set(None);
        let Ok(on) = choice.get_untracked().parse::<ServiceId>() else {
            error.set(Some("Choose the service it depends on first.".into()));
            return;
        };
        match apply(state, |p| p.add_dependency(id, on)) {
            Ok(()) => choice.set(String::new()),
            Err(e) => error.set(Some(e)),
        }
    };
    let list = move |items: Vec<(ServiceId, String, Lifecycle)>, removable: bool| {
        items
            .into_iter()
            .map(|(other, title, status)| {
                let remove = removable.then(|| {
                    view! {
                        <button
                            type="button"
                            class="link-button"
                            aria-label=format!("Remove dependency on {title}")
                            on:click=move |_| {
                                error.set(None);
                                let _ = apply(state, |p| p.remove_dependency(id, other));
                            }
                        >
                            "Remove"
                        </button>
                    }
                });
                let after = view! { {lifecycle_badge(status)} " " {remove} };
                link_item(service_href(other), title, after)
            })
            .collect::<Vec<_>>()
    };
    let candidates = Signal::derive(move || {
        let (_, _, candidates) = links.get();
        candidates
            .into_iter()
            .map(|(other, title, _)| (other.to_string(), title))
            .collect::<Vec<TextChoice>>()
    });
    view! {
        <Card heading_id="dependencies-title" title="Dependencies" class="form">
            <h3>"Depends on"</h3>
            {move || list_or_none("link-list", "No other services.", list(links.get().0, true))}
            <div class="field">
                <label for="dependency-choice">"Add a service it depends on"</label>
                {choose_into("dependency-choice", "Choose a service", candidates, choice)}
            </div>
            <button type="button" on:click=add>
                "Add dependency"
            </button>
            <p class="error" role="alert" data-testid="dependency-error">
                {move || error.get()}
            </p>
            <h3>"Used by"</h3>
            {move || {
                let used_by = list(links.get().1, false);
                list_or_none("link-list", "No other service depends on this one.", used_by)
            }}
        </Card>
    }
}
