//! Browser tests (wasm-bindgen-test in headless Chromium): local storage,
//! autosave timing, recovery from unreadable data, and the main components,
//! each mounted into its own element.
#![cfg(target_arch = "wasm32")]

use clausebook::app::{App, Workbench};
use clausebook::platform::store::{self, Autosaver, NAMESPACE, SaveFn, SaveStatus, WORKBOOK_KEY};
use clausebook_core::assessment::Status;
use clausebook_core::file::schema::{self, LocalCopy};
use clausebook_core::framework;
use clausebook_core::workbook::Workbook;
use gloo_timers::future::TimeoutFuture;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

mod support;
use support::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sample(name: &str) -> Workbook {
    Workbook::create(
        name,
        "Hosting",
        framework::iso20000(),
        clausebook::platform::browser::now(),
    )
    .unwrap()
}

#[wasm_bindgen_test]
fn storage_round_trips_a_workbook() {
    let key = "test.roundtrip";
    store::remove(key).unwrap();
    assert_eq!(store::load(key), LocalCopy::Empty);
    let wb = sample("Round Trip Ltd");
    store::save(key, &wb).unwrap();
    assert_eq!(stored(key), wb);
    store::remove(key).unwrap();
}

#[wasm_bindgen_test]
fn corrupt_storage_is_classified_and_kept() {
    let key = "test.corrupt";
    store::remove(key).unwrap();
    store::save(key, &sample("Corrupt Ltd")).unwrap();
    let library = store::load_library(key);
    let id = store::active(key, &library).unwrap();
    let head = store::read_head(key, &id).unwrap();
    let slot = store::workbook_key(key, &id, head.slot.key());
    let garbage = "{\"format\":\"clausebook.workbook\",";
    store::write_raw(&slot, garbage).unwrap();
    assert!(matches!(store::load(key), LocalCopy::Unreadable { .. }));
    // Reading must never rewrite what is there.
    assert_eq!(store::read_raw(&slot).as_deref(), Some(garbage));
    store::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn autosave_writes_at_most_once_per_window_then_flushes() {
    let key = "test.autosave";
    store::remove(key).unwrap();
    let current = Rc::new(RefCell::new(sample("Debounce Ltd")));
    let statuses = Rc::new(RefCell::new(Vec::new()));
    let saver = {
        let current = current.clone();
        let statuses = statuses.clone();
        Autosaver::new(
            key,
            300,
            move |save: &mut SaveFn| save(&current.borrow()),
            move |s| statuses.borrow_mut().push(s),
        )
    };
    // Ten keystrokes in quick succession.
    for i in 0..10 {
        current.borrow_mut().organisation.scope = format!("typed {i}");
        saver.changed();
        TimeoutFuture::new(10).await;
    }
    assert_eq!(
        saver.writes(),
        0,
        "nothing is written while the window is open"
    );
    assert!(saver.is_pending());
    TimeoutFuture::new(400).await;
    assert_eq!(saver.writes(), 1, "one write for the whole burst");
    assert_eq!(stored(key).organisation.scope, "typed 9");
    assert!(matches!(
        statuses.borrow().last(),
        Some(SaveStatus::Saved(_))
    ));

    // An explicit flush writes at once, without waiting for the timer.
    current.borrow_mut().organisation.scope = "flushed".into();
    saver.changed();
    saver.flush();
    assert_eq!(saver.writes(), 2);
    assert_eq!(stored(key).organisation.scope, "flushed");
    // And the cancelled timer does not write again.
    TimeoutFuture::new(400).await;
    assert_eq!(saver.writes(), 2);
    store::remove(key).unwrap();
}

/// Steady typing is never interrupted by a save until the longest wait is
/// up, then saves once and waits for the next pause.
#[wasm_bindgen_test]
async fn autosave_waits_for_a_pause_but_not_forever() {
    let key = "test.autosave.pause";
    store::remove(key).unwrap();
    let current = Rc::new(RefCell::new(sample("Pause Ltd")));
    let saver = {
        let current = current.clone();
        Autosaver::new(
            key,
            300,
            move |save: &mut SaveFn| save(&current.borrow()),
            |_| {},
        )
    };
    let started = js_sys::Date::now();
    let mut first_write_at = None;
    // A keystroke every 100 ms for a little longer than the longest wait.
    let mut i = 0;
    while js_sys::Date::now() - started < f64::from(store::MAX_SAVE_WAIT_MS) + 600.0 {
        current.borrow_mut().organisation.scope = format!("typed {i}");
        saver.changed();
        i += 1;
        TimeoutFuture::new(100).await;
        if first_write_at.is_none() && saver.writes() > 0 {
            first_write_at = Some(js_sys::Date::now() - started);
        }
    }
    let at = first_write_at.expect("a write during long typing");
    assert!(
        at >= f64::from(store::MAX_SAVE_WAIT_MS) - 50.0,
        "no write while keys come faster than the delay (first after {at} ms)"
    );
    assert_eq!(saver.writes(), 1, "one write per longest wait");
    // The pause after typing saves the rest.
    TimeoutFuture::new(450).await;
    assert_eq!(saver.writes(), 2);
    assert_eq!(stored(key).organisation.scope, format!("typed {}", i - 1));
    store::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn page_hide_flushes_pending_edits() {
    let key = "test.pagehide";
    store::remove(key).unwrap();
    let current = Rc::new(RefCell::new(sample("Pagehide Ltd")));
    let saver = {
        let current = current.clone();
        Autosaver::new(
            key,
            300,
            move |save: &mut SaveFn| save(&current.borrow()),
            |_| {},
        )
    };
    saver.flush_on_page_hide();
    current.borrow_mut().organisation.scope = "typed then closed".into();
    saver.changed();
    assert!(nothing_stored(key));
    let event = web_sys::Event::new("pagehide").unwrap();
    gloo_utils::window().dispatch_event(&event).unwrap();
    assert_eq!(saver.writes(), 1);
    assert_eq!(stored(key).organisation.scope, "typed then closed");
    store::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn full_storage_reports_failure_and_keeps_the_last_copy() {
    let key = "test.full";
    store::remove(key).unwrap();
    let wb = sample("Quota Ltd");
    store::save(key, &wb).unwrap();
    let library = store::load_library(key);
    let id = store::active(key, &library).unwrap();
    let revision = store::read_head(key, &id).unwrap().revision;
    let failures = Rc::new(Cell::new(0));
    let huge = Rc::new(RefCell::new(wb.clone()));
    // Notes far beyond the ~5 MB local storage quota.
    huge.borrow_mut().organisation.scope = "x".repeat(6 * 1024 * 1024);
    let saver = {
        let huge = huge.clone();
        let failures = failures.clone();
        Autosaver::new(
            key,
            300,
            move |save: &mut SaveFn| save(&huge.borrow()),
            move |s| {
                if let SaveStatus::Failed(e) = s {
                    assert_eq!(e, store::StorageError::Full);
                    failures.set(failures.get() + 1);
                }
            },
        )
    };
    saver.open(Some(id), revision);
    saver.changed();
    saver.flush();
    assert_eq!(failures.get(), 1);
    assert!(
        saver.is_pending(),
        "a failed write stays pending for a retry"
    );
    assert_eq!(stored(key), wb, "the last good copy is untouched");
    store::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn app_shows_recovery_for_unreadable_data_and_does_not_overwrite_it() {
    let _one_router_at_a_time = exclusive().await;
    store::remove(NAMESPACE).unwrap();
    let garbage = "{\"format\":\"clausebook.workbook\",\"schema_version\":99,\"workbook\":{}}";
    store::write_raw(WORKBOOK_KEY, garbage).unwrap();
    let el = container();
    let handle = mount_to(el.clone(), App);
    tick().await;
    let text = el.text_content().unwrap_or_default();
    assert!(text.contains("could not be opened"), "{text}");
    assert!(text.contains("newer Clausebook"), "{text}");
    let download = el
        .query_selector("button.primary")
        .unwrap()
        .expect("a download button");
    assert_eq!(download.text_content().unwrap(), "Download stored data");
    TimeoutFuture::new(400).await;
    // Moved from the old single-workbook key into the list, byte for byte.
    assert_eq!(store::read_raw(WORKBOOK_KEY), None);
    match store::load(NAMESPACE) {
        LocalCopy::Unreadable { raw, .. } => assert_eq!(raw, garbage),
        other => panic!("expected the unreadable data kept, got {other:?}"),
    }
    assert_eq!(stored_raw(NAMESPACE).as_deref(), Some(garbage));
    drop(handle);
    store::remove(NAMESPACE).unwrap();
}

#[wasm_bindgen_test]
async fn welcome_form_creates_and_saves_a_workbook() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.welcome";
    store::remove(key).unwrap();
    set_path("/");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=None storage_key=key /> }
    });
    tick().await;
    let name: HtmlInputElement = el
        .query_selector("#org-name")
        .unwrap()
        .unwrap()
        .unchecked_into();
    name.set_value("Harbour Street IT");
    input_event(&name, "input");
    let button: HtmlElement = el
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().unwrap(), "Create workbook");
    button.click();
    tick().await;
    let header = el
        .query_selector("[data-testid=organisation]")
        .unwrap()
        .unwrap();
    assert_eq!(header.text_content().unwrap(), "Harbour Street IT");
    TimeoutFuture::new(400).await;
    assert_eq!(stored(key).organisation.name, "Harbour Street IT");
    // The form is gone: focus is on the new Overview's heading (issue 21).
    let focused = gloo_utils::document().active_element().unwrap();
    assert_eq!(focused.tag_name(), "H1");
    assert_eq!(focused.text_content().unwrap(), "Harbour Street IT");
    assert_eq!(focused.get_attribute("tabindex").as_deref(), Some("-1"));
    drop(handle);
    store::remove(key).unwrap();
}

