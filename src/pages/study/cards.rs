//! Flashcards due today: turned over by a tap anywhere on the card or by
//! its button (Space, Enter), then rated so the scheduler knows when to
//! bring each back.

use clausebook_core::study::{Flashcard, Rating};
use leptos::prelude::*;

/// The cards being studied.
#[derive(Debug, Clone)]
pub(super) struct CardsState {
    pub(super) cards: Vec<Flashcard>,
    pub(super) index: usize,
    pub(super) flipped: bool,
    /// Cards rated in this session.
    pub(super) rated: usize,
}

#[component]
pub(super) fn CardsView(
    cards: RwSignal<Option<CardsState>>,
    rate: impl Fn(String, Rating) + Copy + Send + Sync + 'static,
    back: Callback<()>,
) -> impl IntoView {
    let total = cards.with_untracked(|c| c.as_ref().map_or(0, |c| c.cards.len()));
    let index = move || cards.with(|c| c.as_ref().map_or(0, |c| c.index));
    let flipped = move || cards.with(|c| c.as_ref().is_some_and(|c| c.flipped));
    let card = move || cards.with(|c| c.as_ref().and_then(|c| c.cards.get(c.index).cloned()));
    let finished = move || cards.with(|c| c.as_ref().is_some_and(|c| c.index >= c.cards.len()));
    let rated = move || cards.with(|c| c.as_ref().map_or(0, |c| c.rated));
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
    // Rating moves on to the next card; after the last, the session ends.
    let rated_as = move |rating: Rating| {
        let Some(c) = card() else { return };
        rate(c.id, rating);
        cards.update(|c| {
            if let Some(c) = c {
                c.rated += 1;
                c.index += 1;
                c.flipped = false;
            }
        });
    };
    // Space and Enter are the turn button's own (it is a real button);
    // the arrows, pressed anywhere on the card, move between cards.
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
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
    // Begin at the first card's heading, at the top of the window: Start,
    // far down the start form this view replaces, left the window scrolled
    // on a phone.
    let heading = NodeRef::<leptos::html::H2>::new();
    crate::widgets::focus_at_top(heading);
    let studying = move || {
        view! {
            <h2 id="study-cards-title" tabindex="-1" node_ref=heading>
                {move || format!("Flashcard {} of {}", index() + 1, total)}
            </h2>
            // The whole card is the turn button's target: its box is
            // stretched over the card (style/main.css, .flashcard-turn), so
            // a tap anywhere on the card turns it, and keyboard and screen
            // readers meet one real button (issue 21).
            <div
                class="flashcard"
                class:flashcard-back=flipped
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
                <button
                    type="button"
                    class="flashcard-turn primary"
                    aria-pressed=move || flipped().to_string()
                    aria-describedby="flashcard-keys"
                    on:click=move |_| flip()
                >
                    "Turn card over"
                </button>
            </div>
            <p class="hint" id="flashcard-keys">
                "Tap the card, or press Space or Enter on Turn card over, to turn it; the left and right arrow keys move between cards. Once you have seen the back, rate how well you knew it."
            </p>
            <Show when=flipped>
                <div class="flashcard-rate" role="group" aria-label="How well did you know it?">
                    {Rating::ALL
                        .into_iter()
                        .map(|r| {
                            view! {
                                <button type="button" on:click=move |_| rated_as(r)>
                                    {r.label()}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </Show>
            <p class="actions">
                <button type="button" on:click=move |_| go(-1)>
                    "Previous card"
                </button>
                <button type="button" on:click=move |_| go(1)>
                    "Next card"
                </button>
                <button type="button" on:click=move |_| back.run(())>
                    "Stop"
                </button>
            </p>
        }
    };
    let done = move || {
        view! {
            <h2 id="study-cards-title">"Flashcards done for today"</h2>
            <p role="status">
                {move || match rated() {
                    1 => "You rated 1 card. It comes back on the day the scheduler set.".to_owned(),
                    n => format!("You rated {n} cards. Each comes back on the day the scheduler set."),
                }}
            </p>
            <p class="actions">
                <button type="button" class="primary" on:click=move |_| back.run(())>
                    "Back to Study"
                </button>
            </p>
        }
    };
    view! {
        <section class="card study-cards" aria-labelledby="study-cards-title">
            <Show when=move || !finished() fallback=done>
                {studying}
            </Show>
        </section>
    }
}
