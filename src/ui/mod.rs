//! The user interface: one module per page, and the shell that holds them.

pub mod boot;
mod clauses;
mod compare;
mod data;
pub mod dom;
mod evidence;
mod framework_choice;
pub mod improvements;
pub mod overview;
pub mod portfolio;
pub mod progress;
mod recovery;
pub mod reports;
mod requirement;
pub mod study;
pub mod theme;
mod trainer;
mod workbooks;

use crate::browser;
use crate::storage::{self, Autosaver, Loaded, NAMESPACE, SAVE_DELAY_MS, SaveFn, SaveStatus};
use clausebook_core::framework::{self, Framework};
use clausebook_core::history::History;
use clausebook_core::library::{self, Backup, WorkbookId};
use clausebook_core::schema;
use clausebook_core::workbook::Workbook;
use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::JsCast;

pub use clauses::ClausesPage;
pub use data::DataPage;
pub use framework_choice::{FrameworkAttribution, FrameworkChoice};
pub use overview::OverviewPage;
pub use recovery::RecoveryPage;
pub use requirement::RequirementPage;
use theme::ThemeSwitch;

/// The state every page shares: the open workbook, how saving is going,
/// and the session's undo history.
#[derive(Clone, Copy)]
pub struct AppState {
    pub workbook: RwSignal<Option<Workbook>>,
    pub save_status: RwSignal<SaveStatus>,
    /// The open workbook's id; None for a new workbook until its first save.
    pub current: RwSignal<Option<WorkbookId>>,
    /// Goes up when the list of workbooks changes, here or in another tab.
    pub library_changed: RwSignal<u32>,
    /// When the open workbook was last exported.
    pub backup: RwSignal<Option<Backup>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    history: StoredValue<History<Workbook>>,
    saver: StoredValue<Autosaver, LocalStorage>,
    /// Set while a stored workbook is being opened: that change is not an edit.
    opening: StoredValue<bool>,
}

thread_local! {
    /// The text field of the last edit, so that typing coalesces into one undo step.
    static LAST_FIELD: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
}

