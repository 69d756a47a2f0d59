//! Recovery: shown instead of the app when stored data cannot be read.
//! Nothing is written until the user has had the chance to download it.

use crate::app::recovery;
use crate::platform::browser;
use crate::widgets::{CheckBox, StatusLine};
use clausebook_core::file::schema::SchemaError;
use clausebook_core::library::WorkbookId;
use leptos::prelude::*;

#[component]
pub fn RecoveryPage(id: WorkbookId, raw: String, error: SchemaError) -> impl IntoView {
    // Data from a newer version is not damaged: the fix is to update, and
    // deleting it is not offered.
    let newer = matches!(error, SchemaError::NewerSchema { .. });
    let library = recovery::library();
    let other = library.live().find(|e| e.id != id).map(|e| e.id.clone());
    let outcome = RwSignal::new(None::<String>);
    let understood = RwSignal::new(false);
    let size = clausebook_core::file::export::human_size(raw.len() as u64);
    let excerpt: String = raw.chars().take(400).collect();
    let raw = StoredValue::new(raw);
    let download = move |_| {
        let name = format!("clausebook-recovered-{}.json", browser::today());
        let result = raw.with_value(|raw| browser::download(&name, raw, "application/json"));
        outcome.set(Some(match result {
            Ok(()) => format!("Downloaded {name}. Keep it safe."),
            Err(e) => e,
        }));
    };
    let remove_id = id.clone();
    let start_again = move |_| match recovery::discard(&remove_id) {
        Ok(()) => {
            let _ = gloo_utils::window().location().reload();
        }
        Err(e) => outcome.set(Some(e.to_string())),
    };
    let open_other = move |_| {
        if let Some(other) = &other {
            recovery::open_next(other);
            let _ = gloo_utils::window().location().reload();
        }
    };
    let has_other = library.live().count() > 1;
    view! {
        <main id="main" class="recovery">
            <h1>"Your stored workbook could not be opened"</h1>
            <p class="error" role="alert">
                {error.to_string()}
            </p>
            <p>
                {format!(
                    "This browser holds {size} of Clausebook data that this version cannot read. It has not been changed or overwritten. Download it first: it may be the only copy of your work, and it can be repaired or opened with a newer Clausebook.",
                )}
            </p>
            <button type="button" class="primary" on:click=download>
                "Download stored data"
            </button>
            <StatusLine message=outcome />
            {newer
                .then(|| {
                    view! {
                        <button
                            type="button"
                            on:click=|_| {
                                let _ = gloo_utils::window().location().reload();
                            }
                        >
                            "Reload to update"
                        </button>
                    }
                })}
            {has_other
                .then(|| {
                    view! {
                        <button type="button" on:click=open_other.clone()>
                            "Open another workbook"
                        </button>
                    }
                })}
            <details>
                <summary>"Show the beginning of the stored data"</summary>
                <pre class="raw">{excerpt}</pre>
            </details>
            <section class="card danger" aria-labelledby="start-again-title" hidden=newer>
                <h2 id="start-again-title">"Start again"</h2>
                <p>"Deletes this workbook's unreadable data from this browser. Other workbooks are kept."</p>
                <CheckBox
                    id="understood"
                    label="I have downloaded the stored data, or I do not need it"
                    checked=understood
                />
                <button
                    type="button"
                    class="danger"
                    disabled=move || !understood.get()
                    on:click=start_again
                >
                    "Delete stored data and start again"
                </button>
            </section>
        </main>
    }
}
