//! The item's links to requirements and services.

use super::ItemMemo;
use crate::app::AppState;
use crate::app::route;
use crate::pages::improvements::edit_log;
use crate::widgets::{
    Card, TextChoice, choose_into, link_item, requirement_choices, workbook_memo,
};
use clausebook_core::framework::RequirementId;
use clausebook_core::improvement::{ImprovementId, ImprovementItem};
use clausebook_core::portfolio::ServiceId;
use leptos::prelude::*;
use leptos_router::components::A;

/// Links to requirements and services, added and removed here.
#[component]
pub(super) fn LinksSection(id: ImprovementId, item: ItemMemo) -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let error = RwSignal::new(None::<String>);
    let edit = move |f: &dyn Fn(&mut ImprovementItem)| {
        error.set(edit_log(state, |log| log.edit_details(id, f)).err());
    };
    let pick_req = RwSignal::new(String::new());
    let pick_svc = RwSignal::new(String::new());
    let requirements = Memo::new(move |_| {
        item.with(|i| {
            i.as_ref()
                .map(|i| i.requirements.clone())
                .unwrap_or_default()
        })
    });
    let services = Memo::new(move |_| {
        item.with(|i| i.as_ref().map(|i| i.services.clone()).unwrap_or_default())
    });
    // Each service as an option: its number, and number and name.
    let portfolio = workbook_memo(|w| {
        w.portfolio
            .services
            .iter()
            .map(|s| (s.id.0.to_string(), format!("{} {}", s.id, s.name)))
            .collect::<Vec<TextChoice>>()
    });
    let service_name = move |sid: ServiceId| {
        let value = sid.0.to_string();
        portfolio.with(|p| {
            p.iter()
                .find(|(v, _)| *v == value)
                .map(|(_, text)| text.clone())
                .unwrap_or_else(|| sid.to_string())
        })
    };
    let add_req = move |_| {
        let value = pick_req.get_untracked();
        if value.is_empty() {
            error.set(Some("Choose a requirement to link first.".into()));
            return;
        }
        let rid = RequirementId(value);
        if !framework.is_leaf(&rid) {
            return;
        }
        edit(&|i| {
            if !i.requirements.contains(&rid) {
                i.requirements.push(rid.clone());
            }
        });
        pick_req.set(String::new());
    };
    let add_svc = move |_| {
        let Ok(n) = pick_svc.get_untracked().parse::<u32>() else {
            error.set(Some("Choose a service to link first.".into()));
            return;
        };
        let sid = ServiceId(n);
        edit(&|i| {
            if !i.services.contains(&sid) {
                i.services.push(sid);
            }
        });
        pick_svc.set(String::new());
    };
    view! {
        <Card heading_id="links-title" title="Links" class="form links">
            <h3>"Requirements"</h3>
            <ul class="link-list">
                {move || {
                    requirements
                        .get()
                        .into_iter()
                        .filter_map(|r| framework.node(&r).cloned())
                        .map(|n| {
                            let rid = n.id.clone();
                            let unlink = unlink_button(n.number.clone(), move || {
                                edit(&|i| i.requirements.retain(|r| *r != rid))
                            });
                            link_item(format!("/clauses/{}", n.id), format!("{} {}", n.number, n.title), unlink)
                        })
                        .collect_view()
                }}
            </ul>
            {move || requirements.with(Vec::is_empty).then(|| view! { <p class="hint">"No requirement linked yet."</p> })}
            <div class="field add-link">
                <label for="link-requirement">"Link a requirement"</label>
                <div class="inline">
                    {choose_into("link-requirement", "Choose…", requirement_choices(framework), pick_req)}
                    <button type="button" on:click=add_req>
                        "Link requirement"
                    </button>
                </div>
            </div>
            <h3>"Services"</h3>
            <ul class="link-list">
                {move || {
                    services
                        .get()
                        .into_iter()
                        .map(|sid| {
                            let unlink = unlink_button(sid.to_string(), move || {
                                edit(&|i| i.services.retain(|s| *s != sid))
                            });
                            link_item(format!("/portfolio/{sid}"), service_name(sid), unlink)
                        })
                        .collect_view()
                }}
            </ul>
            {move || {
                if portfolio.with(Vec::is_empty) {
                    view! {
                        <p class="hint">
                            "The portfolio has no services yet. Add them on the "
                            <A href=route("/portfolio")>"Portfolio"</A>
                            " page to link them here."
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <div class="field add-link">
                            <label for="link-service">"Link a service"</label>
                            <div class="inline">
                                {choose_into("link-service", "Choose…", portfolio, pick_svc)}
                                <button type="button" on:click=add_svc>
                                    "Link service"
                                </button>
                            </div>
                        </div>
                    }
                        .into_any()
                }
            }}
            <p class="error" role="alert">
                {move || error.get()}
            </p>
        </Card>
    }
}

/// The button that removes one link, named for screen readers by what it
/// unlinks (`name`).
fn unlink_button(name: String, unlink: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button type="button" class="small" on:click=move |_| unlink()>
            "Unlink"
            <span class="visually-hidden">{format!(" {name}")}</span>
        </button>
    }
}