impl AppState {
    pub fn framework(&self) -> &'static Framework {
        self.workbook
            .with_untracked(|w| w.as_ref().and_then(|w| framework::by_id(&w.framework.id)))
            .unwrap_or_else(framework::iso20000)
    }

    /// The local storage namespace this workbench saves into.
    pub fn namespace(&self) -> String {
        self.saver.with_value(|s| s.namespace().to_owned())
    }

    /// Applies an edit to the open workbook, if there is one, as one undo step
    /// (or part of the current one while typing in the same field).
    ///
    /// The edit runs on a copy outside the signal's lock, so a failure inside
    /// it can never leave the workbook half-changed or locked for the crash
    /// screen's export.
    pub fn edit(&self, f: impl FnOnce(&mut Workbook)) {
        let same_field = typing_in_same_field();
        let now = js_sys::Date::now();
        if self.history.with_value(|h| h.joins(same_field, now)) {
            // Typing on in one field: the step's before-state is already
            // kept, so change the workbook in place rather than copy it on
            // every keystroke (it may hold thousands of items).
            self.workbook.update(|w| {
                if let Some(w) = w {
                    f(w)
                }
            });
            self.history.update_value(|h| h.extend(now));
            self.refresh_history();
            self.saver.with_value(Autosaver::changed);
            return;
        }
        let Some(mut next) = self.workbook.get_untracked() else {
            return;
        };
        f(&mut next);
        self.commit(next, same_field);
    }

    /// Replaces the whole workbook (an import or a restore) as one undo step.
    pub fn replace(&self, workbook: Workbook) {
        LAST_FIELD.with(|f| f.borrow_mut().take());
        self.commit(workbook, false);
    }

    fn commit(&self, next: Workbook, same_field: bool) {
        let previous = self
            .workbook
            .try_update_untracked(|w| w.replace(next))
            .flatten();
        if let Some(previous) = previous {
            self.history
                .update_value(|h| h.record(previous, same_field, js_sys::Date::now()));
        }
        self.workbook.notify();
        self.refresh_history();
        // Marked at once (the effect below runs later) so a flush right
        // after an edit writes it.
        self.saver.with_value(Autosaver::changed);
    }

    pub fn undo(&self) {
        self.step(|h, current| h.undo(current));
    }

    pub fn redo(&self) {
        self.step(|h, current| h.redo(current));
    }

    fn step(&self, f: impl FnOnce(&mut History<Workbook>, Workbook) -> Option<Workbook>) {
        let Some(current) = self.workbook.get_untracked() else {
            return;
        };
        LAST_FIELD.with(|f| f.borrow_mut().take());
        let mut target = None;
        self.history.update_value(|h| target = f(h, current));
        if let Some(target) = target {
            self.workbook.set(Some(target));
        }
        self.refresh_history();
    }

    fn refresh_history(&self) {
        let (undo, redo) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo.set(undo);
        self.can_redo.set(redo);
    }

    /// Saves any pending edits now.
    pub fn flush(&self) {
        self.saver.with_value(Autosaver::flush);
    }

    /// Opens a stored workbook in place of the current one (whose edits are
    /// saved first). An unreadable one opens the recovery screen.
    pub fn open(&self, id: &WorkbookId) -> Result<(), String> {
        self.flush();
        let ns = self.namespace();
        match storage::load_workbook(&ns, id) {
            Loaded::Ready { workbook, head } => {
                self.saver
                    .with_value(|s| s.open(Some(id.clone()), head.revision));
                self.opening.set_value(true);
                storage::refresh_overview(&ns, id, head.revision, &workbook);
                // Also brings the start-up mirror up to date, overview included.
                storage::set_active(&ns, id);
                self.workbook.set(Some(*workbook));
                self.after_switch(Some(id.clone()));
                Ok(())
            }
            Loaded::Unreadable { .. } => {
                storage::set_active(&ns, id);
                let _ = gloo_utils::window().location().reload();
                Ok(())
            }
            Loaded::Missing => Err(
                "That workbook is no longer stored in this browser; it may have been deleted in another tab."
                    .into(),
            ),
        }
    }

    /// Starts a new workbook; its first save adds it to the list.
    pub fn start_new(&self, workbook: Workbook) {
        self.flush();
        self.saver.with_value(|s| s.open(None, 0));
        self.workbook.set(Some(workbook));
        self.after_switch(None);
        // Marked at once (the effect runs later) so that a flush right
        // after this writes it.
        self.saver.with_value(Autosaver::changed);
    }

    /// Closes the workbook (after it was deleted): back to the welcome page.
    pub fn close(&self) {
        self.saver.with_value(|s| s.open(None, 0));
        self.opening.set_value(true);
        self.workbook.set(None);
        self.after_switch(None);
    }

    fn after_switch(&self, id: Option<WorkbookId>) {
        let ns = self.namespace();
        self.history.update_value(History::clear);
        self.refresh_history();
        self.backup
            .set(id.as_ref().and_then(|id| storage::backup(&ns, id)));
        self.current.set(id);
        self.save_status.set(SaveStatus::Idle);
        self.library_changed.update(|n| *n += 1);
    }

    /// Adds a fresh copy of the training sample beside the user's own
    /// workbooks and opens it; their workbooks are not touched.
    pub fn load_sample(&self) -> Result<String, String> {
        self.flush();
        let ns = self.namespace();
        let sample = clausebook_core::sample::workbook(browser::now(), browser::today());
        let library = storage::load_library(&ns);
        let base = format!("Sample: {}", clausebook_core::sample::ORGANISATION);
        let name = if library.live().any(|e| e.name == base) {
            library.copy_name(&base)
        } else {
            base
        };
        let id = storage::create_workbook(&ns, &name, &sample, true).map_err(|e| e.to_string())?;
        self.open(&id)?;
        Ok(name)
    }

    /// Exports the workbook as a JSON download and records the backup.
    pub fn back_up(&self) -> Result<String, String> {
        self.flush();
        let Some(workbook) = self.workbook.get_untracked() else {
            return Err("There is no workbook to export yet.".into());
        };
        let name = clausebook_core::export::file_name(&workbook, browser::today());
        let text = clausebook_core::export::export_json(&workbook, browser::now());
        offer_download(&name, &text)?;
        if let Some(id) = self.current.get_untracked() {
            let revision = self.saver.with_value(|s| s.session().known_revision);
            if let Ok(backup) = storage::record_backup(&self.namespace(), &id, revision) {
                self.backup.set(Some(backup));
            }
        }
        Ok(name)
    }

    /// The revision of the open workbook this tab knows.
    pub fn revision(&self) -> u64 {
        self.saver.with_value(|s| s.session().known_revision)
    }
}

