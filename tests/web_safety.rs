//! Browser tests for data safety: several workbooks, verified saves, two
//! tabs, an older app against newer data, full storage, snapshots and
//! restore, undo and redo, and the crash screen.
#![cfg(target_arch = "wasm32")]

use clausebook::app::Workbench;
use clausebook::platform::store::{self, Autosaver, Loaded, SaveFn, SaveStatus, Session};
use clausebook_core::assessment::Status;
use clausebook_core::file::schema::LocalCopy;
use clausebook_core::framework;
use clausebook_core::library::{Conflict, Head, WorkbookId};
use clausebook_core::workbook::Workbook;
use gloo_timers::future::TimeoutFuture;
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlSelectElement, HtmlTextAreaElement};

mod support;
use support::*;

#[path = "../bench/generate.rs"]
mod generate;

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

/// A fresh namespace holding one stored workbook; returns its id and revision.
fn stored_one(ns: &str, name: &str) -> (WorkbookId, u64) {
    store::remove(ns).unwrap();
    store::save(ns, &sample(name)).unwrap();
    let library = store::load_library(ns);
    let id = store::active(ns, &library).unwrap();
    let revision = store::read_head(ns, &id).unwrap().revision;
    (id, revision)
}

fn find_button(el: &HtmlElement, label: &str) -> HtmlElement {
    all(el, "button")
        .into_iter()
        .map(|b| b.unchecked_into::<HtmlElement>())
        .find(|b| {
            b.text_content().unwrap_or_default().trim() == label
                || b.get_attribute("aria-label").as_deref() == Some(label)
        })
        .unwrap_or_else(|| panic!("no button {label:?}"))
}

#[wasm_bindgen_test]
fn saves_alternate_slots_verify_and_leave_one_copy() {
    let ns = "safety.slots";
    let (id, first) = stored_one(ns, "Slots Ltd");
    let mut session = Session {
        id: Some(id.clone()),
        known_revision: first,
        ..Session::default()
    };
    let mut wb = sample("Slots Ltd");
    for i in 0..3 {
        wb.organisation.scope = format!("revision {i}");
        let head = store::write_workbook(ns, &mut session, &wb).unwrap();
        assert_eq!(head.revision, first + 1 + i);
        let current = store::workbook_key(ns, &id, head.slot.key());
        let other = store::workbook_key(ns, &id, head.slot.other().key());
        assert!(
            store::read_raw(&current)
                .unwrap()
                .contains(&format!("revision {i}"))
        );
        assert_eq!(store::read_raw(&other), None, "the old slot is cleared");
    }
    // A damaged current slot falls back to the other one if it is intact.
    let head = store::read_head(ns, &id).unwrap();
    let good = store::read_raw(&store::workbook_key(ns, &id, head.slot.key())).unwrap();
    store::write_raw(
        &store::workbook_key(ns, &id, head.slot.other().key()),
        &good,
    )
    .unwrap();
    store::write_raw(&store::workbook_key(ns, &id, head.slot.key()), "{cut off").unwrap();
    match store::load_workbook(ns, &id) {
        Loaded::Ready { workbook, .. } => assert_eq!(workbook.organisation.scope, "revision 2"),
        other => panic!("expected the intact slot, got {other:?}"),
    }
    store::remove(ns).unwrap();
}

#[wasm_bindgen_test]
fn a_tab_never_writes_over_another_tabs_newer_revision() {
    let ns = "safety.tabs";
    let (id, revision) = stored_one(ns, "Tabs Ltd");
    // Tab one loaded the workbook; tab two then saves over it.
    let mut tab_one = Session {
        id: Some(id.clone()),
        known_revision: revision,
        ..Session::default()
    };
    let mut tab_two = tab_one.clone();
    let mut theirs = sample("Tabs Ltd");
    theirs.organisation.scope = "saved by tab two".into();
    store::write_workbook(ns, &mut tab_two, &theirs).unwrap();
    let mut ours = sample("Tabs Ltd");
    ours.organisation.scope = "typed in tab one".into();
    let refused = store::write_workbook(ns, &mut tab_one, &ours);
    assert!(
        matches!(
            refused,
            Err(store::SaveError::Conflict(Conflict::OtherTab { .. }))
        ),
        "{refused:?}"
    );
    assert!(tab_one.blocked.is_some(), "tab one stops writing for good");
    assert_eq!(stored(ns).organisation.scope, "saved by tab two");
    store::remove(ns).unwrap();
}

