//! Browser tests (wasm-bindgen-test in headless Chromium) for the improvements
//! page's components, each mounted into its own element with its own storage key.
#![cfg(target_arch = "wasm32")]

use clausebook::app::Workbench;
use clausebook::platform::store;
use clausebook_core::calendar::IsoDate;
use clausebook_core::framework;
use clausebook_core::improvement::{ImprovementId, NewItem, Stage};
use clausebook_core::workbook::Workbook;
use gloo_timers::future::TimeoutFuture;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlTextAreaElement;

mod support;
use support::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sample() -> Workbook {
    Workbook::create(
        "Improve Ltd",
        "Hosting",
        framework::iso20000(),
        clausebook::platform::browser::now(),
    )
    .unwrap()
}

fn with_items(n: usize) -> Workbook {
    let mut wb = sample();
    for i in 0..n {
        let mut new = NewItem::titled(&format!("Item {}", i + 1));
        new.requirements = vec!["10.1".into()];
        if i == 0 {
            new.target_date = Some(IsoDate::new(2020, 1, 31).unwrap());
        }
        wb.improvements
            .raise(
                new,
                clausebook::platform::browser::today(),
                clausebook::platform::browser::now(),
            )
            .unwrap();
    }
    wb
}

#[wasm_bindgen_test]
async fn item_page_refuses_a_move_with_its_reason_then_allows_it() {
    let _guard = exclusive().await;
    let key = "test.improvement.item";
    store::remove(key).unwrap();
    set_path("/improvements/IMP-0001");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(with_items(1)) storage_key=key /> }
    });
    tick().await;
    assert_eq!(text(&el, "h1"), "IMP-0001 Item 1");
    assert!(text(&el, ".stage-now").starts_with("IMP-0001 is in Plan."));

    button(&el, "Move to Do").click();
    tick().await;
    let refusal = text(&el, ".refusal-message");
    assert!(refusal.contains("cannot move to Do yet"), "{refusal}");
    // Nothing changed, so nothing was saved.
    TimeoutFuture::new(400).await;
    assert!(nothing_stored(key));

    for (id, value) in [
        ("#plan-problem", "Restores are untested"),
        ("#plan-actions", "Monthly restore test"),
    ] {
        let area: HtmlTextAreaElement = el.query_selector(id).unwrap().unwrap().unchecked_into();
        area.set_value(value);
        input_event(&area, "input");
    }
    tick().await;
    button(&el, "Move to Do").click();
    tick().await;
    assert!(text(&el, ".stage-now").starts_with("IMP-0001 is in Do."));
    assert_eq!(text(&el, ".refusal-message"), "");
    // The Plan record is locked now; Do is open.
    let plan: HtmlTextAreaElement = el
        .query_selector("#plan-problem")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(plan.read_only());
    let doing: HtmlTextAreaElement = el
        .query_selector("#do-actions")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(!doing.read_only());
    // History shows both entries, newest first.
    let history = text(&el, ".history-list");
    assert!(history.contains("Plan → Do"), "{history}");
    assert!(history.contains("Raised in Plan"), "{history}");

    TimeoutFuture::new(400).await;
    let item = stored(key).improvements.items[0].clone();
    assert_eq!(item.stage, Stage::Do);
    assert_eq!(item.plan.problem, "Restores are untested");
    assert_eq!(item.history.len(), 2);
    drop(handle);
    store::remove(key).unwrap();
    set_path("/");
}

#[wasm_bindgen_test]
async fn board_moves_cards_by_button_and_shows_refusals() {
    let _guard = exclusive().await;
    let key = "test.improvement.board";
    store::remove(key).unwrap();
    set_path("/improvements");
    let mut wb = with_items(2);
    wb.improvements
        .edit_plan(ImprovementId(2), |p| {
            p.problem = "p".into();
            p.planned_actions = "a".into();
        })
        .unwrap();
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(wb.clone()) storage_key=key /> }
    });
    tick().await;
    let plan_column = || text(&el, ".column-plan");
    assert!(plan_column().contains("IMP-0001"));
    assert!(plan_column().contains("IMP-0002"));
    // Overdue stands out on the card.
    let card = el
        .query_selector("[data-item=\"IMP-0001\"]")
        .unwrap()
        .unwrap();
    assert!(card.class_list().contains("is-overdue"));
    assert!(card.text_content().unwrap().contains("Overdue"));

    // Refused: IMP-0001 has no plan yet.
    button(&el, "Move IMP-0001 to Do").click();
    tick().await;
    let refusal = text(&el, "#board-refusal");
    assert!(
        refusal.contains("IMP-0001 cannot move to Do yet"),
        "{refusal}"
    );
    assert!(plan_column().contains("IMP-0001"));

    // Allowed: IMP-0002 has one.
    button(&el, "Move IMP-0002 to Do").click();
    tick().await;
    assert!(text(&el, ".column-do").contains("IMP-0002"));
    assert!(!plan_column().contains("IMP-0002"));
    assert_eq!(text(&el, "#board-refusal"), "");
    TimeoutFuture::new(400).await;
    assert_eq!(
        stored(key)
            .improvements
            .get(ImprovementId(2))
            .unwrap()
            .stage,
        Stage::Do
    );
    drop(handle);
    store::remove(key).unwrap();
    set_path("/");
}

