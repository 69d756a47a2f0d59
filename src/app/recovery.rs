//! What the recovery screen may do with the stored workbooks. It is shown
//! instead of the workbench when the open workbook cannot be read, so no
//! [`super::AppState`] exists yet; it reaches the store here instead.

use crate::platform::store::{self, NAMESPACE, StorageError};
use clausebook_core::library::{Library, WorkbookId};

/// The list of workbooks in this browser.
pub fn library() -> Library {
    store::load_library(NAMESPACE)
}

/// Removes the workbook `id` for good, and its entry in the list (the
/// user chose to start again without it).
pub fn discard(id: &WorkbookId) -> Result<(), StorageError> {
    let mut library = store::load_library(NAMESPACE);
    store::remove_workbook_data(NAMESPACE, id);
    library.purge(id);
    store::save_library(NAMESPACE, &library)
}

/// Makes `id` the workbook the next start opens.
pub fn open_next(id: &WorkbookId) {
    store::set_active(NAMESPACE, id);
}
