//! Start-up. Opening at the Overview, the page is painted at once from a
//! preview: the header and the Overview's first screenful as the last save
//! left them, drawn from the copy of its figures stored with every save
//! ([`overview::Stored`]), a few kilobytes where the workbook itself is
//! megabytes after a year of use.
//!
//! The preview is drawn ahead of time: every time the start-up mirror is
//! written ([`startup::publish`]), [`stored_preview`] puts the preview's
//! markup into it, with the moment it stops being current (midnight, or
//! the backup line changing). At the next start, `startup.js`, inlined in
//! the page, reads the mirror from IndexedDB and draws that markup at
//! once, before the app's code has arrived; nothing touches local storage,
//! which the browser would load whole first. It also keeps a click made on
//! the preview, and applies a theme picked on it.
//!
//! When this code runs, it takes that preview over ([`start`]): once it is
//! on screen, it adds the Overview's other sections, and the rest of the
//! app, a separate chunk of code in release builds, is fetched, reads and
//! checks the workbook, and takes the page over ([`hand_over`]): the
//! kept click is replayed on the app, and keyboard focus stays where it was.
//!
//! This is the only code, with what it uses, in the first download: keep
//! it small (see `.ci/size-check.mjs`). It does not use the reactive
//! renderer, and Leptos comes with the app's chunk.

use super::theme::{self, Theme};
use crate::pages::overview::{above_fold, below_fold};
use crate::platform::browser;
use crate::platform::startup;
use crate::platform::storage::{self, NAMESPACE};
use crate::widgets::dom;
use crate::widgets::markup::{self, Node, el};
use clausebook_core::library::{self, WorkbookId};
use clausebook_core::overview::{self, Overview};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

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

/// Starts Clausebook: takes over the preview `startup.js` drew, if it drew
/// one, then opens the app.
pub fn start() {
    crate::platform::perf::mark("clausebook:boot");
    if !at_overview() {
        start_without_preview(None);
        return;
    }
    // The early read draws the preview the moment it has the record, so
    // once the read has finished, the preview is there or will not be.
    match startup::read_now(NAMESPACE) {
        startup::Read::Done(record) => take_over(record),
        read => wasm_bindgen_futures::spawn_local(async move {
            take_over(read.finish(NAMESPACE).await);
        }),
    }
}

/// Opens the app with no preview on the page, in the stored theme, and
/// tells the early read not to draw one any more.
fn start_without_preview(record: Option<&wasm_bindgen::JsValue>) {
    startup::set_global(startup::STARTED, &true.into());
    let theme = match record.and_then(startup::Mirror::from_js) {
        Some(mirror) => theme::from_stored(mirror.get(theme::THEME_KEY)),
        None => theme::stored(),
    };
    theme::apply_theme(theme);
    super::open_app();
}

/// Takes over the preview `startup.js` drew from `record`, if any; else
/// opens the app at once.
fn take_over(record: Option<wasm_bindgen::JsValue>) {
    crate::platform::perf::mark("clausebook:preview-read");
    let Some(root) = startup::take_global(startup::DRAWN)
        .and_then(|root| root.dyn_into::<web_sys::Element>().ok())
    else {
        start_without_preview(record.as_ref());
        return;
    };
    let sections = root
        .query_selector(".overview")
        .ok()
        .flatten()
        .unwrap_or_else(|| root.clone());
    PREVIEW.with(|p| *p.borrow_mut() = Some(root));
    crate::platform::perf::mark("clausebook:preview-taken");
    // The sections below the first screenful follow once it is on screen,
    // before anyone could scroll; then the app's code is fetched and
    // compiled. Not before: on two cores, compiling it and drawing the
    // rest held back the pixels of the first screenful by some 40 ms.
    once_on_screen(move || {
        let mirror = record.as_ref().and_then(startup::Mirror::from_js);
        let now = browser::now().epoch_ms();
        if let Some(preview) = mirror.as_ref().and_then(|m| preview_of(NAMESPACE, m, now)) {
            dom::append(
                &sections,
                &below_fold(&preview.overview, super::base_path()),
            );
        }
        set_timeout(super::open_app);
    });
}