#[wasm_bindgen_test]
fn an_older_app_never_writes_over_data_from_a_newer_one() {
    let ns = "safety.newer";
    let (id, revision) = stored_one(ns, "Newer Ltd");
    let key = store::workbook_key(ns, &id, "head");
    let mut head: Head = serde_json::from_str(&store::read_raw(&key).unwrap()).unwrap();
    head.app_version = "99.0.0".into();
    store::write_raw(&key, &serde_json::to_string(&head).unwrap()).unwrap();
    let before = stored_raw(ns);
    let mut session = Session {
        id: Some(id),
        known_revision: revision,
        ..Session::default()
    };
    let refused = store::write_workbook(ns, &mut session, &sample("Older Ltd"));
    assert!(
        matches!(
            refused,
            Err(store::SaveError::Conflict(Conflict::NewerApp { ref app_version })) if app_version == "99.0.0"
        ),
        "{refused:?}"
    );
    assert_eq!(stored_raw(ns), before);
    store::remove(ns).unwrap();
}

#[wasm_bindgen_test]
async fn a_storage_event_from_another_tab_blocks_the_workbench() {
    let _one_router_at_a_time = exclusive().await;
    let ns = "safety.event";
    let (id, revision) = stored_one(ns, "Event Ltd");
    set_path("/clauses/4.1");
    let el = container();
    let opened = (id.clone(), revision);
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(sample("Event Ltd")) opened=opened.clone() storage_key=ns /> }
    });
    tick().await;
    // The other tab saves: its head reaches this tab as a storage event.
    let mut other = Session {
        id: Some(id.clone()),
        known_revision: revision,
        ..Session::default()
    };
    let mut theirs = sample("Event Ltd");
    theirs.organisation.scope = "from the other tab".into();
    store::write_workbook(ns, &mut other, &theirs).unwrap();
    let head_key = store::workbook_key(ns, &id, "head");
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(&head_key));
    init.set_new_value(store::read_raw(&head_key).as_deref());
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    gloo_utils::window().dispatch_event(&event).unwrap();
    tick().await;
    let status = text(&el, "[data-testid=save-status]");
    assert!(status.contains("changed in another tab"), "{status}");
    find_button(&el, "Reload");
    // Typing here now is kept on screen but never written.
    let notes: HtmlTextAreaElement = el
        .query_selector("#notes")
        .unwrap()
        .unwrap()
        .unchecked_into();
    notes.set_value("typed in the stale tab");
    input_event(&notes, "input");
    TimeoutFuture::new(400).await;
    assert_eq!(stored(ns).organisation.scope, "from the other tab");
    assert!(!stored_raw(ns).unwrap().contains("stale tab"));
    drop(handle);
    store::remove(ns).unwrap();
    set_path("/");
}

#[wasm_bindgen_test]
async fn full_storage_is_reported_with_an_export_button_and_the_last_copy_kept() {
    let _one_router_at_a_time = exclusive().await;
    let ns = "safety.full";
    let (id, revision) = stored_one(ns, "Full Ltd");
    let before = stored_raw(ns).unwrap();
    // Fill the rest of the quota with someone else's data.
    let filler = "safety.filler";
    let mut size = 6 * 1024 * 1024;
    while size > 1024 && store::write_raw(filler, &"f".repeat(size)).is_err() {
        size = size * 9 / 10;
    }
    set_path("/clauses/4.1");
    let el = container();
    let opened = (id.clone(), revision);
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(sample("Full Ltd")) opened=opened.clone() storage_key=ns /> }
    });
    tick().await;
    let notes: HtmlTextAreaElement = el
        .query_selector("#notes")
        .unwrap()
        .unwrap()
        .unchecked_into();
    notes.set_value(&"n".repeat(200_000));
    input_event(&notes, "input");
    TimeoutFuture::new(400).await;
    let status = text(&el, "[data-testid=save-status]");
    store::write_raw(filler, "").unwrap();
    assert!(status.starts_with("Not saved"), "{status}");
    assert!(status.contains("full"), "{status}");
    find_button(&el, "Export JSON");
    assert_eq!(
        stored_raw(ns).unwrap(),
        before,
        "the last good copy is untouched"
    );
    assert_eq!(notes.value().len(), 200_000, "the text stays on screen");
    drop(handle);
    store::remove(ns).unwrap();
    store::remove(filler).unwrap();
    set_path("/");
}

