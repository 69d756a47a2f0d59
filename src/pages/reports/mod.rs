//! Reports: a page listing them with their exports, and one printable page
//! per report. The data comes from `clausebook_core::report`; this module only lays it out.

mod conformity;
mod export;
mod frame;
mod gaps;
mod registers;
mod review;
mod section;
mod summary;
mod table;

use crate::app::{AppState, route};
use crate::platform::browser;
use crate::widgets::{Missing, NoWorkbook};
use clausebook_core::report::{ReportHeader, ReportKind};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use conformity::conformity_view;
pub use export::Export;
use export::ExportButtons;
use frame::ReportFrame;
use gaps::gaps_view;
use registers::{documents_view, evidence_view};
use review::review_view;
use summary::summary_view;

#[component]
pub fn ReportsPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_workbook = Memo::new(move |_| state.workbook.with(Option::is_some));
    view! {
        <h1>"Reports"</h1>
        {move || {
            if !has_workbook.get() {
                return view! { <NoWorkbook /> }.into_any();
            }
            view! {
                <p class="lead">
                    "Each report opens as a page you can read here, print, or save as a PDF from the print dialogue (choose A4). Every printed page carries the organisation, the report date and the workbook's version."
                </p>
                <ul class="report-list">
                    {ReportKind::ALL
                        .into_iter()
                        .map(|k| {
                            view! {
                                <li class="card">
                                    <h2>
                                        <A href=route(&format!("/reports/{}", k.slug()))>{k.title()}</A>
                                    </h2>
                                    <p>{k.purpose()}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <section class="card" aria-labelledby="exports-title">
                    <h2 id="exports-title">"Exports for spreadsheets and documents"</h2>
                    <p class="hint">
                        "CSV files open in any spreadsheet; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. The Markdown gap report pastes into wikis and tickets."
                    </p>
                    <ExportButtons exports=&Export::ALL />
                </section>
            }
                .into_any()
        }}
    }
}

/// One report, addressed as `/reports/<slug>`.
#[component]
pub fn ReportPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let kind = Memo::new(move |_| {
        params
            .read()
            .get("report")
            .and_then(|s| ReportKind::from_slug(&s))
    });
    move || {
        let Some(kind) = kind.get() else {
            return view! {
                <Missing
                    title="No such report"
                    message="There is no report at this address.".to_owned()
                    back_href="/reports"
                    back_text="See all reports"
                />
            }
            .into_any();
        };
        let framework = state.framework();
        let today = browser::today();
        state.workbook.with(|w| match w {
            None => view! {
                <h1>{kind.title()}</h1>
                <NoWorkbook />
            }
            .into_any(),
            Some(wb) => {
                let header = ReportHeader::of(wb, framework, today);
                let body = match kind {
                    ReportKind::Summary => summary_view(wb, framework, today),
                    ReportKind::Gaps => gaps_view(wb, framework, today),
                    ReportKind::Conformity => conformity_view(wb, framework, today),
                    ReportKind::Evidence => evidence_view(wb, framework, today),
                    ReportKind::Documents => documents_view(wb, framework, today),
                    ReportKind::Review => review_view(wb, framework, today),
                };
                view! { <ReportFrame kind header body /> }.into_any()
            }
        })
    }
}