/// The preview as `startup.js` draws it at the next start, for the
/// start-up mirror's record: its markup as JSON, where the app lives
/// (`base`), and when it was made and stops being current (`made`,
/// `until`, in milliseconds since the epoch). `None` when the mirror holds
/// no current Overview.
pub fn stored_preview(ns: &str, mirror: &startup::Mirror) -> Option<wasm_bindgen::JsValue> {
    // One reading of the clock for when it was made and what it shows.
    let made = browser::now().epoch_ms();
    let preview = preview_of(ns, mirror, made)?;
    let midnight = browser::next_midnight_ms();
    let until = preview.changes_at.map_or(midnight, |at| at.min(midnight));
    let theme = theme::from_stored(mirror.get(theme::THEME_KEY));
    let base = super::base_path();
    let markup = Node::from(preview_markup(&preview, base, theme)).to_json();
    let object = js_sys::Object::new();
    for (key, value) in [
        ("markup", wasm_bindgen::JsValue::from_str(&markup)),
        ("base", base.into()),
        ("made", (made as f64).into()),
        ("until", (until as f64).into()),
    ] {
        let _ = js_sys::Reflect::set(&object, &key.into(), &value);
    }
    Some(object.into())
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

fn request_animation_frame(f: impl FnOnce() + 'static) {
    let f = Closure::once_into_js(f);
    let _ = gloo_utils::window().request_animation_frame(f.unchecked_ref());
}

/// Runs `f` as a task of its own, after what is queued.
fn set_timeout(f: impl FnOnce() + 'static) {
    let f = Closure::once_into_js(f);
    let _ = gloo_utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 0);
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
    // Found while the preview's elements are still on the page, before
    // the app's in document order.
    let focused = gloo_utils::document()
        .active_element()
        .filter(|el| preview.contains(Some(el)))
        .map(|el| Target::of(&el));
    let clicked = startup::take_global(startup::KEPT_CLICK)
        .and_then(|el| el.dyn_into::<web_sys::Element>().ok())
        .filter(|el| preview.contains(Some(el)))
        .map(|el| Target::of(&el));
    preview.remove();
    // The switch on the preview applied the theme; the app remembers it.
    if let Some(t) = startup::take_global(startup::PICKED_THEME)
        .and_then(|key| key.as_string())
        .and_then(|key| Theme::from_key(&key))
    {
        theme::choose(t);
    }
    if let Some(el) = focused.and_then(|t| t.find()) {
        let _ = el.focus();
    }
    if let Some(el) = clicked.and_then(|t| t.find()) {
        el.click();
    }
    if let Some(body) = gloo_utils::document().body() {
        let _ = body.class_list().remove_1("boot-waiting");
    }
}

thread_local! {
    /// The preview on the page, until the app takes over.
    static PREVIEW: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// What the preview shows besides the Overview itself.
pub struct PreviewData {
    pub overview: Overview,
    pub backup_label: String,
    pub reminder_due: bool,
    /// When the backup line or reminder may next change, if ever.
    pub changes_at: Option<i64>,
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
/// workbook's current revision today, with the header's backup line as of
/// `now` (milliseconds since the epoch).
fn preview_of(ns: &str, mirror: &startup::Mirror, now: i64) -> Option<PreviewData> {
    let id = WorkbookId::try_from(mirror.get(&storage::active_key(ns))?).ok()?;
    let key = |part| storage::workbook_key(ns, &id, part);
    let revision: Revision = serde_json::from_str(&mirror.get(&key("head"))?).ok()?;
    let stored: overview::Stored = serde_json::from_str(&mirror.get(&key("overview"))?).ok()?;
    if !stored.describes(revision.revision, browser::today()) {
        return None;
    }
    let backup: Option<library::Backup> = mirror
        .get(&key("backup"))
        .and_then(|text| serde_json::from_str(&text).ok());
    let snoozed_until = mirror.get(&key("remind")).and_then(|t| t.parse().ok());
    let changes_at = [
        library::backup_label_changes_at(backup.as_ref(), now),
        library::backup_reminder_changes_at(
            backup.as_ref(),
            revision.revision,
            &stored.created_at,
            now,
            snoozed_until,
        ),
    ]
    .into_iter()
    .flatten()
    .min();
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
        changes_at,
    })
}

