//! Opening a workbook file: choose it, check it, decrypt it when it is
//! encrypted, preview it, then confirm. One flow, used by the Data page
//! (Import, which may also replace the open workbook), the welcome page and
//! the Workbooks page (Open a workbook file, as a new workbook).

use super::{Card, StatusLine};
use crate::app::{AppState, FileOpenError};
use crate::platform::crypto::CryptoError;
use clausebook_core::file::export::{self, ImportPreview};
use clausebook_core::library::SnapshotReason;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

/// The button that chooses a file, and everything after it. `button` and
/// `input_label` name the controls; `replace` offers "Replace current
/// workbook" when one is open.
#[component]
pub fn OpenWorkbookFile(
    button: &'static str,
    input_label: &'static str,
    #[prop(optional)] replace: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let preview = RwSignal::new(None::<ImportPreview>);
    // An encrypted file's bytes while its passphrase is asked for.
    let locked = RwSignal::new(None::<Arc<Vec<u8>>>);
    let passphrase = RwSignal::new(String::new());
    let passphrase_error = RwSignal::new(None::<String>);
    let decrypting = RwSignal::new(false);
    let file_input = NodeRef::<html::Input>::new();
    let passphrase_input = NodeRef::<html::Input>::new();
    let preview_heading = NodeRef::<html::H2>::new();

    let show_preview = move |found: ImportPreview| {
        preview.set(Some(found));
        // Move focus to the confirmation so keyboard and screen-reader
        // users land on the question.
        super::focus_after_render(preview_heading);
    };
    let focus_passphrase = move || {
        super::focus_after_render(passphrase_input);
    };

    let choose_file = move |_| super::open_picker(file_input);

    let file_chosen = move |_| {
        let Some(file) = super::chosen_files(file_input).into_iter().next() else {
            return;
        };
        error.set(None);
        message.set(None);
        preview.set(None);
        locked.set(None);
        passphrase.set(String::new());
        passphrase_error.set(None);
        // Refuse oversized files before reading a byte of them.
        if let Err(e) = export::check_size(file.size() as u64) {
            error.set(Some(e.to_string()));
            return;
        }
        let file = gloo_file::File::from(file);
        leptos::task::spawn_local(async move {
            let bytes = match gloo_file::futures::read_as_bytes(&file).await {
                Ok(bytes) => bytes,
                Err(e) => {
                    error.set(Some(format!(
                        "The browser could not read the file ({e}). Try choosing it again."
                    )));
                    return;
                }
            };
            match state.read_workbook_file(&bytes, None).await {
                Ok(found) => show_preview(found),
                Err(FileOpenError::NeedsPassphrase) => {
                    locked.set(Some(Arc::new(bytes)));
                    focus_passphrase();
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };

    let decrypt = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(bytes) = locked.get_untracked() else {
            return;
        };
        if decrypting.get_untracked() {
            return;
        }
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            passphrase_error.set(Some(
                "Enter the passphrase this file was saved with.".into(),
            ));
            focus_passphrase();
            return;
        }
        decrypting.set(true);
        passphrase_error.set(None);
        leptos::task::spawn_local(async move {
            let outcome = state.read_workbook_file(&bytes, Some(&typed)).await;
            decrypting.set(false);
            match outcome {
                Ok(found) => {
                    locked.set(None);
                    passphrase.set(String::new());
                    show_preview(found);
                }
                // Only the passphrase is wrong: stay in the field to retry.
                Err(e @ FileOpenError::Crypto(CryptoError::WrongPassphrase)) => {
                    passphrase_error.set(Some(e.to_string()));
                    focus_passphrase();
                }
                Err(e) => {
                    locked.set(None);
                    passphrase.set(String::new());
                    error.set(Some(e.to_string()));
                }
            }
        });
    };
    let cancel_decrypt = move |_| {
        locked.set(None);
        passphrase.set(String::new());
        passphrase_error.set(None);
        message.set(Some("Nothing was opened.".into()));
    };

    let confirm = move |_| {
        if let Some(found) = preview.get_untracked() {
            let name = found.envelope.workbook.organisation.name.clone();
            // Keep the copy being replaced: Restore or Undo bring it back.
            state.flush();
            if let Some(id) = state.current.get_untracked() {
                let _ = state.keep_snapshot(&id, SnapshotReason::BeforeImport);
            }
            state.replace(found.envelope.workbook);
            preview.set(None);
            message.set(Some(format!(
                "Imported the workbook of {name} in place of the open one. Undo, or Restore on the Data page, brings the previous one back."
            )));
        }
    };
    let import_new = move |_| {
        if let Some(found) = preview.get_untracked() {
            let name = found.envelope.workbook.organisation.name.clone();
            state.start_new(found.envelope.workbook);
            state.flush();
            preview.set(None);
            // Another workbook is open: its page starts at the top.
            super::to_page_top();
            message.set(Some(format!(
                "Imported the workbook of {name} as a new workbook; it is now open. The others are on the Workbooks page."
            )));
        }
    };
    let cancel = move |_| {
        preview.set(None);
        message.set(Some("Import cancelled; nothing was changed.".into()));
    };

    view! {
        <button type="button" on:click=choose_file>
            {button}
        </button>
        <input
            node_ref=file_input
            type="file"
            accept=".json,application/json"
            aria-label=input_label
            hidden
            on:change=file_chosen
        />
        <p class="error" role="alert" data-testid="import-error">
            {move || error.get()}
        </p>
        <StatusLine message=message class="success" />
        <Show when=move || locked.with(Option::is_some)>
            <form class="decrypt" on:submit=decrypt>
                <p>"This file is encrypted. Enter the passphrase it was saved with."</p>
                <div class="field">
                    <label for="open-passphrase">"Passphrase for this file"</label>
                    <input
                        id="open-passphrase"
                        node_ref=passphrase_input
                        type="password"
                        autocomplete="current-password"
                        aria-describedby="open-passphrase-error"
                        aria-invalid=move || passphrase_error.with(Option::is_some).then_some("true")
                        prop:value=passphrase
                        on:input=move |ev| passphrase.set(event_target_value(&ev))
                    />
                    <p id="open-passphrase-error" class="error" role="alert" data-testid="passphrase-error">
                        {move || passphrase_error.get()}
                    </p>
                </div>
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || decrypting.get()>
                        {move || if decrypting.get() { "Decrypting…" } else { "Decrypt" }}
                    </button>
                    <button type="button" on:click=cancel_decrypt>
                        "Cancel"
                    </button>
                </div>
            </form>
        </Show>
        {move || {
            preview
                .get()
                .map(|found| {
                    let replaces = replace
                        .then(|| {
                            state
                                .workbook
                                .with_untracked(|w| w.as_ref().map(|w| w.organisation.name.clone()))
                        })
                        .flatten();
                    preview_card(found, replaces, preview_heading, import_new, confirm, cancel)
                })
        }}
    }
}

/// What the file holds, and the question: new workbook, replace, or cancel.
fn preview_card(
    found: ImportPreview,
    replaces: Option<String>,
    heading: NodeRef<html::H2>,
    import_new: impl Fn(leptos::ev::MouseEvent) + Send + Sync + 'static,
    confirm: impl Fn(leptos::ev::MouseEvent) + Send + Sync + 'static,
    cancel: impl Fn(leptos::ev::MouseEvent) + Send + Sync + 'static,
) -> impl IntoView {
    let organisation = found.envelope.workbook.organisation.clone();
    let s = found.summary;
    let exported = found
        .envelope
        .exported_at
        .as_ref()
        .map(|t| t.to_string())
        .unwrap_or_else(|| "unknown".into());
    let written_by = format!(
        "Clausebook {} (file schema {})",
        found.envelope.app_version, found.envelope.schema_version,
    );
    let question = match replaces.clone() {
        Some(current) => format!(
            "Import it as a new workbook beside the others, or replace the open workbook of {current} (a snapshot of it is kept, and Undo works too).",
        ),
        None => "It becomes a new workbook in this browser.".to_owned(),
    };
    view! {
        <Card heading_id="preview-title" title="Check before importing" class="confirm" heading_ref=heading>
            <dl class="facts">
                <dt>"Organisation"</dt>
                <dd>{organisation.name}</dd>
                <dt>"Scope"</dt>
                <dd>{organisation.scope}</dd>
                <dt>"Requirements assessed"</dt>
                <dd>{format!("{} of {}", s.assessed, s.requirements)}</dd>
                <dt>"With notes"</dt>
                <dd>{s.with_notes}</dd>
                <dt>"With an owner"</dt>
                <dd>{s.with_owner}</dd>
                <dt>"Evidence items"</dt>
                <dd>{s.evidence}</dd>
                <dt>"Improvement items"</dt>
                <dd>{s.improvements}</dd>
                <dt>"Services"</dt>
                <dd>{s.services}</dd>
                <dt>"Exported"</dt>
                <dd>{exported}</dd>
                <dt>"Written by"</dt>
                <dd>{written_by}</dd>
            </dl>
            <p class="warning">{question}</p>
            <div class="actions">
                <button type="button" class="primary" on:click=import_new>
                    "Import as a new workbook"
                </button>
                {replaces
                    .is_some()
                    .then(|| {
                        view! {
                            <button type="button" on:click=confirm>
                                "Replace current workbook"
                            </button>
                        }
                    })}
                <button type="button" on:click=cancel>
                    "Cancel import"
                </button>
            </div>
        </Card>
    }
}
