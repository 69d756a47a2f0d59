//! Autosave: when a save happens. Writes wait for a pause: each edit moves
//! the write to `delay_ms` after it, so typing never pays for a save between
//! two keystrokes, but a write is never put off more than
//! [`MAX_SAVE_WAIT_MS`] after the first unsaved edit. Hiding or leaving the
//! page flushes at once, so an edit followed by closing the tab is never
//! lost. The write itself is [`super::slots`]'.

use super::error::{SaveError, StorageError};
use super::slots::{Session, read_head, tab_id, write_with};
use super::text::SaveText;
use super::workbooks::{create_with, set_active};
use crate::platform::browser;
use clausebook_core::calendar::Timestamp;
use clausebook_core::file::schema;
use clausebook_core::library::{self, Conflict, Head, WorkbookId};
use clausebook_core::workbook::Workbook;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// A write follows this long after the last edit.
pub const SAVE_DELAY_MS: i32 = 300;
/// However long the typing goes on, unsaved edits wait at most this long.
pub const MAX_SAVE_WAIT_MS: i32 = 3_000;

/// What the save indicator shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing has changed since the workbook was opened.
    Idle,
    Pending,
    Saved(Timestamp),
    Failed(StorageError),
    /// Another tab or a newer app version owns the stored copy: no more writes.
    Blocked(Conflict),
}

/// What the autosaver's source is lent the workbook with.
pub type SaveFn<'a> = dyn FnMut(&Workbook) + 'a;

/// Saves the current workbook shortly after edits, and at once when the page hides.
#[derive(Clone)]
pub struct Autosaver {
    inner: Rc<Inner>,
}

struct Inner {
    ns: String,
    delay_ms: i32,
    /// Lends the workbook at write time (to the function it is given), so
    /// edits cost nothing until then and a save never copies it.
    source: Box<dyn Fn(&mut SaveFn)>,
    on_status: Box<dyn Fn(SaveStatus)>,
    state: RefCell<State>,
    /// The text of the last save's items: a save serialises only what
    /// changed since (kept apart from `state`, which the status callbacks
    /// may borrow while a write is under way).
    text: RefCell<SaveText>,
}

#[derive(Default)]
struct State {
    dirty: bool,
    /// When the oldest unsaved edit was made (`Date.now()`), for the longest wait.
    dirty_since: Option<f64>,
    timer: Option<i32>,
    writes: u32,
    session: Session,
    /// Called after a new workbook was added to the list by its first save.
    on_created: Option<Rc<dyn Fn(WorkbookId)>>,
    /// The app itself is reloading the page (the stale tab's Reload): the
    /// person chose to leave, so the browser must not ask again.
    leaving: bool,
}

impl Autosaver {
    /// Saves into namespace `ns` (the app uses [`super::NAMESPACE`]).
    pub fn new(
        ns: &str,
        delay_ms: i32,
        source: impl Fn(&mut SaveFn) + 'static,
        on_status: impl Fn(SaveStatus) + 'static,
    ) -> Self {
        Self {
            inner: Rc::new(Inner {
                ns: ns.to_owned(),
                delay_ms,
                source: Box::new(source),
                on_status: Box::new(on_status),
                state: RefCell::default(),
                text: RefCell::default(),
            }),
        }
    }

    pub fn namespace(&self) -> &str {
        &self.inner.ns
    }

    /// Switches to another workbook (the caller flushed the previous one).
    pub fn open(&self, id: Option<WorkbookId>, revision: u64) {
        // The previous workbook's text would only be compared and dropped.
        *self.inner.text.borrow_mut() = SaveText::default();
        let mut state = self.inner.state.borrow_mut();
        if let Some(timer) = state.timer.take() {
            gloo_utils::window().clear_timeout_with_handle(timer);
        }
        state.dirty = false;
        state.dirty_since = None;
        state.session = Session {
            id,
            known_revision: revision,
            ..Session::default()
        };
    }

    pub fn on_created(&self, f: impl Fn(WorkbookId) + 'static) {
        self.inner.state.borrow_mut().on_created = Some(Rc::new(f));
    }

    /// The workbook being saved, and the revision this tab knows.
    pub fn session(&self) -> Session {
        self.inner.state.borrow().session.clone()
    }

    /// Another writer was seen (a storage event): stop writing at once.
    pub fn block(&self, conflict: Conflict) {
        self.inner.state.borrow_mut().session.blocked = Some(conflict.clone());
        (self.inner.on_status)(SaveStatus::Blocked(conflict));
    }

