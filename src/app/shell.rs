//! The frame around every page: the header with the workbook's name, save
//! state, theme, undo and backup line, the main navigation, and the
//! messages that belong to no single page.

use super::retention_notice::RetentionNotice;
use super::theme::ThemeSwitch;
use super::{AppState, route};
use crate::platform::browser;
use crate::platform::store::{self, SaveStatus};
use crate::widgets::local_time;
use crate::widgets::{FrameworkAttribution, QuickSave};
use clausebook_core::framework::{self, Framework};
use clausebook_core::library;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

/// The app's main pages, in the order of the navigation bar.
pub const PAGES: [(&str, &str); 9] = [
    ("/", "Overview"),
    ("/clauses", "Clauses"),
    ("/improvements", "Improvements"),
    ("/portfolio", "Portfolio"),
    ("/progress", "Progress"),
    ("/reports", "Reports"),
    ("/workbooks", "Workbooks"),
    ("/data", "Data"),
    ("/study", "Study"),
];

/// The header. Below 600 px it is one line (the name, the save state and
/// Menu), and Menu discloses the workbook's tools and the navigation; from
/// 600 px the same elements are laid out as before, always shown, and Menu
/// is hidden (style/main.css, "Header and navigation"). One set of
/// controls, so each has one label and one place in the tab order.
/// The messages (update, backup reminder, Safari's notice) sit below the
/// line at every width, outside the menu, so that a phone shows them too.
#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let organisation = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().map(|w| w.organisation.name.clone()))
    });
    let has_workbook = Memo::new(move |_| state.workbook.with(Option::is_some));
    let open = open_framework(state);
    let framework_name = move || open.get().unwrap_or_else(framework::iso20000).name.clone();
    let menu_open = RwSignal::new(false);
    let menu_button = NodeRef::<html::Button>::new();
    // Escape closes the menu from anywhere in it and puts focus back on
    // Menu, where the person opened it.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && menu_open.get_untracked() {
            ev.prevent_default();
            menu_open.set(false);
            if let Some(button) = menu_button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    // A followed link closes the menu: the page it opens is what the person
    // came for. A click on the page already shown closes it too.
    let on_nav_click = move |ev: leptos::ev::MouseEvent| {
        let on_link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a").ok().flatten())
            .is_some();
        if on_link {
            menu_open.set(false);
        }
    };
    view! {
        <header class="app-header" on:keydown=on_key>
            <div class="header-line">
                <p class="brand">
                    <span class="brand-name">"Clausebook"</span>
                    <span class="brand-sub">{move || format!(" · {}", framework_name())}</span>
                </p>
                <SaveIndicator />
                <button
                    type="button"
                    class="menu-button"
                    node_ref=menu_button
                    aria-expanded=move || menu_open.get().to_string()
                    aria-controls="header-menu"
                    on:click=move |_| menu_open.update(|open| *open = !*open)
                >
                    <span class="menu-icon" aria-hidden="true"></span>
                    "Menu"
                </button>
            </div>
            <div id="header-menu" class="header-menu" class:open=move || menu_open.get()>
                <p class="organisation" data-testid="organisation">
                    {move || organisation.get()}
                </p>
                <ThemeSwitch />
                <Show when=move || has_workbook.get()>
                    <WorkbookBar />
                </Show>
                <nav aria-label="Main" on:click=on_nav_click>
                    <ul>
                        {PAGES
                            .into_iter()
                            .map(|(path, name)| {
                                view! {
                                    <li>
                                        <A href=route(path) exact=path == "/">
                                            {name}
                                        </A>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
            </div>
            <UpdateBanner />
            <BackupReminder />
            <RetentionNotice />
        </header>
    }
}

/// Undo and redo, and when this workbook was last saved to a file, with the
/// changes since and Save to file (one click to the same file, where the
/// browser keeps a chosen file).
#[component]
fn WorkbookBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Re-read the clock when the backup changes or every minute.
    let tick = minute_tick();
    let label = move || {
        tick.track();
        // The revision moves when a save lands.
        state.save_status.track();
        state.backup.with(|backup| {
            let clock = backup
                .as_ref()
                .map(|b| local_time(b.exported_at.as_str()))
                .unwrap_or_default();
            library::backup_label(
                backup.as_ref(),
                state.revision(),
                browser::now().epoch_ms(),
                &clock,
            )
        })
    };
    view! {
        <div class="workbook-bar">
            <div class="undo-redo" role="group" aria-label="Undo and redo">
                {history_button("Undo", "Control+Z", "Undo (Ctrl+Z)", state.can_undo, move || state.undo())}
                {history_button(
                    "Redo",
                    "Control+Shift+Z",
                    "Redo (Ctrl+Shift+Z)",
                    state.can_redo,
                    move || state.redo(),
                )}
            </div>
            <div class="backup-status">
                <span data-testid="backup-status">{label}</span>
                <QuickSave message_class="backup-message" />
            </div>
        </div>
    }
}

/// A step back or forward in the edit history, offered only when there is
/// one; its shortcut is announced and shown as a tip.
fn history_button(
    label: &'static str,
    keys: &'static str,
    tip: &'static str,
    possible: RwSignal<bool>,
    step: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button
            type="button"
            on:click=move |_| step()
            disabled=move || !possible.get()
            aria-keyshortcuts=keys
            title=tip
        >
            {label}
        </button>
    }
}

/// A gentle reminder to save to a file: after a week of changes without
/// one, or two days where the browser deletes unvisited data after seven.
/// Rechecked at start, when a save lands, and every minute, so that it
/// comes by elapsed time alone, with no edit in this session.
#[component]
fn BackupReminder() -> impl IntoView {
    let state = expect_context::<AppState>();
    let snoozed = RwSignal::new(false);
    // The revision only moves when a save lands, so recheck then, not on
    // every keystroke's "Saving…" (the check reads local storage).
    let last_saved = Memo::new(move |_| match state.save_status.get() {
        SaveStatus::Saved(at) => Some(at),
        _ => None,
    });
    let tick = minute_tick();
    let due = move || {
        last_saved.track();
        tick.track();
        let Some(id) = state.current.get() else {
            return false;
        };
        let ns = state.namespace();
        let created = state
            .workbook
            .with_untracked(|w| w.as_ref().map(|w| w.created_at.clone()));
        !snoozed.get()
            && created.is_some_and(|created| {
                library::backup_reminder_due(
                    state.backup.get().as_ref(),
                    state.revision(),
                    &created,
                    browser::now().epoch_ms(),
                    store::reminder_snoozed_until(&ns, &id),
                    state.retention,
                )
            })
    };
    let snooze = move |_| {
        if let Some(id) = state.current.get_untracked() {
            store::snooze_reminder(
                &state.namespace(),
                &id,
                browser::now().epoch_ms() + 24 * 60 * 60 * 1000,
            );
        }
        snoozed.set(true);
    };
    view! {
        <Show when=due>
            <div class="backup-reminder" role="region" aria-label="Backup reminder">
                <p>{state.retention.reminder_text()}</p>
                <QuickSave primary=true message_class="backup-message" />
                <button type="button" on:click=snooze>
                    "Remind me tomorrow"
                </button>
            </div>
        </Show>
    }
}

/// A signal that moves every minute while the component that made it is
/// mounted: what depends on the clock tracks it.
fn minute_tick() -> RwSignal<u32> {
    let tick = RwSignal::new(0u32);
    let interval = set_interval_with_handle(
        move || tick.update(|t| *t += 1),
        std::time::Duration::from_secs(60),
    )
    .ok();
    on_cleanup(move || {
        if let Some(handle) = interval {
            handle.clear();
        }
    });
    tick
}

/// The open workbook's framework attribution (FitSM's CC BY 4.0), if it needs one.
#[component]
pub fn OpenFrameworkAttribution() -> impl IntoView {
    let open = open_framework(expect_context::<AppState>());
    move || {
        open.get()
            .map(|framework| view! { <FrameworkAttribution framework /> })
    }
}

/// The open workbook's framework, if a workbook is open and its framework is
/// compiled in. Keyed by id, so that an edit to the workbook wakes nothing.
fn open_framework(state: AppState) -> Signal<Option<&'static Framework>> {
    let id = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().map(|w| w.framework.id.clone()))
    });
    Signal::derive(move || id.get().and_then(|id| framework::by_id(&id)))
}

