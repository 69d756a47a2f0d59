//! The library: the rules of the list of workbooks kept in this browser and
//! what keeps them safe. Slots (one a workbook), the small "head" record
//! stored beside each one (which revision is current and who wrote it),
//! conflicts between tabs, snapshots thinned by age, and backup reminders.
//!
//! Plain rules with the clock passed in; `storage` does the reading and
//! writing in the browser.

use crate::calendar::Timestamp;
use crate::limits::{LOCAL_STORAGE_QUOTA_BYTES, MAX_SNAPSHOTS, MAX_WORKBOOK_NAME_CHARS};
use crate::retention::Retention;
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// Identifies a workbook in this browser (also part of its storage keys).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WorkbookId(String);

/// The list of workbooks, as stored under the library key.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    pub workbooks: Vec<Entry>,
}

/// One workbook in the list. What changes on every save (size, last change)
/// lives in its [`Head`], so saving one workbook never rewrites the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: WorkbookId,
    /// The name in the list ("Course 12", "Client: Harbour Street").
    pub name: String,
    pub created_at: Timestamp,
    /// Set while a deletion can still be undone; the data is purged after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<Timestamp>,
    /// The training sample: loading it never touches the user's workbooks.
    #[serde(default)]
    pub sample: bool,
}

/// The record stored beside each workbook and checked before every write,
/// so that two tabs, or an older copy of the app, never overwrite each other.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Head {
    /// Goes up by one with every save.
    pub revision: u64,
    /// Which of the two storage slots holds this revision.
    pub slot: Slot,
    pub schema_version: u64,
    pub app_version: String,
    pub saved_at: Timestamp,
    pub bytes: u64,
    pub organisation: String,
    /// The tab that wrote it (random per page load).
    pub writer: String,
}

/// Saves alternate between two slots: the new copy is written and verified
/// in the other slot before the head switches to it, so a failed write
/// leaves the previous copy intact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Slot {
    A,
    B,
}

/// Why this tab must not write.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Conflict {
    #[error(
        "This workbook was changed in another tab or window (saved at {saved_at}). This tab stopped saving so that neither copy overwrites the other. Reload to continue with the latest version."
    )]
    OtherTab { saved_at: String },
    #[error(
        "This workbook was saved by a newer version of Clausebook ({app_version}). This older version will not write over it. Reload to update."
    )]
    NewerApp { app_version: String },
    #[error(
        "This workbook was deleted in another tab or window. This tab stopped saving; export JSON to keep what is on screen."
    )]
    Removed,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LibraryError {
    #[error("Give the workbook a name.")]
    EmptyName,
    #[error("The name is too long: at most {max} characters.")]
    NameTooLong { max: usize },
    #[error("The name contains control characters; type it again without them.")]
    ControlCharacter,
    #[error(
        "There is no workbook “{0}” in this browser any more; it may have been deleted in another tab."
    )]
    Unknown(String),
    #[error("A workbook with the identifier “{0}” already exists.")]
    DuplicateId(String),
    #[error("“{0}” is not a valid workbook identifier.")]
    BadId(String),
}

/// One stored earlier copy of a workbook.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SnapshotMeta {
    /// Milliseconds since 1970 when it was taken; also its storage key.
    pub id: i64,
    pub taken_at: Timestamp,
    pub bytes: u64,
    pub revision: u64,
    pub reason: SnapshotReason,
}

/// Why a snapshot was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SnapshotReason {
    /// The copy found in storage when editing started in this session.
    SessionStart,
    /// Taken every few minutes while editing.
    Interval,
    BeforeImport,
    BeforeRestore,
}

/// When this workbook was last saved to a file, at which revision, how, and
/// whether encrypted. Records from before files could be chosen or
/// encrypted lack the last two fields: they were plain downloads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub exported_at: Timestamp,
    pub revision: u64,
    #[serde(default)]
    pub saved_to: SavedTo,
    #[serde(default)]
    pub encrypted: bool,
}

/// Where a file save went.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SavedTo {
    /// Offered as a download, to wherever the browser puts them.
    #[default]
    Download,
    /// Written to a file the person chose (File System Access API).
    File { name: String },
}

/// While editing, a new snapshot at most this often.
pub const SNAPSHOT_INTERVAL_MS: i64 = 10 * 60 * 1000;
/// How long a deletion can be undone.
pub const UNDO_DELETE_MS: i64 = 15 * 1000;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

