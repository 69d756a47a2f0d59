//! The form a study session starts from: mode, topics and length.

use super::activity::Activity;
use crate::widgets::{Radio, RadioGroup};
use clausebook_core::study::Topic;
use leptos::prelude::*;

#[component]
pub(super) fn StartForm(
    activity: RwSignal<Activity>,
    topics: RwSignal<Vec<Topic>>,
    count: RwSignal<usize>,
    start: impl Fn(leptos::ev::MouseEvent) + 'static,
    heading: NodeRef<leptos::html::H2>,
) -> impl IntoView {
    let none_chosen = move || topics.with(Vec::is_empty);
    view! {
        <section class="card study-start" aria-labelledby="study-start-title">
            <h2 id="study-start-title" tabindex="-1" node_ref=heading>
                "Start studying"
            </h2>
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
            <fieldset class="choices">
                <legend>"Topics"</legend>
                {Topic::ALL
                    .into_iter()
                    .map(|t| {
                        let id = format!("study-topic-{}", t.key());
                        view! {
                            <div class="check">
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    prop:checked=move || topics.with(|ts| ts.contains(&t))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        topics
                                            .update(|ts| {
                                                ts.retain(|x| *x != t);
                                                if on {
                                                    ts.push(t);
                                                }
                                            });
                                    }
                                />
                                <label for=id>{t.label()}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <Show when=move || activity.get() != Activity::Flashcards>
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
                        {[5usize, 10, 20]
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
                <p class="error" id="study-topics-error">
                    "Choose at least one topic."
                </p>
            </Show>
            <p class="actions">
                <button type="button" class="primary" disabled=none_chosen on:click=start>
                    "Start"
                </button>
            </p>
        </section>
    }
}