/// Tells the truth about saving, and announces changes to screen readers.
#[component]
fn SaveIndicator() -> impl IntoView {
    let state = expect_context::<AppState>();
    let outcome = save_outcome(state);
    let text = move || match outcome.get() {
        SaveStatus::Idle => {
            if state.workbook.with(Option::is_some) {
                "All changes saved".to_owned()
            } else {
                String::new()
            }
        }
        SaveStatus::Pending => "Saving…".to_owned(),
        SaveStatus::Saved(at) => format!("Saved at {}", local_time(at.as_str())),
        failed => not_saved(&failed).unwrap_or_default(),
    };
    let failed = move || outcome.with(is_failure);
    let blocked = move || matches!(outcome.get(), SaveStatus::Blocked(_));
    let export = move |_| {
        let _ = state.back_up();
    };
    view! {
        <div class="save-status" class:save-failed=failed>
            // While a failure shows, the alert where the person works
            // announces it; this line stays quiet.
            <p
                role="status"
                aria-live=move || if failed() { "off" } else { "polite" }
                data-testid="save-status"
            >
                {text}
            </p>
            <Show when=failed>
                <button type="button" on:click=export>
                    "Export JSON"
                </button>
            </Show>
            <Show when=blocked>
                <button type="button" class="primary" on:click=move |_| state.reload()>
                    "Reload"
                </button>
            </Show>
        </div>
    }
}

