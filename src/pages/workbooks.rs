//! Workbooks: every workbook in this browser side by side (one per course,
//! one per client), with create, open, rename, duplicate and delete, the
//! training sample, opening a workbook file, and how much of the browser's storage they use.

use crate::app::AppState;
use crate::platform::browser;
use crate::widgets::ErrorLine;
use crate::widgets::{
    Card, ConfirmInline, NewWorkbookForm, OpenWorkbookFile, PageIntro, PersistenceAnswer,
    StatusLine, to_page_top,
};
use clausebook_core::file::export::human_size;
use clausebook_core::library::{self, Entry, Library, WorkbookId};
use leptos::prelude::*;

/// One row of the list: the entry and what its head says.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    entry: Entry,
    organisation: String,
    saved_at: Option<String>,
    bytes: u64,
}

#[component]
pub fn WorkbooksPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    // The deletion that can still be undone.
    let deleted = RwSignal::new(None::<(WorkbookId, String)>);
    let rows = Memo::new(move |_| {
        state.library_changed.track();
        state.save_status.track();
        let library = state.library();
        library
            .live()
            .map(|entry| {
                let head = state.head(&entry.id);
                Row {
                    organisation: head
                        .as_ref()
                        .map(|h| h.organisation.clone())
                        .unwrap_or_default(),
                    saved_at: head.as_ref().map(|h| h.saved_at.to_string()),
                    bytes: head.map(|h| h.bytes).unwrap_or(0),
                    entry: entry.clone(),
                }
            })
            .collect::<Vec<_>>()
    });
    let usage = Memo::new(move |_| {
        state.library_changed.track();
        state.save_status.track();
        library::usage_label(state.storage_usage())
    });

    let with_library = move |f: &dyn Fn(&mut Library) -> Result<String, String>| {
        error.set(None);
        let mut library = state.library();
        match f(&mut library).and_then(|done| {
            state
                .save_library(&library)
                .map(|()| done)
                .map_err(|e| e.to_string())
        }) {
            Ok(done) => message.set(Some(done)),
            Err(e) => error.set(Some(e)),
        }
        state.library_changed.update(|n| *n += 1);
    };
    let with_library = StoredValue::new_local(with_library);

    let open = move |id: WorkbookId| {
        error.set(None);
        match state.open(&id) {
            Ok(()) => {
                message.set(Some("Opened. It is the workbook on every page now.".into()));
                // The message is under the heading: start there.
                to_page_top();
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let rename = move |id: WorkbookId, name: String| {
        with_library.with_value(|f| {
            f(&|lib: &mut Library| {
                lib.rename(&id, &name)
                    .map(|()| format!("Renamed to “{}”.", name.trim()))
                    .map_err(|e| e.to_string())
            })
        })
    };
    let duplicate = move |id: WorkbookId| {
        error.set(None);
        state.flush();
        let library = state.library();
        let Some(entry) = library.get(&id) else {
            error.set(Some("That workbook is no longer in the list.".into()));
            return;
        };
        let name = library.copy_name(&entry.name);
        match state.stored_workbook(&id) {
            Some(workbook) => match state.add_workbook(&name, &workbook) {
                Ok(_) => message.set(Some(format!("Made a copy named “{name}”."))),
                Err(e) => error.set(Some(e.to_string())),
            },
            None => error.set(Some(
                "That workbook cannot be read, so it cannot be copied. Open it to recover it."
                    .into(),
            )),
        }
        state.library_changed.update(|n| *n += 1);
    };
    let duplicate = StoredValue::new_local(duplicate);
    let delete = move |id: WorkbookId, name: String| {
        let is_open = state.current.get_untracked().as_ref() == Some(&id);
        if is_open {
            state.flush();
        }
        with_library.with_value(|f| {
            f(&|lib: &mut Library| {
                lib.delete(&id, browser::now())
                    .map(|()| format!("Deleted “{name}”."))
                    .map_err(|e| e.to_string())
            })
        });
        deleted.set(Some((id.clone(), name.clone())));
        if is_open {
            state.close();
        }
        // After the undo window the data goes for good (also at the next start).
        set_timeout(
            move || {
                // The page may have been left in the meantime.
                if deleted
                    .try_get_untracked()
                    .flatten()
                    .is_some_and(|(d, _)| d == id)
                {
                    let _ = deleted.try_set(None);
                }
                state.purge_deleted();
            },
            std::time::Duration::from_millis(library::UNDO_DELETE_MS as u64 + 100),
        );
    };
    let undo_delete = move |_| {
        if let Some((id, name)) = deleted.get_untracked() {
            with_library.with_value(|f| {
                f(&|lib: &mut Library| {
                    lib.restore(&id)
                        .map(|()| format!("“{name}” is back."))
                        .map_err(|e| e.to_string())
                })
            });
            deleted.set(None);
        }
    };

    view! {
        <PageIntro title="Workbooks">
            "Keep several workbooks side by side in this browser: one per client, one per course. The one you open is remembered; each saves as you type."
        </PageIntro>
        <ErrorLine error=error />
        <StatusLine message class="success" />
        {move || {
            deleted
                .get()
                .map(|(_, name)| {
                    view! {
                        <div class="undo-delete" role="region" aria-label="Deleted workbook">
                            <p>{format!("“{name}” was deleted. You can undo this for a few seconds.")}</p>
                            <button type="button" class="primary" on:click=undo_delete>
                                "Undo delete"
                            </button>
                        </div>
                    }
                })
        }}
        <Card heading_id="list-title" title="In this browser">
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    return view! { <p>"No workbooks yet. Create one below, or load the sample."</p> }
                        .into_any();
                }
                view! {
                    <ul class="workbook-list">
                        {rows
                            .into_iter()
                            .map(|row| {
                                view! {
                                    <WorkbookRow
                                        row
                                        open
                                        rename
                                        duplicate=move |id| duplicate.with_value(|f| f(id))
                                        delete
                                    />
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </Card>
        <NewWorkbook />
        <Card heading_id="open-file-title" title="Open a workbook file">
            <p>
                "Adds a workbook saved to a file, encrypted or not, beside the others, after showing you what it holds."
            </p>
            <OpenWorkbookFile button="Open a workbook file" input_label="Clausebook workbook file to open" />
        </Card>
        <Card heading_id="sample-title" title="Sample workbook for training">
            <p>
                "A fictional small IT provider, part-way through its preparation: requirements at every status, evidence, improvement items at each PDCA stage and services in every part of the portfolio. It is added as a workbook of its own; yours are not changed."
            </p>
            <button
                type="button"
                on:click=move |_| match state.load_sample() {
                    Ok(name) => {
                        message.set(Some(format!("Added and opened “{name}”.")));
                        to_page_top();
                    }
                    Err(e) => error.set(Some(e)),
                }
            >
                "Load the sample workbook"
            </button>
        </Card>
        <Card heading_id="storage-title" title="Storage">
            <p data-testid="storage-usage">{move || format!("In use: {}.", usage.get())}</p>
            <PersistenceAnswer />
        </Card>
    }
    .into_any()
}

#[component]
fn WorkbookRow(
    row: Row,
    open: impl Fn(WorkbookId) + Copy + Send + Sync + 'static,
    rename: impl Fn(WorkbookId, String) + Copy + Send + Sync + 'static,
    duplicate: impl Fn(WorkbookId) + Copy + Send + Sync + 'static,
    delete: impl Fn(WorkbookId, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = row.entry.id.clone();
    let name = row.entry.name.clone();
    let is_open = {
        let id = id.clone();
        move || state.current.get().as_ref() == Some(&id)
    };
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let new_name = RwSignal::new(name.clone());
    let field_id = format!("rename-{id}");
    let when = row
        .saved_at
        .as_deref()
        .map(crate::widgets::local_date_time)
        .unwrap_or_else(|| "never saved".into());
    let id = StoredValue::new(id);
    let name = StoredValue::new(name);
    let submit_rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        rename(id.get_value(), new_name.get_untracked());
        renaming.set(false);
    };
    view! {
        <li class="workbook-item" class:current=is_open.clone()>
            <h3>
                {name.get_value()}
                {row.entry.sample.then_some(" (sample)")}
                {
                    let is_open = is_open.clone();
                    move || is_open().then_some(" — open now")
                }
            </h3>
            <dl class="facts">
                <dt>"Organisation"</dt>
                <dd>{row.organisation.clone()}</dd>
                <dt>"Last change"</dt>
                <dd>{when}</dd>
                <dt>"Size"</dt>
                <dd>{human_size(row.bytes)}</dd>
            </dl>
            <div class="actions">
                {
                    let is_open = is_open.clone();
                    move || {
                        (!is_open())
                            .then(|| {
                                row_action(
                                    "Open",
                                    name.get_value(),
                                    Some("primary"),
                                    move || open(id.get_value()),
                                )
                            })
                    }
                }
                <button
                    type="button"
                    aria-label=format!("Rename {}", name.get_value())
                    aria-expanded=move || renaming.get().to_string()
                    on:click=move |_| renaming.update(|r| *r = !*r)
                >
                    "Rename"
                </button>
                {row_action("Duplicate", name.get_value(), None, move || duplicate(id.get_value()))}
                {row_action("Delete", name.get_value(), Some("danger"), move || confirming.set(true))}
            </div>
            <Show when=move || renaming.get()>
                <form class="inline-form" on:submit=submit_rename>
                    <label for=field_id.clone()>{format!("New name for {}", name.get_value())}</label>
                    <input
                        id=field_id.clone()
                        type="text"
                        maxlength=clausebook_core::limits::MAX_WORKBOOK_NAME_CHARS
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))
                    />
                    <button type="submit" class="primary">
                        "Save name"
                    </button>
                </form>
            </Show>
            <Show when=move || confirming.get()>
                <ConfirmInline
                    label="Confirm deletion"
                    yes="Yes, delete"
                    no="Keep it"
                    on_yes=move || {
                        confirming.set(false);
                        delete(id.get_value(), name.get_value());
                    }
                    on_no=move || confirming.set(false)
                >
                    <p>
                        {format!(
                            "Delete “{}” from this browser? You can undo this for a few seconds; after that it is gone unless you exported it.",
                            name.get_value(),
                        )}
                    </p>
                </ConfirmInline>
            </Show>
        </li>
    }
}

/// One of a row's action buttons, named with the workbook it acts on
/// ("Open Acme") so that the list's buttons tell apart for assistive
/// technology.
fn row_action(
    action: &'static str,
    workbook: String,
    class: Option<&'static str>,
    act: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button type="button" class=class aria-label=format!("{action} {workbook}") on:click=move |_| act()>
            {action}
        </button>
    }
}

/// Starts another workbook beside the others.
#[component]
fn NewWorkbook() -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    let created = move |workbook| {
        state.start_new(workbook);
        state.flush();
    };
    view! {
        <Card heading_id="new-title" title="New workbook">
            <NewWorkbookForm
                class="form"
                name_id="new-org-name"
                scope_id="new-scope"
                scope_label="Scope of the service management system"
                scope_rows="2"
                framework_prefix="new-framework"
                submit="Create and open"
                error
                on_created=created
            />
        </Card>
    }
}