impl WorkbookId {
    /// An id from a time and a random number, unique enough within one browser.
    pub fn generate(now_ms: i64, random: u32) -> Self {
        Self(format!("wb-{}-{:08x}", now_ms.max(0), random))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for WorkbookId {
    type Error = LibraryError;
    /// Only short ids of letters, digits and hyphens: they become storage keys.
    fn try_from(value: String) -> Result<Self, Self::Error> {
        let ok = !value.is_empty()
            && value.len() <= 40
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if ok {
            Ok(Self(value))
        } else {
            Err(LibraryError::BadId(value))
        }
    }
}

impl From<WorkbookId> for String {
    fn from(value: WorkbookId) -> Self {
        value.0
    }
}

impl fmt::Display for WorkbookId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks a workbook name and returns it trimmed.
pub fn check_name(name: &str) -> Result<String, LibraryError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(LibraryError::EmptyName);
    }
    if name.chars().count() > MAX_WORKBOOK_NAME_CHARS {
        return Err(LibraryError::NameTooLong {
            max: MAX_WORKBOOK_NAME_CHARS,
        });
    }
    if name.chars().any(char::is_control) {
        return Err(LibraryError::ControlCharacter);
    }
    Ok(name.to_owned())
}

impl Library {
    /// The workbooks not deleted, in the order they were added.
    pub fn live(&self) -> impl Iterator<Item = &Entry> {
        self.workbooks.iter().filter(|e| e.deleted_at.is_none())
    }

    /// A live workbook by id.
    pub fn get(&self, id: &WorkbookId) -> Option<&Entry> {
        self.live().find(|e| &e.id == id)
    }

    pub fn add(
        &mut self,
        id: WorkbookId,
        name: &str,
        now: Timestamp,
        sample: bool,
    ) -> Result<(), LibraryError> {
        let name = check_name(name)?;
        if self.workbooks.iter().any(|e| e.id == id) {
            return Err(LibraryError::DuplicateId(id.0));
        }
        self.workbooks.push(Entry {
            id,
            name,
            created_at: now,
            deleted_at: None,
            sample,
        });
        Ok(())
    }

    pub fn rename(&mut self, id: &WorkbookId, name: &str) -> Result<(), LibraryError> {
        let name = check_name(name)?;
        self.live_mut(id)?.name = name;
        Ok(())
    }

    /// Hides a workbook; [`Library::restore`] brings it back until it is purged.
    pub fn delete(&mut self, id: &WorkbookId, now: Timestamp) -> Result<(), LibraryError> {
        self.live_mut(id)?.deleted_at = Some(now);
        Ok(())
    }

    /// Undoes a deletion.
    pub fn restore(&mut self, id: &WorkbookId) -> Result<(), LibraryError> {
        let entry = self
            .workbooks
            .iter_mut()
            .find(|e| &e.id == id && e.deleted_at.is_some())
            .ok_or_else(|| LibraryError::Unknown(id.0.clone()))?;
        entry.deleted_at = None;
        Ok(())
    }

    /// Deleted workbooks whose undo window has passed: their data can go.
    pub fn purgeable(&self, now_ms: i64) -> Vec<WorkbookId> {
        self.workbooks
            .iter()
            .filter(|e| {
                e.deleted_at
                    .as_ref()
                    .is_some_and(|at| now_ms - at.epoch_ms() >= UNDO_DELETE_MS)
            })
            .map(|e| e.id.clone())
            .collect()
    }

    /// Forgets a workbook entirely (after its data was removed).
    pub fn purge(&mut self, id: &WorkbookId) {
        self.workbooks.retain(|e| &e.id != id);
    }

    /// "Name (copy)", or "Name (copy 2)" if that is taken, for a duplicate.
    pub fn copy_name(&self, name: &str) -> String {
        let taken = |candidate: &str| self.live().any(|e| e.name == candidate);
        let base: String = name.chars().take(MAX_WORKBOOK_NAME_CHARS - 12).collect();
        let mut candidate = format!("{base} (copy)");
        let mut n = 2;
        while taken(&candidate) {
            candidate = format!("{base} (copy {n})");
            n += 1;
        }
        candidate
    }

    fn live_mut(&mut self, id: &WorkbookId) -> Result<&mut Entry, LibraryError> {
        self.workbooks
            .iter_mut()
            .find(|e| &e.id == id && e.deleted_at.is_none())
            .ok_or_else(|| LibraryError::Unknown(id.0.clone()))
    }
}

impl Slot {
    pub fn other(self) -> Slot {
        match self {
            Slot::A => Slot::B,
            Slot::B => Slot::A,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Slot::A => "a",
            Slot::B => "b",
        }
    }
}

/// Whether this tab may write a new revision, given the revision it loaded
/// (0 for a workbook it created and never saved) and the head now in storage.
pub fn check_write(
    known_revision: u64,
    head: Option<&Head>,
    our_app: &str,
) -> Result<(), Conflict> {
    let Some(head) = head else {
        return if known_revision == 0 {
            Ok(())
        } else {
            Err(Conflict::Removed)
        };
    };
    if is_newer_version(&head.app_version, our_app) {
        return Err(Conflict::NewerApp {
            app_version: head.app_version.clone(),
        });
    }
    if head.revision != known_revision {
        // "21:36 UTC": the tab's own clock may differ, so say which zone.
        let time = head
            .saved_at
            .as_str()
            .get(11..16)
            .unwrap_or("an unknown time");
        return Err(Conflict::OtherTab {
            saved_at: format!("{time} UTC"),
        });
    }
    Ok(())
}