/// The header's Menu (shown below 600 px; the stylesheet decides that) is a
/// disclosure of the panel that holds the tools and the navigation, and
/// Escape closes it.
#[wasm_bindgen_test]
async fn menu_discloses_the_tools_and_navigation_and_escape_closes_it() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.menu";
    store::remove(key).unwrap();
    set_path("/");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(sample("Menu Ltd")) storage_key=key /> }
    });
    tick().await;
    let menu = button(&el, "Menu");
    let panel = el.query_selector("#header-menu").unwrap().unwrap();
    assert_eq!(
        menu.get_attribute("aria-controls").as_deref(),
        Some("header-menu")
    );
    assert_eq!(
        menu.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(!panel.class_list().contains("open"));
    // Everything the menu opens is in its panel.
    for inside in [
        "nav[aria-label=Main]",
        "#theme",
        ".workbook-bar",
        "[data-testid=organisation]",
    ] {
        assert!(
            panel.query_selector(inside).unwrap().is_some(),
            "{inside} is in the menu"
        );
    }
    menu.click();
    tick().await;
    assert_eq!(menu.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(panel.class_list().contains("open"));
    // Escape, pressed in the panel, closes it and puts focus back on Menu.
    let theme: HtmlElement = el
        .query_selector("#theme")
        .unwrap()
        .unwrap()
        .unchecked_into();
    theme.focus().unwrap();
    press(&theme, "Escape");
    tick().await;
    assert_eq!(
        menu.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(!panel.class_list().contains("open"));
    assert_eq!(
        gloo_utils::document()
            .active_element()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Menu")
    );
    // A followed link closing it is e2e's (phone.test.mjs): here, routers
    // of earlier tests would hear the click too.
    drop(handle);
    store::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn welcome_form_refuses_a_blank_name() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.blank";
    store::remove(key).unwrap();
    set_path("/");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=None storage_key=key /> }
    });
    tick().await;
    let button: HtmlElement = el
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    tick().await;
    // The form's own alert (the page also has the save-failure alert).
    let alert = el.query_selector("form [role=alert]").unwrap().unwrap();
    assert_eq!(
        alert.text_content().unwrap(),
        "Enter the organisation's name."
    );
    TimeoutFuture::new(400).await;
    assert!(nothing_stored(key));
    drop(handle);
}

