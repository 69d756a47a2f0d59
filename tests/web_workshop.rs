//! Browser tests (wasm-bindgen-test in headless Chromium) for the workshop
//! pages: progress over time, comparing workbooks, trainer notes.
#![cfg(target_arch = "wasm32")]

use clausebook::app::Workbench;
use clausebook::platform::browser;
use clausebook::platform::store;
use clausebook_core::assessment::Status;
use clausebook_core::file::schema;
use clausebook_core::framework;
use clausebook_core::sample;
use clausebook_core::workbook::Workbook;
use gloo_timers::future::TimeoutFuture;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod support;
use support::*;

wasm_bindgen_test_configure!(run_in_browser);

fn export(name: &str, statuses: &[(&str, Status)]) -> String {
    let mut wb = Workbook::create(name, "", framework::iso20000(), browser::now()).unwrap();
    for (id, status) in statuses {
        wb.edit_assessment(&(*id).into(), browser::now(), |a| a.status = *status);
    }
    schema::to_export_json(&wb, browser::now())
}

/// Puts files into a file input as if the user had chosen them.
fn choose_files(input: &web_sys::Element, files: &[(&str, String)]) {
    let names = js_sys::Array::new();
    let texts = js_sys::Array::new();
    for (name, text) in files {
        names.push(&JsValue::from_str(name));
        texts.push(&JsValue::from_str(text));
    }
    let f = js_sys::Function::new_with_args(
        "input, names, texts",
        "const dt = new DataTransfer();
         names.forEach((n, i) => dt.items.add(new File([texts[i]], n, { type: 'application/json' })));
         input.files = dt.files;
         input.dispatchEvent(new Event('change', { bubbles: true }));",
    );
    f.call3(&JsValue::NULL, input, &names, &texts).unwrap();
}

#[wasm_bindgen_test]
async fn progress_marks_a_baseline_and_compares_the_sample() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.workshop.progress";
    store::remove(key).unwrap();
    set_path("/progress");
    let el = container();
    let wb = sample::workbook(browser::now(), browser::today());
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(wb) storage_key=key /> }
    });
    tick().await;
    assert!(text(&el, ".baseline-table tbody").contains("Gap analysis"));
    let summary = text(&el, "[data-testid=change-summary]");
    assert!(summary.contains(" 1 worsened"), "{summary}");
    let worsened = all(&el, ".change-table tr.change-worsened");
    assert_eq!(worsened.len(), 1);
    assert!(worsened[0].text_content().unwrap().contains("↓ Worsened"));
    assert_eq!(
        all(&el, ".series-table tbody tr").len(),
        2,
        "baseline and now"
    );

    // A blank name is refused in words.
    button(&el, "Mark baseline").click();
    tick().await;
    assert_eq!(text(&el, "#baseline-error"), "Give the baseline a title.");
    type_into(&el, "#baseline-name", "Stage 1 audit");
    button(&el, "Mark baseline").click();
    tick().await;
    assert_eq!(text(&el, "#baseline-error"), "");
    assert_eq!(all(&el, ".baseline-table tbody tr").len(), 2);
    // The new baseline is chosen: nothing changed since it.
    assert!(text(&el, "[data-testid=change-summary]").starts_with("0 improved, 0 worsened"));
    assert_eq!(all(&el, ".series-table tbody tr").len(), 3);
    TimeoutFuture::new(400).await;
    assert_eq!(stored(key).baselines.len(), 2);

    // Deleting asks first.
    button(&el, "Delete").click();
    tick().await;
    button(&el, "Yes, delete").click();
    tick().await;
    assert_eq!(all(&el, ".baseline-table tbody tr").len(), 1);
    drop(handle);
    store::remove(key).unwrap();
    set_path("/");
}

