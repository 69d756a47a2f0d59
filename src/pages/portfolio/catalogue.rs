//! The printable service catalogue: live services only, in the customers' words.

use super::plural;
use crate::app::AppState;
use crate::app::route;
use crate::platform::browser;
use crate::widgets::{NoWorkbook, column_heads};
use clausebook_core::portfolio::{self, Priority, Service, ServiceKind, Times};
use leptos::prelude::*;
use leptos_router::components::A;

/// The printable service catalogue: live services only, in the customers' words.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref().map(|w| {
                let live: Vec<Service> = w.portfolio.catalogue().into_iter().cloned().collect();
                (w.organisation.name.clone(), live)
            })
        })
    });
    let today = browser::today();
    let print = move |_| {
        let _ = gloo_utils::window().print();
    };
    move || {
        let Some((organisation, live)) = data.get() else {
            return view! {
                <h1>"Service catalogue"</h1>
                <NoWorkbook />
            }
            .into_any();
        };
        let (customer, supporting): (Vec<Service>, Vec<Service>) = live
            .into_iter()
            .partition(|s| s.kind == ServiceKind::CustomerFacing);
        let count = customer.len() + supporting.len();
        view! {
            <div class="catalogue">
                <div class="catalogue-toolbar no-print">
                    <A href=route("/portfolio")>"Back to the portfolio"</A>
                    <button type="button" class="primary" on:click=print>
                        "Print catalogue"
                    </button>
                </div>
                <header class="catalogue-header">
                    <p class="catalogue-org">{organisation.clone()}</p>
                    <h1>"Service catalogue"</h1>
                    <p class="catalogue-date">
                        "Issued " <time datetime=today.to_string()>{today.to_string()}</time> " · "
                        {plural(count, "live service", "live services")}
                    </p>
                </header>
                {(count == 0)
                    .then(|| {
                        view! {
                            <p>
                                "No services are live yet. Services appear here when they reach Live in the portfolio."
                            </p>
                        }
                    })}
                {catalogue_part("catalogue-customer", "Services for customers", None, customer)}
                {catalogue_part(
                    "catalogue-supporting",
                    "Supporting services",
                    Some("Services that the services above rely on; they are not offered on their own."),
                    supporting,
                )}
                <footer class="catalogue-footer">
                    {format!(
                        "{organisation} · Service catalogue · issued {today} · printed from Clausebook",
                    )}
                </footer>
            </div>
        }
        .into_any()
    }
}

/// One part of the catalogue under its heading, with a `hint` on what the
/// part holds; a part without services is left out.
fn catalogue_part(
    heading_id: &'static str,
    title: &'static str,
    hint: Option<&'static str>,
    services: Vec<Service>,
) -> impl IntoView {
    (!services.is_empty()).then(|| {
        view! {
            <section aria-labelledby=heading_id>
                <h2 id=heading_id>{title}</h2>
                {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
                {services
                    .into_iter()
                    .map(|s| view! { <CatalogueEntry service=s /> })
                    .collect_view()}
            </section>
        }
    })
}

#[component]
fn CatalogueEntry(service: Service) -> impl IntoView {
    let s = service;
    let or_dash = |t: &str| {
        if t.trim().is_empty() {
            "To be agreed".to_owned()
        } else {
            t.trim().to_owned()
        }
    };
    let has_times = Priority::ALL
        .into_iter()
        .any(|p| s.sla.times(p) != Times::default());
    let times = has_times.then(|| {
        let show = |m: Option<u32>| {
            m.map(|m| format!("{} h", portfolio::format_hours(m)))
                .unwrap_or_else(|| "—".into())
        };
        view! {
            <table class="catalogue-times">
                <caption>"Support targets"</caption>
                {column_heads(&["Priority", "First response within", "Resolved within"])}
                <tbody>
                    {Priority::ALL
                        .into_iter()
                        .filter(|p| s.sla.times(*p) != Times::default())
                        .map(|p| {
                            let t = s.sla.times(p);
                            view! {
                                <tr>
                                    <th scope="row">{format!("{} · {}", p.label(), p.meaning())}</th>
                                    <td>{show(t.response_minutes)}</td>
                                    <td>{show(t.resolution_minutes)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
    });
    view! {
        <article class="catalogue-entry" aria-labelledby=format!("entry-{}", s.id.0)>
            <h3 id=format!("entry-{}", s.id.0)>{s.name.clone()}</h3>
            <p class="catalogue-description">
                {if s.description.trim().is_empty() {
                    "Description to follow.".to_owned()
                } else {
                    s.description.clone()
                }}
            </p>
            <dl class="facts">
                <dt>"For"</dt>
                <dd>{or_dash(&s.customers)}</dd>
                <dt>"Available"</dt>
                <dd>{or_dash(&s.service_hours)}</dd>
                <dt>"Availability target"</dt>
                <dd>
                    {s
                        .sla
                        .availability
                        .map(|a| format!("{}%", portfolio::format_percent(a)))
                        .unwrap_or_else(|| "To be agreed".into())}
                </dd>
                <dt>"Service owner"</dt>
                <dd>{or_dash(&s.owner)}</dd>
                <dt>"Reference"</dt>
                <dd>{s.id.to_string()}</dd>
            </dl>
            {times}
        </article>
    }
}
