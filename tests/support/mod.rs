//! Helpers shared by the browser tests (`tests/web*.rs`): mounting, events,
//! finding elements, and reading what was saved.
#![allow(dead_code)] // each test file uses its own subset

use clausebook::platform::store;
use clausebook_core::file::schema::LocalCopy;
use clausebook_core::workbook::Workbook;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

thread_local! {
    static BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Async tests can interleave in one page and share its location; a test
/// that mounts a router holds this guard so one router at a time sees the URL.
pub struct Exclusive;

pub async fn exclusive() -> Exclusive {
    while BUSY.with(|b| b.replace(true)) {
        TimeoutFuture::new(20).await;
    }
    Exclusive
}

impl Drop for Exclusive {
    fn drop(&mut self) {
        BUSY.with(|b| b.set(false));
    }
}

/// A fresh element of the test's own to mount a component into.
pub fn container() -> HtmlElement {
    let document = gloo_utils::document();
    let el = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Points the page at an app path before a router is mounted.
pub fn set_path(path: &str) {
    gloo_utils::window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
}

/// Fires a bubbling event, as the browser does after user input.
pub fn input_event(el: &web_sys::EventTarget, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    el.dispatch_event(&event).unwrap();
}

/// The workbook saved under `key`; panics if none could be read.
pub fn stored(key: &str) -> Workbook {
    match store::load(key) {
        LocalCopy::Ready(envelope) => envelope.workbook,
        other => panic!("expected a stored workbook under {key}, got {other:?}"),
    }
}

/// The raw text of the active workbook's copy in force in namespace `ns`.
pub fn stored_raw(ns: &str) -> Option<String> {
    let library = store::load_library(ns);
    let id = store::active(ns, &library)?;
    let head = store::read_head(ns, &id)?;
    store::read_raw(&store::workbook_key(ns, &id, head.slot.key()))
}

/// Whether nothing at all is stored in namespace `ns`.
pub fn nothing_stored(ns: &str) -> bool {
    store::load(ns) == LocalCopy::Empty
}

/// The text of the first element matching `selector`.
pub fn text(el: &HtmlElement, selector: &str) -> String {
    el.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

/// Every element under `root` that matches `selector`, in document order
/// (walks the tree, so it needs no extra web-sys features).
pub fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let mut found = Vec::new();
    let mut child = root.first_element_child();
    while let Some(el) = child {
        if el.matches(selector).unwrap_or(false) {
            found.push(el.clone());
        }
        found.extend(all(&el, selector));
        child = el.next_element_sibling();
    }
    found
}

/// The button whose text is `label`.
pub fn button(el: &HtmlElement, label: &str) -> HtmlElement {
    all(el, "button")
        .into_iter()
        .map(|b| b.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no button “{label}”"))
}

/// Types `value` into the input matching `selector`.
pub fn type_into(el: &HtmlElement, selector: &str, value: &str) {
    let input: HtmlInputElement = el
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no input {selector}"))
        .unchecked_into();
    input.set_value(value);
    input_event(&input, "input");
}

/// Fires a bubbling, cancellable keydown of `key` on `el` (built in
/// JavaScript: the KeyboardEventInit binding is not among the enabled
/// web-sys features).
pub fn press(el: &HtmlElement, key: &str) {
    let fire = js_sys::Function::new_with_args(
        "el, key",
        "el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))",
    );
    fire.call2(&wasm_bindgen::JsValue::NULL, el, &key.into())
        .unwrap();
}
