//! The review of a handed-in mock exam: the score against the pass line,
//! the score by area, what to study next, and every question with its
//! explanation.

use super::clock::spoken;
use super::run::requirement_link;
use crate::widgets::column_heads;
use clausebook_core::study::exam::{PASS_PERCENT, QUESTIONS};
use clausebook_core::study::{Practice, RunRecord};
use leptos::prelude::*;

#[component]
pub(super) fn ExamReview(
    practice: Practice,
    record: RunRecord,
    back: Callback<()>,
    heading: NodeRef<leptos::html::H2>,
) -> impl IntoView {
    let passed = practice.passed();
    let pass_line = (QUESTIONS as u32 * PASS_PERCENT).div_ceil(100);
    let by_area = practice.by_area();
    let weakest = by_area
        .iter()
        .filter(|(_, s)| s.total > 0)
        .min_by_key(|(_, s)| (s.correct * 1000) / s.total)
        .map(|(a, s)| (a.label(), *s));
    let only_missed = RwSignal::new(false);
    let area_rows = by_area
        .iter()
        .map(|(area, s)| {
            view! {
                <tr>
                    <th scope="row">{area.label()}</th>
                    <td>{format!("{} of {}", s.correct, s.total)}</td>
                    <td>{format!("{}%", s.percent())}</td>
                </tr>
            }
        })
        .collect_view();
    let items = practice
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let chosen = practice.answer_of(i);
            let right = chosen.is_some_and(|c| q.is_correct(c));
            let verdict = match chosen {
                None => "not answered",
                Some(_) if right => "right",
                Some(_) => "wrong",
            };
            let flagged = practice.is_flagged(i);
            let yours = chosen
                .and_then(|c| q.options.get(c).cloned())
                .unwrap_or_else(|| "none".to_owned());
            let link = requirement_link(q);
            view! {
                <li
                    class="exam-item"
                    class:exam-item-right=right
                    hidden=move || only_missed.get() && right
                >
                    <h3>
                        {format!("Question {}: {verdict}", i + 1)}
                        {flagged.then_some(" (flagged)")}
                    </h3>
                    <p class="exam-area hint">{q.area.label()}</p>
                    <p class="exam-prompt">{q.prompt.clone()}</p>
                    <p>
                        <strong>"Your answer: "</strong>
                        {yours}
                    </p>
                    <p>
                        <strong>"Correct answer: "</strong>
                        {q.answer().to_owned()}
                    </p>
                    <p class="study-explanation">{q.explanation.clone()}</p>
                    {link}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="study-results exam-review" aria-labelledby="study-results-title">
            <h2 id="study-results-title" tabindex="-1" node_ref=heading>
                "Exam review"
            </h2>
            <p class="study-score">
                {format!(
                    "You scored {} of {} ({}%) in {}: {}. The pass line is {pass_line} of {QUESTIONS} ({PASS_PERCENT}%).",
                    record.score.correct,
                    record.score.total,
                    record.score.percent(),
                    spoken(record.seconds),
                    if passed { "a pass" } else { "not yet a pass" },
                )}
            </p>
            {weakest
                .map(|(label, s)| {
                    view! {
                        <p class="study-next">
                            {format!("Study next: {label} ({} of {} right).", s.correct, s.total)}
                        </p>
                    }
                })}
            <div class="table-scroll" tabindex="0" role="region" aria-label="Score by area">
                <table class="exam-areas">
                    <caption>"Score by area"</caption>
                    {column_heads(&["Area", "Correct", "Percent"])}
                    <tbody>{area_rows}</tbody>
                </table>
            </div>
            <h3>"Every question"</h3>
            <p class="check">
                <input
                    type="checkbox"
                    id="exam-only-missed"
                    prop:checked=move || only_missed.get()
                    on:change=move |ev| only_missed.set(event_target_checked(&ev))
                />
                <label for="exam-only-missed">"Show only questions I missed"</label>
            </p>
            <ol class="exam-items">{items}</ol>
            <p class="actions">
                <button type="button" class="primary" on:click=move |_| back.run(())>
                    "Back to Study"
                </button>
            </p>
        </section>
    }
}