#[wasm_bindgen_test]
async fn undo_and_redo_take_back_typing_as_one_step_and_clicks_as_their_own() {
    let _one_router_at_a_time = exclusive().await;
    let ns = "safety.undo";
    store::remove(ns).unwrap();
    set_path("/clauses/4.1");
    let el = container();
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(sample("Undo Ltd")) storage_key=ns /> }
    });
    tick().await;
    assert!(find_button(&el, "Undo").has_attribute("disabled"));
    let notes: HtmlTextAreaElement = el
        .query_selector("#notes")
        .unwrap()
        .unwrap()
        .unchecked_into();
    notes.focus().unwrap();
    for text in ["R", "Ri", "Ris", "Risk"] {
        notes.set_value(text);
        input_event(&notes, "input");
        tick().await;
    }
    let status: HtmlSelectElement = el
        .query_selector("#status")
        .unwrap()
        .unwrap()
        .unchecked_into();
    status.focus().unwrap();
    status.set_value(Status::FullyImplemented.key());
    input_event(&status, "change");
    tick().await;

    find_button(&el, "Undo").click();
    tick().await;
    TimeoutFuture::new(50).await;
    assert_eq!(
        status.value(),
        Status::NotAssessed.key(),
        "the status change is undone"
    );
    assert_eq!(notes.value(), "Risk", "the typing is a step of its own");
    // Ctrl+Z from the keyboard undoes the typing in one go.
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("z");
    init.set_ctrl_key(true);
    init.set_bubbles(true);
    let ctrl_z =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    gloo_utils::document().dispatch_event(&ctrl_z).unwrap();
    tick().await;
    TimeoutFuture::new(50).await;
    assert_eq!(notes.value(), "");
    assert!(find_button(&el, "Undo").has_attribute("disabled"));
    find_button(&el, "Redo").click();
    tick().await;
    TimeoutFuture::new(50).await;
    assert_eq!(notes.value(), "Risk");
    find_button(&el, "Redo").click();
    tick().await;
    TimeoutFuture::new(50).await;
    assert_eq!(status.value(), Status::FullyImplemented.key());
    TimeoutFuture::new(400).await;
    let saved = stored(ns).assessment(&"4.1".into());
    assert_eq!(
        saved.status,
        Status::FullyImplemented,
        "undo and redo are saved too"
    );
    drop(handle);
    store::remove(ns).unwrap();
    set_path("/");
}

#[wasm_bindgen_test]
async fn snapshots_are_kept_and_restore_brings_an_earlier_version_back() {
    let _one_router_at_a_time = exclusive().await;
    let ns = "safety.snapshots";
    let (id, revision) = stored_one(ns, "Snapshot Ltd");
    set_path("/clauses/4.1");
    let el = container();
    let opened = (id.clone(), revision);
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(stored(ns)) opened=opened.clone() storage_key=ns /> }
    });
    tick().await;
    let notes: HtmlTextAreaElement = el
        .query_selector("#notes")
        .unwrap()
        .unwrap()
        .unchecked_into();
    notes.set_value("a later thought");
    input_event(&notes, "input");
    TimeoutFuture::new(400).await;
    let snaps = store::snapshots(ns, &id);
    assert_eq!(snaps.len(), 1, "the copy found at the start of the session");
    assert_eq!(snaps[0].revision, revision);

    set_path("/data");
    drop(handle);
    let el = container();
    let opened = (id.clone(), revision + 1);
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(stored(ns)) opened=opened.clone() storage_key=ns /> }
    });
    tick().await;
    let restore = all(&el, "button")
        .into_iter()
        .find(|b| {
            b.get_attribute("aria-label")
                .is_some_and(|l| l.starts_with("Restore the version of"))
        })
        .expect("a Restore button per snapshot")
        .unchecked_into::<HtmlElement>();
    restore.click();
    tick().await;
    find_button(&el, "Yes, restore").click();
    tick().await;
    TimeoutFuture::new(100).await;
    assert_eq!(stored(ns).assessment(&"4.1".into()).notes, "");
    assert_eq!(
        store::snapshots(ns, &id).len(),
        2,
        "the replaced version is kept as a snapshot too"
    );
    drop(handle);
    store::remove(ns).unwrap();
    set_path("/");
}

