//! Browser tests (wasm-bindgen-test in headless Chromium) for the portfolio page's components.
#![cfg(target_arch = "wasm32")]

use clausebook::app::Workbench;
use clausebook::platform::browser;
use clausebook::platform::store;
use clausebook_core::framework;
use clausebook_core::portfolio::{Decision, Lifecycle, ServiceId, ServiceKind};
use clausebook_core::workbook::Workbook;
use gloo_timers::future::TimeoutFuture;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen_test::*;

mod support;
use support::*;

wasm_bindgen_test_configure!(run_in_browser);

fn decision(why: &str) -> Decision {
    Decision {
        who: "Sam Patel".into(),
        why: why.into(),
        on: browser::today(),
    }
}

/// A workbook with a live supporting Directory (SVC-0001) that a live Email
/// (SVC-0002) depends on, and a proposed Backup (SVC-0003).
fn sample() -> Workbook {
    let mut wb =
        Workbook::create("Portfolio Ltd", "", framework::iso20000(), browser::now()).unwrap();
    let p = &mut wb.portfolio;
    let dir = p
        .propose(
            "Directory",
            ServiceKind::Supporting,
            decision("x"),
            browser::now(),
        )
        .unwrap();
    let email = p
        .propose(
            "Email",
            ServiceKind::CustomerFacing,
            decision("x"),
            browser::now(),
        )
        .unwrap();
    p.propose(
        "Backup",
        ServiceKind::CustomerFacing,
        decision("x"),
        browser::now(),
    )
    .unwrap();
    p.add_dependency(email, dir).unwrap();
    for id in [dir, email] {
        for step in [
            Lifecycle::Approved,
            Lifecycle::Designed,
            Lifecycle::Built,
            Lifecycle::InTransition,
            Lifecycle::Live,
        ] {
            p.move_service(id, step, decision("step"), browser::now())
                .unwrap();
        }
    }
    wb
}

#[wasm_bindgen_test]
async fn lanes_show_counts_and_new_service_creates_one() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.portfolio.lanes";
    store::remove(key).unwrap();
    set_path("/portfolio");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(sample()) storage_key=key /> }
    });
    tick().await;
    assert_eq!(text(&el, "#lane-pipeline"), "Pipeline 1 service");
    assert_eq!(text(&el, "#lane-catalogue"), "Catalogue 2 services");
    assert_eq!(text(&el, "#lane-retired"), "Retired 0 services");
    assert_eq!(all(&el, "table.services tbody tr").len(), 3);

    button(&el, "New service").click();
    tick().await;
    // A blank name is refused in words.
    button(&el, "Create service").click();
    tick().await;
    assert!(
        el.text_content()
            .unwrap()
            .contains("Give the service a name."),
    );
    type_into(&el, "#new-service-name", "Web hosting");
    button(&el, "Create service").click();
    tick().await;
    TimeoutFuture::new(50).await;
    assert_eq!(
        gloo_utils::window().location().pathname().unwrap(),
        "/portfolio/SVC-0004"
    );
    assert!(text(&el, "h1").contains("Web hosting"));
    TimeoutFuture::new(400).await;
    let saved = stored(key);
    let service = saved.portfolio.get(ServiceId(4)).unwrap();
    assert_eq!(service.status, Lifecycle::Proposed);
    drop(handle);
    store::remove(key).unwrap();
    set_path("/");
}

#[wasm_bindgen_test]
async fn service_page_moves_and_refuses_retiring_a_needed_service() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.portfolio.moves";
    store::remove(key).unwrap();
    set_path("/portfolio/SVC-0003");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(sample()) storage_key=key /> }
    });
    tick().await;
    assert_eq!(text(&el, "[data-testid=service-status]"), "Proposed");
    type_into(&el, "#move-who", "Board");
    type_into(&el, "#move-why", "Budget agreed");
    button(&el, "Move to Approved").click();
    tick().await;
    assert_eq!(text(&el, "[data-testid=service-status]"), "Approved");
    assert!(text(&el, ".history").contains("Proposed → Approved"));
    assert!(text(&el, ".history").contains("By Board: Budget agreed"));
    drop(handle);

    // The Directory is needed by the live Email.
    set_path("/portfolio/SVC-0001");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(sample()) storage_key=key /> }
    });
    tick().await;
    type_into(&el, "#move-who", "Sam");
    type_into(&el, "#move-why", "Replaced");
    button(&el, "Move to Retiring").click();
    tick().await;
    let refusal = text(&el, "[data-testid=move-error]");
    assert!(
        refusal.contains("cannot be retired while live services depend on it: SVC-0002 Email"),
        "{refusal}"
    );
    assert_eq!(text(&el, "[data-testid=service-status]"), "Live");

    // Availability is parsed with a clear error, and a good value saves.
    type_into(&el, "#sla-availability", "120");
    tick().await;
    assert!(text(&el, "#sla-availability-error").starts_with("Availability must be a percentage"));
    type_into(&el, "#sla-availability", "99.5");
    tick().await;
    assert_eq!(text(&el, "#sla-availability-error"), "");
    TimeoutFuture::new(400).await;
    let saved = stored(key);
    let dir = saved.portfolio.get(ServiceId(1)).unwrap();
    assert_eq!(dir.sla.availability, Some(99.5));
    assert_eq!(dir.status, Lifecycle::Live);
    drop(handle);
    store::remove(key).unwrap();
    set_path("/");
}

#[wasm_bindgen_test]
async fn hints_appear_only_on_the_catalogue_and_service_level_requirements() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.portfolio.hints";
    store::remove(key).unwrap();
    for (path, expected) in [
        (
            "/clauses/8.2.4",
            Some("SVC-0001 Directory: no owner, no customers named"),
        ),
        (
            "/clauses/8.3.3",
            Some("2 of 2 live services need attention"),
        ),
        ("/clauses/4.1", None),
    ] {
        set_path(path);
        let el = container();
        let handle = mount_to(el.clone(), move || {
            view! { <Workbench initial=Some(sample()) storage_key=key /> }
        });
        tick().await;
        let hints = el.query_selector(".portfolio-hints").unwrap();
        match expected {
            Some(words) => {
                let found = hints
                    .unwrap_or_else(|| panic!("no hints on {path}"))
                    .text_content()
                    .unwrap_or_default();
                assert!(found.contains(words), "{path}: {found}");
            }
            None => assert!(hints.is_none(), "hints shown on {path}"),
        }
        drop(handle);
    }
    store::remove(key).unwrap();
    set_path("/");
}

#[wasm_bindgen_test]
async fn catalogue_lists_only_live_services() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.portfolio.catalogue";
    store::remove(key).unwrap();
    set_path("/portfolio/catalogue");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(sample()) storage_key=key /> }
    });
    tick().await;
    assert_eq!(all(&el, "article.catalogue-entry").len(), 2);
    let all = el.text_content().unwrap_or_default();
    assert!(all.contains("Portfolio Ltd"));
    assert!(all.contains(&format!("Issued {}", browser::today())));
    assert!(
        !all.contains("Backup"),
        "a proposed service is not in the catalogue"
    );
    drop(handle);
    store::remove(key).unwrap();
    set_path("/");
}