/// The one field of a stored head the preview needs.
#[derive(serde::Deserialize)]
struct Revision {
    revision: u64,
}

/// The header and the Overview's first screenful as the app will show
/// them, from the stored copy, for the app at `base`, in `theme`. The
/// header repeats the app's (`ui::Header`) markup, minus what needs the
/// workbook; the end-to-end test `boot.test.mjs` checks that the two read
/// the same to assistive technology.
pub fn preview_markup(preview: &PreviewData, base: &str, theme: Theme) -> markup::Element {
    let PreviewData {
        overview,
        backup_label,
        reminder_due,
        changes_at: _,
    } = preview;
    let button = |label: &str| el("button").attr("type", "button").text(label);
    let brand_row = el("div")
        .class("brand-row")
        .child(
            el("p")
                .class("brand")
                .child(el("span").class("brand-name").text("Clausebook"))
                .child(
                    el("span")
                        .class("brand-sub")
                        .text(format!(" · {}", overview.framework_name)),
                ),
        )
        .child(
            el("p")
                .class("organisation")
                .attr("data-testid", "organisation")
                .text(overview.organisation.clone()),
        )
        .child(
            el("div").class("save-status").child(
                el("p")
                    .attr("role", "status")
                    .attr("aria-live", "polite")
                    .attr("data-testid", "save-status")
                    .text("All changes saved"),
            ),
        )
        .child(theme_switch(theme));
    let workbook_bar = el("div")
        .class("workbook-bar")
        .child(
            el("div")
                .class("undo-redo")
                .attr("role", "group")
                .attr("aria-label", "Undo and redo")
                .child(
                    button("Undo")
                        .attr("disabled", "")
                        .attr("aria-keyshortcuts", "Control+Z")
                        .attr("title", "Undo (Ctrl+Z)"),
                )
                .child(
                    button("Redo")
                        .attr("disabled", "")
                        .attr("aria-keyshortcuts", "Control+Shift+Z")
                        .attr("title", "Redo (Ctrl+Shift+Z)"),
                ),
        )
        .child(
            el("p")
                .class("backup-status")
                .child(
                    el("span")
                        .attr("data-testid", "backup-status")
                        .text(backup_label.clone()),
                )
                .text(" ")
                .child(button("Back up now")),
        )
        .child(el("p").class("backup-message").attr("role", "status"));
    let reminder = reminder_due.then(|| {
            el("div")
                .class("backup-reminder")
                .attr("role", "region")
                .attr("aria-label", "Backup reminder")
                .child(el("p").text("It has been more than a week since this workbook was last exported, and it has changed since. An export is your backup if this browser's data is ever cleared."))
                .child(button("Back up now").class("primary"))
                .child(button("Remind me tomorrow"))
        });
    let links = PAGES.into_iter().map(|(path, name)| {
        el("li").child(
            el("a")
                .attr("href", format!("{base}{path}"))
                .attr_opt("aria-current", (path == "/").then_some("page"))
                .text(name),
        )
    });
    let header = el("header")
        .class("app-header")
        .child(brand_row)
        .child(workbook_bar)
        .child_opt(reminder)
        .child(
            el("nav")
                .attr("aria-label", "Main")
                .child(el("ul").children(links)),
        );
    let main = el("main")
        .attr("id", "main")
        .attr("tabindex", "-1")
        .attr("aria-busy", "true")
        .child(
            el("div")
                .class("overview")
                .children(above_fold(overview, base)),
        );
    el("div")
        .class("boot-preview")
        .child(
            el("a")
                .class("skip-link")
                .attr("href", "#main")
                .text("Skip to content"),
        )
        .child(header)
        .child(main)
}

/// The theme switch as `theme::ThemeSwitch` draws it, set to `current`.
fn theme_switch(current: Theme) -> Node {
    let options = Theme::ALL.into_iter().map(|t| {
        el("option")
            .attr("value", t.key())
            .attr_opt("selected", (t == current).then_some(""))
            .text(t.label())
    });
    el("p")
        .class("theme-switch")
        .child(el("label").attr("for", "theme").text("Theme"))
        .child(el("select").attr("id", "theme").children(options))
        .into()
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
