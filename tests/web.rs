//! Browser tests (wasm-bindgen-test in headless Chromium): local storage,
//! autosave timing, recovery from unreadable data, and the main components,
//! each mounted into its own element.
#![cfg(target_arch = "wasm32")]

use clausebook::app::{App, Workbench};
use clausebook::platform::startup;
use clausebook::platform::storage::{self, Autosaver, NAMESPACE, SaveFn, SaveStatus, WORKBOOK_KEY};
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
use wasm_bindgen::JsCast;
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
    storage::remove(key).unwrap();
    assert_eq!(storage::load(key), LocalCopy::Empty);
    let wb = sample("Round Trip Ltd");
    storage::save(key, &wb).unwrap();
    assert_eq!(stored(key), wb);
    storage::remove(key).unwrap();
}

#[wasm_bindgen_test]
fn corrupt_storage_is_classified_and_kept() {
    let key = "test.corrupt";
    storage::remove(key).unwrap();
    storage::save(key, &sample("Corrupt Ltd")).unwrap();
    let library = storage::load_library(key);
    let id = storage::active(key, &library).unwrap();
    let head = storage::read_head(key, &id).unwrap();
    let slot = storage::workbook_key(key, &id, head.slot.key());
    let garbage = "{\"format\":\"clausebook.workbook\",";
    storage::write_raw(&slot, garbage).unwrap();
    assert!(matches!(storage::load(key), LocalCopy::Unreadable { .. }));
    // Reading must never rewrite what is there.
    assert_eq!(storage::read_raw(&slot).as_deref(), Some(garbage));
    storage::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn autosave_writes_at_most_once_per_window_then_flushes() {
    let key = "test.autosave";
    storage::remove(key).unwrap();
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
    storage::remove(key).unwrap();
}

/// Steady typing is never interrupted by a save until the longest wait is
/// up, then saves once and waits for the next pause.
#[wasm_bindgen_test]
async fn autosave_waits_for_a_pause_but_not_forever() {
    let key = "test.autosave.pause";
    storage::remove(key).unwrap();
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
    while js_sys::Date::now() - started < f64::from(storage::MAX_SAVE_WAIT_MS) + 600.0 {
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
        at >= f64::from(storage::MAX_SAVE_WAIT_MS) - 50.0,
        "no write while keys come faster than the delay (first after {at} ms)"
    );
    assert_eq!(saver.writes(), 1, "one write per longest wait");
    // The pause after typing saves the rest.
    TimeoutFuture::new(450).await;
    assert_eq!(saver.writes(), 2);
    assert_eq!(stored(key).organisation.scope, format!("typed {}", i - 1));
    storage::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn page_hide_flushes_pending_edits() {
    let key = "test.pagehide";
    storage::remove(key).unwrap();
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
    storage::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn full_storage_reports_failure_and_keeps_the_last_copy() {
    let key = "test.full";
    storage::remove(key).unwrap();
    let wb = sample("Quota Ltd");
    storage::save(key, &wb).unwrap();
    let library = storage::load_library(key);
    let id = storage::active(key, &library).unwrap();
    let revision = storage::read_head(key, &id).unwrap().revision;
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
                    assert_eq!(e, storage::StorageError::Full);
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
    storage::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn app_shows_recovery_for_unreadable_data_and_does_not_overwrite_it() {
    let _one_router_at_a_time = exclusive().await;
    storage::remove(NAMESPACE).unwrap();
    let garbage = "{\"format\":\"clausebook.workbook\",\"schema_version\":99,\"workbook\":{}}";
    storage::write_raw(WORKBOOK_KEY, garbage).unwrap();
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
    assert_eq!(storage::read_raw(WORKBOOK_KEY), None);
    match storage::load(NAMESPACE) {
        LocalCopy::Unreadable { raw, .. } => assert_eq!(raw, garbage),
        other => panic!("expected the unreadable data kept, got {other:?}"),
    }
    assert_eq!(stored_raw(NAMESPACE).as_deref(), Some(garbage));
    drop(handle);
    storage::remove(NAMESPACE).unwrap();
}

#[wasm_bindgen_test]
async fn welcome_form_creates_and_saves_a_workbook() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.welcome";
    storage::remove(key).unwrap();
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
    drop(handle);
    storage::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn welcome_form_refuses_a_blank_name() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.blank";
    storage::remove(key).unwrap();
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
    let alert = el.query_selector("[role=alert]").unwrap().unwrap();
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
    storage::remove(key).unwrap();
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
    drop(handle);
    storage::remove(key).unwrap();
    set_path("/");
}

#[wasm_bindgen_test]
async fn stored_json_is_the_versioned_envelope() {
    let key = "test.envelope";
    storage::remove(key).unwrap();
    storage::save(key, &sample("Envelope Ltd")).unwrap();
    let raw = stored_raw(key).unwrap();
    let value: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(value["format"], schema::FORMAT);
    assert_eq!(value["schema_version"], schema::CURRENT_SCHEMA_VERSION);
    storage::remove(key).unwrap();
}

#[wasm_bindgen_test]
async fn evidence_is_added_and_its_edit_form_survives_typing() {
    let _one_router_at_a_time = exclusive().await;
    let key = "test.evidence";
    storage::remove(key).unwrap();
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
    drop(handle);
    storage::remove(key).unwrap();
    set_path("/");
}

/// Reads the start-up mirror of `ns` until `ok` holds (it is written in the
/// background), for up to two seconds.
async fn mirror_until(
    ns: &str,
    ok: impl Fn(&Option<startup::Mirror>) -> bool,
) -> Option<startup::Mirror> {
    for _ in 0..100 {
        let mirror = startup::read(ns).await;
        if ok(&mirror) {
            return mirror;
        }
        TimeoutFuture::new(20).await;
    }
    panic!(
        "the mirror of {ns} never got there: {:?}",
        startup::read(ns).await
    );
}

/// The preview stored with the mirror of `ns`, if any.
async fn stored_preview(ns: &str) -> Option<wasm_bindgen::JsValue> {
    let record = startup::read_record(ns).await?;
    let preview = js_sys::Reflect::get(&record, &startup::PREVIEW.into()).ok()?;
    preview.is_object().then_some(preview)
}

#[wasm_bindgen_test]
async fn every_save_mirrors_what_the_start_up_preview_reads() {
    let ns = "test.mirror";
    let active_key = format!("{ns}.active");
    // Removing publishes too (a mirror with no workbook); then none at all.
    storage::remove(ns).unwrap();
    mirror_until(ns, |m| {
        m.as_ref().is_some_and(|m| m.get(&active_key).is_none())
    })
    .await;
    startup::clear(ns).await;
    assert_eq!(startup::read(ns).await, None);

    let mut wb = sample("Mirror Ltd");
    storage::save(ns, &wb).unwrap();
    let library = storage::load_library(ns);
    let id = storage::active(ns, &library).unwrap();
    let head_key = storage::workbook_key(ns, &id, "head");
    let overview_key = storage::workbook_key(ns, &id, "overview");
    let current = |m: &Option<startup::Mirror>| {
        m.as_ref().is_some_and(|m| {
            m.get(&head_key) == storage::read_raw(&head_key)
                && m.get(&overview_key) == storage::read_raw(&overview_key)
        })
    };
    let mirror = mirror_until(ns, current).await.unwrap();
    assert_eq!(
        mirror.get(&format!("{ns}.active")).as_deref(),
        Some(id.as_str())
    );
    assert!(mirror.get(&overview_key).unwrap().contains("Mirror Ltd"));

    // With the preview drawn for `startup.js`: current from now until the
    // coming midnight at the latest.
    let preview = stored_preview(ns).await.expect("a preview with the mirror");
    let field = |name: &str| js_sys::Reflect::get(&preview, &name.into()).unwrap();
    let now = js_sys::Date::now();
    let (made, until) = (
        field("made").as_f64().unwrap(),
        field("until").as_f64().unwrap(),
    );
    assert!(made <= now && now < until, "{made} {now} {until}");
    assert!(until <= clausebook::platform::browser::next_midnight_ms() as f64);
    assert_eq!(field("base").as_string().as_deref(), Some(""));
    let markup = field("markup").as_string().unwrap();
    let tree: serde_json::Value = serde_json::from_str(&markup).unwrap();
    assert_eq!(tree[0], "div");
    assert!(markup.contains("\"Mirror Ltd\""), "{markup}");
    assert!(markup.contains("Readiness"));

    // A copy of the Overview made for another revision is no preview (a
    // writer that saved without storing the Overview).
    let overview_text = storage::read_raw(&overview_key).unwrap();
    let mut stale: serde_json::Value = serde_json::from_str(&overview_text).unwrap();
    stale["revision"] = (stale["revision"].as_u64().unwrap() + 5).into();
    storage::write_raw(&overview_key, &stale.to_string()).unwrap();
    startup::publish(ns);
    mirror_until(ns, current).await;
    assert!(stored_preview(ns).await.is_none());
    storage::write_raw(&overview_key, &overview_text).unwrap();

    // The next save moves it on; the last write wins.
    wb.organisation.name = "Mirror Two Ltd".into();
    storage::save(ns, &wb).unwrap();
    let mirror = mirror_until(ns, current).await.unwrap();
    assert!(
        mirror
            .get(&overview_key)
            .unwrap()
            .contains("Mirror Two Ltd")
    );
    let preview = stored_preview(ns).await.unwrap();
    let markup = js_sys::Reflect::get(&preview, &"markup".into()).unwrap();
    assert!(markup.as_string().unwrap().contains("Mirror Two Ltd"));

    // A backup record and a snoozed reminder are mirrored too.
    storage::record_backup(ns, &id, 1).unwrap();
    let backup_key = storage::workbook_key(ns, &id, "backup");
    mirror_until(ns, |m| {
        m.as_ref().and_then(|m| m.get(&backup_key)) == storage::read_raw(&backup_key)
    })
    .await;

    // With everything removed, nothing is left to preview.
    storage::remove(ns).unwrap();
    mirror_until(ns, |m| {
        m.as_ref()
            .is_some_and(|m| m.get(&active_key).is_none() && m.get(&head_key).is_none())
    })
    .await;
    startup::clear(ns).await;
    assert_eq!(startup::read(ns).await, None);
}

#[wasm_bindgen_test]
fn markup_is_drawn_as_text_styles_and_svg_and_updated_in_place() {
    use clausebook::widgets::dom;
    use clausebook::widgets::markup::{Node, el};
    let root = container();
    let first: Vec<Node> = vec![
        el("h1").text("<b>Name</b>").into(),
        el("p")
            .child(el("span").class("bar-fill").style("width", "40%"))
            .into(),
        el("svg")
            .child(el("polygon").attr("points", "0,0 1,1"))
            .into(),
    ];
    dom::append(&root, &first);
    // User text is a text node, never parsed.
    assert_eq!(text(&root, "h1"), "<b>Name</b>");
    assert!(root.query_selector("h1 b").unwrap().is_none());
    // A style property, which the page's CSP allows, where an attribute is refused.
    let fill: HtmlElement = root
        .query_selector(".bar-fill")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(fill.style().get_property_value("width").unwrap(), "40%");
    let polygon = root.query_selector("polygon").unwrap().unwrap();
    assert_eq!(
        polygon.namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );

    // Only what changed is rebuilt; what is gone is removed.
    let h1 = root.query_selector("h1").unwrap().unwrap();
    let p = root.query_selector("p").unwrap().unwrap();
    let next: Vec<Node> = vec![first[0].clone(), el("p").text("changed").into()];
    dom::update(&root, &first, &next);
    assert_eq!(root.child_nodes().length(), 2);
    assert!(
        root.query_selector("h1")
            .unwrap()
            .unwrap()
            .is_same_node(Some(&h1))
    );
    let new_p = root.query_selector("p").unwrap().unwrap();
    assert!(!new_p.is_same_node(Some(&p)));
    assert_eq!(new_p.text_content().unwrap(), "changed");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_overview_redraws_only_what_an_edit_changes() {
    let _guard = exclusive().await;
    let key = "test.overview.redraw";
    storage::remove(key).unwrap();
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
    storage::remove(key).unwrap();
}
