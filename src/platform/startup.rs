//! The start-up mirror: a copy, in IndexedDB, of the few small local
//! storage entries the start-up preview (`ui::boot`) needs: which workbook
//! is open, its head, the stored Overview figures, its backup record and
//! reminder, and the colour theme. A few kilobytes.
//!
//! Why not read them from local storage? Chromium loads a site's whole
//! local storage on its first use, and blocks the page while it does: 45 ms
//! with a year's workbook (3 MB) stored, whichever key is read. IndexedDB
//! reads one record, off the page's thread. So the preview paints without
//! touching local storage, and the app reads the workbook afterwards.
//!
//! The record also holds the preview itself, drawn: its markup as JSON,
//! with the moment it stops being current ([`crate::app::boot::stored_preview`]).
//! `startup.js` draws it the moment the record is read, before the app's
//! code has even arrived, and the code takes it over when it runs.
//!
//! Local storage stays the source of truth. [`publish`] copies its current
//! entries after every change to them (saves, backups, the reminder, the
//! theme, switching workbooks) and when the app opens. The copy is only a
//! speed-up: if IndexedDB is missing or refuses, the next start reads local
//! storage as before, and the app replaces the preview within moments anyway.

use clausebook_core::library::WorkbookId;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

/// The local storage entries as they were at the last [`publish`]: key → raw text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mirror(BTreeMap<String, String>);

impl Mirror {
    /// The raw text stored under `key`, as [`crate::platform::storage::read_raw`] would return it.
    pub fn get(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    /// The entries of namespace `ns` the preview needs, read from local storage.
    pub fn of_local_storage(ns: &str) -> Mirror {
        use crate::platform::storage::{active_key, read_raw, workbook_key};
        let mut keys = vec![active_key(ns), crate::app::theme::THEME_KEY.to_owned()];
        if let Some(id) = read_raw(&active_key(ns)).and_then(|a| WorkbookId::try_from(a).ok()) {
            for part in ["head", "overview", "backup", "remind"] {
                keys.push(workbook_key(ns, &id, part));
            }
        }
        Mirror(
            keys.into_iter()
                .filter_map(|k| read_raw(&k).map(|v| (k, v)))
                .collect(),
        )
    }

    /// A plain object, key → text: IndexedDB stores it as it is, and reading
    /// it back needs no parsing (a JSON string of the entries, which hold
    /// JSON themselves, took 2 ms to parse at start-up).
    fn to_js(&self) -> JsValue {
        let object = js_sys::Object::new();
        for (key, value) in &self.0 {
            let _ = js_sys::Reflect::set(&object, &key.into(), &value.into());
        }
        object.into()
    }

    /// The entries of a record as read from IndexedDB (other fields, such
    /// as the drawn preview, are not entries).
    pub fn from_js(value: &JsValue) -> Option<Mirror> {
        let object: &js_sys::Object = value.dyn_ref()?;
        let entries = js_sys::Object::entries(object)
            .iter()
            .filter_map(|entry| {
                let entry: js_sys::Array = entry.dyn_into().ok()?;
                Some((entry.get(0).as_string()?, entry.get(1).as_string()?))
            })
            .collect();
        Some(Mirror(entries))
    }
}

/// Copies namespace `ns`'s entries to the mirror. Returns at once; the
/// write finishes in the background. Writes are applied in the order of
/// the calls (IndexedDB opens connections and runs read-write transactions
/// on one store in order), so the last call wins.
pub fn publish(ns: &str) {
    let mirror = Mirror::of_local_storage(ns);
    let record = mirror.to_js();
    let ns = ns.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        // Nothing to do if the browser has no IndexedDB (or refuses it, as
        // some private modes do): the next start reads local storage.
        if let Ok(db) = open(&ns).await {
            // Drawn here, in a task of its own, not in the save that called.
            if let Some(preview) = crate::app::boot::stored_preview(&ns, &mirror) {
                let _ = js_sys::Reflect::set(&record, &JsValue::from_str(PREVIEW), &preview);
            }
            let _ = put(&db, &record);
            // Closes once the write has finished.
            db.close();
        }
    });
}

/// The mirror of namespace `ns`, if there is one.
pub async fn read(ns: &str) -> Option<Mirror> {
    Mirror::from_js(&read_record(ns).await?)
}

/// The record of namespace `ns` as stored, if there is one (tests).
pub async fn read_record(ns: &str) -> Option<JsValue> {
    read_now(ns).finish(ns).await
}

/// How far the read that `startup.js` started is.
pub enum Read {
    /// It has finished: the record, if there is one.
    Done(Option<JsValue>),
    /// It is under way.
    Pending(js_sys::Promise),
    /// There was none (another namespace, or it was taken already).
    NotStarted,
}

