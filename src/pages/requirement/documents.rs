//! The documented-information checklist on the page of the clause that
//! lists it.

use crate::app::AppState;
use crate::app::route;
use crate::widgets::Card;
use crate::widgets::{column_heads, scroll_table};
use clausebook_core::calendar::IsoDate;
use clausebook_core::evidence::{DocumentStatus, EvidenceId};
use clausebook_core::framework::Framework;
use clausebook_core::limits::MAX_OWNER_CHARS;
use leptos::prelude::*;
use leptos_router::components::A;

/// The documented-information checklist: one row per expected document.
#[component]
pub fn DocumentChecklist(framework: &'static Framework) -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = framework
        .documented_information
        .iter()
        .enumerate()
        .map(|(n, doc)| {
            let doc_id = doc.id.as_str();
            let record = Memo::new(move |_| {
                state
                    .workbook
                    .with(|w| w.as_ref().map(|w| w.documents.record(doc_id)).unwrap_or_default())
            });
            let evidence_titles = Memo::new(move |_| {
                state.workbook.with(|w| {
                    let Some(w) = w.as_ref() else { return Vec::new() };
                    w.documents
                        .record(doc_id)
                        .evidence
                        .iter()
                        .filter_map(|e| w.evidence.get(*e))
                        .map(|e| (e.id, e.title.clone()))
                        .collect::<Vec<_>>()
                })
            });
            let all_evidence = Memo::new(move |_| {
                state.workbook.with(|w| {
                    w.as_ref()
                        .map(|w| w.evidence.items.iter().map(|i| (i.id, i.title.clone())).collect::<Vec<_>>())
                        .unwrap_or_default()
                })
            });
            let edit = move |f: &dyn Fn(&mut clausebook_core::evidence::DocumentRecord)| {
                state.edit(|w| w.documents.edit(doc_id, f));
            };
            let sid = format!("doc-{n}-status");
            let oid = format!("doc-{n}-owner");
            let rid = format!("doc-{n}-review");
            let lid = format!("doc-{n}-link");
            view! {
                <tr>
                    <th scope="row">{doc.title.clone()}</th>
                    <td>
                        <label class="visually-hidden" for=sid.clone()>{format!("Status of {}", doc.title)}</label>
                        <select
                            id=sid
                            on:change=move |ev| {
                                if let Some(s) = DocumentStatus::from_key(&event_target_value(&ev)) {
                                    edit(&|r| r.status = s);
                                }
                            }
                        >
                            {DocumentStatus::ALL
                                .into_iter()
                                .map(|s| {
                                    view! {
                                        <option value=s.key() prop:selected=move || record.with(|r| r.status == s)>
                                            {s.label()}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </td>
                    <td>
                        <label class="visually-hidden" for=oid.clone()>{format!("Owner of {}", doc.title)}</label>
                        <input
                            id=oid
                            type="text"
                            maxlength=MAX_OWNER_CHARS
                            prop:value=move || record.with(|r| r.owner.clone())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                edit(&|r| r.owner = v.clone());
                            }
                        />
                    </td>
                    <td>
                        <label class="visually-hidden" for=rid.clone()>{format!("Review date of {}", doc.title)}</label>
                        <input
                            id=rid
                            type="date"
                            prop:value=move || record.with(|r| r.review_date.map(|d| d.to_string()).unwrap_or_default())
                            on:change=move |ev| {
                                if let Ok(d) = IsoDate::parse_optional(&event_target_value(&ev)) {
                                    edit(&|r| r.review_date = d);
                                }
                            }
                        />
                    </td>
                    <td>
                        <ul class="chips">
                            {move || {
                                evidence_titles
                                    .get()
                                    .into_iter()
                                    .map(|(eid, title)| {
                                        view! {
                                            <li>
                                                {format!("{eid} {title} ")}
                                                <button
                                                    type="button"
                                                    class="chip-remove"
                                                    aria-label=format!("Remove {eid} from {}", doc.title)
                                                    on:click=move |_| edit(&|r| r.evidence.retain(|e| *e != eid))
                                                >
                                                    "×"
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </ul>
                        <label class="visually-hidden" for=lid.clone()>{format!("Add evidence to {}", doc.title)}</label>
                        <select
                            id=lid
                            on:change=move |ev| {
                                if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                                    edit(&|r| {
                                        if !r.evidence.contains(&EvidenceId(n)) {
                                            r.evidence.push(EvidenceId(n));
                                        }
                                    });
                                }
                            }
                        >
                            <option value="" selected>"Add evidence…"</option>
                            {move || {
                                all_evidence
                                    .get()
                                    .into_iter()
                                    .map(|(eid, title)| view! { <option value=eid.0.to_string()>{format!("{eid} {title}")}</option> })
                                    .collect_view()
                            }}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Card heading_id="checklist-title" title="Checklist of expected documents">
            <p class="hint">
                "The documents the standard expects you to keep. Evidence items come from the register on each requirement page."
            </p>
            {scroll_table(
                "checklist",
                column_heads(&["Document", "Status", "Owner", "Review date", "Evidence"]),
                rows,
            )}
            <p>
                <A href=route("/clauses")>"Back to all clauses"</A>
            </p>
        </Card>
    }
}
