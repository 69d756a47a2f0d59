//! The form a study session starts from: mode, areas and length.

use super::activity::Activity;
use crate::widgets::{Radio, RadioGroup};
use clausebook_core::study::Area;
use clausebook_core::study::exam;
use leptos::prelude::*;

#[component]
pub(super) fn StartForm(
    activity: RwSignal<Activity>,
    areas: RwSignal<Vec<Area>>,
    count: RwSignal<usize>,
    /// Flashcards due today in the chosen areas.
    #[prop(into)]
    due: Signal<usize>,
    start: impl Fn(leptos::ev::MouseEvent) + 'static,
    heading: NodeRef<leptos::html::H2>,
) -> impl IntoView {
    let none_chosen = move || activity.get().chooses_areas() && areas.with(Vec::is_empty);
    let nothing_due = move || activity.get() == Activity::Flashcards && due.get() == 0;
    view! {
        <section class="card study-start" aria-labelledby="study-start-title">
            <h2 id="study-start-title" tabindex="-1" node_ref=heading>
                "Start studying"
            </h2>
            <p class="study-due" data-testid="study-due">
                {move || match due.get() {
                    0 => "No flashcards due today.".to_owned(),
                    1 => "1 card due today.".to_owned(),
                    n => format!("{n} cards due today."),
                }}
            </p>
            <RadioGroup
                class="choices"
                item_class="check"
                hint_class="hint study-mode-hint"
                legend="Mode"
                name="study-mode"
                radios=Activity::ALL
                    .iter()
                    .map(|a| Radio {
                        id: format!("study-mode-{}", a.key()),
                        label: a.label().to_owned(),
                        value: None,
                        hint: Some(a.hint().to_owned()),
                    })
                    .collect()
                current=Signal::derive(move || Activity::ALL.iter().position(|a| *a == activity.get()))
                on_pick=UnsyncCallback::new(move |at| activity.set(Activity::ALL[at]))
            />
            <Show
                when=move || activity.get().chooses_areas()
                fallback=|| {
                    view! {
                        <p class="hint">
                            {format!(
                                "Areas and their share of the {} questions: {}. Clausebook's own model is never in the exam.",
                                exam::QUESTIONS,
                                exam::BLUEPRINT
                                    .iter()
                                    .map(|(a, n)| format!("{} {n}", a.short()))
                                    .collect::<Vec<_>>()
                                    .join(", "),
                            )}
                        </p>
                    }
                }
            >
                <fieldset class="choices">
                    <legend>"Syllabus areas"</legend>
                    {Area::ALL
                        .into_iter()
                        .map(|a| {
                            let id = format!("study-area-{}", a.key());
                            view! {
                                <div class="check">
                                    <input
                                        type="checkbox"
                                        id=id.clone()
                                        prop:checked=move || areas.with(|list| list.contains(&a))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            areas
                                                .update(|list| {
                                                    list.retain(|x| *x != a);
                                                    if on {
                                                        list.push(a);
                                                    }
                                                });
                                        }
                                    />
                                    <label for=id>{a.label()}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
            </Show>
            <Show when=move || matches!(activity.get(), Activity::Quiz | Activity::Timed)>
                <p class="field">
                    <label for="study-count">"Number of questions"</label>
                    <select
                        id="study-count"
                        on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).parse() {
                                count.set(n);
                            }
                        }
                    >
                        {[5usize, 10, 20, 40]
                            .into_iter()
                            .map(|n| {
                                view! {
                                    <option value=n.to_string() prop:selected=move || count.get() == n>
                                        {n.to_string()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </p>
            </Show>
            <Show when=none_chosen>
                <p class="error" id="study-areas-error">
                    "Choose at least one area."
                </p>
            </Show>
            <p class="actions">
                <button
                    type="button"
                    class="primary"
                    disabled=move || none_chosen() || nothing_due()
                    on:click=start
                >
                    "Start"
                </button>
            </p>
        </section>
    }
}