/// Whether the focused element is the text field of the previous edit.
fn typing_in_same_field() -> bool {
    let active = gloo_utils::document().active_element();
    let is_text = active.as_ref().is_some_and(|el| {
        let tag = el.tag_name();
        tag.eq_ignore_ascii_case("textarea")
            || (tag.eq_ignore_ascii_case("input")
                && !matches!(
                    el.get_attribute("type").as_deref(),
                    Some("checkbox" | "radio" | "button" | "submit" | "file")
                ))
    });
    LAST_FIELD.with(|last| {
        let mut last = last.borrow_mut();
        let same = is_text && *last == active;
        *last = if is_text { active } else { None };
        same
    })
}

/// Mounts the app after the start-up preview (`boot`), if any, and hands
/// the page over to it. In a release build the app is a chunk of its own,
/// fetched here, so that the first download holds only the preview.
pub fn open_app() {
    #[cfg(feature = "split")]
    wasm_bindgen_futures::spawn_local(mount_app());
    #[cfg(not(feature = "split"))]
    mount_app_now();
}

#[cfg(feature = "split")]
#[leptos::lazy]
fn mount_app() {
    mount_app_now();
}

fn mount_app_now() {
    leptos::mount::mount_to_body(App);
    boot::hand_over();
    crate::perf::mark("clausebook:app");
}

/// The whole app: reads storage once, then either opens the workbench or,
/// if the stored data cannot be read, the recovery screen.
#[component]
pub fn App() -> impl IntoView {
    let update = UpdateReady(RwSignal::new(false));
    provide_context(update);
    crate::offline::register(move || update.0.set(true));
    storage::purge_deleted(NAMESPACE);
    let library = storage::load_library(NAMESPACE);
    let Some(id) = storage::active(NAMESPACE, &library) else {
        // Nothing for the next start to preview (the mirror may still
        // describe a workbook whose storage was cleared).
        crate::startup::publish(NAMESPACE);
        return view! { <Workbench initial=None /> }.into_any();
    };
    // The benchmark's share of "Start" spent reading the stored workbook.
    let loaded = crate::perf::measure("clausebook:load", || storage::load_workbook(NAMESPACE, &id));
    if let Loaded::Ready { workbook, head } = &loaded {
        // The next start paints the Overview from this copy (`ui::boot`).
        storage::refresh_overview(NAMESPACE, &id, head.revision, workbook);
    }
    // Whatever this start found, the next one previews from it (`startup`).
    crate::startup::publish(NAMESPACE);
    match loaded {
        Loaded::Unreadable { raw, error } => view! { <RecoveryPage id raw error /> }.into_any(),
        Loaded::Missing => view! { <Workbench initial=None /> }.into_any(),
        Loaded::Ready { workbook, head } => {
            view! { <Workbench initial=Some(*workbook) opened=(id, head.revision) /> }.into_any()
        }
    }
}

