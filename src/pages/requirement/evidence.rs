//! Evidence on a requirement page (add, edit, link, unlink, delete), and the
//! documented-information checklist on the page of the clause that lists it.

use crate::app::AppState;
use crate::app::route;
use crate::widgets::ConfirmInline;
use crate::widgets::{ErrorLine, SelectField, TextField};
use crate::widgets::{column_heads, scroll_table};
use clausebook_core::calendar::IsoDate;
use clausebook_core::evidence::{DocumentStatus, EvidenceId, EvidenceItem};
use clausebook_core::framework::{Framework, Node};
use clausebook_core::limits::{MAX_NAME_CHARS, MAX_OWNER_CHARS};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn EvidenceSection(node: &'static Node) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = &node.id;
    // Ids only, so a keyed list keeps each entry (and its open edit form)
    // alive while its fields change.
    let linked = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.evidence
                        .for_requirement(id)
                        .map(|i| i.id)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let others = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.evidence
                        .items
                        .iter()
                        .filter(|i| !i.requirements.contains(id))
                        .map(|i| (i.id, i.title.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let new_title = RwSignal::new(String::new());
    let chosen = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut result = Ok(EvidenceId(0));
        state.edit(|w| {
            let now = crate::platform::browser::now();
            result = w.add_evidence(&new_title.get_untracked(), id.clone(), now);
        });
        match result {
            Ok(_) => {
                new_title.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let link = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Ok(n) = chosen.get_untracked().parse::<u32>() {
            state.edit(|w| w.evidence.link(EvidenceId(n), id));
            chosen.set(String::new());
        }
    };
    view! {
        <section class="card evidence" aria-labelledby="evidence-title">
            <h2 id="evidence-title">"Evidence"</h2>
            {move || {
                linked.with(Vec::is_empty).then(|| view! { <p class="hint">"No evidence linked yet."</p> })
            }}
            <ul class="evidence-list">
                <For each=move || linked.get() key=|eid| *eid let(eid)>
                    <EvidenceEntry node eid />
                </For>
            </ul>
            <form class="inline-form" on:submit=add>
                <TextField
                    id="new-evidence"
                    label="New evidence title"
                    value=new_title.into()
                    on_input=UnsyncCallback::new(move |v| new_title.set(v))
                    max=MAX_NAME_CHARS
                    autocomplete=None
                />
                <button type="submit">"Add evidence"</button>
            </form>
            <ErrorLine error=error />
            {move || {
                let options = others.get();
                (!options.is_empty())
                    .then(|| {
                        view! {
                            <form class="inline-form" on:submit=link>
                                <SelectField
                                    id="link-evidence"
                                    label="Existing evidence item"
                                    on_change=move |v| chosen.set(v)
                                >
                                        <option value="" prop:selected=move || chosen.get().is_empty()>
                                            "Choose an item"
                                        </option>
                                        {options
                                            .into_iter()
                                            .map(|(eid, title)| {
                                                view! {
                                                    <option value=eid.0.to_string()>
                                                        {format!("{eid} {title}")}
                                                    </option>
                                                }
                                            })
                                            .collect_view()}
                                </SelectField>
                                <button type="submit">"Link evidence"</button>
                            </form>
                        }
                    })
            }}
        </section>
    }
}

/// One linked item: its facts, and buttons to edit, unlink or delete it.
#[component]
fn EvidenceEntry(node: &'static Node, eid: EvidenceId) -> impl IntoView {
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

/// Edit every field of an evidence item in place; changes save as you type.
#[component]
fn EvidenceForm(item: EvidenceItem) -> impl IntoView {
    let state = expect_context::<AppState>();
    let eid = item.id;
    let edit = move |f: &dyn Fn(&mut EvidenceItem)| {
        state.edit(|w| {
            if let Some(i) = w.evidence.get_mut(eid) {
                f(i);
            }
        })
    };
    let date_error = RwSignal::new(None::<String>);
    let title_error = RwSignal::new(None::<String>);
    let field_id = move |name: &str| format!("ev-{}-{name}", eid.0);
    let text_field = move |label: &'static str,
                           name: &'static str,
                           value: String,
                           setter: fn(&mut EvidenceItem, String)| {
        view! {
            <div class="field">
                <label for=field_id(name)>{label}</label>
                <input
                    id=field_id(name)
                    type="text"
                    maxlength=MAX_OWNER_CHARS
                    value=value
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit(&|i| setter(i, v.clone()));
                    }
                />
            </div>
        }
    };
    view! {
        <div class="evidence-form" role="group" aria-label=format!("Edit {eid}")>
            <div class="field">
                <label for=field_id("title")>"Title"</label>
                <input
                    id=field_id("title")
                    type="text"
                    maxlength=MAX_NAME_CHARS
                    value=item.title.clone()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        if v.trim().is_empty() {
                            title_error.set(Some("Give the evidence item a title.".into()));
                        } else {
                            title_error.set(None);
                            edit(&|i| i.title = v.trim().to_owned());
                        }
                    }
                />
                <ErrorLine error=title_error />
            </div>
            {text_field("Reference or location", "reference", item.reference.clone(), |i, v| i.reference = v)}
            {text_field("Evidence owner", "owner", item.owner.clone(), |i, v| i.owner = v)}
            {text_field("Version", "version", item.version.clone(), |i, v| i.version = v)}
            <div class="field">
                <label for=field_id("review")>"Next review date"</label>
                <input
                    id=field_id("review")
                    type="date"
                    value=item.next_review.map(|d| d.to_string()).unwrap_or_default()
                    on:change=move |ev| match IsoDate::parse_optional(&event_target_value(&ev)) {
                        Ok(d) => {
                            date_error.set(None);
                            edit(&|i| i.next_review = d);
                        }
                        Err(e) => date_error.set(Some(e.to_string())),
                    }
                />
                <ErrorLine error=date_error />
            </div>
        </div>
    }
}

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
        <section class="card" aria-labelledby="checklist-title">
            <h2 id="checklist-title">"Checklist of expected documents"</h2>
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
        </section>
    }
}
