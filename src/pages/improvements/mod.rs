//! Improvements: the PDCA improvement log as a board and a table, and one
//! page per item. Every rule lives in `clausebook_core::improvement`; these
//! modules only show it and report refusals.

mod board;
mod cycle;
mod edit;
mod filters;
mod item;
mod log;
mod raise;
mod table;

use crate::widgets::{NeedsWorkbook, PageIntro, clause_pair};
use clausebook_core::calendar::IsoDate;
use clausebook_core::improvement::{ImprovementId, ImprovementItem};
use leptos::prelude::*;

use board::Board;
use cycle::CycleExplainer;
pub(crate) use edit::raise;
use edit::{edit_log, try_move};
use filters::Filters;
pub use item::ImprovementPage;
use log::ImprovementLogView;
use raise::RaiseForm;
use table::Table;

/// The address of an item's own page.
pub fn item_href(id: ImprovementId) -> String {
    format!("/improvements/{id}")
}

fn target_view(item: &ImprovementItem, today: IsoDate) -> impl IntoView + use<> {
    target_cell(item.target_date, item.is_overdue(today))
}

/// Target date, with an "Overdue" badge when it has passed.
fn target_cell(target: Option<IsoDate>, overdue: bool) -> impl IntoView + use<> {
    let date = target.map(|d| d.to_string());
    view! {
        {date.unwrap_or_else(|| "—".to_owned())}
        {overdue.then(|| view! { " " <span class="badge overdue">"Overdue"</span> })}
    }
}

#[component]
pub fn ImprovementsPage() -> impl IntoView {
    view! {
        <PageIntro title="Improvements">
            "Auditors look hardest at how you learn from what goes wrong. Every nonconformity, corrective action and improvement idea goes round the same Plan–Do–Check–Act cycle that structures the standard itself (clause "
            {clause_pair("10.1", "10.2")}
            ")."
        </PageIntro>
        <NeedsWorkbook purpose="keep an improvement log">
            <RaiseForm />
            <ImprovementLogView />
        </NeedsWorkbook>
        <CycleExplainer />
    }
    .into_any()
}
