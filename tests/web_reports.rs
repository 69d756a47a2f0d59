//! Browser tests (wasm-bindgen-test in headless Chromium) for the Reports pages.
#![cfg(target_arch = "wasm32")]

use clausebook::app::Workbench;
use clausebook::platform::browser;
use clausebook::platform::store;
use clausebook_core::assessment::{Finding, Status};
use clausebook_core::framework::{self, RequirementId};
use clausebook_core::improvement::{Kind, NewItem};
use clausebook_core::workbook::Workbook;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen_test::*;

mod support;
use support::*;

wasm_bindgen_test_configure!(run_in_browser);

fn req(id: &str) -> RequirementId {
    RequirementId(id.into())
}

/// 4.1 fully implemented; 8.5.1.1 not implemented with a major finding,
/// a note that looks like HTML, one evidence item and an open nonconformity.
fn sample() -> Workbook {
    let mut wb = Workbook::create(
        "Reports Ltd",
        "Hosting",
        framework::iso20000(),
        browser::now(),
    )
    .unwrap();
    wb.edit_assessment(&req("4.1"), browser::now(), |a| {
        a.status = Status::FullyImplemented
    });
    wb.edit_assessment(&req("8.5.1.1"), browser::now(), |a| {
        a.status = Status::NotImplemented;
        a.finding = Finding::MajorNonconformity;
        a.notes = "<img src=x onerror=alert(1)> no policy".into();
    });
    wb.evidence.add("Change policy", req("8.5.1.1")).unwrap();
    let mut nc = NewItem::titled("Changes skip approval");
    nc.kind = Kind::Nonconformity;
    nc.requirements = vec![req("8.5.1.1")];
    wb.improvements
        .raise(nc, browser::today(), browser::now())
        .unwrap();
    wb
}

async fn mount_at(path: &str, key: &'static str) -> (web_sys::HtmlElement, impl Drop) {
    store::remove(key).unwrap();
    set_path(path);
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(sample()) storage_key=key /> }
    });
    tick().await;
    (el, handle)
}

#[wasm_bindgen_test]
async fn summary_shows_readiness_gaps_and_open_nonconformities() {
    let _one_router_at_a_time = exclusive().await;
    let (el, handle) = mount_at("/reports/summary", "test.reports.summary").await;
    assert_eq!(text(&el, "h1"), "Executive summary");
    assert_eq!(text(&el, ".report-org"), "Reports Ltd");
    assert_eq!(text(&el, "[data-testid=report-ready]"), "2%");
    assert_eq!(all(&el, ".report-clauses tbody tr").len(), 7);
    let gaps = text(&el, ".report-gap-list");
    assert!(gaps.contains("Major nonconformity"), "{gaps}");
    assert!(gaps.contains("Not implemented"), "{gaps}");
    assert!(text(&el, ".report-ncs").contains("IMP-0001 Changes skip approval"));
    // The running header names the organisation and the report for print.
    assert!(text(&el, ".report-running-head").contains("Reports Ltd · Executive summary"));
    assert!(text(&el, ".report-running-foot").contains("Workbook as of "));
    drop(handle);
    set_path("/");
}

#[wasm_bindgen_test]
async fn gap_analysis_lists_every_requirement_and_keeps_notes_as_text() {
    let _one_router_at_a_time = exclusive().await;
    let (el, handle) = mount_at("/reports/gaps", "test.reports.gaps").await;
    assert_eq!(text(&el, "h1"), "Gap analysis");
    assert_eq!(all(&el, ".report-gap-table tbody tr").len(), 57);
    let row = all(&el, ".report-gap-table tbody tr")
        .into_iter()
        .find(|r| r.text_content().unwrap_or_default().starts_with("8.5.1.1 "))
        .expect("a row for 8.5.1.1");
    let row_text = row.text_content().unwrap();
    assert!(row_text.contains("Not implemented"));
    assert!(row_text.contains("Major nonconformity"));
    assert!(row_text.contains("EV-0001 Change policy"));
    assert!(row_text.contains("IMP-0001 Changes skip approval (Plan)"));
    assert!(row_text.contains("<img src=x onerror=alert(1)> no policy"));
    assert!(all(&el, ".report img").is_empty(), "the note is not HTML");
    assert!(
        all(&el, "button")
            .iter()
            .any(|b| b.text_content().as_deref() == Some("Export gap analysis Markdown"))
    );
    drop(handle);
    set_path("/");
}

#[wasm_bindgen_test]
async fn conformity_and_unknown_reports() {
    let _one_router_at_a_time = exclusive().await;
    let (el, handle) = mount_at("/reports/conformity", "test.reports.conformity").await;
    assert_eq!(text(&el, "[data-testid=overall]"), "Not fully assessed");
    let verdicts: Vec<String> = all(&el, ".report-verdicts tbody tr")
        .iter()
        .map(|r| r.text_content().unwrap_or_default())
        .collect();
    assert_eq!(verdicts.len(), 7);
    assert!(verdicts[0].contains("Not fully assessed"));
    drop(handle);

    let (el, handle) = mount_at("/reports/nope", "test.reports.nope").await;
    assert_eq!(text(&el, "h1"), "No such report");
    drop(handle);
    set_path("/");
}
