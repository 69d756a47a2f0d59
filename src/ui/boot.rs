//! Start-up. Opening at the Overview, the page is painted at once from the
//! copy of its figures stored with the last save ([`overview::Stored`]):
//! a few kilobytes, where the workbook itself is megabytes after a year of
//! use. The copy comes from the start-up mirror in IndexedDB
//! ([`startup`]), so nothing here touches local storage, which the browser
//! would load whole first. Once the first screenful is on screen, the rest
//! of the app, a separate chunk of code in release builds, is fetched,
//! reads and checks the workbook, and takes the page over ([`hand_over`]).
//! A click on the preview in that moment is kept and replayed on the app,
//! and keyboard focus stays where it was.
//!
//! This is the only code, with what it uses, in the first download: keep
//! it small (see `.ci/size-check.mjs`).

use super::overview::OverviewView;
use super::route;
use super::theme::{self, ThemeSwitch};
use crate::browser;
use crate::library::{self, WorkbookId};
use crate::overview::{self, Overview};
use crate::startup;
use crate::storage::{self, NAMESPACE};
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use std::time::Duration;
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
    if !at_overview() {
        theme::apply_theme(theme::stored());
        super::open_app();
        return;
    }
    // The mirror, not local storage: see `startup` for why.
    wasm_bindgen_futures::spawn_local(async {
        let mirror = startup::read(NAMESPACE).await;
        crate::perf::mark("clausebook:preview-read");
        let theme = match &mirror {
            Some(mirror) => theme::from_stored(mirror.get(theme::THEME_KEY)),
            None => theme::stored(),
        };
        theme::apply_theme(theme);
        if let Some(preview) = mirror.as_ref().and_then(preview_of) {
            // The first screenful is painted first; the sections below it
            // follow once it is on screen, before anyone could scroll.
            let below_fold = RwSignal::new(false);
            let handle = leptos::mount::mount_to(leptos::tachys::dom::body(), move || {
                view! { <Preview preview below_fold /> }
            });
            PREVIEW.with(|p| *p.borrow_mut() = Some(Box::new(handle)));
            crate::perf::mark("clausebook:preview");
            // Then the app's code is fetched and compiled. Not before: on two
            // cores, compiling it and drawing the rest held back the pixels
            // of the first screenful by some 40 ms.
            once_on_screen(move || {
                below_fold.set(true);
                set_timeout(super::open_app, Duration::ZERO);
            });
        } else {
            super::open_app();
        }
    });
}

/// Runs `f` once the page's first content is on screen: when the browser
/// has recorded its first contentful paint (checked every frame), or after
/// [`MAX_FRAMES`] frames in browsers that do not record it.
fn once_on_screen(f: impl FnOnce() + 'static) {
    fn check(f: Box<dyn FnOnce()>, frames: u32) {
        let painted = gloo_utils::window()
            .performance()
            .is_some_and(|p| p.get_entries_by_name("first-contentful-paint").length() > 0);
        if painted || frames >= MAX_FRAMES {
            f();
        } else {
            request_animation_frame(move || check(f, frames + 1));
        }
    }
    // A page opened in the background paints nothing, and runs no frames.
    if gloo_utils::document().hidden() {
        f();
    } else {
        request_animation_frame(move || check(Box::new(f), 1));
    }
}

/// At 60 Hz, a quarter of a second.
const MAX_FRAMES: u32 = 15;

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

/// Whether the page opened is the Overview, the one the preview draws.
fn at_overview() -> bool {
    let Ok(path) = gloo_utils::window().location().pathname() else {
        return false;
    };
    let here = path.strip_prefix(super::base_path()).unwrap_or(&path);
    here.is_empty() || here == "/"
}

/// The stored Overview of the active workbook, if the copy describes the
/// workbook's current revision today.
fn preview_of(mirror: &startup::Mirror) -> Option<PreviewData> {
    let id = WorkbookId::try_from(mirror.get(&storage::active_key(NAMESPACE))?).ok()?;
    let key = |part| storage::workbook_key(NAMESPACE, &id, part);
    let revision: Revision = serde_json::from_str(&mirror.get(&key("head"))?).ok()?;
    let stored: overview::Stored = serde_json::from_str(&mirror.get(&key("overview"))?).ok()?;
    if !stored.describes(revision.revision, browser::today()) {
        return None;
    }
    let now = browser::now().epoch_ms();
    let backup: Option<library::Backup> = mirror
        .get(&key("backup"))
        .and_then(|text| serde_json::from_str(&text).ok());
    let snoozed_until = mirror.get(&key("remind")).and_then(|t| t.parse().ok());
    Some(PreviewData {
        backup_label: library::backup_label(backup.as_ref(), now),
        reminder_due: library::backup_reminder_due(
            backup.as_ref(),
            revision.revision,
            &stored.created_at,
            now,
            snoozed_until,
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
fn Preview(preview: PreviewData, below_fold: RwSignal<bool>) -> impl IntoView {
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
                <OverviewView overview=Signal::stored(overview) below_fold />
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