#[wasm_bindgen_test]
async fn workbooks_page_creates_renames_duplicates_deletes_and_undoes() {
    let _one_router_at_a_time = exclusive().await;
    let ns = "safety.list";
    let (id, revision) = stored_one(ns, "First Ltd");
    set_path("/workbooks");
    let el = container();
    let opened = (id.clone(), revision);
    let handle = mount_to(el.clone(), move || {
        view! { <Workbench initial=Some(stored(ns)) opened=opened.clone() storage_key=ns /> }
    });
    tick().await;
    // Create a second one.
    type_into(&el, "#new-org-name", "Second Ltd");
    find_button(&el, "Create and open").click();
    tick().await;
    TimeoutFuture::new(50).await;
    assert_eq!(text(&el, "[data-testid=organisation]"), "Second Ltd");
    assert_eq!(store::load_library(ns).live().count(), 2);
    // Rename the first.
    find_button(&el, "Rename First Ltd").click();
    tick().await;
    let field = format!("#rename-{id}");
    type_into(&el, &field, "Course 12");
    find_button(&el, "Save name").click();
    tick().await;
    assert_eq!(store::load_library(ns).get(&id).unwrap().name, "Course 12");
    // Duplicate it.
    find_button(&el, "Duplicate Course 12").click();
    tick().await;
    let names: Vec<String> = store::load_library(ns)
        .live()
        .map(|e| e.name.clone())
        .collect();
    assert!(names.contains(&"Course 12 (copy)".to_owned()), "{names:?}");
    // Delete it, then undo.
    find_button(&el, "Delete Course 12").click();
    tick().await;
    find_button(&el, "Yes, delete").click();
    tick().await;
    assert!(store::load_library(ns).get(&id).is_none());
    find_button(&el, "Undo delete").click();
    tick().await;
    assert!(store::load_library(ns).get(&id).is_some());
    // Open it again.
    find_button(&el, "Open Course 12").click();
    tick().await;
    assert_eq!(text(&el, "[data-testid=organisation]"), "First Ltd");
    let usage = text(&el, "[data-testid=storage-usage]");
    assert!(usage.contains("of about 5.0 MB"), "{usage}");
    drop(handle);
    store::remove(ns).unwrap();
    set_path("/");
}

#[wasm_bindgen_test]
fn the_single_workbook_of_older_versions_moves_into_the_list() {
    let ns = "safety.legacy";
    store::remove(ns).unwrap();
    let wb = sample("Legacy Ltd");
    let raw =
        clausebook_core::file::schema::to_stored_json(&wb, clausebook::platform::browser::now());
    store::write_raw(&format!("{ns}.workbook"), &raw).unwrap();
    let library = store::load_library(ns);
    assert_eq!(library.live().count(), 1);
    assert_eq!(library.live().next().unwrap().name, "Legacy Ltd");
    assert_eq!(store::read_raw(&format!("{ns}.workbook")), None);
    assert_eq!(stored(ns), wb);
    // A damaged list is rebuilt from the stored workbooks.
    store::write_raw(&format!("{ns}.library"), "{not json").unwrap();
    assert_eq!(store::load_library(ns).live().count(), 1);
    assert!(matches!(store::load(ns), LocalCopy::Ready(_)));
    store::remove(ns).unwrap();
}

