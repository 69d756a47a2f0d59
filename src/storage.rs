//! Local storage: loading at start-up and saving as you type.
//!
//! Writes are throttled: the first edit schedules a write `delay_ms` later and
//! further edits in that window ride along, so there is at most one write per
//! window however fast someone types. Hiding or leaving the page flushes at
//! once, so an edit followed by closing the tab is never lost.

use crate::browser;
use crate::calendar::Timestamp;
use crate::schema::{self, Stored};
use crate::workbook::Workbook;
use std::cell::RefCell;
use std::rc::Rc;
use thiserror::Error;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Where the workbook lives in local storage.
pub const WORKBOOK_KEY: &str = "clausebook.workbook";
/// At most one write per this many milliseconds while typing.
pub const SAVE_DELAY_MS: i32 = 300;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    #[error(
        "This browser does not allow local storage here (private mode or blocked site data), so nothing can be saved. Export JSON to keep your work."
    )]
    Unavailable,
    #[error(
        "The browser's storage for this site is full, so the latest changes are not saved. Export JSON now to keep them, then free space."
    )]
    Full,
}

/// What the save indicator shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing has changed since the app started.
    Idle,
    Pending,
    Saved(Timestamp),
    Failed(StorageError),
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
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

/// Reads and classifies what is stored under `key`.
pub fn load(key: &str) -> Stored {
    let raw = read_raw(key);
    // The benchmark's share of "Start" spent decoding the stored workbook.
    crate::perf::measure("clausebook:load", || schema::read_stored(raw))
}

/// Writes text under `key`; a refused write (quota) leaves the old value in place.
pub fn write_raw(key: &str, text: &str) -> Result<(), StorageError> {
    local_storage()?
        .set_item(key, text)
        .map_err(|_| StorageError::Full)
}

/// Saves a workbook now.
pub fn save(key: &str, workbook: &Workbook) -> Result<Timestamp, StorageError> {
    let at = browser::now();
    write_raw(key, &schema::to_stored_json(workbook, at.clone()))?;
    Ok(at)
}

/// Removes what is stored under `key` (after the user confirmed it).
pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?
        .remove_item(key)
        .map_err(|_| StorageError::Unavailable)
}

/// Saves the current workbook shortly after edits, and at once when the page hides.
#[derive(Clone)]
pub struct Autosaver {
    inner: Rc<Inner>,
}

struct Inner {
    key: String,
    delay_ms: i32,
    /// Reads the workbook at write time, so edits cost nothing until then.
    source: Box<dyn Fn() -> Option<Workbook>>,
    on_status: Box<dyn Fn(SaveStatus)>,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    dirty: bool,
    timer: Option<i32>,
    writes: u32,
}

impl Autosaver {
    pub fn new(
        key: &str,
        delay_ms: i32,
        source: impl Fn() -> Option<Workbook> + 'static,
        on_status: impl Fn(SaveStatus) + 'static,
    ) -> Self {
        Self {
            inner: Rc::new(Inner {
                key: key.to_owned(),
                delay_ms,
                source: Box::new(source),
                on_status: Box::new(on_status),
                state: RefCell::default(),
            }),
        }
    }

    /// Records that the workbook changed; a write follows within `delay_ms`.
    pub fn changed(&self) {
        let schedule = {
            let mut state = self.inner.state.borrow_mut();
            state.dirty = true;
            state.timer.is_none()
        };
        (self.inner.on_status)(SaveStatus::Pending);
        if schedule {
            let this = self.clone();
            let callback = Closure::once_into_js(move || {
                this.inner.state.borrow_mut().timer = None;
                this.flush();
            });
            let id = gloo_utils::window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    callback.unchecked_ref(),
                    self.inner.delay_ms,
                )
                .ok();
            self.inner.state.borrow_mut().timer = id;
            if id.is_none() {
                self.flush();
            }
        }
    }

    /// Writes now if anything is unsaved.
    pub fn flush(&self) {
        {
            let mut state = self.inner.state.borrow_mut();
            if let Some(id) = state.timer.take() {
                gloo_utils::window().clear_timeout_with_handle(id);
            }
            if !state.dirty {
                return;
            }
            state.dirty = false;
        }
        // The benchmark's "Save" figure: reading the workbook, serialising, writing.
        let saved = crate::perf::measure("clausebook:save", || {
            (self.inner.source)().map(|workbook| save(&self.inner.key, &workbook))
        });
        let Some(saved) = saved else {
            return;
        };
        match saved {
            Ok(at) => {
                self.inner.state.borrow_mut().writes += 1;
                (self.inner.on_status)(SaveStatus::Saved(at));
            }
            Err(error) => {
                // Keep it dirty so the next edit or page hide tries again.
                self.inner.state.borrow_mut().dirty = true;
                (self.inner.on_status)(SaveStatus::Failed(error));
            }
        }
    }

    /// Whether changes are waiting to be written.
    pub fn is_pending(&self) -> bool {
        self.inner.state.borrow().dirty
    }

    /// How many writes reached storage (for tests and the benchmark).
    pub fn writes(&self) -> u32 {
        self.inner.state.borrow().writes
    }

    /// Flushes when the page is hidden or unloaded (tab closed, app switched,
    /// phone locked); `pagehide` and `visibilitychange` are the events that
    /// browsers reliably fire in those cases, unlike `unload`. On leaving,
    /// the browser warns only if that last save failed.
    pub fn flush_on_page_hide(&self) {
        let window = gloo_utils::window();
        let this = self.clone();
        let on_hide = Closure::<dyn Fn()>::new(move || this.flush());
        let _ =
            window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        let this = self.clone();
        let on_visibility = Closure::<dyn Fn()>::new(move || {
            if gloo_utils::document().visibility_state() == web_sys::VisibilityState::Hidden {
                this.flush();
            }
        });
        let _ = gloo_utils::document().add_event_listener_with_callback(
            "visibilitychange",
            on_visibility.as_ref().unchecked_ref(),
        );
        // Leaving the page: save now, and only if that fails (storage full,
        // blocked) ask the browser to warn before the work is lost.
        let this = self.clone();
        let on_leave = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
            move |event: web_sys::BeforeUnloadEvent| {
                this.flush();
                if this.is_pending() {
                    event.prevent_default();
                    event.set_return_value("Your latest changes are not saved.");
                }
            },
        );
        let _ = window
            .add_event_listener_with_callback("beforeunload", on_leave.as_ref().unchecked_ref());
        // The listeners live as long as the page.
        on_hide.forget();
        on_visibility.forget();
        on_leave.forget();
    }
}
