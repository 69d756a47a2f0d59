//! Local storage: the workbooks in this browser, saved safely as you type.
//!
//! Everything lives under a namespace ("clausebook"; tests use their own):
//!
//! - `{ns}.library`: the list of workbooks; `{ns}.active`: the one last open.
//! - `{ns}.wb.{id}.head`: the current revision, its slot, and who wrote it.
//! - `{ns}.wb.{id}.a` / `.b`: the workbook, in two slots. A save writes the
//!   slot the head does not point at, reads it back to verify, and only then
//!   switches the head, so a refused or damaged write leaves the previous
//!   copy in force. The old slot is then cleared so a workbook costs its own
//!   size, not twice.
//! - `{ns}.wb.{id}.snaps` and `.snap.{ms}`: up to ten earlier copies.
//! - `{ns}.wb.{id}.backup`: when it was last exported.
//!
//! Before each write the head is read again: if another tab (or a newer
//! version of the app) wrote since this tab loaded, this tab stops saving and
//! says so, rather than overwrite that work.
//!
//! Writes wait for a pause: each edit moves the write to `delay_ms` after it,
//! so typing never pays for a save between two keystrokes, but a write is
//! never put off more than [`MAX_SAVE_WAIT_MS`] after the first unsaved edit.
//! Hiding or leaving the page flushes at once, so an edit followed by closing
//! the tab is never lost.

use crate::platform::browser;
use clausebook_core::calendar::Timestamp;
use clausebook_core::file::save_cache;
use clausebook_core::file::schema::{self, LocalCopy, SchemaError};
use clausebook_core::library::{
    self, Backup, Conflict, Head, Library, SnapshotMeta, SnapshotReason, WorkbookId,
};
use clausebook_core::workbook::Workbook;
use std::cell::RefCell;
use std::rc::Rc;
use thiserror::Error;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The app's own namespace in local storage.
pub const NAMESPACE: &str = "clausebook";
/// Where versions before the workbook list kept their single workbook; it
/// is moved into the list on first start.
pub const WORKBOOK_KEY: &str = "clausebook.workbook";
/// A write follows this long after the last edit.
pub const SAVE_DELAY_MS: i32 = 300;
/// However long the typing goes on, unsaved edits wait at most this long.
pub const MAX_SAVE_WAIT_MS: i32 = 3_000;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    #[error(
        "This browser does not allow local storage here (private mode or blocked site data), so nothing can be saved. Export JSON to keep your work."
    )]
    Unavailable,
    #[error(
        "The browser's storage for this site is full, so the latest changes are not saved. Your last saved copy is untouched. Export JSON now to keep the changes, then delete old workbooks or snapshots to free space."
    )]
    Full,
    #[error(
        "The browser stored something other than what was written, so the save was not used and the previous copy stays in force. Export JSON now to keep your changes."
    )]
    Verify,
    #[error("Not saved: {0}")]
    Refused(String),
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SaveError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Conflict(#[from] Conflict),
    #[error(transparent)]
    Library(#[from] library::LibraryError),
}

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

/// What was found for one workbook.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    Ready {
        workbook: Box<Workbook>,
        head: Head,
    },
    Missing,
    /// Stored but unusable; kept untouched and offered for download.
    Unreadable {
        raw: String,
        error: SchemaError,
    },
}

/// Which workbook a tab is editing, and what it knows of the stored copy.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Session {
    /// None until the first save of a new workbook adds it to the list.
    pub id: Option<WorkbookId>,
    /// The revision this tab loaded or last wrote (0: never saved).
    pub known_revision: u64,
    /// When this tab last took a snapshot of this workbook.
    pub last_snapshot_ms: Option<i64>,
    /// Set once another writer was detected; this tab then never writes.
    pub blocked: Option<Conflict>,
    /// Whether persistent storage was already asked for in this session.
    pub persistence_asked: bool,
    /// Set when a save found no room for a second copy and replaced the
    /// copy in force instead: the size of that text, in bytes. Saves at
    /// least as large then replace it directly, without first trying the
    /// free slot (a refused write of megabytes costs almost as much as one
    /// that succeeds); a smaller save, or one at the snapshot interval,
    /// tries the free slot again.
    pub in_place_from: Option<u64>,
}

