//! Why the store could not do what it was asked, in words the user can act on.

use clausebook_core::library::{self, Conflict};
use thiserror::Error;

/// What local storage refused.
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