impl Read {
    /// The record of namespace `ns` once this read has finished, reading
    /// it now if it was not started.
    pub async fn finish(self, ns: &str) -> Option<JsValue> {
        let record = match self {
            Read::Done(record) => record,
            Read::Pending(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.ok(),
            Read::NotStarted => {
                let db = open(ns).await.ok()?;
                let record = get(&db).await;
                db.close();
                record
            }
        };
        record.filter(JsValue::is_object)
    }
}

/// The read that `startup.js`, inlined in the page's `<head>`, started
/// before the code had downloaded (the app's own namespace only), taken
/// without waiting when it has finished. Taken once: a later read asks
/// IndexedDB again.
pub fn read_now(ns: &str) -> Read {
    if ns != crate::platform::storage::NAMESPACE {
        return Read::NotStarted;
    }
    let Some(Ok(promise)) = take_global(EARLY_READ).map(JsCast::dyn_into::<js_sys::Promise>) else {
        return Read::NotStarted;
    };
    match js_sys::Reflect::get(&promise, &JsValue::from_str("settled")) {
        Ok(settled) if settled.is_object() => {
            let record = js_sys::Reflect::get(&settled, &JsValue::from_str("record")).ok();
            Read::Done(record.filter(JsValue::is_object))
        }
        _ => Read::Pending(promise),
    }
}

/// Removes the mirror of `ns` (tests; a reset).
pub async fn clear(ns: &str) {
    let Ok(db) = open(ns).await else {
        return;
    };
    if let Ok(request) = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .and_then(|t| t.object_store(STORE))
        .and_then(|s| s.delete(&JsValue::from_str(RECORD)))
    {
        let _ = done(&request).await;
    }
    db.close();
}

/// One database per namespace, holding one store with one record.
/// `startup.js` repeats these names; a test checks that they agree.
pub const STORE: &str = "start";
pub const RECORD: &str = "mirror";
pub const VERSION: u32 = 1;
/// Where `startup.js` leaves its read.
pub const EARLY_READ: &str = "__clausebookMirror";
/// The record's field holding the drawn preview.
pub const PREVIEW: &str = "preview";
/// Where `startup.js` leaves the preview it drew.
pub const DRAWN: &str = "__clausebookPreview";
/// Where `startup.js` leaves the last link or button clicked on its preview.
pub const KEPT_CLICK: &str = "__clausebookKept";
/// Where `startup.js` leaves a theme picked on its preview.
pub const PICKED_THEME: &str = "__clausebookTheme";
/// Set once the code has started without a preview: the early read must not
/// draw one over the app after that.
pub const STARTED: &str = "__clausebookStarted";

/// Takes what `startup.js` left under `name` on the window.
pub fn take_global(name: &str) -> Option<JsValue> {
    let window = gloo_utils::window();
    let key = JsValue::from_str(name);
    let value = js_sys::Reflect::get(&window, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

/// Sets `name` on the window, for `startup.js`.
pub fn set_global(name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(&gloo_utils::window(), &JsValue::from_str(name), value);
}

async fn open(ns: &str) -> Result<IdbDatabase, JsValue> {
    let factory = gloo_utils::window()
        .indexed_db()?
        .ok_or_else(|| JsValue::from_str("no IndexedDB"))?;
    let request: IdbOpenDbRequest = factory.open_with_u32(ns, VERSION)?;
    // The first open creates the store.
    let upgrade = Closure::<dyn FnMut()>::new({
        let request = request.clone();
        move || {
            if let Ok(db) = request.result().map(|r| r.unchecked_into::<IdbDatabase>()) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = done(&request).await;
    request.set_onupgradeneeded(None);
    Ok(result?.unchecked_into())
}

fn put(db: &IdbDatabase, record: &JsValue) -> Result<(), JsValue> {
    db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?
        .object_store(STORE)?
        .put_with_key(record, &JsValue::from_str(RECORD))?;
    Ok(())
}

async fn get(db: &IdbDatabase) -> Option<JsValue> {
    let request = db
        .transaction_with_str(STORE)
        .and_then(|t| t.object_store(STORE))
        .and_then(|s| s.get(&JsValue::from_str(RECORD)))
        .ok()?;
    done(&request).await.ok()
}

/// Waits for `request` to succeed (its result) or fail.
async fn done(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let mut handlers = None;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = Closure::<dyn FnMut()>::once(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = Closure::<dyn FnMut()>::once(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        request.set_onsuccess(Some(ok.as_ref().unchecked_ref()));
        request.set_onerror(Some(failed.as_ref().unchecked_ref()));
        // Kept alive until the request has settled, then dropped.
        handlers = Some((ok, failed));
    });
    let settled = wasm_bindgen_futures::JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    drop(handlers);
    settled?;
    request.result()
}
