//! Evidence on a requirement page: add, edit, link, unlink, delete.

mod entry;
mod form;

use entry::EvidenceEntry;

use crate::app::AppState;
use crate::widgets::{ErrorLine, SelectField, TextField};
use clausebook_core::evidence::EvidenceId;
use clausebook_core::framework::Node;
use clausebook_core::limits::MAX_NAME_CHARS;
use leptos::prelude::*;

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