// ---------------------------------------------------------------------------
// Raw access

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Storage` taking and giving JS strings, for the workbook slots.
    #[wasm_bindgen(js_name = Storage)]
    type JsStorage;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item(this: &JsStorage, key: &str, value: &js_sys::JsString) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &JsStorage, key: &str) -> Result<JsValue, JsValue>;
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

/// Writes text under `key`; a refused write (quota) leaves the old value in place.
pub fn write_raw(key: &str, text: &str) -> Result<(), StorageError> {
    local_storage()?
        .set_item(key, text)
        .map_err(|_| StorageError::Full)
}

fn remove_raw(key: &str) {
    if let Ok(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// Every key in local storage that starts with `prefix`.
fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let Ok(storage) = local_storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// Characters held in local storage by this site (keys and values): what
/// the browser counts against its quota of about 5 million.
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

// ---------------------------------------------------------------------------
// Keys

fn library_key(ns: &str) -> String {
    format!("{ns}.library")
}

/// Where namespace `ns` remembers its open workbook.
pub fn active_key(ns: &str) -> String {
    format!("{ns}.active")
}

fn legacy_key(ns: &str) -> String {
    format!("{ns}.workbook")
}

/// The storage key of one part of a workbook ("head", "a", "snaps", …).
pub fn workbook_key(ns: &str, id: &WorkbookId, part: &str) -> String {
    format!("{ns}.wb.{id}.{part}")
}

fn read_json<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&read_raw(key)?).ok()
}

fn write_json<T: serde::Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
    // Plain structs with string keys always serialise.
    write_raw(key, &serde_json::to_string(value).unwrap_or_default())
}

// ---------------------------------------------------------------------------
// The list of workbooks

/// The workbooks in namespace `ns`. A first start after an older version
/// moves its single workbook into the list; a damaged list is rebuilt from
/// the workbooks found in storage, so no workbook is ever orphaned.
pub fn load_library(ns: &str) -> Library {
    migrate_legacy(ns);
    match read_raw(&library_key(ns)) {
        None => Library::default(),
        Some(text) => serde_json::from_str(&text).unwrap_or_else(|_| rebuild_library(ns)),
    }
}

pub fn save_library(ns: &str, library: &Library) -> Result<(), StorageError> {
    write_json(&library_key(ns), library)
}

fn rebuild_library(ns: &str) -> Library {
    let prefix = format!("{ns}.wb.");
    let mut library = Library::default();
    for key in keys_with_prefix(&prefix) {
        let Some(id) = key
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".head"))
            .and_then(|id| WorkbookId::try_from(id.to_owned()).ok())
        else {
            continue;
        };
        let head: Option<Head> = read_json(&key);
        let (name, at) = head
            .map(|h| (h.organisation, h.saved_at))
            .unwrap_or_else(|| ("Recovered workbook".to_owned(), browser::now()));
        let name = if name.trim().is_empty() {
            "Recovered workbook".to_owned()
        } else {
            name
        };
        let _ = library.add(id, &name, at, false);
    }
    library
}

/// The workbook last open in this browser, if it still exists.
pub fn active(ns: &str, library: &Library) -> Option<WorkbookId> {
    read_raw(&active_key(ns))
        .and_then(|id| WorkbookId::try_from(id).ok())
        .filter(|id| library.get(id).is_some())
        .or_else(|| library.live().next().map(|e| e.id.clone()))
}

pub fn set_active(ns: &str, id: &WorkbookId) {
    // A preference: if it cannot be stored, the first workbook opens next time.
    let _ = write_raw(&active_key(ns), id.as_str());
    crate::platform::startup::publish(ns);
}

/// Moves the single workbook of older versions into the list, verified,
/// before removing the old key.
fn migrate_legacy(ns: &str) {
    let key = legacy_key(ns);
    let Some(raw) = read_raw(&key) else {
        return;
    };
    let mut library: Library = read_json(&library_key(ns)).unwrap_or_default();
    let now = browser::now();
    let id = WorkbookId::generate(now.epoch_ms(), random_u32());
    let (organisation, saved_at) = match schema::decode(&raw) {
        Ok(envelope) => (
            envelope.workbook.organisation.name.clone(),
            envelope.saved_at.unwrap_or_else(|| now.clone()),
        ),
        // Unreadable data moves too, untouched: the recovery screen offers it.
        Err(_) => (String::new(), now.clone()),
    };
    let name = if organisation.trim().is_empty() {
        "Recovered workbook"
    } else {
        organisation.as_str()
    };
    let head = Head {
        revision: 1,
        slot: library::Slot::A,
        schema_version: schema::CURRENT_SCHEMA_VERSION,
        app_version: schema::APP_VERSION.to_owned(),
        saved_at,
        bytes: raw.len() as u64,
        organisation: organisation.clone(),
        writer: tab_id().to_owned(),
    };
    let slot_key = workbook_key(ns, &id, "a");
    let moved = write_raw(&slot_key, &raw).is_ok()
        && read_raw(&slot_key).as_deref() == Some(raw.as_str())
        && write_json(&workbook_key(ns, &id, "head"), &head).is_ok()
        && library.add(id.clone(), name, now, false).is_ok()
        && save_library(ns, &library).is_ok();
    if moved {
        set_active(ns, &id);
        remove_raw(&key);
    } else {
        // Leave the old key as it was; the next start tries again.
        remove_workbook_data(ns, &id);
    }
}

/// Adds a workbook to the list and stores it as revision 1.
pub fn create_workbook(
    ns: &str,
    name: &str,
    workbook: &Workbook,
    sample: bool,
) -> Result<WorkbookId, SaveError> {
    create_with(ns, name, workbook, sample, &mut plain_text)
}

/// [`create_workbook`], with the text written by `serialise`.
fn create_with(
    ns: &str,
    name: &str,
    workbook: &Workbook,
    sample: bool,
    serialise: &mut Serialise<'_>,
) -> Result<WorkbookId, SaveError> {
    let now = browser::now();
    let id = WorkbookId::generate(now.epoch_ms(), random_u32());
    let mut library = load_library(ns);
    library.add(id.clone(), name, now, sample)?;
    let mut session = Session {
        id: Some(id.clone()),
        ..Session::default()
    };
    write_with(ns, &mut session, workbook, serialise)?;
    if let Err(e) = save_library(ns, &library) {
        remove_workbook_data(ns, &id);
        return Err(e.into());
    }
    Ok(id)
}

/// Removes every stored part of a workbook (after its deletion can no longer be undone).
pub fn remove_workbook_data(ns: &str, id: &WorkbookId) {
    for key in keys_with_prefix(&format!("{ns}.wb.{id}.")) {
        remove_raw(&key);
    }
    crate::platform::startup::publish(ns);
}

/// Purges workbooks whose deletion can no longer be undone.
pub fn purge_deleted(ns: &str) {
    let mut library = load_library(ns);
    let ids = library.purgeable(browser::now().epoch_ms());
    if ids.is_empty() {
        return;
    }
    for id in &ids {
        remove_workbook_data(ns, id);
        library.purge(id);
    }
    let _ = save_library(ns, &library);
}

// ---------------------------------------------------------------------------
// One workbook

pub fn read_head(ns: &str, id: &WorkbookId) -> Option<Head> {
    read_json(&workbook_key(ns, id, "head"))
}

/// Reads a workbook: the slot its head names, or, if that is damaged or a
/// save was cut off half-way, the other slot.
pub fn load_workbook(ns: &str, id: &WorkbookId) -> Loaded {
    let head = read_head(ns, id);
    let first = head.as_ref().map(|h| h.slot).unwrap_or(library::Slot::A);
    let mut unreadable = None;
    for slot in [first, first.other()] {
        let Some(raw) = read_raw(&workbook_key(ns, id, slot.key())) else {
            continue;
        };
        match schema::decode(&raw) {
            Ok(envelope) => {
                let head = match &head {
                    Some(h) if h.slot == slot => h.clone(),
                    // The head is missing or points at a damaged slot: this
                    // slot becomes current at the head's revision.
                    _ => Head {
                        slot,
                        ..head.clone().unwrap_or_else(|| Head {
                            revision: 1,
                            slot,
                            schema_version: schema::CURRENT_SCHEMA_VERSION,
                            app_version: envelope.app_version.clone(),
                            saved_at: envelope.saved_at.clone().unwrap_or_else(browser::now),
                            bytes: raw.len() as u64,
                            organisation: envelope.workbook.organisation.name.clone(),
                            writer: String::new(),
                        })
                    },
                };
                return Loaded::Ready {
                    workbook: Box::new(envelope.workbook),
                    head,
                };
            }
            Err(error) => {
                unreadable.get_or_insert((raw, error));
            }
        }
    }
    match unreadable {
        Some((raw, error)) => Loaded::Unreadable { raw, error },
        None => Loaded::Missing,
    }
}

/// Stores the Overview's figures for `revision`, from which the next start
/// paints the Overview before the workbook is read (`ui::boot`). Only a
/// speed-up: if it cannot be stored, the next start reads the workbook first.
fn write_overview(ns: &str, id: &WorkbookId, revision: u64, workbook: &Workbook) {
    let Some(framework) = clausebook_core::framework::by_id(&workbook.framework.id) else {
        return;
    };
    let stored =
        clausebook_core::overview::Stored::new(revision, workbook, framework, browser::today());
    let _ = write_json(&workbook_key(ns, id, "overview"), &stored);
}

/// Rewrites the stored Overview unless it already describes `revision`
/// today (after an upgrade, on a new day, or after another tab's save).
/// Callers then bring the start-up mirror up to date (`startup::publish`).
pub fn refresh_overview(ns: &str, id: &WorkbookId, revision: u64, workbook: &Workbook) {
    let current = read_json::<clausebook_core::overview::Stored>(&workbook_key(ns, id, "overview"))
        .is_some_and(|s| s.describes(revision, browser::today()));
    if !current {
        write_overview(ns, id, revision, workbook);
    }
}

/// The text of the copy currently in force (for snapshots), left on the JS
/// side: a snapshot only copies it to another key, and bringing megabytes
/// into Rust and back cost more than the copy.
fn current_text(ns: &str, id: &WorkbookId, head: &Head) -> Option<js_sys::JsString> {
    let storage: JsStorage = local_storage().ok()?.unchecked_into();
    storage
        .get_item(&workbook_key(ns, id, head.slot.key()))
        .ok()?
        .dyn_into()
        .ok()
}

/// Writes a workbook's stored text for a save, as a JS string with its
/// length in UTF-8 bytes (the size the head records).
type Serialise<'a> = dyn FnMut(&Workbook, Timestamp) -> (js_sys::JsString, u64) + 'a;

/// The stored text, serialised whole.
fn plain_text(workbook: &Workbook, saved_at: Timestamp) -> (js_sys::JsString, u64) {
    let text = schema::to_stored_json(workbook, saved_at);
    (js_sys::JsString::from(text.as_str()), text.len() as u64)
}

/// What the autosaver keeps from one save to the next so that the next
/// serialises and converts only what changed.
#[derive(Default)]
struct SaveText {
    items: save_cache::Cache,
    /// The JS string of each item's text of the last save, by serial
    /// ([`save_cache::Piece::Item`]).
    js: std::collections::HashMap<u64, js_sys::JsString>,
    /// The JS strings of the last save's short written pieces: mostly the
    /// commas between items, thousands of them, each a call into JS to
    /// convert otherwise.
    short: std::collections::HashMap<String, js_sys::JsString>,
}

/// Written pieces up to this long are kept as JS strings between saves.
const SHORT_PIECE: usize = 64;

impl SaveText {
    fn text(&mut self, workbook: &Workbook, saved_at: Timestamp) -> (js_sys::JsString, u64) {
        let Ok(text) = self.items.text(workbook, saved_at.clone()) else {
            return plain_text(workbook, saved_at);
        };
        let mut kept = std::collections::HashMap::with_capacity(self.js.len());
        let mut short = std::collections::HashMap::with_capacity(self.short.len());
        let mut whole = js_sys::JsString::from("");
        for piece in text.pieces() {
            let part = match piece {
                save_cache::Piece::Written(text) if text.len() <= SHORT_PIECE => {
                    match short.get(text.as_str()) {
                        Some(part) => js_sys::JsString::clone(part),
                        None => {
                            let part = self
                                .short
                                .remove(text.as_str())
                                .unwrap_or_else(|| js_sys::JsString::from(text.as_str()));
                            short.insert(text.clone(), part.clone());
                            part
                        }
                    }
                }
                save_cache::Piece::Written(text) => js_sys::JsString::from(text.as_str()),
                save_cache::Piece::Item { serial, text } => {
                    let part = self
                        .js
                        .remove(serial)
                        .unwrap_or_else(|| js_sys::JsString::from(*text));
                    kept.insert(*serial, part.clone());
                    part
                }
            };
            // Joined on the JS side: the browser copies the parts once,
            // when the whole is written.
            whole = whole.concat(&part);
        }
        self.js = kept;
        self.short = short;
        (whole, text.len() as u64)
    }
}

/// Saves a new revision: checks nobody else wrote, snapshots when due,
/// writes the free slot, verifies it, switches the head, clears the old slot.
pub fn write_workbook(
    ns: &str,
    session: &mut Session,
    workbook: &Workbook,
) -> Result<Head, SaveError> {
    write_with(ns, session, workbook, &mut plain_text)
}

/// [`write_workbook`], with the text written by `serialise`.
fn write_with(
    ns: &str,
    session: &mut Session,
    workbook: &Workbook,
    serialise: &mut Serialise<'_>,
) -> Result<Head, SaveError> {
    if let Some(conflict) = &session.blocked {
        return Err(conflict.clone().into());
    }
    let id = session.id.clone().ok_or(StorageError::Verify)?;
    let current = read_head(ns, &id);
    if let Err(conflict) = library::check_write(
        session.known_revision,
        current.as_ref(),
        schema::APP_VERSION,
    ) {
        session.blocked = Some(conflict.clone());
        return Err(conflict.into());
    }
    let now = browser::now();
    let now_ms = now.epoch_ms();
    let snapshot_due = library::snapshot_due(session.last_snapshot_ms, now_ms);
    if let Some(head) = &current
        && snapshot_due
    {
        let reason = if session.last_snapshot_ms.is_none() {
            SnapshotReason::SessionStart
        } else {
            SnapshotReason::Interval
        };
        // The copy in force may already be kept (before an import or a restore).
        let kept = snapshots(ns, &id)
            .first()
            .is_some_and(|s| s.revision == head.revision);
        if !kept {
            // A snapshot refused for lack of space is tried again at the
            // next interval, not at every save: until space is freed each
            // attempt fails the same way, and a failed write of a large
            // workbook costs about as much as the save itself.
            let _ = take_snapshot(ns, &id, head, reason);
        }
        session.last_snapshot_ms = Some(now_ms);
    }

    let (text, bytes) = serialise(workbook, now.clone());
    let slot = current
        .as_ref()
        .map(|h| h.slot.other())
        .unwrap_or(library::Slot::A);
    let in_place = current.is_some()
        && !snapshot_due
        && session.in_place_from.is_some_and(|from| bytes >= from);
    let slot = write_slot(ns, &id, slot, current.as_ref(), &text, in_place)?;
    session.in_place_from = current
        .as_ref()
        .is_some_and(|c| c.slot == slot)
        .then_some(bytes);
    let head = Head {
        revision: session.known_revision + 1,
        slot,
        schema_version: schema::CURRENT_SCHEMA_VERSION,
        app_version: schema::APP_VERSION.to_owned(),
        saved_at: now,
        bytes,
        organisation: workbook.organisation.name.clone(),
        writer: tab_id().to_owned(),
    };
    write_json(&workbook_key(ns, &id, "head"), &head)?;
    write_overview(ns, &id, head.revision, workbook);
    crate::platform::startup::publish(ns);
    if current.as_ref().is_some_and(|c| c.slot != slot) {
        remove_raw(&workbook_key(ns, &id, slot.other().key()));
    }
    session.known_revision = head.revision;
    Ok(head)
}

/// Writes `text` into `slot` and reads it back. When storage is full it
/// frees space by dropping the oldest snapshots; as a last resort it
/// replaces the current slot in place, which the browser also does
/// atomically (a refused `setItem` leaves the old value). With `in_place`
/// (the last save had to), it goes straight to that last resort.
fn write_slot(
    ns: &str,
    id: &WorkbookId,
    slot: library::Slot,
    current: Option<&Head>,
    text: &js_sys::JsString,
    in_place: bool,
) -> Result<library::Slot, StorageError> {
    // A JS string: the read-back is compared on the JS side, so a large
    // workbook is not copied back into Rust to verify it.
    let attempt = |slot: library::Slot| -> Result<library::Slot, StorageError> {
        let key = workbook_key(ns, id, slot.key());
        let storage: JsStorage = local_storage()?.unchecked_into();
        storage
            .set_item(&key, text)
            .map_err(|_| StorageError::Full)?;
        match storage.get_item(&key) {
            Ok(back) if AsRef::<JsValue>::as_ref(text) == &back => Ok(slot),
            _ => Err(StorageError::Verify),
        }
    };
    if !in_place {
        loop {
            match attempt(slot) {
                Err(StorageError::Full) if drop_oldest_snapshot(ns) => continue,
                Err(StorageError::Full) => break,
                other => return other,
            }
        }
    }
    match current {
        Some(head) if head.slot != slot => {
            remove_raw(&workbook_key(ns, id, slot.key()));
            attempt(head.slot)
        }
        _ => Err(StorageError::Full),
    }
}

// ---------------------------------------------------------------------------
// Snapshots

pub fn snapshots(ns: &str, id: &WorkbookId) -> Vec<SnapshotMeta> {
    let mut list: Vec<SnapshotMeta> = read_json(&workbook_key(ns, id, "snaps")).unwrap_or_default();
    list.sort_by_key(|s| std::cmp::Reverse(s.id));
    list
}

fn snapshot_key(ns: &str, id: &WorkbookId, snap: i64) -> String {
    workbook_key(ns, id, &format!("snap.{snap}"))
}

/// Keeps the copy now in force as a snapshot, then thins the list to ten.
pub fn take_snapshot(
    ns: &str,
    id: &WorkbookId,
    head: &Head,
    reason: SnapshotReason,
) -> Result<(), StorageError> {
    let text = current_text(ns, id, head).ok_or(StorageError::Verify)?;
    let now = browser::now();
    let mut list = snapshots(ns, id);
    let snap_id = list
        .iter()
        .map(|s| s.id + 1)
        .max()
        .unwrap_or(0)
        .max(now.epoch_ms());
    let storage: JsStorage = local_storage()?.unchecked_into();
    storage
        .set_item(&snapshot_key(ns, id, snap_id), &text)
        .map_err(|_| StorageError::Full)?;
    list.push(SnapshotMeta {
        id: snap_id,
        taken_at: now.clone(),
        // The head's size of this copy (its UTF-8 bytes, as written): the
        // text stayed a JS string, whose length counts UTF-16 units.
        bytes: head.bytes,
        revision: head.revision,
        reason,
    });
    let dropped = library::thin(&list, now.epoch_ms());
    for snap in &dropped {
        remove_raw(&snapshot_key(ns, id, *snap));
    }
    list.retain(|s| !dropped.contains(&s.id));
    if let Err(e) = write_json(&workbook_key(ns, id, "snaps"), &list) {
        remove_raw(&snapshot_key(ns, id, snap_id));
        return Err(e);
    }
    Ok(())
}

/// The workbook in a snapshot, checked like an import.
pub fn read_snapshot(ns: &str, id: &WorkbookId, snap: i64) -> Result<Workbook, SchemaError> {
    let text = read_raw(&snapshot_key(ns, id, snap))
        .ok_or_else(|| SchemaError::Malformed("the snapshot is no longer stored".into()))?;
    schema::decode(&text).map(|e| e.workbook)
}

/// Frees space: drops the oldest snapshot of any workbook in the namespace.
fn drop_oldest_snapshot(ns: &str) -> bool {
    let library: Library = read_json(&library_key(ns)).unwrap_or_default();
    let oldest = library
        .workbooks
        .iter()
        .flat_map(|e| snapshots(ns, &e.id).into_iter().map(|s| (e.id.clone(), s)))
        .min_by_key(|(_, s)| s.id);
    let Some((id, snap)) = oldest else {
        return false;
    };
    remove_raw(&snapshot_key(ns, &id, snap.id));
    let mut list = snapshots(ns, &id);
    list.retain(|s| s.id != snap.id);
    let _ = write_json(&workbook_key(ns, &id, "snaps"), &list);
    true
}

// ---------------------------------------------------------------------------
// Backups

pub fn backup(ns: &str, id: &WorkbookId) -> Option<Backup> {
    read_json(&workbook_key(ns, id, "backup"))
}

/// Records that the workbook was exported at `revision`.
pub fn record_backup(ns: &str, id: &WorkbookId, revision: u64) -> Result<Backup, StorageError> {
    let backup = Backup {
        exported_at: browser::now(),
        revision,
    };
    write_json(&workbook_key(ns, id, "backup"), &backup)?;
    crate::platform::startup::publish(ns);
    Ok(backup)
}

/// Until when the backup reminder is snoozed.
pub fn reminder_snoozed_until(ns: &str, id: &WorkbookId) -> Option<i64> {
    read_raw(&workbook_key(ns, id, "remind"))?.parse().ok()
}

pub fn snooze_reminder(ns: &str, id: &WorkbookId, until_ms: i64) {
    let _ = write_raw(&workbook_key(ns, id, "remind"), &until_ms.to_string());
    crate::platform::startup::publish(ns);
}

// ---------------------------------------------------------------------------
// Simple access by namespace (the active workbook), for tests and tools

/// The active workbook of `ns`, classified like any stored data.
pub fn load(ns: &str) -> LocalCopy {
    let library = load_library(ns);
    let Some(id) = active(ns, &library) else {
        return LocalCopy::Empty;
    };
    match load_workbook(ns, &id) {
        Loaded::Missing => LocalCopy::Empty,
        Loaded::Unreadable { raw, error } => LocalCopy::Unreadable { raw, error },
        Loaded::Ready { workbook, head } => LocalCopy::Ready(Box::new(schema::Envelope {
            format: schema::FORMAT.to_owned(),
            schema_version: schema::CURRENT_SCHEMA_VERSION,
            app_version: head.app_version,
            exported_at: None,
            saved_at: Some(head.saved_at),
            workbook: *workbook,
        })),
    }
}

/// Saves `workbook` as the active workbook of `ns` (adding it if there is
/// none), over whatever revision is stored.
pub fn save(ns: &str, workbook: &Workbook) -> Result<Timestamp, SaveError> {
    let library = load_library(ns);
    match active(ns, &library) {
        None => {
            let id = create_workbook(ns, &workbook.organisation.name, workbook, false)?;
            set_active(ns, &id);
            Ok(read_head(ns, &id)
                .map(|h| h.saved_at)
                .unwrap_or_else(browser::now))
        }
        Some(id) => {
            let mut session = Session {
                known_revision: read_head(ns, &id).map(|h| h.revision).unwrap_or(0),
                id: Some(id),
                ..Session::default()
            };
            write_workbook(ns, &mut session, workbook).map(|h| h.saved_at)
        }
    }
}

/// Removes everything stored under namespace `ns` (after the user confirmed it).
pub fn remove(ns: &str) -> Result<(), StorageError> {
    let storage = local_storage()?;
    for key in keys_with_prefix(&format!("{ns}.")) {
        storage
            .remove_item(&key)
            .map_err(|_| StorageError::Unavailable)?;
    }
    storage
        .remove_item(ns)
        .map_err(|_| StorageError::Unavailable)?;
    crate::platform::startup::publish(ns);
    Ok(())
}

/// Asks the browser not to clear this site's storage under pressure.
pub fn request_persistence() {
    if let Ok(promise) = gloo_utils::window().navigator().storage().persist() {
        // The answer only matters for display; the browser may decide later.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// Whether the browser promised to keep this site's storage.
pub async fn is_persisted() -> bool {
    let Ok(promise) = gloo_utils::window().navigator().storage().persisted() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// A random id for this page load: heads name the tab that wrote them.
pub fn tab_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| format!("tab-{:08x}", random_u32()))
}

fn random_u32() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

// ---------------------------------------------------------------------------
// Autosave

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
}

impl Autosaver {
    /// Saves into namespace `ns` (the app uses [`NAMESPACE`]).
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
        let asked = state.session.persistence_asked;
        state.session = Session {
            id,
            known_revision: revision,
            persistence_asked: asked,
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
        if !session.persistence_asked && result.is_ok() {
            session.persistence_asked = true;
            request_persistence();
        }
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
