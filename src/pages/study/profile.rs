//! The student's study profile: its name, the save line and the score
//! history.

use super::chart::Chart;
use crate::widgets::column_heads;
use clausebook_core::study::Profile;
use leptos::prelude::*;

/// Runs shown in the progress chart and its table.
const CHART_RUNS: usize = 20;

#[component]
pub(super) fn ProfileView(
    profile: RwSignal<Profile>,
    save: impl Fn() + Copy + Send + Sync + 'static,
    save_message: RwSignal<Option<String>>,
) -> impl IntoView {
    let name_error = RwSignal::new(None::<String>);
    let recent = Memo::new(move |_| {
        profile.with(|p| {
            let skip = p.runs.len().saturating_sub(CHART_RUNS);
            p.runs
                .iter()
                .enumerate()
                .skip(skip)
                .map(|(i, r)| (i + 1, r.clone()))
                .collect::<Vec<_>>()
        })
    });
    let summary = move || {
        profile.with(|p| match p.best() {
            None => "No scored runs yet. Finish a quiz or a timed practice run to see your progress here.".to_owned(),
            Some(best) => format!(
                "{} scored run{} so far; best score {best}%.",
                p.runs.len(),
                if p.runs.len() == 1 { "" } else { "s" }
            ),
        })
    };
    view! {
        <section class="card study-profile" aria-labelledby="study-profile-title">
            <h2 id="study-profile-title">"Your progress"</h2>
            <p class="field">
                <label for="study-name">"Study profile name (optional)"</label>
                <input
                    id="study-name"
                    type="text"
                    autocomplete="name"
                    maxlength=clausebook_core::limits::MAX_PROFILE_NAME_CHARS.to_string()
                    prop:value=move || profile.with(|p| p.name.clone())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let mut result = Ok(());
                        profile.update(|p| result = p.rename(&value));
                        match result {
                            Ok(()) => {
                                name_error.set(None);
                                save();
                            }
                            Err(e) => name_error.set(Some(e.to_string())),
                        }
                    }
                />
            </p>
            {move || name_error.get().map(|e| view! { <p class="error">{e}</p> })}
            <p class="hint" role="status">
                {move || save_message.get()}
            </p>
            <p data-testid="study-summary">{summary}</p>
            <Show when=move || !recent.with(Vec::is_empty)>
                <Chart recent />
                <div class="table-scroll" tabindex="0" role="region" aria-label="Score history table">
                    <table class="study-history">
                        <caption>
                            {move || match recent.with(Vec::len) {
                                1 => "Last run".to_owned(),
                                n => format!("Last {n} runs, newest last"),
                            }}
                        </caption>
                        {column_heads(&["Run", "When", "Mode", "Score"])}
                        <tbody>
                            {move || {
                                recent
                                    .get()
                                    .into_iter()
                                    .map(|(n, r)| {
                                        view! {
                                            <tr>
                                                <th scope="row">{n.to_string()}</th>
                                                <td>
                                                    {format!(
                                                        "{} UTC",
                                                        r.at.as_str().replace('T', " ").chars().take(16).collect::<String>(),
                                                    )}
                                                </td>
                                                <td>{r.mode.label()}</td>
                                                <td>
                                                    {format!(
                                                        "{} of {} ({}%)",
                                                        r.score.correct,
                                                        r.score.total,
                                                        r.score.percent(),
                                                    )}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
