//! The state every page shares, and the only way a page reaches storage:
//! pages change the workbook through `AppState`, which keeps the undo
//! history and tells the autosaver.

use crate::platform::browser;
use crate::platform::crypto::{self, CryptoError};
use crate::platform::file_handle::{self, FileError};
use crate::platform::store::{self, Autosaver, Loaded, SaveError, SaveStatus, StorageError};
use clausebook_core::file::export::{self, ImportError, ImportPreview};
use clausebook_core::file::schema::SchemaError;
use clausebook_core::file::sealed::{self, FileKind, SealedError};
use clausebook_core::framework::{self, Framework};
use clausebook_core::history::History;
use clausebook_core::library::{
    Backup, Head, Library, SavedTo, SnapshotMeta, SnapshotReason, WorkbookId,
};
use clausebook_core::retention::Retention;
use clausebook_core::workbook::Workbook;
use leptos::prelude::*;

/// The state every page shares: the open workbook, how saving is going,
/// and the session's undo history.
#[derive(Clone, Copy)]
pub struct AppState {
    pub workbook: RwSignal<Option<Workbook>>,
    pub save_status: RwSignal<SaveStatus>,
    /// The open workbook's id; None for a new workbook until its first save.
    pub current: RwSignal<Option<WorkbookId>>,
    /// Goes up when the list of workbooks changes, here or in another tab.
    pub library_changed: RwSignal<u32>,
    /// When the open workbook was last exported.
    pub backup: RwSignal<Option<Backup>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// How long this browser keeps the site's data (Safari: 7 days unvisited).
    pub retention: Retention,
    /// The browser's answer to "keep this site's data": None until it gives one.
    pub persisted: RwSignal<Option<bool>>,
    pub(super) history: StoredValue<History<Workbook>>,
    pub(super) saver: StoredValue<Autosaver, LocalStorage>,
    /// Set while a stored workbook is being opened: that change is not an edit.
    pub(super) opening: StoredValue<bool>,
}

/// Why a save to a file did not happen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileSaveError {
    #[error("There is no workbook to save yet.")]
    NoWorkbook,
    #[error(transparent)]
    File(#[from] FileError),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    #[error("{0}")]
    Download(String),
}

