//! Data: export the workbook as JSON, and import one after checking it.

use crate::app::AppState;
use crate::widgets::{
    Card, PageIntro, PersistenceAnswer, StatusLine, action_column_heads, scroll_table,
};
use clausebook_core::file::export::{self, ImportPreview};
use clausebook_core::library::{SnapshotMeta, SnapshotReason};
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn DataPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let preview = RwSignal::new(None::<ImportPreview>);
    let file_input = NodeRef::<html::Input>::new();
    let preview_heading = NodeRef::<html::H2>::new();
    let has_workbook = Memo::new(move |_| state.workbook.with(Option::is_some));

    let export_json = move |_| match state.back_up() {
        Ok(name) => message.set(Some(format!("Exported {name}."))),
        Err(e) => error.set(Some(e)),
    };

    let choose_file = move |_| {
        if let Some(input) = file_input.get() {
            // Clearing lets the same file be chosen again after fixing it.
            input.set_value("");
            input.click();
        }
    };

    let file_chosen = move |_| {
        let Some(file) = file_input
            .get()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        error.set(None);
        message.set(None);
        preview.set(None);
        // Refuse oversized files before reading a byte of them.
        if let Err(e) = export::check_size(file.size() as u64) {
            error.set(Some(e.to_string()));
            return;
        }
        let file = gloo_file::File::from(file);
        leptos::task::spawn_local(async move {
            match gloo_file::futures::read_as_bytes(&file).await {
                Err(e) => error.set(Some(format!(
                    "The browser could not read the file ({e}). Try choosing it again."
                ))),
                // The benchmark's "Import" figure: parse, migrate, validate.
                Ok(bytes) => match crate::platform::perf::measure("clausebook:import", || {
                    export::read_import(&bytes, framework)
                }) {
                    Ok(found) => {
                        preview.set(Some(found));
                        // Move focus to the confirmation so keyboard and
                        // screen-reader users land on the question.
                        request_animation_frame(move || {
                            if let Some(h) = preview_heading.get() {
                                let _ = h.focus();
                            }
                        });
                    }
                    Err(e) => error.set(Some(e.to_string())),
                },
            }
        });
    };

    let confirm = move |_| {
        if let Some(found) = preview.get_untracked() {
            let name = found.envelope.workbook.organisation.name.clone();
            // Keep the copy being replaced: Restore (below) or Undo bring it back.
            state.flush();
            if let Some(id) = state.current.get_untracked() {
                let _ = state.keep_snapshot(&id, SnapshotReason::BeforeImport);
            }
            state.replace(found.envelope.workbook);
            preview.set(None);
            message.set(Some(format!(
                "Imported the workbook of {name} in place of the open one. Undo, or Restore below, brings the previous one back."
            )));
        }
    };
    let import_new = move |_| {
        if let Some(found) = preview.get_untracked() {
            let name = found.envelope.workbook.organisation.name.clone();
            state.start_new(found.envelope.workbook);
            state.flush();
            preview.set(None);
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
        <PageIntro title="Data">
            "Your workbook lives in this browser's local storage and is saved as you type. Export it regularly: the file is your backup, and the way to move to another computer or hand a workbook to someone else."
        </PageIntro>
        <PersistenceAnswer />
        <Card heading_id="export-title" title="Export">
            <p>
                "Downloads the whole workbook as a JSON file named after your organisation and today's date."
            </p>
            <button
                type="button"
                class="primary"
                on:click=export_json
                disabled=move || !has_workbook.get()
                aria-describedby="export-hint"
            >
                "Export JSON"
            </button>
            <p id="export-hint" class="hint">
                {move || (!has_workbook.get()).then_some("Create a workbook on the Overview first.")}
            </p>
        </Card>
        <Card heading_id="import-title" title="Import">
            <p>
                {format!(
                    "Reads a Clausebook JSON file (up to {}). It is checked completely and shown to you before anything is replaced.",
                    export::human_size(clausebook_core::limits::MAX_IMPORT_BYTES),
                )}
            </p>
            <button type="button" on:click=choose_file>
                "Import JSON"
            </button>
            <input
                node_ref=file_input
                type="file"
                accept=".json,application/json"
                aria-label="Clausebook JSON file to import"
                hidden
                on:change=file_chosen
            />
            <p class="error" role="alert" data-testid="import-error">
                {move || error.get()}
            </p>
            <StatusLine message=message class="success" />
        </Card>
        <super::trainer::TrainerNotesSection />
        <Card heading_id="workshop-title" title="Workshops">
            <p>
                "Compare several participants' exported workbooks side by side, without changing yours. "
                <leptos_router::components::A href=crate::app::route("/compare")>"Compare workbooks"</leptos_router::components::A>
            </p>
        </Card>
        {move || {
            preview
                .get()
                .map(|found| {
                    let organisation = found.envelope.workbook.organisation.clone();
                    let s = found.summary;
                    let replaces = state
                        .workbook
                        .with_untracked(|w| w.as_ref().map(|w| w.organisation.name.clone()));
                    view! {
                        <Card
                            heading_id="preview-title"
                            title="Check before importing"
                            class="confirm"
                            heading_ref=preview_heading
                        >
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
                                <dd>
                                    {found
                                        .envelope
                                        .exported_at
                                        .as_ref()
                                        .map(|t| t.to_string())
                                        .unwrap_or_else(|| "unknown".into())}
                                </dd>
                                <dt>"Written by"</dt>
                                <dd>
                                    {format!(
                                        "Clausebook {} (file schema {})",
                                        found.envelope.app_version,
                                        found.envelope.schema_version,
                                    )}
                                </dd>
                            </dl>
                            <p class="warning">
                                {match replaces.clone() {
                                    Some(current) => {
                                        format!(
                                            "Import it as a new workbook beside the others, or replace the open workbook of {current} (a snapshot of it is kept, and Undo works too).",
                                        )
                                    }
                                    None => "It becomes a new workbook in this browser.".to_owned(),
                                }}
                            </p>
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
                })
        }}
        <Snapshots />
    }
    .into_any()
}

/// Earlier versions of the open workbook, with Restore.
#[component]
fn Snapshots() -> impl IntoView {
    let state = expect_context::<AppState>();
    let message = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<i64>);
    let refresh = RwSignal::new(0u32);
    let list = Memo::new(move |_| {
        refresh.track();
        state.save_status.track();
        state
            .current
            .get()
            .map(|id| state.snapshots(&id))
            .unwrap_or_default()
    });
    let current_bytes = move || {
        state
            .current
            .get()
            .and_then(|id| state.head(&id))
            .map(|h| h.bytes)
            .unwrap_or(0)
    };
    let restore = move |snap: i64| {
        let Some(id) = state.current.get_untracked() else {
            return;
        };
        match state.read_snapshot(&id, snap) {
            Ok(workbook) => {
                state.flush();
                let _ = state.keep_snapshot(&id, SnapshotReason::BeforeRestore);
                state.replace(workbook);
                state.flush();
                message.set(Some(
                    "Restored. The version you replaced is kept as a snapshot too, and Undo takes the restore back."
                        .into(),
                ));
            }
            Err(e) => message.set(Some(format!("This snapshot cannot be restored: {e}"))),
        }
        confirming.set(None);
        refresh.update(|n| *n += 1);
    };
    view! {
        <Card heading_id="snapshots-title" title="Earlier versions">
            <p>
                "Clausebook keeps up to ten earlier copies of the open workbook in this browser: when editing begins, every ten minutes while you edit, and before an import or a restore. Older ones are thinned out so that they reach further back."
            </p>
            <StatusLine message />
            {move || {
                let snaps = list.get();
                if snaps.is_empty() {
                    return view! { <p>"No earlier versions yet: the first is kept when you next edit."</p> }
                        .into_any();
                }
                let now_bytes = current_bytes();
                let rows = snaps
                    .into_iter()
                    .map(|s| snapshot_row(s, now_bytes, confirming, restore))
                    .collect_view();
                let heads = action_column_heads(&["Taken", "Why", "Size", "Change since"]);
                scroll_table("snapshots", heads, rows).into_any()
            }}
        </Card>
    }
}

