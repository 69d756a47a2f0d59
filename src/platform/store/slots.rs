//! One workbook's copy in force: two slots and a head. A save writes the
//! slot the head does not point at, reads it back to verify, and only then
//! switches the head, so a refused or damaged write leaves the previous
//! copy in force. The old slot is then cleared so a workbook costs its own
//! size, not twice.
//!
//! Before each write the head is read again: if another tab (or a newer
//! version of the app) wrote since this tab loaded, this tab stops saving
//! and says so, rather than overwrite that work.

use super::error::{SaveError, StorageError};
use super::keys::workbook_key;
use super::local::{js_storage, read_json, read_raw, remove_raw, write_json};
use super::snapshots::{drop_oldest_snapshot, snapshots, take_snapshot};
use super::text::{Serialise, plain_text};
use crate::platform::browser;
use clausebook_core::file::schema::{self, SchemaError};
use clausebook_core::library::{self, Conflict, Head, SnapshotReason, WorkbookId};
use clausebook_core::workbook::Workbook;
use wasm_bindgen::JsValue;

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
    /// Set when a save found no room for a second copy and replaced the
    /// copy in force instead: the size of that text, in bytes. Saves at
    /// least as large then replace it directly, without first trying the
    /// free slot (a refused write of megabytes costs almost as much as one
    /// that succeeds); a smaller save, or one at the snapshot interval,
    /// tries the free slot again.
    pub in_place_from: Option<u64>,
}

/// The head of a workbook: its current revision and slot, and who wrote it.
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
pub(super) fn write_with(
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
        let storage = js_storage()?;
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

/// A random id for this page load: heads name the tab that wrote them.
pub fn tab_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| format!("tab-{:08x}", browser::random_u32()))
}