#[wasm_bindgen_test]
async fn requirement_form_saves_status_owner_and_notes() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.requirement";
    store::remove(key).unwrap();
    set_path("/clauses/4.1");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(sample("Form Ltd")) storage_key=key /> }
    });
    tick().await;
    let heading = el
        .query_selector("h1")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(heading.starts_with("4.1"), "{heading}");

    let status: HtmlSelectElement = el
        .query_selector("#status")
        .unwrap()
        .unwrap()
        .unchecked_into();
    status.set_value(Status::PartiallyImplemented.key());
    input_event(&status, "change");
    let owner: HtmlInputElement = el
        .query_selector("#owner")
        .unwrap()
        .unwrap()
        .unchecked_into();
    owner.set_value("Sam Patel");
    input_event(&owner, "input");
    let notes: HtmlTextAreaElement = el
        .query_selector("#notes")
        .unwrap()
        .unwrap()
        .unchecked_into();
    notes.set_value("Workshop held <b>not bold</b>");
    input_event(&notes, "input");
    tick().await;
    assert_eq!(
        el.query_selector(".save-status")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Saving…"
    );
    TimeoutFuture::new(400).await;

    let saved = stored(key).assessment(&"4.1".into());
    assert_eq!(saved.status, Status::PartiallyImplemented);
    assert_eq!(saved.owner, "Sam Patel");
    assert_eq!(saved.notes, "Workshop held <b>not bold</b>");
    assert!(
        el.query_selector(".save-status")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
            .starts_with("Saved at")
    );
    // User text is text, never markup.
    assert!(el.query_selector("b").unwrap().is_none());
    // A followed link closing it is e2e's (phone.test.mjs): here, routers
    // of earlier tests would hear the click too.
    drop(handle);
    store::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn stored_json_is_the_versioned_envelope() {
    let key = "test.envelope";
    store::remove(key).unwrap();
    store::save(key, &sample("Envelope Ltd")).unwrap();
    let raw = stored_raw(key).unwrap();
    let value: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(value["format"], schema::FORMAT);
    assert_eq!(value["schema_version"], schema::CURRENT_SCHEMA_VERSION);
    store::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn evidence_is_added_and_its_edit_form_survives_typing() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.evidence";
    store::remove(key).unwrap();
    set_path("/clauses/8.5.1.1");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(sample("Evidence Ltd")) storage_key=key /> }
    });
    tick().await;
    let title: HtmlInputElement = el
        .query_selector("#new-evidence")
        .unwrap()
        .unwrap()
        .unchecked_into();
    title.set_value("Change policy");
    input_event(&title, "input");
    let form = title.closest("form").unwrap().unwrap();
    input_event(&form, "submit");
    tick().await;
    let edit: HtmlElement = el
        .query_selector(".evidence-item button")
        .unwrap()
        .expect("the new item's buttons")
        .unchecked_into();
    assert_eq!(edit.text_content().unwrap(), "Edit EV-0001");
    edit.click();
    tick().await;
    let reference: HtmlInputElement = el
        .query_selector("#ev-1-reference")
        .unwrap()
        .unwrap()
        .unchecked_into();
    reference.set_value("wiki/change");
    input_event(&reference, "input");
    tick().await;
    // The same input is still there: the entry was not rebuilt by the edit.
    let again = el
        .query_selector("#ev-1-reference")
        .unwrap()
        .expect("form still open");
    assert!(again.is_same_node(Some(&reference)));
    TimeoutFuture::new(400).await;
    let stored = stored(key);
    let item = &stored.evidence.items[0];
    assert_eq!(
        (item.title.as_str(), item.reference.as_str()),
        ("Change policy", "wiki/change")
    );
    assert_eq!(item.requirements, vec!["8.5.1.1".into()]);
    // A followed link closing it is e2e's (phone.test.mjs): here, routers
    // of earlier tests would hear the click too.
    drop(handle);
    store::remove(key).unwrap();
}