/// The save status as a person should read it: while saves keep failing,
/// each new attempt ("Saving…") does not hide the failure, so the message
/// stays put and is announced once.
fn save_outcome(state: AppState) -> Memo<SaveStatus> {
    Memo::new(move |shown: Option<&SaveStatus>| {
        let now = state.save_status.get();
        match (now, shown) {
            (SaveStatus::Pending, Some(last)) if is_failure(last) => last.clone(),
            (now, _) => now,
        }
    })
}

fn is_failure(status: &SaveStatus) -> bool {
    matches!(status, SaveStatus::Failed(_) | SaveStatus::Blocked(_))
}

/// "Not saved — " and the cause, for a failed or refused save.
fn not_saved(status: &SaveStatus) -> Option<String> {
    match status {
        SaveStatus::Failed(error) => Some(format!("Not saved — {error}")),
        SaveStatus::Blocked(conflict) => Some(format!("Not saved — {conflict}")),
        _ => None,
    }
}

/// A failed save, shown at the foot of the window wherever the person is on
/// the page (the header scrolls away), and announced once when it begins or
/// its cause changes.
#[component]
pub fn SaveProblem() -> impl IntoView {
    let state = expect_context::<AppState>();
    let outcome = save_outcome(state);
    let problem = Memo::new(move |_| outcome.with(not_saved));
    let blocked = move || matches!(outcome.get(), SaveStatus::Blocked(_));
    view! {
        <div class="save-problem" role="alert" data-testid="save-problem">
            {move || {
                problem
                    .get()
                    .map(|message| {
                        view! {
                            <div class="save-problem-bar">
                                <p>{message}</p>
                                <div class="actions">
                                    <button
                                        type="button"
                                        on:click=move |_| {
                                            let _ = state.back_up();
                                        }
                                    >
                                        "Download a copy"
                                    </button>
                                    <Show when=blocked>
                                        <button type="button" class="primary" on:click=move |_| state.reload()>
                                            "Open the saved version"
                                        </button>
                                    </Show>
                                </div>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// Set when a newer build of the app is installed and waiting.
#[derive(Clone, Copy)]
pub struct UpdateReady(pub RwSignal<bool>);

#[component]
fn UpdateBanner() -> impl IntoView {
    let ready = use_context::<UpdateReady>().map(|u| u.0);
    move || {
        ready.filter(|r| r.get()).map(|_| {
            view! {
                <div class="update-banner" role="status">
                    <p>"A new version of Clausebook is ready. Your work is saved."</p>
                    <button type="button" class="primary" on:click=|_| crate::platform::offline::apply_update()>
                        "Reload to update"
                    </button>
                </div>
            }
        })
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"There is no page at this address. " <A href=route("/")>"Go to the Overview"</A> "."</p>
    }
}
