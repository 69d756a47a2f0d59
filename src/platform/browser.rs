//! The few things the app asks of the browser itself: the clock, chance
//! and downloads.

use clausebook_core::calendar::{IsoDate, Timestamp};
use wasm_bindgen::JsCast;

/// The current time in UTC.
pub fn now() -> Timestamp {
    let text: String = js_sys::Date::new_0().to_iso_string().into();
    text.parse().unwrap_or_else(|_| {
        // toISOString always has this shape; fall back rather than panic.
        "1970-01-01T00:00:00.000Z"
            .parse()
            .expect("constant timestamp")
    })
}

/// Today's date in the user's own time zone (used in file names).
pub fn today() -> IsoDate {
    let d = js_sys::Date::new_0();
    IsoDate::new(
        d.get_full_year() as u16,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
    .unwrap_or_else(|_| now().date())
}

/// A random number, for ids that only need to differ (not secrets).
pub fn random_u32() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// Offers `text` to the user as a downloaded file.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail =
        |what: &str| format!("The browser refused to {what}; try again or use another browser.");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("create the file"))?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("create the file"))?;
    let document = gloo_utils::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("start the download"))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Some browsers read the blob after the click returns, so free it later.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = gloo_utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}

/// Runs `work` once the browser is idle, or after two seconds at the
/// latest; where there is no `requestIdleCallback` (Safari), after a short
/// timeout instead.
pub fn when_idle(work: impl FnOnce() + 'static) {
    let window = gloo_utils::window();
    let callback = wasm_bindgen::closure::Closure::once_into_js(work);
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(request) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &2000.into());
            let _ = request.call2(&window, &callback, &options);
        }
        None => {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.unchecked_ref(),
                500,
            );
        }
    }
}

/// The path the app is served under, without a trailing slash: "" at the
/// site root, "/clausebook" when hosted at `/clausebook/`. Read once from
/// `<base href>`, which the build sets from trunk's `--public-url`.
pub fn base_path() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        // Only an explicit <base> counts: without one, baseURI is the
        // page's own URL, which is not where the app lives.
        gloo_utils::document()
            .query_selector("base[href]")
            .ok()
            .flatten()
            .and_then(|base| base.get_attribute("href"))
            .and_then(|href| {
                web_sys::Url::new_with_base(&href, &gloo_utils::window().location().href().ok()?)
                    .ok()
            })
            .map(|url| url.pathname().trim_end_matches('/').to_owned())
            .unwrap_or_default()
    })
}
