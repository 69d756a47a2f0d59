//! The results of a finished quiz or timed run: the score and how it went
//! by syllabus area.

use super::clock::spoken;
use crate::widgets::column_heads;
use clausebook_core::study::RunRecord;
use leptos::prelude::*;

/// The score of `record`, its rows by area, and the way back to the start.
/// `timed_out` says the clock ended the run before every question was answered.
#[component]
pub(super) fn RunResults(
    record: RunRecord,
    timed_out: bool,
    back: Callback<()>,
    heading: NodeRef<leptos::html::H2>,
) -> impl IntoView {
    let rows = record
        .by_area
        .iter()
        .map(|k| {
            view! {
                <tr>
                    <th scope="row">{k.area.label()}</th>
                    <td>{format!("{} of {}", k.score.correct, k.score.total)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
            <section class="card study-results" aria-labelledby="study-results-title">
                <h2 id="study-results-title" tabindex="-1" node_ref=heading>
                    "Results"
                </h2>
                {timed_out.then(|| view! { <p>"Time ran out; unanswered questions count as wrong."</p> })}
                <p class="study-score">
                    {format!(
                        "You answered {} of {} correctly ({}%) in {}.",
                        record.score.correct,
                        record.score.total,
                        record.score.percent(),
                        spoken(record.seconds),
                    )}
                </p>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Results by area">
                    <table>
                        <caption>"By area"</caption>
                        {column_heads(&["Area", "Correct"])}
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p class="actions">
                    <button type="button" class="primary" on:click=move |_| back.run(())>
                        "Study again"
                    </button>
                </p>
            </section>
    }
}