#[wasm_bindgen_test]
async fn compare_loads_files_counts_statuses_and_never_saves() {
    use Status::*;
    let _one_router_at_a_time = exclusive().await;
    let key = "test.workshop.compare";
    store::remove(key).unwrap();
    set_path("/compare");
    let el = container();
    let own = Workbook::create("Own Ltd", "", framework::iso20000(), browser::now()).unwrap();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(own) storage_key=key /> }
    });
    tick().await;
    let input = el.query_selector("input[type=file]").unwrap().unwrap();
    choose_files(
        &input,
        &[
            (
                "a.json",
                export(
                    "Team A",
                    &[("4.1", FullyImplemented), ("4.2", NotImplemented)],
                ),
            ),
            (
                "b.json",
                export(
                    "Team B",
                    &[("4.1", FullyImplemented), ("4.2", LargelyImplemented)],
                ),
            ),
            ("bad.json", "{not json".to_owned()),
        ],
    );
    TimeoutFuture::new(300).await;
    tick().await;
    assert!(
        text(&el, "[data-testid=compare-errors]")
            .starts_with("bad.json: The text is not valid JSON")
    );
    assert!(
        el.text_content()
            .unwrap()
            .contains("Loaded 2 workbooks; skipped 1 file")
    );
    let heads: Vec<String> = all(&el, ".compare-table thead th")
        .iter()
        .map(|h| h.text_content().unwrap())
        .collect();
    assert_eq!(heads[1], "a.json (Team A)");
    assert_eq!(heads[2], "b.json (Team B)");
    let differing = all(&el, ".compare-table tbody tr.differs");
    assert_eq!(differing.len(), 1);
    let row = differing[0].text_content().unwrap();
    assert!(row.starts_with("4.2"), "{row}");
    assert!(row.contains("≠ Differs"));
    assert_eq!(
        text(&el, "[data-testid=difference-summary]")
            .split(' ')
            .next(),
        Some("1")
    );

    // Only differences.
    let only = el.query_selector("#only-differences").unwrap().unwrap();
    only.unchecked_ref::<web_sys::HtmlInputElement>()
        .set_checked(true);
    input_event(&only, "change");
    tick().await;
    assert_eq!(all(&el, ".compare-table tbody tr").len(), 1);

    // Removing a participant leaves nothing to disagree about.
    button(&el, "Remove").click();
    tick().await;
    assert_eq!(all(&el, ".compare-table tbody tr").len(), 0);
    TimeoutFuture::new(400).await;
    assert!(
        store::read_raw(key).is_none(),
        "comparing writes nothing to storage"
    );
    drop(handle);
    set_path("/");
}

#[wasm_bindgen_test]
async fn locked_trainer_notes_are_read_only_until_unlocked() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.workshop.trainer";
    store::remove(key).unwrap();
    let fw = framework::iso20000();
    let mut wb = Workbook::create("Course Ltd", "", fw, browser::now()).unwrap();
    wb.trainer_notes
        .set(
            fw,
            &"4.1".into(),
            "List three external issues <b>first</b>.",
        )
        .unwrap();
    wb.trainer_notes.lock();

    set_path("/clauses/4.1");
    let el = container();
    let initial = wb.clone();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(initial) storage_key=key /> }
    });
    tick().await;
    let html = el
        .query_selector(".trainer-note")
        .unwrap()
        .map(|n| n.outer_html())
        .unwrap_or_default();
    assert_eq!(
        text(&el, ".trainer-note .trainer-text"),
        "List three external issues <b>first</b>.",
        "shown as text, never as HTML: {html}"
    );
    assert!(text(&el, ".trainer-note").contains("cannot be changed here"));
    assert!(
        el.query_selector(".trainer-note textarea")
            .unwrap()
            .is_none()
    );
    drop(handle);

    set_path("/data");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(wb) storage_key=key /> }
    });
    tick().await;
    assert!(text(&el, "[data-testid=trainer-lock-state]").starts_with("Locked"));
    assert!(el.query_selector("#trainer-text").unwrap().is_none());
    button(&el, "Unlock trainer notes").click();
    tick().await;
    TimeoutFuture::new(50).await;
    let area = el
        .query_selector("#trainer-text")
        .unwrap()
        .expect("editor shown when unlocked");
    let area: web_sys::HtmlTextAreaElement = area.unchecked_into();
    assert_eq!(area.value(), "List three external issues <b>first</b>.");
    area.set_value("Work in pairs.");
    input_event(&area, "input");
    tick().await;
    button(&el, "Lock trainer notes").click();
    tick().await;
    TimeoutFuture::new(400).await;
    let saved = stored(key);
    assert!(saved.trainer_notes.locked);
    assert_eq!(
        saved.trainer_notes.get(&"4.1".into()),
        Some("Work in pairs.")
    );
    drop(handle);
    store::remove(key).unwrap();
    set_path("/");
}
