//! Records the app keeps in this browser apart from the workbooks, each a
//! text under a key of its own: the study profile and the chosen theme. The
//! study tools work without an open workbook, so they reach their record
//! here rather than through [`super::AppState`].

use crate::platform::store::{self, StorageError};

/// The text stored under `key`, if any.
pub fn read(key: &str) -> Option<String> {
    store::read_raw(key)
}

/// Stores `text` under `key`; a refused write leaves the old text in place.
pub fn write(key: &str, text: &str) -> Result<(), StorageError> {
    store::write_raw(key, text)
}