/// Every key in local storage that starts with `prefix`, sorted.
fn keys_under(prefix: &str) -> Vec<String> {
    let storage = gloo_utils::window().local_storage().unwrap().unwrap();
    let mut keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with(prefix))
        .collect();
    keys.sort();
    keys
}

/// Whether this origin has an IndexedDB database named `name`.
async fn has_database(name: &str) -> bool {
    let ask = js_sys::Function::new_with_args(
        "name",
        "return indexedDB.databases().then((list) => list.some((d) => d.name === name))",
    );
    let promise: js_sys::Promise = ask.call1(&JsValue::NULL, &name.into()).unwrap().into();
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .unwrap()
        .as_bool()
        .unwrap()
}

#[wasm_bindgen_test]
async fn a_save_writes_the_workbook_and_nothing_else() {
    let ns = "test.save.only";
    store::remove(ns).unwrap();
    let mut wb = sample("Only Ltd");
    store::save(ns, &wb).unwrap();
    let id = store::active(ns, &store::load_library(ns)).unwrap();
    let part = |p: &str| store::workbook_key(ns, &id, p);
    assert_eq!(
        keys_under(&format!("{ns}.")),
        [
            format!("{ns}.active"),
            format!("{ns}.library"),
            part("a"),
            part("head")
        ]
    );
    // A second save writes the other slot, and keeps the first as a snapshot.
    wb.organisation.name = "Only Two Ltd".into();
    store::save(ns, &wb).unwrap();
    let snap = store::snapshots(ns, &id)[0].id;
    assert_eq!(
        keys_under(&part("")),
        [
            part("b"),
            part("head"),
            part(&format!("snap.{snap}")),
            part("snaps")
        ]
    );
    assert_eq!(stored(ns).organisation.name, "Only Two Ltd");
    // Nothing is written anywhere else for the next start.
    assert!(!has_database(ns).await);
    store::remove(ns).unwrap();
}

