//! Saving to a file the person chose, where the browser can (the File
//! System Access API: Chromium). The file is asked for once; its handle is
//! kept for the session, per workbook, so later saves go to the same file
//! with one click. Elsewhere (Firefox, Safari) there is no picker and the
//! caller downloads instead.
//!
//! The API is not in stable web-sys, so the few calls go through
//! `js_sys::Reflect`: `showSaveFilePicker`, `createWritable`, `write`,
//! `close`, and the handle's `name`.

use js_sys::{Array, Function, Object, Promise, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// Each workbook's chosen file, for this session.
    static HANDLES: RefCell<HashMap<String, JsValue>> = RefCell::new(HashMap::new());
}

/// A file the person chose.
#[derive(Clone)]
pub struct ChosenFile {
    handle: JsValue,
    /// The file's name as the browser gives it (never its path).
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FileError {
    /// The person closed the picker: not an error to show, only a state.
    #[error("Not saved to a file.")]
    Cancelled,
    #[error(
        "Could not write to {name}: {cause}. The file may have been moved, or permission withdrawn. Download a copy instead."
    )]
    WriteFailed { name: String, cause: String },
    #[error("The browser could not open its file picker ({0}). Download a copy instead.")]
    PickerFailed(String),
}

/// Whether this browser lets a page write to a file the person chooses.
pub fn supported() -> bool {
    picker().is_some()
}

fn picker() -> Option<Function> {
    Reflect::get(
        &gloo_utils::window(),
        &JsValue::from_str("showSaveFilePicker"),
    )
    .ok()
    .and_then(|f| f.dyn_into::<Function>().ok())
}

/// The file chosen earlier in this session for the workbook under `key`.
pub fn remembered(key: &str) -> Option<ChosenFile> {
    let handle = HANDLES.with(|h| h.borrow().get(key).cloned())?;
    let name = handle_name(&handle);
    Some(ChosenFile { handle, name })
}

/// Keeps `file` as the workbook's file for the rest of the session.
pub fn remember(key: &str, file: &ChosenFile) {
    HANDLES.with(|h| h.borrow_mut().insert(key.to_owned(), file.handle.clone()));
}

/// Forgets the workbook's file, after a write to it failed.
pub fn forget(key: &str) {
    HANDLES.with(|h| h.borrow_mut().remove(key));
}

/// Asks the person for a file to save to, suggesting `suggested_name`.
/// Must be called while the click that asked for it is still fresh (the
/// browser requires a user gesture), so before any slow work.
pub async fn choose(suggested_name: &str) -> Result<ChosenFile, FileError> {
    let Some(picker) = picker() else {
        return Err(FileError::PickerFailed("not available".into()));
    };
    let options = Object::new();
    let set = |o: &Object, k: &str, v: &JsValue| {
        let _ = Reflect::set(o, &JsValue::from_str(k), v);
    };
    set(
        &options,
        "suggestedName",
        &JsValue::from_str(suggested_name),
    );
    let accept = Object::new();
    set(
        &accept,
        "application/json",
        &Array::of1(&JsValue::from_str(".json")),
    );
    let json = Object::new();
    set(
        &json,
        "description",
        &JsValue::from_str("Clausebook workbook"),
    );
    set(&json, "accept", &accept);
    set(&options, "types", &Array::of1(&json));
    let promise = picker
        .call1(&gloo_utils::window(), &options)
        .map_err(|e| FileError::PickerFailed(describe(&e)))?;
    let handle = JsFuture::from(Promise::from(promise)).await.map_err(|e| {
        if error_name(&e) == "AbortError" {
            FileError::Cancelled
        } else {
            FileError::PickerFailed(describe(&e))
        }
    })?;
    let name = handle_name(&handle);
    Ok(ChosenFile { handle, name })
}

/// Replaces the file's content with `text`.
pub async fn write(file: &ChosenFile, text: &str) -> Result<(), FileError> {
    let failed = |e: JsValue| FileError::WriteFailed {
        name: file.name.clone(),
        cause: describe(&e),
    };
    let writable = JsFuture::from(call(&file.handle, "createWritable", &JsValue::UNDEFINED)?)
        .await
        .map_err(failed)?;
    JsFuture::from(call(&writable, "write", &JsValue::from_str(text))?)
        .await
        .map_err(failed)?;
    JsFuture::from(call(&writable, "close", &JsValue::UNDEFINED)?)
        .await
        .map_err(failed)?;
    Ok(())
}

/// `target[method](arg)`, which must return a promise.
fn call(target: &JsValue, method: &str, arg: &JsValue) -> Result<Promise, FileError> {
    let failed = |cause: String| FileError::WriteFailed {
        name: handle_name(target),
        cause,
    };
    let function: Function = Reflect::get(target, &JsValue::from_str(method))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| failed(format!("the browser offers no {method}")))?;
    let result = if arg.is_undefined() {
        function.call0(target)
    } else {
        function.call1(target, arg)
    }
    .map_err(|e| failed(describe(&e)))?;
    result
        .dyn_into::<Promise>()
        .map_err(|_| failed(format!("{method} did not answer")))
}

fn handle_name(handle: &JsValue) -> String {
    Reflect::get(handle, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| "the chosen file".to_owned())
}

fn error_name(e: &JsValue) -> String {
    Reflect::get(e, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// A DOMException's message, or its name.
fn describe(e: &JsValue) -> String {
    Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| match error_name(e) {
            n if n.is_empty() => "the browser refused".to_owned(),
            n => n,
        })
}
