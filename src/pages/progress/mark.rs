//! Marking a baseline: a name and a date freeze where every requirement
//! stands.

use crate::app::AppState;
use crate::platform::browser;
use crate::widgets::{Card, ErrorLine, TextField};
use clausebook_core::baseline::BaselineId;
use clausebook_core::calendar::IsoDate;
use clausebook_core::limits::MAX_NAME_CHARS;
use leptos::prelude::*;

#[component]
pub(super) fn MarkBaseline(chosen: RwSignal<Option<BaselineId>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(String::new());
    let date = RwSignal::new(browser::today().to_string());
    let error = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        message.set(None);
        let on = match date.get_untracked().trim().parse::<IsoDate>() {
            Ok(d) => d,
            Err(e) => {
                error.set(Some(format!("Date: {e}")));
                return;
            }
        };
        let mut result = None;
        let framework = state.framework();
        state.edit(|w| {
            result = Some(w.mark_baseline(framework, &name.get_untracked(), on, browser::now()))
        });
        match result {
            Some(Ok(id)) => {
                error.set(None);
                message.set(Some(format!(
                    "Marked baseline “{}” ({on}).",
                    name.get_untracked().trim()
                )));
                name.set(String::new());
                chosen.set(Some(id));
            }
            Some(Err(e)) => error.set(Some(e.to_string())),
            None => {}
        }
    };
    view! {
        <Card heading_id="mark-title" title="Mark a baseline">
            <form class="inline-form" on:submit=submit novalidate>
                <TextField
                    id="baseline-name"
                    label="Name"
                    value=name.into()
                    on_input=UnsyncCallback::new(move |v| name.set(v))
                    max=MAX_NAME_CHARS
                    autocomplete=None
                    placeholder="e.g. Gap analysis, March"
                    described_by="baseline-error"
                />
                <div class="field">
                    <label for="baseline-date">"Date"</label>
                    <input
                        id="baseline-date"
                        type="date"
                        prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <button type="submit" class="primary">
                        "Mark baseline"
                    </button>
                </div>
            </form>
            <ErrorLine error=error id="baseline-error" />
            <p class="success" role="status">
                {move || message.get()}
            </p>
        </Card>
    }
}