#[wasm_bindgen_test]
async fn requirement_page_lists_open_items_and_raises_a_linked_one() {
    let _guard = exclusive().await;
    let key = "test.improvement.requirement";
    store::remove(key).unwrap();
    set_path("/clauses/10.1");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(with_items(1)) storage_key=key /> }
    });
    tick().await;
    let section = text(&el, ".requirement-improvements");
    assert!(section.contains("IMP-0001 Item 1"), "{section}");
    button(&el, "Raise improvement").click();
    tick().await;
    TimeoutFuture::new(50).await;
    assert_eq!(
        gloo_utils::window().location().pathname().unwrap(),
        "/improvements/IMP-0002"
    );
    assert!(text(&el, "h1").starts_with("IMP-0002 Improvement for 10.1"));
    TimeoutFuture::new(400).await;
    let saved = stored(key);
    assert_eq!(
        saved
            .improvements
            .get(ImprovementId(2))
            .unwrap()
            .requirements,
        vec!["10.1".into()]
    );
    drop(handle);
    store::remove(key).unwrap();
    set_path("/");
}

#[wasm_bindgen_test]
async fn overview_shows_overdue_items_and_nothing_when_there_are_none() {
    let _guard = exclusive().await;
    let key = "test.improvement.overview";
    store::remove(key).unwrap();
    set_path("/");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(with_items(2)) storage_key=key /> }
    });
    tick().await;
    let card = text(&el, ".overdue-card");
    assert!(card.contains("IMP-0001 Item 1"), "{card}");
    assert!(!card.contains("IMP-0002"), "{card}");
    drop(handle);

    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(sample()) storage_key=key /> }
    });
    tick().await;
    assert!(el.query_selector(".overdue-card").unwrap().is_none());
    assert!(el.query_selector("#overdue-title").unwrap().is_none());
    drop(handle);
    store::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn item_page_follows_a_link_to_another_item() {
    let _guard = exclusive().await;
    let key = "test.improvement.params";
    store::remove(key).unwrap();
    set_path("/improvements/IMP-0001");
    let mut wb = with_items(2);
    wb.improvements.items[1].follow_up_of = Some(ImprovementId(1));
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(wb.clone()) storage_key=key /> }
    });
    tick().await;
    assert_eq!(text(&el, "h1"), "IMP-0001 Item 1");
    assert!(
        el.query_selector("a[href=\"/improvements/IMP-0002\"]")
            .unwrap()
            .is_some(),
        "a link to the follow-up"
    );
    // Go there as the router does on back/forward: only the `:id` changes.
    // (Clicking would also reach the routers of earlier tests in this page.)
    set_path("/improvements/IMP-0002");
    let popstate = web_sys::Event::new("popstate").unwrap();
    gloo_utils::window().dispatch_event(&popstate).unwrap();
    tick().await;
    TimeoutFuture::new(50).await;
    assert_eq!(text(&el, "h1"), "IMP-0002 Item 2");
    assert!(text(&el, ".stage-now").starts_with("IMP-0002 is in Plan."));
    drop(handle);
    store::remove(key).unwrap();
    set_path("/");
}

#[wasm_bindgen_test]
async fn table_shows_one_page_of_rows_at_a_time() {
    let _guard = exclusive().await;
    let key = "test.improvement.pages";
    store::remove(key).unwrap();
    set_path("/improvements?view=table");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(with_items(250)) storage_key=key /> }
    });
    tick().await;
    let rows = || all(&el, ".improvement-table tbody tr");
    assert_eq!(rows().len(), 100, "the first page only");
    assert_eq!(
        text(&el, ".pager [role=status]"),
        "Page 1 of 3: items 1–100 of 250"
    );
    let previous = button(&el, "Previous page");
    assert!(
        previous.has_attribute("disabled"),
        "no page before the first"
    );

    button(&el, "Next page").click();
    tick().await;
    button(&el, "Next page").click();
    tick().await;
    assert_eq!(rows().len(), 50);
    assert!(rows()[0].text_content().unwrap().starts_with("IMP-0201"));
    assert_eq!(
        text(&el, ".pager [role=status]"),
        "Page 3 of 3: items 201–250 of 250"
    );
    assert!(button(&el, "Next page").has_attribute("disabled"));

    button(&el, "Previous page").click();
    tick().await;
    assert!(rows()[0].text_content().unwrap().starts_with("IMP-0101"));
    drop(handle);
    store::remove(key).unwrap();
    set_path("/");
}

#[wasm_bindgen_test]
async fn search_filters_at_once_and_reaches_the_url_once_typing_pauses() {
    let _guard = exclusive().await;
    let key = "test.improvement.search";
    store::remove(key).unwrap();
    set_path("/improvements?view=table");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(with_items(250)) storage_key=key /> }
    });
    tick().await;
    let rows = || all(&el, ".improvement-table tbody tr");
    let search = || gloo_utils::window().location().search().unwrap();
    assert_eq!(rows().len(), 100);

    type_into(&el, "#filter-search", "item 12");
    tick().await;
    // "Item 12" and "Item 120"–"Item 129".
    assert_eq!(rows().len(), 11, "the table follows each keystroke");
    assert_eq!(text(&el, "p.count"), "Showing 11 of 250 items.");
    assert_eq!(search(), "?view=table", "the URL waits for a pause");
    type_into(&el, "#filter-search", "item 125");
    tick().await;
    assert_eq!(rows().len(), 1);
    TimeoutFuture::new(600).await;
    assert_eq!(
        search(),
        "?q=item%20125&view=table",
        "the latest search, once"
    );
    assert_eq!(rows().len(), 1);

    // A new address wins over a search not yet written to it.
    type_into(&el, "#filter-search", "item 2");
    tick().await;
    set_path("/improvements?q=item%2012&view=table");
    let popstate = web_sys::Event::new("popstate").unwrap();
    gloo_utils::window().dispatch_event(&popstate).unwrap();
    tick().await;
    TimeoutFuture::new(600).await;
    assert_eq!(search(), "?q=item%2012&view=table");
    assert_eq!(rows().len(), 11);
    drop(handle);
    store::remove(key).unwrap();
    set_path("/");
}