/// Why a chosen workbook file cannot be shown for import yet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileOpenError {
    #[error("This file is encrypted. Enter the passphrase it was saved with.")]
    NeedsPassphrase,
    #[error(transparent)]
    Sealed(#[from] SealedError),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    #[error(transparent)]
    Import(#[from] ImportError),
}

thread_local! {
    /// The text field of the last edit, so that typing coalesces into one undo step.
    static LAST_FIELD: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
}

impl AppState {
    pub fn framework(&self) -> &'static Framework {
        self.workbook
            .with_untracked(|w| w.as_ref().and_then(|w| framework::by_id(&w.framework.id)))
            .unwrap_or_else(framework::iso20000)
    }

    /// The local storage namespace this workbench saves into.
    pub fn namespace(&self) -> String {
        self.saver.with_value(|s| s.namespace().to_owned())
    }

    /// Applies an edit to the open workbook, if there is one, as one undo step
    /// (or part of the current one while typing in the same field).
    ///
    /// The edit runs on a copy outside the signal's lock, so a failure inside
    /// it can never leave the workbook half-changed or locked for the crash
    /// screen's export.
    pub fn edit(&self, f: impl FnOnce(&mut Workbook)) {
        let same_field = typing_in_same_field();
        let now = js_sys::Date::now();
        if self.history.with_value(|h| h.joins(same_field, now)) {
            // Typing on in one field: the step's before-state is already
            // kept, so change the workbook in place rather than copy it on
            // every keystroke (it may hold thousands of items).
            self.workbook.update(|w| {
                if let Some(w) = w {
                    f(w)
                }
            });
            self.history.update_value(|h| h.extend(now));
            self.refresh_history();
            self.saver.with_value(Autosaver::changed);
            return;
        }
        let Some(mut next) = self.workbook.get_untracked() else {
            return;
        };
        f(&mut next);
        self.commit(next, same_field);
    }

    /// Replaces the whole workbook (an import or a restore) as one undo step.
    pub fn replace(&self, workbook: Workbook) {
        LAST_FIELD.with(|f| f.borrow_mut().take());
        self.commit(workbook, false);
    }

    fn commit(&self, next: Workbook, same_field: bool) {
        let previous = self
            .workbook
            .try_update_untracked(|w| w.replace(next))
            .flatten();
        if let Some(previous) = previous {
            self.history
                .update_value(|h| h.record(previous, same_field, js_sys::Date::now()));
        }
        self.workbook.notify();
        self.refresh_history();
        // Marked at once (the effect below runs later) so a flush right
        // after an edit writes it.
        self.saver.with_value(Autosaver::changed);
    }

    pub fn undo(&self) {
        self.step(|h, current| h.undo(current));
    }

    pub fn redo(&self) {
        self.step(|h, current| h.redo(current));
    }

    fn step(&self, f: impl FnOnce(&mut History<Workbook>, Workbook) -> Option<Workbook>) {
        let Some(current) = self.workbook.get_untracked() else {
            return;
        };
        LAST_FIELD.with(|f| f.borrow_mut().take());
        let mut target = None;
        self.history.update_value(|h| target = f(h, current));
        if let Some(target) = target {
            self.workbook.set(Some(target));
        }
        self.refresh_history();
    }

    fn refresh_history(&self) {
        let (undo, redo) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo.set(undo);
        self.can_redo.set(redo);
    }

    /// Saves any pending edits now.
    /// Reloads the page at the person's request (the stale tab's Reload):
    /// what was typed here is not saved, and they chose to leave it.
    pub fn reload(&self) {
        self.saver.with_value(Autosaver::leave_on_purpose);
        let _ = gloo_utils::window().location().reload();
    }

    pub fn flush(&self) {
        self.saver.with_value(Autosaver::flush);
    }

    /// Opens a stored workbook in place of the current one (whose edits are
    /// saved first). An unreadable one opens the recovery screen.
    pub fn open(&self, id: &WorkbookId) -> Result<(), String> {
        self.flush();
        let ns = self.namespace();
        match store::load_workbook(&ns, id) {
            Loaded::Ready { workbook, head } => {
                self.saver
                    .with_value(|s| s.open(Some(id.clone()), head.revision));
                self.opening.set_value(true);
                store::set_active(&ns, id);
                self.workbook.set(Some(*workbook));
                self.after_switch(Some(id.clone()));
                Ok(())
            }
            Loaded::Unreadable { .. } => {
                store::set_active(&ns, id);
                let _ = gloo_utils::window().location().reload();
                Ok(())
            }
            Loaded::Missing => Err(
                "That workbook is no longer stored in this browser; it may have been deleted in another tab."
                    .into(),
            ),
        }
    }

    /// Starts a new workbook; its first save adds it to the list.
    pub fn start_new(&self, workbook: Workbook) {
        self.flush();
        self.saver.with_value(|s| s.open(None, 0));
        self.workbook.set(Some(workbook));
        self.after_switch(None);
        // Marked at once (the effect runs later) so that a flush right
        // after this writes it.
        self.saver.with_value(Autosaver::changed);
    }

    /// Closes the workbook (after it was deleted): back to the welcome page.
    pub fn close(&self) {
        self.saver.with_value(|s| s.open(None, 0));
        self.opening.set_value(true);
        self.workbook.set(None);
        self.after_switch(None);
    }

    fn after_switch(&self, id: Option<WorkbookId>) {
        let ns = self.namespace();
        self.history.update_value(History::clear);
        self.refresh_history();
        self.backup
            .set(id.as_ref().and_then(|id| store::backup(&ns, id)));
        self.current.set(id);
        self.save_status.set(SaveStatus::Idle);
        self.library_changed.update(|n| *n += 1);
    }

    /// Adds a fresh copy of the training sample beside the user's own
    /// workbooks and opens it; their workbooks are not touched.
    pub fn load_sample(&self) -> Result<String, String> {
        self.flush();
        let ns = self.namespace();
        let sample = clausebook_core::sample::workbook(browser::now(), browser::today());
        let library = store::load_library(&ns);
        let base = format!("Sample: {}", clausebook_core::sample::ORGANISATION);
        let name = if library.live().any(|e| e.name == base) {
            library.copy_name(&base)
        } else {
            base
        };
        let id = store::create_workbook(&ns, &name, &sample, true).map_err(|e| e.to_string())?;
        self.open(&id)?;
        Ok(name)
    }

    /// Downloads the workbook's export at once, unencrypted, and records the
    /// backup: the way out when saving fails or the page crashes, which
    /// must not wait on a picker or a passphrase. [`Self::save_to_file`]
    /// is the same save with a chosen file and optional encryption.
    pub fn back_up(&self) -> Result<String, String> {
        let (name, text, revision) = self.export_now().map_err(|e| e.to_string())?;
        offer_download(&name, &text)?;
        self.record_file_save(revision, SavedTo::Download, false);
        Ok(name)
    }

    /// Saves the workbook to a file: flushes, builds the export, encrypts it
    /// when there is a passphrase, writes it to the file chosen for this
    /// workbook (asked for once, where the browser can) or downloads it,
    /// and records the backup. `download` skips the chosen file.
    pub async fn save_to_file(
        self,
        passphrase: Option<String>,
        download: bool,
    ) -> Result<String, FileSaveError> {
        // The export is taken now, so the revision recorded is the one saved
        // even if editing goes on while the key is derived.
        let (name, text, revision) = self.export_now()?;
        let key = self
            .current
            .get_untracked()
            .map(|id| id.as_str().to_owned());
        // The picker first: the browser only opens it while the click is fresh.
        let chosen = match (&key, download || !file_handle::supported()) {
            (_, true) => None,
            (Some(key), false) => Some(match file_handle::remembered(key) {
                Some(file) => file,
                None => file_handle::choose(&name).await?,
            }),
            // Not stored yet (its first save failed): a download keeps it.
            (None, false) => None,
        };
        let encrypted = passphrase.is_some();
        let text = match passphrase {
            Some(passphrase) => crypto::seal(&text, &passphrase).await?.to_json(),
            None => text,
        };
        let saved_to = match (chosen, key) {
            (Some(file), Some(key)) => {
                if let Err(e) = file_handle::write(&file, &text).await {
                    file_handle::forget(&key);
                    return Err(e.into());
                }
                file_handle::remember(&key, &file);
                SavedTo::File { name: file.name }
            }
            _ => {
                offer_download(&name, &text).map_err(FileSaveError::Download)?;
                SavedTo::Download
            }
        };
        let message = match &saved_to {
            SavedTo::File { name } => format!("Saved to {name}."),
            SavedTo::Download => format!("Downloaded {name}. Keep it somewhere safe."),
        };
        self.record_file_save(revision, saved_to, encrypted);
        Ok(message)
    }

    /// Whether a save goes to a chosen file (Chromium) rather than a download.
    pub fn saves_to_chosen_file(&self) -> bool {
        file_handle::supported()
    }

    /// The open workbook's export after a flush: its file name, its text and
    /// the revision it is.
    fn export_now(&self) -> Result<(String, String, u64), FileSaveError> {
        self.flush();
        let Some(workbook) = self.workbook.get_untracked() else {
            return Err(FileSaveError::NoWorkbook);
        };
        let name = clausebook_core::file::export::file_name(&workbook, browser::today());
        let text = clausebook_core::file::export::export_json(&workbook, browser::now());
        Ok((name, text, self.revision()))
    }

    fn record_file_save(&self, revision: u64, saved_to: SavedTo, encrypted: bool) {
        if let Some(id) = self.current.get_untracked()
            && let Ok(backup) =
                store::record_backup(&self.namespace(), &id, revision, saved_to, encrypted)
        {
            self.backup.set(Some(backup));
        }
    }

    /// Reads a chosen file's bytes: an encrypted file needs its passphrase
    /// (`None` asks for it), then either kind is checked as an import.
    pub async fn read_workbook_file(
        self,
        bytes: &[u8],
        passphrase: Option<&str>,
    ) -> Result<ImportPreview, FileOpenError> {
        let plain = match sealed::detect(bytes)? {
            FileKind::Plain => None,
            FileKind::Sealed(file) => {
                let Some(passphrase) = passphrase else {
                    return Err(FileOpenError::NeedsPassphrase);
                };
                Some(crypto::open(&file, passphrase).await?)
            }
        };
        let bytes = plain.as_ref().map_or(bytes, |p| p.as_bytes());
        // The benchmark's "Import" figure: parse, migrate, validate.
        Ok(crate::platform::perf::measure("clausebook:import", || {
            export::read_import(bytes)
        })?)
    }

    /// The revision of the open workbook this tab knows.
    pub fn revision(&self) -> u64 {
        self.saver.with_value(|s| s.session().known_revision)
    }

    /// The list of workbooks in this browser.
    pub fn library(&self) -> Library {
        store::load_library(&self.namespace())
    }

    /// Stores a changed list of workbooks (renamed, deleted, restored).
    pub fn save_library(&self, library: &Library) -> Result<(), StorageError> {
        store::save_library(&self.namespace(), library)
    }

    /// What a stored workbook's head says: its revision, organisation,
    /// size and when it was saved.
    pub fn head(&self, id: &WorkbookId) -> Option<Head> {
        store::read_head(&self.namespace(), id)
    }

    /// A stored workbook as it was last saved, if it can be read.
    pub fn stored_workbook(&self, id: &WorkbookId) -> Option<Workbook> {
        match store::load_workbook(&self.namespace(), id) {
            Loaded::Ready { workbook, .. } => Some(*workbook),
            Loaded::Missing | Loaded::Unreadable { .. } => None,
        }
    }

    /// Adds `workbook` to the list as `name`, without opening it.
    pub fn add_workbook(&self, name: &str, workbook: &Workbook) -> Result<WorkbookId, SaveError> {
        store::create_workbook(&self.namespace(), name, workbook, false)
    }

    /// Removes for good the workbooks whose deletion can no longer be
    /// undone. Nothing to do once the workbench is gone: the next start
    /// purges them.
    pub fn purge_deleted(&self) {
        if let Some(ns) = self.saver.try_with_value(|s| s.namespace().to_owned()) {
            store::purge_deleted(&ns);
        }
    }

    /// Characters this site holds in local storage, against the browser's quota.
    pub fn storage_usage(&self) -> u64 {
        store::usage()
    }

    /// Shows whether the browser promised to keep this site's data in
    /// [`AppState::persisted`], and asks it to if not. Called at every
    /// start and after the first save of a session: Chromium grants by how
    /// much the site is used, so a later ask can get a yes.
    pub fn ask_persistence(&self) {
        let persisted = self.persisted;
        leptos::task::spawn_local(async move {
            let already = store::is_persisted().await;
            persisted.try_set(Some(already));
            if !already {
                // Firefox asks the person: the answer may never come.
                let granted = store::request_persistence().await;
                persisted.try_set(Some(granted));
            }
        });
    }

    /// The snapshots of a stored workbook, newest first.
    pub fn snapshots(&self, id: &WorkbookId) -> Vec<SnapshotMeta> {
        store::snapshots(&self.namespace(), id)
    }

    /// The workbook kept in a snapshot, checked like an import.
    pub fn read_snapshot(&self, id: &WorkbookId, snap: i64) -> Result<Workbook, SchemaError> {
        store::read_snapshot(&self.namespace(), id, snap)
    }

    /// Keeps the stored copy of a workbook as a snapshot (before it is
    /// replaced by an import or a restore); nothing to keep if it was never saved.
    pub fn keep_snapshot(
        &self,
        id: &WorkbookId,
        reason: SnapshotReason,
    ) -> Result<(), StorageError> {
        let ns = self.namespace();
        match store::read_head(&ns, id) {
            Some(head) => store::take_snapshot(&ns, id, &head, reason),
            None => Ok(()),
        }
    }
}

/// Whether the focused element is the text field of the previous edit.
fn typing_in_same_field() -> bool {
    let active = gloo_utils::document().active_element();
    let is_text = active.as_ref().is_some_and(|el| {
        let tag = el.tag_name();
        tag.eq_ignore_ascii_case("textarea")
            || (tag.eq_ignore_ascii_case("input")
                && !matches!(
                    el.get_attribute("type").as_deref(),
                    Some("checkbox" | "radio" | "button" | "submit" | "file")
                ))
    });
    LAST_FIELD.with(|last| {
        let mut last = last.borrow_mut();
        let same = is_text && *last == active;
        *last = if is_text { active } else { None };
        same
    })
}

/// Runs a browser download and reports a refusal.
fn offer_download(name: &str, text: &str) -> Result<(), String> {
    browser::download(name, text, "application/json")
}
