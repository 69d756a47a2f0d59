//! The notice for a browser that deletes this site's data after 7 days
//! without a visit (Safari, every iPhone and iPad browser, and WebKitGTK,
//! outside an installed app; see `clausebook_core::retention`). That is
//! every workbook, its snapshots and the offline copy at once, so the
//! notice says it plainly and offers the ways out: install the app, and
//! save to a file. It is short at the top of the page (the details fold
//! away), can be hidden for two days, and comes back.

use super::{AppState, route};
use crate::platform::browser;
use crate::platform::store;
use crate::widgets::QuickSave;
use clausebook_core::retention::{Retention, WebKit};
use leptos::prelude::*;
use leptos_router::components::A;

/// How long "Hide for two days" hides it: it is back well before the
/// 7 days run out for someone who keeps visiting.
const HIDE_MS: i64 = 2 * 24 * 60 * 60 * 1000;

#[component]
pub fn RetentionNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Retention::SevenDays(webkit) = state.retention else {
        return ().into_any();
    };
    let now = browser::now().epoch_ms();
    let hidden = RwSignal::new(
        store::notice_hidden_until(&state.namespace()).is_some_and(|until| now < until),
    );
    let has_workbook = Memo::new(move |_| state.workbook.with(Option::is_some));
    let hide = move |_| {
        store::hide_notice(&state.namespace(), browser::now().epoch_ms() + HIDE_MS);
        hidden.set(true);
    };
    let (name, rule, way_out) = match webkit {
        WebKit::Apple => (
            "Safari deletes unvisited data",
            "Safari deletes this site's data after 7 days without a visit",
            "Add Clausebook to the Home Screen (iPhone, iPad: Share → Add to Home Screen) or to the Dock (Mac: File → Add to Dock): opened from there, it keeps its data. And save each workbook to a file now and then: a file survives whatever the browser deletes.",
        ),
        WebKit::Other => (
            "This browser may delete unvisited data",
            "This browser is built on WebKit, which, like Safari, can delete this site's data after 7 days without a visit",
            "Save each workbook to a file now and then: a file survives whatever the browser deletes. In Safari, adding Clausebook to the Home Screen or the Dock (Share → Add to Home Screen, File → Add to Dock) keeps its data.",
        ),
    };
    view! {
        <Show when=move || !hidden.get()>
            <section class="retention-notice" role="region" aria-label=name>
                <p>
                    <strong>{rule}</strong>
                    " — every workbook, its snapshots and the offline copy."
                </p>
                <details>
                    <summary>"How to keep your work"</summary>
                    <p>{way_out}</p>
                </details>
                <div class="actions">
                    <Show
                        when=move || has_workbook.get()
                        fallback=|| {
                            view! {
                                <p class="way-back">
                                    "Workbooks gone? " <A href=route("/data")>"Open a workbook file"</A>
                                    " you saved."
                                </p>
                            }
                        }
                    >
                        <QuickSave primary=true message_class="notice-message" />
                    </Show>
                    <button type="button" on:click=hide>
                        "Hide for two days"
                    </button>
                </div>
            </section>
        </Show>
    }
    .into_any()
}
