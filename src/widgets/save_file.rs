//! Saving the workbook to a file, as one click (the header, the backup
//! reminder, Safari's notice) and as the Data page's card with an optional
//! passphrase. Both run
//! `AppState::save_to_file` and say what happened; when writing to the
//! chosen file fails they offer a download instead.

use super::StatusLine;
use crate::app::{AppState, FileSaveError, route};
use crate::platform::file_handle::FileError;
use leptos::prelude::*;

/// What a save in progress reports to the control that started it.
#[derive(Clone, Copy)]
pub struct SaveRun {
    pub message: RwSignal<Option<String>>,
    /// Writing to the chosen file failed: a download is offered.
    pub offer_download: RwSignal<bool>,
    pub busy: RwSignal<bool>,
}

impl SaveRun {
    pub fn new() -> Self {
        Self {
            message: RwSignal::new(None),
            offer_download: RwSignal::new(false),
            busy: RwSignal::new(false),
        }
    }

    /// Saves (to the chosen file, or as a download when `download`), with
    /// the passphrase if there is one. The passphrase lives only in this
    /// call; `on_done` hears whether it saved.
    pub fn start(
        self,
        state: AppState,
        passphrase: Option<String>,
        download: bool,
        on_done: impl FnOnce(bool) + 'static,
    ) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.offer_download.set(false);
        self.message.set(
            passphrase
                .is_some()
                .then(|| "Encrypting… this takes a moment.".to_owned()),
        );
        leptos::task::spawn_local(async move {
            let outcome = state.save_to_file(passphrase, download).await;
            self.busy.set(false);
            let saved = outcome.is_ok();
            match outcome {
                Ok(message) => self.message.set(Some(message)),
                Err(e) => {
                    let failed_write = matches!(
                        e,
                        FileSaveError::File(
                            FileError::WriteFailed { .. } | FileError::PickerFailed(_)
                        )
                    );
                    self.offer_download.set(failed_write);
                    self.message.set(Some(e.to_string()));
                }
            }
            on_done(saved);
        });
    }
}

impl Default for SaveRun {
    fn default() -> Self {
        Self::new()
    }
}

/// "Save to file" in one click, wherever the person is: to the chosen file
/// or as a download, with "Download a copy" after a failed write, and the
/// outcome announced below. The passphrase is never kept, so a workbook last
/// saved encrypted is not written in the clear by one click: the click goes
/// to the Data page's passphrase instead.
#[component]
pub fn QuickSave(
    /// The button's look: the main action where it stands alone.
    #[prop(optional)]
    primary: bool,
    message_class: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let run = SaveRun::new();
    let navigate = leptos_router::hooks::use_navigate();
    let save = move |_| {
        let encrypted = state
            .backup
            .with_untracked(|b| b.as_ref().is_some_and(|b| b.encrypted));
        if encrypted {
            navigate(&route("/data"), Default::default());
            super::focus_later("#file-passphrase".into());
            run.message.set(Some(
                "This workbook's file is encrypted: enter its passphrase to save it again.".into(),
            ));
            return;
        }
        run.start(state, None, false, |_| {});
    };
    view! {
        <button
            type="button"
            class=primary.then_some("primary")
            on:click=save
            disabled=move || run.busy.get()
        >
            "Save to file"
        </button>
        <Show when=move || run.offer_download.get()>
            <button type="button" on:click=move |_| run.start(state, None, true, |_| {})>
                "Download a copy"
            </button>
        </Show>
        <StatusLine message=run.message class=message_class />
    }
}

/// The Data page's card: an optional passphrase (with its confirmation),
/// Save to file, and Download a copy.
#[component]
pub fn SaveFileCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let run = SaveRun::new();
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let mismatch = RwSignal::new(None::<String>);
    let has_workbook = Memo::new(move |_| state.workbook.with(Option::is_some));
    let picker = state.saves_to_chosen_file();
    let save = move |download: bool| {
        let typed = passphrase.get_untracked();
        if typed != confirm.get_untracked() {
            mismatch.set(Some(
                "The two passphrases differ. Type the same one in both fields.".into(),
            ));
            return;
        }
        mismatch.set(None);
        let typed = (!typed.is_empty()).then_some(typed);
        run.start(state, typed, download, move |saved| {
            // The passphrase is not kept once the file is written.
            if saved {
                passphrase.set(String::new());
                confirm.set(String::new());
            }
        });
    };
    let disabled = move || !has_workbook.get() || run.busy.get();
    view! {
        <super::Card heading_id="save-file-title" title="Save to file">
            <p>
                {if picker {
                    "Writes the whole workbook to a file you choose. Later saves go to the same file with one click, from here or the header. The file is your backup, and the way to move to another computer or hand a workbook to someone else."
                } else {
                    "Downloads the whole workbook as a file named after your organisation and today's date. The file is your backup, and the way to move to another computer or hand a workbook to someone else."
                }}
            </p>
            <super::TextField
                id="file-passphrase"
                label="Passphrase (optional)"
                kind="password"
                autocomplete="new-password"
                value=passphrase.into()
                on_input=UnsyncCallback::new(move |v| passphrase.set(v))
                hint=Some(
                    "With a passphrase the file is encrypted (AES-GCM, 256-bit key). Nobody can open it without the passphrase — not even you: a lost passphrase cannot be recovered.",
                )
            />
            <super::TextField
                id="file-passphrase-confirm"
                label="Passphrase again"
                kind="password"
                autocomplete="new-password"
                value=confirm.into()
                on_input=UnsyncCallback::new(move |v| confirm.set(v))
            />
            <p class="error" role="alert">
                {move || mismatch.get()}
            </p>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| save(false) disabled=disabled>
                    "Save to file"
                </button>
                <button type="button" on:click=move |_| save(true) disabled=disabled>
                    "Download a copy"
                </button>
            </div>
            <p class="hint">
                {move || (!has_workbook.get()).then_some("Create a workbook on the Overview first.")}
            </p>
            <StatusLine message=run.message class="save-file-message" />
        </super::Card>
    }
}
