//! One service's page: its fields, lifecycle moves, links and history.

mod dependencies;
mod details;
mod history;
mod improvements;
mod lifecycle;
mod requirements;
mod sla;

use crate::app::AppState;
use crate::app::route;
use crate::widgets::lifecycle_badge;
use crate::widgets::{Absent, ItemHeading, item_page};
use clausebook_core::portfolio::{Service, ServiceId};
use dependencies::DependenciesCard;
use details::DetailsCard;
use history::HistoryCard;
use improvements::ImprovementsCard;
use leptos::prelude::*;
use leptos_router::components::A;
use lifecycle::LifecycleCard;
use requirements::RequirementsCard;
use sla::SlaCard;

/// One service: its fields, lifecycle moves and history.
#[component]
pub fn ServicePage() -> impl IntoView {
    item_page(
        |w, id: ServiceId| w.portfolio.get(id).is_some(),
        Absent {
            title: "No such service",
            none_such: "The portfolio has no service",
            back_href: "/portfolio",
            back_text: "See all services",
        },
        None,
        |id| view! { <ServiceView id /> }.into_any(),
    )
}

#[component]
fn ServiceView(id: ServiceId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let service = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().and_then(|w| w.portfolio.get(id)).cloned())
    });
    let field =
        move |f: fn(&Service) -> String| service.with(|s| s.as_ref().map(f).unwrap_or_default());
    view! {
        <ItemHeading
            list_href="/portfolio"
            list_label="Portfolio"
            id=id.to_string()
            title=Signal::derive(move || field(|s| s.name.clone()))
        />
        <p class="meta">
            {move || {
                service
                    .with(|s| s.as_ref().map(|s| (s.status, s.kind)))
                    .map(|(status, kind)| {
                        view! {
                            {lifecycle_badge(status)}
                            " "
                            {format!("{} part · {}", status.part().label(), kind.label())}
                        }
                    })
            }}
        </p>
        {move || {
            let gaps = service.with(|s| s.as_ref().map(Service::gaps).unwrap_or_default());
            (!gaps.is_empty())
                .then(|| {
                    let text = gaps.iter().map(|g| g.label()).collect::<Vec<_>>().join(", ");
                    view! {
                        <p class="warning" data-testid="service-gaps">
                            {format!("This live service has {text}. Auditors check these under ")}
                            <A href=route("/clauses/8.2.4")>"8.2.4"</A>
                            " and "
                            <A href=route("/clauses/8.3.3")>"8.3.3"</A>
                            "."
                        </p>
                    }
                })
        }}
        <div class="service-layout">
            <div class="service-main">
                <LifecycleCard id service />
                <DetailsCard id service />
            </div>
            <div class="service-side">
                <SlaCard id service />
                <DependenciesCard id service />
                <RequirementsCard id service />
                <ImprovementsCard id />
                <HistoryCard service />
            </div>
        </div>
    }
    .into_any()
}

type ServiceMemo = Memo<Option<Service>>;
