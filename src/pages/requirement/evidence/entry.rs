//! One evidence item linked to a requirement.

use super::form::EvidenceForm;
use crate::app::AppState;
use crate::widgets::ConfirmInline;
use clausebook_core::evidence::EvidenceId;
use clausebook_core::framework::Node;
use leptos::prelude::*;

/// One linked item: its facts, and buttons to edit, unlink or delete it.
#[component]
pub(super) fn EvidenceEntry(node: &'static Node, eid: EvidenceId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let item = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().and_then(|w| w.evidence.get(eid).cloned()))
    });
    let editing = RwSignal::new(false);
    let confirm_delete = RwSignal::new(false);
    let head = move || {
        item.with(|i| {
            i.as_ref().map(|i| {
                let shared = i.requirements.len();
                let also = if shared > 1 {
                    format!(" · linked to {shared} requirements")
                } else {
                    String::new()
                };
                (format!("{eid} {}", i.title), also)
            })
        })
    };
    let facts = move || {
        item.with(|i| {
            let Some(i) = i.as_ref() else {
                return Vec::new();
            };
            [
                ("Reference", i.reference.clone()),
                ("Owner", i.owner.clone()),
                ("Version", i.version.clone()),
                (
                    "Next review",
                    i.next_review.map(|d| d.to_string()).unwrap_or_default(),
                ),
            ]
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .collect::<Vec<_>>()
        })
    };
    view! {
        <li class="evidence-item">
            <p class="evidence-head">
                <strong>{move || head().map(|h| h.0)}</strong>
                {move || head().map(|h| h.1)}
            </p>
            <dl class="facts compact">
                {move || {
                    facts()
                        .into_iter()
                        .map(|(k, v)| view! { <dt>{k}</dt> <dd>{v}</dd> })
                        .collect_view()
                }}
            </dl>
            <div class="actions">
                <button
                    type="button"
                    aria-expanded=move || editing.get().to_string()
                    on:click=move |_| editing.update(|e| *e = !*e)
                >
                    {format!("Edit {eid}")}
                </button>
                <button
                    type="button"
                    on:click=move |_| state.edit(|w| w.evidence.unlink(eid, &node.id))
                >
                    {format!("Unlink {eid}")}
                </button>
                <button type="button" class="danger" on:click=move |_| confirm_delete.set(true)>
                    {format!("Delete {eid}")}
                </button>
            </div>
            {move || {
                confirm_delete
                    .get()
                    .then(|| {
                        view! {
                            <ConfirmInline
                                label=format!("Delete {eid}?")
                                yes=format!("Yes, delete {eid}")
                                no="Keep it"
                                on_yes=move || state.edit(|w| w.evidence.delete(eid, &mut w.documents))
                                on_no=move || confirm_delete.set(false)
                            >
                                <p>
                                    {format!(
                                        "Delete {eid} from the register and from every requirement and document that uses it?",
                                    )}
                                </p>
                            </ConfirmInline>
                        }
                    })
            }}
            {move || {
                editing
                    .get()
                    .then(|| item.get_untracked().map(|item| view! { <EvidenceForm item /> }))
            }}
        </li>
    }
}