/// The workbench: header, navigation, pages, and autosave.
#[component]
pub fn Workbench(
    initial: Option<Workbook>,
    /// The stored workbook `initial` came from, and its revision; without
    /// it, `initial` is new and its first save adds it to the list.
    #[prop(optional)]
    opened: Option<(WorkbookId, u64)>,
    /// The local storage namespace; tests use their own.
    #[prop(default = NAMESPACE)]
    storage_key: &'static str,
) -> impl IntoView {
    let workbook = RwSignal::new(initial);
    let save_status = RwSignal::new(SaveStatus::Idle);
    let current = RwSignal::new(opened.as_ref().map(|(id, _)| id.clone()));
    let autosaver = Autosaver::new(
        storage_key,
        SAVE_DELAY_MS,
        move |save: &mut SaveFn| {
            workbook.with_untracked(|w| {
                if let Some(w) = w {
                    save(w);
                }
            })
        },
        move |status| save_status.set(status),
    );
    if let Some((id, revision)) = &opened {
        autosaver.open(Some(id.clone()), *revision);
    }
    let state = AppState {
        workbook,
        save_status,
        current,
        library_changed: RwSignal::new(0),
        backup: RwSignal::new(
            opened
                .as_ref()
                .and_then(|(id, _)| storage::backup(storage_key, id)),
        ),
        can_undo: RwSignal::new(false),
        can_redo: RwSignal::new(false),
        history: StoredValue::new(History::default()),
        saver: StoredValue::new_local(autosaver.clone()),
        opening: StoredValue::new(false),
    };
    provide_context(state);
    autosaver.on_created(move |id| {
        current.set(Some(id));
        state.library_changed.update(|n| *n += 1);
    });
    autosaver.flush_on_page_hide();
    watch_other_tabs(state, autosaver.clone());
    listen_for_shortcuts(state);
    crate::crash::watch(move || {
        workbook
            .try_with_untracked(|w| {
                w.as_ref()
                    .map(|w| clausebook_core::export::export_json(w, browser::now()))
            })
            .flatten()
    });
    // Every change after the first run is a user edit (or an import) to
    // save, except opening another stored workbook.
    Effect::new(move |first_run_done: Option<()>| {
        workbook.track();
        if first_run_done.is_some() && !state.opening.get_value() {
            autosaver.changed();
        }
        state.opening.set_value(false);
    });

    view! {
        <Router base=base_path()>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <Header />
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=OverviewPage />
                    <Route path=path!("/clauses") view=ClausesPage />
                    <Route path=path!("/clauses/:id") view=RequirementPage />
                    <Route path=path!("/improvements") view=improvements::ImprovementsPage />
                    <Route path=path!("/improvements/:id") view=improvements::ImprovementPage />
                    <Route path=path!("/portfolio") view=portfolio::PortfolioPage />
                    <Route path=path!("/portfolio/catalogue") view=portfolio::CataloguePage />
                    <Route path=path!("/portfolio/:id") view=portfolio::ServicePage />
                    <Route path=path!("/workbooks") view=workbooks::WorkbooksPage />
                    <Route path=path!("/reports") view=reports::ReportsPage />
                    <Route path=path!("/reports/:report") view=reports::ReportPage />
                    <Route path=path!("/data") view=DataPage />
                    <Route path=path!("/progress") view=progress::ProgressPage />
                    <Route path=path!("/compare") view=compare::ComparePage />
                    <Route path=path!("/study") view=study::StudyPage />
                </Routes>
            </main>
            <footer class="app-footer">
                <p>
                    "Clausebook keeps your workbooks in this browser only. ISO/IEC 20000-1 clause numbers and titles are shown for reference; the requirement text is © ISO and is not reproduced. Guidance is Clausebook's own."
                </p>
                <OpenFrameworkAttribution />
            </footer>
        </Router>
    }
}

/// Another tab saving the open workbook, or changing the list, shows up
/// here as a storage event: the stale tab stops writing at once.
fn watch_other_tabs(state: AppState, saver: Autosaver) {
    let ns = saver.namespace().to_owned();
    let on_storage = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::StorageEvent)>::new(
        move |event: web_sys::StorageEvent| {
            let Some(key) = event.key() else {
                return;
            };
            if key == format!("{ns}.library") {
                state.library_changed.update(|n| *n += 1);
                // Deleted in the other tab: stop saving it here.
                if let Some(id) = state.current.get_untracked() {
                    let library: library::Library = event
                        .new_value()
                        .and_then(|text| serde_json::from_str(&text).ok())
                        .unwrap_or_default();
                    if library.get(&id).is_none() {
                        saver.block(library::Conflict::Removed);
                    }
                }
                return;
            }
            let Some(id) = state.current.get_untracked() else {
                return;
            };
            if key != storage::workbook_key(&ns, &id, "head") {
                return;
            }
            let session = saver.session();
            let head = event
                .new_value()
                .and_then(|text| serde_json::from_str::<library::Head>(&text).ok());
            if let Err(conflict) =
                library::check_write(session.known_revision, head.as_ref(), schema::APP_VERSION)
            {
                saver.block(conflict);
            }
        },
    );
    let _ = gloo_utils::window()
        .add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    // Lives as long as the page.
    on_storage.forget();
}

