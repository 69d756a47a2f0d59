//! The workbooks in this browser: the list of them (`{ns}.library`), which
//! one is open (`{ns}.active`), adding, removing and purging them, and the
//! move of older versions' single workbook into the list.

use super::error::{SaveError, StorageError};
use super::keys::{active_key, legacy_key, library_key, workbook_key};
use super::local::{
    keys_with_prefix, local_storage, read_json, read_raw, remove_raw, write_json, write_raw,
};
use super::slots::{Loaded, Session, load_workbook, read_head, tab_id, write_with, write_workbook};
use super::text::{Serialise, plain_text};
use crate::platform::browser;
use clausebook_core::calendar::Timestamp;
use clausebook_core::file::schema::{self, LocalCopy};
use clausebook_core::library::{self, Head, Library, WorkbookId};
use clausebook_core::workbook::Workbook;

/// Where versions before the workbook list kept their single workbook; it
/// is moved into the list on first start.
pub const WORKBOOK_KEY: &str = "clausebook.workbook";

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

/// Stores the list of workbooks.
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

/// Remembers `id` as the workbook to open at the next start.
pub fn set_active(ns: &str, id: &WorkbookId) {
    // A preference: if it cannot be stored, the first workbook opens next time.
    let _ = write_raw(&active_key(ns), id.as_str());
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
    let id = WorkbookId::generate(now.epoch_ms(), browser::random_u32());
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
pub(super) fn create_with(
    ns: &str,
    name: &str,
    workbook: &Workbook,
    sample: bool,
    serialise: &mut Serialise<'_>,
) -> Result<WorkbookId, SaveError> {
    let now = browser::now();
    let id = WorkbookId::generate(now.epoch_ms(), browser::random_u32());
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

/// Removes what older versions kept beside each workbook and nothing reads
/// any more: a copy of its Overview's figures (`{ns}.wb.{id}.overview`),
/// and the IndexedDB database named `ns` that held a copy of those entries. A
/// copy left behind is harmless; this only gives the space back, once.
pub fn remove_retired_entries(ns: &str) {
    let prefix = format!("{ns}.wb.");
    let retired: Vec<String> = keys_with_prefix(&prefix)
        .into_iter()
        .filter(|key| key.ends_with(".overview"))
        .collect();
    if retired.is_empty() {
        return;
    }
    for key in &retired {
        remove_raw(key);
    }
    if let Ok(Some(factory)) = gloo_utils::window().indexed_db() {
        // Deleted in the background; a refusal leaves a few kilobytes.
        let _ = factory.delete_database(ns);
    }
}

/// The active workbook of `ns`, classified like any stored data (tests and
/// tools; the app opens workbooks by id).
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
/// none), over whatever revision is stored (tests and tools).
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
    Ok(())
}
