//! Data: save the workbook to a file, import one after checking it, and
//! the earlier versions kept in this browser.

use crate::app::AppState;
use crate::widgets::{
    Card, OpenWorkbookFile, PageIntro, PersistenceAnswer, SaveFileCard, StatusLine,
    action_column_heads, scroll_table,
};
use clausebook_core::file::export;
use clausebook_core::library::{SnapshotMeta, SnapshotReason};
use leptos::prelude::*;

#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <PageIntro title="Data">
            "Your workbook lives in this browser's local storage and is saved as you type. Save it to a file regularly: the file is your backup, and the way to move to another computer or hand a workbook to someone else."
        </PageIntro>
        <PersistenceAnswer />
        <SaveFileCard />
        <Card heading_id="import-title" title="Import">
            <p>
                {format!(
                    "Reads a Clausebook workbook file (up to {}), encrypted or not. It is checked completely and shown to you before anything is replaced.",
                    export::human_size(clausebook_core::limits::MAX_IMPORT_BYTES),
                )}
            </p>
            <OpenWorkbookFile button="Import JSON" input_label="Clausebook JSON file to import" replace=true />
        </Card>
        <super::trainer::TrainerNotesSection />
        <Card heading_id="workshop-title" title="Workshops">
            <p>
                "Compare several participants' exported workbooks side by side, without changing yours. "
                <leptos_router::components::A href=crate::app::route("/compare")>"Compare workbooks"</leptos_router::components::A>
            </p>
        </Card>
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
