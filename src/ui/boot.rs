//! Start-up. Opening at the Overview, the page is painted at once from the
//! copy of its figures stored with the last save ([`overview::Stored`]):
//! a few kilobytes, where the workbook itself is megabytes after a year of
//! use. Meanwhile the rest of the app, a separate chunk of code in release
//! builds, is fetched, reads and checks the workbook, and takes the page
//! over ([`hand_over`]). A click on the preview in that moment is kept and
//! replayed on the app, and keyboard focus stays where it was.
//!
//! This is the only code, with what it uses, in the first download: keep
//! it small (see `.ci/size-check.mjs`).

use super::overview::OverviewView;
use super::route;
use super::theme::{self, ThemeSwitch};
use crate::browser;
use crate::library::{self, WorkbookId};
use crate::overview::{self, Overview};
use crate::storage::{self, NAMESPACE};
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
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

/// Starts Clausebook: the preview, when there is a current one, then the app.
pub fn start() {
    crate::perf::mark("clausebook:boot");
    theme::apply_theme(theme::stored());
    let preview = read_preview();
    crate::perf::mark("clausebook:preview-read");
    if let Some(preview) = preview {
        let handle = leptos::mount::mount_to(leptos::tachys::dom::body(), move || {
            view! { <Preview preview /> }
        });
        PREVIEW.with(|p| *p.borrow_mut() = Some(Box::new(handle)));
        crate::perf::mark("clausebook:preview");
    }
    super::open_app();
}

/// Replaces the preview with the app, which has just been mounted after it:
/// removes the preview, puts focus back where it was, and replays a click
/// made while the app was loading.
pub fn hand_over() {
    let Some(preview) = PREVIEW.with(|p| p.borrow_mut().take()) else {
        return;
    };
    let focused = gloo_utils::document()
        .active_element()
        .filter(|el| el.closest(".boot-preview").ok().flatten().is_some())
        .map(|el| Target::of(&el));
    // Dropping the handle unmounts the preview.
    drop(preview);
    if let Some(el) = focused.and_then(|t| t.find()) {
        let _ = el.focus();
    }
    if let Some(el) = PENDING
        .with(|p| p.borrow_mut().take())
        .and_then(|t| t.find())
    {
        el.click();
    }
    if let Some(body) = gloo_utils::document().body() {
        let _ = body.class_list().remove_1("boot-waiting");
    }
}

thread_local! {
    /// The mounted preview (its unmount handle), until the app takes over.
    static PREVIEW: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
    /// The last link or button clicked on the preview.
    static PENDING: RefCell<Option<Target>> = const { RefCell::new(None) };
}

/// What the preview shows besides the Overview itself.
struct PreviewData {
    overview: Overview,
    backup_label: String,
    reminder_due: bool,
}

/// The stored Overview of the active workbook, if the page opened is the
/// Overview and the copy describes the workbook's current revision today.
fn read_preview() -> Option<PreviewData> {
    let path = gloo_utils::window().location().pathname().ok()?;
    let here = path.strip_prefix(super::base_path()).unwrap_or(&path);
    if !(here.is_empty() || here == "/") {
        return None;
    }
    let id = WorkbookId::try_from(storage::read_raw(&format!("{NAMESPACE}.active"))?).ok()?;
    let revision: Revision = serde_json::from_str(&storage::read_raw(&storage::workbook_key(
        NAMESPACE, &id, "head",
    ))?)
    .ok()?;
    let stored: overview::Stored = serde_json::from_str(&storage::read_raw(
        &storage::workbook_key(NAMESPACE, &id, "overview"),
    )?)
    .ok()?;
    if !stored.describes(revision.revision, browser::today()) {
        return None;
    }
    let now = browser::now().epoch_ms();
    let backup = storage::backup(NAMESPACE, &id);
    Some(PreviewData {
        backup_label: library::backup_label(backup.as_ref(), now),
        reminder_due: library::backup_reminder_due(
            backup.as_ref(),
            revision.revision,
            &stored.created_at,
            now,
            storage::reminder_snoozed_until(NAMESPACE, &id),
        ),
        overview: stored.overview,
    })
}

/// The one field of a stored head the preview needs.
#[derive(serde::Deserialize)]
struct Revision {
    revision: u64,
}

