//! The user interface: one module per page, and the shell that holds them.

mod clauses;
mod data;
mod evidence;
pub mod improvements;
mod overview;
pub mod portfolio;
mod recovery;
mod requirement;
pub mod study;

use crate::browser;
use crate::framework::{self, Framework};
use crate::schema::Stored;
use crate::storage::{self, Autosaver, SAVE_DELAY_MS, SaveStatus, WORKBOOK_KEY};
use crate::workbook::Workbook;
use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

pub use clauses::ClausesPage;
pub use data::DataPage;
pub use overview::OverviewPage;
pub use recovery::RecoveryPage;
pub use requirement::RequirementPage;

/// The state every page shares: the workbook and how saving is going.
#[derive(Clone, Copy)]
pub struct AppState {
    pub workbook: RwSignal<Option<Workbook>>,
    pub save_status: RwSignal<SaveStatus>,
}

impl AppState {
    pub fn framework(&self) -> &'static Framework {
        self.workbook
            .with_untracked(|w| w.as_ref().and_then(|w| framework::by_id(&w.framework.id)))
            .unwrap_or_else(framework::iso20000)
    }

    /// Applies an edit to the open workbook, if there is one.
    pub fn edit(&self, f: impl FnOnce(&mut Workbook)) {
        self.workbook.update(|w| {
            if let Some(w) = w {
                f(w)
            }
        });
    }
}

/// The whole app: reads storage once, then either opens the workbench or,
/// if the stored data cannot be read, the recovery screen.
#[component]
pub fn App() -> impl IntoView {
    apply_theme(
        storage::read_raw(THEME_KEY)
            .as_deref()
            .and_then(Theme::from_key)
            .unwrap_or(Theme::System),
    );
    let update = UpdateReady(RwSignal::new(false));
    provide_context(update);
    crate::offline::register(move || update.0.set(true));
    match storage::load(WORKBOOK_KEY) {
        Stored::Unreadable { raw, error } => view! { <RecoveryPage raw error /> }.into_any(),
        Stored::Empty => view! { <Workbench initial=None /> }.into_any(),
        Stored::Ready(envelope) => {
            view! { <Workbench initial=Some(envelope.workbook) /> }.into_any()
        }
    }
}

/// The workbench: header, navigation, pages, and autosave.
#[component]
pub fn Workbench(
    initial: Option<Workbook>,
    /// The storage key; tests use their own.
    #[prop(default = WORKBOOK_KEY)]
    storage_key: &'static str,
) -> impl IntoView {
    let workbook = RwSignal::new(initial);
    let save_status = RwSignal::new(SaveStatus::Idle);
    let state = AppState {
        workbook,
        save_status,
    };
    provide_context(state);

    let autosaver = Autosaver::new(
        storage_key,
        SAVE_DELAY_MS,
        move || workbook.get_untracked(),
        move |status| save_status.set(status),
    );
    autosaver.flush_on_page_hide();
    // Every change after the first run is a user edit (or an import) to save.
    Effect::new(move |first_run_done: Option<()>| {
        workbook.track();
        if first_run_done.is_some() {
            autosaver.changed();
        }
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
                    <Route path=path!("/data") view=DataPage />
                    <Route path=path!("/study") view=study::StudyPage />
                </Routes>
            </main>
            <footer class="app-footer">
                <p>
                    "Clausebook keeps your workbook in this browser only. ISO/IEC 20000-1 clause numbers and titles are shown for reference; the requirement text is © ISO and is not reproduced. Guidance is Clausebook's own."
                </p>
            </footer>
        </Router>
    }
}

#[component]
fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let organisation = Memo::new(move |_| {
        state
            .workbook
            .with(|w| w.as_ref().map(|w| w.organisation.name.clone()))
    });
    view! {
        <header class="app-header">
            <div class="brand-row">
                <p class="brand">
                    <span class="brand-name">"Clausebook"</span>
                    <span class="brand-sub">" · ISO/IEC 20000-1:2018"</span>
                </p>
                <p class="organisation" data-testid="organisation">
                    {move || organisation.get()}
                </p>
                <SaveIndicator />
                <ThemeSwitch />
            </div>
            <UpdateBanner />
            <nav aria-label="Main">
                <ul>
                    <li>
                        <A href=route("/") exact=true>
                            "Overview"
                        </A>
                    </li>
                    <li>
                        <A href=route("/clauses")>"Clauses"</A>
                    </li>
                    <li>
                        <A href=route("/improvements")>"Improvements"</A>
                    </li>
                    <li>
                        <A href=route("/portfolio")>"Portfolio"</A>
                    </li>
                    <li>
                        <A href=route("/data")>"Data"</A>
                    </li>
                    <li>
                        <A href=route("/study")>"Study"</A>
                    </li>
                </ul>
            </nav>
        </header>
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
    };
    let failed = move || matches!(state.save_status.get(), SaveStatus::Failed(_));
    view! {
        <p class="save-status" class:save-failed=failed role="status" aria-live="polite">
            {text}
        </p>
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

/// Where the chosen theme is remembered.
pub const THEME_KEY: &str = "clausebook.theme";

/// The colour theme: the system's, or one the user picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn from_key(key: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.key() == key)
    }

    fn label(self) -> &'static str {
        match self {
            Theme::System => "System",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

/// Sets `data-theme` on the root element; the stylesheet does the rest.
fn apply_theme(theme: Theme) {
    if let Some(root) = gloo_utils::document().document_element() {
        let _ = root.set_attribute("data-theme", theme.key());
    }
}

#[component]
fn ThemeSwitch() -> impl IntoView {
    let current = storage::read_raw(THEME_KEY)
        .as_deref()
        .and_then(Theme::from_key)
        .unwrap_or(Theme::System);
    let theme = RwSignal::new(current);
    view! {
        <p class="theme-switch">
            <label for="theme">"Theme"</label>
            <select
                id="theme"
                on:change=move |ev| {
                    if let Some(t) = Theme::from_key(&event_target_value(&ev)) {
                        theme.set(t);
                        apply_theme(t);
                        // A preference, not work: if storage refuses, the
                        // theme still applies for this visit.
                        let _ = storage::write_raw(THEME_KEY, t.key());
                    }
                }
            >
                {Theme::ALL
                    .into_iter()
                    .map(|t| {
                        view! {
                            <option value=t.key() prop:selected=move || theme.get() == t>
                                {t.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </p>
    }
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