fn snapshot_row(
    s: SnapshotMeta,
    now_bytes: u64,
    confirming: RwSignal<Option<i64>>,
    restore: impl Fn(i64) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = s.id;
    let when = crate::widgets::local_date_time(s.taken_at.as_str());
    let change = now_bytes as i64 - s.bytes as i64;
    let change = match change {
        0 => "same size".to_owned(),
        c if c > 0 => format!("{} larger now", export::human_size(c as u64)),
        c => format!("{} smaller now", export::human_size(c.unsigned_abs())),
    };
    let label = format!("Restore the version of {when}");
    view! {
        <tr>
            <td>{when.clone()}</td>
            <td>{s.reason.label()}</td>
            <td>{export::human_size(s.bytes)}</td>
            <td>{change}</td>
            <td>
                {move || {
                    if confirming.get() == Some(id) {
                        view! {
                            <span class="confirm-inline">
                                <button type="button" class="primary" on:click=move |_| restore(id)>
                                    "Yes, restore"
                                </button>
                                <button type="button" on:click=move |_| confirming.set(None)>
                                    "Cancel"
                                </button>
                            </span>
                        }
                            .into_any()
                    } else {
                        let label = label.clone();
                        view! {
                            <button
                                type="button"
                                aria-label=label
                                on:click=move |_| confirming.set(Some(id))
                            >
                                "Restore"
                            </button>
                        }
                            .into_any()
                    }
                }}
            </td>
        </tr>
    }
}