/// Whether version `a` ("1.4.10") is newer than `b` ("1.4.9"), by number.
pub fn is_newer_version(a: &str, b: &str) -> bool {
    let parse = |v: &str| -> Vec<u64> {
        v.split(['.', '-', '+'])
            .take(3)
            .map(|p| p.parse().unwrap_or(0))
            .collect()
    };
    parse(a) > parse(b)
}

impl SnapshotReason {
    pub fn label(self) -> &'static str {
        match self {
            SnapshotReason::SessionStart => "When editing began",
            SnapshotReason::Interval => "While editing",
            SnapshotReason::BeforeImport => "Before an import replaced it",
            SnapshotReason::BeforeRestore => "Before a restore",
        }
    }
}

/// Whether to take a snapshot before the next save: at the first save of a
/// session, then every [`SNAPSHOT_INTERVAL_MS`] while editing.
pub fn snapshot_due(last_taken_in_session: Option<i64>, now_ms: i64) -> bool {
    last_taken_in_session.is_none_or(|last| now_ms - last >= SNAPSHOT_INTERVAL_MS)
}

/// Which snapshots to drop so that at most [`MAX_SNAPSHOTS`] remain, thinned
/// by age: the newest and the oldest always stay, and among the others the
/// one whose removal leaves the smallest gap relative to its age goes first.
/// Recent snapshots therefore stay close together and old ones spread out
/// (minutes apart today, days apart last month).
pub fn thin(snapshots: &[SnapshotMeta], now_ms: i64) -> Vec<i64> {
    let mut ids: Vec<i64> = snapshots.iter().map(|s| s.id).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut dropped = Vec::new();
    while ids.len() > MAX_SNAPSHOTS {
        // ids is sorted oldest first; never drop the first or the last.
        let victim = (1..ids.len() - 1)
            .min_by(|&a, &b| {
                let score = |i: usize| {
                    let gap = (ids[i + 1] - ids[i - 1]) as f64;
                    let age = (now_ms - ids[i]).max(0) as f64 + 60_000.0;
                    gap / age
                };
                score(a).total_cmp(&score(b))
            })
            .unwrap_or(1);
        dropped.push(ids.remove(victim));
    }
    dropped
}

/// The header's backup line, counting the changes since the last file save:
/// "Saved to file harbour.clausebook.json at 14:02 · 3 changes since",
/// "Downloaded today · no changes since", "Never saved to a file".
/// `clock` is the save's local time of day ("14:02"), which only the
/// browser knows; it is shown for a save made today.
pub fn backup_label(backup: Option<&Backup>, revision: u64, now_ms: i64, clock: &str) -> String {
    let Some(backup) = backup else {
        return "Never saved to a file".to_owned();
    };
    let when = match (now_ms - backup.exported_at.epoch_ms()).max(0) / DAY_MS {
        0 => None,
        1 => Some("yesterday".to_owned()),
        days => Some(format!("{days} days ago")),
    };
    let how = match (&backup.saved_to, when) {
        (SavedTo::File { name }, None) => format!("Saved to file {name} at {clock}"),
        (SavedTo::File { name }, Some(when)) => format!("Saved to file {name} {when}"),
        (SavedTo::Download, None) => "Downloaded today".to_owned(),
        (SavedTo::Download, Some(when)) => format!("Downloaded {when}"),
    };
    let encrypted = if backup.encrypted { ", encrypted" } else { "" };
    let changes = match revision.saturating_sub(backup.revision) {
        0 => "no changes since".to_owned(),
        1 => "1 change since".to_owned(),
        n => format!("{n} changes since"),
    };
    format!("{how}{encrypted} · {changes}")
}

/// Whether to remind the user to save to a file: there are changes since
/// the last file save (or there never was one), and that save — or the
/// workbook's creation — is at least the browser's reminder interval ago
/// ([`crate::retention::Retention::reminder_after_ms`]: two days where
/// the browser deletes unvisited data after seven, a week elsewhere).
/// `snoozed_until_ms` postpones it.
pub fn backup_reminder_due(
    backup: Option<&Backup>,
    revision: u64,
    created_at: &Timestamp,
    now_ms: i64,
    snoozed_until_ms: Option<i64>,
    retention: Retention,
) -> bool {
    if snoozed_until_ms.is_some_and(|until| now_ms < until) {
        return false;
    }
    let (since, changed) = match backup {
        Some(b) => (b.exported_at.epoch_ms(), revision > b.revision),
        None => (created_at.epoch_ms(), revision > 0),
    };
    changed && now_ms - since >= retention.reminder_after_ms()
}

/// "1.2 MB of about 5 MB (24%)": local storage use against the usual quota.
pub fn usage_label(used_bytes: u64) -> String {
    let percent = used_bytes.saturating_mul(100) / LOCAL_STORAGE_QUOTA_BYTES;
    format!(
        "{} of about {} ({percent}%)",
        crate::file::export::human_size(used_bytes),
        crate::file::export::human_size(LOCAL_STORAGE_QUOTA_BYTES)
    )
}
