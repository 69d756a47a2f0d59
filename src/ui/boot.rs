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
//! it small (see `.ci/size-check.mjs`). It does not use the reactive
//! renderer: the preview is drawn once, from [`markup`], by `ui::dom`, and
//! Leptos comes with the app's chunk. In a browser every function is
//! compiled when first run, so code run before the first paint costs twice.

use super::overview::{above_fold, below_fold};
use super::theme::{self, Theme};
use super::{dom, route};
use crate::browser;
use crate::library::{self, WorkbookId};
use crate::markup::{self, Node, el};
use crate::overview::{self, Overview};
use crate::startup;
use crate::storage::{self, NAMESPACE};
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

/// Starts Clausebook: the preview, when there is a current one, then the app.
pub fn start() {
    crate::perf::mark("clausebook:boot");
    if !at_overview() {
        theme::apply_theme(theme::stored());
        super::open_app();
        return;
    }
    // The mirror, not local storage: see `startup` for why. Usually read
    // by the time this runs; otherwise the preview waits for it.
    match startup::read_now(NAMESPACE) {
        startup::Read::Done(mirror) => show(mirror),
        read => wasm_bindgen_futures::spawn_local(async move {
            show(read.finish(NAMESPACE).await);
        }),
    }
}

/// Applies the stored theme, and draws the preview if the mirror holds a
/// current one; else opens the app at once.
fn show(mirror: Option<startup::Mirror>) {
    crate::perf::mark("clausebook:preview-read");
    let theme = match &mirror {
        Some(mirror) => theme::from_stored(mirror.get(theme::THEME_KEY)),
        None => theme::stored(),
    };
    theme::apply_theme(theme);
    let Some(preview) = mirror.as_ref().and_then(preview_of) else {
        super::open_app();
        return;
    };
    // The first screenful is painted first; the sections below it follow
    // once it is on screen, before anyone could scroll.
    let shown = Preview::draw(&preview);
    let sections = shown.overview.clone();
    PREVIEW.with(|p| *p.borrow_mut() = Some(shown));
    crate::perf::mark("clausebook:preview");
    // Then the app's code is fetched and compiled. Not before: on two
    // cores, compiling it and drawing the rest held back the pixels of the
    // first screenful by some 40 ms.
    once_on_screen(move || {
        dom::append(
            &sections,
            &below_fold(&preview.overview, super::base_path()),
        );
        set_timeout(super::open_app);
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
    let focused = gloo_utils::document()
        .active_element()
        .filter(|el| preview.root.contains(Some(el)))
        .map(|el| Target::of(&el));
    preview.root.remove();
    // Its listeners go with it.
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
    /// The preview on the page, until the app takes over.
    static PREVIEW: RefCell<Option<Shown>> = const { RefCell::new(None) };
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

/// The preview on the page: its root, where the Overview's sections go, and
/// the listeners that keep what is done on it for the app.
struct Shown {
    root: web_sys::Element,
    overview: web_sys::Element,
    _listeners: [Closure<dyn FnMut(web_sys::Event)>; 2],
}

/// The header and the Overview as the app will show them, drawn from the
/// stored copy.
struct Preview;

impl Preview {
    /// Draws the header and the Overview's first screenful.
    fn draw(preview: &PreviewData) -> Shown {
        let root = dom::build(&Preview::markup(preview).into());
        let root: web_sys::Element = root.unchecked_into();
        let listen = |event: &str, f: fn(web_sys::Event)| {
            let closure = Closure::<dyn FnMut(web_sys::Event)>::new(f);
            let _ = root.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
            closure
        };
        let listeners = [listen("click", keep_click), listen("change", choose_theme)];
        let overview = root
            .query_selector(".overview")
            .ok()
            .flatten()
            .unwrap_or_else(|| root.clone());
        if let Some(body) = gloo_utils::document().body() {
            let _ = body.append_child(&root);
        }
        Shown {
            root,
            overview,
            _listeners: listeners,
        }
    }

    /// The header repeats the app's (`ui::Header`) markup, minus what needs
    /// the workbook; the end-to-end test `boot.test.mjs` checks that the two
    /// read the same to assistive technology.
    fn markup(preview: &PreviewData) -> markup::Element {
        let PreviewData {
            overview,
            backup_label,
            reminder_due,
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
            .child(theme_switch());
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
                    .attr("href", route(path))
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
                    .children(above_fold(overview, super::base_path())),
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
}

/// The theme switch as `theme::ThemeSwitch` draws it, set to the theme in force.
fn theme_switch() -> Node {
    let current = theme::current();
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

/// Applies a theme picked on the preview, as the app's switch would.
fn choose_theme(ev: web_sys::Event) {
    let picked = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .filter(|select| select.id() == "theme")
        .and_then(|select| Theme::from_key(&select.value()));
    if let Some(t) = picked {
        theme::choose(t);
    }
}

/// Keeps a click on a link or button of the preview for the app to replay.
fn keep_click(ev: web_sys::Event) {
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