/// Ctrl+Z undoes and Ctrl+Shift+Z (or Ctrl+Y) redoes, anywhere in the app.
/// Typing in one field is one step, so this also serves inside text fields.
fn listen_for_shortcuts(state: AppState) {
    let on_key = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(
        move |event: web_sys::KeyboardEvent| {
            if !(event.ctrl_key() || event.meta_key()) || event.alt_key() {
                return;
            }
            // A workbench that was unmounted (tests mount several) ignores keys.
            if state.can_undo.try_get_untracked().is_none() {
                return;
            }
            let key = event.key().to_lowercase();
            let redo = (key == "z" && event.shift_key()) || key == "y";
            let undo = key == "z" && !event.shift_key();
            if undo && state.can_undo.get_untracked() {
                event.prevent_default();
                state.undo();
            } else if redo && state.can_redo.get_untracked() {
                event.prevent_default();
                state.redo();
            }
        },
    );
    let _ = gloo_utils::document()
        .add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    on_key.forget();
}

#[component]
fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let organisation = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().map(|w| w.organisation.name.clone()))
    });
    let has_workbook = Memo::new(move |_| state.workbook.with(Option::is_some));
    let framework_name = Memo::new(move |_| {
        state.workbook.with(|w| {
            w.as_ref()
                .and_then(|w| framework::by_id(&w.framework.id))
                .unwrap_or_else(framework::iso20000)
                .name
                .clone()
        })
    });
    view! {
        <header class="app-header">
            <div class="brand-row">
                <p class="brand">
                    <span class="brand-name">"Clausebook"</span>
                    <span class="brand-sub">{move || format!(" · {}", framework_name.get())}</span>
                </p>
                <p class="organisation" data-testid="organisation">
                    {move || organisation.get()}
                </p>
                <SaveIndicator />
                <ThemeSwitch />
            </div>
            <Show when=move || has_workbook.get()>
                <WorkbookBar />
            </Show>
            <UpdateBanner />
            <BackupReminder />
            <nav aria-label="Main">
                <ul>
                    {boot::PAGES
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
        </header>
    }
}

/// Undo and redo, and when this workbook was last backed up.
#[component]
fn WorkbookBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let message = RwSignal::new(None::<String>);
    // Re-read the clock when the backup changes or every minute.
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
    let label = move || {
        tick.track();
        library::backup_label(state.backup.get().as_ref(), browser::now().epoch_ms())
    };
    let back_up = move |_| match state.back_up() {
        Ok(name) => message.set(Some(format!("Downloaded {name}. Keep it somewhere safe."))),
        Err(e) => message.set(Some(e)),
    };
    view! {
        <div class="workbook-bar">
            <div class="undo-redo" role="group" aria-label="Undo and redo">
                <button
                    type="button"
                    on:click=move |_| state.undo()
                    disabled=move || !state.can_undo.get()
                    aria-keyshortcuts="Control+Z"
                    title="Undo (Ctrl+Z)"
                >
                    "Undo"
                </button>
                <button
                    type="button"
                    on:click=move |_| state.redo()
                    disabled=move || !state.can_redo.get()
                    aria-keyshortcuts="Control+Shift+Z"
                    title="Redo (Ctrl+Shift+Z)"
                >
                    "Redo"
                </button>
            </div>
            <p class="backup-status">
                <span data-testid="backup-status">{label}</span>
                " "
                <button type="button" on:click=back_up>
                    "Back up now"
                </button>
            </p>
            <p class="backup-message" role="status">
                {move || message.get()}
            </p>
        </div>
    }
}

/// A gentle reminder after a week of changes without an export.
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
    let due = move || {
        last_saved.track();
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
                    storage::reminder_snoozed_until(&ns, &id),
                )
            })
    };
    let snooze = move |_| {
        if let Some(id) = state.current.get_untracked() {
            storage::snooze_reminder(
                &state.namespace(),
                &id,
                browser::now().epoch_ms() + 24 * 60 * 60 * 1000,
            );
        }
        snoozed.set(true);
    };
    let back_up = move |_| {
        let _ = state.back_up();
    };
    view! {
        <Show when=due>
            <div class="backup-reminder" role="region" aria-label="Backup reminder">
                <p>
                    "It has been more than a week since this workbook was last exported, and it has changed since. An export is your backup if this browser's data is ever cleared."
                </p>
                <button type="button" class="primary" on:click=back_up>
                    "Back up now"
                </button>
                <button type="button" on:click=snooze>
                    "Remind me tomorrow"
                </button>
            </div>
        </Show>
    }
}

