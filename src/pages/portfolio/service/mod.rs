//! One service's page: its fields, lifecycle moves, links and history.

mod dependencies;
mod details;
mod history;
mod improvements;
mod lifecycle;
mod requirements;
mod sla;

use crate::widgets::lifecycle_badge;
use crate::widgets::{Absent, ItemHeading, clause_pair, item_page};
use clausebook_core::portfolio::{Service, ServiceId};
use dependencies::DependenciesCard;
use details::DetailsCard;
use history::HistoryCard;
use improvements::ImprovementsCard;
use leptos::prelude::*;
use lifecycle::LifecycleCard;
use requirements::RequirementsCard;
use sla::SlaCard;

/// One service: its fields, lifecycle moves and history.
#[component]
pub fn ServicePage() -> impl IntoView {
    item_page(
        |w, id: ServiceId| w.portfolio.get(id),
        Absent {
            title: "No such service",
            none_such: "The portfolio has no service",
            back_href: "/portfolio",
            back_text: "See all services",
        },
        None,
        |id, service| view! { <ServiceView id service /> }.into_any(),
    )
}

#[component]
fn ServiceView(id: ServiceId, service: ServiceMemo) -> impl IntoView {
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
                            {clause_pair("8.2.4", "8.3.3")}
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
