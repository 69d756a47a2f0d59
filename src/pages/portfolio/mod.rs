//! Portfolio: where the organisation's services live, from idea to retirement.
//!
//! The page shows the three parts (pipeline, catalogue, retired) as lanes, a
//! sortable and filterable table whose settings live in the URL, completeness
//! hints, a printable catalogue and a CSV export. Every rule is in
//! [`clausebook_core::portfolio`]; this module only asks and shows.

mod catalogue;
mod decision;
mod hints;
mod lanes;
mod new_service;
mod service;
mod table;

use crate::app::AppState;
use crate::app::route;
use crate::platform::browser;
use crate::widgets::{NeedsWorkbook, PageIntro, clause_link};
use clausebook_core::portfolio::{self, Portfolio, PortfolioError, ServiceId};
use leptos::prelude::*;
use leptos_router::components::A;

pub use catalogue::CataloguePage;
pub(crate) use hints::HintList;
use hints::Hints;
use lanes::Lanes;
use new_service::NewServiceForm;
pub use service::ServicePage;
use table::ServiceTable;

/// Applies a portfolio change to a copy, and stores it only when every rule
/// holds; a refused change leaves the workbook (and autosave) untouched.
pub(super) fn apply<T>(
    state: AppState,
    change: impl FnOnce(&mut Portfolio) -> Result<T, PortfolioError>,
) -> Result<T, String> {
    let Some(mut portfolio) = state
        .workbook
        .with_untracked(|w| w.as_ref().map(|w| w.portfolio.clone()))
    else {
        return Err("Create a workbook on the Overview first.".into());
    };
    let out = change(&mut portfolio).map_err(|e| e.to_string())?;
    state.edit(|w| w.set_portfolio(portfolio, browser::now()));
    Ok(out)
}

pub(super) fn service_href(id: ServiceId) -> String {
    format!("/portfolio/{id}")
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

#[component]
pub fn PortfolioPage() -> impl IntoView {
    view! {
        <PageIntro title="Portfolio">
            "The service portfolio is the single list of every service you plan, run or have retired. Clause "
            {clause_link("8.2")}
            " asks you to manage it; "
            {clause_link("8.2.4")}
            " covers the catalogue your customers see."
        </PageIntro>
        <NeedsWorkbook purpose="record services" heading_id="no-workbook-title" title="No workbook yet">
            <Register />
        </NeedsWorkbook>
    }
    .into_any()
}

#[component]
fn Register() -> impl IntoView {
    let state = expect_context::<AppState>();
    let creating = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let export_csv = move |_| {
        let Some((name, text)) = state.workbook.with_untracked(|w| {
            w.as_ref().map(|w| {
                (
                    portfolio::csv_file_name(&w.organisation.name, browser::today()),
                    w.portfolio.to_csv(),
                )
            })
        }) else {
            return;
        };
        match browser::download(&name, &text, "text/csv;charset=utf-8") {
            Ok(()) => {
                error.set(None);
                message.set(Some(format!("Exported {name}.")));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <div class="actions portfolio-actions">
            <button
                type="button"
                class="primary"
                aria-expanded=move || creating.get().to_string()
                aria-controls="new-service"
                on:click=move |_| creating.update(|c| *c = !*c)
            >
                "New service"
            </button>
            <A href=route("/portfolio/catalogue") attr:class="button-link">
                "Service catalogue"
            </A>
            <button type="button" on:click=export_csv>
                "Export CSV"
            </button>
        </div>
        <p class="success" role="status">
            {move || message.get()}
        </p>
        <p class="error" role="alert">
            {move || error.get()}
        </p>
        <div id="new-service">
            {move || creating.get().then(|| view! { <NewServiceForm creating /> })}
        </div>
        <Hints />
        <Lanes />
        <ServiceTable />
    }
}