/// The header and the Overview as the app will show them, drawn from the
/// stored copy. The header repeats the app's (`ui::Header`) markup, minus
/// what needs the workbook; the end-to-end test `boot.test.mjs` checks that
/// the two read the same to assistive technology.
#[component]
fn Preview(preview: PreviewData) -> impl IntoView {
    let PreviewData {
        overview,
        backup_label,
        reminder_due,
    } = preview;
    let framework = format!(" · {}", overview.framework_name);
    let organisation = overview.organisation.clone();
    view! {
        <div class="boot-preview" on:click=keep_click>
            <a class="skip-link" href="#main">
                "Skip to content"
            </a>
            <header class="app-header">
                <div class="brand-row">
                    <p class="brand">
                        <span class="brand-name">"Clausebook"</span>
                        <span class="brand-sub">{framework}</span>
                    </p>
                    <p class="organisation" data-testid="organisation">
                        {organisation}
                    </p>
                    <div class="save-status">
                        <p role="status" aria-live="polite" data-testid="save-status">
                            "All changes saved"
                        </p>
                    </div>
                    <ThemeSwitch />
                </div>
                <div class="workbook-bar">
                    <div class="undo-redo" role="group" aria-label="Undo and redo">
                        <button type="button" disabled aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">
                            "Undo"
                        </button>
                        <button
                            type="button"
                            disabled
                            aria-keyshortcuts="Control+Shift+Z"
                            title="Redo (Ctrl+Shift+Z)"
                        >
                            "Redo"
                        </button>
                    </div>
                    <p class="backup-status">
                        <span data-testid="backup-status">{backup_label}</span>
                        " "
                        <button type="button">"Back up now"</button>
                    </p>
                    <p class="backup-message" role="status"></p>
                </div>
                {reminder_due
                    .then(|| {
                        view! {
                            <div class="backup-reminder" role="region" aria-label="Backup reminder">
                                <p>
                                    "It has been more than a week since this workbook was last exported, and it has changed since. An export is your backup if this browser's data is ever cleared."
                                </p>
                                <button type="button" class="primary">
                                    "Back up now"
                                </button>
                                <button type="button">"Remind me tomorrow"</button>
                            </div>
                        }
                    })}
                <nav aria-label="Main">
                    <ul>
                        {PAGES
                            .into_iter()
                            .map(|(path, name)| {
                                let current = (path == "/").then_some("page");
                                view! {
                                    <li>
                                        <a href=route(path) aria-current=current>
                                            {name}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
            </header>
            <main id="main" tabindex="-1" aria-busy="true">
                <OverviewView overview=Signal::stored(overview) />
            </main>
        </div>
    }
}

/// Keeps a click on a link or button of the preview for the app to replay.
fn keep_click(ev: leptos::ev::MouseEvent) {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a, button").ok().flatten())
    else {
        return;
    };
    ev.prevent_default();
    PENDING.with(|p| *p.borrow_mut() = Some(Target::of(&el)));
    // The pointer shows that the click was taken (see main.css).
    if let Some(body) = gloo_utils::document().body() {
        let _ = body.class_list().add_1("boot-waiting");
    }
}

/// An element of the preview, found again in the app: by id, or else by
/// tag and text (the n-th such element), since the two share their markup.
struct Target {
    id: String,
    tag: String,
    text: String,
    nth: usize,
}

impl Target {
    fn of(el: &web_sys::Element) -> Self {
        let tag = el.tag_name().to_lowercase();
        let text = el.text_content().unwrap_or_default().trim().to_owned();
        let nth = matching(&tag, &text)
            .iter()
            .position(|e| e == el)
            .unwrap_or(0);
        Self {
            id: el.id(),
            tag,
            text,
            nth,
        }
    }

    fn find(&self) -> Option<web_sys::HtmlElement> {
        let el = if self.id.is_empty() {
            matching(&self.tag, &self.text).into_iter().nth(self.nth)
        } else {
            gloo_utils::document().get_element_by_id(&self.id)
        };
        el.and_then(|el| el.dyn_into().ok())
    }
}

/// The elements with this tag and text, in document order.
fn matching(tag: &str, text: &str) -> Vec<web_sys::Element> {
    let Ok(list) = gloo_utils::document().query_selector_all(tag) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter(|el| el.text_content().unwrap_or_default().trim() == text)
        .collect()
}