#[wasm_bindgen_test]
async fn a_start_opens_the_workbook_and_removes_what_older_versions_left() {
    let _one_router_at_a_time = exclusive().await;
    store::remove(NAMESPACE).unwrap();
    set_path("/");
    store::save(NAMESPACE, &sample("Returning Ltd")).unwrap();
    let id = store::active(NAMESPACE, &store::load_library(NAMESPACE)).unwrap();
    // An older version's copy of the Overview's figures, for another
    // workbook than the one stored, and its IndexedDB database.
    let overview = store::workbook_key(NAMESPACE, &id, "overview");
    store::write_raw(
        &overview,
        r#"{"revision":1,"overview":{"organisation":"Stale Ltd"}}"#,
    )
    .unwrap();
    let create = js_sys::Function::new_with_args(
        "name",
        "return new Promise((ok) => { const r = indexedDB.open(name, 1); r.onsuccess = () => { r.result.close(); ok(); }; })",
    );
    let created: js_sys::Promise = create
        .call1(&JsValue::NULL, &NAMESPACE.into())
        .unwrap()
        .into();
    wasm_bindgen_futures::JsFuture::from(created).await.unwrap();
    assert!(has_database(NAMESPACE).await);

    let el = container();
    let handle = mount_to(el.clone(), App);
    tick().await;
    assert_eq!(text(&el, "main h1"), "Returning Ltd");
    assert!(!el.text_content().unwrap_or_default().contains("Stale Ltd"));
    assert_eq!(store::read_raw(&overview), None);
    let mut gone = false;
    for _ in 0..100 {
        gone = !has_database(NAMESPACE).await;
        if gone {
            break;
        }
        TimeoutFuture::new(20).await;
    }
    assert!(gone, "the old database is deleted");
    drop(handle);
    store::remove(NAMESPACE).unwrap();
}

#[wasm_bindgen_test]
async fn the_overview_redraws_only_what_an_edit_changes() {
    let _guard = exclusive().await;
    let key = "test.overview.redraw";
    store::remove(key).unwrap();
    set_path("/");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(sample("Before Ltd")) storage_key=key /> }
    });
    tick().await;
    assert_eq!(text(&el, ".overview h1"), "Before Ltd");
    let readiness = el.query_selector(".overview .readiness").unwrap().unwrap();
    type_into(&el, "#edit-org-name", "After Ltd");
    tick().await;
    assert_eq!(text(&el, ".overview h1"), "After Ltd");
    // The readiness card did not change, so it is the same element.
    let now = el.query_selector(".overview .readiness").unwrap().unwrap();
    assert!(now.is_same_node(Some(&readiness)));
    drop(handle);
    store::remove(key).unwrap();
}
