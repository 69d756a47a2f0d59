//! The store: the workbooks in this browser's local storage, saved safely
//! as you type. Saving writes the workbook and nothing else: nothing here
//! computes what a page shows.
//!
//! Everything lives under a namespace ([`NAMESPACE`]; tests use their own):
//!
//! - `{ns}.library`: the list of workbooks; `{ns}.active`: the one last open
//!   ([`workbooks`]).
//! - `{ns}.wb.{id}.head`: the current revision, its slot, and who wrote it;
//!   `{ns}.wb.{id}.a` / `.b`: the workbook, in two slots ([`slots`]).
//! - `{ns}.wb.{id}.snaps` and `.snap.{ms}`: up to ten earlier copies
//!   ([`snapshots`]).
//! - `{ns}.wb.{id}.backup`: when it was last exported; `.remind`: until when
//!   the backup reminder is snoozed ([`backup`]); `{ns}.notice`: until when
//!   the notice of Safari's 7-day deletion is hidden.
//!
//! [`autosave`] decides when a save happens; [`text`] writes the stored
//! text; [`local`] is local storage itself, and [`keys`] where each entry is.

pub mod autosave;
pub mod backup;
pub mod error;
pub mod keys;
pub mod local;
pub mod slots;
pub mod snapshots;
pub mod text;
pub mod workbooks;

pub use autosave::{Autosaver, MAX_SAVE_WAIT_MS, SAVE_DELAY_MS, SaveFn, SaveStatus};
pub use backup::{
    backup, hide_notice, notice_hidden_until, record_backup, reminder_snoozed_until,
    snooze_reminder,
};
pub use error::{SaveError, StorageError};
pub use keys::{active_key, workbook_key};
pub use local::{is_persisted, read_raw, request_persistence, usage, write_raw};
pub use slots::{Loaded, Session, load_workbook, read_head, tab_id, write_workbook};
pub use snapshots::{read_snapshot, snapshots, take_snapshot};
pub use workbooks::{
    WORKBOOK_KEY, active, create_workbook, load, load_library, purge_deleted, remove,
    remove_retired_entries, remove_workbook_data, save, save_library, set_active,
};

/// The app's own namespace in local storage.
pub const NAMESPACE: &str = "clausebook";
