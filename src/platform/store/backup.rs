//! When each workbook was last saved to a file (its backup), where and
//! whether encrypted, until when the reminder to back it up is snoozed, and
//! until when the notice of Safari's 7-day deletion is hidden.

use super::error::StorageError;
use super::keys::{notice_key, workbook_key};
use super::local::{read_json, read_raw, write_json, write_raw};
use crate::platform::browser;
use clausebook_core::library::{Backup, SavedTo, WorkbookId};

/// The workbook's last export, if it was ever exported.
pub fn backup(ns: &str, id: &WorkbookId) -> Option<Backup> {
    read_json(&workbook_key(ns, id, "backup"))
}

/// Records that the workbook was saved to a file at `revision`.
pub fn record_backup(
    ns: &str,
    id: &WorkbookId,
    revision: u64,
    saved_to: SavedTo,
    encrypted: bool,
) -> Result<Backup, StorageError> {
    let backup = Backup {
        exported_at: browser::now(),
        revision,
        saved_to,
        encrypted,
    };
    write_json(&workbook_key(ns, id, "backup"), &backup)?;
    Ok(backup)
}

/// Until when the backup reminder is snoozed.
pub fn reminder_snoozed_until(ns: &str, id: &WorkbookId) -> Option<i64> {
    read_raw(&workbook_key(ns, id, "remind"))?.parse().ok()
}

pub fn snooze_reminder(ns: &str, id: &WorkbookId, until_ms: i64) {
    let _ = write_raw(&workbook_key(ns, id, "remind"), &until_ms.to_string());
}

/// Until when the notice that this browser deletes unvisited data is hidden.
pub fn notice_hidden_until(ns: &str) -> Option<i64> {
    read_raw(&notice_key(ns))?.parse().ok()
}

pub fn hide_notice(ns: &str, until_ms: i64) {
    let _ = write_raw(&notice_key(ns), &until_ms.to_string());
}
