//! The log as a board: one column a stage, and cards that move between them.

use super::{item_href, target_view, try_move};
use crate::app::AppState;
use crate::app::route;
use crate::widgets::{focus_later, workbook_memo};
use clausebook_core::calendar::IsoDate;
use clausebook_core::improvement::{ImprovementId, ImprovementItem, Stage};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub(super) fn Board(items: Memo<Vec<usize>>, today: IsoDate) -> impl IntoView {
    let state = expect_context::<AppState>();
    let refusal = RwSignal::new(None::<(ImprovementId, String)>);
    let do_move = move |id: ImprovementId, to: Stage, forward: bool| match try_move(state, id, to) {
        Ok(()) => {
            refusal.set(None);
            let which = if forward { "move-next" } else { "move-back" };
            // Keep the keyboard on the card that moved.
            focus_later(format!(
                "[data-item=\"{id}\"] .{which}, [data-item=\"{id}\"] .card-link"
            ));
        }
        Err(e) => {
            refusal.set(Some((id, e)));
            focus_later("#board-refusal".to_owned());
        }
    };
    let columns = Stage::ALL
        .iter()
        .copied()
        .map(|stage| {
            let col_items = workbook_memo(move |w| {
                items.with(|shown| {
                    w.improvements
                        .at(shown)
                        .filter(|i| i.stage == stage)
                        .cloned()
                        .collect::<Vec<_>>()
                })
            });
            let heading_id = format!("column-{}", stage.key());
            let labelled_by = heading_id.clone();
            view! {
                <section class=format!("board-column column-{}", stage.key()) aria-labelledby=labelled_by>
                    <h3 id=heading_id>
                        {stage.label()}
                        <span class="column-count">{move || format!(" ({})", col_items.with(Vec::len))}</span>
                    </h3>
                    <ul class="cards">
                        {move || {
                            col_items
                                .get()
                                .into_iter()
                                .map(|item| view! { <BoardCard item today do_move /> })
                                .collect_view()
                        }}
                    </ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <div id="board-refusal" class="refusal" role="alert" tabindex="-1">
            {move || {
                refusal
                    .get()
                    .map(|(id, message)| {
                        view! {
                            <p>
                                <strong>"Not moved. "</strong>
                                {message}
                                " "
                                <A href=route(&item_href(id))>{format!("Open {id}")}</A>
                            </p>
                        }
                    })
            }}
        </div>
        <div class="board">{columns}</div>
    }
}

#[component]
fn BoardCard(
    item: ImprovementItem,
    today: IsoDate,
    do_move: impl Fn(ImprovementId, Stage, bool) + Copy + 'static,
) -> impl IntoView {
    let id = item.id;
    let overdue = item.is_overdue(today);
    let next = item.stage.next();
    let back = item.stage.previous();
    let target = target_view(&item, today);
    let title = item.title.clone();
    view! {
        <li class="board-card" class:is-overdue=overdue data-item=id.to_string()>
            <h4>
                <A href=route(&item_href(id)) attr:class="card-link">
                    <span class="item-id">{id.to_string()}</span>
                    " "
                    {title}
                </A>
            </h4>
            <p class="card-meta">
                <span class="badge kind">{item.kind.label()}</span>
                " "
                <span class=format!("badge priority-{}", item.priority.key())>
                    {format!("{} priority", item.priority.label())}
                </span>
            </p>
            <p class="card-meta">
                {(!item.owner.is_empty()).then(|| format!("{} · ", item.owner))}
                "Target "
                {target}
            </p>
            <div class="card-actions">
                {back.map(|to| move_button(id, to, false, do_move))}
                {next.map(|to| move_button(id, to, true, do_move))}
            </div>
        </li>
    }
}

/// The button that moves a card one stage `forward` or back, to `to`; the
/// card's id is read out to screen readers only.
fn move_button(
    id: ImprovementId,
    to: Stage,
    forward: bool,
    do_move: impl Fn(ImprovementId, Stage, bool) + Copy + 'static,
) -> impl IntoView {
    let (class, verb) = if forward {
        ("move-next", "Move")
    } else {
        ("move-back", "Back")
    };
    view! {
        <button type="button" class=class on:click=move |_| do_move(id, to, forward)>
            {verb}
            <span class="visually-hidden">{format!(" {id}")}</span>
            {format!(" to {}", to.label())}
        </button>
    }
}