/// The open workbook's framework attribution (FitSM's CC BY 4.0), if it needs one.
#[component]
fn OpenFrameworkAttribution() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().and_then(|w| framework::by_id(&w.framework.id)))
            .map(|f| f.id.clone())
    });
    move || {
        open.get()
            .and_then(|id| framework::by_id(&id))
            .map(|framework| view! { <FrameworkAttribution framework /> })
    }
}

/// Tells the truth about saving, and announces changes to screen readers.
#[component]
fn SaveIndicator() -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = move || match state.save_status.get() {
        SaveStatus::Idle => {
            if state.workbook.with(Option::is_some) {
                "All changes saved".to_owned()
            } else {
                String::new()
            }
        }
        SaveStatus::Pending => "Saving…".to_owned(),
        SaveStatus::Saved(at) => format!("Saved at {}", local_time(at.as_str())),
        SaveStatus::Failed(error) => format!("Not saved — {error}"),
        SaveStatus::Blocked(conflict) => format!("Not saved — {conflict}"),
    };
    let failed = move || {
        matches!(
            state.save_status.get(),
            SaveStatus::Failed(_) | SaveStatus::Blocked(_)
        )
    };
    let blocked = move || matches!(state.save_status.get(), SaveStatus::Blocked(_));
    let export = move |_| {
        let _ = state.back_up();
    };
    view! {
        <div class="save-status" class:save-failed=failed>
            <p role="status" aria-live="polite" data-testid="save-status">
                {text}
            </p>
            <Show when=failed>
                <button type="button" on:click=export>
                    "Export JSON"
                </button>
            </Show>
            <Show when=blocked>
                <button
                    type="button"
                    class="primary"
                    on:click=|_| {
                        let _ = gloo_utils::window().location().reload();
                    }
                >
                    "Reload"
                </button>
            </Show>
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
                    <button type="button" class="primary" on:click=|_| crate::offline::apply_update()>
                        "Reload to update"
                    </button>
                </div>
            }
        })
    }
}

/// "25 Nov 2026, 14:05" in the user's time zone.
pub(crate) fn local_date_time(timestamp: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(timestamp));
    format!(
        "{} {} {}, {:02}:{:02}",
        date.get_date(),
        MONTHS.get(date.get_month() as usize).unwrap_or(&""),
        date.get_full_year(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// "14:05" in the user's time zone.
fn local_time(timestamp: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(timestamp));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// The path the app is served under, without a trailing slash: "" at the
/// site root, "/clausebook" when hosted at `/clausebook/`. Read once from
/// `<base href>`, which the build sets from trunk's `--public-url`.
pub fn base_path() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        // Only an explicit <base> counts: without one, baseURI is the
        // page's own URL, which is not where the app lives.
        gloo_utils::document()
            .query_selector("base[href]")
            .ok()
            .flatten()
            .and_then(|base| base.get_attribute("href"))
            .and_then(|href| {
                web_sys::Url::new_with_base(&href, &gloo_utils::window().location().href().ok()?)
                    .ok()
            })
            .map(|url| url.pathname().trim_end_matches('/').to_owned())
            .unwrap_or_default()
    })
}

/// A requirement status as a coloured badge with its name.
pub(crate) fn status_badge(s: clausebook_core::assessment::Status) -> impl IntoView {
    view! { <span class=format!("badge status-{}", s.key())>{s.label()}</span> }
}

/// A share as a bar, hidden from assistive technology: the figure follows it in text.
pub(crate) fn bar(percent: u32) -> impl IntoView {
    view! {
        <span class="bar" aria-hidden="true">
            <span class="bar-fill" style:width=format!("{percent}%")></span>
        </span>
    }
}

/// An in-app path ("/clauses/4.1") as a link under the base path.
pub fn route(path: &str) -> String {
    format!("{}{}", base_path(), path)
}

/// Runs a browser download and reports a refusal.
pub(crate) fn offer_download(name: &str, text: &str) -> Result<(), String> {
    browser::download(name, text, "application/json")
}

/// A page for an address whose item does not exist: what was missing, and
/// a link back to the list it should have been in.
#[component]
pub(crate) fn Missing(
    title: &'static str,
    message: String,
    back_href: &'static str,
    back_text: &'static str,
) -> impl IntoView {
    view! {
        <h1>{title}</h1>
        <p>{message} " " <A href=route(back_href)>{back_text}</A> "."</p>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"There is no page at this address. " <A href=route("/")>"Go to the Overview"</A> "."</p>
    }
}