    /// Records that the workbook changed; a write follows once edits pause
    /// for `delay_ms`, or [`MAX_SAVE_WAIT_MS`] after the first unsaved edit.
    pub fn changed(&self) {
        let now = js_sys::Date::now();
        let (was_dirty, blocked, wait) = {
            let mut state = self.inner.state.borrow_mut();
            let was_dirty = state.dirty;
            state.dirty = true;
            let since = *state.dirty_since.get_or_insert(now);
            if let Some(timer) = state.timer.take() {
                gloo_utils::window().clear_timeout_with_handle(timer);
            }
            let left = (since + f64::from(MAX_SAVE_WAIT_MS) - now).max(0.0) as i32;
            (
                was_dirty,
                state.session.blocked.clone(),
                self.inner.delay_ms.min(left),
            )
        };
        if let Some(conflict) = blocked {
            (self.inner.on_status)(SaveStatus::Blocked(conflict));
            return;
        }
        // Once per unsaved stretch: a status change re-renders the header,
        // which no keystroke should pay for.
        if !was_dirty {
            (self.inner.on_status)(SaveStatus::Pending);
        }
        let this = self.clone();
        let callback = Closure::once_into_js(move || {
            this.inner.state.borrow_mut().timer = None;
            this.flush();
        });
        let id = gloo_utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), wait)
            .ok();
        self.inner.state.borrow_mut().timer = id;
        if id.is_none() {
            self.flush();
        }
    }

    /// Writes now if anything is unsaved.
    pub fn flush(&self) {
        let mut session = {
            let mut state = self.inner.state.borrow_mut();
            if let Some(id) = state.timer.take() {
                gloo_utils::window().clear_timeout_with_handle(id);
            }
            if !state.dirty || state.session.blocked.is_some() {
                return;
            }
            state.dirty = false;
            state.dirty_since = None;
            state.session.clone()
        };
        let ns = self.inner.ns.as_str();
        // The benchmark's "Save": reading the workbook and writing it.
        let saved = crate::platform::perf::measure("clausebook:save", || {
            let mut result = None;
            (self.inner.source)(&mut |workbook| {
                result = Some(self.write(ns, &mut session, workbook));
            });
            result
        });
        let Some(result) = saved else {
            return;
        };
        let created = {
            let mut state = self.inner.state.borrow_mut();
            let created = state.session.id.is_none() && session.id.is_some();
            state.session = session.clone();
            created.then(|| state.on_created.clone()).flatten()
        };
        if let (Some(f), Some(id)) = (created, session.id.clone()) {
            f(id);
        }
        match result {
            Ok(head) => {
                self.inner.state.borrow_mut().writes += 1;
                (self.inner.on_status)(SaveStatus::Saved(head.saved_at));
            }
            Err(SaveError::Conflict(conflict)) => {
                self.inner.state.borrow_mut().dirty = true;
                (self.inner.on_status)(SaveStatus::Blocked(conflict));
            }
            Err(SaveError::Library(error)) => {
                // Only a name the list refuses gets here; the data is intact in memory.
                self.inner.state.borrow_mut().dirty = true;
                (self.inner.on_status)(SaveStatus::Failed(StorageError::Refused(
                    error.to_string(),
                )));
            }
            Err(SaveError::Storage(error)) => {
                // Keep it dirty so the next edit or page hide tries again.
                self.inner.state.borrow_mut().dirty = true;
                (self.inner.on_status)(SaveStatus::Failed(error));
            }
        }
    }

    /// Writes a new revision, or adds a new workbook to the list at its first save.
    fn write(
        &self,
        ns: &str,
        session: &mut Session,
        workbook: &Workbook,
    ) -> Result<Head, SaveError> {
        let mut text = self.inner.text.borrow_mut();
        let serialise = &mut |workbook: &Workbook, at: Timestamp| text.text(workbook, at);
        match session.id.clone() {
            Some(_) => write_with(ns, session, workbook, serialise),
            None => {
                create_with(ns, &workbook.organisation.name, workbook, false, serialise).map(|id| {
                    set_active(ns, &id);
                    let head = read_head(ns, &id);
                    session.id = Some(id);
                    session.known_revision = head.as_ref().map(|h| h.revision).unwrap_or(1);
                    session.last_snapshot_ms = Some(browser::now().epoch_ms());
                    head.unwrap_or_else(|| unreachable_head(workbook))
                })
            }
        }
    }

    /// Whether changes are waiting to be written (or cannot be).
    pub fn is_pending(&self) -> bool {
        self.inner.state.borrow().dirty
    }

    /// Marks a leave the person asked for in the app, which the browser's
    /// "leave page?" question must not follow.
    pub fn leave_on_purpose(&self) {
        self.inner.state.borrow_mut().leaving = true;
    }

    /// How many writes reached storage (for tests and the benchmark).
    pub fn writes(&self) -> u32 {
        self.inner.state.borrow().writes
    }

    /// Flushes when the page is hidden or unloaded (tab closed, app switched,
    /// phone locked); `pagehide` and `visibilitychange` are the events that
    /// browsers reliably fire in those cases, unlike `unload`. On leaving,
    /// the browser warns only while a save is pending or has failed.
    pub fn flush_on_page_hide(&self) {
        let window = gloo_utils::window();
        let document = gloo_utils::document();
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
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            on_visibility.as_ref().unchecked_ref(),
        );
        // Leaving the page: save now, and only if that fails (storage full,
        // blocked, another tab) ask the browser to warn before work is lost.
        let this = self.clone();
        let on_leave = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
            move |event: web_sys::BeforeUnloadEvent| {
                this.flush();
                if this.is_pending() && !this.inner.state.borrow().leaving {
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

/// A head for a workbook that was just written but whose head could not be
/// read back; only used to report the save time.
fn unreachable_head(workbook: &Workbook) -> Head {
    Head {
        revision: 1,
        slot: library::Slot::A,
        schema_version: schema::CURRENT_SCHEMA_VERSION,
        app_version: schema::APP_VERSION.to_owned(),
        saved_at: browser::now(),
        bytes: 0,
        organisation: workbook.organisation.name.clone(),
        writer: tab_id().to_owned(),
    }
}
