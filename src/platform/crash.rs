//! The crash screen: if the app fails (a Rust panic), the page shows what
//! happened and offers the workbook that was in memory as a JSON download,
//! instead of going dead with the user's latest changes inside it.
//!
//! Built with plain DOM calls and text nodes: after a panic the app's own
//! runtime cannot be trusted, and the download link is prepared at once so
//! that it works without running any more of the app's code.

use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// Produces the open workbook as export JSON, if there is one.
type Source = Box<dyn Fn() -> Option<String>>;

thread_local! {
    static SOURCE: RefCell<Option<Source>> = RefCell::new(None);
}

/// Registers where the in-memory workbook comes from.
pub fn watch(source: impl Fn() -> Option<String> + 'static) {
    SOURCE.with(|s| *s.borrow_mut() = Some(Box::new(source)));
}

/// Installs the panic hook: the console message for developers, then the
/// crash screen for the user.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Shows the crash screen (once) with `detail` under "Technical details".
pub fn show(detail: &str) {
    let document = gloo_utils::document();
    if document.get_element_by_id("crash").is_some() {
        return;
    }
    // The source may itself be unusable now; never let that stop the screen.
    let json = SOURCE
        .try_with(|s| {
            s.try_borrow()
                .ok()
                .and_then(|s| s.as_ref().and_then(|f| f()))
        })
        .ok()
        .flatten();
    let Some(body) = document.body() else {
        return;
    };
    let el = |tag: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let Some(screen) = document.create_element("div").ok() else {
        return;
    };
    screen.set_id("crash");
    screen.set_class_name("crash");
    let _ = screen.set_attribute("role", "alertdialog");
    let _ = screen.set_attribute("aria-modal", "true");
    let _ = screen.set_attribute("aria-labelledby", "crash-title");
    let mut parts = Vec::new();
    let cause = Cause::of(detail);
    if let Some(h) = el("h1", cause.title()) {
        h.set_id("crash-title");
        let _ = h.set_attribute("tabindex", "-1");
        parts.push(h);
    }
    parts.extend(cause.explanation().and_then(|text| el("p", text)));
    let advice = if json.is_some() {
        "Your work up to the last save is safe in this browser. Export JSON keeps everything that was on screen, including changes not saved yet. Then reload Clausebook."
    } else {
        "Your work up to the last save is safe in this browser. Reload Clausebook to continue."
    };
    parts.extend(el("p", advice));
    if let Some(json) = json
        && let Some(link) = download_link(&json)
    {
        parts.push(link);
    }
    if let Some(reload) = el("a", "Reload Clausebook") {
        let _ = reload.set_attribute("href", &reload_href());
        reload.set_class_name("button");
        parts.push(reload);
    }
    if let (Some(details), Some(summary), Some(pre)) = (
        el("details", ""),
        el("summary", "Technical details"),
        el("pre", detail),
    ) {
        let _ = details.append_child(&summary);
        let _ = details.append_child(&pre);
        parts.push(details);
    }
    for part in &parts {
        let _ = screen.append_child(part);
    }
    let _ = body.append_child(&screen);
    if let Some(title) = parts
        .first()
        .and_then(|h| h.dyn_ref::<web_sys::HtmlElement>())
    {
        let _ = title.focus();
    }
}

/// Why the app stopped, as far as the panic message tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// A page's code (a wasm chunk) could not be fetched or failed its
    /// integrity check: the connection dropped, or a newer build replaced
    /// the files this page was loaded with.
    CodeNotLoaded,
    Internal,
}

impl Cause {
    /// wasm-split's loader panics with this message when a chunk fails.
    const CHUNK_FAILED: &'static str = "load callback should succeed";

    pub fn of(detail: &str) -> Self {
        if detail.contains(Self::CHUNK_FAILED) {
            Self::CodeNotLoaded
        } else {
            Self::Internal
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::CodeNotLoaded => "Part of Clausebook could not be loaded",
            Self::Internal => "Clausebook stopped because of an internal error",
        }
    }

    pub fn explanation(self) -> Option<&'static str> {
        match self {
            Self::CodeNotLoaded => Some(
                "The connection may have dropped, or a newer version of Clausebook was published while this page was open. Reloading fetches the current version.",
            ),
            Self::Internal => None,
        }
    }
}

/// A link that downloads `json` without calling back into the app.
fn download_link(json: &str) -> Option<web_sys::Element> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(json));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link = gloo_utils::document().create_element("a").ok()?;
    link.set_text_content(Some("Export JSON"));
    link.set_class_name("button primary");
    let _ = link.set_attribute("href", &url);
    let name = format!(
        "clausebook-rescued-{}.clausebook.json",
        crate::platform::browser::today()
    );
    let _ = link.set_attribute("download", &name);
    Some(link)
}

/// The app's start page (honouring a sub-path).
fn reload_href() -> String {
    let base = crate::platform::browser::base_path();
    format!("{base}/")
}

/// Shows the crash screen through a real panic, for the end-to-end test
/// that proves it works (called from the browser console or a test only).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn selftest_crash() {
    panic!("self-test: a deliberate crash to check the crash screen");
}

#[cfg(test)]
mod tests {
    use super::Cause;

    #[test]
    fn a_chunk_that_failed_to_load_is_told_apart_from_a_bug() {
        let failed =
            "panicked at src/ui/mod.rs:51:13:\nload callback should succeed: SplitLoaderError";
        assert_eq!(Cause::of(failed), Cause::CodeNotLoaded);
        assert!(Cause::of(failed).explanation().is_some());
        let bug = "panicked at src/ui/mod.rs:10:5:\nindex out of bounds";
        assert_eq!(Cause::of(bug), Cause::Internal);
        assert_ne!(Cause::CodeNotLoaded.title(), Cause::Internal.title());
    }
}
