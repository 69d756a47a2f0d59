//! The app: the state every page shares, the shell around the pages, and
//! the routes between them.

pub mod boot;
pub mod records;
pub mod recovery;
mod retention_notice;
mod shell;
mod state;
pub mod theme;

use crate::pages::{
    clauses::ClausesPage, compare, data::DataPage, improvements, overview::OverviewPage, portfolio,
    progress, recovery::RecoveryPage, reports, requirement::RequirementPage, study, workbooks,
};
use crate::platform::browser;
use crate::platform::store::{
    self, Autosaver, Loaded, NAMESPACE, SAVE_DELAY_MS, SaveFn, SaveStatus,
};
use clausebook_core::file::schema;
use clausebook_core::history::History;
use clausebook_core::library::{self, WorkbookId};
use clausebook_core::workbook::Workbook;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use shell::{Header, NotFound, OpenFrameworkAttribution, SaveProblem};
use wasm_bindgen::JsCast;

pub use crate::platform::browser::base_path;
pub use shell::UpdateReady;
pub use state::{AppState, FileOpenError, FileSaveError};

/// Mounts the app. In a release build the app is a chunk of its own,
/// fetched here, so that the first download holds only the start-up code
/// (`boot`).
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
    crate::platform::perf::mark("clausebook:app");
}

/// The whole app: reads storage once, then either opens the workbench or,
/// if the stored data cannot be read, the recovery screen.
#[component]
pub fn App() -> impl IntoView {
    let update = UpdateReady(RwSignal::new(false));
    provide_context(update);
    // After the first screen: installing the worker fetches the whole build
    // for offline use, which must not hold up the page's own files.
    browser::when_idle(move || crate::platform::offline::register(move || update.0.set(true)));
    store::purge_deleted(NAMESPACE);
    store::remove_retired_entries(NAMESPACE);
    let library = store::load_library(NAMESPACE);
    let Some(id) = store::active(NAMESPACE, &library) else {
        return view! { <Workbench initial=None /> }.into_any();
    };
    // The benchmark's share of "Start" spent reading the stored workbook.
    let loaded =
        crate::platform::perf::measure("clausebook:load", || store::load_workbook(NAMESPACE, &id));
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
                .and_then(|(id, _)| store::backup(storage_key, id)),
        ),
        can_undo: RwSignal::new(false),
        can_redo: RwSignal::new(false),
        retention: crate::platform::retention::retention(),
        persisted: RwSignal::new(None),
        history: StoredValue::new(History::default()),
        saver: StoredValue::new_local(autosaver.clone()),
        opening: StoredValue::new(false),
    };
    provide_context(state);
    state.ask_persistence();
    ask_again_after_first_save(state);
    autosaver.on_created(move |id| {
        current.set(Some(id));
        state.library_changed.update(|n| *n += 1);
    });
    autosaver.flush_on_page_hide();
    watch_other_tabs(state, autosaver.clone());
    listen_for_shortcuts(state);
    crate::platform::crash::watch(move || {
        workbook
            .try_with_untracked(|w| {
                w.as_ref()
                    .map(|w| clausebook_core::file::export::export_json(w, browser::now()))
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
            <SaveProblem />
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

/// The first save of a session asks for persistent storage once more, if
/// the browser has not granted it yet: the site has then been used.
fn ask_again_after_first_save(state: AppState) {
    Effect::new(move |asked: Option<bool>| {
        if asked == Some(true) {
            return true;
        }
        let saved = matches!(state.save_status.get(), SaveStatus::Saved(_));
        if saved && state.persisted.get_untracked() != Some(true) {
            state.ask_persistence();
        }
        saved
    });
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
            if key != store::workbook_key(&ns, &id, "head") {
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

/// An in-app path ("/clauses/4.1") as a link under the base path.
pub fn route(path: &str) -> String {
    format!("{}{}", base_path(), path)
}
