//! Flashcards, turned over and stepped through at the student's pace.

use clausebook_core::study::Flashcard;
use leptos::prelude::*;

/// A deck being studied.
#[derive(Debug, Clone)]
pub(super) struct CardsState {
    pub(super) cards: Vec<Flashcard>,
    pub(super) index: usize,
    pub(super) flipped: bool,
}

#[component]
pub(super) fn CardsView(cards: RwSignal<Option<CardsState>>, back: Callback<()>) -> impl IntoView {
    let total = cards.with_untracked(|c| c.as_ref().map_or(0, |c| c.cards.len()));
    let index = move || cards.with(|c| c.as_ref().map_or(0, |c| c.index));
    let flipped = move || cards.with(|c| c.as_ref().is_some_and(|c| c.flipped));
    let card = move || cards.with(|c| c.as_ref().and_then(|c| c.cards.get(c.index).cloned()));
    let flip = move || {
        cards.update(|c| {
            if let Some(c) = c {
                c.flipped = !c.flipped;
            }
        })
    };
    let go = move |step: isize| {
        cards.update(|c| {
            if let Some(c) = c {
                let n = c.cards.len() as isize;
                if n > 0 {
                    c.index = (c.index as isize + step).rem_euclid(n) as usize;
                    c.flipped = false;
                }
            }
        })
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        " " | "Enter" => {
            ev.prevent_default();
            flip();
        }
        "ArrowRight" => {
            ev.prevent_default();
            go(1);
        }
        "ArrowLeft" => {
            ev.prevent_default();
            go(-1);
        }
        _ => {}
    };
    view! {
        <section class="card study-cards" aria-labelledby="study-cards-title">
            <h2 id="study-cards-title">
                {move || format!("Flashcard {} of {}", index() + 1, total)}
            </h2>
            <div
                class="flashcard"
                class:flashcard-back=flipped
                tabindex="0"
                role="group"
                aria-roledescription="flashcard"
                aria-label=move || {
                    format!(
                        "Card {} of {}, {} side",
                        index() + 1,
                        total,
                        if flipped() { "back" } else { "front" },
                    )
                }
                aria-describedby="flashcard-keys"
                on:keydown=on_key
            >
                <p class="flashcard-side">{move || if flipped() { "Back" } else { "Front" }}</p>
                <p class="flashcard-text" aria-live="polite">
                    {move || {
                        card()
                            .map(|c| if flipped() { c.back } else { c.front })
                            .unwrap_or_default()
                    }}
                </p>
            </div>
            <p class="hint" id="flashcard-keys">
                "On the card: Space or Enter turns it over, the left and right arrow keys move between cards."
            </p>
            <p class="actions">
                <button type="button" on:click=move |_| go(-1)>
                    "Previous card"
                </button>
                <button
                    type="button"
                    class="primary"
                    aria-pressed=move || flipped().to_string()
                    on:click=move |_| flip()
                >
                    "Turn card over"
                </button>
                <button type="button" on:click=move |_| go(1)>
                    "Next card"
                </button>
                <button type="button" on:click=move |_| back.run(())>
                    "Stop"
                </button>
            </p>
        </section>
    }
}
