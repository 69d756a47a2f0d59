//! Where each entry of a namespace is kept (see the list in [`super`]).
//! Users' data is stored under these names: they never change.

use clausebook_core::library::WorkbookId;

pub(super) fn library_key(ns: &str) -> String {
    format!("{ns}.library")
}

/// Where namespace `ns` remembers its open workbook.
pub fn active_key(ns: &str) -> String {
    format!("{ns}.active")
}

/// Until when the notice of the browser's 7-day deletion is hidden.
pub(super) fn notice_key(ns: &str) -> String {
    format!("{ns}.notice")
}

pub(super) fn legacy_key(ns: &str) -> String {
    format!("{ns}.workbook")
}

/// The storage key of one part of a workbook ("head", "a", "snaps", …).
pub fn workbook_key(ns: &str, id: &WorkbookId, part: &str) -> String {
    format!("{ns}.wb.{id}.{part}")
}

/// Where one snapshot's copy is kept.
pub(super) fn snapshot_key(ns: &str, id: &WorkbookId, snap: i64) -> String {
    workbook_key(ns, id, &format!("snap.{snap}"))
}
