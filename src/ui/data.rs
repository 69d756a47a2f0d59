//! Data: export the workbook as JSON, and import one after checking it.

use super::{AppState, offer_download};
use crate::browser;
use crate::export::{self, ImportPreview};
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

    let export_json = move |_| {
        let Some(workbook) = state.workbook.get_untracked() else {
            return;
        };
        let name = export::file_name(&workbook, browser::today());
        let text = export::export_json(&workbook, browser::now());
        match offer_download(&name, &text) {
            Ok(()) => message.set(Some(format!("Exported {name}."))),
            Err(e) => error.set(Some(e)),
        }
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
                Ok(bytes) => match crate::perf::measure("clausebook:import", || {
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
            state.workbook.set(Some(found.envelope.workbook));
            preview.set(None);
            message.set(Some(format!("Imported the workbook of {name}.")));
        }
    };
    let cancel = move |_| {
        preview.set(None);
        message.set(Some("Import cancelled; nothing was changed.".into()));
    };

    view! {
        <h1>"Data"</h1>
        <p class="lead">
            "Your workbook lives in this browser's local storage and is saved as you type. Export it regularly: the file is your backup, and the way to move to another computer or hand a workbook to someone else."
        </p>
        <section class="card" aria-labelledby="export-title">
            <h2 id="export-title">"Export"</h2>
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
        </section>
        <section class="card" aria-labelledby="import-title">
            <h2 id="import-title">"Import"</h2>
            <p>
                {format!(
                    "Reads a Clausebook JSON file (up to {}). It is checked completely and shown to you before anything is replaced.",
                    export::human_size(export::MAX_IMPORT_BYTES),
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
            <p class="success" role="status">
                {move || message.get()}
            </p>
        </section>
        {move || {
            preview
                .get()
                .map(|found| {
                    let wb = &found.envelope.workbook;
                    let s = found.summary;
                    let replaces = state
                        .workbook
                        .with_untracked(|w| w.as_ref().map(|w| w.organisation.name.clone()));
                    view! {
                        <section class="card confirm" aria-labelledby="preview-title">
                            <h2 id="preview-title" tabindex="-1" node_ref=preview_heading>
                                "Check before importing"
                            </h2>
                            <dl class="facts">
                                <dt>"Organisation"</dt>
                                <dd>{wb.organisation.name.clone()}</dd>
                                <dt>"Scope"</dt>
                                <dd>{wb.organisation.scope.clone()}</dd>
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
                                {match replaces {
                                    Some(current) => {
                                        format!(
                                            "Importing replaces the workbook of {current} in this browser. Export it first if you want to keep it.",
                                        )
                                    }
                                    None => "This browser has no workbook yet.".to_owned(),
                                }}
                            </p>
                            <div class="actions">
                                <button type="button" class="primary" on:click=confirm>
                                    "Replace current workbook"
                                </button>
                                <button type="button" on:click=cancel>
                                    "Cancel import"
                                </button>
                            </div>
                        </section>
                    }
                })
        }}
    }
    .into_any()
}
