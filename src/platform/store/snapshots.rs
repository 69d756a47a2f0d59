//! Snapshots: earlier copies of a workbook, kept beside it so that an
//! import, a restore or a day's edits can be taken back. Up to ten are
//! kept, thinned out as they age (`library::thin`).

use super::error::StorageError;
use super::keys::{library_key, snapshot_key, workbook_key};
use super::local::{js_storage, read_json, read_raw, remove_raw, write_json};
use crate::platform::browser;
use clausebook_core::file::schema::{self, SchemaError};
use clausebook_core::library::{self, Head, Library, SnapshotMeta, SnapshotReason, WorkbookId};
use clausebook_core::workbook::Workbook;
use wasm_bindgen::JsCast;

/// The snapshots of a workbook, newest first.
pub fn snapshots(ns: &str, id: &WorkbookId) -> Vec<SnapshotMeta> {
    let mut list: Vec<SnapshotMeta> = read_json(&workbook_key(ns, id, "snaps")).unwrap_or_default();
    list.sort_by_key(|s| std::cmp::Reverse(s.id));
    list
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
    let storage = js_storage()?;
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
pub(super) fn drop_oldest_snapshot(ns: &str) -> bool {
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

/// The text of the copy currently in force (for snapshots), left on the JS
/// side: a snapshot only copies it to another key, and bringing megabytes
/// into Rust and back cost more than the copy.
fn current_text(ns: &str, id: &WorkbookId, head: &Head) -> Option<js_sys::JsString> {
    js_storage()
        .ok()?
        .get_item(&workbook_key(ns, id, head.slot.key()))
        .ok()?
        .dyn_into()
        .ok()
}
