//! What the browser says about itself that decides how long it keeps this
//! site's data: its user agent, and whether the app runs installed (from
//! the Home Screen, the Dock or as an installed web app) or in a tab. The
//! rule itself is `clausebook_core::retention`, tested natively.

use clausebook_core::retention::Retention;
use wasm_bindgen::{JsCast, JsValue};

/// This browser's rule, read once: neither input changes while a page lives.
pub fn retention() -> Retention {
    Retention::of(&user_agent(), installed())
}

fn user_agent() -> String {
    gloo_utils::window()
        .navigator()
        .user_agent()
        .unwrap_or_default()
}

/// Whether the app runs as an installed app: a display mode other than a
/// browser tab (every engine that installs web apps reports it), or iOS's
/// own `navigator.standalone` for a Home Screen app.
fn installed() -> bool {
    ["standalone", "fullscreen", "minimal-ui"]
        .iter()
        .any(|mode| media_matches(&format!("(display-mode: {mode})")))
        || ios_standalone()
}

/// `matchMedia(query).matches`, false where the browser cannot say.
fn media_matches(query: &str) -> bool {
    let window = gloo_utils::window();
    let Ok(match_media) = js_sys::Reflect::get(&window, &JsValue::from_str("matchMedia")) else {
        return false;
    };
    let Some(match_media) = match_media.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    match_media
        .call1(&window, &JsValue::from_str(query))
        .and_then(|list| js_sys::Reflect::get(&list, &JsValue::from_str("matches")))
        .is_ok_and(|matches| matches.as_bool() == Some(true))
}

/// iOS Safari's non-standard flag, true when opened from the Home Screen.
fn ios_standalone() -> bool {
    js_sys::Reflect::get(
        &gloo_utils::window().navigator(),
        &JsValue::from_str("standalone"),
    )
    .is_ok_and(|v| v.as_bool() == Some(true))
}
