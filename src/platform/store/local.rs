//! Local storage itself: text under keys, exactly as written, what it all
//! costs against the browser's quota, and whether the browser promised to
//! keep it.

use super::error::StorageError;
use wasm_bindgen::JsValue;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Storage` taking and giving JS strings, for the workbook slots.
    #[wasm_bindgen(js_name = Storage)]
    pub(super) type JsStorage;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    pub(super) fn set_item(
        this: &JsStorage,
        key: &str,
        value: &js_sys::JsString,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    pub(super) fn get_item(this: &JsStorage, key: &str) -> Result<JsValue, JsValue>;
}

/// Local storage, taking and giving JS strings: a workbook's megabytes of
/// text are written, verified and copied without coming into Rust.
pub(super) fn js_storage() -> Result<JsStorage, StorageError> {
    use wasm_bindgen::JsCast;
    Ok(local_storage()?.unchecked_into())
}

pub(super) fn local_storage() -> Result<web_sys::Storage, StorageError> {
    gloo_utils::window()
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)
}

/// The raw stored text under `key`, exactly as written.
pub fn read_raw(key: &str) -> Option<String> {
    local_storage().ok()?.get_item(key).ok().flatten()
}

/// Writes text under `key`; a refused write (quota) leaves the old value in place.
pub fn write_raw(key: &str, text: &str) -> Result<(), StorageError> {
    local_storage()?
        .set_item(key, text)
        .map_err(|_| StorageError::Full)
}

pub(super) fn remove_raw(key: &str) {
    if let Ok(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// Every key in local storage that starts with `prefix`.
pub(super) fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let Ok(storage) = local_storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// Characters held in local storage by this site (keys and values). What
/// the app writes is ASCII, so this is what every browser charges against
/// its quota: in WebKit, one byte a character of its 5,242,880.
pub fn usage() -> u64 {
    let Ok(storage) = local_storage() else {
        return 0;
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .map(|k| {
            let value = storage.get_item(&k).ok().flatten().unwrap_or_default();
            (k.encode_utf16().count() + value.encode_utf16().count()) as u64
        })
        .sum()
}

pub(super) fn read_json<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&read_raw(key)?).ok()
}

pub(super) fn write_json<T: serde::Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
    // Plain structs with string keys always serialise. ASCII, as every
    // stored text, so that it costs the same in every browser.
    write_raw(
        key,
        &clausebook_core::file::ascii::to_string(value).unwrap_or_default(),
    )
}

/// Asks the browser not to clear this site's storage (under pressure, and
/// in Chromium also when the person clears "site data" in bulk), and gives
/// its answer. Firefox asks the person, so the answer may come late or
/// never; Chromium and WebKit decide by themselves.
pub async fn request_persistence() -> bool {
    let Some(storage) = storage_manager() else {
        return false;
    };
    let Ok(promise) = storage.persist() else {
        return false;
    };
    answer(promise).await
}

/// Whether the browser promised to keep this site's storage.
pub async fn is_persisted() -> bool {
    let Some(storage) = storage_manager() else {
        return false;
    };
    let Ok(promise) = storage.persisted() else {
        return false;
    };
    answer(promise).await
}

/// `navigator.storage`, where the browser has it (older Safari and
/// insecure contexts do not).
fn storage_manager() -> Option<web_sys::StorageManager> {
    use wasm_bindgen::JsCast;
    let navigator = gloo_utils::window().navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("storage"))
        .ok()
        .and_then(|s| s.dyn_into::<web_sys::StorageManager>().ok())
}

async fn answer(promise: js_sys::Promise) -> bool {
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
