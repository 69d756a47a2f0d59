//! Trainer notes: the read-only box on a requirement page, and the editing
//! section (trainer mode) on the Data page.

use crate::app::{AppState, route};
use crate::widgets::Card;
use crate::widgets::{ErrorLine, SelectField};
use clausebook_core::framework::{Node, RequirementId};
use clausebook_core::limits::MAX_NOTES_CHARS;
use leptos::prelude::*;
use leptos_router::components::A;

/// The trainer's note for a requirement, when there is one. Always read-only
/// here: notes are written in trainer mode on the Data page.
#[component]
pub fn TrainerNote(node: &'static Node) -> impl IntoView {
    let state = expect_context::<AppState>();
    let note = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref().and_then(|w| {
                w.trainer_notes
                    .get(&node.id)
                    .map(|t| (t.to_owned(), w.trainer_notes.locked))
            })
        })
    });
    move || {
        note.get().map(|(text, locked)| {
            view! {
                <aside class="card trainer-note" aria-labelledby="trainer-note-title">
                    <h2 id="trainer-note-title">"Trainer's note"</h2>
                    <p class="trainer-text">{text}</p>
                    <p class="hint">
                        {if locked {
                            "Set by your trainer; it cannot be changed here."
                        } else {
                            "Trainer mode is on: edit this note under Trainer notes on the Data page."
                        }}
                    </p>
                </aside>
            }
        })
    }
}

/// Lock or unlock the trainer notes, and edit them while unlocked.
#[component]
pub fn TrainerNotesSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let framework = state.framework();
    let has_workbook = Memo::new(move |_| state.workbook.with(Option::is_some));
    let locked = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().is_some_and(|w| w.trainer_notes.locked))
    });
    let notes = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.iter()
                .flat_map(|w| w.trainer_notes.notes.clone())
                .collect::<Vec<_>>()
        })
    });
    let first = framework
        .leaves()
        .next()
        .map(|n| n.id.clone())
        .unwrap_or_else(|| RequirementId(String::new()));
    let selected = RwSignal::new(first);
    let error = RwSignal::new(None::<String>);
    let current_text = Memo::new(move |_| {
        let id = selected.get();
        state.workbook.with(|w| {
            w.as_ref()
                .and_then(|w| w.trainer_notes.get(&id).map(str::to_owned))
                .unwrap_or_default()
        })
    });
    let save = move |text: String| {
        let id = selected.get_untracked();
        let mut result = Ok(());
        state.edit(|w| {
            result = w.set_trainer_note(framework, &id, &text, crate::platform::browser::now());
        });
        error.set(result.err().map(|e| e.to_string()));
    };
    let toggle = move |_| {
        state.edit(|w| {
            let locked = !w.trainer_notes.locked;
            w.set_trainer_notes_locked(locked, crate::platform::browser::now());
        });
        error.set(None);
    };
    let list = move || {
        notes
            .get()
            .into_iter()
            .map(|(id, text)| {
                let label = framework
                    .node(&id)
                    .map(|n| format!("{} {}", n.number, n.title))
                    .unwrap_or_else(|| id.0.clone());
                let href = route(&format!("/clauses/{id}"));
                let edit_label = format!("Edit the note for {}", id);
                view! {
                    <li>
                        <A href=href>{label}</A>
                        <p class="trainer-text">{text}</p>
                        {move || {
                            (!locked.get())
                                .then(|| {
                                    let id = id.clone();
                                    view! {
                                        <button
                                            type="button"
                                            aria-label=edit_label.clone()
                                            on:click=move |_| selected.set(id.clone())
                                        >
                                            "Edit"
                                        </button>
                                    }
                                })
                        }}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Card heading_id="trainer-title" title="Trainer notes">
            <p>
                "A trainer can write instructions per requirement, lock them and export the workbook as a starting point for participants, who see each note read-only on its requirement page."
            </p>
            <p data-testid="trainer-lock-state">
                <strong>
                    {move || {
                        if locked.get() {
                            "Locked: the notes are read-only."
                        } else {
                            "Unlocked (trainer mode): the notes can be edited."
                        }
                    }}
                </strong>
            </p>
            <button type="button" on:click=toggle disabled=move || !has_workbook.get()>
                {move || if locked.get() { "Unlock trainer notes" } else { "Lock trainer notes" }}
            </button>
            {move || {
                (has_workbook.get() && !locked.get())
                    .then(|| {
                        view! {
                            <div class="trainer-editor">
                                <SelectField
                                    id="trainer-requirement"
                                    label="Requirement"
                                    on_change=move |v| selected.set(RequirementId(v))
                                >
                                        {framework
                                            .leaves()
                                            .map(|n| {
                                                let id = n.id.clone();
                                                view! {
                                                    <option
                                                        value=n.id.0.clone()
                                                        prop:selected=move || selected.get() == id
                                                    >
                                                        {format!("{} {}", n.number, n.title)}
                                                    </option>
                                                }
                                            })
                                            .collect_view()}
                                </SelectField>
                                <div class="field">
                                    <label for="trainer-text">"Note for participants"</label>
                                    <textarea
                                        id="trainer-text"
                                        rows="4"
                                        maxlength=MAX_NOTES_CHARS
                                        aria-describedby="trainer-error"
                                        prop:value=move || current_text.get()
                                        on:input=move |ev| save(event_target_value(&ev))
                                    ></textarea>
                                    <p class="hint">"Saved as you type. Empty removes the note."</p>
                                </div>
                            </div>
                        }
                    })
            }}
            <ErrorLine error=error id="trainer-error" />
            <ul class="trainer-list">{list}</ul>
        </Card>
    }
}
