//! Browser tests (wasm-bindgen-test in headless Chromium) for issue #9: the
//! framework choice, FitSM requirement pages and "Also serves".
#![cfg(target_arch = "wasm32")]

use clausebook::app::Workbench;
use clausebook::platform::browser;
use clausebook::platform::store;
use clausebook::widgets::FrameworkChoice;
use clausebook_core::framework::{self, Framework};
use clausebook_core::workbook::Workbook;
use gloo_timers::future::TimeoutFuture;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

mod support;
use support::*;

wasm_bindgen_test_configure!(run_in_browser);

fn workbook(fw: &Framework) -> Workbook {
    Workbook::create("Lakeside Research Computing", "", fw, browser::now()).unwrap()
}

fn radio(el: &HtmlElement, id: &str) -> HtmlInputElement {
    el.query_selector(&format!("input[type=radio][value=\"{id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no radio for {id}"))
        .unchecked_into()
}

fn choose(input: &HtmlInputElement) {
    input.set_checked(true);
    input_event(input, "change");
}

#[wasm_bindgen_test]
async fn framework_choice_offers_both_and_reports_the_pick() {
    let el = container();
    let selected = RwSignal::new(framework::iso20000());
    let handle = mount_to(el.clone(), move || view! { <FrameworkChoice selected /> });
    tick().await;
    assert_eq!(text(&el, "legend"), "Framework");
    let labels: Vec<String> = all(&el, "label")
        .iter()
        .map(|l| l.text_content().unwrap_or_default())
        .collect();
    assert_eq!(labels, ["ISO/IEC 20000-1:2018", "FitSM-1 (3.0)"]);
    assert!(radio(&el, "iso20000-1-2018").checked());
    choose(&radio(&el, "fitsm-1-3.0"));
    tick().await;
    assert_eq!(selected.get_untracked().id, framework::fitsm1().id);
    assert!(!radio(&el, "iso20000-1-2018").checked());
    drop(handle);
}

#[wasm_bindgen_test]
async fn framework_choice_describes_each_radio_by_its_scale() {
    let el = container();
    let selected = RwSignal::new(framework::iso20000());
    let handle = mount_to(
        el.clone(),
        move || view! { <FrameworkChoice selected id_prefix="pick" /> },
    );
    tick().await;
    for f in framework::all() {
        let input = radio(&el, &f.id.0);
        assert_eq!(input.name(), "pick");
        let hint_id = input
            .get_attribute("aria-describedby")
            .expect("the radio has a hint");
        assert_eq!(hint_id, format!("pick-{}-hint", f.id));
        let hint = el
            .query_selector(&format!("[id=\"{hint_id}\"]"))
            .unwrap()
            .expect("the hint the radio points at");
        assert_eq!(
            hint.text_content().unwrap_or_default(),
            format!(
                "{} · rated on the {} (0–{})",
                f.subtitle,
                f.capability_scale.name,
                f.capability_scale.max()
            )
        );
    }
    drop(handle);
}

#[wasm_bindgen_test]
async fn welcome_form_creates_a_fitsm_workbook_with_attribution() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.frameworks.welcome";
    store::remove(key).unwrap();
    set_path("/");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=None storage_key=key /> }
    });
    tick().await;
    assert!(el.query_selector("footer .attribution").unwrap().is_none());
    type_into(&el, "#org-name", "Lakeside Research Computing");
    choose(&radio(&el, "fitsm-1-3.0"));
    button(&el, "Create workbook").click();
    tick().await;
    assert!(text(&el, ".brand-sub").contains("FitSM-1 (3.0)"));
    let attribution = text(&el, "footer .attribution");
    assert!(attribution.contains("ITEMO"), "{attribution}");
    let link = el
        .query_selector("footer .attribution a")
        .unwrap()
        .expect("a licence link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://creativecommons.org/licenses/by/4.0/")
    );
    TimeoutFuture::new(400).await;
    assert_eq!(stored(key).framework.id, framework::fitsm1().id);
    drop(handle);
    store::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn fitsm_requirement_page_shows_its_text_and_levels_0_to_4() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.frameworks.fitsm";
    store::remove(key).unwrap();
    set_path("/clauses/PR12.3");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(workbook(framework::fitsm1())) storage_key=key /> }
    });
    tick().await;
    assert!(text(&el, "h1").contains("PR12.3"));
    assert!(text(&el, ".requirement-text blockquote").starts_with("Changes shall be assessed"));
    assert!(text(&el, ".requirement-text .attribution").contains("CC BY 4.0"));
    assert!(el.query_selector(".also-serves").unwrap().is_none());
    let target: HtmlSelectElement = el
        .query_selector("#capability-target")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let options: Vec<String> = all(&target, "option")
        .iter()
        .map(|o| o.get_attribute("value").unwrap_or_default())
        .collect();
    assert_eq!(
        options,
        ["", "0", "1", "2", "3", "4"],
        "no level 5 on FitSM"
    );
    target.set_value("4");
    input_event(&target, "change");
    tick().await;
    assert!(text(&el, "#capability-target-meaning").starts_with("Measured against goals"));
    TimeoutFuture::new(400).await;
    let saved = stored(key);
    let level = saved.assessments[&"PR12.3".into()].capability.target();
    assert_eq!(level.map(|l| l.number()), Some(4));
    drop(handle);
    store::remove(key).unwrap();
    set_path("/");
}

#[wasm_bindgen_test]
async fn iso_requirement_pages_name_their_counterparts_by_topic() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.frameworks.iso";
    store::remove(key).unwrap();
    for (path, expected) in [
        ("/clauses/10.1", Some(["10.2", "10.2"])),
        ("/clauses/10.2", Some(["10.3", "10.1"])),
        ("/clauses/8.6.1", None),
    ] {
        set_path(path);
        let el = container();
        let handle = mount_to(el.clone(), move || {
            view! { <Workbench initial=Some(workbook(framework::iso20000())) storage_key=key /> }
        });
        tick().await;
        let section = el.query_selector(".also-serves").unwrap();
        match expected {
            Some(numbers) => {
                let section = section.unwrap_or_else(|| panic!("no Also serves on {path}"));
                let headings: Vec<String> = all(&section, "h3")
                    .iter()
                    .map(|h| h.text_content().unwrap_or_default())
                    .collect();
                assert_eq!(headings, ["ISO 9001:2015", "ISO/IEC 27001:2022"], "{path}");
                let found: Vec<String> = all(&section, "li .num")
                    .iter()
                    .map(|n| n.text_content().unwrap_or_default())
                    .collect();
                assert_eq!(found, numbers, "{path}");
            }
            None => assert!(section.is_none(), "Also serves on {path}"),
        }
        // ISO keeps level 5.
        assert_eq!(all(&el, "#capability-current option").len(), 7, "{path}");
        drop(handle);
    }
    store::remove(key).unwrap();
    set_path("/");
}