#[wasm_bindgen_test]
fn the_crash_screen_offers_the_workbook_in_memory() {
    let wb = Rc::new(RefCell::new(sample("Crash Ltd")));
    wb.borrow_mut().organisation.scope = "unsaved change".into();
    let source = wb.clone();
    clausebook::platform::crash::watch(move || {
        Some(clausebook_core::file::export::export_json(
            &source.borrow(),
            clausebook::platform::browser::now(),
        ))
    });
    clausebook::platform::crash::show("test detail");
    let screen = gloo_utils::document()
        .get_element_by_id("crash")
        .expect("the crash screen");
    assert_eq!(screen.get_attribute("role").as_deref(), Some("alertdialog"));
    let text = screen.text_content().unwrap();
    assert!(text.contains("Clausebook stopped"), "{text}");
    assert!(text.contains("test detail"));
    let link = screen
        .query_selector("a[download]")
        .unwrap()
        .expect("an Export JSON link");
    assert_eq!(link.text_content().unwrap(), "Export JSON");
    assert!(link.get_attribute("href").unwrap().starts_with("blob:"));
    screen.remove();
}

#[wasm_bindgen_test]
fn autosaver_reports_blocked_and_stays_pending() {
    let ns = "safety.blocked";
    let (id, revision) = stored_one(ns, "Blocked Ltd");
    let statuses = Rc::new(RefCell::new(Vec::new()));
    let saver = {
        let statuses = statuses.clone();
        Autosaver::new(
            ns,
            300,
            |save: &mut SaveFn| save(&sample("Blocked Ltd")),
            move |s| statuses.borrow_mut().push(s),
        )
    };
    saver.open(Some(id), revision + 5); // as if it had missed revisions
    saver.changed();
    saver.flush();
    assert!(matches!(
        statuses.borrow().last(),
        Some(SaveStatus::Blocked(Conflict::OtherTab { .. }))
    ));
    assert!(saver.is_pending(), "the browser warns before leaving");
    assert_eq!(saver.writes(), 0);
    store::remove(ns).unwrap();
}

#[wasm_bindgen_test]
fn a_workbook_too_large_for_two_copies_replaces_the_copy_in_force() {
    // The benchmark's workbook: about 3 million characters, so a second
    // copy does not fit in the browser's 5 million.
    let ns = "safety.in-place";
    let (id, revision) = stored_one(ns, "Harbour Street IT");
    let wb = Rc::new(RefCell::new(generate::workbook(
        framework::iso20000(),
        42,
        generate::Size::full(),
    )));
    let statuses = Rc::new(RefCell::new(Vec::new()));
    let saver = {
        let (wb, statuses) = (wb.clone(), statuses.clone());
        Autosaver::new(
            ns,
            300,
            move |save: &mut SaveFn| save(&wb.borrow()),
            move |s| statuses.borrow_mut().push(s),
        )
    };
    saver.open(Some(id.clone()), revision);
    let save = |edit: &dyn Fn(&mut Workbook)| {
        edit(&mut wb.borrow_mut());
        saver.changed();
        saver.flush();
        assert!(
            matches!(statuses.borrow().last(), Some(SaveStatus::Saved(_))),
            "{:?}",
            statuses.borrow().last()
        );
        assert_eq!(stored(ns), *wb.borrow(), "the stored copy is the workbook");
        let head = store::read_head(ns, &id).unwrap();
        let other = store::workbook_key(ns, &id, head.slot.other().key());
        assert_eq!(store::read_raw(&other), None, "one copy only");
        (head, saver.session().in_place_from)
    };
    // Over the small workbook stored first, the large one fits.
    let (first, in_place) = save(&|_| {});
    assert_eq!(in_place, None);
    // Over itself it does not: it replaces the copy in force, and says so.
    let (second, in_place) = save(&|wb| wb.improvements.items[5].title.push('!'));
    assert_eq!(second.slot, first.slot, "replaced in place");
    assert_eq!(in_place, Some(second.bytes));
    // The next save goes straight there, verified as before.
    let (third, in_place) = save(&|wb| wb.improvements.items[6].title.push('!'));
    assert_eq!(third.slot, first.slot);
    assert_eq!(in_place, Some(third.bytes));
    assert_eq!(third.revision, first.revision + 2);
    // A smaller workbook tries the free slot again, and fits.
    let (fourth, in_place) = save(&|wb| wb.improvements.items.truncate(200));
    assert_eq!(fourth.slot, first.slot.other(), "back to two slots");
    assert_eq!(in_place, None);
    assert_eq!(saver.writes(), 4);
    store::remove(ns).unwrap();
}
