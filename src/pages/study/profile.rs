//! The student's study profile: its name, the save line, the score history
//! with its trend, what to study next, and export and import.

use super::chart::Chart;
use crate::platform::browser;
use crate::widgets::column_heads;
use clausebook_core::study::Profile;
use leptos::html;
use leptos::prelude::*;

/// A profile file is small; anything much larger is not one.
const MAX_PROFILE_FILE_BYTES: f64 = 2_000_000.0;

/// Runs shown in the progress chart and its table.
const CHART_RUNS: usize = 20;

#[component]
pub(super) fn ProfileView(
    profile: RwSignal<Profile>,
    save: impl Fn() + Copy + Send + Sync + 'static,
    save_message: RwSignal<Option<String>>,
) -> impl IntoView {
    let name_error = RwSignal::new(None::<String>);
    let file_message = RwSignal::new(None::<String>);
    let file_input = NodeRef::<html::Input>::new();
    let export = move |_| {
        let text = profile.with_untracked(Profile::to_json);
        file_message.set(Some(
            match browser::download("clausebook-study-profile.json", &text, "application/json") {
                Ok(()) => "Study profile exported: runs, areas and flashcard schedules.".to_owned(),
                Err(e) => e,
            },
        ));
    };
    let choose_file = move |_| crate::widgets::open_picker(file_input);
    let file_chosen = move |_| {
        let Some(file) = crate::widgets::chosen_files(file_input).into_iter().next() else {
            return;
        };
        if file.size() > MAX_PROFILE_FILE_BYTES {
            file_message.set(Some(format!(
                "{} is too large to be a study profile.",
                file.name()
            )));
            return;
        }
        let name = file.name();
        leptos::task::spawn_local(async move {
            let file = gloo_file::File::from(file);
            let message = match gloo_file::futures::read_as_text(&file).await {
                Err(e) => format!("{name}: the browser could not read the file ({e})."),
                Ok(text) => match Profile::from_json(&text) {
                    Err(e) => format!("{name}: {e}"),
                    Ok(imported) => {
                        let runs = imported.runs.len();
                        let cards = imported.cards.len();
                        profile.set(imported);
                        save();
                        format!("Imported {name}: {runs} runs and {cards} flashcard schedules.")
                    }
                },
            };
            file_message.set(Some(message));
        });
    };
    let next = move || {
        profile.with(|p| {
            p.weakest()
                .map(|a| format!("Study next: {}, your weakest area so far.", a.label()))
        })
    };
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
            None => "No scored runs yet. Finish a quiz, a timed run or a mock exam to see your progress here.".to_owned(),
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
            {move || next().map(|n| view! { <p class="study-next">{n}</p> })}
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
                        {column_heads(&["Run", "When", "Mode", "Score", "Result"])}
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
                                                <td>
                                                    {match r.passed() {
                                                        Some(true) => "Pass",
                                                        Some(false) => "Not yet a pass",
                                                        None => "",
                                                    }}
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
            <h3>"Keep or move your profile"</h3>
            <p class="hint">
                "The export holds your runs with their areas and every flashcard's schedule. Importing a profile replaces the one in this browser."
            </p>
            <p class="actions">
                <button type="button" on:click=export>
                    "Export study profile"
                </button>
                <button type="button" on:click=choose_file>
                    "Import study profile"
                </button>
                <input
                    type="file"
                    accept=".json,application/json"
                    class="visually-hidden"
                    tabindex="-1"
                    aria-label="Study profile file"
                    node_ref=file_input
                    on:change=file_chosen
                />
            </p>
            <p role="status">{move || file_message.get()}</p>
        </section>
    }
}
